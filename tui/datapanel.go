package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/render"
	"github.com/socialmobility/ladder/workforce"
)

// The workforce data beside the items about it (issue 13): on an item
// whose checklist marks it as about the workforce data, the item screen
// shows what the plan's data file holds (the response rate against the
// target, the pattern found) or, with no data file yet, how to make one.
// The lines come from render.WorkforceSummary, the same protected figures
// as ladder data show, and are read once per plan, off the update loop.

// workforceMsg brings the lines for the plan at path.
type workforceMsg struct {
	path  string
	lines []string
}

// workforceData is what common holds of the data: the lines, for which
// plan, and whether they are being read.
type workforceData struct {
	path    string
	lines   []string
	loading bool
}

// loadWorkforce reads the open plan's data file in a command, the first
// time an item screen is shown for the plan.
func (c *common) loadWorkforce() tea.Cmd {
	if c.session == nil {
		return nil
	}
	plan := c.session.Path()
	if c.workforce.path == plan && (c.workforce.loading || c.workforce.lines != nil) {
		return nil
	}
	c.workforce = workforceData{path: plan, loading: true}
	return func() tea.Msg { return workforceMsg{path: plan, lines: workforceLines(plan)} }
}

// workforceFirst reads the data at once when the first screen shows it (an
// item about the workforce data, where a review left half way resumes):
// the first frame then has its lines, instead of the next frame moving
// the scale and the fields down under them. The command loadWorkforce
// gave reads the file again and brings the same lines.
func (a *app) workforceFirst() {
	s, ok := a.screens[a.active].(*itemScreen)
	if !ok || !a.c.workforce.loading || s.entry().Item.Topic != checklist.TopicWorkforceData {
		return
	}
	path := a.c.workforce.path
	a.c.gotWorkforce(workforceMsg{path: path, lines: workforceLines(path)})
}

// gotWorkforce keeps the lines, if they are still for the open plan.
func (c *common) gotWorkforce(msg workforceMsg) {
	if c.session != nil && c.session.Path() == msg.path {
		c.workforce = workforceData{path: msg.path, lines: msg.lines}
	}
}

// workforceLines is what to show for a plan's data.
func workforceLines(planPath string) []string {
	l, err := workforce.Load(workforce.PathFor(planPath), "")
	return render.WorkforceForPlan(planPath, l, err)
}

// dataView draws the data lines for an item about the data, in at most
// lines lines, or nothing.
func (s *itemScreen) dataView(st *styles, it *checklist.Item, w, lines int) string {
	data := s.c.workforce.lines
	if it.Topic != checklist.TopicWorkforceData || len(data) == 0 || lines < 2 {
		return ""
	}
	var out []string
	for _, l := range data {
		wrapped, _ := wrapWords(l, max(1, w-2)) // a path or a command is not broken at a hyphen
		if len(out)+len(wrapped) > lines {
			break
		}
		for _, wl := range wrapped {
			out = append(out, "  "+wl)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return st.Subtle.Render(strings.Join(out, "\n"))
}
