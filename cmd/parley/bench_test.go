package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// BenchmarkCodeDevbench is `parley code` end to end over
// ../shared/bench/devbench.jsonl: load the dictionaries and gazetteer, read,
// split, tag, code, geolocate and write JSON lines to a file, with as many
// workers as GOMAXPROCS. On one core:
//
//	go test -run - -bench CodeDevbench -cpu 1 -benchtime 3x ./cmd/parley
func BenchmarkCodeDevbench(b *testing.B) {
	const path = "../../../shared/bench/devbench.jsonl"
	if _, err := os.Stat(path); err != nil {
		b.Skip("devbench not present")
	}
	tuneGC()
	m := &Main{Stdin: os.Stdin, Stdout: io.Discard, Stderr: io.Discard, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	out := filepath.Join(b.TempDir(), "events.jsonl")
	sents := 0
	for i := 0; i < b.N; i++ {
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		st, err := m.codeTo(context.Background(), codeFlags{workers: runtime.GOMAXPROCS(0)}, []string{path}, f, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
		sents += st.sentences
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}
