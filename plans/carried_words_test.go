package plans

import "testing"

// TestCarriedWordsAreHeardAsTheyCount: "3 open actions (3 also
// project-plan steps) and 1 project-plan step" was said by ladder new, the
// screens and ladder diff, where a screen reader, which does not speak
// brackets, made it sound like seven things and status chases four. The
// prompts said it without brackets; now every front end says it that one
// way: the steps that repeat an action as some "of them", the steps
// beyond those as more.
func TestCarriedWordsAreHeardAsTheyCount(t *testing.T) {
	for _, c := range []struct {
		carried Carried
		want    string
	}{
		{Carried{Actions: 3, Steps: 4, Repeats: 3}, "3 open actions, 3 of them also project-plan steps, and 1 more project-plan step"},
		{Carried{Actions: 9, Steps: 11, Repeats: 7}, "9 open actions, 7 of them also project-plan steps, and 4 more project-plan steps"},
		{Carried{Actions: 2, Steps: 1, Repeats: 1}, "2 open actions, 1 of them also a project-plan step"},
		{Carried{Actions: 1, Steps: 2, Repeats: 1}, "1 open action, also a project-plan step, and 1 more project-plan step"},
		{Carried{Actions: 1, Steps: 2, Repeats: 2}, "1 open action, also 2 project-plan steps"},
		{Carried{Actions: 1, Steps: 1, Repeats: 1}, "1 open action, also a project-plan step"},
		{Carried{Actions: 2, Steps: 3, Repeats: 3}, "2 open actions, between them also 3 project-plan steps"},
		{Carried{Actions: 2, Steps: 1}, "2 open actions and 1 project-plan step"},
		{Carried{Actions: 1}, "1 open action"},
		{Carried{Steps: 2}, "2 project-plan steps"},
		{Carried{}, ""},
	} {
		if got := c.carried.Words(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.carried, got, c.want)
		}
	}
}

// TestCarriedCheckSaysItsCountAsCarryingOnDid: ladder diff's count of
// what a plan kept of the previous review's open actions and steps says
// it as ladder new said it, each count "of" the open ones, with no
// brackets.
func TestCarriedCheckSaysItsCountAsCarryingOnDid(t *testing.T) {
	for _, c := range []struct {
		check CarriedCheck
		want  string
	}{
		{CarriedCheck{OpenActions: 1, Actions: 1, OpenSteps: 2, Steps: 2, Repeats: 1}, "1 of 1 open action, also a project-plan step, and 1 of 1 more open project-plan step"},
		{CarriedCheck{OpenActions: 1, Actions: 1, OpenSteps: 2, Steps: 1, Repeats: 1}, "1 of 1 open action, also a project-plan step, and 0 of 1 more open project-plan step"},
		{CarriedCheck{OpenActions: 4, Actions: 3, OpenSteps: 5, Steps: 4, Repeats: 3}, "3 of 4 open actions, 3 of them also project-plan steps, and 1 of 2 more open project-plan steps"},
		{CarriedCheck{OpenActions: 2, Actions: 1, OpenSteps: 2, Steps: 2}, "1 of 2 open actions and 2 of 2 open project-plan steps"},
		{CarriedCheck{OpenActions: 2, Actions: 0}, "0 of 2 open actions"},
		{CarriedCheck{OpenSteps: 1, Steps: 1}, "1 of 1 open project-plan step"},
		{CarriedCheck{OpenActions: 1, Actions: 1, OpenSteps: 1, Steps: 1, Repeats: 1}, "1 of 1 open action, also a project-plan step"},
		{CarriedCheck{}, ""},
	} {
		if got := c.check.Words(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.check, got, c.want)
		}
	}
}
