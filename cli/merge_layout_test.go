package cli

import "testing"

// inLadderLayout lets a branch's plan leave out only the lines that say
// nothing; any other difference from ladder's layout is still merged by
// lines, as before.
func TestInLadderLayoutSkipsOnlyLinesThatSayNothing(t *testing.T) {
	const encoded = "    # In the order of the plan. A step keeps its id for life.\n" +
		"    steps:\n" +
		"      - id: 11111\n" +
		"        step: Book the staff survey\n" +
		"        owner:\n" +
		"        due: 2027-03-01\n" +
		"        status: todo\n" +
		"    answers: []\n"
	for _, tc := range []struct {
		name, side string
		want       bool
	}{
		{"as ladder writes it", encoded, true},
		{"no comment, owner, status or empty list", "    steps:\n      - id: 11111\n        step: Book the staff survey\n        due: 2027-03-01\n", true},
		{"a date in quotes", "    steps:\n      - id: 11111\n        step: Book the staff survey\n        due: '2027-03-01'\n", false},
		{"a line ladder does not write", encoded + "    # mine\n", false},
		{"the step's words left out", "    steps:\n      - id: 11111\n        due: 2027-03-01\n", false},
		{"lines in another order", "    steps:\n      - id: 11111\n        due: 2027-03-01\n        step: Book the staff survey\n", false},
	} {
		if got := inLadderLayout([]byte(encoded), []byte(tc.side)); got != tc.want {
			t.Errorf("%s: inLadderLayout = %v, want %v", tc.name, got, tc.want)
		}
	}
	doing := []byte("        status: doing\n")
	if inLadderLayout(doing, nil) {
		t.Error(`a side without "status: doing" is in ladder's layout`)
	}
}
