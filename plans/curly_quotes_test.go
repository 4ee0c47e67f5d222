package plans

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCurlyQuotesAroundAValueSaySo: a word processor (TextEdit, Word)
// turns the quotes typed around a value into “ ” or ‘ ’, which YAML
// reads as part of the text. Around a rating, a status or a date that
// makes a value ladder refuses, and "rating "“red”" is not one of red,
// amber, green" reads as nonsense to the person who typed it: the
// message says the curly quotes are the trouble, and what to write.
func TestCurlyQuotesAroundAValueSaySo(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, at, write string
	}{
		{"rating", "rating: red", "rating: “red”", "24:13", "red"},
		{"status", "status: todo", "status: ‘done’", "28:13", "done"},
		{"due date", "due: 2027-03-31", "due: “2027-03-31”", "27:10", "2027-03-31"},
		{"review date", "date: 2027-01-15", "date: „2027-01-15“", "11:7", "2027-01-15"},
		{"schema", "schema: 1", "schema: “1”", "5:9", "1"},
		{"checklist", "id: smc-progression", "id: “smc-progression”", "7:7", "smc-progression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(string(golden), tt.old, tt.new, 1)
			_, err := Parse("plan.yaml", []byte(data), nil)
			if err == nil {
				t.Fatal("the plan loaded")
			}
			msg := err.Error()
			for _, want := range []string{"plan.yaml:" + tt.at + ":", "curly quotes", "word processor", "write " + tt.write + " without them"} {
				if !strings.Contains(msg, want) {
					t.Errorf("no %q in:\n%s", want, msg)
				}
			}
		})
	}
	// After a long message (an unknown key, with every key it could be)
	// the words are cut to the gist: a message stays under 300
	// characters (FuzzParse).
	long := strings.Replace(string(golden), "organisation: Acme", "“organisation_and_a_lot_more_text_xxxxxxxxxxxxx”: Acme", 1)
	_, err = Parse("plan.yaml", []byte(long), nil)
	if err == nil || !strings.Contains(err.Error(), "remove the curly quotes around it") {
		t.Errorf("a long unknown key in curly quotes: %v", err)
	} else if n := utf8.RuneCountInString(err.(*FileError).Problems[0].Message); n >= 300 {
		t.Errorf("a message of %d characters: %v", n, err)
	}
	// Straight quotes are YAML's own and are not in the value; a curly
	// quote inside the text, or one written inside straight quotes, is
	// the text's own and not the trouble.
	for _, line := range []string{`rating: "red"`, `rating: 'red'`, "rating: re“d”", `rating: '“red”'`} {
		data := strings.Replace(string(golden), "rating: red", line, 1)
		_, err := Parse("plan.yaml", []byte(data), nil)
		if err != nil && strings.Contains(err.Error(), "curly") {
			t.Errorf("%s: %v", line, err)
		}
	}
}
