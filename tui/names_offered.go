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
// other capitals, without its marks or with other spaces ("sam  hill" for
// "Sam Hill"), the first such in names' order. It is "" when text is none
// of them, or is that name exactly as written. One person written two
// ways is two owners to the report, the project plan and status.
func sameName(names []string, text string) string {
	want := foldMarks(strings.Join(strings.Fields(text), " "))
	if want == "" {
		return ""
	}
	for _, n := range names {
		if foldMarks(strings.Join(strings.Fields(n), " ")) == want {
			if n == text {
				return ""
			}
			return n
		}
	}
	return ""
}
