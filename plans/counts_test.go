package plans_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// CountRatings, which history uses instead of a whole parse, gives the
// same counts as Parse for every plan in ladder's layout, and gives up
// (so that Parse says what is wrong) on anything else.
func TestCountRatingsAgreesWithParse(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	var files [][]byte
	for seed := range 50 {
		p := checklisttest.FilledPlan(c, uint64(seed))
		for i, e := range c.Items() {
			if (i+seed)%4 == 0 {
				p.Response(e.Item.ID).Rating = checklist.Unrated
			}
		}
		files = append(files, plans.Encode(p))
	}
	for _, name := range []string{"golden.yaml", "report-all.yaml"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	files = append(files, plans.Encode(plans.New(c, "Acme", "Fresh", plans.Date{Year: 2027, Month: 1, Day: 1})))
	for i, data := range files {
		p, err := plans.Parse("plan.yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := p.Counts()
		got, counts, ok := plans.CountRatings("plan.yaml", data, nil)
		if !ok || got != c {
			t.Fatalf("file %d: CountRatings gave up on a plan ladder wrote", i)
		}
		if fmt.Sprint(countsOf(counts)) != fmt.Sprint(countsOf(want)) {
			t.Errorf("file %d: counts %v, Parse says %v", i, countsOf(counts), countsOf(want))
		}
	}

	base := string(files[0])
	for name, edited := range map[string]string{
		"misspelt rating":      strings.Replace(base, "rating: red", "rating: rouge", 1),
		"quoted rating":        strings.Replace(base, "rating: red", `rating: "red"`, 1),
		"comment on rating":    strings.Replace(base, "rating: red", "rating: red # why", 1),
		"unknown item":         strings.Replace(base, "  lc-vision:", "  lc-visoin:", 1),
		"duplicate item":       strings.Replace(base, "  lc-leadership:", "  lc-vision:", 1),
		"conflict markers":     strings.Replace(base, "  lc-vision:\n", "<<<<<<< HEAD\n  lc-vision:\n=======\n>>>>>>> other\n", 1),
		"CRLF":                 strings.ReplaceAll(base, "\n", "\r\n"),
		"tab":                  strings.Replace(base, "    rating: red", "\trating: red", 1),
		"flow items":           base[:strings.Index(base, "items:")] + "items: {}\n",
		"unknown top key":      "colour: red\n" + base,
		"no final newline":     strings.TrimSuffix(base, "\n"),
		"another checklist":    strings.Replace(base, "id: smc-progression", "id: no-such-list", 1),
		"rating at odd indent": strings.Replace(base, "    rating: red", "     rating: red", 1),
	} {
		if edited == base {
			t.Fatalf("%s: the edit did not apply", name)
		}
		if _, _, ok := plans.CountRatings("plan.yaml", []byte(edited), nil); ok {
			t.Errorf("%s: CountRatings read it instead of leaving it to Parse", name)
		}
	}
}

func countsOf(ac []plans.AreaCounts) [][]int {
	var out [][]int
	for _, a := range ac {
		out = append(out, append(append([]int{}, a.ByLevel...), a.Unrated))
	}
	return out
}

// The check for repeated keys reads a large mapping (the items) through a
// map and a small one (an item's fields) by looking back: both find them.
func TestDuplicateKeysInLargeAndSmallMappings(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	base := string(plans.Encode(checklisttest.FilledPlan(c, 1)))
	for name, edited := range map[string]string{
		"item":  strings.Replace(base, "  lc-leadership:", "  lc-vision:", 1),
		"field": strings.Replace(base, "    owner: ", "    action: again\n    owner: ", 1),
	} {
		_, err := plans.Parse("plan.yaml", []byte(edited), nil)
		if err == nil || !strings.Contains(err.Error(), "duplicate key") {
			t.Errorf("repeated %s: %v", name, err)
		}
	}
}
