package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

func TestMain(m *testing.M) {
	removeTemp := testtool.TempInMemory()
	code := m.Run()
	testtool.StopNodeServers() // the node processes lint, validateHTML and renderGFM shared
	removeTemp()
	os.Exit(code)
}

// reportToday is the day the golden reports are made on: some actions in
// the fixtures are due before it, some on it, some after.
var reportToday = day(2027, 3, 1)

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (review, then go test ./render -update):\n%s", path, testtool.FirstDifference(want, got))
	}
}

// checkContains fails the test for each of wants that doc, called what in
// the messages, does not contain; a short doc is shown whole.
func checkContains(t *testing.T, what, doc string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if strings.Contains(doc, want) {
			continue
		}
		if len(doc) > 8<<10 {
			t.Errorf("%s lacks %q", what, want)
		} else {
			t.Errorf("%s lacks %q:\n%s", what, want, doc)
		}
	}
}

// loadFixture loads a plan from testdata, or from the plans package's.
func loadFixture(t testing.TB, path string) *plans.Plan {
	t.Helper()
	p, err := plans.LoadFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// markdownlint finds markdownlint-cli2 (npm install -g markdownlint-cli2),
// or skips the test.
func markdownlint(t *testing.T) string {
	t.Helper()
	return testtool.Need(t, "markdownlint-cli2") // npm install -g markdownlint-cli2
}

// lint runs markdownlint with its default rules over the given documents,
// in the node process the package's tests share (testtool.Markdownlint).
func lint(t *testing.T, docs map[string][]byte) {
	t.Helper()
	checkFiles(t, markdownlint(t), docs, testtool.Markdownlint)
}

// checkFiles writes docs (name to contents) to a new folder and has check
// (testtool.Markdownlint or testtool.HTMLValidate, the checker bin in the
// node process the package's tests share) look at them there, failing the
// test with what it said when it finds problems.
func checkFiles(t *testing.T, bin string, docs map[string][]byte, check func(bin, dir string, args ...string) (string, bool, error)) {
	t.Helper()
	dir, names := writeDocs(t, docs)
	out, ok, err := check(bin, dir, names...)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Errorf("%s found problems:\n%s", filepath.Base(bin), out)
	}
}

// writeDocs writes docs (name to contents) to a new folder, and returns
// it and the names to give a checker: files with a leading dot (a
// checker's configuration) are written but not named.
func writeDocs(t *testing.T, docs map[string][]byte) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for name, data := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(name, ".") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return dir, names
}

// day is a date for a fixture.
func day(y int, m time.Month, d int) plans.Date { return plans.Date{Year: y, Month: m, Day: d} }
