package plans

import (
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
)

// shownTarget is how a message names target, the file that ref (a link
// read from a plan) leads to, as ladder names files (ShownPath): the
// path whole when ref is short enough to be quoted whole, else its last
// safetext.ExcerptLength characters, which are ref's (the file's name
// and the folders just above it). A message quotes no more of a value
// from a file than an excerpt, even as part of a path; a link of
// thousands of characters would otherwise fill a CI log with each
// warning about it.
func shownTarget(ref, target string) string {
	target = ShownPath(target)
	if utf8.RuneCountInString(ref) <= safetext.ExcerptLength {
		return target
	}
	tail := target
	for n := utf8.RuneCountInString(tail); n > safetext.ExcerptLength; n-- {
		_, size := utf8.DecodeRuneInString(tail)
		tail = tail[size:]
	}
	return "…" + tail
}
