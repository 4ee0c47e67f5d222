package plans

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// SoonDays is how far ahead "due soon" looks: the month a team plans
// its chasing for.
const SoonDays = 30

// NamedPlan is a plan with the path it was loaded from.
type NamedPlan struct {
	Path string
	Plan *Plan
}

// PlanAction is an open action together with the plan it belongs to.
type PlanAction struct {
	Path string
	Action
	// What says where the action comes from when its text does not: the
	// item's title, or "project plan step 3".
	What string
}

// PlanInfo names a plan in a list of actions: its file, and who and what
// it is about.
type PlanInfo struct {
	Path, Organisation, Title string
}

// InfoOf is the PlanInfo of a plan loaded from path.
func InfoOf(path string, p *Plan) PlanInfo {
	return PlanInfo{Path: path, Organisation: p.Organisation, Title: p.Title}
}

// Outstanding is every open action across some plans, grouped by when it
// is due relative to Today: the "what do we chase this month" list.
//
// A folder can hold ten thousand plans and 160,000 open actions, so the
// actions are kept compactly: their texts one after another in one
// buffer, and the owners, sources and paths that repeat from plan to plan
// once each. At builds the PlanAction of one when it is wanted.
type Outstanding struct {
	Today Date
	// Plans is every plan looked at, in the order added (whether or not
	// it has anything open).
	Plans []PlanInfo

	// rows and text are kept in chunks that never move once made: a list
	// that grows by doubling would hold one and a half times itself at the
	// moment it grows, and copy itself each time.
	rows   [][]openRow      // chunks of rowChunk rows
	text   [][]byte         // chunks of textChunk bytes: the actions' texts, one after another
	names  []string         // paths, owners and sources, each once
	index  map[string]int32 // where each name is in names
	groups [4][]int32       // indexes into rows, by Urgency, in order
	total  int32
	sorted bool
}

const (
	rowChunk  = 4096
	textChunk = 256 << 10
)

// openRow is one open action, compactly (see Outstanding). It holds no
// pointer, so the garbage collector never has to look inside the rows.
type openRow struct {
	textChunk, textAt, textLen int32
	path, owner, what          int32 // indexes into names
	due                        int32 // day number (see dayNumber), or noDay
	status                     int32 // index into names
}

// Urgency says when an open action is due, relative to a day.
type Urgency int

const (
	Overdue  Urgency = iota // due before the day
	DueSoon                 // due on the day or within SoonDays
	DueLater                // due after that
	Undated                 // open, with no due date
)

// NewOutstanding starts an empty list of open actions, counted from today.
func NewOutstanding(today Date) *Outstanding {
	return &Outstanding{Today: today, index: map[string]int32{}}
}

// CollectOutstanding groups the open actions of plans (item actions and
// project-plan steps not done). Each group is ordered by due date, then
// plan path, then checklist order.
func CollectOutstanding(named []NamedPlan, today Date) *Outstanding {
	o := NewOutstanding(today)
	for _, np := range named {
		o.Add(InfoOf(np.Path, np.Plan), PlanActions(np.Path, np.Plan))
	}
	return o
}

// PlanActions lists a plan's open actions with where they come from. It is
// CollectOutstanding's work for one plan, for callers that load plans in
// parallel and keep only their actions.
func PlanActions(path string, p *Plan) []PlanAction {
	open := p.ActionsToChase()
	out := make([]PlanAction, len(open))
	for i, a := range open {
		out[i] = PlanAction{Path: path, Action: a, What: actionSource(p, a)}
	}
	return out
}

// GroupOutstanding groups the actions of several plans (one list per plan,
// beside the plan's info) as CollectOutstanding does.
func GroupOutstanding(infos []PlanInfo, lists [][]PlanAction, today Date) *Outstanding {
	o := NewOutstanding(today)
	for i, info := range infos {
		o.Add(info, lists[i])
	}
	return o
}

// Add puts a plan and its open actions on the list, copying what it keeps
// (so nothing of the plan's file stays in memory through it).
func (o *Outstanding) Add(info PlanInfo, actions []PlanAction) {
	info.Path, info.Organisation, info.Title = strings.Clone(info.Path), strings.Clone(info.Organisation), strings.Clone(info.Title)
	o.Plans = append(o.Plans, info)
	soon := o.Today.AddDays(SoonDays)
	for _, a := range actions {
		u := DueLater
		switch {
		case a.Due.IsZero():
			u = Undated
		case compareDates(a.Due, o.Today) < 0:
			u = Overdue
		case compareDates(a.Due, soon) <= 0:
			u = DueSoon
		}
		o.groups[u] = append(o.groups[u], o.total)
		if o.total%rowChunk == 0 {
			o.rows = append(o.rows, make([]openRow, 0, rowChunk))
		}
		chunk, at := o.keepText(a.Text)
		last := &o.rows[len(o.rows)-1]
		*last = append(*last, openRow{
			textChunk: chunk, textAt: at, textLen: int32(len(a.Text)),
			path: o.name(a.Path), owner: o.name(a.Owner), what: o.name(a.What),
			due: dayNumber(a.Due), status: o.name(string(a.Status)),
		})
		o.total++
	}
	o.sorted = false
}

// keepText copies s into the text chunks and says where it is.
func (o *Outstanding) keepText(s string) (chunk, at int32) {
	n := len(o.text)
	if n == 0 || len(o.text[n-1])+len(s) > cap(o.text[n-1]) {
		o.text = append(o.text, make([]byte, 0, max(textChunk, len(s))))
		n++
	}
	at = int32(len(o.text[n-1]))
	o.text[n-1] = append(o.text[n-1], s...)
	return int32(n - 1), at
}

func (o *Outstanding) name(s string) int32 {
	if o.index == nil {
		o.index = map[string]int32{}
	}
	if i, ok := o.index[s]; ok {
		return i
	}
	i := int32(len(o.names))
	s = strings.Clone(s)
	o.names = append(o.names, s)
	o.index[s] = i
	return i
}

// In lists the actions due so, as indexes for At: by due date, then plan
// path, then as their plans list them.
func (o *Outstanding) In(u Urgency) []int32 {
	if !o.sorted {
		for _, g := range o.groups {
			slices.SortStableFunc(g, func(a, b int32) int {
				ra, rb := o.row(a), o.row(b)
				return cmp.Or(cmp.Compare(ra.due, rb.due), strings.Compare(o.names[ra.path], o.names[rb.path]))
			})
		}
		o.sorted = true
	}
	return o.groups[u]
}

// At is the action at index i (see In). Only what a list of actions shows
// is kept: its plan's path, text, owner, due date, status and source.
func (o *Outstanding) At(i int32) PlanAction {
	r := o.row(i)
	return PlanAction{
		Path: o.names[r.path],
		Action: Action{Text: string(o.text[r.textChunk][r.textAt : r.textAt+r.textLen]), Owner: o.names[r.owner],
			Due: dateOfDay(r.due), Status: Status(o.names[r.status])},
		What: o.names[r.what],
	}
}

func (o *Outstanding) row(i int32) *openRow { return &o.rows[i/rowChunk][i%rowChunk] }

// PathOf and OwnerOf are the path and owner of the action at index i,
// without building it whole (nor copying its text).
func (o *Outstanding) PathOf(i int32) string  { return o.names[o.row(i).path] }
func (o *Outstanding) OwnerOf(i int32) string { return o.names[o.row(i).owner] }

// DueOf is the due date of the action at index i.
func (o *Outstanding) DueOf(i int32) Date { return dateOfDay(o.row(i).due) }

// Group is the actions due so, in order (see In).
func (o *Outstanding) Group(u Urgency) []PlanAction {
	idx := o.In(u)
	out := make([]PlanAction, len(idx))
	for k, i := range idx {
		out[k] = o.At(i)
	}
	return out
}

// Total is the number of open actions.
func (o *Outstanding) Total() int { return int(o.total) }

// noDay is the day number of no date: after every other, as undated
// actions come last.
const noDay = math.MaxInt32

// dayNumber counts days from 1970-01-01.
func dayNumber(d Date) int32 {
	if d.IsZero() {
		return noDay
	}
	return int32(d.Time().Unix() / 86400)
}

func dateOfDay(n int32) Date {
	if n == noDay {
		return Date{}
	}
	return DateOf(time.Unix(int64(n)*86400, 0).UTC())
}

// compareDates orders like Date.Compare (unset dates last) without making
// time.Times: sorting thousands of actions calls it often.
func compareDates(a, b Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Month, b.Month); c != 0 {
		return c
	}
	return cmp.Compare(a.Day, b.Day)
}

func actionSource(p *Plan, a Action) string {
	if a.ItemID != "" {
		if it, _, ok := p.Checklist.Item(a.ItemID); ok {
			return ItemTitle(it)
		}
		return a.ItemID
	}
	return fmt.Sprintf("project plan step %d", a.StepID)
}
