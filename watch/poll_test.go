package watch_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley"
	"parley/coding"
	"parley/ingest"
	"parley/store/sqlite"
	"parley/watch"
	"parley/watch/watchtest"
)

// nullCoder codes every document into no events; the poller's work is
// fetching, deduplicating and storing, which is what these tests check.
type nullCoder struct{}

func (nullCoder) Code(doc *parley.Document) (coding.Result, error) {
	return coding.Result{Sentences: 1}, nil
}

// env is a site, a SQLite store and a state file in a temporary directory.
type env struct {
	site      *watchtest.Site
	store     parley.EventStore
	statePath string
	feeds     []watch.Feed
	errs      []error
}

func newEnv(t *testing.T) *env {
	t.Helper()
	site := watchtest.New()
	t.Cleanup(site.Close)
	dir := t.TempDir()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return &env{site: site, store: store, statePath: filepath.Join(dir, "events.db.watch.json"),
		feeds: []watch.Feed{{URL: site.FeedURL(), Fetch: watch.FetchAlways}}}
}

// poller returns a poller on the state in the state file, as a new
// process would make it.
func (e *env) poller(t *testing.T) *watch.Poller {
	t.Helper()
	state, err := watch.LoadState(e.statePath)
	if err != nil {
		t.Fatal(err)
	}
	return &watch.Poller{
		Store:     e.store,
		Coder:     nullCoder{},
		Fetcher:   ingest.NewFetcher(ingest.FetchOptions{HostInterval: -1, Timeout: 10 * time.Second}),
		State:     state,
		StatePath: e.statePath,
		Report:    func(err error) { e.errs = append(e.errs, err) },
	}
}

func (e *env) poll(t *testing.T, p *watch.Poller) watch.Stats {
	t.Helper()
	e.errs = nil
	st, err := p.Poll(context.Background(), e.feeds)
	if err != nil {
		t.Fatalf("Poll: %v", err)
	}
	return st
}

func (e *env) documents(t *testing.T) int {
	t.Helper()
	st, err := e.store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Documents
}

var day = time.Date(2019, 7, 7, 9, 0, 0, 0, time.UTC)

func item(slug string) watchtest.Item {
	return watchtest.Item{GUID: "guid-" + slug, Link: "/a/" + slug + "?utm_source=rss&utm_medium=feed", Title: "Report " + slug, Published: day}
}

func TestPollConditionalAndNew(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("one"), item("two"), item("three"))
	p := e.poller(t)

	st := e.poll(t, p)
	if st.Feeds != 1 || st.New != 3 || st.Stored != 3 || st.Errors != 0 || st.Duplicates != 0 {
		t.Fatalf("first poll: %+v, errors %v; want 3 new, 3 stored", st, e.errs)
	}
	if n := e.documents(t); n != 3 {
		t.Fatalf("store holds %d documents, want 3", n)
	}
	d, err := e.store.Document(context.Background(), e.site.URL("/a/one"))
	if err != nil {
		t.Fatalf("document by canonical URL: %v", err)
	}
	if d.Date != "2019-07-07" || d.Source != "Test Wire" || !strings.Contains(d.Text, "Doha, Qatar") || strings.Contains(d.Text, "Home") {
		t.Errorf("stored document: %+v", d)
	}

	st = e.poll(t, p)
	if st.NotModified != 1 || st.New != 0 || st.Stored != 0 {
		t.Errorf("unchanged feed: %+v; want 304 and nothing stored", st)
	}
	reqs := e.site.FeedRequests()
	if len(reqs) != 2 {
		t.Fatalf("%d feed requests, want 2", len(reqs))
	}
	if reqs[0].IfNoneMatch != "" || reqs[0].IfModifiedSince != "" {
		t.Errorf("first request was conditional: %+v", reqs[0])
	}
	if reqs[1].IfNoneMatch != e.site.ETag() || reqs[1].IfModifiedSince == "" || reqs[1].Status != http.StatusNotModified {
		t.Errorf("second request %+v; want If-None-Match %s, If-Modified-Since and 304", reqs[1], e.site.ETag())
	}

	e.site.Add(item("four"))
	st = e.poll(t, p)
	if st.NotModified != 0 || st.New != 1 || st.Stored != 1 {
		t.Errorf("feed with one more item: %+v; want 1 new, 1 stored", st)
	}
	if n := e.documents(t); n != 4 {
		t.Errorf("store holds %d documents, want 4", n)
	}
	for path, n := range e.site.Hits() {
		if n != 1 {
			t.Errorf("%s fetched %d times, want once", path, n)
		}
	}
}

func TestSameArticleTwoURLs(t *testing.T) {
	e := newEnv(t)
	e.site.Add(
		watchtest.Item{GUID: "g1", Link: "/a/same?utm_source=rss", Title: "Same", Published: day},
		watchtest.Item{GUID: "g2", Link: "/a/same#comments", Title: "Same again", Published: day},
		watchtest.Item{GUID: "g3", Link: "/a/other", Title: "Other", Published: day},
	)
	p := e.poller(t)
	st := e.poll(t, p)
	if st.Stored != 2 || st.New != 2 {
		t.Errorf("first poll: %+v; want 2 new, 2 stored", st)
	}
	// Later the article is listed again under a third URL and reached
	// through a redirector: still one document.
	e.site.Add(
		watchtest.Item{GUID: "g4", Link: "/a/same/?utm_campaign=x&fbclid=y", Title: "Same, third time", Published: day},
		watchtest.Item{GUID: "g5", Link: "/go/other", Title: "Other through a redirect", Published: day},
	)
	st = e.poll(t, p)
	if st.Stored != 0 || st.Duplicates != 1 {
		t.Errorf("second poll: %+v (errors %v); want nothing stored, the redirect a duplicate", st, e.errs)
	}
	if n := e.documents(t); n != 2 {
		t.Errorf("store holds %d documents, want 2", n)
	}
	if h := e.site.Hits(); h["/a/same"] != 1 {
		t.Errorf("/a/same fetched %d times, want once", h["/a/same"])
	}
}

func TestRestart(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("one"), item("two"))
	e.poll(t, e.poller(t))

	// A new process: state from the file. The feed changed, so it is
	// fetched in full, but only the new item is taken.
	e.site.Add(item("three"))
	st := e.poll(t, e.poller(t))
	if st.New != 1 || st.Stored != 1 || st.Duplicates != 0 {
		t.Errorf("after restart: %+v; want 1 new, 1 stored", st)
	}
	if reqs := e.site.FeedRequests(); reqs[1].IfNoneMatch == "" {
		t.Errorf("restarted poller did not send the saved ETag: %+v", reqs[1])
	}
	// And unchanged, the restarted poller gets a 304.
	if st := e.poll(t, e.poller(t)); st.NotModified != 1 {
		t.Errorf("unchanged after restart: %+v; want 304", st)
	}

	// A crash after the commit but before the state save looks like a
	// lost state file: the store still knows every article.
	if err := os.Remove(e.statePath); err != nil {
		t.Fatal(err)
	}
	hits := e.site.Hits()
	st = e.poll(t, e.poller(t))
	if st.New != 3 || st.Stored != 0 || st.Duplicates != 3 {
		t.Errorf("state lost: %+v; want 3 new, all duplicates", st)
	}
	for path, n := range e.site.Hits() {
		if n != hits[path] {
			t.Errorf("state lost: %s fetched again", path)
		}
	}
	if n := e.documents(t); n != 3 {
		t.Errorf("store holds %d documents, want 3", n)
	}
}

func TestFailingArticle(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("one"), item("two"), item("three"))
	e.site.Fail("/a/two", http.StatusInternalServerError)
	p := e.poller(t)
	p.MaxAttempts = 2
	st := e.poll(t, p)
	if st.Stored != 2 || st.Errors != 1 {
		t.Fatalf("%+v; want 2 stored, 1 error", st)
	}
	var we *watch.Error
	if len(e.errs) != 1 || !errors.As(e.errs[0], &we) || we.Feed != e.site.FeedURL() || !strings.Contains(we.Item, "/a/two") || we.Final {
		t.Fatalf("reported %v; want one *watch.Error naming the feed and /a/two", e.errs)
	}
	if !strings.Contains(e.errs[0].Error(), "500") {
		t.Errorf("error does not give the status: %v", e.errs[0])
	}

	// The feed's validators were not kept, so the next poll reads it in
	// full and tries the article again; it fails a second time and is
	// given up on.
	st = e.poll(t, p)
	reqs := e.site.FeedRequests()
	if reqs[1].IfNoneMatch != "" || st.NotModified != 0 {
		t.Errorf("poll after a failure was conditional: %+v", reqs[1])
	}
	if st.New != 1 || st.Errors != 1 || st.GaveUp != 1 || len(e.errs) != 1 || !errors.As(e.errs[0], &we) || !we.Final {
		t.Errorf("second attempt: %+v, %v; want it given up", st, e.errs)
	}
	// Now the feed is done with: 304.
	if st = e.poll(t, p); st.NotModified != 1 {
		t.Errorf("after giving up: %+v; want 304", st)
	}
	if h := e.site.Hits(); h["/a/two"] != 2 || h["/a/one"] != 1 {
		t.Errorf("hits %v", h)
	}
}

func TestFailingArticleRecovers(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("one"), item("two"))
	e.site.Fail("/a/two", http.StatusServiceUnavailable)
	p := e.poller(t)
	if st := e.poll(t, p); st.Stored != 1 || st.Errors != 1 {
		t.Fatalf("%+v; want 1 stored, 1 error", st)
	}
	e.site.Fail("/a/two", 0)
	if st := e.poll(t, p); st.New != 1 || st.Stored != 1 || st.Errors != 0 {
		t.Errorf("retry: %+v; want the article stored", st)
	}
	if len(p.State.Failures) != 0 {
		t.Errorf("failures kept: %v", p.State.Failures)
	}
}

func TestBadFeedGoesOn(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("one"))
	bad := watch.Feed{URL: e.site.URL("/missing.xml"), Fetch: watch.FetchAlways}
	page := watch.Feed{URL: e.site.URL("/a/notafeed"), Fetch: watch.FetchAlways}
	e.feeds = []watch.Feed{bad, page, e.feeds[0]}
	st := e.poll(t, e.poller(t))
	if st.Feeds != 3 || st.Errors != 2 || st.Stored != 1 {
		t.Errorf("%+v, %v; want 2 feed errors and the good feed stored", st, e.errs)
	}
	for i, want := range []string{"/missing.xml", "/a/notafeed"} {
		var we *watch.Error
		if i >= len(e.errs) || !errors.As(e.errs[i], &we) || !strings.HasSuffix(we.Feed, want) || we.Item != "" {
			t.Errorf("error %d: %v; want one naming feed %s", i, e.errs, want)
		}
	}
}

func TestNotEnglishAndItemText(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("en"), item("fr"))
	e.site.Page("/a/fr", `<html lang="fr"><head><title>Les pourparlers reprennent</title></head><body><article><h1>Les pourparlers reprennent</h1>
<p>Les représentants des talibans ont rencontré des responsables afghans à Doha, au Qatar, dimanche, pour des pourparlers visant à mettre fin à la guerre, ont déclaré des responsables.</p>
<p>Les États-Unis ont tenu plusieurs séries de pourparlers avec les talibans depuis l'année dernière, et les délégués doivent publier une déclaration commune lundi.</p></article></body></html>`)
	p := e.poller(t)
	st := e.poll(t, p)
	if st.Stored != 1 || st.NotEnglish != 1 || st.Errors != 0 || len(e.errs) != 1 || !errors.Is(e.errs[0], ingest.ErrNotEnglish) {
		t.Errorf("%+v, %v; want 1 stored, 1 not English (reported, not an error)", st, e.errs)
	}
	// fetch=never codes the item's own text and fetches nothing.
	e2 := newEnv(t)
	e2.site.Add(item("x"))
	e2.feeds[0].Fetch = watch.FetchNever
	if st := e2.poll(t, e2.poller(t)); st.Stored != 1 || len(e2.site.Hits()) != 0 {
		t.Errorf("fetch=never: %+v, hits %v", st, e2.site.Hits())
	}
}

func TestCancelMidPoll(t *testing.T) {
	e := newEnv(t)
	e.site.Add(item("one"), item("two"), item("three"), item("four"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The third article is slow: the watcher is stopped while it waits.
	e.site.Hook(func(r *http.Request) {
		if r.URL.Path == "/a/three" {
			cancel()
			<-r.Context().Done()
		}
	})
	p := e.poller(t)
	st, err := p.Poll(ctx, e.feeds)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Poll: %v; want context.Canceled", err)
	}
	if st.Stored != 2 || st.Errors != 0 {
		t.Errorf("%+v; want the 2 fetched articles stored and no error", st)
	}
	if n := e.documents(t); n != 2 {
		t.Errorf("store holds %d documents, want 2", n)
	}
	saved, err := watch.LoadState(e.statePath)
	if err != nil {
		t.Fatal(err)
	}
	if fs := saved.Feeds[e.site.FeedURL()]; fs == nil || fs.ETag != "" {
		t.Errorf("saved feed state %+v; want no ETag for a feed not finished", fs)
	}
	for _, slug := range []string{"one", "two"} {
		if _, ok := saved.Seen["url "+e.site.URL("/a/"+slug)]; !ok {
			t.Errorf("saved state does not have %s as taken", slug)
		}
	}

	// Restarted, it takes the other two and nothing twice.
	e.site.Hook(nil)
	st = e.poll(t, e.poller(t))
	if st.New != 2 || st.Stored != 2 || st.Duplicates != 0 {
		t.Errorf("after restart: %+v; want the other 2 stored", st)
	}
	if h := e.site.Hits(); h["/a/one"] != 1 || h["/a/two"] != 1 || h["/a/four"] != 1 {
		t.Errorf("hits %v", h)
	}
	if n := e.documents(t); n != 4 {
		t.Errorf("store holds %d documents, want 4", n)
	}
}

func TestItemWithoutDate(t *testing.T) {
	e := newEnv(t)
	e.site.Add(watchtest.Item{GUID: "nodate", Link: "/a/nodate", Title: "No date"})
	if st := e.poll(t, e.poller(t)); st.Stored != 1 {
		t.Fatalf("%+v %v", st, e.errs)
	}
	d, err := e.store.Document(context.Background(), e.site.URL("/a/nodate"))
	if err != nil {
		t.Fatal(err)
	}
	// the page gives no date either: the fetch date
	if d.Date != time.Now().UTC().Format(parley.DateLayout) {
		t.Errorf("date %s, want today's", d.Date)
	}
}
