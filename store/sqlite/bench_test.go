package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"parley"
	"parley/internal/synth"
	"parley/store/sqlite"
	"parley/store/storetest"
)

// BenchmarkAddDocuments stores batches of 64 synthetic documents (640 event
// records) a transaction into a SQLite file and reports event records
// stored per second, dedup clustering included.
func BenchmarkAddDocuments(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchAddDocuments(b, s, 64)
}

// open1M opens a SQLite database of a million synthetic event records
// (100,000 documents), building it the first time in the temporary
// directory ($TMPDIR/parley-bench-sqlite-1M-v3.db) and reusing it after.
func open1M(b *testing.B) *sqlite.EventStore {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), "parley-bench-sqlite-1M-v3.db")
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		s, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		// Near-uniform actors, as the first measurements (BENCHMARKS.md),
		// when skewed blocks made the build quadratic.
		g, err := synth.New(synth.Options{Seed: 1, Actors: 5000, Skew: 1.01})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		n, err := synth.Fill(ctx, s, g, 0, 100_000, 512)
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		st, _ := s.Stats(ctx)
		fmt.Fprintf(os.Stderr, "built %s: %d event records (%d events) in %.1f s: %.0f events/s\n", path, n, st.Events, el.Seconds(), float64(n)/el.Seconds())
		if _, err := s.DB.ExecContext(ctx, "ANALYZE"); err != nil {
			b.Fatal(err)
		}
		s.Close()
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkFindEvents1M runs the API queries of synth.Queries over a
// million event records and reports each one's p95 latency and the p95 of
// all. It runs only when -bench names it (it builds a large database).
func BenchmarkFindEvents1M(b *testing.B) {
	if !synth.Selected("1M") {
		b.Skip("builds a database of 1M events; run with -bench 'FindEvents1M'")
	}
	s := open1M(b)
	defer s.Close()
	ctx := context.Background()
	var all []time.Duration
	for _, q := range synth.Queries {
		if err := q.Run(ctx, s); err != nil { // warm the cache
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		for _, q := range synth.Queries {
			t0 := time.Now()
			if err := q.Run(ctx, s); err != nil {
				b.Fatal(err)
			}
			all = append(all, time.Since(t0))
		}
	}
	b.StopTimer()
	per := len(synth.Queries)
	for i, q := range synth.Queries {
		var ds []time.Duration
		for j := i; j < len(all); j += per {
			ds = append(ds, all[j])
		}
		b.ReportMetric(float64(synth.P95(ds).Microseconds())/1000, "ms-p95-"+q.Name)
	}
	b.ReportMetric(float64(synth.P95(all).Microseconds())/1000, "ms-p95")
}

// BenchmarkBulkLoad stores 10,000 synthetic documents (100,000 event
// records) into a new SQLite file, empty or holding 10,000
// other documents, with one BulkAddDocuments call and, for
// comparison, with AddDocuments calls of 64 documents,
// and reports event records stored per second.
func BenchmarkBulkLoad(b *testing.B) {
	open := func(b *testing.B) parley.EventStore {
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
	for _, bc := range []struct {
		name          string
		stored, batch int
	}{{"Empty", 0, 0}, {"Stored", 10_000, 0}, {"AddEmpty", 0, 64}, {"AddStored", 10_000, 64}} {
		b.Run(bc.name, func(b *testing.B) { storetest.BenchLoad(b, open, bc.stored, 10_000, bc.batch) })
	}
}
