package render

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

// A business of 12 people, all of whom answered: 10 or more answers, so
// not "too few answers", yet every group has fewer than 10 even with all
// grades together, so no share at all can be shown. The reading said
// "not enough grades have a working-class share shown ...: it takes two
// or more", as if more grades would help; it should say why nothing is
// shown and what is still worth doing.
func TestWorkforceSmallTeamSaysWhyNoShareIsShown(t *testing.T) {
	t.Parallel()
	l := &workforce.Loaded{Path: "plans/small.data.yaml", Data: &workforce.Data{Threshold: 10, Grades: []workforce.Grade{
		{Name: "Staff", Headcount: 8, Counts: workforce.Counts{4, 1, 2, 0, 1}},
		{Name: "Manager", Headcount: 2, Counts: workforce.Counts{1, 0, 1, 0, 0}},
		{Name: "Director", Headcount: 2, Counts: workforce.Counts{0, 1, 1, 0, 0}},
	}}}
	lines := WorkforceSummary(l)
	all := strings.Join(lines, "\n")
	if strings.Contains(all, "it takes two or more") {
		t.Errorf("the reading asks for more grades, which would not help when even all grades together show no share:\n%s", all)
	}
	if !strings.Contains(all, "even for all grades together") || !strings.Contains(all, "year on year") {
		t.Errorf("the reading should say no share can be shown even for all grades together, and what is still worth doing:\n%s", all)
	}
}
