package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// A diff is shown as sections in a fixed order, each left out when nothing
// in it changed: the review's details, ratings, actions, items added or
// removed, follow-up answers, and counts per area; a new plan gets its
// ratings and open actions instead. What each says is decided once, here,
// as a planDoc; the text and Markdown writers only lay it out, so the two
// forms never drift apart.

// DiffText renders what happened to one plan, for a terminal.
func DiffText(c plans.FileChange) []byte {
	return writeDiffText(diffSet{plans: []planDoc{buildPlanDoc(c)}})
}

// DiffMarkdown renders what happened to one plan as a Markdown document for
// a pull-request comment (markdownlint-clean, like the report).
func DiffMarkdown(c plans.FileChange) []byte {
	return writeDiffMarkdown(diffSet{plans: []planDoc{buildPlanDoc(c)}})
}

// DiffsText renders every plan changed since a revision, for a terminal.
// since names the revision: "main (1a2b3c4)". notCompared names the
// changed plans that do not load, which the report must not pass over in
// silence: a pull request that adds a broken plan has not "changed no
// plan".
func DiffsText(since string, changes []plans.FileChange, notCompared []string) []byte {
	return writeDiffText(buildDiffSet(since, changes, notCompared))
}

// DiffsMarkdown renders every plan changed since a revision as one
// Markdown document: one comment for a whole pull request.
func DiffsMarkdown(since string, changes []plans.FileChange, notCompared []string) []byte {
	return writeDiffMarkdown(buildDiffSet(since, changes, notCompared))
}

// diffSet is the plans a diff covers: one on its own, or every plan
// changed since a revision.
type diffSet struct {
	since       string // "" for one plan on its own
	plans       []planDoc
	notCompared []string // changed plans that do not load
}

type changeKind int

const (
	planChanged changeKind = iota
	planAdded
	planRemoved
	planRenamed // counted so in the summary only: laid out as changed
)

// planDoc is what a diff says about one plan, before it is laid out.
type planDoc struct {
	kind changeKind
	// heading names the plan by what it is about: "Acme Café Ltd: Spring
	// review (plans/acme.yaml)".
	heading          string
	oldName, newName string
	renamedFrom      string
	oldDidNotLoad    bool // shown as a new plan, though it was there
	// warnings say why comparing the two versions means little: they are
	// reviews of different organisations, or follow different checklists.
	warnings []string
	// unchased counts the actions and steps the change opened in a plan
	// already carried on to chasedIn, which does not have them (each is
	// one of the warnings too).
	unchased int
	chasedIn string
	sections []diffSection // empty when nothing changed
}

func buildDiffSet(since string, changes []plans.FileChange, notCompared []string) diffSet {
	set := diffSet{since: since, notCompared: notCompared}
	for _, c := range changes {
		set.plans = append(set.plans, buildPlanDoc(c))
	}
	return set
}

// summary counts the plans by what happened to them: "2 changed, 1 new".
// A plan only moved (git mv into a year folder) is counted as renamed, so
// that a pull request moving every plan does not read as changing them.
func (s diffSet) summary() string {
	n := map[changeKind]int{}
	layout := 0 // changed in layout alone: "1 changed" sent reviewers looking
	for _, p := range s.plans {
		if p.kind == planChanged && p.renamedFrom != "" && len(p.sections) == 0 {
			n[planRenamed]++
			continue
		}
		if p.kind == planChanged && !p.oldDidNotLoad && len(p.sections) == 0 && len(p.warnings) == 0 {
			layout++
			continue
		}
		if p.oldDidNotLoad {
			n[planChanged]++
			continue
		}
		n[p.kind]++
	}
	var parts []string
	for _, k := range []struct {
		kind changeKind
		word string
	}{{planChanged, "changed"}, {planRenamed, "renamed"}, {planAdded, "new"}, {planRemoved, "removed"}} {
		if n[k.kind] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k.kind], k.word))
		}
	}
	switch {
	case layout == 1:
		parts = append(parts, "1 with only its layout changed")
	case layout > 1:
		parts = append(parts, fmt.Sprintf("%d with only their layout changed", layout))
	}
	return countNoun(len(s.plans), "plan") + ": " + strings.Join(parts, ", ")
}

func buildPlanDoc(c plans.FileChange) planDoc {
	doc := planDoc{oldName: c.OldName, newName: c.NewName, renamedFrom: c.RenamedFrom, oldDidNotLoad: c.OldDidNotLoad}
	p := c.New
	switch {
	case c.Old == nil:
		doc.kind = planAdded
	case c.New == nil:
		doc.kind, p = planRemoved, c.Old
	}
	doc.heading = planHeading(p, c.Path)
	switch doc.kind {
	case planAdded:
		doc.sections = newPlanSections(c.New)
	case planChanged:
		for _, why := range plans.Unrelated(c.Old, c.New) {
			doc.warnings = append(doc.warnings, "these are "+why+": the counts below compare them all the same")
		}
		doc.sections = changeSections(plans.Compare(c.Old, c.New), c.AcrossCarryOn())
	}
	doc.unchased, doc.chasedIn = len(c.Unchased), c.NextName
	for _, a := range c.Unchased {
		what := "the action"
		if a.Item == nil {
			what = "the project-plan step"
		}
		doc.warnings = append(doc.warnings, fmt.Sprintf("%s %q, opened in this change, is in a plan already carried on to %s, which does not have it: no one chases it; add it to %s",
			what, firstLineOf(a.Text), c.NextName, c.NextName))
	}
	// What came across from last year's plan is what a reviewer of a plan
	// carried on asks first: it goes on top. A plan whose file changed
	// only in layout keeps its one line.
	if c.Previous != nil && c.New != nil && (doc.kind == planAdded || len(doc.sections) > 0) {
		doc.sections = append([]diffSection{carriedSection(c.PreviousName, plans.CompareCarried(c.Previous, c.PreviousNow, c.New))}, doc.sections...)
	}
	return doc
}

// carriedSection says how many of the previous review's open actions and
// project-plan steps a plan has, and names the ones it does not have, then
// the ones done in the change under review, then the ones it has in other
// words.
func carriedSection(from string, c plans.CarriedCheck) diffSection {
	s := diffSection{kind: sectionCarried}
	// A step that repeats an action carried on with it is that action,
	// said with it as ladder new says it ("1 of 1 open action, also a
	// project-plan step"), not counted twice.
	counted := c.Words()
	// The lines below name each action and step done in the change, so
	// the count on top counts them too: a reviewer who reads only the
	// summary must not think they went missing.
	switch done := doneInChange(c.Done); {
	case counted != "" && done != "":
		s.summary = counted + " from " + from + "; " + done
	case counted != "":
		s.summary = counted + " from " + from
	case len(c.Done) > 0:
		s.summary = "nothing from " + from + ": what it had open (" + carriedCount(c.Done) + ") was done in this change"
	default:
		s.summary = "nothing from " + from + ", which has no open actions or project-plan steps"
	}
	for _, a := range c.Dropped {
		s.lines = append(s.lines, line{name: "not carried on", value: carriedWhat(a) + quoted(a.Text)})
	}
	// Done in the change under review: finished, not left behind. One the
	// new plan still has open was carried on before it was closed, and
	// the new plan asks for it again.
	for _, a := range c.Done {
		name := "done in this change"
		if a.Now != "" {
			name += ", still open in this plan"
		}
		s.lines = append(s.lines, line{name: name, value: carriedWhat(a) + quoted(a.Text)})
	}
	for _, a := range c.Edited {
		s.lines = append(s.lines, line{name: "carried on, edited", value: carriedWhat(a) + quoted(a.Text) + " → " + quoted(a.Now)})
	}
	return s
}

// doneInChange counts the actions and steps done in the change, as the
// summary of what was carried on says them: "1 action and 1 project-plan
// step done in this change", and which of them the new plan still has open
// (carried on before they were closed).
func doneInChange(done []plans.CarriedAction) string {
	if len(done) == 0 {
		return ""
	}
	stillOpen := 0
	for _, a := range done {
		if a.Now != "" {
			stillOpen++
		}
	}
	s := carriedCount(done) + " done in this change"
	switch {
	case stillOpen == len(done):
		s += ", still open in this plan"
	case stillOpen > 0:
		s += fmt.Sprintf(" (%d still open in this plan)", stillOpen)
	}
	return s
}

// carriedCount is "2 actions and 1 project-plan step": how many of as are
// items' actions and how many steps.
func carriedCount(as []plans.CarriedAction) string {
	actions := 0
	for _, a := range as {
		if a.Item != nil {
			actions++
		}
	}
	return actionsAndSteps(actions, len(as)-actions)
}

// carriedWhat names where an action carried on was: its item, or the
// project plan.
func carriedWhat(a plans.CarriedAction) string {
	if a.Item == nil {
		return "project-plan step "
	}
	return plans.ItemTitle(a.Item) + " (" + a.Area.ShortTitle() + "): "
}

// planHeading is "Acme Café Ltd: Spring review (plans/acme.yaml)", or as
// much of it as the plan says.
func planHeading(p *plans.Plan, path string) string {
	var parts []string
	for _, s := range []string{p.Organisation, p.Title} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return path
	}
	return strings.Join(parts, ": ") + " (" + path + ")"
}

// changeSections is what changed between two versions of a plan.
func changeSections(d *plans.Diff, acrossYears bool) []diffSection {
	if d.Empty() {
		return nil
	}
	b := diffBuilder{d, acrossYears}
	return nonEmpty(b.review(), b.ratings(), b.votes(), b.actions(), b.itemsAddedRemoved(), b.followUps(), b.counts())
}

func nonEmpty(sections ...diffSection) []diffSection {
	var out []diffSection
	for _, s := range sections {
		if len(s.lines)+len(s.ratings)+len(s.counts.rows) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// newPlanSections sums up a plan that was not there before: its counts
// per area and what it asks people to do.
func newPlanSections(p *plans.Plan) []diffSection {
	c := p.Checklist
	counts := diffSection{kind: sectionNewCounts}
	for _, l := range c.Scale {
		counts.counts.levels = append(counts.counts.levels, plans.Label(c, l.Key))
	}
	counts.counts.levels = append(counts.counts.levels, plans.MarkUnrated+" Unrated")
	perArea, total := p.Counts()
	for _, ac := range perArea {
		counts.counts.rows = append(counts.counts.rows, countsRow{area: ac.Area.ShortTitle(), new: append(slices.Clone(ac.ByLevel), ac.Unrated)})
	}
	counts.counts.rows = append(counts.counts.rows, countsRow{area: "Total", new: append(slices.Clone(total.ByLevel), total.Unrated)})
	counts.summary = fmt.Sprintf("%d of %s rated", total.Rated(), countNoun(total.Total(), "item"))

	actions := diffSection{kind: sectionNewActions}
	for _, pa := range plans.PlanActions("", p) {
		due := "no due date"
		if !pa.Due.IsZero() {
			due = "due " + pa.Due.String()
		}
		actions.lines = append(actions.lines, line{value: fmt.Sprintf("%s (owner %s, %s, %s) [%s]", quoted(pa.Text), ownerOrNone(pa.Owner), due, statusWord(pa.Status), pa.What)})
	}
	actions.summary = strconv.Itoa(len(actions.lines)) + " open"
	return nonEmpty(counts, actions)
}

type sectionKind int

const (
	sectionCarried sectionKind = iota // what a plan took on from its previous review
	sectionReview
	sectionRatings
	sectionVotes // the room's votes (ladder review --room), see votes.go
	sectionActions
	sectionItems // items added or removed: the checklist changed
	sectionFollowUps
	sectionCounts
	sectionNewCounts  // a new plan's counts per area
	sectionNewActions // a new plan's open actions
)

type diffSection struct {
	kind    sectionKind
	summary string // for ratings: "2 better, 1 worse"; for actions, how many
	lines   []line
	ratings []ratingRow
	counts  countsTable
}

// title is what a section is headed, in every format but plain text.
func (s diffSection) title() string {
	return map[sectionKind]string{
		sectionCarried:    "Carried on",
		sectionReview:     "Review",
		sectionRatings:    "Ratings",
		sectionVotes:      "Room's votes",
		sectionActions:    "Actions",
		sectionItems:      "Items",
		sectionFollowUps:  "Follow-up answers",
		sectionCounts:     "Counts per area",
		sectionNewCounts:  "Ratings",
		sectionNewActions: "Actions",
	}[s.kind]
}

// note is the sentence under a section's title ("2 better, 1 worse."), or
// "" when it has none.
func (s diffSection) note() string {
	switch {
	case s.kind == sectionItems:
		return "The plan now follows another version of its checklist."
	case s.summary == "":
		return ""
	}
	return capitalise(s.summary) + "."
}

// line is one thing that changed: "owner: Ana → Zoë", or a heading such
// as an item's title with the changes to it below. Values are plain text;
// each writer escapes them for its format.
type line struct {
	name  string // "owner", "step added"; "" for a heading or a note
	value string
	// listEntry marks an entry of a list answer: free text the text form
	// quotes, while a Markdown list item sets it apart already.
	listEntry bool
	sub       []line
}

// ratingRow is a rating that moved.
type ratingRow struct {
	direction          string // "better", "worse", ...
	oldLabel, newLabel string
	title, area        string
}

// countsTable is the rating counts per area, before and after (or, for a
// new plan, as they are: old is nil).
type countsTable struct {
	levels []string // the labels of the new scale's levels, then unrated
	rows   []countsRow
}

type countsRow struct {
	area     string
	old, new []int
}

type diffBuilder struct {
	d *plans.Diff
	// acrossYears: the diff is from one year's review to the next, which
	// carried it on (plans.FileChange.AcrossCarryOn).
	acrossYears bool
}

func (b diffBuilder) review() diffSection {
	s := diffSection{kind: sectionReview}
	for _, f := range b.d.Review {
		s.lines = append(s.lines, line{name: f.Field, value: orNone(f.Old) + " → " + orNone(f.New)})
	}
	return s
}

func (b diffBuilder) ratings() diffSection {
	s := diffSection{kind: sectionRatings}
	n := map[plans.Direction]int{}
	for _, it := range b.d.Items {
		if it.Rating == nil || it.Added || it.Removed {
			continue
		}
		n[it.Rating.Direction]++
		s.ratings = append(s.ratings, ratingRow{
			direction: it.Rating.Direction.String(),
			oldLabel:  it.Rating.OldLabel, newLabel: it.Rating.NewLabel,
			title: it.Title, area: areaOf(it),
		})
	}
	var parts []string
	for _, dir := range []plans.Direction{plans.Better, plans.Worse, plans.NewlyRated, plans.RatingCleared, plans.SameLevel} {
		if n[dir] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[dir], dir))
		}
	}
	s.summary = strings.Join(parts, ", ")
	return s
}

// areaOf names an item's area in a few words, for the brackets after it.
func areaOf(it plans.ItemChange) string { return cmp.Or(it.AreaShort, it.AreaTitle) }

func (b diffBuilder) actions() diffSection {
	s := diffSection{kind: sectionActions}
	for _, it := range b.d.Items {
		if len(it.Fields) == 0 && it.Due == nil {
			continue
		}
		s.lines = append(s.lines, line{value: it.Title + " (" + areaOf(it) + ")", sub: b.changes(it.Fields, it.Due, it.Action, it.ClearedDone)})
	}
	return s
}

func (b diffBuilder) itemsAddedRemoved() diffSection {
	s := diffSection{kind: sectionItems}
	var removed []line
	for _, it := range b.d.Items {
		switch {
		case it.Added:
			rating := "not rated"
			if it.Rating != nil {
				rating = "rated " + it.Rating.NewLabel
			}
			s.lines = append(s.lines, line{name: "added", value: it.Title + " (" + areaOf(it) + "), " + rating})
		case it.Removed:
			removed = append(removed, line{name: "removed", value: it.Title + " (" + areaOf(it) + ")"})
		}
	}
	s.lines = append(s.lines, removed...)
	return s
}

func (b diffBuilder) followUps() diffSection {
	s := diffSection{kind: sectionFollowUps}
	for _, f := range b.d.FollowUps {
		l := line{value: f.Question}
		// Between two years every answer is given afresh (carrying on
		// takes actions and steps across, not answers): one of last year's
		// this year's has not is said to be last year's, as an action done
		// last year is said to be done; "removed" read as dropped.
		removed, lastYears := "removed", ""
		if b.acrossYears {
			removed, lastYears = "last year's", " (last year's)"
		}
		for _, fc := range f.Fields {
			old := quoted(fc.Old)
			if fc.New == "" {
				old += lastYears
			}
			l.sub = append(l.sub, line{name: fc.Field, value: old + " → " + quoted(fc.New)})
		}
		for _, e := range f.ListAdded {
			l.sub = append(l.sub, line{name: "added", value: e, listEntry: true})
		}
		for _, e := range f.ListRemoved {
			l.sub = append(l.sub, line{name: removed, value: e, listEntry: true})
		}
		switch {
		case f.Reordered && f.Kind == checklist.KindPlan:
			l.sub = append(l.sub, line{name: "steps in a new order", value: stepOrder(f.Order)})
		case f.Reordered:
			l.sub = append(l.sub, line{value: "the same answers, in a new order"})
		}
		for _, st := range f.Steps {
			l.sub = append(l.sub, b.step(st))
		}
		if f.Due != nil {
			l.sub = append(l.sub, line{name: "due", value: dueText(*f.Due)})
		}
		s.lines = append(s.lines, l)
	}
	return s
}

// step names a changed step by its words. Steps are matched by their ids,
// but an id (id: 48213) reads as a step number, and a step's place differs
// between the two versions.
func (b diffBuilder) step(s plans.StepChange) line {
	switch {
	case s.Added:
		return line{name: "step added", value: stepText(s.Step)}
	case s.Removed && s.Step.Status == plans.StatusDone:
		// Between two years, every step done last year goes (only open
		// ones are carried on): "removed" alone reads as dropped.
		return line{name: "step removed", value: quoted(s.Step.Text) + " (done)"}
	case s.Removed:
		return line{name: "step removed", value: quoted(s.Step.Text)}
	}
	return line{name: "step", value: quoted(s.Step.Text), sub: b.changes(s.Fields, s.Due, "", false)}
}

// stepOrder is a project plan's steps in order, numbered as the plan
// screen numbers them: 1 "Book the room", 2 "Write the vision".
func stepOrder(steps []plans.Step) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = strconv.Itoa(i+1) + " " + quoted(s.Text)
	}
	return strings.Join(parts, ", ")
}

// stepText is a new step in full: "Run workshop" (owner Ana, due
// 2027-05-01, to do).
func stepText(s plans.Step) string {
	due := "no due date"
	if !s.Due.IsZero() {
		due = "due " + s.Due.String()
	}
	return fmt.Sprintf("%s (owner %s, %s, %s)", quoted(s.Text), ownerOrNone(s.Owner), due, statusWord(s.Status))
}

// changes lists what changed in an item or a step, field by field (names
// and statuses bare, free text quoted), then its due date. A status change
// names the action it is about, when there is one: a reviewer reads
// "Present the business case": to do → done, not just to do → done. An
// action that went after it was done says so (clearedDone).
func (b diffBuilder) changes(fields []plans.FieldChange, due *plans.DueChange, action string, clearedDone bool) []line {
	var out []line
	done := "done" // gone because it was done, not dropped
	if clearedDone {
		// Its owner and due date went with it: said with the action, not
		// each as a line of its own that reads as something dropped
		// ("due: 2027-04-30 → (none), cleared").
		var kept []plans.FieldChange
		for _, f := range fields {
			if f.Field == "owner" && f.New == "" {
				done += ", owner " + f.Old
				continue
			}
			kept = append(kept, f)
		}
		if due != nil && due.New.IsZero() {
			done += ", due " + due.Old.String()
			due = nil
		}
		fields = kept
	}
	for _, f := range fields {
		unseen := ""
		if f.Old != f.New && withoutInvisible(f.Old) == withoutInvisible(f.New) {
			f.Old, f.New, unseen = invisibleSpelt(f.Old), invisibleSpelt(f.New), " (only invisible characters changed)"
		}
		old := b.fieldValue(f.Field, f.Old)
		if f.Field == "action" && clearedDone {
			old += " (" + done + ")"
		}
		value := old + " → " + b.fieldValue(f.Field, f.New) + unseen
		if f.Field == "status" && action != "" {
			value = quoted(action) + ": " + value
		}
		out = append(out, line{name: f.Field, value: value})
	}
	if due != nil {
		out = append(out, line{name: "due", value: dueText(*due)})
	}
	return out
}

// withoutInvisible is s with its invisible characters (plans.IsInvisible:
// a zero-width space, a word joiner) left out: two values alike without
// them look the same wherever they are shown.
func withoutInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		if plans.IsInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// invisibleSpelt is s with each invisible character spelt out as its
// code point (<U+200B>). A change that only pasted one into a name, or
// took one out, is shown so, where "owner: Ana → Ana" told a reviewer
// that something changed and not what: status counts the two spellings
// one owner, but a search for the name, or GitHub's for a handle, does
// not find the other.
func invisibleSpelt(s string) string {
	var b strings.Builder
	for _, r := range s {
		if plans.IsInvisible(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (b diffBuilder) fieldValue(field, v string) string {
	switch field {
	case "owner":
		return orNone(v)
	case "status":
		return statusWord(plans.Status(v))
	case "from":
		return b.itemName(v)
	case "revisit":
		return v
	}
	return quoted(v)
}

// itemName is an item's title for a step's "from", or its id if neither
// checklist knows it.
func (b diffBuilder) itemName(id string) string {
	if id == "" {
		return "(none)"
	}
	for _, c := range []*checklist.Checklist{b.d.New.Checklist, b.d.Old.Checklist} {
		if it, _, ok := c.Item(id); ok {
			return quoted(plans.ItemTitle(it))
		}
	}
	return id
}

func (b diffBuilder) counts() diffSection {
	s := diffSection{kind: sectionCounts}
	if len(b.d.Counts) == 0 {
		return s
	}
	anyChanged := false
	t := countsTable{}
	for _, key := range b.d.Counts[0].Levels {
		t.levels = append(t.levels, plans.Label(b.d.New.Checklist, key))
	}
	for _, c := range b.d.Counts {
		t.rows = append(t.rows, countsRow{area: cmp.Or(c.AreaShort, c.AreaTitle), old: c.Old, new: c.New})
		anyChanged = anyChanged || c.Changed()
	}
	if anyChanged {
		s.counts = t
	}
	return s
}

// notComparedLine says which changed plans are not in the report, without
// its ending; "" when all are.
func (s diffSet) notComparedLine() string {
	switch len(s.notCompared) {
	case 0:
		return ""
	case 1:
		return "as it does not load (ladder check lists why): " + plain(s.notCompared[0])
	}
	names := make([]string, len(s.notCompared))
	for i, n := range s.notCompared {
		names[i] = plain(n) // a line break in a name stays on its line
	}
	return "as they do not load (ladder check lists why): " + strings.Join(names, ", ")
}

// firstLineOf is the first line of a text of several (an action written
// as a block), cut to a line's length.
func firstLineOf(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return ansi.Truncate(s, 100, "…")
}
