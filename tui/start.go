package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// startScreen offers to begin a new review or to resume one of the plans in
// the plans folder, newest first, each with how far it got. Plans that do
// not load are listed with their problems and cannot be opened. With no
// plans at all it goes straight to set-up.
type startScreen struct {
	c    *common
	keys startKeys

	loaded  bool
	readErr error         // the folder could not be read
	plans   []plans.Found // plans that load, newest first
	broken  []plans.Found // plans that do not
	facts   map[string]planFacts
	// In a plans folder kept a folder per year, plans from fromLastYear on
	// are last year's reviews to carry on (carryOn, in the same order),
	// from the folder lastYear; the others are this year's folder's.
	fromLastYear int
	lastYear     string
	carryOn      []review.LastReview
	// nextFrom is this folder's plan a next review could carry on from
	// (review.NextReviewFrom): last year's, in a folder kept flat.
	nextFrom *review.LastReview

	cursor  int // 0 is "begin a new review", i > 0 is plans[i-1]
	offset  int // first plan row shown
	openErr error
	said    string // a word about the last key (c on a plan carried on already)
	// chosen is set once the list has been read the first time and the
	// cursor put on the review under way, if there is one: read again
	// (back from the set-up form), the list keeps the person's choice.
	chosen bool
	// carryAsked is the plan under way that c was pressed on, once: c
	// again at once carries it on all the same.
	carryAsked string

	attribution string      // where the checklist's wording comes from
	shortCredit string      // the same in a line, for a small window
	folder      *folderRead // the folder being read since init

	// typedAhead holds the keys that move in or open from the list,
	// pressed while the folder was still being read: they act on the list
	// once it is there, as if it had been there when they were typed.
	typedAhead []tea.KeyPressMsg
}

type startKeys struct {
	Up, Down key.Binding
	Open     key.Binding
	New      key.Binding
	Carry    key.Binding // next year's review, carried on from the chosen plan
}

func newStartScreen(c *common) *startScreen {
	return &startScreen{c: c, keys: startKeys{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		Down:  key.NewBinding(key.WithKeys("down", "j", "tab"), key.WithHelp("↓", "down")),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new review")),
		Carry: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "begin the next review from this plan, with its open actions")),
	}}
}

// discoveredMsg carries the plans found in the folder, and the line that
// credits the checklist's wording.
type discoveredMsg struct {
	found       []plans.Found
	err         error
	attribution string
	shortCredit string
	rows        map[string]planFacts // by path (startfolder.go)
	below       []string             // with no plans found: the folders inside that hold some
	// For a plans folder kept a folder per year (startfolder.go): this
	// year's folder, whose plans found are, last year's, and its reviews
	// this year's could be carried on from.
	dir, lastYear string
	carryOn       []review.LastReview
	// nextFrom is startScreen.nextFrom, found with the plans, for they
	// are found off the update loop (review.NextReviewFrom reads files).
	nextFrom *review.LastReview
}

// openFailedMsg says a plan chosen on the start screen did not open.
type openFailedMsg struct{ err error }

// setupFirstRun is the set-up screen's position argument when there are no
// plans yet: it greets a first-time user.
const setupFirstRun = 1

func (s *startScreen) init() tea.Cmd {
	s.folder = readFolder(s.c)
	return s.folder.result
}

func (s *startScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case discoveredMsg:
		s.loaded, s.readErr, s.attribution, s.shortCredit, s.facts = true, msg.err, msg.attribution, msg.shortCredit, msg.rows
		chose := "" // the plan chosen in the list read before, if any
		if s.cursor > 0 && s.cursor <= len(s.plans) {
			chose = s.plans[s.cursor-1].Path
		}
		s.plans, s.broken = s.plans[:0], s.broken[:0]
		for _, f := range msg.found {
			if f.Err != nil {
				s.broken = append(s.broken, f)
			} else {
				s.plans = append(s.plans, f)
			}
		}
		// msg.found is in the list's order: a plan carried on after the
		// others (review.HandedOnLast).
		s.takeYears(msg)
		s.cursor = min(s.cursor, len(s.plans))
		// Read again, the list may have a plan saved meanwhile above the
		// one chosen: the plan stays chosen, not its row.
		if i := slices.IndexFunc(s.plans, func(f plans.Found) bool { return chose != "" && f.Path == chose }); i >= 0 {
			s.cursor = i + 1
		}
		s.nextFrom = msg.nextFrom
		if !s.chosen {
			s.chosen = true
			s.cursor = s.underWay()
			switch {
			case s.cursor > 0:
			case s.fromLastYear == 0 && len(s.carryOn) > 0:
				s.cursor = 1 // last year's latest review, to carry on
			case s.nextFrom != nil:
				// Last year's, kept flat beside where this year's goes:
				// enter on "Begin a new review" left its actions behind.
				s.choose(s.nextFrom.Found.Path, "")
			}
		}
		s.c.folderPlans, s.c.folderFacts = slices.Clone(s.plans), s.facts
		if to := s.c.chooseOnStart; to.path != "" {
			s.choose(to.path, to.said)
			s.c.chooseOnStart.path = ""
		}
		typed := s.typedAhead
		s.typedAhead = nil
		if len(msg.found) == 0 && len(msg.carryOn) == 0 && msg.err == nil {
			s.c.plansBelow, s.c.plansBelowNamed = msg.below, review.FolderList(msg.below)
			s.c.goTo(screenSetup, setupFirstRun)
			return nil
		}
		return s.replay(typed)
	case openFailedMsg:
		s.openErr = msg.err
	case carryOpenedMsg:
		s.c.carryFrom = msg.file
		s.c.goTo(screenSetup, setupCarryOn)
	case tea.KeyPressMsg:
		s.said = ""
		asked := s.carryAsked
		s.carryAsked = ""
		if !s.loaded && key.Matches(msg, s.keys.Up, s.keys.Down, s.keys.Open) {
			// Typed before the list was read (a slow disk, a busy
			// machine): ↓ ↓ enter typed at once opens the second plan,
			// not a new review.
			s.typedAhead = append(s.typedAhead, msg)
			return nil
		}
		switch {
		case key.Matches(msg, s.keys.Up):
			s.cursor = max(0, s.cursor-1)
		case key.Matches(msg, s.keys.Down):
			s.cursor = min(len(s.plans), s.cursor+1)
		case key.Matches(msg, s.keys.New):
			s.c.goTo(screenSetup, 0)
		case key.Matches(msg, s.keys.Carry) && s.cursor > 0:
			return s.carry(s.plans[s.cursor-1], asked)
		case key.Matches(msg, s.keys.Carry) && len(s.plans) > 0:
			s.said = "Choose a plan first (↓): c begins the next review from it, with its open actions."
		case key.Matches(msg, s.keys.Open):
			if s.cursor == 0 {
				s.c.goTo(screenSetup, 0)
				return nil
			}
			return s.open(s.plans[s.cursor-1].Path)
		}
	}
	return nil
}

// underWay is the cursor on the review most likely to be carried on
// with (review.ReviewUnderWay, of the list as shown, last year's part
// too): someone back after a week to a review left half way presses
// enter; 0 ("Begin a new review") when no review is under way: the first
// time, and when every review is finished.
func (s *startScreen) underWay() int {
	return review.ReviewUnderWay(s.plans, s.c.today) + 1
}

// choose puts the cursor on the plan at path, if it is listed, and says
// what to press there: the set-up form sent the person back for it.
func (s *startScreen) choose(path, said string) {
	for i, f := range s.plans {
		if f.Path == path {
			s.cursor = i + 1
			s.said = said
			return
		}
	}
}

// replay acts on keys typed ahead of the list, in order, until one of
// them leaves the screen.
func (s *startScreen) replay(typed []tea.KeyPressMsg) tea.Cmd {
	for _, k := range typed {
		if cmd := s.update(k); cmd != nil || s.c.pending != nil {
			return cmd
		}
	}
	return nil
}

// open loads a plan for editing, off the update loop.
func (s *startScreen) open(path string) tea.Cmd {
	s.openErr = nil
	resolve, today := s.c.opts.resolver(), s.c.today
	return func() tea.Msg {
		ss, err := review.Open(path, resolve, today)
		if err != nil {
			return openFailedMsg{err}
		}
		return openedMsg{session: ss}
	}
}

// carryAsks reports whether c on f asks before it carries f on: f is a
// review under way, held in the last half year, not carried on already.
func (s *startScreen) carryAsks(f plans.Found) bool {
	return f.Plan.NextReview == "" && review.UnderWay(f.Plan.Date, s.c.today)
}

// carry begins the next review from f, unless f was carried on already:
// then its open actions are chased in the review that carried it on, which
// is chosen instead, for enter to open. A review under way (held in the
// last half year), which the list opens on, is carried on only at a
// second c (asked is the plan the last key asked about): carried on, this
// year's review would be left half done and "carried on".
func (s *startScreen) carry(f plans.Found, asked string) tea.Cmd {
	s.openErr = nil
	var carried *plans.CarriedOnAlready
	switch {
	case errors.As(plans.CheckCarryOn(f.Path, f.Plan), &carried):
	case s.carryAsks(f) && asked != f.Path:
		_, total := f.Plan.Counts()
		s.carryAsked = f.Path
		s.said = fmt.Sprintf("This review is under way (%d of %d rated): enter goes on with it. Press c again to begin the next review from it all the same.",
			total.Rated(), total.Total())
		if total.Unrated == 0 {
			s.said = "This review was held on " + f.Plan.Date.Friendly() + ", in the last half year. Press c again to begin the next review from it all the same."
		}
		return nil
	default:
		if next, ok := cutShortCarrier(s.plans, f); ok {
			return finishCarry(s.c, f.Path, next)
		}
		return openToCarry(s.c, f.Path)
	}
	words := s.c.carryRefusal(carried)
	switch {
	case carried.Next == "" && s.c.present:
		s.said = words + ". Press P to leave presenter mode and see why."
		return nil
	case carried.Next == "":
		s.said = words + "."
		return nil
	}
	for i, g := range s.plans {
		if filepath.Clean(g.Path) == filepath.Clean(carried.Next) {
			s.cursor = i + 1
			s.said = words + "; that one is chosen now, press enter to open it."
			return nil
		}
	}
	if s.c.present {
		s.said = words + "; open that one instead."
		return nil
	}
	s.said = words + "; open that one instead (ladder review " + safetext.Line(plans.CommandPath(carried.Next)) + ")."
	return nil
}

// view draws the screen. What gives way in a small window: the blank
// lines between parts, then the credit's long form (it shortens to whose
// wording and which licence, never goes), then the end of the list of
// files that do not open (ladder check lists them all). The list keeps
// one plan however little room there is.
func (s *startScreen) view() string {
	st := &s.c.styles
	w, h := s.c.width, s.c.height
	foot := s.footer(st, w, s.attribution)
	lines, broken := s.content(st, w, h, foot)
	if len(lines)+countLines(foot) > h && s.shortCredit != "" {
		foot = s.footer(st, w, s.shortCredit)
		lines, broken = s.content(st, w, h, foot)
	}
	if over := len(lines) + countLines(foot) - h; over > 0 && broken[1]-broken[0] > 1 {
		// Cut the end of the files that do not open, saying so: the
		// heading and a line at least stay.
		keep := max(broken[1]-over-1, broken[0]+1)
		cut := st.Subtle.Render(ansi.Truncate("  … and more: ladder check "+plans.CommandPath(s.c.opts.Dir)+" lists them all", w, "…"))
		lines = slices.Concat(lines[:keep], []string{cut}, lines[broken[1]:])
	}
	// The credit ends on the body's last line: gap line breaks leave gap-1
	// blank lines between the text and the credit.
	gap := max(1, h-len(lines)-countLines(foot)+1)
	return strings.Join(lines, "\n") + strings.Repeat("\n", gap) + foot
}

// content is the screen above the credit (foot), a line a string, and
// where in it the files that do not open are listed ([from, to) lines).
func (s *startScreen) content(st *styles, w, h int, foot string) (lines []string, brokenAt [2]int) {
	head := []string{st.Title.Render("ladder") + st.Subtle.Render(" · review how people progress, and leave with a plan"), ""}
	// With a plan chosen, n is the way to a new review: said on its row,
	// as the list opens on the review under way. Nothing is chosen while
	// the folder is read: enter typed then opens what is chosen once the
	// list is there, which may be the review under way.
	newRow := "  Begin a new review" + st.Subtle.Render(" (n)")
	if s.cursor == 0 && s.loaded {
		newRow = st.Focused.Render(focusMarker + "Begin a new review")
	}
	head = append(head, newRow, "")
	// On a projector (presenter mode) the room sees plans by organisation,
	// title and progress, never file or folder names (issue 10.7).
	in, from := " in "+s.c.shown(s.c.opts.Dir), " from "+s.c.shown(s.c.opts.Dir)
	if s.c.present {
		in, from = "", ""
	}
	var body []string
	switch {
	case !s.loaded:
		body = append(body, st.Subtle.Render("Looking for plans"+in+"…"))
	case s.readErr != nil:
		body = append(body, st.Error.Render("✗ "+firstLineOf(s.readErr.Error())))
	}
	failed := s.brokenSection(st, w)
	if len(s.plans) > 0 {
		hint := s.lastYearHint(st, w)
		if hint == nil {
			hint = s.nextReviewHint(st, w)
		}
		room := h - len(head) - len(body) - countLines(foot) - drawnLines(failed) - drawnLines(hint)
		body = append(body, s.planList(st, w, max(3, room), from)...)
		body = append(body, hint...)
	}
	body = append(body, failed...)
	switch {
	case s.openErr != nil && s.c.present:
		// Its words name the file, and a line of it may quote the plan:
		// not for the room, as for the files that could not be opened.
		body = append(body, "", st.Error.Render(wrapIndented("✗ That plan could not be opened: press P to leave presenter mode and see why.", w, 0, 0)))
	case s.openErr != nil:
		// Its words name the file as the folder does: any byte but /.
		body = append(body, "", st.Error.Render(wrapIndented("✗ "+safetext.Terminal(s.openErr.Error()), w, 0, 0)))
	}
	if s.said != "" {
		body = append(body, "", st.Warning.Render(wrapIndented(s.said, w, 0, 0)))
	}
	// In the smallest windows the list keeps one plan however little room
	// there is: the blank lines between parts go before the credit would.
	for over := len(head) + drawnLines(body) + countLines(foot) - h; over > 0; over-- {
		i := slices.Index(body, "")
		if i < 0 {
			break
		}
		body = slices.Delete(body, i, i+1)
	}
	lines = head
	marks := 0
	for _, b := range body {
		if b == brokenMark {
			brokenAt[marks] = len(lines)
			marks++
			continue
		}
		lines = append(lines, strings.Split(b, "\n")...)
	}
	return lines, brokenAt
}

// brokenSection lists the plan files that do not open, with why, between
// two brokenMarks; on a projector it only says how many (no file names).
func (s *startScreen) brokenSection(st *styles, w int) []string {
	switch {
	case len(s.broken) == 0:
		return nil
	case s.c.present:
		return []string{"", st.Error.Render(wrapIndented(fmt.Sprintf("✗ %d %s could not be opened: press P to leave presenter mode and see which, and why.",
			len(s.broken), plural(len(s.broken), "plan file", "plan files")), w, 0, 0))}
	}
	sec := []string{"", brokenMark, st.Heading.Render("Could not open") + st.Subtle.Render(" (fix the file, or run ladder check on it)")}
	for _, f := range s.broken {
		for _, line := range strings.Split(f.Err.Error(), "\n")[:min(3, countLines(f.Err.Error()))] {
			sec = append(sec, "  "+st.Error.Render("✗ ")+wrapIndented(line, max(1, w-4), 4, 3))
		}
	}
	return append(sec, brokenMark)
}

// drawnLines is how many lines the body parts take on screen.
func drawnLines(parts []string) int {
	n := 0
	for _, p := range parts {
		if p != brokenMark {
			n += strings.Count(p, "\n") + 1
		}
	}
	return n
}

// brokenMark marks where the list of files that do not open begins and
// ends in the body, for view to cut it; it is never drawn.
const brokenMark = "\x00broken"

// mixesChecklists reports whether the plans listed follow more than one
// checklist: then each line names its own, or an employer's two reviews
// of a spring (the progression checklist's and the Building Blocks', both
// "Spring review") read alike.
func (s *startScreen) mixesChecklists() bool {
	for _, f := range s.plans {
		if f.Plan.ChecklistRef.ID != s.plans[0].Plan.ChecklistRef.ID {
			return true
		}
	}
	return false
}

// planList draws the plans in at most room lines, two lines a plan under
// the heading of its part of the list (this folder's plans, to resume;
// last year's, to carry on), scrolled to keep the cursor in view.
func (s *startScreen) planList(st *styles, w, room int, from string) []string {
	// A plan takes two lines, and the one that begins last year's part
	// a third for its heading, unless it is the first shown: the first
	// shown has its part's heading above it in any case.
	lastShown := func(first int) int {
		used, last := 1, first
		for i := first; i < len(s.plans); i++ {
			used += 2
			if i > first && i == s.fromLastYear {
				used++
			}
			if used > room && i > first {
				break
			}
			last = i
		}
		return last
	}
	if s.cursor > 0 {
		i := s.cursor - 1
		s.offset = min(s.offset, i)
		for s.offset < i && lastShown(s.offset) < i {
			s.offset++
		}
	}
	s.offset = min(s.offset, len(s.plans)-1)
	for s.offset > 0 && lastShown(s.offset-1) == len(s.plans)-1 {
		s.offset--
	}
	last := lastShown(s.offset)
	// "(+N more)" goes on the last row's detail, which is cut shorter to
	// leave it room: a row wider than the window would wrap onto a line
	// the screen did not count, and push the credit off the bottom.
	moreNote := ""
	if more := len(s.plans) - (last + 1); more > 0 {
		moreNote = fmt.Sprintf("  (+%d more)", more)
	}
	mixed := s.mixesChecklists()
	rows := []string{s.partHeading(st, s.offset, from)}
	for i := s.offset; i <= last; i++ {
		if i > s.offset && i == s.fromLastYear {
			rows = append(rows, s.partHeading(st, i, from))
		}
		note := ""
		if i == last {
			note = moreNote
		}
		rows = append(rows, s.planRow(st, w, i, mixed, note)...)
	}
	return rows
}

// planRow draws the plan at i in two lines, note at the end of the second.
func (s *startScreen) planRow(st *styles, w, i int, mixed bool, note string) []string {
	f := s.plans[i]
	p := f.Plan
	_, total := p.Counts()
	facts := s.facts[f.Path]
	name := flat(p.Organisation) + ": " + flat(p.Title)
	if s.c.present && s.cursor != i+1 {
		// On a projector only the chosen plan is named: a
		// facilitator's folder holds other clients' plans, and the
		// room is not to read who they are. The list opens on the
		// review under way; P shows every name.
		name = "Another review"
	}
	if facts.handedOn != "" {
		name += " → carried on"
	}
	marker := "  "
	if s.cursor == i+1 {
		marker = st.Focused.Render(focusMarker)
		name = st.Focused.Render(ansi.Truncate(name, max(1, w-2), "…"))
	} else {
		name = st.Label.Render(ansi.Truncate(name, max(1, w-2), "…"))
	}
	// Carried on: its open actions are chased in the next review, which
	// is the one to edit now. Where that is goes first, as the part of
	// the line that a narrow window must not cut. A next_review line
	// whose review is not there, or does not name this plan back, took
	// nothing on: c says what to do about it.
	before := fmt.Sprintf("%d/%d rated", total.Rated(), total.Total())
	if facts.handedOn != "" && !s.c.present {
		before = "next review " + safetext.Line(p.NextReview) + " · " + before
	}
	after := " · " + p.Date.Friendly()
	if mixed {
		after += " · " + safetext.Line(p.ChecklistRef.ID)
	}
	if !s.c.present {
		after += " · " + safetext.Line(filepath.Base(f.Path)) // a pull request names files too
	}
	room := max(1, w-2-ansi.StringWidth(note))
	// On a projector, no plan's late actions: a facilitator's folder
	// holds other clients' plans, and their lateness is not the room's
	// business. The count returns with presenter mode off.
	var detail string
	if facts.late == 0 || s.c.present {
		detail = st.Subtle.Render(ansi.Truncate(before+after, room, "…") + note)
	} else {
		late := st.Subtle.Render(" · ") + lateInList(st, facts)
		detail = ansi.Truncate(st.Subtle.Render(before)+late+st.Subtle.Render(after), room, st.Subtle.Render("…")) + st.Subtle.Render(note)
	}
	return []string{marker + name, "  " + detail}
}

// lateInList is a plan's late count in the list; for a review carried
// on from the last, as its overview says it: how many actions came
// across, how many of them are past due, and how many more are late.
func lateInList(st *styles, facts planFacts) string {
	words, _ := lateCountWords(st, lateCounts{late: facts.late, carried: facts.carried, carriedLate: facts.carriedLate}, 1)
	return words(false)
}

// footer is the attribution of the checklist's wording, quietly.
func (s *startScreen) footer(st *styles, w int, credit string) string {
	if credit == "" {
		return ""
	}
	return st.Subtle.Render(ansi.Wrap(credit, w, ""))
}

// shortCredit is a checklist's credit in as few words as still say whose
// wording it is and under which licence: "Social Mobility Commission ·
// Open Government Licence v3.0".
func shortCredit(cl *checklist.Checklist) string {
	who, _, _ := strings.Cut(cl.Source, ",")
	licence := cl.Licence
	if _, name, ok := strings.Cut(licence, " under the "); ok {
		licence = strings.TrimSuffix(name, ".")
	}
	var parts []string
	for _, p := range []string{strings.TrimSpace(who), strings.TrimSpace(licence)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// defaultChecklist is the checklist a new review would use: --checklist,
// or the built-in default.
func (c *common) defaultChecklist() *checklist.Checklist {
	if c.opts.Checklist != "" {
		if cl, err := checklist.Resolve(c.opts.Checklist); err == nil {
			return cl
		}
	}
	cl, _ := checklist.Builtin(checklist.DefaultID)
	return cl
}

// shortHelp is the footer's hints. c shows only while a plan is chosen,
// where it acts: on "Begin a new review", and to someone who has never
// made a review, it would be one more word that means nothing yet. Nor on
// a review under way, which the list opens on: someone back to finish it
// wants enter, and c there only asks again (carry), so the footer keeps
// "n new review" in its place.
func (s *startScreen) shortHelp() []key.Binding {
	if s.cursor > 0 && s.cursor <= len(s.plans) && !s.carryAsks(s.plans[s.cursor-1]) {
		// Before n: where hints give way (from the end), "n new review"
		// goes first, its row being on the screen and in ? help.
		return []key.Binding{s.keys.Up, s.keys.Open, s.carryHint(), s.keys.New}
	}
	return []key.Binding{s.keys.Up, s.keys.Open, s.keys.New}
}

// carryHint is c's footer hint, shorter than its help line. Not "carry
// on": beside "enter open" that reads as "continue this review".
func (s *startScreen) carryHint() key.Binding {
	if s.onLastYear() != nil {
		return key.NewBinding(key.WithKeys("c"), key.WithHelp("c", s.carryToThisYear()))
	}
	return key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "next review"))
}

func (s *startScreen) fullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Up, s.keys.Open, s.keys.New, s.keys.Carry}}
}

func (s *startScreen) typing() bool { return false }
