package render

import (
	"html"
	"strings"
	"testing"
)

// TestACarriedStepSaysItsRecommendationNotASecondFrom: in next year's
// report, a project-plan step carried on from last year's and made from
// an item's action read "Carried on: from the review of 2025-11-10. From:
// Interventions": two "from"s, the second one a recommendation that reads
// like a third review. The step now names its recommendation as the
// items' table heads it.
func TestACarriedStepSaysItsRecommendationNotASecondFrom(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	steps := p.FollowUps["project-plan"].Steps
	for i := range steps {
		if steps[i].Text == "Book the away day" {
			steps[i].From = "wf-interventions"
		}
	}
	with := CarriedOnFrom(earlier)
	for name, out := range map[string]string{
		"Markdown": words(string(ReportMarkdown(p, reportToday, with))),
		"text":     words(string(ReportWords(p, reportToday, with))),
	} {
		i := strings.Index(out, "Book the away day")
		if i < 0 {
			t.Fatalf("%s: no step Book the away day", name)
		}
		i = strings.Index(out[i:], "Book the away day.") + i // the project plan's
		line, _, _ := strings.Cut(out[i:], " Print the posters")
		if !strings.Contains(line, "Carried on: from the review of") || !strings.Contains(line, "Recommendation: Interventions") {
			t.Errorf("%s: the carried step made from Interventions reads %q", name, line)
		}
		if strings.Contains(line, "From:") {
			t.Errorf("%s: the carried step says from twice: %q", name, line)
		}
	}
	page := html.UnescapeString(string(ReportHTML(p, reportToday, nil, with)))
	checkContains(t, "the HTML report", page, `<th scope="col">Recommendation</th></tr></thead>`, `<td data-label="Recommendation">Interventions</td>`)
	if strings.Contains(page, `data-label="From"`) {
		t.Error(`the HTML report's project plan still has a "From" column beside "Carried on from the review of"`)
	}
}
