package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValidateInNodeAgreesWithTheCommand: the one node process says
// what html-validate the command says, word for word, in a folder with a
// configuration file of its own, and passes what it passes; else every
// test that validates a page would pass or fail for nothing.
//
// The command runs once, over every page, as
// TestMarkdownlintInNodeAgreesWithTheCommand's does: html-validate checks
// each page on its own, and prints nothing at all when it finds nothing,
// so the pages it names no problem in pass, alone or together, silently.
func TestHTMLValidateInNodeAgreesWithTheCommand(t *testing.T) {
	t.Parallel()
	bin := Need(t, "html-validate")
	const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A page</title></head><body>`
	docs := map[string][]byte{
		"good.html":          []byte(head + "<p>A line.</p></body></html>\n"),
		"styled.html":        []byte(head + `<p style="color: red">A line.</p></body></html>` + "\n"), // inline style, which the folder allows
		"bad.html":           []byte(head + `<p>A line.<img src="a.png"></p><div><p>Unclosed</div></body></html>` + "\n"),
		"doctype.html":       []byte(strings.Replace(head, "DOCTYPE", "doctype", 1) + "<p>A line.</p></body></html>\n"),
		".htmlvalidate.json": []byte(`{"extends": ["html-validate:recommended"], "rules": {"no-inline-style": "off"}}`),
	}
	dir := t.TempDir()
	for name, data := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := []string{"bad.html", "doctype.html", "good.html", "styled.html"}
	cmd := exec.Command(bin, all...)
	cmd.Dir = dir
	want, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(want), "bad.html") || !strings.Contains(string(want), "doctype-style") ||
		strings.Contains(string(want), "good.html") || strings.Contains(string(want), "styled.html") {
		t.Fatalf("the command, %v, should find problems in bad.html and doctype.html alone:\n%s", err, want)
	}
	for _, tc := range []struct {
		names []string
		pass  bool
		want  string
	}{
		{all, false, string(want)},
		{[]string{"good.html", "styled.html"}, true, ""},
	} {
		got, ok, err := HTMLValidate(bin, dir, tc.names...)
		if err != nil {
			t.Fatal(err)
		}
		if ok != tc.pass {
			t.Errorf("%v: in node passes %v, the command %v:\n%s\n%s", tc.names, ok, tc.pass, got, tc.want)
		}
		if got != tc.want {
			t.Errorf("%v: in node says\n%s\nthe command\n%s", tc.names, got, tc.want)
		}
	}
	if _, ok, _ := HTMLValidate(bin, dir, "doctype.html"); ok {
		t.Error("html-validate in node passes a lower-case doctype")
	}
}

// RenderGFM shows Markdown as GitHub does: a table, a literal link, a
// heading, and HTML let through as HTML.
func TestRenderGFM(t *testing.T) {
	t.Parallel()
	bin := Need(t, "markdownlint-cli2")
	got, err := RenderGFM(bin, []byte("# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee www.example.com <em>now</em>.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Title</h1>", "<th>a</th>", "<td>2</td>", `<a href="http://www.example.com">www.example.com</a>`, "<em>now</em>"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
}
