// Package pgtest gives tests and benchmarks a PostgreSQL server: the one
// $PARLEY_POSTGRES_URL names, or one it starts in a temporary directory with
// initdb and pg_ctl on a free loopback port (as the user postgres when run
// as root, since PostgreSQL refuses root). It is the helper of
// store/postgres's tests, shared.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a PostgreSQL server for tests.
type Server struct {
	// URL is the base URL (database postgres, user postgres).
	URL string
	// SkipReason says why there is no server; "" when there is one.
	SkipReason string
	stop       func()
}

// Start returns the server of $PARLEY_POSTGRES_URL, or starts one. When it
// cannot, SkipReason says why; tests skip with it. Call Stop at the end
// (TestMain).
func Start() *Server {
	if u := os.Getenv("PARLEY_POSTGRES_URL"); u != "" {
		return &Server{URL: u, stop: func() {}}
	}
	u, stop, err := startServer()
	if err != nil {
		return &Server{SkipReason: err.Error(), stop: func() {}}
	}
	return &Server{URL: u, stop: stop}
}

// Stop stops a server that Start started.
func (s *Server) Stop() { s.stop() }

var schemas atomic.Int64

// NewSchema creates an empty schema and returns the URL that makes it the
// search path, and a function that drops it.
func (s *Server) NewSchema(ctx context.Context) (string, func(), error) {
	if s.SkipReason != "" {
		return "", nil, fmt.Errorf("no server: %s", s.SkipReason)
	}
	schema := fmt.Sprintf("t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemas.Add(1))
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop := func() {
		ctx := context.Background()
		if conn, err := pgx.Connect(ctx, s.URL); err == nil {
			conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			conn.Close(ctx)
		}
	}
	sep := "?"
	if strings.Contains(s.URL, "?") {
		sep = "&"
	}
	return s.URL + sep + "search_path=" + schema, drop, nil
}

// binDir finds the PostgreSQL server binaries (Debian puts them in
// /usr/lib/postgresql/VERSION/bin), newest version first.
func binDir() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

func startServer() (string, func(), error) {
	bin := binDir()
	if bin == "" {
		return "", nil, fmt.Errorf("no PostgreSQL server binaries (initdb) found; apt-get install postgresql, or set PARLEY_POSTGRES_URL")
	}
	dir, err := os.MkdirTemp("", "parley-pg-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	var wrap []string
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			cleanup()
			return "", nil, fmt.Errorf("running as root and there is no user postgres to run the server as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			cleanup()
			return "", nil, err
		}
		wrap = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) error {
		argv := append(append(wrap[:len(wrap):len(wrap)], filepath.Join(bin, name)), args...)
		out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", name, err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	if err := run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"); err != nil {
		cleanup()
		return "", nil, err
	}
	port, err := freePort()
	if err != nil {
		cleanup()
		return "", nil, err
	}
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, dir)
	if err := run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "30", "start"); err != nil {
		cleanup()
		return "", nil, err
	}
	stop := func() {
		run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
		cleanup()
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), stop, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
