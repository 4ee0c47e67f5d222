//go:build unix

package tui_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A save that fails for another reason than a conflict must not trap the
// person: the screen says what went wrong and what to do, and quitting
// (q or ctrl+c) still ends the program, saying what was not saved and
// offering a copy elsewhere. The saves fail for real here: the plan file
// replaced by a folder, and a folder the program may not write in.
func TestAFailedSaveDoesNotTrapThePerson(t *testing.T) {
	t.Parallel()
	t.Run("the plan file replaced by a folder, then a copy", func(t *testing.T) {
		dir := t.TempDir()
		path := unsavedPlan(t, dir, 0o755)
		e := e2eStart(t, dir, e2eTerm{}, "review", "--today", "2027-03-14", "plans/acme.yaml")
		e.waitFor("Develop a clear vision")
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
		e.keys("r")
		e.waitFor("is a folder, not a plan file", "move or rename that folder")
		e.keys("q") // the focus stays on the rating, where q quits
		e.waitFor("Your plan is not saved", "Not saved yet: the rating of Leadership & Culture item 1")
		e.keys("C")
		e.waitFor("Every answer is in the copy")
		e.exits(0)
		if r := loadPlan(t, filepath.Join(dir, "plans", "acme.copy-1.yaml")).Response("lc-vision").Rating; r != "red" {
			t.Errorf("the copy has rating %q, not the red typed", r)
		}
	})

	t.Run("a read-only folder, then quit without saving", func(t *testing.T) {
		// The folder must refuse the program for real. root may write
		// anywhere, so as root the program runs as nobody.
		dir, err := os.MkdirTemp("", "ladder-readonly-*")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			os.Chmod(filepath.Join(dir, "plans"), 0o755)
			os.RemoveAll(dir)
		})
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		scratch := filepath.Join(dir, "tmp")
		if err := os.Mkdir(scratch, 0o777); err != nil {
			t.Fatal(err)
		}
		os.Chmod(scratch, 0o777)
		path := unsavedPlan(t, dir, 0o555)
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		term := e2eTerm{env: []string{"TMPDIR=" + scratch, "HOME=" + scratch}}
		if os.Geteuid() == 0 {
			setpriv, err := exec.LookPath("setpriv")
			if err != nil {
				t.Skip("running as root, and without setpriv to run as another user a read-only folder cannot refuse a write")
			}
			// ladder's folder is open to the user nobody too
			// (copyAsLadder). A copy of the binary written here failed now
			// and then with "text file busy": a test running beside this
			// one forked while the copy was open for writing, and its
			// child held the file open.
			term.bin = e2eBinary(t)
			term.via = []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"}
		}
		e := e2eStart(t, dir, term, "review", "--today", "2027-03-14", "plans/acme.yaml")
		e.waitFor("Develop a clear vision")
		e.keys("g")
		e.waitFor("ladder may not write in the folder")
		e.keys("ctrl+c")
		e.waitFor("Your plan is not saved", "save a copy as")
		e.keys("ctrl+c")
		if out := e.exits(1); !strings.Contains(out, "your plan was not saved to plans/acme.yaml") ||
			!strings.Contains(out, "Not saved: the rating of Leadership & Culture item 1") {
			t.Errorf("the program did not say what was not saved:\n%s", out)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Error("the plan file changed")
		}
	})
}

// unsavedPlan writes a new plan as plans/acme.yaml in dir, then gives the
// plans folder perm.
func unsavedPlan(t *testing.T, dir string, perm os.FileMode) string {
	t.Helper()
	path := e2ePlan(t, dir, "acme.yaml", acme)
	if err := os.Chmod(filepath.Dir(path), perm); err != nil {
		t.Fatal(err)
	}
	return path
}
