package plans

import (
	"fmt"
	"testing"
	"time"
)

// ParseDate reads a YYYY-MM-DD date by hand rather than with time.Parse
// (a folder of plans holds tens of thousands of dates): it must give the
// verdict time.Parse gives, and the same date, for every day of months 0
// to 13 in years around the leap-year rules and the ends of the range.
func TestParseDateAgreesWithTimeParse(t *testing.T) {
	for _, y := range []int{0, 1, 4, 100, 400, 1900, 1999, 2000, 2024, 2027, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				got, err := ParseDate(s)
				want, werr := time.Parse(time.DateOnly, s)
				switch {
				case werr != nil || want.Year() < 1:
					if err == nil {
						t.Errorf("ParseDate(%s) = %v, want an error", s, got)
					}
				case err != nil:
					t.Errorf("ParseDate(%s): %v, want %v", s, err, want)
				case got != DateOf(want):
					t.Errorf("ParseDate(%s) = %v, want %v", s, got, DateOf(want))
				}
			}
		}
	}
}

// Date.String writes the date by hand; it must write what
// fmt.Sprintf("%04d-%02d-%02d") does, including for dates no plan holds.
func TestDateStringAsSprintf(t *testing.T) {
	for _, d := range []Date{{1, 1, 1}, {2027, 3, 31}, {999, 12, 9}, {9999, 12, 31}, {10000, 1, 1}, {-1, 1, 1}, {2027, 13, 0}, {2027, 100, 5}, {2027, 1, 100}, {0, 0, 1}} {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day); got != want {
			t.Errorf("%#v.String() = %q, want %q", d, got, want)
		}
	}
	if (Date{}).String() != "" {
		t.Error("the zero date is not the empty string")
	}
}

// Dates further apart than a time.Duration holds (about 292 years): a
// due date of 0001-01-01 was "106751 days ago" in 2026, whatever the year.
func TestDaysUntilFarApart(t *testing.T) {
	for _, c := range []struct {
		from, to Date
		want     int
	}{
		{Date{2026, time.November, 29}, Date{2026, time.December, 1}, 2},
		{Date{2026, time.March, 1}, Date{2026, time.February, 28}, -1},
		{Date{1, time.January, 1}, Date{2026, time.November, 29}, 739948},
		{Date{2026, time.November, 29}, Date{9999, time.December, 31}, 2912110},
		{Date{9999, time.December, 31}, Date{1, time.January, 1}, -3652058},
	} {
		if got := c.from.DaysUntil(c.to); got != c.want {
			t.Errorf("%s to %s: %d days, want %d", c.from, c.to, got, c.want)
		}
	}
}
