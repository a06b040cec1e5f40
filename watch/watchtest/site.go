// Package watchtest serves a news site for the tests of package watch and of
// `parley watch`: an RSS feed with ETag and Last-Modified validators that
// answers conditional requests with 304, and article pages, on a loopback
// httptest server.
package watchtest

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Item is an entry of the feed. Link is a path on the site, with any query
// and fragment ("/a/ghani?utm_source=rss#top").
type Item struct {
	GUID      string
	Link      string
	Title     string
	Published time.Time // zero: no pubDate
}

// FeedRequest records a request for the feed.
type FeedRequest struct {
	IfNoneMatch     string
	IfModifiedSince string
	Status          int
}

// Site is the test site. Its exported fields may be changed between polls;
// it is safe for concurrent use.
type Site struct {
	Server *httptest.Server

	mu       sync.Mutex
	items    []Item
	version  int
	modified time.Time
	feeds    []FeedRequest
	hits     map[string]int
	fail     map[string]int
	pages    map[string]string
	hook     func(r *http.Request)
}

// New starts a site; Close it when done.
func New() *Site {
	s := &Site{hits: map[string]int{}, fail: map[string]int{}, pages: map[string]string{},
		modified: time.Date(2019, 7, 1, 8, 0, 0, 0, time.UTC)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", s.serveFeed)
	mux.HandleFunc("GET /a/{slug}", s.serveArticle)
	mux.HandleFunc("GET /go/{slug}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/a/"+r.PathValue("slug")+"?utm_source=redirect", http.StatusFound)
	})
	s.Server = httptest.NewServer(mux)
	return s
}

// Close stops the server.
func (s *Site) Close() { s.Server.Close() }

// FeedURL is the feed's URL.
func (s *Site) FeedURL() string { return s.Server.URL + "/feed.xml" }

// URL is the absolute URL of a path on the site.
func (s *Site) URL(path string) string { return s.Server.URL + path }

// Add appends items to the feed, which changes its validators.
func (s *Site) Add(items ...Item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, items...)
	s.version++
	s.modified = s.modified.Add(time.Hour)
}

// Fail makes the article at path answer with status (0: serve it again).
func (s *Site) Fail(path string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if status == 0 {
		delete(s.fail, path)
	} else {
		s.fail[path] = status
	}
}

// Page replaces the generated page of an article path with body.
func (s *Site) Page(path, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = body
}

// Hook sets a function called before each article is served (nil: none).
func (s *Site) Hook(f func(r *http.Request)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = f
}

// FeedRequests returns the requests for the feed so far.
func (s *Site) FeedRequests() []FeedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]FeedRequest(nil), s.feeds...)
}

// Hits returns how often each article path was requested.
func (s *Site) Hits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		m[k] = v
	}
	return m
}

// ETag is the feed's current entity tag.
func (s *Site) ETag() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.etag()
}

func (s *Site) etag() string { return fmt.Sprintf(`"feed-v%d"`, s.version) }

func (s *Site) serveFeed(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req := FeedRequest{IfNoneMatch: r.Header.Get("If-None-Match"), IfModifiedSince: r.Header.Get("If-Modified-Since")}
	lm := s.modified.Format(http.TimeFormat)
	w.Header().Set("ETag", s.etag())
	w.Header().Set("Last-Modified", lm)
	if req.IfNoneMatch == s.etag() && req.IfModifiedSince == lm {
		req.Status = http.StatusNotModified
		s.feeds = append(s.feeds, req)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	req.Status = http.StatusOK
	s.feeds = append(s.feeds, req)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel><title>Test Wire</title><link>" + s.Server.URL + "/</link><description>test</description>\n")
	for _, it := range s.items {
		b.WriteString("<item>")
		fmt.Fprintf(&b, "<title>%s</title><link>%s</link>", html.EscapeString(it.Title), html.EscapeString(s.Server.URL+it.Link))
		if it.GUID != "" {
			fmt.Fprintf(&b, `<guid isPermaLink="false">%s</guid>`, html.EscapeString(it.GUID))
		}
		if !it.Published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.Published.Format(time.RFC1123Z))
		}
		fmt.Fprintf(&b, "<description>%s</description></item>\n", html.EscapeString("Summary of "+it.Title))
	}
	b.WriteString("</channel></rss>\n")
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func (s *Site) serveArticle(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	status := s.fail[r.URL.Path]
	page, ok := s.pages[r.URL.Path]
	hook := s.hook
	s.mu.Unlock()
	if hook != nil {
		hook(r)
	}
	if status != 0 {
		http.Error(w, "broken", status)
		return
	}
	if !ok {
		page = Article(r.PathValue("slug"))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, page)
}

// Article returns an English news page about slug, whose text differs from
// every other slug's, with a CAMEO-codable first sentence.
func Article(slug string) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Talks resume, report %[1]s | Test Wire</title>
<meta property="og:title" content="Talks resume, report %[1]s"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<main><article><h1>Talks resume, report %[1]s</h1>
<p>Taliban representatives met Afghan officials in Doha, Qatar, on Sunday for talks aimed at ending the war, officials said in report %[1]s.</p>
<p>The United States has held several rounds of talks with the Taliban since last year, and the delegates of report %[1]s are expected to issue a joint statement on Monday.</p>
<p>German and Qatari diplomats organised the meeting described in report %[1]s, which was attended by about sixty delegates, including members of parliament.</p>
</article></main><footer>Copyright Test Wire.</footer></body></html>
`, html.EscapeString(slug))
}
