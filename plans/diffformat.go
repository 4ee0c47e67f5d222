package plans

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// A diff is shown as sections in a fixed order, each left out when nothing
// in it changed: the review's details, ratings, actions, items added or
// removed, follow-up answers, and counts per area. Text is for a terminal;
// Markdown is for a pull-request comment.

// Text renders the diff for a terminal. oldName and newName say what was
// compared ("plans/acme.yaml at HEAD~1").
func (d *Diff) Text(oldName, newName string) []byte {
	var b strings.Builder
	if d.Empty() {
		fmt.Fprintf(&b, "No changes from %s to %s.\n", oldName, newName)
		return []byte(b.String())
	}
	fmt.Fprintf(&b, "Changes from %s to %s\n", oldName, newName)
	section := func(title string) { fmt.Fprintf(&b, "\n%s\n", title) }
	line := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}

	if len(d.Review) > 0 {
		section("Review")
		for _, f := range d.Review {
			line(1, "%s: %s → %s", f.Field, orNone(f.Old), orNone(f.New))
		}
	}

	if rated := d.ratingChanges(); len(rated) > 0 {
		section("Ratings: " + d.ratingSummary())
		width := 0
		for _, it := range rated {
			width = max(width, displayWidth(it.Rating.OldLabel+" → "+it.Rating.NewLabel))
		}
		for _, it := range rated {
			move := it.Rating.OldLabel + " → " + it.Rating.NewLabel
			line(1, "%-7s %s%s  %s (%s)", it.Rating.Direction, move, strings.Repeat(" ", width-displayWidth(move)), it.Title, it.AreaTitle)
		}
	}

	if acted := d.actionChanges(); len(acted) > 0 {
		section("Actions")
		for _, it := range acted {
			line(1, "%s (%s)", it.Title, it.AreaTitle)
			for _, f := range it.Fields {
				line(2, "%s: %s → %s", f.Field, d.textValue(f), d.textValue(FieldChange{Field: f.Field, Old: f.New}))
			}
			if it.Due != nil {
				line(2, "due: %s", dueText(*it.Due))
			}
		}
	}

	if added, removed := d.itemsAddedRemoved(); len(added)+len(removed) > 0 {
		section("Items (the checklist changed)")
		for _, it := range added {
			line(1, "added: %s (%s), %s", it.Title, it.AreaTitle, d.addedRating(it))
		}
		for _, it := range removed {
			line(1, "removed: %s (%s)", it.Title, it.AreaTitle)
		}
	}

	if len(d.FollowUps) > 0 {
		section("Follow-up answers")
		for _, f := range d.FollowUps {
			line(1, "%s", f.Question)
			for _, fc := range f.Fields {
				line(2, "%s: %s → %s", fc.Field, quoted(fc.Old), quoted(fc.New))
			}
			for _, s := range f.ListAdded {
				line(2, "added: %s", quoted(s))
			}
			for _, s := range f.ListRemoved {
				line(2, "removed: %s", quoted(s))
			}
			if f.Reordered {
				line(2, "the same answers, in a new order")
			}
			for _, s := range f.Steps {
				switch {
				case s.Added:
					line(2, "step %d added: %s", s.ID, d.stepText(s.Step))
				case s.Removed:
					line(2, "step %d removed: %s", s.ID, quoted(s.Step.Text))
				default:
					line(2, "step %d %s", s.ID, quoted(s.Step.Text))
					for _, fc := range s.Fields {
						line(3, "%s: %s → %s", fc.Field, d.textValue(fc), d.textValue(FieldChange{Field: fc.Field, Old: fc.New}))
					}
					if s.Due != nil {
						line(3, "due: %s", dueText(*s.Due))
					}
				}
			}
			if f.Due != nil {
				line(2, "due: %s", dueText(*f.Due))
			}
		}
	}

	if counts := d.changedCounts(); len(counts) > 0 {
		section("Counts per area")
		for _, c := range counts {
			line(1, "%s: %s", c.AreaTitle, d.countsText(c))
		}
	}
	return []byte(b.String())
}

// Markdown renders the diff as a Markdown document (markdownlint-clean,
// like Report).
func (d *Diff) Markdown(oldName, newName string) []byte {
	var m markdown
	m.heading(1, "Plan changes")
	if d.Empty() {
		m.para(fmt.Sprintf("No changes from %s to %s.", mdText(oldName), mdText(newName)))
		return m.bytes()
	}
	m.para(fmt.Sprintf("From %s to %s.", mdText(oldName), mdText(newName)))

	if len(d.Review) > 0 {
		m.heading(2, "Review")
		var entries []string
		for _, f := range d.Review {
			entries = append(entries, field(capitalise(f.Field), mdText(orNone(f.Old))+" → "+mdText(orNone(f.New))))
		}
		m.list(entries)
	}

	if rated := d.ratingChanges(); len(rated) > 0 {
		m.heading(2, "Ratings")
		m.para(capitalise(d.ratingSummary()) + ".")
		var entries []string
		for _, it := range rated {
			entries = append(entries, field(capitalise(it.Rating.Direction.String()),
				fmt.Sprintf("%s (%s): %s → %s", mdText(it.Title), mdText(it.AreaTitle), mdText(it.Rating.OldLabel), mdText(it.Rating.NewLabel))))
		}
		m.list(entries)
	}

	if acted := d.actionChanges(); len(acted) > 0 {
		m.heading(2, "Actions")
		var items []listItem
		for _, it := range acted {
			li := listItem{text: mdText(it.Title) + " (" + mdText(it.AreaTitle) + ")"}
			for _, f := range it.Fields {
				li.sub = append(li.sub, field(capitalise(f.Field), d.mdValue(f.Field, f.Old)+" → "+d.mdValue(f.Field, f.New)))
			}
			if it.Due != nil {
				li.sub = append(li.sub, field("Due", dueText(*it.Due)))
			}
			items = append(items, li)
		}
		m.nestedList(items)
	}

	if added, removed := d.itemsAddedRemoved(); len(added)+len(removed) > 0 {
		m.heading(2, "Items")
		m.para("The plan now follows another version of its checklist.")
		var entries []string
		for _, it := range added {
			entries = append(entries, field("Added", mdText(it.Title)+" ("+mdText(it.AreaTitle)+"), "+mdText(d.addedRating(it))))
		}
		for _, it := range removed {
			entries = append(entries, field("Removed", mdText(it.Title)+" ("+mdText(it.AreaTitle)+")"))
		}
		m.list(entries)
	}

	if len(d.FollowUps) > 0 {
		m.heading(2, "Follow-up answers")
		var items []listItem
		for _, f := range d.FollowUps {
			li := listItem{text: mdText(f.Question)}
			for _, fc := range f.Fields {
				li.sub = append(li.sub, field(capitalise(fc.Field), mdText(quoted(fc.Old))+" → "+mdText(quoted(fc.New))))
			}
			for _, s := range f.ListAdded {
				li.sub = append(li.sub, field("Added", mdText(s)))
			}
			for _, s := range f.ListRemoved {
				li.sub = append(li.sub, field("Removed", mdText(s)))
			}
			if f.Reordered {
				li.sub = append(li.sub, "The same answers, in a new order")
			}
			for _, s := range f.Steps {
				li.sub = append(li.sub, d.stepMarkdown(s))
			}
			if f.Due != nil {
				li.sub = append(li.sub, field("Due", dueText(*f.Due)))
			}
			items = append(items, li)
		}
		m.nestedList(items)
	}

	if counts := d.changedCounts(); len(counts) > 0 {
		m.heading(2, "Counts per area")
		header := []string{"Area"}
		right := []bool{false}
		for _, key := range d.Counts[0].Levels {
			header = append(header, mdText(Label(d.New.Checklist, key)))
			right = append(right, true)
		}
		var rows [][]string
		for _, c := range d.Counts {
			row := []string{mdText(c.AreaTitle)}
			for i := range c.Levels {
				row = append(row, countCell(c.Old[i], c.New[i]))
			}
			rows = append(rows, row)
		}
		m.table(header, right, rows)
	}
	return m.bytes()
}

// ratingChanges lists the items, present in both plans, whose rating moved.
func (d *Diff) ratingChanges() []ItemChange {
	var out []ItemChange
	for _, it := range d.Items {
		if it.Rating != nil && !it.Added && !it.Removed {
			out = append(out, it)
		}
	}
	return out
}

// ratingSummary is "2 better, 1 worse, 1 rated".
func (d *Diff) ratingSummary() string {
	n := map[Direction]int{}
	for _, it := range d.ratingChanges() {
		n[it.Rating.Direction]++
	}
	var parts []string
	for _, dir := range []Direction{Better, Worse, NewlyRated, RatingCleared, SameLevel} {
		if n[dir] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[dir], dir))
		}
	}
	return strings.Join(parts, ", ")
}

func (d *Diff) actionChanges() []ItemChange {
	var out []ItemChange
	for _, it := range d.Items {
		if len(it.Fields) > 0 || it.Due != nil {
			out = append(out, it)
		}
	}
	return out
}

func (d *Diff) itemsAddedRemoved() (added, removed []ItemChange) {
	for _, it := range d.Items {
		switch {
		case it.Added:
			added = append(added, it)
		case it.Removed:
			removed = append(removed, it)
		}
	}
	return added, removed
}

func (d *Diff) addedRating(it ItemChange) string {
	if it.Rating == nil {
		return "not rated"
	}
	return "rated " + it.Rating.NewLabel
}

func (d *Diff) changedCounts() []CountsChange {
	var out []CountsChange
	for _, c := range d.Counts {
		if c.Changed() {
			out = append(out, c)
		}
	}
	return out
}

// countsText lists the levels whose count changed: "■ Red 2 → 1, ▲ Amber
// 1 → 2".
func (d *Diff) countsText(c CountsChange) string {
	var parts []string
	for i, key := range c.Levels {
		if c.Old[i] != c.New[i] {
			parts = append(parts, fmt.Sprintf("%s %d → %d", Label(d.New.Checklist, key), c.Old[i], c.New[i]))
		}
	}
	return strings.Join(parts, ", ")
}

func countCell(old, new int) string {
	if old == new {
		return strconv.Itoa(new)
	}
	return fmt.Sprintf("%d → %d (%+d)", old, new, new-old)
}

// textValue shows one side (Old) of a field change for a terminal: names
// and statuses bare, free text quoted.
func (d *Diff) textValue(f FieldChange) string {
	switch f.Field {
	case "owner":
		return orNone(f.Old)
	case "status":
		return statusWord(Status(f.Old))
	case "from":
		return d.itemName(f.Old)
	}
	return quoted(f.Old)
}

func (d *Diff) mdValue(field, v string) string {
	return mdText(d.textValue(FieldChange{Field: field, Old: v}))
}

// itemName is an item's title for a step's "from", or its id if neither
// checklist knows it.
func (d *Diff) itemName(id string) string {
	if id == "" {
		return "(none)"
	}
	for _, c := range []*checklist.Checklist{d.New.Checklist, d.Old.Checklist} {
		if it, _, ok := c.Item(id); ok {
			return quoted(itemTitle(it))
		}
	}
	return id
}

func (d *Diff) stepText(s Step) string {
	due := "no due date"
	if !s.Due.IsZero() {
		due = "due " + s.Due.String()
	}
	return fmt.Sprintf("%s (owner %s, %s, %s)", quoted(s.Text), orNone(s.Owner), due, statusWord(s.Status))
}

func (d *Diff) stepMarkdown(s StepChange) string {
	switch {
	case s.Added:
		return field(fmt.Sprintf("Step %d added", s.ID), mdText(d.stepText(s.Step)))
	case s.Removed:
		return field(fmt.Sprintf("Step %d removed", s.ID), mdText(quoted(s.Step.Text)))
	}
	var parts []string
	for _, fc := range s.Fields {
		parts = append(parts, fc.Field+" "+d.textValue(fc)+" → "+d.textValue(FieldChange{Field: fc.Field, Old: fc.New}))
	}
	if s.Due != nil {
		parts = append(parts, "due "+dueText(*s.Due))
	}
	return field(fmt.Sprintf("Step %d", s.ID), mdText(quoted(s.Step.Text)+": "+strings.Join(parts, "; ")))
}

// dueText is "2027-03-31 → 2027-04-30, slipped 30 days".
func dueText(c DueChange) string {
	return orNone(c.Old.String()) + " → " + orNone(c.New.String()) + ", " + c.Describe()
}

// quoted shows free text on one line, in quotes, with its line breaks
// marked; "(none)" when empty.
func quoted(s string) string {
	if s == "" {
		return "(none)"
	}
	return `"` + strings.Join(strings.Split(strings.TrimRight(s, "\n"), "\n"), " ↵ ") + `"`
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
