//go:build !race

package tui

// raceDetector is set when the tests run under the race detector.
const raceDetector = false
