package plans_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// An edit changes a plan the way one person on one branch would.
type edit func(p *plans.Plan)

func edits(es ...edit) edit {
	return func(p *plans.Plan) {
		for _, e := range es {
			e(p)
		}
	}
}

func rate(id, rating string) edit {
	return func(p *plans.Plan) { p.Response(id).Rating = rating }
}

// vote records a room's votes on an item, with the rating it agreed.
func vote(id, rating string, red, amber, green, unsure int) edit {
	return func(p *plans.Plan) {
		r := p.Response(id)
		r.Rating = rating
		r.Votes = &plans.Votes{Levels: map[string]int{"red": red, "amber": amber, "green": green}, Unsure: unsure}
	}
}

func setNotes(id, notes string) edit {
	return func(p *plans.Plan) { p.Response(id).Notes = notes }
}

// fill rates an item and writes every one of its fields, notes on several
// lines: the biggest change one person makes to one item.
func fill(id string) edit {
	return func(p *plans.Plan) {
		r := p.Response(id)
		r.Rating = "amber"
		r.Action = "Action for " + id + ": agree it at the March board"
		r.Owner = "Owner of " + id
		r.Due = plans.Date{Year: 2027, Month: 4, Day: 30}
		r.Status = plans.StatusDoing
		r.Notes = "Notes for " + id + "\n  - with an indented line\n\nand a blank line above\n"
	}
}

func fillAll(keep func(i int) bool) edit {
	return func(p *plans.Plan) {
		for i, e := range p.Checklist.Items() {
			if keep(i) {
				fill(e.Item.ID)(p)
			}
		}
	}
}

func followUpDue(id string, d plans.Date) edit {
	return func(p *plans.Plan) { p.Answer(id).Due = d }
}

func answerAll(p *plans.Plan) {
	p.Answer("counts").Due = plans.Date{Year: 2027, Month: 2, Day: 1}
	p.Answer("quick-wins").List = []string{"Appoint a senior sponsor", "Use story telling: two a month"}
	p.Answer("speak-with").ByArea = map[string]string{"leadership-culture": "The CEO", "workforce": "HR lead", "enablers": "Data team"}
	p.Answer("decision-makers").Text = "The board\nand the finance director\n"
	steps := &p.Answer("project-plan").Steps
	*steps = append(*steps, plans.Step{ID: 4, Text: "Publish the pathways", Owner: "Ana", Due: plans.Date{Year: 2027, Month: 6, Day: 1}, Status: plans.StatusTodo, From: "en-policy-pathways"})
	p.Answer("project-plan").Due = plans.Date{Year: 2027, Month: 12, Day: 31}
}

func editStep(id int, e func(s *plans.Step)) edit {
	return func(p *plans.Plan) {
		steps := p.Answer("project-plan").Steps
		for i := range steps {
			if steps[i].ID == id {
				e(&steps[i])
				return
			}
		}
		panic("no step " + strconv.Itoa(id))
	}
}

// mergeBase is the plan both branches start from: a new plan with a few
// answers already in, so that branches change values as well as fill blanks.
func mergeBase(t *testing.T) []byte {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 1, Day: 15})
	p.Response("lc-vision").Notes = "Base note one\nBase note two\n"
	p.Response("lc-leadership").Notes = "Leadership note\n  indented\nlast"
	p.Response("wf-interventions").Rating = "green"
	for i, from := range []string{"lc-vision", "wf-interventions", "en-data-collect"} {
		steps := &p.Answer("project-plan").Steps
		*steps = append(*steps, plans.Step{ID: i + 1, Text: "Step from " + from, Owner: "Ana", Status: plans.StatusTodo, From: from})
	}
	return plans.Encode(p)
}

// TestMergeDifferentItems is the merge property of the plan format: two
// people who change different items (or different answers) on two branches
// get a clean `git merge`, and the merged file is the canonical encoding of
// the plan with both changes. The pairs are the tightest there are: items
// next to each other, the last item of an area or group against the first
// of the next, and the follow-ups against the items before them. Each merge
// runs with git's default diff algorithm and with the two others a user may
// have configured, since they place hunks differently.
func TestMergeDifferentItems(t *testing.T) {
	t.Parallel()
	testtool.Need(t, "git")
	tests := []struct {
		name string
		a, b edit
	}{
		{"adjacent items, every field", fill("lc-vision"), fill("lc-leadership")},
		{"notes of one item, rating of the next", setNotes("lc-vision", "New note\nover two lines\n"), rate("lc-leadership", "green")},
		{"rating of one item, notes of the one before", rate("lc-leadership", "red"), setNotes("lc-vision", "")},
		{"multi-line notes rewritten on adjacent items", setNotes("lc-vision", "Base note one\nA's line\nBase note two\n"), setNotes("lc-leadership", "Leadership note\n  indented more\nlast\nB's line")},
		{"notes cleared next to a rating", setNotes("lc-leadership", ""), rate("lc-educate-leaders", "amber")},
		{"last item of an area and first of the next", fill("lc-culture"), fill("wf-business-as-usual")},
		{"last item of workforce and first of enablers", fill("wf-interventions"), fill("en-data-collect")},
		{"last item of a group and first of the next", fill("en-data-share"), fill("en-policy-job-skills")},
		{"last item and first follow-up", fill("en-policy-manager-kpis"), followUpDue("counts", plans.Date{Year: 2027, Month: 3, Day: 1})},
		{"votes on adjacent items", vote("lc-vision", "red", 4, 1, 0, 1), vote("lc-leadership", "amber", 1, 5, 2, 0)},
		{"votes on one item, notes on the one before", vote("lc-leadership", "green", 0, 2, 6, 0), setNotes("lc-vision", "")},
		{"votes changed on an item, the next one filled", vote("wf-interventions", "amber", 1, 4, 1, 0), fill("en-data-collect")},
		{"every other item", fillAll(func(i int) bool { return i%2 == 0 }), fillAll(func(i int) bool { return i%2 == 1 })},
		{"follow-up answers and every item", answerAll, fillAll(func(int) bool { return true })},
		{"neighbouring follow-ups", edits(followUpDue("counts", plans.Date{Year: 2027, Month: 2, Day: 1}), func(p *plans.Plan) {
			p.Answer("speak-with").ByArea = map[string]string{"leadership-culture": "The CEO", "enablers": "Data team"}
		}), func(p *plans.Plan) {
			p.Answer("quick-wins").List = []string{"Appoint a senior sponsor"}
			p.Answer("decision-makers").Text = "The board"
		}},
		{"project-plan step added, decision-makers answered", func(p *plans.Plan) {
			steps := &p.Answer("project-plan").Steps
			*steps = append(*steps, plans.Step{ID: 4, Text: "New step", Owner: "Bo", Status: plans.StatusTodo})
		}, func(p *plans.Plan) { p.Answer("decision-makers").Text = "The board" }},
		{"adjacent project-plan steps", editStep(1, func(s *plans.Step) { s.Status = plans.StatusDone; s.From = "lc-leadership" }), editStep(2, func(s *plans.Step) {
			s.Text = "Renamed step"
			s.Owner = "Bo"
		})},
		{"notes of one item, due date of the same", setNotes("lc-vision", "New note\nover two lines\n"), func(p *plans.Plan) {
			p.Response("lc-vision").Due = plans.Date{Year: 2027, Month: 5, Day: 31}
		}},
		{"project-plan step added, the last step's date moved", func(p *plans.Plan) {
			steps := &p.Answer("project-plan").Steps
			*steps = append(*steps, plans.Step{ID: 4, Text: "New step", Owner: "Bo", Status: plans.StatusTodo})
		}, editStep(3, func(s *plans.Step) { s.Due = plans.Date{Year: 2027, Month: 9, Day: 30} })},
		{"header and first item", func(p *plans.Plan) {
			p.Organisation = "Acme Café Group"
			p.Title = "Spring review: progression"
			p.Participants = []string{"Ana", "Bo"}
		}, fill("lc-vision")},
	}
	base := mergeBase(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			afterA, afterB := applyEdits(t, base, tc.a), applyEdits(t, base, tc.b)
			if bytes.Equal(afterA, base) || bytes.Equal(afterB, base) {
				t.Fatal("an edit changed nothing: the case tests nothing")
			}
			want := applyEdits(t, base, tc.a, tc.b)

			repo := gittest.New(t)
			repo.FastImport(branchesFrom(base, afterA, afterB))

			for _, algorithm := range []string{"myers", "histogram", "patience"} {
				repo.Git("checkout", "-q", "-B", "merge-"+algorithm, "b")
				out, err := repo.Try("merge", "--no-edit", "-X", "diff-algorithm="+algorithm, "a")
				if err != nil {
					t.Fatalf("%s: git merge failed: %v\n%s\n%s", algorithm, err, out, conflictHunks(repo.Read("plan.yaml")))
				}
				merged := repo.Read("plan.yaml")
				p, err := plans.Parse("plan.yaml", merged, nil)
				if err != nil {
					t.Fatalf("%s: the merged plan does not load:\n%v", algorithm, err)
				}
				if again := plans.Encode(p); !bytes.Equal(again, merged) {
					t.Errorf("%s: the merged plan is not canonical:\n%s", algorithm, testtool.FirstDifference(merged, again))
				}
				if !bytes.Equal(merged, want) {
					t.Errorf("%s: the merged plan is not the plan with both sides' edits:\n%s", algorithm, testtool.FirstDifference(want, merged))
				}
			}
		})
	}
}

// branchesFrom is a git fast-import stream of three commits of
// plan.yaml: base, on branch base, and on branches a and b the two
// sides' edits of it, each a commit on base. One command makes them,
// where committing them one by one (add, commit, branch and checkout)
// took eight; git merges the same three versions of the file.
func branchesFrom(base, a, b []byte) []byte {
	var s bytes.Buffer
	for i, data := range [][]byte{base, a, b} {
		fmt.Fprintf(&s, "blob\nmark :%d\ndata %d\n%s\n", i+1, len(data), data)
	}
	for i, side := range []string{"base", "a", "b"} {
		fmt.Fprintf(&s, "commit refs/heads/%s\nmark :%d\ncommitter Ana <ana@example.com> 1767225600 +0000\ndata <<END\n%s's edits\nEND\n", side, i+4, side)
		if i > 0 {
			s.WriteString("from :4\n")
		}
		fmt.Fprintf(&s, "M 100644 :%d plan.yaml\n\n", i+1)
	}
	return s.Bytes()
}

// applyEdits loads a plan, applies edits in order and encodes it again.
func applyEdits(t *testing.T, data []byte, es ...edit) []byte {
	t.Helper()
	p, err := plans.Parse("plan.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		e(p)
	}
	return plans.Encode(p)
}

// conflictHunks returns the conflicted regions of a file, with a line of
// context, so a failure shows exactly which lines collided.
func conflictHunks(data []byte) string {
	lines := strings.Split(string(data), "\n")
	var b strings.Builder
	in := false
	for i, l := range lines {
		if strings.HasPrefix(l, "<<<<<<< ") {
			in = true
			if i > 0 {
				b.WriteString(lines[i-1] + "\n")
			}
		}
		if in {
			b.WriteString(l + "\n")
		}
		if strings.HasPrefix(l, ">>>>>>> ") {
			in = false
			if i+1 < len(lines) {
				b.WriteString(lines[i+1] + "\n---\n")
			}
		}
	}
	return b.String()
}
