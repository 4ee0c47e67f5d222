package plans_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

// hostileFiles is the corpus in testdata/hostile: plans broken the ways
// the attack of issue 15 broke them, each with where and how it must be
// refused. A file in the folder that is not listed here fails the test, so
// the corpus and its expectations grow together. (cli's
// TestHostileFilesLeftUntouched runs check and fmt over the same files.)
var hostileFiles = map[string]string{
	"after-document-end.yaml":      `258:1: text after the end of the document (the ... o`,
	"alias.yaml":                   `14:5: anchors (&name) are not allowed here`,
	"bad-indent-at-end.yaml":       `257:4: this line is indented 3 spaces, but the lin`,
	"byte-order-mark-inside.yaml":  `26:5: a byte-order mark (U+FEFF) in the middle of t`,
	"checklist-file-absolute.yaml": `7:3: checklist file "/etc/passwd" should be a path`,
	"checklist-file-outside.yaml":  `7:3: checklist file "../../../../../../../../../..`,
	"conflict-markers.yaml":        `27:1: leftover git conflict marker: finish resolvin`,
	"escape-in-key.yaml":           `9:1: unknown key "␛]0;pwned␇" in the plan (known k`,
	"escape-sequence.yaml":         `26:12: control character U+001B (ESC) is not allowed`,
	"escape-slash-comment.yaml":    `37:20: in double quotes a backslash starts an esca`,
	"escape-slash-crlf.yaml":       `37:20: in double quotes a backslash starts an esca`,
	"escape-slash.yaml":            `37:20: in double quotes a backslash starts an esca`,
	"latin1.yaml":                  `26:14: byte 0xe9 is not UTF-8: save the file as UTF-`,
	"line-separator-u2028.yaml":    `26:13: character U+2028 (line separator) is not allo`,
	"long-value-in-rating.yaml":    `24:13: item lc-vision rating "␛[2Jsecret secret secr`,
	"next-line-u0085.yaml":         `26:14: character U+0085 (next line) is not allowed r`,
	"nul.yaml":                     `26:13: control character U+0000 (NUL) is not allowed`,
	"root-is-a-string.yaml":        `1:1: the plan should be a mapping of keys to value`,
	"second-document-broken.yaml":  `257:1: a second YAML document starts here: a plan or`,
	"second-document.yaml":         `257:1: a second YAML document starts here: a plan or`,
	"tag-binary.yaml":              `41:12: tags ("!!binary") are not allowed here: ladde`,
	"tag-non-specific.yaml":        `5:9: tags ("!") are not allowed here: ladder's fil`,
	"tag-shell.yaml":               `37:13: tags ("!shell") are not allowed here: ladder'`,
	"utf16.yaml":                   `1:1: the file is UTF-16 (Notepad's "Unicode", or a file written by Windows PowerShell's >): save it as UTF-8`,
}

func TestHostileFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(hostileFiles) {
		t.Errorf("%d files in testdata/hostile, %d expectations", len(files), len(hostileFiles))
	}
	for _, path := range files {
		want, ok := hostileFiles[filepath.Base(path)]
		if !ok {
			t.Errorf("%s has no expectation in hostileFiles", path)
			continue
		}
		_, err := plans.LoadFile(path, nil)
		var fe *plans.FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: err = %v, want a *FileError", path, err)
			continue
		}
		if got := fe.Problems[0].String(); !strings.HasPrefix(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", path, got, want)
		}
		for _, p := range fe.Problems {
			checkMessage(t, p.Message)
		}
		// A review cannot open it either, so nothing of it is ever
		// rewritten.
		before, _ := os.ReadFile(path)
		if f, err := plans.Open(path, nil); err == nil {
			f.Close()
			t.Errorf("%s: a review opened it", path)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s: changed by opening it", path)
		}
	}
}
