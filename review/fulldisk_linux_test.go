package review_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/review"
)

// On a full disk nothing can be saved beside the plan, not even a copy,
// though an empty file can still be made there: the copy ladder offers
// is where it fits (the folder ladder was started in, here), and a copy
// that fails says why in plain words, not "write .acme.yaml.123.tmp: no
// space left on device". It needs a small disk of its own: a tmpfs,
// which only root may mount; elsewhere the test is skipped.
func TestOnAFullDiskTheCopyGoesWhereItFits(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	if err := os.Mkdir(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small disk to fill: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", full).Run() })
	t.Chdir(dir)

	c, _ := checklist.Builtin(checklist.DefaultID)
	s, err := review.Create(review.NewPlan{Path: filepath.Join(full, "plans", "acme.yaml"), Organisation: "Acme", Title: "Spring review", Checklist: c, Today: today}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Fill the disk.
	filler, err := os.Create(filepath.Join(full, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := filler.Write(bytes.Repeat([]byte{'x'}, 1024)); err != nil {
			break
		}
	}
	filler.Close()

	sn, _ := s.Rate(firstItem(s), "red")
	if o := s.Save(sn); o.Err == nil {
		t.Fatal("saved to a full disk")
	}
	copyPath := s.RescuePath()
	if strings.HasPrefix(copyPath, full) {
		t.Errorf("the copy is offered on the full disk: %s", copyPath)
	}
	if err := s.SaveCopy(copyPath); err != nil {
		t.Errorf("the copy offered could not be saved: %v", err)
	}
	err = s.SaveCopy(filepath.Join(full, "plans", "acme.copy-1.yaml"))
	if err == nil || err.Error() != "the disk is full" {
		t.Errorf("a copy on the full disk fails with %v, want the words %q", err, "the disk is full")
	}
}
