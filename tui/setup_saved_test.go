package tui

import (
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"
	"testing"
)

// At 60x16 the new-review form lost "Will be saved as …" once a long
// organisation name was typed: the path took three lines and gave way
// first. Where the whole path does not fit, it is said on one line,
// shortened in the middle of the file's name, its folder, its date and
// its ending kept; at 80x24 it is said whole. So after tab too, where
// the name, no longer typed in, takes two lines.
func TestTheFormSaysWhereItSavesALongName(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h := rvStart(t, Options{Dir: "plans"}, size[0], size[1])
		h.typeText("Northumberland and Tyneside Community Bakery Cooperative Ltd")
		requireSavedAs(t, h, size)
		h.press("tab")
		requireSavedAs(t, h, size)
	}
}

// requireSavedAs fails unless the form at size says where the plan goes
// (whole at 80 columns, shortened on one line at 60) and how to begin.
func requireSavedAs(t *testing.T, h *rvHarness, size [2]int) {
	t.Helper()
	const whole = "plans/2027-03-14-northumberland-and-tyneside-community-bakery-cooperative-ltd.yaml"
	v := h.view()
	lines := strings.Split(v, "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Will be saved as") })
	if at < 0 {
		t.Fatalf("%dx%d: the form does not say where it saves:\n%s", size[0], size[1], v)
	}
	said := strings.TrimPrefix(oneSpaced(strings.Join(lines[at:], "\n")), "Will be saved as ")
	if size[0] >= 80 {
		if !strings.HasPrefix(strings.ReplaceAll(said, " ", ""), whole) {
			t.Errorf("%dx%d: the path is not said whole:\n%s", size[0], size[1], v)
		}
	} else {
		path, _, _ := strings.Cut(said, " ")
		if !strings.HasPrefix(path, "plans/2027-03-14-northumb") || !strings.HasSuffix(path, "-ltd.yaml") || !strings.Contains(path, "…") {
			t.Errorf("%dx%d: the path reads %q:\n%s", size[0], size[1], path, v)
		}
		if !strings.Contains(lines[at], ".yaml") {
			t.Errorf("%dx%d: the path is not on the line of its label:\n%s", size[0], size[1], v)
		}
	}
	if flat := oneSpaced(v); !strings.Contains(flat, "ctrl+s") || !strings.Contains(flat, "enter on the checklist") {
		t.Errorf("%dx%d: how to begin is gone:\n%s", size[0], size[1], v)
	}
	requireFits(t, h, size[0], size[1])
}

// The one-line path shortened only inside the file's name: its folder,
// however deep, and ".yaml" are said whole or the line not at all, and a
// name in wide characters cut between them, never wider than the window.
func TestTheShortenedPathKeepsItsFolderAndEnding(t *testing.T) {
	st := newStyles(true, false)
	for _, path := range []string{
		"plans/2027-03-14-northumberland-and-tyneside-community-bakery-cooperative-ltd.yaml",
		"reviews/hr/people/plans/2027-03-14-northumberland-and-tyneside-bakery-ltd.yaml",
		"plans/2027-03-14-株式会社北海道とうきょう製菓協同組合パン工房レビュー.yaml",
		"plans/2027-03-14-a株式会社北海道とうきょう製菓協同組合パン工房レビューb.yaml",
	} {
		folder := path[:strings.LastIndex(path, "/")+1]
		for w := 30; w <= 64; w++ {
			lines := savedAsOneLine(&st, path, w)
			if len(lines) == 0 {
				continue
			}
			got := ansi.Strip(lines[0])
			if n := ansi.StringWidth(got); n > w {
				t.Errorf("at %d columns the line is %d wide: %q", w, n, got)
			}
			said := strings.TrimPrefix(got, "Will be saved as ")
			if !strings.HasPrefix(said, folder) || !strings.HasSuffix(said, ".yaml") {
				t.Errorf("at %d columns the path reads %q, of %q", w, said, path)
			}
		}
		if lines := savedAsOneLine(&st, path, 60); len(lines) == 0 {
			t.Errorf("at 60 columns %q is not said at all", path)
		}
	}
}

// A file's name wider than a line was cut at the window's edge, at 80x24
// "…-northumberland-ltd.yam" then "l": it is broken after a hyphen of
// the name instead, as a reader would break it, and cut at the edge only
// where no hyphen leaves a line.
func TestALongFileNameBreaksAfterAHyphen(t *testing.T) {
	const path = "plans/2026-11-30-hill-s-bakery-and-sourdough-cooperative-of-northumberland-ltd-aq.yaml"
	for _, w := range []int{30, 40, 59, 78} {
		lines := pathLines(path, w)
		if got := strings.Join(lines, ""); got != path {
			t.Fatalf("width %d: the lines make %q, not the path", w, got)
		}
		for i, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q is wider than the window", w, l)
			}
			if i < len(lines)-1 && !strings.HasSuffix(l, "/") && !strings.HasSuffix(l, "-") {
				t.Errorf("width %d: line %q breaks inside a word: %q", w, l, lines)
			}
		}
	}
	// No hyphen to break at: cut at the edge, nothing lost.
	if got := pathLines("plans/abcdefghijklmnopqrstuvwxyz.yaml", 10); strings.Join(got, "") != "plans/abcdefghijklmnopqrstuvwxyz.yaml" || ansi.StringWidth(got[1]) != 10 {
		t.Errorf("a name with no hyphen reads %q", got)
	}
}

// A window one cell wide and a name in wide characters: each character
// on a line of its own, where the loop cutting lines had nothing to cut.
func TestPathLinesEndsInAOneCellWindow(t *testing.T) {
	if got := pathLines("計画.yaml", 1); strings.Join(got, "") != "計画.yaml" {
		t.Errorf("read %q", got)
	}
}
