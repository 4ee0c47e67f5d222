package checklist

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// DefaultID is the checklist used when none is chosen.
const DefaultID = "smc-progression"

//go:embed builtin/*.yaml
var builtinFS embed.FS

var builtins = sync.OnceValue(func() map[string]*Checklist {
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		panic(err)
	}
	out := map[string]*Checklist{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), GuidanceSuffix) {
			continue
		}
		c, err := loadBuiltin(e.Name())
		if err != nil {
			// The embedded files are tested; reaching this is a build mistake.
			panic(err)
		}
		out[c.ID] = c
	}
	return out
})

func loadBuiltin(name string) (*Checklist, error) {
	data, err := builtinFS.ReadFile("builtin/" + name)
	if err != nil {
		return nil, err
	}
	c, err := Parse("builtin/"+name, data)
	if err != nil {
		return nil, err
	}
	gname := strings.TrimSuffix(name, ".yaml") + GuidanceSuffix
	if gdata, err := builtinFS.ReadFile("builtin/" + gname); err == nil {
		g, err := ParseGuidance("builtin/"+gname, gdata)
		if err != nil {
			return nil, err
		}
		if err := c.applyGuidance("builtin/"+gname, g); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Builtin returns the embedded checklist with the given id.
func Builtin(id string) (*Checklist, bool) {
	c, ok := builtins()[id]
	return c, ok
}

// BuiltinSource returns the YAML text of an embedded checklist, as shipped.
func BuiltinSource(id string) ([]byte, bool) {
	data, err := builtinFS.ReadFile("builtin/" + id + ".yaml")
	return data, err == nil
}

// Builtins lists the embedded checklists: the default first, as the one
// most reviews follow and the first one offered, then the others by id.
func Builtins() []*Checklist {
	m := builtins()
	out := make([]*Checklist, 0, len(m))
	for _, c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i].ID == DefaultID) != (out[j].ID == DefaultID) {
			return out[i].ID == DefaultID
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Resolve finds a checklist named by the user: a built-in id, or a path to a
// YAML file (anything containing a path separator or ending in .yaml/.yml).
func Resolve(nameOrPath string) (*Checklist, error) {
	if nameOrPath == "" {
		nameOrPath = DefaultID
	}
	if c, ok := Builtin(nameOrPath); ok {
		return c, nil
	}
	if strings.ContainsAny(nameOrPath, `/\`) || strings.HasSuffix(nameOrPath, ".yaml") || strings.HasSuffix(nameOrPath, ".yml") {
		return LoadFile(nameOrPath)
	}
	ids := make([]string, 0)
	for _, c := range Builtins() {
		ids = append(ids, c.ID)
	}
	return nil, fmt.Errorf("no built-in checklist %q (built in: %s; or give a path to a YAML checklist file)", nameOrPath, strings.Join(ids, ", "))
}
