package workforce

import (
	"errors"
	"strings"
	"testing"
)

// An answer that cannot be placed, on one row only, said its row twice:
// `row 6, column B "…": the answer "Lorry driver" is not one of the
// guide's (on row 6)`. The rows are listed only when there are more.
func TestUnplacedAnswerOnOneRowSaysItsRowOnce(t *testing.T) {
	t.Parallel()
	csv := "Grade,Occupation of main household earner at 14\nStaff,Lorry driver\nStaff,Vicar\nStaff,Vicar\n"
	_, err := Import(strings.NewReader(csv), "small.csv", ImportOptions{})
	var ce *CSVError
	if !errors.As(err, &ce) {
		t.Fatalf("want a CSVError, got %v", err)
	}
	msg := ce.Error()
	if strings.Contains(msg, "(on row 2)") {
		t.Errorf("the row is said twice for an answer on one row:\n%s", msg)
	}
	if !strings.Contains(msg, "(on rows 3 and 4)") {
		t.Errorf("an answer on more rows should still list them:\n%s", msg)
	}
}
