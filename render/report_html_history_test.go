package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// TestHistoryBarsCarryTheirShape: in the history chart, every piece of a
// column tall and wide enough carries its level's shape on a white tab,
// inside the piece, so that the columns read in greyscale and without
// colour, as the area charts do; smaller pieces carry none (the legend,
// each column's tooltip and the table of counts still give them).
func TestHistoryBarsCarryTheirShape(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	chart := htmlHistoryOf(buildReportHistory(p, h))
	marked := 0
	for _, col := range chart.Columns {
		for _, bar := range col.Bars {
			x, y, w, hh := atof(t, bar.X), atof(t, bar.Y), atof(t, bar.W), atof(t, bar.H)
			if w < historyMarkTab+2 || hh < historyMarkTab+2 {
				if bar.Mark != nil {
					t.Errorf("%s: the %v-by-%v piece for %s carries a shape it has no room for", col.Title, w, hh, bar.Word)
				}
				continue
			}
			m := bar.Mark
			if m == nil {
				t.Errorf("%s: the %v-by-%v piece for %s has no shape", col.Title, w, hh, bar.Word)
				continue
			}
			marked++
			mx, my, mw, mh := atof(t, m.X), atof(t, m.Y), atof(t, m.W), atof(t, m.H)
			if mx < x || my < y || mx+mw > x+w || my+mh > y+hh {
				t.Errorf("%s: the tab for %s (%v,%v %vx%v) is not inside its piece (%v,%v %vx%v)", col.Title, bar.Word, mx, my, mw, mh, x, y, w, hh)
			}
			if m.Class != bar.Class || m.Shape.X < mx || m.Shape.Y < my {
				t.Errorf("%s: the tab for %s lacks its level's shape inside it", col.Title, bar.Word)
			}
		}
	}
	if marked == 0 {
		t.Error("no piece of any column carries a shape")
	}
}

// TestHistorySummaryOfOneCommit: a plan committed once has one column in
// its history chart, and the words under it say so once, not "each of the
// 1 commit" and its counts twice over.
func TestHistorySummaryOfOneCommit(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	h.Entries, h.Base, h.BaseEntry = h.Entries[3:], nil, 0
	got := historySummary(buildReportHistory(p, h))
	want := "Rating counts at the one commit that changed the plan. On 2027-02-02: 7 Red, 8 Amber, 4 Green, 2 Unrated; 2 of 22 actions done."
	if got != want {
		t.Errorf("the summary of one commit:\ngot  %s\nwant %s", got, want)
	}
	// A failed commit and one that loaded: the counts are said once too.
	h, _ = historyOf(t, p)
	h.Entries = h.Entries[1:3]
	got = historySummary(buildReportHistory(p, h))
	if strings.Count(got, " On ") != 1 || !strings.HasPrefix(got, "Rating counts at each of the 2 commits") {
		t.Errorf("one commit of two loaded: %s", got)
	}
}

// TestHistoryShowsActionsDone: the history section says how many actions
// were done at each commit, in words and in the table under the chart,
// not by colour: two commits with the same ratings and more actions done
// read differently.
func TestHistoryShowsActionsDone(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	before := p.Clone()
	for _, r := range before.Items {
		r.Status = plans.StatusTodo
	}
	steps := before.FollowUps[before.ProjectPlanID()].Steps
	for i := range steps {
		steps[i].Status = plans.StatusTodo
	}
	h := &ReportHistory{Entries: make([]plans.HistoryEntry, 2)}
	for i, v := range []*plans.Plan{before, p} {
		h.Entries[i] = plans.HistoryEntry{Commit: []string{"a1a1a1a", "b2b2b2b"}[i], Date: day(2027, 1, 15).AddDays(i * 30)}
		h.Entries[i].SetPlan(v)
	}
	done := p.ActionCounts()
	if done.Done == 0 || h.Entries[0].Actions.Done != 0 {
		t.Fatalf("the fixture: %+v then %+v", h.Entries[0].Actions, done)
	}
	chart := htmlHistoryOf(buildReportHistory(p, h))
	first, last := fmt.Sprintf("0 of %d actions done", done.Total), fmt.Sprintf("%d of %d actions done", done.Done, done.Total)
	checkContains(t, "the summary", chart.Summary, "On 2027-01-15: ", "; "+first+".", "On 2027-02-14: ", "; "+last+".")
	checkContains(t, "the first column's tooltip", chart.Columns[0].Title, first)
	checkContains(t, "the last column's tooltip", chart.Columns[1].Title, last)
	page := datesUnwrapped(ReportHTML(p, reportToday, h))
	checkContains(t, "the table", page,
		"<caption>The actions are each item&#39;s action and each project-plan step, a step that repeats an item&#39;s action counted once.</caption>",
		`<th scope="col" class="num">Actions done</th><th scope="col">Subject</th>`,
		fmt.Sprintf(`<td class="num nowrap">0 of %d</td>`, done.Total),
		fmt.Sprintf(`<td class="num nowrap">%d of %d</td>`, done.Done, done.Total))
}

// TestHistoryOfAShallowCloneSaysItIsCutShort: a report made in a shallow
// clone (actions/checkout's default) has only the newest commits, and its
// chart would show the oldest of them as the plan's start. The page says
// under the chart that older commits are not shown, in words a board
// member reads; a full history says nothing of the kind.
func TestHistoryOfAShallowCloneSaysItIsCutShort(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	const note = "Older commits are not shown: the report was made from a copy of the repository that has only the newest (a shallow clone)."
	h, _ := historyOf(t, p)
	if page := datesUnwrapped(ReportHTML(p, reportToday, h)); strings.Contains(page, "Older commits") {
		t.Error("a full history says older commits are not shown")
	}
	h.Entries, h.Base, h.BaseEntry = h.Entries[3:], nil, -1
	h.Shallow = true
	page := datesUnwrapped(ReportHTML(p, reportToday, h))
	checkContains(t, "the shallow page", page, "<figcaption>Rating counts at the newest commit that changed the plan. On 2027-02-02: 7 Red, 8 Amber, 4 Green, 2 Unrated; 2 of 22 actions done. "+note+"</figcaption>")
	h, _ = historyOf(t, p)
	h.Shallow = true
	page = datesUnwrapped(ReportHTML(p, reportToday, h))
	checkContains(t, "the shallow page of four commits", page, "<figcaption>Rating counts at each of the 4 newest commits that changed the plan, oldest first.", note+"</figcaption>")
}

// TestHistoryChangeSidesAreDrawnApart: each side of "old → new" in what
// changed is isolated (<bdi>), so that between two right-to-left names
// the arrow keeps the page's direction (TestReportHTMLChangeReadsOldToNew
// measures it in Chromium).
func TestHistoryChangeSidesAreDrawnApart(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	h.Base = h.Base.Clone()
	h.Base.Items["lc-vision"].Owner = "عائشة"
	p.Items["lc-vision"].Owner = "فاطمة"
	page := datesUnwrapped(ReportHTML(p, reportToday, h))
	checkContains(t, "the page", page, "<li><strong>Owner:</strong> <bdi>عائشة</bdi> → <bdi>فاطمة</bdi></li>")
}

// TestCarriedLineWordsStayInTheChart: the words beside the line where the
// plan was carried on go to the side of it with room (right of a line in
// the chart's left half, left of one in its right half), and a path too
// long for half the chart is cut short with an ellipsis, whole in the
// caption and the table.
func TestCarriedLineWordsStayInTheChart(t *testing.T) {
	left := carriedLine(100, "plans/2026/acme.yaml")
	if left.Anchor != "start" || left.TextX != "104" || left.Words != "carried on from plans/2026/acme.yaml" {
		t.Errorf("a line at x=100: %+v, want the words whole, starting right of it", left)
	}
	right := carriedLine(500, "plans/2026/acme.yaml")
	if right.Anchor != "end" || right.TextX != "496" {
		t.Errorf("a line at x=500: %+v, want the words ending left of it", right)
	}
	long := carriedLine(100, "plans/2026/"+strings.Repeat("a", 60)+".yaml")
	if n := len([]rune(long.Words)); n != 40 || !strings.HasSuffix(long.Words, "…") {
		t.Errorf("a long path's words are %q (%d characters), want 40 ending in an ellipsis", long.Words, n)
	}
}

// TestHistoryOfAPlanCarriedOnTwice: a plan carried on from a review that
// was itself carried on has a dashed line at each carry-on, and the words
// under the chart name both reviews, oldest first, and which columns are
// theirs; the plan's own columns carry no plan's name.
func TestHistoryOfAPlanCarriedOnTwice(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	h := &ReportHistory{}
	for i, r := range []string{"plans/2025/acme.yaml", "plans/2025/acme.yaml", "plans/2026/acme.yaml", ""} {
		h.Entries = append(h.Entries, plans.HistoryEntry{Commit: fmt.Sprintf("a%06d", i), Date: day(2025, 3, 1).AddDays(i * 200), Subject: "Rate", Review: r})
	}
	chart := htmlHistoryOf(buildReportHistory(p, h))
	if len(chart.CarryLines) != 2 || chart.CarryLines[0].Words != "carried on from plans/2025/acme.yaml" || chart.CarryLines[1].Words != "carried on from plans/2026/acme.yaml" {
		t.Errorf("the dashed lines: %+v, want one from each review carried on from", chart.CarryLines)
	}
	want := "the first 3, left of the last dashed line, are of the reviews it carried on from, oldest first (plans/2025/acme.yaml, plans/2026/acme.yaml), each up to where it was carried on"
	if !strings.Contains(chart.Summary, want) {
		t.Errorf("the chart's words are\n%s\nwant them to say\n%s", chart.Summary, want)
	}
	if got := chart.Rows[3].Subject; got != "Rate" {
		t.Errorf("the plan's own commit is %q, want its subject alone", got)
	}
}

// The data file changed since the commit "what changed" compares with (a
// new survey imported): the section said only how the plan changed, and
// a board reading it could not tell the data section showed new figures.
// It now says the data file changed, with its figures then and now.
func TestWhatChangedSaysTheDataChanged(t *testing.T) {
	t.Parallel()
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	now := workforceFixture()
	then := *now.Data
	then.Grades = slices.Clone(then.Grades)
	then.Grades[1].Counts = workforce.Counts{14, 20, 16, 1, 0}
	then.Target, then.Collected = 60, "2026-03-02"
	h.DataBase, h.DataCompared = &then, true
	page := datesUnwrapped(ReportHTMLWithData(p, reportToday, h, now))
	_, changes, _ := strings.Cut(page, "What changed since the previous commit")
	checkContains(t, "what changed", changes,
		"<h4>Workforce data: shares by grade</h4>",
		"<p>The workforce data, plans/acme.data.yaml, changed too: each grade&#39;s shares then → now.",
		`<tr><th scope="row">Team leader</th><td class="num">28% → 40%</td>`,
		"<strong>Target response rate:</strong> <bdi>60%</bdi> → <bdi>75%</bdi>",
	)
	// The same data then and now: nothing said of it.
	h.DataBase = now.Data
	page = datesUnwrapped(ReportHTMLWithData(p, reportToday, h, now))
	if _, changes, _ := strings.Cut(page, "What changed since the previous commit"); strings.Contains(changes, "Workforce data:") {
		t.Errorf("the same data said to have changed:\n%s", changes)
	}
}

// The data changed where no table of it shows (a setting alone, or only
// counts kept hidden): the section says so in a line of its own, where
// the note above a table of shares is not there to say it.
func TestWhatChangedSaysTheDataChangedWithoutATable(t *testing.T) {
	t.Parallel()
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	now := workforceFixture()
	changesWith := func(edit func(*workforce.Data)) string {
		then := *now.Data
		then.Grades = slices.Clone(then.Grades)
		edit(&then)
		h.DataBase, h.DataCompared = &then, true
		page := datesUnwrapped(ReportHTMLWithData(p, reportToday, h, now))
		_, changes, _ := strings.Cut(page, "What changed since the previous commit")
		return changes
	}
	target := changesWith(func(d *workforce.Data) { d.Target = 60 })
	checkContains(t, "a target changed", target,
		"<p>The workforce data, plans/acme.data.yaml, changed too.</p>",
		"<strong>Target response rate:</strong> <bdi>60%</bdi> → <bdi>75%</bdi>",
	)
	hidden := changesWith(func(d *workforce.Data) { d.Grades[1].Counts = workforce.Counts{20, 14, 16, 0, 1} })
	checkContains(t, "a hidden count changed", hidden,
		"The workforce data, plans/acme.data.yaml, changed too, but in no figure this report shows: only counts kept hidden under the anonymity threshold changed.",
	)
	if strings.Contains(hidden, "Workforce data: ") {
		t.Errorf("a table for a hidden count:\n%s", hidden)
	}
}

// The data file added since the commit "what changed" compares with, or
// removed since: the data section was new, or gone, unexplained (removed,
// the page without data said nothing of it; added, it said the data
// "changed too"). It now says which, in the words ladder diff uses.
func TestWhatChangedSaysTheDataWasAddedOrRemoved(t *testing.T) {
	t.Parallel()
	p := loadFixture(t, "testdata/report-21.yaml")
	h, _ := historyOf(t, p)
	now := workforceFixture()
	h.DataBase, h.DataCompared = nil, true
	page := datesUnwrapped(ReportHTMLWithData(p, reportToday, h, now))
	_, changes, _ := strings.Cut(page, "What changed since the previous commit")
	// Added, its figures are not tabled as "(none) → 43%", in cell after
	// cell under the sentence that says there was nothing before: they
	// are the page's Workforce data, above.
	checkContains(t, "added", changes, "<h4>Workforce data</h4>\n<p>The workforce data, plans/acme.data.yaml, was added since then, with nothing before it to compare with: its figures are under Workforce data above.</p>\n</div>")
	if strings.Contains(changes, "(none)") || strings.Contains(changes, "Workforce data: ") {
		t.Errorf("an added data file's figures tabled against nothing:\n%s", changes)
	}
	h.DataBase, h.DataGone = now.Data, "plans/acme.data.yaml"
	page = datesUnwrapped(ReportHTML(p, reportToday, h))
	_, changes, _ = strings.Cut(page, "What changed since the previous commit")
	checkContains(t, "removed", changes, "<h4>Workforce data</h4>\n<p>The workforce data, plans/acme.data.yaml, was removed since then.</p>\n</div>")
	// ladder diff says it alike.
	checkContains(t, "diff", string(WorkforceDiffText("plans/acme.data.yaml at HEAD", "plans/acme.data.yaml", now.Data, nil)),
		"\nThe workforce data, plans/acme.data.yaml, was removed since then.\n")
	// Added, ladder diff says it as the page does, and gives the command
	// that shows the figures, whole on its own line.
	added := string(WorkforceDiffText("plans/acme.data.yaml at HEAD", "plans/our data/acme.data.yaml", nil, now.Data))
	checkContains(t, "diff", added,
		"\nThe workforce data, plans/our data/acme.data.yaml, was added since then, with\nnothing before it to compare with. To see its figures:\n  ladder data show 'plans/our data/acme.data.yaml'\n")
	md := string(WorkforceDiffMarkdown("plans/acme.data.yaml at HEAD", "plans/acme.data.yaml", nil, now.Data, 2))
	checkContains(t, "diff", md,
		"\nThe workforce data, plans/acme.data.yaml, was added since then, with nothing\nbefore it to compare with. To see its figures:\n\n`ladder data show plans/acme.data.yaml`\n")
	for _, diff := range []string{added, md} {
		if strings.Contains(diff, "(none)") || strings.Contains(diff, "Reading") {
			t.Errorf("an added data file's figures set against nothing:\n%s", diff)
		}
	}
}
