package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
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
	// File is the data file this is a version of when it is not the one
	// the history is of: the data of a review the plan carried on from
	// (last year's), listed first so that a year on the counts read on.
	File string
}

// subject is the commit's subject, naming the data file when it is an
// earlier review's.
func (v WorkforceVersion) subject() string {
	if v.File != "" {
		return v.Subject + " (" + v.File + ")"
	}
	return v.Subject
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
		return v.subject() + " (" + c + ")"
	}
	return v.subject()
}

// wfEarlierExtent says which of a history's first versions are of the
// data of the reviews the plan carried on from (", the first 2 of
// plans/acme-2027.data.yaml, the data of the review it carried on
// from"): "" when none are.
func wfEarlierExtent(versions []WorkforceVersion) string {
	var files []string
	counts := map[string]int{}
	n := 0
	for _, v := range versions {
		if v.File == "" {
			break
		}
		if counts[v.File] == 0 {
			files = append(files, v.File)
		}
		counts[v.File]++
		n++
	}
	first := fmt.Sprintf("the first %d of", n)
	switch {
	case n == len(versions):
		first = "all of"
	case n == 1:
		first = "the first of"
	}
	switch len(files) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(", %s %s, the data of the review it carried on from", first, plain(files[0]))
	}
	parts := make([]string, len(files))
	for i, f := range files {
		parts[i] = fmt.Sprintf("%s (%d)", plain(f), counts[f])
	}
	return fmt.Sprintf(", %s the data of the reviews it carried on from, oldest first: %s", first, strings.Join(parts, ", "))
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
	h := wfHistoryHead(versions)
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

// wfHistoryHead is a history's columns and the threshold it is read at,
// the newest version that loaded's, without its rows.
func wfHistoryHead(versions []WorkforceVersion) wfHistory {
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
	for _, l := range wrapTo(fmt.Sprintf("Workforce data history of %s: %s, oldest first%s.", plain(name), countNoun(len(versions), "commit"), wfEarlierExtent(versions)), cols) {
		b.WriteString(l + "\n")
	}
	for _, l := range wrapTo("The working-class share of each grade. "+wfLegend(h.thresh), cols) {
		b.WriteString(l + "\n")
	}
	b.WriteByte('\n')
	subjects := make([]string, len(versions))
	for i, v := range versions {
		subjects[i] = plain(v.subject())
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
	m.para(mdText(fmt.Sprintf("The working-class share of each grade in %s at every commit that changed it, oldest first%s. %s", name, wfEarlierExtent(versions), wfLegend(h.thresh))))
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
		about := v.subject()
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

// wfDiff is the change between two versions of a data file, laid out once
// for both formats, each version protected on its own: the grades whose
// shares changed, those whose responses, headcount or response rate
// changed (as the report's two tables have them), the file's settings
// that changed ("Target response rate: 75% → 80%"), and the reading.
type wfDiff struct {
	shares    [][]string // Grade, the three groups' shares
	responses [][]string // Grade, Responses, Headcount, Rate
	settings  [][2]string
	readings  [2]string
	threshold int
}

func (d wfDiff) changed() bool {
	return len(d.shares)+len(d.responses)+len(d.settings) > 0 || d.readings[0] != d.readings[1]
}

var (
	wfShareHeader    = []string{"Grade", "Working class", "Intermediate", "Professional"}
	wfResponseHeader = []string{"Grade", "Responses", "Headcount", "Rate"}
)

// WorkforceDiffText says how the data changed between two versions: each
// group's share per grade, the responses, headcounts and response rates,
// old → new, the settings that changed, and the reading of each. nil when
// neither version has data.
func WorkforceDiffText(oldName, newName string, old, new *workforce.Data) []byte {
	if old == nil && new == nil {
		return nil
	}
	d := workforceChanges(old, new)
	var b strings.Builder
	fmt.Fprintf(&b, "\nWorkforce data: %s → %s\n", plain(oldName), plain(newName))
	if old == nil {
		b.WriteString(wrapText("", plain(dataFileFate(newName, old, new))+addedNothingBefore+". To see its figures:"))
		b.WriteString("  ladder data show " + plain(plans.CommandPath(newName)) + "\n")
		return []byte(b.String())
	}
	if fate := dataFileFate(newName, old, new); fate != "" {
		b.WriteString(wrapText("", plain(fate)+"."))
	}
	if !d.changed() {
		b.WriteString("No change.\n")
		return []byte(b.String())
	}
	if len(d.shares)+len(d.responses) > 0 {
		b.WriteString(wrapText("", wfLegend(d.threshold)))
	}
	for i, t := range [][][]string{d.shares, d.responses} {
		if len(t) > 0 {
			textTable(&b, append([][]string{[][]string{wfShareHeader, wfResponseHeader}[i]}, t...), 80, false)
		}
	}
	for _, s := range d.settings {
		b.WriteString(wrapHanging("  ", s[0]+": "+s[1]))
	}
	if d.readings[0] != d.readings[1] {
		b.WriteString(wrapHanging("  ", "Reading before: "+d.readings[0]))
		b.WriteString(wrapHanging("  ", "Reading now: "+d.readings[1]))
	}
	return []byte(b.String())
}

// wrapHanging wraps text to 80 columns after an indent, its later lines
// indented two more.
func wrapHanging(indent, s string) string {
	lines := wrapAtSpaces(s, 80-len(indent))
	if len(lines) == 1 {
		return indent + lines[0] + "\n"
	}
	return indent + lines[0] + "\n" + wrapText(indent+"  ", afterFirstLine(s, lines))
}

// WorkforceDiffMarkdown is WorkforceDiffText as a Markdown section.
func WorkforceDiffMarkdown(oldName, newName string, old, new *workforce.Data, level int) []byte {
	if old == nil && new == nil {
		return nil
	}
	d := workforceChanges(old, new)
	var m markdown
	m.heading(level, "Workforce data")
	m.para(mdText(fmt.Sprintf("From %s to %s.", oldName, newName)))
	if old == nil {
		m.para(mdText(dataFileFate(newName, old, new) + addedNothingBefore + ". To see its figures:"))
		m.para(mdCode("ladder data show " + plans.CommandPath(newName)))
		return m.bytes()
	}
	if fate := dataFileFate(newName, old, new); fate != "" {
		m.para(mdText(fate + "."))
	}
	if !d.changed() {
		m.para("No change.")
		return m.bytes()
	}
	for i, t := range [][][]string{d.shares, d.responses} {
		if len(t) == 0 {
			continue
		}
		header := [][]string{wfShareHeader, wfResponseHeader}[i]
		right := make([]bool, len(header))
		for j := range right {
			right[j] = j > 0
		}
		m.table(header, right, mdCells(t))
	}
	if len(d.shares)+len(d.responses) > 0 {
		m.para(mdText(wfLegend(d.threshold)))
	}
	var list []string
	for _, s := range d.settings {
		list = append(list, field(s[0], mdText(s[1])))
	}
	if d.readings[0] != d.readings[1] {
		list = append(list, field("Reading before", mdText(d.readings[0])), field("Reading now", mdText(d.readings[1])))
	}
	m.list(list)
	return m.bytes()
}

// addedNothingBefore follows dataFileFate's "was added since then" in
// place of the figures: set against nothing, every cell of the tables was
// "(none) → 43%", and the settings and the reading "(none) → ..." too,
// under the sentence that said there was nothing before. ladder diff
// gives the command that shows them; the HTML report has them above.
const addedNothingBefore = ", with nothing before it to compare with"

// dataFileFate says that the data file name was added since the older
// version (which had none) or removed since (the newer has none), as
// ladder diff and the HTML report's "what changed" both say it; "" when
// both versions have data.
func dataFileFate(name string, old, new *workforce.Data) string {
	switch {
	case old == nil && new != nil:
		return "The workforce data, " + name + ", was added since then"
	case old != nil && new == nil:
		return "The workforce data, " + name + ", was removed since then"
	}
	return ""
}

func threshOf(d *workforce.Data) int {
	if d == nil {
		return workforce.MinThreshold
	}
	return max(d.Threshold, workforce.MinThreshold)
}

// workforceChanges pairs the rows of two versions by name, keeping in
// each table those whose shown figures differ, and compares the settings
// and the readings. Either version may be nil (no data).
func workforceChanges(old, new *workforce.Data) wfDiff {
	d := wfDiff{readings: [2]string{"no data", "no data"}, threshold: max(threshOf(old), threshOf(new))}
	var docs [2]*workforceDoc
	for i, data := range []*workforce.Data{old, new} {
		if data == nil {
			continue
		}
		doc := buildWorkforce(&workforce.Loaded{Data: data})
		doc.total.name = "All grades"
		docs[i] = &doc
		d.readings[i] = doc.reading.sentence
		if doc.small {
			d.readings[i] = "too few answers to show anything"
		}
	}
	order, byName := pairRows(docs)
	for _, name := range order {
		pair := byName[name]
		if row, ok := changedRow(name, pair, wfShareCells); ok {
			d.shares = append(d.shares, row)
		}
		if row, ok := changedRow(name, pair, wfResponseCells); ok {
			d.responses = append(d.responses, row)
		}
	}
	d.settings = append(settingChanges(old, new, docs), gradeChanges(old, new, docs)...)
	return d
}

// gradeChanges says where the two versions' rows are not the same
// grades, so that no one compares them as if they were: grades new or
// gone (a year on, a grade renamed is both), and grades present in both
// but shown with other grades than before (fewer answers, so joined with
// a neighbour, or more, so shown alone). Nothing when either version has
// no data.
func gradeChanges(old, new *workforce.Data, docs [2]*workforceDoc) [][2]string {
	if docs[0] == nil || docs[1] == nil {
		return nil
	}
	members := func(doc *workforceDoc, grade string) []string {
		for _, r := range doc.rows {
			if slices.Contains(r.row.Members, grade) {
				return r.row.Members
			}
		}
		return nil
	}
	var added, gone, regrouped []string
	for _, g := range new.Grades {
		switch _, ok := old.Grade(g.Name); {
		case !ok:
			added = append(added, plain(g.Name))
		case !slices.Equal(members(docs[0], g.Name), members(docs[1], g.Name)):
			regrouped = append(regrouped, plain(g.Name))
		}
	}
	for _, g := range old.Grades {
		if _, ok := new.Grade(g.Name); !ok {
			gone = append(gone, plain(g.Name))
		}
	}
	var out [][2]string
	if len(added)+len(gone) > 0 {
		var parts []string
		if len(added) > 0 {
			parts = append(parts, "new: "+strings.Join(added, ", "))
		}
		if len(gone) > 0 {
			parts = append(parts, "gone: "+strings.Join(gone, ", "))
			if len(added) > 0 {
				parts[len(parts)-1] += " (renamed?)"
			}
		}
		out = append(out, [2]string{"Grades", strings.Join(parts, "; ") + ": the rows of different grades are not compared"})
	}
	if len(regrouped) > 0 {
		out = append(out, [2]string{"Shown with other grades than before", strings.Join(regrouped, ", ")})
	}
	return out
}

// wfPair is a grade's row in the old version and the new, either nil
// where the version has no such grade, with each version's threshold.
type wfPair struct {
	rows      [2]*wfRow
	threshold [2]int
}

// pairRows pairs two versions' rows by grade, in the new version's
// order, then any grade gone from it, then All grades (each version's
// total, named so). Either version may be nil.
func pairRows(docs [2]*workforceDoc) ([]string, map[string]*wfPair) {
	var order []string
	byName := map[string]*wfPair{}
	add := func(side int, r wfRow) {
		pair := byName[r.name]
		if pair == nil {
			pair = &wfPair{}
			byName[r.name] = pair
			order = append(order, r.name)
		}
		pair.rows[side], pair.threshold[side] = &r, docs[side].threshold
	}
	for _, side := range []int{1, 0} {
		if docs[side] != nil {
			for _, r := range docs[side].rows {
				add(side, r)
			}
		}
	}
	for _, side := range []int{1, 0} {
		if docs[side] != nil {
			total := docs[side].total
			total.name = "All grades"
			add(side, total)
		}
	}
	return order, byName
}

// changedRow lays one grade's cells out, "46% → 44%" or one value when it
// did not change, and says whether any changed.
func changedRow(name string, pair *wfPair, cells func(r wfRow, threshold int) []string) ([]string, bool) {
	var sides [2][]string
	for i, r := range pair.rows {
		if r != nil {
			sides[i] = cells(*r, pair.threshold[i])
		}
	}
	out, changed := []string{name}, false
	for j := range max(len(sides[0]), len(sides[1])) {
		o, n := "(none)", "(none)"
		if sides[0] != nil {
			o = sides[0][j]
		}
		if sides[1] != nil {
			n = sides[1][j]
		}
		if o == n {
			out = append(out, o)
			continue
		}
		out, changed = append(out, o+" → "+n), true
	}
	return out, changed
}

func wfShareCells(r wfRow, threshold int) []string {
	var out []string
	for _, g := range workforce.Reported {
		out = append(out, shareWord(r.shares[g], threshold, true))
	}
	return out
}

func wfResponseCells(r wfRow, threshold int) []string {
	return []string{figureWord(r.row.Responses, threshold, true), r.headcount(), r.rateOr("--")}
}

// settingChanges are the data file's settings that differ between the
// versions, and the grades that went below the target response rate or
// came back above it.
func settingChanges(old, new *workforce.Data, docs [2]*workforceDoc) [][2]string {
	type setting struct {
		name string
		of   func(d *workforce.Data) string
	}
	orNot := func(s string) string {
		if s == "" {
			return "not set"
		}
		return s
	}
	settings := []setting{
		{"Collected", func(d *workforce.Data) string { return orNot(d.Collected) }},
		{"Anonymity threshold", func(d *workforce.Data) string { return fmt.Sprint(threshOf(d)) }},
		{"Target response rate", func(d *workforce.Data) string {
			if d.Target == 0 {
				return "not set"
			}
			return fmt.Sprintf("%d%%", d.Target)
		}},
		{"Benchmark", func(d *workforce.Data) string { return orNot(plain(d.Benchmark)) }},
		// What the next import counts as a grade: a spelling added in a
		// pull request is said, not seen only in the YAML.
		{"Spellings counted as a grade", func(d *workforce.Data) string {
			if len(d.SameGrades) == 0 {
				return "none"
			}
			var out []string
			for _, sg := range d.SameGrades {
				out = append(out, SpellingAs(sg))
			}
			return strings.Join(out, ", ")
		}},
	}
	var out [][2]string
	for _, s := range settings {
		var v [2]string
		for i, d := range []*workforce.Data{old, new} {
			v[i] = "(none)"
			if d != nil {
				v[i] = s.of(d)
			}
		}
		if v[0] != v[1] {
			out = append(out, [2]string{s.name, v[0] + " → " + v[1]})
		}
	}
	// The grades that went below the target response rate, or came back
	// above it: a grade that stays below shows its new rate in the table.
	if docs[1] != nil {
		if now := belowOnlyIn(docs[1], docs[0]); now != "" {
			out = append(out, [2]string{"Now below the target", now})
		}
	}
	if docs[0] != nil {
		if back := belowOnlyIn(docs[0], docs[1]); back != "" {
			out = append(out, [2]string{"No longer below the target", back})
		}
	}
	return out
}

// belowOnlyIn lists the grades below the target response rate in doc and
// not in other (nil: no data), with their rates in doc.
func belowOnlyIn(doc, other *workforceDoc) string {
	var only []string
	for i, name := range doc.belowRows {
		if other == nil || !slices.Contains(other.belowRows, name) {
			only = append(only, doc.below[i])
		}
	}
	return strings.Join(only, ", ")
}

// shareCell is a group's share in a row, short, as the history and the
// diff show it.
func shareCell(r workforce.Row, g workforce.Group, threshold int) string {
	return shareWord(rowShare(r, g), threshold, true)
}

// SpellingAs names a spelling a data file keeps with the grade it is
// counted as, safe to print, as the import, data show and diff all say
// it: "Mgr" as Manager.
func SpellingAs(sg workforce.SameGrade) string {
	return safetext.Quote(sg.Spelling) + " as " + plain(sg.Grade)
}
