package plans

import "testing"

// TestAppendCommentReplacesNoncharacters: the two noncharacters U+FFFE
// and U+FFFF are written as U+FFFD in a comment line, wherever they are,
// a title's byte-order mark is dropped (as safetext.Line drops the
// invisible format characters), and other text starting with the
// byte 0xEF in UTF-8 (U+FF01, a fullwidth "!") is kept. appendComment
// looks for that byte before it decodes the title rune by rune.
func TestAppendCommentReplacesNoncharacters(t *testing.T) {
	for in, want := range map[string]string{
		"Pay gaps":              "Pay gaps",
		"\ufeffPay gaps":        "Pay gaps",
		"Pay\ufffe gaps\uffff":  "Pay\ufffd gaps\ufffd",
		"Pay gaps\uff01":        "Pay gaps\uff01",
		"Pay\uff01 \ufeff gaps": "Pay\uff01 gaps",
		"  Pay   gaps ":         "Pay gaps",
	} {
		if got := string(appendComment([]byte("# "), in)); got != "# "+want {
			t.Errorf("appendComment(%q) = %q, want %q", in, got, "# "+want)
		}
	}
}
