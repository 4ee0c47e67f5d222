package tui

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// The item screen's ordinary view, and the parts of it presenter mode
// (present.go) draws too: the fields, the prompts, the rating marks. It is
// drawn afresh from the screen's state on every frame: at 80x24 and at
// 240x67, on the embedded checklist and on a 1,000-item one, a key costs
// well under the 2 ms budget without keeping drawings (BENCHMARKS.md).

// ordinaryView draws the header, the strip of the area's ratings, the
// title, the prompts and the scale, with the fields below.
func (s *itemScreen) ordinaryView() string {
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	s.sizeNotes(h)
	fields := s.fieldsView(st, w)
	header := s.header(st, w, s.ratedCount(), s.c.clocks(false))
	if s.focus == focusRating && s.fullHeight(w, len(header))+1+countLines(fields) > h {
		// While rating, the questions matter more than empty fields.
		fields = s.compactFields(st, w, 2)
	}
	top := s.drawTop(st, w, h-countLines(fields)-1, header)
	if over := countLines(top) + 1 + countLines(fields) - h; over > 0 && s.focus != focusRating {
		// The title and the scale do not give way: the fields away from
		// the one being typed in do, so that a warning under them is read
		// whole, with the key that goes on.
		fields = s.fieldsAround(st, w, countLines(fields)-over)
		top = s.drawTop(st, w, h-countLines(fields)-1, header)
	}
	return top + "\n\n" + fields
}

// fullHeight is how many lines the top part takes with every prompt shown
// and its blank lines, under a header of headerLines lines.
func (s *itemScreen) fullHeight(w, headerLines int) int {
	e := s.entry()
	return headerLines + 1 + 2 + countLines(ansi.Wrap(e.Item.Title, w, "")) + len(s.c.checklist().Scale) + promptLines(e.Item.Prompts, w) + s.dataHeight(e.Item, w)
}

// promptLines is how many lines the prompts take, wrapped in w cells
// after their bullets.
func promptLines(prompts []string, w int) int {
	n := 0
	for _, p := range prompts {
		n += countLines(ansi.Wrap(p, max(1, w-4), ""))
	}
	return n
}

// minActionCells is the least of an action the one-line summary shows
// before it leaves out the status, then the owner, to keep the due date
// whole (the due date itself is never left out for the action's words).
const minActionCells = 16

// compactFields sums the fields up, for short windows while the rating
// has focus: on one line when it all fits, or else, with two lines to
// spare, the action on a line of its own and the rest under it, the due
// date with its lateness and the status first. A carried-on action is
// often long, and cutting the one line would hide the two things that
// say whether it still needs chasing. Presenter mode spares one line: the
// room needs the questions more.
func (s *itemScreen) compactFields(st *styles, w, lines int) string {
	r := s.response()
	field := func(label, v string) string { return st.Label.Render(label) + " " + v }
	due := r.Due.Friendly()
	if late := review.ActionLateWords(r.Action, r.Due, r.Status, s.c.today); late != "" {
		due += "  " + st.Warning.Render("⚠ "+late)
	}
	// join puts the fields that have words on one line, in the order given.
	join := func(fields ...string) string {
		var parts []string
		for i := 0; i < len(fields); i += 2 {
			if fields[i+1] != "" {
				parts = append(parts, field(fields[i], fields[i+1]))
			}
		}
		return "  " + strings.Join(parts, st.Subtle.Render(" · "))
	}
	if r.Action == "" && r.Owner == "" && due == "" {
		// At a small window the fields are named fewer, not cut: cut, the
		// line lost "tab to fill them in", the part that says what to do.
		say := "  Action, owner, due date, status, notes: tab to fill them in"
		if ansi.StringWidth(say) > w {
			say = "  Action, owner, due date: tab to fill them in"
		}
		return st.Subtle.Render(ansi.Truncate(say, w, "…"))
	}
	notes := ""
	if r.Notes != "" {
		notes = "✎"
	}
	status := string(r.Status)
	action := flat(firstLineOf(r.Action))
	rest := []string{"Owner", flat(r.Owner), "Due", due, "Status", status, "Notes", notes}
	one := join(append([]string{"Action", action}, rest...)...)
	if lines < 2 || r.Action == "" || ansi.StringWidth(one) <= w {
		// On one line, the action's end goes first, then the notes'
		// mark and the status, then the owner: a due date cut in half
		// would be wrong information, and one left out would hide
		// whether the action needs chasing. With nothing left to leave
		// out but the due date, the action is shortened as far as it
		// takes to keep it.
		steps := [][]string{rest, rest[:6], rest[:4], {"Due", due}}
		for i, kept := range steps {
			line := join(append([]string{"Action", action}, kept...)...)
			over := ansi.StringWidth(line) - w
			if over <= 0 {
				return line
			}
			least := minActionCells
			if i == len(steps)-1 {
				least = 1
			}
			if short := ansi.StringWidth(action) - over; action != "" && short >= least {
				return join(append([]string{"Action", ansi.Truncate(action, short, "…")}, kept...)...)
			}
		}
		return ansi.Truncate(one, w, "…")
	}
	return ansi.Truncate(join("Action", action), w, "…") + "\n" +
		ansi.Truncate(join("Due", due, "Status", status, "Owner", flat(r.Owner), "Notes", notes), w, "…")
}

// sizeNotes gives the notes field more lines while it has focus and the
// window has room.
func (s *itemScreen) sizeNotes(h int) {
	switch {
	case s.focus == focusNotes && h >= 30:
		s.notes.setHeight(6)
	case s.focus == focusNotes && h >= 20:
		s.notes.setHeight(3)
	case h >= 30:
		s.notes.setHeight(3)
	default:
		s.notes.setHeight(1)
	}
}

func (s *itemScreen) fieldsView(st *styles, w int) string {
	return s.fieldsAround(st, w, math.MaxInt)
}

// fieldsAround draws the fields in at most room lines, with the note and
// the warning under them whole: the field being typed in stays, and the
// others join it, nearest first, while they fit.
func (s *itemScreen) fieldsAround(st *styles, w, room int) string {
	var tail []string
	if s.note != "" {
		tail = append(tail, st.Subtle.Render(ansi.Truncate("  "+s.note, w, "…")))
	}
	if warning := s.leaving.view(st, w); warning != "" {
		tail = append(tail, warning)
	}
	tailLines := 0
	for _, t := range tail {
		tailLines += countLines(t)
	}
	views := make([]string, len(s.fields))
	all := tailLines
	for i, f := range s.fields {
		views[i] = f.view(st, w)
		all += countLines(views[i])
	}
	from, to := 0, len(views)
	if all > room {
		focused := min(max(s.focus-1, 0), len(views)-1) // focus 1.. is fields[focus-1]
		from, to = focused, focused+1
		used := tailLines + countLines(views[focused])
		for grew := true; grew; {
			grew = false
			if to < len(views) && used+countLines(views[to]) <= room {
				used += countLines(views[to])
				to, grew = to+1, true
			}
			if from > 0 && used+countLines(views[from-1]) <= room {
				used += countLines(views[from-1])
				from, grew = from-1, true
			}
		}
	}
	return strings.Join(append(views[from:to:to], tail...), "\n")
}

// ratedCount is how many items have a rating.
func (s *itemScreen) ratedCount() int {
	n := 0
	for _, r := range s.c.plan().Items {
		if r.Rated() {
			n++
		}
	}
	return n
}

// drawTop draws everything above the fields in at most h lines, under
// header (itemScreen.header).
func (s *itemScreen) drawTop(st *styles, w, h int, header []string) string {
	e := s.entry()
	c := s.c.checklist()
	r := s.response()

	strip := s.strip(st, w)
	if hint := s.adviceHint(st); hint != "" {
		strip = joinEnds(strip, hint, w)
	}
	title := st.Title.Render(ansi.Wrap(e.Item.Title, w, ""))
	scale := s.scaleView(st, c, r, w)
	if last := s.lastReview(st, w); last != "" {
		scale = last + "\n" + scale // said where the person rates
	}
	if next := s.nextReview(st, w); next != "" {
		scale = next + "\n" + scale
	}

	// A heading of many lines gives way to the title and the scale in a
	// window too short for all three: its last line is then cut.
	if room := h - 1 - countLines(title) - countLines(scale); len(header) > max(1, room) {
		header = header[:max(1, room)]
		last := &header[len(header)-1]
		*last = ansi.Truncate(*last, max(1, w-1), "") + "…"
	}

	// The prompts take what the rest leaves, and the blank lines around
	// the title go first when the window is short.
	spare := h - len(header) - 1 - countLines(title) - countLines(scale)
	blanks := 0
	if spare >= 4 || spare >= 2 && len(e.Item.Prompts) == 0 && e.Item.Topic == "" {
		blanks = 2 // an item with nothing between its title and the scale needs only these
	}
	// The data keeps a line from the questions, to say it is there,
	// unless that would leave the questions none to say they are there.
	dataLine := 0
	if s.hasData(e.Item) && spare-blanks >= 2 {
		dataLine = 1
	}
	prompts := s.promptsView(st, e.Item.Prompts, w, spare-blanks-dataLine)
	room := spare - blanks - countLines(prompts)
	dataLines := room
	if room > 1 {
		dataLines-- // for the blank line above it
	}
	data := s.dataView(st, e.Item, w, dataLines)
	parts := append(header, strip)
	if blanks > 0 {
		parts = append(parts, "")
	}
	parts = append(parts, title)
	if prompts != "" {
		parts = append(parts, prompts)
	}
	if data != "" && room > 1 {
		parts = append(parts, "")
	}
	if data != "" {
		parts = append(parts, data)
	}
	if blanks > 0 {
		parts = append(parts, "")
	}
	parts = append(parts, scale)
	return strings.Join(parts, "\n")
}

// lastReview is the previous review's rating of the item, for a plan that
// carried on from one ("Last review (Sat 14 Mar 2026): ▲ Amber"), and,
// when the item's action is the one carried on, that it is there to edit
// or mark done; "" when there is none. The session reads the previous
// plan once, the first time it is asked. Presenter mode (present.go)
// leaves it out on purpose: a room rates afresh, and last year's rating
// on the projector would anchor its talk and its votes; the facilitator
// sees it with P.
func (s *itemScreen) lastReview(st *styles, w int) string {
	e := s.entry()
	prev, ok := s.c.session.PreviousRating(e.Item.ID)
	if !ok {
		return ""
	}
	line := st.Subtle.Render("Last review ("+prev.Date.Friendly()+"): ") + st.rating(s.c.checklist(), prev.Rating)
	note := ""
	switch {
	case prev.Carries(s.response()):
		note = st.Subtle.Render(" · its action is carried on below")
	case prev.Done:
		// The work finished since last year's rating: its words may be
		// cut, the note that it was done is whole or not there.
		note = st.Subtle.Render(" · its action was done: ")
		if words := safetext.Line(prev.Action); 2+ansi.StringWidth(line+note)+min(ansi.StringWidth(words), 6) <= w {
			note += st.Subtle.Render(ansi.Truncate(words, w-2-ansi.StringWidth(line+note), "…"))
		} else {
			note = st.Subtle.Render(" · its action was done")
		}
	}
	if note != "" && 2+ansi.StringWidth(line+note) <= w {
		line += note // half of it would say less than none of it
	}
	return ansi.Truncate("  "+line, w, "…")
}

// nextReview says, on a plan carried on to a next review, that the item's
// open action is chased there now ("This action is chased in the next
// review now: acme-2027.yaml"), so that it is marked done in that plan, where
// ladder status and check look; "" otherwise.
func (s *itemScreen) nextReview(st *styles, w int) string {
	next, ok := s.c.session.NextReview()
	if r := s.response(); !ok || r.Action == "" || !r.Status.Open() {
		return ""
	}
	line := "This action is chased in the next review now: " + safetext.Line(filepath.Base(next))
	return ansi.Truncate("  "+st.Warning.Render(line), w, "…")
}

// header is the item screen's first lines: the area's name (and the
// group's), which item of the area this is, and how many are rated (or the
// clocks). Some checklists' areas and groups are a sentence long ("Create
// a compelling, shared vision of socio-economic diversity and inclusion
// across your business"): a cut sentence loses words the person needs, so
// a name too long for the line is wrapped whole, and where the review is
// goes after its last line, or on a line of its own.
func (s *itemScreen) header(st *styles, w, rated int, clock string) []string {
	e := s.entry()
	where := e.Area.Title
	if e.Item.Group != "" {
		where += " › " + e.Item.Group
	}
	counter := fmt.Sprintf("item %d of %d", e.Ref.Index+1, len(e.Area.Items))
	after := "  " + st.Subtle.Render(counter)
	if s.response().Revisit {
		after += "  " + st.Warning.Render(revisitMark+" to revisit")
	}
	// How many are rated, and the clocks, shorter as the line is narrower:
	// the countdown matters more in a narrow window.
	progresses := []string{st.Subtle.Render(fmt.Sprintf("%d of %d rated", rated, len(s.entries)))}
	if clock != "" {
		progresses = []string{clock + st.Subtle.Render(" · ") + progresses[0], clock, s.c.clocks(true)}
	}
	// line puts left and the longest progress that fits on one line; ok
	// is whether one fits.
	line := func(left string) (string, bool) {
		for _, p := range progresses {
			if ansi.StringWidth(left)+2+ansi.StringWidth(p) <= w {
				return joinEnds(left, p, w), true
			}
		}
		return left, false
	}
	if l, ok := line(st.Heading.Render(where) + after); ok {
		return []string{l}
	}
	names := wrapText(where, w)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = st.Heading.Render(n)
	}
	if l, ok := line(out[len(out)-1] + after); ok {
		out[len(out)-1] = l
		return out
	}
	l, _ := line(strings.TrimPrefix(after, "  "))
	return append(out, ansi.Truncate(l, w, "…"))
}

// promptsView draws the prompt questions in at most lines lines, from
// the one the person scrolled to (space shows more, issue 12.6); when they
// do not all fit it says how many are above and below, and which key
// shows them.
func (s *itemScreen) promptsView(st *styles, prompts []string, w, lines int) string {
	s.promptsCut = false
	if len(prompts) == 0 || lines <= 0 {
		s.promptsCut = len(prompts) > 0
		return ""
	}
	top := min(s.promptTop, len(prompts)-1)
	// In a field space types (or changes the status): shift+↓ shows more
	// there.
	moreKey := "space"
	if s.focus != focusRating {
		moreKey = "shift+↓"
	}
	var out []string
	if top > 0 {
		out = append(out, st.Subtle.Render(ansi.Truncate(fmt.Sprintf("  ↑ %d %s above · shift+↑", top, plural(top, "question", "questions")), w, "…")))
	}
	for i := top; i < len(prompts); i++ {
		p := prompts[i]
		wrapped := strings.Split(ansi.Wrap(p, max(1, w-4), ""), "\n")
		for j := range wrapped {
			if j == 0 {
				wrapped[j] = "  • " + wrapped[j]
			} else {
				wrapped[j] = "    " + wrapped[j]
			}
		}
		left := len(prompts) - i
		room := lines - len(out)
		if len(wrapped) > room || (left > 1 && len(wrapped) == room) {
			more := "more "
			if i == 0 {
				more = ""
			}
			s.promptsCut, s.promptNext = true, i
			if i == top { // not even one fits: the next key shows the one after
				s.promptNext = i + 1
			}
			out = append(out, st.Subtle.Render(ansi.Truncate(fmt.Sprintf("  … %d %s%s · %s shows %s", left, more, plural(left, "question", "questions"), moreKey, plural(left, "it", "them")), w, "…")))
			break
		}
		out = append(out, wrapped...)
	}
	return st.Prompt.Render(strings.Join(out, "\n"))
}

// scaleView draws each level: the key to press, its mark and word, what it
// means; ✓ marks the chosen level, › the one the arrows point at. Hints
// and labels are padded to line up.
func (s *itemScreen) scaleView(st *styles, c *checklist.Checklist, r *plans.Response, w int) string {
	labelWidth, hintWidth := 0, 0
	for i, l := range c.Scale {
		labelWidth = max(labelWidth, ansi.StringWidth(l.Label))
		hintWidth = max(hintWidth, ansi.StringWidth(s.keys.Rate[i].Help().Key)+2)
	}
	width := hintWidth + 1 + 2 + labelWidth
	lines := make([]string, len(c.Scale))
	for i, l := range c.Scale {
		cur := "  "
		if s.focus == focusRating && i == s.cursor {
			cur = st.Focused.Render("› ")
		}
		hint := "[" + s.keys.Rate[i].Help().Key + "]"
		ls := st.levelStyle(i, len(c.Scale))
		mark := plans.MarkAt(i, len(c.Scale)) + " " + l.Label
		chosen, label := "  ", ls.Render(mark)
		if r.Rating == l.Key {
			chosen, label = "✓ ", ls.Reverse(true).Render(mark)
		}
		line := cur + chosen + st.Subtle.Render(hint) + spaces(hintWidth-ansi.StringWidth(hint)) + " " +
			label + spaces(labelWidth-ansi.StringWidth(l.Label)) + "  " + l.Description
		if 4+width+2+ansi.StringWidth(l.Description) > w {
			line = ansi.Truncate(line, w, "…")
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// mark is a rating's shape in its level's colour.
func (s *itemScreen) mark(st *styles, rating string) string {
	return st.ratingMark(s.c.checklist(), rating)
}

// strip draws the marks of the area's items, the current one in brackets,
// with a bar between groups. A long area shows a window around the current
// item that fits the width.
func (s *itemScreen) strip(st *styles, w int) string {
	e := s.entry()
	items := e.Area.Items
	plan := s.c.plan()
	cell := func(i int) string {
		m := s.mark(st, plan.Items[items[i].ID].Rating)
		if i == e.Ref.Index {
			return st.Focused.Render("[") + m + st.Focused.Render("]")
		}
		return " " + m + " "
	}
	// Each item takes 3 cells; a group boundary takes 2 more.
	perItem := 3
	fit := max(1, (w-4)/perItem-1)
	from, to := 0, len(items)
	if len(items) > fit {
		from = max(0, e.Ref.Index-fit/2)
		to = min(len(items), from+fit)
		from = max(0, to-fit)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString(st.Subtle.Render("…"))
	}
	for i := from; i < to; i++ {
		if i > from && items[i].Group != items[i-1].Group {
			b.WriteString(st.Subtle.Render("│"))
		}
		b.WriteString(cell(i))
	}
	if to < len(items) {
		b.WriteString(st.Subtle.Render("…"))
	}
	return ansi.Truncate(b.String(), w, "…")
}

// joinEnds puts left and right on one line of width w, right-aligned, or
// only left when both do not fit.
func joinEnds(left, right string, w int) string {
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 2 {
		return ansi.Truncate(left, w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

func countLines(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
