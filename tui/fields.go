package tui

import (
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// The form fields the screens share, in the manner of huh's: each kind of
// field is a small model with focus, blur, update and view, drawn as one
// labelled row (or a few). A field only holds what is typed; the screen
// that owns it decides when to read it back into the plan (on leaving the
// field) and saves through the session.
//
// Every field draws its label in a fixed column of labelWidth cells, after a
// two-cell focus marker ("› " when focused), so that a column of fields
// lines up and focus never rests on colour alone.

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
}

// focusMarker is drawn before the focused field's label.
const focusMarker = "› "

// memo remembers a field's last drawing and what it was drawn from, so a
// key typed into one field does not restyle the others.
type memo struct{ key, out string }

// get returns the drawing for key, drawing it if key changed.
func (m *memo) get(key string, draw func() string) string {
	if m.key != key || m.out == "" {
		m.key, m.out = key, draw()
	}
	return m.out
}

// drawKey builds a memo key from what a drawing depends on.
func drawKey(st *styles, width int, parts ...string) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(width))
	if st.isDark {
		b.WriteByte('d')
	}
	for _, p := range parts {
		b.WriteByte(0)
		b.WriteString(p)
	}
	return b.String()
}

// fieldLabels remembers a field's label drawn with and without focus.
type fieldLabels struct{ on, off memo }

func (l *fieldLabels) get(st *styles, label string, labelWidth int, focused bool) string {
	m := &l.off
	if focused {
		m = &l.on
	}
	return m.get(drawKey(st, 0), func() string { return fieldLabel(st, label, labelWidth, focused) })
}

// fieldLabel draws a field's focus marker and label, padded to labelWidth.
func fieldLabel(st *styles, label string, labelWidth int, focused bool) string {
	pad := max(0, labelWidth-ansi.StringWidth(label))
	if focused {
		return st.Focused.Render(focusMarker+label) + strings.Repeat(" ", pad+1)
	}
	return "  " + st.Label.Render(label) + strings.Repeat(" ", pad+1)
}

// inputStyles are the bubbles text styles for our fields: no colours of
// their own (the 16-colour theme comes from the labels), a cursor that
// does not blink (a calm screen, and a frame only when something changes).
func inputStyles() textinput.Styles {
	s := textinput.DefaultStyles(true)
	plain := lipgloss.NewStyle()
	s.Focused = textinput.StyleState{Text: plain, Placeholder: plain.Faint(true), Suggestion: plain.Faint(true), Prompt: plain}
	s.Blurred = s.Focused
	s.Cursor = textinput.CursorStyle{Shape: tea.CursorBlock}
	return s
}

// textField is a labelled one-line text field. When it does not have focus
// it shows its whole value, wrapped (up to maxLines lines), rather than a
// scrolled window of it.
type textField struct {
	label      string
	labelWidth int
	maxLines   int
	input      textinput.Model
	drawn      memo // the field without focus
	labels     fieldLabels
}

func newTextField(label, placeholder string, labelWidth int) *textField {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetStyles(inputStyles())
	return &textField{label: label, labelWidth: labelWidth, maxLines: 3, input: in}
}

func (f *textField) focus() tea.Cmd    { return f.input.Focus() }
func (f *textField) blur()             { f.input.Blur() }
func (f *textField) focused() bool     { return f.input.Focused() }
func (f *textField) typing() bool      { return true }
func (f *textField) value() string     { return f.input.Value() }
func (f *textField) setValue(s string) { f.input.SetValue(s); f.input.CursorEnd() }

// trimmed is the value without surrounding spaces: what gets stored.
func (f *textField) trimmed() string { return strings.TrimSpace(f.input.Value()) }

func (f *textField) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}

// inputWidth is how many cells the text may take in a row of width cells.
func (f *textField) inputWidth(width int) int {
	return max(4, width-2-f.labelWidth-1-1)
}

func (f *textField) view(st *styles, width int) string {
	if !f.focused() {
		return f.drawn.get(drawKey(st, width, f.value()), func() string {
			return f.labels.get(st, f.label, f.labelWidth, false) + f.body(st, width)
		})
	}
	return f.labels.get(st, f.label, f.labelWidth, true) + f.body(st, width)
}

// body draws the value: the live input when focused, the wrapped text
// otherwise, indented under the label column.
func (f *textField) body(st *styles, width int) string {
	w := f.inputWidth(width)
	if f.focused() {
		if f.input.Width() != w {
			f.input.SetWidth(w)
		}
		return f.input.View()
	}
	v := f.input.Value()
	if v == "" {
		return st.Subtle.Render(ansi.Truncate(f.input.Placeholder, w+1, "…"))
	}
	return wrapIndented(v, w+1, 2+f.labelWidth+1, f.maxLines)
}

// dateField is a text field for a due date. It reads what people type
// (2027-03-31, 31/03/2027, 31 Mar 2027, 2w, 3m...) with plans.ParseDue and
// shows the date it understood, or why it could not, beside the text. The
// text is never changed behind the typist's back: an impossible date stays
// on screen, with its message, until it is fixed.
type dateField struct {
	*textField
	today plans.Date
	date  plans.Date // what the text means, when ok
	err   error      // why the text is not a date
	noted memo
}

func newDateField(label string, today plans.Date, labelWidth int) *dateField {
	f := &dateField{textField: newTextField(label, "e.g. 2027-03-31, 31/03/2027 or 2w", labelWidth), today: today}
	return f
}

// setDate shows a stored date (zero: empty).
func (f *dateField) setDate(d plans.Date) {
	f.setValue(d.String())
	f.parse()
}

// setText puts typed text back (as after a resize or a screen change).
func (f *dateField) setText(s string) {
	f.setValue(s)
	f.parse()
}

// parsed returns the date the text means, and false if it means none.
func (f *dateField) parsed() (plans.Date, bool) { return f.date, f.err == nil }

func (f *dateField) parse() {
	f.date, f.err = plans.ParseDue(f.value(), f.today)
}

func (f *dateField) update(msg tea.Msg) tea.Cmd {
	before := f.value()
	cmd := f.textField.update(msg)
	if f.value() != before {
		f.parse()
	}
	return cmd
}

func (f *dateField) view(st *styles, width int) string {
	if !f.focused() {
		return f.drawn.get(drawKey(st, width, f.value()), func() string { return f.draw(st, width) })
	}
	return f.draw(st, width)
}

func (f *dateField) draw(st *styles, width int) string {
	head := f.labels.get(st, f.label, f.labelWidth, f.focused())
	w := min(f.inputWidth(width), 14)
	var body string
	if f.focused() {
		if f.input.Width() != w {
			f.input.SetWidth(w)
		}
		body = f.input.View()
	} else if f.value() == "" {
		body = st.Subtle.Render(ansi.Truncate(f.input.Placeholder, max(1, f.inputWidth(width)), "…"))
	} else {
		body = f.value()
	}
	note := f.noted.get(drawKey(st, 0, f.value(), strconv.FormatBool(f.focused())), func() string { return f.note(st) })
	if note == "" {
		return head + body
	}
	line := head + body + "  " + note
	if lipgloss.Width(line) <= width {
		return line
	}
	indent := 2 + f.labelWidth + 1
	return head + body + "\n" + strings.Repeat(" ", indent) + wrapIndented(note, max(1, width-indent), indent, 0)
}

// note is what the field understood: "→ Wed 31 Mar 2027", or the problem.
func (f *dateField) note(st *styles) string {
	switch {
	case f.err != nil:
		return st.Error.Render("✗ " + f.err.Error())
	case f.date.IsZero():
		return ""
	case f.value() == f.date.String() && !f.focused():
		return st.Subtle.Render(f.date.Friendly())
	default:
		return st.Success.Render("→ " + f.date.Friendly())
	}
}

// choiceField picks one of a few options with ←/→ (or ↑/↓) and space.
// Options sit on one line ("( ) todo  (•) doing  ( ) done") or, when
// vertical, one per line. The chosen option is marked by its bullet, so it
// does not rest on colour.
type choiceField struct {
	label      string
	labelWidth int
	options    []string
	chosen     int
	vertical   bool
	hasFocus   bool
	drawn      memo
	labels     fieldLabels
}

func newChoiceField(label string, options []string, labelWidth int) *choiceField {
	return &choiceField{label: label, labelWidth: labelWidth, options: options}
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

// update moves the choice; it reports a change by returning changedCmd's
// message only through the chosen index, which the screen compares.
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
	return f.drawn.get(drawKey(st, width, strconv.Itoa(f.chosen), strconv.FormatBool(f.hasFocus)), func() string {
		return f.draw(st, width)
	})
}

func (f *choiceField) draw(st *styles, width int) string {
	head := f.labels.get(st, f.label, f.labelWidth, f.hasFocus)
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
	if !f.vertical {
		return head + strings.Join(parts, "  ")
	}
	indent := "\n" + strings.Repeat(" ", 2+f.labelWidth+1)
	w := max(8, width-2-f.labelWidth-1)
	for i := range parts {
		parts[i] = ansi.Truncate(parts[i], w, "…")
	}
	return head + strings.Join(parts, indent)
}

// notesField is a labelled text area for several lines of text. Enter
// starts a new line; the screen decides which keys leave it. The text
// area only holds the text while it has focus (filling one allocates a
// buffer for thousands of lines, too dear for every item shown).
type notesField struct {
	label      string
	labelWidth int
	height     int // lines shown
	area       textarea.Model
	text       string // the value while the field does not have focus
	drawn      memo
	labels     fieldLabels
}

func newNotesField(label, placeholder string, labelWidth int) *notesField {
	a := textarea.New()
	a.Prompt = ""
	a.Placeholder = placeholder
	a.ShowLineNumbers = false
	a.CharLimit = 0
	a.MaxHeight = 0
	s := textarea.DefaultStyles(true)
	plain := lipgloss.NewStyle()
	s.Focused = textarea.StyleState{Base: plain, Text: plain, CursorLine: plain, Placeholder: plain.Faint(true), EndOfBuffer: plain, Prompt: plain}
	s.Blurred = s.Focused
	s.Cursor = textarea.CursorStyle{Shape: tea.CursorBlock}
	a.SetStyles(s)
	// The screen uses ctrl+n/ctrl+p for the next and previous item.
	a.KeyMap.LineNext.SetKeys("down")
	a.KeyMap.LinePrevious.SetKeys("up")
	return &notesField{label: label, labelWidth: labelWidth, height: 3, area: a}
}

func (f *notesField) focus() tea.Cmd {
	if !f.area.Focused() {
		f.area.SetValue(f.text)
	}
	return f.area.Focus()
}

func (f *notesField) blur() {
	if f.area.Focused() {
		f.text = f.area.Value()
		f.area.Blur()
	}
}

func (f *notesField) focused() bool { return f.area.Focused() }
func (f *notesField) typing() bool  { return true }

func (f *notesField) value() string {
	if f.area.Focused() {
		return f.area.Value()
	}
	return f.text
}

func (f *notesField) setValue(s string) {
	f.text = s
	if f.area.Focused() {
		f.area.SetValue(s)
	}
}

// trimmed is the value without trailing blank lines and spaces.
func (f *notesField) trimmed() string { return strings.TrimRight(f.value(), " \n\t") }

// setHeight sets how many lines the field shows (at least one).
func (f *notesField) setHeight(h int) { f.height = max(1, h) }

func (f *notesField) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.area, cmd = f.area.Update(msg)
	return cmd
}

func (f *notesField) view(st *styles, width int) string {
	if !f.focused() {
		return f.drawn.get(drawKey(st, width, f.text, strconv.Itoa(f.height)), func() string {
			return f.draw(st, width)
		})
	}
	return f.draw(st, width)
}

func (f *notesField) draw(st *styles, width int) string {
	head := f.labels.get(st, f.label, f.labelWidth, f.focused())
	indent := 2 + f.labelWidth + 1
	w := max(4, width-indent)
	if f.focused() {
		if f.area.Width() != w || f.area.Height() != f.height {
			f.area.SetWidth(w)
			f.area.SetHeight(f.height)
		}
		lines := strings.Split(strings.TrimSuffix(f.area.View(), "\n"), "\n")
		return head + strings.Join(lines, "\n"+strings.Repeat(" ", indent))
	}
	v := f.value()
	if v == "" {
		return head + st.Subtle.Render(ansi.Truncate(f.area.Placeholder, w, "…"))
	}
	return head + wrapIndented(v, w, indent, f.height)
}

// Drawing text in cells, for every screen.

// wrapIndented wraps text to width cells, indents every line but the first
// by indent cells, and keeps at most maxLines lines (the last cut with an
// ellipsis; 0: all). Text is kept exactly: accents, other scripts, emoji.
func wrapIndented(text string, width, indent, maxLines int) string {
	lines := strings.Split(ansi.Wrap(text, max(1, width), ""), "\n")
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = ansi.Truncate(lines[maxLines-1], max(1, width-1), "") + "…"
	}
	return strings.Join(lines, "\n"+spaces(indent))
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

// indentLines puts prefix before every line of s.
func indentLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
