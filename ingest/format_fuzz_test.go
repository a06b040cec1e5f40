package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"parley"
	"parley/ingest"
)

// FuzzFormats feeds arbitrary bytes to standard input, which is sniffed
// into HTML, a feed, WARC, TABARI or PETRARCH records, JSON lines or text,
// and checks the reader's contract: no panic, every document valid UTF-8
// that passes Validate with a new id, every problem an *ingest.Error.
func FuzzFormats(f *testing.F) {
	for _, name := range []string{"testdata/web/article.html", "testdata/web/feed.rss", "testdata/web/feed.atom",
		"testdata/web/bad.rss", "testdata/web/latin1.rss", "testdata/records.tabari", "testdata/records.xml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nWARC-Date: 2019-01-01T00:00:00Z\r\nContent-Length: 60\r\n\r\n<html><body><p>Officials met in Kabul on Monday.</p></body></html>\r\n\r\n"))
	f.Add([]byte("190101 X\nText.\n\n190102 Y\n/* open comment\n"))
	f.Add([]byte("<Sentences><Sentence id=\"a\" date=\"20190101\"><Text>x &amp; y</Text></Sentence>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		seen := map[string]bool{}
		emit := func(d parley.Document) error {
			if err := d.Validate(); err != nil {
				t.Fatalf("emitted an invalid document: %v", err)
			}
			if !utf8.ValidString(d.ID + d.Date + d.Title + d.Text + d.URL + d.Source + d.Author) {
				t.Fatalf("emitted invalid UTF-8: %+v", d)
			}
			if strings.TrimSpace(d.Title+d.Text) == "" {
				t.Fatalf("emitted an empty document")
			}
			if seen[d.ID] {
				t.Fatalf("emitted id %q twice", d.ID)
			}
			seen[d.ID] = true
			return nil
		}
		report := func(err error) {
			var ie *ingest.Error
			if !errors.As(err, &ie) {
				t.Fatalf("reported %T %v, want *ingest.Error", err, err)
			}
		}
		opt := ingest.Options{Stdin: bytes.NewReader(data), DefaultDate: "2019-06-15", AnyLanguage: true}
		if err := ingest.Read(context.Background(), []string{"-"}, opt, emit, report); err != nil {
			t.Fatalf("Read returned %v", err)
		}
	})
}

// FuzzRecords fuzzes the record and feed parsers alone (TABARI, PETRARCH
// XML, RSS/Atom), which run much faster than FuzzFormats: HTML extraction
// uses a WebAssembly regular expression engine that coverage
// instrumentation slows to a few inputs a second.
func FuzzRecords(f *testing.F) {
	for _, name := range []string{"testdata/records.tabari", "testdata/records.xml", "testdata/web/feed.rss", "testdata/web/feed.atom", "testdata/web/bad.rss"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"in.tabari", "in.xml"} {
			path := dir + "/" + name
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			emit := func(d parley.Document) error {
				if err := d.Validate(); err != nil {
					t.Fatalf("emitted an invalid document: %v", err)
				}
				if !utf8.ValidString(d.ID + d.Title + d.Text + d.URL + d.Source + d.Author) {
					t.Fatalf("emitted invalid UTF-8: %+v", d)
				}
				if seen[d.ID] {
					t.Fatalf("emitted id %q twice", d.ID)
				}
				seen[d.ID] = true
				return nil
			}
			report := func(err error) {
				var ie *ingest.Error
				if !errors.As(err, &ie) {
					t.Fatalf("reported %T %v, want *ingest.Error", err, err)
				}
			}
			if err := ingest.Read(context.Background(), []string{path}, ingest.Options{DefaultDate: "2019-06-15", AnyLanguage: true}, emit, report); err != nil {
				t.Fatalf("Read returned %v", err)
			}
		}
	})
}
