package review

import (
	"slices"
	"strconv"

	"github.com/socialmobility/ladder/plans"
)

// Due dates typed as a span ("6w", "10 days", "next Friday", "end of
// March") count from a base date. It is today, unless the plan was
// prepared for a workshop on a later date: then the plan's date is offered
// as the base too, since "6w" said in the workshop means six weeks after
// it, and a facilitator filling the plan in beforehand means the same.
// The session keeps the choice for every due date it reads.

// DueBases are the dates spans may count from: today and, when the plan's
// date is later than today, the plan's date.
func (s *Session) DueBases() []plans.Date {
	bases := []plans.Date{s.today}
	if d := s.Plan().Date; !d.IsZero() && s.today.Before(d) {
		bases = append(bases, d)
	}
	return bases
}

// DueBase is the date spans count from (today unless SetDueBase chose the
// plan's date).
func (s *Session) DueBase() plans.Date {
	if !s.dueBase.IsZero() && slices.Contains(s.DueBases(), s.dueBase) {
		return s.dueBase
	}
	return s.today
}

// SetDueBase chooses the date spans count from: one of DueBases. It
// reports whether d is one of them (nothing changes if not).
func (s *Session) SetDueBase(d plans.Date) bool {
	if !slices.Contains(s.DueBases(), d) {
		return false
	}
	s.dueBase = d
	return true
}

// NextDueBase moves to the other date spans may count from, if there is
// one, and returns the date now used.
func (s *Session) NextDueBase() plans.Date {
	bases := s.DueBases()
	i := slices.Index(bases, s.DueBase())
	s.dueBase = bases[(i+1)%len(bases)]
	return s.dueBase
}

// DueBaseWords names the date spans count from, for people: "today" or
// "the plan's date, Mon 14 Apr 2027".
func (s *Session) DueBaseWords() string {
	if b := s.DueBase(); b != s.today {
		return "the plan's date, " + b.Friendly()
	}
	return "today"
}

// CountsFromBase reports whether due-date text is a span, whose date
// depends on the base (a date such as 31/3/27 does not).
func (s *Session) CountsFromBase(text string) bool {
	text = CleanLine(text)
	a, errA := plans.ParseDue(text, s.today)
	b, errB := plans.ParseDue(text, s.today.AddDays(400))
	return errA == nil && errB == nil && a != b
}

// OwnerSuggestions are the names the owner of an action is likely to be:
// the plan's participants, its facilitator, then the owners already
// written, each once, in that order.
func (s *Session) OwnerSuggestions() []string {
	p := s.Plan()
	var out []string
	add := func(name string) {
		if name = CleanLine(name); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, n := range p.Participants {
		add(n)
	}
	add(p.Facilitator)
	for _, e := range p.Checklist.Items() {
		if r := p.Items[e.Item.ID]; r != nil {
			add(r.Owner)
		}
	}
	return out
}

// LateWords is how late an action is on day today, "45 days late", or ""
// when it is not: done, not due yet, or with no date. Every front end
// says it in these words (the screens beside a ⚠, the accessible prompts
// alone), so the two never disagree.
func LateWords(due plans.Date, status plans.Status, today plans.Date) string {
	if due.IsZero() || !status.Open() {
		return ""
	}
	days := due.DaysUntil(today)
	if days <= 0 {
		return ""
	}
	return strconv.Itoa(days) + plural(days, " day late", " days late")
}

// QuestionLateWords is LateWords for a question's due date (the whole
// quick-wins list's, the whole project plan's), due, said and shown as an
// item's action's is: an answer has no status, so its date is late once it
// has passed, but for a project plan whose steps are all done.
func QuestionLateWords(a *plans.Answer, due plans.Date, today plans.Date) string {
	status := plans.StatusTodo
	if a != nil && len(a.Steps) > 0 && !slices.ContainsFunc(a.Steps, func(s plans.Step) bool { return s.Status.Open() }) {
		status = plans.StatusDone
	}
	return LateWords(due, status, today)
}

// ActionLateWords is LateWords for an item's action: "" when the action
// has no words, as its date then has nothing to chase (an action cleared
// is how a review says "we will not do this" without marking it done),
// as the overview, status and check all leave it.
func ActionLateWords(action string, due plans.Date, status plans.Status, today plans.Date) string {
	if action == "" {
		return ""
	}
	return LateWords(due, status, today)
}
