package plans

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
)

// NextReviewNames are the file and title of the review after one held in
// heldYear, for the year year: the last one's, with its year moved on
// where its folder ("plans/2026/"), the file's name or the title says it
// ("acme-2026.yaml", "Review 2026"), else the year added to them
// ("acme-2027.yaml", "Spring review 2027": nextTitle). ladder new makes next year's folder. The title is kept
// in the new plan, so it is made plain text (safetext.Plain): the last
// plan's may hold line breaks or escape sequences, which the command
// would otherwise carry, shown as pictures, into the new plan's title.
// ladder status suggests them in its "Reviews to begin"; the start
// screen's form and the accessible prompts write a review carried on
// under them.
func NextReviewNames(path, title string, heldYear, year int) (string, string) {
	title = safetext.Plain(title)
	held, next := strconv.Itoa(heldYear), strconv.Itoa(year)
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	parent, folder := filepath.Split(filepath.Clean(dir))
	movedOn := dir != "" && folder == held
	if movedOn {
		dir = parent + next + string(filepath.Separator)
	}
	switch {
	case strings.Contains(stem, held):
		stem = strings.ReplaceAll(stem, held, next)
	case !movedOn:
		stem += "-" + next
	}
	return dir + stem + ext, nextTitle(title, heldYear, year)
}

// anyYear is a year as a title would say one.
var anyYear = regexp.MustCompile(`\b(19|20)\d\d\b`)

// nextTitle is the title of the review after one titled title, held in
// heldYear: its year moved on where it says it; with no year at all, its
// words with the year added ("Spring review 2027", after a comma where
// they end in a number: "Phase 2, 2027"), so that what the employer
// called the review is kept; "Review 2027" for no title, or one naming
// another year, whose meaning is not known.
func nextTitle(title string, heldYear, year int) string {
	if moved, ok := moveTitleYears(title, heldYear, year); ok {
		return moved
	}
	next := strconv.Itoa(year)
	title = strings.TrimSpace(title)
	switch {
	case title == "" || anyYear.MatchString(title):
		return "Review " + next
	case strings.IndexAny(title[len(title)-1:], "0123456789") == 0:
		return title + ", " + next
	}
	return title + " " + next
}

// yearSpan is a year written as a span ("2026/27", "2026-2027"), or
// other digits.
var yearSpan = regexp.MustCompile(`(\d{4})([/–-])(\d{4}|\d{2})\b|\d+`)

// moveTitleYears moves the title's year on from heldYear to year: the
// held year, or a span of two years in a row that holds it, which moves
// whole ("2026/27" to "2027/28"), or a charity's or school's year would
// read "2027/27". ok is false when the title says no held year.
func moveTitleYears(title string, heldYear, year int) (string, bool) {
	held, next := strconv.Itoa(heldYear), strconv.Itoa(year)
	ok := false
	moved := yearSpan.ReplaceAllStringFunc(title, func(m string) string {
		parts := yearSpan.FindStringSubmatch(m)
		if parts[1] != "" {
			from, _ := strconv.Atoi(parts[1])
			to, _ := strconv.Atoi(parts[3])
			if len(parts[3]) == 2 {
				to += from / 100 * 100
			}
			if to == from+1 && (from == heldYear || to == heldYear) {
				ok = true
				shift := year - heldYear
				end := strconv.Itoa(to + shift)
				if len(parts[3]) == 2 {
					end = end[len(end)-2:]
				}
				return strconv.Itoa(from+shift) + parts[2] + end
			}
		}
		if strings.Contains(m, held) {
			ok = true
			return strings.ReplaceAll(m, held, next)
		}
		return m
	})
	return moved, ok
}

// NextReviewPath is the file in dir a review carried on from the plan at
// prev (held on held) is written to, begun today, when no file is named:
// its name as ladder status suggests it (NextReviewNames, for the year it
// is held in), or "" when that is not in dir or a file is there already
// (then a name made from the organisation, title and date, PathFor,
// serves). In plans kept a folder per year, dir is the plans folder when
// review --from names last year's plan alone: next year's folder in it
// (plans/2027 of plans, beside plans/2026) is where status names it.
func NextReviewPath(dir, prev, title string, held, today Date) string {
	path, _ := NextReviewNames(prev, title, held.Year, max(NextReviewDue(held).Year, today.Year))
	folder, dir := filepath.Dir(path), filepath.Clean(dir)
	nextYears := filepath.Dir(folder) == dir && folder != filepath.Dir(prev)
	if folder != dir && !nextYears || fileExists(path) {
		return ""
	}
	return path
}
