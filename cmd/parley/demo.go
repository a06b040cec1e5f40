package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"strings"

	"parley"
	"parley/data"
	"parley/ingest"
	"parley/pipeline"
)

// runDemo codes the built-in sample articles and prints what it found, each
// event with its evidence.
func (m *Main) runDemo(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	coder, err := loadCoder("", m.Log)
	if err != nil {
		return err
	}
	f, err := data.FS.Open("samples/articles.jsonl")
	if err != nil {
		return fmt.Errorf("open samples: %w", err)
	}
	defer f.Close()
	docs := make(chan parley.Document)
	go func() {
		defer close(docs)
		_ = ingest.ReadJSONLines(ctx, f, "samples/articles.jsonl", ingest.Options{}, func(d parley.Document) error {
			select {
			case docs <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(err error) { m.Log.Error("sample", "error", err) })
	}()
	total := 0
	err = pipeline.Run(ctx, coder, runtime.NumCPU(), docs, func(r pipeline.Result) error {
		if r.Err != nil {
			return r.Err
		}
		fmt.Fprintf(m.Stdout, "\n%s  %s  (%s)\n", r.Doc.Date, r.Doc.Title, r.Doc.ID)
		for _, e := range r.Events {
			total++
			neg := ""
			if e.Negated {
				neg = " NOT"
			}
			tgt := "-"
			if e.Target != nil {
				tgt = e.Target.Code
			}
			fmt.Fprintf(m.Stdout, "  %s %-9s %-5s%s %-9s %-10s %s\n", e.Date, e.Source.Code, e.CAMEO, neg, tgt, e.PLOVER.Type, clip(e.Text, 70))
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\n%d events. Code your own articles with: parley code FILE.jsonl\n", total)
	return nil
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
