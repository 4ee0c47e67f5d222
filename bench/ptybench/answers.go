package ptybench

import "strings"

// The queries a session answers, and its answers: those of a dark xterm.
// Lip Gloss's standalone background detection, for one, sends the
// background query followed by a device attributes query and waits two
// seconds for each reply, so a silent terminal would add seconds to a
// start-up it should not.
var answers = []struct{ query, reply string }{
	{"\x1b]11;?\x07", "\x1b]11;rgb:1c1c/1c1c/1c1c\x07"},
	{"\x1b]11;?\x1b\\", "\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\"},
	{"\x1b]10;?\x07", "\x1b]10;rgb:d0d0/d0d0/d0d0\x07"},
	{"\x1b]10;?\x1b\\", "\x1b]10;rgb:d0d0/d0d0/d0d0\x1b\\"},
	{"\x1b[c", "\x1b[?62;22c"},
	{"\x1b[0c", "\x1b[?62;22c"},
}

// longestQuery is the length of the longest query above: a query may be
// split across two reads, so the last longestQuery-1 bytes are scanned
// again with the next read.
var longestQuery = func() int {
	n := 0
	for _, a := range answers {
		n = max(n, len(a.query))
	}
	return n
}()

// A responder finds terminal queries in a program's output.
type responder struct {
	scanned int // queries ending at or before this offset have been answered
}

// scan returns the replies to the queries that appeared in out since the
// last scan, in the order they were asked.
func (r *responder) scan(out []byte) string {
	from := max(0, r.scanned-longestQuery+1)
	text := string(out[from:])
	var replies strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '\x1b' {
			continue
		}
		for _, a := range answers {
			end := from + i + len(a.query)
			if end > r.scanned && strings.HasPrefix(text[i:], a.query) {
				replies.WriteString(a.reply)
			}
		}
	}
	r.scanned = len(out)
	return replies.String()
}
