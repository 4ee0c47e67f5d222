package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/socialmobility/ladder/workforce"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The formats of report (Markdown by default, one self-contained HTML
// page, or CSV for a spreadsheet) and of status (text, Markdown or CSV).
// The flags are checked before any plan is read, so a typing mistake
// costs nothing.

// formatsByExtension are the formats an output file's name says it holds.
var formatsByExtension = map[string]string{".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv", ".txt": "text"}

// foreignFormats are files ladder does not write that someone may still
// name to -o: Markdown in acme.xlsx is a file Excel will not open. Each
// names the format of ours that serves instead.
var foreignFormats = map[string]struct{ name, instead string }{
	".xlsx": {"Excel workbook", "csv"}, ".xls": {"Excel workbook", "csv"}, ".ods": {"spreadsheet", "csv"},
	".pdf": {"PDF", "html"},
}

// formatWords names a format for a person: "a web page".
var formatWords = map[string]string{"md": "Markdown", "html": "a web page", "csv": "CSV", "text": "plain text"}

// formatOfOutput makes -o's file name and --format agree, before anything
// is read: someone who writes -o acme.html wants a web page to open, not
// Markdown in a file of that name. With no --format, the name's extension
// chooses among the formats the command writes; a --format the name
// contradicts, or a name for a format the command does not write, is a
// usage error that says what to do. A .txt file takes any text format.
func formatOfOutput(cmd *cobra.Command, format *string, out string, formats ...string) error {
	ext := strings.ToLower(path.Ext(out))
	if foreign, ok := foreignFormats[ext]; ok {
		if !slices.Contains(formats, foreign.instead) {
			return usageErrorf("-o %s: %s writes no %s: name the file %s (see --format)", out, cmd.Name(), foreign.name, extensionsOf(formats))
		}
		instead := strings.TrimSuffix(out, path.Ext(out)) + extensionOf(foreign.instead)
		if foreign.instead == "csv" {
			return usageErrorf("-o %s: %s writes no %s: name the file %s and add --excel, and Excel opens it", out, cmd.Name(), foreign.name, instead)
		}
		return usageErrorf("-o %s: %s writes no %s: name the file %s, open it in a browser and print it to PDF", out, cmd.Name(), foreign.name, instead)
	}
	implied := formatsByExtension[ext]
	switch {
	case out == "" || implied == "" || implied == *format:
		return nil
	case implied == "text":
		if !cmd.Flags().Changed("format") && slices.Contains(formats, "text") {
			*format = "text"
		}
		return nil
	case !slices.Contains(formats, implied):
		return usageErrorf("-o %s: %s writes no %s: name the file %s (see --format)", out, cmd.Name(), formatName(implied), extensionsOf(formats))
	case cmd.Flags().Changed("format"):
		return usageErrorf("-o %s names %s, but --format %s writes %s: leave out --format, or name the file %s",
			out, formatWords[implied], *format, formatWords[*format], strings.TrimSuffix(out, path.Ext(out))+extensionOf(*format))
	}
	*format = implied
	return nil
}

// formatName is a format as the object of "writes no": "web page".
func formatName(format string) string { return strings.TrimPrefix(formatWords[format], "a ") }

func extensionOf(format string) string {
	if format == "text" {
		return ".txt"
	}
	return "." + format
}

func extensionsOf(formats []string) string {
	exts := make([]string, len(formats))
	for i, f := range formats {
		exts[i] = extensionOf(f)
	}
	last := len(exts) - 1
	return strings.Join(exts[:last], ", ") + " or " + exts[last]
}

// outputWhat says what an -o file holds, for the line that names it:
// "the report as a web page". CSV without --excel says how to make a file
// Excel reads: without the byte-order mark it shows "Café" as "CafÃ©".
func outputWhat(thing, format string, excel bool) string {
	switch {
	case format == "csv" && excel:
		return thing + " as CSV for Excel"
	case format == "csv":
		return thing + " as CSV (to open it in Excel, add --excel)"
	}
	return thing + " as " + formatWords[format]
}

// formatChoice checks --format against the formats a command writes, and
// --excel, which only CSV takes.
func formatChoice(format string, excel bool, formats ...string) error {
	if !slices.Contains(formats, format) {
		last := len(formats) - 1
		return usageErrorf("--format %s: use %s or %s", format, strings.Join(formats[:last], ", "), formats[last])
	}
	if excel && format != "csv" {
		return usageErrorf("--excel is for --format csv: it starts the file with the mark Excel needs to read UTF-8")
	}
	return nil
}

// renderReport lays the plan out in the format asked for. The HTML report
// shows the plan's history when the file is in git; a plan outside git, or
// git trouble, only leaves that section out (with a note on stderr for
// trouble). A plan carried on from a previous review has what came from
// it marked (reportCarried).
func renderReport(stderr io.Writer, file string, p *plans.Plan, today plans.Date, opts reportOptions) []byte {
	carried := reportCarried(stderr, file, p)
	switch opts.format {
	case "html":
		carriedTo := reportCarriedTo(stderr, file, p)
		h, err := reportHistory(file)
		if err != nil {
			fmt.Fprintf(stderr, "ladder: the report has no history section: %s\n", safetext.Line(err.Error()))
		}
		if h != nil && h.Shallow {
			sayShallowClone(stderr, "the report's history") // the page tells its reader
		}
		if w := reportWorkforce(stderr, file, p); w != nil {
			return render.ReportHTMLWithData(p, today, h, w, carried, carriedTo) // the data section: cli/data.go
		}
		return render.ReportHTML(p, today, h, carried, carriedTo)
	case "csv":
		return render.ReportCSV(p, today, opts.excel, carried)
	}
	carriedTo := reportCarriedTo(stderr, file, p)
	if opts.format == "text" {
		if w := reportWorkforce(stderr, file, p); w != nil {
			return render.ReportWordsWithData(p, today, w, carried, carriedTo)
		}
		return render.ReportWords(p, today, carried, carriedTo)
	}
	if w := reportWorkforce(stderr, file, p); w != nil {
		return render.ReportMarkdownWithData(p, today, w, carried, carriedTo) // the data section: cli/data.go
	}
	return render.ReportMarkdown(p, today, carried, carriedTo)
}

// reportCarriedTo reads the review the plan was carried on to, for the
// report to name it beside the other details, only when the link really
// hands the open actions on, by the rules ladder status reads them with
// (plans.HandedOn: inside the repository, a plan that loads and names this
// one back). Any other next_review, or none, adds nothing: that plan's
// report is as it was, and check says what is wrong with the link.
func reportCarriedTo(stderr io.Writer, file string, p *plans.Plan) render.ReportOption {
	next, ok := plans.HandedOn(file, p)
	if !ok {
		return render.CarriedOnTo("", nil)
	}
	np, err := plans.LoadFile(next, nil)
	if err != nil {
		fmt.Fprintf(stderr, "ladder: the report does not say which review this plan was carried on to: %s\n", safetext.Line(err.Error()))
		return render.CarriedOnTo("", nil)
	}
	return render.CarriedOnTo(cmp.Or(fromTop(next), p.NextReview), np)
}

// fromTop names the plan file at path by its path from the top of the
// repository holding it, with forward slashes ("plans/2026/acme.yaml"),
// as a report names the reviews a plan carried on from and to: its link
// is a path from the plan's own folder ("../2026/acme.yaml"), which a
// board reading the report, or a team finding the file in the
// repository, would have to work out, beside a history chart that names
// the same file from the top. "" outside a repository, where the link
// is the name there is.
func fromTop(path string) string {
	root, repo := strictyaml.Root(filepath.Dir(path))
	abs, err := filepath.Abs(path)
	if !repo || err != nil {
		return ""
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// reportCarried reads the reviews the plan carried on from, for the
// report to name the one before it and mark the actions that came from
// them. One that cannot be read is named as the plan gives it, and the
// report says nothing is marked; stderr says why, for whoever runs it,
// and says so too when the chain goes back further than ladder reads
// (plans.MaxEarlierReviews).
func reportCarried(stderr io.Writer, file string, p *plans.Plan) render.ReportOption {
	earlier, cut, err := plans.EarlierReviews(file, p)
	if errors.Is(err, plans.ErrNoPlanThere) {
		switch prev, gitErr := previousInGit(file, p); {
		case errors.Is(gitErr, errNotFetched):
			err = shallowNotFetched(err)
		case prev != nil || gitErr != nil:
			earlier, err = prev, gitErr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "ladder: the report marks nothing as carried on: previous_review %s\n", safetext.Line(err.Error()))
	}
	if cut {
		oldest := earlier[len(earlier)-1]
		fmt.Fprintf(stderr, "ladder: the report reads %d earlier reviews back, to the review of %s (%s): the reviews before that one were not read, so what came from them is marked as carried on since it\n",
			len(earlier), oldest.Plan.Date, safetext.Line(oldest.Path))
	}
	if len(earlier) > 0 {
		earlier[0].Shown = fromTop(earlier[0].Path)
	}
	return render.CarriedOnFrom(earlier)
}

// errNotFetched: git has not the review, and the clone is shallow, so
// the commits that had it may be in the history but not fetched.
var errNotFetched = errors.New("not in the commits this shallow clone has")

// shallowNotFetched adds to err, a previous review not there, what to do
// in a shallow clone (errNotFetched).
func shallowNotFetched(err error) error {
	return fmt.Errorf("%w, and this clone is shallow: git may not have the commits that had it. "+
		"Run git fetch --unshallow (in CI, check out with fetch-depth: 0)", err)
}

// previousInGit reads the review the plan at file carried on from at
// HEAD, or at the last commit that had it, for one no longer in the folder: last year's plan is often
// removed with git rm once carried on, and the report would mark nothing
// without it. It is read by plans.PreviousReviewRemoved's rules (inside
// the repository, loads, on the same checklist), and never the plan
// itself. Only the first review back is read so: the chain ends there.
// Outside a repository git is not run. nil, nil when git has no such
// file (or cannot say): the plan's own error stands; errNotFetched when
// that may be because the clone is shallow; an error when HEAD has a file
// there that fails the rules.
func previousInGit(file string, p *plans.Plan) ([]plans.EarlierReview, error) {
	if _, inRepo := strictyaml.Root(filepath.Dir(file)); !inRepo {
		return nil, nil
	}
	target, err := plans.Link(file, p.PreviousReview)
	if err != nil {
		return nil, nil
	}
	repo, self, err := openRepo(file)
	if err != nil {
		return nil, nil
	}
	defer repo.Close()
	rel, err := repo.Rel(target)
	if err != nil || rel == self {
		return nil, nil
	}
	const rev = "HEAD"
	commit, err := repo.Resolve(rev)
	if err != nil {
		return nil, nil // no commit yet
	}
	at, name, moved := rev, rel, ""
	data, readErr := repo.ReadFile(commit, rel)
	if errors.Is(readErr, gitrev.ErrNotInRevision) {
		// Removed in a commit since: read it as the last commit that had
		// it left it, under the name it had then.
		if last, lastName, movedTo, ok := lastCommitWith(repo, rel); ok {
			commit, at, name, moved = last, last[:min(7, len(last))], lastName, movedTo
			data, readErr = repo.ReadFile(commit, name)
		}
	}
	if errors.Is(readErr, gitrev.ErrNotInRevision) && repo.Shallow() {
		// CI's checkout fetches one commit: the one that removed it, or
		// a later one, with no parent to read it at.
		return nil, errNotFetched
	}
	if readErr != nil && !errors.Is(readErr, gitrev.ErrTooLarge) {
		return nil, nil // not in git either (or git trouble)
	}
	load := func(string) (*plans.Plan, error) {
		if readErr != nil {
			return nil, readErr
		}
		return plans.Parse(at+":"+name, data, revisionResolver(repo, commit, path.Dir(name)))
	}
	prev, prevPath, err := plans.PreviousReviewRemoved(file, p, load)
	if err != nil {
		return nil, err
	}
	e := plans.EarlierReview{Ref: p.PreviousReview, Path: prevPath, Plan: prev, Revision: at}
	if name != rel {
		e.RenamedTo = name
	}
	e.MovedTo = moved
	return []plans.EarlierReview{e}, nil
}

// maxRenamesFollowed bounds how many renames lastCommitWith follows a
// removed review through: a plan archived once or twice, not a history
// that could keep ladder asking git for ever.
const maxRenamesFollowed = 10

// lastCommitWith is the last commit in HEAD's history that had the file
// at rel, for one removed since, and its name there: the first parent of
// the commit that removed it, as git log lists that commit last. A file
// renamed (archived, say) and then removed is followed through the
// renames to the commit that removed it under its last name, as it was
// then, edits after the rename included. ok is false when the newest
// commit to touch it did not remove it, or git cannot say (no such file
// in the history, a shallow clone without that parent). A file renamed
// and still there under its new name is read as the rename found it, at
// the last commit that had rel; movedTo is that new name, so that the
// report says where it is rather than that it is gone.
func lastCommitWith(repo *gitrev.Repo, rel string) (commit, name, movedTo string, ok bool) {
	first := ""
	name = rel
	for range maxRenamesFollowed {
		removed, found := newestCommitTo(repo, name)
		if found && !removed.Deleted && name != rel {
			movedTo = name // renamed, and the newest commit to touch it kept it
		}
		if !found || !removed.Deleted || removed.Path != name {
			break
		}
		parent, err := repo.Resolve(removed.Hash + "^")
		if err != nil {
			break
		}
		if first == "" {
			first = parent
		}
		to, err := repo.RenamedTo(removed.Hash, name)
		if err != nil {
			break
		}
		if to == "" {
			return parent, name, "", true
		}
		name = to
	}
	return first, rel, movedTo, first != ""
}

// newestCommitTo is the newest commit in HEAD's history to change the
// file at rel (git log --follow's first).
func newestCommitTo(repo *gitrev.Repo, rel string) (gitrev.Commit, bool) {
	var newest gitrev.Commit
	errStop := errors.New("the newest commit is enough")
	err := repo.LogEach(rel, gitrev.LogOptions{}, func(c gitrev.Commit) error {
		newest = c
		return errStop
	})
	return newest, errors.Is(err, errStop)
}

// reportHistory reads the plan's history for the HTML report, and the
// version to compare the plan with: the commit before the last, or the
// last when the file has changed since. It returns nil, nil for a plan
// that git does not know.
func reportHistory(file string) (*render.ReportHistory, error) {
	repo, rel, err := openRepo(file)
	if err != nil {
		if errors.Is(err, gitrev.ErrNotRepository) || errors.Is(err, gitrev.ErrNoGit) {
			return nil, nil
		}
		return nil, err
	}
	defer repo.Close()
	last, err := repo.ReadFile("HEAD", rel)
	if errors.Is(err, gitrev.ErrNotInRevision) || errors.Is(err, gitrev.ErrUnknownRevision) {
		return nil, nil // never committed (or not since it was moved here)
	}
	// A last version over the size limit is a row of the history that says
	// so; the plan on disk, which loaded, differs from it.
	if err != nil && !errors.Is(err, gitrev.ErrTooLarge) {
		return nil, err
	}
	// main's own line, as ladder history shows by default: with every
	// commit, two branches worked on side by side made the chart step
	// between their versions, and the commit before the last, which the
	// report compares with, could be a branch's.
	// A plan carried on from last year's shows last year's commits first,
	// as ladder history does; "what changed" still compares the plan with
	// its own commits only (own is where they begin).
	entries, err := historyAcrossReviews(file, reviewsCarriedOnFrom(file), gitrev.LogOptions{FirstParent: true})
	if err != nil || len(entries) == 0 {
		return nil, err
	}
	// The page's reader has no working folder: last year's plan is named
	// as the repository has it (plans/2026/acme.yaml), not as this
	// machine's path to it.
	own := 0
	for own < len(entries) && entries[own].Review != "" {
		if r, err := repo.Rel(filepath.FromSlash(entries[own].Review)); err == nil {
			entries[own].Review = r
		}
		own++
	}
	h := &render.ReportHistory{Entries: entries, BaseEntry: len(entries) - 2, Shallow: repo.Shallow()}
	if onDisk, err := os.ReadFile(file); err == nil && !bytes.Equal(onDisk, last) {
		h.Uncommitted = true
		h.BaseEntry = len(entries) - 1
	}
	if h.BaseEntry >= own {
		base := entries[h.BaseEntry]
		// The file's name at that commit: before the first rename after it.
		name := rel
		for _, e := range slices.Backward(entries[h.BaseEntry+1:]) {
			if e.RenamedFrom != "" {
				name = e.RenamedFrom
			}
		}
		data, err := repo.ReadFile(base.Commit, name)
		if err == nil {
			// A version that does not load leaves "what changed" out; the
			// chart still shows it.
			h.Base, _ = plans.Parse(base.Commit+":"+name, data, revisionResolver(repo, base.Commit, path.Dir(name)))
		}
		if h.Base != nil {
			h.DataBase, h.DataCompared = dataAt(repo, base.Commit, workforce.PathFor(name))
			// None now: the page has no data section, and "what changed"
			// says why (one that does not load is not said to be gone).
			if gone := workforce.PathFor(file); dataFileGone(gone) {
				h.DataGone = cmp.Or(fromTop(gone), gone) // as the data section names it
			}
		}
	}
	return h, nil
}

// dataAt is the data file at rel as it was at commit, for "what changed":
// nil and true when there was none, false when it cannot be compared (it
// does not load, or cannot be read).
func dataAt(repo *gitrev.Repo, commit, rel string) (*workforce.Data, bool) {
	data, err := repo.ReadFile(commit, rel)
	if errors.Is(err, gitrev.ErrNotInRevision) {
		return nil, true
	}
	if err != nil {
		return nil, false
	}
	d, err := workforce.Parse(commit+":"+rel, data)
	return d, err == nil
}

// outputFlag defines -o FILE for a command that writes to standard output
// without it. "-" is standard output, as in curl, tar and most tools:
// someone who types -o - wants the output in the pipe, not a file named
// "-" left in the repository. The name is a typedPath, as every path typed
// is.
func outputFlag(f *pflag.FlagSet, out *string, usage string) {
	f.VarP(outputFile{out}, "output", "o", usage)
}

// outputFile is -o's value: a file's name, or "" for standard output.
type outputFile struct{ name *string }

func (o outputFile) String() string {
	if o.name == nil {
		return ""
	}
	return *o.name
}

func (o outputFile) Set(s string) error {
	if s == "-" {
		s = ""
	}
	*o.name = typedPath(s)
	return nil
}

func (o outputFile) Type() string { return "string" }
