package plans

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
)

// ChecklistFor is the one rule for which checklist a plan uses, followed
// by the review, its accessible mode and every command:
//
//  1. preferred (the --checklist flag), for a plan that names its id (a
//     built-in one only for a plan that names no checklist file);
//  2. the checklist file the plan names (checklist.file), relative to the
//     plan's folder planDir and held inside the repository (ChecklistPath),
//     read with load (nil: checklist.LoadFile, from disk; diff reads it as
//     it was at a commit);
//  3. the built-in checklist of the plan's id.
//
// A plan of another checklist than preferred is not refused: a plans folder
// may hold reviews made with several checklists.
func ChecklistFor(ref ChecklistRef, planDir string, preferred *checklist.Checklist, load func(path string) (*checklist.Checklist, error)) (*checklist.Checklist, error) {
	if preferred != nil && ref.ID == preferred.ID && !(ref.File != "" && preferred.IsBuiltin()) {
		return preferred, nil
	}
	if ref.File != "" {
		path, err := ChecklistPath(ref.File, planDir)
		if err != nil {
			return nil, err
		}
		if load == nil {
			load = checklist.LoadFile
		}
		c, err := load(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, checklistMissing(ref.File, path, planDir)
		}
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			// The system's error names the whole path, from the plan:
			// quote an excerpt of it instead ("file name too long").
			return nil, fmt.Errorf("checklist file %s cannot be read (named by checklist.file): %v", safetext.Quote(ref.File), pe.Err)
		}
		if err == nil && ref.ID != "" && c.ID != ref.ID {
			// Someone changed the id in the file the plan names: say which
			// file, and the two ways out.
			return nil, fmt.Errorf("checklist file %s has id %s, but the plan follows %s: put the id back in the checklist file, or change the plan's checklist id to %s",
				safetext.Quote(ref.File), safetext.Quote(c.ID), safetext.Quote(ref.ID), safetext.Quote(c.ID))
		}
		return c, err
	}
	if c, ok := checklist.Builtin(ref.ID); ok {
		return c, nil
	}
	hint := ""
	if near := NearBuiltinChecklists(ref.ID); len(near) > 0 {
		hint = " (did you mean " + strings.Join(near, " or ") + "?)"
	}
	return nil, fmt.Errorf("unknown checklist %s: not built in, and the plan names no checklist file%s", safetext.Quote(ref.ID), hint)
}

// checklistMissing says that the checklist file a plan names (file, at
// path) is not there, and what to do. In a repository it may have moved,
// been deleted (git still has it), or never been committed by whoever made
// the plan, which is what a teammate's clone without it meets.
func checklistMissing(file, path, planDir string) error {
	if _, repo := strictyaml.Root(planDir); !repo {
		return fmt.Errorf("checklist file %s not found (named by checklist.file): move it back or fix the path", safetext.Quote(file))
	}
	find := "git log has it"
	if utf8.RuneCountInString(file) <= safetext.ExcerptLength { // a longer one is only quoted in part
		find = "git log -- " + safetext.Line(CommandQuote(filepath.ToSlash(path))) + " finds it"
	}
	return fmt.Errorf("checklist file %s not found (named by checklist.file): if it was moved or renamed, fix the path here; if it was deleted, bring it back (%s); if your copy of the repository never had it, whoever made the plan should commit it",
		safetext.Quote(file), find)
}

// NearBuiltinChecklists lists the built-in checklists someone probably
// meant by an id that is none, nearest first: a typo ("smc-progresion"),
// the id without its "smc-" ("progression"), or its first word or two
// ("building"). Nil when none is near: a list of every id helps more then.
func NearBuiltinChecklists(id string) []string {
	typed := strings.ToLower(strings.TrimSpace(id))
	if typed == "" {
		return nil
	}
	var near []string
	best := 3 // edits: more than two is another word, not a typo
	for _, c := range checklist.Builtins() {
		short := strings.TrimPrefix(c.ID, "smc-")
		dist := min(levenshtein(typed, c.ID), levenshtein(typed, short))
		if len(typed) >= 4 && (strings.HasPrefix(c.ID, typed) && typed != "smc-" || strings.HasPrefix(short, typed)) {
			dist = min(dist, 2)
		}
		switch {
		case dist < best:
			near, best = []string{c.ID}, dist
		case dist == best:
			near = append(near, c.ID)
		}
	}
	return near
}

// PreferChecklist is ChecklistFor as a Resolver, with preferred as the
// --checklist checklist (nil: none).
func PreferChecklist(preferred *checklist.Checklist) Resolver {
	return func(ref ChecklistRef, planDir string) (*checklist.Checklist, error) {
		return ChecklistFor(ref, planDir, preferred, nil)
	}
}

// SharedChecklists is PreferChecklist for reading many plans, on several
// goroutines at once: it loads each checklist file once (by its absolute
// path). The plans of one folder usually share one, and reading and
// validating it again for every plan would cost more than the plan itself.
func SharedChecklists(preferred *checklist.Checklist) Resolver {
	type loaded struct {
		c   *checklist.Checklist
		err error
	}
	var mu sync.Mutex
	seen := map[string]loaded{}
	load := func(path string) (*checklist.Checklist, error) {
		key, err := filepath.Abs(path)
		if err != nil {
			key = path
		}
		mu.Lock()
		defer mu.Unlock()
		if l, ok := seen[key]; ok {
			return l.c, l.err
		}
		c, err := checklist.LoadFile(path)
		seen[key] = loaded{c, err}
		return c, err
	}
	return func(ref ChecklistRef, planDir string) (*checklist.Checklist, error) {
		return ChecklistFor(ref, planDir, preferred, load)
	}
}
