package render

import (
	"bytes"
	"encoding/csv"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// CSV is for spreadsheets: RFC 4180 (a header row, fields quoted when they
// hold a comma, a quote or a line break, lines ending in CRLF), written by
// encoding/csv. A cell keeps its text as the plan has it, line breaks and
// all (control characters other than line breaks and tabs show as
// pictures, as everywhere ladder prints), with one exception that matters
// once the file is opened:
//
// A spreadsheet reads a cell that starts with =, +, - or @ (or a tab,
// which some of them skip first) as a formula, and a formula can fetch a
// web address or run a command. Plan text comes from
// other people, so such a cell gets a leading apostrophe ('=SUM(A1) shows
// as typed, with the apostrophe) instead of being run. This is the
// OWASP-recommended defence; it changes only cells that start with those
// characters, and none of the columns ladder itself fills (ids, dates,
// ratings, statuses) ever does. Every spreadsheet shows the apostrophe in
// the cell, so the text is still readable, and a program that wants the
// raw text can strip it: it is never added to a cell that did not need it.

// excelBOM is the UTF-8 byte-order mark that tells Excel the file is UTF-8
// (without it, Excel reads CSV in the machine's legacy code page).
const excelBOM = "\ufeff"

// ReportCSV returns a plan's items as CSV, one row per item in checklist
// order: area, item id, recommendation, rating, action, owner, due date,
// status and notes. excel starts the file with a UTF-8 byte-order mark.
func ReportCSV(p *plans.Plan, today plans.Date, excel bool) []byte {
	return writeReportCSV(buildReport(p, today), excel)
}

func writeReportCSV(doc reportDoc, excel bool) []byte {
	rows := [][]string{{"area", "item", "recommendation", "rating", "action", "owner", "due", "status", "notes"}}
	for _, a := range doc.areas {
		for _, g := range a.groups {
			for _, it := range g.items {
				ans := it.answer
				rows = append(rows, []string{ans.area, ans.id, it.title, ans.rating.word,
					ans.action, ans.owner, ans.due.value, ans.status, ans.notes})
			}
		}
	}
	return writeCSV(rows, excel)
}

// StatusCSV returns the open actions of the plans in dir as CSV, one row
// per action in the order status lists them: its group (as --by makes
// them: when it is due, its owner or its plan), due date, how late or
// soon, owner, the plan's file, organisation and title, what the action
// is, and the item or step it comes from. Text is kept whole, line
// breaks included; an empty owner or due date is an empty cell.
func StatusCSV(o *plans.Outstanding, dir string, by StatusBy, excel bool) []byte {
	doc := buildStatus(o, dir, by)
	info := map[string]plans.PlanInfo{}
	for _, t := range doc.totals {
		info[t.info.Path] = t.info
	}
	rows := [][]string{{"group", "due", "when", "owner", "plan", "organisation", "title", "action", "from"}}
	for _, g := range doc.groups {
		for _, i := range g.actions {
			a := o.At(i)
			rows = append(rows, []string{g.title, a.Due.String(), doc.row(i).when, a.Owner, a.Path,
				info[a.Path].Organisation, info[a.Path].Title, a.Text, a.What})
		}
	}
	return writeCSV(rows, excel)
}

func writeCSV(rows [][]string, excel bool) []byte {
	var b bytes.Buffer
	if excel {
		b.WriteString(excelBOM)
	}
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, r := range rows {
		for i, cell := range r {
			r[i] = csvCell(cell)
		}
		// Writing to a bytes.Buffer cannot fail, and every row is valid.
		_ = w.Write(r)
	}
	w.Flush()
	return b.Bytes()
}

// csvCell keeps a cell from being read as a formula (see above), and
// shows its control characters (other than line breaks and tabs) as
// pictures, as everything ladder prints does: the file may go to a
// terminal.
func csvCell(s string) string {
	if s == "" {
		return s
	}
	s = safetext.Terminal(s)
	switch s[0] {
	case '=', '+', '-', '@', '\t':
		return "'" + s
	}
	return s
}
