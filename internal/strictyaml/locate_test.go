package strictyaml

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// bisectLine is the definition the one-pass location is held to: the first
// line at which a prefix of the file fails to parse with the same message
// (the old, slow way of finding it: a parse per step of a bisection).
// parsed gives each prefix's parse.
func bisectLine(data []byte, msg string, parsed prefixParses) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(k int) bool {
		err := parsed.err(bytes.Join(lines[:k], nil))
		if err == "" {
			return false
		}
		m := syntaxLine().FindStringSubmatch(err)
		return (m != nil && m[2] == msg) || err == "yaml: "+msg
	}
	lo, hi := 1, len(lines)
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// prefixParses is the error yaml.Unmarshal gives for each text it has
// been asked about, by the text's SHA-256: a file broken at one line has
// the same first lines as the file, and bisecting for where it breaks
// parses those prefixes again and again, the same texts with the same
// results (three quarters of the test's time before).
type prefixParses map[[sha256.Size]byte]string

// err is yaml.Unmarshal's error for data, as text ("" where data parses).
func (p prefixParses) err(data []byte) string {
	key := sha256.Sum256(data)
	if err, ok := p[key]; ok {
		return err
	}
	var n yaml.Node
	err := ""
	if e := yaml.Unmarshal(data, &n); e != nil {
		err = e.Error()
	}
	p[key] = err
	return err
}

// TestSyntaxErrorLineMatchesBisection breaks real plans and checklists in
// the ways people break YAML (a line indented one space too far or too
// short, a colon in a value, an unclosed quote, a tab) at random lines,
// and checks the one-pass location finds the line the bisection finds.
func TestSyntaxErrorLineMatchesBisection(t *testing.T) {
	var files [][]byte
	for _, f := range []string{"../../plans/testdata/golden.yaml", "../../checklist/builtin/smc-progression.yaml", "../../checklist/builtin/smc-progression.guidance.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	breakers := []func(l string) string{
		func(l string) string { return " " + l },
		func(l string) string { return strings.TrimPrefix(l, " ") },
		func(l string) string { return l + ": x" },
		func(l string) string { return strings.Replace(l, ": ", ": 'open ", 1) },
		func(l string) string { return strings.Replace(l, ": ", ": \"open ", 1) },
		func(l string) string { return "\t" + l },
		func(l string) string { return strings.Replace(l, ": ", ": - ", 1) },
		func(l string) string { return strings.Replace(l, "- ", "-", 1) },
		func(l string) string { return l + " [" },
		func(l string) string { return strings.Replace(l, ": ", ": {a: ", 1) },
	}
	// The line the reader's error is located at, before plain words move
	// it to where the person must act (tested in words_test.go).
	explainSyntax = func(data []byte, line int, what string) Problem {
		return Problem{line, 1, "not valid YAML: " + what}
	}
	defer func() { explainSyntax = explain }()
	rng := rand.New(rand.NewPCG(15, 7))
	compared, differ := 0, 0
	parsed := prefixParses{}
	for i := 0; i < 1000; i++ {
		data := files[i%len(files)]
		lines := strings.SplitAfter(string(data), "\n")
		k := rng.IntN(len(lines) - 1)
		br := breakers[rng.IntN(len(breakers))]
		lines[k] = br(strings.TrimSuffix(lines[k], "\n")) + "\n"
		broken := []byte(strings.Join(lines, ""))
		if parsed.err(broken) == "" {
			continue // still valid YAML
		}
		_, ps := Parse(broken)
		if len(ps) != 1 || !strings.HasPrefix(ps[0].Message, "not valid YAML: ") {
			continue // refused for something else first (a duplicate, say)
		}
		msg := strings.TrimPrefix(ps[0].Message, "not valid YAML: ")
		if i := strings.Index(msg, " ("); i > 0 {
			msg = msg[:i]
		}
		// The plain words, on every kind of break, at a line of the file
		// and never the reader's jargon first.
		if w := explain(broken, ps[0].Line, msg); w.Line < 1 || w.Line > strings.Count(string(broken), "\n")+1 || strings.HasPrefix(w.Message, msg) {
			t.Errorf("line %d broken: words %v for %q", k+1, w, msg)
		}
		want := bisectLine(broken, msg, parsed)
		if _, opened := openedErrors[msg]; opened {
			// Something opened and never closed: the bisection finds
			// where the parser gave up, the fix is where it was opened.
			want = k + 1
		}
		if want == 0 {
			continue
		}
		compared++
		if msg == "did not find expected node content" && ps[0].Line == want+1 {
			continue // where the node was missed, on the line after its [ or {: as good
		}
		if ps[0].Line != want {
			differ++
			t.Errorf("line %d broken: found %d, bisection says %d (%s)\n%s", k+1, ps[0].Line, want, ps[0].Message, excerptLines(broken, want))
		}
	}
	if compared < 100 {
		t.Fatalf("only %d broken files compared", compared)
	}
	t.Logf("%d broken files compared, %d differ", compared, differ)
}

func excerptLines(data []byte, around int) string {
	lines := strings.Split(string(data), "\n")
	var b strings.Builder
	for i := max(0, around-4); i < min(len(lines), around+2); i++ {
		fmt.Fprintf(&b, "%5d| %s\n", i+1, lines[i])
	}
	return b.String()
}
