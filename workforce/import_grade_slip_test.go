package workforce

import (
	"strings"
	"testing"
)

// The owner typed the order of the grades, --grades "Apprentise,Plumber",
// and import said the file's "Apprentice" is not one of them: "correct it
// in the file, or give every grade", which reads as if the file were
// wrong. A grade given that no row has, a letter or two from the one
// found, is named beside it now, so a slip in either is seen.
func TestAGradeGivenOnNoRowIsNamedBesideItsLookalike(t *testing.T) {
	csv := "Grade,Occupation\nApprentice,Plumber\nApprentice,Teacher\nPlumber,Cleaner\n"
	_, err := importString(t, csv, ImportOptions{Grades: []string{"Apprentise", "Plumber", "Director"}})
	got := strings.Join(csvProblems(t, err), "\n")
	want := `row 2, column A "Grade": the grade "Apprentice" (on rows 2 and 3) is not one of the grades from --grades or the data file (Apprentise, Plumber, Director): correct it in the file, or give every grade, junior to senior, with --grades; "Apprentise" is given but on no row: if the two are one grade, write it the same in both`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}

	// A grade far from every one given, or given and on a row, is not
	// offered as the slip.
	_, err = importString(t, "Grade,Occupation\nManager,Plumber\nDirector,Teacher\n", ImportOptions{Grades: []string{"Manager", "Team member"}})
	if got := strings.Join(csvProblems(t, err), "\n"); strings.Contains(got, "on no row") {
		t.Errorf("a slip offered for a grade unlike any given:\n%s", got)
	}
	_, err = importString(t, "Grade,Occupation\nManager,Plumber\nManagers,Teacher\n", ImportOptions{Grades: []string{"Manager"}})
	if got := strings.Join(csvProblems(t, err), "\n"); strings.Contains(got, "on no row") {
		t.Errorf("a grade on a row offered as the slip:\n%s", got)
	}
}
