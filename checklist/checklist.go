// Package checklist is what a review checklist is: its rating scale, its
// areas and their items (recommendations with prompt questions), and the
// follow-up questions asked once every item is rated. It loads checklists
// from YAML, strictly, and embeds the built-in ones.
//
// It knows nothing about plans or screens; plans refer to a checklist by id
// and version and to its items by their stable ids.
package checklist

import (
	"strings"
	"unicode/utf8"
)

// Checklist is a complete review checklist.
type Checklist struct {
	ID      string // stable identifier, e.g. "smc-progression"
	Title   string
	Version string
	Source  string // who wrote the wording
	Licence string // the licence line to show wherever the wording is shown
	Intro   string
	// Scale lists the rating levels from worst to best.
	Scale     []Level
	Areas     []Area
	FollowUps []FollowUp
	// Glossary defines terms the checklist uses, for the help screen.
	Glossary []Term

	index   map[string]ItemRef
	entries []Entry // every item in order, built with the index
}

// Credit is the line that credits the checklist's wording wherever it is
// shown: who wrote it and under which licence ("Social Mobility
// Commission, Masterclass: Progression (…). Contains public sector
// information licensed under the Open Government Licence v3.0."), or
// whichever of the two the checklist gives.
func (c *Checklist) Credit() string {
	source := c.Source
	if source != "" && !strings.HasSuffix(source, ".") {
		source += "."
	}
	return strings.TrimSpace(source + " " + c.Licence)
}

// Level is one step of the rating scale.
type Level struct {
	Key         string // as written in plan files: "red"
	Label       string // as shown to people: "Red"
	Description string // what the level means: "Nothing/Not something you currently do"
}

// Area groups items, e.g. "Leadership & Culture".
type Area struct {
	ID    string
	Title string
	// Short names the area in a word or two where its title does not fit
	// (table columns, a row's first cell): ladder's words, not the
	// source's. Empty in a checklist that gives none: see ShortTitle.
	Short string
	Intro string
	Items []Item
	// IfAllYouDo lists a few suggestions for the area when time is short.
	IfAllYouDo []Suggestion
}

// Item is one rated recommendation.
type Item struct {
	ID string
	// Group is an optional heading inside the area ("Data").
	Group string
	// Topic says what else ladder knows that bears on the item: Topics
	// lists them. The review shows the workforce data beside an item on
	// TopicWorkforceData.
	Topic string
	Title string
	// Short names the item in a few words where its title does not fit
	// (board tiles, lists): ladder's words, written from the title, not the
	// source's. Empty in a checklist that gives none: see ShortTitle.
	Short    string
	Prompts  []string
	Guidance []Passage
}

// TopicWorkforceData marks an item about collecting or analysing
// socio-economic background data: the review shows what the plan's
// workforce data file holds beside it.
const TopicWorkforceData = "workforce-data"

// Topics lists the topics an item may name.
var Topics = []string{TopicWorkforceData}

// LeadsIn reports whether the item's title ends in a colon and goes on in
// its prompts ("Reassure them that the data will:"): on its own, without
// them, it reads as a sentence cut off.
func (it *Item) LeadsIn() bool {
	return strings.HasSuffix(it.Title, ":") && len(it.Prompts) > 0
}

// ShortTitleLength is about as long as a short title should be: what a
// board tile or a list line has room for.
const ShortTitleLength = 24

// ShortTitle names the item in a few words: its Short title, else its title
// when that is short, else the title's first words up to about
// ShortTitleLength characters, with "…".
func (it *Item) ShortTitle() string {
	if it.Short != "" {
		return it.Short
	}
	return shorten(it.Title, ShortTitleLength)
}

// shorten is title when it is at most n characters, else its first words
// up to n-1 characters, with "…".
func shorten(title string, n int) string {
	title = strings.Join(strings.Fields(title), " ")
	if utf8.RuneCountInString(title) <= n {
		return title
	}
	cut := ""
	for _, w := range strings.Fields(title) {
		next := strings.TrimSpace(cut + " " + w)
		if utf8.RuneCountInString(next) > n-1 {
			break
		}
		cut = next
	}
	if cut == "" { // one very long word
		cut = string([]rune(title)[:n-1])
	}
	return strings.TrimRight(cut, ",;:.–-— ") + "…"
}

// AreaShortLength is about as long as an area's short title should be: a
// column of a table that has one per area, such as ladder history's.
const AreaShortLength = 20

// ShortTitle names the area where its title does not fit: its Short title,
// else its title when that is short, else the title's first words up to
// about AreaShortLength characters, with "…".
func (a *Area) ShortTitle() string {
	return a.ShortTitleIn(AreaShortLength)
}

// ShortTitleIn names the area in about n characters where its title is
// longer: its Short title, else the title's first words up to n
// characters (at least AreaShortLength), so a wide column shows more than
// the first two words of a title that is a sentence.
func (a *Area) ShortTitleIn(n int) string {
	if a.Short != "" {
		return a.Short
	}
	return shorten(a.Title, max(n, AreaShortLength))
}

// Passage is a short piece of advice from a source document.
type Passage struct {
	Source  string // the document it comes from
	Section string // where in that document
	Text    string
}

// Suggestion is a ready-made quick win, credited to its source.
type Suggestion struct {
	Text   string
	Source string
}

// Term is one glossary entry.
type Term struct {
	Term       string
	Definition string
	Source     string
}

// FollowUpKind says what shape a follow-up answer takes.
type FollowUpKind string

const (
	// KindCounts is answered by the program: rating counts per area.
	KindCounts FollowUpKind = "counts"
	// KindList is answered with a list of short texts (quick wins).
	KindList FollowUpKind = "list"
	// KindPerArea is answered with one text per area.
	KindPerArea FollowUpKind = "per-area"
	// KindText is answered with free text.
	KindText FollowUpKind = "text"
	// KindPlan is answered with a list of steps, each with owner, due date and status.
	KindPlan FollowUpKind = "plan"
)

// FollowUpKinds lists every kind, in the order they are documented.
var FollowUpKinds = []FollowUpKind{KindCounts, KindList, KindPerArea, KindText, KindPlan}

// FollowUp is one of the next-steps questions.
type FollowUp struct {
	ID       string
	Kind     FollowUpKind
	Question string
}

// ItemRef locates an item within a checklist.
type ItemRef struct {
	Area  int // index into Areas
	Index int // index into Areas[Area].Items
	// Seq is the item's position in the whole checklist, from 0.
	Seq int
}

// Item returns the item with the given id.
func (c *Checklist) Item(id string) (*Item, ItemRef, bool) {
	ref, ok := c.index[id]
	if !ok {
		return nil, ItemRef{}, false
	}
	return &c.Areas[ref.Area].Items[ref.Index], ref, true
}

// Len is the number of rated items.
func (c *Checklist) Len() int { return len(c.index) }

// Items returns every item in checklist order, with its area. The slice is
// built once and shared: callers must not change it.
func (c *Checklist) Items() []Entry { return c.entries }

// Entry is an item together with its area, as returned by Items.
type Entry struct {
	Area *Area
	Item *Item
	Ref  ItemRef
}

// Level returns the scale level with the given key.
func (c *Checklist) Level(key string) (Level, int, bool) {
	for i, l := range c.Scale {
		if l.Key == key {
			return l, i, true
		}
	}
	return Level{}, -1, false
}

// AreaByID returns the area with the given id.
func (c *Checklist) AreaByID(id string) (*Area, int, bool) {
	for i := range c.Areas {
		if c.Areas[i].ID == id {
			return &c.Areas[i], i, true
		}
	}
	return nil, -1, false
}

// FollowUp returns the follow-up question with the given id.
func (c *Checklist) FollowUp(id string) (*FollowUp, bool) {
	for i := range c.FollowUps {
		if c.FollowUps[i].ID == id {
			return &c.FollowUps[i], true
		}
	}
	return nil, false
}

func (c *Checklist) buildIndex() {
	c.index = make(map[string]ItemRef)
	c.entries = c.entries[:0]
	for ai := range c.Areas {
		a := &c.Areas[ai]
		for ii := range a.Items {
			ref := ItemRef{ai, ii, len(c.entries)}
			if _, dup := c.index[a.Items[ii].ID]; !dup {
				c.index[a.Items[ii].ID] = ref
			}
			c.entries = append(c.entries, Entry{Area: a, Item: &a.Items[ii], Ref: ref})
		}
	}
}

// Shortcut is the letter that stands for scale level i when a rating is
// typed (r, a, g for the built-in scale): the first letter of its key, when
// no other level's key starts with it. The screens and the accessible
// prompts both take it, so a rating is typed the same way in each, except
// where the screens use the letter for something else (n for next, v to
// reveal the room's votes): there the level is rated by its digit.
func (c *Checklist) Shortcut(i int) (string, bool) {
	letter := c.Scale[i].Key[:1]
	if letter < "a" || letter > "z" {
		return "", false // a digit is a place on the scale: 1 for the worst
	}
	for j, l := range c.Scale {
		if j != i && l.Key[:1] == letter {
			return "", false
		}
	}
	return letter, true
}
