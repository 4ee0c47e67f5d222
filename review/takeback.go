package review

// RatingMark is an item's rating as it was before a rating that may be
// taken back, with the checklist version the plan said it was reviewed
// against, which a rating (a change someone made) records too
// (reviewedAgainstChecklist). The overview takes a rating back when the
// letter after its key shows a word being typed ("order new laptops":
// the r rated the item under the cursor Red).
type RatingMark struct {
	itemID, rating, version string
	// epoch is the file's as the mark was made: after a reload (the
	// person's choice, after someone else changed the file) the plan is
	// theirs, and the mark takes nothing back over it.
	epoch uint64
}

// MarkRating is the item's rating as it is now, to take back to.
func (s *Session) MarkRating(itemID string) RatingMark {
	m := RatingMark{itemID: itemID, version: s.Plan().ChecklistRef.Version, epoch: s.w.epoch}
	if r, err := s.response(itemID); err == nil {
		m.rating = r.Rating
	}
	return m
}

// TakeBack puts the item's rating, and the checklist version the plan was
// reviewed against, back as the mark has them, and returns the snapshot
// to write: the plan as it was before the rating, or nil when it is so
// already (nothing changed since, or the ratings since came back round to
// it, and were written), so that the file is not written for nothing,
// or when the file was reloaded or moved to a copy since the mark: the
// plan is not the one marked.
func (s *Session) TakeBack(m RatingMark) *Snapshot {
	r, err := s.response(m.itemID)
	p := s.Plan()
	if err != nil || m.epoch != s.w.epoch || r.Rating == m.rating && p.ChecklistRef.Version == m.version {
		return nil
	}
	r.Rating = m.rating
	sn := s.snapshot(s.itemWords("the rating taken back", m.itemID))
	// A change taken back is none: the version the plan was reviewed
	// against is as it was, in the plan and in the copy to write.
	p.ChecklistRef.Version = m.version
	if sn != nil {
		sn.plan.ChecklistRef.Version = m.version
	}
	return sn
}
