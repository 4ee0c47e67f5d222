//go:build !linux

package testtool

// memoryTemp: no memory file system the tests know of here, so they use
// the system's temporary folder (TempInMemory).
func memoryTemp() (string, bool) { return "", false }
