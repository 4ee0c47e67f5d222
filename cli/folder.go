package cli

import (
	"runtime"
	"strings"
	"sync"
)

// inOrder calls work(0) ... work(n-1) on one goroutine per core and use(i,
// r) with each result in order, on the calling goroutine, as soon as it
// and the ones before it are done. At most a few results per core wait
// to be used, so a folder of ten thousand plans is never held at once:
// only what the output needs outlives its plan.
func inOrder[R any](n int, work func(i int) R, use func(i int, r R)) {
	inOrderOn(runtime.GOMAXPROCS(0), n, work, use)
}

func inOrderOn[R any](workers, n int, work func(i int) R, use func(i int, r R)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			use(i, work(i))
		}
		return
	}
	window := 4 * workers
	// Result i goes to slot i%window. Item i+window is handed out only once
	// item i has been used (a token per item in flight), so a slot is free
	// again by the time its next item is done.
	slots := make([]chan R, window)
	for i := range slots {
		slots[i] = make(chan R, 1)
	}
	tokens := make(chan struct{}, window)
	next := make(chan int)
	go func() {
		for i := range n {
			tokens <- struct{}{}
			next <- i
		}
		close(next)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				slots[i%window] <- work(i)
			}
		})
	}
	for i := range n {
		r := <-slots[i%window]
		<-tokens
		use(i, r)
	}
	wg.Wait()
}

// fileList is the names of a folder's files in one string. check and
// status go through tens of thousands of them, and a []string is as many
// pointers for the garbage collector to follow at every collection (at
// 30,000 plans, most of what it had to look at).
type fileList struct {
	names string
	ends  []int32
}

func newFileList(files []string) fileList {
	n := 0
	for _, f := range files {
		n += len(f)
	}
	var b strings.Builder
	b.Grow(n)
	l := fileList{ends: make([]int32, len(files))}
	for i, f := range files {
		b.WriteString(f)
		l.ends[i] = int32(b.Len())
	}
	l.names = b.String()
	return l
}

func (l fileList) len() int { return len(l.ends) }

// at is the name of file i.
func (l fileList) at(i int) string {
	start := int32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.names[start:l.ends[i]]
}
