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

// overviewScreen lists every item, grouped by area, with its rating and
// action (when it is due, how far it has got, how late it is), says how
// many are not rated yet and how many actions are late, and opens any
// item. Only the rows in the window are drawn, so a 1,000-item review
// scrolls as fast as a short one.
type overviewScreen struct {
	c       *common
	keys    overviewKeys
	entries []checklist.Entry
	rows    []overviewRow
	cursor  int // index into rows; always an item row
	offset  int // first row shown
	counts  []plans.AreaCounts
	total   plans.Counts
	late    int // actions late today
	// lateSteps are the project-plan steps of the plan's own (not an
	// item's action) late today: the overview does not list them, but the
	// summary counts them among the overdue actions, and so does the
	// header here, saying where they are.
	lateSteps int
	// carried counts the actions and project-plan steps that came across
	// from the last review (this year's, carried on from last year's),
	// and carriedLate those of them past due today, of late and lateSteps
	// (carriedLateSteps of them steps): the header says them apart, as
	// what this review took on rather than what it let slip.
	carried, carriedLate, carriedLateSteps int
	columns                                actionColumns
	flags                                  int // items flagged to revisit, counted as the overview opens (f is not one of its keys)

	note string       // what the last key did, when there is nothing else to see
	word overviewWord // a word begun by the keys so far (overview_word.go)
	// closeAtWord is set when the word that went on began with the o
	// that opened the overview.
	closeAtWord bool
	// overNowhere is set when the overview was opened over a screen with
	// nowhere to type (an area's summary, the board), where its o may be
	// a word's first letter and its u the second ("our team").
	overNowhere bool
	drawn       []string // rows drawn without the cursor, by row
	drawnFor    struct {
		width  int
		styles styleKey
	}
}

// overviewRow is an area heading (entry < 0), an item, or the line under
// an item that shows its action.
type overviewRow struct {
	area   int
	entry  int // index into entries, or -1 for the area's heading
	action bool
}

// isItem reports whether the cursor can rest on the row.
func (r overviewRow) isItem() bool { return r.entry >= 0 && !r.action }

type overviewKeys struct {
	Up, Down    key.Binding
	PageUp      key.Binding
	PageDown    key.Binding
	Home, End   key.Binding
	Open        key.Binding
	NextUnrated key.Binding // opens the next item not rated
	FindUnrated key.Binding // moves the cursor to it
	FindLate    key.Binding // moves the cursor to the next late action
	Back        key.Binding
	Rate        []key.Binding // rate the item under the cursor, as on its screen
}

func newOverviewScreen(c *common) *overviewScreen {
	return &overviewScreen{c: c, keys: overviewKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "move down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "page")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "page down")),
		// g is a rating here (green), so the first and last items are
		// home and end only.
		Home:        key.NewBinding(key.WithKeys("home"), key.WithHelp("home/end", "first / last item")),
		End:         key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last item")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the item")),
		NextUnrated: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "open the next item not rated")),
		FindUnrated: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "move to the next item not rated")),
		// Not a letter: a scale's levels take their first letters here
		// ("l" would rate "low" on a low/medium/high scale).
		FindLate: key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "move to the next late action")),
		Back:     key.NewBinding(key.WithKeys("esc", "o"), key.WithHelp("esc", "back")),
	}}
}

// init rebuilds the rows from the plan (ratings may have changed) and puts
// the cursor on the item the review is at.
func (s *overviewScreen) init() tea.Cmd {
	if s.c.session == nil {
		return nil
	}
	c := s.c.checklist()
	s.entries = c.Items()
	s.keys.Rate = rateKeys(c)
	s.note = ""
	s.word = overviewWord{opened: true} // by o, which may begin a word
	s.rows = s.rows[:0]
	plan := s.c.plan()
	for i, e := range s.entries {
		if e.Ref.Index == 0 {
			s.rows = append(s.rows, overviewRow{area: e.Ref.Area, entry: -1})
		}
		s.rows = append(s.rows, overviewRow{area: e.Ref.Area, entry: i})
		if plan.Items[e.Item.ID].Action != "" {
			s.rows = append(s.rows, overviewRow{area: e.Ref.Area, entry: i, action: true})
		}
	}
	s.counts, s.total = s.c.plan().Counts()
	s.flags = s.flagged()
	s.measureActions()
	s.drawn = nil
	at := s.c.pos()
	if s.c.session.Place() == review.End {
		// From the summary, which names the items rated with no action
		// yet and says o and enter write one: the cursor is on the first.
		if missing := s.c.session.RatedWithoutAction(); len(missing) > 0 {
			at = missing[0].Ref.Seq
		}
	}
	s.moveTo(s.rowOf(at))
	return nil
}

func (s *overviewScreen) rowOf(seq int) int {
	for i, r := range s.rows {
		if r.isItem() && r.entry == seq {
			return i
		}
	}
	return 1
}

// moveTo puts the cursor on row i, or the nearest item row after (or
// before) it.
func (s *overviewScreen) moveTo(i int) {
	if len(s.rows) == 0 {
		return
	}
	i = min(max(i, 0), len(s.rows)-1)
	dir := 1
	if i < s.cursor {
		dir = -1
	}
	for j := i; j >= 0 && j < len(s.rows); j += dir {
		if s.rows[j].isItem() {
			s.cursor = j
			return
		}
	}
	for j := i; j >= 0 && j < len(s.rows); j -= dir {
		if s.rows[j].isItem() {
			s.cursor = j
			return
		}
	}
}

// listHeight is how many lines the list has under the header (less the
// line that says the list scrolls, when it does).
func (s *overviewScreen) listHeight() int {
	h := max(1, s.c.height-2)
	if len(s.rows) > h {
		h = max(1, h-1)
	}
	return h
}

// overviewCursorLines is how many lines the row under the cursor may take
// to give its whole title when the row is too narrow for it (issue 12.6):
// the title wraps in place, under itself, rather than in lines kept empty
// below the list for it.
const overviewCursorLines = 4

func (s *overviewScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(s.rows) == 0 {
		return nil
	}
	page := s.listHeight() - 1
	s.note = ""
	for i, b := range s.keys.Rate {
		if key.Matches(k, b) {
			if s.c.holdRateForRoom(s.entries[s.rows[s.cursor].entry].Item.ID, s.c.checklist().Scale[i].Key, k.String()) {
				return nil // the room is voting on it: the strip says what to press, as on the item
			}
			return s.rate(i)
		}
	}
	switch {
	case key.Matches(k, s.keys.Up):
		s.moveTo(s.cursor - 1)
	case key.Matches(k, s.keys.Down):
		s.moveTo(s.nextItemRow(s.cursor))
	case key.Matches(k, s.keys.PageUp):
		s.moveTo(s.cursor - page)
	case key.Matches(k, s.keys.PageDown):
		s.moveTo(s.cursor + page)
	case key.Matches(k, s.keys.Home):
		s.cursor = 0
		s.moveTo(0)
	case key.Matches(k, s.keys.End):
		s.moveTo(len(s.rows) - 1)
	case key.Matches(k, s.keys.FindUnrated):
		s.nextUnrated()
	case key.Matches(k, s.keys.FindLate):
		if !s.nextLate() {
			s.note = "No action is late."
			if s.lateSteps > 0 {
				s.note = noneLateInList // the header says where: on the project plan
			}
		}
	case key.Matches(k, s.keys.NextUnrated):
		if s.nextUnrated() {
			s.c.goTo(screenItem, s.rows[s.cursor].entry)
		} else {
			s.note = "Every item is rated."
		}
	case key.Matches(k, s.keys.Open):
		s.c.goTo(screenItem, s.rows[s.cursor].entry)
	case key.Matches(k, s.keys.Back):
		s.c.goBackNow()
		return nil
	}
	return nil
}

// nextItemRow is the first item row after row i, or i at the end.
func (s *overviewScreen) nextItemRow(i int) int {
	for j := i + 1; j < len(s.rows); j++ {
		if s.rows[j].isItem() {
			return j
		}
	}
	return i
}

// nextUnrated moves to the next item without a rating, wrapping around,
// and reports whether there is one.
func (s *overviewScreen) nextUnrated() bool {
	plan := s.c.plan()
	for d := 1; d <= len(s.rows); d++ {
		i := (s.cursor + d) % len(s.rows)
		if r := s.rows[i]; r.isItem() && !plan.Items[s.entries[r.entry].Item.ID].Rated() {
			s.cursor = i
			return true
		}
	}
	return false
}

// header is the overview's first line, ending with the late count and any
// note, and the line under it, blank unless the note or the project
// plan's share of the count goes there (headerWith). Where the line does
// not fit, the share goes before the count would be cut ("⚠ 17 late,
// …"), and the note moves down a line: ! then says where the late ones
// are, since the count no longer does.
func (s *overviewScreen) header(st *styles, w int, start string) (string, string) {
	var line func(shares bool) string
	for v := 0; ; v++ {
		words, last := lateCountWords(st, s.lateCounts(), v)
		line = func(shares bool) string {
			if t := words(shares); t != "" {
				return start + st.Subtle.Render(" · ") + t
			}
			return start
		}
		if last || ansi.StringWidth(line(false)) <= w {
			break
		}
	}
	if n := s.flags; n > 0 {
		// The count that says what ⚑ in the list is, where the line has
		// room for it whole after everything else.
		flags := fmt.Sprintf("%s %d to revisit", revisitMark, n)
		withFlags := func(shares bool) string {
			return line(shares) + st.Subtle.Render(" · ") + st.Warning.Render(flags)
		}
		if h, below := s.headerWith(st, w, withFlags); below == "" && strings.HasSuffix(ansi.Strip(h), flags) {
			return h, below
		}
	}
	return s.headerWith(st, w, line)
}

// lateCounts is a plan's late actions as the overview's header and the
// start screen's list count them: late in all, lateSteps of them the
// project plan's own steps, which the overview does not list; in a
// review carried on from the last, carried came across from it (actions
// and steps), carriedLate of them among late, carriedLateSteps of those
// steps.
type lateCounts struct {
	late, lateSteps                        int
	carried, carriedLate, carriedLateSteps int
}

func (s *overviewScreen) lateCounts() lateCounts {
	return lateCounts{late: s.late + s.lateSteps, lateSteps: s.lateSteps,
		carried: s.carried, carriedLate: s.carriedLate, carriedLateSteps: s.carriedLateSteps}
}

// lateCountWords is a count of late actions, its v-th wording (longest
// first; last when there is no shorter), with the project plan's share
// of each count where shares is set ("⚠ 3 past due, 2 on the project
// plan"). The overview's header tries each in turn; the start screen's
// list says the second. In a review carried on from the last, the
// actions and steps that came across are said apart, with how many of
// them are past due ("↺ 6 carried on, ⚠ 5 past due"): late in the last
// review's plan, they were chased into this one, not let slip here. The
// others late are "more late"; where even that does not fit, one count
// of all past due.
func lateCountWords(st *styles, n lateCounts, v int) (words func(shares bool) string, last bool) {
	own := n.late - n.carriedLate
	share := func(shares bool, steps int) string {
		if !shares || steps == 0 {
			return ""
		}
		return fmt.Sprintf(", %d on the project plan", steps)
	}
	if n.carried == 0 {
		return func(shares bool) string {
			if n.late == 0 {
				return ""
			}
			return st.Warning.Render(fmt.Sprintf("⚠ %d late", n.late) + share(shares, n.lateSteps))
		}, true
	}
	more := func(shares bool) string {
		if own == 0 {
			return ""
		}
		return st.Subtle.Render(" · ") + st.Warning.Render(fmt.Sprintf("⚠ %d more late", own)+share(shares, n.lateSteps-n.carriedLateSteps))
	}
	pastDue := func(long, shares bool) string {
		switch {
		case n.carriedLate == 0:
			return st.Subtle.Render(", none past due")
		case long:
			return st.Subtle.Render(", ") + st.Warning.Render(fmt.Sprintf("⚠ %d of them past due", n.carriedLate)+share(shares, n.carriedLateSteps))
		}
		return st.Subtle.Render(", ") + st.Warning.Render(fmt.Sprintf("⚠ %d past due", n.carriedLate)+share(shares, n.carriedLateSteps))
	}
	switch v {
	case 0:
		return func(shares bool) string {
			return st.Subtle.Render(fmt.Sprintf("↺ %d carried on from the last review", n.carried)) + pastDue(true, shares) + more(shares)
		}, false
	case 1:
		return func(shares bool) string {
			return st.Subtle.Render(fmt.Sprintf("↺ %d carried on", n.carried)) + pastDue(false, shares) + more(shares)
		}, false
	case 2:
		if own > 0 {
			return func(shares bool) string {
				return st.Subtle.Render(fmt.Sprintf("↺ %d carried on · ", n.carried)) + st.Warning.Render(fmt.Sprintf("⚠ %d past due", n.late)+share(shares, n.lateSteps))
			}, false
		}
	}
	return func(shares bool) string {
		if n.late == 0 {
			return st.Subtle.Render(fmt.Sprintf("↺ %d carried on", n.carried))
		}
		return st.Warning.Render(fmt.Sprintf("⚠ %d past due", n.late) + share(shares, n.lateSteps))
	}, true
}

// flagged counts the items flagged to revisit.
func (s *overviewScreen) flagged() int {
	n := 0
	for _, r := range s.c.plan().Items {
		if r.Revisit {
			n++
		}
	}
	return n
}

// headerWith lays out the header whose first line line makes, with or
// without the project plan's share of the late ones (see header). Where
// the share does not fit, the line under the header says it, so that
// the count and the list agree: the overview lists no steps.
func (s *overviewScreen) headerWith(st *styles, w int, line func(shares bool) string) (string, string) {
	note := s.note
	with := func(h, note string) string {
		if note == "" {
			return h
		}
		return h + st.Success.Render(" · "+note)
	}
	if full := with(line(true), note); ansi.StringWidth(full) <= w {
		return full, ""
	}
	if note == noneLateInList && s.lateSteps > 0 {
		note = "the late ones are on the project plan"
	}
	if short := with(line(false), note); ansi.StringWidth(short) <= w {
		below := ""
		if s.lateSteps > 0 && note == "" {
			below = st.Subtle.Render(ansi.Truncate(fmt.Sprintf("%d of them on the project plan, not in this list", s.lateSteps), w, "…"))
		}
		return short, below
	}
	below := ""
	if note != "" {
		below = st.Success.Render(ansi.Truncate(note, w, "…"))
	}
	return ansi.Truncate(line(false), w, "…"), below
}

// noneLateInList is what ! says when every late one is a project-plan
// step of the plan's own, which the header's count says are there.
const noneLateInList = "none in this list"

// nextLate moves to the next item whose action is late, wrapping around,
// and reports whether there is one.
func (s *overviewScreen) nextLate() bool {
	plan := s.c.plan()
	for d := 1; d <= len(s.rows); d++ {
		i := (s.cursor + d) % len(s.rows)
		if r := s.rows[i]; r.isItem() && s.lateOf(plan.Items[s.entries[r.entry].Item.ID]) != "" {
			s.cursor = i
			return true
		}
	}
	return false
}

// lateOf is how late the item's action is today ("45 days late"), or ""
// when it is not late or there is no action: the overview lists only the
// actions with words, as the summary and ladder check do.
func (s *overviewScreen) lateOf(r *plans.Response) string {
	return review.ActionLateWords(r.Action, r.Due, r.Status, s.c.today)
}

// rate gives the item under the cursor level i of the scale, as its
// screen would, and saves (issue 12.9).
func (s *overviewScreen) rate(i int) tea.Cmd {
	e := s.entries[s.rows[s.cursor].entry]
	level := s.c.checklist().Scale[i].Key
	s.beginRating(e.Item.ID)                    // which a word may take back (overview_word.go)
	sn, _ := s.c.session.Rate(e.Item.ID, level) // a level of the scale: never refused
	s.counts, s.total = s.c.plan().Counts()
	s.drawn = nil
	return tea.Batch(save(sn), s.c.agreeInRoom(e.Item.ID, level))
}

func (s *overviewScreen) view() string {
	if s.c.session == nil || len(s.rows) == 0 {
		return ""
	}
	st := &s.c.styles
	w := s.c.width
	total := s.total
	gaps := st.Success.Render("every item is rated")
	if total.Unrated > 0 {
		gaps = st.Warning.Render(fmt.Sprintf("%d not rated yet", total.Unrated))
	}
	header, below := s.header(st, w, st.Title.Render("Overview")+st.Subtle.Render(fmt.Sprintf(" · %d of %d rated · ", total.Rated(), total.Total()))+gaps)

	// Scroll so the cursor stays in the window, keeping its area's heading
	// in view when it can; the cursor's row may take more than a line.
	h := s.listHeight()
	cursor := s.cursorRow(st, w, h)
	s.offset = min(s.offset, max(0, len(s.rows)-h))
	if s.cursor < s.offset {
		s.offset = s.cursor
		if s.offset > 0 && s.rows[s.offset-1].entry < 0 {
			s.offset--
		}
	}
	for s.offset < s.cursor && s.cursor-s.offset+len(cursor) > h {
		s.offset++
	}

	lines := []string{header, below}
	end := s.offset
	for ; end < len(s.rows) && len(lines) < 2+h; end++ {
		if end == s.cursor {
			lines = append(lines, cursor...)
			continue
		}
		lines = append(lines, s.cachedRow(st, end, w))
	}
	lines = lines[:min(len(lines), 2+h)]
	for len(lines) < 2+h {
		lines = append(lines, "")
	}
	if len(s.rows) > h {
		// Said, as the other screens that scroll say it: the list goes on
		// past the window.
		lines = append(lines, st.Subtle.Render(ansi.Truncate(fmt.Sprintf("  lines %d–%d of %d · ↑↓ pgup pgdown to scroll", s.offset+1, end, len(s.rows)), w, "…")))
	}
	return strings.Join(lines, "\n")
}

// cursorRow draws the row under the cursor: its whole title, wrapped
// under itself in at most overviewCursorLines lines (and h), when the row
// is too narrow for it.
func (s *overviewScreen) cursorRow(st *styles, w, h int) []string {
	r := s.rows[s.cursor]
	resp := s.c.plan().Items[s.entries[r.entry].Item.ID]
	labelWidth := max(overviewLabelWidth, ratingLabelWidth(s.c.checklist())+1)
	room := max(1, w-labelWidth-3)
	flag := revisitFlag(st, resp, true)
	title := s.entries[r.entry].Item.Title
	if ansi.StringWidth(title)+ansi.StringWidth(flag) <= room {
		return []string{s.row(st, s.cursor, w)}
	}
	wrapped := strings.Split(wrapIndented(title, max(1, room-ansi.StringWidth(flag)), 0, min(overviewCursorLines, h)), "\n")
	lines := make([]string, len(wrapped))
	for i, l := range wrapped {
		lines[i] = spaces(2+labelWidth+1) + st.Focused.Render(l)
	}
	lines[0] = st.Focused.Render("› ") + padCells(st.rating(s.c.checklist(), resp.Rating), labelWidth) + " " + st.Focused.Render(wrapped[0])
	lines[len(lines)-1] += flag
	return lines
}

// revisitFlag marks an item flagged to revisit, as the board does: ⚑,
// with its words on the cursor's row, where the eye is (the other rows
// keep their room for titles).
func revisitFlag(st *styles, resp *plans.Response, cursor bool) string {
	switch {
	case !resp.Revisit:
		return ""
	case cursor:
		return " " + st.Warning.Render(revisitMark+" to revisit")
	}
	return " " + st.Warning.Render(revisitMark)
}

// cachedRow draws row i, reusing the drawing of rows without the cursor:
// nothing in the plan changes while the overview is shown.
func (s *overviewScreen) cachedRow(st *styles, i, w int) string {
	if i == s.cursor {
		return s.row(st, i, w)
	}
	if s.drawnFor.width != w || s.drawnFor.styles != st.key() || len(s.drawn) != len(s.rows) {
		s.drawn = make([]string, len(s.rows))
		s.drawnFor.width, s.drawnFor.styles = w, st.key()
	}
	if s.drawn[i] == "" {
		s.drawn[i] = s.row(st, i, w)
	}
	return s.drawn[i]
}

func (s *overviewScreen) row(st *styles, i, w int) string {
	r := s.rows[i]
	c := s.c.checklist()
	if r.entry < 0 {
		ac := s.counts[r.area]
		var counts []string
		for li := range c.Scale {
			counts = append(counts, st.levelStyle(li, len(c.Scale)).Render(plans.MarkAt(li, len(c.Scale)))+fmt.Sprintf(" %d", ac.ByLevel[li]))
		}
		counts = append(counts, st.levelStyle(-1, 0).Render(plans.MarkUnrated)+fmt.Sprintf(" %d", ac.Unrated))
		tally := strings.Join(counts, "  ")
		name := areaName(&c.Areas[r.area], w-2-ansi.StringWidth(tally))
		return ansi.Truncate(st.Heading.Render(name)+"  "+tally, w, "…")
	}
	e := s.entries[r.entry]
	resp := s.c.plan().Items[e.Item.ID]
	labelWidth := max(overviewLabelWidth, ratingLabelWidth(c)+1)
	if r.action {
		// Under the item's title; in a narrow window, under its rating,
		// so that the action keeps some of its words beside the rest.
		indent := 2 + labelWidth + 1
		if w-indent-s.columns.tail() < overviewActionWords {
			indent = 4
		}
		return spaces(indent) + s.actionLine(st, resp, max(1, w-indent))
	}
	cur := "  "
	if i == s.cursor {
		cur = st.Focused.Render("› ")
	}
	flag := revisitFlag(st, resp, i == s.cursor)
	title := ansi.Truncate(e.Item.Title, max(1, w-labelWidth-3-ansi.StringWidth(flag)), "…")
	if i == s.cursor {
		title = st.Focused.Render(title)
	}
	return cur + padCells(st.rating(c, resp.Rating), labelWidth) + " " + title + flag
}

// actionColumns are the widths of the action line's columns, the widest
// any action of the plan needs: the action and its owner, its due date
// (0 when no action has one), its status, how late it is (0 when none
// is).
type actionColumns struct{ head, due, status, late int }

// tail is how many cells the columns after the action take.
func (c actionColumns) tail() int {
	n := 2 + c.status
	if c.due > 0 {
		n += 2 + c.due
	}
	if c.late > 0 {
		n += 2 + c.late
	}
	return n
}

// overviewActionWords is the fewest cells of an action's words worth
// moving its line left for, under the rating, in a narrow window.
const overviewActionWords = 16

// overviewDueFormat is how a due date reads in lists, as on the summary
// and the project plan: "31 Mar 2027".
const overviewDueFormat = "2 Jan 2006"

// actionHead is "→ action (owner)": the action's first line, and both
// made one line (a plan file is untrusted, and an owner with a line
// break would break the row in two).
func actionHead(r *plans.Response) string {
	head := "→ " + flat(firstLineOf(r.Action))
	if r.Owner != "" {
		head += " (" + flat(r.Owner) + ")"
	}
	return head
}

// measureActions sizes the action lines' columns from every action, so
// that due dates, statuses and lateness line up down the list and the
// overview reads as a table; and counts the actions late today, and the
// project plan's own steps late today as the summary does.
func (s *overviewScreen) measureActions() {
	plan := s.c.plan()
	s.columns, s.late, s.carried, s.carriedLate = actionColumns{}, 0, 0, 0
	for _, st := range plans.Statuses {
		s.columns.status = max(s.columns.status, ansi.StringWidth(statusLabel(st)))
	}
	for _, r := range s.rows {
		if !r.action {
			continue
		}
		resp := plan.Items[s.entries[r.entry].Item.ID]
		s.columns.head = max(s.columns.head, ansi.StringWidth(actionHead(resp)))
		if !resp.Due.IsZero() {
			s.columns.due = max(s.columns.due, len(resp.Due.Time().Format(overviewDueFormat)))
		}
		carried := s.c.session.CarriedAction(s.entries[r.entry].Item.ID)
		if carried {
			s.carried++
		}
		if late := s.lateOf(resp); late != "" {
			s.late++
			if carried {
				s.carriedLate++
			}
			s.columns.late = max(s.columns.late, ansi.StringWidth("⚠ "+late))
		}
	}
	s.lateSteps, s.carriedLateSteps = 0, 0
	for _, a := range plan.ActionsToChase() {
		if a.ItemID == "" && isOverdue(a, s.c.today) {
			s.lateSteps++
			if s.c.session.CarriedStep(a.StepID) {
				s.carriedLateSteps++
			}
		}
	}
	s.carriedLate += s.carriedLateSteps
	if id := plan.ProjectPlanID(); id != "" && plan.FollowUps[id] != nil {
		for _, step := range plan.FollowUps[id].Steps {
			if s.c.session.CarriedStep(step.ID) && !plan.RepeatsAction(step) {
				s.carried++
			}
		}
	}
}

// actionLine draws an item's action in room cells: the action and its
// owner, then when it is due, its status, and how late it is, each in
// its column. The action's words give way (cut with an ellipsis) before
// the rest does, down to the narrowest window.
func (s *overviewScreen) actionLine(st *styles, resp *plans.Response, room int) string {
	cols := s.columns
	headWidth := max(1, min(cols.head, room-cols.tail()))
	var b strings.Builder
	b.WriteString(st.Subtle.Render(padRight(ansi.Truncate(actionHead(resp), headWidth, "…"), headWidth)))
	if cols.due > 0 {
		due := ""
		if !resp.Due.IsZero() {
			due = resp.Due.Time().Format(overviewDueFormat)
		}
		b.WriteString("  " + st.Subtle.Render(padRight(due, cols.due)))
	}
	status := statusLabel(resp.Status)
	late := s.lateOf(resp)
	if late != "" {
		status = padRight(status, cols.status)
	}
	if resp.Status == plans.StatusDone {
		b.WriteString("  " + st.Success.Render(status))
	} else {
		b.WriteString("  " + st.Subtle.Render(status))
	}
	if late != "" {
		b.WriteString("  " + st.Warning.Render("⚠ "+late))
	}
	// Only a scale with very long words and an action years late leave
	// too little room: then the line is cut rather than wrapped.
	return ansi.Truncate(b.String(), room, "…")
}

// overviewLabelWidth is the column of the ratings: "○ Unrated" and room;
// wider where the scale's words are (ratingLabelWidth).
const overviewLabelWidth = 10

func (s *overviewScreen) shortHelp() []key.Binding {
	if s.late > 0 { // only then is finding one worth a place in the footer
		return []key.Binding{s.keys.Open, s.keys.Back, rateHint(s.keys.Rate), s.keys.Up, s.keys.FindLate, s.keys.NextUnrated}
	}
	return []key.Binding{s.keys.Open, s.keys.Back, rateHint(s.keys.Rate), s.keys.Up, s.keys.NextUnrated}
}

func (s *overviewScreen) fullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.Up, s.keys.PageUp, s.keys.Home, s.keys.Open, s.keys.NextUnrated, s.keys.FindUnrated, s.keys.FindLate, s.keys.Back},
		s.keys.Rate,
	}
}

func (s *overviewScreen) typing() bool { return false }

func (s *overviewScreen) keyMap() any { return s.keys }

// strayNote is said at a letter typed in the list: an item's action is
// written on its screen (enter).
func (s *overviewScreen) strayNote() string {
	return "Nothing to type here. enter opens the item; esc closes."
}
