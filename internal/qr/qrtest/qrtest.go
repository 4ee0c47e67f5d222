// Package qrtest reads back a QR code drawn in a terminal, for tests: it
// turns half-block characters into an image and decodes it with
// github.com/makiuchi-d/gozxing, a port of ZXing (the decoder most phone
// scanner apps are built on) written independently of the encoder we
// draw with, so a test that passes means a scanner reads the code, not
// that our encoder agrees with itself.
package qrtest

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"unicode/utf8"

	"github.com/makiuchi-d/gozxing"
	zxingqr "github.com/makiuchi-d/gozxing/qrcode"
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
