package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// Next year's review, carried on from a plan chosen on the start screen
// (c) or named by review --from: the set-up form, prefilled from that plan,
// on its checklist, saying what comes across.

// setupCarryOn is the set-up screen's position argument for a review that
// carries on from common.carryFrom.
const setupCarryOn = 2

// carryOpenedMsg brings the plan to carry on from, opened off the update
// loop, to the start screen.
type carryOpenedMsg struct{ file *plans.File }

// openToCarry opens the plan at path to carry it on, off the update loop.
func openToCarry(c *common, path string) tea.Cmd {
	resolve := c.opts.resolver()
	return func() tea.Msg {
		f, err := plans.Open(path, resolve)
		if err != nil {
			return openFailedMsg{fmt.Errorf("%s does not load, so it cannot be carried on: %w", filepath.Base(path), err)}
		}
		return carryOpenedMsg{f}
	}
}

// cutShortCarrier is the plan in list that names prev as its previous
// review while prev names no next review: a carry-on cut short between
// its two writes, or prev's next_review line undone since (a checkout of
// last year's plan, taken for a file changed by accident). c carries prev
// on into it, not into a second review (finishCarry). Worked out from the
// paths alone: a key's answer reads no file.
func cutShortCarrier(list []plans.Found, prev plans.Found) (plans.Found, bool) {
	if prev.Plan.NextReview != "" {
		return plans.Found{}, false
	}
	for _, f := range list {
		ref := f.Plan.PreviousReview
		if ref == "" || f.Path == prev.Path {
			continue
		}
		if filepath.Join(filepath.Dir(f.Path), filepath.FromSlash(ref)) == filepath.Clean(prev.Path) {
			return f, true
		}
	}
	return plans.Found{}, false
}

// finishCarry carries the plan at prevPath on into next, the review a
// carry-on cut short wrote, off the update loop: prevPath gains its
// next_review line, next is left as it is (plans.CreateNext), and opens,
// the status line saying what happened.
func finishCarry(c *common, prevPath string, next plans.Found) tea.Cmd {
	resolve, today := c.opts.resolver(), c.today
	return func() tea.Msg {
		prev, err := plans.Open(prevPath, resolve)
		if err != nil {
			return openFailedMsg{fmt.Errorf("%s does not load, so it cannot be carried on: %w", filepath.Base(prevPath), err)}
		}
		ss, err := review.FinishCarryOn(prev, next.Path, resolve, today)
		// Linked or not, nothing here needs last year's plan open again:
		// held, its mark said it was open elsewhere until ladder quit.
		prev.Close()
		if ss == nil {
			return openFailedMsg{err}
		}
		msg := openedMsg{session: ss, said: finishedCarrySaid(prevPath, next.Path, err)}
		if err == nil {
			msg.linked = prevPath
		}
		return msg
	}
}

// finishCarryOnStart finishes the carry-on of review --from's plan into
// the plan named (Options.CarryFrom, PlanPath), the review a carry-on cut
// short wrote, as c on the start screen does (finishCarry): the old plan
// gains its next_review line, written only if it is as it was read, and
// the review opens as it was left, saying so; or, not linked, which line
// to add. It closes the old plan.
func (c *common) finishCarryOnStart() error {
	prev := c.opts.CarryFrom
	defer prev.Close()
	ss, err := review.FinishCarryOn(prev, c.opts.PlanPath, c.opts.resolver(), c.today)
	if ss == nil {
		return err
	}
	c.open(ss)
	c.carryFinished = finishedCarrySaid(prev.Path, c.opts.PlanPath, err)
	if err == nil {
		c.linked, c.linkedTo = prev.Path, ss.Path()
	}
	return nil
}

// finishedCarrySaid is what the status line says as a carry-on cut
// short is finished (finishCarry, finishCarryOnStart): good news, with
// its sign; or, with err, next written before and still not linked,
// which line to add (err names prevPath as the folder does).
func finishedCarrySaid(prevPath, next string, err error) string {
	if err != nil {
		return safetext.Line(err.Error())
	}
	return goodNewsSign + finishedCarryWords(prevPath, next)
}

// finishedCarryWords says that the carry-on of the plan at prevPath into
// next, cut short, is finished. Each is named by its file, and its folder
// too where the two share a name (plans kept a folder per year).
func finishedCarryWords(prevPath, next string) string {
	from, into := filepath.Base(prevPath), filepath.Base(next)
	if from == into {
		from = filepath.Join(filepath.Base(filepath.Dir(prevPath)), from)
		into = filepath.Join(filepath.Base(filepath.Dir(next)), into)
	}
	return "Finished carrying on " + safetext.Line(from) + " into " + safetext.Line(into) +
		", begun before and left as it was: its open actions are chased here now."
}

// carryFrom fills the form from prev, and fixes the checklist to prev's:
// a review carries on only on the checklist it came from.
func (s *setupScreen) carryFrom(prev *plans.File) {
	s.reset()
	s.firstRun = false
	s.prev = prev
	p := prev.Plan
	last, carried := review.CarryPreview(p, s.c.today)
	s.org.setValue(last.Organisation)
	s.facilitator.setValue(last.Facilitator)
	s.participants.setValue(strings.Join(last.Participants, ", "))
	// This year's title is last year's with the year moved on, as ladder
	// status suggests it and the file is named: suggested, and kept unless
	// another is typed. The review carried on is named in carryLines.
	_, s.nextTitle = plans.NextReviewNames(prev.Path, last.Title, p.Date.Year, plans.NextReviewYear(p.Date, s.c.today))
	s.nextTitle = review.CleanLine(s.nextTitle)
	s.title.input.Placeholder = s.nextTitle + " (suggested)"
	// A plan named to carry on into is this year's, not a typo for the one
	// it carries on from: the form says what it carries on instead.
	s.near = ""
	label := p.Checklist.ID + ": " + p.Checklist.Title
	if ref := p.ChecklistRef.File; ref != "" {
		label = safetext.Line(ref) + ": " + p.Checklist.Title
	}
	s.choices = []checklistChoice{{list: p.Checklist}}
	s.checklist = newChoiceField("Checklist", []string{label}, setupLabelWidth)
	s.checklist.vertical = true
	s.fields[setupChecklist] = s.checklist
	s.carried = carried
	s.setFocus(setupTitle)
	s.updatePath()
}

// reset makes the form a blank new one again, letting go of any plan it
// was carrying on from.
func (s *setupScreen) reset() {
	s.dropCarry()
	*s = *newSetupScreen(s.c)
}

// dropCarry lets go of the plan the form was carrying on from.
func (s *setupScreen) dropCarry() {
	if s.prev != nil {
		s.prev.Close()
		s.prev = nil
	}
}

// carryLines say what the new review takes from the old, and that the
// checklist is the old one's.
func (s *setupScreen) carryLines(st *styles, w int) []string {
	if s.prev == nil {
		return nil
	}
	// A pull request names files too.
	from := safetext.Line(filepath.Base(s.prev.Path))
	if s.carriedHere || filepath.Dir(s.prev.Path) != filepath.Clean(s.planFolder()) { // from another folder: its path says which
		from = safetext.Line(s.c.shown(s.prev.Path))
	}
	if s.c.present {
		from = "the last review"
	}
	// The review is named as its people know it, by its title and date,
	// besides its file.
	if t := safetext.Line(review.CleanLine(s.prev.Plan.Title)); t != "" {
		from += ", " + t + " of " + s.prev.Plan.Date.Friendly()
	}
	what := s.carried.Words()
	line := "Carries on " + what + " from " + from + "; ratings start afresh, on its checklist."
	if what == "" {
		line = "Carries on nothing from " + from + ": it has no open actions or project-plan steps; ratings start afresh, on its checklist."
	}
	return []string{st.Subtle.Render(wrapIndented(line, w, 0, 0))}
}

// carryNotLinkedMsg is a carried-on review that was created, but whose old
// plan could not be given its next_review line (plans.ErrNotLinked): the
// set-up screen says which line to add, and enter begins the review, which
// says it again in the status line.
type carryNotLinkedMsg struct {
	session *review.Session
	err     error
}

// carryError says in plain words why a carried-on review was not created.
func (s *setupScreen) carryError(err error) error {
	name := filepath.Base(s.prev.Path)
	if s.c.present {
		name = "That review"
	}
	var carried *plans.CarriedOnAlready
	switch {
	case errors.Is(err, plans.ErrChangedOnDisk):
		return fmt.Errorf("%s changed on disk after you chose it, so nothing was written: press esc and choose it again, to carry on what it says now", name)
	case errors.As(err, &carried) && carried.Next == "":
		return errors.New(s.c.carryRefusal(carried) + " (esc goes back)")
	case errors.As(err, &carried):
		// Carried on by someone else since the list was read.
		return errors.New(s.c.carryRefusal(carried) + "; press esc and open that one instead")
	}
	return err
}

// carryRefusal is plans.CheckCarryOn's refusal in the screens' names for
// the two plans: their file names, as the list shows them, or on a
// projector none (nor the reason a next review took nothing on, which
// names files).
func (c *common) carryRefusal(carried *plans.CarriedOnAlready) string {
	if c.present {
		quiet := *carried
		quiet.Why = nil
		return quiet.Words("That review", "the next review")
	}
	return carried.Words(filepath.Base(carried.Path), filepath.Base(carried.Next))
}

// lastReview is the organisation's last review in the folder, whose open
// actions a new review begun from a blank form would leave behind.
type lastReview struct {
	found    plans.Found
	underWay bool          // a review of the last half year (review.UnderWay): to go on with
	held     bool          // that review with every item rated (review.LastReview.Held)
	rated    plans.Counts  // how far the review under way got, counted once
	carried  plans.Carried // what c would carry on from it
	late     int
	// elsewhere: not in the start screen's list (setup_beside.go), so
	// carried on from the form with ctrl+o, not with esc, then c.
	elsewhere bool
}

// onStart is what the start screen says with the review chosen, after
// esc from the form.
func (l *lastReview) onStart() string {
	if l.held {
		return "Press enter to open this review."
	}
	if l.underWay {
		return "Press enter to go on with this review."
	}
	return "Press c to begin the next review from this plan, with its open actions."
}

// findLastReview looks in the start screen's list for the organisation's
// newest plan not carried on already: one under way (this year's review
// begun again by mistake), or one whose open actions c could carry on. A
// year on, "Begin a new review" is the first thing offered; this is how
// the form says that last year's actions would stay behind, as ladder new
// says on the command line.
func (s *setupScreen) findLastReview() {
	if s.last != nil && s.last.elsewhere && s.looksBeside() && s.org.trimmed() != "" {
		return // lookBeside's answer for the name as now typed replaces it
	}
	s.last = nil
	org := s.org.trimmed()
	if s.prev != nil || org == "" {
		return
	}
	if l := review.LastReviewOf(s.c.folderPlans, org, s.c.today); l != nil {
		s.last = lastReviewFrom(l, s.c.folderFacts[l.Found.Path].late)
	}
}

// lastReviewFrom is what the form keeps of l: how far it got, if it is
// under way; otherwise what carrying it on takes across, with late of its
// actions late.
func lastReviewFrom(l *review.LastReview, late int) *lastReview {
	if l.UnderWay {
		_, rated := l.Found.Plan.Counts()
		return &lastReview{found: l.Found, underWay: true, held: l.Held(), rated: rated}
	}
	return &lastReview{found: l.Found, carried: l.Carried, late: late}
}

// lastReviewLines point at the organisation's review under way or held
// (to open instead), or at its last review with actions still open (to
// carry them on), in the start screen's list or beside it.
func (s *setupScreen) lastReviewLines(st *styles, w int) []string {
	if s.last == nil {
		return nil
	}
	p := s.last.found.Plan
	// In the start screen's list, the last review is named by its file and
	// opened or carried on after esc; found beside it (setup_beside.go), it
	// is named by its path, and opened after ctrl+c or carried on with
	// ctrl+o.
	here, shown, open, carry := " here", filepath.Base(s.last.found.Path), "press esc, then enter", "press esc, then c"
	if s.last.elsewhere {
		here, shown, carry = "", s.last.found.Path, "press ctrl+o"
		open = "press ctrl+c and run ladder review " + safetext.Line(plans.CommandPath(s.last.found.Path))
		if s.c.present {
			open = "press ctrl+c and open that one"
		}
	}
	file := ""
	if !s.c.present {
		file = " (" + safetext.Line(shown) + ")"
	}
	org, title, date := safetext.Line(p.Organisation), safetext.Line(p.Title), p.Date.Friendly()
	// A review on another checklist than the one chosen is no repeat of
	// this one (the Building Blocks beside progression's): said so, it is
	// not read as this year's review begun twice.
	other := ""
	if id := p.ChecklistRef.ID; id != s.choices[s.checklist.chosen].list.ID {
		other = ", on another checklist (" + safetext.Line(id) + ")"
	}
	var line string
	switch {
	case s.last.held:
		line = fmt.Sprintf("⚠ A review of %s was held%s in the last half year%s: %s%s, of %s, every item rated. To go back to it, %s.", org, here, other, title, file, date, open)
	case s.last.underWay:
		line = fmt.Sprintf("⚠ A review of %s is under way%s%s: %s%s, of %s, %d of %d rated. To go on with it, %s.",
			org, here, other, title, file, date, s.last.rated.Rated(), s.last.rated.Total(), open)
	default:
		what := s.last.carried.Words()
		if s.last.late > 0 && !s.c.present {
			what += review.CarriedLate(s.last.carried, s.last.late)
		}
		line = "⚠ The last review of " + org + here + ", " + title + file + ", has " + what + ". To carry them on into this review, " + carry + "."
	}
	return []string{st.Warning.Render(wrapIndented(line, max(1, w-2), 2, 0))}
}

// beginHint is how to begin, in a short window where the form leaves
// room for no more: with a last review to carry on, it says both ways in
// as few words, in place of the usual hint (hint, or an error).
func (s *setupScreen) beginHint(st *styles, w int, hint string) string {
	if s.last == nil || s.err != nil || s.notLinked != nil {
		return hint
	}
	// In the start screen's list, the last review is opened or carried on
	// after esc; found beside it (setup_beside.go), after ctrl+c or with
	// ctrl+o.
	underWay, held, open, carry := "is under way", "was held in the last half year", "esc, then enter, opens it", "esc, then c, carries them on"
	if s.last.elsewhere {
		underWay, held, open, carry = "is under way elsewhere", "was held in the last half year, elsewhere", "ctrl+c, then open it", "ctrl+o carries them on"
	}
	line := "⚠ The last review has open actions: " + carry + "; ctrl+s begins without them."
	switch {
	case s.last.held:
		line = "⚠ A review of this organisation " + held + ": " + open + "; ctrl+s begins another."
	case s.last.underWay:
		line = "⚠ A review of this organisation " + underWay + ": " + open + "; ctrl+s begins another."
	}
	return st.Warning.Render(wrapIndented(line, max(1, w-2), 2, 0))
}
