package tui

import (
	"strings"
	"testing"
)

// A screen's help lists its keys in one list, "On this screen", and names
// each key once: "↑/↓ scroll" says what ↓ does, so a second line "↓ scroll
// down" under it reads as another key (the summary, the area's summary and
// the help screen listed ↓, pgdn and end twice). Screens whose keys are
// grouped by what the person is doing (the item, the next steps) may name a
// key in two groups, where it does two things.
func TestEveryScreensHelpNamesAKeyOnce(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 40)
	for id := screenStart; id <= screenRoom; id++ {
		s := h.a.screen(id)
		if _, grouped := s.(groupedHelp); grouped {
			continue
		}
		seen := map[string]string{}
		for _, group := range s.fullHelp() {
			for _, b := range group {
				help := b.Help()
				for _, k := range strings.Split(help.Key, "/") {
					if first, ok := seen[k]; ok {
						t.Errorf("screen %d: %q is in its help twice: %q and %q", id, k, first, help.Key+" "+help.Desc)
					}
					seen[k] = help.Key + " " + help.Desc
				}
			}
		}
	}
}

// The help's "Everywhere" group names f1 beside ?: in a text field (every
// field of the new review's form but the checklist, an action, an
// answer) ? is typed, and only f1 opens help, as the footer says there. It
// listed "? help" alone, under "Everywhere".
func TestHelpNamesF1ForHelpWhileTyping(t *testing.T) {
	h := rvStart(t, Options{Dir: t.TempDir()}, 100, 40) // the first-time form
	h.press("f1")
	h.requireView("?/f1", "help (f1 while typing)")
	h, _ = rvOpen(t, rvNewPlan(t), 100, 40)
	h.press("?")
	h.requireView("?/f1", "help (f1 while typing)")
}
