// Package strictyaml reads the YAML files ladder owns (plans and checklists)
// strictly: every problem is reported with its line and column, unknown keys
// and wrong types are errors, and hostile input (conflict markers, alias
// bombs, huge files) is refused before it can do harm.
//
// It decodes from yaml.Node trees rather than through yaml.Unmarshal because
// yaml.Unmarshal reports only lines, stops at the first type error in some
// cases and silently accepts several things we reject (aliases, duplicate
// keys inside flow mappings decoded into maps, null where a list is wanted).
package strictyaml

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest file accepted: 512 KiB. A plan for a
// 1,000-item checklist, every field of every item filled in, is 309 kB (the
// built-in checklists have 21 to 60 items, their plans under 20 kB), and
// the built-in checklist with its guidance under 40 kB; anything far beyond
// that is a mistake or an attack. The limit also bounds the slowest thing
// Parse does, reading a broken file outside the fast path's subset with
// yaml.v3 and locating its mistake: at this size it stays under 100 ms
// (issue 15.7; BenchmarkSyntaxErrorLocation, BENCHMARKS.md).
const MaxFileSize = 512 << 10

// Problem is one thing wrong with a file, at a 1-based line and column.
type Problem struct {
	Line, Column int
	Message      string
}

func (p Problem) String() string { return fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message) }

// Problems is every problem found in one file, in file order.
type Problems []Problem

// Sort orders problems by position, keeping the order of equal positions.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}

// FileError is the error for a file that did not load: its path and every
// problem found. Error() gives one "file:line:col: message" line per problem,
// the form editors and CI annotate.
type FileError struct {
	Path     string
	Problems Problems
}

func (e *FileError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		// The path is a file name from a folder walk and the message may
		// quote the file: neither may act on the terminal or pose as a
		// second line.
		fmt.Fprintf(&b, "%s:%d:%d: %s", safetext.LeadingPath(e.Path), p.Line, p.Column, safetext.Line(p.Message))
	}
	return b.String()
}

var syntaxLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse checks the raw bytes and parses them into a document node. It refuses
// empty files, files over MaxFileSize, leftover git conflict markers,
// characters that YAML readers disagree about (see checkText), more than one
// document or anything after an end-of-document marker, anchors and aliases
// (the defence against alias bombs: ladder's files never need them), tags,
// and anything that is not YAML.
func Parse(data []byte) (*yaml.Node, Problems) {
	return new(Parser).Parse(data)
}

// A Parser parses one file after another, as Parse does, reusing the
// memory of each tree for the next: reading a folder of plans then makes
// a fraction of the garbage (BENCHMARKS.md, issue 16). The tree it
// returns is valid only until its next Parse, so a caller must keep only
// what it copies out of it; the strings in it are never reused and may be
// kept. A Parser is not safe for concurrent use.
type Parser struct {
	fast fastParser
}

// Parse is Parse, on the parser's memory.
func (pr *Parser) Parse(data []byte) (*yaml.Node, Problems) {
	if len(data) > MaxFileSize {
		return nil, Problems{{1, 1, TooLarge(int64(len(data)))}}
	}
	if len(bytes.Trim(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")) == 0 {
		// (YAML's white space only: a no-break space is text.)
		return nil, Problems{{1, 1, "file is empty"}}
	}
	if ps := conflictMarkers(bytes.TrimPrefix(data, []byte("\ufeff"))); len(ps) > 0 {
		return nil, ps
	}
	plain, p := checkText(data)
	if p != nil {
		return nil, Problems{*p}
	}
	if plain && fastPathEnabled {
		root, ok, gaveUp := pr.fast.parse(data)
		if ok {
			return root, nil
		}
		if p, ok := mistakeWhereFastGaveUp(data, gaveUp); ok {
			return nil, Problems{p}
		}
	}
	return generalParse(data)
}

// localErrors are the yaml.v3 errors caused by the line they are found on,
// whatever follows it: a line that fits no open block, a ": " or "- " where
// none can be.
var localErrors = map[string]bool{
	"did not find expected key":                              true,
	"did not find expected '-' indicator":                    true,
	"mapping values are not allowed in this context":         true,
	"block sequence entries are not allowed in this context": true,
}

// mistakeWhereFastGaveUp finds the mistake in a broken file in about one
// parse, where the general path takes two: when the fast parser gave up on
// a line whose indentation fits no open block, and the lines before it are
// ones the fast path reads (so yaml.v3 reads them too: the differential
// tests hold it to that), then if yaml.v3 fails on the file cut after that
// line, with an error that line causes whatever follows, the mistake is on
// that line. Otherwise (ok false) the general path decides.
func mistakeWhereFastGaveUp(data []byte, gaveUp fastGaveUp) (p Problem, ok bool) {
	if !gaveUp.structural || gaveUp.line < 2 {
		return Problem{}, false
	}
	src := newSource(data)
	if gaveUp.line > len(src.lines) {
		return Problem{}, false
	}
	before := data[:src.lines[gaveUp.line-1]]
	through := data
	if gaveUp.line < len(src.lines) {
		through = data[:src.lines[gaveUp.line]]
	}
	// The line must begin with a key and its ":" or with "- ": tokens
	// the line settles by itself. Anything else may be the start of a
	// value that goes on over the lines after it, which then decide what
	// is wrong.
	rest := strings.TrimLeft(strings.TrimRight(string(through[len(before):]), "\n"), " ")
	if keyEnd(rest) <= 0 && rest != "-" && !strings.HasPrefix(rest, "- ") {
		return Problem{}, false
	}
	if _, ok := fastParse(before); !ok {
		return Problem{}, false
	}
	var n yaml.Node
	err := yaml.Unmarshal(through, &n)
	if err == nil {
		return Problem{}, false
	}
	m := syntaxLine().FindStringSubmatch(err.Error())
	what := strings.TrimPrefix(err.Error(), "yaml: ")
	if m != nil {
		what = m[2]
	}
	if !localErrors[what] {
		return Problem{}, false
	}
	return explainSyntax(data, gaveUp.line, what), true
}

// generalParse reads a file with yaml.v3. It parses the file with a line
// feed in front (and its byte-order mark, if any, taken off): with the
// first line never the start of the enclosing block, yaml.v3 always names
// that block's first line in a syntax error, from which syntaxProblem finds
// the mistake in one more pass. Node lines are shifted back.
func generalParse(data []byte) (*yaml.Node, Problems) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	shifted := make([]byte, 0, len(data)+1)
	shifted = append(append(shifted, '\n'), data...)
	dec := yaml.NewDecoder(bytes.NewReader(shifted))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, Problems{syntaxProblem(data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, Problems{secondDocument(data)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, Problems{{1, 1, "file holds no YAML document"}}
	}
	src := newSource(data)
	var ps Problems
	walk(&doc, func(n *yaml.Node) {
		n.Line--
		switch {
		case n.Kind == yaml.AliasNode:
			ps = append(ps, Problem{n.Line, n.Column, "aliases (*name) are not allowed here"})
		case n.Anchor != "":
			ps = append(ps, Problem{n.Line, n.Column, "anchors (&name) are not allowed here"})
		case n.Kind != yaml.DocumentNode && (n.Style&yaml.TaggedStyle != 0 || src.at(n.Line, n.Column) == '!') &&
			(len(ps) == 0 || ps[len(ps)-1].Line != n.Line || ps[len(ps)-1].Column != n.Column):
			// (A mapping whose first key is tagged starts where the tag
			// does: one problem is enough.)
			// yaml.v3 drops the non-specific tag "!" and resolves the value
			// as if it were not there, where other readers take it as text:
			// hence the look at the source as well as at the style.
			ps = append(ps, Problem{n.Line, n.Column, "tags (" + safetext.Excerpt(src.tag(n.Line, n.Column), 20) + ") are not allowed here: ladder's files hold plain values; remove the tag"})
		}
	})
	if len(ps) > 0 {
		ps.Sort()
		return nil, ps
	}
	return doc.Content[0], nil
}

// source finds characters by line and column (1-based, columns counted
// in characters as yaml.v3 counts them).
type source struct {
	data  []byte
	lines []int // byte offset of each line's start
	// The last place offset found: the nodes of a line are asked for
	// left to right, and counting each one's column from the start of
	// its line made a flow list of 250,000 entries on one line
	// (participants: [a,a,…], 500 KB) take a minute to read.
	lastLine, lastCol, lastOffset int
}

func newSource(data []byte) *source {
	if bytes.IndexByte(data, '\r') < 0 {
		// Line feeds only (all that the fast parser reads): found with
		// IndexByte, a line at a time.
		lines := make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
		for i := 0; ; {
			j := bytes.IndexByte(data[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			lines = append(lines, i)
		}
		return &source{data: data, lines: lines}
	}
	s := &source{data: data, lines: []int{0}}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			s.lines = append(s.lines, i+1)
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// text is line n without its line break ("" if there is no line n).
func (s *source) text(n int) string {
	if n < 1 || n > len(s.lines) {
		return ""
	}
	end := len(s.data)
	if n < len(s.lines) {
		end = s.lines[n]
	}
	return strings.TrimRight(string(s.data[s.lines[n-1]:end]), "\r\n")
}

// offset is the byte offset of a line and column, or -1.
func (s *source) offset(line, col int) int {
	if line < 1 || line > len(s.lines) {
		return -1
	}
	i, c := s.lines[line-1], 1
	if line == s.lastLine && col >= s.lastCol {
		i, c = s.lastOffset, s.lastCol
	}
	runesCounted.Add(int64(col - c))
	for ; c < col && i < len(s.data); c++ {
		_, size := utf8.DecodeRune(s.data[i:])
		i += size
	}
	if i >= len(s.data) {
		return -1
	}
	s.lastLine, s.lastCol, s.lastOffset = line, col, i
	return i
}

// runesCounted counts the characters offset stepped over, for the test
// that holds it to about one step per character of a file.
var runesCounted atomic.Int64

func (s *source) at(line, col int) byte {
	if i := s.offset(line, col); i >= 0 {
		return s.data[i]
	}
	return 0
}

// tag is the tag written at a position: up to the next space or break.
func (s *source) tag(line, col int) string {
	i := s.offset(line, col)
	if i < 0 {
		return "!"
	}
	j := i
	for j < len(s.data) && s.data[j] != ' ' && s.data[j] != '\n' && s.data[j] != '\r' && s.data[j] != '\t' {
		j++
	}
	return string(s.data[i:j])
}

// secondDocument says where a second document begins: at a "---" line
// after the first document's content, or at the first content after a
// "..." line. yaml.v3 stops at the end of the first document, so a broken
// second one used to pass unseen, and be dropped by the next save.
func secondDocument(data []byte) Problem {
	src := newSource(data)
	content, ended := false, 0
	for n := 1; n <= len(src.lines); n++ {
		l := src.text(n)
		trimmed := strings.TrimLeft(l, " \t")
		switch {
		case ended > 0 && trimmed != "" && trimmed[0] != '#':
			return Problem{n, len(l) - len(trimmed) + 1, fmt.Sprintf("text after the end of the document (the ... on line %d): a plan or checklist file holds one YAML document; remove the ... and what follows it", ended)}
		case isMarker(l, "---"):
			if content {
				return Problem{n, 1, "a second YAML document starts here: a plan or checklist file holds one; remove this --- line and what follows it, or the first document"}
			}
			content = true
		case isMarker(l, "..."):
			ended = n
		case trimmed != "" && trimmed[0] != '#' && trimmed[0] != '%':
			content = true
		}
	}
	return Problem{1, 1, "more than one YAML document in the file"}
}

// isMarker reports whether a line is a document marker: the three
// characters at the start of the line, alone or before a space or tab.
func isMarker(l, marker string) bool {
	return strings.HasPrefix(l, marker) && (len(l) == 3 || l[3] == ' ' || l[3] == '\t')
}

func conflictMarkers(data []byte) Problems {
	var ps Problems
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		if isConflictMarker(bytes.TrimRight(l, "\r")) {
			ps = append(ps, Problem{line, 1, "leftover git conflict marker: finish resolving the merge, then check again"})
		}
	}
	return ps
}

// isConflictMarker matches the lines git leaves in a file whose merge was
// not finished: seven '<', '=', '>' or '|' alone or before a space. (A
// regular expression did this and took a tenth of the time of loading a plan.)
func isConflictMarker(l []byte) bool {
	if len(l) < 7 || (len(l) > 7 && l[7] != ' ') {
		return false
	}
	c := l[0]
	if c != '<' && c != '=' && c != '>' && c != '|' {
		return false
	}
	for _, b := range l[1:7] {
		if b != c {
			return false
		}
	}
	return true
}

// yaml.v3 names the line of a syntax error oddly. Its parser names the
// line where the enclosing block or collection began, counted from 0 (the
// line feed generalParse puts in front makes that the block's own line
// counted from 1); its scanner names the line where the scalar or key being
// read began, counted from 1 (plus one for the line feed). Either may be
// far above the mistake.
var (
	// blockErrors are parser errors inside a block mapping or list: the
	// mistake is the first line that does not fit the block.
	blockErrors = map[string]bool{
		"did not find expected key":           true,
		"did not find expected '-' indicator": true,
	}
	// openedErrors are about something opened and never closed (a [, a
	// {, a quote) or a node with no content: the line where it began is
	// the one to fix. (The first four come from the parser, counting from
	// 0; the last two from the scanner, counting from 1.)
	openedErrors = map[string]bool{
		"did not find expected ',' or ']'":    true,
		"did not find expected ',' or '}'":    true,
		"did not find expected node content":  true,
		"found undefined tag handle":          true,
		"found unexpected end of stream":      false,
		"found unexpected document indicator": false,
	}
)

// exactErrors are scanner errors yaml.v3 reports at the very place they
// are found, not where a scalar or key began: reading on from that line
// alone could only change what it means (the line may continue a value
// begun above it).
var exactErrors = map[string]bool{
	"found character that cannot start any token":            true,
	"block sequence entries are not allowed in this context": true,
	"mapping keys are not allowed in this context":           true,
	"mapping values are not allowed in this context":         true,
}

// syntaxProblem turns a yaml.v3 error on the shifted text into a problem at
// the line of the mistake in data.
func syntaxProblem(data []byte, err error) Problem {
	msg := err.Error()
	m := syntaxLine().FindStringSubmatch(msg)
	if m == nil {
		return Problem{1, 1, "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	n, _ := strconv.Atoi(m[1])
	what := m[2]
	var line int
	switch {
	case blockErrors[what]:
		line = mistakeFrom(data, n, what, true)
	case openedErrors[what]:
		line = n
	case hasKey(openedErrors, what), exactErrors[what]:
		line = n - 1
	default:
		line = mistakeFrom(data, n-1, what, false)
	}
	return explainSyntax(data, line, what)
}

func hasKey(m map[string]bool, k string) bool {
	_, ok := m[k]
	return ok
}

// mistakeFrom finds the mistake in the block or scalar that begins on line
// start: parsed from there, with that line first, the same error names the
// line of the mistake itself (yaml.v3 names where the block or scalar began
// unless that is the first line). It is one parse of the rest of the file,
// which stops at the mistake; the bisection over prefixes of the file that
// it replaces took seconds on a large file. If the rest does not fail the
// same way, the line where the block began is the best there is.
func mistakeFrom(data []byte, start int, what string, parserError bool) int {
	offset := newSource(data).offset(start, 1)
	if offset < 0 {
		return start
	}
	var n yaml.Node
	err := yaml.Unmarshal(data[offset:], &n)
	if err == nil {
		return start
	}
	if err.Error() == "yaml: "+what {
		return start // the mistake is on that very line
	}
	m := syntaxLine().FindStringSubmatch(err.Error())
	if m == nil || m[2] != what {
		return start
	}
	k, _ := strconv.Atoi(m[1])
	if !parserError {
		k-- // the scanner counts from 1
	}
	return start + k
}

func walk(n *yaml.Node, f func(*yaml.Node)) {
	f(n)
	for _, c := range n.Content {
		walk(c, f)
	}
}
