package plans_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

// The targets (issue 2): loading with validation at most 1 ms and encoding
// at most 0.5 ms for the embedded checklist; at most 50 ms each for 1,000
// items. Every plan benchmarked is fully filled in (checklisttest.FilledPlan),
// the most work a plan of that size can be. Figures are in BENCHMARKS.md.

type benchPlan struct {
	name    string
	c       *checklist.Checklist
	resolve plans.Resolver
}

func benchPlans() []benchPlan {
	builtin, _ := checklist.Builtin(checklist.DefaultID)
	big := checklisttest.Generate(1000)
	return []benchPlan{
		{"embedded", builtin, nil},
		{"1000items", big, plans.WithChecklist(big)},
	}
}

// BenchmarkLoad parses and validates a plan held in memory.
func BenchmarkLoad(b *testing.B) {
	for _, bp := range benchPlans() {
		b.Run(bp.name, func(b *testing.B) {
			data := plans.Encode(checklisttest.FilledPlan(bp.c, 1))
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := plans.Parse("plan.yaml", data, bp.resolve); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// A 1,000-item plan as `ladder check` meets it: the plan file and the
	// custom checklist file it names are both read and validated.
	b.Run("1000items-with-checklist-file", func(b *testing.B) {
		dir := b.TempDir()
		c := checklisttest.Generate(1000)
		if err := os.WriteFile(filepath.Join(dir, "checklist.yaml"), checklisttest.YAML(1000), 0o644); err != nil {
			b.Fatal(err)
		}
		p := checklisttest.FilledPlan(c, 1)
		p.ChecklistRef.File = "checklist.yaml"
		path := filepath.Join(dir, "plan.yaml")
		if err := os.WriteFile(path, plans.Encode(p), 0o644); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := plans.LoadFile(path, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEncode writes a plan's canonical YAML to memory.
func BenchmarkEncode(b *testing.B) {
	for _, bp := range benchPlans() {
		b.Run(bp.name, func(b *testing.B) {
			p := checklisttest.FilledPlan(bp.c, 1)
			b.SetBytes(int64(len(plans.Encode(p))))
			for b.Loop() {
				plans.Encode(p)
			}
		})
	}
}

// BenchmarkSave is one save from a screen: encode, check nobody else changed
// the file, and replace it atomically (temporary file, fsync, rename, folder
// fsync). Each save changes one item's status, so every save writes. Most of
// the time is the file system's fsync, so figures vary with the disk.
func BenchmarkSave(b *testing.B) {
	for _, bp := range benchPlans() {
		b.Run(bp.name, func(b *testing.B) {
			p := checklisttest.FilledPlan(bp.c, 1)
			f, err := plans.Create(filepath.Join(b.TempDir(), "plan.yaml"), p)
			if err != nil {
				b.Fatal(err)
			}
			r := p.Response(bp.c.Items()[0].Item.ID)
			for b.Loop() {
				if r.Status == plans.StatusDoing {
					r.Status = plans.StatusTodo
				} else {
					r.Status = plans.StatusDoing
				}
				if written, err := f.Save(); err != nil || !written {
					b.Fatalf("Save: written=%v err=%v", written, err)
				}
			}
		})
	}
}
