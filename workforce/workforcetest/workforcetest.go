// Package workforcetest writes synthetic survey exports of any size, for
// the benchmarks and tests that need more than a hand-written CSV: a
// 100,000-row import, say.
//
// The exports are deterministic (the same size always gives the same
// bytes) and shaped like a real survey tool's: a timestamp, a grade, the
// answer to the key question in the guide's words (with its "such as ..."
// detail, as survey tools show it), a few free-text answers the guide
// gives as examples, and an optional comment now and then, quoted, with
// commas and line breaks in it.
package workforcetest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"

	"github.com/socialmobility/ladder/workforce"
)

// Grades are the grades of a synthetic export, junior to senior.
var Grades = []string{"Apprentice", "Team member", "Team leader", "Supervisor", "Manager", "Senior manager", "Director"}

// workingClassShare is each grade's chance of a working-class answer: a
// pyramid with a cliff edge near the top.
var workingClassShare = []float64{0.50, 0.45, 0.40, 0.36, 0.20, 0.12, 0.08}

// CSV returns a survey export of n responses (plus its header row).
func CSV(n int) []byte {
	rng := rand.New(rand.NewPCG(uint64(n), 13))
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"Timestamp", "Grade", workforce.KeyQuestion, "Anything else you want to tell us?"})
	free := map[workforce.Group][]string{
		workforce.WorkingClass: {"Plumber", "Cleaner", "HGV driver"},
		workforce.Intermediate: {"Secretary", "Taxi owner"},
		workforce.Professional: {"Teacher", "Accountant", "Nurse"},
	}
	for i := range n {
		// More people in the junior grades.
		g := min(int(rng.ExpFloat64()*1.6), len(Grades)-1)
		group := pick(rng, g)
		answer := answerFor(rng, group, free)
		comment := ""
		if i%40 == 0 {
			comment = "Thanks for asking, it matters.\nMore training, please"
		}
		w.Write([]string{fmt.Sprintf("2027-03-%02d 09:%02d", 1+i%28, i%60), Grades[g], answer, comment})
	}
	w.Flush()
	return buf.Bytes()
}

func pick(rng *rand.Rand, grade int) workforce.Group {
	r := rng.Float64()
	switch {
	case r < 0.04:
		return workforce.PreferNotToSay
	case r < 0.07:
		return workforce.Other
	}
	r = rng.Float64()
	wc := workingClassShare[grade]
	switch {
	case r < wc:
		return workforce.WorkingClass
	case r < wc+(1-wc)*0.4:
		return workforce.Intermediate
	}
	return workforce.Professional
}

func answerFor(rng *rand.Rand, g workforce.Group, free map[workforce.Group][]string) string {
	if ex := free[g]; len(ex) > 0 && rng.IntN(5) == 0 {
		return ex[rng.IntN(len(ex))]
	}
	var options []workforce.Category
	for _, c := range workforce.Categories {
		if c.Group == g {
			options = append(options, c)
		}
	}
	c := options[rng.IntN(len(options))]
	if c.Detail == "" {
		return c.Answer
	}
	return c.Answer + " " + c.Detail
}
