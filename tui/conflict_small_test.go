package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// At 60x16 a git pull in another window changed the plan: the screen
// that says so was cut after "C  save your plan as a copy beside it, and
// carry on in", the footer naming only R, which drops what was not
// saved. In a short window the explanation gives way, so that both
// choices and what quitting does are on the screen whole.
func TestASmallWindowShowsBothChoicesOfAConflict(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		h, path := rvOpen(t, rvNewPlan(t), size[0], size[1])
		saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
		h.press("r")
		v := oneSpaced(h.view())
		for _, want := range []string{
			"R reload the file as it is now (what you changed since the last save is dropped)",
			"C save your plan as a copy beside it, and carry on in the copy",
			"Quitting now (q or ctrl+c) saves the copy too.",
		} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the screen lacks %q:\n%s", size[0], size[1], want, h.view())
			}
		}
		// The footer names both keys too: at 80 columns it named R alone,
		// its long words leaving no room for C.
		footer := h.view()[strings.LastIndex(h.view(), "\n")+1:]
		for _, want := range []string{"R reload", "C save a copy"} {
			if !strings.Contains(footer, want) {
				t.Errorf("%dx%d: the footer lacks %q: %q", size[0], size[1], want, footer)
			}
		}
		if size[1] == 24 && !strings.Contains(v, "ladder has not written over it") {
			t.Errorf("80x24: the explanation is gone:\n%s", h.view())
		}
		requireFits(t, h, size[0], size[1])
	}
}

// A plan in a deep folder changed on disk: the status line said "⚠"
// alone on its line, the long path under it, and the choice cut ("not
// saved.…"). The sign sits with its words at 80x24 and 60x16, the path
// is said once (by the screen above), and R and C are said whole.
func TestTheConflictSignSitsWithItsWords(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		dir := filepath.Join(rvPlansDir(t), "clients", "acme-cafe-and-bakery-limited", "progression-reviews", "2026")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "spring-review-with-the-whole-team.yaml")
		if err := createPlan(path, rvNewPlan(t)); err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: path, Dir: dir}, size[0], size[1])
		saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
		h.press("r")
		v := h.view()
		for _, l := range strings.Split(v, "\n") {
			if s := strings.TrimSpace(l); s == "⚠" || s == "✗" {
				t.Errorf("%dx%d: %q stands alone on a line:\n%s", size[0], size[1], s, v)
			}
		}
		status := oneSpaced(ansi.Strip(h.a.statusLine()))
		if !strings.HasPrefix(status, "⚠ Not saved: the plan file changed on disk.") || !strings.Contains(status, "Press R to reload it or C to save a copy beside it.") {
			t.Errorf("%dx%d: the status line says %q", size[0], size[1], status)
		}
		if !strings.Contains(strings.ReplaceAll(oneSpaced(v), " ", ""), "spring-review-with-the-whole-team.yaml") {
			t.Errorf("%dx%d: the screen does not name the file:\n%s", size[0], size[1], v)
		}
		requireFits(t, h, size[0], size[1])
	}
}

// A message whose first word is a path wider than the line begins with
// its sign and the path's start, "⚠ /srv/…", not "⚠" alone on a line,
// cut off from what it is about; the path is cut at a separator.
func TestASignIsNeverAloneOnALine(t *testing.T) {
	path := "/srv/clients/acme-cafe-and-bakery-limited/progression-reviews/2026/spring.yaml"
	for _, sign := range []string{"⚠", "✗", "✓"} {
		for w := 20; w <= 70; w += 10 {
			lines := wrapText(sign+" "+path+" changed on disk.", w)
			if !strings.HasPrefix(lines[0], sign+" /srv/") {
				t.Errorf("width %d: the first line is %q", w, lines[0])
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("width %d: a line of %d cells: %q", w, ansi.StringWidth(l), l)
				}
			}
			if got := strings.Join(strings.Fields(strings.Join(lines, "")), ""); got != strings.ReplaceAll(sign+path+"changedondisk.", " ", "") {
				t.Errorf("width %d: the words read back are %q", w, got)
			}
		}
	}
}

// A first word exactly as wide as the line, or a cell narrower, fits the
// line alone but not after the sign: the sign stayed on a line of its
// own, "⚠" then the word. It begins the word's line instead, the word
// cut at a separator, as one wider than the line is.
func TestASignStaysWithAWordAsWideAsTheLine(t *testing.T) {
	for _, sign := range []string{"⚠", "✗", "✓"} {
		for _, w := range []int{30, 40, 58} {
			for _, n := range []int{w, w - 1} {
				word := strings.Repeat("plans/", n/6+1)[:n-len("x.yaml")] + "x.yaml"
				lines := wrapText(sign+" "+word+" changed on disk.", w)
				if strings.TrimSpace(lines[0]) == sign {
					t.Errorf("width %d, a word of %d: %q stands alone: %q", w, n, sign, lines)
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Errorf("width %d: a line of %d cells: %q", w, ansi.StringWidth(l), l)
					}
				}
				if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != sign+word+"changedondisk." {
					t.Errorf("width %d: the words read back are %q", w, got)
				}
			}
		}
	}
}

// A plan in a deep folder changed on disk: the screen that says so broke
// its path at the window's edge or a hyphen, mid-name
// ("…/progression-" then "reviews/2026/…"). It is broken after a slash,
// as the new-review form's "Will be saved as" breaks it, every folder's
// name and the file's whole on a line, at 60x16 and 80x24.
func TestTheConflictScreenBreaksItsPathBetweenNames(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		t.Chdir(t.TempDir())
		rel := filepath.Join("plans", "clients", "acme-cafe-and-bakery-limited", "progression-reviews", "2026", "spring-review-with-the-whole-team.yaml")
		if err := os.MkdirAll(filepath.Dir(rel), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := createPlan(rel, rvNewPlan(t)); err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: rel, Dir: "plans"}, size[0], size[1])
		saveTheirs(t, rel, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
		h.press("r")
		v := h.view()
		for _, name := range strings.Split(rel, string(filepath.Separator)) {
			whole := false
			for _, l := range strings.Split(v, "\n") {
				whole = whole || strings.Contains(l, name)
			}
			if !whole {
				t.Errorf("%dx%d: %q is not whole on a line:\n%s", size[0], size[1], name, v)
			}
		}
		requireFits(t, h, size[0], size[1])
	}
}

// Run inside a year's folder (cd plans/2027) on last year's plan, the
// screen saying the plan changed on disk named it "../2026/acme.yaml",
// where the status line and the start screen say "plans/2026/acme.yaml":
// it names it as they do, and so do R's and C's notices after it.
func TestTheConflictScreenNamesThePlanAsTheStatusLineDoes(t *testing.T) {
	top := t.TempDir()
	for _, dir := range []string{".git", filepath.Join("plans", "2026"), filepath.Join("plans", "2027")} {
		if err := os.MkdirAll(filepath.Join(top, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(top, "plans", "2027"))
	rel := filepath.Join("..", "2026", "acme.yaml")
	if err := createPlan(rel, rvNewPlan(t)); err != nil {
		t.Fatal(err)
	}
	h := rvStart(t, Options{PlanPath: rel, Dir: "."}, 80, 24)
	saveTheirs(t, rel, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
	h.press("r")
	h.requireView("plans/2026/acme.yaml")
	h.refuseView("../2026")
	h.press("R")
	h.requireView("✓ reloaded plans/2026/acme.yaml as it is on disk")
	saveTheirs(t, rel, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their second action" })
	h.press("a")
	h.press("C")
	h.requireView("✓ your plan is now in plans/2026/acme")
	h.refuseView("../2026")
}

// After C at 60 columns the notice was cut at its end, "✓ your plan is now
// in plans/2026-12-01-hill-s-bakery-spri…", before ".copy-1.yaml", the
// part that says which file; R's notice lost ".yaml" alike. A path in a
// notice is shortened in its middle, as the status line shortens it, and
// the words after it give way first: the end of the file's name shows.
func TestANoticeKeepsTheEndOfTheFilesName(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		t.Chdir(filepath.Dir(rvPlansDir(t)))
		path := filepath.Join("plans", "2026-12-01-hill-s-bakery-spring-review-with-everyone.yaml")
		if err := createPlan(path, rvNewPlan(t)); err != nil {
			t.Fatal(err)
		}
		h := rvStart(t, Options{PlanPath: path, Dir: "plans"}, size[0], size[1])
		saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their action" })
		h.press("r")
		h.press("R")
		h.requireView("✓ reloaded ", "-everyone.yaml")
		saveTheirs(t, path, func(p *plans.Plan) { p.Response("lc-vision").Action = "Their second action" })
		h.press("a")
		h.press("C")
		h.requireView("✓ your plan is now in plans/2026-12-01-", ".copy-1.yaml")
		requireFits(t, h, size[0], size[1])
	}
}
