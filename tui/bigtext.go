package tui

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Block lettering for presenter mode on a big window: a terminal cannot
// make its type bigger, so presenter mode draws the recommendation and the
// rating in letters made of block characters when the window has room.
//
// The letters are a pixel font of capitals, figures, the punctuation the
// checklists use and the rating shapes, drawn here: each glyph is five rows
// of pixels, three to five wide. Drawn with half blocks (▀ ▄ █) a pixel is
// one cell wide and half a cell high, square on a terminal's usual 1:2
// cells, so a line of text is three rows high and four cells a letter:
// three times the height of ordinary text, and 55 letters a line at
// 240x67. Drawn "double", a pixel is two cells of █, for a badge of five
// rows. (Figlet fonts, the usual ready-made big text, are line drawings in
// ASCII that wash out on a projector, or far larger than a 44-letter
// recommendation can use.) Letters with accents are drawn without them;
// text with any other character is not drawn big at all (ok is false), and
// the screen draws it as ordinary text instead.

// glyphRows is the height of a glyph in pixels.
const glyphRows = 5

// glyphs maps a character to its pixels, "#" set.
var glyphs = map[rune][glyphRows]string{
	'A':  {".#.", "#.#", "###", "#.#", "#.#"},
	'B':  {"##.", "#.#", "##.", "#.#", "##."},
	'C':  {".##", "#..", "#..", "#..", ".##"},
	'D':  {"##.", "#.#", "#.#", "#.#", "##."},
	'E':  {"###", "#..", "##.", "#..", "###"},
	'F':  {"###", "#..", "##.", "#..", "#.."},
	'G':  {".##", "#..", "#.#", "#.#", ".##"},
	'H':  {"#.#", "#.#", "###", "#.#", "#.#"},
	'I':  {"###", ".#.", ".#.", ".#.", "###"},
	'J':  {"..#", "..#", "..#", "#.#", ".#."},
	'K':  {"#.#", "#.#", "##.", "#.#", "#.#"},
	'L':  {"#..", "#..", "#..", "#..", "###"},
	'M':  {"#...#", "##.##", "#.#.#", "#...#", "#...#"},
	'N':  {"#..#", "##.#", "#.##", "#..#", "#..#"},
	'O':  {".#.", "#.#", "#.#", "#.#", ".#."},
	'P':  {"##.", "#.#", "##.", "#..", "#.."},
	'Q':  {".#.", "#.#", "#.#", "##.", ".##"},
	'R':  {"##.", "#.#", "##.", "#.#", "#.#"},
	'S':  {".##", "#..", ".#.", "..#", "##."},
	'T':  {"###", ".#.", ".#.", ".#.", ".#."},
	'U':  {"#.#", "#.#", "#.#", "#.#", "###"},
	'V':  {"#.#", "#.#", "#.#", "#.#", ".#."},
	'W':  {"#...#", "#...#", "#.#.#", "##.##", "#...#"},
	'X':  {"#.#", "#.#", ".#.", "#.#", "#.#"},
	'Y':  {"#.#", "#.#", ".#.", ".#.", ".#."},
	'Z':  {"###", "..#", ".#.", "#..", "###"},
	'0':  {"###", "#.#", "#.#", "#.#", "###"},
	'1':  {".#", "##", ".#", ".#", ".#"},
	'2':  {"##.", "..#", ".#.", "#..", "###"},
	'3':  {"##.", "..#", ".#.", "..#", "##."},
	'4':  {"#.#", "#.#", "###", "..#", "..#"},
	'5':  {"###", "#..", "##.", "..#", "##."},
	'6':  {".##", "#..", "###", "#.#", "###"},
	'7':  {"###", "..#", ".#.", ".#.", ".#."},
	'8':  {"###", "#.#", "###", "#.#", "###"},
	'9':  {"###", "#.#", "###", "..#", "##."},
	' ':  {"..", "..", "..", "..", ".."},
	'.':  {".", ".", ".", ".", "#"},
	',':  {".", ".", ".", "#", "#"},
	':':  {".", "#", ".", "#", "."},
	';':  {".", "#", ".", "#", "#"},
	'!':  {"#", "#", "#", ".", "#"},
	'?':  {"##.", "..#", ".#.", "...", ".#."},
	'\'': {"#", "#", ".", ".", "."},
	'"':  {"#.#", "#.#", "...", "...", "..."},
	'-':  {"..", "..", "##", "..", ".."},
	'/':  {"..#", "..#", ".#.", "#..", "#.."},
	'(':  {".#", "#.", "#.", "#.", ".#"},
	')':  {"#.", ".#", ".#", ".#", "#."},
	'&':  {".#..", "#.#.", ".#..", "#.##", ".##."},
	'+':  {"...", ".#.", "###", ".#.", "..."},
	'%':  {"#.#", "..#", ".#.", "#..", "#.#"},
	'•':  {"..", "##", "##", "..", ".."},
	'>':  {"#..", ".#.", "..#", ".#.", "#.."},
	'›':  {"#..", ".#.", "..#", ".#.", "#.."},
	// The rating shapes (plans.Mark).
	'■': {"#####", "#####", "#####", "#####", "#####"},
	'●': {".###.", "#####", "#####", "#####", ".###."},
	'○': {".###.", "#...#", "#...#", "#...#", ".###."},
	'▲': {"..#..", "..#..", ".###.", ".###.", "#####"},
	'◆': {"..#..", ".###.", "#####", ".###.", "..#.."},
	'★': {"..#..", "#####", ".###.", ".#.#.", "#...#"},
	'✚': {"..#..", "..#..", "#####", "..#..", "..#.."},
}

// glyphLike are characters drawn as another's glyph.
var glyphLike = map[rune]rune{
	'‘': '\'', '’': '\'', '“': '"', '”': '"', '–': '-', '—': '-', '‐': '-', '‑': '-', '…': '.',
}

// glyphFor is a character's glyph: capitals for small letters, accents
// dropped (é is drawn as E).
func glyphFor(r rune) ([glyphRows]string, bool) {
	if g, ok := glyphs[r]; ok {
		return g, true
	}
	if like, ok := glyphLike[r]; ok {
		return glyphs[like], true
	}
	if u := unicode.ToUpper(r); u != r {
		if g, ok := glyphs[u]; ok {
			return g, true
		}
	}
	for _, base := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, base) {
			if g, ok := glyphs[unicode.ToUpper(base)]; ok && base != r {
				return g, true
			}
		}
	}
	return [glyphRows]string{}, false
}

// bigWidth is how many pixels wide text is drawn (a pixel's gap between
// characters), or -1 when a character has no glyph.
func bigWidth(text string) int {
	w := 0
	for i, r := range text {
		g, ok := glyphFor(r)
		if !ok {
			return -1
		}
		if i > 0 {
			w++
		}
		w += len(g[0])
	}
	return w
}

// pixels lays text's glyphs side by side, a pixel apart.
func pixels(text string) [glyphRows]string {
	var rows [glyphRows]strings.Builder
	first := true
	for _, r := range text {
		g, _ := glyphFor(r)
		for y := range glyphRows {
			if !first {
				rows[y].WriteByte('.')
			}
			rows[y].WriteString(g[y])
		}
		first = false
	}
	var out [glyphRows]string
	for y := range rows {
		out[y] = rows[y].String()
	}
	return out
}

// bigLine draws one line of text in half blocks: three rows, one cell a
// pixel. ok is false when a character has no glyph.
func bigLine(text string) (rows []string, ok bool) {
	if bigWidth(text) < 0 {
		return nil, false
	}
	px := pixels(text)
	rows = make([]string, 0, (glyphRows+1)/2)
	for y := 0; y < glyphRows; y += 2 {
		var b strings.Builder
		for x := range len(px[y]) {
			top := px[y][x] == '#'
			bottom := y+1 < glyphRows && px[y+1][x] == '#'
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteByte(' ')
			}
		}
		rows = append(rows, strings.TrimRight(b.String(), " "))
	}
	return rows, true
}

// bigDouble draws text with each pixel two cells of █ wide and a row
// high: five rows, for a short word such as a rating. ok is false when a
// character has no glyph.
func bigDouble(text string) (rows []string, ok bool) {
	if bigWidth(text) < 0 {
		return nil, false
	}
	px := pixels(text)
	rows = make([]string, glyphRows)
	for y := range glyphRows {
		var b strings.Builder
		for x := range len(px[y]) {
			if px[y][x] == '#' {
				b.WriteString("██")
			} else {
				b.WriteString("  ")
			}
		}
		rows[y] = strings.TrimRight(b.String(), " ")
	}
	return rows, true
}

// bigWrap splits text into lines that bigLine draws in at most width
// cells, breaking between words. ok is false when a character has no
// glyph or a word alone is wider than width.
func bigWrap(text string, width int) (lines []string, ok bool) {
	line := ""
	for _, word := range strings.Fields(text) {
		ww := bigWidth(word)
		if ww < 0 || ww > width {
			return nil, false
		}
		if line == "" {
			line = word
			continue
		}
		if bigWidth(line+" "+word) <= width {
			line += " " + word
			continue
		}
		lines = append(lines, line)
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, len(lines) > 0
}
