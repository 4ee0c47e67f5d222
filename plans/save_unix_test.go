//go:build unix

package plans_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// Issue 15.9: new files honour the umask, as other tools' do: plans hold
// notes about named people. A conflict copy is as private as its plan.
func TestNewFilesHonourTheUmask(t *testing.T) {
	c, _ := checklist.Builtin(checklist.DefaultID)
	for umask, want := range map[int]os.FileMode{0o077: 0o600, 0o022: 0o644, 0o002: 0o664} {
		old := syscall.Umask(umask)
		path := filepath.Join(t.TempDir(), "plan.yaml")
		f, err := plans.Create(path, plans.New(c, "Acme", "Spring", plans.Date{Year: 2027, Month: 3, Day: 1}))
		if err != nil {
			syscall.Umask(old)
			t.Fatal(err)
		}
		info, _ := os.Stat(path)
		// A save that conflicts leaves a copy with the plan's own mode.
		other, _ := plans.Open(path, nil)
		other.Plan.Response("lc-vision").Action = "theirs"
		other.Save()
		f.Plan.Response("lc-vision").Action = "ours"
		_, err = f.Save()
		cp, cerr := f.SaveCopy()
		syscall.Umask(old)
		if got := info.Mode().Perm(); got != want {
			t.Errorf("umask %03o: new plan has mode %03o, want %03o", umask, got, want)
		}
		if !errors.Is(err, plans.ErrChangedOnDisk) || cerr != nil {
			t.Fatalf("conflict: %v, copy: %v", err, cerr)
		}
		if ci, _ := os.Stat(cp.Path); ci.Mode().Perm() != want {
			t.Errorf("umask %03o: the conflict copy has mode %03o, want %03o", umask, ci.Mode().Perm(), want)
		}
		f.Close()
		other.Close()
		cp.Close()
	}
}

func openPlan(t *testing.T, path string) *plans.File {
	t.Helper()
	f, err := plans.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// A read-only plan is not overwritten (as editors refuse to), and the
// message says how to go on; once it is writable, saving works again.
func TestReadOnlyPlanIsNotOverwritten(t *testing.T) {
	path := newPlanFile(t, t.TempDir())
	f := openPlan(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	f.Plan.Response("lc-vision").Action = "an answer"
	_, err := f.Save()
	if !errors.Is(err, plans.ErrNotReplaced) || !strings.Contains(err.Error(), "is read-only, so ladder left it as it is: make it writable (for example chmod u+w ") {
		t.Fatalf("saving a read-only plan: err = %v", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(before) {
		t.Fatal("the read-only plan was overwritten")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if written, err := f.Save(); err != nil || !written {
		t.Fatalf("once writable: written=%v err=%v", written, err)
	}
	// fmt goes through the same door.
	os.Chmod(path, 0o400)
	if _, err := plans.WriteFileAtomic(path, []byte("x\n"), 0o644); !errors.Is(err, plans.ErrNotReplaced) {
		t.Errorf("WriteFileAtomic over a read-only file: %v", err)
	}
}

// A plan that is a symbolic link is saved through the link: the target
// changes and the link stays a link. A link out of the repository is not
// written through.
func TestSymlinkedPlanIsWrittenThrough(t *testing.T) {
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.Mkdir(filepath.Join(repo, "shared"), 0o755)
	os.Mkdir(filepath.Join(repo, "plans"), 0o755)
	target := newPlanFile(t, filepath.Join(repo, "shared"))
	link := filepath.Join(repo, "plans", "acme.yaml")
	if err := os.Symlink("../shared/plan.yaml", link); err != nil {
		t.Fatal(err)
	}
	f := openPlan(t, link)
	f.Plan.Response("lc-vision").Action = "through the link"
	if _, err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a link: %v", info.Mode())
	}
	if p, err := plans.LoadFile(target, nil); err != nil || p.Response("lc-vision").Action != "through the link" {
		t.Fatalf("the target was not updated: %v", err)
	}
	// Saved again through the link: the compare-and-swap sees the target.
	f.Plan.Response("lc-vision").Action = "twice"
	if _, err := f.Save(); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "elsewhere.md")
	os.WriteFile(outside, []byte("keep me\n"), 0o644)
	out := filepath.Join(repo, "report.md")
	os.Symlink(outside, out)
	if _, err := plans.WriteFileAtomic(out, []byte("report\n"), 0o644); !errors.Is(err, plans.ErrNotReplaced) || !strings.Contains(err.Error(), "symbolic link to a file outside the repository") {
		t.Errorf("writing through a link out of the repository: %v", err)
	}
	if data, _ := os.ReadFile(outside); string(data) != "keep me\n" {
		t.Error("the file outside the repository was overwritten")
	}
}

// A plan with two names (a hard link) is not silently split in two.
func TestHardLinkedPlanIsNotSeparated(t *testing.T) {
	dir := t.TempDir()
	path := newPlanFile(t, dir)
	other := filepath.Join(dir, "other-name.yaml")
	if err := os.Link(path, other); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	f := openPlan(t, path)
	f.Plan.Response("lc-vision").Action = "an answer"
	_, err := f.Save()
	if !errors.Is(err, plans.ErrNotReplaced) || !strings.Contains(err.Error(), "has 2 names (hard links)") {
		t.Fatalf("saving a hard-linked plan: err = %v", err)
	}
	a, _ := os.Stat(path)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) {
		t.Error("the two names no longer name the same file")
	}
}

// Issue 15.10: a save killed half way leaves its temporary file; the next
// save of the plan removes it (and only the plan's own).
func TestLeftoverTempFilesRemovedOnNextSave(t *testing.T) {
	dir := t.TempDir()
	path := newPlanFile(t, dir)
	leftovers := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, ".plan.yaml.[0-9]*.tmp"))
		return m
	}
	found := false
	for kill := 0; kill < 30 && !found; kill++ {
		c := startChild(t, "saveloop", path)
		if l := c.line(t); l != "ready" {
			t.Fatalf("child: %s", l)
		}
		time.Sleep(time.Duration(5+kill*3) * time.Millisecond)
		c.cmd.Process.Kill()
		c.cmd.Wait()
		found = len(leftovers()) > 0
	}
	if !found {
		t.Skip("no save was caught half way in 30 kills")
	}
	keep := []string{filepath.Join(dir, ".other.yaml.123.tmp"), filepath.Join(dir, ".plan.yaml.x1.tmp"), filepath.Join(dir, "notes.txt")}
	for _, k := range keep {
		os.WriteFile(k, []byte("x"), 0o644)
	}
	if _, err := plans.LoadFile(path, nil); err != nil {
		t.Fatalf("the plan was torn by a kill: %v", err)
	}
	f := openPlan(t, path)
	f.Plan.Response("lc-vision").Action = "after the kills"
	if _, err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(); len(l) != 0 {
		t.Errorf("left over after the next save: %v", l)
	}
	for _, k := range keep {
		if _, err := os.Stat(k); err != nil {
			t.Errorf("%s, not ladder's leftover of this plan, was removed", filepath.Base(k))
		}
	}
}

// A plan grown past what ladder reads back is not written: ladder would
// write a file it then refuses.
func TestPlanTooBigToReadBackIsNotWritten(t *testing.T) {
	path := newPlanFile(t, t.TempDir())
	f := openPlan(t, path)
	before, _ := os.ReadFile(path)
	for _, e := range f.Plan.Checklist.Items() {
		f.Plan.Response(e.Item.ID).Notes = strings.Repeat("a long note, pasted in again and again\n", 1000)
	}
	_, err := f.Save()
	if !errors.Is(err, plans.ErrNotReplaced) || !strings.Contains(err.Error(), "more than the 524288 ladder reads back: shorten the longest notes") {
		t.Fatalf("saving a plan too big to read back: %v", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(before) {
		t.Error("the file was written")
	}
}

// The command a message gives to fix a plan named with a leading dash,
// listed from its own folder, takes no file name for a flag: "chmod u+w
// -late.yaml" would read it as options.
func TestAFixForAPlanNamedLikeAFlagNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	src := newPlanFile(t, dir)
	if err := os.Rename(src, "-late.yaml"); err != nil {
		t.Fatal(err)
	}
	f := openPlan(t, "-late.yaml")
	if err := os.Chmod("-late.yaml", 0o444); err != nil {
		t.Fatal(err)
	}
	f.Plan.Response("lc-vision").Action = "an answer"
	if _, err := f.Save(); err == nil || !strings.Contains(err.Error(), "chmod u+w ./-late.yaml)") {
		t.Fatalf("saving a read-only plan named -late.yaml: err = %v", err)
	}
}
