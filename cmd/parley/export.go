package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"parley"
	"parley/export"
)

func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := fs.String("db", "", "database: a SQLite file or a postgres:// URL")
	format := fs.String("format", "jsonl", "output format: "+strings.Join(export.Formats, ", "))
	out := fs.String("o", "", "write to FILE instead of standard output")
	var f parley.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "only events with an actor code starting so")
	fs.StringVar(&f.Country, "country", "", "only events with this ISO3 country (source, target or location)")
	fs.StringVar(&f.CAMEO, "cameo", "", "only events with a CAMEO code starting so")
	fs.StringVar(&f.From, "from", "", "only events on or after YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "only events on or before YYYY-MM-DD")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: export takes no arguments", errUsage)
	}
	var w io.Writer = m.Stdout
	var file *os.File
	if *out != "" {
		var err error
		if file, err = os.Create(*out); err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	ew, err := export.New(*format, bw)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := export.All(ctx, store, f, ew)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	m.Log.Info("exported", "events", n, "format", *format)
	return nil
}
