package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "events.db")
	if _, stderr, err := run(t, "", "ingest", "--db", db, "../../data/samples/articles.jsonl"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out := map[string]string{}
	for _, f := range []string{"gdelt", "plover", "csv", "jsonl"} {
		stdout, stderr, err := run(t, "", "export", "--db", db, "--format", f)
		if err != nil {
			t.Fatalf("export %s: %v\n%s", f, err, stderr)
		}
		out[f] = stdout
	}
	lines := strings.Split(strings.TrimSuffix(out["gdelt"], "\n"), "\n")
	for _, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Fatalf("gdelt row with %d columns: %q", n, l)
		}
	}
	if n := len(strings.Split(strings.TrimSpace(out["jsonl"]), "\n")); n != len(lines) {
		t.Errorf("jsonl %d events, gdelt %d", n, len(lines))
	}
	if n := len(strings.Split(strings.TrimSpace(out["csv"]), "\n")); n < len(lines)+1 {
		t.Errorf("csv %d lines for %d events", n, len(lines))
	}
	for _, l := range strings.Split(strings.TrimSpace(out["plover"]), "\n") {
		var rec struct {
			ID    string   `json:"id"`
			Date  string   `json:"date"`
			Event []string `json:"event"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil || rec.ID == "" || rec.Date == "" {
			t.Fatalf("plover line %q: %v", l, err)
		}
	}
	if _, _, err := run(t, "", "export", "--db", db, "--format", "xml"); err == nil {
		t.Errorf("export --format xml succeeded")
	}
}

func TestDemoNoServe(t *testing.T) {
	stdout, stderr, err := run(t, "", "demo", "--no-serve")
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "12 articles") || !strings.Contains(stdout, "event mentions stored") {
		t.Errorf("demo output:\n%s", stdout)
	}
}
