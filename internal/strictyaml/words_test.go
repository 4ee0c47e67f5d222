package strictyaml

import (
	"os"
	"strings"
	"testing"
	"time"
)

// handEdit is the golden plan with one line changed the way a person
// editing it by hand changes it: on line n, old becomes new.
func handEdit(t testing.TB, n int, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../plans/testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if !strings.Contains(lines[n-1], old) {
		t.Fatalf("line %d is %q, with no %q in it", n, lines[n-1], old)
	}
	lines[n-1] = strings.Replace(lines[n-1], old, new, 1)
	return []byte(strings.Join(lines, ""))
}

// TestHandEditMistakesInPlainWords: each mistake people make editing a
// plan by hand is reported at the line and column where they must act,
// in words that say what is wrong and what to do, before any of the YAML
// reader's own jargon.
func TestHandEditMistakesInPlainWords(t *testing.T) {
	tests := []struct {
		name          string
		line          int
		old, new      string
		wantAt        string   // "line:col"
		want, notWant []string // fragments the message has, and must not have
	}{
		{"colon in text", 37, "action: Run", "action: Note: run", "37:13",
			[]string{`text with ": " in it needs quotes`, `"action:"`, "single quotes"}, nil},
		{"item field one space too few", 36, "    rating", "   rating", "36:4",
			[]string{"this line is indented 3 spaces, but the lines beside it (line 37) use 4: line them up"}, []string{"quotes"}},
		{"item field one space too many", 36, "    rating", "     rating", "36:6",
			[]string{"this line is indented 5 spaces, but the lines beside it (line 37) use 4: line them up"}, nil},
		{"first field one space too many", 24, "    rating", "     rating", "24:6",
			[]string{"indented 5 spaces, but the lines beside it (line 25) use 4"}, nil},
		{"item field two spaces too few", 37, "    action", "  action", "37:3",
			[]string{"this line is indented 2 spaces, but the lines beside it (lines 36 and 38) use 4: line them up"}, []string{"quotes"}},
		{"field between two others one space too few", 37, "    action", "   action", "37:4",
			[]string{"this line is indented 3 spaces, but the lines beside it (lines 36 and 38) use 4: line them up"}, []string{"quotes"}},
		{"last field one space too few", 41, "    notes", "   notes", "41:4",
			[]string{"this line is indented 3 spaces, but the lines above it use 0, 2 or 4: line it up with the ones it belongs with"}, nil},
		{"item id one space too few", 35, "  lc-leadership", " lc-leadership", "35:2",
			[]string{"indented 1 space, but the lines above it use 0, 2 or 4"}, nil},
		{"a value given to a key that holds a block", 18, "items:", "items: x", "23:3",
			[]string{"this line is indented 2 spaces, deeper than line 18 above it, which has its value already"}, []string{"lines beside it"}},
		{"tab for indentation", 36, "    rating", "\trating", "36:1",
			[]string{"a tab", "indent with spaces"}, nil},
		{"unclosed double quote in the title", 10, "title: 'Spring review: progression'", `title: "Spring review`, "10:8",
			[]string{`a quote (") opened here is never closed: add the closing " at the end of the text`}, nil},
		{"unclosed single quote in an action", 25, "matters'", "matters", "25:13",
			[]string{`a quote (') opened here is never closed: add the closing ' at the end of the text`, "''"}, nil},
		{"unclosed double quote in an action", 37, "action: Run", `action: "Run`, "37:13",
			[]string{`a quote (") opened here is never closed`}, nil},
		{"no space after a colon", 36, "rating: amber", "rating:amber", "36:12",
			[]string{`put a space after the ":"`, "rating: amber"}, []string{"quotes"}},
		{"no space after a top-level colon", 9, "organisation: Acme", "organisation:Acme", "9:14",
			[]string{`put a space after the ":"`}, nil},
		{"list item less deep", 15, "  - Björn", " - Björn", "15:2",
			[]string{"this line is indented 1 space, but the lines beside it (lines 14 and 16) use 2: line them up"}, nil},
		{"list item at the margin", 15, "  - Björn", "- Björn", "15:1",
			[]string{"this line is indented 0 spaces, but the lines beside it (lines 14 and 16) use 2: line them up"}, nil},
		{"last list item less deep", 17, "  - 'yes'", " - 'yes'", "17:2",
			[]string{"this list item is indented 1 space, but the one above it (line 16) uses 2: line them up"}, nil},
		{"a list in brackets never closed", 13, "participants:", "participants: [Ana, Björn", "13:15",
			[]string{"this [ is never closed: add the closing ]"}, nil},
		{"list item with no space", 15, "  - Björn", "  -Björn", "15:3",
			[]string{`put a space after the "-"`}, nil},
		{"a tab after a list item's dash", 15, "  - Björn", "  -\tBjörn", "15:4",
			[]string{`a tab follows the "-" of this list item: put a space there instead`}, []string{`put a space after the "-"`}},
		{"a non-breaking space after a colon", 36, "rating: amber", "rating:\u00a0amber", "36:12",
			[]string{`a non-breaking space follows the ":" (a word processor or a web page may have put it in): type an ordinary space there instead`}, []string{`put a space after`}},
		{"a non-breaking space after a list item's dash", 15, "  - Björn", "  -\u00a0Björn", "15:4",
			[]string{`a non-breaking space follows the "-" of this list item`}, []string{`put a space after`}},
		{"a non-breaking space in the indentation", 36, "    rating", "\u00a0   rating", "36:1",
			[]string{"a non-breaking space indents this line (a word processor or a web page may have put it in): indent with ordinary spaces"}, []string{"remove it"}},
		{"stray character at the start", 36, "    rating", "x    rating", "36:1",
			[]string{`this line starts with "x" before its indentation: remove it`}, nil},
		{"smart quotes from a word processor", 37, "action: Run a manager workshop on talking about background 🚀", "action: “Run a workshop: on talking”", "37:13",
			[]string{"“ and ” are not quotes to YAML", "straight quotes"}, nil},
		{"text starting with @", 37, "action: Run", "action: @Ana run", "37:13",
			[]string{`text starting with "@" needs quotes`}, []string{"tab"}},
		{"text starting with a dash", 37, "action: Run", "action: - Run", "37:13",
			[]string{`text starting with "- " needs quotes`}, nil},
		{"text starting with a bracket", 37, "action: Run", "action: [draft] Run", "37:13",
			[]string{`text starting with "[" needs quotes`}, nil},
		{"text after the closing quote", 37, "action: Run a manager workshop on talking about background 🚀", `action: "Run" the workshop`, "37:19",
			[]string{"text after the closing quote: put all of the text inside the quotes"}, nil},
		{"text broken over two lines", 37, " on talking about background 🚀", "\n    on talking about background", "38:5",
			[]string{`this line has no key: if it goes on from the text on line 37, indent it further than "action", or join the two lines`}, []string{"quotes"}},
		{"text broken over two lines at the margin", 37, " on talking about background 🚀", "\non talking about background", "38:1",
			[]string{`this line has no key: if it goes on from the text on line 37, indent it further than "action", or join the two lines`}, nil},
		{"a list item without its dash", 14, "  - Ana", "  - Ana\n  Zoë", "15:3",
			[]string{`this line has no key and no "- ": put "- " in front of it to make it a list item like line 14`}, nil},
		{"a word on a line of its own after a block", 28, "    status: todo", "    status: todo\n    and", "29:5",
			[]string{"this line has no key"}, []string{"quotes", "indented"}},
		{"a comma where the colon was", 7, "  id: smc-progression", "  id, smc-progression", "7:3",
			[]string{"this line is not a key and its value, as line 8 is: write it as one (key: value)"}, []string{"quotes", "indented"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := Parse(handEdit(t, tc.line, tc.old, tc.new))
			if len(ps) != 1 {
				t.Fatalf("got %d problems %v, want 1", len(ps), ps)
			}
			got := ps[0].String()
			if !strings.HasPrefix(got, tc.wantAt+": ") {
				t.Errorf("got  %s\nwant it at %s", got, tc.wantAt)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("got  %s\nwant %s", got, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("got  %s\nwant no %q in it", got, w)
				}
			}
			// Plain words first: the reader's jargon, if any, only after.
			for _, jargon := range []string{"not valid YAML", "mapping values", "did not find", "could not find", "end of stream", "cannot start any token"} {
				if i := strings.Index(ps[0].Message, jargon); i >= 0 && i < 20 {
					t.Errorf("the message starts with the YAML reader's words: %s", ps[0].Message)
				}
			}
		})
	}
}

// TestSyntaxWordsQuoteLittleOfAHugeLine: a message quotes at most a short
// excerpt of the line, and finds its words quickly, on a file of the
// largest size accepted whose broken line is most of it.
func TestSyntaxWordsQuoteLittleOfAHugeLine(t *testing.T) {
	long := strings.Repeat("x", MaxFileSize-4096)
	for _, edit := range []string{"x    rating: " + long, "    rating: @" + long, "    rating: \"" + long} {
		data := handEdit(t, 36, "    rating: amber", edit)
		start := time.Now()
		_, ps := Parse(data)
		if len(ps) != 1 {
			t.Fatalf("got %v", ps)
		}
		if len(ps[0].Message) > 300 {
			t.Errorf("a message of %d bytes: %.200s…", len(ps[0].Message), ps[0].Message)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
	}
}

// BenchmarkSyntaxWords is the cost of the plain words alone, on the
// largest file accepted with its mistake on its last lines: they look at
// every line above it once (the walk for an unclosed quote), so the cost
// grows with the file, not with its square.
func BenchmarkSyntaxWords(b *testing.B) {
	data, line := brokenPlan(MaxFileSize, false)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if p := explain(data, line, "did not find expected key"); p.Line != line {
			b.Fatalf("got %v, want line %d", p, line)
		}
	}
}

// A quote never closed, in a custom checklist: the reader takes an
// apostrophe lines below as its end and gives up a few lines after that.
func TestUnclosedQuoteClosedByAnApostropheBelow(t *testing.T) {
	for _, version := range []string{"'1'", `"1"`} {
		data := []byte("id: custom\ntitle: 'Our checklist\nversion: " + version + "\nareas:\n  - id: a\n    title: A\n    items:\n      - id: a-1\n        title: Do the managers' training\n        prompts:\n          - First\n          - Second\n      - id: a-2\n        title: Two\n")
		_, ps := Parse(data)
		if len(ps) != 1 || ps[0].Line != 2 || ps[0].Column != 8 || !strings.Contains(ps[0].Message, "a quote (') opened here is never closed") {
			t.Errorf("version %s: got %v, want 2:8: a quote (') opened here is never closed", version, ps)
		}
	}
}
