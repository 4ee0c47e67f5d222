package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/review"
)

// The open plan is a review.Session (common.session): the screens send it
// every answer and present what it decides. Saving is asynchronous here:
// each change returns a snapshot of the plan, which a command writes off
// the update loop (so a big plan's encoding does not slow the key down),
// and the outcome comes back as a savedMsg for the session to record.
// Snapshots are numbered, so an older one never lands after a newer one.

// savedMsg reports the outcome of one snapshot write.
type savedMsg struct{ review.Outcome }

// save returns the command that writes a snapshot (nil: nothing changed).
func save(sn *review.Snapshot) tea.Cmd {
	if sn == nil {
		return nil
	}
	return func() tea.Msg { return savedMsg{sn.Write()} }
}

// goToPlace shows the screen for a place of the review, as goTo does.
func (c *common) goToPlace(p review.Place) {
	if p.Kind == review.AtEnd {
		c.session.MoveTo(p) // the board, an aside, is at the end too in presenter mode (the summary is placed by app.followScreen)
	}
	id, arg := c.screenFor(p)
	c.goTo(id, arg)
}

// screenFor is the screen that shows a place of the review.
func (c *common) screenFor(p review.Place) (screenID, int) {
	switch p.Kind {
	case review.AtItem:
		return screenItem, p.Index
	case review.AtAreaEnd:
		return screenAreaSummary, p.Index
	case review.AtQuestion:
		return screenFollowUp, p.Index
	}
	return c.endScreen(), 0
}
