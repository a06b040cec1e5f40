package ingest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"

	"parley"
)

// tabariRecordHeader is a record's first line: a date, an id and maybe more
// fields ("950104  FBIS-001-001  CEP20020711000012a"). Sniffing uses the
// stricter tabariHeader.
var tabariRecordHeader = regexp.MustCompile(`^(\d{6}|\d{8})[ \t*]+\S+`)

// tabari reads TABARI record files: each record is a header line of a date
// (YYMMDD or YYYYMMDD) and an id ("950101 DEMO-01"), then lines of text up
// to a blank line. Comments run from "/*" to "*/", within or across lines;
// lines starting with '#' between records are skipped. Wrapped lines are
// joined with spaces. A record with a bad date or no text is reported and
// skipped.
func (r *reader) tabari(ctx context.Context, rd io.Reader, name string) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64<<10), r.maxLine)
	var (
		id, date   string
		text       []string
		headerLine int
		inComment  bool
		dateErr    error
		line       int
		skipping   bool // after a line that should have been a header, until a blank line
	)
	flush := func() error {
		if headerLine == 0 {
			return nil
		}
		defer func() { headerLine, text, dateErr = 0, nil, nil }()
		if dateErr != nil {
			r.report(&Error{Input: name, Line: headerLine, Err: parley.Errorf(parley.EINVALID, "document %q: %v", id, dateErr)})
			return nil
		}
		doc := parley.Document{ID: id, Date: date, Text: strings.Join(strings.Fields(strings.Join(text, " ")), " ")}
		return r.acceptUTF8(doc, name, headerLine, fmt.Sprintf("%s:%d", name, headerLine))
	}
	for sc.Scan() {
		line++
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			raw = string(trimBOM([]byte(raw)))
		}
		s, stillComment := stripComments(raw, inComment)
		wasComment := inComment
		inComment = stillComment
		if headerLine == 0 {
			if strings.TrimSpace(raw) == "" && !wasComment {
				skipping = false
				continue
			}
			if skipping || wasComment || strings.HasPrefix(strings.TrimSpace(raw), "#") || strings.TrimSpace(s) == "" {
				continue
			}
			if !tabariRecordHeader.MatchString(s) {
				r.report(&Error{Input: name, Line: line, Err: parley.Errorf(parley.EINVALID, "tabari: expected a record header (YYMMDD ID), got %.40q; record skipped", s)})
				skipping = true
				continue
			}
			fs := strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || c == '\t' || c == '*' })
			if len(fs) < 2 {
				// "000000 *": the header pattern matched, but no id is left
				r.report(&Error{Input: name, Line: line, Err: parley.Errorf(parley.EINVALID, "tabari: record header %.40q has no id; record skipped", s)})
				skipping = true
				continue
			}
			headerLine, id = line, fs[1]
			date, dateErr = compactDate(fs[0])
			continue
		}
		if strings.TrimSpace(raw) == "" && !wasComment {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if t := strings.TrimSpace(s); t != "" {
			text = append(text, t)
		}
	}
	if err := sc.Err(); err != nil {
		r.report(&Error{Input: name, Line: line + 1, Err: fmt.Errorf("read: %w", err)})
	}
	return flush()
}

// stripComments removes /* ... */ comments from one line, given whether the
// line starts inside one, and says whether it ends inside one.
func stripComments(s string, in bool) (string, bool) {
	var b strings.Builder
	for len(s) > 0 {
		if in {
			i := strings.Index(s, "*/")
			if i < 0 {
				return b.String(), true
			}
			s, in = s[i+2:], false
			continue
		}
		i := strings.Index(s, "/*")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s, in = s[i+2:], true
	}
	return b.String(), in
}
