package tui

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
	"github.com/socialmobility/ladder/plans"
)

// The form fields every screen shares, in the manner of huh's: each kind
// of field is a small model with focus, blur, update and view. A field
// only holds what is typed; the screen that owns it decides when to read
// it back into the plan (on leaving the field) and saves through the
// session.
//
// A field draws its label after a two-cell marker ("› " when it has focus
// or is highlighted, so focus never rests on colour alone): in a column of
// labelWidth cells, so that a column of fields lines up, or, with
// labelWidth 0, on a line of its own above the value.
//
// Text is kept exactly. A field shows text it cannot show as it is (a tab,
// a line break in a one-line field) on one line, and gives back the text
// as it was set, not as it was shown, until someone edits it.

// field is what every kind of field does.
type field interface {
	focus() tea.Cmd
	blur()
	focused() bool
	update(msg tea.Msg) tea.Cmd
	// view draws the field in width cells.
	view(st *styles, width int) string
	// typing reports whether keys type into the field (then q types a q).
	typing() bool
	// highlight draws the field as the one chosen on its screen, or not.
	highlight(on bool)
}

// focusMarker is drawn before the focused field's label.
const focusMarker = "› "

// labelled is what every kind of field has: a label, where it sits, and
// whether the field is highlighted.
type labelled struct {
	label      string
	labelWidth int // 0: the label sits on a line of its own, above the value
	// lit highlights the field while keys do not type in it: the
	// next-steps screens highlight a field first, and type in it once it
	// is entered.
	lit bool
}

// highlight marks the field as the one chosen on its screen (drawn as if
// it had focus) or not.
func (l *labelled) highlight(on bool) { l.lit = on }

// indent is the column where the value starts.
func (l *labelled) indent() int {
	if l.labelWidth == 0 {
		return 2
	}
	return 2 + l.labelWidth + 1
}

// head draws the marker and the label, and what leads to the value: the
// rest of the label column, or a new line and the indent.
func (l *labelled) head(st *styles, width int, on bool) string {
	return fieldLabel(st, l.label, l.labelWidth, width, on)
}

// fieldLabel draws a field's marker and label (see labelled.head).
func fieldLabel(st *styles, label string, labelWidth, width int, on bool) string {
	if labelWidth == 0 {
		// A label on a line of its own is wrapped whole: some are a
		// sentence (a Building Blocks area heading a per-area answer).
		label = wrapIndented(label, max(1, width-2), 2, 0)
	}
	s := "  " + st.Label.Render(label)
	if on {
		s = st.Focused.Render(focusMarker + label)
	}
	if labelWidth == 0 {
		return s + "\n  "
	}
	return s + spaces(max(0, labelWidth-ansi.StringWidth(label))+1)
}

// inputStyles are the bubbles text styles for our fields: no colours of
// their own (the 16-colour theme comes from the labels), a cursor that
// does not blink (a calm screen, and a frame only when something changes).
func inputStyles(placeholder lipgloss.Style) textinput.Styles {
	s := textinput.DefaultStyles(true)
	plain := lipgloss.NewStyle()
	s.Focused = textinput.StyleState{Text: plain, Placeholder: placeholder, Suggestion: placeholder, Prompt: plain}
	s.Blurred = s.Focused
	s.Cursor = textinput.CursorStyle{Shape: tea.CursorBlock}
	return s
}

// textField is a labelled one-line text field. When it does not have
// focus it shows its whole value, wrapped (up to maxLines lines), rather
// than a scrolled window of it.
type textField struct {
	labelled
	maxLines int
	// empty is shown, faint, when the field is empty and does not have
	// focus ("not set"); without it the placeholder is.
	empty string
	input textinput.Model
	typed string // the input's text, kept in step so drawing need not ask
	// set is the text as the screen set it, and shown what the input
	// made of it (a tab becomes a space): while the input still holds
	// shown, the field's value is set, exactly.
	set, shown string
	// projector is whether the input is styled for presenter mode.
	projector bool
	// names are the names the field offers, as written (offerNames);
	// offered maps the input's completions of what is typed to them.
	names   []string
	offered map[string]string
}

// offerNames makes the field offer names to what is typed (see
// completions): → takes the one shown, ↓ shows the next.
func (f *textField) offerNames(names []string) {
	f.names = names
	f.input.ShowSuggestions = true
	f.complete()
}

// knownSpelling is the name the field offers that the text typed is,
// written another way (sameName), or "": a value not edited is the plan's
// own and is left as it is.
func (f *textField) knownSpelling() string {
	if !f.edited() {
		return ""
	}
	return sameName(f.names, f.trimmed())
}

// shownName is the name whose rest the field shows, faint, after the
// letters typed ("pri" showing "priya"), which → takes; "" when it shows
// none. Tab leaves the letters typed, so the footer names it.
func (f *textField) shownName() string {
	if !f.focused() || !f.input.ShowSuggestions {
		return ""
	}
	c := f.input.CurrentSuggestion()
	if c == "" || c == f.input.Value() {
		return ""
	}
	return f.offered[c]
}

// complete gives the input the names as completions of what it holds.
func (f *textField) complete() {
	if !f.input.ShowSuggestions {
		return
	}
	var offered []string
	offered, f.offered = completions(f.names, f.input.Value())
	f.input.SetSuggestions(offered)
}

func newTextField(label, placeholder string, labelWidth int) *textField {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetStyles(inputStyles(lipgloss.NewStyle().Faint(true)))
	return &textField{labelled: labelled{label: label, labelWidth: labelWidth}, maxLines: 3, input: in}
}

func (f *textField) focus() tea.Cmd { return f.input.Focus() }
func (f *textField) blur()          { f.input.Blur() }
func (f *textField) focused() bool  { return f.input.Focused() }
func (f *textField) typing() bool   { return true }

// setValue puts text in the field, with the cursor at its end.
func (f *textField) setValue(s string) {
	f.input.SetValue(s)
	f.input.CursorEnd()
	f.typed = f.input.Value()
	f.set, f.shown = s, f.typed
	f.complete()
}

// edited reports whether the text was changed since it was set.
func (f *textField) edited() bool { return f.typed != f.shown }

// value is the text: exactly as it was set until it is edited, then as
// typed.
func (f *textField) value() string {
	if f.edited() {
		return f.typed
	}
	return f.set
}

// trimmed is what gets stored: the text as it was set if it was not
// edited, else what was typed without surrounding spaces.
func (f *textField) trimmed() string {
	if f.edited() {
		return strings.TrimSpace(f.typed)
	}
	return f.set
}

func (f *textField) update(msg tea.Msg) tea.Cmd {
	if !f.focused() {
		return nil // the input takes no keys without focus
	}
	suggested := ""
	if k, ok := msg.(tea.KeyPressMsg); ok && f.input.ShowSuggestions {
		if f.pickSuggestion(k) {
			return nil
		}
		if key.Matches(k, f.input.KeyMap.AcceptSuggestion) {
			suggested = f.input.CurrentSuggestion()
		}
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	// The input completes a name after the letters typed, keeping them
	// ("be" → "ben Okafor", "sian" → "sian Llŷr"); a name taken is the
	// name as written.
	if name := f.offered[suggested]; suggested != "" && f.input.Value() == suggested && name != "" {
		f.input.SetValue(name)
		f.input.CursorEnd()
	}
	// The names are offered again only when the text changed: not at each
	// blink of the cursor.
	if v := f.input.Value(); v != f.typed {
		f.typed = v
		f.complete()
	}
	return cmd
}

// pickSuggestion offers the names a field suggests before a letter is
// typed, as its placeholder lists them: the input alone completes only
// letters typed. On an empty field → takes the first name and ↓ shows it;
// on a field holding one of the names whole, ↓ moves on to the next (and
// from the last back to the first). It reports whether it took the key.
func (f *textField) pickSuggestion(k tea.KeyPressMsg) bool {
	names := f.names
	if len(names) == 0 {
		return false
	}
	v := f.input.Value()
	next := key.Matches(k, f.input.KeyMap.NextSuggestion)
	var pick string
	switch {
	case v == "" && (next || key.Matches(k, f.input.KeyMap.AcceptSuggestion)):
		pick = names[0]
	case next && slices.Contains(names, v):
		pick = names[(slices.Index(names, v)+1)%len(names)]
	default:
		return false
	}
	f.input.SetValue(pick)
	f.input.CursorEnd()
	f.typed = f.input.Value()
	f.complete()
	return true
}

// inputWidth is how many cells the text may take in a row of width cells
// (one more is kept for the cursor).
func (f *textField) inputWidth(width int) int {
	return max(4, width-f.indent()-1)
}

func (f *textField) view(st *styles, width int) string {
	if f.focused() {
		return f.head(st, width, true) + f.inputView(st, f.inputWidth(width))
	}
	return f.head(st, width, f.lit) + f.text(st, width)
}

// inputView is the text input alone, w cells wide and one more for the
// cursor: the field while typing, or typed into in a row a screen draws
// itself (a list's "add your own" row).
func (f *textField) inputView(st *styles, w int) string {
	w = max(1, w)
	if f.projector != st.projector { // presenter mode turned on or off
		f.input.SetStyles(inputStyles(st.Placeholder))
		f.projector = st.projector
	}
	if f.input.Width() != w {
		// SetWidth keeps the window of text shown as it was: moving the
		// cursor to both ends and back works it out again, with the
		// cursor in it.
		pos := f.input.Position()
		f.input.SetWidth(w)
		f.input.CursorEnd()
		f.input.CursorStart()
		f.input.SetCursor(pos)
	}
	return f.input.View()
}

// text draws the value without focus: on one line however it was typed,
// wrapped under the value column, or what an empty field says.
func (f *textField) text(st *styles, width int) string {
	w := max(1, width-f.indent())
	v := f.value()
	if v == "" {
		return st.Subtle.Render(ansi.Truncate(f.emptyText(), w, "…"))
	}
	return wrapIndented(flat(v), w, f.indent(), f.maxLines)
}

func (f *textField) emptyText() string {
	if f.empty != "" {
		return f.empty
	}
	return f.input.Placeholder
}

// dateField is a text field for a due date. It reads what people type
// (2027-03-31, 31/03/2027, 31 Mar 2027, 2w, 3m...) the way the session
// will (review.Session.ParseDue) and says beside the text what it
// understood: "→ Wed 31 Mar 2027".
//
// While the text is being typed and is not a date yet, it shows how dates
// may be typed, not an error: half a date is not a mistake. A date that
// cannot be (31/02/2027) is said at once. Text that is not a date is
// refused when it is to be stored (parsed): it stays in the field, with
// why, until it is put right. The text is never changed behind the
// typist's back.
type dateField struct {
	*textField
	read dueReader
	date plans.Date // what the text means, when it is a date
	err  error      // why the text is not a date
	// refused is why the text was refused when it was to be stored; it
	// is shown until the text is a date.
	refused error
	// base, when set, says what a span such as "6w" counts from and how
	// to count from the other date offered (see common.dueBaseNote).
	base func(text string) string
	// late, when set, says how late the action is at a date already
	// past ("60 days late"), or "" when it is not late (done, or not due).
	late func(due plans.Date) string
	// noteUnderLabel puts the note under the label, not the value, where
	// the value's column would wrap it and the label's would not: a long
	// label ("Due date for the whole list") leaves the value's column
	// half the row at 60x16. (On the item screen the note stays under
	// the value, clear of the labels' column.)
	noteUnderLabel bool
	// replace is set while the field holds a date and has had no key
	// since it took focus: text typed then begins a new date, as a date
	// typed after one ("2027-05-12" then "2w") is never a date.
	replace bool
}

// dueHint says how a date may be typed (help lists every form).
const dueHint = plans.DueHint

// dateInputWidth is the most cells typing a date takes: the longest forms
// help lists, "end of next month" and "30 September 2027", and the cursor.
const dateInputWidth = 18

// dueReader reads a due date as typed: the session's ParseDue.
type dueReader func(text string) (plans.Date, error)

func newDateField(label string, read dueReader, labelWidth int) *dateField {
	f := &dateField{textField: newTextField(label, "", labelWidth), read: read}
	f.empty = dueHint
	return f
}

// setDate shows a stored date (zero: empty).
func (f *dateField) setDate(d plans.Date) {
	f.setValue(d.String())
	f.parse()
	f.refused = nil
}

// setText puts back text that was typed (as after a screen change); if it
// is not a date it is shown refused, as it was.
func (f *dateField) setText(s string) {
	f.setValue(s)
	f.parse()
	f.refused = f.err
}

// parsed returns the date the text means, and false if it is not a date:
// then the field shows why until the text is put right.
func (f *dateField) parsed() (plans.Date, bool) {
	if f.err != nil {
		f.refused = f.err
	}
	return f.date, f.err == nil
}

// refuse shows why the session refused the text, until it is put right.
func (f *dateField) refuse(err error) { f.refused = err }

func (f *dateField) parse() {
	f.date, f.err = f.read(f.value())
}

// focus puts the cursor in the field; text typed first replaces a date
// that is there.
func (f *dateField) focus() tea.Cmd {
	f.replace = f.err == nil && !f.date.IsZero()
	return f.textField.focus()
}

func (f *dateField) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if f.replace && msg.Text != "" && f.focused() {
			f.input.SetValue("")
		}
		f.replace = false
	case tea.PasteMsg:
		if f.replace && f.focused() {
			f.input.SetValue("")
		}
		f.replace = false
	}
	before := f.typed
	cmd := f.textField.update(msg)
	if f.typed != before {
		f.parse()
		if f.err == nil {
			f.refused = nil
		}
	}
	return cmd
}

func (f *dateField) view(st *styles, width int) string {
	return f.draw(st, width)
}

// draw puts the note beside the text, or under it when the row is too
// narrow for both.
func (f *dateField) draw(st *styles, width int) string {
	note := f.note(st)
	line := f.head(st, width, f.focused() || f.lit)
	if f.focused() {
		line += f.inputView(st, min(f.inputWidth(width), dateInputWidth))
	} else {
		line += f.text(st, width)
	}
	if note == "" {
		return line
	}
	if lipgloss.Width(line)+2+lipgloss.Width(note) <= width {
		return line + "  " + note
	}
	indent := f.indent()
	if under := 2; f.noteUnderLabel && countLines(wrapIndented(note, max(1, width-under), under, 0)) < countLines(wrapIndented(note, max(1, width-indent), indent, 0)) {
		indent = under
	}
	return line + "\n" + spaces(indent) + wrapIndented(note, max(1, width-indent), indent, 3)
}

// note is what the field understood: "→ Wed 31 Mar 2027", how to type a
// date, or why the text is not one.
func (f *dateField) note(st *styles) string {
	return f.drawNote(st)
}

func (f *dateField) drawNote(st *styles) string {
	switch {
	case f.err != nil && !notADateYet(f.err): // a date that cannot be: said at once
		return st.Error.Render("✗ " + f.err.Error())
	case f.refused != nil:
		return st.Error.Render("✗ " + f.refused.Error())
	case f.err != nil && f.focused(): // not finished
		return st.Subtle.Render(dueHint) + f.baseNote(st)
	case f.err != nil:
		return st.Error.Render("✗ " + f.err.Error())
	case f.date.IsZero() && f.focused():
		return st.Subtle.Render(dueHint) + f.baseNote(st)
	case f.date.IsZero():
		return ""
	case f.value() == f.date.String() && !f.focused():
		return st.Subtle.Render(f.date.Friendly()) + f.lateNote(st)
	default:
		return st.Success.Render("→ "+f.date.Friendly()) + f.baseNote(st) + f.lateNote(st)
	}
}

// lateNote is "  ⚠ 60 days late" beside a date that has passed, for an
// action not done, while the field is not being typed in: someone back
// months later sees at the item what is late, as the summary shows it.
func (f *dateField) lateNote(st *styles) string {
	if f.late == nil || f.focused() {
		return ""
	}
	if n := f.late(f.date); n != "" {
		return "  " + st.Warning.Render("⚠ "+n)
	}
	return ""
}

// baseNote is what spans count from, " (6w from today · ctrl+t: from the
// plan's date)", while the field has focus; "" without a choice of base.
func (f *dateField) baseNote(st *styles) string {
	if f.base == nil || !f.focused() {
		return ""
	}
	if n := f.base(f.value()); n != "" {
		return st.Subtle.Render(" (" + n + ")")
	}
	return ""
}

// notADateYet reports whether err says only that plans.ParseDue found no
// date in the text at all, which while it is being typed means it is not
// finished; other errors are about a date that cannot be (31/02/2027), a
// month it does not know, or a span too far ahead.
func notADateYet(err error) bool { return plans.IsNotADate(err) }

// choiceField picks one of a few options with ←/→ (or ↑/↓) and space.
// Options sit on one line ("( ) todo  (•) doing  ( ) done") or, when
// vertical, one per line. The chosen option is marked by its bullet, so it
// does not rest on colour.
type choiceField struct {
	labelled
	options  []string
	chosen   int
	vertical bool
	hasFocus bool
}

func newChoiceField(label string, options []string, labelWidth int) *choiceField {
	return &choiceField{labelled: labelled{label: label, labelWidth: labelWidth}, options: options}
}

func (f *choiceField) focus() tea.Cmd { f.hasFocus = true; return nil }
func (f *choiceField) blur()          { f.hasFocus = false }
func (f *choiceField) focused() bool  { return f.hasFocus }
func (f *choiceField) typing() bool   { return false }

// choose selects an option by its text; unknown text leaves it alone.
func (f *choiceField) choose(option string) {
	for i, o := range f.options {
		if o == option {
			f.chosen = i
		}
	}
}

func (f *choiceField) value() string {
	if len(f.options) == 0 {
		return ""
	}
	return f.options[f.chosen]
}

// update moves the choice; the screen compares value before and after to
// tell whether it changed.
func (f *choiceField) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !f.hasFocus || len(f.options) == 0 {
		return nil
	}
	n := len(f.options)
	switch k.String() {
	case "right", "l", "space":
		if f.vertical && k.String() != "space" {
			return nil
		}
		f.chosen = (f.chosen + 1) % n
	case "left", "h":
		if f.vertical {
			return nil
		}
		f.chosen = (f.chosen + n - 1) % n
	case "down", "j":
		if f.vertical {
			f.chosen = min(f.chosen+1, n-1)
		}
	case "up", "k":
		if f.vertical {
			f.chosen = max(f.chosen-1, 0)
		}
	}
	return nil
}

func (f *choiceField) view(st *styles, width int) string {
	return f.draw(st, width)
}

func (f *choiceField) draw(st *styles, width int) string {
	head := f.head(st, width, f.hasFocus || f.lit)
	if f.vertical {
		return head + f.column(st, max(8, width-f.indent()))
	}
	parts := make([]string, len(f.options))
	for i, o := range f.options {
		if i == f.chosen {
			s := "(•) " + o
			if f.hasFocus {
				s = st.Selected.Render(s)
			}
			parts[i] = s
		} else {
			parts[i] = "( ) " + o
		}
	}
	return head + strings.Join(parts, "  ")
}

// column draws the options one under another in w cells, each wrapped
// under itself in at most two lines: an option can be a long name (a
// checklist's title), and one cut at a line's end can say too little
// ("smc-cross-industry-progression: Cross-…").
func (f *choiceField) column(st *styles, w int) string {
	var lines []string
	for i, o := range f.options {
		mark := "( ) "
		if i == f.chosen {
			mark = "(•) "
		}
		for j, l := range strings.Split(wrapIndented(o, max(1, w-4), 0, 2), "\n") {
			if j == 0 {
				l = mark + l
			}
			if i == f.chosen && f.hasFocus {
				l = st.Selected.Render(l)
			}
			if j > 0 {
				l = spaces(4) + l
			}
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n"+spaces(f.indent()))
}

// notesField is a labelled text area for several lines of text. Enter
// starts a new line; the screen decides which keys leave it. The text
// area only holds the text while it has focus (filling one allocates a
// buffer for thousands of lines, too dear for every item shown).
type notesField struct {
	labelled
	height int    // lines shown
	empty  string // shown, faint, when empty without focus; else the placeholder
	area   textarea.Model
	text   string // the value while the field does not have focus
	// set is the text as the screen set it, and shown what the text area
	// made of it when it took focus (a tab becomes spaces): while it
	// still holds shown, the value is the text as it was.
	set, shown string
	// projector is whether the text area is styled for presenter mode.
	projector bool
}

func newNotesField(label, placeholder string, labelWidth int) *notesField {
	a := textarea.New()
	a.Prompt = ""
	a.Placeholder = placeholder
	a.ShowLineNumbers = false
	a.CharLimit = 0
	a.MaxHeight = 0
	a.SetStyles(notesStyles(lipgloss.NewStyle().Faint(true)))
	// The screen uses ctrl+n/ctrl+p for the next and previous item.
	a.KeyMap.LineNext.SetKeys("down")
	a.KeyMap.LinePrevious.SetKeys("up")
	return &notesField{labelled: labelled{label: label, labelWidth: labelWidth}, height: 3, area: a}
}

func (f *notesField) focus() tea.Cmd {
	if !f.area.Focused() {
		f.area.SetValue(f.text)
		f.shown = f.area.Value()
	}
	return f.area.Focus()
}

func (f *notesField) blur() {
	if f.area.Focused() {
		f.text = f.value()
		f.area.Blur()
	}
}

func (f *notesField) focused() bool { return f.area.Focused() }
func (f *notesField) typing() bool  { return true }

// value is the text: exactly as it was until it is edited.
func (f *notesField) value() string {
	if f.area.Focused() && f.area.Value() != f.shown {
		return f.area.Value()
	}
	return f.text
}

func (f *notesField) setValue(s string) {
	f.text, f.set = s, s
	if f.area.Focused() {
		f.area.SetValue(s)
		f.shown = f.area.Value()
	}
}

// edited reports whether the text was changed since it was set.
func (f *notesField) edited() bool { return f.value() != f.set }

// trimmed is what gets stored: the text as it was set if it was not
// edited, else without trailing blank lines and spaces.
func (f *notesField) trimmed() string {
	if f.edited() {
		return strings.TrimRight(f.value(), " \n\t")
	}
	return f.set
}

// onBlankLine reports whether the line the cursor is on holds nothing but
// spaces: a list typed one entry a line ends there, and enter moves on.
func (f *notesField) onBlankLine() bool {
	if !f.area.Focused() {
		return false
	}
	lines := strings.Split(f.area.Value(), "\n")
	l := f.area.Line()
	return l >= len(lines) || strings.TrimSpace(lines[l]) == ""
}

// setHeight sets how many lines the field shows (at least one).
func (f *notesField) setHeight(h int) { f.height = max(1, h) }

func (f *notesField) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.area, cmd = f.area.Update(msg)
	return cmd
}

// notesStyles are the text area's styles, as inputStyles.
func notesStyles(placeholder lipgloss.Style) textarea.Styles {
	s := textarea.DefaultStyles(true)
	plain := lipgloss.NewStyle()
	s.Focused = textarea.StyleState{Base: plain, Text: plain, CursorLine: plain, Placeholder: placeholder, EndOfBuffer: plain, Prompt: plain}
	s.Blurred = s.Focused
	s.Cursor = textarea.CursorStyle{Shape: tea.CursorBlock}
	return s
}

func (f *notesField) view(st *styles, width int) string {
	return f.draw(st, width)
}

func (f *notesField) draw(st *styles, width int) string {
	head := f.head(st, width, f.focused() || f.lit)
	indent := f.indent()
	w := max(4, width-indent)
	if f.focused() {
		if f.projector != st.projector { // presenter mode turned on or off
			f.area.SetStyles(notesStyles(st.Placeholder))
			f.projector = st.projector
		}
		if f.area.Width() != w || f.area.Height() != f.height {
			f.area.SetWidth(w)
			f.area.SetHeight(f.height)
		}
		lines := strings.Split(strings.TrimSuffix(f.area.View(), "\n"), "\n")
		return head + strings.Join(lines, "\n"+spaces(indent))
	}
	v := f.value()
	if v == "" {
		empty := f.empty
		if empty == "" {
			empty = f.area.Placeholder
		}
		return head + st.Subtle.Render(ansi.Truncate(empty, w, "…"))
	}
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = flat(l)
	}
	return head + wrapIndented(strings.Join(lines, "\n"), w, indent, f.height)
}

// Drawing text in cells, for every screen.

// wrapIndented wraps text to width cells, indents every line but the first
// by indent cells, and keeps at most maxLines lines (the last cut with an
// ellipsis; 0: all). Text is kept exactly: accents, other scripts, emoji.
func wrapIndented(text string, width, indent, maxLines int) string {
	limit := 0 // every line
	if maxLines > 0 {
		limit = maxLines + 1 // one more says that some are left out
	}
	lines := wrapTextUpTo(text, width, limit)
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = ansi.Truncate(lines[maxLines-1], max(1, width-1), "") + "…"
	}
	return strings.Join(lines, "\n"+spaces(indent))
}

// wrapText wraps text to width cells a line, breaking only at spaces:
// never inside a word, so a path, an address or an option is never cut
// at a hyphen or a dot as ansi.Wrap would ("--listen" on two lines), and
// an option stays on the line of its value ("--listen ADDRESS"), as the
// summary's commands do (optionUnits). A unit wider than a line on its own
// is cut at the edge, where nothing else could go. Line breaks in text
// are kept, and so are the spaces at the start of a line.
func wrapText(text string, width int) []string {
	return wrapTextUpTo(text, width, 0)
}

// wrapTextUpTo is wrapText stopping once it has limit lines (0: never):
// a field shows only its first few lines, and wrapping the rest of a long
// action on every key would be work thrown away.
func wrapTextUpTo(text string, width, limit int) []string {
	width = max(1, width)
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		out = wrapLine(out, line, width, limit)
		if limit > 0 && len(out) >= limit {
			return out[:limit]
		}
	}
	return out
}

// wrapLine is wrapText for one line, its lines appended to out, stopping
// once out has limit lines (0: never).
func wrapLine(out []string, line string, w, limit int) []string {
	if fitsIn(line, w) {
		return append(out, line)
	}
	body := strings.TrimLeft(line, " ")
	lead := line[:len(line)-len(body)]
	cur := lead
	for _, unit := range signUnits(closingUnits(optionUnits(strings.Fields(body)))) {
		if limit > 0 && len(out) >= limit {
			return out
		}
		switch {
		case cur == lead && cur != "":
			cur += unit
		case cur == "":
			cur = unit
		case ansi.StringWidth(cur)+1+ansi.StringWidth(unit) <= w:
			joinedPlain := cur[len(cur)-1] < utf8.RuneSelf && unit != "" && unit[0] < utf8.RuneSelf
			cur += " " + unit
			if joinedPlain {
				// It fits as measured: a space between ASCII
				// characters joins nothing, so the line is the sum
				// wide and there is no cut to look for (a mark
				// beginning unit may join the space and widen it:
				// that is measured below).
				continue
			}
		default:
			out = append(out, cur)
			cur = unit
		}
		for { // a unit wider than a line is cut
			cut, rest, fits := cutUnit(cur, w)
			if fits || limit > 0 && len(out) >= limit {
				break
			}
			out = append(out, cut)
			cur = rest
		}
	}
	return append(out, cur)
}

// closingPunctuation never starts a line: a line beginning ":2:15:" or a
// lone "]" reads as a stray mark, cut off from what it closes.
const closingPunctuation = ":;,.!?)]}…"

// closingUnits joins a word that is only closing punctuation (the "]" of
// "add the closing ]") to the unit before it, so that it ends that line
// rather than beginning the next.
func closingUnits(units []string) []string {
	out := units[:0]
	for _, u := range units {
		if len(out) > 0 && strings.Trim(u, closingPunctuation) == "" {
			out[len(out)-1] += " " + u
			continue
		}
		out = append(out, u)
	}
	return out
}

// statusSigns begin a message and say what kind it is (a warning, a
// failure, a success): never left alone at the end of a line.
const statusSigns = "⚠✗✓"

// signUnits joins a sign ("⚠") to the unit after it, so that a message
// whose first word is a path as wide as the line or wider begins
// "⚠ /home/…" rather than with "⚠" alone on a line, cut off from the
// words it is about: the path is cut (at a separator, see unitCut) as it
// would be anyway if it were a cell wider.
func signUnits(units []string) []string {
	out := units[:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		if i+1 < len(units) && utf8.RuneCountInString(u) == 1 && strings.Contains(statusSigns, u) {
			out = append(out, u+" "+units[i+1])
			i++
			continue
		}
		out = append(out, u)
	}
	return out
}

// cutUnit cuts from a unit the part that a line w cells wide holds (see
// unitCut) and returns the rest, its leading spaces dropped; fits says the
// unit needs no cut. Plain text, all that comes from a plan file, is
// walked only as far as the cut: measuring the whole rest at each cut,
// as styled text is, made a one-word action of 90,000 characters take
// seconds a key, one walk of the rest for each of its lines.
func cutUnit(unit string, w int) (cut, rest string, fits bool) {
	if strings.IndexByte(unit, ansi.ESC) < 0 {
		head, tail := plainStart(unit, w)
		if tail == "" {
			return unit, "", true
		}
		cut = cutOnce(unit, unitCut(head, head, tail, w))
		return cut, strings.TrimLeft(unit[len(cut):], " "), false
	}
	if ansi.StringWidth(unit) <= w {
		return unit, "", true
	}
	head := ansi.Truncate(unit, w, "")
	cut = cutOnce(unit, unitCut(head, ansi.Strip(head), ansi.Strip(ansi.TruncateLeft(unit, ansi.StringWidth(head), "")), w))
	return cut, strings.TrimLeft(ansi.TruncateLeft(unit, ansi.StringWidth(cut), ""), " "), false
}

// fitsIn reports whether s is at most w cells wide, measuring plain text
// no further than that.
func fitsIn(s string, w int) bool {
	if strings.IndexByte(s, ansi.ESC) >= 0 {
		return ansi.StringWidth(s) <= w
	}
	_, tail := plainStart(s, w)
	return tail == ""
}

// cutOnce is cut, or where it is empty (a character wider than the line)
// that character alone, to go over the edge: otherwise nothing would ever
// be cut.
func cutOnce(unit, cut string) string {
	if cut == "" {
		cut, _, _, _ = uniseg.FirstGraphemeClusterInString(unit, -1)
	}
	return cut
}

// plainStart splits plain text (no escape sequences) after the longest
// start that is at most w cells wide, as ansi.Truncate cuts, walking no
// further than that start.
func plainStart(s string, w int) (head, tail string) {
	width := 0
	for i := 0; i < len(s); {
		cluster, cw := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if width+cw > w {
			return s[:i], s[i:]
		}
		width += cw
		i += len(cluster)
	}
	return s, ""
}

// unitCut is the part of a unit wider than the line (a long path, with
// the place in it of a problem: plans/…/acme.yaml:2:15:) that the line
// holds, given head, the longest start of the unit that fits (plain, its
// text without styles), and rest, the text after it. It is cut after a
// separator of the path (/ . - _) when one falls in the line's second
// half, so that the rest reads as a piece of its own ("yaml:2:15:");
// otherwise at the edge, one character sooner when the rest would begin
// with closing punctuation (".yaml", ":2:15:").
func unitCut(head, plain, rest string, w int) string {
	if i := strings.LastIndexAny(plain, "/.-_"); i >= 0 && i < len(plain)-1 && ansi.StringWidth(plain[:i+1]) > w/2 {
		return ansi.Truncate(head, ansi.StringWidth(plain[:i+1]), "")
	}
	if first, _ := utf8.DecodeRuneInString(rest); rest != "" && strings.ContainsRune(closingPunctuation, first) {
		if shorter := ansi.Truncate(head, ansi.StringWidth(plain)-1, ""); shorter != "" {
			return shorter
		}
	}
	return head
}

// optionUnits groups words so that an option stays with its value ("-m
// MESSAGE", "--listen ADDRESS", "-- PATH"): the units a command, or a
// sentence quoting one, is broken between.
func optionUnits(words []string) []string {
	units := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		if isOption(words[i]) && i+1 < len(words) {
			units = append(units, words[i]+" "+words[i+1])
			i++
			continue
		}
		units = append(units, words[i])
	}
	return units
}

// isOption reports whether a word is a command-line option: "-m",
// "--listen", "--"; not a dash in a sentence ("-" alone, "–").
func isOption(word string) bool {
	return len(word) >= 2 && word[0] == '-' && (word[1] == '-' || word[1] >= 'a' && word[1] <= 'z' || word[1] >= 'A' && word[1] <= 'Z')
}

// flat makes text safe to draw on one line: tabs, line breaks and other
// control characters become spaces. It is for drawing only; what is
// stored keeps them.
func flat(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// padRight pads s with spaces on the right to w cells.
func padRight(s string, w int) string { return s + spaces(w-ansi.StringWidth(s)) }

// padLeft pads s with spaces on the left to w cells.
func padLeft(s string, w int) string { return spaces(w-ansi.StringWidth(s)) + s }
