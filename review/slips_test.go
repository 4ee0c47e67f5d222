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
	if w := clean.OpenWarnings(); w != "" {
		t.Errorf("a clean plan opens with a warning: %q", w)
	}
	clean.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "    owner:\n", "    owner: #1 team\n", 1)
	if edited == string(data) {
		t.Fatal("the plan has no owner to edit")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	slipped, err := review.Open(path, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	defer slipped.Close()
	w := slipped.OpenWarnings()
	line := 1 + strings.Count(edited[:strings.Index(edited, "owner: #1 team")], "\n")
	for _, want := range []string{
		"Line " + strconv.Itoa(line) + ", edited by hand, will be saved as ladder shows it: owner is empty, and \"#1 team\" after it is a comment",
		"Put it right here, or quit and edit the file first.",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("the warning lacks %q: %q", want, w)
		}
	}
}
