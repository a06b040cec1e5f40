// Package postgres is parley's event store over PostgreSQL, through pgx.
// It runs the same SQL as the SQLite store (store/internal/sqlstore) with
// its own migrations, and bulk-loads mentions and events with COPY inside
// the same transaction as the rest of an AddDocuments call.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"parley"
	"parley/dedup"
	"parley/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// EventStore is a parley.EventStore in a PostgreSQL database.
type EventStore struct {
	*sqlstore.Store
}

var _ parley.EventStore = (*EventStore)(nil)

// Open connects to the database at url (postgres://user@host:port/db?...)
// and migrates it.
func Open(ctx context.Context, url string) (*EventStore, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "postgres url: %v", err)
	}
	db := stdlib.OpenDB(*cfg)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to postgres %s:%d/%s: %w", cfg.Host, cfg.Port, cfg.Database, err)
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
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return &EventStore{&sqlstore.Store{DB: db, Dedup: dedup.DefaultOptions, Dialect: sqlstore.Dialect{
		Name:         "postgres",
		CopyMentions: copyFn("mentions", sqlstore.MentionColumns),
		CopyEvents:   copyFn("events", sqlstore.EventColumns),
	}}}, nil
}

// copyFn returns a bulk loader for a table. It runs on the pgx connection
// under conn, whose transaction is open, so the COPY commits or rolls back
// with the rest.
func copyFn(table string, cols []string) func(context.Context, *sql.Conn, [][]any) error {
	return func(ctx context.Context, conn *sql.Conn, rows [][]any) error {
		return conn.Raw(func(dc any) error {
			c, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("copy %s: not a pgx connection", table)
			}
			_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
			return err
		})
	}
}
