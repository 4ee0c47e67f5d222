package checklist

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltinCarriesGuidance(t *testing.T) {
	c, _ := Builtin(DefaultID)
	for _, e := range c.Items() {
		if len(e.Item.Guidance) == 0 {
			t.Errorf("item %s has no guidance after loading", e.Item.ID)
		}
		for _, p := range e.Item.Guidance {
			if p.Source == "" || p.Section == "" || p.Text == "" {
				t.Errorf("item %s: passage without source, section or text: %+v", e.Item.ID, p)
			}
		}
	}
	for _, a := range c.Areas {
		if len(a.IfAllYouDo) == 0 {
			t.Errorf("area %s has no quick-win suggestions", a.ID)
		}
	}
	if len(c.Glossary) != 6 {
		t.Errorf("glossary has %d terms, want 6", len(c.Glossary))
	}
}

func TestCompanionGuidanceForCustomChecklist(t *testing.T) {
	dir := t.TempDir()
	list := "id: mine\ntitle: Mine\nversion: '1'\nscale: [{key: no}, {key: yes}]\nareas:\n  - id: a\n    items:\n      - {id: i1, title: One}\n"
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(list), 0o644)
	os.WriteFile(filepath.Join(dir, "mine.guidance.yaml"), []byte("checklist: mine\nitems:\n  i1:\n    - {source: Us, section: S, text: Do it.}\n"), 0o644)
	c, err := LoadFile(filepath.Join(dir, "mine.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if it, _, _ := c.Item("i1"); len(it.Guidance) != 1 || it.Guidance[0].Text != "Do it." {
		t.Errorf("guidance not merged: %+v", it.Guidance)
	}
	os.WriteFile(filepath.Join(dir, "mine.guidance.yaml"), []byte("checklist: mine\nitems:\n  i2:\n    - {source: Us, section: S, text: Do it.}\n"), 0o644)
	_, err = LoadFile(filepath.Join(dir, "mine.yaml"))
	if err == nil || !strings.Contains(err.Error(), "mine.guidance.yaml:3:3: item \"i2\" is not in checklist mine") {
		t.Errorf("unknown item in guidance: err = %v", err)
	}
}
