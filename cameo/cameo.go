// Package cameo holds the table of CAMEO event codes: each code's name,
// Goldstein score, quad class and PLOVER mapping, read from a dictionary file
// (data/cameo/codes.txt; the format is in docs/dictionaries.md).
package cameo

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"parley"
)

// Code is one CAMEO event code.
type Code struct {
	Code          string // with its leading zeros: "0256"
	Name          string
	Goldstein     float64
	QuadClass     int // 1-4, from the root
	PLOVERType    string
	PLOVERMode    string
	PLOVERContext []string
}

// Root returns the code's root, its first two digits.
func (c Code) Root() string { return Root(c.Code) }

// PLOVER returns the code's PLOVER mapping as it appears in an event record.
// Context is never nil, so it encodes as [] rather than null.
func (c Code) PLOVER() parley.PLOVER {
	ctx := append([]string{}, c.PLOVERContext...)
	return parley.PLOVER{Type: c.PLOVERType, Mode: c.PLOVERMode, Context: ctx}
}

// Table maps a code, with its leading zeros, to its entry.
type Table map[string]Code

// Lookup returns the entry of code ("0256", "19"; surrounding spaces ignored).
func (t Table) Lookup(code string) (Code, bool) {
	c, ok := t[strings.TrimSpace(code)]
	return c, ok
}

// Root returns the CAMEO root of code, its first two characters, or "" when
// code is shorter than that.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// QuadClass returns the quad class of a root ("01" to "20"): 1 verbal
// cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict
// (09-13), 4 material conflict (14-20). It returns 0 for anything else. A
// longer code is accepted and reduced to its root.
func QuadClass(root string) int {
	n, ok := rootNumber(Root(root))
	switch {
	case !ok:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	default:
		return 4
	}
}

// rootNumber returns the number of a two-digit root in 01..20.
func rootNumber(root string) (int, bool) {
	if len(root) != 2 || !isDigits(root) {
		return 0, false
	}
	n, _ := strconv.Atoi(root)
	return n, n >= 1 && n <= 20
}

// ploverTypes are the event types of the PLOVER manual.
var ploverTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true,
	"COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true,
	"ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

// LineError is an error in one line of a dictionary file.
type LineError struct {
	Path string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// Load reads the code table at path in fsys. Every line that cannot be read is
// reported as a *LineError (wrapping a parley EINVALID error) and skipped;
// loading goes on with the rest. A file that cannot be read at all gives a nil
// table and that one error.
func Load(fsys fs.FS, path string) (Table, []error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, []error{fmt.Errorf("read cameo codes: %w", err)}
	}
	t := Table{}
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		c, err := parseLine(line)
		if err == nil {
			if _, dup := t[c.Code]; dup {
				err = parley.Errorf(parley.EINVALID, "duplicate code %q", c.Code)
			}
		}
		if err != nil {
			errs = append(errs, &LineError{Path: path, Line: n, Err: err})
			continue
		}
		t[c.Code] = c
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("read cameo codes %s: %w", path, err))
	}
	return t, errs
}

// parseLine reads "CODE | name | goldstein | plover type | plover mode | plover context".
func parseLine(line string) (Code, error) {
	f := strings.Split(line, "|")
	if len(f) != 6 {
		return Code{}, parley.Errorf(parley.EINVALID, "want 6 fields separated by |, got %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	c := Code{Code: f[0], Name: f[1], PLOVERType: f[3], PLOVERMode: f[4]}
	if len(c.Code) < 2 || len(c.Code) > 4 || !isDigits(c.Code) {
		return Code{}, parley.Errorf(parley.EINVALID, "bad code %q: want 2 to 4 digits", c.Code)
	}
	if _, ok := rootNumber(Root(c.Code)); !ok {
		return Code{}, parley.Errorf(parley.EINVALID, "bad code %q: root not in 01-20", c.Code)
	}
	c.QuadClass = QuadClass(Root(c.Code))
	if c.Name == "" {
		return Code{}, parley.Errorf(parley.EINVALID, "code %s has no name", c.Code)
	}
	g, err := strconv.ParseFloat(f[2], 64)
	if err != nil || g < -10 || g > 10 {
		return Code{}, parley.Errorf(parley.EINVALID, "code %s: bad Goldstein score %q: want a number in -10..10", c.Code, f[2])
	}
	c.Goldstein = g
	if c.PLOVERType != "" && !ploverTypes[c.PLOVERType] {
		return Code{}, parley.Errorf(parley.EINVALID, "code %s: unknown PLOVER type %q", c.Code, c.PLOVERType)
	}
	for item := range strings.SplitSeq(f[5], ";") {
		if item = strings.TrimSpace(item); item != "" {
			c.PLOVERContext = append(c.PLOVERContext, item)
		}
	}
	return c, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
