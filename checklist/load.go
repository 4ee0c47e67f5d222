package checklist

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// validID says what ids look like: they appear as YAML keys in plan files
// and in file names, so they stay plain.
func validID(id string) bool {
	if id == "" || len(id) > 63 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return true
}

// Unrated is the rating of an item nobody has rated yet. It is reserved: no
// scale level may use it as a key.
const Unrated = "unrated"

// LoadFile reads and validates a checklist file, and merges its companion
// guidance file (NAME.guidance.yaml) if there is one. Problems come back as
// a *strictyaml.FileError naming the file, line and column of each.
func LoadFile(path string) (*Checklist, error) {
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if err := c.loadCompanionGuidance(path); err != nil {
		return nil, err
	}
	return c, nil
}

// TakesBuiltinID reports, as a mistake at the id's line of the file at
// path, a checklist of one's own that kept the id of the built-in one it
// was copied from: its plans would claim to follow the built-in checklist
// (ladder diff would compare them with that one's plans, and a review
// given the built-in checklist would rate them on its items). Nil for a
// built-in checklist, or an id of its own.
func (c *Checklist) TakesBuiltinID(path string) error {
	if _, ok := Builtin(c.ID); !ok || c.IsBuiltin() {
		return nil
	}
	suggest := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(filepath.Base(path)), ".yaml"), ".yml")
	if _, builtin := Builtin(suggest); !validID(suggest) || builtin {
		suggest = "ours"
	}
	line, column := idPosition(path)
	return &strictyaml.FileError{Path: path, Problems: strictyaml.Problems{{Line: line, Column: column,
		Message: fmt.Sprintf("id %s is a built-in checklist's: give your checklist an id of its own, such as %s, so that its plans are told apart from the built-in one's",
			safetext.Quote(c.ID), safetext.Quote(suggest))}}}
}

// idPosition is where the checklist file at path gives its id (1:1 if it
// cannot be read again).
func idPosition(path string) (line, column int) {
	if data, err := strictyaml.ReadFile(path); err == nil {
		if root, ps := strictyaml.Parse(strictyaml.FromUTF16(data)); ps == nil && root.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(root.Content); i += 2 {
				if root.Content[i].Value == "id" {
					return root.Content[i+1].Line, root.Content[i+1].Column
				}
			}
		}
	}
	return 1, 1
}

// Parse validates checklist YAML. name is used in error messages.
func Parse(name string, data []byte) (*Checklist, error) {
	root, ps := strictyaml.Parse(strictyaml.FromUTF16(data))
	if ps != nil {
		return nil, &strictyaml.FileError{Path: name, Problems: ps}
	}
	c, ps := decode(root)
	if len(ps) > 0 {
		ps.Sort()
		return nil, &strictyaml.FileError{Path: name, Problems: ps}
	}
	return c, nil
}

func decode(root *yaml.Node) (*Checklist, strictyaml.Problems) {
	d := &strictyaml.Decoder{}
	c := &Checklist{}
	var seen struct{ id, title, version, scale, areas bool }
	d.Document(root, "the checklist", []strictyaml.Field{
		{Key: "id", Set: func(v *yaml.Node) { seen.id = true; c.ID = d.String(v, "id"); checkID(d, v, c.ID, "checklist id") }},
		{Key: "title", Set: func(v *yaml.Node) { seen.title = true; c.Title = d.String(v, "title") }},
		{Key: "version", Set: func(v *yaml.Node) { seen.version = true; c.Version = d.String(v, "version") }},
		{Key: "source", Set: func(v *yaml.Node) { c.Source = d.String(v, "source") }},
		{Key: "licence", Set: func(v *yaml.Node) { c.Licence = d.String(v, "licence") }},
		{Key: "intro", Set: func(v *yaml.Node) { c.Intro = d.String(v, "intro") }},
		{Key: "scale", Set: func(v *yaml.Node) { seen.scale = true; c.Scale = decodeScale(d, v) }},
		{Key: "areas", Set: func(v *yaml.Node) { seen.areas = true; c.Areas = decodeAreas(d, v) }},
		{Key: "follow_ups", Set: func(v *yaml.Node) { c.FollowUps = decodeFollowUps(d, v) }},
		{Key: "glossary", Set: func(v *yaml.Node) { c.Glossary = decodeGlossary(d, v) }},
	})
	if root.Kind == yaml.MappingNode {
		for _, f := range []struct {
			ok   bool
			name string
		}{{seen.id, "id"}, {seen.title, "title"}, {seen.version, "version"}, {seen.scale, "scale"}, {seen.areas, "areas"}} {
			if !f.ok {
				d.Errorf(root, "the checklist has no %q", f.name)
			}
		}
	}
	if seen.scale && len(c.Scale) < 2 {
		d.Problems = append(d.Problems, strictyaml.Problem{Line: root.Line, Column: root.Column, Message: "the scale needs at least two levels"})
	}
	c.buildIndex()
	return c, d.Problems
}

func checkID(d *strictyaml.Decoder, n *yaml.Node, id, what string) {
	if n.Kind == yaml.ScalarNode && !validID(id) {
		d.Errorf(n, "%s %s should be lower-case letters, digits, '-' or '_' (at most 63)", what, safetext.Quote(id))
	}
}

func decodeScale(d *strictyaml.Decoder, n *yaml.Node) []Level {
	var out []Level
	seen := map[string]bool{}
	d.Sequence(n, "scale", func(i int, v *yaml.Node) {
		if i == MaxLevels {
			d.Errorf(v, "the scale has %d levels: ladder shows at most %d apart, each with a shape and a colour of its own; join the levels closest in meaning", len(n.Content), MaxLevels)
		}
		var l Level
		var keyNode, labelNode *yaml.Node
		d.Fields(v, fmt.Sprintf("scale level %d", i+1), []strictyaml.Field{
			{Key: "key", Set: func(v *yaml.Node) { keyNode = v; l.Key = d.String(v, "key") }},
			{Key: "label", Set: func(v *yaml.Node) { labelNode = v; l.Label = d.String(v, "label") }},
			{Key: "description", Set: func(v *yaml.Node) { l.Description = d.String(v, "description") }},
		})
		checkLevelNumbers(d, i, keyNode, labelNode)
		switch {
		case keyNode == nil:
			d.Errorf(v, "scale level %d has no key", i+1)
		case l.Key == Unrated:
			d.Errorf(keyNode, "%q is reserved for items not rated yet", Unrated)
		case seen[l.Key]:
			d.Errorf(keyNode, "duplicate scale key %s", safetext.Quote(l.Key))
		default:
			checkID(d, keyNode, l.Key, "scale key")
		}
		seen[l.Key] = true
		if l.Label == "" {
			l.Label = l.Key
		}
		out = append(out, l)
	})
	return out
}

// MaxLevels is the most levels a scale may have. Each level is told apart
// by a shape, a word and a colour: past five, the colours between red and
// green stop looking different on a terminal and on a page, and the
// shapes would run out soon after (see plans.MarkAt and plans.ToneAt).
const MaxLevels = 5

// checkLevelNumbers refuses a level's key or label that is a number other
// than the level's place: digits rate by place (1 for the worst) on the
// screens and in the accessible prompts, so a level keyed 0 could not be
// typed, and 1 would rate the level above the one it names.
func checkLevelNumbers(d *strictyaml.Decoder, i int, keyNode, labelNode *yaml.Node) {
	for _, w := range []struct {
		n    *yaml.Node
		what string
	}{{keyNode, "key"}, {labelNode, "label"}} {
		n, what := w.n, w.what
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		if place, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil && place != i+1 {
			d.Errorf(n, "scale %s %s is a number, but level %d: 1 rates the worst level and 2 the next, by their places on the scale, on the screens and in the accessible prompts; number the levels from 1, or name them in words",
				what, safetext.Quote(n.Value), i+1)
		}
	}
}

func decodeAreas(d *strictyaml.Decoder, n *yaml.Node) []Area {
	var out []Area
	areaIDs := map[string]int{}
	itemIDs := map[string]int{}
	d.Sequence(n, "areas", func(i int, v *yaml.Node) {
		var a Area
		var idNode *yaml.Node
		what := fmt.Sprintf("area %d", i+1)
		d.Fields(v, what, []strictyaml.Field{
			{Key: "id", Set: func(v *yaml.Node) { idNode = v; a.ID = d.String(v, "area id") }},
			{Key: "title", Set: func(v *yaml.Node) { a.Title = d.String(v, "area title") }},
			{Key: "short", Set: func(v *yaml.Node) { a.Short = strings.TrimSpace(d.String(v, "short title")) }},
			{Key: "intro", Set: func(v *yaml.Node) { a.Intro = d.String(v, "area intro") }},
			{Key: "items", Set: func(v *yaml.Node) { a.Items = decodeItems(d, v, itemIDs) }},
			{Key: "if_all_you_do", Set: func(v *yaml.Node) { a.IfAllYouDo = decodeSuggestions(d, v) }},
		})
		if idNode == nil {
			d.Errorf(v, "%s has no id", what)
		} else if first, dup := areaIDs[a.ID]; dup {
			d.Errorf(idNode, "duplicate area id %s (first at line %d)", safetext.Quote(a.ID), first)
		} else {
			areaIDs[a.ID] = idNode.Line
			checkID(d, idNode, a.ID, "area id")
		}
		if a.Title == "" {
			a.Title = a.ID
		}
		if len(a.Items) == 0 && v.Kind == yaml.MappingNode {
			if a.ID != "" {
				what = "area " + safetext.Quote(a.ID)
			}
			d.Errorf(v, "%s has no items: give it one, or delete the area", what)
		}
		out = append(out, a)
	})
	if len(out) == 0 {
		d.Errorf(n, "the checklist has no areas")
	}
	return out
}

func decodeItems(d *strictyaml.Decoder, n *yaml.Node, ids map[string]int) []Item {
	var out []Item
	d.Sequence(n, "items", func(i int, v *yaml.Node) {
		var it Item
		var idNode *yaml.Node
		d.Fields(v, fmt.Sprintf("item %d", i+1), []strictyaml.Field{
			{Key: "id", Set: func(v *yaml.Node) { idNode = v; it.ID = d.String(v, "item id") }},
			{Key: "group", Set: func(v *yaml.Node) { it.Group = d.String(v, "group") }},
			{Key: "topic", Set: func(v *yaml.Node) {
				if it.Topic = d.String(v, "topic"); it.Topic != "" && !slices.Contains(Topics, it.Topic) {
					d.Errorf(v, "unknown topic %s (known: %s)", safetext.Quote(it.Topic), strings.Join(Topics, ", "))
				}
			}},
			{Key: "title", Set: func(v *yaml.Node) { it.Title = d.String(v, "title") }},
			{Key: "short", Set: func(v *yaml.Node) { it.Short = strings.TrimSpace(d.String(v, "short title")) }},
			{Key: "prompts", Set: func(v *yaml.Node) { it.Prompts = d.Strings(v, "prompts") }},
			{Key: "guidance", Set: func(v *yaml.Node) { it.Guidance = decodeGuidance(d, v) }},
		})
		switch {
		case idNode == nil:
			d.Errorf(v, "item %d has no id", i+1)
		case ids[it.ID] != 0:
			d.Errorf(idNode, "duplicate item id %s (first at line %d)", safetext.Quote(it.ID), ids[it.ID])
		default:
			ids[it.ID] = idNode.Line
			checkID(d, idNode, it.ID, "item id")
		}
		if strings.TrimSpace(it.Title) == "" && v.Kind == yaml.MappingNode {
			d.Errorf(v, "item %s has no title", safetext.Quote(it.ID))
		}
		out = append(out, it)
	})
	return out
}

func decodeGuidance(d *strictyaml.Decoder, n *yaml.Node) []Passage {
	var out []Passage
	d.Sequence(n, "guidance", func(i int, v *yaml.Node) {
		var p Passage
		d.Fields(v, fmt.Sprintf("guidance passage %d", i+1), []strictyaml.Field{
			{Key: "source", Set: func(v *yaml.Node) { p.Source = d.String(v, "source") }},
			{Key: "section", Set: func(v *yaml.Node) { p.Section = d.String(v, "section") }},
			{Key: "text", Set: func(v *yaml.Node) { p.Text = d.String(v, "text") }},
		})
		if p.Source == "" || p.Text == "" {
			d.Errorf(v, "a guidance passage needs a source and a text")
		}
		out = append(out, p)
	})
	return out
}

func decodeSuggestions(d *strictyaml.Decoder, n *yaml.Node) []Suggestion {
	var out []Suggestion
	d.Sequence(n, "if_all_you_do", func(i int, v *yaml.Node) {
		var s Suggestion
		d.Fields(v, fmt.Sprintf("suggestion %d", i+1), []strictyaml.Field{
			{Key: "text", Set: func(v *yaml.Node) { s.Text = d.String(v, "text") }},
			{Key: "source", Set: func(v *yaml.Node) { s.Source = d.String(v, "source") }},
		})
		if s.Text == "" {
			d.Errorf(v, "a suggestion needs a text")
		}
		out = append(out, s)
	})
	return out
}

func decodeGlossary(d *strictyaml.Decoder, n *yaml.Node) []Term {
	var out []Term
	d.Sequence(n, "glossary", func(i int, v *yaml.Node) {
		var t Term
		d.Fields(v, fmt.Sprintf("glossary entry %d", i+1), []strictyaml.Field{
			{Key: "term", Set: func(v *yaml.Node) { t.Term = d.String(v, "term") }},
			{Key: "definition", Set: func(v *yaml.Node) { t.Definition = d.String(v, "definition") }},
			{Key: "source", Set: func(v *yaml.Node) { t.Source = d.String(v, "source") }},
		})
		if t.Term == "" || t.Definition == "" {
			d.Errorf(v, "a glossary entry needs a term and a definition")
		}
		out = append(out, t)
	})
	return out
}

func decodeFollowUps(d *strictyaml.Decoder, n *yaml.Node) []FollowUp {
	var out []FollowUp
	ids := map[string]int{}
	d.Sequence(n, "follow_ups", func(i int, v *yaml.Node) {
		var f FollowUp
		var idNode, kindNode *yaml.Node
		d.Fields(v, fmt.Sprintf("follow-up %d", i+1), []strictyaml.Field{
			{Key: "id", Set: func(v *yaml.Node) { idNode = v; f.ID = d.String(v, "follow-up id") }},
			{Key: "kind", Set: func(v *yaml.Node) { kindNode = v; f.Kind = FollowUpKind(d.String(v, "kind")) }},
			{Key: "question", Set: func(v *yaml.Node) { f.Question = d.String(v, "question") }},
		})
		switch {
		case idNode == nil:
			d.Errorf(v, "follow-up %d has no id", i+1)
		case ids[f.ID] != 0:
			d.Errorf(idNode, "duplicate follow-up id %s (first at line %d)", safetext.Quote(f.ID), ids[f.ID])
		default:
			ids[f.ID] = idNode.Line
			checkID(d, idNode, f.ID, "follow-up id")
		}
		if kindNode == nil {
			f.Kind = KindText
		} else if !validKind(f.Kind) {
			names := make([]string, len(FollowUpKinds))
			for i, k := range FollowUpKinds {
				names[i] = string(k)
			}
			d.Errorf(kindNode, "unknown follow-up kind %s (known: %s)", safetext.Quote(string(f.Kind)), strings.Join(names, ", "))
		}
		if f.Question == "" {
			d.Errorf(v, "follow-up %s has no question", safetext.Quote(f.ID))
		}
		out = append(out, f)
	})
	return out
}

func validKind(k FollowUpKind) bool {
	for _, known := range FollowUpKinds {
		if k == known {
			return true
		}
	}
	return false
}
