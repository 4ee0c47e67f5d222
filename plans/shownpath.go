package plans

import (
	"path/filepath"
	"strings"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// ShownPath is a plans folder or file as ladder names it to people: as
// given, unless it climbs out of the folder ladder runs in. Run inside
// plans/2027, the folder beside it is "../2026", which reads as
// somewhere else: such a path is named from the top of its repository
// ("plans/2026"), as whoever keeps the plans there says it; where that
// does not serve, as given. The screens and the accessible prompts name
// every plan and plans folder so, the folders that hold someone's plans
// among them (review.FolderList), as do the reasons a link is refused
// (shownTarget). A command to type keeps the path the shell needs
// (CommandPath).
func ShownPath(path string) string {
	clean := filepath.Clean(path)
	if clean != ".." && !strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return path
	}
	root, _ := strictyaml.Root(clean)
	abs, err := filepath.Abs(clean)
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return filepath.ToSlash(rel)
}
