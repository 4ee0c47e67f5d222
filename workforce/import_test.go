package workforce

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

const questionHeader = "What was the occupation of your main household earner when you were about aged 14?"

func importString(t *testing.T, csv string, opts ImportOptions) (*Imported, error) {
	t.Helper()
	return Import(strings.NewReader(csv), "responses.csv", opts)
}

func mustImport(t *testing.T, csv string, opts ImportOptions) *Imported {
	t.Helper()
	im, err := importString(t, csv, opts)
	if err != nil {
		t.Fatalf("import failed:\n%v", err)
	}
	return im
}

// counts gives a grade's counts as "wc/int/prof/other/no-say".
func counts(t *testing.T, im *Imported, grade string) string {
	t.Helper()
	for i, g := range im.Grades {
		if g == grade {
			c := im.Counts[i]
			return fmt.Sprintf("%d/%d/%d/%d/%d", c[0], c[1], c[2], c[3], c[4])
		}
	}
	t.Fatalf("no grade %q in %q", grade, im.Grades)
	return ""
}

// csvProblems returns the problems of a failed import as "row N, column X: message" lines.
func csvProblems(t *testing.T, err error) []string {
	t.Helper()
	var ce *CSVError
	if !errors.As(err, &ce) {
		t.Fatalf("want a *CSVError, got %T: %v", err, err)
	}
	var out []string
	for _, p := range ce.Problems {
		out = append(out, p.Error())
	}
	return out
}

func TestImportFindsColumnsByTheirHeaders(t *testing.T) {
	im := mustImport(t, "Timestamp,Your grade,"+questionHeader+"\n"+
		"2027-03-01,Team member,Technical and craft occupations\n"+
		"2027-03-01,Team member,Plumber\n"+
		"2027-03-01,Manager,Modern professional and traditional professional occupations\n"+
		"2027-03-02,team  MEMBER,I prefer not to say.\n"+
		"2027-03-02,Manager,Clerical and intermediate occupations\n"+
		"2027-03-02,Manager,Other\n", ImportOptions{})
	if im.Grade.Letter() != "B" || im.Answer.Letter() != "C" || !im.GradeFound || !im.AnswerFound {
		t.Errorf("columns %v %v found %v %v", im.Grade, im.Answer, im.GradeFound, im.AnswerFound)
	}
	if strings.Join(im.Grades, "|") != "Team member|Manager" {
		t.Errorf("grades = %q, want first appearance order, spellings merged", im.Grades)
	}
	if got := counts(t, im, "Team member"); got != "2/0/0/0/1" {
		t.Errorf("Team member = %s", got)
	}
	if got := counts(t, im, "Manager"); got != "0/1/1/1/0" {
		t.Errorf("Manager = %s", got)
	}
	if im.Responses != 6 || im.Delimiter != ',' {
		t.Errorf("responses %d delimiter %q", im.Responses, im.Delimiter)
	}
	if im.Placed[ByExample] != 1 || len(im.Checked) != 1 || im.Checked[0].Text != "Plumber" {
		t.Errorf("placed %v checked %+v: the example occupation should be listed for checking", im.Placed, im.Checked)
	}
}

func TestImportDelimitersAndEncodings(t *testing.T) {
	rows := [][]string{
		{"Grade", "Key question"},
		{"Team member", "Technical and craft occupations, such as plumber"},
		{"Manager", "Small business owners"},
	}
	join := func(d, eol string, quote bool) string {
		var b strings.Builder
		for _, r := range rows {
			for i, c := range r {
				if i > 0 {
					b.WriteString(d)
				}
				if quote || strings.Contains(c, d) {
					c = `"` + c + `"`
				}
				b.WriteString(c)
			}
			b.WriteString(eol)
		}
		return b.String()
	}
	utf16le := func(s string) string {
		var b bytes.Buffer
		b.Write([]byte{0xFF, 0xFE})
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.String()
	}
	for name, tc := range map[string]struct {
		csv   string
		delim rune
	}{
		"comma":                   {join(",", "\n", false), ','},
		"semicolon, CRLF, BOM":    {"\xEF\xBB\xBF" + join(";", "\r\n", false), ';'},
		"tab, all quoted":         {join("\t", "\n", true), '\t'},
		"UTF-16 tab (Excel text)": {utf16le(join("\t", "\r\n", false)), '\t'},
		"old Mac line endings":    {join(",", "\r", false), ','},
		"vertical bar":            {join("|", "\n", false), '|'},
	} {
		t.Run(name, func(t *testing.T) {
			im := mustImport(t, tc.csv, ImportOptions{})
			if im.Delimiter != tc.delim {
				t.Errorf("delimiter %q, want %q", im.Delimiter, tc.delim)
			}
			if got := counts(t, im, "Team member") + " " + counts(t, im, "Manager"); got != "1/0/0/0/0 0/1/0/0/0" {
				t.Errorf("counts %s", got)
			}
		})
	}
}

func TestImportWindows1252(t *testing.T) {
	// "Café" and an en dash as Windows-1252 bytes, as older Excel saves them.
	csv := "Grade,Answer to the key question\nCaf\xe9 staff,Routine\x96semi-routine\nCaf\xe9 staff,Plumber\n"
	_, err := importString(t, csv, ImportOptions{})
	got := strings.Join(csvProblems(t, err), "\n")
	if !strings.Contains(got, `row 2, column A "Grade": this is not UTF-8 text`) || !strings.Contains(got, "--encoding windows-1252") {
		t.Errorf("problems:\n%s", got)
	}
	im := mustImport(t, "Grade,Answer to the key question\nCaf\xe9 staff,Plumber\n", ImportOptions{Encoding: "windows-1252"})
	if im.Grades[0] != "Café staff" {
		t.Errorf("grade %q", im.Grades[0])
	}
}

// A file saved as Excel's plain "CSV (Comma delimited)" on Windows is
// Windows-1252 throughout: every row with a "£" or an "é" is the same
// problem, said once with how many rows it is on, not fifty times over.
func TestImportWindows1252IsOneProblem(t *testing.T) {
	csv := "Grade,Answer to the key question\n" + strings.Repeat("Caf\xe9 staff,Plumber\n", 30) + "Manager,Teacher\n" + strings.Repeat("Manager,Teacher \xa3\n", 20)
	_, err := importString(t, csv, ImportOptions{})
	var ce *CSVError
	if !errors.As(err, &ce) {
		t.Fatalf("want a *CSVError, got %v", err)
	}
	if len(ce.Problems) != 1 || ce.More != 0 {
		t.Fatalf("want one problem and no more, got %d and %d more:\n%v", len(ce.Problems), ce.More, err)
	}
	got := ce.Problems[0].Error()
	for _, want := range []string{`row 2, column A "Grade": this is not UTF-8 text, nor are 49 more rows after it`, `--encoding windows-1252`, `"CSV UTF-8`} {
		if !strings.Contains(got, want) {
			t.Errorf("the problem does not say %q:\n%s", want, got)
		}
	}
}

func TestImportQuotedCellsWithCommasAndLineBreaks(t *testing.T) {
	csv := "Grade,Comments,Occupation at 14\n" +
		"Team member,\"Long comment,\nover two lines\",\"Routine, semi-routine manual and service occupations\"\n" +
		"\n" +
		",,\n" +
		"Team member,,Lorry driver\n"
	_, err := importString(t, csv, ImportOptions{})
	got := csvProblems(t, err)
	// Row 2 spans lines 2-3; rows 3 and 4 are blank; the lorry driver is
	// row 5 of the spreadsheet, on line 6 of the file.
	want := `row 5 (line 6 of the file), column C "Occupation at 14": the answer "Lorry driver" is not one of the guide's: say where it belongs with --place 'Lorry driver=KEY' (ladder data groups lists the keys)`
	if len(got) != 1 || got[0] != want {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	im := mustImport(t, csv, ImportOptions{Places: []Place{{Answer: "lorry driver", Target: Placement{Group: WorkingClass, By: ByUser}}}})
	if got := counts(t, im, "Team member"); got != "2/0/0/0/0" || im.EmptyRows != 2 {
		t.Errorf("counts %s, empty rows %d", got, im.EmptyRows)
	}
}

func TestImportProblemsNameRowAndColumn(t *testing.T) {
	csv := "Grade,Occupation\n" +
		",Plumber\n" +
		"Team member,\n" +
		"Team member,Lorry driver\n" +
		"Manager,Lorry driver\n" +
		"Manager,Plumber,extra,cells\n" +
		"Manager,Astronaut\n"
	_, err := importString(t, csv, ImportOptions{})
	got := strings.Join(csvProblems(t, err), "\n")
	want := `row 2, column A "Grade": no grade given: fill it in, or delete the row (an answer cannot be counted without its grade)
row 4, column B "Occupation": the answer "Lorry driver" is not one of the guide's (on rows 4 and 5): say where it belongs with --place 'Lorry driver=KEY' (ladder data groups lists the keys)
row 6, column C: this row has 4 cells but the header has 2: a cell with a comma in it is probably missing its quotes, so the cells after it have moved
row 7, column B "Occupation": the answer "Astronaut" is not one of the guide's: say where it belongs with --place 'Astronaut=KEY' (ladder data groups lists the keys)`
	if got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	var ce *CSVError
	errors.As(err, &ce)
	if !strings.HasPrefix(ce.Error(), "responses.csv: row 2, column A") {
		t.Errorf("Error() should name the file first: %s", ce.Error())
	}
}

func TestImportNoAnswerIsNotAResponse(t *testing.T) {
	im := mustImport(t, "Grade,Occupation,Started\nA,Plumber,x\nA,,x\n,,x\n,,\nB,Teacher,x\n", ImportOptions{})
	if im.Responses != 2 || im.NoAnswer.String() != "rows 3 and 4" || im.EmptyRows != 1 {
		t.Errorf("responses %d, no answer %+v (%s), empty rows %d", im.Responses, im.NoAnswer, im.NoAnswer, im.EmptyRows)
	}
}

func TestImportManyProblemsAreSummarised(t *testing.T) {
	var b strings.Builder
	b.WriteString("Grade,Occupation\n")
	for range 500 {
		b.WriteString(",Plumber\n")
	}
	_, err := importString(t, b.String(), ImportOptions{})
	var ce *CSVError
	if !errors.As(err, &ce) || len(ce.Problems) != maxProblemsPerKind || ce.More != 500-maxProblemsPerKind {
		t.Fatalf("want %d problems listed and the rest counted, got %v", maxProblemsPerKind, err)
	}
	if !strings.HasSuffix(ce.Error(), "responses.csv: and 490 more problems like these") {
		t.Errorf("last line: %q", ce.Error()[strings.LastIndexByte(ce.Error(), '\n')+1:])
	}
}

func TestImportNotACSV(t *testing.T) {
	for name, tc := range map[string]struct{ data, want string }{
		"xlsx":         {"PK\x03\x04\x14\x00\x06\x00rest of a zip", "row 1: this is a spreadsheet workbook (such as .xlsx or .ods), not a CSV"},
		"xls":          {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "row 1: this is an Excel 97-2003 workbook"},
		"pdf":          {"%PDF-1.7\n", "row 1: this is a PDF, not a CSV"},
		"binary":       {"abc\x00\x01\x02", "row 1: this file has binary data in it"},
		"empty":        {"\n\n", "row 1: the file is empty"},
		"header only":  {"Grade,Occupation\n", `row 2, column B "Occupation": no responses to count`},
		"no answers":   {"Grade,Occupation\nA,\nB,\n", `row 2, column B "Occupation": no responses to count`},
		"one column":   {"Just some text\nwith lines\n", "row 1: found only one column (tried comma, semicolon, tab, vertical bar as the delimiter)"},
		"broken quote": {"Grade,Occupation\nA,Plumber\nA,\"Teacher\" or so\n", `row 3: the file is not a valid CSV here (a quote mark that is not closed, or text straight after a closing quote, at character`},
		"bare quote":   {"Grade,Occupation\nA,Plumber\nA,the \"Teacher\"\n", `row 3: the file is not a valid CSV here (a quote mark in a cell that is not in quotes`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := importString(t, tc.data, ImportOptions{})
			if err == nil {
				t.Fatal("imported")
			}
			got := strings.Join(csvProblems(t, err), "\n")
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s...", got, tc.want)
			}
		})
	}
}

func TestImportColumns(t *testing.T) {
	csv := "When,Team level,Level of job,Q14\nx,Ops,Team member,Plumber\n"
	// Two headers could be the grade, none the answer: name them.
	_, err := importString(t, csv, ImportOptions{})
	var ce *ColumnError
	if !errors.As(err, &ce) || ce.Which != "grade" {
		t.Fatalf("want a ColumnError for the grade, got %v", err)
	}
	im := mustImport(t, csv, ImportOptions{GradeColumn: "level of JOB", AnswerColumn: "d"})
	if im.Grade.Index != 2 || im.Answer.Index != 3 || im.GradeFound {
		t.Errorf("columns %+v %+v", im.Grade, im.Answer)
	}
	_, err = importString(t, csv, ImportOptions{GradeColumn: "Grade", AnswerColumn: "D"})
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), `no column has the header or letter "Grade". Name the grade column with --grade-column`) ||
		!strings.Contains(err.Error(), "\n  C \"Level of job\"") {
		t.Errorf("error should list the columns: %v", err)
	}
	_, err = importString(t, csv, ImportOptions{GradeColumn: "C", AnswerColumn: "C"})
	if err == nil || !strings.Contains(err.Error(), "the grade and the answer are both column C") {
		t.Errorf("same column twice: %v", err)
	}
	// Asked through Choose when the headers do not tell.
	var asked []string
	im = mustImport(t, csv, ImportOptions{Choose: func(which string, cols []Column) (Column, error) {
		asked = append(asked, which)
		return cols[map[string]int{"grade": 2, "answer": 3}[which]], nil
	}})
	if strings.Join(asked, ",") != "grade,answer" || counts(t, im, "Team member") != "1/0/0/0/0" {
		t.Errorf("asked %v", asked)
	}
}

func TestImportGivenGrades(t *testing.T) {
	csv := "Grade,Occupation\nManager,Plumber\nteam member,Teacher\nTeam lead,Teacher\nTeam lead,Plumber\n"
	_, err := importString(t, csv, ImportOptions{Grades: []string{"Team member", "Team leader", "Manager"}})
	got := strings.Join(csvProblems(t, err), "\n")
	want := `row 4, column A "Grade": the grade "Team lead" (on rows 4 and 5) is not one of the grades from --grades or the data file (Team member, Team leader, Manager): correct it in the file, or give every grade, junior to senior, with --grades; "Team leader" is given but on no row: if the two are one grade, write it the same in both`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	im := mustImport(t, csv, ImportOptions{Grades: []string{"Team member", "Team lead", "Team leader", "Manager"}})
	if strings.Join(im.Grades, "|") != "Team member|Team lead|Team leader|Manager" {
		t.Errorf("grades %q: want the order given, with the given spelling", im.Grades)
	}
	if counts(t, im, "Team leader") != "0/0/0/0/0" || counts(t, im, "Team member") != "0/0/1/0/0" {
		t.Error("counts")
	}
}

func TestImportSkipRows(t *testing.T) {
	// Qualtrics writes the question text and an import id under the header.
	csv := "Q1,Q2\n\"Your grade\",\"" + questionHeader + "\"\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\nA,Plumber\n"
	im := mustImport(t, csv, ImportOptions{GradeColumn: "Q1", AnswerColumn: "Q2", SkipRows: 2})
	if im.Responses != 1 || im.Grades[0] != "A" {
		t.Errorf("%+v", im)
	}
}

func TestColumnLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := (Column{Index: i}).Letter(); got != want {
			t.Errorf("column %d = %s, want %s", i, got, want)
		}
	}
}

func TestImportKeepsNoRows(t *testing.T) {
	// What an import returns is counts and the answers placed by an
	// example (to be checked by a person); grades and no free text beyond
	// those.
	im := mustImport(t, "Grade,Occupation,Name\nA,Plumber,Ana Smith\nA,Teacher,Ben Jones\n", ImportOptions{})
	for _, c := range im.Checked {
		if strings.Contains(c.Text, "Smith") || strings.Contains(c.Text, "Jones") {
			t.Errorf("a name was kept: %+v", c)
		}
	}
}

// A grade typed with a slip on the first row it is on ("band 3 ") and
// right on every other is named as most of its rows write it, in the data
// file and in every chart after: the first spelling found named it.
func TestImportNamesAGradeAsMostRowsWriteIt(t *testing.T) {
	csv := "Grade,Occupation\nband 3 ,Plumber\nBand 1,Teacher\nBand 3,Teacher\nBAND 3,Nurse\nBand 3,Plumber\n"
	im := mustImport(t, csv, ImportOptions{})
	if strings.Join(im.Grades, ",") != "Band 3,Band 1" {
		t.Errorf("grades %q, want Band 3 and Band 1", im.Grades)
	}
	if got := counts(t, im, "Band 3"); got != "2/0/2/0/0" {
		t.Errorf("Band 3 counts %s", got)
	}
	// Given grades keep the names given.
	im = mustImport(t, csv, ImportOptions{Grades: []string{"Band 1", "band 3"}})
	if strings.Join(im.Grades, ",") != "Band 1,band 3" {
		t.Errorf("given grades %q", im.Grades)
	}
}

// An answer typed with other capitals or spacing on other rows ("N/A",
// "n/a", "N/A ") is one problem with all its rows: one --place places
// them all, and ten problems would push the others off the list.
func TestImportListsAnAnswerSpeltSeveralWaysOnce(t *testing.T) {
	csv := "Grade,Occupation\nA,N/A\nA,Lorry driver\nA,n/a\nA,lorry  Driver\nA,N/A\n"
	_, err := importString(t, csv, ImportOptions{})
	got := csvProblems(t, err)
	if len(got) != 2 || !strings.Contains(got[0], `the answer "N/A" is not one of the guide's (on rows 2, 4 and 6)`) ||
		!strings.Contains(got[1], `the answer "Lorry driver" is not one of the guide's (on rows 3 and 5)`) {
		t.Errorf("want N/A and Lorry driver once each, on all their rows:\n%s", strings.Join(got, "\n"))
	}
	na, _ := ParsePlace("N/A=other")
	lorry, _ := ParsePlace("Lorry driver=routine-manual-service")
	if got := counts(t, mustImport(t, csv, ImportOptions{Places: []Place{na, lorry}}), "A"); got != "2/0/0/3/0" {
		t.Errorf("the two --place lines place every spelling: %s", got)
	}
}

func TestImportSecondHeaderRowIsPointedOut(t *testing.T) {
	// A second header row ladder does not know ("Q1 text" under each
	// question): --skip-rows 1 is the way past it, and the message says so.
	csv := "Respondent ID,Which level are you?,Occupation\n,Your level,Your answer\n1,A,Plumber\n2,B,Teacher\n"
	_, err := importString(t, csv, ImportOptions{Grades: []string{"A", "B"}})
	got := strings.Join(csvProblems(t, err), "\n")
	if !strings.Contains(got, `the grade "Your level" (on row 2) is not one of the grades from --grades or the data file`) ||
		!strings.HasSuffix(got, "; if row 2 is a second header row, as in SurveyMonkey's exports, import with --skip-rows 1") {
		t.Errorf("got %s", got)
	}
	if im := mustImport(t, csv, ImportOptions{Grades: []string{"A", "B"}, SkipRows: 1}); im.Responses != 2 {
		t.Errorf("with --skip-rows 1: %d responses, want 2", im.Responses)
	}
	// A grade misspelt on the first row and again later is not a header.
	_, err = importString(t, "Grade,Occupation\nTeam lead,Plumber\nA,Teacher\nTeam lead,Nurse\n", ImportOptions{Grades: []string{"A"}})
	if got := strings.Join(csvProblems(t, err), "\n"); strings.Contains(got, "--skip-rows") {
		t.Errorf("a grade on several rows is not a second header: %s", got)
	}
}

// surveyMonkeyExport is a SurveyMonkey export as it writes one: the
// question text in the first header row, "Response" under each question
// in the second, and the text people typed for the key question's "Other
// (please specify)" in a column of its own, the answer column left empty.
const surveyMonkeyExport = "Respondent ID,Start Date,What is your grade?,What was the occupation of your main household earner when you were about aged 14?,,Any comments?\n" +
	",,Response,Response,Other (please specify),Open-Ended Response\n" +
	"1140001,03/10/2027 09:14:02 AM,Band 1,Technical and craft occupations,,\n" +
	"1140002,03/10/2027 09:15:02 AM,Band 1,,Teacher,\n" +
	"1140003,03/10/2027 09:16:02 AM,Band 2,,Lorry driver,Thanks\n" +
	"1140004,03/10/2027 09:17:02 AM,Band 2,I prefer not to say,,\n" +
	"1140005,03/10/2027 09:18:02 AM,Band 2,,Lorry driver,\n"

// TestImportSurveyMonkey: SurveyMonkey's second header row is skipped
// without --skip-rows, and an answer typed into its "Other (please
// specify)" box is an answer, placed or reported like any other: read
// as "no answer to the key question", it dropped out of the counts, and
// a free-text answer is often the very one a survey's options missed.
func TestImportSurveyMonkey(t *testing.T) {
	lorry, err := ParsePlace("Lorry driver=routine-manual-service")
	if err != nil {
		t.Fatal(err)
	}
	place := []Place{lorry}
	for _, skip := range []int{0, 1} {
		_, err := importString(t, surveyMonkeyExport, ImportOptions{Grades: []string{"Band 1", "Band 2"}, SkipRows: skip})
		got := strings.Join(csvProblems(t, err), "\n")
		if want := `row 5, column E "Other (please specify)": the answer "Lorry driver" is not one of the guide's (on rows 5 and 7)`; !strings.Contains(got, want) || strings.Contains(got, "Response") {
			t.Errorf("--skip-rows %d: want the typed answer reported in its own column, %s; got\n%s", skip, want, got)
		}
		im := mustImport(t, surveyMonkeyExport, ImportOptions{Grades: []string{"Band 1", "Band 2"}, SkipRows: skip, Places: place})
		if got := counts(t, im, "Band 1") + " " + counts(t, im, "Band 2"); got != "1/0/1/0/0 2/0/0/0/1" {
			t.Errorf("--skip-rows %d: counts %s, want the typed answers counted", skip, got)
		}
		if im.NoAnswer.Count != 0 || !im.SurveyMonkey || im.Other.Index != 4 || im.Other.Header != "Other (please specify)" {
			t.Errorf("--skip-rows %d: no answer %v, SurveyMonkey %v, other column %+v", skip, im.NoAnswer, im.SurveyMonkey, im.Other)
		}
	}
	// Without an Other column, the second header row is still skipped.
	csv := "Respondent ID,Which level are you?,Occupation\n,Response,Response\n1,A,Plumber\n2,B,Teacher\n"
	if im := mustImport(t, csv, ImportOptions{Grades: []string{"A", "B"}}); im.Responses != 2 || im.Other.Index >= 0 {
		t.Errorf("%d responses, other column %+v", im.Responses, im.Other)
	}
}

// TestImportPlaceHintCanBePasted: the --place an unplaced answer's problem
// suggests places that answer when pasted into a shell, even when the
// answer spans lines in its cell (a free-text field, typed with Enter) or
// has a tab in it: the hint gives the answer on one line, as the import
// matches it, not with the pictures that show its line breaks.
func TestImportPlaceHintCanBePasted(t *testing.T) {
	csv := "Grade,Occupation\nManager,\"Vicar\nof the parish\"\nManager,\"Farm\thand \"\n"
	_, err := importString(t, csv, ImportOptions{})
	var places []Place
	for _, problem := range csvProblems(t, err) {
		_, hint, ok := strings.Cut(problem, "--place '")
		hint, _, _ = strings.Cut(hint, "' (ladder data groups")
		if !ok {
			t.Fatalf("no --place hint in %q", problem)
		}
		hint = strings.Replace(hint, "=KEY", "=routine-manual-service", 1)
		p, err := ParsePlace(hint)
		if err != nil {
			t.Fatalf("the hint %q does not parse: %v", hint, err)
		}
		places = append(places, p)
	}
	if len(places) != 2 {
		t.Fatalf("%d hints, want 2", len(places))
	}
	im, err := importString(t, csv, ImportOptions{Places: places})
	if err != nil {
		t.Fatalf("the hints pasted do not place the answers:\n%s", strings.Join(csvProblems(t, err), "\n"))
	}
	if got := counts(t, im, "Manager"); got != "2/0/0/0/0" {
		t.Errorf("counts %s", got)
	}
}

func TestImportFindsTheHeaderBelowATitle(t *testing.T) {
	// A spreadsheet saved as CSV: a title, a blank row, a row of merged
	// cells over the headers, then the headers.
	csv := "Staff survey 2027;;;\n;;;\nEmployee details;;Questions;\nRef;Pay band;Occupation of main household earner at 14;Comment\n1;Band A;Plumber;\n2;Band B;Teacher;\n"
	im := mustImport(t, csv, ImportOptions{})
	if im.TitleRows != 2 || im.HeaderRow != 4 || im.Grade.Index != 1 || im.Answer.Index != 2 {
		t.Errorf("title rows %d, header row %d, grade %s, answer %s", im.TitleRows, im.HeaderRow, im.Grade, im.Answer)
	}
	if im.Responses != 2 || counts(t, im, "Band A") != "1/0/0/0/0" || counts(t, im, "Band B") != "0/0/1/0/0" {
		t.Errorf("responses %d, grades %q", im.Responses, im.Grades)
	}
	// Columns named by their headers find it too.
	im = mustImport(t, "Survey,\nJob,Q7\nJunior,Plumber\n", ImportOptions{GradeColumn: "job", AnswerColumn: "Q7"})
	if im.HeaderRow != 2 || im.Responses != 1 {
		t.Errorf("named columns: header row %d, responses %d", im.HeaderRow, im.Responses)
	}
	// A full first row is the header even when its headers do not say
	// which columns are which, and a data row that names a grade and an
	// occupation is not taken for one.
	_, err := importString(t, "Job,Answer\nGrade 3,Technical and craft occupations\n", ImportOptions{})
	var ce *ColumnError
	if !errors.As(err, &ce) || len(ce.Columns) != 2 || ce.Columns[0].Header != "Job" {
		t.Errorf("a data row taken for the header: %v", err)
	}
	// Excel's "sep=;" line is not the header either.
	if im := mustImport(t, "sep=;\nGrade;Occupation at 14\nJunior;Plumber\n", ImportOptions{}); im.HeaderRow != 2 || im.Delimiter != ';' || im.Responses != 1 {
		t.Errorf("sep=: header row %d, delimiter %q, responses %d", im.HeaderRow, im.Delimiter, im.Responses)
	}
	if im := mustImport(t, "Grade,"+questionHeader+"\nTeam member,Plumber\n", ImportOptions{}); im.TitleRows != 0 || im.HeaderRow != 1 {
		t.Errorf("a header on row 1: title rows %d, header row %d", im.TitleRows, im.HeaderRow)
	}
}

func TestImportRefusesATableOfCounts(t *testing.T) {
	// An HR system's summary, one row per grade with a column per group,
	// is counts already added up: its numbers are not answers to place.
	_, err := importString(t, "Grade,Working class,Intermediate,Professional,Prefer not to say\nJunior,30,20,15,3\n", ImportOptions{})
	var ce *CSVError
	if !errors.As(err, &ce) || len(ce.Problems) != 1 || ce.Problems[0].Row != 1 ||
		!strings.Contains(err.Error(), "the headers are the guide's groups (Working class, Intermediate, Professional, Prefer not to say): this looks like counts already added up") {
		t.Errorf("got %v", err)
	}
	// One header that names a group is not a table of counts.
	if im := mustImport(t, "Grade,Professional\nJunior,Teacher\n", ImportOptions{AnswerColumn: "B"}); im.Responses != 1 {
		t.Errorf("responses %d", im.Responses)
	}
}

// qualtricsExport is a response export as Qualtrics writes it: the
// questions' short names, then their text, then a row of import ids.
func qualtricsExport(names ...string) string {
	var b strings.Builder
	b.WriteString("StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,ResponseId," + names[0] + "," + names[1] + "\n")
	b.WriteString("Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Response ID,What is your grade?,\"" + questionHeader + "\"\n")
	b.WriteString(`"{""ImportId"":""startDate"",""timeZone"":""Europe/London""}","{""ImportId"":""endDate"",""timeZone"":""Europe/London""}","{""ImportId"":""status""}","{""ImportId"":""ipAddress""}","{""ImportId"":""progress""}","{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"` + "\n")
	b.WriteString("2027-03-01 09:00:00,2027-03-01 09:02:00,IP Address,192.0.2.1,100,120,True,R_1,Team member,Technical and craft occupations\n")
	b.WriteString("2027-03-01 09:10:00,2027-03-01 09:12:00,IP Address,192.0.2.2,100,120,True,R_2,Manager,Small business owners\n")
	return b.String()
}

func TestImportReadsAQualtricsExport(t *testing.T) {
	// Row 1 names the questions Q1, Q2: the header is the question text
	// on row 2, and row 3's import ids are not a response.
	im := mustImport(t, qualtricsExport("Q1", "Q2"), ImportOptions{})
	if im.HeaderRow != 2 || im.TitleRows != 1 || im.HeaderBelow != 1 || im.Grade.Index != 8 || im.Answer.Index != 9 {
		t.Errorf("header row %d, title rows %d, below %d, grade %s, answer %s", im.HeaderRow, im.TitleRows, im.HeaderBelow, im.Grade, im.Answer)
	}
	if im.Responses != 2 || counts(t, im, "Team member") != "1/0/0/0/0" || counts(t, im, "Manager") != "0/1/0/0/0" {
		t.Errorf("responses %d, grades %q", im.Responses, im.Grades)
	}
	// Questions renamed in Qualtrics: row 1 is the header, and the rows
	// of question text and import ids under it are skipped.
	im = mustImport(t, qualtricsExport("Grade", "Occupation at 14"), ImportOptions{})
	if im.HeaderRow != 1 || im.HeaderBelow != 2 || im.Responses != 2 {
		t.Errorf("renamed: header row %d, below %d, responses %d", im.HeaderRow, im.HeaderBelow, im.Responses)
	}
	// Columns named by their short names or letters.
	for _, opts := range []ImportOptions{{GradeColumn: "Q1", AnswerColumn: "Q2"}, {GradeColumn: "I", AnswerColumn: "J"}} {
		if im := mustImport(t, qualtricsExport("Q1", "Q2"), opts); im.Responses != 2 || im.Grade.Index != 8 {
			t.Errorf("%+v: responses %d, grade %s", opts, im.Responses, im.Grade)
		}
	}
	// --skip-rows, as the way round it was, still means what it says.
	if im := mustImport(t, qualtricsExport("Q1", "Q2"), ImportOptions{GradeColumn: "Q1", AnswerColumn: "Q2", SkipRows: 2}); im.HeaderRow != 1 || im.Responses != 2 {
		t.Errorf("--skip-rows 2: header row %d, responses %d", im.HeaderRow, im.Responses)
	}
}

func TestImportFindsTheHeaderBelowATitleByLetters(t *testing.T) {
	// Columns named by letter: the header is still the row whose cells in
	// those columns say grade and occupation, below a title.
	csv := "Staff survey 2027;;;\n;;;\nEmployee details;;Questions;\nRef;Pay band;Occupation of main household earner at 14;Comment\n1;Band A;Plumber;\n2;Band B;Teacher;\n"
	im := mustImport(t, csv, ImportOptions{GradeColumn: "B", AnswerColumn: "c"})
	if im.HeaderRow != 4 || im.TitleRows != 2 || im.Responses != 2 {
		t.Errorf("header row %d, title rows %d, responses %d", im.HeaderRow, im.TitleRows, im.Responses)
	}
	// One by letter, one by header.
	if im := mustImport(t, csv, ImportOptions{GradeColumn: "pay band", AnswerColumn: "C"}); im.HeaderRow != 4 || im.Responses != 2 {
		t.Errorf("header and letter: header row %d, responses %d", im.HeaderRow, im.Responses)
	}
	// A data row whose cells say grade and occupation is not a header
	// when the row above it is as full.
	im = mustImport(t, "Ref,Job,Answer\n1,Grade 3,Technical and craft occupations\n", ImportOptions{GradeColumn: "B", AnswerColumn: "C"})
	if im.HeaderRow != 1 || im.Responses != 1 {
		t.Errorf("a data row taken for the header: header row %d, responses %d", im.HeaderRow, im.Responses)
	}
}

// TestColumnListTellsLongHeadersApart: survey tools end two headers the
// same long question differently ("- Selected Choice", "- Other - Text");
// the list of columns shows those ends, so a person can tell which to name.
func TestColumnListTellsLongHeadersApart(t *testing.T) {
	csv := "Grade," + questionHeader + " - Selected Choice," + questionHeader + " - Other - Text\nA,Other,retired\n"
	_, err := importString(t, csv, ImportOptions{})
	var ce *ColumnError
	if !errors.As(err, &ce) {
		t.Fatalf("want a column error, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"\n  A \"Grade\"", "- Selected Choice\"", "- Other - Text\""} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q not in\n%s", want, msg)
		}
	}
	if labels := ColumnLabels(ce.Columns); len(labels) != 3 || labels[1] == labels[2] {
		t.Errorf("labels %q", labels)
	}
}

// TestImportSaysWhereCommonNonAnswersProbablyBelong: a spreadsheet of a
// small firm's own survey says "N/A", "Unemployed" or "Other (please
// specify)" where the guide has no such answer. They are still left to a
// person (a guess could move someone into the wrong group), but the
// message names the guide's answer each most likely is, what that does
// to the shares, and the --place to paste, so the owner need not work
// out the keys from ladder data groups.
func TestImportSaysWhereCommonNonAnswersProbablyBelong(t *testing.T) {
	csv := "Grade,Occupation\n" +
		"Team member,N/A\n" +
		"Team member,Unemployed\n" +
		"Manager,n/a\n" +
		"Manager,Other (please specify)\n" +
		"Manager,Not applicable\n" +
		"Manager,Self-employed\n"
	_, err := importString(t, csv, ImportOptions{})
	got := strings.Join(csvProblems(t, err), "\n")
	for _, want := range []string{
		`row 2, column B "Occupation": the answer "N/A" is not one of the guide's (on rows 2 and 4): if it means the question does not apply, it is the guide's Other, left out of the shares: --place 'N/A=other'`,
		`row 3, column B "Occupation": the answer "Unemployed" is not one of the guide's: the guide counts the long-term unemployed (benefits for more than a year) as a working-class background: --place 'Unemployed=long-term-unemployed' if that is what it means, else --place 'Unemployed=other'`,
		`row 5, column B "Occupation": the answer "Other (please specify)" is not one of the guide's: if the words people wrote are in another column, place those; otherwise it is the guide's Other, left out of the shares: --place 'Other (please specify)=other'`,
		`row 6, column B "Occupation": the answer "Not applicable" is not one of the guide's: if it means the question does not apply, it is the guide's Other, left out of the shares: --place 'Not applicable=other'`,
		// Self-employed without employees is NS-SEC's "own account
		// worker", in the class the guide calls small business owners.
		`row 7, column B "Occupation": the answer "Self-employed" is not one of the guide's: the guide counts owners of a small business (fewer than 20 employees) as an intermediate background: --place 'Self-employed=small-business-owners' if that is what it means, else say where their work belongs with --place 'Self-employed=KEY'`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no\n%s\nin\n%s", want, got)
		}
	}
	// The keys suggested are the guide's, and place the answers as said.
	var places []Place
	for _, s := range []string{"N/A=other", "Unemployed=long-term-unemployed", "Other (please specify)=other", "Not applicable=other", "Self-employed=small-business-owners"} {
		pl, err := ParsePlace(s)
		if err != nil {
			t.Fatalf("--place %s: %v", s, err)
		}
		places = append(places, pl)
	}
	im := mustImport(t, csv, ImportOptions{Places: places})
	if got := counts(t, im, "Team member") + " " + counts(t, im, "Manager"); got != "1/0/0/1/0 0/1/0/3/0" {
		t.Errorf("counts %s", got)
	}
}

// A total someone left below the responses in a spreadsheet (=COUNTA
// under the answers, "Total" beside it, in the grade column or another)
// is skipped and listed, not read as a response: it was offered to
// --place as an answer ("--place '154=KEY'"), which would have made
// "Total" a grade. Answers exported as numbers (codes 1 to 9) with no
// such word beside them are still answers to place.
func TestImportSkipsATotalsRow(t *testing.T) {
	im := mustImport(t, "ID;Grade;"+questionHeader+"\r\n"+
		"1;Staff;Plumber\r\n"+
		"2;Staff;Teacher\r\n"+
		"3;Manager;Teacher\r\n"+
		";;\r\n"+
		";Total;3\r\n"+
		"Grand total:;;3\r\n", ImportOptions{})
	if im.Responses != 3 || im.Totals.Count != 2 || im.Totals.String() != "rows 6 and 7" {
		t.Errorf("responses %d, totals %d (%s); want 3 responses and rows 6 and 7 skipped as totals", im.Responses, im.Totals.Count, im.Totals)
	}
	if got := strings.Join(im.Grades, ","); got != "Staff,Manager" {
		t.Errorf("grades %s, want Staff,Manager: a totals row is no grade", got)
	}
	_, err := importString(t, "Grade,"+questionHeader+"\nStaff,3\nStaff,Plumber\n", ImportOptions{})
	if got := strings.Join(csvProblems(t, err), "\n"); !strings.Contains(got, `the answer "3" is not one of the guide's`) {
		t.Errorf("a coded answer with no total beside it should be left to --place, got:\n%s", got)
	}
}

// A response exported as a code (placed with --place) with a comment that
// begins with the letters of "total" ("Totally fair", "Totalmente de
// acuerdo") is a response, counted: it was skipped as a totals row, and
// the person dropped out of the counts. A row labelled "Total", "Totals:"
// or "Sub-total" is still a total.
func TestATotallyOrdinaryResponseIsCounted(t *testing.T) {
	code, err := ParsePlace("3=routine-manual-service")
	if err != nil {
		t.Fatal(err)
	}
	im := mustImport(t, "Grade,"+questionHeader+",Anything else?\n"+
		"Staff,3,Totally fair so far\n"+
		"Staff,3,Totalmente de acuerdo\n"+
		"Staff,3,\n"+
		"Totals:,3,\n"+
		"Sub-total,3,\n", ImportOptions{Places: []Place{code}})
	if im.Responses != 3 || im.Totals.String() != "rows 5 and 6" {
		t.Errorf("responses %d, totals %s; want 3 responses, and rows 5 and 6 skipped as totals", im.Responses, im.Totals)
	}
}
