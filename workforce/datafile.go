package workforce

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"go.yaml.in/yaml/v3"
)

// SchemaVersion is the newest data file format this build reads. A file
// is written as schema 1, the first, unless it keeps spellings of grades
// (same_grades), which schema 2 added: a file without them is written as
// it always was, byte for byte, and an older ladder given one with them
// says to update ladder rather than that same_grades is not a key.
const SchemaVersion = 2

// schemaSpellings is the schema that added same_grades.
const schemaSpellings = 2

// maxSameGrades bounds the spellings a data file may keep: an export
// spells a grade a few ways, not hundreds.
const maxSameGrades = 200

// MinThreshold is the guide's anonymity threshold: "Make sure people
// cannot be identified from the data by not going below the anonymity
// threshold of 10." A data file may raise it, never lower it.
const MinThreshold = 10

// maxThreshold and maxCount bound what a hand-edited file may say, so that
// sums cannot overflow and a typo (an extra nought or six) is caught.
const (
	maxThreshold = 1000
	maxCount     = 10_000_000
)

// MaxGrades is the most grades a data file may have: more than an
// organisation's levels, and a bound on the work of protecting a table,
// which grows with about the fifth power of its grades (a file of 120
// grades from a pull request held ladder data show, report and diff for
// minutes; 80 take under a second).
const MaxGrades = 50

// TooManyGrades says what to do about a data file or import of n grades,
// more than MaxGrades.
func TooManyGrades(n int) string {
	return fmt.Sprintf("%d grades is more than ladder reads (at most %d): join grades of about the same seniority into one, as the chart and its reading are for the levels of an organisation", n, MaxGrades)
}

// Counts holds the answers of one grade, or of all, per group.
type Counts [groupCount]int

// Responses is every answer counted, including the two excluded ones.
func (c Counts) Responses() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// Reported is the answers in the three reported groups: what shares are
// shares of.
func (c Counts) Reported() int { return c[WorkingClass] + c[Intermediate] + c[Professional] }

// Excluded is the answers the guide excludes or reports separately.
func (c Counts) Excluded() int { return c[Other] + c[PreferNotToSay] }

// Grade is one grade or seniority level and its counts.
type Grade struct {
	Name string
	// Headcount is how many people the grade has, for the response rate;
	// 0 when not known.
	Headcount int
	Counts    Counts
}

// Data is a workforce data file: the key question's answers counted by
// grade, from junior to senior, with the anonymity threshold and the
// response-rate target the organisation set. It holds counts only.
type Data struct {
	Schema int
	// Collected is the date the answers were collected (YYYY-MM-DD), or "".
	Collected string
	// Threshold is the anonymity threshold, at least MinThreshold.
	Threshold int
	// Target is the target response rate in per cent, 0 when not set.
	Target int
	// Benchmark is the path of a benchmark file, from the data file's
	// folder, or "".
	Benchmark string
	Grades    []Grade
	// SameGrades are the spellings of a grade an import counted as the
	// grade (--same-grade, or joined when asked), kept so that the next
	// import, this year's or next year's, counts them so again. In the
	// order of their grades, then of their spellings.
	SameGrades []SameGrade

	// layout: the line endings and byte-order mark of the file this was
	// read from, which Encode writes again (see KeepsLayoutOf).
	layout strictyaml.Layout
}

// KeepsLayoutOf has d written with the line endings and the byte-order
// mark of the file old was read from, as a plan keeps its own: an import
// written LF over a CRLF file had git show every line of it changed. old
// may be nil (a new data file is written LF, without a mark).
func (d *Data) KeepsLayoutOf(old *Data) {
	if old != nil {
		d.layout = old.layout
	}
}

// Total is the counts of every grade added up.
func (d *Data) Total() Counts {
	var t Counts
	for _, g := range d.Grades {
		for i, v := range g.Counts {
			t[i] += v
		}
	}
	return t
}

// Headcount is the headcount of every grade added up, and whether every
// grade has one.
func (d *Data) Headcount() (int, bool) {
	n, all := 0, true
	for _, g := range d.Grades {
		n += g.Headcount
		all = all && g.Headcount > 0
	}
	return n, all && len(d.Grades) > 0
}

// HeadcountProblem says what is wrong with a grade whose headcount is
// less than its responses (every answer counted, the excluded ones too): a
// headcount counts everyone in the grade, so one of the two figures is
// wrong, and no response rate can be worked out from them. "" when the
// headcount is not known or is not less. The responses are shown only
// when they are at least the threshold, as everywhere else.
func HeadcountProblem(g Grade, threshold int) string {
	n := g.Counts.Responses()
	if g.Headcount == 0 || g.Headcount >= n {
		return ""
	}
	responses := fmt.Sprintf("its %d responses", n)
	if n < threshold {
		responses = "its responses"
	}
	return fmt.Sprintf("the headcount of %s, %d, is less than %s: a headcount counts everyone in the grade, whether they answered or not, so it cannot be less than the answers",
		safetext.Excerpt(g.Name, safetext.ExcerptLength), g.Headcount, responses)
}

// Grade returns the grade with the given name (case and spacing do not
// matter).
func (d *Data) Grade(name string) (*Grade, bool) {
	f := foldGrade(name)
	for i := range d.Grades {
		if foldGrade(d.Grades[i].Name) == f {
			return &d.Grades[i], true
		}
	}
	return nil, false
}

// DataSuffix ends the name of a data file: plans/acme.yaml keeps its data
// in plans/acme.data.yaml.
const DataSuffix = plans.DataFileSuffix

// PathFor is the data file of a plan.
func PathFor(planPath string) string {
	return strings.TrimSuffix(strings.TrimSuffix(planPath, ".yaml"), ".yml") + DataSuffix
}

// Strays lists the data files in a folder with no plan beside them
// (plans/acme.data.yaml with no plans/acme.yaml): most often a plan
// renamed without its data file (git mv plans/acme.yaml
// plans/acme-2026.yaml), whose data is then not found under the new name.
// A data file written with --out has no plan by design; a message only
// names strays to a plan that has no data.
func Strays(dir string) []string {
	// Read, not globbed: a folder named "2026 [draft]" is no pattern.
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), DataSuffix) {
			continue
		}
		m := filepath.Join(dir, e.Name())
		base := strings.TrimSuffix(m, DataSuffix)
		if !exists(base+".yaml") && !exists(base+".yml") {
			out = append(out, m)
		}
	}
	return out
}

// StrayNote says, for a plan with no data file, which data file in its
// folder has no plan and may be its own, and how to rename it to go with
// the plan; "" when there is none.
func StrayNote(planPath string) string {
	strays := Strays(filepath.Dir(planPath))
	switch len(strays) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s has no plan beside it: if it holds this plan's data (a plan renamed without it), rename it to go with the plan: git mv %s %s (or mv, outside git)",
			safetext.Line(strays[0]), safetext.Line(plans.CommandPath(strays[0])), safetext.Line(plans.CommandPath(PathFor(planPath))))
	}
	if len(strays) > 3 {
		strays = append(strays[:3:3], fmt.Sprintf("%d more", len(strays)-3))
	}
	return fmt.Sprintf("%s have no plan beside them: if one holds this plan's data (a plan renamed without it), rename it %s",
		safetext.Line(strings.Join(strays, ", ")), safetext.Line(PathFor(planPath)))
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Encode writes a data file in its one layout: every field in a fixed
// order, each count on its own line, a blank line between grades, so that
// a year's new counts are a small diff and the same data always gives the
// same bytes.
func Encode(d *Data) []byte {
	var b strings.Builder
	b.WriteString(`# ladder workforce data: answers to the key question, counted by grade.
# The key question (Social Mobility Commission, The Building Blocks):
#   ` + KeyQuestion + `
# Counts only: no one's answer is in this file. Counts under the anonymity
# threshold are kept here exactly, so share this file, and the repository it
# is in, only with the core team; ` + "`ladder data show`" + ` and ` + "`ladder report`" + `
# never show a group under the threshold.
# Edit by hand or with ` + "`ladder data import`" + `; check with ` + "`ladder check`" + `.
`)
	schema := 1
	if len(d.SameGrades) > 0 {
		schema = schemaSpellings
	}
	fmt.Fprintf(&b, "schema: %d\n", schema)
	b.WriteString("collected:" + optional(d.Collected) + "\n")
	fmt.Fprintf(&b, "threshold: %d\n", max(d.Threshold, MinThreshold))
	target := ""
	if d.Target > 0 {
		target = fmt.Sprintf(" %d%%", d.Target)
	}
	b.WriteString("target_response_rate:" + target + "\n")
	b.WriteString("benchmark:" + optional(quoteIfNeeded(d.Benchmark)) + "\n")
	b.WriteString("# Grades from junior to senior.\ngrades:\n")
	for i, g := range d.Grades {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("  - grade: " + strconv.Quote(g.Name) + "\n")
		b.WriteString("    headcount:")
		if g.Headcount > 0 {
			fmt.Fprintf(&b, " %d", g.Headcount)
		}
		b.WriteByte('\n')
		for _, gr := range Groups {
			fmt.Fprintf(&b, "    %s: %d\n", gr.Key(), g.Counts[gr])
		}
	}
	if len(d.SameGrades) > 0 {
		b.WriteString("\n# Other spellings of a grade in the survey export, counted as the grade\n# (--same-grade): the next import counts them so again.\nsame_grades:\n")
		for i, sg := range d.SameGrades {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("  - spelling: " + strconv.Quote(sg.Spelling) + "\n")
			b.WriteString("    grade: " + strconv.Quote(sg.Grade) + "\n")
		}
	}
	return d.layout.Apply([]byte(b.String()))
}

func optional(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}

// quoteIfNeeded writes a path plainly when YAML would read it back as the
// same text, and in double quotes otherwise.
func quoteIfNeeded(s string) string {
	if s == "" || plainPath.MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}

var plainPath = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`)

// Parse reads a data file strictly: every problem (an unknown key, a count
// that is negative or not a number, a threshold under 10, a grade twice)
// is reported with its line and column in a *strictyaml.FileError.
func Parse(name string, data []byte) (*Data, error) {
	root, ps := strictyaml.Parse(data)
	if ps != nil {
		return nil, &strictyaml.FileError{Path: name, Problems: ps}
	}
	dec := &dataDecoder{Decoder: &strictyaml.Decoder{}}
	d := dec.data(root)
	if err := dec.Err(name); err != nil {
		return nil, err
	}
	d.layout = strictyaml.LayoutOf(data)
	return d, nil
}

// LoadFile reads and checks a data file.
func LoadFile(path string) (*Data, error) {
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

type dataDecoder struct {
	*strictyaml.Decoder
	// headcounts are the grades' headcount nodes, by grade index, to
	// check against the counts once the whole file (and its threshold)
	// is read.
	headcounts map[int]*yaml.Node
}

func (dec *dataDecoder) data(root *yaml.Node) *Data {
	d := &Data{Threshold: MinThreshold}
	var seenSchema, seenGrades bool
	var sameNode *yaml.Node
	dec.Fields(root, "the data file", []strictyaml.Field{
		{Key: "schema", Set: func(v *yaml.Node) { seenSchema = true; d.Schema = dec.schema(v) }},
		{Key: "collected", Set: func(v *yaml.Node) { d.Collected = dec.date(v) }},
		{Key: "threshold", Set: func(v *yaml.Node) { d.Threshold = dec.threshold(v) }},
		{Key: "target_response_rate", Set: func(v *yaml.Node) { d.Target = dec.percent(v) }},
		{Key: "benchmark", Set: func(v *yaml.Node) { d.Benchmark = dec.benchmarkPath(v) }},
		{Key: "grades", Set: func(v *yaml.Node) { seenGrades = true; d.Grades = dec.grades(v) }},
		{Key: "same_grades", Set: func(v *yaml.Node) { sameNode = v }},
	})
	if root.Kind == yaml.MappingNode {
		if !seenSchema {
			dec.Errorf(root, "the data file does not say its schema (schema: 1)")
		}
		if !seenGrades {
			dec.Errorf(root, "the data file has no grades")
		}
	}
	if sameNode != nil && d.Schema > 0 && d.Schema < schemaSpellings && !strictyaml.IsNull(sameNode) {
		// An older ladder would call same_grades an unknown key rather
		// than say to update: a file keeping spellings says schema 2.
		dec.Errorf(sameNode, "same_grades is new in schema %d: change schema: %d to schema: %d (an older ladder then says to update it)", schemaSpellings, d.Schema, schemaSpellings)
	}
	if sameNode != nil {
		// Read once the grades are: each names one of them.
		d.SameGrades = dec.sameGrades(sameNode, d)
	}
	for i, g := range d.Grades {
		if msg := HeadcountProblem(g, d.Threshold); msg != "" && dec.headcounts[i] != nil {
			dec.Errorf(dec.headcounts[i], "%s: correct the headcount or the counts (leave the headcount empty if it is not known)", msg)
		}
	}
	return d
}

func (dec *dataDecoder) schema(v *yaml.Node) int {
	n, ok := dec.number(v, "schema", 1, 1000)
	if ok && n > SchemaVersion {
		dec.Errorf(v, "schema %d is newer than this ladder reads (%d): update ladder", n, SchemaVersion)
	}
	return n
}

func (dec *dataDecoder) date(v *yaml.Node) string {
	s := dec.String(v, "collected")
	if s == "" {
		return ""
	}
	if t, err := time.Parse(time.DateOnly, s); err != nil || t.Format(time.DateOnly) != s {
		dec.Errorf(v, "collected should be a date as YYYY-MM-DD, found %s", safetext.Excerpt(s, 20))
		return ""
	}
	return s
}

func (dec *dataDecoder) threshold(v *yaml.Node) int {
	n, ok := dec.number(v, "threshold", 0, maxThreshold)
	if ok && n < MinThreshold {
		dec.Errorf(v, "the anonymity threshold can be raised but never lowered below %d, the guide's", MinThreshold)
		return MinThreshold
	}
	return max(n, MinThreshold)
}

// percent reads a target response rate: 60% or 60.
func (dec *dataDecoder) percent(v *yaml.Node) int {
	if strictyaml.IsNull(v) {
		return 0
	}
	if v.Kind != yaml.ScalarNode {
		dec.Errorf(v, "target_response_rate should be a percentage such as 60%%")
		return 0
	}
	s := strings.TrimSpace(strings.TrimSuffix(v.Value, "%"))
	n, err := strconv.Atoi(s)
	if err != nil || !digits(s) || n < 1 || n > 100 {
		dec.Errorf(v, "target_response_rate should be a percentage from 1%% to 100%%, such as 60%%, found %s", safetext.Excerpt(v.Value, 20))
		return 0
	}
	return n
}

func (dec *dataDecoder) benchmarkPath(v *yaml.Node) string {
	s := dec.String(v, "benchmark")
	if s == "" {
		return ""
	}
	if msg := checkBenchmarkPath(s); msg != "" {
		dec.Errorf(v, "%s", msg)
		return ""
	}
	return s
}

// checkBenchmarkPath keeps a benchmark path, which comes from a file anyone
// may have edited, inside the data file's folder.
func checkBenchmarkPath(s string) string {
	onADrive := len(s) >= 2 && s[1] == ':' // C:\ on Windows, a folder "C:" elsewhere
	if filepath.IsAbs(s) || strings.HasPrefix(s, `\`) || filepath.VolumeName(s) != "" || onADrive {
		return "benchmark should be a path from this file's folder, not from the root"
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part == ".." {
			return "benchmark should be a file in this file's folder or below it (no ..)"
		}
	}
	if !strings.HasSuffix(s, BenchmarkSuffix) {
		return fmt.Sprintf("benchmark should name a benchmark file, whose name ends in %s", BenchmarkSuffix)
	}
	return ""
}

func (dec *dataDecoder) grades(n *yaml.Node) []Grade {
	if n.Kind == yaml.SequenceNode && len(n.Content) > MaxGrades {
		dec.Errorf(n.Content[MaxGrades], "%s", TooManyGrades(len(n.Content)))
		return nil
	}
	var out []Grade
	first := map[string]int{}
	dec.Sequence(n, "grades", func(i int, v *yaml.Node) {
		var g Grade
		var nameNode *yaml.Node
		seen := [groupCount]bool{}
		fields := []strictyaml.Field{
			{Key: "grade", Set: func(v *yaml.Node) { nameNode = v; g.Name = dec.gradeName(v) }},
			{Key: "headcount", Set: func(v *yaml.Node) {
				if !strictyaml.IsNull(v) {
					g.Headcount, _ = dec.number(v, "headcount", 0, maxCount)
					if dec.headcounts == nil {
						dec.headcounts = map[int]*yaml.Node{}
					}
					dec.headcounts[len(out)] = v
				}
			}},
		}
		for _, gr := range Groups {
			fields = append(fields, strictyaml.Field{Key: gr.Key(), Set: func(v *yaml.Node) {
				seen[gr] = true
				g.Counts[gr], _ = dec.number(v, "the "+gr.Key()+" count", 0, maxCount)
			}})
		}
		what := gradeWhat(v, i)
		dec.Fields(v, what, fields)
		if v.Kind != yaml.MappingNode {
			return
		}
		switch f := foldGrade(g.Name); {
		case nameNode == nil:
			dec.Errorf(v, "%s has no name (grade: ...)", what)
		case g.Name == "":
		case first[f] != 0:
			dec.Errorf(nameNode, "the grade %s is here twice (first at line %d)", safetext.Excerpt(g.Name, safetext.ExcerptLength), first[f])
		default:
			first[f] = nameNode.Line
		}
		for _, gr := range Groups {
			if !seen[gr] {
				dec.Errorf(v, "%s has no %s count (write %s: 0 if nobody gave that answer)", what, gr.Key(), gr.Key())
			}
		}
		out = append(out, g)
	})
	if len(out) == 0 && n.Kind == yaml.SequenceNode {
		dec.Errorf(n, "the data file has no grades")
	}
	return out
}

// sameGrades reads the spellings a file keeps. Each spelling and grade is
// a grade's name (no control characters: it is printed by the next
// import); the grade is one of the file's, and the spelling is none of
// them, nor kept twice: a file from a pull request cannot join two of
// its grades, or name one, unseen.
func (dec *dataDecoder) sameGrades(n *yaml.Node, d *Data) []SameGrade {
	if strictyaml.IsNull(n) {
		return nil
	}
	if n.Kind == yaml.SequenceNode && len(n.Content) > maxSameGrades {
		dec.Errorf(n.Content[maxSameGrades], "%d spellings is more than ladder keeps (at most %d): correct the grades in the export instead", len(n.Content), maxSameGrades)
		return nil
	}
	var out []SameGrade
	first := map[string]int{}
	dec.Sequence(n, "same_grades", func(i int, v *yaml.Node) {
		var sg SameGrade
		var spellingNode, gradeNode *yaml.Node
		what := fmt.Sprintf("spelling %d", i+1)
		dec.Fields(v, what, []strictyaml.Field{
			{Key: "spelling", Set: func(v *yaml.Node) { spellingNode, sg.Spelling = v, dec.sameGradeName(v, "spelling") }},
			{Key: "grade", Set: func(v *yaml.Node) { gradeNode, sg.Grade = v, dec.sameGradeName(v, "grade") }},
		})
		if v.Kind != yaml.MappingNode {
			return
		}
		switch {
		case spellingNode == nil:
			dec.Errorf(v, "%s has no spelling (spelling: ...)", what)
			return
		case gradeNode == nil:
			dec.Errorf(v, "%s has no grade (grade: ...)", what)
			return
		case sg.Spelling == "" || sg.Grade == "":
			return
		}
		if g, ok := d.Grade(sg.Spelling); ok {
			dec.Errorf(spellingNode, "the spelling %s is the grade %s itself: a grade is not kept as a spelling of another (delete the two lines)",
				safetext.Excerpt(sg.Spelling, safetext.ExcerptLength), safetext.Excerpt(g.Name, safetext.ExcerptLength))
			return
		}
		if _, ok := d.Grade(sg.Grade); !ok {
			dec.Errorf(gradeNode, "%s is kept as a spelling of %s, which is not one of the grades: name one of them, or delete the two lines",
				safetext.Excerpt(sg.Spelling, safetext.ExcerptLength), safetext.Excerpt(sg.Grade, safetext.ExcerptLength))
			return
		}
		f := foldGrade(sg.Spelling)
		if line, ok := first[f]; ok {
			dec.Errorf(spellingNode, "the spelling %s is here twice (first at line %d)", safetext.Excerpt(sg.Spelling, safetext.ExcerptLength), line)
			return
		}
		first[f] = spellingNode.Line
		out = append(out, sg)
	})
	return out
}

// sameGradeName reads a spelling's spelling or grade, a grade's name
// said as what it is ("a spelling cannot have line breaks ...").
func (dec *dataDecoder) sameGradeName(v *yaml.Node, what string) string {
	return dec.name(v, what, "a "+what, "a "+what)
}

// gradeWhat is how the messages about a grade's mapping name it: by its
// name where it has one that loads ("the grade \"Team leader\""), which
// someone finds in the file and in their survey tool at once, where
// "grade 3" has them count; by its place otherwise. It is read ahead of
// the fields, whose messages come before the grade: key is reached.
func gradeWhat(v *yaml.Node, i int) string {
	if v.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(v.Content); j += 2 {
			k, name := v.Content[j], v.Content[j+1]
			if k.Kind == yaml.ScalarNode && k.Value == "grade" && name.Kind == yaml.ScalarNode && !strictyaml.IsNull(name) {
				if gradeNameProblem(name.Value) == "" {
					return "the grade " + safetext.Quote(strings.TrimSpace(name.Value))
				}
				break // the first grade: key is the one read; a second is a duplicate
			}
		}
	}
	return fmt.Sprintf("grade %d", i+1)
}

func (dec *dataDecoder) gradeName(v *yaml.Node) string {
	return dec.name(v, "grade", "a grade", "a grade name")
}

// name reads a grade's name at key what, reporting at it what is wrong
// with it (see nameProblem for who and named).
func (dec *dataDecoder) name(v *yaml.Node, what, who, named string) string {
	s := dec.String(v, what)
	if v.Kind != yaml.ScalarNode {
		return ""
	}
	if problem := nameProblem(s, who, named); problem != "" {
		dec.Errorf(v, "%s", problem)
		return ""
	}
	return strings.TrimSpace(s)
}

// gradeNameProblem says what is wrong with a grade's name, or "".
func gradeNameProblem(s string) string { return nameProblem(s, "a grade", "a grade name") }

// nameProblem says what is wrong with a grade's name, or "": who is what
// needs it ("a grade needs a name"), named what is too long or has a
// control character in it ("a grade name is at most ...", "a spelling
// cannot have ...").
func nameProblem(s, who, named string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return who + " needs a name"
	case len(s) > maxGradeLength:
		return fmt.Sprintf("%s is at most %d characters", named, maxGradeLength)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return named + " cannot have line breaks or control characters in it"
	}
	return ""
}

// number reads a whole number written in digits, from lo to hi. A count
// that is negative, has a fraction or is text is reported at its node.
func (dec *dataDecoder) number(v *yaml.Node, what string, lo, hi int) (int, bool) {
	if v.Kind != yaml.ScalarNode || strictyaml.IsNull(v) {
		dec.Errorf(v, "%s should be a whole number", what)
		return 0, false
	}
	s := v.Value
	if strings.HasPrefix(s, "-") && digits(s[1:]) {
		dec.Errorf(v, "%s cannot be negative (found %s)", what, safetext.Excerpt(s, 20))
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || !digits(s) || v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		dec.Errorf(v, "%s should be a whole number, found %s", what, safetext.Excerpt(s, 20))
		return 0, false
	}
	if len(s) > 1 && s[0] == '0' {
		// yaml.v3 and YAML 1.1 readers (PyYAML) take 010 for octal 8, and
		// strconv reads 10: a count under the threshold to one reader could
		// be shown as over it by another. Neither is safe to guess.
		dec.Errorf(v, "%s %s starts with 0, which some YAML readers take for an octal number (010 is 8): write it without the leading 0", what, safetext.Quote(s))
		return 0, false
	}
	if n < lo || n > hi {
		dec.Errorf(v, "%s should be from %d to %d, found %d", what, lo, hi, n)
		return 0, false
	}
	return n, true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
