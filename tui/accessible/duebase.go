package accessible

import (
	"strings"
)

// ownerHint is the owner question's hint, with the names the session
// suggests (the plan's participants, then owners written so far) other
// than the current owner. They are said when they changed since they
// were last said: the same names at every item were noise to a listener.
func (r *reviewer) ownerHint(current string) string {
	all := r.s.OwnerSuggestions()
	if known := strings.Join(all, "\n"); known == r.ownersSaid {
		return "Who will do it?"
	} else {
		r.ownersSaid = known
	}
	var names []string
	for _, n := range all {
		if n != current {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "Who will do it?"
	}
	return "Who will do it? For example " + strings.Join(names, ", ") + "."
}

// chooseDueBase asks once, before the first due date of a plan dated later
// than today (a plan prepared for a workshop), what dates such as 6w count
// from: today or the plan's date.
func (r *reviewer) chooseDueBase() error {
	bases := r.s.DueBases()
	if r.baseAsked || len(bases) < 2 {
		return nil
	}
	r.baseAsked = true
	r.p.say("This plan is dated %s, later than today. Should due dates such as 6w count from today or from the plan's date?", friendly(bases[1]))
	i, err := r.p.choose(question{prompt: "Count from", def: 0, options: []choice{
		{label: "today, " + friendly(bases[0]), short: "today", words: []string{"today"}},
		{label: "the plan's date, " + friendly(bases[1]), short: "the plan's date", words: []string{"plan", "the plan's date"}},
	}})
	if err != nil {
		return err
	}
	r.s.SetDueBase(bases[i])
	return nil
}
