package checklist

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestGeneratedBuiltinsEqualYAML guards the generated checklists: every
// checklist file in builtin/ has Go values generated from its current text,
// and they equal what reading the YAML gives, field for field.
func TestGeneratedBuiltinsEqualYAML(t *testing.T) {
	entries, err := fs.ReadDir(builtinFS, "builtin")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, GuidanceSuffix) {
			continue
		}
		n++
		var gen *generatedBuiltin
		for i := range generatedBuiltins {
			if generatedBuiltins[i].file == name {
				gen = &generatedBuiltins[i]
			}
		}
		if gen == nil || gen.sum != builtinSum(builtinFS, name) {
			t.Errorf("builtin/%s is new or has changed since builtin_gen.go was generated: run go generate ./checklist/", name)
			continue
		}
		fromYAML, err := loadBuiltin(builtinFS, name)
		if err != nil {
			t.Fatal(err)
		}
		fromGo := gen.checklist()
		fromGo.buildIndex()
		if !reflect.DeepEqual(fromGo, fromYAML) {
			t.Errorf("builtin/%s: the generated checklist differs from the YAML: run go generate ./checklist/", name)
		}
	}
	if n != len(generatedBuiltins) {
		t.Errorf("%d checklists in builtin/, %d generated: run go generate ./checklist/", n, len(generatedBuiltins))
	}
}

// TestReadBuiltinsFallsBackToYAML checks that a checklist whose files no
// longer have the generated checksum (or that has no generated values at
// all) is read from its YAML, so a stale builtin_gen.go is slower, never
// wrong.
func TestReadBuiltinsFallsBackToYAML(t *testing.T) {
	yaml := "id: tiny\ntitle: From YAML\nversion: '1'\nscale: [{key: no}, {key: yes}]\nareas:\n  - id: a\n    items:\n      - {id: i1, title: One}\n"
	fsys := fstest.MapFS{"builtin/tiny.yaml": {Data: []byte(yaml)}, "builtin/other.yaml": {Data: []byte(strings.ReplaceAll(yaml, "tiny", "other"))}}
	fromGo := func() *Checklist {
		return &Checklist{ID: "tiny", Title: "From Go", Version: "1", Scale: []Level{{Key: "no", Label: "no"}, {Key: "yes", Label: "yes"}},
			Areas: []Area{{ID: "a", Items: []Item{{ID: "i1", Title: "One"}}}}}
	}
	for _, tc := range []struct {
		sum  uint32
		want string
	}{
		{builtinSum(fsys, "tiny.yaml"), "From Go"},
		{builtinSum(fsys, "tiny.yaml") + 1, "From YAML"},
	} {
		m, err := readBuiltins(fsys, []generatedBuiltin{{file: "tiny.yaml", sum: tc.sum, checklist: fromGo}})
		if err != nil {
			t.Fatal(err)
		}
		if got := m["tiny"].Title; got != tc.want {
			t.Errorf("sum %#x: title %q, want %q", tc.sum, got, tc.want)
		}
		if _, _, ok := m["tiny"].Item("i1"); !ok {
			t.Errorf("sum %#x: item i1 not found: the index was not built", tc.sum)
		}
		if m["other"] == nil || m["other"].Title != "From YAML" {
			t.Errorf("a checklist with no generated values: got %+v, want it read from its YAML", m["other"])
		}
	}
}
