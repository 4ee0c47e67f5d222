package tui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/review"
)

// footerLines is what the app keeps below every screen: the save status
// (two lines when a save failed: what went wrong, and what to do) and the
// key hints.
func (a *app) footerLines() int {
	return max(countLines(a.statusLine()), 1) + 1 + countLines(a.roomStrip())
}

// warningLines is the most lines the status line gives its warnings: a
// hand edit's slip takes four or five at 60 columns to say where it is,
// what is wrong and what to do, and the warnings go with the next save.
// Two said as a plan opens (it is open elsewhere too, and edited by
// hand) take eight, and may have up to half the window: the screen above
// keeps the other half, its item and ratings, until the first save. The
// overview is a list to read down: there the warnings have a quarter of
// the window, each keeping its first lines (warningText), where at 60x16
// they left it four list lines; the item says them whole again.
func (a *app) warningLines() int {
	if a.active == screenOverview {
		return max(2, a.termHeight/4)
	}
	return max(5, a.termHeight/2)
}

// maxBodyWidth is the widest the screens draw, however wide the terminal.
const maxBodyWidth = 120

// app is the top model, in the manner of glow's: it holds the screens and
// which one is active, forwards window sizes to the shared struct and every
// other message to the active screen, and owns what every screen shares:
// quitting (which always saves first), help, the overview, and saving.
type app struct {
	c        *common
	screens  map[screenID]screen
	active   screenID
	asides   []screenID // the screens help, the overview, the board and the advice return to, last on top
	helpFor  screenID   // the screen help was opened from: whose keys it lists
	arg      int        // the position the active screen was shown at
	help     help.Model
	quitting bool

	typingGen uint64 // counts keys typed into fields (see autosave.go)

	initialised bool // Init has put the first screen in place

	termWidth, termHeight int // the terminal's size
	margin                int // cells left of the body

	widths     map[string]int   // the widths of the lines of recent frames (see lineWidth)
	hintWidths map[key.Help]int // the widths of the footer's hints (see hintWidth)

	conflictErr error  // reloading or copying after a conflict failed
	notice      notice // said in the status line until the next save
	// presentNotice is notice as a projector says it, without the file's
	// path (presenter mode shows none), or "" when notice names no file.
	presentNotice string
	warning       string // said in the status line until the next save, as a warning
	// warningOfItems is set when the warning is one the items' screens
	// alone say (ratedNothingMsg).
	warningOfItems bool
	// stray is the note said after a stray letter on a screen with
	// nowhere to type; while it is set, keys that type are held (see
	// heldKey).
	stray string
	// capital is a capital that just acted as a key where letters begin
	// text, which the next key may show began a word (capital_word.go).
	capital    *capitalWord
	exitNotice string // printed after the program ends, laid out by layOutNotice
	// unsaved is set when quitting found the plan could not be saved: the
	// app shows what was not saved and offers a copy elsewhere (see
	// unsaved.go) instead of ending.
	unsaved *unsavedQuit
	exitErr error // returned by Run: the plan was left unsaved, or not created
}

func newApp(c *common) *app {
	a := &app{c: c, screens: map[screenID]screen{}, help: help.New()}
	a.setHelpStyles()
	a.active = screenStart
	if c.session != nil {
		a.active = screenItem
		a.warning = openWarning(c.carryFinished, c.session)
	} else if c.opts.PlanPath != "" || c.opts.CarryFrom != nil {
		a.active = screenSetup
	}
	if c.opts.CarryFrom != nil && c.session == nil {
		c.carryFrom = c.opts.CarryFrom // review --from: the set-up form, carrying it on
		a.screen(screenSetup).(positioner).setPosition(setupCarryOn)
	}
	return a
}

// screen returns the screen for an id, creating it the first time.
func (a *app) screen(id screenID) screen {
	if s, ok := a.screens[id]; ok {
		return s
	}
	var s screen
	switch id {
	case screenStart:
		s = newStartScreen(a.c)
	case screenSetup:
		s = newSetupScreen(a.c)
	case screenItem:
		s = newItemScreen(a.c)
	case screenOverview:
		s = newOverviewScreen(a.c)
	case screenAreaSummary:
		s = newAreaSummaryScreen(a.c)
	case screenFollowUp:
		s = newFollowUpScreen(a.c)
	case screenSummary:
		s = newSummaryScreen(a.c)
	case screenHelp:
		s = newHelpScreen(a.c, a)
	case screenBoard:
		s = newBoardScreen(a.c)
	case screenGuidance:
		s = newGuidanceScreen(a.c)
	case screenRoom:
		s = newRoomScreen(a.c)
	}
	a.screens[id] = s
	return s
}

// positioner is implemented by screens that show one of several things
// (an item, an area, a follow-up).
type positioner interface{ setPosition(arg int) }

// placed is implemented by the screens that show a place of the review
// (an item, an area's end, a next-steps question, the summary): the
// place they show, or false when they show none.
type placed interface{ place() (review.Place, bool) }

// followScreen moves the review to the place the screen shown shows,
// however it came to be shown (goTo, back from the board or help, a
// reload): the session's place, which the room follows, is always what
// the screen says. Asides (the board, help) show no place of their own:
// the review stays where it was.
func (a *app) followScreen() {
	if a.c.session == nil {
		return
	}
	if s, ok := a.screen(a.active).(placed); ok {
		if p, ok := s.place(); ok {
			a.c.session.MoveTo(p)
		}
	}
}

func (a *app) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, a.c.timer.tick()}
	if a.initialised {
		// A second Init (the golden tests prepare an app, then run it)
		// leaves the screen where it is.
		return tea.Batch(cmds...)
	}
	a.initialised = true
	if a.active == screenItem {
		return tea.Batch(append(cmds, a.resume(), a.startRoom())...)
	}
	cmds = append(cmds, a.screen(a.active).init())
	return tea.Batch(cmds...)
}

// resume opens the plan where the session resumes: its first unrated
// item, or, when every item is rated, the end screen (the summary, or the
// board in presenter mode), from which any item is a key away.
func (a *app) resume() tea.Cmd {
	id, arg := a.c.screenFor(a.c.session.Resume())
	if !isAside(id) {
		return a.show(id, arg)
	}
	// The end is the board in presenter mode, an aside: beneath it (b,
	// esc) is the item the review was at, loaded as any item is, not an
	// empty item screen. The review stays at the end until it is shown.
	cmd := a.show(screenItem, a.c.pos())
	return tea.Batch(cmd, a.show(id, arg))
}

func (a *app) show(id screenID, arg int) tea.Cmd {
	a.stray = "" // letters held on the screen left are not held on the next
	var stored tea.Cmd
	if isAside(id) && a.screen(a.active).typing() {
		// f1 while typing: what is typed is stored, the field kept as it
		// is, since the pause after the last key saves only the screen
		// shown.
		stored = a.screen(a.active).update(draftMsg{})
	}
	if !isAside(id) {
		// The screens left for another (f1 for help while typing, then
		// the board, opens an item) store what is typed in them first,
		// as leaving them with their own keys does: a question's screen
		// is built afresh when shown again, and would lose it.
		for _, left := range append(slices.Clone(a.asides), a.active) {
			stored = tea.Batch(stored, a.screen(left).update(commitMsg{}))
		}
	}
	switch i := slices.Index(a.asides, id); {
	case !isAside(id):
		a.asides = a.asides[:0]
	case i >= 0:
		a.asides = a.asides[:i] // back to it: no loop (board, help, board...)
	case id != a.active:
		a.asides = append(a.asides, a.active)
	}
	if id == screenHelp && a.active != screenHelp {
		a.helpFor = a.active
	}
	s := a.screen(id)
	if p, ok := s.(positioner); ok {
		p.setPosition(arg)
	}
	if o, ok := s.(*overviewScreen); ok && id != a.active {
		_, o.overNowhere = nothingToType(a.screen(a.active))
	}
	if a.warningOfItems && !aboutTheItems(id) {
		a.warning, a.warningOfItems = "", false
	}
	a.active, a.arg = id, arg
	return tea.Batch(stored, s.init())
}

// aboutTheItems reports whether a screen is one of the items' or one
// looked at on the way between them.
func aboutTheItems(id screenID) bool {
	switch id {
	case screenItem, screenAreaSummary, screenOverview, screenBoard, screenGuidance, screenHelp:
		return true
	}
	return false
}

// isAside reports whether a screen is looked at on the way (help, the
// overview, the board, the advice): leaving it returns to the screen it
// was opened from.
func isAside(id screenID) bool {
	switch id {
	case screenHelp, screenOverview, screenBoard, screenGuidance, screenRoom:
		return true
	}
	return false
}

// goBack returns from help, the overview, the board or the advice to the
// screen it was opened from.
func (a *app) goBack() tea.Cmd {
	a.stray = ""
	if n := len(a.asides); n > 0 {
		a.active, a.asides = a.asides[n-1], a.asides[:n-1]
	}
	return nil
}

func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	a.followScreen()
	if a.c.room != nil {
		cmd = tea.Batch(cmd, a.syncRoom()) // the room follows the review's place
	}
	a.layout() // the screen, the mode or the footer (the room's strip grows after a reveal) may have changed
	return m, cmd
}

// layout sizes the body for the screen shown. Text wider than maxBodyWidth
// is hard to follow across a room: on a very wide terminal the body keeps
// that width, centred. In presenter mode the item screen and the board
// have the whole window (less a cell each side): they lay their parts out
// to it, the item screen a column that grows with the window, the board
// tiles across its width. So has the room's join screen: a bigger QR code
// scans from further back.
func (a *app) layout() {
	w := min(a.termWidth-2, maxBodyWidth) // at least one cell of margin each side
	framed := a.presentFramed()
	switch {
	case a.c.present && (a.active == screenItem || a.active == screenBoard), a.active == screenRoom:
		w = a.termWidth - 2 // the join screen is for the projector, presenter mode or not
	case framed:
		w = presentColumn(a.termWidth - 2)
	}
	a.c.width = w
	a.c.termHeight = a.termHeight
	a.margin = max(1, (a.termWidth-w)/2)
	a.c.roomOnBoard = a.roomOnBoard() // before the footer's height, which it shortens
	a.c.height = a.termHeight - a.footerLines()
	if framed {
		a.c.height -= a.frameHeadHeight() // presenter mode's heading (present_frame.go)
	}
	a.c.boardGives = a.boardGives()
}

func (a *app) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var begun tea.Cmd // a word begun with a capital that acted (capital_word.go)
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.termWidth, a.termHeight = msg.Width, msg.Height
		a.layout()
	case tea.BackgroundColorMsg:
		a.c.styles = newStyles(msg.IsDark(), a.c.present).withSixteenColours(a.c.styles.sixteen)
		a.setHelpStyles()
		return a, nil
	case tea.ColorProfileMsg:
		a.c.styles = a.c.styles.withSixteenColours(msg.Profile == colorprofile.ANSI)
		return a, nil
	case savedMsg:
		a.c.session.Record(msg.Outcome)
		if msg.Written {
			a.notice, a.presentNotice, a.warning, a.warningOfItems = notice{}, "", "", false
		}
		if a.quitting {
			return a, a.finishQuit()
		}
		return a, nil
	case navigateMsg:
		return a, a.show(msg.to, msg.arg)
	case timeboxTickMsg:
		return a, a.c.timer.ticked()
	case openedMsg:
		a.c.open(msg.session)
		a.c.linked, a.c.linkedTo = msg.linked, ""
		if msg.linked != "" {
			a.c.linkedTo = msg.session.Path()
		}
		a.warning, a.warningOfItems = openWarning(msg.said, msg.session), false
		a.layout() // the screens are built for the height the warnings leave
		a.screens = map[screenID]screen{screenStart: a.screens[screenStart], screenSetup: a.screens[screenSetup]}
		return a, tea.Batch(a.resume(), a.startRoom())
	case warnMsg:
		a.warning, a.warningOfItems = string(msg), false
	case ratedNothingMsg:
		a.warning, a.warningOfItems = string(msg), true
	case roomChangedMsg:
		return a, a.roomChanged()
	case typingPauseMsg:
		return a, a.paused(msg.gen)
	case workforceMsg:
		a.c.gotWorkforce(msg)
		return a, nil
	case tea.PasteMsg:
		a.c.room.forgetHeldRate(msg)
		if a.tooSmall() {
			return a, nil // nowhere to be seen
		}
	case tea.KeyPressMsg:
		a.c.room.forgetHeldRate(msg)
		if a.tooSmall() {
			return a, a.tooSmallKey(msg)
		}
		if a.unsaved != nil {
			return a, a.unsavedKey(msg)
		}
		if a.conflict() {
			return a, a.conflictKey(msg)
		}
		if a.heldKey(msg) {
			return a, nil
		}
		begun = a.capitalWordGoesOn(msg)
		a.capitalKey(msg)
		if cmd, ok := a.wordGoesOn(msg); ok {
			return a, cmd
		}
		if cmd, handled := a.globalKey(msg); handled {
			return a, cmd
		}
		if a.strayLetter(msg) {
			return a, nil
		}
	}
	cmd := a.screen(a.active).update(msg)
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		cmd = tea.Batch(cmd, a.typed())
	}
	return a, tea.Batch(begun, cmd, a.applyPending())
}

// applyPending makes the screen change a screen asked for with goTo.
func (a *app) applyPending() tea.Cmd {
	p := a.c.pending
	if p == nil {
		return nil
	}
	a.c.pending = nil
	if p.to == screenBack {
		return a.goBack()
	}
	return a.show(p.to, p.arg)
}

// globalKey handles the keys every screen shares.
func (a *app) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	s := a.screen(a.active)
	if rs := a.c.room; rs.on() && (s.typing() || !key.Matches(msg, a.c.keys.Quit)) {
		rs.quitAsked = false // any key but q keeps the review (quitUnlessVotesOpen)
	}
	if rs := a.c.room; rs.on() {
		rs.noticesSeen = rs.status.NoticeTotal          // a phone's notice is said until the next key, q too
		rs.nothingToReveal, rs.enterHeld = false, false // said until the next key (roomKey, holdEnterForRoom)
		if !rs.quitAsked {
			rs.kept = nil // said until the next key (syncRoom), or with the quit's warning
		}
	}
	switch {
	case key.Matches(msg, a.c.keys.ForceQuit):
		return a.forceQuit(), true
	case key.Matches(msg, a.c.keys.Present) && (msg.String() == "f5" || !s.typing()):
		a.setPresent(!a.c.present)
		return nil, true
	case key.Matches(msg, a.c.keys.TypingHelp) && a.active != screenHelp:
		return a.show(screenHelp, 0), true
	case a.c.dueBaseKeyPressed(msg):
		return s.update(dueBaseChangedMsg{}), true
	case s.typing():
		return nil, false
	case key.Matches(msg, a.c.keys.Quit):
		return a.quitUnlessVotesOpen(), true
	case key.Matches(msg, a.c.keys.Help) && a.active != screenHelp:
		return a.show(screenHelp, 0), true
	case key.Matches(msg, a.c.keys.Overview) && a.c.session != nil && a.active != screenOverview:
		return a.show(screenOverview, 0), true
	case key.Matches(msg, a.c.keys.Board) && a.c.session != nil && a.active != screenBoard:
		return a.show(screenBoard, 0), true
	}
	if cmd, handled := a.roomKey(msg); handled {
		return cmd, true
	}
	return nil, a.c.timerKey(msg)
}

// setPresent turns presenter mode on or off, and with it the styles for
// a projector (styles.go).
func (a *app) setPresent(on bool) {
	a.c.present = on
	if s, ok := a.screens[screenItem].(*itemScreen); ok {
		s.dataShown = false // hidden again on the projector (present_data.go)
	}
	a.c.styles = newStyles(a.c.styles.isDark, on).withSixteenColours(a.c.styles.sixteen)
	a.setHelpStyles()
}

// commitMsg asks the active screen to store whatever is typed in its
// fields into the plan, before the app saves and quits.
type commitMsg struct{}

// quit saves everything, including the field being typed, then exits.
// The program ends once every save has settled (see finishQuit), so that a
// save refused because the file changed on disk can still go to a copy,
// and one that failed can be offered a copy elsewhere.
func (a *app) quit() tea.Cmd {
	a.quitting = true
	cmd := a.screen(a.active).update(commitMsg{})
	if a.c.session == nil {
		return tea.Quit
	}
	if cmd == nil {
		cmd = save(a.c.session.Retry()) // a save that failed earlier: try again
	}
	if cmd != nil {
		return cmd
	}
	return a.finishQuit()
}

// ErrNotCreated is Run's error when ctrl+c left the new review's form:
// the plan asked for was not made, so ladder exits 130, as programs do for
// an abort, and a script that goes on to use the plan stops there.
var ErrNotCreated = errors.New("quit without creating the plan")

// forceQuit is ctrl+c: it saves and quits as q does, except on the new
// review's form, where it abandons the plan not created yet.
func (a *app) forceQuit() tea.Cmd {
	if a.c.session == nil && a.active == screenSetup {
		a.exitErr = ErrNotCreated
	}
	return a.quit()
}

// finishQuit ends the program when nothing is left to save. A save refused
// by a conflict goes to a copy beside the file, and the program says where
// when it ends; a save that failed shows what was not saved instead, and
// offers a copy elsewhere.
func (a *app) finishQuit() tea.Cmd {
	ss := a.c.session
	st := ss.State()
	switch {
	case st.Conflict:
		original := st.Path
		path, err := ss.SaveBeside()
		if err != nil {
			a.exitNotice = "ladder could not save your plan: " + original + " changed on disk, and a copy could not be written: " + err.Error()
		} else {
			a.exitNotice = original + " changed on disk, so ladder did not write over it; your plan is in " + path
		}
		return tea.Quit
	case st.Pending:
		return nil // the next savedMsg comes back here
	case st.Err != nil:
		a.quitting = false
		a.unsaved = &unsavedQuit{copyPath: ss.RescuePath()}
		return nil
	}
	return tea.Quit
}

// conflict reports whether a conflict is waiting for the person's choice.
func (a *app) conflict() bool { return a.c.session != nil && a.c.session.State().Conflict }

func (a *app) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.WindowTitle = "ladder"
	if a.quitting {
		return v
	}
	w, h := a.termWidth, a.termHeight
	if w == 0 && h == 0 {
		return v // size not known yet: draw nothing rather than a false notice
	}
	if a.tooSmall() {
		v.SetContent(a.tooSmallView())
		return v
	}
	s := a.screen(a.active)
	content := ""
	switch {
	case a.unsaved != nil:
		content = a.unsavedView()
	case a.conflict():
		content = a.conflictView()
	case a.presentFramed():
		content = a.presentHead(a.c.width) + "\n" + s.view()
	default:
		content = s.view()
	}
	// The help bubble lets its last item overflow a narrow window: cut the
	// footer's lines to the width, so they cannot widen the frame.
	footer := a.statusLine() + "\n" + a.keyHints(s)
	if strip := a.roomStrip(); strip != "" {
		footer = strip + "\n" + footer
	}
	// The renderer keeps a plan's C0 controls off the terminal, not its
	// bidirectional overrides or C1 controls (SECURITY.md).
	v.SetContent(safetext.Styled(a.frame(content, footer)))
	return v
}

// frame lays the body out in the body area (long lines wrapped, cut to the
// body's height, every line padded to the width) with the footer below,
// after the left margin (one cell, more on a terminal wider than
// maxBodyWidth): what a lipgloss style with a width, a height and padding
// would do, in one pass.
func (a *app) frame(body, footer string) string {
	w, h := a.c.width, a.c.height
	if a.presentFramed() {
		h += a.frameHeadHeight()
	}
	var b strings.Builder
	b.Grow(len(body) + len(footer) + (h+3)*(w+3))
	n := 0
	line := func(l string) {
		lw := a.lineWidth(l)
		b.WriteString(spaces(a.margin))
		b.WriteString(l)
		b.WriteString(spaces(w - lw + 1))
		b.WriteByte('\n')
		n++
	}
	for l := range strings.SplitSeq(body, "\n") {
		if n == h {
			break
		}
		if a.lineWidth(l) <= w {
			line(l)
			continue
		}
		for wl := range strings.SplitSeq(ansi.Wrap(l, w, ""), "\n") {
			if n == h {
				break
			}
			if a.lineWidth(wl) > w {
				wl = ansi.Truncate(wl, w, "")
			}
			line(wl)
		}
	}
	for n < h {
		line("")
	}
	for l := range strings.SplitSeq(footer, "\n") {
		line(l)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// lineWidth is the width of a line in cells (x/ansi, grapheme by
// grapheme), remembered from one frame to the next: measuring is most of
// the cost of a frame whose lines carry many styled marks (the summary's
// board, the project plan of a 1,000-item review), and a key changes a
// few lines. It is the one drawing cache the benchmarks show is needed
// (BENCHMARKS.md).
func (a *app) lineWidth(l string) int {
	if len(l) <= 1 {
		return len(l)
	}
	if w, ok := a.widths[l]; ok {
		return w
	}
	if a.widths == nil || len(a.widths) > 4096 {
		a.widths = make(map[string]int, 256)
	}
	w := ansi.StringWidth(l)
	a.widths[l] = w
	return w
}

// spaces returns n spaces (none for n <= 0).
func spaces(n int) string {
	const blank = "                                                                                                                                "
	if n <= 0 {
		return ""
	}
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}

// keyHints draws the footer's key hints. Help and quit always show; when
// the line is too narrow for every hint, the screen's hints go from the
// end of its list (each screen lists its most important first) until the
// rest fits.
func (a *app) keyHints(s screen) string {
	bs, always := a.shortHelp(s)
	return a.fitHints(bs, always)
}

// fitHints draws as many of bs as fit in the width, then always. It adds
// up the hints' widths and draws the line once: drawing the line again for
// each hint it dropped was half the cost of a key on the overview
// (pprof, 1,000 items at 80x24). A line's width is its hints' and a separator between
// each two, as help.ShortHelpView lays them out, in any order.
func (a *app) fitHints(bs, always []key.Binding) string {
	sep := ansi.StringWidth(a.help.Styles.ShortSeparator.Inline(true).Render(a.help.ShortSeparator))
	line, shown := 0, 0 // the line's width so far, and how many hints it has
	fits := func(kb key.Binding) bool {
		if !kb.Enabled() { // help.ShortHelpView leaves it out
			return true
		}
		w := a.hintWidth(kb)
		if shown > 0 {
			w += sep
		}
		line += w
		shown++
		return line <= a.c.width
	}
	for _, kb := range always {
		if !fits(kb) {
			return ansi.Truncate(a.help.ShortHelpView(always), a.c.width, "…")
		}
	}
	n := 0
	for n < len(bs) && fits(bs[n]) {
		n++
	}
	return a.help.ShortHelpView(append(slices.Clip(bs[:n]), always...))
}

// setHelpStyles draws the footer's hints in the app's styles, measured
// again in them.
func (a *app) setHelpStyles() {
	a.help.Styles = helpStyles(a.c.styles)
	a.hintWidths = nil
}

// hintWidth is the width of one hint as help.ShortHelpView draws it,
// remembered by its words: the footer's hints are a few dozen, the same
// from key to key, and drawing one to measure it costs more than the
// frame's other footer work.
func (a *app) hintWidth(kb key.Binding) int {
	h := kb.Help()
	if w, ok := a.hintWidths[h]; ok {
		return w
	}
	if a.hintWidths == nil || len(a.hintWidths) > 256 {
		a.hintWidths = make(map[key.Help]int, 64)
	}
	w := ansi.StringWidth(a.help.ShortHelpView([]key.Binding{kb}))
	a.hintWidths[h] = w
	return w
}

// shortHelp is the footer's hints: the screen's own, most important
// first, and the ones that always show (help and quit).
func (a *app) shortHelp(s screen) (bs, always []key.Binding) {
	switch {
	case a.unsaved != nil:
		return a.unsavedHelp(), nil
	case a.conflict():
		return []key.Binding{theConflictKeys.Reload, theConflictKeys.Copy}, []key.Binding{a.c.keys.ForceQuit}
	}
	bs = s.shortHelp()
	if a.stray != "" {
		bs = actWhileHeld(bs) // stray.go
	}
	quit, forceQuit := a.c.keys.Quit, a.c.keys.ForceQuit
	if a.c.session == nil { // nothing to save yet
		quit.SetHelp("q", "quit")
		forceQuit.SetHelp("ctrl+c", "quit")
		if a.active == screenSetup {
			forceQuit.SetHelp("ctrl+c", "quit without creating")
		}
	}
	switch {
	case a.active == screenHelp && a.stray != "":
		always = []key.Binding{forceQuit} // q is held (stray.go)
	case s.typing(), a.stray != "": // ? and q type, or are held: f1 and ctrl+c act
		always = []key.Binding{a.c.keys.TypingHelp, forceQuit}
	case a.active == screenHelp:
		always = []key.Binding{quit}
	default:
		always = []key.Binding{a.c.keys.Help, quit}
	}
	return bs, always
}

// statusLine says whether the plan is safely on disk, on one line cut to
// the width, or on two when a save failed: what went wrong, in plain
// words, and what to do.
func (a *app) statusLine() string {
	line := func(s string) string { return ansi.Truncate(s, a.c.width, "…") }
	ss := a.c.session
	if ss == nil {
		return ""
	}
	st := ss.State()
	sty := a.c.styles
	switch {
	case st.Conflict:
		// The screen above names the file (conflictView): here, where a
		// long path left "⚠" alone on the first line and cut the choice,
		// what happened and the keys.
		return sty.Warning.Render(wrapIndented("⚠ Not saved: the plan file changed on disk. Press R to reload it or C to save a copy beside it.", max(a.c.width-2, 1), 2, 3))
	case st.Err != nil:
		what, fix := st.Problem, st.Fix
		todo := "  Quitting offers to save a copy elsewhere."
		if fix != "" {
			todo = "  To save it, " + fix + ": ladder tries again with your next change. Quitting offers a copy elsewhere."
		}
		w := max(a.c.width, 1)
		// wrapIndented indents the lines after the first: they wrap in
		// two cells less, to stay within the width.
		return sty.Error.Render(wrapIndented("✗ Not saved: "+what+".", w, 0, 2)) + "\n" +
			sty.Warning.Render(wrapIndented(todo, max(1, w-2), 2, 2))
	case a.stray != "":
		return line(sty.Text.Render(a.stray))
	case a.warning != "":
		// Warnings name plan files, whose names come from pull requests:
		// cleaned as they are laid out (warningText), whatever said them
		// (the frame keeps colours).
		return a.warningText()
	case a.c.present && a.notice == (notice{}):
		return "" // a calm screen for the room: only problems (and what became of them) are said
	case a.c.present:
		return line(sty.Success.Render("✓ " + cmp.Or(a.presentNotice, a.notice.fit(a.c.width-2))))
	case st.Pending:
		return line(sty.Subtle.Render(a.withPath("saving… ", st.Path)))
	case a.notice != (notice{}):
		return line(sty.Success.Render("✓ " + a.notice.fit(a.c.width-2)))
	case st.Saved:
		return line(sty.Subtle.Render(a.withPath("✓ saved to ", st.Path)))
	default:
		return line(sty.Subtle.Render(a.withPath("", st.Path)))
	}
}

// withPath is words then the plan's path on the status line's one line,
// named as the screens name it (common.shown): a long file name
// shortened in its middle, as the new-review form says where a plan will
// be saved, where the edge cut it ("….y…").
func (a *app) withPath(words, path string) string {
	path = safetext.Line(a.c.shown(path)) // measured as it is drawn
	if short, ok := shortPath(path, a.c.width-ansi.StringWidth(words)); ok {
		path = short
	}
	return words + path
}

// notice is said in the status line until the next save: words, the
// file they name, and words after it.
type notice struct{ words, path, after string }

// fit lays the notice out in w cells: whole where it fits, else without
// the words after the path, the path shortened in its middle where it is
// still too long (shortPath), as the status line shortens it. Cut at the
// end, "your plan is now in plans/2026-12-01-hill-s-bakery-spri…" lost
// ".copy-1.yaml", the part that says which file.
func (n notice) fit(w int) string {
	path := safetext.Line(n.path) // measured as it is drawn
	if whole := n.words + path + n.after; ansi.StringWidth(whole) <= w {
		return whole
	}
	if short, ok := shortPath(path, w-ansi.StringWidth(n.words)); ok {
		path = short
	}
	return n.words + path
}

// openWarning is the status line's warning as ss opens: said first (what
// opening it did), then each warning the plan opens with, a line break
// apart (warningText); "" where there is none.
func openWarning(said string, ss *review.Session) string {
	return strings.Join(slices.DeleteFunc(append([]string{said}, ss.OpenWarnings()...), func(s string) bool { return s == "" }), "\n")
}

// warningText lays out the warnings, one a line break apart in
// a.warning: each begins on a line of its own with its sign, so that two
// read as two, within warningLines, the last line cut with an ellipsis.
// One that is good news (goodNews: a carry-on finished) keeps its ✓ and
// the success colour among them.
func (a *app) warningText() string {
	sty := a.c.styles
	w := max(a.c.width-2, 1)
	var each [][]string // each warning's lines
	var leads []int     // how many of each[i] its first sentence takes
	var good []bool     // whether each[i] is good news
	for said := range strings.SplitSeq(safetext.Terminal(a.warning), "\n") {
		news := strings.HasPrefix(said, goodNewsSign)
		if !news {
			said = "⚠ " + said
		}
		each = append(each, strings.Split(wrapIndented(said, w, 2, 0), "\n"))
		leads = append(leads, countLines(wrapIndented(firstSentence(said), w, 2, 0)))
		good = append(good, news)
	}
	var lines []string
	for i, n := range shareLinesBySentence(each, leads, a.warningLines()) {
		said := each[i]
		if n == 0 {
			continue // fewer lines than warnings: a window shrunk below its least
		}
		if len(said) > n {
			said = slices.Clone(said[:n])
			said[n-1] = ansi.Truncate(said[n-1], max(1, w-1), "") + "…"
		}
		for _, l := range said {
			if good[i] {
				lines = append(lines, sty.Success.Render(l))
			} else {
				lines = append(lines, sty.Warning.Render(l))
			}
		}
	}
	return strings.Join(lines, "\n")
}

// firstSentence is s up to the end of its first sentence (a full stop
// and a space), or all of s. A warning says first what and where, and
// what to do: a hand edit's slip, "…if it is the owner, put it in
// quotes: owner: '#1 team'.", then "A save keeps what ladder shows…".
// A full stop inside a value it quotes ends it early, so that less is
// kept whole, not more.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// shareLinesBySentence shares n lines among warnings as shareLines does,
// once each has the lines of its first sentence (leads) where those all
// fit: a fair share cut the hand edit's slip before what to do ("if it
// is …"), beside "This plan is open in another ladder session too. You
// can carry on: …", whose first line says it.
func shareLinesBySentence(each [][]string, leads []int, n int) []int {
	rest := make([][]string, len(each))
	lead := make([]int, len(each))
	left := n
	for i, lines := range each {
		lead[i] = min(leads[i], len(lines))
		rest[i] = lines[lead[i]:]
		left -= lead[i]
	}
	if left < 0 {
		return shareLines(each, n)
	}
	out := shareLines(rest, left)
	for i := range out {
		out[i] += lead[i]
	}
	return out
}

// shareLines shares n lines among warnings of the lengths given: each as
// many as it needs where all fit, else a fair share, what a short one
// leaves over going to the longer, so that each keeps its beginning and
// sign (cut after the first, the second said nothing); a warning is
// left out only where there are fewer lines than warnings.
func shareLines(each [][]string, n int) []int {
	out := make([]int, len(each))
	order := make([]int, len(each))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return len(each[x]) - len(each[y]) })
	for k, i := range order {
		share := n / (len(order) - k)
		out[i] = min(len(each[i]), share)
		n -= out[i]
	}
	return out
}

// goodNewsSign begins a line of the status line's warnings that is good
// news, said among them until the next save: a carry-on cut short,
// finished as the review opened.
const goodNewsSign = "✓ "

// tooSmall reports whether the window is known and too small to draw the
// review in.
func (a *app) tooSmall() bool {
	w, h := a.termWidth, a.termHeight
	return (w != 0 || h != 0) && (w < minWidth || h < minHeight)
}

// tooSmallView says the window is too small, and what the keys do
// meanwhile, in as many words as the window has room for: the fullest
// wording that fits, wrapped at spaces, down to the size it needs and the
// way out; in a window too small even for that, what fits.
func (a *app) tooSmallView() string {
	quit := "q saves and quits"
	if a.c.session == nil {
		quit = "q quits"
	}
	need := fmt.Sprintf("make the window at least %dx%d", minWidth, minHeight)
	now := fmt.Sprintf("(it is %dx%d now)", a.termWidth, a.termHeight)
	wait := "keys wait until it is bigger;"
	accessible := "ladder review --accessible\nasks in plain lines, at any size"
	w, h := max(1, a.termWidth), max(1, a.termHeight)
	var lines []string
	for _, notice := range []string{
		need + "\n" + now + "\n\n" + wait + "\n" + quit + "\n\n" + accessible,
		need + "\n" + now + "\n" + wait + "\n" + quit + "\n" + accessible,
		need + "\n" + now + "\n" + wait + "\n" + quit,
		need + "\n" + quit,
		fmt.Sprintf("needs %dx%d\n%s", minWidth, minHeight, quit),
	} {
		lines = wrapText(notice, w)
		if len(lines) <= h && longestWord(notice) <= w {
			break
		}
	}
	return strings.Join(lines[:min(len(lines), h)], "\n")
}

// longestWord is the width of the widest word in s, in cells.
func longestWord(s string) int {
	n := 0
	for _, word := range strings.Fields(s) {
		n = max(n, ansi.StringWidth(word))
	}
	return n
}

// tooSmallKey takes a key while the window is too small for the screen
// to be seen: only quitting works, so that no key rates, types or moves
// where nobody can see it. A choice waiting on screen (a conflict, an
// unsaved plan) has its own quit keys, which save what they can; there
// only ctrl+c goes through, since q would be a choice made blind.
func (a *app) tooSmallKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case a.unsaved != nil && key.Matches(msg, a.c.keys.ForceQuit):
		return a.unsavedKey(msg)
	case a.conflict() && key.Matches(msg, a.c.keys.ForceQuit):
		return a.conflictKey(msg)
	case a.unsaved != nil || a.conflict():
		return nil
	case key.Matches(msg, a.c.keys.ForceQuit):
		return a.forceQuit()
	case key.Matches(msg, a.c.keys.Quit):
		return a.quit()
	}
	return nil
}

func firstLineOf(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
