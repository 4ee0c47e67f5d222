package plans

import (
	"errors"
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
)

// ErrNextReviewGivenTwice is PreviousReviewOf's error, with
// ErrLinkDoesNotLoad, for a plan that one of its previous review's
// next_review lines names, where another names another review that
// carries that plan on too (CarriedOnTwice): two people ran ladder new
// --from on two branches, and the union merge the README advises kept
// both lines. ladder check says so once, at the repeated key, naming the
// reviews; telling each of them that the previous review should name it
// would be two instructions that undo each other.
var ErrNextReviewGivenTwice = errors.New("its next_review is given more than once")

// CarriedOnTwice is, for the plan file at path when it gives next_review
// more than once, the reviews those lines lead to that carry it on (each
// names it back as its previous review, as NextReviewOf asks), in the
// file's order and as a message names them, and the line of the first
// repeated key, where loading the plan reports it. It is nil when fewer
// than two reviews carry the plan on: a line added by hand that leads to
// no plan is the repeated key alone.
func (l *Links) CarriedOnTwice(path string) (line int, reviews []string) {
	line, carriers := l.carriers(path)
	if len(carriers) < 2 {
		return 0, nil
	}
	for _, c := range carriers {
		reviews = append(reviews, c.shown)
	}
	return line, reviews
}

// carrier is a review that carries a plan on.
type carrier struct{ path, shown string }

// carriers is every review that one of the next_review lines of the plan
// at path, which gives the key more than once, leads to and that names
// it back, once each; and the line of the first repeated key.
func (l *Links) carriers(path string) (line int, found []carrier) {
	nexts := l.head(path).nexts
	if len(nexts) < 2 {
		return 0, nil
	}
	for _, n := range nexts {
		target, err := l.FollowLink(path, n.ref)
		if err != nil || l.unreadByFolders(path, n.ref, target) != "" {
			continue
		}
		back, _, ok := l.linksIn(target)
		if !ok || !l.namesBack(target, back, path) || l.isCarrier(found, target) {
			continue
		}
		found = append(found, carrier{target, shownTarget(n.ref, target)})
	}
	return nexts[1].line, found
}

// isCarrier reports whether path is one of found.
func (l *Links) isCarrier(found []carrier, path string) bool {
	for _, c := range found {
		if l.sameFile(c.path, path) {
			return true
		}
	}
	return false
}

// carriedOnTwiceError is PreviousReviewOf's error for the plan at path
// when its previous review, at prev (named by ref), gives next_review more
// than once and two or more of those lines lead to reviews that carry it
// on, this plan among them: nil otherwise.
func (l *Links) carriedOnTwiceError(path, ref, prev string) error {
	_, found := l.carriers(prev)
	if len(found) < 2 || !l.isCarrier(found, path) {
		return nil
	}
	var others []string
	for _, c := range found {
		if !l.sameFile(c.path, path) {
			others = append(others, c.shown)
		}
	}
	carries := "carries"
	if len(others) > 1 {
		carries = "carry"
	}
	return fmt.Errorf("%s leads to %s, which %w: %w, naming this plan and %s, which %s it on too", safetext.Quote(ref), shownTarget(ref, prev), ErrLinkDoesNotLoad, ErrNextReviewGivenTwice, strings.Join(others, " and "), carries)
}
