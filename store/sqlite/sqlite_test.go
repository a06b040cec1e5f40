package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"parley"
	"parley/dedup"
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

// TestMigrateDateEnd migrates a database made by the first two migrations
// and wants migration 003 to fill mentions.date_end as dedup.Days does,
// for day, month, year, missing and unreadable dates.
func TestMigrateDateEnd(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"migrations/001_init.sql", "migrations/002_author.sql"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO documents (id, hash, date, ingested_at) VALUES ('d', 'h', '2019-02-10', '')`); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for i, date := range []string{"2019-02-05", "2019-02", "2020", "", "2019-13", "2019-12"} {
		m := parley.Mention{Event: parley.Event{ID: "m" + string(rune('0'+i)), Date: date}, DocDate: "2019-02-10"}
		rec, _ := json.Marshal(&m.Event)
		first, last := dedup.Days(&m)
		want[m.ID] = last
		if _, err := db.Exec(`INSERT INTO mentions (id, doc_id, block, date_start, record) VALUES (?, 'd', 'b', ?, ?)`, m.ID, first, string(rec)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.DB.QueryContext(ctx, `SELECT id, date_end FROM mentions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, end string
		if err := rows.Scan(&id, &end); err != nil {
			t.Fatal(err)
		}
		n++
		if end != want[id] {
			t.Errorf("%s: date_end = %q, want %q", id, end, want[id])
		}
	}
	if n != len(want) {
		t.Errorf("%d mentions after migrating, want %d", n, len(want))
	}
}

// TestBulkKeepsIndexes checks that a bulk load builds again every index it
// drops, with the same definition.
func TestBulkKeepsIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "events.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	indexes := func() map[string]string {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.Query(`SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var name, def string
			if err := rows.Scan(&name, &def); err != nil {
				t.Fatal(err)
			}
			out[name] = def
		}
		return out
	}
	before := indexes()
	doc := parley.CodedDocument{Doc: parley.Document{ID: "d1", Date: "2020-01-01", Text: "Russia attacked."},
		Events: []parley.Event{{ID: "e1", Doc: "d1", CAMEO: "190", Root: "19", QuadClass: 4, Date: "2020-01-01",
			Source: &parley.Actor{Code: "RUS", Country: "RUS"}}}}
	if _, err := s.BulkAddDocuments(ctx, []parley.CodedDocument{doc}); err != nil {
		t.Fatal(err)
	}
	after := indexes()
	if len(before) < 5 {
		t.Fatalf("only %d indexes before the load", len(before))
	}
	for name, def := range before {
		if after[name] != def {
			t.Errorf("index %s: %q after the bulk load, was %q", name, after[name], def)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d indexes after the bulk load, %d before", len(after), len(before))
	}
}
