package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"parley"
)

// warc reads a WARC file (plain, or gzip per record or whole): every
// "response" record holding an HTTP 200 HTML page and every "resource"
// record of type text/html becomes a document, its id the canonical
// WARC-Target-URI, its date the page's, else the WARC-Date. Other records
// are skipped. A bad record is reported and the next one read; a framing
// error (a header that cannot be read) stops the input.
func (r *reader) warc(ctx context.Context, rd io.Reader, name string) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "warc: gzip: %v", err)})
			return nil
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	tp := textproto.NewReader(br)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s#%d", name, n)
		version, err := nextNonBlank(tp)
		if errors.Is(err, io.EOF) {
			if n == 1 {
				r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "warc: no records")})
			}
			return nil
		}
		if err != nil {
			r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: %v", err)})
			return nil
		}
		if !strings.HasPrefix(version, "WARC/") {
			r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: record starts with %.40q, not WARC/", version)})
			return nil
		}
		h, err := tp.ReadMIMEHeader()
		if err != nil && !(errors.Is(err, io.EOF) && len(h) > 0) {
			r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: header: %v", err)})
			return nil
		}
		length, err := strconv.ParseInt(strings.TrimSpace(h.Get("Content-Length")), 10, 64)
		if err != nil || length < 0 {
			r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: bad Content-Length %q", h.Get("Content-Length"))})
			return nil
		}
		block := io.LimitReader(br, length)
		if length > MaxPageBytes {
			r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: record of %d bytes is over the limit of %d; skipped", length, MaxPageBytes)})
		} else if err := r.warcRecord(h, block, where); err != nil {
			return err
		}
		if _, err := io.Copy(io.Discard, block); err != nil {
			r.report(&Error{Input: where, Err: fmt.Errorf("warc: read: %w", err)})
			return nil
		}
	}
}

func nextNonBlank(tp *textproto.Reader) (string, error) {
	for {
		l, err := tp.ReadLine()
		if err != nil {
			return "", err
		}
		if strings.TrimSpace(l) != "" {
			return l, nil
		}
	}
}

// warcRecord reads one record's block. Its error is only one that stops
// Read.
func (r *reader) warcRecord(h textproto.MIMEHeader, block io.Reader, where string) error {
	typ := strings.ToLower(h.Get("WARC-Type"))
	target := h.Get("WARC-Target-URI")
	fallback := r.opt.DefaultDate
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(h.Get("WARC-Date"))); err == nil {
		fallback = t.UTC().Format(parley.DateLayout)
	}
	ct := h.Get("Content-Type")
	var body []byte
	switch {
	case typ == "response" && strings.Contains(strings.ToLower(ct), "application/http"):
		resp, err := http.ReadResponse(bufio.NewReader(block), nil)
		if err != nil {
			r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: HTTP response: %v", err)})
			return nil
		}
		defer resp.Body.Close()
		ct = resp.Header.Get("Content-Type")
		if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(ct), "html") {
			return nil // redirects, errors, images, scripts: not articles
		}
		var rd io.Reader = resp.Body
		switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(rd)
			if err != nil {
				r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: gzip body: %v", err)})
				return nil
			}
			rd = zr
		case "deflate":
			rd = flate.NewReader(rd)
		}
		body, err = io.ReadAll(io.LimitReader(rd, MaxPageBytes+1))
		if err != nil {
			r.report(&Error{Input: where, Err: fmt.Errorf("warc: read body: %w", err)})
			return nil
		}
	case typ == "resource" && strings.Contains(strings.ToLower(ct), "html"):
		var err error
		if body, err = io.ReadAll(block); err != nil {
			r.report(&Error{Input: where, Err: fmt.Errorf("warc: read: %w", err)})
			return nil
		}
	default:
		return nil
	}
	if len(body) > MaxPageBytes {
		r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "warc: page over the limit of %d bytes", MaxPageBytes)})
		return nil
	}
	p, err := ExtractHTML(bytes.NewReader(body), ct, target)
	if err != nil {
		r.report(&Error{Input: where, Err: fmt.Errorf("%s: %w", target, err)})
		return nil
	}
	id := CanonicalURL(target)
	if id == "" {
		id = where
	}
	doc := pageDocument(p, id, target, fallback)
	if doc.Date == "" {
		r.report(&Error{Input: where, Err: parley.Errorf(parley.EINVALID, "document %q: missing date", id)})
		return nil
	}
	return r.acceptUTF8(doc, where, 0, where)
}
