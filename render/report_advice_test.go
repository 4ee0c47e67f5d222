package render

import (
	"html"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// TestReportAdvisesOnTheRedItems: a managing director who reads the
// report wants to know what the Social Mobility Commission advises on the
// items rated Red. The advice was on the review's screens (i) but in no
// report: the board saw seven Red items and nothing on what to do about
// them. Each format now gives, for each Red item, the source's advice with
// where it comes from; no other rating's.
func TestReportAdvisesOnTheRedItems(t *testing.T) {
	p, err := plans.LoadFile("testdata/report-21.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	var red, other []*checklist.Item
	for _, e := range p.Checklist.Items() {
		switch p.Items[e.Item.ID].Rating {
		case "red":
			red = append(red, e.Item)
		default:
			other = append(other, e.Item)
		}
	}
	if len(red) < 2 {
		t.Fatalf("the fixture has %d Red items: not what this test means to check", len(red))
	}
	// A passage's words as each format may wrap them: compare with spaces
	// and line breaks folded.
	fold := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	formats := map[string]string{
		// A passage is quoted: "> " begins each of its lines.
		"Markdown": fold(strings.ReplaceAll(string(ReportMarkdown(p, reportToday)), "\n> ", "\n")),
		"HTML":     fold(html.UnescapeString(string(ReportHTML(p, reportToday, nil)))),
		"text":     fold(string(ReportWords(p, reportToday))),
	}
	for name, out := range formats {
		head := strings.Index(out, "Advice on the Red items")
		if head < 0 {
			t.Errorf("%s: no advice on the Red items", name)
			continue
		}
		advice := out[head:]
		if !strings.Contains(advice, "What the Social Mobility Commission advises on each item rated") {
			t.Errorf("%s: the advice does not say whose it is", name)
		}
		for _, it := range red {
			if len(it.Guidance) == 0 {
				t.Fatalf("the Red item %s has no guidance: not what this test means to check", it.ID)
			}
			for _, g := range it.Guidance {
				if !strings.Contains(advice, fold(g.Text)) {
					t.Errorf("%s: the advice on the Red item %q lacks the passage %.60q…", name, it.Title, g.Text)
				}
				// The publisher is named once, above the passages.
				if doc := strings.TrimPrefix(g.Source, "Social Mobility Commission, "); !strings.Contains(advice, doc) {
					t.Errorf("%s: the advice on the Red item %q does not say it comes from %q", name, it.Title, doc)
				}
			}
		}
		for _, it := range other {
			for _, g := range it.Guidance {
				if strings.Contains(out, fold(g.Text)) && !sharedWithRed(g, red) {
					t.Errorf("%s: the report gives advice on %q, rated %s, not Red", name, it.Title, p.Items[it.ID].Rating)
				}
			}
		}
	}
}

// sharedWithRed: the guidance gives some passages to more than one item.
func sharedWithRed(g checklist.Passage, red []*checklist.Item) bool {
	for _, it := range red {
		for _, r := range it.Guidance {
			if r.Text == g.Text {
				return true
			}
		}
	}
	return false
}

// TestReportWithoutAdviceSaysNothingOfIt: a plan with no Red item, or a
// checklist with no guidance, has no advice section (no empty heading).
func TestReportWithoutAdviceSaysNothingOfIt(t *testing.T) {
	p, err := plans.LoadFile("testdata/report-21.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	for id, r := range p.Items {
		if r.Rating == "red" {
			r.Rating = "amber"
			p.Items[id] = r
		}
	}
	for name, out := range map[string][]byte{
		"Markdown": ReportMarkdown(p, reportToday),
		"HTML":     ReportHTML(p, reportToday, nil),
		"text":     ReportWords(p, reportToday),
	} {
		if strings.Contains(string(out), "Advice on the") {
			t.Errorf("%s: a plan with no Red item has an advice section", name)
		}
	}
}
