package cli

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/render"
)

// inOrder hands each result to use in order, however the work finishes,
// and never has more than a window of results waiting: what keeps a large
// folder's memory flat.
func TestInOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		var done, used, most atomic.Int64
		var got []int
		inOrderOn(workers, 100, func(i int) int {
			time.Sleep(time.Duration(rand.IntN(100)) * time.Microsecond)
			waiting := done.Add(1) - used.Load()
			for m := most.Load(); waiting > m && !most.CompareAndSwap(m, waiting); m = most.Load() {
			}
			return i * i
		}, func(i, r int) {
			if r != i*i {
				t.Errorf("result %d went to %d", r, i)
			}
			got = append(got, i)
			used.Add(1)
		})
		if len(got) != 100 || !slices.IsSorted(got) {
			t.Errorf("%d workers: results used out of order: %v", workers, got)
		}
		if window := int64(4 * workers); workers > 1 && most.Load() > window+1 {
			t.Errorf("%d workers: %d results waited at once, more than the window of %d", workers, most.Load(), window)
		}
	}
}

// everySeventhBroken gives every seventh plan of a folder a rating that
// is not on the scale, so that a folder has mistakes among its plans.
func everySeventhBroken(i int, data []byte) []byte {
	if i%7 == 3 {
		return bytes.Replace(data, []byte("rating: "), []byte("rating: purple-"), 1)
	}
	return data
}

// The status list is made as plans load, sorted as it comes, written out
// to a temporary file past its memory budget and written as it goes; in
// every grouping and format, to standard output and to a file, it must be
// byte for byte the list made the plain way: every plan loaded in turn,
// and the list laid out from memory. (render's
// TestStatusGroupsAsWhenHeldInMemory holds the grouping to the one made
// by sorting every action at once, as status did before.)
func TestStreamedStatusEqualsUnstreamed(t *testing.T) {
	dir := planFolder(t, 120, everySeventhBroken)
	today := plans.Date{Year: 2027, Month: 6, Day: 1}
	bys := []render.StatusBy{render.ByDue, render.ByOwner, render.ByPlan}
	formats := []string{"text", "md", "csv"}
	// The lists made the plain way are kept on disk, each read back for
	// the commands it is compared with, and the plans loaded to make
	// them let go first: held in memory, they were a live heap near
	// folderHeapLimit, and the collector, told to wait for that limit
	// (collectLate), ran without a pause through every command, most of
	// the test's CPU time.
	wants := unstreamedStatus(t, dir, today, bys, formats)
	runtime.GC()
	defer func(budget int) { statusMemoryBudget = budget }(statusMemoryBudget)
	for _, by := range bys {
		for _, format := range formats {
			want, err := os.ReadFile(wants[string(by)+" "+format])
			if err != nil {
				t.Fatal(err)
			}
			args := []string{"status", dir, "--today", today.String(), "--by", string(by), "--format", format}
			if format == "csv" {
				args = append(args, "--excel")
			}
			for _, budget := range []int{plans.DefaultMemoryBudget, 20000} {
				statusMemoryBudget = budget
				name := fmt.Sprintf("status --by %s --format %s (budget %d)", by, format, budget)
				var stdout, stderr bytes.Buffer
				if code := Main(args, nil, &stdout, &stderr); code != ExitProblems {
					t.Fatalf("%s: exit %d\n%s", name, code, stderr.Bytes())
				}
				if !bytes.Equal(stdout.Bytes(), want) {
					t.Errorf("%s differs from the unstreamed list:\n%s", name, testtool.FirstDifference(want, stdout.Bytes()))
				}
				if n := strings.Count(stderr.String(), "purple-"); n != 17 {
					t.Errorf("%s reported %d broken plans, want 17", name, n)
				}
				out := filepath.Join(t.TempDir(), "list.out")
				Main(append(args, "-o", out), nil, &stdout, &stderr)
				if written, _ := os.ReadFile(out); !bytes.Equal(written, want) {
					t.Errorf("%s -o differs from the unstreamed list", name)
				}
			}
		}
	}
}

// unstreamedStatus makes the status list of the plans in dir the plain
// way, in each grouping and format: every plan loaded in turn, and the
// list laid out from memory. It returns the files it wrote them to, by
// "BY FORMAT".
func unstreamedStatus(t *testing.T, dir string, today plans.Date, bys []render.StatusBy, formats []string) map[string]string {
	t.Helper()
	files, err := plans.Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	var named []plans.NamedPlan
	for _, f := range files {
		if p, err := plans.LoadFile(f, nil); err == nil {
			named = append(named, plans.NamedPlan{Path: f, Plan: p})
		}
	}
	lists := t.TempDir()
	wants := make(map[string]string)
	for _, by := range bys {
		for _, format := range formats {
			o := render.NewStatusList(today, by)
			o.NotLoaded = len(files) - len(named)
			for _, np := range named {
				if err := o.Add(plans.InfoOf(np.Path, np.Plan), plans.PlanActions(np.Path, np.Plan)); err != nil {
					t.Fatal(err)
				}
			}
			var want bytes.Buffer
			switch format {
			case "text":
				err = render.WriteStatusText(&want, o, dir)
			case "md":
				err = render.WriteStatusMarkdown(&want, o, dir)
			case "csv":
				err = render.WriteStatusCSV(&want, o, true)
			}
			o.Close()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(lists, string(by)+"."+format)
			if err := os.WriteFile(name, want.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			wants[string(by)+" "+format] = name
		}
	}
	return wants
}

// check loads on every core but prints in file order, as one file after
// another would.
func TestCheckPrintsInFileOrder(t *testing.T) {
	dir := planFolder(t, 120, everySeventhBroken)
	var stdout, stderr bytes.Buffer
	Main([]string{"check", "--overdue", "--today", "2027-06-01", dir}, nil, &stdout, &stderr)
	var order []string
	for line := range strings.SplitSeq(strings.TrimSpace(stdout.String()), "\n") {
		file, _, _ := strings.Cut(line, ":")
		if len(order) == 0 || order[len(order)-1] != file {
			order = append(order, file)
		}
	}
	if len(order) < 100 || !slices.IsSorted(order) {
		t.Errorf("check printed the files out of order (%d runs):\n%s", len(order), strings.Join(order, "\n"))
	}
	if !strings.Contains(stderr.String(), "120 files checked: 103 valid, 17 with 17 problems") {
		t.Errorf("summary: %s", stderr.String())
	}
}

// check, status and history let the heap grow before collecting
// (collectLate); the collector's settings must be as they were once the
// last of them ends, however they overlap.
func TestCollectLateRestores(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: collectLate leaves the collector alone")
	}
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) }()
	first := collectLate()
	second := collectLate()
	if got := debug.SetMemoryLimit(-1); got != folderHeapLimit {
		t.Errorf("memory limit %d while two run, want %d", got, folderHeapLimit)
	}
	first()
	if got := debug.SetMemoryLimit(-1); got != folderHeapLimit {
		t.Errorf("memory limit %d after the first ended, want %d until the second does", got, folderHeapLimit)
	}
	second()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC %d after both ended, want 100 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit %d after both ended, want none", got)
	}
}
