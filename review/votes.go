package review

import "github.com/socialmobility/ladder/plans"

// SetVotes records how the room voted on an item in its final round (from
// phones, `ladder review --room`), beside the rating it agreed; nil clears
// them. Only the counts are kept: the room never passes on who voted.
func (s *Session) SetVotes(itemID string, v *plans.Votes) *Snapshot {
	r, err := s.response(itemID)
	if err != nil || r.Votes.Equal(v) {
		return nil
	}
	r.Votes = v.Clone()
	return s.snapshot(s.itemWords("the room's votes", itemID))
}
