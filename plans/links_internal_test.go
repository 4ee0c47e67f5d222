package plans

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linksIn reads a plan's links as loading the plan does, however the file
// is laid out: where the plan loads, the links agree with it.
func TestLinksInAgreesWithLoadingThePlan(t *testing.T) {
	p := blankPlan()
	p.PreviousReview, p.NextReview = "a.yaml", "c.yaml"
	ladders := string(Encode(p))
	q := blankPlan()
	plain := string(Encode(q)) // no links
	r := blankPlan()
	r.PreviousReview = "a.yaml"
	previousOnly := string(Encode(r))
	variants := map[string]string{
		"next after the items":        previousOnly + "next_review: c.yaml\n",
		"quoted next after the items": previousOnly + "\"next\\x5freview\": c.yaml\n",
		"ladder's layout":             ladders,
		"CRLF":                        strings.ReplaceAll(ladders, "\n", "\r\n"),
		"byte-order mark":             "\ufeff" + ladders,
		"links after the items":       plain + "previous_review: a.yaml\nnext_review: c.yaml\n",
		"quoted keys after items":     plain + "\"previous_review\": a.yaml\n\"next\\x5freview\": c.yaml\n",
		"explicit key after items":    plain + "? next_review\n: c.yaml\n",
		"title over the items line":   withTitle(plain, "\"x\nitems: y\nprevious_review: a.yaml\n\""),
		"quoted title with a link":    withTitle(ladders, "'x\nprevious_review: z.yaml\n'"),
		"duplicate after items":       ladders + "previous_review: z.yaml\n",
		"conflict after items":        ladders + "<<<<<<< HEAD\nnext_review: z.yaml\n=======\n>>>>>>> other\n",
		"second document":             ladders + "---\nprevious_review: z.yaml\n",
		"flow style":                  "{previous_review: a.yaml, next_review: c.yaml}\n",
		"anchor and alias":            strings.Replace(ladders, "previous_review: a.yaml", "previous_review: &l a.yaml", 1),
		"tab before the value":        strings.Replace(ladders, "previous_review: a.yaml", "previous_review:\ta.yaml", 1),
		"block scalar with a link":    withTitle(plain, "|\n  previous_review: a.yaml"),
		"long line":                   withTitle(ladders, strings.Repeat("x", 200000)),
	}
	dir := t.TempDir()
	for name, data := range variants {
		path := filepath.Join(dir, "b.yaml")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		prev, next, _ := NewLinks().linksIn(path)
		loaded, err := Parse(path, []byte(data), nil)
		if err != nil {
			// A plan that does not load is reported by every command
			// that reads it; what its links say matters no more.
			t.Logf("%s: does not load: %v", name, err)
			continue
		}
		if prev != loaded.PreviousReview || next != loaded.NextReview {
			t.Errorf("%s: linksIn %q %q, loaded %q %q", name, prev, next, loaded.PreviousReview, loaded.NextReview)
		}
	}
}

// withTitle is data with its title line's value replaced by value.
func withTitle(data, value string) string {
	var lines []string
	for _, l := range strings.Split(data, "\n") {
		if strings.HasPrefix(l, "title:") {
			l = "title: " + value
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}
