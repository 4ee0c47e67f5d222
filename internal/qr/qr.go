// Package qr draws QR codes in a terminal, for the room's join address on
// the projector. It encodes text in byte mode after Nayuki's reference
// encoder (encode.go) and draws the code with half blocks, so that one
// character cell holds two modules, one above the other, and the modules
// come out about square in a terminal font.
package qr

import (
	"fmt"
	"strings"
)

// QuietZone is the light margin, in modules, the QR standard asks for
// around a code. Scanners read a code with a smaller one, and Lines lets a
// caller short of room draw less.
const QuietZone = 4

// Code is an encoded QR code: a square of dark and light modules.
type Code struct {
	size int
	dark []bool // [y*size+x]
}

// Encode makes the smallest QR code that holds text with at least medium
// error correction (15% of the code can be lost to glare, a projector's
// blur or a head in the way), raised as far as that size allows.
func Encode(text string) (*Code, error) {
	c, err := encodeBytes([]byte(text), levelMedium, -1)
	if err != nil {
		return nil, fmt.Errorf("QR code of %d bytes: %w", len(text), err)
	}
	return c, nil
}

// EncodeEachMask is Encode's code under each of the eight mask patterns
// the standard gives, the lowest penalty (Encode's own) first. All hold
// text alike; a scanner may still read one more easily than another
// (scan.Encode chooses the first one that reads).
func EncodeEachMask(text string) ([]*Code, error) {
	codes, err := encodeEachMask([]byte(text), levelMedium)
	if err != nil {
		return nil, fmt.Errorf("QR code of %d bytes: %w", len(text), err)
	}
	return codes, nil
}

// Size is the number of modules along a side, without the quiet zone.
func (c *Code) Size() int { return c.size }

// Dark reports whether the module at column x and row y is dark; modules
// outside the code (its quiet zone) are light.
func (c *Code) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= c.size || y >= c.size {
		return false
	}
	return c.dark[y*c.size+x]
}

// Width is the number of terminal columns Lines takes with a given quiet
// zone and scale.
func (c *Code) Width(quiet, scale int) int { return (c.size + 2*quiet) * scale }

// Height is the number of terminal rows Lines takes.
func (c *Code) Height(quiet, scale int) int { return ((c.size+2*quiet)*scale + 1) / 2 }

// Lines draws the code with a quiet zone of quiet modules, each module
// scale columns wide and scale half-rows tall, in half blocks (▀ ▄ █ and
// spaces). The characters are "ink": drawn in the terminal's foreground
// colour over its background. inkIsDark says which modules are ink: true
// when the ink will be dark on a light background (the caller sets both
// colours, or the terminal is light), false for light ink on a dark
// terminal, so that the code reads dark-on-light either way, as every
// scanner expects.
func (c *Code) Lines(quiet, scale int, inkIsDark bool) []string {
	if scale < 1 {
		scale = 1
	}
	pixels := (c.size + 2*quiet) * scale
	ink := func(px, py int) bool {
		if py >= pixels {
			return !inkIsDark // the half row below the code is margin: light
		}
		return c.Dark(px/scale-quiet, py/scale-quiet) == inkIsDark
	}
	lines := make([]string, 0, c.Height(quiet, scale))
	var b strings.Builder
	for py := 0; py < pixels; py += 2 {
		b.Reset()
		for px := range pixels {
			top, bottom := ink(px, py), ink(px, py+1)
			switch {
			case top && bottom:
				b.WriteRune('█')
			case top:
				b.WriteRune('▀')
			case bottom:
				b.WriteRune('▄')
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}
