package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"parley"
	"parley/eval"
	"parley/pipeline"
)

func (m *Main) runEval(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var cf codeFlags
	cf.register(fs)
	goldPath := fs.String("gold", "", "gold events (JSON lines, ../shared/gold/FORMAT.md)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	minConf := fs.Float64("min-confidence", 0, "drop events with a lower confidence")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *goldPath == "" || fs.NArg() == 0 {
		return fmt.Errorf("%w: parley eval --gold GOLD.jsonl DOCS...", errUsage)
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return fmt.Errorf("open gold: %w", err)
	}
	gold, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read gold %s: %w", *goldPath, err)
	}
	var docs []parley.Document
	var events []parley.Event
	_, err = m.codeStream(ctx, cf, fs.Args(), func(r pipeline.Result) error {
		docs = append(docs, r.Doc)
		for _, e := range r.Events {
			if e.Confidence >= *minConf {
				events = append(events, e)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	rep := eval.Score(gold, docs, events)
	if *asJSON {
		return rep.WriteJSON(m.Stdout)
	}
	return rep.WriteText(m.Stdout)
}
