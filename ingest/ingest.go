// Package ingest reads documents for coding: JSON lines files, plain text
// files, directories of them, and standard input, each turned into a
// parley.Document.
//
// Reading streams: documents are handed to the caller one at a time and a
// JSON lines file is never held in memory whole, only its current line. A
// problem with one document or one input (a malformed line, an empty text,
// invalid UTF-8, a file that cannot be opened) is reported to the caller as
// an *Error and reading goes on, so one bad article never stops a batch.
// Every document handed on has passed parley.Document.Validate, holds valid
// UTF-8 and has an id not seen before in the same call.
package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"parley"
)

// DefaultMaxLineBytes is the longest JSON lines line read when
// Options.MaxLineBytes is zero. It is twice parley.MaxDocumentBytes so that a
// document at the size limit still fits after JSON escaping, and one over the
// limit is read and refused by size with a clear message rather than as an
// over-long line.
const DefaultMaxLineBytes = 2 * parley.MaxDocumentBytes

// StdinName is the input name that stands for standard input, and the id of a
// plain text document read from it.
const StdinName = "-"

// Options says how to read inputs. The zero value reads files only; set
// Stdin to read "-".
type Options struct {
	// DefaultDate (YYYY-MM-DD) is given to documents that carry no date of
	// their own: plain text files and standard input, and JSON lines objects
	// whose date is absent or empty. When it is empty such documents are
	// reported as missing their date.
	DefaultDate string

	// Stdin is what the input "-" reads. When it is nil, "-" is reported as
	// an error.
	Stdin io.Reader

	// MaxLineBytes bounds one JSON lines line; longer lines are reported and
	// skipped. Zero means DefaultMaxLineBytes.
	MaxLineBytes int

	// Fetcher gets http(s) URL inputs and the articles of feeds read from
	// URLs. When it is nil, one with the default limits is made on first use.
	Fetcher *Fetcher

	// AnyLanguage turns off the language gate. By default a document that
	// is judged not to be in English (see Language) is reported with
	// ErrNotEnglish in its error chain and skipped.
	AnyLanguage bool
}

// Error is a problem with one document or one input. Read reports these and
// goes on.
type Error struct {
	Input string // the input as named, a file under a named directory, or "stdin"
	Line  int    // 1-based line of a JSON lines input; 0 for a whole input or text file
	Err   error  // what is wrong
}

// Error returns "input:line: problem", or "input: problem" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Input, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

// Unwrap returns Err. Problems with the data itself carry a *parley.Error in
// their chain, so parley.ErrorCode gives EINVALID for them (ECONFLICT for a
// duplicate id); I/O problems give the underlying error (errors.Is(err,
// fs.ErrNotExist) for a missing file).
func (e *Error) Unwrap() error { return e.Err }

// Read reads the named inputs in order and calls emit with each good
// document.
//
// An input is a file, a directory, or "-" for Options.Stdin. A file named
// *.jsonl or *.json is read as JSON lines: one object a line with id, date,
// title, text and optional url and source; blank lines are skipped. A *.txt
// file is one document whose whole content is its Text, with the file name
// less its extension as id and Options.DefaultDate as date. A file with any
// other extension, and standard input, is sniffed: JSON lines when its first
// non-space byte is '{', else plain text (id "stdin" for standard input). A
// directory is walked recursively in lexical order, reading its *.jsonl,
// *.json and *.txt files and skipping other files and names that begin with
// a dot.
//
// Document.Origin is set to "file:line" for a JSON lines document and to the
// file name (or "stdin") for a plain text one. A document whose id was
// already read in this call is reported as a duplicate and skipped; the
// first one wins.
//
// Every problem with an input or a document — a file that cannot be opened
// or read, a malformed or over-long line, a document failing
// parley.Document.Validate, invalid UTF-8, a duplicate id — is passed to
// report as an *Error, and reading goes on with the next line or input. Read
// returns an error only when the caller must stop: an invalid
// Options.DefaultDate, ctx being done (ctx.Err() is returned), or emit
// returning an error (returned as it is). report may be nil to ignore
// problems, though a caller will usually count them to set an exit status.
func Read(ctx context.Context, inputs []string, opt Options, emit func(parley.Document) error, report func(error)) error {
	r, err := newReader(opt, emit, report)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// ReadJSONLines reads one stream of JSON lines, name standing for it in
// Document.Origin and in errors. It follows the rules of Read for JSON lines
// files: problems go to report and reading goes on; the error returned is
// ctx.Err(), emit's error, or one for an invalid Options.DefaultDate. It
// suits a request body or a pipe whose format is known.
func ReadJSONLines(ctx context.Context, rd io.Reader, name string, opt Options, emit func(parley.Document) error, report func(error)) error {
	r, err := newReader(opt, emit, report)
	if err != nil {
		return err
	}
	return r.jsonLines(ctx, bufio.NewReader(rd), name)
}

// reader holds the state of one Read call: the options, the callbacks and
// the ids seen so far.
type reader struct {
	opt       Options
	maxLine   int
	emit      func(parley.Document) error
	report    func(error)
	seen      map[string]string // document id → origin of its first reading
	stdinRead bool
}

func newReader(opt Options, emit func(parley.Document) error, report func(error)) (*reader, error) {
	if opt.DefaultDate != "" {
		if _, err := time.Parse(parley.DateLayout, opt.DefaultDate); err != nil {
			return nil, parley.Errorf(parley.EINVALID, "default date %q is not YYYY-MM-DD", opt.DefaultDate)
		}
	}
	if report == nil {
		report = func(error) {}
	}
	r := &reader{opt: opt, maxLine: opt.MaxLineBytes, emit: emit, report: report, seen: make(map[string]string)}
	if r.maxLine <= 0 {
		r.maxLine = DefaultMaxLineBytes
	}
	return r, nil
}

// format is how an input's content is read.
type format int

const (
	formatSniff format = iota
	formatJSONLines
	formatText
)

func formatOf(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".json":
		return formatJSONLines
	case ".txt":
		return formatText
	}
	return formatOfMore(path)
}

// input reads one named input. Its error is only one that stops Read.
func (r *reader) input(ctx context.Context, in string) error {
	if in == StdinName {
		return r.stdin(ctx)
	}
	if IsURL(in) {
		return r.url(ctx, in)
	}
	info, err := os.Stat(in)
	if err != nil {
		r.report(&Error{Input: in, Err: pathError(err)})
		return nil
	}
	if info.IsDir() {
		return r.dir(ctx, in)
	}
	return r.file(ctx, in, formatOf(in))
}

func (r *reader) stdin(ctx context.Context) error {
	const name = "stdin"
	switch {
	case r.opt.Stdin == nil:
		r.report(&Error{Input: name, Err: errors.New("no standard input to read")})
		return nil
	case r.stdinRead:
		r.report(&Error{Input: name, Err: errors.New("standard input named more than once; read once")})
		return nil
	}
	r.stdinRead = true
	return r.stream(ctx, bufio.NewReader(r.opt.Stdin), name, name, formatSniff)
}

// dir walks a directory in lexical order and reads the files it knows.
func (r *reader) dir(ctx context.Context, root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			// The walk could not read this directory (or stat this
			// entry): report it and go on with the rest.
			r.report(&Error{Input: path, Err: pathError(err)})
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := formatOf(path)
		if f == formatSniff {
			return nil
		}
		return r.file(ctx, path, f)
	})
}

func (r *reader) file(ctx context.Context, path string, f format) error {
	fh, err := os.Open(path)
	if err != nil {
		r.report(&Error{Input: path, Err: pathError(err)})
		return nil
	}
	defer fh.Close()
	base := filepath.Base(path)
	id := strings.TrimSuffix(base, filepath.Ext(base))
	return r.stream(ctx, bufio.NewReaderSize(fh, 64<<10), path, id, f)
}

// stream reads one opened input in the given format, sniffing it first if
// need be. id is the document id should it be plain text.
func (r *reader) stream(ctx context.Context, br *bufio.Reader, name, id string, f format) error {
	if f == formatSniff {
		f = sniff(br)
	}
	if ok, err := r.streamMore(ctx, br, name, id, f); ok {
		return err
	}
	if f == formatJSONLines {
		return r.jsonLines(ctx, br, name)
	}
	return r.text(br, name, id)
}

// sniff says JSON lines when the first byte that is not white space (or a
// byte order mark) is '{', and plain text otherwise. It looks no further than
// the reader's buffer.
func sniff(br *bufio.Reader) format {
	buf, _ := br.Peek(br.Size())
	if f := sniffBytes(buf); f != formatSniff && f != formatJSONLines {
		return f // HTML, a feed, WARC, PETRARCH or TABARI records: format.go
	}
	buf = trimBOM(buf)
	for _, c := range buf {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return formatJSONLines
		}
		return formatText
	}
	return formatText
}

// accept checks a decoded document and hands it on. origin is where it was
// read; in is the input and line the line for errors.
func (r *reader) accept(doc parley.Document, in string, line int, origin string) error {
	if err := doc.Validate(); err != nil {
		r.report(&Error{Input: in, Line: line, Err: err})
		return nil
	}
	if strings.TrimSpace(doc.Title) == "" && strings.TrimSpace(doc.Text) == "" {
		r.report(&Error{Input: in, Line: line, Err: parley.Errorf(parley.EINVALID, "document %q: empty text", doc.ID)})
		return nil
	}
	if !r.opt.AnyLanguage {
		if code, lang, ok := DocumentLanguage(&doc); !ok {
			r.report(&Error{Input: in, Line: line, Err: languageError(&doc, code, lang)})
			return nil
		}
	}
	if first, ok := r.seen[doc.ID]; ok {
		r.report(&Error{Input: in, Line: line, Err: parley.Errorf(parley.ECONFLICT, "document %q: duplicate id, first read at %s; skipped", doc.ID, first)})
		return nil
	}
	r.seen[doc.ID] = origin
	doc.Origin = origin
	return r.emit(doc)
}

// invalidUTF8 returns a data error naming the first byte of b that is not
// valid UTF-8, or nil.
func invalidUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size <= 1 {
			return parley.Errorf(parley.EINVALID, "invalid UTF-8 at byte %d", i)
		}
		i += size
	}
	return parley.Errorf(parley.EINVALID, "invalid UTF-8")
}

var bom = []byte("\xef\xbb\xbf")

func trimBOM(b []byte) []byte {
	if len(b) >= len(bom) && string(b[:len(bom)]) == string(bom) {
		return b[len(bom):]
	}
	return b
}

// pathError drops the path from a *fs.PathError, since Error names the input
// already, and keeps the operation and cause (so errors.Is still finds
// fs.ErrNotExist).
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
