package testtool

import "os"

// OwnRuntimeDir gives the test process, and every ladder it starts, a
// runtime folder of its own ($XDG_RUNTIME_DIR), and returns the function
// that removes it. Call it from TestMain before m.Run, and the function
// after.
//
// ladder keeps a marker for each plan a session has open in the user's
// runtime folder (plans.presenceDir): ladder-UID in the temporary folder
// where $XDG_RUNTIME_DIR is unset, as on CI machines. A session ended by
// a kill, as many tests end one, or a review a test opens in-process and
// never closes, leaves its marker there; each test's plan has a path of
// its own, so every run of the tests left about a thousand empty files
// in the user's real folder, never removed (190,000 on a shared machine
// after a day of runs).
func OwnRuntimeDir() (remove func()) {
	dir, err := os.MkdirTemp("", "ladder-test-runtime-")
	if err != nil {
		return func() {}
	}
	old, had := os.LookupEnv("XDG_RUNTIME_DIR")
	os.Setenv("XDG_RUNTIME_DIR", dir)
	return func() {
		if had {
			os.Setenv("XDG_RUNTIME_DIR", old)
		} else {
			os.Unsetenv("XDG_RUNTIME_DIR")
		}
		os.RemoveAll(dir)
	}
}
