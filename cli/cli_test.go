package cli_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/socialmobility/ladder/cli"
	"github.com/socialmobility/ladder/internal/browsertest"
	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

func TestMain(m *testing.M) {
	testscript.Main(closingBrowser{m}, map[string]func(){
		"ladder": func() { os.Exit(cli.Run()) },
	})
}

// closingBrowser runs the tests (testscript.Main runs them, then exits),
// then ends the browser the HTML report's tests shared and the node
// process the scripts linted in. The process is isolated from the user's
// git configuration for every test (gittest.IsolateProcess), so that the
// tests whose commands run git can run in parallel; four tests run at
// once, as the browser tests wait on Chromium while the scripts compute.
type closingBrowser struct{ m *testing.M }

func (c closingBrowser) Run() int {
	defer testtool.TempInMemory()()
	testtool.WaitingTests(4)
	cleanup, err := gittest.IsolateProcess()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer cleanup()
	defer testtool.OwnRuntimeDir()()
	if markingGitDir, err = writeMarkingGit(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(markingGitDir)
	defer browsertest.Close()
	defer testtool.StopMarkdownlint()
	return c.m.Run()
}

// markingGitDir holds a git that runs nothing and leaves a mark
// ($WORK/git-ran), for the scripts that show git is not run ($MARKINGGIT).
var markingGitDir string

// writeMarkingGit writes the marking git before any test starts. A
// script written by a test and then run while other tests start programs
// in parallel fails now and then with "text file busy": a program started
// meanwhile holds the file open for writing until it has loaded
// (ba38eb8); the script was a file in one script's archive.
func writeMarkingGit() (string, error) {
	dir, err := os.MkdirTemp("", "ladder-cli-git-*")
	if err != nil {
		return "", err
	}
	script := "#!/bin/sh\ntouch \"$WORK/git-ran\"\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "git"), []byte(script), 0o755); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// TestScripts runs the command-line tests in testdata/script: the ladder
// binary over real files in a temporary folder.
func TestScripts(t *testing.T) {
	t.Parallel()
	readme, err := filepath.Abs("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	benchmarks, _ := filepath.Abs("../BENCHMARKS.md")
	security, _ := filepath.Abs("../SECURITY.md")
	testscript.Run(t, testscript.Params{
		Files: scriptsToRun(t),
		// The scripts' folders inside the test's own, removed when it
		// ends: testscript removes its folder in the system's temporary
		// one only when every script ran (not under -run) and left
		// nothing beside its $WORK, and one such folder stayed at
		// nearly every run.
		WorkdirRoot:         t.TempDir(),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TODAY", plans.Today().String())
			env.Setenv("README", readme)
			env.Setenv("BENCHMARKS", benchmarks)
			env.Setenv("SECURITY", security)
			env.Setenv("MARKINGGIT", markingGitDir)
			// git tidies nothing after the scripts' commits (the
			// scripts set their own author and home).
			for _, kv := range gittest.NoTidying() {
				name, value, _ := strings.Cut(kv, "=")
				env.Setenv(name, value)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":        exits,
			"edit":         edit,
			"crlf":         rewrite("crlf", crlf),
			"bom":          rewrite("bom", bom),
			"utf16":        rewrite("utf16", utf16le),
			"backdate":     backdate,
			"backdated":    backdated,
			"cirecipe":     cirecipe,
			"readmeblock":  readmeblock,
			"startswith":   startswith,
			"readmetable":  readmetable,
			"nocommands":   nocommands,
			"markdownlint": markdownlint,
		},
	})
}

// scriptsToRun lists the scripts in testdata/script. Where git is not
// installed, as on a fresh machine that has only Go, a script that runs
// git is left out: it is skipped, or fails in CI, as testtool.Need does
// for the Go tests, so that the README's go test ./... passes there.
func scriptsToRun(t *testing.T) []string {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts in testdata/script: %v", err)
	}
	if _, err := exec.LookPath("git"); err == nil {
		return files
	}
	var run []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "exec git ") {
			run = append(run, f)
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			testtool.Need(t, "git")
		})
	}
	return run
}

// markdownlint FILE... lints the files as exec markdownlint-cli2 FILE...
// does, in the node process the scripts share (testtool.Markdownlint:
// one node start for every script, not one each). What it finds is
// printed, and it fails (or, negated, passes) where it finds a problem.
func markdownlint(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: markdownlint FILE...")
	}
	bin, err := exec.LookPath("markdownlint-cli2")
	if err != nil {
		ts.Fatalf("markdownlint-cli2 is not installed")
	}
	out, ok, err := testtool.Markdownlint(bin, ts.MkAbs("."), args...)
	ts.Check(err)
	ts.Logf("%s", out)
	switch {
	case !ok && !neg:
		ts.Fatalf("markdownlint-cli2 %s found problems", strings.Join(args, " "))
	case ok && neg:
		ts.Fatalf("markdownlint-cli2 %s found no problem", strings.Join(args, " "))
	}
}

// exits CODE PROGRAM [ARGS...] runs a program like exec, then checks its
// exit status is exactly CODE (exec only tells zero from non-zero). Its
// output can be matched with stdout and stderr afterwards.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// edit FILE OLD NEW replaces the first OLD in a file with NEW, as a person
// editing the file by hand would. \n, \r and \t in OLD and NEW stand for a
// line feed, a carriage return and a tab.
func edit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	unescape := strings.NewReplacer(`\n`, "\n", `\r`, "\r", `\t`, "\t").Replace
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	old, repl := unescape(args[1]), unescape(args[2])
	if !strings.Contains(string(data), old) {
		ts.Fatalf("%s does not contain %q", args[0], old)
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), old, repl, 1)), 0o644))
}

// rewrite is a testscript command NAME FILE that replaces FILE's bytes
// with change's result.
func rewrite(name string, change func([]byte) []byte) func(*testscript.TestScript, bool, []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: %s FILE", name)
		}
		path := ts.MkAbs(args[0])
		data, err := os.ReadFile(path)
		ts.Check(err)
		ts.Check(os.WriteFile(path, change(data), 0o644))
	}
}

// crlf FILE ends every line of FILE CRLF, as an editor on Windows or git
// with core.autocrlf leaves it.
func crlf(data []byte) []byte {
	return []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))
}

// bom FILE puts UTF-8's byte-order mark first in FILE, as Notepad's
// "UTF-8 with BOM" saves it.
func bom(data []byte) []byte {
	return append([]byte("\xef\xbb\xbf"), data...)
}

// utf16 FILE rewrites FILE as UTF-16LE with its byte-order mark, as Windows
// PowerShell's > writes a command's output and Notepad's "Unicode" saves.
func utf16le(data []byte) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(string(data))) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// oldTime is far enough in the past that no test run writes a file then.
var oldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// backdate FILE... sets the files' modification time to oldTime, so that
// backdated can tell whether anything wrote them since.
func backdate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: backdate FILE...")
	}
	for _, name := range args {
		ts.Check(os.Chtimes(ts.MkAbs(name), oldTime, oldTime))
	}
}

// backdated FILE... checks that the files' modification time is still the
// one backdate set (with !, that it is not).
func backdated(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: [!] backdated FILE...")
	}
	for _, name := range args {
		info, err := os.Stat(ts.MkAbs(name))
		ts.Check(err)
		same := info.ModTime().Equal(oldTime)
		switch {
		case same && neg:
			ts.Fatalf("%s was not written", filepath.Base(name))
		case !same && !neg:
			ts.Fatalf("%s was written (modified %s)", filepath.Base(name), info.ModTime().Format(time.RFC3339))
		}
	}
}

// readmeblock README AFTER OUT writes to OUT the first fenced code block
// of the README after the first line holding AFTER, up to a line that is
// only "..." (an excerpt, which startswith then compares).
func readmeblock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: readmeblock README AFTER OUT")
	}
	data, err := os.ReadFile(args[0])
	ts.Check(err)
	_, rest, found := strings.Cut(string(data), args[1])
	if !found {
		ts.Fatalf("%s does not say %q", args[0], args[1])
	}
	_, rest, found = strings.Cut(rest, "\n```")
	_, rest, _ = strings.Cut(rest, "\n") // the fence's language
	block, _, closed := strings.Cut(rest, "```")
	if !found || !closed {
		ts.Fatalf("%s has no code block after %q", args[0], args[1])
	}
	var out strings.Builder
	for _, line := range strings.SplitAfter(block, "\n") {
		if strings.TrimSpace(line) == "..." {
			break
		}
		out.WriteString(line)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(out.String()), 0o644))
}

// nocommands [stdout|stderr] fails if a line of the last command's
// standard output or error (or only the one named) is one GitHub Actions'
// runner would obey as a workflow command. The rule, from actions/runner's
// ActionCommand.TryParseV2 and TryParse: lines split at \n, \r and \r\n;
// leading white space trimmed, the line begins "::", or it holds "##["
// anywhere. The runner compares culture-sensitively, passing over
// characters its collation ignores, so those are taken out first (which
// finds more lines than the runner would, never fewer).
func nocommands(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 {
		ts.Fatalf("usage: nocommands [stdout|stderr]")
	}
	names := []string{"stdout", "stderr"}
	if len(args) == 1 {
		names = args
	}
	for _, name := range names {
		lines := strings.FieldsFunc(ts.ReadFile(name), func(r rune) bool { return r == '\n' || r == '\r' })
		for _, line := range lines {
			s := strings.Map(func(r rune) rune {
				if !unicode.IsSpace(r) && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) {
					return -1
				}
				return r
			}, line)
			if strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "::") || strings.Contains(s, "##[") {
				ts.Fatalf("%s has a line GitHub Actions would obey as a command: %q", name, line)
			}
		}
	}
}

// readmetable HELP README fails unless every command that HELP (the
// output of ladder --help) lists has its row in the README's table of
// commands, but for help and completion, which cobra adds.
func readmetable(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: readmetable HELP README")
	}
	_, list, found := strings.Cut(ts.ReadFile(args[0]), "Available Commands:\n")
	list, _, _ = strings.Cut(list, "\n\n")
	if !found || list == "" {
		ts.Fatalf("%s lists no commands", args[0])
	}
	readme, err := os.ReadFile(args[1])
	ts.Check(err)
	for _, line := range strings.Split(list, "\n") {
		name := strings.Fields(line)[0]
		if name != "help" && name != "completion" && !strings.Contains(string(readme), "\n| `"+name+"` |") {
			ts.Fatalf("ladder --help lists %s, but the README's table of commands has no row for it", name)
		}
	}
}

// startswith FILE PREFIX fails unless FILE begins with the contents of the
// file PREFIX.
func startswith(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: startswith FILE PREFIX")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	prefix, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	if ok := strings.HasPrefix(string(data), string(prefix)); ok == neg {
		ts.Fatalf("%s begins\n%s\nnot\n%s", args[0], data[:min(len(data), len(prefix)+200)], prefix)
	}
}

// cirecipe README SCRIPT [WORKFLOW] writes the ladder commands of the
// README's GitHub Actions workflow (the yaml block that starts
// "# .github/workflows/", or "# .github/workflows/WORKFLOW") to a shell
// script that stops at the first that fails, so that a test runs the
// recipe exactly as the README gives it.
func cirecipe(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: cirecipe README SCRIPT [WORKFLOW]")
	}
	data, err := os.ReadFile(args[0])
	ts.Check(err)
	workflow := ""
	if len(args) == 3 {
		workflow = args[2]
	}
	_, block, found := strings.Cut(string(data), "```yaml\n# .github/workflows/"+workflow)
	block, _, closed := strings.Cut(block, "```")
	if !found || !closed {
		ts.Fatalf("%s has no workflow block", args[0])
	}
	script := "set -e\n"
	n := 0
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
		if cmd, ok := strings.CutPrefix(line, "run: "); ok && strings.HasPrefix(cmd, "ladder ") {
			script += cmd + "\n"
			n++
		}
	}
	if n == 0 {
		ts.Fatalf("the workflow in %s runs no ladder command", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(script), 0o644))
}
