package render

import (
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/plans"
)

// The words every format shares, so that a status, an empty value or a
// due date that moved reads the same in a terminal, in Markdown and in
// whatever format comes next.

// statusWord is how a status reads in a sentence.
func statusWord(s plans.Status) string {
	if s == plans.StatusTodo {
		return "to do"
	}
	return string(s)
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

// ownerOrNone is an action's or a step's owner, "(none)" for an owner
// field holding nothing visible (plans.NamesNoOne).
func ownerOrNone(owner string) string {
	if plans.NamesNoOne(owner) {
		return "(none)"
	}
	return owner
}

func orNotSet(s string) string {
	if s == "" {
		return "not set"
	}
	return s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// countNoun is "1 commit" or "3 commits".
func countNoun(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}

// dueText is "2027-03-31 → 2027-04-30, slipped 30 days".
func dueText(c plans.DueChange) string {
	return orNone(c.Old.String()) + " → " + orNone(c.New.String()) + ", " + c.Describe()
}

// oneLine keeps the first line of text, marking that there was more.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i]) + " …"
	}
	return s
}
