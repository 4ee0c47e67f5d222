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
