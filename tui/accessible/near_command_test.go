package accessible

import (
	"strings"
	"testing"
)

// TestACommandMistypedIsNotTakenAsTheAnswer: "qiut" typed at the action
// was saved as the action, and the next question asked, where a listener
// heard "Owner:" and took it that the review had stopped; "itme 3" was an
// action too. A word a slip away from a command (letters swapped, one
// doubled, one left out of a long word) is said back as close to it, and
// the question asked again: the command then does what it says, and the
// same words again are the answer, for whoever meant them.
func TestACommandMistypedIsNotTakenAsTheAnswer(t *testing.T) {
	t.Run("the command typed next", func(t *testing.T) {
		path := newPlanFile(t, nil)
		out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"a", "qiut", "quit"}))
		checkOutput(t, out, "qiut is close to the command quit. Type quit for the command, or qiut again to keep it as your answer.\nAction: ")
		if a := onDiskPlan(t, path).Response("lc-vision").Action; a != "" {
			t.Errorf("action %q saved: the slip was taken as the answer", a)
		}
	})
	t.Run("item N", func(t *testing.T) {
		path := newPlanFile(t, nil)
		out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"a", "itme 3", "item 3", "quit"}))
		checkOutput(t, out, "itme 3 is close to the command item 3.", "Item 3 of ")
		if a := onDiskPlan(t, path).Response("lc-vision").Action; a != "" {
			t.Errorf("action %q saved: the slip was taken as the answer", a)
		}
	})
	t.Run("the same words again are the answer", func(t *testing.T) {
		path := newPlanFile(t, nil)
		runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"a", "Bakc", "Bakc", "", "", "", "", "quit"}))
		if a := onDiskPlan(t, path).Response("lc-vision").Action; a != "Bakc" {
			t.Errorf("action %q, want Bakc: typed twice, it is the answer", a)
		}
	})
	t.Run("words near no command are answers at once", func(t *testing.T) {
		path := newPlanFile(t, nil)
		// Owner names one letter from a command (Dana, Beck, Bach) and
		// ordinary words are never asked about: only swaps, doubled
		// letters and, in long words, a letter left out are slips.
		out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"a", "Quite", "Beck", "", "", "", "quit"}))
		if p := onDiskPlan(t, path).Response("lc-vision"); p.Action != "Quite" || p.Owner != "Beck" {
			t.Errorf("saved %+v, want action Quite and owner Beck", *p)
		}
		if got := strings.Count(out, "is close to the command"); got != 0 {
			t.Errorf("asked %d times about an ordinary answer:\n%s", got, out)
		}
	})
}

func TestNearCommand(t *testing.T) {
	names := []string{"back", "item", "board", "advice", "flag", "data", "glossary", "help", "quit"}
	for typed, want := range map[string]string{
		"qiut": "quit", "quitt": "quit", "bakc": "back", "hlep": "help",
		"baord": "board", "boad": "board", "advcie": "advice", "glosary": "glossary",
		"itme 3": "item 3", "tiem 12": "item 12", "item3": "item 3", "itme3": "item 3",
		// not slips
		"quit": "", "item 3": "", "quite": "", "beck": "", "dana": "", "date": "",
		"bak": "", "qit": "", "itme": "", "itme three": "", "qiut now": "", "": "",
	} {
		if got, _ := nearCommand(typed, names); got != want {
			t.Errorf("nearCommand(%q) = %q, want %q", typed, got, want)
		}
	}
	// Before a plan is open only back, help and quit are commands: "itme
	// 3" is a title there.
	if got, ok := nearCommand("itme 3", []string{"back", "help", "quit"}); ok {
		t.Errorf("nearCommand(itme 3) before a plan is open = %q", got)
	}
}
