package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// statusToday is the day the status page's folder is listed on.
var statusToday = plans.Date{Year: 2027, Month: 3, Day: 1}

// chaseFolder makes a folder of plans as a small business has them after
// a year: last year's review carried on to this year's (so one line under
// Next reviews), and a bakery's review with every item's action open, due
// from two months ago to three months on, some undated, one owner's name
// and one action far longer than anyone types, and one action that tries
// to be markup. It works in the folder's parent, as ladder is run at the
// top of a repository, and returns the plans folder's name, plans.
func chaseFolder(t *testing.T) string {
	t.Helper()
	t.Chdir(t.TempDir())
	dir := "plans"
	c, ok := checklist.Builtin(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	owners := []string{"Ana", "Björn", "李雷", "Zoë", "", "Sam Okonkwo-Fairweather"}
	write := func(name, org, title string, held plans.Date, offset int) {
		p := plans.New(c, org, title, held)
		for i, e := range c.Items() {
			r := p.Items[e.Item.ID]
			r.Rating = []string{"red", "amber", "green"}[i%3]
			r.Action = fmt.Sprintf("%s: agree who does it and tell the team", e.Item.ID)
			r.Owner = owners[(i+offset)%len(owners)]
			if i%7 != 6 {
				r.Due = statusToday.AddDays((i*11+offset)%150 - 60)
			}
			if i%5 == 4 {
				r.Status = plans.StatusDone
			}
		}
		if name == "bakery.yaml" {
			first := c.Items()[0].Item.ID
			p.Items[first].Owner = strings.Repeat("Maximiliana-", 30) + "Smith"
			p.Items[first].Action = strings.Repeat("Write it all down ", 40) + strings.Repeat("x", 300)
			p.Items[c.Items()[1].Item.ID].Action = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("acme-2026.yaml", "Acme Café Ltd", "Review 2026", statusToday.AddDays(-200), 0)
	// The bakery's review was nearly a year ago: the page suggests the
	// next, with the command that begins it.
	write("bakery.yaml", "Acme Bakery", "Spring review", statusToday.AddDays(-355), 3)
	mustRun(t, "new", filepath.Join(dir, "acme-2027.yaml"), "--from", filepath.Join(dir, "acme-2026.yaml"),
		"--org", "Acme Café Ltd", "--title", "Review 2027", "--date", "2027-02-01")
	return dir
}

// TestStatusHTMLInBrowser opens the status page in headless Chromium, as
// the manager opens the attachment: the actions are those of the text
// list in the same order, each late one reads "⚠ N days late" in the
// overdue colour, plan text stayed text, nothing fails axe-core or
// html-validate, it prints on A4 with no row split and no heading left
// at the foot of a page, and on a phone it needs no sideways scrolling
// and each action is a card that starts with what is to be done.
func TestStatusHTMLInBrowser(t *testing.T) {
	dir := chaseFolder(t)
	out := filepath.Join(t.TempDir(), "chase.html")
	textOut := filepath.Join(t.TempDir(), "chase.txt")
	for _, args := range [][]string{{"-o", out}, {"-o", textOut}} {
		var stderr bytes.Buffer
		if code := Main(append([]string{"status", dir, "--today", statusToday.String()}, args...), nil, io.Discard, &stderr); code != ExitOK {
			t.Fatalf("status %v: exit %d\n%s", args, code, stderr.String())
		}
		if want := "Wrote " + args[1] + ": the open actions as "; !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("status %v wrote to stderr:\n%s\nwant one line starting %q", args, stderr.String(), want)
		}
	}
	checkHTMLValidates(t, out)

	ctx := browsertest.New(t, 1280, 800, 2*time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	if title := run(t, ctx, chromedp.Evaluate[string](`document.title`)); !strings.HasPrefix(title, "Open actions on 2027-03-01 in ") {
		t.Errorf("the page's title is %q: a script from the plan ran, or the title is wrong", title)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("script, img, iframe, [onerror]").length`)); n > 0 {
		t.Errorf("plan text became %d elements", n)
	}
	checkStatusRowsMatchText(t, ctx, textOut)
	if got := run(t, ctx, chromedp.Evaluate[string](`document.querySelector(".reviews-to-begin code")?.textContent ?? ""`)); got != "ladder new plans/bakery-2027.yaml --from plans/bakery.yaml --title 'Spring review 2027'" {
		t.Errorf("the page suggests beginning the next review with %q", got)
	}
	checkLateRows(t, ctx)
	checkLateBarClearsText(t, ctx, "on a wide screen")
	checkCardsAtDoubleZoom(t, ctx)
	for _, v := range browsertest.Axe(t, ctx) {
		t.Errorf("axe-core: %s", v)
	}
	saveScreenshot(t, ctx, "status-html.png")

	// Print: A4, no row or list entry split across pages, no heading left
	// at the foot of a page, and each table's heading repeated.
	pdf := run(t, ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if n := pdfPages(pdf); n < 2 || n > 5 {
		t.Errorf("the list of %d actions prints on %d A4 pages, want 2 to 5", strings.Count(readFile(t, textOut), "\n  20"), n)
	}
	if err := os.WriteFile(filepath.Join(browsertest.ArtifactDir(t), "status.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	setMedia(t, ctx, "print")
	if split := run(t, ctx, chromedp.Evaluate[[]string](`[
		...[...document.querySelectorAll("tr, li")].filter(e => getComputedStyle(e).breakInside !== "avoid"),
		...[...document.querySelectorAll("h1, h2")].filter(e => getComputedStyle(e).breakAfter !== "avoid"),
		...[...document.querySelectorAll("thead")].filter(e => getComputedStyle(e).display !== "table-header-group"),
	].map(e => e.outerHTML.slice(0, 80))`)); len(split) > 0 {
		t.Errorf("%d rows, entries or headings may be split from what follows them in print, such as %s", len(split), split[0])
	}
	setMedia(t, ctx, "")

	// A phone: everything fits the width; each action is a card whose
	// first line is the action, and no label stands with nothing after it.
	checkPhoneCards(t, ctx, out)
	checkLateBarClearsText(t, ctx, "on a phone")
	if notFirst := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.chase tbody tr")]
		.filter(tr => tr.querySelector(".c-action").getBoundingClientRect().top > tr.querySelector("td").getBoundingClientRect().top)
		.map(tr => tr.querySelector(".c-action").textContent.slice(0, 40))`)); len(notFirst) > 0 {
		t.Errorf("on a phone, %d cards do not start with their action, such as %q", len(notFirst), notFirst[0])
	}
	for _, v := range browsertest.Axe(t, ctx) {
		t.Errorf("axe-core on a phone: %s", v)
	}
	saveScreenshot(t, ctx, "status-html-phone.png")
}

// checkStatusRowsMatchText: the page's actions, read from the browser,
// are the text list's, in its order, with the same due date and lateness.
func checkStatusRowsMatchText(t *testing.T, ctx context.Context, textFile string) {
	t.Helper()
	rowRE := regexp.MustCompile(`^  (\d{4}-\d\d-\d\d|-)\s+((?:\d+ days? late|today|in \d+ days?)?)\s`)
	var want []string
	for _, line := range strings.Split(readFile(t, textFile), "\n") {
		if m := rowRE.FindStringSubmatch(line); m != nil {
			due := m[1]
			if due == "-" {
				due = "No due date"
			}
			want = append(want, strings.TrimSpace(due+" "+m[2]))
		}
	}
	got := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.chase tbody tr")].map(tr =>
		(tr.querySelector("td[data-label=Due]").innerText + " " + tr.querySelector("td[data-label=When]").innerText.replace(/^⚠\s*/, "")).trim())`))
	if len(want) < 30 {
		t.Fatalf("the text list has %d actions: the fixture is not what this test means to check", len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the page lists\n%s\nthe text\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkLateRows: each late action says so in a shape and words, in the
// overdue colour, with the late row's bar; no other row does.
func checkLateRows(t *testing.T, ctx context.Context) {
	t.Helper()
	type row struct {
		When   string `json:"when"`
		Late   bool   `json:"late"`
		Colour string `json:"colour"`
		Bar    string `json:"bar"`
	}
	rows := run(t, ctx, chromedp.Evaluate[[]row](`[...document.querySelectorAll("table.chase tbody tr")].map(tr => {
		const when = tr.querySelector("td[data-label=When]");
		const strong = when.querySelector("strong");
		return {when: when.innerText, late: tr.classList.contains("late"),
			colour: strong ? getComputedStyle(strong).color : "",
			bar: getComputedStyle(tr.querySelector("td")).boxShadow};
	})`))
	lateRE := regexp.MustCompile(`^⚠ \d+ days? late$`)
	late := 0
	for _, r := range rows {
		isLate := strings.HasSuffix(r.When, " late")
		if isLate {
			late++
		}
		switch {
		case isLate && !lateRE.MatchString(r.When):
			t.Errorf("a late action reads %q: it needs the shape and the words", r.When)
		case isLate && (r.Colour != "rgb(155, 28, 28)" || !strings.Contains(r.Bar, "rgb(155, 28, 28)") || !r.Late):
			t.Errorf("the late action %q is not in the overdue colour (%s, bar %s)", r.When, r.Colour, r.Bar)
		case !isLate && (r.Late || strings.Contains(r.When, "⚠")):
			t.Errorf("an action due %q is marked late", r.When)
		}
	}
	if late < 5 {
		t.Errorf("%d late actions: the fixture should have several", late)
	}
}

// checkHTMLValidates runs html-validate's recommended rules over a page.
func checkHTMLValidates(t *testing.T, page string) {
	t.Helper()
	bin := testtool.Need(t, "html-validate")
	cmd := exec.Command(bin, filepath.Base(page))
	cmd.Dir = filepath.Dir(page)
	if err := os.WriteFile(filepath.Join(cmd.Dir, ".htmlvalidate.json"), []byte(`{"extends": ["html-validate:recommended"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("html-validate found problems:\n%s", out)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
