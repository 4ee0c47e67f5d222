package plans

import (
	"path/filepath"
	"strings"
)

// CommitCommands are the git commands that would commit the plan at path,
// quoted for a POSIX shell: shown at the end of a review, by the screens and
// by the accessible mode alike. `-- PATH` keeps a path starting with "-"
// from reading as an option, and commits only the plan.
func CommitCommands(path string, p *Plan) (add, commit string) {
	path = filepath.ToSlash(path)
	msg := strings.Join(strings.Fields("Progression review: "+strings.Trim(p.Organisation+", "+p.Title, ", ")), " ")
	return "git add -- " + ShellQuote(path), "git commit -m " + ShellQuote(msg) + " -- " + ShellQuote(path)
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

// ChecklistFileRef is how a plan in planDir records a custom checklist at
// checklistPath: relative, with forward slashes, so the plan finds its
// checklist on any machine the repository is cloned to. A checklist the
// plan could not read back (see ChecklistPath) is refused now, not at the
// plan's first check.
func ChecklistFileRef(planDir, checklistPath string) (string, error) {
	absDir, err := filepath.Abs(planDir)
	if err != nil {
		return "", err
	}
	absTarget, err := filepath.Abs(checklistPath)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absTarget)
	if err != nil {
		return "", err
	}
	ref := filepath.ToSlash(rel)
	if _, err := ChecklistPath(ref, planDir); err != nil {
		return "", err
	}
	return ref, nil
}
