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
