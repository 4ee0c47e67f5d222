package render

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

func TestReportCSVGolden(t *testing.T) {
	for _, name := range []string{"report-21", "report-all"} {
		t.Run(name, func(t *testing.T) {
			got := ReportCSV(loadFixture(t, htmlFixtures[name]), reportToday, false)
			checkGolden(t, name+".csv", got)
		})
	}
}

// TestReportCSVReadsBack: a spreadsheet (here encoding/csv, which follows
// RFC 4180) gets one row per item, in checklist order, with every field as
// the plan has it: commas, quotes, line breaks and all. The status is the
// action's: an item with none is to do, whatever a hand edit left.
func TestReportCSVReadsBack(t *testing.T) {
	p := loadFixture(t, "../plans/testdata/report-all.yaml")
	flagged := p.Checklist.Items()[1].Item.ID
	p.Items[flagged].Revisit = true // an item flagged to revisit says so in its own column
	data := ReportCSV(p, reportToday, false)
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\r\n")) < len(p.Checklist.Items())+1 {
		t.Error("rows do not end in CRLF, as RFC 4180 has them")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"area", "item", "recommendation", "rating", "action", "owner", "due", "status", "notes", "revisit"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Errorf("header %q, want %q", rows[0], want)
	}
	entries := p.Checklist.Items()
	if len(rows)-1 != len(entries) {
		t.Fatalf("%d rows, want one per item (%d)", len(rows)-1, len(entries))
	}
	for i, e := range entries {
		r := p.Items[e.Item.ID]
		row := rows[i+1]
		rating := "Unrated"
		if l, _, ok := p.Checklist.Level(r.Rating); ok {
			rating = l.Label
		}
		status := statusWord(r.Status)
		if r.Action == "" {
			status = statusWord(plans.StatusTodo)
		}
		revisit := ""
		if r.Revisit {
			revisit = "yes"
		}
		if (revisit != "") != (e.Item.ID == flagged) {
			t.Fatalf("%s: revisit is %v in the plan, want it on %s only", e.Item.ID, r.Revisit, flagged)
		}
		for col, want := range []string{e.Area.Title, e.Item.ID, e.Item.Title, rating, csvCell(r.Action), csvCell(r.Owner), r.Due.String(), status, csvCell(r.Notes), revisit} {
			if row[col] != want {
				t.Errorf("%s: %s is %q, want %q", e.Item.ID, rows[0][col], row[col], want)
			}
		}
	}
}

// TestCSVCellsAreNeverFormulas: text a spreadsheet would run as a formula
// gets a leading apostrophe; nothing else is changed.
func TestCSVCellsAreNeverFormulas(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x.example","click")`: `'=HYPERLINK("http://x.example","click")`,
		"+1+1":                                   "'+1+1",
		"-2+3":                                   "'-2+3",
		"@SUM(A1:A2)":                            "'@SUM(A1:A2)",
		"\t=1":                                   "'\t=1",
		"\r=1":                                   "␍=1", // a carriage return shows as a picture
		"\x1b[2J title":                          "␛[2J title",
		"Ana = Zoë":                              "Ana = Zoë",
		"2027-03-01":                             "2027-03-01",
		"":                                       "",
		"'quoted already":                        "'quoted already",
		"<script>x</script>":                     "<script>x</script>",
		"a, \"b\"\nsecond line":                  "a, \"b\"\nsecond line",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := plans.New(c, "Acme", "Spring", day(2027, 1, 15))
	r := p.Items[c.Items()[0].Item.ID]
	r.Action, r.Owner, r.Notes = `=cmd|' /C calc'!A0`, "@Ana", "-1"
	rows, err := csv.NewReader(bytes.NewReader(ReportCSV(p, reportToday, false))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][4:6]; got[0] != `'=cmd|' /C calc'!A0` || got[1] != "'@Ana" || rows[1][8] != "'-1" {
		t.Errorf("formula-like cells are %q, %q", got, rows[1][8])
	}
}

// TestCSVForExcel: --excel starts the file with a UTF-8 byte-order mark,
// and changes nothing else.
func TestCSVForExcel(t *testing.T) {
	p := loadFixture(t, "testdata/report-21.yaml")
	plain := ReportCSV(p, reportToday, false)
	excel := ReportCSV(p, reportToday, true)
	if !bytes.Equal(excel, append([]byte("\xef\xbb\xbf"), plain...)) {
		t.Error("the Excel CSV is not the plain CSV after a UTF-8 byte-order mark")
	}
	if bytes.HasPrefix(plain, []byte("\xef\xbb\xbf")) {
		t.Error("the plain CSV starts with a byte-order mark")
	}
}

func TestStatusCSVGolden(t *testing.T) {
	for _, by := range []StatusBy{ByDue, ByOwner, ByPlan} {
		t.Run(string(by), func(t *testing.T) {
			got, err := StatusCSV(statusFixture(t, by), false)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "status-by-"+string(by)+".csv", got)
		})
	}
}

// TestStatusCSVReadsBack: one row per open action, in the order the
// text lists them, each action's text whole (line breaks and all) with
// its plan's organisation and title.
func TestStatusCSVReadsBack(t *testing.T) {
	o := statusFixture(t, ByDue)
	data, err := StatusCSV(o, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(excelBOM)) {
		t.Fatal("no byte-order mark first")
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "group,due,when,owner,plan,organisation,title,action,from" {
		t.Errorf("header %s", got)
	}
	if len(rows)-1 != o.Total() {
		t.Fatalf("%d rows, want one per open action (%d)", len(rows)-1, o.Total())
	}
	first := rows[1]
	if want := []string{"Overdue", "2027-01-20", "40 days late", "", "plans/b.yaml", "", "", "Long overdue step\nwith a second line", "step 4 of the project plan"}; strings.Join(first, "|") != strings.Join(want, "|") {
		t.Errorf("first row %q, want %q", first, want)
	}
	last := rows[len(rows)-1]
	if last[0] != "No due date" || last[1] != "" || last[5] != "Acme Café Ltd" || last[6] != "Spring review" {
		t.Errorf("last row %q", last)
	}
}
