package plans

import "bytes"

// OrganisationIn is the organisation a plan file's data names, read as
// Parse reads it (escapes, quotes and folded lines undone), without
// loading the plan: ladder new asks it of every plan beside the new one,
// and loads only those of the same organisation, so that a folder of
// thousands of plans costs a read and a short parse each. Only the part
// above the items is parsed when that alone says what the whole file does
// (as linksHead: ladder writes the organisation there, and below it no
// line at the margin names it). ok is false when data does not parse to
// a mapping, or names the organisation twice: such a file does not load.
func OrganisationIn(data []byte) (org string, ok bool) {
	if cut := bytes.Index(data, []byte("\nitems:")); cut >= 0 {
		head, rest := data[:cut+1], data[cut+1:]
		if !bytes.Contains(rest, []byte("\norganisation")) && plainKeysOnly(rest) {
			if org, ok := organisationOf(head); ok {
				return org, true
			}
		}
	}
	return organisationOf(data)
}

// organisationOf reads the organisation at the top level of data.
func organisationOf(data []byte) (org string, ok bool) {
	seen := 0
	ok = eachTopScalar(data, func(key, value string, _ int) {
		if key == "organisation" {
			org = value
			seen++
		}
	})
	return org, ok && seen == 1
}
