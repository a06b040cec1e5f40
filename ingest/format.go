package ingest

import (
	"bufio"
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"parley"
)

// The formats beyond JSON lines and plain text, each read by its own file.
const (
	formatHTML     format = iota + 100 // html.go
	formatFeed                         // feed.go: RSS, Atom, JSON Feed
	formatXML                          // a feed or PETRARCH records, told apart by sniffing
	formatPetrarch                     // petrarch.go
	formatWARC                         // warc.go, plain or gzip
	formatTABARI                       // tabari.go
)

// formatOfMore gives the format of the extensions of the formats above, and
// formatSniff for others.
func formatOfMore(path string) format {
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".warc.gz") {
		return formatWARC
	}
	switch filepath.Ext(lower) {
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".rss", ".atom":
		return formatFeed
	case ".xml":
		return formatXML
	case ".warc":
		return formatWARC
	case ".tabari":
		return formatTABARI
	}
	return formatSniff
}

var tabariHeader = regexp.MustCompile(`^(\d{6}|\d{8})[ \t*]+\S+\s*$`)

// sniffBytes tells the formats above from the first bytes of an input:
// gzip or "WARC/" is WARC; "<rss", "<feed", "<rdf:RDF" a feed; "<Sentences"
// or "<Validation" PETRARCH records; other markup HTML; a first line that
// is a TABARI record header ("950101 DEMO-01") TABARI. It returns
// formatSniff when none fits.
func sniffBytes(buf []byte) format {
	buf = trimBOM(buf)
	if len(buf) >= 2 && buf[0] == 0x1f && buf[1] == 0x8b {
		return formatWARC
	}
	s := strings.TrimLeft(string(buf), " \t\r\n")
	switch {
	case strings.HasPrefix(s, "WARC/"):
		return formatWARC
	case strings.HasPrefix(s, "{"):
		if strings.Contains(s[:min(len(s), 200)], "jsonfeed.org") {
			return formatFeed
		}
		return formatJSONLines
	case strings.HasPrefix(s, "<"):
		return sniffMarkup(s)
	}
	for _, line := range strings.SplitN(s, "\n", 20) {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if tabariHeader.MatchString(line) {
			return formatTABARI
		}
		break
	}
	return formatSniff
}

// sniffMarkup tells feeds, PETRARCH records and HTML apart by the first
// element after any prolog, comments and doctype.
func sniffMarkup(s string) format {
	head := s[:min(len(s), 4096)]
	for {
		head = strings.TrimLeft(head, " \t\r\n")
		switch {
		case strings.HasPrefix(head, "<?"):
			i := strings.Index(head, "?>")
			if i < 0 {
				return formatHTML
			}
			head = head[i+2:]
			continue
		case strings.HasPrefix(head, "<!--"):
			i := strings.Index(head, "-->")
			if i < 0 {
				// a long comment: judge by what the buffer shows
				if strings.Contains(s, "<Sentence") {
					return formatPetrarch
				}
				return formatHTML
			}
			head = head[i+3:]
			continue
		}
		break
	}
	lower := strings.ToLower(head)
	switch {
	case strings.HasPrefix(lower, "<rss"), strings.HasPrefix(lower, "<feed"), strings.HasPrefix(lower, "<rdf:rdf"), strings.HasPrefix(lower, "<rdf"):
		return formatFeed
	case strings.HasPrefix(head, "<Sentences"), strings.HasPrefix(head, "<Validation"), strings.HasPrefix(head, "<Sentence"):
		return formatPetrarch
	}
	return formatHTML
}

// streamMore reads an opened input in one of the formats above; handled is
// false for the formats ingest.go reads itself. An XML input is sniffed
// into a feed or PETRARCH records.
func (r *reader) streamMore(ctx context.Context, br *bufio.Reader, name, id string, f format) (handled bool, err error) {
	if f == formatXML {
		buf, _ := br.Peek(br.Size())
		f = formatFeed
		if sniffBytes(buf) == formatPetrarch {
			f = formatPetrarch
		}
	}
	switch f {
	case formatHTML:
		return true, r.html(br, name, id)
	case formatFeed:
		return true, r.feed(ctx, br, name, false)
	case formatPetrarch:
		return true, r.petrarch(ctx, br, name)
	case formatWARC:
		return true, r.warc(ctx, br, name)
	case formatTABARI:
		return true, r.tabari(ctx, br, name)
	}
	return false, nil
}

func bufioReader(b []byte) *bufio.Reader {
	return bufio.NewReaderSize(bytes.NewReader(b), 64<<10)
}

// acceptUTF8 refuses a document with invalid UTF-8 in any field (record
// formats carry bytes as they are), then hands it to accept.
func (r *reader) acceptUTF8(doc parley.Document, in string, line int, origin string) error {
	for _, s := range []string{doc.ID, doc.Date, doc.Title, doc.Text, doc.URL, doc.Source, doc.Author} {
		if !utf8.ValidString(s) {
			r.report(&Error{Input: in, Line: line, Err: parley.Errorf(parley.EINVALID, "document %q: invalid UTF-8", strings.ToValidUTF8(doc.ID, "\uFFFD"))})
			return nil
		}
	}
	return r.accept(doc, in, line, origin)
}
