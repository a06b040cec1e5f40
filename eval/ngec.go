package eval

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"parley"
)

// NGECDate is the date given to every NGEC record (the sets carry none).
const NGECDate = "2023-10-19"

// NGECRecord is one story or headline of the document-level PLOVER sets
// that NGEC (the POLECAT coder) trains its classifiers on: a text written to
// describe one event of a PLOVER type, labelled with that type and, for
// some, a mode.
type NGECRecord struct {
	ID    string `json:"id"` // ngec-NNNN, NNNN the 0-based row number
	Title string `json:"title,omitempty"`
	Text  string `json:"text,omitempty"`
	Type  string `json:"type"` // the label, in current PLOVER names
	Mode  string `json:"mode,omitempty"`
}

// Doc is the record as a document to code. A headline alone is the text.
func (r NGECRecord) Doc() parley.Document {
	if r.Text == "" {
		return parley.Document{ID: r.ID, Date: NGECDate, Text: r.Title}
	}
	return parley.Document{ID: r.ID, Date: NGECDate, Title: r.Title, Text: r.Text}
}

// Check reports whether the record is in the check half of the set (odd
// rows): parley's dictionaries are developed on the even rows only, and
// the odd rows show whether a change carries over to text it was not
// written for.
func (r NGECRecord) Check() bool {
	return len(r.ID) > 0 && (r.ID[len(r.ID)-1]-'0')%2 == 1
}

// ngecFill names the placeholders of NGEC's templates ({country_1},
// {city}, ...) in turn, so that a headline reads as news.
var ngecFill = map[string][]string{
	"country": {"Kenya", "Brazil", "Pakistan", "Germany", "Indonesia", "Mexico", "Egypt", "Ukraine", "Japan", "Nigeria", "Colombia"},
	"city":    {"Nairobi", "Lagos", "Karachi", "Bogota", "Cairo", "Jakarta", "Kharkiv", "Manila", "Lima"},
}

// fillTemplate replaces each {name} or {name_N} in s with a name of its
// kind, chosen by the row number n and N, so that two countries of one
// headline differ.
func fillTemplate(s string, n int) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name, k := s[i+1:i+j], 0
		if u := strings.LastIndexByte(name, '_'); u > 0 && u == len(name)-2 && name[u+1] >= '1' && name[u+1] <= '9' {
			name, k = name[:u], int(name[u+1]-'1')
		}
		if names, ok := ngecFill[name]; ok {
			b.WriteString(names[(n+3*k)%len(names)])
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// ReadNGEC reads a CSV set with a header row: the PLOVER type in a column
// "label" or "event", the mode in "mode", and the words in "text" and
// "title" (the synthetic stories, whose filled-in headline is the first
// line of "prompt") or in "title" alone (the synthetic headlines, whose
// placeholders are filled with countries and cities). A row without a type
// or without words is an error; all errors are joined, with the good records
// returned.
func ReadNGEC(r io.Reader) ([]NGECRecord, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "read header: %v", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	label, ok := col["label"]
	if !ok {
		if label, ok = col["event"]; !ok {
			return nil, parley.Errorf(parley.EINVALID, "header has no label or event column")
		}
	}
	field := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var (
		recs []NGECRecord
		errs []error
	)
	for n := 0; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, parley.Errorf(parley.EINVALID, "row %d: %v", n+1, err))
			var perr *csv.ParseError
			if !errors.As(err, &perr) {
				break // the reader failed, not the row
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		rec := NGECRecord{ID: fmt.Sprintf("ngec-%04d", n), Mode: field(row, "mode"), Text: field(row, "text")}
		if label < len(row) {
			rec.Type = PLOVERType(row[label])
		}
		rec.Title = fillTemplate(field(row, "title"), n)
		if p := field(row, "prompt"); p != "" {
			rec.Title, _, _ = strings.Cut(p, "\n")
			rec.Title = strings.TrimSpace(rec.Title)
		}
		switch {
		case rec.Type == "":
			errs = append(errs, parley.Errorf(parley.EINVALID, "row %d (line %d): no PLOVER type", n+1, line))
		case rec.Text == "" && rec.Title == "":
			errs = append(errs, parley.Errorf(parley.EINVALID, "row %d (line %d): no text or title", n+1, line))
		default:
			recs = append(recs, rec)
		}
	}
	return recs, errors.Join(errs...)
}

// NGECReport is the outcome of scoring coded events against an NGEC set.
// The set labels documents, not events, so it measures how often parley
// codes an event of the labelled type somewhere in the document (Any) and
// as the document's first event with a PLOVER type (First), over all
// documents and over each half (Dev: even rows, Check: odd rows).
type NGECReport struct {
	Any        Ratio `json:"any"`
	First      Ratio `json:"first"`
	DevAny     Ratio `json:"dev_any"`
	DevFirst   Ratio `json:"dev_first"`
	CheckAny   Ratio `json:"check_any"`
	CheckFirst Ratio `json:"check_first"`
	// NoEvent counts documents with no event of any PLOVER type.
	NoEvent int `json:"no_event"`
	// ByType gives Any and First for each labelled type, most frequent
	// label first.
	ByType []NGECTypeScore `json:"by_type"`
	// Wrong lists the documents whose type was not coded at all.
	Wrong []NGECResult `json:"wrong"`
}

// NGECTypeScore is the figures of one labelled PLOVER type.
type NGECTypeScore struct {
	Type  string `json:"type"`
	Any   Ratio  `json:"any"`
	First Ratio  `json:"first"`
}

// NGECResult is one document with the events coded in it.
type NGECResult struct {
	Record NGECRecord     `json:"record"`
	Events []parley.Event `json:"events"`
}

// ScoreNGEC scores coded events against NGEC records.
func ScoreNGEC(recs []NGECRecord, events []parley.Event) NGECReport {
	var rep NGECReport
	evs := byDoc(events)
	type tally struct{ n, any, first int }
	var (
		all, dev, check tally
		by              = map[string]*tally{}
	)
	for _, rec := range recs {
		res := NGECResult{Record: rec, Events: evs[rec.ID]}
		anyHit, firstHit, typed := false, false, false
		for _, ev := range res.Events {
			if ev.PLOVER.Type == "" {
				continue
			}
			if !typed {
				firstHit = ev.PLOVER.Type == rec.Type
			}
			typed = true
			anyHit = anyHit || ev.PLOVER.Type == rec.Type
		}
		if !typed {
			rep.NoEvent++
		}
		t := by[rec.Type]
		if t == nil {
			t = &tally{}
			by[rec.Type] = t
		}
		half := &dev
		if rec.Check() {
			half = &check
		}
		for _, c := range []*tally{&all, half, t} {
			c.n++
			if anyHit {
				c.any++
			}
			if firstHit {
				c.first++
			}
		}
		if !anyHit {
			rep.Wrong = append(rep.Wrong, res)
		}
	}
	rep.Any, rep.First = ratio(all.any, all.n), ratio(all.first, all.n)
	rep.DevAny, rep.DevFirst = ratio(dev.any, dev.n), ratio(dev.first, dev.n)
	rep.CheckAny, rep.CheckFirst = ratio(check.any, check.n), ratio(check.first, check.n)
	for typ, t := range by {
		rep.ByType = append(rep.ByType, NGECTypeScore{Type: typ, Any: ratio(t.any, t.n), First: ratio(t.first, t.n)})
	}
	slices.SortFunc(rep.ByType, func(a, b NGECTypeScore) int {
		if a.Any.Total != b.Any.Total {
			return b.Any.Total - a.Any.Total
		}
		return strings.Compare(a.Type, b.Type)
	})
	return rep
}

// WriteSummary writes the figures:
//
//	NGEC: labelled type coded in the document 63.8% (2871/4500), as its first typed event 55.6% (2502/4500)
//	  dev (even rows) 64.0% / 55.1%; check (odd rows) 63.6% / 56.1%; no typed event: 262 documents
//	  ASSAULT     540  any 83.5%  first 74.8%
func (r NGECReport) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	return flush(bw)
}

func (r NGECReport) summary(w io.Writer) {
	fmt.Fprintf(w, "NGEC: labelled type coded in the document %s, as its first typed event %s\n", pct(r.Any), pct(r.First))
	fmt.Fprintf(w, "  dev (even rows) %.1f%% / %.1f%%; check (odd rows) %.1f%% / %.1f%%; no typed event: %d documents\n",
		100*r.DevAny.Rate, 100*r.DevFirst.Rate, 100*r.CheckAny.Rate, 100*r.CheckFirst.Rate, r.NoEvent)
	for _, t := range r.ByType {
		fmt.Fprintf(w, "  %-10s %5d  any %5.1f%%  first %5.1f%%\n", t.Type, t.Any.Total, 100*t.Any.Rate, 100*t.First.Rate)
	}
}

// WriteText writes the summary, then every document of the dev half whose
// labelled type was not coded, with its events (the check half is left out
// on purpose: reading its misses would make it a development set too).
func (r NGECReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	for _, res := range r.Wrong {
		if res.Record.Check() {
			continue
		}
		mode := ""
		if res.Record.Mode != "" {
			mode = " (" + res.Record.Mode + ")"
		}
		fmt.Fprintf(bw, "\nWRONG %s %s%s not coded: %s\n", res.Record.ID, res.Record.Type, mode, res.Record.Title)
		writeEvents(bw, res.Events)
		fmt.Fprintf(bw, "  text: %s\n", clipDoc(res.Record.Doc().Text))
	}
	return flush(bw)
}

// WriteJSON writes the report as one indented JSON object.
func (r NGECReport) WriteJSON(w io.Writer) error { return writeJSON(w, r) }
