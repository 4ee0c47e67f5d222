package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// HistoryWords is HistoryText for a screen reader, which reads the
// table's "1/1/0/2" as a fraction or a date, its columns as one run of
// them, and its shapes as "black square": each commit is a line that
// names it ("Commit 3f2a1c4, 12 March 2027: Rate the workforce items."),
// then its counts in sentences ("Workforce: 1 red, 2 amber, 1 green, 0
// unrated. ... Actions: 3 done of 8."), wrapped to cols.
func HistoryWords(name string, entries []plans.HistoryEntry, firstParent bool, cols int) []byte {
	c, keys := historyLevels(entries)
	var b strings.Builder
	say := sayer(&b, cols)
	say(fmt.Sprintf("History of %s: %s", plain(name), historyExtent(entries, firstParent)))
	var levels []string
	if c != nil {
		for _, k := range keys {
			levels = append(levels, levelWord(c, k))
		}
		say("Each commit says how many items of each area are " + andList(levels) +
			", and how many of the plan's actions were done: " + actionsCounted + ".")
	}
	b.WriteByte('\n')
	for _, e := range entries {
		say(fmt.Sprintf("Commit %s, %s: %s", plain(e.Commit), spokenDate(e.Date), sentence(plain(historySubject(e)))))
		switch {
		case e.Checklist == nil && e.Problem == "deleted in this commit":
			say("The plan was deleted in this commit.")
		case e.Checklist == nil:
			say("The plan " + sentence(plain(e.Problem)))
		default:
			say(entryWords(e, c, keys, levels))
		}
	}
	return []byte(b.String())
}

// glue holds a figure to its word when the line is wrapped, so that no
// line ends on a bare figure ("0 red, 0" then "amber"); it is a space once
// wrapped. Plan text cannot hold it: plain shows control characters as
// pictures.
const glue = "\x00"

// sayer writes sentences to b wrapped to cols, glue made a space.
func sayer(b *strings.Builder, cols int) func(string) {
	return func(s string) {
		for _, l := range wrapTo(s, cols) {
			b.WriteString(strings.ReplaceAll(l, glue, " ") + "\n")
		}
	}
}

// entryWords is a loaded entry's counts as sentences, area by area, then
// the total and the actions done.
func entryWords(e plans.HistoryEntry, c *checklist.Checklist, keys, levels []string) string {
	byArea, total := entryCounts(e, keys)
	counts := func(n []int) string {
		parts := make([]string, len(n))
		for i, k := range n {
			parts[i] = fmt.Sprintf("%d%s%s", k, glue, strings.ReplaceAll(levels[i], " ", glue))
		}
		return strings.Join(parts, ", ")
	}
	var s []string
	for _, a := range c.Areas {
		title := strings.ReplaceAll(plain(a.Title), " & ", " and ")
		if n, ok := byArea[a.ID]; ok {
			s = append(s, title+": "+counts(n)+".")
		} else {
			s = append(s, title+": not in the checklist at this commit.")
		}
	}
	s = append(s, "Total: "+counts(total)+".")
	s = append(s, strings.ReplaceAll(fmt.Sprintf("Actions: %d done of %d.", e.Actions.Done, e.Actions.Total), " ", glue))
	return strings.Join(s, " ")
}

// levelWord is a level's label without its shape, in lower case as it
// reads within a sentence ("red"); "unrated" for checklist.Unrated.
func levelWord(c *checklist.Checklist, key string) string {
	if l, _, ok := c.Level(key); ok {
		return strings.ToLower(plain(l.Label))
	}
	return "unrated"
}

// andList is "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
