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

var (
	_ parley.EventStore = (*EventStore)(nil)
	_ parley.BulkLoader = (*EventStore)(nil)
)

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
		Name:       "postgres",
		Copy:       copyRows,
		LockBlocks: lockBlocks,
		Arrays:     true,
		Begin:      beginIngest,
		Indexes:    indexes,
		LockTables: lockTables,
	}}}, nil
}

// lockTables keeps other writers out during a bulk load, and lets readers
// in until it drops the indexes. The tables are locked in the order in
// which AddDocuments writes them, so that a writer that got in first
// finishes first.
const lockTables = `LOCK TABLE documents, mentions, events, timeline_days, dyad_totals IN EXCLUSIVE MODE`

// indexes lists the secondary indexes a bulk load drops and builds again,
// those of mentions and events in the current schema that back no
// constraint (the primary keys stay), then the foreign key of mentions:
// its check, a trigger a row, took two thirds of the COPY into mentions,
// while adding it again checks every row in one join. Dropping them locks
// the tables until the load commits.
const indexes = `SELECT 'DROP INDEX ' || quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(i.oid)
	FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
	JOIN pg_namespace n ON n.oid = t.relnamespace
	WHERE n.nspname = current_schema() AND t.relname IN ('mentions', 'events')
	AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
	UNION ALL
	SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
		'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)
	FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
	WHERE n.nspname = current_schema() AND t.relname IN ('mentions', 'events') AND c.contype = 'f'`

// beginIngest sets up an ingest transaction. Every statement of an ingest
// finds a few rows by key (id, hash, block and date, cluster, rollup key)
// through an index, so nested loops over index scans are the right plan for
// all of them. But tables that grow faster than autovacuum analyzes them (a
// bulk load into a new database) have no statistics, and the planner then
// guesses that = ANY of a few hundred keys selects every row: it scanned
// mentions and documents whole, hashed them, or ran parallel workers,
// 20-120 ms a statement at 100,000 mentions, growing with the tables. So
// those plans are off, and each statement is planned for its own arguments
// (a generic plan cached while the tables were small would stay in use as
// they grow).
const beginIngest = `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
	set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
	set_config('plan_cache_mode', 'force_custom_plan', true)`

// lockBlocks serializes the writers that recluster one dedup block: a
// transaction-level advisory lock per block in parley's own class (the
// first key), so it cannot collide with other users of advisory locks (the
// job queue). One statement takes them all, in the order of the array
// (sorted by the caller), so that writers never wait for each other in a
// cycle.
const lockBlocks = `SELECT pg_advisory_xact_lock(1885434465, hashtext(k)) FROM unnest($1::text[]) AS k`

// AddDocumentsTx stores documents as AddDocuments does, but inside tx, a
// transaction on the same database that the caller commits or rolls back:
// a queue worker stores a batch and completes its job in one transaction.
// Like AddDocuments it skips documents already stored, so running a batch
// twice stores it once.
func (s *EventStore) AddDocumentsTx(ctx context.Context, tx pgx.Tx, docs []parley.CodedDocument) (parley.AddResult, error) {
	return s.Store.AddDocumentsTx(ctx, pgxTx{tx}, docs)
}

// pgxTx adapts a pgx.Tx to sqlstore.Tx.
type pgxTx struct{ tx pgx.Tx }

func (t pgxTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.Exec(ctx, query, args...)
	return err
}

func (t pgxTx) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	return t.tx.Query(ctx, query, args...)
}

func (t pgxTx) CopyFrom(ctx context.Context, table string, cols []string, rows [][]any) error {
	_, err := t.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	return err
}

// copyRows bulk-loads rows into a table with COPY. It runs on the pgx
// connection under conn, whose transaction is open, so the COPY commits or
// rolls back with the rest.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("copy %s: not a pgx connection", table)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
}
