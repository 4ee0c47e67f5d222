//go:build !linux

package tui

import "time"

// preciseSleep is only needed on Linux, where the Go runtime's network
// poller sleeps in whole milliseconds (see frameClock); elsewhere it
// sleeps with the precision of its timers.
var preciseSleep func(time.Duration)
