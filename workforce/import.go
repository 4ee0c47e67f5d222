package workforce

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
)

// ImportOptions says how to read a survey export.
type ImportOptions struct {
	// GradeColumn and AnswerColumn name the columns, by header (case and
	// spacing do not matter) or by letter (B). Empty: found by their
	// headers, or asked through Choose.
	GradeColumn, AnswerColumn string
	// Delimiter is the CSV's delimiter; 0 finds it from the file.
	Delimiter rune
	// Encoding is "utf-8" (the default) or "windows-1252"; a byte-order
	// mark overrides it.
	Encoding string
	// SkipRows is how many rows after the header to skip (some survey
	// tools write two or three header rows).
	SkipRows int
	// Places are the user's placements of answers the guide does not
	// word, tried before the guide's.
	Places []Place
	// Grades, when given, are the grades from junior to senior: every
	// grade in the file must be one of them (case and spacing do not
	// matter), and the counts come back in this order.
	Grades []string
	// SameGrades count a grade written one way as another grade: with
	// Grades, one of them; without, the grade as it is named.
	SameGrades []SameGrade
	// Choose is asked which column holds the grade ("grade") or the
	// answer ("answer") when the options do not say and the headers do
	// not tell. Nil: that is an error listing the columns.
	Choose func(which string, columns []Column) (Column, error)
}

// Imported is what an import read: counts per grade, never the rows.
type Imported struct {
	Delimiter     rune
	Grade, Answer Column
	// GradeFound and AnswerFound are true when the column was recognised
	// by its header rather than named in the options or chosen.
	GradeFound, AnswerFound bool
	// Grades are in the order of ImportOptions.Grades, or of their first
	// appearance in the file; Counts[i] are Grades[i]'s.
	Grades []string
	Counts []Counts
	// Responses is how many answers were counted.
	Responses int
	// TitleRows is how many rows with something in them came before the
	// header row (a title, merged cells over the headers) and were
	// skipped.
	TitleRows int
	// HeaderRow is the header's row.
	HeaderRow int
	// HeaderBelow is how many rows under the header were part of it and
	// skipped: in a Qualtrics export, the question text and the import
	// ids (Qualtrics is then true).
	HeaderBelow int
	Qualtrics   bool
	// SurveyMonkey is true when the row under the header was
	// SurveyMonkey's second header row ("Response" under each question),
	// skipped. Other is then the column of the key question's "Other
	// (please specify)" box, if it has one (Index -1 if not): what a
	// person typed there is their answer, the answer column left empty.
	SurveyMonkey bool
	Other        Column
	// EmptyRows is how many rows had nothing in them.
	EmptyRows int
	// NoAnswer lists rows with no answer to the key question (a grade
	// alone, or a totals row with neither grade nor answer):
	// not a response, and not counted.
	NoAnswer RowList
	// Totals lists rows that are a total added below the responses (a
	// number beside "Total"): not a response, and not counted.
	Totals RowList
	// Placed counts the answers placed by each rule.
	Placed map[PlacedBy]int
	// Checked lists each distinct answer placed by an example occupation,
	// a group's name or the user's placement, most frequent first, so a
	// person can check the reading. The guide's own answers are left out.
	Checked []PlacedAnswer
	// SameGraded lists the spellings SameGrades counted as another
	// grade, in the order found.
	SameGraded []GradeSpelling
}

// RowList is how many rows something happened on, and the first few.
type RowList struct {
	Count int
	First []int
	// FirstLine is the line of the file the first row starts on.
	FirstLine int
}

const rowsListed = 5

func (l *RowList) add(row, line int) {
	if l.Count == 0 {
		l.FirstLine = line
	}
	l.Count++
	if len(l.First) < rowsListed {
		l.First = append(l.First, row)
	}
}

// mergeRows is two lists of rows as one: a's first row stays the first
// line's, as it was found first.
func mergeRows(a, b RowList) RowList {
	rows := append(slices.Clone(a.First), b.First...)
	slices.Sort(rows)
	return RowList{Count: a.Count + b.Count, First: rows[:min(len(rows), rowsListed)], FirstLine: a.FirstLine}
}

// String lists the rows: "rows 4, 9 and 12", "rows 4, 9, 12, 15, 20 and 31 more".
func (l RowList) String() string {
	parts := make([]string, len(l.First))
	for i, r := range l.First {
		parts[i] = fmt.Sprint(r)
	}
	word := "rows "
	if l.Count == 1 {
		word = "row "
	}
	switch more := l.Count - len(l.First); {
	case more > 0:
		return word + strings.Join(parts, ", ") + fmt.Sprintf(" and %d more", more)
	case len(parts) > 1:
		return word + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return word + strings.Join(parts, "")
}

// PlacedAnswer is one distinct answer and where it was counted.
type PlacedAnswer struct {
	Text  string
	Count int
	Placement
}

// maxProblemsPerKind is how many problems of one kind are listed before
// "and N more": a thousand rows with the same mistake need one line.
const maxProblemsPerKind = 10

// Import reads a survey export: a CSV with a header row, one row per
// response, a grade column and a column with the answer to the key
// question. It keeps counts per grade and group, never a row. Any problem
// (a row with no grade, an answer it cannot place, a broken quote) makes
// it return a *CSVError listing them, each with its row and column; a
// caller writes nothing then.
func Import(in io.Reader, path string, opts ImportOptions) (*Imported, error) {
	rr, err := newRowReader(in, opts.Encoding, opts.Delimiter)
	if err != nil {
		return nil, fileError(path, err)
	}
	im := &Imported{Delimiter: rr.delimiter, Placed: map[PlacedBy]int{}, Other: noColumn}
	var empty int
	above, below := headerRows(rr.head, rr.delimiter, opts)
	for range above {
		if _, err := rr.read(&empty); err != nil {
			return nil, fileError(path, err)
		}
		im.TitleRows++
	}
	header, err := rr.read(&empty)
	if errors.Is(err, io.EOF) {
		return nil, fileError(path, rowProblem(1, 0, noColumn, "the file is empty: export the survey's responses, with a header row, as CSV"))
	}
	if err != nil {
		return nil, fileError(path, err)
	}
	header = slices.Clone(header)
	headerRow := rr.row
	im.HeaderRow = headerRow
	if len(header) < 2 {
		return nil, fileError(path, rowProblem(rr.row, 0, noColumn, fmt.Sprintf(
			"found only one column (tried %s as the delimiter): a survey export needs at least a grade column and an answer column; if the file uses another delimiter, give it with --delimiter",
			listDelimiters())))
	}
	if groups := groupHeaders(header); len(groups) >= 2 && opts.AnswerColumn == "" {
		return nil, fileError(path, rowProblem(headerRow, 0, noColumn, fmt.Sprintf(
			"the headers are the guide's groups (%s): this looks like counts already added up, but ladder data import reads one row per response, with a grade and an answer to the key question. "+
				"Export the responses themselves, or type the counts into a data file by hand (its layout is in ladder's README, under \"The data file\") and check it with ladder check",
			safetext.Line(strings.Join(groups, ", ")))))
	}
	if err := im.chooseColumns(header, opts); err != nil {
		var ce *ColumnError
		if errors.As(err, &ce) {
			ce.Path = path
		}
		return nil, err
	}
	for range below {
		if _, err := rr.read(&empty); err != nil {
			return nil, fileError(path, err)
		}
		im.HeaderBelow++
		im.Qualtrics = true
	}
	t := newTally(opts.Grades, opts.SameGrades)
	placer := NewPlacer(opts.Places)
	answers := map[string]*answerSeen{}
	var probs problemList
	for skipped, first := 0, true; ; first = false {
		rec, err := rr.read(&empty)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var p *CSVProblem
			if errors.As(err, &p) {
				probs.add("parse", p)
				break // the rest of the file cannot be trusted
			}
			return nil, fileError(path, err)
		}
		if first && !im.Qualtrics && im.surveyMonkeyHeader(rec, header) {
			if skipped < opts.SkipRows {
				skipped++ // --skip-rows 1, as ladder once said to give, is this row
			} else {
				im.HeaderBelow++
			}
			continue
		}
		if skipped < opts.SkipRows {
			skipped++
			continue
		}
		if t.firstRow == 0 {
			t.firstRow, t.skipRows = rr.row, opts.SkipRows
		}
		im.readRow(rr, rec, header, t, placer, answers, &probs)
	}
	im.EmptyRows = empty
	if p, more := probs.first("encoding"); p != nil {
		p.Message = notUTF8(more)
	}
	unplaced(answers, &probs)
	t.unknownGrades(im.Grade, &probs)
	if im.Responses == 0 && len(probs.list) == 0 {
		// Written, an import of nothing would set every count of the data
		// file to 0: last year's figures gone for an export that went wrong.
		probs.add("none", rowProblem(headerRow+1+im.HeaderBelow+opts.SkipRows, 0, im.Answer,
			"no responses to count: no row after the header has both a grade and an answer to the key question; export the survey's responses, or name the answer column with --answer-column"))
	}
	if len(probs.list) > 0 {
		slices.SortStableFunc(probs.list, func(a, b *CSVProblem) int { return a.Row - b.Row })
		return nil, &CSVError{Path: path, Problems: probs.list, More: probs.more, Unplaced: probs.kinds["answer"]}
	}
	im.Grades, im.Counts = t.result()
	im.SameGraded = t.spellings()
	im.Checked = checkedAnswers(answers)
	return im, nil
}

func fileError(path string, err error) error {
	var p *CSVProblem
	if errors.As(err, &p) {
		return &CSVError{Path: path, Problems: []*CSVProblem{p}}
	}
	return fmt.Errorf("%s: %w", path, err)
}

func listDelimiters() string {
	names := make([]string, len(Delimiters))
	for i, d := range Delimiters {
		names[i] = DelimiterName(d)
	}
	return strings.Join(names, ", ")
}

// answerSeen is what the import remembers of one distinct answer text:
// where it was placed and how often, and for an answer it could not place,
// the first rows it was on.
type answerSeen struct {
	text   string
	col    Column // the column it was first found in
	placed bool
	Placement
	rows RowList
}

// readRow counts one response, or records what is wrong with it.
func (im *Imported) readRow(rr *rowReader, rec, header []string, t *tally, placer *Placer, answers map[string]*answerSeen, probs *problemList) {
	row, line := rr.row, rr.line
	if len(rec) > len(header) && !allEmpty(rec[len(header):]) {
		probs.add("ragged", rowProblem(row, line, Column{Index: len(header)}, fmt.Sprintf(
			"this row has %d cells but the header has %d: a cell with a %s in it is probably missing its quotes, so the cells after it have moved",
			len(rec), len(header), DelimiterName(rr.delimiter))))
		return
	}
	cell := func(c Column) string {
		if c.Index >= 0 && c.Index < len(rec) {
			return strings.TrimSpace(rec[c.Index])
		}
		return ""
	}
	grade, answer := cell(im.Grade), cell(im.Answer)
	answerCol := im.Answer
	if other := cell(im.Other); other != "" && (answer == "" || likelyAnswer(answer) == otherBox) {
		answer, answerCol = other, im.Other
	}
	for _, c := range []struct {
		col  Column
		text string
	}{{im.Grade, grade}, {answerCol, answer}} {
		if !utf8.ValidString(c.text) {
			probs.once("encoding", rowProblem(row, line, c.col, ""))
			return
		}
	}
	if totalsRow(rec, answer) {
		im.Totals.add(row, line)
		return
	}
	switch {
	case grade == "" && answer == "":
		// Someone who opened the survey and answered neither question.
		im.NoAnswer.add(row, line)
		return
	case grade == "":
		probs.add("grade", rowProblem(row, line, im.Grade,
			"no grade given: fill it in, or delete the row (an answer cannot be counted without its grade)"))
		return
	case answer == "":
		im.NoAnswer.add(row, line)
		return
	}
	gi, msg := t.grade(grade, row, line)
	if msg != "" {
		probs.add("grade", rowProblem(row, line, im.Grade, msg))
		return
	}
	if gi < 0 {
		return // not one of the grades given: reported after the last row
	}
	seen := answers[answer]
	if seen == nil {
		seen = &answerSeen{text: strings.Clone(answer), col: answerCol}
		seen.Placement, seen.placed = placer.Place(answer)
		answers[seen.text] = seen
	}
	seen.rows.add(row, line)
	if !seen.placed {
		return
	}
	im.Responses++
	im.Placed[seen.By]++
	t.count(gi, seen.Group)
}

// totalsRow reports whether a row is a total someone added below the
// responses in a spreadsheet: a number where the answer goes, and a cell
// that says so ("Total", "Grand total", "Sum", "Count"). Such a row was
// read as a response, its number offered to --place as an answer
// (--place '154=KEY'), which would have made "Total" a grade. A number
// alone is not one: a survey may export its answers as codes (1 to 9),
// which --place does place.
func totalsRow(rec []string, answer string) bool {
	if answer == "" || strings.TrimFunc(answer, func(r rune) bool { return unicode.IsDigit(r) || r == ',' || r == '.' || r == ' ' }) != "" {
		return false
	}
	for _, c := range rec {
		n := strings.TrimRight(normalise(c), ":")
		if n == "sum" || n == "count" {
			return true
		}
		// By whole words: a comment "Totally fair" or "Totalmente de
		// acuerdo" beside a coded answer is a response.
		w := strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) })
		if len(w) > 1 && (w[0] == "grand" || w[0] == "sub") {
			w = w[1:]
		}
		if len(w) > 0 && (w[0] == "total" || w[0] == "totals" || w[0] == "subtotal" || w[0] == "subtotals") {
			return true
		}
	}
	return false
}

// unplaced reports the answers that could not be placed, one problem per
// distinct answer, on the first row it was on.
func unplaced(answers map[string]*answerSeen, probs *problemList) {
	var list []*answerSeen
	for _, a := range answers {
		if !a.placed {
			list = append(list, a)
		}
	}
	slices.SortFunc(list, func(a, b *answerSeen) int { return a.rows.First[0] - b.rows.First[0] })
	// One --place places an answer however it is capitalised or spaced
	// ("N/A", "n/a"), so those are one problem, on all their rows.
	first := map[string]*answerSeen{}
	var same []*answerSeen
	for _, a := range list {
		n := normalise(a.text)
		if f := first[n]; f != nil {
			f.rows = mergeRows(f.rows, a.rows)
			continue
		}
		first[n] = a
		same = append(same, a)
	}
	for _, a := range same {
		// The problem starts with its first row: the rows again only
		// when there are more.
		on := ""
		if a.rows.Count > 1 {
			on = fmt.Sprintf(" (on %s)", a.rows)
		}
		probs.add("answer", rowProblem(a.rows.First[0], a.rows.FirstLine, a.col, fmt.Sprintf(
			"the answer %s is not one of the guide's%s: %s",
			safetext.Excerpt(a.text, 60), on, whereItMayBelong(a.text))))
	}
}

// whereItMayBelong is what to do with an answer that could not be
// placed. For the few a firm's own survey often has where the guide has
// none ("N/A", "Unemployed", its "Other (please specify)" box) it names
// the guide's answer it most likely is and the --place to paste; it
// never places one itself, since a wrong guess would move people
// between groups without a word.
func whereItMayBelong(answer string) string {
	place := func(key string) string { return "--place " + safetext.ShellWord(oneLine(answer)+"="+key) }
	switch likelyAnswer(answer) {
	case notApplicable:
		return "if it means the question does not apply, it is the guide's Other, left out of the shares: " + place("other")
	case notKnown:
		return "if it means they do not know, it is the guide's Other, left out of the shares: " + place("other")
	case unemployed:
		return "the guide counts the long-term unemployed (benefits for more than a year) as a working-class background: " +
			place("long-term-unemployed") + " if that is what it means, else " + place("other")
	case selfEmployed:
		return "the guide counts owners of a small business (fewer than 20 employees) as an intermediate background: " +
			place("small-business-owners") + " if that is what it means, else say where their work belongs with " + place("KEY")
	case otherBox:
		return "if the words people wrote are in another column, place those; otherwise it is the guide's Other, left out of the shares: " + place("other")
	}
	return "say where it belongs with " + place("KEY") + " (ladder data groups lists the keys)"
}

// oneLine is an answer as a --place hint gives it: its line breaks, tabs
// and runs of spaces one space, as the placer matches answers. The
// pictures safetext shows line breaks as could not be pasted back.
func oneLine(answer string) string { return strings.Join(strings.Fields(answer), " ") }

func checkedAnswers(answers map[string]*answerSeen) []PlacedAnswer {
	var out []PlacedAnswer
	for _, a := range answers {
		if a.placed && a.By != ByAnswer {
			out = append(out, PlacedAnswer{Text: a.text, Count: a.rows.Count, Placement: a.Placement})
		}
	}
	slices.SortFunc(out, func(a, b PlacedAnswer) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Text, b.Text)
	})
	return out
}

// notUTF8 is the problem of a file that is not UTF-8, on its first row
// that shows it and more rows after. A file is in one encoding
// throughout, so it is one problem, however many rows have a "£" or an
// "é" in them.
func notUTF8(more int) string {
	also := ""
	switch {
	case more == 1:
		also = ", nor is 1 more row after it"
	case more > 1:
		also = fmt.Sprintf(", nor are %d more rows after it", more)
	}
	return "this is not UTF-8 text" + also + ": Excel's plain \"CSV (Comma delimited)\" on Windows saves a file this way (Windows-1252). " +
		"Import it as it is with --encoding windows-1252, or save it from your spreadsheet as \"CSV UTF-8\" and import that"
}

// problemList keeps the first few problems of each kind, in the order
// found, and counts the rest.
type problemList struct {
	list  []*CSVProblem
	kinds map[string]int
	more  int
	// firsts are the problems kept by once, by kind.
	firsts map[string]*CSVProblem
}

// once keeps a problem of a kind that is the same for the whole file the
// first time only, and counts the rows it is on after that (first).
func (l *problemList) once(kind string, p *CSVProblem) {
	if l.firsts[kind] == nil {
		if l.firsts == nil {
			l.firsts = map[string]*CSVProblem{}
		}
		l.firsts[kind] = p
		l.add(kind, p)
		return
	}
	l.kinds[kind]++
}

// first is the one problem of a kind kept by once, and how many rows
// after it had it too.
func (l *problemList) first(kind string) (*CSVProblem, int) {
	p := l.firsts[kind]
	if p == nil {
		return nil, 0
	}
	return p, l.kinds[kind] - 1
}

func (l *problemList) add(kind string, p *CSVProblem) {
	if l.kinds == nil {
		l.kinds = map[string]int{}
	}
	l.kinds[kind]++
	if l.kinds[kind] > maxProblemsPerKind {
		l.more++
		return
	}
	l.list = append(l.list, p)
}

// surveyMonkeyHeader reports whether the row under the header is
// SurveyMonkey's second header row: "Response" (or "Open-Ended Response")
// under the grade question and under the key question. No grade and no
// answer is called that. It finds the key question's "Other (please
// specify)" column there: the next column, with no question of its own
// above it and a label starting "Other".
func (im *Imported) surveyMonkeyHeader(rec, header []string) bool {
	sub := func(c Column) bool {
		if c.Index < 0 || c.Index >= len(rec) {
			return false
		}
		s := strings.TrimSpace(rec[c.Index])
		return strings.EqualFold(s, "Response") || strings.EqualFold(s, "Open-Ended Response")
	}
	if !sub(im.Grade) || !sub(im.Answer) {
		return false
	}
	im.SurveyMonkey = true
	if i := im.Answer.Index + 1; i < len(rec) && i < len(header) && strings.TrimSpace(header[i]) == "" &&
		strings.HasPrefix(normalise(rec[i]), "other") {
		im.Other = Column{Index: i, Header: strings.Clone(strings.TrimSpace(rec[i]))}
	}
	return true
}
