// Package eval scores coded events against gold events, following the rules
// of the gold format (shared/gold/FORMAT.md, "Scoring").
//
// ReadGold reads a gold file; Score matches predictions to gold events one
// to one and computes event recall, precision and F1, with full-code, date
// and location accuracy over the matches; the Report lists what was missed
// and what was found that the gold does not hold, for a person to read
// (WriteText) or a program (WriteJSON).
//
// The other gold sets of FORMAT.md hold their own documents, one a record or
// sentence, and are scored a document at a time: ReadPLOVER and ScorePLOVER
// (PLOVER gold standard records), ReadConfliBERT and ScoreConfliBERT (CAMEO
// classes of sentences) and ReadPetrarch and ScorePetrarch (UniversalPetrarch
// validation triples). Every report writes its figures (WriteSummary), the
// figures and every wrong document with what was coded in it (WriteText),
// or JSON (WriteJSON).
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"parley"
)

// Gold is one expected event of a gold file.
type Gold struct {
	Doc      string `json:"doc"`      // document id
	ID       string `json:"id"`       // the event's id within the file
	Required bool   `json:"required"` // false: finding it is neither rewarded nor punished
	// Sentence is a substring of the evidence sentence.
	Sentence string `json:"sentence"`
	// Source and Target are accepted actor code prefixes; nil accepts any
	// actor or none.
	Source    []string `json:"source"`
	Target    []string `json:"target"`
	Root      []string `json:"root"`  // accepted CAMEO root codes
	CAMEO     []string `json:"cameo"` // accepted full CAMEO codes, the preferred first
	PLOVER    string   `json:"plover,omitempty"`
	Symmetric bool     `json:"symmetric,omitempty"` // source and target may be swapped
	Negated   bool     `json:"negated,omitempty"`
	// Date (YYYY, YYYY-MM or YYYY-MM-DD) is given when the event's date is
	// not the article's; DatePrecision is "year", "month" or "day" to match.
	Date          string           `json:"date,omitempty"`
	DatePrecision string           `json:"date_precision,omitempty"`
	Location      *parley.Location `json:"location,omitempty"`
	Note          string           `json:"note,omitempty"`
}

// goldLine is Gold as read, with Required a pointer so that a missing
// "required" (which would silently mean optional) is caught.
type goldLine struct {
	Gold
	Required *bool `json:"required"`
}

// ReadGold reads a gold file, one JSON object a line; blank lines are
// skipped. It is strict, because a typo in a gold file silently changes the
// scores: unknown fields, a missing doc, id, sentence, required or root, an
// empty actor list (write null for "any"), a root that is not two digits, a
// date that does not fit its precision, and an id used twice in one document
// are errors. Every bad line is reported, each error naming its line
// ("line 3: ..."), joined with errors.Join; the data errors have code
// parley.EINVALID. On error no events are returned.
func ReadGold(r io.Reader) ([]Gold, error) {
	var (
		golds []Gold
		errs  []error
		seen  = make(map[[2]string]int) // doc, id → line
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		g, err := parseGold(line)
		if err == nil {
			key := [2]string{g.Doc, g.ID}
			if first, ok := seen[key]; ok {
				err = parley.Errorf(parley.EINVALID, "document %q: id %q already used on line %d", g.Doc, g.ID, first)
			} else {
				seen[key] = n
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, err))
			continue
		}
		golds = append(golds, g)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("read gold: %w", err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return golds, nil
}

var errMalformed = parley.Errorf(parley.EINVALID, "malformed JSON")

func parseGold(line []byte) (Gold, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var gl goldLine
	if err := dec.Decode(&gl); err != nil {
		return Gold{}, fmt.Errorf("%w: %w", errMalformed, err)
	}
	if dec.More() {
		return Gold{}, fmt.Errorf("%w: more than one value on the line", errMalformed)
	}
	g := gl.Gold
	invalid := func(format string, args ...any) (Gold, error) {
		return Gold{}, parley.Errorf(parley.EINVALID, format, args...)
	}
	switch {
	case g.Doc == "":
		return invalid("missing doc")
	case g.ID == "":
		return invalid("missing id")
	case gl.Required == nil:
		return invalid("%s: missing required (true or false)", g.ID)
	case strings.TrimSpace(g.Sentence) == "":
		return invalid("%s: missing sentence", g.ID)
	case len(g.Root) == 0:
		return invalid("%s: missing root", g.ID)
	case g.Source != nil && len(g.Source) == 0:
		return invalid("%s: empty source list; write null to accept any actor", g.ID)
	case g.Target != nil && len(g.Target) == 0:
		return invalid("%s: empty target list; write null to accept any actor", g.ID)
	case g.Location != nil && g.Location.Country == "":
		return invalid("%s: location without a country", g.ID)
	}
	g.Required = *gl.Required
	for _, root := range g.Root {
		if len(root) != 2 || !digits(root) {
			return invalid("%s: root %q is not two digits", g.ID, root)
		}
	}
	for _, code := range g.CAMEO {
		if len(code) < 2 || len(code) > 4 || !digits(code) {
			return invalid("%s: cameo %q is not a CAMEO code", g.ID, code)
		}
	}
	for _, code := range append(append([]string(nil), g.Source...), g.Target...) {
		if code == "" {
			return invalid("%s: empty actor code", g.ID)
		}
	}
	prec, err := goldPrecision(g.Date, g.DatePrecision)
	if err != nil {
		return Gold{}, fmt.Errorf("%s: %w", g.ID, err)
	}
	g.DatePrecision = prec
	return g, nil
}

// goldPrecision checks a gold date against its precision and returns the
// precision, inferred from the date's form when not given.
func goldPrecision(date, prec string) (string, error) {
	var want string
	switch {
	case date == "" && prec == "":
		return "", nil
	case date == "":
		return "", parley.Errorf(parley.EINVALID, "date_precision %q without a date", prec)
	case len(date) == 4 && digits(date):
		want = parley.PrecisionYear
	case len(date) == 7 && digits(date[:4]) && date[4] == '-' && digits(date[5:]):
		want = parley.PrecisionMonth
	case len(date) == 10 && digits(date[:4]) && date[4] == '-' && digits(date[5:7]) && date[7] == '-' && digits(date[8:]):
		want = parley.PrecisionDay
	default:
		return "", parley.Errorf(parley.EINVALID, "date %q is not YYYY, YYYY-MM or YYYY-MM-DD", date)
	}
	if prec != "" && prec != want {
		return "", parley.Errorf(parley.EINVALID, "date %q does not have precision %q", date, prec)
	}
	return want, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
