package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// Nothing typed is lost (issue 12.1). A field is stored when the person
// leaves it; while they type, the text is also stored after a pause of
// review.SaveTypingAfter with no key, and when the program ends for any
// reason (q, ctrl+c, a closed terminal, a signal) whatever is typed is
// stored and written before it goes.

// typingPauseMsg comes review.SaveTypingAfter after a key typed into a
// field; gen says which key, so only the last key's pause counts.
type typingPauseMsg struct{ gen uint64 }

// draftMsg asks the active screen to send the text being typed to the
// session without leaving the field: a due date that is not a date yet is
// kept by the session, not refused on screen.
type draftMsg struct{}

// typed starts the pause after a key or a paste that went to a field.
func (a *app) typed() tea.Cmd {
	if a.c.session == nil || !a.screen(a.active).typing() {
		return nil
	}
	a.typingGen++
	gen := a.typingGen
	if a.c.typingPause <= 0 {
		return nil // tests send the pause themselves
	}
	return tea.Tick(a.c.typingPause, func(time.Time) tea.Msg { return typingPauseMsg{gen} })
}

// paused stores what is being typed, if no key came since gen's.
func (a *app) paused(gen uint64) tea.Cmd {
	if gen != a.typingGen || a.quitting || a.c.session == nil || a.conflict() {
		return nil
	}
	s := a.screen(a.active)
	if !s.typing() {
		return nil
	}
	return s.update(draftMsg{})
}

// unreadNotice adds to the notice printed as the program ends the due
// dates typed that were not dates, which are not saved (issue 12.2).
func (a *app) unreadNotice() {
	if a.c.session == nil {
		return
	}
	if u := a.c.session.UnreadDates(); len(u) > 0 {
		n := "Not saved, because ladder could not read it as a date: " + strings.Join(u, "; ") + "."
		if a.exitNotice != "" {
			n = a.exitNotice + "\n" + n
		}
		a.exitNotice = n
	}
}

// commitNotice prints the git commands again after the program ends, when
// it ends on the summary: outside the full-screen view the terminal wraps
// them softly, so each copies and pastes as one line (issue 12.4). Quit
// in the middle, it says where the answers are and the command that
// carries on, as the accessible prompts do. In presenter mode too: the
// screens are gone by then, a facilitator closing a workshop needs the
// command as much as anyone, and the end of the review (the board) prints
// the file and the git commands already. The command asks for the same
// mode, presenter and room, as the review had when it ended, and the
// workshop's clocks (see timebox.flags).
func (a *app) commitNotice() {
	ss := a.c.session
	atEnd := a.active == screenSummary || a.active == screenBoard && ss != nil && ss.Place().Kind == review.AtEnd // presenter mode ends on the board
	if ss == nil || a.exitNotice != "" || ss.State().Err != nil {
		return
	}
	if !atEnd {
		if a.quitting {
			_, total := a.c.plan().Counts()
			room := ""
			if a.c.room != nil {
				room = a.c.room.opts.Flags(a.c.room.server)
			}
			if a.c.present {
				room += "--present "
			}
			room += a.c.timer.flags(a.c.now())
			again := "To carry on where you left off, run: "
			command := "ladder review " + room + plans.CommandPath(ss.Path())
			if a.termWidth > 0 && ansi.StringWidth(again+command) > a.termWidth {
				// A line of its own, as the git commands at the end have,
				// where the terminal broke it mid-word after the sentence
				// ("127.0.0.1:846" then "1"); wider still, the terminal
				// wraps it softly, to copy and paste as one line.
				again = strings.TrimSuffix(again, " ") + "\n  "
			}
			a.exitNotice = fmt.Sprintf("Every answer given is saved in %s (%d of %d items rated).\n%s%s%s",
				ss.Path(), total.Rated(), total.Total(), a.noActionReminder(), again, command) + a.linkedNotice()
		}
		return
	}
	steps := ss.CommitSteps()
	a.exitNotice = "Your plan is saved in " + ss.Path() + ". " + commitCommands(steps, "it")
	a.exitNotice += "\n" + sendReportWords + "\n  " + strings.Join(reportWords(ss.Path()), " ")
}

// linkedNotice, when a carry-on this run gave last year's plan its
// next_review line, says so as the review is left midway, with the git
// commands that commit both files, as the accessible prompts do: the new
// plan committed alone would leave last year's actions chased in both
// plans on every other clone. "" when there was none. (At the end the
// summary's commands commit both already.) After C on the conflict
// screen the review is a copy, which last year's plan does not name: it
// names the plan it was carried on into, and the copy's commands commit
// the copy alone, so none are given for both.
func (a *app) linkedNotice() string {
	ss := a.c.session
	if a.c.linked == "" {
		return ""
	}
	said := a.c.linked + " changed too: it now names " + a.c.linkedTo + " as its next review."
	if ss.Path() != a.c.linkedTo {
		return "\n" + said
	}
	steps := ss.CommitSteps()
	return "\n" + said + "\n" + commitCommands(steps, "both")
}

// commitCommands is keepInGit's line and under it the commands, one a
// line, indented by two, as the exit notice gives them.
func commitCommands(steps [][]string, it string) string {
	said := keepInGit(steps, it)
	for _, words := range steps {
		said += "\n  " + strings.Join(words, " ")
	}
	return said
}

// noActionReminder is a line, said as the review is left midway, naming
// the items rated below the top of the scale with no action yet
// (review.RatedWithoutAction), "" when there are none. The review resumes
// at the first item not rated, past them, and a rating with no action is
// a plan with a hole in it. It is said, not asked: a facilitator who
// quits on purpose is not held up by a question. It is one line, laid out
// to the terminal with the rest of the notice (layOutNotice).
func (a *app) noActionReminder() string {
	entries := a.c.session.RatedWithoutAction()
	p := a.c.plan()
	rating := func(e checklist.Entry) string { return plans.Label(p.Checklist, p.Response(e.Item.ID).Rating) }
	switch len(entries) {
	case 0:
		return ""
	case 1:
		// The sentence begins with the name: "item 1" in a checklist of
		// one area.
		name := a.c.itemName(entries[0].Item.ID)
		if rest, ok := strings.CutPrefix(name, "item "); ok {
			name = "Item " + rest
		}
		return fmt.Sprintf("%s is rated %s with no action yet. Its rating is saved: to write the action, carry on and press o for the overview, then enter on the item.\n",
			name, rating(entries[0]))
	}
	var named []string
	for _, e := range entries {
		named = append(named, fmt.Sprintf("%s (%s)", a.c.itemName(e.Item.ID), rating(e)))
	}
	return fmt.Sprintf("%d items are rated with no action yet: %s. Their ratings are saved: to write the actions, carry on and press o for the overview, then enter on each item.\n",
		len(entries), review.ListWords(named, 4))
}

// flush stores the field being typed and writes, before returning, all
// that is not on disk: the program is ending, maybe because its terminal
// closed, so nothing can be asked. A plan changed on disk by someone else
// is left alone and the answers go to a copy beside it; a plan that cannot
// be written goes to a copy where one can be (the notice says where).
func (a *app) flush() {
	ss := a.c.session
	if ss == nil || (a.quitting && !ss.State().Pending) {
		return // quit as the person chose: everything was decided
	}
	a.screen(a.active).update(commitMsg{}) // its save command is not run: the next line writes
	if sn := ss.Retry(); sn != nil {
		ss.Save(sn)
	}
	st := ss.State()
	switch {
	case st.Conflict:
		if path, err := ss.SaveBeside(); err == nil {
			a.exitNotice = st.Path + " changed on disk, so ladder did not write over it; your plan is in " + path
		}
	case st.Err != nil:
		path := ss.RescuePath()
		if err := ss.SaveCopy(path); err == nil {
			a.exitNotice = "ladder could not save " + st.Path + "; your plan is in " + path
		}
	}
}
