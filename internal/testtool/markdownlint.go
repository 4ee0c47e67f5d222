package testtool

import (
	"errors"
	"os"
	"path/filepath"
)

// Markdownlint runs markdownlint-cli2 in one node process for the whole
// test run, not one per lint: node took a third of a CPU-second to start
// and load markdownlint, a lint a few hundredths. The process runs
// markdownlint-cli2's own main, the function its command calls with the
// command line, so the rules, the configuration files it reads in the
// folder and the report are the command's. bin is the command
// (markdownlint-cli2 on PATH, which Need finds); its module is beside it.
// It returns what the command would have printed, and whether it found
// nothing wrong. StopMarkdownlint (or StopNodeServers), from TestMain,
// ends the process.
func Markdownlint(bin, dir string, args ...string) (string, bool, error) {
	return askCommand(&lintServer, "markdownlint-cli2", bin, "markdownlint-cli2.mjs", lintServerScript, dir, args)
}

// StopMarkdownlint ends Markdownlint's node process, if a test started
// it (it ends when its input does).
func StopMarkdownlint() { lintServer.close() }

// lintServerScript answers each request (the folder and the command
// line) with markdownlint-cli2's main's exit status, and what the command
// would have printed.
const lintServerScript = `
import {main} from %q;
import {format} from 'node:util';
async function handle(req) {
	const out = [];
	const log = (...args) => { out.push(format(...args)); };
	let code;
	try {
		code = await main({directory: req.dir, argv: req.args, logMessage: log, logError: log});
	} catch (error) {
		out.push(String(error && error.stack || error));
		code = 2;
	}
	return {code, out: out.join('\n')};
}
`

// lintServer is the node process Markdownlint sends its lints to.
var lintServer nodeServer

// besideCommand is the file at rel from the folder of the file the
// command bin (an npm package's command on PATH, a link) really is.
func besideCommand(bin, rel string) (string, error) {
	real, err := filepath.EvalSymlinks(bin)
	if err != nil {
		return "", err
	}
	path := filepath.Join(filepath.Dir(real), rel)
	if _, err := os.Stat(path); err != nil {
		return "", errors.New(rel + " is not beside " + filepath.Base(bin) + "'s command")
	}
	return path, nil
}
