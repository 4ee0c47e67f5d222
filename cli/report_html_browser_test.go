package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/plans"
)

var updateReportScreenshots = flag.Bool("update-report-screenshots", false, "write the HTML report screenshots the README shows into docs/")

// reportRepo makes a git repository whose plans/acme.yaml is the 21-item
// fixture, committed three times: unrated, half rated, and as it is. It
// returns the plan's path and the three versions.
func reportRepo(t testing.TB) (string, []*plans.Plan) {
	t.Helper()
	repo, versions := reportGitRepo(t)
	return filepath.Join(repo.Dir, "plans", "acme.yaml"), versions
}

// reportGitRepo is reportRepo's repository, for a test that commits to it.
func reportGitRepo(t testing.TB) (*gittest.Repo, []*plans.Plan) {
	t.Helper()
	final, err := plans.LoadFile("../render/testdata/report-21.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	first := plans.New(final.Checklist, final.Organisation, final.Title, final.Date)
	first.Facilitator, first.Participants = final.Facilitator, final.Participants
	half := final.Clone()
	for i, e := range final.Checklist.Items() {
		if i%2 == 0 {
			half.Items[e.Item.ID].Rating = checklist.Unrated
		}
	}
	half.Items["en-data-share"].Rating = "green"
	repo := gittest.New(t)
	gittest.Isolate(t)
	versions := []*plans.Plan{first, half, final}
	for i, v := range versions {
		date := fmt.Sprintf("2027-%02d-15T10:00:00Z", i+1)
		repo.CommitAt(date, "plans/acme.yaml", plans.Encode(v), []string{"Start the spring review", "Workshop: half the items rated", "Workshop: every item rated"}[i])
	}
	return repo, versions
}

// TestReportHTMLInBrowser opens the HTML report of a plan kept in git in
// headless Chromium, as the board would open the attachment: the charts
// say what the plan says, the history has a column per commit, nothing
// fails axe-core, a phone needs no sideways scrolling, and it prints on
// three A4 pages with no row split across them.
func TestReportHTMLInBrowser(t *testing.T) {
	t.Parallel()
	plan, versions := reportRepo(t)
	out := filepath.Join(t.TempDir(), "report.html")
	var stderr bytes.Buffer
	if code := Main([]string{"report", plan, "--format", "html", "--today", "2027-03-01", "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	if want := "Wrote " + out + ": the report as a web page.\n"; stderr.String() != want {
		t.Errorf("report wrote to stderr:\n%s\nwant only:\n%s", stderr.String(), want)
	}
	p := versions[len(versions)-1]

	ctx := browsertest.New(t, 1280, 800, 2*time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	checkChartsMatchPlan(t, ctx, p)
	checkHistoryChart(t, ctx, versions)
	checkGreyscale(t, ctx)
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() {
			t.Errorf("axe-core: %s", v)
		}
	}
	saveScreenshot(t, ctx, "report-html.png")

	// Print: three A4 pages (two of what the review said, and the
	// Commission's advice on its seven Red items), and no row of a table
	// split between them.
	pdf := run(t, ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if n := pdfPages(pdf); n != 3 {
		t.Errorf("the 21-item plan prints on %d A4 pages, want 3", n)
	}
	savePDF(t, pdf)
	setMedia(t, ctx, "print")
	if split := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("tr, figure")]
		.filter(e => getComputedStyle(e).breakInside !== "avoid").map(e => e.outerHTML.slice(0, 80))`)); len(split) > 0 {
		t.Errorf("%d rows or figures may be split across printed pages, such as %s", len(split), split[0])
	}
	setMedia(t, ctx, "")

	checkLateBarClearsText(t, ctx, "on a wide screen")
	checkCardsAtDoubleZoom(t, ctx)

	// A phone: everything fits the width; the tables become cards.
	checkPhoneCards(t, ctx, out)
	checkLateBarClearsText(t, ctx, "on a phone")
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() {
			t.Errorf("axe-core on a phone: %s", v)
		}
	}
	saveScreenshot(t, ctx, "report-html-phone.png")
}

// checkCardsAtDoubleZoom: a laptop 1366 pixels wide zoomed to 200% lays
// the page out 683 pixels wide, where six columns of items leave an owner
// a few letters a line: there, as on a phone, each row is a card. Print
// keeps the tables (the A4 checks).
func checkCardsAtDoubleZoom(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.EmulateViewport(683, 800))
	defer do(t, ctx, chromedp.EmulateViewport(1280, 800))
	if rows := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.stack tbody tr")]
		.filter(tr => getComputedStyle(tr).display === "table-row").map(tr => tr.textContent.trim().slice(0, 40))`)); len(rows) > 0 {
		t.Errorf("683 pixels wide (200%% zoom on a 1366-pixel laptop), %d rows are still in narrow columns, such as %q", len(rows), rows[0])
	}
}

// checkLateBarClearsText: the red bar that marks a late row (an overdue
// item or step, a late action) is drawn beside the row's words, not over
// their first letters, as it was on a phone where the cards lose their
// cells' padding.
func checkLateBarClearsText(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	type row struct {
		Text     string  `json:"text"`
		BarRight float64 `json:"barRight"`
		TextLeft float64 `json:"textLeft"`
	}
	rows := run(t, ctx, chromedp.Evaluate[[]row](`[...document.querySelectorAll("tr.late")].map(tr => {
		const bar = [tr, tr.firstElementChild].find(e => getComputedStyle(e).boxShadow.includes("inset"));
		const lefts = [], words = document.createTreeWalker(tr, NodeFilter.SHOW_TEXT);
		for (let n = words.nextNode(); n; n = words.nextNode()) {
			const range = document.createRange();
			range.selectNodeContents(n);
			lefts.push(...[...range.getClientRects()].filter(r => r.width > 0).map(r => r.left));
		}
		return {text: tr.textContent.trim().slice(0, 40), barRight: bar ? bar.getBoundingClientRect().left + 3 : -1,
			textLeft: Math.min(...lefts)};
	})`))
	if len(rows) == 0 {
		t.Fatalf("%s: no late row: the fixture is not what this test means to check", where)
	}
	for _, r := range rows {
		switch {
		case r.BarRight < 0:
			t.Errorf("%s: the late row %q has no bar", where, r.Text)
		case r.TextLeft < r.BarRight+2:
			t.Errorf("%s: the late row's bar ends at %.1f px and its text %q starts at %.1f: the bar covers it", where, r.BarRight, r.Text, r.TextLeft)
		}
	}
}

// checkPhoneCards opens page in the tab as a phone's browser lays it out:
// it fits the phone's width, and where its tables become cards no card
// shows a label with nothing after it.
func checkPhoneCards(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	do(t, ctx, chromedp.EmulateViewport(browsertest.PhoneWidth, browsertest.PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch))
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, page)))
	checkFitsPhone(t, ctx)
	if empty := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".stack td[data-label]")]
		.filter(td => getComputedStyle(td).display !== "none" && td.textContent.trim() === "")
		.map(td => td.dataset.label)`)); len(empty) > 0 {
		t.Errorf("on a phone, %d cards show a label with nothing after it, such as %q", len(empty), empty[0])
	}
}

// setMedia makes the tab lay its page out as for media ("print"), or as
// on a screen again ("").
func setMedia(t *testing.T, ctx context.Context, media string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatal(err)
	}
}

// checkFitsPhone fails the test if the page, open in a phone's viewport,
// is wider than the phone. It measures against the phone's width, not
// window.innerWidth: a mobile browser widens its layout viewport to a page
// that is too wide (and zooms out to show it), so innerWidth grows with
// the page and the page always "fits" it.
func checkFitsPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	if width := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); width > browsertest.PhoneWidth {
		t.Errorf("on a phone the page is %d pixels wide in a %d pixel screen: it scrolls sideways or shrinks", width, browsertest.PhoneWidth)
	}
	if wide := run(t, ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll("main *")]
		.filter(e => e.getBoundingClientRect().right > %d.5 && !e.closest("details:not([open])"))
		.map(e => e.tagName + " " + (e.textContent || "").slice(0, 40))`, browsertest.PhoneWidth))); len(wide) > 0 {
		t.Errorf("%d elements reach past the phone's right edge, such as %q", len(wide), wide[0])
	}
}

// TestReportHTMLDataSectionOnAPhone: the workforce data section, which the
// 21-item report above has not, fits a phone's width too (its table
// becomes one card per grade).
func TestReportHTMLDataSectionOnAPhone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plan := filepath.Join(dir, "plans", "acme.yaml")
	copyFile := func(from, to string, edit func(string) string) {
		t.Helper()
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, []byte(edit(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	same := func(s string) string { return s }
	copyFile("../render/testdata/report-21.yaml", plan, same)
	copyFile("../workforce/testdata/acme.data.yaml", filepath.Join(dir, "plans", "acme.data.yaml"), same)
	// The benchmark the data file names, with a long source: its table
	// is a card per group on a phone.
	if err := os.WriteFile(filepath.Join(dir, "plans", "uk-2027.benchmark.yaml"), []byte("source: "+
		"Made-up figures for a test of a long source, The Building Blocks figure 1, UK workforce 2027\n"+
		"working_class: 39%\nintermediate: 24%\nprofessional: 37%\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.html")
	var stderr bytes.Buffer
	if code := Main([]string{"report", plan, "--format", "html", "--today", "2027-03-01", "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	if page, err := os.ReadFile(out); err != nil || !bytes.Contains(page, []byte(`<h2 id="workforce">`)) {
		t.Fatalf("the report has no data section (%v)", err)
	} else if !bytes.Contains(page, []byte(`<caption>Compared with the benchmark: Made-up`)) {
		t.Fatalf("the report has no benchmark table:\n%s", page)
	}
	ctx := openOnAPhone(t, out)
	checkFitsPhone(t, ctx)
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() {
			t.Errorf("axe-core: %s", v)
		}
	}
	if empty := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.workforce td")]
		.filter(td => !td.dataset.label).map(td => td.textContent)`)); len(empty) > 0 {
		t.Errorf("%d cells of the data table have no label for a phone's card, such as %q", len(empty), empty[0])
	}
}

// TestReportHTMLLongAreaTitlesOnAPhone: the Building Blocks checklist's
// areas have titles of up to 98 characters ("Create a compelling, shared
// vision of ..."); they wrap on a phone instead of widening the page.
func TestReportHTMLLongAreaTitlesOnAPhone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plan := filepath.Join(dir, "plans", "bb.yaml")
	mustRun(t, "new", plan, "--checklist", "smc-building-blocks", "--org", "Acme", "--title", "Building blocks", "--date", "2027-03-01")
	out := filepath.Join(dir, "report.html")
	mustRun(t, "report", plan, "--format", "html", "--today", "2027-03-01", "-o", out)
	checkFitsPhone(t, openOnAPhone(t, out))
}

// TestReportHTMLRatingsFitTheirColumn: a scale's words can be longer than
// Red, Amber and Green (the cross-industry toolkit's "Developing",
// "Optimising"); each rating's badge stays inside its column, on a screen
// and on paper, instead of running over the action beside it.
func TestReportHTMLRatingsFitTheirColumn(t *testing.T) {
	t.Parallel()
	for checklist, levels := range map[string][2]string{
		"smc-progression":                {"amber", "green"},
		"smc-cross-industry-progression": {"developing", "optimising"},
	} {
		t.Run(checklist, func(t *testing.T) {
			dir := t.TempDir()
			plan := filepath.Join(dir, "plans", "plan.yaml")
			mustRun(t, "new", plan, "--checklist", checklist, "--org", "Acme", "--title", "Review", "--date", "2027-03-01")
			data, err := os.ReadFile(plan)
			if err != nil {
				t.Fatal(err)
			}
			rated := strings.Replace(strings.Replace(string(data), "rating: unrated", "rating: "+levels[0], 1), "rating: unrated", "rating: "+levels[1], 1)
			if err := os.WriteFile(plan, []byte(rated), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "report.html")
			mustRun(t, "report", plan, "--format", "html", "--today", "2027-03-01", "-o", out)
			ctx := browsertest.New(t, 1280, 800, time.Minute)
			do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
			// A rating badge, a due date and a status never wrap: none may
			// run out of its cell into the next column, at any width that
			// lays the items out as a table (narrower, they are cards).
			overflowing := `[...document.querySelectorAll(".items td .rating, .items td[data-label=Due] .nowrap, .items td[data-label=Status]")]
				.filter(b => b.tagName === "TD" ? b.scrollWidth > b.clientWidth + 0.5
					: b.getBoundingClientRect().right > b.closest("td").getBoundingClientRect().right + 0.5)
				.map(b => b.textContent)`
			for _, width := range []int64{700, 900, 1280} {
				do(t, ctx, chromedp.EmulateViewport(width, 800))
				if over := run(t, ctx, chromedp.Evaluate[[]string](overflowing)); len(over) > 0 {
					t.Errorf("on a screen %d px wide, %d ratings, dates or statuses run out of their column, such as %q", width, len(over), over[0])
				}
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if over := run(t, ctx, chromedp.Evaluate[[]string](overflowing)); len(over) > 0 {
				t.Errorf("in print, %d ratings run out of their column, such as %q", len(over), over[0])
			}
		})
	}
}

// openOnAPhone opens a page in a browser tab the size of a phone's screen,
// as a phone's browser lays it out.
func openOnAPhone(t *testing.T, page string) context.Context {
	t.Helper()
	ctx := browsertest.New(t, browsertest.PhoneWidth, browsertest.PhoneHeight, time.Minute)
	do(t, ctx, chromedp.EmulateViewport(browsertest.PhoneWidth, browsertest.PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch))
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, page)))
	return ctx
}

// checkChartsMatchPlan reads each area's chart as drawn (the labels'
// words and numbers, and the segments' widths) and compares it with the
// plan's counts.
func checkChartsMatchPlan(t *testing.T, ctx context.Context, p *plans.Plan) {
	t.Helper()
	type segment struct {
		Word  string  `json:"word"`
		Count int     `json:"count"`
		W     float64 `json:"w"`
	}
	type chart struct {
		Area     string    `json:"area"`
		Width    float64   `json:"width"`
		Segments []segment `json:"segments"`
		Labels   []string  `json:"labels"`
	}
	charts := run(t, ctx, chromedp.Evaluate[[]chart](`[...document.querySelectorAll("figure.chart")].map(f => ({
		area: f.querySelector("figcaption").firstChild.textContent.trim(),
		width: f.querySelector("svg").viewBox.baseVal.width,
		segments: [...f.querySelectorAll("rect.seg")].map(r => ({word: r.dataset.word, count: +r.dataset.count, w: r.getBBox().width})),
		labels: [...f.querySelectorAll("text.lbl")].map(t => t.textContent),
	}))`))
	perArea, _ := p.Counts()
	if len(charts) != len(perArea) {
		t.Fatalf("%d charts, want one per area (%d)", len(charts), len(perArea))
	}
	c := p.Checklist
	for i, ac := range perArea {
		ch := charts[i]
		if ch.Area != ac.Area.Title {
			t.Errorf("chart %d is for %q, want %q", i+1, ch.Area, ac.Area.Title)
		}
		var want []string
		counts := append(append([]int(nil), ac.ByLevel...), ac.Unrated)
		for li, n := range counts {
			word := "Unrated"
			if li < len(c.Scale) {
				word = c.Scale[li].Label
			}
			want = append(want, fmt.Sprintf("%s %d", word, n))
		}
		if strings.Join(ch.Labels, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: the chart says %q, the plan %q", ac.Area.Title, ch.Labels, want)
		}
		total := ac.Total()
		for _, s := range ch.Segments {
			if got, want := s.W/ch.Width, float64(s.Count)/float64(total); math.Abs(got-want) > 0.005 {
				t.Errorf("%s: the %s segment is %.3f of the bar for %d of %d items", ac.Area.Title, s.Word, got, s.Count, total)
			}
		}
	}
}

// checkHistoryChart: a column per commit, whose bars are that version's
// counts, and what changed since the commit before the last.
func checkHistoryChart(t *testing.T, ctx context.Context, versions []*plans.Plan) {
	t.Helper()
	columns := run(t, ctx, chromedp.Evaluate[[][]int](`[...document.querySelectorAll("section[aria-labelledby=history] g.col")]
		.map(g => [...g.querySelectorAll("rect.bar")].map(r => +r.dataset.count))`))
	if len(columns) != len(versions) {
		t.Fatalf("%d columns in the history chart, want one per commit (%d)", len(columns), len(versions))
	}
	for i, v := range versions {
		_, total := v.Counts()
		var want []int
		for _, n := range append(append([]int(nil), total.ByLevel...), total.Unrated) {
			if n > 0 {
				want = append(want, n)
			}
		}
		if fmt.Sprint(columns[i]) != fmt.Sprint(want) {
			t.Errorf("commit %d's column has bars %v, want %v", i+1, columns[i], want)
		}
	}
	text := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("section[aria-labelledby=history]").innerText`))
	for _, want := range []string{"What changed since the previous commit", "Workshop: half the items rated", "Worse:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the history section does not say %q:\n%s", want, text)
		}
	}
}

// checkGreyscale: printed in black and white, the colours of the levels
// are still told apart by how light they are (each a tenth of the scale
// or more from the next), and every rating says its word.
func checkGreyscale(t *testing.T, ctx context.Context) {
	t.Helper()
	lum := run(t, ctx, chromedp.Evaluate[map[string]float64](`(() => {
		const out = {};
		for (const cls of ["worst", "mid", "best"]) {
			const r = document.querySelector(".seg." + cls + ", .shape." + cls);
			const [R, G, B] = getComputedStyle(r).fill.match(/[\d.]+/g).map(Number).map(v => {
				v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
			out[cls] = 0.2126 * R + 0.7152 * G + 0.0722 * B;
		}
		out.none = 1; // white, hatched
		return out;
	})()`))
	order := []string{"worst", "best", "mid", "none"}
	for i := 1; i < len(order); i++ {
		if d := lum[order[i]] - lum[order[i-1]]; d < 0.1 {
			t.Errorf("in greyscale %s (%.2f) and %s (%.2f) are too close", order[i-1], lum[order[i-1]], order[i], lum[order[i]])
		}
	}
	words := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".rating")].map(e => e.textContent.trim())`))
	wordRE := regexp.MustCompile(`^\S (Red|Amber|Green|Unrated)$`)
	for _, w := range words {
		if !wordRE.MatchString(w) {
			t.Errorf("a rating reads %q: it needs its shape and word", w)
		}
	}
}

func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// pdfPages counts the pages of a PDF that Chromium printed: one page
// object each.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1))
}

// saveScreenshot keeps a screenshot of the window in docs/ with
// -update-report-screenshots, and otherwise among the test's artefacts
// when someone will see it (see browsertest.Screenshot): when the test
// has failed already or artefacts are kept.
func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if !*updateReportScreenshots {
		browsertest.Screenshot(t, ctx, name)
		return
	}
	png := run(t, ctx, chromedp.CaptureScreenshot())
	path := filepath.Join("..", "docs", name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func savePDF(t *testing.T, pdf []byte) {
	path := filepath.Join(browsertest.ArtifactDir(t), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("printed: %s", path)
}

// TestReportHTMLLongWordsOnAPhone: a plan's title with no space in it
// (a file name pasted in, "Spring_review_2027_...") wraps on a phone like
// any other text on the page, instead of widening the page so that it
// scrolls sideways: the heading it becomes had no rule to wrap it.
func TestReportHTMLLongWordsOnAPhone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plan := filepath.Join(dir, "plans", "acme.yaml")
	b, err := os.ReadFile("../render/testdata/report-21.yaml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Spring_review_2027_", 6)
	page := strings.Replace(string(b), "title: 'Spring review: progression'", "title: "+long, 1)
	page = strings.Replace(page, "organisation: Acme Café Ltd", "organisation: "+strings.ToUpper(long), 1)
	if err := os.MkdirAll(filepath.Dir(plan), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.html")
	var stderr bytes.Buffer
	if code := Main([]string{"report", plan, "--today", "2027-03-01", "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	if !strings.Contains(readFile(t, out), "<h1>"+long+"</h1>") {
		t.Fatal("the plan's long title is not the page's heading: the test's edit missed")
	}
	checkFitsPhone(t, openOnAPhone(t, out))
}

// TestReportHTMLLegendOfALongScale: under each area's bar, the legend
// names every level with its count in two columns. A checklist of one's
// own with five levels and long words ("Planned but not begun") ran each
// label into the next one's shape, and the right column off the chart's
// edge, cutting "begun 1" and the counts; such a legend takes one column.
func TestReportHTMLLegendOfALongScale(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := checklistOnScale(t, dir, `
  - {key: not-started, label: Not started, description: Nothing in place yet}
  - {key: planned, label: Planned but not begun, description: Agreed}
  - {key: partly, label: Partly in place, description: Some of it}
  - {key: mostly, label: Mostly in place, description: Most of it}
  - {key: embedded, label: Fully embedded, description: "Everyone, every time"}`)
	plan := filepath.Join(dir, "plans", "five.yaml")
	mustRun(t, "new", plan, "--checklist", list, "--org", "Acme", "--title", "Review", "--date", "2027-03-01")
	out := filepath.Join(dir, "report.html")
	mustRun(t, "report", plan, "--format", "html", "--today", "2027-03-01", "-o", out)
	ctx := browsertest.New(t, 1280, 800, time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	// In the SVG's own units: each label's text, from its shape to its
	// count, within the chart and clear of every other label.
	problems := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure.chart svg")].flatMap(svg => {
		const boxes = [...svg.querySelectorAll("text.lbl")].map(l => { const b = l.getBBox(); return {text: l.textContent, left: b.x - 18, right: b.x + b.width, top: b.y, bottom: b.y + b.height}; });
		const out = [];
		boxes.forEach((a, i) => {
			if (a.right > 240) out.push(a.text + " runs off the chart");
			boxes.slice(i + 1).forEach(b => {
				if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(a.text + " runs into " + b.text);
			});
		});
		return out;
	})`))
	if len(problems) > 0 {
		t.Errorf("the legends are cut or overlap: %q", problems)
	}
}

// TestCarriedReportHTMLInBrowser opens the report of a plan carried on
// twice (testdata/carried in render: 2025, 2026, 2027), as a board member
// would from an email on a laptop and on a phone: the review it carried
// on from is named at the top, every carried action and step says so in
// words the reader can see (not only a style), nothing fails axe-core,
// and on a phone the page fits its width with no empty card label.
func TestCarriedReportHTMLInBrowser(t *testing.T) {
	t.Parallel()
	ctx, out, seen := openCarriedReport(t, "2027")
	for _, want := range []string{
		"the review of Acme Café Ltd on 2026-03-02 (acme-2026.yaml), which carried on from the review of 2025-03-03",
		"4 actions and 2 project-plan steps, 4 of them still open",
		"Write a one-page vision for progression\nCarried on from the review of 2025-03-03 (2 reviews ago)",
	} {
		if !strings.Contains(seen, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	if n := strings.Count(seen, "Carried on from the review of"); n != 6 {
		t.Errorf("the page shows %d actions and steps as carried on, want 6", n)
	}
	checkAxeOnLaptopAndPhone(t, ctx, out)
}

// openCarriedReport writes the report of Acme's review of year (one of
// three carried on, one to the next: testdata/carried in render) as a web
// page, as made on 2027-03-01, and opens it in a laptop-sized browser. It
// returns the browser, the page's file and the text a reader sees
// (innerText skips what CSS hides).
func openCarriedReport(t *testing.T, year string) (context.Context, string, string) {
	t.Helper()
	dir := t.TempDir()
	for _, y := range []string{"2025", "2026", "2027"} {
		data, err := os.ReadFile("../render/testdata/carried/acme-" + y + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "acme-"+y+".yaml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "report.html")
	var stderr bytes.Buffer
	if code := Main([]string{"report", filepath.Join(dir, "acme-"+year+".yaml"), "--today", "2027-03-01", "-o", out}, nil, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr.String())
	}
	ctx := browsertest.New(t, 1280, 800, 2*time.Minute)
	do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, out)))
	return ctx, out, run(t, ctx, chromedp.Evaluate[string](`document.body.innerText`))
}

// checkAxeOnLaptopAndPhone runs axe-core over the page open in ctx, then
// over it at a phone's width, where its tables become cards.
func checkAxeOnLaptopAndPhone(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() {
			t.Errorf("axe-core: %s", v)
		}
	}
	checkPhoneCards(t, ctx, page)
	for _, v := range browsertest.Axe(t, ctx) {
		if v.Serious() {
			t.Errorf("axe-core on a phone: %s", v)
		}
	}
}

// TestHandedOnReportHTMLInBrowser opens last year's report once the plan
// was carried on (acme-2026, whose open actions acme-2027 took on), as a
// board member would: the page says where they are chased, counts none
// overdue here and says in visible words how many were handed on, marks
// each late one "overdue, handed on" with no red bar, and passes axe-core
// (the muted words keep their contrast).
func TestHandedOnReportHTMLInBrowser(t *testing.T) {
	t.Parallel()
	ctx, out, seen := openCarriedReport(t, "2026")
	for _, want := range []string{
		"its open actions are chased there",
		"0 (5 handed on to the next review)",
	} {
		if !strings.Contains(seen, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	if n := strings.Count(seen, "overdue, handed on"); n != 9 {
		t.Errorf("the page shows %d due dates as overdue, handed on, want 9", n)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.late, .overdue').length`)); n != 0 {
		t.Errorf("the page marks %d things late in red, in a plan whose open actions are chased elsewhere", n)
	}
	// A value beside a long name ("Overdue actions on 2027-03-01") goes
	// under it rather than into a column a word wide.
	if w := run(t, ctx, chromedp.Evaluate[float64](`Math.min(...[...document.querySelectorAll('.details dd')].map(d => d.getBoundingClientRect().width))`)); w < 120 {
		t.Errorf("a detail's value is squeezed to %.0f pixels wide beside its name", w)
	}
	checkAxeOnLaptopAndPhone(t, ctx, out)
}
