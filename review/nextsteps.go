package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The answers to the next-steps questions, asked in the checklist's order
// (Question(0), Question(1) ...), each with the date it is due by.

// Questions are the next-steps questions, in the order they are asked.
func (s *Session) Questions() []checklist.FollowUp { return s.Checklist().FollowUps }

func (s *Session) answer(followUpID string) (*plans.Answer, error) {
	a := s.Plan().Answer(followUpID)
	if a == nil {
		return nil, fmt.Errorf("no next-steps question %q in the checklist", followUpID)
	}
	return a, nil
}

// questionWords names a question's answer for people: "the answer to
// question 2".
func (s *Session) questionWords(what, followUpID string) string {
	for i, f := range s.Questions() {
		if f.ID == followUpID {
			return fmt.Sprintf("%s to next-steps question %d", what, i+1)
		}
	}
	return what + " to " + followUpID
}

// SetQuestionDue sets the date a question's answer is due by (as SetDue).
func (s *Session) SetQuestionDue(followUpID, text string) (plans.Date, *Snapshot, error) {
	a, err := s.answer(followUpID)
	if err != nil {
		return plans.Date{}, nil, err
	}
	return s.setDue(&a.Due, "question:"+followUpID, text, s.questionWords("the due date", followUpID))
}

// SetText sets the answer to a question answered in free text (several
// lines).
func (s *Session) SetText(followUpID, text string) *Snapshot {
	a, err := s.answer(followUpID)
	if err != nil {
		return nil
	}
	return s.setText(&a.Text, text, CleanText, s.questionWords("the answer", followUpID))
}

// SetAreaAnswer sets the answer for one area to a per-area question (one
// line).
func (s *Session) SetAreaAnswer(followUpID, areaID, text string) *Snapshot {
	a, err := s.answer(followUpID)
	if err != nil {
		return nil
	}
	if _, _, ok := s.Checklist().AreaByID(areaID); !ok {
		return nil
	}
	answer := a.ByArea[areaID]
	if !setCleaned(&answer, text, CleanLine) {
		return nil
	}
	if a.ByArea == nil {
		a.ByArea = map[string]string{}
	}
	a.ByArea[areaID] = answer
	return s.snapshot(s.questionWords("the answer", followUpID))
}

// SetList sets the answers to a list question (the quick wins), in order:
// each cleaned, empty ones and repeats dropped.
func (s *Session) SetList(followUpID string, list []string) *Snapshot {
	a, err := s.answer(followUpID)
	if err != nil {
		return nil
	}
	var clean []string
	for _, t := range list {
		if !slices.Contains(a.List, t) {
			t = CleanLine(t)
		}
		if t != "" && !slices.Contains(clean, t) {
			clean = append(clean, t)
		}
	}
	if slices.Equal(clean, a.List) {
		return nil
	}
	a.List = clean
	return s.snapshot(s.questionWords("the answers", followUpID))
}

// AddToList adds one answer at the end of a list question's answers,
// unless it is there already.
func (s *Session) AddToList(followUpID, text string) *Snapshot {
	a, err := s.answer(followUpID)
	if err != nil {
		return nil
	}
	return s.SetList(followUpID, append(slices.Clone(a.List), text))
}

// Option is an answer offered for a list question.
type Option struct {
	Text string
	From Source
	// ItemID and ItemTitle name the item whose action it is (FromAction).
	ItemID, ItemTitle string
	// Area is the area the action or the suggestion belongs to.
	Area string
	// Credit is where a suggestion's words come from (FromSuggestion).
	Credit string
	// Idea is the room's idea offered (FromRoom); Idea.Waiting while the
	// facilitator has not accepted it.
	Idea IdeaOffer
}

// Source says where an offered answer comes from.
type Source int

const (
	// FromAction is an action written for an item.
	FromAction Source = iota
	// FromSuggestion is one of an area's "If all you do is…" suggestions.
	FromSuggestion
	// FromEarlier is an answer given before that is none of the others.
	FromEarlier
	// FromRoom is an idea sent from a participant's phone (ideas.go):
	// offered until the facilitator accepts or drops it, and an answer
	// that was one once accepted.
	FromRoom
)

// Options are the answers offered for a list question, each once: the
// ideas from the room (first: they are new, and the room is waiting to
// hear what becomes of them; see Ideas), the actions written so far in
// checklist order, then the areas' "If all you do is…" suggestions, then
// the answers given before that are none of these.
func (s *Session) Options(followUpID string) []Option {
	p := s.Plan()
	var out []Option
	seen := map[string]bool{}
	add := func(o Option) {
		if o.Text != "" && !seen[o.Text] {
			seen[o.Text] = true
			out = append(out, o)
		}
	}
	for _, idea := range s.Ideas(followUpID, "") {
		add(Option{Text: idea.Text, From: FromRoom, Idea: idea})
	}
	for _, e := range p.Checklist.Items() {
		add(Option{Text: p.Items[e.Item.ID].Action, From: FromAction, ItemID: e.Item.ID, ItemTitle: e.Item.Title, Area: e.Area.Title})
	}
	for _, area := range p.Checklist.Areas {
		for _, sg := range area.IfAllYouDo {
			add(Option{Text: sg.Text, From: FromSuggestion, Area: area.Title, Credit: sg.Source})
		}
	}
	if a := p.Answer(followUpID); a != nil {
		for _, t := range a.List {
			add(Option{Text: t, From: FromEarlier})
		}
	}
	return out
}

// NextStepsLeft lists the next-steps questions of p with no answer yet,
// by index: the counts, which ladder answers from the ratings, never; a
// due date alone, or text of spaces, is no answer.
func NextStepsLeft(p *plans.Plan) []int {
	var left []int
	for i, f := range p.Checklist.FollowUps {
		if f.Kind != checklist.KindCounts && !answered(f.Kind, p.Answer(f.ID)) {
			left = append(left, i)
		}
	}
	return left
}

// answered reports whether a next-steps answer says anything.
func answered(kind checklist.FollowUpKind, a *plans.Answer) bool {
	if a == nil {
		return false
	}
	switch kind {
	case checklist.KindList:
		return len(a.List) > 0
	case checklist.KindPlan:
		return len(a.Steps) > 0
	case checklist.KindPerArea:
		for _, text := range a.ByArea {
			if strings.TrimSpace(text) != "" {
				return true
			}
		}
		return false
	}
	return strings.TrimSpace(a.Text) != ""
}
