package postgres_test

import (
	"testing"

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
