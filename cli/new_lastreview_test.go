package cli

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// ladder new's note on the organisation's earlier plans, the set-up
// form and the accessible prompts (review.NextReviewFrom) must point at the
// same plan, or none: review.LastReviewOf decides for all three, and
// ladder status's "Reviews to begin" begins from that plan too
// (plans.IsLaterReview). Each folder here is one where new once decided
// in a loop of its own, or status by a rule of its own, and said
// something the form did not.
func TestNewPointsAtTheLastReviewTheFormFinds(t *testing.T) {
	day := func(y int, m time.Month, d int) plans.Date { return plans.Date{Year: y, Month: m, Day: d} }
	newDate := day(2027, 9, 1)
	type plan struct {
		file, org, checklist string
		date                 plans.Date
		open                 bool // with an action still to do
		rated                bool // every item rated: the review was held
		modAgo               time.Duration
	}
	for _, tc := range []struct {
		name  string
		plans []plan
	}{
		{"last year's with actions open", []plan{
			{file: "acme-2026.yaml", date: day(2026, 9, 1), open: true},
		}},
		{"under way", []plan{
			{file: "acme-2026.yaml", date: day(2026, 9, 1), open: true},
			{file: "acme-2027.yaml", date: day(2027, 8, 20)},
		}},
		{"held, every item rated", []plan{
			{file: "acme-2026.yaml", date: day(2026, 9, 1), open: true},
			{file: "acme-2027.yaml", date: day(2027, 8, 20), rated: true},
		}},
		// The last review closed every action: an older review's are
		// not offered over its head.
		{"the last review is done with", []plan{
			{file: "acme-2025.yaml", date: day(2025, 9, 1), open: true},
			{file: "acme-2026.yaml", date: day(2026, 9, 1)},
		}},
		// Two plans of one date: the first by path is the one all offer,
		// whichever was changed last (a checkout changes them all).
		{"two plans of one date", []plan{
			{file: "acme-a.yaml", date: day(2026, 9, 1), open: true, modAgo: time.Minute},
			{file: "acme-b.yaml", date: day(2026, 9, 1), open: true, modAgo: time.Hour},
		}},
		{"two plans of one date, the second changed last", []plan{
			{file: "acme-a.yaml", date: day(2026, 9, 1), open: true, modAgo: time.Hour},
			{file: "acme-b.yaml", date: day(2026, 9, 1), open: true, modAgo: time.Minute},
		}},
		// The organisation's review under way follows another checklist:
		// it is still the review under way.
		{"under way on another checklist", []plan{
			{file: "acme-2026.yaml", date: day(2026, 9, 1), open: true},
			{file: "acme-bb.yaml", date: day(2027, 8, 20), checklist: "smc-building-blocks"},
		}},
		// Last year's review followed another checklist: carrying it on
		// makes the new plan follow that one, which new says.
		{"last year's on another checklist", []plan{
			{file: "acme-2026.yaml", date: day(2026, 9, 1), open: true, checklist: "smc-building-blocks"},
		}},
		{"another organisation's newer review", []plan{
			{file: "acme-2026.yaml", date: day(2026, 9, 1), open: true},
			{file: "bea-2027.yaml", org: "Bea's Bakery", date: day(2027, 8, 20)},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "plans")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.plans {
				c, ok := checklist.Builtin(cmp.Or(p.checklist, checklist.DefaultID))
				if !ok {
					t.Fatal(p.checklist)
				}
				pl := plans.New(c, cmp.Or(p.org, "Acme Café Ltd"), strings.TrimSuffix(p.file, ".yaml"), p.date)
				if p.rated {
					for _, r := range pl.Items {
						r.Rating = "green"
					}
				}
				if p.open {
					id := c.Areas[0].Items[0].ID
					pl.Items[id].Rating = "red"
					pl.Items[id].Action = "Write a one-page vision"
					pl.Items[id].Status = "todo"
				}
				path := filepath.Join(dir, p.file)
				if err := os.WriteFile(path, plans.Encode(pl), 0o644); err != nil {
					t.Fatal(err)
				}
				mod := time.Now().Add(-p.modAgo)
				if err := os.Chtimes(path, mod, mod); err != nil {
					t.Fatal(err)
				}
			}
			found, err := plans.Discover(dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			last := review.LastReviewOf(found, "Acme Café Ltd", newDate)
			if last != nil && !last.UnderWay {
				_, listed, _ := ladderRun(t, "status", dir, "--today", newDate.String())
				if !strings.Contains(listed, "--from "+last.Found.Path+" ") {
					t.Errorf("the form offers to carry on %s; status says:\n%s", last.Found.Path, listed)
				}
			}

			path := filepath.Join(dir, "acme-new.yaml")
			var stdout, stderr bytes.Buffer
			err = runNew(&stdout, &stderr, path, newOptions{org: "Acme Café Ltd", title: "Review 2027", checklist: checklist.DefaultID, date: newDate.String()})
			if err != nil {
				t.Fatal(err)
			}
			// Words, not lines: the note is laid out to 80 columns, and a
			// long test folder's path puts a line break anywhere in it.
			said := strings.Join(strings.Fields(stderr.String()), " ")
			underWay := strings.Contains(said, "of the last half year")
			from := ""
			if _, rest, ok := strings.Cut(said, " --from "); ok {
				from, _, _ = strings.Cut(rest, " ")
			}
			switch {
			case last == nil:
				if underWay || from != "" {
					t.Errorf("the form finds no last review to go on with or carry on; new says:\n%s", said)
				}
			case last.Held():
				if !strings.Contains(said, last.Found.Path+" is a review of the last half year, every item rated.") || strings.Contains(said, "under way") || from != "" {
					t.Errorf("the form finds %s held; new says:\n%s", last.Found.Path, said)
				}
			case last.UnderWay:
				if !strings.Contains(said, last.Found.Path+" is a review of the last half year, under way") || from != "" {
					t.Errorf("the form finds %s under way; new says:\n%s", last.Found.Path, said)
				}
			default:
				if underWay || from != last.Found.Path {
					t.Errorf("the form offers to carry on %s; new says:\n%s", last.Found.Path, said)
				}
				other := "(It follows checklist " + last.Found.Plan.ChecklistRef.ID + ", and the review begun from it would too.)"
				if onOther := last.Found.Plan.ChecklistRef.ID != checklist.DefaultID; onOther != strings.Contains(said, other) {
					t.Errorf("on another checklist: %v; new says:\n%s", onOther, said)
				}
			}
		})
	}
}

// The plans new's note names come from the folder, so from whoever added
// them: one whose name begins with a dash, when new runs in that folder,
// is given to the commands the note suggests as "./--…", never as a
// flag (ladder new --from-2026.yaml would fail, or read a flag's value).
func TestNewsNoteTakesNoFileNameForAFlag(t *testing.T) {
	t.Chdir(t.TempDir())
	c, _ := checklist.Builtin(checklist.DefaultID)
	last := plans.New(c, "Acme Café Ltd", "Review 2026", plans.Date{Year: 2026, Month: time.September, Day: 1})
	id := c.Areas[0].Items[0].ID
	last.Items[id].Rating, last.Items[id].Action, last.Items[id].Status = "red", "Write a one-page vision", "todo"
	if err := os.WriteFile("--from-2026.yaml", plans.Encode(last), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := runNew(&stdout, &stderr, "acme-2027.yaml", newOptions{org: "Acme Café Ltd", title: "Review 2027", checklist: checklist.DefaultID, date: "2027-09-01"}); err != nil {
		t.Fatal(err)
	}
	said := stderr.String()
	for _, want := range []string{"ladder new acme-2027.yaml --from ./--from-2026.yaml ", "ladder diff ./--from-2026.yaml acme-2027.yaml"} {
		if !strings.Contains(said, want) {
			t.Errorf("new's note lacks %q:\n%s", want, said)
		}
	}
}

// A team that keeps a folder per year begins next year's review in a new
// folder: ladder new plans/2027/acme.yaml without --from. Its note reads
// the other years' folders beside it too (plans/2026/, not plans/old/),
// so that last year's open actions are not left behind unsaid.
func TestNewLooksInTheOtherYearsFolders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	c, _ := checklist.Builtin(checklist.DefaultID)
	for _, p := range []struct{ path, title string }{
		{"2026/acme.yaml", "Review 2026"},
		{"old/acme.yaml", "First look"},
	} {
		last := plans.New(c, "Acme Café Ltd", p.title, plans.Date{Year: 2026, Month: time.September, Day: 1})
		id := c.Areas[0].Items[0].ID
		last.Items[id].Rating, last.Items[id].Action, last.Items[id].Status = "red", "Write a one-page vision", "todo"
		path := filepath.Join(dir, p.path)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, plans.Encode(last), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	last := filepath.Join(dir, "2026", "acme.yaml")
	path := filepath.Join(dir, "2027", "acme.yaml")
	var stdout, stderr bytes.Buffer
	if err := runNew(&stdout, &stderr, path, newOptions{org: "Acme Café Ltd", title: "Review 2027", checklist: checklist.DefaultID, date: "2027-09-01"}); err != nil {
		t.Fatal(err)
	}
	// The command is laid out in lines ending in a backslash: read whole.
	said := strings.ReplaceAll(stderr.String(), " \\\n    ", " ")
	for _, want := range []string{
		"Acme Café Ltd has 1 other plan already:\n  " + last + " (Review 2026, 2026-09-01): 1 action open\n",
		"  ladder new " + path + " --from " + last + " --title 'Review 2027'",
		"  ladder diff " + last + " " + path + "\n",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("new's note lacks %q:\n%s", want, said)
		}
	}
	if strings.Contains(said, "First look") {
		t.Errorf("new's note reads a folder not named after a year:\n%s", said)
	}
}

// A folder of an organisation's plans by the thousand (a pull request's,
// or a folder per year back to 1000) is not listed line by line under a
// new review: new names the newest few and counts the rest, so that the
// note stays a note and its last lines (the diff, the --from) are seen.
func TestNewsNoteListsTheNewestFewPlans(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	c, _ := checklist.Builtin(checklist.DefaultID)
	for y := 2000; y < 2027; y++ {
		p := plans.New(c, "Acme", "Review "+strconv.Itoa(y), plans.Date{Year: y, Month: time.September, Day: 1})
		path := filepath.Join(dir, strconv.Itoa(y), "acme.yaml")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "2027", "acme.yaml")
	var stdout, stderr bytes.Buffer
	if err := runNew(&stdout, &stderr, path, newOptions{org: "Acme", title: "Review 2027", checklist: checklist.DefaultID, date: "2027-09-01"}); err != nil {
		t.Fatal(err)
	}
	said := stderr.String()
	// A command wider than 80 columns is broken between its paths, in
	// lines a shell reads as one: read here as one.
	oneLine := strings.ReplaceAll(said, " \\\n    ", " ")
	for _, want := range []string{
		"Acme has 27 other plans already, the newest 10 of them:\n  " + filepath.Join(dir, "2017", "acme.yaml") + " (Review 2017, 2017-09-01): 0 actions open\n",
		"  " + filepath.Join(dir, "2026", "acme.yaml") + " (Review 2026, 2026-09-01): 0 actions open\n",
		"  ladder diff " + filepath.Join(dir, "2026", "acme.yaml") + " " + path + "\n",
	} {
		if !strings.Contains(oneLine, want) {
			t.Errorf("new's note lacks %q:\n%s", want, said)
		}
	}
	if n := strings.Count(said, "actions open\n"); n != 10 {
		t.Errorf("new's note lists %d plans, want the newest 10:\n%s", n, said)
	}
}
