package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	roomsrv "github.com/socialmobility/ladder/room"
)

// boardScreen is where the room sees where it stands (b, from any screen
// once a plan is open; and the end of the review in presenter mode): every
// item of every area as a tile with its rating's shape and word in
// capitals and its title (or, where the title does not fit, its short
// title: every tile says which recommendation it is), each area headed by
// its counts, and below, the selected item named in full and the items
// flagged to revisit. The tiles fill the width (the whole window in
// presenter mode); when they do not fit the window, a list in columns is
// drawn instead, which scrolls when even that is too tall. The arrows move
// a cursor from tile to tile (it starts on the item the review is at) and
// enter opens that item.
type boardScreen struct {
	c       *common
	keys    boardKeys
	entries []checklist.Entry
	cursor  int // the item the cursor is on (checklist position)
	offset  int // the first line shown, when the board scrolls

	layout    boardLayout
	layoutFor boardLayoutKey // what the layout was chosen for: the cursor is not part of it
	probe     boardLayout    // the layout at another height, asked by roomPanelFitsAt
	probeFor  boardLayoutKey
	drawn     []string     // the board's lines
	cursorY   int          // the line the cursor's item starts on
	headings  map[int]bool // the lines that head an area
	drawKey   boardDrawKey
	rows      []boardRow // the rows drawn, for redrawing only the cursor's
	rowOf     []int      // each item's row (checklist position → rows)
	rated     string     // "4 of 21 rated", counted when the board is drawn whole
	// flagged is the item f just flagged or unflagged, which a word going
	// on after it takes back (wordGoesOn); "" after any other key.
	flagged string
}

// boardRow is one row of tiles or list cells: items from..to of an area
// whose first item is at checklist position seq, drawn from line.
type boardRow struct {
	line, seq, from, to int
	area                *checklist.Area
}

type boardLayoutKey struct {
	width, height int
	flagged       bool // the footer's line of items to revisit
	checklist     *checklist.Checklist
	present, big  bool // presenter mode, and its headings in block letters
}

type boardDrawKey struct {
	width, height, cursor int
	styles                styleKey
	plan                  *plans.Plan
	room                  boardRoomKey
}

type boardKeys struct {
	Left, Right key.Binding
	Up, Down    key.Binding
	Open        key.Binding
	Summary     key.Binding
	Revisit     key.Binding
	Back        key.Binding
}

func newBoardScreen(c *common) *boardScreen {
	return &boardScreen{c: c, keys: boardKeys{
		Left:    key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←", "previous item")),
		Right:   key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→", "next item")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "up a row")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down a row")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the item")),
		Summary: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "summary")),
		Revisit: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "flag to revisit")),
		Back:    key.NewBinding(key.WithKeys("esc", "b"), key.WithHelp("esc/b", "back")),
	}}
}

// boardLayout is how the board is drawn: tiles with up to titleLines
// lines of title, or a list.
type boardLayout struct {
	titleLines int  // tiles: lines of title under the rating
	list       bool // one line per item instead of tiles
	heading    bool // the board's own heading (heading)
	bigAreas   bool // every area's name in block letters (everyAreaNameBig)
	perRow     int  // tiles (or list columns) in a row
	cellWidth  int
}

// Tile sizes: a tile narrower than minTileWidth cannot hold a short
// title; one wider than maxTileWidth makes a board of a few giant tiles,
// which reads as a list, not a board.
const (
	minTileWidth  = 18
	maxTileWidth  = 48
	maxTitleLines = 6
)

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
	s.flagged = ""
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
	case key.Matches(k, s.keys.Revisit):
		id := s.entries[s.cursor].Item.ID
		s.flagged = id // f may begin a word ("fix the boiler")
		return s.flag(id, !s.c.plan().Items[id].Revisit)
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

// flag flags an item to revisit, or unflags it.
func (s *boardScreen) flag(id string, on bool) tea.Cmd {
	sn, _ := s.c.session.SetRevisit(id, on) // an item of the checklist: never refused
	s.drawn = nil                           // the plan changed in place
	return save(sn)
}

// wordGoesOn takes back the flag of an f that began a word (wordAfterKey):
// "fix the boiler" typed on the board flagged the item under the cursor
// at its f, saved, and the summary and the report listed it. A space or
// a letter that goes on a word after it (goesOnAWord: "fix", "follow",
// "flexible", whose l would move the cursor) puts the flag back as it
// was; the letters after it are held, as after any stray letter. The
// facilitator's f then an arrow, j, k, s, b or enter keeps it.
func (s *boardScreen) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	id := s.flagged
	s.flagged = ""
	if id == "" || !typesText(msg) || msg.Text != " " && !goesOnAWord(msg.Text) {
		return nil, false
	}
	return s.flag(id, !s.c.plan().Items[id].Revisit), true
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
	var head []string
	if s.layout.heading {
		head = s.heading(s.c.width)
	}
	foot := s.footer(s.c.width)
	// The room's panel, the spread only where the strip leaves it out
	// (roomOnBoard), as big as spare lines allow.
	panel := func(spare int) []string { return nil }
	if rs := s.c.room; s.c.roomOnBoard || !rs.on() || rs.status.Phase != roomsrv.Revealed {
		panel = func(spare int) []string { return s.roomPanel(s.c.width, spare) }
	}
	if g := s.c.boardGives; g > 0 {
		// The footer's lines are the strip's where the tiles, or the
		// panel as it was before the strip grew, no longer fit with it.
		spare := s.c.height - len(foot) - len(head) - len(lines)
		if spare < 0 || len(panel(spare)) < len(panel(spare+g)) {
			foot = nil
		}
	}
	h := s.c.height - len(foot) - len(head)
	if len(lines) <= h {
		return strings.Join(slices.Concat(head, lines, panel(h-len(lines)), foot), "\n")
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
	end := min(s.offset+max(h-1, 1), len(lines))
	shown := append([]string(nil), lines[s.offset:end]...)
	more := fmt.Sprintf("lines %d–%d of %d · the arrows scroll", s.offset+1, end, len(lines))
	shown = append(shown, s.c.styles.Subtle.Render(ansi.Truncate(more, s.c.width, "…")))
	return strings.Join(slices.Concat(head, shown, foot), "\n")
}

// heading is the board's heading, drawn afresh on every frame (the tiles
// below are kept: see draw), since in presenter mode it holds the clocks,
// which change every second. On a laptop it is one line: "Where we stand ·
// Acme Café Ltd, Spring review", and how many items are rated at the
// right. In presenter mode it is drawn as every heading there
// (presentHeadingRows), with the clocks, the plan's name and how many are
// rated at the right, in the text colour; its height never changes with
// the clocks', so the tiles never move.
func (s *boardScreen) heading(w int) []string {
	st := &s.c.styles
	p := s.c.plan()
	name := flat(strings.Trim(p.Organisation+", "+p.Title, ", "))
	rated := s.rated
	if !s.c.present {
		title := "Where we stand"
		if name != "" {
			title += " · " + name
		}
		return []string{joinEnds(st.Title.Render(ansi.Truncate(title, max(1, w-20), "…")), st.Subtle.Render(rated), w), ""}
	}
	rows, hw := presentHeadingRows(st, "Where we stand", w, s.c.bigHeadings())
	room := max(1, w-hw-2) // beside the heading
	clocks := s.clocks(room)
	name = ansi.Truncate(name, room, "…")
	if len(rows) == 1 {
		// Two lines: the heading and the clocks; the plan's name and how
		// many are rated.
		left := st.Title.Render(ansi.Truncate(name, max(1, w-ansi.StringWidth(rated)-2), "…"))
		return []string{joinEnds(rows[0], clocks, w), joinEnds(left, st.Label.Render(rated), w), ""}
	}
	var right []string
	for _, r := range []string{clocks, st.Title.Render(name), st.Label.Render(ansi.Truncate(rated, room, "…"))} {
		if ansi.StringWidth(r) > 0 {
			right = append(right, r)
		}
	}
	for i := range min(len(rows), len(right)) {
		rows[i] = joinEnds(rows[i], right[i], w)
	}
	return append(rows, "")
}

// clocks is what the board shows of the time, in at most w cells: the
// session's clock, and, while the review is at an item, that item's time
// box, named (the board is looked at on the way, and at the end). Each is
// shortened (compact) before it is cut.
func (s *boardScreen) clocks(w int) string {
	c := s.c
	if c.session == nil || !c.timer.set() {
		return ""
	}
	item := ""
	if p := c.session.Place(); p.Kind == review.AtItem && p.Index == c.timer.item && p.Index < len(s.entries) {
		item = c.timer.view(&c.styles, c.now())
	}
	named := item
	if item != "" {
		named = c.styles.Clock.Render(s.entries[c.timer.item].Item.ShortTitle()+": ") + item
	}
	for _, try := range []string{c.joinClocks(c.sessionClock(false), named), c.joinClocks(c.sessionClock(true), named), c.joinClocks(c.sessionClock(true), item)} {
		if ansi.StringWidth(try) <= w {
			return try
		}
	}
	return ansi.Truncate(c.joinClocks(c.sessionClock(true), item), w, "…")
}

// footer names the selected item in full (where it is and its title, on
// at most two lines: "› Enablers · item 1 of 15 · Data: Do you collect…"),
// then the items flagged to revisit, on one line.
func (s *boardScreen) footer(w int) []string {
	st := &s.c.styles
	named := strings.Split(wrapIndented(s.selectedItem(max(1, w-2)), max(1, w-2), 2, 2), "\n") // the second line is indented: w-2 keeps it in w
	out := []string{""}
	for _, l := range named {
		out = append(out, st.Focused.Render(l))
	}
	if len(named) < 2 {
		out = append(out, "") // two lines whatever the item, so the board does not move with the cursor
	}
	if line := revisitLine(st, s.c.plan(), w); line != "" {
		out = append(out, line)
	}
	return out
}

// selectedItem is the footer's text for the item under the cursor, in two
// lines of w cells when it can be: the area and the item's place in it, as
// the item screen says it, its group, and its title. Where that is too long
// (some checklists' areas and groups are a sentence), the area goes by its
// short title, then the group is left out, so that the title is read whole.
func (s *boardScreen) selectedItem(w int) string {
	e := s.entries[s.cursor]
	place := fmt.Sprintf("item %d of %d", e.Ref.Index+1, len(e.Area.Items))
	named := func(area, group string) string {
		if group != "" {
			group = " · " + group
		}
		return "› " + area + " · " + place + group + ": " + e.Item.Title
	}
	tries := []string{named(e.Area.Title, e.Item.Group), named(e.Area.ShortTitle(), e.Item.Group), named(e.Area.ShortTitle(), "")}
	for _, text := range tries {
		if len(wrapText(text, w)) <= 2 {
			return text
		}
	}
	return tries[len(tries)-1]
}

// revisitLine lists the items flagged to revisit by their short titles on
// one line ("" when none is): "⚑ To revisit (2): Interventions · Data: pay
// grades".
func revisitLine(st *styles, p *plans.Plan, w int) string {
	flagged := p.Revisits()
	if len(flagged) == 0 {
		return ""
	}
	names := make([]string, len(flagged))
	for i, e := range flagged {
		names[i] = e.Item.ShortTitle()
	}
	head := fmt.Sprintf("%s To revisit (%d): ", revisitMark, len(flagged))
	return st.Warning.Render(head) + ansi.Truncate(strings.Join(names, " · "), max(1, w-ansi.StringWidth(head)), "…")
}

// revisitMark is the flag of an item to revisit, wherever it is shown.
const revisitMark = "⚑"

// draw returns the board's lines for the window, drawing them when the
// size, the cursor or the plan changed.
func (s *boardScreen) draw() []string {
	// Laid out for the height the board had while the room voted (see
	// boardGives): view leaves the footer out for the strip instead.
	k := boardDrawKey{width: s.c.width, height: s.c.height + s.c.boardGives, cursor: s.cursor, styles: s.c.styles.key(), plan: s.c.plan(), room: s.roomKey()}
	if s.drawn != nil && s.drawKey == k {
		return s.drawn
	}
	if s.drawn != nil && k.width == s.drawKey.width && k.height == s.drawKey.height && k.styles == s.drawKey.styles && k.plan == s.drawKey.plan {
		// Only the cursor moved, or the room's vote: the rows the cursor
		// left and entered, and those of the items the vote was and is
		// on, are drawn again (a 1,000-item board is otherwise drawn
		// whole on every arrow).
		old := s.drawKey
		s.drawKey = k // the rows are drawn as k says
		s.redrawRow(old.cursor)
		s.redrawRow(k.cursor)
		if k.room != old.room {
			s.redrawRoomItem(old.room)
			s.redrawRoomItem(k.room)
		}
		s.cursorY = s.rows[s.rowOf[k.cursor]].line
		return s.drawn
	}
	_, total := k.plan.Counts() // for the heading, drawn on every frame
	s.rated = fmt.Sprintf("%d of %d rated", total.Rated(), total.Total())
	if lk := s.layoutKey(k.width, k.height); s.layoutFor != lk {
		s.layout, s.layoutFor = s.chooseLayout(k.width, k.height-len(s.footer(k.width))), lk
	}
	s.headings = map[int]bool{}
	s.drawn, s.cursorY = s.drawLayout(s.layout, k.width)
	s.drawKey = k
	return s.drawn
}

// layoutKey is what the layout for a body of w×h is chosen for.
func (s *boardScreen) layoutKey(w, h int) boardLayoutKey {
	p := s.c.plan()
	return boardLayoutKey{width: w, height: h, flagged: len(p.Revisits()) > 0, checklist: p.Checklist,
		present: s.c.present, big: s.c.bigHeadings()}
}

// layoutAt is the layout for a body of w×h: the one drawn when the board
// is drawn at that size, else chosen and kept apart (the rows drawn keep
// theirs).
func (s *boardScreen) layoutAt(w, h int) boardLayout {
	switch lk := s.layoutKey(w, h); lk {
	case s.layoutFor:
		return s.layout
	case s.probeFor:
		return s.probe
	default:
		s.probe, s.probeFor = s.chooseLayout(w, h-len(s.footer(w))), lk
		return s.probe
	}
}

// redrawRow draws again the row holding item pos.
func (s *boardScreen) redrawRow(pos int) {
	r := s.rows[s.rowOf[pos]]
	lines := s.drawRow(&s.c.styles, s.layout, r.area, r.seq, r.from, r.to)
	copy(s.drawn[r.line:], lines)
}

// chooseLayout picks the layout that fits w×h and shows the most items by
// their full titles (then the biggest tiles): tiles of every width from
// maxTileWidth down to minTileWidth with one to maxTitleLines lines of
// title, in which every item's title or short title fits; failing them,
// the list with the board's heading line in the fewest columns that fit,
// then without it; failing all, the list in one column, scrolled.
func (s *boardScreen) chooseLayout(w, h int) boardLayout {
	best, bestFull := boardLayout{}, -1
	head := len(s.heading(w)) // the same height whatever the clocks say
	// In presenter mode on a big window the areas' names are headings in
	// block letters, as every heading there, when the tiles show as many
	// full titles so.
	bigAreas := []bool{false}
	if s.c.present && s.c.bigHeadings() && s.everyAreaNameBig(w) {
		bigAreas = []bool{true, false}
	}
	minCell := s.minTileWidth()
	for _, big := range bigAreas {
		for per := max(1, (w+maxTileWidth+1)/(maxTileWidth+1)); ; per++ {
			cell := (w - (per - 1)) / per
			if cell < minCell {
				break
			}
			cell = min(cell, maxTileWidth)
			for tl := 1; tl <= maxTitleLines; tl++ { // the fewest lines that show the most titles
				l := boardLayout{titleLines: tl, heading: true, bigAreas: big, perRow: per, cellWidth: cell}
				if s.boardHeight(l, head, w) > h {
					continue
				}
				full, ok := s.titlesFit(l)
				if ok && full > bestFull {
					best, bestFull = l, full
				}
			}
		}
	}
	if bestFull >= 0 {
		return best
	}
	// The list, in the fewest columns that fit (the widest lines, with
	// the most full titles); on a laptop's screen without the heading
	// before it scrolls, but not in presenter mode, whose heading holds
	// the clocks.
	headings := []bool{true, false}
	if s.c.present {
		headings = headings[:1]
	}
	for _, heading := range headings {
		for cols := 1; cols <= max(1, (w+2)/26); cols++ {
			l := boardLayout{list: true, heading: heading, perRow: cols, cellWidth: (w - 2*(cols-1)) / cols}
			if cols > 1 && s.listTitleWidth(l.cellWidth) < listTitleRoom {
				break // more columns would leave titles a few cells ("Analyse p…")
			}
			if s.boardHeight(l, head, w) <= h {
				return l
			}
		}
	}
	return boardLayout{list: true, heading: true, perRow: 1, cellWidth: w}
}

// titlesFit reports whether every tile of a layout can say which item it
// is (its title, or else its short title, in the tile's title lines), and
// how many show their full title.
func (s *boardScreen) titlesFit(l boardLayout) (full int, ok bool) {
	inner := l.cellWidth - 4
	for _, e := range s.entries {
		if _, ok := wholeTitle(e.Item, inner, l.titleLines); ok {
			full++
			continue
		}
		if lines, ok := wrapWords(e.Item.ShortTitle(), inner); !ok || len(lines) > l.titleLines {
			return 0, false
		}
	}
	return full, true
}

// wholeTitle is an item's title wrapped to inner cells, and whether a
// tile of lines title lines shows it: it fits, and reads whole alone (not
// one that leads into its prompts, checklist.Item.LeadsIn).
func wholeTitle(it *checklist.Item, inner, lines int) ([]string, bool) {
	t, ok := wrapWords(it.Title, inner)
	return t, ok && len(t) <= lines && !it.LeadsIn()
}

// tileTitle is what a tile of inner cells and lines lines says of an item:
// its title where the tile shows it whole (wholeTitle), else its short
// title.
func tileTitle(it *checklist.Item, inner, lines int) []string {
	if t, ok := wholeTitle(it, inner, lines); ok {
		return t
	}
	t, _ := wrapWords(it.ShortTitle(), inner)
	if len(t) > lines {
		t = t[:lines]
		t[lines-1] = ansi.Truncate(t[lines-1], max(1, inner-1), "") + "…"
	}
	return t
}

// wrapWords wraps text in w cells a line, breaking only between words (not
// at a hyphen: "Anti-discrimination" stays whole); ok is false when a word
// is wider than w and had to be broken.
func wrapWords(text string, w int) (lines []string, ok bool) {
	wrapped := notAtHyphens(text, func(s string) string { return ansi.Wrap(s, max(1, w), "") })
	ok = true
	for _, word := range strings.Fields(text) {
		ok = ok && ansi.StringWidth(word) <= w
	}
	return strings.Split(wrapped, "\n"), ok
}

// notAtHyphens runs wrap, which breaks lines at a hyphen as at a space
// (x/ansi's do), on text whose hyphens it may not break at: names, paths
// and dates are full of them.
func notAtHyphens(text string, wrap func(string) string) string {
	const nbHyphen = "\u2011" // one cell, as "-", and not a breakpoint
	return strings.ReplaceAll(wrap(strings.ReplaceAll(text, "-", nbHyphen)), nbHyphen, "-")
}

// boardHeight is how many lines a layout takes in w cells, with a heading
// of head lines.
func (s *boardScreen) boardHeight(l boardLayout, head, w int) int {
	n := 0
	if l.heading {
		n += head
	}
	for i := range s.c.checklist().Areas {
		a := &s.c.checklist().Areas[i]
		rows := (len(a.Items) + l.perRow - 1) / l.perRow
		if l.list {
			n += 1 + rows
			continue
		}
		if i > 0 {
			n++
		}
		if l.bigAreas {
			n += 2
		}
		n += 1 + rows*(l.titleLines+3)
	}
	return n
}

// bigAreaName reports whether an area's name fits w in block letters
// beside its tally (at its widest: every item at one level).
func (s *boardScreen) bigAreaName(a *checklist.Area, w int) bool {
	levels := len(s.c.checklist().Scale) + 1
	tally := levels*(2+len(strconv.Itoa(len(a.Items)))) + 3*(levels-1)
	name := bigWidth(strings.ToUpper(a.Title))
	return name > 0 && name+4+tally <= w
}

// everyAreaNameBig reports whether every area's name fits w in block
// letters: the board's headings take one style, so one area whose title
// is a sentence keeps the others out of block letters.
func (s *boardScreen) everyAreaNameBig(w int) bool {
	c := s.c.checklist()
	for i := range c.Areas {
		if !s.bigAreaName(&c.Areas[i], w) {
			return false
		}
	}
	return true
}

// everyAreaNameSpaced reports whether every area's name fits w in
// letter-spaced capitals beside its tally: else every area is headed in
// plain capitals, not some one way and some the other.
func (s *boardScreen) everyAreaNameSpaced(st *styles, w int) bool {
	p := s.c.plan()
	for i := range p.Checklist.Areas {
		a := &p.Checklist.Areas[i]
		tally := areaTally(p, a, func(key string) string { return st.ratingMark(p.Checklist, key) })
		if ansi.StringWidth(letterSpaced(strings.ToUpper(a.Title)))+4+ansi.StringWidth(tally) > w {
			return false
		}
	}
	return true
}

// listLabelWidth is the rating's width in a list line: "○ Unrated" and
// room; wider where the scale's words are (ratingLabelWidth).
const listLabelWidth = 10

// minTileWidth is the narrowest tile of this checklist: minTileWidth, or
// wider where the scale's widest word in capitals and the widest item
// number, flagged to revisit, do not fit beside each other in it
// ("▲ DEVELOPING  ⚑ 9": the number was dropped). The flag's room is kept
// whether or not an item is flagged, so that flagging one does not
// reshape the board under the facilitator's eyes.
func (s *boardScreen) minTileWidth() int {
	c := s.c.checklist()
	word := ansi.StringWidth(plans.MarkUnrated + " NOT RATED")
	for i, l := range c.Scale {
		word = max(word, ansi.StringWidth(plans.MarkAt(i, len(c.Scale))+" "+strings.ToUpper(l.Label)))
	}
	// 2 cells of border and 2 of padding; 2 between the word and "⚑ 9".
	return max(minTileWidth, 4+word+2+ansi.StringWidth(revisitMark+" ")+s.numberWidth())
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

// areaHead is an area's heading on the board: its name, and its tally
// beside it ("■ 1   ▲ 2   ● 0   ○ 1"); in block letters in presenter mode
// on a big window (bigAreas), in letter-spaced capitals over tiles when
// spaced (everyAreaNameSpaced, asked once for the whole board), in
// capitals in the list.
func (s *boardScreen) areaHead(st *styles, l boardLayout, a *checklist.Area, w int, spaced bool) []string {
	p := s.c.plan()
	tally := areaTally(p, a, func(key string) string { return st.ratingMark(p.Checklist, key) })
	if l.bigAreas {
		rows, bw := presentHeadingRows(st, a.Title, w, true)
		if len(rows) == 3 {
			rows[1] = padCells(rows[1], bw) + "    " + tally
			return rows
		}
	}
	name := strings.ToUpper(a.Title)
	if spaced {
		name = letterSpaced(name)
	}
	if head := st.Heading.Render(name) + "    " + tally; ansi.StringWidth(head) <= w {
		return []string{head}
	}
	// In plain capitals beside the tally; a sentence-long area by its
	// short title, whole words rather than a sentence cut mid-word.
	room := max(1, w-ansi.StringWidth(tally)-2)
	name = strings.ToUpper(areaName(a, room))
	if head := st.Heading.Render(name) + "    " + tally; ansi.StringWidth(head) <= w {
		return []string{head}
	}
	return []string{joinEnds(st.Heading.Render(ansi.Truncate(name, room, "…")), tally, w)}
}

// drawLayout draws the board; it also returns the line the cursor's item
// starts on.
func (s *boardScreen) drawLayout(l boardLayout, w int) ([]string, int) {
	st := &s.c.styles
	p := s.c.plan()
	c := p.Checklist
	var out []string
	cursorY := 0
	s.rows, s.rowOf = s.rows[:0], make([]int, len(s.entries))
	spaced := !l.list && s.everyAreaNameSpaced(st, w)
	seq := 0
	for ai := range c.Areas {
		a := &c.Areas[ai]
		if ai > 0 && !l.list {
			out = append(out, "")
		}
		s.headings[len(out)] = true
		out = append(out, s.areaHead(st, l, a, w, spaced)...)
		for from := 0; from < len(a.Items); from += l.perRow {
			to := min(from+l.perRow, len(a.Items))
			if s.cursor >= seq+from && s.cursor < seq+to {
				cursorY = len(out)
			}
			for i := from; i < to; i++ {
				s.rowOf[seq+i] = len(s.rows)
			}
			s.rows = append(s.rows, boardRow{line: len(out), seq: seq, from: from, to: to, area: a})
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
		return []string{strings.TrimRight(strings.Join(cells, "  "), " ")}
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
// item's number (with ⚑ when it is flagged to revisit), and its title or
// short title.
func (s *boardScreen) tile(st *styles, l boardLayout, a *checklist.Area, i int, focused bool) string {
	c := s.c.checklist()
	it := &a.Items[i]
	r := s.c.plan().Items[it.ID]
	_, li, rated := c.Level(r.Rating)
	ls := st.levelStyle(li, len(c.Scale))
	word := "NOT RATED"
	if rated {
		word = strings.ToUpper(c.Scale[li].Label)
	}
	inner := l.cellWidth - 4
	num := strconv.Itoa(i + 1)
	if r.Revisit {
		num = revisitMark + " " + num
	}
	if focused {
		num = st.Focused.Render(num)
	} else {
		num = st.Subtle.Render(num)
	}
	left := ls.Render(plans.Mark(c, r.Rating) + " " + word)
	right := s.votesOn(st, it.ID).tileRight(st, num, inner-ansi.StringWidth(left)-2)
	lines := []string{joinEnds(left, right, inner)}
	title := tileTitle(it, inner, l.titleLines)
	for len(title) < l.titleLines {
		title = append(title, "")
	}
	lines = append(lines, title...)
	border, colour := lipgloss.RoundedBorder(), ls.GetForeground()
	if focused {
		border = lipgloss.ThickBorder()
	}
	return lipgloss.NewStyle().Border(border).BorderForeground(colour).Padding(0, 1).Width(l.cellWidth).
		Render(strings.Join(lines, "\n"))
}

// listCell is item i of an area on one line: "12 ▲ Amber  Title", its
// title when it fits and reads whole alone, its short title when not, ⚑
// after it when it is flagged to revisit, › before it when the cursor is
// on it, and the room's
// votes at the right when the short title still fits beside them (else
// "split" before the title where the votes span the scale).
func (s *boardScreen) listCell(st *styles, l boardLayout, a *checklist.Area, i int, focused bool) string {
	c := s.c.checklist()
	it := &a.Items[i]
	r := s.c.plan().Items[it.ID]
	cur := "  "
	if focused {
		cur = st.Focused.Render("› ")
	}
	num := fmt.Sprintf("%*d ", s.numberWidth(), i+1)
	label := padCells(st.rating(c, r.Rating), s.listRatingWidth())
	rest := s.listTitleWidth(l.cellWidth)
	flag := ""
	if r.Revisit {
		flag, rest = " "+st.Warning.Render(revisitMark), max(1, rest-2)
	}
	votes := s.votesOn(st, it.ID)
	keep := listTitleRoom
	if votes.live {
		keep = listTitleRoomLive
	}
	mark, right := "", votes.listRight(st, rest-2-min(ansi.StringWidth(it.ShortTitle()), keep))
	switch {
	case right != "":
		rest -= 2 + ansi.StringWidth(right)
		right = "  " + right
	case votes.split:
		mark = st.Warning.Render("split") + " "
		rest = max(1, rest-6)
	}
	title := it.Title
	if ansi.StringWidth(title) > rest || it.LeadsIn() {
		title = ansi.Truncate(it.ShortTitle(), rest, "…")
	}
	title = mark + title
	if focused {
		title = st.Focused.Render(title)
	}
	line := cur + num + label + " " + title + flag
	if right != "" {
		return padCells(line, l.cellWidth-ansi.StringWidth(right)) + right
	}
	return padCells(line, l.cellWidth)
}

// listRatingWidth is the cells a list line gives its rating: the widest
// level's shape and word, and a space.
func (s *boardScreen) listRatingWidth() int {
	return max(listLabelWidth, ratingLabelWidth(s.c.checklist())+1)
}

// listTitleWidth is the cells a list line of cellWidth leaves its title,
// after the cursor, the number and the rating.
func (s *boardScreen) listTitleWidth(cellWidth int) int {
	return max(1, cellWidth-2-(s.numberWidth()+1)-s.listRatingWidth()-1)
}

// listTitleRoom is how much of a short title a list line keeps beside the
// room's votes, and the least a list in columns leaves a title;
// listTitleRoomLive, beside the vote the room is having now, which matters
// more than the rest of the title.
const (
	listTitleRoom     = 16
	listTitleRoomLive = 8
)

// shortHelp is the footer, most useful first (the footer drops from the
// end): the four arrows as one hint, then opening an item and the way
// back, which must show at 80 columns.
func (s *boardScreen) shortHelp() []key.Binding {
	k := s.keys
	move := key.NewBinding(key.WithKeys(slices.Concat(k.Left.Keys(), k.Right.Keys(), k.Up.Keys(), k.Down.Keys())...),
		key.WithHelp("←↑↓→", "move"))
	open := k.Open
	open.SetHelp("enter", "open")
	// The way in and the way out first, as the overview lists them: the
	// arrows are the first thing anyone tries on a grid, so in a narrow
	// window they go before the way back does.
	return []key.Binding{open, k.Back, move, k.Summary, k.Revisit}
}

func (s *boardScreen) fullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{{k.Left, k.Right, k.Up, k.Down, k.Open, k.Revisit, k.Summary, k.Back}}
}

func (s *boardScreen) typing() bool { return false }

func (s *boardScreen) keyMap() any { return s.keys }

func (s *boardScreen) strayNote() string {
	return "Nothing to type here. enter opens the item; esc closes."
}

// nothingTypedHelp says in help what a letter typed on the board does,
// and what a word does to a flag made with f.
func (s *boardScreen) nothingTypedHelp() string {
	return strayHelp + " A flag made with f is taken back when a word goes on after it " +
		"(the i of \"fix the boiler\"); an arrow or enter after it keeps it."
}
