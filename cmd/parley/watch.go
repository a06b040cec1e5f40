package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"parley/ingest"
	"parley/watch"
)

// runWatch polls the feeds of a list on an interval and codes and stores
// the new articles (package watch does one poll). It stops cleanly when ctx
// is cancelled (SIGINT, SIGTERM): the poll under way stores what it has
// fetched and saves its state, and the run returns nil.
func (m *Main) runWatch(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var cf codeFlags
	fs.StringVar(&cf.dict, "dict", "", "directory of dictionaries to use instead of the built-in ones")
	cf.peer.register(fs)
	db := fs.String("db", "", "database: a SQLite file (created if missing) or a postgres:// URL")
	feedsPath := fs.String("feeds", "", "feed list: one feed URL a line, # comments, optional source=NAME fetch=always|auto|never")
	statePath := fs.String("state", "", "state file (validators and items taken); default DB.watch.json, required for postgres")
	interval := fs.Duration("interval", 15*time.Minute, "time between the starts of two polls")
	once := fs.Bool("once", false, "poll every feed once, store what is new and exit")
	hostInterval := fs.Duration("host-interval", ingest.DefaultHostInterval, "least time between two requests to one host")
	timeout := fs.Duration("timeout", ingest.DefaultFetchTimeout, "timeout of one request")
	batch := fs.Int("batch", watch.DefaultBatch, "documents stored per transaction")
	anyLang := fs.Bool("any-language", false, "store articles in any language (default: English only)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("%w: watch takes no arguments (got %q)", errUsage, fs.Args())
	case *feedsPath == "":
		return fmt.Errorf("%w: --feeds is required", errUsage)
	case *db == "":
		return fmt.Errorf("%w: --db is required", errUsage)
	case *interval < time.Second:
		return fmt.Errorf("%w: --interval %v is under a second", errUsage, *interval)
	}
	if *statePath == "" {
		if strings.HasPrefix(*db, "postgres://") || strings.HasPrefix(*db, "postgresql://") {
			return fmt.Errorf("%w: --state FILE is required with a postgres database", errUsage)
		}
		*statePath = *db + ".watch.json"
	}
	feeds, err := watch.ReadFeeds(*feedsPath)
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if len(feeds) == 0 {
		return fmt.Errorf("%w: %s lists no feeds", errUsage, *feedsPath)
	}
	state, err := watch.LoadState(*statePath)
	if err != nil {
		return err
	}
	coder, err := m.pickCoder(cf)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	hi := *hostInterval
	if hi == 0 {
		hi = -1 // FetchOptions: negative is no wait, zero the default
	}
	p := &watch.Poller{
		Store:       store,
		Coder:       coder,
		Fetcher:     ingest.NewFetcher(ingest.FetchOptions{Timeout: *timeout, HostInterval: hi}),
		State:       state,
		StatePath:   *statePath,
		Batch:       *batch,
		AnyLanguage: *anyLang,
		Report: func(err error) {
			if errors.Is(err, ingest.ErrNotEnglish) {
				m.Log.Warn("skipped", "error", err)
				return
			}
			m.Log.Error("watch", "error", err)
		},
	}
	m.Log.Info("watching", "feeds", len(feeds), "interval", interval.String(), "state", *statePath, "once", *once)

	ticker := time.NewTicker(*interval)
	defer ticker.Stop()
	for {
		start := time.Now()
		st, err := p.Poll(ctx, feeds)
		m.Log.Info("polled", "feeds", st.Feeds, "not_modified", st.NotModified, "new", st.New,
			"stored", st.Stored, "duplicates", st.Duplicates, "errors", st.Errors, "gave_up", st.GaveUp,
			"not_english", st.NotEnglish, "mentions", st.Mentions, "took", time.Since(start).Round(time.Millisecond).String())
		if ctx.Err() != nil {
			if err != nil && !errors.Is(err, ctx.Err()) {
				return err
			}
			m.Log.Info("stopped", "reason", context.Cause(ctx))
			return nil
		}
		if err != nil {
			return err
		}
		if *once {
			if st.Errors > 0 {
				return fmt.Errorf("%w: %d feeds or articles failed", errFailed, st.Errors)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			m.Log.Info("stopped", "reason", context.Cause(ctx))
			return nil
		case <-ticker.C:
		}
		// Re-read the list so that edits take effect without a restart.
		if fresh, err := watch.ReadFeeds(*feedsPath); err != nil {
			m.Log.Error("feed list not re-read; keeping the previous one", "error", err)
		} else {
			feeds = fresh
		}
	}
}
