package plans_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// FuzzCommentsAreKept: for a plan ladder writes, with comments written at
// random lines as a person would (on lines of their own at any depth, and
// at the end of keys' lines), a load and a save keep every comment's
// text exactly once, change nothing the plan says, and a second load and
// save changes nothing.
func FuzzCommentsAreKept(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, uint8(seed*7))
	}
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	f.Fuzz(func(t *testing.T, seed uint64, count uint8) {
		r := rand.New(rand.NewPCG(seed, uint64(count)))
		p := checklisttest.FilledPlan(builtin, seed)
		if seed%3 == 0 {
			p = plans.New(builtin, "Org", "Title", checklisttest.ReviewDate)
		}
		lines := strings.Split(strings.TrimSuffix(string(plans.Encode(p)), "\n"), "\n")
		text, keyIndent := textLines(lines)
		words := []string{"Sam disagrees", "revisit in May", "#3: see 'the minutes'", "a: b", "- not a list", "|", "\"quoted\"", "Zoë → Ana", "#hr-team"}
		var comments []string
		below := map[int][]string{} // comment lines to write after line i (-1: before the first)
		for n := range int(count%12) + 1 {
			c := fmt.Sprintf("# c%d %s", n, words[r.IntN(len(words))])
			comments = append(comments, c)
			i := r.IntN(len(lines)+1) - 1
			if l := lines[max(i, 0)]; r.IntN(2) == 0 && i >= 0 && !text[i] && !strings.HasPrefix(strings.TrimSpace(l), "#") && strings.TrimSpace(l) != "" {
				lines[i] += strings.Repeat(" ", 1+r.IntN(3)) + c // at the end of a key's line
				continue
			}
			if i+1 < len(lines) && text[i+1] {
				continue // inside a block of text, a comment line is text
			}
			deepest := 10
			if i >= 0 && text[i] {
				deepest = keyIndent[i] // below a block of text: no deeper than its key
			}
			below[i] = append(below[i], strings.Repeat(" ", 2*r.IntN(deepest/2+1))+c)
		}
		var b strings.Builder
		for _, c := range below[-1] {
			b.WriteString(c + "\n")
		}
		for i, l := range lines {
			b.WriteString(l + "\n")
			for _, c := range below[i] {
				b.WriteString(c + "\n")
			}
		}
		edited := b.String()
		loaded, err := plans.Parse("plan.yaml", []byte(edited), nil)
		if err != nil {
			t.Fatalf("the plan with comments does not load: %v\n%s", err, edited)
		}
		want, err := plans.Parse("plan.yaml", plans.Encode(p), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(loaded.Items, want.Items) || !reflect.DeepEqual(loaded.FollowUps, want.FollowUps) || !reflect.DeepEqual(loaded.Participants, want.Participants) {
			t.Fatalf("a comment changed what the plan says:\n%s", edited)
		}
		out := plans.Encode(loaded)
		for _, c := range comments {
			if strings.Contains(edited, c) && strings.Count(string(out), c) != 1 {
				t.Errorf("%q is in the saved plan %d times:\n%s", c, strings.Count(string(out), c), out)
			}
		}
		again, err := plans.Parse("plan.yaml", out, nil)
		if err != nil {
			t.Fatalf("the saved plan does not load: %v\n%s", err, out)
		}
		if twice := plans.Encode(again); string(twice) != string(out) {
			t.Fatalf("a second save changed the plan:\n%s", testtool.FirstDifference(out, twice))
		}
	})
}

// textLines marks the lines of blocks of text (and their headers' keys'
// indents) in a plan ladder wrote.
func textLines(lines []string) (text []bool, keyIndent []int) {
	text, keyIndent = make([]bool, len(lines)), make([]int, len(lines))
	block := -1
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		indent := len(l) - len(t)
		if block >= 0 && (t == "" || indent > block) {
			text[i], keyIndent[i] = true, block
			continue
		}
		block = -1
		if _, v, ok := strings.Cut(t, ": "); ok && (strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">")) {
			block = indent
		}
	}
	return text, keyIndent
}
