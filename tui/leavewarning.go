package tui

// leaveWarning is the one way the screens let a person leave a due date
// that is not a date (issue 12.2): the first key that would leave it is
// refused with why and how to go on; the same key again leaves, the date
// unsaved (kept by the session, said as ladder ends). Another key is
// warned of afresh, as it may leave for elsewhere. The item screen, a
// next-steps question and a project-plan step all use it.
type leaveWarning struct {
	text string // the warning shown, "" when there is none
	key  string // the key the warning names
}

// warn says why the key pressed did not leave, and that pressing it
// again will.
func (w *leaveWarning) warn(why, pressed string) {
	again := "the key"
	if pressed != "" {
		again = pressed
	}
	w.text, w.key = why+" Press "+again+" again to leave it unsaved.", pressed
}

// again reports whether the key pressed is the one the warning named.
func (w *leaveWarning) again(pressed string) bool { return w.text != "" && w.key == pressed }

// clear takes the warning away: the date was stored or left, or the
// person is typing, putting it right maybe.
func (w *leaveWarning) clear() { w.text = "" }

// view is the warning as the screens show it, under the date, or "".
func (w *leaveWarning) view(st *styles, width int) string {
	if w.text == "" {
		return ""
	}
	return st.Warning.Render(wrapIndented("⚠ "+w.text, max(1, width-2), 2, 3))
}

// unreadDueWarning says why a next-steps due date that is not a date was
// not saved (the item screen quotes the text: review's UnreadDueWarning).
const unreadDueWarning = "This due date is not a date, so it is not saved. Put it right, or clear it to leave no date."
