// Command plangen writes realistic plans for the folder benchmarks
// (bench/folderbench): a folder of plans, or a git repository where one
// plan changed in many commits.
//
//	go run ./bench/plangen -plans 1000 /tmp/plans1000     # /tmp/plans1000/plan-0001.yaml ...
//	go run ./bench/plangen -plans 1000 -carried /tmp/c1000 # every other plan carried on to the next
//	go run ./bench/plangen -plans 1000 -chain 50 /tmp/l1000 # 20 plans, each reviewed 50 times
//	go run ./bench/plangen -commits 2000 /tmp/history2000 # /tmp/history2000/plans/acme.yaml, 2,000 commits
//
// Every plan is a checklisttest.FilledPlan of the built-in checklist:
// all 21 items rated, with an action, an owner, a due date and a status,
// most with notes (some over several lines), every follow-up answered and
// a project plan of three steps, in ladder's own layout (8.5 kB). Each
// has its own seed, so no two files are alike, and the same arguments
// always give the same files. In the history, each commit changes a few
// answers of the plan before it, as a team's check-ins do, and one commit
// in fifty breaks the plan (a misspelt rating) and the next one mends it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/checklist/checklisttest"
	"github.com/socialmobility/ladder/plans"
)

func main() {
	n := flag.Int("plans", 0, "write `N` plans into DIR")
	carried := flag.Bool("carried", false, "with -plans, carry every other plan on to the one after it (next_review, previous_review), as ladder new --from links them")
	chain := flag.Int("chain", 0, "with -plans, carry plans on in chains of `N`, each plan but a chain's last to the one after it (-carried is -chain 2)")
	commits := flag.Int("commits", 0, "make DIR a git repository where plans/acme.yaml changed in `N` commits")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: plangen -plans N DIR | plangen -commits N DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *carried && *chain == 0 {
		*chain = 2
	}
	if flag.NArg() != 1 || (*n > 0) == (*commits > 0) || *chain == 1 || *chain < 0 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	var err error
	if *n > 0 {
		err = writeFolder(dir, *n, *chain)
	} else {
		err = writeHistory(dir, *commits)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "plangen:", err)
		os.Exit(1)
	}
}

// writeFolder writes n plans into dir, named so that they sort in order;
// with a chain of 2, plan 1 is carried on to plan 2, 3 to 4, and so on;
// of 3, 1 to 2 to 3, 4 to 5 to 6; 0 carries nothing on.
func writeFolder(dir string, n, chain int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	digits := len(fmt.Sprint(n))
	name := func(i int) string { return fmt.Sprintf("plan-%0*d.yaml", digits, i+1) }
	for i := range n {
		p := checklisttest.FilledPlan(c, uint64(i))
		if chain > 0 && i%chain != chain-1 && i+1 < n {
			p.NextReview = name(i + 1)
		}
		if chain > 0 && i%chain != 0 {
			p.PreviousReview = name(i - 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name(i)), plans.Encode(p), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeHistory makes dir a git repository whose plans/acme.yaml changed
// in n commits, written with one git fast-import.
func writeHistory(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	git := func(stdin []byte, args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(stdin)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := git(nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	c, _ := checklist.Builtin(checklist.DefaultID)
	p := checklisttest.FilledPlan(c, 1)
	items := c.Items()
	var stream bytes.Buffer
	for i := range n {
		// A check-in: a rating, a status and a due date move.
		r := p.Response(items[i%len(items)].Item.ID)
		r.Rating = c.Scale[(i/len(items))%len(c.Scale)].Key
		r.Status = plans.Statuses[i%len(plans.Statuses)]
		r.Due = r.Due.AddDays(7)
		data := plans.Encode(p)
		if i%50 == 49 {
			data = bytes.Replace(data, []byte("rating: "+r.Rating), []byte("rating: purple"), 1)
		}
		fmt.Fprintf(&stream, "commit refs/heads/main\ncommitter Ana <ana@example.com> %d +0000\ndata <<EOM\nCheck-in %d\nEOM\n", 1800000000+i*3600, i+1)
		fmt.Fprintf(&stream, "M 100644 inline plans/acme.yaml\ndata %d\n", len(data))
		stream.Write(data)
		stream.WriteString("\n")
	}
	if err := git(stream.Bytes(), "fast-import", "--quiet"); err != nil {
		return err
	}
	return git(nil, "checkout", "-q", "main")
}
