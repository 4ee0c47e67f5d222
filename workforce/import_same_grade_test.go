package workforce

import (
	"slices"
	"strings"
	"testing"
)

// An HR export spells its grades several ways ("Supervisors", "Mgr",
// "shop-floor" beside "Shop floor"). Given the grades, import named each
// other spelling "not one of the grades" and said to correct it in the
// file: 56 cells of a 200-row spreadsheet to edit by hand. Now each such
// problem names the grade it most likely is and the --same-grade to
// paste, and SameGrades counts a spelling as the grade it names.
func TestAGradeSpeltAnotherWayIsCountedAsTheGradeNamed(t *testing.T) {
	csv := "Pay band,Occupation\n" +
		"Shop floor,Plumber\nshop-floor,Cleaner\nSupervisor,Teacher\nSupervisors,Plumber\n" +
		"Manager,Teacher\nMgr,Teacher\nMgr,Cleaner\nDirector,Teacher\nWarehouse,Plumber\n"
	given := []string{"Shop floor", "Supervisor", "Manager", "Director"}

	_, err := importString(t, csv, ImportOptions{Grades: given})
	got := strings.Join(csvProblems(t, err), "\n")
	for _, want := range []string{
		`the grade "shop-floor" (on row 3) is not one of the grades`,
		`if it is "Shop floor" written another way, add --same-grade 'shop-floor=Shop floor'`,
		`if it is "Supervisor" written another way, add --same-grade 'Supervisors=Supervisor'`,
		`if it is "Manager" written another way, add --same-grade 'Mgr=Manager'`,
		`if it is one of them written another way, add --same-grade 'Warehouse=GRADE'`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the problems do not say\n  %s\ngot:\n%s", want, got)
		}
	}

	same := []SameGrade{
		{Spelling: "shop-floor", Grade: "Shop floor"},
		{Spelling: "supervisors", Grade: "SUPERVISOR"}, // case and spacing do not count
		{Spelling: "Mgr", Grade: "Manager"},
		{Spelling: "Warehouse", Grade: "Shop floor"},
	}
	im := mustImport(t, csv, ImportOptions{Grades: given, SameGrades: same})
	if !slices.Equal(im.Grades, given) {
		t.Errorf("grades = %q, want %q", im.Grades, given)
	}
	wantSpelt := []GradeSpelling{{Spelling: "shop-floor", Grade: "Shop floor", Rows: 1}, {Spelling: "Supervisors", Grade: "Supervisor", Rows: 1}, {Spelling: "Mgr", Grade: "Manager", Rows: 2}, {Spelling: "Warehouse", Grade: "Shop floor", Rows: 1}}
	if !slices.Equal(im.SameGraded, wantSpelt) {
		t.Errorf("SameGraded = %+v\nwant %+v", im.SameGraded, wantSpelt)
	}
	for i, want := range []int{3, 2, 3, 1} {
		if n := im.Counts[i].Responses(); n != want {
			t.Errorf("%s counted %d answers, want %d", im.Grades[i], n, want)
		}
	}

	// Without --grades the grades found are named as written, the other
	// spellings counted under the grade named: never a grade of their own.
	im = mustImport(t, csv, ImportOptions{SameGrades: same})
	if want := []string{"Shop floor", "Supervisor", "Manager", "Director"}; !slices.Equal(im.Grades, want) {
		t.Errorf("without --grades, grades = %q, want %q", im.Grades, want)
	}
	if n := im.Counts[2].Responses(); n != 3 {
		t.Errorf("Manager counted %d answers, want 3 (Mgr's two with it)", n)
	}
}

// Found without --grades, two spellings of one grade are named together
// before the order is asked for, with the --same-grade that joins them,
// where ladder offered them as two grades to put in order.
func TestLookalikeGradesAreOfferedAsOne(t *testing.T) {
	grades := []string{"Shop floor", "shop-floor", "supervisor", "Supervisors", "manager", "Mgr", "Director", "Directors", "Warehouse"}
	counts := make([]Counts, len(grades))
	for i, n := range []int{90, 20, 30, 10, 20, 5, 8, 2, 12} {
		counts[i][WorkingClass] = n
	}
	got := LookalikeGrades(grades, counts)
	want := []SameGrade{
		{Spelling: "shop-floor", Grade: "Shop floor"},
		{Spelling: "Supervisors", Grade: "supervisor"},
		{Spelling: "Mgr", Grade: "manager"},
		{Spelling: "Directors", Grade: "Director"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("LookalikeGrades = %q\nwant %q", got, want)
	}
	// Grades that are only alike in part are not offered: Band 1 and
	// Band 2 are two grades.
	if got := LookalikeGrades([]string{"Band 1", "Band 2", "Team member", "Team leader"}, make([]Counts, 4)); len(got) != 0 {
		t.Errorf("different grades offered as one: %q", got)
	}
}

// At a terminal, the lookalikes found are joined once the person says
// yes, from the counts already read: each spelling's answers go to the
// grade it looks like, and the spelling is listed as --same-grade's are.
func TestJoinGradesMovesASpellingsCountsToItsGrade(t *testing.T) {
	im := mustImport(t, "Pay band,Occupation\nShop floor,Plumber\nshop-floor,Cleaner\nManager,Teacher\nMgr,Teacher\nMgr,Plumber\n", ImportOptions{})
	im.JoinGrades(LookalikeGrades(im.Grades, im.Counts))
	if want := []string{"Shop floor", "Manager"}; !slices.Equal(im.Grades, want) {
		t.Fatalf("grades = %q, want %q", im.Grades, want)
	}
	if im.Counts[0].Responses() != 2 || im.Counts[1].Responses() != 3 || im.Counts[1][WorkingClass] != 1 {
		t.Errorf("counts = %v", im.Counts)
	}
	want := []GradeSpelling{{Spelling: "shop-floor", Grade: "Shop floor", Rows: 1}, {Spelling: "Mgr", Grade: "Manager", Rows: 2}}
	if !slices.Equal(im.SameGraded, want) {
		t.Errorf("SameGraded = %+v, want %+v", im.SameGraded, want)
	}
}

// A school's "TA" (teaching assistant) beside "Teacher", a firm's "PA"
// beside "Partner", "COO" beside "Coordinator", "Trainee" beside
// "Trainer": two grades each, that the terminal's question joined at
// Enter. An initialism in capitals is not a word cut short, and one
// letter apart at the end is another role, not a slip.
func TestRolesThatOnlyLookAlikeAreNotOfferedAsOne(t *testing.T) {
	for _, pair := range [][2]string{
		{"TA", "Teacher"}, {"PA", "Partner"}, {"COO", "Coordinator"},
		{"Trainee", "Trainer"}, {"Employee", "Employer"},
	} {
		if got := LookalikeGrades(pair[:], make([]Counts, 2)); len(got) != 0 {
			t.Errorf("%q and %q offered as one: %q", pair[0], pair[1], got)
		}
	}
	// Still offered: an abbreviation written in capitals like the rest,
	// or in lower case, and a slip inside a word.
	for _, pair := range [][2]string{
		{"MANAGER", "MGR"}, {"Manager", "Mgr"}, {"Supervisor", "Supervsor"},
	} {
		if got := LookalikeGrades(pair[:], make([]Counts, 2)); len(got) != 1 {
			t.Errorf("%q and %q not offered as one", pair[0], pair[1])
		}
	}
}

// Of two spellings with as many answers, the one written as a grade's
// name is the grade, whichever row came first: "Shop floor" over
// "shop-floor", "Manager" over "Managers" or "MANAGER"; the export's
// order of rows no longer decides what the report calls the grade.
func TestLookalikeGradesWithEqualCountsNameTheGradeAlike(t *testing.T) {
	for _, pair := range [][2]string{
		{"shop-floor", "Shop floor"},
		{"Managers", "Manager"},
		{"MANAGER", "Manager"},
		{"team_leader", "Team leader"},
	} {
		for _, order := range [][2]string{{pair[0], pair[1]}, {pair[1], pair[0]}} {
			counts := []Counts{{5, 5, 5, 0, 0}, {5, 5, 5, 0, 0}}
			got := LookalikeGrades(order[:], counts)
			if len(got) != 1 || got[0] != (SameGrade{Spelling: pair[0], Grade: pair[1]}) {
				t.Errorf("LookalikeGrades(%q) = %q, want %q as %q", order, got, pair[0], pair[1])
			}
		}
	}
	// More answers still name it, however it is written.
	if got := LookalikeGrades([]string{"Shop floor", "shop-floor"}, []Counts{{5, 0, 0, 0, 0}, {9, 0, 0, 0, 0}}); len(got) != 1 || got[0].Grade != "shop-floor" {
		t.Errorf("the spelling with more answers should name the grade: %q", got)
	}
}

// The import names a grade as most of its rows write it, and between
// equals, as a grade's name is written, not as the first row did.
func TestImportNamesAGradeWrittenTwoWaysAlikeWhicheverComesFirst(t *testing.T) {
	for _, csv := range []string{
		"Grade,Occupation\nteam member,Plumber\nTeam member,Plumber\nManager,Teacher\n",
		"Grade,Occupation\nTeam member,Plumber\nteam member,Plumber\nManager,Teacher\n",
		"Grade,Occupation\nTEAM MEMBER,Plumber\nTeam member,Plumber\nManager,Teacher\n",
	} {
		im := mustImport(t, csv, ImportOptions{})
		if im.Grades[0] != "Team member" {
			t.Errorf("%q: the grade is named %q", csv, im.Grades[0])
		}
	}
}
