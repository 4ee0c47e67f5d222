package plans

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The next review starts unrated, with last time's open actions and
// project-plan steps, and nothing that was done.
func TestCarryOnTakesOpenActionsAndStepsOnly(t *testing.T) {
	prev := blankPlan()
	vision := prev.Response("lc-vision")
	vision.Rating, vision.Action, vision.Owner, vision.Due, vision.Status = "red", "Write the vision", "Ana", Date{2026, 4, 30}, StatusDoing
	vision.Notes = "the board asked for it"
	done := prev.Response("lc-leadership")
	done.Rating, done.Action, done.Status = "green", "Brief the board", StatusDone
	prev.Response("lc-educate-leaders").Rating = "amber" // rated, no action
	prev.AddActionSteps()
	pp := prev.Answer(prev.ProjectPlanID())
	pp.Steps = append(pp.Steps,
		Step{ID: 40, Text: "Book the workshop room", Owner: "Ben", Status: StatusTodo},
		Step{ID: 41, Text: "Order the cake", Status: StatusDone})

	next := blankPlan()
	got := CarryOn(prev, next)
	if got != (Carried{Actions: 1, Steps: 2, Repeats: 1}) {
		t.Fatalf("carried %+v, want 1 action and 2 steps, one repeating it", got)
	}
	r := next.Response("lc-vision")
	if r.Rating != "unrated" || r.Action != "Write the vision" || r.Owner != "Ana" || r.Due != (Date{2026, 4, 30}) || r.Status != StatusDoing || r.Notes != "" {
		t.Fatalf("the open action came across as %+v", r)
	}
	if a := next.Response("lc-leadership"); a.Action != "" || a.Rating != "unrated" {
		t.Fatalf("a done action came across: %+v", a)
	}
	steps := next.Answer(next.ProjectPlanID()).Steps
	if len(steps) != 2 || steps[0].Text != "Write the vision" || steps[1].Text != "Book the workshop room" {
		t.Fatalf("steps %+v", steps)
	}
	if steps[0].ID != pp.Steps[0].ID || steps[1].ID != 40 {
		t.Fatalf("step ids %d, %d: a step keeps its id for life", steps[0].ID, steps[1].ID)
	}
	if !next.Follows(steps[0]) {
		t.Fatal("a step that followed its item's action no longer follows it")
	}
	if next.Follows(steps[1]) || steps[1].Owner != "Ben" {
		t.Fatalf("the team's own step: %+v", steps[1])
	}
}

// A plan that names its previous and next reviews loads and saves byte for
// byte, and one that names neither is written without the lines.
func TestReviewLinksRoundTrip(t *testing.T) {
	p := blankPlan()
	without := string(Encode(p))
	if strings.Contains(without, "review:") {
		t.Fatalf("a plan without links writes one:\n%s", without)
	}
	p.PreviousReview, p.NextReview = "../2026/acme.yaml", "acme-2028.yaml"
	data := Encode(p)
	if !strings.Contains(string(data), "participants: []\nprevious_review: ../2026/acme.yaml\nnext_review: acme-2028.yaml\nitems:\n") {
		t.Fatalf("links not where a reader looks:\n%.600s", data)
	}
	back, err := Parse("plans/2027/acme.yaml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.PreviousReview != p.PreviousReview || back.NextReview != p.NextReview {
		t.Fatalf("read back %q, %q", back.PreviousReview, back.NextReview)
	}
	if string(Encode(back)) != string(data) {
		t.Fatal("not byte for byte")
	}
}

// A link is a relative path to a plan file; anything else is reported at
// its line and column.
func TestAReviewLinkOfTheWrongShapeIsReported(t *testing.T) {
	base := string(Encode(blankPlan()))
	for _, bad := range []string{"/etc/passwd.yaml", "notes.txt", "a/../../b.yaml", `..\x.yaml`, "./acme.yaml", `"x\u0007.yaml"`,
		// Invisible characters make one path look like another: a pull
		// request's next_review could seem to name the real next review.
		`"acme-2027\u200b.yaml"`, `"\u202eacme.yaml"`, `"acme\u00ad-2027.yaml"`, `"acme\u0085.yaml"`} {
		data := strings.Replace(base, "items:\n", "next_review: "+bad+"\nitems:\n", 1)
		_, err := Parse("acme.yaml", []byte(data), nil)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("%s: loaded (%v)", bad, err)
		}
		if s := fe.Problems[0].String(); !strings.Contains(s, "next_review") || !strings.HasPrefix(s, lineOf(data, "next_review")) {
			t.Errorf("%s: %s", bad, s)
		}
	}
	data := strings.Replace(base, "items:\n", `next_review: "acme-2027\u200b.yaml"`+"\nitems:\n", 1)
	_, err := Parse("acme.yaml", []byte(data), nil)
	if err == nil || !strings.Contains(err.Error(), "holds an invisible character (U+200B), which makes the path look like another") {
		t.Errorf("an invisible character is not named: %v", err)
	}
}

func lineOf(data, key string) string {
	for i, l := range strings.Split(data, "\n") {
		if strings.HasPrefix(l, key+":") {
			return strconv.Itoa(i+1) + ":"
		}
	}
	return "?"
}

// gitRepo makes a real repository in a temporary folder, with a plans/
// folder, and returns the folder.
func gitRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Skipf("git: %v %s", err, out)
	}
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writePlan(t *testing.T, path string, p *Plan) {
	t.Helper()
	if err := os.WriteFile(path, Encode(p), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Carrying a plan on writes the new one and changes last year's by one
// line, so that the pull request shows exactly the link.
func TestCreateNextLinksBothPlansWithOneLineInTheOld(t *testing.T) {
	dir := gitRepo(t)
	prevPath := filepath.Join(dir, "plans", "2026", "acme.yaml")
	os.MkdirAll(filepath.Dir(prevPath), 0o755)
	prev := blankPlan()
	prev.Response("lc-vision").Action = "Write the vision"
	writePlan(t, prevPath, prev)
	before, _ := os.ReadFile(prevPath)
	f, err := Open(prevPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	nextPath := filepath.Join(dir, "plans", "acme-2027.yaml")
	nf, carried, err := CreateNext(nextPath, f, New(f.Plan.Checklist, "Acme", "2027 review", Date{2027, 3, 1}))
	if err != nil {
		t.Fatal(err)
	}
	nf.Close()
	if carried.Actions != 1 {
		t.Fatalf("carried %+v", carried)
	}
	after, _ := os.ReadFile(prevPath)
	if want := strings.Replace(string(before), "items:\n", "next_review: ../acme-2027.yaml\nitems:\n", 1); string(after) != want {
		t.Fatalf("last year's plan changed by more than its link:\n%s", after)
	}
	next, err := LoadFile(nextPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	if next.PreviousReview != "2026/acme.yaml" || next.Response("lc-vision").Action != "Write the vision" {
		t.Fatalf("new plan: previous %q, action %q", next.PreviousReview, next.Response("lc-vision").Action)
	}
	if got, err := Link(nextPath, next.PreviousReview); err != nil || got != prevPath {
		t.Fatalf("the link leads to %q (%v), want %q", got, err, prevPath)
	}

	// Carried on once, the plan refuses a second next review.
	again, err := Open(prevPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	other := filepath.Join(dir, "plans", "acme-2027b.yaml")
	if _, _, err := CreateNext(other, again, New(f.Plan.Checklist, "Acme", "again", Date{2027, 3, 2})); !errors.Is(err, ErrHasNextReview) {
		t.Fatalf("carried on twice: %v", err)
	}
	if _, err := os.Stat(other); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a refused carry-on wrote the new plan")
	}
}

// carryOnFromFile writes last year's plan as prev, carries it on to
// acme-2027.yaml, and returns last year's plan as the carry-on left it.
func carryOnFromFile(t *testing.T, prev string) string {
	t.Helper()
	dir := gitRepo(t)
	prevPath := filepath.Join(dir, "plans", "acme.yaml")
	if err := os.WriteFile(prevPath, []byte(prev), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(prevPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nf, _, err := CreateNext(filepath.Join(dir, "plans", "acme-2027.yaml"), f, New(f.Plan.Checklist, "Acme", "next", Date{2027, 3, 1}))
	if err != nil {
		t.Fatal(err)
	}
	nf.Close()
	after, _ := os.ReadFile(prevPath)
	return string(after)
}

// A plan laid out by hand keeps its layout: the link is one line added
// above its items.
func TestCreateNextAddsOneLineToAPlanLaidOutByHand(t *testing.T) {
	hand := strings.Replace(string(Encode(blankPlan())), "title: ", "title:    ", 1)
	hand = strings.Replace(hand, "participants: []\n", "participants: [] # nobody yet\n", 1)
	if after, want := carryOnFromFile(t, hand), strings.Replace(hand, "items:\n", "next_review: acme-2027.yaml\nitems:\n", 1); after != want {
		t.Fatalf("got\n%s", after)
	}
}

// A comment at the end of the items: line is the hand layout's too: the
// link goes above it. ladder refused such a plan and said to run ladder
// fmt first.
func TestCreateNextAddsOneLineAboveItemsWithAComment(t *testing.T) {
	hand := strings.Replace(string(Encode(blankPlan())), "items:\n", "items:   # every recommendation, in the checklist's order\n", 1)
	hand = strings.Replace(hand, "title: ", "title:    ", 1)
	if after, want := carryOnFromFile(t, hand), strings.Replace(hand, "items:   #", "next_review: acme-2027.yaml\nitems:   #", 1); after != want {
		t.Fatalf("got\n%s", after)
	}
}

// A plan saved with Windows line endings gets its one line with them
// too, not a lone line feed among carriage returns.
func TestCreateNextKeepsWindowsLineEndings(t *testing.T) {
	crlf := strings.ReplaceAll(string(Encode(blankPlan())), "\n", "\r\n")
	if after, want := carryOnFromFile(t, crlf), strings.Replace(crlf, "items:\r\n", "next_review: acme-2027.yaml\r\nitems:\r\n", 1); after != want {
		t.Fatalf("got %q", after)
	}
}

// Someone else changed last year's plan after it was read: nothing is
// written, and their change stays.
func TestCreateNextWritesNothingOverAnotherChange(t *testing.T) {
	dir := gitRepo(t)
	prevPath := filepath.Join(dir, "plans", "acme.yaml")
	writePlan(t, prevPath, blankPlan())
	f, err := Open(prevPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	theirs := blankPlan()
	theirs.Response("lc-vision").Action = "Theirs"
	writePlan(t, prevPath, theirs)
	nextPath := filepath.Join(dir, "plans", "acme-2027.yaml")
	if _, _, err := CreateNext(nextPath, f, New(f.Plan.Checklist, "Acme", "next", Date{2027, 3, 1})); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("err %v", err)
	}
	if _, err := os.Stat(nextPath); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the new plan was written")
	}
	if got, _ := os.ReadFile(prevPath); string(got) != string(Encode(theirs)) {
		t.Fatal("their change was overwritten")
	}
}

// A link that leads out of the repository is refused, not followed.
func TestAReviewLinkOutOfTheRepositoryIsRefused(t *testing.T) {
	dir := gitRepo(t)
	plan := filepath.Join(dir, "plans", "acme.yaml")
	for _, ref := range []string{"../../outside.yaml", "../../../etc/x.yaml"} {
		if _, err := Link(plan, ref); err == nil || !strings.Contains(err.Error(), "outside the repository") {
			t.Errorf("%s: %v", ref, err)
		}
	}
	if got, err := Link(plan, "../archive/acme-2026.yaml"); err != nil || got != filepath.Join(dir, "archive", "acme-2026.yaml") {
		t.Errorf("a link inside the repository: %q, %v", got, err)
	}
}

// A next_review line hands the actions on only to a plan that is there.
func TestHandedOnNeedsTheNextPlanToBeThere(t *testing.T) {
	dir := gitRepo(t)
	path := filepath.Join(dir, "plans", "acme.yaml")
	p := blankPlan()
	p.NextReview = "acme-2027.yaml"
	if _, ok := HandedOn(path, p); ok {
		t.Fatal("handed on to a plan that is not there")
	}
	next := blankPlan()
	next.PreviousReview = "acme.yaml"
	writePlan(t, filepath.Join(dir, "plans", "acme-2027.yaml"), next)
	writePlan(t, path, p)
	if next, ok := HandedOn(path, p); !ok || next != filepath.Join(dir, "plans", "acme-2027.yaml") {
		t.Fatalf("%q %v", next, ok)
	}
	p.NextReview = "../../elsewhere.yaml"
	if _, ok := HandedOn(path, p); ok {
		t.Fatal("handed on out of the repository")
	}
}

// A plan that names itself as its next review hands nothing on: the line
// alone, added in a pull request, would otherwise hide its late actions.
func TestHandedOnNotToItself(t *testing.T) {
	dir := gitRepo(t)
	path := filepath.Join(dir, "plans", "acme.yaml")
	writePlan(t, path, blankPlan())
	p := blankPlan()
	p.NextReview = "acme.yaml"
	if _, ok := HandedOn(path, p); ok {
		t.Fatal("a plan handed its actions on to itself")
	}
	if _, err := FollowLink(path, "acme.yaml"); err == nil || errors.Is(err, ErrNoPlanThere) || !strings.Contains(err.Error(), "itself") {
		t.Fatalf("FollowLink to itself: %v", err)
	}
	if got, err := FollowLink(path, "acme-2027.yaml"); !errors.Is(err, ErrNoPlanThere) || got != filepath.Join(dir, "plans", "acme-2027.yaml") {
		t.Fatalf("FollowLink to nothing: %q, %v", got, err)
	}
}

// The loader remembers where each link sits, for check to point at.
func TestLinkPosition(t *testing.T) {
	p := blankPlan()
	p.PreviousReview, p.NextReview = "acme-2026.yaml", "acme-2028.yaml"
	back, err := Parse("plans/acme.yaml", Encode(p), nil)
	if err != nil {
		t.Fatal(err)
	}
	lp, cp := back.LinkPosition("previous_review")
	ln, cn := back.LinkPosition("next_review")
	if lp == 0 || ln != lp+1 || cp != len("previous_review: ")+1 || cn != len("next_review: ")+1 {
		t.Fatalf("previous_review at %d:%d, next_review at %d:%d", lp, cp, ln, cn)
	}
	if l, c := blankPlan().LinkPosition("next_review"); l != 0 || c != 0 {
		t.Fatalf("no link, at %d:%d", l, c)
	}
}

// Two plans hide each other's actions only as ladder new --from links
// them: a next review must name the plan back as its previous review, so
// a pull request cannot hide a plan's late actions with one line pointing
// at any plan that happens to be there, nor two plans naming each other
// as next review.
func TestANextReviewMustNameThePlanBack(t *testing.T) {
	dir := gitRepo(t)
	a, b := filepath.Join(dir, "plans", "a.yaml"), filepath.Join(dir, "plans", "b.yaml")
	pa, pb := blankPlan(), blankPlan()
	pa.NextReview, pb.NextReview = "b.yaml", "a.yaml"
	writePlan(t, a, pa)
	writePlan(t, b, pb)
	for _, c := range []struct {
		path string
		p    *Plan
	}{{a, pa}, {b, pb}} {
		if _, ok := HandedOn(c.path, c.p); ok {
			t.Errorf("%s handed on to a plan that does not name it back", c.path)
		}
		if _, err := NextReviewOf(c.path, c.p); !errors.Is(err, ErrNotLinkedBack) {
			t.Errorf("%s: %v", c.path, err)
		}
	}
	// b names a as its previous review, quoted as YAML allows: a is handed on.
	data := strings.Replace(string(Encode(pb)), "next_review: a.yaml\n", "previous_review: 'a.yaml'\n", 1)
	if err := os.WriteFile(b, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if next, ok := HandedOn(a, pa); !ok || next != b {
		t.Fatalf("a carried on to b, which names it back: %q %v", next, ok)
	}
	// A previous_review deeper in the file (notes quoting one) is not b's.
	deep := strings.Replace(string(Encode(pb)), "next_review: a.yaml\n", "", 1)
	deep = strings.Replace(deep, "    notes:\n", "    notes: |\n      previous_review: a.yaml\n", 1)
	if err := os.WriteFile(b, []byte(deep), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := HandedOn(a, pa); ok {
		t.Fatal("a line inside b's notes counted as b's previous review")
	}
}

// Plans that carry each other on in a ring (a to b and b to a, or a to b
// to c to a) each name the next back, so that one hop at a time every one
// of them looks handed on, and no plan would chase their open actions: a
// pull request could hide every late action that way. A ring is refused,
// and every plan in it keeps its own actions.
func TestReviewsThatCarryEachOtherOnInARingAreNotHandedOn(t *testing.T) {
	for _, n := range []int{2, 3} {
		dir := gitRepo(t)
		names := []string{"a.yaml", "b.yaml", "c.yaml"}[:n]
		ps := make([]*Plan, n)
		for i := range n {
			ps[i] = blankPlan()
			ps[i].NextReview = names[(i+1)%n]
			ps[i].PreviousReview = names[(i+n-1)%n]
			writePlan(t, filepath.Join(dir, "plans", names[i]), ps[i])
		}
		for i := range n {
			path := filepath.Join(dir, "plans", names[i])
			if next, ok := HandedOn(path, ps[i]); ok {
				t.Errorf("ring of %d: %s handed on to %s", n, names[i], next)
			}
			if _, err := NextReviewOf(path, ps[i]); err == nil || !strings.Contains(err.Error(), "back to this plan") {
				t.Errorf("ring of %d: %s: %v", n, names[i], err)
			}
		}
		// Broken anywhere, the ring is a chain: all but its last plan
		// hand their actions on.
		ps[n-1].NextReview = ""
		writePlan(t, filepath.Join(dir, "plans", names[n-1]), ps[n-1])
		for i := range n - 1 {
			if _, ok := HandedOn(filepath.Join(dir, "plans", names[i]), ps[i]); !ok {
				t.Errorf("chain of %d: %s not handed on", n, names[i])
			}
		}
	}
}

// A previous_review that only the line-by-line look sees (inside a quoted
// title running over several lines) is not the plan's: the plan as loaded
// names no previous review.
func TestAPreviousReviewInsideAQuotedScalarIsNotALink(t *testing.T) {
	dir := gitRepo(t)
	a, b := filepath.Join(dir, "plans", "a.yaml"), filepath.Join(dir, "plans", "b.yaml")
	pa, pb := blankPlan(), blankPlan()
	pa.NextReview = "b.yaml"
	writePlan(t, a, pa)
	for _, quote := range []string{`"`, `'`} {
		var lines []string
		for _, l := range strings.Split(string(Encode(pb)), "\n") {
			if strings.HasPrefix(l, "title:") {
				l = "title: " + quote + "x\nprevious_review: a.yaml\n" + quote
			}
			lines = append(lines, l)
		}
		data := strings.Join(lines, "\n")
		if err := os.WriteFile(b, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		loaded, err := Parse(b, []byte(data), nil)
		if err != nil {
			t.Fatalf("%s\n%v", data, err)
		}
		if loaded.PreviousReview != "" {
			t.Fatalf("the test's plan names a previous review: %q", loaded.PreviousReview)
		}
		if _, ok := HandedOn(a, pa); ok {
			t.Errorf("quote %s: a line inside b's title counted as b's previous review", quote)
		}
	}
}

// A next review that no folder command reads (in a hidden folder or
// testdata, reached through a linked folder, a workforce data file, a
// review's conflict copy) would take a plan's actions where neither
// ladder status nor check --overdue ever looks: it takes nothing on.
func TestANextReviewFolderCommandsSkipTakesNothingOn(t *testing.T) {
	for _, ref := range []string{".old/b.yaml", "testdata/b.yaml", "x/.old/b.yaml", "linked/b.yaml", "a.data.yaml", "a.benchmark.yaml", "a.copy-1.yaml", "../2027/b.yaml"} {
		dir := gitRepo(t)
		plansDir := filepath.Join(dir, "plans")
		if err := os.MkdirAll(filepath.Join(plansDir, ".hidden"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(".hidden", filepath.Join(plansDir, "linked")); err != nil {
			t.Fatal(err)
		}
		a, b := filepath.Join(plansDir, "a.yaml"), filepath.Join(plansDir, filepath.FromSlash(ref))
		if err := os.MkdirAll(filepath.Dir(b), 0o755); err != nil {
			t.Fatal(err)
		}
		back, err := LinkTo(b, a)
		if err != nil {
			t.Fatal(err)
		}
		pa, pb := blankPlan(), blankPlan()
		pa.NextReview, pb.PreviousReview = ref, back
		writePlan(t, a, pa)
		writePlan(t, b, pb)
		if ref == "../2027/b.yaml" {
			// Another folder of the repository is read by folder commands.
			if next, ok := HandedOn(a, pa); !ok || next != b {
				t.Errorf("not handed on to a plan in another folder: %q", next)
			}
			continue
		}
		if next, ok := HandedOn(a, pa); ok {
			t.Errorf("handed on to %s, which folder commands skip", next)
		}
		if _, err := NextReviewOf(a, pa); err == nil || !strings.Contains(err.Error(), "ladder status") {
			t.Errorf("%s: %v", ref, err)
		}
	}
}

// Carrying on takes across what status chases, by the same rule: a step
// with no words is nothing to chase, so it is not carried either; and it
// counts what status counts: a step made from an action (the project plan
// begun from the actions) is carried, and counted as repeating the action,
// where "Carried on 9 open actions and 11 project-plan steps" was followed
// by status chasing 13.
func TestCarryOnTakesWhatStatusChases(t *testing.T) {
	prev := blankPlan()
	prev.Response("lc-vision").Action = "Write the vision"
	prev.Response("lc-leadership").Action = "Brief the board"
	prev.AddActionSteps()
	pp := prev.Answer(prev.ProjectPlanID())
	pp.Steps = append(pp.Steps, Step{ID: 7, Status: StatusTodo}, Step{ID: 8, Text: "Book the room", Status: StatusDoing})
	next := blankPlan()
	got := CarryOn(prev, next)
	if got != (Carried{Actions: 2, Steps: 3, Repeats: 2}) {
		t.Fatalf("carried %+v, want 2 actions and 3 steps, 2 of them repeating the actions", got)
	}
	if chased := len(prev.ActionsToChase()); got.Actions+got.Steps-got.Repeats != chased {
		t.Fatalf("carried %+v, status chases %d", got, chased)
	}
	if steps := next.Answer(next.ProjectPlanID()).Steps; len(steps) != 3 || steps[2].ID != 8 {
		t.Fatalf("steps carried: %+v", steps)
	}
}

// The line ladder asks someone to add by hand, to a plan it cannot add
// one to, is spelled as ladder would write it: the new plan's name,
// chosen in a pull request as "acme-2027.yaml #2.yaml", pasted bare would
// name acme-2027.yaml, whatever follows " #" being a YAML comment.
func TestTheLineToAddByHandIsQuotedAsYAML(t *testing.T) {
	dir := gitRepo(t)
	prevPath := filepath.Join(dir, "plans", "acme.yaml")
	hand := strings.Replace(string(Encode(blankPlan())), "\nitems:\n", "\n\"items\":\n", 1)
	if err := os.WriteFile(prevPath, []byte(hand), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(prevPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = CreateNext(filepath.Join(dir, "plans", "acme-2027.yaml #2.yaml"), f, New(f.Plan.Checklist, "Acme", "next", Date{2027, 3, 1}))
	if err == nil || !strings.Contains(err.Error(), `add "next_review: 'acme-2027.yaml #2.yaml'" above its items`) {
		t.Fatalf("got %v", err)
	}
	if LinkLine("next_review", "acme-2027.yaml") != "next_review: acme-2027.yaml" {
		t.Errorf("a plain name is quoted: %s", LinkLine("next_review", "acme-2027.yaml"))
	}
}

// A carry-on killed between its two writes (the new plan written, last
// year's not yet given its next_review line) left a plan that ladder new
// --from refused to write again ("already exists"), and last year's
// actions chased in both. Run again, it finishes: last year's plan gets
// its line, and the new plan, which names it back, is left as it is. A
// plan at that name that names no such previous review is still refused.
func TestACarryOnCutShortIsFinishedByRunningItAgain(t *testing.T) {
	dir := gitRepo(t)
	nextPath := filepath.Join(dir, "plans", "2027", "acme.yaml")
	prevPath := carryOnCutShort(t, dir, nextPath)
	written, _ := os.ReadFile(nextPath)

	f, carried := runCarryOnAgain(t, prevPath, nextPath)
	if carried.Actions != 1 {
		t.Errorf("carried %+v, want the one open action", carried)
	}
	if got, _ := os.ReadFile(nextPath); string(got) != string(written) {
		t.Errorf("the new plan was written again:\n%s", got)
	}
	if p, err := LoadFile(prevPath, nil); err != nil || p.NextReview != "../2027/acme.yaml" {
		t.Fatalf("last year's plan: next_review %q (%v)", p.NextReview, err)
	}
	if next, ok := HandedOn(prevPath, f.Plan); !ok || next != nextPath {
		t.Errorf("last year's actions are not handed on: %q %v", next, ok)
	}

	// Another plan at the name: refused, as before.
	otherPrev := filepath.Join(dir, "plans", "2026", "beta.yaml")
	writePlan(t, otherPrev, blankPlan())
	g, err := Open(otherPrev, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if _, _, err := CreateNext(nextPath, g, New(g.Plan.Checklist, "Beta", "2027", Date{2027, 3, 1})); !errors.Is(err, os.ErrExist) {
		t.Fatalf("a plan at the name that carries on another: %v", err)
	}
	if p, _ := LoadFile(otherPrev, nil); p.NextReview != "" {
		t.Fatalf("the other plan was linked to it: %q", p.NextReview)
	}
}

// The same carry-on cut short, run again with last year's plan named by
// another spelling of its path (absolute, where the new plan's is
// relative, as ladder new --from /home/.../acme.yaml is): the new plan
// names that same file back, and the carry-on finishes. It was refused
// as "already exists", the paths compared as strings.
func TestACarryOnCutShortIsFinishedWhateverItsPathsSpelling(t *testing.T) {
	dir := gitRepo(t)
	t.Chdir(dir)
	nextPath := filepath.Join("plans", "2027", "acme.yaml")
	prevPath := carryOnCutShort(t, dir, nextPath) // absolute, the new plan's relative
	runCarryOnAgain(t, prevPath, nextPath)
	if p, err := LoadFile(prevPath, nil); err != nil || p.NextReview != "../2027/acme.yaml" {
		t.Fatalf("last year's plan: next_review %q (%v)", p.NextReview, err)
	}
}

// carryOnCutShort writes last year's plan, plans/2026/acme.yaml in dir,
// with one open action, and at next what a carry-on's first write leaves:
// the new plan naming last year's back, rated since (its first item
// Amber). It returns last year's path.
func carryOnCutShort(t *testing.T, dir, next string) string {
	t.Helper()
	prevPath := filepath.Join(dir, "plans", "2026", "acme.yaml")
	os.MkdirAll(filepath.Dir(prevPath), 0o755)
	prev := blankPlan()
	prev.Response("lc-vision").Action = "Write the vision"
	writePlan(t, prevPath, prev)
	os.MkdirAll(filepath.Dir(next), 0o755)
	cut := New(prev.Checklist, "Acme", "2027 review", Date{2027, 3, 1})
	CarryOn(prev, cut)
	cut.PreviousReview = "../2026/acme.yaml"
	cut.Response("lc-vision").Rating = "amber" // rated since: kept
	writePlan(t, next, cut)
	return prevPath
}

// runCarryOnAgain carries prev on to next again, as ladder new --from
// run a second time does, and returns last year's plan, open, and what
// was carried.
func runCarryOnAgain(t *testing.T, prev, next string) (*File, Carried) {
	t.Helper()
	f, err := Open(prev, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	nf, carried, err := CreateNext(next, f, New(f.Plan.Checklist, "Acme", "2027 review", Date{2027, 3, 1}))
	if err != nil {
		t.Fatalf("run again: %v", err)
	}
	nf.Close()
	return f, carried
}

// A carry-on cut short (or last year's next_review line undone by a
// git checkout of a file "changed by accident"), then carried on again
// under another name, as the set-up form's own name for it or a
// `ladder new OTHER --from` does: the review written first, named
// back, was left behind and one plan carried on twice. Now CreateNext
// refuses, names the review written first, and writes nothing.
func TestACarryOnCutShortIsNotCarriedOnAgainUnderAnotherName(t *testing.T) {
	dir := gitRepo(t)
	first := filepath.Join(dir, "plans", "2027", "acme.yaml")
	prevPath := carryOnCutShort(t, dir, first)
	f, err := Open(prevPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	other := filepath.Join(dir, "plans", "2027", "2027-03-01-acme.yaml")
	_, _, err = CreateNext(other, f, New(f.Plan.Checklist, "Acme", "2027 review", Date{2027, 3, 1}))
	var carried *CarriedOnAlready
	if !errors.As(err, &carried) || carried.Next != first || !carried.Unlinked {
		t.Fatalf("carried on again under another name: %v (%+v)", err, carried)
	}
	if _, err := os.Stat(other); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a second review was written: %v", err)
	}
	if p, _ := LoadFile(prevPath, nil); p.NextReview != "" {
		t.Errorf("last year's plan was linked: %q", p.NextReview)
	}
	for _, want := range []string{"2027/acme.yaml", "names it as its previous review", "cut short"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not say %q:\n%s", want, err)
		}
	}
	// Its own name still finishes it.
	runCarryOnAgain(t, prevPath, first)
}
