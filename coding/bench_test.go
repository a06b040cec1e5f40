package coding_test

import (
	"context"
	"os"
	"testing"

	"parley"
	"parley/actors"
	"parley/cameo"
	"parley/coding"
	"parley/data"
	"parley/ingest"
	"parley/nlp"
)

func newCoder(tb testing.TB) *coding.Coder {
	tb.Helper()
	p, err := nlp.Default()
	if err != nil {
		tb.Fatal(err)
	}
	codes, bad := cameo.Load(data.FS, "cameo/codes.txt")
	if len(bad) > 0 {
		tb.Fatalf("codes: %v", bad)
	}
	acts, bad, err := actors.Load(data.FS)
	if err != nil || len(bad) > 0 {
		tb.Fatalf("actors: %v %v", err, bad)
	}
	verbs, bad, err := coding.LoadVerbs(data.FS, codes)
	if err != nil || len(bad) > 0 {
		tb.Fatalf("verbs: %v %v", err, bad)
	}
	return &coding.Coder{Parser: p, Actors: acts, Verbs: verbs, Codes: codes}
}

// BenchmarkDevbench codes ../shared/bench/devbench.jsonl end to end from
// text (split, tag, match, code) on one goroutine, and reports sentences/s.
// Run with: go test -run - -bench Devbench -cpu 1 ./coding
func BenchmarkDevbench(b *testing.B) {
	const path = "../../shared/bench/devbench.jsonl"
	if _, err := os.Stat(path); err != nil {
		b.Skip("devbench not present")
	}
	var docs []parley.Document
	var size int64
	err := ingest.Read(context.Background(), []string{path}, ingest.Options{}, func(d parley.Document) error {
		docs = append(docs, d)
		size += int64(len(d.Title) + len(d.Text))
		return nil
	}, nil)
	if err != nil {
		b.Fatal(err)
	}
	c := newCoder(b)
	b.SetBytes(size)
	b.ResetTimer()
	sents, events := 0, 0
	for i := 0; i < b.N; i++ {
		for k := range docs {
			r, err := c.Code(&docs[k])
			if err != nil {
				b.Fatal(err)
			}
			sents += r.Sentences
			events += len(r.Events)
		}
	}
	el := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/el, "sentences/s")
	b.ReportMetric(float64(len(docs)*b.N)/el, "docs/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// TestBuiltinDictionaries loads the embedded dictionaries with no line
// errors.
func TestBuiltinDictionaries(t *testing.T) {
	c := newCoder(t)
	if c.Actors.Len() < 1000 || c.Verbs.Len() < 300 {
		t.Errorf("actors %d names, verbs %d patterns: too few", c.Actors.Len(), c.Verbs.Len())
	}
}
