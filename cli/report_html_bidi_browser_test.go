package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/gittest"
)

// TestReportHTMLChangeReadsOldToNew opens the HTML report of a plan whose
// last commit gave an action from one owner named in Arabic to another,
// in Chromium. "What changed" writes it "old → new"; with both names
// right to left, the arrow between them took their direction and the
// line was drawn "new → old", telling the board the action went the
// other way. The old name must be drawn left of the arrow, the new one
// right of it.
func TestReportHTMLChangeReadsOldToNew(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	const plan, oldOwner, newOwner = "plans/amal.yaml", "عائشة", "فاطمة"
	mustRun(t, "new", plan, "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	setOwner := func(owner string) {
		data, err := os.ReadFile(plan)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(data), "  lc-vision:\n    rating: unrated\n    action:\n    owner:",
			"  lc-vision:\n    rating: red\n    action: اكتب رؤية\n    owner: "+owner, 1)
		edited = strings.Replace(edited, "owner: "+oldOwner, "owner: "+owner, 1)
		if err := os.WriteFile(plan, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setOwner(oldOwner)
	repo.Git("add", ".")
	repo.Git("commit", "-q", "-m", "Rate the vision")
	setOwner(newOwner)
	repo.Git("commit", "-q", "-am", "Hand the vision over")

	out := filepath.Join(t.TempDir(), "report.html")
	var stderr bytes.Buffer
	if code := Main([]string{"report", plan, "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	ctx := browsertest.New(t, 1280, 800, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	type drawn struct {
		Text            string `json:"text"`
		Old, Arrow, New float64
	}
	got := run(t, ctx, chromedp.Evaluate[[]drawn](`((OLD, NEW) => [...document.querySelectorAll(".changes li")]
		.filter(li => !li.querySelector("li") && li.textContent.includes(OLD) && li.textContent.includes(NEW)).map(li => {
			const leftOf = (str) => {
				const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
				for (let n = walk.nextNode(); n; n = walk.nextNode()) {
					const at = n.data.indexOf(str);
					if (at < 0) continue;
					const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + str.length);
					return r.getBoundingClientRect().left;
				}
				return -1;
			};
			return {text: li.textContent, old: leftOf(OLD), arrow: leftOf("→"), new: leftOf(NEW)};
		}))(`+"`"+oldOwner+"`, `"+newOwner+"`"+`)`))
	if len(got) != 1 {
		t.Fatalf("%d lines of what changed name both owners, want 1", len(got))
	}
	if g := got[0]; !(g.Old < g.Arrow && g.Arrow < g.New) {
		t.Errorf("%q is drawn new → old: the old owner at %.0f px, the arrow at %.0f, the new owner at %.0f", g.Text, g.Old, g.Arrow, g.New)
	}
}
