package workforce

import (
	"fmt"
	"strings"
	"unicode"
)

// PlacedBy says which rule placed an answer in its group, so that an
// import can show how it read the answers and a person can check it.
type PlacedBy int

const (
	// ByAnswer: the guide's answer, as the guide words it, alone or
	// followed by the rest of its line ("such as ...").
	ByAnswer PlacedBy = iota
	// ByGroup: the name or heading of one of the guide's groups
	// ("Working class"), for surveys that asked for the group itself.
	ByGroup
	// ByExample: one of the guide's example occupations ("Plumber").
	ByExample
	// ByUser: a placement the user gave (ladder data import --place).
	ByUser
)

// Placement is where an answer is counted, and why.
type Placement struct {
	Group Group
	// Category is the guide's answer it matched; nil when it was placed
	// by a group's name or a --place that names a group.
	Category *Category
	By       PlacedBy
}

// Place is a user's placement of one answer: "Lorry driver" counted as
// routine-manual-service.
type Place struct {
	Answer string
	Target Placement
}

// ParsePlace reads "ANSWER=KEY", where KEY is a category key
// (technical-craft) or a group key (working_class or working-class). The
// answer is the text as it appears in the CSV; case, spacing and curly
// quotes do not matter. The last '=' separates them, so an answer may
// itself contain one.
func ParsePlace(s string) (Place, error) {
	i := strings.LastIndexByte(s, '=')
	if i < 0 {
		return Place{}, fmt.Errorf("%q should be ANSWER=KEY, e.g. \"Lorry driver=routine-manual-service\"", s)
	}
	answer, key := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if normalise(answer) == "" {
		return Place{}, fmt.Errorf("%q has no answer before the '='", s)
	}
	t, ok := PlacementByKey(key)
	if !ok {
		return Place{}, fmt.Errorf("%q: no answer or group with the key %q (see ladder data groups for the keys)", s, key)
	}
	t.By = ByUser
	return Place{Answer: answer, Target: t}, nil
}

// PlacementByKey finds a category key (technical-craft) or a group key
// (working_class, also written working-class).
func PlacementByKey(key string) (Placement, bool) {
	key = strings.ToLower(key)
	if c, ok := CategoryByKey(key); ok {
		return Placement{Group: c.Group, Category: c}, true
	}
	if g, ok := GroupByKey(strings.ReplaceAll(key, "-", "_")); ok {
		return Placement{Group: g}, true
	}
	return Placement{}, false
}

// Placer matches free-text answers to the guide's groups. It is built once
// per import and keeps nothing of the answers it sees.
type Placer struct {
	known map[string]Placement // normalised text → placement
	user  map[string]Placement
}

// NewPlacer returns a placer that knows the guide's answers, group names
// and example occupations, and the user's own placements, which come
// first.
func NewPlacer(places []Place) *Placer {
	p := &Placer{known: knownAnswers(), user: map[string]Placement{}}
	for _, pl := range places {
		p.user[normalise(pl.Answer)] = pl.Target
	}
	return p
}

// Place says where an answer is counted; false means it could not be
// placed and a person must say where it belongs.
func (p *Placer) Place(answer string) (Placement, bool) {
	n := normalise(answer)
	if pl, ok := p.user[n]; ok {
		return pl, true
	}
	if pl, ok := p.known[n]; ok {
		return pl, true
	}
	// The guide's answer followed by its detail, as a survey shows it:
	// "Technical and craft occupations such as motor mechanic, ...".
	// Not for "Other": "Other: lorry driver" is someone's own answer,
	// to be placed by a person.
	for i := range Categories {
		c := &Categories[i]
		if !c.Group.IsReported() {
			continue
		}
		if rest, ok := strings.CutPrefix(n, normalise(c.Answer)); ok && startsDetail(rest) {
			return Placement{Group: c.Group, Category: c, By: ByAnswer}, true
		}
	}
	return Placement{}, false
}

// startsDetail reports whether what follows an answer's words is the rest
// of the guide's line, or a survey's own way of adding it, rather than more
// words of a different answer.
func startsDetail(rest string) bool {
	for _, p := range []string{" such as", " e.g", " eg ", " (", " who ", " -", ":", ","} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// knownAnswers is every text the guide gives for an answer or a group,
// normalised, with the example occupations in the singular and the plural.
// An example that two categories would share is left out, so that an
// ambiguous answer is asked about rather than guessed.
func knownAnswers() map[string]Placement {
	known := map[string]Placement{}
	ambiguous := map[string]bool{}
	add := func(text string, pl Placement) {
		n := normalise(text)
		if old, ok := known[n]; ok {
			// The same text twice: keep the first, most specific,
			// reading, unless the two disagree on the group.
			if old.Group != pl.Group {
				ambiguous[n] = true
			}
			return
		}
		known[n] = pl
	}
	for i := range Categories {
		c := &Categories[i]
		add(c.Answer, Placement{Group: c.Group, Category: c, By: ByAnswer})
		add(c.Answer+" "+c.Detail, Placement{Group: c.Group, Category: c, By: ByAnswer})
		for _, e := range c.Examples {
			for _, form := range numberForms(e) {
				add(form, Placement{Group: c.Group, Category: c, By: ByExample})
			}
		}
	}
	// Common spellings of the excluded answers.
	other, _ := CategoryByKey("other")
	noSay, _ := CategoryByKey("prefer-not-to-say")
	add("don't know", Placement{Group: Other, Category: other, By: ByAnswer})
	add("do not know", Placement{Group: Other, Category: other, By: ByAnswer})
	add("prefer not to say", Placement{Group: PreferNotToSay, Category: noSay, By: ByAnswer})
	for _, g := range Groups {
		add(g.Name(), Placement{Group: g, By: ByGroup})
		if g.IsReported() {
			add(g.Heading(), Placement{Group: g, By: ByGroup})
		}
	}
	for n := range ambiguous {
		delete(known, n)
	}
	return known
}

// numberForms gives an example occupation in the singular and the plural:
// the guide writes "corner shop owners" and an answer says "corner shop
// owner".
func numberForms(s string) []string {
	switch {
	case strings.Contains(s, "("):
		// "police officer (sergeant or above)" has no plural to make.
		return []string{s}
	case strings.HasSuffix(s, "ies"):
		return []string{s, strings.TrimSuffix(s, "ies") + "y"}
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return []string{s, strings.TrimSuffix(s, "s")}
	case strings.HasSuffix(s, "y"):
		return []string{s, strings.TrimSuffix(s, "y") + "ies"}
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "sh"), strings.HasSuffix(s, "ch"):
		return []string{s, s + "es"}
	}
	return []string{s, s + "s"}
}

// normalise folds the differences between two spellings of one answer
// that a survey tool or a spreadsheet introduces: case, curly quotes,
// dashes, "&" for "and", spacing, and full stops or quotes around it.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '‘', '’', 'ʼ', '`':
			r = '\''
		case '“', '”':
			r = '"'
		case '–', '—':
			r = '-'
		case '&':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Trim(b.String(), ` ."'!;`)
}
