//go:build unix

package plans

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// Two OS locks (flock) keep two ladder processes from losing each other's
// work. Both are released by the kernel when a process exits or is killed,
// so a crashed session leaves nothing that blocks or nags the next one.
//
//   - The folder lock: every write of a plan holds an exclusive lock on the
//     plan's folder while it compares the file with what it last saw,
//     writes the temporary file and renames it into place. Of two saves at
//     the same instant one runs first; the other then finds the file changed
//     and gets ErrChangedOnDisk. The folder, not the plan, is locked because
//     the plan's inode changes with every rename, and because creating a new
//     plan (which has no inode yet) must be covered too.
//   - The open marker: a session that opens a plan holds a shared lock on a
//     small file named after the plan's real path, in a folder of the user's
//     own (see presenceDir). A new session that cannot take that lock
//     exclusively knows the plan is open in another session.

// lockWait is how long a save waits for another process's save in the same
// folder before giving up. Saves take milliseconds; this only trips if a
// program holds the lock and hangs.
const lockWait = 10 * time.Second

// lockFolder takes the exclusive folder lock. A folder that cannot be
// opened or locked (some network file systems) is written without it: the
// comparison before the rename still catches all but simultaneous saves.
func lockFolder(dir string) (unlock func(), err error) {
	d, err := os.Open(dir)
	if err != nil {
		return func() {}, nil
	}
	fd := int(d.Fd())
	deadline := time.Now().Add(lockWait)
	pause := time.Millisecond
	for {
		err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return func() {
				syscall.Flock(fd, syscall.LOCK_UN)
				d.Close()
			}, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case !errors.Is(err, syscall.EWOULDBLOCK):
			d.Close()
			return func() {}, nil
		case time.Now().After(deadline):
			d.Close()
			return nil, fmt.Errorf("another program has been saving in %s for over %s: try again when it is done", dir, lockWait)
		}
		time.Sleep(pause)
		pause = min(2*pause, 20*time.Millisecond)
	}
}

// linkCount is how many names the file has.
func linkCount(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// presence is this process's open marker for one plan.
type presence struct {
	f    *os.File
	name string
	dir  string
}

// markOpen marks the plan at path as open in this session and reports
// whether another session had it open already. It never fails: without a
// private folder for markers, nobody is told, and nothing else changes.
func markOpen(path string) (p *presence, elsewhere bool) {
	dir, ok := presenceDir()
	if !ok {
		return nil, false
	}
	unlock, ok := lockGate(dir)
	if !ok {
		return nil, false
	}
	defer unlock()
	name := filepath.Join(dir, presenceKey(path)+".open")
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, false
	}
	fd := int(f.Fd())
	// Exclusive without waiting succeeds only when no session holds the
	// marker. Then (or after failing) hold it shared, as every open session
	// does. The gate, held by everyone who opens or closes a marker, keeps
	// another session from probing between the two calls.
	elsewhere = flock(fd, syscall.LOCK_EX|syscall.LOCK_NB) != nil
	if flock(fd, syscall.LOCK_SH) != nil {
		f.Close()
		return nil, elsewhere
	}
	return &presence{f: f, name: name, dir: dir}, elsewhere
}

// release drops the marker, and removes its file if no other session holds
// it (under the gate, so that nobody is between opening and locking it).
func (p *presence) release() {
	if p == nil || p.f == nil {
		return
	}
	if unlock, ok := lockGate(p.dir); ok {
		if flock(int(p.f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			os.Remove(p.name)
		}
		defer unlock()
	}
	p.f.Close()
	p.f = nil
}

// lockGate takes the exclusive lock that serialises opening and closing
// markers. It is held for microseconds.
func lockGate(dir string) (unlock func(), ok bool) {
	g, err := os.OpenFile(filepath.Join(dir, "gate"), os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, false
	}
	if flock(int(g.Fd()), syscall.LOCK_EX) != nil {
		g.Close()
		return nil, false
	}
	return func() { g.Close() }, true
}

func flock(fd, how int) error {
	for {
		err := syscall.Flock(fd, how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// presenceDir is the folder for open markers: ladder/ in the user's
// runtime folder ($XDG_RUNTIME_DIR, private and emptied at log-out), or
// ladder-UID in the temporary folder. It must be a real folder owned by
// this user that nobody else can write to; anything else (a folder or link
// planted by another user in /tmp) and markers are not used.
func presenceDir() (string, bool) {
	var dir string
	if rt := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(rt) {
		dir = filepath.Join(rt, "ladder")
	} else {
		dir = filepath.Join(os.TempDir(), "ladder-"+strconv.Itoa(os.Getuid()))
	}
	os.Mkdir(dir, 0o700)
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o077 != 0 {
		return "", false
	}
	if st, ok := info.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Getuid() {
		return "", false
	}
	return dir, true
}

// presenceKey names a plan's marker after its real path, so that a plan
// opened through a symbolic link and through its target is one plan.
func presenceKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(sum[:16])
}
