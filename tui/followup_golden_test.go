package tui

import (
	"fmt"
	"os"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// Golden screens of the next steps and the summary, made as the walk's
// are (rvGolden): the real program at 80x24 and 120x40, its last frame
// through the Ascii profile, compared with testdata/<test>/<case>.golden;
// go test -update rewrites them. The plan is at a fixed relative path in a
// temp folder and the date is fixed.

// fuGoldenPlan is fuPlan with every next-steps question part answered.
func fuGoldenPlan(t testing.TB) *plans.Plan {
	p := fuPlan(t)
	actions := p.WrittenActions()
	p.Answer("counts").Due = plans.Date{Year: 2027, Month: 3, Day: 31}
	p.Answer("quick-wins").List = []string{actions[1], "Thank the team 🙏"}
	p.Answer("speak-with").ByArea = map[string]string{"leadership-culture": "Zoë and the board", "workforce": "李雷 (HR) 🚀"}
	p.Answer("decision-makers").Text = "The board\nZoë Østergaard, managing director"
	p.AddActionSteps()
	pp := p.Answer("project-plan")
	pp.Steps = append(pp.Steps, plans.Step{ID: pp.NextStepID(), Text: "Share the results with everyone", Owner: "Ana", Due: plans.Date{Year: 2027, Month: 2, Day: 1}, Status: plans.StatusDone})
	pp.Steps[1].Status = plans.StatusDoing
	pp.Due = plans.Date{Year: 2027, Month: 6, Day: 30}
	return p
}

// fuGolden runs the app on fuGoldenPlan, put on a screen by setup, at w×h
// and compares its last frame with the golden file (see rvGolden).
func fuGolden(t *testing.T, w, h int, want string, setup func(t *testing.T, a *app)) {
	t.Helper()
	rvGolden(t, w, h, want, func(t *testing.T) *app {
		if err := os.Mkdir("plans", 0o755); err != nil {
			t.Fatal(err)
		}
		a := fuAppAt(t, fuGoldenPlan(t), "plans/acme-cafe-ltd-spring-review.yaml", w, h)
		setup(t, a)
		return a
	})
}

var fuGoldenSizes = [][2]int{{80, 24}, {120, 40}}

func TestFollowUpGoldens(t *testing.T) {
	names := []string{"counts", "quick-wins", "speak-with", "decision-makers", "project-plan"}
	for i, name := range names {
		for _, size := range fuGoldenSizes {
			t.Run(fmt.Sprintf("%s-%dx%d", name, size[0], size[1]), func(t *testing.T) {
				fuGolden(t, size[0], size[1], fmt.Sprintf("question %d of 5", i+1), func(t *testing.T, a *app) {
					fuShow(t, a, screenFollowUp, i)
				})
			})
		}
	}
}

// Screens part-way through typing: a rejected date in place, and a step
// being edited.
func TestFollowUpGoldensWhileTyping(t *testing.T) {
	for _, size := range fuGoldenSizes {
		t.Run(fmt.Sprintf("rejected-date-%dx%d", size[0], size[1]), func(t *testing.T) {
			fuGolden(t, size[0], size[1], "is not a real date", func(t *testing.T, a *app) {
				fuShow(t, a, screenFollowUp, 2)
				fuPress(t, a, "down", "down", "down", "enter", "ctrl+u")
				fuType(t, a, "30/02/2027")
				fuPress(t, a, "enter")
			})
		})
		t.Run(fmt.Sprintf("editing-step-%dx%d", size[0], size[1]), func(t *testing.T) {
			fuGolden(t, size[0], size[1], "Status", func(t *testing.T, a *app) {
				fuShow(t, a, screenFollowUp, 4)
				fuPress(t, a, "down", "enter", "tab", "tab")
			})
		})
	}
}

// TestFollowUpPresenterGoldens: the next-steps questions in presenter mode
// at a projector's sizes (a cheap one at 100x30, 160x45, 240x67): the
// question in the item's heavy box, centred, the answer in a column under
// it, the due date after it, the whole in the middle of the window rather
// than at its top.
func TestFollowUpPresenterGoldens(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {160, 45}, {240, 67}} {
		for _, tc := range []struct {
			name string
			at   int
		}{{"speak-with", 2}, {"project-plan", 4}} {
			t.Run(fmt.Sprintf("%s-%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				fuGolden(t, size[0], size[1], "┏", func(t *testing.T, a *app) {
					fuShow(t, a, screenFollowUp, tc.at)
					fuPress(t, a, "P")
				})
			})
		}
	}
}
