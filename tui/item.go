package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// itemScreen is one recommendation: where it sits (area, item n of N, a
// strip of the area's ratings so far), its title and prompt questions, the
// levels of the scale to rate it with, and the action, owner, due date,
// status and notes. A rating saves at once and moves on to the action;
// leaving a field sends it to the session, which saves it.
type itemScreen struct {
	c       *common
	keys    itemKeys
	entries []checklist.Entry // the checklist's items, in order
	pos     int               // index into entries

	focus  int // focusRating or one of the field indexes
	cursor int // the scale level the arrows point at

	action *textField
	owner  *textField
	due    *dateField
	status *choiceField
	notes  *notesField
	fields []field // in tab order, focus 1.. is fields[focus-1]

	marks    marksCache
	scale    scaleDrawing
	top      topCache
	ptop     topCache // the top part in presenter mode
	heights  heightCache
	pheights heightCache // the prompts' lines in presenter mode
	edges    map[boxKey]boxEdges
}

// Focus positions: the rating, then the fields in tab order.
const (
	focusRating = iota
	focusAction
	focusOwner
	focusDue
	focusStatus
	focusNotes
)

const itemLabelWidth = 6 // "Action", "Owner", "Due", "Status", "Notes"

type itemKeys struct {
	Rate      []key.Binding // one per scale level, worst first
	Up        key.Binding
	Down      key.Binding
	Choose    key.Binding
	Next      key.Binding // next item, outside text fields
	Prev      key.Binding
	NextField key.Binding
	PrevField key.Binding
	Enter     key.Binding // in one-line fields: next field
	Back      key.Binding // from a field to the rating
	NextItem  key.Binding // next item, from anywhere (also while typing)
	PrevItem  key.Binding
	Status    key.Binding
	Advice    key.Binding // the source's advice for the item, outside text fields
}

func newItemKeys(c *checklist.Checklist) itemKeys {
	k := itemKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose a level")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "next level")),
		Choose:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "rate with the chosen level")),
		Next:      key.NewBinding(key.WithKeys("n", "pgdown", "right"), key.WithHelp("n/→", "next")),
		Prev:      key.NewBinding(key.WithKeys("p", "pgup", "left"), key.WithHelp("p/←", "previous")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the rating")),
		NextItem:  key.NewBinding(key.WithKeys("ctrl+n", "pgdown"), key.WithHelp("ctrl+n/pgdn", "next item")),
		PrevItem:  key.NewBinding(key.WithKeys("ctrl+p", "pgup"), key.WithHelp("ctrl+p/pgup", "previous item")),
		Status:    key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→/space", "change the status")),
		Advice:    key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "advice from the source")),
	}
	k.Rate = rateKeys(c)
	return k
}

// rateKeys gives each level of the scale its digit (1 for the worst) and,
// when no other level shares it, the first letter of its key: r, a, g.
func rateKeys(c *checklist.Checklist) []key.Binding {
	bs := make([]key.Binding, len(c.Scale))
	for i, l := range c.Scale {
		digit := strconv.Itoa(i + 1)
		keys, help := []string{digit}, digit
		if letter, ok := c.Shortcut(i); ok && !reservedKey(letter) {
			keys, help = []string{letter, digit}, letter+"/"+digit
		}
		bs[i] = key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, l.Label))
	}
	return bs
}

// reservedKey is a letter the item screen or the app already uses.
func reservedKey(k string) bool {
	switch k {
	case "n", "p", "o", "q", "j", "k", "b", "i":
		return true
	}
	return false
}

func newItemScreen(c *common) *itemScreen {
	s := &itemScreen{c: c}
	s.action = newTextField("Action", "what will you do?", itemLabelWidth)
	s.owner = newTextField("Owner", "who will do it?", itemLabelWidth)
	s.owner.maxLines = 1
	s.due = newDateField("Due", c.readDue, itemLabelWidth)
	statuses := make([]string, len(plans.Statuses))
	for i, st := range plans.Statuses {
		statuses[i] = string(st)
	}
	s.status = newChoiceField("Status", statuses, itemLabelWidth)
	s.notes = newNotesField("Notes", "anything to remember", itemLabelWidth)
	s.fields = []field{s.action, s.owner, s.due, s.status, s.notes}
	if c.session != nil {
		s.entries = c.checklist().Items()
		s.keys = newItemKeys(c.checklist())
	}
	return s
}

func (s *itemScreen) init() tea.Cmd { return nil }

// setPosition shows the item at checklist position pos, its rating
// focused.
func (s *itemScreen) setPosition(pos int) {
	s.leaveItem()
	s.pos = min(max(pos, 0), len(s.entries)-1)
	s.load()
}

func (s *itemScreen) entry() checklist.Entry { return s.entries[s.pos] }

func (s *itemScreen) response() *plans.Response {
	return s.c.plan().Response(s.entry().Item.ID)
}

// load fills the fields from the plan.
func (s *itemScreen) load() {
	r := s.response()
	s.action.setValue(r.Action)
	s.owner.setValue(r.Owner)
	if bad, ok := s.c.session.UnreadDue(s.entry().Item.ID); ok {
		s.due.setText(bad) // refused before: still on screen, still not saved
	} else {
		s.due.setDate(r.Due)
	}
	s.status.choose(string(r.Status))
	s.notes.setValue(r.Notes)
	_, s.cursor, _ = s.c.checklist().Level(r.Rating)
	s.cursor = max(s.cursor, 0)
	s.c.session.MoveTo(review.Item(s.pos))
	s.c.timer.open(s.pos, s.c.now())
	s.setFocus(focusRating)
}

// leaveItem stores the field being typed before the screen shows another
// item (a due date that is not a date stays with the session, refused).
func (s *itemScreen) leaveItem() tea.Cmd {
	if len(s.entries) == 0 || s.c.session == nil {
		return nil
	}
	return s.commit()
}

func (s *itemScreen) setFocus(f int) tea.Cmd {
	for _, fl := range s.fields {
		fl.blur()
	}
	s.focus = f
	if f == focusRating {
		return nil
	}
	return s.fields[f-1].focus()
}

// commit sends the focused field to the session, which stores it (cleaned)
// if it changed; the command saves it.
func (s *itemScreen) commit() tea.Cmd {
	ss, id := s.c.session, s.entry().Item.ID
	switch s.focus {
	case focusAction:
		return save(ss.SetAction(id, s.action.value()))
	case focusOwner:
		return save(ss.SetOwner(id, s.owner.value()))
	case focusDue:
		d, sn, err := ss.SetDue(id, s.due.value())
		if err != nil {
			s.due.refuse(err)
			return nil
		}
		s.due.setDate(d)
		return save(sn)
	case focusNotes:
		return save(ss.SetNotes(id, s.notes.value()))
	}
	return nil
}

// moveFocus commits the focused field and focuses another.
func (s *itemScreen) moveFocus(f int) tea.Cmd {
	return tea.Batch(s.commit(), s.setFocus(f))
}

// rate gives the item level i of the scale, saves, and moves on to the
// action.
func (s *itemScreen) rate(i int) tea.Cmd {
	s.cursor = i
	sn, _ := s.c.session.Rate(s.entry().Item.ID, s.c.checklist().Scale[i].Key) // a level of the scale: never refused
	return tea.Batch(save(sn), s.setFocus(focusAction))
}

// next goes to the next item, or to the area summary after the last item
// of an area.
func (s *itemScreen) next() tea.Cmd {
	cmd := s.leaveItem()
	to := s.c.session.After(review.Item(s.pos))
	if to.Kind != review.AtItem {
		s.setFocus(focusRating)
		s.c.goToPlace(to)
		return cmd
	}
	s.pos = to.Index
	s.load()
	return cmd
}

func (s *itemScreen) prev() tea.Cmd {
	if s.pos == 0 {
		return s.moveFocus(focusRating)
	}
	cmd := s.leaveItem()
	s.pos = s.c.session.Before(review.Item(s.pos)).Index
	s.load()
	return cmd
}

func (s *itemScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case commitMsg:
		return s.leaveItem()
	case tea.KeyPressMsg:
		if key.Matches(msg, s.keys.Advice) && !s.typing() {
			s.c.goTo(screenGuidance, 0)
			return nil
		}
		if s.focus == focusRating {
			return s.ratingKey(msg)
		}
		return s.fieldKey(msg)
	case tea.PasteMsg:
		if s.focus != focusRating {
			return s.fields[s.focus-1].update(msg)
		}
	}
	return nil
}

func (s *itemScreen) ratingKey(msg tea.KeyPressMsg) tea.Cmd {
	for i, b := range s.keys.Rate {
		if key.Matches(msg, b) {
			return s.rate(i)
		}
	}
	switch {
	case key.Matches(msg, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, s.keys.Down):
		s.cursor = min(s.cursor+1, len(s.keys.Rate)-1)
	case key.Matches(msg, s.keys.Choose):
		return s.rate(s.cursor)
	case key.Matches(msg, s.keys.NextField):
		return s.setFocus(focusAction)
	case key.Matches(msg, s.keys.Next), key.Matches(msg, s.keys.NextItem):
		return s.next()
	case key.Matches(msg, s.keys.Prev), key.Matches(msg, s.keys.PrevItem):
		return s.prev()
	}
	return nil
}

func (s *itemScreen) fieldKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.NextItem):
		return s.next()
	case key.Matches(msg, s.keys.PrevItem):
		return s.prev()
	case key.Matches(msg, s.keys.Back):
		return s.moveFocus(focusRating)
	case key.Matches(msg, s.keys.PrevField):
		return s.moveFocus(s.focus - 1)
	case key.Matches(msg, s.keys.NextField),
		key.Matches(msg, s.keys.Enter) && s.focus != focusNotes:
		if s.focus == focusNotes {
			return s.next()
		}
		return s.moveFocus(s.focus + 1)
	}
	if s.focus == focusStatus {
		before := s.status.value()
		s.status.update(msg)
		if v := s.status.value(); v != before {
			sn, _ := s.c.session.SetStatus(s.entry().Item.ID, plans.Status(v)) // one of plans.Statuses
			return save(sn)
		}
		if key.Matches(msg, s.keys.Next) {
			return s.next()
		}
		if key.Matches(msg, s.keys.Prev) {
			return s.prev()
		}
		return nil
	}
	return s.fields[s.focus-1].update(msg)
}

func (s *itemScreen) typing() bool {
	return s.focus != focusRating && s.fields[s.focus-1].typing()
}

func (s *itemScreen) shortHelp() []key.Binding {
	if s.c.present {
		return s.presentHelp()
	}
	switch {
	case s.focus == focusRating:
		return []key.Binding{s.rateHint(), s.keys.Next, s.keys.Prev, s.c.keys.Overview}
	case s.focus == focusStatus:
		return []key.Binding{s.keys.Status, s.keys.NextField, s.keys.Back, s.keys.NextItem}
	case s.focus == focusNotes:
		return []key.Binding{
			key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next item")),
			s.keys.PrevField, s.keys.Back, s.keys.NextItem,
		}
	default:
		return []key.Binding{s.keys.NextField, s.keys.PrevField, s.keys.Back, s.keys.NextItem}
	}
}

// rateHint sums up the rating keys for the footer: "r/a/g rate".
func (s *itemScreen) rateHint() key.Binding {
	var ks []string
	for _, b := range s.keys.Rate {
		ks = append(ks, b.Keys()[0])
	}
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(strings.Join(ks, "/"), "rate"))
}

func (s *itemScreen) fullHelp() [][]key.Binding {
	rating := append(append([]key.Binding{}, s.keys.Rate...), s.keys.Up, s.keys.Choose, s.keys.NextField, s.keys.Next, s.keys.Prev, s.keys.Advice)
	fields := []key.Binding{s.keys.NextField, s.keys.PrevField, s.keys.Enter, s.keys.Back, s.keys.NextItem, s.keys.PrevItem, s.keys.Status}
	return [][]key.Binding{rating, fields, typingHelp()}
}

// typingHelp lists the editing keys of the text fields (bubbles' own).
func typingHelp() []key.Binding {
	b := func(k, h string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, h)) }
	return []key.Binding{
		b("enter", "a new line, in notes"),
		b("←/→", "move in the text"),
		b("ctrl+a/ctrl+e", "line start / end"),
		b("ctrl+u/ctrl+k", "delete to start / end"),
		b("ctrl+w", "delete a word"),
	}
}

// view draws the screen. The part above the fields (header, strip, title,
// prompts, scale) changes only when the item, its rating or the size does,
// so it is cached; a key typed into a field redraws the fields only.
func (s *itemScreen) view() string {
	if s.c.session == nil || len(s.entries) == 0 {
		return ""
	}
	if s.c.present {
		return s.presentView()
	}
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	s.sizeNotes(h)
	fields := s.fieldsView(st, w)
	if s.focus == focusRating && s.fullHeight(w)+1+countLines(fields) > h {
		// While rating, the questions matter more than empty fields.
		fields = s.compactFields(st, w)
	}
	top := s.topView(st, w, h-countLines(fields)-1)
	return top + "\n\n" + fields
}

// fullHeight is how many lines the top part takes with every prompt shown
// and its blank lines (cached per item and width: wrapping costs).
func (s *itemScreen) fullHeight(w int) int {
	if s.heights.pos == s.pos && s.heights.width == w && s.heights.lines > 0 {
		return s.heights.lines
	}
	e := s.entry()
	n := 2 + 2 + countLines(ansi.Wrap(e.Item.Title, w, "")) + len(s.c.checklist().Scale)
	for _, p := range e.Item.Prompts {
		n += countLines(ansi.Wrap(p, max(1, w-4), ""))
	}
	s.heights = heightCache{pos: s.pos, width: w, lines: n}
	return n
}

type heightCache struct{ pos, width, lines int }

// compactFields sums the fields up on one line, for short windows while
// the rating has focus.
func (s *itemScreen) compactFields(st *styles, w int) string {
	r := s.response()
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, st.Label.Render(label)+" "+v)
		}
	}
	add("Action", firstLineOf(r.Action))
	add("Owner", r.Owner)
	add("Due", r.Due.Friendly())
	if len(parts) == 0 {
		return st.Subtle.Render(ansi.Truncate("  Action, owner, due date, status, notes: tab to fill them in", w, "…"))
	}
	add("Status", string(r.Status))
	if r.Notes != "" {
		parts = append(parts, st.Label.Render("Notes")+" ✎")
	}
	return ansi.Truncate("  "+strings.Join(parts, st.Subtle.Render(" · ")), w, "…")
}

// sizeNotes gives the notes field more lines while it has focus and the
// window has room.
func (s *itemScreen) sizeNotes(h int) {
	switch {
	case s.focus == focusNotes && h >= 30:
		s.notes.setHeight(6)
	case s.focus == focusNotes && h >= 20:
		s.notes.setHeight(3)
	case h >= 30:
		s.notes.setHeight(3)
	default:
		s.notes.setHeight(1)
	}
}

func (s *itemScreen) fieldsView(st *styles, w int) string {
	var b strings.Builder
	for i, f := range s.fields {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f.view(st, w))
	}
	return b.String()
}

// topCache holds the last drawn top part and what it depended on.
type topCache struct {
	key  topKey
	text string
}

type topKey struct {
	pos, width, height int
	rating             string
	cursor             int
	ratingFocus, dark  bool
	plan               *plans.Plan
	rated              int
	clock              string // the time box's countdown
}

func (s *itemScreen) topView(st *styles, w, h int) string {
	k := s.topKey(st, w, h)
	if s.top.key == k && s.top.text != "" {
		return s.top.text
	}
	s.top = topCache{key: k, text: s.drawTop(st, w, h, k.rated, k.clock)}
	return s.top.text
}

// topKey is what the top part of the screen is drawn from.
func (s *itemScreen) topKey(st *styles, w, h int) topKey {
	return topKey{pos: s.pos, width: w, height: h, rating: s.response().Rating, cursor: s.cursor,
		ratingFocus: s.focus == focusRating, dark: st.isDark, plan: s.c.plan(), rated: s.ratedCount(),
		clock: s.c.timer.view(st, s.c.now())}
}

// ratedCount is how many items have a rating.
func (s *itemScreen) ratedCount() int {
	n := 0
	for _, r := range s.c.plan().Items {
		if r.Rated() {
			n++
		}
	}
	return n
}

func (s *itemScreen) drawTop(st *styles, w, h, rated int, clock string) string {
	e := s.entry()
	c := s.c.checklist()
	r := s.response()

	where := e.Area.Title
	if e.Item.Group != "" {
		where += " › " + e.Item.Group
	}
	counter := fmt.Sprintf("item %d of %d", e.Ref.Index+1, len(e.Area.Items))
	progress := st.Subtle.Render(fmt.Sprintf("%d of %d rated", rated, len(s.entries)))
	left := st.Heading.Render(where) + "  " + st.Subtle.Render(counter)
	if clock != "" {
		progress = clock + st.Subtle.Render(" · ") + progress
		if ansi.StringWidth(left)+2+ansi.StringWidth(progress) > w {
			progress = clock // the countdown matters more in a narrow window
		}
	}
	header := joinEnds(left, progress, w)
	strip := s.strip(st, w)
	if hint := s.adviceHint(st); hint != "" {
		strip = joinEnds(strip, hint, w)
	}
	title := st.Title.Render(ansi.Wrap(e.Item.Title, w, ""))
	scale := s.scaleView(st, c, r, w)

	// The prompts take what the rest leaves, and the blank lines around
	// the title go first when the window is short.
	spare := h - 2 - countLines(title) - countLines(scale)
	blanks := 0
	if spare >= 4 {
		blanks = 2
	}
	prompts := s.promptsView(st, e.Item.Prompts, w, spare-blanks)
	parts := []string{header, strip}
	if blanks > 0 {
		parts = append(parts, "")
	}
	parts = append(parts, title)
	if prompts != "" {
		parts = append(parts, prompts)
	}
	if blanks > 0 {
		parts = append(parts, "")
	}
	parts = append(parts, scale)
	return strings.Join(parts, "\n")
}

// promptsView draws the prompt questions in at most lines lines; when they
// do not fit it says how many were left out.
func (s *itemScreen) promptsView(st *styles, prompts []string, w, lines int) string {
	if len(prompts) == 0 || lines <= 0 {
		return ""
	}
	var out []string
	for i, p := range prompts {
		wrapped := strings.Split(ansi.Wrap(p, max(1, w-4), ""), "\n")
		for j := range wrapped {
			if j == 0 {
				wrapped[j] = "  • " + wrapped[j]
			} else {
				wrapped[j] = "    " + wrapped[j]
			}
		}
		left := len(prompts) - i
		room := lines - len(out)
		if len(wrapped) > room || (left > 1 && len(wrapped) == room) {
			more := "more "
			if i == 0 {
				more = ""
			}
			out = append(out, st.Subtle.Render(ansi.Truncate(fmt.Sprintf("  … %d %s%s (a taller window shows %s)", left, more, plural(left, "question", "questions"), plural(left, "it", "them")), w, "…")))
			break
		}
		out = append(out, wrapped...)
	}
	return st.Prompt.Render(strings.Join(out, "\n"))
}

// scaleView draws each level: the key to press, its mark and word, what it
// means; ✓ marks the chosen level, › the one the arrows point at. The
// styled pieces are drawn once per theme (see scaleParts).
func (s *itemScreen) scaleView(st *styles, c *checklist.Checklist, r *plans.Response, w int) string {
	parts := s.scaleParts(st, c)
	lines := make([]string, len(c.Scale))
	for i, l := range c.Scale {
		cur := "  "
		if s.focus == focusRating && i == s.cursor {
			cur = parts.cursor
		}
		chosen, label := "  ", parts.labels[i]
		if r.Rating == l.Key {
			chosen, label = "✓ ", parts.chosen[i]
		}
		line := cur + chosen + parts.hints[i] + " " + label + "  " + l.Description
		if 4+parts.width+2+ansi.StringWidth(l.Description) > w {
			line = ansi.Truncate(line, w, "…")
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// scaleDrawing holds the styled pieces of the scale's lines, each padded
// to the same width (width cells, hint and label together).
type scaleDrawing struct {
	dark                  bool
	cursor                string
	hints, labels, chosen []string
	width                 int
}

func (s *itemScreen) scaleParts(st *styles, c *checklist.Checklist) *scaleDrawing {
	if d := &s.scale; len(d.hints) == len(c.Scale) && d.dark == st.isDark {
		return d
	}
	labelWidth, hintWidth := 0, 0
	for i, l := range c.Scale {
		labelWidth = max(labelWidth, ansi.StringWidth(l.Label))
		hintWidth = max(hintWidth, ansi.StringWidth(s.keys.Rate[i].Help().Key)+2)
	}
	d := scaleDrawing{dark: st.isDark, cursor: st.Focused.Render("› "), width: hintWidth + 1 + 2 + labelWidth}
	for i, l := range c.Scale {
		hint := "[" + s.keys.Rate[i].Help().Key + "]"
		d.hints = append(d.hints, st.Subtle.Render(hint)+strings.Repeat(" ", hintWidth-ansi.StringWidth(hint)))
		ls := st.levelStyle(i, len(c.Scale))
		pad := strings.Repeat(" ", labelWidth-ansi.StringWidth(l.Label))
		mark := plans.MarkAt(i, len(c.Scale)) + " " + l.Label
		d.labels = append(d.labels, ls.Render(mark)+pad)
		d.chosen = append(d.chosen, ls.Reverse(true).Render(mark)+pad)
	}
	s.scale = d
	return &s.scale
}

// marksCache holds the rendered mark of each level (and unrated), so the
// strip of a 1,000-item area costs string joins, not styling.
type marksCache struct {
	dark   bool
	levels int
	marks  []string // index 0 is unrated, then the levels worst first
}

func (s *itemScreen) mark(st *styles, rating string) string {
	c := s.c.checklist()
	if len(s.marks.marks) == 0 || s.marks.dark != st.isDark || s.marks.levels != len(c.Scale) {
		s.marks = marksCache{dark: st.isDark, levels: len(c.Scale), marks: []string{st.ratingMark(c, checklist.Unrated)}}
		for _, l := range c.Scale {
			s.marks.marks = append(s.marks.marks, st.ratingMark(c, l.Key))
		}
	}
	_, i, _ := c.Level(rating)
	return s.marks.marks[i+1]
}

// strip draws the marks of the area's items, the current one in brackets,
// with a bar between groups. A long area shows a window around the current
// item that fits the width.
func (s *itemScreen) strip(st *styles, w int) string {
	e := s.entry()
	items := e.Area.Items
	plan := s.c.plan()
	cell := func(i int) string {
		m := s.mark(st, plan.Items[items[i].ID].Rating)
		if i == e.Ref.Index {
			return st.Focused.Render("[") + m + st.Focused.Render("]")
		}
		return " " + m + " "
	}
	// Each item takes 3 cells; a group boundary takes 2 more.
	perItem := 3
	fit := max(1, (w-4)/perItem-1)
	from, to := 0, len(items)
	if len(items) > fit {
		from = max(0, e.Ref.Index-fit/2)
		to = min(len(items), from+fit)
		from = max(0, to-fit)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString(st.Subtle.Render("…"))
	}
	for i := from; i < to; i++ {
		if i > from && items[i].Group != items[i-1].Group {
			b.WriteString(st.Subtle.Render("│"))
		}
		b.WriteString(cell(i))
	}
	if to < len(items) {
		b.WriteString(st.Subtle.Render("…"))
	}
	return ansi.Truncate(b.String(), w, "…")
}

// joinEnds puts left and right on one line of width w, right-aligned, or
// only left when both do not fit.
func joinEnds(left, right string, w int) string {
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 2 {
		return ansi.Truncate(left, w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

func countLines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
