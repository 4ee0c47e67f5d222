package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionSaysWhichLadderThisIs(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		set  string
		info *debug.BuildInfo
		want string
	}{
		{"v1.4.0", &debug.BuildInfo{Main: debug.Module{Version: "v9.9.9"}}, "v1.4.0"}, // -ldflags wins
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},    // go install …@v1.2.3
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("1f39eca5d0c4e1b2", "false")}, "dev (1f39eca)"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("1f39eca5d0c4e1b2", "true")}, "dev (1f39eca, modified)"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"dev", nil, "dev"},
	} {
		if got := versionFrom(tc.set, tc.info); got != tc.want {
			t.Errorf("versionFrom(%q, %+v) = %q, want %q", tc.set, tc.info, got, tc.want)
		}
	}
}

// What --version's fallback adds to every start (Root builds the version
// each time): go test ./cli -run '^$' -bench Version -count 3
func BenchmarkVersion(b *testing.B) {
	for b.Loop() {
		_ = version()
	}
}
