package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/tui/accessible"
)

// The screens and the accessible prompts are two ways of giving the same
// answers to the same review.Session, and must leave the same plan, byte
// for byte. The answers are written once, below; the test types them as
// lines into the accessible mode and as keys into the screens (a new plan
// through each one's set-up, every item, every next-steps question), with
// stray spaces around several, a note indented on purpose, a name as a
// Mac types it (o and a combining diaeresis) and curly quotes, and
// compares the two files.

// sameItem is the answer to one item; level 0 leaves it unrated.
type sameItem struct {
	level                     int
	action, owner, due, notes string
	status                    int // 0 todo, 1 doing, 2 done; asked only with an action
}

type sameStep struct{ text, owner, due string }

var sameAnswers = struct {
	org, title, facilitator, participants string
	items                                 []sameItem // the first items; the rest are left unrated
	picks                                 []int      // quick wins chosen from those offered, ascending
	typed                                 []string   // quick wins typed
	perArea                               []string
	text                                  string
	steps                                 []sameStep
	dues                                  []string // one per question
}{
	org: "  Acme Café Ltd ", title: "Spring review", facilitator: "Zoë Østergaard", participants: "Ana, Björn ,李雷",
	items: []sameItem{
		{level: 1, action: "  Write a one-page vision ", owner: "Ana", due: "31/03/2027", notes: "Start from the board's values  "},
		{level: 2, action: "Run a manager workshop 🚀", owner: " 李雷", due: "2w", status: 1},
		{},
		{level: 3, notes: "  We already run culture circles"}, // indented on purpose,
		{level: 1, action: "Publish “pay bands”", owner: "Bjo\u0308rn", due: "31 Mar 2027", status: 2},
	},
	picks:   []int{0, 2},
	typed:   []string{" Thank the team 🙏 "},
	perArea: []string{"Zoë (CEO)", "  HR team", "Data team  "},
	text:    "The board",
	steps:   []sameStep{{"Write a fair succession policy", "Ana", "10d"}, {" Review in June ", "", ""}},
	dues:    []string{"31/03/2027", "2w", "", "1m", "3m"},
}

func TestScreensAndAccessibleMakeTheSamePlan(t *testing.T) {
	a := sameAnswers
	c, _ := checklist.Builtin(checklist.DefaultID)
	if len(a.dues) != len(c.FollowUps) || len(a.perArea) != len(c.Areas) {
		t.Fatal("the answers do not fit the built-in checklist's questions")
	}

	// The accessible mode: one line per question.
	lines := []string{a.org, a.title, a.facilitator, a.participants, ""}
	for _, e := range c.Items() {
		it := sameItemAt(e.Ref.Seq)
		if it.level == 0 {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, strconv.Itoa(it.level), it.action, it.owner, it.due)
		if strings.TrimSpace(it.action) != "" {
			lines = append(lines, strconv.Itoa(it.status+1))
		}
		lines = append(lines, it.notes)
	}
	for i, f := range c.FollowUps {
		switch f.Kind {
		case checklist.KindList:
			var nums []string
			for _, p := range a.picks {
				nums = append(nums, strconv.Itoa(p+1))
			}
			lines = append(append(lines, strings.Join(nums, ",")), a.typed...)
			lines = append(lines, "")
		case checklist.KindPerArea:
			lines = append(lines, a.perArea...)
		case checklist.KindText:
			lines = append(lines, a.text)
		case checklist.KindPlan:
			for _, st := range a.steps {
				lines = append(lines, st.text, st.owner, st.due)
			}
			lines = append(lines, "")
		}
		lines = append(lines, a.dues[i])
	}
	dirA := t.TempDir()
	var out bytes.Buffer
	err := accessible.Run(accessible.Options{PlanPath: filepath.Join(dirA, "acme.yaml"), Dir: dirA, Today: rvToday,
		In: strings.NewReader(strings.Join(lines, "\n") + "\n"), Out: &out})
	if err != nil {
		t.Fatalf("accessible mode: %v\n%s", err, out.String())
	}

	// The screens: the same answers as keys.
	dirB := t.TempDir()
	h := rvStart(t, Options{PlanPath: filepath.Join(dirB, "acme.yaml"), Dir: dirB}, 100, 30)
	for _, v := range []string{a.org, a.title, a.facilitator, a.participants} {
		h.typeText(v)
		h.press("tab")
	}
	h.press("ctrl+s")
	for _, e := range c.Items() {
		it := sameItemAt(e.Ref.Seq)
		if it.level == 0 {
			h.press("n")
		} else {
			h.press(strconv.Itoa(it.level), "tab") // rates; tab goes on to the action
			for _, v := range []string{it.action, it.owner, it.due} {
				h.typeText(v)
				h.press("tab")
			}
			for range it.status {
				h.press("space")
			}
			h.press("tab")
			h.typeText(it.notes)
			h.press("ctrl+n")
		}
		if e.Ref.Index == len(e.Area.Items)-1 {
			h.press("enter") // the area's summary
		}
	}
	for _, f := range c.FollowUps {
		switch f.Kind {
		case checklist.KindList:
			at := 0
			for _, p := range a.picks {
				for ; at < p; at++ {
					h.press("j")
				}
				h.press("space")
			}
			for _, w := range a.typed {
				h.press("a")
				h.typeText(w)
				h.press("enter", "esc")
			}
			h.press("tab")
		case checklist.KindPerArea:
			h.press("enter")
			for _, v := range a.perArea {
				h.typeText(v)
				h.press("tab")
			}
		case checklist.KindText:
			h.press("enter")
			h.typeText(a.text)
			h.press("tab")
		case checklist.KindPlan:
			for _, st := range a.steps {
				h.press("G", "a")
				h.typeText(st.text)
				h.press("tab")
				h.typeText(st.owner)
				h.press("tab")
				h.typeText(st.due)
				h.press("enter")
			}
			h.press("tab")
		default:
			h.press("enter")
		}
		h.typeText(a.dues[slicesIndex(c.FollowUps, f.ID)])
		h.press("enter")
	}
	h.requireView("The end")
	h.press("q")

	planA, planB := sameRead(t, filepath.Join(dirA, "acme.yaml")), sameRead(t, filepath.Join(dirB, "acme.yaml"))
	if !bytes.Equal(planA, planB) {
		t.Errorf("the screens made a different plan from the accessible mode's:\n%s", diff.Diff("accessible.yaml", planA, "screens.yaml", planB))
	}
	// Two empty plans would be equal too.
	for _, want := range []string{"organisation: Acme Café Ltd", "- Björn", "action: Write a one-page vision", "owner: 李雷",
		"due: 2027-03-28", "status: done", "- Thank the team 🙏", "HR team", "step: Review in June", "notes: Start from the board's values\n"} {
		if !bytes.Contains(planA, []byte(want)) {
			t.Errorf("the plan lacks %q:\n%s", want, planA)
		}
	}
}

// sameItemAt is the answer to the item at checklist position i.
func sameItemAt(i int) sameItem {
	if i < len(sameAnswers.items) {
		return sameAnswers.items[i]
	}
	return sameItem{}
}

func slicesIndex(fs []checklist.FollowUp, id string) int {
	for i, f := range fs {
		if f.ID == id {
			return i
		}
	}
	return -1
}

func sameRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
