package cli

import (
	"runtime"
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
