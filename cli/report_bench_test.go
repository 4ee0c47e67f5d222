package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
)

// The HTML report's speed target with history: at most 500 ms for a plan
// changed in 200 commits, the whole command as a user runs it (reading
// git, loading every version, writing the page). BenchmarkHistory200 is
// its baseline, run beside it: the history command over the same
// repository. Figures are in BENCHMARKS.md:
//
//	go test ./cli -run '^$' -bench 'History200|ReportHTMLHistory200' -count 6
func BenchmarkReportHTMLHistory200(b *testing.B) {
	plan := historyRepo(b, 200)
	var out bytes.Buffer
	if code := Main([]string{"report", plan, "--format", "html", "--today", "2027-03-01"}, nil, &out, io.Discard); code != ExitOK ||
		strings.Count(out.String(), `<g class="col">`) != 200 || !strings.Contains(out.String(), "What changed since the previous commit") {
		b.Fatalf("report: exit %d, %d history columns", code, strings.Count(out.String(), `<g class="col">`))
	}
	testtool.LoopCPU(b, func() { runLadder(b, "report", plan, "--format", "html", "--today", "2027-03-01") })
	b.ReportMetric(float64(out.Len()), "bytes")
}

// BenchmarkReport21 runs the report command over the 21-item fixture,
// outside git, in each format: the HTML page's target is 20 ms, and the
// Markdown report (the format it is compared with) runs beside it.
//
//	go test ./cli -run '^$' -bench 'Report21' -count 6
func BenchmarkReport21(b *testing.B) {
	plan := filepath.Join(b.TempDir(), "acme.yaml")
	data, err := os.ReadFile("../render/testdata/report-21.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(plan, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"md", "html", "csv"} {
		b.Run(format, func(b *testing.B) {
			testtool.LoopCPU(b, func() { runLadder(b, "report", plan, "--format", format, "--today", "2027-03-01") })
		})
	}
}
