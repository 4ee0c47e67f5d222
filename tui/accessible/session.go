package accessible

import (
	"github.com/socialmobility/ladder/review"
)

// The open plan is a review.Session (reviewer.s): every answer goes to it,
// and the snapshot it returns is saved at once, before the next question,
// so a plan is never more than one answer behind what was typed. This
// file says what became of each save, in plain words.

// save writes a snapshot (nil: nothing changed) and says what went wrong,
// if anything. If someone else changed the file since it was read (an
// editor, a git pull), it is left alone: the plan is written beside it as
// a copy, and the review carries on in the copy.
func (r *reviewer) save(sn *review.Snapshot) {
	if sn == nil {
		return
	}
	failedBefore := r.s.State().Err != nil
	o := r.s.Save(sn)
	switch {
	case o.Conflict():
		r.saveBeside()
	case o.Err != nil:
		what, fix := r.s.State().Problem, r.s.State().Fix
		if fix == "" {
			r.p.say("Not saved: %s. Your answers are kept here; at the end you can save a copy elsewhere.", what)
		} else {
			r.p.say("Not saved: %s. Your answers are kept here; to save them, %s, and the next answer tries again.", what, fix)
		}
	case failedBefore:
		r.p.say("Saved to %s.", r.s.Path())
	}
}

func (r *reviewer) saveBeside() {
	changed := r.s.Path()
	path, err := r.s.SaveBeside()
	if err == nil {
		r.p.say("%s was changed by someone else while you were answering, so it was left as it is.", changed)
		r.p.say("Your answers are saved in a copy beside it, %s, and the review carries on there.", path)
		return
	}
	r.p.say("%s was changed by someone else, and a copy could not be saved either: %v.", changed, err)
}
