package plans

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// ErrChangedOnDisk is returned when a plan file was changed by someone else
// (an editor, a git pull) since it was loaded: saving would lose their work.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was loaded")

// WriteFileAtomic replaces path with data so that a crash at any instant
// leaves either the old file or the new one, never a torn one: the data goes
// to a temporary file in the same folder, is synced, then renamed over the
// old file, whose mode it keeps. A file that already holds exactly data is
// not touched, so its modification time stays as it was.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) (written bool, err error) {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return false, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, err
	}
	syncDir(filepath.Dir(path))
	return true, nil
}

// CreateFileAtomic writes a new file whole, and fails with fs.ErrExist if
// path exists, even if another process creates it at the same moment.
func CreateFileAtomic(path string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// A hard link never replaces an existing file, unlike rename.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: %w", path, fs.ErrExist)
		}
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

func writeTemp(path string, data []byte, perm fs.FileMode) (string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", err
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
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
// someone else in the meantime.
type File struct {
	Path string
	Plan *Plan

	mu      sync.Mutex // guards disk and written, for saves from goroutines
	disk    []byte     // the file's contents as last seen by this process
	written uint64     // sequence number of the last snapshot written
}

// Open loads a plan file for editing.
func Open(path string, resolve Resolver) (*File, error) {
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, err := Parse(path, data, resolve)
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Plan: p, disk: data}, nil
}

// Create writes a new plan file; it fails if the file exists.
func Create(path string, p *Plan) (*File, error) {
	data := Encode(p)
	if err := CreateFileAtomic(path, data, 0o644); err != nil {
		return nil, err
	}
	return &File{Path: path, Plan: p, disk: data}, nil
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
// file someone else changed.
func (f *File) WriteSnapshot(seq uint64, data []byte) (written bool, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if seq <= f.written {
		return false, nil
	}
	current, err := os.ReadFile(f.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Deleted under us: writing it back loses nothing.
	case err != nil:
		return false, err
	case !bytes.Equal(current, f.disk):
		return false, fmt.Errorf("%s: %w", f.Path, ErrChangedOnDisk)
	case bytes.Equal(current, data):
		f.written = seq
		return false, nil
	}
	if _, err := WriteFileAtomic(f.Path, data, 0o644); err != nil {
		return false, err
	}
	f.disk = data
	f.written = seq
	return true, nil
}

// Reload replaces the plan with the file's current contents.
func (f *File) Reload(resolve Resolver) error {
	nf, err := Open(f.Path, resolve)
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
// original is left alone.
func (f *File) SaveCopy() (*File, error) {
	ext := filepath.Ext(f.Path)
	stem := strings.TrimSuffix(f.Path, ext)
	data := Encode(f.Plan)
	for n := 1; n < 1000; n++ {
		path := fmt.Sprintf("%s.copy-%d%s", stem, n, ext)
		err := CreateFileAtomic(path, data, 0o644)
		if err == nil {
			return &File{Path: path, Plan: f.Plan, disk: data}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("too many copies of %s already", f.Path)
}
