package cli

import "github.com/spf13/cobra"

func newNewCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "new",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("ladder new is not built yet")
		},
	}
}
