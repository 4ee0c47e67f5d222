// Package gitrev reads files as they were at git revisions, through the git
// command. One repository keeps one long-lived `git cat-file --batch`
// process, so reading a file at two hundred commits costs two hundred
// round trips on a pipe rather than two hundred processes.
//
// Paths given to a Repo are repository-relative with forward slashes, as git
// names them; Repo.Rel turns a path on disk into one.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// The kinds of failure a caller may want to tell apart. Errors returned by
// this package wrap one of them and carry a message fit to show a user.
var (
	ErrNotRepository   = errors.New("not in a git repository")
	ErrUnknownRevision = errors.New("unknown revision")
	ErrNotInRevision   = errors.New("file not in revision")
	ErrNoGit           = errors.New("git is not installed")
	// ErrTooLarge is a file whose content is over the size limit: see
	// TooLargeError.
	ErrTooLarge = errors.New("file over the size limit")
)

// TooLargeError is a file whose content is over strictyaml.MaxFileSize,
// the most ladder parses: everything read through git is a plan, a
// checklist or a data file for strictyaml, so its limit is gitrev's (one
// number, not a setting to keep equal to it). The content was read past
// as cat-file sent it and never held: a pull request adding a 300 MB blob
// where a plan or its checklist is read costs a buffer's worth of memory,
// not 300 MB, and the caller reports it as it reports a file on disk that
// is too large.
type TooLargeError struct {
	// Name is the file as it was asked for: REV:PATH, or an object name.
	Name string
	// Size is the content's size in bytes, as cat-file gave it.
	Size int64
}

func (e *TooLargeError) Error() string { return e.Name + ": " + e.Problem() }

// Problem says what is wrong in the words strictyaml uses for a file on
// disk, without the file's name.
func (e *TooLargeError) Problem() string { return strictyaml.TooLarge(e.Size) }

func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// gitError is an error with a message for a user that still matches one of
// the sentinel errors above with errors.Is.
type gitError struct {
	msg  string
	kind error
}

func (e *gitError) Error() string { return e.msg }
func (e *gitError) Unwrap() error { return e.kind }

func errorf(kind error, format string, args ...any) error {
	return &gitError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// Repo is a git repository opened for reading. It is safe for concurrent
// use; requests to the cat-file process are served one at a time.
type Repo struct {
	// Root is the top folder of the work tree, symlinks resolved.
	Root string

	// shallow is whether the clone is shallow, as git said when the
	// repository was opened.
	shallow bool

	mu    sync.Mutex
	batch *catFile

	changesMu sync.Mutex
	changes   map[changesKey][]Change // Changes' answers
	untracked *[]string               // untrackedFiles' answer, once asked

	branchPointMu sync.Mutex
	branchPoints  map[string]branchPoint // BranchPoint's answers
}

// branchPoint is one of BranchPoint's answers.
type branchPoint struct {
	base string
	ok   bool
}

// Open finds the repository that holds dir (a folder, or a path inside a
// folder that exists). What git answers for a folder is kept for the
// process's life (see topOf): a command opens the repository of one
// folder several times, and asks git once.
func Open(dir string) (*Repo, error) {
	dir, err := existingDir(dir)
	if err != nil {
		return nil, err
	}
	top, err := topOf(dir)
	if err != nil {
		return nil, err
	}
	return &Repo{Root: top.root, shallow: top.shallow}, nil
}

// top is git's answer for a folder: the top of its work tree, and whether
// the clone is shallow.
type top struct {
	once    sync.Once
	root    string
	shallow bool
	err     error
}

// tops holds the answer for each folder asked about (a *top by folder):
// ladder history opens the plan's repository three times at once, and
// ladder diff --rev, report and check twice or more, where one git
// process answers for all. Only answers that found a work tree are kept:
// a folder that is no repository yet is asked again next time (git init
// may have made it one since).
var tops sync.Map

// topOf asks git for dir's work tree, and whether its clone is shallow, in
// one process, once per folder: those opening the same folder at once
// wait for the one answer.
func topOf(dir string) (*top, error) {
	v, _ := tops.LoadOrStore(dir, &top{})
	t := v.(*top)
	t.once.Do(func() {
		t.root, t.shallow, t.err = askTop(dir)
		if t.err != nil {
			tops.CompareAndDelete(dir, t)
		}
	})
	return t, t.err
}

// askTop runs git rev-parse in dir for the top of its work tree and
// whether the clone is shallow. git prints the answers in the order
// asked; inside .git or a bare repository it fails, as it does asked for
// the top alone.
func askTop(dir string) (root string, shallow bool, err error) {
	out, err := git(dir, "rev-parse", "--is-shallow-repository", "--show-toplevel")
	if err != nil {
		if errors.Is(err, ErrNoGit) {
			return "", false, err
		}
		return "", false, errorf(ErrNotRepository, "%s is not in a git repository (run `git init` there, or use a plan inside a repository)", displayDir(dir))
	}
	answer, root, _ := strings.Cut(string(out), "\n")
	root = strings.TrimRight(root, "\n")
	if root == "" {
		// A bare repository, or the inside of .git: no work tree to follow.
		return "", false, errorf(ErrNotRepository, "%s is not in a git work tree", displayDir(dir))
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return root, answer == "true", nil
}

// existingDir returns the nearest folder at or above path that exists, so
// that the history of a deleted file can still be asked for.
func existingDir(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("%s: no such folder", path)
		}
	}
}

func displayDir(dir string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
			if rel == "." {
				return "this folder"
			}
			return rel
		}
	}
	return dir
}

// Rel returns the repository-relative, slash-separated name of a path on
// disk. The file itself need not exist (it may have been deleted since the
// revisions that hold it), but it must lie inside the work tree.
func (r *Repo) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	// Resolve symlinks in the longest part of the path that exists, so that
	// /tmp and /private/tmp (or a symlinked home) compare equal to Root.
	dir, err := existingDir(abs)
	if err != nil {
		return "", err
	}
	rest, _ := filepath.Rel(dir, abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	rel, err := filepath.Rel(r.Root, filepath.Join(dir, rest))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the git repository at %s", path, r.Root)
	}
	if rel == "." {
		return "", fmt.Errorf("%s is the top of the repository, not a file", path)
	}
	return filepath.ToSlash(rel), nil
}

// Commit is one commit that touched a file.
type Commit struct {
	Hash  string // full object name
	Short string // abbreviated as git abbreviates it in this repository
	// Date is the author date, in the author's time zone.
	Date    time.Time
	Subject string
	// Merge says the commit has more than one parent.
	Merge bool
	// Path is the file's name in this commit: the file may have been
	// renamed since.
	Path string
	// RenamedFrom is the file's name before this commit, when this commit
	// renamed (or copied) it.
	RenamedFrom string
	// Blob is the (abbreviated) object name of the file's content in this
	// commit, or "" when the log did not say or the commit deleted the
	// file.
	Blob    string
	Deleted bool
}

// LogOptions choose which commits a log lists. The zero value lists
// every commit that changed the file.
type LogOptions struct {
	// FirstParent follows only the first parent of each merge, as git log
	// --first-parent does: a branch's own commits are left out, and the
	// merge that brought them in is listed instead, with the file as the
	// merge left it. On main, that is one commit per pull request merged
	// with a merge commit. git combines it with --follow: a rename made on
	// a branch is the merge's, against its first parent.
	FirstParent bool
}

// Log lists the commits reachable from HEAD that changed the file at path,
// oldest first, following it through renames as git log --follow does
// (but not copies: a file added as a copy of another begins there),
// and the merges that changed it from their first parent. Older than a
// rename, each line of history is followed under its own name (see
// acrossRenames), where --follow takes one name for all. A file never
// committed has an empty log and no error.
func (r *Repo) Log(path string, opts LogOptions) ([]Commit, error) {
	var commits []Commit
	err := r.LogEach(path, opts, func(c Commit) error {
		commits = append(commits, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// --follow cannot be combined with --reverse (git then lists only the
	// rename), so the log is read newest first and turned round.
	slices.Reverse(commits)
	return commits, nil
}

// LogEach is Log newest first, calling fn with each commit as git prints
// it: what the caller does with one (ask cat-file for the file as it was)
// overlaps with git finding the next. An error from fn stops the log and
// is returned.
func (r *Repo) LogEach(path string, opts LogOptions, fn func(Commit) error) error {
	if err := checkLine("path", path); err != nil {
		return err
	}
	// A merge is listed where it changed the file from its first parent
	// (two branches' edits merged): without --diff-merges, --follow leaves
	// merges out, and the newest version listed would not be the file as
	// it is.
	args := []string{"--literal-pathspecs", "log", "--follow", "--diff-merges=first-parent", "--raw", "-z", "--format=%H%x1f%h%x1f%aI%x1f%P%x1f%s", "HEAD", "--", path}
	if opts.FirstParent {
		args = slices.Insert(args, 3, "--first-parent")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Root
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return startError(err)
	}
	p := logParser{next: path, emit: fn, stopAtRename: !opts.FirstParent, seen: map[string]bool{}}
	err = p.read(bufio.NewReaderSize(out, 64<<10))
	if err != nil {
		// Nobody reads the rest: stop git rather than wait for it.
		cmd.Process.Kill()
		cmd.Wait()
		if errors.Is(err, errLogEnded) {
			return nil
		}
		if errors.Is(err, errRenamed) {
			// Older than a rename, --follow is wrong where history forks
			// (see acrossRenames): the rest is read another way.
			return r.acrossRenames(path, p.names(path), p.seen, fn)
		}
		return err
	}
	if err := cmd.Wait(); err != nil {
		// An empty repository has no HEAD, and so no history of anything.
		// (Asked only now: a process less for every history that has one.)
		if _, headErr := git(r.Root, "rev-parse", "--verify", "--quiet", "HEAD"); headErr != nil {
			if errors.Is(headErr, ErrNoGit) {
				return headErr
			}
			if p.emitted == 0 {
				return nil
			}
		}
		return fmt.Errorf("reading the git history of %s: %w", path, commandError(args, err, &stderr))
	}
	return nil
}

// logParser reads the output of git log -z --raw with the format above: a
// header per commit, then one raw entry for the file (a merge's against
// its first parent), ":MODE MODE BLOB BLOB STATUS", followed by its path,
// or by the old and the new path for a rename. Every field ends with a NUL; a subject cannot
// hold one, so a hostile subject cannot pose as another commit. A commit
// is complete when the next header (or the end) comes.
type logParser struct {
	// next is where the file is, as far as the commits read so far say:
	// a commit with no entry leaves the file where the next newer commit
	// found it (or, for the newest, where the caller asked for it).
	next    string
	pending *Commit
	emit    func(Commit) error
	emitted int
	added   bool // the pending commit added the file: the log ends with it
	// stopAtRename ends the log, with errRenamed, at the first commit
	// that renamed the file; seen are the commits emitted before it.
	stopAtRename bool
	seen         map[string]bool
	renamedFrom  string
}

// names are the file's names the log has found: path, and the name it
// was renamed from.
func (p *logParser) names(path string) []string {
	if p.renamedFrom == "" || p.renamedFrom == path {
		return []string{path}
	}
	return []string{path, p.renamedFrom}
}

// errLogEnded stops the log at the commit that added the file.
var errLogEnded = errors.New("the file begins here")

// errRenamed stops the log at the first rename: see acrossRenames.
var errRenamed = errors.New("the file was renamed here")

func (p *logParser) read(r *bufio.Reader) error {
	for {
		f, err := r.ReadString(0)
		if err == io.EOF && f == "" {
			break
		}
		if err != nil && err != io.EOF {
			return err
		}
		f = strings.TrimSuffix(strings.TrimPrefix(f, "\n"), "\x00")
		switch {
		case f == "":
		case !strings.HasPrefix(f, ":"):
			if err := p.flush(); err != nil {
				return err
			}
			c, err := parseLogHeader(f)
			if err != nil {
				return err
			}
			p.pending = &c
		default:
			if err := p.entry(f, r); err != nil {
				return err
			}
		}
		if err == io.EOF {
			break
		}
	}
	return p.flush()
}

// entry reads a raw entry, and the path or paths after it.
func (p *logParser) entry(f string, r *bufio.Reader) error {
	raw := strings.Fields(f)
	if p.pending == nil || len(raw) != 5 {
		return fmt.Errorf("unexpected entry %q", f)
	}
	path := func() (string, error) {
		s, err := r.ReadString(0)
		if err != nil || !strings.HasSuffix(s, "\x00") {
			return "", fmt.Errorf("unexpected entry %q", f)
		}
		return strings.TrimSuffix(s, "\x00"), nil
	}
	c, status := p.pending, raw[4]
	var err error
	if c.Path, err = path(); err != nil {
		return err
	}
	if status[0] == 'R' || status[0] == 'C' {
		c.RenamedFrom = c.Path
		if c.Path, err = path(); err != nil {
			return err
		}
	}
	if status[0] == 'C' {
		// --follow finds copies too, and plans are mostly the checklist's
		// template: a plan added beside another (a second organisation's,
		// next year's) would go on into that plan's commits. It begins
		// here, as a new file.
		c.RenamedFrom = ""
		p.added = true
	}
	if status == "D" {
		c.Deleted = true
	} else {
		c.Blob = raw[3]
	}
	return nil
}

// flush hands on the commit read last, now that it is complete.
func (p *logParser) flush() error {
	c := p.pending
	if c == nil {
		return nil
	}
	p.pending = nil
	if c.Path == "" {
		c.Path = p.next
	}
	p.next = c.Path
	if c.RenamedFrom != "" {
		p.next = c.RenamedFrom
	}
	if p.stopAtRename && c.RenamedFrom != "" && !p.added {
		// The rename is listed with the commits older than it, in their
		// order: a branch's commit may be newer than it.
		p.renamedFrom = c.RenamedFrom
		return errRenamed
	}
	p.emitted++
	if p.seen != nil {
		p.seen[c.Hash] = true
	}
	if err := p.emit(*c); err != nil {
		return err
	}
	if p.added {
		return errLogEnded
	}
	return nil
}

func parseLogHeader(h string) (Commit, error) {
	f := strings.SplitN(h, "\x1f", 5)
	if len(f) != 5 || len(f[0]) < 40 {
		return Commit{}, fmt.Errorf("unexpected line %q", h)
	}
	date, err := time.Parse(time.RFC3339, f[2])
	if err != nil {
		return Commit{}, fmt.Errorf("commit %s: %v", f[1], err)
	}
	return Commit{Hash: f[0], Short: f[1], Date: date, Merge: strings.Count(strings.TrimSpace(f[3]), " ") > 0, Subject: f[4]}, nil
}

// Resolve returns the full name of the commit a revision names: a hash, a
// branch, a tag, HEAD~1, anything git understands.
func (r *Repo) Resolve(rev string) (string, error) {
	if err := checkLine("revision", rev); err != nil {
		return "", err
	}
	if rev == "" {
		return "", errorf(ErrUnknownRevision, "empty revision: name a commit, branch or tag")
	}
	obj, err := r.object(rev + "^{commit}")
	if err != nil {
		return "", err
	}
	switch obj.status {
	case "missing":
		if r.Shallow() {
			return "", errorf(ErrUnknownRevision, "git does not know the revision %q: this clone is shallow, and it was never fetched "+
				"(in CI, check out with fetch-depth: 0, or git fetch the branch first)", rev)
		}
		return "", errorf(ErrUnknownRevision, "git does not know the revision %q (try `git log --oneline` to see the commits)", rev)
	case "ambiguous":
		return "", errorf(ErrUnknownRevision, "the revision %q is ambiguous: give more of the hash", rev)
	}
	return obj.oid, nil
}

// BranchPoint returns the commit where HEAD's history left commit's: git's
// merge base, from which a pull request counts its changes. It is commit
// itself when HEAD has it (HEAD is on it, ahead of it or merged it in).
// When the two histories do not meet in the commits this clone has (a
// shallow clone, histories with no commit in common, no commit yet),
// commit is returned as it is, and ok is false.
// The answer is kept for the Repo's life: a command resolves the branch
// point, then asks again to say in its heading whether it found one.
func (r *Repo) BranchPoint(commit string) (base string, ok bool) {
	r.branchPointMu.Lock()
	defer r.branchPointMu.Unlock()
	if a, seen := r.branchPoints[commit]; seen {
		return a.base, a.ok
	}
	out, err := git(r.Root, "merge-base", commit, "HEAD")
	a := branchPoint{base: strings.TrimSpace(string(out)), ok: true}
	if err != nil || a.base == "" {
		a = branchPoint{base: commit, ok: false}
	}
	if r.branchPoints == nil {
		r.branchPoints = map[string]branchPoint{}
	}
	r.branchPoints[commit] = a
	return a.base, a.ok
}

// IsFolder reports whether path is a folder in revision rev: one a
// change has emptied is gone from the work tree, but not from rev.
func (r *Repo) IsFolder(rev, path string) bool {
	if checkLine("revision", rev) != nil || checkLine("path", path) != nil {
		return false
	}
	obj, err := r.object(rev + ":" + path)
	return err == nil && obj.status == "" && obj.kind == "tree"
}

// ReadFile returns the content of the file at path in revision rev.
func (r *Repo) ReadFile(rev, path string) ([]byte, error) {
	commit, err := r.Resolve(rev)
	if err != nil {
		return nil, err
	}
	if err := checkLine("path", path); err != nil {
		return nil, err
	}
	obj, err := r.object(commit + ":" + path)
	if err != nil {
		return nil, err
	}
	switch {
	case obj.status == "missing":
		return nil, errorf(ErrNotInRevision, "%s is not in revision %s (it was added later, deleted, or renamed)", path, rev)
	case obj.status == "symlink":
		return nil, fmt.Errorf("%s is a link in revision %s to a file outside the repository: ladder does not follow it", path, rev)
	case obj.status != "":
		return nil, errorf(ErrNotInRevision, "%s is a link in revision %s that leads to no file (%s)", path, rev, obj.status)
	case obj.kind == "tree":
		return nil, errorf(ErrNotInRevision, "%s is a folder in revision %s, not a file", path, rev)
	case obj.kind != "blob":
		return nil, errorf(ErrNotInRevision, "%s is a %s in revision %s, not a file", path, obj.kind, rev)
	case obj.skipped:
		return nil, obj.tooLarge(rev + ":" + path)
	}
	return obj.data, nil
}

// ReadBlob returns the content of a file by its object name, as Log gives
// it: one round trip, with no revision to resolve.
func (r *Repo) ReadBlob(blob string) ([]byte, error) {
	if !isHex(blob) {
		return nil, fmt.Errorf("%q is not an object name", blob)
	}
	obj, err := r.object(blob)
	if err != nil {
		return nil, err
	}
	if obj.status != "" || obj.kind != "blob" {
		return nil, fmt.Errorf("object %s is not a file's content", blob)
	}
	if obj.skipped {
		return nil, obj.tooLarge(blob)
	}
	return obj.data, nil
}

// ReadBlobs reads the contents of many files by object name (as Log gives
// them) and calls fn with each, in order: one exchange with cat-file (see
// StreamBlobs), not a round trip per file. fn may use the Repo meanwhile;
// it is given a file over the size limit as err, as StreamBlobs says.
func (r *Repo) ReadBlobs(blobs []string, fn func(i int, data []byte, err error) error) error {
	for _, b := range blobs {
		if !isHex(b) {
			return fmt.Errorf("%q is not an object name", b)
		}
	}
	if len(blobs) == 0 {
		return nil
	}
	s, err := r.StreamBlobs(fn)
	if err != nil {
		return err
	}
	for _, b := range blobs {
		if err := s.Ask(b); err != nil {
			break // Close says why
		}
	}
	return s.Close()
}

// BlobStream reads the contents of files by object name through a
// cat-file process of its own: names are sent as they are asked for, the
// answers read as they come, on a goroutine of its own, and handed to fn
// in the order asked. A history of two thousand commits is then one
// exchange instead of two thousand round trips, each waiting for the
// other process to be scheduled, and it runs while git log is still
// finding the commits. As the process is its own, fn may use the Repo
// meanwhile (a plan's checklist file is read at the plan's commit; with
// one process, that request waited behind the exchange, and the exchange
// behind fn, for ever).
type BlobStream struct {
	cat   *catFile
	w     *bufio.Writer
	asked int
	done  chan answered // the reader's end
	err   error         // the first error asking
}

// answered is how many answers the reader handed on, and why it stopped
// (nil: the process ended its output).
type answered struct {
	n   int
	err error
}

// StreamBlobs starts a BlobStream whose answers go to fn: i counts the
// names asked, from 0. A file over the size limit comes to fn as err, a
// *TooLargeError (data nil), and the stream goes on: it is one file's
// problem, for the caller to report at that file. An error from fn stops
// the stream; Close returns it.
func (r *Repo) StreamBlobs(fn func(i int, data []byte, err error) error) (*BlobStream, error) {
	cat, err := startCatFile(r.Root)
	if err != nil {
		return nil, err
	}
	s := &BlobStream{cat: cat, w: bufio.NewWriterSize(cat.in, 4<<10), done: make(chan answered, 1)}
	go func() {
		for i := 0; ; i++ {
			if _, err := cat.out.Peek(1); err == io.EOF {
				s.done <- answered{n: i} // Close closed the input, or the process ended
				return
			}
			obj, err := cat.read()
			if err == nil && (obj.status != "" || obj.kind != "blob") {
				err = fmt.Errorf("object %s is not a file's content", obj.name)
			}
			if err == nil && obj.skipped {
				err = fn(i, nil, obj.tooLarge(obj.name))
			} else if err == nil {
				err = fn(i, obj.data, nil)
			}
			if err != nil {
				// Answers may still be coming, and nobody will read them.
				cat.cmd.Process.Kill()
				s.done <- answered{n: i, err: err}
				return
			}
		}
	}()
	return s, nil
}

// askBatch is how many names are sent to cat-file at once: in one write,
// but soon enough for it to work while more are found.
const askBatch = 32

// Ask asks for the content of the file with object name blob.
func (s *BlobStream) Ask(blob string) error {
	if s.err != nil {
		return s.err
	}
	if !isHex(blob) {
		s.err = fmt.Errorf("%q is not an object name", blob)
		return s.err
	}
	s.w.WriteString(blob + "\n")
	s.asked++
	if s.asked%askBatch == 0 {
		s.err = s.w.Flush()
	}
	return s.err
}

// Close sends what is still to send, waits until every answer has been
// handed to fn, and stops the process. It returns the first error.
func (s *BlobStream) Close() error {
	err := s.err
	if err == nil {
		err = s.w.Flush()
	}
	s.cat.in.Close()
	a := <-s.done
	if a.err != nil {
		err = a.err
	}
	werr := s.cat.cmd.Wait()
	switch {
	case err != nil:
	case werr != nil:
		err = s.cat.fail(werr)
	case a.n != s.asked:
		err = s.cat.fail(fmt.Errorf("%d of %d files answered", a.n, s.asked))
	}
	return err
}

func isHex(s string) bool {
	if len(s) < 4 || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Change is a file that differs between a commit and the work tree.
type Change struct {
	// Status is 'A' (added), 'D' (deleted), 'M' (modified) or 'R'
	// (renamed, perhaps edited too).
	Status byte
	Path   string // the file's name now (for a deletion, its name then)
	// OldPath is the file's name in the commit, for a rename.
	OldPath string
}

// Changes lists the files under dir (repository-relative; "" for the whole
// work tree) that differ between commit (a full object name, as Resolve
// gives it) and the work tree, renames detected as git diff -M does, in
// path order. Files git does not track yet count as added, unless git is
// told to ignore them.
//
// The Repo keeps the answer: ladder diff --rev asks it of the plans'
// folder and of the whole tree two times each (plans, their data files,
// the checklists beside them), and each asking is two git processes. A
// change made to the work tree after the first asking is seen by a Repo
// opened since.
func (r *Repo) Changes(commit, dir string) ([]Change, error) {
	if !isHex(commit) {
		return nil, fmt.Errorf("%q is not a commit name: resolve it first", commit)
	}
	if err := checkLine("path", dir); err != nil {
		return nil, err
	}
	key := changesKey{commit, dir}
	r.changesMu.Lock()
	defer r.changesMu.Unlock()
	if changes, ok := r.changes[key]; ok {
		return slices.Clone(changes), nil
	}
	changes, err := r.askChanges(commit, dir)
	if err != nil {
		return nil, err
	}
	if r.changes == nil {
		r.changes = make(map[changesKey][]Change)
	}
	r.changes[key] = changes
	return slices.Clone(changes), nil
}

// untrackedFiles lists the files in the work tree that git does not
// track and is not told to ignore, asked of git once for the whole tree
// (Changes asks it of a folder and of the whole tree: the folder's are
// among the tree's). The caller holds changesMu.
func (r *Repo) untrackedFiles() ([]string, error) {
	if r.untracked != nil {
		return *r.untracked, nil
	}
	out, err := git(r.Root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	var files []string
	for p := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if p != "" {
			files = append(files, p)
		}
	}
	r.untracked = &files
	return files, nil
}

// changesKey is what Changes was asked.
type changesKey struct{ commit, dir string }

// askChanges asks git what Changes lists.
func (r *Repo) askChanges(commit, dir string) ([]Change, error) {
	spec := dir
	if spec == "" {
		spec = "."
	}
	out, err := git(r.Root, "--literal-pathspecs", "diff", "--no-ext-diff", "--name-status", "-z", "-M", commit, "--", spec)
	if err != nil {
		return nil, err
	}
	var changes []Change
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	for i := 0; i+1 < len(fields); i += 2 {
		status := fields[i]
		c := Change{Status: status[0], Path: fields[i+1]}
		switch c.Status {
		case 'R', 'C':
			if i+2 >= len(fields) {
				return nil, fmt.Errorf("git diff: unexpected entry %q", status)
			}
			c.Status, c.OldPath, c.Path = 'R', c.Path, fields[i+2]
			i++
			if status[0] == 'C' {
				c.Status, c.OldPath = 'A', ""
			}
		case 'T':
			c.Status = 'M'
		}
		changes = append(changes, c)
	}
	untracked, err := r.untrackedFiles()
	if err != nil {
		return nil, err
	}
	for _, p := range untracked {
		if dir == "" || p == dir || strings.HasPrefix(p, dir+"/") {
			changes = append(changes, Change{Status: 'A', Path: p})
		}
	}
	slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Path, b.Path) })
	return changes, nil
}

// Close stops the cat-file process, if one was started.
func (r *Repo) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.batch == nil {
		return nil
	}
	err := r.batch.close()
	r.batch = nil
	return err
}

func checkLine(what, s string) error {
	if strings.ContainsAny(s, "\n\x00") {
		return fmt.Errorf("the %s %q contains a line break, which git cannot look up", what, s)
	}
	return nil
}

// object asks the cat-file process for one object, starting it on first
// use.
func (r *Repo) object(name string) (object, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.batch == nil {
		b, err := startCatFile(r.Root)
		if err != nil {
			return object{}, err
		}
		r.batch = b
	}
	obj, err := r.batch.get(name)
	if err != nil {
		// The process is in an unknown state: stop it, and start afresh on
		// the next request.
		r.batch.close()
		r.batch = nil
	}
	return obj, err
}

// catFile is a running `git cat-file --batch`.
type catFile struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *bytes.Buffer
}

// linkStatuses are cat-file --follow-symlinks' answers for a path that
// is a link it could not follow in the tree: out of it ("symlink"), to
// nothing ("dangling"), round in a loop, or through a file as if a
// folder ("notdir").
var linkStatuses = []string{"symlink", "dangling", "loop", "notdir"}

type object struct {
	name      string // as cat-file echoed it: the object name, or what was asked for when it is missing
	oid, kind string
	status    string // "" when found, else "missing", "ambiguous" or one of linkStatuses
	data      []byte
	size      int64
	// skipped is content over strictyaml.MaxFileSize, read past and not
	// kept: data is nil.
	skipped bool
}

func (o object) tooLarge(name string) error {
	return &TooLargeError{Name: name, Size: o.size}
}

func startCatFile(dir string) (*catFile, error) {
	// --follow-symlinks: a file named by rev:path that is a link in that
	// tree is read where the link leads, inside the tree, as ladder
	// follows a link on disk (checklists/current.yaml, committed as a
	// link to ours-2027.yaml): without it the link's own content, its
	// target's name, was read as the checklist. A link leading out of the
	// tree, nowhere, or round in a loop is said so (linkStatuses).
	cmd := exec.Command("git", "cat-file", "--batch", "--follow-symlinks")
	cmd.Dir = dir
	cmd.Env = gitEnv()
	stderr := &bytes.Buffer{}
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, startError(err)
	}
	return &catFile{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 64<<10), stderr: stderr}, nil
}

func (c *catFile) get(name string) (object, error) {
	if _, err := io.WriteString(c.in, name+"\n"); err != nil {
		return object{}, c.fail(err)
	}
	return c.read()
}

// read reads cat-file's answer to the next request sent.
func (c *catFile) read() (object, error) {
	header, err := c.out.ReadString('\n')
	if err != nil {
		return object{}, c.fail(err)
	}
	header = strings.TrimSuffix(header, "\n")
	for _, status := range []string{"missing", "ambiguous"} {
		if name, ok := strings.CutSuffix(header, " "+status); ok {
			return object{name: name, status: status}, nil
		}
	}
	f := strings.Fields(header)
	if len(f) == 2 && slices.Contains(linkStatuses, f[0]) {
		// "symlink 14", then the link's target or the name asked, and a
		// line feed.
		size, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || size < 0 || size > strictyaml.MaxFileSize {
			return object{}, c.fail(fmt.Errorf("unexpected answer %q", header))
		}
		data := make([]byte, size+1)
		if _, err := io.ReadFull(c.out, data); err != nil {
			return object{}, c.fail(err)
		}
		return object{name: string(data[:size]), status: f[0]}, nil
	}
	if len(f) != 3 {
		return object{}, c.fail(fmt.Errorf("unexpected answer %q", header))
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return object{}, c.fail(fmt.Errorf("unexpected answer %q", header))
	}
	obj := object{name: f[0], oid: f[0], kind: f[1], size: size}
	if size > strictyaml.MaxFileSize {
		// The header says the size before the content comes: content no
		// parser would take is read past through the reader's own buffer,
		// never held, and to its end, so that the next answer starts where
		// cat-file's does. (A commit named by Resolve is skipped the same
		// way: only its name is wanted.)
		if err := c.skip(size + 1); err != nil { // the content, then a line feed
			return object{}, c.fail(err)
		}
		obj.skipped = true
		return obj, nil
	}
	data := make([]byte, size+1) // the content, then a line feed
	if _, err := io.ReadFull(c.out, data); err != nil {
		return object{}, c.fail(err)
	}
	obj.data = data[:size]
	return obj, nil
}

// skip reads n bytes of the answer and drops them.
func (c *catFile) skip(n int64) error {
	for n > 0 {
		d, err := c.out.Discard(int(min(n, 1<<20)))
		n -= int64(d)
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *catFile) fail(err error) error {
	if msg := strings.TrimSpace(c.stderr.String()); msg != "" {
		return fmt.Errorf("git cat-file: %v: %s", err, msg)
	}
	return fmt.Errorf("git cat-file: %v", err)
}

func (c *catFile) close() error {
	c.in.Close()
	return c.cmd.Wait()
}

// Readable is every plan file (.yaml or .yml, in any case) git can still
// give a version of from HEAD's history: those HEAD has, and those a commit in its history
// deleted (a file moved counts as deleted under its old name), by their
// paths from the top of the work tree. Two git commands answer for every
// file, where asking of each file (LogEach) took several: a folder command
// asks it of a thousand plans. Empty before the first commit.
func (r *Repo) Readable() (map[string]bool, error) {
	paths := make(map[string]bool)
	if _, err := r.Resolve("HEAD"); err != nil {
		return paths, nil // no commit yet
	}
	for _, args := range [][]string{
		{"ls-tree", "-r", "-z", "--name-only", "HEAD"},
		{"log", "-z", "--no-renames", "--diff-filter=D", "--name-only", "--format=", "HEAD", "--", ":(icase)*.yaml", ":(icase)*.yml"},
	} {
		out, err := git(r.Root, args...)
		if err != nil {
			return nil, err
		}
		// Names end in NUL and nothing else: git log -z with an empty
		// format puts nothing between commits, and a line break is part
		// of a name ("\nacme.yaml" is not acme.yaml).
		for p := range strings.SplitSeq(string(out), "\x00") {
			if ext := strings.ToLower(filepath.Ext(p)); ext == ".yaml" || ext == ".yml" { // as plans.IsPlanFile
				paths[p] = true
			}
		}
	}
	return paths, nil
}

// Shallow reports whether the repository is a shallow clone, which has
// only the newest commits (actions/checkout's default), as git said when
// this process first opened the folder (topOf): a git fetch --unshallow
// run since is not seen until the next command.
func (r *Repo) Shallow() bool {
	return r.shallow
}

// Rebasing reports whether the repository that holds dir is in the
// middle of a rebase, where git's "ours" is the branch rebased onto and
// "theirs" the commit being replayed: the other way round from a merge.
// git am keeps its state where rebase --apply does (rebase-apply), but
// its sides are a merge's; git tells the two apart by the "applying"
// file am leaves there, and so does this.
func Rebasing(dir string) bool {
	out, err := git(dir, "rev-parse", "--git-path", "rebase-merge", "--git-path", "rebase-apply")
	if err != nil {
		return false
	}
	paths := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(paths) != 2 {
		return false
	}
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			continue
		}
		if i == 1 { // rebase-apply: a rebase's, or git am's
			if _, err := os.Stat(filepath.Join(p, "applying")); err == nil {
				continue
			}
		}
		return true
	}
	return false
}

// Unmerged reports whether the file at path has conflicts a merge (or a
// rebase) left for someone to resolve: git ls-files --unmerged lists it.
func (r *Repo) Unmerged(path string) bool {
	if checkLine("path", path) != nil {
		return false
	}
	out, err := git(r.Root, "--literal-pathspecs", "ls-files", "--unmerged", "-z", "--", path)
	return err == nil && len(out) > 0
}

// git runs a git command in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, commandError(args, err, &stderr)
	}
	return out, nil
}

// commandError is the error of a git command that failed: what it said
// on stderr, or how it ended.
func commandError(args []string, err error, stderr *bytes.Buffer) error {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = exit.String()
		}
		return fmt.Errorf("git %s: %s", subcommand(args), msg)
	}
	return startError(err)
}

func subcommand(args []string) string {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a
		}
	}
	return ""
}

func startError(err error) error {
	if errors.Is(err, exec.ErrNotFound) {
		return errorf(ErrNoGit, "git is not installed: ladder reads plan history through the git command; install git and try again")
	}
	return fmt.Errorf("running git: %w", err)
}

// gitEnv is the environment for git: ours, with anything that would make it
// talk to a terminal or a pager removed.
func gitEnv() []string {
	env := os.Environ()
	return append(env, "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
}

// Ignored reports whether git is told to leave the file at path out (a
// .gitignore matches it), so that git add would refuse it. No git, or no
// repository, is false: there is nothing to ignore it.
func Ignored(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	_, err = git(filepath.Dir(abs), "check-ignore", "-q", "--", filepath.Base(abs))
	return err == nil
}

// Uncommitted reports whether the file at path is one git does not have
// as it is: untracked, or changed since its last commit (staged or not).
// A file git is told to ignore, and not tracked, is not. Outside a
// repository, or with no git, nothing is committed: true.
func Uncommitted(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return true
	}
	out, err := git(filepath.Dir(abs), "status", "--porcelain", "-z", "--untracked-files=all", "--", ":(literal)"+filepath.Base(abs))
	return err != nil || len(out) > 0
}
