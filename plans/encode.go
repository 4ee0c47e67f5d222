package plans

import (
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
)

// Encode returns the canonical YAML of a plan. The same plan always gives
// the same bytes; items and follow-ups come in checklist order, each
// introduced by a comment with its title so a diff shows which one changed;
// every field is written, even when empty, so that filling one in changes a
// line rather than inserting one (and two people filling in different items
// never touch neighbouring lines).
func Encode(p *Plan) []byte {
	c := p.Checklist
	b := make([]byte, 0, 256+160*c.Len())
	b = append(b, "# ladder review plan: "...)
	b = appendComment(b, c.Title)
	b = append(b, '\n')
	if c.Source != "" {
		b = append(b, "# Checklist: "...)
		b = appendComment(b, c.Source)
		b = append(b, '\n')
	}
	if c.Licence != "" {
		b = append(b, "# "...)
		b = appendComment(b, c.Licence)
		b = append(b, '\n')
	}
	b = append(b, "# Edit by hand or with `ladder review`; check with `ladder check`.\n"...)
	b = append(b, "schema: "...)
	b = strconv.AppendInt(b, int64(p.Schema), 10)
	b = append(b, "\nchecklist:\n"...)
	b = appendField(b, 2, "id", p.ChecklistRef.ID)
	b = appendField(b, 2, "version", p.ChecklistRef.Version)
	if p.ChecklistRef.File != "" {
		b = appendField(b, 2, "file", p.ChecklistRef.File)
	}
	b = appendField(b, 0, "organisation", p.Organisation)
	b = appendField(b, 0, "title", p.Title)
	b = appendDate(b, 0, "date", p.Date)
	b = appendField(b, 0, "facilitator", p.Facilitator)
	b = appendList(b, 0, "participants", p.Participants)
	// Written only when set, so that every plan made before these links
	// existed saves byte for byte as it was.
	if p.PreviousReview != "" {
		b = appendField(b, 0, "previous_review", p.PreviousReview)
	}
	if p.NextReview != "" {
		b = appendField(b, 0, "next_review", p.NextReview)
	}

	b = append(b, "items:\n"...)
	for _, a := range c.Areas {
		b = append(b, "\n  # == "...)
		b = appendComment(b, a.Title)
		b = append(b, " ==\n"...)
		for _, it := range a.Items {
			b = appendItem(b, c, &it, p.Items[it.ID])
		}
	}

	if len(c.FollowUps) > 0 {
		b = append(b, "\nfollow_ups:\n"...)
		for _, f := range c.FollowUps {
			b = appendFollowUp(b, p, f, p.FollowUps[f.ID])
		}
	}
	b = withHandComments(b, p.comments)
	return p.layout.Apply(b)
}

func appendItem(b []byte, c *checklist.Checklist, it *checklist.Item, r *Response) []byte {
	if r == nil {
		r = &Response{Rating: checklist.Unrated, Status: StatusTodo}
	}
	b = append(b, "\n  # "...)
	b = appendItemTitle(b, it)
	b = append(b, "\n  "...)
	b = appendKey(b, it.ID)
	b = append(b, ":\n"...)
	b = appendField(b, 4, "rating", r.Rating)
	if r.Votes != nil {
		b = appendVotes(b, c, r.Votes)
	}
	if r.Revisit {
		b = append(b, "    revisit: true\n"...)
	}
	b = appendField(b, 4, "action", r.Action)
	b = appendField(b, 4, "owner", r.Owner)
	b = appendDate(b, 4, "due", r.Due)
	b = appendField(b, 4, "status", string(r.Status))
	b = appendField(b, 4, "notes", r.Notes)
	return b
}

func appendFollowUp(b []byte, p *Plan, f checklist.FollowUp, a *Answer) []byte {
	c := p.Checklist
	if a == nil {
		a = &Answer{}
	}
	b = append(b, "\n  # "...)
	b = appendComment(b, f.Question)
	b = append(b, '\n')
	if f.Kind == checklist.KindCounts {
		b = append(b, "  # (The counts are worked out from the ratings above, so they are not stored.)\n"...)
	}
	b = append(b, "  "...)
	b = appendKey(b, f.ID)
	b = append(b, ":\n"...)
	switch f.Kind {
	case checklist.KindList:
		b = appendList(b, 4, "answers", a.List)
	case checklist.KindPerArea:
		b = append(b, "    by_area:\n"...)
		for _, area := range c.Areas {
			b = appendIndent(b, 6)
			b = appendKey(b, area.ID)
			b = append(b, ':')
			if v := a.ByArea[area.ID]; v != "" {
				b = append(b, ' ')
				b = appendScalar(b, v, 6)
			}
			b = append(b, '\n')
		}
	case checklist.KindText:
		b = appendField(b, 4, "answer", a.Text)
	case checklist.KindPlan:
		b = appendSteps(b, p, a.Steps)
	}
	b = appendDate(b, 4, "due", a.Due)
	return b
}

// stepsComment is the line above a plan's steps, when it has any.
const stepsComment = "# In the order of the plan. A step keeps its id for life."

func appendSteps(b []byte, p *Plan, steps []Step) []byte {
	if len(steps) == 0 {
		return append(b, "    steps: []\n"...)
	}
	b = append(b, "    "+stepsComment+"\n"...)
	b = append(b, "    steps:\n"...)
	for _, s := range steps {
		b = append(b, "      - id: "...)
		b = strconv.AppendInt(b, int64(s.ID), 10)
		b = append(b, '\n')
		b = appendField(b, 8, "step", s.Text)
		b = appendField(b, 8, "owner", s.Owner)
		b = appendDate(b, 8, "due", s.Due)
		status := s.Status
		if status == "" {
			status = StatusTodo
		}
		b = appendField(b, 8, "status", string(status))
		if s.From != "" {
			b = appendFrom(b, p, s)
		}
	}
	return b
}

// appendFrom writes where a step came from, with the recommendation in
// words above the item's id, as items have it above theirs (issue 12.10),
// and whether the step still follows the item's action. (A comment on a
// line of its own: one after the value would send the file to the slow
// parser.)
func appendFrom(b []byte, p *Plan, s Step) []byte {
	if it, _, ok := p.Checklist.Item(s.From); ok {
		b = appendIndent(b, 8)
		if p.Follows(s) {
			b = append(b, stepLinePrefixes[0]...)
		} else {
			b = append(b, stepLinePrefixes[1]...)
		}
		b = appendComment(b, it.Title)
		b = append(b, '\n')
	}
	return appendField(b, 8, "from", s.From)
}

// appendField writes "key: value"; an empty value is written as nothing
// after the colon, which every YAML parser reads as null.
func appendField(b []byte, indent int, key, value string) []byte {
	b = appendIndent(b, indent)
	b = append(b, key...)
	b = append(b, ':')
	if value != "" {
		b = append(b, ' ')
		b = appendScalar(b, value, indent)
	}
	return append(b, '\n')
}

// appendDate writes a date unquoted, as YAML's own date form, so that other
// tools read it as a date.
func appendDate(b []byte, indent int, key string, d Date) []byte {
	b = appendIndent(b, indent)
	b = append(b, key...)
	b = append(b, ':')
	if !d.IsZero() {
		b = append(b, ' ')
		b = append(b, d.String()...)
	}
	return append(b, '\n')
}

func appendList(b []byte, indent int, key string, values []string) []byte {
	b = appendIndent(b, indent)
	b = append(b, key...)
	if len(values) == 0 {
		return append(b, ": []\n"...)
	}
	b = append(b, ":\n"...)
	for _, v := range values {
		b = appendIndent(b, indent+2)
		b = append(b, "- "...)
		if strings.Contains(v, "\n") {
			// A block scalar inside a list entry would need its indentation
			// worked out against the dash; a quoted string is always right.
			b = appendDoubleQuoted(b, v)
		} else {
			b = appendScalar(b, v, indent+2)
		}
		b = append(b, '\n')
	}
	return b
}

// appendItemTitle writes the words of the comment ladder writes above an
// item ("Group: Title"), after its "# "; the loader compares them with the
// line above an item the checklist no longer has (renamedTo).
func appendItemTitle(b []byte, it *checklist.Item) []byte {
	if it.Group != "" {
		b = appendComment(b, it.Group)
		b = append(b, ": "...)
	}
	return appendComment(b, it.Title)
}

// appendComment writes text on one comment line: line breaks in a custom
// checklist's titles become spaces, and characters a comment cannot hold
// (control characters, which the loader refuses and which would act on a
// terminal showing the file) are shown as safetext shows them.
func appendComment(b []byte, s string) []byte {
	s = safetext.Line(strings.Join(strings.Fields(s), " "))
	if strings.Contains(s, "  ") { // an invisible character between spaces, dropped by Line
		s = strings.Join(strings.Fields(s), " ")
	}
	// All three begin with the byte 0xEF in UTF-8; ContainsAny decodes
	// every rune of s, and ownComments calls this for two lines an item.
	if strings.IndexByte(s, 0xef) >= 0 && strings.ContainsAny(s, "\ufeff\ufffe\uffff") {
		s = strings.NewReplacer("\ufeff", "\ufffd", "\ufffe", "\ufffd", "\uffff", "\ufffd").Replace(s)
	}
	return append(b, s...)
}
