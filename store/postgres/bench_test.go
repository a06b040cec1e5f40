package postgres_test

import (
	"context"
	"testing"

	"parley/internal/synth"
)

// BenchmarkAddDocuments stores batches of 256 synthetic documents (2,560
// event records) a transaction, mentions and events loaded with COPY, and
// reports event records stored per second, dedup clustering included.
func BenchmarkAddDocuments(b *testing.B) {
	s := open(b)
	defer s.Close()
	ctx := context.Background()
	g, err := synth.New(synth.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	const batch = 256
	events := 0
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		docs := g.Documents(i*batch, batch)
		b.StartTimer()
		res, err := s.AddDocuments(ctx, docs)
		if err != nil {
			b.Fatal(err)
		}
		events += res.Mentions
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}
