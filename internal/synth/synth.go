// Package synth generates synthetic coded documents for the store, API and
// queue benchmarks: documents with event records shaped like the coder's
// (actors with codes, countries and spans, real CAMEO codes with their
// Goldstein scores and PLOVER types, dates, half of them located), fast and
// deterministic, so that a million events cost seconds to make and the same
// seed always gives the same corpus.
//
// Actors are drawn from a Zipf distribution over Actors codes (a few
// governments appear in most news), event codes uniformly from the CAMEO
// table, dates uniformly over Days days, so dedup blocks (root, dyad) have
// the skewed sizes of real news and clusters form where a block's mentions
// fall within the dedup window.
package synth

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"parley"
	"parley/cameo"
	"parley/data"
)

// Options shape a corpus. Zero fields take the defaults.
type Options struct {
	Seed         uint64
	EventsPerDoc int     // event records per document (default 10)
	Actors       int     // distinct actor codes (default 400)
	Skew         float64 // Zipf s parameter of the actor draw, > 1 (default 1.2)
	Days         int     // the dates span this many days (default 3650)
	Start        string  // first date, YYYY-MM-DD (default 2015-01-01)
}

func (o Options) withDefaults() Options {
	if o.EventsPerDoc <= 0 {
		o.EventsPerDoc = 10
	}
	if o.Actors <= 0 {
		o.Actors = 400
	}
	if o.Skew <= 1 {
		o.Skew = 1.2
	}
	if o.Days <= 0 {
		o.Days = 3650
	}
	if o.Start == "" {
		o.Start = "2015-01-01"
	}
	return o
}

var countries = strings.Fields(`USA CHN RUS GBR FRA DEU IND PAK AFG IRN IRQ SYR ISR PSE EGY TUR SAU UKR
JPN KOR PRK NGA ZAF KEN ETH SDN SOM LBY YEM MEX BRA ARG COL VEN CAN AUS IDN PHL MMR THA VNM BGD LKA
NPL MLI NER TCD CMR COD RWA UGA`)

var sectors = []string{"GOV", "MIL", "REB", "OPP", "BUS", "CVL", "MED", "JUD", "POL", "LEG"}

var places = []parley.Location{
	{Name: "Kabul", Country: "AFG", Lat: 34.53, Lon: 69.17, Precision: "city"},
	{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62, Precision: "city"},
	{Name: "Washington", Country: "USA", Lat: 38.9, Lon: -77.04, Precision: "city"},
	{Name: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4, Precision: "city"},
	{Name: "Kyiv", Country: "UKR", Lat: 50.45, Lon: 30.52, Precision: "city"},
	{Name: "Gaza", Country: "PSE", Lat: 31.5, Lon: 34.47, Precision: "city"},
	{Name: "Lagos", Country: "NGA", Lat: 6.45, Lon: 3.4, Precision: "city"},
	{Name: "Caracas", Country: "VEN", Lat: 10.49, Lon: -66.88, Precision: "city"},
	{Name: "Islamabad", Country: "PAK", Lat: 33.72, Lon: 73.06, Precision: "city"},
	{Name: "Nairobi", Country: "KEN", Lat: -1.29, Lon: 36.82, Precision: "city"},
}

// Generator makes documents. It is not safe for concurrent use.
type Generator struct {
	opt    Options
	rng    *rand.Rand
	zipf   *rand.Zipf
	codes  []cameo.Code
	actors []parley.Actor
	start  time.Time
}

// New returns a generator.
func New(opt Options) (*Generator, error) {
	opt = opt.withDefaults()
	start, err := time.Parse(parley.DateLayout, opt.Start)
	if err != nil {
		return nil, fmt.Errorf("synth: start %q: %w", opt.Start, err)
	}
	table, _ := cameo.Load(data.FS, "cameo/codes.txt")
	g := &Generator{opt: opt, rng: rand.New(rand.NewPCG(opt.Seed, 0x9a7e)), start: start}
	for _, c := range table {
		if len(c.Code) >= 3 { // leaf and mid-level codes, as the coder gives
			g.codes = append(g.codes, c)
		}
	}
	slices.SortFunc(g.codes, func(a, b cameo.Code) int { return strings.Compare(a.Code, b.Code) })
	if len(g.codes) == 0 {
		return nil, fmt.Errorf("synth: no CAMEO codes")
	}
	for i := range opt.Actors {
		c := countries[i%len(countries)]
		s := sectors[(i/len(countries))%len(sectors)]
		g.actors = append(g.actors, parley.Actor{Text: strings.ToLower(c) + " " + strings.ToLower(s), Code: c + s, Country: c, Sector: s})
	}
	g.zipf = rand.NewZipf(g.rng, opt.Skew, 1, uint64(opt.Actors-1))
	return g, nil
}

// Documents returns the documents numbered first to first+n-1. A number
// always gives the same document id; its content depends on the order of
// calls (the generator's state).
func (g *Generator) Documents(first, n int) []parley.CodedDocument {
	out := make([]parley.CodedDocument, n)
	for i := range out {
		out[i] = g.document(first + i)
	}
	return out
}

func (g *Generator) actor() *parley.Actor {
	a := g.actors[g.zipf.Uint64()]
	return &a
}

func (g *Generator) document(num int) parley.CodedDocument {
	day := g.start.AddDate(0, 0, g.rng.IntN(g.opt.Days))
	id := fmt.Sprintf("synth-%09d", num)
	doc := parley.Document{
		ID:     id,
		Date:   day.Format(parley.DateLayout),
		Title:  "Report " + id,
		URL:    "https://news" + fmt.Sprint(num%50) + ".example/" + id,
		Source: fmt.Sprintf("outlet-%d", num%50),
	}
	var text strings.Builder
	events := make([]parley.Event, 0, g.opt.EventsPerDoc)
	for j := range g.opt.EventsPerDoc {
		src, tgt := g.actor(), g.actor()
		if g.rng.IntN(10) == 0 {
			tgt = nil
		}
		c := g.codes[g.rng.IntN(len(g.codes))]
		at := len(doc.Title) + 1 + text.Len()
		s0 := at
		src.Span = &parley.Span{at, at + len(src.Text)}
		text.WriteString(src.Text)
		verb := " acted on "
		vs := &parley.Span{text.Len() + len(doc.Title) + 2, text.Len() + len(doc.Title) + len(verb) - 1}
		text.WriteString(verb)
		if tgt != nil {
			at = len(doc.Title) + 1 + text.Len()
			tgt.Span = &parley.Span{at, at + len(tgt.Text)}
			text.WriteString(tgt.Text)
		} else {
			text.WriteString("the situation")
		}
		fmt.Fprintf(&text, " in %s (%s, item %d). ", id, c.Name, j)
		date := day.AddDate(0, 0, -g.rng.IntN(3))
		var loc *parley.Location
		if g.rng.IntN(2) == 0 {
			l := places[g.rng.IntN(len(places))]
			loc = &l
		}
		events = append(events, parley.Event{
			ID:            fmt.Sprintf("%s-e%02d", id, j),
			Doc:           id,
			Sentence:      j,
			Text:          strings.TrimSpace(text.String()[s0-len(doc.Title)-1:]),
			Span:          parley.Span{s0, len(doc.Title) + 1 + text.Len() - 1},
			Source:        src,
			Target:        tgt,
			CAMEO:         c.Code,
			Root:          c.Root(),
			QuadClass:     c.QuadClass,
			Goldstein:     c.Goldstein,
			PLOVER:        c.PLOVER(),
			Date:          date.Format(parley.DateLayout),
			DatePrecision: parley.PrecisionDay,
			Location:      loc,
			Confidence:    0.5 + float64(g.rng.IntN(50))/100,
			Rule:          "synth",
			VerbSpan:      vs,
		})
	}
	doc.Text = text.String()
	return parley.CodedDocument{Doc: doc, Events: events, Sentences: g.opt.EventsPerDoc}
}

// Fill adds docs generated documents to store, batch documents a call,
// numbered from first, and returns the number of event records stored.
func Fill(ctx context.Context, store parley.EventStore, g *Generator, first, docs, batch int) (int, error) {
	events := 0
	for i := 0; i < docs; i += batch {
		n := min(batch, docs-i)
		res, err := store.AddDocuments(ctx, g.Documents(first+i, n))
		if err != nil {
			return events, err
		}
		events += res.Mentions
	}
	return events, nil
}

// Selected reports whether the -test.bench pattern names a benchmark
// explicitly by the given word (such as "1M"): the large benchmarks, which
// build a database of a million events, run only then, never under a plain
// go test ./... or a -bench=. run.
func Selected(word string) bool {
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), word)
}

// P95 returns the 95th percentile of ds (sorted in place).
func P95(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[(len(ds)*95+99)/100-1]
}

// Query is one API query of the latency benchmarks, as a store call and as
// the HTTP request that makes it.
type Query struct {
	Name     string
	Kind     string // "events", "dyads" or "timeline"
	Filter   parley.EventFilter
	Interval string
	URL      string
}

// Queries are the benchmarks' API queries over a synthetic corpus: the
// dashboard's first page, common filters, deep paging, aggregates.
var Queries = []Query{
	{Name: "newest", Kind: "events", Filter: parley.EventFilter{}, URL: "/api/events"},
	{Name: "actor", Kind: "events", Filter: parley.EventFilter{Actor: "AFG"}, URL: "/api/events?actor=AFG"},
	{Name: "country", Kind: "events", Filter: parley.EventFilter{Country: "UKR"}, URL: "/api/events?country=UKR"},
	{Name: "root", Kind: "events", Filter: parley.EventFilter{Root: "14"}, URL: "/api/events?root=14"},
	{Name: "month", Kind: "events", Filter: parley.EventFilter{From: "2019-03-01", To: "2019-03-31"}, URL: "/api/events?from=2019-03-01&to=2019-03-31"},
	{Name: "actor+root+dates", Kind: "events", Filter: parley.EventFilter{Actor: "RUS", Root: "19", From: "2018-01-01", To: "2019-12-31"}, URL: "/api/events?actor=RUS&root=19&from=2018-01-01&to=2019-12-31"},
	{Name: "bbox", Kind: "events", Filter: parley.EventFilter{Box: &[4]float64{60, 29, 75, 38}}, URL: "/api/events?bbox=60,29,75,38"},
	{Name: "limit1000", Kind: "events", Filter: parley.EventFilter{Limit: 1000}, URL: "/api/events?limit=1000"},
	{Name: "text", Kind: "events", Filter: parley.EventFilter{Text: "nga reb"}, URL: "/api/events?q=nga+reb"},
	{Name: "dyads-actor-month", Kind: "dyads", Filter: parley.EventFilter{Actor: "AFG"}, Interval: "month", URL: "/api/dyads?actor=AFG&interval=month"},
	{Name: "timeline-actor-week", Kind: "timeline", Filter: parley.EventFilter{Actor: "AFG"}, Interval: "week", URL: "/api/timeline?actor=AFG&interval=week"},
	{Name: "timeline-year-month", Kind: "timeline", Filter: parley.EventFilter{From: "2019-01-01", To: "2019-12-31"}, Interval: "month", URL: "/api/timeline?from=2019-01-01&to=2019-12-31&interval=month"},
	{Name: "timeline-all-month", Kind: "timeline", Filter: parley.EventFilter{}, Interval: "month", URL: "/api/timeline?interval=month"},
	{Name: "dyads-all", Kind: "dyads", Filter: parley.EventFilter{}, URL: "/api/dyads"},
}

// Run runs the query on the store.
func (q Query) Run(ctx context.Context, s parley.EventStore) error {
	var err error
	switch q.Kind {
	case "events":
		_, _, err = s.FindEvents(ctx, q.Filter)
	case "dyads":
		_, err = s.Dyads(ctx, q.Filter, q.Interval)
	case "timeline":
		_, err = s.Timeline(ctx, q.Filter, q.Interval)
	default:
		err = fmt.Errorf("query %s: unknown kind %q", q.Name, q.Kind)
	}
	return err
}
