package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// PhoneWidth and PhoneHeight are a phone tab's viewport: a common phone's
// size in CSS pixels (iPhone 12 to 15).
const (
	PhoneWidth  = 390
	PhoneHeight = 844
)

// Browser is one headless Chromium shared by several tabs, for tests
// where several people use a page at once (the room's phones).
type Browser struct {
	ctx context.Context
}

// Start returns the test process's browser (see shared), for the test's
// phones, each of which opens in a browser context of its own.
func Start(t *testing.T) *Browser {
	t.Helper()
	return &Browser{ctx: shared(t)}
}

// Phone is one phone: a phone-sized tab in a browser context of its own,
// so it has its own cookies, as a real phone has.
type Phone struct {
	Name string
	ctx  context.Context
	t    *testing.T
}

// Phone opens a phone tab. When the test fails, the tab's screen is
// saved as a PNG among the test's artefacts.
func (b *Browser) Phone(t *testing.T, name string) *Phone {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	p := &Phone{Name: name, ctx: ctx, t: t}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		cancel()
		t.Fatalf("%s: %v", name, err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			p.SaveScreenshot("failed")
		}
		cancel()
	})
	return p
}

// Tab opens another tab on the same phone, as a person who opened the
// page twice (scanned the QR code again): the same browser context, so
// the same cookies. It closes with the test, before the phone.
func (p *Phone) Tab(name string) *Phone {
	p.t.Helper()
	ctx, cancel := chromedp.NewContext(p.ctx)
	tab := &Phone{Name: name, ctx: ctx, t: p.t}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		cancel()
		p.t.Fatalf("%s: %v", name, err)
	}
	p.t.Cleanup(func() {
		if p.t.Failed() {
			tab.SaveScreenshot("failed")
		}
		cancel()
	})
	return tab
}

// Context is the tab's context, for chromedp actions and Axe.
func (p *Phone) Context() context.Context { return p.ctx }

// Do runs actions in the tab, one after another, within 15 seconds, and
// fails the test on an error. An action that found its element just as
// the page replaced it is run again (see againOnStaleNode).
func (p *Phone) Do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	for _, a := range actions {
		if _, err := againOnStaleNode(ctx, a); err != nil {
			p.t.Fatalf("%s: %v", p.Name, err)
		}
	}
}

// Run runs one action that returns a value in a phone's tab (again, as
// Do does, if its element was replaced under it).
func Run[T any](p *Phone, action chromedp.Action[T]) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	v, err := againOnStaleNode(ctx, action)
	if err != nil {
		p.t.Fatalf("%s: %v", p.Name, err)
	}
	return v
}

// againOnStaleNode runs an action, and runs it again while it fails
// because the element it found is no longer in the page, until ctx ends.
//
// chromedp finds an element (a node id) and then acts on it (types, clicks,
// reads) in separate calls to the browser. A page that changes between
// the two, the room's page loading after a form post or its script putting
// in the view the server sent, leaves the id pointing at nothing: the
// browser answers "Could not find node with given id", and the action has
// done nothing yet (the keys and the click are sent only once the node's
// place is known). On a loaded machine, with phones in parallel tabs of one
// Chromium, that window is wide enough to be hit now and then
// (TestPhonesInABrowser, 9c5be8b). Found again, the element is the page's
// element now, as a person's next tap would find it.
func againOnStaleNode[T any](ctx context.Context, action chromedp.Action[T]) (T, error) {
	for {
		v, err := chromedp.Run(ctx, action)
		if err == nil || !staleNode(err) || ctx.Err() != nil {
			return v, err
		}
		select {
		case <-ctx.Done():
			return v, err
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// staleNode says whether err is the browser's answer to a node id that is
// no longer in the page: "Could not find node with given id" where it
// looks for the node's box (a click, keys), "No node with given id found"
// where it resolves the node (a value set).
func staleNode(err error) bool {
	var cdp *cdproto.Error
	return errors.As(err, &cdp) && (cdp.Message == "Could not find node with given id" || cdp.Message == "No node with given id found")
}

// WaitFor waits until a JavaScript expression is true in the tab, and
// fails the test, saying what it waited for, if it is not within ten
// seconds. It asks again and again rather than once, so a page that
// navigates meanwhile (a form posted, a redirect) is asked again once it
// has loaded. The ten seconds are for all the asking: each question may
// take what is left of them. (A second each cut questions short on a
// loaded machine, where Chromium took most of a second to answer one:
// TestWaitForWaitsForASlowAnswer.)
func (p *Phone) WaitFor(what, expression string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	check := `(() => { try { return !!(` + expression + `); } catch (e) { return false; } })()`
	var lastErr error
	for ctx.Err() == nil {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](check))
		if err == nil && ok {
			return
		}
		if err != nil {
			lastErr = err
		}
		select {
		case <-ctx.Done():
		case <-time.After(20 * time.Millisecond):
		}
	}
	say, cancelSay := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancelSay()
	text, _ := chromedp.Run(say, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	p.t.Fatalf("%s: waited 10 s for %s (last error: %v); the page says:\n%s", p.Name, what, lastErr, text)
}

// Screenshot returns a PNG of the tab's screen.
func (p *Phone) Screenshot() []byte {
	p.t.Helper()
	return Run(p, chromedp.CaptureScreenshot())
}

// SaveScreenshot writes the tab's screen to the test's artefacts as
// <phone>-<label>.png and logs where.
func (p *Phone) SaveScreenshot(label string) {
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	path, err := saveScreen(p.t, ctx, safeName(p.Name+"-"+label)+".png")
	if err != nil {
		p.t.Logf("%s: %v", p.Name, err)
		return
	}
	p.t.Logf("%s: screenshot saved to %s", p.Name, path)
}

var (
	keptOnce sync.Once
	keptDir  string
)

// ArtifactDir is where a test keeps its artefacts: the test's own
// artefact folder when go test runs with -artifacts, and otherwise a
// folder under the system's temporary folder, kept after the test only if
// it fails (or LADDER_KEEP_ARTIFACTS is set), so that a failed run's
// screenshots can be looked at and a passing one leaves nothing behind.
func ArtifactDir(t testing.TB) string {
	if artifactsFlag() {
		return t.ArtifactDir()
	}
	keptOnce.Do(func() {
		keptDir = filepath.Join(os.TempDir(), "ladder-test-artifacts", time.Now().Format("20060102-150405"))
	})
	return artifactDirIn(t, keptDir)
}

// artifactsFlag reports whether go test runs with -artifacts, which keeps
// every test's artefacts.
func artifactsFlag() bool {
	f := flag.Lookup("test.artifacts")
	return f != nil && f.Value.String() == "true"
}

// KeepsArtifacts reports whether a test that passes keeps its artefacts
// (go test -artifacts, or LADDER_KEEP_ARTIFACTS set).
func KeepsArtifacts() bool {
	return artifactsFlag() || os.Getenv("LADDER_KEEP_ARTIFACTS") != ""
}

// Screenshot keeps a PNG of the screen of the tab in ctx among the test's
// artefacts as name, and returns its path, when someone will see it: when
// the test has failed already, or artefacts are kept (KeepsArtifacts).
// Otherwise it takes none and returns "": a passing test's artefacts are
// thrown away, and each screenshot cost Chromium tens of milliseconds of
// CPU to draw and encode. A test that fails after it still leaves its
// tab's screen as it is at the end (see New).
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	if !t.Failed() && !KeepsArtifacts() {
		return ""
	}
	path, err := saveScreen(t, ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
	return path
}

// saveFailedScreen keeps the screen of the tab in ctx as name among the
// artefacts of a test that failed, or says why it could not.
func saveFailedScreen(t testing.TB, ctx context.Context, name string) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	path, err := saveScreen(t, ctx, name)
	if err != nil {
		t.Logf("the failed test's tab: %v", err)
		return
	}
	t.Logf("the failed test's tab as it was at the end: %s", path)
}

// saveScreen writes a PNG of the screen of the tab in ctx among the
// test's artefacts as name, and returns its path; its error says which
// step failed.
func saveScreen(t testing.TB, ctx context.Context, name string) (string, error) {
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return "", fmt.Errorf("no screenshot: %w", err)
	}
	path := filepath.Join(ArtifactDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return "", fmt.Errorf("saving screenshot: %w", err)
	}
	return path, nil
}

// artifactDirIn makes the test's folder under kept, removed when the test
// passes. Where it cannot be made (on a machine shared with another user,
// whose ladder-test-artifacts this one may not write in), the artefacts
// go to a folder removed with the test instead.
func artifactDirIn(t testing.TB, kept string) string {
	dir := filepath.Join(kept, safeName(t.Name()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		dir = t.TempDir()
		t.Logf("artefacts: %v; kept in %s until the test ends instead", err, dir)
		return dir
	}
	t.Cleanup(func() {
		if t.Failed() || os.Getenv("LADDER_KEEP_ARTIFACTS") != "" {
			return
		}
		os.RemoveAll(dir)
		// The run's folder and ladder-test-artifacts go too once empty
		// (Remove leaves a folder that is not).
		os.Remove(kept)
		os.Remove(filepath.Dir(kept))
	})
	return dir
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func safeName(s string) string { return unsafeChars.ReplaceAllString(s, "_") }

// AXNode is one node of the page's accessibility tree: what a screen
// reader announces.
type AXNode struct {
	Role, Name string
}

// Accessibility returns the page's accessibility tree, in document order,
// without the nodes the browser ignores (hidden, or aria-hidden).
func (p *Phone) Accessibility() []AXNode {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		p.t.Fatalf("%s: accessibility tree: %v", p.Name, err)
	}
	var out []AXNode
	for _, n := range res.Nodes {
		if !n.Ignored {
			out = append(out, AXNode{Role: axString(n.Role), Name: axString(n.Name)})
		}
	}
	return out
}

func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return string(v.Value)
	}
	return s
}

// DisableScript turns JavaScript off in the tab, as on a phone with it
// switched off: from the next page load, the page is plain HTML forms.
func (p *Phone) DisableScript() {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		p.t.Fatalf("%s: %v", p.Name, err)
	}
}

// Click clicks an element as a person taps it: on the page as it is
// drawn, once the page has loaded (its style sheet in).
//
// chromedp.Click asks the browser where the element is and then presses
// there, in two calls. A page whose style sheet has not arrived is laid out
// bare when asked (a person sees nothing of it yet), and a style sheet that
// comes in between the two calls moves the element from under the press:
// the room's "Check again" without JavaScript, clicked on a page that had
// just loaded, pressed blank page and stayed (or pressed a vote button
// instead), under load (TestAClickWaitsForThePageToBeDrawn).
func Click[S chromedp.Selectable](sel S) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if err := loaded(ctx, t); err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Click(sel)(ctx, t)
	}
}

// loaded waits until the tab's page has loaded. A page being replaced
// meanwhile (no document to ask for a moment) is asked again.
func loaded(ctx context.Context, t *chromedp.Target) error {
	for {
		state, err := chromedp.Evaluate[string](`document.readyState`)(ctx, t)
		if err == nil && state == "complete" {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the page to load (%s): %w", state, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
