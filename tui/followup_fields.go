package tui

// The text and date fields of the follow-up screens. They are kept here,
// named for those screens, until they can be merged with the fields of the
// item and set-up screens (fields.go).

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// fuText is a one-line text field: a text input while typing, and the value
// wrapped over a few lines when not, so long answers can be read.
type fuText struct {
	label string
	in    textinput.Model
}

// fuWrapLines is how many lines a field's value takes at most when it is
// not being typed in; the rest is cut with an ellipsis.
const fuWrapLines = 3

func newFUText(label, placeholder string) fuText {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	return fuText{label: label, in: in}
}

// style sets the input's colours from the app's styles. The cursor does not
// blink: a calm screen for a projector, and no timer messages.
func (f *fuText) style(st styles) {
	s := textinput.DefaultStyles(st.isDark)
	s.Focused.Placeholder = st.Subtle
	s.Blurred.Placeholder = st.Subtle
	s.Focused.Text = lipgloss.NewStyle()
	s.Blurred.Text = lipgloss.NewStyle()
	s.Cursor.Blink = false
	f.in.SetStyles(s)
}

func (f *fuText) value() string { return f.in.Value() }

// setValue replaces the text, with the cursor at its end.
func (f *fuText) setValue(v string) {
	f.in.SetValue(v)
	f.in.CursorEnd()
}

func (f *fuText) focus() tea.Cmd { return f.in.Focus() }
func (f *fuText) blur()          { f.in.Blur() }
func (f *fuText) typing() bool   { return f.in.Focused() }

func (f *fuText) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.in, cmd = f.in.Update(msg)
	return cmd
}

// setWidth changes the visible width, keeping the cursor in view.
func (f *fuText) setWidth(w int) {
	w = max(w, 1)
	if f.in.Width() == w {
		return
	}
	pos := f.in.Position()
	f.in.SetWidth(w)
	f.in.SetCursor(0)
	f.in.SetCursor(pos)
}

// view draws the field w cells wide. With labelWidth > 0 the label sits
// before the value in a column that wide; otherwise it sits on its own line
// above. A highlighted field gets a marker, not only a colour.
func (f *fuText) view(st styles, w, labelWidth int, highlighted bool, empty string) string {
	marker, label := "  ", st.Label
	if highlighted {
		marker, label = "› ", st.Focused
	}
	var head, indent string
	valueWidth := w - 2
	if labelWidth > 0 {
		head = marker + label.Render(padRight(ansi.Truncate(f.label, labelWidth, "…"), labelWidth)) + " "
		indent = strings.Repeat(" ", 2+labelWidth+1)
		valueWidth = w - len(indent)
	} else {
		head = marker + label.Render(ansi.Truncate(f.label, w-2, "…")) + "\n"
		indent = "  "
	}
	if labelWidth > 0 {
		return head + f.valueView(st, valueWidth, indent, empty)
	}
	return head + indent + f.valueView(st, valueWidth, indent, empty)
}

// valueView is the text input while typing, else the value wrapped.
func (f *fuText) valueView(st styles, w int, indent, empty string) string {
	if f.typing() {
		f.setWidth(w - 1) // one cell for the cursor at the end
		return f.in.View()
	}
	v := f.value()
	if v == "" {
		return st.Subtle.Render(ansi.Truncate(empty, w, "…"))
	}
	return wrapIndented(flat(v), w, len(indent), fuWrapLines)
}

// fuDate is a due-date field. It reads dates the way people type them
// (plans.ParseDue), shows the date it understood as it is typed, and
// rejects an impossible date in place: the typed text stays, with a message,
// until it is put right.
type fuDate struct {
	fuText
	today plans.Date
	err   error
}

const dueHint = "e.g. 31/03/2027, 31 Mar 2027, 2w, 3m"

func newFUDate(label string, today plans.Date) fuDate {
	return fuDate{fuText: newFUText(label, dueHint), today: today}
}

// setDate shows a stored date (YYYY-MM-DD, or empty).
func (d *fuDate) setDate(date plans.Date) {
	d.setValue(date.String())
	d.err = nil
}

func (d *fuDate) update(msg tea.Msg) tea.Cmd {
	cmd := d.fuText.update(msg)
	if d.err != nil {
		if _, err := plans.ParseDue(d.value(), d.today); err == nil {
			d.err = nil
		}
	}
	return cmd
}

// parse reads the typed date. On failure it keeps the text and remembers
// the error to show beside the field.
func (d *fuDate) parse() (plans.Date, bool) {
	date, err := plans.ParseDue(d.value(), d.today)
	d.err = err
	return date, err == nil
}

// understood says what the typed text means: the friendly date, the error
// after a rejected commit, or a hint.
func (d *fuDate) understood(st styles) string {
	if d.err != nil {
		return st.Error.Render("✗ " + d.err.Error())
	}
	v := strings.TrimSpace(d.value())
	if v == "" {
		if d.typing() {
			return st.Subtle.Render(dueHint)
		}
		return ""
	}
	date, err := plans.ParseDue(v, d.today)
	switch {
	case err != nil && d.typing():
		return st.Subtle.Render(dueHint)
	case err != nil:
		return st.Error.Render("✗ " + err.Error())
	case !d.typing():
		return st.Subtle.Render(date.Friendly()) // as the item screen's date fields
	}
	return st.Success.Render("→ " + date.Friendly())
}

// view draws the field on one line (label, value, the date understood),
// and the error or hint below it when the line is too narrow for both.
func (d *fuDate) view(st styles, w, labelWidth int, highlighted bool) string {
	const inputWidth = 16
	field := d.fuText.view(st, 2+labelWidth+1+inputWidth, labelWidth, highlighted, "not set")
	field = padRight(field, 2+labelWidth+1+inputWidth)
	u := d.understood(st)
	if u == "" {
		return field
	}
	if ansi.StringWidth(field)+2+ansi.StringWidth(u) <= w {
		return field + "  " + u
	}
	indent := strings.Repeat(" ", 2+labelWidth+1)
	return field + "\n" + indent + wrapIndented(u, w-len(indent), len(indent), 2)
}
