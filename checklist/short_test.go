package checklist

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBuiltinItemsHaveShortTitles: every item of every built-in checklist
// names itself in a few words for the board (issue 10.4), each different
// from the others of its checklist, so that no two tiles or list lines
// read the same.
func TestBuiltinItemsHaveShortTitles(t *testing.T) {
	for _, c := range Builtins() {
		seen := map[string]string{}
		for _, e := range c.Items() {
			it := e.Item
			if it.Short == "" {
				t.Errorf("%s: item %s has no short title", c.ID, it.ID)
				continue
			}
			if n := utf8.RuneCountInString(it.Short); n > ShortTitleLength {
				t.Errorf("%s: item %s: short title %q is %d characters, more than %d", c.ID, it.ID, it.Short, n, ShortTitleLength)
			}
			if other, ok := seen[strings.ToLower(it.Short)]; ok {
				t.Errorf("%s: items %s and %s share the short title %q", c.ID, other, it.ID, it.Short)
			}
			seen[strings.ToLower(it.Short)] = it.ID
		}
	}
}

// TestBuiltinsSayShortTitlesAreLaddersWords: the files that say their
// wording is the source's also say the short titles are not.
func TestBuiltinsSayShortTitlesAreLaddersWords(t *testing.T) {
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), GuidanceSuffix) {
			continue
		}
		data, err := builtinFS.ReadFile("builtin/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "short titles (short:) are ladder's own words, not the source's") {
			t.Errorf("%s does not say its short titles are ladder's words", e.Name())
		}
	}
}

func TestShortTitle(t *testing.T) {
	for _, tc := range []struct{ short, title, want string }{
		{"Data: pay grades", "Do you use this data to help inform your pay grades?", "Data: pay grades"},
		{"", "Interventions", "Interventions"},
		{"", "Do you use this data to help inform your pay grades?", "Do you use this data to…"},
		{"", "Do you have clear career, pathways?", "Do you have clear…"},
		{"", strings.Repeat("x", 40), strings.Repeat("x", 23) + "…"},
	} {
		it := Item{Short: tc.short, Title: tc.title}
		if got := it.ShortTitle(); got != tc.want {
			t.Errorf("ShortTitle(%q, %q) = %q, want %q", tc.short, tc.title, got, tc.want)
		}
		if n := utf8.RuneCountInString(it.ShortTitle()); tc.short == "" && n > ShortTitleLength {
			t.Errorf("ShortTitle(%q) is %d characters", tc.title, n)
		}
	}
}

// TestBuiltinAreasHaveShortTitles: every area of every built-in checklist
// is named in a few words where its title does not fit (a table with a
// column per area: ladder history, 80 columns wide), each different from
// the others of its checklist; the Building Blocks' long titles (up to 98
// characters) have short titles of ladder's own, and a file that gives
// some says they are ladder's words.
func TestBuiltinAreasHaveShortTitles(t *testing.T) {
	for _, c := range Builtins() {
		seen := map[string]string{}
		for _, a := range c.Areas {
			short := a.ShortTitle()
			if n := utf8.RuneCountInString(short); n > AreaShortLength || strings.HasSuffix(short, "…") {
				t.Errorf("%s: area %s: short title %q is %d characters or cut; give it a short:", c.ID, a.ID, short, n)
			}
			if other, ok := seen[strings.ToLower(short)]; ok {
				t.Errorf("%s: areas %s and %s share the short title %q", c.ID, other, a.ID, short)
			}
			seen[strings.ToLower(short)] = a.ID
		}
	}
	data, err := builtinFS.ReadFile("builtin/smc-building-blocks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "The areas' and items' short titles (short:) are ladder's own words") {
		t.Error("the Building Blocks checklist gives areas short titles without saying they are ladder's words")
	}
}

// TestShortTitlesAreRead: an area's and an item's short: are read, their
// spaces trimmed; an area without one is named by its title, cut to fit.
func TestShortTitlesAreRead(t *testing.T) {
	c, err := Parse("x.yaml", []byte(`id: x
title: X
version: "1"
scale:
  - {key: red, label: Red}
  - {key: green, label: Green}
areas:
  - id: a
    title: Create a compelling, shared vision of socio-economic diversity and inclusion across your business
    short: " Vision "
    items:
      - id: one
        title: A long title that would not fit on a tile
        short: "  Long title  "
  - id: b
    title: Support all staff to access opportunities to develop
    items:
      - {id: two, title: Two}
  - id: c
    title: Workforce
    items:
      - {id: three, title: Three}
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Areas[0].Items[0].Short; got != "Long title" {
		t.Errorf("the item's short title = %q", got)
	}
	for i, want := range []string{"Vision", "Support all staff…", "Workforce"} {
		if got := c.Areas[i].ShortTitle(); got != want {
			t.Errorf("area %d: ShortTitle() = %q, want %q", i+1, got, want)
		}
	}
}
