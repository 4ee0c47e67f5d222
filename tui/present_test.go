package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func TestPresenterModeTogglesWithPAndF5(t *testing.T) {
	p := rvGoldenPlan(t)
	h, path := rvOpen(t, p, 120, 40)
	h.requireView("Workforce  item 1 of 2", "[r/1] ■ Red", "acme.yaml")

	h.press("P")
	if !h.a.c.present {
		t.Fatal("P did not turn presenter mode on")
	}
	// The projector layout: the area letter-spaced, the recommendation in
	// its box, the tally, the rating badge, one line of keys; no path.
	h.requireView("W O R K F O R C E", "item 1 of 2", "■ 0   ▲ 0   ● 0   ○ 2",
		"┏━", "Business as usual", "NOT RATED YET", "■ Red     ▲ Amber     ● Green",
		"b board", "i advice (", "P leave presenter mode")
	h.refuseView("acme.yaml", "[r/1]", "Nothing/Not something")

	// Rating works as ever, and the badge shows it big, in capitals.
	h.press("a")
	h.requireView("▲   A M B E R", "Do something in this space but limited", "tab write the action")
	h.press("tab")
	h.requireView("› Action")
	if got := rvOnDisk(t, path).Response("wf-business-as-usual").Rating; got != "amber" {
		t.Fatalf("rating on disk = %q", got)
	}
	// While typing, P is a letter; f5 still toggles.
	h.press("P")
	if !h.a.c.present {
		t.Fatal("P typed into the action turned presenter mode off")
	}
	h.press("f5")
	if h.a.c.present {
		t.Fatal("f5 did not turn presenter mode off while typing")
	}
	h.press("esc")
	if got := rvOnDisk(t, path).Response("wf-business-as-usual").Action; got != "P" {
		t.Fatalf("action on disk = %q, want the P typed", got)
	}
	h.requireView("Workforce  item 1 of 2", "✓ saved to", "acme.yaml")
	h.refuseView("W O R K F O R C E")

	// --present starts in it.
	h2 := rvStart(t, Options{PlanPath: path, Dir: "plans", Present: true}, 120, 40)
	h2.requireView("W O R K F O R C E")
}

func TestPresenterModeShowsTheStatusLineOnlyForProblems(t *testing.T) {
	h, path := rvOpen(t, rvNewPlan(t), 120, 40)
	h.press("P", "g")
	h.typeText("Ours")
	h.press("tab")
	h.refuseView("saved", "acme.yaml")

	theirs := rvOnDisk(t, path)
	theirs.Response("en-data-collect").Rating = "red"
	if err := os.WriteFile(path, plans.Encode(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	h.typeText("Sam")
	h.press("tab")
	h.requireView("⚠", "changed on disk: not saved")
}

// requireFits fails unless the screen fits w×h.
func requireFits(t *testing.T, h *rvHarness, w, ht int) {
	t.Helper()
	lines := strings.Split(h.view(), "\n")
	if len(lines) > ht {
		t.Fatalf("%dx%d: %d lines:\n%s", w, ht, len(lines), h.view())
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Fatalf("%dx%d: a line of %d cells: %q", w, ht, n, l)
		}
	}
}

func TestPresenterGoldens(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("item-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "left", func(t *testing.T) *app {
				p := rvGoldenPlan(t)
				p.Response("wf-business-as-usual").Rating = "green"
				a := rvGoldenApp(t, p, w, h, "P", "a", "tab")
				hs := &rvHarness{t: t, a: a}
				hs.typeText("Open accelerator roles to everyone ✨")
				hs.press("tab")
				hs.typeText("Ngozi Adébáyọ̀")
				hs.press("esc")
				clock := &testClock{}
				startTimebox(a, clock, 5)
				clock.advance(92) // 3:28 left
				return a
			})
		})
		t.Run(fmt.Sprintf("board-%dx%d", w, h), func(t *testing.T) {
			rvGolden(t, w, h, "Where we stand", func(t *testing.T) *app {
				return rvGoldenApp(t, rvGoldenPlan(t), w, h, "P", "b")
			})
		})
	}
}
