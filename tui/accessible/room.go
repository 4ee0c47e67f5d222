package accessible

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/qr"
	"github.com/socialmobility/ladder/internal/qr/scan"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	"github.com/socialmobility/ladder/room"
)

// The room (ladder review --room) in plain lines, for a facilitator who
// runs the workshop with a screen reader: the same room as the screens'
// (package room), told what the review is at (room.Follow), with the
// screens' keys as commands. At the start the join address, the PIN and
// why that address are said as lines; qr prints the QR code for someone
// to scan from this screen. At an item's rating, votes says how many have
// voted (never who or what), reveal says the spread and offers the most
// common vote as what Enter agrees, revote starts the round again; the
// rating given after a reveal takes the final round's counts into the
// plan (room.AgreeIn, as the screens do). At a next-steps question,
// ideas lists what phones sent, take N puts one into the answer and drop
// N drops it (room.AcceptIdea, room.DropIdea): nothing from a phone
// reaches the plan until it is taken. What happens meanwhile (phones
// joining, wrong PINs, new ideas) is said just before the next prompt,
// never over an answer being typed, and every text from a phone is made
// one safe line (safetext.Line) first.

// roomSide is the room while the review runs.
type roomSide struct {
	room   *room.Room
	server *room.Server
	setup  room.Setup
	// What was said already, so that only news is said before a prompt.
	noticesSaid, joinedSaid, ideaSaid int
	// explained is set once the vote commands were said, at the first
	// item.
	explained bool
	// rating is set while an item's rating is asked: reveal and revote
	// work there.
	rating bool
	// quitAsked is the round (item, round, phase, ideas waiting) at which
	// a quit was held because votes were open or ideas waited (see
	// holdQuit); quit again there quits.
	quitAsked string
}

// roomWords are the room's commands, said by help when the room is on.
var roomWords = []struct{ typed, does string }{
	{"votes", "how many phones have voted on this item: never who, never what"},
	{"reveal", "at an item's rating: show the votes; Enter then agrees the most common"},
	{"revote", "at an item's rating: set the votes aside and vote again (typed again before anyone votes: back to them)"},
	{"ideas", "at a next-steps question: the ideas phones sent, by number"},
	{"take N", "put idea N into the answer"},
	{"drop N", "drop idea N: it does not go into the plan"},
	{"qr", "the QR code of the join address, to scan from this screen (qr light on a light terminal)"},
}

// isRoomWord reports whether a word is one of the room's commands, which
// "votes" (in quotes) gives as an answer.
func isRoomWord(word string) bool {
	for _, w := range roomWords {
		if strings.EqualFold(strings.Fields(w.typed)[0], word) {
			return true
		}
	}
	return false
}

// Ending the question being asked, for the room's commands.
var (
	// errVoteChanged: reveal or revote changed what the rating's Enter
	// does; the rating is asked again.
	errVoteChanged = errors.New("the room's vote changed")
	// errAnswerChanged: an idea was taken into the answer or dropped;
	// the question is asked again, with its answer as it is now.
	errAnswerChanged = errors.New("an idea from the room changed the answer")
)

// openRoom starts the room once a plan is open, and says how to join. A
// room that cannot start is said, and the review carries on without it,
// as on the screens.
func (r *reviewer) openRoom() {
	if r.opts.Room == nil {
		return
	}
	rm, srv, err := room.Start(r.s.Checklist(), *r.opts.Room)
	if err != nil {
		r.p.say("%s. The review carries on without the room.", capital(err.Error()))
		return
	}
	r.room = &roomSide{room: rm, server: srv, setup: *r.opts.Room}
	r.roomAgain = r.room.setup.Flags(srv)
	r.p.news = r.roomNews
	r.p.blank()
	r.p.say("The room is open: participants vote on each item from their phones, and send ideas during the next steps.")
	r.sayJoin()
	r.p.say("Type qr to print a QR code of the address for participants to scan from this screen.")
}

// sayJoin says the join address, the PIN and why that address.
func (r *reviewer) sayJoin() {
	pin := r.room.room.PIN()
	r.p.say("Join address: %s", r.room.server.URL())
	r.p.say("PIN: %s (digit by digit: %s)", pin, strings.Join(strings.Split(pin, ""), " "))
	if why := r.room.setup.Explain(r.room.server); why != "" {
		r.p.say("%s", why)
	}
}

// closeRoom stops the server when the review ends, however it ends:
// every phone is told the review ended, and nothing of the room is left
// running.
func (r *reviewer) closeRoom() {
	if r.room == nil {
		return
	}
	_ = r.room.server.Close()
	r.p.news = nil
	r.p.blank()
	r.p.say("The room is closed: phones show that it has closed.")
	r.room = nil
}

// followRoom puts up what the review is at: the item for a vote, a
// question for ideas, nothing otherwise. Moving on from a revote nobody
// has voted in keeps the round it set aside as the item's result
// (room.KeepLastRound): said, and its counts saved beside the rating.
func (r *reviewer) followRoom() {
	if r.room == nil {
		return
	}
	if kept, ok := r.room.room.Follow(r.s); ok {
		r.keepLastRound(kept)
	}
}

// keepLastRound saves and says the round a revote set aside, brought back
// as its item's result by moving on or quit (room.KeepLastRound).
func (r *reviewer) keepLastRound(kept room.KeptRound) {
	r.save(kept.Snapshot)
	c := r.s.Checklist()
	item := "the item"
	if _, ref, found := c.Item(kept.ItemID); found {
		item = "item " + strconv.Itoa(ref.Seq+1)
	}
	agreed := ", no rating agreed yet"
	if _, i, rated := c.Level(kept.Agreed); rated {
		agreed = ", agreed " + levelWord(c, i)
	}
	r.p.say("Nobody voted again on %s: it keeps the last round's votes (%s)%s.", item, spreadText(c, kept.Votes), agreed)
}

// roomNews says, before a prompt, what happened in the room since the
// last one: wrong PINs, how many phones are in, and new ideas for the
// question being asked. The votes are never said here.
func (r *reviewer) roomNews() {
	rs := r.room
	if rs == nil {
		return
	}
	st := r.roomStatus()
	if n := st.NoticeTotal - rs.noticesSaid; n > 0 {
		for _, line := range st.Notices[max(0, len(st.Notices)-n):] {
			r.p.say("Room: %s", safetext.Line(line))
		}
		rs.noticesSaid = st.NoticeTotal
	}
	if st.Joined != rs.joinedSaid {
		r.p.say("Room: %s.", joinedText(st.Joined))
		rs.joinedSaid = st.Joined
	}
	if st.Phase != room.Asking {
		return
	}
	for _, o := range r.ideaOffers(st.QuestionID) {
		if o.Waiting && o.ID > rs.ideaSaid {
			r.p.say("From the room, idea %d%s: %s. Type take %d to put it into the answer, or drop %d.", o.ID, r.ideaArea(o), safetext.Line(o.Text), o.ID, o.ID)
			rs.ideaSaid = o.ID
		}
	}
}

// roomStatus reads the room, and tells the session which ideas wait.
func (r *reviewer) roomStatus() room.Status {
	st := r.room.room.Status()
	r.room.room.OfferIdeas(r.s, st.Ideas)
	return st
}

// roomCommand handles the room's commands; handled is false for any
// other answer, and for all of them without a room.
func (r *reviewer) roomCommand(fields []string) (handled bool, err error) {
	if r.room == nil {
		return false, nil
	}
	switch {
	case len(fields) == 1 && fields[0] == "votes":
		r.sayVotes()
	case len(fields) == 1 && fields[0] == "reveal":
		return true, r.reveal()
	case len(fields) == 1 && fields[0] == "revote":
		return true, r.revote()
	case len(fields) == 1 && fields[0] == "ideas":
		r.sayIdeas()
	case len(fields) == 2 && (fields[0] == "take" || fields[0] == "drop"):
		id, err := strconv.Atoi(fields[1])
		if err != nil {
			return false, nil // "take notes": an answer
		}
		return true, r.decideIdea(fields[0] == "take", id)
	case len(fields) <= 2 && fields[0] == "qr" && (len(fields) == 1 || fields[1] == "light"):
		r.sayQR(len(fields) == 2)
	default:
		return false, nil
	}
	return true, nil
}

// sayVotes says where the room stands: "5 of 8 voted", never who voted
// or what until the reveal.
func (r *reviewer) sayVotes() {
	st := r.roomStatus()
	switch st.Phase {
	case room.Voting:
		if st.Joined == 0 {
			r.p.say("No phones have joined yet. Back to the question.")
			return
		}
		r.p.say("%d of %d voted. Type reveal, at the rating, to show the votes. Back to the question.", st.Voted, st.Joined)
	case room.Revealed:
		r.p.say("The votes are revealed: %s. Back to the question.", spreadText(r.s.Checklist(), st.Votes))
	case room.Asking:
		n := r.s.WaitingIdeas(st.QuestionID)
		r.p.say("%s; %d %s waiting for this question (type ideas). Back to the question.", joinedText(st.Joined), n, plural(n, "idea", "ideas"))
	default:
		r.p.say("%s; nothing is up for a vote here. Back to the question.", joinedText(st.Joined))
	}
}

// reveal shows the votes on the item being rated, here and on every
// phone, and calls out a room that spans the scale.
func (r *reviewer) reveal() error {
	if !r.room.rating {
		r.p.say("reveal works at an item's rating question. Back to the question.")
		return nil
	}
	if st := r.roomStatus(); st.Phase == room.Voting && st.Voted == 0 {
		// A spread of noughts would close the vote on every phone, as
		// the screens' v refuses to.
		r.p.say("Nobody has voted yet, so there is nothing to reveal: phones can still vote. Type votes to hear how many have.")
		return nil
	}
	votes, ok := r.room.room.Reveal()
	if !ok {
		r.p.say("Nothing is up for a vote. Back to the question.")
		return nil
	}
	c := r.s.Checklist()
	r.p.say("Votes: %s.", spreadText(c, votes))
	if votes.Disagree(c) {
		r.p.say("The votes span %s to %s: talk it through before you agree a rating.", levelWord(c, 0), levelWord(c, len(c.Scale)-1))
	}
	if _, ok := votes.MostCommon(c); !ok {
		r.p.say("Nobody chose a level: rate it yourself, or type revote to vote again.")
	}
	return errVoteChanged
}

// revote sets the round's votes aside and lets the phones vote again.
// Typed again before anyone votes in the new round, it goes back to the
// votes set aside, as V does on the screens: revote typed for reveal
// threw the spread away.
func (r *reviewer) revote() error {
	if !r.room.rating {
		r.p.say("revote works at an item's rating question. Back to the question.")
		return nil
	}
	c := r.s.Checklist()
	if st := r.roomStatus(); st.Phase == room.Voting && st.LastRound != nil {
		if votes, ok := r.room.room.BackToLastRound(); ok {
			r.p.say("Back to the last round's votes: %s.", spreadText(c, votes))
			return errVoteChanged
		}
	}
	before := r.roomStatus()
	r.room.room.Revote()
	if st := r.roomStatus(); st.LastRound != nil && before.Phase == room.Revealed {
		r.p.say("Voting again: the last round's votes (%s) are set aside, and phones can vote now. Until someone votes, type revote again to go back to them.", spreadText(c, st.LastRound))
		return errVoteChanged
	}
	r.p.say("Voting again: the last round's votes are dropped, and phones can vote now.")
	return errVoteChanged
}

// ratingAfterReveal is the rating question once the votes are revealed:
// Enter agrees the most common vote (the lower level on a tie). Before
// the reveal, or when nobody chose a level, it is q as it was.
func (r *reviewer) ratingAfterReveal(q question) question {
	q.listed = true
	st := r.room.room.Status()
	if st.Phase != room.Revealed || st.Votes == nil || st.Agreed != "" {
		return q // an agreed rating is the item's own: Enter keeps it
	}
	c := r.s.Checklist()
	key, ok := st.Votes.MostCommon(c)
	if !ok {
		return q
	}
	_, i, _ := c.Level(key)
	why := ", the most common vote"
	if st.Votes.Tied(c) {
		why = ", the lower of the tied votes"
	}
	q.def, q.enter = i, "agree "+q.options[i].short+why
	return q
}

// sayVoting says, at each item, that phones can vote; the first time,
// with the commands.
func (r *reviewer) sayVoting() {
	if r.room == nil {
		return
	}
	if st := r.room.room.Status(); st.Phase == room.Revealed && st.Agreed != "" {
		// Back at an item the room agreed on: the phones show what was
		// agreed, and a new round is the facilitator's to open.
		c := r.s.Checklist()
		_, i, _ := c.Level(st.Agreed)
		r.p.say("The room agreed %s on this item (votes: %s). Type revote to vote on it again.", levelWord(c, i), spreadText(c, st.Votes))
		return
	}
	if r.room.explained {
		r.p.say("Phones can vote on this item now.")
		return
	}
	r.room.explained = true
	r.p.say("Phones can vote on this item now. At the rating, type votes for how many have voted, reveal to show the votes, revote to vote again.")
}

// agreeInRoom takes the room's final round into the plan beside a rating
// given after the reveal, as the screens do.
func (r *reviewer) agreeInRoom(itemID, rating string) {
	if r.room == nil {
		return
	}
	if sn := r.room.room.AgreeIn(r.s, itemID, rating); sn != nil {
		r.save(sn)
		r.p.say("The room's votes are kept in the plan beside the rating.")
	}
}

// sayAskingIdeas says, at a question that takes ideas, that phones can
// send them.
func (r *reviewer) sayAskingIdeas(f checklist.FollowUp) {
	if r.room != nil && review.TakesIdeas(f) {
		r.p.say("Phones can send ideas for this question now: type ideas to hear them, take N to put one into the answer, drop N to drop it.")
	}
}

// ideaOffers are the ideas offered for a question, every area together.
func (r *reviewer) ideaOffers(questionID string) []review.IdeaOffer {
	f, ok := r.s.Checklist().FollowUp(questionID)
	if !ok {
		return nil
	}
	if f.Kind != checklist.KindPerArea {
		return r.s.Ideas(questionID, "")
	}
	var out []review.IdeaOffer
	for _, a := range r.s.Checklist().Areas {
		out = append(out, r.s.Ideas(questionID, a.ID)...)
	}
	return out
}

// ideaArea is ", for Workforce" for an idea for one area.
func (r *reviewer) ideaArea(o review.IdeaOffer) string {
	if a, _, ok := r.s.Checklist().AreaByID(o.AreaID); ok {
		return ", for " + a.Title
	}
	return ""
}

// askingIdeas is the question taking ideas that the review is at.
func (r *reviewer) askingIdeas() (string, bool) {
	p := r.s.Place()
	if p.Kind != review.AtQuestion {
		return "", false
	}
	qs := r.s.Questions()
	if p.Index >= len(qs) || !review.TakesIdeas(qs[p.Index]) {
		return "", false
	}
	return qs[p.Index].ID, true
}

// sayIdeas lists the ideas phones sent for the question, by number.
func (r *reviewer) sayIdeas() {
	q, ok := r.askingIdeas()
	if !ok {
		r.p.say("Phones send ideas at the next-steps questions that take them; this is not one. Back to the question.")
		return
	}
	r.roomStatus()
	offers := r.ideaOffers(q)
	if len(offers) == 0 {
		r.p.say("No ideas from the room for this question yet. Back to the question.")
		return
	}
	r.p.say("Ideas from the room for this question:")
	for _, o := range offers {
		state := "in the answer"
		switch {
		case o.Waiting:
			state = fmt.Sprintf("waiting: take %d or drop %d", o.ID, o.ID)
		case !o.Chosen:
			state = fmt.Sprintf("taken out of the answer: take %d puts it back", o.ID)
		}
		r.p.say("Idea %d%s: %s (%s)", o.ID, r.ideaArea(o), safetext.Line(o.Text), state)
		r.room.ideaSaid = max(r.room.ideaSaid, o.ID)
	}
	r.p.say("Back to the question.")
}

// decideIdea takes idea id into its answer, or drops it (taking it out
// of the answer first if it was taken); the question is then asked again
// with the answer as it is now.
func (r *reviewer) decideIdea(take bool, id int) error {
	q, ok := r.askingIdeas()
	if !ok {
		r.p.say("take and drop work at the next-steps questions that phones send ideas for; this is not one. Back to the question.")
		return nil
	}
	r.roomStatus()
	var offer *review.IdeaOffer
	for _, o := range r.ideaOffers(q) {
		if o.ID == id {
			offer = &o
		}
	}
	if offer == nil {
		r.p.say("There is no idea %d for this question: type ideas to list them. Back to the question.", id)
		return nil
	}
	text := safetext.Line(offer.Text)
	switch {
	case take && offer.Chosen:
		r.p.say("Idea %d is in the answer already. Back to the question.", id)
		return nil
	case take:
		sn, _ := r.room.room.AcceptIdea(r.s, id)
		r.save(sn)
		r.p.say("Took idea %d into the answer: %s.", id, text)
	default:
		if offer.Chosen {
			r.save(r.room.room.WithdrawIdea(r.s, id))
		}
		r.room.room.DropIdea(r.s, id)
		r.p.say("Dropped idea %d: %s. It is not in the plan.", id, text)
	}
	return errAnswerChanged
}

// sayQR prints the join address as a QR code in half blocks, for someone
// in the room to scan from this screen, then the address and PIN again.
// The code is drawn in the terminal's text colour, so it reads dark on
// light only with the right modules inked: light ones on a dark terminal
// (the usual), dark ones on a light terminal (qr light).
func (r *reviewer) sayQR(lightTerminal bool) {
	code, err := scan.Encode(r.room.server.URL())
	if err != nil {
		r.p.say("The QR code could not be drawn: %v. Back to the question.", err)
		return
	}
	lines := code.Lines(qr.QuietZone, 1, lightTerminal)
	r.p.say("The QR code of the join address follows: %d lines of blocks for a phone's camera. The address and PIN come after it.", len(lines))
	for _, l := range lines {
		r.p.say("%s", l)
	}
	if !lightTerminal {
		r.p.say("If phones cannot read it, type qr light (for a terminal with dark text on a light background).")
	}
	r.sayJoin()
	r.p.say("Back to the question.")
}

// spreadText is the revealed votes in words, each level's word and its
// count (see ratingWord): "Red 1, Amber 5, Green 2, not sure 0".
func spreadText(c *checklist.Checklist, v *plans.Votes) string {
	var parts []string
	for i, l := range c.Scale {
		parts = append(parts, levelWord(c, i)+" "+strconv.Itoa(v.Count(l.Key)))
	}
	return strings.Join(append(parts, "not sure "+strconv.Itoa(v.Unsure)), ", ")
}

// joinedText is how many phones are in the room.
func joinedText(n int) string {
	switch n {
	case 0:
		return "No phones in the room"
	case 1:
		return "1 phone in the room"
	}
	return strconv.Itoa(n) + " phones in the room"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// capital starts a sentence with a capital letter.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// holdQuit says what quitting would lose while the room has votes open,
// or ideas waiting to be taken or dropped (they live in memory only), the first time quit is typed in that round,
// and reports whether it did: quit typed again quits, as q does on the
// screens. Input ending and ctrl+c always quit.
func (r *reviewer) holdQuit() bool {
	if r.room == nil {
		return false
	}
	if kept, ok := r.room.room.KeepLastRound(r.s); ok {
		// Nobody voted after revote: the round set aside is the item's
		// result, as moving on makes it, not lost unsaid.
		r.keepLastRound(kept)
	}
	st := r.roomStatus()
	at := fmt.Sprintf("%s %d %d %d", st.ItemID, st.Round, st.Phase, len(st.Ideas))
	if !st.QuitLoses() || r.room.quitAsked == at {
		return false
	}
	r.room.quitAsked = at
	r.p.say("%s", quitLoses(st, r.leftWords(st)))
	return true
}

// leftWords names the items moved on from with votes the plan does not
// hold (Status.LeftWords), by their number in the checklist (as item N
// takes them), a rating by its word: "the votes on items 2 and 6, no
// rating agreed yet", "the votes on item 3, rated Amber without them";
// "" for none. quit said "the votes on an item you moved on from" and "go
// back to it", and a listener could not tell which.
func (r *reviewer) leftWords(st room.Status) string {
	c := r.s.Checklist()
	items := func(ids []string) string {
		nums := make([]string, len(ids))
		for i, id := range ids {
			_, ref, _ := c.Item(id)
			nums[i] = strconv.Itoa(ref.Seq + 1)
		}
		return plural(len(nums), "item ", "items ") + review.ListWords(nums, len(nums))
	}
	return st.LeftWords(r.s.Plan(), items, func(level string) string { return ratingWord(c, level) })
}

// quitLoses is what holdQuit says a quit would lose: the votes open, the
// ideas waiting, the votes left on items moved on from (left, named by
// leftWords), or several (a quit loses them all, so all are named).
func quitLoses(st room.Status, left string) string {
	n, ideas := st.OpenVotes(), st.IdeasWaiting()
	idea := plural(ideas, "1 idea from the room is", strconv.Itoa(ideas)+" ideas from the room are") + " not taken or dropped yet"
	var loses, advice string
	switch {
	case n == 0 && ideas == 0: // votes on an item moved on from (Status.Left) alone
		return capital(left) + ": quitting now loses them. Type quit again to quit all the same, or go back to " + plural(len(st.Left), "it", "them") + " and agree a rating first."
	case n == 0:
		loses, advice = capital(idea)+": quitting now loses "+plural(ideas, "it", "them"), "ideas to hear "+plural(ideas, "it", "them")
	case st.Phase == room.Revealed && ideas > 0:
		loses, advice = "The votes are revealed and no rating is agreed yet, and "+idea+": quitting now loses the spread and "+plural(ideas, "the idea", "the ideas"), "agree a rating first"
	case st.Phase == room.Revealed:
		loses, advice = "The votes are revealed and no rating is agreed yet: quitting now loses the spread", "agree a rating first"
	default:
		votes := plural(n, "1 vote is", strconv.Itoa(n)+" votes are") + " not revealed yet"
		if ideas > 0 {
			loses, advice = capital(votes)+", and "+idea+": quitting now loses them", "reveal, at the rating, to show the votes"
		} else {
			loses, advice = capital(votes)+": quitting now loses "+plural(n, "it", "them"), "reveal, at the rating, to show "+plural(n, "it", "them")
		}
	}
	if left != "" {
		loses += ", and " + left
	}
	return loses + ". Type quit again to quit all the same, or " + advice + "."
}
