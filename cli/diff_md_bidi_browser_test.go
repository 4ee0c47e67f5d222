package cli

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestDiffMarkdownChangeReadsOldToNew: ladder diff --format md is pasted
// into a pull request, where GitHub draws each list item with dir="auto".
// A change between two right-to-left words, "old → new", took their
// direction at the arrow, and was drawn "new → old": an action handed
// from one owner named in Arabic to another read as going the other way.
// Each line of the Markdown is drawn here as GitHub draws a list item
// (its text, in <li dir="auto">); the old owner must be left of the
// arrow, the new one right of it, as in a line of left-to-right names.
func TestDiffMarkdownChangeReadsOldToNew(t *testing.T) {
	dir := t.TempDir()
	const oldOwner, newOwner = "عائشة", "فاطمة"
	write := func(name, owner, action string) string {
		path := filepath.Join(dir, name)
		plan := "schema: 1\nchecklist:\n  id: smc-progression\n  version: '1'\norganisation: Acme\ntitle: Spring\ndate: 2027-01-15\n" +
			"items:\n  lc-vision:\n    rating: red\n    action: " + action + "\n    owner: " + owner + "\n    due: 2027-06-30\n    status: todo\n"
		if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	oldPlan := write("old.yaml", oldOwner, "اكتب رؤية")
	newPlan := write("new.yaml", newOwner, "اكتب رؤية جديدة")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"diff", "--format", "md", oldPlan, newPlan}, nil, &stdout, &stderr); code != ExitOK {
		t.Fatalf("diff: exit %d\n%s", code, stderr.String())
	}
	var items []string
	for l := range strings.Lines(stdout.String()) {
		if strings.Contains(l, "→") && strings.HasPrefix(strings.TrimSpace(l), "- ") {
			text := strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(l), "- "), "**", "")
			items = append(items, `<li dir="auto">`+html.EscapeString(text)+"</li>")
		}
	}
	if len(items) < 2 {
		t.Fatalf("want the owner's and the action's changes as list items, got\n%s", stdout.String())
	}
	page := filepath.Join(dir, "comment.html")
	doc := "<!doctype html><meta charset=utf-8><ul>" + strings.Join(items, "\n") + "</ul>"
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t, 1280, 800, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, page)))
	type drawn struct {
		Text            string `json:"text"`
		Old, Arrow, New float64
	}
	for _, c := range []struct{ old, new string }{{oldOwner, newOwner}, {"اكتب رؤية", "اكتب رؤية جديدة"}} {
		got := run(t, ctx, chromedp.Evaluate[[]drawn](`((OLD, NEW) => [...document.querySelectorAll("li")]
		.filter(li => li.textContent.includes(OLD + " ") && li.textContent.includes(NEW)).map(li => {
			const t = li.firstChild.data, arrow = t.indexOf("→");
			const leftAt = (from, to) => {
				const r = document.createRange(); r.setStart(li.firstChild, from); r.setEnd(li.firstChild, to);
				return r.getBoundingClientRect().left;
			};
			const old = t.lastIndexOf(OLD, arrow), nw = t.indexOf(NEW, arrow);
			return {text: t, old: leftAt(old, old + OLD.length), arrow: leftAt(arrow, arrow + 1), new: leftAt(nw, nw + NEW.length)};
		}))(`+"`"+c.old+"`, `"+c.new+"`"+`)`))
		if len(got) != 1 {
			t.Fatalf("%d lines name %q and %q, want 1", len(got), c.old, c.new)
		}
		if g := got[0]; !(g.Old < g.Arrow && g.Arrow < g.New) {
			t.Errorf("%q is drawn new → old: the old words at %.0f px, the arrow at %.0f, the new ones at %.0f", g.Text, g.Old, g.Arrow, g.New)
		}
	}
}
