package room

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestNewPIN(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		pin, err := NewPIN()
		if err != nil {
			t.Fatal(err)
		}
		if len(pin) != PINDigits || strings.Trim(pin, "0123456789") != "" {
			t.Fatalf("PIN %q is not %d digits", pin, PINDigits)
		}
		seen[pin] = true
	}
	if len(seen) < 40 {
		t.Errorf("50 PINs gave only %d different ones", len(seen))
	}
}

func TestWrongPINsAreLimitedAndLogged(t *testing.T) {
	r, clk := newTestRoom(t)
	from := "192.168.1.40"
	for i := 1; i < freeTries; i++ {
		if _, err := r.Join("1234", from); !errors.Is(err, ErrWrongPIN) {
			t.Fatalf("wrong PIN %d: %v", i, err)
		}
	}
	notices := r.Status().Notices
	if len(notices) != maxNotices || !strings.Contains(notices[len(notices)-1], "Wrong PIN from a phone (try 4)") {
		t.Errorf("notices = %q", notices)
	}
	if _, err := r.Join("1234", from); !errors.Is(err, ErrWrongPIN) {
		t.Fatalf("the last free try: %v", err)
	}
	if n := r.Status().Notices; !strings.Contains(n[len(n)-1], "refused for 30 seconds") {
		t.Errorf("blocking is not on the facilitator's screen: %q", n)
	}
	// Blocked: even the right PIN is refused, so guessing learns nothing.
	_, err := r.Join("4821", from)
	var retry *RetryError
	if !errors.As(err, &retry) || !errors.Is(err, ErrTooManyTries) || retry.After != 30*time.Second {
		t.Fatalf("right PIN while blocked: %v", err)
	}
	// Another phone is not held up by this one.
	if _, err := r.Join("4821", "192.168.1.41"); err != nil {
		t.Errorf("another address while one is blocked: %v", err)
	}
	clk.advance(31 * time.Second)
	if _, err := r.Join("0000", from); !errors.Is(err, ErrWrongPIN) {
		t.Fatalf("after the block: %v", err)
	}
	if _, err := r.Join("4821", from); !errors.As(err, &retry) || retry.After != time.Minute {
		t.Fatalf("the next block should be twice as long: %v", err)
	}
	clk.advance(61 * time.Second)
	if _, err := r.Join("4821", from); err != nil {
		t.Fatalf("right PIN after the block: %v", err)
	}
	// Getting it right forgets the wrong tries.
	if _, err := r.Join("1111", from); !errors.Is(err, ErrWrongPIN) {
		t.Fatal(err)
	}
	if _, err := r.Join("4821", from); err != nil {
		t.Errorf("one typo after joining should not block: %v", err)
	}
}

func TestManyAddressesGuessingPauseJoining(t *testing.T) {
	r, clk := newTestRoom(t)
	for i := range roomWrongPerMin {
		if _, err := r.Join(fmt.Sprintf("%04d", i), fmt.Sprintf("10.0.%d.%d", i/200, i%200)); !errors.Is(err, ErrWrongPIN) {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	if _, err := r.Join("4821", "10.9.9.9"); !errors.Is(err, ErrTooManyTries) {
		t.Fatalf("right PIN during a pause: %v, want it refused so that guessing learns nothing", err)
	}
	if n := r.Status().Notices; !strings.Contains(n[len(n)-1], "joining is paused for everyone for 1 minute") {
		t.Errorf("pause not on the facilitator's screen: %q", n)
	}
	clk.advance(roomPause + time.Second)
	if _, err := r.Join("4821", "10.9.9.9"); err != nil {
		t.Errorf("after the pause: %v", err)
	}
}

// TestNoticesOnTheProjectorNameNoAddress: the facilitator's notices are
// on the projector, before the room. A wrong PIN, a phone blocked, joining
// paused and a full room each said the phone's address ("Wrong PIN from
// 192.168.1.40"): one colleague's phone shown to everyone, and nothing the
// facilitator could act on, since no one knows which phone an address is.
func TestNoticesOnTheProjectorNameNoAddress(t *testing.T) {
	r, clk := newTestRoom(t)
	var said []string
	noted := func() {
		if n := r.Status().Notices; len(n) > 0 {
			said = append(said, n[len(n)-1])
		}
	}
	// First tries, a phone blocked after its fifth, then the room's pause.
	for i := range roomWrongPerMin {
		r.Join("0000", fmt.Sprintf("192.168.7.%d", i%7+10))
		noted()
	}
	clk.advance(roomPause + time.Second)
	for i := range MaxPhones {
		join(t, r, fmt.Sprintf("10.0.%d.%d", i/250, i%250))
	}
	if _, err := r.Join("4821", "10.0.9.9"); !errors.Is(err, ErrRoomFull) {
		t.Fatalf("join past the cap: %v", err)
	}
	noted()
	all := strings.Join(said, "\n")
	for _, want := range []string{"Wrong PIN from a phone (first try)", "refused for 30 seconds", "joining is paused for everyone", "a phone could not join"} {
		if !strings.Contains(all, want) {
			t.Errorf("the notices do not say %q:\n%s", want, all)
		}
	}
	for _, addr := range []string{"192.168.", "10.0.9.9"} {
		if strings.Contains(all, addr) {
			t.Errorf("a notice shows a phone's address %s:\n%s", addr, all)
		}
	}
}

func TestPINNoticesAreSafeToPrint(t *testing.T) {
	r, _ := newTestRoom(t)
	// The address comes from the connection, but a notice must be safe
	// whatever it holds.
	r.Join("1", "\x1b[2J10.0.0.1")
	for _, n := range r.Status().Notices {
		if strings.ContainsRune(n, 0x1b) {
			t.Errorf("notice carries an escape: %q", n)
		}
	}
}

// TestThePINAsAPhoneTypesIt: a phone set to Arabic or Persian types the
// digits of its script (٤٨٢١), a Japanese one may type full-width digits,
// and a PIN pasted from a message comes with a space: each is the PIN on
// the screen, and was a wrong try counted against the phone and the room.
// Anything else is still wrong.
func TestThePINAsAPhoneTypesIt(t *testing.T) {
	r, _ := newTestRoom(t)
	for i, pin := range []string{"4821", " 4821 ", "4821\n", "٤٨٢١", "۴۸۲۱", "४८२१", "৪৮২১", "４８２１"} {
		if _, err := r.Join(pin, fmt.Sprintf("192.168.1.%d", 10+i)); err != nil {
			t.Errorf("%q: %v", pin, err)
		}
	}
	for i, pin := range []string{"48 21", "4821 1", "٤٨٢", "4\u200b821", "𝟒𝟖𝟐𝟏", "482١x"} {
		if _, err := r.Join(pin, fmt.Sprintf("192.168.2.%d", 10+i)); !errors.Is(err, ErrWrongPIN) {
			t.Errorf("%q let in: %v", pin, err)
		}
	}
}

// TestAPINPastedWithDirectionMarks: a PIN copied from a message in a
// right-to-left language comes wrapped in invisible direction marks (a
// right-to-left mark, or the isolates a chat app puts around a number),
// which are not typed characters; each was a wrong PIN counted against
// the phone and the room. Inside the PIN, a mark is still wrong.
func TestAPINPastedWithDirectionMarks(t *testing.T) {
	r, _ := newTestRoom(t)
	for i, pin := range []string{"\u200f4821\u200f", "\u2068٤٨٢١\u2069", "\u200e 4821\u200e", "\u061c4821"} {
		if _, err := r.Join(pin, fmt.Sprintf("192.168.3.%d", 10+i)); err != nil {
			t.Errorf("%q: %v", pin, err)
		}
	}
	if _, err := r.Join("48\u200f21", "192.168.4.10"); !errors.Is(err, ErrWrongPIN) {
		t.Errorf("a mark inside the PIN let in: %v", err)
	}
}

func TestWaitWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Second:                   "1 second",
		30 * time.Second:              "30 seconds",
		59600 * time.Millisecond:      "1 minute",
		time.Minute:                   "1 minute",
		90 * time.Second:              "1 minute 30 seconds",
		10 * time.Minute:              "10 minutes",
		2*time.Minute + 1*time.Second: "2 minutes 1 second",
	} {
		if got := waitWords(d); got != want {
			t.Errorf("waitWords(%s) = %q, want %q", d, got, want)
		}
	}
}
