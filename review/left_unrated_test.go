package review_test

import (
	"testing"

	"github.com/socialmobility/ladder/review"
)

// LeftUnrated counts the items not rated only as the items are left:
// at the last area's end, not at an earlier one, nor at an item.
func TestLeftUnratedOnlyAsTheItemsAreLeft(t *testing.T) {
	s := newSession(t)
	c := s.Checklist()
	last := len(c.Areas) - 1
	if n, first := s.LeftUnrated(review.AreaEnd(0)); n != 0 || first != -1 {
		t.Errorf("at the first area's end: %d, %d, want 0, -1", n, first)
	}
	if n, first := s.LeftUnrated(review.Item(c.Len() - 1)); n != 0 || first != -1 {
		t.Errorf("at the last item: %d, %d, want 0, -1", n, first)
	}
	if n, first := s.LeftUnrated(review.AreaEnd(last)); n != c.Len() || first != 0 {
		t.Errorf("at the last area's end of an unrated plan: %d, %d, want %d, 0", n, first, c.Len())
	}
	for _, e := range c.Items()[:3] {
		if _, err := s.Rate(e.Item.ID, "red"); err != nil {
			t.Fatal(err)
		}
	}
	if n, first := s.LeftUnrated(review.AreaEnd(last)); n != c.Len()-3 || first != 3 {
		t.Errorf("with the first 3 rated: %d, %d, want %d, 3", n, first, c.Len()-3)
	}
}
