package plans

import (
	"errors"
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
)

// HistoryEntry is a plan as it was at one commit: its rating counts, or why
// it could not be read there. Reading git is the caller's business, and
// laying the entries out as a table is package render's.
type HistoryEntry struct {
	Commit  string // abbreviated hash
	Date    Date
	Subject string
	// Merge says the commit is a merge: in a history along first parents,
	// it stands for its branch's commits.
	Merge bool
	// RenamedFrom is the plan's file name before this commit, when this
	// commit renamed it.
	RenamedFrom string
	// Review is the plan this commit changed, when it is not the plan
	// whose history this is but a review that plan carried on from
	// (last year's): "" for the plan's own commits.
	Review string
	// Checklist is the checklist the plan followed at this commit, and
	// Counts its rating counts per area; Checklist is nil when the file did
	// not load. Only the counts are kept, not the plan: a history can run
	// to thousands of commits.
	Checklist *checklist.Checklist
	Counts    []AreaCounts
	// Actions is how many of the plan's actions were done at this commit,
	// of how many (see ActionCounts).
	Actions ActionCounts
	// Problem says why Checklist is nil: the file was deleted, or what was
	// wrong with it ("12:5: rating \"purple\" is not one of ...").
	Problem string
}

// SetPlan records the plan as it was at the entry's commit.
func (e *HistoryEntry) SetPlan(p *Plan) {
	e.Checklist = p.Checklist
	e.Counts, _ = p.Counts()
	e.Actions = p.ActionCounts()
}

// Count records the plan at the entry's commit from the file's bytes
// without decoding it whole, as CountRatings does, and reports whether it
// could. When it could not, the caller parses data and calls SetPlan, or
// records the problem.
func (e *HistoryEntry) Count(name string, data []byte, resolve Resolver) bool {
	c, counts, actions, ok := countVersion(name, data, resolve)
	if ok {
		e.Checklist, e.Counts, e.Actions = c, counts, actions
	}
	return ok
}

// ProblemSummary is the first problem of a load error on one line, with a
// count of the rest, for a table row.
func ProblemSummary(err error) string {
	var fe *FileError
	if errors.As(err, &fe) && len(fe.Problems) > 0 {
		s := fe.Problems[0].String()
		if n := len(fe.Problems) - 1; n == 1 {
			s += " (and 1 more problem)"
		} else if n > 1 {
			s += fmt.Sprintf(" (and %d more problems)", n)
		}
		return s
	}
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}
