package render

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"

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
// status, notes, and "yes" under revisit for an item flagged to come back
// to (last, so that the columns before it keep their places). A plan
// carried on from a previous review, reported with CarriedOnFrom, has one
// more column after those: "carried on from", the date of the review an
// item's action was first read in, for a spreadsheet's filter to pick out
// last year's actions (and the year before's). excel starts the file with
// a UTF-8 byte-order mark.
func ReportCSV(p *plans.Plan, today plans.Date, excel bool, opts ...ReportOption) []byte {
	return writeReportCSV(buildReport(p, today, opts...), excel)
}

func writeReportCSV(doc reportDoc, excel bool) []byte {
	header := []string{"area", "item", "recommendation", "rating", "action", "owner", "due", "status", "notes", "revisit"}
	if doc.carriedOn {
		header = append(header, "carried on from")
	}
	rows := [][]string{header}
	for _, a := range doc.areas {
		for _, g := range a.groups {
			for _, it := range g.items {
				ans := it.answer
				revisit := ""
				if ans.revisit {
					revisit = "yes"
				}
				row := []string{ans.area, ans.id, it.title, ans.rating.word,
					ans.action, ans.owner, ans.due.value, ans.status, ans.notes, revisit}
				if doc.carriedOn {
					row = append(row, ans.carriedSince)
				}
				rows = append(rows, row)
			}
		}
	}
	return writeCSV(rows, excel)
}

// StatusCSV returns the open actions of a list as CSV, one row per action
// in the order status lists them: its group (as the list is grouped: when
// it is due, its owner or its plan), due date, how late or soon, owner,
// the plan's file, organisation and title, what the action is, and the
// item or step it comes from. Text is kept whole, line breaks included;
// an empty owner or due date is an empty cell.
func StatusCSV(l *StatusList, excel bool) ([]byte, error) {
	var b bytes.Buffer
	err := WriteStatusCSV(&b, l, excel)
	return b.Bytes(), err
}

// WriteStatusCSV writes what StatusCSV returns to w as it goes.
func WriteStatusCSV(w io.Writer, l *StatusList, excel bool) error {
	d := newStatusList(l, "")
	out := newCSVWriter(w, excel)
	out.row([]string{"group", "due", "when", "owner", "plan", "organisation", "title", "action", "from"})
	var group string
	row := make([]string, 9)
	err := d.each(func(title, _ string) error {
		group = title
		return nil
	}, func(a *plans.Listed) error {
		_, when := l.cells(a.Due)
		copy(row, []string{group, a.Due.String(), when, a.Owner, a.Path, a.Plan.Organisation, a.Plan.Title, a.Text, a.What})
		return out.row(row)
	})
	if err != nil {
		return err
	}
	return out.flush()
}

func writeCSV(rows [][]string, excel bool) []byte {
	var b bytes.Buffer
	out := newCSVWriter(&b, excel)
	for _, r := range rows {
		// Writing to a bytes.Buffer cannot fail, and every row is valid.
		_ = out.row(r)
	}
	_ = out.flush()
	return b.Bytes()
}

// csvWriter writes rows of cells made safe (see csvCell), CRLF-ended, with
// a byte-order mark first for Excel.
type csvWriter struct {
	w *csv.Writer
}

func newCSVWriter(w io.Writer, excel bool) *csvWriter {
	// csv.Writer writes through this buffer (it does not add one of its
	// own around a bufio.Writer), so the mark goes first.
	bw := bufio.NewWriter(w)
	if excel {
		bw.WriteString(excelBOM)
	}
	c := &csvWriter{w: csv.NewWriter(bw)}
	c.w.UseCRLF = true
	return c
}

// row writes a row, changing its cells in place.
func (c *csvWriter) row(cells []string) error {
	for i, cell := range cells {
		cells[i] = csvCell(cell)
	}
	return c.w.Write(cells)
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
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
