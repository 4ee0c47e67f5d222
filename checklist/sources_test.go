package checklist

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/seeds"
)

// checkWordForWord checks that every piece of a checklist's wording that the
// checklist says is the source's is found word for word in it.
func checkWordForWord(t *testing.T, c *Checklist, src string, scaleSrc, followUpSrc string) {
	t.Helper()
	check := func(what, s string) {
		t.Helper()
		if !seeds.WordForWord(src, s) {
			t.Errorf("%s not word for word in the source: %q", what, s)
		}
	}
	// Headings are set in capitals in some documents: compare them
	// without case.
	lowerSrc := strings.ToLower(src)
	for _, a := range c.Areas {
		check("area title", a.Title)
		check("area intro", a.Intro)
		for _, it := range a.Items {
			check("item "+it.ID+" title", it.Title)
			for _, p := range it.Prompts {
				check("item "+it.ID+" prompt", p)
			}
			if it.Group != "" && !strings.Contains(lowerSrc, strings.ToLower(it.Group)) {
				t.Errorf("item %s: group heading %q is not in the source", it.ID, it.Group)
			}
		}
	}
	check("intro", c.Intro)
	if scaleSrc != "" {
		for _, l := range c.Scale {
			if !seeds.WordForWord(scaleSrc, l.Description) {
				t.Errorf("scale description not word for word in its source: %q", l.Description)
			}
		}
	}
	for _, f := range c.FollowUps {
		if !seeds.WordForWord(followUpSrc, f.Question) {
			t.Errorf("follow-up question not word for word in its source: %q", f.Question)
		}
	}
}

// TestSourcesWordForWord holds the Building Blocks and the cross-industry
// toolkit to their guides, and their next-steps questions to the
// masterclass they come from.
func TestSourcesWordForWord(t *testing.T) {
	for _, tc := range []struct {
		id, source string
		// scaleFromMasterclass is false where the scale is ladder's own
		// wording, as the file says: the toolkit names its levels but does
		// not describe them.
		scaleFromMasterclass bool
	}{
		{"smc-building-blocks", "building-blocks-employers-guide.txt", true},
		{"smc-cross-industry-progression", "cross-industry-toolkit-progression.txt", false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			c, ok := Builtin(tc.id)
			if !ok {
				t.Fatalf("built-in %s missing", tc.id)
			}
			source := seeds.Text(seeds.Read(t, tc.source))
			masterclass := seeds.Text(seeds.Read(t, "progression-masterclass-checklist.txt"))
			scale := ""
			if tc.scaleFromMasterclass {
				scale = masterclass
			}
			checkWordForWord(t, c, source, scale, masterclass)
		})
	}
}

func TestBuildingBlocksShape(t *testing.T) {
	c, _ := Builtin("smc-building-blocks")
	progression, _ := Builtin(DefaultID)
	if len(c.Scale) != len(progression.Scale) {
		t.Fatalf("scale has %d levels, want red/amber/green", len(c.Scale))
	}
	for i, l := range c.Scale {
		if l != progression.Scale[i] {
			t.Errorf("scale level %d = %+v, want the progression checklist's %+v", i, l, progression.Scale[i])
		}
	}
	want := map[string]int{"vision": 8, "talent-pool": 8, "culture": 6, "develop": 6, "progression": 3, "data": 10, "plan": 1}
	var ids []string
	for _, a := range c.Areas {
		ids = append(ids, a.ID)
		if len(a.Items) != want[a.ID] {
			t.Errorf("area %s has %d items, want %d", a.ID, len(a.Items), want[a.ID])
		}
	}
	if got := strings.Join(ids, " "); got != "vision talent-pool culture develop progression data plan" {
		t.Errorf("areas = %s", got)
	}
	if len(c.FollowUps) != 5 || c.FollowUps[4].Kind != KindPlan {
		t.Errorf("follow-ups = %+v, want the five next-steps questions ending in the project plan", c.FollowUps)
	}
	if !strings.Contains(c.Licence, "Open Government Licence v3.0") || !strings.Contains(c.Source, "Social Mobility Commission, The Building Blocks") {
		t.Errorf("attribution missing: source %q licence %q", c.Source, c.Licence)
	}
}

func TestCrossIndustryShape(t *testing.T) {
	c, _ := Builtin("smc-cross-industry-progression")
	var scale []string
	for _, l := range c.Scale {
		scale = append(scale, l.Key+"="+l.Label)
	}
	if got := strings.Join(scale, " "); got != "not-yet=Not yet developing=Developing optimising=Optimising" {
		t.Errorf("scale = %s", got)
	}
	if len(c.Areas) != 2 || c.Areas[0].Title != "Developing" || c.Areas[1].Title != "Optimising" {
		t.Fatalf("areas should be the toolkit's two levels, Developing then Optimising: %+v", c.Areas)
	}
	if len(c.Areas[0].Items) != 9 || len(c.Areas[1].Items) != 4 {
		t.Errorf("items per level = %d, %d; want 9, 4", len(c.Areas[0].Items), len(c.Areas[1].Items))
	}
	for _, f := range c.FollowUps {
		if f.Kind == KindCounts {
			t.Error("the red/amber/green count question does not fit a not yet/developing/optimising scale")
		}
	}
	if !strings.Contains(c.Licence, "Open Government Licence v3.0") || !strings.Contains(c.Source, "Cross-industry toolkit") {
		t.Errorf("attribution missing: source %q licence %q", c.Source, c.Licence)
	}
}

// The progression checklist's area introductions were ladder's own words,
// under a header that says the wording is reproduced word for word (issue
// 12.11): an area may only carry an introduction the source has. (The
// titles and prompts are checked in checklist_test.go.)
func TestProgressionIntroductionsAreTheSources(t *testing.T) {
	c, ok := Builtin(DefaultID)
	if !ok {
		t.Fatal("built-in checklist missing")
	}
	masterclass := seeds.Text(seeds.Read(t, "progression-masterclass-checklist.txt"))
	for _, a := range c.Areas {
		if a.Intro != "" && !seeds.WordForWord(masterclass, a.Intro) {
			t.Errorf("area %s: introduction not in the source: %q", a.ID, a.Intro)
		}
	}
	if !seeds.WordForWord(masterclass, c.Intro) {
		t.Errorf("introduction not in the source: %q", c.Intro)
	}
}
