package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/plans"
)

// TestReportHTMLTagsHoldTheirWordsInBrowser: an employer's own checklist
// on its own words (Not started, Started, Embedded, Leading), an area of
// two items rated Embedded and Leading. Each half of the area's bar is
// labelled on a white tab with the level's shape and words; in Chromium's
// font "Embedded 1" ran past its tab's right edge, the 1 outside it on the
// amber. Every tab's words end inside the tab, and an area of one item is
// "(1 item)", not "(1 items)".
func TestReportHTMLTagsHoldTheirWordsInBrowser(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := filepath.Join(dir, "checklists", "ours.yaml")
	if err := os.MkdirAll(filepath.Dir(list), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(list, []byte(`id: acme-people
title: Acme people review
version: "1"
source: Acme, our own questions
scale:
  - {key: none, label: Not started, description: We do nothing here yet}
  - {key: started, label: Started, description: "Something, in one place"}
  - {key: embedded, label: Embedded, description: "Everywhere, most of the time"}
  - {key: leading, label: Leading, description: Others learn from us}
areas:
  - id: hiring
    title: Hiring
    items:
      - {id: ac-ads, title: Advertise every job openly with its pay.}
      - {id: ac-skills, title: Hire for skills not degrees.}
  - id: growing
    title: Growing people
    items:
      - {id: ac-training, title: Everyone gets two training days a year.}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := ratedReportHTML(t, dir, "ours.yaml", list, func(p *plans.Plan) {
		for id, rating := range map[string]string{"ac-ads": "leading", "ac-skills": "embedded", "ac-training": "none"} {
			p.Response(id).Rating = rating
		}
	})

	ctx := browsertest.New(t, 900, 1400, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	type tag struct {
		Text      string  `json:"text"`
		TabRight  float64 `json:"tabRight"`
		TextRight float64 `json:"textRight"`
	}
	tags := run(t, ctx, chromedp.Evaluate[[]tag](`[...document.querySelectorAll("g.tag")].filter(g => g.querySelector("text")).map(g => {
		const tab = g.querySelector("rect").getBBox(), text = g.querySelector("text").getBBox();
		return {text: g.querySelector("text").textContent, tabRight: tab.x + tab.width, textRight: text.x + text.width};
	})`))
	seen := map[string]bool{}
	for _, g := range tags {
		seen[g.Text] = true
		if g.TextRight > g.TabRight {
			t.Errorf("the tab's words %q end at %.1f, past the tab's right edge at %.1f", g.Text, g.TextRight, g.TabRight)
		}
	}
	if !seen["Embedded 1"] || !seen["Leading 1"] {
		t.Errorf("tabs %v, want Embedded 1 and Leading 1 on Hiring's two halves", tags)
	}
	totals := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("figcaption .total")].map(e => e.textContent)`))
	if len(totals) != 2 || totals[0] != "(2 items)" || totals[1] != "(1 item)" {
		t.Errorf("the areas' totals say %q, want (2 items) and (1 item)", totals)
	}
}
