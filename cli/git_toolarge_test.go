package cli

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/gittest"
)

// bigFile is a file of size bytes over the 512 KiB limit, a line repeated
// (git compresses it to almost nothing).
func bigFile(size int) []byte {
	return bytes.Repeat([]byte("# padding\n"), size/10)[:size]
}

// ladderRun runs ladder with args and returns its exit status and output.
func ladderRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, nil, &out, &errOut)
	return code, out.String(), errOut.String()
}

// tooLargeHistory is a repository whose plans/acme.yaml was a big file at
// its second commit, and whose checklist (checklists/ours.yaml, named by
// plans/ours.yaml's checklist.file) was one at its second commit; the
// short hashes of the plans' three commits each.
func tooLargeHistory(t *testing.T) (g *gittest.Repo, acme, ours []string) {
	g = gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(g.Dir)
	short := func() string { return g.Git("rev-parse", "--short", "HEAD") }
	if code, _, errOut := ladderRun(t, "new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15"); code != ExitOK {
		t.Fatalf("new: %d %s", code, errOut)
	}
	plan := g.Read("plans/acme.yaml")
	g.CommitAt("2027-01-15T10:00:00+00:00", "plans/acme.yaml", plan, "Start")
	acme = append(acme, short())
	g.CommitAt("2027-02-01T10:00:00+00:00", "plans/acme.yaml", bigFile(bigPlan), "A big file")
	acme = append(acme, short())
	rated := bytes.Replace(plan, []byte("  lc-vision:\n    rating: unrated"), []byte("  lc-vision:\n    rating: green"), 1)
	g.CommitAt("2027-03-01T10:00:00+00:00", "plans/acme.yaml", rated, "Rated")
	acme = append(acme, short())

	g.Write("checklists/ours.yaml", []byte(oursChecklist))
	if code, _, errOut := ladderRun(t, "new", "plans/ours.yaml", "--org", "Acme", "--title", "Ours", "--date", "2027-01-15", "--checklist", "checklists/ours.yaml"); code != ExitOK {
		t.Fatalf("new --checklist: %d %s", code, errOut)
	}
	plan = g.Read("plans/ours.yaml")
	g.Git("add", "checklists/ours.yaml")
	g.CommitAt("2027-04-01T10:00:00+00:00", "plans/ours.yaml", plan, "Our own")
	ours = append(ours, short())
	g.Write("checklists/ours.yaml", bigFile(700_000))
	g.Git("add", "checklists/ours.yaml")
	plan = bytes.Replace(plan, []byte("  pay:\n    rating: unrated"), []byte("  pay:\n    rating: no"), 1)
	g.CommitAt("2027-04-02T10:00:00+00:00", "plans/ours.yaml", plan, "Pay rated, checklist big")
	ours = append(ours, short())
	g.Write("checklists/ours.yaml", []byte(oursChecklist))
	g.Git("add", "checklists/ours.yaml")
	plan = bytes.Replace(plan, []byte("  pay:\n    rating: no"), []byte("  pay:\n    rating: yes"), 1)
	g.CommitAt("2027-04-03T10:00:00+00:00", "plans/ours.yaml", plan, "Pay done, checklist back")
	ours = append(ours, short())
	return g, acme, ours
}

// bigPlan is the big plan's size: 20 MB, so that holding it shows in the
// memory a command takes.
const bigPlan = 20 << 20

const oursChecklist = `id: ours
title: Our own review
version: "3"
scale:
  - key: no
    label: Not yet
  - key: yes
    label: Done
areas:
  - id: people
    title: People
    items:
      - id: pay
        title: Do we pay fairly?
`

// A plan or its checklist that was a file over the size limit at one
// commit is reported at that commit in strictyaml's words, as a file on
// disk would be, and every other commit still shows; the big file is
// never held in memory.
func TestHistoryShowsAFileOverTheLimitAtItsCommit(t *testing.T) {
	_, acme, ours := tooLargeHistory(t)
	// history lists a commit's problem under the table, a line wrapped
	// at 80 columns; a row of counts is in the table.
	problem := func(out, commit, says string) bool {
		unwrapped := strings.ReplaceAll(out, "\n  ", " ")
		return regexp.MustCompile(`(?m)^- \*\*` + commit + `, [-0-9]+:\*\* .*\(did not load: ` + regexp.QuoteMeta(says) + `\)$`).MatchString(unwrapped)
	}
	counted := func(out, commit string) bool {
		return regexp.MustCompile(`(?m)^\| [-0-9]+ \| ` + commit + ` \| [0-9]`).MatchString(out)
	}

	var code int
	var out, errOut string
	allocated := allocatedBy(func() { code, out, errOut = ladderRun(t, "history", "plans/acme.yaml", "--format", "md") })
	if code != ExitOK {
		t.Fatalf("history: exit %d\n%s%s", code, out, errOut)
	}
	says := fmt.Sprintf("1:1: file is %d bytes, over the 524288 byte limit", bigPlan)
	if !problem(out, acme[1], says) {
		t.Errorf("history does not show the big plan's commit %s saying %q:\n%s", acme[1], says, out)
	}
	for _, c := range []string{acme[0], acme[2]} {
		if !counted(out, c) {
			t.Errorf("history does not count commit %s:\n%s", c, out)
		}
	}
	if allocated > bigPlan/2 {
		t.Errorf("history of a plan that was %d bytes at one commit allocated %d bytes: the big version was held", bigPlan, allocated)
	}

	code, out, errOut = ladderRun(t, "history", "plans/ours.yaml", "--format", "md")
	if code != ExitOK {
		t.Fatalf("history of ours: exit %d\n%s%s", code, out, errOut)
	}
	says = "5:3: checklists/ours.yaml:1:1: file is 700000 bytes, over the 524288 byte limit"
	if !problem(out, ours[1], says) {
		t.Errorf("history does not show the commit %s whose checklist was big saying %q:\n%s", ours[1], says, out)
	}
	for _, c := range []string{ours[0], ours[2]} {
		if !counted(out, c) {
			t.Errorf("history does not count commit %s:\n%s", c, out)
		}
	}
}

// allocatedBy is how many bytes run allocates (the whole process's, so
// only a bound far above the rest tells anything).
func allocatedBy(run func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	run()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// diff --rev reports a plan that was over the size limit at the revision
// at the file, as check reports one on disk, and the folder diff goes on
// with the other plans.
func TestDiffRevReportsAFileOverTheLimitAtTheFile(t *testing.T) {
	tooLargeHistory(t)
	want := fmt.Sprintf("HEAD~4:plans/acme.yaml:1:1: file is %d bytes, over the 524288 byte limit", bigPlan)
	var code int
	var out, errOut string
	allocated := allocatedBy(func() { code, out, errOut = ladderRun(t, "diff", "plans/acme.yaml", "--rev", "HEAD~4") })
	if code != ExitProblems || !strings.Contains(errOut, want) {
		t.Errorf("diff PLAN --rev HEAD~4: exit %d, stderr:\n%s\nwant exit %d saying %q", code, errOut, ExitProblems, want)
	}
	if strings.Contains(out+errOut, "# padding") {
		t.Error("diff quotes the big file")
	}
	if allocated > bigPlan/2 {
		t.Errorf("diff --rev with a plan of %d bytes at the revision allocated %d bytes: the big version was held", bigPlan, allocated)
	}

	want = "HEAD~1:checklists/ours.yaml:1:1: file is 700000 bytes, over the 524288 byte limit"
	code, _, errOut = ladderRun(t, "diff", "plans/ours.yaml", "--rev", "HEAD~1")
	if code != ExitProblems || !strings.Contains(errOut, "checklists/ours.yaml:1:1: file is 700000 bytes, over the 524288 byte limit") {
		t.Errorf("diff PLAN --rev HEAD~1 (its checklist big then): exit %d, stderr:\n%s\nwant exit %d saying %q", code, errOut, ExitProblems, want)
	}

	// The folder diff since the big plan's commit: the big version is
	// said at its file, and the other plan is compared all the same.
	code, out, errOut = ladderRun(t, "diff", "--rev", "HEAD~4")
	want = fmt.Sprintf("HEAD~4:plans/acme.yaml:1:1: file is %d bytes, over the 524288 byte limit", bigPlan)
	if !strings.Contains(out+errOut, want) || !strings.Contains(out, "plans/ours.yaml") {
		t.Errorf("diff --rev HEAD~4: exit %d, stdout:\n%s\nstderr:\n%s\nwant %q and plans/ours.yaml compared", code, out, errOut, want)
	}
}

// The workforce data beside a plan, over the size limit at one commit:
// history's data section says so at that commit and shows the others;
// diff --rev says it at the file and still compares the plan.
func TestDataOverTheLimitIsSaidAtItsCommit(t *testing.T) {
	g := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(g.Dir)
	if code, _, errOut := ladderRun(t, "new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-03-01"); code != ExitOK {
		t.Fatalf("new: %d %s", code, errOut)
	}
	g.Git("add", "plans/acme.yaml")
	g.CommitAt("2027-03-10T10:00:00+00:00", "plans/acme.data.yaml", []byte(smallData), "Spring survey")
	g.CommitAt("2027-03-11T10:00:00+00:00", "plans/acme.data.yaml", bigFile(bigPlan), "A big file")
	big := g.Git("rev-parse", "--short", "HEAD")
	g.CommitAt("2027-03-12T10:00:00+00:00", "plans/acme.data.yaml", []byte(strings.Replace(smallData, "headcount: 80", "headcount: 81", 1)), "Fixed")

	var code int
	var out, errOut string
	allocated := allocatedBy(func() { code, out, errOut = ladderRun(t, "history", "plans/acme.yaml") })
	if code != ExitOK {
		t.Fatalf("history: exit %d\n%s%s", code, out, errOut)
	}
	if allocated > bigPlan/2 {
		t.Errorf("history with a data file of %d bytes at one commit allocated %d bytes: the big version was held", bigPlan, allocated)
	}
	says := fmt.Sprintf("did not load: 1:1: file is %d bytes, over the 524288 byte limit", bigPlan)
	if !regexp.MustCompile(`(?s)Workforce data history of plans/acme.data.yaml: 3 commits.*` + big + `.*` + regexp.QuoteMeta(says)).MatchString(strings.Join(strings.Fields(out), " ")) {
		t.Errorf("history's data section does not show commit %s saying %q:\n%s", big, says, out)
	}

	code, out, errOut = ladderRun(t, "diff", "plans/acme.yaml", "--rev", "HEAD~1")
	says = fmt.Sprintf("HEAD~1:plans/acme.data.yaml:1:1: file is %d bytes, over the 524288 byte limit", bigPlan)
	if code != ExitOK || !strings.Contains(errOut, says) {
		t.Errorf("diff --rev HEAD~1: exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 0 saying %q", code, out, errOut, says)
	}
}

const smallData = `schema: 1
collected: 2027-03-10
threshold: 10
target_response_rate: 75%
benchmark:
grades:
  - grade: "Team member"
    headcount: 80
    working_class: 30
    intermediate: 20
    professional: 15
    other: 0
    prefer_not_to_say: 3
`
