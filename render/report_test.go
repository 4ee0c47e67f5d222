package render

import (
	"bytes"
	"errors"
	"html"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

// TestReportGolden covers the built-in checklist with every rating, every
// status, every field empty and filled, actions overdue, due today, done
// after their date and undated, and text that looks like Markdown.
func TestReportGolden(t *testing.T) {
	for _, name := range []string{"golden", "report-all"} {
		t.Run(name, func(t *testing.T) {
			p, err := plans.LoadFile(filepath.Join("..", "plans", "testdata", name+".yaml"), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := ReportMarkdown(p, reportToday)
			checkGolden(t, name+".md", got)
			// The same plan on the same day gives the same bytes.
			if again := ReportMarkdown(p, reportToday); !bytes.Equal(got, again) {
				t.Error("two reports of the same plan differ")
			}
		})
	}
}

func TestReportFixtureCoversEveryCombination(t *testing.T) {
	p, err := plans.LoadFile("../plans/testdata/report-all.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range p.Items {
		seen["rating "+r.Rating] = true
		seen["status "+string(r.Status)] = true
		seen["rating "+r.Rating+" status "+string(r.Status)] = true
		for field, v := range map[string]string{"action": r.Action, "owner": r.Owner, "due": r.Due.String(), "notes": r.Notes} {
			seen[field+" empty="+boolWord(v == "")] = true
		}
		if r.Status.Open() && !r.Due.IsZero() && r.Due.Before(reportToday) {
			seen["overdue"] = true
		}
		if !r.Status.Open() && !r.Due.IsZero() && r.Due.Before(reportToday) {
			seen["done after its date"] = true
		}
	}
	for _, rating := range []string{"red", "amber", "green", checklist.Unrated} {
		for _, s := range plans.Statuses {
			if !seen["rating "+rating+" status "+string(s)] {
				t.Errorf("no item rated %s with status %s", rating, s)
			}
		}
	}
	for _, field := range []string{"action", "owner", "due", "notes"} {
		for _, empty := range []string{"yes", "no"} {
			if !seen[field+" empty="+empty] {
				t.Errorf("no item with %s empty=%s", field, empty)
			}
		}
	}
	for _, k := range []string{"overdue", "done after its date"} {
		if !seen[k] {
			t.Errorf("no item %s", k)
		}
	}
}

func boolWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func TestReportMarksOverdueOnlyOpenLateActions(t *testing.T) {
	p, err := plans.LoadFile("../plans/testdata/report-all.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	md := string(ReportMarkdown(p, reportToday))
	checkContains(t, "report", md,
		"- **Overdue actions on 2027-03-01:** "+strconv.Itoa(len(p.Overdue(reportToday))),
		"**Due 2027-02-01, overdue:** Agree the budget.",
		"**Due 2027-01-20:** Survey staff. Owner: O'Neil. Status: done.", // done: never overdue
		"**Due 2027-03-01:** Kick-off meeting.",                          // due today: not yet late
		"**No due date:** Share results with the board.",
	)
	// Steps come in due-date order, undated last.
	order := []string{"Survey staff", "Agree the budget", "Kick-off meeting", "Write the vision", "Share results"}
	last := -1
	for _, s := range order {
		i := strings.Index(md, "** "+s)
		if i < last {
			t.Errorf("step %q is out of due-date order", s)
		}
		last = i
	}
	// The day counted from changes what is overdue, and the report says so.
	later := string(ReportMarkdown(p, day(2027, 4, 1)))
	if !strings.Contains(later, "**Due 2027-03-01, overdue:** Kick-off meeting.") || !strings.Contains(later, "Overdue actions on 2027-04-01") {
		t.Error("a month later, the kick-off meeting should be overdue")
	}
}

// hostile is plan text that would become Markdown structure if it were not
// escaped: it must show exactly as typed.
var hostile = []string{
	"# heading", "- list", "1. ordered", "2) ordered", "> quote", "===", "---", "* * *", "+ plus",
	"<div>html</div>", "a | b", "`code`", "**bold** _it_", "[link](http://x.org)",
	"https://example.com/a_b?c=d.", "see www.example.com now", "mail ana@example.com.",
	"&amp; &copy; &#123;", "trailing\\", "~~~", "```", "<https://x.y>", "![img](a.png)",
	"<!-- comment -->", "[ref]: http://x", "H~2~O", "ends with colon:", "emoji 🚀 李雷",
	"a very long line of plain words that goes on and on well past the eighty characters markdownlint allows",
}

// hostilePlan puts hostile text in every field a report shows.
func hostilePlan(t *testing.T) *plans.Plan {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "<b>Org</b> | pipes", "# Title: with *stars*!", day(2027, 1, 15))
	p.Facilitator = "_Sam_"
	p.Participants = hostile
	for i, e := range c.Items() {
		r := p.Items[e.Item.ID]
		r.Action = hostile[i%len(hostile)]
		r.Owner = hostile[(i+1)%len(hostile)]
		r.Notes = hostile[(i+2)%len(hostile)] + "\n" + hostile[(i+3)%len(hostile)] + "\n\n" + hostile[(i+4)%len(hostile)]
	}
	p.FollowUps["quick-wins"].List = hostile
	p.FollowUps["decision-makers"].Text = "line\n- list\n# h"
	for i, h := range hostile {
		p.FollowUps["project-plan"].Steps = append(p.FollowUps["project-plan"].Steps,
			plans.Step{ID: i + 1, Text: h, Owner: hostile[(i+5)%len(hostile)], Due: day(2027, 1, 1+i%28), Status: plans.StatusTodo})
	}
	return p
}

func TestReportPassesMarkdownlint(t *testing.T) {
	t.Parallel()
	docs := map[string][]byte{"hostile.md": ReportMarkdown(hostilePlan(t), reportToday)}
	for _, name := range []string{"golden", "report-all"} {
		p, err := plans.LoadFile(filepath.Join("..", "plans", "testdata", name+".yaml"), nil)
		if err != nil {
			t.Fatal(err)
		}
		docs[name+".md"] = ReportMarkdown(p, reportToday)
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	docs["empty.md"] = ReportMarkdown(plans.New(c, "", "", plans.Date{}), reportToday)
	lint(t, docs)
}

// renderGFM renders Markdown to HTML with micromark, the CommonMark + GFM
// parser markdownlint itself uses (and so, where markdownlint-cli2 is
// installed, is at hand), as GitHub would show it; in the node process the
// package's tests share (testtool.RenderGFM).
func renderGFM(t *testing.T, md []byte) string {
	t.Helper()
	page, err := testtool.RenderGFM(markdownlint(t), md)
	if errors.Is(err, testtool.ErrNoMicromark) {
		testtool.Missing(t, "%v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// TestReportShowsTextAsTyped renders the hostile report with micromark (the
// CommonMark + GFM parser markdownlint itself uses) and checks that every
// hostile string shows as text: nothing became a heading, list, link
// text, code or HTML.
func TestReportShowsTextAsTyped(t *testing.T) {
	t.Parallel()
	page := renderGFM(t, ReportMarkdown(hostilePlan(t), reportToday))
	// Only the structure the report itself makes may appear.
	for _, tag := range []string{"<code>", "<div>", "<img", "<blockquote>", "<h4>", "<hr"} {
		if strings.Contains(page, tag) {
			t.Errorf("plan text turned into %s", tag)
		}
	}
	if n := strings.Count(page, "<h1>"); n != 1 {
		t.Errorf("%d H1 headings, want 1", n)
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, "")
	text = strings.Join(strings.Fields(html.UnescapeString(text)), " ")
	for _, h := range hostile {
		if !strings.Contains(text, strings.Join(strings.Fields(h), " ")) {
			t.Errorf("%q does not show as typed", h)
		}
	}
}

// TestReportPrintsOnlyWhatWasSaid: an item nobody has looked at is one
// line, with no "not set" and no status for an action that does not
// exist; the golden plan, 21 items, fits on two printed pages (55 lines
// each).
func TestReportPrintsOnlyWhatWasSaid(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring review", day(2027, 1, 15))
	p.Items["lc-culture"].Owner = "Ana" // said, without an action
	md := string(ReportMarkdown(p, reportToday))
	for _, unwanted := range []string{"not set", "Status: to do", "**Status:**", "Facilitator", "Participants"} {
		if strings.Contains(md, unwanted) {
			t.Errorf("the report of an empty plan says %q:\n%s", unwanted, md)
		}
	}
	checkContains(t, "report", md,
		"\n1. Develop a clear vision for your D&I strategy — ○ Unrated\n2. Strong leadership",
		"\n4. Cultural questions — ○ Unrated\n   - **Owner:** Ana\n\n## Workforce\n",
	)
	// What the review said fits two printed pages; the source's advice on
	// the Red items comes after it (report_advice.go).
	golden := ReportMarkdown(loadFixture(t, "../plans/testdata/golden.yaml"), reportToday)
	said, _, _ := bytes.Cut(golden, []byte("\n## Advice on the Red items\n"))
	if n := bytes.Count(said, []byte("\n")); n > 2*55 {
		t.Errorf("the golden plan's report is %d lines before the advice, more than two printed pages", n)
	}
}
