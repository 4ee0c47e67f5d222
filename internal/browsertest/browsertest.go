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
	"strings"
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

// New starts a headless browser for the test and returns a chromedp
// context for one tab in it, with a window of width x height CSS pixels.
// The browser is closed when the test ends. Everything it does must finish
// within timeout.
func New(t testing.TB, width, height int, timeout time.Duration) context.Context {
	t.Helper()
	path := browser(t)
	opts := append(execOptions(t, path), chromedp.WindowSize(width, height))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	// The first Run starts the browser; its context must not carry the
	// timeout, or the timeout would end the browser with it.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		cancelTab()
		cancelAlloc()
		t.Fatalf("starting %s: %v", path, err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	return ctx
}

// execOptions are the browser's options for every test.
func execOptions(t testing.TB, path string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		// Tests run as root in CI, where Chromium's sandbox will not start.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
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
// best practices.
func Axe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	src := axeSource(t)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		t.Fatalf("loading axe-core: %v", err)
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
		root, err := exec.Command("npm", "root", "-g").Output()
		if err != nil {
			Missing(t, "npm is not installed, so axe-core cannot be found")
		}
		path = filepath.Join(strings.TrimSpace(string(root)), "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		Missing(t, "axe-core is not installed: %v", err)
	}
	return src
}
