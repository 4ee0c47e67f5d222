// Package render turns what package plans knows (a plan, a diff between
// two versions of one, its history, the open actions of a folder) into
// something people read: plain text for a terminal, Markdown for a pull
// request, a wiki or a printed page.
//
// Each output is made in two steps. A builder decides what it says: which
// sections, which values, in which order, and the words for them ("(none)",
// "to do", "slipped 30 days"), so that every format says the same thing
// (buildDiff, buildReport). A writer per format then only lays that out
// (writeDiffText, writeDiffMarkdown, writeReportMarkdown). A new format is
// a new writer beside the others, reading the same built value, in a file
// named after the output and the format (report_html.go, report_csv.go):
// the builders and the other writers do not change.
//
// Nothing here reads files or git, and nothing here knows a screen exists.
package render
