package review

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// CommitSteps are the shell commands, as words quoted for the shell, that
// keep the plan in git: git add and git commit (plans.CommitWords), with
// git init first when the plan's folder is in no git work tree yet, as for
// someone trying ladder in a new folder on a laptop, where git add alone
// fails with "not a git repository". It looks at the disk (for a .git at
// or above the plan's folder): ask once, not on every frame.
//
// A plan carried on from a previous review commits that plan with it: its
// next_review line was written when this one was made, and committing the
// new plan alone would leave the link half made in git (the old plan's
// actions chased twice on every other clone). Naming a file git already
// has unchanged is harmless, so this holds on every later visit too. It
// must name this plan back as its next review (PreviousReviewOf): the
// previous_review line comes from the plan's author, and one leading to
// any other file of the work tree (notes, or secrets git ignores) must
// not put that file in git.
//
// A plan its folder's .gitignore leaves out, as plans/*.yaml in a clone of
// ladder itself (where the README's `go run .` saves it), is added with
// --force: git add alone refuses it, and the person asked for these
// commands to keep it. It asks git once more for that.
//
// The plan's workforce data (plans/acme.data.yaml, which ladder data
// import writes beside plans/acme.yaml) is committed with it while git
// does not have it as it is: committing the plan alone, as the commands
// say, would leave the counts out of git, and out of a teammate's clone
// and CI. One git has unchanged is not named, and neither is one git is
// told to leave out while the plan is not (a team keeping its counts out
// of git, where git add would refuse it and add nothing).
func (s *Session) CommitSteps() [][]string {
	_, repo := strictyaml.Root(filepath.Dir(s.Path()))
	ignored := repo && gitrev.Ignored(s.Path())
	var more []string
	if data := workforce.PathFor(s.Path()); regularFile(data) && (!repo || gitrev.Uncommitted(data) || ignored && gitrev.Ignored(data)) {
		more = append(more, data)
	}
	if prev, err := plans.PreviousReviewOf(s.Path(), s.Plan()); err == nil && prev != "" {
		more = append(more, prev)
	}
	add, commit := plans.CommitWords(s.Path(), s.Plan(), more...)
	if !repo {
		return [][]string{{"git", "init"}, add, commit}
	}
	if ignored {
		add = slices.Insert(add, 2, "--force")
	}
	return [][]string{add, commit}
}

// regularFile reports whether path is a file of its own: not a folder, nor
// a link, whose target git would not commit.
func regularFile(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode().IsRegular()
}
