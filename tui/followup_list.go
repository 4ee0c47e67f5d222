package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// A list question ("What are your quick wins?") is answered by choosing
// from the actions already written (several at once, with space or x),
// from the areas' "If all you do…" suggestions when the checklist has them,
// from the ideas phones sent (with the room on: followup_ideas.go), and by
// typing new ones. The chosen rows are stored in Answer.List in the order
// they are shown; K/J (or shift+↑/↓) move a row.
type quickWins struct {
	c      *common
	id     string // the question's
	keys   quickWinKeys
	answer *plans.Answer

	rows    []quickWin
	cursor  int        // into rows; len(rows) is the "add your own" row
	offset  int        // first row shown
	field   *textField // drawn in the row being typed in
	editing int        // the row being typed in, len(rows) for a new one, -1 when not typing
	drafted bool       // the row being typed in is a new one, stored after a pause
	focused bool
	// textWidth is how wide the rows' text was last drawn, to tell when
	// the row under the cursor is cut; textMax is the widest row's text,
	// -1 when a row changed since it was measured.
	textWidth int
	textMax   int

	removed []removedWin // for undo, most recent last
	note    string       // what the last key did, when it is worth saying

	// word is d and the rows before it, when that key acted just
	// before and may be a word's first letter (followup_stray.go).
	word quickWinsWord

	// ideasSeen is the room's ideas as last merged into the rows
	// (common.ideasGen).
	ideasSeen uint64
	// ideaTookCursor is set when an arriving idea took the cursor from
	// "+ Add your own" (mergeIdeas), until the next key: a d then is the
	// first letter of a quick win begun there, not the idea dropped.
	ideaTookCursor bool
}

// quickWin is one row: a candidate or a chosen quick win.
type quickWin struct {
	text   string
	chosen bool
	source string // "your action", "typed", "suggested" or "from the room"
	detail string // where it comes from, in full
	typed  bool   // typed here: it can be edited and removed
	idea   int    // the room's number for an idea from a phone, else 0
}

type removedWin struct {
	row   quickWin
	index int
}

type quickWinKeys struct {
	listKeys
	Toggle key.Binding
	Edit   key.Binding
	Remove key.Binding
	Save   key.Binding
	Stop   key.Binding // esc, which the screen takes: what is typed is stored, and typing stops
}

func newQuickWinKeys() quickWinKeys {
	return quickWinKeys{
		listKeys: newListKeys(),
		Toggle:   key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space/x", "choose")),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit")),
		Remove:   key.NewBinding(key.WithKeys("d", "delete", "backspace"), key.WithHelp("d", "remove")),
		Save:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add")),
		Stop:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop adding")),
	}
}

// listKeys are the keys the next steps' editable lists share (the quick
// wins, the project plan's steps).
type listKeys struct {
	Up, Down         key.Binding
	Add              key.Binding
	Undo             key.Binding
	Move             key.Binding // for the short help: K/J
	MoveUp, MoveDown key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo remove")),
		Move:     key.NewBinding(key.WithKeys("K", "J"), key.WithHelp("K/J", "move")),
		MoveUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/shift+↑", "move up")),
		MoveDown: key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/shift+↓", "move down")),
	}
}

func newQuickWins(c *common, id string) *quickWins {
	return &quickWins{c: c, id: id, keys: newQuickWinKeys(), editing: -1,
		field: newTextField("Add your own", "type a quick win, then enter", 0)}
}

const (
	sourceAction     = "your action"
	sourceTyped      = "typed"
	sourceSuggestion = "suggested"
)

// load lists the chosen quick wins first, in their stored order, then the
// written actions and the suggestions not chosen (the session's options).
func (q *quickWins) load(p *plans.Plan, a *plans.Answer) {
	q.answer = a
	var offered []quickWin
	known := map[string]quickWin{}
	for _, o := range q.c.session.Options(q.id) {
		if r, ok := offeredWin(o); ok {
			offered = append(offered, r)
			known[r.text] = r
		}
	}
	q.rows = q.rows[:0]
	for _, text := range a.List {
		r, ok := known[text]
		if !ok {
			r = quickWin{text: text, source: sourceTyped, typed: true}
		}
		r.chosen = true
		q.rows = append(q.rows, r)
	}
	for _, r := range offered {
		if !slices.Contains(a.List, r.text) {
			q.rows = append(q.rows, r)
		}
	}
	q.cursor = min(q.cursor, len(q.rows))
	q.textMax = -1
	q.editing = -1
	q.removed = nil
	q.note = ""
	q.ideasSeen = q.c.ideasGen
}

// offeredWin is the row for an option the session offers: a written
// action or a suggestion, with where it comes from in full. An answer
// given before is not offered as such: it is a row because it is chosen.
func offeredWin(o review.Option) (quickWin, bool) {
	switch o.From {
	case review.FromAction:
		return quickWin{text: o.Text, source: sourceAction, detail: "Your action for “" + o.ItemTitle + "” (" + o.Area + ")"}, true
	case review.FromSuggestion:
		detail := "Suggested for " + o.Area + ": if all you do…"
		if o.Credit != "" {
			detail += " (" + o.Credit + ")"
		}
		return quickWin{text: o.Text, source: sourceSuggestion, detail: detail}, true
	case review.FromRoom:
		return ideaWin(o.Idea), true
	}
	return quickWin{}, false
}

// ideaWin is the row for an idea from a phone.
func ideaWin(o review.IdeaOffer) quickWin {
	return quickWin{text: o.Text, source: sourceRoom, detail: ideaDetail(o.Waiting), idea: o.ID}
}

// ideaDetail says where an idea's row comes from, and what to do with it
// while it waits.
func ideaDetail(waiting bool) string {
	if waiting {
		return "Sent from a phone in the room: x accepts it into the quick wins, d drops it"
	}
	return "Sent from a phone in the room, and accepted"
}

// mergeIdeas brings the rows up to date with the ideas phones sent since
// they were drawn: a new idea is a row after the chosen ones (or takes
// over an unchosen row of the same words), and an idea dropped elsewhere
// leaves. The cursor and the row being typed in stay on their rows.
func (q *quickWins) mergeIdeas() {
	if q.ideasSeen == q.c.ideasGen || q.answer == nil {
		return
	}
	q.ideasSeen = q.c.ideasGen
	// On "+ Add your own", below every suggestion, the cursor goes to
	// the first idea that arrives: the facilitator reads it out next, and
	// pressed ↑ a dozen times in front of the room to get to it.
	toIdea := !q.typing() && q.cursor == len(q.rows)
	offers := q.c.session.Ideas(q.id, "")
	known := func(id int) bool {
		return slices.ContainsFunc(offers, func(o review.IdeaOffer) bool { return o.ID == id })
	}
	for i := len(q.rows) - 1; i >= 0; i-- {
		if r := q.rows[i]; r.idea != 0 && !r.chosen && !known(r.idea) {
			q.rows = slices.Delete(q.rows, i, i+1)
			q.shifted(i, -1)
		}
	}
	for _, o := range offers {
		if !o.Waiting || slices.ContainsFunc(q.rows, func(r quickWin) bool { return r.idea == o.ID }) {
			continue
		}
		if i := q.find(o.Text); i >= 0 {
			if !q.rows[i].chosen && !q.rows[i].typed {
				q.rows[i] = ideaWin(o)
			}
			continue
		}
		at := slices.IndexFunc(q.rows, func(r quickWin) bool { return !r.chosen && r.idea == 0 })
		if at < 0 {
			at = len(q.rows)
		}
		q.rows = slices.Insert(q.rows, at, ideaWin(o))
		q.shifted(at, 1)
		if toIdea {
			q.cursor, toIdea, q.ideaTookCursor = at, false, true
		}
	}
	q.textMax = -1
}

// shifted moves the cursor and the row being typed in along with their
// rows, after by rows were put in (1) or taken out (-1) at row i.
func (q *quickWins) shifted(i, by int) {
	if q.cursor > i || (by > 0 && q.cursor == i) {
		q.cursor = max(q.cursor+by, 0)
	}
	if q.editing >= 0 && (q.editing > i || (by > 0 && q.editing == i)) {
		q.editing += by
	}
}

// find returns the row with the text, or -1.
func (q *quickWins) find(text string) int {
	return slices.IndexFunc(q.rows, func(r quickWin) bool { return r.text == text })
}

// store sends the chosen rows, in order, to the session as the answer;
// the command saves it if it changed.
func (q *quickWins) store() tea.Cmd {
	var list []string
	for _, r := range q.rows {
		if r.chosen {
			list = append(list, r.text)
		}
	}
	return save(q.c.session.SetList(q.id, list))
}

func (q *quickWins) focus(bool) tea.Cmd {
	q.focused = true
	return nil
}

func (q *quickWins) blur() {
	q.focused = false
	q.stopTyping()
}

func (q *quickWins) textual() bool { return false }
func (q *quickWins) typing() bool  { return q.editing >= 0 }

func (q *quickWins) startTyping(row int) tea.Cmd {
	q.editing, q.cursor = row, row
	if row < len(q.rows) {
		q.field.setValue(q.rows[row].text)
	} else {
		q.field.setValue("")
	}
	return q.field.focus()
}

func (q *quickWins) stopTyping() {
	q.editing, q.drafted = -1, false
	q.field.blur()
	q.field.setValue("")
}

func (q *quickWins) update(msg tea.Msg) fuResult {
	q.mergeIdeas()
	if q.typing() {
		return q.typingKey(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return fuResult{}
	}
	q.note = ""
	keys := q.keys
	onRow := q.cursor < len(q.rows)
	tookCursor := q.ideaTookCursor
	q.ideaTookCursor = false
	switch {
	case key.Matches(k, keys.Up):
		if q.cursor == 0 {
			return fuResult{}
		}
		q.cursor--
	case key.Matches(k, keys.Down):
		if q.cursor == len(q.rows) {
			return fuResult{}
		}
		q.cursor++
	case key.Matches(k, keys.Toggle) && onRow:
		r := &q.rows[q.cursor]
		r.chosen = !r.chosen
		if r.idea != 0 && !r.chosen {
			// An idea from the room taken back out: through the room, so
			// its phone stops saying "Accepted" (the save is its snapshot).
			return handled(tea.Batch(q.c.withdrawIdea(r.idea), q.store()))
		}
		saved := q.store()
		if r.idea != 0 && r.chosen {
			// The list holds it now: the session keeps it as the room's,
			// and the room hears it is decided.
			q.c.acceptIdea(r.idea)
			r.detail = ideaDetail(false)
			q.note = "Accepted “" + flat(r.text) + "” from the room"
		}
		return handled(saved)
	case key.Matches(k, keys.Add):
		return handled(q.startTyping(len(q.rows)))
	case key.Matches(k, keys.Edit) && (!onRow || q.rows[q.cursor].typed):
		return handled(q.startTyping(q.cursor))
	case key.Matches(k, keys.Remove) && onRow && !tookCursor:
		q.beginWord(k) // d may begin a word (followup_stray.go)
		return q.remove(q.cursor)
	case key.Matches(k, keys.Undo):
		return q.undo()
	case key.Matches(k, keys.MoveUp) && onRow && q.cursor > 0:
		q.rows[q.cursor-1], q.rows[q.cursor] = q.rows[q.cursor], q.rows[q.cursor-1]
		q.cursor--
		return q.stored()
	case key.Matches(k, keys.MoveDown) && onRow && q.cursor < len(q.rows)-1:
		q.rows[q.cursor+1], q.rows[q.cursor] = q.rows[q.cursor], q.rows[q.cursor+1]
		q.cursor++
		return q.stored()
	case typedLetter(q.c, k):
		// Their own quick win typed without a first a: space or x would
		// choose a row, d remove one, a begin the typing part-way.
		return handled(tea.Batch(q.startTyping(len(q.rows)), q.field.update(k)))
	default:
		return fuResult{}
	}
	return handled(nil)
}

// stored sends the rows to the session, and saves them if they changed.
func (q *quickWins) stored() fuResult { return handled(q.store()) }

// typingKey handles keys while typing a new quick win or editing one:
// enter stores it (and, for a new one, starts the next); tab and esc are
// left to the screen, which commits.
func (q *quickWins) typingKey(msg tea.Msg) fuResult {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab", "shift+tab", "esc":
			return fuResult{}
		case "enter":
			// A new one typed (perhaps stored already by a pause, then
			// nothing changes now) starts the next.
			adding := (q.editing == len(q.rows) || q.drafted) && q.field.trimmed() != ""
			saved := q.apply()
			q.stopTyping()
			if adding {
				return handled(tea.Batch(saved, q.startTyping(len(q.rows))))
			}
			return handled(saved)
		}
	}
	return handled(q.field.update(msg))
}

// apply stores what is typed: a new quick win (or, if it is already a row,
// that row chosen), or the edited text of a typed one. The command saves
// the answer; it is nil when the answer did not change.
func (q *quickWins) apply() tea.Cmd {
	q.textMax = -1
	text := q.field.trimmed()
	switch {
	case q.editing == len(q.rows): // a new one
		if text == "" {
			return nil
		}
		if i := q.find(text); i >= 0 {
			q.rows[i].chosen = true
			q.cursor = i
		} else {
			q.rows = append(q.rows, quickWin{text: text, chosen: true, source: sourceTyped, typed: true})
			q.note = "Added “" + flat(text) + "”"
		}
	case text == "":
		return q.remove(q.editing).cmd
	default:
		q.rows[q.editing].text = text
	}
	return q.store()
}

// draft stores what is typed without ending the typing: a new quick win
// becomes a row (chosen) the first time, and the row is edited after.
func (q *quickWins) draft() tea.Cmd {
	text := q.field.trimmed()
	if !q.typing() || text == "" {
		return nil
	}
	q.textMax = -1
	if q.editing == len(q.rows) {
		if i := q.find(text); i >= 0 {
			return nil // typed so far is another row's text: wait for more
		}
		q.rows = append(q.rows, quickWin{text: text, chosen: true, source: sourceTyped, typed: true})
		q.editing, q.cursor, q.drafted = len(q.rows)-1, len(q.rows)-1, true
	} else {
		q.rows[q.editing].text = text
	}
	return q.store()
}

func (q *quickWins) commit() (tea.Cmd, bool) {
	if !q.typing() {
		return nil, true
	}
	saved := q.apply()
	q.stopTyping()
	return saved, true
}

// remove takes a typed row out of the list (it can be undone), drops an
// idea from the room, or unchooses an action or a suggestion, which stays
// offered. An idea accepted into the answer is not dropped: x leaves the
// cursor on it, so d meant for the next idea would drop it, with no undo.
func (q *quickWins) remove(i int) fuResult {
	r := q.rows[i]
	if r.idea != 0 && r.chosen {
		q.note = acceptedNotDropped(r.text)
		return handled(nil)
	}
	if r.idea != 0 {
		q.c.dropIdea(r.idea)
		q.rows = slices.Delete(q.rows, i, i+1)
		q.cursor = min(q.cursor, len(q.rows))
		q.textMax = -1
		q.note = "Dropped “" + flat(r.text) + "”, an idea from the room"
		return q.stored()
	}
	if !r.typed {
		if !r.chosen {
			return handled(nil)
		}
		q.rows[i].chosen = false
		return q.stored()
	}
	q.removed = append(q.removed, removedWin{r, i})
	q.rows = slices.Delete(q.rows, i, i+1)
	q.cursor = min(q.cursor, len(q.rows))
	q.note = fmt.Sprintf("Removed “%s” · u to undo", flat(r.text))
	return q.stored()
}

func (q *quickWins) undo() fuResult {
	if len(q.removed) == 0 {
		q.note = "Nothing to undo"
		return handled(nil)
	}
	r := q.removed[len(q.removed)-1]
	q.removed = q.removed[:len(q.removed)-1]
	i := min(r.index, len(q.rows))
	q.rows = slices.Insert(q.rows, i, r.row)
	q.cursor = i
	q.note = "Put back “" + flat(r.row.text) + "”"
	return q.stored()
}

func (q *quickWins) view(w, h int, _ bool) string {
	q.mergeIdeas()
	st := q.c.styles
	var lines []string
	chosen := 0
	for _, r := range q.rows {
		if r.chosen {
			chosen++
		}
	}
	hint := fmt.Sprintf("%d chosen. Choose with space or x, or type your own.", chosen)
	if len(q.rows) == 0 {
		hint = "No actions written yet: type your own quick wins."
	}
	lines = append(lines, st.Subtle.Render(ansi.Truncate(hint, w, "…")))
	if q.note != "" {
		lines = append(lines, st.Success.Render(ansi.Truncate(q.note, w, "…")))
	}
	n := len(q.rows) + 1 // and the "add your own" row
	srcWidth := min(q.sourceWidth(), w/3)
	q.textWidth = min(q.longest(), w-2-4-2-srcWidth)
	detailHeight := 0
	detail := q.detail()
	if h >= 8 {
		detailHeight = detailLines
		// An idea from the room (up to 280 characters) is said whole,
		// taking rows from the list (three stay, the cursor's among
		// them): the facilitator reads it to the room before accepting
		// it. Other rows keep to two lines, so the list does not jump.
		// (Wrapped only then: on every other row it was thrown away.)
		if q.onIdea() {
			if need := len(wrapText(detail, w-2)); need > detailLines {
				detailHeight = max(detailLines, min(need, h-len(lines)-4))
			}
		}
	}
	rowsHeight := max(h-len(lines)-detailHeight, 1)
	if n > rowsHeight {
		rowsHeight = max(rowsHeight-1, 1) // for the line that says where we are
	}
	q.offset = scrollTo(q.offset, q.cursor, n, rowsHeight)
	end := min(q.offset+rowsHeight, n)
	for i := q.offset; i < end; i++ {
		lines = append(lines, q.rowView(i, w, srcWidth))
	}
	if n > rowsHeight {
		lines = append(lines, st.Subtle.Render(windowNote(q.offset, end, n)))
	}
	if detailHeight > 0 {
		lines = append(lines, q.detailView(detail, w, detailHeight))
	}
	return strings.Join(lines, "\n")
}

// sourceWidth is the width of the widest label of where rows come from.
func (q *quickWins) sourceWidth() int {
	n := ansi.StringWidth(sourceAction)
	for _, r := range q.rows {
		n = max(n, ansi.StringWidth(r.source))
	}
	return n
}

// longest is the width of the longest row's text, measured again only
// when a row's text changes, not on every key.
func (q *quickWins) longest() int {
	if q.textMax < 0 {
		q.textMax = ansi.StringWidth("+ Add your own (a)")
		for _, r := range q.rows {
			q.textMax = max(q.textMax, ansi.StringWidth(flat(r.text)))
		}
	}
	return q.textMax
}

// detailLines is the room kept under the list for the row under the
// cursor: its whole text and where it comes from.
const detailLines = 2

// detail tells where the row under the cursor comes from, with its whole
// text when the row is too narrow for it; "" when the cursor is not on a
// row.
func (q *quickWins) detail() string {
	if !q.focused || q.cursor >= len(q.rows) || q.editing >= 0 {
		return ""
	}
	r := q.rows[q.cursor]
	if ansi.StringWidth(r.text) > q.textWidth {
		return "“" + flat(r.text) + "” · " + r.detail
	}
	return r.detail
}

// onIdea is whether the cursor is on an idea from the room.
func (q *quickWins) onIdea() bool {
	return q.focused && q.cursor < len(q.rows) && q.rows[q.cursor].source == sourceRoom
}

// detailView is the detail in height lines, kept even when empty so the
// list does not jump as the cursor moves.
func (q *quickWins) detailView(d string, w, height int) string {
	d = wrapIndented(d, w-2, 2, height)
	if n := lineCount(d); n < height {
		d += strings.Repeat("\n", height-n)
	}
	return q.c.styles.Subtle.Render("  " + d)
}

// rowView draws row i: a marker if it is the cursor, the box, the text cut
// to fit, and where it comes from.
func (q *quickWins) rowView(i, w, srcWidth int) string {
	st := q.c.styles
	marker := "  "
	current := q.focused && i == q.cursor
	if current {
		marker = "› "
	}
	if i == len(q.rows) {
		if q.editing == i {
			return marker + "+ " + q.field.inputView(&st, w-4-1)
		}
		label := "+ Add your own (a)"
		if current {
			return marker + st.Focused.Render(label)
		}
		return marker + st.Subtle.Render(label)
	}
	r := q.rows[i]
	box := "[ ] "
	if r.chosen {
		box = "[x] "
	}
	textWidth := q.textWidth
	var text string
	if q.editing == i {
		text = q.field.inputView(&st, textWidth-1)
	} else {
		text = padRight(ansi.Truncate(flat(r.text), textWidth, "…"), textWidth)
		if current {
			text = st.Focused.Render(text)
		}
	}
	if current {
		box = st.Focused.Render(box)
	}
	return marker + box + text + "  " + st.Subtle.Render(ansi.Truncate(r.source, srcWidth, "…"))
}

func (q *quickWins) shortHelp() []key.Binding {
	if q.typing() {
		return []key.Binding{q.keys.Save, q.keys.Stop}
	}
	toggle, remove := q.keys.Toggle, q.keys.Remove
	if q.cursor < len(q.rows) && q.rows[q.cursor].idea != 0 {
		// An idea from the room is accepted or dropped, in the room's
		// words (the strip says "x accepts, d drops"): dropping it tells
		// the phone, and cannot be undone.
		keys := newIdeaKeys()
		toggle, remove = keys.Toggle, keys.Drop
		toggle.SetHelp(toggle.Help().Key, "accept")
		remove.SetHelp(remove.Help().Key, "drop")
		if q.rows[q.cursor].chosen {
			toggle.SetHelp(toggle.Help().Key, "take it out")
			return []key.Binding{toggle, q.keys.Add, q.keys.Move} // d drops nothing accepted
		}
	}
	return []key.Binding{toggle, q.keys.Add, remove, q.keys.Move}
}

func (q *quickWins) fullHelp() []key.Binding {
	k := q.keys
	return []key.Binding{k.Toggle, k.Add, k.Edit, k.Remove, k.Undo, k.MoveUp, k.MoveDown}
}

// windowNote says which rows of a long list show: "  rows 3–10 of 40 · ↑↓".
func windowNote(from, to, n int) string {
	return fmt.Sprintf("  rows %d–%d of %d · ↑↓ to scroll", from+1, to, n)
}

// scrollTo returns the first of n rows to show in a window of h rows so
// that the cursor row shows, moving the window as little as it can.
func scrollTo(offset, cursor, n, h int) int {
	h = max(h, 1)
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+h {
		offset = cursor - h + 1
	}
	return max(min(offset, n-h), 0)
}
