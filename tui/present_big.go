package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// Presenter mode's text scale: on a projector's big window the questions
// and the levels grow with the window as the recommendation does, drawn
// in the same block letters (bigtext.go), so that the room reads what it
// is asked and what each level means from the back, not only the title.
// Before a rating, each level's shape and word are in block letters in
// its colour, with what it means beside them (in block letters too when
// the window is wide enough, else in bold); "NOT RATED YET" in block
// letters in its box; after it, what the chosen level means under the
// badge. The prompt questions are in block letters across the width of
// the window, each after a bullet, when they all fit; a long list of them
// stays ordinary text, and scrolls. The layout (presentAirs) gives up the
// questions' size first, then the levels', before the title's.

// bigPromptIndent is the cells before a question's lines: the bullet and
// a space, in block letters.
var bigPromptIndent = bigWidth("• ") + 1

// bigTextKey is a text in block letters at a width.
type bigTextKey struct {
	text  string
	width int
}

// bigWrapped is text in block letters wrapped in w cells, each line its
// three rows; nil when a character has no glyph or a word is wider than
// w. It is worked out once per text and width: the layout asks on every
// frame.
func (s *itemScreen) bigWrapped(text string, w int) [][]string {
	k := bigTextKey{text, w}
	if got, ok := s.bigTexts[k]; ok {
		return got
	}
	if s.bigTexts == nil || len(s.bigTexts) > 256 {
		s.bigTexts = map[bigTextKey][][]string{}
	}
	var out [][]string
	if lines, ok := bigWrap(strings.ToUpper(text), w); ok {
		for _, l := range lines {
			rows, _ := bigLine(l)
			out = append(out, rows)
		}
	}
	s.bigTexts[k] = out
	return out
}

// bigPromptRows are the prompt questions in block letters, each after a
// bullet and wrapped in w cells, a blank row between them; nil when any
// cannot be drawn so.
func (s *itemScreen) bigPromptRows(prompts []string, w int) []string {
	if len(prompts) == 0 {
		return nil
	}
	bullet, _ := bigLine("•")
	var rows []string
	for i, p := range prompts {
		lines := s.bigWrapped(p, w-bigPromptIndent)
		if lines == nil {
			return nil
		}
		if i > 0 {
			rows = append(rows, "")
		}
		for j, l := range lines {
			for y, r := range l {
				lead := spaces(bigPromptIndent)
				if j == 0 {
					lead = padRight(bullet[y], bigPromptIndent)
				}
				rows = append(rows, lead+r)
			}
		}
	}
	return rows
}

// bigPromptWidth is the width the questions in block letters take in a
// window w cells wide: the presenter column m, under the title, or, wide,
// the whole window but a margin, since they are as long as sentences.
func bigPromptWidth(air presentAir, w, m int) int {
	if air.widePrompts {
		return w - 4
	}
	return m - 4
}

// presentBigPrompts draws the questions in block letters in at most pw
// cells, as a block centred in w.
func (s *itemScreen) presentBigPrompts(st *styles, w, pw int) string {
	rows := s.bigPromptRows(s.entry().Item.Prompts, pw)
	width := 0
	for _, r := range rows {
		width = max(width, ansi.StringWidth(r))
	}
	for i, r := range rows {
		if r != "" {
			rows[i] = spaces((w-width)/2) + st.Prompt.Render(r)
		}
	}
	s.promptsCut = false // every one shows
	return strings.Join(rows, "\n")
}

// bigLevelGap is the space between a level's word and what it means.
const bigLevelGap = 4

// presentBigLevels draws every level of the scale in block letters, each
// on its own three rows and a blank row between them, as a block centred
// in w: › at the one the arrows point at while rating, the shape and the
// word in the level's colour, and what it means, in block letters when
// every level's meaning fits beside its word, else in bold on the middle
// row. It is "" when the words cannot be drawn so.
func (s *itemScreen) presentBigLevels(st *styles, w int) string {
	c := s.c.checklist()
	n := len(c.Scale)
	words := make([][]string, n)
	wordWidth := 0
	for i, l := range c.Scale {
		text := plans.MarkAt(i, n) + " " + strings.ToUpper(l.Label)
		rows := s.bigWrapped(text, w)
		if len(rows) != 1 {
			return ""
		}
		words[i] = rows[0]
		wordWidth = max(wordWidth, bigWidth(text))
	}
	cursor, _ := bigLine("›")
	lead := bigWidth("›") + 2
	// What each level means: in block letters if all fit, else in bold.
	room := w - lead - wordWidth - bigLevelGap
	means := make([][]string, n)
	meansWidth := 0
	for i, l := range c.Scale {
		rows := s.bigWrapped(l.Description, room)
		if len(rows) != 1 {
			means = nil
			break
		}
		means[i] = rows[0]
		meansWidth = max(meansWidth, bigWidth(strings.ToUpper(l.Description)))
	}
	if means == nil {
		meansWidth = 0
		for _, l := range c.Scale {
			meansWidth = max(meansWidth, ansi.StringWidth(l.Description))
		}
		meansWidth = min(meansWidth, max(1, room))
	}
	indent := max(0, (w-lead-wordWidth-bigLevelGap-meansWidth)/2)
	var out []string
	for i, l := range c.Scale {
		if i > 0 {
			out = append(out, "")
		}
		ls := st.levelStyle(i, n)
		for y, word := range words[i] {
			line := spaces(indent)
			if s.focus == focusRating && i == s.cursor {
				line += st.Focused.Render(padRight(cursor[y], lead))
			} else {
				line += spaces(lead)
			}
			line += ls.Render(padRight(word, wordWidth)) + spaces(bigLevelGap)
			switch {
			case means != nil:
				line += st.Text.Render(means[i][y])
			case y == 1:
				line += st.Label.Render(ansi.Truncate(l.Description, meansWidth, "…"))
			}
			out = append(out, strings.TrimRight(line, " "))
		}
	}
	return strings.Join(out, "\n")
}

// presentBigMeaning is what the chosen level means, in block letters
// centred in w, or in ordinary text when it does not fit.
func (s *itemScreen) presentBigMeaning(st *styles, what string, w int) string {
	rows := s.bigWrapped(what, w)
	if len(rows) != 1 {
		return centreIn(st.Text.Render(ansi.Truncate(what, w, "…")), w)
	}
	width := bigWidth(strings.ToUpper(what))
	out := make([]string, len(rows[0]))
	for i, r := range rows[0] {
		out[i] = spaces((w-width)/2) + st.Text.Render(r)
	}
	return strings.Join(out, "\n")
}

// unratedBadgeText is the badge before a rating, as block letters draw it.
func (s *itemScreen) unratedBadgeText() string {
	return plans.Mark(s.c.checklist(), checklist.Unrated) + " NOT RATED YET"
}

// ratedMeaning is what the chosen level means ("" before a rating).
func (s *itemScreen) ratedMeaning() string {
	l, _, _ := s.c.checklist().Level(s.response().Rating)
	return l.Description
}

// bigDrawable reports whether text is drawn in block letters on one line
// of w cells.
func (s *itemScreen) bigDrawable(text string, w int) bool {
	return text != "" && len(s.bigWrapped(text, w)) == 1
}

// bigLevelsDrawable reports whether presentBigLevels draws the levels in
// w cells: every level's shape and word in block letters on one line.
func (s *itemScreen) bigLevelsDrawable(w int) bool {
	c := s.c.checklist()
	for i, l := range c.Scale {
		if !s.bigDrawable(plans.MarkAt(i, len(c.Scale))+" "+strings.ToUpper(l.Label), w) {
			return false
		}
	}
	return true
}
