package gitrev

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// maxNames bounds how many names acrossRenames looks for a file under:
// each new name found costs another walk.
const maxNames = 16

// acrossRenames lists, newest first, the commits older than a rename that
// changed the file at path, and calls fn with those not in seen (listed
// already). git log --follow follows one name per walk, by date: where a
// branch renamed the file and the merge renamed it too (against main),
// it took the merge's old name for every older commit, so the branch's
// rename read as a deletion and the branch's later edits were left out.
// Here git log walks every name the file has had (names, and any more
// found on the way), and the name is followed along each line of history
// on its own: a commit's parent has the file under the name the commit
// renamed it from, or under the same name; a name the file had once,
// used by another file since, is not taken for it.
func (r *Repo) acrossRenames(path string, names []string, seen map[string]bool, fn func(Commit) error) error {
	for {
		commits, err := r.graphLog(names)
		if err != nil {
			return fmt.Errorf("reading the git history of %s: %w", path, err)
		}
		listed, more, err := r.followNames(commits, path, names, len(names) < maxNames)
		if err != nil {
			return fmt.Errorf("reading the git history of %s: %w", path, err)
		}
		if more != "" {
			names = append(names, more)
			continue
		}
		for _, c := range listed {
			if seen[c.Hash] {
				continue
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		return nil
	}
}

// graphCommit is a commit of graphLog: its parents (as the walk
// rewrote them, the nearest that changed one of the names) and its raw
// entries against its first parent.
type graphCommit struct {
	Commit
	parents []string
	entries []rawEntry
}

type rawEntry struct {
	status     byte
	blob       string
	from, path string
}

// graphLog is git log over the names, every line of history kept
// (--full-history), no parent before its children (--date-order),
// renames between the names found (-M).
func (r *Repo) graphLog(names []string) ([]graphCommit, error) {
	args := []string{"--literal-pathspecs", "log", "--full-history", "--parents", "--date-order", "-M", "--diff-merges=first-parent",
		"--raw", "-z", "--format=%H%x1f%h%x1f%aI%x1f%P%x1f%s", "HEAD", "--"}
	args = append(args, names...)
	out, err := git(r.Root, args...)
	if err != nil {
		return nil, err
	}
	var commits []graphCommit
	fields := strings.Split(string(out), "\x00")
	for i := 0; i < len(fields); i++ {
		f := strings.TrimPrefix(fields[i], "\n")
		switch {
		case f == "":
		case !strings.HasPrefix(f, ":"):
			h := strings.SplitN(f, "\x1f", 5)
			if len(h) != 5 {
				return nil, fmt.Errorf("unexpected line %q", f)
			}
			c, err := parseLogHeader(f)
			if err != nil {
				return nil, err
			}
			commits = append(commits, graphCommit{Commit: c, parents: strings.Fields(h[3])})
		default:
			raw := strings.Fields(f)
			if len(commits) == 0 || len(raw) != 5 || i+1 >= len(fields) {
				return nil, fmt.Errorf("unexpected entry %q", f)
			}
			e := rawEntry{status: raw[4][0], blob: raw[3], path: fields[i+1]}
			i++
			if e.status == 'R' || e.status == 'C' {
				if i+1 >= len(fields) {
					return nil, fmt.Errorf("unexpected entry %q", f)
				}
				e.from, e.path = e.path, fields[i+1]
				i++
			}
			c := &commits[len(commits)-1]
			c.entries = append(c.entries, e)
		}
	}
	return commits, nil
}

// followNames follows the file from the newest commit (where it is at
// path) to its parents, and lists the commits that changed it, in the
// log's order. When the file came from a name not among names, it
// returns that name instead, to walk again with it; or, when grow is
// false (names are as many as it looks for), that line of history ends
// there.
func (r *Repo) followNames(commits []graphCommit, path string, names []string, grow bool) (listed []Commit, more string, err error) {
	known := func(name string) bool { return name == "" || slices.Contains(names, name) }
	want := map[string]string{}
	set := func(parent, name string) {
		if _, ok := want[parent]; !ok {
			want[parent] = name
		}
	}
	for i, gc := range commits {
		name, ok := want[gc.Hash]
		if i == 0 && !ok {
			name, ok = path, true
		}
		if !ok || name == "" {
			continue // not on the file's lines of history
		}
		c := gc.Commit
		c.Path = name
		j := slices.IndexFunc(gc.entries, func(e rawEntry) bool { return e.path == name })
		first := name // the file's name in the first parent
		if j >= 0 {
			e := gc.entries[j]
			switch e.status {
			case 'R':
				c.RenamedFrom, first = e.from, e.from
			case 'A':
				// Asked of the commit, not of gc.parents: the walk drops
				// the parents that never had one of the names, and so
				// those of a move from a name not yet among them.
				from, err := r.renamedFrom(gc.Hash, name)
				if err != nil {
					return nil, "", err
				}
				if !known(from) && grow {
					return nil, from, nil
				}
				c.RenamedFrom, first = from, from
				if !known(from) {
					first = ""
				}
			}
			if e.status == 'D' {
				c.Deleted = true
			} else {
				c.Blob = e.blob
			}
			listed = append(listed, c)
		}
		if len(gc.parents) > 0 && first != "" {
			set(gc.parents[0], first)
		}
		for k := 1; k < len(gc.parents); k++ {
			// The merge's entries are against its first parent: where the
			// file is in the others, git says by comparing.
			from, err := r.nameInParent(gc.Hash+"^"+strconv.Itoa(k+1), gc.Hash, name)
			if err != nil {
				return nil, "", err
			}
			if !known(from) && grow {
				return nil, from, nil
			}
			if !known(from) {
				from = ""
			}
			set(gc.parents[k], from)
		}
	}
	return listed, "", nil
}

// renamedFrom is the name the file at path in commit had in its first
// parent, when git finds commit renamed it (comparing the whole trees),
// or "" (a commit with no parent renamed nothing).
func (r *Repo) renamedFrom(commit, path string) (string, error) {
	from, status, err := r.compare(path, "--root", "--diff-merges=first-parent", commit)
	if status != 'R' {
		from = ""
	}
	return from, err
}

// nameInParent is the file's name in parent, of the file at path in
// commit: "" when parent does not have it.
func (r *Repo) nameInParent(parent, commit, path string) (string, error) {
	// A file parent has at path is the file there: git -M finds renames
	// only to a name the old tree lacks. One question to the cat-file
	// already running, not a process comparing the whole trees, for each
	// merge on the file's lines of history (most merge another branch's
	// work on other files).
	if checkLine("path", path) == nil {
		obj, err := r.object(parent + ":" + path)
		if err != nil {
			return "", err
		}
		if obj.status == "" && obj.kind == "blob" {
			return path, nil
		}
	}
	from, status, err := r.compare(path, parent, commit)
	switch status {
	case 0:
		return path, err
	case 'R':
		return from, err
	case 'A':
		return "", err
	}
	return path, err
}

// compare finds path's entry in git diff-tree's comparison of revs (two
// trees, or a commit and its parent), renames detected: its status (0
// when unchanged) and its old name.
func (r *Repo) compare(path string, revs ...string) (string, byte, error) {
	entries, err := r.diffTree(revs...)
	for _, e := range entries {
		if e.name == path {
			return e.old, e.status, nil
		}
	}
	return "", 0, err
}

// RenamedTo is the name that the file at path in commit's first parent
// has in commit, when git finds commit renamed it (comparing the whole
// trees, as git log --follow does going back): "" when commit removed it
// outright, or left it where it was. A file followed forward from a name
// it no longer has, such as a plan archived and then removed, is found
// under its later name this way.
func (r *Repo) RenamedTo(commit, path string) (string, error) {
	if !isHex(commit) {
		return "", fmt.Errorf("%q is not a commit name: resolve it first", commit)
	}
	entries, err := r.diffTree("--root", "--diff-merges=first-parent", commit)
	for _, e := range entries {
		if e.status == 'R' && e.old == path {
			return e.name, nil
		}
	}
	return "", err
}

// treeChange is one entry of git diff-tree: a file's status, and its name
// before and after (the same but for a rename or copy).
type treeChange struct {
	status    byte
	old, name string
}

// diffTree is git diff-tree's comparison of revs, renames detected.
func (r *Repo) diffTree(revs ...string) ([]treeChange, error) {
	args := append([]string{"diff-tree", "-r", "-M", "--raw", "-z", "--no-commit-id"}, revs...)
	out, err := git(r.Root, args...)
	if err != nil {
		return nil, err
	}
	var entries []treeChange
	fields := strings.Split(string(out), "\x00")
	for i := 0; i+1 < len(fields); i++ {
		raw := strings.Fields(fields[i])
		if len(raw) != 5 || !strings.HasPrefix(raw[0], ":") {
			return entries, fmt.Errorf("git diff-tree: unexpected entry %q", fields[i])
		}
		e := treeChange{status: raw[4][0], old: fields[i+1], name: fields[i+1]}
		i++
		if e.status == 'R' || e.status == 'C' {
			if i+1 >= len(fields) {
				break
			}
			e.name = fields[i+1]
			i++
		}
		entries = append(entries, e)
	}
	return entries, nil
}
