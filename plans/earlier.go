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
	Plan *Plan
}

// EarlierReviews is the chain of reviews the plan at path carried on
// from, newest first, read for a report to say what was carried on. Each
// link is followed as FollowLink follows one (never out of the
// repository, nor to the plan itself), so that a previous_review from a
// pull request cannot make ladder read a file elsewhere. The chain ends
// at the first link that leads nowhere, a plan that does not load or is
// on another checklist (its items are not these), a ring back to a plan
// already read, or after MaxReviewsAfter reviews.
//
// err says why the plan's own previous review could not be read; the
// chain is then empty. A break further back only shortens the chain: the
// review this plan carried on from is still the one a reader needs.
func EarlierReviews(path string, p *Plan) ([]EarlierReview, error) {
	l := NewLinks() // each file stat'd once, by FollowLink and the ring check alike
	var chain []EarlierReview
	seen := []string{path}
	from, at := p, path
	for range MaxReviewsAfter {
		if from.PreviousReview == "" {
			return chain, nil
		}
		prev, err := l.earlierReview(at, from, seen)
		if err != nil {
			if len(chain) == 0 {
				return nil, err
			}
			return chain, nil
		}
		seen = append(seen, prev.Path)
		chain = append(chain, prev)
		from, at = prev.Plan, prev.Path
	}
	return chain, nil
}

// earlierReview reads the review the plan at path (p) names as its
// previous one, unless it is the same file as one of seen.
func (l *Links) earlierReview(path string, p *Plan, seen []string) (EarlierReview, error) {
	ref := p.PreviousReview
	target, err := l.FollowLink(path, ref)
	if err != nil {
		return EarlierReview{}, err
	}
	for _, s := range seen {
		if l.sameFile(s, target) {
			return EarlierReview{}, fmt.Errorf("%s leads round a ring of reviews back to one read already", safetext.Quote(ref))
		}
	}
	prev, err := LoadFile(target, nil)
	if err != nil {
		// Its problems quote the file, and a link from a pull request may
		// lead to any file in the repository: name it, quote nothing.
		return EarlierReview{}, fmt.Errorf("%s leads to %s, which does not load as a plan (ladder check says why)", safetext.Quote(ref), shownTarget(ref, target))
	}
	if prev.Checklist.ID != p.Checklist.ID {
		return EarlierReview{}, fmt.Errorf("%s leads to a plan on another checklist, whose actions are not this plan's", safetext.Quote(ref))
	}
	return EarlierReview{Ref: ref, Path: target, Plan: prev}, nil
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
