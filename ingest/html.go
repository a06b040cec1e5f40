package ingest

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"parley"
)

// MaxPageBytes bounds an HTML page, a feed or a WARC record read from a file;
// larger ones are refused. Pages carry markup, so it is larger than
// parley.MaxDocumentBytes.
const MaxPageBytes = 2 * parley.MaxDocumentBytes

// Page is what ExtractHTML finds in an HTML page.
type Page struct {
	Title    string
	Text     string // the main text, without navigation, ads and comments
	Author   string
	Language string // as the page declares it, e.g. "en"
	Site     string
	URL      string    // the page's canonical URL when it gives one
	Date     time.Time // publication date; zero when the page gives none
}

// ExtractHTML reads an HTML page and extracts its main text, title,
// publication date, author and language (go-trafilatura, with its
// readability fallback). contentType (may be "") and the page's own meta
// tags say its character set; the text is returned in UTF-8. pageURL may be
// "".
func ExtractHTML(r io.Reader, contentType, pageURL string) (Page, error) {
	ur, err := charset.NewReader(r, contentType)
	if err != nil {
		return Page{}, fmt.Errorf("html: character set: %w", err)
	}
	opt := trafilatura.Options{EnableFallback: true, ExcludeComments: true}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		opt.OriginalURL = u
	}
	res, err := trafilatura.Extract(ur, opt)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	p := Page{
		Title:    oneLine(res.Metadata.Title),
		Text:     strings.TrimSpace(res.ContentText),
		Author:   oneLine(res.Metadata.Author),
		Language: res.Metadata.Language,
		Site:     oneLine(res.Metadata.Sitename),
		URL:      res.Metadata.URL,
		Date:     res.Metadata.Date,
	}
	if p.Text == "" {
		return p, parley.Errorf(parley.EINVALID, "html: no main text found")
	}
	return p, nil
}

// oneLine folds white space runs (newlines included) into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageDocument makes a document of an extracted page: id as given, date the
// page's, else fallback (YYYY-MM-DD, may be ""). It is not yet validated.
func pageDocument(p Page, id, pageURL, fallback string) parley.Document {
	d := parley.Document{ID: id, Title: p.Title, Text: p.Text, Author: p.Author, Source: p.Site, URL: pageURL}
	if d.URL == "" {
		d.URL = p.URL
	}
	if !p.Date.IsZero() {
		d.Date = p.Date.UTC().Format(parley.DateLayout)
	} else {
		d.Date = fallback
	}
	d.Text = StripHeadline(d.Title, d.Text)
	return d
}

// StripHeadline removes the title from the start of a page's text: many
// pages repeat the headline as the text's first line.
func StripHeadline(title, text string) string {
	if title != "" && strings.HasPrefix(text, title) {
		return strings.TrimSpace(strings.TrimPrefix(text, title))
	}
	return text
}

// html reads one HTML page input as a document with the given id.
func (r *reader) html(rd io.Reader, name, id string) error {
	b, err := io.ReadAll(io.LimitReader(rd, MaxPageBytes+1))
	if err != nil {
		r.report(&Error{Input: name, Err: fmt.Errorf("read: %w", err)})
		return nil
	}
	if len(b) > MaxPageBytes {
		r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "page over the limit of %d bytes", MaxPageBytes)})
		return nil
	}
	p, err := ExtractHTML(bytes.NewReader(b), "", "")
	if err != nil {
		r.report(&Error{Input: name, Err: err})
		return nil
	}
	doc := pageDocument(p, id, "", r.opt.DefaultDate)
	if doc.Date == "" {
		r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "document %q: missing date: the page gives none and no default date was given", id)})
		return nil
	}
	return r.acceptUTF8(doc, name, 0, name)
}

// htmlText returns the text of an HTML fragment (a feed item's
// description), block elements separated by newlines.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(collapseBlank(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote":
				b.WriteByte('\n')
			}
		}
	}
}

// collapseBlank trims each line and drops empty ones.
func collapseBlank(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
