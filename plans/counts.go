package plans

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"go.yaml.in/yaml/v3"
)

// CountRatings reads only what a plan's rating counts need: the checklist
// it follows and each item's rating. History reads a plan at every commit
// that changed it, two thousand of them for a plan kept for years, and
// decoding each whole is most of its time.
//
// It reads the layout ladder writes (every save, and ladder fmt, give
// it). For anything else, or for an item or rating its checklist does not
// know, ok is false and the caller parses the file whole, which also says
// what is wrong. Mistakes elsewhere in a plan in ladder's layout (a date
// that does not exist) do not change its counts and are not looked for:
// ladder check is what finds them.
func CountRatings(name string, data []byte, resolve Resolver) (c *checklist.Checklist, perArea []AreaCounts, ok bool) {
	c, perArea, _, ok = countVersion(name, data, resolve)
	return c, perArea, ok
}

// countVersion is CountRatings with the plan's actions counted too (see
// ActionCounts): what a row of history shows.
func countVersion(name string, data []byte, resolve Resolver) (c *checklist.Checklist, perArea []AreaCounts, actions ActionCounts, ok bool) {
	if resolve == nil {
		resolve = DefaultResolver
	}
	r, ok := scanRatings(data)
	if !ok {
		return nil, nil, actions, false
	}
	c, err := resolve(r.ref, filepath.Dir(name))
	if err != nil || c.ID != r.ref.ID {
		return nil, nil, actions, false
	}
	for id, rating := range r.ratings {
		if _, _, known := c.Item(id); !known {
			return nil, nil, actions, false
		}
		if _, _, onScale := c.Level(rating); !onScale && rating != checklist.Unrated && rating != "" {
			return nil, nil, actions, false
		}
	}
	var planID string
	for _, f := range c.FollowUps {
		if f.Kind == checklist.KindPlan {
			planID = f.ID
		}
	}
	if r.stepsOf != "" && r.stepsOf != planID || r.moreSteps {
		return nil, nil, actions, false // steps where the checklist has no project plan: Parse says so
	}
	for ai := range c.Areas {
		a := &c.Areas[ai]
		ac := AreaCounts{Area: a, Counts: Counts{ByLevel: make([]int, len(c.Scale))}}
		for _, it := range a.Items {
			if _, li, rated := c.Level(r.ratings[it.ID]); rated {
				ac.ByLevel[li]++
			} else {
				ac.Unrated++
			}
		}
		perArea = append(perArea, ac)
	}
	return c, perArea, countActions(r.actions, r.steps), true
}

type scanned struct {
	ref     ChecklistRef
	ratings map[string]string // item id: rating as written
	// actions are the items' actions and steps the steps of the one
	// follow-up that has steps (stepsOf), their texts pointing into the
	// file's bytes; moreSteps says a second follow-up had steps.
	actions   []actionKey[[]byte]
	steps     []actionKey[[]byte]
	stepsOf   string
	moreSteps bool
}

// planTopKeys are the keys a plan has at the top, in ladder's layout.
var planTopKeys = map[string]bool{"schema": true, "checklist": true, "organisation": true, "title": true,
	"date": true, "facilitator": true, "participants": true, "previous_review": true, "next_review": true,
	"items": true, "follow_ups": true}

// scanRatings reads a plan in ladder's layout line by line: keys at the
// top at no indent, the checklist's and the items' at two, an item's
// fields at four, a follow-up's at four and a project-plan step's at
// eight (its first after "- " at six); anything else (notes, votes, other
// answers) is skipped. Any line it does not expect, or a value it reads
// that is not on one line, makes it give up.
func scanRatings(data []byte) (scanned, bool) {
	// (Room for the built-in checklists' items, so that most plans fill
	// actions without growing it.)
	s := scanned{ratings: map[string]string{}, actions: make([]actionKey[[]byte], 0, 32)}
	if len(data) == 0 || data[len(data)-1] != '\n' || bytes.IndexByte(data, '\r') >= 0 || bytes.IndexByte(data, '\t') >= 0 {
		return s, false
	}
	section, item := "", ""
	inChecklist, inItems, inFollowUps, inSteps := false, false, false, false
	sawSchema := false
	// action is the item's action or the step being read, valueIndent the
	// indent of the last value read: a line indented past it would carry
	// the value on, which only a parse reads right.
	var action *actionKey[[]byte]
	valueIndent := -1
	followUp := ""
	// Keys already read in the mapping being read, at each level: a key
	// given twice makes the plan fail to load, so the scanner gives up.
	var topKeys, sectionKeys, fieldKeys, stepKeys [][]byte
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		line := data[:end]
		data = data[end+1:]
		text := bytes.TrimLeft(line, " ")
		indent := len(line) - len(text)
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		if valueIndent >= 0 {
			if indent > valueIndent {
				return s, false
			}
			valueIndent = -1
		}
		if inFollowUps && indent > 2 {
			if indent == 4 {
				key, value, isKey := scanKey(text)
				if isKey && repeated(&fieldKeys, key) {
					return s, false
				}
				inSteps = isKey && string(key) == "steps"
				if inSteps && string(value) == "[]" {
					inSteps = false
				} else if inSteps && len(value) != 0 {
					return s, false
				}
				if inSteps {
					if s.stepsOf != "" {
						s.moreSteps = true
					}
					s.stepsOf = followUp
				}
				continue
			}
			if !inSteps {
				continue // another answer's lines
			}
			if indent == 6 && bytes.HasPrefix(text, []byte("- ")) {
				s.steps = append(s.steps, actionKey[[]byte]{})
				action = &s.steps[len(s.steps)-1]
				text, indent = text[2:], 8
				stepKeys = stepKeys[:0]
			}
			if indent != 8 || action == nil {
				return s, false
			}
			if key, _, isKey := scanKey(text); isKey && repeated(&stepKeys, key) {
				return s, false
			}
			if _, ok := scanActionField(action, text, "step"); !ok {
				return s, false
			}
			valueIndent = indent // a step's field is on one line, whichever it is
			continue
		}
		if indent > 0 && !inChecklist && !inFollowUps && (!inItems || indent >= 6) {
			continue // a line of a section, or of an item's field, that counts do not need
		}
		// (key and value are the line's bytes: only what is kept is made
		// a string, not every line of every version of a plan.)
		key, value, isKey := scanKey(text)
		switch {
		case indent == 0:
			if !isKey || !planTopKeys[string(key)] || repeated(&topKeys, key) {
				return s, false
			}
			sectionKeys = sectionKeys[:0]
			section, item, action = string(key), "", nil
			inChecklist, inItems, inFollowUps = section == "checklist", section == "items", section == "follow_ups"
			switch section {
			case "schema":
				if string(value) != "1" {
					return s, false
				}
				sawSchema = true
			case "checklist", "items", "follow_ups":
				if len(value) != 0 {
					return s, false
				}
			}
		case section == "checklist" && indent == 2:
			v, plain := scanValue(value)
			if !isKey || !plain || repeated(&sectionKeys, key) {
				return s, false
			}
			switch string(key) {
			case "id":
				s.ref.ID = v
			case "version":
				s.ref.Version = v
			case "file":
				s.ref.File = v
			default:
				return s, false
			}
		case section == "items" && indent == 2:
			if !isKey || len(value) != 0 {
				return s, false
			}
			if _, dup := s.ratings[string(key)]; dup {
				return s, false
			}
			item = string(key)
			fieldKeys = fieldKeys[:0]
			s.ratings[item] = ""
			s.actions = append(s.actions, actionKey[[]byte]{})
			action = &s.actions[len(s.actions)-1]
		case section == "items" && indent == 4:
			if !isKey || item == "" || repeated(&fieldKeys, key) {
				return s, false
			}
			if string(key) == "rating" {
				v, plain := scanValue(value)
				if !plain {
					return s, false
				}
				s.ratings[item] = v
				valueIndent = indent
			} else if read, ok := scanActionField(action, text, "action"); !ok {
				return s, false
			} else if read {
				valueIndent = indent
			}
		case section == "follow_ups" && indent == 2:
			if !isKey || len(value) != 0 || repeated(&sectionKeys, key) {
				return s, false
			}
			fieldKeys = fieldKeys[:0]
			followUp, inSteps, action = string(key), false, nil
		case section == "items" && indent < 6, section == "checklist":
			return s, false
		}
	}
	return s, sawSchema && s.ref.ID != ""
}

// repeated reports whether key is among seen, and adds it if not.
func repeated(seen *[][]byte, key []byte) bool {
	for _, k := range *seen {
		if bytes.Equal(k, key) {
			return true
		}
	}
	*seen = append(*seen, key)
	return false
}

// scanActionField reads a field of an item or a step ("key: value") into
// a when it is one counting actions needs (read): the text (under
// textKey), the owner, the due date or the status. ok is false for a value
// it cannot read without a parse: quoted with escapes, a date or a status
// that is not one.
func scanActionField(a *actionKey[[]byte], text []byte, textKey string) (read, ok bool) {
	key, value, ok := scanKey(text)
	if !ok {
		return false, false
	}
	switch string(key) {
	case textKey, "owner":
		v, ok := scanText(value)
		if !ok {
			return true, false
		}
		if string(key) == textKey {
			a.text = v
		} else {
			a.owner = v
		}
	case "due":
		if len(value) == 0 {
			a.due = Date{}
			return true, true
		}
		d, err := ParseDate(string(value))
		if err != nil {
			return true, false
		}
		a.due = d
	case "status":
		switch Status(value) {
		case "", StatusTodo, StatusDoing:
			a.done = false
		case StatusDone:
			a.done = true
		default:
			return true, false
		}
	default:
		return false, true
	}
	return true, true
}

// scanText reads a one-line text value as YAML would: plain (when ladder
// would write it plain), in single quotes, or in double quotes. The text
// points into v unless quotes had to be undone.
func scanText(v []byte) ([]byte, bool) {
	switch {
	case len(v) == 0:
		return nil, true
	case v[0] == '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' {
			return nil, false
		}
		v = v[1 : len(v)-1]
		if bytes.IndexByte(v, '\'') < 0 {
			return v, true
		}
		undone := bytes.ReplaceAll(v, []byte("''"), []byte("'"))
		if bytes.Count(v, []byte("'")) != 2*bytes.Count(undone, []byte("'")) {
			return nil, false // a lone quote: not one value
		}
		return undone, true
	case v[0] == '"':
		v = v[1:]
		if len(v) == 0 || v[len(v)-1] != '"' {
			return nil, false
		}
		inner := v[:len(v)-1]
		if bytes.IndexByte(inner, '\\') < 0 && bytes.IndexByte(inner, '"') < 0 {
			return inner, true
		}
		// Escapes (ladder writes a tab or an odd character so) are rare:
		// YAML's own reading of the one value is the sure one.
		var text string
		if err := yaml.Unmarshal(append([]byte{'"'}, v...), &text); err != nil {
			return nil, false
		}
		return []byte(text), true
	}
	if !plainBytes(v) {
		return nil, false
	}
	return v, true
}

// plainBytes is plainSafe of v without making a string of it: history
// asks it of every action and owner of every version, and plainSafe's
// lower-casing (for its reserved words) was a fifth of history's time.
func plainBytes(v []byte) bool {
	if len(v) == 0 || v[0] >= '0' && v[0] <= '9' || v[0] == '+' || v[0] == '.' {
		return plainSafe(string(v)) // a number's shape: rare
	}
	first, _ := utf8.DecodeRune(v)
	last, _ := utf8.DecodeLastRune(v)
	if unicode.IsSpace(first) || unicode.IsSpace(last) || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", first) {
		return false
	}
	if last == ':' || bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) {
		return false
	}
	// The reserved words are short and ASCII: lower-case ASCII suffices.
	var lower [5]byte
	if len(v) <= len(lower) {
		for i, c := range v {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[i] = c
		}
		return !reservedWords[string(lower[:len(v)])]
	}
	return true
}

// scanKey splits "key: value" or "key:" (a plain key of letters, digits,
// '-', '_' and '.').
func scanKey(text []byte) (key, value []byte, ok bool) {
	i := 0
	for i < len(text) && isKeyByte(text[i]) {
		i++
	}
	if i == 0 || i == len(text) || text[i] != ':' {
		return nil, nil, false
	}
	rest := text[i+1:]
	if len(rest) > 0 && rest[0] != ' ' {
		return nil, nil, false
	}
	return text[:i], bytes.TrimSpace(rest), true
}

func isKeyByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '.'
}

// scanValue reads a value that needs no YAML to understand: a plain word,
// or one in single quotes with no quote inside. Anything else (a comment,
// a double-quoted escape, a flow collection, an anchor) is not plain.
func scanValue(v []byte) (string, bool) {
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		v = v[1 : len(v)-1]
		if bytes.IndexByte(v, '\'') >= 0 {
			return "", false
		}
		return string(v), true
	}
	for i := 0; i < len(v); i++ {
		if !isKeyByte(v[i]) {
			return "", false
		}
	}
	return string(v), true
}
