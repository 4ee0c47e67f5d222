package review

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// FolderList names up to three folders, newest first as given,
// "plans/2026, plans/2025, plans/2024 and 2 more", each as ladder names
// a folder (plans.ShownPath: run inside docs/minutes, "plans/2026", not
// "../../plans/2026") and safe to print (a folder's name comes from
// whoever made it): the one wording of where someone's plans are, for
// the screens' welcome and the accessible prompts alike.
func FolderList(dirs []string) string {
	names := make([]string, len(dirs))
	for i, d := range dirs {
		names[i] = safetext.Line(plans.ShownPath(d))
	}
	return ListWords(names, 3)
}

// ListWords names the first most of words and how many more, "a, b, c
// and 2 more", or all of them when there are no more, "a, b and c": the
// one shape of a list said in a sentence (unsaved changes, folders with
// plans, the accessible prompts' rated items without an action).
func ListWords(words []string, most int) string {
	named := append([]string(nil), words[:min(len(words), most)]...)
	if more := len(words) - len(named); more > 0 {
		named = append(named, fmt.Sprintf("%d more", more))
	}
	if len(named) <= 1 {
		return strings.Join(named, "")
	}
	return strings.Join(named[:len(named)-1], ", ") + " and " + named[len(named)-1]
}
