package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/plans"
)

// session is the open plan file and the machinery that saves it. Every
// change a screen commits calls save(), which copies the plan right away
// (cheap, and safe: nothing else touches the plan during Update) and hands
// the copy to a command that encodes it and writes it atomically, so a big
// plan's encoding does not slow the keypress down. Snapshots carry a
// sequence number so that an older one never lands after a newer one.
type session struct {
	file    *plans.File
	resolve plans.Resolver
	seq     uint64

	// conflict is set when the file changed on disk under us; saving stops
	// until the user chooses to reload or to save a copy.
	conflict bool
	lastErr  error
	saved    bool   // at least one save has landed since the plan was opened
	landed   uint64 // the newest snapshot known to be on disk
}

// pending reports whether a change is still on its way to disk.
func (s *session) pending() bool { return s.landed < s.seq }

func newSession(f *plans.File, resolve plans.Resolver) *session {
	return &session{file: f, resolve: resolve}
}

// savedMsg reports the outcome of one snapshot write.
type savedMsg struct {
	seq     uint64
	written bool
	err     error
}

// save snapshots the plan and returns the command that writes it.
func (s *session) save() tea.Cmd {
	if s == nil || s.conflict {
		return nil
	}
	s.seq++
	seq, snap, f := s.seq, s.file.Plan.Clone(), s.file
	return func() tea.Msg {
		written, err := f.WriteSnapshot(seq, plans.Encode(snap))
		return savedMsg{seq: seq, written: written, err: err}
	}
}

// handleSaved records a save's outcome.
func (s *session) handleSaved(msg savedMsg) {
	switch {
	case errors.Is(msg.err, plans.ErrChangedOnDisk):
		s.conflict = true
		s.lastErr = msg.err
	case msg.err != nil:
		s.lastErr = msg.err
	default:
		if msg.seq == s.seq {
			s.lastErr = nil
		}
		s.landed = max(s.landed, msg.seq)
		s.saved = true
	}
}

// reload drops our in-memory plan for the one on disk.
func (s *session) reload() error {
	if err := s.file.Reload(s.resolve); err != nil {
		return err
	}
	s.conflict, s.lastErr = false, nil
	s.landed = s.seq // what was pending is dropped: the file is as on disk
	return nil
}

// saveCopy writes our plan beside the changed file and carries on editing
// the copy, leaving the other person's file alone.
func (s *session) saveCopy() (string, error) {
	f, err := s.file.SaveCopy()
	if err != nil {
		return "", err
	}
	path := f.Path
	s.file = f
	s.conflict, s.lastErr = false, nil
	s.landed = s.seq // the copy holds every change made so far
	return path, nil
}
