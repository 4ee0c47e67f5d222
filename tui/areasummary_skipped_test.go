package tui

import (
	"strconv"
	"strings"
	"testing"
)

// The last area's summary, where enter goes on to the next steps, says
// how many items of the earlier areas are still not rated: a facilitator
// who skipped items to come back to was taken to the next steps with
// "Next: the next steps (5 questions)" and nothing to say they were
// left behind. The earlier areas' summaries say nothing of it (the
// review has not passed the later areas yet), nor the last one when
// every earlier item is rated.
func TestTheLastAreasSummarySaysWhatEarlierAreasLeftUnrated(t *testing.T) {
	c, p := rvPlanOf(t, "smc-progression")
	last := len(c.Areas) - 1
	for _, it := range c.Areas[last].Items {
		p.Response(it.ID).Rating = "green"
	}
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h, _ := rvOpen(t, p, size[0], size[1])
		h.run(h.a.show(screenAreaSummary, last))
		requireFits(t, h, size[0], size[1])
		skipped := len(c.Areas[0].Items) + len(c.Areas[1].Items)
		h.requireView(strconv.Itoa(skipped) + " not rated in earlier areas: o shows every item.")
		h.run(h.a.show(screenAreaSummary, 0))
		if v := h.view(); strings.Contains(v, "in earlier areas") {
			t.Errorf("%dx%d: the first area's summary speaks of earlier areas:\n%s", size[0], size[1], v)
		}
	}

	// With a gap of its own too, the last summary counts it once: as its
	// own, not again among the earlier areas' (review's LeftUnrated
	// counts them all).
	p.Response(c.Areas[last].Items[0].ID).Rating = ""
	h, _ := rvOpen(t, p, 80, 24)
	h.run(h.a.show(screenAreaSummary, last))
	h.requireView("1 not rated yet: p goes back, o shows every item.")
	h.requireView(strconv.Itoa(len(c.Areas[0].Items)+len(c.Areas[1].Items)) + " not rated in earlier areas: o shows every item.")
	p.Response(c.Areas[last].Items[0].ID).Rating = "green"

	for _, a := range c.Areas[:last] {
		for _, it := range a.Items {
			p.Response(it.ID).Rating = "amber"
		}
	}
	h, _ = rvOpen(t, p, 80, 24)
	h.run(h.a.show(screenAreaSummary, last))
	if v := h.view(); strings.Contains(v, "in earlier areas") {
		t.Errorf("every earlier item rated, the last summary still speaks of them:\n%s", v)
	}
}
