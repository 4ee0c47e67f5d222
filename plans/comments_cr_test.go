package plans

import (
	"strings"
	"testing"
)

// A plan whose lines end in a carriage return alone (as old Mac editors
// wrote them): YAML readers take each for a line break, so a comment in
// it is a comment, and a save keeps it; the comment reader split lines at
// "\n" only, read the file as one line, found none, and the save dropped
// them.
func TestCommentsInAPlanOfCarriageReturnsAreKept(t *testing.T) {
	base := string(Encode(commentsBase()))
	edited := strings.Replace(base, "    owner: Ana\n", "    owner: Ana  # until May\n    # agreed with Sam\n", 1)
	for name, data := range map[string]string{
		"every line":   strings.ReplaceAll(edited, "\n", "\r"),
		"one line":     strings.Replace(edited, "    owner: Ana  # until May\n", "    owner: Ana  # until May\r", 1),
		"a CR in CRLF": strings.Replace(strings.ReplaceAll(edited, "\n", "\r\n"), "# until May\r\n", "# until May\r", 1),
	} {
		q, err := Parse("plan.yaml", []byte(data), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if q.Response("lc-vision").Owner != "Ana" {
			t.Fatalf("%s: read as another plan: owner %q", name, q.Response("lc-vision").Owner)
		}
		out := string(Encode(q))
		if strings.Contains(strings.ReplaceAll(out, "\r\n", "\n"), "\r") {
			t.Errorf("%s: a carriage return is kept in a comment:\n%q", name, out)
		}
		for _, c := range []string{"  # until May", "# agreed with Sam"} {
			if strings.Count(out, c) != 1 {
				t.Errorf("%s: %q is in the saved plan %d times", name, c, strings.Count(out, c))
			}
		}
	}
}
