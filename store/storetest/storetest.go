// Package storetest is the contract every parley.EventStore meets. Each
// store's tests call Run with a function that opens a new, empty store.
package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"parley"
	"parley/dedup"
	"parley/internal/synth"
)

// Run runs the contract suite. open must return a new, empty store; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) parley.EventStore) {
	tests := []struct {
		name string
		fn   func(*testing.T, parley.EventStore)
	}{
		{"Documents", testDocuments},
		{"Duplicates", testDuplicates},
		{"Clusters", testClusters},
		{"OrderIndependent", nil},
		{"Incremental", nil},
		{"Bulk", nil},
		{"Filters", testFilters},
		{"Paging", testPaging},
		{"FindEvent", testFindEvent},
		{"Aggregates", testAggregates},
		{"BusiestDyads", testBusiestDyads},
		{"Invalid", testInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			switch tt.name {
			case "OrderIndependent":
				testOrderIndependent(t, open)
				return
			case "Incremental":
				testIncremental(t, open)
				return
			case "Bulk":
				testBulk(t, open)
				return
			}
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

// doc builds a coded document whose text contains the sentence, with one
// event from src to tgt found in it. The actor and verb spans point into
// the document body.
func doc(id, date, source, sentence string, evs ...parley.Event) parley.CodedDocument {
	d := parley.Document{ID: id, Date: date, Title: "Report " + id, Text: sentence, Source: source, URL: "https://" + source + "/" + id, Author: "A. Writer"}
	body := d.Body()
	start := strings.Index(body, sentence)
	for i := range evs {
		e := &evs[i]
		e.Doc = id
		e.ID = fmt.Sprintf("%s-e%d", id, i)
		e.Text = sentence
		e.Span = parley.Span{start, start + len(sentence)}
		if e.Source != nil {
			if k := strings.Index(sentence, e.Source.Text); k >= 0 {
				e.Source.Span = &parley.Span{start + k, start + k + len(e.Source.Text)}
			}
		}
		if e.Target != nil {
			if k := strings.Index(sentence, e.Target.Text); k >= 0 {
				e.Target.Span = &parley.Span{start + k, start + k + len(e.Target.Text)}
			}
		}
		if e.Date == "" {
			e.Date, e.DatePrecision = date, parley.PrecisionDocument
		}
	}
	return parley.CodedDocument{Doc: d, Events: evs, Sentences: 1}
}

func actor(text, code string) *parley.Actor {
	return &parley.Actor{Text: text, Code: code, Country: code[:3]}
}

func event(src, tgt *parley.Actor, cameo string, quad int, goldstein float64, plover string, verb string, loc *parley.Location) parley.Event {
	return parley.Event{Source: src, Target: tgt, CAMEO: cameo, Root: cameo[:2], QuadClass: quad, Goldstein: goldstein,
		PLOVER: parley.PLOVER{Type: plover}, Location: loc, Confidence: 0.7, Rule: "test " + verb, VerbSpan: nil}
}

var (
	moscow = &parley.Location{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62}
	doha   = &parley.Location{Name: "Doha", Country: "QAT", Lat: 25.29, Lon: 51.53}
	kabul  = &parley.Location{Name: "Kabul", Country: "AFG", Lat: 34.53, Lon: 69.17}
)

// corpus is six articles: three report the Moscow meeting of Taliban and
// Afghan officials (one the other way round, one a day later), one reports
// talks in Doha a month later (a different event), one an attack in Kabul,
// and one a Chinese accusation of Japan.
func corpus() []parley.CodedDocument {
	tal := func(t string) *parley.Actor { return actor(t, "AFGINSTAL") }
	gov := func(t string) *parley.Actor { return actor(t, "AFGGOV") }
	return []parley.CodedDocument{
		doc("a1", "2019-02-05", "wire-one", "Taliban representatives met Afghan officials in Moscow.",
			event(tal("Taliban representatives"), gov("Afghan officials"), "040", 1, 1, "CONSULT", "met", moscow)),
		doc("a2", "2019-02-06", "wire-two", "Afghan politicians held talks with the Taliban in Moscow on Tuesday.",
			event(gov("Afghan politicians"), tal("the Taliban"), "046", 1, 7, "CONSULT", "held talks", moscow)),
		doc("a3", "2019-02-08", "wire-three", "Afghan officials and Taliban envoys met again near Moscow.",
			event(gov("Afghan officials"), tal("Taliban envoys"), "040", 1, 1, "CONSULT", "met", &parley.Location{Name: "Moscow Oblast", Country: "RUS", Lat: 55.9, Lon: 37.8})),
		doc("a4", "2019-03-10", "wire-one", "Taliban delegates met Afghan officials in Doha.",
			event(tal("Taliban delegates"), gov("Afghan officials"), "040", 1, 1, "CONSULT", "met", doha)),
		doc("a5", "2019-03-11", "wire-two", "Taliban fighters attacked Afghan police in Kabul.",
			event(tal("Taliban fighters"), actor("Afghan police", "AFGCOP"), "190", 4, -10, "ASSAULT", "attacked", kabul)),
		doc("a6", "2019-07-20", "wire-three", "China accused Japan of forming a bloc.",
			event(actor("China", "CHN"), actor("Japan", "JPN"), "112", 3, -2, "ACCUSE", "accused", nil)),
	}
}

func add(t *testing.T, s parley.EventStore, docs ...parley.CodedDocument) parley.AddResult {
	t.Helper()
	res, err := s.AddDocuments(context.Background(), docs)
	if err != nil {
		t.Fatalf("AddDocuments: %v", err)
	}
	return res
}

func all(t *testing.T, s parley.EventStore, f parley.EventFilter) []*parley.StoredEvent {
	t.Helper()
	var out []*parley.StoredEvent
	for {
		evs, next, err := s.FindEvents(context.Background(), f)
		if err != nil {
			t.Fatalf("FindEvents(%+v): %v", f, err)
		}
		out = append(out, evs...)
		if next == "" {
			return out
		}
		f.Cursor = next
	}
}

func testDocuments(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	res := add(t, s, corpus()...)
	if res.Added != 6 || res.Mentions != 6 || len(res.Duplicates) != 0 {
		t.Fatalf("AddDocuments = %+v, want 6 added, 6 mentions", res)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 6 || st.Mentions != 6 || st.Events != 4 {
		t.Errorf("Stats = %+v, want 6 documents, 6 mentions, 4 events", st)
	}
	ok, err := s.HasDocument(ctx, "a2")
	if err != nil || !ok {
		t.Errorf("HasDocument(a2) = %v, %v", ok, err)
	}
	if ok, _ := s.HasDocument(ctx, "zz"); ok {
		t.Errorf("HasDocument(zz) = true")
	}
	d, err := s.Document(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	if want := corpus()[1].Doc; d.Text != want.Text || d.Title != want.Title || d.Date != want.Date || d.Source != want.Source || d.URL != want.URL || d.Author != want.Author {
		t.Errorf("Document(a2) = %+v, want %+v", d, want)
	}
	if _, err := s.Document(ctx, "zz"); parley.ErrorCode(err) != parley.ENOTFOUND {
		t.Errorf("Document(zz) error = %v, want not found", err)
	}
}

func testDuplicates(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	add(t, s, corpus()...)
	before, _ := s.Stats(ctx)
	eventsBefore := all(t, s, parley.EventFilter{})
	// The same ids again, the same text under a new id (reformatted), and a
	// duplicate inside one call.
	again := corpus()
	re := corpus()[0]
	re.Doc.ID = "a1-copy"
	re.Doc.Text = "  Taliban representatives met\nAfghan officials in Moscow.  "
	res := add(t, s, append(again, re)...)
	if res.Added != 0 || len(res.Duplicates) != 7 {
		t.Errorf("re-adding: %+v, want 0 added and 7 duplicates", res)
	}
	after, _ := s.Stats(ctx)
	if after != before {
		t.Errorf("Stats after re-adding = %+v, want %+v", after, before)
	}
	if got := all(t, s, parley.EventFilter{}); !sameEvents(got, eventsBefore) {
		t.Errorf("events changed after re-adding")
	}
	n := doc("b1", "2019-04-01", "x", "China accused Japan of something new.",
		event(actor("China", "CHN"), actor("Japan", "JPN"), "112", 3, -2, "ACCUSE", "accused", nil))
	res = add(t, s, n, n)
	if res.Added != 1 || !slices.Equal(res.Duplicates, []string{"b1"}) {
		t.Errorf("adding one document twice in a call: %+v", res)
	}
}

func sameEvents(a, b []*parley.StoredEvent) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].NumMentions != b[i].NumMentions || !slices.Equal(a[i].MentionIDs, b[i].MentionIDs) || a[i].DedupReason != b[i].DedupReason {
			return false
		}
	}
	return true
}

func testClusters(t *testing.T, s parley.EventStore) {
	add(t, s, corpus()...)
	evs := all(t, s, parley.EventFilter{})
	var moscowEv *parley.StoredEvent
	for _, e := range evs {
		if slices.Contains(e.MentionIDs, "a1-e0") {
			moscowEv = e
		}
	}
	if moscowEv == nil {
		t.Fatalf("no event holds mention a1-e0")
	}
	if got := moscowEv.MentionIDs; !slices.Equal(got, []string{"a1-e0", "a2-e0", "a3-e0"}) {
		t.Errorf("Moscow meeting mentions = %v, want a1-e0 a2-e0 a3-e0", got)
	}
	if moscowEv.NumMentions != 3 || moscowEv.NumArticles != 3 || moscowEv.NumSources != 3 {
		t.Errorf("Moscow meeting counts = %d mentions, %d articles, %d sources; want 3, 3, 3", moscowEv.NumMentions, moscowEv.NumArticles, moscowEv.NumSources)
	}
	if moscowEv.FirstSeen != "2019-02-05" || moscowEv.LastSeen != "2019-02-08" {
		t.Errorf("Moscow meeting seen %s..%s, want 2019-02-05..2019-02-08", moscowEv.FirstSeen, moscowEv.LastSeen)
	}
	if moscowEv.ID != "a1-e0" {
		t.Errorf("Moscow meeting id = %s, want its first report a1-e0", moscowEv.ID)
	}
	if !strings.Contains(moscowEv.DedupReason, "3 mentions") {
		t.Errorf("reason %q does not say 3 mentions", moscowEv.DedupReason)
	}
	for _, e := range evs {
		if slices.Contains(e.MentionIDs, "a4-e0") && len(e.MentionIDs) != 1 {
			t.Errorf("the Doha talks a month later were merged: %v", e.MentionIDs)
		}
	}
}

func testOrderIndependent(t *testing.T, open func(t *testing.T) parley.EventStore) {
	a, b := open(t), open(t)
	defer a.Close()
	defer b.Close()
	docs := corpus()
	for _, d := range docs {
		add(t, a, d)
	}
	for i := len(docs) - 1; i >= 0; i-- {
		add(t, b, corpus()[i])
	}
	if ea, eb := all(t, a, parley.EventFilter{}), all(t, b, parley.EventFilter{}); !sameEvents(ea, eb) {
		t.Errorf("ingest order changed the events")
	}
}

func ids(evs []*parley.StoredEvent) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	slices.Sort(out)
	return out
}

func testFilters(t *testing.T, s parley.EventStore) {
	add(t, s, corpus()...)
	for _, tt := range []struct {
		f    parley.EventFilter
		want []string
	}{
		{parley.EventFilter{}, []string{"a1-e0", "a4-e0", "a5-e0", "a6-e0"}},
		{parley.EventFilter{Actor: "AFGINS"}, []string{"a1-e0", "a4-e0", "a5-e0"}},
		{parley.EventFilter{Actor: "afgcop"}, []string{"a5-e0"}},
		{parley.EventFilter{Actor: "AFG%"}, nil},
		{parley.EventFilter{Country: "JPN"}, []string{"a6-e0"}},
		{parley.EventFilter{Country: "QAT"}, []string{"a4-e0"}},
		{parley.EventFilter{CAMEO: "04"}, []string{"a1-e0", "a4-e0"}},
		{parley.EventFilter{CAMEO: "190"}, []string{"a5-e0"}},
		{parley.EventFilter{Root: "11"}, []string{"a6-e0"}},
		{parley.EventFilter{PLOVER: "assault"}, []string{"a5-e0"}},
		{parley.EventFilter{From: "2019-03-01", To: "2019-03-10"}, []string{"a4-e0"}},
		{parley.EventFilter{Box: &[4]float64{30, 40, 40, 60}}, []string{"a1-e0"}},
		{parley.EventFilter{Located: true}, []string{"a1-e0", "a4-e0", "a5-e0"}},
		{parley.EventFilter{Text: "POLITICIANS"}, []string{"a1-e0"}},
		{parley.EventFilter{Text: "50%_"}, nil},
		{parley.EventFilter{Text: "' OR 1=1 --"}, nil},
		{parley.EventFilter{Actor: "AFG", Root: "19"}, []string{"a5-e0"}},
	} {
		if got := ids(all(t, s, tt.f)); !slices.Equal(got, tt.want) {
			t.Errorf("FindEvents(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}

func testPaging(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	var docs []parley.CodedDocument
	for i := range 25 {
		docs = append(docs, doc(fmt.Sprintf("p%02d", i), fmt.Sprintf("2020-01-%02d", 1+i%5), "s", fmt.Sprintf("Country %d accused Japan.", i),
			event(actor("X", fmt.Sprintf("C%02d", i)), actor("Japan", "JPN"), "112", 3, -2, "ACCUSE", "accused", nil)))
	}
	add(t, s, docs...)
	full, next, err := s.FindEvents(ctx, parley.EventFilter{Limit: 100})
	if err != nil || next != "" || len(full) != 25 {
		t.Fatalf("FindEvents(limit 100) = %d events, next %q, %v", len(full), next, err)
	}
	var paged []*parley.StoredEvent
	f := parley.EventFilter{Limit: 7}
	pages := 0
	for {
		evs, next, err := s.FindEvents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		paged = append(paged, evs...)
		if next == "" {
			break
		}
		// Adding an older event between pages must not shift the pages.
		if pages == 1 {
			add(t, s, doc("late", "2019-01-01", "s", "Peru accused Japan.",
				event(actor("Peru", "PER"), actor("Japan", "JPN"), "112", 3, -2, "ACCUSE", "accused", nil)))
		}
		f.Cursor = next
	}
	if pages != 4 || len(paged) != 26 {
		t.Errorf("paging by 7: %d pages, %d events; want 4 pages, 26 events", pages, len(paged))
	}
	for i := range full {
		if paged[i].ID != full[i].ID {
			t.Fatalf("page order differs at %d: %s vs %s", i, paged[i].ID, full[i].ID)
		}
	}
	for i := 1; i < len(paged); i++ {
		if paged[i-1].Date < paged[i].Date {
			t.Errorf("not newest first at %d: %s before %s", i, paged[i-1].Date, paged[i].Date)
		}
	}
	evs, _, err := s.FindEvents(ctx, parley.EventFilter{Limit: 1 << 20})
	if err != nil || len(evs) != 26 {
		t.Errorf("huge limit: %d, %v", len(evs), err)
	}
}

func testFindEvent(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	add(t, s, corpus()...)
	ev, err := s.FindEvent(ctx, "a1-e0")
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Mentions) != 3 {
		t.Fatalf("FindEvent: %d mentions, want 3", len(ev.Mentions))
	}
	m := ev.Mentions[1]
	if m.Doc != "a2" || m.DocSource != "wire-two" || m.DocDate != "2019-02-06" || m.Cluster != "a1-e0" {
		t.Errorf("mention = doc %s source %s date %s cluster %s", m.Doc, m.DocSource, m.DocDate, m.Cluster)
	}
	if ev.Mentions[0].DedupReason != "first report" || !strings.Contains(m.DedupReason, "linked to a1-e0") {
		t.Errorf("reasons = %q, %q", ev.Mentions[0].DedupReason, m.DedupReason)
	}
	var text strings.Builder
	marks := map[string]string{}
	for _, r := range m.Evidence {
		text.WriteString(r.Text)
		if r.Mark != "" {
			marks[r.Mark] = r.Text
		}
	}
	if text.String() != m.Text {
		t.Errorf("evidence runs join to %q, want %q", text.String(), m.Text)
	}
	if marks["source"] != "Afghan politicians" || marks["target"] != "the Taliban" {
		t.Errorf("marks = %v", marks)
	}
	if _, err := s.FindEvent(ctx, "nope"); parley.ErrorCode(err) != parley.ENOTFOUND {
		t.Errorf("FindEvent(nope) = %v, want not found", err)
	}
}

func testAggregates(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	add(t, s, corpus()...)
	ds, err := s.Dyads(ctx, parley.EventFilter{Actor: "AFG"}, "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]parley.DyadStat{}
	for _, d := range ds {
		got[d.Source+">"+d.Target] = d
	}
	if d := got["AFGINSTAL>AFGGOV"]; d.Count != 2 || d.Mentions != 4 || d.MeanGoldstein != 1 {
		t.Errorf("dyad AFGINSTAL>AFGGOV = %+v, want 2 events, 4 mentions, mean 1 (all: %+v)", d, ds)
	}
	if d := got["AFGINSTAL>AFGCOP"]; d.Count != 1 || d.MeanGoldstein != -10 {
		t.Errorf("dyad AFGINSTAL>AFGCOP = %+v", d)
	}
	ds, err = s.Dyads(ctx, parley.EventFilter{Actor: "AFGINS"}, parley.IntervalMonth)
	if err != nil {
		t.Fatal(err)
	}
	// The busiest dyad first (2 events), each with its months in order.
	if len(ds) != 3 || ds[0].Target != "AFGGOV" || ds[0].Period != "2019-02" || ds[1].Target != "AFGGOV" || ds[1].Period != "2019-03" || ds[2].Target != "AFGCOP" {
		t.Errorf("monthly dyads = %+v", ds)
	}
	ds, err = s.Dyads(ctx, parley.EventFilter{}, parley.IntervalWeek)
	if err != nil {
		t.Fatal(err)
	}
	weeks := map[string]bool{}
	for _, d := range ds {
		weeks[d.Period] = true
	}
	if !weeks["2019-02-04"] || !weeks["2019-07-15"] {
		t.Errorf("weekly dyads periods = %v, want Mondays 2019-02-04 and 2019-07-15", weeks)
	}
	tl, err := s.Timeline(ctx, parley.EventFilter{}, parley.IntervalMonth)
	if err != nil {
		t.Fatal(err)
	}
	want := []parley.TimelineStat{
		{Period: "2019-02", QuadClass: 1, Count: 1, MeanGoldstein: 1},
		{Period: "2019-03", QuadClass: 1, Count: 1, MeanGoldstein: 1},
		{Period: "2019-03", QuadClass: 4, Count: 1, MeanGoldstein: -10},
		{Period: "2019-07", QuadClass: 3, Count: 1, MeanGoldstein: -2},
	}
	if !slices.Equal(tl, want) {
		t.Errorf("Timeline = %+v, want %+v", tl, want)
	}
	tl, err = s.Timeline(ctx, parley.EventFilter{}, parley.IntervalDay)
	if err != nil || len(tl) != 4 || tl[0].Period != "2019-02-05" {
		t.Errorf("daily Timeline = %+v, %v", tl, err)
	}
	// Weeks are named by their Monday: 2019-03-10 is a Sunday, 03-11 a Monday.
	tl, err = s.Timeline(ctx, parley.EventFilter{Actor: "AFG"}, parley.IntervalWeek)
	want = []parley.TimelineStat{
		{Period: "2019-02-04", QuadClass: 1, Count: 1, MeanGoldstein: 1},
		{Period: "2019-03-04", QuadClass: 1, Count: 1, MeanGoldstein: 1},
		{Period: "2019-03-11", QuadClass: 4, Count: 1, MeanGoldstein: -10},
	}
	if err != nil || !slices.Equal(tl, want) {
		t.Errorf("weekly Timeline(AFG) = %+v, %v; want %+v", tl, err, want)
	}
}

// testBusiestDyads wants Dyads to rank dyads by their count of events,
// descending, then by source and target, and to return the Limit busiest
// (DefaultDyads when 0, all when negative), with or without an interval,
// from the rollup (no filter) or from the events (a filter).
func testBusiestDyads(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	g, err := synth.New(synth.Options{Seed: 3, Actors: 12, Days: 90})
	if err != nil {
		t.Fatal(err)
	}
	add(t, s, g.Documents(0, 300)...)
	dyads := func(f parley.EventFilter, interval string) []parley.DyadStat {
		t.Helper()
		ds, err := s.Dyads(ctx, f, interval)
		if err != nil {
			t.Fatalf("Dyads(%+v, %q): %v", f, interval, err)
		}
		return ds
	}
	rank := func(a, b parley.DyadStat) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
	}
	every := dyads(parley.EventFilter{Limit: -1}, "")
	if len(every) < 20 {
		t.Fatalf("only %d dyads: the corpus does not test ranking", len(every))
	}
	if !slices.IsSortedFunc(every, rank) || every[0].Count == every[len(every)-1].Count {
		t.Errorf("dyads not ranked by count, source, target: %+v", every)
	}
	// Through the events instead of the rollup: a filter that keeps them all.
	same := func(a, b []parley.DyadStat) bool {
		return slices.EqualFunc(a, b, func(x, y parley.DyadStat) bool {
			d := x.MeanGoldstein - y.MeanGoldstein
			x.MeanGoldstein, y.MeanGoldstein = 0, 0
			return x == y && d < 1e-9 && d > -1e-9
		})
	}
	if got := dyads(parley.EventFilter{Limit: -1, From: "2000-01-01"}, ""); !same(got, every) {
		t.Errorf("filtered dyads differ from the rollup's:\n%+v\n%+v", got, every)
	}
	for _, f := range []parley.EventFilter{{Limit: 5}, {Limit: 5, From: "2000-01-01"}} {
		if got := dyads(f, ""); !same(got, every[:5]) {
			t.Errorf("Dyads(%+v) = %+v, want the first 5 of all", f, got)
		}
	}
	if n := len(dyads(parley.EventFilter{}, "")); n != min(len(every), parley.DefaultDyads) {
		t.Errorf("Dyads with limit 0: %d dyads, want %d", n, min(len(every), parley.DefaultDyads))
	}
	// By month: the 3 busiest dyads, each with its months in order, adding
	// up to its total.
	monthly := dyads(parley.EventFilter{Limit: 3}, parley.IntervalMonth)
	var order []string
	sums := map[string]int{}
	for i, d := range monthly {
		k := d.Source + ">" + d.Target
		if i == 0 || k != order[len(order)-1] {
			order = append(order, k)
		} else if monthly[i-1].Period >= d.Period {
			t.Errorf("dyad %s: period %s after %s", k, d.Period, monthly[i-1].Period)
		}
		sums[k] += d.Count
	}
	if len(order) != 3 {
		t.Fatalf("monthly dyads with limit 3 give %d dyads: %v", len(order), order)
	}
	for i, k := range order {
		if want := every[i].Source + ">" + every[i].Target; k != want || sums[k] != every[i].Count {
			t.Errorf("monthly dyad %d = %s with %d events, want %s with %d", i, k, sums[k], want, every[i].Count)
		}
	}
	if n := len(dyads(parley.EventFilter{Limit: -1}, parley.IntervalMonth)); n <= len(every) {
		t.Errorf("all monthly dyads: %d rows for %d dyads", n, len(every))
	}
	// Timelines of one actor's events (read from the events, not the
	// rollup), for every interval, against the same sums made here.
	evs := all(t, s, parley.EventFilter{Actor: "USA", Limit: parley.MaxLimit})
	for _, iv := range []string{parley.IntervalDay, parley.IntervalWeek, parley.IntervalMonth} {
		type key struct {
			period string
			quad   int
		}
		sums := map[key]*parley.TimelineStat{}
		for _, e := range evs {
			p := dedup.StartDate(e.Date, e.FirstSeen)
			switch iv {
			case parley.IntervalWeek:
				p = dedup.Week(p)
			case parley.IntervalMonth:
				p = p[:7]
			}
			k := key{p, e.QuadClass}
			if sums[k] == nil {
				sums[k] = &parley.TimelineStat{Period: p, QuadClass: e.QuadClass}
			}
			sums[k].Count++
			sums[k].MeanGoldstein += e.Goldstein
		}
		tl, err := s.Timeline(ctx, parley.EventFilter{Actor: "USA"}, iv)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl) != len(sums) || len(tl) < 10 {
			t.Errorf("Timeline(USA) by %s: %d rows, want %d", iv, len(tl), len(sums))
		}
		for i, r := range tl {
			w := sums[key{r.Period, r.QuadClass}]
			if w == nil || r.Count != w.Count || r.MeanGoldstein-w.MeanGoldstein/float64(w.Count) > 1e-9 || w.MeanGoldstein/float64(w.Count)-r.MeanGoldstein > 1e-9 {
				t.Errorf("Timeline(USA) by %s: row %+v, want %+v", iv, r, w)
			}
			if i > 0 && cmp.Or(strings.Compare(tl[i-1].Period, r.Period), tl[i-1].QuadClass-r.QuadClass) >= 0 {
				t.Errorf("Timeline(USA) by %s: %+v after %+v", iv, r, tl[i-1])
			}
		}
	}
}

func testInvalid(t *testing.T, s parley.EventStore) {
	ctx := context.Background()
	if _, _, err := s.FindEvents(ctx, parley.EventFilter{Cursor: "!!"}); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("bad cursor: %v, want invalid", err)
	}
	if _, _, err := s.FindEvents(ctx, parley.EventFilter{From: "2019-13-01"}); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("bad date: %v, want invalid", err)
	}
	if _, err := s.Timeline(ctx, parley.EventFilter{}, "year; DROP TABLE events"); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("bad interval: %v, want invalid", err)
	}
	if _, err := s.AddDocuments(ctx, []parley.CodedDocument{{Doc: parley.Document{ID: "x"}}}); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("invalid document: %v, want invalid", err)
	}
}

// testIncremental stores a synthetic corpus with dense dedup blocks (few
// actors, one month) once in one call and once in shuffled batches of 7
// documents, and wants the same events (every field, mention ids in order)
// and the same mentions (cluster, reason). Some dates are months, years or
// missing, whose intervals reach across batches.
func testIncremental(t *testing.T, open func(t *testing.T) parley.EventStore) {
	docs := dense(t)
	one, many := open(t), open(t)
	defer one.Close()
	defer many.Close()
	add(t, one, docs...)
	for batch := range slices.Chunk(shuffled(docs, 1), 7) {
		add(t, many, batch...)
	}
	merged := sameState(t, one, many)
	if merged < 50 {
		t.Errorf("only %d events merge mentions: the corpus does not test reclustering", merged)
	}
}

// dense returns a synthetic corpus with dense dedup blocks (4 actors, 30
// days), some of whose dates are months, years or missing.
func dense(t *testing.T) []parley.CodedDocument {
	t.Helper()
	g, err := synth.New(synth.Options{Seed: 7, Actors: 4, Days: 30})
	if err != nil {
		t.Fatal(err)
	}
	docs := g.Documents(0, 200)
	for i := range docs {
		for j := range docs[i].Events {
			e := &docs[i].Events[j]
			switch (i*10 + j) % 37 {
			case 0:
				e.Date, e.DatePrecision = e.Date[:7], parley.PrecisionMonth
			case 1:
				e.Date, e.DatePrecision = docs[i].Doc.Date, parley.PrecisionDocument
			case 2:
				e.Date, e.DatePrecision = "", parley.PrecisionDocument
			}
			if i%61 == 0 && j == 0 {
				e.Date, e.DatePrecision = e.Date[:4], parley.PrecisionYear
			}
		}
	}
	return docs
}

// shuffled returns a copy of docs in a random order given by seed.
func shuffled(docs []parley.CodedDocument, seed uint64) []parley.CodedDocument {
	out := slices.Clone(docs)
	r := rand.New(rand.NewPCG(seed, 2))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// sameState wants got to hold what want holds: the same events (every
// field, mention ids in order), the same mentions (cluster, reason), the
// same counts and aggregates, and rollups that agree with the events. It
// returns how many events merge more than one mention.
func sameState(t *testing.T, want, got parley.EventStore) int {
	t.Helper()
	ctx := context.Background()
	ea, eb := all(t, want, parley.EventFilter{Limit: parley.MaxLimit}), all(t, got, parley.EventFilter{Limit: parley.MaxLimit})
	if len(ea) != len(eb) {
		t.Fatalf("want %d events, got %d", len(ea), len(eb))
	}
	merged := 0
	for i := range ea {
		if ea[i].NumMentions > 1 {
			merged++
		}
		a, b := jsonOf(t, ea[i]), jsonOf(t, eb[i])
		if a != b {
			t.Fatalf("event %d differs:\nwant %s\ngot  %s", i, a, b)
		}
		fa, err := want.FindEvent(ctx, ea[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		fb, err := got.FindEvent(ctx, ea[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := jsonOf(t, fa), jsonOf(t, fb); a != b {
			t.Fatalf("event %s's mentions differ:\nwant %s\ngot  %s", ea[i].ID, a, b)
		}
	}
	sa, err := want.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := got.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sa != sb {
		t.Errorf("Stats: want %+v, got %+v", sa, sb)
	}
	// Means are compared to 1e-9: a database may sum in the order it
	// stores rows, which differs between one call and many.
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	for _, interval := range []string{"", parley.IntervalDay, parley.IntervalMonth} {
		da, err := want.Dyads(ctx, parley.EventFilter{Limit: -1}, interval)
		if err != nil {
			t.Fatal(err)
		}
		db, err := got.Dyads(ctx, parley.EventFilter{Limit: -1}, interval)
		if err != nil {
			t.Fatal(err)
		}
		if len(da) != len(db) {
			t.Errorf("Dyads(%q): want %d rows, got %d", interval, len(da), len(db))
		}
		for i := range min(len(da), len(db)) {
			a, b := da[i], db[i]
			if !near(a.MeanGoldstein, b.MeanGoldstein) {
				t.Errorf("Dyads(%q) row %d: want %+v, got %+v", interval, i, a, b)
			}
			if a.MeanGoldstein = b.MeanGoldstein; a != b {
				t.Errorf("Dyads(%q) row %d: want %+v, got %+v", interval, i, a, b)
			}
		}
		if interval == "" {
			continue
		}
		ta, err := want.Timeline(ctx, parley.EventFilter{}, interval)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := got.Timeline(ctx, parley.EventFilter{}, interval)
		if err != nil {
			t.Fatal(err)
		}
		if len(ta) != len(tb) {
			t.Errorf("Timeline(%q): want %d rows, got %d", interval, len(ta), len(tb))
		}
		for i := range min(len(ta), len(tb)) {
			a, b := ta[i], tb[i]
			if !near(a.MeanGoldstein, b.MeanGoldstein) {
				t.Errorf("Timeline(%q) row %d: want %+v, got %+v", interval, i, a, b)
			}
			if a.MeanGoldstein = b.MeanGoldstein; a != b {
				t.Errorf("Timeline(%q) row %d: want %+v, got %+v", interval, i, a, b)
			}
		}
	}
	checkRollups(t, got, ea)
	t.Logf("%d events, %d with more than one mention", len(ea), merged)
	return merged
}

// testBulk wants a bulk load (parley.BulkLoader) to store what
// AddDocuments stores: into an empty store; into a store holding part of
// the corpus, with documents already stored among those loaded; followed
// by incremental calls (so the indexes it rebuilt serve them); and loaded
// twice (the second load stores nothing).
func testBulk(t *testing.T, open func(t *testing.T) parley.EventStore) {
	ctx := context.Background()
	docs := dense(t)
	want := open(t)
	defer want.Close()
	wres := add(t, want, docs...)
	bulk := func(s parley.EventStore, docs []parley.CodedDocument) parley.AddResult {
		t.Helper()
		res, err := s.(parley.BulkLoader).BulkAddDocuments(ctx, docs)
		if err != nil {
			t.Fatalf("BulkAddDocuments: %v", err)
		}
		return res
	}
	t.Run("Empty", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		if _, ok := s.(parley.BulkLoader); !ok {
			t.Skip("not a parley.BulkLoader")
		}
		res := bulk(s, shuffled(docs, 3))
		if res.Added != wres.Added || res.Mentions != wres.Mentions || len(res.Duplicates) != 0 {
			t.Errorf("first load: %+v; want %+v", res, wres)
		}
		sameState(t, want, s)
		again := bulk(s, docs)
		if again.Added != 0 || again.Mentions != 0 || len(again.Duplicates) != len(docs) {
			t.Errorf("second load: %d added, %d mentions, %d duplicates; want 0, 0, %d", again.Added, again.Mentions, len(again.Duplicates), len(docs))
		}
		sameState(t, want, s)
	})
	t.Run("Stored", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		if _, ok := s.(parley.BulkLoader); !ok {
			t.Skip("not a parley.BulkLoader")
		}
		order := shuffled(docs, 4)
		// A third incrementally, then a bulk load of the second and third
		// thirds with a tenth of the first among them (skipped), then the
		// rest incrementally again, some of it stored already.
		a, b, c := order[:70], order[70:140], order[140:]
		for batch := range slices.Chunk(a, 7) {
			add(t, s, batch...)
		}
		load := append(slices.Clone(a[:7]), b...)
		load = append(load, c[:30]...)
		res := bulk(s, shuffled(load, 5))
		if res.Added != len(load)-7 || len(res.Duplicates) != 7 {
			t.Errorf("bulk load: %d added, %d duplicates; want %d, 7", res.Added, len(res.Duplicates), len(load)-7)
		}
		for batch := range slices.Chunk(c, 9) {
			add(t, s, batch...)
		}
		sameState(t, want, s)
	})
}

// checkRollups compares the unfiltered aggregates (which stores may keep
// as rollups updated with every call) with the same sums over the events.
func checkRollups(t *testing.T, s parley.EventStore, evs []*parley.StoredEvent) {
	t.Helper()
	ctx := context.Background()
	type sum struct {
		n, mentions int
		g           float64
	}
	months, dyads := map[string]*sum{}, map[string]*sum{}
	for _, e := range evs {
		day := dedup.StartDate(e.Date, e.FirstSeen)
		k := fmt.Sprintf("%s %d", day[:7], e.QuadClass)
		if months[k] == nil {
			months[k] = &sum{}
		}
		months[k].n++
		months[k].g += e.Goldstein
		if e.Target == nil || e.Target.Code == "" {
			continue
		}
		k = e.Source.Code + ">" + e.Target.Code
		if dyads[k] == nil {
			dyads[k] = &sum{}
		}
		dyads[k].n++
		dyads[k].mentions += e.NumMentions
		dyads[k].g += e.Goldstein
	}
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	tl, err := s.Timeline(ctx, parley.EventFilter{}, parley.IntervalMonth)
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) != len(months) {
		t.Errorf("Timeline: %d rows, want %d", len(tl), len(months))
	}
	for _, r := range tl {
		w := months[fmt.Sprintf("%s %d", r.Period, r.QuadClass)]
		if w == nil || r.Count != w.n || !near(r.MeanGoldstein, w.g/float64(w.n)) {
			t.Errorf("Timeline row %+v, want %+v", r, w)
		}
	}
	ds, err := s.Dyads(ctx, parley.EventFilter{Limit: -1}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != len(dyads) {
		t.Errorf("Dyads: %d rows, want %d", len(ds), len(dyads))
	}
	for _, r := range ds {
		w := dyads[r.Source+">"+r.Target]
		if w == nil || r.Count != w.n || r.Mentions != w.mentions || !near(r.MeanGoldstein, w.g/float64(w.n)) {
			t.Errorf("Dyads row %+v, want %+v", r, w)
		}
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchAddDocuments stores batches of batch synthetic documents (ten event
// records each) a call into s and reports event records stored per second,
// dedup clustering included. Both stores' BenchmarkAddDocuments run it.
func BenchAddDocuments(b *testing.B, s parley.EventStore, batch int) {
	ctx := context.Background()
	g, err := synth.New(synth.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	events := 0
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		docs := g.Documents(i*batch, batch)
		b.StartTimer()
		res, err := s.AddDocuments(ctx, docs)
		if err != nil {
			b.Fatal(err)
		}
		events += res.Mentions
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}

// BenchLoad stores n synthetic documents (ten event records each) into a
// new store from open, which already holds stored documents (loaded by
// BulkAddDocuments, not timed), and reports event records stored per
// second: with one BulkAddDocuments call when batch is 0, else with
// AddDocuments calls of batch documents. Both stores' BenchmarkBulkLoad
// run it.
func BenchLoad(b *testing.B, open func(b *testing.B) parley.EventStore, stored, n, batch int) {
	ctx := context.Background()
	events := 0
	var took time.Duration
	for range b.N {
		b.StopTimer()
		g, err := synth.New(synth.Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		s := open(b)
		bl, ok := s.(parley.BulkLoader)
		if !ok {
			b.Skip("not a parley.BulkLoader")
		}
		if stored > 0 {
			if _, err := bl.BulkAddDocuments(ctx, g.Documents(0, stored)); err != nil {
				b.Fatal(err)
			}
		}
		docs := g.Documents(stored, n)
		b.StartTimer()
		start := time.Now()
		if batch == 0 {
			res, err := bl.BulkAddDocuments(ctx, docs)
			if err != nil {
				b.Fatal(err)
			}
			events += res.Mentions
		}
		for chunk := range slices.Chunk(docs, max(batch, 1)) {
			if batch == 0 {
				break
			}
			res, err := s.AddDocuments(ctx, chunk)
			if err != nil {
				b.Fatal(err)
			}
			events += res.Mentions
		}
		took += time.Since(start)
		b.StopTimer()
		s.Close()
	}
	b.ReportMetric(float64(events)/took.Seconds(), "events/s")
}
