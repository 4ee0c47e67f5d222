package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// When quitting finds that the plan could not be saved (its folder is
// read-only, the disk is full, the file was replaced by a folder), the app
// does not end with the answers lost, nor wait for ever: it shows what was
// not saved, in plain words, in place of the screen, and offers to save a
// copy elsewhere, to try again, to quit without saving, or to go back.

// unsavedQuit is the choice shown when quitting left the plan unsaved.
type unsavedQuit struct {
	copyPath string // where C saves a copy
	err      error  // saving the copy failed
}

type unsavedKeys struct {
	Copy  key.Binding
	Retry key.Binding
	Quit  key.Binding
	Back  key.Binding
}

var theUnsavedKeys = unsavedKeys{
	Copy:  key.NewBinding(key.WithKeys("C", "c"), key.WithHelp("C", "save a copy elsewhere and quit")),
	Retry: key.NewBinding(key.WithKeys("R", "r"), key.WithHelp("R", "try again")),
	Quit:  key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit without saving")),
	Back:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the review")),
}

// unsavedKey handles a key while the choice is shown.
func (a *app) unsavedKey(msg tea.KeyPressMsg) tea.Cmd {
	ss := a.c.session
	u := a.unsaved
	switch {
	case key.Matches(msg, theUnsavedKeys.Copy):
		if err := ss.SaveCopy(u.copyPath); err != nil {
			u.err = err
			return nil
		}
		a.exitNotice = "ladder could not save your plan to " + ss.Path() + ": " + ss.State().Problem + ".\n" +
			"Every answer is in the copy " + u.copyPath + "."
		a.quitting, a.unsaved = true, nil
		return tea.Quit
	case key.Matches(msg, theUnsavedKeys.Retry):
		a.unsaved = nil
		a.quitting = true
		if cmd := save(ss.Retry()); cmd != nil {
			return cmd
		}
		return a.finishQuit()
	case key.Matches(msg, theUnsavedKeys.Quit):
		st := ss.State()
		a.exitErr = notSavedError{path: st.Path, what: st.Problem, unsaved: st.UnsavedText()}
		a.quitting, a.unsaved = true, nil
		return tea.Quit
	case key.Matches(msg, theUnsavedKeys.Back):
		a.unsaved = nil
	}
	return nil
}

// notSavedError is what Run returns when the person quit without saving.
type notSavedError struct{ path, what, unsaved string }

func (e notSavedError) Error() string {
	s := "your plan was not saved to " + e.path + ": " + e.what + "."
	if e.unsaved != "" {
		s += "\nNot saved: " + e.unsaved + "."
	}
	return s
}

// unsavedView explains what was not saved and the choice.
func (a *app) unsavedView() string {
	st := &a.c.styles
	w := a.c.width
	state := a.c.session.State()
	what, fix := state.Problem, state.Fix
	wrap := func(s string) string { return wrapIndented(s, w, 0, 0) }
	lines := []string{
		st.Error.Render("✗ Your plan is not saved"),
		"",
		wrap("ladder could not save it: " + what + "."),
	}
	if u := state.UnsavedText(); u != "" {
		lines = append(lines, wrap("Not saved yet: "+u+"."))
	}
	still := "Your answers are still here."
	if fix != "" {
		still += " To save them where they belong, " + fix + ", then press R."
	}
	lines = append(lines, wrap(still), "")
	option := func(k key.Binding, text string) string {
		return "  " + st.HelpKey.Render(padRight(k.Help().Key, 3)) + "  " + wrapIndented(text, max(1, w-7), 7, 0)
	}
	lines = append(lines,
		option(theUnsavedKeys.Copy, "save a copy as "+a.unsaved.copyPath+", and quit"),
		option(theUnsavedKeys.Retry, "try again to save it to "+state.Path),
		option(theUnsavedKeys.Quit, "quit without saving (ctrl+c too)"),
		option(theUnsavedKeys.Back, "go back to the review"),
	)
	if a.unsaved.err != nil {
		lines = append(lines, "", st.Error.Render(wrap("✗ The copy could not be saved either: "+a.unsaved.err.Error())))
	}
	return strings.Join(lines, "\n")
}

func (a *app) unsavedHelp() []key.Binding {
	k := theUnsavedKeys
	return []key.Binding{k.Copy, k.Retry, k.Quit, k.Back}
}
