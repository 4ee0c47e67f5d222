// Package checklisttest builds synthetic checklists and filled-in plans of
// any size, for benchmarks and tests that need more than the 21 items of the
// built-in checklist (a 1,000-item review, a folder of 1,000 plans).
//
// Everything is built through the public APIs and is deterministic: the same
// arguments always give the same checklist and the same plan, so benchmark
// figures from different runs measure the same work.
package checklisttest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// areaCount is how many areas a generated checklist has (fewer when it has
// fewer items): the built-in checklist has three.
const areaCount = 3

// ID returns the id of the checklist Generate(n) builds.
func ID(n int) string { return fmt.Sprintf("generated-%d", n) }

// YAML returns the text of a valid checklist with n items spread evenly over
// a few areas, the red/amber/green scale and the same five follow-up
// questions (one of each kind) as the built-in checklist. Write it to a file
// to use it as a custom checklist (--checklist FILE). The items of the last
// area are split into two groups, as the built-in Enablers area is.
func YAML(n int) []byte {
	if n < 1 {
		panic(fmt.Sprintf("checklisttest: a checklist needs at least one item, asked for %d", n))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\n", ID(n))
	fmt.Fprintf(&b, "title: Generated checklist with %d items\n", n)
	b.WriteString(`version: "1"
source: ladder's checklisttest package
licence: Synthetic text, free to use.
intro: >-
  A checklist made up for tests and benchmarks. Its wording means nothing,
  but its shape is that of a real checklist.
scale:
  - key: red
    label: Red
    description: Nothing/Not something you currently do
  - key: amber
    label: Amber
    description: Do something in this space but limited
  - key: green
    label: Green
    description: Actively do this
areas:
`)
	areas := min(n, areaCount)
	width := len(fmt.Sprint(n))
	seq := 0
	for a := range areas {
		// Spread the items evenly; the first areas take the remainder.
		count := n / areas
		if a < n%areas {
			count++
		}
		fmt.Fprintf(&b, "  - id: area-%d\n", a+1)
		fmt.Fprintf(&b, "    title: Area %d of %d\n", a+1, areas)
		fmt.Fprintf(&b, "    intro: The %s part of the generated checklist.\n", ordinal(a+1))
		b.WriteString("    items:\n")
		for i := range count {
			seq++
			fmt.Fprintf(&b, "      - id: item-%0*d\n", width, seq)
			if a == areas-1 && areas > 1 {
				if i < count/2 {
					b.WriteString("        group: Data\n")
				} else {
					b.WriteString("        group: Policies and processes\n")
				}
			}
			fmt.Fprintf(&b, "        title: Do you do the %s thing in area %d, and does everyone know about it?\n", ordinal(seq), a+1)
			b.WriteString("        prompts:\n")
			fmt.Fprintf(&b, "          - Who owns recommendation %d today?\n", seq)
			b.WriteString("          - How would you know it is working?\n")
		}
	}
	b.WriteString(`follow_ups:
  - id: counts
    kind: counts
    question: How many did you get in each area; red/amber/green?
  - id: quick-wins
    kind: list
    question: What are your quick wins?
  - id: speak-with
    kind: per-area
    question: Who do you need to speak with in your organisation about each area?
  - id: decision-makers
    kind: text
    question: Who are the decision makers to help you make this change?
  - id: project-plan
    kind: plan
    question: What will your project plan look like?
`)
	return []byte(b.String())
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// Generate returns the checklist whose text is YAML(n), loaded and validated
// by checklist.Parse exactly as a user's checklist file would be.
func Generate(n int) *checklist.Checklist {
	name := ID(n) + ".yaml"
	c, err := checklist.Parse(name, YAML(n))
	if err != nil {
		panic("checklisttest: generated checklist does not load: " + err.Error())
	}
	return c
}

// ReviewDate is the date of every plan FilledPlan makes; due dates fall in
// the year after it.
var ReviewDate = plans.Date{Year: 2027, Month: 1, Day: 15}

var (
	people = []string{"Ana", "Björn", "Zoë Østergaard", "O'Neil", "李雷", "Priya Shah", "Tom", "Chidi Okafor"}
	verbs  = []string{"Write", "Agree", "Run", "Publish", "Review", "Measure", "Share", "Train managers on"}
	things = []string{
		"a one-page vision for progression",
		"the promotion criteria for every grade",
		"a survey of socio-economic background",
		"career pathways from the front line to management",
		"pay and reward data by background",
		"the succession policy",
	}
	notes = []string{
		"Started in the spring workshop.",
		"Board asked for an update: see the minutes #42",
		"First step agreed.\nSecond step depends on the budget:\n  - ask finance in March\n  - decide in April\n",
		"Data owner: HR.\nCheck with legal before sharing.",
	}
)

// FilledPlan returns a plan for c in which every item is rated and has an
// action, owner, due date, status and (mostly) notes, and every follow-up is
// answered, including a project plan with a step for about one item in ten.
// The text mixes plain words, values that must be quoted (colons, '#',
// apostrophes), multi-line notes and non-ASCII names, so that encoding it
// exercises every way of writing a value. The same c and seed always give
// the same plan.
func FilledPlan(c *checklist.Checklist, seed uint64) *plans.Plan {
	r := rand.New(rand.NewPCG(seed, 0x6c6164646572))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	due := func() plans.Date { return ReviewDate.AddDays(14 + r.IntN(350)) }

	p := plans.New(c, "Acme Café Ltd", fmt.Sprintf("Progression review %d", seed), ReviewDate)
	p.Facilitator = pick(people)
	p.Participants = []string{people[0], people[1], people[2], people[3], "2027-01-01", "yes"}

	entries := c.Items()
	for _, e := range entries {
		resp := p.Response(e.Item.ID)
		resp.Rating = c.Scale[r.IntN(len(c.Scale))].Key
		resp.Action = fmt.Sprintf("%s %s", pick(verbs), pick(things))
		if r.IntN(4) == 0 {
			resp.Action = "Next: " + resp.Action
		}
		resp.Owner = pick(people)
		resp.Due = due()
		resp.Status = plans.Statuses[r.IntN(len(plans.Statuses))]
		if r.IntN(5) != 0 {
			resp.Notes = pick(notes)
		}
	}

	for _, f := range c.FollowUps {
		a := p.Answer(f.ID)
		a.Due = due()
		switch f.Kind {
		case checklist.KindList:
			a.List = []string{"Appoint a senior social mobility sponsor", "Use story telling", "Quick win: publish the pathways"}
		case checklist.KindPerArea:
			a.ByArea = map[string]string{}
			for _, area := range c.Areas {
				a.ByArea[area.ID] = pick(people) + " and the " + area.Title + " leads"
			}
		case checklist.KindText:
			a.Text = "The board, with " + pick(people) + " as sponsor"
		case checklist.KindPlan:
			for i, e := range entries {
				if i%10 != 0 {
					continue
				}
				resp := p.Response(e.Item.ID)
				a.Steps = append(a.Steps, plans.Step{
					ID:     len(a.Steps) + 1, // counted, not drawn: fixtures are the same every run
					Text:   resp.Action,
					Owner:  resp.Owner,
					Due:    resp.Due,
					Status: resp.Status,
					From:   e.Item.ID,
				})
			}
		}
	}
	return p
}
