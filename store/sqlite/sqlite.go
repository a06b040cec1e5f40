// Package sqlite is parley's event store over SQLite, through the pure-Go
// driver modernc.org/sqlite (no cgo). The database runs in WAL mode, so
// readers (the server) never block the writer (ingest), and every
// AddDocuments call is one transaction: a killed process loses at most the
// batch it was writing.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"parley"
	"parley/dedup"
	"parley/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// EventStore is a parley.EventStore in one SQLite file.
type EventStore struct {
	*sqlstore.Store
}

var _ parley.EventStore = (*EventStore)(nil)

// Open opens (creating it if needed) and migrates the database at path.
// ":memory:" gives a private in-memory database.
func Open(ctx context.Context, path string) (*EventStore, error) {
	dsn := path
	memory := path == ":memory:"
	// A 128 MiB page cache a connection (the default is 2 MiB): ingest and
	// queries touch a handful of indexes over the whole events table.
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-131072)&_pragma=wal_autocheckpoint(16384)&_txlock=immediate"
	if !memory {
		pragmas += "&_pragma=journal_mode(WAL)"
	}
	if strings.Contains(dsn, "?") {
		dsn += "&" + pragmas
	} else {
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if memory {
		// Each connection to :memory: is its own database.
		db.SetMaxOpenConns(1)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		db.Close()
		return nil, err
	}
	err = sqlstore.Migrate(ctx, db, names, func(name string) (string, error) {
		b, err := migrationFS.ReadFile(name)
		return string(b), err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	return &EventStore{&sqlstore.Store{DB: db, Dialect: sqlstore.Dialect{Name: "sqlite", Prepare: true}, Dedup: dedup.DefaultOptions}}, nil
}
