//go:build !ladder_nofastpath

package strictyaml

// fastPathEnabled is false in a build with the tag ladder_nofastpath, so
// that what the fast path buys can be measured on the real commands
// (BENCHMARKS.md): go build -tags ladder_nofastpath.
const fastPathEnabled = true
