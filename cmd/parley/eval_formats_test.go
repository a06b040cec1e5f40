package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The gold sets of ../shared/data that parley eval reads directly.
const (
	ploverGold     = "../../../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt"
	confliGold     = "../../../shared/data/conflibert-cameo/data/cameo_class/train.tsv"
	petrarchSearch = "../../../shared/data/universalpetrarch-validation"
	ngecStories    = "../../../shared/data/ngec-plover/setup/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv.zip"
	ngecHeadlines  = "../../../shared/data/ngec-plover/setup/train_classifiers/synthetic_headlines.csv"
)

// findPetrarch returns the path of PETR2_GSR_validation.xml under dir, or "".
func findPetrarch(dir string) string {
	var found string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "PETR2_GSR_validation.xml" {
			found = path
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// TestEvalFormats runs parley eval on each of the other gold sets end to end
// and checks only that it runs and counts every document; the accuracy
// thresholds are set elsewhere.
func TestEvalFormats(t *testing.T) {
	tests := []struct {
		format, gold string
		// docs reads the number of documents scored from the JSON report.
		docs func(map[string]any) int
		want int
		// summary is a word of the plain report.
		summary string
	}{
		{"plover", ploverGold, func(r map[string]any) int { return num(r["records"]) }, 322, "type+source+target right"},
		{"conflibert", confliGold, func(r map[string]any) int { return num(r["accuracy"].(map[string]any)["total"]) }, 1349, "accuracy"},
		{"petrarch", findPetrarch(petrarchSearch), func(r map[string]any) int { return num(r["records"]) }, 78, "exact records"},
		{"ngec", ngecStories, func(r map[string]any) int { return num(r["any"].(map[string]any)["total"]) }, 4500, "labelled type coded"},
		{"ngec", ngecHeadlines, func(r map[string]any) int { return num(r["any"].(map[string]any)["total"]) }, 375, "labelled type coded"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			if tt.gold == "" {
				t.Skip("gold set not found under ../shared")
			}
			if _, err := os.Stat(tt.gold); err != nil {
				t.Skipf("gold set not found: %v", err)
			}
			out, stderr, err := run(t, "", "eval", "--gold-format", tt.format, "--gold", tt.gold, "--json")
			if err != nil {
				t.Fatalf("eval: %v\n%s", err, stderr)
			}
			var rep map[string]any
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			if got := tt.docs(rep); got != tt.want {
				t.Errorf("%d documents scored, want %d", got, tt.want)
			}
			if strings.Contains(stderr, "not coded") {
				t.Errorf("documents failed:\n%s", stderr)
			}

			out, stderr, err = run(t, "", "eval", "--gold-format", tt.format, "--gold", tt.gold)
			if err != nil {
				t.Fatalf("eval: %v\n%s", err, stderr)
			}
			t.Logf("%s:\n%s", tt.format, out)
			if !strings.Contains(out, tt.summary) || strings.Contains(out, "WRONG") {
				t.Errorf("summary without --explain:\n%s", out)
			}
			out, _, err = run(t, "", "eval", "--gold-format", tt.format, "--gold", tt.gold, "--explain")
			if err != nil || !strings.Contains(out, "WRONG") || !strings.Contains(out, "text: ") {
				t.Errorf("--explain: %v; want wrong documents with their text", err)
			}
		})
	}
}

// TestEvalUsage checks the argument errors of parley eval.
func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval"},
		{"eval", "--gold", "g.jsonl"},
		{"eval", "--gold-format", "plover", "--gold", "g.txt", "docs.jsonl"},
		{"eval", "--gold-format", "nope", "--gold", "g.txt"},
	} {
		if _, _, err := run(t, "", args...); err == nil || !strings.Contains(err.Error(), "usage") {
			t.Errorf("%q: error %v, want a usage error", args, err)
		}
	}
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// TestEvalPeerDictionaries checks that parley eval codes with peer
// dictionaries when --dict-format names them, as parley code does (it
// once read the flags and coded with the built-in dictionaries).
func TestEvalPeerDictionaries(t *testing.T) {
	gold := findPetrarch(petrarchSearch)
	dir := "../../../shared/data/phoenix-dictionaries"
	if _, err := os.Stat(filepath.Join(dir, "CAMEO.verbpatterns.txt")); err != nil || gold == "" {
		t.Skip("PETRARCH dictionaries or gold set not found under ../shared")
	}
	files := "actors=" + filepath.Join(dir, "Phoenix.Countries.actors.txt") + ",agents=" + filepath.Join(dir, "Phoenix.agents.txt") + ",verbs=" + filepath.Join(dir, "CAMEO.verbpatterns.txt")
	out, stderr, err := run(t, "", "eval", "--gold-format", "petrarch", "--gold", gold, "--explain", "--dict-format", "petrarch", "--dict-files", files)
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "rule: peer ") || strings.Contains(out, "rule: 01-statement.txt") {
		t.Errorf("want events coded by the peer dictionaries only:\n%.2000s", out)
	}
}

// TestFlagsAfterFiles checks that a flag written after the files is read
// as a flag, not as a file ("parley eval --gold g docs.jsonl --json").
func TestFlagsAfterFiles(t *testing.T) {
	before, _, err := run(t, "", "eval", "--gold", "testdata/articles/heldout1.gold.jsonl", "--json", "testdata/articles/heldout1.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	after, stderr, err := run(t, "", "eval", "--gold", "testdata/articles/heldout1.gold.jsonl", "testdata/articles/heldout1.jsonl", "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if after != before {
		t.Errorf("flags after the file: got\n%s\nwant\n%s", after, before)
	}
}
