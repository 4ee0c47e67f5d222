package workforce

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/seeds"
)

// TestKeyQuestionWordForWord checks the key question, the answers, their
// details, the group headings and the small-employer advice against the
// guide.
func TestKeyQuestionWordForWord(t *testing.T) {
	guide := seeds.Text(seeds.Read(t, "building-blocks-employers-guide.txt"))
	check := func(what, s string) {
		t.Helper()
		if !seeds.WordForWord(guide, s) {
			t.Errorf("%s not word for word in the guide: %q", what, s)
		}
	}
	check("key question", KeyQuestion)
	check("small-employer advice", SmallEmployerAdvice)
	check("the anonymity threshold", "not going below the anonymity threshold of 10")
	for _, c := range Categories {
		// The answer and the rest of its line, as one bullet of the guide.
		line := c.Answer
		if c.Detail != "" {
			line += " " + c.Detail
		}
		check("answer "+c.Key, line)
		for _, e := range c.Examples {
			if !strings.Contains(c.Detail, e) && !derivedExample[e] {
				t.Errorf("example %q of %s is not in its line of the guide", e, c.Key)
			}
		}
	}
	lower := strings.ToLower(guide)
	for _, g := range Groups {
		if !strings.Contains(lower, strings.ToLower(g.Heading())) {
			t.Errorf("group heading %q is not in the guide (it is set in capitals there)", g.Heading())
		}
	}
	check("group names", "three socio-economic background groups (working class, intermediate and professional)")
}

// derivedExample lists the examples spelt out from the guide's own
// shorthand: "civil/mechanical engineer", "waiter/waitress".
var derivedExample = map[string]bool{"civil engineer": true, "mechanical engineer": true, "waiter": true, "waitress": true}

func TestCategoriesCoverTheGroups(t *testing.T) {
	per := map[Group]int{}
	for _, c := range Categories {
		per[c.Group]++
	}
	want := map[Group]int{Professional: 2, Intermediate: 2, WorkingClass: 3, Other: 1, PreferNotToSay: 1}
	for g, n := range want {
		if per[g] != n {
			t.Errorf("%s has %d answers, want %d", g.Name(), per[g], n)
		}
	}
	for _, g := range Groups {
		if got, ok := GroupByKey(g.Key()); !ok || got != g {
			t.Errorf("GroupByKey(%q) = %v, %v", g.Key(), got, ok)
		}
	}
	if WorkingClass.IsReported() != true || Other.IsReported() || PreferNotToSay.IsReported() {
		t.Error("only the three groups are reported")
	}
}
