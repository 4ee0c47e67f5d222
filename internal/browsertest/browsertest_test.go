package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func TestBrowserOpensAPageAtTheSizeAsked(t *testing.T) {
	t.Parallel()
	ctx := New(t, 390, 844, 30*time.Second)
	page := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(page, []byte(`<!doctype html><html lang="en"><title>t</title><p id="p">hello</p>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(FileURL(t, page))); err != nil {
		t.Fatal(err)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if width != 390 {
		t.Errorf("window is %d pixels wide, want 390", width)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("p").textContent`))
	if err != nil || text != "hello" {
		t.Errorf("page text %q, %v", text, err)
	}
}

func TestAxeFindsAnImageWithoutText(t *testing.T) {
	t.Parallel()
	ctx := New(t, 800, 600, 30*time.Second)
	page := filepath.Join(t.TempDir(), "page.html")
	html := `<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="bad"></main>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(FileURL(t, page))); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, v := range Axe(t, ctx) {
		if v.ID == "image-alt" && v.Serious() && strings.Contains(v.String(), `id="bad"`) {
			found = true
		}
	}
	if !found {
		t.Error("axe-core did not report the image without alternative text")
	}
}

// A folder for the kept artefacts that cannot be made (another user's
// ladder-test-artifacts in a shared /tmp, a file in its place) leaves the
// test a folder of its own to write to, rather than failing it.
func TestArtifactsGoElsewhereWhenTheKeptFolderCannotBeMade(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "ladder-test-artifacts")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := artifactDirIn(t, filepath.Join(blocked, "run"))
	if err := os.WriteFile(filepath.Join(dir, "shot.png"), []byte("png"), 0o644); err != nil {
		t.Fatalf("the artefact folder %s cannot be written: %v", dir, err)
	}
}

// failingTB is a test that has failed, as far as the artefacts know.
type failingTB struct{ testing.TB }

func (failingTB) Failed() bool { return true }

// A run of go test that passes leaves nothing behind in the temporary
// folder (the browser tests' screenshots came to 293 MB over a day's
// runs); a failed test's artefacts are kept to be looked at, and any test's
// are with LADDER_KEEP_ARTIFACTS set.
func TestArtifactsAreKeptOnlyForAFailedTest(t *testing.T) {
	t.Setenv("LADDER_KEEP_ARTIFACTS", "")
	kept := filepath.Join(t.TempDir(), "ladder-test-artifacts", "run")
	var passed, failed, asked string
	shoot := func(t testing.TB, to *string) {
		*to = artifactDirIn(t, kept)
		if err := os.WriteFile(filepath.Join(*to, "shot.png"), []byte("png"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("passes", func(t *testing.T) { shoot(t, &passed) })
	if _, err := os.Stat(passed); !os.IsNotExist(err) {
		t.Errorf("a passing test's artefacts are still in %s (%v)", passed, err)
	}
	if _, err := os.Stat(filepath.Dir(kept)); !os.IsNotExist(err) {
		t.Errorf("the run's folder %s is left behind, empty (%v)", filepath.Dir(kept), err)
	}
	t.Run("fails", func(t *testing.T) { shoot(failingTB{t}, &failed) })
	if _, err := os.Stat(filepath.Join(failed, "shot.png")); err != nil {
		t.Errorf("a failed test's artefacts are gone: %v", err)
	}
	t.Run("kept", func(t *testing.T) {
		t.Setenv("LADDER_KEEP_ARTIFACTS", "1")
		shoot(t, &asked)
	})
	if _, err := os.Stat(filepath.Join(asked, "shot.png")); err != nil {
		t.Errorf("with LADDER_KEEP_ARTIFACTS set, a passing test's artefacts are gone: %v", err)
	}
}

// A screenshot is taken only when someone will look at it: a passing
// test takes none (its artefacts are thrown away, and each cost Chromium
// tens of milliseconds of CPU), one that has failed takes it, and so
// does one whose artefacts are kept; and a failed test's tab leaves its
// screen as it was at the end, failed.png, when the test fails after
// its last screenshot or before its first.
func TestScreenshotsAreTakenOnlyWhenSomeoneWillLook(t *testing.T) {
	t.Setenv("LADDER_KEEP_ARTIFACTS", "")
	open := func(t testing.TB) context.Context {
		ctx := New(t, 400, 300, time.Minute)
		if err := chromedp.Do(ctx, chromedp.Navigate("data:text/html,<p>A page</p>")); err != nil {
			t.Fatal(err)
		}
		return ctx
	}
	isPNG := func(path string) bool {
		b, err := os.ReadFile(path)
		return err == nil && strings.HasPrefix(string(b), "\x89PNG")
	}
	var dir string
	t.Run("passes", func(t *testing.T) {
		if path := Screenshot(t, open(t), "shot.png"); path != "" {
			t.Errorf("a passing test took a screenshot, %s", path)
		}
		dir = ArtifactDir(t)
	})
	if _, err := os.Stat(filepath.Join(dir, "failed.png")); !os.IsNotExist(err) {
		t.Errorf("a passing test left failed.png in %s (%v)", dir, err)
	}
	var shot string
	t.Run("fails", func(t *testing.T) {
		tb := failingTB{t}
		shot = Screenshot(tb, open(tb), "shot.png")
		dir = ArtifactDir(tb)
	})
	if !isPNG(shot) {
		t.Errorf("a failed test's screenshot is not kept as a PNG: %q", shot)
	}
	if !isPNG(filepath.Join(dir, "failed.png")) {
		t.Errorf("a failed test's tab did not leave its screen at the end in %s", dir)
	}
	os.RemoveAll(dir)
	t.Run("kept", func(t *testing.T) {
		t.Setenv("LADDER_KEEP_ARTIFACTS", "1")
		shot = Screenshot(t, open(t), "shot.png")
	})
	if !isPNG(shot) {
		t.Errorf("with LADDER_KEEP_ARTIFACTS set, a passing test took no screenshot: %q", shot)
	}
	os.RemoveAll(filepath.Dir(shot))
	os.Remove(keptDir)
	os.Remove(filepath.Dir(keptDir))
}

// A phone's actions find the page's element as it is now: on a page that
// replaces its button every few milliseconds (as the room's page replaces
// its view when the server sends one), clicking it lands, each time, on a
// button that is in the page, where chromedp alone now and then failed
// with "Could not find node with given id" (againOnStaleNode).
//
// The page replaces it in bursts, with a rest between. Replaced every 2 ms
// without rest, the button was gone before chromedp's query could look it
// over (several calls on one node, to see it is visible) on a slow
// machine, and the query waited out the 15 s deadline in full runs at
// load 17: with the tab's processor slowed four times (as here), 2 clicks
// in 5 did; with the rests, none in 60. The room's page rests between
// views, and a person's tap lands in a rest.
func TestAPhoneActsOnAPageThatReplacesItsElements(t *testing.T) {
	t.Parallel()
	page := filepath.Join(t.TempDir(), "page.html")
	html := `<!doctype html><html lang="en"><title>t</title><main id="m"></main><p id="n">0</p><script>
let clicks = 0;
function put() {
  const b = document.createElement("button");
  b.id = "b"; b.textContent = "press";
  b.onclick = () => { clicks++; document.getElementById("n").textContent = String(clicks); };
  document.getElementById("m").replaceChildren(b);
}
put(); setInterval(() => { if (Date.now() % 500 < 300) put(); }, 2);
</script>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	p := Start(t).Phone(t, "phone")
	p.Do(chromedp.Navigate(FileURL(t, page)))
	// As on a loaded machine.
	if _, err := chromedp.Call(p.Context(), emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		p.Do(chromedp.Click(chromedp.ID("b")))
	}
	// A click that reached a button as it was replaced may be lost (the
	// press lands between two buttons); most arrive.
	p.WaitFor("clicks counted", `Number(document.getElementById("n").textContent) > 0`)
}

// Chromium says a node id is stale in two ways: "Could not find node with
// given id" (finding its box, to click) and "No node with given id found"
// (resolving it, to set a value: chromedp.SetValue). Only the first was
// taken for a stale node, and the room's browser test that chooses an
// area failed now and then with the second
// (TestPhoneKeepsTheAreaItSendsIdeasFor).
func TestBothStaleNodeAnswersAreTriedAgain(t *testing.T) {
	for _, msg := range []string{"Could not find node with given id", "No node with given id found"} {
		if !staleNode(&cdproto.Error{Code: -32000, Message: msg}) {
			t.Errorf("%q is not taken for a stale node", msg)
		}
	}
	if staleNode(&cdproto.Error{Code: -32000, Message: "Cannot navigate to invalid URL"}) {
		t.Error("another error is taken for a stale node")
	}
}

// A phone clicks the page as a person taps it: drawn. chromedp clicks at
// the place the browser gives for the element when asked, and a page
// whose style sheet has not arrived is laid out bare; a person sees no
// such page, only the one before, or this one once it is styled. Where the
// style sheet came in between chromedp's look and its click, the click
// landed where the element was no longer: the room's test of "Check
// again" without JavaScript stayed at the quick wins, the click on blank
// page, twice in full runs (TestPhonePageWithoutJavaScriptCanCheckAgain;
// on the items before, it pressed Amber for the item the room had left,
// and the refusal showed the new item all the same). Here the style sheet
// takes half a second, as on a slow Wi-Fi: the click waits for it, and
// lands.
func TestAClickWaitsForThePageToBeDrawn(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var order []string
	note := func(what string) {
		mu.Lock()
		defer mu.Unlock()
		order = append(order, what)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>t</title><a id="on" href="/slow">on</a>`)
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="/slow.css">`+
			`<h1>Slow</h1><p>Words before the link.</p><a id="next" href="/next">Next</a>`)
	})
	mux.HandleFunc("GET /slow.css", func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(500 * time.Millisecond)
		note("style sheet")
		w.Header().Set("Content-Type", "text/css")
		fmt.Fprint(w, `h1 { margin-bottom: 300px } a { display: block; padding: 1em; }`)
	})
	mux.HandleFunc("GET /next", func(w http.ResponseWriter, _ *http.Request) {
		note("next")
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>t</title><p>Arrived</p>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	p := Start(t).Phone(t, "phone")
	p.Do(chromedp.Navigate(srv.URL), Click(chromedp.ID("on")))
	p.WaitFor("the slow page", `document.body && document.body.innerText.includes("Words before")`)
	p.Do(Click(chromedp.ID("next")))
	p.WaitFor("the next page", `document.body && document.body.innerText.includes("Arrived")`)
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(order, []string{"style sheet", "next"}) {
		t.Errorf("the server saw %q: the click came before the page was drawn", order)
	}
}

// WaitFor asks the page until its expression is true, for ten seconds in
// all. It gave each question one second of those: on a machine at load
// 20-28, beside other suites, one question to Chromium took up to 0.94 s
// (the room's tests, 7 rounds; TestAPhoneAfterLadderStartsAgain), and
// tests whose page had long been as waited for failed now and then, each
// question cut short before its answer came. Here every answer takes
// 1.5 s (the page held up, as a starved Chromium is: by a request it
// waits for, so as not to burn the processor the other tests share): it
// is waited for.
func TestWaitForWaitsForASlowAnswer(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>t</title><p>slow</p><script>
window.slowly = () => { const r = new XMLHttpRequest(); r.open("GET", "/slow", false); r.send(); return r.responseText === "done"; };
</script>`)
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(1500 * time.Millisecond)
		fmt.Fprint(w, "done")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	p := Start(t).Phone(t, "phone")
	p.Do(chromedp.Navigate(srv.URL))
	start := time.Now()
	p.WaitFor("a slow answer", `slowly()`)
	if took := time.Since(start); took < 1500*time.Millisecond {
		t.Errorf("the answer came in %v: the page was not held up", took)
	}
}
