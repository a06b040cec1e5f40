package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"

	"parley"
	"parley/ingest"
	"parley/queue"
)

// queueURL checks that a --db value is a PostgreSQL URL: the job queue
// lives in PostgreSQL.
func queueURL(db string) error {
	if db == "" {
		return fmt.Errorf("%w: --db postgres://... is required", errUsage)
	}
	if !strings.HasPrefix(db, "postgres://") && !strings.HasPrefix(db, "postgresql://") {
		return fmt.Errorf("%w: --db must be a postgres:// URL: the job queue is in PostgreSQL", errUsage)
	}
	return nil
}

// runEnqueue reads documents and stores them as jobs for parley work.
func (m *Main) runEnqueue(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("enqueue", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := fs.String("db", "", "PostgreSQL URL of the queue and the event store")
	date := fs.String("date", "", "date (YYYY-MM-DD) for documents without one (text files, stdin)")
	batch := fs.Int("batch", 16, "documents per job")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := queueURL(*db); err != nil {
		return err
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	if *batch < 1 {
		*batch = 1
	}
	q, err := queue.Open(ctx, *db, m.Log)
	if err != nil {
		return err
	}
	defer q.Close()
	var (
		jobs, docs, already, failed int
		cur                         []parley.Document
		batches                     [][]parley.Document
	)
	flush := func(force bool) error {
		if len(cur) > 0 && (len(cur) >= *batch || force) {
			batches = append(batches, cur)
			cur = nil
		}
		if len(batches) == 0 || (len(batches) < 256 && !force) {
			return nil
		}
		n, err := q.Enqueue(ctx, batches)
		jobs += n
		batches = nil
		return err
	}
	err = ingest.Read(ctx, inputs, ingest.Options{DefaultDate: *date, Stdin: m.Stdin},
		func(d parley.Document) error {
			ok, err := q.Store.HasDocument(ctx, d.ID)
			if err != nil {
				return err
			}
			if ok {
				already++
				return nil
			}
			docs++
			cur = append(cur, d)
			return flush(false)
		},
		func(err error) {
			if !errors.Is(err, ingest.ErrNotEnglish) {
				failed++
			}
			m.Log.Warn("skipped", "error", err)
		})
	if err == nil {
		err = flush(true)
	}
	m.Log.Info("enqueued", "jobs", jobs, "documents", docs, "already stored", already, "failed", failed)
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d failed", errFailed, failed)
	}
	return nil
}

// runWork codes the queue's jobs and stores the results.
func (m *Main) runWork(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("work", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var cf codeFlags
	cf.register(fs) // --workers here counts jobs worked at once
	db := fs.String("db", "", "PostgreSQL URL of the queue and the event store")
	enqueue := fs.Bool("enqueue", false, "first enqueue the INPUT arguments (as parley enqueue does)")
	batch := fs.Int("batch", 16, "with --enqueue: documents per job")
	var cfg queue.Config
	fs.DurationVar(&cfg.JobTimeout, "job-timeout", 0, "cancel a job that runs longer (default 5m)")
	fs.DurationVar(&cfg.RescueAfter, "rescue-after", 0, "run a job again when it has been running this long, its worker presumed dead (default job timeout + 1m)")
	fs.DurationVar(&cfg.PollInterval, "poll", 0, "how often to look for jobs and, with --until-empty, for an empty queue (default 1s)")
	fs.StringVar(&cfg.ID, "id", "", "this worker's unique name in the queue's tables (default: host name and time)")
	fs.BoolVar(&cfg.UntilEmpty, "until-empty", false, "stop when no job is pending instead of waiting for more")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := queueURL(*db); err != nil {
		return err
	}
	if *enqueue {
		eargs := []string{"--db", *db, "--batch", fmt.Sprint(*batch)}
		if cf.date != "" {
			eargs = append(eargs, "--date", cf.date)
		}
		if err := m.runEnqueue(ctx, append(eargs, fs.Args()...)); err != nil {
			return err
		}
	} else if fs.NArg() > 0 {
		return fmt.Errorf("%w: work takes inputs only with --enqueue", errUsage)
	}
	cfg.Workers = cf.workers
	if cfg.Workers < 1 {
		cfg.Workers = runtime.NumCPU()
	}
	coder, err := m.pickCoder(cf)
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, *db, m.Log)
	if err != nil {
		return err
	}
	defer q.Close()
	var st queue.Stats
	m.Log.Info("working", "id", cfg.ID, "workers", cfg.Workers)
	err = q.Work(ctx, coder, cfg, &st)
	m.Log.Info("worked", "jobs", st.Jobs.Load(), "stored", st.Stored.Load(), "already stored", st.Already.Load(),
		"duplicates", st.Duplicates.Load(), "failed", st.Failed.Load(), "mentions", st.Mentions.Load())
	return err
}
