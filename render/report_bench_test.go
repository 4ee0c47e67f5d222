package render

import (
	"testing"

	"github.com/socialmobility/ladder/plans"
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

// BenchmarkNotCarriedOn12000 is the report's list of what was not carried
// on, from a previous review of 12,000 open project-plan steps (about as
// many as a plan file's 512 KiB holds) that this plan dropped, as a
// hostile pull request could: the work grows with the list, not with its
// square. Figures are in BENCHMARKS.md:
//
//	go test ./render -run '^$' -bench 'NotCarriedOn12000' -count 6
func BenchmarkNotCarriedOn12000(b *testing.B) {
	prev := loadFixture(b, "testdata/report-21.yaml")
	steps := make([]plans.Step, 12000)
	for i := range steps {
		steps[i] = plans.Step{ID: i + 1, Text: "Print the posters", Owner: "Ana", Status: plans.StatusTodo}
	}
	prev.Answer(prev.ProjectPlanID()).Steps = steps
	p := prev.Clone()
	p.Answer(p.ProjectPlanID()).Steps = nil
	for b.Loop() {
		if dropped, _ := notCarriedOn(p, prev); len(dropped) < len(steps) {
			b.Fatalf("%d dropped, want at least %d", len(dropped), len(steps))
		}
	}
}
