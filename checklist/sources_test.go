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

// The Building Blocks' own advice, beside its recommendations: an employer
// starting out pressed i on every item and read "The source has no advice
// for this item alone", though the guide's boxes say more (a workforce under
// 10, partnering with experts, asking for a qualification). Every area
// where the guide says more has items with the guide's advice, credited
// to it, and the guide's key terms are the glossary; both word for word,
// when the guide is beside the repository.
func TestBuildingBlocksGuidance(t *testing.T) {
	c, _ := Builtin("smc-building-blocks")
	const guide = "Social Mobility Commission, The Building Blocks: An employer's guide to improving social mobility in the workplace"
	for _, a := range c.Areas {
		advised := 0
		for _, it := range a.Items {
			if len(it.Guidance) > 0 {
				advised++
			}
			for _, p := range it.Guidance {
				if p.Source != guide || strings.TrimSpace(p.Section) == "" {
					t.Errorf("item %s: a passage credited to %q, section %q; want the guide and where in it", it.ID, p.Source, p.Section)
				}
			}
		}
		// The guide says no more of support to develop than its list and
		// the area's introduction.
		if advised == 0 && a.ID != "develop" {
			t.Errorf("area %s: no item has the guide's advice", a.ID)
		}
	}
	if it, _, ok := c.Item("bb-data-threshold"); !ok || len(it.Guidance) == 0 || !strings.Contains(it.Guidance[0].Text, "less than 10 employees") {
		t.Errorf("bb-data-threshold: the guide's advice for a workforce under 10 is missing: %+v", it)
	}
	var terms []string
	for _, term := range c.Glossary {
		terms = append(terms, term.Term)
		if term.Source != guide {
			t.Errorf("glossary %q credited to %q", term.Term, term.Source)
		}
	}
	if got := strings.Join(terms, "|"); got != "Socio-economic background|Social class|Social mobility|Diversity|Inclusion" {
		t.Errorf("glossary = %s, want the guide's key terms (Appendix A)", got)
	}

	src := seeds.Text(seeds.Read(t, "building-blocks-employers-guide.txt"))
	for _, e := range c.Items() {
		for _, p := range e.Item.Guidance {
			if !seeds.WordForWord(src, p.Text) {
				t.Errorf("item %s: advice not word for word in the guide: %q", e.Item.ID, p.Text)
			}
		}
	}
	for _, term := range c.Glossary {
		if !seeds.WordForWord(src, term.Definition) {
			t.Errorf("glossary %q: not word for word in the guide", term.Term)
		}
	}
}
