package tui

import (
	"strings"
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// A title that ends in a colon leads into its prompts ("Implement rigorous
// processes for succession planning to:"): alone on the board it read as
// cut off mid-sentence, at every size where it fitted. The board names such
// an item by its short title ("Succession planning"), in the list and on
// the tiles, as it does a title too long for its place.
func TestTheBoardNamesALeadInTitleByItsShortTitle(t *testing.T) {
	t.Parallel()
	for _, c := range checklist.Builtins() {
		p := plans.New(c, "Acme Café Ltd", "Spring review", plans.Date{Year: 2027, Month: 3, Day: 1})
		for _, size := range [][2]int{{80, 24}, {240, 67}} {
			for _, present := range []bool{false, true} {
				h, _ := openBoard(t, p, size[0], size[1], present)
				v := oneSpaced(h.view())
				for _, e := range c.Items() {
					if !strings.HasSuffix(e.Item.Title, ":") {
						continue
					}
					if strings.Contains(v, e.Item.Title) {
						t.Errorf("%s %dx%d presenter %v: the board shows %q alone", c.ID, size[0], size[1], present, e.Item.Title)
					}
				}
			}
		}
	}
}
