package plans

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Run inside plans/2025, a next_review leading to no plan was refused as
// "../2025/acme-2026.yaml is not there" wherever the reason was said
// (the accessible prompts, ladder new --from), where the screens said
// "plans/2025/acme-2026.yaml": the reason names the file from the top of
// the repository, as the screens do (ShownPath); the line as written is
// quoted as it was. The screens named it so by finding the path in the
// reason's words, split at spaces, and missed it in a folder with a
// space in its name ("spring 2025").
func TestALinkToNoPlanIsNamedFromTheTop(t *testing.T) {
	for _, folder := range []string{"2025", "spring 2025"} {
		top := t.TempDir()
		for _, dir := range []string{".git", filepath.Join("plans", folder)} {
			if err := os.MkdirAll(filepath.Join(top, dir), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		t.Chdir(filepath.Join(top, "plans", folder))
		_, err := FollowLink(filepath.Join("..", folder, "acme-2025.yaml"), "acme-2026.yaml")
		want := `"acme-2026.yaml" leads to no plan: plans/` + folder + `/acme-2026.yaml is not there`
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "../") {
			t.Errorf("in plans/%s the link to no plan is refused with %v", folder, err)
		}
		refusal := (&CarriedOnAlready{Path: filepath.Join("..", folder, "acme-2025.yaml"), Why: err}).Error()
		if !strings.HasPrefix(refusal, "plans/"+folder+"/acme-2025.yaml names a next review") || strings.Contains(refusal, "../") {
			t.Errorf("in plans/%s carrying it on is refused with %q", folder, refusal)
		}
	}
}
