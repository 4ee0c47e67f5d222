package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// Presenter mode (--present, or P during a review) is the item screen laid
// out for a projector and a room of managers. A terminal cannot make its
// type bigger, so the layout makes the text carry across a room in other
// ways: the recommendation alone in a heavy box in bold, centred, wrapped to
// a short measure; the area's name in capitals, letter-spaced; the rating
// as a badge with its shape and its word in capitals (never colour alone);
// air around every part; and no file paths or key lists (one line of keys
// at the bottom, and the save status only when there is a problem). The
// action, owner and due date stay below, calmer, for the facilitator to
// type what the room decides. Every key works as on the ordinary screen:
// this is the item screen's second view of the same state (item.go), drawn
// afresh on every frame like the first (item_view.go).

// presentMeasure is the width of the presenter column: text much wider
// than this is hard to follow from the back of a room.
const presentMeasure = 84

// presentTitleMeasure is where the recommendation wraps.
const presentTitleMeasure = 56

// presentAir is how much space the layout leaves; the layout takes the
// first of presentAirs at which everything fits the window.
type presentAir struct {
	boxPad   bool // a blank line inside the title box, above and below
	blanks   bool // a blank line between the parts
	bigBadge bool // the rating as a three-line box (else one line)
	scale    bool // the levels of the scale under the badge
	describe bool // what the chosen level means, under the badge
}

var presentAirs = []presentAir{
	{boxPad: true, blanks: true, bigBadge: true, scale: true, describe: true},
	{blanks: true, bigBadge: true, scale: true, describe: true},
	{bigBadge: true, scale: true, describe: true},
	{bigBadge: true, scale: true},
	{scale: true}, // the levels always show (issue 10.6): the questions scroll instead
}

// presentView draws the item screen in presenter mode, centred in the
// window.
func (s *itemScreen) presentView() string {
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	m := min(w, presentMeasure)
	indent := (w - m) / 2
	s.notes.setHeight(1)
	if s.focus == focusNotes && h >= 30 {
		s.notes.setHeight(3)
	}
	var fields string
	if s.focus == focusRating && h < 30 {
		fields = spaces(indent) + s.compactFields(st, m)
	} else {
		fields = indentLinesBy(s.fieldsView(st, m), indent)
	}
	room := h - countLines(fields) - 1
	body := s.presentTop(st, w, room, s.c.timer.view(st, s.c.now())) + "\n\n" + fields
	// Centred in the window, a little above the middle, where eyes rest.
	if pad := (h - countLines(body)) * 2 / 5; pad > 0 {
		body = strings.Repeat("\n", pad) + body
	}
	return body
}

// presentTop draws the heading, the recommendation, the prompt questions
// and the rating, in at most h lines of width w. Each level of air is
// measured without drawing; only the one chosen is drawn.
func (s *itemScreen) presentTop(st *styles, w, h int, clock string) string {
	e := s.entry()
	m := min(w, presentMeasure)
	title := balancedWrap(e.Item.Title, min(max(1, m-2-6), presentTitleMeasure))
	need := promptLines(e.Item.Prompts, m)
	air := presentAirs[len(presentAirs)-1]
	for _, a := range presentAirs {
		if presentHeight(a, len(title), need) <= h {
			air = a
			break
		}
	}
	parts := []string{s.presentHeading(st, w, clock)}
	add := func(p string) {
		if p == "" {
			return
		}
		if air.blanks {
			parts = append(parts, "")
		}
		parts = append(parts, p)
	}
	pad := 0
	if air.boxPad {
		pad = 1
	}
	add(s.presentTitle(st, title, w, m, pad))
	add(indentLinesBy(s.promptsView(st, e.Item.Prompts, m, h-presentHeight(air, len(title), 0)), (w-m)/2))
	add(s.presentBadge(st, w, air))
	return strings.Join(parts, "\n")
}

// presentHeight is how many lines the top part takes with air, a title of
// titleLines lines and prompts prompts lines.
func presentHeight(air presentAir, titleLines, prompts int) int {
	n := 2 + titleLines + 2 + prompts // heading, title box, prompts
	if air.boxPad {
		n += 2
	}
	if air.blanks {
		n += 2
		if prompts > 0 {
			n++
		}
	}
	if air.bigBadge {
		n += 3
	} else {
		n++
	}
	if air.scale {
		n++
	}
	if air.describe {
		n++
	}
	return n
}

// presentHeading is two centred lines: the area in letter-spaced capitals
// (the countdown, when there is one, at the right), then where the item
// sits and the area's tally: "item 2 of 4 · ■ 1  ▲ 1  ● 0  ○ 2".
func (s *itemScreen) presentHeading(st *styles, w int, clock string) string {
	e := s.entry()
	right := 0
	if clock != "" {
		right = ansi.StringWidth(clock) + 2
	}
	area := letterSpaced(strings.ToUpper(e.Area.Title))
	if ansi.StringWidth(area) > w-2*right {
		area = strings.ToUpper(e.Area.Title)
	}
	area = ansi.Truncate(area, max(1, w-2*right), "…")
	areaWidth := ansi.StringWidth(area)
	line1 := spaces((w-areaWidth)/2) + st.Heading.Render(area)
	if clock != "" {
		if (w-areaWidth)/2+areaWidth+right > w {
			line1 = spaces((w-right-areaWidth)/2) + st.Heading.Render(area)
		}
		line1 = joinEnds(line1, clock, w)
	}
	where := fmt.Sprintf("item %d of %d", e.Ref.Index+1, len(e.Area.Items))
	if e.Item.Group != "" {
		where = e.Item.Group + " · " + where
	}
	tally := areaTally(s.c.plan(), e.Area, func(key string) string { return s.mark(st, key) })
	line2 := st.Subtle.Render(where+"   ·   ") + tally
	if ansi.StringWidth(line2) > w {
		line2 = tally
	}
	return line1 + "\n" + centreIn(line2, w)
}

// areaTally counts an area's items at each level, each count after its
// mark: "■ 1   ▲ 2   ● 0   ○ 1".
func areaTally(p *plans.Plan, a *checklist.Area, mark func(key string) string) string {
	c := p.Checklist
	byLevel := make([]int, len(c.Scale)+1) // unrated last
	for _, it := range a.Items {
		_, i, _ := c.Level(p.Items[it.ID].Rating)
		if i < 0 {
			i = len(c.Scale)
		}
		byLevel[i]++
	}
	var b strings.Builder
	for i, n := range byLevel {
		key := checklist.Unrated
		if i < len(c.Scale) {
			key = c.Scale[i].Key
		}
		if i > 0 {
			b.WriteString("   ")
		}
		b.WriteString(mark(key) + " " + strconv.Itoa(n))
	}
	return b.String()
}

// presentTitle is the recommendation, its lines in bold, in a heavy box m
// cells wide centred in w.
func (s *itemScreen) presentTitle(st *styles, lines []string, w, m, pad int) string {
	styled := make([]string, len(lines))
	for i, l := range lines {
		styled[i] = st.Title.Render(l)
	}
	edge := lipgloss.NewStyle().Foreground(st.Heading.GetForeground())
	return indentLinesBy(box(styled, m, pad, lipgloss.ThickBorder(), edge), (w-m)/2)
}

// box draws lines (styled, none wider than w-2 cells) centred in a border w
// cells wide in the colour of edge, with pad blank lines above and below.
func box(lines []string, w, pad int, b lipgloss.Border, edge lipgloss.Style) string {
	inner := max(0, w-2)
	top := edge.Render(b.TopLeft + strings.Repeat(b.Top, inner) + b.TopRight)
	bottom := edge.Render(b.BottomLeft + strings.Repeat(b.Bottom, inner) + b.BottomRight)
	left, right := edge.Render(b.Left), edge.Render(b.Right)
	out := make([]string, 0, len(lines)+2*pad+2)
	out = append(out, top)
	for range pad {
		out = append(out, left+spaces(inner)+right)
	}
	for _, l := range lines {
		lw := ansi.StringWidth(l)
		before := max(0, (inner-lw)/2)
		out = append(out, left+spaces(before)+l+spaces(inner-lw-before)+right)
	}
	for range pad {
		out = append(out, left+spaces(inner)+right)
	}
	out = append(out, bottom)
	return strings.Join(out, "\n")
}

// presentBadge is the rating, big: a box with the shape and the word in
// capitals in the level's colour (a quiet box saying "not rated yet"
// before a rating), then what the level means, then the scale's levels
// with the chosen one in reverse and, while rating, › at the one the
// arrows point at. Each line is centred in w.
func (s *itemScreen) presentBadge(st *styles, w int, air presentAir) string {
	c := s.c.checklist()
	r := s.response()
	l, li, rated := c.Level(r.Rating)
	text := plans.Mark(c, r.Rating) + "   NOT RATED YET"
	ls := st.levelStyle(-1, 0)
	if rated {
		text = plans.Mark(c, r.Rating) + "   " + letterSpaced(strings.ToUpper(l.Label))
		ls = st.levelStyle(li, len(c.Scale))
	}
	var lines []string
	if air.bigBadge {
		border := lipgloss.RoundedBorder()
		if rated {
			border = lipgloss.ThickBorder()
		}
		tw := ansi.StringWidth(text)
		box := box([]string{ls.Render(text)}, tw+8, 0, border, lipgloss.NewStyle().Foreground(ls.GetForeground()))
		lines = append(lines, indentLinesBy(box, (w-tw-8)/2))
	} else {
		lines = append(lines, centreIn(ls.Reverse(rated).Render(" "+text+" "), w))
	}
	if air.describe {
		what := "Which level fits? Talk it through, then rate it."
		style := st.Subtle
		if rated {
			what, style = l.Description, st.Text
		}
		what = ansi.Truncate(what, w, "…")
		lines = append(lines, spaces((w-ansi.StringWidth(what))/2)+style.Render(what))
	}
	if air.scale {
		lines = append(lines, centreIn(ansi.Truncate(s.presentScale(st), w, "…"), w))
	}
	return strings.Join(lines, "\n")
}

// presentScale is the scale's levels on one line: "■ Red   ▲ Amber   ● Green".
func (s *itemScreen) presentScale(st *styles) string {
	c := s.c.checklist()
	r := s.response()
	parts := make([]string, len(c.Scale))
	for i, l := range c.Scale {
		ls := st.levelStyle(i, len(c.Scale))
		text := plans.MarkAt(i, len(c.Scale)) + " " + l.Label
		cur := "  "
		if s.focus == focusRating && i == s.cursor {
			cur = st.Focused.Render("› ")
		}
		parts[i] = cur + ls.Reverse(r.Rating == l.Key).Render(text)
	}
	return strings.Join(parts, "   ")
}

// presentHelp is the one line of keys in presenter mode.
func (s *itemScreen) presentHelp() []key.Binding {
	k := s.c.keys
	if s.focus != focusRating {
		return []key.Binding{s.keys.NextField, s.keys.Back, s.keys.NextItem}
	}
	advice := key.NewBinding(key.WithKeys("i"), key.WithHelp("i", fmt.Sprintf("advice (%d)", len(s.entry().Item.Guidance))))
	first := []key.Binding{s.rateHint(), s.keys.Next}
	if s.response().Rated() {
		first = []key.Binding{s.keys.Next, s.keys.WriteAction, s.rateHint()}
	}
	if s.promptsCut || s.promptTop > 0 {
		first = append(first, s.keys.MorePrompts)
	}
	return append(first, s.keys.Prev, k.Board, advice,
		key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "leave presenter mode")))
}

// balancedWrap wraps text in at most w cells a line into as few lines as
// the greedy wrap gives, but with lines of even length: a two-line title
// reads better as two halves than as a long line and one word.
func balancedWrap(text string, w int) []string {
	lines := strings.Split(ansi.Wrap(text, w, ""), "\n")
	if len(lines) < 2 {
		return lines
	}
	for n, try := len(lines), ansi.StringWidth(text)/len(lines); try < w; try++ {
		if l := strings.Split(ansi.Wrap(text, try, ""), "\n"); len(l) == n {
			return l
		}
	}
	return lines
}

// letterSpaced puts a space between the letters of a short ASCII heading
// ("L E A D E R S H I P   &   C U L T U R E"); other text is left as it is
// (a combining accent must stay with its letter).
func letterSpaced(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return s
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// centreIn puts a line in the middle of w cells (padding on the left only:
// the frame pads every line to the width).
func centreIn(line string, w int) string {
	return spaces((w-ansi.StringWidth(line))/2) + line
}

// indentLinesBy puts n spaces before every line of s.
func indentLinesBy(s string, n int) string {
	if n <= 0 || s == "" {
		return s
	}
	pad := spaces(n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}
