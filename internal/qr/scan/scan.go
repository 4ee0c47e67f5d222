// Package scan reads back a QR code drawn in a terminal, as a phone's
// scanner would: it turns half-block characters into an image and decodes
// it with github.com/makiuchi-d/gozxing, a port of ZXing (the decoder
// most phone scanner apps are built on) written independently of the
// encoder we draw with, so a code it reads is read by a scanner, not only
// by our encoder agreeing with itself. The room draws only codes it reads
// (Encode); tests read the screen with Decode.
package scan

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"unicode/utf8"

	"github.com/makiuchi-d/gozxing"
	zxingqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/socialmobility/ladder/internal/qr"
)

// pixel is the side, in image pixels, of one half-block pixel.
const pixel = 4

// Image draws screen text as a camera would see it: each character cell
// one pixel wide and two tall, ▀ ▄ █ in ink and everything else (spaces,
// letters, box lines) in paper, with a paper margin. inkIsDark says
// whether the ink was dark on a light background.
func Image(screen string, inkIsDark bool) image.Image {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	cols := 0
	for _, l := range lines {
		cols = max(cols, utf8.RuneCountInString(l))
	}
	const margin = 8
	w, h := (cols+2*margin)*pixel, (2*len(lines)+2*margin)*pixel
	ink, paper := color.Gray{0}, color.Gray{255}
	if !inkIsDark {
		ink, paper = paper, ink
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = paper.Y
	}
	fill := func(cx, cy int) {
		for y := range pixel {
			for x := range pixel {
				img.SetGray((cx+margin)*pixel+x, (cy+2*margin)*pixel+y, ink)
			}
		}
	}
	for row, l := range lines {
		col := 0
		for _, r := range l {
			switch r {
			case '█':
				fill(col, 2*row)
				fill(col, 2*row+1)
			case '▀':
				fill(col, 2*row)
			case '▄':
				fill(col, 2*row+1)
			}
			col++
		}
	}
	return img
}

// Decode reads the QR code in screen text (see Image).
func Decode(screen string, inkIsDark bool) (string, error) {
	img := Image(screen, inkIsDark)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := zxingqr.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", fmt.Errorf("no QR code read: %w", err)
	}
	return res.GetText(), nil
}

// Encode makes the QR code qr.Encode makes for text, unless ZXing does
// not read it back: then the next by the standard's penalty that it
// reads. Every mask gives a valid code, but for about one text in three
// hundred (http://127.0.0.1:23722/ is one) the best-scoring one leads
// ZXing's detector astray at any size, and the room's join address, a
// fixed port on the laptop's network address, would be drawn that way
// every time. If no mask reads (none seen), the best-scoring code.
func Encode(text string) (*qr.Code, error) {
	codes, err := qr.EncodeEachMask(text)
	if err != nil {
		return nil, err
	}
	for _, c := range codes {
		if got, err := Decode(strings.Join(c.Lines(qr.QuietZone, 1, true), "\n"), true); err == nil && got == text {
			return c, nil
		}
	}
	return codes[0], nil
}
