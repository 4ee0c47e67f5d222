// Package workforce is the workforce data the checklists ask about: the
// Social Mobility Commission's key question ("What was the occupation of
// your main household earner when you were about aged 14?"), its answers
// counted by grade and reported in the guide's three groups, never below
// the anonymity threshold of 10.
//
// It reads a survey tool's CSV export into counts (Import), keeps them in a
// data file beside the plan (Data, Encode, Parse), works out which figures
// may be published without letting anyone work out a group under the
// threshold (Protect), and reads them the way the guide suggests: response
// rates against a target, each grade's shares, and whether people from
// lower socio-economic backgrounds fall off suddenly (a cliff edge) or
// slowly (a pyramid) as seniority rises (Read), against a benchmark the
// user supplies (Benchmark).
//
// It keeps counts only: no row of a CSV is stored, and the CSV itself is
// neither copied nor kept. It knows nothing about screens or output
// formats; package render lays its figures out.
package workforce
