package review

import "github.com/socialmobility/ladder/checklist"

// Place is where a review is: at an item, at the end of an area (its
// counts), at a next-steps question, or at the end.
type Place struct {
	Kind PlaceKind
	// Index is the item's checklist position (AtItem), the area's index
	// (AtAreaEnd) or the question's index (AtQuestion).
	Index int
}

// PlaceKind says what a Place is.
type PlaceKind int

const (
	AtItem PlaceKind = iota
	AtAreaEnd
	AtQuestion
	AtEnd
)

// Item, AreaEnd, Question and End are the places of a review.
func Item(pos int) Place     { return Place{AtItem, pos} }
func AreaEnd(area int) Place { return Place{AtAreaEnd, area} }
func Question(i int) Place   { return Place{AtQuestion, i} }

// End is the end of the review, after the last question.
var End = Place{Kind: AtEnd}

// Resume is where a review of the plan picks up: its first item not rated;
// when every item is rated, its first next-steps question left to answer
// (NextStepsLeft: a laptop that died in the next steps reopened at the
// end, the questions left below the fold of its summary); else the end
// (from which any item is a step away).
func (s *Session) Resume() Place {
	p := s.Plan()
	if first := p.FirstUnrated(); first >= 0 {
		return Item(first)
	}
	if left := NextStepsLeft(p); len(left) > 0 {
		return Question(left[0])
	}
	return End
}

// RatedWithoutAction lists the items rated below the top of the scale
// (Red or Amber on the built-in one, whose top, Green, needs no action)
// that have no action written, in checklist order. A review stopped between an item's rating
// and its action (the terminal closed at Action) leaves one, and Resume,
// which goes to the first item not rated, passes it by: a front end
// resuming names these, so that the action asked last is not forgotten.
// It is not where the review resumes, since an item may be left without
// an action on purpose (decided later, in the room).
func (s *Session) RatedWithoutAction() []checklist.Entry {
	p := s.Plan()
	top := len(p.Checklist.Scale) - 1
	var out []checklist.Entry
	for _, e := range p.Checklist.Items() {
		r := p.Response(e.Item.ID)
		if r == nil {
			continue
		}
		if _, level, ok := p.Checklist.Level(r.Rating); ok && level < top && r.Action == "" {
			out = append(out, e)
		}
	}
	return out
}

// After is the place after p: the next item, or the end of the area after
// its last item; then the next area's first item, or the next steps
// (Question(0)) after the last area; the next question; the end after the
// last question. A checklist may ask no next-steps questions: Question(0)
// is still where the review says so, on its way to the end.
func (s *Session) After(p Place) Place {
	c := s.Checklist()
	switch p.Kind {
	case AtItem:
		entries := c.Items()
		if len(entries) == 0 {
			return s.afterAreas()
		}
		e := entries[clamp(p.Index, len(entries))]
		if e.Ref.Index == len(e.Area.Items)-1 {
			return AreaEnd(e.Ref.Area)
		}
		return Item(e.Ref.Seq + 1)
	case AtAreaEnd:
		if p.Index+1 < len(c.Areas) {
			return Item(s.firstOfArea(p.Index + 1))
		}
		return s.afterAreas()
	case AtQuestion:
		if p.Index+1 < len(c.FollowUps) {
			return Question(p.Index + 1)
		}
	}
	return End
}

// afterAreas is the first next-steps question, or the end for a
// checklist that asks none (a checklist of one's own may not).
func (s *Session) afterAreas() Place {
	if len(s.Checklist().FollowUps) == 0 {
		return End
	}
	return Question(0)
}

// Before is the place before p, the way the review came: the item before
// (the first item stays where it is), the area's last item before its
// end, the last area's end before the first question, the last question
// (or, with none, the last area's end) before the end.
func (s *Session) Before(p Place) Place {
	c := s.Checklist()
	switch p.Kind {
	case AtItem:
		return Item(max(p.Index-1, 0))
	case AtAreaEnd:
		return Item(s.firstOfArea(p.Index) + len(c.Areas[p.Index].Items) - 1)
	case AtQuestion:
		if p.Index > 0 {
			return Question(p.Index - 1)
		}
		return s.beforeQuestions()
	}
	if len(c.FollowUps) == 0 {
		return s.beforeQuestions()
	}
	return Question(len(c.FollowUps) - 1)
}

func (s *Session) beforeQuestions() Place {
	c := s.Checklist()
	switch {
	case len(c.Areas) > 0:
		return AreaEnd(len(c.Areas) - 1)
	case c.Len() > 0:
		return Item(c.Len() - 1)
	}
	return Item(0)
}

// firstOfArea is the checklist position of an area's first item.
func (s *Session) firstOfArea(area int) int {
	n := 0
	for _, a := range s.Checklist().Areas[:area] {
		n += len(a.Items)
	}
	return n
}

// MoveTo records where the review is. The item the review is at (for
// lists and boards that open on it) follows the last item moved to.
func (s *Session) MoveTo(p Place) {
	if p.Kind == AtItem {
		p.Index = clamp(p.Index, s.Checklist().Len())
		s.item = p.Index
	}
	s.place = p
}

// Place is where the review is (see MoveTo).
func (s *Session) Place() Place { return s.place }

// CurrentItem is the checklist position of the item the review is at: the
// last one moved to, or the one it resumed at.
func (s *Session) CurrentItem() int { return s.item }

// clamp keeps i within [0, n).
func clamp(i, n int) int { return max(min(i, n-1), 0) }

// LeftUnrated is what the step after p leaves behind when it leaves the
// items (p the last area's end: every item is in an area, and the last
// item is followed by its area's end): how many items are not rated and
// the checklist position of the first of them, so that a front end says
// so as the items are left, where a listener who jumped ahead (item N)
// went on to the next steps with the gaps said only in the summary. The
// accessible prompts say it all; the screens' last area summary, which
// counts its own area's gaps apart, the rest of it.
// Anywhere else, or with every item rated, it is 0 and -1.
func (s *Session) LeftUnrated(p Place) (n, first int) {
	if p.Kind != AtAreaEnd || s.After(p).Kind == AtItem {
		return 0, -1
	}
	pl := s.Plan()
	first = pl.FirstUnrated()
	if first < 0 {
		return 0, -1
	}
	_, total := pl.Counts()
	return total.Unrated, first
}
