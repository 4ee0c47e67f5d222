package cli

import "github.com/spf13/cobra"

func newChecklistsCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "checklists",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("ladder checklists is not built yet")
		},
	}
}
