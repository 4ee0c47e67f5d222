package strictyaml

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"go.yaml.in/yaml/v3"
)

// Slips finds the slips of a hand edit that are still valid YAML, and so
// change what a file says without a word: a value that is empty, or ends,
// where a " #" makes the rest of the line a comment ("owner: #1 team"),
// and a line starting with "- " that a plain value took in as text (a
// list item indented further than the one above it is joined to it:
// "Ana - Björn"). They are warnings, not mistakes: the file may mean it.
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
	s := slipFinder{data: data, comments: commentAfterText(data)}
	s.node(root, "")
	s.found.Sort()
	return s.found
}

type slipFinder struct {
	data     []byte
	comments bool    // whether a comment may follow a value (commentAfterText)
	src      *source // made when a value needs its lines
	found    Problems
}

// commentAfterText reports whether some line has a comment after text on
// it, the only kind that can cut a value short. Plans as ladder writes
// them have none (their comments are lines of their own), so in most
// files no value is looked at for one.
func commentAfterText(data []byte) bool {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '#')
		if j < 0 {
			return false
		}
		j += i
		if j > 0 && (data[j-1] == ' ' || data[j-1] == '\t') {
			k := j - 1
			for k >= 0 && (data[k] == ' ' || data[k] == '\t') {
				k--
			}
			if k >= 0 && data[k] != '\n' && data[k] != '\r' {
				return true
			}
		}
		i = j + 1
	}
	return false
}

func (s *slipFinder) node(n *yaml.Node, key string) {
	if n.Style&yaml.FlowStyle != 0 {
		return // [a, b] and {a: b}: # and - mean other things there
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			s.node(c, key)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			s.value(n.Content[i+1], n.Content[i].Value, false)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			s.value(c, key, true)
		}
	}
}

func (s *slipFinder) value(n *yaml.Node, key string, entry bool) {
	if n.Kind != yaml.ScalarNode {
		s.node(n, key)
		return
	}
	if n.Style != 0 || (n.Tag == "!!null" && n.Value != "") {
		return // quoted, a block of text, or null written out: nothing hides
	}
	if n.Value == "" {
		s.emptyValue(n, key, entry)
		return
	}
	s.plainValue(n, key, entry)
}

// line is the text of a line, without its line break, and the byte
// offset of a column in it (or -1).
func (s *slipFinder) line(line, col int) (string, int) {
	if s.src == nil {
		s.src = newSource(s.data)
	}
	if line < 1 || line > len(s.src.lines) {
		return "", -1
	}
	start, end := s.src.lines[line-1], len(s.data)
	if line < len(s.src.lines) {
		end = s.src.lines[line]
	}
	text := strings.TrimRight(string(s.data[start:end]), "\r\n")
	off := s.src.offset(line, col) - start
	if off < 0 || off > len(text) {
		return text, -1
	}
	return text, off
}

// emptyValue: "owner: #1 team", an empty owner and a comment.
func (s *slipFinder) emptyValue(n *yaml.Node, key string, entry bool) {
	if !s.comments {
		return
	}
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
	joined := strings.Contains(n.Value, "- ") || strings.HasSuffix(n.Value, "-")
	if !joined && !s.comments {
		return
	}
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
		if item, ok := strings.CutPrefix(t, "- "); ok {
			s.joined(l, indent+1, n, key, entry, first, strings.TrimLeft(item, " "))
		}
	}
	if !readsAsText(comment) {
		return
	}
	text, _ = s.line(lastLine, 1)
	hash := strings.Index(text[lastStart:], comment) + lastStart
	whole := n.Value + " " + comment
	if lastLine != n.Line {
		whole = "" // over several lines: no one line to suggest
	}
	s.warn(lastLine, column(text, hash), fmt.Sprintf("%s ends at %s, and %s after it is a comment: if it is part of %s, put the whole %s in quotes%s",
		fieldName(key, entry), safetext.Quote(last), safetext.Quote(comment), theField(key, entry), shortName(key, entry), suggestion(key, entry, whole)))
}

func (s *slipFinder) joined(line, col int, n *yaml.Node, key string, entry bool, first, item string) {
	if entry {
		s.warn(line, col, fmt.Sprintf("%s is joined to %s above it (its - is indented further than the list's): line the two - up if it is a list item of its own",
			safetext.Quote(item), safetext.Quote(first)))
		return
	}
	s.warn(line, col, fmt.Sprintf("%s is joined to the %s above it, which reads %s (a - inside a value is text, not a list): write it on one line if that is meant",
		safetext.Quote(item), safetext.Name(key), safetext.Quote(n.Value)))
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
