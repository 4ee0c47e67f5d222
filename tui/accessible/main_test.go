package accessible

import (
	"os"
	"testing"

	"github.com/socialmobility/ladder/internal/testtool"
	"github.com/socialmobility/ladder/plans"
)

func TestMain(m *testing.M) {
	os.Setenv(plans.StepIDsEnv, "counted") // new steps numbered as the goldens expect
	removeTemp := testtool.TempInMemory()
	code := m.Run()
	removeTemp()
	os.Exit(code)
}
