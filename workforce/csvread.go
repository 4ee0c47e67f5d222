package workforce

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Reading a survey tool's CSV export: the text encoding (a byte-order
// mark, UTF-16 from Excel's "Unicode text", Windows-1252 from older
// Excel), the delimiter (Excel writes ';' where the decimal point is a
// comma), old Mac line endings, and the spreadsheet row of each record,
// so that every problem is reported where a person will look for it.

// Encodings lists the text encodings a CSV may be read in, besides the
// UTF-8 (or UTF-16 with a byte-order mark) that is read without asking.
var Encodings = []string{"utf-8", "windows-1252"}

// Delimiters are the delimiters tried, in order of preference on a tie.
var Delimiters = []rune{',', ';', '\t', '|'}

// DelimiterName says a delimiter in words, for messages.
func DelimiterName(d rune) string {
	switch d {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	case '|':
		return "vertical bar"
	}
	return fmt.Sprintf("%q", d)
}

// sniffSize is how much of the file is looked at to tell its format.
const sniffSize = 64 << 10

// rowReader reads a CSV record by record, knowing each record's row as a
// spreadsheet shows it: blank lines are rows too, and a quoted cell with
// line breaks in it is one row but several lines of the file.
type rowReader struct {
	r         *csv.Reader
	delimiter rune
	row       int // the current record's row
	line      int // the line of the file it starts on
	endLine   int // the line it ends on
	// head is the start of the decoded text, as sniffed, to look ahead
	// for the header row.
	head []byte
}

// newRowReader decodes the file's text and finds its delimiter (or uses
// the one given). A file that is plainly not a CSV (a workbook, a PDF,
// binary data) is refused here, with what to do instead.
func newRowReader(in io.Reader, encoding string, delimiter rune) (*rowReader, error) {
	br := bufio.NewReaderSize(in, sniffSize)
	head, _ := br.Peek(8)
	if msg := notCSV(head); msg != "" {
		return nil, rowProblem(1, 0, noColumn, msg)
	}
	var text io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// UTF-16 with its byte-order mark: Excel's "Unicode text".
		text = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case encoding == "windows-1252":
		text = transform.NewReader(br, charmap.Windows1252.NewDecoder())
	case encoding == "" || encoding == "utf-8":
	default:
		return nil, fmt.Errorf("unknown encoding %q (known: %s)", encoding, strings.Join(Encodings, ", "))
	}
	tr := bufio.NewReaderSize(text, sniffSize)
	chunk, _ := tr.Peek(sniffSize)
	if bytes.IndexByte(chunk, 0) >= 0 {
		return nil, rowProblem(1, 0, noColumn, "this file has binary data in it, so it is not a CSV: save it from your spreadsheet or survey tool as \"CSV UTF-8\"")
	}
	var src io.Reader = tr
	if bytes.IndexByte(chunk, '\r') >= 0 && bytes.IndexByte(chunk, '\n') < 0 {
		// Lines ended by a carriage return alone (old Mac "CSV"):
		// encoding/csv keeps those inside a record.
		src = crToLF{tr}
		chunk = bytes.ReplaceAll(chunk, []byte{'\r'}, []byte{'\n'})
	}
	if delimiter == 0 {
		delimiter = sniffDelimiter(chunk)
	}
	r := csv.NewReader(src)
	r.Comma = delimiter
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &rowReader{r: r, delimiter: delimiter, head: chunk}, nil
}

// maxTitleRows is how many rows above the header are looked through: a
// spreadsheet saved as CSV may start with a title, a date, or a row of
// merged cells over the headers ("Employee details", "Survey").
const maxTitleRows = 5

// headerRows finds the header row: how many rows that have something in
// them come before it (above) and, in a Qualtrics export, how many under it
// are part of it (below). Above is 0 unless the first row's headers do not
// say which columns are the grade and the answer, and a row a little
// further down does, with more cells filled in than every row above it (a
// title or a row of merged cells fills one or two). A data row that
// happens to name a grade and an occupation is not taken for the header,
// as the header above it is as full.
//
// Qualtrics writes three header rows: the questions' short names ("Q1"),
// their text, and a row of import ids ({"ImportId":"QID1"}). That third
// row says which export it is: the header is then the first row if it
// names the columns (questions renamed in Qualtrics, or named in the
// options), else the question text, and none of the three is a response.
// --skip-rows, given, means the rows are the user's to say.
func headerRows(head []byte, delimiter rune, opts ImportOptions) (above, below int) {
	r := csv.NewReader(bytes.NewReader(head))
	r.Comma = delimiter
	r.FieldsPerRecord = -1
	var recs [][]string
	for len(recs) <= maxTitleRows {
		rec, err := r.Read()
		if err != nil {
			break // a broken quote or the end of the text
		}
		if !allEmpty(rec) {
			recs = append(recs, rec)
		}
	}
	if len(recs) >= 3 && isImportIDRow(recs[2]) && opts.SkipRows == 0 {
		if headersFound(recs[0], opts) {
			return 0, 2
		}
		return 1, 1
	}
	var filled []int
	for _, rec := range recs {
		if headersFound(rec, opts) {
			n := filledCells(rec)
			if len(filled) > 0 && slices.Max(filled) >= n {
				return 0, 0
			}
			return len(filled), 0
		}
		filled = append(filled, filledCells(rec))
	}
	return 0, 0
}

// isImportIDRow reports whether every cell of a row is a Qualtrics import
// id, {"ImportId":"QID1"}.
func isImportIDRow(rec []string) bool {
	for _, c := range rec {
		if c = strings.TrimSpace(c); c != "" && !strings.HasPrefix(c, `{"ImportId":`) {
			return false
		}
	}
	return true
}

func filledCells(rec []string) int {
	n := 0
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// headersFound reports whether a row's headers say which columns are the
// grade and the answer: the ones named by header, or the only ones with
// the words. A column named by its letter is found when the row's cell in
// that column has the words: the letter alone says nothing about where the
// header is.
func headersFound(rec []string, opts ImportOptions) bool {
	found := func(named string, words []string) bool {
		hasWords := func(h string) bool {
			h = normalise(h)
			return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(h, w) })
		}
		n := 0
		for _, h := range rec {
			if named == "" && hasWords(h) || named != "" && normalise(h) == normalise(named) {
				n++
			}
		}
		if n == 0 && named != "" {
			i, ok := letterIndex(named)
			return ok && i < len(rec) && hasWords(rec[i])
		}
		return n == 1
	}
	return found(opts.GradeColumn, gradeHeaderWords) && found(opts.AnswerColumn, answerHeaderWords)
}

// notCSV recognises the files most often sent in place of a CSV.
func notCSV(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "this is a spreadsheet workbook (such as .xlsx or .ods), not a CSV: open it and save it as \"CSV UTF-8\", then import that"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "this is an Excel 97-2003 workbook (.xls), not a CSV: open it and save it as \"CSV UTF-8\", then import that"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "this is a PDF, not a CSV: export the responses from your survey tool as CSV"
	}
	return ""
}

// sniffDelimiter picks the delimiter that splits the first records of the
// file into the same number of cells, the most cells winning a tie (a
// header of questions has commas in it too, but inside quotes).
func sniffDelimiter(chunk []byte) rune {
	if i := bytes.LastIndexByte(chunk, '\n'); i >= 0 && len(chunk) == sniffSize {
		chunk = chunk[:i+1] // the last line may be cut short
	}
	best, bestScore, bestCells := Delimiters[0], -1, 0
	for _, d := range Delimiters {
		r := csv.NewReader(bytes.NewReader(chunk))
		r.Comma = d
		r.FieldsPerRecord = -1
		cells, consistent := 0, 0
		for n := 0; n < 20; n++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if n == 0 {
				cells = len(rec)
			}
			if len(rec) == cells || (len(rec) > cells && allEmpty(rec[cells:])) {
				consistent++
			}
		}
		if cells < 2 {
			continue
		}
		if consistent > bestScore || (consistent == bestScore && cells > bestCells) {
			best, bestScore, bestCells = d, consistent, cells
		}
	}
	return best
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// read returns the next record that has something in it, with its row set;
// rows that are blank or only delimiters are counted in empty.
func (rr *rowReader) read(empty *int) ([]string, error) {
	for {
		rec, err := rr.r.Read()
		if err != nil {
			if pe, ok := err.(*csv.ParseError); ok {
				row := rr.row + 1 + max(0, pe.StartLine-rr.endLine-1)
				return nil, &CSVProblem{Row: row, Line: pe.Line, Column: noColumn,
					Message: fmt.Sprintf("the file is not a valid CSV here (%s, at character %d of line %d): %s",
						csvErrorWords(pe.Err), pe.Column, pe.Line, "a cell with a quote mark in it must be in quotes itself, with the quote mark doubled")}
			}
			return nil, err
		}
		start, _ := rr.r.FieldPos(0)
		lastStart, _ := rr.r.FieldPos(len(rec) - 1)
		blank := max(0, start-rr.endLine-1)
		*empty += blank
		rr.row += 1 + blank
		rr.line = start
		rr.endLine = lastStart + strings.Count(rec[len(rec)-1], "\n")
		if allEmpty(rec) {
			*empty++
			continue
		}
		return rec, nil
	}
}

func csvErrorWords(err error) string {
	switch err {
	case csv.ErrBareQuote:
		return "a quote mark in a cell that is not in quotes"
	case csv.ErrQuote:
		return "a quote mark that is not closed, or text straight after a closing quote"
	}
	return err.Error()
}

// crToLF turns lone carriage returns into line feeds.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// Column is a column of the CSV: its index from 0 and its header.
type Column struct {
	Index  int
	Header string
}

var noColumn = Column{Index: -1}

// Letter is the column's name in a spreadsheet: A, B, ..., Z, AA, ...
func (c Column) Letter() string {
	n := c.Index + 1
	var s []byte
	for n > 0 {
		n--
		s = append([]byte{byte('A' + n%26)}, s...)
		n /= 26
	}
	return string(s)
}

// String names the column as a message does: column B "Grade".
func (c Column) String() string {
	if c.Index < 0 {
		return ""
	}
	if strings.TrimSpace(c.Header) == "" {
		return "column " + c.Letter()
	}
	return "column " + c.Letter() + " " + safetext.Excerpt(c.Header, safetext.ExcerptLength)
}

// CSVProblem is one thing wrong with a CSV, at a row (as a spreadsheet
// numbers it, the header being row 1) and a column.
type CSVProblem struct {
	Row int
	// Line is the line of the file the row starts on, when that is not
	// the row (a cell above it has line breaks in it, say).
	Line    int
	Column  Column
	Message string
}

func (p *CSVProblem) Error() string {
	where := fmt.Sprintf("row %d", p.Row)
	if p.Line != 0 && p.Line != p.Row {
		where += fmt.Sprintf(" (line %d of the file)", p.Line)
	}
	if c := p.Column.String(); c != "" {
		where += ", " + c
	}
	return where + ": " + p.Message
}

func rowProblem(row, line int, col Column, msg string) *CSVProblem {
	return &CSVProblem{Row: row, Line: line, Column: col, Message: msg}
}

// CSVError is every problem found in a CSV that could not be imported.
// Nothing is written when a CSV has problems.
type CSVError struct {
	Path     string
	Problems []*CSVProblem
	// Unplaced is how many of the problems are answers that could not be
	// placed, which --place can place.
	Unplaced int
	// More counts the problems left out of Problems, beyond the first
	// few of each kind.
	More int
}

func (e *CSVError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: %s", e.Path, p.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n%s: and %d more problems like these", e.Path, e.More)
	}
	return b.String()
}
