package ingest

import (
	"bufio"
	"fmt"
	"io"

	"parley"
)

// text reads a whole plain text input as one document with the given id.
// It reads at most one byte past parley.MaxDocumentBytes, so an over-long
// file is refused without being held whole.
func (r *reader) text(br *bufio.Reader, name, id string) error {
	b, err := io.ReadAll(io.LimitReader(br, parley.MaxDocumentBytes+1))
	if err != nil {
		r.report(&Error{Input: name, Err: fmt.Errorf("read: %w", err)})
		return nil
	}
	if len(b) > parley.MaxDocumentBytes {
		r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "document %q: over the limit of %d bytes", id, parley.MaxDocumentBytes)})
		return nil
	}
	b = trimBOM(b)
	if err := invalidUTF8(b); err != nil {
		r.report(&Error{Input: name, Err: fmt.Errorf("document %q: %w", id, err)})
		return nil
	}
	if r.opt.DefaultDate == "" {
		r.report(&Error{Input: name, Err: parley.Errorf(parley.EINVALID, "document %q: missing date: plain text carries none and no default date was given", id)})
		return nil
	}
	doc := parley.Document{ID: id, Date: r.opt.DefaultDate, Text: string(b)}
	return r.accept(doc, name, 0, name)
}
