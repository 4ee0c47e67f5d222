package strictyaml

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse reads the block-style subset of YAML that ladder itself writes
// (block mappings and sequences, plain, quoted and literal scalars, `[]`,
// comments on lines of their own) about ten times faster than the general
// parser, which matters when `ladder check` or `status` reads a thousand
// plans. It builds the same node tree, with the same tags, values, lines and
// columns, as yaml.v3 would. Anything outside the subset, or anything it is
// not certain to read exactly as yaml.v3 does, makes it give up (ok false),
// and Parse then uses yaml.v3: hand-edited files with unusual YAML are read
// by the general parser, never misread by this one. The differential test
// and fuzz target in fast_test.go hold it to that.
func fastParse(data []byte) (root *yaml.Node, ok bool) {
	root, ok, _ = new(fastParser).parse(data)
	return root, ok
}

// fastGaveUp says where and why the fast parser gave up on a file: the
// line it was reading, and whether that line's indentation fits no block
// open at that point (a likely mistake, which locateMistake checks),
// rather than a form the fast path does not read.
type fastGaveUp struct {
	line       int
	structural bool
}

// parse is fastParse, saying where it gave up. A fastParser may parse one
// file after another: each parse reuses the nodes and lines of the one
// before (see Parser), so the tree it returns lives until the next.
func (p *fastParser) parse(data []byte) (root *yaml.Node, ok bool, gaveUp fastGaveUp) {
	// Files ladder writes end with a line feed; without one, the last
	// line of a literal block has no line break to keep. Parse has
	// already refused what checkText refuses, and left to yaml.v3 what
	// is not plain (tabs, carriage returns, a byte-order mark).
	if len(data) == 0 || data[len(data)-1] != '\n' {
		return nil, false, fastGaveUp{}
	}
	p.reset()
	// One copy of the file as a string: the values are slices of it.
	text := string(data)
	for no := 1; text != ""; no++ {
		line, rest, _ := strings.Cut(text, "\n")
		p.lines = append(p.lines, fastLine{no: no, text: line, indent: len(line) - len(strings.TrimLeft(line, " "))})
		text = rest
	}
	// (strings.Split gave a last, empty line after the final line feed;
	// next skips an empty line, so it made no difference.)
	defer func() {
		// The parser gives up by panicking with giveUp from deep inside;
		// any other panic is a bug and must surface.
		if r := recover(); r != nil {
			if r != giveUp {
				panic(r)
			}
			root, ok, gaveUp = nil, false, fastGaveUp{p.at, p.structural}
		}
	}()
	first := p.next()
	if first == nil || first.indent != 0 {
		return nil, false, fastGaveUp{}
	}
	root = p.block(0)
	if p.next() != nil {
		return nil, false, fastGaveUp{p.at, false}
	}
	return root, true, fastGaveUp{}
}

type fastLine struct {
	no     int
	text   string
	indent int
}

type fastParser struct {
	lines []fastLine
	i     int

	at         int  // the line being read
	structural bool // given up on a line whose indentation fits no open block

	// slabs hold the nodes, a hundred and twenty-eight to an allocation
	// (see newNode); used is how many of them this parse has handed out.
	slabs [][]yaml.Node
	used  int
}

// reset readies the parser for another file, reusing its lines and its
// nodes: whatever tree it returned before is overwritten.
func (p *fastParser) reset() {
	p.lines, p.i, p.at, p.structural, p.used = p.lines[:0], 0, 0, false, 0
}

const slabSize = 128

// newNode returns n from the parser's slabs: a document's nodes are
// allocated a hundred at a time rather than one by one (a plan has about
// 600), and a parser that reads one file after another hands out the same
// nodes again (with the room their Content had), so a folder of plans
// makes little garbage to collect. The nodes of one document live and die
// together, so sharing an allocation keeps nothing alive for longer.
func (p *fastParser) newNode(n yaml.Node) *yaml.Node {
	slab, at := p.used/slabSize, p.used%slabSize
	if slab == len(p.slabs) {
		p.slabs = append(p.slabs, make([]yaml.Node, slabSize))
	}
	p.used++
	node := &p.slabs[slab][at]
	content := node.Content[:0]
	*node = n
	if n.Kind != yaml.ScalarNode {
		node.Content = content
	}
	return node
}

type giveUpSignal struct{}

var giveUp = giveUpSignal{}

func fail() { panic(giveUp) }

// next returns the next line with content, skipping blank and comment lines,
// without consuming it.
func (p *fastParser) next() *fastLine {
	for p.i < len(p.lines) {
		l := &p.lines[p.i]
		rest := l.text[l.indent:]
		if rest == "" || rest[0] == '#' {
			p.i++
			continue
		}
		p.at = l.no
		if rest == "---" || rest == "..." || strings.HasPrefix(rest, "--- ") || strings.HasPrefix(rest, "%") {
			fail()
		}
		return l
	}
	return nil
}

// block reads the mapping or sequence that starts at the next line, whose
// indentation is ind.
func (p *fastParser) block(ind int) *yaml.Node {
	l := p.next()
	rest := l.text[l.indent:]
	if rest == "-" || strings.HasPrefix(rest, "- ") {
		return p.sequence(ind)
	}
	return p.mapping(ind)
}

func (p *fastParser) mapping(ind int) *yaml.Node {
	var m *yaml.Node
	for {
		l := p.next()
		if l == nil || l.indent < ind {
			break
		}
		rest := l.text[l.indent:]
		if l.indent > ind || rest == "-" || strings.HasPrefix(rest, "- ") {
			if m != nil && l.indent == ind {
				break // a sequence at the key's indentation ends this mapping's value
			}
			p.structural = l.indent != ind
			fail()
		}
		colon := keyEnd(rest)
		if colon < 0 {
			fail()
		}
		if m == nil {
			m = p.newNode(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: l.no, Column: ind + 1})
		}
		keyText := rest[:colon]
		key := p.newNode(yaml.Node{Kind: yaml.ScalarNode, Tag: plainTag(keyText), Value: keyText, Line: l.no, Column: ind + 1})
		after := rest[colon+1:]
		col := ind + colon + 2 // 1-based column just past the colon
		p.i++
		var value *yaml.Node
		switch {
		case after == "":
			value = p.emptyValue(ind, l.no, col)
		case after[0] != ' ' || strings.TrimLeft(after, " ") == "":
			fail()
		default:
			value = p.inlineValue(strings.TrimLeft(after, " "), l.no, col+len(after)-len(strings.TrimLeft(after, " ")), ind)
		}
		m.Content = append(m.Content, key, value)
	}
	if m == nil {
		fail()
	}
	return m
}

// keyEnd finds the colon that ends a plain key made of the characters ids
// and field names use; anything fancier goes to the general parser.
func keyEnd(s string) int {
	// YAML limits an implicit key to 1024 characters; ours are short.
	for i := 0; i < len(s) && i < 256; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case (c == '-' || c == '.') && i > 0:
		case c == ':' && i > 0 && (i+1 == len(s) || s[i+1] == ' '):
			return i
		default:
			return -1
		}
	}
	return -1
}

// emptyValue is what follows "key:" at the end of a line: a nested block,
// a sequence at the key's own indentation, or nothing (null).
func (p *fastParser) emptyValue(ind, line, col int) *yaml.Node {
	l := p.next()
	if l != nil {
		rest := l.text[l.indent:]
		isSeq := rest == "-" || strings.HasPrefix(rest, "- ")
		if l.indent > ind || (l.indent == ind && isSeq) {
			return p.block(l.indent)
		}
	}
	return p.newNode(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: line, Column: col})
}

// inlineValue reads the value written on the key's own line.
func (p *fastParser) inlineValue(s string, line, col, ind int) *yaml.Node {
	s = strings.TrimRight(s, " ")
	switch s[0] {
	case '|', '>':
		return p.literal(s, line, col, ind)
	case '[':
		if s != "[]" {
			fail()
		}
		return p.newNode(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col})
	case '{':
		return p.flowCounts(s, line, col)
	}
	return p.scalar(s, line, col)
}

// flowCounts reads the one flow mapping ladder writes, a room's votes:
// plain keys and whole numbers, "{red: 1, amber: 5, green: 2, unsure: 0}",
// written exactly so. Anything else in braces is left to yaml.v3.
func (p *fastParser) flowCounts(s string, line, col int) *yaml.Node {
	if len(s) < 2 || s[len(s)-1] != '}' {
		fail()
	}
	m := p.newNode(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: line, Column: col})
	body, at := s[1:len(s)-1], col+1
	for {
		colon := keyEnd(body)
		if colon < 0 || colon+2 > len(body) {
			fail()
		}
		key, rest := body[:colon], body[colon+2:]
		val, next, more := strings.Cut(rest, ", ")
		if !isDigits(val) {
			fail()
		}
		m.Content = append(m.Content,
			p.newNode(yaml.Node{Kind: yaml.ScalarNode, Tag: plainTag(key), Value: key, Line: line, Column: at}),
			p.scalar(val, line, at+colon+2))
		if !more {
			return m
		}
		at += colon + 2 + len(val) + 2
		body = next
	}
}

func (p *fastParser) sequence(ind int) *yaml.Node {
	var seq *yaml.Node
	for {
		l := p.next()
		if l == nil || l.indent < ind {
			break
		}
		rest := l.text[l.indent:]
		if l.indent > ind || !strings.HasPrefix(rest, "- ") {
			if l.indent == ind {
				break // the next key of the mapping this sequence is a value of
			}
			p.structural = l.indent < ind || l.indent > ind && !strings.HasPrefix(rest, "- ")
			fail()
		}
		if seq == nil {
			seq = p.newNode(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: l.no, Column: ind + 1})
		}
		item := strings.TrimLeft(rest[2:], " ")
		itemInd := ind + len(rest) - len(item)
		if item == "" || item[0] == '#' || item[0] == '|' || item[0] == '-' {
			fail()
		}
		if keyEnd(item) > 0 {
			// "- key: value": a mapping whose first key shares the dash's
			// line; read the line again as if it started at the key.
			l.indent = itemInd
			seq.Content = append(seq.Content, p.mapping(itemInd))
			continue
		}
		p.i++
		if item == "[]" {
			fail()
		}
		seq.Content = append(seq.Content, p.scalar(strings.TrimRight(item, " "), l.no, itemInd+1))
	}
	return seq
}

// scalar reads a plain or quoted scalar that fits on one line.
func (p *fastParser) scalar(s string, line, col int) *yaml.Node {
	n := p.newNode(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: line, Column: col})
	switch s[0] {
	case '\'':
		n.Style = yaml.SingleQuotedStyle
		n.Value = singleQuoted(s)
	case '"':
		n.Style = yaml.DoubleQuotedStyle
		n.Value = doubleQuoted(s)
	default:
		if strings.ContainsRune("-?:,[]{}#&*!|>%@`", rune(s[0])) || strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
			fail()
		}
		n.Value = s
		n.Tag = plainTag(s)
	}
	return n
}

// plainTag resolves an unquoted scalar the way yaml.v3 does, for the shapes
// it can be sure of, and gives up on the rest (floats, signed or octal
// numbers, times, merge keys).
func plainTag(s string) string {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9':
		if isDigits(s) && (len(s) == 1 || c != '0') && len(s) < 19 {
			return "!!int"
		}
		if len(s) == 10 && isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' && isDigits(s[8:]) {
			if _, ok := parseDate(s); ok {
				return "!!timestamp"
			}
			return "!!str"
		}
		fail()
	case c == '+' || c == '-' || c == '.' || c == '<':
		fail()
	}
	return "!!str"
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseDate accepts what yaml.v3's timestamp resolution accepts for a plain
// YYYY-MM-DD: time.Parse("2006-1-2"), so 2027-02-30 is not a timestamp
// (it stays a string, and the plan loader reports it).
func parseDate(s string) (string, bool) {
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if m < 1 || m > 12 || d < 1 {
		return "", false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return s, d <= days
}

func singleQuoted(s string) string {
	// Most quoted values have no quote inside: they are the text between
	// the quotes, with nothing to build.
	if inner := s[1:]; len(inner) > 0 && strings.IndexByte(inner, '\'') == len(inner)-1 {
		return inner[:len(inner)-1]
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		if i+1 != len(s) {
			fail() // text after the closing quote
		}
		return b.String()
	}
	fail() // no closing quote on this line
	return ""
}

func doubleQuoted(s string) string {
	if inner := s[1:]; len(inner) > 0 && strings.IndexByte(inner, '"') == len(inner)-1 && strings.IndexByte(inner, '\\') < 0 {
		return inner[:len(inner)-1]
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			if i+1 != len(s) {
				fail()
			}
			return b.String()
		case '\\':
			if i+1 >= len(s) {
				fail()
			}
			i++
			switch s[i] {
			case '\\', '"': // not '/': yaml.v3 refuses "\/"
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '0':
				b.WriteByte(0)
			case 'x', 'u', 'U':
				width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[i]]
				if i+width >= len(s) {
					fail()
				}
				v, err := strconv.ParseUint(s[i+1:i+1+width], 16, 32)
				if err != nil || !utf8.ValidRune(rune(v)) {
					fail()
				}
				b.WriteRune(rune(v))
				i += width
			default:
				fail()
			}
		default:
			b.WriteByte(c)
		}
	}
	fail()
	return ""
}

// literal reads a `|` or `|-` block (with an optional indentation digit)
// that follows a mapping key at indentation ind, or a folded `>`/`>-` block
// of plain paragraphs (checklists and guidance use them for long text).
func (p *fastParser) literal(header string, line, col, ind int) *yaml.Node {
	strip, explicit := false, 0
	for _, c := range header[1:] {
		switch {
		case c == '-' && !strip:
			strip = true
		case c >= '1' && c <= '9' && explicit == 0:
			explicit = int(c - '0')
		default:
			fail() // keep chomping (|+), comments, anything else
		}
	}
	content := 0
	if explicit > 0 {
		content = ind + explicit
	}
	var out []string
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		p.at = l.no
		blank := strings.TrimLeft(l.text, " ") == ""
		if content == 0 {
			if blank {
				fail() // leading blank lines: leave to the general parser
			}
			if l.indent <= ind {
				fail() // an empty block
			}
			content = l.indent
		}
		if blank {
			if len(l.text) > content {
				fail() // spaces beyond the indentation: leave it to yaml.v3
			}
			out = append(out, "")
			continue
		}
		if l.indent < content {
			if l.indent > ind {
				fail() // less indented than the block but inside its parent
			}
			break
		}
		out = append(out, l.text[content:])
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		fail()
	}
	style := yaml.LiteralStyle
	value := strings.Join(out, "\n")
	if header[0] == '>' {
		style = yaml.FoldedStyle
		value = fold(out)
	}
	if !strip {
		value += "\n"
	}
	return p.newNode(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Value: value, Line: line, Column: col})
}

// fold joins the lines of a folded block: a single line break between two
// lines becomes a space, and each empty line a line break. Lines indented
// beyond the block (which folding leaves alone) are left to yaml.v3.
func fold(lines []string) string {
	var b strings.Builder
	empty := 0
	for i, l := range lines {
		if l == "" {
			empty++
			continue
		}
		if l[0] == ' ' {
			fail()
		}
		if i > 0 {
			if empty == 0 {
				b.WriteByte(' ')
			} else {
				b.WriteString(strings.Repeat("\n", empty))
			}
		}
		empty = 0
		b.WriteString(l)
	}
	return b.String()
}
