package tui

import (
	"testing"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/workforce"
)

// smallFirmData is a firm of 12: every group under the threshold, so the
// reading says no pattern can be read, in more lines than a pattern takes.
func smallFirmData() *workforce.Data {
	return &workforce.Data{Schema: 1, Collected: "2026-11-30", Threshold: 10, Grades: []workforce.Grade{
		{Name: "Apprentice", Counts: workforce.Counts{3, 0, 0, 0, 0}},
		{Name: "Plumber", Counts: workforce.Counts{3, 0, 2, 0, 0}},
		{Name: "Office", Counts: workforce.Counts{0, 1, 0, 0, 0}},
		{Name: "Foreman", Counts: workforce.Counts{1, 0, 1, 0, 0}},
		{Name: "Director", Counts: workforce.Counts{0, 0, 1, 0, 0}},
	}}
}

// A firm of 12 brought its data, rated the first item about it, and at
// 80x24 read only the data file's path and "… and more: make the window
// taller to see it all", three lines left empty under the fields: the
// empty fields kept their five lines, though the questions of an item
// push them into one. The data counts as the questions do now, so the
// reading ("no pattern can be read", usual in a small workforce) and the
// command that shows it all are on the screen.
func TestASmallFirmsDataShowsWholeAt80x24(t *testing.T) {
	p := rvNewPlan(t)
	for _, e := range p.Checklist.Items() {
		p.Items[e.Item.ID].Rating = "amber"
		if e.Item.Topic == checklist.TopicWorkforceData {
			break
		}
	}
	h := rvResumeWithData(t, p, smallFirmData()) // at the second item about the data, unrated
	for _, rate := range []string{"", "a"} {
		if rate != "" {
			h.press(rate)
		}
		h.requireView("Do you record and evaluate", "No pattern can be read", "usual in a small", "ladder data show plans/acme.data.yaml")
		h.refuseView("make the window taller")
	}
	h.press("tab")
	h.requireView("Action", "Owner", "Due", "Status", "Notes")
}
