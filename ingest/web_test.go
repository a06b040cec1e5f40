package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley"
	"parley/ingest"
)

// readAll runs ingest.Read and returns the documents by id and the errors.
func readAll(t *testing.T, opt ingest.Options, inputs ...string) (map[string]parley.Document, []error) {
	t.Helper()
	docs := map[string]parley.Document{}
	var errs []error
	err := ingest.Read(context.Background(), inputs, opt,
		func(d parley.Document) error { docs[d.ID] = d; return nil },
		func(err error) {
			var ie *ingest.Error
			if !errors.As(err, &ie) {
				t.Errorf("reported %T %v, want *ingest.Error", err, err)
			}
			errs = append(errs, err)
		})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs, errs
}

func hasError(errs []error, sub string) bool {
	for _, e := range errs {
		if strings.Contains(e.Error(), sub) {
			return true
		}
	}
	return false
}

func TestHTMLFile(t *testing.T) {
	docs, errs := readAll(t, ingest.Options{}, "testdata/web/article.html", "testdata/web/latin1.html", "testdata/web/french.html")
	d, ok := docs["article"]
	if !ok {
		t.Fatalf("article.html not read; errors %v", errs)
	}
	if d.Title != "Envoys meet in Doha as talks resume" || d.Date != "2019-07-07" || d.Author != "Jane Fieldwriter" {
		t.Errorf("metadata: title %q date %q author %q", d.Title, d.Date, d.Author)
	}
	if !strings.Contains(d.Text, "met in Doha, Qatar") {
		t.Errorf("main text missing: %q", d.Text)
	}
	for _, junk := range []string{"Subscribe now", "Celebrity chef", "First! Great", "All rights reserved", "Log in"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("boilerplate %q kept in text", junk)
		}
	}
	l, ok := docs["latin1"]
	if !ok || !strings.Contains(l.Text, "São Paulo") || !strings.Contains(l.Text, "city’s cafés") {
		t.Errorf("latin1 page not converted to UTF-8: %+v", l)
	}
	if _, ok := docs["french"]; ok {
		t.Error("French page was read as English")
	}
	var ne error
	for _, e := range errs {
		if errors.Is(e, ingest.ErrNotEnglish) {
			ne = e
		}
	}
	if ne == nil || parley.ErrorCode(ne) != parley.EINVALID || !strings.Contains(ne.Error(), "language fra") {
		t.Errorf("French page: got errors %v, want one with ErrNotEnglish and language fra", errs)
	}
	if _, errs := readAll(t, ingest.Options{AnyLanguage: true}, "testdata/web/french.html"); len(errs) > 0 {
		t.Errorf("AnyLanguage: %v", errs)
	}
}

func TestFeedFiles(t *testing.T) {
	docs, errs := readAll(t, ingest.Options{}, "testdata/web/feed.atom", "testdata/web/bad.rss", "testdata/web/latin1.rss")
	d, ok := docs["urn:parley:wire:1"]
	if !ok || d.Date != "2019-07-10" || d.Author != "Wire Desk" || !strings.Contains(d.Text, "summit in Geneva") || strings.Contains(d.Text, "<p>") {
		t.Errorf("atom entry: %+v (errors %v)", d, errs)
	}
	if !hasError(errs, "missing date") {
		t.Errorf("atom entry without a date not reported: %v", errs)
	}
	if !hasError(errs, "bad.rss") {
		t.Errorf("malformed feed not reported: %v", errs)
	}
	if l, ok := docs["l1-1"]; !ok || !strings.Contains(l.Text, "Brasília") {
		t.Errorf("ISO-8859-1 feed: %+v", l)
	}
}

func TestTABARI(t *testing.T) {
	docs, errs := readAll(t, ingest.Options{}, "testdata/records.tabari")
	if len(docs) != 3 || len(errs) != 1 || !hasError(errs, "PT-BADDATE") {
		t.Fatalf("got %d docs, errors %v; want 3 and one bad date", len(docs), errs)
	}
	d := docs["PT-001"]
	want := "Taliban representatives and Afghan officials met in Moscow, Russia, for a two-day conference, officials said."
	if d.Text != want || d.Date != "2019-06-15" || d.Origin != "testdata/records.tabari:4" {
		t.Errorf("PT-001: %+v", d)
	}
	if docs["PT-002"].Text != "The United States began talks with the Taliban in Doha." || docs["PT-003"].Date != "2019-06-17" {
		t.Errorf("PT-002/3: %+v %+v", docs["PT-002"], docs["PT-003"])
	}
}

func TestPETRARCH(t *testing.T) {
	docs, errs := readAll(t, ingest.Options{}, "testdata/records.xml")
	if len(docs) != 2 || len(errs) != 2 {
		t.Fatalf("got %d docs, errors %v; want 2 and 2", len(docs), errs)
	}
	if d := docs["PX-001"]; d.Text != "Taliban representatives and Afghan officials met in Moscow for a two-day conference." || d.Date != "2019-06-15" {
		t.Errorf("PX-001: %+v", d)
	}
	if d := docs["PX-002"]; !strings.Contains(d.Text, "Kabul & Herat") {
		t.Errorf("PX-002: %+v", d)
	}
}

// TestSharedRecords reads the TABARI and PETRARCH validation files in
// ../shared when present.
func TestSharedRecords(t *testing.T) {
	for _, path := range []string{
		"../../shared/data/tabari-validation/Validate.text",
		"../../shared/data/petrarch1-classic-validation/petrarch/data/text/PETR.UnitTest.records.xml",
	} {
		if _, err := os.Stat(path); err != nil {
			t.Logf("skip %s", path)
			continue
		}
		// Validate.text has no .tabari extension: copy it to one
		in := path
		if strings.HasSuffix(path, ".text") {
			b, _ := os.ReadFile(path)
			in = filepath.Join(t.TempDir(), "validate.tabari")
			os.WriteFile(in, b, 0o644)
		}
		docs, errs := readAll(t, ingest.Options{}, in)
		t.Logf("%s: %d documents, %d errors", path, len(docs), len(errs))
		if len(docs) < 100 {
			t.Errorf("%s: only %d documents (errors %v)", path, len(docs), errs[:min(len(errs), 5)])
		}
	}
}

// warcRecord returns one WARC record.
func warcRecord(typ, uri, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2019-07-12T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
		typ, uri, len(block), contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func httpResponse(status, contentType string, body []byte, gz bool) []byte {
	var b bytes.Buffer
	enc := ""
	if gz {
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(body)
		w.Close()
		body, enc = z.Bytes(), "Content-Encoding: gzip\r\n"
	}
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n", status, contentType, enc, len(body))
	b.Write(body)
	return b.Bytes()
}

// testWARC builds a WARC file from the fixture pages: a warcinfo record, a
// gzip-encoded 200 response, a redirect, an image, a resource record and a
// response whose HTTP message is broken.
func testWARC(t *testing.T) []byte {
	t.Helper()
	art, _ := os.ReadFile("testdata/web/article.html")
	sec, _ := os.ReadFile("testdata/web/second.html")
	var w bytes.Buffer
	w.Write(warcRecord("warcinfo", "", "application/warc-fields", []byte("software: parley tests\r\n")))
	w.Write(warcRecord("response", "https://news.example/world/doha-talks#top", "application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=utf-8", art, true)))
	w.Write(warcRecord("response", "https://news.example/old", "application/http; msgtype=response", httpResponse("301 Moved", "text/html", []byte("moved"), false)))
	w.Write(warcRecord("response", "https://news.example/logo.png", "application/http; msgtype=response", httpResponse("200 OK", "image/png", []byte("\x89PNG"), false)))
	w.Write(warcRecord("response", "https://news.example/broken", "application/http; msgtype=response", []byte("NOT HTTP AT ALL")))
	w.Write(warcRecord("resource", "https://news.example/kabul", "text/html", sec))
	return w.Bytes()
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	data := testWARC(t)
	plain := filepath.Join(dir, "crawl.warc")
	os.WriteFile(plain, data, 0o644)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	gz := filepath.Join(dir, "crawl.warc.gz")
	os.WriteFile(gz, z.Bytes(), 0o644)
	trunc := filepath.Join(dir, "trunc.warc")
	os.WriteFile(trunc, append(append([]byte{}, data[:len(data)/3]...), []byte("\r\n\r\nWARC/1.0\r\nContent-Length: many\r\n\r\n")...), 0o644)
	for _, in := range []string{plain, gz} {
		docs, errs := readAll(t, ingest.Options{}, in)
		d, ok := docs["https://news.example/world/doha-talks"]
		if !ok || d.Date != "2019-07-07" || !strings.Contains(d.Text, "met in Doha") {
			t.Errorf("%s: article: %+v; errors %v", in, d, errs)
		}
		if d, ok := docs["https://news.example/kabul"]; !ok || d.Date != "2019-07-08" {
			t.Errorf("%s: resource record: %+v", in, d)
		}
		if len(docs) != 2 || len(errs) != 1 || !hasError(errs, "HTTP response") {
			t.Errorf("%s: %d docs, errors %v; want 2 and the broken response", in, len(docs), errs)
		}
	}
	if _, errs := readAll(t, ingest.Options{}, trunc); !hasError(errs, "trunc.warc") {
		t.Errorf("truncated WARC: errors %v", errs)
	}
}

// server serves the fixture pages and feeds, and misbehaves on request.
func server(t *testing.T) (*httptest.Server, *sync.Map) {
	t.Helper()
	agents := &sync.Map{}
	mux := http.NewServeMux()
	file := func(name, ct string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			agents.Store(r.URL.Path, r.UserAgent())
			b, err := os.ReadFile(filepath.Join("testdata/web", name))
			if err != nil {
				t.Error(err)
			}
			b = bytes.ReplaceAll(b, []byte("BASE"), []byte("http://"+r.Host))
			w.Header().Set("Content-Type", ct)
			w.Write(b)
		}
	}
	mux.HandleFunc("/article.html", file("article.html", "text/html; charset=utf-8"))
	mux.HandleFunc("/second.html", file("second.html", "text/html"))
	mux.HandleFunc("/latin1.html", file("latin1.html", "text/html; charset=iso-8859-1"))
	mux.HandleFunc("/french.html", file("french.html", "text/html"))
	mux.HandleFunc("/feed.rss", file("feed.rss", "application/rss+xml"))
	mux.HandleFunc("/bad.rss", file("bad.rss", "application/rss+xml"))
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>filler text </p>\n"), 1000)
		for i := 0; i < 1000; i++ { // 20 MB, no Content-Length
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	bomb := func() []byte {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zero := make([]byte, 1<<20)
		for i := 0; i < 64; i++ { // 64 MB of zeros in about 64 KB
			zw.Write(zero)
		}
		zw.Close()
		return z.Bytes()
	}()
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/gzipped.html", func(w http.ResponseWriter, r *http.Request) {
		b, _ := os.ReadFile("testdata/web/second.html")
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(b)
		zw.Close()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, agents
}

func testFetcher() *ingest.Fetcher {
	return ingest.NewFetcher(ingest.FetchOptions{Timeout: 500 * time.Millisecond, MaxBytes: 1 << 20, MaxRedirects: 3, HostInterval: -1})
}

func TestFetchInputs(t *testing.T) {
	srv, agents := server(t)
	u := func(p string) string { return srv.URL + p }
	inputs := []string{u("/article.html"), u("/latin1.html"), u("/gzipped.html"), u("/french.html"),
		u("/slow"), u("/loop"), u("/huge"), u("/bomb"), u("/nothing"), u("/bad.rss"), u("/feed.rss")}
	start := time.Now()
	docs, errs := readAll(t, ingest.Options{Fetcher: testFetcher()}, inputs...)
	if el := time.Since(start); el > 4*time.Second {
		t.Errorf("took %v: a slow server held the batch up", el)
	}
	if d, ok := docs[u("/article.html")]; !ok || d.Date != "2019-07-07" || d.URL != u("/article.html") {
		t.Errorf("article: %+v", d)
	}
	if d := docs[u("/latin1.html")]; !strings.Contains(d.Text, "São Paulo") {
		t.Errorf("latin1 over HTTP: %q", d.Text)
	}
	if d := docs[u("/gzipped.html")]; !strings.Contains(d.Text, "rallied in Kabul") {
		t.Errorf("gzip page: %+v", d)
	}
	for sub, what := range map[string]string{
		"/slow":          "Timeout",
		"/loop":          "redirects",
		"/huge":          "size limit",
		"/bomb":          "size limit",
		"/nothing":       "404",
		"/bad.rss":       "feed",
		"/french.html":   "not English",
		"/gone.html":     "404", // a feed item whose article is missing
		"/feed.rss#1":    "duplicate",
		"/kandahar.html": "",
	} {
		if what == "" {
			continue
		}
		found := false
		for _, e := range errs {
			if strings.Contains(e.Error(), sub) && strings.Contains(e.Error(), what) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error with %q and %q in:\n%v", sub, what, errs)
		}
	}
	// feed items: #1 is the article already read (same canonical URL),
	// #2 is fetched, #3 is missing, #4 carries its own text
	if d, ok := docs[u("/second.html")]; !ok || d.Date != "2019-07-08" || d.Source != "The Parley Times: World" {
		t.Errorf("feed item fetched: %+v", d)
	}
	if d, ok := docs[u("/kandahar.html")]; !ok || d.Author != "A. Reporter" || !strings.Contains(d.Text, "third attack") {
		t.Errorf("feed item with content: %+v", d)
	}
	if ua, _ := agents.Load("/article.html"); !strings.Contains(fmt.Sprint(ua), "parley") {
		t.Errorf("User-Agent %q does not name parley", ua)
	}
}

func TestFetchRateAndValidators(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("hello"))
	}))
	defer srv.Close()
	f := ingest.NewFetcher(ingest.FetchOptions{HostInterval: 100 * time.Millisecond})
	ctx := context.Background()
	start := time.Now()
	r1, err := f.Get(ctx, srv.URL+"/a", ingest.Validators{})
	if err != nil || string(r1.Body) != "hello" || r1.Validators.ETag != `"v1"` {
		t.Fatalf("first get: %+v %v", r1, err)
	}
	r2, err := f.Get(ctx, srv.URL+"/a", r1.Validators)
	if err != nil || !r2.NotModified {
		t.Fatalf("conditional get: %+v %v", r2, err)
	}
	f.Get(ctx, srv.URL+"/b", ingest.Validators{})
	// Request i may not leave before start + i intervals; it reaches the
	// server later still (how much later varies with the machine's load,
	// so the gaps between arrivals are not checked).
	if len(times) != 3 {
		t.Fatalf("%d requests reached the server, want 3", len(times))
	}
	for i := 1; i < len(times); i++ {
		if at := times[i].Sub(start); at < time.Duration(i)*100*time.Millisecond-time.Millisecond {
			t.Errorf("request %d reached the server %v after the first was asked for, before %d intervals", i, at, i)
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := f.Get(cctx, srv.URL+"/c", ingest.Validators{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled get: %v", err)
	}
}

func TestCanonicalURL(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://News.Example:443/a/b/?utm_source=x&id=2&b=1#frag": "https://news.example/a/b?b=1&id=2",
		"http://news.example":                 "http://news.example/",
		"http://news.example:8080/x?fbclid=1": "http://news.example:8080/x",
		"urn:parley:1":                        "urn:parley:1",
	} {
		if got := ingest.CanonicalURL(in); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", in, got, want)
		}
	}
}
