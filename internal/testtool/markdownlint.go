package testtool

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

// Markdownlint runs markdownlint-cli2 in one node process for the whole
// test run, not one per lint: node took a third of a CPU-second to start
// and load markdownlint, a lint a few hundredths. The process runs
// markdownlint-cli2's own main, the function its command calls with the
// command line, so the rules, the configuration files it reads in the
// folder and the report are the command's. bin is the command
// (markdownlint-cli2 on PATH, which Need finds); its module is beside it.
// It returns what the command would have printed, and whether it found
// nothing wrong. StopMarkdownlint, from TestMain, ends the process.
func Markdownlint(bin, dir string, args ...string) (string, bool, error) {
	s := &lintServer
	s.once.Do(func() { s.err = s.start(bin) })
	if s.err != nil {
		return "", false, fmt.Errorf("starting markdownlint-cli2 in node: %w", s.err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.in.Encode(map[string]any{"dir": dir, "args": args}); err != nil {
		return "", false, fmt.Errorf("markdownlint-cli2 in node: %w", err)
	}
	if !s.out.Scan() {
		return "", false, fmt.Errorf("markdownlint-cli2 in node gave no answer: %v", s.out.Err())
	}
	var res struct {
		Code int
		Out  string
	}
	if err := json.Unmarshal(s.out.Bytes(), &res); err != nil {
		return "", false, fmt.Errorf("markdownlint-cli2 in node: %w: %s", err, s.out.Bytes())
	}
	return res.Out, res.Code == 0, nil
}

// StopMarkdownlint ends Markdownlint's node process, if a test started
// it (it ends when its input does).
func StopMarkdownlint() {
	if s := &lintServer; s.cmd != nil {
		s.stop.Close()
		s.cmd.Wait()
	}
}

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

// lintServer is the node process Markdownlint sends its lints to.
var lintServer markdownlintServer

type markdownlintServer struct {
	once sync.Once
	mu   sync.Mutex // one request at a time
	cmd  *exec.Cmd
	stop io.Closer // its input
	in   *json.Encoder
	out  *bufio.Scanner
	err  error
}

// start starts node with lintServerScript, importing markdownlint-cli2
// from beside bin.
func (s *markdownlintServer) start(bin string) error {
	real, err := filepath.EvalSymlinks(bin)
	if err != nil {
		return err
	}
	module := filepath.Join(filepath.Dir(real), "markdownlint-cli2.mjs")
	if _, err := os.Stat(module); err != nil {
		return errors.New("markdownlint-cli2's module is not beside its command")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return err
	}
	answers, answer, err := os.Pipe()
	if err != nil {
		return err
	}
	defer answer.Close()
	cmd := exec.Command(node, "--input-type=module", "-e", fmt.Sprintf(lintServerScript, module))
	cmd.ExtraFiles = []*os.File{answer} // its fd 3
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		answers.Close()
		return err
	}
	if err := cmd.Start(); err != nil {
		answers.Close()
		return err
	}
	s.out = bufio.NewScanner(answers)
	s.out.Buffer(nil, 64<<20)
	s.cmd, s.stop, s.in = cmd, in, json.NewEncoder(in)
	return nil
}
