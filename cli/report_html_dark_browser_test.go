package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/socialmobility/ladder/internal/browsertest"
)

// TestReportAndStatusHTMLInADarkScheme opens the HTML report and the
// status page as someone whose system is set dark: the page is dark with
// light words (it was a white page whatever the setting), every word
// still passes axe-core's contrast rules, the overdue words are a red
// that reads on the dark page, no box is left white, and printed the
// page is light, as paper is.
func TestReportAndStatusHTMLInADarkScheme(t *testing.T) {
	plan, _ := reportRepo(t)
	report := filepath.Join(t.TempDir(), "report.html")
	status := filepath.Join(t.TempDir(), "chase.html")
	for _, args := range [][]string{
		{"report", plan, "--format", "html", "--today", "2027-03-01", "-o", report},
		{"status", chaseFolder(t), "--today", statusToday.String(), "-o", status},
	} {
		var stderr bytes.Buffer
		if code := Main(args, nil, io.Discard, &stderr); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
		}
	}
	for _, page := range []string{report, status} {
		ctx := browsertest.New(t, 1280, 800, 2*time.Minute)
		do(t, ctx, chromedp.Navigate(browsertest.FileURL(t, page)))
		setColourScheme(t, ctx, "", "dark")
		name := filepath.Base(page)
		colours := run(t, ctx, chromedp.Evaluate[[]string](`[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]`))
		if colours[0] != "rgb(22, 22, 22)" || colours[1] != "rgb(236, 236, 236)" {
			t.Errorf("%s in a dark scheme: background %s, words %s; want a dark page with light words", name, colours[0], colours[1])
		}
		if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".overdue").length`)); n == 0 {
			t.Errorf("%s has no overdue words to check", name)
		}
		if white := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("body *")].filter(e => {
				const s = getComputedStyle(e);
				return s.backgroundColor === "rgb(255, 255, 255)" || (e instanceof SVGElement && s.fill === "rgb(255, 255, 255)");
			}).map(e => e.outerHTML.slice(0, 80))`)); len(white) > 0 {
			t.Errorf("%s in a dark scheme: %d boxes are still white, such as %s", name, len(white), white[0])
		}
		for _, v := range browsertest.Axe(t, ctx) {
			if v.Serious() {
				t.Errorf("axe-core on %s in a dark scheme: %s", name, v)
			}
		}
		saveScreenshot(t, ctx, "dark-"+name+".png")
		setColourScheme(t, ctx, "print", "dark")
		if bg := run(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`)); bg != "rgb(255, 255, 255)" {
			t.Errorf("%s printed in a dark scheme has background %s, want white paper", name, bg)
		}
	}
}

// setColourScheme emulates a media type ("print", or "" for the screen)
// with prefers-color-scheme set to scheme.
func setColourScheme(t *testing.T, ctx context.Context, media, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media: media, Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}
