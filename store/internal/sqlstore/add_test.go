package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	_ "modernc.org/sqlite"
)

func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "abc", "Kabul AFG", "MiXeD 123 !@#[]`{}", "Ünïcödé ÀÉ", "ΣΊΣΥΦΟΣ", "bad \xff UTF-8 X", "İstanbul"} {
		got := string(appendLower([]byte("prefix:"), s))
		if want := "prefix:" + strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// cancelAfter is a context whose Err reports it cancelled from its
// second call on; it has no Done channel, so only CopyFrom's own checks
// see it.
type cancelAfter struct {
	context.Context
	calls atomic.Int32
}

func (c *cancelAfter) Err() error {
	if c.calls.Add(1) > 1 {
		return context.Canceled
	}
	return nil
}

// TestCopyFromCancel checks that CopyFrom, which runs its rows without
// the context's cancellation, still stops when it is cancelled: at its
// next check, after checkEvery rows.
func TestCopyFromCancel(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE t (id TEXT PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var rows [][]any
	for i := range 3 * checkEvery {
		rows = append(rows, []any{strings.Repeat("x", i+1)})
	}
	stx := &sqlTx{conn: conn, tx: tx, dialect: Dialect{Name: "sqlite", Prepare: true}}
	err = stx.CopyFrom(&cancelAfter{Context: ctx}, "t", []string{"id"}, rows)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("CopyFrom: %v, want context.Canceled", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM t`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != checkEvery {
		t.Errorf("%d rows inserted before the cancellation was seen, want %d", n, checkEvery)
	}
}
