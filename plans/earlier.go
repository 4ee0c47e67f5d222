package plans

import (
	"fmt"

	"github.com/socialmobility/ladder/internal/safetext"
)

// EarlierReview is one of the reviews a plan carried on from, one after
// another: its previous review, that review's previous one, and so on.
type EarlierReview struct {
	// Ref is the previous_review that led to it, as the plan after it in
	// the chain wrote it: a path from that plan's folder.
	Ref  string
	Path string
	// Shown is how a report names it, where its caller has a better name
	// than Ref (its path from the top of the repository); "" for Ref.
	Shown string
	Plan  *Plan
	// Revision is the git revision it was read at ("HEAD", or the short
	// hash of the last commit that had it) when it is no longer in the
	// folder (PreviousReviewRemoved); "" for the file there.
	Revision string
	// RenamedTo is the file's name in the repository at Revision, when it
	// was renamed from the name Ref gives and then removed: it was read
	// under that name. "" otherwise.
	RenamedTo string
	// MovedTo is the file's name in the repository now, when it was
	// renamed from the name Ref gives and is still there under the new
	// name: it was read at Revision, as the rename found it. "" otherwise.
	MovedTo string
}

// MaxEarlierReviews is how many reviews EarlierReviews reads back from a
// plan. Twenty is a review a year for twenty years, or a quarterly one
// for five: more than any organisation carries one plan on through, and
// far more than a report needs to say an action is old. The cap is for
// the hostile chain: each review read is a plan file of up to 512 KB
// parsed whole, and previous_review lines come from pull requests, so a
// hundred large plans linked one to the next would keep ladder report
// reading for tens of seconds. Twenty bounds that to twenty files. Past
// them, what came down the chain is marked as carried on since the oldest
// review read, and the report says on stderr the rest was not read.
const MaxEarlierReviews = 20

// PlanLoader reads the plan file at path, as LoadFile does; a nil one is
// LoadFile with the default resolver.
type PlanLoader func(path string) (*Plan, error)

// PreviousReview is the review the plan at path (p) carried on from: the
// plan its previous_review names, and that plan's path; nil, "" and no
// error when it names none. It is the one rule every command and screen
// reads last year's review by, as the link comes from a pull request: the
// link may not leave the repository nor lead back to the plan itself
// (FollowLink), the file it leads to must load as a plan (load, nil for
// LoadFile's default), and that plan must be on the same checklist, as
// its items are not this plan's otherwise. err says which failed without
// quoting the other file: its problems quote it, and a link may lead to
// any file in the repository.
func PreviousReview(path string, p *Plan, load PlanLoader) (prev *Plan, prevPath string, err error) {
	return NewLinks().PreviousReview(path, p, load)
}

// PreviousReview is the package's PreviousReview (see Links).
func (l *Links) PreviousReview(path string, p *Plan, load PlanLoader) (prev *Plan, prevPath string, err error) {
	ref := p.PreviousReview
	if ref == "" {
		return nil, "", nil
	}
	target, err := l.FollowLink(path, ref)
	if err != nil {
		return nil, "", err
	}
	return loadPrevious(p, ref, target, load)
}

// PreviousReviewRemoved is PreviousReview for a previous review that is
// no longer in the folder (FollowLink's ErrNoPlanThere), most often
// removed with git rm once carried on, and read instead by load from
// where it still is: git, at the last commit. The rules are
// PreviousReview's but for the file being there: the link may not leave
// the repository, the plan must load, on the same checklist. That it is
// not the plan itself is the caller's to check, as only it knows where
// load reads (the plan is in the folder, and this one is not).
func PreviousReviewRemoved(path string, p *Plan, load PlanLoader) (prev *Plan, prevPath string, err error) {
	ref := p.PreviousReview
	if ref == "" {
		return nil, "", nil
	}
	target, err := Link(path, ref)
	if err != nil {
		return nil, "", err
	}
	return loadPrevious(p, ref, target, load)
}

// loadPrevious loads the previous review at target, where ref led, and
// checks it is on p's checklist.
func loadPrevious(p *Plan, ref, target string, load PlanLoader) (prev *Plan, prevPath string, err error) {
	if load == nil {
		load = func(path string) (*Plan, error) { return LoadFile(path, nil) }
	}
	prev, err = load(target)
	if err != nil || prev == nil {
		return nil, "", fmt.Errorf("%s leads to %s, which does not load as a plan (ladder check says why)", safetext.Quote(ref), shownTarget(ref, target))
	}
	if prev.Checklist == nil || p.Checklist == nil || prev.Checklist.ID != p.Checklist.ID {
		return nil, "", fmt.Errorf("%s leads to a plan on another checklist, whose actions are not this plan's", safetext.Quote(ref))
	}
	return prev, target, nil
}

// EarlierReviews is the chain of reviews the plan at path carried on
// from, newest first, read for a report to say what was carried on. Each
// link is followed as PreviousReview follows one (never out of the
// repository, nor to the plan itself, only to a plan that loads on the
// same checklist), so that a previous_review from a pull request cannot
// make ladder read a file elsewhere. The chain ends at the first link
// that fails, at a ring back to a plan already read, or after
// MaxEarlierReviews reviews: cut then says the last one read names a
// previous review still, which was not read.
//
// err says why the plan's own previous review could not be read; the
// chain is then empty. A break further back only shortens the chain: the
// review this plan carried on from is still the one a reader needs.
func EarlierReviews(path string, p *Plan) (chain []EarlierReview, cut bool, err error) {
	l := NewLinks() // each file stat'd once, by FollowLink and the ring check alike
	seen := []string{path}
	from, at := p, path
	for from.PreviousReview != "" {
		if len(chain) == MaxEarlierReviews {
			return chain, true, nil
		}
		prev, prevPath, err := l.PreviousReview(at, from, nil)
		if err == nil && l.readAlready(seen, prevPath) {
			// FollowLink refused the plan itself; a ring through a plan
			// further back is told once that plan has loaded again.
			err = fmt.Errorf("%s leads round a ring of reviews back to one read already", safetext.Quote(from.PreviousReview))
		}
		if err != nil {
			if len(chain) == 0 {
				return nil, false, err
			}
			return chain, false, nil
		}
		seen = append(seen, prevPath)
		chain = append(chain, EarlierReview{Ref: from.PreviousReview, Path: prevPath, Plan: prev})
		from, at = prev, prevPath
	}
	return chain, false, nil
}

// readAlready reports whether path is the same file as one of seen.
func (l *Links) readAlready(seen []string, path string) bool {
	for _, s := range seen {
		if l.sameFile(s, path) {
			return true
		}
	}
	return false
}

// CarriedSince is how an action or project-plan step came down the chain
// of earlier reviews: the zero value for one that did not.
type CarriedSince struct {
	// Reviews is how many earlier reviews in a row, newest back, had it:
	// 1 for one carried on from the previous review, 2 for one carried on
	// twice. 0: not carried on.
	Reviews int
	// Since is the date of the oldest of them, where it was first read.
	Since Date
	// Edited: the words are not that review's.
	Edited bool
}

// ActionCarried says whether the action of item itemID, as this plan has
// it, came from the earlier reviews. A review had it when its item has
// the same words (the same action, open or since done), or an open action
// in other words: carrying on took that one across, and someone edited
// it since. An item of a review with no action, or a done one in other
// words, ends the run: this action was set after it.
func ActionCarried(earlier []EarlierReview, itemID, action string) CarriedSince {
	return carriedSince(earlier, action, func(p *Plan) (string, bool) {
		r := p.Items[itemID]
		if r == nil {
			return "", false
		}
		return r.Action, r.OpenAction()
	})
}

// StepCarried is ActionCarried for a step of the follow-up followUpID (a
// plan of steps, the project plan most often), found in the same
// follow-up of each earlier review by its id: carrying on keeps a step's
// id for life, and each plan of steps counts its ids on its own.
func StepCarried(earlier []EarlierReview, followUpID string, s Step) CarriedSince {
	return carriedSince(earlier, s.Text, func(p *Plan) (string, bool) {
		if a := p.FollowUps[followUpID]; a != nil {
			for _, old := range a.Steps {
				if old.ID == s.ID {
					return old.Text, old.Open()
				}
			}
		}
		return "", false
	})
}

// carriedSince walks the reviews back while each one had the action,
// found by find: the same words as the review after it, or open words.
func carriedSince(earlier []EarlierReview, words string, find func(*Plan) (words string, open bool)) CarriedSince {
	var c CarriedSince
	if words == "" {
		return c
	}
	now, last := words, words
	for _, e := range earlier {
		had, open := find(e.Plan)
		if had == "" || had != last && !open {
			break
		}
		c.Reviews++
		c.Since = e.Plan.Date
		last = had
	}
	c.Edited = c.Reviews > 0 && last != now
	return c
}
