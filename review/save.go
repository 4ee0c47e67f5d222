package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// writer is the one way a session's snapshots reach the disk. It is shared
// by the session and its snapshots, which may be written on other
// goroutines. Reloading or moving to a copy starts a new epoch: a snapshot
// made before it is dropped rather than written over what the person chose.
type writer struct {
	mu    sync.Mutex
	file  *plans.File
	epoch uint64
}

// Snapshot is the plan as it was just after one change, ready to write.
type Snapshot struct {
	seq   uint64
	epoch uint64
	w     *writer
	plan  *plans.Plan // a copy: editing carries on while it is written
}

// Seq numbers the snapshot in the order the changes were made.
func (sn *Snapshot) Seq() uint64 { return sn.seq }

// Write encodes the snapshot and writes it atomically, unless a newer one
// was written already, the file changed on disk since it was read (then
// nothing is written and the outcome is a conflict), or the session has
// since reloaded the file or moved to a copy. It is safe to call on any
// goroutine; give its outcome to the session's Record.
func (sn *Snapshot) Write() Outcome {
	data := plans.Encode(sn.plan)
	sn.w.mu.Lock()
	defer sn.w.mu.Unlock()
	o := Outcome{Seq: sn.seq, epoch: sn.epoch}
	if sn.epoch != sn.w.epoch {
		return o // made before a reload or a copy: what it held is not wanted
	}
	o.Written, o.Err = sn.w.file.WriteSnapshot(sn.seq, data)
	return o
}

// Outcome is what became of one snapshot.
type Outcome struct {
	Seq     uint64
	Written bool // false when the file already held it, or a newer one landed first
	Err     error
	epoch   uint64
}

// Conflict reports whether the snapshot was refused because someone else
// changed the file since the session read it.
func (o Outcome) Conflict() bool { return errors.Is(o.Err, plans.ErrChangedOnDisk) }

// saveState is what the session knows about its saves.
type saveState struct {
	seq      uint64 // the newest snapshot made
	settled  uint64 // the newest snapshot whose outcome is known
	landed   uint64 // the newest snapshot on disk (or made unnecessary)
	saved    bool   // a save has landed since the plan was opened
	conflict bool
	err      error  // the last failure other than a conflict
	errSeq   uint64 // the snapshot that failed
	what     string // err in plain words (see Problem), worked out once
	fix      string
	changes  []change
}

// change is one answer, in words, for saying what is not saved.
type change struct {
	seq  uint64
	what string
}

// snapshot numbers a change and copies the plan for writing. While a
// conflict waits for the person's choice, changes are kept in memory only.
func (s *Session) snapshot(what string) *Snapshot {
	s.reviewedAgainstChecklist()
	st := &s.saves
	st.seq++
	if len(st.changes) == 0 || st.changes[len(st.changes)-1].what != what {
		st.changes = append(st.changes, change{st.seq, what})
	} else {
		st.changes[len(st.changes)-1].seq = st.seq
	}
	if st.conflict {
		st.settled = st.seq
		return nil
	}
	return &Snapshot{seq: st.seq, epoch: s.w.epoch, w: s.w, plan: s.Plan().Clone()}
}

// reviewedAgainstChecklist records in the plan the version of the
// checklist the session shows, when that moved on since the plan was last
// saved: a plan says which version it was last reviewed against. It is
// done with a change someone made, never on opening the plan, so that a
// plan nobody reviewed (ladder fmt, a next review's link) is not churned.
func (s *Session) reviewedAgainstChecklist() {
	p := s.Plan()
	if v := p.Checklist.Version; v != "" && p.ChecklistRef.Version != v {
		p.ChecklistRef.Version = v
	}
}

// Retry is a snapshot of the plan as it is, to try a failed save again
// (before quitting, or when the person has put the problem right); nil
// when everything is on disk or a conflict is waiting.
func (s *Session) Retry() *Snapshot {
	st := &s.saves
	if st.conflict || (st.err == nil && st.landed == st.seq) {
		return nil
	}
	st.seq++
	return &Snapshot{seq: st.seq, epoch: s.w.epoch, w: s.w, plan: s.Plan().Clone()}
}

// Record takes the outcome of a snapshot's Write.
func (s *Session) Record(o Outcome) {
	st := &s.saves
	if o.epoch != s.w.epoch {
		return // of the file before a reload or a copy
	}
	st.settled = max(st.settled, o.Seq)
	switch {
	case o.Conflict():
		st.conflict = true
		st.settled = st.seq
	case o.Err != nil:
		if o.Seq >= st.errSeq {
			st.err, st.errSeq = o.Err, o.Seq
			st.what, st.fix = Problem(o.Err, s.Path())
		}
	default:
		st.landed = max(st.landed, o.Seq)
		st.saved = true
		if st.landed >= st.errSeq {
			st.err = nil
		}
		i := 0
		for i < len(st.changes) && st.changes[i].seq <= st.landed {
			i++
		}
		st.changes = st.changes[i:]
	}
}

// Save writes a snapshot and records its outcome, for a front end that
// saves as it goes. A nil snapshot (nothing changed) does nothing.
func (s *Session) Save(sn *Snapshot) Outcome {
	if sn == nil {
		return Outcome{}
	}
	o := sn.Write()
	s.Record(o)
	return o
}

// SaveState is whether the plan is safely on disk.
type SaveState struct {
	Path string
	// Pending is set while a snapshot is on its way to disk.
	Pending bool
	// Saved is set once a save has landed since the plan was opened.
	Saved bool
	// Conflict is set when someone else changed the file since it was
	// read: nothing more is written until Reload or SaveBeside.
	Conflict bool
	// Err is the last save that failed for another reason, until a later
	// one lands; Problem and Fix say it in plain words (see Problem).
	Err          error
	Problem, Fix string
	// Unsaved says what is not on disk, in words, oldest first, when a
	// save failed or a conflict is waiting.
	Unsaved []string
}

// State says whether the plan is safely on disk.
func (s *Session) State() SaveState {
	st := &s.saves
	out := SaveState{Path: s.Path(), Pending: st.settled < st.seq, Saved: st.saved, Conflict: st.conflict, Err: st.err}
	if st.err != nil {
		out.Problem, out.Fix = st.what, st.fix
	}
	if st.conflict || st.err != nil {
		for _, c := range st.changes {
			out.Unsaved = append(out.Unsaved, c.what)
		}
	}
	return out
}

// UnsavedText sums up what is not on disk: "the rating of item 3, the action
// of item 3 and 2 more".
func (st SaveState) UnsavedText() string {
	seen := map[string]bool{}
	var parts []string
	for _, w := range st.Unsaved {
		if !seen[w] {
			seen[w] = true
			parts = append(parts, w)
		}
	}
	return ListWords(parts, 4)
}

// Reload drops the plan in memory for the file as it is on disk now, after
// a conflict: what was not saved is lost.
func (s *Session) Reload() error {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	if err := s.w.file.Reload(s.resolve); err != nil {
		return err
	}
	s.newEpoch()
	s.unreadDue = map[string]string{}
	s.removed = map[string][]removedStep{}
	s.blank = map[stepKey]bool{}
	return nil
}

// SaveBeside writes the plan beside the changed file, as NAME.copy-N.yaml,
// after a conflict, and carries on in the copy; the other person's file is
// left alone. It returns the copy's path.
func (s *Session) SaveBeside() (string, error) {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	f, err := s.w.file.SaveCopy()
	if err != nil {
		return "", err
	}
	s.w.file = f
	s.newEpoch()
	return f.Path, nil
}

// newEpoch forgets the snapshots in flight: the file now holds what the
// person chose (the disk's plan, or a copy of every change).
func (s *Session) newEpoch() {
	s.w.epoch++
	st := &s.saves
	st.settled, st.landed = st.seq, st.seq
	st.conflict, st.err, st.errSeq = false, nil, 0
	st.changes = nil
}

// SaveCopy writes the plan, as it is in memory, to a new file at path
// (never over a file that exists), for when it cannot be saved where it
// belongs. The session carries on with the plan file it has.
// Its error says why in the words of Problem ("the disk is full").
func (s *Session) SaveCopy(path string) error {
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		err = plans.CreateFileAtomic(path, plans.Encode(s.Plan()), 0o644)
	}
	if err != nil {
		what, _ := Problem(err, path)
		return &copyError{what: what, err: err}
	}
	return nil
}

// copyError is why a copy could not be saved, in plain words, wrapping
// the cause.
type copyError struct {
	what string
	err  error
}

func (e *copyError) Error() string { return e.what }
func (e *copyError) Unwrap() error { return e.err }

// RescuePath suggests where to save a copy of a plan that cannot be saved
// where it belongs: beside it if the copy fits there, else in the folder
// ladder was started in, the home folder or the temporary folder; named
// after the plan, with the first free number. (On a full disk an empty
// file can still be made: only writing the plan's bytes tells.)
func (s *Session) RescuePath() string {
	size := len(plans.Encode(s.Plan()))
	ext := filepath.Ext(s.Path())
	name := strings.TrimSuffix(filepath.Base(s.Path()), ext)
	if ext == "" {
		ext = ".yaml"
	}
	dirs := []string{filepath.Dir(s.Path())}
	if wd, err := os.Getwd(); err == nil {
		dirs = append(dirs, wd)
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, home)
	}
	dirs = append(dirs, os.TempDir())
	for _, dir := range dirs {
		if !fits(dir, size) {
			continue
		}
		for n := 1; n < 1000; n++ {
			path := filepath.Join(dir, fmt.Sprintf("%s.copy-%d%s", name, n, ext))
			if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
				return path
			}
		}
	}
	return filepath.Join(os.TempDir(), name+".copy"+ext)
}

// fits reports whether a file of size bytes can be written in dir.
func fits(dir string, size int) bool {
	f, err := os.CreateTemp(dir, ".ladder-probe-*")
	if err != nil {
		return false
	}
	defer os.Remove(f.Name())
	_, err = f.Write(make([]byte, size))
	if err == nil {
		err = f.Sync()
	}
	return f.Close() == nil && err == nil
}

// Problem says in plain words why a save failed (what) and what the
// person can do to let the plan be saved where it is (fix; "" when
// nothing can, as on a read-only disk: then only a copy elsewhere will
// do). A front end shows them as "Not saved: WHAT. To save it, FIX."
func Problem(err error, path string) (what, fix string) {
	p := safetext.Line(path)
	dir := safetext.Line(filepath.Dir(path))
	if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
		return p + " is a folder, not a plan file", "move or rename that folder"
	}
	var refused *plans.Refusal
	switch {
	case errors.As(err, &refused):
		return refused.What, refused.Fix
	case errors.Is(err, plans.ErrChangedOnDisk):
		return p + " was changed by someone else since ladder read it",
			"reload it as it is now, or save your plan as a copy beside it"
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "the disk is full", "free some space"
	case errors.Is(err, syscall.EROFS):
		return "the disk holding " + p + " is read-only", ""
	case errors.Is(err, fs.ErrPermission):
		return "ladder may not write in the folder " + dir,
			"make it writable (chmod u+w " + safetext.Line(plans.CommandPath(filepath.Dir(path))) + ")"
	case errors.Is(err, fs.ErrNotExist):
		return "the folder " + dir + " is gone", "put it back"
	}
	return "ladder could not write " + p + " (" + safetext.Line(err.Error()) + ")", "put that right"
}

// Version counts the changes made to the plan (and retries): it changes
// whenever the plan may have, for a front end that keeps drawings of it.
func (s *Session) Version() uint64 { return s.saves.seq }
