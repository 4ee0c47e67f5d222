package review

import (
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// Ideas from the room: during the next-steps questions, participants send
// ideas from their phones (package room collects them). Each is offered in
// the question's answer like the other suggestions, marked as from the
// room, until the facilitator accepts it into the answer or drops it;
// nothing reaches the plan before that. The room keeps the ideas waiting
// (it caps them per phone and shows each phone its own); the session is
// told which are waiting (OfferIdeas) and keeps, for as long as it runs,
// the ones accepted, so that they stay labelled as the room's.

// RoomIdea is an idea sent from a phone for a next-steps question.
type RoomIdea struct {
	// ID is the room's number for the idea, unique in a review.
	ID         int
	QuestionID string
	// AreaID is the area it is for, on a per-area question.
	AreaID string
	// Text is what was sent, already plain (no control characters).
	Text string
}

// IdeaOffer is an idea as a question offers it: Chosen when it is in the
// answer; Waiting while the room still holds it (not yet accepted or
// dropped).
type IdeaOffer struct {
	RoomIdea
	Chosen, Waiting bool
}

// TakesIdeas reports whether phones are asked for ideas on a question:
// the quick wins, who to speak with, the decision makers. The counts come
// from the ratings, and a project plan's steps want an owner and a date
// that an idea from a phone does not have.
func TakesIdeas(f checklist.FollowUp) bool {
	switch f.Kind {
	case checklist.KindList, checklist.KindPerArea, checklist.KindText:
		return true
	}
	return false
}

// OfferIdeas tells the session which ideas the room holds waiting for the
// facilitator, oldest first (all questions together). It replaces what it
// was told before. An idea the answer holds already, or the same words as
// one offered before it (in any capitals), is settled at once: settled
// are their numbers, for the caller to tell the room they are decided
// (nothing in the plan changes).
func (s *Session) OfferIdeas(waiting []RoomIdea) (settled []int) {
	s.ideas.waiting = s.ideas.waiting[:0]
	for _, idea := range waiting {
		same := func(r RoomIdea) bool {
			return r.ID == idea.ID || (r.QuestionID == idea.QuestionID && r.AreaID == idea.AreaID && strings.EqualFold(r.Text, idea.Text))
		}
		switch {
		case slices.ContainsFunc(s.ideas.waiting, same), slices.ContainsFunc(s.ideas.kept, same):
			settled = append(settled, idea.ID)
		case s.inAnswer(idea):
			s.keep(idea)
			settled = append(settled, idea.ID)
		default:
			s.ideas.waiting = append(s.ideas.waiting, idea)
		}
	}
	return settled
}

// ideaState is what the session knows of the room's ideas.
type ideaState struct {
	waiting []RoomIdea // held by the room, not decided yet
	kept    []RoomIdea // accepted in this session and not dropped since
}

// idea finds an idea the session knows by its number.
func (s *Session) idea(id int) (RoomIdea, bool) {
	for _, list := range [][]RoomIdea{s.ideas.waiting, s.ideas.kept} {
		if i := slices.IndexFunc(list, func(r RoomIdea) bool { return r.ID == id }); i >= 0 {
			return list[i], true
		}
	}
	return RoomIdea{}, false
}

// Ideas are the ideas offered for a question (for one area of a per-area
// question), in the order they were sent: those waiting, and those
// accepted in this session, chosen while the answer holds them.
func (s *Session) Ideas(followUpID, areaID string) []IdeaOffer {
	var out []IdeaOffer
	add := func(list []RoomIdea, waiting bool) {
		for _, idea := range list {
			if idea.QuestionID == followUpID && idea.AreaID == areaID {
				out = append(out, IdeaOffer{RoomIdea: idea, Waiting: waiting, Chosen: s.inAnswer(idea)})
			}
		}
	}
	add(s.ideas.waiting, true)
	add(s.ideas.kept, false)
	slices.SortFunc(out, func(a, b IdeaOffer) int { return a.ID - b.ID })
	return out
}

// WaitingIdeas counts the ideas waiting for a question, every area
// together.
func (s *Session) WaitingIdeas(followUpID string) int {
	n := 0
	for _, idea := range s.ideas.waiting {
		if idea.QuestionID == followUpID {
			n++
		}
	}
	return n
}

// AcceptIdea puts an idea into the answer to its question, the way the
// question takes answers: a quick win added to the list, a name added to
// an area's answer ("; " between), a line added to a text answer. The
// session keeps it as accepted, and the caller tells the room it is
// decided. ok is false for an idea the session does not know; the
// snapshot is nil when the answer already held it.
func (s *Session) AcceptIdea(id int) (sn *Snapshot, ok bool) {
	idea, ok := s.idea(id)
	if !ok {
		return nil, false
	}
	s.keep(idea)
	if s.inAnswer(idea) {
		return nil, true
	}
	a := s.Plan().Answer(idea.QuestionID)
	if a == nil {
		return nil, true
	}
	f, _ := s.Checklist().FollowUp(idea.QuestionID)
	switch f.Kind {
	case checklist.KindList:
		return s.AddToList(f.ID, idea.Text), true
	case checklist.KindPerArea:
		answer := a.ByArea[idea.AreaID]
		have := parts(answer, areaSep)
		for _, name := range parts(idea.Text, areaSep) {
			// "Ana; Ben" into an answer naming Ana already adds Ben alone.
			if !holds(have, name) {
				answer = joinPart(answer, name, areaSep)
				have = append(have, name)
			}
		}
		return s.SetAreaAnswer(f.ID, idea.AreaID, answer), true
	case checklist.KindText:
		return s.SetText(f.ID, joinPart(a.Text, idea.Text, lineSep)), true
	}
	return nil, true
}

// WithdrawIdea takes an accepted idea out of the answer again; it stays
// offered (not chosen) until dropped, as an action unchosen stays offered
// among the quick wins.
func (s *Session) WithdrawIdea(id int) *Snapshot {
	idea, ok := s.idea(id)
	if !ok || !s.inAnswer(idea) {
		return nil
	}
	s.keep(idea)
	a := s.Plan().Answer(idea.QuestionID)
	f, _ := s.Checklist().FollowUp(idea.QuestionID)
	switch f.Kind {
	case checklist.KindList:
		return s.SetList(f.ID, slices.DeleteFunc(slices.Clone(a.List), func(t string) bool { return strings.EqualFold(t, idea.Text) }))
	case checklist.KindPerArea:
		return s.SetAreaAnswer(f.ID, idea.AreaID, dropPart(a.ByArea[idea.AreaID], idea.Text, areaSep))
	case checklist.KindText:
		return s.SetText(f.ID, dropPart(a.Text, idea.Text, lineSep))
	}
	return nil
}

// DropIdea forgets an idea: it is no longer offered. The answer is left
// as it is (a chosen idea is withdrawn first); the caller tells the room
// it is decided.
func (s *Session) DropIdea(id int) bool {
	_, ok := s.idea(id)
	match := func(r RoomIdea) bool { return r.ID == id }
	s.ideas.waiting = slices.DeleteFunc(s.ideas.waiting, match)
	s.ideas.kept = slices.DeleteFunc(s.ideas.kept, match)
	return ok
}

// keep moves an idea from those waiting to those accepted here.
func (s *Session) keep(idea RoomIdea) {
	s.ideas.waiting = slices.DeleteFunc(s.ideas.waiting, func(r RoomIdea) bool { return r.ID == idea.ID })
	if !slices.ContainsFunc(s.ideas.kept, func(r RoomIdea) bool { return r.ID == idea.ID }) {
		s.ideas.kept = append(s.ideas.kept, idea)
	}
}

// inAnswer reports whether the answer to the idea's question holds it: a
// quick win of its text, a part of the area's answer, a line of the text,
// in any capitals (as OfferIdeas compares ideas).
func (s *Session) inAnswer(idea RoomIdea) bool {
	a := s.Plan().Answer(idea.QuestionID)
	if a == nil {
		return false
	}
	f, _ := s.Checklist().FollowUp(idea.QuestionID)
	switch f.Kind {
	case checklist.KindList:
		return holds(a.List, idea.Text)
	case checklist.KindPerArea:
		// "Ana; Ben" from a phone is two names in the area's answer.
		have, names := parts(a.ByArea[idea.AreaID], areaSep), parts(idea.Text, areaSep)
		return len(names) > 0 && !slices.ContainsFunc(names, func(name string) bool { return !holds(have, name) })
	case checklist.KindText:
		return holds(parts(a.Text, lineSep), idea.Text)
	}
	return false
}

// holds reports whether one of the parts is the given one in any
// capitals, as ideas are compared.
func holds(parts []string, part string) bool {
	return slices.ContainsFunc(parts, func(p string) bool { return strings.EqualFold(p, part) })
}

// How an idea joins an answer written as text: a name among an area's
// names (one line, "; " between), a line of a text answer.
const (
	areaSep = "; "
	lineSep = "\n"
)

// parts splits an answer into the parts ideas are joined as, each
// trimmed: at ";" for an area's names, at line ends for a text.
func parts(text, sep string) []string {
	var out []string
	for _, p := range strings.Split(text, cutAt(sep)) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func cutAt(sep string) string {
	if sep == areaSep {
		return ";"
	}
	return lineSep
}

// joinPart adds a part at the end of an answer.
func joinPart(text, part, sep string) string {
	if strings.TrimSpace(text) == "" {
		return part
	}
	return strings.TrimRight(text, " \n") + sep + part
}

// dropPart takes every part equal to part (in any capitals; each of its
// own parts, for an idea of two names) out of an answer, leaving the other
// parts as they were written.
func dropPart(text, part, sep string) string {
	cut := cutAt(sep)
	drop := parts(part, sep)
	var kept []string
	for _, p := range strings.Split(text, cut) {
		if !holds(drop, strings.TrimSpace(p)) {
			kept = append(kept, p)
		}
	}
	return strings.TrimSpace(strings.Join(kept, cut))
}
