package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/plans"
)

// Tests of the fields every screen shares (fields.go), driven by keys as
// a screen drives them; the screens' own tests show them in place.

func fieldType(f field, text string) {
	for _, r := range text {
		f.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func fieldView(f field, width int) string {
	st := newStyles(true, false)
	return ansi.Strip(f.view(&st, width))
}

// Half a date is not a mistake: while it is typed the field says how to
// type one. A date that cannot be is said at once; text that is not a
// date is refused when it is to be stored, and the refusal stays until
// the text is a date.
func TestDateFieldHintsWhileTypingAndRefusesOnStore(t *testing.T) {
	f := newDateField("Due", func(s string) (plans.Date, error) { return plans.ParseDue(s, fuToday) }, 6)
	f.focus()
	fieldType(f, "31/0")
	if v := fieldView(f, 80); !strings.Contains(v, dueHint) || strings.Contains(v, "✗") {
		t.Fatalf("half a date: %q", v)
	}
	fieldType(f, "2/2027")
	if v := fieldView(f, 80); !strings.Contains(v, `✗ "31/02/2027" is not a real date`) {
		t.Fatalf("an impossible date: %q", v)
	}
	for range len("02/2027") {
		f.update(fuKey("backspace"))
	}
	if _, ok := f.parsed(); ok {
		t.Fatal(`"31/" was taken as a date`)
	}
	if v := fieldView(f, 80); !strings.Contains(v, `✗ "31/" is not a date`) {
		t.Fatalf("refused: %q", v)
	}
	fieldType(f, "0") // still not a date: the refusal stays
	if v := fieldView(f, 80); !strings.Contains(v, `✗ "31/" is not a date`) {
		t.Fatalf("after typing on: %q", v)
	}
	fieldType(f, "2/2027") // a date that cannot be: said of it, not of what was refused
	if v := fieldView(f, 80); !strings.Contains(v, `✗ "31/02/2027" is not a real date`) || strings.Contains(v, `"31/"`) {
		t.Fatalf("refused, then an impossible date: %q", v)
	}
	for range len("2/2027") {
		f.update(fuKey("backspace"))
	}
	fieldType(f, "3/2027")
	if v := fieldView(f, 80); !strings.Contains(v, "→ Wed 31 Mar 2027") || strings.Contains(v, "✗") {
		t.Fatalf("put right: %q", v)
	}
	if d, ok := f.parsed(); !ok || d.String() != "2027-03-31" {
		t.Fatalf("parsed = %v, %v", d, ok)
	}
}

// A field set to text with tabs and line breaks draws it on one line and
// gives it back exactly until it is edited; then it gives what was typed.
func TestTextFieldKeepsTextItDrawsOnOneLine(t *testing.T) {
	f := newTextField("Owner", "who?", 6)
	f.setValue(" Zoë\tand\nAna")
	v := fieldView(f, 40)
	if strings.ContainsAny(v, "\t") || strings.Count(v, "\n") != 0 {
		t.Fatalf("drawn as %q", v)
	}
	if !strings.Contains(v, "Zoë and Ana") {
		t.Fatalf("drawn as %q", v)
	}
	f.focus()
	f.blur()
	if got := f.trimmed(); got != " Zoë\tand\nAna" {
		t.Fatalf("passed through, it gives %q", got)
	}
	f.focus()
	fieldType(f, " ")
	if got := f.trimmed(); got != "Zoë and Ana" {
		t.Fatalf("edited, it gives %q", got)
	}
}

func TestNotesFieldKeepsTextExactly(t *testing.T) {
	f := newNotesField("Notes", "anything", 6)
	f.setValue("The board\n\tand the MD")
	if v := fieldView(f, 60); strings.Contains(v, "\t") || !strings.Contains(v, "and the MD") {
		t.Fatalf("drawn as %q", v)
	}
	f.focus()
	f.blur()
	if f.edited() || f.trimmed() != "The board\n\tand the MD" {
		t.Fatalf("passed through, it gives %q", f.trimmed())
	}
	f.focus()
	fieldType(f, "!")
	f.blur()
	if got := f.trimmed(); !f.edited() || !strings.HasSuffix(got, "!") || !strings.HasPrefix(got, "The board\n") {
		t.Fatalf("edited, it gives %q", got)
	}
}

// A highlighted field is marked as a focused one is, without typing; an
// empty one says what its screen asks it to.
func TestFieldHighlightAndEmptyText(t *testing.T) {
	f := newTextField("Leadership & Culture", "a name", 0)
	f.empty = "not answered yet"
	if v := fieldView(f, 40); v != "  Leadership & Culture\n  not answered yet" {
		t.Fatalf("plain: %q", v)
	}
	f.highlight(true)
	if v := fieldView(f, 40); v != "› Leadership & Culture\n  not answered yet" {
		t.Fatalf("highlighted: %q", v)
	}
	if f.focused() {
		t.Fatal("highlighting gave the field focus")
	}
}

// A day no year has, typed without a year (31/2), is said to be no real
// date when the field is left, in the words 30/02/2027 gets, and at once
// while it is typed, as that is: no more typing makes it a date. The parts
// of a real date typed on the way there (31/0, 2027-12-0) are never red.
func TestDateFieldImpossibleDayWithoutAYear(t *testing.T) {
	read := func(s string) (plans.Date, error) { return plans.ParseDue(s, fuToday) }
	for _, typed := range []string{"31/03", "2027-12-05", "30/11/2027"} {
		f := newDateField("Due", read, 6)
		f.focus()
		for _, r := range typed {
			fieldType(f, string(r))
			if v := fieldView(f, 80); strings.Contains(v, "✗") {
				t.Errorf("typing %q, half of it flashed red: %q", typed, v)
			}
		}
	}
	for _, typed := range []string{"31/2", "30/02"} {
		f := newDateField("Due", read, 6)
		f.focus()
		fieldType(f, typed)
		if _, ok := f.parsed(); ok {
			t.Fatalf("%q was taken as a date", typed)
		}
		f.blur()
		want := `✗ "` + typed + `" is not a real date`
		if v := fieldView(f, 80); !strings.Contains(v, want) {
			t.Errorf("left at %q: %q, want %q", typed, v, want)
		}
	}
}
