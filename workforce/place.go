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
	// ByVariant: the guide's answer as a survey tool or a typist words
	// it: without its hyphens or commas ("Long term unemployed"), without
	// "occupations" ("Technical and craft"), or one half of an answer the
	// guide gives as two ("Semi-routine manual and service occupations").
	ByVariant
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
	known    map[string]Placement // normalised text → placement
	variants map[string]Placement // loose text → placement, by ByVariant
	user     map[string]Placement
}

// NewPlacer returns a placer that knows the guide's answers, group names
// and example occupations, and the user's own placements, which come
// first.
func NewPlacer(places []Place) *Placer {
	p := &Placer{known: knownAnswers(), variants: answerVariants(), user: map[string]Placement{}}
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
		if rest, ok := strings.CutPrefix(n, normalise(c.Answer)); ok && startsDetail(rest) && !p.namesAnother(rest, c.Group) {
			return Placement{Group: c.Group, Category: c, By: ByAnswer}, true
		}
	}
	// A survey's own wording of the guide's answer, alone or followed by
	// a detail: "Long term unemployed", "Semi-routine manual and service
	// occupations such as cleaner".
	if pl, ok := p.variants[loose(n)]; ok {
		return pl, true
	}
	for i := range n {
		if !startsDetail(n[i:]) {
			continue
		}
		if pl, ok := p.variants[loose(n[:i])]; ok && pl.Group.IsReported() && !p.namesAnother(n[i:], pl.Group) {
			return pl, true
		}
	}
	return Placement{}, false
}

// namesAnother reports whether the words after an answer name an answer
// of another group: "Technical and craft occupations, Small business
// owners" is two answers (a survey's boxes ticked together), and which
// counts is for a person to say.
func (p *Placer) namesAnother(rest string, g Group) bool {
	words := " " + loose(rest) + " "
	for text, pl := range p.variants {
		if pl.Group != g && pl.Group.IsReported() && strings.Contains(words, " "+text+" ") {
			return true
		}
	}
	return false
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

// variantWordings are the ways surveys word the guide's answers, besides
// the guide's own, keyed by their loose form: each answer without its
// hyphens, commas and "occupations", and the two halves of the answers
// the guide gives as one (its source lists "Modern professional" and
// "Traditional professional", "Routine" and "Semi-routine" apart). Each is
// its category's own words: no answer is found by being like another, so
// "Routine manual" never reads as "Semi-routine manual", nor "Modern
// professional" as anything but professional.
var variantWordings = map[string][]string{
	"modern-professional": {
		"Modern professional occupations", "Traditional professional occupations",
		"Modern and traditional professional occupations", "Modern or traditional professional occupations",
		"Modern professional or traditional professional occupations",
	},
	"senior-managers": {
		"Senior, middle or junior managers", "Senior, middle and junior managers or administrators",
		"Senior managers or administrators", "Senior managers and administrators",
		"Middle or junior managers", "Middle or junior managers or administrators", "Middle and junior managers",
	},
	"small-business-owners": {"Small business owner"},
	"routine-manual-service": {
		"Routine manual and service occupations", "Semi-routine manual and service occupations",
		"Routine and semi-routine manual and service occupations", "Routine or semi-routine manual and service occupations",
	},
	"prefer-not-to-say": {
		"I'd prefer not to say", "I would prefer not to say", "Prefer not to answer", "I'd rather not say", "Rather not say",
		// HR systems' wordings of it.
		"Prefer not to disclose", "I'd prefer not to disclose", "I do not wish to disclose", "Do not wish to disclose",
		"Decline to state", "Decline to answer",
	},
}

// answerVariants is the guide's reported answers and variantWordings by
// their loose form. A loose form two categories share is left out, to be
// asked about.
func answerVariants() map[string]Placement {
	out := map[string]Placement{}
	ambiguous := map[string]bool{}
	add := func(text string, c *Category) {
		l := loose(text)
		if old, ok := out[l]; ok && old.Category != c {
			ambiguous[l] = true
		}
		out[l] = Placement{Group: c.Group, Category: c, By: ByVariant}
	}
	for i := range Categories {
		c := &Categories[i]
		if c.Group.IsReported() {
			add(c.Answer, c)
		}
		for _, w := range variantWordings[c.Key] {
			add(w, c)
		}
	}
	for l := range ambiguous {
		delete(out, l)
	}
	return out
}

// loose is an answer as the variants are matched: normalised, with
// hyphens and commas as spaces, a slash as "and", and without a last word
// "occupations". Headers are never read this way: "socio-economic" in a
// header stays one word.
func loose(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', ',':
			return ' '
		}
		return r
	}, strings.ReplaceAll(normalise(s), "/", " and "))
	s = strings.Join(strings.Fields(s), " ")
	for _, w := range []string{" occupations", " occupation"} {
		if t, ok := strings.CutSuffix(s, w); ok {
			return t
		}
	}
	return s
}

// normalise folds the differences between two spellings of one answer
// that a survey tool or a spreadsheet introduces: case, curly quotes and
// the marks used for them, dashes and hyphens of every kind, "&" for
// "and", spacing (zero-width spaces and byte-order marks included), and
// full stops or quotes around it.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '‘', '’', 'ʼ', '`', '\u201b', '\u2032', '\u00b4':
			r = '\''
		case '“', '”', '\u201e', '\u201f', '\u2033':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '–', '—', '\u2015', '\u2212', '\ufe63', '\uff0d':
			r = '-'
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			continue // invisible: zero-width spaces, a byte-order mark, a soft hyphen
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

// A likely answer is the guide's answer that a survey's own non-answer
// most likely stands for (whereItMayBelong).
type likely int

const (
	noLikelyAnswer likely = iota
	notApplicable         // "N/A", "Not applicable"
	notKnown              // "Unknown", "Not sure"
	unemployed            // "Unemployed": long-term or not, the survey did not ask
	otherBox              // the survey's "Other (please specify)" option itself
	selfEmployed          // "Self-employed": most often their own small business
)

// likelyAnswers are those non-answers by their letters alone ("N/A" and
// "n.a." are "na").
var likelyAnswers = map[string]likely{
	"na": notApplicable, "notapplicable": notApplicable, "doesnotapply": notApplicable, "doesntapply": notApplicable,
	"unknown": notKnown, "notknown": notKnown, "notsure": notKnown, "unsure": notKnown,
	"unemployed": unemployed, "outofwork": unemployed, "notworking": unemployed, "notinwork": unemployed,
	"otherpleasespecify": otherBox, "otherspecify": otherBox, "otherpleasestate": otherBox,
	"otherpleasedescribe": otherBox, "otherpleasegivedetails": otherBox, "otherpleasesay": otherBox,
	"selfemployed": selfEmployed, "ownbusiness": selfEmployed, "ranownbusiness": selfEmployed,
	"freelance": selfEmployed, "freelancer": selfEmployed,
}

func likelyAnswer(answer string) likely {
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, normalise(answer))
	return likelyAnswers[letters]
}
