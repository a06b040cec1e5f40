package validate_test

import (
	"flag"
	"os"
	"testing"

	"parley/validate"
)

var listFailures = flag.Bool("failures", false, "print every failing record of both suites (for README.md)")

// TestListFailures prints the failing records with -list, to regenerate
// the README's list: go test ./validate -run ListFailures -failures -v
func TestListFailures(t *testing.T) {
	if !*listFailures {
		t.Skip("run with -failures")
	}
	if s, err := validate.LoadTABARI(tabariProject); err == nil {
		s.Run().Write(os.Stdout, false)
	}
	if s, err := validate.LoadPETRARCH(petrarchRecords); err == nil {
		s.Run().Write(os.Stdout, false)
	}
}
