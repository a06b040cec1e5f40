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
	"time"

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
	// kick wakes the checkpointer after a write, stop ends it, done
	// closes when it has ended; all nil for :memory:.
	kick, stop, done chan struct{}
}

var (
	_ parley.EventStore = (*EventStore)(nil)
	_ parley.BulkLoader = (*EventStore)(nil)
)

// Open opens (creating it if needed) and migrates the database at path.
// ":memory:" gives a private in-memory database.
func Open(ctx context.Context, path string) (*EventStore, error) {
	dsn := path
	memory := path == ":memory:"
	// A 128 MiB page cache a connection (the default is 2 MiB): ingest and
	// queries touch a handful of indexes over the whole events table.
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-131072)&_pragma=wal_autocheckpoint(16384)&_txlock=immediate"
	if !memory {
		// Reads of pages the page cache misses are memory reads, not a
		// pread each: the API's scans over a million events (text, root)
		// took half the time (BENCHMARKS.md). 2 GiB is the most the
		// driver maps; pages past it are read as before.
		pragmas += "&_pragma=journal_mode(WAL)&_pragma=mmap_size(2147418112)"
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
	s := &EventStore{Store: &sqlstore.Store{DB: db, Dialect: sqlstore.Dialect{Name: "sqlite", Prepare: true, Indexes: indexes}, Dedup: dedup.DefaultOptions}}
	if !memory {
		s.kick, s.stop, s.done = make(chan struct{}, 1), make(chan struct{}), make(chan struct{})
		go s.checkpoint()
	}
	return s, nil
}

// AddDocuments implements parley.EventStore: sqlstore's, then a wake-up
// of the checkpointer.
func (s *EventStore) AddDocuments(ctx context.Context, docs []parley.CodedDocument) (parley.AddResult, error) {
	res, err := s.Store.AddDocuments(ctx, docs)
	s.wake()
	return res, err
}

// BulkAddDocuments implements parley.BulkLoader: sqlstore's, then a
// wake-up of the checkpointer.
func (s *EventStore) BulkAddDocuments(ctx context.Context, docs []parley.CodedDocument) (parley.AddResult, error) {
	res, err := s.Store.BulkAddDocuments(ctx, docs)
	s.wake()
	return res, err
}

// indexes lists the secondary indexes a bulk load drops and builds again;
// the primary keys' automatic indexes have no sql. (The foreign key of
// mentions stays: SQLite cannot drop one, and its check is a lookup in
// documents' primary key, in order.)
const indexes = `SELECT 'DROP INDEX ' || name, sql FROM sqlite_master
	WHERE type = 'index' AND tbl_name IN ('mentions', 'events') AND sql IS NOT NULL ORDER BY name`

// wake wakes the checkpointer, if there is one, after a write.
func (s *EventStore) wake() {
	if s.kick != nil {
		select {
		case s.kick <- struct{}{}:
		default: // one is pending
		}
	}
}

// checkpointEvery is the least time between background checkpoints, so
// that a page written by several writes in a row is copied once.
const checkpointEvery = 200 * time.Millisecond

// checkpoint copies the pages that writes appended to the WAL into the
// database file, on its own connection, while the writer goes on (a
// PASSIVE checkpoint waits for no one). Left to the writer alone
// (wal_autocheckpoint), the copy and its fsyncs took a quarter of
// AddDocuments' time, and all of it when other processes kept the disk
// busy. The writer still checkpoints when the WAL reaches
// wal_autocheckpoint pages, which is then cheap (the pages not yet copied)
// and lets the next write start the WAL over, keeping it bounded.
func (s *EventStore) checkpoint() {
	defer close(s.done)
	ctx := context.Background()
	for {
		select {
		case <-s.stop:
			return
		case <-s.kick:
		}
		if conn, err := s.DB.Conn(ctx); err == nil { // else the writer checkpoints
			conn.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
			conn.Close()
		}
		select {
		case <-s.stop:
			return
		case <-time.After(checkpointEvery):
		}
	}
}

// Close stops the checkpointer and closes the database.
func (s *EventStore) Close() error {
	if s.stop != nil {
		close(s.stop)
		<-s.done
		s.stop = nil
	}
	return s.Store.Close()
}
