package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"parley"
	"parley/ingest"
	"parley/internal/progress"
	"parley/pipeline"
)

// codeFlags are the flags shared by the commands that code documents.
type codeFlags struct {
	date    string
	dict    string
	workers int
	peer    peerFlags // --dict-format etc., in peer.go
}

func (c *codeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.date, "date", "", "date (YYYY-MM-DD) for documents without one (text files, stdin)")
	fs.StringVar(&c.dict, "dict", "", "directory of dictionaries to use instead of the built-in ones")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "documents coded at once")
	c.peer.register(fs)
}

// stats counts what a run did.
type stats struct {
	docs, failed, sentences, events, discarded int
	bytes                                      int64
	notEnglish                                 int // documents skipped by the language gate
	skipped                                    int // documents keep refused (already stored)
}

// codeStream reads the inputs, codes the documents keep accepts (every
// document when keep is nil) and calls each with every result, in input
// order. Problems with single documents are logged and counted.
func (m *Main) codeStream(ctx context.Context, cf codeFlags, inputs []string, keep func(parley.Document) (bool, error), each func(pipeline.Result) error) (stats, error) {
	var st stats
	coder, err := m.pickCoder(cf)
	if err != nil {
		return st, err
	}
	docs := make(chan parley.Document, 64)
	readErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The reader goroutine counts into rd, merged into st once readErr has
	// been received: the two goroutines never share a counter.
	var rd stats
	go func() {
		defer close(docs)
		readErr <- ingest.Read(ctx, inputs, ingest.Options{DefaultDate: cf.date, Stdin: m.Stdin},
			func(d parley.Document) error {
				if keep != nil {
					ok, err := keep(d)
					if err != nil {
						return err
					}
					if !ok {
						rd.skipped++
						return nil
					}
				}
				select {
				case docs <- d:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			},
			func(err error) {
				if errors.Is(err, ingest.ErrNotEnglish) {
					rd.notEnglish++ // the gate working, not a failure
					m.Log.Warn("skipped", "error", err)
					return
				}
				rd.failed++
				m.Log.Error("skipped", "error", err)
			})
	}()
	meter := progress.New(m.Stderr, progress.InputBytes(inputs), m.Log)
	defer meter.Close()
	err = pipeline.Run(ctx, coder, cf.workers, docs, func(r pipeline.Result) error {
		meter.Add(int64(len(r.Doc.Text)+len(r.Doc.Title)), r.Sentences, len(r.Events))
		st.docs++
		st.bytes += int64(len(r.Doc.Text) + len(r.Doc.Title))
		if r.Err != nil {
			st.failed++
			m.Log.Error("not coded", "doc", r.Doc.ID, "origin", r.Doc.Origin, "error", r.Err)
			return nil
		}
		st.sentences += r.Sentences
		st.discarded += r.Discarded
		st.events += len(r.Events)
		return each(r)
	})
	if err != nil {
		cancel()
	}
	rerr := <-readErr
	st.failed += rd.failed
	st.notEnglish += rd.notEnglish
	st.skipped += rd.skipped
	if err != nil {
		return st, err
	}
	return st, rerr
}

// codeTo codes the inputs and writes the events with at least minConf
// confidence to w as JSON lines.
func (m *Main) codeTo(ctx context.Context, cf codeFlags, inputs []string, w io.Writer, minConf float64) (stats, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var line []byte
	st, err := m.codeStream(ctx, cf, inputs, nil, func(r pipeline.Result) error {
		for i := range r.Events {
			if r.Events[i].Confidence < minConf {
				continue
			}
			// the bytes of a json.Encoder without HTML escapes, a third of its time
			var err error
			if line, err = r.Events[i].AppendJSON(line[:0]); err != nil {
				return fmt.Errorf("write events: event %s: %w", r.Events[i].ID, err)
			}
			line = append(parley.UnescapeHTML(line), '\n')
			if _, err := bw.Write(line); err != nil {
				return fmt.Errorf("write events: %w", err)
			}
		}
		return nil
	})
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write events: %w", ferr)
	}
	return st, err
}

func (m *Main) runCode(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var cf codeFlags
	cf.register(fs)
	outPath := fs.String("o", "", "write events to FILE instead of standard output")
	minConf := fs.Float64("min-confidence", 0, "drop events with a lower confidence")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) to FILE")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tuneGC()
	stopProfile, err := startProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	var w io.Writer = m.Stdout
	var f *os.File
	if *outPath != "" {
		var err error
		if f, err = os.Create(*outPath); err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		w = f
	}
	st, err := m.codeTo(ctx, cf, inputs, w, *minConf)
	if f != nil {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write events: %w", cerr)
		}
	}
	if err != nil {
		return err
	}
	m.Log.Info("coded", "documents", st.docs, "failed", st.failed, "sentences", st.sentences, "discarded_sentences", st.discarded, "events", st.events, "not_english", st.notEnglish)
	if st.failed > 0 {
		return fmt.Errorf("%w: %d failed", errFailed, st.failed)
	}
	return nil
}
