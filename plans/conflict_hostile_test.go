package plans

import (
	"errors"
	"strings"
	"testing"
)

// conflictPlan is a plan git left two branches' next_review lines in.
func conflictPlan(ours, theirs string) []byte {
	return []byte("schema: 1\ncheckli" + "st:\n  id: smc-progression\n  version: '1'\n" +
		"<<<<<<< HEAD\nnext_review: " + ours + "\n=======\nnext_review: " + theirs + "\n>>>>>>> cai\n" +
		"organisation: Acme\n")
}

// The message at a conflict between two next_review lines names both
// links, as a plan from a pull request gives them: a link thousands of
// characters long is cut short in it, as every message quotes a value
// (safetext.Excerpt), not printed whole, twice, into a CI log.
func TestNextReviewConflictQuotesHugeLinksShort(t *testing.T) {
	huge := strings.Repeat("a", 20000) + ".yaml"
	_, err := Parse("plan.yaml", conflictPlan("acme-2027.yaml", huge), nil)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want a FileError, got %v", err)
	}
	msg := fe.Problems[0].Message
	if !strings.Contains(msg, "two reviews carry this plan on") || !strings.Contains(msg, "acme-2027.yaml") {
		t.Fatalf("not the next_review conflict's message: %.200s", msg)
	}
	if len(msg) > 600 {
		t.Errorf("the message is %d bytes long, the link in it whole", len(msg))
	}
}

// BenchmarkConflictMarkersInAHostilePlan: a plan of the largest size
// ladder reads, every line a conflict marker's "<<<<<<<" and no end to
// any: the look for a next_review conflict read on from each marker to
// the end of the file, 65,000 lines 65,000 times.
func BenchmarkConflictMarkersInAHostilePlan(b *testing.B) {
	data := []byte("schema: 1\n" + strings.Repeat("<<<<<<<\n", 60000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("plan.yaml", data, nil); err == nil {
			b.Fatal("a plan of conflict markers loads")
		}
	}
}
