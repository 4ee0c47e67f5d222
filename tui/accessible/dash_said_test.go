package accessible

import (
	"regexp"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestTheClearingDashIsSaidInWords: the prompts said "Type - to clear
// it." and "; - to clear the rating", but a screen reader at its usual
// punctuation level does not speak a lone hyphen: the listener heard
// "Type to clear it." and "Enter keeps: Amber; to clear the rating",
// with nothing to type. The dash is named in words, the sign beside it
// for a braille display, wherever the prompts say what it does.
func TestTheClearingDashIsSaidInWords(t *testing.T) {
	path := newPlanFile(t, func(p *plans.Plan) {
		r := p.Response("lc-vision")
		r.Rating, r.Action, r.Owner = "amber", "Write the vision", "Ana"
		r.Due = plans.Date{Year: 2027, Month: 3, Day: 31}
	})
	answers := []string{
		"item 1", // from item 2, where the review resumes
		"help",   // at the rating: how to answer, in full
		"",       // rating kept
		"", "", "", "", "",
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Enter keeps: Amber; type a dash (-) to clear the rating.",
		"Enter keeps: Write the vision. Type a dash (-) to clear it.\nAction: ",
		"Enter keeps: Ana. Type a dash (-) to clear it.\nOwner: ",
		"Enter keeps: Wednesday 31 March 2027. Type a dash (-) to clear it.\nDue date: ",
		"Enter keeps what is there (or skips); a dash (-) clears it.",
	)
	// No line says a bare "-" as a word to type (a question's bullet,
	// at a line's start, is not read as one).
	bare := regexp.MustCompile(`\S.*(^|\s)-(\s|$)`)
	for _, line := range strings.Split(out, "\n") {
		if bare.MatchString(line) {
			t.Errorf("a bare dash, unspoken by a screen reader: %q", line)
		}
		// Nor a lone question mark, which a screen reader at that
		// level does not speak either: "Type ? to hear the
		// descriptions again." was heard "Type to hear ...".
		if strings.Contains(line, " ? ") {
			t.Errorf("a bare question mark, unspoken by a screen reader: %q", line)
		}
	}
}
