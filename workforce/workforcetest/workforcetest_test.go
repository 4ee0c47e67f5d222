package workforcetest

import (
	"bytes"
	"testing"

	"github.com/socialmobility/ladder/workforce"
)

func TestCSVImportsWhole(t *testing.T) {
	data := CSV(5_000)
	if !bytes.Equal(data, CSV(5_000)) {
		t.Fatal("not deterministic")
	}
	im, err := workforce.Import(bytes.NewReader(data), "s.csv", workforce.ImportOptions{Grades: Grades})
	if err != nil {
		t.Fatal(err)
	}
	if im.Responses != 5_000 || len(im.Grades) != len(Grades) {
		t.Fatalf("%d responses in %d grades", im.Responses, len(im.Grades))
	}
	// The shape it promises: working class falls from the most junior
	// grade to the most senior.
	share := func(c [5]int) float64 { return float64(c[0]) / float64(c[0]+c[1]+c[2]) }
	if first, last := share(im.Counts[0]), share(im.Counts[len(im.Counts)-1]); first < 0.4 || last > 0.2 {
		t.Errorf("working-class share %.2f to %.2f", first, last)
	}
}
