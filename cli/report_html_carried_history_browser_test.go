package cli

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestCarriedHistoryChartInBrowser opens the HTML report of a plan
// carried on from last year's (ladder new --from), as a manager would
// from an email: the history chart has last year's three columns before
// this year's, a dashed line between them with "carried on from" beside
// it, drawn whole inside the chart, the table under it names last year's
// plan on its rows, nothing fails axe-core, and in a dark scheme the line
// is drawn in the page's light ink (printed, in the dark ink of paper).
func TestCarriedHistoryChartInBrowser(t *testing.T) {
	t.Parallel()
	repo, _ := reportGitRepo(t)
	last := filepath.Join(repo.Dir, "plans", "acme.yaml")
	plan := filepath.Join(repo.Dir, "plans", "2028", "acme.yaml")
	var stderr bytes.Buffer
	if code := Main([]string{"new", plan, "--from", last, "--title", "Review 2028", "--date", "2028-01-20"}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("new --from: exit %d\n%s", code, stderr.String())
	}
	repo.Git("add", "plans")
	repo.GitAt("2028-01-20T10:00:00Z", "commit", "-q", "-m", "Carry the review on to 2028")
	out := filepath.Join(t.TempDir(), "report.html")
	if code := Main([]string{"report", plan, "--format", "html", "--today", "2028-01-21", "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	ctx := browsertest.New(t, 1280, 800, 2*time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))

	type box struct{ Left, Right, Top, Bottom float64 }
	geometry := run(t, ctx, chromedp.Evaluate[map[string][]box](`(() => {
		const s = document.querySelector("section[aria-labelledby=history]");
		const b = e => { const r = e.getBoundingClientRect(); return {Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom}; };
		return {
			svg: [b(s.querySelector("svg"))],
			cols: [...s.querySelectorAll("g.col")].map(b),
			line: [...s.querySelectorAll("line.carried")].map(b),
			label: [...s.querySelectorAll("text.carried-lbl")].map(b),
		};
	})()`))
	cols, line, label, svg := geometry["cols"], geometry["line"], geometry["label"], geometry["svg"][0]
	if len(cols) != 4 || len(line) != 1 || len(label) != 1 {
		t.Fatalf("the chart has %d columns, %d carried-on lines and %d labels; want 4 (last year's 3, this year's 1), 1 and 1", len(cols), len(line), len(label))
	}
	if !(cols[2].Right < line[0].Left && line[0].Right < cols[3].Left) {
		t.Errorf("the carried-on line (%v) is not between last year's last column (%v) and this year's first (%v)", line[0], cols[2], cols[3])
	}
	if label[0].Left < svg.Left || label[0].Right > svg.Right {
		t.Errorf("the carried-on words (%v) run out of the chart (%v)", label[0], svg)
	}
	seen := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("section[aria-labelledby=history]").textContent`))
	for _, want := range []string{
		"the first 3, left of the dashed line, are of plans/acme.yaml, the review it carried on from",
		"carried on from plans/acme.yaml",
		"Workshop: every item rated (plans/acme.yaml)",
	} {
		if !strings.Contains(seen, want) {
			t.Errorf("the history section does not say %q", want)
		}
	}
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() {
			t.Errorf("axe-core: %s", v)
		}
	}
	stroke := `getComputedStyle(document.querySelector("line.carried")).stroke`
	setColourScheme(t, ctx, "", "dark")
	if s := run(t, ctx, chromedp.Evaluate[string](stroke)); s != "rgb(236, 236, 236)" {
		t.Errorf("in a dark scheme the carried-on line is %s, want the page's light ink", s)
	}
	setColourScheme(t, ctx, "print", "dark")
	if s := run(t, ctx, chromedp.Evaluate[string](stroke)); s != "rgb(26, 26, 26)" {
		t.Errorf("printed, the carried-on line is %s, want the dark ink of paper", s)
	}
	saveScreenshot(t, ctx, "carried-history.png")
}
