package plans

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ParseDue reads a due date the way people type one: 2027-03-31,
// 31/03/2027 (day first, as in the UK), 31 Mar 2027, 31 March 2027, or a
// span from today: 10d, 2w, 3m, 1y (days, weeks, months, years), and
// "today" or "tomorrow". It rejects impossible dates (31/02/2027) rather
// than rolling them over.
func ParseDue(s string, today Date) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	lower := strings.ToLower(s)
	switch lower {
	case "today":
		return today, nil
	case "tomorrow":
		return today.AddDays(1), nil
	}
	if m := relativeDue().FindStringSubmatch(lower); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n > 100*366 {
			return Date{}, fmt.Errorf("%q is too far ahead", s)
		}
		t := today.Time()
		switch m[2] {
		case "d":
			t = t.AddDate(0, 0, n)
		case "w":
			t = t.AddDate(0, 0, 7*n)
		case "m":
			t = addMonthsClamped(t, n)
		case "y":
			t = addMonthsClamped(t, 12*n)
		}
		return DateOf(t), nil
	}
	if isDateShaped(s) {
		return ParseDate(s)
	}
	if m := slashDue().FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		return checkedDate(s, year, time.Month(month), day)
	}
	if m := wordDue().FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, ok := monthNames[strings.ToLower(m[2])]
		if !ok {
			return Date{}, fmt.Errorf("%q: unknown month %q", s, m[2])
		}
		year, _ := strconv.Atoi(m[3])
		return checkedDate(s, year, month, day)
	}
	return Date{}, fmt.Errorf("%q is not a date: try 2027-03-31, 31/03/2027, 31 Mar 2027, or 2w / 3m from today", s)
}

var (
	relativeDue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\+?(\d{1,5})\s*(d|w|m|y)$`) })
	slashDue    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`) })
	wordDue     = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$`)
	})
)

var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for i := time.January; i <= time.December; i++ {
		name := strings.ToLower(i.String())
		m[name] = i
		m[name[:3]] = i
	}
	return m
}()

func checkedDate(s string, year int, month time.Month, day int) (Date, error) {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if year < 1 || month < 1 || month > 12 || t.Day() != day || t.Month() != month {
		return Date{}, fmt.Errorf("%q is not a real date", s)
	}
	return Date{year, month, day}, nil
}

// addMonthsClamped moves by whole months, keeping to the last day of a
// shorter month (31 Jan + 1m = 28 or 29 Feb, not 3 Mar).
func addMonthsClamped(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// Friendly formats a date for people: "Wed 31 Mar 2027".
func (d Date) Friendly() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("Mon 2 Jan 2006")
}
