package tui

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

// widthTable is go-runewidth's width table, which it fills on the first
// question about a character outside ASCII (two planes of one byte a
// character). The test reads only where it lies.
//
//go:linkname widthTable github.com/mattn/go-runewidth.strictWidthLUT
var widthTable [2][0x110000]byte

// TestWarmWidthsTakesTheTableOffTheFirstFrame runs this test binary again
// as a fresh process (one that has not measured a width yet); the child
// does its part here and exits.
func init() {
	if os.Getenv("LADDER_TUI_CHILD") != "width-memory" {
		return
	}
	if os.Getenv("LADDER_WARM") == "1" {
		warmWidths()
	}
	table := unsafe.Slice(&widthTable[0][0], unsafe.Sizeof(widthTable))
	before := residentPages(table)
	ansi.WcWidth.StringWidth(widthGlyphs)
	fmt.Println((residentPages(table) - before) * os.Getpagesize())
	os.Exit(0)
}

// residentPages counts the pages of b in memory: mincore(2) asks the page
// tables, so what other goroutines of the process do meanwhile (the
// garbage collector, a loaded machine's late timers) does not count.
func residentPages(b []byte) int {
	page := uintptr(os.Getpagesize())
	first := uintptr(unsafe.Pointer(&b[0]))
	end := first + uintptr(len(b))
	start := first &^ (page - 1) // mincore starts at a page
	vec := make([]byte, (end-start+page-1)/page)
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, start, uintptr(len(vec))*page, uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		panic(errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

// TestWarmWidthsTakesTheTableOffTheFirstFrame guards warmWidths: in a fresh
// process, the first width measurement of what the screens draw fills
// go-runewidth's 2.2 MB table, unless warmWidths has already done it. If
// the first assertion fails, the table has gone (or moved to start-up) and
// warmWidths is no longer needed.
//
// It counts the table's own pages in memory, not the process's: resident
// memory as a whole also grows with whatever the runtime does in the
// moment measured, which on a loaded machine was once over 256 KB.
func TestWarmWidthsTakesTheTableOffTheFirstFrame(t *testing.T) {
	if thp, _ := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled"); strings.Contains(string(thp), "[always]") {
		t.Skip("with transparent huge pages always on, start-up's writes to the table's first page bring in much of the rest")
	}
	child := func(warm string) int {
		cmd := exec.Command(os.Args[0], "-test.run", "^$")
		cmd.Env = append(os.Environ(), "LADDER_TUI_CHILD=width-memory", "LADDER_WARM="+warm)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child: %v", err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(out)))
		if err != nil {
			t.Fatalf("child said %q", out)
		}
		return n
	}
	if cold := child("0"); cold < 1<<20 {
		t.Errorf("the first width measurement in a fresh process brought %d bytes of the table into memory; want the 2.2 MB table (is warmWidths still needed?)", cold)
	}
	if warm := child("1"); warm > 256<<10 {
		t.Errorf("after warmWidths, the first width measurement still brought %d bytes of the table into memory", warm)
	}
}
