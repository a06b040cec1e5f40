package postgres_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"parley"
	"parley/internal/pgtest"
	"parley/store/postgres"
	"parley/store/storetest"
)

// srv is the test server: $PARLEY_POSTGRES_URL, or one TestMain starts.
var srv *pgtest.Server

func TestMain(m *testing.M) {
	srv = pgtest.Start()
	code := m.Run()
	srv.Stop()
	os.Exit(code)
}

// open returns a store in a new, empty schema of the test server.
func open(t testing.TB) *postgres.EventStore {
	t.Helper()
	if srv.SkipReason != "" {
		t.Skip("PostgreSQL tests skipped: " + srv.SkipReason)
	}
	ctx := context.Background()
	url, drop, err := srv.NewSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.EventStore { return open(t) })
}

func TestReopen(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	doc := parley.CodedDocument{Doc: parley.Document{ID: "d1", Date: "2020-01-01", Text: "Nothing happened."}}
	if _, err := s.AddDocuments(ctx, []parley.CodedDocument{doc}); err != nil {
		t.Fatal(err)
	}
	// Migrations run once: migrating the same schema again changes nothing.
	var n int
	files, _ := filepath.Glob("migrations/*.sql")
	if err := s.DB.QueryRowContext(ctx, "SELECT count(*) FROM migrations").Scan(&n); err != nil || n != len(files) {
		t.Errorf("migrations: %d, %v; want %d", n, err, len(files))
	}
	s.Close()
}

func TestBadURL(t *testing.T) {
	if _, err := postgres.Open(context.Background(), "postgres://%zz"); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("Open(bad url) = %v, want invalid", err)
	}
}
