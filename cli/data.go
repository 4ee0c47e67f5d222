package cli

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/socialmobility/ladder/tui/accessible"
	"github.com/socialmobility/ladder/workforce"
	"github.com/spf13/cobra"
)

func newDataCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "data",
		Short: "Count the answers to the key question by grade, and see what they show",
		Long: `The checklist's data items (Enablers/Data in the progression checklist,
the Building Blocks' "Ask the key question and analyse your data", the
cross-industry toolkit's analyses) ask whether you collect socio-economic
background data, analyse it by grade and compare it with benchmarks.
ladder data is that next step, as the Social Mobility Commission's guide
The Building Blocks describes it:

  - ask your people one key question: "What was the occupation of your
    main household earner when you were about aged 14?" (ladder data
    groups lists its answers, and the guide's example occupations for
    placing free-text answers);
  - import the answers from your survey tool's CSV export: ladder keeps
    counts per grade and group in a data file beside the plan
    (plans/acme.yaml has plans/acme.data.yaml), never the answers, and
    never a copy of the CSV;
  - see each grade's share of the three groups, from junior to senior,
    whether people from lower socio-economic backgrounds fall off
    suddenly (a cliff edge) or slowly (a pyramid) as seniority rises,
    the response rates against your target, and a benchmark of your
    choosing.

No figure under the anonymity threshold of 10 is ever shown, here, in
reports, diffs or history, nor any figure it could be worked out from,
` + render.ThresholdWhy + `.`,
		Example: `  # What are the answers, and which group is each in?
  ladder data groups

  # Import a survey export next to the plan, grades junior to senior
  ladder data import responses.csv --plan plans/acme.yaml \
    --grades "Team member,Team leader,Manager,Director"

  # See the chart, the reading and the response rates
  ladder data show plans/acme.yaml`,
		Args: noArgsSuggesting,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newDataImportCmd(), newDataShowCmd(), newDataGroupsCmd(), newDataBenchmarkCmd())
	return cmd
}

type dataImportOptions struct {
	plan, out                 string
	gradeColumn, answerColumn string
	grades                    []string
	headcounts                []string
	target                    string
	threshold                 int
	collected                 string
	delimiter                 string
	encoding                  string
	skipRows                  int
	places                    []string
	sameGrades                []string
	benchmark                 string
	dryRun                    bool
}

func newDataImportCmd() *cobra.Command {
	var opts dataImportOptions
	cmd := &cobra.Command{
		Use:   "import CSV [--plan PLAN]",
		Short: "Count a survey export's answers to the key question by grade, into the plan's data file",
		Long: `Import reads a CSV exported from any survey tool (one row per response,
with a header row) and counts the answers to the key question per grade
and group. It writes the counts, and nothing else, to the data file
beside the plan: plans/acme.yaml has plans/acme.data.yaml. The CSV is
read once and neither copied nor kept. With no --plan, the plan is the
one plan in plans/ (a year on, this year's, carried on from last
year's), and ladder says which; with several, it asks for --plan.

The grade column and the answer column are found by their headers (a
header with "grade", "level", "band" or "seniority", else "Role" or "Job
title"; one with "occupation", "household earner" or "aged 14", or "14"
with "parent", "carer" or "job", such as "Parent job at 14"), or named
with --grade-column and --answer-column, by header or by letter (B). Two
headers that could each be one are never chosen between: in a terminal,
ladder asks which; elsewhere it names both. Rows above the headers, such
as a title or merged cells, are skipped when the headers are found, and
so are the header rows Qualtrics and SurveyMonkey write below them; what
people typed in SurveyMonkey's "Other (please specify)" box is their
answer.

Answers are placed in the guide's groups when they are its wording, the
name of one of its groups, or one of its example occupations ("Plumber").
Any other answer is listed with the rows it is on: say where it belongs
with --place "ANSWER=KEY" (the keys are in ladder data groups), and
import again.

The order of the grades, junior to senior, is given once with --grades
(or asked in a terminal); later imports keep the data file's order, its
headcounts, target and threshold unless flags change them. Next year's
plan (carried on with ladder new --from) takes last year's order from
its data file on its first import, when last year had every grade, and
its target and threshold; a grade new or gone since is named, and last
year's order offered with the new grades last.

A grade the export writes several ways ("Mgr" and "Managers" beside
"Manager", "shop-floor" beside "Shop floor") is counted as the grade it
is with --same-grade "Mgr=Manager" (repeat for each spelling). Import
names the spellings that look like another grade and the --same-grade
to paste, or in a terminal asks whether to join them: two grades are
never joined unasked. The data file keeps the spellings joined, and the
next import (next year's too) counts them so again and says so.

Nothing is written unless the whole file is understood: a row without a
grade, an answer that cannot be placed, a broken quote, a file that is
not a CSV are each reported with the row and the column, and the data
file is left as it was.

The delimiter (comma, semicolon, tab or vertical bar) is found from the
file, a byte-order mark and UTF-16 are read as they are, and blank rows
are skipped, as is a total left in below the responses (a number beside
"Total"). Rows with no answer to the key question are not responses.

Exit status: 0 when the data file was written, 1 when the CSV has
problems, 2 when the command was called wrongly.`,
		Example: `  # First import: say the order of the grades
  ladder data import responses.csv --plan plans/acme.yaml \
    --grades "Team member,Team leader,Manager,Director"

  # Name the columns, place answers of your own, set headcounts and a target
  ladder data import export.csv --plan plans/acme.yaml \
    --grade-column "Job level" --answer-column D \
    --place "Lorry driver=routine-manual-service" --place "Vicar=modern-professional" \
    --headcount "Team member=120" --headcount "Manager=25" --target 60%

  # Excel's plain CSV on Windows (not "CSV UTF-8"), checked but not written
  ladder data import responses.csv --plan plans/acme.yaml --encoding windows-1252 --dry-run`,
		Args: exactlyOneArg("ladder data import needs the CSV to read, e.g. ladder data import responses.csv --plan plans/acme.yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.plan, opts.out, opts.benchmark = typedPath(opts.plan), typedPath(opts.out), typedPath(opts.benchmark)
			return runDataImport(cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), typedPath(args[0]), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.plan, "plan", "", "the `PLAN` whose data this is: the counts go to the data file beside it")
	f.StringVar(&opts.out, "out", "", "write the counts to this data `FILE` (ending in .data.yaml) instead")
	f.StringVar(&opts.gradeColumn, "grade-column", "", "the `COLUMN` with the grade, by header or letter")
	f.StringVar(&opts.answerColumn, "answer-column", "", "the `COLUMN` with the answer to the key question, by header or letter")
	f.Var((*gradesValue)(&opts.grades), "grades", "every grade, junior to senior, as `GRADES` separated by commas (\"Team member,Manager\"; a grade with a comma in double quotes)")
	f.StringArrayVar(&opts.headcounts, "headcount", nil, "a grade's headcount, as `GRADE=N`, for its response rate (repeat for each grade)")
	f.StringVar(&opts.target, "target", "", "the target response rate you set and shared, as a `PERCENT` such as 60%")
	f.IntVar(&opts.threshold, "threshold", 0, "raise the anonymity threshold above 10 to `N` (it can never go below 10)")
	f.StringVar(&opts.collected, "collected", "", "when the answers were collected, as `YYYY-MM-DD` (default: today)")
	f.StringVar(&opts.delimiter, "delimiter", "", "the CSV's `DELIMITER`: comma, semicolon, tab or bar (default: found from the file)")
	f.StringVar(&opts.encoding, "encoding", "", "the CSV's text `ENCODING`: utf-8 (default) or windows-1252")
	f.IntVar(&opts.skipRows, "skip-rows", 0, "skip `N` rows after the header (some survey tools write more than one header row)")
	f.StringArrayVar(&opts.places, "place", nil, "count an answer the guide does not word in a group, as `ANSWER=KEY` (see ladder data groups)")
	f.StringArrayVar(&opts.sameGrades, "same-grade", nil, "count a grade the CSV writes another way as one of the grades, as `SPELLING=GRADE` (\"Mgr=Manager\"; repeat for each)")
	f.StringVar(&opts.benchmark, "benchmark", "", "compare with this benchmark `FILE` (see ladder data benchmark)")
	f.BoolVar(&opts.dryRun, "dry-run", false, "read and check the CSV, but write nothing")
	return cmd
}

func runDataImport(stdin io.Reader, stdout, stderr io.Writer, csvPath string, opts dataImportOptions) error {
	if opts.plan == "" && opts.out == "" {
		opts.plan = importPlanUnnamed(stderr)
	}
	out, err := dataImportTarget(opts)
	if err != nil {
		return err
	}
	old, err := loadExistingData(stderr, out)
	if err != nil {
		return err
	}
	// Next year's plan, carried on from last year's, has no data file yet:
	// last year's gives what --grades, --threshold and --target gave once.
	var lastPath string
	var last *workforce.Data
	if old == nil {
		if lastPath, last, err = lastReviewData(opts.plan); err != nil {
			if opts.threshold == 0 {
				// Read as none, it gave the threshold of 10: groups last
				// year's raised one hid would be shown.
				fmt.Fprintln(stderr, err)
				sayWrapped(stderr, fmt.Sprintf("The last review's data (%s) does not load, so its anonymity threshold cannot be carried on to this year's: fix what is said above, or give --threshold. Nothing was written.\n", safetext.Line(lastPath)))
				return problemsFound()
			}
			last = nil // the threshold given is the one that matters
		}
	}
	keptPath, kept := out, old
	if old == nil {
		keptPath, kept = lastPath, last
	}
	var keptSpellings []workforce.SameGrade
	if kept != nil {
		keptSpellings = kept.SameGrades
	}
	importOpts, nowSpellings, err := dataImportOptionsFor(opts, old, keptPath, keptSpellings)
	if err != nil {
		return err
	}
	if kept != nil {
		applyKeptSpellings(stderr, keptPath, kept.SameGrades, &importOpts)
	}
	ask := newAsker(stdin, stderr)
	if ask != nil {
		importOpts.Choose = ask.column
	}
	in, name, err := openCSV(stdin, csvPath)
	if err != nil {
		return err
	}
	defer in.Close()
	im, err := workforce.Import(in, name, importOpts)
	var ce *workforce.CSVError
	var colErr *workforce.ColumnError
	switch {
	case errors.As(err, &ce):
		fmt.Fprintln(stderr, ce.Error())
		// --place only where it helps: a file that is a workbook, or not
		// UTF-8, or has a broken quote, has no answer to place.
		place := ""
		if ce.Unplaced > 0 {
			place = " (or say where the answers belong with --place)"
		}
		fmt.Fprintf(stderr, "Nothing was written: fix what is said above in %s%s, then import again.\n", name, place)
		return problemsFound()
	case errors.As(err, &colErr):
		return usageErrorf("%v", colErr)
	case err != nil:
		return &exitError{code: ExitProblems, err: err}
	}
	grades := im.Grades
	if len(importOpts.Grades) == 0 && len(grades) > mostGradesToOrder {
		// Names, emails or free text, not grades: listing them all (and
		// again in the --grades offered) printed every person's answer.
		return usageErrorf("%s has %d different grades in %s (%s, %s, %s, …): more than an organisation has, so it is probably not the grade column.\n"+
			"Give the grade column with --grade-column, by header or letter (or the grades, junior to senior, with --grades). Nothing was written.",
			name, len(grades), im.Grade, safetext.Quote(grades[0]), safetext.Quote(grades[1]), safetext.Quote(grades[2]))
	}
	ordered := len(importOpts.Grades) > 0
	if !ordered && last != nil && len(grades) > 1 {
		if order := lastReviewOrder(last, grades); order != nil {
			grades, ordered = order, true
			sayLastReviewOrder(stderr, lastPath, order)
		}
	}
	if !ordered && len(grades) > 1 {
		// A grade spelt two ways ("Mgr", "manager") offered as two
		// grades to put in order would be pasted back as two: offered
		// as one, with the --same-grade that makes it one.
		lookalikes := workforce.LookalikeGrades(im.Grades, im.Counts)
		distinct := withoutSpellings(grades, lookalikes)
		example, why := distinct, "the order shown here is only the order found"
		changed := ""
		if last != nil {
			// A grade renamed or added: last year's order still helps,
			// and which grades changed is what a year-on-year comparison
			// of the shares needs said.
			example, why = lastYearFirst(last, distinct), "last review's order, the new grades last: put each where it belongs"
			changed = gradesChanged(lastPath, last, distinct) + "\n"
		}
		changed += spelledTwoWays(lookalikes)
		if ask == nil {
			return usageErrorf("which grades are junior and which senior? %s has %s: %s.\n%s"+
				"%sGive them from junior to senior with --grades, e.g. --grades %s%s (%s). Nothing was written.",
				name, plural(len(grades), "grade"), safetext.Line(strings.Join(grades, ", ")), changed, sameGradeHelp(lookalikes), gradesArg(example), sameGradeArgs(lookalikes), why)
		}
		sayWrapped(stderr, changed)
		if len(lookalikes) > 0 {
			// Joined from the counts read, at a yes: the command to
			// type again was as long as the list of spellings.
			join, err := ask.yes("Count each as the grade it looks like? [Y/n] ")
			if err != nil {
				return err
			}
			if join {
				im.JoinGrades(lookalikes)
				importOpts.SameGrades = append(importOpts.SameGrades, lookalikes...)
			}
		}
		// Every grade left: each must have a place in the order given
		// here, the counts being read already.
		listed, asked := "in the order they were found", im.Grades
		if last != nil {
			listed = "last review's first, in its order, then the new ones"
			asked = lastYearFirst(last, im.Grades)
		}
		var joins []workforce.SameGrade
		if grades, joins, err = ask.orderListed(asked, listed); err != nil {
			return err
		}
		im.JoinGrades(joins)
		importOpts.SameGrades = append(importOpts.SameGrades, joins...)
	}
	if last != nil {
		carryLastSettings(stderr, lastPath, last, &opts)
	}
	if len(grades) > workforce.MaxGrades {
		return usageErrorf("%s: %s. Nothing was written.", name, workforce.TooManyGrades(len(grades)))
	}
	d, err := newDataFile(out, old, im, grades, opts)
	if err != nil {
		return err
	}
	d.SameGrades = spellingsToKeep(d.Grades, importOpts.SameGrades)
	if err := plans.FolderInside(out); err != nil {
		return err
	}
	// Said once nothing can refuse the import: said before a refusal,
	// it stood above "Nothing was written".
	sayNoLongerGrades(stderr, out, nowSpellings, old, d, opts)
	reportImportTo(stderr, name, out, im, d, old, opts.dryRun)
	if opts.dryRun {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if _, err := plans.WriteFileAtomic(out, workforce.Encode(d), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	fmt.Fprintln(stdout, out)
	return nil
}

// sayNoLongerGrades says which grades the data file kept are now counted
// as another grade's spelling (--same-grade, see dataImportOptionsFor),
// or would be, in a dry run, and what becomes of a headcount kept for
// one: it is not added to its grade's, nor made its grade's, as ladder
// cannot know whether the grade's people counted it, so the import says
// so where it left it out without a word.
func sayNoLongerGrades(w io.Writer, out string, spellings []workforce.SameGrade, old, d *workforce.Data, opts dataImportOptions) {
	form := "%s is no longer a grade of its own in %s: its rows are counted as %s."
	if opts.dryRun {
		form = "%s would no longer be a grade of its own in %s: its rows would be counted as %s."
	}
	for _, sg := range spellings {
		said := fmt.Sprintf(form, safetext.Quote(sg.Spelling), safetext.Line(out), safetext.Line(sg.Grade))
		sayWrapped(w, said+droppedHeadcount(sg, old, d, opts)+"\n")
	}
}

// droppedHeadcount is what an import says of the headcount old kept for
// a grade that is now sg's spelling, after a space, or nothing: nothing
// when there was none, or when the grade's headcount is given with
// --headcount in the same import.
func droppedHeadcount(sg workforce.SameGrade, old, d *workforce.Data, opts dataImportOptions) string {
	was, ok := old.Grade(sg.Spelling)
	g, isGrade := d.Grade(sg.Grade)
	if !ok || !isGrade || was.Headcount <= 0 || headcountGiven(opts.headcounts, g.Name) {
		return ""
	}
	n, name := was.Headcount, safetext.Line(g.Name)
	if g.Headcount <= 0 {
		verb := "is not kept"
		if opts.dryRun {
			verb = "would not be kept"
		}
		return fmt.Sprintf(" Its headcount of %d %s, as %s has none: give %s's, those %d among them, with --headcount %s.",
			n, verb, name, name, n, safetext.ShellWord(g.Name+"=N"))
	}
	verb := "is not added"
	if opts.dryRun {
		verb = "would not be added"
	}
	return fmt.Sprintf(" Its headcount of %d %s to %s's %d: if those %d are not among %s's %d, give --headcount %s.",
		n, verb, name, g.Headcount, n, name, g.Headcount, safetext.ShellWord(fmt.Sprintf("%s=%d", g.Name, g.Headcount+n)))
}

// headcountGiven reports whether a --headcount names the grade.
func headcountGiven(headcounts []string, grade string) bool {
	return slices.ContainsFunc(headcounts, func(h string) bool {
		name, _, ok := headcountArg(h)
		return ok && workforce.GradeKey(name) == workforce.GradeKey(grade)
	})
}

// headcountArg splits a --headcount GRADE=N at its last '=', as a grade
// may hold one (Band=A=12); ok is false where there is none.
func headcountArg(h string) (grade, n string, ok bool) {
	at := strings.LastIndex(h, "=")
	if at < 0 {
		return "", "", false
	}
	return h[:at], h[at+1:], true
}

// applyKeptSpellings has an import count the spellings a data file kept
// (this plan's, or last year's a year on) as their grades again, and says
// so: a --same-grade given for the same spelling is the one that counts.
// One whose grade is not among the grades given is said and left out.
func applyKeptSpellings(stderr io.Writer, path string, kept []workforce.SameGrade, io *workforce.ImportOptions) {
	var used, left []string
	for _, sg := range kept {
		if slices.ContainsFunc(io.SameGrades, func(g workforce.SameGrade) bool {
			return workforce.GradeKey(g.Spelling) == workforce.GradeKey(sg.Spelling)
		}) {
			continue
		}
		said := render.SpellingAs(sg)
		if notAmongGrades(io.Grades, sg.Grade) {
			left = append(left, said)
			continue
		}
		used = append(used, said)
		io.SameGrades = append(io.SameGrades, sg)
	}
	if len(used) > 0 {
		sayWrapped(stderr, fmt.Sprintf("Spellings kept in %s counted as their grade again: %s (edit its same_grades to change them).\n",
			safetext.Line(path), strings.Join(used, ", ")))
	}
	if len(left) > 0 {
		sayWrapped(stderr, fmt.Sprintf("Spellings kept in %s not counted, their grade not in --grades: %s.\n",
			safetext.Line(path), strings.Join(left, ", ")))
	}
}

// spellingsToKeep are the spellings an import counted as a grade, to
// keep in its data file for the next: each once (the first given wins),
// named with its grade as the file names it, in the order of the grades,
// then of the spellings. One that is a grade itself, or of a grade the
// file does not have, is not kept.
func spellingsToKeep(grades []workforce.Grade, same []workforce.SameGrade) []workforce.SameGrade {
	index := map[string]int{}
	for i, g := range grades {
		index[workforce.GradeKey(g.Name)] = i
	}
	var out []workforce.SameGrade
	seen := map[string]bool{}
	for _, sg := range same {
		f := workforce.GradeKey(sg.Spelling)
		i, ok := index[workforce.GradeKey(sg.Grade)]
		if _, isGrade := index[f]; !ok || isGrade || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, workforce.SameGrade{Spelling: sg.Spelling, Grade: grades[i].Name})
	}
	slices.SortStableFunc(out, func(a, b workforce.SameGrade) int {
		if d := index[workforce.GradeKey(a.Grade)] - index[workforce.GradeKey(b.Grade)]; d != 0 {
			return d
		}
		return strings.Compare(workforce.GradeKey(a.Spelling), workforce.GradeKey(b.Spelling))
	})
	return out
}

// withoutSpellings is grades without those LookalikeGrades found to be
// another grade written another way.
func withoutSpellings(grades []string, lookalikes []workforce.SameGrade) []string {
	return slices.DeleteFunc(slices.Clone(grades), func(g string) bool {
		return slices.ContainsFunc(lookalikes, func(sg workforce.SameGrade) bool { return sg.Spelling == g })
	})
}

// spelledTwoWays names the grades that look like one grade written two
// ways, on a line of its own, or is "" when none do.
func spelledTwoWays(lookalikes []workforce.SameGrade) string {
	if len(lookalikes) == 0 {
		return ""
	}
	pairs := make([]string, len(lookalikes))
	for i, sg := range lookalikes {
		pairs[i] = safetext.Quote(sg.Spelling) + " like " + safetext.Quote(sg.Grade)
	}
	return "Some look like one grade written two ways: " + strings.Join(pairs, ", ") + ".\n"
}

// sameGradeHelp says what the --same-grade offered do, when some are.
func sameGradeHelp(lookalikes []workforce.SameGrade) string {
	if len(lookalikes) == 0 {
		return ""
	}
	return "--same-grade counts each as the grade it looks like (a pair that is two grades: leave out its --same-grade and put both in --grades).\n"
}

// sameGradeArgs is the --same-grade for each of lookalikes, each after a
// space, to paste after --grades.
func sameGradeArgs(lookalikes []workforce.SameGrade) string {
	var b strings.Builder
	for _, sg := range lookalikes {
		b.WriteString(" " + workforce.SameGradeArg(sg))
	}
	return b.String()
}

// mostGradesToOrder is more grades than an organisation has: a column
// with more is not the grade column.
const mostGradesToOrder = 40

// importPlanUnnamed is the plan an import given neither --plan nor --out
// is for: the plan report, history and data show read with none named
// (the one plan in plans/, or this year's a year on), said on stderr, as
// the import writes beside it. "" when there is no such one plan: then
// the import asks for --plan.
func importPlanUnnamed(stderr io.Writer) string {
	plan, err := onePlanArg("data import", nil)
	if err != nil {
		return ""
	}
	dir := filepath.Dir(plan)
	which := "this year's plan"
	if names, _ := planNamesIn(dir); len(names) == 1 {
		which = "the one plan"
	}
	sayWrapped(stderr, fmt.Sprintf("For %s, %s in %s/ (give --plan for another).\n",
		safetext.Line(filepath.ToSlash(plan)), which, safetext.Line(filepath.ToSlash(dir))))
	return plan
}

// dataImportTarget is the data file an import writes.
func dataImportTarget(opts dataImportOptions) (string, error) {
	switch {
	case opts.plan != "" && opts.out != "":
		return "", usageErrorf("give --plan or --out, not both")
	case opts.out != "":
		if !plans.IsDataFile(opts.out) {
			return "", usageErrorf("--out %s: a data file's name ends in %s, so that ladder check and the review find it", opts.out, plans.DataFileSuffix)
		}
		return opts.out, nil
	case opts.plan == "":
		return "", usageErrorf("ladder data import needs --plan PLAN, the plan the data is for (or --out FILE.data.yaml)")
	}
	if plans.IsDataFile(opts.plan) {
		return "", usageErrorf("--plan %s is a data file: give the plan it belongs to", opts.plan)
	}
	if _, err := os.Stat(opts.plan); err != nil {
		if hint := didYouMean(opts.plan); hint != "" {
			return "", usageErrorf("--plan %s: no such plan: %s", opts.plan, hint)
		}
		return "", usageErrorf("--plan %s: no such plan (start one with ladder new, or give --out FILE.data.yaml)", opts.plan)
	}
	return workforce.PathFor(opts.plan), nil
}

// lastReviewData is the data file of the review the plan at planPath
// carried on from (its previous_review, by the rules ladder status reads
// it with), and that file's path; nil when there is none. err says why
// that file, which is there, does not load (with its FILE:LINE:COL).
func lastReviewData(planPath string) (string, *workforce.Data, error) {
	if planPath == "" {
		return "", nil, nil
	}
	p, err := plans.LoadFile(planPath, nil)
	if err != nil {
		return "", nil, nil
	}
	return lastReviewDataOf(planPath, p)
}

// lastReviewDataOf is lastReviewData for the plan p, loaded from
// planPath already (as ladder report has it).
func lastReviewDataOf(planPath string, p *plans.Plan) (string, *workforce.Data, error) {
	if p.PreviousReview == "" {
		return "", nil, nil
	}
	prev, err := plans.PreviousReviewOf(planPath, p)
	if err != nil {
		// Last year's plan is gone (removed once carried on), does not
		// load, or does not name this one back: the data file beside
		// where the link leads, left there, still holds last year's
		// threshold. Read as none, the threshold fell back to 10 and
		// showed groups it hid. A link out of the repository gives none.
		if prev, err = plans.Link(planPath, p.PreviousReview); err != nil {
			return "", nil, nil
		}
	}
	path := workforce.PathFor(prev)
	d, err := workforce.LoadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, nil
	}
	if err != nil {
		return path, nil, err
	}
	return path, d, nil
}

// lastYearsData is the data of the review the plan beside a data file
// carried on from, and its path, for a data file new in a change (status
// A) that loaded: this year's first survey compared with nothing says
// "(none)" in every cell, where the team asks how the shares moved since
// last year. nil otherwise; last year's data file there but not loading
// is said on stderr.
func lastYearsData(stderr io.Writer, status byte, path string, new *workforce.Data) (string, *workforce.Data) {
	if status != 'A' || new == nil {
		return "", nil
	}
	base := strings.TrimSuffix(path, plans.DataFileSuffix)
	for _, ext := range []string{".yaml", ".yml"} {
		if _, err := os.Stat(base + ext); err == nil {
			lastPath, last, err := lastReviewData(base + ext)
			if err != nil {
				// Compared with nothing, as if last year had no data,
				// unless the diff says why.
				fmt.Fprintln(stderr, err)
			}
			return lastPath, last
		}
	}
	return "", nil
}

// lastReviewOrder is the grades found in the order last year's data has
// them, when it has every one; nil otherwise.
func lastReviewOrder(last *workforce.Data, found []string) []string {
	if len(gradesNew(last, found)) > 0 {
		return nil
	}
	return lastYearFirst(last, found)
}

// lastYearFirst is the grades found, those last year's data has first,
// in its order, then the new ones, in the order found.
func lastYearFirst(last *workforce.Data, found []string) []string {
	var order []string
	for _, g := range last.Grades {
		if slices.Contains(found, g.Name) {
			order = append(order, g.Name)
		}
	}
	return append(order, gradesNew(last, found)...)
}

// gradesNew is the grades found that last year's data does not have.
func gradesNew(last *workforce.Data, found []string) []string {
	var out []string
	for _, g := range found {
		if _, ok := last.Grade(g); !ok {
			out = append(out, g)
		}
	}
	return out
}

// gradesChanged says how this year's grades differ from last year's data:
// "Last review's data (plans/acme.data.yaml) has Staff, Manager; new this
// year: Team lead; not this year: Manager (renamed?)."
func gradesChanged(lastPath string, last *workforce.Data, found []string) string {
	s := fmt.Sprintf("Last review's data (%s) has %s", safetext.Line(lastPath), gradeNames(last.Grades))
	if added := gradesNew(last, found); len(added) > 0 {
		s += "; new this year: " + safetext.Line(strings.Join(added, ", "))
	}
	var gone []string
	for _, g := range last.Grades {
		if !slices.Contains(found, g.Name) {
			gone = append(gone, g.Name)
		}
	}
	if len(gone) > 0 {
		s += "; not this year: " + safetext.Line(strings.Join(gone, ", ")) + " (renamed?)"
	}
	return s + "."
}

// carryLastSettings gives next year's first import last year's raised
// threshold and target, as one import gives the next, unless the flags
// give others, and says so: a threshold of 10 where last year's was 15
// would show groups of 10 to 14 that last year hid.
func carryLastSettings(stderr io.Writer, lastPath string, last *workforce.Data, opts *dataImportOptions) {
	var what, flags []string
	if opts.threshold == 0 && last.Threshold > workforce.MinThreshold {
		opts.threshold = last.Threshold
		what, flags = append(what, fmt.Sprintf("Anonymity threshold %d", last.Threshold)), append(flags, "--threshold")
	}
	if opts.target == "" && last.Target > 0 {
		opts.target = fmt.Sprintf("%d%%", last.Target)
		w := "target response rate"
		if len(what) == 0 {
			w = "Target response rate"
		}
		what, flags = append(what, fmt.Sprintf("%s %d%%", w, last.Target)), append(flags, "--target")
	}
	if len(what) == 0 {
		return
	}
	them := "them"
	if len(what) == 1 {
		them = "it"
	}
	sayWrapped(stderr, fmt.Sprintf("%s, as in the last review's data (%s) (give %s to change %s).\n",
		strings.Join(what, " and "), safetext.Line(lastPath), strings.Join(flags, " or "), them))
}

// sayLastReviewOrder says that the grades are put in the order of the
// last review's data, at lastPath: at a terminal wrapped at its spaces,
// where the terminal broke a grade's name or the path in two.
func sayLastReviewOrder(w io.Writer, lastPath string, order []string) {
	sayWrapped(w, fmt.Sprintf("Grades from junior to senior in the order of the last review's data (%s): %s (give --grades to change it).\n",
		safetext.Line(lastPath), safetext.Line(strings.Join(order, ", "))))
}

// wrappedPrompt writes a question too long for one line of the terminal
// but its last line, wrapped at its spaces, and returns that last line,
// for the answer to be typed after it.
func wrappedPrompt(w io.Writer, text string) string {
	cols := terminalColumns(w)
	if cols == 0 {
		return text
	}
	lines := render.WrapAtSpaces(strings.TrimRight(text, " "), max(1, cols-1))
	for _, l := range lines[:len(lines)-1] {
		fmt.Fprintln(w, l)
	}
	return lines[len(lines)-1] + " "
}

// sayWrapped writes text to w, wrapped at a terminal's width at its
// spaces; into a pipe or a log, a line is a line. Nothing to say writes
// nothing, as into a pipe: not a blank line above the question after it.
func sayWrapped(w io.Writer, text string) {
	cols := terminalColumns(w)
	if cols == 0 || text == "" {
		fmt.Fprint(w, text)
		return
	}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		for _, l := range render.WrapAtSpaces(line, max(1, cols-1)) {
			fmt.Fprintln(w, l)
		}
	}
}

// loadExistingData reads the data file an import will replace: its grades,
// headcounts, target and threshold carry over. One that does not load is
// left alone.
func loadExistingData(stderr io.Writer, path string) (*workforce.Data, error) {
	d, err := workforce.LoadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "%s does not load, so an import would lose what is in it: fix it (or move it away), then import again. Nothing was written.\n", path)
		return nil, problemsFound()
	}
	return d, nil
}

// dataImportOptionsFor reads the import's flags, the grades the data
// file kept standing for --grades when none are given.
//
// A --same-grade whose spelling is one of the grades the data file kept
// (an earlier import took "Administrator" for a grade beside "Admin")
// takes it out of them, and is returned to be said: kept, it stayed in
// every table with no answers, joined to a neighbour, and the spelling
// was not kept for the next import. One that --grades names too is
// refused: it cannot be a grade and another grade's spelling at once.
func dataImportOptionsFor(opts dataImportOptions, old *workforce.Data, keptPath string, kept []workforce.SameGrade) (workforce.ImportOptions, []workforce.SameGrade, error) {
	io := workforce.ImportOptions{
		GradeColumn:  opts.gradeColumn,
		AnswerColumn: opts.answerColumn,
		Encoding:     strings.ToLower(opts.encoding),
		SkipRows:     opts.skipRows,
		Grades:       trimAll(opts.grades),
	}
	if io.Encoding != "" && !slices.Contains(workforce.Encodings, io.Encoding) {
		return io, nil, usageErrorf("--encoding %s: ladder reads %s", opts.encoding, strings.Join(workforce.Encodings, " or "))
	}
	if opts.skipRows < 0 {
		return io, nil, usageErrorf("--skip-rows cannot be negative")
	}
	switch strings.ToLower(opts.delimiter) {
	case "":
	case ",", "comma":
		io.Delimiter = ','
	case ";", "semicolon":
		io.Delimiter = ';'
	case "\t", `\t`, "tab":
		io.Delimiter = '\t'
	case "|", "bar":
		io.Delimiter = '|'
	default:
		return io, nil, usageErrorf("--delimiter %s: say comma, semicolon, tab or bar", opts.delimiter)
	}
	for _, p := range opts.places {
		pl, err := workforce.ParsePlace(p)
		if err != nil {
			return io, nil, usageErrorf("--place %v", err)
		}
		io.Places = append(io.Places, pl)
	}
	fromFile := len(io.Grades) == 0 && old != nil
	if fromFile {
		for _, g := range old.Grades {
			io.Grades = append(io.Grades, g.Name)
		}
	}
	if dup := duplicateGrade(io.Grades); dup != "" {
		return io, nil, usageErrorf("--grades names %s twice", safetext.Excerpt(dup, safetext.ExcerptLength))
	}
	var same []workforce.SameGrade
	for _, s := range opts.sameGrades {
		sg, err := workforce.ParseSameGrade(s)
		if err != nil {
			return io, nil, usageErrorf("--same-grade %v", err)
		}
		same = append(same, sg)
	}
	if err := chainedSpellings(opts.sameGrades, same); err != nil {
		return io, nil, err
	}
	if err := chainedWithKept(opts.sameGrades, same, kept, keptPath); err != nil {
		return io, nil, err
	}
	var nowSpellings []workforce.SameGrade
	for i, sg := range same {
		s := opts.sameGrades[i]
		if notAmongGrades(io.Grades, sg.Grade) {
			return io, nil, usageErrorf("--same-grade %s: %s is not one of the grades (%s): name one of them after the '='",
				safetext.ShellWord(s), safetext.Excerpt(sg.Grade, safetext.ExcerptLength), safetext.Line(strings.Join(io.Grades, ", ")))
		}
		k := workforce.GradeKey(sg.Spelling)
		if k != workforce.GradeKey(sg.Grade) && slices.ContainsFunc(io.Grades, func(g string) bool { return workforce.GradeKey(g) == k }) {
			if !fromFile {
				return io, nil, usageErrorf("--same-grade %s: %s is also in --grades: give it in one of them, as a grade or as a spelling of %s. Nothing was written.",
					safetext.ShellWord(s), safetext.Excerpt(sg.Spelling, safetext.ExcerptLength), safetext.Excerpt(sg.Grade, safetext.ExcerptLength))
			}
			io.Grades = slices.DeleteFunc(io.Grades, func(g string) bool { return workforce.GradeKey(g) == k })
			nowSpellings = append(nowSpellings, sg)
		} else if old != nil && k != workforce.GradeKey(sg.Grade) {
			if _, was := old.Grade(sg.Spelling); was { // a grade of the file, left out of --grades
				nowSpellings = append(nowSpellings, sg)
			}
		}
		io.SameGrades = append(io.SameGrades, sg)
	}
	return io, nowSpellings, nil
}

// chainedSpellings refuses a --same-grade whose grade is another's
// spelling ("Admn=Administrator" beside "Administrator=Admin"), in
// whichever order they are given, naming each as typed and the one to
// give in its place. Taken one at a time, one order refused the second
// for naming a grade no longer among the grades, the other read a row of
// "Admn" as "Administrator" and said that grade, not on the row, was
// none of the grades.
func chainedSpellings(typed []string, same []workforce.SameGrade) error {
	spellingOf := map[string]int{}
	for i, sg := range same {
		if k := workforce.GradeKey(sg.Spelling); k != workforce.GradeKey(sg.Grade) {
			if _, ok := spellingOf[k]; !ok {
				spellingOf[k] = i
			}
		}
	}
	for i, sg := range same {
		j, ok := spellingOf[workforce.GradeKey(sg.Grade)]
		if !ok || workforce.GradeKey(sg.Spelling) == workforce.GradeKey(sg.Grade) {
			continue
		}
		// Followed to the grade it ends at; back at a spelling already
		// passed, they make each other spellings and one is the grade.
		end, passed, loop := sg.Grade, map[string]bool{workforce.GradeKey(sg.Spelling): true}, false
		for {
			k := workforce.GradeKey(end)
			n, ok := spellingOf[k]
			if loop = passed[k]; loop || !ok {
				break
			}
			passed[k], end = true, same[n].Grade
		}
		instead := "give " + workforce.SameGradeArg(workforce.SameGrade{Spelling: sg.Spelling, Grade: end}) + " in its place"
		if loop {
			instead = "give one of the two"
		}
		return usageErrorf("--same-grade %s: %s is itself a spelling, of %s (--same-grade %s): %s. Nothing was written.",
			safetext.ShellWord(typed[i]), safetext.Excerpt(sg.Grade, safetext.ExcerptLength), safetext.Excerpt(same[j].Grade, safetext.ExcerptLength), safetext.ShellWord(typed[j]), instead)
	}
	return nil
}

// chainedWithKept refuses a --same-grade that chains with a spelling the
// data file keeps (this plan's, or last year's a year on, at keptPath):
// one whose grade is a kept spelling ("Admn=Administrator" where
// "Administrator" is kept as Admin's), or whose spelling is a kept
// spelling's grade ("Administrator=Admin" where "Admn" is kept as
// Administrator's). Let through, a year on the kept spelling's rows were
// counted as a grade of their own, or the grade typed away came back as
// new; on the same plan its rows were "not one of the grades". A typed
// --same-grade for a kept spelling takes its place, and is not a chain.
func chainedWithKept(typed []string, same, kept []workforce.SameGrade, keptPath string) error {
	retyped := func(spelling string) bool {
		return slices.ContainsFunc(same, func(sg workforce.SameGrade) bool {
			return workforce.GradeKey(sg.Spelling) == workforce.GradeKey(spelling)
		})
	}
	for i, sg := range same {
		if workforce.GradeKey(sg.Spelling) == workforce.GradeKey(sg.Grade) {
			continue
		}
		for _, k := range kept {
			if retyped(k.Spelling) {
				continue
			}
			isKept := workforce.GradeKey(sg.Grade) == workforce.GradeKey(k.Spelling)
			keepsGrade := workforce.GradeKey(sg.Spelling) == workforce.GradeKey(k.Grade)
			switch {
			case isKept && keepsGrade:
				return usageErrorf("--same-grade %s: %s keeps %s as a spelling of %s: take it out of its same_grades first, or give one of them as a spelling of the other. Nothing was written.",
					safetext.ShellWord(typed[i]), safetext.Line(keptPath), safetext.Excerpt(k.Spelling, safetext.ExcerptLength), safetext.Excerpt(k.Grade, safetext.ExcerptLength))
			case isKept:
				return usageErrorf("--same-grade %s: %s is itself a spelling, of %s, kept in %s: give %s in its place. Nothing was written.",
					safetext.ShellWord(typed[i]), safetext.Excerpt(sg.Grade, safetext.ExcerptLength), safetext.Excerpt(k.Grade, safetext.ExcerptLength), safetext.Line(keptPath),
					workforce.SameGradeArg(workforce.SameGrade{Spelling: sg.Spelling, Grade: k.Grade}))
			case keepsGrade:
				return usageErrorf("--same-grade %s: %s keeps %s as a spelling of %s: give %s too, for its rows to be counted as %s. Nothing was written.",
					safetext.ShellWord(typed[i]), safetext.Line(keptPath), safetext.Excerpt(k.Spelling, safetext.ExcerptLength), safetext.Excerpt(k.Grade, safetext.ExcerptLength),
					workforce.SameGradeArg(workforce.SameGrade{Spelling: k.Spelling, Grade: sg.Grade}), safetext.Line(sg.Grade))
			}
		}
	}
	return nil
}

func trimAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// notAmongGrades reports whether grades were given (--grades, or the
// data file's) and grade is none of them, as --grades tells two apart
// (workforce.GradeKey): a --same-grade, or a spelling a data file kept,
// must name one of them.
func notAmongGrades(grades []string, grade string) bool {
	return len(grades) > 0 && !slices.ContainsFunc(grades, func(g string) bool { return workforce.GradeKey(g) == workforce.GradeKey(grade) })
}

func duplicateGrade(names []string) string {
	seen := map[string]bool{}
	for _, n := range names {
		k := workforce.GradeKey(n)
		if seen[k] {
			return n
		}
		seen[k] = true
	}
	return ""
}

// openCSV opens the CSV to import; "-" is standard input.
func openCSV(stdin io.Reader, path string) (io.ReadCloser, string, error) {
	if path == "-" {
		return io.NopCloser(stdin), "standard input", nil
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", usageErrorf("%s does not exist: check the spelling of the path", path)
	case err != nil:
		return nil, "", err
	case info.IsDir():
		return nil, "", usageErrorf("%s is a folder: give the CSV file exported from your survey tool", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	return f, path, nil
}

// newDataFile is the data file an import writes: the counts just read, in
// the grades' order, with what the old file and the flags say about
// headcounts, the target, the threshold and the benchmark.
func newDataFile(out string, old *workforce.Data, im *workforce.Imported, order []string, opts dataImportOptions) (*workforce.Data, error) {
	d := &workforce.Data{Schema: workforce.SchemaVersion, Threshold: workforce.MinThreshold, Collected: plans.Today().String()}
	if old != nil {
		d.Threshold, d.Target, d.Benchmark = old.Threshold, old.Target, old.Benchmark
	}
	d.KeepsLayoutOf(old)
	if opts.collected != "" {
		date, err := dateFlag("collected", opts.collected)
		if err != nil {
			return nil, err
		}
		d.Collected = date.String()
	}
	if opts.threshold != 0 {
		if opts.threshold < workforce.MinThreshold {
			return nil, usageErrorf("--threshold %d: the anonymity threshold can be raised but never lowered below %d, the guide's", opts.threshold, workforce.MinThreshold)
		}
		d.Threshold = opts.threshold
	}
	if opts.target != "" {
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(opts.target, "%")))
		if err != nil || n < 1 || n > 100 {
			return nil, usageErrorf("--target %s: give a percentage from 1%% to 100%%, such as 60%%", opts.target)
		}
		d.Target = n
	}
	if opts.benchmark != "" {
		ref, err := workforce.BenchmarkRef(out, opts.benchmark)
		if err != nil {
			return nil, usageErrorf("--benchmark %v", err)
		}
		if _, err := workforce.LoadBenchmark(opts.benchmark); err != nil {
			return nil, &exitError{code: ExitProblems, err: err}
		}
		d.Benchmark = ref
	}
	counts := map[string]workforce.Counts{}
	for i, g := range im.Grades {
		counts[strings.ToLower(g)] = im.Counts[i]
	}
	for _, name := range order {
		g := workforce.Grade{Name: name, Counts: counts[strings.ToLower(name)]}
		if old != nil {
			if og, ok := old.Grade(name); ok {
				g.Headcount = og.Headcount
			}
		}
		d.Grades = append(d.Grades, g)
	}
	given := map[string]string{} // grade name → the --headcount that set it
	for _, h := range opts.headcounts {
		name, n, ok := headcountArg(h)
		count, err := strconv.Atoi(strings.TrimSpace(n))
		if !ok || err != nil || count < 1 {
			return nil, usageErrorf("--headcount %s: give GRADE=N, e.g. --headcount \"Team member=120\"", h)
		}
		g, found := d.Grade(strings.TrimSpace(name))
		if !found {
			return nil, usageErrorf("--headcount %s: no grade %s in the data; its grades are %s. Nothing was written.",
				safetext.Line(h), safetext.Excerpt(name, safetext.ExcerptLength), gradeNames(d.Grades))
		}
		g.Headcount = count
		given[g.Name] = h
	}
	for _, g := range d.Grades {
		msg := workforce.HeadcountProblem(g, d.Threshold)
		switch h, ok := given[g.Name]; {
		case msg == "":
		case ok:
			return nil, usageErrorf("--headcount %s: %s. Give the number of people in the grade. Nothing was written.", h, msg)
		default:
			joined, sum := joinedHeadcounts(old, d, im, g)
			return nil, &exitError{code: ExitProblems, err: fmt.Errorf("%s: %s (the headcount is the one kept in %s from an earlier import%s). "+
				"Give the grade's headcount now with --headcount %s%s. Nothing was written.", out, msg, out, joined, safetext.ShellWord(g.Name+"=N"), sum)}
		}
	}
	return d, nil
}

// joinedHeadcounts names the grades old kept with a headcount of their
// own that this import counts as g (their rows now g's), after a comma,
// and the --headcount of them all added up to offer: a headcount below
// the responses after a join was refused asking for g's with no word of
// where the answers above it came from. Both "" when none were joined.
func joinedHeadcounts(old, d *workforce.Data, im *workforce.Imported, g workforce.Grade) (joined, sum string) {
	if old == nil {
		return "", ""
	}
	var names []string
	total := g.Headcount
	for _, sg := range im.SameGraded {
		was, ok := old.Grade(sg.Spelling)
		if _, still := d.Grade(sg.Spelling); !ok || still || was.Headcount <= 0 || workforce.GradeKey(sg.Grade) != workforce.GradeKey(g.Name) {
			continue
		}
		names = append(names, fmt.Sprintf("%s, now counted as %s, had its own, %d", safetext.Quote(was.Name), safetext.Line(g.Name), was.Headcount))
		total += was.Headcount
	}
	if len(names) == 0 {
		return "", ""
	}
	joined = ", and " + strings.Join(names, "; ")
	if total < g.Counts.Responses() {
		return joined, "" // below the responses too: not one to offer
	}
	added := "the two"
	if len(names) > 1 {
		added = "them all"
	}
	return joined, fmt.Sprintf(": %s if it is %s added up", safetext.ShellWord(fmt.Sprintf("%s=%d", g.Name, total)), added)
}

// reportImportTo says what an import read, its lines wrapped at a
// terminal's width at their spaces, under their own indent: an answer
// read as the guide's names the guide's answer in full, and at 80 columns
// the terminal broke "(prof/essional)" and a path in two. In a pipe or a
// log, a line is a line.
func reportImportTo(w io.Writer, name, out string, im *workforce.Imported, d *workforce.Data, old *workforce.Data, dryRun bool) {
	cols := terminalColumns(w)
	if cols == 0 {
		reportImport(w, name, out, im, d, old, dryRun)
		return
	}
	var b strings.Builder
	reportImport(&b, name, out, im, d, old, dryRun)
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		text := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(text)]
		if strings.HasPrefix(text, "ladder ") {
			// A command to type is never broken at its spaces: copied,
			// or read a line at a time, half of it would run.
			fmt.Fprintln(w, line)
			continue
		}
		for i, l := range render.WrapAtSpaces(text, max(1, cols-len(indent)-2)) {
			if i > 0 {
				l = "  " + l
			}
			fmt.Fprintln(w, indent+l)
		}
	}
}

// reportImport says what the import read and wrote, on standard error,
// and which counts it replaced (old, if there were any): without git, they
// are gone. It shows no count under the threshold: a terminal may be on a
// projector.
func reportImport(w io.Writer, name, out string, im *workforce.Imported, d *workforce.Data, old *workforce.Data, dryRun bool) {
	foundBy := func(found bool) string {
		if found {
			return " (found by its header)"
		}
		return ""
	}
	fmt.Fprintf(w, "Read %s: %s, %s-separated.\n", name, plural(im.Responses, "response"), workforce.DelimiterName(im.Delimiter))
	switch {
	case im.Qualtrics && im.TitleRows > 0:
		fmt.Fprintf(w, "  Header: row %d, the questions of a Qualtrics export (the short names above\n    and the import ids below skipped)\n", im.HeaderRow)
	case im.Qualtrics:
		fmt.Fprintf(w, "  Header: row %d of a Qualtrics export (the question text and import ids below\n    it skipped)\n", im.HeaderRow)
	case im.SurveyMonkey:
		fmt.Fprintf(w, "  Header: row %d of a SurveyMonkey export (its second header row, \"Response\",\n    skipped)\n", im.HeaderRow)
	case im.TitleRows > 0:
		fmt.Fprintf(w, "  Header: row %d (%s above it, such as a title, skipped)\n", im.HeaderRow, plural(im.TitleRows, "row"))
	}
	fmt.Fprintf(w, "  Grade: %s%s\n  Answer: %s%s\n", im.Grade, foundBy(im.GradeFound), im.Answer, foundBy(im.AnswerFound))
	if im.Other.Index >= 0 {
		fmt.Fprintf(w, "    and %s, what people typed when they chose it\n", im.Other)
	}
	if im.NoAnswer.Count > 0 {
		fmt.Fprintf(w, "Not counted: %s with no answer to the key question (%s).\n", plural(im.NoAnswer.Count, "row"), im.NoAnswer)
	}
	var none []string
	for _, g := range d.Grades {
		if g.Counts.Responses() == 0 {
			none = append(none, g.Name)
		}
	}
	if len(none) > 0 {
		// A grade filtered out of the export, or spelt another way, would
		// otherwise be counted as nobody without a word.
		fmt.Fprintf(w, "No responses from %s in %s: %s 0. If the export was filtered, export every row and import again.\n",
			safetext.Line(strings.Join(none, ", ")), name, map[bool]string{true: "its counts are", false: "their counts are"}[len(none) == 1])
	}
	if im.Totals.Count > 0 {
		fmt.Fprintf(w, "Skipped: %s (%s): a total added below the responses, not someone's answer.\n", plural(im.Totals.Count, "totals row"), im.Totals)
	}
	if im.EmptyRows > 0 {
		fmt.Fprintf(w, "Skipped: %s.\n", plural(im.EmptyRows, "empty row"))
	}
	if len(im.Checked) > 0 {
		fmt.Fprintln(w, "Read as the guide's answers from other wordings, example occupations,\ngroup names or your --place (check them):")
		// Every one, however many: a reading left out would be a silent one.
		for _, c := range im.Checked {
			where := c.Group.Name()
			if c.Category != nil {
				where = c.Category.Answer + " (" + c.Group.Name() + ")"
			}
			fmt.Fprintf(w, "  %s → %s: %s\n", safetext.Excerpt(c.Text, 50), where, answersWord(c.Count, d.Threshold))
		}
	}
	if len(im.SameGraded) > 0 {
		fmt.Fprintln(w, "Spellings counted as another grade (check them):")
		for _, sg := range im.SameGraded {
			fmt.Fprintf(w, "  %s → %s: %s\n", safetext.Excerpt(sg.Spelling, 50), safetext.Line(sg.Grade), answersWord(sg.Rows, d.Threshold))
		}
	}
	replaced := ""
	switch {
	case old != nil && old.Collected != "":
		replaced = ", in place of those collected on " + old.Collected
	case old != nil:
		replaced = ", in place of the counts it held"
	}
	if dryRun {
		fmt.Fprintf(w, "Nothing written (--dry-run): without it, the counts for %s would go to %s%s.\n", plural(len(d.Grades), "grade"), out, replaced)
		return
	}
	fmt.Fprintf(w, "Wrote %s: counts only, for %s%s. %s was not copied or kept: delete it when you no longer need it.\n", out, plural(len(d.Grades), "grade"), replaced, name)
	fmt.Fprintf(w, "Next, to see the counts:\n  ladder data show %s\n", plans.CommandPath(out))
}

// answersWord is "12 answers", or "fewer than 10 answers".
func answersWord(n, threshold int) string {
	if n < threshold {
		return fmt.Sprintf("fewer than %d answers", threshold)
	}
	return plural(n, "answer")
}

// gradeNames lists the grades for a message: "Team member, Manager".
func gradeNames(grades []workforce.Grade) string {
	names := make([]string, len(grades))
	for i, g := range grades {
		names[i] = g.Name
	}
	return safetext.Line(strings.Join(names, ", "))
}

// gradesValue is --grades: grades separated by commas, a grade with a
// comma in it in double quotes ("Director, Operations"), as a
// spreadsheet writes a cell. A quote inside a grade needs no doubling
// (Grade "M"): pflag's string slice refused one with a CSV reader's
// words, "bare \" in non-quoted-field", for a grade ladder had itself
// offered in the --grades to paste.
type gradesValue []string

func (g *gradesValue) String() string { return strings.Join(*g, ",") }

func (g *gradesValue) Type() string { return "strings" }

func (g *gradesValue) Set(s string) error {
	r := csv.NewReader(strings.NewReader(s))
	r.LazyQuotes = true
	r.TrimLeadingSpace = true // Band 1, "Director, Operations": quoted after a space, as ladder lists grades
	r.FieldsPerRecord = -1
	// Every line, not the first alone: a spreadsheet's column pasted in
	// comes a grade a line.
	for {
		grades, err := r.Read() // lazy quotes: no text is refused
		if errors.Is(err, io.EOF) {
			return nil
		}
		*g = append(*g, grades...)
		if err != nil {
			return err
		}
	}
}

// gradesArg is grades as --grades reads them, quoted for a command line a
// person can paste: a grade with a comma or a double quote in it in
// double quotes, its quotes doubled, as gradesValue reads it back.
func gradesArg(grades []string) string {
	quoted := make([]string, len(grades))
	for i, g := range grades {
		g = safetext.Line(g)
		if strings.ContainsAny(g, `,"`) {
			g = `"` + strings.ReplaceAll(g, `"`, `""`) + `"`
		}
		quoted[i] = g
	}
	return safetext.ShellWord(strings.Join(quoted, ","))
}

// asker puts questions to a person at a terminal, one line each.
type asker struct {
	in  *bufio.Reader
	out io.Writer
}

// newAsker returns an asker when both standard input and standard error
// are terminals, and nil otherwise (a script, a pipe, a test).
func newAsker(stdin io.Reader, stderr io.Writer) *asker {
	if !isTerminal(stdin) || !isTerminal(stderr) {
		return nil
	}
	return &asker{in: bufio.NewReader(stdin), out: stderr}
}

func (a *asker) line(prompt string) (string, error) {
	fmt.Fprint(a.out, prompt)
	s, err := a.in.ReadString('\n')
	if err != nil && s == "" {
		return "", &exitError{code: ExitUsage, err: errors.New("no answer: nothing was written")}
	}
	return strings.TrimSpace(s), nil
}

// yes asks a question answered yes by Enter alone.
func (a *asker) yes(prompt string) (bool, error) {
	for {
		s, err := a.line(prompt)
		if err != nil {
			return false, err
		}
		switch strings.ToLower(s) {
		case "", "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		}
		fmt.Fprintln(a.out, "Answer y or n.")
	}
}

// column asks which column holds the grade or the answer.
func (a *asker) column(which string, cols []workforce.Column) (workforce.Column, error) {
	fmt.Fprintf(a.out, "Which column holds the %s?\n", map[string]string{"grade": "grade", "answer": "answer to the key question"}[which])
	for i, l := range workforce.ColumnLabels(cols) {
		fmt.Fprintf(a.out, "  %d) %s\n", i+1, l)
	}
	for {
		s, err := a.line(fmt.Sprintf("Type 1 to %d: ", len(cols)))
		if err != nil {
			return workforce.Column{}, err
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(cols) {
			return cols[n-1], nil
		}
	}
}

// order asks for the grades from junior to senior.
func (a *asker) order(grades []string) ([]string, []workforce.SameGrade, error) {
	return a.orderListed(grades, "in the order they were found")
}

// orderListed is order, saying in what order the grades are listed
// (next year's words run past 80 columns: wrapped at their spaces).
func (a *asker) orderListed(grades []string, listed string) ([]string, []workforce.SameGrade, error) {
	sayWrapped(a.out, fmt.Sprintf("These grades are in the file, %s:\n", listed))
	for i, g := range grades {
		fmt.Fprintf(a.out, "  %d) %s\n", i+1, safetext.Line(g))
	}
	for {
		s, err := a.line("Type their numbers from the most junior to the most senior, e.g. 3 1 2: ")
		if err != nil {
			return nil, nil, err
		}
		if s == "" {
			// No order is right when a grade is a typo of another ("B3"
			// beside "Band 3"): the way out is to correct the file.
			return nil, nil, usageErrorf("no order given: if a grade is spelt two ways, import again with --same-grade SPELLING=GRADE (or correct it in the CSV), or give the grades with --grades. Nothing was written.")
		}
		fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
		var out []string
		used := map[int]bool{}
		valid := true
		for _, f := range fields {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 || n > len(grades) || used[n] {
				valid = false
				break
			}
			used[n] = true
			out = append(out, grades[n-1])
		}
		if len(out) == len(grades) && len(fields) == len(grades) {
			return out, nil, nil
		}
		if valid && len(out) > 0 {
			// A grade left out of a good order is most often another
			// grade written another way ("Administrator" beside "Admin")
			// that the look-alike check did not catch: joined here, as
			// --same-grade would, rather than stopped to work one out.
			joins, err := a.joinLeftOut(grades, used)
			if err != nil {
				return nil, nil, err
			}
			if joins != nil {
				return out, joins, nil
			}
		}
		fmt.Fprintf(a.out, "Give each of the %d numbers once, or press Enter alone to stop.\n", len(grades))
	}
}

// joinLeftOut asks of each grade left out of an order (used holds the
// numbers given) which grade in the order it is, counted as that grade;
// nil when one is not, and the order is to be given again.
func (a *asker) joinLeftOut(grades []string, used map[int]bool) ([]workforce.SameGrade, error) {
	example := 0
	for n := range used {
		if example == 0 || n < example {
			example = n
		}
	}
	var joins []workforce.SameGrade
	for i, g := range grades {
		if used[i+1] {
			continue
		}
		s, err := a.line(wrappedPrompt(a.out, fmt.Sprintf("%s is not in that order. If it is one of the grades above written another way, type that grade's number to count it as that grade (%d for %s); or press Enter to give the order again: ",
			safetext.Quote(g), example, safetext.Line(grades[example-1]))))
		if err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(s)
		if err != nil || !used[n] {
			return nil, nil
		}
		joins = append(joins, workforce.SameGrade{Spelling: g, Grade: grades[n-1]})
	}
	return joins, nil
}

type dataShowOptions struct {
	benchmark string
	format    string
	width     int
	out       string
}

func newDataShowCmd() *cobra.Command {
	var opts dataShowOptions
	cmd := &cobra.Command{
		Use:   "show [DATA|PLAN]",
		Short: "Show each grade's share of the three groups, the pattern and the response rates",
		Long: `Show draws a data file in the terminal: each grade's share of the three
groups as a horizontal bar, from junior to senior (each group has its own
shape, word and colour, so the chart reads without colour too), the
reading of the pattern (a cliff edge, a pyramid or no fall, with the rule
and the numbers it used), the comparison with the benchmark the data file
names, and each grade's response rate against the target.

Give the data file, or the plan it belongs to. With neither, show reads
the only data file in plans/ or, a year on, the data of the plan report
and history read (this year's, beside last year's in plans/ or in the
newest year's folder). No figure under the
anonymity threshold is shown ("<10"), nor any figure it could be worked
out from by subtraction ("--"); a grade too small to show alone is shown
with its neighbour, ` + render.ThresholdWhy + `.

--format md prints the same as Markdown, the chart as a table, as the
report's data section has it. NO_COLOR turns colour off. With ACCESSIBLE
set (or TERM=dumb), as for ladder review --accessible, the chart is said
in words, a sentence a grade, for a screen reader.`,
		Example: `  ladder data show plans/acme.yaml
  ladder data show plans/acme.data.yaml --benchmark plans/uk.benchmark.yaml
  ladder data show plans/acme.yaml --format md -o data.md`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := formatOfOutput(cmd, &opts.format, opts.out, "text", "md"); err != nil {
				return err
			}
			arg := ""
			if len(args) == 1 {
				arg = typedPath(args[0])
			}
			opts.benchmark = typedPath(opts.benchmark)
			return runDataShow(cmd.OutOrStdout(), cmd.ErrOrStderr(), arg, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.benchmark, "benchmark", "", "compare with this benchmark `FILE` instead of the one the data file names")
	f.StringVar(&opts.format, "format", "text", "the output `FORMAT`: text for a terminal, or md for Markdown")
	f.IntVar(&opts.width, "width", 0, "lay the text out for `N` columns (default: the terminal's, or 80)")
	outputFlag(f, &opts.out, "write to `FILE` instead of standard output (a .md name chooses --format md)")
	return cmd
}

func runDataShow(stdout, stderr io.Writer, arg string, opts dataShowOptions) error {
	if opts.format != "text" && opts.format != "md" {
		return usageErrorf("--format %s: choose text or md", opts.format)
	}
	path, err := dataFileArg(arg)
	if err != nil {
		return err
	}
	if err := checkOutput(opts.out, path); err != nil {
		return err
	}
	w, err := loadWorkforce(stderr, path, opts.benchmark)
	if err != nil {
		return err
	}
	var data []byte
	if opts.format == "md" {
		data = render.WorkforceMarkdown(w, 1)
	} else {
		width := opts.width
		if width <= 0 {
			width = terminalWidth(stdout)
		}
		if wordsWanted() {
			// For a screen reader, as the review's accessible prompts are.
			return finishDataShow(stdout, stderr, opts, append(render.WorkforceWords(w, width), keptSpellingsNote(w, width)...), w)
		}
		var colour render.Colour
		if opts.out == "" {
			colour = groupColour
			// The colours are the terminal's to allow, under the guard.
			stdout = &colorprofile.Writer{Forward: stdout, Profile: colorprofile.Detect(safetext.Unguarded(stdout), os.Environ())}
		}
		data = append(render.WorkforceText(w, width, colour), keptSpellingsNote(w, width)...)
	}
	return finishDataShow(stdout, stderr, opts, data, w)
}

// keptSpellingsNote says, under data show's chart, which spellings the
// data file keeps to count as a grade at the next import, and how to
// change them: they were said only as an import used them, and the
// office manager looking at the data had no way to see what the next
// import would join. Nothing when it keeps none. Laid out to width.
func keptSpellingsNote(w *workforce.Loaded, width int) []byte {
	kept := w.Data.SameGrades
	if len(kept) == 0 {
		return nil
	}
	said := make([]string, len(kept))
	for i, sg := range kept {
		said[i] = render.SpellingAs(sg)
	}
	text := fmt.Sprintf("The next import counts these spellings as their grade, as kept in %s: %s (edit its same_grades to change them).",
		safetext.Line(w.Path), strings.Join(said, ", "))
	return []byte("\n" + strings.Join(render.WrapAtSpaces(text, max(20, width-1)), "\n") + "\n")
}

// wordsWanted says whether what a command prints for a terminal should be
// said in words for a screen reader (ACCESSIBLE set, or TERM=dumb), as the
// review then asks its questions in plain lines: data show, history and
// status ask it here, so that the three agree with the review.
func wordsWanted() bool { return accessible.Wanted(false, os.Getenv) }

// finishDataShow writes what data show made (saying which file, with
// -o, as report does), and fails when the benchmark could not be read.
func finishDataShow(stdout, stderr io.Writer, opts dataShowOptions, data []byte, w *workforce.Loaded) error {
	if err := writeOutputSaying(stdout, stderr, opts.out, outputWhat("the workforce data", opts.format, false), data); err != nil {
		return err
	}
	if w.BenchmarkErr != nil {
		return problemsFound()
	}
	return nil
}

// dataFileArg finds the data file a command names: a data file, the plan
// it belongs to, or, with no argument, the only data file in the plans
// folder.
func dataFileArg(arg string) (string, error) {
	if arg == "" {
		matches, _ := filepath.Glob(filepath.Join(plans.DefaultDir, "*"+plans.DataFileSuffix))
		if len(matches) == 1 {
			return matches[0], nil
		}
		// A year on, plans/ holds last year's data beside this year's, or
		// a folder a year: the data of the plan report and history read
		// with no plan named (this year's), when there is one such plan.
		// A data file of no plan (written with --out) may be the one
		// meant: then ladder asks, as before.
		plan, err := onePlanArg("data show", nil)
		switch {
		case err == nil && len(workforce.Strays(plans.DefaultDir)) == 0:
			arg = plan
		case len(matches) == 0:
			return "", usageErrorf("there is no data file in %s/: import a survey first (ladder data import --help), or name a data file", plans.DefaultDir)
		default:
			return "", usageErrorf("%s/ has %d data files: name one (%s)", plans.DefaultDir, len(matches), safetext.Line(strings.Join(matches, ", ")))
		}
	}
	path := arg
	if !plans.IsDataFile(arg) {
		path = workforce.PathFor(arg)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if _, err := os.Stat(arg); path != arg && errors.Is(err, fs.ErrNotExist) {
			return "", usageErrorf("%s does not exist: %s", arg, checkSpelling(arg))
		}
		plan := strings.TrimSuffix(path, plans.DataFileSuffix) + ".yaml"
		if note := workforce.StrayNote(plan); note != "" {
			return "", usageErrorf("%s does not exist, but %s.\nOr import the survey's answers for it: ladder data import responses.csv --plan %s", safetext.Line(path), note, safetext.Line(plans.CommandPath(plan)))
		}
		return "", usageErrorf("%s does not exist: import the survey's answers first, e.g. ladder data import responses.csv --plan %s", safetext.Line(path), safetext.Line(plans.CommandQuote(plan)))
	}
	return path, nil
}

// loadWorkforce reads a data file and its benchmark. A data file with
// mistakes is a problem (each printed as file:line:col); so is a benchmark
// that does not load, but the data is still shown, with a note.
func loadWorkforce(stderr io.Writer, path, benchmark string) (*workforce.Loaded, error) {
	l, err := workforce.Load(path, benchmark)
	if err != nil {
		return nil, reportLoadError(stderr, path, err)
	}
	if l.BenchmarkErr != nil {
		fmt.Fprintln(stderr, l.BenchmarkErr)
	}
	return l, nil
}

// reportWorkforce reads the data file beside a plan (p, as loaded from
// planPath) for its report: nil when there is none. One that does not
// load leaves the section out, with its problems and a note on stderr;
// the rest of the report is still written.
func reportWorkforce(stderr io.Writer, planPath string, p *plans.Plan) *workforce.Loaded {
	path := workforce.PathFor(planPath)
	l, err := workforce.Load(path, "")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "ladder: the report has no workforce data section: %s does not load (see above)\n", path)
		return nil
	}
	if l.BenchmarkErr != nil {
		fmt.Fprintln(stderr, l.BenchmarkErr)
	}
	// A year on, last year's figures beside this year's: the change is
	// what a board asks about.
	lastPath, last, err := lastReviewDataOf(planPath, p)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "ladder: the report does not show the last review's data beside this year's: %s does not load (see above)\n", safetext.Line(lastPath))
	}
	l.LastPath, l.Last = lastPath, last
	// Named as the report names the reviews it carried on from and to,
	// from the top of the repository (fromTop): run in docs/, the report
	// said "counted by grade in ../plans/2027/acme.data.yaml".
	l.Path = cmp.Or(fromTop(l.Path), l.Path)
	if l.LastPath != "" {
		l.LastPath = cmp.Or(fromTop(l.LastPath), l.LastPath)
	}
	return l
}

// terminalWidth is the width of the terminal w is, or 80.
func terminalWidth(w io.Writer) int {
	return cmp.Or(terminalColumns(w), 80)
}

// terminalColumns is the width of the terminal w is, or 0 when w is not
// a terminal.
func terminalColumns(w io.Writer) int {
	if f, ok := safetext.Unguarded(w).(*os.File); ok && term.IsTerminal(f.Fd()) {
		if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
			return cols
		}
	}
	return 0
}

// groupColours are the chart's colours, from the terminal's own 16: none
// of red, yellow or green, which the ratings use.
var groupColours = map[workforce.Group]lipgloss.Style{
	workforce.WorkingClass: lipgloss.NewStyle().Foreground(lipgloss.Blue),
	workforce.Intermediate: lipgloss.NewStyle().Foreground(lipgloss.Magenta),
	workforce.Professional: lipgloss.NewStyle().Foreground(lipgloss.Cyan),
	-1:                     lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
}

func groupColour(g workforce.Group, s string) string { return groupColours[g].Render(s) }

func newDataGroupsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "groups",
		Short: "List the key question's answers, their groups, the guide's example occupations and the keys for --place",
		Long: `Groups prints the key question and its answers as the Social Mobility
Commission's guide The Building Blocks words them, in the three groups it
reports (and the two it excludes or reports separately), with its example
occupations, so that a person placing a free-text answer can see where it
belongs. The key of each answer or group is what ladder data import
--place takes.`,
		Example: `  ladder data groups
  ladder data import responses.csv --plan plans/acme.yaml --place "Lorry driver=routine-manual-service"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := cmd.OutOrStdout().Write(groupsText(terminalWidth(cmd.OutOrStdout())))
			return err
		},
	}
}

// groupsText lists the answers by group, wrapped to the width.
func groupsText(width int) []byte {
	width = max(width, 60)
	var b strings.Builder
	wrap := func(indent, s string) {
		for _, l := range strings.Split(ansi.Wordwrap(s, width-len(indent), ""), "\n") {
			b.WriteString(strings.TrimRight(indent+l, " ") + "\n")
		}
	}
	wrap("", "The key question ("+workforce.Source+"):")
	wrap("  ", workforce.KeyQuestion)
	b.WriteByte('\n')
	wrap("", "Its answers, by the group the guide reports them in. Give an answer of your own to ladder data import with --place \"ANSWER=KEY\", the key being an answer's or a group's.")
	for _, g := range []workforce.Group{workforce.Professional, workforce.Intermediate, workforce.WorkingClass} {
		b.WriteByte('\n')
		wrap("", fmt.Sprintf("%s (group key: %s)", g.Heading(), g.Key()))
		for _, c := range workforce.Categories {
			if c.Group == g {
				categoryText(&b, wrap, c)
			}
		}
	}
	b.WriteByte('\n')
	wrap("", workforce.Other.Heading()+" (not in the shares)")
	for _, c := range workforce.Categories {
		if !c.Group.IsReported() {
			categoryText(&b, wrap, c)
		}
	}
	b.WriteByte('\n')
	wrap("", workforce.Licence)
	return []byte(b.String())
}

func categoryText(b *strings.Builder, wrap func(indent, s string), c workforce.Category) {
	line := c.Answer
	if c.Detail != "" {
		line += " " + c.Detail
	}
	wrap("  ", c.Key+":")
	wrap("    ", line)
}

func newDataBenchmarkCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "benchmark",
		Short: "Print a benchmark file to fill in, and say where to find the figures",
		Long: `A benchmark is the share of each group in a workforce to compare yours
with: the UK's, or your sector's. ladder ships no figures of its own. This
prints a benchmark file to fill in, which says where to find them (the
national benchmarks are figure 1 of the Building Blocks guide; sector
ones are on the Social Mobility Commission's website), and how to add up
the guide's answers into the three groups.

Save it beside the data file with a name ending in .benchmark.yaml, fill
in the source and the three shares, and give it to ladder data import
--benchmark (which records it in the data file) or ladder data show
--benchmark. ladder check checks it.`,
		Example: `  ladder data benchmark > plans/uk.benchmark.yaml
  # ...fill in the source and the shares...
  ladder data show plans/acme.yaml --benchmark plans/uk.benchmark.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := cmd.OutOrStdout().Write(workforce.BenchmarkTemplate())
			return err
		},
	}
}

// checkWorkforceFile is what ladder check does with a data or benchmark
// file found among plans.
func checkWorkforceFile(f plans.FolderFile) error {
	switch f.Kind {
	case plans.KindData:
		_, err := workforce.Parse(f.Path, f.Data)
		return err
	case plans.KindBenchmark:
		_, err := workforce.ParseBenchmark(f.Path, f.Data)
		return err
	}
	return f.Err
}

// dataHistory is the history of the data file beside a plan, for ladder
// history, along the commits opts lists (as the plan's), after the data
// of the reviews in chain (reviewsCarriedOnFrom): nil when git has none
// (no data file, or never committed).
func dataHistory(planPath string, chain []plans.EarlierReview, opts gitrev.LogOptions, md bool, cols int) []byte {
	path := workforce.PathFor(planPath)
	// A year on, last year's counts are the ones to compare with: the
	// data of the reviews the plan carried on from comes first, each
	// version naming its file, as the plan's history lists those reviews'
	// commits first.
	var versions []render.WorkforceVersion
	for _, r := range chain {
		earlier := workforce.PathFor(r.Path)
		versions = append(dataVersions(earlier, filepath.ToSlash(earlier), opts), versions...)
	}
	versions = append(versions, dataVersions(path, "", opts)...)
	if len(versions) == 0 {
		return nil
	}
	if md {
		return append([]byte("\n"), render.WorkforceHistoryMarkdown(path, versions, 2)...)
	}
	if wordsWanted() {
		return append([]byte("\n"), render.WorkforceHistoryWords(path, versions, cols)...)
	}
	return append([]byte("\n"), render.WorkforceHistoryText(path, versions, cols)...)
}

// dataVersions is the data file at path at every commit that changed it,
// oldest first, each version named file ("" for the file the history is
// of); none when it is not in a repository or has no commit.
func dataVersions(path, file string, opts gitrev.LogOptions) []render.WorkforceVersion {
	repo, rel, err := openRepo(path)
	if err != nil {
		return nil
	}
	defer repo.Close()
	commits, err := repo.Log(rel, opts)
	if err != nil {
		return nil
	}
	versions := make([]render.WorkforceVersion, 0, len(commits))
	for _, c := range commits {
		v := render.WorkforceVersion{Commit: c.Short, Date: plans.DateOf(c.Date).String(), Subject: c.Subject, File: file}
		var data []byte
		switch {
		case c.Deleted:
			err = gitrev.ErrNotInRevision
		case c.Blob != "":
			data, err = repo.ReadBlob(c.Blob)
		default:
			data, err = repo.ReadFile(c.Hash, c.Path)
		}
		if err == nil {
			v.Data, err = workforce.Parse(c.Short+":"+c.Path, data)
		}
		err = tooLargeAsFileError(c.Short+":"+c.Path, err)
		switch {
		case errors.Is(err, gitrev.ErrNotInRevision):
			v.Problem = "deleted in this commit"
		case err != nil:
			v.Problem = "did not load: " + plans.ProblemSummary(err)
		}
		versions = append(versions, v)
	}
	return versions
}

// dataDiffFiles is how the data beside two plans differs, for ladder diff
// OLD NEW: nil when neither has a data file.
func dataDiffFiles(stderr io.Writer, oldPlan, newPlan string, md bool) []byte {
	if oldPlan == "-" || newPlan == "-" {
		return nil
	}
	oldPath, newPath := workforce.PathFor(oldPlan), workforce.PathFor(newPlan)
	old, new := diffData(stderr, oldPath), diffData(stderr, newPath)
	if unloaded(oldPath, old) || unloaded(newPath, new) {
		return nil
	}
	return dataDiff(oldPath, newPath, old, new, md)
}

// dataDiffAtRevision is how the data beside a plan differs from its
// version at a revision (resolved to commit in repo), for ladder diff
// PLAN --rev REV.
func dataDiffAtRevision(stderr io.Writer, repo *gitrev.Repo, commit, rev, planPath string, md bool) []byte {
	path := workforce.PathFor(planPath)
	if isDir(path) {
		return nil
	}
	rel, err := repo.Rel(path)
	if err != nil {
		return nil
	}
	oldName, old, err := dataAtCommit(stderr, repo, commit, rev, path, rel)
	if err != nil {
		var nc dataNotCompared
		if errors.As(err, &nc) {
			fmt.Fprintf(stderr, "%v.\n", nc) // the diff of the plans goes on
		}
		return nil
	}
	new := diffData(stderr, path)
	if unloaded(path, new) {
		return nil
	}
	return dataDiff(oldName, path, old, new, md)
}

// unloaded reports whether the data file at path is there but did not
// load (d is nil, its problems printed): a diff leaves it out rather than
// say it was added or removed.
func unloaded(path string, d *workforce.Data) bool {
	return d == nil && !dataFileGone(path)
}

// dataFileGone reports whether there is no file at path, so its data can
// be said to be removed (or never added), not just failing to load.
func dataFileGone(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// dataAtRevision reads the data file at path as it was at rev: its name in
// a diff ("PATH at REV (abc1234)"), and the data, nil where the file was
// not there (added since) or does not load (its problems printed).
func dataAtRevision(stderr io.Writer, path, rev string) (string, *workforce.Data, error) {
	repo, rel, err := openRepo(path)
	if err != nil {
		return "", nil, err
	}
	defer repo.Close()
	commit, err := resolveBranchPoint(stderr, repo, rev)
	if err != nil {
		return "", nil, gitProblem(err)
	}
	return dataAtCommit(stderr, repo, commit, rev, path, rel)
}

// dataAtCommit is dataAtRevision with rev resolved to commit in repo, and
// path named rel in it. A file there that does not load (or is too large
// to read) is an error, its problems printed: read as none, the diff said
// the data was added since then and tabled every figure as "(none) → 43%".
func dataAtCommit(stderr io.Writer, repo *gitrev.Repo, commit, rev, path, rel string) (string, *workforce.Data, error) {
	name := path + " at " + revisionLabel(repo, rev, commit)
	data, err := repo.ReadFile(commit, rel)
	switch {
	case errors.Is(err, gitrev.ErrNotInRevision):
		return name, nil, nil
	case errors.Is(err, gitrev.ErrTooLarge):
		// Said as a version that does not load is.
		fmt.Fprintln(stderr, tooLargeAsFileError(rev+":"+rel, err))
		return name, nil, dataNotComparedWith(name)
	case err != nil:
		return "", nil, gitProblem(err)
	}
	old, err := workforce.Parse(rev+":"+rel, data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return name, nil, dataNotComparedWith(name)
	}
	return name, old, nil
}

// dataNotCompared is the problem of a data file's version, named name
// ("plans/acme.data.yaml at HEAD (abc1234)"), that is there but does not
// load.
type dataNotCompared struct{ name string }

func (e dataNotCompared) Error() string {
	return e.name + " does not load, so the workforce data is not compared with it"
}

func dataNotComparedWith(name string) error {
	return &exitError{code: ExitProblems, err: dataNotCompared{name}}
}

// diffData reads a data file for a diff: nil when there is none, or when
// it does not load (its problems printed).
func diffData(stderr io.Writer, path string) *workforce.Data {
	d, err := workforce.LoadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(stderr, err)
	}
	return d
}

func dataDiff(oldName, newName string, old, new *workforce.Data, md bool) []byte {
	if md {
		out := render.WorkforceDiffMarkdown(oldName, newName, old, new, 2)
		if out == nil {
			return nil
		}
		return append([]byte("\n"), out...)
	}
	return render.WorkforceDiffText(oldName, newName, old, new)
}

// dataChangesInFolder is how every data file under relDir changed since
// commit, for the folder diff of a pull request: one section per data
// file, each version protected on its own; nil when none changed.
func dataChangesInFolder(stderr io.Writer, repo *gitrev.Repo, commit, rev, relDir string, md bool) []byte {
	changes, err := repo.Changes(commit, relDir)
	if err != nil {
		return nil
	}
	since := revisionLabel(repo, rev, commit)
	var out []byte
	for _, ch := range changes {
		if !plans.IsDataFile(ch.Path) || underHidden(ch.Path, relDir) {
			continue
		}
		oldRel := ch.Path
		if ch.OldPath != "" {
			oldRel = ch.OldPath
		}
		var old, new *workforce.Data
		if ch.Status != 'A' {
			data, err := repo.ReadFile(commit, oldRel)
			if err == nil {
				old, err = workforce.Parse(rev+":"+oldRel, data)
			}
			if err != nil && !errors.Is(err, gitrev.ErrNotInRevision) {
				fmt.Fprintln(stderr, tooLargeAsFileError(rev+":"+oldRel, err))
				fmt.Fprintf(stderr, "%v.\n", dataNotCompared{displayPath(repo, oldRel) + " at " + since})
				continue
			}
		}
		path := displayPath(repo, ch.Path)
		if ch.Status != 'D' {
			if new = diffData(stderr, path); unloaded(path, new) {
				continue
			}
		}
		if lastPath, last := lastYearsData(stderr, ch.Status, path, new); last != nil {
			out = append(out, dataDiff(lastPath+" (the review it carried on from)", path, last, new, md)...)
			continue
		}
		out = append(out, dataDiff(displayPath(repo, oldRel)+" at "+since, path, old, new, md)...)
	}
	return out
}
