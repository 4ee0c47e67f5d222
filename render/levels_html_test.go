package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// checklistOnScale is a checklist of a dozen items on a scale with the given
// levels (keys; their labels are the keys with a capital).
func checklistOnScale(t *testing.T, keys ...string) *checklist.Checklist {
	t.Helper()
	text := string(checklisttest.YAML(12))
	start, end := strings.Index(text, "\nscale:\n"), strings.Index(text, "\nareas:\n")
	scale := "\nscale:\n"
	for _, k := range keys {
		scale += "  - {key: " + k + ", label: " + strings.ToUpper(k[:1]) + k[1:] + "}\n"
	}
	c, err := checklist.Parse("five.yaml", []byte(text[:start]+strings.TrimSuffix(scale, "\n")+text[end:]))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// ratedRound is a plan of c with its items rated round the scale.
func ratedRound(c *checklist.Checklist) *plans.Plan {
	p := plans.New(c, "Acme", "Review", reportToday)
	for i, e := range c.Items() {
		p.Response(e.Item.ID).Rating = c.Scale[i%len(c.Scale)].Key
	}
	return p
}

// In the HTML report each level of a four- or five-level scale has a
// class of its own, and the stylesheet a colour for each (the badge, the
// chart's bars and shapes): every middle level was "mid", amber. The
// built-in three levels keep worst, mid and best.
func TestReportHTMLGivesEveryLevelItsOwnColour(t *testing.T) {
	badge := regexp.MustCompile(`<span class="rating (\w+)"><span class="mark" aria-hidden="true">[^<]+</span> (\w+)</span>`)
	for _, keys := range [][]string{
		{"red", "amber", "green"},
		{"none", "some", "most", "all"},
		{"none", "begun", "partly", "mostly", "embedded"},
	} {
		page := string(ReportHTML(ratedRound(checklistOnScale(t, keys...)), reportToday, nil))
		classOf := map[string]string{}
		for _, m := range badge.FindAllStringSubmatch(page, -1) {
			classOf[strings.ToLower(m[2])] = m[1]
		}
		seen := map[string]string{}
		for _, k := range keys {
			class := classOf[k]
			if class == "" {
				t.Fatalf("%d levels: no badge for %s", len(keys), k)
			}
			if other, ok := seen[class]; ok {
				t.Errorf("%d levels: %s and %s are both %q", len(keys), other, k, class)
			}
			seen[class] = k
			for _, rule := range []string{".rating." + class + " {", ".seg." + class + ","} {
				if !strings.Contains(reportStylesheet, rule) {
					t.Errorf("%d levels: report_html.css has no %q for %s", len(keys), rule, k)
				}
			}
		}
		if len(keys) == 3 && (classOf["red"] != "worst" || classOf["amber"] != "mid" || classOf["green"] != "best") {
			t.Errorf("three levels: %v, want worst, mid, best as before", classOf)
		}
	}
}
