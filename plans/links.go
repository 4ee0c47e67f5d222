package plans

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// Links follows the links between reviews (Link, FollowLink, NextReviewOf,
// PreviousReviewOf) for one command over many plans, remembering what it
// learns of the file system on the way: each folder's repository and real
// path, each file's kind, each plan's links, and each step from a plan to
// the next review that names it back. ladder status and check ask, for
// every carried-on plan of a folder, the same questions of the same
// files: about every plan of a chain of N reviews carried on one to the
// next, each plan's walk to the end of its chain (the ring check) makes
// the whole folder's cost grow as N² when nothing is remembered.
//
// What it remembers is keyed by the exact path (and link) asked about, so
// it answers as the package's functions would at the moment it first
// looked: a Links lives for one command, made where the command starts and
// dropped when it ends, never kept for a later one (a plan edited in
// between would be seen as it was). It is safe on many goroutines; the
// zero value is not ready, use NewLinks.
type Links struct {
	mu       sync.Mutex
	cwd      string
	cwdErr   error
	cwdKnown bool
	roots    map[string]linkRoot
	realDirs map[string]string
	files    map[string]fileKind
	heads    map[string]reviewLinks
	steps    map[linkStep]stepResult
	loading  map[string]chan struct{} // see Loading
}

type linkRoot struct {
	root string
	repo bool
}

// fileKind is what Lstat, and for a symbolic link Stat, said of a path.
type fileKind struct {
	link bool
	info fs.FileInfo // Stat's
	err  error       // Stat's
}

type reviewLinks struct {
	previous, next string
	unread         bool // the file does not read as a plan (linksIn)
	// nexts is every next_review line, in the file's order, of a file
	// that gives the key more than once (and so is unread).
	nexts []nextLine
}

// nextLine is one next_review line: where it leads, and the line it is on.
type nextLine struct {
	ref  string
	line int
}

type linkStep struct{ from, ref string }

type stepResult struct {
	next, onward string
	err          error
}

// NewLinks is a Links that remembers nothing yet: one for each command.
func NewLinks() *Links {
	return &Links{
		roots:    map[string]linkRoot{},
		realDirs: map[string]string{},
		files:    map[string]fileKind{},
		heads:    map[string]reviewLinks{},
		steps:    map[linkStep]stepResult{},
		loading:  map[string]chan struct{}{},
	}
}

// remember is m[k], worked out by find the first time it is asked for.
// Two goroutines may both work it out: they find the same thing.
func remember[K comparable, V any](l *Links, m map[K]V, k K, find func() V) V {
	l.mu.Lock()
	v, ok := m[k]
	l.mu.Unlock()
	if ok {
		return v
	}
	v = find()
	l.mu.Lock()
	m[k] = v
	l.mu.Unlock()
	return v
}

// abs is filepath.Abs(p), asking the system for the working folder once.
func (l *Links) abs(p string) (string, error) {
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	l.mu.Lock()
	if !l.cwdKnown {
		l.cwd, l.cwdErr = os.Getwd()
		l.cwdKnown = true
	}
	cwd, err := l.cwd, l.cwdErr
	l.mu.Unlock()
	if err != nil {
		return "", err
	}
	return filepath.Join(cwd, p), nil
}

// root is strictyaml.Root(dir), walked up once per folder.
func (l *Links) root(dir string) (string, bool) {
	r := remember(l, l.roots, dir, func() linkRoot {
		root, repo := strictyaml.Root(dir)
		return linkRoot{root, repo}
	})
	return r.root, r.repo
}

// realDir is strictyaml.RealPath(dir), once per folder.
func (l *Links) realDir(dir string) string {
	return remember(l, l.realDirs, dir, func() string {
		if abs, err := l.abs(dir); err == nil {
			return strictyaml.RealPath(abs)
		}
		return strictyaml.RealPath(dir)
	})
}

// realFile is strictyaml.RealPath(p) for a file: its folder's real path and its
// name, unless the file is itself a symbolic link (or is not there, where
// resolved gives back the path as it is), which is resolved whole.
func (l *Links) realFile(p string) string {
	if k := l.kind(p); k.link || k.err != nil {
		if abs, err := l.abs(p); err == nil {
			return strictyaml.RealPath(abs)
		}
		return strictyaml.RealPath(p)
	}
	return filepath.Join(l.realDir(filepath.Dir(p)), filepath.Base(p))
}

// kind is what is at p: Lstat, and Stat only for a symbolic link.
func (l *Links) kind(p string) fileKind {
	return remember(l, l.files, p, func() fileKind {
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return fileKind{info: info, err: err}
		}
		info, err = os.Stat(p)
		return fileKind{link: true, info: info, err: err}
	})
}

// stat is os.Stat(p).
func (l *Links) stat(p string) (fs.FileInfo, error) {
	k := l.kind(p)
	return k.info, k.err
}

// sameFile reports whether a and b are both there and the same file.
func (l *Links) sameFile(a, b string) bool {
	ia, errA := l.stat(a)
	ib, errB := l.stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// joinInside is the package's joinInside, with what it asks the file
// system remembered.
func (l *Links) joinInside(planDir, ref string) (path string, repo, inside bool) {
	path = filepath.Join(planDir, filepath.FromSlash(ref))
	root, repo := l.root(planDir)
	if _, err := l.abs(path); err != nil {
		return path, repo, false
	}
	return path, repo, strictyaml.Within(l.realDir(root), l.realFile(path))
}

// linksIn is readLinks's previous_review and next_review of the file at
// path, and whether it reads as a plan, reading each file once.
func (l *Links) linksIn(path string) (previous, next string, ok bool) {
	r := l.head(path)
	return r.previous, r.next, !r.unread
}

// head is readLinks(path), read once: after the load of path under way
// (Loading), if any, so that a plan being loaded is not read again.
func (l *Links) head(path string) reviewLinks {
	l.mu.Lock()
	loading := l.loading[path]
	l.mu.Unlock()
	if loading != nil {
		<-loading
	}
	return remember(l, l.heads, path, func() reviewLinks {
		r := readLinks(path)
		// Cloned: the parsed values share the file's bytes, which a
		// thousand remembered links would keep from the collector.
		r.previous, r.next = strings.Clone(r.previous), strings.Clone(r.next)
		for i := range r.nexts {
			r.nexts[i].ref = strings.Clone(r.nexts[i].ref)
		}
		return r
	})
}

// Loaded tells l of a plan that loaded from path, so that its links are
// taken from it rather than read again from its file when another plan's
// link leads to path: status and check load every plan of the folder
// anyway. A plan that loaded has the links linksIn would read in the same
// bytes (an empty or null value is no link either way).
func (l *Links) Loaded(path string, p *Plan) {
	if p == nil {
		return
	}
	links := reviewLinks{previous: strings.Clone(p.PreviousReview), next: strings.Clone(p.NextReview)}
	l.mu.Lock()
	if _, ok := l.heads[path]; !ok {
		l.heads[path] = links
	}
	l.mu.Unlock()
}

// Loading tells l that the plan at path is being loaded by a command
// that calls Loaded if it loads, then done. Until done, a question about
// that file's links waits rather than reading the file again: status
// loads plans on every core, and a plan's previous or next review is
// often loading on the other at that moment (for a plan with no
// previous_review, reading its links parses the whole file). Between
// Loading and done, the loading goroutine must ask l nothing, or it could
// wait for another that waits for it.
func (l *Links) Loading(path string) (done func()) {
	ch := make(chan struct{})
	l.mu.Lock()
	l.loading[path] = ch
	l.mu.Unlock()
	return func() {
		l.mu.Lock()
		delete(l.loading, path)
		l.mu.Unlock()
		close(ch)
	}
}

// nextReview is the package's nextReview, each step taken once.
func (l *Links) nextReview(path, ref string) (next, onward string, err error) {
	r := remember(l, l.steps, linkStep{path, ref}, func() stepResult {
		next, onward, err := l.followNext(path, ref)
		return stepResult{next, onward, err}
	})
	return r.next, r.onward, r.err
}
