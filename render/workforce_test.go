package render

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

// workforceFixture is a four-grade organisation whose working-class share
// falls off a cliff at the top, where the groups are small: a director
// grade too small to show alone, a manager grade with 3 working-class
// answers, and benchmark figures made up for the test.
func workforceFixture() *workforce.Loaded {
	return &workforce.Loaded{
		Path: "plans/acme.data.yaml",
		Data: &workforce.Data{Schema: 1, Collected: "2027-03-10", Threshold: 10, Target: 75, Grades: []workforce.Grade{
			{Name: "Team member", Headcount: 150, Counts: workforce.Counts{55, 35, 30, 8, 4}},
			{Name: "Team leader", Headcount: 60, Counts: workforce.Counts{20, 14, 16, 1, 0}},
			{Name: "Manager", Headcount: 50, Counts: workforce.Counts{3, 12, 25, 2, 0}},
			{Name: "Director", Headcount: 6, Counts: workforce.Counts{0, 1, 4, 0, 0}},
		}},
		Benchmark:     &workforce.Benchmark{Source: "Made-up figures for a test, 2027", Shares: [3]float64{39, 24, 37}},
		BenchmarkPath: "plans/test.benchmark.yaml",
	}
}

func TestWorkforceGolden(t *testing.T) {
	t.Parallel()
	w := workforceFixture()
	text := WorkforceText(w, 80, nil)
	checkGolden(t, "workforce.txt", text)
	md := WorkforceMarkdown(w, 1)
	checkGolden(t, "workforce.md", md)
	for i, l := range strings.Split(string(text), "\n") {
		if width(l) > 80 {
			t.Errorf("text line %d is %d columns wide: %q", i+1, width(l), l)
		}
	}
	report := ReportMarkdownWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), w)
	if !strings.Contains(string(report), "\n## Workforce data\n") || !strings.Contains(string(report), "\n### Shares by grade, junior to senior\n") {
		t.Errorf("the report has no data section at level 2:\n%s", report)
	}
	if i, j := strings.Index(string(report), "## Workforce data"), strings.Index(string(report), "## Source"); i > j {
		t.Error("the data section goes before the credits")
	}
	lint(t, map[string][]byte{"workforce.md": md, "report.md": report})
}

// TestWorkforceResponsesSayWhatIsNotKnown: a grade with no headcount has
// none and no response rate, in words in each format, and a grade below
// the target response rate is named under the table.
func TestWorkforceResponsesSayWhatIsNotKnown(t *testing.T) {
	w := workforceFixture()
	w.Data.Grades[1].Headcount = 0   // Team leader
	w.Data.Grades[2].Headcount = 100 // Manager: 40-49% of 106 with the director
	checkContains(t, "the text", string(WorkforceText(w, 80, nil)),
		"\n  Team leader         --         <10       not set    --\n",
		"\nBelow the target: Manager + Director (40-49%).\n")
	checkContains(t, "the Markdown", string(WorkforceMarkdown(w, 1)),
		"\n| Team leader | fewer than 10 | not shown | not set | not known |\n",
		"\nTarget response rate: 75%. Below it: Manager + Director (40-49%). Excluded:")
	checkContains(t, "the page", string(ReportHTMLWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), nil, w)),
		`<tr><th scope="row">Team leader</th><td class="num" data-label="Working class">20 (40%)</td><td class="num" data-label="Intermediate">14 (28%)</td>`+
			`<td class="num" data-label="Professional">16 (32%)</td><td class="num" data-label="Excluded">fewer than 10</td>`+
			`<td class="num" data-label="Responses">not shown</td><td class="num" data-label="Headcount">not set</td><td class="num" data-label="Rate">not known</td></tr>`,
		"\n<p>Target response rate: 75%. Below it: Manager &#43; Director (40-49%).</p>\n")
}

// TestWorkforceTablesShowOnlyShownFigures reads the Markdown tables of
// random organisations back, cell by cell, and checks each against what
// workforce.Protect allows: a number only where the figure is shown,
// "fewer than 10" only for a small hidden one, "not shown" for the others.
func TestWorkforceTablesShowOnlyShownFigures(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(13, 13))
	for trial := range 200 {
		d := &workforce.Data{Threshold: 10}
		for g := range 1 + rng.IntN(5) {
			var c workforce.Counts
			for k := range c {
				c[k] = rng.IntN(30) * rng.IntN(2)
			}
			d.Grades = append(d.Grades, workforce.Grade{Name: fmt.Sprint("Grade ", g), Headcount: c.Responses() + rng.IntN(20), Counts: c})
		}
		w := &workforce.Loaded{Path: "d.data.yaml", Data: d}
		tab := workforce.Protect(d)
		if tab.SmallEmployer() {
			continue
		}
		rows := map[string]workforce.Row{"**All grades**": tab.Total}
		for _, r := range tab.Grades {
			rows[r.Name] = r
		}
		md := string(WorkforceMarkdown(w, 1))
		section := ""
		for _, line := range strings.Split(md, "\n") {
			if strings.HasPrefix(line, "## ") {
				section = line
			}
			if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| Grade") || strings.HasPrefix(line, "| ---") {
				continue
			}
			cells := strings.Split(strings.Trim(line, "| "), " | ")
			r, ok := rows[cells[0]]
			if !ok {
				t.Fatalf("trial %d: a row for %q", trial, cells[0])
			}
			var figs []workforce.Figure
			switch section {
			case "## Shares by grade, junior to senior":
				figs = []workforce.Figure{r.Groups[0], r.Groups[1], r.Groups[2]}
			case "## Responses":
				figs = []workforce.Figure{r.Excluded, r.Responses}
			}
			for i, f := range figs {
				cell := cells[1+i]
				var want string
				switch {
				case f.Shown:
					want = fmt.Sprint(f.Value)
				case f.Small:
					want = "fewer than 10"
				default:
					want = "not shown"
				}
				if cell != want && !strings.HasPrefix(cell, want+" (") {
					t.Errorf("trial %d, %s, %s, column %d: %q, want %q\n%s", trial, section, cells[0], i+1, cell, want, md)
				}
			}
		}
	}
}

func TestWorkforceTextOfHostileNames(t *testing.T) {
	w := workforceFixture()
	w.Data.Grades[0].Name = "Team\x1b[2Jmember | *bold*"
	w.Benchmark.Source = "A source\x07 with a bell"
	text := string(WorkforceText(w, 80, nil))
	if strings.ContainsAny(text, "\x1b\x07") {
		t.Errorf("control characters reached the terminal:\n%q", text)
	}
	md := string(WorkforceMarkdown(w, 1))
	if strings.Contains(md, "| *bold*") || strings.ContainsAny(md, "\x1b\x07") {
		t.Errorf("grade names must be escaped in Markdown:\n%s", md)
	}
}

func TestWorkforceSmallEmployer(t *testing.T) {
	t.Parallel()
	w := &workforce.Loaded{Path: "d.data.yaml", Data: &workforce.Data{Threshold: 10, Grades: []workforce.Grade{
		{Name: "All", Headcount: 7, Counts: workforce.Counts{2, 2, 2, 1, 0}},
	}}}
	text := string(WorkforceText(w, 80, nil))
	if !strings.Contains(text, "at the application stage") || strings.Contains(text, "█") {
		t.Errorf("%s", text)
	}
	md := WorkforceMarkdown(w, 1)
	if !strings.Contains(string(md), "> If your workforce has less than 10 employees") {
		t.Errorf("%s", md)
	}
	lint(t, map[string][]byte{"small.md": md})
}

// Fewer answers than the threshold is not fewer people: 5 answers from a
// workforce of 40 is a response rate to raise, not a firm too small to
// report on. Each case says which it is and gives the guide's advice for
// it; with no headcount, ladder cannot tell, and gives both. Nothing is
// drawn: every figure would be hidden.
func TestWorkforceTooFewAnswers(t *testing.T) {
	t.Parallel()
	data := func(headcount int) *workforce.Loaded {
		return &workforce.Loaded{Path: "d.data.yaml", Data: &workforce.Data{Threshold: 10, Grades: []workforce.Grade{
			{Name: "Staff", Headcount: headcount, Counts: workforce.Counts{2, 1, 1, 0, 1}},
		}}}
	}
	const small, rate = "at the application stage", "Set and share an achievable target response rate internally."
	few := map[string][]byte{}
	for _, tc := range []struct {
		headcount int
		want      []string
		not       []string
	}{
		{40, []string{"Fewer than 10 of your 40 people answered", rate}, []string{small, "people in all"}},
		{0, []string{"Fewer than 10 answers in all", small, "If your workforce has 10 people or more", rate}, []string{"people in all"}},
		{7, []string{"Fewer than 10 people in all", small}, []string{rate}},
	} {
		text := string(WorkforceText(data(tc.headcount), 80, nil))
		md := string(WorkforceMarkdown(data(tc.headcount), 1))
		html := htmlWorkforceOf(buildWorkforce(data(tc.headcount))).Small
		flat := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "> ", " ")), " ") }
		for what, doc := range map[string]string{"text": text, "markdown": md, "html": html} {
			for _, w := range tc.want {
				if !strings.Contains(flat(doc), w) {
					t.Errorf("headcount %d, %s: no %q in\n%s", tc.headcount, what, w, doc)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(flat(doc), w) {
					t.Errorf("headcount %d, %s: %q in\n%s", tc.headcount, what, w, doc)
				}
			}
		}
		if strings.Contains(text, "█") || strings.Contains(text, "Reading:") {
			t.Errorf("headcount %d: a chart of hidden figures:\n%s", tc.headcount, text)
		}
		few[fmt.Sprintf("few-%d.md", tc.headcount)] = []byte(md)
	}
	lint(t, few) // one run of markdownlint for every case: it names the file it finds a problem in
}

func TestWorkforceSummaryForThePlan(t *testing.T) {
	lines := WorkforceSummary(workforceFixture())
	joined := strings.Join(lines, "\n")
	checkContains(t, "summary", joined, "Your workforce data (plans/acme.data.yaml, collected 2027-03-10)", "Cliff edge between Team leader and Manager + Director")
}

func TestBarAddsUp(t *testing.T) {
	for _, weights := range [][]float64{{33, 33, 34, 0}, {1, 1, 1, 97}, {0, 0, 100, 0}, {45.5, 24.5, 30, 0}} {
		b := bar(weights, 37, nil)
		if n := len([]rune(b)); n != 37 {
			t.Errorf("%v: %d cells, want 37: %q", weights, n, b)
		}
	}
}

func TestWorkforceHistoryAndDiff(t *testing.T) {
	t.Parallel()
	first := workforceFixture().Data
	second := workforceFixture().Data
	second.Grades = append([]workforce.Grade{}, second.Grades...)
	second.Grades[2].Counts = workforce.Counts{12, 12, 25, 2, 0} // the manager grade's working class grows past 10
	second.Collected = "2028-02-20"                              // and is committed three weeks later
	versions := []WorkforceVersion{
		{Commit: "1a2b3c4", Date: "2027-03-10", Subject: "Spring survey", Data: first},
		{Commit: "5d6e7f8", Date: "2027-06-01", Subject: "Broke it", Problem: "did not load: 18:20: the working_class count cannot be negative"},
		{Commit: "9a8b7c6", Date: "2028-03-12", Subject: "A year on", Data: second},
	}
	text := string(WorkforceHistoryText("plans/acme.data.yaml", versions, 120))
	checkContains(t, "history", text,
		"Workforce data history of plans/acme.data.yaml: 3 commits, oldest first.",
		"\nCollected   Commit   Team member",
		"\n2027-03-10  1a2b3c4  46%          40%          <10+     <10+      --          Spring survey\n",
		"\n-           5d6e7f8  did not load: 18:20: the working_class count cannot be negative (committed 2027-06-01)\n",
		"\n2028-02-20  9a8b7c6  46%          40%          22%+     22%+      39%         A year on (committed 2028-03-12)\n",
	)
	diff := string(WorkforceDiffText("plans/acme.data.yaml at HEAD~1", "plans/acme.data.yaml", first, second))
	if !strings.Contains(diff, "Manager + Director  <10 → ") || strings.Contains(diff, "Team member") {
		t.Errorf("diff should show the changed rows only:\n%s", diff)
	}
	if same := string(WorkforceDiffText("a", "b", first, first)); !strings.Contains(same, "No change.") {
		t.Errorf("no change: %s", same)
	}
	if WorkforceDiffText("a", "b", nil, nil) != nil {
		t.Error("no data on either side: nothing to say")
	}
	added := string(WorkforceDiffText("a", "b", nil, first))
	if !strings.Contains(added, "\n  ladder data show b\n") || strings.Contains(added, "(none) → 46%") {
		t.Errorf("data added:\n%s", added)
	}
	lint(t, map[string][]byte{
		"history.md": WorkforceHistoryMarkdown("plans/acme.data.yaml", versions, 1),
		"diff.md":    WorkforceDiffMarkdown("plans/acme.data.yaml at HEAD~1", "plans/acme.data.yaml", first, second, 1),
		"added.md":   WorkforceDiffMarkdown("plans/acme.data.yaml at HEAD~1", "plans/acme.data.yaml", nil, second, 1),
	})
}

func TestReportHTMLWithData(t *testing.T) {
	t.Parallel()
	w := workforceFixture()
	w.Data.Grades[0].Name = "Team <member>"
	page := string(ReportHTMLWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), nil, w))
	checkContains(t, "the page", page,
		`<h2 id="workforce">Workforce data</h2>`,
		`<tr><th scope="row">Team &lt;member&gt;</th><td class="num" data-label="Working class">55 (46%)</td>`,
		`<tr><th scope="row">Manager &#43; Director</th><td class="num" data-label="Working class">fewer than 10</td><td class="num" data-label="Intermediate">not shown</td>`,
		"<strong>Reading:</strong> Cliff edge between Team leader and Manager &#43; Director",
		// The board reads the headcount beside the rate, and the
		// benchmark, as the Markdown report has them.
		`<td class="num" data-label="Headcount">150</td><td class="num" data-label="Rate">88%</td>`,
		`<caption>Compared with the benchmark: Made-up figures for a test, 2027</caption>`,
		`<tr><th scope="row">Professional</th><td class="num" data-label="All grades">35%</td><td class="num" data-label="Benchmark">37%</td><td data-label="Difference">2 points below</td></tr>`,
	)
	if plain := string(ReportHTML(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), nil)); strings.Contains(plain, "Workforce data") {
		t.Error("a plan without data has no data section")
	}
	// A year on: last year's figures beside this year's, in the same
	// page validated below; a name from last year's file escaped too.
	last := workforceFixture().Data
	last.Collected, last.Grades[1].Name, last.Grades[1].Counts[0] = "2026-03-10", "Team <leader>", 30
	w.LastPath, w.Last = "plans/acme-2026.data.yaml", last
	yearOn := string(ReportHTMLWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), nil, w))
	checkContains(t, "the page a year on", yearOn,
		`<h3>Workforce data since the last review</h3>`,
		`<tr><th scope="row">Team &lt;member&gt;</th><td class="num" data-label="Working class">(none) → 46%</td>`,
		`<tr><th scope="row">Team &lt;leader&gt;</th><td class="num" data-label="Working class">50% → (none)</td>`,
		`<tr><th scope="row">Manager &#43; Director</th><td class="num" data-label="Working class">&lt;10</td><td class="num" data-label="Intermediate">--</td>`,
		`<tr><th scope="row">All grades</th><td class="num" data-label="Working class">--</td><td class="num" data-label="Intermediate">--</td><td class="num" data-label="Professional">33% → 35%</td>`,
	)
	validateHTML(t, map[string][]byte{"report.html": []byte(page), "year-on.html": []byte(yearOn)})
}

// TestReportHTMLWithDataShowsControlCharactersAsPictures: a plan with a
// data file takes its own path to the page; control characters from the
// plan (an ESC and a BEL in an action) are pictures there too, as on the
// page without data, for the page may be printed to a terminal.
func TestReportHTMLWithDataShowsControlCharactersAsPictures(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	p.Items["lc-vision"].Action = "Retitle \x1b]0;owned\x07 the terminal"
	w := workforceFixture()
	w.Data.Grades[0].Name = "Team\x1b[2Jmember"
	page := string(ReportHTMLWithData(p, day(2027, 3, 14), nil, w))
	if i := strings.IndexFunc(page, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }); i >= 0 {
		t.Errorf("the page has a control character at %d: %q", i, page[max(0, i-40):min(len(page), i+40)])
	}
	if !strings.Contains(page, "Retitle ␛]0;owned␇ the terminal") {
		t.Error("the action's ESC and BEL do not show as pictures")
	}
}

// The reading in words for a cliff in the middle (shares 45, 15, 15 and
// 45% by grade): a cliff edge, where it is, and that the share rises again
// above it; and for a steady fall that turns up at the top.
func TestReadingWordsForACliffInTheMiddle(t *testing.T) {
	table := func(shares ...int) *workforce.Table {
		d := &workforce.Data{Threshold: 10}
		for i, w := range shares {
			rest := 100 - w
			d.Grades = append(d.Grades, workforce.Grade{Name: fmt.Sprintf("G%d", i+1), Counts: workforce.Counts{w, rest / 2, rest - rest/2, 10, 10}})
		}
		return workforce.Protect(d)
	}
	for _, tc := range []struct {
		shares            []int
		sentence, numbers string
	}{
		{[]int{45, 15, 15, 45},
			"cliff edge between G1 and G2: the working-class share falls from 45% to 15%, then rises again to 45% (G4).",
			"Biggest fall: 30 points, G1 to G2. Biggest step: 30 points, G1 to G2 (100% of the fall)."},
		{[]int{50, 42, 34, 26, 45},
			"pyramid: the working-class share falls steadily from 50% to 26% over four grades, then rises again to 45% (G5).",
			"Biggest fall: 24 points, G1 to G4. Biggest step: 8 points, G1 to G2 (33% of the fall)."},
		{[]int{45, 37, 28, 20},
			"pyramid: the working-class share falls steadily from 45% to 20% over four grades.",
			"Biggest fall: 25 points, G1 to G4."},
		{[]int{20, 30, 40},
			"no fall: the working-class share rises from 20% (G1) to 40% (G3).",
			"Biggest fall: none, no grade's share is below a more junior grade's. Biggest step: none, no grade's share is below the grade's before it."},
		// Rising all the way, as an office manager's shop floor,
		// supervisors and managers did: the biggest step was "-3 points,
		// G1 to G2", a rise read as a fall of minus three.
		{[]int{53, 56, 60},
			"no fall: the working-class share rises from 53% (G1) to 60% (G3).",
			"Biggest step: none"},
	} {
		w := readingWords(workforce.Read(table(tc.shares...)))
		if w.sentence != tc.sentence || !strings.Contains(w.numbers, tc.numbers) {
			t.Errorf("%v:\ngot  %s\n     %s\nwant %s\n     …%s", tc.shares, w.sentence, w.numbers, tc.sentence, tc.numbers)
		}
	}
}

// A fall to a hidden share is not "no fall": Senior's 6 of 21
// working-class answers is "43% or less", at least 7 points below Staff's
// 50% and perhaps far more. The reading says it cannot tell, and why.
func TestReadingWordsCannotTellAFallToAHiddenShare(t *testing.T) {
	w := readingWords(workforce.Read(workforce.Protect(&workforce.Data{Threshold: 10, Grades: []workforce.Grade{
		{Name: "Staff", Counts: workforce.Counts{22, 10, 12, 0, 3}},
		{Name: "Senior", Counts: workforce.Counts{6, 5, 10, 0, 2}},
	}})))
	want := "cannot tell: the working-class share falls from 50% (Staff) to 43% or less (Senior), at least 7 points and perhaps 10 or more: Senior has too few working-class answers to show its share."
	if w.sentence != want {
		t.Errorf("got  %s\nwant %s", w.sentence, want)
	}
	if !strings.Contains(w.rule, "it may be as low as 0%") {
		t.Errorf("the rule does not say how a hidden share is read: %s", w.rule)
	}
}

// TestWorkforceMarkdownNamesGradesInFull: a board reads the grades by
// their names, so the report's tables, the history's columns and the
// diff's rows give each grade's name whole, however long, and the
// Markdown still passes markdownlint's default rules (the long tables
// are let off the line length, and only they) and renders as tables.
func TestWorkforceMarkdownNamesGradesInFull(t *testing.T) {
	t.Parallel()
	long := []string{"Apprentice and trainee engineers", "Customer service advisers and team coordinators", "Team leaders and supervisors"}
	data := func(wc int) *workforce.Data {
		return &workforce.Data{Schema: 1, Collected: "2027-03-10", Threshold: 10, Target: 75, Grades: []workforce.Grade{
			{Name: long[0], Headcount: 180, Counts: workforce.Counts{89, 19, 29, 1, 2}},
			{Name: long[1], Headcount: 120, Counts: workforce.Counts{wc, 18, 20, 4, 2}},
			{Name: long[2], Headcount: 50, Counts: workforce.Counts{16, 12, 18, 1, 1}},
		}}
	}
	first, second := data(46), data(40)
	w := &workforce.Loaded{Path: "plans/acme.data.yaml", Data: second}
	report := ReportMarkdownWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), w)
	history := WorkforceHistoryMarkdown("plans/acme.data.yaml", []WorkforceVersion{
		{Commit: "1a2b3c4", Date: "2027-03-10", Subject: "Spring survey", Data: first},
		{Commit: "9a8b7c6", Date: "2028-03-12", Subject: "A year on", Data: second},
	}, 1)
	diff := WorkforceDiffMarkdown("plans/acme.data.yaml at HEAD~1", "plans/acme.data.yaml", first, second, 1)
	for what, doc := range map[string][]byte{"report": report, "history": history, "diff": diff} {
		if strings.Contains(string(doc), "…") {
			t.Errorf("the %s cuts a name short:\n%s", what, doc)
		}
		page := renderGFM(t, doc)
		for _, name := range long {
			if what == "diff" && name != long[1] {
				continue // the diff shows the rows that changed
			}
			if !strings.Contains(page, "<td>"+name+"</td>") && !strings.Contains(page, ">"+name+"</th>") {
				t.Errorf("the %s has no table cell naming %q:\n%s", what, name, page)
			}
		}
	}
	lint(t, map[string][]byte{"report.md": report, "history.md": history, "diff.md": diff})
	// Only the long tables are let off: the report's paragraphs still wrap.
	if n := strings.Count(string(report), tableLong); n != 2 {
		t.Errorf("%d tables let off the line length, want the two with the long names:\n%s", n, report)
	}
}

// TestWorkforceDiffShowsHeadcountsAndTarget: a pull request that changes
// only a data file's headcounts, its target response rate or its
// threshold changes what the report says (response rates, the grades
// below the target, what is hidden), so the diff shows each of them, old
// → new, in the text and the Markdown, and never says "No change.".
func TestWorkforceDiffShowsHeadcountsAndTarget(t *testing.T) {
	t.Parallel()
	first := workforceFixture().Data
	second := workforceFixture().Data
	second.Grades = append([]workforce.Grade{}, second.Grades...)
	second.Grades[0].Headcount = 200 // Team member: 132 of 150 (88%) → of 200 (66%)
	second.Target = 80
	text := string(WorkforceDiffText("plans/acme.data.yaml at HEAD~1", "plans/acme.data.yaml", first, second))
	checkContains(t, "the text", text,
		"\n  Grade        Responses  Headcount  Rate\n",
		"\n  Team member  132        150 → 200  88% → 66%\n",
		"\n  All grades   --         266 → 316  80-89% → 70-79%\n",
		"\n  Target response rate: 75% → 80%\n",
		"\n  Now below the target: Team member (66%)\n",
	)
	if strings.Contains(text, "No change.") || strings.Contains(text, "Working class") {
		t.Errorf("the shares did not change, the rest did:\n%s", text)
	}
	md := WorkforceDiffMarkdown("plans/acme.data.yaml at HEAD~1", "plans/acme.data.yaml", first, second, 1)
	checkContains(t, "the Markdown", string(md),
		"\n| Team member | 132 | 150 → 200 | 88% → 66% |\n",
		"\n- **Target response rate:** 75% → 80%\n",
	)
	lint(t, map[string][]byte{"diff.md": md})
	// Back the other way: the grade is no longer below the target; a
	// grade that stays below is not listed again (its rate is in the table).
	checkContains(t, "the text back", string(WorkforceDiffText("a", "b", second, first)),
		"\n  No longer below the target: Team member (66%)\n")
	stays := workforceFixture().Data
	stays.Target = 80
	stays.Grades = append([]workforce.Grade{}, stays.Grades...)
	stays.Grades[0].Headcount = 190 // still below 80%: 132 of 190 (69%)
	if text := string(WorkforceDiffText("a", "b", second, stays)); strings.Contains(text, "below the target") || !strings.Contains(text, "66% → 69%") {
		t.Errorf("a grade that stays below the target shows its rate, and no more:\n%s", text)
	}

	// The threshold, alone: more is hidden, and the diff says why.
	third := workforceFixture().Data
	third.Threshold = 15
	text = string(WorkforceDiffText("a", "b", first, third))
	checkContains(t, "the text", text, "\n  Anonymity threshold: 10 → 15\n")
	if strings.Contains(text, "No change.") {
		t.Errorf("a new threshold is a change:\n%s", text)
	}
}

// TestWorkforceDiffTextFits80Columns: grades with long names, one renamed
// in the new version, still give a diff that fits 80 columns as written
// (a terminal's wrapping would squeeze its columns together), and in each
// table the grades come in the new version's order, a grade gone from it
// after them, and All grades last.
func TestWorkforceDiffTextFits80Columns(t *testing.T) {
	data := func(second string, wc int) *workforce.Data {
		return &workforce.Data{Schema: 1, Threshold: 10, Target: 75, Grades: []workforce.Grade{
			{Name: "Apprentice and trainee engineers", Headcount: 180, Counts: workforce.Counts{wc, 19, 29, 1, 2}},
			{Name: second, Headcount: 120, Counts: workforce.Counts{46, 18, 20, 4, 2}},
			{Name: "Team leaders and supervisors", Headcount: 50, Counts: workforce.Counts{16, 12, 18, 1, 1}},
		}}
	}
	old := data("Customer service advisers", 89)
	new := data("Customer service advisers and contact centre agents", 70)
	text := string(WorkforceDiffText("plans/acme.data.yaml at HEAD", "plans/acme.data.yaml", old, new))
	for _, l := range strings.Split(text, "\n") {
		if width(l) > 80 {
			t.Errorf("a line of %d columns: %q", width(l), l)
		}
	}
	if fit := string(FitToWidth([]byte(text), 80)); fit != text {
		t.Errorf("an 80-column terminal would rewrap the diff:\n%s", fit)
	}
	flat := strings.Join(strings.Fields(text), " ")
	checkContains(t, "the diff", flat,
		"Apprentice and trainee engineers: working class 65% → 59%",
		"Customer service advisers and contact centre agents: working class (none) → 55%",
		"Customer service advisers: working class 55% → (none)",
	)
	// Order: new grades, then the gone one, then All grades.
	i, j, k := strings.Index(flat, "contact centre agents: working class"), strings.Index(flat, "Customer service advisers: working class"), strings.Index(flat, "All grades: working class")
	if i < 0 || j < i || k < j {
		t.Errorf("the rows are out of order (%d, %d, %d):\n%s", i, j, k, text)
	}
}

// The review's panel beside a data item draws the summary's lines that
// fit whole, from the first: where nothing can be shown, the first line
// says why and ends there, and the guide's advice comes whole on a line
// with its lead-in. At 80x24 the panel drew "...without identifying
// someone. The guide's advice (Social Mobility Commission, ...):" and no
// advice after it, the quote being lines of its own that did not fit.
func TestWorkforceSummaryTooFewKeepsEachLineWhole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		headcount int
		advice    []string // the start and end of each line of advice
	}{
		{7, []string{"The guide's advice (", "from a range of backgrounds."}},
		{40, []string{"More of them need to answer; the guide's advice (", "where response rates are low."}},
		{0, []string{"The guide's advice (", "from a range of backgrounds.", "If your workforce has 10 people or more", "where response rates are low."}},
	} {
		l := &workforce.Loaded{Path: "plans/cafe.data.yaml", Data: &workforce.Data{Threshold: 10, Grades: []workforce.Grade{
			{Name: "Staff", Headcount: tc.headcount, Counts: workforce.Counts{2, 1, 1, 0, 1}},
		}}}
		lines := WorkforceSummary(l)
		if len(lines) != 1+len(tc.advice)/2 {
			t.Errorf("headcount %d: %d lines, want the why and %d of advice:\n%s", tc.headcount, len(lines), len(tc.advice)/2, strings.Join(lines, "\n"))
			continue
		}
		if !strings.HasPrefix(lines[0], "Your workforce data (plans/cafe.data.yaml): fewer than 10 ") || !strings.HasSuffix(lines[0], "without identifying someone.") {
			t.Errorf("headcount %d: the first line should say why nothing is shown, and end there: %q", tc.headcount, lines[0])
		}
		for i := 0; i < len(tc.advice); i += 2 {
			line := lines[1+i/2]
			if !strings.HasPrefix(line, tc.advice[i]) || !strings.HasSuffix(line, tc.advice[i+1]) {
				t.Errorf("headcount %d: advice line %d should run from %q to %q: %q", tc.headcount, i/2+1, tc.advice[i], tc.advice[i+1], line)
			}
		}
	}
}

// The review's panel beside a data item, for a plan renamed without its
// data file, names the data file left with no plan and the rename, where
// it said to import the survey again.
func TestWorkforceForARenamedPlanNamesItsDataFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"acme-2027.yaml", "acme.data.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := filepath.Join(dir, "acme-2027.yaml")
	lines := WorkforceForPlan(plan, nil, fs.ErrNotExist)
	want := "No workforce data beside this plan, but " + filepath.Join(dir, "acme.data.yaml") + " has no plan beside it"
	if len(lines) != 1 || !strings.HasPrefix(lines[0], want) || !strings.Contains(lines[0], "git mv ") {
		t.Errorf("got %q\nwant one line starting %q, with the git mv", lines, want)
	}
}

// A year on, a grade renamed (Team leader is Supervisor now), one added
// (Trainee) and fewer answers from another (Team member, under 10, now
// shown with its neighbour): the diff between the two years' data showed
// each row as it was and is, "(none)" beside the new names, and said
// nothing of why: a reader compared Team member alone last year with
// Trainee + Team member this year. It now says which grades are new and
// gone, and which are shown with other grades than before.
func TestWorkforceDiffSaysWhenTheGradesChanged(t *testing.T) {
	t.Parallel()
	last := workforceFixture().Data
	now := workforceFixture().Data
	now.Grades = []workforce.Grade{
		{Name: "Trainee", Counts: workforce.Counts{12, 11, 10, 0, 0}},
		{Name: "Team member", Counts: workforce.Counts{4, 3, 1, 0, 0}},
		{Name: "Supervisor", Counts: workforce.Counts{20, 14, 16, 1, 0}},
		last.Grades[2], last.Grades[3],
	}
	text := string(WorkforceDiffText("plans/2026/acme.data.yaml", "plans/2027/acme.data.yaml", last, now))
	checkContains(t, "diff", text,
		"  Grades: new: Trainee, Supervisor; gone: Team leader (renamed?): the rows of\n    different grades are not compared\n",
		"  Shown with other grades than before: Team member\n",
	)
	md := string(WorkforceDiffMarkdown("plans/2026/acme.data.yaml", "plans/2027/acme.data.yaml", last, now, 2))
	checkContains(t, "markdown", md,
		"- **Grades:** new: Trainee, Supervisor; gone: Team leader (renamed?): the rows\n  of different grades are not compared\n",
		"- **Shown with other grades than before:** Team member\n",
	)
	// The same grades, grouped the same: nothing said.
	same := string(WorkforceDiffText("a", "b", last, last))
	if strings.Contains(same, "Grades:") || strings.Contains(same, "other grades than before") {
		t.Errorf("the same grades said to differ:\n%s", same)
	}
	// Data added or removed: no comparison to warn of.
	if added := string(WorkforceDiffText("a", "b", nil, now)); strings.Contains(added, "Grades:") {
		t.Errorf("data added said to change grades:\n%s", added)
	}
}

// TestWorkforceDiffShowsSpellingsKept: a pull request that adds a
// spelling to the data file's same_grades changes what next year's
// import counts as a grade; the diff said "No change.", the spelling seen
// only in the YAML. It names the spellings before and after.
func TestWorkforceDiffShowsSpellingsKept(t *testing.T) {
	t.Parallel()
	first := workforceFixture().Data
	second := workforceFixture().Data
	second.SameGrades = []workforce.SameGrade{{Spelling: "Mgr\u202e", Grade: "Manager"}}
	text := string(WorkforceDiffText("a", "b", first, second))
	checkContains(t, "the text", text, "\n  Spellings counted as a grade: none → \"Mgr\ufffd\" as Manager\n")
	if strings.Contains(text, "\u202e") {
		t.Errorf("the bidi override reached the text:\n%q", text)
	}
	md := string(WorkforceDiffMarkdown("a", "b", first, second, 1))
	checkContains(t, "the Markdown", md, "- **Spellings counted as a grade:** none → ")
	if text := string(WorkforceDiffText("a", "b", first, workforceFixture().Data)); !strings.Contains(text, "No change.") {
		t.Errorf("no spellings either side is no change:\n%s", text)
	}
}

// The board member reads the workforce data, the checklist's key
// question, after the next steps as in the Markdown report: the page of a
// plan in git put it last, after "History in git" and the list of what
// changed at the last commit, where few read on to it.
func TestReportHTMLPutsTheDataBeforeTheHistory(t *testing.T) {
	t.Parallel()
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	page := string(ReportHTMLWithData(p, day(2027, 3, 14), h, workforceFixture()))
	next, data, history := strings.Index(page, `<h2 id="next-steps">`), strings.Index(page, `<h2 id="workforce">`), strings.Index(page, `<h2 id="history">`)
	if next < 0 || data < 0 || history < 0 || !(next < data && data < history) {
		t.Errorf("the sections' order: next steps at %d, workforce data at %d, history at %d; want the data between them", next, data, history)
	}
}

// TestWorkforceWithNoHeadcountsHasNoEmptyColumns: with no headcount in
// the data, no format shows a Headcount and a Rate column that say "not
// set" and "not known" on every row; each says once, in words, that there
// is no response rate and how to give the headcounts.
func TestWorkforceWithNoHeadcountsHasNoEmptyColumns(t *testing.T) {
	w := workforceFixture()
	w.Data.Target = 0
	for i := range w.Data.Grades {
		w.Data.Grades[i].Headcount = 0
	}
	note := "No grade has a headcount, so there is no response rate"
	html := string(ReportHTMLWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), nil, w))
	for what, doc := range map[string]string{
		"the text":     string(WorkforceText(w, 80, nil)),
		"the words":    string(WorkforceWords(w, 80)),
		"the Markdown": string(WorkforceMarkdown(w, 1)),
		"the page":     html,
	} {
		for _, unwanted := range []string{"Headcount", "not set", "not known", "Rate\n", "| Rate |", `data-label="Rate"`} {
			if strings.Contains(doc, unwanted) {
				t.Errorf("%s shows %q with no headcount in the data:\n%s", what, unwanted, doc)
			}
		}
		flat := strings.Join(strings.Fields(doc), " ") // as wrapped
		if n := strings.Count(flat, note); n != 1 {
			t.Errorf("%s says %q %d times, want once:\n%s", what, note, n, doc)
		}
		checkContains(t, what, flat, "--headcount")
	}
	checkContains(t, "the page", html, `<th scope="col" class="num">Responses</th></tr></thead>`)
}

// TestTheAnonymityThresholdIsSaidWhy: where each format first names the
// anonymity threshold it says why, in plain words, once.
func TestTheAnonymityThresholdIsSaidWhy(t *testing.T) {
	w := workforceFixture()
	why := "so that no one's answer can be told from the figures"
	for what, doc := range map[string]string{
		"the text":     string(WorkforceText(w, 80, nil)),
		"the words":    string(WorkforceWords(w, 80)),
		"the Markdown": string(WorkforceMarkdown(w, 1)),
		"the page":     string(ReportHTMLWithData(loadFixture(t, "testdata/report-21.yaml"), day(2027, 3, 14), nil, w)),
	} {
		// The guide's advice quoted in a report names the threshold with
		// its own why ("make sure no one can be identified"): the data
		// section is read on its own.
		if _, section, ok := strings.Cut(doc, `<h2 id="workforce">`); ok {
			doc = section
		}
		flat := strings.ReplaceAll(strings.Join(strings.Fields(doc), " "), "&#39;", "'") // as wrapped, and escaped
		named, said := strings.Index(flat, "anonymity threshold"), strings.Index(flat, why)
		switch {
		case named < 0:
			t.Errorf("%s does not name the anonymity threshold:\n%s", what, doc)
		case said < named || said-named > 80:
			t.Errorf("%s does not say why the threshold is there where it first names it (%q):\n%s", what, why, doc)
		case strings.Count(flat, why) != 1:
			t.Errorf("%s says why %d times, want once:\n%s", what, strings.Count(flat, why), doc)
		}
	}
}

// The review's panel names commands to copy with the data file's or the
// plan's path in them. A path with a space ("our plans/acme.data.yaml")
// was written bare, so that the copied command named two files, neither
// of them the data: it is quoted as the shell reads it.
func TestWorkforceCommandsQuoteThePath(t *testing.T) {
	t.Parallel()
	l := workforceFixture()
	l.Path = "our plans/acme.data.yaml"
	lines := WorkforceSummary(l)
	if last := lines[len(lines)-1]; !strings.HasSuffix(last, ": ladder data show 'our plans/acme.data.yaml'") {
		t.Errorf("the summary's command: %q", last)
	}
	if !strings.HasPrefix(lines[0], "Your workforce data (our plans/acme.data.yaml,") {
		t.Errorf("the name in words is the path as it is: %q", lines[0])
	}
	missing := strings.Join(WorkforceForPlan("our plans/acme.yaml", nil, fs.ErrNotExist), "\n")
	checkContains(t, "no data", missing, "ladder data import responses.csv --plan 'our plans/acme.yaml' (ladder")
	broken := strings.Join(WorkforceForPlan("our plans/acme.yaml", nil, errors.New("bad")), "\n")
	checkContains(t, "does not load", broken, "(our plans/acme.data.yaml) does not load: ladder check 'our plans/acme.data.yaml' says why.")
}

// A threshold raised since last year is named in the part that sets last
// year's figures beside this year's; in a terminal and in the words
// report that part came before the legend that says what the threshold
// is for. The legend comes first now, in every format.
func TestAThresholdChangedIsNamedAfterItsReason(t *testing.T) {
	t.Parallel()
	l := workforceFixture()
	now := *l.Data
	now.Threshold = 15
	l.Data, l.LastPath, l.Last = &now, "plans/acme-2026.data.yaml", workforceFixture().Data
	for format, out := range map[string][]byte{
		"text":     WorkforceText(l, 80, nil),
		"words":    WorkforceWords(l, 80),
		"markdown": WorkforceMarkdown(l, 1),
	} {
		flat := strings.Join(strings.Fields(string(out)), " ")
		why, changed := strings.Index(flat, ThresholdWhy), strings.Index(flat, "The anonymity threshold was 10 and is 15")
		if why < 0 || changed < 0 || why > changed {
			t.Errorf("%s: the reason at %d, the change at %d:\n%s", format, why, changed, out)
		}
	}
}
