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
		{"next tuesday week", "", "is not a date"},
		{"soon", "", "is not a date"},
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

// TestParseDueUKForms covers the forms people in the UK type (issue 12.2),
// read on Wednesday 10 March 2027.
func TestParseDueUKForms(t *testing.T) {
	today := Date{2027, 3, 10}
	for _, tc := range []struct{ in, want string }{
		{"31/3/27", "2027-03-31"},
		{"5/2/28", "2028-02-05"},
		{"31.3.2027", "2027-03-31"},
		{"31-3-2027", "2027-03-31"},
		{"2027-3-5", "2027-03-05"},
		{"5 Feb", "2028-02-05"}, // passed this year: next year's
		{"5 April", "2027-04-05"},
		{"10 march", "2027-03-10"}, // today counts
		{"5th of April", "2027-04-05"},
		{"April 5", "2027-04-05"},
		{"April 5, 2028", "2028-04-05"},
		{"5 February 2027", "2027-02-05"},
		{"5 Feb 27", "2027-02-05"},
		{"29 Feb", "2028-02-29"}, // the next one there is
		{"1 week", "2027-03-17"},
		{"10 days", "2027-03-20"},
		{"in 2 weeks", "2027-03-24"},
		{"3 months", "2027-06-10"},
		{"a year", "2028-03-10"},
		{"2 wks", "2027-03-24"},
		{"next Friday", "2027-03-12"},
		{"Friday", "2027-03-12"},
		{"this friday", "2027-03-12"},
		{"next Wednesday", "2027-03-17"}, // never today
		{"Wednesday", "2027-03-10"},
		{"Friday week", "2027-03-19"},
		{"next week", "2027-03-17"},
		{"next month", "2027-04-10"},
		{"end of March", "2027-03-31"},
		{"end of February", "2028-02-29"}, // this year's has passed
		{"end of March 2028", "2028-03-31"},
		{"end of the month", "2027-03-31"},
		{"end of next month", "2027-04-30"},
		{"End of the year", "2027-12-31"},
		{"  31 / 3 / 27  ", ""}, // spaces inside are not a date
		{"31/12", "2027-12-31"}, // no year, as "5 Feb": the next one
		{"5/2", "2028-02-05"},   // passed this year: next year's
		{"10/3", "2027-03-10"},  // today counts
		{"31.12", "2027-12-31"},
		{"29/2", "2028-02-29"},
		{"31/2", ""},  // no such day in any year
		{"12/31", ""}, // a US date, said so below
		{"3-4", ""},   // a dash without a year may be a range: not read
	} {
		got, err := ParseDue(tc.in, today)
		if tc.want == "" {
			if err == nil {
				t.Errorf("ParseDue(%q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got.String() != tc.want {
			t.Errorf("ParseDue(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseDueSaysWhenADateLooksAmerican(t *testing.T) {
	_, err := ParseDue("03/31/2027", Date{2027, 3, 10})
	if err == nil || !strings.Contains(err.Error(), "looks like a US date") || !strings.Contains(err.Error(), "31/03/2027") {
		t.Fatalf("03/31/2027: %v", err)
	}
	if IsNotADate(err) {
		t.Error("a US date is a date that cannot be, not an unfinished one")
	}
	if _, err := ParseDue("12/31", Date{2027, 3, 10}); err == nil || !strings.Contains(err.Error(), "looks like a US date") || !strings.Contains(err.Error(), "31/12") {
		t.Errorf("12/31: %v", err)
	}
	if _, err := ParseDue("03/12/2027", Date{2027, 3, 10}); err != nil {
		t.Errorf("03/12/2027 is a UK date (3 December): %v", err)
	}
}

func TestParseDueNotADateIsTold(t *testing.T) {
	for _, in := range []string{"31/", "31/0", "next frid", "soon"} { // 31/0: half of 31/03/2027
		_, err := ParseDue(in, Date{2027, 3, 10})
		if !IsNotADate(err) {
			t.Errorf("ParseDue(%q): %v, want a not-a-date error", in, err)
		}
	}
	for _, in := range []string{"31/02/2027", "31 Smarch 2027"} {
		_, err := ParseDue(in, Date{2027, 3, 10})
		if err == nil || IsNotADate(err) {
			t.Errorf("ParseDue(%q): %v, want a date that cannot be", in, err)
		}
	}
}

// Every example in the help reads as a date: the help cannot promise a
// form the parser does not take.
func TestEveryDueFormInTheHelpReads(t *testing.T) {
	for _, f := range DueForms {
		if _, err := ParseDue(f.Example, Date{2027, 3, 10}); err != nil {
			t.Errorf("DueForms example %q: %v", f.Example, err)
		}
	}
}

func TestISOSuggestion(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"31/03/2027", "2027-03-31"},
		{"2027-3-5", "2027-03-05"},
		{"31 March 2027", "2027-03-31"},
		{"31/3/27", "2027-03-31"},
		{"5 Feb", ""},
		{"31/12", ""}, // as "5 Feb": depends on the day it is read
		{"2w", ""},
		{"next Friday", ""},
		{"31/02/2027", ""},
	} {
		got, ok := ISOSuggestion(tc.in)
		if got != tc.want && !(tc.want == "" && !ok) {
			t.Errorf("ISOSuggestion(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// A day and month without a year that no year has (31/2, 30.02) is said to
// be no real date, as 30/02/2027 is, not "not a date": only a month not
// typed yet (31/0, half of 31/03) is unfinished.
func TestParseDueImpossibleDayWithoutAYear(t *testing.T) {
	today := Date{2027, 3, 10}
	for _, in := range []string{"31/2", "30/02", "30.2", "31/4", "31/11", "0/3"} {
		_, err := ParseDue(in, today)
		if err == nil || IsNotADate(err) || !strings.Contains(err.Error(), `"`+in+`" is not a real date`) {
			t.Errorf("ParseDue(%q): %v, want %q", in, err, `"`+in+`" is not a real date`)
		}
	}
	if _, err := ParseDue("31/0", today); !IsNotADate(err) {
		t.Errorf("31/0 is half of 31/03: %v", err)
	}
}

// While a real date is typed, no part of it on the way is said to be no
// date at all: each is a date, or not one yet (the field shows the hint).
func TestParseDueHalfATypedDateIsNeverImpossible(tb *testing.T) {
	today := Date{2027, 3, 10}
	for d := (Date{2027, 1, 1}); d.Before(Date{2029, 1, 1}); d = d.AddDays(1) {
		t := d.Time()
		for _, typed := range []string{
			t.Format("2/1"), t.Format("02/01"), t.Format("2.1"),
			t.Format("2/1/2006"), t.Format("02/01/2006"), t.Format("02/01/06"), t.Format("2.1.2006"),
			t.Format("2006-1-2"), t.Format("2006-01-02"),
		} {
			for n := 1; n <= len(typed); n++ {
				if _, err := ParseDue(typed[:n], today); err != nil && !IsNotADate(err) {
					tb.Errorf("typing %q: %q is said to be wrong: %v", typed, typed[:n], err)
				}
			}
		}
	}
}
