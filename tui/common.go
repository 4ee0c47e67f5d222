package tui

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// Minimum terminal size. Below it the app shows a notice instead of a
// broken layout.
const (
	minWidth  = 60
	minHeight = 16
)

// common is shared by every screen (one pointer, held by all): the size of
// the area a screen may draw in, the styles, the global keys, the options
// the program was started with, and the open plan. The app updates it on
// every WindowSizeMsg and when a plan is opened, so screens never pass size
// or styles around.
type common struct {
	// shownPaths holds the paths the screens name, as they name them
	// (plans.ShownPath), worked out once each rather than on every frame.
	shownPaths map[string]string

	width, height int // the body area: the terminal less the footer lines
	termHeight    int // the whole terminal's height
	styles        styles
	keys          globalKeys
	opts          Options
	today         plans.Date
	session       *review.Session // nil until a plan is open
	present       bool            // presenter mode: the projector layout (see present.go)
	now           func() time.Time
	timer         timebox // the time allowed per item (--timebox)
	// capitalBegins is a capital key taken as the first letter of a word,
	// while the screen is given it to begin its text (capital_word.go).
	capitalBegins string
	// typingPause is how long after the last key typed into a field the
	// text is stored (review.SaveTypingAfter; 0 in tests that drive the
	// screens without a clock, which send the pause themselves).
	typingPause time.Duration
	room        *roomSession  // the room voting from phones (--room), see room.go
	roomOnBoard bool          // the board shows the room's revealed spread under its tiles (board_room.go)
	boardGives  int           // lines the board's footer gives the room's strip after a reveal (board_room.go)
	ideasGen    uint64        // counts the times the room's ideas were offered again (room.go)
	workforce   workforceData // the plan's workforce data, for the items about it (datapanel.go)

	// pending is a screen change asked for during the current Update (see
	// goTo), which the app makes before the next message.
	pending *navigateMsg
	// carryFrom is the plan the start screen chose to carry on, for the
	// set-up screen to take (setup_carry.go).
	carryFrom *plans.File
	// carryFinished says a carry-on cut short was finished as the review
	// opened (review NEW --from OLD), for the status line; or "".
	carryFinished string
	// linked is the plan a carry-on this run gave its next_review line:
	// the exit notice says to commit it with the review (linkedNotice).
	// linkedTo is the plan that line names, the review as it was carried
	// on into: after C on the conflict screen the review is a copy.
	linked, linkedTo string
	// folderPlans are the plans the start screen found that load, newest
	// first, with their facts: the set-up form looks in them for the
	// organisation's last review (setup_carry.go).
	folderPlans []plans.Found
	folderFacts map[string]planFacts
	// plansBelow are the folders inside the plans folder that hold plans,
	// newest name first, when it holds none itself (startfolder.go): the
	// welcome names them.
	plansBelow []string
	// plansBelowNamed is review.FolderList(plansBelow), named once: it
	// walks up to the repository's top for each folder, and the welcome
	// draws it on every frame.
	plansBelowNamed string
	// yearsBeside caches inYearFolder's answer: 0 not asked yet, 1 no, 2 yes.
	yearsBeside int8
	// chooseOnStart is the plan the start screen chooses when it is next
	// shown, with what to say there: the review the set-up form pointed
	// at, for c or enter.
	chooseOnStart struct{ path, said string }
}

// inYearFolder reports whether the plans folder is named after a year
// with other years' folders beside it (plans.OtherYearFolders), read once:
// the set-up form asks on every key typed and every frame drawn.
func (c *common) inYearFolder() bool {
	if c.yearsBeside == 0 {
		c.yearsBeside = 1
		if len(plans.OtherYearFolders(c.opts.Dir)) > 0 {
			c.yearsBeside = 2
		}
	}
	return c.yearsBeside == 2
}

// goTo asks the app to show a screen as soon as the current Update returns,
// before any other key is handled. Prefer it to navigate, whose message
// comes back through a command: keys typed quickly (a fast typist, a
// pasted sequence) would reach the old screen in between.
func (c *common) goTo(to screenID, arg int) { c.pending = &navigateMsg{to, arg} }

// goBackNow is goTo for returning from help or the overview.
func (c *common) goBackNow() { c.pending = &navigateMsg{to: screenBack} }

// endScreen is where the review goes after the last next-steps question:
// the board in presenter mode (the room sees where it stands), else the
// summary.
func (c *common) endScreen() screenID {
	if c.present {
		return screenBoard
	}
	return screenSummary
}

// plan is the open plan (nil on the start and set-up screens).
func (c *common) plan() *plans.Plan {
	if c.session == nil {
		return nil
	}
	return c.session.Plan()
}

// pos is the item the review is at (checklist position), which the
// overview, the board and the advice open on.
func (c *common) pos() int { return c.session.CurrentItem() }

// readDue reads a due date as the session will store it.
func (c *common) readDue(text string) (plans.Date, error) {
	if c.session == nil {
		return plans.ParseDue(text, c.today)
	}
	return c.session.ParseDue(text)
}

// checklist is the open plan's checklist.
func (c *common) checklist() *checklist.Checklist { return c.plan().Checklist }

// open makes ss the review the screens show, its words naming items as
// the screens number them (itemName).
func (c *common) open(ss *review.Session) {
	c.session = ss
	ss.NameItems(c.itemName)
}

// itemName names an item as the screens number it, within its area:
// "Enablers item 1", or "item 1" in a checklist of one area. The whole
// checklist's count ("item 7") is another item on the board.
func (c *common) itemName(itemID string) string {
	cl := c.checklist()
	_, ref, ok := cl.Item(itemID)
	if !ok {
		return itemID
	}
	name := "item " + strconv.Itoa(ref.Index+1)
	if len(cl.Areas) > 1 {
		name = cl.Areas[ref.Area].Title + " " + name
	}
	return name
}

// screen is one full-screen view of the app, in the manner of soft-serve's
// components: a model that updates in place, draws into common's width and
// height, says which keys it takes (for the help line and the help screen),
// and says whether a text field has focus (then q types a q).
type screen interface {
	// init is called each time the app switches to the screen.
	init() tea.Cmd
	update(msg tea.Msg) tea.Cmd
	view() string
	// shortHelp lists the few keys for the footer; fullHelp groups every key
	// for the help screen.
	shortHelp() []key.Binding
	fullHelp() [][]key.Binding
	// typing reports whether a text field has focus.
	typing() bool
}

// screenID names the app's screens.
type screenID int

const (
	screenStart       screenID = iota // choose a plan to resume, or begin a new one
	screenSetup                       // a new review: organisation, title, people, checklist
	screenItem                        // one recommendation: rate it, action, owner, due, notes
	screenOverview                    // every item with its rating
	screenAreaSummary                 // counts for an area just finished
	screenFollowUp                    // one of the next-steps questions
	screenSummary                     // the end: board, counts, open actions, file and git commands
	screenHelp                        // every key, and the glossary
	screenBoard                       // every item as a tile, for a room
	screenGuidance                    // the source's advice for the item
	screenRoom                        // how to join the room: QR code, address, PIN (--room)

	screenBack screenID = -1 // in a pending navigation: back from help or the overview
)

// navigateMsg asks the app to show a screen. Arg is the item position for
// screenItem, the area index for screenAreaSummary, the follow-up index for
// screenFollowUp.
type navigateMsg struct {
	to  screenID
	arg int
}

func navigate(to screenID, arg int) tea.Cmd {
	return func() tea.Msg { return navigateMsg{to, arg} }
}

// openedMsg tells the app a plan is open (chosen on the start screen or
// created by set-up); the review starts where the session resumes. said,
// if any, is what opening it did (a carry-on finished, a link not
// written), said in the status line before the warnings the plan opens
// with (openWarning), not instead of them.
type openedMsg struct {
	session *review.Session
	said    string
	linked  string // the plan this carry-on gave its next_review line; "" when none
}

// shown is path as the screens name it (plans.ShownPath): from the top
// of the repository where it climbs out of the folder ladder runs in.
func (c *common) shown(path string) string {
	if name, ok := c.shownPaths[path]; ok {
		return name
	}
	if c.shownPaths == nil {
		c.shownPaths = map[string]string{}
	}
	c.shownPaths[path] = plans.ShownPath(path)
	return c.shownPaths[path]
}
