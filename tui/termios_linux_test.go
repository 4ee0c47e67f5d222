package tui_test

import "golang.org/x/sys/unix"

// getTermios is the ioctl that reads a terminal's settings, which Linux
// and the BSDs (macOS among them) name differently.
const getTermios = unix.TCGETS
