package render

import (
	"testing"
)

// The HTML report's speed and size targets for a 21-item plan: at most
// 20 ms and 200 KB. The Markdown report of the same plan is the baseline,
// run beside it. Figures are in BENCHMARKS.md:
//
//	go test ./render -run '^$' -bench 'Report(HTML|Markdown|CSV)21' -count 6
func BenchmarkReportHTML21(b *testing.B) {
	p := loadFixture(b, "testdata/report-21.yaml")
	var out []byte
	for b.Loop() {
		out = ReportHTML(p, reportToday, nil)
	}
	b.ReportMetric(float64(len(out)), "bytes")
}

func BenchmarkReportMarkdown21(b *testing.B) {
	p := loadFixture(b, "testdata/report-21.yaml")
	var out []byte
	for b.Loop() {
		out = ReportMarkdown(p, reportToday)
	}
	b.ReportMetric(float64(len(out)), "bytes")
}

func BenchmarkReportCSV21(b *testing.B) {
	p := loadFixture(b, "testdata/report-21.yaml")
	for b.Loop() {
		ReportCSV(p, reportToday, false)
	}
}
