package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/watch"
	"parley/watch/watchtest"
)

// watchItem is a feed item linking to the site's generated article slug,
// with tracking parameters on the link.
func watchItem(slug string) watchtest.Item {
	return watchtest.Item{GUID: "guid-" + slug, Link: "/a/" + slug + "?utm_source=rss", Title: "Report " + slug,
		Published: time.Date(2019, 7, 7, 9, 0, 0, 0, time.UTC)}
}

func writeFeedList(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(path, []byte("# test feeds\n"+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWatchOnce(t *testing.T) {
	site := watchtest.New()
	defer site.Close()
	site.Add(watchItem("one"), watchItem("two"), watchItem("three"))
	db := filepath.Join(t.TempDir(), "events.db")
	args := []string{"watch", "--db", db, "--feeds", writeFeedList(t, site.FeedURL()), "--once", "--host-interval", "0"}

	_, stderr, err := run(t, "", args...)
	if err != nil {
		t.Fatalf("watch --once: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "new=3 stored=3") {
		t.Errorf("first poll log:\n%s", stderr)
	}
	if s := snap(t, db).stats; s.Documents != 3 || s.Mentions == 0 {
		t.Errorf("after the first poll: %+v; want 3 documents with mentions", s)
	}
	if _, err := os.Stat(db + ".watch.json"); err != nil {
		t.Errorf("state file: %v", err)
	}

	_, stderr, err = run(t, "", args...)
	if err != nil || !strings.Contains(stderr, "not_modified=1 new=0 stored=0") {
		t.Errorf("unchanged feed: %v\n%s", err, stderr)
	}
	if r := site.FeedRequests(); len(r) != 2 || r[1].IfNoneMatch == "" || r[1].Status != http.StatusNotModified {
		t.Errorf("feed requests %+v; want the second conditional, answered 304", r)
	}

	site.Add(watchItem("four"))
	if _, stderr, err = run(t, "", args...); err != nil || !strings.Contains(stderr, "new=1 stored=1") {
		t.Errorf("one more item: %v\n%s", err, stderr)
	}
	if s := snap(t, db).stats; s.Documents != 4 {
		t.Errorf("after the third poll: %+v; want 4 documents", s)
	}

	// A failing article is reported by name, the run exits 1, the
	// others are stored.
	site.Add(watchItem("five"), watchItem("six"))
	site.Fail("/a/five", http.StatusInternalServerError)
	_, stderr, err = run(t, "", args...)
	if !errors.Is(err, errFailed) || !strings.Contains(stderr, "/a/five") || !strings.Contains(stderr, "new=2 stored=1") {
		t.Errorf("failing article: %v\n%s", err, stderr)
	}
	if s := snap(t, db).stats; s.Documents != 5 {
		t.Errorf("after the failure: %+v; want 5 documents", s)
	}
}

func TestWatchUsage(t *testing.T) {
	feeds := writeFeedList(t, "https://example.com/rss")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"watch", "--db", "x.db"}, "--feeds is required"},
		{[]string{"watch", "--feeds", feeds}, "--db is required"},
		{[]string{"watch", "--db", "postgres://u@127.0.0.1:1/p", "--feeds", feeds}, "--state FILE is required"},
		{[]string{"watch", "--db", "x.db", "--feeds", writeFeedList(t, "https://example.com/rss fetch=maybe")}, "feeds.txt:2: fetch=maybe"},
		{[]string{"watch", "--db", "x.db", "--feeds", writeFeedList(t)}, "lists no feeds"},
		{[]string{"watch", "--db", "x.db", "--feeds", feeds, "--interval", "10ms"}, "under a second"},
	} {
		_, _, err := run(t, "", tc.args...)
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v; want a usage error with %q", tc.args, err, tc.want)
		}
	}
}

// TestWatchLoop runs the watcher on a one-second interval, adds an item
// between two polls, and stops it by cancelling its context, as SIGTERM
// does.
func TestWatchLoop(t *testing.T) {
	site := watchtest.New()
	defer site.Close()
	site.Add(watchItem("one"), watchItem("two"))
	dir := t.TempDir()
	db := filepath.Join(dir, "events.db")
	state := filepath.Join(dir, "state.json")
	m, _, errb := newTestMain("")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"watch", "--db", db, "--state", state, "--feeds", writeFeedList(t, site.FeedURL()),
			"--interval", "1s", "--host-interval", "0"})
	}()
	waitDocs := func(n int) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for countDocs(db) < n {
			if time.Now().After(deadline) {
				cancel()
				<-done
				t.Fatalf("%d documents stored after 60 s, want %d\n%s", countDocs(db), n, errb)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitDocs(2)
	site.Add(watchItem("three"))
	waitDocs(3)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("watch: %v\n%s", err, errb)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("watch did not stop within 30 s of cancellation")
	}
	if !strings.Contains(errb.String(), "stopped") {
		t.Errorf("no stop logged:\n%s", errb)
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("state file: %v", err)
	}
	if h := site.Hits(); len(h) != 3 || h["/a/one"] != 1 || h["/a/three"] != 1 {
		t.Errorf("article hits %v; want each of the 3 once", h)
	}
}

// TestWatchSIGTERM runs `parley watch` in a child process and sends it
// SIGTERM while it waits for a slow article: it must exit 0 having stored
// the articles it fetched and saved its state, and a second run must take
// the rest without storing anything twice.
func TestWatchSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	site := watchtest.New()
	defer site.Close()
	site.Add(watchItem("one"), watchItem("two"), watchItem("slow"), watchItem("four"))
	dir := t.TempDir()
	db := filepath.Join(dir, "events.db")
	feeds := writeFeedList(t, site.FeedURL())

	cmd := exec.Command(os.Args[0], "-test.run=^TestWatchChild$")
	cmd.Env = append(os.Environ(), "PARLEY_WATCH_CHILD=watch --db "+db+" --feeds "+feeds+" --host-interval 0")
	var out strings.Builder
	cmd.Stderr, cmd.Stdout = &out, &out
	proc := make(chan *os.Process, 1)
	site.Hook(func(r *http.Request) {
		if r.URL.Path != "/a/slow" {
			return
		}
		(<-proc).Signal(syscall.SIGTERM)
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	proc <- cmd.Process
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Fatalf("child: %v (want exit 0)\n%s", err, out.String())
		}
	case <-time.After(120 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("child did not stop\n%s", out.String())
	}
	if s := snap(t, db).stats; s.Documents != 2 {
		t.Errorf("after SIGTERM: %+v; want the 2 fetched articles stored\n%s", s, out.String())
	}
	st, err := watch.LoadState(db + ".watch.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Seen) != 4 { // url and guid keys of two items
		t.Errorf("saved state has %d keys, want 4: %v", len(st.Seen), st.Seen)
	}

	site.Hook(nil)
	_, stderr, err := run(t, "", "watch", "--db", db, "--feeds", feeds, "--host-interval", "0", "--once")
	if err != nil || !strings.Contains(stderr, "new=2 stored=2 duplicates=0") {
		t.Errorf("second run: %v\n%s", err, stderr)
	}
	if h := site.Hits(); h["/a/one"] != 1 || h["/a/two"] != 1 || h["/a/four"] != 1 {
		t.Errorf("article hits %v; want one, two and four once", h)
	}
}

// TestWatchChild is the process TestWatchSIGTERM stops; it handles signals
// as main does.
func TestWatchChild(t *testing.T) {
	args := os.Getenv("PARLEY_WATCH_CHILD")
	if args == "" {
		t.Skip("run by TestWatchSIGTERM")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := NewMain().Run(ctx, strings.Fields(args)); err != nil {
		t.Fatal(err)
	}
}
