package render

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
)

// The HTML report is one file that opens anywhere, offline, from an email
// attachment: its styles are inline, its charts are SVG drawn here, and it
// loads no font, script or image. Every text from the plan goes through
// html/template, so a plan that says <script> shows those characters.
//
// A rating is a shape, a word and a colour; the colours differ in
// lightness as well as hue, so a greyscale print still tells them apart,
// and the shapes and words carry the meaning without either. The print
// stylesheet fits a 21-item plan with short answers on two A4 pages, and
// the advice on its Red items on a third, and never splits a row across
// pages.

// ReportHTML returns a plan's report as a self-contained HTML page. h is
// the plan's history in git, or nil when it has none (or it was not
// asked for); the same plan, history and today always give the same bytes.
func ReportHTML(p *plans.Plan, today plans.Date, h *ReportHistory, opts ...ReportOption) []byte {
	page := htmlPageOf(buildReport(p, today, opts...), buildReportHistory(p, h))
	if page.History != nil && page.History.Since != "" && h.DataCompared && h.DataGone != "" {
		page.History.Changes = append(page.History.Changes, htmlDataChanges(h.DataGone, h.DataBase, nil)...)
	}
	return writeHTMLPage(page)
}

//go:embed report_html.tmpl
var reportHTMLSource string

// reportStylesheet is the page's stylesheet, inlined in its <style> as it
// is: a file of its own so that it reads (and is edited) as CSS, and so
// that the goldens can check the pages' bodies while one check holds
// every page to this stylesheet (a change of style is one diff, not one
// per golden).
//
//go:embed report_html.css
var reportStylesheet string

// reportHTMLTemplate is parsed on first use rather than at start-up:
// most runs of ladder never write HTML.
var reportHTMLTemplate = sync.OnceValue(func() *template.Template {
	funcs := styleFuncs(reportStylesheet)
	funcs["handedOn"] = func() string { return handedOnWords }
	funcs["dates"] = nowrapDates
	return template.Must(template.New("report").Funcs(funcs).Parse(reportHTMLSource))
})

// styleFuncs are a page template's stylesheet, css, and the policy that
// allows it alone (pagePolicy), made from the one text so that the page
// never serves a stylesheet its policy does not allow. As a template.CSS
// value the stylesheet goes in whole; as template text, html/template
// would drop its comments.
func styleFuncs(css string) template.FuncMap {
	policy := pagePolicy(css)
	return template.FuncMap{
		"stylesheet": func() template.CSS { return template.CSS(css) },
		"policy":     func() template.HTML { return policy },
	}
}

// pagePolicy is the <meta> that gives a page with the stylesheet css (in
// its one <style>, after a newline, as the templates write it) a
// Content-Security-Policy allowing that stylesheet alone, by its hash:
// no script, no other style, nothing fetched, no form sent, no <base>.
// html/template escapes every value from a plan; were one ever to get
// through as markup, a page opened from a stranger's pull request or
// email would still run and fetch nothing.
//
// The hash is of the text a browser reads, each CR LF and lone CR made LF
// (asRead): a clone made on Windows embeds the stylesheet with CR LF
// line ends, and a hash of its bytes would allow no stylesheet there.
func pagePolicy(css string) template.HTML {
	sum := sha256.Sum256([]byte(asRead("\n" + css)))
	return template.HTML(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-` +
		base64.StdEncoding.EncodeToString(sum[:]) + `'; base-uri 'none'; form-action 'none'">`)
}

// asRead is text as a browser's HTML parser reads it: each CR LF and lone
// CR is LF.
func asRead(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// isoDate is a date as the page writes it, 2027-03-01.
var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// nowrapDates is text for the page with each date in it kept on one line:
// a browser may break a line after a hyphen, and on a phone "from the
// review of 2025-11-10" read "2025-" at the end of one line and "11-10"
// at the start of the next. The text is escaped, as the template would.
func nowrapDates(s string) template.HTML {
	var b strings.Builder
	at := 0
	for _, m := range isoDate.FindAllStringIndex(s, -1) {
		b.WriteString(template.HTMLEscapeString(s[at:m[0]]))
		b.WriteString(`<span class="nowrap">` + s[m[0]:m[1]] + `</span>`)
		at = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[at:]))
	return template.HTML(b.String())
}

// writeHTMLPage executes the report's template: the one way to the page's
// bytes, with or without a data section.
func writeHTMLPage(page htmlPage) []byte {
	var b bytes.Buffer
	b.Grow(64 << 10)
	if err := reportHTMLTemplate().Execute(&b, page); err != nil {
		// The template is fixed and its data is plain values: an error here
		// is a bug in this package, not in the plan.
		panic(fmt.Sprintf("render: the HTML report template failed: %v", err))
	}
	return inertHTML(b.Bytes())
}

// inertHTML is a page (or a piece of one) as written: html/template
// escapes markup but passes control characters through; the page may be
// printed to a terminal (no -o), and a browser would show bidirectional
// overrides as reordered text. The templates themselves have none, so
// what is found came from the plan: show it as pictures.
func inertHTML(out []byte) []byte {
	if !safetext.Safe(string(out)) {
		return []byte(safetext.Terminal(string(out)))
	}
	return out
}

// htmlPage is the report as the template reads it: the values of a
// reportDoc with the layout decided (chart geometry, CSS classes).
type htmlPage struct {
	Title string
	// TabTitle is the title for the browser's tab and bookmarks: the
	// title, shortened to what a tab can show (and html-validate allows).
	TabTitle string
	Details  []htmlDetail
	Legend   []htmlLevel
	Charts   []htmlChart
	Revisit  []htmlRevisit
	// Overdue are the overdue actions and steps not carried on, under
	// OverdueHeading (report_overdue.go); CarriedOpen lists the others.
	Overdue        []htmlCarried
	OverdueHeading string
	OverdueNote    string // how many more are in CarriedOpen
	// CarriedOpen are the actions and steps carried on from earlier
	// reviews and still open (report_carried.go): what a board chases.
	CarriedOpen []htmlCarried
	// NotCarried is what the previous review had open that the plan let
	// go, under NotCarriedIntro (report_carried.go).
	NotCarried      []htmlCarried
	NotCarriedIntro string
	Disagreed       []htmlRevisit // items whose room's votes span the scale
	Areas           []htmlArea
	Advice          *htmlAdvice // the guidance on the worst-rated items (report_advice.go)
	NextSteps       []htmlNextStep
	History         *htmlHistory
	Workforce       *htmlWorkforce // the plan's workforce data, when it has some (workforce_html.go)
	Credits         string
	// RatingColumn is a class that widens the items' rating column for a
	// scale with longer words than Red, Amber, Green and Unrated.
	RatingColumn string
}

type htmlDetail struct {
	Name, Value       string
	Names             []string // each drawn apart (<bdi>), when the value lists people
	Overdue, HandedOn bool
}

// htmlLevel is a rating: the class that colours it, its shape and word.
type htmlLevel struct {
	Class string // worst, mid, best or none
	Mark  string
	Word  string
}

type htmlRevisit struct{ Title, Area string }

type htmlArea struct {
	ID     string
	Title  string
	Groups []htmlGroup
}

type htmlGroup struct {
	Title string
	Items []htmlItem
}

type htmlItem struct {
	Title   string
	Rating  htmlLevel
	Votes   []htmlVote
	Revisit bool
	Action  string
	Owner   string
	Due     htmlDetail
	Status  string
	Notes   string
	Carried string // after "Carried on", or ""
}

type htmlVote struct {
	htmlLevel
	N int
}

type htmlNextStep struct {
	Question string
	// Exactly one of these holds the answer, by the question's kind.
	Entries []htmlDetail // counts and per-area answers
	List    []string
	Text    string
	Steps   []htmlStep
	IsList  bool
	IsText  bool
	IsPlan  bool
	Due     string
}

type htmlStep struct {
	Due      string
	Overdue  bool
	HandedOn bool
	Text     string
	Owner    string
	Status   string
	From     string
	Carried  string // as htmlItem's
}

func htmlPageOf(doc reportDoc, hist *reportHistory) htmlPage {
	tab := doc.title
	if org := strings.TrimSpace(doc.organisation); org != "" {
		// The tab, a printed page's header and the name "Save as PDF"
		// offers are this title: each organisation has its spring review.
		tab = org + ": " + tab
	}
	page := htmlPage{Title: doc.title, TabTitle: shorten(tab, 70), Credits: strings.Join(doc.credits, " ")}
	for _, d := range doc.details {
		page.Details = append(page.Details, htmlDetail{Name: d.name, Value: orNotSet(d.value), Names: d.names, Overdue: d.overdue})
	}
	page.Legend = levelsOf(doc.scale)
	page.RatingColumn = ratingColumn(page.Legend)
	for _, r := range doc.summary {
		if !r.total {
			page.Charts = append(page.Charts, areaChart(r.area, doc.scale, r.counts))
		}
	}
	for i, a := range doc.areas {
		ha := htmlArea{ID: "area-" + strconv.Itoa(i+1), Title: a.title}
		for _, g := range a.groups {
			hg := htmlGroup{Title: g.title}
			for _, it := range g.items {
				hi := htmlItemOf(it)
				if hi.Revisit {
					page.Revisit = append(page.Revisit, htmlRevisit{Title: it.title, Area: a.title})
				}
				if it.answer.disagreed() {
					page.Disagreed = append(page.Disagreed, htmlRevisit{Title: it.title, Area: a.title})
				}
				hg.Items = append(hg.Items, hi)
			}
			ha.Groups = append(ha.Groups, hg)
		}
		page.Areas = append(page.Areas, ha)
	}
	page.Advice = htmlAdviceOf(doc)
	for _, n := range doc.nextSteps {
		page.NextSteps = append(page.NextSteps, htmlNextStepOf(n))
	}
	page.Overdue, page.OverdueHeading, page.OverdueNote = overdueNotCarried(doc), overdueHeading(doc), overdueCarriedNote(doc)
	page.CarriedOpen = carriedOpen(doc)
	if len(doc.notCarried) > 0 {
		page.NotCarried, page.NotCarriedIntro = doc.notCarried, notCarriedIntro(doc)
	}
	if hist != nil {
		page.History = htmlHistoryOf(hist)
	}
	return page
}

func htmlItemOf(it reportItem) htmlItem {
	a := it.answer
	hi := htmlItem{
		Title: it.title, Rating: levelOf(a.rating), Revisit: a.revisit,
		Action: a.action, Owner: a.owner, Due: htmlDetail{Value: a.due.value, Overdue: a.due.overdue, HandedOn: a.due.handedOn},
		Status: a.statusSaid(), Notes: strings.TrimRight(a.notes, "\n"), Carried: a.carried,
	}
	for _, v := range a.votes {
		hi.Votes = append(hi.Votes, htmlVote{htmlLevel: htmlLevel{Class: levelClass(v.level, len(a.votes)-1), Mark: v.mark, Word: v.word}, N: v.n})
	}
	return hi
}

func htmlNextStepOf(n nextStep) htmlNextStep {
	h := htmlNextStep{Question: n.question}
	if !n.due.IsZero() {
		h.Due = n.due.String()
	}
	switch n.kind {
	case checklist.KindCounts, checklist.KindPerArea:
		for _, e := range n.entries {
			h.Entries = append(h.Entries, htmlDetail{Name: e.name, Value: orNotSet(e.value)})
		}
	case checklist.KindList:
		h.IsList = true
		for _, e := range n.entries {
			h.List = append(h.List, e.value)
		}
	case checklist.KindText:
		h.IsText = true
		h.Text = strings.TrimRight(n.text, "\n")
	case checklist.KindPlan:
		h.IsPlan = true
		for _, s := range n.steps {
			hs := htmlStep{Overdue: s.overdue, HandedOn: s.handedOn, Text: s.text, Owner: s.owner, Status: s.status, From: s.from, Carried: s.carried}
			if !s.due.IsZero() {
				hs.Due = s.due.String()
			}
			h.Steps = append(h.Steps, hs)
		}
	}
	return h
}

// levelClass names a level's colour (its tone, as on the screens and the
// phones): report_html.css paints each class. The red, amber and green of
// three levels keep the names they always had.
func levelClass(level, levels int) string {
	return toneClass[plans.ToneAt(level, levels)]
}

var toneClass = map[plans.Tone]string{
	plans.ToneRed: "worst", plans.ToneOrange: "low", plans.ToneAmber: "mid",
	plans.ToneLime: "high", plans.ToneGreen: "best", plans.ToneNone: "none",
}

// ratingColumn sizes the items' rating column to the scale's longest word
// (the column's width is fixed, so that every area's table lines up):
// "" for words of up to 7 letters ("Unrated"), "rating-wide" up to 10
// ("Developing", "Optimising"), and "rating-wider" beyond, where a badge
// may also wrap.
func ratingColumn(levels []htmlLevel) string {
	longest := utf8.RuneCountInString("Unrated")
	for _, l := range levels {
		longest = max(longest, utf8.RuneCountInString(l.Word))
	}
	switch {
	case longest <= 7:
		return ""
	case longest <= 10:
		return "rating-wide"
	}
	return "rating-wider"
}

func levelOf(r reportRating) htmlLevel {
	return htmlLevel{Class: levelClass(r.level, r.levels), Mark: r.mark, Word: r.word}
}

func levelsOf(scale []reportRating) []htmlLevel {
	out := make([]htmlLevel, len(scale))
	for i, r := range scale {
		out[i] = levelOf(r)
	}
	return out
}

// The charts are drawn in SVG user units; the page scales them to its
// width. Labels sit in a grid under the bar, in the bar's order, each with
// the level's shape, word and count, so no segment is told by colour alone.
const (
	chartWidth   = 240.0
	chartBar     = 22.0
	chartRow     = 20.0
	chartColumns = 2
)

// htmlChart is one area's counts as a stacked bar.
type htmlChart struct {
	Title    string
	Summary  string // the counts in words, for screen readers
	Total    int
	Items    string // "(1 item)", "(8 items)"
	Height   float64
	Segments []htmlSegment
	Labels   []htmlLabel
}

type htmlSegment struct {
	Class string
	Word  string
	Count int
	X, W  string
	Tag   *htmlTag // nil on a segment too narrow for one
}

// htmlTag is the label on a segment: the level's shape on a white tab,
// with its word and count, or its count, where they fit.
type htmlTag struct {
	Class        string
	Shape        htmlShape
	X, W         string
	Text         string
	TextX, TextY string
}

type htmlLabel struct {
	Class     string
	Word      string
	Count     int
	Shape     htmlShape
	TextX     string
	TextY     string
	LabelText string
}

// htmlShape is a rating's mark drawn in SVG: a polygon, or a circle.
type htmlShape struct {
	Circle bool
	Points string  // for a polygon
	CX, CY string  // for a circle
	R      string  // for a circle
	X, Y   float64 // the top left corner of its box
}

func areaChart(area string, scale []reportRating, counts []int) htmlChart {
	total := counts[len(counts)-1]
	ch := htmlChart{Title: area, Total: total, Items: "(" + countNoun(total, "item") + ")"}
	columns := legendColumns(scale, counts)
	rows := (len(scale) + columns - 1) / columns
	ch.Height = chartBar + 6 + float64(rows)*chartRow
	words := make([]string, len(scale))
	x := 0.0
	for i, r := range scale {
		n := counts[i]
		lv := levelOf(r)
		words[i] = fmt.Sprintf("%d %s", n, r.word)
		if n > 0 && total > 0 {
			w := chartWidth * float64(n) / float64(total)
			ch.Segments = append(ch.Segments, htmlSegment{Class: lv.Class, Word: r.word, Count: n, X: num(x), W: num(w),
				Tag: segmentTag(lv.Class, r, n, x, w)})
			x += w
		}
		col, row := i%columns, i/columns
		lx := float64(col) * chartWidth / float64(columns)
		ly := chartBar + 6 + float64(row)*chartRow
		ch.Labels = append(ch.Labels, htmlLabel{
			Class: lv.Class, Word: r.word, Count: n,
			Shape: shapeOf(r.mark, lx+1, ly+3, 12),
			TextX: num(lx + 18), TextY: num(ly + 13.5),
		})
	}
	ch.Summary = fmt.Sprintf("%s: %s, %s.", area, strings.Join(words, ", "), countNoun(total, "item"))
	return ch
}

// legendColumns is how many columns the legend under an area's bar takes:
// chartColumns, or one when a label ("Planned but not begun 12", a
// checklist's own long words) is wider than a column, where it would run
// into the next label or off the chart.
func legendColumns(scale []reportRating, counts []int) int {
	const shape, charWidth, gap = 18.0, 7.2, 4.0 // the labels' 13px text
	for i, r := range scale {
		text := fmt.Sprintf("%s %d", r.word, counts[i])
		if shape+charWidth*float64(utf8.RuneCountInString(text))+gap > chartWidth/chartColumns {
			return 1
		}
	}
	return chartColumns
}

// segmentTag labels a segment x to x+w of the bar, so that it is told
// from the others by its shape and words, not by its colour alone (in
// greyscale, on a projector): on a white tab, the level's shape, then
// "Red 3" where that fits, else "3", else the shape alone; nothing on a
// segment too narrow for the shape (a sliver of a very long checklist,
// whose count the legend under the bar still gives).
func segmentTag(class string, r reportRating, n int, x, w float64) *htmlTag {
	const (
		pad, mark, gap = 3.0, 10.0, 3.0
		// The tag's 11px text, with room for the widest of the usual
		// fonts: at 6.6 DejaVu Sans (Chromium's on Linux) ran "Embedded 1"
		// past the tab's edge.
		charWidth   = 7.2
		top, height = 3.0, 16.0
	)
	for _, text := range []string{fmt.Sprintf("%s %d", r.word, n), strconv.Itoa(n), ""} {
		tw := pad + mark + pad
		if text != "" {
			tw += gap + charWidth*float64(utf8.RuneCountInString(text))
		}
		if tw > w-2 {
			continue
		}
		tx := x + (w-tw)/2
		return &htmlTag{
			Class: class, Shape: shapeOf(r.mark, tx+pad, top+(height-mark)/2, mark),
			X: num(tx), W: num(tw), Text: text,
			TextX: num(tx + pad + mark + gap), TextY: num(top + height - 4.5),
		}
	}
	return nil
}

// shapeOf draws a mark in a size x size box whose top left is (x, y).
func shapeOf(mark string, x, y, size float64) htmlShape {
	s := htmlShape{X: x, Y: y}
	pts := func(p ...float64) string {
		parts := make([]string, 0, len(p)/2)
		for i := 0; i+1 < len(p); i += 2 {
			parts = append(parts, num(x+p[i]*size)+","+num(y+p[i+1]*size))
		}
		return strings.Join(parts, " ")
	}
	switch mark {
	case plans.MarkAt(0, 2): // ■
		s.Points = pts(0.05, 0.05, 0.95, 0.05, 0.95, 0.95, 0.05, 0.95)
	case plans.MarkAt(1, 3): // ▲
		s.Points = pts(0.5, 0, 1, 0.95, 0, 0.95)
	case plans.MarkAt(2, 4): // ◆
		s.Points = pts(0.5, 0, 1, 0.5, 0.5, 1, 0, 0.5)
	case plans.MarkAt(3, 5): // ★
		s.Points = pts(0.5, 0, 0.62, 0.36, 1, 0.36, 0.69, 0.59, 0.81, 0.95, 0.5, 0.73, 0.19, 0.95, 0.31, 0.59, 0, 0.36, 0.38, 0.36)
	case plans.MarkAt(4, 6): // ✚
		s.Points = pts(0.35, 0, 0.65, 0, 0.65, 0.35, 1, 0.35, 1, 0.65, 0.65, 0.65, 0.65, 1, 0.35, 1, 0.35, 0.65, 0, 0.65, 0, 0.35, 0.35, 0.35)
	default: // ● and ○: the class decides filled or hollow
		s.Circle = true
		s.CX, s.CY, s.R = num(x+size/2), num(y+size/2), num(size/2-0.75)
	}
	return s
}

// num writes a coordinate with at most two decimals and no trailing zeros,
// so that the page is small and the same on every machine.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+0.5))/100, 'f', -1, 64)
}

// shorten cuts s to at most n characters, ending it with "…" when cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
