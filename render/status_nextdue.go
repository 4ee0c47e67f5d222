package render

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// A year after an organisation's last review (plans.NextReviewDue),
// status suggests the next one, with the ladder new --from that begins it
// from that plan: the yearly review is easy to forget when the list is
// what a team reads each month. It is a suggestion, not an action:
// nothing fails on it.

// lastReview is an organisation's newest plan on a list so far, with how
// many actions it has open (carrying it on takes them across).
type lastReview struct {
	info plans.PlanInfo
	open int
}

// noteReview keeps info if it is its organisation's last review on the
// list so far (plans.IsLaterReview).
func (l *StatusList) noteReview(info plans.PlanInfo, open int) {
	if info.Date.IsZero() {
		return // nothing to count a year from
	}
	if l.lastReviews == nil {
		l.lastReviews = map[string]*lastReview{}
	}
	key := plans.OrganisationKey(info.Organisation)
	if last := l.lastReviews[key]; last == nil || plans.IsLaterReview(info, last.info) {
		// Kept apart from the plan's file, whose texts they may share.
		info.Path, info.Organisation, info.Title = strings.Clone(info.Path), strings.Clone(info.Organisation), strings.Clone(info.Title)
		info.ReviewedVersion, info.ChecklistVersion = strings.Clone(info.ReviewedVersion), strings.Clone(info.ChecklistVersion)
		l.lastReviews[key] = &lastReview{info: info, open: open}
	}
}

// reviewToBegin is an organisation's next review, due or nearly.
type reviewToBegin struct {
	last    lastReview
	due     plans.Date
	days    int    // from today to due: below 0 once it has come
	command string // the ladder new that begins it, quoted for a shell
	// at is where command's flags start: the terminal's list breaks it
	// there, so that it fits 80 columns and still pastes as one command.
	at int
}

// reviewsToBegin are the next reviews due within plans.SoonDays, or due
// already, soonest due first: each organisation's whose newest plan names
// no next review. One that names one was carried on, or its link leads
// nowhere, which the list says already; as review.LastReviewOf, status
// does not look past it to an older plan.
func (d statusList) reviewsToBegin() []reviewToBegin {
	type next struct {
		r           reviewToBegin
		path, title string
	}
	var due []next
	for _, last := range d.lastReviews {
		info := last.info
		if info.CarriedOnTo != "" || info.NextReviewProblem != "" {
			continue
		}
		r := reviewToBegin{last: *last, due: plans.NextReviewDue(info.Date)}
		r.days = d.o.Today.DaysUntil(r.due)
		if r.days > plans.SoonDays {
			continue
		}
		// The names the start screen's form and the prompts write too.
		path, title := plans.NextReviewNames(info.Path, info.Title, info.Date.Year, plans.NextReviewYear(info.Date, d.o.Today))
		due = append(due, next{r, path, title})
	}
	slices.SortFunc(due, func(a, b next) int {
		return cmp.Or(a.r.due.Compare(b.r.due), strings.Compare(a.r.last.info.Path, b.r.last.info.Path))
	})
	// A name two organisations would move on to ("plans/2027/review.yaml",
	// from one's 2025 review, a year late, and another's of 2026), or the
	// file of another's plan: ladder new would write the first and refuse
	// the second. Each such review is named after its organisation too; so
	// is one whose name is a file there already (a plan not its
	// organisation's last review), which ladder new would refuse as well.
	taken := map[string]int{}
	for _, last := range d.lastReviews {
		taken[last.info.Path]++
	}
	for _, n := range due {
		taken[n.path]++
		if fileThere(n.path) {
			taken[n.path]++
		}
	}
	numbered := map[string]int{}
	out := make([]reviewToBegin, 0, len(due))
	for _, n := range due {
		path := n.path
		if taken[path] > 1 {
			path = distinctName(path, n.r.last.info.Organisation, taken, numbered)
		}
		words := []string{"ladder", "new", plans.CommandPath(path), "--from", plans.CommandPath(n.r.last.info.Path), "--title", plans.CommandQuote(n.title)}
		n.r.command = strings.Join(words, " ")
		n.r.at = len(strings.Join(words[:3], " "))
		out = append(out, n.r)
	}
	return out
}

// distinctName is path with the organisation's name added to the file's
// ("plans/2027/review-acme-cafe-ltd.yaml"), and a number after it if that
// is taken too, or a file there already; the name is noted in taken.
// numbered keeps the number each name went up to, so that many
// organisations whose names slug alike (a hostile folder's thousand)
// count on from the last rather than each trying every number again from
// 2, with a stat for each.
func distinctName(path, org string, taken, numbered map[string]int) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext) + "-" + plans.Slug(org)
	name := stem + ext
	for i := max(2, numbered[stem]+1); taken[name] > 0 || fileThere(name); i++ {
		name = stem + "-" + strconv.Itoa(i) + ext
		numbered[stem] = i
	}
	taken[name]++
	return name
}

// fileThere reports whether a file (or anything else) is at path, where
// ladder new would not write a plan.
func fileThere(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func (d statusList) reviewsToBeginTitle(n int) string {
	return fmt.Sprintf("Reviews to begin (%d)", n)
}

// organisation is who a review is of, on one line, safe to print.
func (r reviewToBegin) organisation() string {
	if org := strings.Join(strings.Fields(r.last.info.Organisation), " "); org != "" {
		return plain(org)
	}
	return plain(r.last.info.Path)
}

// lastTitle names the last review: its title, or "the review in PATH".
func (r reviewToBegin) lastTitle() string {
	if t := strings.Join(strings.Fields(r.last.info.Title), " "); t != "" {
		return plain(t)
	}
	return "the review in " + plain(r.last.info.Path)
}

// checklistMoved says that the checklist moved on a version since the
// last review, which the next is made against: ", made against version 1
// of its checklist, now at version 2"; "" when it did not.
func (r reviewToBegin) checklistMoved() string {
	info := r.last.info
	if info.ChecklistVersion == "" {
		return ""
	}
	return ", made against version " + plain(info.ReviewedVersion) + " of its checklist, now at version " + plain(info.ChecklistVersion)
}

// carrying says what beginning it from the last plan takes across.
func (r reviewToBegin) carrying() string {
	if r.last.open == 0 {
		return ""
	}
	return ", carrying on its " + countNoun(r.last.open, "open action")
}

// commandLines is the command on two lines, the first ending in a
// backslash, so that a shell reads the two as one command: the path,
// then the flags.
func (r reviewToBegin) commandLines() [2]string {
	return [2]string{plain(r.command[:r.at]) + " \\", "  " + plain(r.command[r.at+1:])}
}

// when says when the next review is due: "is due on 2027-09-01, in 12
// days", "was due on 2026-06-10, 436 days ago".
func (r reviewToBegin) when() string {
	switch {
	case r.days < 0:
		return "was due on " + r.due.String() + ", " + countNoun(-r.days, "day") + " ago"
	case r.days == 0:
		return "is due on " + r.due.String() + ", today"
	}
	return "is due on " + r.due.String() + ", in " + countNoun(r.days, "day")
}

// line is the suggestion for the text list and the Markdown: "Acme Café
// Ltd: the next review is due on 2027-09-01, in 12 days, a year after
// Review 2026 (2026-09-01). Begin it from that plan, carrying on its 2
// open actions:", the command following.
func (r reviewToBegin) line() string {
	return fmt.Sprintf("%s: the next review %s, a year after %s (%s%s). Begin it from that plan%s:",
		r.organisation(), r.when(), r.lastTitle(), r.last.info.Date, r.checklistMoved(), r.carrying())
}

// words is the suggestion as a sentence for a screen reader, the dates
// spelt out, the command on the line after it.
func (r reviewToBegin) words() string {
	when := "is due in " + countNoun(r.days, "day") + ", on " + spokenDate(r.due)
	switch {
	case r.days < 0:
		when = "was due " + countNoun(-r.days, "day") + " ago, on " + spokenDate(r.due)
	case r.days == 0:
		when = "is due today, " + spokenDate(r.due)
	}
	// The command is a line of its own, which FitToWidth leaves whole:
	// wrapped in the sentence, the end of a long path began a line,
	// which a shell it was pasted into ran as a command.
	return fmt.Sprintf("%s: the next review %s, a year after %s, held on %s%s. To begin it from that plan%s, run:\n%s",
		r.organisation(), when, r.lastTitle(), spokenDate(r.last.info.Date), r.checklistMoved(), r.carrying(), plain(r.command))
}

// statusHTMLReviewToBegin is line's pieces for the page, which keeps each
// text from a plan apart (<bdi>): an organisation written right to left
// must not swap places with the words beside it.
type statusHTMLReviewToBegin struct {
	Organisation, When, Last, Held, Carrying, Command string
}

func (r reviewToBegin) html() statusHTMLReviewToBegin {
	return statusHTMLReviewToBegin{Organisation: r.organisation(), When: r.when(), Last: r.lastTitle(),
		Held: r.last.info.Date.String() + r.checklistMoved(), Carrying: r.carrying(), Command: plain(r.command)}
}
