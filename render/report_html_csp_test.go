package render

import (
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
)

var (
	cspRE   = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	styleRE = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
)

// A report or status page is opened from a pull request's artefacts, an
// email, a shared folder: its text is a stranger's plan. html/template
// escapes every value, and the page carries a policy besides, so that if
// markup ever got through (a <script>, an <img> calling home, a form, a
// <base>), the browser would run and fetch nothing: the page's one
// stylesheet is allowed by its hash, and nothing else at all.
func TestHTMLPagesAllowTheirOwnStylesheetAlone(t *testing.T) {
	p := loadFixture(t, "../plans/testdata/golden.yaml")
	pages := map[string][]byte{
		"report": ReportHTML(p, reportToday, nil),
		"status": statusHTML(t, statusFixtureCarried(t, ByDue)),
	}
	for name, page := range pages {
		head, _, _ := strings.Cut(string(page), "</head>")
		m := cspRE.FindStringSubmatch(head)
		if m == nil {
			t.Errorf("%s page: no Content-Security-Policy in its <head>", name)
			continue
		}
		if strings.Index(head, m[0]) > strings.Index(head, "<style>") {
			t.Errorf("%s page: the policy comes after the <style> it allows", name)
		}
		style := styleRE.FindStringSubmatch(string(page))
		sum := sha256.Sum256([]byte(asRead(style[1])))
		want := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
		if m[1] != want {
			t.Errorf("%s page's policy is\n%s\nwant\n%s", name, m[1], want)
		}
	}
}

// A browser hashes a <style> as it reads it, with each CR LF and lone CR
// made LF. A clone made on Windows (git's core.autocrlf) embeds the
// stylesheet with CR LF line ends: hashed as bytes, the policy allowed
// no stylesheet there, and the page was white and unstyled.
func TestThePolicyHashesTheStylesheetAsABrowserReadsIt(t *testing.T) {
	lf := "body { color: #111; }\nh1 { margin: 0; }\n"
	for _, css := range []string{strings.ReplaceAll(lf, "\n", "\r\n"), strings.ReplaceAll(lf, "\n", "\r")} {
		if got, want := pagePolicy(css), pagePolicy(lf); got != want {
			t.Errorf("the policy for %q is\n%s\nwant, as a browser hashes it,\n%s", css, got, want)
		}
	}
}
