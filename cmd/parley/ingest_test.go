package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley"
	"parley/store/sqlite"
)

// copiesOfSamples writes n documents made from the sample articles, each
// with its own id and title, and returns the file's path.
func copiesOfSamples(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open("../../data/samples/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []parley.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d parley.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := range n {
		d := docs[i%len(docs)]
		d.ID = fmt.Sprintf("%s-copy%04d", d.ID, i)
		d.Title = fmt.Sprintf("%s (copy %d)", d.Title, i)
		d.Source = fmt.Sprintf("outlet-%d", i%7)
		if err := enc.Encode(&d); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type snapshot struct {
	stats  parley.StoreStats
	events []string // id, mention ids, counts
}

func snap(t *testing.T, path string) snapshot {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var sn snapshot
	if sn.stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	f := parley.EventFilter{Limit: parley.MaxLimit}
	total := 0
	for {
		evs, next, err := s.FindEvents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			total += e.NumMentions
			sn.events = append(sn.events, fmt.Sprintf("%s %v %d/%d/%d %s..%s", e.ID, e.MentionIDs, e.NumMentions, e.NumArticles, e.NumSources, e.FirstSeen, e.LastSeen))
		}
		if next == "" {
			break
		}
		f.Cursor = next
	}
	if total != sn.stats.Mentions {
		t.Errorf("%s: events hold %d mentions, the store %d", path, total, sn.stats.Mentions)
	}
	return sn
}

func sameSnapshot(t *testing.T, what string, got, want snapshot) {
	t.Helper()
	if got.stats != want.stats {
		t.Errorf("%s: stats %+v, want %+v", what, got.stats, want.stats)
	}
	if !slices.Equal(got.events, want.events) {
		t.Errorf("%s: %d events differ from the %d wanted", what, len(got.events), len(want.events))
	}
}

func TestIngestIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "events.db")
	input := copiesOfSamples(t, 24)
	if _, stderr, err := run(t, "", "ingest", "--db", db, input); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	first := snap(t, db)
	if first.stats.Documents != 24 || first.stats.Mentions == 0 || first.stats.Events >= first.stats.Mentions {
		t.Fatalf("after ingest: %+v; want 24 documents and fewer events than mentions (copies merge)", first.stats)
	}
	// The same file again, and the same texts under other ids.
	if _, stderr, err := run(t, "", "ingest", "--db", db, input); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, stderr)
	}
	renamed := strings.ReplaceAll(mustRead(t, input), `-copy`, `-renamed`)
	_, stderr, err := run(t, renamed, "ingest", "--db", db, "-")
	if err != nil {
		t.Fatalf("renamed ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "duplicates=24") {
		t.Errorf("renamed documents not reported as duplicates:\n%s", stderr)
	}
	sameSnapshot(t, "after re-ingesting", snap(t, db), first)
}

func mustRead(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestIngestKilled kills an ingest with SIGKILL part way, checks that what
// was committed is whole, lets a second run finish, and compares the result
// with an uninterrupted run.
// TestIngestBulk wants --bulk to store what ingest stores without it, in
// one load and in loads of 5 documents into a database holding some, and
// to skip what is stored when run again.
func TestIngestBulk(t *testing.T) {
	dir := t.TempDir()
	input := copiesOfSamples(t, 24)
	plain, bulk, mixed := filepath.Join(dir, "plain.db"), filepath.Join(dir, "bulk.db"), filepath.Join(dir, "mixed.db")
	if _, stderr, err := run(t, "", "ingest", "--db", plain, input); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	want := snap(t, plain)
	for range 2 {
		if _, stderr, err := run(t, "", "ingest", "--bulk", "--db", bulk, input); err != nil {
			t.Fatalf("ingest --bulk: %v\n%s", err, stderr)
		}
		sameSnapshot(t, "ingest --bulk", snap(t, bulk), want)
	}
	lines := strings.SplitAfter(mustRead(t, input), "\n")
	if _, stderr, err := run(t, strings.Join(lines[:7], ""), "ingest", "--db", mixed, "-"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if _, stderr, err := run(t, "", "ingest", "--bulk", "--batch", "5", "--db", mixed, input); err != nil {
		t.Fatalf("ingest --bulk --batch 5: %v\n%s", err, stderr)
	}
	sameSnapshot(t, "ingest, then ingest --bulk --batch 5", snap(t, mixed), want)
}

func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	const n, batch = 1200, 6
	input := copiesOfSamples(t, n)
	dir := t.TempDir()
	killed := filepath.Join(dir, "killed.db")

	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), "PARLEY_INGEST_CHILD=ingest --workers 1 --batch "+fmt.Sprint(batch)+" --db "+killed+" "+input)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	var stored int
	for {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child stored nothing in 60 s")
		}
		time.Sleep(20 * time.Millisecond)
		if _, err := os.Stat(killed); err != nil {
			continue
		}
		if stored = countDocs(killed); stored >= 4*batch {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	mid := snap(t, killed)
	t.Logf("killed after %d documents were committed (%d mentions)", mid.stats.Documents, mid.stats.Mentions)
	if mid.stats.Documents%batch != 0 {
		t.Errorf("%d documents stored: not whole batches of %d", mid.stats.Documents, batch)
	}
	if mid.stats.Documents >= n {
		t.Fatalf("the child finished before it was killed; make the input larger")
	}
	_, stderr, err := run(t, "", "ingest", "--db", killed, input)
	if err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, stderr)
	}
	if want := fmt.Sprintf(`"already stored"=%d`, mid.stats.Documents); !strings.Contains(stderr, want) {
		t.Errorf("resumed ingest did not skip the %d stored documents:\n%s", mid.stats.Documents, stderr)
	}
	clean := filepath.Join(dir, "clean.db")
	if _, stderr, err := run(t, "", "ingest", "--db", clean, input); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, stderr)
	}
	sameSnapshot(t, "killed and resumed vs uninterrupted", snap(t, killed), snap(t, clean))
}

func countDocs(path string) int {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return 0
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return 0
	}
	return st.Documents
}

// TestIngestChild is the process TestIngestKilled kills.
func TestIngestChild(t *testing.T) {
	args := os.Getenv("PARLEY_INGEST_CHILD")
	if args == "" {
		t.Skip("run by TestIngestKilled")
	}
	m := NewMain()
	if err := m.Run(context.Background(), strings.Fields(args)); err != nil {
		t.Fatal(err)
	}
}
