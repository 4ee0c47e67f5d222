package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/socialmobility/ladder/render"
	"github.com/spf13/cobra"
)

// fitHelpToTerminal makes --help fit the terminal it is read in. Cobra
// writes the lists of commands and flags as wide as their longest entry
// (review's flags run to 160 columns), which an 80-column window cuts at
// its edge, mid-word. At a terminal those lists wrap each entry's words
// under itself; the prose is written to 80 columns already, and examples
// are commands to copy, so they are left whole. Into a pipe or a file
// the help is as cobra writes it.
func fitHelpToTerminal(root *cobra.Command, stdout io.Writer) {
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		cols := terminalColumns(stdout) // asked only when help is, not on every run
		if cols == 0 {
			help(c, args)
			return
		}
		var b bytes.Buffer
		c.SetOut(&b)
		help(c, args)
		c.SetOut(stdout)
		stdout.Write(fitHelpLists(b.Bytes(), cols))
	})
}

// helpLists are the headings of the parts of cobra's help that are
// columns of names and words.
var helpLists = map[string]bool{
	"Available Commands:": true, "Additional Commands:": true, "Flags:": true,
	"Global Flags:": true, "Additional help topics:": true,
}

// fitHelpLists fits the lines under helpLists' headings to cols.
func fitHelpLists(help []byte, cols int) []byte {
	var out bytes.Buffer
	list := false
	for _, line := range bytes.SplitAfter(help, []byte("\n")) {
		if len(line) > 0 && line[0] != ' ' && line[0] != '\n' {
			list = helpLists[strings.TrimSpace(string(line))]
		}
		if list {
			line = render.FitToWidth(line, cols)
		}
		out.Write(line)
	}
	return out.Bytes()
}
