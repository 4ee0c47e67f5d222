package plans

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// DefaultDir is where plans live unless told otherwise.
const DefaultDir = "plans"

// Slug turns free text into a safe file-name part: lower case letters and
// digits joined by single hyphens, accents folded (Café → cafe), other
// scripts kept as letters (a Japanese organisation gets a Japanese name),
// nothing that could climb out of a folder (no dots, slashes or "..").
func Slug(parts ...string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(strings.Join(parts, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// Combining marks left by NFKD: drop them to fold accents.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	s := b.String()
	if len(s) > 80 {
		// Cut at a rune boundary, then drop a dangling hyphen.
		cut := 80
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.Trim(s, "-")
	if s == "" {
		return "plan"
	}
	return s
}

// PathFor picks a file name for a new plan in dir from its organisation,
// title and date, adding -2, -3... if the name is taken. The result is always
// directly inside dir.
func PathFor(dir, org, title string, date Date) string {
	base := Slug(org, title)
	if !date.IsZero() {
		base = date.String() + "-" + base
	}
	path := filepath.Join(dir, base+".yaml")
	for n := 2; fileExists(path); n++ {
		path = filepath.Join(dir, base+"-"+strconv.Itoa(n)+".yaml")
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// IsPlanFile reports whether a folder walk should treat name as a plan:
// .yaml or .yml, not hidden (which also skips our own temporary files).
func IsPlanFile(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	return ext == ".yaml" || ext == ".yml"
}

// Files that ladder keeps beside plans but that are not plans: a plan's
// workforce data (plans/acme.yaml has plans/acme.data.yaml) and the
// benchmarks the data is compared with. Package workforce reads them;
// folder walks find them for ladder check, and nothing lists them as plans.
const (
	DataFileSuffix      = ".data.yaml"
	BenchmarkFileSuffix = ".benchmark.yaml"
)

// IsDataFile reports whether name is a plan's workforce data file.
func IsDataFile(name string) bool { return strings.HasSuffix(filepath.Base(name), DataFileSuffix) }

// IsBenchmarkFile reports whether name is a workforce benchmark file.
func IsBenchmarkFile(name string) bool {
	return strings.HasSuffix(filepath.Base(name), BenchmarkFileSuffix)
}

// Found is a plan file found in a folder, loaded or not.
type Found struct {
	Path    string
	ModTime time.Time
	Plan    *Plan // nil when Err is set
	Err     error
}

// Discover loads every plan file directly inside dir, newest first. A
// folder that does not exist holds no plans; files that fail to load are
// returned with their error so the caller can show them.
func Discover(dir string, resolve Resolver) ([]Found, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Found
	for _, e := range entries {
		if e.IsDir() || !IsPlanFile(e.Name()) || IsDataFile(e.Name()) || IsBenchmarkFile(e.Name()) {
			continue
		}
		f := Found{Path: filepath.Join(dir, e.Name())}
		if info, err := e.Info(); err == nil {
			f.ModTime = info.ModTime()
		}
		f.Plan, f.Err = LoadFile(f.Path, resolve)
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b Found) int {
		if c := b.ModTime.Compare(a.ModTime); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	return out, nil
}
