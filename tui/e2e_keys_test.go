package tui_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/bench/ptybench"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// e2eRunSized starts ladder in dir with args in a cols×rows terminal.
func e2eRunSized(t *testing.T, bin, dir string, cols, rows int, env []string, args ...string) e2eSession {
	t.Helper()
	s, err := ptybench.Start(bin, ptybench.Options{Args: args, Dir: dir, Cols: cols, Rows: rows, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return e2eSession{t, s}
}

// e2ePlan writes a new plan of the built-in checklist at dir/plans/name
// and returns its path.
func e2ePlan(t *testing.T, dir, name string, edit func(p *plans.Plan)) string {
	t.Helper()
	path := filepath.Join(dir, "plans", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Bea's Café", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 14})
	if edit != nil {
		edit(p)
	}
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
	return path
}

// bothModes are the ordinary screen and presenter mode, for a test that
// must hold in both.
var bothModes = []struct {
	name string
	args []string
}{
	{"screen", nil},
	{"presenter mode", []string{"--present"}},
}

// A rating never turns the next key into text (issues 12.5 and 10.1): g
// then n rates the item and moves on, in presenter mode too, and the
// footer at 80x24 keeps help and quit (12.6, 10.5).
func TestRatingThenNMovesOnAndTypesNothing(t *testing.T) {
	bin := e2eBinary(t)
	for _, mode := range bothModes {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", nil)
			args := append(append([]string{"review", "--today", "2027-03-14"}, mode.args...), "plans/cafe.yaml")
			e := e2eRunSized(t, bin, dir, 80, 24, nil, args...)
			e.waitFor("? help")
			e.shown("q save & quit")
			e.keys("g")
			e.waitFor("write the action")
			e.keys("n")
			e.waitFor("work with your managers")
			e.shown("? help")
			e.keys("q")
			if err := e.s.Wait(e2eTimeout); err != nil {
				t.Fatal(err)
			}
			p, err := plans.LoadFile(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r := p.Response("lc-vision"); r.Rating != "green" || r.Action != "" {
				t.Fatalf("item 1: rating %q, action %q: want green and no action", r.Rating, r.Action)
			}
			if r := p.Response("lc-leadership"); r.Rated() || r.Action != "" {
				t.Fatalf("item 2 was touched: %+v", *r)
			}
		})
	}
}

// At 80x24 a long item scrolls (issues 12.6, 10.6): "Interventions" has
// nine questions, space shows the ones below, and in presenter mode the
// levels of the scale stay on the screen.
func TestALongItemScrollsAt80x24(t *testing.T) {
	bin := e2eBinary(t)
	for _, mode := range bothModes {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			path := e2ePlan(t, dir, "cafe.yaml", func(p *plans.Plan) {
				for _, e := range p.Checklist.Items()[:5] {
					p.Response(e.Item.ID).Rating = "green"
				}
			})
			args := append(append([]string{"review", "--today", "2027-03-14"}, mode.args...), "plans/cafe.yaml")
			e := e2eRunSized(t, bin, dir, 80, 24, nil, args...)
			// (Presenter mode shows what each level means before a rating,
			// issue 10.3, so it has room for one question fewer.)
			e.waitFor("more questions · space shows them")
			e.shown("Green")
			e.shown("space more questions")
			e.shown("? help")
			e.keys("space")
			e.waitFor("involved in the co-creation of progression")
			e.shown("questions above")
			e.keys("g")
			e.waitFor("write the action")
			e.keys("q")
			if err := e.s.Wait(e2eTimeout); err != nil {
				t.Fatal(err)
			}
			if r := rvLoad(t, path).Response("wf-interventions"); r.Rating != "green" {
				t.Fatalf("space typed or rated something: %+v", *r)
			}
		})
	}
}
