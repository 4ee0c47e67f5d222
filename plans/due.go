package plans

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DueForm is one way of typing a due date that ParseDue reads, for the
// help screens and the README: an example and what it means.
type DueForm struct {
	Example string
	Meaning string
}

// DueForms lists every form ParseDue reads, the way people in the UK write
// dates first. The help screens draw their list from it, so the help and
// the parser cannot disagree (a test parses every example).
var DueForms = []DueForm{
	{"2027-03-31", "year, month, day (also 2027-3-5)"},
	{"31/03/2027", "day first, as in the UK (also 31/3/27, 31.3.2027)"},
	{"31 Mar 2027", "day and month in words (also 31 March 2027, 31st March)"},
	{"5 Feb", "without a year: the next 5 February (also 5/2)"},
	{"2w", "a span from today: 10d, 2w, 3m, 1y (days, weeks, months, years)"},
	{"10 days", "the same in words: 1 week, 3 months, in 2 weeks"},
	{"next Friday", "the first Friday after today (Friday: this one, or today)"},
	{"end of March", "the last day of March (also end of the month, end of next month, end of the year)"},
	{"today", "today, tomorrow, next week, next month"},
}

// DueHint is one line that says how a due date may be typed.
const DueHint = "e.g. 31/03/2027, 5 Feb, 2w, next Friday"

// ErrNotADate is wrapped by ParseDue's error when the text holds no date
// at all (as opposed to a date that cannot be, like 31/02/2027): while
// someone is still typing, that means they have not finished.
var ErrNotADate = errors.New("not a date")

// ParseDue reads a due date the way people type one (see DueForms): ISO
// dates, day-first dates with slashes or dots, days and months in words,
// spans from today in letters or words, weekdays, the end of a month, and
// today, tomorrow, next week or next month. It rejects impossible dates
// (31/02/2027) rather than rolling them over, and says so when a date
// looks like a US one, month first (03/31/2027).
func ParseDue(s string, today Date) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	lower := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, read := range []func(s, lower string, today Date) (Date, bool, error){
		namedDue, spanDue, isoDue, slashDue, wordsDue, weekdayDue, endOfDue,
	} {
		if d, ok, err := read(s, lower, today); ok || err != nil {
			return d, err
		}
	}
	return Date{}, fmt.Errorf("%q is %w: try 31/03/2027, 5 Feb, 2w or next Friday", s, ErrNotADate)
}

// IsNotADate reports whether err says the text held no date at all.
func IsNotADate(err error) bool { return errors.Is(err, ErrNotADate) }

var (
	spanPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:in )?\+?(\d{1,5}|an?) ?(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)$`)
	})
	isoPattern   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`) })
	slashPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$`)
	})
	// "31/12" and "31.12": the next such day. Not "3-4", which may be a range.
	slashNoYearPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})$`) })
	// "31 March 2027", "31st Mar", "March 31, 2027", "Mar 31".
	dayMonthPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?,?(?: (\d{4}|\d{2}))?$`)
	})
	monthDayPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?$`)
	})
	endOfPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:the )?end of (?:the |this )?(next )?([a-z]+)(?: (\d{4}))?$`)
	})
)

// namedDue reads today, tomorrow, next week and next month.
func namedDue(_, lower string, today Date) (Date, bool, error) {
	switch lower {
	case "today":
		return today, true, nil
	case "tomorrow":
		return today.AddDays(1), true, nil
	case "next week":
		return today.AddDays(7), true, nil
	case "next month":
		return DateOf(addMonthsClamped(today.Time(), 1)), true, nil
	}
	return Date{}, false, nil
}

// spanDue reads a span from today: 2w, 10 days, in 3 months, a year.
func spanDue(s, lower string, today Date) (Date, bool, error) {
	m := spanPattern().FindStringSubmatch(lower)
	if m == nil {
		return Date{}, false, nil
	}
	n := 1
	if m[1] != "a" && m[1] != "an" {
		var err error
		if n, err = strconv.Atoi(m[1]); err != nil || n > 100*366 {
			return Date{}, true, fmt.Errorf("%q is too far ahead", s)
		}
	}
	t := today.Time()
	switch m[2][0] {
	case 'd':
		t = t.AddDate(0, 0, n)
	case 'w':
		t = t.AddDate(0, 0, 7*n)
	case 'm':
		t = addMonthsClamped(t, n)
	case 'y':
		t = addMonthsClamped(t, 12*n)
	}
	return DateOf(t), true, nil
}

// isoDue reads 2027-03-31 and 2027-3-5.
func isoDue(s, _ string, _ Date) (Date, bool, error) {
	m := isoPattern().FindStringSubmatch(s)
	if m == nil || m[3] == "0" { // 2027-12-0 is half of 2027-12-05: not a date yet
		return Date{}, false, nil
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	d, err := checkedDate(s, year, time.Month(month), day)
	return d, true, err
}

// slashDue reads day-first dates: 31/03/2027, 31/3/27, 31.3.2027, and
// 31/12 without a year (the next such day, as 5 Feb). A date that only
// makes sense month first (03/31/2027) is refused with why.
func slashDue(s, _ string, today Date) (Date, bool, error) {
	m := slashPattern().FindStringSubmatch(s)
	if m == nil {
		if m = slashNoYearPattern().FindStringSubmatch(s); m == nil {
			return Date{}, false, nil
		}
		m = append(m, "")
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		year += 2000
	}
	if month > 12 && day <= 12 && month <= 31 {
		if m[3] == "" {
			if _, err := nextDate(s, time.Month(day), month, today); err == nil {
				return Date{}, true, fmt.Errorf("%q looks like a US date (month first): ladder reads dates day first, so write %d/%d",
					s, month, day)
			}
		} else if us, err := checkedDate(s, year, time.Month(day), month); err == nil {
			return Date{}, true, fmt.Errorf("%q looks like a US date (month first): ladder reads dates day first, so write %s, or %s",
				s, us.Time().Format("02/01/2006"), us.String())
		}
	}
	if m[3] == "" {
		if m[2] == "0" {
			return Date{}, false, nil // 31/0 is half of 31/03: not a date yet
		}
		// 31/2 is no day in any year, as 30/02/2027 is none in 2027: no
		// more typing makes it one, so it is said as that is.
		d, err := nextDate(s, time.Month(month), day, today)
		return d, true, err
	}
	d, err := checkedDate(s, year, time.Month(month), day)
	return d, true, err
}

// nextDate is the next day and month given without a year, today
// counting: this year's, or the first later year that has it (29 Feb).
func nextDate(s string, month time.Month, day int, today Date) (Date, error) {
	d, err := checkedDate(s, today.Year, month, day)
	if err != nil && !(month == time.February && day == 29) {
		return Date{}, err
	}
	if err != nil || d.Before(today) {
		for y := today.Year + 1; y <= today.Year+8; y++ {
			if d, err = checkedDate(s, y, month, day); err == nil {
				break
			}
		}
	}
	return d, err
}

// wordsDue reads a day and a month in words, with or without the year:
// 31 March 2027, 5 Feb, March 31. Without a year it is the next such day
// (today counts).
func wordsDue(s, lower string, today Date) (Date, bool, error) {
	var dayText, monthText, yearText string
	if m := dayMonthPattern().FindStringSubmatch(lower); m != nil {
		dayText, monthText, yearText = m[1], m[2], m[3]
	} else if m := monthDayPattern().FindStringSubmatch(lower); m != nil {
		if _, ok := monthNames[m[1]]; !ok {
			return Date{}, false, nil
		}
		monthText, dayText, yearText = m[1], m[2], m[3]
	} else {
		return Date{}, false, nil
	}
	month, ok := monthNames[monthText]
	if !ok {
		return Date{}, true, fmt.Errorf("%q: unknown month %q", s, asTyped(s, monthText))
	}
	day, _ := strconv.Atoi(dayText)
	if yearText == "" {
		d, err := nextDate(s, month, day, today)
		return d, true, err
	}
	year, _ := strconv.Atoi(yearText)
	if len(yearText) == 2 {
		year += 2000
	}
	d, err := checkedDate(s, year, month, day)
	return d, true, err
}

var weekdays = func() map[string]time.Weekday {
	m := map[string]time.Weekday{"tues": time.Tuesday, "weds": time.Wednesday, "thur": time.Thursday, "thurs": time.Thursday}
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		m[name] = d
		m[name[:3]] = d
	}
	return m
}()

// weekdayDue reads "Friday" and "this Friday" (today if it is a Friday,
// else the coming one), "next Friday" (the first Friday after today) and
// "Friday week" (a week after the coming Friday).
func weekdayDue(_, lower string, today Date) (Date, bool, error) {
	words := strings.Fields(lower)
	after, extra := 0, 0
	switch {
	case len(words) == 2 && words[0] == "next":
		after, words = 1, words[1:]
	case len(words) == 2 && (words[0] == "this" || words[0] == "on"):
		words = words[1:]
	case len(words) == 2 && words[1] == "week":
		extra, words = 7, words[:1]
	}
	if len(words) != 1 {
		return Date{}, false, nil
	}
	wd, ok := weekdays[words[0]]
	if !ok {
		return Date{}, false, nil
	}
	t := today.Time().AddDate(0, 0, after)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return DateOf(t).AddDays(extra), true, nil
}

// endOfDue reads the end of a month or a year: end of March (this year's,
// or next year's once this one's has passed), end of March 2028, end of
// the month, end of next month, end of the year.
func endOfDue(s, lower string, today Date) (Date, bool, error) {
	m := endOfPattern().FindStringSubmatch(lower)
	if m == nil {
		return Date{}, false, nil
	}
	next, word, yearText := m[1] != "", m[2], m[3]
	lastDay := func(y int, mo time.Month) Date {
		return DateOf(time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC))
	}
	switch word {
	case "month":
		if yearText != "" {
			return Date{}, false, nil
		}
		t := today.Time()
		if next {
			t = addMonthsClamped(t, 1)
		}
		d := DateOf(t)
		return lastDay(d.Year, d.Month), true, nil
	case "year":
		if yearText != "" {
			return Date{}, false, nil
		}
		y := today.Year
		if next {
			y++
		}
		return Date{y, time.December, 31}, true, nil
	}
	month, ok := monthNames[word]
	if !ok {
		return Date{}, true, fmt.Errorf("%q: unknown month %q", s, asTyped(s, word))
	}
	if yearText != "" {
		y, _ := strconv.Atoi(yearText)
		return lastDay(y, month), true, nil
	}
	d := lastDay(today.Year, month)
	if d.Before(today) || next {
		d = lastDay(today.Year+1, month)
	}
	return d, true, nil
}

// asTyped is word (found in s lower-cased) as s has it.
func asTyped(s, word string) string {
	if i := strings.Index(strings.ToLower(s), word); i >= 0 && i+len(word) <= len(s) {
		return s[i : i+len(word)]
	}
	return word
}

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
	if year < 1 || month < 1 || month > 12 || day < 1 || t.Day() != day || t.Month() != month {
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

// ISOSuggestion is the plan-file form of a date written another way, for
// a message about a hand-edited plan: "2027-03-31" for "31/03/2027". Only
// dates that mean the same whatever the day are suggested (not 2w or next
// Friday); ok is false for anything else.
func ISOSuggestion(s string) (string, bool) {
	s = strings.TrimSpace(s)
	lower := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if slashNoYearPattern().MatchString(s) {
		return "", false // as "5 Feb"
	}
	for _, read := range []func(s, lower string, today Date) (Date, bool, error){isoDue, slashDue} {
		if d, ok, err := read(s, lower, Date{}); ok {
			return d.String(), err == nil
		}
	}
	m := dayMonthPattern().FindStringSubmatch(lower)
	if m == nil {
		m = monthDayPattern().FindStringSubmatch(lower)
	}
	if m == nil || m[3] == "" {
		return "", false // "5 Feb" depends on the day it is read
	}
	d, ok, err := wordsDue(s, lower, Date{})
	return d.String(), ok && err == nil
}

// Friendly formats a date for people: "Wed 31 Mar 2027".
func (d Date) Friendly() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("Mon 2 Jan 2006")
}
