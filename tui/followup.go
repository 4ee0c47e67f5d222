package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// followupScreen asks one of the checklist's next-steps questions: the
// question word for word, an answer whose shape depends on the question's
// kind (one file each: followup_counts.go, followup_list.go,
// followup_perarea.go, followup_text.go, followup_plan.go), and the date it
// is due by.
//
// The screen is a column of stops (parts that take focus), the due date
// always last. A text stop is highlighted first and types once entered
// (enter or tab), so q, n and p work until then; esc leaves it. List stops
// (quick wins, project plan) take their keys as soon as they have focus.
// Every answer is sent to the session, which stores and saves it, when it
// is committed: leaving a field, toggling, adding, moving or removing a row.
type followupScreen struct {
	c     *common
	keys  followupKeys
	index int // into the checklist's FollowUps

	stops []fuStop
	focus int // into stops
	due   *fuDueStop

	loaded *plans.Plan // the plan the stops were filled from

	bigTitles bigTitles // the question in block letters, in presenter mode (followup_present.go)

	// leaving is the warning shown when a key could not leave a due date
	// that is not a date; the same key again leaves it unsaved (kept by
	// the session, said as ladder ends), as on the item screen. lastKey
	// is the key being handled; leftUnsaved is set once the person chose
	// to leave, so other keys do not ask again until they type.
	leaving     leaveWarning
	lastKey     string
	leftUnsaved bool
}

// fuStop is one part of a follow-up screen that takes focus.
type fuStop interface {
	// load fills the stop from the plan's answer.
	load(p *plans.Plan, a *plans.Answer)
	// focus gives the stop focus; edit starts typing in a text stop.
	focus(edit bool) tea.Cmd
	blur()
	// textual reports whether the stop is a text field, which is entered
	// with enter or tab and left with esc.
	textual() bool
	typing() bool
	// update takes a key while the stop has focus. A stop leaves the keys
	// that move between stops (tab, esc, enter in a one-line field) to the
	// screen by not handling them.
	update(msg tea.Msg) fuResult
	// commit sends what is typed to the session; the command saves it. ok
	// is false when it cannot be stored (an impossible date): focus must
	// stay.
	commit() (save tea.Cmd, ok bool)
	// view draws the stop w cells wide in at most h lines.
	view(w, h int, focused bool) string
	shortHelp() []key.Binding
	fullHelp() []key.Binding
}

// drafter is a stop whose commit would end the typing (a list row, a
// step) or refuse an unfinished date: draft sends what is typed to the
// session and leaves the stop as it is (see autosave.go).
type drafter interface{ draft() tea.Cmd }

// fuResult is what a stop did with a key: whether it took it, and the
// command to run (which saves what the key changed).
type fuResult struct {
	cmd     tea.Cmd
	handled bool
}

func handled(cmd tea.Cmd) fuResult { return fuResult{cmd: cmd, handled: true} }

type followupKeys struct {
	Next      key.Binding
	Prev      key.Binding
	NextField key.Binding
	PrevField key.Binding
	Up        key.Binding
	Down      key.Binding
	Edit      key.Binding
	Done      key.Binding
	Leave     key.Binding
}

func newFollowupKeys() followupKeys {
	return followupKeys{
		Next:      key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n/→", "next")),
		Prev:      key.NewBinding(key.WithKeys("p", "left"), key.WithHelp("p/←", "previous")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Edit:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "type")),
		Done:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field, typing (from the last: next question)")),
		Leave:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop typing")),
	}
}

func newFollowUpScreen(c *common) *followupScreen {
	return &followupScreen{c: c, keys: newFollowupKeys()}
}

// followUp is the question on screen.
func (s *followupScreen) followUp() checklist.FollowUp {
	return s.c.checklist().FollowUps[s.index]
}

// none reports whether the checklist has no next-steps questions (a
// custom checklist may have none): the screen then only says so and leads
// on to the summary.
func (s *followupScreen) none() bool { return len(s.c.checklist().FollowUps) == 0 }

// place is the question shown (none when the checklist asks none).
func (s *followupScreen) place() (review.Place, bool) {
	return review.Question(s.index), !s.none()
}

// noneUpdate handles keys when there are no questions.
func (s *followupScreen) noneUpdate(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.Next):
			s.c.goToPlace(s.c.session.After(review.Question(0)))
		case key.Matches(k, s.keys.Prev) && len(s.c.checklist().Areas) > 0:
			s.c.goToPlace(s.c.session.Before(review.Question(0)))
		}
	}
	return nil
}

// setPosition shows follow-up i and builds its stops.
func (s *followupScreen) setPosition(i int) {
	if s.none() {
		return
	}
	s.index = min(max(i, 0), len(s.c.checklist().FollowUps)-1)
	s.due = newFUDueStop(s.c, s.followUp())
	s.stops = append(s.kindStops(s.followUp()), s.due)
	s.focus = 0
	s.loaded = nil
	s.leaving.clear()
	s.leftUnsaved = false
}

// kindStops are the stops that answer a question of a kind.
func (s *followupScreen) kindStops(f checklist.FollowUp) []fuStop {
	switch f.Kind {
	case checklist.KindList:
		return []fuStop{newQuickWins(s.c, f.ID)}
	case checklist.KindPerArea:
		return perAreaStops(s.c, f.ID)
	case checklist.KindText:
		return []fuStop{newFreeText(s.c, f.ID)}
	case checklist.KindPlan:
		return []fuStop{newProjectPlan(s.c, f.ID)}
	}
	return nil // counts: the program answers; only the due date is asked
}

// init fills the stops from the plan (setPosition has just built them); a
// new project plan starts as the actions written so far, which is saved at
// once.
func (s *followupScreen) init() tea.Cmd {
	if s.none() {
		return nil
	}
	if s.stops == nil {
		s.setPosition(s.index)
	}
	var cmd tea.Cmd
	if s.followUp().Kind == checklist.KindPlan {
		if n, sn := s.c.session.StartProjectPlan(s.followUp().ID); n > 0 {
			cmd = save(sn)
			s.loaded = nil
		}
	}
	s.sync()
	return tea.Batch(cmd, s.stops[s.focus].focus(false))
}

// load fills every stop from the plan.
func (s *followupScreen) load() {
	p := s.c.plan()
	a := p.Answer(s.followUp().ID)
	for _, st := range s.stops {
		st.load(p, a)
	}
	s.loaded = p
}

// sync refills the stops if the plan was replaced (reloaded from disk).
func (s *followupScreen) sync() {
	if s.loaded != s.c.plan() {
		s.load()
	}
}

func (s *followupScreen) update(msg tea.Msg) tea.Cmd {
	if s.none() {
		return s.noneUpdate(msg)
	}
	if s.stops == nil {
		s.setPosition(s.index)
	}
	s.sync()
	switch msg := msg.(type) {
	case commitMsg:
		cmd, _ := s.stops[s.focus].commit()
		return cmd
	case draftMsg:
		if d, ok := s.stops[s.focus].(drafter); ok {
			return d.draft()
		}
		cmd, _ := s.stops[s.focus].commit()
		return cmd
	case dueBaseChangedMsg:
		s.due.date.parse()
		for _, st := range s.stops {
			if d, ok := st.(interface{ dueBaseChanged() }); ok {
				d.dueBaseChanged() // a project-plan step's due date
			}
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		return s.forward(msg)
	}
	return nil
}

// forward gives a message to the focused stop.
func (s *followupScreen) forward(msg tea.Msg) tea.Cmd {
	return s.stops[s.focus].update(msg).cmd
}

func (s *followupScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	st := s.stops[s.focus]
	s.lastKey = msg.String()
	if r := st.update(msg); r.handled {
		s.leaving.clear() // typing: putting it right, maybe
		s.leftUnsaved = false
		return r.cmd
	}
	k := s.keys
	switch {
	// tab types in the field it goes to, but not when it wraps round to
	// the other end: the person did not choose that field (issue 12.5).
	case key.Matches(msg, k.NextField):
		return s.moveFocus(s.focus+1, s.focus+1 < len(s.stops))
	case key.Matches(msg, k.PrevField):
		return s.moveFocus(s.focus-1, s.focus > 0)
	case key.Matches(msg, k.Leave) && st.typing():
		return s.leaveField()
	case key.Matches(msg, k.Edit) && st.textual() && !st.typing():
		return st.focus(true)
	case key.Matches(msg, k.Done) && st.typing():
		if s.focus == len(s.stops)-1 {
			return s.goTo(s.c.session.After(review.Question(s.index)))
		}
		return s.moveFocus(s.focus+1, true)
	case st.typing():
		return nil
	case st.textual() && st != s.due && typedLetter(s.c, msg):
		// An answer begun without enter: the letter is its first, where
		// each letter of it that is a key acted (o the overview). Not a
		// due date: words typed at the counts, which have no answer to
		// type, are no date.
		return tea.Batch(st.focus(true), s.forward(msg))
	case key.Matches(msg, k.Next):
		return s.goTo(s.c.session.After(review.Question(s.index)))
	case key.Matches(msg, k.Prev):
		return s.goTo(s.c.session.Before(review.Question(s.index)))
	case key.Matches(msg, k.Down):
		return s.moveFocus(min(s.focus+1, len(s.stops)-1), false)
	case key.Matches(msg, k.Up):
		return s.moveFocus(max(s.focus-1, 0), false)
	}
	return nil
}

// commitFocused stores the focused stop's text; ok is false when it must
// keep focus (a rejected date) at the first try, which says why and how
// to go on: the same key again leaves, the date unsaved, rather than
// trapping the person in the field.
func (s *followupScreen) commitFocused() (tea.Cmd, bool) {
	save, ok := s.stops[s.focus].commit()
	switch {
	case ok:
		s.leaving.clear()
		s.leftUnsaved = false
	case s.leftUnsaved || s.leaving.again(s.lastKey):
		s.leaving.clear()
		s.leftUnsaved = true
		return save, true
	default:
		s.leaving.warn(unreadDueWarning, s.lastKey)
	}
	return save, ok
}

// moveFocus commits the focused stop and moves to stop i (wrapping round);
// edit starts typing there if it is a text field.
func (s *followupScreen) moveFocus(i int, edit bool) tea.Cmd {
	save, ok := s.commitFocused()
	if !ok {
		return save
	}
	n := len(s.stops)
	i = (i%n + n) % n
	s.stops[s.focus].blur()
	s.focus = i
	return tea.Batch(save, s.stops[i].focus(edit))
}

// leaveField stops typing, keeping the field highlighted.
func (s *followupScreen) leaveField() tea.Cmd {
	save, ok := s.commitFocused()
	if ok {
		s.stops[s.focus].blur()
		s.stops[s.focus].focus(false)
	}
	return save
}

// goTo commits and shows another place of the review: the next or the
// previous question, the last area's summary before the first, the end
// after the last. The screen changes before the next key is read, so fast
// keys land on it.
func (s *followupScreen) goTo(to review.Place) tea.Cmd {
	save, ok := s.commitFocused()
	if !ok {
		return save
	}
	s.stops[s.focus].blur()
	s.c.goToPlace(to)
	return save
}

func (s *followupScreen) view() string {
	if s.none() {
		return s.c.styles.Heading.Render("Next steps") + "\n\n" +
			s.c.styles.Text.Width(s.c.width).Render("This checklist asks no next-steps questions. Press n for the summary.")
	}
	if s.stops == nil {
		s.setPosition(s.index)
	}
	s.sync()
	if s.c.present {
		return s.presentView()
	}
	st := s.c.styles
	w := s.c.width
	fus := s.c.checklist().FollowUps
	head := st.Heading.Render(ansi.Truncate(fmt.Sprintf("Next steps · question %d of %d", s.index+1, len(fus)), w, "…"))
	question := st.Title.Width(w).Render(s.followUp().Question)
	due := s.due.view(w, 2, s.focus == len(s.stops)-1)
	if warning := s.leaving.view(&st, w); warning != "" {
		due += "\n" + warning
	}
	top := head + "\n" + question + "\n"
	if last := s.lastAnswer(&st, w); last != "" {
		top += last + "\n"
	}
	bodyHeight := s.c.height - lineCount(top) - lineCount(due) - 1
	var body []string
	if s.followUp().Kind == checklist.KindCounts {
		body = append(body, countsAnswer(s.c, w, bodyHeight))
	}
	kind := s.stops[:len(s.stops)-1]
	if len(kind) > 0 {
		body = append(body, s.stopsView(kind, w, bodyHeight))
	}
	b := clipLines(strings.Join(body, "\n"), bodyHeight)
	if lineCount(b) < bodyHeight {
		b += "\n" // room to set the due date apart
	}
	return top + "\n" + b + "\n" + due
}

// lastAnswer is the answer the review this one carried on from gave to
// the question, for a plan that carried on from one: "Last review (Sat
// 14 Mar 2026): Appoint a sponsor; Use story telling · was due Wed 1 Apr
// 2026", in two lines at most (one in a short window), or "". Carrying on
// takes actions and steps across, not answers, and nothing chased an
// answer's due date: this is where the review sees what it said it would
// do. Not in presenter mode, as last year's rating is not: the room
// answers afresh.
//
// A list's entries (or the areas' answers) that do not all fit are shown
// whole, as many as fit, and counted: "… +4 more: ? shows them", help
// listing them one a line (lastAnswerHelp). A single entry too long is
// cut, as a text answer is.
func (s *followupScreen) lastAnswer(st *styles, w int) string {
	prev, ok := s.c.session.PreviousAnswer(s.followUp().ID)
	if !ok {
		return ""
	}
	lines := 2
	if s.c.height < 20 {
		lines = 1
	}
	return st.Subtle.Render("  " + strings.Join(lastAnswerLines(prev, max(1, w-2), lines), "\n  "))
}

// lastAnswerLines is lastAnswer's text in at most lines lines of width
// cells, as many whole entries as fit: the due date gives way first, then
// the review's date (help shows both), never the count of entries hidden.
func lastAnswerLines(prev review.PreviousAnswer, width, lines int) []string {
	lead := "Last review (" + prev.Date.Friendly() + "): "
	due := ""
	if !prev.Due.IsZero() {
		due = " · was due " + prev.Due.Friendly()
	}
	n := len(prev.Parts)
	for k := n; k >= 1; k-- {
		more := ""
		if k < n {
			more = fmt.Sprintf(" … +%d more: ? shows them", n-k)
		}
		for _, try := range []string{lead + "\x00" + more + due, lead + "\x00" + more, "Last review: \x00" + more} {
			text := strings.Replace(try, "\x00", strings.Join(prev.Parts[:k], "; "), 1)
			if wrapped := wrapText(text, width); len(wrapped) <= lines {
				return wrapped
			}
		}
	}
	// Not even the first entry fits: it is cut, keeping the count and
	// how to see the rest before the date (which help shows), the date
	// before the way to see them, while the entry keeps a few words.
	type cut struct{ lead, tail string }
	cuts := []cut{{lead, " · ? shows it whole"}, {"Last review: ", " · ? shows it whole"}, {lead, ""}}
	if n > 1 {
		more := fmt.Sprintf(" +%d more", n-1)
		cuts = []cut{{lead, more + ": ? shows them"}, {"Last review: ", more + ": ? shows them"}, {"Last review: ", more}, {"Last review: ", ""}}
	}
	c := cuts[len(cuts)-1]
	for _, try := range cuts {
		if width-ansi.StringWidth(try.lead+try.tail) > 16 {
			c = try
			break
		}
	}
	lead, tail := c.lead, c.tail
	wrapped := wrapText(lead+strings.Join(prev.Parts, "; "), width)
	if len(wrapped) > lines {
		wrapped = wrapped[:lines]
	}
	last := &wrapped[len(wrapped)-1]
	*last = ansi.Truncate(*last, max(1, width-ansi.StringWidth(tail)-1), "") + "…" + tail
	return wrapped
}

// lastAnswerHelp is last review's answer to the question in full, an
// entry a line, for help to show first: the question's screen shows what
// fits and counts the rest. "" when there is none, or in presenter mode,
// where the screen shows none.
func (s *followupScreen) lastAnswerHelp(st *styles, w int) string {
	if s.c.present || s.c.session == nil || s.none() {
		return ""
	}
	prev, ok := s.c.session.PreviousAnswer(s.followUp().ID)
	if !ok {
		return ""
	}
	lines := []string{st.Heading.Render(wrapIndented("Last review's answer ("+prev.Date.Friendly()+")", max(1, w), 0, 0))}
	for _, part := range prev.Parts {
		lines = append(lines, "  • "+wrapIndented(part, max(1, w-4), 4, 0))
	}
	if !prev.Due.IsZero() {
		lines = append(lines, st.Subtle.Render("  due "+prev.Due.Friendly()))
	}
	return strings.Join(lines, "\n")
}

// stopsView draws the answer's stops, scrolled so the focused one shows.
func (s *followupScreen) stopsView(stops []fuStop, w, h int) string {
	if len(stops) == 1 {
		return stops[0].view(w, h, s.focus == 0)
	}
	blocks := make([]string, len(stops))
	for i, st := range stops {
		blocks[i] = st.view(w, h, s.focus == i)
	}
	return fitBlocks(&s.c.styles, blocks, min(s.focus, len(stops)-1), h)
}

func (s *followupScreen) typing() bool {
	return !s.none() && s.stops != nil && s.stops[s.focus].typing()
}

func (s *followupScreen) shortHelp() []key.Binding {
	if s.none() {
		return []key.Binding{s.keys.Next, s.keys.Prev}
	}
	if s.stops == nil {
		return nil
	}
	// Most important first: the footer drops hints from the end.
	st := s.stops[s.focus]
	bs := st.shortHelp()
	switch {
	case st.typing() && st.textual():
		return append(bs, s.enterHelp(st)...)
	case st.typing():
		return bs
	case st.textual():
		bs = append([]key.Binding{s.keys.Edit}, bs...)
	}
	return append(append([]key.Binding{s.keys.Next}, bs...), s.keys.NextField, s.keys.Prev)
}

// newLineHelp is enter in a free-text answer: a new line, and on an empty
// one the due date.
var newLineHelp = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter ×2", "due date"))

// enterHelp says, while a field is being typed in, where enter and tab
// go: enter from a one-line field moves on typing, as tab does, so the
// footer says so (the next field is one the person chose to go to, issue
// 12.5); from the last field enter goes on to the next question.
func (s *followupScreen) enterHelp(st fuStop) []key.Binding {
	// esc comes before tab: at 80 columns the footer drops from the end,
	// and how to stop typing matters more than a second way on.
	if takesEnter(st) {
		// enter twice goes where tab does, in fewer cells: at 60
		// columns the footer has room for one hint besides help and quit.
		return []key.Binding{newLineHelp, s.keys.Leave}
	}
	if s.focus == len(s.stops)-1 {
		next := s.keys.Done
		next.SetHelp("enter", "next question")
		return []key.Binding{next, s.keys.Leave, s.keys.NextField}
	}
	both := key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter/tab", "next field"))
	return []key.Binding{both, s.keys.Leave}
}

func (s *followupScreen) fullHelp() [][]key.Binding { return groupedKeys(s) }

// helpGroups are the question's keys by what the person is doing: moving
// between questions and fields, the answer's own keys, and typing.
func (s *followupScreen) helpGroups() []helpGroup {
	k := s.keys
	// The footer's "enter type" is enough beside the field; in a list of
	// keys the two enters need telling apart.
	edit, done := k.Edit, k.Done
	edit.SetHelp("enter", "start typing in the field chosen")
	done.SetHelp("enter", "while typing: the next field (from the last, the next question)")
	if slices.ContainsFunc(s.stops, takesEnter) {
		done.SetHelp("enter", "while typing the answer: a new line; on an empty line, the due date (from the due date, the next question)")
	}
	groups := []helpGroup{
		{"Moving between questions", []key.Binding{k.Next, k.Prev}},
		{"Moving between the answer and the due date", []key.Binding{k.NextField, k.PrevField, k.Up, k.Down, edit, done, k.Leave}},
	}
	if s.stops != nil && !s.none() {
		for _, st := range s.stops[:len(s.stops)-1] {
			if bs := st.fullHelp(); len(bs) > 0 {
				groups = append(groups, helpGroup{s.answerHelpTitle(), bs})
				break // per-area stops all share their keys
			}
		}
	}
	return append(groups, typingHelpGroup())
}

// answerHelpTitle heads the answer's own keys in help.
func (s *followupScreen) answerHelpTitle() string {
	switch s.followUp().Kind {
	case checklist.KindList:
		return "Choosing and writing quick wins"
	case checklist.KindPlan:
		return "Working on the project plan"
	}
	return "Answering"
}

// hasDueDates says help should list how due dates may be typed.
func (s *followupScreen) hasDueDates() bool { return true }

// textStop is what the stops that are one text field have in common (the
// due date, a free-text answer, an area's answer): highlighted first, typed
// in once entered; the keys that move between stops (tab, shift+tab, esc,
// and enter unless the field takes several lines) are left to the screen.
type textStop struct {
	c         *common
	id        string // the question's
	field     field
	multiline bool // enter starts a new line
}

func (t *textStop) focus(edit bool) tea.Cmd {
	if edit {
		return t.field.focus()
	}
	return nil
}

func (t *textStop) blur()         { t.field.blur() }
func (t *textStop) textual() bool { return true }
func (t *textStop) typing() bool  { return t.field.focused() }

func (t *textStop) update(msg tea.Msg) fuResult {
	if !t.typing() || (isFieldKey(msg) && !(t.multiline && isKey(msg, "enter") && !t.onBlankLine())) {
		return fuResult{}
	}
	return handled(t.field.update(msg))
}

// onBlankLine reports whether the cursor of a field of several lines is
// on an empty line, where enter goes on to the next field (one name a
// line, then enter twice), as the new-review form's participants do.
func (t *textStop) onBlankLine() bool {
	f, ok := t.field.(*notesField)
	return ok && f.onBlankLine()
}

func (t *textStop) view(w, _ int, focused bool) string {
	t.field.highlight(focused)
	return t.field.view(&t.c.styles, w)
}

func (t *textStop) shortHelp() []key.Binding { return nil }
func (t *textStop) fullHelp() []key.Binding  { return nil }

// takesEnter reports whether enter is the field's own (a new line).
func (t *textStop) takesEnter() bool { return t.multiline }

// takesEnter reports whether st is a field whose enter is its own.
func takesEnter(st fuStop) bool {
	t, ok := st.(interface{ takesEnter() bool })
	return ok && t.takesEnter()
}

// fuDueStop is the due date every follow-up has, stored in Answer.Due.
type fuDueStop struct {
	textStop
	date *dateField
}

func newFUDueStop(c *common, q checklist.FollowUp) *fuDueStop {
	label := dueLabel(q.Kind)
	f := newDateField(label, c.readDue, len(label))
	f.empty = "not set"
	f.base = c.dueBaseNote
	f.noteUnderLabel = true
	// Late as an item's date is, once passed ("⚠ 28 days late"): a date
	// typed in last year, where this year was meant, is seen.
	f.late = func(due plans.Date) string {
		return review.QuestionLateWords(c.session.Plan().Answer(q.ID), due, c.today)
	}
	return &fuDueStop{textStop{c: c, id: q.ID, field: f}, f}
}

// dueLabel names a question's due date. Under a list's rows, the
// selected row's details above it, "Due date not set" read as that row's
// date, and under the project plan's steps as a step's: it says whose it is.
func dueLabel(kind checklist.FollowUpKind) string {
	switch kind {
	case checklist.KindList:
		return "Due date for the whole list"
	case checklist.KindPlan:
		return "Due date for the whole plan"
	}
	return "Due date"
}

// load shows the date, or the text typed that was not one: still on
// screen, still not saved, as the item screen does.
func (d *fuDueStop) load(_ *plans.Plan, a *plans.Answer) {
	if bad, ok := d.c.session.UnreadQuestionDue(d.id); ok {
		d.date.setText(bad)
		return
	}
	d.date.setDate(a.Due)
}

// commit stores the date, shown afterwards as stored (2w becomes the date
// it meant), as the item screen's due date is.
func (d *fuDueStop) commit() (tea.Cmd, bool) {
	date, sn, err := d.c.session.SetQuestionDue(d.id, d.date.value())
	if err != nil {
		d.date.refuse(err)
		return nil, false
	}
	d.date.setDate(date)
	return save(sn), true
}

// draft stores the date once it is one.
func (d *fuDueStop) draft() tea.Cmd {
	_, sn, err := d.c.session.SetQuestionDue(d.id, d.date.value())
	if err != nil {
		return nil
	}
	return save(sn)
}

// isKey reports whether msg is the key named.
func isKey(msg tea.Msg, name string) bool {
	k, ok := msg.(tea.KeyPressMsg)
	return ok && k.String() == name
}

// isFieldKey reports whether a key moves between fields (so a one-line text
// field leaves it to the screen).
func isFieldKey(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	switch k.String() {
	case "tab", "shift+tab", "esc", "enter":
		return true
	}
	return false
}

// lineCount is the number of lines s takes.
func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

// clipLines keeps the first h lines of s.
func clipLines(s string, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.SplitN(s, "\n", h+1)
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// fitBlocks joins blocks of lines, dropping blocks from the start, then the
// end, so that block focus shows within h lines. When blocks are dropped,
// its last line says how many, and that ↑ and ↓ reach them: a per-area
// answer of seven areas at 60x16 hid four with nothing to say so.
func fitBlocks(st *styles, blocks []string, focus, h int) string {
	var from, to int
	height := func() int {
		n := 0
		for _, b := range blocks[from:to] {
			n += lineCount(b)
		}
		return n
	}
	fit := func(h int) {
		from, to = 0, len(blocks)
		for height() > h && from < focus {
			from++
		}
		for height() > h && to > focus+1 {
			to--
		}
	}
	fit(h)
	if from == 0 && to == len(blocks) || h < 2 {
		return clipLines(strings.Join(blocks[from:to], "\n"), h)
	}
	fit(h - 1)
	var hidden []string
	if from > 0 {
		hidden = append(hidden, fmt.Sprintf("↑ %d more above", from))
	}
	if n := len(blocks) - to; n > 0 {
		hidden = append(hidden, fmt.Sprintf("↓ %d more below", n))
	}
	more := st.Subtle.Render("  " + strings.Join(hidden, " · ") + " · ↑↓ to reach them")
	return clipLines(strings.Join(blocks[from:to], "\n"), h-1) + "\n" + more
}
