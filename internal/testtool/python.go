package testtool

import (
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// PythonWithYAML returns the Python interpreter itself (sys.executable)
// of python3 on PATH, once it has found PyYAML there, or ends the test as
// Missing does. Python is asked once per test process, and the tests run
// the interpreter it names: where python3 is a version manager's shim
// (pyenv's is a bash script that starts a dozen more), each run through
// it cost a tenth of a CPU-second before Python began.
func PythonWithYAML(t testing.TB) string {
	t.Helper()
	python3 := Need(t, "python3")
	p := &pythonYAML
	p.once.Do(func() {
		out, err := exec.Command(python3, "-c", "import sys, yaml; sys.stdout.write(sys.executable)").Output()
		p.path, p.err = strings.TrimSpace(string(out)), err
		if p.err == nil && p.path == "" {
			p.path = python3 // an embedded Python may not know its file
		}
	})
	if p.err != nil {
		Missing(t, "PyYAML is not installed (apt-get install python3-yaml, or pip install pyyaml)")
	}
	return p.path
}

var pythonYAML struct {
	once sync.Once
	path string
	err  error
}
