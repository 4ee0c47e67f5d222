package testtool

import (
	"strings"
	"testing"
)

// A node process that dies mid-run fails the test that asks it next, and
// every one after, saying so, where a test would otherwise wait for an
// answer that never comes.
func TestANodeServerThatDiesSaysSo(t *testing.T) {
	t.Parallel()
	Need(t, "node")
	var s nodeServer
	defer s.close()
	script := func() (string, error) {
		return `async function handle(req) { if (req.die) process.exit(7); return req; }` + serverLoop, nil
	}
	var res map[string]string
	if err := s.ask("echo", script, map[string]string{"say": "hello"}, &res); err != nil || res["say"] != "hello" {
		t.Fatalf("echo in node: %v, %v", res, err)
	}
	for range 2 {
		err := s.ask("echo", script, map[string]bool{"die": true}, &res)
		if err == nil || !strings.Contains(err.Error(), "exit status 7") {
			t.Errorf("a node process that died: %v, want its exit status", err)
		}
	}
}
