package checklist

import (
	"embed"
	"fmt"
	"hash/crc32"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
)

// DefaultID is the checklist used when none is chosen.
const DefaultID = "smc-progression"

//go:generate go run ./internal/genbuiltin

//go:embed builtin/*.yaml
var builtinFS embed.FS

// Use says what a built-in checklist is for, for someone who has not read
// the documents it comes from: ladder checklists and its help, and the
// accessible prompts' choice of checklist, say it. "" for any other id.
func Use(id string) string { return builtinUses[id] }

var builtinUses = map[string]string{
	DefaultID: "The default. For an employer already working on progression: " +
		"review and refine what you do (the Masterclass: Progression pack's checklist).",
	"smc-building-blocks": "For an employer starting out, not yet at progression: the vision, " +
		"the talent pool, culture, support to develop, progression, data, a plan (The Building Blocks, " +
		"its employer's guide).",
	"smc-cross-industry-progression": "For rating progression activities at the level the Cross-industry " +
		"toolkit puts them (Developing, Optimising), on its own scale.",
}

// builtins are the embedded checklists by id, read once.
var builtins = sync.OnceValue(func() map[string]*Checklist {
	m, err := readBuiltins(builtinFS, generatedBuiltins)
	if err != nil {
		// The embedded files are tested; reaching this is a build mistake.
		panic(err)
	}
	return m
})

// A generatedBuiltin is a built-in checklist written out as Go by
// internal/genbuiltin: the file it came from, the checksum of that file and
// its guidance file (see builtinSum), and the checklist, guidance merged.
type generatedBuiltin struct {
	file      string
	sum       uint32
	checklist func() *Checklist
}

// readBuiltins reads the checklists of fsys's builtin folder. Each comes
// from its Go values in generated, which take microseconds where parsing
// the YAML takes most of a millisecond at start-up; the YAML is parsed only
// for a file that has changed since it was generated, or is new.
func readBuiltins(fsys fs.FS, generated []generatedBuiltin) (map[string]*Checklist, error) {
	entries, err := fs.ReadDir(fsys, "builtin")
	if err != nil {
		return nil, err
	}
	out := map[string]*Checklist{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, GuidanceSuffix) {
			continue
		}
		i := slices.IndexFunc(generated, func(g generatedBuiltin) bool { return g.file == name })
		var c *Checklist
		if i >= 0 && generated[i].sum == builtinSum(fsys, name) {
			c = generated[i].checklist()
			c.buildIndex()
		} else if c, err = loadBuiltin(fsys, name); err != nil {
			return nil, err
		}
		out[c.ID] = c
	}
	return out, nil
}

// builtinSum is the CRC-32 (IEEE) of a built-in checklist file followed by
// its guidance file, if it has one; the generator computes the same. It
// reads through a small buffer rather than copying the files, since it
// runs at every start.
func builtinSum(fsys fs.FS, name string) uint32 {
	var sum uint32
	var buf [4096]byte
	for _, file := range []string{name, strings.TrimSuffix(name, ".yaml") + GuidanceSuffix} {
		f, err := fsys.Open("builtin/" + file)
		if err != nil {
			continue
		}
		for {
			n, err := f.Read(buf[:])
			sum = crc32.Update(sum, crc32.IEEETable, buf[:n])
			if err != nil {
				break
			}
		}
		f.Close()
	}
	return sum
}

// loadBuiltin reads a built-in checklist and its guidance from YAML.
func loadBuiltin(fsys fs.FS, name string) (*Checklist, error) {
	data, err := fs.ReadFile(fsys, "builtin/"+name)
	if err != nil {
		return nil, err
	}
	c, err := Parse("builtin/"+name, data)
	if err != nil {
		return nil, err
	}
	gname := strings.TrimSuffix(name, ".yaml") + GuidanceSuffix
	if gdata, err := fs.ReadFile(fsys, "builtin/"+gname); err == nil {
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

// IsBuiltin reports whether c is the embedded checklist of its id, not a
// file of one's own that kept that id.
func (c *Checklist) IsBuiltin() bool {
	b, ok := Builtin(c.ID)
	return ok && b == c
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
