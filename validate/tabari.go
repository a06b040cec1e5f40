package validate

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"parley/peerdict"
	"parley/shallow"
)

var (
	reHeader = regexp.MustCompile(`^(\d{6,9})\s+(\S+)`)
	reExpect = regexp.MustCompile(`(-?)\{([^{}]*?)(\}|\*/|$)`)
	// rePartial finds comments that say their list of events is
	// incomplete: such records check only the listed events.
	rePartial = regexp.MustCompile(`(?i)incomplete|(aren't|are not|not) complete`)
)

// ReadTABARI reads a TABARI validation text file. Records are paragraphs
// separated by blank lines, as TABARI reads them: a header line
// "YYMMDD ID", the text up to "/*", and a comment block up to "*/" (or the
// end of the paragraph, when a record forgets to close it) whose
// "\n{ SRC / TGT / CODE }" lines are the expected events ({---} none, {###}
// discard, {+++} complex, "-{...}" unchecked) and whose "{ OPTION: ... }"
// lines change options before the record is coded. Paragraphs that do not
// start with a header (the "#" banners) are skipped.
func ReadTABARI(r io.Reader, file string) ([]*Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	var recs []*Record
	var para []string
	start, n := 0, 0
	flush := func() error {
		defer func() { para = para[:0] }()
		for i, l := range para {
			m := reHeader.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			date, err := recordDate(m[1])
			if err != nil {
				return fmt.Errorf("%s:%d: %w", file, start+i, err)
			}
			rec := &Record{ID: m[2], Header: l[len(m[1]):], Date: date, Line: start + i}
			body := strings.Join(para[i+1:], "\n")
			text, comment := body, ""
			if j := strings.Index(body, "/*"); j >= 0 {
				text, comment = body[:j], body[j+2:]
				if k := strings.LastIndex(comment, "*/"); k >= 0 {
					comment = comment[:k]
				}
			}
			rec.Text = strings.Join(strings.Fields(text), " ")
			if err := parseTABARIComment(rec, comment); err != nil {
				return fmt.Errorf("%s:%d: record %s: %w", file, rec.Line, rec.ID, err)
			}
			recs = append(recs, rec)
			return nil
		}
		return nil
	}
	for sc.Scan() {
		n++
		l := sc.Text()
		if strings.TrimSpace(l) == "" {
			if err := flush(); err != nil {
				return recs, err
			}
			continue
		}
		if len(para) == 0 {
			start = n
		}
		para = append(para, l)
	}
	if err := flush(); err != nil {
		return recs, err
	}
	return recs, sc.Err()
}

// recordDate reads a record's date: YYMMDD, YYYYMMDD, or longer malformed
// dates, of which the first eight digits are used.
func recordDate(s string) (int, error) {
	if len(s) > 8 {
		s = s[:8]
	}
	if len(s) == 7 {
		s = s[:6]
	}
	return peerdict.ParseDate(s)
}

func parseTABARIComment(rec *Record, c string) error {
	rec.Partial = rePartial.MatchString(c)
	for _, m := range reExpect.FindAllStringSubmatch(c, -1) {
		body := strings.TrimSpace(m[2])
		if strings.HasPrefix(strings.ToUpper(body), "OPTION:") {
			rec.Options = append(rec.Options, strings.TrimSpace(body[len("OPTION:"):]))
			continue
		}
		if m[1] == "-" {
			continue
		}
		switch strings.ReplaceAll(body, " ", "") {
		case "---":
			rec.Expect, rec.Checked = ExpectNone, true
			continue
		case "###":
			rec.Expect, rec.Checked = ExpectDiscard, true
			continue
		case "+++":
			rec.Expect, rec.Checked = ExpectComplex, true
			continue
		case "":
			continue
		}
		f := strings.Split(body, "/")
		if len(f) != 3 {
			continue // prose in braces
		}
		t := Triple{strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])}
		if t.Code == "" || strings.ContainsAny(t.Code, " \t") {
			continue
		}
		if rec.Expect == ExpectEvents || !rec.Checked {
			rec.Expect = ExpectEvents
			rec.Events = append(rec.Events, t)
			rec.Checked = true
		}
	}
	return nil
}

// TABARISuite is a TABARI validation project, loaded.
type TABARISuite struct {
	Project *peerdict.Project
	Dict    *peerdict.Dict
	Records []*Record
	// Options are the commands of the project's .options file.
	Options []string
	// DictErrors are the dictionary entries that could not be read.
	DictErrors []error
}

// LoadTABARI reads a TABARI .project file, its dictionaries, options and
// text file. Records after the one that says it is "the end of the standard
// validation records" are not checked: TABARI's own run stops there.
func LoadTABARI(project string) (*TABARISuite, error) {
	p, err := peerdict.ReadProject(project)
	if err != nil {
		return nil, err
	}
	d, derrs, err := p.Load()
	if err != nil {
		return nil, err
	}
	s := &TABARISuite{Project: p, Dict: d, DictErrors: derrs}
	if p.Options != "" {
		b, err := os.ReadFile(p.Options)
		if err != nil {
			return nil, fmt.Errorf("read options: %w", err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "~") || !strings.Contains(l, ":") {
				continue
			}
			s.Options = append(s.Options, l)
		}
	}
	if len(p.Text) == 0 {
		return nil, fmt.Errorf("project %s names no <textfile>", project)
	}
	f, err := os.Open(p.Text[0])
	if err != nil {
		return nil, fmt.Errorf("open validation text: %w", err)
	}
	defer f.Close()
	recs, err := ReadTABARI(f, p.Text[0])
	if err != nil {
		return nil, err
	}
	for i, r := range recs {
		if strings.HasPrefix(strings.ToLower(r.Text), "this is the end of the standard validation records") {
			recs = recs[:i]
			break
		}
	}
	s.Records = recs
	return s, nil
}

// Run codes the suite.
func (s *TABARISuite) Run() *Report {
	c := shallow.New(s.Dict)
	var errs []error
	for _, o := range s.Options {
		if err := c.Opts.Apply(o); err != nil {
			errs = append(errs, err)
		}
	}
	r := Run(c, s.Records, func(o *shallow.Options, cmd string) error { return o.Apply(cmd) })
	r.OptionErrors = append(errs, r.OptionErrors...)
	return r
}
