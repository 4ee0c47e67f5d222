package accessible

import (
	"errors"

	"github.com/socialmobility/ladder/plans"
)

// session is the open plan file. Every answer goes through edit, which
// changes the plan and saves it at once, the way the review screens do: a
// plan is never more than one answer behind what was typed.
type session struct {
	file    *plans.File
	resolve plans.Resolver
	p       *prompter
	// lastErr is the last save that failed for a reason other than a
	// conflict; the next answer tries again.
	lastErr error
}

// plan is the plan being edited. It is a different value after a save
// moved to a copy, so callers look it up each time rather than keep it.
func (s *session) plan() *plans.Plan { return s.file.Plan }

// edit applies one answer to the plan and saves it.
func (s *session) edit(change func(p *plans.Plan)) {
	change(s.file.Plan)
	s.save()
}

// save writes the plan if it changed. If someone else changed the file
// since we read it (an editor, a git pull), it is left alone: the plan is
// written beside it as a copy, and the review carries on in the copy.
func (s *session) save() {
	_, err := s.file.Save()
	switch {
	case err == nil:
		if s.lastErr != nil {
			s.p.say("Saved to %s.", s.file.Path)
		}
		s.lastErr = nil
	case errors.Is(err, plans.ErrChangedOnDisk):
		s.saveCopy()
	default:
		s.lastErr = err
		s.p.say("Could not save: %v. Your answers are kept; saving will be tried again after the next answer.", err)
	}
}

func (s *session) saveCopy() {
	changed := s.file.Path
	f, err := s.file.SaveCopy()
	if err == nil {
		s.file, s.lastErr = f, nil
		s.p.say("%s was changed by someone else while you were answering, so it was left as it is.", changed)
		s.p.say("Your answers are saved in a copy beside it, %s, and the review carries on there.", f.Path)
		return
	}
	s.lastErr = err
	s.p.say("%s was changed by someone else, and a copy could not be saved either: %v.", changed, err)
}
