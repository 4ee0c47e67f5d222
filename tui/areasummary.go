package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// areasummaryScreen comes after the last item of an area: how many items
// of the area sit at each level, which are not rated yet, and where the
// review goes next.
type areasummaryScreen struct {
	c      *common
	keys   areasummaryKeys
	area   int
	scroll scroller // when the area's items do not fit the window
	// rated is set while the keys just pressed are rating keys, which
	// rate nothing here and say so (ratedNothing).
	rated bool
}

type areasummaryKeys struct {
	Continue key.Binding
	Back     key.Binding
	// Rate are the item screen's rating keys, which rate nothing here
	// but say so (ratedNothing).
	Rate []key.Binding
	scrollKeys
}

func newAreaSummaryScreen(c *common) *areasummaryScreen {
	return &areasummaryScreen{c: c, scroll: scroller{keys: "↑↓"}, keys: areasummaryKeys{
		Continue: key.NewBinding(key.WithKeys("enter", "n", "right", "pgdown"), key.WithHelp("enter", "continue")),
		Back:     key.NewBinding(key.WithKeys("p", "left", "pgup", "esc"), key.WithHelp("p/esc", "back to the last item")),
		// pgup and pgdown go back and on, as on the item screen.
		scrollKeys: newScrollKeys(),
	}}
}

func (s *areasummaryScreen) setPosition(area int) {
	s.area = area
	s.scroll.offset = 0
}

func (s *areasummaryScreen) place() (review.Place, bool) { return review.AreaEnd(s.area), true }

func (s *areasummaryScreen) init() tea.Cmd {
	if s.c.session != nil {
		s.keys.Rate = rateKeys(s.c.checklist())
	}
	return nil
}

func (s *areasummaryScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Continue):
		s.c.goToPlace(s.c.session.After(review.AreaEnd(s.area)))
	case key.Matches(k, s.keys.Back):
		s.c.goToPlace(s.c.session.Before(review.AreaEnd(s.area)))
	case key.Matches(k, s.keys.Rate...):
		s.rated = true // a word may take back what it says (wordGoesOn)
		return s.ratedNothing(k.String())
	default:
		s.scroll.handle(k, s.keys.scrollKeys, len(s.lines()), s.c.height)
	}
	return nil
}

// warnMsg is a warning for the status line, said until the next save.
type warnMsg string

// ratedNothingMsg is a warning said as a warnMsg is, but only while the
// review is among its items (aboutTheItems): it is about a key pressed
// on the way from one item to the next, and means nothing over the
// next-steps questions or the room's join screen.
type ratedNothingMsg string

// ratedNothing answers a rating key pressed on the summary, where no item
// is on screen to rate: a hurried "a n" across the area's end landed the
// a here, and the facilitator went on an item short without noticing. It
// rates nothing (nothing the room can see), and says so in the status
// line, which the next item still shows until a change is saved.
func (s *areasummaryScreen) ratedNothing(pressed string) tea.Cmd {
	a := &s.c.checklist().Areas[s.area]
	last := a.Items[len(a.Items)-1].ShortTitle()
	said := fmt.Sprintf("%s rated nothing: it was pressed on the summary of %s, after its last item (%s).", pressed, a.ShortTitle(), last)
	return func() tea.Msg { return ratedNothingMsg(said) }
}

func (s *areasummaryScreen) view() string {
	if s.c.session == nil {
		return ""
	}
	return s.scroll.window(&s.c.styles, s.lines(), s.c.width, s.c.height)
}

// lines is the whole summary: the counts, where the review goes next,
// every item of the area with its rating, and the area's "If all you do is"
// suggestions. It scrolls when the window is shorter (issue 12.6).
func (s *areasummaryScreen) lines() []string {
	st := &s.c.styles
	c := s.c.checklist()
	p := s.c.plan()
	w := s.c.width
	a := &c.Areas[s.area]
	perArea, _ := p.Counts()
	counts := perArea[s.area].Counts

	var b []string
	b = append(b, st.Heading.Render(ansi.Wrap(a.Title+": done", w, "")))
	b = append(b, st.Subtle.Render(fmt.Sprintf("%d of %d %s rated", counts.Rated(), counts.Total(), plural(counts.Total(), "item", "items"))), "")
	labelWidth := max(12, ratingLabelWidth(c))
	for i := range c.Scale {
		b = append(b, fmt.Sprintf("  %s  %d", padCells(st.levelStyle(i, len(c.Scale)).Render(plans.MarkAt(i, len(c.Scale))+" "+c.Scale[i].Label), labelWidth), counts.ByLevel[i]))
	}
	b = append(b, fmt.Sprintf("  %s  %d", padCells(st.levelStyle(-1, 0).Render(plans.MarkUnrated+" Unrated"), labelWidth), counts.Unrated))

	// Where the review goes next, then each item with its rating (whole
	// titles, wrapped), and the area's suggestions: the page scrolls.
	b = append(b, "")
	// The items of the earlier areas left behind, said where enter
	// leaves the items, by the rule the accessible prompts say them by.
	earlier := 0
	if left, _ := s.c.session.LeftUnrated(review.AreaEnd(s.area)); left > 0 {
		earlier = left - counts.Unrated
	}
	b = append(b, strings.Split(s.nextLine(st, counts.Unrated, earlier), "\n")...)
	b = append(b, "")
	for _, it := range a.Items {
		r := p.Items[it.ID]
		b = append(b, strings.Split("  "+st.ratingMark(c, r.Rating)+" "+wrapIndented(it.Title, max(1, w-4), 4, 0), "\n")...)
	}
	if len(a.IfAllYouDo) > 0 {
		b = append(b, "", st.Label.Render("If all you do is…"))
		for _, sg := range a.IfAllYouDo {
			b = append(b, strings.Split("  • "+wrapIndented(sg.Text, max(1, w-4), 4, 0), "\n")...)
		}
	}
	var out []string
	for _, l := range b {
		out = append(out, strings.Split(l, "\n")...)
	}
	return out
}

// nextLine says where continue goes, and points at the gaps: the area's
// own, and at the last area the earlier areas' (earlier), since enter
// leaves the areas there: a facilitator who skipped items to come back to
// went on to the next steps with nothing said of them.
func (s *areasummaryScreen) nextLine(st *styles, unrated, earlier int) string {
	c := s.c.checklist()
	var to string
	if s.area+1 < len(c.Areas) {
		na := c.Areas[s.area+1]
		to = fmt.Sprintf("Next: %s (%d %s).", na.Title, len(na.Items), plural(len(na.Items), "item", "items"))
	} else if len(c.FollowUps) > 0 {
		to = fmt.Sprintf("Next: the next steps (%d %s).", len(c.FollowUps), plural(len(c.FollowUps), "question", "questions"))
	} else {
		to = "Next: the summary."
	}
	// Wrapped here, not by the frame: the page scrolls by the lines it
	// counts, and a line the frame broke in two pushed the last one off
	// unseen (the next area can be a sentence).
	w := s.c.width
	lines := wrapText(to, w)
	for i, l := range lines {
		lines[i] = st.Text.Render(l)
	}
	const press = "Press enter to continue."
	if last := len(lines) - 1; ansi.StringWidth(lines[last])+1+len(press) <= w {
		lines[last] += " " + st.Subtle.Render(press)
	} else {
		lines = append(lines, st.Subtle.Render(press))
	}
	line := strings.Join(lines, "\n")
	if unrated > 0 {
		line += "\n" + st.Warning.Render(fmt.Sprintf("%d not rated yet:", unrated)) + " " +
			st.Subtle.Render("p goes back, o shows every item.")
	}
	if earlier > 0 {
		line += "\n" + st.Warning.Render(fmt.Sprintf("%d not rated in earlier areas:", earlier)) + " " +
			st.Subtle.Render("o shows every item.")
	}
	return line
}

func (s *areasummaryScreen) shortHelp() []key.Binding {
	return []key.Binding{s.keys.Continue, s.keys.Back, s.keys.Up, s.c.keys.Overview}
}

func (s *areasummaryScreen) fullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Continue, s.keys.Back, s.keys.Up, s.keys.Top}} // ↑/↓, home/end
}

func (s *areasummaryScreen) typing() bool { return false }

func (s *areasummaryScreen) keyMap() any { return s.keys }

// wordGoesOn takes back the warning that a rating key rated nothing
// when the letter after it shows a word being typed (wordAfterKey): a
// small letter that is no key here, or a space ("agree a budget", "a
// meeting"), after any more rating keys and letters that do nothing here
// (the i of "raise"). The warning was for a hurried
// facilitator's a n across the area's end, and stays for it (n goes on);
// a novice's "agree a budget" read "r rated nothing: it was pressed on
// the summary of …" on the next item, about keys they never meant.
func (s *areasummaryScreen) wordGoesOn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	rated := s.rated
	s.rated = false
	if !rated {
		return nil, false
	}
	step := afterRating(s.c, msg, s.keys.Rate, s.keys)
	if msg.Text != "" && key.Matches(msg, s.c.keys.Board, s.c.keys.Overview) {
		// "about", "road map": the board and the overview would open at
		// a word's letter, and the rating key rated nothing to keep.
		step = wordGoes
	}
	switch step {
	case wordGoes:
		return func() tea.Msg { return warnMsg("") }, true
	case wordUntold: // "raise": its i tells nothing yet
		s.rated = true // a rating key notes itself where it acts (update) too
	}
	return nil, false
}

// strayNote is said at a letter typed here as if an action were asked
// for: the item it belongs to is behind (esc), the next area ahead.
func (s *areasummaryScreen) strayNote() string {
	return "Nothing to type here. enter goes on, esc goes back."
}

// ratingLabelWidth is the width of a checklist's widest rating as shape and
// word ("○ Unrated", "▲ Developing", "● Leading the way"): a column of
// ratings is at least this wide, or a scale's longer words push what
// follows them out of line.
func ratingLabelWidth(c *checklist.Checklist) int {
	w := ansi.StringWidth(plans.Label(c, checklist.Unrated))
	for _, l := range c.Scale {
		w = max(w, ansi.StringWidth(plans.Label(c, l.Key)))
	}
	return w
}

// padCells pads styled text to width cells.
func padCells(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}
