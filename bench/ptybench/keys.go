package ptybench

import (
	"fmt"
	"sort"
	"strings"
)

// keyBytes maps key names, as Bubble Tea spells them in KeyPressMsg.String,
// to the bytes an xterm sends for them.
var keyBytes = map[string]string{
	"enter":     "\r",
	"tab":       "\t",
	"shift+tab": "\x1b[Z",
	"esc":       "\x1b",
	"space":     " ",
	"backspace": "\x7f",
	"delete":    "\x1b[3~",
	"up":        "\x1b[A",
	"down":      "\x1b[B",
	"right":     "\x1b[C",
	"left":      "\x1b[D",
	"home":      "\x1b[H",
	"end":       "\x1b[F",
	"pgup":      "\x1b[5~",
	"pgdown":    "\x1b[6~",
}

// Key returns the bytes a terminal sends for a key: a name from Bubble
// Tea's vocabulary ("enter", "esc", "up", "ctrl+c", "shift+tab", ...) or a
// single character ("q", "?", "é").
func Key(name string) ([]byte, error) {
	if b, ok := keyBytes[name]; ok {
		return []byte(b), nil
	}
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok && len(c) == 1 && c[0] >= 'a' && c[0] <= 'z' {
		return []byte{c[0] - 'a' + 1}, nil
	}
	if len([]rune(name)) == 1 {
		return []byte(name), nil
	}
	names := make([]string, 0, len(keyBytes))
	for k := range keyBytes {
		names = append(names, k)
	}
	sort.Strings(names)
	return nil, fmt.Errorf("unknown key %q: use a single character, ctrl+a to ctrl+z, or one of %s", name, strings.Join(names, ", "))
}
