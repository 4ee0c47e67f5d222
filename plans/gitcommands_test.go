package plans

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
)

// commitCommands are CommitWords as the two lines a person pastes.
func commitCommands(path string, p *Plan) (add, commit string) {
	a, c := CommitWords(path, p)
	return strings.Join(a, " "), strings.Join(c, " ")
}

// The git commands are run through a real shell, which must see the path
// and the message exactly, whatever they contain.
func TestCommitCommandsAreQuotedForAShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	cases := []struct{ path, org, title string }{
		{"plans/acme.yaml", "Acme Ltd", "Spring review"},
		{"plans/it's here.yaml", "O'Neil & Sons", `Say "hi" $HOME $(id) ` + "`id`" + ` \n !x`},
		{"-plans/acme.yaml", "Zoë Østergaard", "李雷 🚀; rm -rf /"},
		{"plans/bea's.yaml", "Bea's Café", "Spring review"},
	}
	for _, tc := range cases {
		add, commit := commitCommands(tc.path, &Plan{Organisation: tc.org, Title: tc.title})
		// Replace git with a printer of its arguments, one per line.
		script := `git() { shift; for a in "$@"; do printf '%s\n' "$a"; done; }; ` + add + `; ` + commit
		out, err := exec.Command(sh, "-c", script).Output()
		if err != nil {
			t.Fatalf("%s; %s: %v", add, commit, err)
		}
		want := "--\n" + tc.path + "\n-m\nProgression review: " + tc.org + ", " + tc.title + "\n--\n" + tc.path + "\n"
		if string(out) != want {
			t.Errorf("the shell saw\n%q\nwant\n%q\n(commands: %s / %s)", out, want, add, commit)
		}
	}
}

// A name with an apostrophe reads as a person would type it (issue 12.4).
func TestCommitCommandsQuoteApostrophesSimply(t *testing.T) {
	_, commit := commitCommands("plans/cafe.yaml", &Plan{Organisation: "Bea's Café", Title: "Spring review"})
	if want := `git commit -m "Progression review: Bea's Café, Spring review" -- plans/cafe.yaml`; commit != want {
		t.Fatalf("commit = %s\nwant     %s", commit, want)
	}
	if got := CommandQuote(`it's $HOME`); got != `'it'\''s $HOME'` {
		t.Fatalf("a $ keeps the single quotes: %s", got)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"plans/acme.yaml":       "plans/acme.yaml",
		"plans/café.yaml":       "'plans/café.yaml'",
		"my plans/acme.yaml":    "'my plans/acme.yaml'",
		"Review of O'Neil: Pay": `'Review of O'\''Neil: Pay'`,
		"$(rm -rf ~)":           "'$(rm -rf ~)'",
		"":                      "''",
	} {
		if got := ShellQuote(in); got != want {
			t.Errorf("ShellQuote(%q) = %s, want %s", in, got, want)
		}
	}
	if strings.Contains(ShellQuote("a b"), "\"") {
		t.Error("double quotes would let the shell expand $")
	}
}

// The commit message names the review by its checklist: "Progression
// review" is the default checklist's, not every plan's.
func TestCommitMessageNamesTheChecklist(t *testing.T) {
	for id, want := range map[string]string{
		checklist.DefaultID:              "Progression review: Acme, Spring",
		"smc-building-blocks":            "The Building Blocks: Acme, Spring",
		"smc-cross-industry-progression": "Cross-industry toolkit for employers: Acme, Spring",
	} {
		c, ok := checklist.Builtin(id)
		if !ok {
			t.Fatalf("no built-in checklist %s", id)
		}
		_, commit := CommitWords("plans/a.yaml", &Plan{Organisation: "Acme", Title: "Spring", Checklist: c})
		if got := commit[3]; got != CommandQuote(want) {
			t.Errorf("%s: the message is %s, want %s", id, got, CommandQuote(want))
		}
	}
	own := &checklist.Checklist{ID: "ours", Title: "Our own\nchecklist"}
	if _, commit := CommitWords("plans/a.yaml", &Plan{Organisation: "Acme", Title: "Spring", Checklist: own}); commit[3] != "'Our own checklist: Acme, Spring'" {
		t.Errorf("a checklist of one's own: the message is %s", commit[3])
	}
}
