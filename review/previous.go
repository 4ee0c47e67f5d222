package review

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// Previous is what the review this plan carried on from (its
// previous_review) said about one item.
type Previous struct {
	Date   plans.Date // the previous review's date
	Rating string     // its rating: a level key of the checklist
	Action string     // its action, which the new plan may have carried on
	// Done says the previous review marked its action done: work
	// finished since that rating, which the new rating weighs.
	Done bool
}

// Carries reports whether r, this year's response to the item, still holds
// the action the previous review left open: carried on, not yet edited or
// done. The screens and the prompts say so beside last year's rating.
func (p Previous) Carries(r *plans.Response) bool {
	return r.OpenAction() && r.Action == p.Action
}

// CarryPreview is what beginning the next review of prev would start
// with, for the form and the prompts to fill in and say before anything
// is written: the organisation, facilitator and participants as a new
// review cleans them, and what would come across, counted as Create will
// count it, on a plan that is thrown away.
func CarryPreview(prev *plans.Plan, today plans.Date) (NewPlan, plans.Carried) {
	n := NewPlan{Organisation: CleanLine(prev.Organisation), Title: CleanLine(prev.Title), Facilitator: CleanLine(prev.Facilitator), Today: today}
	for _, name := range prev.Participants {
		if name = CleanLine(name); name != "" {
			n.Participants = append(n.Participants, name)
		}
	}
	return n, plans.CarryOn(prev, plans.New(prev.Checklist, "", "", today))
}

// previousPlan is the previous review, read once per session, the first
// time a front end asks: a screen asks on every frame, and must not read a
// file each time.
type previousPlan struct {
	ref  string      // the previous_review it was read for
	plan *plans.Plan // nil: none, or it did not load
	// steps are the ids of the project-plan steps the previous review
	// still had open, which carrying on brought across; made the first
	// time CarriedStep asks.
	steps map[int]bool
}

// PreviousRating is how the previous review rated the item, if this plan
// names one (previous_review) that plans.PreviousReview reads (inside the
// repository, not the plan itself, a plan that loads on the same
// checklist), and it rated the item. A previous plan that is missing or
// broken, a link out of the repository (plan files come from pull
// requests) or back to the plan itself shows nothing: the review goes on
// without it.
func (s *Session) PreviousRating(itemID string) (Previous, bool) {
	p := s.previousPlan()
	if p == nil {
		return Previous{}, false
	}
	r := p.Items[itemID]
	if r == nil || !r.Rated() {
		return Previous{}, false
	}
	return Previous{Date: p.Date, Rating: r.Rating, Action: r.Action, Done: r.Action != "" && r.Status == plans.StatusDone}, true
}

// CarriedStep reports whether the project-plan step with this id came
// across from the previous review: that review's plan had it open, and
// carrying on keeps a step's id (plans.CarryOn). A step added since gets
// an id no step of this plan has, picked at random among 90,000, so it
// is taken for a carried one about once in 90,000 plans.
func (s *Session) CarriedStep(id int) bool {
	p := s.previousPlan()
	if p == nil {
		return false
	}
	if s.previous.steps == nil {
		s.previous.steps = map[int]bool{}
		if pid := p.ProjectPlanID(); pid != "" && pid == s.Plan().ProjectPlanID() {
			for _, st := range p.FollowUps[pid].Steps {
				if st.Open() {
					s.previous.steps[st.ID] = true
				}
			}
		}
	}
	return s.previous.steps[id]
}

// CarriedAction reports whether the item's action came across from the
// previous review: that review's plan had an action open on the item,
// and this plan has one on it (plans.ActionCarriedOn). Read as
// PreviousRating reads: with no previous review to read, nothing came
// across.
func (s *Session) CarriedAction(itemID string) bool {
	p := s.previousPlan()
	if p == nil {
		return false
	}
	return plans.ActionCarriedOn(p, s.Plan(), itemID)
}

// CarriedCounts counts what came across from the previous review, its
// actions and project-plan steps (plans.CountCarried), and how many of
// them are past due today; late counts all the plan's actions and steps
// late today. The screens' overview and the prompts say them alike.
func (s *Session) CarriedCounts(today plans.Date) (late, carried, carriedLate int) {
	overdue := s.Plan().Overdue(today)
	if p := s.previousPlan(); p != nil {
		carried, carriedLate = plans.CountCarried(p, s.Plan(), overdue)
	}
	return len(overdue), carried, carriedLate
}

// PreviousDate is the date of the review this plan carried on from, when
// that plan can be read (see PreviousRating).
func (s *Session) PreviousDate() (plans.Date, bool) {
	p := s.previousPlan()
	if p == nil {
		return plans.Date{}, false
	}
	return p.Date, true
}

func (s *Session) previousPlan() *plans.Plan {
	ref := s.Plan().PreviousReview
	if s.previous != nil && s.previous.ref == ref {
		return s.previous.plan
	}
	s.previous = &previousPlan{ref: ref}
	// Why it could not be read is not shown: the review goes on without.
	p, _, err := plans.PreviousReview(s.Path(), s.Plan(), func(path string) (*plans.Plan, error) {
		return plans.LoadFile(path, s.resolve)
	})
	if err != nil {
		return nil
	}
	s.previous.plan = p
	return p
}

// nextReview is the review this plan handed its open actions on to, read
// once per session for the next_review it was read for.
type nextReview struct {
	ref  string
	path string // "" when the link hands nothing on
}

// NextReview is the review that carried this plan on, when it took the
// plan's open actions (plans.HandedOn): from then on ladder status and
// check chase them there, so they are marked done there. It is read once
// per session, the first time a front end asks: a screen asks on every
// frame.
func (s *Session) NextReview() (string, bool) {
	ref := s.Plan().NextReview
	if s.next == nil || s.next.ref != ref {
		s.next = &nextReview{ref: ref}
		if next, ok := plans.HandedOn(s.Path(), s.Plan()); ok {
			s.next.path = next
		}
	}
	return s.next.path, s.next.path != ""
}

// HandedOnWords says, for the screens and the prompts alike, that a plan's
// open actions are chased in its next review now.
func HandedOnWords(next string) string {
	return "Carried on to the next review, " + safetext.Line(next) + ": its open actions are chased there now, so mark them done in that plan."
}

// CarriedLate says how many of what is carried on (plans.Carried.Words)
// are late, after it, for the screens and the prompts alike: ", 1 of them
// late" after one count alone, but after two ("2 open actions, 1 of them
// also a project-plan step") "them" was heard as the last, so the late are
// said of all, with their number (as status chases them, each once).
func CarriedLate(c plans.Carried, late int) string {
	if c.Actions == 0 || c.Steps == 0 {
		return fmt.Sprintf(", %d of them late", late)
	}
	all := c.Actions + c.Steps - c.Repeats
	return fmt.Sprintf("; %d of the %d %s late", late, all, plural(late, "is", "are"))
}

// CarryRefused is plans.CheckCarryOn's refusal as ladder review --from
// says it, on the command line and in the accessible prompts alike: for a
// plan that was carried on, with the command that opens the review that
// took its actions on, as that is the review to go on with.
func CarryRefused(err error) error {
	var carried *plans.CarriedOnAlready
	if !errors.As(err, &carried) || carried.Next == "" {
		return err
	}
	return fmt.Errorf("%w; open that one instead (ladder review %s)", err, safetext.Line(plans.CommandPath(carried.Next)))
}

// FinishCarryOn carries prev on into the review at next, which names it
// as its previous review already while prev names none
// (plans.CutShortCarrier): a carry-on cut short between its two writes,
// or prev's next_review line undone since. prev gains the line; next is
// left as it is, ratings and all, and opened. Its error is Create's:
// with the session, plans.ErrNotLinked, the line to add by hand.
func FinishCarryOn(prev *plans.File, next string, resolve plans.Resolver, today plans.Date) (*Session, error) {
	return Create(NewPlan{Path: next, Previous: prev, Today: today}, resolve)
}

// PreviousAnswer is what the review this plan carried on from answered to
// one next-steps question, for the review carrying on to set its own
// answer beside: carrying on takes open actions and project-plan steps
// across, not answers, and an answer's due date has no status, so nothing
// chases it.
type PreviousAnswer struct {
	Date  plans.Date // the previous review's date
	Words string     // the answer on one line, safe to print
	// Parts are the answer's rows (a list's entries, each area's answer
	// after its name), each on one line and safe to print: a screen
	// short of room shows the first and counts the rest.
	Parts []string
	Due   plans.Date // the date it was due by, if one was given
}

// PreviousAnswer is the previous review's answer to the follow-up
// question followUpID, read as PreviousRating reads its ratings, when that
// review answered it: a list's rows, each area's answer after the area's
// name, or a text, on one line. The counts are worked out afresh from the
// ratings and the project plan's open steps come across (marked
// CarriedStep), so those two have none.
func (s *Session) PreviousAnswer(followUpID string) (PreviousAnswer, bool) {
	p := s.previousPlan()
	if p == nil {
		return PreviousAnswer{}, false
	}
	a := p.FollowUps[followUpID]
	if a == nil {
		return PreviousAnswer{}, false
	}
	var parts []string
	if f, ok := p.Checklist.FollowUp(followUpID); ok {
		switch f.Kind {
		case checklist.KindList:
			parts = a.List
		case checklist.KindPerArea:
			for _, area := range p.Checklist.Areas {
				if words := oneLine(a.ByArea[area.ID]); words != "" {
					parts = append(parts, area.Title+": "+words)
				}
			}
		case checklist.KindText:
			parts = []string{a.Text}
		}
	}
	var kept []string
	for _, part := range parts {
		if part = oneLine(part); part != "" {
			kept = append(kept, safetext.Line(part))
		}
	}
	if len(kept) == 0 {
		return PreviousAnswer{}, false
	}
	return PreviousAnswer{Date: p.Date, Words: strings.Join(kept, "; "), Parts: kept, Due: a.Due}, true
}

// oneLine is s with its lines and runs of spaces joined by single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// UnderWay reports whether a review held on held is one of the last half
// year: the organisation's review under way, not last year's to carry on
// from. Beginning another beside it is most often a slip (this year's
// review begun twice), and offering to carry it on into a third would be
// noise; ladder new, the screens and the prompts point at it instead. A
// plan with no date is not taken for one.
func UnderWay(held, today plans.Date) bool {
	const halfAYear = 182
	return !held.IsZero() && held.DaysUntil(today) < halfAYear
}

// LastReview is an organisation's newest plan in a folder, as a review
// about to begin sees it: under way (this year's, begun again by mistake:
// go on with it), or last year's with actions open (begin the next review
// from it, carrying them on).
type LastReview struct {
	Found    plans.Found
	UnderWay bool
	Carried  plans.Carried // what carrying it on takes across; empty when under way
}

// Held says the review of the last half year (UnderWay) has every item
// rated: it was held, and is no longer under way, though it is still this
// half year's review, not one to carry on from. Said "under way, 21 of 21
// rated", it reads as ladder's slip to someone who finished it last month
// and begins another review of the organisation (another team's, the
// follow-up meeting's).
func (l *LastReview) Held() bool {
	if !l.UnderWay {
		return false
	}
	_, rated := l.Found.Plan.Counts()
	return rated.Total() > 0 && rated.Unrated == 0
}

// LastReviewOf is the last review of org in found: the plan
// plans.IsLaterReview puts after the others (not one carried on elsewhere,
// then the latest date, the first by path of one date), as ladder status
// finds it. nil when the organisation has no plan there, when that plan
// was carried on already (its next review is the one to find), or when it
// has nothing open to carry on. The organisation's latest review decides,
// so that a review under way is never passed over for an older one, whose
// carrying on would make a third plan for the year. The screens' form asks
// it of the organisation typed; the prompts' folder list, which knows none
// yet, asks NextReviewFrom.
func LastReviewOf(found []plans.Found, org string, today plans.Date) *LastReview {
	var last *plans.Found
	for i, f := range found {
		if f.Plan != nil && plans.SameOrganisation(f.Plan.Organisation, org) && (last == nil || plans.IsLaterReview(rankOf(f), rankOf(*last))) {
			last = &found[i]
		}
	}
	if last == nil {
		return nil
	}
	p := last.Plan
	switch {
	case p.NextReview != "": // a plan handed on names its next review
		return nil
	case UnderWay(p.Date, today):
		return &LastReview{Found: *last, UnderWay: true}
	case len(p.ActionsToChase()) == 0:
		return nil
	}
	_, carried := CarryPreview(p, today)
	return &LastReview{Found: *last, Carried: carried}
}

// ReviewUnderWay is where in found (a folder's plans as listed, each
// loaded) the review someone back to the folder most likely means to go
// on with is: the first that is its organisation's latest review
// (LastReviewOf), held in the last half year, not carried on, with items
// left to rate or next-steps questions left to answer (NextStepsLeft: a
// laptop that died in the next steps left every item rated). -1 when
// there is none: the first time, and when every review is finished. The screens' list opens on it, for enter to open,
// and Enter at the prompts' list opens it.
func ReviewUnderWay(found []plans.Found, today plans.Date) int {
	for i, f := range found {
		// Only a plan held in the last half year and naming no next
		// review can be its organisation's review under way: the others
		// are passed over before LastReviewOf reads the whole list again
		// for each.
		if f.Plan == nil || f.Plan.NextReview != "" || f.CarriedOnElsewhere || !UnderWay(f.Plan.Date, today) {
			continue
		}
		if _, total := f.Plan.Counts(); total.Unrated == 0 && len(NextStepsLeft(f.Plan)) == 0 {
			continue
		}
		if l := LastReviewOf(found, f.Plan.Organisation, today); l != nil && l.UnderWay && l.Found.Path == f.Path {
			return i
		}
	}
	return -1
}

// rankOf is what plans.IsLaterReview asks of a plan found.
func rankOf(f plans.Found) plans.PlanInfo {
	return plans.PlanInfo{Path: f.Path, Date: f.Plan.Date, CarriedOnElsewhere: f.CarriedOnElsewhere}
}

// HandedOnLast orders found as both front ends list a folder's plans: a
// plan handed on to its next review (handedOn) after the others, each
// part in the order it had. A plan carried on is done with, though
// carrying on wrote it last (its next_review line) and a checkout touches
// it again: the review that took its actions on is the one to go on
// with, and a plan's number in the list stays put.
func HandedOnLast(found []plans.Found, handedOn func(path string) bool) {
	slices.SortStableFunc(found, func(a, b plans.Found) int {
		switch ha, hb := handedOn(a.Path), handedOn(b.Path); {
		case ha == hb:
			return 0
		case ha:
			return 1
		}
		return -1
	})
}

// NextReviewFrom is the last review (see LastReviewOf) of the first
// organisation in found that a next review could carry on from: what a
// folder list, newest first, offers beside "Begin a new review". nil when
// there is none.
func NextReviewFrom(found []plans.Found, today plans.Date) *LastReview {
	// Each organisation's plans, in the order its first is found: asked
	// of the whole folder, each organisation's last review took a look
	// at every plan, and a folder of thousands took seconds.
	var orgs [][]plans.Found
	at := map[string]int{}
	for _, f := range found {
		if f.Plan == nil {
			continue
		}
		key := plans.OrganisationKey(f.Plan.Organisation)
		i, seen := at[key]
		if !seen {
			i, at[key] = len(orgs), len(orgs)
			orgs = append(orgs, nil)
		}
		orgs[i] = append(orgs[i], f)
	}
	for _, theirs := range orgs {
		if l := LastReviewOf(theirs, theirs[0].Plan.Organisation, today); l != nil && !l.UnderWay && l.Carried.Words() != "" {
			return l
		}
	}
	return nil
}

// LastReviewFor is the last review of org (LastReviewOf) for a new plan
// in dir: among the organisation's plans in plans.ReviewFolders(dir), so
// that next year's review begun in a folder of its own (plans/2027) finds
// last year's in plans/2026, as ladder new's note does. except is the new
// plan's own file, if it is there already.
func LastReviewFor(dir, org, except string, today plans.Date) *LastReview {
	// In any order: LastReviewOf takes the one IsLaterReview puts last.
	return LastReviewOf(plans.OrganisationPlans(dir, org, except), org, today)
}

// LastYearsReviews are the reviews in last year's folder (found: its
// plans, as plans.Discover reads them) that this year's review could be
// carried on from: each organisation's last review there (as
// LastReviewOf finds it), newest first by date (the first by path of one
// date), leaving out one whose next review took its actions on already.
// Unlike LastReviewOf, one with nothing open is offered too: carried on,
// it still begins this year's with last year's people, on its checklist,
// linked to it. A plan that does not load is not offered (the screens
// list it with its problems).
func LastYearsReviews(found []plans.Found, today plans.Date) []LastReview {
	links := plans.NewLinks()
	var latest []plans.Found
	at := map[string]int{} // each organisation's place in latest, by its key
	for _, f := range found {
		if f.Plan == nil {
			continue
		}
		links.Loaded(f.Path, f.Plan)
		key := plans.OrganisationKey(f.Plan.Organisation)
		i, seen := at[key]
		switch {
		case !seen:
			at[key] = len(latest)
			latest = append(latest, f)
		case plans.IsLaterReview(rankOf(f), rankOf(latest[i])):
			latest[i] = f
		}
	}
	var out []LastReview
	for _, f := range latest {
		if _, handedOn := links.HandedOn(f.Path, f.Plan); handedOn {
			continue
		}
		l := LastReview{Found: f, UnderWay: UnderWay(f.Plan.Date, today)}
		if !l.UnderWay {
			_, l.Carried = CarryPreview(f.Plan, today)
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b LastReview) int {
		if c := b.Found.Plan.Date.Compare(a.Found.Plan.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Found.Path, b.Found.Path)
	})
	return out
}
