package workforce

import (
	"slices"
	"strings"
	"testing"
)

// A Welsh employer's grades, with their marks written composed on some
// rows and decomposed on others (e and a combining circumflex, as text
// that has been through a Mac often is). They look the same, so they are
// one grade: the import said 'the grade "Rheolwr tîm" is not one of the
// grades (…, Rheolwr tîm, …)', a message that contradicts itself to the
// eye, and without --grades made two grades of one.
func TestImportTakesAGradeWithItsMarksComposedOrNotAsOne(t *testing.T) {
	const composed, decomposed = "Rheolwr tîm", "Rheolwr ti\u0302m"
	csv := "Gradd,Occupation\nCynorthwyydd gofal,Plumber\n" + composed + ",Teacher\n" + decomposed + ",Nurse\n" + decomposed + ",Plumber\n"
	im := mustImport(t, csv, ImportOptions{GradeColumn: "Gradd", Grades: []string{"Cynorthwyydd gofal", composed}})
	if got := counts(t, im, composed); got != "1/0/2/0/0" {
		t.Errorf("%s counts %s, want every row of it", composed, got)
	}
	im = mustImport(t, csv, ImportOptions{GradeColumn: "Gradd"})
	if len(im.Grades) != 2 {
		t.Fatalf("grades %q: want two", im.Grades)
	}
	if g := im.Grades[1]; g != composed {
		t.Errorf("grade named %q (%d bytes), want %q composed", g, len(g), composed)
	}
	if strings.Contains(strings.Join(im.Grades, ""), "\u0302") {
		t.Errorf("a grade name kept a combining mark: %q", im.Grades)
	}
}

// Between two spellings of a grade on as many rows, the one written as a
// name names it, composed, whichever came first and whether it was
// written composed or not: a grade first written decomposed ("rheolwr
// ti" and a combining circumflex) was named by the other spelling, the
// first in sort order, and then by the first found, whatever its case.
func TestImportNamesAGradeWrittenDecomposedAlikeWhicheverComesFirst(t *testing.T) {
	for _, csv := range []string{
		"Gradd,Occupation\nrheolwr ti\u0302m,Teacher\nRheolwr tîm,Nurse\n",
		"Gradd,Occupation\nRheolwr ti\u0302m,Teacher\nrheolwr tîm,Nurse\n",
	} {
		im := mustImport(t, csv, ImportOptions{GradeColumn: "Gradd"})
		if want := []string{"Rheolwr tîm"}; !slices.Equal(im.Grades, want) {
			t.Errorf("%q: grades %q, want %q, composed", csv, im.Grades, want)
		}
	}
}
