package cli

import "github.com/spf13/cobra"

func newFmtCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "fmt",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("ladder fmt is not built yet")
		},
	}
}
