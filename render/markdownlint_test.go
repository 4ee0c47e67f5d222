package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The Markdown tests lint with markdownlint-cli2 run in one node process
// for the whole test run (lintServer), not one per test: node took a
// third of a CPU-second to start and load markdownlint, the lint itself a
// few hundredths. The process runs markdownlint-cli2's own main, the
// function its command calls with the command line, so the rules, the
// configuration files it reads in the folder and the report are the
// command's.

// lintServerScript reads one request a line on its standard input (the
// folder and the command line), runs markdownlint-cli2's main with them
// and answers on file descriptor 3, one JSON line a request: the exit
// status, and what the command would have printed. (Its standard output
// is left to anything that prints there, so no stray line is read as an
// answer.)
const lintServerScript = `
import {main} from %q;
import {format} from 'node:util';
import {writeSync} from 'node:fs';
import readline from 'node:readline';
for await (const line of readline.createInterface({input: process.stdin})) {
	const req = JSON.parse(line);
	const out = [];
	const log = (...args) => { out.push(format(...args)); };
	let code;
	try {
		code = await main({directory: req.dir, argv: req.args, logMessage: log, logError: log});
	} catch (error) {
		out.push(String(error && error.stack || error));
		code = 2;
	}
	writeSync(3, JSON.stringify({code, out: out.join('\n')}) + '\n');
}
`

var lintServer struct {
	once sync.Once
	mu   sync.Mutex // one request at a time
	cmd  *exec.Cmd
	stop io.Closer // its input
	in   *json.Encoder
	out  *bufio.Scanner
	err  error
}

// startLintServer starts node with lintServerScript, importing
// markdownlint-cli2 from beside bin, the command on PATH.
func startLintServer(bin string) error {
	real, err := filepath.EvalSymlinks(bin)
	if err != nil {
		return err
	}
	module := filepath.Join(filepath.Dir(real), "markdownlint-cli2.mjs")
	if _, err := os.Stat(module); err != nil {
		return fmt.Errorf("markdownlint-cli2's module is not beside its command: %w", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return err
	}
	answers, answer, err := os.Pipe()
	if err != nil {
		return err
	}
	cmd := exec.Command(node, "--input-type=module", "-e", fmt.Sprintf(lintServerScript, module))
	cmd.ExtraFiles = []*os.File{answer} // its fd 3
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	answer.Close()
	out := bufio.NewScanner(answers)
	out.Buffer(nil, 64<<20)
	lintServer.cmd, lintServer.stop, lintServer.in, lintServer.out = cmd, in, json.NewEncoder(in), out
	return nil
}

// runMarkdownlint runs markdownlint-cli2 with args in dir, as the command
// bin would, and returns what it printed and whether it found nothing.
func runMarkdownlint(t *testing.T, bin, dir string, args []string) (string, bool) {
	t.Helper()
	s := &lintServer
	s.once.Do(func() { s.err = startLintServer(bin) })
	if s.err != nil {
		t.Fatalf("starting markdownlint-cli2 in node: %v", s.err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.in.Encode(map[string]any{"dir": dir, "args": args}); err != nil {
		t.Fatalf("markdownlint-cli2 in node: %v", err)
	}
	if !s.out.Scan() {
		t.Fatalf("markdownlint-cli2 in node gave no answer: %v", s.out.Err())
	}
	var res struct {
		Code int
		Out  string
	}
	if err := json.Unmarshal(s.out.Bytes(), &res); err != nil {
		t.Fatalf("markdownlint-cli2 in node: %v: %s", err, s.out.Bytes())
	}
	return res.Out, res.Code == 0
}

// stopLintServer ends the node process, if a test started it: it ends
// when its input does.
func stopLintServer() {
	if s := &lintServer; s.cmd != nil {
		s.stop.Close()
		s.cmd.Wait()
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	stopLintServer()
	os.Exit(code)
}

// TestMarkdownlintInNodeAgreesWithTheCommand: the one node process finds
// what markdownlint-cli2 the command finds, in a folder with a
// configuration file of its own, and passes what it passes; else every
// test that lints would pass or fail for nothing.
func TestMarkdownlintInNodeAgreesWithTheCommand(t *testing.T) {
	t.Parallel()
	bin := markdownlint(t)
	docs := map[string][]byte{
		"good.md":                  []byte("# Title\n\nA line.\n"),
		"bad.md":                   []byte("# Title\n\n#Not a heading\n\nA line. \n"),
		"long.md":                  []byte("# Title\n\n" + strings.TrimSpace(strings.Repeat("word ", 30)) + "\n"), // over 80 columns, which the folder allows
		".markdownlint-cli2.jsonc": []byte(`{"config": {"MD013": false}}`),
	}
	dir, _ := writeDocs(t, docs)
	for _, names := range [][]string{{"good.md"}, {"long.md"}, {"bad.md"}, {"good.md", "bad.md", "long.md"}} {
		cmd := exec.Command(bin, names...)
		cmd.Dir = dir
		want, err := cmd.CombinedOutput()
		got, ok := runMarkdownlint(t, bin, dir, names)
		if ok != (err == nil) {
			t.Errorf("%v: in node passes %v, the command %v:\n%s\n%s", names, ok, err, got, want)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
			if strings.HasPrefix(line, "bad.md:") && !strings.Contains(got, line) {
				t.Errorf("%v: in node does not say %q:\n%s", names, line, got)
			}
		}
	}
	if _, ok := runMarkdownlint(t, bin, dir, []string{"bad.md"}); ok {
		t.Error("markdownlint in node passes a heading with no space after #")
	}
}
