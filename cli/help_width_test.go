package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// A command's help is read in a terminal, often 80 columns wide: a line
// of its prose past that wraps mid-word. (The room's paragraph of review
// --help had a 105-column line.) Examples are commands, left whole.
func TestHelpTextFitsEightyColumns(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for i, line := range strings.Split(c.Long, "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("%s --help, line %d is %d columns wide: %q", c.CommandPath(), i+1, w, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(Root())
}
