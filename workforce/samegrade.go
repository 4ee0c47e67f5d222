package workforce

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"golang.org/x/text/unicode/norm"
)

// SameGrade says that a grade written one way in a survey export is a
// grade written another: HR spreadsheets spell a grade several ways
// ("Mgr", "Managers", "manager"), and a person can say so once on the
// command line rather than edit every cell.
type SameGrade struct {
	Spelling string // as the export writes it ("Mgr")
	Grade    string // the grade it is ("Manager")
}

// GradeSpelling is a spelling an import counted as another grade, and
// on how many rows.
type GradeSpelling struct {
	Spelling, Grade string
	Rows            int
}

// ParseSameGrade reads SPELLING=GRADE, as --same-grade takes it.
func ParseSameGrade(s string) (SameGrade, error) {
	i := strings.LastIndexByte(s, '=')
	if i < 0 {
		return SameGrade{}, fmt.Errorf("%q should be SPELLING=GRADE, e.g. \"Mgr=Manager\"", s)
	}
	sg := SameGrade{Spelling: strings.TrimSpace(s[:i]), Grade: strings.TrimSpace(s[i+1:])}
	switch {
	case sg.Spelling == "":
		return SameGrade{}, fmt.Errorf("%q has no spelling before the '='", s)
	case sg.Grade == "":
		return SameGrade{}, fmt.Errorf("%q has no grade after the '='", s)
	}
	return sg, nil
}

// SameGradeArg is the --same-grade to paste for sg.
func SameGradeArg(sg SameGrade) string {
	return "--same-grade " + safetext.ShellWord(oneLine(sg.Spelling)+"="+oneLine(sg.Grade))
}

// LookalikeGrades are the grades found that look like another grade
// found written another way (a dash for a space, a plural, an
// abbreviation such as "Mgr" for "manager", a slip of one letter in a
// long word), each named with the grade it most likely is: the one of the
// two with more responses. They are offered, never joined: "Band 1" and
// "Band 2", or "Director" and "Deputy Director", are two grades. In the
// order of grades.
func LookalikeGrades(grades []string, counts []Counts) []SameGrade {
	byResponses := make([]int, len(grades))
	for i := range byResponses {
		byResponses[i] = i
	}
	slices.SortStableFunc(byResponses, func(a, b int) int {
		if d := counts[b].Responses() - counts[a].Responses(); d != 0 {
			return d
		}
		return NicerGradeName(grades[a], grades[b])
	})
	target := make([]int, len(grades))
	for i := range target {
		target[i] = -1
	}
	heads := []int{}
	for _, i := range byResponses {
		for _, h := range heads {
			if gradesAlike(grades[i], grades[h]) {
				target[i] = h
				break
			}
		}
		if target[i] < 0 {
			heads = append(heads, i)
		}
	}
	// An abbreviation is a spelling of the word in full, whichever has
	// more rows: "Mgr" on most rows is still Manager written short.
	for i, h := range target {
		if h >= 0 && shortFormOf(grades[h], grades[i]) && slices.Index(target, h) == i && slices.Index(target[i+1:], h) < 0 {
			target[h], target[i] = i, -1
		}
	}
	var out []SameGrade
	for i, h := range target {
		if h >= 0 {
			out = append(out, SameGrade{Spelling: grades[i], Grade: grades[h]})
		}
	}
	return out
}

// NicerGradeName orders two spellings of one grade with as many answers,
// the one to name the grade first (negative when a is): the one written
// as a name is written, whichever row came first. Spaces before dashes,
// dots and underscores ("Shop floor", "shop-floor"); a capital and small
// letters before all capitals or none ("Manager", "MANAGER", "manager");
// the singular before the plural; then in sort order, so that the same
// spellings always give the same name.
func NicerGradeName(a, b string) int {
	separators := func(s string) int {
		return strings.Count(s, "-") + strings.Count(s, "_") + strings.Count(s, ".")
	}
	casing := func(s string) int {
		upper, lower := strings.ToUpper(s), strings.ToLower(s)
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
		switch {
		case s != upper && s != lower && unicode.IsUpper(r):
			return 0 // "Team member", "Team Member"
		case s != upper && s != lower:
			return 1 // "team Member"
		case s == upper && s != lower:
			return 2 // "TEAM MEMBER"
		}
		return 3 // "team member"
	}
	if d := separators(a) - separators(b); d != 0 {
		return d
	}
	if d := casing(a) - casing(b); d != 0 {
		return d
	}
	fa, fb := foldGrade(a), foldGrade(b)
	switch {
	case fa == fb+"s":
		return 1
	case fb == fa+"s":
		return -1
	}
	return strings.Compare(a, b)
}

// likelyGrade is the grade of grades that name most likely is written
// another way, or "" when none looks like it.
func likelyGrade(name string, grades []string) string {
	for _, g := range grades {
		if gradesAlike(name, g) {
			return g
		}
	}
	return ""
}

// gradesAlike says whether two grade names are likely one grade written
// two ways: word by word, with case, dashes, dots and spaces not
// counting, each word the same, or one the other with an s, or the
// short one an abbreviation of the long one (not an initialism in
// capitals: "TA" is not "Teacher"), or (in words of six letters or more,
// without digits) a letter apart, but not at the end ("Trainee" and
// "Trainer" are two roles).
func gradesAlike(a, b string) bool {
	wa, wb := gradeWords(a), gradeWords(b)
	if len(wa) != len(wb) || len(wa) == 0 {
		return false
	}
	ra, rb := splitGrade(norm.NFC.String(a)), splitGrade(norm.NFC.String(b))
	for i := range wa {
		written := [2]string{wa[i], wb[i]}
		if len(ra) == len(wa) && len(rb) == len(wb) {
			written = [2]string{ra[i], rb[i]}
		}
		if !wordsAlike(wa[i], wb[i], written) {
			return false
		}
	}
	return true
}

func gradeWords(s string) []string { return splitGrade(foldGrade(s)) }

func splitGrade(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == '.' || r == '‐' || r == '–'
	})
}

// wordsAlike says whether a and b, folded, are one word; written is the
// two as the export writes them.
func wordsAlike(a, b string, written [2]string) bool {
	if a == b || a+"s" == b || b+"s" == a {
		return true
	}
	if hasDigit(a) || hasDigit(b) {
		return false
	}
	if utf8.RuneCountInString(a) > utf8.RuneCountInString(b) {
		a, b = b, a
		written[0], written[1] = written[1], written[0]
	}
	if abbreviates(a, b) {
		return !initialism(written[0], written[1])
	}
	return utf8.RuneCountInString(a) >= 6 && strictyaml.EditDistance(a, b) == 1 && !lastLetterApart(a, b)
}

// initialism says whether short is written in capitals where long is
// not: "TA" beside "Teacher" stands for words of its own ("teaching
// assistant"); "MGR" beside "MANAGER" is an export in capitals.
func initialism(short, long string) bool {
	return short == strings.ToUpper(short) && short != strings.ToLower(short) && long != strings.ToUpper(long)
}

// lastLetterApart says whether a and b, as long, differ in their last
// letter alone.
func lastLetterApart(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	return len(ra) == len(rb) && string(ra[:len(ra)-1]) == string(rb[:len(rb)-1])
}

// shortFormOf says whether short is long with a word abbreviated.
func shortFormOf(short, long string) bool {
	ws, wl := gradeWords(short), gradeWords(long)
	if len(ws) != len(wl) {
		return false
	}
	abbreviated := false
	for i := range ws {
		switch {
		case ws[i] == wl[i]:
		case abbreviates(ws[i], wl[i]):
			abbreviated = true
		default:
			return false
		}
	}
	return abbreviated
}

// abbreviates says whether short (of two to four letters) is long cut
// short: the same first letter, then the rest of its letters in long in
// order ("mgr" of "manager", "snr" of "senior", "dir" of "director").
func abbreviates(short, long string) bool {
	n := utf8.RuneCountInString(short)
	if n < 2 || n > 4 || utf8.RuneCountInString(long) < n+2 {
		return false
	}
	s, l := []rune(short), []rune(long)
	if s[0] != l[0] {
		return false
	}
	j := 1
	for _, r := range l[1:] {
		if j < len(s) && r == s[j] {
			j++
		}
	}
	return j == len(s)
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// JoinGrades counts each spelling in same as its grade, from the counts
// already read: the spelling's answers are added to the grade's, and the
// spelling is listed in SameGraded, as SameGrades would have done while
// reading. Spellings or grades not among Grades are left alone.
func (im *Imported) JoinGrades(same []SameGrade) {
	for _, sg := range same {
		from, to := slices.Index(im.Grades, sg.Spelling), slices.Index(im.Grades, sg.Grade)
		if from < 0 || to < 0 || from == to {
			continue
		}
		for g, n := range im.Counts[from] {
			im.Counts[to][g] += n
		}
		im.SameGraded = append(im.SameGraded, GradeSpelling{Spelling: sg.Spelling, Grade: sg.Grade, Rows: im.Counts[from].Responses()})
		im.Grades = slices.Delete(im.Grades, from, from+1)
		im.Counts = slices.Delete(im.Counts, from, from+1)
	}
}
