package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"parley"
)

// Feed is an RSS, Atom or JSON feed as ParseFeed reads it.
type Feed struct {
	Title string
	Items []FeedItem
}

// FeedItem is one entry of a feed.
type FeedItem struct {
	GUID      string
	Link      string // as given; CanonicalURL(Link) is its identity
	Title     string
	Text      string // the item's content, else its summary, as plain text
	Author    string
	Published time.Time // zero when the item gives no date
}

// Key returns the item's identity: its canonical link, else its GUID.
func (it FeedItem) Key() string {
	if IsURL(it.Link) {
		return CanonicalURL(it.Link)
	}
	return it.GUID
}

// ParseFeed reads an RSS (0.9x, 1.0, 2.0), Atom or JSON feed. The feed's
// declared character set is converted to UTF-8. A feed that cannot be
// parsed is an EINVALID error.
func ParseFeed(r io.Reader) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "feed: %v", err)
	}
	out := &Feed{Title: oneLine(f.Title)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		fi := FeedItem{GUID: strings.TrimSpace(it.GUID), Link: strings.TrimSpace(it.Link), Title: oneLine(htmlText(it.Title))}
		content, summary := htmlText(it.Content), htmlText(it.Description)
		fi.Text = summary
		if len(content) > len(summary) {
			fi.Text = content
		}
		if it.Author != nil {
			fi.Author = oneLine(it.Author.Name)
		} else if len(it.Authors) > 0 && it.Authors[0] != nil {
			fi.Author = oneLine(it.Authors[0].Name)
		}
		switch {
		case it.PublishedParsed != nil:
			fi.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			fi.Published = *it.UpdatedParsed
		}
		out.Items = append(out.Items, fi)
	}
	return out, nil
}

// minItemText is the length of an item text worth coding without fetching
// the article it links to.
const minItemText = 500

// feed reads a feed input: each item is a document. When fetch is true and
// an item's own text is short, the article it links to is fetched and
// extracted instead. A problem with one item is reported and the rest go on.
func (r *reader) feed(ctx context.Context, rd io.Reader, name string, fetch bool) error {
	b, err := io.ReadAll(io.LimitReader(rd, MaxPageBytes+1))
	if err != nil {
		r.report(&Error{Input: name, Err: fmt.Errorf("read: %w", err)})
		return nil
	}
	if len(b) > MaxPageBytes {
		r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "feed over the limit of %d bytes", MaxPageBytes)})
		return nil
	}
	f, err := ParseFeed(bytes.NewReader(b))
	if err != nil {
		r.report(&Error{Input: name, Err: err})
		return nil
	}
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s#%d", name, i+1)
		doc, err := r.itemDocument(ctx, f, it, where, fetch)
		if err != nil {
			r.report(&Error{Input: where, Err: err})
			continue
		}
		if err := r.acceptUTF8(doc, where, 0, where); err != nil {
			return err
		}
	}
	return nil
}

// itemDocument makes the document of one feed item, fetching its article
// when asked to and the item's own text is short.
func (r *reader) itemDocument(ctx context.Context, f *Feed, it FeedItem, where string, fetch bool) (parley.Document, error) {
	id := it.Key()
	if id == "" {
		id = where
	}
	date := r.opt.DefaultDate
	if !it.Published.IsZero() {
		date = it.Published.UTC().Format(parley.DateLayout)
	}
	doc := parley.Document{ID: id, Date: date, Title: it.Title, Text: it.Text, URL: it.Link, Source: f.Title, Author: it.Author}
	if fetch && len(it.Text) < minItemText && IsURL(it.Link) {
		fr, err := r.fetcher().Get(ctx, it.Link, Validators{})
		if err != nil {
			return doc, err
		}
		p, err := ExtractHTML(bytes.NewReader(fr.Body), fr.ContentType, fr.URL)
		if err != nil {
			return doc, fmt.Errorf("%s: %w", it.Link, err)
		}
		pd := pageDocument(p, id, it.Link, date)
		if pd.Title == "" {
			pd.Title = it.Title
		}
		if pd.Author == "" {
			pd.Author = it.Author
		}
		if f.Title != "" {
			pd.Source = f.Title // the feed names the outlet better than a hostname
		}
		if pd.Date == "" {
			pd.Date = fr.Fetched.Format(parley.DateLayout)
		}
		doc = pd
	}
	if doc.Date == "" {
		return doc, parley.Errorf(parley.EINVALID, "document %q: missing date: the item gives none and no default date was given", id)
	}
	return doc, nil
}

// fetcher returns Options.Fetcher, or a default one made on first use.
func (r *reader) fetcher() *Fetcher {
	if r.opt.Fetcher == nil {
		r.opt.Fetcher = NewFetcher(FetchOptions{})
	}
	return r.opt.Fetcher
}

// url fetches one URL input and reads it by its content: an HTML article,
// a feed (whose items' articles are fetched in turn), JSON lines or text.
func (r *reader) url(ctx context.Context, in string) error {
	resp, err := r.fetcher().Get(ctx, in, Validators{})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.report(&Error{Input: in, Err: err})
		return nil
	}
	id := CanonicalURL(resp.URL)
	switch contentFormat(resp.ContentType, resp.Body) {
	case formatFeed:
		return r.feed(ctx, bytes.NewReader(resp.Body), in, true)
	case formatJSONLines:
		return r.jsonLines(ctx, bufioReader(resp.Body), in)
	case formatText:
		if r.opt.DefaultDate == "" {
			r.report(&Error{Input: in, Err: parley.Errorf(parley.EINVALID, "document %q: missing date: plain text carries none and no default date was given", id)})
			return nil
		}
		return r.text(bufioReader(resp.Body), in, id)
	}
	p, err := ExtractHTML(bytes.NewReader(resp.Body), resp.ContentType, resp.URL)
	if err != nil {
		r.report(&Error{Input: in, Err: err})
		return nil
	}
	fallback := r.opt.DefaultDate
	if fallback == "" {
		fallback = resp.Fetched.Format(parley.DateLayout)
		if t, err := time.Parse(time.RFC1123, resp.Validators.LastModified); err == nil {
			fallback = t.UTC().Format(parley.DateLayout)
		}
	}
	return r.acceptUTF8(pageDocument(p, id, resp.URL, fallback), in, 0, in)
}

// contentFormat says how to read a fetched body, from its content type and,
// when that is vague, its first bytes.
func contentFormat(contentType string, body []byte) format {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "feed+json"):
		return formatFeed
	case strings.Contains(ct, "html"):
		return formatHTML
	case strings.Contains(ct, "ndjson"), strings.Contains(ct, "jsonl"):
		return formatJSONLines
	}
	f := sniffBytes(body)
	if f == formatSniff {
		return formatHTML
	}
	return f
}
