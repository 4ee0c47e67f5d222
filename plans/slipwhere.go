package plans

import (
	"sort"

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
	for j := range out {
		line := out[j].Line
		top := lastKey(root, line)
		if top < 0 {
			continue
		}
		part := lastKey(root.Content[top+1], line)
		if part < 0 {
			continue
		}
		switch id := root.Content[top+1].Content[part].Value; root.Content[top].Value {
		case "items":
			out[j].Item = id
		case "follow_ups":
			out[j].FollowUp = id
		}
	}
	return out
}

// lastKey is the index in n.Content of the last key of the mapping n
// on or above line (its keys are in file order), or below 0 if n is no
// mapping or has no key there.
func lastKey(n *yaml.Node, line int) int {
	if n.Kind != yaml.MappingNode {
		return -1
	}
	pairs := len(n.Content) / 2
	return 2*sort.Search(pairs, func(i int) bool { return n.Content[2*i].Line > line }) - 2
}
