package strictyaml

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
)

// explainSyntax says what is wrong with a file the YAML reader refused, in
// the words of someone who edits a plan by hand: what is wrong and what
// to do, at the line where they must act (the quote that was never closed,
// the line indented one space off), which is not always the line the
// reader gave up on. Where the cause is not clear it says so, with the
// reader's own words after: a hint that guesses wrong is worse than none.
// (A variable so that the location tests can compare the reader's line.)
var explainSyntax = explain

func explain(data []byte, line int, what string) Problem {
	t := textLines{newSource(data)}
	line = min(max(line, 1), len(t.lines))
	if p, ok := t.unclosedQuote(line, what); ok {
		return p
	}
	if p, ok := t.explainLine(line, what); ok {
		return p
	}
	return Problem{line, indentOf(t.text(line)) + 1, "ladder could not read this line as part of the plan (YAML: " + what + ")"}
}

type textLines struct{ *source }

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// isContent reports whether a line holds more than spaces or a comment.
func isContent(s string) bool {
	r := strings.TrimLeft(s, " ")
	return r != "" && r[0] != '#'
}

func (t textLines) prevContent(n int) int {
	for n--; n >= 1; n-- {
		if isContent(t.text(n)) {
			return n
		}
	}
	return 0
}

func (t textLines) nextContent(n int) int {
	for n++; n <= len(t.lines); n++ {
		if isContent(t.text(n)) {
			return n
		}
	}
	return 0
}

// lineShape is what a line of a plan holds: an optional "- ", a key and
// its ":", and the value from byte value on.
type lineShape struct {
	item  bool   // starts with "- " (or is a lone "-")
	key   string // "" if none
	value int    // byte offset of the value in the line (len(line) if none)
}

func shapeOf(s string) lineShape {
	var sh lineShape
	i := indentOf(s)
	for strings.HasPrefix(s[i:], "- ") || s[i:] == "-" {
		sh.item = true
		i = min(i+2, len(s))
		i += indentOf(s[i:])
	}
	if k := keyEnd(s[i:]); k > 0 {
		sh.key = s[i : i+k]
		i += k + 1
		i += indentOf(s[i:])
	}
	sh.value = i
	return sh
}

// holdsValue: a key or list item with a value on its own line (not a
// block opened below it, nor a block scalar).
func holdsValue(s string) bool {
	sh := shapeOf(s)
	if !sh.item && sh.key == "" || sh.value >= len(s) {
		return false
	}
	return s[sh.value] != '|' && s[sh.value] != '>' && s[sh.value] != '#'
}

// opensBlock: a key with nothing after its ":", whose value is the lines
// indented below it.
func opensBlock(s string) bool {
	sh := shapeOf(s)
	return sh.key != "" && (sh.value >= len(s) || s[sh.value] == '#')
}

func isBlockScalar(s string) bool {
	sh := shapeOf(s)
	if sh.value >= len(s) || (s[sh.value] != '|' && s[sh.value] != '>') {
		return false
	}
	rest := strings.TrimLeft(s[sh.value+1:], "0123456789+-")
	rest = strings.TrimLeft(rest, " ")
	return rest == "" || rest[0] == '#'
}

// column is the 1-based column, in characters, of byte i of s.
func column(s string, i int) int { return utf8.RuneCountInString(s[:min(i, len(s))]) + 1 }

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

// ClosingQuote is the byte offset of the quote q that closes a quoted
// scalar begun before from, or -1 when it does not close in s (a line).
// It reads a line's bytes as they are, so that plans' look for comments
// on the load path makes no string of them.
func ClosingQuote[S string | []byte](s S, from int, q byte) int {
	for i := from; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// unclosedQuote finds a value whose opening quote is not closed on its
// line and whose text then swallowed lines of the plan (a key, a list
// item) up to where the reader gave up: the mistake is the missing
// closing quote, on the line where the quote opened. One pass over the
// lines up to the one the reader named.
func (t textLines) unclosedQuote(upto int, what string) (Problem, bool) {
	var open *openQuote
	block := -1 // inside a block scalar: lines indented deeper than this
	for n := 1; n <= upto; n++ {
		s := t.text(n)
		if open != nil {
			if c := ClosingQuote(s, 0, open.q); c >= 0 {
				if sh := shapeOf(s[:c]); sh.key != "" || sh.item {
					open.swallowed = true // as in version: '1', the quote taken as the end
				}
				// The reader may read a few lines on past the quote
				// that closed it by mistake before it gives up.
				if open.swallowed && n >= upto-5 {
					return open.problem(), true
				}
				open = nil
			} else if sh := shapeOf(s); sh.key != "" || sh.item {
				open.swallowed = true
			}
			continue
		}
		if block >= 0 {
			if !isContent(s) || indentOf(s) > block {
				continue
			}
			block = -1
		}
		if !isContent(s) {
			continue
		}
		if isBlockScalar(s) {
			block = indentOf(s)
			continue
		}
		sh := shapeOf(s)
		if sh.value < len(s) && (s[sh.value] == '"' || s[sh.value] == '\'') && ClosingQuote(s, sh.value+1, s[sh.value]) < 0 {
			open = &openQuote{line: n, col: column(s, sh.value), q: s[sh.value]}
		}
	}
	if open != nil && (open.swallowed || open.line == upto || what == "found unexpected end of stream") {
		return open.problem(), true
	}
	return Problem{}, false
}

// openQuote is a quote opened at a line and column and not closed there.
type openQuote struct {
	line, col int
	q         byte
	swallowed bool // the quoted text ran over a line that looks like plan
}

func (o *openQuote) problem() Problem {
	msg := fmt.Sprintf("a quote (%c) opened here is never closed: add the closing %c at the end of the text", o.q, o.q)
	if o.q == '\'' {
		msg += " (and write a ' inside the text as '')"
	}
	return Problem{o.line, o.col, msg}
}

// explainLine looks at the line the reader named and the lines beside it
// for the mistakes people make by hand, most certain first.
func (t textLines) explainLine(n int, what string) (Problem, bool) {
	s := t.text(n)
	p := t.prevContent(n)
	sh := shapeOf(s)
	var value string
	if sh.value < len(s) {
		value = s[sh.value:]
	}
	after := "the text"
	if sh.key != "" {
		after = `the text after "` + sh.key + `:"`
	}
	switch {
	case strings.Contains(what, "tab character") && strings.IndexByte(s, '\t') >= 0 ||
		what == "found character that cannot start any token" && strings.ContainsRune(s[:min(indentOf(s)+1, len(s))], '\t'):
		return Problem{n, column(s, strings.IndexByte(s, '\t')), "a tab indents this line: indent with spaces, not tabs (an editor's tab key may have put it in)"}, true
	case what == "found character that cannot start any token" && value != "" && strings.ContainsRune("@`%", rune(value[0])):
		return Problem{n, column(s, sh.value), fmt.Sprintf("text starting with %q needs quotes: put %s in single quotes", value[:1], after)}, true
	case strings.Contains(what, "unknown escape character"):
		return Problem{n, column(s, badEscape(s)), `in double quotes a backslash starts an escape such as \n or \"; write \\ for a backslash, or use single quotes`}, true
	}
	for _, m := range []int{n, p} {
		if pr, ok := t.strayOrMissingSpace(m); ok {
			return pr, true
		}
	}
	if pr, ok := t.misIndented(n, what); ok {
		return pr, true
	}
	if pr, ok := t.keyless(n, what); ok {
		return pr, true
	}
	switch {
	case what == "mapping values are not allowed in this context" && (strings.HasPrefix(value, "“") || strings.HasPrefix(value, "‘") || strings.HasPrefix(value, "„")):
		open, shut := "“", "”"
		if strings.HasPrefix(value, "‘") {
			open, shut = "‘", "’"
		}
		return Problem{n, column(s, sh.value), fmt.Sprintf("%s and %s are not quotes to YAML (a word processor may have put them in): use straight quotes, e.g. action: 'Note: call Ana'", open, shut)}, true
	case what == "mapping values are not allowed in this context" && (strings.Contains(value, ": ") || strings.HasSuffix(value, ":")):
		return Problem{n, column(s, sh.value), `text with ": " in it needs quotes: put ` + after + ` in single quotes, e.g. action: 'Note: call Ana'`}, true
	case what == "block sequence entries are not allowed in this context" && sh.key != "" && strings.HasPrefix(value, "- "):
		return Problem{n, column(s, sh.value), `text starting with "- " needs quotes: put ` + after + ` in single quotes`}, true
	case blockErrors[what] && value != "" && (value[0] == '[' || value[0] == '{'):
		return Problem{n, column(s, sh.value), fmt.Sprintf("text starting with %q needs quotes: put %s in single quotes", value[:1], after)}, true
	case blockErrors[what] && value != "" && (value[0] == '"' || value[0] == '\''):
		if i := ClosingQuote(value, 1, value[0]); i > 0 {
			rest := value[i+1:]
			if j := len(rest) - len(strings.TrimLeft(rest, " ")); j < len(rest) && rest[j] != '#' {
				return Problem{n, column(s, sh.value+i+1+j), "text after the closing quote: put all of the text inside the quotes"}, true
			}
		}
	case strings.HasPrefix(what, "did not find expected ',' or"), what == "did not find expected node content":
		// Reported where the [ or { opened, or on the line after it.
		for _, m := range []int{n, p} {
			ms := t.text(m)
			if v := shapeOf(ms).value; m > 0 && v < len(ms) && (ms[v] == '[' || ms[v] == '{') {
				return Problem{m, column(ms, v), fmt.Sprintf("this %c is never closed: add the closing %c", ms[v], closer(ms[v]))}, true
			}
		}
	}
	return Problem{}, false
}

// pastedIn is where a space that YAML does not take for one comes from.
const pastedIn = "(a word processor or a web page may have put it in)"

// oddSpace names the space s starts with when it is not the space YAML
// separates with: a tab, a non-breaking space, a thin space. It looks like
// a space, so "put a space after the colon" would make no sense to the
// person who sees one there.
func oddSpace(s string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r == '\t':
		return "a tab", true
	case r == '\u00a0':
		return "a non-breaking space", true
	case r != ' ' && r != '\n' && r != '\r' && unicode.IsSpace(r):
		return fmt.Sprintf("a space character YAML does not take for one (U+%04X)", r), true
	}
	return "", false
}

// strayOrMissingSpace: a character typed before a line's indentation
// ("x    rating: red"), a key with no space after its colon
// ("rating:red"), a list item with no space after its dash ("-Ana") or
// a tab there, which YAML does not take for one.
func (t textLines) strayOrMissingSpace(n int) (Problem, bool) {
	if n < 1 {
		return Problem{}, false
	}
	s := t.text(n)
	if name, ok := oddSpace(s); ok && s[0] != '\t' {
		return Problem{n, 1, name + " indents this line " + pastedIn + ": indent with ordinary spaces"}, true
	}
	if i := strings.IndexByte(s, ' '); i > 0 && i <= 3 && !strings.ContainsRune(s[:i], ':') && s[0] != '#' && s[0] != '-' && s[0] != '\t' {
		if rest := strings.TrimLeft(s[i:], " "); len(s)-len(rest)-i >= 2 && keyEnd(rest) > 0 {
			return Problem{n, 1, fmt.Sprintf("this line starts with %s before its indentation: remove it", safetext.Excerpt(s[:i], 3))}, true
		}
	}
	ind := indentOf(s)
	rest := s[ind:]
	if name, ok := oddSpace(strings.TrimPrefix(rest, "-")); ok && rest[0] == '-' {
		if name == "a tab" {
			return Problem{n, ind + 2, `a tab follows the "-" of this list item: put a space there instead`}, true
		}
		return Problem{n, ind + 2, name + ` follows the "-" of this list item ` + pastedIn + `: put an ordinary space there instead`}, true
	}
	if len(rest) > 1 && rest[0] == '-' && rest[1] != ' ' && rest[1] != '-' {
		return Problem{n, ind + 1, fmt.Sprintf(`put a space after the "-" of a list item, as in %s`, safetext.Excerpt("- "+rest[1:], 30))}, true
	}
	if strings.HasPrefix(rest, "- ") {
		rest = strings.TrimLeft(rest[2:], " ")
	}
	k := 0
	for k < len(rest) && k < 64 && (rest[k] >= 'a' && rest[k] <= 'z' || rest[k] >= 'A' && rest[k] <= 'Z' || rest[k] == '_' || k > 0 && (rest[k] == '-' || rest[k] >= '0' && rest[k] <= '9')) {
		k++
	}
	if name, ok := oddSpace(rest[min(k+1, len(rest)):]); ok && k > 0 && rest[k] == ':' && name != "a tab" {
		return Problem{n, column(s, len(s)-len(rest)+k+1), name + ` follows the ":" ` + pastedIn + `: type an ordinary space there instead`}, true
	}
	if k > 0 && k+1 < len(rest) && rest[k] == ':' && !strings.ContainsRune(" :/", rune(rest[k+1])) {
		return Problem{n, column(s, len(s)-len(rest)+k+1), fmt.Sprintf(`put a space after the ":", as in %s`, safetext.Excerpt(rest[:k+1]+" "+rest[k+1:], 30))}, true
	}
	return Problem{}, false
}

// misIndented finds a line indented unlike the lines it belongs with.
// The line the reader named may be right and the one before it wrong: a
// field one space short starts a block of its own, and the reader then
// stumbles on the next field, which is where it should be.
func (t textLines) misIndented(n int, what string) (Problem, bool) {
	s := t.text(n)
	p := t.prevContent(n)
	pp := t.prevContent(p)
	next := t.nextContent(n)
	ind := indentOf(s)
	sh := shapeOf(s)
	if p > 0 && pp > 0 && (sh.key != "" || sh.item) {
		ps, pps := t.text(p), t.text(pp)
		pi, ppi := indentOf(ps), indentOf(pps)
		if holdsValue(ps) && pi != ind && shapeOf(ps).item == sh.item {
			// The first field of a block, off by some spaces from the rest.
			if opensBlock(pps) && pi > ppi && ind > ppi && next > 0 && indentOf(t.text(next)) == ind {
				return t.indentProblem(p, fmt.Sprintf("line %d", n), ind), true
			}
			// A field between two that agree.
			if holdsValue(pps) && ppi == ind && shapeOf(pps).item == sh.item {
				return t.indentProblem(p, fmt.Sprintf("lines %d and %d", pp, n), ind), true
			}
		}
	}
	// A field between two that agree, the reader stopping at it.
	if p > 0 && next > 0 && (sh.key != "" || sh.item) {
		pi, ni := indentOf(t.text(p)), indentOf(t.text(next))
		same := shapeOf(t.text(p)).item == sh.item && shapeOf(t.text(next)).item == sh.item
		if holdsValue(t.text(p)) && same && pi == ni && pi != ind && pi > 0 {
			return t.indentProblem(n, fmt.Sprintf("lines %d and %d", p, next), pi), true
		}
	}
	if !blockErrors[what] {
		return Problem{}, false
	}
	if p > 0 && sh.item && shapeOf(t.text(p)).item && indentOf(t.text(p)) != ind {
		return Problem{n, ind + 1, fmt.Sprintf("this list item is indented %s, but the one above it (line %d) uses %d: line them up", spaces(ind), p, indentOf(t.text(p)))}, true
	}
	if ps := t.text(p); p > 0 && ind > indentOf(ps) && !opensBlock(ps) && !isBlockScalar(ps) && strings.TrimSpace(ps) != "-" {
		return Problem{n, ind + 1, fmt.Sprintf("this line is indented %s, deeper than line %d above it, which has its value already: line it up with the lines it belongs with", spaces(ind), p)}, true
	}
	levels := t.levelsAbove(n)
	for _, l := range levels {
		if l == ind {
			return Problem{}, false
		}
	}
	if len(levels) == 0 {
		return Problem{}, false
	}
	words := make([]string, len(levels))
	for i, l := range levels {
		words[i] = fmt.Sprint(l)
	}
	list := words[0]
	if len(words) > 1 {
		list = strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
	}
	return Problem{n, ind + 1, fmt.Sprintf("this line is indented %s, but the lines above it use %s: line it up with the ones it belongs with", spaces(ind), list)}, true
}

func (t textLines) indentProblem(n int, beside string, want int) Problem {
	ind := indentOf(t.text(n))
	return Problem{n, ind + 1, fmt.Sprintf("this line is indented %s, but the lines beside it (%s) use %d: line them up", spaces(ind), beside, want)}
}

// levelsAbove is the indentation of each block that encloses line n, as
// the lines above it open them, smallest first: one walk up the file
// that stops at the margin. A block scalar's text is not a level.
func (t textLines) levelsAbove(n int) []int {
	var levels []int
	for m := n - 1; m >= 1; m-- {
		s := t.text(m)
		if !isContent(s) {
			continue
		}
		ind := indentOf(s)
		if len(levels) > 0 && ind >= levels[len(levels)-1] {
			continue
		}
		if isBlockScalar(s) {
			levels = levels[:0] // what was deeper was its text
		}
		levels = append(levels, ind)
		if ind == 0 {
			break
		}
	}
	sort.Ints(levels)
	return levels
}

// badEscape is the byte offset of the first backslash in a line that
// starts no escape YAML knows, or of the line's first character.
func badEscape(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\\' {
			if !strings.ContainsRune("0abt\tnvfre \"\\N_LPxuU", rune(s[i+1])) {
				return i
			}
			i++
		}
	}
	return indentOf(s)
}

func closer(open byte) byte {
	if open == '[' {
		return ']'
	}
	return '}'
}

// keyless: a line of plain words where a key or a list item was
// expected, after a line that holds one. Most often a value broken over
// two lines (Enter pressed in the middle of an action), or a list item
// typed without its "- ".
func (t textLines) keyless(n int, what string) (Problem, bool) {
	s := t.text(n)
	p := t.prevContent(n)
	if p < 1 {
		return Problem{}, false
	}
	ps := t.text(p)
	psh := shapeOf(ps)
	if what == "mapping values are not allowed in this context" {
		// The reader took the line before as the start of a key that
		// ran on to this line's ":".
		if sh := shapeOf(s); sh.key != "" && !strings.Contains(s[sh.value:], ": ") && psh.key == "" && !psh.item && indentOf(ps) == indentOf(s) && !strings.ContainsAny(ps, "\"'#") {
			return Problem{p, indentOf(ps) + 1, fmt.Sprintf("this line is not a key and its value, as line %d is: write it as one (key: value)", n)}, true
		}
		return Problem{}, false
	}
	if sh := shapeOf(s); what != "could not find expected ':'" || sh.key != "" || sh.item || strings.ContainsAny(s, ",:[]{}\"'") {
		return Problem{}, false
	}
	switch {
	case psh.item && psh.key == "" && indentOf(ps) == indentOf(s) && holdsValue(ps):
		return Problem{n, indentOf(s) + 1, fmt.Sprintf(`this line has no key and no "- ": put "- " in front of it to make it a list item like line %d`, p)}, true
	case psh.key != "" && holdsValue(ps) && indentOf(s) <= indentOf(ps):
		return Problem{n, indentOf(s) + 1, fmt.Sprintf(`this line has no key: if it goes on from the text on line %d, indent it further than %q, or join the two lines`, p, psh.key)}, true
	}
	return Problem{}, false
}
