package plans_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/testtool"
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
				checkMessage(t, pr.Message)
			}
			return
		}
		canonical := plans.Encode(p)
		q, err := plans.Parse("fuzz.yaml", canonical, builtinOnly)
		if err != nil {
			t.Fatalf("the plan loaded, but its canonical form does not:\n%v\n%s", err, canonical)
		}
		if again := plans.Encode(q); !bytes.Equal(again, canonical) {
			t.Fatalf("the canonical form is not a fixed point:\n%s", testtool.FirstDifference(canonical, again))
		}
	})
}

// checkMessage holds a problem's message to what issue 15 asks of every
// message: one line, nothing that acts on a terminal, and no more of the
// file than a short excerpt (the longest message ladder writes itself,
// with its excerpts, is under 300 characters).
func checkMessage(t *testing.T, msg string) {
	t.Helper()
	if !safetext.Safe(msg) || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("message with control characters or line breaks: %q", msg)
	}
	if n := utf8.RuneCountInString(msg); n > 300 {
		t.Fatalf("message of %d characters: %q", n, msg)
	}
}

// TestMessagesQuoteOnlyExcerpts: values in the wrong place, long or with
// escape sequences, are quoted only as short, printable excerpts.
func TestMessagesQuoteOnlyExcerpts(t *testing.T) {
	long := "\x1b]0;pwned\x07" + strings.Repeat("secret ", 300)
	golden, err := os.ReadFile("testdata/golden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, mutate := range []func(string) string{
		func(s string) string { return strings.Replace(s, "rating: red", "rating: "+strconv.Quote(long), 1) },
		func(s string) string { return strings.Replace(s, "status: todo", "status: "+strconv.Quote(long), 1) },
		func(s string) string { return strings.Replace(s, "schema: 1", "schema: "+strconv.Quote(long), 1) },
		func(s string) string { return strings.Replace(s, "due: 2027-03-31", "due: "+strconv.Quote(long), 1) },
		func(s string) string { return strings.Replace(s, "  lc-vision:", "  "+strconv.Quote(long)+":", 1) },
		func(s string) string {
			return strings.Replace(s, "organisation:", strconv.Quote(long)+": x\norganisation:", 1)
		},
		func(s string) string { return strconv.Quote(long) + "\n" },
	} {
		data := mutate(string(golden))
		if data == string(golden) {
			t.Fatal("the mutation did not apply")
		}
		_, err := plans.Parse("plan.yaml", []byte(data), nil)
		var fe *plans.FileError
		if !errors.As(err, &fe) {
			t.Fatalf("err = %v", err)
		}
		for _, pr := range fe.Problems {
			checkMessage(t, pr.Message)
			if strings.Contains(pr.Message, strings.Repeat("secret ", 7)) {
				t.Errorf("message quotes more than an excerpt: %s", pr.Message)
			}
		}
	}
}
