package safetext

import (
	"strings"
	"testing"
)

// BenchmarkLine is the fast path every field of a plan takes on its way
// to a terminal (status over many plans, the screens' View on every key):
// text with nothing to clean, as most is, and a pile of marks to cut.
func BenchmarkLine(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"ascii", "2027-02-01  28 days late  Write a one-page vision [Develop a clear vision for your D&I strategy]"},
		{"accented", "Zoë Ångström, Łukasz Wróbel, François Müller, José Núñez, Søren Kierkegård, Dvořák"},
		{"scripts", "Nguye\u0302\u0303n Thi\u0323 Minh, ที่นี่ นี่, हिन्दी शिक्षा, שָׁלוֹם, 李雷 and 韩梅梅"},
		{"pile", "Owner Z" + strings.Repeat("\u0301\u0316", 100) + "algo of the plan"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Line(bc.text)
			}
		})
	}
}
