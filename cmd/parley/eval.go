package main

import (
	"archive/zip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parley"
	"parley/eval"
	"parley/pipeline"
)

// evalReport is what every gold format's scorer returns.
type evalReport interface {
	WriteSummary(io.Writer) error // the figures
	WriteText(io.Writer) error    // the figures and every miss and false alarm
	WriteJSON(io.Writer) error
}

const evalUsage = "parley eval [--gold-format parley] --gold GOLD.jsonl DOCS... | " +
	"parley eval --gold-format plover|conflibert|petrarch|ngec --gold FILE"

// runEval scores coded events against a gold set. With --gold-format parley
// (the default) the gold is JSON lines of events (FORMAT.md) and the
// documents are given as arguments; with plover, conflibert or petrarch the
// gold file holds the documents too, one a record or sentence, and they are
// coded in memory.
func (m *Main) runEval(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var cf codeFlags
	cf.register(fs)
	goldPath := fs.String("gold", "", "gold file (see --gold-format)")
	format := fs.String("gold-format", "parley", "gold format: parley (JSON lines of events, ../shared/gold/FORMAT.md), plover (PLOVER GSR), conflibert (ConfliBERT CAMEO TSV) petrarch (UniversalPetrarch validation XML) or ngec (NGEC's document-level PLOVER CSV, or a .zip holding one)")
	explain := fs.Bool("explain", false, "list every miss and false alarm with its sentence, actors and rule (always on for --gold-format parley)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	minConf := fs.Float64("min-confidence", 0, "drop events with a lower confidence")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: %s", errUsage, evalUsage)
	}
	var (
		rep evalReport
		err error
	)
	switch *format {
	case "parley":
		if fs.NArg() == 0 {
			return fmt.Errorf("%w: %s", errUsage, evalUsage)
		}
		rep, err = m.evalParley(ctx, cf, *goldPath, fs.Args(), *minConf)
	case "plover", "conflibert", "petrarch", "ngec":
		if fs.NArg() > 0 {
			return fmt.Errorf("%w: --gold-format %s takes its documents from the gold file, not arguments", errUsage, *format)
		}
		rep, err = m.evalSet(ctx, cf, *format, *goldPath, *minConf)
	default:
		return fmt.Errorf("%w: unknown --gold-format %q (parley, plover, conflibert, petrarch, ngec)", errUsage, *format)
	}
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		return rep.WriteJSON(m.Stdout)
	case *explain || *format == "parley":
		// A gold file of events is short: list every miss, wrong code,
		// date or place, and false alarm. The other sets are hundreds of
		// records, listed with --explain.
		return rep.WriteText(m.Stdout)
	}
	return rep.WriteSummary(m.Stdout)
}

// evalParley codes the documents named by inputs and scores them against a
// gold file of events.
func (m *Main) evalParley(ctx context.Context, cf codeFlags, goldPath string, inputs []string, minConf float64) (evalReport, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return nil, fmt.Errorf("open gold: %w", err)
	}
	gold, err := eval.ReadGold(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", goldPath, err)
	}
	var docs []parley.Document
	var events []parley.Event
	_, err = m.codeStream(ctx, cf, inputs, nil, func(r pipeline.Result) error {
		docs = append(docs, r.Doc)
		events = append(events, keepConfident(r.Events, minConf)...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return eval.Score(gold, docs, events), nil
}

// evalSet reads a gold set that holds its own documents (plover, conflibert
// or petrarch), codes them and scores them. Bad records are logged and
// skipped; the gold must yield at least one document.
func (m *Main) evalSet(ctx context.Context, cf codeFlags, format, goldPath string, minConf float64) (evalReport, error) {
	f, err := openGold(goldPath)
	if err != nil {
		return nil, fmt.Errorf("open gold: %w", err)
	}
	defer f.Close()
	var (
		docs  []parley.Document
		score func([]parley.Event) evalReport
	)
	switch format {
	case "plover":
		recs, rerr := eval.ReadPLOVER(f)
		docs, err = docsOf(recs), rerr
		score = func(evs []parley.Event) evalReport { return eval.ScorePLOVER(recs, evs) }
	case "conflibert":
		recs, rerr := eval.ReadConfliBERT(f, "confli-train")
		docs, err = docsOf(recs), rerr
		score = func(evs []parley.Event) evalReport { return eval.ScoreConfliBERT(recs, evs) }
	case "petrarch":
		recs, rerr := eval.ReadPetrarch(f)
		docs, err = docsOf(recs), rerr
		score = func(evs []parley.Event) evalReport { return eval.ScorePetrarch(recs, evs) }
	case "ngec":
		recs, rerr := eval.ReadNGEC(f)
		docs, err = docsOf(recs), rerr
		score = func(evs []parley.Event) evalReport { return eval.ScoreNGEC(recs, evs) }
	}
	if err != nil {
		m.Log.Warn("gold records skipped", "gold", goldPath, "error", err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("read gold %s: no %s records", goldPath, format)
	}
	events, st, err := m.codeDocs(ctx, cf, docs)
	if err != nil {
		return nil, err
	}
	m.Log.Info("coded", "documents", st.docs, "failed", st.failed, "sentences", st.sentences, "events", st.events)
	return score(keepConfident(events, minConf)), nil
}

// docsOf returns the documents of a gold set's records.
func docsOf[R interface{ Doc() parley.Document }](recs []R) []parley.Document {
	docs := make([]parley.Document, 0, len(recs))
	for _, r := range recs {
		docs = append(docs, r.Doc())
	}
	return docs
}

// openGold opens a gold file; a .zip gives its one file (NGEC ships its
// stories zipped).
func openGold(path string) (io.ReadCloser, error) {
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		return os.Open(path)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	var files []*zip.File
	for _, f := range z.File {
		if !f.FileInfo().IsDir() && !strings.HasPrefix(filepath.Base(f.Name), ".") && !strings.HasPrefix(f.Name, "__MACOSX/") {
			files = append(files, f)
		}
	}
	if len(files) != 1 {
		z.Close()
		return nil, fmt.Errorf("%s: %w: want one file in the zip, found %d", path, parley.Errorf(parley.EINVALID, "bad archive"), len(files))
	}
	r, err := files[0].Open()
	if err != nil {
		z.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return zipFile{r, z}, nil
}

// zipFile is a file in a zip archive that closes the archive with it.
type zipFile struct {
	io.ReadCloser
	z *zip.ReadCloser
}

func (f zipFile) Close() error { return errors.Join(f.ReadCloser.Close(), f.z.Close()) }

// codeDocs codes documents held in memory through the same pipeline as
// codeStream and returns their events in document order. A document that
// cannot be coded is logged and counted, and has no events (so it scores
// as wrong).
func (m *Main) codeDocs(ctx context.Context, cf codeFlags, docs []parley.Document) ([]parley.Event, stats, error) {
	var st stats
	coder, err := m.pickCoder(cf)
	if err != nil {
		return nil, st, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan parley.Document, 64)
	go func() {
		defer close(in)
		for _, d := range docs {
			select {
			case in <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	var events []parley.Event
	err = pipeline.Run(ctx, coder, cf.workers, in, func(r pipeline.Result) error {
		st.docs++
		if r.Err != nil {
			st.failed++
			m.Log.Error("not coded", "doc", r.Doc.ID, "error", r.Err)
			return nil
		}
		st.sentences += r.Sentences
		st.events += len(r.Events)
		events = append(events, r.Events...)
		return nil
	})
	return events, st, err
}

// keepConfident returns the events with at least the given confidence.
func keepConfident(evs []parley.Event, minConf float64) []parley.Event {
	if minConf <= 0 {
		return evs
	}
	var kept []parley.Event
	for _, e := range evs {
		if e.Confidence >= minConf {
			kept = append(kept, e)
		}
	}
	return kept
}
