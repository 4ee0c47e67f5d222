// Package room lets the people in a workshop vote from their phones on the
// facilitator's laptop: a small HTTP server on the laptop's network address,
// a PIN, a page for phones (embedded, no outside assets, plain forms
// without JavaScript, live updates over server-sent events with it), and
// the state of the vote: which item is up, who has voted in this round
// (never shown), the reveal, the agreed rating, and the ideas phones send
// during the next-steps questions.
//
// The room never touches a plan. The review's owner (the Bubble Tea
// program) tells the room what is on screen (Vote, Reveal, Revote, Agree,
// Ask, Pause), reads its Status when Changed fires, and writes the agreed
// rating and the final round's counts into the plan itself. HTTP handlers
// change only the room's own state, under its lock.
package room

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"golang.org/x/text/unicode/norm"
)

// Limits on what phones can make the room hold. A workshop is 6 to 15
// people; these leave room for a big one and stop a phone with the PIN
// from filling the laptop's memory.
const (
	MaxPhones        = 200 // phones joined at once
	MaxIdeaRunes     = 280 // characters in one idea
	MaxPendingIdeas  = 100 // ideas waiting for the facilitator
	MaxIdeasPerPhone = 20  // ideas one phone may have waiting
	// MaxIdeasPerMinute is how many ideas one phone may send in a minute,
	// whatever became of them: a person typing sends a few; a script
	// sending one idea over and over (each copy settled at once as sent
	// twice, so never waiting) would wake every phone with each.
	MaxIdeasPerMinute = 20
	maxNotices        = 4 // notices kept for the facilitator's screen
	// phoneIdle is how long a phone that has not been heard from still
	// counts as in the room, for "5 of 8 voted".
	phoneIdle = 10 * time.Minute
)

// Errors a phone's request can meet; the server maps each to an HTTP
// status and a sentence on the page.
var (
	ErrWrongPIN     = errors.New("that PIN is not right: check the one on the screen and try again")
	ErrTooManyTries = errors.New("too many wrong PINs: wait a little, then try again")
	ErrRoomFull     = errors.New("the room is full")
	ErrNotJoined    = errors.New("this phone has not joined the room: type the PIN first")
	ErrNotCurrent   = errors.New("that item is no longer up for a vote: the facilitator has moved on")
	ErrVoteClosed   = errors.New("voting on this item has closed: the votes are revealed")
	// ErrNewRound is a vote from a page shown before the facilitator
	// opened the vote on the same item again: it was for the last round,
	// and this one starts from nothing.
	ErrNewRound  = errors.New("voting on this item has started again: choose again")
	ErrNoVote    = errors.New("nothing is up for a vote just now")
	ErrBadChoice = errors.New("that is not one of the choices")
	// ErrNotAsking is an idea for a question not up: its page showed a
	// question the facilitator has left since (the refusal shows the
	// page as it is now, maybe asking another question).
	ErrNotAsking    = errors.New("that idea was not sent: the facilitator has moved on from its question")
	ErrEmptyIdea    = errors.New("the idea is empty")
	ErrIdeaTooLong  = fmt.Errorf("an idea can be at most %d characters", MaxIdeaRunes)
	ErrTooManyIdeas = errors.New("the facilitator has a lot of ideas to go through: wait for them to catch up")
	ErrIdeasTooFast = errors.New("that is a lot of ideas in a minute: wait a little before sending the next")
	ErrBadArea      = errors.New("that is not one of the areas")
)

// Unsure is the choice of a phone that is not sure.
const Unsure = plans.VoteUnsure

// Phase is where the vote on the current item stands.
type Phase int

const (
	// Waiting: nothing is up for a vote or for ideas.
	Waiting Phase = iota
	// Voting: an item is up; votes are hidden.
	Voting
	// Revealed: the votes are shown; voting is closed.
	Revealed
	// Asking: a next-steps question is collecting ideas.
	Asking
)

// Idea is a suggestion sent from a phone during a next-steps question.
// It is only a suggestion: nothing reaches the plan until the facilitator
// accepts it.
type Idea struct {
	ID         int
	QuestionID string
	// Area is the area id the idea is for, on a per-area question.
	Area string
	// Text is what was sent, already made plain (safetext.Plain).
	Text string
	// phone is who sent it, so one phone's backlog can be capped; it is
	// never shown and never leaves the room.
	phone string
}

// Status is what the facilitator's screen shows of the room.
type Status struct {
	Phase  Phase
	ItemID string // the item up for a vote (Voting, Revealed)
	Round  int
	// Joined is the number of phones in the room; Voted the number that
	// have voted in this round. Who voted what is never given out.
	Joined, Voted int
	// Votes are the round's counts, only once revealed.
	Votes *plans.Votes
	// VotesInPlan is set when the plan holds Votes already (a spread
	// recalled from it, or agreed and its rating cleared since).
	VotesInPlan bool
	// LastRound is the spread set aside by a vote again, while nobody
	// has voted in it: BackToLastRound brings it back.
	LastRound *plans.Votes
	// Left are the items the facilitator moved away from with votes cast
	// and no rating agreed (the room keeps them for coming back), in the
	// checklist's order: a quit loses them too.
	Left []string
	// LeftSpreads are the spreads revealed on the items the facilitator
	// moved away from, kept for coming back (those of Left, and those the
	// plan holds too), by item: the board shows them.
	LeftSpreads map[string]*plans.Votes
	// Agreed is the rating agreed after the reveal, if any.
	Agreed     string
	QuestionID string // the question collecting ideas (Asking)
	// Ideas are the ideas waiting for the facilitator, oldest first.
	Ideas []Idea
	// Notices are the latest things the facilitator should know (wrong
	// PINs), newest last, already safe to print; NoticeTotal counts every
	// notice so far, so a screen can tell a new one from one it showed.
	Notices     []string
	NoticeTotal int
}

// OpenVotes counts the votes a quit would lose (they live in memory
// only): those of a round not yet revealed, or revealed with no rating
// agreed and not in the plan already. The screens and the accessible prompts both ask again before
// quitting over them.
func (s Status) OpenVotes() int {
	switch {
	case s.Phase == Voting:
		return s.Voted
	case s.Phase == Revealed && s.Agreed == "" && s.Votes != nil && !s.VotesInPlan:
		return s.Votes.Total()
	}
	return 0
}

// QuitLoses reports whether a quit now would lose something of the
// room's, in memory only: votes open (OpenVotes), votes left on another
// item (Left), or ideas from phones not yet taken or dropped. The
// screens' q and the accessible prompts' quit both ask again then.
func (s Status) QuitLoses() bool { return s.OpenVotes() > 0 || len(s.Left) > 0 || len(s.Ideas) > 0 }

// IdeasWaiting counts the ideas waiting as the facilitator sees them: the
// same words from several phones once, as they are offered (OfferIdeas).
func (s Status) IdeasWaiting() int {
	n := 0
	for i := range s.Ideas {
		if !copyBefore(s.Ideas, i) {
			n++
		}
	}
	return n
}

// Room is the state of the room's vote, shared by the HTTP handlers and
// the review's owner.
type Room struct {
	checklist *checklist.Checklist
	pin       string
	now       func() time.Time

	mu       sync.Mutex
	phase    Phase
	itemID   string
	question string
	round    int
	// again is set while the round is a vote again on its item (Revote):
	// phones say so, where a page back at "You have not voted yet." on
	// the same item looked like a vote lost.
	again bool
	// setAside is the round before a vote again, revealed: while nobody
	// has voted in the new round, BackToLastRound brings it back (V
	// pressed by mistake).
	setAside *setAsideRound
	votes    map[string]string // phone token -> choice, this round only
	revealed *plans.Votes
	agreed   string
	// inPlan is set while the revealed counts are the plan's already:
	// recalled from it, or agreed (the caller wrote them) and the rating
	// cleared since. A quit then loses nothing of them.
	inPlan bool
	// left keeps, by item, the round of an item the facilitator moved
	// away from before its rating was agreed (a step back to the item
	// before, a next-steps question): coming back to the item carries it
	// on, so nobody has to vote again. Memory only, like every vote.
	left     map[string]leftRound
	phones   map[string]*phone
	streams  int // event streams open now, all phones together
	ideas    []Idea
	lastIdea int
	// sentBy is the phone that sent each idea, by id, kept after the idea
	// is settled: the facilitator may take an accepted idea back out of
	// its answer, or put it back, and its phone is told either way.
	sentBy  map[int]string
	notices []string
	noticed int // notices so far
	guard   pinGuard
	// shared counts, per address, the phones that took the place of one
	// still on the page (sharedAddress).
	shared map[string]*sharedAddress
	closed bool
	// seq counts the changes every phone sees; a phone's page carries
	// it, so its script can drop a view older than the one it shows (a
	// vote's answer that arrives after the reveal's event).
	seq uint64
	// rendered keeps the pages rendered since seq last changed (pageFor).
	rendered struct {
		seq   uint64
		pages map[string][]byte
	}
	// facilitatorWake is closed when something the facilitator sees
	// changes, phonesWake when something every phone sees changes; each
	// is replaced by a new channel at once, so waiters wake together and
	// none is queued behind another.
	facilitatorWake chan struct{}
	phonesWake      chan struct{}
	closing         chan struct{}
}

type phone struct {
	// from is the address the phone joined from: one phone per address
	// (Room.phoneFrom).
	from     string
	lastSeen time.Time
	streams  []chan struct{} // event streams open now; closing one ends it
	ideas    int             // ideas waiting for the facilitator
	// decided are what the facilitator did with this phone's ideas, the
	// newest first, at most maxDecided: a person who sent an idea sees
	// whether it went into the plan, and nobody else does.
	decided []DecidedIdea
	// sent are when this phone sent its ideas of the last minute, oldest
	// first (MaxIdeasPerMinute).
	sent []time.Time
	// area is the area this phone last sent an idea for: its page offers
	// it again, so that a person sending several ideas for one area does
	// not have to choose it each time (and cannot send one to the first
	// area by not noticing the choice went back to it).
	area string
	// taps are the latest vote taken from each of this phone's last few
	// pages (Tap), the newest first.
	taps []Tap
	// wake is closed, and replaced, when this phone's own page changes
	// (its vote, its ideas): its other tabs follow, as every page follows
	// the facilitator (phonesWake).
	wake chan struct{}
}

// Tap numbers a vote among those sent from one page: the page's script
// counts its taps, so that a vote held up on a poor Wi-Fi and arriving
// after one tapped later does not undo it. Page is "" for a vote from a
// page without the script, taken as it comes.
type Tap struct {
	Page string
	N    int
}

// maxTapPages is how many of a phone's pages the room remembers taps
// from: its tabs open at once, as maxStreamsPerPhone.
const maxTapPages = maxStreamsPerPhone

// DecidedIdea is an idea the facilitator has settled, as the phone that
// sent it is told.
type DecidedIdea struct {
	id             int
	question, area string
	Text           string
	Taken          bool // in its answer now; false: dropped, or taken back out
}

// maxDecided is how many settled ideas a phone is shown.
const maxDecided = 5

// Options configure a room.
type Options struct {
	// PIN is the PIN phones type to join; empty makes a random one.
	PIN string
	// Now replaces the clock (tests).
	Now func() time.Time
}

// New returns an empty room for a review with checklist c.
func New(c *checklist.Checklist, opts Options) (*Room, error) {
	pin := opts.PIN
	if pin == "" {
		var err error
		if pin, err = NewPIN(); err != nil {
			return nil, err
		}
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &Room{
		checklist:       c,
		pin:             pin,
		now:             now,
		votes:           map[string]string{},
		left:            map[string]leftRound{},
		phones:          map[string]*phone{},
		guard:           newPINGuard(),
		facilitatorWake: make(chan struct{}),
		phonesWake:      make(chan struct{}),
		closing:         make(chan struct{}),
	}, nil
}

// PIN is the PIN phones type to join.
func (r *Room) PIN() string { return r.pin }

// Checklist is the checklist the room votes on.
func (r *Room) Checklist() *checklist.Checklist { return r.checklist }

// Changed returns a channel that is closed the next time something the
// facilitator sees changes (a vote, a phone joining, an idea, a wrong PIN)
// or the room closes. Read Status after it fires, then wait again.
func (r *Room) Changed() <-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.facilitatorWake
}

// phoneChanged is Changed for one phone's page: all is closed when
// anything every phone sees changes (the item, the phase, the question),
// mine when anything of this phone's own does (its vote, its ideas). A
// token not in the room gets a mine that is never closed (its stream ends
// by other means).
func (r *Room) phoneChanged(token string) (all, mine <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := r.phones[token]; p != nil {
		if p.wake == nil {
			p.wake = make(chan struct{})
		}
		mine = p.wake
	}
	return r.phonesWake, mine
}

// wakePages wakes the pages of one phone; r.mu is held.
func (p *phone) wakePages() {
	if p.wake != nil {
		close(p.wake)
		p.wake = nil
	}
}

// Closing is closed when the room closes.
func (r *Room) Closing() <-chan struct{} { return r.closing }

// Close ends the room: every waiter wakes, every phone's event stream
// ends, and nothing changes it again.
func (r *Room) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	r.closed = true
	close(r.closing)
	r.wakeAll()
}

// wakeFacilitator and wakeAll are called with r.mu held.
func (r *Room) wakeFacilitator() {
	close(r.facilitatorWake)
	r.facilitatorWake = make(chan struct{})
}

func (r *Room) wakeAll() {
	r.seq++
	r.wakeFacilitator()
	close(r.phonesWake)
	r.phonesWake = make(chan struct{})
}

// --- what the facilitator does ---

// Vote puts an item up for a vote. Putting up the item already up changes
// nothing (the facilitator came back to it); another item starts a new
// round with no votes.
func (r *Room) Vote(itemID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.vote(itemID)
}

// vote is Vote with r.mu held. It reports whether it put the item up
// (in a new round).
func (r *Room) vote(itemID string) bool {
	if r.closed || (r.itemID == itemID && (r.phase == Voting || r.phase == Revealed)) {
		return false
	}
	if _, _, ok := r.checklist.Item(itemID); !ok {
		return false
	}
	r.leave()
	r.itemID, r.question = itemID, ""
	r.newRound()
	if held, ok := r.left[itemID]; ok {
		// A new round number all the same: a page from before the step
		// away is refused and reloaded, never counted twice.
		delete(r.left, itemID)
		maps.Copy(r.votes, held.votes)
		r.again = held.again
		if held.revealed != nil {
			r.phase, r.revealed, r.inPlan = Revealed, held.revealed, held.inPlan
		}
	}
	return true
}

// Recall puts up an item the room agreed on before, whose plan holds the
// final round's counts and the rating given: the phones show that spread
// and that rating, as when it was agreed, and Revote opens a new round.
// Stepping back to remind the room of a settled item opened a fresh vote
// on every phone. A vote left open on the item since comes back instead,
// as Vote brings it; without counts, Recall is Vote.
//
// With the item up and its rating cleared since the room agreed it (x on
// the item), the agreement goes and the spread stays, to agree again: the
// projector and the phones said "Agreed" beside an unrated item.
func (r *Room) Recall(itemID, rating string, votes *plans.Votes) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, _, rated := r.checklist.Level(rating); !rated && r.itemID == itemID && r.phase == Revealed && r.agreed != "" {
		r.agreed, r.inPlan = "", true
		r.wakeAll()
		return
	}
	_, held := r.left[itemID]
	// Put up in a new round, as Vote does: a page from before is refused.
	if !r.vote(itemID) || held || votes == nil || votes.Total() == 0 {
		return
	}
	if _, _, ok := r.checklist.Level(rating); !ok {
		rating = "" // unrated since: the spread is there to agree again
	}
	r.phase, r.revealed, r.agreed, r.inPlan = Revealed, votes.Clone(), rating, true
}

// leftRound is the state of a vote the facilitator moved away from.
type leftRound struct {
	votes    map[string]string
	revealed *plans.Votes
	again    bool
	inPlan   bool // the plan holds its spread (agreed, the rating cleared since)
}

// leave keeps the vote on the item up for one, when anyone voted and no
// rating was agreed, for Vote to carry on when the facilitator comes back
// to the item. r.mu is held.
func (r *Room) leave() {
	if r.itemID == "" || len(r.votes) == 0 || r.agreed != "" || (r.phase != Voting && r.phase != Revealed) {
		return
	}
	r.left[r.itemID] = leftRound{votes: maps.Clone(r.votes), revealed: r.revealed.Clone(), again: r.again, inPlan: r.inPlan}
}

// newRound clears the votes for a fresh round on the current item: the
// item's first (vote), or a vote again on it (Revote, which sets again).
func (r *Room) newRound() {
	r.phase = Voting
	r.round++
	r.again, r.setAside = false, nil
	clear(r.votes)
	r.revealed, r.agreed, r.inPlan = nil, "", false
	r.wakeAll()
}

// Reveal closes the round and shows its counts, on the facilitator's
// screen and on every phone. It returns them; ok is false when no item
// is up for a vote.
func (r *Room) Reveal() (votes *plans.Votes, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch r.phase {
	case Revealed:
		return r.revealed.Clone(), true
	case Voting:
	default:
		return nil, false
	}
	v := &plans.Votes{Levels: map[string]int{}}
	for _, choice := range r.votes {
		if choice == Unsure {
			v.Unsure++
		} else {
			v.Levels[choice]++
		}
	}
	r.phase, r.revealed = Revealed, v
	r.wakeAll()
	return v.Clone(), true
}

// Revote starts another round on the item up for a vote, after a
// discussion: the phones vote again, and a revealed round is set aside
// for BackToLastRound until someone votes (a round not yet revealed is
// dropped).
func (r *Room) Revote() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || (r.phase != Voting && r.phase != Revealed) {
		return
	}
	var last *setAsideRound
	if r.phase == Revealed && r.revealed != nil && r.revealed.Total() > 0 {
		last = &setAsideRound{votes: r.revealed.Clone(), ballots: maps.Clone(r.votes), agreed: r.agreed, inPlan: r.inPlan}
	}
	r.newRound()
	r.again, r.setAside = true, last
}

// setAsideRound is a revealed round a vote again set aside: its spread,
// each phone's vote in it, the rating agreed on it if any, and whether
// the plan holds its counts.
type setAsideRound struct {
	votes   *plans.Votes
	ballots map[string]string
	agreed  string
	inPlan  bool
}

// BackToLastRound takes back a vote again (Revote) that nobody has voted
// in yet: the round before, its spread and the rating agreed on it if
// any, is shown again, on the facilitator's screen and on every phone,
// as before the vote again. It returns that spread; ok is false when
// there is none to go back to.
func (r *Room) BackToLastRound() (votes *plans.Votes, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.phase != Voting || r.setAside == nil || len(r.votes) > 0 {
		return nil, false
	}
	last := r.setAside
	// A new round number, as for any round: a page from the vote again
	// is refused, never counted.
	r.newRound()
	r.phase, r.revealed, r.agreed, r.inPlan = Revealed, last.votes, last.agreed, last.inPlan
	maps.Copy(r.votes, last.ballots)
	return last.votes.Clone(), true
}

// Agree tells the phones the rating the room agreed on item (shown under
// the spread). It does not write the plan: the caller does that.
func (r *Room) Agree(itemID, rating string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.itemID != itemID || r.phase != Revealed || r.agreed == rating {
		return
	}
	r.agreed = rating
	r.wakeAll()
}

// Ask opens a next-steps question for ideas from the phones.
func (r *Room) Ask(questionID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || (r.phase == Asking && r.question == questionID) {
		return
	}
	if _, ok := r.checklist.FollowUp(questionID); !ok {
		return
	}
	r.leave()
	r.phase, r.question, r.itemID = Asking, questionID, ""
	r.revealed, r.agreed = nil, ""
	clear(r.votes)
	r.wakeAll()
}

// Pause puts nothing up: the phones wait for the facilitator.
func (r *Room) Pause() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.phase == Waiting {
		return
	}
	r.leave()
	r.phase, r.itemID, r.question = Waiting, "", ""
	r.revealed, r.agreed = nil, ""
	clear(r.votes)
	r.wakeAll()
}

// settleIdea records what became of an idea: taken into its answer, or
// not (dropped, or taken back out). A waiting idea leaves those waiting;
// one settled before (the facilitator changing their mind) is settled
// again. Either way the phone that sent it is told. It returns the idea
// and whether it was waiting.
func (r *Room) settleIdea(id int, taken bool) (Idea, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	i := slices.IndexFunc(r.ideas, func(idea Idea) bool { return idea.ID == id })
	if i < 0 {
		if d, ok := r.decidedIdea(id); ok {
			r.decide(d.idea(), taken)
			r.wakeAll()
		}
		return Idea{}, false
	}
	idea := r.ideas[i]
	r.ideas = slices.Delete(r.ideas, i, i+1)
	if p := r.phones[idea.phone]; p != nil {
		p.ideas--
	} else {
		delete(r.sentBy, id) // no phone to tell
	}
	r.decide(idea, taken)
	r.wakeAll()
	idea.phone = ""
	return idea, true
}

// copiesOf are the numbers of the ideas with the same words as idea
// (sameIdea), other than idea itself: waiting, or settled before and still
// on their phone's list.
func (r *Room) copiesOf(idea Idea) []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var ids []int
	for _, o := range r.ideas {
		if o.ID != idea.ID && sameIdea(o, idea) {
			ids = append(ids, o.ID)
		}
	}
	for _, p := range r.phones {
		for _, d := range p.decided {
			if d.id != idea.ID && sameIdea(d.idea(), idea) {
				ids = append(ids, d.id)
			}
		}
	}
	return ids
}

// knownIdea finds an idea by its number, waiting or settled before.
func (r *Room) knownIdea(id int) (Idea, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if i := slices.IndexFunc(r.ideas, func(o Idea) bool { return o.ID == id }); i >= 0 {
		return r.ideas[i], true
	}
	if d, ok := r.decidedIdea(id); ok {
		return d.idea(), true
	}
	return Idea{}, false
}

// decidedIdea finds an idea settled before on the list of the phone that
// sent it, while that phone shows it. r.mu is held.
func (r *Room) decidedIdea(id int) (DecidedIdea, bool) {
	if p := r.phones[r.sentBy[id]]; p != nil {
		if j := slices.IndexFunc(p.decided, func(d DecidedIdea) bool { return d.id == id }); j >= 0 {
			return p.decided[j], true
		}
	}
	return DecidedIdea{}, false
}

// idea is the settled idea as it was sent, to be settled again or matched
// (sameIdea).
func (d DecidedIdea) idea() Idea {
	return Idea{ID: d.id, QuestionID: d.question, Area: d.area, Text: d.Text}
}

// decide puts what became of an idea first in its phone's list of settled
// ideas, in place of what it said of the idea before. r.mu is held.
func (r *Room) decide(idea Idea, taken bool) {
	id := idea.ID
	p := r.phones[r.sentBy[id]]
	if p == nil {
		return
	}
	p.decided = slices.DeleteFunc(p.decided, func(d DecidedIdea) bool { return d.id == id })
	p.decided = slices.Insert(p.decided, 0, DecidedIdea{id: id, question: idea.QuestionID, area: idea.Area, Text: idea.Text, Taken: taken})
	// Who sent an idea is kept while its phone shows it, no longer: the
	// session settles copies of an idea by itself, so a phone sending the
	// same one again and again would otherwise grow sentBy without end.
	for _, d := range p.decided[min(len(p.decided), maxDecided):] {
		delete(r.sentBy, d.id)
	}
	p.decided = p.decided[:min(len(p.decided), maxDecided)]
}

// Status is a snapshot of the room for the facilitator's screen.
func (r *Room) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := Status{
		Phase: r.phase, ItemID: r.itemID, Round: r.round,
		Joined: r.joined(), Voted: len(r.votes),
		Votes: r.revealed.Clone(), VotesInPlan: r.inPlan, Agreed: r.agreed, QuestionID: r.question,
		Notices: slices.Clone(r.notices), NoticeTotal: r.noticed,
	}
	s.Joined = max(s.Joined, s.Voted)
	if r.phase == Voting && len(r.votes) == 0 {
		if r.setAside != nil {
			s.LastRound = r.setAside.votes.Clone()
		}
	}
	for id, held := range r.left {
		if !held.inPlan {
			s.Left = append(s.Left, id)
		}
		if held.revealed != nil && held.revealed.Total() > 0 {
			if s.LeftSpreads == nil {
				s.LeftSpreads = map[string]*plans.Votes{}
			}
			s.LeftSpreads[id] = held.revealed.Clone()
		}
	}
	slices.SortFunc(s.Left, func(a, b string) int { return r.itemSeq(a) - r.itemSeq(b) })
	s.Ideas = make([]Idea, len(r.ideas))
	for i, idea := range r.ideas {
		idea.phone = ""
		s.Ideas[i] = idea
	}
	return s
}

// itemSeq is an item's place in the checklist (-1 for none).
func (r *Room) itemSeq(itemID string) int {
	if _, ref, ok := r.checklist.Item(itemID); ok {
		return ref.Seq
	}
	return -1
}

// joined counts the phones heard from lately or listening now.
func (r *Room) joined() int {
	n, cutoff := 0, r.now().Add(-phoneIdle)
	for _, p := range r.phones {
		if len(p.streams) > 0 || p.lastSeen.After(cutoff) {
			n++
		}
	}
	return n
}

// notice records something for the facilitator's screen.
func (r *Room) notice(format string, args ...any) {
	line := safetext.Line(fmt.Sprintf(format, args...))
	r.notices = append(r.notices, line)
	r.noticed++
	if len(r.notices) > maxNotices {
		r.notices = slices.Delete(r.notices, 0, len(r.notices)-maxNotices)
	}
	r.wakeFacilitator()
}

// --- what phones do ---

// Join admits a phone that typed the right PIN and returns its token, a
// random secret the phone keeps in a cookie. from is the phone's network
// address, for the rate limit on wrong PINs; the facilitator's notices do
// not show it.
func (r *Room) Join(pin, from string) (token string, err error) {
	from = deviceFrom(from)
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	if wait, blocked := r.guard.blocked(from, now); blocked {
		return "", &RetryError{Err: ErrTooManyTries, After: wait}
	}
	if subtle.ConstantTimeCompare([]byte(typedPIN(pin)), []byte(r.pin)) != 1 {
		tries, wait := r.guard.wrong(from, now)
		// The notice is on the projector, before a room of colleagues: it
		// names no address. One person's phone is no one else's business,
		// and the facilitator cannot tell whose phone an address is
		// anyway; what they can act on is whether it is one phone trying
		// again (the count) or the whole room (the pause).
		if now.Before(r.guard.pausedUntil) {
			r.notice("Wrong PIN: %d wrong PINs in a minute, so joining is paused for everyone for %s", roomWrongPerMin, waitWords(roomPause))
		} else if wait > 0 {
			r.notice("Wrong PIN from a phone (%d tries): its PINs are refused for %s", tries, waitWords(wait))
		} else {
			r.notice("Wrong PIN from a phone (%s)", ordinalTry(tries))
		}
		return "", ErrWrongPIN
	}
	r.guard.right(from)
	token, err = newToken()
	if err != nil {
		return "", err
	}
	if old := r.phoneFrom(from); old != "" {
		r.noteShared(from, r.phones[old], now)
		r.replacePhone(old, token)
		return token, nil
	}
	if len(r.phones) >= MaxPhones && !r.evictIdle(now) {
		// Only someone with the PIN gets this far, so it is someone in the
		// room: the facilitator needs to know why they cannot join.
		r.notice("The room is full at %d phones: a phone could not join (a phone gone %d minutes makes room)", MaxPhones, int(phoneIdle.Minutes()))
		return "", ErrRoomFull
	}
	r.phones[token] = &phone{lastSeen: now, from: from}
	r.wakeFacilitator()
	return token, nil
}

// phoneFrom is the token of the phone that joined from an address, or "".
// The laptop's own address (loopback) is not counted: its tabs are phones
// of their own (a facilitator trying the page, tests). r.mu is held.
func (r *Room) phoneFrom(from string) string {
	if a, err := netip.ParseAddr(from); err == nil && a.Unmap().IsLoopback() {
		return ""
	}
	for token, p := range r.phones {
		if p.from == from {
			return token
		}
	}
	return ""
}

// sharedAddress is how often phones at one address took the place of a
// phone whose page was still open.
type sharedAddress struct {
	times []time.Time // the latest such joins, oldest first
	told  bool
}

const (
	// sharedJoins joins within sharedWithin, each taking the place of a
	// phone still on the page, tell the facilitator that people share an
	// address: one person opening the page in a second browser does it
	// once; several people behind one router take turns again and again.
	sharedJoins  = 3
	sharedWithin = 5 * time.Minute
	// maxSharedAddrs bounds what is kept: a room has a few addresses.
	maxSharedAddrs = 64
)

// noteShared counts a join from an address that took the place of p, and
// tells the facilitator once, on the third such join in five minutes,
// that phones there share the address (a guest Wi-Fi behind a router, a
// phone's hotspot): one phone per address (phoneFrom) is what stops one
// person voting twice, so only one of them can vote, and each joining
// pushes the last one out. Nothing is told for a phone whose page had
// closed: that is one person coming back. r.mu is held.
func (r *Room) noteShared(from string, p *phone, now time.Time) {
	if p == nil || len(p.streams) == 0 {
		return
	}
	if r.shared == nil {
		r.shared = map[string]*sharedAddress{}
	}
	sa := r.shared[from]
	if sa == nil {
		if len(r.shared) >= maxSharedAddrs {
			return
		}
		sa = &sharedAddress{}
		r.shared[from] = sa
	}
	for len(sa.times) > 0 && now.Sub(sa.times[0]) > sharedWithin {
		sa.times = sa.times[1:]
	}
	sa.times = append(sa.times, now)
	if len(sa.times) >= sharedJoins && !sa.told {
		sa.told = true
		r.notice("Several phones share the address %s and push each other out: only one can vote from it. Put this laptop on the phones' Wi-Fi, or start its hotspot", from)
	}
}

// endStreams ends the streams the phone has open. r.mu is held.
func (r *Room) endStreams(p *phone) {
	for _, kick := range p.streams {
		close(kick)
	}
	r.streams -= len(p.streams)
	p.streams = nil
}

// replacePhone gives the phone at token old a new token: the phone joined
// again from its address (a lost cookie, a second browser, or a script
// after a second vote). Its vote, its ideas and the limits on them go with
// it; its old token, and the streams opened with it, end. r.mu is held.
func (r *Room) replacePhone(old, token string) {
	p := r.phones[old]
	delete(r.phones, old)
	r.endStreams(p)
	p.lastSeen = r.now()
	r.phones[token] = p
	for _, votes := range r.roundsKept() {
		if choice, ok := votes[old]; ok {
			delete(votes, old)
			votes[token] = choice
		}
	}
	for i := range r.ideas {
		if r.ideas[i].phone == old {
			r.ideas[i].phone = token
		}
	}
	for id, sender := range r.sentBy {
		if sender == old {
			r.sentBy[id] = token
		}
	}
	r.wakeFacilitator()
}

// evictIdle forgets one phone that has not been heard from for a while and
// has no vote in this round, to make room; it reports whether it did.
func (r *Room) evictIdle(now time.Time) bool {
	cutoff := now.Add(-phoneIdle)
	for token, p := range r.phones {
		if len(p.streams) == 0 && p.ideas == 0 && !r.votedIn(token) && p.lastSeen.Before(cutoff) {
			for _, d := range p.decided {
				delete(r.sentBy, d.id)
			}
			delete(r.phones, token)
			return true
		}
	}
	return false
}

// roundsKept are the votes of this round, of the rounds left to come
// back to, and of the round a vote again set aside. r.mu is held.
func (r *Room) roundsKept() []map[string]string {
	kept := []map[string]string{r.votes}
	for _, held := range r.left {
		kept = append(kept, held.votes)
	}
	if r.setAside != nil {
		kept = append(kept, r.setAside.ballots)
	}
	return kept
}

// votedIn reports whether a phone has a vote in this round or in one left
// to come back to. r.mu is held.
func (r *Room) votedIn(token string) bool {
	for _, votes := range r.roundsKept() {
		if _, ok := votes[token]; ok {
			return true
		}
	}
	return false
}

// Known reports whether a token belongs to a phone in the room, and
// counts the phone as seen.
func (r *Room) Known(token string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.seen(token)
	return ok
}

// seen marks a phone as heard from now; called with r.mu held.
func (r *Room) seen(token string) (*phone, bool) {
	p, ok := r.phones[token]
	if !ok {
		return nil, false
	}
	if p.lastSeen.Before(r.now().Add(-phoneIdle)) {
		// Back after a while: the facilitator's count goes up again.
		defer r.wakeFacilitator()
	}
	p.lastSeen = r.now()
	return p, true
}

// CastVote records a phone's vote in a round: one vote per phone per
// round; voting again changes it, until the reveal. itemID and round are
// what the phone's page showed, so a vote made on an old screen is
// refused rather than counted for the wrong item.
func (r *Room) CastVote(token, itemID string, round int, choice string) error {
	return r.CastVoteTapped(token, itemID, round, choice, Tap{})
}

// CastVoteTapped is CastVote for a vote its page numbered: one older than
// a vote the room has taken from the same page changes nothing (the later
// tap stands), and is not an error.
func (r *Room) CastVoteTapped(token, itemID string, round int, choice string, tap Tap) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.seen(token)
	if !ok {
		return ErrNotJoined
	}
	if choice != Unsure {
		if _, _, ok := r.checklist.Level(choice); !ok {
			return ErrBadChoice
		}
	}
	switch {
	case r.phase != Voting && r.phase != Revealed:
		return ErrNoVote
	case itemID != r.itemID:
		return ErrNotCurrent
	case r.phase == Revealed:
		return ErrVoteClosed
	case round != r.round:
		return ErrNewRound
	}
	if !p.newerTap(tap) {
		return nil
	}
	if r.votes[token] == choice {
		return nil
	}
	r.votes[token] = choice
	r.wakeFacilitator()
	p.wakePages()
	return nil
}

// newerTap reports whether tap is later than every vote taken from its
// page, and remembers it if so. r.mu is held.
func (p *phone) newerTap(tap Tap) bool {
	if tap.Page == "" {
		return true
	}
	i := slices.IndexFunc(p.taps, func(t Tap) bool { return t.Page == tap.Page })
	if i >= 0 {
		if tap.N <= p.taps[i].N {
			return false
		}
		p.taps = slices.Delete(p.taps, i, i+1)
	}
	p.taps = slices.Insert(p.taps, 0, tap)
	p.taps = p.taps[:min(len(p.taps), maxTapPages)]
	return true
}

// SendIdea records an idea for the open question. The text is made plain
// (no escape sequences or control characters) before anything else sees
// it, and composed (NFC): one phone's keyboard writes "é" as one
// character, another's as "e" and an accent, and the same words must be
// one idea (sameIdea).
func (r *Room) SendIdea(token, questionID, area, text string) (Idea, error) {
	text = norm.NFC.String(safetext.Plain(text))
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.seen(token)
	switch {
	case !ok:
		return Idea{}, ErrNotJoined
	case r.phase != Asking || questionID != r.question:
		return Idea{}, ErrNotAsking
	case text == "":
		return Idea{}, ErrEmptyIdea
	case utf8.RuneCountInString(text) > MaxIdeaRunes:
		return Idea{}, ErrIdeaTooLong
	case len(r.ideas) >= MaxPendingIdeas || p.ideas >= MaxIdeasPerPhone:
		return Idea{}, ErrTooManyIdeas
	}
	now := r.now()
	p.sent = slices.DeleteFunc(p.sent, func(at time.Time) bool { return !at.After(now.Add(-time.Minute)) })
	if len(p.sent) >= MaxIdeasPerMinute {
		return Idea{}, &RetryError{Err: ErrIdeasTooFast, After: p.sent[0].Add(time.Minute).Sub(now)}
	}
	f, _ := r.checklist.FollowUp(questionID)
	if f.Kind == checklist.KindPerArea {
		if _, _, ok := r.checklist.AreaByID(area); !ok {
			return Idea{}, ErrBadArea
		}
	} else {
		area = ""
	}
	// Send tapped twice, or the same words sent again while the first
	// wait: one idea. A second one was settled at once as a copy, and the
	// phone said "Accepted" of an idea the facilitator had not decided.
	sent := Idea{QuestionID: questionID, Area: area, Text: text}
	if i := slices.IndexFunc(r.ideas, func(o Idea) bool { return o.phone == token && sameIdea(o, sent) }); i >= 0 {
		idea := r.ideas[i]
		idea.phone = ""
		return idea, nil
	}
	r.lastIdea++
	idea := Idea{ID: r.lastIdea, QuestionID: questionID, Area: area, Text: text, phone: token}
	if r.sentBy == nil {
		r.sentBy = map[int]string{}
	}
	r.sentBy[idea.ID] = token
	r.ideas = append(r.ideas, idea)
	p.ideas++
	p.sent = append(p.sent, now)
	if area != "" {
		p.area = area
	}
	r.wakeFacilitator()
	p.wakePages()
	idea.phone = ""
	return idea, nil
}

// openStream and closeStream keep track of a phone's event streams, which
// keep it counted as in the room while its screen is on. A phone that
// opens more than a few (a tab reconnecting before the last connection
// was seen to close) has its oldest closed: the newest is the one it
// reads. The returned channel is closed when the stream should end so.
func (r *Room) openStream(token string) (kicked <-chan struct{}, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.seen(token)
	switch {
	case !ok:
		return nil, ErrNotJoined
	case r.closed:
		return nil, errClosed
	case len(p.streams) >= maxStreamsPerPhone:
		close(p.streams[0])
		p.streams = p.streams[1:]
		r.streams--
	case r.streams >= 2*MaxPhones:
		return nil, errTooManyStreams
	}
	kick := make(chan struct{})
	p.streams = append(p.streams, kick)
	r.streams++
	if len(p.streams) == 1 {
		r.wakeFacilitator()
	}
	return kick, nil
}

func (r *Room) closeStream(token string, kick <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.phones[token]
	if !ok {
		return
	}
	p.lastSeen = r.now()
	for i, k := range p.streams {
		if k == kick {
			p.streams = slices.Delete(p.streams, i, i+1)
			r.streams--
			return
		}
	}
}

const maxStreamsPerPhone = 4

var (
	errClosed         = errors.New("the room has closed")
	errTooManyStreams = errors.New("the room has too many open connections")
)

// RetryError is an error the phone may retry after a wait.
type RetryError struct {
	Err   error
	After time.Duration
}

func (e *RetryError) Error() string { return e.Err.Error() }
func (e *RetryError) Unwrap() error { return e.Err }

func newToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("room: no randomness for a phone's token: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

func ordinalTry(n int) string {
	switch n {
	case 1:
		return "first try"
	case 2:
		return "second try"
	case 3:
		return "third try"
	}
	return fmt.Sprintf("try %d", n)
}

// waitWords says a wait as a person would, on the projector and on a
// phone: "30 seconds", "1 minute", "1 minute 30 seconds", where time's
// own "1m0s" reads as a typo. It rounds to the second.
func waitWords(d time.Duration) string {
	s := int((d + time.Second/2) / time.Second)
	m, s := s/60, s%60
	unit := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	switch {
	case m == 0:
		return unit(s, "second", "seconds")
	case s == 0:
		return unit(m, "minute", "minutes")
	}
	return unit(m, "minute", "minutes") + " " + unit(s, "second", "seconds")
}
