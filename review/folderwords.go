package review

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
)

// FolderList names up to three folders, newest first as given,
// "plans/2026, plans/2025, plans/2024 and 2 more", safe to print (a
// folder's name comes from whoever made it): the one wording of where
// someone's plans are, for the screens' welcome and the accessible
// prompts alike.
func FolderList(dirs []string) string {
	var names []string
	for _, d := range dirs[:min(len(dirs), 3)] {
		names = append(names, safetext.Line(d))
	}
	if more := len(dirs) - len(names); more > 0 {
		names = append(names, fmt.Sprintf("%d more", more))
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
