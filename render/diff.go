package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// A diff is shown as sections in a fixed order, each left out when nothing
// in it changed: the review's details, ratings, actions, items added or
// removed, follow-up answers, and counts per area. What each section says
// is decided once, here, as a diffDoc; the text and Markdown writers only
// lay it out, so the two forms never drift apart.

// DiffText renders a diff for a terminal. oldName and newName say what was
// compared ("plans/acme.yaml at HEAD~1").
func DiffText(d *plans.Diff, oldName, newName string) []byte {
	return writeDiffText(buildDiff(d, oldName, newName))
}

// DiffMarkdown renders a diff as a Markdown document for a pull-request
// comment (markdownlint-clean, like the report).
func DiffMarkdown(d *plans.Diff, oldName, newName string) []byte {
	return writeDiffMarkdown(buildDiff(d, oldName, newName))
}

// diffDoc is what a diff says, before it is laid out.
type diffDoc struct {
	oldName, newName string
	sections         []diffSection // empty when nothing changed
}

type sectionKind int

const (
	sectionReview sectionKind = iota
	sectionRatings
	sectionActions
	sectionItems // items added or removed: the checklist changed
	sectionFollowUps
	sectionCounts
)

type diffSection struct {
	kind    sectionKind
	summary string // for ratings: "2 better, 1 worse"
	lines   []line
	ratings []ratingRow
	counts  countsTable
}

// line is one thing that changed: "owner: Ana → Zoë", or a heading such
// as an item's title with the changes to it below. Values are plain text;
// each writer escapes them for its format.
type line struct {
	name  string // "owner", "step 3 added"; "" for a heading or a note
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

// countsTable is the rating counts per area, before and after.
type countsTable struct {
	levels []string // the labels of the new scale's levels, then unrated
	rows   []countsRow
}

type countsRow struct {
	area     string
	old, new []int
	changed  bool
}

func buildDiff(d *plans.Diff, oldName, newName string) diffDoc {
	doc := diffDoc{oldName: oldName, newName: newName}
	if d.Empty() {
		return doc
	}
	add := func(s diffSection) {
		if len(s.lines)+len(s.ratings)+len(s.counts.rows) > 0 {
			doc.sections = append(doc.sections, s)
		}
	}
	b := diffBuilder{d}
	add(b.review())
	add(b.ratings())
	add(b.actions())
	add(b.itemsAddedRemoved())
	add(b.followUps())
	add(b.counts())
	return doc
}

type diffBuilder struct{ d *plans.Diff }

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
			title: it.Title, area: it.AreaTitle,
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

func (b diffBuilder) actions() diffSection {
	s := diffSection{kind: sectionActions}
	for _, it := range b.d.Items {
		if len(it.Fields) == 0 && it.Due == nil {
			continue
		}
		s.lines = append(s.lines, line{value: it.Title + " (" + it.AreaTitle + ")", sub: b.changes(it.Fields, it.Due)})
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
			s.lines = append(s.lines, line{name: "added", value: it.Title + " (" + it.AreaTitle + "), " + rating})
		case it.Removed:
			removed = append(removed, line{name: "removed", value: it.Title + " (" + it.AreaTitle + ")"})
		}
	}
	s.lines = append(s.lines, removed...)
	return s
}

func (b diffBuilder) followUps() diffSection {
	s := diffSection{kind: sectionFollowUps}
	for _, f := range b.d.FollowUps {
		l := line{value: f.Question}
		for _, fc := range f.Fields {
			l.sub = append(l.sub, line{name: fc.Field, value: quoted(fc.Old) + " → " + quoted(fc.New)})
		}
		for _, e := range f.ListAdded {
			l.sub = append(l.sub, line{name: "added", value: e, listEntry: true})
		}
		for _, e := range f.ListRemoved {
			l.sub = append(l.sub, line{name: "removed", value: e, listEntry: true})
		}
		if f.Reordered {
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

func (b diffBuilder) step(s plans.StepChange) line {
	switch {
	case s.Added:
		return line{name: fmt.Sprintf("step %d added", s.ID), value: stepText(s.Step)}
	case s.Removed:
		return line{name: fmt.Sprintf("step %d removed", s.ID), value: quoted(s.Step.Text)}
	}
	return line{name: fmt.Sprintf("step %d", s.ID), value: quoted(s.Step.Text), sub: b.changes(s.Fields, s.Due)}
}

// stepText is a new step in full: "Run workshop" (owner Ana, due
// 2027-05-01, to do).
func stepText(s plans.Step) string {
	due := "no due date"
	if !s.Due.IsZero() {
		due = "due " + s.Due.String()
	}
	return fmt.Sprintf("%s (owner %s, %s, %s)", quoted(s.Text), orNone(s.Owner), due, statusWord(s.Status))
}

// changes lists what changed in an item or a step, field by field (names
// and statuses bare, free text quoted), then its due date.
func (b diffBuilder) changes(fields []plans.FieldChange, due *plans.DueChange) []line {
	var out []line
	for _, f := range fields {
		out = append(out, line{name: f.Field, value: b.fieldValue(f.Field, f.Old) + " → " + b.fieldValue(f.Field, f.New)})
	}
	if due != nil {
		out = append(out, line{name: "due", value: dueText(*due)})
	}
	return out
}

func (b diffBuilder) fieldValue(field, v string) string {
	switch field {
	case "owner":
		return orNone(v)
	case "status":
		return statusWord(plans.Status(v))
	case "from":
		return b.itemName(v)
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
		t.rows = append(t.rows, countsRow{area: c.AreaTitle, old: c.Old, new: c.New, changed: c.Changed()})
		anyChanged = anyChanged || c.Changed()
	}
	if anyChanged {
		s.counts = t
	}
	return s
}
