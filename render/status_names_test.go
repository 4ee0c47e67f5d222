package render

import (
	"regexp"
	"slices"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// A care home's owners, written as people's keyboards write them: one
// name composed ("Zoë Ångström" from a Windows keyboard) and decomposed
// (e and a combining diaeresis, as a Mac pastes), and names whose first
// letter carries a mark or is no Latin letter at all. By owner, a name
// that looks the same is one owner, and the owners read in the order a
// reader of names looks for them: Đặng among the Ds, Ångström's first
// name Zoë among the Zs, not after them.
func TestStatusByOwnerTakesNamesAsTheyLook(t *testing.T) {
	today := day(2027, 3, 1)
	o := NewStatusList(today, ByOwner)
	t.Cleanup(func() { o.Close() })
	act := func(text, owner string) plans.PlanAction {
		return plans.PlanAction{Path: "plans/care.yaml", Action: plans.Action{Text: text, Owner: owner, Due: today.AddDays(3), Status: plans.StatusTodo}, What: "Cultural questions"}
	}
	if err := o.Add(plans.PlanInfo{Path: "plans/care.yaml"}, []plans.PlanAction{
		act("Rota", "Zoë Ångström"),
		act("Survey", "Đặng"),
		act("Mentors", "Zoe\u0308 A\u030angstro\u0308m"),
		act("Open day", "Émile Durand"),
		act("Training", "Dafydd ap Gwilym"),
		act("Pay review", "Eve Adams"),
		act("Buddies", "ángel Ruiz"),
		act("Welcome", "Ben Okafor"),
	}); err != nil {
		t.Fatal(err)
	}
	out := statusText(t, o)
	heads := regexp.MustCompile(`(?m)^(\S.*?) \(\d+ overdue`).FindAllStringSubmatch(out, -1)
	var owners []string
	for _, h := range heads {
		owners = append(owners, h[1])
	}
	want := []string{"ángel Ruiz", "Ben Okafor", "Dafydd ap Gwilym", "Đặng", "Émile Durand", "Eve Adams", "Zoë Ångström"}
	if !slices.Equal(owners, want) {
		t.Errorf("owners by owner:\n%q\nwant\n%q\nin:\n%s", owners, want, out)
	}
	if !regexp.MustCompile(`(?m)^Zoë Ångström \(0 overdue, 2 due in the next 30 days`).MatchString(out) {
		t.Errorf("Zoë Ångström's two actions, composed and not, are not one owner's:\n%s", out)
	}
}
