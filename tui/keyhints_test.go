package tui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// fitHintsByRedrawing is how the footer's hints were fitted before
// fitHints measured each hint once: the line drawn again without its last
// hint until it fits. It is the rule fitHints must keep.
func fitHintsByRedrawing(a *app, bs, always []key.Binding) string {
	for n := len(bs); n >= 0; n-- {
		line := a.help.ShortHelpView(append(slices.Clip(bs[:n]), always...))
		if ansi.StringWidth(line) <= a.c.width {
			return line
		}
	}
	return ansi.Truncate(a.help.ShortHelpView(always), a.c.width, "…")
}

// The footer keeps as many of a screen's hints as fit, most important
// first, then help and quit, at every width up to the whole line's on every screen,
// and on the item's with a disabled hint among them (help.ShortHelpView
// leaves it out).
func TestFooterHintsFitAsTheyDidAtEveryWidth(t *testing.T) {
	h, _ := rvOpen(t, rvNewPlan(t), 100, 40)
	a := h.a
	if line := a.keyHints(a.screen(screenItem)); !strings.Contains(line, "\x1b[") {
		t.Fatalf("the hints are drawn without styles, so their escapes are not measured: %q", line)
	}
	off := key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "disabled"), key.WithDisabled())
	for id := screenStart; id <= screenRoom; id++ {
		bs, always := a.shortHelp(a.screen(id))
		cases := map[string][2][]key.Binding{"as drawn": {bs, always}}
		if id == screenItem {
			cases["a disabled hint first"] = [2][]key.Binding{append([]key.Binding{off}, bs...), always}
			cases["a disabled hint second"] = [2][]key.Binding{slices.Insert(slices.Clone(bs), 1, off), always}
			cases["a disabled hint in always"] = [2][]key.Binding{bs, append([]key.Binding{off}, always...)}
		}
		for name, c := range cases {
			whole := ansi.StringWidth(a.help.ShortHelpView(append(slices.Clip(c[0]), c[1]...)))
			for w := 1; w <= whole+1; w++ {
				a.c.width = w
				if got, want := a.fitHints(c[0], c[1]), fitHintsByRedrawing(a, c[0], c[1]); got != want {
					t.Fatalf("screen %d, %s, width %d:\ngot  %q\nwant %q", id, name, w, got, want)
				}
			}
		}
	}
}
