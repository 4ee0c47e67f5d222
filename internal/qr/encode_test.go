package qr

import (
	"errors"
	"math/rand"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxingdecoder "github.com/makiuchi-d/gozxing/qrcode/decoder"
	zxingencoder "github.com/makiuchi-d/gozxing/qrcode/encoder"
)

var zxingLevels = [4]zxingdecoder.ErrorCorrectionLevel{
	levelLow:      zxingdecoder.ErrorCorrectionLevel_L,
	levelMedium:   zxingdecoder.ErrorCorrectionLevel_M,
	levelQuartile: zxingdecoder.ErrorCorrectionLevel_Q,
	levelHigh:     zxingdecoder.ErrorCorrectionLevel_H,
}

// addressLike is text ZXing also puts in byte mode (it has lower-case
// letters), of n bytes.
func addressLike(rnd *rand.Rand, n int) []byte {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789:/.-[]"
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[rnd.Intn(len(chars))]
	}
	b[0] = 'h'
	return b
}

// Every version, level and mask gives, module for module, the code that
// ZXing's encoder (written independently, from the standard) gives for
// the same text, version, level and mask: the tables, the padding, the
// Reed-Solomon codewords and their interleaving, the placement, the
// masks and the format and version information all agree.
func TestEveryVersionLevelAndMaskMatchesZXing(t *testing.T) {
	rnd := rand.New(rand.NewSource(16))
	for version := minVersion; version <= maxVersion; version++ {
		for l := levelLow; l <= levelHigh; l++ {
			// As much as fits, so that every data codeword is ours, and
			// a third of that, padded.
			n := (8*numDataCodewords(version, l) - 4 - countBits(version)) / 8
			if !fits(n, version, l) || fits(n+1, version, l) {
				t.Fatalf("version %d, level %d: %d bytes should just fit", version, l, n)
			}
			full, padded := addressLike(rnd, n), addressLike(rnd, max(1, n/3))
			for mask := range 9 {
				text := full
				if mask == 8 {
					text, mask = padded, version%8
				}
				want, err := zxingencoder.Encoder_encode(string(text), zxingLevels[l], map[gozxing.EncodeHintType]any{
					gozxing.EncodeHintType_QR_VERSION:      version,
					gozxing.EncodeHintType_QR_MASK_PATTERN: mask,
				})
				if err != nil {
					t.Fatalf("ZXing, version %d: %v", version, err)
				}
				got := build(text, version, l, mask)
				m := want.GetMatrix()
				if got.Size() != m.GetWidth() {
					t.Fatalf("version %d: %d modules a side, ZXing %d", version, got.Size(), m.GetWidth())
				}
				for y := range got.Size() {
					for x := range got.Size() {
						if got.Dark(x, y) != (m.Get(x, y) == 1) {
							t.Fatalf("version %d, level %d, mask %d: module %d,%d differs from ZXing's", version, l, mask, x, y)
						}
					}
				}
			}
		}
	}
}

// ZXing's decoder reads every size of code back without correcting a
// single codeword, at the level Encode chose.
func TestEveryVersionDecodesWithoutCorrections(t *testing.T) {
	rnd := rand.New(rand.NewSource(9))
	for n := 1; n <= 2331; n += 1 + n/8 {
		text := addressLike(rnd, n)
		c, err := Encode(string(text))
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		res, err := zxingdecoder.NewDecoder().DecodeBoolMapWithoutHint(modules(c))
		if err != nil {
			t.Fatalf("%d bytes (version %d): %v", n, (c.Size()-17)/4, err)
		}
		if res.GetText() != string(text) || res.GetErrorsCorrected() != 0 {
			t.Errorf("%d bytes: decoded %q with %d corrections", n, res.GetText(), res.GetErrorsCorrected())
		}
	}
}

// The level is raised as far as the smallest size allows, never lowered
// below medium.
func TestLevelRaisedWithinTheSmallestVersion(t *testing.T) {
	for _, tc := range []struct {
		n       int
		version int
		level   string
	}{
		{1, 1, "H"},     // 1 byte: version 1 holds 7 at H
		{14, 1, "M"},    // version 1 holds 14 at M, 11 at Q
		{15, 2, "Q"},    // version 2 holds 26 at M, 20 at Q, 14 at H
		{2331, 40, "M"}, // the most a code holds at M
	} {
		c, err := Encode(strings.Repeat("a", tc.n))
		if err != nil {
			t.Fatal(err)
		}
		res, err := zxingdecoder.NewDecoder().DecodeBoolMapWithoutHint(modules(c))
		if err != nil {
			t.Fatal(err)
		}
		if v := (c.Size() - 17) / 4; v != tc.version || res.GetECLevel() != tc.level {
			t.Errorf("%d bytes: version %d at %s, want version %d at %s", tc.n, v, res.GetECLevel(), tc.version, tc.level)
		}
	}
}

func TestTooLongForAnyCode(t *testing.T) {
	_, err := Encode(strings.Repeat("a", 2332))
	if !errors.Is(err, errTooLong) || !strings.Contains(err.Error(), "2332 bytes") {
		t.Errorf("got %v", err)
	}
}

// modules are a code's modules, true for dark, as gozxing's decoder reads them.
func modules(c *Code) [][]bool {
	bits := make([][]bool, c.Size())
	for y := range bits {
		bits[y] = make([]bool, c.Size())
		for x := range bits[y] {
			bits[y][x] = c.Dark(x, y)
		}
	}
	return bits
}
