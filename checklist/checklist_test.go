package checklist

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/seeds"
)

func TestBuiltinSMCProgression(t *testing.T) {
	c, ok := Builtin(DefaultID)
	if !ok {
		t.Fatalf("built-in %q missing", DefaultID)
	}
	if got := c.Len(); got != 21 {
		t.Errorf("items = %d, want 21", got)
	}
	wantAreas := map[string]int{"leadership-culture": 4, "workforce": 2, "enablers": 15}
	for _, a := range c.Areas {
		if wantAreas[a.ID] != len(a.Items) {
			t.Errorf("area %s has %d items, want %d", a.ID, len(a.Items), wantAreas[a.ID])
		}
	}
	var keys []string
	for _, l := range c.Scale {
		keys = append(keys, l.Key+"="+l.Description)
	}
	want := "red=Nothing/Not something you currently do|amber=Do something in this space but limited|green=Actively do this"
	if got := strings.Join(keys, "|"); got != want {
		t.Errorf("scale = %s\nwant %s", got, want)
	}
	if len(c.FollowUps) != 5 {
		t.Errorf("follow-ups = %d, want 5", len(c.FollowUps))
	}
	if !strings.Contains(c.Licence, "Open Government Licence v3.0") || !strings.Contains(c.Source, "Social Mobility Commission") {
		t.Errorf("attribution missing: source %q licence %q", c.Source, c.Licence)
	}
}

// TestBuiltinWordForWord checks every title, prompt and follow-up question of
// the embedded checklist against the source document, when it is present.
func TestBuiltinWordForWord(t *testing.T) {
	src := seeds.Read(t, "progression-masterclass-checklist.txt")
	text := strings.NewReplacer("&amp;", "&", "<u>", "", "</u>", "", "<b>", "", "</b>", "").Replace(src)
	c, _ := Builtin(DefaultID)
	check := func(s string) {
		if !strings.Contains(text, s) {
			t.Errorf("not word for word in the source: %q", s)
		}
	}
	for _, e := range c.Items() {
		check(e.Item.Title)
		for _, p := range e.Item.Prompts {
			check(p)
		}
	}
	for _, l := range c.Scale {
		check(l.Description)
	}
	for _, f := range c.FollowUps {
		check(f.Question)
	}
}

func TestResolve(t *testing.T) {
	if _, err := Resolve(""); err != nil {
		t.Fatal(err)
	}
	_, err := Resolve("nope")
	if err == nil || !strings.Contains(err.Error(), "smc-progression") {
		t.Errorf("unknown id error should list the built-ins, got %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"unknown key", "id: x\ntitle: t\nversion: '1'\ncolour: red\n", "4:1: unknown key \"colour\""},
		{"empty", "", "1:1: file is empty"},
		{"duplicate item", "id: x\ntitle: t\nversion: '1'\nscale:\n  - key: a\n  - key: b\nareas:\n  - id: a1\n    items:\n      - {id: i, title: T}\n      - {id: i, title: U}\n", "11:14: duplicate item id \"i\""},
		{"reserved key", "id: x\ntitle: t\nversion: '1'\nscale:\n  - key: unrated\n  - key: b\nareas: []\n", "5:10: \"unrated\" is reserved"},
		{"bad kind", "id: x\ntitle: t\nversion: '1'\nscale: [{key: a}, {key: b}]\nareas: [{id: a, items: [{id: i, title: T}]}]\nfollow_ups:\n  - {id: f, kind: essay, question: Q}\n", "7:19: unknown follow-up kind \"essay\""},
		{"wrong type", "id: x\ntitle: [t]\nversion: '1'\n", "2:8: title should be text"},
		// Two ends, a shape and a colour for each level between: past
		// five, two levels would look alike (see plans.ToneAt).
		{"six levels", "id: x\ntitle: t\nversion: '1'\nscale:\n  - key: a\n  - key: b\n  - key: c\n  - key: d\n  - key: e\n  - key: f\nareas: []\n", "10:5: the scale has 6 levels: ladder shows at most 5 apart"},
		// Digits rate by place (1 for the worst) in the screens and the
		// accessible prompts: a level keyed 0 could not be typed, and 1
		// would rate the second level.
		{"number key out of place", "id: x\ntitle: t\nversion: '1'\nscale:\n  - key: '0'\n  - key: '1'\n  - key: '2'\nareas: []\n", "5:10: scale key \"0\" is a number, but level 1: 1 rates the worst level"},
		{"unknown topic", "id: x\ntitle: t\nversion: '1'\nscale: [{key: a}, {key: b}]\nareas: [{id: a, items: [{id: i, title: T, topic: weather}]}]\n", "5:50: unknown topic \"weather\" (known: workforce-data)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), "c.yaml:"+tc.want) {
				t.Errorf("error = %v\nwant it to contain c.yaml:%s", err, tc.want)
			}
		})
	}
}

func TestShortcut(t *testing.T) {
	c, _ := Builtin(DefaultID)
	var got []string
	for i := range c.Scale {
		k, ok := c.Shortcut(i)
		if !ok {
			t.Fatalf("level %d has no shortcut", i)
		}
		got = append(got, k)
	}
	if strings.Join(got, "") != "rag" {
		t.Errorf("shortcuts = %v, want r a g", got)
	}
	two, err := Parse("c.yaml", []byte("id: x\ntitle: t\nversion: '1'\nscale: [{key: good}, {key: great}, {key: poor}]\nareas: [{id: a, items: [{id: i, title: T}]}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := two.Shortcut(0); ok {
		t.Error("good and great share g: neither should have a shortcut")
	}
	if k, ok := two.Shortcut(2); !ok || k != "p" {
		t.Errorf("poor: %q %v", k, ok)
	}
	// A key that starts with a digit has no letter: its digit is another
	// level's place ("2-some" first would take 2 from the second level).
	digits, err := Parse("c.yaml", []byte("id: x\ntitle: t\nversion: '1'\nscale: [{key: 2-some}, {key: 1-most}]\nareas: [{id: a, items: [{id: i, title: T}]}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range digits.Scale {
		if k, ok := digits.Shortcut(i); ok {
			t.Errorf("%s has the shortcut %q", digits.Scale[i].Key, k)
		}
	}
}

// TestWorkforceDataTopics checks which built-in items show the workforce
// data in the review: every item of the Data group, the Building Blocks'
// data building block, and the toolkit's analysis activities.
func TestWorkforceDataTopics(t *testing.T) {
	want := map[string]int{DefaultID: 7, "smc-building-blocks": 10, "smc-cross-industry-progression": 3}
	for id, n := range want {
		c, _ := Builtin(id)
		got := 0
		for _, e := range c.Items() {
			if e.Item.Topic == TopicWorkforceData {
				got++
				if id == DefaultID && e.Item.Group != "Data" {
					t.Errorf("%s is not in the Data group", e.Item.ID)
				}
			}
		}
		if got != n {
			t.Errorf("%s: %d items about the workforce data, want %d", id, got, n)
		}
	}
}

func TestCreditNamesTheSourceAndTheLicence(t *testing.T) {
	for _, tc := range []struct{ source, licence, want string }{
		{"Social Mobility Commission, Masterclass: Progression", "Contains public sector information licensed under the Open Government Licence v3.0.",
			"Social Mobility Commission, Masterclass: Progression. Contains public sector information licensed under the Open Government Licence v3.0."},
		{"Our HR team.", "Free to use.", "Our HR team. Free to use."},
		{"Our HR team", "", "Our HR team."},
		{"", "Free to use.", "Free to use."},
		{"", "", ""},
	} {
		c := &Checklist{Source: tc.source, Licence: tc.licence}
		if got := c.Credit(); got != tc.want {
			t.Errorf("Credit() of %q and %q = %q, want %q", tc.source, tc.licence, got, tc.want)
		}
	}
}
