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
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/internal/safetext"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest file accepted. A plan for a 1,000-item checklist
// is a few hundred kilobytes; anything far beyond that is a mistake or an
// attack, and reading it would only make the user wait.
const MaxFileSize = 8 << 20

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
		fmt.Fprintf(&b, "%s:%d:%d: %s", safetext.Line(e.Path), p.Line, p.Column, safetext.Line(p.Message))
	}
	return b.String()
}

var syntaxLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse checks the raw bytes and parses them into a document node. It refuses
// empty files, files over MaxFileSize, leftover git conflict markers, more
// than one document, anchors and aliases (the defence against alias bombs:
// ladder's files never need them), and anything that is not YAML.
func Parse(data []byte) (*yaml.Node, Problems) {
	if len(data) > MaxFileSize {
		return nil, Problems{{1, 1, fmt.Sprintf("file is %d bytes, over the %d byte limit", len(data), MaxFileSize)}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Problems{{1, 1, "file is empty"}}
	}
	if ps := conflictMarkers(data); len(ps) > 0 {
		return nil, ps
	}
	if root, ok := fastParse(data); ok {
		return root, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, Problems{syntaxProblem(data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Problems{{extra.Line, extra.Column, "more than one YAML document in the file"}}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, Problems{{1, 1, "file holds no YAML document"}}
	}
	var ps Problems
	walk(&doc, func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			ps = append(ps, Problem{n.Line, n.Column, "aliases (*name) are not allowed here"})
		} else if n.Anchor != "" {
			ps = append(ps, Problem{n.Line, n.Column, "anchors (&name) are not allowed here"})
		}
	})
	if len(ps) > 0 {
		return nil, ps
	}
	return doc.Content[0], nil
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

func syntaxProblem(data []byte, err error) Problem {
	msg := err.Error()
	m := syntaxLine().FindStringSubmatch(msg)
	if m == nil {
		return Problem{1, 1, "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	p := Problem{line, 1, "not valid YAML: " + m[2] + syntaxHint(m[2])}
	// For errors found while parsing (not scanning), the YAML library names
	// the line where the enclosing block started, counted from 0, which can
	// be far above the mistake. The mistake is on the first line at which a
	// prefix of the file fails the same way.
	if k := firstFailingLine(data, m[2], line); k > 0 {
		p.Line, p.Column = k, firstColumn(data, k)
	}
	return p
}

// syntaxHint says in plain words what usually causes a YAML syntax error.
func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return ` (text containing ": " needs quotes, e.g. action: 'Note: call Ana')`
	case strings.Contains(msg, "did not find expected key"),
		strings.Contains(msg, "did not find expected '-' indicator"):
		return " (check this line is indented like the lines above it, with spaces)"
	case strings.Contains(msg, "found character that cannot start any token"):
		return " (indent with spaces, not tabs; text starting with @ or ` needs quotes)"
	case strings.Contains(msg, "could not find expected ':'"):
		return " (a key is missing its ':', or a quote is not closed)"
	}
	return ""
}

// firstFailingLine finds, by bisection between the reported line and the end
// of the file, the first line whose prefix of the file fails to parse with
// the same error. It returns 0 if there is none.
func firstFailingLine(data []byte, msg string, from int) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(k int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:k], nil), &n)
		if err == nil {
			return false
		}
		m := syntaxLine().FindStringSubmatch(err.Error())
		return m != nil && m[2] == msg
	}
	lo, hi := max(from, 1), len(lines)
	if lo > hi || !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// firstColumn is the column of the first character of a line that is not a
// space (a tab, if that is what broke it).
func firstColumn(data []byte, line int) int {
	l := bytes.Split(data, []byte("\n"))[line-1]
	return len(l) - len(bytes.TrimLeft(l, " ")) + 1
}

func walk(n *yaml.Node, f func(*yaml.Node)) {
	f(n)
	for _, c := range n.Content {
		walk(c, f)
	}
}
