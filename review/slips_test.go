package review_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/review"
)

// A plan edited by hand with a slip ladder check warns about ("owner: #1
// team" leaves the owner empty, the rest a comment) is opened with a
// warning saying so, before any save makes the empty owner the plan's
// words; a plan without one opens without a word.
func TestOpeningAPlanWithASlipWarnsOfIt(t *testing.T) {
	s := newSession(t)
	path := s.Path()
	s.Close()
	clean, err := review.Open(path, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	if w := clean.OpenWarnings(); len(w) > 0 {
		t.Errorf("a clean plan opens with a warning: %q", w)
	}
	clean.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	slipped, edited := openEdited(t, path, data, "    owner:\n", "    owner: #1 team\n")
	w := strings.Join(slipped.OpenWarnings(), " ")
	line := 1 + strings.Count(edited[:strings.Index(edited, "owner: #1 team")], "\n")
	for _, want := range []string{
		"Item 1 (line " + strconv.Itoa(line) + "), edited by hand: owner is empty, and \"#1 team\" after it is a comment",
		"A save keeps what ladder shows: fix it here, or quit and edit the file first.",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("the warning lacks %q: %q", want, w)
		}
	}
}

// The warning names the part of the review a slip is in, the item or
// the next-steps question, as well as its line: someone at the prompts
// with a screen reader (or at the screens) can go to it to put it right
// without opening the file to count lines.
func TestASlipIsNamedByItsItemOrQuestion(t *testing.T) {
	s := newSession(t)
	path := s.Path()
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"the third item", "  lc-educate-leaders:\n    rating: unrated\n    action:\n", "  lc-educate-leaders:\n    rating: unrated\n    action: #3 priority\n", "Item 3 (line "},
		{"a next-steps question", "  decision-makers:\n    answer:\n", "  decision-makers:\n    answer: #ceo\n", "Next-steps question 4 (line "},
		{"the organisation", "organisation: Acme Café Ltd\n", "organisation: Acme #1 Café\n", "Line 9, edited by hand"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			slipped, _ := openEdited(t, path, data, tc.old, tc.new)
			if w := strings.Join(slipped.OpenWarnings(), " "); !strings.Contains(w, tc.want) {
				t.Errorf("the warning lacks %q: %q", tc.want, w)
			}
		})
	}
}

// openEdited writes the plan data with old replaced by new to path, as a
// hand edit would, and opens it; the session closes as the test ends.
func openEdited(t *testing.T, path string, data []byte, old, new string) (*review.Session, string) {
	t.Helper()
	edited := strings.Replace(string(data), old, new, 1)
	if edited == string(data) {
		t.Fatalf("the plan has no %q", old)
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := review.Open(path, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, edited
}
