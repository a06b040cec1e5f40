// Package export writes deduplicated events in exchange formats: the GDELT
// 2.0 event table, PLOVER JSON lines, CSV and parley's own JSON lines.
//
// Each format is a Writer: Write one event at a time, then Flush. None of
// them writes HTML; text from articles goes out as data, and CSV cells that
// a spreadsheet would read as a formula are prefixed with a quote.
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"parley"
	"parley/dedup"
)

// Writer writes events in one format.
type Writer interface {
	Write(ev *parley.StoredEvent) error
	Flush() error
}

// Formats lists the format names New accepts.
var Formats = []string{"gdelt", "plover", "csv", "jsonl"}

// New returns a Writer of the named format.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "gdelt":
		return NewGDELT(w), nil
	case "plover":
		return NewPLOVER(w), nil
	case "csv":
		return NewCSV(w), nil
	case "jsonl":
		return NewJSONL(w), nil
	}
	return nil, parley.Errorf(parley.EINVALID, "format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// All writes every event the filter selects, page by page, and flushes.
func All(ctx context.Context, s parley.EventStore, f parley.EventFilter, w Writer) (int, error) {
	f.Limit = parley.MaxLimit
	n := 0
	for {
		evs, next, err := s.FindEvents(ctx, f)
		if err != nil {
			return n, err
		}
		for _, e := range evs {
			if err := w.Write(e); err != nil {
				return n, err
			}
			n++
		}
		if next == "" {
			return n, w.Flush()
		}
		f.Cursor = next
	}
}

// JSONL writes parley's deduplicated event records, one a line.
type JSONL struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewJSONL returns a JSON lines writer.
func NewJSONL(w io.Writer) *JSONL {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONL{bw, enc}
}

func (j *JSONL) Write(ev *parley.StoredEvent) error { return j.enc.Encode(ev) }
func (j *JSONL) Flush() error                       { return j.bw.Flush() }

// CSVHeader is the header row of the CSV format.
var CSVHeader = []string{"id", "date", "date_precision", "source_code", "source_text", "source_country",
	"target_code", "target_text", "target_country", "cameo", "root", "quad_class", "goldstein",
	"plover_type", "plover_mode", "plover_context", "negated", "location_name", "location_country", "lat", "lon",
	"confidence", "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen", "doc", "url", "text", "rule", "dedup_reason"}

// CSV writes one event a row under CSVHeader.
type CSV struct {
	cw     *csv.Writer
	header bool
}

// NewCSV returns a CSV writer.
func NewCSV(w io.Writer) *CSV { return &CSV{cw: csv.NewWriter(w)} }

func (c *CSV) Write(ev *parley.StoredEvent) error {
	if !c.header {
		c.header = true
		if err := c.cw.Write(CSVHeader); err != nil {
			return err
		}
	}
	src, tgt := actorFields(ev.Source), actorFields(ev.Target)
	var ln, lc, lat, lon string
	if l := ev.Location; l != nil {
		ln, lc, lat, lon = l.Name, l.Country, ftoa(l.Lat), ftoa(l.Lon)
	}
	return c.cw.Write([]string{ev.ID, ev.Date, ev.DatePrecision, src[0], safe(src[1]), src[2],
		tgt[0], safe(tgt[1]), tgt[2], ev.CAMEO, ev.Root, strconv.Itoa(ev.QuadClass), ftoa(ev.Goldstein),
		ev.PLOVER.Type, ev.PLOVER.Mode, strings.Join(ev.PLOVER.Context, ";"), strconv.FormatBool(ev.Negated),
		safe(ln), lc, lat, lon, ftoa(ev.Confidence), strconv.Itoa(ev.NumMentions), strconv.Itoa(ev.NumSources),
		strconv.Itoa(ev.NumArticles), ev.FirstSeen, ev.LastSeen, safe(ev.Doc), safe(ev.URL), safe(ev.Text), safe(ev.Rule), safe(ev.DedupReason)})
}

func (c *CSV) Flush() error {
	if !c.header {
		c.header = true
		if err := c.cw.Write(CSVHeader); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

// safe keeps a spreadsheet from running a cell as a formula.
func safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func actorFields(a *parley.Actor) [3]string {
	if a == nil {
		return [3]string{}
	}
	return [3]string{a.Code, a.Text, a.Country}
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// GDELT writes the GDELT 2.0 event table: 61 tab-separated columns, no
// header. See README for the columns parley fills.
type GDELT struct {
	bw *bufio.Writer
}

// NewGDELT returns a GDELT 2.0 event table writer.
func NewGDELT(w io.Writer) *GDELT { return &GDELT{bufio.NewWriter(w)} }

// GDELTColumns names the 61 columns of the GDELT 2.0 event table.
var GDELTColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL"}

// GlobalID maps an event id to the integer GLOBALEVENTID: 53 bits of its
// FNV-1a hash, so it is stable and exact in a float64 (spreadsheets, JS).
func GlobalID(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int64(h.Sum64() & (1<<53 - 1))
}

func (g *GDELT) Write(ev *parley.StoredEvent) error {
	day := dedup.StartDate(ev.Date, ev.FirstSeen)
	t, err := time.Parse(parley.DateLayout, day)
	if err != nil {
		return fmt.Errorf("event %s: date %q: %w", ev.ID, ev.Date, err)
	}
	col := make([]string, 0, 61)
	col = append(col, strconv.FormatInt(GlobalID(ev.ID), 10), t.Format("20060102"), t.Format("200601"), t.Format("2006"),
		strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64))
	col = append(col, gdeltActor(ev.Source)...)
	col = append(col, gdeltActor(ev.Target)...)
	root := "0"
	if ev.Sentence <= 1 {
		root = "1" // the title or the lead sentence
	}
	base := ev.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	col = append(col, root, ev.CAMEO, base, ev.Root, strconv.Itoa(ev.QuadClass), ftoa(ev.Goldstein),
		strconv.Itoa(ev.NumMentions), strconv.Itoa(ev.NumSources), strconv.Itoa(ev.NumArticles), "")
	col = append(col, make([]string, 16)...) // actor geography: not coded
	if l := ev.Location; l != nil {
		col = append(col, "4", clean(l.Name), l.Country, "", "", ftoa(l.Lat), ftoa(l.Lon), "")
	} else {
		col = append(col, "0", "", "", "", "", "", "", "")
	}
	added := ev.FirstSeen
	if added == "" {
		added = day
	}
	col = append(col, strings.ReplaceAll(added, "-", "")+"000000", clean(ev.URL))
	if len(col) != len(GDELTColumns) {
		return fmt.Errorf("gdelt: %d columns, want %d", len(col), len(GDELTColumns))
	}
	_, err = g.bw.WriteString(strings.Join(col, "\t") + "\n")
	return err
}

func (g *GDELT) Flush() error { return g.bw.Flush() }

// gdeltActor gives the ten actor columns: code, name, country, known group,
// ethnic, two religions, three types.
func gdeltActor(a *parley.Actor) []string {
	out := make([]string, 10)
	if a == nil {
		return out
	}
	out[0], out[1], out[2] = a.Code, clean(strings.ToUpper(a.Text)), a.Country
	rest := a.Code
	if a.Country != "" && strings.HasPrefix(rest, a.Country) {
		rest = rest[len(a.Country):]
	}
	if a.Sector != "" && strings.HasPrefix(rest, a.Sector) {
		out[7] = a.Sector
		rest = rest[len(a.Sector):]
	}
	if len(rest) == 3 && a.Sector != "" {
		out[3] = rest // a named group: AFGINSTAL → TAL
	}
	return out
}

// clean keeps tabs and newlines out of a tab-separated cell.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// PLOVER writes PLOVER JSON records, one a line, with the field names of
// the PLOVER manual (table "PLOVER JSON"): id, date, enddate, actor and
// recipient (entity objects: code, sector, entity_text), event, mode,
// context, quad_code, event_loc, event_text, cite_info, coder, comment;
// and parley's own extra fields cameo, goldstein, num_mentions,
// num_sources, num_articles.
type PLOVER struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewPLOVER returns a PLOVER JSON lines writer.
func NewPLOVER(w io.Writer) *PLOVER {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &PLOVER{bw, enc}
}

type ploverEntity struct {
	Code       string `json:"code"`
	Sector     string `json:"sector,omitempty"`
	EntityText string `json:"entity_text,omitempty"`
	CAMEOCode  string `json:"cameo_code,omitempty"`
}

type ploverLoc struct {
	ExtractedPlace string  `json:"extracted_place"`
	ResolvedPlace  string  `json:"resolved_place"`
	Lat            float64 `json:"lat"`
	Lon            float64 `json:"lon"`
	CountryCode    string  `json:"country_code,omitempty"`
}

type ploverCite struct {
	URL         string `json:"url,omitempty"`
	Citation    string `json:"citation"`
	Publication string `json:"publication,omitempty"`
	Coder       string `json:"coder"`
	Codebook    string `json:"codebook"`
}

type ploverRecord struct {
	ID          string         `json:"id"`
	HasEvent    bool           `json:"has_event"`
	Date        string         `json:"date"`
	EndDate     string         `json:"enddate,omitempty"`
	Actor       []ploverEntity `json:"actor"`
	Recipient   []ploverEntity `json:"recipient,omitempty"`
	Event       []string       `json:"event"`
	Mode        []string       `json:"mode,omitempty"`
	Context     []string       `json:"context,omitempty"`
	QuadCode    int            `json:"quad_code"`
	EventLoc    *ploverLoc     `json:"event_loc,omitempty"`
	EventText   []string       `json:"event_text,omitempty"`
	CiteInfo    ploverCite     `json:"cite_info"`
	Coder       string         `json:"coder"`
	Comment     string         `json:"comment,omitempty"`
	CAMEO       string         `json:"cameo"`
	Goldstein   float64        `json:"goldstein"`
	NumMentions int            `json:"num_mentions"`
	NumSources  int            `json:"num_sources"`
	NumArticles int            `json:"num_articles"`
}

func ploverActor(a *parley.Actor) []ploverEntity {
	if a == nil {
		return nil
	}
	code := a.Country
	if code == "" && len(a.Code) >= 3 {
		code = a.Code[:3] // IGO, NGO, ...
	}
	return []ploverEntity{{Code: code, Sector: a.Sector, EntityText: a.Text, CAMEOCode: a.Code}}
}

func (p *PLOVER) Write(ev *parley.StoredEvent) error {
	rec := ploverRecord{
		ID: ev.ID, HasEvent: true, Actor: ploverActor(ev.Source), Recipient: ploverActor(ev.Target),
		Event: []string{ev.PLOVER.Type}, Context: ev.PLOVER.Context, QuadCode: ev.QuadClass,
		CiteInfo: ploverCite{URL: ev.URL, Citation: ev.Doc, Coder: "parley", Codebook: "CAMEO 1.1b3; PLOVER"},
		Coder:    "parley", Comment: ev.DedupReason, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein,
		NumMentions: ev.NumMentions, NumSources: ev.NumSources, NumArticles: ev.NumArticles,
	}
	if rec.Actor == nil {
		rec.Actor = []ploverEntity{}
	}
	if ev.PLOVER.Mode != "" {
		rec.Mode = []string{ev.PLOVER.Mode}
	}
	m := parley.Mention{Event: parley.Event{Date: ev.Date}, DocDate: ev.FirstSeen}
	if first, last, ok := dedup.Interval(&m); ok {
		rec.Date = first.Format(parley.DateLayout)
		if !last.Equal(first) {
			rec.EndDate = last.Format(parley.DateLayout)
		}
	}
	if l := ev.Location; l != nil {
		rec.EventLoc = &ploverLoc{ExtractedPlace: l.Name, ResolvedPlace: l.Name, Lat: l.Lat, Lon: l.Lon, CountryCode: l.Country}
	}
	if ev.Text != "" {
		rec.EventText = []string{ev.Text}
	}
	return p.enc.Encode(&rec)
}

func (p *PLOVER) Flush() error { return p.bw.Flush() }
