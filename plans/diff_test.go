package plans

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

func loadGolden(t *testing.T) *Plan {
	t.Helper()
	p, err := LoadFile("testdata/golden.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// edited is the golden plan a quarter later: ratings moved both ways, an
// action re-owned and re-dated, answers rewritten, steps edited, reordered,
// added and removed.
func edited(t *testing.T) (old, new *Plan) {
	old, new = loadGolden(t), loadGolden(t)
	new.Title = "Summer review"
	new.Participants = append(new.Participants, "Chidi")
	v := new.Items["lc-vision"]
	v.Rating, v.Owner, v.Due, v.Notes = "amber", "Björn", Date{2027, 4, 30}, "First line\nnew second\n"
	l := new.Items["lc-leadership"]
	l.Due, l.Status = Date{2027, 2, 1}, StatusDone
	new.Items["wf-interventions"].Rating = "red"
	new.Items["en-data-training"].Rating = "green"
	new.Items["en-data-collect"].Rating = checklist.Unrated
	new.Items["en-data-share"].Action = "Publish the data"
	new.Items["en-data-share"].Due = Date{2027, 6, 1}
	new.Items["en-data-collect"].Due = Date{}
	new.FollowUps["quick-wins"].List = []string{"Use story telling", "Publish pathways"}
	new.FollowUps["speak-with"].ByArea["enablers"] = "Data team"
	new.FollowUps["decision-makers"].Text = "The board\nand HR"
	new.FollowUps["counts"].Due = Date{2027, 5, 1}
	old.FollowUps["project-plan"].Steps = append(old.FollowUps["project-plan"].Steps,
		Step{ID: 2, Text: "Old step", Status: StatusTodo})
	new.FollowUps["project-plan"].Steps = []Step{
		{ID: 3, Text: "Run workshop", Owner: "Ana", Due: Date{2027, 5, 1}, Status: StatusTodo},
		{ID: 1, Text: "Write the vision", Owner: "Ana", Due: Date{2027, 3, 15}, Status: StatusDoing, From: "lc-vision"},
	}
	return old, new
}

func TestCompareFindsEveryKindOfChange(t *testing.T) {
	old, new := edited(t)
	d := Compare(old, new)

	items := map[string]ItemChange{}
	for _, it := range d.Items {
		items[it.ID] = it
	}
	for id, want := range map[string]Direction{
		"lc-vision":        Better,
		"wf-interventions": Worse,
		"en-data-training": NewlyRated,
		"en-data-collect":  RatingCleared,
	} {
		if r := items[id].Rating; r == nil || r.Direction != want {
			t.Errorf("%s rating change = %+v, want %v", id, r, want)
		}
	}
	if r := items["lc-vision"].Rating; r.OldLabel != "■ Red" || r.NewLabel != "▲ Amber" {
		t.Errorf("labels = %q → %q", r.OldLabel, r.NewLabel)
	}
	if items["lc-leadership"].Rating != nil {
		t.Error("lc-leadership's rating did not move")
	}

	dues := map[string]string{
		"lc-vision":       "slipped 30 days",
		"lc-leadership":   "pulled in 27 days",
		"en-data-share":   "set",
		"en-data-collect": "cleared",
	}
	for id, want := range dues {
		if due := items[id].Due; due == nil || due.Describe() != want {
			t.Errorf("%s due change = %+v, want %q", id, due, want)
		}
	}
	if got := items["lc-vision"].Due.Slipped(); got != 30 {
		t.Errorf("Slipped = %d", got)
	}
	if got := (DueChange{Old: Date{2027, 3, 2}, New: Date{2027, 3, 1}}).Describe(); got != "pulled in 1 day" {
		t.Errorf("one day = %q", got)
	}

	fields := func(fs []FieldChange) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Field)
		}
		return strings.Join(s, ",")
	}
	if got := fields(items["lc-vision"].Fields); got != "owner,notes" {
		t.Errorf("lc-vision fields = %s", got)
	}
	if got := fields(items["lc-leadership"].Fields); got != "status" {
		t.Errorf("lc-leadership fields = %s", got)
	}
	if got := fields(d.Review); got != "title,participants" {
		t.Errorf("review fields = %s", got)
	}

	answers := map[string]FollowUpChange{}
	for _, f := range d.FollowUps {
		answers[f.ID] = f
	}
	qw := answers["quick-wins"]
	if strings.Join(qw.ListAdded, "|") != "Publish pathways" || strings.Join(qw.ListRemoved, "|") != "Appoint a senior social mobility sponsor" {
		t.Errorf("quick wins: added %q removed %q", qw.ListAdded, qw.ListRemoved)
	}
	if sw := answers["speak-with"].Fields; len(sw) != 1 || sw[0].Field != "Enablers" || sw[0].New != "Data team" {
		t.Errorf("speak-with = %+v", sw)
	}
	if dm := answers["decision-makers"].Fields; len(dm) != 1 || dm[0].Old != "The board" {
		t.Errorf("decision-makers = %+v", dm)
	}
	if c := answers["counts"]; c.Due == nil || c.Due.Describe() != "set" {
		t.Errorf("counts due = %+v", c.Due)
	}

	// Steps are followed by id: step 1 was edited and moved, not removed
	// and added again.
	steps := map[int]StepChange{}
	for _, s := range answers["project-plan"].Steps {
		steps[s.ID] = s
	}
	if s := steps[1]; s.Added || s.Removed || fields(s.Fields) != "step,status" || s.Due == nil || s.Due.Describe() != "pulled in 16 days" {
		t.Errorf("step 1 = %+v", s)
	}
	if !steps[2].Removed || !steps[3].Added || len(steps) != 3 {
		t.Errorf("steps = %+v", steps)
	}

	// Counts: Leadership & Culture lost a red and gained an amber.
	lc := d.Counts[0]
	if lc.AreaID != "leadership-culture" || strings.Join(lc.Levels, ",") != "red,amber,green,unrated" {
		t.Fatalf("counts[0] = %+v", lc)
	}
	if got, want := lc.New[0]-lc.Old[0], -1; got != want {
		t.Errorf("red changed by %d", got)
	}
	if last := d.Counts[len(d.Counts)-1]; last.AreaTitle != "Total" || !last.Changed() {
		t.Errorf("total = %+v", last)
	}
}

func TestCompareSamePlanIsEmpty(t *testing.T) {
	old, new := loadGolden(t), loadGolden(t)
	d := Compare(old, new)
	if !d.Empty() {
		t.Errorf("a plan compared with itself has changes: %+v", d)
	}
	// Reordering a list is a change, but not an addition or removal.
	wins := new.FollowUps["quick-wins"]
	wins.List[0], wins.List[1] = wins.List[1], wins.List[0]
	d = Compare(old, new)
	if d.Empty() || len(d.FollowUps) != 1 || !d.FollowUps[0].Reordered {
		t.Errorf("reordered list: %+v", d.FollowUps)
	}
}

// A plan moved to a new version of its checklist: items only in one version
// are added or removed, and ratings compare by place on each scale.
func TestCompareAcrossChecklistVersions(t *testing.T) {
	v1 := mustChecklist(t, `
id: team
title: Team
version: "1"
scale:
  - {key: no, label: "No"}
  - {key: yes, label: "Yes"}
areas:
  - id: a
    title: Area A
    items:
      - {id: kept, title: Kept item}
      - {id: dropped, title: Dropped item}
`)
	v2 := mustChecklist(t, `
id: team
title: Team
version: "2"
scale:
  - {key: no, label: "No"}
  - {key: partly, label: "Partly"}
  - {key: yes, label: "Yes"}
areas:
  - id: a
    title: Area A
    items:
      - {id: kept, title: Kept item}
      - {id: added, title: Added item}
`)
	old := New(v1, "Org", "Review", Date{2027, 1, 1})
	old.Items["kept"].Rating = "yes"
	old.Items["dropped"].Rating = "no"
	new := New(v2, "Org", "Review", Date{2027, 1, 1})
	new.Items["kept"].Rating = "partly"
	new.Items["added"].Rating = "yes"
	d := Compare(old, new)
	got := map[string]string{}
	for _, it := range d.Items {
		switch {
		case it.Added:
			got[it.ID] = "added " + it.Rating.NewLabel
		case it.Removed:
			got[it.ID] = "removed"
		default:
			got[it.ID] = it.Rating.Direction.String()
		}
	}
	want := map[string]string{"kept": "worse", "added": "added ● Yes", "dropped": "removed"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	if len(d.Review) != 1 || d.Review[0].Field != "checklist" || d.Review[0].New != "team version 2" {
		t.Errorf("review = %+v", d.Review)
	}
}

func mustChecklist(t *testing.T, src string) *checklist.Checklist {
	t.Helper()
	c, err := checklist.Parse("test.yaml", []byte(strings.TrimPrefix(src, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Last year's done action, not carried on, is gone from this year's item:
// the diff says the action went, not that it was reopened ("done → to
// do"), as the status of an item with no action means nothing.
func TestADoneActionLeftBehindIsNotReopened(t *testing.T) {
	old, new := blankPlan(), blankPlan()
	r := old.Response("lc-vision")
	r.Action, r.Status = "Write the vision", StatusDone
	d := Compare(old, new)
	if len(d.Items) != 1 {
		t.Fatalf("%d items changed", len(d.Items))
	}
	for _, f := range d.Items[0].Fields {
		if f.Field == "status" {
			t.Errorf("status %q → %q beside the action going", f.Old, f.New)
		}
	}
	// A status that changes with the action there is still said.
	new.Response("lc-vision").Action = "Write the vision"
	if d := Compare(old, new); len(d.Items) != 1 || len(d.Items[0].Fields) != 1 || d.Items[0].Fields[0].Field != "status" {
		t.Fatalf("the status change of an action is lost: %+v", d.Items)
	}
}

// A new action already under way says so.
func TestANewActionsStatusIsSaid(t *testing.T) {
	old, new := blankPlan(), blankPlan()
	r := new.Response("lc-vision")
	r.Action, r.Status = "Write the vision", StatusDoing
	d := Compare(old, new)
	var said bool
	for _, f := range d.Items[0].Fields {
		said = said || f.Field == "status" && f.New == string(StatusDoing)
	}
	if !said {
		t.Fatalf("%+v", d.Items[0].Fields)
	}
}
