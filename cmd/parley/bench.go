package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"syscall"
	"time"

	"parley"
	"parley/ingest"
	"parley/pipeline"
)

func (m *Main) runBench(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	workers := fs.Int("workers", 1, "documents coded at once (GOMAXPROCS is set to the same)")
	dict := fs.String("dict", "", "directory of dictionaries to use instead of the built-in ones")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) of the coding to FILE")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: parley bench FILE", errUsage)
	}
	tuneGC()
	runtime.GOMAXPROCS(*workers)
	t0 := time.Now()
	coder, err := loadCoder(*dict, m.Log)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	var docs []parley.Document
	var bytes int64
	err = ingest.Read(ctx, fs.Args(), ingest.Options{DefaultDate: "2020-01-01"}, func(d parley.Document) error {
		docs = append(docs, d)
		bytes += int64(len(d.Text) + len(d.Title))
		return nil
	}, func(err error) { m.Log.Warn("skipped", "error", err) })
	if err != nil {
		return err
	}
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for _, d := range docs {
			in <- d
		}
	}()
	var sents, events int
	stopProfile, err := startProfile(*cpuProfile)
	if err != nil {
		return err
	}
	t1 := time.Now()
	err = pipeline.Run(ctx, coder, *workers, in, func(r pipeline.Result) error {
		sents += r.Sentences
		events += len(r.Events)
		return nil
	})
	el := time.Since(t1).Seconds()
	stopProfile()
	if err != nil {
		return err
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(m.Stdout, "workers      %d\n", *workers)
	fmt.Fprintf(m.Stdout, "load         %.0f ms (dictionaries and models)\n", load.Seconds()*1000)
	fmt.Fprintf(m.Stdout, "documents    %d in %.2f s: %.0f docs/s\n", len(docs), el, float64(len(docs))/el)
	fmt.Fprintf(m.Stdout, "sentences    %d: %.0f sentences/s\n", sents, float64(sents)/el)
	fmt.Fprintf(m.Stdout, "text         %.2f MB: %.2f MB/s\n", float64(bytes)/1e6, float64(bytes)/1e6/el)
	fmt.Fprintf(m.Stdout, "events       %d\n", events)
	fmt.Fprintf(m.Stdout, "peak memory  %.0f MB (max RSS)\n", float64(ru.Maxrss)/1024)
	return nil
}
