package postgres_test

import (
	"context"
	"database/sql"
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
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"parley"
	"parley/store/postgres"
	"parley/store/storetest"
)

// serverURL is the base URL of the test server: $PARLEY_POSTGRES_URL, or a
// server that TestMain starts in a temporary directory.
var serverURL string

// skipReason says why there is no server.
var skipReason string

func TestMain(m *testing.M) {
	stop := func() {}
	if u := os.Getenv("PARLEY_POSTGRES_URL"); u != "" {
		serverURL = u
	} else {
		var err error
		serverURL, stop, err = startServer()
		if err != nil {
			skipReason = err.Error()
		}
	}
	code := m.Run()
	stop()
	os.Exit(code)
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

// startServer runs initdb and pg_ctl start on a free loopback port. As
// root, it runs them as the user postgres, since PostgreSQL refuses root.
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
		cmd := exec.Command(argv[0], argv[1:]...)
		out, err := cmd.CombinedOutput()
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
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
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

var schemas atomic.Int64

// open returns a store in a new, empty schema of the test server.
func open(t testing.TB) *postgres.EventStore {
	t.Helper()
	if skipReason != "" {
		t.Skip("PostgreSQL tests skipped: " + skipReason)
	}
	ctx := context.Background()
	schema := fmt.Sprintf("t%d_%d", time.Now().UnixNano()%1e9, schemas.Add(1))
	db, err := sql.Open("pgx", serverURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", serverURL)
		if err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(serverURL, "?") {
		sep = "&"
	}
	s, err := postgres.Open(ctx, serverURL+sep+"search_path="+schema)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.EventStore { return open(t) })
}

func TestReopen(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	doc := parley.CodedDocument{Doc: parley.Document{ID: "d1", Date: "2020-01-01", Text: "Nothing happened."}}
	if _, err := s.AddDocuments(ctx, []parley.CodedDocument{doc}); err != nil {
		t.Fatal(err)
	}
	// Migrations run once: migrating the same schema again changes nothing.
	var n int
	files, _ := filepath.Glob("migrations/*.sql")
	if err := s.DB.QueryRowContext(ctx, "SELECT count(*) FROM migrations").Scan(&n); err != nil || n != len(files) {
		t.Errorf("migrations: %d, %v; want %d", n, err, len(files))
	}
	s.Close()
}

func TestBadURL(t *testing.T) {
	if _, err := postgres.Open(context.Background(), "postgres://%zz"); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("Open(bad url) = %v, want invalid", err)
	}
}
