package plans

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
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

// IsReviewPlanFile reports whether name is a plan file a folder's reviews
// are looked for in: IsPlanFile, and not a data or benchmark file.
func IsReviewPlanFile(name string) bool {
	return IsPlanFile(name) && !IsDataFile(name) && !IsBenchmarkFile(name)
}

// ConflictCopyOf reports whether path is a copy that a review saved because
// it could not save its plan: NAME.copy-N.yaml, whose plan is NAME.yaml.
// A review saves one when the plan changed on disk while it was open (see
// File.SaveCopy), and when the plan could not be written at all (read-only,
// a full disk: the session's RescuePath). Such a copy holds answers still
// to be merged into its plan by hand; counted as a plan of its own, its
// actions would be counted twice.
func ConflictCopyOf(path string) (plan string, ok bool) {
	ext := filepath.Ext(path)
	stem, n, found := strings.Cut(strings.TrimSuffix(path, ext), ".copy-")
	for found && strings.Contains(n, ".copy-") {
		// NAME.copy-1.copy-2.yaml: a copy of a copy.
		var more string
		more, n, found = strings.Cut(n, ".copy-")
		stem += ".copy-" + more
	}
	if !found || n == "" || n[0] == '0' || strings.Trim(n, "0123456789") != "" || !IsPlanFile(path) {
		return "", false
	}
	return stem + ext, true
}

// ConflictCopyProblem is what `ladder check` says of a conflict copy (see
// ConflictCopyOf): a problem, like leftover conflict markers, since the
// copy's answers still have to be merged by hand; nil for any other file.
func ConflictCopyProblem(path string) error {
	plan, ok := ConflictCopyOf(path)
	if !ok {
		return nil
	}
	name := safetext.Line(filepath.Base(plan))
	return &FileError{Path: path, Problems: []Problem{{Line: 1, Column: 1, Message: "a copy of " + name +
		" that a review saved because " + whyCopied(name) + ": merge what the copy adds into " + name + ", then delete the copy"}}}
}

// ConflictCopyNote is what `ladder status` says of a conflict copy, whose
// actions it does not count.
func ConflictCopyNote(path string) string {
	plan, _ := ConflictCopyOf(path)
	name := safetext.Line(filepath.Base(plan))
	return fmt.Sprintf("note: %s is a copy of %s that a review saved because %s, so its actions are not counted here: merge it into %[2]s, then delete it",
		safetext.Line(path), name, whyCopied(name))
}

// whyCopied says why a review saves a copy of the plan name. The copy does
// not record which of its two reasons it was, so the words hold for both.
func whyCopied(name string) string {
	return "it could not save " + name + " (the plan had changed on disk since the review opened it, or could not be written)"
}

// LeftoverNote is what `ladder check` says of a leftover temporary file.
func LeftoverNote(tmp string) string {
	plan, _ := leftoverOf(filepath.Base(tmp))
	return fmt.Sprintf("note: %s was left by a save of %s that was interrupted: ladder removes it the next time it saves %[2]s (or delete it)",
		safetext.Line(tmp), safetext.Line(plan))
}

// Leftovers lists the temporary files (.NAME.DIGITS.tmp) that saves of
// plan files killed half way left in the folders Find searches for paths.
// The next save of each plan removes its own; `ladder check` mentions
// them meanwhile.
func Leftovers(paths ...string) []string {
	var out []string
	look := func(dir string, only string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			if plan, ok := leftoverOf(e.Name()); ok && e.Type().IsRegular() && (only == "" || plan == only) {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
		case !info.IsDir():
			look(filepath.Dir(p), filepath.Base(p))
		default:
			filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil || !d.IsDir() {
					return nil
				}
				if path != p && SkippedFolder(d.Name()) {
					return filepath.SkipDir
				}
				look(path, "")
				return nil
			})
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// leftoverOf reports whether name is a temporary file of a plan's save,
// and the plan's file name.
func leftoverOf(name string) (plan string, ok bool) {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutSuffix(rest, ".tmp")
	i := strings.LastIndexByte(rest, '.')
	if !ok || i < 0 || !IsPlanFile(rest[:i]) || !isLeftoverOf(name, rest[:i]) {
		return "", false
	}
	return rest[:i], true
}

// Found is a plan file found in a folder, loaded or not.
type Found struct {
	Path    string
	ModTime time.Time
	Plan    *Plan // nil when Err is set
	Err     error
	// CarriedOnElsewhere: see Links.CarriedOnElsewhere. Discover sets it.
	CarriedOnElsewhere bool
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
		if e.IsDir() || !IsReviewPlanFile(e.Name()) {
			continue
		}
		f := Found{Path: filepath.Join(dir, e.Name())}
		if info, err := e.Info(); err == nil {
			f.ModTime = info.ModTime()
		}
		f.Plan, f.Err = LoadFile(f.Path, resolve)
		out = append(out, f)
	}
	links := NewLinks()
	for _, f := range out {
		links.Loaded(f.Path, f.Plan)
	}
	for i, f := range out {
		if f.Plan != nil {
			out[i].CarriedOnElsewhere = links.CarriedOnElsewhere(f.Path, f.Plan)
		}
	}
	SortNewestFirst(out)
	return out, nil
}

// FoldersWithPlans are, for a folder dir that holds no plan itself, the
// folders that hold them, newest name first: those directly inside it
// ("plans/2026" before "plans/2025", a team keeping a folder per year),
// or, for a folder named after a year and not begun yet ("plans/2027"),
// the other years' folders beside it. The start screen and the prompts
// name them.
func FoldersWithPlans(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if sub := filepath.Join(dir, e.Name()); e.IsDir() && !SkippedFolder(e.Name()) && HoldsPlans(sub) {
			out = append(out, sub)
		}
	}
	if len(out) == 0 {
		return slices.DeleteFunc(OtherYearFolders(dir), func(d string) bool { return !HoldsPlans(d) })
	}
	slices.Reverse(out) // ReadDir sorts by name
	return out
}

// NearPlanFile is, for a plan named that is not there (ladder review
// plans/acme-sprng.yaml), the plan in the same folder it was probably
// meant to be: the review plan file whose name is one or two letters
// away, case aside, the nearest (by name on a tie). "" when none is, or
// path's own name is not a plan file's. A plan begun at a mistyped name
// is a second review beside the one meant.
func NearPlanFile(path string) string {
	name := strings.ToLower(filepath.Base(path))
	if !IsReviewPlanFile(name) {
		return ""
	}
	dir := filepath.Dir(path)
	entries, _ := os.ReadDir(dir)
	best, bestDist := "", 3
	for _, e := range entries {
		other := e.Name()
		if _, isCopy := ConflictCopyOf(other); !e.Type().IsRegular() || !IsReviewPlanFile(other) || isCopy {
			continue
		}
		// Names far apart in length are not a typo's: no need to measure.
		if d := len(other) - len(name); d > 2 || d < -2 {
			continue
		}
		if d := strictyaml.EditDistance(name, strings.ToLower(other)); d < bestDist {
			best, bestDist = other, d
		}
	}
	if best == "" {
		return ""
	}
	return filepath.Join(dir, best)
}

// HoldsPlans reports whether the folder dir holds a plan file itself.
func HoldsPlans(dir string) bool {
	files, _ := os.ReadDir(dir)
	return slices.ContainsFunc(files, func(f fs.DirEntry) bool { return f.Type().IsRegular() && IsReviewPlanFile(f.Name()) })
}

// OtherYearFolders are, for a folder named after a year ("plans/2027"),
// the folders beside it named after other years ("plans/2026",
// "plans/2025"), newest first: where a team that keeps a folder per year
// keeps its earlier plans. None for a folder not named after a year.
func OtherYearFolders(dir string) []string {
	dir = filepath.Clean(dir)
	if !isYear(filepath.Base(dir)) {
		return nil
	}
	return slices.DeleteFunc(yearFoldersIn(filepath.Dir(dir)), func(d string) bool { return d == dir })
}

// NewYearFolder is, for a plans folder dir that keeps a folder per year
// (below: the folders in it that hold plans, FoldersWithPlans) and has
// none yet for year, that year's folder: a review begun there finds the
// organisation's last one in the years' folders beside it
// (OtherYearFolders), where one begun from last year's folder's list is
// written in last year's folder. "" when dir keeps no year's folder, or
// one for year or later, or when year's is there as a symbolic link or a
// file (as YearFolders).
func NewYearFolder(dir string, below []string, year int) string {
	latest := 0
	for _, b := range below {
		if name := filepath.Base(b); isYear(name) {
			n, _ := strconv.Atoi(name)
			latest = max(latest, n)
		}
	}
	if latest == 0 || latest >= year || isYear(filepath.Base(filepath.Clean(dir))) {
		return ""
	}
	this := filepath.Join(dir, strconv.Itoa(year))
	if notAFolder(this) {
		return ""
	}
	return this
}

// notAFolder reports whether what is at path, where a year's folder would
// be, is a symbolic link (perhaps out of the repository) or a file, as
// yearFoldersIn passes such over. Nothing there is not this.
func notAFolder(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && !info.IsDir()
}

// isYear reports whether a folder's name is a year: four digits.
func isYear(name string) bool {
	if len(name) != 4 {
		return false
	}
	for _, c := range name {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// SortNewestFirst puts found in Discover's order: the file changed last
// first, then by path. Which plan is an organisation's last review is not
// asked of this order (IsLaterReview).
func SortNewestFirst(found []Found) {
	slices.SortStableFunc(found, func(a, b Found) int {
		if c := b.ModTime.Compare(a.ModTime); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
}

// YearFolders are, for a plans folder kept a folder per year, this year's
// folder, where this year's review goes (made when its plan is written),
// and last year's: the newest folder of an earlier year that holds plans,
// whose reviews this year's is carried on from. dir is the plans folder
// holding no plan itself and year folders inside ("plans": this year's is
// "plans/2027", or a later year's folder with plans in it), or this
// year's folder itself ("plans/2027", with "plans/2026" beside it). Both
// are "" for any other folder: one holding plans of its own, one with no
// earlier year's plans to carry on, one whose this year's folder is a
// symbolic link or a file, and last year's folder itself ("plans/2026"
// in 2027), looked at as it is.
func YearFolders(dir string, year int) (this, last string) {
	dir = filepath.Clean(dir)
	if IsYearFolder(dir) {
		if yearOf(dir) < year {
			return "", ""
		}
		this = dir
	} else {
		if HoldsPlans(dir) {
			return "", ""
		}
		latest := max(year, yearOf(NewestYearFolder(dir)))
		this = filepath.Join(dir, strconv.Itoa(latest))
		if notAFolder(this) {
			return "", ""
		}
	}
	thisYear := yearOf(this)
	for _, d := range yearFoldersIn(filepath.Dir(this)) { // newest first
		if yearOf(d) < thisYear && HoldsPlans(d) {
			return this, d
		}
	}
	return "", ""
}

// IsYearFolder reports whether dir is named after a year ("plans/2027").
func IsYearFolder(dir string) bool { return isYear(filepath.Base(filepath.Clean(dir))) }

// NewestYearFolder is, for a plans folder kept a folder per year, the
// newest year's folder in it that holds plans ("plans/2027"), "" when
// none does. Folders of other names beside the years' ("plans/drafts")
// are not a year's, however they sort.
func NewestYearFolder(dir string) string {
	for _, d := range yearFoldersIn(dir) { // newest first
		if HoldsPlans(d) {
			return d
		}
	}
	return ""
}

// yearFoldersIn are the folders in dir named after a year, newest first.
func yearFoldersIn(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.IsDir() && isYear(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Reverse(out) // ReadDir sorts by name
	return out
}

// yearOf is the year a year's folder is named after.
func yearOf(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(dir))
	return n
}
