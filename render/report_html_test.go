package render

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// The fixtures of the HTML report: a 21-item plan with short answers and
// the room's votes (the plan the print stylesheet is measured with), the
// golden plan, and the plan with every combination of rating and status.
var htmlFixtures = map[string]string{
	"report-21":  "testdata/report-21.yaml",
	"golden":     "../plans/testdata/golden.yaml",
	"report-all": "../plans/testdata/report-all.yaml",
}

func TestReportHTMLGolden(t *testing.T) {
	for name, path := range htmlFixtures {
		t.Run(name, func(t *testing.T) {
			p := loadFixture(t, path)
			got := ReportHTML(p, reportToday, nil)
			checkHTMLGolden(t, name+".html", got)
			if again := ReportHTML(p, reportToday, nil); !bytes.Equal(got, again) {
				t.Error("two reports of the same plan differ")
			}
		})
	}
}

// checkHTMLGolden holds a page to report_html.css, inline, whole and in
// its one <style>, and the rest of the page to testdata/name: the goldens
// are of what each page says, and a change of style is a change to
// report_html.css alone. In the golden a link to the stylesheet stands in
// for it, so that a golden opened in a browser still looks as the page.
func checkHTMLGolden(t *testing.T, name string, page []byte) {
	t.Helper()
	inline := []byte("<style>\n" + reportStylesheet + "</style>\n")
	if n := bytes.Count(page, []byte("<style")); n != 1 || !bytes.Contains(page, inline) {
		t.Fatalf("%s: the page should have report_html.css whole in its one <style> (it has %d <style> elements)", name, n)
	}
	link := []byte("<!-- the page has ../report_html.css inline here; the golden links it -->\n" +
		`<link rel="stylesheet" href="../report_html.css">` + "\n")
	checkGolden(t, name, bytes.Replace(withoutPolicy(t, name, page, reportStylesheet), inline, link, 1))
}

// withoutPolicy is a page without its Content-Security-Policy, once it is
// found to allow the stylesheet css alone: the goldens, which link the
// stylesheet instead, leave it out, to be opened in a browser.
func withoutPolicy(t *testing.T, name string, page []byte, css string) []byte {
	t.Helper()
	policy := []byte(string(pagePolicy(css)) + "\n")
	if n := bytes.Count(page, []byte("Content-Security-Policy")); n != 1 || !bytes.Contains(page, policy) {
		t.Fatalf("%s: the page should have one policy allowing its stylesheet alone (it has %d)", name, n)
	}
	return bytes.Replace(page, policy, nil, 1)
}

// TestReportHTMLHistoryGolden covers the history section: a chart over
// the commits, one that did not load, and what changed since the one
// before the last. The golden is the section; the rest of the page is the
// page without history (report-21.html), byte for byte.
func TestReportHTMLHistoryGolden(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, versions := historyOf(t, p)
	got := ReportHTML(p, reportToday, h)
	before, rest, ok := bytes.Cut(got, []byte(`<section aria-labelledby="history">`))
	body, after, closed := bytes.Cut(rest, []byte("</section>\n"))
	if !ok || !closed {
		t.Fatal("the page has no history section")
	}
	section := slices.Concat([]byte(`<section aria-labelledby="history">`), body, []byte("</section>\n"))
	checkGolden(t, "report-21-history-section.html", section)
	without := slices.Concat(before, after)
	if plain := ReportHTML(p, reportToday, nil); !bytes.Equal(without, plain) {
		t.Errorf("without its history section, the page differs from the page of no history:\n%s", testtool.FirstDifference(plain, without))
	}
	page := datesUnwrapped(got)
	checkContains(t, "the report", page,
		`<h2 id="history">History in git</h2>`,
		"Rating counts at each of the 4 commits that changed the plan, oldest first.",
		"did not load: 3:1: something is wrong",
		`<td colspan="5">did not load: 3:1: something is wrong</td>`,
		"What changed since the previous commit",
		"Compared with commit c3c3c3c of 2027-01-27, “Rate the data items”:",
		"<strong>Worse:</strong> Data: Do you share data internally with clear commitments to how you will tackle any disparities? (Enablers): ▲ Amber → ■ Red",
	)
	// One column per commit; the last one's bars are the plan's counts.
	if n := strings.Count(page, `<g class="col">`); n != len(versions) {
		t.Errorf("%d columns in the history chart, want %d", n, len(versions))
	}
	// Changes not committed yet are compared with the last commit.
	h.Uncommitted, h.BaseEntry, h.Base = true, 3, versions[3]
	if page := string(ReportHTML(p, reportToday, h)); !strings.Contains(page, "(its last commit: these changes are not committed yet)") {
		t.Error("the report does not say the changes are not committed")
	}
}

// historyOf makes a history of p in four commits: unrated, a version that
// did not load, most items rated, and p with one rating moved back (the
// commit "what changed" compares with is the third).
func historyOf(t *testing.T, p *plans.Plan) (*ReportHistory, []*plans.Plan) {
	t.Helper()
	c := p.Checklist
	first := plans.New(c, p.Organisation, p.Title, p.Date)
	third := p.Clone()
	for id, rating := range map[string]string{"en-data-share": "amber", "en-policy-succession": "green"} {
		if r := third.Items[id]; r != nil {
			r.Rating = rating
		}
	}
	var entries []plans.HistoryEntry
	subjects := []string{"Start the spring review", "Half-rated, with a typo", "Rate the data items", "The board's changes <script>alert(1)</script>"}
	commits := []string{"a1a1a1a", "b2b2b2b", "c3c3c3c", "d4d4d4d"}
	versions := []*plans.Plan{first, nil, third, p}
	for i, v := range versions {
		e := plans.HistoryEntry{Commit: commits[i], Date: day(2027, 1, 15).AddDays(i * 6), Subject: subjects[i]}
		if v == nil {
			e.Problem = "did not load: 3:1: something is wrong"
		} else {
			e.SetPlan(v)
		}
		entries = append(entries, e)
	}
	return &ReportHistory{Entries: entries, Base: third, BaseEntry: 2}, versions
}

// TestReportHTMLIsSelfContained: nothing in the page is fetched from
// anywhere, so it opens offline from an email attachment, and it runs no
// script.
func TestReportHTMLIsSelfContained(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	page := string(ReportHTML(p, reportToday, h))
	checkLoadsAndRunsNothing(t, page)
	if size := len(page); size > 200<<10 {
		t.Errorf("the report of a 21-item plan is %d bytes, more than 200 KB", size)
	}
}

// checkLoadsAndRunsNothing fails the test for anything in a page that
// would fetch something (a script, a stylesheet, an image, a font, a
// frame, a link) or run something (a script, an event handler).
func checkLoadsAndRunsNothing(t *testing.T, page string) {
	t.Helper()
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)<script`), regexp.MustCompile(`(?i)<link`), regexp.MustCompile(`(?i)<img`),
		regexp.MustCompile(`(?i)<iframe`), regexp.MustCompile(`(?i)@import`), regexp.MustCompile(`(?i)\bsrc=`),
		regexp.MustCompile(`(?i)\bhref=`), regexp.MustCompile(`(?i)url\((?:[^#)]|$)`), regexp.MustCompile(`(?i)\bon[a-z]+=`),
		regexp.MustCompile(`(?i)@font-face`),
	} {
		if m := bad.FindString(page); m != "" {
			t.Errorf("the page has %q: it must load nothing and run nothing", m)
		}
	}
}

// hostileText is plan text that would become markup, script or a broken
// attribute if it were not escaped.
const hostileText = `<script>alert("x")</script>"><img src=x onerror=alert(1)>'</style></svg>&amp;]]>`

// hostileHTMLPlan puts hostile text in every field of a plan and of its
// checklist that the report shows.
func hostileHTMLPlan(t *testing.T) *plans.Plan {
	t.Helper()
	quoted := "'" + strings.ReplaceAll(hostileText, "'", "''") + "'"
	src := string(checklisttest.YAML(6))
	// Each of these lines gets the hostile text in place of its own.
	for _, prefix := range []string{
		"title: Generated checklist", "    title: Area 1 of", "        title: Do you do the 1st thing",
		"    label: Red", "        group: Data", "    question: What are your quick wins?",
	} {
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(prefix) + `.*$`)
		if !re.MatchString(src) {
			t.Fatalf("the generated checklist has no line %q", prefix)
		}
		key := prefix[:strings.Index(prefix, ":")+1]
		src = re.ReplaceAllLiteralString(src, key+" "+quoted)
	}
	c, err := checklist.Parse("hostile.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := plans.New(c, hostileText, hostileText, day(2027, 1, 15))
	p.Facilitator = hostileText
	p.Participants = []string{hostileText, hostileText}
	for _, e := range c.Items() {
		r := p.Items[e.Item.ID]
		r.Rating = "red"
		r.Action, r.Owner, r.Notes = hostileText, hostileText, hostileText+"\n"+hostileText
		r.Due = day(2027, 2, 1)
		r.Votes = &plans.Votes{Levels: map[string]int{"red": 2}, Unsure: 1}
	}
	p.FollowUps["quick-wins"].List = []string{hostileText}
	p.FollowUps["speak-with"].ByArea = map[string]string{"area-1": hostileText}
	p.FollowUps["decision-makers"].Text = hostileText
	p.FollowUps["project-plan"].Steps = []plans.Step{{ID: 1, Text: hostileText, Owner: hostileText, Due: day(2027, 2, 1), Status: plans.StatusTodo, From: c.Items()[0].Item.ID}}
	return p
}

// TestReportHTMLEscapesPlanText: text from the plan (and from a custom
// checklist, which comes from a pull request too) shows as typed; none of
// it becomes an element or an attribute.
func TestReportHTMLEscapesPlanText(t *testing.T) {
	t.Parallel()
	p := hostileHTMLPlan(t)
	h, _ := historyOf(t, p)
	h.Base = nil // the hostile plan's checklist is not the history's
	page := string(ReportHTML(p, reportToday, h))
	for _, bad := range []string{"<script", "<img", "</style></svg>", "onerror=alert(1)>"} {
		if strings.Contains(page, bad) {
			t.Errorf("plan text became markup: the page contains %q", bad)
		}
	}
	// html/template writes the text escaped, once per place it is shown
	// (the title, the heading, the details, the items ...).
	escaped := "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&lt;/style&gt;&lt;/svg&gt;&amp;amp;]]&gt;"
	if n := strings.Count(page, escaped); n < 20 {
		t.Errorf("the hostile text shows escaped %d times, want it in every field (at least 20)", n)
	}
	if !strings.Contains(page, "The board&#39;s changes &lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("a commit subject is not escaped")
	}
	validateHTML(t, map[string][]byte{"hostile.html": []byte(page)})
}

// TestReportHTMLShowsRevisitFlags: an item flagged to revisit in the plan
// (issue 10.8) is marked in its row and listed under the charts.
func TestReportHTMLShowsRevisitFlags(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	doc := buildReport(p, reportToday)
	it := &doc.areas[2].groups[0].items[1]
	p.Response(it.answer.id).Revisit = true
	page := string(ReportHTML(p, reportToday, nil))
	if !strings.Contains(page, "<h3>Flagged to revisit</h3>\n<ul class=\"revisit-list\">\n<li>"+it.title+" (Enablers)</li>") {
		t.Error("the flagged item is not listed under the charts")
	}
	if n := strings.Count(page, `<span class="revisit">Revisit</span>`); n != 1 {
		t.Errorf("%d rows marked Revisit, want 1", n)
	}
	if strings.Contains(string(ReportHTML(loadFixture(t, "testdata/report-21.yaml"), reportToday, nil)), "Flagged to revisit") {
		t.Error("a plan with nothing flagged lists items to revisit")
	}
}

// TestReportMarkdownShowsRevisitFlags: the Markdown report says it among
// the item's details, and only for the item flagged.
func TestReportMarkdownShowsRevisitFlags(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	if bytes.Contains(ReportMarkdown(p, reportToday), []byte("Revisit")) {
		t.Fatal("a plan with nothing flagged mentions revisit")
	}
	p.Response("en-data-training").Revisit = true
	md := string(ReportMarkdown(p, reportToday))
	if n := strings.Count(md, "**Revisit:** flagged to come back to"); n != 1 {
		t.Fatalf("%d items say Revisit, want 1:\n%s", n, md)
	}
	at := strings.Index(md, "**Revisit:** flagged")
	if title := strings.LastIndex(md[:at], "Do you record and evaluate the take up of training"); title < 0 || strings.Contains(md[title:at], "Do you use this data") {
		t.Error("the flag is not under the flagged item")
	}
}

// TestReportHTMLShowsVotes: an item the room voted on shows the spread in
// words and numbers.
func TestReportHTMLShowsVotes(t *testing.T) {
	page := string(ReportHTML(loadFixture(t, "testdata/report-21.yaml"), reportToday, nil))
	want := `<span class="votes">Room’s votes: <span class="vote"><span aria-hidden="true">■</span> Red 4</span> <span class="vote"><span aria-hidden="true">▲</span> Amber 2</span> <span class="vote"><span aria-hidden="true">●</span> Green 0</span> <span class="vote"><span aria-hidden="true">?</span> not sure 1</span> </span>`
	if !strings.Contains(page, want) {
		t.Errorf("the first item's votes are not shown as\n%s", want)
	}
	if n := strings.Count(page, `class="votes"`); n != 2 {
		t.Errorf("%d items show votes, want the 2 the room voted on", n)
	}
}

func TestReportHTMLTabTitle(t *testing.T) {
	for title, want := range map[string]string{
		"Spring review: progression": "Spring review: progression",
		strings.Repeat("word ", 20):  strings.Repeat("word ", 13) + "word…",
		"  lines\nand   spaces ":     "lines and spaces",
	} {
		doc := reportDoc{title: title}
		if got := htmlPageOf(doc, nil).TabTitle; got != want {
			t.Errorf("tab title of %q is %q, want %q", title, got, want)
		}
	}
	// The organisation comes first: the tab, the printed page's header and
	// "Save as PDF"'s file name are all the title, and a board member
	// with two organisations' "Spring review" could not tell them apart.
	page := string(ReportHTML(loadFixture(t, "testdata/report-21.yaml"), reportToday, nil))
	checkContains(t, "the page", page, "<title>Acme Café Ltd: Spring review: progression</title>", "<h1>Spring review: progression</h1>")
	doc := reportDoc{title: "Spring review", organisation: " Acme\n Café "}
	if got, want := htmlPageOf(doc, nil).TabTitle, "Acme Café: Spring review"; got != want {
		t.Errorf("tab title with an organisation is %q, want %q", got, want)
	}
}

// TestReportHTMLValidates runs html-validate (npm) over every fixture's
// report, an empty plan's and one with history.
func TestReportHTMLValidates(t *testing.T) {
	t.Parallel()
	docs := map[string][]byte{}
	for name, path := range htmlFixtures {
		docs[name+".html"] = ReportHTML(loadFixture(t, path), reportToday, nil)
	}
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	docs["history.html"] = ReportHTML(p, reportToday, h)
	c, _ := checklist.Builtin(checklist.DefaultID)
	docs["empty.html"] = ReportHTML(plans.New(c, "", "", plans.Date{}), reportToday, nil)
	validateHTML(t, docs)
}

// validateHTML runs html-validate with its recommended rules (WCAG-minded
// checks included) over the documents, in the node process the package's
// tests share (testtool.HTMLValidate).
func validateHTML(t *testing.T, docs map[string][]byte) {
	t.Helper()
	bin := testtool.Need(t, "html-validate")
	// long-title measures the title as escaped in the source (&lt; is four
	// characters), so a hostile title cut to 70 characters still fails it;
	// the report shortens the tab title itself (TestReportHTMLTabTitle).
	docs[".htmlvalidate.json"] = []byte(`{"extends": ["html-validate:recommended"], "rules": {"long-title": "off"}}`)
	checkFiles(t, bin, docs, testtool.HTMLValidate)
}

// Every segment of an area's bar carries its level's shape on a white tab,
// with the word and count where they fit, else the count, inside the
// segment, so that no segment is told from another by colour alone (issue
// 14); a sliver too narrow for the shape has none, and the legend under
// the bar still counts it.
func TestChartSegmentsAreLabelledInside(t *testing.T) {
	c, ok := checklist.Builtin(checklist.DefaultID)
	if !ok {
		t.Fatal("no built-in checklist")
	}
	scale := scaleOf(c) // red, amber, green, unrated
	for _, tc := range []struct {
		counts []int // per level, then the total
		want   []string
	}{
		{[]int{1, 1, 0, 2, 4}, []string{"Red 1", "1", "Unrated 2"}},
		{[]int{4, 3, 4, 4, 15}, []string{"Red 4", "3", "4", "4"}},
		{[]int{0, 2, 0, 0, 2}, []string{"Amber 2"}},
		{[]int{1, 0, 0, 299, 300}, []string{"-", "Unrated 299"}}, // a sliver: no tag
	} {
		ch := areaChart("Area", scale, tc.counts)
		var got []string
		for _, seg := range ch.Segments {
			if seg.Tag == nil {
				got = append(got, "-")
				continue
			}
			got = append(got, seg.Tag.Text)
			x, w := atof(t, seg.X), atof(t, seg.W)
			tx, tw := atof(t, seg.Tag.X), atof(t, seg.Tag.W)
			if tx < x || tx+tw > x+w {
				t.Errorf("%v: the tag %q (%v+%v) is not inside its segment (%v+%v)", tc.counts, seg.Tag.Text, tx, tw, x, w)
			}
			if seg.Tag.Class != seg.Class || seg.Tag.Shape.X < tx || seg.Tag.Shape.X+10 > tx+tw {
				t.Errorf("%v: the tag %q lacks its level's shape inside it", tc.counts, seg.Tag.Text)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: tags %q, want %q", tc.counts, got, tc.want)
		}
	}
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestReportHTMLSaysWhatIsNotAnswered: in a new plan every next-steps
// question with nothing said reads "Not answered yet." on the page, as in
// the Markdown, the question asked per area included (it had an empty
// list under its heading).
func TestReportHTMLSaysWhatIsNotAnswered(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring review", reportToday)
	page := string(ReportHTML(p, reportToday, nil))
	md := string(ReportMarkdown(p, reportToday))
	for _, f := range c.FollowUps {
		if f.Kind != checklist.KindPerArea && f.Kind != checklist.KindList && f.Kind != checklist.KindText {
			continue
		}
		_, after, ok := strings.Cut(page, "<h3>"+f.Question+"</h3>\n")
		if !ok {
			t.Fatalf("the page has no heading %q", f.Question)
		}
		if !strings.HasPrefix(after, "<p>Not answered yet.</p>\n") {
			t.Errorf("under %q the page says %.60q, want Not answered yet.", f.Question, after)
		}
		if _, after, _ := strings.Cut(md, "### "+f.Question+"\n\n"); !strings.HasPrefix(after, "Not answered yet.") {
			t.Errorf("under %q the Markdown says %.60q, want Not answered yet.", f.Question, after)
		}
	}
	if strings.Contains(page, "<dl class=\"pairs\">\n</dl>") {
		t.Error("the page has an empty list of answers")
	}
}
