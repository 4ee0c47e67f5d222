package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/workforce"
)

// WorkforceHistoryWords is WorkforceHistoryText for a screen reader, as
// WorkforceWords is for data show: each version a line or two in
// sentences, its working-class share grade by grade, a grade shown with
// its neighbour named with it ("Manager and Director 12%") and a hidden
// share said in words ("fewer than 10", "not shown"), not "<10", "--"
// and "+". Each version is protected on its own, as the table's is.
func WorkforceHistoryWords(name string, versions []WorkforceVersion, cols int) []byte {
	h := wfHistoryHead(versions) // for the threshold it is read at: each version is protected below
	var b strings.Builder
	say := sayer(&b, cols)
	say(fmt.Sprintf("Workforce data history of %s: %s, oldest first%s.", plain(name), countNoun(len(versions), "commit"), wfEarlierExtent(versions)))
	say("The working-class share of each grade, junior to senior, at every commit that changed the data.")
	b.WriteByte('\n')
	for _, v := range versions {
		head := "Commit " + plain(v.Commit)
		if c := v.collected(); c != "-" {
			head += ", collected " + spokenISODate(c)
		}
		if v.Date != "" && v.Date != v.collected() {
			head += ", committed " + spokenISODate(v.Date)
		}
		head += ": " + sentence(plain(v.subject()))
		switch {
		case v.Data == nil && v.Problem == "deleted in this commit":
			say(head + " The data file was deleted in this commit.")
		case v.Data == nil:
			say(head + " The data file " + sentence(plain(v.Problem)))
		default:
			say(head + " Working-class share: " + versionShares(workforce.Protect(v.Data)) + ".")
		}
	}
	b.WriteByte('\n')
	say(hiddenLegend(h.thresh, false))
	return []byte(b.String())
}

// versionShares is "Team member 46%, Manager fewer than 10, all grades
// not shown".
func versionShares(tab *workforce.Table) string {
	share := func(r workforce.Row) string {
		if tab.SmallEmployer() {
			return sayShare(hiddenWord(true, tab.Threshold, false))
		}
		return sayShare(shareWord(rowShare(r, workforce.WorkingClass), tab.Threshold, false))
	}
	var parts []string
	for _, r := range tab.Grades {
		members := make([]string, len(r.Members))
		for i, m := range r.Members {
			members[i] = plain(m)
		}
		parts = append(parts, andList(members)+" "+share(r))
	}
	return strings.Join(append(parts, "all grades "+share(tab.Total)), ", ")
}

// sayShare keeps a share's words on one line when wrapped ("fewer than
// 10"): see glue.
func sayShare(s string) string {
	return strings.ReplaceAll(s, " ", glue)
}

// rowShare is group g's share of a protected row, or why it is hidden.
func rowShare(r workforce.Row, g workforce.Group) wfShare {
	v, ok := r.Share(g)
	return wfShare{shown: ok, value: v, small: r.Groups[g].Small}
}

// spokenISODate is "2027-03-10" spelt out, "10 March 2027": a speech
// engine reads the digits as a sum. Anything else is kept as it is.
func spokenISODate(s string) string {
	d, err := plans.ParseDate(s)
	if err != nil {
		return plain(s)
	}
	return spokenDate(d)
}
