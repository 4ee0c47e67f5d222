package plans

import (
	"strings"
	"testing"
)

func TestParseDue(t *testing.T) {
	today := Date{2027, 1, 31}
	for _, tc := range []struct {
		in, want, err string
	}{
		{"2027-03-31", "2027-03-31", ""},
		{"31/03/2027", "2027-03-31", ""},
		{"1/4/2027", "2027-04-01", ""},
		{"31 Mar 2027", "2027-03-31", ""},
		{"31 March 2027", "2027-03-31", ""},
		{"1st April 2027", "2027-04-01", ""},
		{"2w", "2027-02-14", ""},
		{"10d", "2027-02-10", ""},
		{"1m", "2027-02-28", ""}, // clamped to the end of February
		{"3m", "2027-04-30", ""},
		{"1y", "2028-01-31", ""},
		{"today", "2027-01-31", ""},
		{"Tomorrow", "2027-02-01", ""},
		{"", "", ""},
		{"2027-02-30", "", "not a real date"},
		{"30/02/2027", "", "not a real date"},
		{"31 Apr 2027", "", "not a real date"},
		{"13/13/2027", "", "not a real date"},
		{"31 Smarch 2027", "", "unknown month"},
		{"next week", "", "try 2027-03-31"},
	} {
		got, err := ParseDue(tc.in, today)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseDue(%q) err = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("ParseDue(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
