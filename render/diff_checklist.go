package render

import (
	"bytes"
	"fmt"
)

// OnChangedChecklist is a plan a change did not touch that follows a
// checklist file the change did (edited, removed or moved away).
type OnChangedChecklist struct{ Plan, Checklist string }

// onChangedChecklistsNamed is how many such plans are named, a line each:
// a team's checklist may be followed by every plan it has.
const onChangedChecklistsNamed = 10

// OnChangedChecklists says which plans, unchanged themselves, follow a
// checklist file the change edits, for ladder diff --rev after its plans:
// a change to the team's own checklist showed "No plan changed", which a
// reviewer took for a change that touches no plan, where an item removed
// there keeps every plan that rated it from loading. nil for none.
func OnChangedChecklists(list []OnChangedChecklist, md bool) []byte {
	if len(list) == 0 {
		return nil
	}
	lines := make([]string, 0, onChangedChecklistsNamed+1)
	for i, e := range list {
		if i == onChangedChecklistsNamed {
			lines = append(lines, fmt.Sprintf("and %d more", len(list)-i))
			break
		}
		if md {
			// A path is as long as a pull request makes it: the comment
			// must stay within GitHub's limit (see mdCommentBudget).
			e.Plan, e.Checklist = cutMiddle(e.Plan, mdNameRunes), cutMiddle(e.Checklist, mdNameRunes)
		}
		lines = append(lines, plain(e.Plan)+" follows "+plain(e.Checklist))
	}
	if md {
		var m markdown
		m.flushed = true // the diff before it: a blank line first
		m.para("**On a checklist this change edits**, " + mdText("not changed themselves (ladder check says whether they still load):"))
		for i := range lines {
			lines[i] = mdText(lines[i])
		}
		m.list(lines)
		return m.bytes()
	}
	var b bytes.Buffer
	b.WriteString("\nNot changed themselves, but on a checklist this change edits (ladder check says whether they still load):\n")
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	return b.Bytes()
}
