package postgres_test

import (
	"testing"

	"parley"

	"parley/store/storetest"
)

// BenchmarkAddDocuments stores batches of 256 synthetic documents (2,560
// event records) a transaction, mentions and events loaded with COPY, and
// reports event records stored per second, dedup clustering included.
func BenchmarkAddDocuments(b *testing.B) {
	s := open(b)
	defer s.Close()
	storetest.BenchAddDocuments(b, s, 256)
}

// BenchmarkBulkLoad stores 10,000 synthetic documents (100,000 event
// records) into a new schema, empty or holding 10,000 other
// documents, with one BulkAddDocuments call and, for comparison, with
// AddDocuments calls of 256 documents,
// and reports event records stored per second.
func BenchmarkBulkLoad(b *testing.B) {
	for _, bc := range []struct {
		name          string
		stored, batch int
	}{{"Empty", 0, 0}, {"Stored", 10_000, 0}, {"AddEmpty", 0, 256}, {"AddStored", 10_000, 256}} {
		b.Run(bc.name, func(b *testing.B) {
			storetest.BenchLoad(b, func(b *testing.B) parley.EventStore { return open(b) }, bc.stored, 10_000, bc.batch)
		})
	}
}
