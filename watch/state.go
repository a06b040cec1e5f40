package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"parley"
)

// stateVersion is the version of the state file's layout.
const stateVersion = 1

// DefaultRetention is how long an item key is remembered after its feed
// last listed it. Feeds list recent items only, so an older key is not
// needed; were the item to come back, the store would still recognise the
// document by its id or text.
const DefaultRetention = 90 * 24 * time.Hour

// State is what a watcher remembers across polls and restarts: each feed's
// cache validators and the items already taken.
//
// Item keys are "url " + the canonical URL of an item's link (or of the
// page it redirected to), which is global so that one article in two feeds
// is one item, and "guid " + feed URL + " " + GUID, scoped to its feed
// because GUIDs are only unique within one.
type State struct {
	Version int                   `json:"version"`
	Feeds   map[string]*FeedState `json:"feeds"` // by feed URL as listed
	// Seen maps the key of every item taken (stored, already stored,
	// not English, or given up on) to when a feed last listed it.
	Seen map[string]time.Time `json:"seen"`
	// Failures records the failed attempts at items not yet taken, by
	// their first key.
	Failures map[string]*Failure `json:"failures,omitempty"`
}

// Failure is an item that could not be taken yet.
type Failure struct {
	Attempts int       `json:"attempts"`
	Last     time.Time `json:"last"`
	Error    string    `json:"error"`
}

// FeedState is what is remembered of one feed.
type FeedState struct {
	// ETag and LastModified are the validators of the last response
	// whose items were all taken; they are sent as If-None-Match and
	// If-Modified-Since.
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPoll     time.Time `json:"last_poll,omitzero"`
}

// NewState returns an empty state.
func NewState() *State {
	return &State{Version: stateVersion, Feeds: map[string]*FeedState{}, Seen: map[string]time.Time{}, Failures: map[string]*Failure{}}
}

// LoadState reads a state file. A missing file is an empty state; a file
// that cannot be read or parsed is an error (starting afresh would fetch
// every listed article again).
func LoadState(path string) (*State, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewState(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read watch state: %w", err)
	}
	s := NewState()
	if err := json.Unmarshal(b, s); err != nil {
		return nil, parley.Errorf(parley.EINVALID, "watch state %s: %v (move it away to start afresh)", path, err)
	}
	if s.Version != stateVersion {
		return nil, parley.Errorf(parley.EINVALID, "watch state %s: version %d, want %d", path, s.Version, stateVersion)
	}
	if s.Feeds == nil {
		s.Feeds = map[string]*FeedState{}
	}
	if s.Seen == nil {
		s.Seen = map[string]time.Time{}
	}
	if s.Failures == nil {
		s.Failures = map[string]*Failure{}
	}
	return s, nil
}

// Save writes the state to path atomically: to a temporary file in the
// same directory, synced, then renamed over path, and the directory
// synced, so a crash leaves either the old state or the new one.
func (s *State) Save(path string) error {
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode watch state: %w", err)
	}
	b = append(b, '\n')
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(b); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		// Make the rename itself durable; some file systems cannot
		// sync a directory, which is not worth failing for.
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// feed returns the state of a feed, made on first use.
func (s *State) feed(url string) *FeedState {
	fs := s.Feeds[url]
	if fs == nil {
		fs = &FeedState{}
		s.Feeds[url] = fs
	}
	return fs
}

// seenAny reports whether any of the keys was taken.
func (s *State) seenAny(keys []string) bool {
	for _, k := range keys {
		if _, ok := s.Seen[k]; ok {
			return true
		}
	}
	return false
}

// take records the keys as taken, listed at now, and forgets their failures.
func (s *State) take(keys []string, now time.Time) {
	for _, k := range keys {
		s.Seen[k] = now
	}
	if len(keys) > 0 {
		delete(s.Failures, keys[0])
	}
}

// fail records a failed attempt at an item and returns the attempts so far.
func (s *State) fail(key string, now time.Time, err error) int {
	f := s.Failures[key]
	if f == nil {
		f = &Failure{}
		s.Failures[key] = f
	}
	f.Attempts++
	f.Last = now
	f.Error = err.Error()
	return f.Attempts
}

// prune forgets the keys last listed, and the failures last tried, before
// cutoff.
func (s *State) prune(cutoff time.Time) {
	for k, t := range s.Seen {
		if t.Before(cutoff) {
			delete(s.Seen, k)
		}
	}
	for k, f := range s.Failures {
		if f.Last.Before(cutoff) {
			delete(s.Failures, k)
		}
	}
}
