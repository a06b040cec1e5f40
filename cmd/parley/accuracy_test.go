package main

import (
	"encoding/json"
	"os"
	"testing"
)

// TestAccuracyTargets asserts the accuracy parley must reach on the
// development gold sets (the accuracy issue's targets), so a dictionary or
// coder change that loses ground fails the suite. The figures are printed
// by the same commands README.md gives.
func TestAccuracyTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 1,700 sentences")
	}
	for _, tc := range []struct {
		format, gold string
		check        func(t *testing.T, rep map[string]any)
	}{
		{"plover", ploverGold, func(t *testing.T, rep map[string]any) {
			typ, full := rate(rep["type"]), rate(rep["full"])
			t.Logf("PLOVER GSR: type %.3f, type+source+target %.3f", typ, full)
			if typ < 0.75 || full < 0.60 {
				t.Errorf("PLOVER GSR: type %.3f (want ≥ 0.75), type+source+target %.3f (want ≥ 0.60)", typ, full)
			}
		}},
		{"conflibert", confliGold, func(t *testing.T, rep map[string]any) {
			acc := rate(rep["accuracy"])
			t.Logf("ConfliBERT: class accuracy %.3f", acc)
			if acc < 0.70 {
				t.Errorf("ConfliBERT: class accuracy %.3f, want ≥ 0.70", acc)
			}
		}},
		{"petrarch", findPetrarch(petrarchSearch), func(t *testing.T, rep map[string]any) {
			// The target is F1 ≥ 0.75, which parley does not reach
			// (README says why); this floor only keeps what was gained.
			f1, _ := rep["f1"].(float64)
			t.Logf("UniversalPetrarch: triple F1 %.3f", f1)
			if f1 < 0.12 {
				t.Errorf("UniversalPetrarch: triple F1 %.3f fell below 0.12", f1)
			}
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			if _, err := os.Stat(tc.gold); err != nil {
				t.Skipf("gold set not found: %v", err)
			}
			out, stderr, err := run(t, "", "eval", "--gold-format", tc.format, "--gold", tc.gold, "--json")
			if err != nil {
				t.Fatalf("eval: %v\n%s", err, stderr)
			}
			var rep map[string]any
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			tc.check(t, rep)
		})
	}
	t.Run("seed", func(t *testing.T) {
		if _, err := os.Stat(seedGold); err != nil {
			t.Skip("../shared not present")
		}
		out, stderr, err := run(t, "", "eval", "--gold", seedGold, "--json", seedDocs)
		if err != nil {
			t.Fatalf("eval: %v\n%s", err, stderr)
		}
		var rep map[string]any
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		rec, prec := rate(rep["recall"]), rate(rep["precision"])
		if rec < 1 || prec < 0.9 {
			t.Errorf("seed: recall %.2f (want 1.0), precision %.2f (want ≥ 0.9)", rec, prec)
		}
	})
}

func rate(v any) float64 {
	m, _ := v.(map[string]any)
	f, _ := m["rate"].(float64)
	return f
}
