package plans_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// builtinOnly resolves built-in checklists and nothing else, so that fuzzed
// input naming a checklist file never reads the disk.
func builtinOnly(ref plans.ChecklistRef, _ string) (*checklist.Checklist, error) {
	if c, ok := checklist.Builtin(ref.ID); ok {
		return c, nil
	}
	return nil, fmt.Errorf("unknown checklist %q", ref.ID)
}

// FuzzParse feeds the plan loader arbitrary bytes. It must never panic; a
// file it refuses must come with problems that all have a line and column;
// a file it accepts must encode to a plan that loads again and encodes to
// the same bytes (the canonical form is a fixed point).
//
// The seed corpus is in testdata/fuzz/FuzzParse: the golden plan and a
// filled-in one, and bad plans of every kind the loader must refuse.
func FuzzParse(f *testing.F) {
	if golden, err := os.ReadFile("testdata/golden.yaml"); err == nil {
		f.Add(golden)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := plans.Parse("fuzz.yaml", data, builtinOnly)
		if err != nil {
			var fe *plans.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error is %T, want *plans.FileError: %v", err, err)
			}
			if len(fe.Problems) == 0 {
				t.Fatal("a FileError with no problems")
			}
			for _, pr := range fe.Problems {
				if pr.Line < 1 || pr.Column < 1 || pr.Message == "" {
					t.Fatalf("problem without a position or message: %+v", pr)
				}
			}
			return
		}
		canonical := plans.Encode(p)
		q, err := plans.Parse("fuzz.yaml", canonical, builtinOnly)
		if err != nil {
			t.Fatalf("the plan loaded, but its canonical form does not:\n%v\n%s", err, canonical)
		}
		if again := plans.Encode(q); !bytes.Equal(again, canonical) {
			t.Fatalf("the canonical form is not a fixed point:\n%s", lineDiff(canonical, again))
		}
	})
}

// TestChecklistFileIsNotADevice: a plan names its custom checklist file, so
// the plan's author, not the user running `ladder check`, picks what is
// read. A device that never ends (or a named pipe) must give a problem at
// the checklist line, not a hang or an out-of-memory crash.
func TestChecklistFileIsNotADevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	plan := "schema: 1\nchecklist:\n  id: custom\n  version: '1'\n  file: /dev/zero\n"
	done := make(chan error, 1)
	go func() {
		_, err := plans.Parse("plan.yaml", []byte(plan), nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "plan.yaml:3:3: /dev/zero is not a regular file") {
			t.Errorf("err = %v, want a problem at the checklist saying /dev/zero is not a regular file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still reading /dev/zero after 5s")
	}
}
