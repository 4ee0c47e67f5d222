package testtool

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
)

// nodeServer is one node process a test run keeps for a checker written
// in JavaScript (markdownlint, html-validate, micromark), started by the
// first test that asks: node took a third to half a CPU-second to start
// and load such a checker, a check a few hundredths once it was loaded.
// It reads one request a line (JSON) on its standard input and answers
// each on file descriptor 3, one JSON line; its standard output is left
// to anything that prints there, so no stray line is read as an answer.
type nodeServer struct {
	once sync.Once
	mu   sync.Mutex // one request at a time
	cmd  *exec.Cmd
	stop io.Closer // its input
	in   *json.Encoder
	out  *bufio.Scanner
	err  error

	ending sync.Once
	ended  error // how the process ended, once it has
}

// ask sends req and decodes the answer into res, starting the process
// with the module script that script gives, the first time.
func (s *nodeServer) ask(what string, script func() (string, error), req, res any) error {
	s.once.Do(func() { s.err = s.start(script) })
	if s.err != nil {
		return fmt.Errorf("starting %s in node: %w", what, s.err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.in.Encode(req); err != nil {
		return fmt.Errorf("%s in node: %w (node %s)", what, err, s.end())
	}
	if !s.out.Scan() {
		return fmt.Errorf("%s in node gave no answer (%v): node %s", what, s.out.Err(), s.end())
	}
	if err := json.Unmarshal(s.out.Bytes(), res); err != nil {
		return fmt.Errorf("%s in node: %w: %s", what, err, s.out.Bytes())
	}
	return nil
}

// askCommand asks s what the command bin (an npm package's command, its
// module rel beside it, as besideCommand finds it) would print with the
// command line args in dir, and whether it found nothing wrong (its exit
// status 0). scriptFormat is the server's script with %q where the
// module goes; its handle answers {code, out}.
func askCommand(s *nodeServer, what, bin, rel, scriptFormat, dir string, args []string) (string, bool, error) {
	var res struct {
		Code int
		Out  string
	}
	script := func() (string, error) {
		module, err := besideCommand(bin, rel)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf(scriptFormat, module) + serverLoop, nil
	}
	if err := s.ask(what, script, map[string]any{"dir": dir, "args": args}, &res); err != nil {
		return "", false, err
	}
	return res.Out, res.Code == 0, nil
}

// close ends the process, if a test started it (it ends when its input
// does).
func (s *nodeServer) close() {
	if s.cmd != nil {
		s.end()
	}
}

// end closes the process's input and waits for it to end, once, and
// says how it ended: a process that gave no answer has died (its answers'
// pipe closed), and its exit status says how, where a test would
// otherwise only learn that no answer came.
func (s *nodeServer) end() string {
	s.ending.Do(func() {
		s.stop.Close()
		s.ended = s.cmd.Wait()
	})
	if s.ended == nil {
		return "ended"
	}
	return "ended: " + s.ended.Error()
}

// start starts node with the module script gives.
func (s *nodeServer) start(script func() (string, error)) error {
	src, err := script()
	if err != nil {
		return err
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
	// --no-opt: V8 without its optimising compiler (TurboFan), which
	// spent more CPU compiling a checker's hot code than the few dozen
	// checks of a test run gave back (render's test binary took 4.8 CPU-s
	// with it, 4.0 without). The same JavaScript runs, with the same
	// results; the commands the agreement tests compare with run as they
	// are.
	cmd := exec.Command(node, "--no-opt", "--input-type=module", "-e", src)
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

// serverLoop is the part of every server's script that reads the
// requests and writes the answers: the script defines an async function
// handle(request) returning the answer, before it.
const serverLoop = `
import {writeSync as __writeSync} from 'node:fs';
import __readline from 'node:readline';
for await (const line of __readline.createInterface({input: process.stdin})) {
	__writeSync(3, JSON.stringify(await handle(JSON.parse(line))) + '\n');
}
`

// StopNodeServers ends every node process this package's checkers
// (Markdownlint, HTMLValidate, RenderGFM) started; call it from TestMain
// after m.Run.
func StopNodeServers() {
	lintServer.close()
	htmlServer.close()
	gfmServer.close()
}
