package tui

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A field that offers names (the owner fields) offers them to what is
// typed as people type names: without their marks, on a keyboard that
// has none ("sian" for Siân, "dang" for Đặng), and in any case. The
// text input completes only what begins with the letters typed, so it is
// given each name as a completion of those letters, and the name taken
// is put back as the plan writes it.

// completions are the names whose first letters are typed, each as the
// letters typed and the rest of the name ("sian" and " Llŷr"), with the
// name each stands for.
func completions(names []string, typed string) (offered []string, of map[string]string) {
	of = make(map[string]string, len(names))
	want := foldMarks(typed)
	for _, n := range names {
		rest, ok := restAfterFolded(n, want)
		if !ok {
			continue
		}
		c := typed + rest
		if _, twice := of[c]; !twice {
			offered = append(offered, c)
			of[c] = n
		}
	}
	return offered, of
}

// restAfterFolded is what follows the letters of name that read as
// folded once their marks and case are set aside, and whether they do.
// The rest never begins with a mark of the last letter read (a name
// written decomposed, "Zoe" and U+0308).
func restAfterFolded(name, folded string) (string, bool) {
	var b strings.Builder
	for i, r := range name {
		if b.Len() == len(folded) && !unicode.Is(unicode.Mn, r) {
			return name[i:], true
		}
		b.WriteString(foldMarks(string(r)))
		if !strings.HasPrefix(folded, b.String()) {
			return "", false
		}
	}
	return "", b.Len() == len(folded)
}

// foldMarks is s in small letters without its marks: the accents a
// letter is composed with (é, ŷ, ặ) and the few letters of Latin scripts
// that no accent makes (đ, ł, ø), as they are typed where the keyboard
// lacks them.
func foldMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'đ':
			r = 'd'
		case 'ł':
			r = 'l'
		case 'ø':
			r = 'o'
		case 'ı':
			r = 'i'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sameName is the name among names that text is, written another way: in
// other capitals, with other spaces ("sam  hill" for "Sam Hill") or with
// Latin letters typed bare ("sian llyr" for "Siân Llŷr"), the first such
// in names' order. It is "" when text is none of them, or is that name
// exactly as written. One person written two ways is two owners to the
// report, the project plan and status; but a mark typed is meant
// ("Ngọc Hạ" is not "Ngọc Hà"), and in other scripts a mark is often a
// vowel (कमार is not कुमार), so those must match.
func sameName(names []string, text string) string {
	want := letters(text)
	if len(want) == 0 {
		return ""
	}
	for _, n := range names {
		if !typedAs(letters(n), want) {
			continue
		}
		if n == text {
			return ""
		}
		return n
	}
	return ""
}

// letters is s in small letters, its words one space apart, each letter
// with the marks it is composed with (NFD).
func letters(s string) []string {
	var out []string
	for _, r := range norm.NFD.String(strings.ToLower(strings.Join(strings.Fields(s), " "))) {
		if unicode.Is(unicode.Mn, r) && len(out) > 0 {
			out[len(out)-1] += string(r)
			continue
		}
		out = append(out, string(r))
	}
	return out
}

// typedAs reports whether typed is name letter for letter, each letter
// either as the name writes it or, for a Latin letter, bare of its marks.
func typedAs(name, typed []string) bool {
	if len(name) != len(typed) {
		return false
	}
	for i, l := range name {
		if l == typed[i] {
			continue
		}
		base := []rune(l)[0]
		if !unicode.Is(unicode.Latin, base) || typed[i] != foldMarks(l) {
			return false
		}
	}
	return true
}
