package accessible

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
	"github.com/socialmobility/ladder/review"
	"github.com/socialmobility/ladder/workforce"
)

// walk goes through the review from where the session resumes (the
// first item not rated; the next steps when every item is rated) to the
// end: the items, each area's counts after its last item, then the
// next-steps questions. back and item N (see command) go elsewhere: any
// item, rated or not, can be answered again.
func (r *reviewer) walk() error {
	entries := r.s.Checklist().Items()
	at := r.s.Resume()
	switch {
	case at.Kind != review.AtItem && len(r.s.Questions()) == 0:
		// A checklist of one's own may ask no next-steps questions: on
		// to the summary, not to questions it does not ask.
		r.p.say("Every item is rated.")
	case at.Kind != review.AtItem:
		r.p.say("Every item is rated, so on to the next steps.")
		at = review.Question(0)
	case at.Index > 0:
		r.p.say("Carrying on at item %d of %d, the first one not rated yet.", at.Index+1, len(entries))
	}
	r.sayRatedWithoutAction()
	var words []string
	for _, w := range r.commandList() {
		switch w {
		case "item":
			words = append(words, "item N (any item, rated or not, by its number in all or in its area)")
		case "help":
		default:
			words = append(words, w)
		}
	}
	commands := strings.Join(words, ", ")
	if r.room != nil {
		commands += "; and for the room: votes, reveal, revote, ideas, take N, drop N, qr"
	}
	r.p.say("Type help at any question for the commands: %s.", commands)
	for at.Kind != review.AtEnd {
		r.s.MoveTo(at)
		r.followRoom()
		var err error
		switch at.Kind {
		case review.AtItem:
			err = r.item(entries[at.Index], len(entries))
		case review.AtAreaEnd:
			r.p.blank()
			r.p.say("End of %s", countsLine(r.s.Plan(), at.Index))
			r.sayLeftUnrated(at)
		case review.AtQuestion:
			err = r.question(at.Index)
		}
		if at.Kind != review.AtItem || err != nil {
			// Anywhere but straight on to the next item, the next item
			// says its area again (see heading).
			r.areaSaid, r.groupSaid = "", ""
		}
		var to goToItem
		switch {
		case errors.Is(err, errReloaded):
			// The file as it is now may follow another checklist (someone
			// changed checklist:), or a checklist file changed on disk.
			now := r.s.Checklist().Items()
			if !sameItems(now, entries) {
				// Its items, from the first not rated, their scale said
				// in full again.
				at = r.s.Resume()
				r.p.heard = map[string]bool{}
				r.p.say("The plan follows another checklist now: %s. On with its items.", safetext.Line(r.s.Checklist().Title))
			}
			entries = now
			continue
		case errors.Is(err, errAnswerChanged):
			continue // an idea from the room went into the answer: ask again
		case errors.Is(err, errBack):
			at = r.back(at)
			continue
		case errors.As(err, &to):
			at = review.Item(to.pos)
			continue
		case err != nil:
			return err
		}
		at = r.s.After(at)
	}
	return nil
}

// sayLeftUnrated says, as the items are left for the next steps, how
// many are not rated and how to go back to the first of them (the rule
// is review's LeftUnrated), as the screens' last area summary shows: a
// listener who jumped ahead (item N) and answered the last item went on
// to the next steps with the gaps said only in the summary.
func (r *reviewer) sayLeftUnrated(at review.Place) {
	switch n, first := r.s.LeftUnrated(at); {
	case n == 1:
		r.p.say("1 item is not rated yet: type item %d to go back to it.", first+1)
	case n > 1:
		r.p.say("%d items are not rated yet: type item %d to go back to the first of them.", n, first+1)
	}
}

// sayRatedWithoutAction says, in one line, which items are rated below
// the top of the scale with no action yet, and how to go back to them. A
// review stopped at an item's action (the terminal closed) resumes past
// it, at the first item not rated, and a listener has no overview to
// spot it on; the item is not where the review resumes, since an action
// may be left for later on purpose.
func (r *reviewer) sayRatedWithoutAction() {
	switch said, first, n := r.ratedWithoutAction(); {
	case n == 1:
		r.p.say("%s: type item %d to go back to it.", said, first)
	case n > 1:
		r.p.say("%s. To go back to one, type item and its number, as in item %d.", said, first)
	}
}

// sayStoppedWithoutAction says, as the review stops, which items are
// rated below the top of the scale with no action yet, that their
// ratings are kept and how to go back to them (the review carries on at
// the first item not rated, past them), as the screens do. It asks
// nothing: someone who stops on purpose is not held up.
func (r *reviewer) sayStoppedWithoutAction() {
	switch said, first, n := r.ratedWithoutAction(); {
	case n == 1:
		r.p.say("%s. Its rating is saved: when you carry on, type item %d to write the action.", said, first)
	case n > 1:
		r.p.say("%s. Their ratings are saved: when you carry on, type item and its number to write one, as in item %d.", said, first)
	}
}

// ratedWithoutAction names the items rated below the top of the scale
// with no action yet (n of them, "" when none), the first one's number
// in all. One item is named with its short title; several by number and
// rating, so the line stays short.
func (r *reviewer) ratedWithoutAction() (said string, first, n int) {
	entries := r.s.RatedWithoutAction()
	if len(entries) == 0 {
		return "", 0, 0
	}
	c := r.s.Checklist()
	rating := func(e checklist.Entry) string { return ratingWord(c, r.s.Plan().Response(e.Item.ID).Rating) }
	first = entries[0].Ref.Seq + 1
	if len(entries) == 1 {
		e := entries[0]
		return fmt.Sprintf("Item %d, %s, is rated %s with no action yet", first, safetext.Line(e.Item.ShortTitle()), rating(e)), first, 1
	}
	// Four at most, and how many more, as the prompts read other lists
	// out: a team that rates every item first and writes the actions
	// later would hear twenty numbers at each start.
	var items []string
	for _, e := range entries {
		items = append(items, fmt.Sprintf("%d (%s)", e.Ref.Seq+1, rating(e)))
	}
	return fmt.Sprintf("%d rated items have no action yet: items %s", len(entries), review.ListWords(items, 4)), first, len(entries)
}

// sameItems reports whether a and b list the same items, by id, in the
// same order: the walk's places still mean the same items.
func sameItems(a, b []checklist.Entry) bool {
	return slices.EqualFunc(a, b, func(x, y checklist.Entry) bool { return x.Item.ID == y.Item.ID })
}

// firstItemSaid is said to back at the first item.
const firstItemSaid = "This is the first item: there is none before it."

// back is the place before at that asks something: an area's counts are
// passed by on the way back.
func (r *reviewer) back(at review.Place) review.Place {
	if at == review.Item(0) { // item says so itself, at the rating
		r.p.say("%s", firstItemSaid)
		return at
	}
	to := r.s.Before(at)
	if to.Kind == review.AtAreaEnd {
		to = r.s.Before(to)
	}
	return to
}

// item prints one recommendation once, then asks its rating and, unless
// it was skipped, its action, owner, due date, status and notes. Each
// answer is saved as soon as it is given.
func (r *reviewer) item(e checklist.Entry, total int) error {
	it := e.Item
	r.p.blank()
	r.heading(e)
	// Both numbers: the place in the area, as the screens, the board and
	// the phones say it ("item 3 of 4" under the area's heading, which a
	// facilitator reads out), and the place in the whole checklist, which
	// item N and board use.
	r.p.say("Item %d of %d in this area, %d of %d in all", e.Ref.Index+1, len(e.Area.Items), e.Ref.Seq+1, total)
	if it.Group != "" && it.Group != r.groupSaid {
		r.p.say("Group: %s", it.Group)
	}
	r.groupSaid = it.Group
	r.p.say("Recommendation: %s", it.Title)
	if len(it.Prompts) > 0 {
		r.p.say("Questions to consider:")
		for _, q := range it.Prompts {
			r.p.say("- %s", q)
		}
	}
	if it.Topic == checklist.TopicWorkforceData {
		r.sayWorkforceAt(e.Ref.Seq)
	}

	response := func() *plans.Response {
		if res := r.s.Plan().Response(it.ID); res != nil {
			return res
		}
		// Reloaded onto a plan of another checklist, which has no such
		// item: the next question returns errReloaded unasked (pending),
		// and the walk goes on with the new checklist's items.
		return &plans.Response{}
	}
	if response().Revisit {
		r.p.say("Flagged to revisit.")
	}
	if prev, ok := r.s.PreviousRating(it.ID); ok {
		r.p.say("Last review: %s, on %s.", ratingWord(r.s.Checklist(), prev.Rating), friendly(prev.Date))
		switch {
		case prev.Carries(response()):
			// The action itself, as the screens show it in its field: a
			// listener who skips the item never reaches the Action prompt
			// that would read it out.
			res := response()
			r.p.say("Its action is carried on: %s. Enter at Action keeps it; set its status to done if it is.",
				describe(safetext.Line(res.Action), safetext.Line(res.Owner), res.Due, res.Status, r.today))
		case prev.Done:
			r.p.say("Its action was done: %s.", strings.TrimRight(safetext.Line(prev.Action), "."))
		}
	}
	for step := stepRating; step <= stepNotes; {
		done, err := r.itemStep(e, step, response)
		switch {
		case errors.Is(err, errBack) && step == stepRating && e.Ref.Seq == 0:
			// Nothing before it: the rating asked again, where the walk
			// read the whole item out again after saying so.
			r.p.say("%s", firstItemSaid)
			continue
		case errors.Is(err, errBack) && step > stepRating:
			// back inside an item goes to its question before, as
			// shift+tab does on the screens: someone who hears the owner
			// they typed read back wrong, at the due date, puts it right
			// without answering the item before and this one again.
			step = r.stepBefore(step, response())
			r.p.say("Back to the %s of item %d of %d, %s.", stepNames[step], e.Ref.Seq+1, total, safetext.Line(it.ShortTitle()))
			continue
		case err != nil:
			return err
		case done:
			return nil
		}
		step++
		if step == stepStatus && response().Action == "" {
			step++ // a status is asked only of an action
		}
	}
	return nil
}

// itemQuestion is one of an item's questions, in the order they are
// asked.
type itemQuestion int

const (
	stepRating itemQuestion = iota
	stepAction
	stepOwner
	stepDue
	stepStatus
	stepNotes
)

// stepNames name an item's questions as "Back to the ... of item 3" says
// them.
var stepNames = [...]string{stepRating: "rating", stepAction: "action", stepOwner: "owner", stepDue: "due date", stepStatus: "status", stepNotes: "notes"}

// stepBefore is the question asked before step: the status only of an
// action.
func (r *reviewer) stepBefore(step itemQuestion, res *plans.Response) itemQuestion {
	step--
	if step == stepStatus && res.Action == "" {
		step--
	}
	return step
}

// itemStep asks one of an item's questions and saves its answer; done
// says the item ends there (skipped, or its rating cleared).
func (r *reviewer) itemStep(e checklist.Entry, step itemQuestion, response func() *plans.Response) (done bool, err error) {
	it := e.Item
	switch step {
	case stepRating:
		before := response().Rating
		rated, err := r.rating(before)
		if err != nil {
			return false, err
		}
		switch rated {
		case "":
			r.p.say("Skipped: left unrated.")
			return true, nil
		case checklist.Unrated:
			sn, _ := r.s.ClearRating(it.ID) // an item of the checklist: never refused
			r.save(sn)
			r.p.say("Cleared: the item is unrated again.")
			return true, nil
		}
		sn, _ := r.s.Rate(it.ID, rated) // a level of the scale: never refused
		r.save(sn)
		if err := r.p.takePending(); err != nil { // reloaded from disk, or the input ended
			return false, err
		}
		said := "Rated"
		if rated == before {
			said = "Kept" // Enter, or the same rating typed: nothing changed
		}
		r.p.say("%s %s.", said, ratingWord(r.s.Checklist(), rated))
		r.agreeInRoom(it.ID, rated)
	case stepAction:
		action, err := r.p.text("Action", "What will you do about it?", response().Action)
		if err != nil {
			return false, err
		}
		// A status is asked only of an action: one cleared takes its
		// status with it, said, as the owner and due date asked next say
		// what Enter keeps.
		sn, gone := r.s.EditAction(it.ID, action)
		r.save(sn)
		if words := review.ActionClearedWords(gone); words != "" {
			r.p.say("%s", words)
		}
	case stepOwner:
		owner, err := r.p.text("Owner", r.ownerHint(response().Owner), response().Owner)
		if err != nil {
			return false, err
		}
		r.save(r.s.SetOwner(it.ID, owner))
	case stepDue:
		if err := r.chooseDueBase(); err != nil {
			return false, err
		}
		late := func(d plans.Date) string { // an action without words is not chased, nor late (as on the screens)
			if l := review.ActionLateWords(response().Action, d, response().Status, r.today); l != "" {
				return ", " + l
			}
			return ""
		}
		return false, r.p.date("Due date", "When by?", response().Due, late, func(text string) (plans.Date, error) {
			d, sn, err := r.s.SetDue(it.ID, text)
			r.save(sn)
			return d, err
		})
	case stepStatus:
		status, err := r.status(response().Status)
		if err != nil {
			return false, err
		}
		sn, _ := r.s.SetStatus(it.ID, status) // one of plans.Statuses, of an action
		r.save(sn)
		if sn != nil {
			// As a rating is: a digit typed is heard as its word.
			r.p.say("Marked %s.", statusSpoken[status])
		}
	case stepNotes:
		notes, err := r.p.lines("Notes", "Anything else to note?", "the notes", response().Notes)
		r.save(r.s.SetNotes(it.ID, notes)) // lines typed before ctrl+c too
		if err != nil {
			return false, err
		}
	}
	return false, nil
}

// heading says the item's area, unless the item before it, just
// answered, said the same one: going on item by item through an area,
// "Area: Enablers" fifteen times over was noise to a listener. After a
// jump (back, item N), a reload, the area's counts or the next steps, the
// area is said again.
func (r *reviewer) heading(e checklist.Entry) {
	if e.Area.Title == r.areaSaid {
		return
	}
	r.p.say("Area: %s", e.Area.Title)
	r.areaSaid, r.groupSaid = e.Area.Title, ""
}

// rating asks for a level of the scale by number, key, word or first
// letter. It returns "" when an unrated item is skipped, and
// checklist.Unrated when a rating is cleared (with -).
func (r *reviewer) rating(current string) (string, error) {
	c := r.s.Checklist()
	options := make([]choice, len(c.Scale))
	var initials []string
	for i, l := range c.Scale {
		word := levelWord(c, i)
		options[i] = choice{label: word, short: word, words: []string{l.Key, l.Label}}
		if l.Description != "" {
			options[i].label += ": " + l.Description
		}
		if k, ok := r.ratingLetter(c, i); ok {
			options[i].words = append(options[i].words, k)
			initials = append(initials, k)
		}
	}
	// The scale's descriptions are the source's words and help people
	// rate, so the first item asked in this run says them, and ? again.
	q := question{prompt: "Rating", options: options, def: -1, enter: "skip it and leave it unrated",
		lead: "How do you rate it?", brief: "Rate it: ", again: "the descriptions"}
	if _, i, ok := c.Level(current); ok {
		q.def, q.enter, q.clear = i, "", "clear the rating"
	}
	if len(initials) == len(options) {
		q.also = orList(initials)
	}
	r.sayVoting()
	i, err := r.askRating(q)
	switch {
	case err != nil || i == -1:
		return "", err
	case i == cleared:
		return checklist.Unrated, nil
	}
	return c.Scale[i].Key, nil
}

// ratingLetter is the letter that rates level i, as on the screens (see
// Options.RatingLetter).
func (r *reviewer) ratingLetter(c *checklist.Checklist, i int) (string, bool) {
	if r.opts.RatingLetter == nil {
		return c.Shortcut(i)
	}
	return r.opts.RatingLetter(c, i)
}

// askRating asks the rating; with the room, reveal and revote work
// there, and after the reveal Enter agrees the most common vote.
func (r *reviewer) askRating(q question) (int, error) {
	if r.room == nil {
		return r.p.choose(q)
	}
	base := q
	for {
		r.room.rating = true
		i, err := r.p.choose(q)
		r.room.rating = false
		if !errors.Is(err, errVoteChanged) {
			return i, err
		}
		q = r.ratingAfterReveal(base)
	}
}

// statusLabels describe each status in plain words.
var statusLabels = map[plans.Status]string{
	plans.StatusTodo:  "todo: not started yet",
	plans.StatusDoing: "doing: under way",
	plans.StatusDone:  "done: finished",
}

// statusSpoken is a status as said once chosen: "Marked to do."
var statusSpoken = map[plans.Status]string{plans.StatusTodo: "to do", plans.StatusDoing: "doing", plans.StatusDone: "done"}

// status asks how far the action has got.
func (r *reviewer) status(current plans.Status) (plans.Status, error) {
	options := make([]choice, len(plans.Statuses))
	def := 0
	for i, s := range plans.Statuses {
		options[i] = choice{label: statusLabels[s], short: string(s), words: []string{string(s)}}
		if s == current {
			def = i
		}
	}
	options[0].words = append(options[0].words, "to do")
	i, err := r.p.choose(question{prompt: "Status", options: options, def: def,
		lead: "How far has the action got?", brief: "How far has the action got? ", again: "what they mean"})
	if err != nil {
		return current, err
	}
	return plans.Statuses[i], nil
}

// countsLine is an area's counts, each level by its word:
// "Workforce: Red 2, Amber 1, Green 1, Unrated 0".
func countsLine(p *plans.Plan, area int) string {
	perArea, _ := p.Counts()
	ac := perArea[area]
	return ac.Area.Title + ": " + countsText(p.Checklist, ac.Counts)
}

func countsText(c *checklist.Checklist, counts plans.Counts) string {
	var parts []string
	for i := range c.Scale {
		parts = append(parts, levelWord(c, i)+" "+strconv.Itoa(counts.ByLevel[i]))
	}
	parts = append(parts, unratedWord+" "+strconv.Itoa(counts.Unrated))
	return strings.Join(parts, ", ")
}

// unratedWord is how an item with no rating is said.
const unratedWord = "Unrated"

// ratingWord is how a rating is said here: its word alone ("Red",
// "Developing", "Unrated"). The screens show a shape, a word and a
// colour so that a rating never rests on colour alone; here there is no
// colour, and a screen reader reads a shape as "black square" (a colour
// name that is not the rating's) or a braille display shows it as an
// unknown character, so the word, which tells the levels apart by
// itself, is all that is said. The shapes stay on every screen.
func ratingWord(c *checklist.Checklist, rating string) string {
	if _, i, ok := c.Level(rating); ok {
		return levelWord(c, i)
	}
	return unratedWord
}

// levelWord is level i's word, with its place on the scale as well when
// a checklist of one's own gives two levels the same word (or calls one
// Unrated), where the shapes alone told them apart.
func levelWord(c *checklist.Checklist, i int) string {
	word := c.Scale[i].Label
	same := strings.EqualFold(word, unratedWord)
	for j, l := range c.Scale {
		same = same || (j != i && strings.EqualFold(l.Label, word))
	}
	if same {
		return fmt.Sprintf("%s (level %d of %d)", word, i+1, len(c.Scale))
	}
	return word
}

// orList joins words as "r, a or g".
func orList(words []string) string { return joinList(words, "or") }

// andList joins words as "a, b and c".
func andList(words []string) string { return joinList(words, "and") }

// joinList joins words with commas and last the word given: "a, b or c".
func joinList(words []string, last string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + last + " " + words[len(words)-1]
}

// sayWorkforceAt says the plan's workforce data at the item at seq, an
// item about it: in full at the first such item in this run, and in one
// line at the others, since the data are the same at each (seven items
// of the progression checklist) and data says them again; in full again
// where they changed since (imported with the review open, in another
// window, as the words for none say), and at the item they were said at,
// asked again ("as said at item 7" at item 7 points nowhere).
func (r *reviewer) sayWorkforceAt(seq int) {
	lines := r.workforceLines()
	if r.workforceSaidAt > 0 && r.workforceSaidAt != seq+1 && slices.Equal(lines, r.workforceSaid) {
		r.p.say("Workforce data: as said at item %d; type data to hear it again.", r.workforceSaidAt)
		return
	}
	r.workforceSaidAt, r.workforceSaid = seq+1, lines
	r.sayWorkforce(lines)
}

// sayWorkforce says the plan's workforce data in full.
func (r *reviewer) sayWorkforce(lines []string) {
	for _, l := range lines {
		r.p.say("%s", l)
	}
}

// workforceLines is what the plan's workforce data file holds now, for
// the items about the data: read each time, as it may be imported while
// the review is open (see tui/datapanel.go for the screens' side).
func (r *reviewer) workforceLines() []string {
	l, err := workforce.Load(workforce.PathFor(r.s.Path()), "")
	return render.WorkforceForPlan(r.s.Path(), l, err)
}
