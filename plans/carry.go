package plans

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"go.yaml.in/yaml/v3"
)

// Carried says what CarryOn took from the earlier plan.
type Carried struct {
	Actions int // open item actions, each on its item
	Steps   int // open project-plan steps
	// Repeats counts the steps (of Steps) that repeat an action carried
	// on, by ActionsToChase's rule: status chases each with its action,
	// so Actions+Steps-Repeats is what it counts.
	Repeats int
}

// Words says what a review carried on, as ladder new, the screens and the
// accessible prompts all say it: "5 open actions and 2 project-plan
// steps"; "" for nothing. A step that repeats an action (Repeats) is said
// with it, as some "of them", and the steps beyond those as more: "3 open
// actions, 3 of them also project-plan steps, and 1 more project-plan
// step", so that what is said adds up to what ladder status chases. No
// brackets: a screen reader does not speak them, and "3 open actions (3
// also project-plan steps) and 1 project-plan step" sounded like seven
// things.
func (c Carried) Words() string {
	var actions string
	if c.Actions > 0 {
		actions = fmt.Sprintf("%d open %s", c.Actions, plural(c.Actions, "action", "actions"))
	}
	return carriedWords(actions, c.Actions, c.Repeats, func(more string) string {
		n := c.Steps - c.Repeats
		if n <= 0 {
			return ""
		}
		return fmt.Sprintf("%d %sproject-plan %s", n, more, plural(n, "step", "steps"))
	})
}

// Words says CarriedCheck's count as Carried.Words says what was carried
// on, each count of the open ones: "1 of 1 open action, also a
// project-plan step, and 0 of 1 more open project-plan step"; "" when the
// previous review had nothing open.
func (c CarriedCheck) Words() string {
	var actions string
	if c.OpenActions > 0 {
		actions = fmt.Sprintf("%d of %d open %s", c.Actions, c.OpenActions, plural(c.OpenActions, "action", "actions"))
	}
	return carriedWords(actions, c.Actions, c.Repeats, func(more string) string {
		open := c.OpenSteps - c.Repeats
		if open <= 0 {
			return ""
		}
		return fmt.Sprintf("%d of %d %sopen project-plan %s", c.Steps-c.Repeats, open, more, plural(open, "step", "steps"))
	})
}

// carriedWords is Carried.Words and CarriedCheck.Words: actions is the
// count of actions said ("" for none), of which carried came across;
// repeats the steps that repeat one of them; steps says the other steps
// ("" for none), with more ("more ") put in after steps that repeat
// actions were said.
func carriedWords(actions string, carried, repeats int, steps func(more string) string) string {
	said := actions
	switch {
	case repeats == 0 || actions == "":
	case carried == 1 && repeats == 1:
		said += ", also a project-plan step,"
	case carried == 1:
		said += fmt.Sprintf(", also %d project-plan steps,", repeats)
	case repeats > carried:
		said += fmt.Sprintf(", between them also %d project-plan steps,", repeats)
	case repeats == 1:
		said += ", 1 of them also a project-plan step,"
	default:
		said += fmt.Sprintf(", %d of them also project-plan steps,", repeats)
	}
	more := ""
	if strings.HasSuffix(said, ",") {
		more = "more "
	}
	rest := steps(more)
	switch {
	case rest == "":
		return strings.TrimSuffix(said, ",")
	case said == "":
		return rest
	}
	return said + " and " + rest
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// CarryOn starts next's review where prev's left off: each item's open
// action (one with words that is not done) comes across with its owner,
// due date and status, and so does each open project-plan step, with its
// order and, for a step made from an item's action, the item it came from
// (a step that followed its item's action still follows it). Ratings,
// notes, votes and the other next-steps answers do not: a new review
// rates afresh and answers its own questions. A step keeps its id, which
// is the step's for life, so that ladder diff follows it from one year's
// plan to the next.
//
// Both plans must follow the same checklist (the caller made next with
// prev's). The links between the two files (PreviousReview, NextReview) are the
// caller's to set, as only it knows where each is written.
func CarryOn(prev, next *Plan) Carried {
	var c Carried
	var actions []*Response // carried, for the steps that repeat them
	for _, e := range next.Checklist.Items() {
		old := prev.Items[e.Item.ID]
		if !old.OpenAction() {
			continue
		}
		r := next.Items[e.Item.ID]
		r.Action, r.Owner, r.Due, r.Status = old.Action, old.Owner, old.Due, old.Status
		c.Actions++
		actions = append(actions, r)
	}
	id := next.ProjectPlanID()
	if id == "" || prev.ProjectPlanID() != id {
		return c
	}
	to := next.FollowUps[id]
	for _, s := range prev.FollowUps[id].Steps {
		if !s.Open() {
			continue
		}
		if _, _, ok := next.Checklist.Item(s.From); !ok {
			s.From = ""
		}
		to.Steps = append(to.Steps, s)
		c.Steps++
		if slices.ContainsFunc(actions, func(r *Response) bool { return r.repeatedBy(s) }) {
			c.Repeats++
		}
	}
	return c
}

// LinkTo is what a plan written at from says to name the plan at to, in
// previous_review or next_review: to's path relative to from's folder, with
// forward slashes. It fails where Link would refuse the result.
func LinkTo(from, to string) (string, error) {
	ref, err := relativeRef(filepath.Dir(from), to)
	if err != nil {
		return "", err
	}
	if _, err := Link(from, ref); err != nil {
		return "", err
	}
	return ref, nil
}

// LinkLine is the line that gives a plan the link ref under key
// ("next_review"), as ladder writes it: quoted where YAML would read the
// path otherwise ("next_review: '../2026/a #b.yaml'", where " #" would
// begin a comment), so that a line told to someone to write links the
// plans as given.
func LinkLine(key, ref string) string {
	return strings.TrimSuffix(string(appendField(nil, 0, key, ref)), "\n")
}

// Link is the path of the plan that ref (a plan's previous_review or next_review)
// names, for the plan at planPath. A plan file comes from strangers'
// pull requests, so its link may only lead to a plan file inside the
// repository that holds it (outside a repository, inside the plan's
// folder): a link elsewhere is refused, never followed.
func Link(planPath, ref string) (string, error) {
	return NewLinks().Link(planPath, ref)
}

// Link is the package's Link (see Links).
func (l *Links) Link(planPath, ref string) (string, error) {
	if err := linkShape(ref); err != nil {
		return "", fmt.Errorf("%s %w", safetext.Quote(ref), err)
	}
	target, repo, inside := l.joinInside(filepath.Dir(planPath), ref)
	if !inside {
		if repo {
			return "", fmt.Errorf("%s is outside the repository: a review can only name a previous or next review in the same repository", safetext.Quote(ref))
		}
		return "", fmt.Errorf("%s is outside the plan's folder: outside a git repository, a review can only name a previous or next review in its own folder or below it", safetext.Quote(ref))
	}
	return target, nil
}

var errLinkShape = errors.New("should name a plan file (.yaml) by its path from this plan's folder, with forward slashes, such as acme-2026.yaml or ../2026/acme.yaml")

// linkShape checks what can be told of a link without the file system.
func linkShape(ref string) error {
	switch {
	case strings.TrimSpace(ref) != ref || ref == "":
		return errLinkShape
	case filepath.IsAbs(ref) || filepath.VolumeName(ref) != "" || strings.HasPrefix(ref, "/") || strings.ContainsRune(ref, '\\'):
		return fmt.Errorf("should be a path relative to this plan's folder, not an absolute one")
	case strings.ContainsFunc(ref, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return errLinkShape
	case strings.ContainsFunc(ref, invisible):
		// A link comes from a pull request too: "acme-2027\u200b.yaml"
		// would read as the real next review while naming another file.
		r, _ := utf8.DecodeRuneInString(ref[strings.IndexFunc(ref, invisible):])
		return fmt.Errorf("holds an invisible character (U+%04X), which makes the path look like another: type the path again", r)
	case !IsPlanFile(path.Base(ref)) || path.Clean(ref) != ref:
		return errLinkShape
	}
	return nil
}

// invisible reports the characters a file's path is not seen to hold: the
// C1 controls and Unicode's format characters (zero-width spaces and
// joiners, soft hyphens, bidirectional marks and overrides).
func invisible(r rune) bool {
	return r >= 0x80 && r < 0xa0 || unicode.Is(unicode.Cf, r)
}

// ErrHasNextReview is CreateNext's refusal to carry a plan on twice: its
// open actions would then be chased in two plans. CheckCarryOn's
// *CarriedOnAlready wraps it.
var ErrHasNextReview = errors.New("already has a next review")

// ErrNotLinked is wrapped by CreateNext's error when the new plan was
// written but the previous one could not be given its next_review line.
var ErrNotLinked = errors.New("the new plan was written, but the previous one does not name it yet")

// ActionCarriedOn reports whether the action on the item itemID of next
// came across from prev, the review next carried on from: prev had an
// action open on the item (OpenAction, what CarryOn takes across), and
// next has one on it (its words may have changed since, and it may be
// done, as CompareCarried counts one carried on).
func ActionCarriedOn(prev, next *Plan, itemID string) bool {
	now := next.Items[itemID]
	return prev.Items[itemID].OpenAction() && now != nil && now.Action != ""
}

// StepCarriedOn reports whether next's project-plan step of the id
// stepID came across from prev, the review next carried on from: prev's
// project plan had it open (CarryOn keeps a step's id), and next has it
// (it may be done since, as ActionCarriedOn has it).
func StepCarriedOn(prev, next *Plan, stepID int) bool {
	id := next.ProjectPlanID()
	if id == "" || prev.ProjectPlanID() != id || prev.FollowUps[id] == nil {
		return false
	}
	for _, s := range prev.FollowUps[id].Steps {
		if s.ID == stepID {
			return s.Open()
		}
	}
	return false
}

// CountCarried counts what of next came across from prev, the review it
// carried on from: its item actions (ActionCarriedOn) and its project
// plan's steps (StepCarriedOn), a step that repeats an item's action
// counted with it, as ActionsToChase chases the two as one; and of
// overdue (next's, from Overdue), how many came across. The start
// screen's list and the prompts say them ("↺ 4 carried on, ⚠ 3 past
// due").
func CountCarried(prev, next *Plan, overdue []Action) (carried, carriedLate int) {
	for id := range next.Items {
		if ActionCarriedOn(prev, next, id) {
			carried++
		}
	}
	if id := next.ProjectPlanID(); id != "" && next.FollowUps[id] != nil {
		for _, s := range next.FollowUps[id].Steps {
			if StepCarriedOn(prev, next, s.ID) && !next.RepeatsAction(s) {
				carried++
			}
		}
	}
	for _, a := range overdue {
		if a.ItemID != "" && ActionCarriedOn(prev, next, a.ItemID) || a.ItemID == "" && StepCarriedOn(prev, next, a.StepID) {
			carriedLate++
		}
	}
	return carried, carriedLate
}

// CreateNext writes next, a new plan at path on prev's checklist, as the
// review that carries prev on (CarryOn), and links the two: next names
// prev as its previous_review, and prev gets a next_review line naming
// next, so that ladder status and check chase the open actions in next
// alone. prev is saved as Save saves, refusing to overwrite a change made
// by someone else; its file changes by that one line. next is written only
// if prev can be linked, and nothing is written if prev already has a
// next review.
//
// If next was written but prev could not be saved, the error says so
// (next's File is returned with it): the caller tells the person to add
// the line by hand, or the actions are chased twice.
func CreateNext(path string, prev *File, next *Plan) (*File, Carried, error) {
	if err := CheckCarryOn(prev.Path, prev.Plan); err != nil {
		return nil, Carried{}, err
	}
	// A review written by a carry-on cut short carries prev on already:
	// one carried on again under another name would be left behind, its
	// ratings with it. Under its own name, cutShort below finishes it.
	if other := CutShortCarrier(prev.Path, prev.Plan); other != "" && !NewLinks().sameFile(other, path) {
		return nil, Carried{}, &CarriedOnAlready{Path: prev.Path, Next: other, Unlinked: true}
	}
	if prev.Plan.Checklist.ID != next.Checklist.ID {
		return nil, Carried{}, fmt.Errorf("%s follows checklist %s and the new review %s: a review carries on only from a plan on the same checklist",
			prev.Path, safetext.Quote(prev.Plan.Checklist.ID), safetext.Quote(next.Checklist.ID))
	}
	back, err := LinkTo(path, prev.Path)
	if err != nil {
		return nil, Carried{}, err
	}
	on, err := LinkTo(prev.Path, path)
	if err != nil {
		return nil, Carried{}, err
	}
	linked, err := withNextReview(prev, on)
	if err != nil {
		return nil, Carried{}, err
	}
	// The save below refuses a change made since prev was read, but only
	// after next is written: ask first, so that in all but a race nothing
	// is written at all.
	if current, err := os.ReadFile(prev.Path); err != nil || !bytes.Equal(current, prev.disk) {
		return nil, Carried{}, fmt.Errorf("%s: %w", prev.Path, ErrChangedOnDisk)
	}
	carried := CarryOn(prev.Plan, next)
	next.PreviousReview = back
	f, err := Create(path, next)
	if errors.Is(err, fs.ErrExist) {
		f, err = cutShort(path, prev, err)
	}
	if err != nil {
		return nil, Carried{}, err
	}
	if _, err := prev.writeLinked(linked); err != nil {
		return f, carried, fmt.Errorf("%w: add the line \"%s\" above the items of %s, or its open actions are chased in both plans (%v)", ErrNotLinked, LinkLine("next_review", on), prev.Path, err)
	}
	return f, carried, nil
}

// cutShort opens the plan at path, there already, if it is this
// carry-on's own, written by one cut short between its two writes (killed
// after the new plan, before prev's next_review line): it names prev as
// its previous review, and prev names no next review (CheckCarryOn). Run
// again, the carry-on then only adds prev's line, and the new plan stays
// as it is, rated since or not. Any other plan there is refused with
// exists, as Create refuses it.
func cutShort(path string, prev *File, exists error) (*File, error) {
	sameChecklist := func(ChecklistRef, string) (*checklist.Checklist, error) { return prev.Plan.Checklist, nil }
	f, err := Open(path, sameChecklist)
	if err != nil {
		return nil, exists
	}
	if NewLinks().namesBack(path, f.Plan.PreviousReview, prev.Path) {
		return f, nil
	}
	f.Close()
	return nil, exists
}

// withNextReview is prev's file with a next_review line, changed by that
// line alone. A plan in ladder's layout is written again whole (the same
// bytes, with the line); one laid out by hand gets the line inserted above
// its items, so that the rest of it keeps the layout its writers chose.
// Either way the result must read back as prev with the link, or it is
// refused.
func withNextReview(prev *File, ref string) ([]byte, error) {
	p := prev.Plan.Clone()
	p.NextReview = ref
	want := Encode(p)
	if bytes.Equal(Encode(prev.Plan), prev.disk) {
		return want, nil
	}
	data := prev.disk
	at, crlf := -1, false
	for i := 0; i < len(data); {
		end := bytes.IndexByte(data[i:], '\n')
		line := data[i:]
		if end >= 0 {
			line = data[i : i+end+1]
		}
		if itemsLine(line) {
			at, crlf = i, bytes.HasSuffix(line, []byte("\r\n"))
			break
		}
		if end < 0 {
			break
		}
		i += end + 1
	}
	if at >= 0 {
		var b []byte
		b = append(b, data[:at]...)
		b = appendField(b, 0, "next_review", ref)
		if crlf { // saved on Windows: the line ends as its neighbours do
			b = append(b[:len(b)-1], "\r\n"...)
		}
		b = append(b, data[at:]...)
		if back, err := Parse(prev.Path, b, WithChecklist(prev.Plan.Checklist)); err == nil && bytes.Equal(Encode(back), want) {
			return b, nil
		}
	}
	return nil, fmt.Errorf("%s is laid out by hand in a way ladder cannot add a line to safely: run ladder fmt %s first, or add \"%s\" above its items yourself", prev.Path, CommandPath(prev.Path), LinkLine("next_review", ref))
}

// itemsLine reports whether line is the items: key, alone or with a
// comment after it.
func itemsLine(line []byte) bool {
	rest, ok := bytes.CutPrefix(bytes.TrimRight(line, " \t\r\n"), []byte("items:"))
	return ok && (len(rest) == 0 || (rest[0] == ' ' || rest[0] == '\t') && bytes.TrimLeft(rest, " \t")[0] == '#')
}

// writeLinked saves data as Save does, refusing if the file changed.
func (f *File) writeLinked(data []byte) (bool, error) {
	f.mu.Lock()
	seq := f.written + 1
	f.mu.Unlock()
	written, err := f.WriteSnapshot(seq, data)
	if err == nil {
		if p, perr := Parse(f.Path, data, WithChecklist(f.Plan.Checklist)); perr == nil {
			f.Plan = p
		}
	}
	return written, err
}

// linkPositionKey marks a link's place among a plan's positions: no item
// id starts with it.
const linkPositionKey = "#"

// LinkPosition is where the value of a plan's previous_review or
// next_review (key) sits in its file; 0, 0 when it has none.
func (p *Plan) LinkPosition(key string) (line, col int) {
	pos := p.positions[linkPositionKey+key]
	return pos.Line, pos.Column
}

// ErrNoPlanThere is FollowLink's error for a link to a plan file that is
// not there (moved, renamed, or removed with git rm).
var ErrNoPlanThere = errors.New("leads to no plan")

// FollowLink is the plan file that ref (a previous_review or next_review
// of the plan at planPath) leads to, when one is there. It fails as Link
// does for a link that leaves the repository, for one back to the plan
// itself, and with ErrNoPlanThere (and the path it looked at) for a link
// to nothing.
func FollowLink(planPath, ref string) (string, error) {
	return NewLinks().FollowLink(planPath, ref)
}

// FollowLink is the package's FollowLink (see Links).
func (l *Links) FollowLink(planPath, ref string) (string, error) {
	target, err := l.Link(planPath, ref)
	if err != nil {
		return "", err
	}
	info, err := l.stat(target)
	if err != nil || !info.Mode().IsRegular() {
		return target, fmt.Errorf("%s %w: %s is not there", safetext.Quote(ref), ErrNoPlanThere, shownTarget(ref, target))
	}
	// A plan naming itself would hand its actions on to itself, and hide
	// them: a pull request could add the line for that alone.
	if l.sameFile(planPath, target) {
		return "", fmt.Errorf("%s names this plan itself: a review links only to another plan", safetext.Quote(ref))
	}
	return target, nil
}

// HandedOn reports whether the plan at path has handed its open actions on
// to a next review that is there to chase them (NextReviewOf). Only then
// do ladder status and check leave its actions to the next review.
func HandedOn(path string, p *Plan) (next string, ok bool) {
	return NewLinks().HandedOn(path, p)
}

// HandedOn is the package's HandedOn (see Links).
func (l *Links) HandedOn(path string, p *Plan) (next string, ok bool) {
	next, err := l.NextReviewOf(path, p)
	return next, err == nil && next != ""
}

// ErrNotLinkedBack is NextReviewOf's error for a next review that does not
// name the plan as its previous review.
var ErrNotLinkedBack = errors.New("does not name this plan as its previous review")

// ErrReviewRing is NextReviewOf's error for a plan whose next reviews carry
// on, one to the next, back to it.
var ErrReviewRing = errors.New("leads round a ring of reviews back to this plan")

// MaxReviewsAfter is how many reviews NextReviewOf follows after a plan's
// next one, looking for a ring: a review a year for a lifetime, a
// quarterly one for a quarter of that. A plan with more keeps its actions.
const MaxReviewsAfter = 100

// NextReviewOf is the next review that the plan at path handed its open
// actions on to: "" when it names none, and an error when the one it
// names takes nothing on. A next_review line alone is not enough, as a
// pull request could add one to hide a plan's late actions: the link must
// stay inside the repository (Link), lead to a plan file that is there
// and is not this one (FollowLink), and that plan must name this one as
// its previous review, as ladder new --from writes them. Two plans that
// name each other only that way were carried on by ladder, or edited on
// both sides in plain view.
//
// Nor may the reviews after it, each carried on to the next, lead back
// to it: in a ring, every plan would leave its actions to the next and no
// plan would chase them (ErrReviewRing).
func NextReviewOf(path string, p *Plan) (string, error) {
	return NewLinks().NextReviewOf(path, p)
}

// NextReviewOf is the package's NextReviewOf (see Links). Each step of
// the walk is remembered, so that walking a chain from each of its plans
// costs a lookup a step once the chain has been read.
func (l *Links) NextReviewOf(path string, p *Plan) (string, error) {
	// Cloned, as l keeps it: the plan's value shares its file's bytes.
	return l.nextReviewAfter(path, strings.Clone(p.NextReview))
}

// nextReviewAfter is NextReviewOf of the plan at path whose next_review
// is ref, read from the plan or from its file's links alone (InUse).
func (l *Links) nextReviewAfter(path, ref string) (string, error) {
	if ref == "" {
		return "", nil
	}
	next, onward, err := l.nextReview(path, ref)
	if err != nil {
		return "", err
	}
	self, err := l.stat(path)
	if err != nil {
		return "", err
	}
	from := next
	for range MaxReviewsAfter {
		if onward == "" {
			return next, nil
		}
		to, after, err := l.nextReview(from, onward)
		if err != nil {
			return next, nil // from keeps its own actions: the chain ends there
		}
		if info, err := l.stat(to); err != nil || os.SameFile(info, self) {
			return "", fmt.Errorf("%s %w: each would leave its open actions to the next, and none would chase them; remove one of the next_review lines", safetext.Quote(ref), ErrReviewRing)
		}
		from, onward = to, after
	}
	return "", fmt.Errorf("%s is followed by more than %d reviews, each carried on to the next: this plan keeps its open actions", safetext.Quote(ref), MaxReviewsAfter)
}

// ErrLinkDoesNotLoad is NextReviewOf's and PreviousReviewOf's error for
// a link to a file that does not read as a plan, most often one with
// git's conflict markers in it after two people carried one plan on, on
// two branches: whether it names this plan back is not known until it
// loads, so it takes no actions on meanwhile.
var ErrLinkDoesNotLoad = errors.New("does not load (ladder check says why)")

// ErrNotNamedNext is PreviousReviewOf's error for a previous review that
// does not name the plan as its next review.
var ErrNotNamedNext = errors.New("does not name this plan as its next review")

// ErrCarriedOnTwice is PreviousReviewOf's error, with ErrNotNamedNext,
// when the previous review names as its next review another plan that
// carries it on too: two people carried one plan on, on two branches,
// and the merge kept one next_review line. Pointing that line at this
// plan would only move the warning to the other; what fits is to keep
// one of the two reviews. A next_review that leads to no plan, or to one
// that does not name the previous review back, is an ordinary broken
// link, and this plan may well be the one it should name.
var ErrCarriedOnTwice = errors.New("so two reviews carry one plan on")

// PreviousReviewOf is the previous review the plan at path carried on
// from: "" when it names none, and an error when the link fails as
// FollowLink's do, or when that plan does not name this one back as its
// next review. The last happens to the plan that lost when two people
// carried one plan on, on two branches, and git made them choose: its
// actions are still chased, so nothing hides, but it says it carries on a
// review that carried on elsewhere. Where git kept both next_review lines
// instead (a union merge), the error is ErrNextReviewGivenTwice.
func PreviousReviewOf(path string, p *Plan) (string, error) {
	return NewLinks().PreviousReviewOf(path, p)
}

// PreviousReviewOf is the package's PreviousReviewOf (see Links).
func (l *Links) PreviousReviewOf(path string, p *Plan) (string, error) {
	if p.PreviousReview == "" {
		return "", nil
	}
	prev, err := l.FollowLink(path, p.PreviousReview)
	if err != nil {
		return "", err
	}
	_, next, ok := l.linksIn(prev)
	switch {
	case !ok:
		if err := l.carriedOnTwiceError(path, p.PreviousReview, prev); err != nil {
			return "", err
		}
		return "", fmt.Errorf("%s leads to %s, which %w", safetext.Quote(p.PreviousReview), shownTarget(p.PreviousReview, prev), ErrLinkDoesNotLoad)
	case l.namesBack(prev, next, path):
		return prev, nil
	}
	if next != "" {
		if other, _, err := l.nextReview(prev, next); err == nil {
			return "", fmt.Errorf("%s leads to %s, which %w: it names %s, which carries it on too, %w", safetext.Quote(p.PreviousReview), shownTarget(p.PreviousReview, prev), ErrNotNamedNext, shownTarget(next, other), ErrCarriedOnTwice)
		}
	}
	return "", fmt.Errorf("%s leads to %s, which %w", safetext.Quote(p.PreviousReview), shownTarget(p.PreviousReview, prev), ErrNotNamedNext)
}

// followNext follows ref, the next_review of the plan at path, to the
// plan that names that one back as its previous review (see NextReviewOf),
// and gives that plan's own next_review. Links.nextReview remembers it.
func (l *Links) followNext(path, ref string) (next, onward string, err error) {
	next, err = l.FollowLink(path, ref)
	if err != nil {
		return "", "", err
	}
	if why := l.unreadByFolders(path, ref, next); why != "" {
		return "", "", fmt.Errorf("%s leads to %s, %s, which ladder status and check --overdue never read: it takes no actions on", safetext.Quote(ref), shownTarget(ref, next), why)
	}
	back, onward, ok := l.linksIn(next)
	switch {
	case !ok:
		return "", "", fmt.Errorf("%s leads to %s, which %w", safetext.Quote(ref), shownTarget(ref, next), ErrLinkDoesNotLoad)
	case l.namesBack(next, back, path):
		return next, onward, nil
	}
	return "", "", fmt.Errorf("%s leads to %s, which %w", safetext.Quote(ref), shownTarget(ref, next), ErrNotLinkedBack)
}

// namesBack reports whether ref, a link of the plan at from, leads back
// to the plan at path: how two reviews carried on one to the other name
// each other.
func (l *Links) namesBack(from, ref, path string) bool {
	if ref == "" {
		return false
	}
	target, err := l.Link(from, ref)
	return err == nil && l.sameFile(target, path)
}

// unreadByFolders says why the folder commands (Find) would never read
// target, where ref from the plan at from leads, as a plan: "" when they
// would. A next review there would take actions where nobody chases them.
func (l *Links) unreadByFolders(from, ref, target string) string {
	switch _, copied := ConflictCopyOf(target); {
	case IsDataFile(target), IsBenchmarkFile(target):
		return "a workforce data file"
	case copied:
		return "a review's conflict copy"
	}
	for _, seg := range strings.Split(path.Dir(ref), "/") {
		if SkippedFolder(seg) {
			return "in a hidden or testdata folder"
		}
	}
	// Find does not follow a linked folder.
	want := filepath.Join(l.realDir(filepath.Dir(from)), filepath.FromSlash(path.Dir(ref)))
	if l.realDir(filepath.Dir(target)) != want {
		return "through a linked folder"
	}
	return ""
}

// readLinks reads the previous_review and next_review of the plan file at
// path without loading the plan: status reads thousands of plans, and the
// next review of each carried-on one is read again only for these. It
// parses the file as Parse does (ladder's own layout takes the fast path),
// so that it sees a link exactly where loading the plan would: a line that
// looks like one inside a quoted title or a block of notes is not one.
// Anything unreadable is no link. unread says the file does not read as a
// plan at all: one with git's conflict markers in it does not, and whether
// it names another plan back is not known until the merge is finished; nor
// does one that gives next_review twice, which is how a union merge (the
// README's .gitattributes) leaves last year's plan when two people carried
// it on, on two branches: taking either line would have the plan before
// it hand its actions on to a plan that does not load (nexts keeps both
// lines). A previous_review given twice is no link.
func readLinks(path string) reviewLinks {
	data, err := strictyaml.ReadFile(path)
	if err != nil {
		return reviewLinks{unread: true}
	}
	if head, ok := linksHead(data); ok {
		if r := linksOf(head); !r.unread && r.previous != "" {
			return r
		}
	}
	return linksOf(data)
}

// linksHead is the part of a plan file above its items, where ladder
// writes the links, when that part alone says what the whole file does
// about them: the rest has no line at the left margin but plain keys,
// comments and blank lines (no quoted or explicit key, no second
// document, no conflict marker), and names neither link. A cut inside a
// quoted or flow value leaves a head that does not parse; a block
// scalar's lines are indented. Parsing the head is a fraction of the file.
func linksHead(data []byte) ([]byte, bool) {
	cut := bytes.Index(data, []byte("\nitems:"))
	if cut < 0 {
		return nil, false
	}
	head, rest := data[:cut+1], data[cut+1:]
	if bytes.Contains(rest, []byte("previous_review")) || bytes.Contains(rest, []byte("next_review")) || !plainKeysOnly(rest) {
		return nil, false
	}
	return head, true
}

// plainKeysOnly reports whether rest, the part of a plan file from its
// items down, has no line at the left margin but plain keys, comments and
// blank lines (see linksHead).
func plainKeysOnly(rest []byte) bool {
	for line := range bytes.Lines(rest) {
		switch c := line[0]; {
		case c == ' ' || c == '\n' || c == '\r' || c == '#' || c == '_',
			'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return true
}

// linksOf reads the links at the top level of data, as Parse would; unread
// when data does not parse to a mapping, or gives next_review twice. A
// previous_review given twice is no link: it hands nothing on either way.
func linksOf(data []byte) reviewLinks {
	var r reviewLinks
	var seenPrevious int
	var nexts []nextLine
	ok := eachTopScalar(data, func(key, value string, line int) {
		switch key {
		case "previous_review":
			r.previous = value
			seenPrevious++
		case "next_review":
			r.next = value
			nexts = append(nexts, nextLine{value, line})
		}
	})
	switch {
	case !ok:
		return reviewLinks{unread: true}
	case len(nexts) > 1:
		return reviewLinks{unread: true, nexts: nexts}
	case seenPrevious > 1:
		r.previous = ""
	}
	return r
}

// eachTopScalar calls f with each key and scalar value at the top level
// of data, as Parse reads them, and the key's line; false when data does
// not parse to a mapping.
func eachTopScalar(data []byte, f func(key, value string, line int)) bool {
	// A pooled parser, as Parse's: a folder command reads a head for each
	// next review (and ladder new one for each plan beside it), and keeps
	// only a few strings.
	parser := parsers.Get().(*strictyaml.Parser)
	defer parsers.Put(parser)
	top, problems := parser.Parse(data)
	if top != nil && top.Kind == yaml.DocumentNode && len(top.Content) == 1 {
		top = top.Content[0]
	}
	if len(problems) > 0 || top == nil || top.Kind != yaml.MappingNode {
		return false
	}
	m := top.Content
	for i := 0; i+1 < len(m); i += 2 {
		if k, v := m[i], m[i+1]; k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
			f(k.Value, v.Value, k.Line)
		}
	}
	return true
}

// MovedAsideAs reports whether added, a plan new in a change, is was moved
// aside, where the same change turned was into now at was's old name:
// last year's plan moved into a year's folder and carried on into its
// place (git mv plans/acme.yaml plans/2026/, then ladder new
// plans/acme.yaml --from plans/2026/acme.yaml), which git sees as the old
// name changed and last year's plan new. Now names a previous review only
// now, and added is the same review as was (organisation, checklist and
// date). The caller checks that now's previous review names added's file.
func MovedAsideAs(was, now, added *Plan) bool {
	return now.PreviousReview != "" && now.PreviousReview != was.PreviousReview &&
		added.Date == was.Date && len(Unrelated(was, added)) == 0
}
