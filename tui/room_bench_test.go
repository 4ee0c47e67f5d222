//go:build unix

package tui_test

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/socialmobility/ladder/bench/ptybench"
)

// BenchmarkRoomMemory measures what the room costs in memory: the
// resident size of the real ladder process reviewing a plan, without the
// room and then with it, 60 phones joined (on loopback), each with its
// event stream held, each having voted and changed its vote. Each
// iteration runs both, side by side; it reports the median of the
// differences and of the review without the room. Linux only (it reads
// /proc). BENCHMARKS.md has the figures and the command.
func BenchmarkRoomMemory(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("reads the resident size from /proc")
	}
	dir := b.TempDir()
	e2ePlan(b, dir, "acme.yaml", acme)
	var without, extra []float64
	for range b.N {
		base := reviewRSS(b, dir, false)
		withRoom := reviewRSS(b, dir, true)
		without = append(without, base)
		extra = append(extra, withRoom-base)
	}
	b.ReportMetric(median(without), "MB-without-room")
	b.ReportMetric(median(extra), "MB-more-with-room")
	b.ReportMetric(slices.Max(extra), "MB-more-max")
}

// reviewRSS runs a review of the plan in dir and returns its resident
// size in MB once settled: with the room, once 60 phones have joined,
// voted and changed their votes with their streams open.
func reviewRSS(b *testing.B, dir string, room bool) float64 {
	args := []string{"review", "--today", "2027-03-14", "plans/acme.yaml"}
	if room {
		args = append(args, "--room", "--listen", "127.0.0.1:0", "--room-pin", "4821")
	}
	e := e2eStart(b, dir, e2eTerm{}, args...)
	defer e.s.Close()
	if !room {
		e.waitFor("Develop a clear vision")
		return settledRSS(b, e.s)
	}
	base := joinURL.FindString(e.waitFor("Vote from your phone"))
	e.keys("esc")
	e.waitFor("Develop a clear vision")
	phones := joinPhones(b, base, 60)
	defer phones.close()
	phones.voteTwice(b, base, "lc-vision")
	e.waitFor("60 of 60 voted")
	return settledRSS(b, e.s)
}

// settledRSS waits for the process to settle, and returns its resident
// size then: its screen quiet, and the size read every 100 ms steady
// (within 1%) over half a second. A fixed pause would read a process
// still growing on a busy machine, and wait for nothing on a calm one.
func settledRSS(b *testing.B, s *ptybench.Session) float64 {
	if err := s.Settle(300*time.Millisecond, 5*time.Second); err != nil {
		b.Fatal(err)
	}
	const steady = 6 // readings, 100 ms apart
	var sizes []float64
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		sizes = append(sizes, residentMB(b, s.Pid()))
		if last := sizes[max(0, len(sizes)-steady):]; len(last) == steady && slices.Max(last) <= slices.Min(last)*1.01 {
			return last[len(last)-1]
		}
		if time.Now().After(deadline) {
			b.Fatalf("the resident size did not settle in 10 s: %v MB", sizes)
		}
	}
}

// residentMB is the resident size of process pid in MB.
func residentMB(b *testing.B, pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				b.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

type benchPhones struct {
	clients []*http.Client
	streams []io.Closer
	trs     []*http.Transport
}

// joinPhones joins n phones with the PIN and opens their streams, read
// on goroutines until closed.
func joinPhones(b *testing.B, base string, n int) *benchPhones {
	ps := &benchPhones{}
	for range n {
		jar, _ := cookiejar.New(nil)
		tr := &http.Transport{}
		c := &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second}
		res, err := c.PostForm(base+"join", url.Values{"pin": {"4821"}})
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		stream := &http.Client{Jar: jar, Transport: tr}
		res, err = stream.Get(base + "events")
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("events: %v", err)
		}
		go func() { _, _ = io.Copy(io.Discard, bufio.NewReader(res.Body)) }()
		ps.clients, ps.streams, ps.trs = append(ps.clients, c), append(ps.streams, res.Body), append(ps.trs, tr)
	}
	return ps
}

// voteTwice has every phone vote on item and then change its vote.
func (ps *benchPhones) voteTwice(b *testing.B, base, item string) {
	res, err := ps.clients[0].Get(base)
	if err != nil {
		b.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := regexp.MustCompile(`name="round" value="([0-9]+)"`).FindSubmatch(page)
	if m == nil {
		b.Fatalf("no vote on the page:\n%s", page)
	}
	choices := []string{"red", "amber", "green", "unsure"}
	var wg sync.WaitGroup
	for i, c := range ps.clients {
		wg.Go(func() {
			for _, choice := range []string{choices[i%4], choices[(i+1)%4]} {
				res, err := c.PostForm(base+"vote", url.Values{"item": {item}, "round": {string(m[1])}, "choice": {choice}})
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
		})
	}
	wg.Wait()
}

func (ps *benchPhones) close() {
	for _, s := range ps.streams {
		s.Close()
	}
	for _, tr := range ps.trs {
		tr.CloseIdleConnections()
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
