//go:build unix

package tui_test

import (
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/socialmobility/ladder/room/roomtest"
)

// TestAccessibleRoomEndToEnd: ladder review --accessible --room, in a
// real pseudo-terminal, says where phones join and the PIN as plain
// lines; the server answers there, a phone that joins and votes is
// counted (never shown), and quit (twice, with the vote open) stops the
// server.
func TestAccessibleRoomEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e2ePlan(t, dir, "acme.yaml", acme)
	e := e2eStart(t, dir, e2eTerm{env: []string{"NO_COLOR=1"}},
		"review", "--accessible", "--room", "--listen", "127.0.0.1:0", "--room-pin", "4821", "--today", "2027-03-14", "plans/acme.yaml")
	screen := e.waitFor("Join address: http://127.0.0.1:", "PIN: 4821", "as --listen asked", "Rating: ")
	m := regexp.MustCompile(`Join address: (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no join address on the screen:\n%s", screen)
	}
	url := m[1]
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("the room does not answer at %s: %v", url, err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, res.Status)
	}

	roomtest.Joined(t, url, "4821").Vote("amber")
	e.typeText("votes\r")
	e.waitFor("1 of 1 voted.")
	if strings.Contains(e.screen.text(), "Amber 1") {
		t.Fatalf("the vote is shown before the reveal:\n%s", e.screen.text())
	}
	e.typeText("quit\r") // the vote is not revealed: asked again
	e.waitFor("1 vote is not revealed yet: quitting now loses it.")
	e.typeText("quit\r")
	text := e.exits(0)
	if !strings.Contains(text, "The room is closed") {
		t.Errorf("quitting does not say the room closed:\n%s", tailText(text, 800))
	}
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	if c, err := net.DialTimeout("tcp", host, time.Second); err == nil {
		c.Close()
		t.Errorf("the room still listens on %s after quit", host)
	}
}
