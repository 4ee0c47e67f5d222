package tui

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// A folderRead is the start screen's plans folder being read, on a
// goroutine of its own from when the screen starts, so that the screen
// appears at once however many plans there are. Its plans reach the screen
// once: as a message from Bubble Tea, or, for the first frame drawn before
// Bubble Tea starts (firstframe.go), straight away if the folder is read
// in the time that frame may wait, so that a small folder's plans are on
// the first frame rather than "Looking for plans" for one frame.
type folderRead struct {
	done     chan struct{}
	msg      discoveredMsg
	panicked error // a panic while reading, raised again where it is taken
	taken    atomic.Bool
}

func readFolder(c *common) *folderRead {
	dir, resolve, today := c.opts.Dir, c.opts.resolver(), c.today
	return startFolderRead(func() discoveredMsg {
		found, err := plans.Discover(dir, resolve)
		msg := discoveredMsg{found: found, err: err}
		var lastFound []plans.Found
		if err == nil && (len(found) == 0 || plans.IsYearFolder(dir)) {
			lastFound = msg.readYears(dir, resolve, today)
		}
		msg.rows = rowFacts(slices.Concat(msg.found, msg.lastYears()), lastFound, today)
		// In the list's order (a stable sort leaves the plans that load
		// in theirs), and here, as it follows next_review lines to their
		// files: the screen's update reads none.
		review.HandedOnLast(msg.found, func(path string) bool { return msg.rows[path].handedOn != "" })
		msg.nextFrom = review.NextReviewFrom(msg.found, today)
		if len(msg.found) == 0 && len(msg.carryOn) == 0 && msg.err == nil {
			msg.below = plans.FoldersWithPlans(dir)
		}
		if cl := c.defaultChecklist(); cl != nil {
			msg.attribution, msg.shortCredit = cl.Credit(), shortCredit(cl)
		}
		return msg
	})
}

// readYears reads, for a plans folder kept a folder per year
// (plans.YearFolders), this year's folder in place of dir, and last
// year's reviews to carry on from (review.LastYearsReviews); last year's
// plans that do not load are listed with this year's. Someone back a year
// later sees their plans, and begins this year's review from last year's
// in a folder of its own, without leaving the app. It returns last
// year's plans, each of which this year's may have carried on from
// (rowFacts).
func (msg *discoveredMsg) readYears(dir string, resolve plans.Resolver, today plans.Date) []plans.Found {
	this, last := plans.YearFolders(dir, today.Year)
	if last == "" {
		return nil
	}
	if this != filepath.Clean(dir) {
		msg.found, msg.err = plans.Discover(this, resolve)
		if msg.err != nil {
			return nil
		}
	}
	lastFound, _ := plans.Discover(last, resolve) // it held plans a moment ago
	msg.dir, msg.lastYear = this, last
	msg.carryOn = review.LastYearsReviews(lastFound, today)
	for _, f := range lastFound {
		if f.Err != nil {
			msg.found = append(msg.found, f)
		}
	}
	return lastFound
}

// lastYears are the plans of last year's reviews offered to carry on.
func (msg *discoveredMsg) lastYears() []plans.Found {
	out := make([]plans.Found, len(msg.carryOn))
	for i, l := range msg.carryOn {
		out[i] = l.Found
	}
	return out
}

// planFacts is what the start screen's list says of a plan beyond its
// fields, found as the folder is read rather than on every frame: the
// next review that took its open actions on (plans.HandedOn, which reads
// that plan), and how many of its actions are late today.
type planFacts struct {
	handedOn string // "" when no next review took the actions on
	late     int    // open actions and steps late today, when not handed on
	// carried counts the actions and project-plan steps that came across
	// from the review this one carried on from, when that plan is in the
	// list, and carriedLate those of them among late (see overviewScreen's).
	carried, carriedLate int
}

// rowFacts finds the facts of each plan that loads, by path; earlier are
// other plans read (last year's folder's) that a plan found may have
// carried on from.
func rowFacts(found, earlier []plans.Found, today plans.Date) map[string]planFacts {
	facts := make(map[string]planFacts, len(found))
	// One Links for the folder, told of every plan already loaded, as
	// status and check do: asked plan by plan afresh, a chain of reviews
	// would be read again from each plan in it.
	links := plans.NewLinks()
	loaded := make(map[string]*plans.Plan, len(found))
	for _, f := range found {
		if f.Err == nil && f.Plan != nil {
			links.Loaded(f.Path, f.Plan)
			loaded[filepath.Clean(f.Path)] = f.Plan
		}
	}
	for _, f := range earlier {
		if f.Err == nil && f.Plan != nil {
			loaded[filepath.Clean(f.Path)] = f.Plan
		}
	}
	for _, f := range found {
		if f.Err != nil || f.Plan == nil {
			continue
		}
		var pf planFacts
		if f.Plan.NextReview != "" {
			pf.handedOn, _ = links.HandedOn(f.Path, f.Plan)
		}
		if pf.handedOn == "" {
			// As the summary counts them: its actions are chased here.
			overdue := f.Plan.Overdue(today)
			pf.late = len(overdue)
			if prev := previousInList(loaded, f); prev != nil {
				pf.carried, pf.carriedLate = plans.CountCarried(prev, f.Plan, overdue)
			}
		}
		facts[f.Path] = pf
	}
	return facts
}

// previousInList is the plan f carried on from, when it is one of the
// list's or last year's folder's, loaded, and the two name each other:
// worked out from the plans already read, so that no file is read for a
// line of the list, and a plan elsewhere is not looked for.
func previousInList(loaded map[string]*plans.Plan, f plans.Found) *plans.Plan {
	ref := f.Plan.PreviousReview
	if ref == "" {
		return nil
	}
	path := filepath.Join(filepath.Dir(f.Path), filepath.FromSlash(ref))
	prev := loaded[path]
	if prev == nil || prev.NextReview == "" || filepath.Join(filepath.Dir(path), filepath.FromSlash(prev.NextReview)) != filepath.Clean(f.Path) {
		return nil
	}
	return prev
}

// startFolderRead runs read on a goroutine of its own.
func startFolderRead(read func() discoveredMsg) *folderRead {
	f := &folderRead{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		// A panic here would end the program with the terminal raw and in
		// the alternate screen; it is raised again where the plans are
		// taken, inside Bubble Tea's recovery or Run's, which give the
		// terminal back.
		defer func() {
			if p := recover(); p != nil {
				f.panicked = fmt.Errorf("reading the plans folder: %v\n%s", p, debug.Stack())
			}
		}()
		f.msg = read()
	}()
	return f
}

// result waits for the folder and delivers its plans, unless they were
// delivered already.
func (f *folderRead) result() tea.Msg {
	<-f.done
	return f.take()
}

// within returns the folder's plans if they are read within d and were not
// delivered already; otherwise nil.
func (f *folderRead) within(d time.Duration) tea.Msg {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-f.done:
		return f.take()
	case <-t.C:
		return nil
	}
}

func (f *folderRead) take() tea.Msg {
	if f.taken.Swap(true) {
		return nil
	}
	if f.panicked != nil {
		panic(f.panicked)
	}
	return f.msg
}

// plansBelowWords tell someone whose plans folder holds none itself,
// but whose folders inside it do (a folder per year), where theirs are
// and how to list them: "" when no folder inside holds one.
func (c *common) plansBelowWords() string {
	if len(c.plansBelow) == 0 {
		return ""
	}
	// A folder kept a folder per year with last year's reviews to carry
	// on is a list (start_years.go), not this welcome.
	first := safetext.Line(plans.CommandPath(c.plansBelow[0]))
	list := "press ctrl+c and run ladder review --dir " + first + " to list that folder's."
	if c.inYearFolder() {
		// The form finds the organisation's last review there (setup_beside.go):
		// next year's review begun from it is written here, in this year's
		// folder, where one begun from that folder's list would not be.
		return "Made a review before? Yours are in " + c.plansBelowNamed + ": type its organisation to begin this year's review from its last one, or " + list
	}
	return "Made a review before? Yours are in " + c.plansBelowNamed + ": " + list
}

// plansBelowShort is plansBelowWords in one short sentence, for a window
// too small for those: it names the folders, and no more.
func (c *common) plansBelowShort() string {
	return "Your earlier plans are in " + c.plansBelowNamed + "."
}
