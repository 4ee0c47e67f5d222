package plans

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// Diff is what changed between two versions of a plan, in the terms a
// reviewer thinks in: ratings that moved, actions re-owned or re-dated,
// answers rewritten, steps added, and what that did to the counts.
//
// Items, follow-ups and areas are matched by their ids and project-plan
// steps by their stable step ids, so an edited or reordered step shows as
// changed, not as one removed and one added.
type Diff struct {
	Old, New *Plan
	// Review holds changes to the plan's own details (title, date, ...).
	Review []FieldChange
	// Items holds every item that changed, in the new checklist's order;
	// items only in the old plan's checklist come last.
	Items     []ItemChange
	FollowUps []FollowUpChange
	// Counts has one entry per area of either plan, then the total.
	Counts []CountsChange
}

// FileChange is what happened to one plan file between two versions of a
// folder (or between two files): added, removed, or changed, perhaps
// renamed on the way.
type FileChange struct {
	// Path is the file's name now; for a removed plan, its name then.
	Path string
	// RenamedFrom is the file's name in the old version, when it was
	// renamed.
	RenamedFrom string
	// OldName and NewName say which versions are compared, as a heading
	// shows them: "plans/acme.yaml at HEAD~1 (1a2b3c4)", "plans/acme.yaml".
	// For a plan added or removed, OldName names the revision it was not,
	// or was, in: "HEAD~1 (1a2b3c4)".
	OldName, NewName string
	// Old is nil for an added plan, New for a removed one.
	Old, New *Plan
	// OldDidNotLoad says Old is nil because the plan was there but did not
	// load (a change that mends it): New is summed up as a new plan is.
	OldDidNotLoad bool
	// Previous is the plan that New names as its previous review, when it
	// could be read (for a diff since a revision, as it was then), and
	// PreviousName names it as shown: a diff says what New carried on
	// from it (CompareCarried). Nil when New names none.
	Previous     *Plan
	PreviousName string
	// PreviousNow is that plan as the change leaves it (for a diff since a
	// revision, the work tree's), when it was read: what was done in the
	// change is neither carried on nor left behind. Nil when Previous is
	// the only version (two files compared).
	PreviousNow *Plan
	// Unchased are the open actions and steps the change opened in New
	// while New was already carried on to its next review, NextName,
	// which does not have them (OpenedAfterCarryOn): no one chases them.
	Unchased []CarriedAction
	NextName string
}

// AcrossCarryOn reports whether the change is from one review to the
// next that carried it on (two years' plans compared: Old is New's
// previous review): New answers the next-steps questions afresh, so
// Old's answers it has not are last year's, not answers dropped.
func (c FileChange) AcrossCarryOn() bool { return c.Old != nil && c.Previous == c.Old }

// FieldChange is one text field that changed.
type FieldChange struct {
	Field    string // what it is: "owner", "title", an area's title
	Old, New string
}

// ItemChange is everything that changed about one checklist item.
type ItemChange struct {
	ID        string
	Title     string // with its group: "Data: Do you collect ..."
	AreaTitle string
	// AreaShort names the area in a few words, for a reference in
	// brackets after the item (see checklist.Area.ShortTitle).
	AreaShort string
	// Added and Removed are set for an item in only one of the two
	// checklists (the plan moved to another checklist version).
	Added, Removed bool
	Rating         *RatingChange
	Fields         []FieldChange // action, owner, status, notes
	Due            *DueChange
	// Action is the item's action as it is now (or was, if it was
	// cleared), so that a status change can say what was done.
	Action string
	// ClearedDone is set when the action that went had been marked done:
	// between two years every action done last year goes (only open
	// ones are carried on), which is not the same as one dropped.
	ClearedDone bool
	// Votes is set when the room's votes changed (a new round, or votes
	// given or removed).
	Votes *VotesChange
}

// VotesChange is the room's votes on an item before and after; either
// may be nil (not voted on from phones).
type VotesChange struct {
	Old, New *Votes
}

// Direction says which way a rating moved on its scale.
type Direction int

const (
	SameLevel     Direction = iota // another word for the same place on the scale
	Better                         // up the scale, towards its last level
	Worse                          // down the scale
	NewlyRated                     // from unrated to a rating
	RatingCleared                  // from a rating back to unrated
)

// String is the word diffs show for a direction.
func (d Direction) String() string {
	return [...]string{"changed", "better", "worse", "rated", "unrated"}[d]
}

// RatingChange is a rating that moved.
type RatingChange struct {
	Old, New string // scale keys, or checklist.Unrated
	// OldLabel and NewLabel are the mark and word, as Label gives them.
	OldLabel, NewLabel string
	Direction          Direction
}

// DueChange is a due date that moved, was set or was cleared.
type DueChange struct {
	Old, New Date
}

// Slipped is how many days later the new date is than the old one
// (negative when it was pulled in); 0 when either date is not set.
func (c DueChange) Slipped() int {
	if c.Old.IsZero() || c.New.IsZero() {
		return 0
	}
	return c.Old.DaysUntil(c.New)
}

// Describe says what happened to the date: "slipped 30 days", "pulled in
// 1 day", "set" or "cleared".
func (c DueChange) Describe() string {
	switch {
	case c.Old.IsZero():
		return "set"
	case c.New.IsZero():
		return "cleared"
	}
	n := c.Slipped()
	days := func(n int) string {
		if n == 1 {
			return "1 day"
		}
		return strconv.Itoa(n) + " days"
	}
	if n > 0 {
		return "slipped " + days(n)
	}
	return "pulled in " + days(-n)
}

// FollowUpChange is what changed in the answer to one follow-up question.
type FollowUpChange struct {
	ID       string
	Question string
	Kind     checklist.FollowUpKind
	// Fields holds a changed text answer ("answer") or per-area answers
	// (by area title).
	Fields []FieldChange
	// ListAdded and ListRemoved are the entries of a list answer that were
	// added and removed; Reordered is set when only the order changed. On
	// a project plan, Reordered says the steps both versions have are in
	// another order, and Order holds the new plan's steps in theirs: the
	// order of a plan is part of it (the screen moves steps with K and J).
	ListAdded, ListRemoved []string
	Reordered              bool
	Order                  []Step
	Due                    *DueChange
	Steps                  []StepChange
}

// StepChange is a project-plan step added, removed or changed.
type StepChange struct {
	ID             int
	Added, Removed bool
	// Step is the step as it is now (or was, when removed).
	Step   Step
	Fields []FieldChange // step, owner, status, from
	Due    *DueChange
}

// CountsChange is an area's rating counts before and after. Levels are
// those of the new checklist's scale (the last entry is Unrated).
type CountsChange struct {
	AreaID, AreaTitle string // AreaID is "" for the total
	AreaShort         string // the area in a few words, for a table's row
	Levels            []string
	Old, New          []int
}

// Changed reports whether any count differs.
func (c CountsChange) Changed() bool { return !slices.Equal(c.Old, c.New) }

// Empty reports whether nothing a reviewer would care about changed.
func (d *Diff) Empty() bool {
	if len(d.Review) > 0 || len(d.Items) > 0 || len(d.FollowUps) > 0 {
		return false
	}
	for _, c := range d.Counts {
		if c.Changed() {
			return false
		}
	}
	return true
}

// Unrelated says what makes old and new reviews of different things, so
// that comparing their ratings says little: another organisation (ignoring
// case and spacing; a plan with none matches any), or another checklist.
// Each reason reads "plans of different organisations (Acme → Beta)".
func Unrelated(old, new *Plan) []string {
	var out []string
	if o, n := sameName(old.Organisation), sameName(new.Organisation); o != "" && n != "" && o != n {
		out = append(out, "plans of different organisations ("+old.Organisation+" → "+new.Organisation+")")
	}
	if old.ChecklistRef.ID != new.ChecklistRef.ID {
		out = append(out, "plans following different checklists ("+old.ChecklistRef.ID+" → "+new.ChecklistRef.ID+")")
	}
	return out
}

func sameName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// SameOrganisation reports whether two plans' organisations are one, as
// Compare sees it: letter case and spacing aside.
func SameOrganisation(a, b string) bool { return sameName(a) == sameName(b) }

// OrganisationKey is an organisation as SameOrganisation compares it, for
// a map of organisations: two keys are equal when SameOrganisation is true.
func OrganisationKey(s string) string { return sameName(s) }

// Compare works out what changed from old to new.
func Compare(old, new *Plan) *Diff {
	d := &Diff{Old: old, New: new}
	d.compareReview()
	d.compareItems()
	d.compareFollowUps()
	d.compareCounts()
	return d
}

func fieldChange(out []FieldChange, name, old, new string) []FieldChange {
	if old != new {
		out = append(out, FieldChange{Field: name, Old: old, New: new})
	}
	return out
}

// revisitWord is an item's revisit flag in a diff's words.
func revisitWord(flagged bool) string {
	if flagged {
		return "flagged"
	}
	return "not flagged"
}

func dueChange(old, new Date) *DueChange {
	if old == new {
		return nil
	}
	return &DueChange{Old: old, New: new}
}

func checklistName(r ChecklistRef) string {
	s := r.ID + " version " + r.Version
	if r.File != "" {
		s += " (" + r.File + ")"
	}
	return s
}

func (d *Diff) compareReview() {
	o, n := d.Old, d.New
	var fs []FieldChange
	fs = fieldChange(fs, "checklist", checklistName(o.ChecklistRef), checklistName(n.ChecklistRef))
	fs = fieldChange(fs, "organisation", o.Organisation, n.Organisation)
	fs = fieldChange(fs, "title", o.Title, n.Title)
	fs = fieldChange(fs, "date", o.Date.String(), n.Date.String())
	fs = fieldChange(fs, "facilitator", o.Facilitator, n.Facilitator)
	fs = fieldChange(fs, "participants", strings.Join(o.Participants, ", "), strings.Join(n.Participants, ", "))
	fs = fieldChange(fs, "previous review", o.PreviousReview, n.PreviousReview)
	fs = fieldChange(fs, "next review", o.NextReview, n.NextReview)
	d.Review = fs
}

// ItemTitle is an item's title with its group, as plan files show it:
// "Data: Do you collect ...".
func ItemTitle(it *checklist.Item) string {
	if it.Group != "" {
		return it.Group + ": " + it.Title
	}
	return it.Title
}

func (d *Diff) compareItems() {
	oc, nc := d.Old.Checklist, d.New.Checklist
	for _, e := range nc.Items() {
		ch := ItemChange{ID: e.Item.ID, Title: ItemTitle(e.Item), AreaTitle: e.Area.Title, AreaShort: e.Area.ShortTitle()}
		if _, _, ok := oc.Item(e.Item.ID); !ok {
			ch.Added = true
			ch.Rating = d.ratingChange(checklist.Unrated, d.New.Items[e.Item.ID].Rating)
			d.Items = append(d.Items, ch)
			continue
		}
		d.compareResponse(&ch, d.Old.Items[e.Item.ID], d.New.Items[e.Item.ID])
		if ch.Rating != nil || len(ch.Fields) > 0 || ch.Due != nil || ch.Votes != nil {
			d.Items = append(d.Items, ch)
		}
	}
	for _, e := range oc.Items() {
		if _, _, ok := nc.Item(e.Item.ID); !ok {
			d.Items = append(d.Items, ItemChange{ID: e.Item.ID, Title: ItemTitle(e.Item), AreaTitle: e.Area.Title, AreaShort: e.Area.ShortTitle(), Removed: true})
		}
	}
}

func (d *Diff) compareResponse(ch *ItemChange, o, n *Response) {
	ch.Rating = d.ratingChange(o.Rating, n.Rating)
	ch.Action = cmp.Or(n.Action, o.Action)
	ch.ClearedDone = o.Action != "" && n.Action == "" && o.Status == StatusDone
	var fs []FieldChange
	fs = fieldChange(fs, "action", o.Action, n.Action)
	fs = fieldChange(fs, "owner", o.Owner, n.Owner)
	// The status of an item with no action means nothing (a new plan's
	// items all say todo): beside an action cleared, or one left behind
	// by next year's review, "done → to do" would read as reopening it.
	// A new action's status is news ("to do → doing": already started).
	if n.Action != "" {
		fs = fieldChange(fs, "status", string(o.Status), string(n.Status))
	}
	fs = fieldChange(fs, "notes", o.Notes, n.Notes)
	fs = fieldChange(fs, "revisit", revisitWord(o.Revisit), revisitWord(n.Revisit))
	ch.Fields = fs
	ch.Due = dueChange(o.Due, n.Due)
	if !o.Votes.Equal(n.Votes) {
		ch.Votes = &VotesChange{Old: o.Votes, New: n.Votes}
	}
}

// ratingChange compares two ratings by their position on their own
// checklists' scales, so a plan moved to a checklist with a longer scale
// still compares sensibly: the worst level is 0 and the best is 1.
func (d *Diff) ratingChange(old, new string) *RatingChange {
	oc, nc := d.Old.Checklist, d.New.Checklist
	_, oi, oRated := oc.Level(old)
	_, ni, nRated := nc.Level(new)
	if !oRated {
		old = checklist.Unrated
	}
	if !nRated {
		new = checklist.Unrated
	}
	if old == new {
		return nil
	}
	ch := &RatingChange{Old: old, New: new, OldLabel: Label(oc, old), NewLabel: Label(nc, new)}
	switch op, np := scalePosition(oi, len(oc.Scale)), scalePosition(ni, len(nc.Scale)); {
	case !oRated:
		ch.Direction = NewlyRated
	case !nRated:
		ch.Direction = RatingCleared
	case np > op:
		ch.Direction = Better
	case np < op:
		ch.Direction = Worse
	default:
		ch.Direction = SameLevel
	}
	return ch
}

func scalePosition(i, n int) float64 {
	if n <= 1 {
		return 1
	}
	return float64(i) / float64(n-1)
}

func (d *Diff) compareFollowUps() {
	oc, nc := d.Old.Checklist, d.New.Checklist
	for _, f := range nc.FollowUps {
		of, ok := oc.FollowUp(f.ID)
		if !ok || of.Kind != f.Kind {
			// A question the old checklist did not ask (or asked in another
			// shape): everything in the answer is new.
			ch := d.compareAnswer(f, &Answer{}, d.New.FollowUps[f.ID])
			if ch != nil {
				d.FollowUps = append(d.FollowUps, *ch)
			}
			continue
		}
		if ch := d.compareAnswer(f, d.Old.FollowUps[f.ID], d.New.FollowUps[f.ID]); ch != nil {
			d.FollowUps = append(d.FollowUps, *ch)
		}
	}
}

func (d *Diff) compareAnswer(f checklist.FollowUp, o, n *Answer) *FollowUpChange {
	ch := &FollowUpChange{ID: f.ID, Question: f.Question, Kind: f.Kind}
	switch f.Kind {
	case checklist.KindText:
		ch.Fields = fieldChange(nil, "answer", o.Text, n.Text)
	case checklist.KindList:
		ch.ListAdded, ch.ListRemoved = multisetDiff(o.List, n.List)
		ch.Reordered = len(ch.ListAdded) == 0 && len(ch.ListRemoved) == 0 && !slices.Equal(o.List, n.List)
	case checklist.KindPerArea:
		for _, a := range d.areas() {
			ch.Fields = fieldChange(ch.Fields, a.title, o.ByArea[a.id], n.ByArea[a.id])
		}
	case checklist.KindPlan:
		ch.Steps = compareSteps(o.Steps, n.Steps)
		if reordered(o.Steps, n.Steps, stepID) {
			ch.Reordered, ch.Order = true, n.Steps
		}
	}
	ch.Due = dueChange(o.Due, n.Due)
	if len(ch.Fields) == 0 && len(ch.ListAdded) == 0 && len(ch.ListRemoved) == 0 && !ch.Reordered && ch.Due == nil && len(ch.Steps) == 0 {
		return nil
	}
	return ch
}

// multisetDiff returns the entries of new not in old and of old not in new,
// counting repeats, each in the order they appear.
func multisetDiff(old, new []string) (added, removed []string) {
	left := map[string]int{}
	for _, s := range old {
		left[s]++
	}
	for _, s := range new {
		if left[s] > 0 {
			left[s]--
		} else {
			added = append(added, s)
		}
	}
	for i := len(old) - 1; i >= 0; i-- {
		if left[old[i]] > 0 {
			left[old[i]]--
			removed = append(removed, old[i])
		}
	}
	slices.Reverse(removed)
	return added, removed
}

// reordered reports whether side has the entries it shares with base in
// another order: steps by their ids, a merged list's entries by
// themselves.
func reordered[T any, K comparable](base, side []T, key func(T) K) bool {
	shared := func(from, with []T) []K {
		in := setOf(with, key)
		var out []K
		for _, x := range from {
			if k := key(x); in[k] {
				out = append(out, k)
			}
		}
		return out
	}
	return !slices.Equal(shared(base, side), shared(side, base))
}

func compareSteps(old, new []Step) []StepChange {
	byID := map[int]Step{}
	for _, s := range old {
		byID[s.ID] = s
	}
	seen := map[int]bool{}
	var out []StepChange
	for _, n := range new {
		seen[n.ID] = true
		o, ok := byID[n.ID]
		if !ok {
			out = append(out, StepChange{ID: n.ID, Added: true, Step: n})
			continue
		}
		var fs []FieldChange
		fs = fieldChange(fs, "step", o.Text, n.Text)
		fs = fieldChange(fs, "owner", o.Owner, n.Owner)
		fs = fieldChange(fs, "status", string(o.Status), string(n.Status))
		fs = fieldChange(fs, "from", o.From, n.From)
		due := dueChange(o.Due, n.Due)
		if len(fs) > 0 || due != nil {
			out = append(out, StepChange{ID: n.ID, Step: n, Fields: fs, Due: due})
		}
	}
	for _, o := range old {
		if !seen[o.ID] {
			out = append(out, StepChange{ID: o.ID, Removed: true, Step: o})
		}
	}
	return out
}

type areaRef struct{ id, title, short string }

// areas lists the areas of the new checklist, then any only in the old.
func (d *Diff) areas() []areaRef {
	var out []areaRef
	for _, a := range d.New.Checklist.Areas {
		out = append(out, areaRef{a.ID, a.Title, a.ShortTitle()})
	}
	for _, a := range d.Old.Checklist.Areas {
		if _, _, ok := d.New.Checklist.AreaByID(a.ID); !ok {
			out = append(out, areaRef{a.ID, a.Title, a.ShortTitle()})
		}
	}
	return out
}

func (d *Diff) compareCounts() {
	levels := make([]string, 0, len(d.New.Checklist.Scale)+1)
	for _, l := range d.New.Checklist.Scale {
		levels = append(levels, l.Key)
	}
	levels = append(levels, checklist.Unrated)
	oldCounts, oldTotal := CountsByKey(d.Old, levels)
	newCounts, newTotal := CountsByKey(d.New, levels)
	for _, a := range d.areas() {
		d.Counts = append(d.Counts, CountsChange{AreaID: a.id, AreaTitle: a.title, AreaShort: a.short, Levels: levels,
			Old: orZeros(oldCounts[a.id], len(levels)), New: orZeros(newCounts[a.id], len(levels))})
	}
	d.Counts = append(d.Counts, CountsChange{AreaTitle: "Total", AreaShort: "Total", Levels: levels, Old: oldTotal, New: newTotal})
}

func orZeros(n []int, size int) []int {
	if n == nil {
		return make([]int, size)
	}
	return n
}

// CountsByKey counts a plan's ratings per area by scale key, in the order
// of levels (checklist.Unrated counts the unrated items). A rating whose
// key is not among levels (an older checklist had a level a newer one
// lacks) is not counted.
func CountsByKey(p *Plan, levels []string) (perArea map[string][]int, total []int) {
	perArea = map[string][]int{}
	total = make([]int, len(levels))
	for _, e := range p.Checklist.Items() {
		key := p.Items[e.Item.ID].Rating
		if _, _, ok := p.Checklist.Level(key); !ok {
			key = checklist.Unrated
		}
		i := slices.Index(levels, key)
		if i < 0 {
			continue
		}
		if perArea[e.Area.ID] == nil {
			perArea[e.Area.ID] = make([]int, len(levels))
		}
		perArea[e.Area.ID][i]++
		total[i]++
	}
	return perArea, total
}
