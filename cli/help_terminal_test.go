package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/pflag"
)

// TestHelpFitsTheTerminal: the lists of commands and flags in --help are
// as wide as their longest line (161 columns for review's --accessible),
// so an 80-column terminal cut them at its edge, mid-word. At a terminal
// each entry's words wrap under themselves; examples stay whole (they
// are commands to copy); into a pipe the help is as cobra writes it.
func TestHelpFitsTheTerminal(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"review", "--help"}, {"status", "--help"}, {"data", "--help"}} {
		out, _ := runAtATerminal(t, args...)
		text := strings.ReplaceAll(string(out), "\r\n", "\n")
		section := ""
		for _, line := range strings.Split(text, "\n") {
			if line != "" && line[0] != ' ' {
				section = line
				continue
			}
			if w := ansi.StringWidth(line); w > 80 && section != "Examples:" {
				t.Errorf("ladder %s, under %q, a line %d columns wide:\n%s", strings.Join(args, " "), section, w, line)
			}
		}
		words := strings.Join(strings.Fields(text), " ")
		cmd, _, _ := Root().Find(args[:len(args)-1])
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && !strings.Contains(words, strings.Join(strings.Fields(f.Usage), " ")) && !strings.Contains(f.Usage, "`") {
				t.Errorf("ladder %s: --%s's words are not whole: %q", strings.Join(args, " "), f.Name, f.Usage)
			}
		})
		for _, sub := range cmd.Commands() {
			if sub.IsAvailableCommand() && !strings.Contains(words, strings.Join(strings.Fields(sub.Short), " ")) {
				t.Errorf("ladder %s: %s's summary is not whole: %q", strings.Join(args, " "), sub.Name(), sub.Short)
			}
		}
	}

	var piped, stderr bytes.Buffer
	if code := Main([]string{"review", "--help"}, nil, &piped, &stderr); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	review, _, _ := Root().Find([]string{"review"})
	accessible := review.LocalFlags().Lookup("accessible").Usage
	if !strings.Contains(piped.String(), accessible+"\n") {
		t.Errorf("into a pipe, --accessible's words are not on one line as cobra writes them:\n%s", piped.String())
	}
}
