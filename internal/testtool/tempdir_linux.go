package testtool

import "syscall"

// memoryTemp is /dev/shm when it is a tmpfs the tests can run programs
// from, with room for them (TempInMemory).
func memoryTemp() (string, bool) {
	const (
		dir        = "/dev/shm"
		tmpfsMagic = 0x01021994
		noExec     = 0x8 // ST_NOEXEC
		readOnly   = 0x1 // ST_RDONLY
		room       = 2 << 30
	)
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return "", false
	}
	fits := st.Type == tmpfsMagic && st.Flags&(noExec|readOnly) == 0 && st.Bavail*uint64(st.Bsize) >= room
	return dir, fits
}
