package cli

import (
	"bytes"
	"context"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestReportHTMLDrawsRightToLeftWordsInTheirOwnOrder opens, in Chromium,
// the report of a care home whose people are named in Arabic beside names
// in other scripts. Two names in Arabic listed side by side among the
// participants were drawn in the wrong order when they shared a line (the
// comma between them took their direction: the second name read first,
// left to right), and an
// action written in Arabic that ends in a full stop had the stop drawn
// at its beginning, at the right, where a reader of Arabic reads its
// start. Each name and each answer is drawn apart (<bdi>): the names
// left to right as listed, the stop left of the words it ends.
func TestReportHTMLDrawsRightToLeftWordsInTheirOwnOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	const first, second, action, owner = "أحمد", "فاطمة", "تدريب المديرين.", "عائشة"
	mustRun(t, "new", "plans/care.yaml", "--org", "Care", "--title", "Spring", "--date", "2027-01-15",
		"--participant", "Zoë Ångström", "--participant", first, "--participant", second, "--participant", "王小明")
	data, err := os.ReadFile("plans/care.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "  lc-vision:\n    rating: unrated\n    action:\n    owner:",
		"  lc-vision:\n    rating: red\n    action: "+action+"\n    owner: "+owner, 1)
	if err := os.WriteFile("plans/care.yaml", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := openCareReport(t)
	names := run(t, ctx, chromedp.Evaluate[drawnPair](leftOf+"(`dd`, `"+first+"`, `"+second+"`)"))
	if names.First < 0 || names.Second < 0 {
		t.Fatalf("no detail names both participants: %+v", names)
	}
	if names.FirstTop > names.SecondTop || (names.FirstTop == names.SecondTop && names.First >= names.Second) {
		t.Errorf("participants %q: %q drawn at %.0f px, after %q at %.0f: the list reads in another order than written", names.Text, first, names.First, second, names.Second)
	}
	stop := run(t, ctx, chromedp.Evaluate[drawnPair](leftOf+"(`td`, `.`, `تدريب`)"))
	if stop.First < 0 || stop.Second < 0 {
		t.Fatalf("no cell holds the action: %+v", stop)
	}
	if stop.FirstTop != stop.SecondTop || stop.First >= stop.Second {
		t.Errorf("action %q: its full stop drawn at %.0f px, right of its first word at %.0f: at the words' start to a reader of Arabic", stop.Text, stop.First, stop.Second)
	}
}

// drawnPair is where two strings are drawn in an element (leftOf).
type drawnPair struct {
	Text                               string
	First, Second, FirstTop, SecondTop float64
}

// leftOf(sel, a, b): where a and b are drawn (left and top) in the
// first element sel finds whose text holds both. The names may be
// drawn on two lines.
const leftOf = `((sel, A, B) => {
	const el = [...document.querySelectorAll(sel)].find(e => e.textContent.includes(A) && e.textContent.includes(B));
	if (!el) return {text: "", first: -1, second: -1, firstTop: 0, secondTop: 0};
	const at = (str) => {
		const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			const i = n.data.indexOf(str);
			if (i < 0) continue;
			const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + str.length);
			return r.getBoundingClientRect();
		}
		return {left: -1, top: 0};
	};
	const a = at(A), b = at(B);
	return {text: el.textContent, first: a.left, second: b.left, firstTop: a.top, secondTop: b.top};
})`

// TestReportMarkdownListsRightToLeftNamesInOrder: the Markdown report, in
// an issue or a pull request, where GitHub draws each list item with
// dir="auto". Two participants named in Arabic side by side were drawn
// swapped there, as on the page; a left-to-right mark after a name
// written right to left keeps the comma, and the list, in order.
func TestReportMarkdownListsRightToLeftNamesInOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	const first, second = "أحمد", "فاطمة"
	mustRun(t, "new", "plans/care.yaml", "--org", "Care", "--title", "Spring", "--date", "2027-01-15",
		"--participant", "Zoë Ångström", "--participant", first, "--participant", second, "--participant", "王小明")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"report", "plans/care.yaml", "--format", "md", "--today", "2027-01-15"}, nil, &stdout, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	var item string
	for l := range strings.Lines(stdout.String()) {
		if strings.Contains(l, "Participants") {
			item = `<li dir="auto">` + html.EscapeString(strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(l), "- "), "**", "")) + "</li>"
		}
	}
	if item == "" {
		t.Fatalf("no participants in the report:\n%s", stdout.String())
	}
	page := filepath.Join(t.TempDir(), "issue.html")
	if err := os.WriteFile(page, []byte("<!doctype html><meta charset=utf-8><ul>"+item+"</ul>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t, 1280, 800, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, page)))
	type drawn struct {
		Text          string
		First, Second float64
	}
	got := run(t, ctx, chromedp.Evaluate[drawn](`((A, B) => {
		const li = document.querySelector("li"), t = li.firstChild.data;
		const at = (s) => { const i = t.indexOf(s), r = document.createRange(); r.setStart(li.firstChild, i); r.setEnd(li.firstChild, i + s.length); return r.getBoundingClientRect().left; };
		return {text: t, first: at(A), second: at(B)};
	})(`+"`"+first+"`, `"+second+"`)"))
	if got.First >= got.Second {
		t.Errorf("participants %q: %q drawn at %.0f px, after %q at %.0f", got.Text, first, got.First, second, got.Second)
	}
}

// TestReportHTMLDrawsRightToLeftAnswersInTheirOwnOrder: the answers the
// tables did not hold. A note, a quick win, the decision makers and who
// to speak with, written in Arabic and ending in a full stop, had the
// stop drawn at their beginning, at the right, where a reader of Arabic
// reads the start (the tables' cells were isolated, these were not). Each
// is now drawn apart, the stop left of the words it ends.
func TestReportHTMLDrawsRightToLeftAnswersInTheirOwnOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "new", "plans/care.yaml", "--org", "Care", "--title", "Spring", "--date", "2027-01-15")
	data, err := os.ReadFile("plans/care.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plan := string(data)
	for _, e := range []struct{ old, new string }{
		{"  lc-vision:\n    rating: unrated\n    action:\n    owner:\n    due:\n    status: todo\n    notes:",
			"  lc-vision:\n    rating: red\n    action:\n    owner:\n    due:\n    status: todo\n    notes: ينتظر المجلس."},
		{"    answers: []", "    answers:\n      - تدريب المديرين."},
		{"      leadership-culture:\n", "      leadership-culture: فريق الموارد.\n"},
		{"  decision-makers:\n    answer:", "  decision-makers:\n    answer: لجنة الإدارة."},
	} {
		if !strings.Contains(plan, e.old) {
			t.Fatalf("the new plan has no %q", e.old)
		}
		plan = strings.Replace(plan, e.old, e.new, 1)
	}
	if err := os.WriteFile("plans/care.yaml", []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := openCareReport(t)
	for _, c := range []struct{ what, sel, first string }{
		{"the note", ".note", "ينتظر"},
		{"the quick win", "li", "تدريب"},
		{"who to speak with", ".pairs dd", "فريق"},
		{"the decision makers", "p.text", "لجنة"},
	} {
		stop := run(t, ctx, chromedp.Evaluate[drawnPair](leftOf+"(`"+c.sel+"`, `.`, `"+c.first+"`)"))
		switch {
		case stop.First < 0 || stop.Second < 0:
			t.Errorf("%s: not on the page as %s", c.what, c.sel)
		case stop.FirstTop != stop.SecondTop || stop.First >= stop.Second:
			t.Errorf("%s %q: its full stop drawn at %.0f px, right of its first word at %.0f: at the words' start to a reader of Arabic", c.what, stop.Text, stop.First, stop.Second)
		}
	}
}

// openCareReport writes the HTML report of plans/care.yaml, as of
// 2027-01-15, and opens it in a browser tab the size of a laptop's screen.
func openCareReport(t *testing.T) context.Context {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.html")
	var stderr bytes.Buffer
	if code := Main([]string{"report", "plans/care.yaml", "-o", out, "--today", "2027-01-15"}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	ctx := browsertest.New(t, 1280, 800, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	return ctx
}
