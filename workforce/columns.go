package workforce

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"golang.org/x/text/unicode/norm"
)

// Words that mark a column's header as the grade or as the key question's
// answer, when the user has not named the columns: a header with one of
// them in it ("Pay Grade / Band", "Q3. ... aged 14?").
var (
	gradeHeaderWords  = []string{"grade", "level", "band", "seniority"}
	answerHeaderWords = []string{"occupation", "household earner", "aged 14", "key question", "socio-economic", "socioeconomic"}
)

// headerRule is how one column is found by its header: first by its
// words, then, where no header has them, by the weaker sign (a grade
// column headed "Role" or "Job title", which an export beside a "Grade"
// column holds as free text).
type headerRule struct {
	words  []string                  // in the header, anywhere
	weaker func(words []string) bool // on the header's words, when no header has words
	looked string                    // what was looked for, for a message
}

var (
	gradeRule = headerRule{words: gradeHeaderWords, weaker: roleHeader,
		looked: orList(gradeHeaderWords) + `, then "role" or "job title"`}
	answerRule = headerRule{words: answerHeaderWords, weaker: parentAt14Header,
		looked: orList(answerHeaderWords) + `, or "14" with "parent", "carer" or "job"`}
)

// roleHeader says whether a header's words name someone's role: "Role",
// "Job role", "Job title".
func roleHeader(w []string) bool {
	for i, x := range w {
		if x == "role" || x == "roles" || x == "title" && i > 0 && w[i-1] == "job" {
			return true
		}
	}
	return false
}

// parentAt14Header says whether a header's words ask the key question in
// an HR system's own words: "Parent job at 14", "What did your main
// parent/carer do when you were 14?".
func parentAt14Header(w []string) bool {
	if !slices.Contains(w, "14") {
		return false
	}
	for _, x := range w {
		switch x {
		case "parent", "parents", "carer", "carers", "earner", "job", "occupation", "work":
			return true
		}
	}
	return false
}

// headerWords are a header's words, folded, without its punctuation.
func headerWords(h string) []string {
	return strings.FieldsFunc(normalise(h), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// ColumnError says a column could not be found, and lists the columns
// there are, so the user can name one.
type ColumnError struct {
	Path    string
	Which   string // "grade" or "answer"
	Flag    string // the option that names it: "--grade-column"
	Reason  string
	Columns []Column
}

func (e *ColumnError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s. Name the %s column with %s, by its header or its letter. The columns are:", e.Path, e.Reason, e.Which, e.Flag)
	for _, l := range ColumnLabels(e.Columns) {
		fmt.Fprintf(&b, "\n  %s", l)
	}
	return b.String()
}

// ColumnLabels names each column by its letter and header, for a list a
// person picks from: B "Grade". Two long headers that start alike (survey
// tools repeat a question and end it "- Selected Choice", "- Other -
// Text") are shown by their start and their end, so they can be told apart.
func ColumnLabels(cols []Column) []string {
	out := make([]string, len(cols))
	seen := map[string]int{} // header as shown → how many show so
	for i, c := range cols {
		out[i] = strings.TrimPrefix(c.String(), "column ")
		seen[safetext.Quote(c.Header)]++
	}
	for i, c := range cols {
		if seen[safetext.Quote(c.Header)] > 1 && strings.TrimSpace(c.Header) != "" {
			out[i] = c.Letter() + " " + bothEnds(c.Header, safetext.ExcerptLength/2)
		}
	}
	return out
}

// bothEnds quotes the first and last n characters of a long text.
func bothEnds(s string, n int) string {
	r := []rune(s)
	if len(r) <= 2*n {
		return safetext.Excerpt(s, 2*n)
	}
	head := safetext.Excerpt(string(r[:n]), n)
	tail := safetext.Excerpt(string(r[len(r)-n:]), n)
	return head[:len(head)-1] + "…" + tail[1:]
}

func (im *Imported) chooseColumns(header []string, opts ImportOptions) error {
	cols := make([]Column, len(header))
	for i, h := range header {
		cols[i] = Column{Index: i, Header: strings.TrimSpace(h)}
	}
	var err error
	im.Grade, im.GradeFound, err = chooseColumn(cols, opts.GradeColumn, "grade", "--grade-column", gradeRule, opts.Choose)
	if err != nil {
		return err
	}
	im.Answer, im.AnswerFound, err = chooseColumn(cols, opts.AnswerColumn, "answer", "--answer-column", answerRule, opts.Choose)
	if err != nil {
		return err
	}
	if im.Grade.Index == im.Answer.Index {
		return &ColumnError{Which: "answer", Flag: "--answer-column", Columns: cols,
			Reason: fmt.Sprintf("the grade and the answer are both %s", im.Grade)}
	}
	return nil
}

// chooseColumn finds one column: the one named, else the only one whose
// header has one of the rule's words, else (none having them) the only
// one with its weaker sign, else the one chosen. Between two headers that
// could each be it, it never picks: it asks, or names both.
func chooseColumn(cols []Column, named, which, flag string, rule headerRule, choose func(string, []Column) (Column, error)) (Column, bool, error) {
	if named != "" {
		if c, ok := columnNamed(cols, named); ok {
			return c, false, nil
		}
		return Column{}, false, &ColumnError{Which: which, Flag: flag, Columns: cols,
			Reason: fmt.Sprintf("no column has the header or letter %s", safetext.Excerpt(named, safetext.ExcerptLength))}
	}
	var found []Column
	for _, c := range cols {
		h := normalise(c.Header)
		if slices.ContainsFunc(rule.words, func(w string) bool { return strings.Contains(h, w) }) {
			found = append(found, c)
		}
	}
	if len(found) == 0 {
		for _, c := range cols {
			if rule.weaker(headerWords(c.Header)) {
				found = append(found, c)
			}
		}
	}
	if len(found) == 1 {
		return found[0], true, nil
	}
	reason := fmt.Sprintf("no header says which column holds the %s (looked for %s)", which, rule.looked)
	if len(found) > 1 {
		reason = fmt.Sprintf("%d headers could be the %s (%s)", len(found), which, strings.Join(ColumnLabels(found), ", "))
	}
	if choose != nil {
		c, err := choose(which, cols)
		return c, false, err
	}
	return Column{}, false, &ColumnError{Which: which, Flag: flag, Reason: reason, Columns: cols}
}

// groupHeaders lists the headers that name one of the guide's groups
// ("Working class", "professional", "I prefer not to say"): a table whose
// columns are the groups holds counts, not one answer per row.
func groupHeaders(header []string) []string {
	var out []string
	for _, h := range header {
		n := strings.ReplaceAll(normalise(h), "_", " ")
		for _, g := range Groups {
			if n == g.Name() || n == normalise(g.Heading()) && g.IsReported() || n == "i "+g.Name() {
				out = append(out, strings.TrimSpace(h))
				break
			}
		}
	}
	return out
}

// columnNamed finds a column by its header (ignoring case and spacing) or,
// failing that, by its letter.
func columnNamed(cols []Column, name string) (Column, bool) {
	n := normalise(name)
	for _, c := range cols {
		if normalise(c.Header) == n {
			return c, true
		}
	}
	if i, ok := letterIndex(name); ok && i < len(cols) {
		return cols[i], true
	}
	return Column{}, false
}

// letterIndex reads a column's letter (B, ab) as its index from 0.
func letterIndex(name string) (int, bool) {
	letters := strings.ToUpper(strings.TrimSpace(name))
	if letters == "" || len(letters) > 3 || strings.IndexFunc(letters, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return 0, false
	}
	idx := 0
	for _, r := range letters {
		idx = idx*26 + int(r-'A'+1)
	}
	return idx - 1, true
}

func orList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// maxGradeLength is the longest grade name taken: a longer one is almost
// certainly the wrong column.
const maxGradeLength = 80

// tally counts responses per grade and group.
type tally struct {
	given  bool // the grades were given: others are problems
	names  []string
	counts []Counts
	exact  map[string]int // grade as written → index
	folded map[string]int // folded grade → index
	// spelt counts each grade's rows by how the grade was written, when
	// the grades were not given: a grade is named as most of its rows
	// write it, not as the first row found did ("band 3 " once, then
	// "Band 3" forty times, is "Band 3").
	spelt []map[string]int
	// unknown records grades not in the given list, by folded name.
	unknown      map[string]*RowList
	unknownNames []string // as first written, in order found
	// same maps a folded spelling to the grade it is (--same-grade);
	// sameUsed lists the spellings found, as first written, with the
	// grade each was counted in and its rows.
	same     map[string]string
	sameUsed []GradeSpelling
	sameIn   []int          // the index of sameUsed[k]'s grade
	sameAt   map[string]int // k of a folded spelling in sameUsed
	// firstRow is the row of the first response read, after skipRows
	// skipped rows: a grade found on that row alone may be a second
	// header row.
	firstRow, skipRows int
}

func newTally(grades []string, same []SameGrade) *tally {
	t := &tally{exact: map[string]int{}, folded: map[string]int{}, unknown: map[string]*RowList{}, same: map[string]string{}}
	for _, g := range grades {
		t.add(strings.TrimSpace(g))
	}
	t.given = len(grades) > 0
	if len(same) > 0 {
		t.sameAt = map[string]int{}
	}
	for _, sg := range same {
		if f := foldGrade(sg.Spelling); f != foldGrade(sg.Grade) {
			t.same[f] = norm.NFC.String(strings.TrimSpace(sg.Grade))
		}
	}
	return t
}

func (t *tally) add(name string) int {
	i := len(t.names)
	t.names = append(t.names, name)
	t.counts = append(t.counts, Counts{})
	t.folded[foldGrade(name)] = i
	return i
}

// GradeKey is how two spellings of a grade are told to be the same:
// case and spacing do not count, nor whether its marks are written
// composed or not ("î" or "i" and a combining circumflex), which look
// the same. The import, the data file and the command's checks of
// --grades and --same-grade all tell grades apart by it.
func GradeKey(s string) string { return foldGrade(s) }

func foldGrade(s string) string {
	return strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(s), " ")))
}

// grade returns the index of a grade, adding it if the grades were not
// given. It returns -1 for a grade that is not one of those given (listed
// later, with its rows), and a message for a grade that cannot be one.
func (t *tally) grade(name string, row, line int) (int, string) {
	// Named composed, as the plan's words are stored: a spelling
	// decomposed counts for the same letters composed, from the first
	// row it is found on.
	name = norm.NFC.String(name)
	spelling, folded, same := "", "", false
	// Folding a grade allocates: only with --same-grade given, where on
	// every row of a big export it tripled the import's allocations.
	if len(t.same) > 0 {
		folded = foldGrade(name)
		if g, ok := t.same[folded]; ok {
			// Counted, and named, as the grade it is: the spelling
			// never names a grade of its own.
			spelling, name, same = name, g, true
		}
	}
	i, msg := t.gradeIndex(name, row, line)
	if same && i >= 0 {
		t.spellingUsed(spelling, folded, i)
	}
	if i >= 0 && !t.given {
		for len(t.spelt) <= i {
			t.spelt = append(t.spelt, map[string]int{})
		}
		if t.spelt[i][name] == 0 {
			name = strings.Clone(name)
		}
		t.spelt[i][name]++
	}
	return i, msg
}

// spellingUsed counts a row of spelling, folded as folded, in grade.
func (t *tally) spellingUsed(spelling, folded string, grade int) {
	if k, ok := t.sameAt[folded]; ok {
		t.sameUsed[k].Rows++
		return
	}
	t.sameAt[folded] = len(t.sameUsed)
	t.sameUsed = append(t.sameUsed, GradeSpelling{Spelling: strings.Clone(spelling), Rows: 1})
	t.sameIn = append(t.sameIn, grade)
}

func (t *tally) gradeIndex(name string, row, line int) (int, string) {
	if i, ok := t.exact[name]; ok {
		return i, ""
	}
	if len(name) > maxGradeLength {
		return -1, fmt.Sprintf("a grade of %d characters is too long to be a grade name: is this the right column?", len(name))
	}
	if strings.IndexFunc(name, func(r rune) bool { return unicode.IsControl(r) }) >= 0 {
		return -1, "a grade name cannot have line breaks or control characters in it"
	}
	f := foldGrade(name)
	i, ok := t.folded[f]
	switch {
	case ok:
	case t.given:
		if t.unknown[f] == nil {
			t.unknown[f] = &RowList{}
			t.unknownNames = append(t.unknownNames, strings.Clone(name))
		}
		t.unknown[f].add(row, line)
		return -1, ""
	default:
		i = t.add(strings.Clone(name))
	}
	t.exact[strings.Clone(name)] = i
	return i, ""
}

func (t *tally) count(grade int, g Group) { t.counts[grade][g]++ }

// unknownGrades reports each grade found that is not one of those given.
func (t *tally) unknownGrades(col Column, probs *problemList) {
	for _, name := range t.unknownNames {
		rows := t.unknown[foldGrade(name)]
		// The grades were given with --grades, or kept in the data file
		// from an earlier import: a second year's survey is not "given"
		// any.
		msg := fmt.Sprintf("the grade %s (on %s) is not one of the grades from --grades or the data file (%s): correct it in the file, or give every grade, junior to senior, with --grades",
			safetext.Excerpt(name, safetext.ExcerptLength), rows, safetext.Line(strings.Join(t.names, ", ")))
		secondHeader := rows.Count == 1 && rows.First[0] == t.firstRow
		if secondHeader {
			msg += fmt.Sprintf("; if row %d is a second header row, as in SurveyMonkey's exports, import with --skip-rows %d", t.firstRow, t.skipRows+1)
		}
		switch given, likely := t.lookalikeOnNoRow(name), likelyGrade(name, t.names); {
		case given != "":
			msg += fmt.Sprintf("; %s is given but on no row: if the two are one grade, write it the same in both",
				safetext.Excerpt(given, safetext.ExcerptLength))
		case likely != "":
			msg += fmt.Sprintf("; if it is %s written another way, add %s",
				safetext.Excerpt(likely, safetext.ExcerptLength), SameGradeArg(SameGrade{Spelling: name, Grade: likely}))
		case !secondHeader:
			msg += "; if it is one of them written another way, add " + SameGradeArg(SameGrade{Spelling: name, Grade: "GRADE"})
		}
		probs.add("unknown grade", rowProblem(rows.First[0], rows.FirstLine, col, msg))
	}
}

// lookalikeOnNoRow is the grade given that no row has whose name is a
// letter or two from name (one slip in three letters at most), the
// nearest: "Apprentise" typed in --grades beside the file's "Apprentice".
// It is "" when there is none.
func (t *tally) lookalikeOnNoRow(name string) string {
	seen := make(map[int]bool, len(t.exact))
	for _, i := range t.exact {
		seen[i] = true
	}
	folded := foldGrade(name)
	best, bestDist := "", 3
	for i, given := range t.names {
		if seen[i] {
			continue
		}
		g := foldGrade(given)
		if d := strictyaml.EditDistance(folded, g); d < bestDist && d*3 <= min(len(folded), len(g)) {
			best, bestDist = given, d
		}
	}
	return best
}

// spellings are the --same-grade spellings found, each with the grade it
// was counted in as the grade is named: call after result.
func (t *tally) spellings() []GradeSpelling {
	for k := range t.sameUsed {
		t.sameUsed[k].Grade = t.names[t.sameIn[k]]
	}
	return t.sameUsed
}

func (t *tally) result() ([]string, []Counts) {
	for i, spellings := range t.spelt {
		// The most rows wins; between equals, the one written as a
		// grade's name is (NicerGradeName), whichever row came first,
		// so that an import is repeatable whatever the rows' order.
		best := spellings[t.names[i]]
		for _, name := range slices.Sorted(maps.Keys(spellings)) {
			if n := spellings[name]; n > best || n == best && NicerGradeName(name, t.names[i]) < 0 {
				t.names[i], best = name, n
			}
		}
	}
	return t.names, t.counts
}
