package eval

import (
	"bufio"
	"errors"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"time"

	"parley"
)

// PetrarchDate is the date given to UniversalPetrarch records whose date is
// missing or not a date.
const PetrarchDate = "2015-01-01"

// Triple is one expected or coded event of the UniversalPetrarch set:
// source actor code, target actor code and CAMEO event code. An absent
// target is "".
type Triple struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

func (t Triple) String() string {
	tgt := t.Target
	if tgt == "" {
		tgt = "-"
	}
	return fmt.Sprintf("%s→%s %s", t.Source, tgt, t.Code)
}

// PetrarchRecord is one sentence of a UniversalPetrarch validation file
// with the events it should yield (none when the file says noevents).
type PetrarchRecord struct {
	ID       string   `json:"id"`
	Date     string   `json:"date"` // YYYY-MM-DD: the record's, else PetrarchDate
	Category string   `json:"category,omitempty"`
	Text     string   `json:"text"`
	Triples  []Triple `json:"triples"` // a set: no two alike
}

// Doc is the sentence as a document to code.
func (r PetrarchRecord) Doc() parley.Document {
	return parley.Document{ID: r.ID, Date: r.Date, Text: r.Text}
}

// petrarchCode normalizes an actor code for comparison. The files write an
// actor of unknown country as "---" followed by its sector ("---REB") and an
// absent target as "---"; parley writes the sector alone ("REB") and no
// target. Both are read as the code without the leading dashes, "" for none.
func petrarchCode(code string) string {
	return strings.ToUpper(strings.TrimLeft(strings.TrimSpace(code), "-"))
}

// ReadPetrarch reads a UniversalPetrarch validation file (such as
// PETR2_GSR_validation.xml). The files are not well-formed XML (a
// <Sentence .../> tag closed again by </Sentence>, comments around parses,
// '#' banner lines), so they are scanned rather than parsed: a record runs
// from one <Sentence tag to the next; comments (<!-- -->) are dropped; its
// <EventCoding sourcecode= targetcode= eventcode= /> tags give the triples
// (noevents="True": none) and <Text> its sentence, whose lines are joined
// with spaces, entities decoded and the treebank quotes (two backquotes,
// two apostrophes) written as "; an empty <Text> is rebuilt from the words
// of the <Parse>. Records marked evaluate="false" are skipped. The date
// (YYYYMMDD) is the record's when it is one, else PetrarchDate. A record
// without an id or a text, an EventCoding without an event code or source,
// and an id used twice are errors; all are joined, with the good records
// returned.
func ReadPetrarch(r io.Reader) ([]PetrarchRecord, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	s := stripComments(string(b))
	var (
		recs []PetrarchRecord
		errs []error
		seen = make(map[string]bool)
	)
	const open = "<Sentence "
	for {
		i := strings.Index(s, open)
		if i < 0 {
			break
		}
		s = s[i+len(open):]
		body := s
		if j := strings.Index(s, open); j >= 0 {
			body = s[:j]
		}
		tagEnd := strings.IndexByte(body, '>')
		if tagEnd < 0 {
			errs = append(errs, parley.Errorf(parley.EINVALID, "a <Sentence tag is not closed"))
			break
		}
		attrs := tagAttrs(body[:tagEnd])
		rec, err := petrarchRecord(attrs, body[tagEnd+1:])
		switch {
		case err != nil:
			errs = append(errs, err)
			continue
		case strings.EqualFold(attrs["evaluate"], "false"):
			continue
		case seen[rec.ID]:
			errs = append(errs, parley.Errorf(parley.EINVALID, "record %s: id used twice", rec.ID))
			continue
		}
		seen[rec.ID] = true
		recs = append(recs, rec)
	}
	return recs, errors.Join(errs...)
}

func petrarchRecord(attrs map[string]string, body string) (PetrarchRecord, error) {
	rec := PetrarchRecord{ID: attrs["id"], Category: attrs["category"], Date: PetrarchDate}
	if rec.ID == "" {
		return rec, parley.Errorf(parley.EINVALID, "a record has no id")
	}
	if t, err := time.Parse("20060102", attrs["date"]); err == nil {
		rec.Date = t.Format(parley.DateLayout)
	}
	if i := strings.Index(body, "<Text>"); i >= 0 {
		text := body[i+len("<Text>"):]
		if j := strings.Index(text, "</Text>"); j >= 0 {
			text = text[:j]
		}
		rec.Text = oneLine(text)
	}
	if rec.Text == "" {
		rec.Text = parseText(body)
	}
	rec.Text = strings.NewReplacer("``", `"`, "''", `"`).Replace(html.UnescapeString(rec.Text))
	if rec.Text == "" {
		return rec, parley.Errorf(parley.EINVALID, "record %s: no text", rec.ID)
	}
	const tag = "<EventCoding"
	for rest := body; ; {
		i := strings.Index(rest, tag)
		if i < 0 {
			break
		}
		rest = rest[i+len(tag):]
		end := strings.IndexByte(rest, '>')
		if end < 0 {
			return rec, parley.Errorf(parley.EINVALID, "record %s: an EventCoding tag is not closed", rec.ID)
		}
		a := tagAttrs(rest[:end])
		rest = rest[end+1:]
		if strings.EqualFold(a["noevents"], "true") {
			continue
		}
		t := Triple{Source: petrarchCode(a["sourcecode"]), Target: petrarchCode(a["targetcode"]), Code: strings.TrimSpace(a["eventcode"])}
		if t.Code == "" || t.Source == "" {
			return rec, parley.Errorf(parley.EINVALID, "record %s: an EventCoding without an event code or source", rec.ID)
		}
		if !slices.Contains(rec.Triples, t) {
			rec.Triples = append(rec.Triples, t)
		}
	}
	return rec, nil
}

// parseText rebuilds a sentence from the CoNLL-U rows of a record's
// <Parse>: the word forms, joined by a space unless a row says
// SpaceAfter=No. It is "" when there is no parse.
func parseText(body string) string {
	i := strings.Index(body, "<Parse>")
	if i < 0 {
		return ""
	}
	parse := body[i+len("<Parse>"):]
	if j := strings.Index(parse, "</Parse>"); j >= 0 {
		parse = parse[:j]
	}
	var b strings.Builder
	space := false
	for line := range strings.SplitSeq(parse, "\n") {
		cols := strings.Split(strings.TrimSpace(line), "\t")
		if len(cols) < 2 || cols[1] == "" {
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(cols[1])
		space = len(cols) < 10 || !strings.Contains(cols[9], "SpaceAfter=No")
	}
	return b.String()
}

// stripComments removes <!-- --> comments; an unclosed one runs to the end.
func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			return b.String()
		}
		s = s[i+4+j+3:]
	}
}

// tagAttrs reads name="value" (or 'value') pairs from inside a tag; names
// are lower-cased and values entity-decoded. It stops at anything else.
func tagAttrs(s string) map[string]string {
	attrs := make(map[string]string)
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return attrs
		}
		name := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimLeft(s[eq+1:], " \t\r\n")
		if s == "" || s[0] != '"' && s[0] != '\'' {
			return attrs
		}
		q := s[0]
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return attrs
		}
		attrs[name] = html.UnescapeString(s[1 : 1+end])
		s = s[end+2:]
	}
}

// PetrarchReport is the outcome of scoring coded events against
// UniversalPetrarch records.
type PetrarchReport struct {
	Records int `json:"records"`
	// Precision is coded triples that are expected over coded triples,
	// Recall expected triples coded over expected triples; each document's
	// triples are a set.
	Precision Ratio   `json:"precision"`
	Recall    Ratio   `json:"recall"`
	F1        float64 `json:"f1"`
	// Exact is records whose coded triples are exactly the expected ones.
	Exact Ratio `json:"exact"`
	// Loose is the same comparison with the triples cut to Loose (actor
	// keys and root codes); it is not FORMAT.md's score but shows how much
	// of the gap is code granularity (USAGOV for USA, 0352 for 035).
	Loose Scores `json:"loose"`
	// Wrong lists the records with a missed or an extra triple.
	Wrong []PetrarchResult `json:"wrong"`
}

// Scores are precision, recall and F1.
type Scores struct {
	Precision Ratio   `json:"precision"`
	Recall    Ratio   `json:"recall"`
	F1        float64 `json:"f1"`
}

func scores(tp, coded, expected int) Scores {
	s := Scores{Precision: ratio(tp, coded), Recall: ratio(tp, expected)}
	if sum := s.Precision.Rate + s.Recall.Rate; sum > 0 {
		s.F1 = 2 * s.Precision.Rate * s.Recall.Rate / sum
	}
	return s
}

// Loose cuts a triple to its actors' keys (ActorKey: USAGOV → USA,
// IGOUNOMIL → IGOUNO) and its code's root (0352 → 03).
func (t Triple) Loose() Triple {
	root := t.Code
	if len(root) > 2 {
		root = root[:2]
	}
	return Triple{Source: ActorKey(t.Source), Target: ActorKey(t.Target), Code: root}
}

// looseSet returns the distinct loose forms of triples.
func looseSet(ts []Triple) []Triple {
	var set []Triple
	for _, t := range ts {
		if l := t.Loose(); !slices.Contains(set, l) {
			set = append(set, l)
		}
	}
	return set
}

// PetrarchResult is one record with what was coded in it.
type PetrarchResult struct {
	Record PetrarchRecord `json:"record"`
	Coded  []Triple       `json:"coded"`
	Missed []Triple       `json:"missed"` // expected, not coded
	Extra  []Triple       `json:"extra"`  // coded, not expected
	Events []parley.Event `json:"events"`
}

// EventTriple is a coded event as a triple; actor codes are normalized as
// the files' are, so a missing target is "".
func EventTriple(ev parley.Event) Triple {
	code := func(a *parley.Actor) string {
		if a == nil {
			return ""
		}
		return petrarchCode(a.Code)
	}
	return Triple{Source: code(ev.Source), Target: code(ev.Target), Code: ev.CAMEO}
}

// ScorePetrarch scores coded events against UniversalPetrarch records, by
// the rules of FORMAT.md ("Other gold sets"): each document's coded triples
// (EventTriple, duplicates dropped) and expected triples are compared as
// sets, exactly (USAGOV is not USA, 0352 is not 035), and precision, recall
// and F1 are over all triples. Events of documents that are not records are
// ignored.
func ScorePetrarch(recs []PetrarchRecord, events []parley.Event) PetrarchReport {
	rep := PetrarchReport{Records: len(recs)}
	evs := byDoc(events)
	var tp, coded, expected, exact int
	var ltp, lcoded, lexpected int
	for _, rec := range recs {
		res := PetrarchResult{Record: rec, Events: evs[rec.ID]}
		for _, ev := range res.Events {
			if t := EventTriple(ev); !slices.Contains(res.Coded, t) {
				res.Coded = append(res.Coded, t)
			}
		}
		for _, t := range rec.Triples {
			if slices.Contains(res.Coded, t) {
				tp++
			} else {
				res.Missed = append(res.Missed, t)
			}
		}
		for _, t := range res.Coded {
			if !slices.Contains(rec.Triples, t) {
				res.Extra = append(res.Extra, t)
			}
		}
		coded += len(res.Coded)
		expected += len(rec.Triples)
		lc, le := looseSet(res.Coded), looseSet(rec.Triples)
		for _, t := range le {
			if slices.Contains(lc, t) {
				ltp++
			}
		}
		lcoded += len(lc)
		lexpected += len(le)
		if len(res.Missed) == 0 && len(res.Extra) == 0 {
			exact++
		} else {
			rep.Wrong = append(rep.Wrong, res)
		}
	}
	exactScores := scores(tp, coded, expected)
	rep.Precision, rep.Recall, rep.F1 = exactScores.Precision, exactScores.Recall, exactScores.F1
	rep.Loose = scores(ltp, lcoded, lexpected)
	rep.Exact = ratio(exact, len(recs))
	return rep
}

// WriteSummary writes the figures:
//
//	UniversalPetrarch: 78 records, 80 expected triples, 61 coded
//	precision 0.40 (24/61)  recall 0.30 (24/80)  F1 0.34  exact records 35.9% (28/78)
//	loose (actor keys, root codes; not the set's score): precision ...
func (r PetrarchReport) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	return flush(bw)
}

func (r PetrarchReport) summary(w io.Writer) {
	fmt.Fprintf(w, "UniversalPetrarch: %d records, %d expected triples, %d coded\n", r.Records, r.Recall.Total, r.Precision.Total)
	fmt.Fprintf(w, "precision %s  recall %s  F1 %.2f  exact records %s\n", r.Precision, r.Recall, r.F1, pct(r.Exact))
	fmt.Fprintf(w, "loose (actor keys, root codes; not the set's score): precision %s  recall %s  F1 %.2f\n", r.Loose.Precision, r.Loose.Recall, r.Loose.F1)
}

// WriteText writes the summary, then every record with a missed or an extra
// triple: the expected triples, the missed and extra ones, every event coded
// and the text.
func (r PetrarchReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	triples := func(ts []Triple) string {
		if len(ts) == 0 {
			return "none"
		}
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = t.String()
		}
		return strings.Join(parts, ", ")
	}
	for _, res := range r.Wrong {
		fmt.Fprintf(bw, "\nWRONG %s [%s]\n", res.Record.ID, res.Record.Category)
		fmt.Fprintf(bw, "  gold: %s\n", triples(res.Record.Triples))
		fmt.Fprintf(bw, "  missed: %s\n  extra: %s\n", triples(res.Missed), triples(res.Extra))
		writeEvents(bw, res.Events)
		fmt.Fprintf(bw, "  text: %s\n", clipDoc(res.Record.Text))
	}
	return flush(bw)
}

// WriteJSON writes the report as one indented JSON object.
func (r PetrarchReport) WriteJSON(w io.Writer) error { return writeJSON(w, r) }
