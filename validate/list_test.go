package validate_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"parley/validate"
)

var (
	listFailures = flag.Bool("failures", false, "print every failing record of both suites (for README.md)")
	traceIDs     = flag.String("records", "", "comma-separated record ids whose coding TestTrace describes")
)

// TestTrace describes how the records named by -records are coded:
// go test ./validate -run Trace -records PATTERN-29e,COMMA-05 -v
func TestTrace(t *testing.T) {
	if *traceIDs == "" {
		t.Skip("run with -records IDS")
	}
	validate.Trace, validate.TraceTo = map[string]bool{}, os.Stdout
	defer func() { validate.Trace = nil }()
	for _, id := range strings.Split(*traceIDs, ",") {
		validate.Trace[id] = true
	}
	if s, err := validate.LoadTABARI(tabariProject); err == nil {
		s.Run()
	}
	if s, err := validate.LoadPETRARCH(petrarchRecords); err == nil {
		s.Run()
	}
}

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
