package workforce

import (
	"strings"
	"testing"
)

func TestPlace(t *testing.T) {
	p := NewPlacer(nil)
	for _, tc := range []struct {
		answer string
		group  Group
		by     PlacedBy
		cat    string // category key, "" when placed by group
	}{
		{"Technical and craft occupations", WorkingClass, ByAnswer, "technical-craft"},
		{"  technical & craft OCCUPATIONS. ", WorkingClass, ByAnswer, "technical-craft"},
		{"Technical and craft occupations such as motor mechanic, plumber, printer, electrician, gardener, train driver.", WorkingClass, ByAnswer, "technical-craft"},
		{"Technical and craft occupations (e.g. plumber)", WorkingClass, ByAnswer, "technical-craft"},
		{"Routine, semi-routine manual and service occupations – such as cleaner", WorkingClass, ByAnswer, "routine-manual-service"},
		{"Long-term unemployed (claimed Jobseeker’s Allowance or earlier unemployment benefit for more than a year)", WorkingClass, ByAnswer, "long-term-unemployed"},
		{"Small business owners who employed fewer than 20 people", Intermediate, ByAnswer, "small-business-owners"},
		{"Senior, middle or junior managers or administrators", Professional, ByAnswer, "senior-managers"},
		{"I prefer not to say.", PreferNotToSay, ByAnswer, "prefer-not-to-say"},
		{"Prefer not to say", PreferNotToSay, ByAnswer, "prefer-not-to-say"},
		{"Other", Other, ByAnswer, "other"},
		{"I don’t know", Other, ByExample, "other"},
		{"Retired", Other, ByExample, "other"},
		{"Working class", WorkingClass, ByGroup, ""},
		{"HIGH SOCIO-ECONOMIC OR PROFESSIONAL BACKGROUND", Professional, ByGroup, ""},
		{"Intermediate", Intermediate, ByGroup, ""},
		{"Plumber", WorkingClass, ByExample, "technical-craft"},
		{"plumbers", WorkingClass, ByExample, "technical-craft"},
		{"Nurse", Professional, ByExample, "modern-professional"},
		{"Nursery nurse", Intermediate, ByExample, "clerical-intermediate"},
		{"corner shop owner", Intermediate, ByExample, "small-business-owners"},
		{"Small plumbing company", Intermediate, ByExample, "small-business-owners"},
		{"Police officer (sergeant or above)", Professional, ByExample, "modern-professional"},
		{"waitress", WorkingClass, ByExample, "routine-manual-service"},
		{"HGV driver", WorkingClass, ByExample, "routine-manual-service"},
	} {
		pl, ok := p.Place(tc.answer)
		if !ok {
			t.Errorf("%q not placed", tc.answer)
			continue
		}
		cat := ""
		if pl.Category != nil {
			cat = pl.Category.Key
		}
		if pl.Group != tc.group || pl.By != tc.by || cat != tc.cat {
			t.Errorf("%q placed in %s (%s) by rule %d, want %s (%s) by rule %d", tc.answer, pl.Group.Name(), cat, pl.By, tc.group.Name(), tc.cat, tc.by)
		}
	}
	for _, answer := range []string{
		"Lorry driver",                 // not one of the guide's examples: a person decides
		"Police officer",               // the guide says sergeant or above: a constable is not
		"Other: my mum drove a lorry",  // someone's own answer after "Other"
		"Technical and craft services", // a different answer that starts the same way
		"Small business owners with 50 staff",
		"",
	} {
		if pl, ok := p.Place(answer); ok {
			t.Errorf("%q should not be placed, got %s", answer, pl.Group.Name())
		}
	}
}

func TestPlaceByUser(t *testing.T) {
	lorry, err := ParsePlace("Lorry driver=routine-manual-service")
	if err != nil {
		t.Fatal(err)
	}
	grouped, err := ParsePlace("Police officer = working-class")
	if err != nil {
		t.Fatal(err)
	}
	// The user's word wins over the guide's example.
	nurse, err := ParsePlace("nurse=intermediate")
	if err != nil {
		t.Fatal(err)
	}
	p := NewPlacer([]Place{lorry, grouped, nurse})
	for answer, want := range map[string]Group{"LORRY DRIVER": WorkingClass, "police officer": WorkingClass, "Nurse": Intermediate} {
		pl, ok := p.Place(answer)
		if !ok || pl.Group != want || pl.By != ByUser {
			t.Errorf("%q: %v %v, want %s by the user", answer, pl, ok, want.Name())
		}
	}
	for _, bad := range []string{"no equals sign", "=technical-craft", "Lorry driver=lorries", "x=other-things"} {
		if _, err := ParsePlace(bad); err == nil {
			t.Errorf("ParsePlace(%q) should fail", bad)
		}
	}
	if _, err := ParsePlace("a=b=technical-craft"); err != nil {
		t.Errorf("an answer may contain '=': %v", err)
	}
}

// TestExamplesAreUnambiguous checks that no example occupation, in any of
// its forms, is claimed by two answers: such an answer would be guessed.
func TestExamplesAreUnambiguous(t *testing.T) {
	owner := map[string]string{}
	for _, c := range Categories {
		for _, e := range c.Examples {
			for _, f := range numberForms(e) {
				n := normalise(f)
				if o, ok := owner[n]; ok && o != c.Key {
					t.Errorf("%q is an example of %s and of %s", f, o, c.Key)
				}
				owner[n] = c.Key
			}
		}
	}
	if len(owner) < 50 {
		t.Errorf("only %d example forms", len(owner))
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"  Technical & Craft\toccupations. ": "technical and craft occupations",
		"“I don’t know”":                     "i don't know",
		"A – B":                              "a - b",
		"&":                                  "and",
	} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
	if strings.Contains(normalise("x\u00a0y"), "\u00a0") {
		t.Error("a no-break space is a space")
	}
}

// TestPlaceVariants: the spellings survey tools and typists give the
// guide's answers are placed in the answer's group, by a rule of their own
// so the import lists them for checking; answers that are close but not
// the same are never taken for each other.
func TestPlaceVariants(t *testing.T) {
	p := NewPlacer(nil)
	for answer, want := range map[string]string{
		"Long term unemployed":                                        "long-term-unemployed",
		"Long term unemployed (claimed Jobseeker's Allowance)":        "long-term-unemployed",
		"Technical and craft":                                         "technical-craft",
		"Technical & craft occupation":                                "technical-craft",
		"Semi-routine manual and service occupations":                 "routine-manual-service",
		"Semi routine manual and service occupations":                 "routine-manual-service",
		"Routine manual and service occupations":                      "routine-manual-service",
		"Routine semi-routine manual and service occupations":         "routine-manual-service",
		"Routine and semi-routine manual and service occupations":     "routine-manual-service",
		"Routine, semi routine manual and service":                    "routine-manual-service",
		"Semi-routine manual and service occupations such as cleaner": "routine-manual-service",
		"Modern professional occupations":                             "modern-professional",
		"Traditional professional occupations":                        "modern-professional",
		"Modern professional and traditional professional":            "modern-professional",
		"Modern/traditional professional occupations":                 "modern-professional",
		"Senior middle or junior managers or administrators":          "senior-managers",
		"Senior, middle, or junior managers or administrators":        "senior-managers",
		"Senior managers and administrators":                          "senior-managers",
		"Middle or junior managers":                                   "senior-managers",
		"Clerical and intermediate":                                   "clerical-intermediate",
		"Small business owner":                                        "small-business-owners",
		"Small business owner who employed fewer than 20 people":      "small-business-owners",
		"I'd prefer not to say":                                       "prefer-not-to-say",
		"Prefer not to answer":                                        "prefer-not-to-say",
		"Rather not say":                                              "prefer-not-to-say",
		"Prefer not to disclose":                                      "prefer-not-to-say",
		"I do not wish to disclose":                                   "prefer-not-to-say",
		"Decline to state":                                            "prefer-not-to-say",
		"Technical/craft occupations":                                 "technical-craft",
		"Clerical/intermediate occupations":                           "clerical-intermediate",
		"Senior managers/administrators":                              "senior-managers",
		"Routine/semi-routine manual and service occupations":         "routine-manual-service",
	} {
		pl, ok := p.Place(answer)
		switch {
		case !ok:
			t.Errorf("%q not placed, want %s", answer, want)
		case pl.Category == nil || pl.Category.Key != want:
			t.Errorf("%q placed as %+v, want %s", answer, pl, want)
		case pl.By != ByVariant:
			t.Errorf("%q placed by rule %d, want ByVariant (%d): the import must list it for checking", answer, pl.By, ByVariant)
		}
	}
	// Dashes, quotes and spaces of every kind are the guide's answer
	// itself, read without comment as before.
	for answer, want := range map[string]string{
		"Long\u2010term unemployed":                                  "long-term-unemployed", // Unicode hyphen
		"Long\u2011term unemployed":                                  "long-term-unemployed", // no-break hyphen
		"Long\u2212term unemployed":                                  "long-term-unemployed", // minus sign
		"Technical and\u200b craft occupations":                      "technical-craft",      // zero-width space
		"\ufeffTechnical and craft occupations":                      "technical-craft",      // byte-order mark in a cell
		"I prefer not to say\u00a0":                                  "prefer-not-to-say",
		"Small business owners \u2013 who employed":                  "small-business-owners",
		"I don\u00b4t know":                                          "other", // acute accent for an apostrophe
		"I don\u2032t know":                                          "other", // prime
		"Modern professional & traditional professional occupations": "modern-professional",
	} {
		pl, ok := p.Place(answer)
		if !ok || pl.Category == nil || pl.Category.Key != want {
			t.Errorf("%q placed as %+v %v, want %s", answer, pl, ok, want)
		}
	}
	// Close is not the same: none of these is any answer of the guide's.
	for _, answer := range []string{
		"Routine",
		"Semi-routine",
		"Manual and service occupations",
		"Professional occupations",
		"Modern",
		"Long term",
		"Unemployed",
		"Short-term unemployed",
		"Technical",
		"Craft",
		"Technical and craft services",
		"Clerical",
		"Small business",
		"Business owners",
		"Non-routine manual and service occupations",
		"Semi-professional occupations",
		"Other: my mum drove a lorry",
		"Rather not say: my dad was a plumber", // as "Other: ...", someone's own words
		"Not applicable",                       // the guide's "does not apply to me", or a blank typed by hand: a person says
		// Two answers ticked together: which counts is for a person.
		"Technical and craft occupations, Small business owners",
		"Semi-routine manual and service occupations, Clerical and intermediate occupations",
		"Modern professional, Long term unemployed",
	} {
		if pl, ok := p.Place(answer); ok {
			t.Errorf("%q should not be placed, got %s (%+v)", answer, pl.Group.Name(), pl.Category)
		}
	}
	// The guide's line, however a survey joins its answer to the rest,
	// is still the guide's answer.
	for _, c := range Categories {
		if !c.Group.IsReported() {
			continue
		}
		for _, sep := range []string{" – ", ": ", ", ", " ("} {
			answer := c.Answer + sep + c.Detail
			if pl, ok := p.Place(answer); !ok || pl.Category == nil || pl.Category.Key != c.Key || pl.By != ByAnswer {
				t.Errorf("%q placed as %+v %v, want %s by the guide's answer", answer, pl, ok, c.Key)
			}
		}
	}
}

// TestVariantsAreTheirAnswers checks that every wording of an answer is
// read as its own category and no other.
func TestVariantsAreTheirAnswers(t *testing.T) {
	p := NewPlacer(nil)
	for key, wordings := range variantWordings {
		for _, w := range wordings {
			pl, ok := p.Place(w)
			if !ok || pl.Category == nil || pl.Category.Key != key {
				t.Errorf("%q placed as %+v %v, want %s", w, pl, ok, key)
			}
		}
	}
}
