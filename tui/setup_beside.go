package tui

import (
	"path/filepath"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// The organisation's last review where the start screen's list cannot
// show it: in another year's folder beside the new plan's (a team keeping
// plans/2026 and beginning plans/2027), or anywhere when the form was
// opened for a plan named on the command line, with no list to go back
// to. The form asks review.LastReviewFor, the rule ladder new's note and
// the accessible prompts follow, off the update loop, and carries it on
// itself (ctrl+o), as esc, then c, does from the list.

// lastFoundMsg is the last review of org found for the form.
type lastFoundMsg struct {
	org  string
	last *review.LastReview
	late int // its actions late today
}

// planFolder is the folder the new plan goes in.
func (s *setupScreen) planFolder() string {
	if s.c.opts.PlanPath != "" {
		return filepath.Dir(s.c.opts.PlanPath)
	}
	return s.c.opts.Dir
}

// looksBeside reports whether the form looks beyond the start screen's
// list for the organisation's last review: a plan named on the command
// line (no list was read), or a folder named after a year with others
// beside it. In any other folder the list holds all there is to find.
func (s *setupScreen) looksBeside() bool {
	return s.c.opts.PlanPath != "" || s.c.inYearFolder()
}

// lookBeside asks for the organisation's last review in the plan's
// folder and the years' folders beside it, off the update loop.
func (s *setupScreen) lookBeside() tea.Cmd {
	org := s.org.trimmed()
	if s.prev != nil || org == "" || !s.looksBeside() {
		return nil
	}
	dir, except, today := s.planFolder(), s.c.opts.PlanPath, s.c.today
	return func() tea.Msg {
		msg := lastFoundMsg{org: org, last: review.LastReviewFor(dir, org, except, today)}
		if l := msg.last; l != nil && !l.UnderWay {
			msg.late = len(l.Found.Plan.Overdue(today))
		}
		return msg
	}
}

// foundBeside takes the last review found, if the organisation is still
// the one typed. One the start screen lists is left to it (esc, then c);
// one it does not is carried on from the form.
func (s *setupScreen) foundBeside(msg lastFoundMsg) {
	if msg.org != s.org.trimmed() || s.prev != nil {
		return
	}
	l := msg.last
	if l == nil {
		s.last = nil
		return
	}
	listed := s.canGoBack() && slices.ContainsFunc(s.c.folderPlans, func(f plans.Found) bool { return f.Path == l.Found.Path })
	if listed {
		return // findLastReview found it in the list already
	}
	s.last = lastReviewFrom(l, msg.late)
	s.last.elsewhere = true
}

// carryKey is ctrl+o, carrying on a last review found beside.
func carryKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "begin from the last review, carrying on its open actions"))
}

// canCarryBeside reports whether ctrl+o carries on a last review found
// beside.
func (s *setupScreen) canCarryBeside() bool {
	return s.prev == nil && s.last != nil && s.last.elsewhere && !s.last.underWay
}
