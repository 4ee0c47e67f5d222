package plans

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// VoteUnsure is the key of the "not sure" count in a plan's votes.
const VoteUnsure = "unsure"

// Votes is how the room voted on an item in its final round, from phones
// (`ladder review --room`): how many chose each level of the scale, and how
// many were not sure. Who voted, from which phone, and when are never kept:
// only the counts, which are what a later review compares.
type Votes struct {
	// Levels counts the votes for each scale level, keyed by its key.
	// A level nobody chose may be missing.
	Levels map[string]int
	Unsure int
}

// Count returns the votes for a scale key, or for VoteUnsure.
func (v *Votes) Count(key string) int {
	if key == VoteUnsure {
		return v.Unsure
	}
	return v.Levels[key]
}

// Total is the number of votes, "not sure" included.
func (v *Votes) Total() int {
	n := v.Unsure
	for _, c := range v.Levels {
		n += c
	}
	return n
}

// Equal reports whether two sets of votes have the same counts (nil is
// equal only to nil).
func (v *Votes) Equal(o *Votes) bool {
	if v == nil || o == nil {
		return v == o
	}
	if v.Unsure != o.Unsure {
		return false
	}
	for k, n := range v.Levels {
		if o.Levels[k] != n {
			return false
		}
	}
	for k, n := range o.Levels {
		if v.Levels[k] != n {
			return false
		}
	}
	return true
}

// Clone returns a copy that shares nothing with v.
func (v *Votes) Clone() *Votes {
	if v == nil {
		return nil
	}
	cp := &Votes{Unsure: v.Unsure, Levels: make(map[string]int, len(v.Levels))}
	for k, n := range v.Levels {
		cp.Levels[k] = n
	}
	return cp
}

// Disagree reports whether the votes reach from the worst level of the
// scale to the best: someone thinks the organisation does nothing here and
// someone that it actively does it, which is worth talking through before
// a rating is agreed.
func (v *Votes) Disagree(c *checklist.Checklist) bool {
	if v == nil || len(c.Scale) < 2 {
		return false
	}
	return v.Levels[c.Scale[0].Key] > 0 && v.Levels[c.Scale[len(c.Scale)-1].Key] > 0
}

// MostCommon returns the scale level most people voted for, the rating a
// facilitator is offered to agree. On a tie it returns the lower level: a
// room that cannot agree whether it does something probably has work to do
// there. ok is false when nobody voted for a level.
func (v *Votes) MostCommon(c *checklist.Checklist) (key string, ok bool) {
	best := 0
	for _, l := range c.Scale {
		if n := v.Levels[l.Key]; n > best {
			key, best = l.Key, n
		}
	}
	return key, best > 0
}

// Tied reports whether two levels or more share the most votes, so that
// what MostCommon offers is called the lower of the tied votes.
func (v *Votes) Tied(c *checklist.Checklist) bool {
	best, n := 0, 0
	for _, l := range c.Scale {
		switch k := v.Count(l.Key); {
		case k > best:
			best, n = k, 1
		case k == best:
			n++
		}
	}
	return best > 0 && n > 1
}

// Spread is the votes on one line, a mark and a count per level and a
// question mark for "not sure": "■ 1  ▲ 5  ● 2  ? 0".
func (v *Votes) Spread(c *checklist.Checklist) string {
	var b strings.Builder
	for i, l := range c.Scale {
		if i > 0 {
			b.WriteString("  ")
		}
		fmt.Fprintf(&b, "%s %d", MarkAt(i, len(c.Scale)), v.Levels[l.Key])
	}
	fmt.Fprintf(&b, "  %s %d", MarkUnsure, v.Unsure)
	return b.String()
}

// MarkUnsure stands for "not sure" wherever votes are shown.
const MarkUnsure = "?"

// appendVotes writes the votes on one line, in scale order and then
// unsure, every level written even when nobody chose it, so that a change
// of count changes one number on one line of a diff:
//
//	votes: {red: 1, amber: 5, green: 2, unsure: 0}
func appendVotes(b []byte, c *checklist.Checklist, v *Votes) []byte {
	b = append(b, "    votes: {"...)
	for _, l := range c.Scale {
		b = appendKey(b, l.Key)
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(v.Levels[l.Key]), 10)
		b = append(b, ", "...)
	}
	b = append(b, VoteUnsure+": "...)
	b = strconv.AppendInt(b, int64(v.Unsure), 10)
	return append(b, "}\n"...)
}

// maxVotes bounds a count read from a file: no room holds more people,
// and a bigger number is a typing mistake.
const maxVotes = 100000

// votes reads an item's votes: a mapping of scale keys (and unsure) to
// counts. The keys are checked against the checklist in checkVotes, once
// it is known.
func (d *decoder) votes(n *yaml.Node, what string, keys map[string]*yaml.Node) *Votes {
	if strictyaml.IsNull(n) {
		return nil
	}
	v := &Votes{Levels: map[string]int{}}
	d.Mapping(n, what, func(key string, k, val *yaml.Node) {
		count, ok := d.Int(val, what+" "+safetext.Name(key))
		if !ok {
			return
		}
		if count < 0 || count > maxVotes {
			d.Errorf(val, "%s %s should be a count from 0 to %d, found %d", what, safetext.Name(key), maxVotes, count)
			return
		}
		keys[key] = k
		if key == VoteUnsure {
			v.Unsure = count
		} else {
			v.Levels[key] = count
		}
	})
	return v
}

// checkVotes reports vote keys that are not levels of the checklist's scale.
func (d *decoder) checkVotes(id string, c *checklist.Checklist, keys map[string]*yaml.Node) {
	for key, k := range keys {
		if _, _, ok := c.Level(key); ok || key == VoteUnsure {
			continue
		}
		d.Errorf(k, "item %s votes: %s is not one of %s, %s%s", id, safetext.Quote(key), scaleKeys(c), VoteUnsure, d.ratingHint(key, c))
	}
}

func scaleKeys(c *checklist.Checklist) string {
	keys := make([]string, len(c.Scale))
	for i, l := range c.Scale {
		keys[i] = l.Key
	}
	return someKeys(keys)
}
