package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/safetext"
)

// When a save finds that the plan file changed on disk since it was loaded
// (another editor, a git pull), the session stops saving and the app shows
// this in place of the screen until the user chooses: reload the file as
// it is now (dropping what this program has not saved), or save this
// program's plan as a copy beside it and carry on in the copy. Quitting
// meanwhile saves the copy, so nothing is lost either way.

type conflictKeys struct {
	Reload key.Binding
	Copy   key.Binding
}

var theConflictKeys = conflictKeys{
	// The footer's words: the screen above says each choice in full.
	Reload: key.NewBinding(key.WithKeys("R", "r"), key.WithHelp("R", "reload")),
	Copy:   key.NewBinding(key.WithKeys("C", "c"), key.WithHelp("C", "save a copy")),
}

// conflictKey handles a key while the conflict is shown.
func (a *app) conflictKey(msg tea.KeyPressMsg) tea.Cmd {
	ss := a.c.session
	switch {
	case key.Matches(msg, theConflictKeys.Reload):
		if err := ss.Reload(); err != nil {
			a.conflictErr = err
			return nil
		}
		a.conflictErr = nil
		a.notice = notice{"reloaded ", a.c.shown(ss.Path()), " as it is on disk"}
		a.presentNotice = "reloaded the plan file as it is on disk"
		return a.reopen()
	case key.Matches(msg, theConflictKeys.Copy):
		path, err := a.saveCopy()
		if err != nil {
			a.conflictErr = err
			return nil
		}
		a.notice = notice{"your plan is now in ", a.c.shown(path), "; the changed file was left as it was"}
		a.presentNotice = "your plan is now in a copy beside the file; the changed file was left as it was"
		// The copy is a save, and the opening warnings go with a save:
		// they were about the file left behind (open in another session,
		// a slip a save keeps as ladder shows it), and said over the
		// notice they hid the one place the copy is named.
		a.warning, a.warningOfItems = "", false
		a.layout()
		return a.reopen()
	case key.Matches(msg, a.c.keys.ForceQuit), key.Matches(msg, a.c.keys.Quit):
		original := ss.Path()
		path, err := a.saveCopy()
		if err != nil {
			a.conflictErr = err
			return nil
		}
		a.exitNotice = original + " changed on disk, so ladder did not write over it; your plan is in " + path
		a.quitting = true
		return tea.Quit
	}
	return nil
}

// saveCopy stores the field being typed, then writes the plan beside the
// changed file. (While the conflict waits, a change is kept in memory, not
// written: its snapshot is nil, so the command commit returns is nil.)
func (a *app) saveCopy() (string, error) {
	a.screen(a.active).update(commitMsg{})
	path, err := a.c.session.SaveBeside()
	if err == nil {
		a.conflictErr = nil
	}
	return path, err
}

// reopen rebuilds the screens from the plan now open (reloaded, or the
// copy) and shows the same place again: the one the screen showed (the
// session's, which followScreen keeps so), not the one it was opened at,
// as the person may have moved on since.
func (a *app) reopen() tea.Cmd {
	_, placed := a.screen(a.active).(placed)
	a.screens = map[screenID]screen{screenStart: a.screens[screenStart], screenSetup: a.screens[screenSetup]}
	switch {
	case placed:
		return a.show(a.c.screenFor(a.c.session.Place()))
	case a.active == screenHelp || a.active == screenOverview:
		a.screen(screenItem).(positioner).setPosition(a.c.pos())
	}
	return a.show(a.active, a.arg)
}

// conflictView explains the conflict and the choice. In a window too
// short for it all (60x16, with the status line's three), the explanation
// gives way, then the blank lines: cut at the bottom, the screen showed R,
// which drops what was not saved, and half of C.
func (a *app) conflictView() string {
	st := &a.c.styles
	w := a.c.width
	head := []string{st.Warning.Render("⚠ The plan file changed on disk:")}
	if !a.c.present { // on a projector, what happened but not where the file is
		// Broken after a slash, as the new-review form says where a plan
		// will be saved, not mid-name at the edge or a hyphen; cleaned,
		// as a file's name may come from a pull request; named as the
		// status line names it (from the top of the repository where it
		// climbs out of the folder ladder runs in).
		for _, l := range pathLines(safetext.Line(a.c.shown(a.c.session.Path())), w-2) {
			head = append(head, "  "+l)
		}
	}
	why := ansi.Wrap("Someone or something else (another editor, a git pull) changed it since ladder opened it. To keep their work, ladder has not written over it: your latest answers are still here, not yet saved.", w, "")
	choices := []string{
		"  " + st.HelpKey.Render("R") + "  " + wrapIndented("reload the file as it is now (what you changed since the last save is dropped)", max(1, w-5), 5, 0),
		"  " + st.HelpKey.Render("C") + "  " + wrapIndented("save your plan as a copy beside it, and carry on in the copy", max(1, w-5), 5, 0),
	}
	quit := st.Subtle.Render(ansi.Wrap("Quitting now (q or ctrl+c) saves the copy too.", w, ""))
	var problem []string
	if a.conflictErr != nil {
		problem = []string{"", st.Error.Render(wrapIndented("✗ "+a.conflictErr.Error(), w, 0, 0))}
	}
	for _, lines := range [][]string{
		slices.Concat(head, []string{"", why, ""}, choices, []string{"", quit}, problem),
		slices.Concat(head, []string{""}, choices, []string{"", quit}, problem),
	} {
		if view := strings.Join(lines, "\n"); countLines(view) <= a.c.height {
			return view
		}
	}
	return strings.Join(slices.Concat(head, choices, []string{quit}, problem), "\n")
}
