// Command ladder helps an employer review how people progress in their
// organisation with the Social Mobility Commission's Progression review and
// refine checklist, and keeps the resulting plan as a YAML file in git.
package main

import (
	"os"

	"github.com/socialmobility/ladder/cli"
)

func main() { os.Exit(cli.Run()) }
