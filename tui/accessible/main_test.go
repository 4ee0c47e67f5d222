package accessible

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/plans"
)

func TestMain(m *testing.M) {
	os.Setenv(plans.StepIDsEnv, "counted") // new steps numbered as the goldens expect
	os.Exit(m.Run())
}
