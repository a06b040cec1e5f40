package ingest

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
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
	Text     string // the main text, one paragraph a line, without navigation, ads and comments
	Author   string
	Language string // as the page declares it, e.g. "en"
	Site     string
	URL      string    // the page's canonical URL when it gives one
	Date     time.Time // publication date; zero when the page gives none
}

// ExtractHTML reads an HTML page and extracts its main text, title,
// publication date, author and language. The main text is found by
// go-readability (a port of Mozilla's Readability); the date by readability
// from the page's metadata, else by findDate (meta tags, JSON-LD, <time>,
// the address). contentType (may be "") and the page's own meta tags say
// its character set; the text is returned in UTF-8, one paragraph a line.
// pageURL may be "".
func ExtractHTML(r io.Reader, contentType, pageURL string) (Page, error) {
	ur, err := charset.NewReader(r, contentType)
	if err != nil {
		return Page{}, fmt.Errorf("html: character set: %w", err)
	}
	doc, err := html.Parse(ur)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	// scan before readability, which changes the tree; drop the
	// boilerplate it would keep beside the article
	meta := scanPage(doc)
	for _, n := range meta.drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	var base *url.URL
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		base = u
	}
	art, err := readArticle(doc, base)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	p := Page{
		Title:    oneLine(art.Title()),
		Author:   cleanAuthor(art.Byline()),
		Language: primaryLanguage(art.Language()),
		Site:     oneLine(art.SiteName()),
		URL:      meta.canonical,
	}
	if p.Language == "" {
		p.Language = meta.lang
	}
	if p.Author == "" { // readability misses bylines inside blocks it drops as unlikely
		p.Author = cleanAuthor(meta.byline)
	}
	if p.Site == "" {
		p.Site = oneLine(meta.site)
	}
	if p.URL != "" {
		p.URL = absoluteURL(base, p.URL)
	}
	if p.Site == "" { // the host names the outlet
		for _, u := range []string{p.URL, pageURL} {
			if u, err := url.Parse(u); err == nil && u.Hostname() != "" {
				p.Site = strings.TrimPrefix(u.Hostname(), "www.")
				break
			}
		}
	}
	now := time.Now()
	if t, err := art.PublishedTime(); err == nil {
		p.Date, _ = plausible(t.Year(), int(t.Month()), t.Day(), now) // the day as the page gives it
	}
	if p.Date.IsZero() {
		p.Date, _ = findDate(meta, pageURL, now)
	}
	if art.Node != nil {
		dropBylines(art.Node)
		var b strings.Builder
		if err := art.RenderText(&b); err == nil {
			p.Text = collapseBlank(b.String())
		}
	}
	for _, f := range []*string{&p.Title, &p.Text, &p.Author, &p.Language, &p.Site, &p.URL} {
		*f = strings.ToValidUTF8(*f, "\uFFFD") // a page that says UTF-8 may lie
	}
	if p.Text == "" {
		return p, parley.Errorf(parley.EINVALID, "html: no main text found")
	}
	return p, nil
}

// absoluteURL resolves ref against base (may be nil); "" when the result
// is not an absolute http or https URL.
func absoluteURL(base *url.URL, ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// readArticle runs go-readability on a parsed page, turning a panic in it
// (on odd markup) into an error.
func readArticle(doc *html.Node, base *url.URL) (art readability.Article, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("readability: %v", v)
		}
	}()
	ps := readability.NewParser()
	ps.KeepClasses = true // for dropBylines
	return ps.ParseAndMutate(doc, base)
}

// cleanAuthor tidies a byline: one line, without a leading "By" or
// "Posted by", nor a trailing date or time ("Jane Doe, July 7, 2019 9:30
// am"); "" when nothing like a name is left or it is too long to be a list
// of names.
func cleanAuthor(s string) string {
	s = oneLine(s)
	for _, pre := range []string{"posted by ", "written by ", "by "} {
		if len(s) > len(pre) && strings.EqualFold(s[:len(pre)], pre) {
			s = s[len(pre):]
			break
		}
	}
	for i := 0; i < len(s); i++ { // a word starting with a digit starts a date or a time
		if isDigit(s[i]) && (i == 0 || strings.IndexByte(" ,;:|-(", s[i-1]) >= 0 || startsDayMonth(s[i:])) {
			s = s[:i]
			break
		}
	}
	words := strings.Fields(s)
	for len(words) > 0 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ",.;:|-–—·•"))
		if months[w] == 0 && !weekdays[w] && w != "" && w != "on" && w != "at" && w != "last" && w != "updated" && w != "published" {
			break
		}
		words = words[:len(words)-1]
	}
	s = strings.Trim(strings.Join(words, " "), " ,;:|-–—·•")
	if len(s) > 200 || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// startsDayMonth reports whether s starts with a day and a month's name,
// as in "22 Dec 2016".
func startsDayMonth(s string) bool {
	f := strings.Fields(s)
	return len(f) >= 2 && len(f[0]) <= 2 && digitRun(f[0], 0) == len(f[0]) && months[strings.ToLower(strings.TrimSuffix(f[1], "."))] > 0
}

// weekdays holds English weekday names and their abbreviations.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true, "sat": true, "sun": true,
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
