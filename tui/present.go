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

// presentMeasure is the narrowest presenter column: text much wider than
// this is hard to follow from the back of a room, on a small window.
const presentMeasure = 84

// presentColumn is the width of the presenter column in a window w cells
// wide: presentMeasure, growing with the window (three fifths of it) so
// that a projector's wide window is used, and the text with it.
func presentColumn(w int) int { return min(w, max(presentMeasure, w*3/5)) }

// presentTitleMeasure is where the recommendation wraps in ordinary text.
const presentTitleMeasure = 56

// badgeSize is how big the rating is drawn.
type badgeSize int

const (
	badgeLine badgeSize = iota // one line, in reverse
	badgeBox                   // in a box, three lines
	badgeBig                   // block letters in half blocks, in a box: five lines
	badgeHuge                  // block letters two cells a pixel, in a box: seven lines
)

// presentAir is how much the layout spreads out; the layout takes the
// first of presentAirs at which everything fits the window.
type presentAir struct {
	bigTitle bool // the recommendation in block letters
	boxPad   bool // a blank line inside the title box, above and below
	blanks   bool // a blank line between the parts
	spread   bool // a blank line between the prompt questions
	badge    badgeSize
	// scale is, before a rating, every level with what it means (the room
	// needs the definitions to debate); after it, the levels on one line.
	scale bool
	// oneLine puts the levels on one line before a rating too: the last
	// resort of a small window under a long recommendation (presentTop).
	oneLine bool
	// describe is, before a rating, "Which level fits?"; after it, what
	// the chosen level means.
	describe bool
	// room is how big the room's count and spread are drawn, while the
	// room votes on the item (present_room.go).
	room badgeSize
	// bigLevels draws the levels, "NOT RATED YET" and, after a rating,
	// what the level means in block letters; bigPrompts the questions, in
	// the column of the title or, wide, across the window (present_big.go).
	bigLevels, bigPrompts, widePrompts bool
}

var presentAirs = []presentAir{
	{bigTitle: true, boxPad: true, blanks: true, spread: true, badge: badgeHuge, scale: true, describe: true, bigLevels: true, bigPrompts: true},
	{bigTitle: true, boxPad: true, blanks: true, spread: true, badge: badgeHuge, scale: true, describe: true, bigLevels: true, bigPrompts: true, widePrompts: true},
	{bigTitle: true, blanks: true, spread: true, badge: badgeHuge, scale: true, describe: true, bigLevels: true, bigPrompts: true, widePrompts: true},
	{bigTitle: true, boxPad: true, blanks: true, spread: true, badge: badgeHuge, scale: true, describe: true, bigLevels: true},
	{bigTitle: true, boxPad: true, blanks: true, spread: true, badge: badgeBig, scale: true, describe: true, bigLevels: true},
	{bigTitle: true, blanks: true, badge: badgeBig, scale: true, describe: true, bigLevels: true},
	{bigTitle: true, boxPad: true, blanks: true, spread: true, badge: badgeHuge, scale: true, describe: true},
	{bigTitle: true, boxPad: true, blanks: true, spread: true, badge: badgeBig, scale: true, describe: true},
	{bigTitle: true, blanks: true, badge: badgeBig, scale: true, describe: true},
	{boxPad: true, blanks: true, spread: true, badge: badgeBig, scale: true, describe: true},
	{boxPad: true, blanks: true, badge: badgeBox, scale: true, describe: true},
	{blanks: true, badge: badgeBox, scale: true, describe: true},
	{badge: badgeBox, scale: true, describe: true},
	{badge: badgeBox, scale: true},
	{scale: true}, // the levels always show (issue 10.6): the questions scroll instead
}

// presentView draws the item screen in presenter mode, centred in the
// window.
func (s *itemScreen) presentView() string {
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	m := presentColumn(w)
	indent := (w - m) / 2
	s.notes.setHeight(1)
	if s.focus == focusNotes && h >= 30 {
		s.notes.setHeight(3)
	}
	var fields string
	if s.focus == focusRating && h < 30 {
		fields = spaces(indent) + s.compactFields(st, m, 1)
	} else {
		fields = indentLinesBy(s.fieldsView(st, m), indent)
	}
	room := h - countLines(fields) - 1
	// The session's clock in full, or shortened when the window is too
	// narrow for it: cut at the right, it lost the item's own countdown.
	clock := s.c.clocks(false)
	if ansi.StringWidth(clock) > w {
		clock = s.c.clocks(true)
	}
	return aboveMiddle(s.presentTop(st, w, room, clock)+"\n\n"+fields, h)
}

// aboveMiddle puts body in a window h lines high, a little above the
// middle, where eyes rest: where presenter mode's item screen and
// next-steps questions sit.
func aboveMiddle(body string, h int) string {
	if pad := (h - countLines(body)) * 2 / 5; pad > 0 {
		return strings.Repeat("\n", pad) + body
	}
	return body
}

// presentTitleText is the recommendation as the layout draws it (see
// boxedTitleText).
func (s *itemScreen) presentTitleText(air presentAir, m int) (lines []string, big bool) {
	return s.bigTitles.boxedTitleText(s.entry().Item.Title, air.bigTitle, m)
}

// boxedTitleText is the text of a box m cells wide (presentBoxedTitle):
// in block letters when big and they fit (big is then set), else wrapped
// ordinary text at a readable measure.
func (c *bigTitles) boxedTitleText(title string, big bool, m int) (lines []string, drawnBig bool) {
	if big {
		if rows, ok := c.draw(title, m-6); ok {
			return rows, true
		}
	}
	return balancedWrap(title, min(max(1, m-2-6), max(presentTitleMeasure, m*2/3))), false
}

// bigTitles are titles in block letters (a recommendation, a next-steps
// question) at most a width wide, their lines of even length (as
// balancedWrap), a blank row between them, each line's rows padded to one
// width so that they centre together. Each is worked out once per title
// and width: the layout asks on every frame.
type bigTitles map[bigTitleKey][]string

// draw is title in block letters at most w cells wide; ok is false when
// a character has no glyph or a word is wider than w.
func (c *bigTitles) draw(title string, w int) ([]string, bool) {
	k := bigTitleKey{title, w}
	if got, ok := (*c)[k]; ok {
		return got, got != nil
	}
	if *c == nil || len(*c) > 64 {
		*c = bigTitles{}
	}
	words, ok := bigWrap(title, w)
	if !ok {
		(*c)[k] = nil
		return nil, false
	}
	for try := bigWidth(title) / len(words); try < w && len(words) > 1; try++ {
		if even, ok := bigWrap(title, try); ok && len(even) == len(words) {
			words = even
			break
		}
	}
	var rows []string
	for i, l := range words {
		if i > 0 {
			rows = append(rows, "")
		}
		line, _ := bigLine(l)
		lw := bigWidth(l)
		for _, r := range line {
			rows = append(rows, padRight(r, lw))
		}
	}
	(*c)[k] = rows
	return rows, true
}

type bigTitleKey struct {
	title string
	width int
}

// presentTop draws the heading, the recommendation, the prompt questions
// and the rating, in at most h lines of width w. Each level of air is
// measured without drawing; only the one chosen is drawn.
func (s *itemScreen) presentTop(st *styles, w, h int, clock string) string {
	e := s.entry()
	m := presentColumn(w)
	rated := s.response().Rated()
	airs := s.presentAirs()
	prompts := e.Item.Prompts
	// The workforce data, once shown on an item about it, gets all it
	// needs; in a window too short for it and the rest, the first of its
	// paragraphs that fit with the rest, or a line saying that it does not
	// fit (present_data.go). The rest keeps its layout.
	var air presentAir
	var title []string
	var heading string
	top := h
	mostParas, fewestParas := s.dataParaCounts()
	for n := mostParas; n >= fewestParas; n-- {
		s.dataShownParas, h = n, top
		// When no layout fits, the last is drawn with the levels on one line.
		air, title = airs[len(airs)-1], nil
		air.oneLine = true
		// The heading may take what the plainest layout leaves.
		plainestTitle, _ := s.presentTitleText(air, m)
		heading = s.presentHeading(st, w, clock, h-s.presentHeight(air, len(plainestTitle), 0, rated)+2)
		h -= countLines(heading) - 2 // presentHeight counts two lines of heading
		for _, a := range airs {
			lines, big := s.presentTitleText(a, m)
			if a.bigTitle && !big || a.bigPrompts && s.bigPromptRows(prompts, bigPromptWidth(a, w, m)) == nil {
				continue
			}
			if s.presentHeight(a, len(lines), s.promptHeight(a, m), rated) <= h {
				air, title = a, lines
				break
			}
		}
		if title != nil {
			break
		}
	}
	fits := title != nil
	if title == nil {
		title, _ = s.presentTitleText(air, m)
	}
	data := s.presentData(st, w, m, air, s.presentDataRoom(air, m, len(title), h, rated, fits))
	dataCut := s.presentDataHeight(air, m) - countLines(data)
	if air.blanks && data != "" {
		dataCut--
	}
	parts := []string{heading}
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
	add(presentBoxedTitle(st, title, w, m, pad))
	if air.bigPrompts {
		add(s.presentBigPrompts(st, w, bigPromptWidth(air, w, m)))
	} else {
		room := h - s.presentHeight(air, len(title), 0, rated) + dataCut
		add(indentLinesBy(s.presentPrompts(st, prompts, m, room, air.spread), (w-m)/2))
	}
	add(data)
	add(s.presentRoom(w, air))
	add(s.presentRating(st, w, air))
	return strings.Join(parts, "\n")
}

// promptHeight is how many lines the prompts take in m cells.
func (s *itemScreen) promptHeight(air presentAir, m int) int {
	prompts := s.entry().Item.Prompts
	if air.bigPrompts {
		return len(s.bigPromptRows(prompts, bigPromptWidth(air, s.c.width, m)))
	}
	n := promptLines(prompts, m)
	if air.spread && len(prompts) > 1 {
		n += len(prompts) - 1
	}
	return n
}

// presentPrompts draws the prompts in m cells and at most h lines, a blank
// line between them when spread and there is room.
func (s *itemScreen) presentPrompts(st *styles, prompts []string, m, h int, spread bool) string {
	if !spread || len(prompts) < 2 || s.promptTop > 0 || s.promptHeight(presentAir{spread: true}, m) > h {
		return s.promptsView(st, prompts, m, h)
	}
	parts := make([]string, len(prompts))
	for i, p := range prompts {
		parts[i] = s.promptsView(st, []string{p}, m, h)
	}
	s.promptsCut = false // every one shows
	return strings.Join(parts, "\n\n")
}

// presentHeight is how many lines the top part takes with air, a title of
// titleLines lines and prompts prompts lines.
func (s *itemScreen) presentHeight(air presentAir, titleLines, prompts int, rated bool) int {
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
	n += s.presentDataHeight(air, presentColumn(s.c.width))
	if r := s.presentRoomHeight(air, s.c.width); r > 0 {
		n += r
		if air.blanks {
			n++
		}
	}
	return n + s.ratingHeight(air, rated)
}

// ratingHeight is how many lines the rating part takes (presentRating
// draws it): worked out, not drawn, since the layout asks it of every air
// it tries on every frame.
func (s *itemScreen) ratingHeight(air presentAir, rated bool) int {
	w := s.c.width
	n := 1
	switch {
	case rated && air.badge >= badgeBig && s.ratedBadgeFits(air.badge, w):
		n = 5
		if air.badge == badgeHuge {
			n = 7
		}
	case rated && air.badge >= badgeBox:
		n = 3
	case air.badge >= badgeBig && air.bigLevels && s.bigDrawable(s.unratedBadgeText(), w-8):
		n = 5
	case air.badge >= badgeBox:
		n = 3
	}
	levels := len(s.c.checklist().Scale)
	if air.describe {
		n++
		if rated && air.bigLevels && s.bigDrawable(s.ratedMeaning(), w) {
			n += 2
		}
	}
	switch {
	case !air.scale:
	case rated || air.oneLine:
		n += s.ratingFitAt(w).scaleLines
	case air.bigLevels && s.bigLevelsDrawable(w):
		n += 1 + 4*levels - 1 // a blank line, then three rows a level and a blank row between
	default:
		n += levels
	}
	return n
}

// presentHeading is the area's name as presenter mode's headings are
// drawn (in block letters on a big window, else letter-spaced capitals),
// centred, the countdown, when there is one, at the right (or on a line of
// its own when it does not fit beside the name); then where the item sits
// and the area's tally: "item 2 of 4 · ■ 1  ▲ 1  ● 0  ○ 2".
//
// A long name or group is wrapped whole over more lines, as many as
// maxLines allows: in a short window the group gives way first, then the
// name's last lines.
func (s *itemScreen) presentHeading(st *styles, w int, clock string, maxLines int) string {
	e := s.entry()
	// An area's name that would be cut (a sentence, beside the clocks in
	// a small window) gives way to its short title, as on the area's
	// summary: a name cut mid-word tells the room less than "Vision".
	head, cut := s.presentHeadingOf(st, e.Area.Title, w, clock, maxLines)
	if short := e.Area.ShortTitleIn(w); cut && short != e.Area.Title {
		head, _ = s.presentHeadingOf(st, short, w, clock, maxLines)
	}
	return head
}

// presentHeadingOf is presentHeading with the area called name; cut
// reports whether the name had to be cut to fit.
func (s *itemScreen) presentHeadingOf(st *styles, name string, w int, clock string, maxLines int) (head string, cut bool) {
	e := s.entry()
	right := 0
	if clock != "" {
		right = ansi.StringWidth(clock) + 2
	}
	var rows []string
	areaWidth := 0
	below := ""
	if s.c.bigHeadings() {
		if big, bw := presentHeadingRows(st, name, w, true); len(big) > 1 {
			rows, areaWidth = big, bw
			if bw+2*right > w {
				below, clock, right = "\n"+centreIn(ansi.Truncate(clock, w, "…"), w), "", 0
			}
		}
	}
	if rows == nil {
		// The clocks go on a line of their own when the area's name would
		// not fit beside them.
		if clock != "" && ansi.StringWidth(name)+2*right > w {
			below, clock, right = "\n"+centreIn(ansi.Truncate(clock, w, "…"), w), "", 0
		}
		rows, areaWidth = presentHeadingWrapped(st, name, max(1, w-2*right))
	}
	at := (w - areaWidth) / 2
	if clock != "" && at+areaWidth+right > w {
		at = (w - right - areaWidth) / 2
	}
	for i, r := range rows {
		rows[i] = spaces(at) + r
	}
	if clock != "" {
		rows[0] = joinEnds(rows[0], clock, w)
	}
	where := fmt.Sprintf("item %d of %d", e.Ref.Index+1, len(e.Area.Items))
	tally := areaTally(s.c.plan(), e.Area, func(key string) string { return s.mark(st, key) })
	revisit := ""
	if s.response().Revisit {
		revisit = st.Subtle.Render("   ·   ") + st.Warning.Render(revisitMark+" TO REVISIT")
	}
	line2 := st.Subtle.Render(where+"   ·   ") + tally + revisit
	// A group's name too long to share the line (some are a sentence) goes
	// whole on lines of its own above it, rather than being left out.
	group := ""
	if g := e.Item.Group; g != "" {
		if with := st.Subtle.Render(g+" · ") + line2; ansi.StringWidth(with) <= w {
			line2 = with
		} else if lines := balancedLines(g, w); len(rows)+strings.Count(below, "\n")+len(lines)+1 <= maxLines {
			for _, l := range lines {
				group += "\n" + centreIn(st.Subtle.Render(l), w)
			}
		}
	}
	if ansi.StringWidth(line2) > w {
		line2 = tally
	}
	if keep := max(1, maxLines-strings.Count(below, "\n")-1); len(rows) > keep {
		rows = rows[:keep]
		rows[keep-1] = ansi.Truncate(rows[keep-1], max(1, ansi.StringWidth(rows[keep-1])-1), "") + st.Heading.Render("…")
		cut = true
	}
	return strings.Join(rows, "\n") + below + group + "\n" + centreIn(line2, w), cut
}

// presentHeadingWrapped is a heading as presenter mode draws it in
// ordinary letters: letter-spaced capitals on one line when they fit w
// cells, else capitals wrapped whole over as many lines as it takes,
// each centred in the widest (some checklists' areas are a sentence, and
// a cut sentence loses words the room needs); width is the widest
// line's.
func presentHeadingWrapped(st *styles, name string, w int) (rows []string, width int) {
	up := strings.ToUpper(name)
	if head := letterSpaced(up); ansi.StringWidth(head) <= w {
		return []string{st.Heading.Render(head)}, ansi.StringWidth(head)
	}
	lines := balancedLines(up, w)
	for _, l := range lines {
		width = max(width, ansi.StringWidth(l))
	}
	for _, l := range lines {
		rows = append(rows, st.Heading.Render(centreIn(l, width)))
	}
	return rows, width
}

// balancedLines wraps text in at most w cells a line, breaking only at
// spaces, into as few lines as that takes but of even length (as
// balancedWrap does).
func balancedLines(text string, w int) []string {
	lines := wrapText(text, w)
	for try := ansi.StringWidth(text) / len(lines); len(lines) > 1 && try < w; try++ {
		if l := wrapText(text, try); len(l) == len(lines) {
			return l
		}
	}
	return lines
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

// presentBoxedTitle is what a presenter screen is about (the item's
// recommendation, a next-steps question), its lines in bold, in a heavy
// box m cells wide centred in w: one look for the text the room is asked
// to discuss, wherever it is asked.
func presentBoxedTitle(st *styles, lines []string, w, m, pad int) string {
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

// presentRating is the rating part: before a rating, a quiet box saying
// "not rated yet", "Which level fits?" and every level of the scale with
// what it means (› at the one the arrows point at, while rating); after
// it, the badge (the shape and the word in capitals in the level's
// colour, in block letters when there is room), what the level means, and
// the scale's levels on one line with the chosen one in reverse. Each line
// is centred in w.
func (s *itemScreen) presentRating(st *styles, w int, air presentAir) string {
	c := s.c.checklist()
	r := s.response()
	l, _, rated := c.Level(r.Rating)
	lines := []string{s.presentBadge(st, w, air)}
	if air.describe {
		what, style := "Which level fits? Talk it through, then rate it.", st.Subtle
		if rated {
			what, style = l.Description, st.Text
		}
		if rated && air.bigLevels {
			lines = append(lines, s.presentBigMeaning(st, what, w))
		} else {
			what = ansi.Truncate(what, w, "…")
			lines = append(lines, spaces((w-ansi.StringWidth(what))/2)+style.Render(what))
		}
	}
	switch {
	case air.scale && (rated || air.oneLine):
		lines = append(lines, s.presentScale(st, w)...)
	case air.scale && air.bigLevels:
		if big := s.presentBigLevels(st, w); big != "" {
			lines = append(lines, "", big)
			break
		}
		lines = append(lines, s.presentLevels(st, w))
	case air.scale:
		lines = append(lines, s.presentLevels(st, w))
	}
	return strings.Join(lines, "\n")
}

// presentBadge is the rating as a badge: its shape and its word in
// capitals, in the level's colour (never colour alone); a quiet box or
// line saying "not rated yet" before a rating.
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
	edge := lipgloss.NewStyle().Foreground(ls.GetForeground())
	if rated && air.badge >= badgeBig && s.ratedBadgeFits(air.badge, w) {
		draw := bigLine
		if air.badge == badgeHuge {
			draw = bigDouble
		}
		rows, _ := draw(s.ratedBadgeWord())
		bw := 0
		for _, row := range rows {
			bw = max(bw, ansi.StringWidth(row))
		}
		for i, row := range rows {
			rows[i] = ls.Render(padRight(row, bw))
		}
		return indentLinesBy(box(rows, bw+8, 0, lipgloss.ThickBorder(), edge), (w-bw-8)/2)
	}
	if !rated && air.bigLevels && air.badge >= badgeBig {
		if rows := s.bigWrapped(s.unratedBadgeText(), w-8); len(rows) == 1 {
			bw := bigWidth(s.unratedBadgeText())
			styled := make([]string, len(rows[0]))
			for i, row := range rows[0] {
				styled[i] = ls.Render(padRight(row, bw))
			}
			return indentLinesBy(box(styled, bw+8, 0, lipgloss.RoundedBorder(), edge), (w-bw-8)/2)
		}
	}
	if air.badge == badgeLine {
		return centreIn(ls.Reverse(rated).Render(" "+text+" "), w)
	}
	border := lipgloss.RoundedBorder()
	if rated {
		border = lipgloss.ThickBorder()
	}
	tw := ansi.StringWidth(text)
	return indentLinesBy(box([]string{ls.Render(text)}, tw+8, 0, border, edge), (w-tw-8)/2)
}

// ratedBadgeWord is the rated badge's text in block letters: the shape
// and the level's word in capitals.
func (s *itemScreen) ratedBadgeWord() string {
	c := s.c.checklist()
	r := s.response()
	l, _, _ := c.Level(r.Rating)
	return plans.Mark(c, r.Rating) + " " + strings.ToUpper(l.Label)
}

// ratedBadgeFits reports whether the rated badge is drawn in block letters
// of size b, boxed, in w cells; a long level word ("Leading the way") does
// not fit a smaller window, and the badge is then a box of one line.
func (s *itemScreen) ratedBadgeFits(b badgeSize, w int) bool {
	bw := s.ratingFitAt(w).badgeWidth
	if b == badgeHuge {
		bw *= 2
	}
	return bw >= 0 && bw+8 <= w
}

// ratingFit is what ratingHeight needs to know of the rating part in a
// width: how many lines the line of levels takes and how wide the rated
// badge's word is in block letters. Both are built from strings, and the
// layout asks for them of every air it tries on every frame, so they are
// kept for the checklist, the rating and the width they were worked out
// for.
type ratingFit struct {
	checklist  *checklist.Checklist
	rating     string
	width      int
	scaleLines int // len(scaleRows(width))
	badgeWidth int // bigWidth(ratedBadgeWord()), -1 when it has no glyphs
}

// ratingFitAt is the rating part's measures in w cells.
func (s *itemScreen) ratingFitAt(w int) ratingFit {
	c, rating := s.c.checklist(), s.response().Rating
	if f := s.ratingFit; f.checklist == c && f.rating == rating && f.width == w {
		return f
	}
	s.ratingFit = ratingFit{c, rating, w, len(s.scaleRows(w)), bigWidth(s.ratedBadgeWord())}
	return s.ratingFit
}

// presentLevels is every level of the scale on a line of its own, with
// what it means, lined up as a block centred in w: "› ■ Red     Nothing/Not
// something you currently do". Before a rating the room needs the
// definitions to debate (issue 10.3).
func (s *itemScreen) presentLevels(st *styles, w int) string {
	c := s.c.checklist()
	labelWidth, descWidth := 0, 0
	for _, l := range c.Scale {
		labelWidth = max(labelWidth, ansi.StringWidth(l.Label))
		descWidth = max(descWidth, ansi.StringWidth(l.Description))
	}
	block := min(w, 2+2+labelWidth+3+descWidth)
	indent := (w - block) / 2
	lines := make([]string, len(c.Scale))
	for i, l := range c.Scale {
		cur := "  "
		if s.focus == focusRating && i == s.cursor {
			cur = st.Focused.Render("› ")
		}
		label := st.levelStyle(i, len(c.Scale)).Render(plans.MarkAt(i, len(c.Scale)) + " " + l.Label)
		line := cur + label + spaces(labelWidth-ansi.StringWidth(l.Label)+3) + st.Text.Render(l.Description)
		lines[i] = spaces(indent) + ansi.Truncate(line, w-indent, "…")
	}
	return strings.Join(lines, "\n")
}

// presentScale is the scale's levels on one line, "■ Red   ▲ Amber   ●
// Green", each line centred in w; when they do not fit, closer together,
// then over as many lines as they need (scaleRows), never losing a word.
func (s *itemScreen) presentScale(st *styles, w int) []string {
	c := s.c.checklist()
	r := s.response()
	rows := s.scaleRows(w)
	lines := make([]string, len(rows))
	for n, row := range rows {
		parts := make([]string, len(row.levels))
		for j, i := range row.levels {
			l := c.Scale[i]
			cur := "  "
			if s.focus == focusRating && i == s.cursor {
				cur = st.Focused.Render("› ")
			}
			parts[j] = cur + st.levelStyle(i, len(c.Scale)).Reverse(r.Rating == l.Key).Render(plans.MarkAt(i, len(c.Scale))+" "+l.Label)
		}
		lines[n] = centreIn(ansi.Truncate(strings.Join(parts, row.gap), w, "…"), w)
	}
	return lines
}

// scaleRow is one line of presentScale: which levels, and what is
// between them.
type scaleRow struct {
	levels []int
	gap    string
}

// scaleRows lays the scale's levels out for presentScale in w cells:
// on one line three spaces apart, else one space apart (each level keeps
// the two cells of its "› " marker), else filled line by line.
func (s *itemScreen) scaleRows(w int) []scaleRow {
	c := s.c.checklist()
	widths := make([]int, len(c.Scale))
	all := make([]int, len(c.Scale))
	total := 0
	for i, l := range c.Scale {
		widths[i] = 2 + ansi.StringWidth(plans.MarkAt(i, len(c.Scale))+" "+l.Label)
		all[i] = i
		total += widths[i]
	}
	for _, gap := range []string{"   ", " "} {
		if total+len(gap)*(len(c.Scale)-1) <= w {
			return []scaleRow{{all, gap}}
		}
	}
	var rows []scaleRow
	line := 0
	for i, lw := range widths {
		if n := len(rows); n > 0 && line+1+lw <= w {
			rows[n-1].levels = append(rows[n-1].levels, i)
			line += 1 + lw
			continue
		}
		rows = append(rows, scaleRow{[]int{i}, " "})
		line = lw
	}
	return rows
}

// presentHelp is the one line of keys in presenter mode.
func (s *itemScreen) presentHelp() []key.Binding {
	k := s.c.keys
	if s.focus != focusRating {
		return s.fieldHints()
	}
	advice := key.NewBinding(key.WithKeys("i"), key.WithHelp("i", fmt.Sprintf("advice (%d)", adviceCount(s.entry()))))
	first := []key.Binding{s.rateHint(), s.keys.Next}
	if s.response().Rated() {
		first = []key.Binding{s.keys.Next, s.keys.WriteAction, s.rateHint()}
	}
	if data, ok := s.presentDataHelp(); ok {
		first = append(first, data)
	}
	if s.promptsCut || s.promptTop > 0 {
		first = append(first, s.keys.MorePrompts)
	}
	return append(first, s.keys.Prev, k.Board, advice,
		key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "leave presenter mode")), s.revisitHint())
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
