package watch

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"parley"
	"parley/ingest"
)

// Fetch modes of a feed: when the article an item links to is fetched.
const (
	FetchAlways = "always" // always fetch and extract the article page (the default)
	FetchAuto   = "auto"   // fetch only when the item's own text is short
	FetchNever  = "never"  // code the item's own text; never fetch the page
)

// minItemText is the length of an item text worth coding without fetching
// the article it links to, in FetchAuto mode (ingest uses the same bound).
const minItemText = 500

// Feed is one line of a feed list.
type Feed struct {
	URL    string
	Source string // outlet name given to the documents; "" takes the feed's title
	Fetch  string // FetchAlways, FetchAuto or FetchNever
	Line   int    // line in the list, for messages
}

// ParseFeeds reads a feed list: one feed URL a line, blank lines and text
// from a '#' (at the start of a line or after white space) ignored. After
// the URL a line may carry settings as key=value, a value with spaces in
// double quotes:
//
//	https://example.com/world/rss.xml
//	https://example.org/atom.xml source="Example Org" fetch=auto
//
// source names the outlet (default: the feed's title); fetch is always
// (default), auto (fetch the article only when the item's text is short) or
// never. A malformed line, an unknown setting or a feed listed twice is an
// EINVALID error naming the line; name stands for the list in it.
func ParseFeeds(r io.Reader, name string) ([]Feed, error) {
	var feeds []Feed
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		fields, err := splitLine(sc.Text())
		if err != nil {
			return nil, parley.Errorf(parley.EINVALID, "%s:%d: %v", name, n, err)
		}
		if len(fields) == 0 {
			continue
		}
		f := Feed{URL: fields[0], Fetch: FetchAlways, Line: n}
		if u, err := url.Parse(f.URL); err != nil || !ingest.IsURL(f.URL) || u.Host == "" {
			return nil, parley.Errorf(parley.EINVALID, "%s:%d: %q is not an http(s) URL", name, n, f.URL)
		}
		for _, kv := range fields[1:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return nil, parley.Errorf(parley.EINVALID, "%s:%d: setting %q is not key=value", name, n, kv)
			}
			switch k {
			case "source":
				f.Source = v
			case "fetch":
				if v != FetchAlways && v != FetchAuto && v != FetchNever {
					return nil, parley.Errorf(parley.EINVALID, "%s:%d: fetch=%s: want always, auto or never", name, n, v)
				}
				f.Fetch = v
			default:
				return nil, parley.Errorf(parley.EINVALID, "%s:%d: unknown setting %q (source, fetch)", name, n, k)
			}
		}
		key := ingest.CanonicalURL(f.URL)
		if first, ok := seen[key]; ok {
			return nil, parley.Errorf(parley.EINVALID, "%s:%d: feed %s already listed on line %d", name, n, f.URL, first)
		}
		seen[key] = n
		feeds = append(feeds, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return feeds, nil
}

// ReadFeeds reads the feed list in a file.
func ReadFeeds(path string) ([]Feed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("feed list: %w", err)
	}
	defer f.Close()
	return ParseFeeds(f, path)
}

// splitLine cuts a line into white-space separated fields, keeping a
// double-quoted run (quotes dropped) in one field and stopping at a '#'
// that starts a field.
func splitLine(s string) ([]string, error) {
	var out []string
	var b strings.Builder
	quoted, started := false, false
	for _, c := range s {
		switch {
		case quoted:
			if c == '"' {
				quoted = false
			} else {
				b.WriteRune(c)
			}
		case c == '"':
			quoted, started = true, true
		case c == ' ' || c == '\t' || c == '\r':
			if started {
				out = append(out, b.String())
				b.Reset()
				started = false
			}
		case c == '#' && !started:
			return out, nil
		default:
			b.WriteRune(c)
			started = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unclosed quote")
	}
	if started {
		out = append(out, b.String())
	}
	return out, nil
}
