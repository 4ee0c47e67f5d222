package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// areasummaryScreen comes after the last item of an area: how many items
// of the area sit at each level, which are not rated yet, and where the
// review goes next.
type areasummaryScreen struct {
	c    *common
	keys areasummaryKeys
	area int
}

type areasummaryKeys struct {
	Continue key.Binding
	Back     key.Binding
}

func newAreaSummaryScreen(c *common) *areasummaryScreen {
	return &areasummaryScreen{c: c, keys: areasummaryKeys{
		Continue: key.NewBinding(key.WithKeys("enter", "n", "right", "pgdown"), key.WithHelp("enter", "continue")),
		Back:     key.NewBinding(key.WithKeys("p", "left", "pgup", "esc"), key.WithHelp("p/esc", "back to the last item")),
	}}
}

func (s *areasummaryScreen) setPosition(area int) {
	s.area = area
	s.c.session.MoveTo(review.AreaEnd(area))
}

func (s *areasummaryScreen) init() tea.Cmd { return nil }

func (s *areasummaryScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Continue):
		s.c.goToPlace(s.c.session.After(review.AreaEnd(s.area)))
	case key.Matches(k, s.keys.Back):
		s.c.goToPlace(s.c.session.Before(review.AreaEnd(s.area)))
	}
	return nil
}

func (s *areasummaryScreen) view() string {
	if s.c.session == nil {
		return ""
	}
	st := &s.c.styles
	c := s.c.checklist()
	p := s.c.plan()
	w, h := s.c.width, s.c.height
	a := &c.Areas[s.area]
	perArea, _ := p.Counts()
	counts := perArea[s.area].Counts

	var b []string
	b = append(b, st.Heading.Render(ansi.Wrap(a.Title+": done", w, "")))
	b = append(b, st.Subtle.Render(fmt.Sprintf("%d of %d %s rated", counts.Rated(), counts.Total(), plural(counts.Total(), "item", "items"))), "")
	for i := range c.Scale {
		b = append(b, fmt.Sprintf("  %s  %d", padCells(st.levelStyle(i, len(c.Scale)).Render(plans.MarkAt(i, len(c.Scale))+" "+c.Scale[i].Label), 12), counts.ByLevel[i]))
	}
	b = append(b, fmt.Sprintf("  %s  %d", padCells(st.levelStyle(-1, 0).Render(plans.MarkUnrated+" Unrated"), 12), counts.Unrated))

	// Each item with its rating, when the window has room for them.
	next := s.nextLine(st, counts.Unrated)
	rows := make([]string, 0, len(a.Items))
	for _, it := range a.Items {
		r := p.Items[it.ID]
		rows = append(rows, "  "+st.ratingMark(c, r.Rating)+" "+ansi.Truncate(it.Title, max(1, w-4), "…"))
	}
	if len(b)+1+len(rows)+1+countLines(next) <= h {
		b = append(b, "")
		b = append(b, rows...)
	}
	if len(a.IfAllYouDo) > 0 && len(b)+2+len(a.IfAllYouDo)+1+countLines(next) <= h {
		b = append(b, "", st.Label.Render("If all you do:"))
		for _, sg := range a.IfAllYouDo {
			b = append(b, "  • "+ansi.Truncate(sg.Text, max(1, w-4), "…"))
		}
	}
	b = append(b, "", next)
	return strings.Join(b, "\n")
}

// nextLine says where continue goes, and points at the gaps.
func (s *areasummaryScreen) nextLine(st *styles, unrated int) string {
	c := s.c.checklist()
	var to string
	if s.area+1 < len(c.Areas) {
		na := c.Areas[s.area+1]
		to = fmt.Sprintf("Next: %s (%d %s).", na.Title, len(na.Items), plural(len(na.Items), "item", "items"))
	} else {
		to = fmt.Sprintf("Next: the next steps (%d %s).", len(c.FollowUps), plural(len(c.FollowUps), "question", "questions"))
	}
	line := st.Text.Render(to) + " " + st.Subtle.Render("Press enter to continue.")
	if unrated > 0 {
		line += "\n" + st.Warning.Render(fmt.Sprintf("%d not rated yet:", unrated)) + " " +
			st.Subtle.Render("p goes back, o shows every item.")
	}
	return line
}

func (s *areasummaryScreen) shortHelp() []key.Binding {
	return []key.Binding{s.keys.Continue, s.keys.Back, s.c.keys.Overview}
}

func (s *areasummaryScreen) fullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Continue, s.keys.Back}}
}

func (s *areasummaryScreen) typing() bool { return false }

// padCells pads styled text to width cells.
func padCells(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}
