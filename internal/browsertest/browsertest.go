// Package browsertest starts a real headless Chromium for tests and runs
// the checks that only a browser can make: layout at a screen size,
// printing to PDF, and axe-core's accessibility rules.
//
// The browser is Debian's chromium-headless-shell, driven with chromedp.
// .ci/run installs it (and axe-core from npm), so in CI a test that needs
// them fails when they are missing instead of skipping quietly; on a
// developer's machine without them, the test is skipped with the command
// that installs them.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/testtool"
)

// Install is the command that installs what these tests need.
const Install = "apt-get install -y --no-install-recommends chromium-headless-shell fonts-dejavu-core && npm install -g axe-core@4.14.1"

// Path returns the browser to run: $LADDER_BROWSER when set, or the first
// Chromium build found on PATH.
func Path() (string, bool) {
	if p := os.Getenv("LADDER_BROWSER"); p != "" {
		return p, true
	}
	for _, name := range []string{"chromium-headless-shell", "chromium", "chromium-browser", "headless_shell", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Missing ends a test that cannot run without a tool: a failure in CI
// (where .ci/run installs everything), a skip elsewhere, saying how to
// install it.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	testtool.Missing(t, "%s (%s)", fmt.Sprintf(format, args...), Install)
}

// browser returns the browser to start, or ends the test: under go test
// -short (browser tests take seconds), or when there is none.
func browser(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping a test that runs a browser")
	}
	path, ok := Path()
	if !ok {
		Missing(t, "no headless Chromium on PATH")
	}
	return path
}

// New opens a tab for the test in the test process's browser (see
// shared), in a browser context of its own (its own cookies, storage and
// cache, as a browser started afresh has), and returns a chromedp context
// for it, with a viewport of width x height CSS pixels. The tab is closed
// when the test ends; when the test has failed, its screen as it is then
// is kept among the test's artefacts as failed.png first. Everything it
// does must finish within timeout.
func New(t testing.TB, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	tab, cancelTab := chromedp.NewContext(shared(t), chromedp.WithNewBrowserContext())
	ctx := tab
	// The first Run opens the tab; its context must not carry the timeout,
	// or the timeout would close the tab with it.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		cancelTab()
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		// The tab, not ctx: a test that failed on its timeout still
		// leaves its screen.
		if t.Failed() {
			saveFailedScreen(t, tab, "failed.png")
		}
		cancelTab()
	})
	return ctx
}

// The browser is started once per test process, by the first test that
// asks for one, and shared by every test after it, each in tabs and
// browser contexts of its own: starting Chromium took a third of a
// CPU-second each time, and a test of the HTML report less than that.
// Close, from TestMain, ends it.
var sharedBrowser sharedBrowserState

type sharedBrowserState struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error
}

// shared returns the chromedp context of the test process's browser,
// starting it the first time, or ends the test: under go test -short, or
// when there is no browser.
func shared(t testing.TB) context.Context {
	t.Helper()
	path := browser(t)
	b := &sharedBrowser
	b.once.Do(func() {
		// Started on a goroutine with no labels: the browser's goroutines
		// outlive the test that starts it, and are not among the ones
		// testtool.LabelGoroutines waits for at the end of that test.
		done := make(chan struct{})
		go func() {
			defer close(done)
			pprof.SetGoroutineLabels(context.Background())
			b.start(path)
		}()
		<-done
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.ctx
}

// start starts the browser at path.
func (b *sharedBrowserState) start(path string) {
	dir, err := os.MkdirTemp("", "ladder-browser-*")
	if err != nil {
		b.err = err
		return
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), execOptions(dir, path)...)
	ctx, cancelBrowser := chromedp.NewContext(alloc)
	b.ctx, b.cancel = ctx, func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(dir)
	}
	// The first action starts the browser and binds its life to ctx.
	if err := chromedp.Do(ctx); err != nil {
		b.err = fmt.Errorf("starting %s: %w", path, err)
	}
}

// Close ends the test process's browser, if a test started it. A
// package whose tests use a browser calls it from TestMain, after m.Run.
// (Were it not called, Chromium would still end with the test process,
// but its profile folder would be left behind.)
func Close() {
	if b := &sharedBrowser; b.cancel != nil {
		b.cancel()
	}
}

// execOptions are the browser's options: its program, and the folder it
// keeps its profile in.
func execOptions(dir, path string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		// Tests run as root in CI, where Chromium's sandbox will not start.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(dir),
		// Nothing a page asks for may leave the machine: every address but
		// loopback (which Chromium never sends through a proxy) goes to a
		// proxy that is not there.
		chromedp.ProxyServer("127.0.0.1:9"),
		chromedp.Flag("font-render-hinting", "none"),
	)
}

// FileURL is the file:// address of a file on disk.
func FileURL(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(abs)
}

// Violation is one rule that axe-core found broken on a page.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"` // minor, moderate, serious or critical
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var where []string
	for _, n := range v.Nodes {
		where = append(where, n.HTML)
	}
	return fmt.Sprintf("%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n    "))
}

// Serious reports whether a violation is one a test should fail on.
func (v Violation) Serious() bool { return v.Impact == "serious" || v.Impact == "critical" }

// Axe runs axe-core (from npm's global folder) on the page open in ctx and
// returns what it found, against the WCAG 2.x A and AA rules and axe's
// best practices. axe-core is put in the page once: a page checked again
// (the room's, at each step of a vote) has it already, where sending and
// compiling its half a megabyte again cost some 30 ms of CPU each time.
func Axe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	src := axeSource(t)
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object" && typeof window.axe.run === "function"`))
	if err != nil {
		t.Fatalf("looking for axe-core in the page: %v", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
			t.Fatalf("loading axe-core: %v", err)
		}
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var out []Violation
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("reading axe-core's results: %v", err)
	}
	return out
}

// axeSource reads axe.min.js from npm's global folder, or $AXE_CORE.
func axeSource(t testing.TB) []byte {
	t.Helper()
	path := os.Getenv("AXE_CORE")
	if path == "" {
		root, err := testtool.NpmRoot()
		if err != nil {
			Missing(t, "npm is not installed, so axe-core cannot be found")
		}
		path = filepath.Join(root, "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		Missing(t, "axe-core is not installed: %v", err)
	}
	return src
}
