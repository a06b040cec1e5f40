// Command parley codes news into political events (CAMEO and PLOVER) with the
// evidence for every record.
//
//	parley code [--date YYYY-MM-DD] [-o FILE] [--dict DIR] [INPUT...]
//	parley eval --gold GOLD.jsonl [--explain] DOCS...
//	parley bench [--workers N] FILE
//	parley demo
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
)

// errFailed marks a run that finished but had documents it could not code;
// the exit status is 1.
var errFailed = errors.New("some documents could not be coded")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case errors.Is(err, errUsage):
		fmt.Fprintln(m.Stderr, "parley:", err)
		os.Exit(2)
	case errors.Is(err, errFailed):
		fmt.Fprintln(m.Stderr, "parley:", err)
		os.Exit(1)
	default:
		fmt.Fprintln(m.Stderr, "parley:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// Main holds what a run needs; tests build one with their own streams.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
}

// NewMain returns a Main on the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
}

const usage = `parley codes news into political events (CAMEO, PLOVER).

Commands:
  code    code documents into event records (JSON lines)
  eval    code documents and score them against a gold file
  bench   measure coding speed on a file of documents
  demo    store the built-in sample articles, serve the dashboard and print its URL
  validate run TABARI's or PETRARCH's validation suite (--tabari PROJECT | --petrarch RECORDS.xml)
  ingest  code documents and store them in a database (--db PATH or postgres://...)
  serve   serve the JSON API and the dashboard of a database
  export  write a database's events as gdelt, plover, csv or jsonl
  enqueue store documents as jobs in a PostgreSQL queue (--db postgres://...) for parley work
  work    code the queue's jobs and store the events, on as many machines as you like
  watch   poll feeds on an interval, code and store new articles (--db PATH --feeds FILE [--once])

Run 'parley COMMAND -h' for a command's flags.
`

// Run runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	switch args[0] {
	case "code":
		return m.runCode(ctx, args[1:])
	case "eval":
		return m.runEval(ctx, args[1:])
	case "bench":
		return m.runBench(ctx, args[1:])
	case "demo":
		return m.runDemo(ctx, args[1:])
	case "validate":
		return m.runValidate(ctx, args[1:])
	case "ingest":
		return m.runIngest(ctx, args[1:])
	case "serve":
		return m.runServe(ctx, args[1:])
	case "export":
		return m.runExport(ctx, args[1:])
	case "enqueue":
		return m.runEnqueue(ctx, args[1:])
	case "work":
		return m.runWork(ctx, args[1:])
	case "watch":
		return m.runWatch(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

// parseFlags parses a command's flags wherever they stand among its
// arguments ("parley eval --gold g.jsonl docs.jsonl --explain"), as users
// write them; the standard parser stops at the first file. A "-" alone is
// standard input, and after "--" everything is a file.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if slices.Contains(args, "--") {
		return fs.Parse(args)
	}
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		i := 0
		for i < len(rest) && (rest[i] == "-" || !strings.HasPrefix(rest[i], "-")) {
			i++
		}
		files = append(files, rest[:i]...)
		if i == len(rest) {
			return fs.Parse(files) // no flags left: the files are the arguments
		}
		args = rest[i:]
	}
}
