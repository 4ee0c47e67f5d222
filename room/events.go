package room

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// events streams a phone's view as server-sent events: the view now, then
// again whenever what the phone sees changes (the facilitator moves on,
// reveals, agrees, asks for ideas). The browser reconnects by itself when
// the network drops or the phone wakes, and the first event after a
// reconnect is the current view, so a phone that was away catches up and
// its vote, kept by its token, is still there.
func (s *Server) events(w http.ResponseWriter, req *http.Request) {
	tok := token(req)
	kicked, err := s.room.openStream(tok)
	if err != nil {
		status := http.StatusUnauthorized
		if errors.Is(err, errTooManyStreams) || errors.Is(err, errClosed) {
			status = http.StatusServiceUnavailable
		}
		http.Error(w, sentence(err), status)
		return
	}
	defer s.room.closeStream(tok, kicked)

	rc := http.NewResponseController(w)
	// The server's read and write timeouts are for ordinary requests; a
	// stream lives as long as the phone listens, with a deadline on each
	// write instead, so a phone that stops reading is let go.
	_ = rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)

	send := func(b []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(writeWait))
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(fmt.Appendf(nil, "retry: %d\n\n", s.stream.retry.Milliseconds())) {
		return
	}
	ping := time.NewTicker(s.stream.ping)
	defer ping.Stop()
	var last []byte
	for {
		// Closing wakes the stream too: the last thing a phone is sent
		// is that the review has ended, not the page again.
		select {
		case <-s.room.Closing():
			send(event("view", render("view", endedView())))
			return
		default:
		}
		// Take the wake-up channel before rendering, so a change made
		// while rendering is not missed.
		wake, mine := s.room.phoneChanged(tok)
		if html := s.room.pageFor(tok, "view", ""); !bytes.Equal(html, last) {
			if !send(event("view", html)) {
				return
			}
			last = html
		}
		select {
		case <-wake:
		case <-mine:
		case <-ping.C:
			// An event, not a comment, so that the page hears it: a page
			// that hears nothing for streamQuiet takes its stream for
			// dead and opens another.
			if !send([]byte("event: ping\ndata: 1\n\n")) {
				return
			}
		case <-req.Context().Done():
			return
		case <-kicked:
			return
		case <-s.room.Closing():
		}
	}
}

// event formats one server-sent event; every line of data gets its own
// "data:" field.
func event(name string, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString("event: ")
	b.WriteString(name)
	b.WriteByte('\n')
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		b.WriteString("data: ")
		b.Write(bytes.TrimSuffix(line, []byte("\r")))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.Bytes()
}
