package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// The plan question ("What will your project plan look like?") is answered
// with steps, each with its text, owner, due date and status. A new plan
// starts as the actions written so far, ordered by due date; i pulls in
// actions written since. Steps are edited in place, added, moved with K/J
// (or shift+↑/↓) and removed (u puts the last one back). A step keeps its
// id for life, so a diff can follow it through edits and moves.
type projectPlan struct {
	c      *common
	id     string // the question's
	keys   planKeys
	answer *plans.Answer

	cursor  int
	offset  int
	focused bool
	edit    *stepEditor // nil when no step is being edited

	note string
	// wordStart is the text of the key that removed a step or moved its
	// status on just before: d or s may begin a word, and what it did be
	// taken back (followup_stray.go).
	wordStart string

	// leaving is the warning shown when a key could not leave a step whose
	// due date is not a date; the same key again leaves it, the date
	// unsaved, as on the item screen.
	leaving leaveWarning

	// Drawing a row costs more than a keypress may, and a key changes one
	// or two rows: rows are kept, drawn, by what they show; the tally is
	// kept until the next save.
	rows      map[planRow]string
	tallyText string
	tallyFor  tallyKey
}

// planRow is everything a drawn row depends on.
type planRow struct {
	step    plans.Step
	pos     int
	cols    planColumns
	current bool
	dark    bool
	follows bool   // the step is an item's action, following it
	carried bool   // the step came across from the last review
	unread  string // the due date typed that is not a date, unsaved
}

type tallyKey struct {
	plan    *plans.Plan
	version uint64
	steps   int
}

// stepEditor holds the fields of the step being edited.
type stepEditor struct {
	text   *textField
	owner  *textField
	due    *dateField
	status *choiceField
	fields []field // the four, in tab order
	field  int     // into fields: stepText, stepOwner, stepDue or stepStatus
	isNew  bool    // added just now: dropped if left empty
}

const (
	stepText = iota
	stepOwner
	stepDue
	stepStatus
)

// stepLabelWidth is the label column of the step editor ("Status").
const stepLabelWidth = 6

func newStepEditor(s plans.Step, read dueReader, isNew bool) *stepEditor {
	e := &stepEditor{
		text:  newTextField("Step", "what will be done", stepLabelWidth),
		owner: newTextField("Owner", "who will do it", stepLabelWidth),
		due:   newDateField("Due", read, stepLabelWidth),
		isNew: isNew,
	}
	e.text.empty, e.owner.empty, e.due.empty = "not written yet", "nobody yet", "not set"
	statuses := make([]string, len(plans.Statuses))
	for i, st := range plans.Statuses {
		statuses[i] = string(st)
	}
	e.status = newChoiceField("Status", statuses, stepLabelWidth)
	e.fields = []field{e.text, e.owner, e.due, e.status}
	e.text.setValue(s.Text)
	e.owner.setValue(s.Owner)
	e.due.setDate(s.Due)
	e.status.choose(string(s.Status))
	return e
}

type planKeys struct {
	listKeys
	Top, Bottom      key.Binding
	PageUp, PageDown key.Binding
	Edit             key.Binding
	Remove           key.Binding
	Status           key.Binding
	PullIn           key.Binding
	NextField        key.Binding
	PrevField        key.Binding
	Done             key.Binding
	StatusPick       key.Binding
}

func newPlanKeys() planKeys {
	return planKeys{
		listKeys:   newListKeys(),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "first step")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last step")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdown", "page down")),
		Edit:       key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "edit")),
		Remove:     key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "remove")),
		Status:     key.NewBinding(key.WithKeys("s", "space"), key.WithHelp("s/space", "status")),
		PullIn:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "pull in new actions")),
		NextField:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Done:       key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "done")),
		StatusPick: key.NewBinding(key.WithKeys("space", "left", "right"), key.WithHelp("space/←/→", "change status")),
	}
}

func newProjectPlan(c *common, id string) *projectPlan {
	return &projectPlan{c: c, id: id, keys: newPlanKeys()}
}

func (pp *projectPlan) load(_ *plans.Plan, a *plans.Answer) {
	pp.answer = a
	pp.cursor = min(pp.cursor, max(len(a.Steps)-1, 0))
	pp.edit = nil
	pp.note = ""
}

func (pp *projectPlan) steps() []plans.Step { return pp.answer.Steps }

func (pp *projectPlan) focus(bool) tea.Cmd {
	pp.focused = true
	return nil
}

func (pp *projectPlan) blur() { pp.focused = false }

func (pp *projectPlan) textual() bool { return false }
func (pp *projectPlan) typing() bool  { return pp.edit != nil }

func (pp *projectPlan) update(msg tea.Msg) fuResult {
	if pp.edit != nil {
		return pp.editKey(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return fuResult{}
	}
	pp.note = ""
	keys, n := pp.keys, len(pp.steps())
	page := max(pp.c.height/2, 1)
	switch {
	case key.Matches(k, keys.Up):
		if pp.cursor == 0 {
			return fuResult{}
		}
		pp.cursor--
	case key.Matches(k, keys.Down):
		if pp.cursor >= n-1 {
			return fuResult{}
		}
		pp.cursor++
	case key.Matches(k, keys.Top):
		pp.cursor = 0
	case key.Matches(k, keys.Bottom):
		pp.cursor = max(n-1, 0)
	case key.Matches(k, keys.PageUp):
		pp.cursor = max(pp.cursor-page, 0)
	case key.Matches(k, keys.PageDown):
		pp.cursor = max(min(pp.cursor+page, n-1), 0)
	case key.Matches(k, keys.Edit) && n > 0:
		return handled(pp.startEdit(false))
	case key.Matches(k, keys.Add):
		return handled(pp.add())
	case key.Matches(k, keys.Remove) && n > 0:
		pp.wordStart = k.Text // d may begin a word (followup_stray.go)
		return pp.remove()
	case key.Matches(k, keys.Undo):
		return pp.undo()
	case key.Matches(k, keys.MoveUp) && pp.cursor > 0 && n > 0:
		return pp.move(-1)
	case key.Matches(k, keys.MoveDown) && pp.cursor < n-1:
		return pp.move(1)
	case key.Matches(k, keys.Status) && n > 0:
		pp.wordStart = k.Text // s may begin a word; space begins none
		return handled(save(pp.c.session.CycleStepStatus(pp.id, pp.steps()[pp.cursor].ID)))
	case key.Matches(k, keys.PullIn):
		return pp.pullIn()
	default:
		return fuResult{}
	}
	return handled(nil)
}

// move moves the step under the cursor up (by -1) or down (by 1).
func (pp *projectPlan) move(by int) fuResult {
	to, sn := pp.c.session.MoveStep(pp.id, pp.steps()[pp.cursor].ID, by)
	pp.cursor = max(to, 0)
	return handled(save(sn))
}

// add puts a new step after the cursor and starts editing it.
func (pp *projectPlan) add() tea.Cmd {
	at := 0
	if len(pp.steps()) > 0 {
		at = pp.cursor + 1
	}
	if _, err := pp.c.session.NewStep(pp.id, at); err != nil {
		return nil
	}
	pp.cursor = at
	return pp.startEdit(true)
}

// dueBaseChanged reads the due date being typed again after ctrl+t, so
// that the date shown is the date stored.
func (pp *projectPlan) dueBaseChanged() {
	if pp.edit != nil {
		pp.edit.due.parse()
	}
}

func (pp *projectPlan) startEdit(isNew bool) tea.Cmd {
	s := pp.steps()[pp.cursor]
	pp.edit = newStepEditor(s, pp.c.readDue, isNew)
	if bad, ok := pp.c.session.UnreadStepDue(pp.id, s.ID); ok {
		pp.edit.due.setText(bad) // refused before: still there, still not saved
	}
	pp.c.suggestOwners(pp.edit.owner) // as the item's owner and due date do
	pp.edit.due.base = pp.c.dueBaseNote
	pp.note = ""
	return pp.edit.focusField(stepText)
}

// editKey handles keys while a step is edited: tab and shift+tab move
// between its fields, enter or esc store it, and the rest go to the field
// (space or ←/→ change the status).
func (pp *projectPlan) editKey(msg tea.Msg) fuResult {
	e := pp.edit
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, pp.keys.NextField):
			return handled(pp.moveField(1, k.String()))
		case key.Matches(k, pp.keys.PrevField):
			return handled(pp.moveField(-1, k.String()))
		case key.Matches(k, pp.keys.Done):
			saved, ok := pp.commit()
			if !ok && !pp.mayLeave(k.String()) {
				return handled(saved)
			}
			pp.stopEdit() // stored, or the date left unsaved as asked
			return handled(saved)
		}
	}
	pp.leaving.clear() // typing: putting it right, maybe
	return handled(e.fields[e.field].update(msg))
}

// mayLeave reports whether the key pressed may leave a due date that is
// not a date: not at the first try, which says why and how to go on.
func (pp *projectPlan) mayLeave(pressed string) bool {
	if pp.leaving.again(pressed) {
		pp.leaving.clear()
		return true
	}
	pp.leaving.warn(unreadDueWarning, pressed)
	return false
}

// focusField gives field i of the step focus.
func (e *stepEditor) focusField(i int) tea.Cmd {
	for _, f := range e.fields {
		f.blur()
	}
	e.field = i
	return e.fields[i].focus()
}

// moveField goes to the next or previous field of the step; a date that
// cannot be read keeps focus at the first try, with its message.
func (pp *projectPlan) moveField(by int, pressed string) tea.Cmd {
	e := pp.edit
	if e.field == stepDue {
		if _, ok := e.due.parsed(); !ok && !pp.mayLeave(pressed) {
			return nil
		}
	}
	n := len(e.fields)
	return e.focusField(((e.field+by)%n + n) % n)
}

// commit sends the step being edited to the session. A new step left
// empty is dropped. If its date cannot be read, everything else is stored,
// the date field keeps focus with its message, and ok is false.
func (pp *projectPlan) commit() (saved tea.Cmd, ok bool) {
	e := pp.edit
	if e == nil {
		return nil, true
	}
	id := pp.steps()[pp.cursor].ID
	if name := e.owner.knownSpelling(); name != "" {
		e.owner.setValue(name) // the plan's spelling, as the item's owner takes it
	}
	sn, err := pp.c.session.EditStep(pp.id, id, review.StepEdit{
		Text: e.text.value(), Owner: e.owner.value(), Due: e.due.value(), Status: plans.Status(e.status.value()),
	})
	if err != nil {
		e.due.refuse(err)
		e.focusField(stepDue)
		return save(sn), false
	}
	if !slices.ContainsFunc(pp.steps(), func(s plans.Step) bool { return s.ID == id }) {
		pp.cursor = max(min(pp.cursor-1, len(pp.steps())-1), 0) // a new step left empty
	}
	pp.stopEdit()
	return save(sn), true
}

// draft stores the step being edited without ending the editing; a date
// not finished yet is kept by the session, not refused.
func (pp *projectPlan) draft() tea.Cmd {
	e := pp.edit
	if e == nil || (e.isNew && e.text.value() == "" && e.owner.value() == "" && e.due.value() == "") {
		return nil
	}
	sn, _ := pp.c.session.EditStep(pp.id, pp.steps()[pp.cursor].ID, review.StepEdit{
		Text: e.text.value(), Owner: e.owner.value(), Due: e.due.value(), Status: plans.Status(e.status.value()),
	})
	return save(sn)
}

func (pp *projectPlan) stopEdit() {
	pp.leaving.clear()
	if pp.edit != nil {
		for _, f := range pp.edit.fields {
			f.blur()
		}
	}
	pp.edit = nil
}

func (pp *projectPlan) remove() fuResult {
	st, sn := pp.c.session.RemoveStep(pp.id, pp.steps()[pp.cursor].ID)
	pp.cursor = max(min(pp.cursor, len(pp.steps())-1), 0)
	pp.note = fmt.Sprintf("Removed “%s” · u to undo", flat(st.Text))
	return handled(save(sn))
}

func (pp *projectPlan) undo() fuResult {
	st, at, ok, sn := pp.c.session.UndoRemoveStep(pp.id)
	if !ok {
		pp.note = "Nothing to undo"
		return handled(nil)
	}
	pp.cursor = at
	pp.note = "Put back “" + flat(st.Text) + "”"
	return handled(save(sn))
}

// pullIn adds a step for every action written since the plan was made.
func (pp *projectPlan) pullIn() fuResult {
	before := len(pp.steps())
	n, sn := pp.c.session.PullInActions(pp.id)
	if n == 0 {
		pp.note = "No new actions to pull in: every action has a step."
		return handled(nil)
	}
	pp.cursor = before
	pp.note = fmt.Sprintf("Added %d %s from the actions written since.", n, plural(n, "step", "steps"))
	return handled(save(sn))
}

// statusLabel is a status as shape and words.
func statusLabel(s plans.Status) string {
	switch s {
	case plans.StatusDoing:
		return "◐ doing"
	case plans.StatusDone:
		return "● done"
	}
	return "○ to do"
}

// planColumns are the widths of the project plan's columns.
type planColumns struct{ num, text, owner, due, status int }

// stepWidths are the widths, in cells, of the longest step text and the
// longest owner of a plan's steps.
type stepWidths struct{ text, owner int }

// newPlanColumns fits the columns in w cells; the step column takes what
// is left, up to the longest step, so wide screens keep the columns
// together. The owner column is a sixth of the width, up to 16 cells, and
// wider, up to the longest owner, only with room the steps do not need:
// on a projector "Head of People and Culture" shows whole, on a laptop
// the step keeps the room.
func newPlanColumns(w, n int, longest stepWidths) planColumns {
	c := planColumns{num: len(strconv.Itoa(max(n, 1))) + 1, due: 13, status: 7}
	fixed := 2 + c.num + 1 + 2 + 2 + c.due + 2 + c.status // marker, number, gaps, due, status
	textWant := max(longest.text, 30)
	c.owner = min(max(w/6, 6), 16)
	if longest.owner > c.owner {
		c.owner = min(longest.owner, max(c.owner, w-fixed-textWant))
	}
	c.text = max(min(w-fixed-c.owner, textWant), 8)
	return c
}

// width is the cells a row takes.
func (c planColumns) width() int {
	return 2 + c.num + 1 + c.text + 2 + c.owner + 2 + c.due + 2 + c.status
}

// tableWidth is the cells the plan's rows take where the screen leaves
// room for every step and owner whole.
func (pp *projectPlan) tableWidth() int {
	return newPlanColumns(1<<16, len(pp.steps()), pp.longest()).width()
}

func (pp *projectPlan) view(w, h int, _ bool) string {
	st := pp.c.styles
	steps := pp.steps()
	var top []string
	// On more lines where one does not hold it, broken between its parts:
	// its end says which key pulls the actions not in the plan yet in, and
	// a narrow footer has no room for that key.
	for _, l := range fillLines(strings.Split(pp.tally(), " · "), " · ", w) {
		top = append(top, st.Subtle.Render(l))
	}
	if pp.note != "" {
		top = append(top, st.Success.Render(ansi.Truncate(pp.note, w, "…")))
	}
	if len(steps) == 0 {
		top = append(top, "", "No steps yet. Press a to add one, or i to pull in the actions written so far.")
		return wrapIndented(strings.Join(top, "\n"), w, 0, max(h, 1))
	}
	cols := newPlanColumns(w, len(steps), pp.longest())
	top = append(top, st.Subtle.Render(pp.header(cols)))

	var editor []string
	if pp.edit != nil {
		var focus [2]int
		editor, focus = pp.editorView(w, cols)
		// Where the form is taller than the room, the field being typed
		// in and its warning stay; the form's other fields give way,
		// then the tally and the column names.
		if len(editor) > h-len(top) && focus[1]-focus[0] > h-len(top) {
			top = nil
		}
		editor = windowAround(editor, focus, max(h-len(top), 1))
	}
	// The line under the list says the chosen step whole: in a tall
	// enough window always, and in a small one (60x16, where a row cuts
	// a step to a few words) while the steps leave room for it.
	detail := pp.edit == nil && (h >= 8+detailLines || h-len(top)-len(steps) >= detailLines)
	rowsHeight := max(h-len(top)-max(len(editor)-1, 0), 1)
	if detail {
		rowsHeight = max(rowsHeight-detailLines, 1)
	}
	if len(steps) > rowsHeight {
		rowsHeight = max(rowsHeight-1, 1)
	}
	pp.offset = scrollTo(pp.offset, pp.cursor, len(steps), rowsHeight)
	end := min(pp.offset+rowsHeight, len(steps))
	lines := top
	for i := pp.offset; i < end; i++ {
		if i == pp.cursor && editor != nil {
			lines = append(lines, editor...)
			continue
		}
		lines = append(lines, pp.rowView(i, cols))
	}
	if len(steps) > rowsHeight {
		lines = append(lines, st.Subtle.Render(windowNote(pp.offset, end, len(steps))))
	}
	if detail {
		lines = append(lines, pp.detailView(w, cols))
	}
	return strings.Join(lines, "\n")
}

// linkMark starts the text of a step that follows an item's action.
const linkMark = "↳ "

// carriedMark starts the text of a step that came across from the last
// review (review --from): the tally says so in words, and the detail
// line when the step is chosen.
const carriedMark = "↺ "

// detailView tells about the step under the cursor, in detailLines lines
// (kept even when empty, so the list does not jump): whether it follows
// an item's action, and its whole text when the row cuts it.
func (pp *projectPlan) detailView(w int, cols planColumns) string {
	var d string
	if pp.focused && pp.cursor < len(pp.steps()) {
		s := pp.steps()[pp.cursor]
		p := pp.c.plan()
		item, title := "", ""
		if it, _, ok := p.Checklist.Item(s.From); ok {
			item, title = pp.c.itemName(s.From), "“"+it.Title+"”"
		}
		switch {
		case item != "" && p.Follows(s):
			// What it means first: a long title is what a narrow window cuts.
			d = linkMark + "Until you edit it here, it follows " + item + ", " + title + "."
		case item != "":
			d = "Came from the action of " + item + ", " + title + "; edited since, so it is the plan's own."
		}
		if pp.c.session.CarriedStep(s.ID) {
			when := ""
			if date, ok := pp.c.session.PreviousDate(); ok {
				when = " (" + date.Friendly() + ")"
			}
			d = strings.TrimSpace(carriedMark + "Carried on from the last review" + when + ". " + d)
		}
		if ansi.StringWidth(stepWords(s, p.Follows(s), pp.c.session.CarriedStep(s.ID))) > cols.text {
			d = "“" + flat(s.Text) + "” " + d
		}
		if bad, ok := pp.c.session.UnreadStepDue(pp.id, s.ID); ok {
			d = "✗ The due date " + safetext.Quote(review.CleanLine(bad)) + " is not a date, so it is not saved: enter to put it right. " + d
		}
	}
	d = wrapIndented(d, max(1, w-2), 2, detailLines)
	if n := lineCount(d); n < detailLines {
		d += strings.Repeat("\n", detailLines-n)
	}
	return pp.c.styles.Subtle.Render("  " + d)
}

// longest is the widths of the longest step (with the marks its row
// draws) and the longest owner. Past 100
// steps they are not measured: the columns take what the screen allows,
// the owner's its usual share.
func (pp *projectPlan) longest() stepWidths {
	steps := pp.steps()
	if len(steps) > 100 {
		return stepWidths{text: 1 << 20}
	}
	var n stepWidths
	for _, s := range steps {
		words := stepWords(s, pp.c.plan().Follows(s), pp.c.session.CarriedStep(s.ID)) // as the row draws it, marks and all
		n.text = max(n.text, ansi.StringWidth(words))
		n.owner = max(n.owner, ansi.StringWidth(flat(s.Owner)))
	}
	return n
}

// tally sums the plan up: how many steps, done, overdue.
func (pp *projectPlan) tally() string {
	key := tallyKey{pp.c.plan(), pp.c.session.Version(), len(pp.steps())}
	if pp.tallyFor != key {
		pp.tallyText, pp.tallyFor = pp.countSteps(), key
	}
	return pp.tallyText
}

func (pp *projectPlan) countSteps() string {
	steps := pp.steps()
	done, overdue := 0, 0
	for _, s := range steps {
		switch {
		case s.Status == plans.StatusDone:
			done++
		case !s.Due.IsZero() && s.Due.Before(pp.c.today):
			overdue++
		}
	}
	t := fmt.Sprintf("%d %s · %d done", len(steps), plural(len(steps), "step", "steps"), done)
	if overdue > 0 {
		t += fmt.Sprintf(" · ⚠ %d overdue", overdue) // the key to the ⚠ on their dates
	}
	follows := 0
	for _, s := range steps {
		if pp.c.plan().Follows(s) {
			follows++
		}
	}
	if follows > 0 {
		t += fmt.Sprintf(" · %s%d %s an item's action", linkMark, follows, plural(follows, "is", "are"))
	}
	carried := 0
	for _, s := range steps {
		if pp.c.session.CarriedStep(s.ID) {
			carried++
		}
	}
	if carried > 0 {
		t += fmt.Sprintf(" · %s%d from the last review", carriedMark, carried)
	}
	if n := pp.c.session.ActionsNotInPlan(pp.id); n > 0 {
		t += fmt.Sprintf(" · %d %s not in the plan yet: i pulls %s in", n, plural(n, "action", "actions"), plural(n, "it", "them"))
	}
	return t
}

func (pp *projectPlan) header(c planColumns) string {
	return "  " + strings.Repeat(" ", c.num+1) +
		padRight("Step", c.text) + "  " + padRight("Owner", c.owner) + "  " +
		padRight("Due", c.due) + "  " + "Status"
}

// rowView draws step i on one line.
func (pp *projectPlan) rowView(i int, c planColumns) string {
	st := pp.c.styles
	s := pp.steps()[i]
	current := pp.focused && i == pp.cursor
	unread, _ := pp.c.session.UnreadStepDue(pp.id, s.ID)
	key := planRow{s, i, c, current, st.isDark, pp.c.plan().Follows(s), pp.c.session.CarriedStep(s.ID), unread}
	if row, ok := pp.rows[key]; ok {
		return row
	}
	if pp.rows == nil || len(pp.rows) > 4*max(pp.c.height, 10) {
		pp.rows = map[planRow]string{}
	}
	row := pp.drawRow(key)
	pp.rows[key] = row
	return row
}

func (pp *projectPlan) drawRow(r planRow) string {
	st, s, c, current := pp.c.styles, r.step, r.cols, r.current
	marker := "  "
	if current {
		marker = "› "
	}
	num := padLeft(strconv.Itoa(r.pos+1)+".", c.num) + " "
	words := stepWords(s, r.follows, r.carried)
	text := padRight(ansi.Truncate(words, c.text, "…"), c.text)
	owner := padRight(ansi.Truncate(flat(s.Owner), c.owner, "…"), c.owner)
	due := "—"
	overdue := s.Status.Open() && !s.Due.IsZero() && s.Due.Before(pp.c.today)
	if !s.Due.IsZero() {
		due = s.Due.Time().Format("2 Jan 2006")
	}
	switch {
	case r.unread != "":
		// Typed, refused and left unsaved: what was typed, marked as the
		// date field marks it, until it is put right or cleared.
		due = st.Error.Render(padRight(ansi.Truncate("✗ "+flat(r.unread), c.due, "…"), c.due))
	case overdue:
		due = st.Warning.Render(padRight("⚠ "+due, c.due))
	default:
		due = padRight(due, c.due)
	}
	status := statusLabel(s.Status)
	if s.Status == plans.StatusDone {
		status = st.Success.Render(status)
	}
	if current {
		num, text = st.Focused.Render(num), st.Focused.Render(text)
	}
	return marker + num + text + "  " + owner + "  " + due + "  " + status
}

// stepWords is a step's text as its row draws it, marked when it follows
// an item's action or came from the last review.
func stepWords(s plans.Step, follows, carried bool) string {
	words := flat(s.Text)
	if follows {
		words = linkMark + words // an item's action, following it (issue 12.3)
	}
	if carried {
		words = carriedMark + words
	}
	return words
}

// editorView draws the step being edited as a small form, in the row's
// place, and which of its lines ([from, to)) are the field being typed
// in, with the warning about leaving it under it.
func (pp *projectPlan) editorView(w int, c planColumns) (lines []string, focus [2]int) {
	st := &pp.c.styles
	e := pp.edit
	indent := spaces(c.num + 1)
	fw := w - 2 - len(indent)
	num := padLeft(strconv.Itoa(pp.cursor+1)+".", c.num) + " "
	for i, f := range e.fields {
		if i == e.field {
			focus[0] = len(lines)
		}
		for _, l := range strings.Split(f.view(st, fw), "\n") {
			if len(lines) == 0 {
				lines = append(lines, "  "+st.Focused.Render(num)+l)
			} else {
				lines = append(lines, "  "+indent+l)
			}
		}
		if i == e.field {
			if warning := pp.leaving.view(st, w); warning != "" {
				lines = append(lines, strings.Split(warning, "\n")...)
			}
			focus[1] = len(lines)
		}
	}
	return lines, focus
}

// windowAround keeps at most h of lines, with lines [focus[0], focus[1])
// among them (their start, if they are more than h).
func windowAround(lines []string, focus [2]int, h int) []string {
	if len(lines) <= h {
		return lines
	}
	from := min(focus[0], max(focus[1]-h, 0))
	return lines[from : from+h]
}

func (pp *projectPlan) shortHelp() []key.Binding {
	k := pp.keys
	if pp.edit != nil {
		if pp.edit.field == stepStatus {
			return []key.Binding{k.StatusPick, k.NextField, k.Done}
		}
		return []key.Binding{k.NextField, k.Done}
	}
	return []key.Binding{k.Edit, k.Add, k.Remove, k.Move, k.Status, k.PullIn}
}

func (pp *projectPlan) fullHelp() []key.Binding {
	k := pp.keys
	return []key.Binding{k.Edit, k.Add, k.Remove, k.Undo, k.MoveUp, k.MoveDown, k.Status, k.PullIn, k.Top, k.Bottom, k.PageUp, k.PageDown, k.StatusPick}
}
