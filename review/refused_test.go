package review_test

import (
	"os"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/review"
)

// A plan made read-only under the session is left alone (issue 15.9), and
// the session says so in the words every front end shows ("Not saved:
// WHAT. To save it, FIX."); once it is writable again, the retry lands.
func TestReadOnlyPlanIsExplainedAndRetried(t *testing.T) {
	s := newSession(t)
	id := firstItem(s)
	if err := os.Chmod(s.Path(), 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path())
	sn, _ := s.Rate(id, "red")
	if o := s.Save(sn); o.Err == nil || o.Conflict() {
		t.Fatalf("saving a read-only plan: %+v", o)
	}
	if now, _ := os.ReadFile(s.Path()); string(now) != string(before) {
		t.Fatal("the read-only plan was overwritten")
	}
	what, fix := review.Problem(s.State().Err, s.Path())
	if !strings.HasSuffix(what, "acme.yaml is read-only, so ladder left it as it is") || !strings.HasPrefix(fix, "make it writable (for example chmod u+w ") {
		t.Errorf("problem in words: %q / %q", what, fix)
	}
	if err := os.Chmod(s.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Save(s.Retry())
	if st := s.State(); st.Err != nil || onDisk(t, s).Response(id).Rating != "red" {
		t.Errorf("once writable, the retry did not land: %+v", st)
	}
}
