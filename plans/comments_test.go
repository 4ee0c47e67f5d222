package plans

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// commentsBase is a plan with a little of everything a comment can sit
// against: a list of text, a block of text with a # in it, a value set
// only when it is (revisit), and steps.
func commentsBase() *Plan {
	p := blankPlan()
	p.Participants = []string{"Ana", "Björn", "yes"}
	r := p.Response("lc-vision")
	r.Rating, r.Action, r.Owner, r.Due = "red", "Write the vision", "Ana", Date{2027, 4, 30}
	r.Notes = "First line\nsecond # not a comment\n"
	l := p.Response("lc-leadership")
	l.Rating, l.Revisit, l.Action = "amber", true, "Brief the board"
	p.AddActionSteps()
	return p
}

// Comments at the end of a line, or below the last key of a block, are
// kept where they were written ; one whose key is no longer
// written is kept above the key that came after it. Each case edits the
// plan ladder wrote as a person would, loads it, maybe changes it, and
// saves it.
func TestCommentsStayWhereTheyWereWritten(t *testing.T) {
	base := commentsBase()
	canonical := string(Encode(base))
	steps := base.Answer(base.ProjectPlanID()).Steps
	first, second := steps[0].ID, steps[1].ID
	stepLine := func(id int) string { return fmt.Sprintf("      - id: %d\n", id) }
	tests := []struct {
		name     string
		edits    []string // old, new, ...
		change   func(p *Plan)
		same     bool     // saved untouched, the file is byte for byte as edited
		want     []string // in the saved file
		comments []string // each once in the saved file
		gone     []string // not in the saved file
	}{{
		name:     "at the end of a value's line, with its spaces",
		edits:    []string{"    rating: red\n", "    rating: red  # Sam disagrees, revisit in May\n", "    owner: Ana\n", "    owner: Ana # one space\n", "    status: todo\n    notes: |", "    status: todo\t# a tab\n    notes: |"},
		same:     true,
		comments: []string{"# Sam disagrees, revisit in May", "# one space", "# a tab"},
	}, {
		name:     "kept when the value changes",
		edits:    []string{"    rating: red\n", "    rating: red  # Sam disagrees\n"},
		change:   func(p *Plan) { p.Response("lc-vision").Rating = "amber" },
		want:     []string{"    rating: amber  # Sam disagrees\n"},
		comments: []string{"# Sam disagrees"},
	}, {
		name: "a # in quotes or a block of text is text; after a block's header it is a comment",
		edits: []string{"title: Title\n", "title: 'Call #3 # not a comment'  # a comment\n",
			"    notes: |\n", "    notes: |  # on the header\n"},
		same:     true,
		comments: []string{"  # a comment", "# on the header"},
	}, {
		name:     "on an item's key, an empty value and the list's key",
		edits:    []string{"  lc-vision:\n", "  lc-vision:  # our first\n", "    owner:\n    due:\n    status: todo\n    notes:\n\n  # Educate", "    owner: # nobody yet\n    due:\n    status: todo\n    notes:\n\n  # Educate", "participants:\n", "participants:  # as of March\n"},
		same:     true,
		comments: []string{"# our first", "# nobody yet", "# as of March"},
	}, {
		name:     "on an entry of a list and on a step",
		edits:    []string{"  - Björn\n", "  - Björn  # new starter\n", "  - 'yes'\n", "  - 'yes' # really\n", stepLine(first), strings.TrimSuffix(stepLine(first), "\n") + "  # the first thing we do\n"},
		same:     true,
		comments: []string{"# new starter", "# really", "# the first thing we do"},
	}, {
		// Two people of one name each keep their own comment; both
		// went to the first, "- Björn  # from sales  # from HR".
		name:     "on entries of a list with the same text",
		edits:    []string{"  - Björn\n", "  - Björn  # from sales\n  - Björn  # from HR\n  - Björn\n  - Björn  # from IT\n"},
		same:     true,
		comments: []string{"# from sales", "# from HR", "# from IT"},
	}, {
		name:     "below the last key of an item, a list, a step and the file",
		edits:    []string{"      second # not a comment\n", "      second # not a comment\n    # below the notes\n", "  - 'yes'\n", "  - 'yes'\n  # below the list\n", "        from: lc-leadership\n    due:\n", "        from: lc-leadership\n        # below the last step\n      # below the steps\n    due:\n"},
		change:   func(p *Plan) {},
		same:     true,
		comments: []string{"# below the notes", "# below the list", "# below the last step", "# below the steps"},
	}, {
		name:     "at the end of the file",
		edits:    []string{"        from: lc-leadership\n    due:\n", "        from: lc-leadership\n    due:\n      # below the last due\n\n  # below the last question\n# the end of the file\n  # and one indented\n"},
		want:     []string{"        from: lc-leadership\n    due:\n      # below the last due\n  # below the last question\n# the end of the file\n# and one indented\n"},
		comments: []string{"# below the last due", "# below the last question", "# the end of the file", "# and one indented"},
	}, {
		name:     "a value over two lines, its comment on the second",
		edits:    []string{"    action: Write the vision\n", "    action: Write the\n      vision  # by May\n", "    action: Brief the board\n", "    action: \"Brief the\n      board\"  # quoted\n"},
		want:     []string{"    action: Write the vision  # by May\n", "    action: Brief the board  # quoted\n"},
		comments: []string{"# by May", "# quoted"},
	}, {
		name:     "ladder's own comments are written once",
		edits:    []string{"    notes:\n\n  # Educate", "    notes:\n  # Strong leadership and management driving your D&I strategy\n\n  # Educate"},
		want:     []string{"  # Strong leadership and management driving your D&I strategy\n  lc-leadership:\n"},
		comments: []string{"# Strong leadership and management driving your D&I strategy"},
	}, {
		name: "words added after ladder's own comment lines are kept",
		edits: []string{"  # == Workforce ==\n", "  # == Workforce == (Tom leads this area)\n",
			"        # follows the action of: Strong leadership and management driving your D&I strategy\n",
			"        # follows the action of: Strong leadership and management driving your D&I strategy (check with Sam)\n"},
		want:     []string{"  # == Workforce ==\n", "        # follows the action of: Strong leadership and management driving your D&I strategy\n"},
		comments: []string{"(Tom leads this area)", "(check with Sam)"},
	}, {
		name:  "ladder's own lines of an older checklist are not kept",
		edits: []string{"  # == Workforce ==\n", "  # == The workforce ==\n", "        # follows the action of: Strong leadership", "        # came from the action of: Leadership"},
		want:  []string{"  # == Workforce ==\n"},
		gone:  []string{"The workforce", "# came from the action of: Leadership"},
	}, {
		name:     "a cleared value's comment goes above the next key",
		edits:    []string{"    revisit: true\n", "    # parked by Ana\n    revisit: true  # until May\n"},
		change:   func(p *Plan) { p.Response("lc-leadership").Revisit = false },
		want:     []string{"    rating: amber\n    # parked by Ana\n    # until May\n    action: Brief the board\n"},
		comments: []string{"# parked by Ana", "# until May"},
	}, {
		name: "a deleted step's comments go above the next key",
		edits: []string{stepLine(second), "      # ask the board first\n" + strings.TrimSuffix(stepLine(second), "\n") + "  # the board\n",
			"        from: lc-leadership\n", "        from: lc-leadership  # from the item\n        # below it\n"},
		change: func(p *Plan) {
			a := p.Answer(p.ProjectPlanID())
			a.Steps = a.Steps[:1]
		},
		want:     []string{"        from: lc-vision\n    # ask the board first\n    # the board\n    # from the item\n    # below it\n    due:\n"},
		comments: []string{"# ask the board first", "# the board", "# from the item", "# below it"},
	}, {
		name:  "an item gone from the checklist: its comments go above the next item",
		edits: []string{"  lc-leadership:\n", "  # raise with the board\n  lc-leadership:  # the big one\n", "    notes:\n\n  # Educate", "    notes:\n    # below it\n\n  # Educate"},
		change: func(p *Plan) {
			src, _ := checklist.BuiltinSource(checklist.DefaultID)
			s := string(src)
			from, to := strings.Index(s, "      - id: lc-leadership\n"), strings.Index(s, "      - id: lc-educate-leaders\n")
			c, err := checklist.Parse("without.yaml", []byte(s[:from]+s[to:]))
			if err != nil || from < 0 || to < from {
				panic(fmt.Sprint("the checklist without the item: ", err))
			}
			p.Checklist = c
			a := p.Answer(p.ProjectPlanID())
			a.Steps = a.Steps[:1] // the other came from the item
		},
		want:     []string{"  # Educate senior leaders to get buy-in\n  # raise with the board\n  # the big one\n  # below it\n  lc-educate-leaders:\n"},
		comments: []string{"# raise with the board", "# the big one", "# below it"},
		gone:     []string{"# Strong leadership and management driving your D&I strategy"},
	}, {
		name:     "a removed entry's comment goes above the next",
		edits:    []string{"  - Björn\n", "  - Björn  # new starter\n"},
		change:   func(p *Plan) { p.Participants = []string{"Ana", "yes"} },
		want:     []string{"  - Ana\n  # new starter\n  - 'yes'\n"},
		comments: []string{"# new starter"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := canonical
			for i := 0; i+1 < len(tt.edits); i += 2 {
				if !strings.Contains(edited, tt.edits[i]) {
					t.Fatalf("the plan has no %q", tt.edits[i])
				}
				edited = strings.Replace(edited, tt.edits[i], tt.edits[i+1], 1)
			}
			p, err := Parse("plan.yaml", []byte(edited), nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.change != nil {
				tt.change(p)
			}
			out := string(Encode(p))
			if tt.same && out != edited {
				t.Errorf("saved untouched, the plan changed:\n%s", firstDifference(edited, out))
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("the saved plan lacks %q:\n%s", w, out)
				}
			}
			for _, c := range tt.comments {
				if n := strings.Count(out, c); n != 1 {
					t.Errorf("%q is in the saved plan %d times:\n%s", c, n, out)
				}
			}
			for _, c := range tt.gone {
				if strings.Contains(out, c) {
					t.Errorf("the saved plan still has %q:\n%s", c, out)
				}
			}
			again, err := Parse("plan.yaml", []byte(out), WithChecklist(p.Checklist))
			if err != nil {
				t.Fatalf("the saved plan does not load: %v\n%s", err, out)
			}
			if twice := string(Encode(again)); twice != out {
				t.Errorf("a second save changed the plan:\n%s", firstDifference(out, twice))
			}
		})
	}
}

// firstDifference shows the first line where two files differ.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: %q, then %q", i+1, x, y)
		}
	}
	return "no difference"
}

// A plan laid out by hand (flow style, keys out of order, a list at its
// key's indent) keeps every comment too, and the first save is the last
// to move one.
func TestCommentsInAPlanLaidOutByHand(t *testing.T) {
	const plan = `# top of the file
title: "Spring review: progression"  # the working title
date: "2027-01-15"
organisation: Acme Café Ltd
checklist: {version: "1", id: smc-progression}  # in flow
schema: 1
participants:
- Ana   # at the key's indent
- "Björn" # quoted
  # below Björn
facilitator: 'Zoë # not a comment' # a comment
items:
  lc-culture: {rating: unrated, notes: "x # y"}  # flow item
  lc-leadership:
    status: doing
    due: '2027-02-28'
    # my own comment
    action: "Run a manager
      workshop" # after two lines
    rating: amber
      # deeper than the next key
    notes: >-  # folded
      one # two
# after the last item, at the margin
follow_ups:
  decision-makers: {answer: "y # z", due: }
  quick-wins:
    answers: [a,  # inside a flow list
      # a line of its own in it
      b]
# the end
`
	for _, tt := range []struct{ name, plan string }{{"as written", plan}, {"with carriage returns", strings.ReplaceAll(plan, "\n", "\r\n")}} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("plan.yaml", []byte(tt.plan), nil)
			if err != nil {
				t.Fatal(err)
			}
			out := string(Encode(p))
			for _, c := range []string{"# top of the file", "# the working title", "# in flow", "# at the key's indent", "# quoted", "# below Björn",
				"# a comment", "# flow item", "# my own comment", "# after two lines", "# deeper than the next key", "# folded",
				"# after the last item, at the margin", "# inside a flow list", "# a line of its own in it", "# the end"} {
				if n := strings.Count(out, c); n != 1 {
					t.Errorf("%q is in the saved plan %d times:\n%s", c, n, out)
				}
			}
			for _, text := range []string{"'Zoë # not a comment'", "one # two", "x # y", "y # z"} {
				if !strings.Contains(out, text) {
					t.Errorf("the saved plan lacks the text %q:\n%s", text, out)
				}
			}
			again, err := Parse("plan.yaml", []byte(out), nil)
			if err != nil {
				t.Fatalf("the saved plan does not load: %v\n%s", err, out)
			}
			if twice := string(Encode(again)); twice != out {
				t.Errorf("a second save changed the plan:\n%s", firstDifference(out, twice))
			}
		})
	}
}

// The fast path holds for a plan whose project plan has a step from
// every item, following its action or not: the line above a step names
// the item by its title, without the group ("Data: ") its own comment
// line has, and a folder of such plans took ladder status twice as long
// once that line sent each to the comment reader.
func TestStepLinesOfGroupedItemsAreLadders(t *testing.T) {
	p := blankPlan()
	for i, e := range p.Checklist.Items() {
		r := p.Response(e.Item.ID)
		r.Rating, r.Action = "red", fmt.Sprintf("Action %d", i)
	}
	p.AddActionSteps()
	if it, _, ok := p.Checklist.Item("en-data-collect"); !ok || it.Group == "" {
		t.Fatal("the checklist's grouped item is gone: choose another")
	}
	steps := p.FollowUps[p.ProjectPlanID()].Steps
	steps[0].Text = "Edited, so it no longer follows its item"
	data := Encode(p)
	if !strings.Contains(string(data), "# came from the action of: ") || !strings.Contains(string(data), "# follows the action of: ") {
		t.Fatalf("the plan has not both kinds of step line:\n%s", data)
	}
	if hasForeignComment(data, p.Checklist) {
		t.Errorf("a plan as ladder writes it, with steps from grouped items, is read for comments")
	}
}

// The fast path: a plan as ladder writes it, even with a "#" in its
// words, is not read for comments; one with a comment at a line's end is.
func TestHasForeignCommentLooksOnlyAtComments(t *testing.T) {
	p := commentsBase()
	p.Response("lc-culture").Action = "Call Ana #3 # today"
	p.Participants = append(p.Participants, "#1 fan", "a # b")
	p.Response("lc-culture").Notes = "" // no block of text with a "#"
	p.Response("lc-vision").Notes = ""
	data := Encode(p)
	if !strings.Contains(string(data), " #") {
		t.Fatal("the plan has no \" #\" to look past")
	}
	if hasForeignComment(data, p.Checklist) {
		t.Errorf("a plan as ladder writes it is read for comments:\n%s", data)
	}
	for _, edit := range []string{"    rating: red  # Sam\n", "    rating: red\n    # Sam\n", "    rating: red\t# Sam\n"} {
		if !hasForeignComment([]byte(strings.Replace(string(data), "    rating: red\n", edit, 1)), p.Checklist) {
			t.Errorf("%q is not seen as a comment", edit)
		}
	}
}

// A list written over many lines in brackets, a comment after each entry,
// puts every comment at the end of the list's one line when the plan is
// written: a save costs memory in proportion to the file, not to the
// square of the comments (Encode built that line by adding each comment
// to the whole line so far, some 9 GB for a 480 KB plan). Counted in
// bytes allocated, never timed.
func TestManyCommentsAtTheEndOfOneLineCostLittle(t *testing.T) {
	const n = 20000
	canonical := string(Encode(blankPlan()))
	list := "participants: [A, #c\n" + strings.Repeat("  B, #c\n", n) + "  Z]\n"
	data := strings.Replace(canonical, "participants: []\n", list, 1)
	if data == canonical {
		t.Fatal("no participants line in the plan")
	}
	p, err := Parse("plan.yaml", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out := Encode(p)
	runtime.ReadMemStats(&after)
	if got := strings.Count(string(out), " #c"); got != n+1 {
		t.Fatalf("the plan written keeps %d of the %d comments", got, n+1)
	}
	if bound, allocated := 64*uint64(len(data)), after.TotalAlloc-before.TotalAlloc; allocated > bound {
		t.Errorf("writing a %d-byte plan allocated %d bytes, want under %d", len(data), allocated, bound)
	}
}
