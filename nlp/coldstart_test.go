package nlp_test

import (
	"testing"
	"time"

	"parley/nlp"
)

// TestColdStart reports how long loading the models takes; run it alone
// (go test -run ColdStart -v ./nlp) so that nothing is loaded before.
func TestColdStart(t *testing.T) {
	t0 := time.Now()
	if _, err := nlp.Default(); err != nil {
		t.Fatal(err)
	}
	t.Logf("nlp.Default: %v", time.Since(t0))
}
