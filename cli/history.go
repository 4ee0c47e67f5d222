package cli

import "github.com/spf13/cobra"

func newHistoryCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "history",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("ladder history is not built yet")
		},
	}
}
