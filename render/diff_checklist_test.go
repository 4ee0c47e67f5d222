package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A pull request names its files: eleven plans with paths of thousands
// of characters on a changed checklist must not push the comment past
// GitHub's limit. Ten are named, each cut short, then how many more.
func TestOnChangedChecklistsStaysShortInAComment(t *testing.T) {
	long := "plans/" + strings.Repeat("a", 5000) + ".yaml"
	var list []OnChangedChecklist
	for range 11 {
		list = append(list, OnChangedChecklist{Plan: long, Checklist: "checklists/" + strings.Repeat("c", 5000) + ".yaml"})
	}
	md := string(OnChangedChecklists(list, true))
	if n := utf8.RuneCountInString(md); n > 6000 {
		t.Errorf("the section is %d characters long", n)
	}
	if !strings.Contains(md, "- and 1 more\n") {
		t.Errorf("the eleventh plan is not counted:\n%s", md)
	}
	if OnChangedChecklists(nil, true) != nil || OnChangedChecklists(nil, false) != nil {
		t.Error("no plans, yet a section")
	}
}
