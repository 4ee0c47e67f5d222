package plans

import (
	"os"
	"strings"
	"testing"
)

// A "#" after a space in a block of text (notes written over lines) is
// text: the comment reader finds no comment in golden.yaml's "third # not
// a comment", nor in notes written so. Such a plan goes through the
// comment reader, which is exact: a fast path that took these lines for
// text without reading them (d61a756) lost a person's comment on save
// three ways in a day (BENCHMARKS.md, "The comment reader and a # in a
// block of text").
func TestHashInBlockOfTextIsNoComment(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := commentsBase()
	p.Response("lc-vision").Notes = "First line\n  indented # deeper\nthird # not a comment\n\nafter a blank # line\n"
	p.Response("lc-leadership").Notes = "one # line, no end of line"
	for name, data := range map[string][]byte{"golden.yaml": golden, "notes": Encode(p)} {
		if !strings.Contains(string(data), " # not a comment") {
			t.Fatalf("%s: no block of text with a # in it", name)
		}
		q, err := Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := readComments(data, q.Checklist); got != nil {
			t.Fatalf("%s: the comment reader finds comments: %v", name, got.list)
		}
	}
}

// The fast path never misses a comment the comment reader would keep: a
// comment is put at the end of each line in turn of a plan with blocks of
// text, and after lines written to look like a block's key; wherever the
// plan still loads and the reader finds a comment, so does the fast path.
func TestFastPathSeesEveryCommentNearBlocksOfText(t *testing.T) {
	p := commentsBase()
	p.Response("lc-vision").Notes = "First line\n  indented # deeper\nthird # not a comment\n"
	p.Response("lc-leadership").Notes = "notes: |\n  - |\nlast"
	base := string(Encode(p))
	tricks := []string{
		// a quoted value over lines, one of them like a block's key
		"    action: \"Write the vision\n      notes: |\n        more\" # a comment\n",
		"    action: 'Write the vision\n      notes: |\n        more' # a comment\n",
		// a plain value on the line below its key, below a comment line
		// that ends like a block's key
		"    action:\n      # to do: |\n        Write the vision # a comment\n",
		// a plain value over lines, one of them like a list entry that
		// is a block of text: "Write the - | vision", and a comment
		"    action: Write the\n      - |\n        vision # a comment\n",
		// a comment right after a value's closing quote, which YAML
		// readers take for one
		"    action: 'Write the vision'# a comment\n",
		// a block with an indentation digit, a comment after its "|"
		"    notes: |2\n        First # text\n",
		"    notes: | # a comment\n      First # text\n",
	}
	var plans []string
	for _, trick := range tricks {
		plans = append(plans, strings.Replace(base, "    action: Write the vision\n", trick, 1))
	}
	// a quoted value over lines, one of them like a block's key, that
	// closes on a line of its own ("Write the notes: | vision"): the
	// comment after the next key is below "notes: |" and as indented as
	// the block's first line, but the block was never one
	closedAbove := strings.Replace(base, "    action: Write the vision\n    owner: Ana\n",
		"    action: \"Write the\n  notes: |\n    vision\"\n    owner: Ana # a comment\n", 1)
	if closedAbove == base {
		t.Fatal("no action and owner lines to write a quoted value over")
	}
	plans = append(plans, closedAbove)
	lines := strings.SplitAfter(base, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		edited := append([]string(nil), lines...)
		edited[i] = strings.TrimRight(l, "\n") + " # a comment\n"
		plans = append(plans, strings.Join(edited, ""))
	}
	loaded, seen := 0, 0
	for _, data := range plans {
		q, err := Parse("plan.yaml", []byte(data), nil)
		if err != nil {
			continue
		}
		loaded++
		if readComments([]byte(data), q.Checklist) == nil {
			continue
		}
		seen++
		if !hasForeignComment([]byte(data), q.Checklist) {
			t.Errorf("the fast path misses a comment the reader keeps:\n%s", data)
		}
	}
	if loaded < len(lines)/2 || seen < loaded/2 {
		t.Fatalf("%d of %d edited plans load, %d with comments: the test no longer tests", loaded, len(plans), seen)
	}
}
