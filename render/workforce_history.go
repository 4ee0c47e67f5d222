package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/workforce"
)

// The workforce data over time: its history (the working-class share of
// each grade at every commit that changed the data file) and the change
// between two versions (each group's share per grade, old → new). Each
// version is protected on its own, exactly as ladder data show would show
// it then, so neither view shows a figure under the threshold.

// WorkforceVersion is one version of a data file: at a commit, or on disk.
type WorkforceVersion struct {
	Commit  string // short hash; "" on disk
	Date    string // the commit's date, YYYY-MM-DD
	Subject string
	Data    *workforce.Data // nil when Problem is set
	Problem string          // why this version did not load
}

// collected is when the version's answers were collected, which is what
// its figures describe (a survey is often committed weeks later): "-" when
// the file does not say, or did not load.
func (v WorkforceVersion) collected() string {
	if v.Data == nil || v.Data.Collected == "" {
		return "-"
	}
	return v.Data.Collected
}

// committed is the commit's date, for a line about the version, when it
// is not the date the answers were collected: "" when it is.
func (v WorkforceVersion) committed() string {
	if v.Date == "" || v.Date == v.collected() {
		return ""
	}
	return "committed " + v.Date
}

// about is the commit's subject, with its date when that differs from the
// collection's.
func (v WorkforceVersion) about() string {
	if c := v.committed(); c != "" {
		return v.Subject + " (" + c + ")"
	}
	return v.Subject
}

// wrapText wraps text to 80 columns after an indent, one line each.
func wrapText(indent, s string) string {
	var b strings.Builder
	for _, l := range wrapAtSpaces(s, 80-len(indent)) {
		b.WriteString(indent + l + "\n")
	}
	return b.String()
}

// wfLegend explains the cells of the history and the diff.
func wfLegend(threshold int) string {
	return fmt.Sprintf("<%d: fewer than %d answers; --: not shown, so that a group under %d cannot be worked out; + shown with its neighbour.", threshold, threshold, threshold)
}

// wfHistory is the history laid out once for both formats.
type wfHistory struct {
	grades []string // columns: the grades of the newest version that loaded
	rows   [][]string
	notes  []string // per row: a problem in place of the shares
	thresh int
}

func buildWorkforceHistory(versions []WorkforceVersion) wfHistory {
	h := wfHistory{thresh: workforce.MinThreshold}
	for i := len(versions) - 1; i >= 0; i-- {
		if d := versions[i].Data; d != nil {
			for _, g := range d.Grades {
				h.grades = append(h.grades, plain(g.Name))
			}
			h.thresh = max(d.Threshold, workforce.MinThreshold)
			break
		}
	}
	for _, v := range versions {
		row := []string{v.collected(), v.Commit}
		if v.Data == nil {
			note := v.Problem
			if c := v.committed(); c != "" {
				note += " (" + c + ")"
			}
			h.rows = append(h.rows, row)
			h.notes = append(h.notes, plain(note))
			continue
		}
		tab := workforce.Protect(v.Data)
		for _, g := range h.grades {
			row = append(row, gradeShare(tab, g))
		}
		total := shareCell(tab.Total, workforce.WorkingClass, tab.Threshold)
		if tab.SmallEmployer() {
			total = "<" + fmt.Sprint(tab.Threshold)
		}
		h.rows = append(h.rows, append(row, total, plain(v.about())))
		h.notes = append(h.notes, "")
	}
	return h
}

// gradeShare is a grade's working-class share in a protected table: its
// row's (marked + when the grade is shown with a neighbour), or "" when
// the version has no such grade.
func gradeShare(tab *workforce.Table, grade string) string {
	for _, r := range tab.Grades {
		for _, m := range r.Members {
			if plain(m) != grade {
				continue
			}
			s := shareCell(r, workforce.WorkingClass, tab.Threshold)
			if tab.SmallEmployer() {
				s = "<" + fmt.Sprint(tab.Threshold)
			}
			if len(r.Members) > 1 {
				s += "+"
			}
			return s
		}
	}
	return ""
}

func (h wfHistory) header() []string {
	return append(append([]string{"Collected", "Commit"}, h.grades...), "All grades", "Subject")
}

// WorkforceHistoryText lays out a data file's history for a terminal cols
// columns wide, oldest first, as the plan's history is (see commitRows).
func WorkforceHistoryText(name string, versions []WorkforceVersion, cols int) []byte {
	h := buildWorkforceHistory(versions)
	var b strings.Builder
	for _, l := range wrapTo(fmt.Sprintf("Workforce data history of %s: %s, oldest first.", plain(name), countNoun(len(versions), "commit")), cols) {
		b.WriteString(l + "\n")
	}
	for _, l := range wrapTo("The working-class share of each grade. "+wfLegend(h.thresh), cols) {
		b.WriteString(l + "\n")
	}
	b.WriteByte('\n')
	subjects := make([]string, len(versions))
	for i, v := range versions {
		subjects[i] = plain(v.Subject)
		if h.notes[i] == "" {
			subjects[i] = plain(v.about())
		}
	}
	commitRows{header: h.header(), rows: h.rows, notes: h.notes, subjects: subjects}.write(&b, cols)
	return []byte(b.String())
}

// WorkforceHistoryMarkdown is the history as a Markdown section at the
// given heading level: the shares in a table, the commits' subjects in a
// list below it (as the plan's history has them), so that the table stays
// narrow.
func WorkforceHistoryMarkdown(name string, versions []WorkforceVersion, level int) []byte {
	h := buildWorkforceHistory(versions)
	var m markdown
	m.heading(level, "Workforce data history")
	m.para(mdText(fmt.Sprintf("The working-class share of each grade in %s at every commit that changed it, oldest first. %s", name, wfLegend(h.thresh))))
	header := h.header()
	header = header[:len(header)-1] // the subjects go below
	right := make([]bool, len(header))
	for i := range header {
		right[i] = i >= 2
		header[i] = mdText(header[i])
	}
	var rows [][]string
	var commits []string
	for i, r := range h.rows {
		cells := make([]string, len(header))
		for j := range cells {
			cells[j] = "-"
			if j < len(r) && r[j] != "" {
				cells[j] = mdText(r[j])
			}
		}
		v := versions[i]
		about := v.Subject
		if v.Problem != "" {
			cells[2] = "see below"
			about += " (" + plain(v.Problem) + ")"
		}
		when := r[1]
		if v.Date != "" {
			when += ", committed " + v.Date
		}
		rows = append(rows, cells)
		commits = append(commits, field(mdText(when), mdText(about)))
	}
	m.splitTable(2, header, right, rows)
	m.heading(level+1, "Commits of the data file")
	m.list(commits)
	return m.bytes()
}

// wfChange is one row of a diff: a grade's shares and responses, old and
// new.
type wfChange struct {
	name     string
	old, new *workforce.Row // nil where the row is not in that version
	oldT     int
	newT     int
}

// WorkforceDiffText says how the data changed between two versions: each
// group's share per grade and the responses, old → new, and the reading
// of each. nil when neither version has data.
func WorkforceDiffText(oldName, newName string, old, new *workforce.Data) []byte {
	rows, oldR, newR := workforceChanges(old, new)
	if rows == nil {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nWorkforce data: %s → %s\n", plain(oldName), plain(newName))
	if len(rows) == 0 {
		b.WriteString("No change.\n")
		return []byte(b.String())
	}
	b.WriteString(wrapText("", wfLegend(max(threshOf(old), threshOf(new)))))
	header := []string{"Grade", "Working class", "Intermediate", "Professional", "Responses"}
	cells := [][]string{header}
	for _, r := range rows {
		cells = append(cells, changeCells(r))
	}
	writeTable(&b, "  ", cells)
	if oldR != newR {
		b.WriteString(wrapText("  ", "Reading before: "+oldR))
		b.WriteString(wrapText("  ", "Reading now: "+newR))
	}
	return []byte(b.String())
}

// WorkforceDiffMarkdown is WorkforceDiffText as a Markdown section.
func WorkforceDiffMarkdown(oldName, newName string, old, new *workforce.Data, level int) []byte {
	rows, oldR, newR := workforceChanges(old, new)
	if rows == nil {
		return nil
	}
	var m markdown
	m.heading(level, "Workforce data")
	m.para(mdText(fmt.Sprintf("From %s to %s.", oldName, newName)))
	if len(rows) == 0 {
		m.para("No change.")
		return m.bytes()
	}
	var cells [][]string
	for _, r := range rows {
		row := changeCells(r)
		for i := range row {
			row[i] = mdText(row[i])
		}
		cells = append(cells, row)
	}
	m.table([]string{"Grade", "Working class", "Intermediate", "Professional", "Responses"}, []bool{false, true, true, true, true}, cells)
	m.para(mdText(wfLegend(max(threshOf(old), threshOf(new)))))
	if oldR != newR {
		m.list([]string{field("Reading before", mdText(oldR)), field("Reading now", mdText(newR))})
	}
	return m.bytes()
}

func threshOf(d *workforce.Data) int {
	if d == nil {
		return workforce.MinThreshold
	}
	return max(d.Threshold, workforce.MinThreshold)
}

// workforceChanges pairs the rows of two versions by name, keeping those
// whose shown figures differ; nil when neither version has data.
func workforceChanges(old, new *workforce.Data) (rows []wfChange, oldReading, newReading string) {
	if old == nil && new == nil {
		return nil, "", ""
	}
	tables := [2]*workforce.Table{}
	readings := [2]string{"no data", "no data"}
	for i, d := range []*workforce.Data{old, new} {
		if d != nil {
			tables[i] = workforce.Protect(d)
			for j := range tables[i].Grades {
				tables[i].Grades[j].Name = plain(tables[i].Grades[j].Name)
			}
			readings[i] = readingWords(workforce.Read(tables[i])).sentence
			if tables[i].SmallEmployer() {
				readings[i] = "too few people to show anything"
			}
		}
	}
	rows = []wfChange{}
	var order []string
	byName := map[string]*wfChange{}
	for side, t := range tables {
		if t == nil {
			continue
		}
		for _, r := range append(append([]workforce.Row{}, t.Grades...), t.Total) {
			c := byName[r.Name]
			if c == nil {
				c = &wfChange{name: r.Name}
				byName[r.Name] = c
				order = append(order, r.Name)
			}
			if side == 0 {
				c.old, c.oldT = &r, t.Threshold
			} else {
				c.new, c.newT = &r, t.Threshold
			}
		}
	}
	for _, name := range order {
		c := byName[name]
		if cells := changeCells(*c); strings.Contains(strings.Join(cells[1:], ""), "→") {
			rows = append(rows, *c)
		}
	}
	return rows, readings[0], readings[1]
}

// changeCells lays one row out: "46% → 44%", or one value when it did not
// change.
func changeCells(c wfChange) []string {
	cell := func(f func(r *workforce.Row, t int) string) string {
		o, n := "(none)", "(none)"
		if c.old != nil {
			o = f(c.old, c.oldT)
		}
		if c.new != nil {
			n = f(c.new, c.newT)
		}
		if o == n {
			return o
		}
		return o + " → " + n
	}
	out := []string{c.name}
	for _, g := range workforce.Reported {
		out = append(out, cell(func(r *workforce.Row, t int) string { return shareCell(*r, g, t) }))
	}
	return append(out, cell(func(r *workforce.Row, t int) string { return figureWord(r.Responses, t, true) }))
}

// shareCell is a group's share in a row, short, as the history and the
// diff show it.
func shareCell(r workforce.Row, g workforce.Group, threshold int) string {
	v, ok := r.Share(g)
	return shareWord(wfShare{shown: ok, value: v, small: r.Groups[g].Small}, threshold, true)
}
