package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"parley"
	"parley/store/sqlite"
	"parley/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.EventStore {
		s, err := sqlite.Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestFileReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "events.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	doc := parley.CodedDocument{Doc: parley.Document{ID: "d1", Date: "2020-01-01", Text: "Nothing happened."}}
	if _, err := s.AddDocuments(ctx, []parley.CodedDocument{doc}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening runs no migration twice and keeps the data.
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 1 {
		t.Errorf("after reopening: %+v, want 1 document", st)
	}
	var mode string
	if err := s.DB.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}
