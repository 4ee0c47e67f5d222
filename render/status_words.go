package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/socialmobility/ladder/plans"
)

// WriteStatusWords writes the list for a screen reader, which reads the
// text form's columns as one run of dates and figures: each action is a
// sentence that names its figures ("Overdue by 12 days, due 14 February
// 2027: Write a one-page vision. Owner Ana. Plan Acme: Spring review
// (plans/acme.yaml)."), each group and each plan's totals a line in words.
// It is written as it goes, as WriteStatusText is.
func WriteStatusWords(w io.Writer, l *StatusList, dir string) error {
	return writeStatusBuffered(w, l, dir, writeStatusWords)
}

func writeStatusWords(b *bufio.Writer, d statusList) error {
	b.WriteString(d.introOn(spokenDate(d.o.Today)) + "\n")
	lone, err := d.sayLonePlan()
	if err != nil {
		return err
	}
	if lone != "" {
		b.WriteString(lone + "\n")
	}
	if d.o.Total() > 0 {
		err := d.each(func(title, summary string) error {
			switch {
			case d.by == ByDue:
				// The summary is the group's count alone ("3").
				n, _ := strconv.Atoi(summary)
				b.WriteString("\n" + title + ", " + countNoun(n, "action") + ":\n")
			case title == noOwner:
				b.WriteString("\nNo owner: " + summary + ".\n")
			default:
				b.WriteString("\n" + plain(title) + ": " + summary + ".\n")
			}
			return nil
		}, func(a *plans.Listed) error {
			b.WriteString(d.actionWords(a) + "\n")
			return nil
		})
		if err != nil {
			return err
		}
		if d.by != ByPlan && !d.planSaid && d.o.Plans() > d.o.CarriedOn() {
			b.WriteString(fmt.Sprintf("\nOpen actions by plan, %s:\n", countNoun(d.o.Plans()-d.o.CarriedOn(), "plan")))
			err := d.o.EachPlan(func(info plans.PlanInfo, open [4]int) error {
				if info.CarriedOnTo == "" {
					b.WriteString(plain(planName(info)) + ": " + urgencySummary(open) + ".\n")
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	first := true
	err = d.nextReviews(func(path, line string) error {
		if first {
			b.WriteString("\n" + d.nextReviewsTitle() + ":\n")
			first = false
		}
		b.WriteString(plain(path) + ": " + plain(line) + ".\n")
		return nil
	})
	if due := d.reviewsToBegin(); err == nil && len(due) > 0 {
		b.WriteString(fmt.Sprintf("\nReviews to begin, %d:\n", len(due)))
		for _, r := range due {
			b.WriteString(r.words() + "\n")
		}
	}
	return err
}

// actionWords is one open action as a sentence: when it is due, what it
// is and where from, then its owner and plan unless the group says them.
func (d statusList) actionWords(a *plans.Listed) string {
	text, what := actionParts(a.PlanAction)
	s := dueWords(d.o.Today, a.Due) + ": " + sentence(plain(text))
	if what != "" {
		s += " From: " + sentence(plain(what))
	}
	if d.by != ByOwner {
		if o := oneLine(a.Owner); o != "" {
			s += " Owner " + sentence(plain(o))
		} else {
			s += " No owner."
		}
	}
	if d.by != ByPlan && !d.planSaid {
		s += " Plan " + sentence(plain(planName(a.Plan)))
	}
	return s
}

// lonePlan names the one plan whose actions the list holds, when the
// others read were carried on to their next review (whose actions are
// chased there) or there were no others: "" when there are several, or
// none has open actions.
func (d statusList) lonePlan() (string, error) {
	info, ok, err := d.lonePlanInfo()
	if !ok {
		return "", err
	}
	return planName(info), err
}

// lonePlanInfo is lonePlan's plan; ok is false when there is none.
func (d statusList) lonePlanInfo() (lone plans.PlanInfo, ok bool, err error) {
	if d.o.Total() == 0 || d.o.Plans()-d.o.CarriedOn() != 1 {
		return lone, false, nil
	}
	err = d.o.EachPlan(func(info plans.PlanInfo, _ [4]int) error {
		if info.CarriedOnTo == "" {
			lone, ok = info, true
		}
		return nil
	})
	return lone, ok, err
}

// dueWords says when an action is due, the date spelt out: a speech
// engine reads 2027-02-14 as a sum or a run of numbers.
func dueWords(today, due plans.Date) string {
	if due.IsZero() {
		return "No due date"
	}
	switch n := today.DaysUntil(due); {
	case n < 0:
		return "Overdue by " + countNoun(-n, "day") + ", due " + spokenDate(due)
	case n == 0:
		return "Due today, " + spokenDate(due)
	default:
		return "Due in " + countNoun(n, "day") + ", on " + spokenDate(due)
	}
}

// spokenDate is "14 February 2027".
func spokenDate(d plans.Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}
