package nlp_test

import (
	"testing"

	"parley/nlp"
	"parley/nlp/internal/corpus"
	"parley/nlp/internal/cputime"
)

// BenchmarkParse parses the devbench documents (title and text) and reports
// sentences and tokens per second.
// Run with: go test -run - -bench Parse -cpu 1 ./nlp
func BenchmarkParse(b *testing.B) {
	docs := corpus.JSONL(corpus.Devbench())
	if len(docs) == 0 {
		b.Skip("devbench not present")
	}
	p, err := nlp.Default()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	sents, toks := 0, 0
	stop := cputime.Start()
	for b.Loop() {
		for _, d := range docs {
			for _, s := range p.Parse(d) {
				sents++
				toks += len(s.Tokens)
			}
		}
	}
	cpu := stop()
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/sec, "sentences/s")
	b.ReportMetric(float64(toks)/sec, "tokens/s")
	b.ReportMetric(float64(sents)/cpu.Seconds(), "sentences/cpu-s")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkNew measures loading the models.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := nlp.New(); err != nil {
			b.Fatal(err)
		}
	}
}
