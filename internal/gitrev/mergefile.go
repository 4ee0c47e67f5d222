package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// MergeFile merges three versions of a file by their lines, as git merge
// does: ours and theirs both changed from base. It returns the result and
// how many places conflict (0: a clean merge), where the result has git's
// markers, labelled with the three labels (ours, base, theirs). It runs
// `git merge-file`, so the conflict style is the user's (merge.conflictStyle).
func MergeFile(ours, base, theirs []byte, labels [3]string) (merged []byte, conflicts int, err error) {
	dir, err := os.MkdirTemp("", "ladder-merge-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(dir)
	names := [3]string{filepath.Join(dir, "ours"), filepath.Join(dir, "base"), filepath.Join(dir, "theirs")}
	for i, data := range [3][]byte{ours, base, theirs} {
		if err := os.WriteFile(names[i], data, 0o600); err != nil {
			return nil, 0, err
		}
	}
	var out bytes.Buffer
	conflicts, err = MergeFilesTo(&out, names[0], names[1], names[2], labels)
	if err != nil {
		return nil, 0, err
	}
	return out.Bytes(), conflicts, nil
}

// MergeFilesTo is MergeFile for three files already on disk, the merge
// written to w as git makes it: none of the three is held in memory here
// (git merge-file holds them, as git's own merge would).
func MergeFilesTo(w io.Writer, ours, base, theirs string, labels [3]string) (conflicts int, err error) {
	args := []string{"merge-file", "-p", "-L", labels[0], "-L", labels[1], "-L", labels[2], "--"}
	for _, name := range []string{ours, base, theirs} {
		if err := fileMergesByLines(name); err != nil {
			return 0, err
		}
		// Absolute, so that git, which takes a name relative to the
		// folder it runs in, reads the same file from a subfolder too.
		abs, err := filepath.Abs(name)
		if err != nil {
			return 0, err
		}
		args = append(args, abs)
	}
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.Is(err, exec.ErrNotFound):
		return 0, errorf(ErrNoGit, "git is not installed (https://git-scm.com)")
	case errors.As(err, &exit) && exit.ExitCode() > 0 && exit.ExitCode() < 128:
		return exit.ExitCode(), nil
	}
	return 0, fmt.Errorf("git merge-file: %w", err)
}

// ErrNotText is the merge's answer to a file git does not merge by its
// lines, as git merge-file refuses it: one with a NUL byte in its first
// 8000 (git's test for a binary file), or over 1023 MiB. Its words say
// which, to follow "since": "it is binary (it holds a NUL byte)".
var ErrNotText = errors.New("not a file git merges by its lines")

const (
	binaryPeek   = 8000       // git's FIRST_FEW_BYTES
	mergeFileMax = 1023 << 20 // git's MAX_XDIFF_SIZE
)

// fileMergesByLines says whether the file name is one git merges by its
// lines (nil), or why not (ErrNotText), reading no more than its first
// bytes.
func fileMergesByLines(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	start := make([]byte, binaryPeek)
	n, err := io.ReadFull(f, start)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	switch {
	case bytes.IndexByte(start[:n], 0) >= 0:
		return errorf(ErrNotText, "it is binary (it holds a NUL byte)")
	case info.Size() > mergeFileMax:
		return errorf(ErrNotText, "it is over the %d MiB git merges by lines", mergeFileMax>>20)
	}
	return nil
}
