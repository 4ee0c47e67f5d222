package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/plans"
)

// TestStatusHTMLKeepsRightToLeftNamesApart opens the status page of a
// plan written in Arabic, with owners named in Hebrew, in Chromium. A
// right-to-left name must not pull the page's own words and numbers
// beside it into its direction: "שרה כהן (2 overdue)" drawn as
// "(2 overdue) שרה כהן", or a plan's name swapped with its path, would
// tell the board the wrong count for the wrong person.
func TestStatusHTMLKeepsRightToLeftNamesApart(t *testing.T) {
	t.Chdir(t.TempDir())
	c, ok := checklist.Builtin(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	const org, title = "شركة الأمل", "مراجعة الربيع"
	p := plans.New(c, org, title, statusToday.AddDays(-90))
	owners := []string{"שרה כהן", "דוד לוי 2"}
	for i, e := range c.Items()[:6] {
		r := p.Items[e.Item.ID]
		r.Rating = "red"
		r.Action = "اكتب رؤية من صفحة واحدة 3"
		r.Owner = owners[i%2]
		r.Due = statusToday.AddDays(i*20 - 30)
	}
	if err := os.MkdirAll("plans", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("plans", "amal.yaml"), plans.Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx := browsertest.New(t, 1280, 800, 2*time.Minute)
	for _, by := range []string{"owner", "plan", "due"} {
		out := filepath.Join(t.TempDir(), "chase-by-"+by+".html")
		var stderr bytes.Buffer
		if code := Main([]string{"status", "plans", "--today", statusToday.String(), "--by", by, "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
			t.Fatalf("status --by %s: exit %d\n%s", by, code, stderr.String())
		}
		do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))

		// Each heading's count stays to the right of the name it counts,
		// and each of the page's own words stays where it is written.
		type misplaced struct {
			Where string `json:"where"`
			Text  string `json:"text"`
		}
		bad := run(t, ctx, chromedp.Evaluate[[]misplaced](`((ORG, TITLE) => {
			const bad = [];
			// The visual boxes of what comes before el in its parent, and of el.
			const before = (el) => { const r = document.createRange(); r.setStart(el.parentNode, 0); r.setEndBefore(el); return r.getBoundingClientRect(); };
			for (const s of document.querySelectorAll("h2 .summary")) {
				if (s.getBoundingClientRect().left < before(s).right - 1) bad.push({where: "heading", text: s.parentNode.innerText});
			}
			// Where the text str is drawn in el.
			const rectOf = (el, str) => {
				const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
				for (let n = walk.nextNode(); n; n = walk.nextNode()) {
					const at = n.data.indexOf(str);
					if (at < 0) continue;
					const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + str.length);
					return r.getBoundingClientRect();
				}
				return null;
			};
			// A plan's name: organisation, title and path, left to right
			// as written, in a heading of the list by plan, in the totals,
			// and in the line naming the one plan that holds every action.
			let names = 0;
			for (const el of document.querySelectorAll("h2, table.totals th[scope=row], p.lone")) {
				const parts = [ORG, TITLE, "plans/amal.yaml"].map(s => rectOf(el, s));
				if (parts.some(r => !r)) continue;
				names++;
				if (!parts.every((r, i) => i === 0 || r.left >= parts[i-1].right - 1)) bad.push({where: el.tagName === "H2" ? "heading" : el.tagName === "P" ? "line naming the plan" : "totals", text: el.innerText});
			}
			if (!names) bad.push({where: "page", text: "no plan name"});
			return bad;
		})(`+strconv.Quote(org)+`, `+strconv.Quote(title)+`)`))
		for _, b := range bad {
			t.Errorf("status --by %s: in the %s %q a right-to-left name took the page's own words or numbers out of place", by, b.Where, b.Text)
		}
		if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("h2 .summary").length`)); n < 1 {
			t.Errorf("status --by %s: %d headings with a count: the fixture is not what this test means to check", by, n)
		}
		saveScreenshot(t, ctx, "status-rtl-by-"+by+".png")
	}
}
