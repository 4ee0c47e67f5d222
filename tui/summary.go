package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// summaryScreen is the end of the review: every item of every area as a
// board of rating marks, the counts per area, the open actions by due date
// (overdue ones marked), where the plan is saved, and the git commands that
// would commit it. It is longer than a small window, so it scrolls.
type summaryScreen struct {
	c      *common
	keys   summaryKeys
	scroll scroller

	// lines caches the drawn summary for one width and one plan.
	lines      []string
	drawnFor   int
	drawnPlan  *plans.Plan
	drawnShown bool // presenter mode, which leaves out the file and the git commands

	// commitSteps are the git commands shown, looked up on disk once
	// each time the summary opens (review.Session.CommitSteps).
	commitSteps [][]string
}

type summaryKeys struct {
	Back key.Binding
	scrollKeys
}

func newSummaryKeys() summaryKeys {
	return summaryKeys{
		Back:       key.NewBinding(key.WithKeys("p", "left", "esc"), key.WithHelp("p/←", "back to the next steps")),
		scrollKeys: newScrollKeys(),
	}
}

func newSummaryScreen(c *common) *summaryScreen {
	return &summaryScreen{c: c, keys: newSummaryKeys()}
}

// init starts at the top, drawn afresh: ratings and actions may have
// changed since the summary was last shown.
func (s *summaryScreen) place() (review.Place, bool) { return review.End, true }

func (s *summaryScreen) init() tea.Cmd {
	s.scroll.offset = 0
	s.lines = nil
	s.commitSteps = nil
	return nil
}

func (s *summaryScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(k, s.keys.Back) {
		s.c.goToPlace(s.c.session.Before(review.End))
		return nil
	}
	s.scroll.handle(k, s.keys.scrollKeys, len(s.draw()), s.c.height)
	return nil
}

func (s *summaryScreen) view() string {
	return s.scroll.window(&s.c.styles, s.draw(), s.c.width, s.c.height)
}

// draw returns the summary's lines for the current width, drawing them if
// the width or the plan changed.
func (s *summaryScreen) draw() []string {
	if s.lines != nil && s.drawnFor == s.c.width && s.drawnPlan == s.c.plan() && s.drawnShown == s.c.present {
		return s.lines
	}
	s.drawnFor, s.drawnPlan, s.drawnShown = s.c.width, s.c.plan(), s.c.present
	w := s.c.width
	st := s.c.styles
	p := s.c.plan()
	var b strings.Builder
	title := "The end"
	if p.Organisation != "" || p.Title != "" {
		title += " · " + flat(strings.Trim(p.Organisation+", "+p.Title, ", "))
	}
	b.WriteString(st.Heading.Width(w).Render(title))
	b.WriteString("\n\n" + st.Label.Render("Every item") + "\n")
	b.WriteString(ratingBoard(s.c, w))
	b.WriteString("\n\n" + st.Label.Render("How many in each area") + "\n")
	b.WriteString(countsTable(s.c, w))
	if flagged := revisitList(s.c, w); flagged != "" {
		b.WriteString("\n\n" + flagged)
	}
	b.WriteString("\n\n" + openActionsView(s.c, w))
	if missing := noActionList(s.c, w); missing != "" {
		b.WriteString("\n\n" + missing)
	}
	if open := unansweredList(s.c, w); open != "" {
		b.WriteString("\n\n" + open)
	}
	if !s.c.present { // no file paths on a projector
		b.WriteString("\n\n" + s.fileView(w))
	} else { // but the facilitator needs them at the end of the day
		b.WriteString("\n\n" + st.Subtle.Render(strings.Join(wrapText(presentFileNote, w), "\n")))
	}
	s.lines = strings.Split(b.String(), "\n")
	return s.lines
}

// presentFileNote takes the place of fileView in presenter mode.
const presentFileNote = "P shows where the plan is saved and how to keep it in git (presenter mode off); q prints them as ladder ends."

// fileView says where the plan is saved and how to commit it with git.
func (s *summaryScreen) fileView(w int) string {
	st := s.c.styles
	path := s.c.session.Path()
	saved := st.Label.Render("Saved to ") + path
	if ansi.StringWidth("Saved to "+path) > w {
		saved = st.Label.Render("Saved to") + "\n" + strings.Join(commandLines([]string{path}, w), "\n")
	}
	if s.commitSteps == nil {
		s.commitSteps = s.c.session.CommitSteps()
	}
	b := saved + "\n" + keepInGit(s.commitSteps, "it") + "\n"
	whole := true
	command := func(words []string) string {
		lines, fit := layCommand(words, w)
		whole = whole && fit
		return st.Prompt.Render(strings.Join(lines, "\n"))
	}
	for i, words := range s.commitSteps {
		if i > 0 {
			b += "\n"
		}
		b += command(words)
	}
	b += "\n\n" + strings.Join(wrapText(sendReportWords, w), "\n") + "\n" + command(reportWords(path))
	if !whole {
		b += "\n\n" + st.Warning.Render(strings.Join(wrapText(narrowCommands, w), "\n"))
	}
	return b
}

// narrowCommands is said under commands that the window cut inside a
// word (a long plan's path, its message): copied from the screen, the
// word breaks in two, and the shell runs its end as a command. A line the
// shell would join again cannot be drawn: the screen's margin begins the
// next line with a space. As ladder ends they are printed whole, one to
// a line, for the terminal to wrap.
const narrowCommands = "⚠ The window is too narrow to copy these whole: q prints them again as ladder ends, each on one line."

// sendReportWords introduce reportWords, on the summary and as ladder
// ends there.
const sendReportWords = "To send it to someone without ladder, as a web page to email, run:"

// reportWords is the command that writes the plan's report as one web
// page, named after the plan, in the folder ladder runs in.
func reportWords(path string) []string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".html"
	return []string{"ladder", "report", plans.CommandPath(path), "-o", plans.CommandPath(name)}
}

// keepInGit introduces the commands that commit the plan, as it ("it",
// or "both" with the plan it carried on from), and says why git init
// comes first when it does.
func keepInGit(steps [][]string, it string) string {
	if len(steps) > 0 && slices.Equal(steps[0], []string{"git", "init"}) {
		return "To keep " + it + " in git (this folder is not in git yet), run:"
	}
	return "To keep " + it + " in git, run:"
}

// commandLines lays a shell command out in w cells, indented by two, so
// that it can be copied and pasted whole (issue 12.4): never broken inside
// a word (a path, a quoted message), only between words, each line but
// the last ending in " \" so the shell reads the lines as one command. A
// word wider than a line on its own is cut at the edge of the window,
// where nothing else could go, and the summary says so (narrowCommands).
func commandLines(words []string, w int) []string {
	lines, _ := layCommand(words, w)
	return lines
}

// layCommand is commandLines, and whether the command is whole in them:
// false when a word was cut at the window's edge.
func layCommand(words []string, w int) (lines []string, whole bool) {
	const indent, more = "  ", "    "
	var laid []string
	line := indent
	units := splitWideOptions(optionUnits(words), w-len(more)-len(" \\"))
	for i, word := range units {
		switch {
		case line == indent:
			line += word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word)+2 <= w:
			line += " " + word
		default:
			laid = append(laid, line+" \\")
			line = continuation(word, w, i == len(units)-1)
		}
	}
	laid = append(laid, line)
	whole = true
	for _, l := range laid {
		if ansi.StringWidth(l) > w {
			lines = append(lines, strings.Split(ansi.Hardwrap(l, w, true), "\n")...)
			whole = false
			continue
		}
		lines = append(lines, l)
	}
	return lines, whole
}

// continuation is a line that carries a command on, beginning with word:
// indented by four, or by less where the word, with the " \" that may
// follow it (all but the last word), would not fit so. A line too wide is
// wrapped, and a wrapped " \", pasted, ends the command on its own line.
func continuation(word string, w int, last bool) string {
	need := ansi.StringWidth(word)
	if !last {
		need += len(" \\")
	}
	for _, in := range []string{"    ", "  ", ""} {
		if len(in)+need <= w {
			return in + word
		}
	}
	return "    " + word
}

// splitWideOptions parts an option from its value ("-m" and the message)
// where the two, on a line of their own with the " \" that carries the
// command on, would be wider than room: a line too wide is wrapped, and
// the " \" wrapped onto a line of its own ends the command there when
// pasted into a shell. An option's name holds no space, so the first
// space is where the two were joined.
func splitWideOptions(units []string, room int) []string {
	out := make([]string, 0, len(units))
	for _, u := range units {
		if name, value, ok := strings.Cut(u, " "); ok && isOption(name) && ansi.StringWidth(u) > room {
			out = append(out, name, value)
			continue
		}
		out = append(out, u)
	}
	return out
}

// revisitList lists the items flagged to revisit, each with its area, its
// number and its rating ("" when none is).
func revisitList(c *common, w int) string {
	p := c.plan()
	flagged := p.Revisits()
	if len(flagged) == 0 {
		return ""
	}
	st := c.styles
	lines := []string{st.Warning.Render(fmt.Sprintf("%s Flagged to revisit (%d)", revisitMark, len(flagged)))}
	for _, e := range flagged {
		line := fmt.Sprintf("  %s %s %d: %s", st.ratingMark(p.Checklist, p.Items[e.Item.ID].Rating), e.Area.Title, e.Ref.Index+1, flat(e.Item.Title))
		lines = append(lines, ansi.Truncate(line, w, "…"))
	}
	return strings.Join(lines, "\n")
}

// ratingBoard draws every item as its rating mark, one row per area (wrapped
// if the area is long, with │ between groups of items), and a legend.
func ratingBoard(c *common, w int) string {
	p := c.plan()
	cl := p.Checklist
	st := c.styles
	nameWidth := 0
	for _, a := range cl.Areas {
		nameWidth = max(nameWidth, ansi.StringWidth(a.Title))
	}
	nameWidth = min(nameWidth, max(w/2, 8))
	perLine := max((w-nameWidth-2)/2, 1)
	var b strings.Builder
	for ai, a := range cl.Areas {
		if ai > 0 {
			b.WriteString("\n")
		}
		b.WriteString(padRight(ansi.Truncate(areaName(&a, nameWidth), nameWidth, "…"), nameWidth) + "  ")
		col := 0
		for ii, it := range a.Items {
			if col == perLine {
				b.WriteString("\n" + strings.Repeat(" ", nameWidth+2))
				col = 0
			}
			if col > 0 {
				sep := " "
				if it.Group != a.Items[ii-1].Group {
					sep = st.Subtle.Render("│")
				}
				b.WriteString(sep)
			}
			b.WriteString(st.ratingMark(cl, p.Items[it.ID].Rating))
			col++
		}
	}
	b.WriteString("\n" + strings.Join(legendLines(c, w, nameWidth+2), "\n"))
	return b.String()
}

// legendLines names every mark, "■ Red  ▲ Amber  ● Green  ○ Unrated",
// indented and on as many lines of w cells as a scale's words need (from
// the left edge when the indent leaves too little room for its widest).
func legendLines(c *common, w, indent int) []string {
	cl := c.checklist()
	parts := make([]string, 0, len(cl.Scale)+1)
	for _, l := range cl.Scale {
		parts = append(parts, c.styles.rating(cl, l.Key))
	}
	parts = append(parts, c.styles.rating(cl, checklist.Unrated))
	if indent+ratingLabelWidth(cl) > w {
		indent = 0
	}
	lines := fillLines(parts, "  ", max(w-indent, 1))
	for i := range lines {
		lines[i] = spaces(indent) + lines[i]
	}
	return lines
}

// openActionsView lists the open actions by due date, overdue ones first
// (they are the earliest) and marked with ⚠ and a word.
func openActionsView(c *common, w int) string {
	st := c.styles
	actions := c.plan().ActionsToChase()
	overdue := 0
	for _, a := range actions {
		if isOverdue(a, c.today) {
			overdue++
		}
	}
	head := fmt.Sprintf("Open actions, by due date (%d", len(actions))
	if overdue > 0 {
		head += fmt.Sprintf(", %d overdue", overdue)
	}
	head += ")"
	var b strings.Builder
	b.WriteString(st.Label.Render(ansi.Truncate(head, w, "…")))
	if len(actions) == 0 {
		b.WriteString("\n" + st.Subtle.Render("  None: every action is done, or none is written yet."))
		return b.String()
	}
	if next, ok := c.session.NextReview(); ok {
		b.WriteString("\n" + st.Warning.Render(wrapIndented(review.HandedOnWords(next), w, 0, 0)))
	}
	const dueWidth = 11
	ownerWidth := min(max(w/6, 6), 16)
	longest := 0
	for _, a := range actions {
		longest = max(longest, ansi.StringWidth(flat(a.Text)))
	}
	textWidth := min(longest, max(w-2-dueWidth-2-2-ownerWidth-len(" overdue"), 8))
	for _, a := range actions {
		due := "no date"
		if !a.Due.IsZero() {
			due = a.Due.Time().Format("2 Jan 2006")
		}
		// The whole action, wrapped in its column: the summary scrolls,
		// so nothing is cut (issue 12.6).
		text := strings.Split(ansi.Wrap(flat(a.Text), textWidth, ""), "\n")
		line := padRight(due, dueWidth) + "  " + padRight(text[0], textWidth) + "  " +
			padRight(ansi.Truncate(flat(a.Owner), ownerWidth, "…"), ownerWidth)
		if isOverdue(a, c.today) {
			b.WriteString("\n" + st.Warning.Render("⚠ "+line+" overdue"))
		} else {
			b.WriteString("\n  " + strings.TrimRight(line, " "))
		}
		for _, more := range text[1:] {
			b.WriteString("\n" + spaces(2+dueWidth+2) + more)
		}
	}
	return b.String()
}

// noActionList names the items rated below the top of the scale with no
// action written (review.RatedWithoutAction), each with its rating as a
// shape and a word: a review stopped between a rating and its action
// resumes at the first item not rated, past it, and the open actions
// above cannot list what was never written.
func noActionList(c *common, w int) string {
	entries := c.session.RatedWithoutAction()
	if len(entries) == 0 {
		return ""
	}
	p := c.plan()
	st := c.styles
	lines := []string{st.Label.Render(fmt.Sprintf("Rated, with no action yet (%d)", len(entries)))}
	wordWidth := 0
	for _, e := range entries {
		wordWidth = max(wordWidth, ansi.StringWidth(plans.Label(p.Checklist, p.Items[e.Item.ID].Rating)))
	}
	for _, e := range entries {
		rating := padCells(st.rating(p.Checklist, p.Items[e.Item.ID].Rating), wordWidth)
		line := fmt.Sprintf("  %s  %s %d: %s", rating, e.Area.Title, e.Ref.Index+1, flat(e.Item.Title))
		lines = append(lines, ansi.Truncate(line, w, "…"))
	}
	lines = append(lines, st.Subtle.Render("  "+wrapIndented("o opens the overview at the first; enter opens it, to write its action.", max(1, w-2), 2, 0)))
	return strings.Join(lines, "\n")
}

// unansweredList names the next-steps questions with no answer yet
// (review.NextStepsLeft), by number: a review whose items are all rated
// resumes here, at the end, so a review stopped among the questions
// would otherwise pass them by.
func unansweredList(c *common, w int) string {
	followUps := c.checklist().FollowUps
	var lines []string
	for _, i := range review.NextStepsLeft(c.plan()) {
		lines = append(lines, ansi.Truncate(fmt.Sprintf("  %d. %s", i+1, flat(followUps[i].Question)), w, "…"))
	}
	if len(lines) == 0 {
		return ""
	}
	st := c.styles
	head := st.Label.Render(fmt.Sprintf("Next steps not answered yet (%d)", len(lines)))
	back := st.Subtle.Render("  " + wrapIndented("p goes back to them, from the last question.", max(1, w-2), 2, 0))
	return head + "\n" + strings.Join(lines, "\n") + "\n" + back
}

func isOverdue(a plans.Action, today plans.Date) bool {
	return !a.Due.IsZero() && a.Due.Before(today)
}

func (s *summaryScreen) typing() bool { return false }

func (s *summaryScreen) keyMap() any { return s.keys }

func (s *summaryScreen) strayNote() string {
	return "Nothing to type here. ↑↓ scroll; esc goes back."
}

// back is the key back, said as where it goes: the next steps, or the
// last area's end for a checklist that asks none.
func (s *summaryScreen) back() key.Binding {
	b := s.keys.Back
	if len(s.c.checklist().FollowUps) == 0 {
		b.SetHelp(b.Help().Key, "back to the review")
	}
	return b
}

func (s *summaryScreen) shortHelp() []key.Binding {
	back := s.back()
	if s.c.present {
		files := s.c.keys.Present
		files.SetHelp("P", "file & git")
		return []key.Binding{back, files, s.keys.Up, s.c.keys.Overview}
	}
	return []key.Binding{back, s.keys.Up, s.c.keys.Overview}
}

func (s *summaryScreen) fullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{append([]key.Binding{s.back()}, k.all()...)}
}

// areaName names an area in a column w cells wide: by its title, or, when
// the title is too long for it (some checklists' areas are a sentence), by
// its short title, else by as many of the title's first words as fit:
// whole words rather than a cut sentence.
func areaName(a *checklist.Area, w int) string {
	if ansi.StringWidth(a.Title) > w {
		return a.ShortTitleIn(w)
	}
	return a.Title
}
