package room

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The phone page: one HTML template, its style sheet and its script, all
// in the binary. html/template escapes every value, so checklist and
// participant text can never become markup.
//
//go:embed page/page.html page/room.css page/room.js
var pageFiles embed.FS

// pageTemplate is parsed when a phone first asks for a page, not when
// ladder starts: every command would otherwise pay for it (0.2-0.3 ms and
// a thousand allocations).
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page.html").Funcs(template.FuncMap{
		"asset": assetURL,
		"quiet": func() int { return int(streamQuiet / time.Second) },
	}).ParseFS(pageFiles, "page/page.html"))
})

// assetFile is one of the page's files and its version: the start of a
// hash of its bytes, which changes when they do.
type assetFile struct {
	data    []byte
	version string
}

// pageAsset is one of the page's files (room.css, room.js), read and
// hashed once, when a room first serves (not at every command's start).
func pageAsset(name string) assetFile {
	return pageAssets()[name]
}

var pageAssets = sync.OnceValue(func() map[string]assetFile {
	out := map[string]assetFile{}
	for _, name := range []string{"room.css", "room.js"} {
		data, err := fs.ReadFile(pageFiles, "page/"+name)
		if err != nil {
			panic("room: " + err.Error())
		}
		sum := sha256.Sum256(data)
		out[name] = assetFile{data: data, version: hex.EncodeToString(sum[:8])}
	}
	return out
})

// assetURL is the address the page links one of its files at: with its
// version, so a browser may keep it for good (Server.asset).
func assetURL(name string) string {
	return "/" + name + "?v=" + pageAsset(name).version
}

// phoneView is everything one phone's page shows.
type phoneView struct {
	Title   string
	Joined  bool
	Ended   bool
	Message string
	// Phase is "voting" or "revealed" while an item is up.
	Phase string
	Item  *itemView
	Round int
	// Again is set while the room votes again on the item (Revote).
	Again    bool
	Choices  []choiceView
	MyVote   *choiceView
	Spread   []spreadView
	Disagree bool
	// Worst and Best name the ends of the scale, for the disagreement.
	Worst, Best string
	Agreed      *choiceView
	Question    *questionView
	SentIdeas   int
	// MyIdeas are this phone's ideas still waiting for the facilitator;
	// Decided, what the facilitator did with its last few.
	MyIdeas []string
	Decided []DecidedIdea
	MaxIdea int
	// Refresh asks a page without JavaScript to reload itself, on the
	// screens where there is nothing to type.
	Refresh bool
	// Key names the screen (item, round, phase); the script announces
	// Announce to screen readers when the key changes.
	Key, Announce string
	// Seq orders views: see Room.seq.
	Seq uint64
}

type itemView struct {
	ID, Area, Group, Title string
	// Position and Total number the item within its area, as the
	// projector and the board do: "item 3" is one item in the room.
	Position, Total int
	Prompts         []string
}

type choiceView struct {
	Key, Mark, Label, Description, Class string
	Chosen                               bool
}

type spreadView struct {
	Mark, Label, Class string
	Count, Tenths      int
}

type questionView struct {
	ID, Text string
	// Position and Total number the question among the next steps, as
	// the facilitator's screen does.
	Position, Total int
	Areas           []areaView
}

type areaView struct {
	ID, Title string
	Chosen    bool // the area this phone last sent an idea for
}

// choices lists the scale's levels and "not sure", as the phone shows
// them: a shape, a word and a colour, never colour alone.
func choices(c *checklist.Checklist) []choiceView {
	out := make([]choiceView, 0, len(c.Scale)+1)
	for i, l := range c.Scale {
		out = append(out, choiceView{Key: l.Key, Mark: plans.MarkAt(i, len(c.Scale)), Label: l.Label,
			Description: l.Description, Class: levelClass(i, len(c.Scale))})
	}
	return append(out, choiceView{Key: Unsure, Mark: plans.MarkUnsure, Label: "Not sure", Class: "unsure"})
}

// levelClass is the colour class of level i of n: its tone, as on the
// screens and in the report (room.css paints each). The red, amber and
// green of three levels keep the names they always had.
func levelClass(i, n int) string {
	return toneClass[plans.ToneAt(i, n)]
}

var toneClass = map[plans.Tone]string{
	plans.ToneRed: "worst", plans.ToneOrange: "low", plans.ToneAmber: "between",
	plans.ToneLime: "high", plans.ToneGreen: "best",
}

func choiceOf(cs []choiceView, key string) *choiceView {
	for i := range cs {
		if cs[i].Key == key {
			c := cs[i]
			return &c
		}
	}
	return nil
}

// view builds a phone's page; called with r.mu held. A token that is not
// in the room gets the join form.
func (r *Room) view(token string) phoneView {
	c := r.checklist
	v := phoneView{Title: "Join the review", MaxIdea: MaxIdeaRunes, Key: "join"}
	p, joined := r.phones[token]
	if !joined {
		return v
	}
	v.Joined, v.Title, v.Key, v.Refresh, v.Seq = true, "The room", "waiting", true, r.seq
	switch r.phase {
	case Voting, Revealed:
		it, ref, _ := c.Item(r.itemID)
		e := c.Items()[ref.Seq]
		v.Title = it.Title
		v.Item = &itemView{ID: it.ID, Area: e.Area.Title, Group: it.Group, Title: it.Title,
			Position: ref.Index + 1, Total: len(e.Area.Items), Prompts: it.Prompts}
		v.Round = r.round
		v.Choices = choices(c)
		if mine, ok := r.votes[token]; ok {
			v.MyVote = choiceOf(v.Choices, mine)
			v.Choices = markChosen(v.Choices, mine)
		}
		v.Key = fmt.Sprintf("item %s round %d", it.ID, r.round)
		if r.phase == Voting {
			v.Phase, v.Refresh, v.Again = "voting", v.MyVote != nil, r.again
			vote := "Vote"
			if r.again {
				vote = "Vote again"
			}
			v.Announce = fmt.Sprintf("%s on %s, item %d of %d: %s", vote, e.Area.Title, ref.Index+1, len(e.Area.Items), it.Title)
			break
		}
		v.Phase = "revealed"
		r.revealedView(&v)
	case Asking:
		f, _ := c.FollowUp(r.question)
		v.Title, v.Refresh = f.Question, false
		v.Question = &questionView{ID: f.ID, Text: f.Question, Total: len(c.FollowUps),
			Position: questionNumber(c, f.ID)}
		if f.Kind == checklist.KindPerArea {
			for _, a := range c.Areas {
				v.Question.Areas = append(v.Question.Areas, areaView{a.ID, a.Title, a.ID == p.area})
			}
		}
		v.SentIdeas = p.ideas
		for _, d := range p.decided {
			// Named as one waiting is: with its question when settled at
			// another, with its area where asked per area (room.js
			// matches them so).
			d.Text = ideaLine(c, d.idea(), f.ID)
			v.Decided = append(v.Decided, d)
		}
		for _, idea := range r.ideas {
			if idea.phone == token {
				v.MyIdeas = append(v.MyIdeas, ideaLine(c, idea, f.ID))
			}
		}
		v.Key = "question " + f.ID
		v.Announce = "Send your ideas: " + f.Question
	}
	return v
}

// ideaLine is a waiting idea as its phone lists it at the question asked
// now: with its area, where the question is asked per area, and one sent
// for another question named with it as the page numbers it ("Question
// 2: …", "Question 3, Workforce: …"), where it read as sent for the
// question on the phone now.
func ideaLine(c *checklist.Checklist, idea Idea, asked string) string {
	var named []string
	if idea.QuestionID != asked {
		if n := questionNumber(c, idea.QuestionID); n > 0 {
			named = append(named, fmt.Sprintf("Question %d", n))
		}
	}
	if a, _, ok := c.AreaByID(idea.Area); ok && idea.Area != "" {
		named = append(named, a.Title)
	}
	if len(named) == 0 {
		return idea.Text
	}
	return strings.Join(named, ", ") + ": " + idea.Text
}

// questionNumber is the question's number as the page says it ("question
// 2 of 5"), counted from 1; 0 for a question the checklist does not ask.
func questionNumber(c *checklist.Checklist, id string) int {
	return 1 + slices.IndexFunc(c.FollowUps, func(q checklist.FollowUp) bool { return q.ID == id })
}

func markChosen(cs []choiceView, key string) []choiceView {
	for i := range cs {
		cs[i].Chosen = cs[i].Key == key
	}
	return cs
}

// revealedView fills in the spread; called with r.mu held.
func (r *Room) revealedView(v *phoneView) {
	c := r.checklist
	votes := r.revealed
	total := votes.Total()
	var said []string
	for _, ch := range v.Choices {
		n := votes.Count(ch.Key)
		tenths := 0
		if total > 0 {
			tenths = (n*10 + total/2) / total
		}
		v.Spread = append(v.Spread, spreadView{Mark: ch.Mark, Label: ch.Label, Class: ch.Class, Count: n, Tenths: tenths})
		said = append(said, fmt.Sprintf("%s %d", ch.Label, n))
	}
	v.Disagree = votes.Disagree(c)
	v.Worst = plans.Label(c, c.Scale[0].Key)
	v.Best = plans.Label(c, c.Scale[len(c.Scale)-1].Key)
	v.Key += " revealed"
	v.Announce = "Votes revealed: " + strings.Join(said, ", ")
	if r.agreed != "" {
		v.Agreed = choiceOf(v.Choices, r.agreed)
		v.Key += " agreed " + r.agreed
		if v.Agreed != nil {
			v.Announce = "Agreed: " + v.Agreed.Label
		}
	}
}

// endedView is the last thing a phone sees when ladder quits: at the end,
// or for a break (ladder carried on afterwards), which the room cannot
// tell apart, so it says neither "ended" nor "back soon" alone.
func endedView() phoneView {
	return phoneView{Title: "The room has closed", Ended: true, Key: "ended", Announce: "The room has closed.", Seq: math.MaxUint64}
}

// pageFor is a phone's page (name "page") or its view alone ("view"),
// with message said at the top. Most phones see the same page (the item,
// and which of five choices is theirs), so pages are kept once rendered
// until what every phone sees changes (Room.seq): a burst of 60 votes
// renders a handful of pages, not 60.
func (r *Room) pageFor(token, name, message string) []byte {
	r.mu.Lock()
	// What makes one phone's page differ from another's at the same
	// state: whether it has joined, and its vote. Pages with a message or
	// with anything of the phone's own on them (its ideas, waiting or
	// settled, or the area it last sent one for) are not kept: no other
	// phone may be served them.
	p, joined := r.phones[token]
	key := ""
	if message == "" && (!joined || p.ideas == 0 && len(p.decided) == 0 && p.area == "") {
		key = name + "|" + r.votes[token]
		if !joined {
			key += "|join"
		}
		if r.rendered.seq == r.seq {
			if b, ok := r.rendered.pages[key]; ok {
				r.mu.Unlock()
				return b
			}
		}
	}
	v := r.view(token)
	v.Message = message
	seq := r.seq
	r.mu.Unlock()
	b := render(name, v)
	if key != "" {
		r.mu.Lock()
		if r.rendered.seq != seq || r.rendered.pages == nil {
			r.rendered.seq, r.rendered.pages = seq, map[string][]byte{}
		}
		if seq == r.seq {
			r.rendered.pages[key] = b
		}
		r.mu.Unlock()
	}
	return b
}

// render writes a template ("page" or "view") for a view.
func render(name string, v phoneView) []byte {
	var b bytes.Buffer
	if err := pageTemplate().ExecuteTemplate(&b, name, v); err != nil {
		// The template is fixed and its data is built here: an error is
		// a bug, and a half page must not be sent.
		panic("room: page template: " + err.Error())
	}
	return b.Bytes()
}
