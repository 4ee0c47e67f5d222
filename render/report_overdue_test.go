package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// TestReportListsWhatIsOverdueAndWhose: the managing director's first
// question of the report is what is overdue and whose it is. The top said
// "Overdue actions on 2027-03-01: 2" and listed none of them: a plan
// not carried on from last year's had no list at all, and one carried on
// listed only what came across, so an action set this year and already
// late was found by reading every row. Above the areas, every overdue
// action is now listed once, with its owner: this year's under "Overdue",
// those carried on under "Carried on and still open", as before; the two
// lists' overdue entries add up to the count at the top, in every format.
func TestReportListsWhatIsOverdueAndWhose(t *testing.T) {
	plain := loadFixture(t, "testdata/report-21.yaml")
	carried, earlier := carriedFixture(t, "2027")
	// An action set this year, already late, in the carried-on plan.
	r := carried.Items["en-policy-succession"]
	r.Action, r.Owner, r.Due, r.Status = "Write a succession policy", "Dev", day(2027, 2, 20), plans.StatusTodo
	// A step with no words (its item's action was cleared), its due date
	// past: nothing to chase, so not counted at the top (Step.Open), and
	// so not listed either.
	wordless := loadFixture(t, "testdata/report-21.yaml")
	pp := wordless.FollowUps[wordless.ProjectPlanID()]
	pp.Steps = append(pp.Steps, plans.Step{ID: 900, Owner: "Ana", Due: day(2027, 1, 10), Status: plans.StatusTodo})
	// A step set this year that repeats an action carried on and late:
	// one thing to chase, counted once at the top, so listed once.
	repeat, repeatEarlier := carriedFixture(t, "2027")
	rr := repeat.Items["en-policy-succession"]
	rr.Action, rr.Owner, rr.Due, rr.Status = "Write a succession policy", "Dev", day(2027, 2, 20), plans.StatusTodo
	rp := repeat.FollowUps[repeat.ProjectPlanID()]
	rp.Steps = append(rp.Steps, plans.Step{ID: 900, Text: "Share the counts with all staff", Owner: "Sam", Due: day(2026, 10, 31), Status: plans.StatusTodo})
	// The other way round: an action set this year that a step carried
	// on already says (the step came first).
	stepFirst, stepFirstEarlier := carriedFixture(t, "2027")
	sf := stepFirst.Items["en-policy-succession"]
	sf.Action, sf.Owner, sf.Due, sf.Status = "Book the away day", "Ben", day(2025, 5, 1), plans.StatusTodo
	sn := stepFirst.Items["en-policy-anti-discrimination"]
	sn.Action, sn.Owner, sn.Due, sn.Status = "Write a fair-hiring policy", "Dev", day(2027, 2, 20), plans.StatusTodo
	// An owner field holding only characters drawn as nothing (a
	// zero-width space pasted from a spreadsheet cell) names no one.
	invisible := loadFixture(t, "testdata/report-21.yaml")
	invisible.Items["lc-leadership"].Owner = "\u200b\u2060"
	cases := []struct {
		name string
		p    *plans.Plan
		opts []ReportOption
		want []string // what the Overdue list must hold, as Markdown
		// wantAfter: what must follow it
		wantAfter []string
	}{
		{"not carried on", plain, nil, []string{
			"**Run a manager workshop on background** (Strong leadership and management driving your D&I strategy): Ben Okafor, due 2027-02-28 (**overdue**).",
		}, nil},
		// An action no one owns says so.
		{"no owner", loadFixture(t, "../plans/testdata/report-all.yaml"), nil, []string{
			"(Do you use this data to help inform your pay grades?): no owner, due 2027-02-01 (**overdue**).",
		}, nil},
		{"an owner of invisible characters", invisible, nil, []string{
			"**Run a manager workshop on background** (Strong leadership and management driving your D&I strategy): no owner, due 2027-02-28 (**overdue**).",
		}, nil},
		{"carried on", carried, []ReportOption{CarriedOnFrom(earlier)}, []string{
			"**Write a succession policy** (Do you have a fair succession policy?): Dev, due 2027-02-20 (**overdue**).",
		}, []string{
			// The top's 4, found whole.
			"(**overdue**). And 3 more carried on from earlier reviews, under Carried on and still open. ## Carried on and still open",
		}},
		{"a step with no words", wordless, nil, []string{
			"**Run a manager workshop on background**",
		}, nil},
		{"a new step repeating a carried action", repeat, []ReportOption{CarriedOnFrom(repeatEarlier)}, []string{
			"**Write a succession policy**",
		}, []string{
			"And 3 more carried on from earlier reviews",
		}},
		{"a new action repeating a carried step", stepFirst, []ReportOption{CarriedOnFrom(stepFirstEarlier)}, []string{
			"**Write a fair-hiring policy**",
		}, []string{
			"And 3 more carried on from earlier reviews",
		}},
	}
	count := regexp.MustCompile(`\*\*Overdue actions on 2027-03-01:\*\* (\d+)`)
	for _, c := range cases {
		md := words(string(ReportMarkdown(c.p, reportToday, c.opts...)))
		m := count.FindStringSubmatch(md)
		if m == nil {
			t.Fatalf("%s: no count of overdue actions at the top", c.name)
		}
		n, _ := strconv.Atoi(m[1])
		if n == 0 {
			t.Fatalf("%s: nothing overdue: not what this test means to check", c.name)
		}
		top, _, _ := strings.Cut(md, "## Leadership & Culture")
		_, lists, ok := strings.Cut(top, "## Overdue on 2027-03-01")
		if !ok {
			t.Errorf("%s: no list of what is overdue above the areas:\n%s", c.name, top)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(lists, w) {
				t.Errorf("%s: the overdue list lacks %q:\n%s", c.name, w, lists)
			}
		}
		for _, w := range c.wantAfter {
			if !strings.Contains(lists, w) {
				t.Errorf("%s: after the overdue list, no %q:\n%s", c.name, w, lists)
			}
		}
		if listed := strings.Count(lists, "(**overdue**)"); listed != n {
			t.Errorf("%s: the top says %d overdue, the lists above the areas mark %d:\n%s", c.name, n, listed, lists)
		}

		page := datesUnwrapped(ReportHTML(c.p, reportToday, nil, c.opts...))
		top, _, _ = strings.Cut(page, `<section aria-labelledby="area-1">`)
		if !strings.Contains(top, "<h3>Overdue on 2027-03-01</h3>") {
			t.Errorf("%s: the web page lists nothing overdue above the areas", c.name)
		}
		if listed := strings.Count(top, `<strong class="overdue">overdue</strong>`); listed != n {
			t.Errorf("%s: the page's top says %d overdue, its lists mark %d", c.name, n, listed)
		}

		text := string(ReportWords(c.p, reportToday, c.opts...))
		if !strings.Contains(text, "Overdue on 1 March 2027, ") {
			t.Errorf("%s: the text report lists nothing overdue", c.name)
		}
	}
}
