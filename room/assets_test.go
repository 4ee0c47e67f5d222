package room

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestAPhoneDoesNotDownloadTheStyleSheetAtEachPage: every page a phone
// opened (each "Check again", each refresh of a page without JavaScript,
// every five seconds) downloaded room.css in full, on the venue's Wi-Fi,
// with nothing for the browser to check its copy against. The second
// page now takes it from the browser's cache (or from a 304), and is
// styled as the first.
func TestAPhoneDoesNotDownloadTheStyleSheetAtEachPage(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	_, s := startParallelServer(t)
	p := openPhone(t, b, s, "style-sheet")
	p.waitText("Type the PIN")
	p.Do(chromedp.Navigate(s.URL()))
	p.WaitFor("the page loaded again", `document.readyState === "complete" && document.body.innerText.includes("Type the PIN")`)
	sizes := browsertest.Run(p.Phone, chromedp.Evaluate[[]float64](`(() => {
		const e = performance.getEntriesByType("resource").find(e => new URL(e.name).pathname === "/room.css");
		return e ? [e.transferSize, e.encodedBodySize] : [];
	})()`))
	if len(sizes) != 2 || sizes[0] >= sizes[1] {
		t.Errorf("the second page fetched room.css as [bytes on the network, its size]: %v", sizes)
	}
	if width := browsertest.Run(p.Phone, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("room")).maxWidth`)); width != "640px" {
		t.Errorf("the second page is not styled: its main column is %s wide", width)
	}
}

// TestThePagesFilesCarryAVersion: the page links its style sheet and
// script with their version (a hash of their bytes), which a browser may
// keep for good; at their plain addresses they carry a validator, and a
// browser that has the bytes is told 304, not sent them again. A version
// that is not theirs (an old page's) is answered as the plain address.
func TestThePagesFilesCarryAVersion(t *testing.T) {
	_, s := startServer(t)
	defer http.DefaultClient.CloseIdleConnections()
	get := func(path string, header ...string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest("GET", strings.TrimSuffix(s.URL(), "/")+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, string(body)
	}
	_, page := get("/")
	for _, name := range []string{"room.css", "room.js"} {
		link := regexp.MustCompile(`"(/` + regexp.QuoteMeta(name) + `\?v=[0-9a-f]{12,})"`).FindStringSubmatch(page)
		if link == nil {
			t.Errorf("the page does not link %s with its version:\n%s", name, page)
			continue
		}
		res, body := get(link[1])
		if cc := res.Header.Get("Cache-Control"); res.StatusCode != http.StatusOK || !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") || body == "" {
			t.Errorf("%s: %d, Cache-Control %q, %d bytes", link[1], res.StatusCode, cc, len(body))
		}
		res, body = get("/" + name)
		etag := res.Header.Get("ETag")
		if cc := res.Header.Get("Cache-Control"); res.StatusCode != http.StatusOK || etag == "" || cc != "no-cache" || body == "" {
			t.Fatalf("/%s: %d, ETag %q, Cache-Control %q, %d bytes", name, res.StatusCode, etag, cc, len(body))
		}
		if res, body := get("/"+name, "If-None-Match", etag); res.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("/%s asked again with its ETag: %d, %d bytes", name, res.StatusCode, len(body))
		}
		if res, _ := get("/" + name + "?v=0123456789ab"); res.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("/%s with another version: Cache-Control %q", name, res.Header.Get("Cache-Control"))
		}
	}
}
