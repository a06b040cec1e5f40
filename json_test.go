package parley_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"

	"parley"
	"parley/dedup"
	"parley/internal/synth"
)

// appender is a record with a reflection-free encoder.
type appender interface {
	AppendJSON(b []byte) ([]byte, error)
}

// checkJSON fails unless v.AppendJSON gives what json.Marshal does.
func checkJSON(t testing.TB, v appender) {
	t.Helper()
	want, werr := json.Marshal(v)
	got, gerr := v.AppendJSON(nil)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("AppendJSON error %v, json.Marshal error %v", gerr, werr)
	}
	if werr == nil && !bytes.Equal(got, want) {
		t.Fatalf("AppendJSON:\n%s\njson.Marshal:\n%s", got, want)
	}
	if werr != nil {
		return
	}
	// what parley code writes: an Encoder's line without HTML escapes
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if got := append(parley.UnescapeHTML(got), '\n'); !bytes.Equal(got, line.Bytes()) {
		t.Fatalf("UnescapeHTML:\n%s\nEncoder without HTML escapes:\n%s", got, line.Bytes())
	}
}

// TestAppendJSONSynth compares the encoders with encoding/json over the
// records a store writes for synthetic documents: each event, each mention
// and each deduplicated event.
func TestAppendJSONSynth(t *testing.T) {
	g, err := synth.New(synth.Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	var ms []parley.Mention
	for _, d := range g.Documents(0, 2000) {
		for i := range d.Events {
			e := d.Events[i]
			checkJSON(t, &e)
			ms = append(ms, parley.Mention{Event: e, DocDate: d.Doc.Date, DocSource: d.Doc.Source, DocURL: d.Doc.URL, DocTitle: d.Doc.Title})
		}
	}
	n := 0
	for _, c := range dedup.Group(ms, dedup.DefaultOptions) {
		ev := dedup.Build(ms, c)
		checkJSON(t, &ev)
		for _, i := range c.Members {
			ev.Mentions = append(ev.Mentions, ms[i])
		}
		checkJSON(t, &ev)
		n++
	}
	for i := range ms {
		checkJSON(t, &ms[i])
	}
	if n == 0 || len(ms) == 0 {
		t.Fatal("no records")
	}
}

// TestAppendJSONGolden re-encodes the events of `parley code`'s golden
// output: the same bytes.
func TestAppendJSONGolden(t *testing.T) {
	f, err := os.Open("cmd/parley/testdata/samples.golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var e parley.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		got, err := e.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, sc.Bytes()) {
			t.Fatalf("line %d:\n got %s\nwant %s", n+1, got, sc.Bytes())
		}
		checkJSON(t, &e)
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no golden events")
	}
}

// TestAppendJSONRandom fills every field of the records by reflection,
// with awkward strings and numbers, nil and empty pointers and slices, and
// compares: a field added to a type but not to its encoder fails here.
func TestAppendJSONRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var e parley.Event
		fill(r, reflect.ValueOf(&e).Elem())
		checkJSON(t, &e)
		var m parley.Mention
		fill(r, reflect.ValueOf(&m).Elem())
		checkJSON(t, &m)
		var s parley.StoredEvent
		fill(r, reflect.ValueOf(&s).Elem())
		checkJSON(t, &s)
	}
}

var awkward = []string{"", "a", "Kabul", `"quoted" \back\`, "<b>&amp;</b>", "tab\tnew\nline\r\b\f\x00\x1f\x7f",
	"\u2028\u2029", "caf\xc3\xa9", "bad \xff\xfe utf8", "\xe2\x82", "日本語", "emoji 😀", "\U0010FFFF"}

var floats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.9, -10, 8, 35.69, 139.69, 1e-6, 9.99e-7, 1e-7,
	1e20, 1e21, 123456789.123, 1.0 / 3, -2.5e-10, math.MaxFloat64, math.SmallestNonzeroFloat64}

// fill sets v, and everything it holds, to random values.
func fill(r *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if r.IntN(4) == 0 {
			b := make([]byte, r.IntN(12))
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			v.SetString(string(b))
		} else {
			v.SetString(awkward[r.IntN(len(awkward))])
		}
	case reflect.Int:
		v.SetInt(int64(r.IntN(2000)) - 1000)
	case reflect.Float64:
		if r.IntN(3) == 0 {
			v.SetFloat((r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(50)-25)))
		} else {
			v.SetFloat(floats[r.IntN(len(floats))])
		}
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Pointer:
		if r.IntN(3) == 0 {
			return // nil
		}
		p := reflect.New(v.Type().Elem())
		fill(r, p.Elem())
		v.Set(p)
	case reflect.Slice:
		switch r.IntN(4) {
		case 0:
			return // nil
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		n := 1 + r.IntN(3)
		if v.Type().Elem().Kind() == reflect.Struct {
			n = 1 + r.IntN(2) // mentions of stored events: keep it small
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(r, s.Index(i))
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			fill(r, v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i))
			}
		}
	default:
		panic("fill: no case for " + v.Kind().String())
	}
}

// FuzzAppendJSON compares the encoders with encoding/json over fuzzed
// strings and numbers in every kind of field.
func FuzzAppendJSON(f *testing.F) {
	f.Add("Kabul", "<a&b>", "\xff\u2028", 1.9, 35.69, 42, true)
	f.Add("", "", "", 0.0, -1e-7, 0, false)
	f.Fuzz(func(t *testing.T, s1, s2, s3 string, f1, f2 float64, n int, flag bool) {
		a := &parley.Actor{Text: s1, Code: s2, Country: s3, Sector: s1 + s3}
		if flag {
			a.Span = &parley.Span{n, -n}
		}
		loc := &parley.Location{Name: s2, Country: s1, Lat: f1, Lon: f2, Precision: s3}
		e := parley.Event{ID: s1, Doc: s2, Sentence: n, Text: s3, Span: parley.Span{n, n + 1}, Source: a,
			CAMEO: s2, Root: s3, QuadClass: n, Goldstein: f1, PLOVER: parley.PLOVER{Type: s1, Mode: s2, Context: []string{s3, s1}},
			Negated: flag, Date: s1, DatePrecision: s2, Location: loc, Confidence: f2, Rule: s3}
		if !flag {
			e.Target, e.VerbSpan, e.Location = a, &parley.Span{n, 0}, nil
		}
		checkJSON(t, &e)
		m := parley.Mention{Event: e, DocDate: s1, DocSource: s2, DocTitle: s3, DocURL: s1, Cluster: s2, DedupReason: s3,
			Evidence: []parley.Run{{Text: s1, Mark: s2}, {Text: s3}}}
		checkJSON(t, &m)
		ev := parley.StoredEvent{ID: s1, Source: a, CAMEO: s2, Goldstein: f2, Confidence: f1, Location: loc, Text: s3,
			URL: s2, NumMentions: n, FirstSeen: s1, LastSeen: s3, DedupReason: s2, MentionIDs: []string{s1, s2, s3}}
		checkJSON(t, &ev)
		ev.Mentions = []parley.Mention{m}
		checkJSON(t, &ev)
	})
}
