package cli

import "github.com/spf13/cobra"

// runDefault is what `ladder` with no arguments does. Until the review
// screens land it prints the help.
func runDefault(cmd *cobra.Command) error {
	return cmd.Help()
}

func newReviewCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "review [PLAN]",
		Short:  "Start or resume a guided review (coming soon)",
		Hidden: true,
		Args:   cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("the review screens are not built yet")
		},
	}
}
