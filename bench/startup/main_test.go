package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestFlags(t *testing.T) {
	cfg, err := parseFlags([]string{"-size", "80x24", "-ladder-args", "review plans/x.yaml", "-ladder-keys", "?, down"}, new(bytes.Buffer))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.cols != 80 || cfg.rows != 24 || strings.Join(cfg.ladderArgs, "|") != "review|plans/x.yaml" || strings.Join(cfg.ladderKeys, "|") != "?|down" {
		t.Errorf("got %+v", cfg)
	}
	for _, bad := range [][]string{{"-size", "80"}, {"-ladder-keys", "banana"}, {"stray"}, {"-n", "0"}} {
		if _, err := parseFlags(bad, new(bytes.Buffer)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestLadderAgainstMinimal runs the whole comparison. Timings on shared
// machines are noise, so it runs only when asked: LADDER_BENCH=1 go test
// ./bench/startup/ (add LADDER_BENCH_ARGS for the flags, e.g.
// "-marker Begin -ladder-keys ?").
func TestLadderAgainstMinimal(t *testing.T) {
	if os.Getenv("LADDER_BENCH") != "1" {
		t.Skip("set LADDER_BENCH=1 to run the start-up and key latency check")
	}
	var stdout, stderr bytes.Buffer
	args := append([]string{"-n", "10", "-keys-n", "50"}, strings.Fields(os.Getenv("LADDER_BENCH_ARGS"))...)
	code := run(args, &stdout, &stderr)
	t.Logf("\n%s", stdout.String())
	if code != 0 {
		t.Fatalf("exit status %d\n%s", code, stderr.String())
	}
}
