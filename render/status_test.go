package render

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/socialmobility/ladder/plans"
	"golang.org/x/text/unicode/norm"
)

// statusFixture is seven open actions of two plans, one of each kind of
// due date, listed as by says.
func statusFixture(t testing.TB, by StatusBy) *StatusList {
	t.Helper()
	today := day(2027, 3, 1)
	act := func(path, text, owner string, due plans.Date, what string) plans.PlanAction {
		return plans.PlanAction{Path: path, Action: plans.Action{Text: text, Owner: owner, Due: due, Status: plans.StatusTodo}, What: what}
	}
	o := NewStatusList(today, by)
	t.Cleanup(func() { o.Close() })
	for _, err := range []error{
		o.Add(plans.PlanInfo{Path: "plans/a.yaml", Organisation: "Acme Café Ltd", Title: "Spring review"}, []plans.PlanAction{
			act("plans/a.yaml", "Yesterday", "Ana", today.AddDays(-1), "Develop a clear vision for your D&I strategy"),
			act("plans/a.yaml", "Today", "李雷", today, "Strong leadership and management driving your D&I strategy"),
			act("plans/a.yaml", "In thirty days", "", today.AddDays(plans.SoonDays), "Educate senior leaders to get buy-in"),
			act("plans/a.yaml", "In thirty-one days", "Björn", today.AddDays(plans.SoonDays+1), "Cultural questions"),
			act("plans/a.yaml", "Undated", "Ana", plans.Date{}, "Business as usual"),
		}),
		o.Add(plans.PlanInfo{Path: "plans/b.yaml"}, []plans.PlanAction{
			act("plans/b.yaml", "Long overdue step\nwith a second line", "", today.AddDays(-40), "step 4 of the project plan"),
			act("plans/b.yaml", "Also yesterday", "Zoë", today.AddDays(-1), "Develop a clear vision for your D&I strategy"),
		}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// statusText is StatusText of a list, which cannot fail in memory.
func statusText(t testing.TB, o *StatusList) string {
	t.Helper()
	out, err := StatusText(o, "plans")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func statusMarkdown(t testing.TB, o *StatusList) []byte {
	t.Helper()
	out, err := StatusMarkdown(o, "plans")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestStatusText(t *testing.T) {
	o := statusFixture(t, ByDue)
	want := `Open actions on 2027-03-01 in plans (2 plans): 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Overdue (3)
  Due         When          Owner       Plan          Action
  2027-01-20  40 days late  (no owner)  plans/b.yaml  Long overdue step … [step 4 of the project plan]
  2027-02-28  1 day late    Ana         plans/a.yaml  Yesterday [Develop a clear vision for your D&I strategy]
  2027-02-28  1 day late    Zoë         plans/b.yaml  Also yesterday [Develop a clear vision for your D&I strategy]

Due in the next 30 days (2)
  Due         When          Owner       Plan          Action
  2027-03-01  today         李雷        plans/a.yaml  Today [Strong leadership and management driving your D&I strategy]
  2027-03-31  in 30 days    (no owner)  plans/a.yaml  In thirty days [Educate senior leaders to get buy-in]

Later (1)
  Due         When          Owner       Plan          Action
  2027-04-01  in 31 days    Björn       plans/a.yaml  In thirty-one days [Cultural questions]

No due date (1)
  Due         When          Owner       Plan          Action
  -                         Ana         plans/a.yaml  Undated [Business as usual]

Plans (2)
  Overdue  Next 30 days  Later  No date  Plan
  1        2             1      1        Acme Café Ltd: Spring review (plans/a.yaml)
  2        0             0      0        plans/b.yaml
`
	if got := statusText(t, o); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStatusNothingOpen(t *testing.T) {
	o := NewStatusList(day(2027, 3, 1), ByDue)
	o.Add(plans.PlanInfo{Path: "p.yaml"}, nil)
	if got := statusText(t, o); got != "Open actions on 2027-03-01 in plans (1 plan): nothing open.\n" {
		t.Errorf("got %q", got)
	}
	// The check-in issue says the same, and no more: a totals list of
	// plans with nothing open repeats the line above it.
	want := "# Open actions on 2027-03-01\n\nOpen actions on 2027-03-01 in plans (1 plan): nothing open.\n"
	if got := string(statusMarkdown(t, o)); got != want {
		t.Errorf("Markdown: got %q, want %q", got, want)
	}
}

// Columns are measured in terminal cells: wide characters take two,
// combining marks none.
func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"Ana": 3, "李雷": 4, "Zoë": 3, "Zoe\u0308": 3, "🚀": 2, "": 0, "■ Red → ▲ Amber": 15} {
		if got := width(s); got != want {
			t.Errorf("width(%q) = %d, want %d", s, got, want)
		}
	}
}

// Grouped by owner: owners by name, nobody's last; the owner column goes.
// Grouped by plan: plans in the order given, named by organisation and
// title, with their totals; the plan column goes.
func TestStatusByOwnerAndByPlan(t *testing.T) {
	want := `Open actions on 2027-03-01 in plans (2 plans), by owner: 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Ana (1 overdue, 0 due in the next 30 days, 0 later, 1 with no due date)
  Due         When          Plan          Action
  2027-02-28  1 day late    plans/a.yaml  Yesterday [Develop a clear vision for your D&I strategy]
  -                         plans/a.yaml  Undated [Business as usual]

Björn (0 overdue, 0 due in the next 30 days, 1 later)
  Due         When          Plan          Action
  2027-04-01  in 31 days    plans/a.yaml  In thirty-one days [Cultural questions]

Zoë (1 overdue, 0 due in the next 30 days, 0 later)
  Due         When          Plan          Action
  2027-02-28  1 day late    plans/b.yaml  Also yesterday [Develop a clear vision for your D&I strategy]

李雷 (0 overdue, 1 due in the next 30 days, 0 later)
  Due         When          Plan          Action
  2027-03-01  today         plans/a.yaml  Today [Strong leadership and management driving your D&I strategy]

(no owner) (1 overdue, 1 due in the next 30 days, 0 later)
  Due         When          Plan          Action
  2027-01-20  40 days late  plans/b.yaml  Long overdue step … [step 4 of the project plan]
  2027-03-31  in 30 days    plans/a.yaml  In thirty days [Educate senior leaders to get buy-in]

Plans (2)
  Overdue  Next 30 days  Later  No date  Plan
  1        2             1      1        Acme Café Ltd: Spring review (plans/a.yaml)
  2        0             0      0        plans/b.yaml
`
	if got := statusText(t, statusFixture(t, ByOwner)); got != want {
		t.Errorf("by owner, got:\n%s\nwant:\n%s", got, want)
	}
	want = `Open actions on 2027-03-01 in plans (2 plans), by plan: 3 overdue, 2 due in the next 30 days, 1 later, 1 with no due date.

Acme Café Ltd: Spring review (plans/a.yaml) (1 overdue, 2 due in the next 30 days, 1 later, 1 with no due date)
  Due         When          Owner       Action
  2027-02-28  1 day late    Ana         Yesterday [Develop a clear vision for your D&I strategy]
  2027-03-01  today         李雷        Today [Strong leadership and management driving your D&I strategy]
  2027-03-31  in 30 days    (no owner)  In thirty days [Educate senior leaders to get buy-in]
  2027-04-01  in 31 days    Björn       In thirty-one days [Cultural questions]
  -                         Ana         Undated [Business as usual]

plans/b.yaml (2 overdue, 0 due in the next 30 days, 0 later)
  Due         When          Owner       Action
  2027-01-20  40 days late  (no owner)  Long overdue step … [step 4 of the project plan]
  2027-02-28  1 day late    Zoë         Also yesterday [Develop a clear vision for your D&I strategy]
`
	if got := statusText(t, statusFixture(t, ByPlan)); got != want {
		t.Errorf("by plan, got:\n%s\nwant:\n%s", got, want)
	}
}

// The Markdown form, for a monthly check-in issue, lints clean in every
// grouping.
func TestStatusMarkdown(t *testing.T) {
	t.Parallel()
	md := string(statusMarkdown(t, statusFixture(t, ByDue)))
	checkContains(t, "markdown", md,
		"# Open actions on 2027-03-01\n\nOpen actions on 2027-03-01 in plans (2 plans): 3 overdue, 2 due in the next 30\ndays, 1 later, 1 with no due date.\n",
		"\n## Overdue (3)\n\n- **2027-01-20, 40 days late:** Long overdue step … \\[step 4 of the project\n  plan\\]. Owner: (no owner). Plan: plans/b.yaml.\n",
		"\n## No due date (1)\n\n- **No due date:** Undated \\[Business as usual\\]. Owner: Ana. Plan:\n  plans/a.yaml.\n",
		"\n## Totals per plan\n\n- **Acme Café Ltd: Spring review (plans/a.yaml):** 1 overdue, 2 due in the next\n  30 days, 1 later, 1 with no due date\n",
	)
	lint(t, map[string][]byte{
		"due.md":   []byte(md),
		"owner.md": statusMarkdown(t, statusFixture(t, ByOwner)),
		"plan.md":  statusMarkdown(t, statusFixture(t, ByPlan)),
	})
}

// statusOracle groups actions as status did when it held every action in
// memory (before issue 16 made it sort as plans come and write out past a
// budget): sorted by due date then plan path, stably; grouped by due
// date, by owner (spelt as the first of their actions spells it, or the
// first with more accents, owners in name order) or by plan (in the order added). It gives one line per
// group heading and per action.
func statusOracle(today plans.Date, by StatusBy, infos []plans.PlanInfo, lists [][]plans.PlanAction) []string {
	type act struct {
		plans.PlanAction
		plan int
	}
	var all []act
	for i, list := range lists {
		for _, a := range list {
			a.Path = infos[i].Path
			all = append(all, act{a, i})
		}
	}
	dueKey := func(d plans.Date) int64 {
		if d.IsZero() {
			return 1 << 40
		}
		return d.Time().Unix()
	}
	slices.SortStableFunc(all, func(a, b act) int {
		return cmp.Or(cmp.Compare(dueKey(a.Due), dueKey(b.Due)), strings.Compare(a.Path, b.Path))
	})
	urgency := func(d plans.Date) int {
		switch {
		case d.IsZero():
			return undated
		case d.Before(today):
			return overdue
		case !today.AddDays(plans.SoonDays).Before(d):
			return soon
		}
		return later
	}
	type group struct {
		title  string
		counts [4]int
		acts   []act
		order  int
	}
	var groups []*group
	index := map[string]*group{}
	for _, a := range all {
		key := ownerKey(a.Owner)
		title, order := ownerName(a.Owner), 0
		switch by {
		case ByPlan:
			key, title, order = infos[a.plan].Path, planName(infos[a.plan]), a.plan
		case ByDue:
			key = []string{"Overdue", fmt.Sprintf("Due in the next %d days", plans.SoonDays), "Later", "No due date"}[urgency(a.Due)]
			title, order = key, urgency(a.Due)
		}
		g := index[key]
		if g == nil {
			g = &group{title: title, order: order}
			index[key] = g
			groups = append(groups, g)
		} else if by == ByOwner && (accentCount(title) > accentCount(g.title) || accentCount(title) == accentCount(g.title) && cfCount(title) < cfCount(g.title)) {
			g.title = title // the spelling that keeps the accents, and no invisible character, heads it
		}
		g.counts[urgency(a.Due)]++
		g.acts = append(g.acts, a)
	}
	compareOwners := ownerOrder()
	slices.SortStableFunc(groups, func(a, b *group) int {
		if by == ByOwner {
			return compareOwners(a.title, b.title)
		}
		return cmp.Compare(a.order, b.order)
	})
	var out []string
	for _, g := range groups {
		summary := urgencySummary(g.counts)
		if by == ByDue {
			summary = fmt.Sprint(len(g.acts))
		}
		out = append(out, "# "+g.title+" ("+summary+")")
		for _, a := range g.acts {
			out = append(out, a.Path+": "+a.Text)
		}
	}
	return out
}

// cfCount counts the invisible format characters (Cf) in s.
func cfCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Cf, r) {
			n++
		}
	}
	return n
}

// accentCount counts the combining accents in s decomposed; -1 for a
// pile of more than three on a letter, which heads no group another
// spelling is in, a format character among them or not.
func accentCount(s string) int {
	n, inARow := 0, 0
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Cf, r) {
			continue
		}
		if r < 0x300 || r > 0x36f {
			inARow = 0
			continue
		}
		if inARow++; inARow > 3 {
			return -1
		}
		n++
	}
	return n
}

// The list is sorted as plans are added and, past its memory budget,
// written out in runs and merged back; whatever the budget, status must
// group and order the actions as it did when it held them all in memory
// and sorted them at once (statusOracle). The owners are spelt in several
// ways, some of which sort differently once grouped ("ana  smith" comes
// before "Ana Bob" spelt, after it grouped), and first spelt on a day and
// in a plan that only a later plan's action comes before.
func TestStatusGroupsAsWhenHeldInMemory(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	today := day(2027, 3, 1)
	owners := []string{"ana  smith", "Ana", "ana", " ANA ", "Ana Smith", "Ana Bob", "", "Zoë", "zoë", "Zoe", "ZOE", "李雷", "Björn\nsecond line", "(no owner)", "Ana\u200b", "Zo\u200bë", "Zo\u0308\u0308\u0308\u0308e", "Zo\u0308\u0308\u200b\u0308\u0308e", "\u200b"}
	var infos []plans.PlanInfo
	var lists [][]plans.PlanAction
	for i := range 200 {
		info := plans.PlanInfo{Path: fmt.Sprintf("plans/%c/p%d.yaml", 'z'-rune(i%26), i), Organisation: fmt.Sprint("Org ", i%5)}
		var list []plans.PlanAction
		for j := range rng.IntN(15) {
			due := plans.Date{}
			if rng.IntN(6) > 0 {
				due = today.AddDays(rng.IntN(90) - 45)
			}
			list = append(list, plans.PlanAction{Path: info.Path, What: fmt.Sprint("item ", j),
				Action: plans.Action{Text: fmt.Sprintf("action %d", j), Owner: owners[rng.IntN(len(owners))], Due: due, Status: plans.StatusTodo}})
		}
		infos, lists = append(infos, info), append(lists, list)
	}
	// The first action of all spelt without the accents its owner's
	// name has elsewhere: the group is headed with them all the same.
	lists[0] = append(lists[0], plans.PlanAction{Path: infos[0].Path, What: "item first",
		Action: plans.Action{Text: "the first of all", Owner: "Zoe", Due: today.AddDays(-100), Status: plans.StatusTodo}})
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		want := statusOracle(today, by, infos, lists)
		for _, budget := range []int{plans.DefaultMemoryBudget, 3000} {
			o := NewStatusList(today, by)
			o.SetMemoryBudget(budget)
			for i := range infos {
				if err := o.Add(infos[i], lists[i]); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			err := newStatusList(o, "plans").each(func(title, summary string) error {
				got = append(got, "# "+title+" ("+summary+")")
				return nil
			}, func(a *plans.Listed) error {
				got = append(got, a.Path+": "+a.Text)
				return nil
			})
			o.Close()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("by %s, budget %d: line %d is %q, want %q", by, budget, i, got[i], want[i])
					}
				}
				t.Fatalf("by %s, budget %d: %d lines, want %d", by, budget, len(got), len(want))
			}
		}
	}
}

// An owner or a plan path of thousands of characters (a plan from a pull
// request) runs on in its own row; the other rows keep their columns
// rather than every line of the list being padded to its width.
func TestStatusTextHugeCellRunsOnAlone(t *testing.T) {
	today := day(2027, 3, 1)
	o := NewStatusList(today, ByDue)
	defer o.Close()
	huge := strings.Repeat("O", 5000)
	for _, p := range []struct{ path, owner string }{{"plans/a.yaml", "Ana"}, {"plans/" + huge + ".yaml", huge}} {
		act := plans.PlanAction{Path: p.path, Action: plans.Action{Text: "Do it", Owner: p.owner, Due: today.AddDays(-1), Status: plans.StatusTodo}, What: "Cultural questions"}
		if err := o.Add(plans.PlanInfo{Path: p.path}, []plans.PlanAction{act}); err != nil {
			t.Fatal(err)
		}
	}
	out := statusText(t, o)
	for _, line := range strings.Split(out, "\n") {
		if !strings.Contains(line, huge) && width(line) > 160 {
			t.Errorf("a line without the huge cell is %d columns wide: %.100q…", width(line), line)
		}
	}
	if !regexp.MustCompile(`\n  2027-02-28  1 day late  Ana +plans/a\.yaml +Do it`).MatchString(out) || !strings.Contains(out, huge+"  plans/"+huge+".yaml  Do it") {
		t.Errorf("the cells are not all there:\n%.600s", out)
	}
}

// TestStatusTextFitsTheTerminal: in a terminal the list is wrapped at
// spaces to its width (FitToWidth), each action under its column, and
// says every word the one-line list for a file says, in the same order;
// no word is cut. Written as it goes, through a FitWriter in pieces that
// end mid-line, it comes out the same.
func TestStatusTextFitsTheTerminal(t *testing.T) {
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		flat := statusText(t, statusFixture(t, by))
		for cols := 60; cols <= 100; cols++ {
			got := string(FitToWidth([]byte(flat), cols))
			for i, line := range strings.Split(got, "\n") {
				if w := width(line); w > cols {
					t.Errorf("--by %s at %d columns: line %d is %d wide: %q", by, cols, i+1, w, line)
				}
			}
			if !slices.Equal(strings.Fields(got), strings.Fields(flat)) {
				t.Errorf("--by %s at %d columns says other words than the one-line list:\n%s", by, cols, got)
			}
			if pieces, err := fitInPieces(flat, cols); err != nil || pieces != got {
				t.Errorf("--by %s at %d columns: written in pieces, the list differs (%v)", by, cols, err)
			}
		}
		if got := FitToWidth([]byte(flat), 80); !strings.Contains(string(got), "\n  2027-01-20  40 days late") {
			t.Errorf("--by %s: the rows lost their layout:\n%s", by, got)
		}
	}
}

// fitInPieces is text through a FitWriter of cols, written 7 bytes at a
// time: lines that end mid-write, as status writes them as it goes.
func fitInPieces(text string, cols int) (string, error) {
	var b bytes.Buffer
	fw := NewFitWriter(&b, cols)
	for rest := text; rest != ""; {
		n := min(len(rest), 7)
		fw.Write([]byte(rest[:n]))
		rest = rest[n:]
	}
	err := fw.Flush()
	return b.String(), err
}
