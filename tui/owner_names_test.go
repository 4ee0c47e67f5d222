package tui

import "testing"

// A Welsh firm's and a care home's people, named as they write their
// names: typed on an English keyboard without the marks ("sian", "dang",
// "zoe a"), the owner field still offers the name, and → takes it as the
// plan writes it, where the offer went as soon as a letter without its
// mark was typed and the plan gained "Sian" beside "Siân Llŷr", two
// owners to ladder status.
func TestTheOwnerFieldOffersNamesTypedWithoutTheirMarks(t *testing.T) {
	p := rvNewPlan(t)
	p.Participants = []string{"Siân Llŷr", "Đặng Văn Minh", "Zoë Ångström", "Ben Okafor"}
	h, path := rvOpen(t, p, 80, 24)
	for i, c := range []struct{ typed, offer, want string }{
		{"sian", "sian Llŷr", "Siân Llŷr"},
		{"dang", "dang Văn Minh", "Đặng Văn Minh"},
		{"zoe a", "zoe angström", "Zoë Ångström"},
		{"Siân", "Siân Llŷr", "Siân Llŷr"},
	} {
		if i > 0 {
			h.press("ctrl+n")
		}
		h.press("g", "tab", "tab")
		h.typeText(c.typed)
		h.requireView("Owner  " + c.offer)
		h.press("right", "tab")
		id := p.Checklist.Items()[i].Item.ID
		if got := loadPlan(t, path).Response(id).Owner; got != c.want {
			t.Fatalf("%q and →: owner on disk = %q, want %q", c.typed, got, c.want)
		}
	}
}

// What is offered for what is typed: the letters typed kept as typed,
// the rest of the name as written, nothing for letters the name lacks.
func TestCompletionsOfNamesWithMarks(t *testing.T) {
	names := []string{"Siân Llŷr", "Łukasz Nowak", "Zoe\u0308 Ångström", "王小明"}
	for _, c := range []struct{ typed, want, name string }{
		{"", "Siân Llŷr", "Siân Llŷr"},
		{"sian l", "sian llŷr", "Siân Llŷr"},
		{"sian llyr", "sian llyr", "Siân Llŷr"},
		{"sianx", "", ""},
		{"luk", "lukasz Nowak", "Łukasz Nowak"},
		{"Zoë", "Zoë Ångström", "Zoe\u0308 Ångström"},
		{"王", "王小明", "王小明"},
	} {
		offered, of := completions(names, c.typed)
		got := ""
		if len(offered) > 0 {
			got = offered[0]
		}
		if got != c.want {
			t.Errorf("typed %q: offered %q, want %q first", c.typed, offered, c.want)
		}
		if got != "" && of[got] != c.name {
			t.Errorf("typed %q: %q stands for %q, want %q", c.typed, got, of[got], c.name)
		}
	}
}
