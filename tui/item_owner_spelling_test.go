package tui

import "testing"

// An owner typed in other capitals or spacing than a name the plan
// already has ("sam  hill" for the participant "Sam Hill") is that name:
// it was stored as typed, and the report, the project plan and status
// --by owner then counted two owners where there is one person. Now the
// field takes the plan's spelling as it is left, and says so.
func TestAnOwnerTypedInOtherCapitalsIsTheNameAsThePlanWritesIt(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Jo", "Sam Hill", "Siân Llŷr"}
	h, path := rvOpen(t, p, 80, 24)
	h.press("g", "tab", "tab")
	h.typeText("sam  hill ")
	h.press("tab")
	if got := loadPlan(t, path).Response("lc-vision").Owner; got != "Sam Hill" {
		t.Fatalf("owner on disk = %q, want %q", got, "Sam Hill")
	}
	h.requireView("Owner  Sam Hill", "as the plan writes the name")

	// A name typed without its marks is the name too, as the field
	// offers it; a new name, or one that only begins like a known one,
	// is kept as typed.
	for typed, want := range map[string]string{"sian llyr": "Siân Llŷr", "Sam": "Sam", "jo hill": "jo hill"} {
		h.press("ctrl+n", "g", "tab", "tab")
		h.typeText(typed)
		h.press("tab")
		id := h.item().entry().Item.ID
		if got := loadPlan(t, path).Response(id).Owner; got != want {
			t.Fatalf("typed %q: owner on disk = %q, want %q", typed, got, want)
		}
	}
}

// While a name is typed the field stops at the plan's spelling only when
// it is left: a pause in the typing saves the letters as typed, so the
// text does not change under the cursor.
func TestAnOwnerIsNotRespeltWhileItIsTyped(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Sam Hill"}
	h, path := rvOpen(t, p, 80, 24)
	h.press("g", "tab", "tab")
	h.typeText("sam hill")
	h.send(typingPauseMsg{h.a.typingGen})
	if got := loadPlan(t, path).Response("lc-vision").Owner; got != "sam hill" {
		t.Fatalf("after a pause: owner on disk = %q, want it as typed", got)
	}
	h.requireView("Owner  sam hill")
}

// The owner field completes a name as it is typed ("pri" shows "priya",
// the rest faint), but tab leaves the letters typed: the footer says
// that → takes the name shown, naming it, where it said nothing of it.
func TestTheFooterSaysHowToTakeTheOwnerShown(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Priya Shah"}
	h, _ := rvOpen(t, p, 80, 24)
	h.press("g", "tab", "tab")
	h.typeText("pri")
	h.requireView("→ take Priya Shah")
	h.typeText("x")
	h.refuseView("→ take Priya Shah")
}

// A project-plan step's owner is spelt as the plan writes the name too.
func TestAStepOwnerTypedInOtherCapitalsIsTheNameAsThePlanWritesIt(t *testing.T) {
	p := fuPlan(t)
	p.Participants = []string{"Ana Silva", "Ben Okafor"}
	a, path := fuApp(t, p, 80, 24)
	fuShow(t, a, screenFollowUp, 4)
	fuPress(t, a, "a")
	fuType(t, a, "Book the away-day")
	fuPress(t, a, "tab")
	fuType(t, a, "BEN okafor")
	fuPress(t, a, "enter", "enter", "enter")
	for _, got := range loadPlan(t, path).Answer("project-plan").Steps {
		if got.Text == "Book the away-day" {
			if got.Owner != "Ben Okafor" {
				t.Fatalf("new step on disk: %+v, want its owner Ben Okafor", got)
			}
			return
		}
	}
	t.Fatalf("no step written:\n%s", fuView(a))
}

// A name typed with its own marks is the name those marks spell: in
// Vietnamese "Ngọc Hạ" and "Ngọc Hà" are two people, and in scripts
// whose vowels are marks (Devanagari's ु in कुमार) a mark left out is
// another name. Only letters of Latin scripts typed bare, as a keyboard
// without accents types them, are taken for the name with its marks.
func TestAnOwnerWhoseMarksSpellAnotherNameIsKeptAsTyped(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Ngọc Hà", "कुमार"}
	h, path := rvOpen(t, p, 80, 24)
	for i, c := range []struct{ typed, want string }{
		{"Ngọc Hạ", "Ngọc Hạ"},
		{"कमार", "कमार"},
		{"ngoc ha", "Ngọc Hà"},
		{"NGỌC HÀ", "Ngọc Hà"},
	} {
		if i > 0 {
			h.press("ctrl+n")
		}
		h.press("g", "tab", "tab")
		h.typeText(c.typed)
		h.press("tab")
		id := h.item().entry().Item.ID
		if got := loadPlan(t, path).Response(id).Owner; got != c.want {
			t.Fatalf("typed %q: owner on disk = %q, want %q", c.typed, got, c.want)
		}
	}
}
