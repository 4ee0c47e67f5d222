package plans

import "errors"

// NextReviewDue is when the review after one held on held is due: the
// checklist is reviewed and refined once a year, and a team plans the
// next review from the day of the last. ladder status suggests beginning
// it once it is SoonDays away; it is a suggestion, never an overdue
// action, so nothing fails on it.
func NextReviewDue(held Date) Date { return DateOf(held.Time().AddDate(1, 0, 0)) }

// NextReviewYear is the year the review after one held on held is held
// in, as of today: the year it is due (NextReviewDue), or today's for a
// review long due. ladder status, ladder new, the start screen's form and
// the accessible prompts name the next review for it (NextReviewNames).
func NextReviewYear(held, today Date) int { return max(NextReviewDue(held).Year, today.Year) }

// IsLaterReview reports whether a is a later review than b, of two plans
// of one organisation: which of them is its last review, the one the next
// is begun from. ladder status's "Reviews to begin", ladder new's note,
// the start screen's form and the accessible prompts all ask it, so that
// all four name one plan.
//
// A plan carried on elsewhere (CarriedOnElsewhere: git kept the other of
// two reviews that carried one plan on) comes after every other; then the
// later date; then, of two of one date, the first by path. By path, not by
// when the file last changed: a checkout gives each file the time it was
// written out, so two clones of one repository, or a laptop and CI, would
// name different plans.
func IsLaterReview(a, b PlanInfo) bool {
	if a.CarriedOnElsewhere != b.CarriedOnElsewhere {
		return b.CarriedOnElsewhere
	}
	if c := a.Date.Compare(b.Date); c != 0 {
		return c > 0
	}
	return a.Path < b.Path
}

// CarriedOnElsewhere reports whether the plan at path carried on a
// previous review that names another plan, which carries it on too, as
// its next review (PreviousReviewOf's ErrCarriedOnTwice): two people
// carried one plan on, on two branches, and the merge kept the other's
// next_review line. Its actions are still chased, but it is not the review
// to begin the next from: ladder check asks to keep one of the two.
func (l *Links) CarriedOnElsewhere(path string, p *Plan) bool {
	if p.PreviousReview == "" {
		return false
	}
	_, err := l.PreviousReviewOf(path, p)
	return errors.Is(err, ErrCarriedOnTwice)
}
