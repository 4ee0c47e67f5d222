package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/socialmobility/ladder/checklist"
)

// The workforce data in presenter mode. The review shows the plan's data
// beside the items about it (datapanel.go); a projector would show it to
// everyone in the room, and the figures are the employer's, protected
// (never a group under the threshold of 10, but still not for every
// room). So presenter mode hides them until the facilitator asks: on an
// item about the data, one calm line says the plan has data for it and
// that D shows it to the room; D shows it, in a box in the presenter
// column, the same protected lines as the review's panel without the
// data file's name and the command (render.WorkforceForRoom), and D
// hides it again. With no data file the line says so, plainly.
//
// Shown is for the item it was asked on: moving to another item (the
// next one about the data too), or leaving presenter mode and coming
// back, hides the data again. A projector then never shows the figures
// but at a key pressed while looking at that very screen: after a break,
// a jump from the board or p back to an earlier item, the facilitator
// would otherwise put them up without meaning to. One key brings them
// back, and the line on every item about the data says which.

// presentDataLine are the lines an item about the data may show while the
// data is hidden, longest first: the first that fits is drawn. Without
// data to show, they are plain words for the room, nothing a participant
// cannot use: the commands that import the data or say why it does not
// load are the owner's, on the screens out of presenter mode (P), and D
// reads the file again once it is imported (toggleData).
func (s *itemScreen) presentDataLine() []string {
	wf := &s.c.workforce
	k := s.keys.ShowData.Help().Key
	switch {
	case wf.room != nil:
		return []string{
			"The plan has workforce data for this item: " + k + " shows it to the room",
			"Workforce data for this item: " + k + " shows it to the room",
			"Workforce data: " + k + " shows it",
		}
	case wf.missing:
		return []string{"No workforce data in this plan yet.", "No workforce data yet."}
	}
	return []string{"The plan's workforce data could not be read.", "The workforce data could not be read."}
}

// presentDataTooShort are the lines a window too short for the data,
// once shown, may draw instead, longest first. On a projector the
// window is already as big as it goes: the terminal's text size is what
// gives the data its rows, so that is what they ask for first.
func (s *itemScreen) presentDataTooShort() []string {
	k := s.keys.ShowData.Help().Key
	return []string{
		"The workforce data does not fit: make the text smaller or the window taller to see it (" + k + " hides it)",
		"The data does not fit: make the text smaller or the window taller (" + k + " hides it)",
		"The data does not fit: make the text smaller (" + k + " hides it)",
		"Make the text smaller to see the data (" + k + " hides it)",
	}
}

// presentDataAbout reports whether the item on screen is about the data,
// and the data has been read: it then has the data's part.
func (s *itemScreen) presentDataAbout() bool {
	return s.entry().Item.Topic == checklist.TopicWorkforceData && s.c.workforce.lines != nil
}

// dataToShow reports whether the item on screen has data to show the
// room: it is about the data, and the data loads.
func (s *itemScreen) dataToShow() bool {
	return s.presentDataAbout() && s.c.workforce.room != nil
}

// showingData reports whether the data is shown to the room.
func (s *itemScreen) showingData() bool {
	return s.dataShown && s.dataToShow()
}

// toggleData is D: the data shown, or hidden again, on an item with
// data to show. On an item about the data with none to show (no data
// file when the review read it, or one that did not load), D reads the
// file again and shows what it holds: the line there says ladder data
// import adds it, and a facilitator who imports at the break, the review
// still open, presses D next. Without this the data came only with a
// restart of ladder, and of the room with a new PIN.
func (s *itemScreen) toggleData() tea.Cmd {
	switch {
	case s.dataToShow():
		s.dataShown = !s.dataShown
	case s.presentDataAbout():
		s.dataShown = true // shown once read, if the file now holds data
		return s.c.rereadWorkforce()
	}
	return nil
}

// presentDataHelp is the data's key in presenter mode's line of keys, on
// an item with data to show.
func (s *itemScreen) presentDataHelp() (key.Binding, bool) {
	if !s.dataToShow() {
		return key.Binding{}, false
	}
	b := s.keys.ShowData
	if s.dataShown {
		b.SetHelp(b.Help().Key, "hide the data")
	} else {
		b.SetHelp(b.Help().Key, "show the data")
	}
	return b, true
}

// presentDataFit is the room's lines wrapped in a width, and in block
// letters in another, kept: the layout asks for their height of every air
// it tries on every frame.
type presentDataFit struct {
	room   []string // the lines wrapped (the same slice while the data is)
	width  int
	paras  [][]string
	widest int

	bigWidth int
	bigRows  []string // nil when a line cannot be drawn so
	bigDone  bool
}

// sameRoom reports whether the fit is of the room's lines now.
func (f *presentDataFit) sameRoom(room []string) bool {
	return len(f.room) == len(room) && len(room) > 0 && &f.room[0] == &room[0]
}

// roomFit is the fit kept, emptied first when it is of other lines than
// the room's now.
func (s *itemScreen) roomFit() *presentDataFit {
	room, f := s.c.workforce.room, &s.dataFit
	if !f.sameRoom(room) {
		*f = presentDataFit{room: room}
	}
	return f
}

// dataParas are the room's lines, each wrapped in w cells (a path or a
// figure is not broken at a hyphen), and the widest line's width.
func (s *itemScreen) dataParas(w int) ([][]string, int) {
	f := s.roomFit()
	if f.width == w && f.paras != nil {
		return f.paras, f.widest
	}
	f.width, f.paras, f.widest = w, nil, 0
	for _, l := range f.room {
		wrapped, _ := wrapWords(l, w)
		for _, wl := range wrapped {
			f.widest = max(f.widest, ansi.StringWidth(wl))
		}
		f.paras = append(f.paras, wrapped)
	}
	return f.paras, f.widest
}

// dataBigRows are the room's lines in block letters in w cells, as the
// prompt questions are drawn on a big window: each line's three rows, a
// blank row between lines and two between paragraphs; firstRows is how
// many rows the first paragraph takes. nil when a character has no glyph.
func (s *itemScreen) dataBigRows(w int) (rows []string, firstRows int) {
	f := s.roomFit()
	if f.bigDone && f.bigWidth == w {
		return f.bigRows, s.dataBigFirst(w)
	}
	f.bigDone, f.bigWidth, f.bigRows = true, w, nil
	for i, l := range f.room {
		lines := s.bigWrapped(l, w)
		if lines == nil {
			f.bigRows = nil
			return nil, 0
		}
		if i > 0 {
			f.bigRows = append(f.bigRows, "", "")
		}
		for j, rows := range lines {
			if j > 0 {
				f.bigRows = append(f.bigRows, "")
			}
			f.bigRows = append(f.bigRows, rows...)
		}
	}
	return f.bigRows, s.dataBigFirst(w)
}

// dataBigFirst is how many rows the first paragraph takes in block
// letters in w cells.
func (s *itemScreen) dataBigFirst(w int) int {
	n := len(s.bigWrapped(s.c.workforce.room[0], w))
	return 4*n - 1
}

// dataBigWidth is the width the data is drawn in block letters in: the
// window's, but a margin and the box, since its lines are sentences (as
// the questions are, across the window).
func (s *itemScreen) dataBigWidth() int { return s.c.width - 8 }

// dataBig reports whether the data is drawn in block letters with air:
// on the big window's layouts, that draw the recommendation so, when
// every character has a glyph.
func (s *itemScreen) dataBig(air presentAir) bool {
	if !air.bigTitle || s.dataShownParas < len(s.c.workforce.room) {
		return false
	}
	rows, _ := s.dataBigRows(s.dataBigWidth())
	return rows != nil
}

// dataInner is the width the data's text wraps in, in the presenter
// column m: inside the box's border and a space each side.
func dataInner(m int) int { return max(1, m-4) }

// dataParaCounts are the numbers of the data's paragraphs for the layout
// to try, from most to least: all of them, down to none once the data is
// shown.
func (s *itemScreen) dataParaCounts() (most, least int) {
	all := len(s.c.workforce.room)
	if s.showingData() {
		return all, 0
	}
	return all, all
}

// presentDataHeight is how many lines the data's part takes with air, the
// blank line before it included: nothing on an item not about the data,
// the line while it is hidden; once shown, the box and the line under it,
// the box of the first dataShownParas paragraphs and the line saying there is
// more, or the line saying that the window is too short.
func (s *itemScreen) presentDataHeight(air presentAir, m int) int {
	if !s.presentDataAbout() {
		return 0
	}
	n := 1
	switch all := len(s.c.workforce.room); {
	case !s.showingData() || s.dataShownParas == 0:
	case s.dataBig(air):
		rows, _ := s.dataBigRows(s.dataBigWidth())
		n = len(rows) + 2 + 1
	default:
		n = s.dataBoxHeight(air, m, min(s.dataShownParas, all)) + 1
	}
	if air.blanks {
		n++
	}
	return n
}

// dataBoxHeight is how many lines the box takes with the first paras of
// the room's paragraphs in it.
func (s *itemScreen) dataBoxHeight(air presentAir, m, paras int) int {
	all, _ := s.dataParas(dataInner(m))
	n := 2 // the border
	for i, p := range all[:paras] {
		n += len(p)
		if i > 0 && air.blanks {
			n++
		}
	}
	return n
}

// presentData draws the data's part in at most h lines of w cells, in the
// presenter column m: the line saying there is data and which key shows
// it; once shown, the box of the room's lines and the key that hides them
// under it (left out first when short of room), else as many whole
// paragraphs as fit and a line saying there is more, else a line saying
// the window is too short. "" on an item not about the data.
func (s *itemScreen) presentData(st *styles, w, m int, air presentAir, h int) string {
	if !s.presentDataAbout() || h < 1 {
		return ""
	}
	if !s.showingData() {
		return centreIn(st.Subtle.Render(firstFitting(s.presentDataLine(), w)), w)
	}
	hides := centreIn(st.Subtle.Render(s.keys.ShowData.Help().Key+" hides it again"), w)
	if s.dataBig(air) {
		// The layouts that draw it so have room for all of it.
		return s.dataBigBox(st, w) + "\n" + hides
	}
	paras, widest := s.dataParas(dataInner(m))
	switch n := s.dataShownParas; {
	case n >= len(paras) && s.dataBoxHeight(air, m, n)+1 <= h:
		return s.dataBox(st, w, m, air, paras, widest, "") + "\n" + hides
	case n >= len(paras) && s.dataBoxHeight(air, m, n) <= h:
		return s.dataBox(st, w, m, air, paras, widest, "")
	case n > 0 && n < len(paras) && s.dataBoxHeight(air, m, n)+1 <= h:
		// The first paragraphs whole: half of the reading would read as
		// the whole of it.
		more := "… and more: make the text smaller to see it all"
		return s.dataBox(st, w, m, air, paras[:n], max(widest, min(ansi.StringWidth(more), dataInner(m))), more)
	}
	return centreIn(st.Warning.Render(firstFitting(s.presentDataTooShort(), w)), w)
}

// dataBox draws paragraphs in a calm rounded box as wide as the title's
// (the presenter column m), centred in w, their lines left-aligned in a
// block widest cells wide in its middle; the first paragraph
// (what was collected and the response rate) in bold. more, when not "",
// is a last line saying what is left out.
func (s *itemScreen) dataBox(st *styles, w, m int, air presentAir, paras [][]string, widest int, more string) string {
	var lines []string
	for i, p := range paras {
		if i > 0 && air.blanks {
			lines = append(lines, "")
		}
		style := st.Text
		if i == 0 {
			style = st.Label
		}
		for _, l := range p {
			lines = append(lines, style.Render(padRight(l, widest)))
		}
	}
	if more != "" {
		lines = append(lines, st.Subtle.Render(padRight(ansi.Truncate(more, widest, "…"), widest)))
	}
	edge := lipgloss.NewStyle().Foreground(st.Subtle.GetForeground())
	return indentLinesBy(box(lines, m, 0, lipgloss.RoundedBorder(), edge), (w-m)/2)
}

// dataBigBox draws the data in block letters in the calm box, centred in
// w, the first paragraph in bold.
func (s *itemScreen) dataBigBox(st *styles, w int) string {
	rows, first := s.dataBigRows(s.dataBigWidth())
	widest := 0
	for _, r := range rows {
		widest = max(widest, ansi.StringWidth(r))
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		style := st.Text
		if i < first {
			style = st.Label
		}
		lines[i] = style.Render(padRight(r, widest))
	}
	edge := lipgloss.NewStyle().Foreground(st.Subtle.GetForeground())
	bw := widest + 6
	return indentLinesBy(box(lines, bw, 0, lipgloss.RoundedBorder(), edge), (w-bw)/2)
}

// firstFitting is the first of lines, longest first, that fits w cells,
// else the last cut to fit.
func firstFitting(lines []string, w int) string {
	for _, l := range lines {
		if ansi.StringWidth(l) <= w {
			return l
		}
	}
	return ansi.Truncate(lines[len(lines)-1], w, "…")
}

// presentDataRoom is how many lines the data's part may take in the
// presenter layout: what the rest leaves it when the layout with air
// fits h; else what the rest leaves it less a line for the questions,
// if any, to say they are there.
func (s *itemScreen) presentDataRoom(air presentAir, m, titleLines, h int, rated, fits bool) int {
	if !s.presentDataAbout() {
		return 0
	}
	prompts := 0
	if fits {
		prompts = s.promptHeight(air, m)
	} else if len(s.entry().Item.Prompts) > 0 {
		prompts = 1
	}
	left := h - s.presentHeight(air, titleLines, prompts, rated) + s.presentDataHeight(air, m)
	if air.blanks {
		left--
	}
	return left
}
