package plans

import (
	"errors"
	"reflect"
	"slices"
	"strconv"

	"github.com/socialmobility/ladder/checklist"
)

// Merge is the three-way merge of a plan that two people changed on two
// branches, field by field, for ladder's git merge driver (ladder merge).
// Git merges a plan by its lines, and two people who each add a quick win
// or a project-plan step add them at the same place, the end of the list:
// git stops with a conflict over two additions that never disagreed. Here
// each item's rating (with its votes), action, owner, due date, status and
// notes, each answer, each area's answer and each step's fields (steps
// followed by their ids) is taken from the side that changed it; entries
// added to a list on either side are all kept, and one removed on either
// side is removed. Only a field both sides changed, to different values
// (or a step one side removed and the other changed), is a conflict.
//
// The result is three encodings, the same but at the conflicts: Ours with
// ours' values there, Theirs with theirs', Base with the base's. With no
// conflict the three are the merged plan; with conflicts the driver merges
// the three by their lines, which puts git's markers around exactly those
// fields. Comments people wrote are kept from the side that changed them;
// when both sides changed comments, ErrCommentsChangedOnBothSides says the
// merge cannot be made here without losing one side's.
type Merged struct {
	Ours, Base, Theirs []byte
	// Conflicts says what both sides changed, one phrase each, in file
	// order: `the due date of "Develop a clear vision for your D&I
	// strategy"`. Checklist text: made safe where it is shown.
	Conflicts []string
}

// ErrCommentsChangedOnBothSides is Merge's answer to two branches that both
// changed the comments people wrote in the plan.
var ErrCommentsChangedOnBothSides = errors.New("both sides changed the comments written in the plan")

// ErrNotTheSamePlan is Merge's answer to sides that follow different
// checklists (or versions of one): their items cannot be matched up.
var ErrNotTheSamePlan = errors.New("the two sides follow different checklists")

// Merge merges ours and theirs, both changed from base (see Merged). The
// three were loaded with their checklists; ours' checklist is the merge's.
func Merge(base, ours, theirs *Plan) (Merged, error) {
	if ours.ChecklistRef != base.ChecklistRef || theirs.ChecklistRef != base.ChecklistRef ||
		ours.Schema != theirs.Schema {
		return Merged{}, ErrNotTheSamePlan
	}
	comments := ours.comments
	switch {
	case sameComments(theirs.comments, base.comments):
	case sameComments(ours.comments, base.comments):
		comments = theirs.comments
	default:
		return Merged{}, ErrCommentsChangedOnBothSides
	}
	m := &planMerger{b: base, o: ours, t: theirs, rb: ours.Clone(), ro: ours.Clone(), rt: ours.Clone()}
	m.header()
	for _, e := range ours.Checklist.Items() {
		m.item(e.Item)
	}
	for _, f := range ours.Checklist.FollowUps {
		m.followUp(f.ID, f.Question)
	}
	var out Merged
	for _, r := range []*Plan{m.rb, m.ro, m.rt} {
		r.comments = comments
	}
	out.Ours, out.Base, out.Theirs = Encode(m.ro), Encode(m.rb), Encode(m.rt)
	out.Conflicts = m.conflicts
	return out, nil
}

func sameComments(a, b *fileComments) bool {
	var la, lb []handComment
	if a != nil {
		la = a.list
	}
	if b != nil {
		lb = b.list
	}
	return slices.Equal(la, lb)
}

// planMerger holds the three sides and the three results: rb, ro and rt are
// the same plan but at a conflict, where each has its own side's value.
type planMerger struct {
	b, o, t    *Plan
	rb, ro, rt *Plan
	conflicts  []string
}

// three merges one value: the side that changed it wins; both changed it
// alike, either; both differently, a conflict, each result its own side's.
func three[T any](m *planMerger, what string, eq func(a, b T) bool, b, o, t T) (rb, ro, rt T) {
	switch {
	case eq(o, t), eq(t, b):
		return o, o, o
	case eq(o, b):
		return t, t, t
	}
	m.conflicts = append(m.conflicts, what)
	return b, o, t
}

func same[T comparable](a, b T) bool { return a == b }

func (m *planMerger) header() {
	m.rb.Organisation, m.ro.Organisation, m.rt.Organisation = three(m, "the organisation", same, m.b.Organisation, m.o.Organisation, m.t.Organisation)
	m.rb.Title, m.ro.Title, m.rt.Title = three(m, "the title", same, m.b.Title, m.o.Title, m.t.Title)
	m.rb.Date, m.ro.Date, m.rt.Date = three(m, "the date", same, m.b.Date, m.o.Date, m.t.Date)
	m.rb.Facilitator, m.ro.Facilitator, m.rt.Facilitator = three(m, "the facilitator", same, m.b.Facilitator, m.o.Facilitator, m.t.Facilitator)
	parts := mergeList(m.b.Participants, m.o.Participants, m.t.Participants)
	m.rb.Participants, m.ro.Participants, m.rt.Participants = parts, slices.Clone(parts), slices.Clone(parts)
	m.rb.PreviousReview, m.ro.PreviousReview, m.rt.PreviousReview = three(m, "previous_review", same, m.b.PreviousReview, m.o.PreviousReview, m.t.PreviousReview)
	m.rb.NextReview, m.ro.NextReview, m.rt.NextReview = three(m, "next_review", same, m.b.NextReview, m.o.NextReview, m.t.NextReview)
}

// rated is an item's rating with the room's votes that led to it: one
// value, as a rating agreed after a vote goes with that vote.
type rated struct {
	rating string
	votes  *Votes
}

func sameRated(a, b rated) bool { return a.rating == b.rating && reflect.DeepEqual(a.votes, b.votes) }

func (m *planMerger) item(it *checklist.Item) {
	id := it.ID
	b, o, t := m.b.Response(id), m.o.Response(id), m.t.Response(id)
	rb, ro, rt := m.rb.Items[id], m.ro.Items[id], m.rt.Items[id]
	of := " of " + strconv.Quote(it.Title)
	var vb, vo, vt rated
	vb, vo, vt = three(m, "the rating"+of, sameRated, rated{b.Rating, b.Votes}, rated{o.Rating, o.Votes}, rated{t.Rating, t.Votes})
	rb.Rating, rb.Votes = vb.rating, vb.votes.Clone()
	ro.Rating, ro.Votes = vo.rating, vo.votes.Clone()
	rt.Rating, rt.Votes = vt.rating, vt.votes.Clone()
	rb.Revisit, ro.Revisit, rt.Revisit = three(m, "the revisit flag"+of, same, b.Revisit, o.Revisit, t.Revisit)
	rb.Action, ro.Action, rt.Action = three(m, "the action"+of, same, b.Action, o.Action, t.Action)
	rb.Owner, ro.Owner, rt.Owner = three(m, "the owner"+of, same, b.Owner, o.Owner, t.Owner)
	rb.Due, ro.Due, rt.Due = three(m, "the due date"+of, same, b.Due, o.Due, t.Due)
	rb.Status, ro.Status, rt.Status = three(m, "the status"+of, same, b.Status, o.Status, t.Status)
	rb.Notes, ro.Notes, rt.Notes = three(m, "the notes"+of, same, b.Notes, o.Notes, t.Notes)
}

func (m *planMerger) followUp(id, question string) {
	b, o, t := m.b.Answer(id), m.o.Answer(id), m.t.Answer(id)
	rb, ro, rt := m.rb.Answer(id), m.ro.Answer(id), m.rt.Answer(id)
	to := " to " + strconv.Quote(question)
	rb.Text, ro.Text, rt.Text = three(m, "the answer"+to, same, b.Text, o.Text, t.Text)
	list := mergeList(b.List, o.List, t.List)
	rb.List, ro.List, rt.List = list, slices.Clone(list), slices.Clone(list)
	var areas []string
	for _, byArea := range []map[string]string{o.ByArea, t.ByArea, b.ByArea} {
		for k := range byArea {
			if !slices.Contains(areas, k) {
				areas = append(areas, k)
			}
		}
	}
	slices.Sort(areas)
	if len(areas) > 0 {
		rb.ByArea, ro.ByArea, rt.ByArea = map[string]string{}, map[string]string{}, map[string]string{}
	}
	for _, a := range areas {
		vb, vo, vt := three(m, "the "+a+" answer"+to, same, b.ByArea[a], o.ByArea[a], t.ByArea[a])
		setArea(rb.ByArea, a, vb)
		setArea(ro.ByArea, a, vo)
		setArea(rt.ByArea, a, vt)
	}
	rb.Due, ro.Due, rt.Due = three(m, "the due date"+to, same, b.Due, o.Due, t.Due)
	if reordered(b.Steps, t.Steps, stepID) && !reordered(b.Steps, o.Steps, stepID) {
		// Theirs alone moved steps: the merge takes their order, ours'
		// new steps placed as theirs' would be.
		rb.Steps, rt.Steps, ro.Steps = m.steps(b.Steps, t.Steps, o.Steps)
		return
	}
	rb.Steps, ro.Steps, rt.Steps = m.steps(b.Steps, o.Steps, t.Steps)
}

func stepID(s Step) int { return s.ID }

func setArea(byArea map[string]string, area, v string) {
	if v != "" {
		byArea[area] = v
	}
}

// mergeList merges a list of words (the quick wins, the participants):
// ours in its order, less what theirs removed, with what theirs added
// after the entry it follows in theirs; or, when theirs alone moved
// entries, theirs' order with ours' additions placed so. An entry is
// matched by its words and by how many alike come before it, so one
// reworded on a side is that side's removal and addition, and one
// written a second time is an addition.
func mergeList(b, o, t []string) []string {
	out := mergeEntries(counted(b), counted(o), counted(t))
	if len(out) == 0 {
		return nil
	}
	words := make([]string, len(out))
	for i, e := range out {
		words[i] = e.words
	}
	return words
}

// listEntry is one entry of a list of words: its words, and how many entries
// with the same words come before it (0 for the first).
type listEntry struct {
	words string
	alike int
}

func counted(list []string) []listEntry {
	seen := map[string]int{}
	out := make([]listEntry, len(list))
	for i, s := range list {
		out[i] = listEntry{s, seen[s]}
		seen[s]++
	}
	return out
}

func itself[T any](v T) T { return v }

func mergeEntries(b, o, t []listEntry) []listEntry {
	if reordered(b, t, itself[listEntry]) && !reordered(b, o, itself[listEntry]) {
		o, t = t, o
	}
	inB, inO, inT := setOf(b, itself[listEntry]), setOf(o, itself[listEntry]), setOf(t, itself[listEntry])
	out := make([]listEntry, 0, len(o)+len(t))
	for _, s := range o {
		if inB[s] && !inT[s] {
			continue // removed on theirs
		}
		out = append(out, s)
	}
	var added []addition[listEntry]
	for i, s := range t {
		if !inB[s] && !inO[s] {
			added = append(added, addition[listEntry]{i, s})
		}
	}
	return insertAfter(out, itself[listEntry], t, added)
}

// setOf is the set of the keys of list's entries.
func setOf[E any, K comparable](list []E, key func(E) K) map[K]bool {
	in := make(map[K]bool, len(list))
	for _, e := range list {
		in[key(e)] = true
	}
	return in
}

// addition is an entry of theirs to put in the merge, and where it is in
// theirs.
type addition[E any] struct {
	i int
	e E
}

// insertAfter puts each of theirs' additions (theirs names its entries by
// key; the additions in theirs' order) after the last entry before it in
// theirs that the merge holds, out's or an addition's, or first when
// there is none; and after the entries following that one which theirs
// has not (ours' own additions at the same place, which come first). A
// list's entries are their own keys; the merged steps' slots are keyed by
// their ids. One pass over each list, with set look-ups: a branch can
// bring tens of thousands of entries.
func insertAfter[E any, K comparable](out []E, key func(E) K, theirs []K, added []addition[E]) []E {
	if len(added) == 0 {
		return out
	}
	inOut, inTheirs := setOf(out, key), setOf(theirs, itself[K])
	// The additions that follow each entry of out (by its key), and those
	// before any.
	var first []E
	after := map[K][]E{}
	var at *K // the key of out's entry the last entry held follows, nil for first
	next := 0
	for j, k := range theirs {
		switch {
		case next < len(added) && added[next].i == j:
			if at == nil {
				first = append(first, added[next].e)
			} else {
				after[*at] = append(after[*at], added[next].e)
			}
			next++
		case inOut[k]:
			at = &theirs[j]
		}
	}
	merged := make([]E, 0, len(out)+len(added))
	i := 0
	oursOwn := func() { // out's entries from i that theirs has not
		for ; i < len(out) && !inTheirs[key(out[i])]; i++ {
			merged = append(merged, out[i])
		}
	}
	oursOwn()
	merged = append(merged, first...)
	for i < len(out) {
		e := out[i]
		merged = append(merged, e)
		i++
		if adds, ok := after[key(e)]; ok {
			oursOwn()
			merged = append(merged, adds...)
		}
	}
	return merged
}

// stepSlot is one step of the merged project plan, as each result has it
// (nil: that result does not have it).
type stepSlot struct {
	id         int
	rb, ro, rt *Step
}

// steps merges the project plan's steps by their ids: ours' order, with
// theirs' new steps after the step they follow in theirs. (When both
// sides moved steps, ours' order stands.)
func (m *planMerger) steps(b, o, t []Step) (rb, ro, rt []Step) {
	byID := func(steps []Step) map[int]Step {
		m := make(map[int]Step, len(steps))
		for _, s := range steps {
			m[s.ID] = s
		}
		return m
	}
	bIDs, oIDs, tIDs := byID(b), byID(o), byID(t)
	find := func(steps map[int]Step, id int) *Step {
		if s, ok := steps[id]; ok {
			return &s
		}
		return nil
	}
	var slots []stepSlot
	for _, s := range o {
		bs, ts := find(bIDs, s.ID), find(tIDs, s.ID)
		os := s
		switch {
		case bs != nil && ts == nil: // removed on theirs
			if reflect.DeepEqual(*bs, os) {
				continue
			}
			m.conflicts = append(m.conflicts, "the step "+strconv.Quote(os.Text)+": changed on one side, removed on the other")
			slots = append(slots, stepSlot{id: s.ID, rb: bs, ro: &os})
		default:
			var base Step
			if bs != nil {
				base = *bs
			}
			if ts == nil {
				ts = &os // ours' own new step
				base = os
			}
			sb, so, st := m.step(base, os, *ts)
			slots = append(slots, stepSlot{id: s.ID, rb: &sb, ro: &so, rt: &st})
		}
	}
	theirIDs := make([]int, len(t))
	for i, s := range t {
		theirIDs[i] = s.ID
	}
	var added []addition[stepSlot]
	for i, s := range t {
		if find(oIDs, s.ID) != nil {
			continue
		}
		ts := s
		slot := stepSlot{id: s.ID, rb: &ts, ro: &ts, rt: &ts}
		if bs := find(bIDs, s.ID); bs != nil { // removed on ours
			if reflect.DeepEqual(*bs, ts) {
				continue
			}
			m.conflicts = append(m.conflicts, "the step "+strconv.Quote(ts.Text)+": changed on one side, removed on the other")
			slot = stepSlot{id: s.ID, rb: bs, rt: &ts}
		}
		added = append(added, addition[stepSlot]{i, slot})
	}
	slots = insertAfter(slots, slotID, theirIDs, added)
	for _, s := range slots {
		rb = appendStep(rb, s.rb)
		ro = appendStep(ro, s.ro)
		rt = appendStep(rt, s.rt)
	}
	return rb, ro, rt
}

func slotID(s stepSlot) int { return s.id }

func appendStep(steps []Step, s *Step) []Step {
	if s == nil {
		return steps
	}
	return append(steps, *s)
}

// step merges one step's fields.
func (m *planMerger) step(b, o, t Step) (rb, ro, rt Step) {
	rb, ro, rt = o, o, o
	name := o.Text
	if name == "" {
		name = t.Text
	}
	of := " of the step " + strconv.Quote(name)
	rb.Text, ro.Text, rt.Text = three(m, "the words"+of, same, b.Text, o.Text, t.Text)
	rb.Owner, ro.Owner, rt.Owner = three(m, "the owner"+of, same, b.Owner, o.Owner, t.Owner)
	rb.Due, ro.Due, rt.Due = three(m, "the due date"+of, same, b.Due, o.Due, t.Due)
	rb.Status, ro.Status, rt.Status = three(m, "the status"+of, same, b.Status, o.Status, t.Status)
	rb.From, ro.From, rt.From = three(m, "the item it came from"+of, same, b.From, o.From, t.From)
	return rb, ro, rt
}
