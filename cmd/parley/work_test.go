package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"parley"
	"parley/internal/pgtest"
	"parley/store/postgres"
)

// TestWorkKilled enqueues documents in PostgreSQL, codes them with three
// worker processes, kills the queue's leader with SIGKILL while it is
// working a job, waits for the other two to drain the queue, and checks
// that every document, mention and event was stored exactly once: the
// store equals that of a single-process ingest.
func TestWorkKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	srv := pgtest.Start()
	defer srv.Stop()
	if srv.SkipReason != "" {
		t.Skip("PostgreSQL test skipped: " + srv.SkipReason)
	}
	ctx := context.Background()
	url, drop, err := srv.NewSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer drop()

	const n, batch = 200, 2
	input := copiesOfSamples(t, n)
	if _, stderr, err := run(t, "", "enqueue", "--db", url, "--batch", fmt.Sprint(batch), input); err != nil {
		t.Fatalf("enqueue: %v\n%s", err, stderr)
	}

	start := time.Now()
	names := []string{"w0", "w1", "w2"}
	cmds := map[string]*exec.Cmd{}
	logs := map[string]*strings.Builder{}
	for _, id := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWorkChild$")
		cmd.Env = append(os.Environ(), "PARLEY_WORK_CHILD=work --db "+url+" --id "+id+
			" --workers 2 --until-empty --job-timeout 4s --rescue-after 4s --poll 200ms")
		var b strings.Builder
		cmd.Stderr, cmd.Stdout = &b, &b
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[id], logs[id] = cmd, &b
	}
	defer func() {
		for _, c := range cmds {
			c.Process.Kill()
		}
	}()

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}

	// Kill the leader (whose death also holds up the rescue of stuck jobs
	// until another worker is elected) while it runs a job, once the others
	// have done some work.
	var victim string
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no leader working a job after 30 s")
		}
		var leader string
		if err := conn.QueryRow(ctx, `SELECT leader_id FROM river_leader`).Scan(&leader); err != nil {
			continue
		}
		done := count(`SELECT count(*) FROM river_job WHERE state = 'completed'`)
		running := count(`SELECT count(*) FROM river_job WHERE state = 'running' AND attempted_by[array_upper(attempted_by, 1)] = $1`, leader)
		if done >= 5 && running > 0 {
			victim = leader
			t.Logf("killing %s (the leader) while it runs %d jobs; %d of %d jobs done", leader, running, done, n/batch)
			break
		}
		if done == n/batch {
			t.Fatalf("the queue drained before a worker could be killed; make the input larger")
		}
	}
	cmds[victim].Process.Signal(syscall.SIGKILL)
	cmds[victim].Wait()
	delete(cmds, victim)
	// the jobs the victim held when it died: it may have finished the one
	// seen running between the query and the signal
	orphaned := count(`SELECT count(*) FROM river_job WHERE state = 'running' AND attempted_by[array_upper(attempted_by, 1)] = $1`, victim)

	for id, c := range cmds {
		waited := make(chan error, 1)
		go func() { waited <- c.Wait() }()
		select {
		case err := <-waited:
			if err != nil {
				t.Fatalf("worker %s: %v\n%s", id, err, logs[id])
			}
		case <-time.After(90 * time.Second):
			t.Fatalf("worker %s did not drain the queue in 90 s\n%s", id, logs[id])
		}
	}
	t.Logf("queue drained %.1f s after the workers started", time.Since(start).Seconds())

	if got := count(`SELECT count(*) FROM river_job WHERE state <> 'completed'`); got != 0 {
		t.Errorf("%d jobs not completed", got)
	}
	rescued := count(`SELECT count(*) FROM river_job WHERE $1 = ANY(attempted_by) AND attempted_by[array_upper(attempted_by, 1)] <> $1`, victim)
	// Every job completed (above), so whatever the victim held was either
	// committed by its last transaction, which the server may finish after
	// the kill, or rescued and run by another; exactly once is checked below.
	t.Logf("%d jobs of the killed worker were running right after it died; %d were rescued and run by another", orphaned, rescued)
	for _, id := range names {
		if id != victim {
			t.Logf("%s: %s", id, lastLine(logs[id].String(), "worked"))
		}
	}

	// The reference: one process, no queue.
	ref := filepath.Join(t.TempDir(), "ref.db")
	if _, stderr, err := run(t, "", "ingest", "--db", ref, input); err != nil {
		t.Fatalf("reference ingest: %v\n%s", err, stderr)
	}
	want := snap(t, ref)
	store, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	got := snapOf(t, store)
	if got.stats.Documents != n {
		t.Errorf("%d documents stored, want %d", got.stats.Documents, n)
	}
	sameSnapshot(t, "three workers, one killed, vs one ingest", got, want)

	// And the mentions are as many as parley code's event records.
	out, _, err := run(t, "", "code", input)
	if err != nil {
		t.Fatal(err)
	}
	if records := strings.Count(out, "\n"); records != got.stats.Mentions {
		t.Errorf("%d mentions stored; parley code gives %d records", got.stats.Mentions, records)
	}
	t.Logf("stored %d documents, %d mentions, %d events", got.stats.Documents, got.stats.Mentions, got.stats.Events)
}

func lastLine(log, substr string) string {
	var last string
	sc := bufio.NewScanner(strings.NewReader(log))
	for sc.Scan() {
		if strings.Contains(sc.Text(), substr) {
			last = sc.Text()
		}
	}
	return last
}

// snapOf is snap for any store.
func snapOf(t *testing.T, s parley.EventStore) snapshot {
	t.Helper()
	ctx := context.Background()
	var sn snapshot
	var err error
	if sn.stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	f := parley.EventFilter{Limit: parley.MaxLimit}
	for {
		evs, next, err := s.FindEvents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			sn.events = append(sn.events, fmt.Sprintf("%s %v %d/%d/%d %s..%s", e.ID, e.MentionIDs, e.NumMentions, e.NumArticles, e.NumSources, e.FirstSeen, e.LastSeen))
		}
		if next == "" {
			return sn
		}
		f.Cursor = next
	}
}

// TestWorkChild is a worker process of TestWorkKilled.
func TestWorkChild(t *testing.T) {
	args := os.Getenv("PARLEY_WORK_CHILD")
	if args == "" {
		t.Skip("run by TestWorkKilled")
	}
	m := NewMain()
	if err := m.Run(context.Background(), strings.Fields(args)); err != nil {
		t.Fatal(err)
	}
}
