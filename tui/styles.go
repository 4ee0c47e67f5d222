package tui

import (
	"image/color"
	"maps"

	"charm.land/lipgloss/v2"
	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// styles holds every style the screens use, built from whether the
// terminal background is dark and whether the screen is on a projector
// (presenter mode). Colours are the 16 ANSI colours, so the
// user's own terminal theme (high contrast, colour-blind palettes) decides
// what they look like. Colour is never the only signal: ratings also carry a
// shape and a word (see plans.Mark), and focus is also shown by a marker.
type styles struct {
	isDark bool
	// projector is presenter mode's set: no dim grey for anything a
	// person must read, since a washed-out projector loses it. What is
	// secondary is in italics in the text colour instead, and the key
	// hints are in the text colour.
	projector bool

	App      lipgloss.Style // outer padding
	Title    lipgloss.Style // screen title (the recommendation on an item screen)
	Heading  lipgloss.Style // area name, section headings
	Subtle   lipgloss.Style // secondary text: counters, hints, paths
	Text     lipgloss.Style // body text
	Prompt   lipgloss.Style // prompt questions
	Label    lipgloss.Style // form field labels
	Focused  lipgloss.Style // the focused field label or list row
	Selected lipgloss.Style // a chosen option
	Error    lipgloss.Style // validation messages
	Success  lipgloss.Style // "saved" and similar
	Warning  lipgloss.Style // file changed on disk, overdue
	// Placeholder is what an empty field being typed in says: faint on a
	// laptop, as text fields are; in italics on a projector.
	Placeholder lipgloss.Style
	Clock       lipgloss.Style // the time left: bold in the text colour, which a washed-out projector keeps
	Box         lipgloss.Style // a bordered panel
	HelpKey     lipgloss.Style
	HelpDesc    lipgloss.Style
	levelColor  map[plans.Tone]color.Color // see plans.ToneAt
	// sixteen is set in a terminal of 16 colours, which turns the
	// 256-colour orange and lime into the red and green beside them.
	sixteen bool
}

// newStyles builds the styles for a background, for a laptop's screen or
// (projector) for presenter mode.
func newStyles(isDark, projector bool) styles {
	ld := lipgloss.LightDark(isDark)
	red := ld(lipgloss.Red, lipgloss.BrightRed)
	amber := ld(lipgloss.Yellow, lipgloss.BrightYellow)
	green := ld(lipgloss.Green, lipgloss.BrightGreen)
	accent := ld(lipgloss.Blue, lipgloss.BrightBlue)
	subtle := ld(lipgloss.BrightBlack, lipgloss.BrightBlack)

	s := styles{isDark: isDark, projector: projector}
	s.App = lipgloss.NewStyle().Padding(0, 1)
	s.Title = lipgloss.NewStyle().Bold(true)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Text = lipgloss.NewStyle()
	s.Prompt = lipgloss.NewStyle()
	s.Label = lipgloss.NewStyle().Bold(true)
	s.Focused = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Selected = lipgloss.NewStyle().Bold(true).Underline(true)
	s.Error = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Success = lipgloss.NewStyle().Foreground(green)
	s.Warning = lipgloss.NewStyle().Foreground(amber).Bold(true)
	s.Clock = lipgloss.NewStyle().Bold(true)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1)
	s.HelpKey = lipgloss.NewStyle().Bold(true)
	s.HelpDesc = lipgloss.NewStyle().Foreground(subtle)
	s.Placeholder = lipgloss.NewStyle().Faint(true)
	s.levelColor = map[plans.Tone]color.Color{plans.ToneRed: red, plans.ToneAmber: amber, plans.ToneGreen: green}
	s = s.withSixteenColours(false)
	if projector {
		s.Subtle = lipgloss.NewStyle().Italic(true)
		s.HelpDesc = lipgloss.NewStyle()
		s.Box = s.Box.UnsetBorderForeground()
		s.Placeholder = lipgloss.NewStyle().Italic(true)
	}
	return s
}

// withSixteenColours sets the orange and lime that come between red,
// amber and green on a scale of four or five levels. The 16 colours have
// neither, so they are two of the 256: a darker pair for a light
// background, which they must be read on, a brighter pair for a dark one.
// A terminal of 16 colours (sixteen) would show those as the red and
// green beside them, so there they are the other of each pair of the 16:
// the plain red and green where the ends are bright, on a dark
// background, and the bright ones on a light background.
func (s styles) withSixteenColours(sixteen bool) styles {
	ld := lipgloss.LightDark(s.isDark)
	colours := maps.Clone(s.levelColor)
	colours[plans.ToneOrange] = ld(lipgloss.Color("166"), lipgloss.Color("208"))
	colours[plans.ToneLime] = ld(lipgloss.Color("64"), lipgloss.Color("148"))
	if sixteen {
		colours[plans.ToneOrange] = ld(lipgloss.BrightRed, lipgloss.Red)
		colours[plans.ToneLime] = ld(lipgloss.BrightGreen, lipgloss.Green)
	}
	s.levelColor, s.sixteen = colours, sixteen
	return s
}

// styleKey says which set of styles drew something kept: a drawing kept
// from another set is drawn again. A terminal found to have 16 colours
// (sixteen) changes the levels' orange and lime.
type styleKey struct{ dark, projector, sixteen bool }

func (s *styles) key() styleKey { return styleKey{s.isDark, s.projector, s.sixteen} }

// levelStyle is the colour for scale position i of n (worst first).
func (s styles) levelStyle(i, n int) lipgloss.Style {
	st := lipgloss.NewStyle().Bold(true)
	if i < 0 {
		return st.Foreground(s.Subtle.GetForeground()).Bold(false)
	}
	return st.Foreground(s.levelColor[plans.ToneAt(i, n)])
}

// rating renders a rating as shape + word + colour: "■ Red".
func (s styles) rating(c *checklist.Checklist, key string) string {
	_, i, _ := c.Level(key)
	return s.levelStyle(i, len(c.Scale)).Render(plans.Label(c, key))
}

// ratingMark renders just the shape, coloured, for compact strips and boards.
func (s styles) ratingMark(c *checklist.Checklist, key string) string {
	_, i, _ := c.Level(key)
	return s.levelStyle(i, len(c.Scale)).Render(plans.Mark(c, key))
}
