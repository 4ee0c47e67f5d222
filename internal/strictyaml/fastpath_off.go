//go:build ladder_nofastpath

package strictyaml

const fastPathEnabled = false
