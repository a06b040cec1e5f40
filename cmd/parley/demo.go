package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"parley"
	"parley/data"
	"parley/server"
	"parley/store/sqlite"
)

// runDemo stores the built-in sample articles in a temporary SQLite
// database, prints what was coded, then serves the dashboard on it and
// prints its URL (until interrupted). With --no-serve it stops after the
// summary.
func (m *Main) runDemo(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve the dashboard on")
	noServe := fs.Bool("no-serve", false, "print the coded summary and exit without serving")
	dbPath := fs.String("db", "", "SQLite file to use (default: a temporary one, removed at exit)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "parley-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	samples, err := data.FS.ReadFile("samples/articles.jsonl")
	if err != nil {
		return fmt.Errorf("read samples: %w", err)
	}
	input := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(input, samples, 0o600); err != nil {
		return err
	}
	path := *dbPath
	if path == "" {
		path = filepath.Join(dir, "demo.db")
	}
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := m.ingestInto(ctx, store, store.AddDocuments, codeFlags{workers: runtime.NumCPU()}, []string{input}, 64)
	if err != nil {
		return err
	}
	if err := m.demoSummary(ctx, store); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\n%d articles, %d sentences, %d event mentions stored in %s\n", st.stored+st.already, st.sentences, st.mentions, path)
	if *noServe {
		fmt.Fprintln(m.Stdout, "Code your own articles with: parley ingest --db events.db FILE.jsonl && parley serve --db events.db")
		return nil
	}
	srv := server.New(store, nil, "", m.Log)
	return m.serve(ctx, srv, *addr, func(url string) {
		fmt.Fprintf(m.Stdout, "\nparley demo: dashboard at %s  (Ctrl-C to stop)\n", url)
	})
}

// demoSummary prints every stored event, newest first, with its evidence.
func (m *Main) demoSummary(ctx context.Context, store parley.EventStore) error {
	f := parley.EventFilter{Limit: parley.MaxLimit}
	for {
		evs, next, err := store.FindEvents(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range evs {
			neg := ""
			if e.Negated {
				neg = " NOT"
			}
			src, tgt := "-", "-"
			if e.Source != nil {
				src = e.Source.Code
			}
			if e.Target != nil {
				tgt = e.Target.Code
			}
			fmt.Fprintf(m.Stdout, "%-10s %-9s %-5s%s %-9s %-9s x%d  %s\n", e.Date, src, e.CAMEO, neg, tgt, e.PLOVER.Type, e.NumMentions, clip(e.Text, 70))
		}
		if next == "" {
			return nil
		}
		f.Cursor = next
	}
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
