package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"parley"
)

// PLOVERDate is the date given to PLOVER GSR records that have none.
const PLOVERDate = "2000-01-01"

// PLOVERRecord is one record of the PLOVER gold standard records
// (PLOVER_GSR_CAMEO.txt): a sentence, the PLOVER type of its event, and the
// actors that did it and had it done to them.
type PLOVERRecord struct {
	ID   string `json:"id"`
	Date string `json:"date"` // YYYY-MM-DD: the record's, else PLOVERDate
	Text string `json:"text"`
	// Event is the type as written (PLOVER 0.5b1 names); Type is it
	// mapped to the current names by PLOVERType.
	Event string `json:"event"`
	Type  string `json:"type"`
	// EventText is the record's words for the event ("agreed cooperate").
	EventText string        `json:"event_text,omitempty"`
	Src       []PLOVERActor `json:"source"`
	Tgt       []PLOVERActor `json:"target"` // empty: the record has no target
	// Compound is set when the record's comment says "compound": source
	// and target may be swapped.
	Compound bool   `json:"compound,omitempty"`
	Comment  string `json:"comment,omitempty"`
}

// PLOVERActor is an actor of a PLOVER record.
type PLOVERActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector,omitempty"`
}

// Doc is the record as a document to code.
func (r PLOVERRecord) Doc() parley.Document {
	return parley.Document{ID: r.ID, Date: r.Date, Text: oneLine(r.Text)}
}

// ploverNames maps PLOVER 0.5b1 event names to the current ones.
var ploverNames = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"FIGHT":       "ASSAULT",
	"INVESTIGATE": "ACCUSE",
}

// PLOVERType is a PLOVER event type in the current names: upper case, with
// the 0.5b1 names DEMAND, DISAPPROVE, FIGHT and INVESTIGATE mapped to
// REQUEST, ACCUSE, ASSAULT and ACCUSE.
func PLOVERType(name string) string {
	name = strings.ToUpper(strings.TrimSpace(name))
	if n, ok := ploverNames[name]; ok {
		return n
	}
	return name
}

// ActorKey is what two actor codes must share to be the same actor in the
// PLOVER GSR scoring: the code's first 3 letters, or its first 6 when those
// are IGO, NGO, IMG or MNC (an organization is its own actor, not its
// country's). Keys are upper case.
func ActorKey(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	n := 3
	if groupPrefix(code) {
		n = 6
	}
	return code[:min(n, len(code))]
}

// groupPrefix reports whether a code begins with IGO, NGO, IMG or MNC.
func groupPrefix(code string) bool {
	if len(code) < 3 {
		return false
	}
	switch code[:3] {
	case "IGO", "NGO", "IMG", "MNC":
		return true
	}
	return false
}

// keyIn reports whether a coded actor's key is among a record's actors.
//
// The records write every organization as its bare group code ("IGO" for the
// United Nations, APEC and NATO alike), whose key is "IGO"; a coder writes
// "IGOUNO", whose key is "IGOUNO". Read literally the two keys differ and no
// organization could ever be right, so a bare group key in the record
// accepts any key that begins with it. A record key that names the
// organization ("IGOUNO") still needs the same organization.
func keyIn(a *parley.Actor, actors []PLOVERActor) bool {
	if a == nil || a.Code == "" {
		return false
	}
	got := ActorKey(a.Code)
	for _, ra := range actors {
		want := ActorKey(ra.Code)
		if want == got || len(want) == 3 && groupPrefix(want) && strings.HasPrefix(got, want) {
			return true
		}
	}
	return false
}

// ploverLine is a record as read; source and target are raw because the
// file writes a missing target as "", null, or a stray word.
type ploverLine struct {
	ID        string          `json:"id"`
	Date      string          `json:"date"`
	Event     string          `json:"event"`
	EventText string          `json:"eventText"`
	Text      string          `json:"text"`
	Source    json.RawMessage `json:"source"`
	Target    json.RawMessage `json:"target"`
	Comment   string          `json:"comment"`
}

// ReadPLOVER reads the PLOVER gold standard records. The file is a JSON
// array of objects, read tolerantly: each top-level object is decoded on
// its own, so a stray comma or a broken record costs only that record.
// Records without a text (the DOCUMENT record) are skipped. A source or
// target that is not a list of actors ("", null, a stray word) is no
// actor. A record with a missing id or event is an error; all errors are
// joined, each naming its record's line, and the good records are returned
// with them. A record whose id an earlier record has is kept, its id
// followed by "/2" (then "/3"...), since every record is a document.
func ReadPLOVER(r io.Reader) ([]PLOVERRecord, error) {
	var (
		recs []PLOVERRecord
		errs []error
		seen = make(map[string]int) // id → records with it
	)
	err := scanObjects(r, func(obj []byte, line int) {
		var pl ploverLine
		if err := json.Unmarshal(obj, &pl); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w: %w", line, errMalformed, err))
			return
		}
		if strings.TrimSpace(pl.Text) == "" {
			return
		}
		switch {
		case pl.ID == "":
			errs = append(errs, parley.Errorf(parley.EINVALID, "line %d: record without an id", line))
			return
		case pl.Event == "":
			errs = append(errs, parley.Errorf(parley.EINVALID, "line %d: %s: no event", line, pl.ID))
			return
		}
		if n := seen[pl.ID]; n > 0 {
			// The file has two different records with one id (COERCE-0004);
			// both count, and the documents need their own ids.
			seen[pl.ID]++
			pl.ID = fmt.Sprintf("%s/%d", pl.ID, n+1)
		} else {
			seen[pl.ID] = 1
		}
		rec := PLOVERRecord{
			ID: pl.ID, Date: PLOVERDate, Text: pl.Text,
			Event: pl.Event, Type: PLOVERType(pl.Event), EventText: pl.EventText,
			Src: actorList(pl.Source), Tgt: actorList(pl.Target),
			Comment:  pl.Comment,
			Compound: strings.Contains(strings.ToLower(pl.Comment), "compound"),
		}
		if _, err := time.Parse(parley.DateLayout, pl.Date); err == nil {
			rec.Date = pl.Date
		}
		recs = append(recs, rec)
	})
	if err != nil {
		errs = append(errs, err)
	}
	return recs, errors.Join(errs...)
}

// actorList decodes a list of actors; anything else is none.
func actorList(raw json.RawMessage) []PLOVERActor {
	var list []PLOVERActor
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	return slices.DeleteFunc(list, func(a PLOVERActor) bool { return strings.TrimSpace(a.Code) == "" })
}

// scanObjects calls each with every top-level JSON object of r (at depth 1
// inside an array, or at depth 0) and the line it starts on. It keeps track
// of strings so that braces inside them do not count.
func scanObjects(r io.Reader, each func(obj []byte, line int)) error {
	br := bufio.NewReader(r)
	var (
		buf              []byte
		depth            int
		inString, escape bool
		line, startLine  = 1, 0
	)
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read records: %w", err)
		}
		if c == '\n' {
			line++
		}
		if depth > 0 {
			buf = append(buf, c)
		}
		switch {
		case inString:
			switch {
			case escape:
				escape = false
			case c == '\\':
				escape = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = depth > 0
		case c == '{':
			if depth == 0 {
				buf, startLine = append(buf[:0], c), line
			}
			depth++
		case c == '}' && depth > 0:
			depth--
			if depth == 0 {
				each(buf, startLine)
			}
		}
	}
	if depth > 0 {
		return parley.Errorf(parley.EINVALID, "line %d: record not closed", startLine)
	}
	return nil
}

// PLOVERReport is the outcome of scoring coded events against PLOVER
// records.
type PLOVERReport struct {
	Records int `json:"records"`
	// Type is records with some event of their type, over all records.
	Type Ratio `json:"type"`
	// Full is records with some event of their type whose source and
	// target are the record's, over all records.
	Full Ratio `json:"full"`
	// ByType breaks both down by the record's (mapped) type.
	ByType map[string]*PLOVERTypeCount `json:"by_type"`
	// Wrong lists the records not fully right, in record order.
	Wrong []PLOVERResult `json:"wrong"`
}

// PLOVERTypeCount counts one type's records and those right.
type PLOVERTypeCount struct {
	Records int `json:"records"`
	Type    int `json:"type"`
	Full    int `json:"full"`
}

// PLOVERResult is one record with what was coded in it.
type PLOVERResult struct {
	Record PLOVERRecord   `json:"record"`
	Type   bool           `json:"type"` // some event has the record's type
	Full   bool           `json:"full"` // some event has its type and actors
	Events []parley.Event `json:"events"`
}

// ScorePLOVER scores coded events against PLOVER records, by the rules of
// FORMAT.md ("Other gold sets"). A record is right for its type when some
// event coded in it has the record's type (both mapped by PLOVERType). It is
// fully right when such an event's source key is among the record's source
// keys, or the record has no source, and the record has no target or the
// event's target key is among its target keys; when the record is compound,
// source and target may be swapped. Keys are compared by ActorKey and
// keyIn. Events of documents that are not records are ignored.
func ScorePLOVER(recs []PLOVERRecord, events []parley.Event) PLOVERReport {
	rep := PLOVERReport{Records: len(recs), ByType: make(map[string]*PLOVERTypeCount)}
	evs := byDoc(events)
	var typeHits, fullHits int
	for _, rec := range recs {
		res := PLOVERResult{Record: rec, Events: evs[rec.ID]}
		for _, ev := range res.Events {
			if PLOVERType(ev.PLOVER.Type) != rec.Type {
				continue
			}
			res.Type = true
			if ploverActorsRight(rec, &ev) {
				res.Full = true
			}
		}
		tc := rep.ByType[rec.Type]
		if tc == nil {
			tc = &PLOVERTypeCount{}
			rep.ByType[rec.Type] = tc
		}
		tc.Records++
		if res.Type {
			typeHits++
			tc.Type++
		}
		if res.Full {
			fullHits++
			tc.Full++
		} else {
			rep.Wrong = append(rep.Wrong, res)
		}
	}
	rep.Type = ratio(typeHits, len(recs))
	rep.Full = ratio(fullHits, len(recs))
	return rep
}

func ploverActorsRight(rec PLOVERRecord, ev *parley.Event) bool {
	fits := func(src, tgt *parley.Actor) bool {
		return (len(rec.Src) == 0 || keyIn(src, rec.Src)) && (len(rec.Tgt) == 0 || keyIn(tgt, rec.Tgt))
	}
	return fits(ev.Source, ev.Target) || rec.Compound && fits(ev.Target, ev.Source)
}

// WriteSummary writes the figures:
//
//	PLOVER GSR: 322 records
//	type right 45.3% (146/322)  type+source+target right 30.1% (97/322)
func (r PLOVERReport) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	return flush(bw)
}

func (r PLOVERReport) summary(w io.Writer) {
	fmt.Fprintf(w, "PLOVER GSR: %d records\n", r.Records)
	fmt.Fprintf(w, "type right %s  type+source+target right %s\n", pct(r.Type), pct(r.Full))
}

// WriteText writes the figures, a table by type, and every record not fully
// right: its gold type and actors, every event coded in it and its text.
func (r PLOVERReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	slices.Sort(types)
	fmt.Fprintf(bw, "\n%-10s %7s %12s %12s\n", "type", "records", "type right", "full right")
	for _, t := range types {
		c := r.ByType[t]
		fmt.Fprintf(bw, "%-10s %7d %12d %12d\n", t, c.Records, c.Type, c.Full)
	}
	for _, res := range r.Wrong {
		rec := res.Record
		why := "actors wrong"
		switch {
		case len(res.Events) == 0:
			why = "no event"
		case !res.Type:
			why = "type wrong"
		}
		compound := ""
		if rec.Compound {
			compound = " (compound: may swap)"
		}
		fmt.Fprintf(bw, "\nWRONG %s [%s]\n", rec.ID, why)
		fmt.Fprintf(bw, "  gold: %s", rec.Type)
		if rec.Event != rec.Type {
			fmt.Fprintf(bw, " (%s)", rec.Event)
		}
		if rec.EventText != "" {
			fmt.Fprintf(bw, " %q", rec.EventText)
		}
		fmt.Fprintf(bw, " source %s target %s%s\n", ploverActors(rec.Src), ploverActors(rec.Tgt), compound)
		writeEvents(bw, res.Events)
		fmt.Fprintf(bw, "  text: %s\n", clipDoc(rec.Text))
	}
	return flush(bw)
}

// WriteJSON writes the report as one indented JSON object.
func (r PLOVERReport) WriteJSON(w io.Writer) error { return writeJSON(w, r) }

func ploverActors(as []PLOVERActor) string {
	if len(as) == 0 {
		return "-"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		code := a.Code
		if a.Sector != "" {
			code += "/" + a.Sector
		}
		parts[i] = fmt.Sprintf("%s %q", code, a.Text)
	}
	return strings.Join(parts, " | ")
}

func flush(bw *bufio.Writer) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
