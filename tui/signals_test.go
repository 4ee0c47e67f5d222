package tui

import (
	"context"
	"os"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A closed window ends the terminal's input at much the same moment as
// the hangup arrives: when reading fails first, the end of the review
// waits for the signal on its way, so that the review ends as a hangup
// (129, everything saved) and not as a failure to read the terminal.
func TestASignalOnItsWayWhenTheInputEndsIsWaitedFor(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // a program that is not running: Quit returns at once
	p := tea.NewProgram(nil, tea.WithContext(ctx))

	sig := make(chan os.Signal, 1)
	stop := quitOnSignals(p, sig)
	sig <- syscall.SIGHUP // delivered as the input ends
	if got := stop(hangupGrace); got != syscall.SIGHUP {
		t.Fatalf("stop said %v, want the hangup", got)
	}

	// With no signal, stop says so (after the grace, or at once without).
	stop = quitOnSignals(p, make(chan os.Signal, 1))
	if got := stop(0); got != nil {
		t.Fatalf("stop said %v with no signal", got)
	}
}
