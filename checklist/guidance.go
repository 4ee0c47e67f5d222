package checklist

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// Guidance is advice kept beside a checklist rather than inside it, so the
// checklist file stays the source's wording alone: passages per item,
// quick-win suggestions per area, and a glossary. A file NAME.yaml may have
// a companion NAME.guidance.yaml; a custom checklist may also carry the same
// fields inline (items' guidance, areas' if_all_you_do, glossary).
type Guidance struct {
	Checklist  string
	Items      map[string][]Passage
	IfAllYouDo map[string][]Suggestion // by area id
	Glossary   []Term
	// nodes remember where ids were, to report unknown ones.
	itemNodes, areaNodes map[string]*yaml.Node
	checklistNode        *yaml.Node
}

// GuidanceSuffix ends the name of a checklist's companion guidance file.
const GuidanceSuffix = ".guidance.yaml"

// ParseGuidance validates a guidance file.
func ParseGuidance(name string, data []byte) (*Guidance, error) {
	root, ps := strictyaml.Parse(strictyaml.FromUTF16(data))
	if ps != nil {
		return nil, &strictyaml.FileError{Path: name, Problems: ps}
	}
	d := &strictyaml.Decoder{}
	g := &Guidance{Items: map[string][]Passage{}, IfAllYouDo: map[string][]Suggestion{}, itemNodes: map[string]*yaml.Node{}, areaNodes: map[string]*yaml.Node{}}
	d.Document(root, "the guidance", []strictyaml.Field{
		{Key: "checklist", Set: func(v *yaml.Node) { g.checklistNode = v; g.Checklist = d.String(v, "checklist") }},
		{Key: "items", Set: func(v *yaml.Node) {
			d.Mapping(v, "items", func(id string, k, v *yaml.Node) {
				g.itemNodes[id] = k
				g.Items[id] = decodeGuidance(d, v)
			})
		}},
		{Key: "areas", Set: func(v *yaml.Node) {
			d.Mapping(v, "areas", func(id string, k, v *yaml.Node) {
				g.areaNodes[id] = k
				d.Fields(v, "area "+id, []strictyaml.Field{
					{Key: "if_all_you_do", Set: func(v *yaml.Node) { g.IfAllYouDo[id] = decodeSuggestions(d, v) }},
				})
			})
		}},
		{Key: "glossary", Set: func(v *yaml.Node) { g.Glossary = decodeGlossary(d, v) }},
	})
	if g.checklistNode == nil && root.Kind == yaml.MappingNode {
		d.Errorf(root, "the guidance does not say which checklist it is for (checklist: ID)")
	}
	if err := d.Err(name); err != nil {
		return nil, err
	}
	return g, nil
}

// applyGuidance merges guidance into c; ids the checklist does not have are
// problems in the guidance file.
func (c *Checklist) applyGuidance(name string, g *Guidance) error {
	d := &strictyaml.Decoder{}
	if g.Checklist != c.ID {
		d.Errorf(g.checklistNode, "guidance is for checklist %s, not %q", safetext.Quote(g.Checklist), c.ID)
	}
	for id, passages := range g.Items {
		it, _, ok := c.Item(id)
		if !ok {
			d.Errorf(g.itemNodes[id], "item %s is not in checklist %s", safetext.Quote(id), c.ID)
			continue
		}
		it.Guidance = append(it.Guidance, passages...)
	}
	for id, sugg := range g.IfAllYouDo {
		a, _, ok := c.AreaByID(id)
		if !ok {
			d.Errorf(g.areaNodes[id], "area %s is not in checklist %s", safetext.Quote(id), c.ID)
			continue
		}
		a.IfAllYouDo = append(a.IfAllYouDo, sugg...)
	}
	c.Glossary = append(c.Glossary, g.Glossary...)
	return d.Err(name)
}

// loadCompanionGuidance merges PATH's companion guidance file, if any.
func (c *Checklist) loadCompanionGuidance(path string) error {
	gpath := strings.TrimSuffix(strings.TrimSuffix(path, ".yaml"), ".yml") + GuidanceSuffix
	if gpath == path {
		return nil
	}
	data, err := strictyaml.ReadFile(gpath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading guidance: %w", err)
	}
	g, err := ParseGuidance(gpath, data)
	if err != nil {
		return err
	}
	return c.applyGuidance(gpath, g)
}
