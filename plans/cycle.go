package plans

// NextReviewDue is when the review after one held on held is due: the
// checklist is reviewed and refined once a year, and a team plans the
// next review from the day of the last. ladder status suggests beginning
// it once it is SoonDays away; it is a suggestion, never an overdue
// action, so nothing fails on it.
func NextReviewDue(held Date) Date { return DateOf(held.Time().AddDate(1, 0, 0)) }
