package testtool

import (
	"flag"
	"strconv"
)

// WaitingTests raises go test's -parallel for a package whose parallel
// tests spend their time waiting, not computing: on a program in a
// pseudo-terminal, a browser or a server (each one a process of its own,
// which the machine runs while the test waits). The default, one test per
// CPU, leaves such a package idle most of its run. n tests at once is
// the new default; -parallel on the command line still decides. Call it
// from TestMain, before m.Run.
func WaitingTests(n int) {
	if !flag.Parsed() {
		flag.Parse()
	}
	asked := false
	flag.Visit(func(f *flag.Flag) { asked = asked || f.Name == "test.parallel" })
	if !asked {
		_ = flag.Set("test.parallel", strconv.Itoa(n))
	}
}
