package plans

import (
	"fmt"
	"time"

	"github.com/socialmobility/ladder/internal/safetext"
)

// isDateShaped reports whether s looks like YYYY-MM-DD (a regular
// expression here was a noticeable part of loading a plan).
func isDateShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// Date is a calendar date with no time or zone: a due date means the same
// day wherever the plan is read. The zero Date means "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a YYYY-MM-DD date and rejects impossible ones (2027-02-30).
func ParseDate(s string) (Date, error) {
	if !isDateShaped(s) {
		if iso, ok := ISOSuggestion(s); ok {
			return Date{}, fmt.Errorf("%s is not a date in the form YYYY-MM-DD: write %s", safetext.Quote(s), iso)
		}
		return Date{}, fmt.Errorf("%s is not a date in the form YYYY-MM-DD", safetext.Quote(s))
	}
	// What time.Parse(time.DateOnly) accepts, without its allocations: a
	// folder of plans holds tens of thousands of dates (ParseDate's test
	// holds the two to the same verdicts).
	y, m, d := atoiDigits(s[:4]), time.Month(atoiDigits(s[5:7])), atoiDigits(s[8:])
	if m < time.January || m > time.December || d < 1 || d > time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return Date{}, fmt.Errorf("%s is not a real date", safetext.Quote(s))
	}
	if y < 1 {
		// Go reads year 0; Python's dates (PyYAML) and most others start
		// at year 1, so a plan holding it could not be read by them.
		return Date{}, fmt.Errorf("%s is not a real date (years start at 0001)", safetext.Quote(s))
	}
	return Date{y, m, d}, nil
}

// atoiDigits reads a number of ASCII digits (isDateShaped has checked them).
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today returns the local calendar date.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String gives YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	// By hand: status writes a date or two for each of thousands of
	// actions (TestDateStringAsSprintf holds it to the format above).
	y, m := d.Year, int(d.Month)
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d.Day/10), byte('0' + d.Day%10)}
	return string(b[:])
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare returns -1, 0 or +1. The zero date sorts after every real date, so
// undated actions come last in lists ordered by due date.
func (d Date) Compare(e Date) int {
	switch {
	case d == e:
		return 0
	case d.IsZero():
		return 1
	case e.IsZero():
		return -1
	}
	return d.Time().Compare(e.Time())
}

// DaysUntil is the number of days from d to e (negative if e is earlier).
// Counted in seconds, not as a time.Duration, which saturates at about
// 292 years: a plan's date can be any year from 0001 to 9999.
func (d Date) DaysUntil(e Date) int {
	return int((e.Time().Unix() - d.Time().Unix()) / (24 * 60 * 60))
}

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }
