// Package testtool is for tests that run a program from outside Go (git,
// python3, node, npm, markdownlint-cli2): they run by default, wherever
// the program is installed, and in CI, where .ci/run installs it; go test
// -short skips them, for a quick loop while working.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program a test runs. Under -short the test
// is skipped. When the program is not installed the test fails in CI
// (where it must run) and is skipped elsewhere, saying what to install.
func Need(t testing.TB, program string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: skipping a test that runs %s", program)
	}
	path, err := exec.LookPath(program)
	if err != nil {
		Missing(t, "%s is not installed", program)
	}
	return path
}

// Missing ends a test whose program (or a part of it, such as a Python
// module) is not installed: a failure in CI, a skip elsewhere.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format+"; .ci/run should have installed it", args...)
	}
	t.Skipf(format, args...)
}
