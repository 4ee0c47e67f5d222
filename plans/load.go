package plans

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// FileError is the error for a plan (or checklist) that did not load: every
// problem with its line and column. See strictyaml.FileError.
type FileError = strictyaml.FileError

// Problem is one problem in a file.
type Problem = strictyaml.Problem

// Resolver finds the checklist a plan names. planDir is the folder of the
// plan file, against which a relative checklist file is resolved.
type Resolver func(ref ChecklistRef, planDir string) (*checklist.Checklist, error)

// DefaultResolver finds built-in checklists by id, and custom ones through
// the plan's checklist.file (see ChecklistFor and ChecklistPath). The file
// is read with strictyaml.ReadFile: the plan's author chose the path, which
// could be a pipe or a device.
func DefaultResolver(ref ChecklistRef, planDir string) (*checklist.Checklist, error) {
	return ChecklistFor(ref, planDir, nil, nil)
}

// ChecklistPath is where a plan in planDir finds the custom checklist its
// checklist.file names. A plan file can come from anyone (a pull request,
// an email), and `ladder check` runs in CI with the runner's files around
// it, so the name is held to what a checklist kept with the plans needs: a
// relative path, to a file inside the repository that holds the plan (or,
// outside git, inside the plan's folder), with no symbolic link leading out
// of it (see strictyaml.Root for the folder that holds plans/ outside git).
// Whether it is a regular file is checked when it is read.
func ChecklistPath(file, planDir string) (string, error) {
	if filepath.IsAbs(file) || filepath.VolumeName(file) != "" || strings.HasPrefix(file, "/") || strings.HasPrefix(file, `\`) || onADrive(file) {
		return "", fmt.Errorf("checklist file %s should be a path relative to the plan's folder, not an absolute one", safetext.Quote(file))
	}
	path, real, repo, inside := joinInside(planDir, file)
	if !inside {
		if repo {
			return "", fmt.Errorf("checklist file %s is outside the repository: ladder reads only checklists kept in the repository with the plans", safetext.Quote(file))
		}
		return "", fmt.Errorf("checklist file %s is outside the plan's folder: outside a git repository, ladder reads only checklists kept in the plan's folder or below it (or beside a plans folder, in the folder that holds it)", safetext.Quote(file))
	}
	if inGitsFolder(file) || inGitsFolder(real) {
		return "", fmt.Errorf("checklist file %s is in .git, git's own folder: ladder reads only checklists kept in the repository with the plans, outside .git", safetext.Quote(file))
	}
	return path, nil
}

// inGitsFolder reports whether a path goes through a folder named .git:
// git's own files, never a checklist, where .git/config can hold a token
// in a remote's address. A checklist that does not load has its first
// mistake said, a key or a line of it, in a pull request's log. A name
// that a case-blind disk, or Windows, which drops dots and spaces at the
// end of a name, reads as .git counts too. Outside git the name is only a
// name, but still refused. Only the path below the repository is looked
// at: some tools keep worktrees inside a .git folder
// (.git/beads-worktrees/NAME), and every checklist there was refused.
func inGitsFolder(path string) bool {
	for _, part := range strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' }) {
		if strings.EqualFold(strings.TrimRight(part, ". "), ".git") {
			return true
		}
	}
	return false
}

// joinInside is the file a plan in planDir names by ref (relative, with
// forward slashes), where it really is (its links followed, relative to
// the tree's root, the root's links followed too), and whether it stays
// inside the tree such names may lead to (strictyaml.Root: the
// repository, or outside git the plan's folder), which repo says it is.
func joinInside(planDir, ref string) (path, real string, repo, inside bool) {
	path = filepath.Join(planDir, refPath(ref))
	root, repo := strictyaml.Root(planDir)
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, "", repo, false
	}
	realRoot, real := strictyaml.RealPath(root), strictyaml.RealPath(abs)
	if !strictyaml.Within(realRoot, real) {
		return path, "", repo, false
	}
	real, err = filepath.Rel(realRoot, real)
	return path, real, repo, err == nil
}

// refPath is the relative path a plan's checklist.file names, in the
// system's separators. A backslash is a separator wherever ladder runs, not
// on Windows alone: a person on Windows who moved the checklist and put its
// path right by hand writes ..\checklists\ours.yaml, and the plan must find
// it on a colleague's Mac and in CI too (no one names a checklist with a
// backslash in its name).
func refPath(ref string) string {
	return filepath.FromSlash(strings.ReplaceAll(ref, `\`, "/"))
}

// onADrive reports whether a path starts at a Windows drive (C:\ or C:/),
// which is absolute on Windows, and no path inside a repository elsewhere.
func onADrive(ref string) bool {
	return len(ref) >= 2 && ref[1] == ':' && ('a' <= ref[0]|0x20 && ref[0]|0x20 <= 'z')
}

// WithChecklist returns a resolver that always uses c (for --checklist FILE).
func WithChecklist(c *checklist.Checklist) Resolver {
	return func(ChecklistRef, string) (*checklist.Checklist, error) { return c, nil }
}

// LoadFile reads and validates a plan. A plan with problems returns a
// *FileError listing all of them; the file is never changed.
func LoadFile(path string, resolve Resolver) (*Plan, error) {
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, resolve)
}

// parsers keep the memory of the trees they parsed for the next plan:
// `ladder check` or `status` over a folder of plans, on every core, then
// makes a fraction of the garbage (see strictyaml.Parser).
var parsers = sync.Pool{New: func() any { return new(strictyaml.Parser) }}

// Parse validates plan YAML. name is used in error messages and to resolve
// a relative checklist file.
func Parse(name string, data []byte, resolve Resolver) (*Plan, error) {
	p, _, err := parse(name, data, resolve, false)
	return p, err
}

// ParseForCheck is Parse, and for a plan that loads the slips of a hand
// edit that YAML reads without a word (strictyaml.Slips), as warnings,
// in file order. Only ladder check asks: the screens load plans far more
// often, and a warning is for when someone checks.
func ParseForCheck(name string, data []byte, resolve Resolver) (*Plan, strictyaml.Problems, error) {
	return parse(name, data, resolve, true)
}

func parse(name string, data []byte, resolve Resolver, slips bool) (*Plan, strictyaml.Problems, error) {
	if resolve == nil {
		resolve = DefaultResolver
	}
	parser := parsers.Get().(*strictyaml.Parser)
	defer parsers.Put(parser)
	root, ps := parser.Parse(data)
	if ps != nil {
		sayNextReviewConflict(data, ps)
		return nil, nil, &FileError{Path: name, Problems: ps}
	}
	// From here until the parser goes back to the pool, nothing may keep
	// a node of the tree: the plan keeps strings, and the positions of its
	// due dates as numbers.
	d := &decoder{Decoder: &strictyaml.Decoder{}, source: data}
	p := d.plan(root)
	// Check against the checklist even when other problems were found, so
	// that one run of `ladder check` reports every mistake, not them in
	// rounds; only a plan that does not say its checklist is skipped.
	at := d.checklistNode
	if at == nil {
		at = root
	}
	if p.ChecklistRef.ID == "" && p.ChecklistRef.File == "" {
		if len(d.Problems) == 0 {
			d.Errorf(at, "the plan does not say which checklist it follows (checklist: id: ...)")
		}
	} else {
		c, err := resolve(p.ChecklistRef, filepath.Dir(name))
		if err != nil {
			if p.ChecklistRef.File == "" && d.checklistID != nil {
				at = d.checklistID // a built-in checklist's id that is not one
			}
			d.Errorf(at, "%s", checklistFailed(err, checklistShown(p.ChecklistRef, name)))
		} else {
			p.Checklist = c
			d.validate(p, checklistShown(p.ChecklistRef, name))
		}
	}
	if err := d.Err(name); err != nil {
		return nil, nil, err
	}
	p.fillMissing()
	p.positions = d.positions()
	p.comments = handComments(data, p.Checklist)
	p.layout = strictyaml.LayoutOf(data)
	var warnings strictyaml.Problems
	if slips {
		warnings = strictyaml.Slips(root, data)
		if w, ok := d.unknownVersion(p); ok {
			warnings = append(warnings, w)
			warnings.Sort()
		}
	}
	return p, warnings, nil
}

// positions records where each action's due date sits in the file, so that
// `ladder check --overdue` can point at it.
func (d *decoder) positions() map[string]Problem {
	steps := 0
	for _, nodes := range d.stepNodes {
		steps += len(nodes)
	}
	out := make(map[string]Problem, len(d.itemNodes)+steps+len(d.linkNodes)+len(d.statusesAlone)) // sized: status reads thousands of plans
	for key, n := range d.linkNodes {
		out[linkPositionKey+key] = Problem{Line: n.Line, Column: n.Column}
	}
	for id, n := range d.itemNodes {
		at := n.due
		if at == nil {
			at = n.key
		}
		out[id] = Problem{Line: at.Line, Column: at.Column}
	}
	for _, s := range d.statusesAlone {
		out[statusAloneKey+s.id] = Problem{Line: s.status.Line, Column: s.status.Column}
	}
	for fid, nodes := range d.stepNodes {
		for _, n := range nodes {
			var idNode, due *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				switch n.Content[i].Value {
				case "id":
					idNode = n.Content[i+1]
				case "due":
					due = n.Content[i+1]
				}
			}
			if idNode == nil {
				continue
			}
			at := n
			if due != nil {
				at = due
			}
			out[fid+"#"+idNode.Value] = Problem{Line: at.Line, Column: at.Column}
		}
	}
	return out
}

// checklistFailed is the one line a plan's check says about the checklist
// it follows not loading: a checklist file's first mistake, and how many
// more there are and where to see them (every plan of a folder that
// follows it would repeat the whole list).
func checklistFailed(err error, file string) string {
	var fe *strictyaml.FileError
	if !errors.As(err, &fe) || len(fe.Problems) < 2 || file == "" {
		return firstLine(err)
	}
	first := strictyaml.FileError{Path: fe.Path, Problems: fe.Problems[:1]}
	more := "1 more mistake"
	if n := len(fe.Problems) - 1; n > 1 {
		more = fmt.Sprintf("%d more mistakes", n)
	}
	return fmt.Sprintf("%s (and %s in that checklist: ladder checklists show %s lists every one)",
		first.Error(), more, safetext.Line(CommandPath(file)))
}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " (and more)"
	}
	return s
}

// decoder reads the plan tree, remembering where things were so that checks
// made once the checklist is known can still point at the right line.
type decoder struct {
	*strictyaml.Decoder
	checklistNode *yaml.Node
	checklistID   *yaml.Node // the checklist's id, where a mistake in it is pointed out
	// checklistVersion is the checklist's version, where a version
	// ladder does not have is pointed out.
	checklistVersion *yaml.Node
	itemNodes        map[string]*itemNodes
	followNodes      map[string]*yaml.Node
	areaNodes        map[string]map[string]*yaml.Node // follow-up id -> area id -> key node
	stepNodes        map[string][]*yaml.Node          // follow-up id -> node of each step
	linkNodes        map[string]*yaml.Node            // previous_review, next_review -> value
	hintCells        int                              // letter pairs compared for hints so far (see hintBudget)
	source           []byte                           // the plan's text, for the comment above an unknown item
	lineStarts       []int                            // where each line of source starts, once asked for
	lackedTitles     map[string]string                // the title line of each checklist item the plan lacks -> its id, once asked for
	statusNode       *yaml.Node                       // the status of the item being read
	statusesAlone    []statusAlone
}

type itemNodes struct {
	key, rating, due *yaml.Node
	voteKeys         map[string]*yaml.Node
}

// statusAlone is an item's status, other than to do, beside no action
// (Plan.StatusesAlone). Rare, so kept in a list of the decoder's rather
// than a field of every item's itemNodes, which would grow each by a size
// class: status and check read thousands of plans.
type statusAlone struct {
	id     string
	status *yaml.Node
}

func (d *decoder) plan(root *yaml.Node) *Plan {
	p := &Plan{Items: map[string]*Response{}, FollowUps: map[string]*Answer{}}
	var schemaSeen, checklistSeen bool
	d.Document(root, "the plan", []strictyaml.Field{
		{Key: "schema", Set: func(v *yaml.Node) {
			schemaSeen = true
			if n, ok := d.Int(v, "schema"); ok {
				p.Schema = n
				switch {
				case n > SchemaVersion:
					d.Errorf(v, "schema %d is newer than this ladder understands (%d): update ladder", n, SchemaVersion)
				case n < 1:
					d.Errorf(v, "schema %d is not a valid version", n)
				}
			}
		}},
		{Key: "checklist", Set: func(v *yaml.Node) { checklistSeen = true; d.checklistNode = v; p.ChecklistRef = d.checklistRef(v) }},
		{Key: "organisation", Set: func(v *yaml.Node) { p.Organisation = d.String(v, "organisation") }},
		{Key: "title", Set: func(v *yaml.Node) { p.Title = d.String(v, "title") }},
		{Key: "date", Set: func(v *yaml.Node) { p.Date = d.date(v, "date", "") }},
		{Key: "facilitator", Set: func(v *yaml.Node) { p.Facilitator = d.String(v, "facilitator") }},
		{Key: "participants", Set: func(v *yaml.Node) { p.Participants = d.Strings(v, "participants") }},
		{Key: "previous_review", Set: func(v *yaml.Node) { p.PreviousReview = d.link(v, "previous_review") }},
		{Key: "next_review", Set: func(v *yaml.Node) { p.NextReview = d.link(v, "next_review") }},
		{Key: "items", Set: func(v *yaml.Node) { d.items(v, p) }},
		{Key: "follow_ups", Set: func(v *yaml.Node) { d.followUps(v, p) }},
	})
	if root.Kind == yaml.MappingNode {
		if !schemaSeen {
			d.Errorf(root, "the plan has no \"schema\" (this build writes schema: %d)", SchemaVersion)
		}
		if !checklistSeen {
			d.Errorf(root, "the plan has no \"checklist\" (id and version of the checklist it follows)")
		}
	}
	return p
}

func (d *decoder) checklistRef(n *yaml.Node) ChecklistRef {
	var ref ChecklistRef
	d.Fields(n, "checklist", []strictyaml.Field{
		{Key: "id", Set: func(v *yaml.Node) { d.checklistID = v; ref.ID = d.String(v, "checklist id") }},
		{Key: "version", Set: func(v *yaml.Node) { d.checklistVersion = v; ref.Version = d.String(v, "checklist version") }},
		{Key: "file", Set: func(v *yaml.Node) { ref.File = d.String(v, "checklist file") }},
	})
	if ref.ID == "" && n.Kind == yaml.MappingNode {
		d.Errorf(n, "checklist has no id")
	}
	return ref
}

// link reads previous_review or next_review: a path to another plan, relative to
// this plan's folder. Whether that plan is there is not this plan's
// problem (it may have been removed with git rm); where it points is.
func (d *decoder) link(n *yaml.Node, key string) string {
	v := d.String(n, key)
	if v == "" || n.Kind != yaml.ScalarNode {
		return v
	}
	if err := linkShape(v); err != nil {
		d.Errorf(n, "%s %s", key, err)
	}
	if d.linkNodes == nil {
		d.linkNodes = map[string]*yaml.Node{}
	}
	d.linkNodes[key] = n
	return v
}

// date reads the date in field of what ("item x" and "due date"): the
// two make the name a message gives it, only when there is one to give.
func (d *decoder) date(n *yaml.Node, what, field string) Date {
	s := d.Text(n, what, field)
	if s == "" {
		return Date{}
	}
	date, err := ParseDate(s)
	if err != nil {
		d.Errorf(n, "%s: %v", strictyaml.FieldName(what, field), err)
	}
	return date
}

// flag reads true or false. Nothing else is taken: YAML 1.1 readers take
// yes, no, on and off for booleans and yaml.v3 does not, so they are
// refused rather than read two ways.
func (d *decoder) flag(n *yaml.Node, what string) bool {
	if strictyaml.IsNull(n) {
		return false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	}
	d.Errorf(n, "%s should be true or false, found %s", what, safetext.Quote(d.String(n, what)))
	return false
}

func (d *decoder) status(n *yaml.Node, what, field string) Status {
	s := Status(d.Text(n, what, field))
	if s == "" {
		return StatusTodo
	}
	if !slices.Contains(Statuses, s) {
		d.Errorf(n, "%s %s is not one of todo, doing, done%s", strictyaml.FieldName(what, field), safetext.Quote(string(s)), d.statusHint(string(s)))
	}
	return s
}

// statusWords are the other words people write for a status by hand.
var statusWords = map[string]Status{
	"to do": StatusTodo, "to-do": StatusTodo, "not started": StatusTodo, "open": StatusTodo,
	"in progress": StatusDoing, "in-progress": StatusDoing, "started": StatusDoing, "ongoing": StatusDoing, "underway": StatusDoing,
	"complete": StatusDone, "completed": StatusDone, "finished": StatusDone, "closed": StatusDone,
}

// statusHint suggests the status someone probably meant, as ratingHint
// does a rating: "Done", "in progress", "dnoe".
func (d *decoder) statusHint(status string) string {
	lower := strings.Join(strings.Fields(strings.ToLower(status)), " ")
	if slices.Contains(Statuses, Status(lower)) {
		return fmt.Sprintf(" (did you mean %q? statuses are lower case)", lower)
	}
	if s, ok := statusWords[lower]; ok {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	best, bestDist := Status(""), 3
	for _, s := range Statuses {
		if dist, ok := d.distance(lower, string(s)); ok && dist < bestDist {
			best, bestDist = s, dist
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// The keys of an item, a follow-up answer and a project-plan step. A plan
// has dozens of these mappings, so they are read with one switch each
// (strictyaml.Decoder.Keys) rather than a closure per key.
var (
	itemKeys     = []string{"rating", "votes", "revisit", "action", "owner", "due", "status", "notes"}
	followUpKeys = []string{"answer", "answers", "by_area", "steps", "due"}
	stepKeys     = []string{"id", "step", "owner", "due", "status", "from"}
)

func (d *decoder) items(n *yaml.Node, p *Plan) {
	// Sized for the items there are, rather than grown: status reads
	// thousands of plans.
	p.Items = make(map[string]*Response, len(n.Content)/2)
	d.itemNodes = make(map[string]*itemNodes, len(n.Content)/2)
	d.Mapping(n, "items", func(id string, k, v *yaml.Node) {
		r := &Response{}
		nodes := &itemNodes{key: k}
		what := "item " + safetext.Name(id)
		d.Keys(v, what, itemKeys, func(key string, v *yaml.Node) {
			switch key {
			case "rating":
				nodes.rating = v
				r.Rating = d.Text(v, what, "rating")
			case "votes":
				nodes.voteKeys = map[string]*yaml.Node{} // only for items with votes: most have none
				r.Votes = d.votes(v, what+" votes", nodes.voteKeys)
			case "revisit":
				r.Revisit = d.flag(v, what+" revisit")
			case "action":
				r.Action = d.Text(v, what, "action")
			case "owner":
				r.Owner = d.Text(v, what, "owner")
			case "due":
				nodes.due = v
				r.Due = d.date(v, what, "due date")
			case "status":
				d.statusNode = v
				r.Status = d.status(v, what, "status")
			case "notes":
				r.Notes = d.Text(v, what, "notes")
			}
		})
		if r.Action == "" && r.Status != "" && r.Status != StatusTodo && d.statusNode != nil {
			d.statusesAlone = append(d.statusesAlone, statusAlone{id, d.statusNode})
		}
		d.statusNode = nil
		p.Items[id] = r
		d.itemNodes[id] = nodes
	})
}

func (d *decoder) followUps(n *yaml.Node, p *Plan) {
	d.followNodes = map[string]*yaml.Node{}
	d.stepNodes = map[string][]*yaml.Node{}
	d.areaNodes = map[string]map[string]*yaml.Node{}
	d.Mapping(n, "follow_ups", func(id string, k, v *yaml.Node) {
		a := &Answer{}
		what := "follow-up " + safetext.Name(id)
		d.followNodes[id] = k
		d.Keys(v, what, followUpKeys, func(key string, v *yaml.Node) {
			switch key {
			case "answer":
				a.Text = d.Text(v, what, "answer")
			case "answers":
				a.List = d.Strings(v, what+" answers")
			case "by_area":
				a.ByArea = map[string]string{}
				d.areaNodes[id] = map[string]*yaml.Node{}
				d.Mapping(v, what+" by_area", func(area string, k, v *yaml.Node) {
					a.ByArea[area] = d.String(v, what+" for "+safetext.Name(area))
					d.areaNodes[id][area] = k
				})
			case "steps":
				a.Steps = d.steps(v, id, what)
			case "due":
				a.Due = d.date(v, what, "due date")
			}
		})
		// Answers shaped for the wrong kind are reported once the checklist
		// is known; remember which fields were used.
		p.FollowUps[id] = a
	})
}

func (d *decoder) steps(n *yaml.Node, followUpID, what string) []Step {
	var out []Step
	seen := map[int]int{}
	d.Sequence(n, what+" steps", func(i int, v *yaml.Node) {
		var s Step
		var idNode *yaml.Node
		var idRead bool
		sw := fmt.Sprintf("%s step %d", what, i+1)
		d.Keys(v, sw, stepKeys, func(key string, v *yaml.Node) {
			switch key {
			case "id":
				idNode = v
				s.ID, idRead = d.Int(v, sw+" id")
			case "step":
				s.Text = d.Text(v, sw, "text")
			case "owner":
				s.Owner = d.Text(v, sw, "owner")
			case "due":
				s.Due = d.date(v, sw, "due date")
			case "status":
				s.Status = d.status(v, sw, "status")
			case "from":
				s.From = d.Text(v, sw, "from")
			}
		})
		switch {
		case idNode == nil:
			d.Errorf(v, "%s has no id (a number unique within the plan)", sw)
		case !idRead:
			// Int has said what is wrong with it.
		case s.ID < 1:
			d.Errorf(idNode, "%s id should be a positive number", sw)
		case seen[s.ID] != 0:
			d.Errorf(idNode, "duplicate step id %d (first at line %d)", s.ID, seen[s.ID])
		default:
			seen[s.ID] = idNode.Line
		}
		if s.Status == "" {
			s.Status = StatusTodo
		}
		d.stepNodes[followUpID] = append(d.stepNodes[followUpID], v)
		out = append(out, s)
	})
	return out
}

// checklistShown is how a message names the checklist file the plan at
// name follows: from where ladder runs, as the plan's own name is, so that
// it can be opened or shown (ladder checklists show FILE); "" for a
// built-in checklist.
func checklistShown(ref ChecklistRef, name string) string {
	if ref.File == "" {
		return ""
	}
	return filepath.Clean(filepath.Join(filepath.Dir(name), refPath(ref.File)))
}

// validate checks the plan against its checklist, read from file (""
// for a built-in checklist).
func (d *decoder) validate(p *Plan, file string) {
	c := p.Checklist
	if p.ChecklistRef.ID != c.ID {
		d.Errorf(d.checklistNode, "the plan follows checklist %s but was checked against %q", safetext.Quote(p.ChecklistRef.ID), c.ID)
		return
	}
	for id, r := range p.Items {
		nodes := d.itemNodes[id]
		if _, _, ok := c.Item(id); !ok {
			d.Errorf(nodes.key, "item %s is not in checklist %s%s", safetext.Quote(id), c.ID, d.notInChecklist(id, p, c, file))
			continue
		}
		d.checkVotes(id, c, nodes.voteKeys)
		if r.Rating == "" {
			continue
		}
		if _, _, ok := c.Level(r.Rating); !ok && r.Rating != checklist.Unrated {
			d.Errorf(nodes.rating, "item %s rating %s is not one of %s%s", id, safetext.Quote(r.Rating), ratingNames(c), d.ratingHint(r.Rating, c))
		}
	}
	for id, a := range p.FollowUps {
		f, ok := c.FollowUp(id)
		if !ok {
			d.Errorf(d.followNodes[id], "follow-up %s is not in checklist %s", safetext.Quote(id), c.ID)
			continue
		}
		d.checkAnswerShape(f, a, d.followNodes[id])
		for area, k := range d.areaNodes[id] {
			if _, _, ok := c.AreaByID(area); !ok {
				d.Errorf(k, "area %s is not in checklist %s", safetext.Quote(area), c.ID)
			}
		}
	}
	for id, a := range p.FollowUps {
		for i, s := range a.Steps {
			if s.From == "" {
				continue
			}
			if _, _, ok := c.Item(s.From); !ok {
				hint := ""
				if near := d.closest(s.From, c); near != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", near)
				}
				d.Errorf(d.stepNodes[id][i], "%s comes from item %s, which is not in checklist %s%s: change its from: to the item it comes from, or delete the from: line (the step stays)",
					StepName(i+1), safetext.Quote(s.From), c.ID, hint)
			}
		}
	}
}

func ratingNames(c *checklist.Checklist) string {
	names := make([]string, 0, len(c.Scale)+1)
	for _, l := range c.Scale {
		names = append(names, l.Key)
	}
	return someKeys(append(names, checklist.Unrated))
}

// mostKeysListed is how many keys a message lists before it only counts
// the rest: a checklist's scale has three to five levels, and a made-up
// one of thousands must not put all of them in every message about a
// rating (a plan of thousands of such ratings would print a gigabyte).
const mostKeysListed = 10

// someKeys lists keys for a message, "red, amber, green", or the first
// few of a long list and how many more there are.
func someKeys(keys []string) string {
	if len(keys) <= mostKeysListed {
		return strings.Join(keys, ", ")
	}
	return strings.Join(keys[:mostKeysListed-2], ", ") + fmt.Sprintf(" and %d more", len(keys)-(mostKeysListed-2))
}

// ratingHint suggests the rating someone probably meant: the nearest key
// of the scale, or amber for yellow (two pages of the source document call
// the middle level Yellow).
func (d *decoder) ratingHint(rating string, c *checklist.Checklist) string {
	lower := strings.ToLower(strings.TrimSpace(rating))
	if _, _, ok := c.Level(lower); ok {
		return fmt.Sprintf(" (did you mean %q? ratings are lower case)", lower)
	}
	if dist, ok := d.distance(lower, "yellow"); ok && dist <= 2 {
		if _, _, ok := c.Level("amber"); ok {
			return ` (did you mean "amber"? the checklist's Yellow is written amber)`
		}
	}
	best, bestDist := "", 3
	for _, l := range c.Scale {
		if dist, ok := d.distance(lower, l.Key); ok && dist < bestDist {
			best, bestDist = l.Key, dist
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// notInChecklist says what to do about the plan's item id that checklist
// c lacks. In a built-in checklist that is a typo in the plan. A
// checklist file of one's own also changes under the plans made from it:
// an item removed, or renamed there. The plan does not load until someone
// decides, so a save never drops the item's rating and action unseen.
func (d *decoder) notInChecklist(id string, p *Plan, c *checklist.Checklist, file string) string {
	r := p.Items[id]
	near := d.closest(id, c)
	if file == "" {
		if near == "" {
			return " (see `ladder checklists show " + c.ID + "`)"
		}
		return fmt.Sprintf(" (did you mean %q?)", near)
	}
	shown := " (" + safetext.Line(file) + ")"
	if renamed := d.renamedTo(id, c, p); renamed != "" {
		return shown + fmt.Sprintf(": its title is now item %s's, so rename it here too", safetext.Quote(renamed))
	}
	switch {
	case near != "":
		return shown + fmt.Sprintf(": did you mean %q? if it was renamed there, rename it here too", near)
	case r.holdsNothing():
		return shown + ": it holds nothing yet, so delete it from the plan (or put it back in the checklist)"
	}
	return shown + ": if it was removed or renamed there, put it back, or move its rating and action to the item that replaces it and delete this one"
}

// renamedTo is the checklist item the plan's item id was renamed to: the
// one the plan lacks whose title is the comment ladder wrote above the
// plan's item (the title the item had then), or "".
func (d *decoder) renamedTo(id string, c *checklist.Checklist, p *Plan) string {
	nodes := d.itemNodes[id]
	if nodes == nil || nodes.key == nil {
		return ""
	}
	above, ok := strings.CutPrefix(strings.TrimSpace(d.line(nodes.key.Line-1)), "# ")
	if !ok {
		return ""
	}
	if d.lackedTitles == nil {
		// Made once per file, not for each unknown item: a plan with
		// thousands of them against a checklist of thousands would
		// make millions of titles.
		d.lackedTitles = map[string]string{}
		for _, e := range c.Items() {
			if _, inPlan := p.Items[e.Item.ID]; inPlan {
				continue
			}
			renameTitlesMade.Add(1)
			title := string(appendItemTitle(nil, e.Item))
			if _, seen := d.lackedTitles[title]; !seen {
				d.lackedTitles[title] = e.Item.ID
			}
		}
	}
	return d.lackedTitles[above]
}

// renameTitlesMade counts the checklist titles renamedTo made, for the
// test that holds it to one per checklist item.
var renameTitlesMade atomic.Int64

// line is line n (from 1) of the plan's text, or "".
func (d *decoder) line(n int) string {
	if d.lineStarts == nil {
		d.lineStarts = []int{0}
		for i, b := range d.source {
			if b == '\n' {
				d.lineStarts = append(d.lineStarts, i+1)
			}
		}
	}
	if n < 1 || n > len(d.lineStarts) {
		return ""
	}
	end := len(d.source)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n] - 1
	}
	return string(d.source[d.lineStarts[n-1]:end])
}

// holdsNothing reports whether a response is as a new plan writes it:
// nothing is lost with it.
func (r *Response) holdsNothing() bool {
	return (r.Rating == "" || r.Rating == checklist.Unrated) && r.Votes == nil && !r.Revisit &&
		r.Action == "" && r.Owner == "" && r.Due.IsZero() && (r.Status == "" || r.Status == StatusTodo) && r.Notes == ""
}

// closest is the checklist item id nearest to a mistyped one, or "".
func (d *decoder) closest(id string, c *checklist.Checklist) string {
	best, bestDist := "", 1<<30
	for _, e := range c.Items() {
		if dist, ok := d.distance(id, e.Item.ID); ok && dist < bestDist {
			best, bestDist = e.Item.ID, dist
		}
	}
	if best != "" && bestDist <= len(id)/2 {
		return best
	}
	return ""
}

// hintBudget is how many letter pairs the "did you mean" hints of one
// file may compare in all. A plan has a few dozen items and a mistake or
// two, whose hints take thousands; a plan and a checklist made to be
// slow (thousands of unknown 63-letter ids against thousands of items)
// would take billions, and hold up a CI run for minutes. Past the budget
// a mistake is still reported, without a suggestion.
const hintBudget = 20_000_000

// distance is the edit distance between a and b, if the file's budget of
// hints (hintBudget) still allows comparing them.
func (d *decoder) distance(a, b string) (int, bool) {
	cells := len(a) * len(b)
	if cells > d.hintCellsLeft() {
		return 0, false
	}
	d.hintCells += cells
	return levenshtein(a, b), true
}

func (d *decoder) hintCellsLeft() int { return hintBudget - d.hintCells }

// levenshteinCells counts the letter pairs levenshtein compared, for the
// tests that hold hints to their budget.
var levenshteinCells atomic.Int64

func levenshtein(a, b string) int {
	levenshteinCells.Add(int64(len(a) * len(b)))
	return strictyaml.EditDistance(a, b)
}

func (d *decoder) checkAnswerShape(f *checklist.FollowUp, a *Answer, at *yaml.Node) {
	var wrong []string
	if a.Text != "" && f.Kind != checklist.KindText {
		wrong = append(wrong, "answer")
	}
	if len(a.List) > 0 && f.Kind != checklist.KindList {
		wrong = append(wrong, "answers")
	}
	if len(a.ByArea) > 0 && f.Kind != checklist.KindPerArea {
		wrong = append(wrong, "by_area")
	}
	if len(a.Steps) > 0 && f.Kind != checklist.KindPlan {
		wrong = append(wrong, "steps")
	}
	if len(wrong) > 0 {
		d.Errorf(at, "follow-up %s is answered with %s, which a %q question does not take", f.ID, strings.Join(wrong, " and "), f.Kind)
	}
}

// sayNextReviewConflict words the problem at the first conflict marker
// of a merge between two next_review lines: two people carried this plan
// on, on two branches, into two files, and git left both lines. "Finish
// resolving the merge" left which line to keep, and what to do with the
// other plan, to guess. ps are the conflict markers' problems, in order.
// The lines are read once, each hunk ending at its >>>>>>> or at the
// next <<<<<<<: a file of markers that never end (one from a pull
// request) read on from each to the end, for seconds.
func sayNextReviewConflict(data []byte, ps strictyaml.Problems) {
	at := make(map[int]int, len(ps)) // a problem's index by its line
	for i, p := range ps {
		if _, seen := at[p.Line]; !seen {
			at[p.Line] = i
		}
	}
	var sides [2][]string
	side, marker := 0, -1 // the problem at the hunk's <<<<<<<, or -1 outside one
	for n, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r")
		switch {
		case strings.HasPrefix(l, "<<<<<<<"):
			marker, side, sides = -1, 0, [2][]string{}
			if i, ok := at[n+1]; ok && i+2 < len(ps) {
				marker = i
			}
		case marker < 0:
		case strings.HasPrefix(l, "|||||||"):
			side = -1 // a diff3 base section, between ours and theirs, is left out
		case strings.HasPrefix(l, "======="):
			side = 1
		case strings.HasPrefix(l, ">>>>>>>"):
			if len(sides[0]) == 1 && len(sides[1]) == 1 && sides[0][0] != sides[1][0] {
				ps[marker].Message = fmt.Sprintf("git left both branches' next_review lines here (%s and %s): two reviews carry this plan on. "+
					"Keep one review, and its next_review line alone; remove the other plan (or merge the two by hand into the one kept), then check again",
					safetext.Quote(sides[0][0]), safetext.Quote(sides[1][0]))
				return
			}
			marker = -1
		case side >= 0 && strings.HasPrefix(l, "next_review:"):
			sides[side] = append(sides[side], strings.Trim(strings.TrimSpace(strings.TrimPrefix(l, "next_review:")), `"'`))
		}
	}
}

// unknownVersion is ladder check's warning for a plan that names a version
// of a built-in checklist this ladder does not have: a newer one (the plan
// was written by a newer ladder, whose checklist may have other items), or
// one that is not a version number at all. Either way the plan is read
// with the version built in. An older version is not warned of: a plan
// keeps the version it was reviewed against until it is reviewed again,
// which status says is due.
func (d *decoder) unknownVersion(p *Plan) (strictyaml.Problem, bool) {
	c, ref := p.Checklist, p.ChecklistRef
	if c == nil || ref.File != "" || ref.Version == c.Version || !c.IsBuiltin() || d.checklistVersion == nil {
		return strictyaml.Problem{}, false
	}
	have, errHave := strconv.Atoi(c.Version)
	named, errNamed := strconv.Atoi(ref.Version)
	at := strictyaml.Problem{Line: d.checklistVersion.Line, Column: d.checklistVersion.Column}
	switch {
	case errHave != nil:
		return strictyaml.Problem{}, false
	case errNamed != nil || named < 0:
		at.Message = fmt.Sprintf("checklist version %s is not a version of %s (this ladder has version %s), so the plan is read with version %s",
			safetext.Quote(ref.Version), c.ID, c.Version, c.Version)
	case named > have:
		at.Message = fmt.Sprintf("checklist version %s is newer than the %s this ladder has (version %s): the plan was likely written by a newer ladder, and is read here with version %s; update ladder",
			safetext.Quote(ref.Version), c.ID, c.Version, c.Version)
	default:
		return strictyaml.Problem{}, false
	}
	return at, true
}
