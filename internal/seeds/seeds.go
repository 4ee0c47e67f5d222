// Package seeds reads the source documents that ladder quotes word for word
// (the Social Mobility Commission's checklists and guides), for the tests
// that check the quotes. The documents are kept beside the repository, in
// shared/seeds of a folder above it, where the main checkout and every
// worktree find the same ones; without them those tests skip.
package seeds

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Read returns a source document, or skips the test when it is not there.
func Read(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "shared", "seeds", name))
		if err == nil {
			return string(data)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("source document %s not found in shared/seeds above the repository", name)
		}
		dir = parent
	}
}

var (
	markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	footnoteMark = regexp.MustCompile(`[⁰¹²³⁴⁵⁶⁷⁸⁹]+`)
)

// Text is a source document as a reader sees it: link markup, bold markers
// and footnote numbers dropped, and all white space (line breaks inside a
// sentence, page breaks) as single spaces. Quotes, dashes and spelling are
// left exactly as they are.
func Text(doc string) string {
	doc = markdownLink.ReplaceAllString(doc, "$1")
	doc = footnoteMark.ReplaceAllString(doc, "")
	doc = strings.ReplaceAll(doc, "**", "")
	return strings.Join(strings.Fields(doc), " ")
}

// pageBreak is the most text a sentence may be interrupted by.
const pageBreak = 1500

// WordForWord reports whether s appears in src (a Text), allowing one page
// break: the documents sometimes interrupt a sentence with a sidebar or
// footnotes and carry on after them, so s may be split at a space into two
// parts found in order, the second within a page's worth of text of the
// end of the first.
func WordForWord(src, s string) bool {
	s = strings.Join(strings.Fields(s), " ")
	if strings.Contains(src, s) {
		return true
	}
	for i := range len(s) {
		if s[i] != ' ' {
			continue
		}
		head, tail := s[:i], s[i+1:]
		for from := 0; ; {
			at := strings.Index(src[from:], head)
			if at < 0 {
				break
			}
			end := from + at + len(head)
			window := src[end:min(len(src), end+pageBreak+len(tail))]
			if strings.Contains(window, tail) {
				return true
			}
			from = end
		}
	}
	return false
}
