package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"parley/pipeline"
	"parley/server"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := fs.String("db", "", "database: a SQLite file or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	tokenFile := fs.String("token-file", "", "file holding the bearer token that enables POST /api/documents (default: $PARLEY_API_TOKEN; none: read-only)")
	dict := fs.String("dict", "", "directory of dictionaries for coding posted documents")
	workers := fs.Int("workers", 2, "documents coded at once for POST /api/documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	token := os.Getenv("PARLEY_API_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("read token: %w", err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token != "" && len(token) < 16 {
		return fmt.Errorf("%w: the token must have at least 16 characters", errUsage)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	var coder pipeline.Coder
	if token != "" {
		c, err := loadCoder(*dict, m.Log)
		if err != nil {
			return err
		}
		coder = c
	}
	srv := server.New(store, coder, token, m.Log)
	srv.Workers = *workers
	return m.serve(ctx, srv, *addr, func(url string) {
		m.Log.Info("serving", "url", url, "writes", token != "")
		fmt.Fprintf(m.Stdout, "parley: dashboard at %s\n", url)
	})
}

// serve listens on addr, calls ready with the dashboard's URL, and serves
// until ctx is done, then shuts down gracefully.
func (m *Main) serve(ctx context.Context, h http.Handler, addr string, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	ready("http://" + ln.Addr().String() + "/")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
