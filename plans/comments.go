package plans

import (
	"bytes"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/checklist"
)

// Comments people write in a plan file are part of a file kept in git: a
// note above an action ("# agreed with Ana on 3 March"), a reminder above
// a step. Encode writes a plan from scratch in its one layout, so the
// comments a person wrote above a key are read when the plan is loaded
// and written again above the same key on the next save (issue 12.10).
// Comments ladder writes itself (the header, area and item titles, the
// questions) are ladder's: they are written as ever, never twice. A
// comment at the end of a line, or below the last key of a block, is not
// kept.

// handComments reads the comments above each key of a plan file, by the
// key's path ("/items/lc-vision/action", "/follow_ups/project-plan/steps/#3"
// for a step by its id), blank lines left out. Which of them are ladder's
// own is worked out when the plan is written. It reads the lines, not the
// parsed tree (the fast parser keeps no comments): keys in block style,
// as plans are written; a "#" inside a block of text is text.
func handComments(data []byte, c *checklist.Checklist) map[string][]string {
	if !hasForeignComment(data, c) {
		return nil // the usual case, which costs one look at each line
	}
	type level struct {
		indent int
		key    string
		entry  *[]string // a list entry whose id is not read yet: its comments
	}
	out := map[string][]string{}
	var stack []level
	var pending []string
	block := -1 // the indent of the key whose block of text the lines are in
	path := func() string {
		var b strings.Builder
		for _, l := range stack {
			b.WriteString("/" + l.key)
		}
		return b.String()
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		t := strings.TrimLeft(line, " ")
		indent := len(line) - len(t)
		if block >= 0 {
			if t == "" || indent > block {
				continue
			}
			block = -1
		}
		switch {
		case t == "":
			continue
		case t[0] == '#':
			pending = append(pending, strings.TrimSpace(t))
			continue
		}
		var entry *[]string
		if rest, ok := strings.CutPrefix(t, "- "); ok {
			for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
				stack = stack[:len(stack)-1]
			}
			held := pending
			entry = &held
			stack = append(stack, level{indent, "#?", entry})
			pending = nil
			indent += 2
			t = strings.TrimLeft(rest, " ")
		}
		key, value, ok := strings.Cut(t, ":")
		if !ok || key == "" || strings.ContainsAny(key[:1], "-[{") {
			pending = nil
			continue
		}
		if len(key) >= 2 && (key[0] == '\'' || key[0] == '"') && key[len(key)-1] == key[0] {
			key = key[1 : len(key)-1]
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		if n := len(stack); key == "id" && n > 0 && stack[n-1].key == "#?" {
			e := &stack[n-1]
			e.key = "#" + strings.TrimSpace(strings.Trim(strings.TrimSpace(value), `'"`))
			if e.entry != nil && len(*e.entry) > 0 {
				out[path()] = append(out[path()], (*e.entry)...)
			}
			e.entry = nil
		}
		stack = append(stack, level{indent: indent, key: key})
		if len(pending) > 0 {
			out[path()] = append(out[path()], pending...)
			pending = nil
		}
		if v := strings.TrimSpace(value); strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">") {
			block = indent
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// hasForeignComment reports whether data has a comment line that ladder
// does not write for a plan of checklist c.
func hasForeignComment(data []byte, c *checklist.Checklist) bool {
	own := ownComments(c)
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] == '#' && !own[string(t)] && !ladders(string(t)) {
			return true
		}
	}
	return false
}

// ownCommentSets holds, per checklist, the comment lines ladder writes in
// a plan of it (ownComments).
var ownCommentSets sync.Map // *checklist.Checklist → map[string]bool

// ownComments is every comment line ladder writes in a plan of c, worked
// out once per checklist from an empty plan's encoding (the comments that
// change with a plan's answers start with one of ladderPrefixes).
func ownComments(c *checklist.Checklist) map[string]bool {
	if c == nil {
		return nil
	}
	if own, ok := ownCommentSets.Load(c); ok {
		return own.(map[string]bool)
	}
	own := map[string]bool{}
	for _, l := range strings.Split(string(Encode(New(c, "", "", Date{}))), "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") {
			own[t] = true
		}
	}
	ownCommentSets.Store(c, own)
	return own
}

// withHandComments puts the comments people wrote (see handComments) back
// into a plan's canonical encoding b, each above the key it sat above,
// after ladder's own comment for that key. Lines that b already holds as
// comments are ladder's and are not written again.
func withHandComments(b []byte, comments map[string][]string) []byte {
	if len(comments) == 0 {
		return b
	}
	own := map[string]bool{}
	lines := strings.Split(string(b), "\n")
	for _, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") {
			own[t] = true
		}
	}
	type level struct {
		indent int
		key    string
	}
	var stack []level
	out := make([]byte, 0, len(b)+256)
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		indent := len(l) - len(t)
		if key, ok := lineKey(t); ok {
			for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, level{indent, key})
			var path strings.Builder
			for _, s := range stack {
				path.WriteString("/" + s.key)
			}
			for _, c := range comments[path.String()] {
				if !own[c] && !ladders(c) {
					out = append(out, spaces(indent)...)
					out = append(out, c...)
					out = append(out, '\n')
				}
			}
		}
		out = append(out, l...)
		if i < len(lines)-1 {
			out = append(out, '\n')
		}
	}
	return out
}

// ladderPrefixes start comments only ladder writes, some of which change
// with the plan (a step that no longer follows its item): an old one is
// never kept as if a person had written it.
var ladderPrefixes = []string{
	"# ladder review plan: ", "# Checklist: ", "# Edit by hand or with `ladder review`",
	"# == ", "# (The counts are worked out", "# In the order of the plan.",
	"# follows the action of: ", "# came from the action of: ",
}

func ladders(comment string) bool {
	for _, p := range ladderPrefixes {
		if strings.HasPrefix(comment, p) {
			return true
		}
	}
	return false
}

// lineKey is the key a line of the canonical encoding starts, "" and
// false for a comment, a blank line or a list entry: "action" for
// "action: x", "lc-vision" for "'lc-vision':", "#3" for "- id: 3".
func lineKey(t string) (string, bool) {
	if t == "" || t[0] == '#' {
		return "", false
	}
	if rest, ok := strings.CutPrefix(t, "- id: "); ok {
		return "#" + strings.TrimSpace(rest), true
	}
	if strings.HasPrefix(t, "- ") {
		return "", false
	}
	key, _, ok := strings.Cut(t, ":")
	if !ok {
		return "", false
	}
	if len(key) >= 2 && (key[0] == '\'' || key[0] == '"') && key[len(key)-1] == key[0] {
		key = key[1 : len(key)-1]
	}
	return key, true
}

func spaces(n int) string { return strings.Repeat(" ", n) }
