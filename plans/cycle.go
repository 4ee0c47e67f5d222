package plans

// NextReviewDue is when the review after one held on held is due: the
// checklist is reviewed and refined once a year, and a team plans the
// next review from the day of the last. ladder status suggests beginning
// it once it is SoonDays away; it is a suggestion, never an overdue
// action, so nothing fails on it.
func NextReviewDue(held Date) Date { return DateOf(held.Time().AddDate(1, 0, 0)) }

// IsLaterReview reports whether a is a later review than b, of two plans
// of one organisation: which of them is its last review, the one the next
// is begun from. ladder status's "Reviews to begin", ladder new's note,
// the start screen's form and the accessible prompts all ask it, so that
// all four name one plan.
//
// The later date comes after; of two of one date, the first by path. By
// path, not by when the file last changed: a checkout gives each file the
// time it was written out, so two clones of one repository, or a laptop
// and CI, would name different plans.
func IsLaterReview(a, b PlanInfo) bool {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c > 0
	}
	return a.Path < b.Path
}
