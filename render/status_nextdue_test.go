package render

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// statusFixtureYears is a folder of three organisations' reviews on
// 2027-08-20: Acme's next review is due in 12 days, Cole & Co's was due
// a year ago, Bea's Bakery's is months away.
func statusFixtureYears(t testing.TB, by StatusBy) *StatusList {
	t.Helper()
	today := day(2027, 8, 20)
	open := func(path string, n int) []plans.PlanAction {
		var out []plans.PlanAction
		for range n {
			out = append(out, plans.PlanAction{Path: path, Action: plans.Action{Text: "Write a one-page vision", Owner: "Ana", Due: today.AddDays(40), Status: plans.StatusTodo}})
		}
		return out
	}
	o := NewStatusList(today, by)
	t.Cleanup(func() { o.Close() })
	for _, p := range []struct {
		info plans.PlanInfo
		open int
	}{
		{plans.PlanInfo{Path: "plans/acme-2025.yaml", Organisation: "Acme Café Ltd", Title: "Review 2025", Date: day(2025, 9, 1), CarriedOnTo: "plans/acme-2026.yaml"}, 0},
		{plans.PlanInfo{Path: "plans/acme-2026.yaml", Organisation: "Acme Café Ltd", Title: "Review 2026", Date: day(2026, 9, 1)}, 2},
		// An older plan of Acme's, read after: the newest decides.
		{plans.PlanInfo{Path: "plans/old/acme.yaml", Organisation: "ACME  café ltd", Title: "First look", Date: day(2024, 5, 1)}, 1},
		{plans.PlanInfo{Path: "plans/bea.yaml", Organisation: "Bea's Bakery", Title: "Spring review", Date: day(2027, 3, 1)}, 1},
		{plans.PlanInfo{Path: "plans/cole/review-2025.yaml", Organisation: "Cole & Co\x1b[2J", Title: "Review 2025", Date: day(2025, 6, 10)}, 0},
		// A next review that leads nowhere: status says so already, and
		// the organisation's review to begin is not guessed at.
		{plans.PlanInfo{Path: "plans/dale.yaml", Organisation: "Dale", Title: "Review 2025", Date: day(2025, 6, 10), NextReviewProblem: "next_review \"dale-2026.yaml\" leads to no plan"}, 0},
		// No date: nothing to count a year from.
		{plans.PlanInfo{Path: "plans/undated.yaml", Organisation: "Eve"}, 0},
	} {
		if err := o.Add(p.info, open(p.info.Path, p.open)); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// A year after an organisation's last review, status suggests the next,
// with the command that begins it from that plan, in every form it
// writes for people; a suggestion, not an overdue action.
func TestStatusSuggestsTheNextReview(t *testing.T) {
	text := statusText(t, statusFixtureYears(t, ByDue))
	want := `
Reviews to begin (2)
  Cole & Co␛[2J: the next review was due on 2026-06-10, 436 days ago, a year after Review 2025 (2025-06-10). Begin it from that plan:
    ladder new plans/cole/review-2027.yaml \
      --from plans/cole/review-2025.yaml --title 'Review 2027'
  Acme Café Ltd: the next review is due on 2027-09-01, in 12 days, a year after Review 2026 (2026-09-01). Begin it from that plan, carrying on its 2 open actions:
    ladder new plans/acme-2027.yaml \
      --from plans/acme-2026.yaml --title 'Review 2027'
`
	if !strings.HasSuffix(text, want) {
		t.Errorf("status text ends:\n%s\nwant it to end:\n%s", text, want)
	}
	if strings.Contains(text, "Bea's Bakery: the next review") {
		t.Errorf("suggested a review of Bea's Bakery, months away")
	}
	for _, by := range []StatusBy{ByOwner, ByPlan} {
		if got := statusText(t, statusFixtureYears(t, by)); !strings.HasSuffix(got, want) {
			t.Errorf("by %s, status text ends:\n%s", by, got)
		}
	}

	words := statusWords(t, statusFixtureYears(t, ByDue))
	for _, line := range []string{
		"\nReviews to begin, 2:\n",
		"Cole & Co␛[2J: the next review was due 436 days ago, on 10 June 2026, a year after Review 2025, held on 10 June 2025. To begin it from that plan, run:\nladder new plans/cole/review-2027.yaml --from plans/cole/review-2025.yaml --title 'Review 2027'\n",
		"Acme Café Ltd: the next review is due in 12 days, on 1 September 2027, a year after Review 2026, held on 1 September 2026. To begin it from that plan, carrying on its 2 open actions, run:\nladder new plans/acme-2027.yaml --from plans/acme-2026.yaml --title 'Review 2027'\n",
	} {
		if !strings.Contains(words, line) {
			t.Errorf("the words want %q:\n%s", line, words)
		}
	}

	md := string(statusMarkdown(t, statusFixtureYears(t, ByDue)))
	if !strings.Contains(md, "## Reviews to begin (2)") || !strings.Contains(strings.Join(strings.Fields(md), " "), "`ladder new plans/acme-2027.yaml --from plans/acme-2026.yaml --title 'Review 2027'`") {
		t.Errorf("the Markdown has no reviews to begin:\n%s", md)
	}

	page := string(statusHTML(t, statusFixtureYears(t, ByDue)))
	for _, s := range []string{
		`<h2 id="reviews-to-begin">Reviews to begin (2)</h2>`,
		"<code>ladder new plans/acme-2027.yaml --from plans/acme-2026.yaml --title &#39;Review 2027&#39;</code>",
	} {
		if !strings.Contains(page, s) {
			t.Errorf("the page lacks %s", s)
		}
	}
	if strings.Contains(page, "\x1b") {
		t.Error("the page holds an escape from a plan")
	}

	// The checklist moved on since the last review: the next review is
	// made against the version it is at now, and the line says so.
	moved := NewStatusList(day(2027, 8, 20), ByDue)
	defer moved.Close()
	info := plans.PlanInfo{Path: "plans/acme-2026.yaml", Organisation: "Acme", Title: "Review 2026", Date: day(2026, 9, 1),
		ReviewedVersion: "1\x1b[2J", ChecklistVersion: "2"}
	if err := moved.Add(info, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := statusText(t, moved), "  Acme: the next review is due on 2027-09-01, in 12 days, a year after Review 2026 (2026-09-01, made against version 1␛[2J of its checklist, now at version 2). Begin it from that plan:\n"; !strings.Contains(got, want) {
		t.Errorf("the line does not say the checklist moved on, want %q:\n%s", want, got)
	}
	if got, want := statusWords(t, moved), "a year after Review 2026, held on 1 September 2026, made against version 1␛[2J of its checklist, now at version 2. To begin"; !strings.Contains(got, want) {
		t.Errorf("the words do not say the checklist moved on, want %q:\n%s", want, got)
	}
	if got := string(statusHTML(t, moved)); !strings.Contains(got, "(2026-09-01, made against version 1␛[2J of its checklist, now at version 2)") {
		t.Errorf("the page does not say the checklist moved on:\n%s", got)
	}

	// None due: no heading.
	quiet := NewStatusList(day(2027, 8, 20), ByDue)
	defer quiet.Close()
	if err := quiet.Add(plans.PlanInfo{Path: "plans/bea.yaml", Organisation: "Bea's Bakery", Date: day(2027, 3, 1)}, nil); err != nil {
		t.Fatal(err)
	}
	if got := statusText(t, quiet); strings.Contains(got, "Reviews to begin") {
		t.Errorf("a review held in March is not due in August:\n%s", got)
	}
}

// A plan's file name comes from whoever added it: one that begins with a
// dash, listed from its own folder, would make the suggested ladder new
// read it as a flag (an unknown one, or worse, one that takes the next
// word). Both paths get "./" before them, which names the same file.
func TestTheNextReviewsCommandTakesNoFileNameForAFlag(t *testing.T) {
	o := NewStatusList(day(2027, 8, 20), ByDue)
	defer o.Close()
	if err := o.Add(plans.PlanInfo{Path: "--from-2026.yaml", Organisation: "Acme", Title: "Review 2026", Date: day(2026, 9, 1)}, nil); err != nil {
		t.Fatal(err)
	}
	want := "    ladder new ./--from-2027.yaml \\\n      --from ./--from-2026.yaml --title 'Review 2027'\n"
	if got := statusText(t, o); !strings.HasSuffix(got, want) {
		t.Errorf("status text ends:\n%s\nwant it to end:\n%s", got, want)
	}
	if got := statusWords(t, o); !strings.Contains(got, "run:\nladder new ./--from-2027.yaml --from ./--from-2026.yaml --title") {
		t.Errorf("the words' command takes a file for a flag:\n%s", got)
	}
}

// The command a review to begin is started with is pasted into a shell
// as it is shown. At a terminal the list is wrapped to its width, and the
// command with it: a folder with a long name, from a pull request, put
// the end of a path at the start of a line of its own, which the shell
// ran as a command (plans/…/e, a file the same pull request could add),
// and cut the words after it. The lines of a command continued with a
// backslash are left whole, however narrow the terminal, in one piece
// or written a few bytes at a time.
func TestTheNextReviewsCommandIsNeverWrapped(t *testing.T) {
	o := NewStatusList(day(2027, 8, 20), ByDue)
	defer o.Close()
	dir := "plans/" + strings.Repeat("a", 66) + "/evil"
	if err := o.Add(plans.PlanInfo{Path: dir + "/acme.yaml", Organisation: "Acme", Title: "Review 2026 of everything the board asked us to look at", Date: day(2026, 9, 1)}, nil); err != nil {
		t.Fatal(err)
	}
	// Said in words (ACCESSIBLE), the command is a line of its own.
	words := "ladder new " + dir + "/acme-2027.yaml --from " + dir + "/acme.yaml --title 'Review 2027 of everything the board asked us to look at'\n"
	for _, cols := range []int{40, 80, 100} {
		if got := string(FitToWidth([]byte(statusWords(t, o)), cols)); !strings.Contains(got, "run:\n"+words) {
			t.Errorf("at %d columns the command said in words is wrapped:\n%s", cols, got)
		}
	}
	flat := statusText(t, o)
	first := "    ladder new " + dir + "/acme-2027.yaml \\\n"
	second := "      --from " + dir + "/acme.yaml --title 'Review 2027 of everything the board asked us to look at'\n"
	if !strings.Contains(flat, first+second) {
		t.Fatalf("the command is not in the list:\n%s", flat)
	}
	for _, cols := range []int{40, 80, 100} {
		if got := string(FitToWidth([]byte(flat), cols)); !strings.Contains(got, first+second) {
			t.Errorf("at %d columns the command is wrapped:\n%s", cols, got)
		}
		if pieces, err := fitInPieces(flat, cols); err != nil || !strings.Contains(pieces, first+second) {
			t.Errorf("at %d columns, written in pieces, the command is wrapped (%v):\n%s", cols, err, pieces)
		}
	}
}

// Two organisations whose files share a name, one of them a year
// overdue, are both due a review in one year: each gets a name of its
// own, with the organisation in it, and neither is the file of another
// organisation's plan on the list, or the second ladder new would refuse
// to write over the first's.
func TestReviewsToBeginNameDistinctFiles(t *testing.T) {
	o := NewStatusList(day(2027, 8, 20), ByDue)
	defer o.Close()
	for _, info := range []plans.PlanInfo{
		{Path: "plans/2025/review.yaml", Organisation: "Acme Café Ltd", Title: "Review 2025", Date: day(2025, 6, 10)},
		{Path: "plans/2026/review.yaml", Organisation: "Bea's Bakery", Title: "Review 2026", Date: day(2026, 9, 1)},
		// Cole's review this year is under way in the file Dale's would
		// move on to.
		{Path: "plans/2026/dale.yaml", Organisation: "Dale", Title: "Review 2026", Date: day(2026, 9, 10)},
		{Path: "plans/2027/dale.yaml", Organisation: "Cole & Co", Title: "Review 2027", Date: day(2027, 3, 1)},
	} {
		if err := o.Add(info, nil); err != nil {
			t.Fatal(err)
		}
	}
	text := statusText(t, o)
	for _, want := range []string{
		"    ladder new plans/2027/review-acme-cafe-ltd.yaml \\\n      --from plans/2025/review.yaml --title 'Review 2027'\n",
		"    ladder new plans/2027/review-bea-s-bakery.yaml \\\n      --from plans/2026/review.yaml --title 'Review 2027'\n",
		"    ladder new plans/2027/dale-dale.yaml \\\n      --from plans/2026/dale.yaml --title 'Review 2027'\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("status lacks\n%s in:\n%s", want, text)
		}
	}
}

// A name a review would move on to that is the file of a plan there
// already, though not its organisation's last review (Bea's first review
// of the year, Bea's last being later), is not suggested: ladder new would
// refuse to write over it.
func TestReviewsToBeginNameNoFileThereAlready(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, "plans", name) }
	o := NewStatusList(day(2027, 8, 20), ByDue)
	defer o.Close()
	for _, info := range []plans.PlanInfo{
		{Path: at("2026/review.yaml"), Organisation: "Acme", Title: "Review 2026", Date: day(2026, 9, 1)},
		{Path: at("2027/review.yaml"), Organisation: "Bea", Title: "Review 2027", Date: day(2027, 1, 10)},
		{Path: at("2027/bea-later.yaml"), Organisation: "Bea", Title: "Later review", Date: day(2027, 6, 10)},
	} {
		if err := os.MkdirAll(filepath.Dir(info.Path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(info.Path, []byte("schema: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := o.Add(info, nil); err != nil {
			t.Fatal(err)
		}
	}
	text := statusText(t, o)
	want := "    ladder new " + at("2027/review-acme.yaml") + " \\\n      --from " + at("2026/review.yaml") + " --title 'Review 2027'\n"
	if !strings.Contains(text, want) {
		t.Errorf("status lacks\n%s in:\n%s", want, text)
	}
}

// Organisations whose names slug alike ("Acme!", "Acme?", a hostile pull
// request's thousand of them), each with last year's plan named alike in
// a folder of its year, would all move on to one file: each is named
// "review-acme-N.yaml", and the numbers are counted on, not tried again
// from 2 for each, so the work grows with the list, not its square
// (counted in allocations, not timed).
func TestReviewsToBeginNumberClashesInLinearWork(t *testing.T) {
	sameSlug := func(i int) string { // distinct names, all "acme" as a file name
		return "Acme " + strings.NewReplacer("0", "!", "1", "?").Replace(strconv.FormatInt(int64(i), 2))
	}
	build := func(n int) statusList {
		o := NewStatusList(day(2027, 8, 20), ByDue)
		t.Cleanup(func() { o.Close() })
		for i := range n {
			y := 2026 - i
			info := plans.PlanInfo{Path: "plans/" + strconv.Itoa(y) + "/review.yaml", Organisation: sameSlug(i), Title: "Review", Date: day(y, 6, 10)}
			if err := o.Add(info, nil); err != nil {
				t.Fatal(err)
			}
		}
		return newStatusList(o, "plans")
	}
	small, large := build(200), build(800)
	due := large.reviewsToBegin()
	seen := map[string]bool{}
	for _, r := range due {
		name := strings.Fields(r.command)[2]
		if seen[name] {
			t.Fatalf("two reviews to begin share %s", name)
		}
		seen[name] = true
	}
	if len(seen) != 800 || !seen["plans/2027/review-acme.yaml"] || !seen["plans/2027/review-acme-800.yaml"] {
		t.Fatalf("want 800 names from review-acme.yaml to review-acme-800.yaml, got %d", len(seen))
	}
	a := testing.AllocsPerRun(3, func() { small.reviewsToBegin() })
	b := testing.AllocsPerRun(3, func() { large.reviewsToBegin() })
	if b > 6*a { // 4 times the list: 4 times the work, not 16
		t.Errorf("reviews to begin for 800 clashing names took %.0f allocations, %.1f times the %.0f for 200", b, b/a, a)
	}
}
