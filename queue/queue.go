// Package queue shares the coding of a corpus among many processes on many
// machines through a job queue in PostgreSQL (riverqueue/river), next to the
// event store (store/postgres) in the same database.
//
// Enqueue stores the documents to code as jobs, a batch of documents per
// job, in the job's arguments. Work runs a river client whose workers take
// jobs, code their documents with the given coder (the one parley code
// uses), and then, in one transaction, store the results
// (postgres.EventStore.AddDocumentsTx) and mark the job completed
// (river.JobCompleteTx). A job's results and its completion commit together
// or not at all, so a worker killed mid-job (even by SIGKILL) leaves nothing
// of that job behind; river rescues the job after RescueAfter and another
// worker codes it again. AddDocuments skips documents already stored, so a
// document enqueued twice is stored once. docs/scale.md describes the design
// and its limits.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"parley"
	"parley/pipeline"
	"parley/store/postgres"
)

// Kind is the river job kind of a batch of documents to code.
const Kind = "parley_code"

// CodeArgs are the arguments of a job: the documents to code, as read.
type CodeArgs struct {
	Docs []parley.Document `json:"docs"`
}

// Kind implements river.JobArgs.
func (CodeArgs) Kind() string { return Kind }

// migrateLock is the advisory lock (class, key) that serializes the
// migrations of processes starting at once.
const migrateLock = `SELECT pg_advisory_lock(1885434465, 0)`
const migrateUnlock = `SELECT pg_advisory_unlock(1885434465, 0)`

// Queue is the job queue and the event store in one PostgreSQL database.
type Queue struct {
	Pool  *pgxpool.Pool
	Store *postgres.EventStore
	Log   *slog.Logger
}

// Open connects to the database at url, and creates or migrates the event
// store's tables and river's tables (in the schema the search path names).
func Open(ctx context.Context, url string, log *slog.Logger) (*Queue, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "postgres url: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	q := &Queue{Pool: pool, Log: log}
	if err := q.migrate(ctx, url); err != nil {
		pool.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) migrate(ctx context.Context, url string) error {
	conn, err := q.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, migrateLock); err != nil {
		return fmt.Errorf("lock for migrations: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), migrateUnlock)
	q.Store, err = postgres.Open(ctx, url)
	if err != nil {
		return err
	}
	m, err := rivermigrate.New(riverpgxv5.New(q.Pool), &rivermigrate.Config{Logger: q.Log})
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		q.Store.Close()
		return fmt.Errorf("migrate queue: %w", err)
	}
	return nil
}

// Close closes the store and the pool.
func (q *Queue) Close() {
	q.Store.Close()
	q.Pool.Close()
}

// Enqueue stores each batch of documents as one job and returns the number
// of jobs inserted. Batches are inserted with COPY, all in one transaction.
func (q *Queue) Enqueue(ctx context.Context, batches [][]parley.Document) (int, error) {
	if len(batches) == 0 {
		return 0, nil
	}
	client, err := river.NewClient(riverpgxv5.New(q.Pool), &river.Config{Logger: q.Log})
	if err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	params := make([]river.InsertManyParams, len(batches))
	for i, b := range batches {
		params[i] = river.InsertManyParams{Args: CodeArgs{Docs: b}, InsertOpts: &river.InsertOpts{MaxAttempts: 10}}
	}
	n, err := client.InsertManyFast(ctx, params)
	if err != nil {
		return n, fmt.Errorf("enqueue: %w", err)
	}
	return n, nil
}

// Pending counts the code jobs not yet finished: available, scheduled,
// retryable, or running (possibly on a worker that died and whose job river
// has not rescued yet).
func (q *Queue) Pending(ctx context.Context) (int, error) {
	var n int
	err := q.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = $1
		AND state IN ('available', 'pending', 'running', 'retryable', 'scheduled')`, Kind).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("pending jobs: %w", err)
	}
	return n, nil
}

// Config says how Work runs.
type Config struct {
	// Workers is the number of jobs this process works at once (default 1).
	Workers int
	// JobTimeout cancels a job that runs longer (default 5 minutes).
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before river takes it
	// for dead and runs it again (default JobTimeout + 1 minute). It must
	// not be less than JobTimeout, or a live worker's job may run twice at
	// once (still stored once, but coded twice).
	RescueAfter time.Duration
	// ID names this process in river's tables; "" lets river choose (host
	// name and time). It must be unique among the running workers.
	ID string
	// UntilEmpty stops Work when no code job is pending.
	UntilEmpty bool
	// PollInterval is how often to look for jobs besides river's
	// LISTEN/NOTIFY wake-ups (default 1 s), and for an empty queue.
	PollInterval time.Duration
}

// Stats counts what a Work call did.
type Stats struct {
	Jobs       atomic.Int64 // jobs completed by this process
	Stored     atomic.Int64 // documents stored
	Already    atomic.Int64 // documents found stored before coding
	Duplicates atomic.Int64 // documents skipped by the store as duplicates
	Failed     atomic.Int64 // documents that could not be coded
	Mentions   atomic.Int64 // event records stored
}

// worker codes and stores the documents of one job.
type worker struct {
	river.WorkerDefaults[CodeArgs]
	q       *Queue
	coder   pipeline.Coder
	timeout time.Duration
	stats   *Stats
}

func (w *worker) Timeout(*river.Job[CodeArgs]) time.Duration { return w.timeout }

// Work codes the job's documents, then stores them and completes the job
// in one transaction. Documents already stored are not coded again. A
// document that cannot be coded is logged and left out; the job still
// completes (as parley ingest goes on after a bad document).
func (w *worker) Work(ctx context.Context, job *river.Job[CodeArgs]) error {
	docs := make(chan parley.Document, len(job.Args.Docs))
	for _, d := range job.Args.Docs {
		ok, err := w.q.Store.HasDocument(ctx, d.ID)
		if err != nil {
			return err
		}
		if ok {
			w.stats.Already.Add(1)
			continue
		}
		docs <- d
	}
	close(docs)
	var coded []parley.CodedDocument
	var failed int64
	err := pipeline.Run(ctx, w.coder, 1, docs, func(r pipeline.Result) error {
		if r.Err != nil {
			failed++
			w.q.Log.Error("not coded", "doc", r.Doc.ID, "job", job.ID, "error", r.Err)
			return nil
		}
		coded = append(coded, parley.CodedDocument{Doc: r.Doc, Events: r.Events, Sentences: r.Sentences})
		return nil
	})
	if err != nil {
		return err
	}
	tx, err := w.q.Pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("job %d: begin: %w", job.ID, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	res, err := w.q.Store.AddDocumentsTx(ctx, tx, coded)
	if err != nil {
		return fmt.Errorf("job %d: %w", job.ID, err)
	}
	if _, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job); err != nil {
		return fmt.Errorf("job %d: complete: %w", job.ID, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("job %d: commit: %w", job.ID, err)
	}
	w.stats.Jobs.Add(1)
	w.stats.Stored.Add(int64(res.Added))
	w.stats.Duplicates.Add(int64(len(res.Duplicates)))
	w.stats.Mentions.Add(int64(res.Mentions))
	w.stats.Failed.Add(failed)
	return nil
}

// Work runs a river client that codes jobs with coder until ctx is done
// (or, with UntilEmpty, until no job is pending). On return the jobs it
// had taken are finished, or, when they did not finish within JobTimeout
// of ctx ending, cancelled and left for another worker.
func (q *Queue) Work(ctx context.Context, coder pipeline.Coder, cfg Config, stats *Stats) error {
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = 5 * time.Minute
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = cfg.JobTimeout + time.Minute
	}
	if cfg.RescueAfter < cfg.JobTimeout {
		return parley.Errorf(parley.EINVALID, "rescue-after (%s) must not be less than the job timeout (%s)", cfg.RescueAfter, cfg.JobTimeout)
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if stats == nil {
		stats = &Stats{}
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &worker{q: q, coder: coder, timeout: cfg.JobTimeout, stats: stats}); err != nil {
		return err
	}
	client, err := river.NewClient(riverpgxv5.New(q.Pool), &river.Config{
		ID:                   cfg.ID,
		Logger:               q.Log,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchPollInterval:    cfg.PollInterval,
	})
	if err != nil {
		return fmt.Errorf("work: %w", err)
	}
	// The client runs on its own context so that ending ctx stops it
	// gracefully (Stop) instead of cancelling the jobs at once.
	if err := client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("work: start: %w", err)
	}
	var werr error
	if cfg.UntilEmpty {
		werr = q.waitEmpty(ctx, cfg.PollInterval)
	} else {
		<-ctx.Done()
	}
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.JobTimeout)
	defer cancel()
	if err := client.Stop(stopCtx); err != nil {
		q.Log.Warn("jobs did not finish in time; cancelling them", "error", err)
		hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := client.StopAndCancel(hard); err != nil && werr == nil {
			werr = fmt.Errorf("work: stop: %w", err)
		}
	}
	if werr != nil && !errors.Is(werr, context.Canceled) {
		return werr
	}
	return nil
}

// waitEmpty returns when no job is pending, or when ctx ends.
func (q *Queue) waitEmpty(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		n, err := q.Pending(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if n == 0 {
			return nil
		}
	}
}
