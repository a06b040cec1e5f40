package wordset

import (
	"fmt"
	"testing"
)

// TestFilter checks that every added word may be in the filter, and that
// most words not added are not, with 10,000 words added (about the size
// of the actor dictionary's first words).
func TestFilter(t *testing.T) {
	var f Filter
	if f.May("kabul") {
		t.Fatal("empty filter has kabul")
	}
	for i := range 10000 {
		f.Add(fmt.Sprintf("name%d", i))
	}
	for i := range 10000 {
		if w := fmt.Sprintf("name%d", i); !f.May(w) {
			t.Fatalf("added %q, not found", w)
		}
	}
	fp := 0
	for i := range 10000 {
		if f.May(fmt.Sprintf("other%d", i)) {
			fp++
		}
	}
	if fp > 1500 {
		t.Errorf("%d of 10,000 words not added pass the filter", fp)
	}
}
