package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
)

// guidanceScreen is the advice at hand for the item the review is at (i on
// the item screen): each passage the checklist's guidance maps to it, its
// text and then, credited, the document and section it comes from; then
// the area's "If all you do is…" suggestions; then the licence line. It
// scrolls when it is taller than the window. Leaving it (esc or i) returns
// to the item screen exactly as it was: the screen is only looked at, and
// the item screen is not touched.
type guidanceScreen struct {
	c      *common
	keys   pageKeys
	scroll scroller

	lines    []string // the drawing, for drawnFor
	drawnFor guidanceDrawn
}

type guidanceDrawn struct {
	pos, width int
	styles     styleKey
}

func newGuidanceScreen(c *common) *guidanceScreen {
	return &guidanceScreen{c: c, keys: newPageKeys(
		key.NewBinding(key.WithKeys("esc", "i"), key.WithHelp("esc/i", "back to the item")))}
}

// init starts at the top of the advice for the item the review is at.
func (s *guidanceScreen) init() tea.Cmd {
	s.scroll.offset = 0
	return nil
}

func (s *guidanceScreen) update(msg tea.Msg) tea.Cmd {
	s.scroll.page(s.c, msg, s.keys, s.draw)
	return nil
}

func (s *guidanceScreen) view() string {
	if s.c.session == nil {
		return ""
	}
	return s.scroll.window(&s.c.styles, s.draw(), s.c.width, s.c.height)
}

// draw returns the advice's lines, drawing them when the item, the width
// or the theme changed. The text sits in a column of a readable measure,
// centred on a wide window.
func (s *guidanceScreen) draw() []string {
	d := guidanceDrawn{pos: s.c.pos(), width: s.c.width, styles: s.c.styles.key()}
	if s.lines != nil && s.drawnFor == d {
		return s.lines
	}
	st := &s.c.styles
	c := s.c.checklist()
	entries := c.Items()
	e := entries[min(max(s.c.pos(), 0), len(entries)-1)]
	w := min(s.c.width, presentMeasure)

	var out []string
	add := func(lines ...string) { out = append(out, lines...) }
	wrap := func(text string, indent int) string {
		return spaces(indent) + wrapIndented(text, max(1, w-indent), indent, 0)
	}
	add(st.Heading.Render(ansi.Truncate("Advice from the source", w, "…")),
		st.Subtle.Render(wrap(fmt.Sprintf("%s · item %d of %d", e.Area.Title, e.Ref.Index+1, len(e.Area.Items)), 0)),
		st.Title.Render(wrap(e.Item.Title, 0)))
	switch {
	case len(e.Item.Guidance) > 0:
	case e.Area.Intro != "":
		add("", wrap("The source has no advice for this item alone; here is what it says of its area.", 2))
	default:
		add("", wrap("This checklist has no advice for this item.", 2))
	}
	for _, p := range e.Item.Guidance {
		add("", wrap(p.Text, 2), st.Subtle.Render(wrap(credit(p), 4)))
	}
	if intro := e.Area.Intro; intro != "" {
		// The area's introduction: what the checklist's own document says
		// of the whole area, credited as a passage is, to that document
		// and the area.
		about := checklist.Passage{Source: c.Title, Section: e.Area.Title, Text: intro}
		add("", st.Label.Render(wrap("About this area", 0)), wrap(about.Text, 2), st.Subtle.Render(wrap(credit(about), 4)))
	}
	if sugs := e.Area.IfAllYouDo; len(sugs) > 0 {
		add("", st.Label.Render(ansi.Truncate("If all you do is… ("+e.Area.Title+")", w, "…")))
		same := true
		for _, sg := range sugs {
			same = same && sg.Source == sugs[0].Source
		}
		for _, sg := range sugs {
			add("  • " + wrapIndented(sg.Text, max(1, w-4), 4, 0))
			if !same && sg.Source != "" {
				add(st.Subtle.Render(wrap("— "+sg.Source, 4)))
			}
		}
		if same && sugs[0].Source != "" {
			add(st.Subtle.Render(wrap("— "+sugs[0].Source, 4)))
		}
	}
	if credit := c.Credit(); credit != "" {
		add("", st.Subtle.Render(wrap(credit, 0)))
	}
	// On a wide window the column sits in the middle; in presenter mode
	// the frame has centred the screen already, and the column starts
	// under the frame's heading.
	indent := (s.c.width - w) / 2
	if s.c.present {
		indent = 0
	}
	text := indentLinesBy(strings.Join(out, "\n"), indent)
	s.lines, s.drawnFor = strings.Split(text, "\n"), d
	return s.lines
}

// credit names a passage's source: "— document, “section”".
func credit(p checklist.Passage) string {
	c := "— " + p.Source
	if p.Section != "" {
		c += ", “" + p.Section + "”"
	}
	return c
}

func (s *guidanceScreen) shortHelp() []key.Binding  { return s.keys.shortHelp() }
func (s *guidanceScreen) fullHelp() [][]key.Binding { return s.keys.fullHelp() }

func (s *guidanceScreen) typing() bool { return false }

func (s *guidanceScreen) keyMap() any { return s.keys }

func (s *guidanceScreen) strayNote() string {
	return "Nothing to type here. esc goes back to the item."
}

// adviceHint is the item screen's note that advice is at hand: "i  advice
// from the source (3)", counting the item's passages and the area's
// introduction; empty when the checklist has none for the item.
func (s *itemScreen) adviceHint(st *styles) string {
	e := s.entry()
	n := adviceCount(e)
	if n == 0 && len(e.Area.IfAllYouDo) == 0 {
		return ""
	}
	return st.HelpKey.Render("i") + st.Subtle.Render(fmt.Sprintf("  advice from the source (%d)", n))
}

// adviceCount is how many passages of advice the item's advice screen
// gives: the item's own, and its area's introduction.
func adviceCount(e checklist.Entry) int {
	n := len(e.Item.Guidance)
	if e.Area.Intro != "" {
		n++
	}
	return n
}
