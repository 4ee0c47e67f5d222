package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/gittest"
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

// TestOutputDoesNotLeaveTheRepositoryThroughAFolderLink: a repository can
// hold a folder that is a symbolic link (reports -> /home/you/.config),
// and a README that says "ladder report -o reports/summary.md". A file
// link is refused already; a folder link must not carry the file, or the
// folders -o makes, out of the repository either. A link that stays
// inside it is followed as before.
func TestOutputDoesNotLeaveTheRepositoryThroughAFolderLink(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	outside := t.TempDir()
	for _, link := range []struct{ name, to string }{{"reports", outside}, {"inside", "plans"}} {
		if err := os.Symlink(link.to, link.name); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := cli.Main(args, nil, &stdout, &stderr)
		return code, stdout.String() + stderr.String()
	}
	if code, out := run("new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15"); code != cli.ExitOK {
		t.Fatalf("new: exit %d\n%s", code, out)
	}
	survey := "Submitted,Grade,What was the occupation of your main household earner when you were about aged 14?\n" +
		strings.Repeat("2027-03-01,Team member,Technical and craft occupations\n", 30)
	if err := os.WriteFile("survey.csv", []byte(survey), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"report", "plans/acme.yaml", "-o", "reports/summary.md"},
		{"report", "plans/acme.yaml", "-o", "reports/new/folder/summary.html"},
		{"status", "-o", "reports/actions.csv"},
		{"new", "reports/plan.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15"},
		{"data", "import", "survey.csv", "--grades", "Team member", "--out", "reports/acme.data.yaml"},
	} {
		code, out := run(args...)
		if code == cli.ExitOK || !strings.Contains(out, "reports is a symbolic link to a folder outside the repository") {
			t.Errorf("ladder %s: exit %d, want a refusal naming the link\n%s", strings.Join(args, " "), code, out)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("files were written outside the repository: %v", entries)
	}
	if code, out := run("report", "plans/acme.yaml", "-o", "inside/summary.md"); code != cli.ExitOK {
		t.Errorf("a link to a folder inside the repository: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join("plans", "summary.md")); err != nil {
		t.Errorf("the report through the inside link: %v", err)
	}
}

// TestPlansAreNotRewrittenThroughAFolderLink: a stranger's pull request
// can add a folder that is a symbolic link out of the repository
// (shared -> /home/you/plans), with a plan in reach behind it. ladder fmt
// and a review's saves must not write there, as new, -o and data import
// do not: each is refused naming the link, the review before it starts,
// and the plan out there is left byte for byte as it was.
func TestPlansAreNotRewrittenThroughAFolderLink(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	outside := t.TempDir()
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := cli.Main(args, strings.NewReader(""), &stdout, &stderr)
		return code, stdout.String() + stderr.String()
	}
	plan := filepath.Join(outside, "acme.yaml")
	if code, out := run("new", plan, "--org", "Acme", "--title", "Spring", "--date", "2027-01-15"); code != cli.ExitOK {
		t.Fatalf("new: exit %d\n%s", code, out)
	}
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	// Untidy, so that fmt would rewrite it.
	untidy := strings.Replace(string(data), "title: Spring", "title:   Spring", 1)
	if err := os.WriteFile(plan, []byte(untidy), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, "shared"); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"fmt", "shared/acme.yaml"},
		{"review", "shared/acme.yaml", "--accessible"},
	} {
		code, out := run(args...)
		if code == cli.ExitOK || !strings.Contains(out, "shared is a symbolic link to a folder outside the repository, and ladder does not write through it") {
			t.Errorf("ladder %s: exit %d, want a refusal naming the link\n%s", strings.Join(args, " "), code, out)
		}
	}
	if got, _ := os.ReadFile(plan); string(got) != untidy {
		t.Errorf("the plan outside the repository was rewritten:\n%s", got)
	}
}

// TestInvisibleCharactersFromAPlanDoNotReachTheTerminal: a stranger's
// plan whose owner is "Ana" and seventy soft hyphens, which ladder
// measures as nothing and tmux and xterm draw a column each, threw
// status's table out of line across three rows; a rating of "red" and a
// zero-width space was refused as "rating "red" is not one of red, …".
// The invisible characters are dropped on their way to the terminal, and
// spelt out where a message quotes the value.
func TestInvisibleCharactersFromAPlanDoNotReachTheTerminal(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		cli.Main(args, nil, &stdout, &stderr)
		return stdout.String() + stderr.String()
	}
	run("new", "plans/acme.yaml", "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	data, err := os.ReadFile("plans/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	shy := strings.Repeat("\u00ad", 70)
	plan := strings.Replace(string(data), "  lc-vision:\n    rating: unrated\n    action:\n    owner:\n    due:",
		"  lc-vision:\n    rating: red\n    action: Write\u200b the vision\n    owner: Ana"+shy+"\n    due: 2027-02-01", 1)
	if err := os.WriteFile("plans/acme.yaml", []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	status := run("status", "--today", "2027-03-01", "plans")
	if !strings.Contains(status, "  2027-02-01  28 days late  Ana    Write the vision") {
		t.Errorf("status's row is not in line:\n%s", status)
	}
	if err := os.WriteFile("plans/acme.yaml", []byte(strings.Replace(plan, "rating: red", "rating: red\u200b", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	check := run("check", "plans")
	if !strings.Contains(check, `rating "red<U+200B>" is not one of`) {
		t.Errorf("check does not say what is in the rating:\n%s", check)
	}
	for _, out := range []string{status, check} {
		if strings.ContainsAny(out, "\u00ad\u200b") {
			t.Errorf("an invisible character reached the terminal: %q", out)
		}
	}
}
