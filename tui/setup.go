package tui

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// setupScreen begins a new review: the organisation, a title, who runs it
// and who takes part, and the checklist. It shows the file it will write
// (a safe name inside the plans folder, or exactly the PLAN given on the
// command line) and creates it.
type setupScreen struct {
	c        *common
	keys     setupKeys
	firstRun bool

	org          *textField
	title        *textField
	facilitator  *textField
	participants *notesField
	checklist    *choiceField
	fields       []field
	focus        int

	choices []checklistChoice // the checklist field's options

	path     string         // the file it will write
	near     string         // the plan a PlanPath not there probably meant (a typo), or ""
	problems map[int]string // per field: why it cannot be created yet
	err      error          // creating the file failed

	prev    *plans.File   // the plan this review carries on from (setup_carry.go), or nil
	carried plans.Carried // what it would carry on
	// nextTitle is this year's title, suggested in the empty title field
	// and taken when none is typed (setup_carry.go).
	nextTitle string
	// notLinked is the review created from prev when prev could not be
	// given its next_review line: the screen says which line to add, and
	// enter begins the review.
	notLinked *carryNotLinkedMsg
	// last is the organisation's last review in the folder, with actions
	// still open and not carried on, which the form points at; or nil.
	last *lastReview
	// carriedHere: the form carries on a last review found beside
	// (ctrl+o), and esc lets go of it, back to the blank form it was
	// (a first run's welcome, if it was one), not to the list.
	carriedHere, wasFirstRun bool
}

// checklistChoice is one checklist on offer: a built-in, or the
// --checklist file.
type checklistChoice struct {
	list *checklist.Checklist
	file string // the checklist file, for a custom checklist
}

// Set-up fields, in tab order.
const (
	setupOrg = iota
	setupTitle
	setupFacilitator
	setupParticipants
	setupChecklist
)

const setupLabelWidth = 12 // "Organisation", "Participants"

type setupKeys struct {
	NextField key.Binding
	PrevField key.Binding
	Enter     key.Binding
	Create    key.Binding
	Back      key.Binding
	Choose    key.Binding
	Carry     key.Binding // a last review found beside (setup_beside.go)
	Uncarry   key.Binding // esc, on a review carried on from the form
}

func newSetupScreen(c *common) *setupScreen {
	s := &setupScreen{c: c, problems: map[int]string{}, keys: setupKeys{
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next field (participants: from an empty line; create, on the checklist)")),
		Create:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "create the plan and begin")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the plans")),
		Choose:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose a checklist")),
		Carry:     carryKey(),
		Uncarry:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "begin without the last review")),
	}}
	s.org = newTextField("Organisation", "e.g. Acme Café Ltd", setupLabelWidth)
	s.title = newTextField("Review title", "e.g. Spring review", setupLabelWidth)
	s.facilitator = newTextField("Facilitator", "who runs the review (optional)", setupLabelWidth)
	s.participants = newNotesField("Participants", "names, with commas or one a line (optional)", setupLabelWidth)
	s.participants.setHeight(2)

	s.choices, s.checklist = checklistChoices(c.opts.Checklist)
	s.fields = []field{s.org, s.title, s.facilitator, s.participants, s.checklist}
	s.setFocus(setupOrg)
	s.updatePath()
	if c.opts.PlanPath != "" {
		s.near = plans.NearPlanFile(c.opts.PlanPath)
	}
	return s
}

// checklistChoices lists the built-in checklists and, when --checklist
// names a file, that file, chosen.
func checklistChoices(flag string) ([]checklistChoice, *choiceField) {
	var choices []checklistChoice
	var labels []string
	chosen := 0
	for _, cl := range checklist.Builtins() {
		if cl.ID == flag || (flag == "" && cl.ID == checklist.DefaultID) {
			chosen = len(choices)
		}
		choices = append(choices, checklistChoice{list: cl})
		labels = append(labels, cl.ID+": "+cl.Title)
	}
	if flag != "" {
		if _, ok := checklist.Builtin(flag); !ok {
			if cl, err := checklist.Resolve(flag); err == nil {
				chosen = len(choices)
				choices = append(choices, checklistChoice{list: cl, file: flag})
				labels = append(labels, flag+": "+cl.Title)
			}
		}
	}
	f := newChoiceField("Checklist", labels, setupLabelWidth)
	f.vertical = true
	f.chosen = chosen
	return choices, f
}

func (s *setupScreen) setPosition(arg int) {
	switch {
	case arg == setupCarryOn && s.c.carryFrom != nil:
		s.carryFrom(s.c.carryFrom)
		s.c.carryFrom = nil
	case s.prev != nil: // a new review, after one carried on and left
		s.reset()
	}
	s.firstRun = arg == setupFirstRun
	s.updatePath() // the plans folder may be this year's now (start_years.go)
}

func (s *setupScreen) init() tea.Cmd { return s.setFocus(s.focus) }

func (s *setupScreen) setFocus(i int) tea.Cmd {
	for _, f := range s.fields {
		f.blur()
	}
	s.focus = min(max(i, 0), len(s.fields)-1)
	return s.fields[s.focus].focus()
}

// updatePath works out the file the plan will be written to.
func (s *setupScreen) updatePath() {
	if s.c.opts.PlanPath != "" {
		s.path = s.c.opts.PlanPath
		return
	}
	if s.prev != nil { // as review.Create names it
		if s.path = plans.NextReviewPath(s.c.opts.Dir, s.prev.Path, s.prev.Plan.Title, s.prev.Plan.Date, s.c.today); s.path != "" {
			return
		}
	}
	s.path = plans.PathFor(s.c.opts.Dir, s.org.trimmed(), s.title.trimmed(), s.c.today)
}

// createdFailedMsg says the plan file could not be created.
type createFailedMsg struct{ err error }

func (s *setupScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case createFailedMsg:
		s.err = msg.err
		if s.prev != nil {
			s.err = s.carryError(msg.err)
		}
		return nil
	case carryNotLinkedMsg:
		s.dropCarry()
		s.notLinked = &msg
		return nil
	case lastFoundMsg:
		s.foundBeside(msg)
		return nil
	case carryOpenedMsg: // ctrl+o
		first := s.firstRun
		s.carryFrom(msg.file)
		s.carriedHere, s.wasFirstRun = true, first
		return s.setFocus(setupTitle)
	case openFailedMsg:
		s.err = msg.err
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		return s.edit(msg)
	}
	return nil
}

func (s *setupScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	if n := s.notLinked; n != nil {
		if msg.String() != "enter" {
			return nil
		}
		s.notLinked = nil
		warning := n.err.Error()
		return func() tea.Msg { return openedMsg{session: n.session, said: warning} }
	}
	switch {
	case key.Matches(msg, s.keys.Create):
		return s.create()
	case key.Matches(msg, s.keys.Carry) && s.canCarryBeside():
		return openToCarry(s.c, s.last.found.Path)
	case key.Matches(msg, s.keys.Uncarry) && s.carriedHere:
		first := s.wasFirstRun
		s.reset()
		s.firstRun = first
		return s.setFocus(setupOrg)
	case key.Matches(msg, s.keys.Back):
		if s.canGoBack() {
			if s.prev != nil {
				s.reset()
			}
			if s.last != nil {
				s.c.chooseOnStart.path, s.c.chooseOnStart.said = s.last.found.Path, s.last.onStart()
			}
			s.c.goTo(screenStart, 0)
		}
		return nil
	case key.Matches(msg, s.keys.PrevField):
		if s.focus == 0 {
			return nil // no field before the first: the cursor stays
		}
		// Going back up the form (to mend the organisation, say) is not
		// skipping the field: it is flagged as it is left forward, or at
		// ctrl+s, not before the owner was asked for it.
		return s.setFocus(s.focus - 1)
	case key.Matches(msg, s.keys.NextField):
		s.leftEmpty()
		if s.focus == setupChecklist {
			return s.setFocus(setupOrg)
		}
		return s.setFocus(s.focus + 1)
	case key.Matches(msg, s.keys.Enter) && (s.focus != setupParticipants || s.participants.onBlankLine()):
		if s.focus == setupParticipants { // the blank line ends the list: not a line to show
			s.participants.setValue(strings.TrimRight(s.participants.value(), " \n"))
		}
		if s.focus == setupChecklist {
			return s.create()
		}
		s.leftEmpty()
		return s.setFocus(s.focus + 1)
	}
	return s.edit(msg)
}

// edit passes a key or a paste to the focused field.
func (s *setupScreen) edit(msg tea.Msg) tea.Cmd {
	cmd := s.fields[s.focus].update(msg)
	if s.focus == setupOrg || s.focus == setupTitle {
		if s.fields[s.focus].(*textField).trimmed() != "" {
			delete(s.problems, s.focus)
		}
		s.updatePath()
	}
	if s.focus == setupOrg {
		s.findLastReview()
		cmd = tea.Batch(cmd, s.lookBeside())
	}
	s.err = nil
	return cmd
}

func (s *setupScreen) canGoBack() bool { return !s.firstRun && s.c.opts.PlanPath == "" }

// needed says why the organisation or the title may not be left empty.
var needed = map[int]string{
	setupOrg:   "the organisation's name is needed: it goes on the plan and in its file name",
	setupTitle: "a title is needed, e.g. \"Spring review\", to tell this review from the next",
}

// leftEmpty says, as the organisation or the title is left empty, that
// it is needed, where create alone said so, the owner sent back up the
// form from its end.
func (s *setupScreen) leftEmpty() {
	if why, ok := needed[s.focus]; ok && s.fields[s.focus].(*textField).trimmed() == "" {
		s.problems[s.focus] = why
	}
}

// create checks the answers and writes the new plan, off the update loop.
func (s *setupScreen) create() tea.Cmd {
	s.problems = map[int]string{}
	if s.org.trimmed() == "" {
		s.problems[setupOrg] = needed[setupOrg]
	}
	if s.title.trimmed() == "" && s.nextTitle != "" {
		s.title.setValue(s.nextTitle) // the one suggested, kept
	}
	if s.title.trimmed() == "" {
		s.problems[setupTitle] = needed[setupTitle]
	}
	if _, ok := s.problems[setupOrg]; ok {
		return s.setFocus(setupOrg)
	}
	if _, ok := s.problems[setupTitle]; ok {
		return s.setFocus(setupTitle)
	}

	choice := s.choices[s.checklist.chosen]
	n := review.NewPlan{
		Path: s.c.opts.PlanPath, Dir: s.c.opts.Dir,
		Organisation: s.org.value(), Title: s.title.value(), Facilitator: s.facilitator.value(),
		Participants: review.SplitNames(s.participants.value()),
		Checklist:    choice.list, ChecklistFile: choice.file, Today: s.c.today,
		Previous: s.prev,
	}
	resolve := s.c.opts.resolver()
	return func() tea.Msg {
		ss, err := review.Create(n, resolve)
		switch {
		case ss != nil && err != nil:
			return carryNotLinkedMsg{ss, err}
		case err != nil:
			return createFailedMsg{err}
		}
		var linked string
		if n.Previous != nil {
			n.Previous.Close() // linked: the old plan is done with
			linked = n.Previous.Path
		}
		return openedMsg{session: ss, linked: linked}
	}
}

func (s *setupScreen) view() string {
	st := &s.c.styles
	w := s.c.width
	// On a projector the form names no file or folder: the room sees the
	// questions, not where the plan is kept.
	present := s.c.present
	var title string
	var intro []string // what the form is for: gives way first in a short window
	// What intro says that must stay when it gives way, whole, then in
	// short: where plans made before are, or the plan a typo meant.
	var kept [][]string
	if s.firstRun {
		dir := safetext.Line(s.c.shown(s.c.opts.Dir)) // as the plan's "Will be saved as" names it
		where := ", in the folder " + dir + "."
		if present {
			where = "."
		}
		title = st.Title.Render("Welcome to ladder")
		first := "your first review"
		if len(s.c.plansBelow) > 0 && !present {
			// Plans of theirs in the folders inside (a folder per year):
			// back a year later, not new.
			title, first = st.Title.Render("Welcome back to ladder"), "a review"
		}
		intro = append(intro, wrapIndented("Let's begin "+first+". Tell ladder who it is for; it then takes you through every recommendation, one at a time, and saves each answer as you give it"+where, w, 0, 0))
		// Someone back a year later, in the wrong folder, sees no plan of
		// theirs: this says why, and what to do.
		before := "Made a review before? ladder found none in " + dir + ": press ctrl+c and run ladder in the folder that holds yours."
		if present {
			before = "Made a review before? None is here: press ctrl+c and run ladder in the folder that holds yours."
		} else if words := s.c.plansBelowWords(); words != "" {
			before = words
			kept = [][]string{{st.Subtle.Render(wrapIndented(words, w, 0, 0))}, {st.Subtle.Render(wrapIndented(s.c.plansBelowShort(), w, 0, 0))}}
		}
		intro = append(intro, st.Subtle.Render(wrapIndented(before, w, 0, 0)))
		if !present {
			// The first screen a screen reader reads out: where the same
			// review is in plain lines, which only --help and the README said.
			intro = append(intro, st.Subtle.Render(wrapIndented("With a screen reader? Press ctrl+c and run ladder review --accessible: the same review, as plain questions, a line at a time.", w, 0, 0)))
		}
	} else {
		title = st.Title.Render("A new review")
		if s.prev != nil {
			title = st.Title.Render("Next review, carried on")
		}
		switch { // named, and not there: maybe a typo for a plan that is
		case s.c.opts.PlanPath != "" && present:
			intro = append(intro, wrapIndented("There is no plan of that name yet: this review makes it.", w, 0, 0))
		case s.c.opts.PlanPath != "":
			intro = append(intro, wrapIndented("There is no plan at "+s.c.opts.PlanPath+" yet: this review makes it.", w, 0, 0))
			if s.near != "" {
				near := safetext.Line(s.near)
				meant := st.Warning.Render(wrapIndented("Did you mean "+near+"? To open it, press ctrl+c and run ladder review "+safetext.Line(plans.CommandPath(s.near))+".", w, 0, 0))
				intro = append(intro, meant)
				// In a small window, in a line: by its name alone, in the
				// folder typed, where its path does not fit.
				short := "Did you mean " + near + "?"
				if ansi.StringWidth(short) > w {
					short = ansi.Truncate("Did you mean "+safetext.Line(filepath.Base(s.near))+"?", w, "…")
				}
				kept = [][]string{{meant}, {st.Warning.Render(short)}}
			}
		}
	}
	var form []string
	for i, f := range s.fields {
		form = append(form, f.view(st, w))
		if p, ok := s.problems[i]; ok {
			indent := 2 + setupLabelWidth + 1
			form = append(form, strings.Repeat(" ", indent)+st.Error.Render(wrapIndented("✗ "+p, max(1, w-indent), indent, 0)))
		}
	}
	var saved, savedShort []string
	if !present {
		saved = savedAs(st, s.c.shown(s.path), w)
		savedShort = savedAsOneLine(st, s.c.shown(s.path), w)
	}
	hint := st.Subtle.Render(wrapIndented("Press enter on the checklist, or ctrl+s anywhere, to create it and begin.", w, 0, 0))
	if s.err != nil {
		// Both name plan files, which may come from a pull request.
		hint = st.Error.Render(wrapIndented("✗ "+safetext.Terminal(s.err.Error()), w, 0, 0))
	}
	if s.notLinked != nil {
		hint = st.Warning.Render(wrapIndented("⚠ Created, but "+safetext.Terminal(s.notLinked.err.Error()), w, 0, 0)) + "\n" +
			st.Subtle.Render("Press enter to begin the review.")
	}
	// In a short window, the usual hint in a line, to leave one for the
	// path (what went wrong is never shortened).
	shortHint := []string{hint}
	if short := "ctrl+s, or enter on the checklist, creates it and begins."; ansi.StringWidth(short) <= w && s.err == nil && s.notLinked == nil {
		shortHint = []string{st.Subtle.Render(short)}
	}
	carry := s.carryLines(st, w)
	if s.prev == nil {
		carry = s.lastReviewLines(st, w)
	}
	// In a short window (60x16) what to press to begin must still show:
	// the blank lines give way first, then what the form is for (and the
	// blank lines come back if that makes room), then where the plan
	// will be saved, then the title. Plans made before, in folders of their own (a
	// folder per year), are still named in a line of their own when the
	// introduction gives way: in a new year's folder they are where last
	// year's actions are. So is the plan a mistyped name probably meant.
	layouts := [][][]string{
		{append([]string{title}, intro...), {""}, form, {""}, carry, saved, {hint}},
		{append([]string{title}, intro...), form, carry, saved, {hint}},
	}
	// On the checklist, what the one chosen is for comes first, where
	// there is room: the introduction was read on the way there, and an
	// id and a title say nothing of which checklist suits an employer.
	if use := s.checklistUse(st, w); use != nil {
		withUse := [][][]string{
			{append([]string{title}, intro...), {""}, form, use, {""}, carry, saved, {hint}},
			{append([]string{title}, intro...), form, use, carry, saved, {hint}},
		}
		for _, k := range kept {
			withUse = append(withUse, [][]string{{title}, k, form, use, carry, saved, {hint}})
		}
		if len(kept) == 0 {
			withUse = append(withUse, [][]string{{title}, form, use, carry, saved, {hint}})
		}
		layouts = append(withUse, layouts...)
	}
	for _, k := range kept {
		layouts = append(layouts,
			[][]string{{title}, k, {""}, form, {""}, carry, saved, {hint}},
			[][]string{{title}, k, form, carry, saved, {hint}},
			[][]string{{title}, k, form, carry, savedShort, {hint}},
			[][]string{{title}, k, form, carry, {hint}},
			[][]string{{title}, k, form, {s.beginHint(st, w, hint)}},
		)
	}
	layouts = append(layouts, [][][]string{
		{{title}, {""}, form, {""}, carry, saved, {hint}},
		{{title}, form, carry, saved, {hint}},
		// A long name's path shortened to a line: where the plan goes
		// is still said (it gave way whole, at 60x16, to the hint).
		{{title}, form, carry, savedShort, {hint}},
		{{title}, form, carry, savedShort, shortHint},
		{{title}, form, carry, {hint}},
		{{title}, form, {s.beginHint(st, w, hint)}},
		// The form's problems can leave no room for more: the title gives
		// way, then where the plan goes, then the hint, which the problems
		// stand in for (it was cut mid-sentence at the window's foot).
		// With "a title is needed" at 60x16, where and what to press stay.
		{form, carry, savedShort, shortHint},
		{form, {s.beginHint(st, w, hint)}},
		{form},
	}...)
	var out string
	for _, l := range layouts {
		var parts []string
		for _, p := range l {
			parts = append(parts, p...)
		}
		out = strings.Join(parts, "\n")
		if countLines(out) <= s.c.height {
			break
		}
	}
	return out
}

// savedAs says where the plan will be saved: on one line where it fits,
// else the path on lines of its own under the words, broken after a
// slash (wrapping broke it at a hyphen of the file's name: "…/2027-03-14-"
// then "plan.yaml"), as the summary says where it is saved.
func savedAs(st *styles, path string, w int) []string {
	const label = "Will be saved as"
	// Carried on, the name is last year's file's, from a pull request.
	path = safetext.Line(path)
	if ansi.StringWidth(label+" "+path) <= w {
		return []string{st.Subtle.Render(label+" ") + st.Label.Render(path)}
	}
	out := []string{st.Subtle.Render(label)}
	for _, l := range pathLines(path, w-2) {
		out = append(out, "  "+st.Label.Render(l))
	}
	return out
}

// savedAsOneLine says where the plan will be saved on one line, for a
// short window: where the path does not fit, the file's name is
// shortened in its middle, the folder said whole before it and ".yaml"
// after it ("plans/2027-03-14-northumb…-ltd.yaml"), since those say where
// the file goes; nil where even that leaves too little of the name.
func savedAsOneLine(st *styles, path string, w int) []string {
	const label = "Will be saved as "
	path, ok := shortPath(safetext.Line(path), w-ansi.StringWidth(label))
	if !ok {
		return nil
	}
	return []string{st.Subtle.Render(label) + st.Label.Render(path)}
}

// shortPath is path in room cells: whole where it fits, else its file's
// name shortened in its middle, the folder whole before it and ".yaml"
// after it; not ok where even that leaves too little of the name.
func shortPath(path string, room int) (string, bool) {
	if ansi.StringWidth(path) <= room {
		return path, true
	}
	folder := path[:strings.LastIndexByte(path, filepath.Separator)+1]
	name := path[len(folder):]
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	left := room - ansi.StringWidth(folder+ext) - 1 // the name's two ends, beside "…"
	if left < 8 {
		return "", false
	}
	back := left / 3
	return folder + ansi.Truncate(stem, left-back, "") + "…" + lastCells(stem, back) + ext, true
}

// lastCells is the end of s at most n cells wide: a wide character the
// cut would halve is left out, where ansi.TruncateLeft keeps it whole and
// runs a cell over.
func lastCells(s string, n int) string {
	out := ansi.TruncateLeft(s, max(ansi.StringWidth(s)-n, 0), "")
	for ansi.StringWidth(out) > n {
		_, size := utf8.DecodeRuneInString(out)
		out = out[size:]
	}
	return out
}

// pathLines lays a path out in lines of at most w cells, broken after its
// slashes; a name wider than a line on its own is broken after a hyphen,
// or cut at the edge where it has none.
func pathLines(path string, w int) []string {
	w = max(w, 1)
	var out []string
	line := ""
	for _, part := range strings.SplitAfter(path, string(filepath.Separator)) {
		if line != "" && ansi.StringWidth(line+part) > w {
			out = append(out, line)
			line = ""
		}
		line += part
		for ansi.StringWidth(line) > w {
			cut := ansi.Truncate(line, w, "")
			// After the last hyphen that leaves a line, as a reader
			// breaks a file's name ("…-northumberland-" then
			// "ltd.yaml"), not at the edge ("…-ltd.yam" then "l").
			if at := strings.LastIndexByte(cut, '-'); at > 0 {
				cut = cut[:at+1]
			}
			if cut == "" { // a wide character in a one-cell window
				_, size := utf8.DecodeRuneInString(line)
				cut = line[:size]
			}
			out = append(out, cut)
			line = line[len(cut):]
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// shortHelp puts esc (back to the plans) before the field keys: where
// the footer has room for one more hint than ctrl+s, the way back is
// the one to show, or the only way out on screen is ctrl+c, which quits.
func (s *setupScreen) shortHelp() []key.Binding {
	bs := append([]key.Binding{s.keys.Create}, s.wayKeys()...)
	return append(bs, s.keys.NextField, s.keys.PrevField)
}

// wayKeys are the keys in and out of a last review's carrying on, and
// back to the plans: ctrl+o for one found beside, esc to let go of one
// carried on from the form (then esc goes back no further), or esc back
// to the list.
func (s *setupScreen) wayKeys() []key.Binding {
	var bs []key.Binding
	switch {
	case s.canCarryBeside():
		bs = append(bs, s.keys.Carry)
	case s.carriedHere:
		bs = append(bs, s.keys.Uncarry)
	}
	if s.canGoBack() && !s.carriedHere {
		bs = append(bs, s.keys.Back)
	}
	return bs
}

func (s *setupScreen) fullHelp() [][]key.Binding { return groupedKeys(s) }

// helpGroups are the set-up screen's keys by what the person is doing.
func (s *setupScreen) helpGroups() []helpGroup {
	bs := append([]key.Binding{s.keys.NextField, s.keys.PrevField, s.keys.Enter, s.keys.Choose, s.keys.Create}, s.wayKeys()...)
	return []helpGroup{{"Filling in the new review", bs}, typingHelpGroup()}
}

func (s *setupScreen) typing() bool { return s.fields[s.focus].typing() }

// checklistUse is what the checklist chosen is for (checklist.Use), under
// the checklist field while it is the field being answered; nil elsewhere.
// It takes as many lines whichever checklist is chosen, those of the
// longest description (a checklist of one's own has none, and blank lines
// in its place): the layout is chosen by height, and a description a line
// longer than the last took the introduction's place, so the whole form
// jumped up and back as the choice moved.
func (s *setupScreen) checklistUse(st *styles, w int) []string {
	if s.focus != setupChecklist {
		return nil
	}
	indent := 2 + setupLabelWidth + 1
	describe := func(i int) []string {
		use := checklist.Use(s.choices[i].list.ID)
		if use == "" || s.choices[i].file != "" {
			return nil
		}
		return strings.Split(wrapIndented(use, max(1, w-indent), indent, 0), "\n")
	}
	tallest := 0
	for i := range s.choices {
		tallest = max(tallest, len(describe(i)))
	}
	if tallest == 0 {
		return nil
	}
	var lines []string
	if use := describe(s.checklist.chosen); use != nil {
		lines = append(lines, strings.Repeat(" ", indent)+st.Subtle.Render(strings.Join(use, "\n")))
		tallest -= len(use) - 1
	}
	for len(lines) < tallest {
		lines = append(lines, "")
	}
	return lines
}
