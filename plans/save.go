package plans

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
)

// ErrChangedOnDisk is returned when a plan file was changed by someone else
// (an editor, a git pull, another ladder session) since it was loaded:
// saving would lose their work.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was loaded")

// ErrNotReplaced is wrapped by the errors of a save that ladder refused
// because replacing the file would do something its owner did not ask for:
// overwrite a read-only file, separate the names of a hard-linked one, or
// write through a symbolic link out of the repository. The message says
// why and what to do; nothing was written.
var ErrNotReplaced = errors.New("the file was left as it is")

// Refusal is the error of a save refused for one of those reasons: what is
// wrong, and what to do so that the plan can be saved where it is. It
// wraps ErrNotReplaced.
type Refusal struct{ What, Fix string }

func (r *Refusal) Error() string { return r.What + ": " + r.Fix }
func (r *Refusal) Unwrap() error { return ErrNotReplaced }

// newFilePerm is the mode asked for when ladder creates a file. The umask
// takes its bits away, as it does for any other tool: plans hold notes
// about named people, and a user whose umask is 077 gets files only they
// can read.
const newFilePerm fs.FileMode = 0o666

// WriteFileAtomic replaces path with data so that a crash at any instant
// leaves either the old file or the new one, never a torn one: the data goes
// to a temporary file in the same folder, is synced, then renamed over the
// old file, whose mode it keeps (a new file gets perm less the umask). A file
// that already holds exactly data is not touched, so its modification time
// stays as it was. Other ladder processes writing in the same folder wait
// while it does this (see lockFolder).
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) (written bool, err error) {
	return replaceFile(path, data, perm, nil)
}

// WriteFileAtomicFrom is WriteFileAtomic for content too large to hold
// in memory at once (the open actions of a folder of thousands of plans):
// write writes it, to a temporary file beside path, which then replaces
// path as WriteFileAtomic's would, unless path already holds exactly the
// same bytes (then it is left untouched, its modification time too). The
// folder stays locked while write runs.
func WriteFileAtomicFrom(path string, perm fs.FileMode, write func(io.Writer) error) (written bool, err error) {
	path, unlock, err := lockTarget(path)
	if err != nil {
		return false, err
	}
	defer unlock()
	info, err := os.Stat(path)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, err
	case exists && !info.Mode().IsRegular():
		return false, &Refusal{safetext.Line(path) + " is not a regular file, so ladder left it as it is", "choose another file name"}
	case exists:
		perm = info.Mode().Perm()
	}
	tmp, err := writeTemp(path, perm, exists, write)
	if err != nil {
		return false, err
	}
	if !exists {
		defer os.Remove(tmp)
		return true, linkNew(tmp, path)
	}
	same, err := sameContent(tmp, path)
	if err == nil && !same {
		err = replaceable(path, info)
	}
	if err != nil || same {
		os.Remove(tmp)
		return false, err
	}
	return true, renameOver(tmp, path)
}

// sameContent reports whether two files hold the same bytes, reading
// them a buffer at a time.
func sameContent(a, b string) (bool, error) {
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false, err
	}
	defer fb.Close()
	ia, err := fa.Stat()
	if err != nil {
		return false, err
	}
	ib, err := fb.Stat()
	if err != nil || ia.Size() != ib.Size() {
		return false, err
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if ea == io.EOF || ea == io.ErrUnexpectedEOF {
			return eb == ea, nil
		}
		if ea != nil {
			return false, ea
		}
		if eb != nil {
			return false, eb
		}
	}
}

// tooBig refuses to write a plan that ladder could not read back.
func tooBig(data []byte) error {
	if len(data) <= strictyaml.MaxFileSize {
		return nil
	}
	return &Refusal{fmt.Sprintf("the plan would be %d bytes, more than the %d ladder reads back", len(data), strictyaml.MaxFileSize),
		"shorten the longest notes"}
}

// ReplaceFile is WriteFileAtomic for a file the caller read before: it
// writes data only if path still holds old, and otherwise returns
// ErrChangedOnDisk and writes nothing. The comparison and the rename happen
// under the folder lock, so of two ladder processes replacing the same
// bytes at once, exactly one succeeds.
func ReplaceFile(path string, old, data []byte) (written bool, err error) {
	if err := tooBig(data); err != nil {
		return false, err
	}
	return replaceFile(path, data, newFilePerm, func(current []byte, exists bool) error {
		if !exists || !bytes.Equal(current, old) {
			return fmt.Errorf("%s: %w", path, ErrChangedOnDisk)
		}
		return nil
	})
}

// CreateFileAtomic writes a new file whole, and fails with fs.ErrExist if
// path exists, even if another process creates it at the same moment.
func CreateFileAtomic(path string, data []byte, perm fs.FileMode) error {
	unlock, err := lockFolder(folderOf(path))
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists: %w", path, fs.ErrExist)
	}
	removeLeftovers(path)
	return createNew(path, data, perm)
}

// replaceFile does the work of WriteFileAtomic and ReplaceFile: under the
// folder lock, it reads what is on disk now, lets check refuse the write
// (nil check: always write), and replaces the file unless it already
// holds data.
//
// A symbolic link is written through: its target is replaced and the link
// stays a link, as long as the target is inside the repository (see
// strictyaml.Root). A read-only file or one with other names (hard links)
// is left alone with a message that says what to do.
func replaceFile(path string, data []byte, perm fs.FileMode, check func(current []byte, exists bool) error) (bool, error) {
	path, unlock, err := lockTarget(path)
	if err != nil {
		return false, err
	}
	defer unlock()
	current, info, err := readCurrent(path)
	if err != nil {
		return false, err
	}
	exists := info != nil
	if check != nil {
		if err := check(current, exists); err != nil {
			return false, err
		}
	}
	if !exists {
		return true, createNew(path, data, perm)
	}
	if bytes.Equal(current, data) {
		return false, nil
	}
	if err := replaceable(path, info); err != nil {
		return false, err
	}
	tmp, err := writeTemp(path, info.Mode().Perm(), true, writeBytes(data))
	if err != nil {
		return false, err
	}
	return true, renameOver(tmp, path)
}

// lockTarget finds the file a write to path replaces (writeTarget), locks
// its folder, and clears the temporary files earlier writes left there;
// the caller unlocks. A folder on the way that is a symbolic link out of
// the repository is refused (FolderInside), as a link at the file is: a
// folder link committed by a stranger must not have ladder fmt or a
// review's save write outside the repository.
func lockTarget(path string) (target string, unlock func(), err error) {
	if err := FolderInside(path); err != nil {
		return "", nil, err
	}
	if target, err = writeTarget(path); err != nil {
		return "", nil, err
	}
	if unlock, err = lockFolder(folderOf(target)); err != nil {
		return "", nil, err
	}
	removeLeftovers(target)
	return target, unlock, nil
}

// renameOver puts the temporary file tmp in place of path, durably.
func renameOver(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(folderOf(path))
	return nil
}

// writeTarget is the file a write to path replaces: path itself, or the
// file a symbolic link at path leads to, if that is inside the tree the
// link is in (a link committed to a repository must not make a save, or a
// report written with --output, overwrite a file elsewhere).
func writeTarget(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", &Refusal{safetext.Line(path) + " is a symbolic link to nothing (what it points to does not exist), and ladder does not create files through links", "put back the file it points to, or remove the link"}
	}
	root, repo := strictyaml.Root(filepath.Dir(path))
	if !strictyaml.Inside(root, target) {
		where := "its folder"
		if repo {
			where = "the repository"
		}
		return "", &Refusal{safetext.Line(path) + " is a symbolic link to a file outside " + where + ", and ladder does not write through it", "replace the link with the file itself"}
	}
	return target, nil
}

// FolderInside refuses to write path when a folder on the way to it is a
// symbolic link in a repository that leads out of it (see
// strictyaml.FolderLinkOut). Commands call it before they make any
// folder for path, so that not even an empty folder is made out there.
func FolderInside(path string) error {
	link := strictyaml.FolderLinkOut(path)
	if link == "" {
		return nil
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, link); err == nil && !strings.HasPrefix(rel, "..") {
			link = rel
		}
	}
	return &Refusal{safetext.Line(link) + " is a symbolic link to a folder outside the repository, and ladder does not write through it", "name a file in a folder of the repository, or the folder the link leads to"}
}

// replaceable refuses to replace a file its owner made read-only (no
// write permission for anyone: chmod a-w), as editors do, or one with
// other names that a rename would separate from it. (A file merely owned
// by someone else is replaced if the folder allows it, as git checkout
// would; if the folder does not, the rename says so.)
func replaceable(path string, info fs.FileInfo) error {
	name := safetext.Line(path)
	if info.Mode().Perm()&0o222 == 0 {
		return &Refusal{name + " is read-only, so ladder left it as it is", "make it writable (for example chmod u+w " + CommandPath(name) + ") and save again"}
	}
	if n := linkCount(info); n > 1 {
		q := CommandPath(name)
		return &Refusal{fmt.Sprintf("%s has %d names (hard links), and saving replaces the file, which would leave the other names with the old plan; so ladder left it as it is", name, n),
			"give it a file of its own (cp " + q + " " + q + ".new && mv " + q + ".new " + q + ") and save again"}
	}
	return nil
}

// readCurrent reads the file as it is now, or reports (nil info) that
// there is none. Anything but a regular file is refused, so a plan swapped
// for a named pipe cannot hang a save.
func readCurrent(path string) ([]byte, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return data, info, nil
}

// createNew puts a new file in place without ever replacing one: it is
// linked in from a temporary file, and a link fails if the name is taken.
// (Where the file system has no hard links, the caller's folder lock and
// check stand in for that guarantee, and the file is renamed in.)
func createNew(path string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(path, perm, false, writeBytes(data))
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return linkNew(tmp, path)
}

// linkNew puts the temporary file tmp in place as path, which must not
// exist (see createNew); the caller removes tmp.
func linkNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: %w", path, fs.ErrExist)
		}
		if _, serr := os.Lstat(path); serr == nil {
			return fmt.Errorf("%s already exists: %w", path, fs.ErrExist)
		}
		if err := os.Rename(tmp, path); err != nil {
			return err
		}
	}
	syncDir(folderOf(path))
	return nil
}

func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// writeTemp writes what write writes to a new temporary file beside path,
// named .NAME.DIGITS.tmp (hidden, and never taken for a plan). The file is
// created with perm, less the umask; keep says the mode is an existing
// file's, to be kept exactly whatever the umask.
func writeTemp(path string, perm fs.FileMode, keep bool, write func(io.Writer) error) (string, error) {
	dir, base := folderOf(path), filepath.Base(path)
	var f *os.File
	var err error
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", err
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	if err := write(w); err != nil {
		return fail(err)
	}
	if err := w.Flush(); err != nil {
		return fail(err)
	}
	if keep {
		if err := f.Chmod(perm); err != nil {
			return fail(err)
		}
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// isLeftoverOf reports whether name is one of the temporary files
// writeTemp makes for a file called base (.BASE.DIGITS.tmp).
func isLeftoverOf(name, base string) bool {
	digits, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	digits, ok = strings.CutSuffix(digits, ".tmp")
	if !ok || digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// removeLeftovers deletes the temporary files of path that a save killed
// half way left behind. It runs under the folder lock, when no other
// ladder process is writing one of them.
func removeLeftovers(path string) {
	dir, base := folderOf(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isLeftoverOf(e.Name(), base) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func folderOf(path string) string {
	if dir := filepath.Dir(path); dir != "" {
		return dir
	}
	return "."
}

// syncDir makes a rename durable. Some systems cannot sync a folder; the
// rename itself is still atomic there, so the error is not fatal.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// File is a plan tied to its file on disk. It remembers the bytes it last
// read or wrote, so that Save can refuse to overwrite changes made by
// someone else in the meantime, and it marks the plan as open for as long
// as it is (until Close or the end of the process), so that another ladder
// session opening the same plan can be told (OpenElsewhere).
type File struct {
	Path string
	Plan *Plan

	mu      sync.Mutex // guards disk and written, for saves from goroutines
	disk    []byte     // the file's contents as last seen by this process
	written uint64     // sequence number of the last snapshot written

	marker    *presence
	elsewhere bool

	// Slips are the hand-edit slips ladder check warns about
	// (ParseForCheck), found when the file was opened: a save writes what
	// the plan holds, and the text after a "#" they point at is not in it.
	Slips []Slip
}

// Open loads a plan file for editing, and marks it open in this session.
func Open(path string, resolve Resolver) (*File, error) {
	f, err := load(path, resolve, true)
	if err != nil {
		return nil, err
	}
	f.marker, f.elsewhere = markOpen(path)
	return f, nil
}

// load reads a plan file; slips: look for the hand-edit slips too.
func load(path string, resolve Resolver, slips bool) (*File, error) {
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// Opened to be saved again: the slips are looked for, once, so that
	// the person is told before a save makes them the plan's words.
	p, found, err := parse(path, data, resolve, slips)
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Plan: p, disk: data, Slips: slipsIn(data, found)}, nil
}

// Create writes a new plan file, and marks it open in this session; it
// fails if the file exists.
func Create(path string, p *Plan) (*File, error) {
	data := Encode(p)
	if err := tooBig(data); err != nil {
		return nil, err
	}
	if err := CreateFileAtomic(path, data, newFilePerm); err != nil {
		return nil, err
	}
	f := &File{Path: path, Plan: p, disk: data}
	f.marker, f.elsewhere = markOpen(path)
	return f, nil
}

// OpenElsewhere reports whether another ladder session (another process,
// or another File in this one) had the plan open when this File opened it.
// Both sessions can carry on: saving is compare-and-swap, so whichever
// saves second is told (ErrChangedOnDisk) and nothing is lost. A session
// that was killed does not count: its mark went with its process.
func (f *File) OpenElsewhere() bool { return f.elsewhere }

// Close ends this session's mark on the plan. The File can still be saved.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.marker.release()
	f.marker = nil
	return nil
}

// Save writes the plan if it changed. It returns ErrChangedOnDisk, and
// writes nothing, if the file on disk is no longer what this File last saw.
func (f *File) Save() (written bool, err error) {
	f.mu.Lock()
	seq := f.written + 1
	f.mu.Unlock()
	return f.WriteSnapshot(seq, Encode(f.Plan))
}

// WriteSnapshot saves data, the encoding of the plan taken at some moment
// and numbered seq by the caller in the order the moments happened. It is
// safe to call from several goroutines: a snapshot older than one already
// written is dropped, so saves land in the order they were made even if
// their goroutines run out of order. Like Save, it refuses to overwrite a
// file someone else changed: the comparison and the rename are one step
// under the folder lock, so of two sessions saving at once exactly one
// wins and the other gets ErrChangedOnDisk.
func (f *File) WriteSnapshot(seq uint64, data []byte) (written bool, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if seq <= f.written {
		return false, nil
	}
	if err := tooBig(data); err != nil {
		return false, err
	}
	written, err = replaceFile(f.Path, data, newFilePerm, func(current []byte, exists bool) error {
		// Deleted under us: writing it back loses nothing. Someone else
		// wrote exactly what we would: nothing is lost either.
		if exists && !bytes.Equal(current, f.disk) && !bytes.Equal(current, data) {
			return fmt.Errorf("%s: %w", f.Path, ErrChangedOnDisk)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			// Recreated by someone else between our look and our write.
			err = fmt.Errorf("%s: %w", f.Path, ErrChangedOnDisk)
		}
		return false, err
	}
	f.disk = data
	f.written = seq
	return written, nil
}

// Reload replaces the plan with the file's current contents.
func (f *File) Reload(resolve Resolver) error {
	nf, err := load(f.Path, resolve, false) // Slips are told at open only: not looked for again
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Plan, f.disk = nf.Plan, nf.disk
	return nil
}

// SaveCopy writes the plan beside the original, as NAME.copy-N.yaml with
// the first free N, and returns the copy as a File to carry on editing; the
// original file is left alone, and this File no longer marks it open (the
// session has moved to the copy).
func (f *File) SaveCopy() (*File, error) {
	ext := filepath.Ext(f.Path)
	stem := strings.TrimSuffix(f.Path, ext)
	data := Encode(f.Plan)
	if err := tooBig(data); err != nil {
		return nil, err
	}
	perm := newFilePerm
	if info, err := os.Stat(f.Path); err == nil {
		perm = info.Mode().Perm() // a private plan's copy is as private
	}
	for n := 1; n < 1000; n++ {
		path := fmt.Sprintf("%s.copy-%d%s", stem, n, ext)
		err := CreateFileAtomic(path, data, perm)
		if err == nil {
			cp := &File{Path: path, Plan: f.Plan, disk: data}
			cp.marker, _ = markOpen(path)
			f.Close()
			return cp, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("too many copies of %s already", f.Path)
}
