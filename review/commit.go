package review

import (
	"path/filepath"

	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
)

// CommitSteps are the shell commands, as words quoted for the shell, that
// keep the plan in git: git add and git commit (plans.CommitWords), with
// git init first when the plan's folder is in no git work tree yet, as for
// someone trying ladder in a new folder on a laptop, where git add alone
// fails with "not a git repository". It looks at the disk (for a .git at
// or above the plan's folder): ask once, not on every frame.
func (s *Session) CommitSteps() [][]string {
	add, commit := plans.CommitWords(s.Path(), s.Plan())
	if _, repo := strictyaml.Root(filepath.Dir(s.Path())); !repo {
		return [][]string{{"git", "init"}, add, commit}
	}
	return [][]string{add, commit}
}
