package strictyaml

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadFile reads a file to be parsed, refusing anything that is not a
// regular file and reading at most MaxFileSize bytes. os.ReadFile would wait
// forever on a named pipe and read /dev/zero until memory runs out, and the
// path may come from inside another file (a plan's checklist.file), so its
// author, not the user, chooses it. For the same reason a path that is a
// symbolic link is followed only to a file inside the tree the link sits
// in (see Root): a link committed in a pull request must not make ladder
// read a file from elsewhere on the machine.
//
// What it refuses comes back as a *FileError at 1:1 (a file over the cap
// too, as Parse gives for too much data), so that every message about a
// file carries FILE:LINE:COL. A path that does not exist gives the usual
// error wrapping fs.ErrNotExist.
func ReadFile(path string) ([]byte, error) {
	// Lstat, then Stat only for a link: opening a named pipe blocks until
	// a writer comes, so nothing is opened before its kind is known.
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if info, err = followLink(path); err != nil {
			return nil, err
		}
	}
	if !info.Mode().IsRegular() {
		return nil, fileProblem(path, "not a regular file ("+kindOfFile(info.Mode())+"): ladder reads plans and checklists only from regular files")
	}
	if info.Size() > MaxFileSize {
		return nil, tooBig(path, info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from the Stat, as os.ReadFile does, so a large plan is read
	// into one buffer rather than a series of doubling ones.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		// It grew after the Stat.
		return nil, tooBig(path, int64(len(data)))
	}
	return data, nil
}

// followLink checks where the link at path leads and returns what is
// there.
func followLink(path string) (fs.FileInfo, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
			return info, nil // a pipe the shell made (/dev/fd/63), refused as such
		}
		return nil, fileProblem(path, "a symbolic link to nothing (what it points to does not exist, or links go round in a loop)")
	}
	root, repo := Root(filepath.Dir(path))
	if !Inside(root, target) {
		where := "its folder"
		if repo {
			where = "the repository"
		}
		return nil, fileProblem(path, "a symbolic link to a file outside "+where+": ladder does not follow it (open the file it points to by its own name)")
	}
	return os.Stat(target)
}

// Root is the tree that the files a file in dir names or links to must stay
// inside: the git work tree holding dir (the nearest folder at or above it
// with a .git); outside git, dir itself, or the folder above it when dir is
// a "plans" folder (ladder's own layout: a project folder holding plans/
// and, beside it, checklists/). repo says whether it is a repository.
func Root(dir string) (root string, repo bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir, false
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if filepath.Base(abs) == "plans" {
		return filepath.Dir(abs), false
	}
	return abs, false
}

// FolderLinkOut returns the folder on the way to path that is a symbolic
// link inside a git work tree leading out of it, or "" if there is none.
// A repository can hold such a link (reports -> /home/you/.config), and a
// file written "inside" the repository must not land out of it that way.
// Links outside any repository (a home folder that is a link) are the
// user's own, and are followed.
func FolderLinkOut(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	var folders []string
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		folders = append(folders, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(folders) - 1; i >= 0; i-- { // from the top down
		d := folders[i]
		info, err := os.Lstat(d)
		if err != nil {
			return "" // not made yet, and nor is anything below it
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if root, repo := Root(filepath.Dir(d)); repo && !Inside(root, d) {
			return d
		}
	}
	return ""
}

// Inside reports whether path is root or in the tree below it, both with
// every symbolic link resolved (as far as they exist).
func Inside(root, path string) bool {
	return within(RealPath(root), RealPath(path))
}

// RealPath is p made absolute, with every symbolic link resolved as far
// as the path exists (as it is, where it cannot be).
func RealPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return p
}

// Within reports whether path is root or below it, lexically: Inside for
// paths whose links the caller has resolved already (a caller asking
// about many files in few folders resolves each folder once).
func Within(root, path string) bool { return within(root, path) }

// within reports whether path is root or below it, lexically.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func kindOfFile(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func fileProblem(path, msg string) *FileError {
	return &FileError{Path: path, Problems: Problems{{1, 1, msg}}}
}

func tooBig(path string, size int64) *FileError {
	return fileProblem(path, TooLarge(size))
}

// TooLarge is the problem with content of size bytes, over MaxFileSize,
// without the file's name: the same words for a file on disk, data given
// to Parse, and a version read through git.
func TooLarge(size int64) string {
	return fmt.Sprintf("file is %d bytes, over the %d byte limit", size, MaxFileSize)
}
