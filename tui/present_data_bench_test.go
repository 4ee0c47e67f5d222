package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// BenchmarkPresenterDataKeypress is BenchmarkKeypress's present-move on
// the items about the workforce data, with a data file beside the plan:
// n and p between the first two, each of which shows the data's line in
// presenter mode; and D, which shows the data itself, and hides it.
//
//	go test ./tui/ -run '^$' -bench 'BenchmarkPresenterDataKeypress' -benchmem -count 5
func BenchmarkPresenterDataKeypress(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {240, 67}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		b.Run(name+"/present-move", func(b *testing.B) {
			a := benchDataApp(b, size[0], size[1])
			a.Update(rvKey("P"))
			benchKeys(b, a, []tea.KeyPressMsg{rvKey("n"), rvKey("p")})
		})
		// D and D again: the data shown to the room and hidden.
		b.Run(name+"/present-show", func(b *testing.B) {
			a := benchDataApp(b, size[0], size[1])
			a.Update(rvKey("P"))
			benchKeys(b, a, []tea.KeyPressMsg{rvKey("D"), rvKey("D")})
		})
	}
}

// benchDataApp is benchApp's filled-in plan of the embedded checklist,
// with cliffEdgeData beside it, on its first item about the data, the
// data read.
func benchDataApp(b *testing.B, w, h int) *app {
	b.Helper()
	dir := b.TempDir()
	c := rvNewPlan(b).Checklist
	opts := Options{Today: checklisttest.ReviewDate, Dir: dir, PlanPath: filepath.Join(dir, "plan.yaml")}
	if err := os.WriteFile(opts.PlanPath, plans.Encode(checklisttest.FilledPlan(c, 1)), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(workforce.PathFor(opts.PlanPath), workforce.Encode(cliffEdgeData()), 0o644); err != nil {
		b.Fatal(err)
	}
	a := benchOpen(b, opts, w, h)
	pos := -1
	for i, e := range c.Items() {
		if e.Item.Topic == checklist.TopicWorkforceData {
			pos = i
			break
		}
	}
	a.show(screenItem, pos)
	a.c.gotWorkforce(readWorkforce(opts.PlanPath))
	if len(a.c.workforce.lines) == 0 {
		b.Fatal("the data was not read")
	}
	return a
}
