package accessible

import (
	"strings"
	"testing"
)

// TestBackWithinAnItemGoesToTheQuestionBefore: someone who hears the
// owner they typed read back wrong, at the due date, types back to put it
// right. back went to the item before, its rating and every question
// after it to be answered again, and then this item's rating, action and
// owner: six questions to reach the one before. back inside an item now
// goes to its question before, saying which; at the rating, to the item
// before, as it did.
func TestBackWithinAnItemGoesToTheQuestionBefore(t *testing.T) {
	path := newPlanFile(t, nil)
	answers := []string{
		"r", "Write the vision", "Zoe", // item 1: rated Red, an owner mistyped
		"back",         // at the due date: back to the owner
		"Zoë",          // the owner put right
		"back", "back", // at the due date again, then at the owner: the action
		"",             // the action kept
		"back", "back", // at the owner, then at the action: the rating
		"a",                   // rated Amber instead
		"", "", "next Friday", // action and owner kept; a due date
		"back",             // at the status: back to the due date
		"",                 // the due date kept
		"2",                // status: doing
		"back",             // at the notes: back to the status (there is an action)
		"", "Board agreed", // status kept; notes
		"back", // at item 2's rating: item 1 (as before)
		"quit",
	}
	out := runReviewOK(t, Options{PlanPath: path}, linesReader(answers))
	checkOutput(t, out,
		"Owner: Zoe\n",
		"Due date: back\nBack to the owner of item 1 of 21, A clear D&I vision.\nWho will do it? For example Ana, Ben. Enter keeps: Zoe. Type a dash (-) to clear it.\nOwner: Zoë\n",
		"Owner: back\nBack to the action of item 1 of 21, A clear D&I vision.\nWhat will you do about it? Enter keeps: Write the vision.",
		"Action: back\nBack to the rating of item 1 of 21, A clear D&I vision.\nRate it: 1 for Red, 2 for Amber or 3 for Green (or r, a or g); Enter keeps: Red; type a dash (-) to clear the rating.",
		"Rating: a\nRated Amber.\n",
		"Status: back\nBack to the due date of item 1 of 21, A clear D&I vision.\nWhen by?",
		"Notes: back\nBack to the status of item 1 of 21, A clear D&I vision.\nHow far has the action got?",
		"Rating: back\n\nArea: Leadership & Culture\nItem 1 of 4 in this area, 1 of 21 in all\n",
	)
	if strings.Contains(out, "This is the first item.") {
		t.Errorf("back inside item 1 was taken as back from it:\n%s", out)
	}
	r := onDiskPlan(t, path).Response("lc-vision")
	if r.Rating != "amber" || r.Action != "Write the vision" || r.Owner != "Zoë" || r.Due.IsZero() || r.Status != "doing" || r.Notes != "Board agreed" {
		t.Errorf("on disk: %+v", *r)
	}
}
