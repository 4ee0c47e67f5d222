package render

import (
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
)

// GitHubAnnotation is one workflow command that GitHub Actions shows on the
// line of the pull request it names ("::warning file=plans/a.yaml,line=13,
// col=10::overdue: ..."). level is "error", "warning" or "notice"; line and
// col are left out when 0. The message is kept to one line and escaped as
// the Actions toolkit escapes it, so no text from a plan can end the
// command early or start another.
func GitHubAnnotation(level, file string, line, col int, message string) string {
	props := []string{"file=" + escapeProperty(safetext.Line(file))}
	if line > 0 {
		props = append(props, "line="+strconv.Itoa(line))
		if col > 0 {
			props = append(props, "col="+strconv.Itoa(col))
		}
	}
	return "::" + level + " " + strings.Join(props, ",") + "::" + escapeData(safetext.Line(message))
}

// GitHubStop is an error annotation on no file: why a command could not
// do its job at all, shown on the run's summary.
func GitHubStop(message string) string {
	return "::error::" + escapeData(safetext.Terminal(message)) // its lines as %0A: one command
}

// GitHubNotice is a notice annotation on no file: a word about the
// annotations themselves, shown on the run's summary.
func GitHubNotice(message string) string {
	return "::notice::" + escapeData(safetext.Terminal(message))
}

// GitHubShown is how many annotations of one kind (error, warning,
// notice) GitHub shows for a step; it drops the rest without a word,
// though the step's log keeps them.
const GitHubShown = 10

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
