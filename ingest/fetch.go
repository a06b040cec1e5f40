package ingest

import (
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"parley"
)

// Fetch defaults.
const (
	DefaultFetchTimeout  = 30 * time.Second
	DefaultMaxFetchBytes = parley.MaxDocumentBytes // after decompression
	DefaultMaxRedirects  = 5
	DefaultHostInterval  = time.Second
	DefaultUserAgent     = "parley/1 (political event coder; +https://github.com/parley)"
)

// ErrTooLarge is in the chain of the error for a response body over the
// Fetcher's limit (after decompression, so a compression bomb is cut off).
var ErrTooLarge = errors.New("response over the size limit")

// Fetcher gets pages and feeds over HTTP politely: one request at a time
// per host at least HostInterval apart, a timeout for the whole exchange, a
// size limit on the decompressed body, a redirect limit and a User-Agent
// naming parley. It is safe for concurrent use.
type Fetcher struct {
	Client       *http.Client  // the transport; its CheckRedirect and Timeout are set by NewFetcher
	MaxBytes     int64         // bound on a decompressed body
	HostInterval time.Duration // least time between two requests to one host
	UserAgent    string

	mu   sync.Mutex
	next map[string]time.Time // host → earliest time of its next request
}

// FetchOptions configures NewFetcher; zero fields take the defaults.
type FetchOptions struct {
	Timeout      time.Duration
	MaxBytes     int64
	MaxRedirects int
	HostInterval time.Duration // negative: no wait between requests
	UserAgent    string
	Transport    http.RoundTripper
}

// NewFetcher returns a Fetcher with the options' limits.
func NewFetcher(o FetchOptions) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = DefaultFetchTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxFetchBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.HostInterval == 0 {
		o.HostInterval = DefaultHostInterval
	} else if o.HostInterval < 0 {
		o.HostInterval = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DisableCompression = true // we decompress, within the size limit
		t.ResponseHeaderTimeout = o.Timeout
		o.Transport = t
	}
	maxRedirects := o.MaxRedirects
	return &Fetcher{
		Client: &http.Client{
			Transport: o.Transport,
			Timeout:   o.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > maxRedirects {
					return fmt.Errorf("stopped after %d redirects", maxRedirects)
				}
				return nil
			},
		},
		MaxBytes:     o.MaxBytes,
		HostInterval: o.HostInterval,
		UserAgent:    o.UserAgent,
		next:         map[string]time.Time{},
	}
}

// Validators are the cache validators of an earlier response, sent so that
// an unchanged resource comes back as 304 Not Modified.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a fetched resource.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string
	Body        []byte // decompressed; not converted to UTF-8
	NotModified bool   // 304: Body is empty
	Validators  Validators
	Fetched     time.Time
}

// Get fetches rawURL. It returns an error for a transport failure, a
// timeout, too many redirects, a status other than 2xx or 304, and a body
// over MaxBytes (ErrTooLarge in its chain).
func (f *Fetcher) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, parley.Errorf(parley.EINVALID, "fetch %s: not an http(s) URL", rawURL)
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
		Fetched:     time.Now().UTC(),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		code := parley.EINTERNAL
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = parley.ENOTFOUND
		}
		return nil, parley.Errorf(code, "fetch %s: HTTP status %s", rawURL, resp.Status)
	}
	if resp.ContentLength > f.MaxBytes {
		return nil, fmt.Errorf("fetch %s: %d bytes: %w of %d", rawURL, resp.ContentLength, ErrTooLarge, f.MaxBytes)
	}
	var body io.Reader = io.LimitReader(resp.Body, f.MaxBytes+1)
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: gzip: %w", rawURL, err)
		}
		defer zr.Close()
		body = zr
	case "deflate":
		zr := flate.NewReader(body)
		defer zr.Close()
		body = zr
	default:
		return nil, fmt.Errorf("fetch %s: unsupported content encoding %q", rawURL, resp.Header.Get("Content-Encoding"))
	}
	b, err := io.ReadAll(io.LimitReader(body, f.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: read body: %w", rawURL, err)
	}
	if int64(len(b)) > f.MaxBytes {
		return nil, fmt.Errorf("fetch %s: %w of %d bytes", rawURL, ErrTooLarge, f.MaxBytes)
	}
	out.Body = b
	return out, nil
}

// wait blocks until a request to host is allowed and books the next slot.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	if f.HostInterval <= 0 {
		return ctx.Err()
	}
	host = strings.ToLower(host)
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.HostInterval)
	f.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// IsURL reports whether an input names an http or https URL.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// CanonicalURL returns the form of a URL used as an article's identity:
// lower-case scheme and host, no default port, no fragment, no tracking
// parameters (utm_*, fbclid, gclid and the like), the remaining query sorted,
// and no trailing slash on a path other than "/". It returns s unchanged
// when s is not an absolute http(s) URL.
func CanonicalURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	if h, p, err := net.SplitHostPort(host); err == nil && (u.Scheme == "http" && p == "80" || u.Scheme == "https" && p == "443") {
		host = h
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "mc_cid" || lk == "mc_eid" || lk == "ref" || lk == "cmpid" {
				q.Del(k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			for _, v := range q[k] {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(v))
			}
		}
		u.RawQuery = b.String()
	}
	if u.Path == "" {
		u.Path = "/"
	} else if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
	}
	return u.String()
}
