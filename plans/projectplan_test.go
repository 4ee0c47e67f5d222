package plans

import (
	"fmt"
	"strings"
	"testing"
)

// A step made from an item's action follows the item until the step is
// edited (issue 12.3).
func TestAStepFollowsItsItemUntilItIsEdited(t *testing.T) {
	p := blankPlan()
	r := p.Response("lc-vision")
	r.Action, r.Owner, r.Due = "Write the vision", "Ana", Date{2027, 4, 30}
	p.Response("lc-leadership").Action = "Brief the board"
	if n := p.AddActionSteps(); n != 2 {
		t.Fatalf("%d steps", n)
	}
	steps := func() []Step { return p.Answer(p.ProjectPlanID()).Steps }
	// Dated steps first: the vision, then the board.
	if !p.Follows(steps()[0]) {
		t.Fatal("a step just made from an action does not follow it")
	}
	if n := p.FollowItem("lc-vision", func(r *Response) { r.Action, r.Status = "Write the vision with the team", StatusDone }); n != 1 {
		t.Fatalf("%d steps followed the change", n)
	}
	if s := steps()[0]; s.Text != "Write the vision with the team" || s.Status != StatusDone || !p.Follows(s) {
		t.Fatalf("the step did not follow: %+v", s)
	}
	// The team edits the step: it is theirs now, and no longer follows.
	steps()[1].Text = "Brief the board in May"
	p.FollowItem("lc-leadership", func(r *Response) { r.Action = "Brief the board and staff" })
	if s := steps()[1]; s.Text != "Brief the board in May" || p.Follows(s) {
		t.Fatalf("an edited step was changed: %+v", s)
	}
}

// Comments written by hand above a key are kept on the next save, above
// the same key; ladder's own are written once (issue 12.10).
func TestHandWrittenCommentsAreKept(t *testing.T) {
	p := blankPlan()
	p.Response("lc-vision").Action = "Write the vision"
	p.AddActionSteps()
	canonical := string(Encode(p))
	id := p.Answer(p.ProjectPlanID()).Steps[0].ID
	edited := strings.Replace(canonical, "  lc-vision:\n", "  # Ana: raise at the March board\n  lc-vision:\n", 1)
	edited = strings.Replace(edited, "    action: Write the vision\n", "    # agreed with Ben\n    action: Write the vision\n", 1)
	edited = strings.Replace(edited, fmt.Sprintf("      - id: %d\n", id), fmt.Sprintf("      # the first thing we do\n      - id: %d\n", id), 1)
	edited = strings.Replace(edited, "    notes:\n", "    notes: |\n      # a line of the notes, not a comment\n", 1)
	loaded, err := Parse("x.yaml", []byte(edited), nil)
	if err != nil {
		t.Fatal(err)
	}
	loaded.Response("lc-vision").Owner = "Ana" // a change, saved again
	out := string(Encode(loaded))
	for _, want := range []string{
		"  # Develop a clear vision for your D&I strategy\n  # Ana: raise at the March board\n  lc-vision:\n",
		"    # agreed with Ben\n    action: Write the vision\n",
		fmt.Sprintf("      # the first thing we do\n      - id: %d\n", id),
		"    notes: |\n      # a line of the notes, not a comment\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the saved plan lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "# Develop a clear vision for your D&I strategy"); n != 1 {
		t.Errorf("ladder's own comment is written %d times", n)
	}
	// Saving again changes nothing: no comment is written twice.
	again, err := Parse("x.yaml", []byte(out), nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(Encode(again)) != out {
		t.Error("a second save changed the file")
	}
}

// The plan says in words which item a step came from, and whether it
// still follows the item's action (issue 12.10).
func TestFromSaysTheRecommendation(t *testing.T) {
	p := blankPlan()
	p.Response("lc-vision").Action = "Write the vision"
	p.AddActionSteps()
	if out := string(Encode(p)); !strings.Contains(out, "        # follows the action of: Develop a clear vision for your D&I strategy\n        from: lc-vision\n") {
		t.Fatalf("no comment beside from:\n%s", out)
	}
	// Loaded, edited and saved: the new word replaces the old one.
	loaded, err := Parse("x.yaml", Encode(p), nil)
	if err != nil {
		t.Fatal(err)
	}
	loaded.Answer(p.ProjectPlanID()).Steps[0].Text = "Write the vision in May"
	out := string(Encode(loaded))
	if !strings.Contains(out, "        # came from the action of: Develop a clear vision for your D&I strategy\n        from: lc-vision\n") || strings.Contains(out, "follows the action") {
		t.Fatalf("an edited step still says it follows:\n%s", out)
	}
}
