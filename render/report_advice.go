package render

import (
	"fmt"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/plans"
)

// The advice on the worst-rated items: a board that reads "■ Red" seven
// times asks what the Social Mobility Commission advises on them, and the
// review's advice screen (i) is where the facilitator read it, not the
// board. Each format gives, after the areas, every passage of the
// checklist's guidance for each item at the scale's worst level, with the
// document and section it comes from. Passages of other ratings are left
// to the review: the report stays short enough to print.

// itemAdvice is the guidance for one item rated at the worst level.
type itemAdvice struct {
	title, area string
	passages    []checklist.Passage
}

// adviceDoc is the section: the items' advice, and the publisher every
// passage's source names first ("Social Mobility Commission, The
// Building Blocks"), said once in the introduction and not under each
// passage (on paper the credits took a third of the section), or "".
type adviceDoc struct {
	items     []itemAdvice
	publisher string
	worst     reportRating
}

// worstAdvice is the guidance of the plan's items rated at its scale's
// worst level, in checklist order; items with none are left out.
func worstAdvice(p *plans.Plan) adviceDoc {
	c := p.Checklist
	if len(c.Scale) == 0 {
		return adviceDoc{}
	}
	doc := adviceDoc{worst: reportRating{level: 0, levels: len(c.Scale), mark: plans.MarkAt(0, len(c.Scale)), word: c.Scale[0].Label}}
	worst := c.Scale[0].Key
	publishers := map[string]bool{}
	for _, e := range c.Items() {
		if r := p.Items[e.Item.ID]; r == nil || r.Rating != worst || len(e.Item.Guidance) == 0 {
			continue
		}
		doc.items = append(doc.items, itemAdvice{title: itemTitle(e.Item), area: e.Area.Title, passages: e.Item.Guidance})
		for _, g := range e.Item.Guidance {
			publisher, _, _ := strings.Cut(g.Source, ", ")
			publishers[publisher] = true
		}
	}
	if len(publishers) == 1 {
		for pub := range publishers {
			doc.publisher = pub
		}
	}
	return doc
}

// heading names the section by the worst level's word: "Advice on the
// Red items".
func (a adviceDoc) heading() string {
	return "Advice on the " + a.worst.word + " items"
}

// intro says what the section is, and whose advice it is.
func (a adviceDoc) intro() string {
	who := "the checklist's sources advise"
	if a.publisher != "" {
		who = "the " + a.publisher + " advises"
	}
	return "What " + who + " on each item rated " + a.worst.mark + " " + a.worst.word +
		", with the document and section to read it in full."
}

// credit names where a passage comes from, less the publisher the
// introduction named: "The Building Blocks, “Section”".
func (a adviceDoc) credit(p checklist.Passage) string {
	c := p.Source
	if a.publisher != "" {
		c = strings.TrimPrefix(c, a.publisher+", ")
	}
	if p.Section != "" {
		c += ", “" + p.Section + "”"
	}
	return c
}

// mdAdvice writes the advice as Markdown: a heading per item, each
// passage quoted, with its source under it.
func mdAdvice(m *markdown, doc reportDoc) {
	if len(doc.advice.items) == 0 {
		return
	}
	m.heading(2, mdText(doc.advice.heading()))
	m.para(mdText(doc.advice.intro()))
	for _, a := range doc.advice.items {
		m.heading(3, mdText(a.title+" ("+a.area+")"))
		for _, p := range a.passages {
			m.block()
			m.lines(wrapMarkdown(mdText(p.Text), "> ", "> "))
			m.para("— " + mdText(doc.advice.credit(p)))
		}
	}
}

// htmlAdvice is the advice as the page's template reads it.
type htmlAdvice struct {
	Heading, Intro string
	Items          []htmlItemAdvice
}

type htmlItemAdvice struct {
	Title, Area string
	Passages    []htmlPassage
}

type htmlPassage struct{ Text, Credit string }

func htmlAdviceOf(doc reportDoc) *htmlAdvice {
	if len(doc.advice.items) == 0 {
		return nil
	}
	h := &htmlAdvice{Heading: doc.advice.heading(), Intro: doc.advice.intro()}
	for _, a := range doc.advice.items {
		hi := htmlItemAdvice{Title: a.title, Area: a.area}
		for _, p := range a.passages {
			hi.Passages = append(hi.Passages, htmlPassage{Text: p.Text, Credit: doc.advice.credit(p)})
		}
		h.Items = append(h.Items, hi)
	}
	return h
}

// wordsAdvice says the advice for a screen reader: the item, then each
// passage and where it comes from, one to a line.
func wordsAdvice(w *reportWords, doc reportDoc) {
	if len(doc.advice.items) == 0 {
		return
	}
	w.blank()
	w.say(doc.advice.heading() + ", " + countNoun(len(doc.advice.items), "item") + ". " + doc.advice.intro())
	for i, a := range doc.advice.items {
		w.say(fmt.Sprintf("Advice on item %d of %d: %s (%s).", i+1, len(doc.advice.items), a.title, a.area))
		for _, p := range a.passages {
			w.say(strings.Join(strings.Fields(p.Text), " "))
			w.say("From: " + sentence(doc.advice.credit(p)))
		}
	}
}
