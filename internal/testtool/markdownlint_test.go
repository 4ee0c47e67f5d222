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
//
// The command runs once, over every file: markdownlint lints each file
// on its own, so the lines it prints for a file (file:line: rule) are
// the lines it prints for that file in any set of files, and a set
// passes where none of its files has a line. Each set is then asked of
// the node process and held to that: one run of the command (a third of
// a CPU-second, node started afresh) where each set had one.
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
	all := []string{"good.md", "bad.md", "long.md"}
	cmd := exec.Command(bin, all...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	said := map[string][]string{} // the command's lines, by the file they are about
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		for _, name := range all {
			if strings.HasPrefix(line, name+":") {
				said[name] = append(said[name], line)
			}
		}
	}
	if err == nil || len(said["bad.md"]) == 0 || len(said) != 1 {
		t.Fatalf("the command, %v, says of the files %q, want of bad.md alone:\n%s", err, said, out)
	}
	for _, names := range [][]string{{"good.md"}, {"long.md"}, {"bad.md"}, all} {
		got, ok, err := Markdownlint(bin, dir, names...)
		if err != nil {
			t.Fatal(err)
		}
		pass := true
		for _, name := range names {
			pass = pass && len(said[name]) == 0
			for _, line := range said[name] {
				if !strings.Contains(got, line) {
					t.Errorf("%v: in node does not say %q:\n%s", names, line, got)
				}
			}
		}
		if ok != pass {
			t.Errorf("%v: in node passes %v, the command %v:\n%s\n%s", names, ok, pass, got, out)
		}
	}
}
