package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/gittest"
	"github.com/socialmobility/ladder/internal/testtool"
)

// testRepo makes a repository with git isolated from the user's
// configuration, for the test's commands and for gitrev's alike.
func testRepo(t testing.TB) *gittest.Repo {
	t.Helper()
	gittest.Isolate(t)
	return gittest.New(t)
}

// commitFile commits content as name, dated date, with the subject
// "change NAME".
func commitFile(g *gittest.Repo, name, content, date string) {
	g.CommitAt(date, name, []byte(content), "change "+name)
}

func TestReadFileAtRevisions(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "other.txt", "x", "2027-01-16T10:00:00+00:00")
	commitFile(g, "plans/a.yaml", "two\nlines\n", "2027-02-01T10:00:00+01:00")
	g.Git("tag", "v1", "HEAD~1")

	r := openRepo(t, filepath.Join(g.Dir, "plans"))

	for rev, want := range map[string]string{"HEAD": "two\nlines\n", "HEAD~1": "one\n", "v1": "one\n", "main~2": "one\n"} {
		got, err := r.ReadFile(rev, "plans/a.yaml")
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", rev, got, err, want)
		}
	}
	// A file with no trailing line feed, and one that is empty, come back
	// byte for byte.
	if got, err := r.ReadFile("HEAD", "other.txt"); err != nil || string(got) != "x" {
		t.Errorf("ReadFile(other.txt) = %q, %v", got, err)
	}
	hash := g.Git("rev-parse", "HEAD~2")
	if got, err := r.Resolve("HEAD~2"); err != nil || got != hash {
		t.Errorf("Resolve(HEAD~2) = %q, %v; want %q", got, err, hash)
	}
}

func TestReadFileErrors(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	r := openRepo(t, g.Dir)

	tests := []struct {
		rev, path string
		is        error
		says      string
	}{
		{"nope", "plans/a.yaml", ErrUnknownRevision, `git does not know the revision "nope"`},
		{"HEAD~5", "plans/a.yaml", ErrUnknownRevision, `git does not know the revision "HEAD~5"`},
		{"", "plans/a.yaml", ErrUnknownRevision, "empty revision"},
		{"--help", "plans/a.yaml", ErrUnknownRevision, `"--help"`},
		{"HEAD\nHEAD", "plans/a.yaml", nil, "line break"},
		{"HEAD", "plans/b.yaml", ErrNotInRevision, "plans/b.yaml is not in revision HEAD"},
		{"HEAD", "plans", ErrNotInRevision, "plans is a folder in revision HEAD"},
	}
	for _, tt := range tests {
		_, err := r.ReadFile(tt.rev, tt.path)
		if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ReadFile(%q, %q) = %v; want %v saying %q", tt.rev, tt.path, err, tt.is, tt.says)
		}
	}
	// After all those misses the same process still answers.
	if got, err := r.ReadFile("HEAD", "plans/a.yaml"); err != nil || string(got) != "one\n" {
		t.Errorf("after errors: %q, %v", got, err)
	}
}

func TestOpenOutsideARepository(t *testing.T) {
	testtool.Need(t, "git")
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", dir)
	_, err := Open(filepath.Join(dir, "plans", "a.yaml"))
	if !errors.Is(err, ErrNotRepository) || !strings.Contains(err.Error(), "git init") {
		t.Errorf("Open outside a repository = %v", err)
	}
}

func TestLogOldestFirst(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/b.yaml", "b", "2027-01-20T10:00:00+00:00")
	commitFile(g, "plans/a.yaml", "2", "2027-02-01T23:30:00-05:00")
	commitFile(g, "plans/a.yaml", "3", "2027-03-01T10:00:00+00:00")
	r, log := openLog(t, g.Dir, "plans/a.yaml")
	var got []string
	for _, c := range log {
		got = append(got, c.Date.Format("2006-01-02 -0700")+" "+c.Subject)
		if len(c.Hash) < 40 || !strings.HasPrefix(c.Hash, c.Short) || len(c.Short) < 7 {
			t.Errorf("hash %q short %q", c.Hash, c.Short)
		}
	}
	want := []string{"2027-01-15 +0000 change plans/a.yaml", "2027-02-01 -0500 change plans/a.yaml", "2027-03-01 +0000 change plans/a.yaml"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if content, err := r.ReadFile(log[1].Hash, "plans/a.yaml"); err != nil || string(content) != "2" {
		t.Errorf("content at second commit = %q, %v", content, err)
	}

	// A file never committed, a path with pathspec magic characters, and
	// an empty repository all have empty histories.
	for _, path := range []string{"plans/new.yaml", "plans/*.yaml", ":(glob)**"} {
		if log, err := r.Log(path, LogOptions{}); err != nil || len(log) != 0 {
			t.Errorf("Log(%q) = %v, %v; want nothing", path, log, err)
		}
	}
	empty := testRepo(t)
	re := openRepo(t, empty.Dir)
	if log, err := re.Log("a.yaml", LogOptions{}); err != nil || len(log) != 0 {
		t.Errorf("Log in an empty repository = %v, %v", log, err)
	}
}

func TestRel(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1", "2027-01-15T10:00:00+00:00")
	link := filepath.Join(filepath.Dir(g.Dir), "link")
	if err := os.Symlink(g.Dir, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	r := openRepo(t, filepath.Join(link, "plans"))
	for path, want := range map[string]string{
		filepath.Join(g.Dir, "plans", "a.yaml"):         "plans/a.yaml",
		filepath.Join(link, "plans", "a.yaml"):          "plans/a.yaml",
		filepath.Join(link, "gone", "deleted.yaml"):     "gone/deleted.yaml",
		filepath.Join(g.Dir, "plans", "..", "top.yaml"): "top.yaml",
	} {
		if got, err := r.Rel(path); err != nil || got != want {
			t.Errorf("Rel(%s) = %q, %v; want %q", path, got, err, want)
		}
	}
	t.Chdir(filepath.Join(g.Dir, "plans"))
	if got, err := r.Rel("a.yaml"); err != nil || got != "plans/a.yaml" {
		t.Errorf("Rel(a.yaml) from plans/ = %q, %v", got, err)
	}
	if _, err := r.Rel(filepath.Join(filepath.Dir(g.Dir), "elsewhere.yaml")); err == nil || !strings.Contains(err.Error(), "outside the git repository") {
		t.Errorf("Rel outside = %v", err)
	}
}

func TestConcurrentReads(t *testing.T) {
	g := testRepo(t)
	for i := range 5 {
		commitFile(g, "a.txt", fmt.Sprint(i), fmt.Sprintf("2027-01-%02dT10:00:00+00:00", i+1))
	}
	r := openRepo(t, g.Dir)
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			for range 20 {
				got, err := r.ReadFile(fmt.Sprintf("HEAD~%d", 4-i), "a.txt")
				if err != nil || string(got) != fmt.Sprint(i) {
					t.Errorf("HEAD~%d: %q, %v", 4-i, got, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// A renamed file's log goes back past the rename, as git log --follow
// does, with the file's name and content at each commit; a hostile
// subject cannot pose as another commit.
func TestLogFollowsRenames(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/old.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/old.yaml", "1\n2\n3\n4\n5\n6\n7\n", "2027-01-20T10:00:00+00:00")
	g.Git("mv", "plans/old.yaml", "plans/new.yaml")
	g.GitAt("2027-02-01T10:00:00+00:00", "commit", "-q", "-m", "Move\x1fit\x1e:100644 100644 aaaaaaa bbbbbbb M")
	commitFile(g, "plans/new.yaml", "1\n2\n3\n4\n5\n6\n7\n8\n", "2027-03-01T10:00:00+00:00")
	g.Git("rm", "-q", "plans/new.yaml")
	g.GitAt("2027-04-01T10:00:00+00:00", "commit", "-q", "-m", "Archive")
	r, log := openLog(t, g.Dir, "plans/new.yaml")
	var got []string
	for _, c := range log {
		s := c.Date.Format("2006-01-02") + " " + c.Path
		if c.RenamedFrom != "" {
			s += " from " + c.RenamedFrom
		}
		if c.Deleted {
			s += " deleted"
		} else {
			data, err := r.ReadBlob(c.Blob)
			if err != nil {
				t.Fatal(err)
			}
			s += fmt.Sprintf(" %d lines", strings.Count(string(data), "\n"))
		}
		got = append(got, s)
	}
	want := []string{
		"2027-01-15 plans/old.yaml 6 lines",
		"2027-01-20 plans/old.yaml 7 lines",
		"2027-02-01 plans/new.yaml from plans/old.yaml 7 lines",
		"2027-03-01 plans/new.yaml 8 lines",
		"2027-04-01 plans/new.yaml deleted",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if log[2].Subject != "Move\x1fit\x1e:100644 100644 aaaaaaa bbbbbbb M" {
		t.Errorf("subject = %q", log[2].Subject)
	}
	for _, bad := range []string{"", "HEAD", "--output=x", "abc\n"} {
		if _, err := r.ReadBlob(bad); err == nil {
			t.Errorf("ReadBlob(%q) read something", bad)
		}
	}
}

// A plan added beside another it resembles (plans are mostly the
// checklist's template) starts its own history: git log --follow would
// take it for a copy and go on into the other plan's commits.
func TestLogStopsAtACopy(t *testing.T) {
	g := testRepo(t)
	template := "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
	commitFile(g, "plans/acme.yaml", "acme\n"+template, "2027-01-15T10:00:00+00:00")
	g.Write("plans/acme.yaml", []byte("acme, edited\n"+template))
	g.Write("plans/beta.yaml", []byte("beta\n"+template))
	g.Git("add", "plans")
	g.GitAt("2027-02-01T10:00:00+00:00", "commit", "-q", "-m", "Beta, and acme edited")
	commitFile(g, "plans/beta.yaml", "beta, edited\n"+template, "2027-03-01T10:00:00+00:00")
	if out := g.Git("log", "--follow", "--format=%s", "--", "plans/beta.yaml"); !strings.Contains(out, "change plans/acme.yaml") {
		t.Fatalf("git no longer follows a copy, and this test tests nothing:\n%s", out)
	}
	_, log := openLog(t, g.Dir, "plans/beta.yaml")
	var got []string
	for _, c := range log {
		got = append(got, c.Date.Format("2006-01-02")+" "+c.Path+" from "+c.RenamedFrom)
	}
	want := []string{"2027-02-01 plans/beta.yaml from ", "2027-03-01 plans/beta.yaml from "}
	if !slices.Equal(got, want) {
		t.Errorf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Changes lists what differs between a commit and the work tree: edits,
// renames, deletions, and new files whether added to git or not.
func TestChanges(t *testing.T) {
	g := testRepo(t)
	long := "1\n2\n3\n4\n5\n6\n7\n8\n"
	commitFile(g, "plans/kept.yaml", "k\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/edited.yaml", "e\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/moved.yaml", long, "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/gone.yaml", "g\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "other/x.yaml", "x\n", "2027-01-15T10:00:00+00:00")
	r, base := openAtHead(t, g.Dir)
	g.Write("plans/edited.yaml", []byte("e2\n"))
	g.Git("mv", "plans/moved.yaml", "plans/renamed.yaml")
	g.Write("plans/renamed.yaml", []byte(long+"9\n"))
	g.Git("rm", "-q", "plans/gone.yaml")
	commitFile(g, "plans/added.yaml", "a\n", "2027-02-01T10:00:00+00:00")
	g.Write("plans/untracked.yaml", []byte("u\n"))
	g.Write("plans/ignored.yaml", []byte("i\n"))
	g.Write(".gitignore", []byte("ignored.yaml\n"))
	g.Write("other/x.yaml", []byte("x2\n"))

	changes, err := r.Changes(base, "plans")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		s := string(c.Status) + " " + c.Path
		if c.OldPath != "" {
			s += " from " + c.OldPath
		}
		got = append(got, s)
	}
	want := "A plans/added.yaml|M plans/edited.yaml|D plans/gone.yaml|R plans/renamed.yaml from plans/moved.yaml|A plans/untracked.yaml"
	if strings.Join(got, "|") != want {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "|"), want)
	}
	if _, err := r.Changes("HEAD", "plans"); err == nil {
		t.Error("Changes took a revision that was not resolved first")
	}
}

// ReadBlobs sends every name at once and reads the answers in order: the
// same contents as reading each commit's file in turn. A name git does not
// have stops it with an error, and the repository still reads afterwards.
func TestReadBlobs(t *testing.T) {
	g := testRepo(t)
	for i := range 30 {
		commitFile(g, "plans/a.yaml", strings.Repeat(fmt.Sprintf("line %d\n", i), i+1), fmt.Sprintf("2027-01-%02dT10:00:00+00:00", i+1))
	}
	r, log := openLog(t, g.Dir, "plans/a.yaml")
	var blobs []string
	for _, c := range log {
		blobs = append(blobs, c.Blob)
	}
	// fn may read from the repository while the blobs stream (history
	// reads a plan's checklist file at the plan's commit): that once
	// waited for ever. (On its own Repo, which the test does not close if
	// it waits: closing would wait too.)
	reading, err := Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	done := make(chan error)
	go func() {
		done <- reading.ReadBlobs(blobs, func(i int, data []byte, _ error) error {
			want, err := reading.ReadFile(log[i].Hash, "plans/a.yaml")
			if err != nil || !bytes.Equal(data, want) {
				t.Errorf("blob %d: %q, want %q (%v)", i, data, want, err)
			}
			n++
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != nil || n != 30 {
			t.Fatalf("ReadBlobs: %d read, %v", n, err)
		}
		reading.Close()
	case <-time.After(20 * time.Second):
		t.Fatal("ReadBlobs, reading the repository meanwhile, did not finish in 20 s")
	}
	want := make([][]byte, len(log))
	for i, c := range log {
		want[i], _ = r.ReadFile(c.Hash, "plans/a.yaml")
	}
	bad := append(slices.Clone(blobs[:10]), strings.Repeat("0", 40))
	bad = append(bad, blobs[10:]...)
	if err := r.ReadBlobs(bad, func(int, []byte, error) error { return nil }); err == nil {
		t.Error("a name git does not have was read")
	}
	if data, err := r.ReadFile("HEAD", "plans/a.yaml"); err != nil || !bytes.Equal(data, want[29]) {
		t.Errorf("after the error, ReadFile = %q, %v", data, err)
	}
}

// openRepo opens the repository at dir (or a folder in it); it is closed
// when the test ends.
func openRepo(t *testing.T, dir string) *Repo {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// openAtHead opens the repository at dir, as openRepo does, and resolves
// HEAD: the commit Changes is asked about.
func openAtHead(t *testing.T, dir string) (*Repo, string) {
	t.Helper()
	r := openRepo(t, dir)
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	return r, head
}

// openLog opens repo and reads the log of path in it; the repository is
// closed when the test ends.
func openLog(t *testing.T, repo, path string) (*Repo, []Commit) {
	t.Helper()
	r := openRepo(t, repo)
	log, err := r.Log(path, LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r, log
}

// Two branches that edit a plan and are merged: the merge is in the log
// with the merged file, so the newest version listed is the file as it
// is. A merge that left the file as its first parent had it is not.
func TestLogListsMergesThatChangedTheFile(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-15T10:00:00+00:00")
	g.Git("checkout", "-q", "-b", "bob")
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\nsix\n", "2027-01-20T10:00:00+00:00")
	g.Git("checkout", "-q", "main")
	commitFile(g, "plans/a.yaml", "one\n2\n3\n4\n5\n6\n", "2027-01-21T10:00:00+00:00")
	g.GitAt("2027-01-22T10:00:00+00:00", "merge", "-q", "--no-edit", "-m", "Merge bob", "bob")
	g.Git("checkout", "-q", "-b", "other")
	commitFile(g, "notes.txt", "x", "2027-01-23T10:00:00+00:00")
	g.Git("checkout", "-q", "main")
	g.GitAt("2027-01-24T10:00:00+00:00", "merge", "-q", "--no-ff", "-m", "Merge other", "other")

	r, log := openLog(t, g.Dir, "plans/a.yaml")
	var got []string
	for _, c := range log {
		got = append(got, c.Subject)
	}
	want := []string{"change plans/a.yaml", "change plans/a.yaml", "change plans/a.yaml", "Merge bob"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	newest := log[len(log)-1]
	data, err := r.ReadBlob(newest.Blob)
	if err != nil || string(data) != "one\n2\n3\n4\n5\nsix\n" {
		t.Errorf("the merge's version = %q, %v; want both branches' edits", data, err)
	}
}

// In a shallow clone (CI's checkout without fetch-depth: 0) a base branch
// or an older commit is missing because it was never fetched: the message
// says so, and what to do, rather than only "try git log".
func TestUnknownRevisionInAShallowCloneSaysWhy(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/a.yaml", "two\n", "2027-01-16T10:00:00+00:00")
	g.Git("branch", "base", "HEAD~1")
	clone := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "1", "--single-branch", "file://"+g.Dir, clone)
	r := openRepo(t, clone)
	for _, rev := range []string{"origin/base", "HEAD~1"} {
		_, err := r.Resolve(rev)
		if !errors.Is(err, ErrUnknownRevision) || !strings.Contains(err.Error(), "this clone is shallow") || !strings.Contains(err.Error(), "fetch-depth: 0") {
			t.Errorf("Resolve(%q) in a shallow clone = %v", rev, err)
		}
	}
	// A full repository keeps the usual hint.
	if _, err := openRepo(t, g.Dir).Resolve("nope"); err == nil || strings.Contains(err.Error(), "shallow") {
		t.Errorf("Resolve(nope) in a full clone = %v", err)
	}
}

// A branch's changes count from where it left main; a commit HEAD has
// is its own branch point; histories that never meet fall back to the
// commit itself.
func TestBranchPoint(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	base := g.Git("rev-parse", "HEAD")
	g.Git("checkout", "-q", "-b", "ana")
	commitFile(g, "plans/a.yaml", "ana\n", "2027-01-16T10:00:00+00:00")
	g.Git("checkout", "-q", "main")
	commitFile(g, "plans/b.yaml", "main\n", "2027-01-17T10:00:00+00:00")
	mainTip := g.Git("rev-parse", "HEAD")
	g.Git("checkout", "-q", "--orphan", "lonely")
	commitFile(g, "plans/c.yaml", "alone\n", "2027-01-18T10:00:00+00:00")
	lonely := g.Git("rev-parse", "HEAD")
	g.Git("checkout", "-q", "ana")
	r := openRepo(t, g.Dir)
	for name, tc := range map[string]struct {
		commit, want string
		ok           bool
	}{
		"main moved on":       {mainTip, base, true},
		"an ancestor":         {base, base, true},
		"no commit in common": {lonely, lonely, false},
	} {
		if got, ok := r.BranchPoint(tc.commit); got != tc.want || ok != tc.ok {
			t.Errorf("%s: BranchPoint(%s) = %s, %v, want %s, %v", name, tc.commit, got, ok, tc.want, tc.ok)
		}
	}
}

// With FirstParent, a branch's commits are left out and its merge is
// listed with the file as the merge left it, through a rename made on
// the branch: git combines --first-parent with --follow.
func TestLogFirstParentListsMergesNotBranchCommits(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-15T10:00:00+00:00")
	g.Git("checkout", "-q", "-b", "bob")
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\nsix\n", "2027-01-16T10:00:00+00:00")
	g.Git("mv", "plans/a.yaml", "plans/b.yaml")
	g.GitAt("2027-01-17T10:00:00+00:00", "commit", "-q", "-m", "Move")
	g.Git("checkout", "-q", "main")
	commitFile(g, "notes.txt", "x", "2027-01-18T10:00:00+00:00")
	g.GitAt("2027-01-19T10:00:00+00:00", "merge", "-q", "--no-ff", "-m", "Merge bob", "bob")

	r := openRepo(t, g.Dir)
	log, err := r.Log("plans/b.yaml", LogOptions{FirstParent: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range log {
		got = append(got, c.Subject+" "+c.Path+" from "+c.RenamedFrom)
	}
	want := []string{"change plans/a.yaml plans/a.yaml from ", "Merge bob plans/b.yaml from plans/a.yaml"}
	if !slices.Equal(got, want) {
		t.Fatalf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// history says a merge row stands for its branch's commits.
	if log[0].Merge || !log[1].Merge {
		t.Errorf("Merge = %v, %v; want false for the commit, true for the merge", log[0].Merge, log[1].Merge)
	}
	if data, err := r.ReadBlob(log[1].Blob); err != nil || string(data) != "1\n2\n3\n4\n5\nsix\n" {
		t.Errorf("the merge's version = %q, %v; want the branch's edit", data, err)
	}
	// Without it, the branch's commits are there.
	if all, err := r.Log("plans/b.yaml", LogOptions{}); err != nil || len(all) <= len(log) {
		t.Errorf("the whole log has %d commits (%v); want more than %d", len(all), err, len(log))
	}
}

// A branch moves the plan twice (a to b, then b to c), editing it on the
// way, while main edits it under its first name; after the merge another
// file takes the first name. The log follows each line of history under
// its own name: every commit of both is listed, with the plan's name in
// it, no rename reads as a deletion, and the newcomer's commits are not
// the plan's. (git log --follow took the merge's rename for every older
// commit: the branch's move read as a deletion, its edits went missing.)
func TestLogFollowsRenamesOnABranch(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-15T10:00:00+00:00")
	g.Git("checkout", "-q", "-b", "years")
	g.Git("mv", "plans/a.yaml", "plans/b.yaml")
	g.GitAt("2027-01-16T10:00:00+00:00", "commit", "-q", "-m", "a to b")
	commitFile(g, "plans/b.yaml", "1\n2\n3\n4\n5\nsix\n", "2027-01-17T10:00:00+00:00")
	g.Git("mv", "plans/b.yaml", "plans/c.yaml")
	g.GitAt("2027-01-18T10:00:00+00:00", "commit", "-q", "-m", "b to c")
	g.Git("checkout", "-q", "main")
	commitFile(g, "plans/a.yaml", "one\n2\n3\n4\n5\n6\n", "2027-01-19T10:00:00+00:00")
	g.GitAt("2027-01-20T10:00:00+00:00", "merge", "-q", "--no-ff", "-m", "Merge years", "years")
	commitFile(g, "plans/a.yaml", "another plan\n", "2027-01-21T10:00:00+00:00")
	commitFile(g, "plans/c.yaml", "one\n2\n3\n4\n5\nsix\nseven\n", "2027-01-22T10:00:00+00:00")

	_, log := openLog(t, g.Dir, "plans/c.yaml")
	var got []string
	for _, c := range log {
		s := c.Subject + " " + c.Path
		if c.RenamedFrom != "" {
			s += " from " + c.RenamedFrom
		}
		if c.Deleted || c.Blob == "" {
			s += " (no version)"
		}
		got = append(got, s)
	}
	want := []string{
		"change plans/a.yaml plans/a.yaml",
		"a to b plans/b.yaml from plans/a.yaml",
		"change plans/b.yaml plans/b.yaml",
		"b to c plans/c.yaml from plans/b.yaml",
		"change plans/a.yaml plans/a.yaml",
		"Merge years plans/c.yaml from plans/a.yaml",
		"change plans/c.yaml plans/c.yaml",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// main renames the plan while a branch, merged later, edits it under its
// old name after the rename: the branch's edit is listed, by its date,
// after the rename (--follow had gone on under the new name and left it
// out).
func TestLogListsABranchsEditsUnderTheOldNameByDate(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-15T10:00:00+00:00")
	g.Git("branch", "bob")
	g.Git("mv", "plans/a.yaml", "plans/z.yaml")
	g.GitAt("2027-01-16T10:00:00+00:00", "commit", "-q", "-m", "a to z")
	g.Git("checkout", "-q", "bob")
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\nsix\n", "2027-01-17T10:00:00+00:00")
	g.Git("checkout", "-q", "main")
	g.GitAt("2027-01-18T10:00:00+00:00", "merge", "-q", "--no-ff", "-m", "Merge bob", "bob")

	_, log := openLog(t, g.Dir, "plans/z.yaml")
	var got []string
	for _, c := range log {
		got = append(got, c.Subject+" "+c.Path)
	}
	want := []string{"change plans/a.yaml plans/a.yaml", "a to z plans/z.yaml", "change plans/a.yaml plans/a.yaml", "Merge bob plans/z.yaml"}
	if !slices.Equal(got, want) {
		t.Fatalf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A plan moved more than once on one line of history (a to b to c): the
// commits older than the second move are listed too. The walk over the
// names found so far (c, b) leaves out the commits older than b's, and
// so the parent of the move to b: whether it renamed the file is asked
// of the commit itself, as git log --follow does.
func TestLogFollowsEveryRenameOnOneLine(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-15T10:00:00+00:00")
	g.Git("mv", "plans/a.yaml", "plans/b.yaml")
	g.GitAt("2027-01-16T10:00:00+00:00", "commit", "-q", "-m", "a to b")
	g.Git("mv", "plans/b.yaml", "plans/c.yaml")
	g.GitAt("2027-01-17T10:00:00+00:00", "commit", "-q", "-m", "b to c")

	_, log := openLog(t, g.Dir, "plans/c.yaml")
	var got []string
	for _, c := range log {
		got = append(got, c.Subject+" "+c.Path+" from "+c.RenamedFrom)
	}
	want := []string{"change plans/a.yaml plans/a.yaml from ", "a to b plans/b.yaml from plans/a.yaml", "b to c plans/c.yaml from plans/b.yaml"}
	if !slices.Equal(got, want) {
		t.Fatalf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A plan moved more often than the names the log looks for it under
// (maxNames): the moves to those names are listed, the oldest as the
// rename it is, rather than nothing at all.
func TestLogStopsAtTheNamesItLooksFor(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/p0.yaml", "1\n2\n3\n4\n5\n6\n", "2027-01-01T10:00:00+00:00")
	n := maxNames + 4
	for i := 1; i <= n; i++ {
		g.Git("mv", fmt.Sprintf("plans/p%d.yaml", i-1), fmt.Sprintf("plans/p%d.yaml", i))
		g.GitAt(fmt.Sprintf("2027-01-%02dT10:00:00+00:00", i+1), "commit", "-q", "-m", fmt.Sprintf("move %d", i))
	}

	_, log := openLog(t, g.Dir, fmt.Sprintf("plans/p%d.yaml", n))
	if len(log) != maxNames {
		t.Fatalf("log has %d commits; want the %d moves to the names looked for", len(log), maxNames)
	}
	oldest := n - maxNames + 1
	if c := log[0]; c.Subject != fmt.Sprintf("move %d", oldest) || c.RenamedFrom != fmt.Sprintf("plans/p%d.yaml", oldest-1) {
		t.Errorf("the oldest commit listed is %q from %q; want move %d from plans/p%d.yaml", c.Subject, c.RenamedFrom, oldest, oldest-1)
	}
}

// TestRenamedTo: a file followed forward from a name it had is found
// under the name a commit renamed it to (edited in the same commit too);
// a commit that removed it outright, or changed it in place, renamed
// nothing, and nor did one that did not touch it.
func TestRenamedTo(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/acme-2026.yaml", "1\n2\n3\n4\n5\n6\n7\n8\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/other.yaml", "other\n", "2027-01-16T10:00:00+00:00")
	g.Git("rm", "-q", "plans/acme-2026.yaml")
	g.Write("plans/archive 2026/acme.yaml", []byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n"))
	g.Git("add", "plans")
	g.GitAt("2027-02-01T10:00:00+00:00", "commit", "-q", "-m", "Archive")
	commitFile(g, "plans/archive 2026/acme.yaml", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "2027-03-01T10:00:00+00:00")
	g.Git("rm", "-q", "plans/archive 2026/acme.yaml")
	g.GitAt("2027-04-01T10:00:00+00:00", "commit", "-q", "-m", "Tidy up")
	r := openRepo(t, g.Dir)
	at := func(rev string) string {
		h, err := r.Resolve(rev)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	for _, tc := range []struct{ rev, path, want string }{
		{"HEAD~2", "plans/acme-2026.yaml", "plans/archive 2026/acme.yaml"}, // renamed
		{"HEAD", "plans/archive 2026/acme.yaml", ""},                       // removed
		{"HEAD~1", "plans/archive 2026/acme.yaml", ""},                     // changed in place
		{"HEAD~3", "plans/acme-2026.yaml", ""},                             // not touched
	} {
		got, err := r.RenamedTo(at(tc.rev), tc.path)
		if err != nil || got != tc.want {
			t.Errorf("RenamedTo(%s, %s) = %q, %v; want %q", tc.rev, tc.path, got, err, tc.want)
		}
	}
	if _, err := r.RenamedTo("HEAD", "plans/acme-2026.yaml"); err == nil {
		t.Error("RenamedTo took a revision that is not a commit name")
	}
}

// TestReadable: the plan files git can still give a version of are HEAD's
// and those deleted or moved away in its history, and no others; a
// repository with no commit has none.
func TestReadable(t *testing.T) {
	g := testRepo(t)
	r := openRepo(t, g.Dir)
	if got, err := r.Readable(); err != nil || len(got) != 0 {
		t.Fatalf("before the first commit: %v, %v; want none", got, err)
	}
	commitFile(g, "plans/2026/acme.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	commitFile(g, "plans/2026/beta.yaml", "two\n", "2027-01-15T11:00:00+00:00")
	commitFile(g, "plans/gamma.yaml", "three\n", "2027-01-15T12:00:00+00:00")
	commitFile(g, "notes.txt", "x\n", "2027-01-15T13:00:00+00:00")
	g.Git("rm", "-q", "plans/2026/acme.yaml")
	g.Git("commit", "-q", "-m", "Acme's done")
	g.Git("mv", "plans/2026/beta.yaml", "plans/archive-beta.yaml")
	g.Git("commit", "-q", "-m", "Beta archived")
	g.Write("plans/new.yaml", []byte("not committed\n"))
	got, err := r.Readable()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"plans/2026/acme.yaml": true, "plans/2026/beta.yaml": true, "plans/archive-beta.yaml": true, "plans/gamma.yaml": true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Readable() = %v, want %v", got, want)
	}
}

// TestReadableTakesOddNamesAsTheyAre: a plan's file name from a pull
// request may hold a line break, quotes, bytes not in UTF-8 or begin with
// '-'; each is read as git has it, and none is taken for another plan's
// name (a name "\nbeta.yaml" is not beta.yaml, which git never had).
func TestReadableTakesOddNamesAsTheyAre(t *testing.T) {
	g := testRepo(t)
	r := openRepo(t, g.Dir)
	odd := []string{"\nbeta.yaml", "plans/-gamma.yaml", `plans/"q" é.yaml`, "plans/\xffd.yaml", "\nepsilon.yaml"}
	for i, name := range odd {
		commitFile(g, name, "x\n", fmt.Sprintf("2027-01-15T1%d:00:00+00:00", i))
	}
	g.Git(append([]string{"rm", "-q", "--"}, odd[:3]...)...)
	g.Git("commit", "-q", "-m", "removed")
	got, err := r.Readable()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range odd {
		if !got[name] {
			t.Errorf("Readable() lacks %q: %v", name, got)
		}
	}
	for _, never := range []string{"beta.yaml", "epsilon.yaml"} {
		if got[never] {
			t.Errorf("Readable() has %q, which git never had: %v", never, got)
		}
	}
}

// countingGit puts first on PATH, for the test's duration, a git that
// notes each run (its first argument that is not an option) and runs the
// real one; it returns the runs noted so far.
func countingGit(t *testing.T) func() []string {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "runs")
	script := "#!/bin/sh\nfor a in \"$@\"; do case $a in -*) ;; *) echo \"$a\" >>'" + log + "'; break;; esac; done\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() []string {
		data, _ := os.ReadFile(log)
		return strings.Fields(string(data))
	}
}

// A command opens the repository of one folder several times (ladder
// history three times at once) and asks whether the clone is shallow:
// git answers it all once, and a folder git did not find a repository in
// is asked again (it may be one since).
func TestOpenAsksGitOncePerFolder(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	clone := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "1", "file://"+g.Dir, clone)
	root, err := filepath.EvalSymlinks(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	runs := countingGit(t)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			r, err := Open(filepath.Join(g.Dir, "plans", "a.yaml"))
			if err != nil || r.Root != root || r.Shallow() {
				t.Errorf("Open = %v, %v (shallow %v)", r, err, r != nil && r.Shallow())
			}
		})
	}
	wg.Wait()
	if r := openRepo(t, clone); !r.Shallow() {
		t.Error("a clone of depth 1 is not said shallow")
	}
	if got := runs(); !slices.Equal(got, []string{"rev-parse", "rev-parse"}) {
		t.Errorf("git ran %q, want rev-parse once for each folder", got)
	}

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", outside)
	if _, err := Open(outside); !errors.Is(err, ErrNotRepository) {
		t.Fatalf("Open outside a repository = %v", err)
	}
	if out, err := exec.Command("git", "init", "-q", outside).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	if _, err := Open(outside); err != nil {
		t.Errorf("Open once git init made the folder a repository = %v", err)
	}
}

// Changes asked again of a Repo is answered from the first asking: diff
// --rev asks it four times, two git processes each. The files git does
// not track are listed once, for the whole tree: a folder's are among
// them.
func TestChangesAskGitOnce(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	r, base := openAtHead(t, g.Dir)
	g.Write("plans/a.yaml", []byte("two\n"))
	runs := countingGit(t)
	for range 2 {
		for _, dir := range []string{"plans", ""} {
			changes, err := r.Changes(base, dir)
			if err != nil || len(changes) != 1 || changes[0].Path != "plans/a.yaml" {
				t.Fatalf("Changes(%q) = %v, %v", dir, changes, err)
			}
			changes[0].Path = "changed by the caller"
		}
	}
	if got := runs(); !slices.Equal(got, []string{"diff", "ls-files", "diff"}) {
		t.Errorf("git ran %q, want diff once for each folder, and ls-files once for the whole tree", got)
	}
}

// The files git does not track are listed once for the whole tree and a
// folder's taken from that list: for every folder they are the ones git
// lists asked of that folder alone, where a neighbour's name begins with
// the folder's (plans2 beside plans), a name has spaces, letters beyond
// ASCII or quotes (git quotes those unless -z), or lies deeper down.
func TestChangesTakesAFoldersNewFilesAsGitDoes(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/kept.yaml", "k\n", "2027-01-15T10:00:00+00:00")
	for _, name := range []string{
		"plans/new.yaml", "plans2/new.yaml", "plans.yaml", "plansx",
		"plans/2026/deeper.yaml", "plans 2026/a b.yaml", "plans 2026x/c.yaml",
		"plans/équipe/ü \"q\".yaml", "plans/équipe2/x.yaml", "other/o.yaml",
		"plans/tab\there.yaml", "plans/back\\slash.yaml", "top.yaml",
	} {
		g.Write(name, []byte("u\n"))
	}
	// git lists every file under a folder of its own, not the folder.
	nested := filepath.Join(g.Dir, "plans", "nested")
	if out, err := exec.Command("git", "init", "-q", nested).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	g.Write("plans/nested/n.yaml", []byte("n\n"))
	r, base := openAtHead(t, g.Dir)
	for _, dir := range []string{"plans", "plans2", "plans 2026", "plans/équipe", "plans/2026", "plans/nested", "other", "none", ""} {
		spec := dir
		if spec == "" {
			spec = "."
		}
		out := g.Git("--literal-pathspecs", "ls-files", "-z", "--others", "--exclude-standard", "--", spec)
		want := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
		if out == "" {
			want = nil
		}
		slices.Sort(want)
		changes, err := r.Changes(base, dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range changes {
			if c.Status != 'A' {
				t.Errorf("Changes(%q): %c %s, want only new files", dir, c.Status, c.Path)
			}
			got = append(got, c.Path)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Changes(%q) new files:\n%q\ngit asked of the folder lists:\n%q", dir, got, want)
		}
	}
}

// A Repo keeps Changes' answers for as long as it is open (one command's
// questions); a Repo opened afterwards asks git again, and sees a file
// made or edited since, though the folder's top is kept.
func TestChangesOfARepoOpenedSinceSeeNewFiles(t *testing.T) {
	g := testRepo(t)
	commitFile(g, "plans/a.yaml", "one\n", "2027-01-15T10:00:00+00:00")
	r, base := openAtHead(t, g.Dir)
	for _, dir := range []string{"plans", ""} {
		if changes, err := r.Changes(base, dir); err != nil || len(changes) != 0 {
			t.Fatalf("Changes(%q) before any change = %v, %v", dir, changes, err)
		}
	}
	g.Write("plans/a.yaml", []byte("two\n"))
	g.Write("plans/new.yaml", []byte("new\n"))
	again := openRepo(t, g.Dir)
	for _, dir := range []string{"plans", ""} {
		changes, err := again.Changes(base, dir)
		if err != nil || len(changes) != 2 || changes[0] != (Change{Status: 'M', Path: "plans/a.yaml"}) || changes[1] != (Change{Status: 'A', Path: "plans/new.yaml"}) {
			t.Errorf("Changes(%q) of a Repo opened after the edit = %v, %v", dir, changes, err)
		}
	}
}
