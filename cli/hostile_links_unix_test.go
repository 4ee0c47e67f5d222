//go:build unix

package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/internal/safetext"
)

// linkedPlan is a plan of the default checklist, with one late action,
// that names link as its key (previous_review or next_review).
func linkedPlan(key, link string) []byte {
	return []byte("schema: 1\nchecklist:\n  id: smc-progression\n  version: '1'\norganisation: Acme\ntitle: Review\ndate: 2026-09-01\n" +
		key + ": " + link + "\nitems:\n  lc-vision:\n    rating: red\n    action: Write a vision\n    owner: Ana\n    due: 2026-10-31\n    status: todo\n")
}

// The links between reviews are read from strangers' pull requests. A
// previous_review or next_review that leads to a named pipe, to /dev/zero
// through a link, out of the repository through a linked folder, to a
// file over the size limit, to a file of secrets that is not a plan, or
// that holds escape sequences, bidirectional overrides or thousands of
// characters: every command that follows links finishes, prints nothing
// that acts on a terminal, quotes nothing from the file it reached and at
// most an excerpt of the link in a message, hands no actions on, and changes no file.
func TestHostileReviewLinksInEveryCommand(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	outside := t.TempDir()
	secret := "SECRET-TOKEN-ghp_0123456789abcdef"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll("plans", 0o755))
	must(syscall.Mkfifo("plans/pipe.yaml", 0o644))
	must(os.Symlink("/dev/zero", "plans/zero.yaml"))
	must(os.Symlink(outside, "plans/out"))
	must(os.WriteFile(filepath.Join(outside, "o.yaml"), linkedPlan("previous_review", "../a.yaml"), 0o644))
	must(os.WriteFile("plans/huge.yaml", bytes.Repeat([]byte("# padding\n"), 60<<10), 0o644))
	must(os.WriteFile("secrets.yaml", []byte("schema: "+secret+"\ntoken: "+secret+"\nprevious_review: "+secret+"\n"), 0o644))
	links := map[string]string{
		"pipe":    "pipe.yaml",
		"zero":    "zero.yaml",
		"out":     "out/o.yaml",
		"huge":    "huge.yaml",
		"secrets": "../secrets.yaml",
		"escapes": `"\e]0;owned\a\u202e\x9b2J.yaml"`,
		"long":    strings.Repeat("x", 3000) + ".yaml",
		"deep":    strings.Repeat("d/", 1000) + "n.yaml",
	}
	for name, link := range links {
		must(os.WriteFile("plans/next-"+name+".yaml", linkedPlan("next_review", link), 0o644))
		must(os.WriteFile("plans/prev-"+name+".yaml", linkedPlan("previous_review", link), 0o644))
	}
	before := map[string][]byte{}
	entries, _ := os.ReadDir("plans")
	for _, e := range entries {
		if e.Type().IsRegular() {
			data, err := os.ReadFile(filepath.Join("plans", e.Name()))
			must(err)
			before[e.Name()] = data
		}
	}

	runs := [][]string{
		{"check", "plans"},
		{"check", "--overdue", "--today", "2027-01-01", "plans"},
		{"check", "--format", "github", "plans"},
		{"status", "--today", "2027-01-01", "plans"},
		{"status", "--format", "md", "--today", "2027-01-01", "plans"},
	}
	for name := range links {
		runs = append(runs,
			[]string{"diff", "plans/next-" + name + ".yaml", "plans/prev-" + name + ".yaml"},
			[]string{"diff", "--format", "md", "plans/next-" + name + ".yaml", "plans/prev-" + name + ".yaml"},
			[]string{"new", "plans/new-" + name + ".yaml", "--from", "plans/next-" + name + ".yaml", "--title", "Next"},
			[]string{"report", "plans/prev-" + name + ".yaml"},
		)
	}
	for _, args := range runs {
		done := make(chan string, 1)
		go func() {
			var stdout, stderr bytes.Buffer
			cli.Main(args, nil, &stdout, &stderr)
			done <- stdout.String() + stderr.String()
		}()
		var out string
		select {
		case out = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("ladder %s: still running after 20s", strings.Join(args, " "))
		}
		what := "ladder " + strings.Join(args, " ")
		if !safetext.Safe(out) {
			t.Errorf("%s: output acts on the terminal: %.400q", what, out)
		}
		if strings.Contains(out, "SECRET") || strings.Contains(out, "owned\a") {
			t.Errorf("%s: output quotes a file it reached:\n%s", what, out)
		}
		// A diff or a report shows a plan's values whole, as its own text;
		// the other commands speak of a link only in messages.
		shows := args[0] == "diff" || args[0] == "report"
		if !shows && (strings.Contains(out, strings.Repeat("x", safetext.ExcerptLength+1)) || strings.Contains(out, strings.Repeat("d/", safetext.ExcerptLength))) {
			t.Errorf("%s: output quotes more than an excerpt of a link: %.400s…", what, out)
		}
		if strings.Contains(out, "carried on to its next review") || strings.Contains(out, "plans carried on") {
			t.Errorf("%s: a hostile next_review handed actions on:\n%s", what, out)
		}
	}
	for name, data := range before {
		if now, err := os.ReadFile(filepath.Join("plans", name)); err != nil || !bytes.Equal(now, data) {
			t.Errorf("plans/%s was changed", name)
		}
	}
	if matches, _ := filepath.Glob("plans/new-*"); len(matches) > 0 {
		t.Errorf("ladder new --from a plan with a hostile next_review wrote %v", matches)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("files were written outside the repository: %v", entries)
	}
}
