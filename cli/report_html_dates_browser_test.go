package cli

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestReportHTMLDatesStayWhole: on a phone the report's list of what is
// carried on read "due 2026-\n04-30" and "from the review of 2025-\n11-10",
// a date broken at its hyphen over two lines, and so did "Carried on
// from the review of 2025-11-\n10" under an action on a laptop. The
// tables' due dates were kept whole; every date on the page now is.
func TestReportHTMLDatesStayWhole(t *testing.T) {
	t.Parallel()
	ctx, out, _ := openCarriedReport(t, "2027")
	const broken = `(() => {
		const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
				const r = document.createRange();
				r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
				const lines = new Set([...r.getClientRects()].filter(c => c.width > 0).map(c => Math.round(c.top)));
				if (lines.size > 1) out.push(m[0] + " in " + n.parentElement.textContent.trim().slice(0, 60));
			}
		}
		return out;
	})()`
	for _, width := range []int{1280, 683, browsertest.PhoneWidth, 320} {
		do(t, ctx, chromedp.EmulateViewport(int64(width), 800))
		do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
		if dates := run(t, ctx, chromedp.Evaluate[[]string](broken)); len(dates) > 0 {
			t.Errorf("%d pixels wide, %d dates are broken over two lines, such as %s", width, len(dates), dates[0])
		}
	}
}
