package plans

import "testing"

// The next review's file and title follow the last one's: its year moved
// on where it says one, else the year added.
func TestNextReviewNames(t *testing.T) {
	for _, tc := range []struct {
		path, title         string
		year                int
		wantPath, wantTitle string
	}{
		{"plans/acme-2026.yaml", "Review 2026", 2027, "plans/acme-2027.yaml", "Review 2027"},
		// A title with no year keeps its words, the year added, where
		// "Review 2027" lost them; one ending in a number gets a comma.
		{"plans/acme.yaml", "Spring review", 2027, "plans/acme-2027.yaml", "Spring review 2027"},
		{"plans/acme.yaml", "  Progression review ", 2027, "plans/acme-2027.yaml", "Progression review 2027"},
		{"plans/acme.yaml", "Phase 2", 2027, "plans/acme-2027.yaml", "Phase 2, 2027"},
		// Another year than the one held in: what it means is not known.
		{"plans/acme.yaml", "Review 2024", 2027, "plans/acme-2027.yaml", "Review 2027"},
		// Plans kept in a folder per year: the next goes in next year's.
		{"plans/2026/acme.yaml", "Acme 2026 review", 2027, "plans/2027/acme.yaml", "Acme 2027 review"},
		{"plans/2026/acme-2026.yaml", "Review", 2027, "plans/2027/acme-2027.yaml", "Review 2027"},
		{"plans/x2026/acme.yaml", "Review", 2027, "plans/x2026/acme-2027.yaml", "Review 2027"},
		{"acme-2026-spring.yml", "", 2028, "acme-2028-spring.yml", "Review 2028"},
		// A year written as a span moves on whole, whichever of its two
		// years it was held in, in the form it was written: "2026/26" and
		// "Review 2027" (the span, lost) were suggested.
		{"plans/acme.yaml", "Review 2026/27", 2027, "plans/acme-2027.yaml", "Review 2027/28"},
		{"plans/acme.yaml", "Review 2025/26", 2027, "plans/acme-2027.yaml", "Review 2026/27"},
		{"plans/acme.yaml", "Review 2025–2026", 2028, "plans/acme-2028.yaml", "Review 2027–2028"},
		{"plans/acme.yaml", "Review 2026-27, after 2025", 2027, "plans/acme-2027.yaml", "Review 2027-28, after 2025"},
		// Not a span: a date, or years further apart; the held year moves.
		{"plans/acme.yaml", "Board 2026-03-14", 2027, "plans/acme-2027.yaml", "Board 2027-03-14"},
		{"plans/acme.yaml", "Strategy 2026-2030 check", 2027, "plans/acme-2027.yaml", "Strategy 2027-2030 check"},
		// The title is kept in the new plan: what a terminal would act on,
		// or show as a picture (␤, ␛), is not pasted into it.
		{"plans/acme-2026.yaml", "Review 2026\n\x1b]0;pwned\x07of  the\tboard\u202e", 2027, "plans/acme-2027.yaml", "Review 2027 of the board"},
	} {
		path, title := NextReviewNames(tc.path, tc.title, 2026, tc.year)
		if path != tc.wantPath || title != tc.wantTitle {
			t.Errorf("NextReviewNames(%q, %q) = %q, %q; want %q, %q", tc.path, tc.title, path, title, tc.wantPath, tc.wantTitle)
		}
	}
}
