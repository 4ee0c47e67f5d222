package plans

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/strictyaml"
)

// Comments people write in a plan file are part of a file kept in git: a
// note above an action ("# agreed with Ana on 3 March"), one at the end of
// a rating's line ("rating: red  # Sam disagrees, revisit in May"), a
// reminder below an item's last key. Encode writes a plan from scratch in
// its one layout, so the comments a person wrote are read when the plan is
// loaded, by the path of the key they belong to, and written again in the
// same place against that key on the next save (issue 12.10 kept those
// above a key): a comment on lines of its own above a key stays above it;
// one at the end of a key's line stays at the end of that line, with the
// spaces its writer put before the #; one below the last key of a block
// (an item, a list, the file) stays below the block's last line. The
// spaces are kept rather than made one layout because they are the
// writer's, like the words: comments set in a column stay in it, a save
// that changes another line never touches this one, and ladder fmt --check
// in CI does not fail a pull request over them. A comment whose key is no
// longer written (a value cleared, a step deleted, an item gone from the
// checklist) is written above the key that came after it in the file, or
// at the end of the file: kept near where it was, never dropped. Comments
// ladder writes itself (the header, area and item titles, the questions)
// are ladder's: they are written as ever, never twice; one of them with
// words someone added after it is theirs, kept whole below ladder's line
// (an older checklist's or plan's line is no one's). A # inside quotes
// or inside a block of text is text.

// commentPlace is where a comment sits against the key it belongs to.
type commentPlace uint8

const (
	commentAbove commentPlace = iota // on lines of its own above the key
	commentAtEnd                     // at the end of the key's line
	commentBelow                     // on lines of its own below the key's block
)

// handComment is one comment a person wrote. text is the comment from its
// #; at the end of a line, with the spaces before the # as written.
type handComment struct {
	path  string // the key's path: "/items/lc-vision/rating"; "" for the file
	place commentPlace
	text  string
}

// fileComments is what handComments read from a plan file.
type fileComments struct {
	list []handComment // in the order of the file
	keys []string      // every key's path in the order of the file
}

// handComments reads the comments of a plan file that ladder does not
// write, each with the path of its key ("/items/lc-vision/action",
// "/follow_ups/project-plan/steps/#3" for a step by its id,
// "/participants/=Ana" for an entry of a list of text). Which of them
// are ladder's own is worked out when the plan is written. It reads the
// lines, not the parsed tree (the fast parser keeps no comments): keys in
// block style, as plans are written.
func handComments(data []byte, c *checklist.Checklist) *fileComments {
	data = loneCRsAsLineBreaks(data)
	if !hasForeignComment(data, c) {
		return nil // the usual case, which costs one look at each "#"
	}
	return readComments(data, c)
}

// loneCRsAsLineBreaks is data with each carriage return that is not
// before a "\n" made one: YAML readers take it for a line break (old Mac
// editors end lines so), and the lines are read at "\n". Read as one
// line with the next, a comment on either was lost on save, or kept with
// the carriage return in it. data itself when it has none, the usual
// case.
func loneCRsAsLineBreaks(data []byte) []byte {
	var out []byte // data's copy, made at the first lone one
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 == len(data) || data[i+1] != '\n' {
			if out == nil {
				out = bytes.Clone(data)
			}
			out[i] = '\n'
		}
		next := bytes.IndexByte(data[i+1:], '\r')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if out == nil {
		return data
	}
	return out
}

// readComments is handComments without the look for a comment first.
func readComments(data []byte, c *checklist.Checklist) *fileComments {
	r := commentReader{out: &fileComments{}, own: ownComments(c), block: -1, cont: -1}
	for _, line := range strings.Split(string(data), "\n") {
		r.line(strings.TrimRight(line, "\r"))
	}
	r.end()
	if len(r.out.list) == 0 {
		return nil
	}
	return r.out
}

// commentLevel is a key (or list entry) whose block the lines read are
// in.
type commentLevel struct {
	indent int
	key    string
	start  int  // the number of comments read before it: those after are renamed with an entry's id
	holder bool // its value is on the lines below, or an empty list: a comment below its last key is its
}

type pendingComment struct {
	indent int
	text   string
}

// commentReader reads a plan file's lines for handComments.
type commentReader struct {
	out     *fileComments
	own     map[string]bool // ladder's comment lines for the plan's checklist
	stack   []commentLevel
	pending []pendingComment
	block   int            // the indent of the key whose block of text the lines are in, or -1
	cont    int            // the indent of the key whose plain value may go on over the next lines, or -1
	quote   byte           // the quote a value that goes on over the next lines is in, or 0
	flow    int            // how deep in [ and { a value that goes on over the next lines is
	onKey   string         // the path of that key
	entries map[string]int // how many list entries of each path were read (sameEntry)
}

func (r *commentReader) path() string {
	var b strings.Builder
	for _, l := range r.stack {
		b.WriteString("/")
		b.WriteString(l.key)
	}
	return b.String()
}

func (r *commentReader) add(path string, place commentPlace, text string) {
	r.out.list = append(r.out.list, handComment{path, place, text})
}

func (r *commentReader) line(line string) {
	t := strings.TrimLeft(line, " ")
	indent := len(line) - len(t)
	if r.quote != 0 || r.flow > 0 {
		// The rest of a quoted or flow value: what follows its end is a
		// comment at the end of its key's line.
		if end, ok := r.valueEnd(t); ok {
			r.endComment(r.onKey, t[end:])
		}
		return
	}
	if r.block >= 0 {
		if t == "" || indent > r.block {
			return
		}
		r.block = -1
	}
	if t == "" {
		return
	}
	if t[0] == '#' {
		// Ladder's own are left out here too, not only when the plan is
		// written: an item's title, say, once the item is gone from the
		// checklist, is no one's comment. One of ladder's lines with
		// words added, or as an older checklist had it, is read: the
		// encoder keeps the first (extendsOwn).
		if t = strings.TrimRight(t, " \t"); !r.own[t] {
			r.pending = append(r.pending, pendingComment{indent, t})
		}
		r.cont = -1 // a comment line ends a plain value
		return
	}
	if r.cont >= 0 && indent > r.cont {
		// A plain value's next line: a comment after it is at the end
		// of the value, which ladder writes on one line.
		if _, comment := plainEnd(t); comment != "" {
			r.add(r.onKey, commentAtEnd, comment)
			r.cont = -1
		}
		return
	}
	r.cont = -1
	if rest, ok := strings.CutPrefix(t, "-"); ok && (rest == "" || rest[0] == ' ') {
		r.closeEntry(indent)
		r.push(commentLevel{indent: indent, key: "#?", start: len(r.out.list)})
		r.abovePending()
		t = strings.TrimLeft(rest, " ")
		indent = len(line) - len(t)
		if t != "" && t[0] == '#' {
			r.renameEntry("=") // an empty entry, and a comment
			r.add(r.path(), commentAtEnd, strings.TrimRight(rest, " \t"))
			return
		}
		key, value, isKey := cutKey(t)
		if !isKey {
			// An entry of a list of text, known by its text.
			text, _ := plainEnd(t)
			if t != "" && (t[0] == '\'' || t[0] == '"') {
				if end := strictyaml.ClosingQuote(t, 1, t[0]); end >= 0 {
					text = t[:end+1]
				}
			}
			r.renameEntry("=" + entryKey(text))
			r.value(len(r.stack)-1, t)
			return
		}
		r.keyLine(indent, key, value)
		return
	}
	key, value, ok := cutKey(t)
	if !ok {
		return // not a key: the comments waiting stay for the next one
	}
	r.closeTo(indent)
	r.keyLine(indent, key, value)
}

// keyLine reads a key and its value; the key's block is already closed
// to its indent.
func (r *commentReader) keyLine(indent int, key, value string) {
	if n := len(r.stack); key == "id" && n > 0 && r.stack[n-1].key == "#?" && r.stack[n-1].indent < indent {
		text, _ := plainEnd(strings.TrimLeft(value, " "))
		r.rename("#" + strings.TrimSpace(strings.Trim(text, `'"`)))
	}
	r.push(commentLevel{indent: indent, key: key})
	r.abovePending()
	r.value(len(r.stack)-1, value)
}

// push opens a key's block, and tells its parent it holds keys.
func (r *commentReader) push(l commentLevel) {
	if n := len(r.stack); n > 0 {
		r.stack[n-1].holder = true
	}
	r.stack = append(r.stack, l)
	r.out.keys = append(r.out.keys, r.path())
}

// rename gives the list entry on top of the stack its key ("#3" when its
// id is read), and the comments read since it began with it.
func (r *commentReader) rename(key string) {
	e := &r.stack[len(r.stack)-1]
	old := r.path()
	e.key = key
	now := r.path()
	for i := e.start; i < len(r.out.list); i++ {
		if p := r.out.list[i].path; p == old || strings.HasPrefix(p, old+"/") {
			r.out.list[i].path = now + p[len(old):]
		}
	}
	for i := len(r.out.keys) - 1; i >= 0; i-- {
		if p := r.out.keys[i]; p == old || strings.HasPrefix(p, old+"/") {
			r.out.keys[i] = now + p[len(old):]
		} else {
			break
		}
	}
}

// renameEntry renames the entry of a list of text on top of the stack
// by its text, told apart from the entries before it with the same text
// (sameEntry), as canonicalKeys tells them apart.
func (r *commentReader) renameEntry(key string) {
	r.rename(key)
	path := r.path()
	if r.entries == nil {
		r.entries = map[string]int{}
	}
	if n := r.entries[path]; n > 0 {
		r.rename(key + sameEntry(n))
	}
	r.entries[path]++
}

// abovePending gives the comments waiting for a key to the key on top of
// the stack.
func (r *commentReader) abovePending() {
	path := r.path()
	for _, p := range r.pending {
		r.add(path, commentAbove, p.text)
	}
	r.pending = nil
}

// value reads what follows the key of level i on its line: where a value
// that goes on over the next lines ends, and the comment after it.
func (r *commentReader) value(i int, v string) {
	path := r.path()
	indent := r.stack[i].indent
	t := strings.TrimLeft(v, " \t")
	switch {
	case t == "" || t[0] == '#':
		r.stack[i].holder = true
		r.endComment(path, v)
	case t[0] == '|' || t[0] == '>':
		r.block = indent
		if _, comment := plainEnd(t); comment != "" {
			r.add(path, commentAtEnd, comment)
		}
	case t[0] == '\'' || t[0] == '"' || t[0] == '[' || t[0] == '{':
		r.onKey = path
		if t == "[]" || t == "{}" || strings.HasPrefix(t, "[] ") || strings.HasPrefix(t, "{} ") {
			r.stack[i].holder = true
		}
		if end, ok := r.valueEnd(t); ok {
			r.endComment(path, t[end:])
		}
	default:
		_, comment := plainEnd(t)
		if comment != "" {
			r.add(path, commentAtEnd, comment)
			return
		}
		r.cont, r.onKey = indent, path
	}
}

// endComment reads what follows the end of a value: a comment, with the
// spaces before it.
func (r *commentReader) endComment(path, rest string) {
	rest = strings.TrimRight(rest, " \t")
	if t := strings.TrimLeft(rest, " \t"); t != "" && t[0] == '#' && (len(t) < len(rest) || rest == t) {
		r.add(path, commentAtEnd, rest)
	}
}

// valueEnd scans a quoted or flow value from its start (or, when r.quote
// or r.flow say it goes on from the line before, from the start of t),
// and says where it ends on this line, if it does.
func (r *commentReader) valueEnd(t string) (int, bool) {
	for i := 0; i < len(t); i++ {
		if r.quote != 0 {
			end := strictyaml.ClosingQuote(t, i, r.quote)
			if end < 0 {
				return 0, false
			}
			i = end
			r.quote = 0
			if r.flow == 0 {
				return i + 1, true
			}
			continue
		}
		switch c := t[i]; c {
		case '\'', '"':
			if i == 0 || (r.flow > 0 && strings.IndexByte("[{, :", t[i-1]) >= 0) {
				r.quote = c
			}
		case '[', '{':
			r.flow++
		case ']', '}':
			if r.flow--; r.flow <= 0 {
				r.flow = 0
				return i + 1, true
			}
		case '#':
			if r.flow > 0 && (i == 0 || t[i-1] == ' ' || t[i-1] == '\t') {
				// A comment inside a flow value that goes on over lines.
				r.add(r.onKey, commentAtEnd, " "+strings.TrimRight(t[i:], " \t"))
				return 0, false
			}
		}
	}
	return 0, false
}

// closeTo ends the blocks a key or entry at indent j closes: the comments
// waiting that sit deeper than j, before any that does not, were written
// below the last key of one of those blocks (the deepest that holds
// keys and is less indented than the comment), and stay below it.
func (r *commentReader) closeTo(j int) {
	n := len(r.stack)
	for n > 0 && r.stack[n-1].indent >= j {
		n--
	}
	r.belowPending(n, j)
	r.stack = r.stack[:n]
}

// closeEntry closes the blocks a list entry at indent j closes: those
// deeper, and an entry as deep (a list may sit at its key's indent).
func (r *commentReader) closeEntry(j int) {
	n := len(r.stack)
	for n > 0 && (r.stack[n-1].indent > j || r.stack[n-1].indent == j && strings.IndexByte("#=", r.stack[n-1].key[0]) >= 0) {
		n--
	}
	r.belowPending(n, j)
	r.stack = r.stack[:n]
}

// belowPending gives the waiting comments deeper than j to the blocks
// from stack[from] on, which close; the first that is not deeper, and
// those after it, wait on for the next key.
func (r *commentReader) belowPending(from, j int) {
	taken := 0
	deepest := len(r.stack) - 1 // a comment below another is not in a deeper block
	for _, p := range r.pending {
		if p.indent <= j {
			break
		}
		at := -1
		for i := deepest; i >= from; i-- {
			if l := r.stack[i]; l.indent < p.indent && l.holder {
				at = i
				break
			}
		}
		if at < 0 {
			if j >= 0 {
				break // above the next key after all
			}
			r.add("", commentBelow, p.text) // below the last line of the file
			deepest = -1
		} else {
			deepest = at
			var b strings.Builder
			for _, l := range r.stack[:at+1] {
				b.WriteString("/" + l.key)
			}
			r.add(b.String(), commentBelow, p.text)
		}
		taken++
	}
	r.pending = r.pending[taken:]
}

// end closes every block at the end of the file.
func (r *commentReader) end() {
	r.belowPending(0, -1)
	for _, p := range r.pending {
		r.add("", commentBelow, p.text)
	}
}

// cutKey splits "key: value" (or "'key': value") at the colon that ends
// the key; ok is false for a line that is not a key.
func cutKey(t string) (key, value string, ok bool) {
	if t == "" || strings.IndexByte("-[{#|>&*!%@`", t[0]) >= 0 {
		return "", "", false
	}
	from := 0
	if t[0] == '\'' || t[0] == '"' {
		end := strictyaml.ClosingQuote(t, 1, t[0])
		if end < 0 {
			return "", "", false
		}
		from = end + 1
	}
	for i := from; i < len(t); i++ {
		if t[i] == ':' && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t') {
			key = t[:i]
			if len(key) >= 2 && (key[0] == '\'' || key[0] == '"') && key[len(key)-1] == key[0] {
				key = key[1 : len(key)-1]
			}
			return key, t[i+1:], key != ""
		}
		if t[i] == '#' && i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
			break
		}
	}
	return "", "", false
}

// plainEnd splits a plain value (or a block's header) from the comment
// after it, which keeps the spaces before its #.
func plainEnd(t string) (value, comment string) {
	for i := 1; i < len(t); i++ {
		if t[i] == '#' && (t[i-1] == ' ' || t[i-1] == '\t') {
			value = strings.TrimRight(t[:i], " \t")
			return value, strings.TrimRight(t[len(value):], " \t")
		}
	}
	return strings.TrimRight(t, " \t"), ""
}

// sameEntry tells apart the entries of a list with the same text (two
// participants called Ana), by how many came before: the n+1th is
// "=Ana" and sameEntry(n). Without it every comment on them went to the
// first.
func sameEntry(n int) string { return "\x00" + strconv.Itoa(n+1) }

// entryKey is the text of a list entry as written ("Ana", "'yes'"), as
// the key its comments are kept by: quotes are taken off, so that an
// entry a person quoted and ladder does not is the same entry.
func entryKey(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
		return s[1 : len(s)-1]
	}
	return s
}

// hasForeignComment reports whether data may have a comment that ladder
// does not write for a plan of checklist c: a comment line that is not
// ladder's, or a # after a space (or a closing quote or bracket) that may
// end a line's value (inside quotes or a block of text it is text, which
// handComments works out).
func hasForeignComment(data []byte, c *checklist.Checklist) bool {
	own := ownComments(c)
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '#')
		if j < 0 {
			return false
		}
		j += i
		start := j
		for start > 0 && (data[start-1] == ' ' || data[start-1] == '\t') {
			start--
		}
		if start > 0 && data[start-1] != '\n' {
			if start == j && !closes(data[j-1]) {
				i = j + 1 // a # in a word: text
				continue
			}
			// Text, a space and a #: a comment, unless the # is inside
			// the line's quoted value, as ladder writes "#" in an action.
			from := bytes.LastIndexByte(data[:j], '\n') + 1
			end := bytes.IndexByte(data[j:], '\n')
			if end < 0 {
				end = len(data) - j
			}
			if !quotedToTheEnd(data[from : j+end]) {
				return true
			}
			i = j + end
			continue
		}
		end := bytes.IndexByte(data[j:], '\n')
		if end < 0 {
			end = len(data) - j
		}
		t := bytes.TrimSpace(data[j : j+end])
		if !own[string(t)] {
			return true
		}
		i = j + end
	}
	return false
}

// closes reports whether c can end a quoted or flow value: YAML readers
// take a # right after one ("owner: 'Ana'#x") for a comment, as the
// comment reader does.
func closes(c byte) bool { return c == '\'' || c == '"' || c == ']' || c == '}' }

// quotedToTheEnd reports whether a line is a key or list entry whose value
// is in quotes that close at the end of the line: nothing on it is a
// comment. It reads the bytes as they are (no string made of them): it
// runs on every line ladder writes with a "#" in a quoted value.
func quotedToTheEnd(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	for bytes.HasPrefix(t, []byte("- ")) {
		t = bytes.TrimLeft(t[2:], " ")
	}
	if len(t) > 0 && t[0] != '\'' && t[0] != '"' {
		i := bytes.Index(t, []byte(": ")) // a key as ladder writes one
		if i < 0 {
			return false
		}
		t = bytes.TrimLeft(t[i+2:], " ")
	}
	if len(t) == 0 || (t[0] != '\'' && t[0] != '"') {
		return false
	}
	end := strictyaml.ClosingQuote(t, 1, t[0])
	return end >= 0 && len(bytes.TrimRight(t[end+1:], " \t\r")) == 0
}

// ownCommentSets holds, per checklist, the comment lines ladder writes in
// a plan of it (ownComments).
var ownCommentSets sync.Map // *checklist.Checklist → map[string]bool

// ownComments is every comment line ladder writes in a plan of c, worked
// out once per checklist from an empty plan's encoding, and the lines
// above steps, which an empty plan has none of: each names its item by
// the item's title alone (appendFrom), where the item's own line has its
// group too ("# Data: ..."), so they are not among the item's lines.
func ownComments(c *checklist.Checklist) map[string]bool {
	if c == nil {
		return nil
	}
	if own, ok := ownCommentSets.Load(c); ok {
		return own.(map[string]bool)
	}
	own := map[string]bool{stepsComment: true}
	for _, l := range strings.Split(string(Encode(New(c, "", "", Date{}))), "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") {
			own[t] = true
		}
	}
	for _, e := range c.Items() {
		title := string(appendComment(nil, e.Item.Title)) // once for both lines: it costs more than the rest
		for _, p := range stepLinePrefixes {
			own[p+title] = true
		}
	}
	ownCommentSets.Store(c, own)
	return own
}

// withHandComments puts the comments people wrote (see handComments) back
// into a plan's canonical encoding b, each in its place against its key:
// above it, after ladder's own comment for it; at the end of its line;
// below the last line of its block. A comment whose key b no longer has
// goes above the key that came next in the file it was read from, or
// below the last line of b. Lines that b already holds as comments are
// ladder's and are not written again.
func withHandComments(b []byte, fc *fileComments) []byte {
	if fc == nil || len(fc.list) == 0 {
		return b
	}
	lines := strings.Split(string(b), "\n")
	own, longest := map[string]bool{}, 0
	for _, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") {
			own[t], longest = true, max(longest, len(t))
		}
	}
	at := canonicalKeys(lines)
	above := map[int][]string{}
	atEnd := map[int][]string{} // each written after the other: one line may end many (a list in brackets over lines)
	below := map[int][]string{} // by the line of the key whose block they end
	var last []string           // below the last line
	var keyIndex map[string]int
	for _, c := range fc.list {
		line, ok := at[c.path]
		place := c.place
		if c.path == "" {
			last = append(last, c.text)
			continue
		}
		if !ok {
			// Its key is gone: above the next key that is not.
			if keyIndex == nil {
				keyIndex = make(map[string]int, len(fc.keys))
				for i := len(fc.keys) - 1; i >= 0; i-- {
					keyIndex[fc.keys[i]] = i
				}
			}
			line, place = -1, commentAbove
			if i, known := keyIndex[c.path]; known {
				for _, next := range fc.keys[i+1:] {
					if l, ok := at[next]; ok {
						line = l
						break
					}
				}
			}
			if line < 0 {
				last = append(last, strings.TrimLeft(c.text, " \t"))
				continue
			}
		}
		switch place {
		case commentAbove:
			above[line] = append(above[line], strings.TrimLeft(c.text, " \t"))
		case commentAtEnd:
			atEnd[line] = append(atEnd[line], c.text)
		case commentBelow:
			below[line] = append(below[line], c.text)
		}
	}
	// The comments below a block go after its last line, the innermost
	// block's first.
	type trailer struct {
		indent int
		text   string
	}
	after := map[int][]trailer{}
	for line, texts := range below {
		end, indent := blockEnd(lines, line)
		for _, t := range texts {
			after[end] = append(after[end], trailer{indent, t})
		}
	}
	for _, ts := range after {
		slices.SortStableFunc(ts, func(a, b trailer) int { return b.indent - a.indent })
	}
	keep := func(c string) bool { return !own[c] && (!ladders(c) || extendsOwn(c, own, longest)) }
	out := make([]byte, 0, len(b)+256)
	for i, l := range lines {
		if i == len(lines)-1 && l == "" {
			break
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		for _, c := range above[i] {
			if keep(c) {
				out = appendIndent(out, indent)
				out = append(out, c...)
				out = append(out, '\n')
			}
		}
		out = append(out, l...)
		for _, c := range atEnd[i] {
			out = append(out, c...)
		}
		out = append(out, '\n')
		for _, t := range after[i] {
			if keep(t.text) {
				out = appendIndent(out, t.indent)
				out = append(out, t.text...)
				out = append(out, '\n')
			}
		}
	}
	for _, c := range last {
		if keep(c) {
			out = append(out, c...)
			out = append(out, '\n')
		}
	}
	return out
}

// canonicalKeys is the line of each key's path in the lines of a plan
// ladder wrote. A step's "- id: 3" is the line of both the step
// (".../#3") and its id (".../#3/id"). The lines of a block of text are
// text.
func canonicalKeys(lines []string) map[string]int {
	type level struct {
		indent int
		path   string
	}
	at := make(map[string]int, len(lines))
	var stack []level
	entries := map[string]int{} // list entries of each path so far (sameEntry)
	block := -1
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		indent := len(l) - len(t)
		if block >= 0 {
			if t == "" || indent > block {
				continue
			}
			block = -1
		}
		key, value, ok := lineKey(t)
		if !ok {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		path := "/" + key
		if n := len(stack); n > 0 {
			path = stack[n-1].path + path
		}
		if strings.HasPrefix(key, "=") {
			if n := entries[path]; n > 0 {
				entries[path]++
				path += sameEntry(n)
			} else {
				entries[path] = 1
			}
		}
		stack = append(stack, level{indent, path})
		if _, seen := at[path]; !seen {
			at[path] = i
		}
		if strings.HasPrefix(key, "#") {
			at[path+"/id"] = i
		}
		if strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">") {
			block = indent
		}
	}
	return at
}

// blockEnd is the last line of the block of the key on line i, and the
// indent of a comment below it: that of the keys in the block, or of the
// key itself when its value is text (a comment as deep as a block of
// text's lines would be one of them).
func blockEnd(lines []string, i int) (end, indent int) {
	l := lines[i]
	t := strings.TrimLeft(l, " ")
	k := len(l) - len(t)
	_, value, _ := lineKey(t)
	holder := value == "" || value == "[]" || value == "{}" || strings.HasPrefix(t, "- id: ")
	end, indent = i, k
	if holder {
		indent = k + 2
	}
	first := true
	for j := i + 1; j < len(lines); j++ {
		u := strings.TrimLeft(lines[j], " ")
		if u == "" {
			continue
		}
		d := len(lines[j]) - len(u)
		if d <= k {
			break
		}
		if first && holder {
			indent = d
		}
		first = false
		end = j
	}
	return end, indent
}

// lineKey is the key a line of the canonical encoding starts, and the
// value after it; "" and false for a comment or a blank line: "action"
// for "action: x", "lc-vision" for "'lc-vision':", "#3" for "- id: 3",
// "=Ana" for "- Ana".
func lineKey(t string) (key, value string, ok bool) {
	if t == "" || t[0] == '#' {
		return "", "", false
	}
	if rest, ok := strings.CutPrefix(t, "- id: "); ok {
		return "#" + strings.TrimSpace(rest), "", true
	}
	if rest, ok := strings.CutPrefix(t, "- "); ok {
		return "=" + entryKey(rest), rest, true
	}
	key, value, ok = strings.Cut(t, ":")
	if !ok {
		return "", "", false
	}
	if len(key) >= 2 && (key[0] == '\'' || key[0] == '"') && key[len(key)-1] == key[0] {
		key = key[1 : len(key)-1]
	}
	return key, strings.TrimLeft(value, " "), true
}

// ladderPrefixes start comments only ladder writes, some of which change
// with the plan (a step that no longer follows its item) or the checklist
// (an area renamed): an old one is never kept as if a person had written
// it, unless it is one ladder writes now with words added (extendsOwn).
var ladderPrefixes = append([]string{
	"# ladder review plan: ", "# Checklist: ", "# Edit by hand or with `ladder review`",
	"# == ", "# (The counts are worked out", "# In the order of the plan.",
}, stepLinePrefixes...)

// stepLinePrefixes start the line above a step's from: key, which names
// the item by its title.
var stepLinePrefixes = []string{"# follows the action of: ", "# came from the action of: "}

// extendsOwn reports whether comment is one of the lines ladder writes
// (own, none longer than longest) with words someone added after it: "#
// == Workforce == (Tom leads this area)". Those words are kept, the line
// with them; one of ladder's lines as an older checklist or plan had it
// ("# == The workforce ==") is not anyone's. Only a line's word breaks
// are looked up, so a hostile line costs at most longest lookups.
func extendsOwn(comment string, own map[string]bool, longest int) bool {
	for i := 1; i < len(comment) && i <= longest; i++ {
		if c := comment[i]; (c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '.') && own[comment[:i]] {
			return true
		}
	}
	return false
}

func ladders(comment string) bool {
	for _, p := range ladderPrefixes {
		if strings.HasPrefix(comment, p) {
			return true
		}
	}
	return false
}
