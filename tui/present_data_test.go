package tui

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"
	"github.com/socialmobility/ladder/workforce"
)

// presentAtFirstDataItem is rvAtFirstDataItem in presenter mode, w×h.
func presentAtFirstDataItem(t *testing.T, data *workforce.Data, w, h int) *rvHarness {
	t.Helper()
	hs := rvAtFirstDataItem(t, data)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.press("P")
	hs.requireView("Data · item 1 of 15")
	return hs
}

// requireShown fails unless the screen shows every one of want, in
// ordinary letters or in block letters (on a big window).
func requireShown(t *testing.T, h *rvHarness, want ...string) {
	t.Helper()
	v := h.view()
	for _, w := range want {
		if !strings.Contains(v, w) && !bigShown(v, w) {
			t.Fatalf("the screen does not show %q; it shows:\n%s", w, v)
		}
	}
}

// refuseShown fails if the screen shows any of unwanted, in ordinary
// letters or in block letters.
func refuseShown(t *testing.T, h *rvHarness, unwanted ...string) {
	t.Helper()
	v := h.view()
	for _, w := range unwanted {
		if strings.Contains(v, w) || bigShown(v, w) {
			t.Fatalf("the screen shows %q; it should not:\n%s", w, v)
		}
	}
}

// On a projector the workforce data is the employer's protected figures,
// for everyone in the room to see: presenter mode shows one line saying
// the plan has it and which key shows it, D shows it, and D hides it
// again.
func TestPresenterModeShowsTheWorkforceDataOnlyAfterD(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {240, 67}} {
		h := presentAtFirstDataItem(t, cliffEdgeData(), size[0], size[1])
		figures := []string{"87%", "75%", "Cliff edge", "23%"}
		h.requireView("The plan has workforce data for this item: D shows it to the room")
		refuseShown(t, h, figures...)
		h.press("D")
		requireShown(t, h, figures...)
		requireShown(t, h, "response rate", "Team leader")
		h.requireView("D hides it again")
		// Not the file's name nor the command: they are the facilitator's.
		refuseShown(t, h, "acme.data.yaml", "ladder data show", "D shows it")
		h.press("D")
		h.requireView("D shows it to the room")
		refuseShown(t, h, figures...)
	}
}

// Shown on one item, the data is hidden again on the next: showing is
// for the item the room is discussing, and a projector never shows the
// figures but at a key pressed while looking at that screen (moving on,
// coming back, leaving presenter mode and coming back to it).
func TestPresenterModeHidesTheWorkforceDataOnTheNextItem(t *testing.T) {
	h := presentAtFirstDataItem(t, cliffEdgeData(), 80, 24)
	h.press("D")
	h.requireView("Cliff edge")
	h.press("n")
	h.requireView("Do you record and evaluate the take up of training", "D shows it to the room")
	h.refuseView("Cliff edge")
	h.press("D")
	h.requireView("Cliff edge")
	h.press("p")
	h.requireView("Do you collect socio-economic data", "D shows it to the room")
	h.refuseView("Cliff edge")
	h.press("D", "P", "P")
	h.requireView("E N A B L E R S", "D shows it to the room")
	h.refuseView("Cliff edge")
	// Nor does the advice and back hide it: the item is the same.
	h.press("D", "i")
	h.requireView("A D V I C E")
	h.press("esc")
	h.requireView("Cliff edge", "D hides it again")
}

// With no data file, the projector tells the room so in plain words, and
// nothing a participant cannot use: it showed the room a shell command,
// "ladder data import adds it (ladder data --help says how), then D shows
// it". The screens out of presenter mode, the owner's at their laptop,
// keep the command. D has nothing to show until the data is imported (it
// reads the file again then: TestPresenterModeDReadsDataImportedDuringTheReview).
func TestPresenterModeTellsTheRoomPlainlyThereIsNoData(t *testing.T) {
	for _, size := range [][2]int{{240, 67}, {80, 24}, {60, 16}} {
		h := presentAtFirstDataItem(t, nil, size[0], size[1])
		h.requireView("No workforce data in this plan yet.")
		h.refuseView("ladder data", "--help", "D shows it", "D show the data")
		h.press("D")
		h.requireView("No workforce data in this plan yet.")
		h.refuseView("D hide", "ladder data")
		h.press("P")
		if v := h.view(); !strings.Contains(v, "ladder data import") && !strings.Contains(v, "how to add workforce data") {
			t.Errorf("%dx%d: out of presenter mode the owner is not told how to import the data:\n%s", size[0], size[1], v)
		}
	}
}

// A data file that does not load: the projector says so plainly, not the
// command that says why (ladder check), which is the facilitator's.
func TestPresenterModeTellsTheRoomPlainlyTheDataDoesNotLoad(t *testing.T) {
	h := presentAtFirstDataItem(t, nil, 120, 40)
	if err := os.WriteFile(workforce.PathFor("plans/acme.yaml"), []byte("groups: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.press("D")
	h.requireView("The plan's workforce data could not be read.")
	h.refuseView("ladder check", "reads it again")
}

// Items not about the data have no line, and D there does nothing.
func TestPresenterModeShowsNoDataOnOtherItems(t *testing.T) {
	h := presentAtFirstDataItem(t, cliffEdgeData(), 80, 24)
	h.press("p")
	h.requireView("Interventions")
	h.refuseView("workforce data", "D shows", "D show the data")
	h.press("D")
	h.refuseView("Cliff edge", "87%", "D hide")
	h.press("n", "enter") // the area's summary, then the first item about the data
	h.requireView("D shows it to the room")
	h.refuseView("Cliff edge")
}

// A window too short for the data, once shown, says so in a line, and
// which key hides it; one with room for some of it shows whole
// paragraphs and says there is more.
func TestPresenterModeSaysWhenTheWindowIsTooShortForTheData(t *testing.T) {
	h := presentAtFirstDataItem(t, cliffEdgeData(), 60, 16)
	h.requireView("D shows it")
	h.press("D")
	// On a projector the window is as big as it goes: the text's size is
	// what gives the data room.
	h.requireView("make the text smaller", "D hides")
	h.refuseView("Cliff edge")
	// Room for the first paragraph: it is whole, and the box says there
	// is more rather than read as the whole of the data.
	h.send(tea.WindowSizeMsg{Width: 80, Height: 19})
	h.requireView("a response rate of 87%", "against a target of 75%.", "… and more: make the text smaller to see it all")
	h.refuseView("Cliff edge")
	requireFits(t, h, 80, 19)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.requireView("Cliff edge between Team leader and Manager", "D hides it again")
	h.refuseView("make the text smaller")
}

// Presenter mode shows the figures the review's panel shows, protected
// the same: never a group under the anonymity threshold of 10. The
// managers' 3 working-class answers of 40 (8%) are "23% or less"; a team
// of 7 shows no figure at all, and says why.
func TestPresenterModeNeverShowsAGroupUnderTen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {240, 67}} {
		h := presentAtFirstDataItem(t, cliffEdgeData(), size[0], size[1])
		h.press("D")
		requireShown(t, h, "23%", "or less")
		refuseShown(t, h, " 8%", " 7%", "7.5%", " 3 ")

		small := &workforce.Data{Schema: 1, Collected: "2027-03-10", Threshold: 10, Grades: []workforce.Grade{
			{Name: "Staff", Headcount: 7, Counts: workforce.Counts{2, 1, 1, 0, 1}},
		}}
		h = presentAtFirstDataItem(t, small, size[0], size[1])
		h.press("D")
		requireShown(t, h, "fewer than 10 people", "in all")
		refuseShown(t, h, "5 responses", " 71%", " 50%", " 29%", "2 of", "4 answers")
	}
}

// The key is in presenter mode's line of keys on an item about the data,
// and in its help, and collides with no other key of the screen.
func TestPresenterModeListsTheDataKey(t *testing.T) {
	h := presentAtFirstDataItem(t, cliffEdgeData(), 120, 40)
	h.requireView("D show the data")
	h.press("D")
	h.requireView("D hide the data")
	h.press("?")
	h.requireView("show the workforce data to the room, or hide it")
	// Every key of the item screen, the app's, the clocks' and the
	// room's: D is ShowData's alone.
	var all []key.Binding
	s := h.a.screen(screenItem).(*itemScreen)
	for _, m := range []any{h.a.c.keys, theRoomKeys, s.keys} {
		all = bindingsIn(reflect.ValueOf(m), all)
	}
	shows := 0
	for _, b := range all {
		if slices.Contains(b.Keys(), "D") {
			shows++
			if b.Help() != s.keys.ShowData.Help() {
				t.Errorf("%q (%s) takes D too", b.Help().Key, b.Help().Desc)
			}
		}
	}
	if shows != 1 {
		t.Errorf("D is bound %d times", shows)
	}
}

// bindingsIn adds the key.Bindings of the key map v (a struct of
// bindings, nested key maps and lists of bindings) to out.
func bindingsIn(v reflect.Value, out []key.Binding) []key.Binding {
	if !v.CanInterface() {
		return out
	}
	switch b, ok := v.Interface().(key.Binding); {
	case ok:
		out = append(out, b)
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			out = bindingsIn(v.Field(i), out)
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			out = bindingsIn(v.Index(i), out)
		}
	}
	return out
}
