package plans

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
)

// CommitWords are the git commands that would commit the plan at path,
// word by word, each quoted for a POSIX shell: shown at the end of a
// review, by the screens (which break a command between words, never
// inside one) and by the accessible mode alike. `-- PATH` keeps a path
// starting with "-" from reading as an option, and commits only the plan.
//
// More paths are committed with it: the previous review, whose next_review
// line carrying the plan on wrote (see Session.CommitSteps).
func CommitWords(path string, p *Plan, more ...string) (add, commit []string) {
	msg := strings.Join(strings.Fields(reviewName(p)+": "+strings.Trim(p.Organisation+", "+p.Title, ", ")), " ")
	add = []string{"git", "add", "--"}
	commit = []string{"git", "commit", "-m", CommandQuote(msg), "--"}
	for _, f := range append([]string{path}, more...) {
		f = CommandQuote(filepath.ToSlash(f))
		add, commit = append(add, f), append(commit, f)
	}
	return add, commit
}

// reviewName names a review in its commit message by its checklist: the
// default checklist's "Progression review", or another's title up to its
// first colon ("The Building Blocks"), cut short if it runs on.
func reviewName(p *Plan) string {
	c := p.Checklist
	if c == nil || c.ID == checklist.DefaultID {
		return "Progression review"
	}
	name, _, _ := strings.Cut(c.Title, ":")
	name = strings.Join(strings.Fields(name), " ")
	if r := []rune(name); len(r) > 60 {
		name = strings.TrimSpace(string(r[:60])) + "…"
	}
	return cmp.Or(name, "Review")
}

// CommandQuote quotes a word for a POSIX shell the way a person would
// type it: as it is when it is safe, in double quotes when it holds an
// apostrophe and nothing a shell reads inside double quotes ($, `, \, ",
// and the ! that interactive shells expand), and otherwise as ShellQuote
// does.
func CommandQuote(s string) string {
	if strings.ContainsRune(s, '\'') && DoubleQuotable(s) {
		return `"` + s + `"`
	}
	return ShellQuote(s)
}

// DoubleQuotable reports whether s, put in double quotes, is read by a
// POSIX shell as it is: it holds nothing a shell reads inside them ($, `,
// \, ", and the ! that interactive shells expand) and no control
// character.
func DoubleQuotable(s string) bool {
	return !strings.ContainsAny(s, "\"$`\\!") &&
		strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) < 0
}

// CommandPath is CommandQuote for a file's path given to a command as
// an argument of its own: one that begins with a dash (a plan named
// "--from.yaml", listed from its own folder) gets "./" before it, which
// names the same file, so that the command does not read it as a flag.
func CommandPath(path string) string {
	if strings.HasPrefix(path, "-") {
		path = "./" + path
	}
	return CommandQuote(path)
}

// ShellQuote leaves a word of safe characters as it is and puts anything
// else in single quotes, where a POSIX shell takes every character
// literally (a single quote inside is closed, escaped and reopened).
func ShellQuote(s string) string {
	safe := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./+:@,=%", r))
	}) < 0
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// relativeRef is target's path from the folder dir, with forward slashes:
// how a plan file names another file, so that the name holds on any
// machine the repository is cloned to.
func relativeRef(dir, target string) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	absTarget, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absTarget)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// ChecklistFileRef is how a plan in planDir records a custom checklist at
// checklistPath: relative, with forward slashes, so the plan finds its
// checklist on any machine the repository is cloned to. A checklist the
// plan could not read back (see ChecklistPath) is refused now, not at the
// plan's first check.
func ChecklistFileRef(planDir, checklistPath string) (string, error) {
	ref, err := relativeRef(planDir, checklistPath)
	if err != nil {
		return "", err
	}
	if _, err := ChecklistPath(ref, planDir); err != nil {
		return "", checklistOutside(planDir, checklistPath)
	}
	return ref, nil
}

// checklistOutside says why a plan in planDir cannot follow the checklist
// at checklistPath, named as its user typed it, and where a copy would do.
func checklistOutside(planDir, checklistPath string) error {
	root, repo := strictyaml.Root(planDir)
	where := "the repository that holds the plan"
	if !repo {
		where = "the plan's folder"
	}
	copyTo := filepath.Join(root, "checklists", filepath.Base(checklistPath))
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, copyTo); err == nil && !strings.HasPrefix(rel, "..") {
			copyTo = rel
		}
	}
	return fmt.Errorf("the checklist %s is outside %s, where the plan could not find it again (nor could a teammate's clone of it, or CI): copy it in, to %s say, and name the copy",
		safetext.Quote(checklistPath), where, safetext.Quote(copyTo))
}
