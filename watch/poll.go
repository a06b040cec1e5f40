// Package watch polls news feeds and stores the new articles they list,
// coded, in an event store, remembering what it has taken across restarts.
//
// A Poller polls each feed with a conditional GET (If-None-Match and
// If-Modified-Since from the saved State; 304 means nothing new), skips the
// items whose GUID or canonical URL it has taken before, fetches each new
// item's article through an ingest.Fetcher (so its timeouts, size and
// redirect limits and per-host rate apply), extracts and codes it, and
// stores the documents with parley.EventStore.AddDocuments. Only after the
// store has committed does it record the items as taken and save the state;
// a feed's new validators are recorded only once every new item of that
// response has been taken, so an article that failed is tried again on the
// next poll instead of hiding behind a 304. A crash between the commit and
// the state save costs at most a second fetch of the items of that batch,
// which the store then recognises (by document id or normalized text) as
// duplicates: nothing is counted twice.
//
// The Poller is synchronous; the loop, ticker and signal handling are the
// caller's (cmd/parley/watch.go).
package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"parley"
	"parley/coding"
	"parley/ingest"
)

// Defaults of a Poller's zero fields.
const (
	DefaultBatch         = 32
	DefaultMaxAttempts   = 3
	DefaultCommitTimeout = 30 * time.Second
)

// Coder codes one document (a *coding.Coder, or the peer coders).
type Coder interface {
	Code(doc *parley.Document) (coding.Result, error)
}

// Poller polls feeds into a store. Store, Coder, Fetcher and State are
// required; a Poller is not safe for concurrent use.
type Poller struct {
	Store   parley.EventStore
	Coder   Coder
	Fetcher *ingest.Fetcher
	State   *State
	// StatePath is where State is saved after every commit and at the end
	// of a poll; "" keeps it in memory only.
	StatePath string
	// Report is called with each problem with a feed or an article (an
	// *Error); nil ignores them. Poll goes on after each.
	Report func(error)
	// Batch is the number of documents stored a transaction (DefaultBatch
	// when 0).
	Batch int
	// MaxAttempts is how many polls try an article that fails before it is
	// given up (DefaultMaxAttempts when 0).
	MaxAttempts int
	// Retention is how long taken item keys are remembered after they were
	// last listed (DefaultRetention when 0).
	Retention time.Duration
	// CommitTimeout bounds a store commit. Commits run on a context
	// detached from Poll's, so that a cancelled poll still stores what it
	// has fetched (DefaultCommitTimeout when 0).
	CommitTimeout time.Duration
	// AnyLanguage turns off the English gate (ingest.Language).
	AnyLanguage bool
	// Now gives the time; nil means time.Now.
	Now func() time.Time
}

// Stats counts what a poll did.
type Stats struct {
	Feeds       int // feeds polled
	NotModified int // feeds that answered 304 Not Modified
	New         int // items not taken before
	Stored      int // documents stored
	Duplicates  int // new items whose document the store already had
	Errors      int // feeds and articles that failed
	GaveUp      int // articles failed MaxAttempts times, not tried again
	NotEnglish  int // articles skipped by the language gate
	Mentions    int // event records stored
}

// Error is a problem with one feed, or with one of its items.
type Error struct {
	Feed  string // the feed's URL
	Item  string // the item's link (else its GUID); "" for the feed itself
	Err   error
	Final bool // the item has been given up on; it will not be tried again
}

// Error returns "feed FEED: problem" or "feed FEED: item ITEM: problem".
func (e *Error) Error() string {
	s := "feed " + e.Feed + ": "
	if e.Item != "" {
		s += "item " + e.Item + ": "
	}
	s += e.Err.Error()
	if e.Final {
		s += " (given up)"
	}
	return s
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Poll polls each feed once, in order, and returns what it did. Problems
// with single feeds and articles are reported and counted, and the poll
// goes on. It returns an error for what must stop the watcher: the store
// failing or the state not saved. When ctx is cancelled it stops fetching,
// stores what it has fetched, saves the state and returns ctx.Err().
func (p *Poller) Poll(ctx context.Context, feeds []Feed) (Stats, error) {
	var st Stats
	for _, f := range feeds {
		if ctx.Err() != nil {
			break
		}
		if err := p.pollFeed(ctx, f, &st); err != nil {
			return st, err
		}
	}
	p.State.prune(p.now().Add(-p.retention()))
	if err := p.save(); err != nil {
		return st, err
	}
	return st, ctx.Err()
}

// pending is a coded document waiting for its commit, with its item keys.
type pending struct {
	doc  parley.CodedDocument
	keys []string
}

// pollFeed polls one feed. Its error is one that stops the poll; ctx being
// done only ends the feed early.
func (p *Poller) pollFeed(ctx context.Context, f Feed, st *Stats) error {
	fs := p.State.feed(f.URL)
	st.Feeds++
	resp, err := p.Fetcher.Get(ctx, f.URL, ingest.Validators{ETag: fs.ETag, LastModified: fs.LastModified})
	if err != nil {
		if ctx.Err() == nil {
			p.report(st, &Error{Feed: f.URL, Err: err})
		}
		return nil
	}
	now := p.now()
	fs.LastPoll = now
	if resp.NotModified {
		st.NotModified++
		if resp.Validators.ETag != "" {
			fs.ETag = resp.Validators.ETag
		}
		if resp.Validators.LastModified != "" {
			fs.LastModified = resp.Validators.LastModified
		}
		return nil
	}
	feed, err := ingest.ParseFeed(bytes.NewReader(resp.Body))
	if err != nil {
		p.report(st, &Error{Feed: f.URL, Err: err})
		return nil
	}
	source := f.Source
	if source == "" {
		source = feed.Title
	}

	var batch []pending
	inBatch := map[string]bool{}
	complete := true // every new item of this response was taken
	var stop error   // an error that ends the poll
	for _, it := range feed.Items {
		if ctx.Err() != nil {
			complete = false
			break
		}
		keys := itemKeys(f.URL, it)
		if p.State.seenAny(keys) {
			p.State.take(keys, now) // listed again: remember it longer
			continue
		}
		if anyIn(keys, inBatch) {
			continue // the same article twice in one feed
		}
		st.New++
		name := it.Link
		if name == "" {
			name = it.GUID
		}
		doc, more, err := p.article(ctx, f, source, it, keys, resp.Fetched)
		keys = append(keys, more...)
		switch {
		case err == nil:
		case ctx.Err() != nil:
			complete = false // not fetched: the next poll tries it
		case isStoreError(err):
			stop = err
		case errors.Is(err, errTaken):
			st.Duplicates++
			p.State.take(keys, now)
			continue
		case errors.Is(err, ingest.ErrNotEnglish):
			st.NotEnglish++
			p.State.take(keys, now) // it will not turn English
			p.report(nil, &Error{Feed: f.URL, Item: name, Err: err})
			continue
		default:
			if !p.failed(st, f.URL, name, keys, now, err) {
				complete = false
			}
			continue
		}
		if err != nil {
			break // cancelled, or the store failed
		}
		cd, err := p.code(doc)
		if err != nil {
			if !p.failed(st, f.URL, name, keys, now, err) {
				complete = false
			}
			continue
		}
		batch = append(batch, pending{cd, keys})
		for _, k := range keys {
			inBatch[k] = true
		}
		if len(batch) >= p.batchSize() {
			if err := p.commit(ctx, batch, st); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := p.commit(ctx, batch, st); err != nil {
		return err
	}
	if stop != nil {
		return stop
	}
	if complete && ctx.Err() == nil {
		fs.ETag, fs.LastModified = resp.Validators.ETag, resp.Validators.LastModified
	}
	return p.save()
}

// errTaken marks an item whose document the store already has.
var errTaken = errors.New("already stored")

// storeError marks an error from the store, which stops the poll.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }
func (e *storeError) Unwrap() error { return e.err }

func isStoreError(err error) bool {
	var se *storeError
	return errors.As(err, &se)
}

// article makes the document of a new item: its article page fetched and
// extracted (as the feed's fetch mode says), else the item's own text. It
// returns the keys the fetch added (the page's canonical URL after
// redirects), errTaken when the store or the state already has the
// article, and an error with ingest.ErrNotEnglish in its chain for an
// article the language gate refuses.
func (p *Poller) article(ctx context.Context, f Feed, source string, it ingest.FeedItem, keys []string, fetched time.Time) (parley.Document, []string, error) {
	doc := parley.Document{
		ID: it.Key(), Title: it.Title, Text: it.Text, URL: it.Link, Source: source, Author: it.Author,
	}
	if doc.ID == "" {
		doc.ID = f.URL + "#" + strings.TrimPrefix(keys[0], "text ")
	}
	if stored, err := p.Store.HasDocument(ctx, doc.ID); err != nil {
		return doc, nil, &storeError{fmt.Errorf("look up document %q: %w", doc.ID, err)}
	} else if stored {
		return doc, nil, errTaken
	}
	var page *ingest.Page
	var more []string
	fetch := ingest.IsURL(it.Link) && (f.Fetch == FetchAlways || f.Fetch == FetchAuto && len(it.Text) < minItemText)
	if fetch {
		resp, err := p.Fetcher.Get(ctx, it.Link, ingest.Validators{})
		if err != nil {
			return doc, nil, err
		}
		fetched = resp.Fetched
		if final := "url " + ingest.CanonicalURL(resp.URL); !contains(keys, final) {
			if p.State.seenAny([]string{final}) {
				return doc, []string{final}, errTaken // a redirect to an article taken before
			}
			more = append(more, final)
		}
		pg, err := ingest.ExtractHTML(bytes.NewReader(resp.Body), resp.ContentType, resp.URL)
		if err != nil {
			return doc, more, err
		}
		page = &pg
		doc.URL = resp.URL
	}
	if page != nil {
		if page.Title != "" {
			doc.Title = page.Title
		}
		doc.Text = ingest.StripHeadline(doc.Title, page.Text)
		if doc.Author == "" {
			doc.Author = page.Author
		}
		if doc.Source == "" {
			doc.Source = page.Site
		}
	}
	switch {
	case !it.Published.IsZero():
		doc.Date = it.Published.UTC().Format(parley.DateLayout)
	case page != nil && !page.Date.IsZero():
		doc.Date = page.Date.UTC().Format(parley.DateLayout)
	default:
		doc.Date = fetched.UTC().Format(parley.DateLayout)
	}
	doc.Title = strings.ToValidUTF8(doc.Title, "\uFFFD")
	doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
	doc.Origin = f.URL
	if err := doc.Validate(); err != nil {
		return doc, more, err
	}
	if strings.TrimSpace(doc.Title) == "" && strings.TrimSpace(doc.Text) == "" {
		return doc, more, parley.Errorf(parley.EINVALID, "document %q: empty text", doc.ID)
	}
	if !p.AnyLanguage {
		if code, lang, ok := ingest.DocumentLanguage(&doc); !ok {
			return doc, more, fmt.Errorf("%w: language %s (%s); skipped", ingest.ErrNotEnglish, code, lang)
		}
	}
	return doc, more, nil
}

// code codes a document, turning a panic in the coder into its error so
// that one bad article cannot stop the watcher.
func (p *Poller) code(doc parley.Document) (cd parley.CodedDocument, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("document %q: internal error while coding: %v", doc.ID, r)
		}
	}()
	res, err := p.Coder.Code(&doc)
	if err != nil {
		return cd, fmt.Errorf("code document %q: %w", doc.ID, err)
	}
	return parley.CodedDocument{Doc: doc, Events: res.Events, Sentences: res.Sentences}, nil
}

// commit stores a batch, then records its items as taken and saves the
// state. It runs on a context detached from ctx, so a cancelled poll keeps
// what it fetched.
func (p *Poller) commit(ctx context.Context, batch []pending, st *Stats) error {
	if len(batch) == 0 {
		return nil
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.commitTimeout())
	defer cancel()
	docs := make([]parley.CodedDocument, len(batch))
	for i, b := range batch {
		docs[i] = b.doc
	}
	res, err := p.Store.AddDocuments(cctx, docs)
	if err != nil {
		return fmt.Errorf("store %d documents: %w", len(docs), err)
	}
	st.Stored += res.Added
	st.Duplicates += len(res.Duplicates)
	st.Mentions += res.Mentions
	now := p.now()
	for _, b := range batch {
		p.State.take(b.keys, now)
	}
	return p.save()
}

// failed counts and reports an item that failed, and reports whether it
// was given up on (and so taken).
func (p *Poller) failed(st *Stats, feed, item string, keys []string, now time.Time, err error) bool {
	n := p.State.fail(keys[0], now, err)
	e := &Error{Feed: feed, Item: item, Err: err, Final: n >= p.maxAttempts()}
	p.report(st, e)
	if e.Final {
		st.GaveUp++
		p.State.take(keys, now)
	}
	return e.Final
}

// report counts an error (when st is not nil) and hands it to Report.
func (p *Poller) report(st *Stats, err error) {
	if st != nil {
		st.Errors++
	}
	if p.Report != nil {
		p.Report(err)
	}
}

func (p *Poller) save() error {
	if p.StatePath == "" {
		return nil
	}
	return p.State.Save(p.StatePath)
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now().UTC()
	}
	return time.Now().UTC()
}

func (p *Poller) batchSize() int {
	if p.Batch > 0 {
		return p.Batch
	}
	return DefaultBatch
}

func (p *Poller) maxAttempts() int {
	if p.MaxAttempts > 0 {
		return p.MaxAttempts
	}
	return DefaultMaxAttempts
}

func (p *Poller) retention() time.Duration {
	if p.Retention > 0 {
		return p.Retention
	}
	return DefaultRetention
}

func (p *Poller) commitTimeout() time.Duration {
	if p.CommitTimeout > 0 {
		return p.CommitTimeout
	}
	return DefaultCommitTimeout
}

// itemKeys returns an item's keys (see State): its canonical link and its
// GUID, or, when it has neither, a hash of its title and text. The first
// key names the item in State.Failures.
func itemKeys(feedURL string, it ingest.FeedItem) []string {
	var keys []string
	if ingest.IsURL(it.Link) {
		keys = append(keys, "url "+ingest.CanonicalURL(it.Link))
	}
	if it.GUID != "" {
		keys = append(keys, "guid "+feedURL+" "+it.GUID)
	}
	if len(keys) == 0 {
		sum := sha256.Sum256([]byte(it.Title + "\n" + it.Text))
		keys = append(keys, "text "+hex.EncodeToString(sum[:12]))
	}
	return keys
}

func anyIn(keys []string, set map[string]bool) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

func contains(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}
