package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"parley"
	"parley/pipeline"
	"parley/store/postgres"
	"parley/store/sqlite"
)

// openStore opens the event store a --db value names: a postgres:// or
// postgresql:// URL, else a SQLite file path.
func openStore(ctx context.Context, db string) (parley.EventStore, error) {
	if db == "" {
		return nil, fmt.Errorf("%w: --db is required", errUsage)
	}
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	stats
	stored, duplicates, already, mentions int
}

func (m *Main) runIngest(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var cf codeFlags
	cf.register(fs)
	db := fs.String("db", "", "database: a SQLite file (created if missing) or a postgres:// URL")
	batch := fs.Int("batch", 64, "documents stored per transaction (with --bulk: 10000 unless given)")
	bulk := fs.Bool("bulk", false, "store with bulk loads, which rebuild the database's indexes each "+
		"transaction: several times faster for loads as large as the database or larger, slower for small ones; "+
		"stores the same events as without it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *bulk {
		given := false
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == "batch" })
		if !given {
			*batch = bulkBatch
		}
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	add := store.AddDocuments
	if *bulk {
		bl, ok := store.(parley.BulkLoader)
		if !ok {
			return fmt.Errorf("%w: --bulk: the store cannot bulk load", errUsage)
		}
		add = bl.BulkAddDocuments
	}
	st, err := m.ingestInto(ctx, store, add, cf, inputs, *batch)
	m.Log.Info("ingested", "read", st.docs+st.already, "stored", st.stored, "already stored", st.already,
		"duplicates", st.duplicates, "failed", st.failed, "sentences", st.sentences, "mentions", st.mentions)
	if err != nil {
		return err
	}
	if st.failed > 0 {
		return fmt.Errorf("%w: %d failed", errFailed, st.failed)
	}
	return nil
}

// bulkBatch is the documents a bulk load stores by default (about 100,000
// event records): each load rebuilds indexes over the whole database, so
// loads should be large, but the coded documents wait in memory.
const bulkBatch = 10_000

// ingestInto codes the inputs and stores them with add (the store's
// AddDocuments or BulkAddDocuments), batch documents a transaction.
// Documents whose id is already stored are skipped before coding, so a run
// after an interrupted one carries on where it stopped.
func (m *Main) ingestInto(ctx context.Context, store parley.EventStore, add func(context.Context, []parley.CodedDocument) (parley.AddResult, error),
	cf codeFlags, inputs []string, batch int) (ingestStats, error) {
	var st ingestStats
	if batch < 1 {
		batch = 1
	}
	var pending []parley.CodedDocument
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		res, err := add(ctx, pending)
		if err != nil {
			return err
		}
		st.stored += res.Added
		st.duplicates += len(res.Duplicates)
		st.mentions += res.Mentions
		for _, id := range res.Duplicates {
			m.Log.Info("duplicate", "doc", id)
		}
		pending = pending[:0]
		return nil
	}
	notStored := func(d parley.Document) (bool, error) {
		ok, err := store.HasDocument(ctx, d.ID)
		return !ok, err
	}
	var err error
	st.stats, err = m.codeStream(ctx, cf, inputs, notStored, func(r pipeline.Result) error {
		pending = append(pending, parley.CodedDocument{Doc: r.Doc, Events: r.Events, Sentences: r.Sentences})
		if len(pending) >= batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	st.already = st.skipped
	return st, err
}
