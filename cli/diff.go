package cli

import "github.com/spf13/cobra"

func newDiffCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "diff",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("ladder diff is not built yet")
		},
	}
}
