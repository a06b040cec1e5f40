package parley

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// This file encodes the records the stores write (an Event, a
// StoredEvent, a Mention) without reflection: AppendJSON appends exactly
// the bytes that encoding/json's Marshal gives for the value (the tests
// compare them over the synthetic corpus, the golden samples and fuzzed
// values, and fail when a field is added here or there but not both).
// encoding/json spent about a tenth of a bulk load's time walking the
// structs by reflection. The types have no MarshalJSON method: Mention
// embeds Event, so one on Event would be promoted to Mention and replace
// its encoding, and Marshal compacts whatever a MarshalJSON returns, a
// second pass over the bytes.

// AppendJSON appends the JSON encoding of e, as json.Marshal(e) gives it,
// to b. It fails, as Marshal does, on a NaN or infinite number.
func (e *Event) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	b = e.appendFields(b)
	b = append(b, '}')
	return b, checkFloats(e.Goldstein, e.Confidence, e.Location)
}

// appendFields appends the fields of e, without the braces, so that
// Mention, which embeds Event, can continue the object.
func (e *Event) appendFields(b []byte) []byte {
	b = append(b, `"id":`...)
	b = appendJSONString(b, e.ID)
	b = append(b, `,"doc":`...)
	b = appendJSONString(b, e.Doc)
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(e.Sentence), 10)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, e.Text)
	b = append(b, `,"span":`...)
	b = appendSpan(b, &e.Span)
	b = appendCoded(b, e.Source, e.Target, e.CAMEO, e.Root, e.QuadClass, e.Goldstein, &e.PLOVER, e.Negated, e.Date, e.DatePrecision, e.Location, e.Confidence)
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, e.Rule)
	if e.VerbSpan != nil {
		b = append(b, `,"verb_span":`...)
		b = appendSpan(b, e.VerbSpan)
	}
	return b
}

// UnescapeHTML turns the escapes of '<', '>' and '&' (\u003c, \u003e,
// \u0026) that AppendJSON writes, as Marshal does, back into the
// characters, in place, and returns the shortened b: the bytes an Encoder
// with SetEscapeHTML(false) writes for the value, without its newline. b
// must be JSON; an escaped backslash followed by "u0026" stays as it is.
func UnescapeHTML(b []byte) []byte {
	i := bytes.IndexByte(b, '\\')
	if i < 0 {
		return b
	}
	w := i
	for i < len(b) {
		if b[i] != '\\' || i+1 >= len(b) {
			b[w] = b[i]
			w, i = w+1, i+1
			continue
		}
		if b[i+1] == 'u' && i+5 < len(b) && b[i+2] == '0' && b[i+3] == '0' {
			var c byte
			switch string(b[i+4 : i+6]) {
			case "3c":
				c = '<'
			case "3e":
				c = '>'
			case "26":
				c = '&'
			}
			if c != 0 {
				b[w] = c
				w, i = w+1, i+6
				continue
			}
		}
		b[w], b[w+1] = b[i], b[i+1] // an escape kept whole, so its second byte is not read as the start of another
		w, i = w+2, i+2
	}
	return b[:w]
}

// AppendJSON appends the JSON encoding of m, as json.Marshal(m) gives it,
// to b. (Without it, Event's would be promoted and leave out m's own
// fields.)
func (m *Mention) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	b = m.appendFields(b)
	b = append(b, '}')
	return b, checkFloats(m.Goldstein, m.Confidence, m.Location)
}

func (m *Mention) appendFields(b []byte) []byte {
	b = m.Event.appendFields(b)
	b = append(b, `,"doc_date":`...)
	b = appendJSONString(b, m.DocDate)
	if m.DocSource != "" {
		b = append(b, `,"doc_source":`...)
		b = appendJSONString(b, m.DocSource)
	}
	if m.DocTitle != "" {
		b = append(b, `,"doc_title":`...)
		b = appendJSONString(b, m.DocTitle)
	}
	if m.DocURL != "" {
		b = append(b, `,"doc_url":`...)
		b = appendJSONString(b, m.DocURL)
	}
	b = append(b, `,"cluster":`...)
	b = appendJSONString(b, m.Cluster)
	b = append(b, `,"dedup_reason":`...)
	b = appendJSONString(b, m.DedupReason)
	if len(m.Evidence) > 0 {
		b = append(b, `,"evidence":[`...)
		for i := range m.Evidence {
			if i > 0 {
				b = append(b, ',')
			}
			r := &m.Evidence[i]
			b = append(b, `{"text":`...)
			b = appendJSONString(b, r.Text)
			if r.Mark != "" {
				b = append(b, `,"mark":`...)
				b = appendJSONString(b, r.Mark)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return b
}

// AppendJSON appends the JSON encoding of e, as json.Marshal(e) gives it,
// to b. It fails, as Marshal does, on a NaN or infinite number.
func (e *StoredEvent) AppendJSON(b []byte) ([]byte, error) {
	if err := checkFloats(e.Goldstein, e.Confidence, e.Location); err != nil {
		return b, err
	}
	for i := range e.Mentions {
		m := &e.Mentions[i]
		if err := checkFloats(m.Goldstein, m.Confidence, m.Location); err != nil {
			return b, err
		}
	}
	b = append(b, `{"id":`...)
	b = appendJSONString(b, e.ID)
	b = appendCoded(b, e.Source, e.Target, e.CAMEO, e.Root, e.QuadClass, e.Goldstein, &e.PLOVER, e.Negated, e.Date, e.DatePrecision, e.Location, e.Confidence)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, e.Text)
	b = append(b, `,"doc":`...)
	b = appendJSONString(b, e.Doc)
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(e.Sentence), 10)
	if e.URL != "" {
		b = append(b, `,"url":`...)
		b = appendJSONString(b, e.URL)
	}
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, e.Rule)
	b = append(b, `,"num_mentions":`...)
	b = strconv.AppendInt(b, int64(e.NumMentions), 10)
	b = append(b, `,"num_sources":`...)
	b = strconv.AppendInt(b, int64(e.NumSources), 10)
	b = append(b, `,"num_articles":`...)
	b = strconv.AppendInt(b, int64(e.NumArticles), 10)
	b = append(b, `,"first_seen":`...)
	b = appendJSONString(b, e.FirstSeen)
	b = append(b, `,"last_seen":`...)
	b = appendJSONString(b, e.LastSeen)
	b = append(b, `,"dedup_reason":`...)
	b = appendJSONString(b, e.DedupReason)
	b = append(b, `,"mention_ids":`...)
	b = appendStrings(b, e.MentionIDs)
	if len(e.Mentions) > 0 {
		b = append(b, `,"mentions":[`...)
		for i := range e.Mentions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = e.Mentions[i].appendFields(b)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	return b, nil
}

// checkFloats returns an error if one of an event's numbers cannot be
// written in JSON (NaN, ±Inf), as json.Marshal does.
func checkFloats(goldstein, confidence float64, loc *Location) error {
	if err := checkFloat(goldstein); err != nil {
		return err
	}
	if err := checkFloat(confidence); err != nil {
		return err
	}
	if loc != nil {
		if err := checkFloat(loc.Lat); err != nil {
			return err
		}
		return checkFloat(loc.Lon)
	}
	return nil
}

func checkFloat(f float64) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	return nil
}

func appendSpan(b []byte, s *Span) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s[1]), 10)
	return append(b, ']')
}

func appendActor(b []byte, a *Actor) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"text":`...)
	b = appendJSONString(b, a.Text)
	b = append(b, `,"code":`...)
	b = appendJSONString(b, a.Code)
	if a.Country != "" {
		b = append(b, `,"country":`...)
		b = appendJSONString(b, a.Country)
	}
	if a.Sector != "" {
		b = append(b, `,"sector":`...)
		b = appendJSONString(b, a.Sector)
	}
	if a.Span != nil {
		b = append(b, `,"span":`...)
		b = appendSpan(b, a.Span)
	}
	return append(b, '}')
}

func appendPLOVER(b []byte, p *PLOVER) []byte {
	b = append(b, `{"type":`...)
	b = appendJSONString(b, p.Type)
	b = append(b, `,"mode":`...)
	b = appendJSONString(b, p.Mode)
	b = append(b, `,"context":`...)
	b = appendStrings(b, p.Context)
	return append(b, '}')
}

func appendLocation(b []byte, l *Location) []byte {
	if l == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"name":`...)
	b = appendJSONString(b, l.Name)
	b = append(b, `,"country":`...)
	b = appendJSONString(b, l.Country)
	b = append(b, `,"lat":`...)
	b = appendJSONFloat(b, l.Lat)
	b = append(b, `,"lon":`...)
	b = appendJSONFloat(b, l.Lon)
	if l.Precision != "" {
		b = append(b, `,"precision":`...)
		b = appendJSONString(b, l.Precision)
	}
	return append(b, '}')
}

// appendStrings appends a []string as encoding/json does: null when nil.
func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONFloat appends f as encoding/json writes a float64 (like
// ECMAScript: exponents below 1e-6 and from 1e21, without padding). The
// caller has checked that f is finite.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json writes a string: with
// <, > and & escaped (HTML-safe), invalid UTF-8 replaced by U+FFFD, and
// U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendCoded appends the coded fields that Event and StoredEvent share,
// in the order both declare them, from ,"source" to "confidence".
func appendCoded(b []byte, src, tgt *Actor, cameo, root string, quad int, goldstein float64, p *PLOVER, negated bool, date, prec string, loc *Location, conf float64) []byte {
	b = append(b, `,"source":`...)
	b = appendActor(b, src)
	b = append(b, `,"target":`...)
	b = appendActor(b, tgt)
	b = append(b, `,"cameo":`...)
	b = appendJSONString(b, cameo)
	b = append(b, `,"root":`...)
	b = appendJSONString(b, root)
	b = append(b, `,"quad_class":`...)
	b = strconv.AppendInt(b, int64(quad), 10)
	b = append(b, `,"goldstein":`...)
	b = appendJSONFloat(b, goldstein)
	b = append(b, `,"plover":`...)
	b = appendPLOVER(b, p)
	b = append(b, `,"negated":`...)
	b = strconv.AppendBool(b, negated)
	b = append(b, `,"date":`...)
	b = appendJSONString(b, date)
	b = append(b, `,"date_precision":`...)
	b = appendJSONString(b, prec)
	b = append(b, `,"location":`...)
	b = appendLocation(b, loc)
	b = append(b, `,"confidence":`...)
	return appendJSONFloat(b, conf)
}
