package plans

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/socialmobility/ladder/internal/safetext"
)

// CarriedOnAlready is why a plan cannot be carried on again: it names a
// next review already. Either that review took its open actions on (Next),
// and carrying the plan on twice would chase them in two plans, or it took
// nothing on (Why: it is not there, or does not name the plan back), and
// the line is to be deleted first. ladder new, review --from, the
// accessible prompts and the start screen all say it in these words
// (Error, or Words in their own names for the two plans), each adding
// what to do there: the command to run, or the key to press.
type CarriedOnAlready struct {
	Path string // the plan asked to be carried on
	// Next is the review that took its open actions on; "" when none did.
	// It is a plan that is there and names this one back, a path in the
	// repository, and is named whole, as status and check name it.
	Next string
	Why  error // why the review it names took nothing on; nil to leave it unsaid
	// Unlinked is set when the plan names no next review, but Next names
	// it as its previous review: a carry-on cut short between its two
	// writes, or the plan's next_review line undone since (a checkout of
	// last year's plan taken for an edit made by accident). Next holds
	// its actions without the plan handing them on; carrying the plan on
	// again would leave Next behind. Carrying it on to Next itself
	// finishes it (CreateNext).
	Unlinked bool
}

// CheckCarryOn is nil when the plan at path can be carried on to a next
// review (CreateNext), and a *CarriedOnAlready when it names one already.
// The front ends ask before anything is written or asked, and CreateNext
// asks again as it writes.
func CheckCarryOn(path string, p *Plan) error {
	if p.NextReview == "" {
		return nil
	}
	next, err := NextReviewOf(path, p)
	return &CarriedOnAlready{Path: path, Next: next, Why: err}
}

// Error names the two plans as ladder names files (ShownPath).
func (e *CarriedOnAlready) Error() string { return e.Words(ShownPath(e.Path), ShownPath(e.Next)) }

// Unwrap makes the refusal an ErrHasNextReview.
func (e *CarriedOnAlready) Unwrap() error { return ErrHasNextReview }

// Words is the refusal naming the plan and its next review as the caller
// shows them: file names on a screen, "that review" on a projector. Both
// are made terminal-safe here, as paths come from pull requests.
func (e *CarriedOnAlready) Words(plan, next string) string {
	plan = safetext.Line(plan)
	if e.Unlinked {
		return plan + " was carried on already, to " + safetext.Line(next) + ", which names it as its previous review, though " + plan + " does not name that one back yet (a carry-on cut short, or its next_review line undone)"
	}
	if e.Next != "" {
		return plan + " was carried on already, to " + safetext.Line(next) + ": its open actions are chased there"
	}
	why := ""
	if e.Why != nil {
		why = " (" + safetext.Line(e.Why.Error()) + ")"
	}
	return fmt.Sprintf("%s names a next review that does not take its actions on%s: if that review was removed on purpose, delete its next_review line, then carry it on again", plan, why)
}

// CutShortCarrier is the plan beside the plan at path (in its review
// folders) that names it as its previous review while it names no next
// review: what a carry-on cut short leaves behind. "" when there is none.
// Carrying the plan on into that one finishes the carry-on (CreateNext);
// into any other, it is refused. It reads the folders (each plan's links
// only, as status does), so only a carry-on about to begin asks it.
func CutShortCarrier(path string, p *Plan) string {
	if p.NextReview != "" {
		return ""
	}
	links := NewLinks()
	for _, d := range ReviewFolders(filepath.Dir(path)) {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			other := filepath.Join(d, e.Name())
			if !e.Type().IsRegular() || !IsReviewPlanFile(e.Name()) {
				continue
			}
			if r := readLinks(other); r.previous != "" && links.namesBack(other, r.previous, path) && !links.sameFile(other, path) {
				return other
			}
		}
	}
	return ""
}
