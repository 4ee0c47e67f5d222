package accessible

import (
	"errors"
	"strings"

	"github.com/socialmobility/ladder/review"
)

// The open plan is a review.Session (reviewer.s): every answer goes to it,
// and the snapshot it returns is saved at once, before the next question,
// so a plan is never more than one answer behind what was typed. This
// file says what became of each save, in plain words.

// save writes a snapshot (nil: nothing changed) and says what went wrong,
// if anything. If someone else changed the file since it was read (an
// editor, a git pull), it is never written over: see changedOnDisk.
func (r *reviewer) save(sn *review.Snapshot) {
	if sn == nil {
		return
	}
	failedBefore := r.s.State().Err != nil
	o := r.s.Save(sn)
	switch {
	case o.Conflict():
		r.changedOnDisk()
	case o.Err != nil:
		what, fix := r.s.State().Problem, r.s.State().Fix
		if fix == "" {
			r.p.say("Not saved: %s. Your answers are kept here; at the end you can save a copy elsewhere.", what)
		} else {
			r.p.say("Not saved: %s. Your answers are kept here; to save them, %s, and the next answer tries again.", what, fix)
		}
	case failedBefore:
		r.p.say("Saved to %s.", shown(r.s.Path()))
	}
}

// errReloaded ends the question being asked once the plan was reloaded
// from disk: the place is asked again, from the plan as it is now.
var errReloaded = errors.New("the plan was reloaded from disk")

// changedOnDisk asks what to do about a plan file someone else changed,
// as the screens do: take the file as it is now (only the answer just
// given is not in it, since every answer is saved as it is given, and
// the question is asked again), or keep every answer in a copy beside it
// and carry on there. Enter keeps the copy, so nothing is lost by
// default. When nobody can be asked (answers piped in, or the input
// ends), the copy is saved.
func (r *reviewer) changedOnDisk() {
	if r.p.echo {
		r.saveBeside(false)
		return
	}
	changed := shown(r.s.Path())
	r.p.say("%s was changed by someone else while you were answering (an editor, a git pull), so it was not written over.", changed)
	if u := r.s.State().UnsavedText(); u != "" {
		r.p.say("Not saved in it: %s.", u)
	}
	r.p.say("Type %s to take the file as it is now and answer that again, or press Enter to keep your answers in a copy beside it.", reloadWord)
	for {
		s, err := r.p.read("Changed file")
		switch {
		case err == nil && strings.EqualFold(s, reloadWord):
			if err := r.s.Reload(); err != nil {
				r.p.say("It could not be reloaded: %v.", err)
				r.saveBeside(true)
				return
			}
			r.p.say("Reloaded %s as it is now. Back to the question, from the plan as it is.", changed)
			r.p.pending = errReloaded
			return
		case err != nil || s == "":
			r.saveBeside(true)
			if err != nil {
				r.p.pending = err // the input ended or a signal came: stop as at any question
			}
			return
		}
		r.p.say("Type %s, or press Enter to keep a copy.", reloadWord)
	}
}

// reloadWord takes a plan file changed on disk as it is now.
const reloadWord = "reload"

// saveBeside keeps every answer in a copy beside the plan changed on
// disk, and says where; asked says the listener was just told of the
// change, as the question (then it is not said again, its path and all).
func (r *reviewer) saveBeside(asked bool) {
	changed := shown(r.s.Path())
	path, err := r.s.SaveBeside()
	if err == nil {
		if !asked {
			r.p.say("%s was changed by someone else while you were answering, so it was left as it is.", changed)
		}
		r.p.say("Your answers are saved in a copy beside it, %s, and the review carries on there.", shown(path))
		return
	}
	r.p.say("%s was changed by someone else, and a copy could not be saved either: %v.", changed, err)
}
