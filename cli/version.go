package cli

import (
	"runtime/debug"
	"strings"
)

// version is what ladder --version prints: the version set at build time
// or, without one, what the Go toolchain recorded in the binary: the
// module's version for `go install …@v1.2.3`, or for a build from a git
// checkout the commit it was built from ("dev (1f39eca)", "modified" when
// it had uncommitted changes). Someone reporting a problem can then say
// which ladder they ran.
func version() string {
	info, _ := debug.ReadBuildInfo()
	return versionFrom(Version, info)
}

func versionFrom(set string, info *debug.BuildInfo) string {
	if set != "dev" || info == nil {
		return set
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return set
	}
	details := []string{revision[:min(7, len(revision))]}
	if modified == "true" {
		details = append(details, "modified")
	}
	return set + " (" + strings.Join(details, ", ") + ")"
}
