package ingest

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"parley"
)

// petrarch reads PETRARCH XML records: <Sentence date="YYYYMMDD" id="...">
// elements, anywhere in the file, each with a <Text>. Each sentence is one
// document; its <Parse> and <EventCoding> are ignored. A sentence with a
// bad date, no id or no text is reported and skipped; XML too broken to
// read on stops the input with an error naming its line.
func (r *reader) petrarch(ctx context.Context, rd io.Reader, name string) error {
	d := xml.NewDecoder(io.LimitReader(rd, 4*MaxPageBytes))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, _ := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if n == 0 {
				r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "petrarch: no <Sentence> records")})
			}
			return nil
		}
		if err != nil {
			r.report(&Error{Input: name, Line: line, Err: parley.Errorf(parley.EINVALID, "petrarch: malformed XML: %v", err)})
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Sentence" {
			continue
		}
		line, _ = d.InputPos()
		var s struct {
			Text string `xml:"Text"`
		}
		if err := d.DecodeElement(&s, &se); err != nil {
			r.report(&Error{Input: name, Line: line, Err: parley.Errorf(parley.EINVALID, "petrarch: malformed <Sentence>: %v", err)})
			return nil
		}
		n++
		attr := func(k string) string {
			for _, a := range se.Attr {
				if a.Name.Local == k {
					return strings.TrimSpace(a.Value)
				}
			}
			return ""
		}
		id := attr("id")
		if id == "" {
			r.report(&Error{Input: name, Line: line, Err: parley.Errorf(parley.EINVALID, "petrarch: <Sentence> without an id")})
			continue
		}
		date, err := compactDate(attr("date"))
		if err != nil {
			r.report(&Error{Input: name, Line: line, Err: parley.Errorf(parley.EINVALID, "document %q: %v", id, err)})
			continue
		}
		doc := parley.Document{ID: id, Date: date, Text: strings.Join(strings.Fields(s.Text), " "), Source: attr("source")}
		if err := r.acceptUTF8(doc, name, line, fmt.Sprintf("%s:%d", name, line)); err != nil {
			return err
		}
	}
}

// compactDate reads YYYYMMDD, or TABARI's YYMMDD (years before 50 are
// 20YY), as YYYY-MM-DD.
func compactDate(s string) (string, error) {
	switch len(s) {
	case 6:
		yy := s[:2]
		if yy < "50" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return "", fmt.Errorf("date %q is not YYYYMMDD or YYMMDD", s)
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return "", fmt.Errorf("date %q is not YYYYMMDD or YYMMDD", s)
	}
	return t.Format(parley.DateLayout), nil
}
