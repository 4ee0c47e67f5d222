package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// carriedFixture is one of Acme's three reviews in testdata/carried, made
// with ladder new and --from and edited between: 2025's, carried on to
// 2026's (once), then to 2027's (twice), with its previous reviews read.
func carriedFixture(t *testing.T, year string) (*plans.Plan, []plans.EarlierReview) {
	t.Helper()
	path := "testdata/carried/acme-" + year + ".yaml"
	p := loadFixture(t, path)
	earlier, _, err := plans.EarlierReviews(path, p)
	if err != nil {
		t.Fatal(err)
	}
	return p, earlier
}

// TestReportMarksWhatWasCarriedOn: a board reading the report of a plan
// carried on from last year's learns which review that was (organisation,
// date) at the top, and, on each action and project-plan step that came
// from it, that it did, from which review's date, how many reviews back,
// and whether its words changed since, in words in every format (a CSV
// column of the date to filter on). A new action says nothing of the kind.
func TestReportMarksWhatWasCarriedOn(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	with := CarriedOnFrom(earlier)

	md := ReportMarkdown(p, reportToday, with)
	checkGolden(t, "carried-2027.md", md)
	// Compared a word at a time: where a line wraps is the golden's business.
	checkContains(t, "the Markdown report", words(string(md)),
		"- **Carried on from:** the review of Acme Café Ltd on 2026-03-02 (acme-2026.yaml), which carried on from the review of 2025-03-03 -",
		// How much of the plan is old, at a glance: two of the four
		// actions are done, both steps open.
		"- **Carried on:** 4 actions and 2 project-plan steps, 4 of them still open -",
		"**Action:** Write a one-page vision for progression. Owner: Ana. Due: 2025-06-30 (**overdue**). Status: doing. Carried on: from the review of 2025-03-03 (2 reviews ago). 2.",
		"Status: done. Carried on: from the review of 2025-03-03 (2 reviews ago), edited since.",
		"Status: to do. Carried on: from the review of 2026-03-02. ###",
		"**No due date:** Print the posters. Owner: Ana. Status: to do. Carried on: from the review of 2025-03-03 (2 reviews ago). ##",
		"Open a mentoring scheme. Owner: Ben. Due: 2027-09-30. Status: to do. ##", // new this year
		"Thank the team. Owner: Sam. Status: to do. -",
	)

	page := ReportHTML(p, reportToday, nil, with)
	checkHTMLGolden(t, "carried-2027.html", page)
	checkContains(t, "the HTML report", datesUnwrapped(page),
		"<div><dt>Carried on from</dt><dd>the review of Acme Café Ltd on 2026-03-02 (acme-2026.yaml), which carried on from the review of 2025-03-03</dd></div>",
		`Write a one-page vision for progression</bdi> <span class="carried">Carried on from the review of 2025-03-03 (2 reviews ago)</span></td>`,
		`Print the posters</bdi> <span class="carried">Carried on from the review of 2025-03-03 (2 reviews ago)</span></td>`,
	)
	// Above the areas, what a board chases: the carried actions and steps
	// still open, each with its owner, due date and where it came from,
	// so that nobody scrolls 21 items on a phone to find them. The two
	// done since are not there.
	checkContains(t, "the HTML report", datesUnwrapped(page), `<h3>Carried on and still open</h3>
<ul class="carried-list">
<li><strong><bdi>Book the away day</bdi></strong> (project-plan step): Ben, due 2025-05-01 <strong class="overdue">overdue</strong>; from the review of 2025-03-03 (2 reviews ago)</li>
<li><strong><bdi>Write a one-page vision for progression</bdi></strong>: Ana, due 2025-06-30 <strong class="overdue">overdue</strong>; from the review of 2025-03-03 (2 reviews ago)</li>
<li><strong><bdi>Share the counts with all staff</bdi></strong>: Sam, due 2026-10-31 <strong class="overdue">overdue</strong>; from the review of 2026-03-02</li>
<li><strong><bdi>Print the posters</bdi></strong> (project-plan step): Ana, no due date; from the review of 2025-03-03 (2 reviews ago)</li>
</ul>`)
	if n := strings.Count(string(page), `class="carried"`); n != 6 {
		t.Errorf("the page marks %d actions and steps as carried on, want 6 (4 actions, 2 steps)", n)
	}

	data := ReportCSV(p, reportToday, false, with)
	checkGolden(t, "carried-2027.csv", data)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[0]; h[len(h)-1] != "carried on from" {
		t.Fatalf("the header's last column is %q", h[len(h)-1])
	}
	since := map[string]string{}
	for _, r := range rows[1:] {
		if r[len(r)-1] != "" {
			since[r[1]] = r[len(r)-1]
		}
	}
	want := map[string]string{"lc-vision": "2025-03-03", "lc-culture": "2025-03-03", "en-data-collect": "2025-03-03", "en-data-share": "2026-03-02"}
	if len(since) != len(want) {
		t.Errorf("carried on from, by item: %v, want %v", since, want)
	}
	for id, d := range want {
		if since[id] != d {
			t.Errorf("%s carried on from %q, want %q", id, since[id], d)
		}
	}

	// Carried on once: the previous review alone, no count of reviews.
	mid, earlier := carriedFixture(t, "2026")
	md = ReportMarkdown(mid, reportToday, CarriedOnFrom(earlier))
	checkGolden(t, "carried-2026.md", md)
	checkContains(t, "the 2026 report", words(string(md)),
		"- **Carried on from:** the review of Acme Café Ltd on 2025-03-03 (acme-2025.yaml) -",
		"- **Carried on:** 3 actions and 2 project-plan steps, all still open -",
		"Count staff by grade and site. Owner: Ana. Due: 2025-12-31 (**overdue**). Status: doing. Carried on: from the review of 2025-03-03, edited since.",
	)
	if strings.Contains(string(md), "reviews ago") {
		t.Error("a plan carried on once counts reviews")
	}
}

// TestReportOfAPlanNotCarriedOnIsUnchanged: asked to mark what was
// carried on, the report of a plan that names no previous review is the
// report it always was, byte for byte, in every format.
func TestReportOfAPlanNotCarriedOnIsUnchanged(t *testing.T) {
	for _, path := range []string{"testdata/carried/acme-2025.yaml", "../plans/testdata/report-all.yaml", "testdata/report-21.yaml"} {
		p := loadFixture(t, path)
		earlier, _, err := plans.EarlierReviews(path, p)
		if err != nil || len(earlier) != 0 {
			t.Fatalf("%s: earlier reviews %v, %v", path, earlier, err)
		}
		with := CarriedOnFrom(earlier)
		if !bytes.Equal(ReportMarkdown(p, reportToday, with), ReportMarkdown(p, reportToday)) {
			t.Errorf("%s: the Markdown report changed", path)
		}
		if !bytes.Equal(ReportHTML(p, reportToday, nil, with), ReportHTML(p, reportToday, nil)) {
			t.Errorf("%s: the HTML report changed", path)
		}
		if !bytes.Equal(ReportCSV(p, reportToday, true, with), ReportCSV(p, reportToday, true)) {
			t.Errorf("%s: the CSV report changed", path)
		}
	}
}

// TestReportSaysThePreviousReviewCouldNotBeRead: a plan whose previous
// review is gone (or leads out of the repository) still says, as the
// plan does, that it carried on from it, and that nothing is marked: a
// board must not read "no action was carried on" into a missing file.
func TestReportSaysThePreviousReviewCouldNotBeRead(t *testing.T) {
	p := loadFixture(t, "testdata/carried/acme-2027.yaml")
	p.PreviousReview = "gone/acme-2026.yaml"
	md := string(ReportMarkdown(p, reportToday, CarriedOnFrom(nil)))
	checkContains(t, "the report", words(md), "- **Carried on from:** gone/acme-2026.yaml, which could not be read: nothing here is marked as carried on -")
	if strings.Contains(md, "Carried on:") {
		t.Error("an action is marked as carried on from a review that was not read")
	}
	row := strings.SplitN(string(ReportCSV(p, reportToday, false, CarriedOnFrom(nil))), "\r\n", 2)[0]
	if !strings.HasSuffix(row, ",carried on from") {
		t.Errorf("the CSV's header should keep its column, empty, for a plan that names a previous review: %q", row)
	}
}

// TestCarriedReportHTMLValidates: the marks keep the page valid.
func TestCarriedReportHTMLValidates(t *testing.T) {
	t.Parallel()
	docs := map[string][]byte{}
	for _, year := range []string{"2026", "2027"} {
		p, earlier := carriedFixture(t, year)
		docs["carried-"+year+".html"] = ReportHTML(p, reportToday, nil, CarriedOnFrom(earlier))
	}
	p, earlier := carriedFixture(t, "2026")
	docs["carried-2026-handed-on.html"] = ReportHTML(p, reportToday, nil, CarriedOnFrom(earlier), CarriedOnTo(p.NextReview, loadFixture(t, "testdata/carried/acme-2027.yaml")))
	validateHTML(t, docs)
}

// TestCarriedReportMarkdownPassesMarkdownlint: the marks keep the
// Markdown within markdownlint's default rules.
func TestCarriedReportMarkdownPassesMarkdownlint(t *testing.T) {
	t.Parallel()
	docs := map[string][]byte{}
	for _, year := range []string{"2026", "2027"} {
		p, earlier := carriedFixture(t, year)
		docs["carried-"+year+".md"] = ReportMarkdown(p, reportToday, CarriedOnFrom(earlier))
	}
	p, earlier := carriedFixture(t, "2026")
	docs["carried-2026-handed-on.md"] = ReportMarkdown(p, reportToday, CarriedOnFrom(earlier), CarriedOnTo(p.NextReview, loadFixture(t, "testdata/carried/acme-2027.yaml")))
	lint(t, docs)
}

// TestCarriedCountWords: the count at the top reads right for one, for
// all open, for all done and for none.
func TestCarriedCountWords(t *testing.T) {
	done, todo := statusWord(plans.StatusDone), statusWord(plans.StatusTodo)
	doc := func(actions []string, steps []string) reportDoc {
		var items []reportItem
		for _, s := range actions {
			items = append(items, reportItem{answer: itemAnswer{carried: "from the review of 2026-03-02", status: s}})
		}
		var rs []reportStep
		for _, s := range steps {
			rs = append(rs, reportStep{carried: "from the review of 2026-03-02", status: s})
		}
		return reportDoc{areas: []reportArea{{groups: []reportGroup{{items: items}}}}, nextSteps: []nextStep{{steps: rs}}}
	}
	for _, tc := range []struct {
		doc  reportDoc
		want string
	}{
		{doc(nil, nil), "none of this plan's actions or project-plan steps"},
		{doc([]string{todo}, nil), "1 action, still open"},
		{doc(nil, []string{done}), "1 project-plan step, done"},
		{doc([]string{todo, todo}, []string{todo}), "2 actions and 1 project-plan step, all still open"},
		{doc([]string{done, done}, nil), "2 actions, all done"},
		{doc([]string{done, todo}, []string{todo}), "2 actions and 1 project-plan step, 2 of them still open"},
	} {
		if got := carriedCountDetail(tc.doc).value; got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// TestCarriedStepsAreFoundInTheirOwnFollowUp: a checklist of its own may
// ask for more than one plan of steps. A step of another is not last
// year's project-plan step of the same id: step ids are counted in each
// plan, and ladder new --from carries the project plan's steps only.
func TestCarriedStepsAreFoundInTheirOwnFollowUp(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	c := *p.Checklist
	c.FollowUps = append(slices.Clone(c.FollowUps), checklist.FollowUp{ID: "training-plan", Kind: checklist.KindPlan, Question: "Which training will you run?"})
	p.Checklist = &c
	// 11111 is the id of a project-plan step carried on twice.
	p.FollowUps["training-plan"] = &plans.Answer{Steps: []plans.Step{{ID: 11111, Text: "Hire a trainer", Status: plans.StatusTodo}}}

	md := words(string(ReportMarkdown(p, reportToday, CarriedOnFrom(earlier))))
	checkContains(t, "the Markdown report", md, "Hire a trainer. Status: to do.")
	if strings.Contains(md, "Hire a trainer. Status: to do. Carried on") {
		t.Error("a step of another plan is marked as carried on from the project plan's step of its id")
	}
	checkContains(t, "the Markdown report", md, "- **Carried on:** 4 actions and 2 project-plan steps, 4 of them still open -")
}

// TestReportSaysWhereAPlanWasCarriedOnTo: last year's report, read by a
// board after the plan was carried on, says near the top which review
// took its open actions on (organisation, date, file), in Markdown and
// HTML; CSV, a table of items, is as it was. The other plan's words are
// escaped like this plan's own.
func TestReportSaysWhereAPlanWasCarriedOnTo(t *testing.T) {
	p, earlier := carriedFixture(t, "2026")
	next := loadFixture(t, "testdata/carried/acme-2027.yaml")
	from, to := CarriedOnFrom(earlier), CarriedOnTo(p.NextReview, next)

	md := string(ReportMarkdown(p, reportToday, from, to))
	checkContains(t, "the Markdown report", words(md),
		"- **Carried on to:** the review of Acme Café Ltd on 2027-03-01 (acme-2027.yaml): its open actions are chased there -",
	)
	if i, j := strings.Index(md, "**Carried on from:**"), strings.Index(md, "**Carried on to:**"); i < 0 || j < i || j > strings.Index(md, "**Facilitator:**") {
		t.Errorf("Carried on to is not beside the other details, after Carried on from:\n%s", md)
	}
	page := datesUnwrapped(ReportHTML(p, reportToday, nil, from, to))
	checkContains(t, "the HTML report", page,
		"<div><dt>Carried on to</dt><dd>the review of Acme Café Ltd on 2027-03-01 (acme-2027.yaml): its open actions are chased there</dd></div>",
	)
	if a, b := ReportCSV(p, reportToday, false, from, to), ReportCSV(p, reportToday, false, from); !bytes.Equal(a, b) {
		t.Errorf("the CSV changed with CarriedOnTo:\n%s", a)
	}

	// Without the option (a link that hands nothing on), nothing is said.
	if md := string(ReportMarkdown(p, reportToday, from)); strings.Contains(md, "Carried on to") {
		t.Errorf("a report not told of a next review names one:\n%s", md)
	}

	// The next plan is as untrusted as this one.
	hostile := *next
	hostile.Organisation = "<script>x</script> *Acme* [a](http://e)"
	hostileRef := "<b>acme-2027.yaml"
	md = string(ReportMarkdown(p, reportToday, CarriedOnTo(hostileRef, &hostile)))
	for _, bad := range []string{"<script>", "<b>", " *Acme* ", "[a](http"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown report has %q from the next plan unescaped:\n%s", bad, md)
		}
	}
	page = datesUnwrapped(ReportHTML(p, reportToday, nil, CarriedOnTo(hostileRef, &hostile)))
	if strings.Contains(page, "<script>x") || strings.Contains(page, "<b>acme") {
		t.Errorf("the HTML report has markup from the next plan unescaped")
	}
	checkContains(t, "the HTML report", page, "&lt;script&gt;x&lt;/script&gt;", "&lt;b&gt;acme-2027.yaml")
}

// TestReportMarkdownListsCarriedOnStillOpen: a team reading the report in
// a pull request sees, above the areas as on the web page, the actions
// and steps carried on and still open, each with its owner, due date (and
// overdue mark) and where it came from; the two done since are not there.
// A plan that carried nothing open on has no such section.
func TestReportMarkdownListsCarriedOnStillOpen(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	md := string(ReportMarkdown(p, reportToday, CarriedOnFrom(earlier)))
	// By due date, the most late first, as ladder status lists them: the
	// order a board chases them in, where it was the items' actions in
	// checklist order and then the steps, the dates going back and forth.
	checkContains(t, "the Markdown report", words(md), words(`## Carried on and still open

- **Book the away day** (project-plan step): Ben, due 2025-05-01
  (**overdue**); from the review of 2025-03-03 (2 reviews ago).
- **Write a one-page vision for progression**: Ana, due 2025-06-30
  (**overdue**); from the review of 2025-03-03 (2 reviews ago).
- **Share the counts with all staff**: Sam, due 2026-10-31 (**overdue**); from
  the review of 2026-03-02.
- **Print the posters** (project-plan step): Ana, no due date; from the review
  of 2025-03-03 (2 reviews ago).

## Leadership & Culture`))
	summary, list := strings.Index(md, "## Summary"), strings.Index(md, "## Carried on and still open")
	if list < summary || list > strings.Index(md, "## Leadership & Culture") {
		t.Errorf("the list of what is carried on and still open is not between the summary and the areas:\n%s", md)
	}
	for _, done := range []string{"**Ask staff about their background", "**Count staff by grade"} {
		if strings.Contains(md[list:strings.Index(md, "## Leadership & Culture")], done) {
			t.Errorf("the list has %s, done since", done)
		}
	}

	// Everything carried on done: no list at all.
	for _, r := range p.Items {
		r.Status = plans.StatusDone
	}
	for _, a := range p.FollowUps {
		for i := range a.Steps {
			a.Steps[i].Status = plans.StatusDone
		}
	}
	if md := string(ReportMarkdown(p, reportToday, CarriedOnFrom(earlier))); strings.Contains(md, "still open") {
		t.Errorf("a report with nothing carried on open lists it:\n%s", md)
	}
}

// TestReportOfAPlanHandedOnCountsNoOverdue: last year's report, which
// says its open actions are chased in the next review, does not also
// count them as overdue here (ladder status and check do not): the count
// at the top is 0 and says how many past their due date went on to the
// next review, and each of those is marked "overdue, handed on", not
// "overdue", in Markdown and HTML (no late row, no red mark). Without
// the link the report counts and marks them as before.
func TestReportOfAPlanHandedOnCountsNoOverdue(t *testing.T) {
	p, earlier := carriedFixture(t, "2026")
	next := loadFixture(t, "testdata/carried/acme-2027.yaml")
	from, to := CarriedOnFrom(earlier), CarriedOnTo(p.NextReview, next)
	if n := len(p.Overdue(reportToday)); n != 5 {
		t.Fatalf("the fixture has %d actions overdue, want 5", n)
	}

	md := ReportMarkdown(p, reportToday, from, to)
	checkGolden(t, "carried-2026-handed-on.md", md)
	checkContains(t, "the Markdown report", words(string(md)),
		"- **Overdue actions on 2027-03-01:** 0 (5 handed on to the next review) ##",
		"Owner: Ana. Due: 2025-06-30 (overdue, handed on). Status: to do.",
		"- **Due 2025-05-01, overdue, handed on:** Book the away day.",
		"- **Write a one-page vision for progression**: Ana, due 2025-06-30 (overdue, handed on); from the review of 2025-03-03.",
	)
	for _, bad := range []string{"(**overdue**)", ", overdue:**"} {
		if strings.Contains(string(md), bad) {
			t.Errorf("the Markdown report of a plan handed on still marks an action %q", bad)
		}
	}

	page := datesUnwrapped(ReportHTML(p, reportToday, nil, from, to))
	checkContains(t, "the HTML report", page,
		"<div><dt>Overdue actions on 2027-03-01</dt><dd>0 (5 handed on to the next review)</dd></div>",
		`<span class="handed-on">overdue, handed on</span>`,
	)
	// 3 actions and a step in their tables, the same 3 and the step again
	// in the list of what was carried on and is still open, and one action
	// not carried on.
	if n := strings.Count(page, `<span class="handed-on">`); n != 9 {
		t.Errorf("the page marks %d due dates as handed on, want 9", n)
	}
	for _, bad := range []string{`class="overdue"`, `class="late"`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page of a plan handed on still has %s", bad)
		}
	}

	// One past its date, in the singular.
	if got := words(string(ReportMarkdown(p, day(2025, 6, 1), from, to))); !strings.Contains(got, "- **Overdue actions on 2025-06-01:** 0 (1 handed on to the next review) ##") {
		t.Errorf("on 2025-06-01: %s", got)
	}

	// Not handed on: counted and marked as before.
	md = ReportMarkdown(p, reportToday, from)
	checkContains(t, "the report not handed on", words(string(md)), "- **Overdue actions on 2027-03-01:** 5 ##", "(**overdue**)")
	if strings.Contains(string(md), "handed on") {
		t.Error("a report not handed on says an action was")
	}
}

// TestReportNamesWhatWasNotCarriedOn: a board reading this year's report
// sees what last year's review had open that this plan let go (an action
// removed or its item cleared, a project-plan step deleted), as ladder
// diff names it: counted beside what was carried on, and listed with its
// owner and due date in that review, in Markdown and HTML. What came
// across, edited or done since, is not among them; a plan that let
// nothing go says nothing of it (the goldens above).
func TestReportNamesWhatWasNotCarriedOn(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	p.Items["en-data-share"] = &plans.Response{Rating: p.Items["en-data-share"].Rating, Status: plans.StatusTodo}
	plan := p.FollowUps[p.ProjectPlanID()]
	plan.Steps = slices.DeleteFunc(slices.Clone(plan.Steps), func(s plans.Step) bool { return s.ID == 22222 })
	with := CarriedOnFrom(earlier)

	md := string(ReportMarkdown(p, reportToday, with))
	checkContains(t, "the Markdown report", words(md),
		"- **Carried on:** 3 actions and 1 project-plan step, 2 of them still open - **Not carried on:** 1 action and 1 project-plan step open in the review of 2026-03-02, listed below -",
		words(`## Not carried on

Open in the review of 2026-03-02 and not in this plan: removed, or the item’s
action cleared.

- **Share the counts with all staff** (Do you share data internally with clear
  commitments to how you will tackle any disparities?): Sam, due 2026-10-31.
- **Print the posters** (project-plan step): Ana, no due date.

## Leadership & Culture`),
	)
	if i, j := strings.Index(md, "## Carried on and still open"), strings.Index(md, "## Not carried on"); i < 0 || j < i {
		t.Errorf("what was not carried on does not follow what was, and is still open:\n%s", md)
	}
	lint(t, map[string][]byte{"dropped.md": []byte(md)})

	page := datesUnwrapped(ReportHTML(p, reportToday, nil, with))
	checkContains(t, "the HTML report", page,
		"<div><dt>Not carried on</dt><dd>1 action and 1 project-plan step open in the review of 2026-03-02, listed below</dd></div>",
		`<h3>Not carried on</h3>
<p>Open in the review of 2026-03-02 and not in this plan: removed, or the item’s action cleared.</p>
<ul class="carried-list">
<li><strong><bdi>Share the counts with all staff</bdi></strong> (Do you share data internally with clear commitments to how you will tackle any disparities?): Sam, due 2026-10-31</li>
<li><strong><bdi>Print the posters</bdi></strong> (project-plan step): Ana, no due date</li>
</ul>`)
	validateHTML(t, map[string][]byte{"dropped.html": []byte(page)})

	// Last year's words are as untrusted as this year's: escaped, and a
	// terminal's control characters shown, not sent.
	earlier[0].Plan.Items["en-data-share"].Action = "<script>x</script> *Share* [a](http://e) \x1b[31mred"
	md = string(ReportMarkdown(p, reportToday, with))
	for _, bad := range []string{"<script>", " *Share* ", "[a](http", "\x1b"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown report has %q from last year's plan unescaped", bad)
		}
	}
	page = datesUnwrapped(ReportHTML(p, reportToday, nil, with))
	checkContains(t, "the HTML report", page, "<li><strong><bdi>&lt;script&gt;x&lt;/script&gt;")
	if strings.Contains(page, "\x1b") {
		t.Error("the HTML report sends last year's escape character")
	}

	// The earlier reviews not read: nothing is said to be let go.
	if md := string(ReportMarkdown(p, reportToday, CarriedOnFrom(nil))); strings.Contains(md, "Not carried on") {
		t.Errorf("a report whose previous review was not read names what was not carried on:\n%s", md)
	}
	// Nor by a report not asked to mark what was carried on.
	if md := string(ReportMarkdown(p, reportToday)); strings.Contains(md, "Not carried on") {
		t.Errorf("a report not asked to say what was carried on names what was not:\n%s", md)
	}
}

// A board reading this year's report asks first how the ratings moved
// since last year: the report named the review it carried on from, and
// no figure of it, so the answer took last year's report beside this
// one. Near the top, each level's count then and now.
func TestReportSaysHowTheCountsMovedSinceTheLastReview(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	with := CarriedOnFrom(earlier)
	_, then := plans.CountsByKey(earlier[0].Plan, levelKeys(p.Checklist))
	_, now := plans.CountsByKey(p, levelKeys(p.Checklist))
	want := fmt.Sprintf("- **Since the last review:** ■ Red %d → %d, ▲ Amber %d → %d, ● Green %d → %d, ○ Unrated %d → %d -",
		then[0], now[0], then[1], now[1], then[2], now[2], then[3], now[3])
	checkContains(t, "the Markdown report", words(string(ReportMarkdown(p, reportToday, with))), want)
	checkContains(t, "the HTML report", datesUnwrapped(ReportHTML(p, reportToday, nil, with)),
		fmt.Sprintf("<div><dt>Since the last review</dt><dd>■ Red %d → %d, ▲ Amber %d → %d,", then[0], now[0], then[1], now[1]))
	// Not carried on, or last year's plan not read: no such line.
	if md := string(ReportMarkdown(p, reportToday)); strings.Contains(md, "Since the last review") {
		t.Errorf("no previous review read, and still:\n%s", md)
	}
}

// TestCarriedOnAndStillOpenListsAStepWithTheActionItRepeats: a project
// plan starts as the items' actions (plans.AddActionSteps), so last year's
// plan carried on brings most actions twice, on the item and as a step
// that repeats it. The board's list of what is carried on and still open
// named each of those twice, as an action and again as a project-plan
// step (23 entries where ladder status counted 14 open actions): it names
// the action once, saying a project-plan step repeats it, as status and
// check --overdue count it, and the count at the top agrees and says
// where the other step went. A step reworded since is a thing of its own,
// as status lists it.
func TestCarriedOnAndStillOpenListsAStepWithTheActionItRepeats(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	repeat := plans.Step{ID: 55555, Text: "Share the counts with all staff", Owner: "Sam", Due: plans.Date{Year: 2026, Month: 10, Day: 31}, Status: plans.StatusTodo, From: "en-data-share"}
	for _, plan := range []*plans.Plan{p, earlier[0].Plan} {
		a := plan.FollowUps[plan.ProjectPlanID()]
		a.Steps = append(slices.Clone(a.Steps), repeat)
	}
	with := CarriedOnFrom(earlier)

	md := string(ReportMarkdown(p, reportToday, with))
	checkContains(t, "the Markdown report", words(md),
		"- **Carried on:** 4 actions and 2 project-plan steps, 4 of them still open; 1 more project-plan step repeats one of these actions, counted with it -",
		words(`## Carried on and still open

- **Book the away day** (project-plan step): Ben, due 2025-05-01
  (**overdue**); from the review of 2025-03-03 (2 reviews ago).
- **Write a one-page vision for progression**: Ana, due 2025-06-30
  (**overdue**); from the review of 2025-03-03 (2 reviews ago).
- **Share the counts with all staff** (also a project-plan step): Sam, due
  2026-10-31 (**overdue**); from the review of 2026-03-02.
- **Print the posters** (project-plan step): Ana, no due date; from the review
  of 2025-03-03 (2 reviews ago).

## Leadership & Culture`))
	lint(t, map[string][]byte{"repeated.md": []byte(md)})

	page := datesUnwrapped(ReportHTML(p, reportToday, nil, with))
	checkContains(t, "the HTML report", page,
		`<li><strong><bdi>Share the counts with all staff</bdi></strong> (also a project-plan step): Sam, due 2026-10-31 <strong class="overdue">overdue</strong>; from the review of 2026-03-02</li>`)
	if n := strings.Count(page, "<li><strong><bdi>Share the counts with all staff</bdi></strong>"); n != 1 {
		t.Errorf("the HTML report lists the action %d times, want once", n)
	}

	text := string(ReportWords(p, reportToday, with))
	checkContains(t, "the text report", text,
		"Carried on and still open, 4:",
		"3. Share the counts with all staff, also a project-plan step: Sam, due 31 October 2026, overdue; from the review of 2 March 2026.")

	// What status chases of the plan is the list, and what is new this year.
	carried := carriedOpen(buildReport(p, reportToday, with))
	if chase := p.ActionsToChase(); len(chase) != len(carried)+2 {
		t.Errorf("the report lists %d actions carried on and still open, ladder status %d open actions of which 2 are new this year", len(carried), len(chase))
	}

	// The step reworded since is no longer the action: listed apart.
	for _, plan := range []*plans.Plan{p, earlier[0].Plan} {
		a := plan.FollowUps[plan.ProjectPlanID()]
		a.Steps[len(a.Steps)-1].Text = "Share the counts with all staff at the summer meeting"
	}
	md = words(string(ReportMarkdown(p, reportToday, with)))
	checkContains(t, "the Markdown report", md,
		"- **Carried on:** 4 actions and 3 project-plan steps, 5 of them still open -",
		"**Share the counts with all staff**: Sam",
		"**Share the counts with all staff at the summer meeting** (project-plan step): Sam")
}

// TestNotCarriedOnListsAStepWithTheActionItRepeats: an action let go this
// year (its words cleared, its step deleted) was listed twice under "Not
// carried on", as the action and as the project-plan step that repeated
// it, and counted "1 action and 1 project-plan step": it is one thing let
// go, listed once, saying a step repeated it.
func TestNotCarriedOnListsAStepWithTheActionItRepeats(t *testing.T) {
	p, earlier := carriedFixture(t, "2027")
	prev := earlier[0].Plan
	a := prev.FollowUps[prev.ProjectPlanID()]
	a.Steps = append(slices.Clone(a.Steps), plans.Step{ID: 55555, Text: "Share the counts with all staff", Owner: "Sam", Due: plans.Date{Year: 2026, Month: 10, Day: 31}, Status: plans.StatusTodo, From: "en-data-share"})
	p.Items["en-data-share"] = &plans.Response{Rating: p.Items["en-data-share"].Rating, Status: plans.StatusTodo}
	with := CarriedOnFrom(earlier)

	md := string(ReportMarkdown(p, reportToday, with))
	checkContains(t, "the Markdown report", words(md),
		"- **Not carried on:** 1 action open in the review of 2026-03-02, listed below; 1 more project-plan step repeats it, counted with it -",
		words(`Open in the review of 2026-03-02 and not in this plan: removed, or the item’s
action cleared.

- **Share the counts with all staff** (Do you share data internally with clear
  commitments to how you will tackle any disparities?; also a project-plan
  step): Sam, due 2026-10-31.

## Leadership & Culture`))

	page := datesUnwrapped(ReportHTML(p, reportToday, nil, with))
	checkContains(t, "the HTML report", page,
		`<li><strong><bdi>Share the counts with all staff</bdi></strong> (Do you share data internally with clear commitments to how you will tackle any disparities?; also a project-plan step): Sam, due 2026-10-31</li>
</ul>`)
	text := string(ReportWords(p, reportToday, with))
	checkContains(t, "the text report", text,
		"Not carried on, 1. ",
		"1. Share the counts with all staff (Do you share data internally with clear commitments to how you will tackle any disparities?; also a project-plan step): Sam, due 31 October 2026.")
}

// datesUnwrapped is a page with the dates in its text as plain text, as
// these tests were written before each was kept on one line
// (nowrapDates): what they check is the words around them.
func datesUnwrapped(page []byte) string {
	return regexp.MustCompile(`<span class="nowrap">(\d{4}-\d{2}-\d{2})</span>`).ReplaceAllString(string(page), "$1")
}
