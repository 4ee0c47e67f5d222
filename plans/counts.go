package plans

import (
	"bytes"
	"path/filepath"

	"github.com/socialmobility/ladder/checklist"
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
	if resolve == nil {
		resolve = DefaultResolver
	}
	r, ok := scanRatings(data)
	if !ok {
		return nil, nil, false
	}
	c, err := resolve(r.ref, filepath.Dir(name))
	if err != nil || c.ID != r.ref.ID {
		return nil, nil, false
	}
	for id, rating := range r.ratings {
		if _, _, known := c.Item(id); !known {
			return nil, nil, false
		}
		if _, _, onScale := c.Level(rating); !onScale && rating != checklist.Unrated && rating != "" {
			return nil, nil, false
		}
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
	return c, perArea, true
}

type scanned struct {
	ref     ChecklistRef
	ratings map[string]string // item id: rating as written
}

// planTopKeys are the keys a plan has at the top, in ladder's layout.
var planTopKeys = map[string]bool{"schema": true, "checklist": true, "organisation": true, "title": true,
	"date": true, "facilitator": true, "participants": true, "previous_review": true, "next_review": true,
	"items": true, "follow_ups": true}

// scanRatings reads a plan in ladder's layout line by line: keys at the
// top at no indent, the checklist's and the items' at two, an item's
// fields at four, anything deeper (notes, votes, follow-up answers)
// skipped. Any line it does not expect makes it give up.
func scanRatings(data []byte) (scanned, bool) {
	s := scanned{ratings: map[string]string{}}
	if len(data) == 0 || data[len(data)-1] != '\n' || bytes.IndexByte(data, '\r') >= 0 || bytes.IndexByte(data, '\t') >= 0 {
		return s, false
	}
	section, item := "", ""
	inChecklist, inItems := false, false
	sawSchema := false
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		line := data[:end]
		data = data[end+1:]
		text := bytes.TrimLeft(line, " ")
		indent := len(line) - len(text)
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		if indent > 0 && !inChecklist && (!inItems || indent >= 6) {
			continue // a line of a section, or of an item's field, that counts do not need
		}
		// (key and value are the line's bytes: only what is kept is made
		// a string, not every line of every version of a plan.)
		key, value, isKey := scanKey(text)
		switch {
		case indent == 0:
			if !isKey || !planTopKeys[string(key)] {
				return s, false
			}
			section, item = string(key), ""
			inChecklist, inItems = section == "checklist", section == "items"
			switch section {
			case "schema":
				if string(value) != "1" {
					return s, false
				}
				sawSchema = true
			case "checklist", "items":
				if len(value) != 0 {
					return s, false
				}
			}
		case section == "checklist" && indent == 2:
			v, plain := scanValue(value)
			if !isKey || !plain {
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
			s.ratings[item] = ""
		case section == "items" && indent == 4:
			if !isKey || item == "" {
				return s, false
			}
			if string(key) == "rating" {
				v, plain := scanValue(value)
				if !plain {
					return s, false
				}
				s.ratings[item] = v
			}
		case section == "items" && indent < 6, section == "checklist":
			return s, false
		}
	}
	return s, sawSchema && s.ref.ID != ""
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
