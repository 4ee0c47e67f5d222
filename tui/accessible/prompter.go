package accessible

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/plans"
	"github.com/socialmobility/ladder/review"
)

// errInputEnded is returned by every question when standard input ends
// (ctrl+d, or the end of a piped file). Run turns it into a clean exit.
var errInputEnded = errors.New("input ended")

// prompter asks questions one line at a time, in the manner of the GitHub
// CLI's accessible prompter: a question is printed once, the answer is read
// as a whole line, and a bad answer gets a one-line reason and the question
// again. Everything it prints is plain text and newlines (see plainWriter).
type prompter struct {
	in  *bufio.Reader
	out io.Writer
	// echo repeats each answer after its prompt, so that a transcript of a
	// piped run reads like a conversation. A terminal echoes by itself.
	echo bool
	// enterShown says the terminal shows the Enter that ends an answer
	// (input and output are both the terminal): the line after it
	// follows without a newline of ladder's, or every answer would be
	// followed by a blank line, read out as "blank".
	enterShown bool
	// waiting is the prompt whose answer is being read ("Owner"), "" when
	// none is: a signal that ends the review there drops the line typed
	// so far, which the review never saw.
	waiting string
	// severalLines says a person types the answers, at a terminal: an
	// answer that may take several lines (notes) ends at an empty line
	// (see lines). Answers piped in are one line each, as scripts write
	// them.
	severalLines bool
	// arrived, when set, says input has come that is not read yet (see
	// interruptReader.waiting). A line there when a prompt is shown was
	// typed or pasted before it: the terminal showed it above the prompt,
	// so the prompt says it (see read).
	arrived func() bool
	// raw is the last line read as it came, without its line ending:
	// what the session cleans, as it cleans the screens' fields.
	raw string
	// typed is the last answer that was none of a question's choices,
	// where it takes one (question.typed).
	typed string
	// dueExplained is set once the date forms have been listed; later
	// date questions say it in fewer words.
	dueExplained bool
	// heard holds what has been said once in this run and need not be
	// said at every question: the prompts whose choices were listed in
	// full (choose then asks them in one line) and the prompts whose
	// "Press Enter to leave it empty" was said. A screen-reader user
	// hears every line, so the scale's descriptions at each of 21 items
	// were 21 hearings of the same five lines; ? or help says them again.
	heard map[string]bool
	// asking is the choice question being asked, for help to say its
	// choices in full (see sayChoices).
	asking *question
	// command, when set, is offered every answer first: a command (back,
	// help, quit...) is handled there, and either the question is asked
	// again (nil error) or the error ends it (errBack, errQuit...).
	command func(answer string) (handled bool, err error)
	// commandNames are the words command handles, for a slip typed
	// for one of them to be said back (see textLine).
	commandNames []string
	// notChoice, when set, says why an answer at a choice is none of the
	// choices where it looks like a command gone wrong ("item 2 of
	// people", an area there is not), or returns "".
	notChoice func(answer string) string
	// news, when set, is called before each prompt is printed: what
	// happened meanwhile (the room's notices, phones joining, ideas sent)
	// is said there, between questions, never over an answer being typed.
	news func()
	// pending, when set, is returned by the next question instead of
	// asking it (see changedOnDisk).
	pending error
}

func newPrompter(in io.Reader, out io.Writer, echo bool) *prompter {
	return &prompter{in: bufio.NewReader(in), out: plainWriter{out}, echo: echo, heard: map[string]bool{}}
}

// say prints one or more lines: the format's own. Text put into it (a
// plan's organisation, an action, a checklist's title, a file name) is
// kept to one line, as oneLine shows it: with no screen around them, a
// line break in a name from a pull request printed a line of its own
// that read as ladder's ("To go on, run: ..."). plainWriter keeps line
// breaks and drops every other control character (\r among them).
func (p *prompter) say(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok && strings.Contains(s, "\n") {
			args[i] = oneLine(s)
		}
	}
	fmt.Fprintf(p.out, format+"\n", args...)
}

// blank prints an empty line, to separate one question from the next.
func (p *prompter) blank() { io.WriteString(p.out, "\n") }

// line prints a prompt ("Owner: ") and reads one answer, trimmed. It
// returns errInputEnded when there is nothing more to read. A command
// (see command) is handled before the answer is returned: the question is
// asked again after help, advice, board or flag, and ended by back, item
// N and quit. A command word in quotes ("back") is an answer, without the
// quotes.
func (p *prompter) line(prompt string) (string, error) {
	if err := p.takePending(); err != nil {
		return "", err
	}
	for {
		s, err := p.read(prompt)
		if err != nil || p.command == nil {
			return s, err
		}
		if word, ok := quotedCommand(s); ok {
			return word, nil
		}
		handled, err := p.command(s)
		if !handled {
			return s, nil
		}
		if err != nil {
			return "", err
		}
	}
}

// textLine reads the answer to a text question as line does, but an
// answer a slip away from a command ("qiut", "itme 3") is said back as
// close to it and the question asked again: typed as text, a slip was
// saved as the answer and the next question asked, and a listener who
// heard "Owner:" after "qiut" took it that the review had stopped. The
// same answer typed again is the answer.
func (p *prompter) textLine(prompt string) (string, error) {
	s, err := p.line(prompt)
	for err == nil && p.command != nil {
		meant, ok := nearCommand(s, p.commandNames)
		if !ok {
			break
		}
		p.say("%s is close to the command %s. Type %s for the command, or %s again to keep it as your answer.", s, meant, meant, s)
		var again string
		if again, err = p.line(prompt); err == nil && again == s {
			break
		}
		s = again
	}
	return s, err
}

// takePending returns, once, what ends the next question before it is
// asked (see pending).
func (p *prompter) takePending() error {
	err := p.pending
	p.pending = nil
	return err
}

// quotedCommand reads "back" (a command word in quotes) as the word.
func quotedCommand(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	word := s[1 : len(s)-1]
	_, isCommand := commandWords[strings.ToLower(word)]
	return word, isCommand || isRoomWord(word)
}

// read prints a prompt and reads one answer.
func (p *prompter) read(prompt string) (string, error) {
	if p.news != nil {
		p.news()
	}
	// An answer here already was typed or pasted before the prompt (the
	// second line of a paste at the action is the owner): the terminal
	// showed it above the prompt, where a listener heard it as more of
	// the answer before, and the prompt alone, "Owner: ", at its place.
	// Said after the prompt, as piped answers are, it is heard where it
	// went, to be put right with back. Whether a line came before its
	// prompt is known, not guessed from timing.
	ahead := p.arrived != nil && (p.in.Buffered() > 0 || p.arrived())
	io.WriteString(p.out, prompt+": ")
	p.waiting = prompt // left set when the read ends in an error
	s, err := p.in.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && s != "") {
		io.WriteString(p.out, "\n")
		if errors.Is(err, io.EOF) {
			return "", errInputEnded
		}
		return "", err
	}
	p.waiting = ""
	entered := strings.HasSuffix(s, "\n") // not so when input ended mid-line
	p.raw = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
	s = cleanInput(s)
	if p.echo || ahead {
		io.WriteString(p.out, s)
	}
	if !p.enterShown || !entered || ahead {
		io.WriteString(p.out, "\n")
	}
	return s, nil
}

// clearWord is typed to empty a field that has a value, since an empty
// answer keeps it.
const clearWord = "-"

// clearSaid names clearWord where the prompts say what to type: a screen
// reader at its usual punctuation level does not speak a lone hyphen, so
// "Type - to clear it." was heard as "Type to clear it.". The word is
// heard; the sign beside it is for a braille display.
const clearSaid = "a dash (" + clearWord + ")"

// text asks for an optional line of text. An empty answer keeps current;
// "-" clears it.
func (p *prompter) text(prompt, hint, current string) (string, error) {
	s, _, err := p.optional(prompt, hint, current)
	return s, err
}

// optional asks an optional text question's line: it says hint and what
// Enter does, and returns the answer, with typed true where new text was
// typed (not current kept, nor cleared with "-").
func (p *prompter) optional(prompt, hint, current string) (answer string, typed bool, err error) {
	if err := p.takePending(); err != nil {
		return current, false, err
	}
	p.sayTextHint(hint, prompt, current)
	s, err := p.textLine(prompt)
	switch {
	case err != nil:
		return current, false, err
	case s == "":
		return current, false, nil
	case s == clearWord:
		return "", false, nil
	}
	return s, true, nil
}

// lines asks for optional text that may take several lines, as the
// screens' notes field takes them; Enter at the first line keeps current
// and "-" clears it. Where a person types at a terminal, lines are taken
// until an empty one, as Enter on a blank line leaves the screens' notes:
// a note pasted from a document stays the note, where its second line
// was the next question's answer (the next item's rating) and its third
// the one after. The lines are returned as typed, for the session to
// clean as it cleans the screens' text: an indent typed on purpose is
// kept, as there. Piped answers are one line each.
// What was typed is returned with an error that ends it (ctrl+c), to be
// saved.
func (p *prompter) lines(prompt, hint, what, current string) (string, error) {
	if p.severalLines {
		hint += " Several lines if you like."
	} else {
		hint += " One line only."
	}
	s, isNew, err := p.optional(prompt, strings.TrimSpace(hint), current)
	if !isNew {
		return s, err
	}
	typed := []string{p.raw}
	if _, ok := quotedCommand(s); ok {
		typed[0] = s
	}
	for p.severalLines {
		next := fmt.Sprintf("%s, line %d", prompt, len(typed)+1)
		if len(typed) == 1 {
			next += " (an empty line ends " + what + ")"
		}
		s, err := p.read(next)
		if err != nil && p.waiting != "" {
			// Named as "Notes, line 2" where the review says what was
			// lost, without the reminder in brackets.
			p.waiting = fmt.Sprintf("%s, line %d", prompt, len(typed)+1)
		}
		if err != nil || s == "" {
			if len(typed) > 1 && err == nil {
				p.say("Kept %d lines as %s.", len(typed), what)
			}
			return strings.Join(typed, "\n"), err
		}
		typed = append(typed, p.raw)
	}
	return typed[0], nil
}

// sayTextHint says what an optional text question asks (hint) and what
// Enter does there: it keeps current, or leaves the answer empty.
func (p *prompter) sayTextHint(hint, prompt, current string) {
	if current != "" {
		p.say("%s", strings.TrimSpace(hint+" Enter keeps: "+oneLine(current)+". Type "+clearSaid+" to clear it."))
	} else if said := strings.TrimSpace(hint + p.enterEmpty(prompt)); said != "" {
		p.say("%s", said)
	}
}

// required asks for text that cannot be left empty; Enter keeps current,
// when there is one (an answer given before going back to it).
func (p *prompter) required(prompt, hint, current string) (string, error) {
	if err := p.takePending(); err != nil {
		return current, err
	}
	if current != "" {
		hint = strings.TrimSpace(hint + " Enter keeps: " + oneLine(current) + ".")
	}
	if hint != "" {
		p.say("%s", hint)
	}
	for {
		s, err := p.textLine(prompt)
		if err != nil {
			return current, err
		}
		if s == "" {
			s = current
		}
		if s != "" {
			return s, nil
		}
		// Said by its name: a screen reader hears this after the
		// prompt, and "this one" would send the listener back to find
		// which; and a way out for whoever has nothing to type.
		p.say("The %s is needed: type it, or type quit to stop.", strings.ToLower(prompt))
	}
}

// choice is one numbered option of a question.
type choice struct {
	label string
	// short names the option in "Enter keeps: ..." (default: label).
	short string
	// words are other answers that pick it (case does not matter).
	words []string
}

// question is a numbered choice.
type question struct {
	prompt  string
	options []choice
	// def is what an empty answer picks, or -1 for none.
	def int
	// enter says what an empty answer does ("skip it"); when empty, and
	// def is set, Enter keeps def.
	enter string
	// also names other answers taken, e.g. "r, a or g".
	also string
	// clear, when set, says what typing - does ("clear the rating"):
	// choose then returns cleared.
	clear string
	// listed says the options were listed already: choose asks again
	// with the hint alone (after the room's reveal changed what Enter
	// does).
	listed bool
	// lead is said before the choices in full ("How do you rate it?").
	lead string
	// brief, when set, asks the question in one line once its choices
	// have been said in full in this run: brief, the choices' words and
	// what Enter does ("Rate it: Red, Amber or Green, or press Enter to
	// ..."), and that ? says again, in full, what (again) it left out.
	brief, again string
	// typed, when set, says what an answer that is none of the choices
	// does ("the organisation's name, to begin a new review of it"):
	// choose then returns typedAnswer, and the answer is in p.typed.
	typed string
	// starts, when set, takes the start of an option's word ("building"
	// for The Building Blocks) where it begins one option's words alone,
	// a leading "the" left out.
	starts bool
}

// cleared is what choose returns when - clears the answer.
const cleared = -2

// typedAnswer is what choose returns for an answer that is none of the
// choices, where the question takes one (question.typed).
const typedAnswer = -3

// hint is the line that says how to answer.
func (q question) hint() string {
	n := len(q.options)
	var b strings.Builder
	b.WriteString("Type ")
	switch {
	case n == 1:
		b.WriteString("1")
	case n <= 5:
		for i := 1; i < n; i++ {
			if i > 1 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(i))
		}
		b.WriteString(" or " + strconv.Itoa(n))
	default:
		b.WriteString("a number from 1 to " + strconv.Itoa(n))
	}
	if q.also != "" {
		b.WriteString(" (or " + q.also + ")")
	}
	switch {
	case q.enter != "":
		b.WriteString(", or press Enter to " + q.enter)
	case q.def >= 0:
		b.WriteString("; Enter keeps: " + cmp.Or(q.options[q.def].short, q.options[q.def].label))
	}
	if q.clear != "" {
		b.WriteString("; type " + clearSaid + " to " + q.clear)
	}
	if q.typed != "" {
		b.WriteString(", or type " + q.typed)
	}
	return b.String() + "."
}

// choose prints numbered options and reads a choice: a number, or one of
// an option's words. An empty answer returns q.def (-1 for "none", when
// q.enter says what that does).
func (p *prompter) choose(q question) (int, error) {
	if err := p.takePending(); err != nil {
		return q.def, err
	}
	p.asking = &q
	defer func() { p.asking = nil }()
	hint := q.hint()
	switch {
	case q.brief != "" && p.heard[q.prompt]:
		p.say("%s", q.oneLine())
	case q.listed:
		p.say("%s", hint)
	default:
		if q.lead != "" {
			p.say("%s", q.lead)
		}
		p.sayChoices(q)
		p.heard[q.prompt] = true
	}
	for {
		s, err := p.line(q.prompt)
		if err != nil {
			return q.def, err
		}
		if s == "" {
			if q.def >= 0 || q.enter != "" {
				return q.def, nil
			}
			p.say("Please choose one: %s", hint)
			continue
		}
		if s == clearWord && q.clear != "" {
			return cleared, nil
		}
		if i, ok := pick(s, q.options); ok {
			return i, nil
		}
		if i, ok := pickStart(s, q.options); ok && q.starts {
			return i, nil
		}
		if q.typed != "" {
			p.typed = s
			return typedAnswer, nil
		}
		if meant, ok := nearCommand(s, p.commandNames); ok && p.command != nil {
			// As textLine says a slip: without it a listener took it
			// that the command does not work here.
			p.say("%q is not one of the choices; it is close to the command %s: type %s for it. %s", s, meant, meant, hint)
			continue
		}
		if p.notChoice != nil && p.command != nil {
			if why := p.notChoice(s); why != "" {
				p.say("%q is not one of the choices: %s %s", s, why, hint)
				continue
			}
		}
		p.say("%q is not one of the choices. %s", s, hint)
	}
}

// sayChoices says a question's choices in full, numbered, and how to
// answer: when it is first asked, and when help or ? asks for them.
func (p *prompter) sayChoices(q question) {
	for i, o := range q.options {
		p.say("%d) %s", i+1, o.label)
	}
	p.say("%s", q.hint())
}

// oneLine is a question asked in one line (see brief): each choice by its
// number and words ("1 for Red"), as the question in full numbers them,
// what else it takes, what Enter and - do, and how to hear them in full. A
// listener answers each choice question the same way, by number.
func (q question) oneLine() string {
	words := make([]string, len(q.options))
	for i, o := range q.options {
		words[i] = strconv.Itoa(i+1) + " for " + cmp.Or(o.short, o.label)
	}
	var b strings.Builder
	b.WriteString(q.brief + orList(words))
	also := q.also
	if q.starts {
		// The names said are long: a listener is told the start of one
		// will do (the checklists).
		also += ", or the start of one"
	}
	if also != "" {
		b.WriteString(" (or " + also + ")")
	}
	switch {
	case q.enter != "":
		b.WriteString(", or press Enter to " + q.enter)
	case q.def >= 0:
		b.WriteString("; Enter keeps: " + cmp.Or(q.options[q.def].short, q.options[q.def].label))
	}
	if q.clear != "" {
		b.WriteString("; type " + clearSaid + " to " + q.clear)
	}
	b.WriteString(". Type a question mark (?) to hear " + cmp.Or(q.again, "the choices in full") + " again.")
	return b.String()
}

// enterEmpty is " Press Enter to leave it empty." the first time prompt
// is asked empty in this run, and "" after: help says it again.
func (p *prompter) enterEmpty(prompt string) string {
	key := "enter:" + prompt
	if p.heard[key] {
		return ""
	}
	p.heard[key] = true
	return " Press Enter to leave it empty."
}

// pick finds the option an answer names: its number or one of its words.
func pick(s string, options []choice) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(options) {
			return n - 1, true
		}
		return 0, false
	}
	for i, o := range options {
		for _, w := range o.words {
			if strings.EqualFold(s, w) {
				return i, true
			}
		}
	}
	return 0, false
}

// pickStart is the option one of whose words begins with s (case and a
// leading "the " aside), where it is that option's alone.
func pickStart(s string, options []choice) (int, bool) {
	trim := func(w string) string {
		w = strings.ToLower(strings.Join(strings.Fields(w), " "))
		return strings.TrimPrefix(w, "the ")
	}
	s = trim(s)
	found := -1
	for i, o := range options {
		for _, w := range o.words {
			if s != "" && strings.HasPrefix(trim(w), s) {
				if found >= 0 && found != i {
					return 0, false
				}
				found = i
			}
		}
	}
	return found, found >= 0
}

// numbers reads a list of option numbers such as "1,3", "1 3" or "1 and 3".
func numbers(s string, n int) ([]int, error) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		if strings.EqualFold(f, "and") {
			continue // "1 and 3", as it is said
		}
		k, err := strconv.Atoi(f)
		if err != nil || k < 1 || k > n {
			return nil, fmt.Errorf("%q is not a number from 1 to %d", f, n)
		}
		out = append(out, k-1)
	}
	if len(out) == 0 {
		// "and" alone, or commas: not an empty list chosen, which would
		// lose the numbers chosen so far (a dash clears them).
		return nil, fmt.Errorf("%q has no number in it", s)
	}
	return out, nil
}

// dueHint says which date forms are understood.
var (
	dueHint      = "For example " + dueExamples() + "."
	dueHintShort = "A date, or 2w or 3m from today."
)

// dueExamples lists the examples of every form the session reads.
func dueExamples() string {
	var ex []string
	for _, f := range plans.DueForms {
		ex = append(ex, f.Example)
	}
	return strings.Join(ex[:len(ex)-1], ", ") + " or " + ex[len(ex)-1]
}

// date asks for an optional date and gives what is typed to set, which
// stores it (the session reads the date); it says which date was
// understood. late words a date that has passed (", 14 days late"), or
// is nil where no date is late: the date Enter keeps and the date typed
// are said with it, as the screens show "⚠ 14 days late" beside either.
// "-" clears it. A date set refuses is explained and asked again.
func (p *prompter) date(prompt, hint string, current plans.Date, late func(plans.Date) string, set func(text string) (plans.Date, error)) error {
	if late == nil {
		late = func(plans.Date) string { return "" }
	}
	if err := p.takePending(); err != nil {
		return err
	}
	forms := dueHint
	if p.dueExplained {
		forms = dueHintShort
	}
	p.dueExplained = true
	if !current.IsZero() {
		p.say("%s %s Enter keeps: %s%s. Type %s to clear it.", hint, forms, friendly(current), late(current), clearSaid)
	} else {
		p.say("%s %s%s", hint, forms, p.enterEmpty(prompt))
	}
	for {
		s, err := p.line(prompt)
		switch {
		case err != nil:
			return err
		case s == "":
			return nil
		case s == clearWord:
			_, err := set("")
			return err
		}
		d, err := set(s)
		if err != nil {
			p.say("Not a date I can use: %v. Please try again.", err)
			continue
		}
		p.say("Understood as %s%s.", friendly(d), late(d))
		return nil
	}
}

// friendly says a date once, in words: "Wednesday 31 March 2027". A
// speech engine reads that as a date, where it read the screens' "Wed 31
// Mar 2027" with "wed" and "mar" as words, and 2027-03-31, which the
// prompts said after it, as "2027 minus 03 minus 31".
func friendly(d plans.Date) string {
	if d.IsZero() {
		return "no date"
	}
	return d.Time().Format("Monday 2 January 2006")
}

// oneLine shows text that may span lines on one line.
func oneLine(s string) string {
	return strings.Join(strings.Split(strings.TrimRight(s, "\n"), "\n"), " / ")
}

// cleanInput drops what a terminal, not the person, put in an answer
// (escape sequences that arrow keys type in cooked mode, carriage returns,
// other control characters) and the spaces around it, as the session
// cleans every one-line answer.
func cleanInput(s string) string { return review.CleanLine(s) }

// plainWriter passes on printable text and newlines only: tabs become
// spaces, other control characters (escape, carriage return, bell, the C1
// range) and the invisible format characters (a soft hyphen, a zero-width
// space) are dropped and broken UTF-8 becomes U+FFFD. Whatever a plan file
// holds, accessible mode never moves the cursor or changes a colour.
type plainWriter struct{ w io.Writer }

func (pw plainWriter) Write(b []byte) (int, error) {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		i += size
		switch {
		case r == '\n':
			out = append(out, '\n')
		case r == '\t':
			out = append(out, ' ')
		case unicode.IsControl(r), safetext.UnsafeRune(r), safetext.InvisibleFormat(r):
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	if _, err := pw.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// shown is a plan or folder as the prompts name it, as the screens do
// (plans.ShownPath: from the top of the repository where it climbs out
// of the folder ladder runs in), made safe to print; a command to type
// keeps the shell's path (plans.CommandPath).
func shown(path string) string { return safetext.Line(plans.ShownPath(path)) }
