//go:build unix

package plans_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/socialmobility/ladder/plans"
)

// TestChecklistFileIsNotADevice: a plan names its custom checklist file, so
// the plan's author, not the user running `ladder check`, picks what is
// read. A device that never ends or a named pipe must give a problem at
// the checklist line, not a hang or an out-of-memory crash.
func TestChecklistFileIsNotADevice(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"pipe.yaml": "plan.yaml:3:3: " + filepath.Join(dir, "pipe.yaml") + ":1:1: not a regular file (a named pipe)",
		"/dev/zero": `plan.yaml:3:3: checklist file "/dev/zero" should be a path relative to the plan's folder`,
	} {
		plan := "schema: 1\nchecklist:\n  id: custom\n  version: '1'\n  file: " + file + "\n"
		done := make(chan error, 1)
		go func() {
			_, err := plans.Parse(filepath.Join(dir, "plan.yaml"), []byte(plan), nil)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("file: %s: err = %v, want %s", file, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("file: %s: still reading after 5s", file)
		}
	}
}

// TestChecklistFileStaysInTheRepository is the attack of issue 15.1: a
// plan whose checklist.file names a secret elsewhere on the machine made
// `ladder check` print the secret. The file must be named by a relative
// path to a regular file inside the repository, and no message may quote
// what such a file holds.
func TestChecklistFileStaysInTheRepository(t *testing.T) {
	const secret = "ghp_SECRETsecretSECRETsecret0123456789"
	top := t.TempDir()
	write := func(rel, content string) string {
		path := filepath.Join(top, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	outside := write("home/.token", secret+"\n")
	write("repo/.git/HEAD", "ref: refs/heads/main\n")
	write("repo/secret.yaml", secret+"\n") // inside, but not a checklist
	write("repo/checklists/ours.yaml", customChecklist)
	if err := os.Symlink("../../home/.token", filepath.Join(top, "repo/plans/link.yaml")); err != nil {
		// plans/ does not exist yet: make it first
		write("repo/plans/.keep", "")
		if err := os.Symlink("../../home/.token", filepath.Join(top, "repo/plans/link.yaml")); err != nil {
			t.Fatal(err)
		}
	}
	planWithFile := func(file string) string {
		return write("repo/plans/plan.yaml", "schema: 1\nchecklist:\n  id: ours\n  version: '1'\n  file: "+file+"\norganisation: Acme\nitems:\n")
	}
	for _, tc := range []struct{ file, want string }{
		{outside, "should be a path relative to the plan's folder, not an absolute one"},
		{"../../home/.token", "is outside the repository"},
		{"link.yaml", `checklist file "link.yaml" is outside the repository`},
		{"../secret.yaml", "the checklist should be a mapping of keys to values (key: value lines), but the file holds a single value"},
	} {
		path := planWithFile(tc.file)
		_, err := plans.LoadFile(path, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("file: %s: err = %v, want %q", tc.file, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), secret[:8]) {
			t.Errorf("file: %s: the message quotes the file's contents: %v", tc.file, err)
		}
	}
	// A checklist kept in the repository, beside the plans, is read.
	path := planWithFile("../checklists/ours.yaml")
	if p, err := plans.LoadFile(path, nil); err != nil || p.Checklist.ID != "ours" {
		t.Errorf("a checklist inside the repository: %v", err)
	}
	// A plan that is itself a link out of the repository is not read.
	evil := filepath.Join(top, "repo/plans/evil.yaml")
	if err := os.Symlink("../../home/.token", evil); err != nil {
		t.Fatal(err)
	}
	_, err := plans.LoadFile(evil, nil)
	if err == nil || !strings.Contains(err.Error(), "evil.yaml:1:1: a symbolic link to a file outside the repository") || strings.Contains(err.Error(), secret[:8]) {
		t.Errorf("a plan linking out of the repository: %v", err)
	}
	// Outside git, the plan's own folder is the limit, or the project
	// folder holding a plans/ folder (ladder's own layout).
	write("loose/ours.yaml", customChecklist)
	loose := write("loose/reviews/p.yaml", "schema: 1\nchecklist:\n  id: ours\n  version: '1'\n  file: ../ours.yaml\n")
	if _, err := plans.LoadFile(loose, nil); err == nil || !strings.Contains(err.Error(), "is outside the plan's folder") {
		t.Errorf("outside git, a checklist above the plan's folder: %v", err)
	}
	project := write("loose/plans/p.yaml", "schema: 1\nchecklist:\n  id: ours\n  version: '1'\n  file: ../ours.yaml\n")
	if _, err := plans.LoadFile(project, nil); err != nil {
		t.Errorf("outside git, a checklist beside the plans folder: %v", err)
	}
	// ladder new (and the set-up screens) refuse such a checklist at once.
	if _, err := plans.ChecklistFileRef(filepath.Join(top, "loose/reviews"), filepath.Join(top, "loose/ours.yaml")); err == nil {
		t.Error("ChecklistFileRef accepted a checklist the plan could not read back")
	}
	if ref, err := plans.ChecklistFileRef(filepath.Join(top, "repo/plans"), filepath.Join(top, "repo/checklists/ours.yaml")); err != nil || ref != "../checklists/ours.yaml" {
		t.Errorf("ChecklistFileRef inside the repository = %q, %v", ref, err)
	}
}

const customChecklist = `id: ours
title: Our review
version: "1"
scale:
  - key: low
  - key: high
areas:
  - id: people
    items:
      - id: pay
        title: Do we pay fairly?
`
