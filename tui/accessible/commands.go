package accessible

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/checklist"
	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/review"
)

// Commands work at every question of the review, as the screens' keys
// work on every screen: a screen-reader user can do all that the screens
// allow. help, advice, board and flag answer and ask the question again;
// back, item N and quit leave it.
var commandWords = map[string]string{
	"back":   "go back to the question before; at a rating, to the item before",
	"item":   "go to item N of the whole checklist, or item N of an area (%s); any item, rated or not: board lists them",
	"board":  "every item with its number, its rating and any flag",
	"advice": "the source's advice for this item",
	"flag":   "flag this item to revisit, or take the flag off",
	"data":   "the plan's workforce data, as the items about it say it",
	// The screens show these under ? (help.go's glossary and
	// aboutChecklist); help here is heard at every choice, so they have a
	// word of their own.
	"glossary": "what the checklist's words mean, as the source defines them, and what the checklist is for",
	"help":     "these commands, and how to answer: at a choice, each choice in full",
	"quit":     "stop here: every answer so far is saved",
}

// The errors that commands end a question with.
var (
	errBack = errors.New("back")
	errQuit = errors.New("quit")
)

// goToItem ends a question to go to an item (checklist position).
type goToItem struct{ pos int }

func (g goToItem) Error() string { return fmt.Sprintf("item %d", g.pos+1) }

// command handles a command typed as an answer; handled is false for an
// ordinary answer.
func (r *reviewer) command(answer string) (handled bool, err error) {
	fields := strings.Fields(strings.ToLower(answer))
	if len(fields) == 0 {
		return false, nil
	}
	if handled, err := r.roomCommand(fields); handled {
		return true, err
	}
	switch word := fields[0]; {
	case len(fields) == 1 && (word == "help" || word == "?"):
		r.sayHelp()
	case len(fields) == 1 && word == "advice":
		r.sayAdvice()
	case len(fields) == 1 && word == "board":
		r.sayBoard()
	case len(fields) == 1 && word == "flag":
		r.toggleFlag()
	case len(fields) == 1 && word == "glossary":
		r.sayGlossary()
	case len(fields) == 1 && word == "data":
		r.sayWorkforce(r.workforceLines())
		r.p.say("Back to the question.")
	case len(fields) == 1 && word == "back":
		return true, errBack
	case len(fields) == 1 && word == "quit":
		if r.holdQuit() {
			return true, nil
		}
		return true, errQuit
	case len(fields) >= 2 && word == "item":
		return r.itemCommand(fields[1:])
	default:
		return false, nil
	}
	return true, nil
}

// itemCommand goes to the item that "item ..." names: "item 7", its
// number in the whole checklist (as board lists them), or "item 3 of
// workforce", its number in an area named by the first letters of its
// title, short title or id, as a facilitator reads it off the screen.
// Where there is no such item it says why, and the question is asked
// again. Words after the number that name no area are an ordinary answer
// ("item 2 of the budget" as an action), not a command.
func (r *reviewer) itemCommand(args []string) (handled bool, err error) {
	c := r.s.Checklist()
	n, nerr := strconv.Atoi(args[0])
	if len(args) == 1 {
		if nerr != nil || n < 1 || n > c.Len() {
			r.p.say("There is no item %s: type item and a number from 1 to %d, or item 3 of an area (board lists them).", args[0], c.Len())
			return true, nil
		}
		return true, goToItem{n - 1}
	}
	name := areaWords(args)
	areas := areasNamed(c, name)
	switch {
	case len(areas) == 0:
		return false, nil
	case len(areas) > 1:
		names := make([]string, len(areas))
		for i, a := range areas {
			names[i] = a.ShortTitle()
		}
		r.p.say("%s could be %s: type more of the area's name.", name, orList(names))
		return true, nil
	case nerr != nil || n < 1 || n > len(areas[0].Items):
		r.p.say("There is no item %s in %s: it has items 1 to %d.", args[0], areas[0].Title, len(areas[0].Items))
		return true, nil
	}
	_, ref, _ := c.Item(areas[0].Items[n-1].ID)
	return true, goToItem{ref.Seq}
}

// noSuchArea says, for "item 2 of people" where no area begins with
// people, that there is no such area and which there are, with an
// example: at a choice, where the words are not an answer, they were
// refused as none of the choices with no word of the area. Anything else
// is "".
func (r *reviewer) noSuchArea(answer string) string {
	fields := strings.Fields(strings.ToLower(answer))
	if len(fields) < 3 || fields[0] != "item" {
		return ""
	}
	n, err := strconv.Atoi(fields[1])
	name := areaWords(fields[1:])
	c := r.s.Checklist()
	if err != nil || name == "" || len(c.Areas) == 0 || len(areasNamed(c, name)) > 0 {
		return ""
	}
	titles := make([]string, len(c.Areas))
	example := &c.Areas[0]
	for i := len(c.Areas) - 1; i >= 0; i-- {
		a := &c.Areas[i]
		titles[i] = safetext.Line(a.ShortTitle())
		if n >= 1 && n <= len(a.Items) {
			example = a
		}
	}
	if n < 1 || n > len(example.Items) {
		n = min(2, len(example.Items))
	}
	return fmt.Sprintf("there is no area %s. The areas are %s, as in item %d of %s.",
		safetext.Line(name), andList(titles), n, safetext.Line(example.ShortTitle()))
}

// areaWords are the words after an item's number that name its area,
// a leading "of" or "in" left out ("3 of workforce" is "workforce"), as
// itemCommand takes them and noSuchArea refuses them; args are the words
// after "item", two or more.
func areaWords(args []string) string {
	name := args[1:]
	if name[0] == "of" || name[0] == "in" {
		name = name[1:]
	}
	return strings.Join(name, " ")
}

// areasNamed are the areas whose title, short title or id begins with
// name (lower case).
func areasNamed(c *checklist.Checklist, name string) []*checklist.Area {
	var found []*checklist.Area
	for i := range c.Areas {
		a := &c.Areas[i]
		for _, t := range []string{a.Title, a.ShortTitle(), a.ID} {
			if name != "" && strings.HasPrefix(strings.ToLower(t), name) {
				found = append(found, a)
				break
			}
		}
	}
	return found
}

// startCommand handles the commands that mean something before a plan is
// open (choosing one, or typing a new one's details): help, quit, and
// back among a new plan's details (see details).
func (r *reviewer) startCommand(answer string) (handled bool, err error) {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "back":
		if r.inDetails && (!r.firstDetail || r.listBefore) {
			return true, errBack
		}
		r.p.say("This is the first question.")
		return true, nil
	case "help", "?":
		if q := r.p.asking; q != nil {
			r.p.sayChoices(*q)
		}
		r.p.say("Answer each question on one line. Once a plan is open, help lists the commands for moving around the review.")
		if r.inDetails {
			r.p.say("- back: %s", commandWords["back"])
		}
		r.p.say("- quit: %s", "stop here: no plan is created until its details are given")
		r.p.say("To answer with one of these words, type it in quotes, for example \"quit\".")
		r.p.say("ctrl+c also stops. Back to the question.")
		return true, nil
	case "quit":
		return true, errQuit
	}
	return false, nil
}

// sayHelp lists the commands, then says the question is asked again.
func (r *reviewer) sayHelp() {
	if q := r.p.asking; q != nil {
		r.p.sayChoices(*q) // what ? at a one-line question asks for
	}
	r.p.say("Answer each question on one line. Enter keeps what is there (or skips); %s clears it.", clearSaid)
	if r.p.severalLines {
		// Said, as a line pasted from a document is taken as words (see
		// lines), where a listener may expect back or quit to act there.
		r.p.say("Notes, and answers in your own words, may take several lines: an empty line ends them.")
		r.p.say("From their second line, a command is kept as words, not done.")
	}
	r.p.say("These commands work at every question:")
	for _, w := range r.commandList() {
		typed, does := w, commandWords[w]
		if w == "help" {
			typed = "help or ?"
		}
		if w == "item" {
			typed = "item N" // read out once, not "item: item N:"
			// The example names one of this checklist's own areas.
			a := r.s.Checklist().Areas[0]
			does = fmt.Sprintf(does, fmt.Sprintf("item %d of %s", min(2, len(a.Items)), a.ShortTitle()))
		}
		r.p.say("- %s: %s", typed, does)
	}
	if r.room != nil {
		r.p.say("With the room voting from phones:")
		for _, w := range roomWords {
			r.p.say("- %s: %s", w.typed, w.does)
		}
	}
	r.p.say("To answer with one of these words, type it in quotes, for example \"back\".")
	r.p.say("ctrl+c also stops, and says what was saved. Back to the question.")
}

// commandList is the commands, in the order help says them: glossary
// only for a checklist with words to say (hasGlossary).
func (r *reviewer) commandList() []string {
	words := []string{"back", "item", "board", "advice", "flag", "data", "glossary", "help", "quit"}
	if !hasGlossary(r.s.Checklist()) {
		words = slices.DeleteFunc(words, func(w string) bool { return w == "glossary" })
	}
	return words
}

// hasGlossary reports whether glossary has something to say of c: terms
// the source defines, or an introduction.
func hasGlossary(c *checklist.Checklist) bool { return len(c.Glossary) > 0 || c.Intro != "" }

// sayGlossary says what the screens' help shows after the keys: the
// checklist's terms as the source defines them, then its introduction,
// credited.
func (r *reviewer) sayGlossary() {
	c := r.s.Checklist()
	if !hasGlossary(c) {
		r.p.say("This checklist defines no words. Back to the question.")
		return
	}
	if len(c.Glossary) > 0 {
		r.p.say("Words used in the checklist:")
		// A checklist file comes with a pull request: its words are shown
		// as they are, control characters as pictures (the writer dropped
		// them, saying a term other than the file's).
		for _, t := range c.Glossary {
			if t.Source != "" {
				r.p.say("- %s: %s (%s)", safetext.Terminal(t.Term), safetext.Terminal(t.Definition), safetext.Terminal(t.Source))
			} else {
				r.p.say("- %s: %s", safetext.Terminal(t.Term), safetext.Terminal(t.Definition))
			}
		}
	}
	if c.Intro != "" {
		r.p.say("About this checklist: %s", safetext.Line(c.Title))
		r.p.say("- %s", safetext.Terminal(c.Intro))
		if credit := c.Credit(); credit != "" {
			r.p.say("%s", safetext.Terminal(credit))
		}
	}
	r.p.say("Back to the question.")
}

// sayAdvice prints the source's advice for the item the review is at, in
// the order of the screens' advice screen: the item's passages, its
// area's introduction ("About this area"), credited as a passage is, and
// the area's "If all you do is..." suggestions.
func (r *reviewer) sayAdvice() {
	if r.s.Place().Kind != review.AtItem {
		r.p.say("Advice is given for each item; this is not an item. Back to the question.")
		return
	}
	c := r.s.Checklist()
	e := c.Items()[r.s.CurrentItem()]
	r.p.say("Advice from the source for: %s", e.Item.Title)
	switch {
	case len(e.Item.Guidance) > 0:
	case e.Area.Intro != "":
		r.p.say("The source has no advice for this item alone; here is what it says of its area.")
	case len(e.Area.IfAllYouDo) == 0:
		r.p.say("This checklist has no advice for this item.")
	}
	for _, g := range e.Item.Guidance {
		r.p.say("- %s (%s)", g.Text, passageCredit(g))
	}
	if e.Area.Intro != "" {
		// What the checklist's own document says of the whole area,
		// credited to that document and the area, as on the screens.
		about := checklist.Passage{Source: c.Title, Section: e.Area.Title, Text: e.Area.Intro}
		r.p.say("About this area:")
		r.p.say("- %s (%s)", about.Text, passageCredit(about))
	}
	r.saySuggestions(e.Area)
	if credit := c.Credit(); credit != "" {
		r.p.say("%s", credit)
	}
	r.p.say("Back to the question.")
}

// saySuggestions prints an area's "If all you do is..." suggestions,
// credited as the advice screen credits them: their source once when they
// share it, else each its own.
func (r *reviewer) saySuggestions(a *checklist.Area) {
	sugs := a.IfAllYouDo
	if len(sugs) == 0 {
		return
	}
	r.p.say("If all you do is... (%s)", a.Title)
	same := true
	for _, sg := range sugs {
		same = same && sg.Source == sugs[0].Source
	}
	for _, sg := range sugs {
		if !same && sg.Source != "" {
			r.p.say("- %s (%s)", sg.Text, sg.Source)
		} else {
			r.p.say("- %s", sg.Text)
		}
	}
	if same && sugs[0].Source != "" {
		r.p.say("Source: %s", sugs[0].Source)
	}
}

// passageCredit is where a passage comes from: its document, and the
// section when it has one.
func passageCredit(p checklist.Passage) string {
	if p.Section == "" {
		return p.Source
	}
	return p.Source + ", " + p.Section
}

// sayBoard prints every item: its number (for item N), its rating's
// word, its short title, and whether it is flagged to revisit.
func (r *reviewer) sayBoard() {
	p := r.s.Plan()
	c := p.Checklist
	perArea, total := p.Counts()
	r.p.say("Every item (%d of %d rated); item N goes to one:", total.Rated(), total.Total())
	area, noneRated := -1, false
	for _, e := range c.Items() {
		if e.Ref.Area != area {
			area = e.Ref.Area
			a := c.Areas[area]
			items := fmt.Sprintf("items %d to %d", e.Ref.Seq+1, e.Ref.Seq+len(a.Items))
			if len(a.Items) == 1 {
				items = fmt.Sprintf("item %d", e.Ref.Seq+1)
			}
			// None rated is said once, not as zeros and "Unrated" before
			// each item.
			counts := "none rated yet"
			if noneRated = perArea[area].Counts.Rated() == 0; !noneRated {
				counts = countsText(c, perArea[area].Counts)
			}
			r.p.say("%s, %s: %s:", safetext.Line(a.Title), items, counts)
		}
		resp := p.Items[e.Item.ID]
		line := fmt.Sprintf("%d. ", e.Ref.Seq+1)
		if !noneRated {
			line += ratingWord(c, resp.Rating) + ": "
		}
		line += safetext.Line(e.Item.ShortTitle())
		if resp.Revisit {
			line += " (flagged to revisit)"
		}
		r.p.say("%s", line)
	}
	if flagged := p.Revisits(); len(flagged) > 0 {
		r.p.say("%d flagged to revisit.", len(flagged))
	}
	r.p.say("Back to the question.")
}

// toggleFlag flags the item the review is at to revisit, or takes the
// flag off.
func (r *reviewer) toggleFlag() {
	if r.s.Place().Kind != review.AtItem {
		r.p.say("flag works on an item; this is not one. Back to the question.")
		return
	}
	e := r.s.Checklist().Items()[r.s.CurrentItem()]
	flagged := !r.s.Plan().Items[e.Item.ID].Revisit
	sn, _ := r.s.SetRevisit(e.Item.ID, flagged) // an item of the checklist: never refused
	r.save(sn)
	if flagged {
		r.p.say("Item %d is flagged to revisit. Back to the question.", e.Ref.Seq+1)
	} else {
		r.p.say("Item %d is no longer flagged. Back to the question.", e.Ref.Seq+1)
	}
}

// nearCommand is the command of names a typed answer is a slip away
// from ("qiut" for quit, "itme 3" for item 3), with ok false for any
// other answer. A
// slip is two letters swapped, one doubled, or, in a command of five
// letters or more, one left out. A letter typed for another is not one:
// it turns commands into names and words people write (Dana, Beck, date).
func nearCommand(answer string, names []string) (meant string, ok bool) {
	fields := strings.Fields(strings.ToLower(answer))
	item := slices.Contains(names, "item")
	switch {
	case len(fields) == 1:
		word := fields[0]
		if head := strings.TrimRight(word, "0123456789"); item && head != word && head != "" && (head == "item" || slipOf(head, "item")) {
			return "item " + word[len(head):], true
		}
		for _, c := range names {
			if c != "item" && slipOf(word, c) {
				return c, true
			}
		}
	case len(fields) == 2 && item && slipOf(fields[0], "item") && isNumber(fields[1]):
		return "item " + fields[1], true
	}
	return "", false
}

// isNumber reports whether s is digits only.
func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// slipOf reports whether typed is command with one slip of the fingers
// (see nearCommand).
func slipOf(typed, command string) bool {
	t, c := []rune(typed), []rune(command)
	switch len(t) - len(c) {
	case 0: // two neighbours swapped
		i := 0
		for i < len(t) && t[i] == c[i] {
			i++
		}
		return i+1 < len(t) && t[i] == c[i+1] && t[i+1] == c[i] && string(t[i+2:]) == string(c[i+2:])
	case 1: // a letter doubled
		for i := 1; i < len(t); i++ {
			if t[i] == t[i-1] && string(t[:i])+string(t[i+1:]) == command {
				return true
			}
		}
	case -1: // a letter left out of a long command
		if len(c) < 5 {
			return false
		}
		for i := range c {
			if string(c[:i])+string(c[i+1:]) == typed {
				return true
			}
		}
	}
	return false
}
