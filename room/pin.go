package room

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
)

// PINDigits is the length of a room's PIN. Four digits are quick to read
// off a projector and type; with the limits below, guessing one takes
// hours, longer than any workshop.
const PINDigits = 4

// NewPIN returns a random PIN.
func NewPIN() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(10000))
	if err != nil {
		return "", fmt.Errorf("room: no randomness for a PIN: %w", err)
	}
	return fmt.Sprintf("%0*d", PINDigits, n.Int64()), nil
}

// zeros are the digit zeros of the keyboards a phone in the room may type
// a PIN on, beside ASCII's: Arabic-Indic (a phone set to Arabic), Extended
// Arabic-Indic (Persian, Urdu), Devanagari, Bengali, and full-width (a
// Japanese or Chinese input method). Each script's ten digits follow its
// zero.
var zeros = []rune{'٠', '۰', '०', '০', '０'}

// typedPIN is the PIN a phone typed in ASCII digits: spaces and
// invisible marks around it dropped (a PIN pasted from a message), and the
// digits of the scripts above read as the digits they are. Anything else
// is left as it is, to be a wrong PIN.
func typedPIN(s string) string {
	return strings.Map(func(r rune) rune {
		for _, z := range zeros {
			if r >= z && r <= z+9 {
				return '0' + (r - z)
			}
		}
		return r
	}, strings.TrimFunc(s, invisibleAround))
}

// invisibleAround is what a pasted PIN may come wrapped in and no one
// typed: spaces, and the invisible marks (Unicode's format characters)
// that a message in a right-to-left language puts around a number, such
// as a right-to-left mark or a chat app's isolates.
func invisibleAround(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// The limits on wrong PINs. One address may get it wrong a few times (a
// typo, a misread digit); then it waits, longer each time. Across all
// addresses, a burst of wrong PINs pauses joining for everyone, so that
// many phones guessing together get no further than one.
const (
	freeTries        = 5
	firstBlock       = 30 * time.Second
	longestBlock     = 10 * time.Minute
	roomWrongPerMin  = 30
	roomPause        = time.Minute
	maxTrackedAddrs  = 1000
	forgetAddrsAfter = time.Hour
)

// pinGuard counts wrong PINs; it is used with Room.mu held.
type pinGuard struct {
	addrs       map[string]*tries
	recent      []time.Time // the room's wrong PINs in the last minute
	pausedUntil time.Time
}

type tries struct {
	wrong        int
	blockedUntil time.Time
	last         time.Time
}

func newPINGuard() pinGuard { return pinGuard{addrs: map[string]*tries{}} }

// blocked reports whether PINs from an address are refused now, and for
// how long still.
func (g *pinGuard) blocked(addr string, now time.Time) (time.Duration, bool) {
	if now.Before(g.pausedUntil) {
		return g.pausedUntil.Sub(now), true
	}
	if t := g.addrs[addr]; t != nil && now.Before(t.blockedUntil) {
		return t.blockedUntil.Sub(now), true
	}
	return 0, false
}

// wrong records a wrong PIN and returns the address's count of wrong tries
// and, if it is now blocked, for how long.
func (g *pinGuard) wrong(addr string, now time.Time) (int, time.Duration) {
	g.forget(now)
	t := g.addrs[addr]
	if t == nil {
		t = &tries{}
		g.addrs[addr] = t
	}
	t.wrong++
	t.last = now
	var wait time.Duration
	if t.wrong >= freeTries {
		wait = firstBlock << min(t.wrong-freeTries, 5)
		wait = min(wait, longestBlock)
		t.blockedUntil = now.Add(wait)
	}
	g.recent = append(g.recent, now)
	for len(g.recent) > 0 && now.Sub(g.recent[0]) > time.Minute {
		g.recent = g.recent[1:]
	}
	if len(g.recent) >= roomWrongPerMin {
		g.pausedUntil = now.Add(roomPause)
		g.recent = g.recent[:0]
		wait = max(wait, roomPause)
	}
	return t.wrong, wait
}

// right forgets an address's wrong tries once it gets the PIN right.
func (g *pinGuard) right(addr string) { delete(g.addrs, addr) }

// forget drops addresses not heard from for a long time, and keeps the
// table bounded whoever sends PINs.
func (g *pinGuard) forget(now time.Time) {
	for addr, t := range g.addrs {
		if len(g.addrs) < maxTrackedAddrs && now.Sub(t.last) < forgetAddrsAfter {
			continue
		}
		if now.After(t.blockedUntil) {
			delete(g.addrs, addr)
		}
	}
}
