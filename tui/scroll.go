package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// scrollKeys move a window up and down a page taller than the screen (the
// summary, the advice). b is not among them: it opens the board everywhere.
type scrollKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
}

func newScrollKeys() scrollKeys {
	return scrollKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "scroll")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "page")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/end", "top / bottom")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "bottom")),
	}
}

// all lists the bindings for a help screen: one of each pair, whose help
// names both keys ("↑/↓ scroll").
func (k scrollKeys) all() []key.Binding {
	return []key.Binding{k.Up, k.PageUp, k.Top}
}

// pageKeys are the keys of a page that is only read (the help, the
// advice): they scroll it, and Back leaves it.
type pageKeys struct {
	Back key.Binding
	scrollKeys
}

func newPageKeys(back key.Binding) pageKeys {
	return pageKeys{Back: back, scrollKeys: newScrollKeys()}
}

func (k pageKeys) shortHelp() []key.Binding { return []key.Binding{k.Back, k.Up, k.PageUp} }

func (k pageKeys) fullHelp() [][]key.Binding {
	return [][]key.Binding{append([]key.Binding{k.Back}, k.all()...)}
}

// page is the update of a page that is only read: Back goes back to the
// screen before it, the other keys scroll it; draw gives its lines.
func (s *scroller) page(c *common, msg tea.Msg, keys pageKeys, draw func() []string) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return
	}
	if key.Matches(k, keys.Back) {
		c.goBackNow()
		return
	}
	s.handle(k, keys.scrollKeys, len(draw()), c.height)
}

// scroller is the position of a window of height lines onto a page of
// total lines. A page taller than the window gives up its last line to say
// where the window is, so a long page never looks cut off.
type scroller struct {
	offset int
	// keys says which keys scroll, in the line under the window; empty:
	// "↑↓ pgup pgdown".
	keys string
}

// room is how many lines of the page a window of height shows.
func room(total, height int) int {
	if total > height {
		return max(height-1, 1)
	}
	return height
}

// handle moves the window for a scrolling key, and reports whether k was one.
func (s *scroller) handle(k tea.KeyPressMsg, keys scrollKeys, total, height int) bool {
	page := room(total, height)
	switch {
	case key.Matches(k, keys.Up):
		s.offset--
	case key.Matches(k, keys.Down):
		s.offset++
	case key.Matches(k, keys.PageUp):
		s.offset -= page
	case key.Matches(k, keys.PageDown):
		s.offset += page
	case key.Matches(k, keys.Top):
		s.offset = 0
	case key.Matches(k, keys.Bottom):
		s.offset = total
	default:
		return false
	}
	s.clamp(total, height)
	return true
}

func (s *scroller) clamp(total, height int) {
	s.offset = max(min(s.offset, total-room(total, height)), 0)
}

// window draws the lines that fit, and under them, when the page is taller
// than the window, which lines they are.
func (s *scroller) window(st *styles, lines []string, width, height int) string {
	if len(lines) <= height {
		return strings.Join(lines, "\n")
	}
	s.clamp(len(lines), height)
	end := min(s.offset+room(len(lines), height), len(lines))
	shown := append([]string(nil), lines[s.offset:end]...)
	keys := s.keys
	if keys == "" {
		keys = "↑↓ pgup pgdown"
	}
	more := fmt.Sprintf("lines %d–%d of %d · %s to scroll", s.offset+1, end, len(lines), keys)
	return strings.Join(append(shown, st.Subtle.Render(ansi.Truncate(more, width, "…"))), "\n")
}
