package gitrev

import (
	"errors"
	"fmt"
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
	cmd := exec.Command("git", "merge-file", "-p",
		"-L", labels[0], "-L", labels[1], "-L", labels[2],
		names[0], names[1], names[2])
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out, 0, nil
	case errors.Is(err, exec.ErrNotFound):
		return nil, 0, errorf(ErrNoGit, "git is not installed (https://git-scm.com)")
	case errors.As(err, &exit) && exit.ExitCode() > 0 && exit.ExitCode() < 128:
		return out, exit.ExitCode(), nil
	}
	return nil, 0, fmt.Errorf("git merge-file: %w", err)
}
