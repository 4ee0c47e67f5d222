package tui

import (
	"errors"
	"io/fs"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/socialmobility/ladder/workforce"
)

// The workforce data beside the items about it (issue 13): on an item
// whose checklist marks it as about the workforce data, the item screen
// shows what the plan's data file holds (the response rate against the
// target, the pattern found) or, with no data file yet, how to make one.
// The lines come from render.WorkforceSummary, the same protected figures
// as ladder data show, and are read off the update loop: once a plan,
// and again on arriving at an item about the data.

// workforceMsg brings the lines for the plan at path, and the one line
// a window too small for them shows instead; and for presenter mode, the
// lines for the room when the data loads (present_data.go), and whether
// there is no data file.
type workforceMsg struct {
	path    string
	lines   []string
	show    string
	short   []string
	more    []string
	room    []string
	missing bool
}

// workforceData is what common holds of the data: the lines and the short
// line, for which plan, and whether they are being read.
type workforceData struct {
	path    string
	lines   []string
	show    string   // the command that shows the data whole, kept whole by wrapDataLine
	short   []string // the line in its wordings, longest first: see fitting
	more    []string // the last line when some lines show, likewise
	room    []string
	missing bool
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
	return func() tea.Msg { return readWorkforce(plan) }
}

// rereadWorkforce reads the data file again, on arriving at an item
// about the data: imported (or imported again) with the review open, in
// another window as the item says, it shows when the item is come back
// to, where it was read once a plan and the item went on saying "No
// workforce data yet" until ladder was started again. The lines read
// before stay until the new ones come, so that the same figures do not
// blink.
func (c *common) rereadWorkforce() tea.Cmd {
	if c.session == nil || c.workforce.path != c.session.Path() {
		return c.loadWorkforce()
	}
	if c.workforce.loading {
		return nil
	}
	plan := c.workforce.path
	c.workforce.loading = true
	return func() tea.Msg { return readWorkforce(plan) }
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
	a.c.gotWorkforce(readWorkforce(path))
}

// gotWorkforce keeps the lines, if they are still for the open plan.
func (c *common) gotWorkforce(msg workforceMsg) {
	if c.session != nil && c.session.Path() == msg.path {
		c.workforce = workforceData{path: msg.path, lines: msg.lines, show: msg.show, short: msg.short, more: msg.more, room: msg.room, missing: msg.missing}
	}
}

// readWorkforce reads what to show for a plan's data.
func readWorkforce(planPath string) workforceMsg {
	l, err := workforce.Load(workforce.PathFor(planPath), "")
	msg := workforceMsg{path: planPath, lines: render.WorkforceForPlan(planPath, l, err), show: showCommand(planPath)}
	// Said in words of its own, not cut from the first line: that line
	// starts with the data file's path, which tells someone with no room
	// nothing of what the lines hold.
	// A laptop's window may be as tall as it goes: the command that
	// shows it all, in another window, where it fits.
	msg.more = []string{"and more: make the window taller to see it all"}
	switch show := msg.show; {
	case errors.Is(err, fs.ErrNotExist):
		msg.missing = true
		msg.short = []string{"how to add workforce data: ladder data --help", "how to add workforce data: make the window taller"}
	case err != nil:
		msg.short = []string{"the data file does not load: a taller window says why"}
	default:
		msg.short = []string{"your workforce data: " + show, "your data: " + show, "your workforce data: make the window taller to see it"}
		msg.more = append([]string{"and more: " + show + ", or a taller window", "and more: " + show}, msg.more...)
		msg.room = render.WorkforceForRoom(l)
	}
	return msg
}

// showCommand is the command that shows a plan's data whole.
func showCommand(planPath string) string {
	return "ladder data show " + safetext.Line(plans.CommandPath(workforce.PathFor(planPath)))
}

// fitting is the first of tries that fits in w columns after "  … ", or
// the last cut short.
func fitting(tries []string, w int) string {
	for _, t := range tries {
		if ansi.StringWidth("  … "+t) <= w {
			return "  … " + t
		}
	}
	return ansi.Truncate("  … "+tries[len(tries)-1], w, "…")
}

// hasData is whether the item is about the workforce data and there is
// something to show beside it.
func (s *itemScreen) hasData(it *checklist.Item) bool {
	return it.Topic == checklist.TopicWorkforceData && len(s.c.workforce.lines) > 0
}

// dataHeight is how many lines the data takes whole under an item about
// it, with the blank line above: while rating, it counts as the questions
// do, so empty fields give way to it (ordinaryView).
func (s *itemScreen) dataHeight(it *checklist.Item, w int) int {
	if !s.hasData(it) {
		return 0
	}
	n := 1
	for _, l := range s.c.workforce.lines {
		n += len(wrapDataLine(l, s.c.workforce.show, max(1, w-2)))
	}
	return n
}

// wrapDataLine wraps one of the data's lines to w columns (a path or a
// command is not broken at a hyphen), the command show that ends the last
// ("The chart, the rule and the numbers: ladder data show PATH", PATH as
// showCommand quotes it) on a line of its own where it does not fit
// beside its words: broken before its path, or in it, the half copied
// ran the command with no file, or with another.
func wrapDataLine(l, show string, w int) []string {
	wrapped, _ := wrapWords(l, w)
	lead, ok := strings.CutSuffix(l, show)
	if len(wrapped) < 2 || !ok || strings.TrimSpace(lead) == "" || strings.HasSuffix(wrapped[len(wrapped)-1], show) || ansi.StringWidth(show) > w {
		return wrapped // not a command ending the line, or whole already, or wider than a line
	}
	leads, _ := wrapWords(strings.TrimRight(lead, " "), w)
	return append(leads, show)
}

// dataView draws the data lines for an item about the data, in at most
// lines lines, or nothing. When they do not all fit, the last line says
// that there is more and how to see it: a window too small for the data
// would otherwise leave it out without a word, and no key opens it whole
// (ladder data show does, outside the review).
func (s *itemScreen) dataView(st *styles, it *checklist.Item, w, lines int) string {
	if !s.hasData(it) || lines < 1 {
		return ""
	}
	var paragraphs [][]string
	all := 0
	for _, l := range s.c.workforce.lines {
		wrapped := wrapDataLine(l, s.c.workforce.show, max(1, w-2))
		paragraphs = append(paragraphs, wrapped)
		all += len(wrapped)
	}
	var out []string
	for _, p := range paragraphs {
		if all > lines && len(out)+len(p) > lines-1 {
			// A paragraph is shown whole or not at all: half of the
			// pattern's reading would read as the whole of it.
			more := s.c.workforce.more
			if len(out) == 0 {
				more = s.c.workforce.short
			}
			out = append(out, fitting(more, w))
			break
		}
		for _, wl := range p {
			out = append(out, "  "+wl)
		}
	}
	return st.Subtle.Render(strings.Join(out, "\n"))
}
