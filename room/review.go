package room

import (
	"slices"
	"strings"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// What the room decides reaches the review through these, whichever front
// end holds the session (the screens or the accessible prompts): the
// rating agreed after a reveal with the final round's counts, and the
// ideas from phones, offered, accepted or dropped. The room still never
// writes a plan: each returns the session's snapshot for the caller to
// save.

// AgreeIn records a rating given on the item up for a vote while its
// votes are revealed: the phones show it as agreed, and the final round's
// counts go into the session beside the rating. It returns nil when there
// is nothing to record (the votes are not revealed, the item is another,
// nobody voted) or when the plan has those counts already.
//
// A rating given to an item moved away from with its spread revealed
// and not agreed (from the overview) agrees that spread, as on the item:
// the counts went nowhere, and a quit still held them as "no rating
// agreed yet" beside the rating. Back at the item, the phones show the
// spread and the rating agreed, as the plan keeps them.
func (r *Room) AgreeIn(s *review.Session, itemID, rating string) *review.Snapshot {
	votes, ok := r.revealedFor(itemID)
	if !ok {
		if votes, ok = r.agreeLeft(itemID); ok {
			return s.SetVotes(itemID, votes)
		}
		return nil
	}
	r.Agree(itemID, rating)
	return s.SetVotes(itemID, votes)
}

// agreeLeft lets go of the round of an item moved away from, when its
// spread was revealed, and returns the spread for the plan.
func (r *Room) agreeLeft(itemID string) (*plans.Votes, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	held, ok := r.left[itemID]
	if !ok || held.revealed == nil || held.revealed.Total() == 0 {
		return nil, false
	}
	delete(r.left, itemID)
	return held.revealed.Clone(), true
}

// revealedFor returns the revealed counts of the item up for a vote, if
// anyone voted.
func (r *Room) revealedFor(itemID string) (*plans.Votes, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.phase != Revealed || r.itemID != itemID || r.revealed == nil || r.revealed.Total() == 0 {
		return nil, false
	}
	return r.revealed.Clone(), true
}

// OfferIdeas tells the session which ideas from phones are waiting (those
// of a Status the caller read), and tells the room which of them the
// session settled by itself: one the answer holds already, or sent twice.
//
// An idea another phone sent first, still waiting, is not offered: it
// waits unseen beside the first and goes the way the first goes,
// accepted, dropped or taken back out with it (settleWithCopies). Offered,
// the session settled it at once as taken, and its phone said "Accepted"
// before the facilitator had decided anything.
func (r *Room) OfferIdeas(s *review.Session, ideas []Idea) {
	var waiting []review.RoomIdea
	for i, idea := range ideas {
		if copyBefore(ideas, i) {
			continue
		}
		waiting = append(waiting, review.RoomIdea{ID: idea.ID, QuestionID: idea.QuestionID, AreaID: idea.Area, Text: idea.Text})
	}
	for _, id := range s.OfferIdeas(waiting) {
		r.settleIdea(id, true) // the answer holds it already
	}
}

// AcceptIdea puts an idea from a phone into its answer in the session;
// the room hears it is decided, and the phone that sent it stops listing
// it as waiting. ok is false for an idea the session does not know.
func (r *Room) AcceptIdea(s *review.Session, id int) (sn *review.Snapshot, ok bool) {
	sn, ok = s.AcceptIdea(id)
	if ok {
		r.settleWithCopies(id, true) // waiting, or put back after being taken out
	}
	return sn, ok
}

// WithdrawIdea takes an accepted idea from a phone back out of its answer
// (it stays offered, as in the session); the phone that sent it is told
// it is not taken, until it is accepted again.
func (r *Room) WithdrawIdea(s *review.Session, id int) *review.Snapshot {
	sn := s.WithdrawIdea(id)
	if sn != nil {
		r.settleWithCopies(id, false)
	}
	return sn
}

// DropIdea forgets an idea from a phone, in the session and in the room,
// with the copies other phones sent of it (OfferIdeas). It reports
// whether the session knew it.
func (r *Room) DropIdea(s *review.Session, id int) bool {
	ok := s.DropIdea(id)
	r.settleWithCopies(id, false)
	return ok
}

// settleWithCopies settles an idea and its copies from other phones
// together (copiesOf): they are one idea to the facilitator, so every
// phone that sent it hears the same of it, accepted, dropped or taken back
// out.
func (r *Room) settleWithCopies(id int, taken bool) {
	idea, known := r.knownIdea(id)
	r.settleIdea(id, taken)
	if !known {
		return
	}
	for _, copy := range r.copiesOf(idea) {
		r.settleIdea(copy, taken)
	}
}

// sameIdea reports whether two ideas are the same words for the same
// question (and area), in any capitals.
func sameIdea(a, b Idea) bool {
	return a.QuestionID == b.QuestionID && a.Area == b.Area && strings.EqualFold(a.Text, b.Text)
}

// copyBefore reports whether ideas[i] is a copy of an idea before it
// (sameIdea): the facilitator sees only the first, and counts it once.
func copyBefore(ideas []Idea, i int) bool {
	return slices.ContainsFunc(ideas[:i], func(o Idea) bool { return sameIdea(o, ideas[i]) })
}

// Follow puts up what the session is at: its item for a vote, a
// next-steps question that takes ideas for ideas; anything else (an
// area's counts, a question phones cannot help with, the end) leaves the
// phones waiting.
//
// Moving away from an item whose vote again nobody has voted in yet keeps
// the round set aside as the item's result (KeepLastRound), and returns
// it: the round was lost without a word.
func (r *Room) Follow(s *review.Session) (kept KeptRound, ok bool) {
	if id := r.setAsideOn(); id != "" {
		if p := s.Place(); p.Kind != review.AtItem || s.Checklist().Items()[p.Index].Item.ID != id {
			kept, ok = r.KeepLastRound(s)
		}
	}
	switch p := s.Place(); p.Kind {
	case review.AtItem:
		id := s.Checklist().Items()[p.Index].Item.ID
		if res := s.Plan().Response(id); res != nil {
			r.Recall(id, res.Rating, res.Votes)
			return
		}
		r.Vote(id)
	case review.AtQuestion:
		if qs := s.Questions(); p.Index < len(qs) && review.TakesIdeas(qs[p.Index]) {
			r.Ask(qs[p.Index].ID)
			return
		}
		r.Pause()
	default:
		r.Pause()
	}
	return kept, ok
}

// setAsideOn is the item whose vote again nobody has voted in yet, with
// a round set aside to go back to; "" when there is none.
func (r *Room) setAsideOn() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.phase != Voting || r.setAside == nil || len(r.votes) > 0 {
		return ""
	}
	return r.itemID
}

// KeptRound is the round a vote again set aside, brought back as its
// item's result because nobody voted in the new round.
type KeptRound struct {
	ItemID string
	Votes  *plans.Votes
	// Agreed is the rating the round stands with: the one agreed on it,
	// or the one given during the vote again; "" when none is.
	Agreed string
	// Snapshot is the session with the round's counts beside that rating,
	// for the caller to save; nil when the plan held them already.
	Snapshot *review.Snapshot
}

// KeepLastRound brings back the round a vote again (Revote) set aside,
// while nobody has voted in the new round, as BackToLastRound does, for
// the facilitator moving on or quitting: the spread is the item's result
// again, as V back makes it. A round agreed before stands with the
// rating given to the item during the vote again, the counts beside it
// in the session (the phones show that rating agreed); with the rating
// cleared since, the spread is left to agree again. A round not agreed
// stays so, its spread to agree when the facilitator comes back: a
// rating the item had, or was given meanwhile, was never agreed on it.
// ok is false when there is no such round.
func (r *Room) KeepLastRound(s *review.Session) (kept KeptRound, ok bool) {
	votes, ok := r.BackToLastRound()
	if !ok {
		return KeptRound{}, false
	}
	st := r.Status()
	kept = KeptRound{ItemID: st.ItemID, Votes: votes, Agreed: st.Agreed}
	if st.Agreed == "" {
		return kept, true
	}
	rating := ""
	if res := s.Plan().Response(st.ItemID); res != nil {
		rating = res.Rating
	}
	if _, _, rated := r.checklist.Level(rating); rated && rating != st.Agreed {
		kept.Snapshot, kept.Agreed = r.AgreeIn(s, st.ItemID, rating), rating
	} else if !rated {
		r.Recall(st.ItemID, rating, votes) // the agreement goes, the spread stays
		kept.Agreed = ""
	}
	return kept, true
}

// LeftWords names, for a quit, the votes left on items moved away from
// (Status.Left), which the room keeps in memory only: "the votes on items
// 1 and 4, no rating agreed yet", and on items the plan rates without
// them (rated at once while the room voted, or before: "no rating agreed
// yet" beside a rating read as a mistake), "the votes on item 2, rated
// ● Green without them", the rating said where one item has it; "" for
// none. The screens and the accessible prompts say it alike but name
// items and ratings each their own way: items (given the ids the
// checklist knows) and rating say them.
func (s Status) LeftWords(p *plans.Plan, items func(ids []string) string, rating func(level string) string) string {
	if len(s.Left) == 0 {
		return ""
	}
	c := p.Checklist
	var unrated, rated []string
	level := ""
	for _, id := range s.Left {
		if _, _, ok := c.Item(id); !ok {
			continue
		}
		if res := p.Response(id); res != nil {
			if _, _, ok := c.Level(res.Rating); ok {
				rated, level = append(rated, id), res.Rating
				continue
			}
		}
		unrated = append(unrated, id)
	}
	var words []string
	if len(unrated) > 0 {
		words = append(words, "the votes on "+items(unrated)+", no rating agreed yet")
	}
	switch len(rated) {
	case 0:
	case 1:
		words = append(words, "the votes on "+items(rated)+", rated "+rating(level)+" without them")
	default:
		words = append(words, "the votes on "+items(rated)+", rated without them")
	}
	return strings.Join(words, ", and ")
}
