package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"parley"
)

// jsonDoc is the JSON form of a document. Unknown fields are ignored, so
// richer records (a feed's own fields) can be read as they are.
type jsonDoc struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// errMalformed heads every JSON decoding problem, so that parley.ErrorCode
// gives EINVALID while the decoder's own error stays in the chain.
var errMalformed = parley.Errorf(parley.EINVALID, "malformed JSON")

// jsonLines reads one JSON lines stream, a line at a time.
func (r *reader) jsonLines(ctx context.Context, br *bufio.Reader, name string) error {
	var (
		buf      []byte
		lineNo   int
		nonBlank bool
	)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, buf[:0], r.maxLine)
		if errors.Is(err, io.EOF) {
			return nil
		}
		lineNo++
		if err != nil {
			r.report(&Error{Input: name, Line: lineNo, Err: fmt.Errorf("read: %w", err)})
			return nil
		}
		buf = line
		if lineNo == 1 {
			line = trimBOM(line)
		}
		if tooLong {
			nonBlank = true
			r.report(&Error{Input: name, Line: lineNo, Err: parley.Errorf(parley.EINVALID, "line longer than %d bytes; skipped", r.maxLine)})
			continue
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		if !nonBlank && trimmed[0] == '[' {
			r.report(&Error{Input: name, Line: lineNo, Err: parley.Errorf(parley.EINVALID, "a JSON array, not JSON lines (one object a line); input skipped")})
			return nil
		}
		nonBlank = true
		doc, err := r.parseLine(trimmed)
		if err != nil {
			r.report(&Error{Input: name, Line: lineNo, Err: err})
			continue
		}
		if err := r.accept(doc, name, lineNo, fmt.Sprintf("%s:%d", name, lineNo)); err != nil {
			return err
		}
	}
}

// parseLine decodes one non-blank line into a document, its date defaulted.
// It checks the raw bytes for invalid UTF-8 first, because encoding/json
// would quietly replace them.
func (r *reader) parseLine(line []byte) (parley.Document, error) {
	if err := invalidUTF8(line); err != nil {
		return parley.Document{}, err
	}
	if line[0] != '{' {
		return parley.Document{}, fmt.Errorf("%w: a line must hold one JSON object", errMalformed)
	}
	var j jsonDoc
	if flatDoc(line, &j) {
		return r.jsonDocument(&j), nil
	}
	j = jsonDoc{}
	if err := json.Unmarshal(line, &j); err != nil {
		var (
			syn *json.SyntaxError
			typ *json.UnmarshalTypeError
		)
		switch {
		case errors.As(err, &syn):
			return parley.Document{}, fmt.Errorf("%w at byte %d: %w", errMalformed, syn.Offset, err)
		case errors.As(err, &typ) && typ.Field != "":
			// The decoder's own message names parley's internal type.
			return parley.Document{}, fmt.Errorf("%w: field %q holds a%s %s, not a string", errMalformed, typ.Field, article(typ.Value), typ.Value)
		}
		return parley.Document{}, fmt.Errorf("%w: %w", errMalformed, err)
	}
	return r.jsonDocument(&j), nil
}

func (r *reader) jsonDocument(j *jsonDoc) parley.Document {
	doc := parley.Document{ID: j.ID, Date: j.Date, Title: j.Title, Text: j.Text, URL: j.URL, Source: j.Source}
	if doc.Date == "" {
		doc.Date = r.opt.DefaultDate
	}
	return doc
}

// flatDoc decodes the common line, a flat object of string fields with
// parley's names, into j without encoding/json, and reports whether it
// could: on anything else (a \u escape, a value that is not a string, a
// name written in another case or with an escape, an error) it returns
// false and j must be decoded by json.Unmarshal, which gives the same
// result where flatDoc gives one (FuzzFlatDoc).
func flatDoc(line []byte, j *jsonDoc) bool {
	if !utf8.Valid(line) {
		return false // encoding/json replaces bad bytes (parseLine refuses them first)
	}
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	var scratch []byte // an escaped string's value, until it is copied
	fields := [...]struct {
		name  string
		value *string
	}{{"id", &j.ID}, {"date", &j.Date}, {"title", &j.Title}, {"text", &j.Text}, {"url", &j.URL}, {"source", &j.Source}}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	for {
		key, k, ok := flatString(line, i, nil)
		if !ok {
			return false
		}
		i = skipSpace(line, k)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		val, k, ok := flatString(line, skipSpace(line, i+1), &scratch)
		if !ok {
			return false
		}
		known := false
		for _, f := range fields {
			if string(key) == f.name {
				*f.value, known = string(val), true
				break
			}
			if strings.EqualFold(string(key), f.name) {
				return false // encoding/json matches names in any case
			}
		}
		if !known && !isASCII(key) {
			return false // and folds some non-ASCII letters to ASCII ones
		}
		i = skipSpace(line, k)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return skipSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// flatString reads the JSON string at line[i:], with no escape but the
// one-character ones, and returns its value and the index after it. An
// escaped string's value is made in *scratch; with scratch nil, a string
// with an escape is refused.
func flatString(line []byte, i int, scratch *[]byte) (val []byte, next int, ok bool) {
	if i >= len(line) || line[i] != '"' {
		return nil, 0, false
	}
	i++
	start := i
	for i < len(line) {
		switch c := line[i]; {
		case c == '"':
			return line[start:i], i + 1, true
		case c < 0x20:
			return nil, 0, false
		case c == '\\':
			if scratch == nil {
				return nil, 0, false // a name with an escape: encoding/json's
			}
			val, next, ok = flatEscaped(line, start, slices.Grow((*scratch)[:0], len(line)-start))
			*scratch = val
			return val, next, ok
		}
		i++
	}
	return nil, 0, false
}

// flatEscaped is flatString for a string with a backslash, from its first
// byte at start.
func flatEscaped(line []byte, start int, out []byte) (val []byte, next int, ok bool) {
	for i := start; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '"':
			return out, i + 1, true
		case c < 0x20:
			return nil, 0, false
		case c != '\\':
			out = append(out, c)
			continue
		}
		if i+1 >= len(line) {
			return nil, 0, false
		}
		i++
		switch line[i] {
		case '"', '\\', '/':
			out = append(out, line[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default:
			return nil, 0, false // \u and errors: encoding/json's
		}
	}
	return nil, 0, false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// readLine reads one line into buf, without its "\n" or "\r\n". A line
// longer than max bytes is consumed to its end but not kept: tooLong is true
// and line is empty. err is io.EOF only when no byte was left to read; a
// last line without a newline is returned with a nil error.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	read := 0
	for {
		chunk, err := br.ReadSlice('\n')
		read += len(chunk)
		if !tooLong {
			if len(buf)+len(chunk) > max+2 { // room for "\r\n"
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if read == 0 {
				return nil, false, io.EOF
			}
		default:
			return nil, false, err
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if !tooLong && len(buf) > max {
			tooLong = true
			buf = buf[:0]
		}
		return buf, tooLong, nil
	}
}

// article returns "n" before a word that begins with a vowel, for "a"/"an".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "n"
	}
	return ""
}
