package accessible

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// open finds the plan to work on: the one named, a new one at the path
// named, or one chosen from the plans folder.
func (r *reviewer) open(resolve plans.Resolver) (*review.Session, error) {
	path := r.opts.PlanPath
	if r.opts.From != "" {
		return r.carryOn(path, r.opts.From, resolve)
	}
	if path == "" {
		return r.chooseFromFolder(resolve)
	}
	exists, err := review.Locate(path)
	switch {
	case err != nil:
		return nil, err
	case exists:
		return r.resume(path, resolve)
	}
	return r.create(path, resolve)
}

// resume opens a plan file. One that does not load is reported, with the
// file:line:col of each problem, and left untouched.
func (r *reviewer) resume(path string, resolve plans.Resolver) (*review.Session, error) {
	s, err := review.Open(path, resolve, r.today)
	if err != nil {
		return nil, err
	}
	r.sayOpened(s)
	return s, nil
}

// sayOpened says which plan s is, how far it got, and what to know
// before going on with it.
func (r *reviewer) sayOpened(s *review.Session) {
	p := s.Plan()
	_, total := p.Counts()
	// As the folder list shows them: the prompts' writer would drop an
	// escape sequence's control, and the name read as another.
	r.p.say("Review of %s: %s.", safetext.Line(p.Organisation), safetext.Line(p.Title))
	r.p.say("Plan file: %s (%d of %d rated%s).", shown(s.Path()), total.Rated(), total.Total(), lateSaid(s.CarriedCounts(r.today)))
	if next, ok := s.NextReview(); ok {
		r.p.say("%s", review.HandedOnWords(next))
	}
	if said := s.OpenWarnings(); len(said) > 0 {
		r.p.say("%s", strings.Join(said, " "))
	}
}

// lateSaid is a plan's late count as the screens' list and overview say
// it, in words: ", 3 late"; for a review carried on from the last, what
// came across and how many of those are past due, apart from any this
// review let slip (", 4 carried on from the last review, 3 of them past
// due, 1 more late"). "" when there is nothing to say.
func lateSaid(late, carried, carriedLate int) string {
	if carried == 0 {
		if late == 0 {
			return ""
		}
		return fmt.Sprintf(", %d late", late)
	}
	said := fmt.Sprintf(", %d carried on from the last review", carried)
	if carriedLate == 0 {
		said += ", none past due"
	} else {
		said += fmt.Sprintf(", %d of them past due", carriedLate)
	}
	if more := late - carriedLate; more > 0 {
		said += fmt.Sprintf(", %d more late", more)
	}
	return said
}

// lateOfListed counts a listed plan's late actions and steps, and what
// came across from the review it carried on from (review's
// Session.CarriedCounts), for lateSaid. The link is followed with the
// list's links, and load reads the previous review.
func lateOfListed(f plans.Found, links *plans.Links, load plans.PlanLoader, today plans.Date) (late, carried, carriedLate int) {
	overdue := f.Plan.Overdue(today)
	prev, _, err := links.PreviousReview(f.Path, f.Plan, load)
	if err == nil && prev != nil {
		carried, carriedLate = plans.CountCarried(prev, f.Plan, overdue)
	}
	return len(overdue), carried, carriedLate
}

// chooseFromFolder lists the plans in the plans folder, newest first, to resume one
// or begin a new review.
func (r *reviewer) chooseFromFolder(resolve plans.Resolver) (*review.Session, error) {
	found, err := plans.Discover(r.opts.Dir, resolve)
	if err != nil {
		return nil, err
	}
	found, lastYear := r.thisYearsFolder(found, resolve)
	// One Links told of every plan loaded, as the screens' list does
	// (rowFacts): asked afresh, each next review's file is read again.
	links := plans.NewLinks()
	byPath := map[string]*plans.Plan{}
	for _, f := range found {
		links.Loaded(f.Path, f.Plan)
		if f.Plan != nil {
			byPath[filepath.Clean(f.Path)] = f.Plan
		}
	}
	// A listed plan's previous review in the list is taken as loaded for
	// it, not read again for its line; one elsewhere is read.
	loadPrevious := func(path string) (*plans.Plan, error) {
		if p := byPath[filepath.Clean(path)]; p != nil {
			return p, nil
		}
		return plans.LoadFile(path, resolve)
	}
	handedOn := map[string]bool{}
	for _, f := range found {
		if f.Plan != nil {
			_, handedOn[f.Path] = links.HandedOn(f.Path, f.Plan)
		}
	}
	review.HandedOnLast(found, func(path string) bool { return handedOn[path] })
	var options []choice
	var loaded, broken []plans.Found // loaded: listed first, in order
	for _, f := range found {
		if f.Err != nil {
			broken = append(broken, f)
			continue
		}
		_, total := f.Plan.Counts()
		carried := ""
		if handedOn[f.Path] {
			carried = ", carried on"
		} else {
			carried = lateSaid(lateOfListed(f, links, loadPrevious, r.today))
		}
		// "14 of 21", not "14/21", which a speech engine may read as a
		// fraction or a date; the file by its name in the folder, which
		// is said once above the list.
		options = append(options, choice{label: fmt.Sprintf("%s: %s, %d of %d rated%s (%s)",
			safetext.Line(f.Plan.Organisation), safetext.Line(f.Plan.Title), total.Rated(), total.Total(), carried, safetext.Line(filepath.Base(f.Path)))})
		loaded = append(loaded, f)
	}
	for _, f := range broken {
		r.p.say("Not listed: %s does not load (%s). Run: ladder check %s", shown(f.Path), safetext.Line(whereWrong(f.Err)), safetext.Line(plans.CommandPath(f.Path)))
	}
	if len(options) == 0 && len(broken) == 0 {
		if s, err, ok := r.chooseFromLastYear(resolve); ok {
			return s, err
		}
	}
	if len(options) == 0 {
		// A folder per year leaves none in the plans folder itself.
		if below := plans.FoldersWithPlans(r.opts.Dir); len(broken) == 0 && len(below) > 0 {
			// In a year's folder, the organisation's last review beside it is
			// offered once its name is typed (offerLastReview).
			beside := ""
			if len(plans.OtherYearFolders(r.opts.Dir)) > 0 {
				beside = " Or type its organisation below, to begin this year's review from its last one."
			}
			first := safetext.Line(plans.CommandPath(below[0]))
			if year := plans.NewYearFolder(r.opts.Dir, below, r.today.Year); year != "" {
				// Begun in plans itself, this year's review would not find
				// last year's; begun from last year's folder's list, it would
				// be written there. In this year's folder, the organisation
				// typed finds its last review beside it (offerLastReview).
				r.p.say("There are no plans in the folder %s itself. Made a review before? Yours are in %s. This year's review goes in a folder of its own, %s: type its organisation below to begin it from its last one (ladder review --accessible --dir %s lists last year's plans). Otherwise, this is a new review.",
					shown(r.opts.Dir), review.FolderList(below), shown(year), first)
				r.opts.Dir = year
				return r.create("", resolve)
			}
			r.p.say("There are no plans in the folder %s itself. Made a review before? Yours are in %s: to list that folder's, quit (ctrl+c) and run ladder review --accessible --dir %s.%s Otherwise, this is a new review.",
				shown(r.opts.Dir), review.FolderList(below), first, beside)
			return r.create("", resolve)
		}
		if len(broken) > 0 {
			// Not "no plans": theirs may be one, with a typo made by hand.
			r.p.say("No plan in the folder %s opens, so this is a new review. To mend one first, quit (ctrl+c) and run the ladder check command above.", shown(r.opts.Dir))
			return r.create("", resolve)
		}
		r.p.say("There are no plans in the folder %s yet, so this is a new review. Made a review before? Quit (ctrl+c) and run ladder review --accessible in the folder that holds yours.", shown(r.opts.Dir))
		return r.create("", resolve)
	}
	next := nextReviewFrom(found, r.today)
	if next != nil {
		options = append(options, choice{label: fmt.Sprintf("Begin the next review from %s: %s, carrying on %s",
			safetext.Line(next.found.Plan.Organisation), safetext.Line(next.found.Plan.Title), next.what), words: []string{"next"}})
	}
	fromLastYear := len(options)
	for _, l := range lastYear {
		if !l.UnderWay {
			options = append(options, choice{label: r.beginFromLastYear(l)})
			continue
		}
		_, total := l.Found.Plan.Counts()
		options = append(options, choice{label: fmt.Sprintf("Open %s: %s as it is, %d of %d rated, in %s (%s)", safetext.Line(l.Found.Plan.Organisation), safetext.Line(l.Found.Plan.Title),
			total.Rated(), total.Total(), shown(filepath.Dir(l.Found.Path)), safetext.Line(filepath.Base(l.Found.Path)))})
	}
	options = append(options, choice{label: "Begin a new review", words: []string{"new"}})
	// Enter does what it does on the screens' list, which opens on the
	// review under way, or else on the next review to begin.
	def, enter := len(options)-1, "begin a new review"
	listed := loaded
	for _, l := range lastYear {
		listed = append(listed, l.Found) // at fromLastYear in options, after the next review if offered
	}
	switch under := review.ReviewUnderWay(listed, r.today); {
	case under >= len(loaded):
		def = fromLastYear + under - len(loaded)
		enter = fmt.Sprintf("open %d", def+1)
	case under >= 0:
		def, enter = under, fmt.Sprintf("open %d", under+1)
	case next != nil:
		def, enter = len(loaded), fmt.Sprintf("begin the next review (%d)", len(loaded)+1)
	}
	for {
		r.p.say("Plans in the folder %s, newest first:", shown(r.opts.Dir))
		i, err := r.p.choose(question{prompt: "Plan", options: options, def: def, enter: enter})
		if err != nil {
			return nil, err
		}
		var s *review.Session
		// back at a new plan's first question comes back here: whoever
		// chose new, or next, by mistake opens their plan without quitting.
		r.listBefore = true
		switch {
		case next != nil && i == len(loaded):
			s, err = r.carryOn("", next.found.Path, resolve)
		case i >= fromLastYear && i < fromLastYear+len(lastYear):
			if l := lastYear[i-fromLastYear]; l.UnderWay {
				s, err = r.resume(l.Found.Path, resolve)
			} else {
				s, err = r.carryOn("", l.Found.Path, resolve)
			}
		case i >= len(loaded):
			s, err = r.create("", resolve)
		default:
			s, err = r.resume(loaded[i].Path, resolve)
		}
		r.listBefore = false
		if !errors.Is(err, errBack) {
			return s, err
		}
		r.p.blank()
	}
}

// thisYearsFolder, for a plans folder kept a folder per year whose
// year's folder holds plans, gives that folder's plans in place of found
// (the plans folder's own, none), and last year's reviews of the
// organisations with none there yet, as the screens' list shows them:
// one under way (December's, left half done) to open as it is, the others
// to begin this year's from. A review begun from last year's and stopped
// (a laptop killed, the day's end) is listed where ladder is started
// again, not left for --dir to find while a second plan for the year is
// begun. The plans folder becomes this year's, where a new review goes.
func (r *reviewer) thisYearsFolder(found []plans.Found, resolve plans.Resolver) ([]plans.Found, []review.LastReview) {
	this, last := plans.YearFolders(r.opts.Dir, r.today.Year)
	if last == "" || !plans.HoldsPlans(this) {
		return found, nil
	}
	if this != filepath.Clean(r.opts.Dir) {
		inThis, err := plans.Discover(this, resolve)
		if err != nil || len(inThis) == 0 {
			return found, nil
		}
		found, r.opts.Dir = inThis, this
	}
	lastFound, _ := plans.Discover(last, resolve) // it held plans a moment ago
	var begin []review.LastReview
	for _, l := range review.LastYearsReviews(lastFound, r.today) {
		if !slices.ContainsFunc(found, func(f plans.Found) bool {
			return f.Plan != nil && plans.SameOrganisation(f.Plan.Organisation, l.Found.Plan.Organisation)
		}) {
			begin = append(begin, l)
		}
	}
	return found, begin
}

// beginFromLastYear is the choice that begins this year's review from
// last year's l, in this year's folder.
func (r *reviewer) beginFromLastYear(l review.LastReview) string {
	p := l.Found.Plan
	// "Begin", as the start screen says it: "carry on" beside "Open ...
	// as it is" reads as resume last year's review.
	label := fmt.Sprintf("Begin this year's review in %s from %s: %s (%s)", shown(r.opts.Dir),
		safetext.Line(p.Organisation), safetext.Line(p.Title), friendly(p.Date))
	if what := l.Carried.Words(); what != "" {
		label += ", carrying on its " + what
	}
	return label
}

// chooseFromLastYear, for a plans folder kept a folder per year with none
// for this year's plans yet (or this year's folder, empty), lists last
// year's reviews as the start screen does (review.LastYearsReviews): each
// to begin this year's review from, in this year's folder, or to open as
// it is, then a new review there. A listener cannot see the names to
// type one, and an organisation typed a little differently found nothing
// to carry on. ok is false when there is no such list to give.
func (r *reviewer) chooseFromLastYear(resolve plans.Resolver) (s *review.Session, err error, ok bool) {
	this, last := plans.YearFolders(r.opts.Dir, r.today.Year)
	if last == "" {
		return nil, nil, false
	}
	found, err := plans.Discover(last, resolve)
	if err != nil {
		return nil, nil, false
	}
	reviews := review.LastYearsReviews(found, r.today)
	if !slices.ContainsFunc(reviews, func(l review.LastReview) bool { return !l.UnderWay }) {
		// Only this year's reviews, begun in last year's folder: the
		// organisation typed names the one under way (offerLastReview).
		return nil, nil, false
	}
	type pick struct {
		path  string
		carry bool
	}
	r.opts.Dir = this // this year's plan goes in this year's folder
	var options []choice
	var picks []pick
	for _, l := range reviews {
		p := l.Found.Plan
		if !l.UnderWay {
			options = append(options, choice{label: r.beginFromLastYear(l)})
			picks = append(picks, pick{l.Found.Path, true})
		}
		name := safetext.Line(p.Organisation) + ": " + safetext.Line(p.Title)
		options = append(options, choice{label: fmt.Sprintf("Open %s as it is (%s)", name, safetext.Line(filepath.Base(l.Found.Path)))}) // its folder said once, above
		picks = append(picks, pick{path: l.Found.Path})
	}
	options = append(options, choice{label: "Begin a new review in " + shown(this), words: []string{"new"}})
	for {
		r.p.say("There are no plans in the folder %s yet.", shown(this))
		r.p.say("Last year's reviews, in %s, to begin this year's in %s:", shown(last), shown(this))
		// An organisation typed, as these prompts asked before they
		// listed last year's reviews (and as answers piped in still give
		// it), begins a new review of it, which offers its last review.
		// Enter takes the first, the latest review, as the screens' list
		// opens on it.
		enter := "open 1"
		if picks[0].carry {
			enter = "begin this year's review from 1"
		}
		i, err := r.p.choose(question{prompt: "Plan", options: options, def: 0, enter: enter, typed: "the organisation's name to begin a new review of it"})
		if err != nil {
			return nil, err, true
		}
		if i == typedAnswer {
			i, r.orgTyped = len(picks), r.p.typed
		}
		// back at a new plan's first question comes back here.
		r.listBefore = true
		switch {
		case i >= len(picks):
			s, err = r.create("", resolve)
		case picks[i].carry:
			s, err = r.carryOn("", picks[i].path, resolve)
		default:
			s, err = r.resume(picks[i].path, resolve)
		}
		r.listBefore = false
		if !errors.Is(err, errBack) {
			return s, err, true
		}
		r.p.blank()
	}
}

// carryable is a plan in the folder that the next review could carry on
// from, and what it would take across, in words.
type carryable struct {
	found plans.Found
	what  string
}

// nextReviewFrom is the plan a next review could carry on from
// (review.NextReviewFrom: the newest organisation's last review, held half
// a year ago or more, with actions or steps still open, not carried on
// already), and what it would take across.
func nextReviewFrom(found []plans.Found, today plans.Date) *carryable {
	l := review.NextReviewFrom(found, today)
	if l == nil {
		return nil
	}
	return &carryable{found: l.Found, what: l.Carried.Words()}
}

// create asks for the details of a new review and writes its plan, at path
// or, when path is empty, at a file in the plans folder named after the
// organisation, title and date.
func (r *reviewer) create(path string, resolve plans.Resolver) (*review.Session, error) {
	r.p.blank()
	if path != "" { // named, and not there: maybe a typo for a plan that is
		r.p.say("There is no plan at %s yet, so this is a new review.", shown(path))
		if near := plans.NearPlanFile(path); near != "" {
			r.p.say("Did you mean %s? To open it, quit (ctrl+c) and run ladder review --accessible %s.", shown(near), safetext.Line(plans.CommandPath(near)))
		}
	}
	r.p.say("A new review. First, a few details for the plan.")
	var org, title, facilitator, people, carry string
	var c *checklist.Checklist
	steps := []func() error{
		func() error {
			for { // back at "Last review" asks the organisation again
				var err error
				if r.orgTyped != "" { // typed at last year's list
					org, r.orgTyped = r.orgTyped, ""
				} else if org, err = r.p.required("Organisation", "The name of the organisation under review, for example Acme Café Ltd.", org); err != nil {
					return err
				}
				r.firstDetail = false // back at "Last review" is to the organisation
				carry, err = r.offerLastReview(path, org)
				r.firstDetail = true
				if !errors.Is(err, errBack) {
					if err == nil && carry != "" {
						return errCarryOn
					}
					return err
				}
			}
		},
	}
	steps = append(steps, r.whoAndWhat("A name for this review, for example Spring review.", &title, &facilitator, &people)...)
	steps = append(steps, func() (err error) {
		c, err = r.chooseChecklist()
		return err
	})
	err := r.details(steps...)
	switch {
	case errors.Is(err, errCarryOn):
		// Its first question's back is not to the list, past the
		// organisation: it says it is the first.
		r.listBefore = false
		return r.carryOn(path, carry, resolve)
	case err != nil:
		return nil, err
	}
	n := review.NewPlan{Path: path, Dir: r.opts.Dir, Organisation: org, Title: title, Facilitator: facilitator,
		Participants: review.SplitNames(people), Checklist: c, Today: r.today}
	if r.opts.Checklist != "" {
		if _, builtin := checklist.Builtin(r.opts.Checklist); !builtin {
			n.ChecklistFile = r.opts.Checklist
		}
	}
	s, err := review.Create(n, resolve)
	if err != nil {
		return nil, err
	}
	r.p.say("Created the plan %s, with %d %s to rate.", shown(s.Path()), c.Len(), plural(c.Len(), "item", "items"))
	return s, nil
}

// errCarryOn ends a new plan's details where the organisation's last
// review is chosen to carry on from: carryOn asks the rest.
var errCarryOn = errors.New("carry on from the last review")

// whoAndWhat are the details a new review and a carried-on one both ask
// after the organisation, each a step for details: the review's title
// (with the hint given), who runs it and who takes part.
func (r *reviewer) whoAndWhat(titleHint string, title, facilitator, people *string) []func() error {
	return []func() error{
		func() (err error) {
			*title, err = r.p.required("Title", titleHint, *title)
			return err
		},
		func() (err error) {
			*facilitator, err = r.p.text("Facilitator", "Who runs the review?", *facilitator)
			return err
		},
		func() (err error) {
			*people, err = r.p.text("Participants", "Who is taking part? Names separated by commas.", *people)
			return err
		},
	}
}

// details asks a new plan's details, one step a question, in order: back
// at one goes to the one before, whose answer Enter keeps, as shift+tab
// goes back on the screens' form; back at the first returns errBack, to
// the folder's list, when it came from one (listBefore), and says it is
// the first question when not.
func (r *reviewer) details(steps ...func() error) error {
	r.inDetails = true
	defer func() { r.inDetails, r.firstDetail = false, false }()
	for i := 0; i < len(steps); {
		r.firstDetail = i == 0 // back there is answered where it is typed (startCommand)
		err := steps[i]()
		switch {
		case errors.Is(err, errBack) && i == 0:
			return err
		case errors.Is(err, errBack):
			i--
		case err != nil:
			return err
		default:
			i++
		}
	}
	return nil
}

// offerLastReview looks, once the organisation is typed, for its last
// review where the new plan goes and, for a folder named after a year, in
// the other years' folders beside it (review.LastReviewFor, as ladder new
// and the screens' form do): last year's, with actions open, is offered
// to carry on from, so that they are not left behind in last year's plan;
// one under way is named, to go on with instead. It returns the plan
// chosen to carry on from, or "".
func (r *reviewer) offerLastReview(path, org string) (string, error) {
	dir := r.opts.Dir
	if path != "" {
		dir = filepath.Dir(path)
	}
	l := review.LastReviewFor(dir, org, path, r.today)
	switch {
	case l == nil:
		return "", nil
	case l.Held():
		r.p.say("A review of %s was held in the last half year, every item rated: %s (%s). To go back to it, quit (ctrl+c) and run ladder review --accessible %s. Otherwise, this is another review.",
			safetext.Line(l.Found.Plan.Organisation), shown(l.Found.Path), safetext.Line(l.Found.Plan.Title), safetext.Line(plans.CommandPath(l.Found.Path)))
		return "", nil
	case l.UnderWay:
		r.p.say("A review of %s is under way already: %s (%s). To go on with it, quit (ctrl+c) and run ladder review --accessible %s. Otherwise, this is another review.",
			safetext.Line(l.Found.Plan.Organisation), shown(l.Found.Path), safetext.Line(l.Found.Plan.Title), safetext.Line(plans.CommandPath(l.Found.Path)))
		return "", nil
	}
	what := l.Carried.Words()
	if what == "" {
		return "", nil
	}
	p := l.Found.Plan
	said := what
	if late := len(p.Overdue(r.today)); late > 0 { // as the screens' form says it
		said += review.CarriedLate(l.Carried, late)
	}
	r.p.say("The last review of %s, %s (%s, %s), has %s.", safetext.Line(p.Organisation), safetext.Line(p.Title), shown(l.Found.Path), friendly(p.Date), said)
	options := []choice{
		{label: "Begin the next review from it, carrying on " + what, words: []string{"next"}},
		{label: "Begin without them", words: []string{"new"}},
	}
	i, err := r.p.choose(question{prompt: "Last review", options: options, def: 0, enter: "begin from it"})
	if err != nil || i != 0 {
		return "", err
	}
	return l.Found.Path, nil
}

// chooseChecklist takes --checklist if given, or asks which built-in
// checklist to follow.
func (r *reviewer) chooseChecklist() (*checklist.Checklist, error) {
	if r.opts.Checklist != "" {
		c, err := checklist.Resolve(r.opts.Checklist)
		if err == nil {
			r.p.say("Checklist: %s.", safetext.Line(c.Title))
		}
		return c, err
	}
	builtins := checklist.Builtins()
	options := make([]choice, len(builtins))
	def := 0
	for i, c := range builtins {
		label := c.Title + " (" + c.ID + ")"
		if use := checklist.Use(c.ID); use != "" { // which suits them, as ladder checklists says
			label += ": " + use
		}
		name := spokenName(c)
		options[i] = choice{label: label, short: name, words: []string{c.ID, name}}
		if c.ID == checklist.DefaultID {
			def = i
		}
	}
	// Asked again after back, in one line by the checklists' names, as
	// the rating is after the first item: the long titles once, ? again.
	i, err := r.p.choose(question{prompt: "Checklist", options: options, def: def, enter: "choose " + options[def].short,
		also: "the checklist's name or id", starts: true,
		lead: "Which checklist will you follow?", brief: "Which checklist will you follow? "})
	if err != nil {
		return nil, err
	}
	return builtins[i], nil
}

// spokenName names a checklist where a line offers it in a few words:
// its title up to a colon ("The Building Blocks"). Its id, which a
// screen reader spells out letter by letter and hyphen by hyphen
// ("s m c hyphen progression"), is for --checklist and the list in full.
func spokenName(c *checklist.Checklist) string {
	name, _, _ := strings.Cut(c.Title, ": ")
	return safetext.Line(name)
}

// whereWrong is the first thing wrong with a file that did not load, for
// a line that has named the file already: where in it in words ("line 2,
// column 7: ..."), not the file's path again and "2:7", which a screen
// reader reads out as a second path and a ratio.
func whereWrong(err error) string {
	var fe *strictyaml.FileError
	if errors.As(err, &fe) && len(fe.Problems) > 0 {
		p := fe.Problems[0]
		return fmt.Sprintf("line %d, column %d: %s", p.Line, p.Column, p.Message)
	}
	return firstLine(err)
}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
