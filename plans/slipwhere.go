package plans

import (
	"slices"

	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// A Slip is a hand-edit slip that ladder check warns about
// (strictyaml.Slips) and the part of the review it is in, so that a
// front end can name the item or question to go to, not only a line.
type Slip struct {
	Problem
	Item     string // the id of the item it is in, or ""
	FollowUp string // the id of the next-steps question it is in, or ""
}

// slipsIn finds the item or next-steps question each slip is in: the
// last item (or question) whose key is at or above the slip's line, with
// no other key of the plan's top level between them. Slips are rare, so
// the file is read again for where its keys are only when there are any.
func slipsIn(data []byte, found strictyaml.Problems) []Slip {
	if len(found) == 0 {
		return nil
	}
	out := make([]Slip, len(found))
	for i, p := range found {
		out[i].Problem = p
	}
	parser := parsers.Get().(*strictyaml.Parser)
	defer parsers.Put(parser)
	root, ps := parser.Parse(data)
	if ps != nil || root == nil || root.Kind != yaml.MappingNode {
		return out
	}
	top := root.Content
	var tops []int // the lines of the top-level keys, in file order
	for i := 0; i+1 < len(top); i += 2 {
		tops = append(tops, top[i].Line)
	}
	for i := 0; i+1 < len(top); i += 2 {
		var set func(s *Slip, id string)
		switch top[i].Value {
		case "items":
			set = func(s *Slip, id string) { s.Item = id }
		case "follow_ups":
			set = func(s *Slip, id string) { s.FollowUp = id }
		default:
			continue
		}
		parts := top[i+1]
		if parts.Kind != yaml.MappingNode {
			continue
		}
		for j := range out {
			line := out[j].Line
			for k := 0; k+1 < len(parts.Content); k += 2 {
				key := parts.Content[k]
				if key.Line > line {
					break
				}
				if n, _ := slices.BinarySearch(tops, key.Line+1); n < len(tops) && tops[n] <= line {
					continue // a top-level key comes between: not in this part
				}
				set(&out[j], key.Value)
			}
		}
	}
	return out
}
