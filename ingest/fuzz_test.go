package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"parley"
	"parley/ingest"
)

// FuzzReadJSONLines checks that no input makes the JSON lines reader panic
// or hand on a document that breaks its contract: every document valid,
// valid UTF-8, with a new id and its line as origin; every problem an
// *ingest.Error on an existing line; at most one outcome a line; and a
// document read back from its own JSON form unchanged.
func FuzzReadJSONLines(f *testing.F) {
	for _, name := range []string{"testdata/good.jsonl", "testdata/bad.jsonl", "testdata/bom.jsonl", "testdata/array.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","date":"2019-06-15","text":"\ud800 lone surrogate"}`))
	f.Add([]byte("{\"id\":\"x\",\"date\":\"2019-06-15\",\"text\":\"a\"}\r\n\r\n{\"id\":\"x\"}"))

	const maxLine = 512
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		var (
			docs []parley.Document
			errs []error
		)
		emit := func(d parley.Document) error { docs = append(docs, d); return nil }
		report := func(err error) { errs = append(errs, err) }
		opt := ingest.Options{MaxLineBytes: maxLine}
		if err := ingest.ReadJSONLines(context.Background(), bytes.NewReader(data), "fuzz", opt, emit, report); err != nil {
			t.Fatalf("ReadJSONLines returned %v", err)
		}
		if n := len(docs) + len(errs); n > lines {
			t.Fatalf("%d outcomes from %d lines", n, lines)
		}
		seen := make(map[string]bool)
		for _, d := range docs {
			if err := d.Validate(); err != nil {
				t.Fatalf("emitted an invalid document: %v", err)
			}
			if !utf8.ValidString(d.ID + d.Date + d.Title + d.Text + d.URL + d.Source) {
				t.Fatalf("emitted invalid UTF-8: %+v", d)
			}
			if strings.TrimSpace(d.Title+d.Text) == "" {
				t.Fatalf("emitted an empty document: %+v", d)
			}
			if seen[d.ID] {
				t.Fatalf("emitted id %q twice", d.ID)
			}
			seen[d.ID] = true
			var line int
			if _, err := fmt.Sscanf(d.Origin, "fuzz:%d", &line); err != nil || line < 1 || line > lines {
				t.Fatalf("origin %q is not a line of the input", d.Origin)
			}
			roundTrip(t, d)
		}
		for _, err := range errs {
			var ie *ingest.Error
			if !errors.As(err, &ie) {
				t.Fatalf("reported %T %v, want *ingest.Error", err, err)
			}
			if ie.Input != "fuzz" || ie.Line < 1 || ie.Line > lines {
				t.Fatalf("error %q names no line of the input", err)
			}
		}
	})
}

// roundTrip checks that a document's JSON form reads back as itself.
func roundTrip(t *testing.T, d parley.Document) {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back []parley.Document
	emit := func(d parley.Document) error { back = append(back, d); return nil }
	report := func(err error) { t.Fatalf("reading back %s: %v", b, err) }
	if err := ingest.ReadJSONLines(context.Background(), bytes.NewReader(b), "fuzz", ingest.Options{}, emit, report); err != nil {
		t.Fatal(err)
	}
	d.Origin = "fuzz:1"
	if len(back) != 1 || back[0] != d {
		t.Fatalf("read back %+v, want %+v", back, d)
	}
}
