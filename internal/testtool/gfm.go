package testtool

import (
	"errors"
	"fmt"
	"path/filepath"
)

// RenderGFM renders Markdown to HTML with micromark, the CommonMark + GFM
// parser markdownlint itself uses, with GitHub's tables and literal
// autolinks, as GitHub would show it; in one node process for the whole
// test run. bin is markdownlint-cli2's command (Need finds it), beside
// which npm keeps micromark; where it does not, the error is
// ErrNoMicromark. StopNodeServers, from TestMain, ends the process.
func RenderGFM(bin string, md []byte) (string, error) {
	mods, err := besideCommand(bin, "node_modules")
	if err == nil {
		_, err = besideCommand(bin, "node_modules/micromark-extension-gfm-table")
	}
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoMicromark, err)
	}
	script := func() (string, error) {
		return fmt.Sprintf(gfmServerScript, filepath.Join(mods, "micromark/index.js"),
			filepath.Join(mods, "micromark-extension-gfm-table/index.js"),
			filepath.Join(mods, "micromark-extension-gfm-autolink-literal/index.js")) + serverLoop, nil
	}
	var res struct{ HTML, Error string }
	if err := gfmServer.ask("micromark", script, map[string]string{"md": string(md)}, &res); err != nil {
		return "", err
	}
	if res.Error != "" {
		return "", errors.New("micromark: " + res.Error)
	}
	return res.HTML, nil
}

// ErrNoMicromark is RenderGFM's error where micromark is not beside
// markdownlint-cli2.
var ErrNoMicromark = errors.New("micromark is not where markdownlint-cli2 keeps it")

const gfmServerScript = `
import {micromark} from %q;
import {gfmTable, gfmTableHtml} from %q;
import {gfmAutolinkLiteral, gfmAutolinkLiteralHtml} from %q;
async function handle(req) {
	try {
		return {html: micromark(req.md, {allowDangerousHtml: true,
			extensions: [gfmTable(), gfmAutolinkLiteral()], htmlExtensions: [gfmTableHtml(), gfmAutolinkLiteralHtml()]})};
	} catch (error) {
		return {error: String(error && error.stack || error)};
	}
}
`

// gfmServer is the node process RenderGFM sends its Markdown to.
var gfmServer nodeServer
