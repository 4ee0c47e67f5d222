// Package gittest makes real git repositories in temporary folders for
// tests: isolated from the user's and the system's git configuration (and
// from a git hook's GIT_DIR, when the tests run from one), with a fixed
// author, so that what a test commits is the same on every machine.
package gittest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// Repo is a repository in a temporary folder; its commands fail the test
// that made it.
type Repo struct {
	// Dir is the repository's work tree.
	Dir  string
	t    testing.TB
	home string
}

// New makes an empty repository on branch main. Its own commands run
// isolated, so it serves parallel tests; a test whose code under test runs
// git itself calls Isolate as well. Without git, the test is skipped (and
// fails in CI).
func New(t testing.TB) *Repo {
	t.Helper()
	testtool.Need(t, "git")
	r := &Repo{Dir: filepath.Join(t.TempDir(), "repo"), t: t, home: t.TempDir()}
	if err := os.Mkdir(r.Dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.Git("init", "-q", "-b", "main")
	return r
}

// Isolate gives the test's whole process, for the test's duration, the
// environment the repositories' own commands have, so that git run by the
// code under test (history, report) reads no configuration of the user's
// either. It cannot serve a parallel test (t.Setenv), unless TestMain
// isolated the whole process (IsolateProcess): then it has nothing to do.
func Isolate(t testing.TB) {
	t.Helper()
	if processIsolated {
		return
	}
	setIsolated(t.TempDir(), t.Setenv) // restored when the test ends
}

// processIsolated is whether IsolateProcess has run.
var processIsolated bool

// IsolateProcess gives the test process, from TestMain before its tests
// run, the environment Isolate gives one test, for every test: git run by
// the code under test reads no configuration of the user's, and tests
// that need that can run in parallel. It returns a function that removes
// the home folder it made, for TestMain to call after the tests.
func IsolateProcess() (cleanup func(), err error) {
	home, err := os.MkdirTemp("", "ladder-gittest-home-*")
	if err != nil {
		return nil, err
	}
	setIsolated(home, func(name, value string) { os.Setenv(name, value) })
	processIsolated = true
	return func() { os.RemoveAll(home) }, nil
}

// setIsolated unsets the process's GIT_ variables and sets isolated(home),
// each through set first (t.Setenv restores it when the test ends).
func setIsolated(home string, set func(name, value string)) {
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "GIT_") {
			set(name, "")
			os.Unsetenv(name)
		}
	}
	for _, kv := range isolated(home) {
		name, value, _ := strings.Cut(kv, "=")
		set(name, value)
	}
}

// isolated is what git needs to ignore every configuration but the
// repository's own, to commit as a fixed author, and not to tidy up after
// itself (NoTidying).
func isolated(home string) []string {
	return append([]string{
		"HOME=" + home, "GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Ana", "GIT_AUTHOR_EMAIL=ana@example.com",
		"GIT_COMMITTER_NAME=Ana", "GIT_COMMITTER_EMAIL=ana@example.com",
	}, NoTidying()...)
}

// NoTidying is the environment that tells git not to tidy a repository
// after each commit or merge: git commit starts git maintenance run
// --auto (git gc --auto before git 2.29), a process that finds nothing
// to do in a repository of a few commits. The cli scripts made 241 of
// them, a quarter of the git processes their commands started. It is
// configuration given on the command line, as git -c does (the
// repository's own stays as it is).
func NoTidying() []string {
	return []string{
		"GIT_CONFIG_COUNT=2",
		"GIT_CONFIG_KEY_0=maintenance.auto", "GIT_CONFIG_VALUE_0=false",
		"GIT_CONFIG_KEY_1=gc.auto", "GIT_CONFIG_VALUE_1=0",
	}
}

// Try runs git with args in the repository and returns its output and
// error, for a command that may fail (a merge with a conflict).
func (r *Repo) Try(args ...string) (string, error) {
	return r.run(nil, nil, args)
}

// Git runs git with args in the repository and returns its output without
// the final newline, failing the test if git fails.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	return r.must(nil, nil, args)
}

// GitAt is Git with date (RFC 3339) as the author's and committer's date.
func (r *Repo) GitAt(date string, args ...string) string {
	r.t.Helper()
	return r.must([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, nil, args)
}

// FastImport writes a git fast-import stream into the repository: many
// commits at the cost of one command.
func (r *Repo) FastImport(stream []byte) {
	r.t.Helper()
	r.must(nil, stream, []string{"fast-import", "--quiet"})
}

// Write writes data to name, a slash-separated path in the work tree,
// making its folders; it commits nothing.
func (r *Repo) Write(name string, data []byte) {
	r.t.Helper()
	path := filepath.Join(r.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// Read returns the contents of name in the work tree.
func (r *Repo) Read(name string) []byte {
	r.t.Helper()
	data, err := os.ReadFile(filepath.Join(r.Dir, filepath.FromSlash(name)))
	if err != nil {
		r.t.Fatal(err)
	}
	return data
}

// Commit writes data to name and commits that file alone with message.
func (r *Repo) Commit(name string, data []byte, message string) {
	r.t.Helper()
	r.Write(name, data)
	r.Git("add", name)
	r.Git("commit", "-q", "-m", message)
}

// CommitAt is Commit dated date (RFC 3339).
func (r *Repo) CommitAt(date, name string, data []byte, message string) {
	r.t.Helper()
	r.Write(name, data)
	r.Git("add", name)
	r.GitAt(date, "commit", "-q", "-m", message)
}

func (r *Repo) must(env []string, stdin []byte, args []string) string {
	r.t.Helper()
	out, err := r.run(env, stdin, args)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSuffix(out, "\n")
}

func (r *Repo) run(env []string, stdin []byte, args []string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(append(cmd.Env, isolated(r.home)...), env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	out, err := cmd.CombinedOutput()
	return string(out), err
}
