package qr

import (
	"errors"
	"math"
	"slices"
)

// The encoder follows Project Nayuki's QR Code generator
// (https://www.nayuki.io/page/qr-code-generator-library, MIT licence),
// the reference port most QR libraries start from, cut down to what a
// join address needs: one segment in byte mode. Its tables are constant
// arrays, so nothing is computed when the program starts; a code costs
// its work only when the room asks for one.

// level is an error correction level: how much of a code can be lost and
// still read (about 7%, 15%, 25% and 30%).
type level int

const (
	levelLow level = iota
	levelMedium
	levelQuartile
	levelHigh
)

// formatBits are the two bits the format information gives a level
// (ISO/IEC 18004, table 12).
func (l level) formatBits() int { return [...]int{1, 0, 3, 2}[l] }

const (
	minVersion = 1
	maxVersion = 40
)

// Per level and version (index 0 unused): error correction codewords in
// each block, and the number of blocks (ISO/IEC 18004, table 9).
var eccCodewordsPerBlock = [4][41]int8{
	{-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	{-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
	{-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	{-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}

var errorCorrectionBlocks = [4][41]int8{
	{-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
	{-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
	{-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
	{-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}

// errTooLong is returned for text that no QR code holds.
var errTooLong = errors.New("too long for a QR code")

// encodeBytes makes the smallest code holding data at level l or better:
// the level is raised as far as that size allows. mask is the mask
// pattern, 0 to 7, or -1 for the one with the lowest penalty.
func encodeBytes(data []byte, l level, mask int) (*Code, error) {
	version, l, err := sizeFor(len(data), l)
	if err != nil {
		return nil, err
	}
	return build(data, version, l, mask), nil
}

// sizeFor is the smallest version holding n bytes at level l or better,
// and the level raised as far as that version allows.
func sizeFor(n int, l level) (int, level, error) {
	version := minVersion
	for !fits(n, version, l) {
		if version == maxVersion {
			return 0, l, errTooLong
		}
		version++
	}
	for _, higher := range []level{levelMedium, levelQuartile, levelHigh} {
		if higher > l && fits(n, version, higher) {
			l = higher
		}
	}
	return version, l, nil
}

// encodeEachMask is encodeBytes's code under each of the eight masks,
// the lowest penalty first (encodeBytes's own, on a tie the lower mask).
func encodeEachMask(data []byte, l level) ([]*Code, error) {
	version, l, err := sizeFor(len(data), l)
	if err != nil {
		return nil, err
	}
	b := newBuilder(version, l)
	b.drawFunctionPatterns()
	b.drawCodewords(b.addErrorCorrection(dataCodewords(data, version, l)))
	codes := make([]*Code, 8)
	penalties := make(map[*Code]int, 8)
	for m := range codes {
		b.applyMask(m)
		b.drawFormatBits(m)
		codes[m] = &Code{size: b.size, dark: slices.Clone(b.modules)}
		penalties[codes[m]] = b.penalty()
		b.applyMask(m)
	}
	slices.SortStableFunc(codes, func(x, y *Code) int { return penalties[x] - penalties[y] })
	return codes, nil
}

// build lays out data, which fits, as a code of the given version, level
// and mask.
func build(data []byte, version int, l level, mask int) *Code {
	b := newBuilder(version, l)
	b.drawFunctionPatterns()
	b.drawCodewords(b.addErrorCorrection(dataCodewords(data, version, l)))
	if mask < 0 {
		mask = b.bestMask()
	}
	b.applyMask(mask)
	b.drawFormatBits(mask)
	return &Code{size: b.size, dark: b.modules}
}

// countBits is the width of a byte-mode segment's length field.
func countBits(version int) int {
	if version <= 9 {
		return 8
	}
	return 16
}

// fits reports whether n bytes fit a code of the given version and level:
// a mode indicator, the length, then the bytes.
func fits(n, version int, l level) bool {
	return 4+countBits(version)+8*n <= 8*numDataCodewords(version, l)
}

// numRawDataModules is the number of modules left for data and error
// correction once the function patterns are drawn.
func numRawDataModules(version int) int {
	n := (16*version+128)*version + 64
	if version >= 2 {
		align := version/7 + 2
		n -= (25*align-10)*align - 55
		if version >= 7 {
			n -= 36
		}
	}
	return n
}

// numDataCodewords is the number of 8-bit data codewords a code holds.
func numDataCodewords(version int, l level) int {
	return numRawDataModules(version)/8 -
		int(eccCodewordsPerBlock[l][version])*int(errorCorrectionBlocks[l][version])
}

// bitWriter appends bits, most significant first.
type bitWriter struct {
	buf []byte
	n   int
}

func (w *bitWriter) write(v, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		if v>>i&1 != 0 {
			w.buf[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// dataCodewords is the segment, its terminator and the padding that fill
// the code's data codewords.
func dataCodewords(data []byte, version int, l level) []byte {
	capacity := 8 * numDataCodewords(version, l)
	w := bitWriter{buf: make([]byte, 0, capacity/8)}
	w.write(0b0100, 4) // byte mode
	w.write(len(data), countBits(version))
	for _, c := range data {
		w.write(int(c), 8)
	}
	w.write(0, min(4, capacity-w.n))
	w.write(0, (8-w.n%8)%8)
	for pad := 0xEC; w.n < capacity; pad ^= 0xEC ^ 0x11 {
		w.write(pad, 8)
	}
	return w.buf
}

// A builder is a code being laid out: its modules, and which of them
// belong to function patterns (finders, timing, alignment, format and
// version information), which data and masks leave alone.
type builder struct {
	version, size int
	level         level
	modules       []bool // dark, [y*size+x]
	function      []bool
}

func newBuilder(version int, l level) *builder {
	size := version*4 + 17
	return &builder{version: version, size: size, level: l,
		modules: make([]bool, size*size), function: make([]bool, size*size)}
}

func (b *builder) setFunction(x, y int, dark bool) {
	b.modules[y*b.size+x] = dark
	b.function[y*b.size+x] = true
}

func (b *builder) drawFunctionPatterns() {
	for i := range b.size {
		b.setFunction(6, i, i%2 == 0)
		b.setFunction(i, 6, i%2 == 0)
	}
	b.drawFinder(3, 3)
	b.drawFinder(b.size-4, 3)
	b.drawFinder(3, b.size-4)
	pos := alignmentPositions(b.version)
	last := len(pos) - 1
	for i := range pos {
		for j := range pos {
			// Not over the three finders.
			if !(i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0) {
				b.drawAlignment(pos[i], pos[j])
			}
		}
	}
	b.drawFormatBits(0) // reserves the modules; redrawn with the mask
	b.drawVersion()
}

// drawFinder draws a finder pattern and its light separator, centred on
// x, y.
func (b *builder) drawFinder(x, y int) {
	for dy := -4; dy <= 4; dy++ {
		for dx := -4; dx <= 4; dx++ {
			xx, yy := x+dx, y+dy
			if xx < 0 || yy < 0 || xx >= b.size || yy >= b.size {
				continue
			}
			d := max(abs(dx), abs(dy))
			b.setFunction(xx, yy, d != 2 && d != 4)
		}
	}
}

func (b *builder) drawAlignment(x, y int) {
	for dy := -2; dy <= 2; dy++ {
		for dx := -2; dx <= 2; dx++ {
			b.setFunction(x+dx, y+dy, max(abs(dx), abs(dy)) != 1)
		}
	}
}

// alignmentPositions are the centres, along each axis, of the alignment
// patterns.
func alignmentPositions(version int) []int {
	if version == 1 {
		return nil
	}
	n := version/7 + 2
	step := 26
	if version != 32 {
		step = (version*4 + n*2 + 1) / (n*2 - 2) * 2
	}
	pos := make([]int, n)
	pos[0] = 6
	for i, p := n-1, version*4+17-7; i >= 1; i, p = i-1, p-step {
		pos[i] = p
	}
	return pos
}

// drawFormatBits draws the level and mask, with their BCH error
// correction, in both copies.
func (b *builder) drawFormatBits(mask int) {
	data := b.level.formatBits()<<3 | mask
	rem := data
	for range 10 {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	bits := (data<<10 | rem) ^ 0x5412
	bit := func(i int) bool { return bits>>i&1 != 0 }
	for i := 0; i <= 5; i++ {
		b.setFunction(8, i, bit(i))
	}
	b.setFunction(8, 7, bit(6))
	b.setFunction(8, 8, bit(7))
	b.setFunction(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		b.setFunction(14-i, 8, bit(i))
	}
	for i := range 8 {
		b.setFunction(b.size-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		b.setFunction(8, b.size-15+i, bit(i))
	}
	b.setFunction(8, b.size-8, true) // the dark module
}

// drawVersion draws the version, with its Golay error correction, in both
// copies (versions 7 and up).
func (b *builder) drawVersion() {
	if b.version < 7 {
		return
	}
	rem := b.version
	for range 12 {
		rem = rem<<1 ^ (rem>>11)*0x1F25
	}
	bits := b.version<<12 | rem
	for i := range 18 {
		dark := bits>>i&1 != 0
		x, y := b.size-11+i%3, i/3
		b.setFunction(x, y, dark)
		b.setFunction(y, x, dark)
	}
}

// addErrorCorrection splits the data codewords into blocks, appends each
// block's Reed-Solomon codewords and interleaves the blocks.
func (b *builder) addErrorCorrection(data []byte) []byte {
	blocks := int(errorCorrectionBlocks[b.level][b.version])
	eccLen := int(eccCodewordsPerBlock[b.level][b.version])
	raw := numRawDataModules(b.version) / 8
	short := blocks - raw%blocks // blocks one data codeword shorter
	shortLen := raw / blocks
	divisor := rsDivisor(eccLen)
	all := make([][]byte, blocks)
	for i, k := 0, 0; i < blocks; i++ {
		n := shortLen - eccLen
		if i >= short {
			n++
		}
		block := make([]byte, 0, shortLen+1)
		block = append(block, data[k:k+n]...)
		if i < short {
			block = append(block, 0) // a gap, so that columns line up
		}
		all[i] = append(block, rsRemainder(data[k:k+n], divisor)...)
		k += n
	}
	out := make([]byte, 0, raw)
	for i := range shortLen + 1 {
		for j, block := range all {
			if i != shortLen-eccLen || j >= short {
				out = append(out, block[i])
			}
		}
	}
	return out
}

// drawCodewords places the codewords' bits in the zigzag of two-module
// columns, from the bottom right, skipping function modules.
func (b *builder) drawCodewords(codewords []byte) {
	i := 0
	for right := b.size - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5 // the vertical timing pattern
		}
		upward := (right+1)&2 == 0
		for vert := range b.size {
			y := vert
			if upward {
				y = b.size - 1 - vert
			}
			for x := right; x >= right-1; x-- {
				if !b.function[y*b.size+x] && i < len(codewords)*8 {
					b.modules[y*b.size+x] = codewords[i/8]>>(7-i%8)&1 != 0
					i++
				}
			}
		}
	}
}

// masked reports whether mask pattern m flips the module at x, y.
func masked(m, x, y int) bool {
	switch m {
	case 0:
		return (x+y)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (x+y)%3 == 0
	case 4:
		return (x/3+y/2)%2 == 0
	case 5:
		return x*y%2+x*y%3 == 0
	case 6:
		return (x*y%2+x*y%3)%2 == 0
	default:
		return ((x+y)%2+x*y%3)%2 == 0
	}
}

// applyMask flips the data modules mask m covers; applying it twice undoes
// it.
func (b *builder) applyMask(m int) {
	for y := range b.size {
		for x := range b.size {
			if !b.function[y*b.size+x] && masked(m, x, y) {
				b.modules[y*b.size+x] = !b.modules[y*b.size+x]
			}
		}
	}
}

// bestMask is the mask with the lowest penalty.
func (b *builder) bestMask() int {
	best, lowest := 0, math.MaxInt
	for m := range 8 {
		b.applyMask(m)
		b.drawFormatBits(m)
		if p := b.penalty(); p < lowest {
			best, lowest = m, p
		}
		b.applyMask(m)
	}
	return best
}

// The penalty weights of ISO/IEC 18004 section 8.8.2.
const (
	penaltyRun     = 3  // five or more modules alike in a row or column
	penaltyBlock   = 3  // a 2x2 block alike
	penaltyFinder  = 40 // something a scanner could take for a finder
	penaltyBalance = 10 // each 5% the dark modules are away from half
)

// penalty scores how hard the code is to read: long runs, blocks, false
// finders, and an imbalance of dark and light.
func (b *builder) penalty() int {
	n := b.size
	score, dark := 0, 0
	for _, horizontal := range []bool{true, false} {
		for a := range n {
			at := func(i int) bool {
				if horizontal {
					return b.modules[a*n+i]
				}
				return b.modules[i*n+a]
			}
			runs := finderRuns{size: n}
			colour, length := false, 0
			for i := range n {
				if at(i) == colour {
					length++
					if length == 5 {
						score += penaltyRun
					} else if length > 5 {
						score++
					}
					continue
				}
				runs.add(length)
				if !colour {
					score += runs.count() * penaltyFinder
				}
				colour, length = at(i), 1
			}
			score += runs.end(colour, length) * penaltyFinder
		}
	}
	for y := range n {
		for x := range n {
			c := b.modules[y*n+x]
			if c {
				dark++
			}
			if x < n-1 && y < n-1 && c == b.modules[y*n+x+1] && c == b.modules[(y+1)*n+x] && c == b.modules[(y+1)*n+x+1] {
				score += penaltyBlock
			}
		}
	}
	total := n * n
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return score + k*penaltyBalance
}

// finderRuns holds the lengths of the last seven runs along a line, the
// latest first, to find the 1:1:3:1:1 pattern of a finder with four light
// modules on one side.
type finderRuns struct {
	size int
	runs [7]int
}

func (r *finderRuns) add(length int) {
	if r.runs[0] == 0 {
		length += r.size // the light margin before the line
	}
	copy(r.runs[1:], r.runs[:6])
	r.runs[0] = length
}

// count is the number of finder-like patterns ending at the latest light
// run: 0, 1 or 2.
func (r *finderRuns) count() int {
	h := r.runs
	m := h[1]
	core := m > 0 && h[2] == m && h[3] == m*3 && h[4] == m && h[5] == m
	n := 0
	if core && h[0] >= m*4 && h[6] >= m {
		n++
	}
	if core && h[6] >= m*4 && h[0] >= m {
		n++
	}
	return n
}

// end closes the line (the light margin after it) and counts as count
// does.
func (r *finderRuns) end(colour bool, length int) int {
	if colour {
		r.add(length)
		length = 0
	}
	r.add(length + r.size)
	return r.count()
}

// rsDivisor is the Reed-Solomon generator polynomial of a degree, its
// leading 1 left out, over GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
func rsDivisor(degree int) []byte {
	d := make([]byte, degree)
	d[degree-1] = 1
	root := byte(1)
	for range degree {
		for j := range d {
			d[j] = gfMul(d[j], root)
			if j+1 < len(d) {
				d[j] ^= d[j+1]
			}
		}
		root = gfMul(root, 0x02)
	}
	return d
}

// rsRemainder is the error correction of data: its remainder when divided
// by the divisor.
func rsRemainder(data, divisor []byte) []byte {
	r := make([]byte, len(divisor))
	for _, c := range data {
		factor := c ^ r[0]
		copy(r, r[1:])
		r[len(r)-1] = 0
		for i, d := range divisor {
			r[i] ^= gfMul(d, factor)
		}
	}
	return r
}

// gfMul multiplies in GF(2^8) modulo 0x11D.
func gfMul(x, y byte) byte {
	z := 0
	for i := 7; i >= 0; i-- {
		z = z<<1 ^ (z>>7)*0x11D
		z ^= int(y>>i&1) * int(x)
	}
	return byte(z)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
