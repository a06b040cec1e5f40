package watch_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"parley"
	"parley/watch"
)

func TestParseFeeds(t *testing.T) {
	list := `# world news
https://example.com/world/rss.xml

https://example.org/atom.xml   source="Example Org" fetch=auto  # the wire
	https://example.net/feed fetch=never
`
	got, err := watch.ParseFeeds(strings.NewReader(list), "feeds.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []watch.Feed{
		{URL: "https://example.com/world/rss.xml", Fetch: watch.FetchAlways, Line: 2},
		{URL: "https://example.org/atom.xml", Source: "Example Org", Fetch: watch.FetchAuto, Line: 4},
		{URL: "https://example.net/feed", Fetch: watch.FetchNever, Line: 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}

	for _, tc := range []struct{ list, want string }{
		{"example.com/rss", `feeds.txt:1: "example.com/rss" is not an http(s) URL`},
		{"ftp://example.com/rss", "not an http(s) URL"},
		{"https://example.com/rss fetch=sometimes", "feeds.txt:1: fetch=sometimes"},
		{"https://example.com/rss\n\nhttps://EXAMPLE.com/rss#x", "feeds.txt:3: feed https://EXAMPLE.com/rss#x already listed on line 1"},
		{"https://example.com/rss colour=blue", `unknown setting "colour"`},
		{"https://example.com/rss source", "not key=value"},
		{`https://example.com/rss source="Open`, "unclosed quote"},
	} {
		_, err := watch.ParseFeeds(strings.NewReader(tc.list), "feeds.txt")
		if err == nil || !strings.Contains(err.Error(), tc.want) || parley.ErrorCode(err) != parley.EINVALID {
			t.Errorf("%q: got %v, want EINVALID %q", tc.list, err, tc.want)
		}
	}
}

func TestStateFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.json")
	s, err := watch.LoadState(path)
	if err != nil || len(s.Seen) != 0 {
		t.Fatalf("missing file: %+v, %v; want an empty state", s, err)
	}
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	s.Feeds["https://example.com/rss"] = &watch.FeedState{ETag: `"x"`, LastModified: "Mon, 01 Jul 2019 08:00:00 GMT", LastPoll: at}
	s.Seen["url https://example.com/a"] = at
	s.Failures["url https://example.com/b"] = &watch.Failure{Attempts: 1, Last: at, Error: "HTTP 500"}
	for range 2 {
		if err := s.Save(path); err != nil {
			t.Fatal(err)
		}
	}
	got, err := watch.LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s) {
		t.Errorf("reloaded %+v, want %+v", got, s)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("directory holds %d files, want only the state (no temporary left)", len(ents))
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := watch.LoadState(path); err == nil || !strings.Contains(err.Error(), "start afresh") {
		t.Errorf("corrupt state: %v; want an error", err)
	}
	if err := s.Save(filepath.Join(dir, "no", "such", "dir.json")); err == nil {
		t.Error("save into a missing directory succeeded")
	}
}
