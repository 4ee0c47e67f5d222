package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/gittest"
)

// hostileAction is plan text that would retitle the terminal (OSC 0,
// ended by BEL) and clear it (CSI 2J) if printed as it is; in YAML's
// double-quoted form, \e is ESC and \a is BEL.
const hostileAction = `"Pwn \e]0;owned\a the title \e[2J"`

// TestNoCommandPrintsControlCharacters runs every command that prints a
// plan's text, a file name or a commit subject over a plan that holds ESC
// and BEL in its action, owner and title, whose file name holds an ESC,
// committed with a subject that holds them too. No byte of output may be a
// control character other than a newline or a tab; each shows as a picture
// (␛, ␇) instead. Markdown escapes them the same way.
func TestNoCommandPrintsControlCharacters(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	git := repo.Git
	plan := filepath.Join("plans", "evil\x1b[2J.yaml")
	mustRun(t, "new", plan, "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	git("add", ".")
	git("commit", "-q", "-m", "Start \x1b]0;owned\x07 here")
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "  lc-vision:\n    rating: unrated\n    action:\n    owner:\n    due:",
		"  lc-vision:\n    rating: red\n    action: "+hostileAction+"\n    owner: \"Ana\\e[31m\\u009b2J\"\n    due: 2020-01-01", 1)
	edited = strings.Replace(edited, "title: Spring", `title: "Spring \e]0;owned\a"`, 1)
	edited = strings.Replace(edited, "    steps: []", "    steps:\n      - id: 1\n        step: "+hostileAction+"\n        owner:\n        due: 2020-02-01\n        status: todo", 1)
	if err := os.WriteFile(plan, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "check", plan) // it is a valid plan
	git("commit", "-q", "-am", "Rate \x1b]0;owned\x07 it \x1b[2J")

	broken := filepath.Join("plans", "broken\x1b]0;x\x07.yaml")
	os.WriteFile(broken, []byte("schema: 1\nchecklist: {id: smc-progression, version: '1'}\nitems:\n  \"\\e[2J\": {}\n"), 0o644)

	for _, args := range [][]string{
		{"check", "--overdue"},
		{"check", "--overdue", "--format", "github"},
		{"report", plan},
		{"status"},
		{"status", "--by", "owner"},
		{"status", "--format", "md"},
		{"diff", plan, "--rev", "HEAD~1"},
		{"diff", plan, "--rev", "HEAD~1", "--format", "md"},
		{"diff", "--rev", "HEAD~1"},
		{"diff", "--rev", "HEAD~1", "--format", "md"},
		{"history", plan},
		{"history", plan, "--format", "md"},
		{"fmt", "--check"},
		{"report", plan, "--format", "html"},
		{"report", plan, "--format", "csv"},
		{"status", "--format", "csv"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			Main(args, nil, &stdout, &stderr)
			// CSV ends its lines in CRLF, as RFC 4180 has it: a CR right
			// before a line break moves nothing.
			csvLines := bytes.ReplaceAll(stdout.Bytes(), []byte("\r\n"), []byte("\n"))
			for name, out := range map[string][]byte{"stdout": csvLines, "stderr": stderr.Bytes()} {
				if i := bytes.IndexFunc(out, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f }); i >= 0 {
					t.Errorf("%s has a control character at %d:\n%q", name, i, out)
				}
			}
			if !bytes.Contains(append(stdout.Bytes(), stderr.Bytes()...), []byte("␛")) {
				t.Errorf("the ESC in the plan or its name is not shown as ␛:\n%s%s", stdout.Bytes(), stderr.Bytes())
			}
		})
	}
}

// mustRun runs ladder and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Main(args, nil, &stdout, &stderr); code != ExitOK {
		t.Fatalf("ladder %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.Bytes(), stderr.Bytes())
	}
}

// TestAFileNameCannotForgeALine: a plan from a pull request whose file
// name holds a line break ("x⏎ok.yaml:1:1 …") must not start a line of
// ladder's output with the rest of its name, where a CI log or a reader
// would take it for a line of ladder's own. Every command that lists the
// folder names the file on one line, the break shown as ␊.
func TestAFileNameCannotForgeALine(t *testing.T) {
	repo := gittest.New(t)
	gittest.Isolate(t)
	t.Chdir(repo.Dir)
	mustRun(t, "new", filepath.Join("plans", "acme.yaml"), "--org", "Acme", "--title", "Spring", "--date", "2027-01-15")
	repo.Git("add", ".")
	repo.Git("commit", "-q", "-m", "Start")
	broken := filepath.Join("plans", "x\nFORGED.yaml:1:1 all plans are fine.yaml")
	if err := os.WriteFile(broken, []byte("schema: 1\nchecklist: {id: smc-progression, version: '1'}\nitems:\n  lc-vision: {rating: purple}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo.Git("add", ".")
	repo.Git("commit", "-q", "-m", "Add a plan")
	for _, args := range [][]string{
		{"check"},
		{"check", "--changed-since", "HEAD~1"},
		{"status"},
		{"diff", "--rev", "HEAD~1"},
		{"diff", "--rev", "HEAD~1", "--format", "md"},
		{"fmt", "--check"},
		{"report", broken},
		{"diff", broken, "--rev", "HEAD~1"},
		{"history", broken},
		{"data", "show", broken},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			Main(args, nil, &stdout, &stderr)
			out := stdout.String() + stderr.String()
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(strings.TrimLeft(l, " '\"`*-"), "FORGED") {
					t.Errorf("a line begins with the rest of the file's name: %q\n%s", l, out)
				}
			}
		})
	}
}
