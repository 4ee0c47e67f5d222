package plans

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	// item's title, or "step 3 of the project plan".
	What string
}

// PlanInfo names a plan in a list of actions: its file, and who and what
// it is about.
type PlanInfo struct {
	Path, Organisation, Title string
	// Date is the day of the review, from which the next is counted
	// (NextReviewDue).
	Date Date
	// ReviewedVersion is the checklist version the plan was last
	// reviewed against (checklist.version), and ChecklistVersion the
	// version its checklist is at now: both set only when they differ,
	// so that a list can say the next review is on a newer checklist.
	ReviewedVersion, ChecklistVersion string
	// CarriedOnTo is the next review's file, for a plan carried on to one
	// that is there (HandedOn): its open actions are chased in that plan.
	CarriedOnTo string
	// NextReviewProblem says why the next review a plan names takes no
	// actions on (it leads to no plan, or out of the repository): the
	// plan's own are still chased, and a list says why.
	NextReviewProblem string
	// CarriedOnElsewhere is set for a plan whose previous review names
	// another plan that carries it on too (Links.CarriedOnElsewhere): it
	// is never its organisation's last review (IsLaterReview).
	CarriedOnElsewhere bool
}

// ToChase is a plan's PlanInfo and the open actions to chase in it: none
// for a plan carried on to its next review (they are chased there, and
// would otherwise be counted twice). NextReviewOf reads the next review's
// previous_review line, which a folder of thousands of plans can afford.
func ToChase(path string, p *Plan) (PlanInfo, []PlanAction) {
	return NewLinks().ToChase(path, p)
}

// ToChase is the package's ToChase, following the links with l: a list of
// many plans asks of one Links.
func (l *Links) ToChase(path string, p *Plan) (PlanInfo, []PlanAction) {
	info := InfoOf(path, p)
	info.CarriedOnElsewhere = l.CarriedOnElsewhere(path, p)
	if p.NextReview == "" {
		return info, PlanActions(path, p)
	}
	next, err := l.NextReviewOf(path, p)
	if err != nil {
		info.NextReviewProblem = "next_review " + err.Error()
		return info, PlanActions(path, p)
	}
	info.CarriedOnTo = next
	return info, nil
}

// InfoOf is the PlanInfo of a plan loaded from path.
func InfoOf(path string, p *Plan) PlanInfo {
	info := PlanInfo{Path: path, Organisation: p.Organisation, Title: p.Title, Date: p.Date}
	if p.Checklist != nil && p.Checklist.Version != p.ChecklistRef.Version {
		info.ReviewedVersion, info.ChecklistVersion = p.ChecklistRef.Version, p.Checklist.Version
	}
	return info
}

// Urgency says when an open action is due, relative to a day.
type Urgency int

const (
	Overdue  Urgency = iota // due before the day
	DueSoon                 // due on the day or within SoonDays
	DueLater                // due after that
	Undated                 // open, with no due date
)

// Outstanding is every open action across some plans, in the order a list
// of them shows them (see Grouping), with how many each plan has: the
// "what do we chase this month" list.
//
// A folder can hold tens of thousands of plans and hundreds of thousands
// of open actions, and the list is sorted across all of them, so no
// action can be written before the last plan is read. What a list shows
// of each action is kept compactly (texts one after another in one
// buffer, owners and sources once each), and past a budget of memory the
// actions are sorted and written to a temporary file, to be merged back
// in order when the list is written: memory stays flat however large the
// folder (see spill.go).
type Outstanding struct {
	Today    Date
	grouping Grouping
	budget   int
	// today and soon are the day numbers (see dayNumber) of Today and of
	// the last day that is due soon.
	today, soon int32

	plans int
	open  [4]int
	// carriedOn and nextProblems count the plans whose PlanInfo says
	// CarriedOnTo or NextReviewProblem.
	carriedOn, nextProblems int
	seq                     uint32 // the next action's place among all added

	owners     []OwnerGroup
	ownerIndex map[string]int32
	ownerRank  []int32 // each owner group's place in the list (see OrderOwners)

	run   run
	spill *spillFile // nil until the first run is written out
	err   error      // the first error writing or reading the file: every later call returns it
}

// Grouping is the order an Outstanding lists its actions in. The zero
// Grouping lists them by due date: oldest first, undated last, on one day
// by plan path, then as their plan lists them (item actions in checklist
// order, then project-plan steps). The other two keep each plan's, or
// each owner's, actions together, in that order within.
type Grouping struct {
	// ByPlan lists the actions plan by plan, in the order the plans were
	// added.
	ByPlan bool
	// OwnerKey, when set, lists the actions owner by owner: owners whose
	// keys are equal are one ("ana" and "Ana"). Which owner comes first is
	// the caller's to say (OrderOwners).
	OwnerKey func(owner string) string
}

// OwnerGroup is one owner's open actions, when they are grouped by owner.
type OwnerGroup struct {
	// Owner is the owner as the first of the group's actions in the list
	// spells it, or the first spelling with the most accents, and of
	// those the fewest invisible characters: a group keyed without them
	// ("Sian Llyr" and "Siân Llŷr", "Tom Okafor" and the same with a
	// zero-width space pasted after it) is headed with the name as its
	// owner writes it, not as a keyboard without ŷ did, and as a search
	// of the check-in issue for the name finds it.
	Owner string
	// Open counts the group's actions by Urgency.
	Open [4]int
	// firstDue and firstPath place the action spelt so; accents and
	// invisible count the accents and invisible characters in its
	// spelling (see accents and invisibles).
	firstDue  int32
	firstPath string
	accents   int
	invisible int
}

// Listed is one open action as an Outstanding lists it.
type Listed struct {
	PlanAction
	Urgency Urgency
	// Plan is the plan the action is in, PlanIndex its place among the
	// plans added (from 0), and PlanOpen its open actions by Urgency.
	Plan      PlanInfo
	PlanIndex int
	PlanOpen  [4]int
	// OwnerGroup is the action's owner group (an index into Owners), when
	// the list is grouped by owner.
	OwnerGroup int
}

// DefaultMemoryBudget is how many bytes of open actions an Outstanding
// keeps in memory before it writes them to a temporary file: about 24,000
// actions, the open actions of 1,500 plans of the built-in checklist.
const DefaultMemoryBudget = 2 << 20

// NewOutstanding starts an empty list of open actions, counted from
// today, in the order g says.
func NewOutstanding(today Date, g Grouping) *Outstanding {
	o := &Outstanding{Today: today, grouping: g, budget: DefaultMemoryBudget,
		today: dayNumber(today), soon: dayNumber(today.AddDays(SoonDays))}
	if g.OwnerKey != nil {
		o.ownerIndex = map[string]int32{}
	}
	o.run.index = map[string]int32{}
	return o
}

// SetMemoryBudget sets how many bytes of open actions the list keeps in
// memory before writing them out (DefaultMemoryBudget unless set). Tests
// set a small one to make a small folder take the path a large one does.
func (o *Outstanding) SetMemoryBudget(bytes int) { o.budget = bytes }

// CollectOutstanding lists the open actions of plans (item actions and
// project-plan steps not done, see ToChase) in the order g says.
func CollectOutstanding(named []NamedPlan, today Date, g Grouping) (*Outstanding, error) {
	o := NewOutstanding(today, g)
	links := NewLinks()
	for _, np := range named {
		if err := o.Add(links.ToChase(np.Path, np.Plan)); err != nil {
			o.Close()
			return nil, err
		}
	}
	return o, nil
}

// PlanActions lists a plan's open actions with where they come from, for
// Add.
func PlanActions(path string, p *Plan) []PlanAction {
	open := p.ActionsToChase()
	out := make([]PlanAction, len(open))
	for i, a := range open {
		out[i] = PlanAction{Path: path, Action: a, What: actionSource(p, a)}
	}
	return out
}

// Add puts a plan and its open actions on the list, copying what it keeps
// (so nothing of the plan's file stays in memory through it). The actions
// are listed under info.Path. It fails only if the temporary file that
// takes the list past its memory budget cannot be written.
func (o *Outstanding) Add(info PlanInfo, actions []PlanAction) error {
	if o.err != nil {
		return o.err
	}
	r := &o.run
	if !r.room(o.budget, actions) && (len(r.rows) > 0 || len(r.plans) > 0) {
		if o.err = o.spillRun(); o.err != nil {
			return o.err
		}
	}
	pr := planRow{index: int32(o.plans), info: PlanInfo{Path: strings.Clone(info.Path), Organisation: strings.Clone(info.Organisation), Title: strings.Clone(info.Title),
		Date: info.Date, ReviewedVersion: strings.Clone(info.ReviewedVersion), ChecklistVersion: strings.Clone(info.ChecklistVersion),
		CarriedOnTo: strings.Clone(info.CarriedOnTo), NextReviewProblem: strings.Clone(info.NextReviewProblem)}}
	plan := int32(len(r.plans))
	o.plans++
	if info.CarriedOnTo != "" {
		o.carriedOn++
	}
	if info.NextReviewProblem != "" {
		o.nextProblems++
	}
	for _, a := range actions {
		due := dayNumber(a.Due)
		u := o.urgency(due)
		pr.open[u]++
		o.open[u]++
		row := openRow{plan: plan, owner: r.name(a.Owner), what: r.name(a.What), status: r.name(string(a.Status)),
			textAt: int32(len(r.text)), textLen: int32(len(a.Text)), due: due, seq: o.seq}
		r.text = append(r.text, a.Text...)
		if o.grouping.OwnerKey != nil {
			row.group = o.ownerGroup(a.Owner, due, pr.info.Path, u)
		}
		o.seq++
		r.rows = append(r.rows, row)
	}
	r.plans = append(r.plans, pr)
	r.planBytes += planRowBytes + len(info.Path) + len(info.Organisation) + len(info.Title) + len(info.CarriedOnTo) + len(info.NextReviewProblem)
	r.sorted = false
	return nil
}

// Plans is how many plans were added; Total how many open actions.
func (o *Outstanding) Plans() int { return o.plans }
func (o *Outstanding) Total() int {
	return o.open[Overdue] + o.open[DueSoon] + o.open[DueLater] + o.open[Undated]
}

// CarriedOn is how many of the plans were carried on to their next review
// (PlanInfo.CarriedOnTo); NextReviewProblems how many name a next review
// that takes no actions on (PlanInfo.NextReviewProblem).
func (o *Outstanding) CarriedOn() int          { return o.carriedOn }
func (o *Outstanding) NextReviewProblems() int { return o.nextProblems }

// Open counts the open actions by Urgency.
func (o *Outstanding) Open() [4]int { return o.open }

// Grouping is the order the list was made in.
func (o *Outstanding) Grouping() Grouping { return o.grouping }

// Owners are the owner groups, when the list is grouped by owner, in no
// particular order (see OrderOwners). Listed.OwnerGroup indexes them.
func (o *Outstanding) Owners() []OwnerGroup { return o.owners }

// OrderOwners sets the order the owner groups are listed in: compare
// orders two of them (stably: groups it finds equal keep the order they
// were first seen in).
func (o *Outstanding) OrderOwners(compare func(a, b *OwnerGroup) int) {
	order := make([]int32, len(o.owners))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return compare(&o.owners[a], &o.owners[b]) })
	o.ownerRank = make([]int32, len(o.owners))
	for place, g := range order {
		o.ownerRank[g] = int32(place)
	}
	o.run.sorted = false
}

// ownerOrder is the owner groups in the order they are listed.
func (o *Outstanding) ownerOrder() []int32 {
	order := make([]int32, len(o.owners))
	for g := range order {
		order[g] = int32(g)
	}
	if o.ownerRank != nil {
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(o.ownerRank[a], o.ownerRank[b]) })
	}
	return order
}

func (o *Outstanding) rankOf(group int32) int32 {
	if o.ownerRank == nil {
		return group
	}
	return o.ownerRank[group]
}

// Each calls fn with every open action, in the order the list shows them.
// It may be called more than once (a table is measured, then written); fn
// must not keep the *Listed, which is reused.
func (o *Outstanding) Each(fn func(*Listed) error) error {
	if o.err != nil {
		return o.err
	}
	if o.spill != nil {
		return o.eachSpilled(fn)
	}
	o.sortRun(o.rankOf)
	var l Listed
	for i := range o.run.rows {
		o.listed(&o.run.rows[i], &l)
		if err := fn(&l); err != nil {
			return err
		}
	}
	return nil
}

// EachPlan calls fn with every plan added, in order, with its open
// actions counted by Urgency.
func (o *Outstanding) EachPlan(fn func(info PlanInfo, open [4]int) error) error {
	if o.err != nil {
		return o.err
	}
	if o.spill != nil {
		if err := o.spill.eachPlan(fn); err != nil {
			return err
		}
	}
	for _, p := range o.run.plans {
		if err := fn(p.info, p.openCounts()); err != nil {
			return err
		}
	}
	return nil
}

// Close removes the temporary file, if the list needed one.
func (o *Outstanding) Close() error {
	if o.spill == nil {
		return nil
	}
	err := o.spill.close()
	o.spill = nil
	if o.err == nil {
		o.err = errClosed
	}
	return err
}

// run is the actions added since the last were written out.
type run struct {
	rows      []openRow
	plans     []planRow
	text      []byte   // the actions' texts, one after another
	names     []string // owners, sources and statuses, each once
	index     map[string]int32
	nameBytes int
	planBytes int
	sorted    bool
}

// openRow is one open action, compactly (see Outstanding). It holds no
// pointer, so the garbage collector never has to look inside the rows.
type openRow struct {
	plan                int32 // index into run.plans
	owner, what, status int32 // indexes into run.names
	textAt, textLen     int32
	due                 int32  // day number (see dayNumber), or noDay
	seq                 uint32 // its place among all the actions added
	group               int32  // its owner group, when grouped by owner
}

// planRow is a plan on the list.
type planRow struct {
	index int32 // among all plans added
	info  PlanInfo
	open  [4]int32
}

func (p *planRow) openCounts() [4]int {
	return [4]int{int(p.open[0]), int(p.open[1]), int(p.open[2]), int(p.open[3])}
}

// What a row and a plan row take in memory, besides their text.
const (
	rowBytes     = 40
	planRowBytes = 80
	nameBytes    = 40
)

// size is about how many bytes the run holds.
func (r *run) size() int {
	return len(r.rows)*rowBytes + len(r.text) + r.nameBytes + r.planBytes
}

// room reports whether the run has room for a plan's actions within a
// budget of bytes. The rows and the texts are each given half of it, as
// arrays made once at that size (a run would otherwise grow by doubling,
// and hold up to twice the budget); the memory of an array is the
// system's only once written to, so a small folder's list costs no more
// than it holds. A plan too large for an empty run gets what it needs.
func (r *run) room(budget int, actions []PlanAction) bool {
	text := 0
	for _, a := range actions {
		text += len(a.Text)
	}
	if r.rows == nil {
		r.rows = make([]openRow, 0, max(budget/2/rowBytes, 1))
		r.text = make([]byte, 0, max(budget/2, 1))
	}
	return len(r.rows)+len(actions) <= cap(r.rows) && len(r.text)+text <= cap(r.text) && r.size() <= budget
}

func (r *run) name(s string) int32 {
	if i, ok := r.index[s]; ok {
		return i
	}
	i := int32(len(r.names))
	s = strings.Clone(s)
	r.names = append(r.names, s)
	r.index[s] = i
	r.nameBytes += nameBytes + len(s)
	return i
}

// reset empties the run, keeping its memory for the next.
func (r *run) reset() {
	clear(r.plans)
	clear(r.names)
	clear(r.index)
	r.rows, r.plans, r.text, r.names = r.rows[:0], r.plans[:0], r.text[:0], r.names[:0]
	r.nameBytes, r.planBytes, r.sorted = 0, 0, false
}

// sortRun puts the run's actions in the order they are listed, with the
// owner groups in the order rank gives them.
func (o *Outstanding) sortRun(rank func(group int32) int32) {
	r := &o.run
	if r.sorted {
		return
	}
	slices.SortFunc(r.rows, func(a, b openRow) int {
		switch {
		case o.grouping.ByPlan && a.plan != b.plan:
			return cmp.Compare(a.plan, b.plan) // added in order
		case o.grouping.OwnerKey != nil && a.group != b.group:
			return cmp.Compare(rank(a.group), rank(b.group))
		case a.due != b.due:
			return cmp.Compare(a.due, b.due)
		case a.plan != b.plan:
			if c := strings.Compare(r.plans[a.plan].info.Path, r.plans[b.plan].info.Path); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.seq, b.seq)
	})
	r.sorted = true
}

// listed fills l with the action of row.
func (o *Outstanding) listed(row *openRow, l *Listed) {
	r := &o.run
	p := &r.plans[row.plan]
	*l = Listed{
		PlanAction: PlanAction{Path: p.info.Path, What: r.names[row.what], Action: Action{
			Text: string(r.text[row.textAt : row.textAt+row.textLen]), Owner: r.names[row.owner],
			Due: dateOfDay(row.due), Status: Status(r.names[row.status])}},
		Urgency: o.urgency(row.due), Plan: p.info, PlanIndex: int(p.index), PlanOpen: p.openCounts(), OwnerGroup: int(row.group),
	}
}

// ownerGroup finds (or starts) the group of owner, for an action due on
// day due in the plan at path, and counts the action in it.
func (o *Outstanding) ownerGroup(owner string, due int32, path string, u Urgency) int32 {
	key := o.grouping.OwnerKey(owner)
	i, ok := o.ownerIndex[key]
	if !ok {
		i = int32(len(o.owners))
		o.ownerIndex[strings.Clone(key)] = i
		o.owners = append(o.owners, OwnerGroup{Owner: strings.Clone(owner), firstDue: due, firstPath: path, accents: accents(owner), invisible: invisibles(owner)})
	} else if g := &o.owners[i]; g.Owner != owner {
		// More accents, or fewer invisible characters, or else listed
		// before the group's first so far (on the same day and in the
		// same plan, the one added first stays first): in any order the
		// actions come, one name.
		n, z := accents(owner), invisibles(owner)
		var better bool
		switch {
		case n != g.accents:
			better = n > g.accents
		case z != g.invisible:
			better = z < g.invisible
		default:
			better = due < g.firstDue || due == g.firstDue && path < g.firstPath
		}
		if better {
			g.Owner, g.firstDue, g.firstPath, g.accents, g.invisible = strings.Clone(owner), due, path, n, z
		}
	} else if due < g.firstDue || due == g.firstDue && path < g.firstPath {
		g.firstDue, g.firstPath = due, path
	}
	o.owners[i].Open[u]++
	return i
}

// accents counts the accents (IsAccent) in s once decomposed: 2 for
// "Siân Llŷr", 0 for "Sian Llyr"; and -1, below any spelling, for a name
// piling more than maxAccentsOnALetter on one letter, which is no one's
// spelling of a name: an action owned by "Ana" with ten accents on the A
// would otherwise head Ana's group in the check-in issue, over all her
// actions. An invisible character (IsInvisible) among the accents does
// not part the pile: it is drawn as one.
func accents(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			inARow := 0
			for _, d := range norm.NFD.String(s) {
				if IsInvisible(d) {
					continue
				}
				if !IsAccent(d) {
					inARow = 0
					continue
				}
				if inARow++; inARow > maxAccentsOnALetter {
					return -1
				}
				n++
			}
			return n
		}
	}
	return 0
}

// maxAccentsOnALetter is the most accents a letter of a name carries:
// three in Greek written with its breathings (ᾅ), two in Vietnamese.
const maxAccentsOnALetter = 3

// invisibles counts the invisible characters (IsInvisible) in s.
func invisibles(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf && IsInvisible(r) {
			n++
		}
	}
	return n
}

// IsAccent reports whether r is a combining accent of a Latin, Greek or
// Cyrillic letter (U+0300–U+036F, which decomposing "ŷ" gives): a
// Grouping's OwnerKey leaves these out of a name, and of the spellings
// it groups the one with the most heads the group. The marks of other
// scripts are letters of the name. The combining grapheme joiner in that
// block (U+034F) draws nothing: it is no accent but invisible.
func IsAccent(r rune) bool { return r >= 0x300 && r <= 0x36f && r != 0x34f }

// NamesNoOne reports whether an owner field holds nothing visible: only
// spaces and invisible characters (IsInvisible), as a zero-width space
// pasted from a spreadsheet cell. Such an action is nobody's.
func NamesNoOne(owner string) bool {
	for _, r := range owner {
		if !unicode.IsSpace(r) && !IsInvisible(r) {
			return false
		}
	}
	return true
}

// IsInvisible reports whether r is an invisible character: a format
// character (Unicode's Cf: a zero-width space, a direction mark), or
// another that Unicode says to draw as nothing (a variation selector, a
// Hangul filler, the combining grapheme joiner), which a pasted name can
// hold as well. A Grouping's OwnerKey leaves these out of a name, and of
// the spellings it groups the one with the fewest heads the group.
func IsInvisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// urgency is how due an action due on day due is.
func (o *Outstanding) urgency(due int32) Urgency {
	switch {
	case due == noDay:
		return Undated
	case due < o.today:
		return Overdue
	case due <= o.soon:
		return DueSoon
	}
	return DueLater
}

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

func actionSource(p *Plan, a Action) string {
	if a.ItemID != "" {
		if it, _, ok := p.Checklist.Item(a.ItemID); ok {
			return ItemTitle(it)
		}
		return a.ItemID
	}
	return StepName(a.StepNumber)
}
