// Package plans is what a review plan is and how it lives on disk: the
// schema, strict loading with file:line:col problems, the canonical YAML
// encoding (deterministic, commented, merge-friendly), atomic saving, and
// the summaries and comparisons built from plans.
//
// It imports no terminal code: the screens in tui and the commands in main
// both go through it.
package plans

import (
	"maps"
	"math/rand/v2"
	"os"
	"slices"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/strictyaml"
)

// SchemaVersion is the plan file format this build writes and the newest it
// reads.
const SchemaVersion = 1

// Status is how far an action has got.
type Status string

const (
	StatusTodo  Status = "todo"
	StatusDoing Status = "doing"
	StatusDone  Status = "done"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusTodo, StatusDoing, StatusDone}

// Open reports whether the action still needs doing.
func (s Status) Open() bool { return s != StatusDone }

// OpenAction reports whether the item has an action still to do: words,
// not done. It is the one rule for what ladder status chases, what
// carrying on takes across, and what a diff counts as carried.
func (r *Response) OpenAction() bool { return r != nil && r.Action != "" && r.Status.Open() }

// Open reports whether a project-plan step is still to do: words, not
// done. A step with no words (one following an item whose action was
// cleared) is nothing to chase, nor to carry on.
func (s Step) Open() bool { return s.Text != "" && s.Status.Open() }

// ChecklistRef names the checklist a plan was made with.
type ChecklistRef struct {
	ID      string
	Version string
	// File is the path of a custom checklist, relative to the plan's folder;
	// empty for a built-in checklist.
	File string
}

// Plan is one review: who did it, when, every item's rating and action, and
// the answers to the follow-up questions.
type Plan struct {
	Schema       int
	ChecklistRef ChecklistRef
	Organisation string
	Title        string
	Date         Date
	Facilitator  string
	Participants []string
	// PreviousReview names the plan this review carried on from (see
	// CarryOn), and NextReview the plan that carried this one's open
	// actions on: paths relative to the plan's own folder, with forward
	// slashes, each written to the file only when set. A plan with a next
	// review has nothing left to chase: its open actions are the next
	// review's now, and ladder status and check count them there.
	PreviousReview string
	NextReview     string
	// Items holds one response per checklist item, keyed by item id.
	Items map[string]*Response
	// FollowUps holds one answer per follow-up question, keyed by its id.
	FollowUps map[string]*Answer

	// Checklist is the checklist the plan was loaded or created with. It is
	// not stored in the file (only ChecklistRef is).
	Checklist *checklist.Checklist

	// positions maps an item id, or "followup#step", to where its due date
	// is in the file the plan was loaded from.
	positions map[string]Problem
	// comments are the comments people wrote in the file the plan was
	// loaded from, which Encode writes again (see comments.go).
	comments *fileComments
	// layout: the line endings and byte-order mark of the file the plan
	// was loaded from, which Encode writes again.
	layout strictyaml.Layout
}

// Response is the review's answer to one checklist item.
type Response struct {
	Rating string // a scale key, or checklist.Unrated
	// Votes are the room's votes in the final round before the rating was
	// agreed; nil when the item was not voted on from phones.
	Votes *Votes
	// Revisit flags an item to come back to (parked): its rating, if any,
	// is not settled. Written to the file only when set.
	Revisit bool
	Action  string
	Owner   string
	Due     Date
	Status  Status
	Notes   string
}

// Revisits are the items flagged to revisit, in checklist order.
func (p *Plan) Revisits() []checklist.Entry {
	var out []checklist.Entry
	for _, e := range p.Checklist.Items() {
		if r := p.Items[e.Item.ID]; r != nil && r.Revisit {
			out = append(out, e)
		}
	}
	return out
}

// Rated reports whether the item has a rating.
func (r *Response) Rated() bool { return r.Rating != "" && r.Rating != checklist.Unrated }

// Answer is the answer to one follow-up question. Which fields are used
// depends on the question's kind: List for "list", ByArea for "per-area",
// Text for "text", Steps for "plan"; "counts" stores only its due date,
// because the counts are derived from the ratings.
type Answer struct {
	Text   string
	List   []string
	ByArea map[string]string // keyed by area id
	Steps  []Step
	Due    Date
}

// Step is one step of the project plan.
type Step struct {
	// ID is stable for the step's life, so diffs can follow a step that
	// was edited or moved. New steps take the next unused number.
	ID     int
	Text   string
	Owner  string
	Due    Date
	Status Status
	// From is the id of the checklist item whose action the step came from.
	From string
}

// New returns an empty, unrated plan for a checklist.
func New(c *checklist.Checklist, org, title string, date Date) *Plan {
	p := &Plan{
		Schema:       SchemaVersion,
		ChecklistRef: ChecklistRef{ID: c.ID, Version: c.Version},
		Organisation: org,
		Title:        title,
		Date:         date,
		Checklist:    c,
	}
	p.fillMissing()
	return p
}

// fillMissing gives every checklist item and follow-up an entry, so code
// that reads a plan never meets a nil response.
func (p *Plan) fillMissing() {
	if p.Items == nil {
		p.Items = map[string]*Response{}
	}
	if p.FollowUps == nil {
		p.FollowUps = map[string]*Answer{}
	}
	for _, e := range p.Checklist.Items() {
		if p.Items[e.Item.ID] == nil {
			p.Items[e.Item.ID] = &Response{}
		}
		r := p.Items[e.Item.ID]
		if r.Rating == "" {
			r.Rating = checklist.Unrated
		}
		if r.Status == "" {
			r.Status = StatusTodo
		}
	}
	for _, f := range p.Checklist.FollowUps {
		if p.FollowUps[f.ID] == nil {
			p.FollowUps[f.ID] = &Answer{}
		}
		a := p.FollowUps[f.ID]
		for i := range a.Steps {
			if a.Steps[i].Status == "" {
				a.Steps[i].Status = StatusTodo
			}
		}
	}
}

// Response returns the response for an item id (never nil for an item of
// the plan's checklist).
func (p *Plan) Response(itemID string) *Response { return p.Items[itemID] }

// Answer returns the answer to a follow-up (never nil for a follow-up of the
// plan's checklist).
func (p *Plan) Answer(followUpID string) *Answer { return p.FollowUps[followUpID] }

// NextStepID returns the id for a new project-plan step in an answer: a
// five-digit number chosen at random among those that no step of the
// answer, nor any of reserved (steps undo may bring back), has. Ids that
// count up (1, 2, 3) are picked twice when two people add a step on two
// branches at once, and the merged plan has two step 3s; two random
// five-digit ids are the same once in 90,000. Any positive number is an
// id, so plans whose steps count up stay valid.
//
// With LADDER_STEP_IDS=counted in the environment, ids count up from the
// highest in use instead: for tests and demonstrations that must give the
// same file every run.
func (a *Answer) NextStepID(reserved ...int) int {
	taken := map[int]bool{}
	highest := 0
	for _, id := range reserved {
		taken[id], highest = true, max(highest, id)
	}
	for _, s := range a.Steps {
		taken[s.ID], highest = true, max(highest, s.ID)
	}
	if os.Getenv(StepIDsEnv) == "counted" {
		return highest + 1
	}
	for {
		if id := 10000 + rand.IntN(90000); !taken[id] {
			return id
		}
	}
}

// StepIDsEnv names the environment variable that makes NextStepID count.
const StepIDsEnv = "LADDER_STEP_IDS"

// Clone copies everything of p that an editor may change in place
// (responses, answers, their lists, maps and steps), so that the copy can
// be encoded on another goroutine while editing carries on. The checklist
// and the loader's positions are shared: nothing changes them.
func (p *Plan) Clone() *Plan {
	cp := *p
	cp.Participants = slices.Clone(p.Participants)
	cp.Items = make(map[string]*Response, len(p.Items))
	for id, r := range p.Items {
		rc := *r
		rc.Votes = r.Votes.Clone()
		cp.Items[id] = &rc
	}
	cp.FollowUps = make(map[string]*Answer, len(p.FollowUps))
	for id, a := range p.FollowUps {
		ac := *a
		ac.List = slices.Clone(a.List)
		ac.ByArea = maps.Clone(a.ByArea)
		ac.Steps = slices.Clone(a.Steps)
		cp.FollowUps[id] = &ac
	}
	return &cp
}
