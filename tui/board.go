package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// boardScreen is where the room sees where it stands (b, from any screen
// once a plan is open; and the end of the review in presenter mode): every
// item of every area as a tile with its rating's shape and word in
// capitals and the start of its title, each area headed by its counts. The
// tiles fill the width; when they do not fit the window, smaller tiles are
// tried, then a compact list in columns, which scrolls when even that is
// too tall. The arrows move a cursor from tile to tile (it starts on the
// item the review is at) and enter opens that item.
type boardScreen struct {
	c       *common
	keys    boardKeys
	entries []checklist.Entry
	cursor  int // the item the cursor is on (checklist position)
	offset  int // the first line shown, when the board scrolls

	layout   boardLayout
	drawn    []string     // the board's lines
	cursorY  int          // the line the cursor's item starts on
	headings map[int]bool // the lines that head an area
	drawKey  boardDrawKey
}

type boardDrawKey struct {
	width, height, cursor int
	dark                  bool
	plan                  *plans.Plan
}

type boardKeys struct {
	Left, Right key.Binding
	Up, Down    key.Binding
	Open        key.Binding
	Summary     key.Binding
	Back        key.Binding
}

func newBoardScreen(c *common) *boardScreen {
	return &boardScreen{c: c, keys: boardKeys{
		Left:    key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←/→", "move")),
		Right:   key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→", "next item")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move up / down")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "move down")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the item")),
		Summary: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "summary")),
		Back:    key.NewBinding(key.WithKeys("esc", "b"), key.WithHelp("esc/b", "back")),
	}}
}

// boardLayout is how the board is drawn: tiles showing lines of the
// item's title (2, 1 or 0), or a list.
type boardLayout struct {
	titleLines int  // tiles: lines of title under the rating
	list       bool // one line per item instead of tiles
	heading    bool // the board's own heading line
	perRow     int  // tiles (or list columns) in a row
	cellWidth  int
}

// init starts with the cursor on the item the review is at, drawn
// afresh: ratings may have changed since the board was last shown.
func (s *boardScreen) init() tea.Cmd {
	if s.c.session == nil {
		return nil
	}
	s.entries = s.c.checklist().Items()
	s.cursor = min(max(s.c.pos(), 0), len(s.entries)-1)
	s.offset = 0
	s.drawn = nil
	return nil
}

func (s *boardScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(s.entries) == 0 {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Back):
		s.c.goBackNow()
	case key.Matches(k, s.keys.Summary):
		s.c.goTo(screenSummary, 0)
	case key.Matches(k, s.keys.Open):
		s.c.goTo(screenItem, s.cursor)
	case key.Matches(k, s.keys.Left):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Right):
		s.cursor = min(s.cursor+1, len(s.entries)-1)
	case key.Matches(k, s.keys.Up):
		s.cursor = s.vertical(-1)
	case key.Matches(k, s.keys.Down):
		s.cursor = s.vertical(1)
	}
	return nil
}

// vertical is the item above (dir -1) or below (1) the cursor: the same
// column of the row before or after, in the area before or after when the
// cursor is on its area's first or last row.
func (s *boardScreen) vertical(dir int) int {
	s.draw()
	per := max(s.layout.perRow, 1)
	e := s.entries[s.cursor]
	row, col := e.Ref.Index/per, e.Ref.Index%per
	areas := s.c.checklist().Areas
	area := e.Ref.Area
	row += dir
	if row < 0 || row*per >= len(areas[area].Items) {
		area += dir
		if area < 0 || area >= len(areas) {
			return s.cursor
		}
		row = 0
		if dir < 0 {
			row = (len(areas[area].Items) - 1) / per
		}
	}
	index := min(row*per+col, len(areas[area].Items)-1)
	first := 0
	for i := range area {
		first += len(areas[i].Items)
	}
	return first + index
}

func (s *boardScreen) view() string {
	if s.c.session == nil || len(s.entries) == 0 {
		return ""
	}
	lines := s.draw()
	h := s.c.height
	if len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	// Scrolled (the list: tiles are only drawn when they fit): keep the
	// cursor's row in the window, with its area's heading when it is the
	// area's first row.
	rowHeight := 1
	if s.cursorY < s.offset {
		s.offset = s.cursorY
		if s.headings[s.offset-1] {
			s.offset--
		}
	}
	if s.cursorY+rowHeight > s.offset+h-1 {
		s.offset = s.cursorY + rowHeight - (h - 1)
	}
	s.offset = max(min(s.offset, len(lines)-(h-1)), 0)
	end := min(s.offset+h-1, len(lines))
	shown := append([]string(nil), lines[s.offset:end]...)
	more := fmt.Sprintf("lines %d–%d of %d · the arrows scroll", s.offset+1, end, len(lines))
	return strings.Join(append(shown, s.c.styles.Subtle.Render(ansi.Truncate(more, s.c.width, "…"))), "\n")
}

// draw returns the board's lines for the window, drawing them when the
// size, the cursor or the plan changed.
func (s *boardScreen) draw() []string {
	k := boardDrawKey{width: s.c.width, height: s.c.height, cursor: s.cursor, dark: s.c.styles.isDark, plan: s.c.plan()}
	if s.drawn != nil && s.drawKey == k {
		return s.drawn
	}
	s.layout = s.chooseLayout(k.width, k.height)
	s.headings = map[int]bool{}
	s.drawn, s.cursorY = s.drawLayout(s.layout, k.width)
	s.drawKey = k
	return s.drawn
}

// chooseLayout picks the biggest layout that fits w×h: tiles with four
// lines of title down to none; then the list with and without the board's
// heading line; failing all, the list, scrolled.
func (s *boardScreen) chooseLayout(w, h int) boardLayout {
	areas := s.c.checklist().Areas
	var candidates []boardLayout
	for _, tl := range []int{4, 3, 2, 1, 0} {
		minWidth := 22
		if tl == 0 {
			minWidth = s.smallTileWidth()
		}
		per := max(1, (w+1)/(minWidth+1))
		cell := min((w-(per-1))/per, 30)
		if tl == 0 {
			cell = minWidth
		}
		if cell < minWidth {
			continue
		}
		candidates = append(candidates, boardLayout{titleLines: tl, heading: true, perRow: per, cellWidth: cell})
	}
	// The list: long titles in few columns, or shorter ones in more
	// columns when that lets the whole board fit.
	var scrolled boardLayout
	for i, minCell := range []int{30, 24} {
		cols := max(1, (w+2)/(minCell+2))
		cell := (w - 2*(cols-1)) / cols
		candidates = append(candidates,
			boardLayout{list: true, heading: true, perRow: cols, cellWidth: cell},
			boardLayout{list: true, perRow: cols, cellWidth: cell})
		if i == 0 {
			scrolled = candidates[len(candidates)-2]
		}
	}
	for _, l := range candidates {
		if boardHeight(l, areas) <= h {
			return l
		}
	}
	return scrolled
}

// boardHeight is how many lines a layout takes.
func boardHeight(l boardLayout, areas []checklist.Area) int {
	n := 0
	if l.heading {
		n += 2
	}
	for i, a := range areas {
		rows := (len(a.Items) + l.perRow - 1) / l.perRow
		if l.list {
			n += 1 + rows
			continue
		}
		if i > 0 {
			n++
		}
		n += 1 + rows*(l.titleLines+3)
	}
	return n
}

// smallTileWidth fits "12  ▲ AMBER" in a box.
func (s *boardScreen) smallTileWidth() int {
	c := s.c.checklist()
	wordWidth := ansi.StringWidth("NOT RATED")
	for _, l := range c.Scale {
		wordWidth = max(wordWidth, ansi.StringWidth(strings.ToUpper(l.Label)))
	}
	return 2 + 2 + s.numberWidth() + 2 + 2 + wordWidth
}

// numberWidth is the widest item number (numbers count within an area, as
// on the item screen).
func (s *boardScreen) numberWidth() int {
	n := 0
	for _, a := range s.c.checklist().Areas {
		n = max(n, len(a.Items))
	}
	return len(strconv.Itoa(n))
}

// drawLayout draws the board; it also returns the line the cursor's item
// starts on.
func (s *boardScreen) drawLayout(l boardLayout, w int) ([]string, int) {
	st := &s.c.styles
	p := s.c.plan()
	c := p.Checklist
	var out []string
	cursorY := 0
	if l.heading {
		title := "Where we stand"
		if name := strings.Trim(p.Organisation+", "+p.Title, ", "); name != "" {
			title += " · " + name
		}
		_, total := p.Counts()
		out = append(out, joinEnds(st.Title.Render(ansi.Truncate(title, max(1, w-20), "…")),
			st.Subtle.Render(fmt.Sprintf("%d of %d rated", total.Rated(), total.Total())), w), "")
	}
	seq := 0
	for ai := range c.Areas {
		a := &c.Areas[ai]
		if ai > 0 && !l.list {
			out = append(out, "")
		}
		name := strings.ToUpper(a.Title)
		if !l.list {
			name = letterSpaced(name)
		}
		tally := areaTally(p, a, func(key string) string { return st.ratingMark(c, key) })
		head := st.Heading.Render(name) + "    " + tally
		if ansi.StringWidth(head) > w {
			head = joinEnds(st.Heading.Render(ansi.Truncate(strings.ToUpper(a.Title), max(1, w-ansi.StringWidth(tally)-2), "…")), tally, w)
		}
		s.headings[len(out)] = true
		out = append(out, head)
		for from := 0; from < len(a.Items); from += l.perRow {
			to := min(from+l.perRow, len(a.Items))
			if s.cursor >= seq+from && s.cursor < seq+to {
				cursorY = len(out)
			}
			out = append(out, s.drawRow(st, l, a, seq, from, to)...)
		}
		seq += len(a.Items)
	}
	return out, cursorY
}

// drawRow draws items from..to of an area (seq is the area's first
// checklist position) as a row of tiles or of list cells.
func (s *boardScreen) drawRow(st *styles, l boardLayout, a *checklist.Area, seq, from, to int) []string {
	cells := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		if l.list {
			cells = append(cells, s.listCell(st, l, a, i, seq+i == s.cursor))
		} else {
			cells = append(cells, s.tile(st, l, a, i, seq+i == s.cursor))
		}
	}
	if l.list {
		return []string{strings.Join(cells, "  ")}
	}
	joined := make([]string, 0, 2*len(cells))
	for i, cl := range cells {
		if i > 0 {
			joined = append(joined, " ")
		}
		joined = append(joined, cl)
	}
	return strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, joined...), "\n")
}

// tile draws item i of an area: a box in the rating's colour (thick when
// the cursor is on it) holding the shape and the word in capitals, the
// item's number, and the start of its title.
func (s *boardScreen) tile(st *styles, l boardLayout, a *checklist.Area, i int, focused bool) string {
	c := s.c.checklist()
	it := a.Items[i]
	rating := s.c.plan().Items[it.ID].Rating
	_, li, rated := c.Level(rating)
	ls := st.levelStyle(li, len(c.Scale))
	word := "NOT RATED"
	if rated {
		word = strings.ToUpper(c.Scale[li].Label)
	}
	inner := l.cellWidth - 4
	num := st.Subtle.Render(strconv.Itoa(i + 1))
	if focused {
		num = st.Focused.Render(strconv.Itoa(i + 1))
	}
	num = s.c.splitMark(st, it.ID) + num
	top := num + "  " + ls.Render(plans.Mark(c, rating)+" "+word)
	if l.titleLines > 0 {
		top = joinEnds(ls.Render(plans.Mark(c, rating)+" "+word), num, inner)
	}
	lines := []string{ansi.Truncate(top, inner, "…")}
	if l.titleLines > 0 {
		title := strings.Split(wrapIndented(it.Title, inner, 0, l.titleLines), "\n")
		for len(title) < l.titleLines {
			title = append(title, "")
		}
		lines = append(lines, title...)
	}
	border, colour := lipgloss.RoundedBorder(), ls.GetForeground()
	if focused {
		border = lipgloss.ThickBorder()
	}
	return lipgloss.NewStyle().Border(border).BorderForeground(colour).Padding(0, 1).Width(l.cellWidth).
		Render(strings.Join(lines, "\n"))
}

// listCell is item i of an area on one line: "12 ▲ Amber  Title…", with
// › before it when the cursor is on it.
func (s *boardScreen) listCell(st *styles, l boardLayout, a *checklist.Area, i int, focused bool) string {
	c := s.c.checklist()
	it := a.Items[i]
	cur := "  "
	if focused {
		cur = st.Focused.Render("› ")
	}
	num := fmt.Sprintf("%*d ", s.numberWidth(), i+1)
	label := padCells(st.rating(c, s.c.plan().Items[it.ID].Rating), 10)
	rest := max(1, l.cellWidth-2-len(num)-10-1)
	title := ansi.Truncate(s.c.splitMark(st, it.ID)+it.Title, rest, "…")
	if focused {
		title = st.Focused.Render(title)
	}
	return padCells(cur+num+label+" "+title, l.cellWidth)
}

func (s *boardScreen) shortHelp() []key.Binding {
	return []key.Binding{s.keys.Left, s.keys.Up, s.keys.Open, s.keys.Summary, s.keys.Back}
}

func (s *boardScreen) fullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{{k.Left, k.Right, k.Up, k.Down, k.Open, k.Summary, k.Back}}
}

func (s *boardScreen) typing() bool { return false }
