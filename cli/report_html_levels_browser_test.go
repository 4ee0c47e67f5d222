package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/plans"
)

// TestReportHTMLFiveLevelsInBrowser: a report on a checklist of one's own
// with five levels, every item rated round the scale, opened in a
// browser. Each level's badge and chart segment has a colour of its own
// (the three middle levels were all amber), printed in greyscale each is
// still a tenth of the scale lighter than the next, and axe-core finds no
// contrast or other serious problem.
func TestReportHTMLFiveLevelsInBrowser(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := checklistOnScale(t, dir, `
  - {key: not-started, label: Not started, description: Nothing in place yet}
  - {key: planned, label: Planned, description: Agreed}
  - {key: partly, label: Partly, description: Some of it}
  - {key: mostly, label: Mostly, description: Most of it}
  - {key: embedded, label: Embedded, description: "Everyone, every time"}`)
	out := ratedReportHTML(t, dir, "five.yaml", list, func(p *plans.Plan) {
		c := p.Checklist
		for i, e := range c.Items() {
			p.Response(e.Item.ID).Rating = c.Scale[i%len(c.Scale)].Key
		}
	})

	ctx := browsertest.New(t, 1280, 800, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	type level struct {
		Word   string  `json:"word"`
		Badge  string  `json:"badge"`
		Fill   string  `json:"fill"`
		Grey   float64 `json:"grey"`
		Counts int     `json:"counts"`
	}
	levels := run(t, ctx, chromedp.Evaluate[[]level](`["Not started", "Planned", "Partly", "Mostly", "Embedded"].map(word => {
		const badge = [...document.querySelectorAll(".rating")].find(e => e.textContent.trim().endsWith(" " + word));
		const seg = document.querySelector('.seg[data-word="' + word + '"]');
		const fill = seg ? getComputedStyle(seg).fill : "";
		const bg = badge ? getComputedStyle(badge).backgroundColor : "";
		const [R, G, B] = (bg.match(/[\d.]+/g) || [0, 0, 0]).map(Number).map(v => {
			v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return {word, badge: bg, fill, grey: 0.2126 * R + 0.7152 * G + 0.0722 * B};
	})`))
	for i, l := range levels {
		if l.Badge == "" || l.Fill == "" {
			t.Fatalf("%s: no badge or chart segment (badge %q, fill %q)", l.Word, l.Badge, l.Fill)
		}
		if l.Fill != l.Badge {
			t.Errorf("%s: the chart is %s, the badge %s", l.Word, l.Fill, l.Badge)
		}
		for _, o := range levels[:i] {
			if o.Badge == l.Badge {
				t.Errorf("%s and %s are both %s", o.Word, l.Word, l.Badge)
			}
			if d := o.Grey - l.Grey; d > -0.1 && d < 0.1 {
				t.Errorf("in greyscale %s (%.2f) and %s (%.2f) are too close", o.Word, o.Grey, l.Word, l.Grey)
			}
		}
	}
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() || v.Impact == "moderate" {
			t.Errorf("axe-core: %s", v)
		}
	}
}

// checklistOnScale writes dir/checklists/five.yaml: the built-in
// checklist with an id of its own and the given scale (YAML list entries,
// each on a line of its own starting with a newline), and returns its path.
func checklistOnScale(t *testing.T, dir, scale string) string {
	t.Helper()
	src, err := os.ReadFile("../checklist/builtin/smc-progression.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	start, end := strings.Index(text, "\nscale:\n"), strings.Index(text, "\nareas:\n")
	text = strings.Replace(text[:start], "id: smc-progression", "id: five-levels", 1) + "\nscale:" + scale + text[end:]
	list := filepath.Join(dir, "checklists", "five.yaml")
	if err := os.MkdirAll(filepath.Dir(list), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(list, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return list
}

// ratedReportHTML begins dir/plans/name on the checklist at list (ladder
// new, dated 2027-03-01), rates it with rate, saves it, and writes its
// HTML report to dir/report.html, whose path it returns.
func ratedReportHTML(t *testing.T, dir, name, list string, rate func(*plans.Plan)) string {
	t.Helper()
	plan := filepath.Join(dir, "plans", name)
	mustRun(t, "new", plan, "--checklist", list, "--org", "Acme", "--title", "Review", "--date", "2027-03-01")
	f, err := plans.Open(plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	rate(f.Plan)
	if _, err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "report.html")
	mustRun(t, "report", plan, "--format", "html", "--today", "2027-03-01", "-o", out)
	return out
}
