package testtool

import (
	"os/exec"
	"strings"
	"sync"
)

var npmRoot struct {
	once sync.Once
	dir  string
	err  error
}

// NpmRoot is npm's global folder (npm root -g), where the tests find
// packages installed with npm install -g. npm is asked once per test
// process: each asking starts node, a sixth of a CPU-second.
func NpmRoot() (string, error) {
	n := &npmRoot
	n.once.Do(func() {
		out, err := exec.Command("npm", "root", "-g").Output()
		n.dir, n.err = strings.TrimSpace(string(out)), err
	})
	return n.dir, n.err
}
