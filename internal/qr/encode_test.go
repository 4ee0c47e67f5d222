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
//
// ZXing's Encoder_encode, given a mask, makes the text's codewords (the
// padding, the Reed-Solomon codewords and their interleaving: nine tenths
// of its time, the same for every mask) and then MatrixUtil_buildMatrix
// places them with that mask. So ZXing encodes each text once, with mask
// 0, and its own MatrixUtil_buildMatrix places the codewords it made with
// each other mask: the code Encoder_encode would give for that mask.
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
			var codewords *gozxing.BitArray // ZXing's, for full
			for mask := range 9 {
				text, isFull := full, mask < 8
				if !isFull {
					text, mask = padded, version%8
				}
				var want *zxingencoder.ByteMatrix
				if isFull && mask > 0 {
					want = zxingPlaced(t, codewords, version, l, mask)
				} else {
					code, err := zxingencoder.Encoder_encode(string(text), zxingLevels[l], map[gozxing.EncodeHintType]any{
						gozxing.EncodeHintType_QR_VERSION:      version,
						gozxing.EncodeHintType_QR_MASK_PATTERN: mask,
					})
					if err != nil {
						t.Fatalf("ZXing, version %d: %v", version, err)
					}
					want = code.GetMatrix()
					if isFull {
						codewords = zxingCodewords(t, want, version, l)
					}
				}
				got := build(text, version, l, mask)
				if got.Size() != want.GetWidth() {
					t.Fatalf("version %d: %d modules a side, ZXing %d", version, got.Size(), want.GetWidth())
				}
				for y := range got.Size() {
					for x := range got.Size() {
						if got.Dark(x, y) != (want.Get(x, y) == 1) {
							t.Fatalf("version %d, level %d, mask %d: module %d,%d differs from ZXing's", version, l, mask, x, y)
						}
					}
				}
			}
		}
	}
}

// zxingPlaced is the code ZXing's MatrixUtil_buildMatrix makes of
// codewords (their bits) with the version, level and mask.
func zxingPlaced(t *testing.T, codewords *gozxing.BitArray, version int, l level, mask int) *zxingencoder.ByteMatrix {
	t.Helper()
	v, err := zxingdecoder.Version_GetVersionForNumber(version)
	if err != nil {
		t.Fatal(err)
	}
	m := zxingencoder.NewByteMatrix(v.GetDimensionForVersion(), v.GetDimensionForVersion())
	if err := zxingencoder.MatrixUtil_buildMatrix(codewords, zxingLevels[l], v, mask, m); err != nil {
		t.Fatalf("ZXing, version %d, mask %d: %v", version, mask, err)
	}
	return m
}

// zxingCodewords reads back the codewords' bits ZXing placed in code,
// made with mask 0: its data modules, in the order ZXing's embedDataBits
// places them (pairs of columns from the right, up then down, around
// the timing column), are the ones where codewords all 0 and all 1 are
// placed differently; each bit is the module unmasked. The codewords
// placed again must give code back, module for module, or the test
// stops: a slip in this reading cannot pass for ZXing's code.
func zxingCodewords(t *testing.T, code *zxingencoder.ByteMatrix, version int, l level) *gozxing.BitArray {
	t.Helper()
	v, err := zxingdecoder.Version_GetVersionForNumber(version)
	if err != nil {
		t.Fatal(err)
	}
	size := 8 * v.GetTotalCodewords()
	zeros, ones := gozxing.NewBitArray(size), gozxing.NewBitArray(size)
	if err := ones.SetRange(0, size); err != nil {
		t.Fatal(err)
	}
	placedZeros, placedOnes := zxingPlaced(t, zeros, version, l, 0), zxingPlaced(t, ones, version, l, 0)
	bits := gozxing.NewBitArray(size)
	i := 0
	w := code.GetWidth()
	for x, y, dy := w-1, w-1, -1; x > 0; x -= 2 {
		if x == 6 {
			x--
		}
		for ; y >= 0 && y < w; y += dy {
			for _, xx := range []int{x, x - 1} {
				if placedZeros.Get(xx, y) == placedOnes.Get(xx, y) {
					continue
				}
				if code.Get(xx, y) != placedZeros.Get(xx, y) {
					bits.Set(i)
				}
				i++
			}
		}
		dy = -dy
		y += dy
	}
	if i != size {
		t.Fatalf("version %d: %d data modules read, want %d", version, i, size)
	}
	again := zxingPlaced(t, bits, version, l, 0)
	for y := range w {
		for x := range w {
			if again.Get(x, y) != code.Get(x, y) {
				t.Fatalf("version %d, level %d: ZXing's codewords read back do not place as ZXing placed them (module %d,%d)", version, l, x, y)
			}
		}
	}
	return bits
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
