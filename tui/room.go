package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/qr"
	"github.com/socialmobility/ladder/internal/qr/scan"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
	roomsrv "github.com/socialmobility/ladder/room"
)

// The room (--room): participants vote from their phones on the laptop's
// network. The room package runs the server and keeps the votes; this
// file is the facilitator's side of it: starting and stopping the server
// with the review, telling the room which item or question is on screen,
// the strip above the footer ("5 of 8 voted", the spread after the
// reveal, how many ideas came from phones), the join screen with the QR
// code, and the room's keys. Ideas from phones are offered in the
// question's own answer, beside the other suggestions
// (followup_ideas.go).
//
// The Bubble Tea program owns the review session. The room's HTTP
// handlers never touch it: they change the room's own state, and the
// program learns of it through room.Changed (a command waits on it and
// comes back as roomChangedMsg), reads room.Status, and makes every change
// to the plan itself.

// RoomOptions turn the room on: where to listen, why there, the PIN
// (room.Setup, which the accessible prompts start the room from too).
type RoomOptions = roomsrv.Setup

// roomSession is the room while the review runs.
type roomSession struct {
	opts   RoomOptions
	room   *roomsrv.Room
	server *roomsrv.Server
	url    string // the join address (server.URL)
	code   *qr.Code
	status roomsrv.Status
	err    error // the server did not start

	// noticesSeen is the NoticeTotal last shown; a newer notice is shown
	// until a key is pressed.
	noticesSeen int
	// quitAsked is set by a q that found votes not yet agreed, or ideas
	// waiting (quitUnlessVotesOpen): the next q quits, any other key keeps the review.
	quitAsked bool
	// nothingToReveal is set by a v before anyone voted, which reveals
	// nothing (an empty spread would show noughts to the room and take
	// the phones' buttons away); the strip says why until the next key.
	nothingToReveal bool
	// enterHeld is set by an enter on the rating while the room votes on
	// the item (holdEnterForRoom); the strip says why until the next key.
	enterHeld bool
	// rateHeld is the rating key a press held while the room votes on
	// the item (holdRateForRoom): the strip says to reveal first until
	// the next key, and the same key again rates. rateHeldAt is when it
	// was last pressed; rateTooSoon, that it was pressed again before it
	// could rate (heldRateAgainAfter): the strip says to wait a moment.
	rateHeld    string
	rateHeldAt  time.Time
	rateTooSoon bool
	// kept is the round a vote again set aside, kept as its item's result
	// by a move away from the item (said until the next key) or by a q
	// (said with quitAsked), nobody having voted in the new round.
	kept *roomsrv.KeptRound
}

type roomKeys struct {
	Reveal key.Binding
	Revote key.Binding
	// Back takes a vote again back while nobody has voted in it: the
	// same key as Revote, so that V pressed by mistake is undone by V.
	Back key.Binding
	Join key.Binding
}

// theRoomKeys are the room's keys. They work on every screen of a review
// with the room on, outside text fields, so none of them is a key a
// screen uses.
var theRoomKeys = roomKeys{
	Reveal: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "reveal the votes")),
	Revote: key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "vote again")),
	Back:   key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "back to the last round's votes")),
	Join:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "how to join (QR code)")),
}

// roomHelpKeys are the room's keys as the help screen lists them; rate
// is the scale's rating keys in sum (rateHint).
func roomHelpKeys(rate key.Binding) []key.Binding {
	k := theRoomKeys
	agree := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "after the reveal: agree the most common rating ("+rate.Help().Key+" another)"))
	ideas := newIdeaKeys()
	accept := key.NewBinding(key.WithKeys(ideas.Toggle.Keys()...), key.WithHelp(ideas.Toggle.Help().Key, "accept an idea from a phone (in the answer's list, from the room)"))
	drop := key.NewBinding(key.WithKeys(ideas.Drop.Keys()...), key.WithHelp(ideas.Drop.Help().Key, "drop it"))
	back := key.NewBinding(key.WithKeys(k.Back.Keys()...), key.WithHelp(k.Back.Help().Key, "right after V, before anyone votes: back to the last round's votes"))
	return []key.Binding{k.Reveal, agree, k.Revote, back, accept, drop, k.Join}
}

// roomChangedMsg says the room changed (a vote, a phone, an idea).
type roomChangedMsg struct{}

// openRoom starts the room for the open plan: the server on the chosen
// address, and the command that waits for the room to change. A server
// that cannot start is said on screen; the review carries on without it.
func (c *common) openRoom() tea.Cmd {
	if c.opts.Room == nil || c.session == nil || (c.room != nil && (c.room.room != nil || c.room.err != nil)) {
		return nil
	}
	rs := &roomSession{opts: *c.opts.Room}
	c.room = rs
	r, srv, err := roomsrv.Start(c.checklist(), rs.opts)
	if err != nil {
		rs.err = err
		return nil
	}
	code, err := scan.Encode(srv.URL())
	if err != nil {
		rs.err = err
		_ = srv.Close()
		return nil
	}
	rs.room, rs.server, rs.url, rs.code = r, srv, srv.URL(), code
	rs.status = r.Status()
	return waitForRoom(r)
}

// startRoom opens the room when a plan is open, and shows how to join
// first, for the room to scan while the facilitator sets off.
func (a *app) startRoom() tea.Cmd {
	cmd := a.c.openRoom()
	if a.c.room.on() || (a.c.room != nil && a.c.room.err != nil) {
		return tea.Batch(cmd, a.show(screenRoom, 0))
	}
	return cmd
}

// waitForRoom waits for the room's next change. The channel is taken now,
// not in the command, so a change made before the command runs still
// wakes it.
func waitForRoom(r *roomsrv.Room) tea.Cmd {
	changed := r.Changed()
	return func() tea.Msg {
		<-changed
		return roomChangedMsg{}
	}
}

// closeRoom stops the server: every phone is told the review ended, and
// no goroutine of the room is left.
func (c *common) closeRoom() {
	if c.room != nil && c.room.server != nil {
		_ = c.room.server.Close()
	}
}

// on reports whether the room is running.
func (rs *roomSession) on() bool { return rs != nil && rs.room != nil }

// newNotice is the newest room notice not yet seen (a key pressed since
// it came), or "" when there is none.
func (rs *roomSession) newNotice() string {
	if st := rs.status; st.NoticeTotal > rs.noticesSeen && len(st.Notices) > 0 {
		return st.Notices[len(st.Notices)-1]
	}
	return ""
}

// roomChanged reads the room's new state and waits for the next change.
func (a *app) roomChanged() tea.Cmd {
	rs := a.c.room
	if !rs.on() {
		return nil
	}
	select {
	case <-rs.room.Closing():
		return nil
	default:
	}
	rs.status = rs.room.Status()
	if rs.status.Voted > 0 {
		a.c.timer.startSession(a.c.now()) // the room at work: the session has begun
	}
	a.c.offerIdeas()
	return waitForRoom(rs.room)
}

// offerIdeas tells the session which ideas from phones are waiting, and
// the room which of them the session settled by itself (one the answer
// holds already, or sent twice).
func (c *common) offerIdeas() {
	rs := c.room
	if !rs.on() || c.session == nil {
		return
	}
	rs.room.OfferIdeas(c.session, rs.status.Ideas)
	c.ideasGen++
}

// acceptIdea puts an idea from a phone into its answer; the room hears
// it is decided, and the phone that sent it stops listing it as waiting.
func (c *common) acceptIdea(id int) tea.Cmd {
	if !c.room.on() { // ideas come only from a room
		return nil
	}
	sn, _ := c.room.room.AcceptIdea(c.session, id)
	return save(sn)
}

// withdrawIdea takes an accepted idea back out of its answer, and tells
// the room so (the phone that sent it stops showing it accepted).
func (c *common) withdrawIdea(id int) tea.Cmd {
	if !c.room.on() { // ideas come only from a room
		return nil
	}
	return save(c.room.room.WithdrawIdea(c.session, id))
}

// dropIdea forgets an idea from a phone, and tells the room so.
func (c *common) dropIdea(id int) {
	if c.room.on() {
		c.room.room.DropIdea(c.session, id)
	}
}

// syncRoom tells the room what is on screen: the item the review is at is
// up for a vote, a next-steps question collects ideas, and anything else
// (an area's counts, the end) leaves the phones waiting. Looking at help,
// the board or the advice on the way does not move the phones.
//
// Moving away from a vote again that nobody has voted in keeps the round
// it set aside as the item's result (room.KeepLastRound): the strip says
// so, and the command saves its counts beside a rating given meanwhile.
func (a *app) syncRoom() tea.Cmd {
	rs := a.c.room
	if !rs.on() || a.c.session == nil {
		return nil
	}
	if a.active == screenRoom && rs.status.Phase == roomsrv.Waiting {
		return nil // the join screen before the review sets off: phones wait for it
	}
	before := rs.status
	var saved tea.Cmd
	if kept, ok := rs.room.Follow(a.c.session); ok {
		rs.kept, saved = &kept, save(kept.Snapshot)
	}
	rs.status = rs.room.Status()
	if st := rs.status; st.Phase == roomsrv.Revealed && st.Agreed == "" && (st.ItemID != before.ItemID || st.Round != before.Round || before.Agreed != "") {
		// Back at a spread not yet agreed (the room keeps it), or at one
		// whose rating was just cleared: enter agrees the most common
		// vote, as just after the reveal.
		a.offerMostCommon(st.ItemID, st.Votes)
	}
	return saved
}

// roomKey handles the room's keys; handled is false for any other key.
func (a *app) roomKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	rs := a.c.room
	if !rs.on() {
		return nil, false
	}
	st := rs.status
	switch {
	case key.Matches(msg, theRoomKeys.Join):
		if a.active == screenRoom {
			a.c.setOff()
			return a.goBack(), true
		}
		return a.show(screenRoom, 0), true
	case key.Matches(msg, theRoomKeys.Reveal) && st.Phase == roomsrv.Voting && st.Voted == 0:
		rs.nothingToReveal = true
		return nil, true
	case key.Matches(msg, theRoomKeys.Reveal) && st.Phase == roomsrv.Voting:
		votes, _ := rs.room.Reveal()
		a.offerMostCommon(st.ItemID, votes)
		rs.status = rs.room.Status()
		return nil, true
	case key.Matches(msg, theRoomKeys.Revote) && st.Phase == roomsrv.Revealed:
		rs.room.Revote()
		rs.status = rs.room.Status()
		return nil, true
	case key.Matches(msg, theRoomKeys.Back) && st.Phase == roomsrv.Voting && st.LastRound != nil:
		// As moving on or q does: a rating given during the vote again
		// (the rating keys rate while the room votes) is the item's now,
		// and the phones show it agreed, not the one the round brought
		// back with it; a rating cleared since leaves the spread to agree.
		kept, ok := rs.room.KeepLastRound(a.c.session)
		rs.status = rs.room.Status()
		if !ok {
			return nil, true
		}
		if kept.Agreed == "" {
			a.offerMostCommon(st.ItemID, kept.Votes)
		}
		return save(kept.Snapshot), true
	}
	return nil, false
}

// quitUnlessVotesOpen quits (q), unless phones have voted and no rating
// is agreed, or ideas they sent wait to be accepted or dropped: quitting
// then would lose the round or the ideas (they live in memory only) and
// send every phone home, so the room strip says so and the next q quits.
// On the join screen, shown over the review as a pop-up that q closes in
// many programs, phones in the room are enough to ask first: quitting
// sends them home, to come back with a new PIN. ctrl+c always quits.
//
// After V, with nobody voted in the new round, the first q brings the
// round set aside back as the item's result (as moving away does) and
// says what a second q does with it: it quit at once, and the round was
// gone without a word.
func (a *app) quitUnlessVotesOpen() tea.Cmd {
	rs := a.c.room
	if rs.on() && !rs.quitAsked {
		// ok only after V with nobody voted in the new round.
		if kept, ok := rs.room.KeepLastRound(a.c.session); ok {
			rs.kept, rs.quitAsked = &kept, true
			rs.status = rs.room.Status()
			if kept.Agreed == "" {
				a.offerMostCommon(kept.ItemID, kept.Votes)
			}
			return save(kept.Snapshot)
		}
	}
	if rs.on() && !rs.quitAsked && (rs.status.QuitLoses() || a.active == screenRoom && rs.status.Joined > 0) {
		rs.quitAsked = true
		return nil
	}
	return a.quit()
}

// ideasWhere says which next-steps questions the ideas waiting are for
// (", on question 2", ", on questions 2 and 3"), for the warning on q: at
// the end of the review, or at an item, the facilitator would otherwise
// look for them question by question.
func (c *common) ideasWhere(st roomsrv.Status) string {
	if c.room.room == nil {
		return ""
	}
	fus := c.room.room.Checklist().FollowUps
	var nums []int
	for _, idea := range st.Ideas {
		i := slices.IndexFunc(fus, func(f checklist.FollowUp) bool { return f.ID == idea.QuestionID })
		if i >= 0 && !slices.Contains(nums, i+1) {
			nums = append(nums, i+1)
		}
	}
	if len(nums) == 0 {
		return ""
	}
	slices.Sort(nums)
	words := make([]string, len(nums))
	for i, n := range nums {
		words[i] = strconv.Itoa(n)
	}
	return ", on " + plural(len(nums), "question ", "questions ") + review.ListWords(words, len(words)) + ","
}

// ideasElsewhere says where ideas from phones wait away from the question
// on screen ("2 ideas from the room wait on question 2"); "" for none.
// Sent to the quick wins before a step back to an item, they were said
// only by q, and a facilitator moving on through the items forgot them.
func (c *common) ideasElsewhere(st roomsrv.Status) string {
	if len(st.Ideas) == 0 {
		return ""
	}
	n := 0
	var nums []string
	for i, f := range c.checklist().FollowUps {
		if st.Phase == roomsrv.Asking && f.ID == st.QuestionID {
			continue // the question's own line counts them
		}
		if k := c.session.WaitingIdeas(f.ID); k > 0 {
			n += k
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	if n == 0 {
		return ""
	}
	return plural(n, "1 idea from the room waits", strconv.Itoa(n)+" ideas from the room wait") + " on " + plural(len(nums), "question ", "questions ") + review.ListWords(nums, len(nums))
}

// quitWarning is the strip's line after a q that quitUnlessVotesOpen held.
func (a *app) quitWarning() string { return a.c.quitWarning() }

func (c *common) quitWarning() string {
	st := c.room.status
	ideas := ""
	waiting := st.IdeasWaiting()
	if waiting > 0 {
		ideas = plural(waiting, "1 idea", strconv.Itoa(waiting)+" ideas") + " from the room" + c.ideasWhere(st) + " not accepted or dropped yet"
	}
	if left := c.leftWords(st); left != "" {
		return c.quitWarningWithLeft(st, left, ideas)
	}
	if k := c.room.kept; k != nil {
		// The q brought back the round a vote again set aside.
		if k.Agreed == "" && st.OpenVotes() > 0 {
			w := "⚠ Nobody voted again: the last round's votes are back, no rating agreed yet"
			if ideas != "" {
				return w + ", and " + ideas + ": q again quits and loses the spread and " + plural(waiting, "the idea", "the ideas")
			}
			return w + ": q again quits and loses the spread"
		}
		if ideas != "" {
			return "⚠ Nobody voted again: " + c.keptText() + "; " + ideas + ": q again quits and loses " + plural(waiting, "it", "them")
		}
		return "⚠ Nobody voted again: " + c.keptText() + "; q again quits"
	}
	if !st.QuitLoses() { // the join screen's phones held the quit; it says how many
		return "⚠ q again quits and sends " + plural(st.Joined, "the phone", "the phones") + " home (a new PIN to join again)"
	}
	// No votes open: the ideas held the quit (a spread revealed and
	// agreed loses nothing, being in the plan).
	if st.OpenVotes() == 0 {
		return "⚠ " + ideas + ": q again quits and loses " + plural(waiting, "it", "them")
	}
	// Votes open with ideas waiting: a quit loses both, so both are named.
	and := ""
	if ideas != "" {
		and = ", and " + ideas
	}
	if st.Phase == roomsrv.Revealed {
		if ideas != "" {
			return "⚠ The votes are revealed, no rating agreed yet" + and + ": q again quits and loses the spread and " + plural(waiting, "the idea", "the ideas")
		}
		return "⚠ The votes are revealed, no rating agreed yet: q again quits and loses the spread"
	}
	if st.Voted == 1 && ideas == "" {
		return "⚠ 1 vote not revealed yet: q again quits and loses it (v reveals)"
	}
	return fmt.Sprintf("⚠ %d %s not revealed yet%s: q again quits and loses them (v reveals)", st.Voted, plural(st.Voted, "vote", "votes"), and)
}

// quitWarningWithLeft is the warning on q when votes on items left
// behind would be lost (Status.Left): everything a second q loses is
// named, one after another.
func (c *common) quitWarningWithLeft(st roomsrv.Status, left, ideas string) string {
	prefix := ""
	if k := c.room.kept; k != nil && k.Agreed != "" {
		prefix = "Nobody voted again: " + c.keptText() + "; "
	} else if k != nil {
		prefix = "Nobody voted again: the last round's votes are back; "
	}
	var lost []string
	switch {
	case st.Phase == roomsrv.Voting && st.Voted > 0:
		lost = append(lost, fmt.Sprintf("%d %s not revealed yet", st.Voted, plural(st.Voted, "vote", "votes")))
	case st.OpenVotes() > 0:
		lost = append(lost, "the spread here, no rating agreed yet")
	}
	lost = append(lost, left)
	if ideas != "" {
		lost = append(lost, ideas)
	}
	text := strings.Join(lost, ", and ")
	if prefix == "" {
		text = strings.ToUpper(text[:1]) + text[1:]
	}
	return "⚠ " + prefix + text + ": q again quits and loses them"
}

// leftWords names the items left with votes (Status.LeftWords), numbered
// within their area as the screens and the board number them
// (itemsWords), a rating by its mark and word: "the votes on items 1 and
// 4, no rating agreed yet", "the votes on item 2, rated ● Green without
// them"; "" when there are none.
func (c *common) leftWords(st roomsrv.Status) string {
	return st.LeftWords(c.plan(), c.itemsWords, func(level string) string { return plans.Label(c.checklist(), level) })
}

// itemsWords names items as the screens and the board number them, within
// their area: "item 2", "items 1 and 3", and where an item is in another
// area than the one on screen, with its area: "Workforce item 2 and
// Enablers items 1 and 3". Numbered through the whole checklist, votes
// left on Workforce's second item were "item 6", and the board's item 6
// is another recommendation, in Enablers.
func (c *common) itemsWords(ids []string) string {
	cl := c.checklist()
	here := -1 // the area on screen
	switch p := c.session.Place(); p.Kind {
	case review.AtItem:
		if items := cl.Items(); p.Index < len(items) {
			here = items[p.Index].Ref.Area
		}
	case review.AtAreaEnd:
		here = p.Index
	}
	var groups []string
	for area := range cl.Areas {
		var nums []string
		for _, id := range ids {
			if _, ref, ok := cl.Item(id); ok && ref.Area == area {
				nums = append(nums, strconv.Itoa(ref.Index+1))
			}
		}
		if len(nums) == 0 {
			continue
		}
		words := plural(len(nums), "item ", "items ") + review.ListWords(nums, len(nums))
		if area != here && len(cl.Areas) > 1 {
			words = cl.Areas[area].Title + " " + words
		}
		groups = append(groups, words)
	}
	return review.ListWords(groups, len(groups))
}

// keptText says which item keeps the round a vote again set aside, and
// with what rating: "item 3 keeps the last round's votes, agreed ▲ Amber".
// After a move away it follows "Nobody voted again on ", so the item
// comes first.
func (c *common) keptText() string {
	k := c.room.kept
	item := "the item"
	if _, _, ok := c.checklist().Item(k.ItemID); ok {
		item = c.itemsWords([]string{k.ItemID})
	}
	agreed := ""
	if k.Agreed != "" {
		agreed = ", agreed " + plans.Label(c.checklist(), k.Agreed)
	}
	if c.room.quitAsked {
		return item + " keeps the last round's votes" + agreed
	}
	if agreed == "" {
		agreed = ", no rating agreed yet"
	}
	return "Nobody voted again on " + item + ": it keeps the last round's votes" + agreed
}

// roomToAgree reports whether the room's votes on the item are revealed
// and no rating agreed yet: enter on the rating then agrees the level
// chosen, even the one the item has (a second round, after V, that comes
// to the same level).
func (c *common) roomToAgree(itemID string) bool {
	if !c.room.on() {
		return false
	}
	st := c.room.status
	return st.Phase == roomsrv.Revealed && st.Agreed == "" && st.ItemID == itemID
}

// holdEnterForRoom reports whether enter on the item's rating is held
// because phones in the room are voting on it: enter agrees the spread
// after the reveal, so it is pressed by habit, and before the reveal it
// rated the item at the level cursor (the first level) in block letters
// on the projector while the room still voted. The strip says so.
func (c *common) holdEnterForRoom(itemID string) bool {
	if !c.roomVotesOn(itemID) {
		return false
	}
	c.room.enterHeld = true
	return true
}

// heldRateAgainAfter is how long after the last press a held rating key
// must be pressed again to rate (holdRateForRoom): longer than a
// keyboard waits before it repeats a key held down (660 ms in X's
// default, 500 ms in Windows' and GNOME's), and than the gap between the
// doubled letters of a word typed ("arrange"); shorter than reading the
// strip that says to press it again.
const heldRateAgainAfter = time.Second

// holdRateForRoom reports whether a rating key (pressed) for level is
// held because phones in the room are voting on the item, on the item
// screen and the overview alike: a rating given then was shown on the
// projector before the reveal, the facilitator's level before the
// room's. The strip says to reveal first; the same key again rates, for
// an item the room does not vote on or a facilitator who means it. The
// level the item already has is never held: pressing it changes nothing.
//
// Again means pressed again once the strip could be read: a key held
// down repeats itself, and a word typed at the rating doubles letters,
// each a press straight after the last, which keeps the key held
// (heldRateAgainAfter) and has the strip say to wait a moment. A
// terminal sends a repeat as a press; the few that can mark it
// (Key.IsRepeat) do so only when asked, which ladder does not do, so the
// pause is what tells.
func (c *common) holdRateForRoom(itemID, level, pressed string) bool {
	if c.plan().Response(itemID).Rating == level || !c.roomVotesOn(itemID) {
		return false
	}
	rs, now := c.room, c.now()
	again := rs.rateHeld == pressed
	if again && now.Sub(rs.rateHeldAt) >= heldRateAgainAfter {
		rs.rateHeld = "" // pressed again: the facilitator means it
		return false
	}
	rs.rateHeld, rs.rateHeldAt, rs.rateTooSoon = pressed, now, again
	return true
}

// forgetHeldRate forgets a held rating key (holdRateForRoom) at any key
// but the same one again, wherever the key goes: to a screen, to the
// window too small to be seen, to the choice a plan changed on disk asks
// for. The strip says to press it again until then.
func (rs *roomSession) forgetHeldRate(msg tea.Msg) {
	if !rs.on() {
		return
	}
	if k, ok := msg.(tea.KeyPressMsg); !ok || k.String() != rs.rateHeld {
		rs.rateHeld = ""
	}
}

// roomVotesOn reports whether phones in the room are voting on the item.
func (c *common) roomVotesOn(itemID string) bool {
	if !c.room.on() {
		return false
	}
	st := c.room.status
	return st.Phase == roomsrv.Voting && st.ItemID == itemID && st.Joined > 0
}

// offerMostCommon puts the item screen's level cursor on the level most
// people voted for, so that one key (enter) agrees it: at once on the
// rating, after esc from a field.
func (a *app) offerMostCommon(itemID string, votes *plans.Votes) {
	common, ok := votes.MostCommon(a.c.checklist())
	if !ok {
		return
	}
	if s, isItem := a.screens[screenItem].(*itemScreen); isItem && s.entry().Item.ID == itemID {
		_, s.cursor, _ = a.c.checklist().Level(common)
	}
}

// agreeInRoom records the room's votes beside a rating given while they
// are revealed: the final round's counts go into the plan with the
// rating, and the phones show what was agreed. Called by the item screen
// whenever it rates.
func (c *common) agreeInRoom(itemID, level string) tea.Cmd {
	rs := c.room
	if !rs.on() {
		return nil
	}
	sn := rs.room.AgreeIn(c.session, itemID, level)
	rs.status = rs.room.Status()
	return save(sn)
}

// roomStrip is what the room says above the footer, on one or two lines:
// how to join, how many have voted, the spread after the reveal, the
// rating to agree, how many ideas are waiting in the answer's list. Empty
// without a room, and on the join screen, which says all of it.
func (a *app) roomStrip() string { return a.roomStripWith(!a.roomOnProjector()) }

// roomStripWith is the strip, with the revealed spread (and the call to
// talk it through) or without it.
func (a *app) roomStripWith(spread bool) string {
	rs := a.c.room
	if rs == nil || a.active == screenRoom || a.c.session == nil {
		return ""
	}
	sty := a.c.styles
	w := max(a.c.width, 1)
	line := func(s string) string { return ansi.Truncate(s, w, "…") }
	if rs.err != nil {
		return line(sty.Error.Render("✗ " + rs.err.Error()))
	}
	if !rs.on() {
		return ""
	}
	st := rs.status
	var out []string
	if rs.quitAsked {
		// Wrapped, not cut: "q again quits" is what the line is for, and
		// at 60 columns it fell past the edge.
		for _, l := range wrapText(a.quitWarning(), w) {
			out = append(out, sty.Warning.Render(l))
		}
	}
	if rs.kept != nil && !rs.quitAsked {
		// A round kept with no rating agreed is still to agree: a green
		// ✓ beside "no rating agreed yet" read as done.
		mark, style := "✓ ", sty.Success
		if rs.kept.Agreed == "" {
			mark, style = "⚠ ", sty.Warning
		}
		for _, l := range wrapText(mark+a.c.keptText(), w) {
			out = append(out, style.Render(l))
		}
	}
	if rs.nothingToReveal && st.Phase == roomsrv.Voting && st.Voted == 0 {
		why := "Nothing to reveal yet: nobody has voted"
		if st.Joined == 0 {
			why = "Nothing to reveal: no phones in the room yet"
		}
		out = append(out, line(sty.Warning.Render("⚠ "+why)))
	}
	// A key held while the room votes (holdEnterForRoom, holdRateForRoom)
	// says what to press, broken after its commas where it is too wide.
	// Not while the plan changed on disk or a failed save asks for a
	// choice: its keys are the ones to press, and the next key forgets
	// the hold (forgetHeldRate).
	asked := a.conflict() || a.unsaved != nil
	held := func(said string) {
		if asked {
			return
		}
		for _, l := range fillLines(strings.SplitAfter(said, ", "), "", w) {
			out = append(out, sty.Warning.Render(l))
		}
	}
	if rs.enterHeld && st.Phase == roomsrv.Voting {
		held("⚠ The room is voting: v reveals the votes, then enter agrees")
	}
	if rs.rateHeld != "" && st.Phase == roomsrv.Voting {
		wait := ""
		if rs.rateTooSoon {
			wait = "wait a moment, then "
		}
		held("⚠ The room is voting: v reveals first, " + wait + rs.rateHeld + " again rates now")
	}
	if n := rs.newNotice(); n != "" && !rs.quitAsked { // one message at a time: "q again quits" is the one
		out = append(out, line(sty.Warning.Render("⚠ "+n)))
	}
	if elsewhere := a.c.ideasElsewhere(st); elsewhere != "" && !rs.quitAsked {
		out = append(out, line(sty.Warning.Render("⚠ "+elsewhere)))
	}
	join := fmt.Sprintf("PIN %s · %s", rs.room.PIN(), strings.TrimSuffix(rs.url, "/"))
	// withJoin is the line as it is where it fits the width; where it
	// does not, its parts on as many lines as they need, so that how to
	// join is never cut at the edge ("PIN 4821 · htt…").
	withJoin := func(whole string, parts ...string) []string {
		if ansi.StringWidth(whole) <= w {
			return []string{whole}
		}
		return fillLines(parts, sty.Subtle.Render(" · "), w)
	}
	keyHint := func(b key.Binding) string {
		return sty.HelpKey.Render(b.Help().Key) + " " + sty.HelpDesc.Render(b.Help().Desc)
	}
	c := a.c.checklist()
	switch st.Phase {
	case roomsrv.Voting:
		// What can be done now: reveal once someone has voted; with no
		// phone in the room yet, show how to join.
		voted := sty.Label.Render("Room: " + votedText(st))
		switch {
		case st.Voted > 0:
			voted += "  " + keyHint(theRoomKeys.Reveal)
		case st.LastRound != nil:
			voted += "  " + keyHint(theRoomKeys.Back)
		case st.Joined == 0:
			voted += "  " + keyHint(theRoomKeys.Join)
		}
		out = append(out, withJoin(voted+sty.Subtle.Render("  · "+join), voted, sty.Subtle.Render(join))...)
	case roomsrv.Revealed:
		if spread {
			parts := a.c.spreadParts(c, st.Votes)
			parts[0] = sty.Label.Render("Votes: ") + parts[0]
			if st.Votes.Disagree(c) {
				parts = append(parts, sty.Warning.Render(fmt.Sprintf("the votes span %s to %s: talk it through", c.Scale[0].Label, c.Scale[len(c.Scale)-1].Label)))
			}
			out = append(out, fillLines(parts, spreadGap, w)...)
		}
		if st.Agreed != "" {
			out = append(out, line(sty.Success.Render("Agreed "+plans.Label(c, st.Agreed))+"   "+keyHint(theRoomKeys.Revote)))
		} else if common, ok := st.Votes.MostCommon(c); ok {
			why := "most common"
			if st.Votes.Tied(c) {
				why = "tied: the lower level"
			}
			k, what := "enter", "agree "
			if a.active != screenItem {
				// On the board (a reveal done from there), help or the
				// advice, enter does something else: the rating is agreed
				// on the item.
				k, what = "esc", "back to the item to agree "
			} else if s, ok := a.screens[screenItem].(*itemScreen); ok && s.focus != focusRating {
				// In a field enter goes to the next one; esc goes back to
				// the rating, its cursor on the most common vote.
				k, what = "esc", "back to the rating to agree "
			}
			agree := key.NewBinding(key.WithKeys(k), key.WithHelp(k, what+plans.Label(c, common)+" ("+why+")"))
			if ansi.StringWidth(keyHint(agree)) > w {
				// The reason goes before the level does: cut at the edge
				// it read "(tied: the lower leve…".
				agree.SetHelp(k, what+plans.Label(c, common))
			}
			// "or rate another" goes first when the line is full, and
			// the line breaks only when it is still too long: V must stay
			// in sight.
			parts := []string{keyHint(agree) + "  " + sty.HelpDesc.Render("or rate another"), keyHint(theRoomKeys.Revote)}
			if ansi.StringWidth(strings.Join(parts, "   ")) > w {
				parts[0] = keyHint(agree)
			}
			out = append(out, fillLines(parts, "   ", w)...)
		} else {
			out = append(out, line(sty.HelpDesc.Render("Nobody chose a level: rate it, or ")+keyHint(theRoomKeys.Revote)))
		}
	case roomsrv.Asking:
		ideas := sty.Subtle.Render("phones can send ideas")
		n := a.c.session.WaitingIdeas(st.QuestionID)
		if n > 0 {
			what := fmt.Sprintf("%d new %s in the list", n, plural(n, "idea", "ideas"))
			how := ": ↑/↓ to it, x accepts, d drops"
			if a.active != screenFollowUp {
				// On the board, help or the join screen the arrows and x
				// do something else: ideas are taken on their question.
				how = ": esc back to the question to accept or drop " + plural(n, "it", "them")
			} else if ansi.StringWidth("Room: "+what+how) > w {
				how = ": ↑/↓, x accepts, d drops" // cut, it lost "d drops" at 60 columns
			}
			ideas = sty.Warning.Render(what) + sty.Subtle.Render(how)
		}
		if st.Joined == 0 && n == 0 {
			// No phone to send one: what can be done now is let them in.
			no := sty.Label.Render("Room: no phones yet") + "  " + keyHint(theRoomKeys.Join)
			out = append(out, withJoin(no+sty.Subtle.Render("  · "+join), no, sty.Subtle.Render(join))...)
			break
		}
		in := strconv.Itoa(st.Joined) + " in the room"
		out = append(out, withJoin(sty.Label.Render("Room: ")+ideas+sty.Subtle.Render(" · "+in+" · "+join),
			sty.Label.Render("Room: ")+ideas+sty.Subtle.Render(" · "+in), sty.Subtle.Render(join))...)
	default:
		in := strconv.Itoa(st.Joined) + " in the room"
		out = append(out, withJoin(sty.Label.Render("Room: ")+sty.Subtle.Render(in+" · "+join+" · ")+keyHint(theRoomKeys.Join),
			sty.Label.Render("Room: ")+sty.Subtle.Render(in), sty.Subtle.Render(join), keyHint(theRoomKeys.Join))...)
	}
	return strings.Join(out, "\n")
}

// roomOnProjector reports whether the screen shows the room's votes in
// presenter mode's own layout (present_room.go): the strip then leaves
// them out and keeps only what to do next.
func (a *app) roomOnProjector() bool {
	if a.active == screenBoard {
		return a.c.roomOnBoard
	}
	s, ok := a.screen(a.active).(*itemScreen)
	if !ok || !a.c.present || a.presentFramed() {
		return false
	}
	_, on := s.presentRoomFor()
	return on
}

// roomOnBoard reports whether the board in presenter mode shows the
// room's revealed spread under its tiles: it does when the panel fits the
// body left by the strip without the spread, and the strip then leaves
// the spread out (the board's panel and the strip said it twice). A line
// said until the next key takes the footer's lines, not the panel's: it
// went into the strip at a phone's wrong PIN.
func (a *app) roomOnBoard() bool {
	b, ok := a.screen(a.active).(*boardScreen)
	rs := a.c.room
	if !ok || a.active != screenBoard || !a.c.present || !rs.on() || rs.status.Phase != roomsrv.Revealed || rs.status.Votes == nil {
		return false
	}
	strip := countLines(a.roomStripWith(false))
	a.c.room = rs.saysNothing()
	oneKey := strip - countLines(a.roomStripWith(false)) // lines said until the next key: the footer gives them its own
	a.c.room = rs
	h := a.termHeight - max(countLines(a.statusLine()), 1) - 1 - strip
	return b.roomPanelFitsAt(h, oneKey)
}

// votedText is "5 of 8 voted": never who, never what.
func votedText(st roomsrv.Status) string {
	if st.Joined == 0 {
		return "no phones yet"
	}
	return fmt.Sprintf("%d of %d voted", st.Voted, st.Joined)
}

// spreadParts are the revealed votes, each level a shape, a word, a
// count and its colour, the last "not sure", to be laid out spreadGap
// apart: "■ Red 1  ▲ Amber 5  ● Green 2  ? not sure 0".
func (c *common) spreadParts(cl *checklist.Checklist, v *plans.Votes) []string {
	var parts []string
	for i, l := range cl.Scale {
		parts = append(parts, c.styles.levelStyle(i, len(cl.Scale)).Render(fmt.Sprintf("%s %s %d", plans.MarkAt(i, len(cl.Scale)), l.Label, v.Count(l.Key))))
	}
	return append(parts, c.styles.Subtle.Render(fmt.Sprintf("%s not sure %d", plans.MarkUnsure, v.Unsure)))
}

// spreadGap is the space between the spread's parts.
const spreadGap = "  "

// fillLines lays parts out on as few lines of at most w cells as they
// fit, gap between parts on a line: a count is never cut off the end of
// the spread (a checklist's own scale of five levels with long words is
// wider than a laptop's window). A part wider than w alone is shortened.
func fillLines(parts []string, gap string, w int) []string {
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case ansi.StringWidth(line)+ansi.StringWidth(gap)+ansi.StringWidth(p) <= w:
			line += gap + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return lines
}

// roomScreen is how to join, for the projector: the QR code of the join
// address, the address as text, the PIN, and how many phones are in.
type roomScreen struct{ c *common }

func newRoomScreen(c *common) *roomScreen { return &roomScreen{c: c} }

func (s *roomScreen) init() tea.Cmd { return nil }

func (s *roomScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "esc" || k.String() == "enter") {
		s.c.setOff()
		s.c.goBackNow()
	}
	return nil
}

// setOff is called as the join screen closes. The first time, before
// anything was put up for a vote, the review sets off now: the item's
// time box counts from here, not from when ladder opened the item behind
// the join screen while people were joining.
func (c *common) setOff() {
	if st := c.room.status; c.room.on() && st.Phase == roomsrv.Waiting && st.Round == 0 {
		c.timer.restartItem(c.now())
	}
}

func (s *roomScreen) typing() bool { return false }

// keyMap and strayNote: the join screen, projected while people join,
// has nowhere to type (stray.go).
func (s *roomScreen) keyMap() any {
	return struct {
		Room roomKeys
		Back []key.Binding
	}{theRoomKeys, s.shortHelp()}
}

func (s *roomScreen) strayNote() string { return "Nothing to type here. esc goes back to the review." }

func (s *roomScreen) shortHelp() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("esc", "w"), key.WithHelp("esc/w", "back to the review"))}
}

func (s *roomScreen) fullHelp() [][]key.Binding {
	k := theRoomKeys
	return [][]key.Binding{s.shortHelp(), {k.Reveal, k.Revote}}
}

// roomTextWidth is the width of the text beside the code.
const roomTextWidth = 36

func (s *roomScreen) view() string {
	rs := s.c.room
	sty := s.c.styles
	if rs == nil {
		return ""
	}
	if rs.err != nil {
		return sty.Error.Render(wrapIndented("✗ "+rs.err.Error(), max(s.c.width, 1), 0, 2))
	}
	if !rs.on() {
		return ""
	}
	url := rs.url
	text := []string{
		sty.Title.Render("Vote from your phone"),
		"",
		"1. Scan the code, or open",
		"   " + sty.Heading.Render(url),
		"2. Type the PIN  " + sty.Title.Render(rs.room.PIN()),
	}
	text = append(text, s.bigPIN()...)
	text = append(text, "", sty.Label.Render(joinedText(rs.status.Joined)))
	// The room's line, where a held q says what a second would lose, is
	// not drawn under this screen.
	if rs.quitAsked {
		text = append(text, sty.Warning.Render(wrapIndented(s.c.quitWarning(), roomTextWidth, 2, 0)))
	}
	// A wrong PIN, as the review's strip says it: they come while people
	// join, and a burst of them pauses joining for everyone.
	if n := rs.newNotice(); n != "" && !rs.quitAsked {
		text = append(text, sty.Warning.Render(wrapIndented("⚠ "+n, roomTextWidth, 2, 0)))
	}
	// Which address, and why: the facilitator needs it when a phone
	// cannot connect, on the projector too.
	text = append(text, "", sty.Subtle.Render(wrapIndented(rs.opts.Explain(rs.server), roomTextWidth, 0, 0)))
	code, side := s.code(lineCount(strings.Join(text, "\n"))) // the reason may wrap
	if code == nil {
		return strings.Join(append(text, "", sty.Subtle.Render("(A taller window shows the QR code.)")), "\n")
	}
	// The text's lines split from any wrapped ones, with the address in
	// block letters where they fit (after the address as text).
	flat := strings.Split(strings.Join(text, "\n"), "\n")
	if at := slices.IndexFunc(flat, func(l string) bool { return strings.HasSuffix(ansi.Strip(l), url) }); at >= 0 {
		flat = slices.Insert(flat, at+1, s.bigURL(code, side, len(flat))...)
	}
	var lines []string
	if side {
		// The text beside the code.
		for i := range max(len(code), len(flat)) {
			l := strings.Repeat(" ", ansi.StringWidth(code[0]))
			if i < len(code) {
				l = code[i]
			}
			if i < len(flat) {
				l += "   " + flat[i]
			}
			lines = append(lines, l)
		}
	} else {
		lines = append(append(code, ""), flat...)
	}
	// Indented together, the widest line centred: the code and the text
	// stay aligned with each other.
	block := strings.Join(lines, "\n")
	return indentLinesBy(block, (s.c.width-lipgloss.Width(block))/2)
}

// bigURL is the join address in block letters, for the back of the room
// to type from (as the PIN is), when they fit beside the code (side) or
// under it as the text's textLines lines leave room; else nothing. The
// letters are capitals: a browser reads an address's scheme and host in
// any case, and the path is "/".
func (s *roomScreen) bigURL(code []string, side bool, textLines int) []string {
	up := strings.ToUpper(s.c.room.url)
	rows, ok := bigLine(up)
	if !ok {
		return nil // an IPv6 address's brackets have no block letters
	}
	cw, w, h := ansi.StringWidth(code[0]), s.c.width, s.c.height
	fits := side && 3+cw+3+bigWidth(up) <= w && textLines+len(rows) <= h ||
		!side && 3+bigWidth(up) <= w && len(code)+1+textLines+len(rows) <= h
	if !fits {
		return nil
	}
	for i, r := range rows {
		rows[i] = "   " + s.c.styles.Heading.Render(r)
	}
	return rows
}

// bigPIN is the PIN again in block letters, for the back of the room to
// read on a projector: two cells a pixel on a tall window, half blocks on
// a middling one, none on a laptop's (the line above says it).
func (s *roomScreen) bigPIN() []string {
	var rows []string
	switch pin := s.c.room.room.PIN(); {
	case s.c.height >= bigFrameHeight:
		rows, _ = bigDouble(pin)
	case s.c.height >= 28:
		rows, _ = bigLine(pin)
	}
	for i, r := range rows {
		rows[i] = "   " + s.c.styles.Title.Render(r)
	}
	return rows
}

func joinedText(n int) string {
	switch n {
	case 0:
		return "No phones in the room yet"
	case 1:
		return "1 phone in the room"
	}
	return strconv.Itoa(n) + " phones in the room"
}

// code draws the QR code as large as the screen allows (bigger reads from
// further back), beside the text when there is room, else above it; nil
// when even the smallest does not fit.
func (s *roomScreen) code(textLines int) (lines []string, side bool) {
	c := s.c.room.code
	w, h := s.c.width, s.c.height
	for scale := 4; scale >= 1; scale-- {
		for _, quiet := range []int{qr.QuietZone, 2} {
			cw, ch := c.Width(quiet, scale), c.Height(quiet, scale)
			switch {
			case cw+3+roomTextWidth <= w && ch <= h:
				return s.draw(quiet, scale), true
			case cw <= w && ch+1+textLines <= h:
				return s.draw(quiet, scale), false
			}
		}
	}
	return nil, false
}

// draw renders the code in black on white, which scanners read on any
// terminal theme; without colour (NO_COLOR), in the terminal's own
// foreground, with the dark and light modules swapped on a dark
// background so that the code still reads dark on light.
func (s *roomScreen) draw(quiet, scale int) []string {
	noColour := s.c.opts.getenv("NO_COLOR") != ""
	inkIsDark := !noColour || !s.c.styles.isDark
	lines := s.c.room.code.Lines(quiet, scale, inkIsDark)
	if noColour {
		return lines
	}
	paper := lipgloss.NewStyle().Foreground(lipgloss.Black).Background(lipgloss.BrightWhite)
	for i, l := range lines {
		lines[i] = paper.Render(l)
	}
	return lines
}
