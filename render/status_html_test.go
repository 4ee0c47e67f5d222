package render

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func statusHTML(t testing.TB, o *StatusList) []byte {
	t.Helper()
	out, err := StatusHTML(o, "plans")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// statusFixtureCarried is the fixture with a plan carried on to its next
// review and one whose next review leads nowhere, as `ladder new --from`
// leaves a folder.
func statusFixtureCarried(t testing.TB, by StatusBy) *StatusList {
	t.Helper()
	o := statusFixture(t, by)
	for _, info := range []plans.PlanInfo{
		{Path: "plans/a-2026.yaml", Organisation: "Acme Café Ltd", Title: "Review 2026", CarriedOnTo: "plans/a.yaml"},
		{Path: "plans/z.yaml", NextReviewProblem: `next_review "z-2027.yaml" leads to no plan: plans/z-2027.yaml is not there`},
	} {
		if err := o.Add(info, nil); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// TestStatusHTMLGolden: the page in each grouping, with the carried-on
// plans' section. The goldens are the pages' bodies (the stylesheet is
// checked once, by checkStatusHTMLGolden), read line by line when they
// change; the same list always gives the same bytes.
func TestStatusHTMLGolden(t *testing.T) {
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		t.Run(string(by), func(t *testing.T) {
			got := statusHTML(t, statusFixtureCarried(t, by))
			checkStatusHTMLGolden(t, "status-by-"+string(by)+".html", got)
			if again := statusHTML(t, statusFixtureCarried(t, by)); !bytes.Equal(got, again) {
				t.Error("two pages of the same list differ")
			}
		})
	}
}

// checkStatusHTMLGolden holds a page to the report's stylesheet and
// status_html.css, inline and whole in its one <style> (the page shares
// the report's look, not a copy of it), and the rest to testdata/name,
// where links to the two stylesheets stand in for them.
func checkStatusHTMLGolden(t *testing.T, name string, page []byte) {
	t.Helper()
	inline := []byte("<style>\n" + reportStylesheet + statusStylesheet + "</style>\n")
	if n := bytes.Count(page, []byte("<style")); n != 1 || !bytes.Contains(page, inline) {
		t.Fatalf("%s: the page should have report_html.css and status_html.css whole in its one <style> (it has %d <style> elements)", name, n)
	}
	link := []byte("<!-- the page has ../report_html.css and ../status_html.css inline here; the golden links them -->\n" +
		`<link rel="stylesheet" href="../report_html.css">` + "\n" + `<link rel="stylesheet" href="../status_html.css">` + "\n")
	checkGolden(t, name, bytes.Replace(withoutPolicy(t, name, page, reportStylesheet+statusStylesheet), inline, link, 1))
}

var (
	tagRE      = regexp.MustCompile(`<[^>]*>`)
	headingRE  = regexp.MustCompile(`(?s)<h2[^>]*>(.*?)</h2>`)
	markSpanRE = regexp.MustCompile(`<span class="mark" aria-hidden="true">[^<]*</span> ?`)
	bdiRE      = regexp.MustCompile(`</?bdi>`) // inline: no space where it stood
)

// pageText is what a reader of the page reads in an HTML fragment: its
// text without tags, unescaped, spaces collapsed, the marks a screen
// reader skips left out.
func pageText(fragment string) string {
	// A <wbr> (a place a path may break) reads as nothing, as in a browser.
	fragment = strings.ReplaceAll(fragment, "<wbr>", "")
	s := bdiRE.ReplaceAllString(markSpanRE.ReplaceAllString(fragment, ""), "")
	s = html.UnescapeString(tagRE.ReplaceAllString(s, " "))
	return strings.Join(strings.Fields(s), " ")
}

// TestStatusHTMLSaysWhatTheTextSays: the page is the text list in another
// form, fed by the same model: the same intro line, the same group
// headings in the same order, each action in the same order with the same
// due date, lateness, owner, plan and words, and the same next reviews.
func TestStatusHTMLSaysWhatTheTextSays(t *testing.T) {
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		t.Run(string(by), func(t *testing.T) {
			text := statusText(t, statusFixtureCarried(t, by))
			page := string(statusHTML(t, statusFixtureCarried(t, by)))
			lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
			if intro := regexp.MustCompile(`(?s)<p class="intro">(.*?)</p>`).FindStringSubmatch(page); intro == nil || pageText(intro[1]) != lines[0] {
				t.Errorf("the page does not open with the text's intro %q", lines[0])
			}
			// The text's group headings are the lines after a blank line;
			// those of the page are its h2s, the totals and next reviews
			// named as in the Markdown.
			var textHeadings []string
			for i, l := range lines[1:] {
				if lines[i] == "" {
					textHeadings = append(textHeadings, l)
				}
			}
			var pageHeadings []string
			for _, m := range headingRE.FindAllStringSubmatch(page, -1) {
				pageHeadings = append(pageHeadings, strings.Replace(pageText(m[1]), "Totals per plan", "Plans", 1))
			}
			if !slices.Equal(pageHeadings, textHeadings) {
				t.Errorf("the page's headings are\n%q\nthe text's\n%q", pageHeadings, textHeadings)
			}
			// Each action row reads as the text's row, cell by cell.
			var textRows, pageRows []string
			for _, l := range lines {
				if strings.HasPrefix(l, "  20") || strings.HasPrefix(l, "  -  ") {
					// The page shows where an action comes from under it,
					// not in brackets.
					l = regexp.MustCompile(` \[(.*)\]$`).ReplaceAllString(l, " $1")
					// The page has the whole of an action the text cuts
					// at its first line (TestStatusHTMLShowsTheWholeAction).
					l = strings.Replace(l, "Long overdue step …", "Long overdue step with a second line", 1)
					textRows = append(textRows, strings.Join(strings.Fields(strings.Replace(l, "  -  ", " No due date ", 1)), " "))
				}
			}
			for _, m := range regexp.MustCompile(`(?s)<tr[^>]*>\n<td data-label="Due".*?</tr>`).FindAllString(page, -1) {
				pageRows = append(pageRows, pageText(m))
			}
			if !slices.Equal(pageRows, textRows) {
				t.Errorf("the page's rows read\n%q\nthe text's\n%q", strings.Join(pageRows, "\n"), strings.Join(textRows, "\n"))
			}
			for _, l := range lines {
				if strings.HasPrefix(l, "  plans/a-2026.yaml: ") || strings.HasPrefix(l, "  plans/z.yaml: ") {
					if !strings.Contains(pageText(page), strings.TrimSpace(l)) {
						t.Errorf("the page lacks the next review %q", strings.TrimSpace(l))
					}
				}
			}
		})
	}
}

// TestStatusHTMLLatenessReadsWithoutColour: a late action says so with a
// shape and words, on its row and in its group's heading, as the screens
// do ("⚠ 40 days late"); an action not late has no mark.
func TestStatusHTMLLatenessReadsWithoutColour(t *testing.T) {
	page := string(statusHTML(t, statusFixture(t, ByDue)))
	checkContains(t, "the page", page,
		`<tr class="late">`+"\n"+`<td data-label="Due"><span class="nowrap">2027-01-20</span></td>`+"\n"+
			`<td data-label="When"><strong class="overdue"><span class="mark" aria-hidden="true">⚠</span> 40 days late</strong></td>`,
		`<h2 id="group-1" class="overdue-group"><span class="mark" aria-hidden="true">⚠</span> Overdue <span class="summary">(3)</span></h2>`,
	)
	if n := strings.Count(page, `<tr class="late">`); n != 3 {
		t.Errorf("%d rows marked late, want the 3 overdue actions", n)
	}
	if n := strings.Count(page, "⚠</span>"); n != 3+1+2 {
		t.Errorf("%d ⚠ marks, want one per late action, one on the Overdue heading and one per plan with some overdue (6)", n)
	}
}

// TestStatusHTMLNothingOpen: a folder with nothing open is a short page
// that says so, not an empty one.
func TestStatusHTMLNothingOpen(t *testing.T) {
	t.Parallel()
	o := NewStatusList(day(2027, 3, 1), ByDue)
	defer o.Close()
	o.Add(plans.PlanInfo{Path: "p.yaml"}, nil)
	page := string(statusHTML(t, o))
	checkContains(t, "the page", page, "Open actions on 2027-03-01 in plans (1 plan): nothing open.")
	if strings.Contains(page, "<table") {
		t.Error("a page with nothing open has a table")
	}
	validateHTML(t, map[string][]byte{"empty.html": []byte(page)})
}

// TestStatusHTMLIsSelfContained: nothing is fetched and nothing runs, so
// the page opens offline from an email attachment.
func TestStatusHTMLIsSelfContained(t *testing.T) {
	page := string(statusHTML(t, statusFixtureCarried(t, ByDue)))
	checkLoadsAndRunsNothing(t, page)
	checkContains(t, "the page", page, "<footer>\n<p>Made by ladder status on 2027-03-01")
}

// TestStatusHTMLValidates runs html-validate over the page in every
// grouping.
func TestStatusHTMLValidates(t *testing.T) {
	t.Parallel()
	docs := map[string][]byte{}
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		docs["status-"+string(by)+".html"] = statusHTML(t, statusFixtureCarried(t, by))
	}
	validateHTML(t, docs)
}

// hostileStatusText is plan text that would be markup, script, a broken
// attribute, reordered text or a terminal command if it were not made
// safe: the actions, owners, titles, organisations and paths of a status
// page come from pull requests.
const hostileStatusText = `<script>alert("x")</script>"><img src=x onerror=alert(1)>'</style>` +
	"\u202eevil\u202c \x1b[2J\x07 &amp; \u2066iso\u2069"

// TestStatusHTMLHostileText: every text from a plan shows as typed and
// stays text: no element, attribute or style comes from it, no control
// or bidirectional character reaches the page (each shows as a picture),
// a very long word wraps instead of widening the page (the stylesheet
// lets any cell, heading or paragraph break anywhere), and the page still
// validates.
func TestStatusHTMLHostileText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("W", 5000)
	today := day(2027, 3, 1)
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		t.Run(string(by), func(t *testing.T) {
			t.Parallel() // each runs html-validate
			o := NewStatusList(today, by)
			defer o.Close()
			path := "plans/" + hostileStatusText + ".yaml"
			info := plans.PlanInfo{Path: path, Organisation: hostileStatusText, Title: hostileStatusText + long}
			act := plans.PlanAction{Path: path, What: hostileStatusText,
				Action: plans.Action{Text: hostileStatusText + long, Owner: hostileStatusText, Due: today.AddDays(-3), Status: plans.StatusTodo}}
			for _, err := range []error{
				o.Add(info, []plans.PlanAction{act}),
				o.Add(plans.PlanInfo{Path: "plans/old.yaml", CarriedOnTo: path}, nil),
			} {
				if err != nil {
					t.Fatal(err)
				}
			}
			page, err := StatusHTML(o, "plans/"+hostileStatusText)
			if err != nil {
				t.Fatal(err)
			}
			s := string(page)
			for _, bad := range []string{"<script", "<img", "</style>'", "onerror=alert(1)>", "\u202e", "\u202c", "\u2066", "\u2069", "\x1b", "\x07"} {
				if strings.Contains(s, bad) {
					t.Errorf("plan text reached the page as %q", bad)
				}
			}
			if n := strings.Count(s, "<style"); n != 1 {
				t.Errorf("%d <style> elements, want 1", n)
			}
			escaped := "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&lt;/style&gt;"
			if n := strings.Count(s, escaped); n < 4 {
				t.Errorf("the hostile text shows escaped %d times, want it in the intro, the heading or plan cell, the owner and the action", n)
			}
			for _, picture := range []string{"␛[2J␇", "&amp;amp;"} {
				if !strings.Contains(s, picture) {
					t.Errorf("the page does not show %q as typed", picture)
				}
			}
			validateHTML(t, map[string][]byte{"hostile.html": page})
		})
	}
	css := reportStylesheet + statusStylesheet
	for _, rule := range []string{"h1, h2, h3, h4, p, li, dd, td, th, figcaption, summary { overflow-wrap: anywhere; }"} {
		if !strings.Contains(css, rule) {
			t.Errorf("the stylesheet lacks %q: a long word would widen the page", rule)
		}
	}
}

// BenchmarkStatusPage writes the list of a folder of 1,000 plans with 20
// open actions each as text and as the web page, to compare what the
// page's template pieces cost against the text's tables:
//
//	go test ./render -run '^$' -bench StatusPage -count 5
func BenchmarkStatusPage(b *testing.B) {
	today := day(2027, 3, 1)
	o := NewStatusList(today, ByDue)
	defer o.Close()
	for i := range 1000 {
		path := fmt.Sprintf("plans/team-%04d.yaml", i)
		var list []plans.PlanAction
		for j := range 20 {
			list = append(list, plans.PlanAction{Path: path, What: "Develop a clear vision for your D&I strategy", Action: plans.Action{
				Text: fmt.Sprintf("Agree action %d with the team and write it down", j), Owner: []string{"Ana", "Björn", "Zoë", ""}[j%4],
				Due: today.AddDays((i+j*7)%120 - 60), Status: plans.StatusTodo}})
		}
		if err := o.Add(plans.PlanInfo{Path: path, Organisation: "Acme", Title: "Spring review"}, list); err != nil {
			b.Fatal(err)
		}
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer, *StatusList, string) error
	}{{"text", WriteStatusText}, {"html", WriteStatusHTML}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if err := f.write(io.Discard, o, "plans"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestStatusHTMLShowsTheWholeAction: an action of several lines is on the
// page whole, its lines kept (the stylesheet keeps its line breaks), as
// the CSV and the report's page have it: the terminal list keeps each
// action to its first line for the width, but a manager reading the page
// on a phone has no other place to read the rest.
func TestStatusHTMLShowsTheWholeAction(t *testing.T) {
	page := string(statusHTML(t, statusFixture(t, ByDue)))
	checkContains(t, "the page", page, `<th scope="row" class="c-action">Long overdue step`+"\n"+`with a second line<span class="from">`)
	if strings.Contains(page, "Long overdue step …") {
		t.Error("the page cuts the action at its first line")
	}
	if !regexp.MustCompile(`\.chase \.c-action \{[^}]*white-space: pre-line`).MatchString(statusStylesheet) {
		t.Error("the stylesheet does not keep an action's line breaks")
	}
}

// A plan's path may break after a slash, not inside a name: printed, the
// narrow Plan column broke "plans/2026/acme.yaml" as "plans/2026/acme.ya"
// and "ml". A <wbr> copies as nothing, and the path is still escaped.
func TestStatusHTMLPlanPathBreaksAtSlashes(t *testing.T) {
	page := string(statusHTML(t, statusFixtureCarried(t, ByDue)))
	if !strings.Contains(page, `<td data-label="Plan">plans/<wbr>a.yaml</td>`) {
		t.Errorf("no Plan cell breaks after its slash:\n%s", page)
	}
	if got := pathBreaks(`plans/<b>&"/x.yaml`); got != `plans/<wbr>&lt;b&gt;&amp;&#34;/<wbr>x.yaml` {
		t.Errorf("pathBreaks = %s", got)
	}
}
