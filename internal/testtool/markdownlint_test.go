package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	removeTemp := TempInMemory()
	code := m.Run()
	StopNodeServers()
	removeTemp()
	os.Exit(code)
}

// TestMarkdownlintInNodeAgreesWithTheCommand: the one node process finds
// what markdownlint-cli2 the command finds, in a folder with a
// configuration file of its own, and passes what it passes; else every
// test that lints would pass or fail for nothing.
func TestMarkdownlintInNodeAgreesWithTheCommand(t *testing.T) {
	t.Parallel()
	bin := Need(t, "markdownlint-cli2")
	docs := map[string][]byte{
		"good.md":                  []byte("# Title\n\nA line.\n"),
		"bad.md":                   []byte("# Title\n\n#Not a heading\n\nA line. \n"),
		"long.md":                  []byte("# Title\n\n" + strings.TrimSpace(strings.Repeat("word ", 30)) + "\n"), // over 80 columns, which the folder allows
		".markdownlint-cli2.jsonc": []byte(`{"config": {"MD013": false}}`),
	}
	dir := t.TempDir()
	for name, data := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, names := range [][]string{{"good.md"}, {"long.md"}, {"bad.md"}, {"good.md", "bad.md", "long.md"}} {
		cmd := exec.Command(bin, names...)
		cmd.Dir = dir
		want, err := cmd.CombinedOutput()
		got, ok, err2 := Markdownlint(bin, dir, names...)
		if err2 != nil {
			t.Fatal(err2)
		}
		if ok != (err == nil) {
			t.Errorf("%v: in node passes %v, the command %v:\n%s\n%s", names, ok, err, got, want)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
			if strings.HasPrefix(line, "bad.md:") && !strings.Contains(got, line) {
				t.Errorf("%v: in node does not say %q:\n%s", names, line, got)
			}
		}
	}
	if _, ok, _ := Markdownlint(bin, dir, "bad.md"); ok {
		t.Error("markdownlint in node passes a heading with no space after #")
	}
}
