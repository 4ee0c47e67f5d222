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
)

// The kinds of failure a caller may want to tell apart. Errors returned by
// this package wrap one of them and carry a message fit to show a user.
var (
	ErrNotRepository   = errors.New("not in a git repository")
	ErrUnknownRevision = errors.New("unknown revision")
	ErrNotInRevision   = errors.New("file not in revision")
	ErrNoGit           = errors.New("git is not installed")
)

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

	mu    sync.Mutex
	batch *catFile
}

// Open finds the repository that holds dir (a folder, or a path inside a
// folder that exists).
func Open(dir string) (*Repo, error) {
	dir, err := existingDir(dir)
	if err != nil {
		return nil, err
	}
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if errors.Is(err, ErrNoGit) {
			return nil, err
		}
		return nil, errorf(ErrNotRepository, "%s is not in a git repository (run `git init` there, or use a plan inside a repository)", displayDir(dir))
	}
	root := strings.TrimRight(string(out), "\n")
	if root == "" {
		// A bare repository, or the inside of .git: no work tree to follow.
		return nil, errorf(ErrNotRepository, "%s is not in a git work tree", displayDir(dir))
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return &Repo{Root: root}, nil
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
	// Path is the file's name in this commit: the file may have been
	// renamed since.
	Path string
	// RenamedFrom is the file's name before this commit, when this commit
	// renamed (or copied) it.
	RenamedFrom string
	// Blob is the (abbreviated) object name of the file's content in this
	// commit, or "" when the log did not say (a merge) or the commit
	// deleted the file.
	Blob    string
	Deleted bool
}

// Log lists the commits reachable from HEAD that changed the file at path,
// oldest first, following it through renames as git log --follow does. A
// file never committed has an empty log and no error.
func (r *Repo) Log(path string) ([]Commit, error) {
	if err := checkLine("path", path); err != nil {
		return nil, err
	}
	// An empty repository has no HEAD, and so no history of anything.
	if _, err := git(r.Root, "rev-parse", "--verify", "--quiet", "HEAD"); err != nil {
		if errors.Is(err, ErrNoGit) {
			return nil, err
		}
		return nil, nil
	}
	// --follow cannot be combined with --reverse (git then lists only the
	// rename), so the log is read newest first and turned round.
	out, err := git(r.Root, "--literal-pathspecs", "log", "--follow", "--raw", "-z",
		"--format=%H%x1f%h%x1f%aI%x1f%s", "HEAD", "--", path)
	if err != nil {
		return nil, fmt.Errorf("reading the git history of %s: %w", path, err)
	}
	commits, err := parseLog(out, path)
	if err != nil {
		return nil, fmt.Errorf("reading the git history of %s: %w", path, err)
	}
	slices.Reverse(commits)
	return commits, nil
}

// parseLog reads the output of git log -z --raw with the format above: a
// header per commit, then (except for merges) one raw entry for the file,
// ":MODE MODE BLOB BLOB STATUS", followed by its path, or by the old and
// the new path for a rename. Every field ends with a NUL; a subject cannot
// hold one, so a hostile subject cannot pose as another commit.
func parseLog(out []byte, path string) ([]Commit, error) {
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var commits []Commit
	for i := 0; i < len(fields); i++ {
		f := strings.TrimPrefix(fields[i], "\n")
		if f == "" {
			continue
		}
		if !strings.HasPrefix(f, ":") {
			c, err := parseLogHeader(f)
			if err != nil {
				return nil, err
			}
			commits = append(commits, c)
			continue
		}
		raw := strings.Fields(f)
		if len(commits) == 0 || len(raw) != 5 || i+1 >= len(fields) {
			return nil, fmt.Errorf("unexpected entry %q", f)
		}
		c := &commits[len(commits)-1]
		status := raw[4]
		c.Path = fields[i+1]
		i++
		if status[0] == 'R' || status[0] == 'C' {
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("unexpected entry %q", f)
			}
			c.RenamedFrom, c.Path = c.Path, fields[i+1]
			i++
		}
		if status == "D" {
			c.Deleted = true
		} else {
			c.Blob = raw[3]
		}
	}
	// A merge has no entry: the file is where the next newer commit found
	// it (or, for the newest, where the caller asked for it).
	next := path
	for i := range commits {
		c := &commits[i]
		if c.Path == "" {
			c.Path = next
		}
		next = c.Path
		if c.RenamedFrom != "" {
			next = c.RenamedFrom
		}
	}
	return commits, nil
}

func parseLogHeader(h string) (Commit, error) {
	f := strings.SplitN(h, "\x1f", 4)
	if len(f) != 4 || len(f[0]) < 40 {
		return Commit{}, fmt.Errorf("unexpected line %q", h)
	}
	date, err := time.Parse(time.RFC3339, f[2])
	if err != nil {
		return Commit{}, fmt.Errorf("commit %s: %v", f[1], err)
	}
	return Commit{Hash: f[0], Short: f[1], Date: date, Subject: f[3]}, nil
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
		return "", errorf(ErrUnknownRevision, "git does not know the revision %q (try `git log --oneline` to see the commits)", rev)
	case "ambiguous":
		return "", errorf(ErrUnknownRevision, "the revision %q is ambiguous: give more of the hash", rev)
	}
	return obj.oid, nil
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
	case obj.kind == "tree":
		return nil, errorf(ErrNotInRevision, "%s is a folder in revision %s, not a file", path, rev)
	case obj.kind != "blob":
		return nil, errorf(ErrNotInRevision, "%s is a %s in revision %s, not a file", path, obj.kind, rev)
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
	return obj.data, nil
}

// ReadBlobs reads the contents of many files by object name (as Log gives
// them) and calls fn with each, in order. All the names are sent to git at
// once and the answers read as they come, so a history of two thousand
// commits costs one exchange with cat-file instead of two thousand round
// trips, each waiting for the other process to be scheduled.
func (r *Repo) ReadBlobs(blobs []string, fn func(i int, data []byte) error) error {
	for _, b := range blobs {
		if !isHex(b) {
			return fmt.Errorf("%q is not an object name", b)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.batch == nil {
		b, err := startCatFile(r.Root)
		if err != nil {
			return err
		}
		r.batch = b
	}
	batch := r.batch
	sent := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(batch.in, 64<<10)
		for _, b := range blobs {
			if _, err := w.WriteString(b + "\n"); err != nil {
				sent <- err
				return
			}
		}
		sent <- w.Flush()
	}()
	var err error
	for i := range blobs {
		var obj object
		if obj, err = batch.read(); err != nil {
			break
		}
		if obj.status != "" || obj.kind != "blob" {
			err = fmt.Errorf("object %s is not a file's content", blobs[i])
			break
		}
		if err = fn(i, obj.data); err != nil {
			break
		}
	}
	if err != nil {
		// Answers may still be coming, and nobody will read them: stop
		// the process and start afresh on the next request.
		batch.cmd.Process.Kill()
		batch.close()
		r.batch = nil
		<-sent
		return err
	}
	return <-sent
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
func (r *Repo) Changes(commit, dir string) ([]Change, error) {
	if !isHex(commit) {
		return nil, fmt.Errorf("%q is not a commit name: resolve it first", commit)
	}
	if err := checkLine("path", dir); err != nil {
		return nil, err
	}
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
	untracked, err := git(r.Root, "--literal-pathspecs", "ls-files", "-z", "--others", "--exclude-standard", "--", spec)
	if err != nil {
		return nil, err
	}
	for p := range strings.SplitSeq(strings.TrimSuffix(string(untracked), "\x00"), "\x00") {
		if p != "" {
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

type object struct {
	oid, kind string
	status    string // "" when found, else "missing" or "ambiguous"
	data      []byte
}

func startCatFile(dir string) (*catFile, error) {
	cmd := exec.Command("git", "cat-file", "--batch")
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
		if strings.HasSuffix(header, " "+status) {
			return object{status: status}, nil
		}
	}
	f := strings.Fields(header)
	if len(f) != 3 {
		return object{}, c.fail(fmt.Errorf("unexpected answer %q", header))
	}
	size, err := strconv.Atoi(f[2])
	if err != nil || size < 0 {
		return object{}, c.fail(fmt.Errorf("unexpected answer %q", header))
	}
	data := make([]byte, size+1) // the content, then a line feed
	if _, err := io.ReadFull(c.out, data); err != nil {
		return object{}, c.fail(err)
	}
	return object{oid: f[0], kind: f[1], data: data[:size]}, nil
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

// git runs a git command in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			msg := strings.TrimSpace(stderr.String())
			msg = strings.TrimPrefix(msg, "fatal: ")
			if msg == "" {
				msg = exit.String()
			}
			return nil, fmt.Errorf("git %s: %s", subcommand(args), msg)
		}
		return nil, startError(err)
	}
	return out, nil
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
