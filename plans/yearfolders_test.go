package plans_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// YearFolders names, for a plans folder kept a folder per year, this
// year's folder (where this year's review goes) and the newest earlier
// year's folder holding plans (the one its reviews are carried on from).
func TestYearFolders(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "plans")
	plan := func(year string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, year), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, year, "acme.yaml"), []byte("organisation: Acme\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := func(name string) string { return filepath.Join(dir, name) }
	check := func(what, in, this, last string) {
		t.Helper()
		gotThis, gotLast := plans.YearFolders(in, 2027)
		if gotThis != this || gotLast != last {
			t.Errorf("%s: YearFolders(%q) = %q, %q, want %q, %q", what, in, gotThis, gotLast, this, last)
		}
	}
	check("no folders", dir, "", "")
	plan("2025")
	plan("2026")
	if err := os.MkdirAll(at("old"), 0o755); err != nil { // not a year's
		t.Fatal(err)
	}
	check("2025 and 2026: the latest", dir, at("2027"), at("2026"))
	check("in this year's folder, not made yet", at("2027"), at("2027"), at("2026"))
	check("last year's folder itself, looked at as it is", at("2026"), "", "")
	if err := os.MkdirAll(at("2027"), 0o755); err != nil { // made, empty
		t.Fatal(err)
	}
	check("this year's folder made, empty", dir, at("2027"), at("2026"))
	plan("2027")
	check("this year's folder holding a plan", dir, at("2027"), at("2026"))
	check("in this year's folder", at("2027"), at("2027"), at("2026"))
	if err := os.WriteFile(filepath.Join(dir, "beta.yaml"), []byte("organisation: Beta\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("a plans folder holding a plan of its own lists its own", dir, "", "")
	check("a folder with no year folder beside it", filepath.Join(root, "2027"), "", "")
}

// This year's folder in a repository cloned from someone else may be a
// symbolic link to a folder outside it (plans/2027 -> another client's
// plans), or a file: it is no year's folder to read or write in, as
// last year's folders that are links are none either. The start screen
// listed the plans the link led to as this year's, opened them and saved
// into them, outside the repository.
func TestYearFoldersLeaveThisYearsFolderThatIsALinkOrAFile(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	dir := filepath.Join(root, "plans")
	for _, d := range []string{filepath.Join(dir, "2026"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "acme.yaml"), []byte("organisation: Acme\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	this := filepath.Join(dir, "2027")
	if err := os.Symlink(outside, this); err != nil {
		t.Fatal(err)
	}
	if gotThis, gotLast := plans.YearFolders(dir, 2027); gotThis != "" || gotLast != "" {
		t.Errorf("with plans/2027 a link out: YearFolders = %q, %q, want none", gotThis, gotLast)
	}
	if err := os.Remove(this); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(this, []byte("not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if gotThis, gotLast := plans.YearFolders(dir, 2027); gotThis != "" || gotLast != "" {
		t.Errorf("with plans/2027 a file: YearFolders = %q, %q, want none", gotThis, gotLast)
	}
}
