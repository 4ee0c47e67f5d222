package strictyaml

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"go.yaml.in/yaml/v3"
)

// Decoder collects the problems found while reading a node tree, so that a
// file with several mistakes reports all of them at once.
type Decoder struct {
	Problems Problems
}

// Errorf records a problem at the node's position. A value from the file
// that the message quotes goes through safetext.Quote (or safetext.Name for
// an id), so that no message carries more than a short, printable excerpt
// of what the file holds.
//
// A value wrapped in curly quotes is refused for them, most likely (a
// word processor turned the quotes typed around it into “ ”, and YAML
// reads those as part of the text): the message says so.
func (d *Decoder) Errorf(n *yaml.Node, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if inner, ok := curlyQuoted(n); ok {
		hint := fmt.Sprintf(": the curly quotes around it are not quotes to YAML (a word processor may have put them in): write %s without them",
			safetext.Name(inner))
		if utf8.RuneCountInString(msg+hint) > maxMessage {
			hint = ": remove the curly quotes around it" // a message stays short: after a long list of keys, the gist
		}
		msg += hint
	}
	d.Problems = append(d.Problems, Problem{n.Line, n.Column, msg})
}

// maxMessage is the most characters a message of ladder's own, with its
// excerpts, runs to (plans' FuzzParse holds every message under 300).
const maxMessage = 280

// curlyQuoted gives the text inside a plain value that starts and ends
// with a curly quote (“red”, ‘done’, „2027-01-15“). In quotes or a block
// of text they are the text's own.
func curlyQuoted(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Style != 0 {
		return "", false
	}
	first, a := utf8.DecodeRuneInString(n.Value)
	last, b := utf8.DecodeLastRuneInString(n.Value)
	if a+b >= len(n.Value) || !strings.ContainsRune("“”‘’„‚", first) || !strings.ContainsRune("“”‘’", last) {
		return "", false
	}
	return n.Value[a : len(n.Value)-b], true
}

// Err is nil when the decoder found nothing wrong, and otherwise the error
// for the file at path: every problem, in the order of the file.
func (d *Decoder) Err(path string) error {
	if len(d.Problems) == 0 {
		return nil
	}
	d.Problems.Sort()
	return &FileError{Path: path, Problems: d.Problems}
}

// Document reads the top of a file, which must be a mapping with the given
// keys. A file that is anything else is reported without quoting it: it
// may be a file that is not ladder's at all (a token, a key) reached by
// mistake or by design, and its contents have no business in a message.
func (d *Decoder) Document(n *yaml.Node, what string, fields []Field) {
	if n.Kind != yaml.MappingNode {
		found := "a single value"
		if n.Kind == yaml.SequenceNode {
			found = "a list"
		}
		d.Errorf(n, "%s should be a mapping of keys to values (key: value lines), but the file holds %s", what, found)
		return
	}
	d.Fields(n, what, fields)
}

// Field is one allowed key of a mapping and what to do with its value.
type Field struct {
	Key string
	Set func(value *yaml.Node)
}

// IsNull reports whether a node is an empty value (`key:` or `key: null`).
func IsNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return safetext.Quote(n.Value)
	}
	return "something else"
}

// Mapping calls each for every key/value pair of a mapping node, in file
// order. Keys that are not strings, duplicate keys and (for MappingFields)
// unknown keys are reported. A null node is an empty mapping.
func (d *Decoder) Mapping(n *yaml.Node, what string, each func(key string, k, v *yaml.Node)) {
	if IsNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "%s should be a mapping of keys to values, found %s", what, kindName(n))
		return
	}
	// A plan has dozens of small mappings (an item's six fields): for them
	// a look back over the keys so far is cheaper than a map to fill.
	var seen map[string]int
	if len(n.Content) > 32 {
		seen = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!null" {
			d.Errorf(k, "keys in %s must be plain names", what)
			continue
		}
		first, dup := seen[k.Value]
		if seen == nil {
			first, dup = earlierKey(n.Content[:i], k.Value)
		}
		if dup {
			d.Errorf(k, "duplicate key %s in %s (first at line %d)", safetext.Quote(k.Value), what, first)
			continue
		}
		if seen != nil {
			seen[k.Value] = k.Line
		}
		each(k.Value, k, v)
	}
}

// earlierKey finds key among the keys of pairs (key, value, key, ...),
// and gives its line.
func earlierKey(pairs []*yaml.Node, key string) (int, bool) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if k := pairs[i]; k.Kind == yaml.ScalarNode && k.Tag != "!!null" && k.Value == key {
			return k.Line, true
		}
	}
	return 0, false
}

// Fields reads a mapping whose keys are fixed: each known key's Set is called
// with its value; any other key is reported with the list of known ones.
func (d *Decoder) Fields(n *yaml.Node, what string, fields []Field) {
	d.Mapping(n, what, func(key string, k, v *yaml.Node) {
		for _, f := range fields {
			if f.Key == key {
				f.Set(v)
				return
			}
		}
		known := make([]string, len(fields))
		for i, f := range fields {
			known[i] = f.Key
		}
		d.unknownKey(k, what, known)
	})
}

// Keys reads a mapping whose keys are fixed, as Fields does, for mappings
// that come by the hundred (a plan's items): set is called with each known
// key and its value, rather than a closure made per key, and any other key
// is reported with the list of known ones.
func (d *Decoder) Keys(n *yaml.Node, what string, known []string, set func(key string, v *yaml.Node)) {
	d.Mapping(n, what, func(key string, k, v *yaml.Node) {
		for _, kk := range known {
			if kk == key {
				set(key, v)
				return
			}
		}
		d.unknownKey(k, what, known)
	})
}

func (d *Decoder) unknownKey(k *yaml.Node, what string, known []string) {
	d.Errorf(k, "unknown key %s in %s%s (known keys: %s)", safetext.Quote(k.Value), what, keyHint(k.Value, known), strings.Join(known, ", "))
}

// keyHint suggests the known key a key typed by hand most likely is: the
// same in lower case ("Owner"), or one or two letters off ("ower",
// "stauts", "organization") in a key long enough for that to be a slip.
func keyHint(key string, known []string) string {
	if len(key) > 32 {
		return "" // no key is that long: not a slip of the keyboard
	}
	lower := strings.ToLower(key)
	best, bestDist := "", 3
	for _, k := range known {
		if lower == k {
			return fmt.Sprintf(": did you mean %q? keys are lower case", k)
		}
		if len(key) < 3 || len(key) > len(k)+2 || len(k) > len(key)+2 {
			continue // more than two letters apart, or too short for a slip to tell
		}
		if dist := EditDistance(lower, k); dist < bestDist && dist*3 <= len(key) {
			best, bestDist = k, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(": did you mean %q?", best)
}

// EditDistance is the number of letters to add, remove or change to
// make a into b (Levenshtein's distance, byte by byte).
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Text is String for a field of something ("item x" and "due"), naming it
// ("item x due") only when there is a problem to report: a plan has
// hundreds of fields, and the names were most of what reading them made.
func (d *Decoder) Text(n *yaml.Node, what, field string) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return n.Value
	}
	return d.String(n, FieldName(what, field))
}

// FieldName is "item x due": what, then the field, if any.
func FieldName(what, field string) string {
	if field == "" {
		return what
	}
	return what + " " + field
}

// String reads a scalar as text. Null is the empty string. Any scalar is
// accepted (a title of 2027 is text), but a list or mapping is not.
func (d *Decoder) String(n *yaml.Node, what string) string {
	if IsNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.Errorf(n, "%s should be text, found %s", what, kindName(n))
		return ""
	}
	return n.Value
}

// Int reads an integer scalar.
func (d *Decoder) Int(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.Errorf(n, "%s should be a whole number, found %s", what, kindName(n))
		return 0, false
	}
	i, err := strconv.Atoi(n.Value)
	if err != nil {
		d.Errorf(n, "%s should be a whole number, found %s", what, safetext.Quote(n.Value))
		return 0, false
	}
	if digits := strings.TrimLeft(n.Value, "+-"); len(digits) > 1 && digits[0] == '0' {
		// yaml.v3 and YAML 1.1 readers take 010 for octal 8; strconv
		// reads 10. Neither is safe to guess.
		d.Errorf(n, "%s %s starts with 0, which some YAML readers take for an octal number (010 is 8): write it without the leading 0", what, safetext.Quote(n.Value))
		return 0, false
	}
	return i, true
}

// Sequence calls each for every element of a list. Null is an empty list.
func (d *Decoder) Sequence(n *yaml.Node, what string, each func(i int, v *yaml.Node)) {
	if IsNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.Errorf(n, "%s should be a list, found %s", what, kindName(n))
		return
	}
	for i, v := range n.Content {
		each(i, v)
	}
}

// Strings reads a list of text values.
func (d *Decoder) Strings(n *yaml.Node, what string) []string {
	var out []string
	d.Sequence(n, what, func(i int, v *yaml.Node) {
		out = append(out, d.String(v, fmt.Sprintf("%s entry %d", what, i+1)))
	})
	return out
}
