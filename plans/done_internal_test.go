package plans

import "testing"

// plainBytes, history's quick reading of a plain value, says what
// plainSafe says: a value ladder would write plain is read as one, and
// any other is left to a parse.
func TestPlainBytesIsPlainSafe(t *testing.T) {
	words := []string{"", "a", "Ana", "Björn", "李雷", "yes", "No", "NULL", "Off", "ON", "Y", "~", "nulls", "yess", ".inf", "-.inf", "<<", "=",
		"2027-01-01", "12 apples", "+1 more", ".5 days", "0x1F", "Write a one-page vision", "Next: run it",
		"Run it:", "Ask # twice", "Ask#once", " lead", "trail ", "Zoë Østergaard", "O'Neil", "'quoted'", "tab\there"}
	for _, c := range "-?:,[]{}#&*!|>'\"%@`" {
		words = append(words, string(c)+"rest of it", "some"+string(c))
	}
	for _, w := range words {
		for _, s := range []string{w, w + " and more words", "A " + w} {
			if got, want := plainBytes([]byte(s)), plainSafe(s); got != want {
				t.Errorf("%q: plainBytes %v, plainSafe %v", s, got, want)
			}
		}
	}
}
