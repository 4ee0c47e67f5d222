package testtool

// HTMLValidate runs html-validate in one node process for the whole test
// run, as Markdownlint runs markdownlint: the command took half a
// CPU-second to start node and load html-validate, a page's check a
// tenth of that. For each call the process does what the command does
// with the same command line in dir (bin/html-validate.mjs, with no
// options): html-validate's CLI class, made afresh, finds the files and
// reads the configuration files in the folder, each file is validated,
// the reports merged and written out with the stylish formatter, and
// the reports' valid is the exit status. bin is the command
// (html-validate on PATH, which Need finds); its package is beside it.
// It returns what the command would have printed, and whether it found
// nothing wrong. StopNodeServers, from TestMain, ends the process.
func HTMLValidate(bin, dir string, args ...string) (string, bool, error) {
	return askCommand(&htmlServer, "html-validate", bin, "../dist/esm/index.js", htmlServerScript, dir, args)
}

// htmlServerScript answers each request (the folder and the file names)
// as html-validate's command (dist/esm/html-validate.js, run and lint)
// would with that command line: its exit status, and what it printed.
const htmlServerScript = `
import {CLI, Reporter} from %q;
async function handle(req) {
	try {
		const cli = new CLI({configFile: undefined, preset: undefined, rules: undefined});
		const formatter = await cli.getFormatter('stylish');
		const htmlvalidate = await cli.getValidator();
		const files = await cli.expandFiles(req.args, {extensions: ['html'], cwd: req.dir});
		if (files.length === 0) {
			return {code: 1, out: 'No files matching patterns ' + JSON.stringify(req.args)};
		}
		const reports = [];
		for (const filename of files) {
			reports.push(await htmlvalidate.validateFile(filename));
		}
		const merged = Reporter.merge(reports);
		return {code: merged.valid ? 0 : 1, out: formatter(merged)};
	} catch (error) {
		return {code: 1, out: String(error && error.stack || error)};
	}
}
`

// htmlServer is the node process HTMLValidate sends its pages to.
var htmlServer nodeServer
