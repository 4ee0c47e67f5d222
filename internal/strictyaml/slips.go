package strictyaml

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"go.yaml.in/yaml/v3"
)

// Slips finds the slips of a hand edit that are still valid YAML, and so
// change what a file says without a word: a value that is empty, or ends,
// where a " #" makes the rest of the line a comment ("owner: #1 team"),
// a line starting with "- " that a plain value took in as text (a list
// item indented further than the one above it is joined to it: "Ana -
// Björn"), and the lines of a list written in a text value ("1. Ana",
// "- Ana"), which YAML folds into one line. They are warnings, not
// mistakes: the file may mean it.
//
// It reads the tree for where the plain values are (a # or a - inside
// quotes or a block of text is text) and the lines for what the tree
// does not keep: the fast parser keeps no comments, and no value keeps
// the lines it was folded from. A # that reads as a comment (a space
// after it: "# until March") is taken as meant; one that reads as text
// ("#1", "#hr-team") is not. Each message quotes the file only through
// safetext.
func Slips(root *yaml.Node, data []byte) Problems {
	if root == nil {
		return nil
	}
	s := slipFinder{data: data}
	s.hashLines, s.everyLine = commentLines(data)
	s.node(root, "", 0)
	s.found.Sort()
	return s.found
}

type slipFinder struct {
	data      []byte
	hashLines []int // the lines where a comment may follow a value, in order (commentLines)
	everyLine bool  // line breaks not all line feeds: look at every value
	src       *source
	found     Problems
}

// commentLines lists the lines with a " #" after text on them: the only
// comments that can cut a value short. Plans as ladder writes them have
// few or none (their comments are lines of their own), so most values
// are never looked at on their lines: check reads a thousand plans. A
// file with carriage returns is counted by newSource's rules, at the cost
// of looking at every value.
func commentLines(data []byte) (lines []int, everyLine bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return nil, true
	}
	line, counted := 1, 0
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '#')
		if j < 0 {
			break
		}
		j += i
		i = j + 1
		if j == 0 || (data[j-1] != ' ' && data[j-1] != '\t') {
			continue
		}
		k := j - 1
		for k >= 0 && (data[k] == ' ' || data[k] == '\t') {
			k--
		}
		if k < 0 || data[k] == '\n' {
			continue // a comment on a line of its own
		}
		line += bytes.Count(data[counted:j], []byte{'\n'})
		counted = j
		if len(lines) == 0 || lines[len(lines)-1] != line {
			lines = append(lines, line)
		}
	}
	return lines, false
}

// mayHide reports whether a value from line first up to (not including)
// line next (0: the end of the file) has a comment after text on one of
// its lines.
func (s *slipFinder) mayHide(first, next int) bool {
	if s.everyLine {
		return true
	}
	i, _ := slices.BinarySearch(s.hashLines, first)
	return i < len(s.hashLines) && (next == 0 || s.hashLines[i] < next)
}

// node looks at the values of n, which ends before line next (0: at the
// end of the file): a value runs on at most until the next one begins.
func (s *slipFinder) node(n *yaml.Node, key string, next int) {
	if n.Style&yaml.FlowStyle != 0 {
		return // [a, b] and {a: b}: # and - mean other things there
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			s.node(c, key, next)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			end := next
			if i+2 < len(n.Content) {
				end = n.Content[i+2].Line
			}
			s.value(n.Content[i+1], n.Content[i].Value, false, end)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			end := next
			if i+1 < len(n.Content) {
				end = n.Content[i+1].Line
				s.unionMerged(c, n.Content[i+1])
			}
			s.value(c, key, true, end)
		}
	}
}

// unionMerged: two branches that each add a list item at the same place
// (a project-plan step), merged with merge=union in .gitattributes, keep
// both without a conflict, but git writes the lines both added alike
// (owner: Ana, due: ..., status: todo) once, at the end of the second:
// the first item stops short, and its keys are the start of the next
// one's. Missing the next one's last key only is how items differ when
// the last key is one only some have (a step's from:), so it takes two.
func (s *slipFinder) unionMerged(item, below *yaml.Node) {
	if item.Kind != yaml.MappingNode || below.Kind != yaml.MappingNode || len(item.Content) == 0 ||
		(item.Style|below.Style)&yaml.FlowStyle != 0 || len(below.Content)-len(item.Content) < 4 {
		return
	}
	for i := 0; i < len(item.Content); i += 2 {
		if item.Content[i].Value != below.Content[i].Value {
			return
		}
	}
	var missing []string
	for i := len(item.Content); i < len(below.Content); i += 2 {
		missing = append(missing, safetext.Line(below.Content[i].Value))
	}
	names := strings.Join(missing[:len(missing)-1], ", ") + " or " + missing[len(missing)-1]
	first := item.Content[0]
	s.warn(first.Line, first.Column, fmt.Sprintf("no %s here, but the item below ends with them: "+
		"a merge=union merge writes the lines two branches added alike once, on the last item; if this item lost its own, write them back",
		names))
}

func (s *slipFinder) value(n *yaml.Node, key string, entry bool, next int) {
	if n.Kind != yaml.ScalarNode {
		s.node(n, key, next)
		return
	}
	if n.Style != 0 || (n.Tag == "!!null" && n.Value != "") {
		return // quoted, a block of text, or null written out: nothing hides
	}
	s.oddSpaceAtEnd(n, key, entry)
	// A value that ends on its own line has no other line to take in.
	overLines := next == 0 || next > n.Line+1
	if !(overLines && mayJoin(n.Value, entry)) && !s.mayHide(n.Line, next) {
		return
	}
	if n.Value == "" {
		s.emptyValue(n, key, entry)
		return
	}
	s.plainValue(n, key, entry)
}

// oddSpaceAtEnd: a non-breaking space pasted before or after a plain
// value ("owner: Ana" and a non-breaking space) is kept by YAML as part
// of it, where an ordinary one is not: "Ana" and "Ana " are then two
// owners to ladder, and no one can see why. ladder quotes such a value
// when it writes one, so a plan it wrote never has it plain.
func (s *slipFinder) oddSpaceAtEnd(n *yaml.Node, key string, entry bool) {
	first, _ := utf8.DecodeRuneInString(n.Value)
	last, _ := utf8.DecodeLastRuneInString(n.Value)
	end, at := "starts", first
	if !unicode.IsSpace(first) {
		end, at = "ends", last
	}
	if n.Value == "" || !unicode.IsSpace(at) {
		return
	}
	name, ok := oddSpace(string(at))
	if !ok {
		return
	}
	s.warn(n.Line, n.Column, fmt.Sprintf("%s %s with %s, which YAML keeps as part of %s %s: delete it",
		fieldName(key, entry), end, name, theField(key, entry), pastedIn))
}

// line is the text of a line, without its line break, and the byte
// offset of a column in it (or -1).
func (s *slipFinder) line(line, col int) (string, int) {
	if s.src == nil {
		s.src = newSource(s.data)
	}
	text := s.src.text(line)
	off := s.src.offset(line, col)
	if off < 0 || line > len(s.src.lines) || off-s.src.lines[line-1] > len(text) {
		return text, -1
	}
	return text, off - s.src.lines[line-1]
}

// emptyValue: "owner: #1 team", an empty owner and a comment.
func (s *slipFinder) emptyValue(n *yaml.Node, key string, entry bool) {
	text, off := s.line(n.Line, n.Column)
	if off < 0 {
		return
	}
	rest := strings.TrimLeft(text[off:], " \t")
	if !readsAsText(rest) {
		return
	}
	hash := len(text) - len(rest)
	comment := strings.TrimRight(rest, " \t")
	s.warn(n.Line, column(text, hash), fmt.Sprintf("%s is empty, and %s after it is a comment: if it is %s, put it in quotes: %s",
		fieldName(key, entry), safetext.Quote(comment), theField(key, entry), quotedLine(key, entry, comment)))
}

// plainValue follows a plain value over the lines it was folded from: a
// line that starts with "- " is a list item taken in as text, and a
// comment after its last line may have cut it short.
func (s *slipFinder) plainValue(n *yaml.Node, key string, entry bool) {
	text, off := s.line(n.Line, n.Column)
	if off < 0 {
		return
	}
	first, comment := cutComment(text[off:])
	if !strings.HasPrefix(n.Value, first) {
		return // not read as expected: say nothing rather than guess
	}
	rest := n.Value[len(first):]
	last, lastLine, lastStart := first, n.Line, off
	for l := n.Line + 1; rest != "" && comment == ""; l++ {
		// Folding made each line break a space, or a blank line a
		// line feed; the lines lose their indentation.
		if rest = strings.TrimLeft(rest, " \n"); rest == "" {
			break
		}
		text, _ = s.line(l, 1)
		t := strings.TrimLeft(text, " ")
		if t == "" {
			continue
		}
		indent := len(text) - len(t)
		t, comment = cutComment(t)
		if !strings.HasPrefix(rest, t) {
			return
		}
		rest = rest[len(t):]
		last, lastLine, lastStart = t, l, indent
		if item, ok := strings.CutPrefix(t, "- "); ok && entry {
			s.warn(l, indent+1, fmt.Sprintf("%s is joined to %s above it (its - is indented further than the list's): line the two - up if it is a list item of its own",
				safetext.Quote(strings.TrimLeft(item, " ")), safetext.Quote(first)))
		} else if !entry && listLine(t) {
			s.warn(l, indent+1, fmt.Sprintf("%s is joined to the %s above it, which reads %s: to keep it a line of its own, write %s: | and the text on the lines below it",
				safetext.Quote(t), safetext.Name(key), safetext.Quote(n.Value), safetext.Name(key)))
		}
	}
	if !readsAsText(comment) {
		return
	}
	text, _ = s.line(lastLine, 1)
	hash := strings.Index(text[lastStart:], comment)
	if hash < 0 {
		return
	}
	hash += lastStart
	whole := n.Value + " " + comment
	if lastLine != n.Line {
		whole = "" // over several lines: no one line to suggest
	}
	s.warn(lastLine, column(text, hash), fmt.Sprintf("%s ends at %s, and %s after it is a comment: if it is part of %s, put the whole %s in quotes%s",
		fieldName(key, entry), safetext.Quote(last), safetext.Quote(comment), theField(key, entry), shortName(key, entry), suggestion(key, entry, whole)))
}

// mayJoin reports whether a value may hold a line that starts a list
// (listLine), cheaply: most values hold none. A list entry is looked at
// only for "- ", another list item; a value of a key also for the marks
// of a list written in text, whose lines YAML folds into one.
func mayJoin(value string, entry bool) bool {
	if strings.Contains(value, "- ") {
		return true
	}
	return !entry && (strings.Contains(value, "* ") || strings.Contains(value, "• ") ||
		strings.Contains(value, ". ") || strings.Contains(value, ") "))
}

// listLine reports whether a line of a value starts as a line of a list
// does: "- ", "* ", "• ", or a number of one or two digits and ". " or
// ") " ("1. Ana"; not "2027. Then", a year that a wrapped line began with).
func listLine(t string) bool {
	for _, mark := range []string{"- ", "* ", "• "} {
		if strings.HasPrefix(t, mark) {
			return true
		}
	}
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	rest := t[digits:]
	return digits >= 1 && digits <= 2 && (strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") "))
}

func (s *slipFinder) warn(line, col int, msg string) {
	s.found = append(s.found, Problem{Line: line, Column: col, Message: msg})
}

// cutComment splits the text of a plain value's line at its comment: in
// a plain value, " #" always begins one. The text loses the spaces at
// its end, the comment those at its end.
func cutComment(text string) (value, comment string) {
	if strings.HasPrefix(text, "#") {
		return "", strings.TrimRight(text, " \t")
	}
	for i := 1; i < len(text); i++ {
		if text[i] == '#' && (text[i-1] == ' ' || text[i-1] == '\t') {
			return strings.TrimRight(text[:i], " \t"), strings.TrimRight(text[i:], " \t")
		}
	}
	return strings.TrimRight(text, " \t"), ""
}

// readsAsText reports whether a comment reads as text a person meant for
// the value: a # straight before a letter or digit ("#1 team", "#hr"),
// where a comment meant as one has a space after its # ("# until May").
func readsAsText(comment string) bool {
	rest, ok := strings.CutPrefix(comment, "#")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func fieldName(key string, entry bool) string {
	if entry {
		return "an entry of " + safetext.Name(key)
	}
	return safetext.Name(key)
}

func theField(key string, entry bool) string {
	if entry {
		return "the entry"
	}
	return "the " + safetext.Name(key)
}

func shortName(key string, entry bool) string {
	if entry {
		return "entry"
	}
	return safetext.Name(key)
}

// quotedLine is the line to write instead: key: 'the text'.
func quotedLine(key string, entry bool, text string) string {
	if s := suggestion(key, entry, text); s != "" {
		return s[2:]
	}
	return "the whole value, in single quotes"
}

// suggestion is ": " and the line to write, when it is short and plain
// enough to print whole; otherwise nothing.
func suggestion(key string, entry bool, text string) string {
	if text == "" || utf8.RuneCountInString(text) > 60 || safetext.Line(text) != text || safetext.Name(key) != key {
		return ""
	}
	quoted := "'" + strings.ReplaceAll(text, "'", "''") + "'"
	if entry {
		return ": - " + quoted
	}
	return ": " + key + ": " + quoted
}
