package cli

import (
	"path/filepath"
	"sync"

	"github.com/socialmobility/ladder/internal/gitrev"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
)

// removedReviews answers, for check, whether git still has a previous
// review no longer in the folder: last year's plan, removed with git rm
// once carried on, which the report reads from git (previousInGit). Git
// is asked once per repository (gitrev.Readable), not once per plan: a
// folder of a thousand plans each carried on from one removed took
// several git processes apiece.
type removedReviews struct {
	mu    sync.Mutex
	repos map[string]*readableIn // by the work tree's top
}

// readableIn is what git can give in one repository, read once.
type readableIn struct {
	once    sync.Once
	repo    *gitrev.Repo
	paths   map[string]bool
	shallow bool
}

// inGit says whether git has the previous review of the plan at file
// (p), not in the folder; or, when it has not, whether the clone is
// shallow, so that it may be in commits not fetched.
func (k *removedReviews) inGit(file string, p *plans.Plan) (has, notFetched bool) {
	if k == nil {
		return false, false
	}
	root, inRepo := strictyaml.Root(filepath.Dir(file))
	if !inRepo {
		return false, false
	}
	target, err := plans.Link(file, p.PreviousReview)
	if err != nil {
		return false, false
	}
	in := k.readable(root)
	if in.repo == nil {
		return false, false
	}
	rel, err := in.repo.Rel(target)
	if err != nil {
		return false, false
	}
	return in.paths[rel], !in.paths[rel] && in.shallow
}

func (k *removedReviews) readable(root string) *readableIn {
	k.mu.Lock()
	if k.repos == nil {
		k.repos = make(map[string]*readableIn)
	}
	in := k.repos[root]
	if in == nil {
		in = &readableIn{}
		k.repos[root] = in
	}
	k.mu.Unlock()
	in.once.Do(func() {
		repo, err := gitrev.Open(root)
		if err != nil {
			return
		}
		// Readable starts git cat-file (to resolve HEAD); only Rel, which
		// runs no git, is asked of the repository after.
		defer repo.Close()
		if in.paths, err = repo.Readable(); err != nil {
			return
		}
		in.repo, in.shallow = repo, repo.Shallow()
	})
	return in
}
