package tui

import (
	"path/filepath"

	"github.com/socialmobility/ladder/review"
)

// A plans folder kept a folder per year ("plans/2026", no plan in
// "plans" itself): a year on, the start screen lists this year's folder
// ("plans/2027", made when its first plan is written) as if ladder had
// been run there, and under it last year's reviews that this year's could
// be carried on from (plans.YearFolders, review.LastYearsReviews, read in
// startfolder.go). c on one begins this year's review from it, in this
// year's folder, as the form's ctrl+o and ladder new --from do; enter
// opens it as it is; n begins a fresh one, in this year's folder too.

// takeYears takes this year's folder, as the plans folder from now on,
// and last year's reviews, after this year's plans in the list.
func (s *startScreen) takeYears(msg discoveredMsg) {
	if msg.dir != "" && msg.dir != s.c.opts.Dir {
		// A new review, the form's look beside (inYearFolder) and the
		// list read again all go by this year's folder now.
		s.c.opts.Dir, s.c.yearsBeside = msg.dir, 0
	}
	s.fromLastYear, s.lastYear, s.carryOn = len(s.plans), msg.lastYear, msg.carryOn
	s.plans = append(s.plans, msg.lastYears()...)
}

// onLastYear is the last year's review chosen, if one is.
func (s *startScreen) onLastYear() *review.LastReview {
	if i := s.cursor - 1 - s.fromLastYear; i >= 0 && i < len(s.carryOn) {
		return &s.carryOn[i]
	}
	return nil
}

// partHeading heads the part of the list that the plan at i is in. Last
// year's part says what it is for with "begin", as c's hint does: not
// "carry on", which beside "Resume a review" reads as "continue one".
func (s *startScreen) partHeading(st *styles, i int, from string) string {
	if i < s.fromLastYear {
		return st.Heading.Render("Resume a review") + st.Subtle.Render(from)
	}
	heading := st.Heading.Render("Begin this year's review from one of " + filepath.Base(s.lastYear) + "'s")
	if s.c.present { // no folder names on a projector
		return heading
	}
	return heading + st.Subtle.Render(" in "+s.c.shown(s.lastYear))
}

// lastYearHint says, under the list, what c and enter do on last year's
// review chosen: c's word in the footer is too short to say where this
// year's goes, and what comes across.
func (s *startScreen) lastYearHint(st *styles, w int) []string {
	l := s.onLastYear()
	if l == nil || s.said != "" || s.openErr != nil || l.UnderWay || l.Found.Plan.NextReview != "" {
		return nil // under way, or naming a next review: c says why first
	}
	where := ", in " + s.c.shown(s.c.opts.Dir)
	if s.c.present {
		where = ""
	}
	with := "carrying on its " + l.Carried.Words()
	if l.Carried == (review.LastReview{}).Carried {
		with = "with its participants and checklist (it has nothing open to carry on)"
	}
	return []string{"", st.Subtle.Render(wrapIndented("Press c to begin this year's review from it"+where+", "+with+"; enter opens it as it is.", w, 0, 0))}
}

// carryToThisYear is c's footer hint on last year's review chosen:
// "begin 2027", where "next review" would not say which.
func (s *startScreen) carryToThisYear() string {
	return "begin " + filepath.Base(s.c.opts.Dir)
}

// nextReviewHint says, under the list, what c and enter do on the plan a
// next review could carry on from (nextFrom) chosen, as lastYearHint does
// for last year's folder: in a folder kept flat, last year's review sits
// among the reviews to resume, and "c next review" alone is easily missed.
func (s *startScreen) nextReviewHint(st *styles, w int) []string {
	if s.nextFrom == nil || s.said != "" || s.openErr != nil || s.cursor < 1 || s.cursor > len(s.plans) || s.plans[s.cursor-1].Path != s.nextFrom.Found.Path {
		return nil
	}
	return []string{"", st.Subtle.Render(wrapIndented("Press c to begin the next review from it, carrying on its "+s.nextFrom.Carried.Words()+"; enter opens it as it is.", w, 0, 0))}
}
