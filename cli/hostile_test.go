package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/safetext"
)

// TestHostileFilesLeftUntouched runs check and fmt over the hostile-file
// corpus (plans/testdata/hostile, whose expectations are in the plans
// tests): each file is reported with FILE:LINE:COL, the output carries
// nothing that acts on a terminal, and fmt leaves every file exactly as it
// was (issue 15.4: a broken second document used to be dropped by fmt).
func TestHostileFilesLeftUntouched(t *testing.T) {
	src, err := filepath.Glob("../plans/testdata/hostile/*")
	if err != nil || len(src) < 20 {
		t.Fatalf("corpus: %d files, %v", len(src), err)
	}
	dir := t.TempDir()
	before := map[string][]byte{}
	for _, s := range src {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, filepath.Base(s))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		before[path] = data
	}
	located := regexp.MustCompile(`^` + regexp.QuoteMeta(dir) + `/[a-z0-9-]+\.yaml:\d+:\d+: `)
	for _, args := range [][]string{{"check", dir}, {"fmt", dir}, {"fmt", "--check", dir}} {
		var stdout, stderr bytes.Buffer
		if code := cli.Main(args, nil, &stdout, &stderr); code != cli.ExitProblems {
			t.Errorf("ladder %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, cli.ExitProblems, stdout.String(), stderr.String())
		}
		reported := map[string]bool{}
		for _, out := range []string{stdout.String(), stderr.String()} {
			if !safetext.Safe(out) {
				t.Errorf("ladder %s: output acts on the terminal: %q", strings.Join(args, " "), out)
			}
			for _, l := range strings.Split(out, "\n") {
				if m := located.FindString(l); m != "" {
					reported[strings.SplitN(m, ":", 2)[0]] = true
				}
			}
		}
		for path := range before {
			if !reported[path] {
				t.Errorf("ladder %s: %s not reported with FILE:LINE:COL\n%s%s", strings.Join(args, " "), filepath.Base(path), stdout.String(), stderr.String())
			}
		}
	}
	for path, data := range before {
		if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, data) {
			t.Errorf("%s was changed", filepath.Base(path))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(before) {
		t.Errorf("files appeared beside the corpus: %d entries for %d files", len(entries), len(before))
	}
}
