package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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

// The item screen's help says what the README says of words typed at a
// rated item's rating: a capital and a letter after it ("Publish") begin
// the action, where P alone is presenter mode, and so does a number and a
// space ("2 apprentices"), where 2 alone rates Amber. It said neither, and
// the facilitator who met "Publish the vision" leaving presenter mode
// found nothing in help. The lines fit the two columns at 120x40 (a line
// too wide for its column put the whole help in one) and wrap under
// their words at 80x24 and 60x16.
func TestTheItemHelpSaysWhatBeginsTheAction(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 16}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("?")
		help := oneSpaced(ansi.Strip(strings.Join(h.a.screen(screenHelp).(*helpScreen).draw(), "\n")))
		for _, want := range []string{
			`once rated, a capital word begins the action ("Publish")`,
			`and so does a number then a space ("2 apprentices")`,
		} {
			if !strings.Contains(help, want) {
				t.Errorf("%dx%d: the item's help does not say %q:\n%s", size[0], size[1], want, help)
			}
		}
		if size[0] == 120 && !strings.Contains(oneSpaced(h.view()), "Rating this item In the action, owner, due date, status and notes") {
			t.Errorf("120x40: the help is no longer in two columns:\n%s", h.view())
		}
	}
}

// In presenter mode the help's frame is headed "K E Y S" (in block
// letters on a big window); the help under it said "Keys" again, twice
// over on the projector.
func TestPresenterHelpIsHeadedOnce(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h, _ := rvOpen(t, rvNewPlan(t), size[0], size[1])
		h.press("P", "?")
		v := h.view()
		if !strings.Contains(v, "K E Y S") {
			t.Fatalf("%dx%d: presenter mode's help has no heading:\n%s", size[0], size[1], v)
		}
		for _, l := range strings.Split(v, "\n") {
			if strings.TrimSpace(l) == "Keys" {
				t.Errorf("%dx%d: the help is headed twice:\n%s", size[0], size[1], v)
			}
		}
		h.press("esc", "P", "?")
		if !strings.Contains(h.view(), " Keys ") {
			t.Errorf("%dx%d: out of presenter mode, the help lost its title:\n%s", size[0], size[1], h.view())
		}
	}
}
