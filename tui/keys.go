package tui

import "charm.land/bubbles/v2/key"

// globalKeys work on every screen. Screens have their own key maps beside
// their models; help is drawn from the bindings, never written twice.
type globalKeys struct {
	Quit      key.Binding // q, outside text fields
	ForceQuit key.Binding // ctrl+c, anywhere
	Help      key.Binding
	// TypingHelp is help while a field takes the letters (? types a ?).
	TypingHelp key.Binding
	Overview   key.Binding
	Board      key.Binding // every item as a tile, when a plan is open
	Present    key.Binding // presenter mode on and off (f5 also while typing)
	Timer      timerKeys   // the clocks, when --timebox or --session set one
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "save & quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "save & quit")),
		Help:       key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
		TypingHelp: key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help")),
		Overview:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "overview")),
		Board:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "board")),
		Present:    key.NewBinding(key.WithKeys("P", "f5"), key.WithHelp("P/f5", "presenter mode")),
		Timer:      newTimerKeys(),
	}
}
