package plans

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Find expands paths into plan files. A file is taken as named, whatever its
// name; a folder is walked for plan files (see IsPlanFile), skipping hidden
// folders such as .git, and testdata folders. The result is in the order
// the paths were given, each folder's files in lexical order, without
// duplicates. A path that does not exist is an error that wraps
// fs.ErrNotExist.
func Find(paths ...string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path == root {
				return nil
			}
			if d.IsDir() {
				if SkippedFolder(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
				if IsPlanFile(d.Name()) {
					add(path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading folder %s: %w", root, err)
		}
	}
	return out, nil
}

// SkippedFolder reports whether the folder commands (and Find) pass over
// a folder of this name: hidden ones (.git) and testdata, as the go tool
// does. This repository's own plans/ package folder is also the default
// plans folder, and its fixtures are not plans.
func SkippedFolder(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".." || name == "testdata"
}
