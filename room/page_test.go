package room

import (
	"os"
	"regexp"
	"testing"
)

// A level is painted the same on a phone as in the HTML report (one
// palette, as plans.ToneAt is one rule for which tone a level takes): the
// phones' red, amber and green were each a shade of their own. The
// phone's class for each tone is named on the left, the report's on the
// right (levelClass in each).
func TestThePhonesPaintEachToneAsTheReportDoes(t *testing.T) {
	phoneCSS, err := pageFiles.ReadFile("page/room.css")
	if err != nil {
		t.Fatal(err)
	}
	reportCSS, err := os.ReadFile("../render/report_html.css")
	if err != nil {
		t.Fatal(err)
	}
	phone, report := cssColours(string(phoneCSS)), cssColours(string(reportCSS))
	for phoneName, reportName := range map[string]string{
		"worst": "worst", "low": "low", "between": "mid", "high": "high", "best": "best",
	} {
		if phone[phoneName] == "" || report[reportName] == "" {
			t.Fatalf("--%s or --%s is not set: phone %v, report %v", phoneName, reportName, phone, report)
		}
		if phone[phoneName] != report[reportName] {
			t.Errorf("the phones paint --%s %s, the report paints --%s %s", phoneName, phone[phoneName], reportName, report[reportName])
		}
	}
}

// cssColours are the colours a stylesheet first sets its custom
// properties to: "--worst: #9b1c1c" gives worst: #9b1c1c.
func cssColours(css string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,8})\b`).FindAllStringSubmatch(css, -1) {
		if _, ok := out[m[1]]; !ok {
			out[m[1]] = m[2]
		}
	}
	return out
}
