package checklist

import (
	"bytes"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/seeds"
	"go.yaml.in/yaml/v3"
)

const guidanceFile = "builtin/smc-progression.guidance.yaml"

// guidanceData is the shape of the guidance file, kept local to the test so it
// checks the data independently of the code that merges it.
type guidanceData struct {
	Checklist string `yaml:"checklist"`
	Items     map[string][]struct {
		Source  string `yaml:"source"`
		Section string `yaml:"section"`
		Text    string `yaml:"text"`
	} `yaml:"items"`
	Areas map[string]struct {
		IfAllYouDo []struct {
			Text   string `yaml:"text"`
			Source string `yaml:"source"`
		} `yaml:"if_all_you_do"`
	} `yaml:"areas"`
	Glossary []struct {
		Term       string `yaml:"term"`
		Definition string `yaml:"definition"`
		Source     string `yaml:"source"`
	} `yaml:"glossary"`
}

func readGuidance(t *testing.T) *guidanceData {
	t.Helper()
	data, err := os.ReadFile(guidanceFile)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var g guidanceData
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("%s: %v", guidanceFile, err)
	}
	return &g
}

func TestGuidanceData(t *testing.T) {
	g := readGuidance(t)
	if g.Checklist != DefaultID {
		t.Errorf("checklist = %q, want %q", g.Checklist, DefaultID)
	}
	c, ok := Builtin(DefaultID)
	if !ok {
		t.Fatalf("built-in %q missing", DefaultID)
	}

	known := map[string]bool{}
	for _, e := range c.Items() {
		known[e.Item.ID] = true
		if len(g.Items[e.Item.ID]) == 0 {
			t.Errorf("item %s has no guidance passage", e.Item.ID)
		}
	}
	for id, ps := range g.Items {
		if !known[id] {
			t.Errorf("guidance for unknown item id %q", id)
		}
		if len(ps) > 3 {
			t.Errorf("item %s has %d passages, want at most 3", id, len(ps))
		}
		for i, p := range ps {
			if strings.TrimSpace(p.Source) == "" || strings.TrimSpace(p.Section) == "" || strings.TrimSpace(p.Text) == "" {
				t.Errorf("item %s passage %d needs a source, a section and a text: %+v", id, i+1, p)
			}
		}
	}

	for _, a := range c.Areas {
		sugs := g.Areas[a.ID].IfAllYouDo
		if len(sugs) == 0 {
			t.Errorf("area %s has no if_all_you_do suggestion", a.ID)
		}
		for i, s := range sugs {
			if strings.TrimSpace(s.Text) == "" || strings.TrimSpace(s.Source) == "" {
				t.Errorf("area %s suggestion %d needs a text and a source", a.ID, i+1)
			}
		}
	}
	for id := range g.Areas {
		if _, _, ok := c.AreaByID(id); !ok {
			t.Errorf("suggestions for unknown area id %q", id)
		}
	}

	var terms []string
	for _, term := range g.Glossary {
		terms = append(terms, term.Term)
		if strings.TrimSpace(term.Definition) == "" || strings.TrimSpace(term.Source) == "" {
			t.Errorf("glossary term %q needs a definition and a source", term.Term)
		}
	}
	sort.Strings(terms)
	want := []string{"Diversity", "Inclusion", "Intersectionality", "Social class", "Social mobility", "Socio-economic background"}
	if strings.Join(terms, "|") != strings.Join(want, "|") {
		t.Errorf("glossary terms = %q, want %q", terms, want)
	}
}

// TestGuidanceWordForWord checks, when the source documents are beside the
// repository, that the suggestions and glossary definitions are word for word
// and that every quotation in a passage really is in the sources.
func TestGuidanceWordForWord(t *testing.T) {
	masterclass := seeds.Read(t, "progression-masterclass-checklist.txt")
	all := masterclass
	for _, name := range []string{"building-blocks-employers-guide.txt", "cross-industry-toolkit-progression.txt", "strategic-approach.txt"} {
		all += "\n" + seeds.Read(t, name)
	}
	norm := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "**", "", "&amp;", "&").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}
	mc, every := norm(masterclass), norm(all)

	g := readGuidance(t)
	for id, a := range g.Areas {
		for _, s := range a.IfAllYouDo {
			if !strings.Contains(mc, norm(s.Text)) {
				t.Errorf("area %s: suggestion not word for word in the masterclass: %q", id, s.Text)
			}
		}
	}
	for _, term := range g.Glossary {
		if !strings.Contains(mc, norm(term.Definition)) {
			t.Errorf("glossary %q: definition not word for word in the masterclass", term.Term)
		}
	}
	quote := regexp.MustCompile(`"([^"]+)"`)
	for id, ps := range g.Items {
		for _, p := range ps {
			for _, m := range quote.FindAllStringSubmatch(p.Text, -1) {
				if !strings.Contains(every, norm(m[1])) {
					t.Errorf("item %s: quotation not found in the sources: %q", id, m[1])
				}
			}
		}
	}
}
