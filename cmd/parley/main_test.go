package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

var update = flag.Bool("update", false, "update golden files")

const (
	seedDocs = "../../../shared/seed/afghan-peace-talks.jsonl"
	seedGold = "../../../shared/gold/seed.jsonl"
)

func newTestMain(stdin string) (*Main, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Log: slog.New(slog.NewTextHandler(&errb, nil))}
	return m, &out, &errb
}

func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	m, out, errb := newTestMain(stdin)
	err := m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

func decodeEvents(t *testing.T, s string) []parley.Event {
	t.Helper()
	var evs []parley.Event
	dec := json.NewDecoder(strings.NewReader(s))
	for {
		var e parley.Event
		if err := dec.Decode(&e); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decode event: %v", err)
		}
		evs = append(evs, e)
	}
	return evs
}

// TestSeed codes the founding article and scores it against its gold file:
// all required events found, precision at least 0.8, and the historical and
// February events dated as the article says.
func TestSeed(t *testing.T) {
	if _, err := os.Stat(seedGold); err != nil {
		t.Skip("../shared not present")
	}
	out, stderr, err := run(t, "", "code", seedDocs)
	if err != nil {
		t.Fatalf("code: %v\n%s", err, stderr)
	}
	events := decodeEvents(t, out)
	f, err := os.Open(seedGold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(gold, nil, events)
	var buf bytes.Buffer
	rep.WriteText(&buf)
	t.Logf("seed evaluation:\n%s", buf.String())
	if rep.Recall.Hits != rep.Recall.Total || rep.Recall.Total != 8 {
		t.Errorf("recall %v, want all 8 required events", rep.Recall)
	}
	if rep.Precision.Rate < 0.8 {
		t.Errorf("precision %v, want at least 0.8", rep.Precision)
	}
	wantDates := map[string]string{"E03": "2001", "E12": "2019-02", "E16": "2019-02"}
	for _, m := range rep.Matches {
		if want, ok := wantDates[m.Gold.ID]; ok {
			if !strings.HasPrefix(m.Event.Date, want) {
				t.Errorf("%s dated %s (%s), want %s", m.Gold.ID, m.Event.Date, m.Event.DatePrecision, want)
			}
			delete(wantDates, m.Gold.ID)
		}
	}
	for id := range wantDates {
		t.Errorf("%s not matched, so its date was not checked", id)
	}
}

// TestGolden codes the built-in sample articles and compares the records
// with testdata/samples.golden.jsonl. Run with -update to rewrite it.
func TestGolden(t *testing.T) {
	out, stderr, err := run(t, "", "code", "--workers", "2", "../../data/samples/articles.jsonl")
	if err != nil {
		t.Fatalf("code: %v\n%s", err, stderr)
	}
	golden := filepath.Join("testdata", "samples.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out != string(want) {
		gl, wl := strings.Split(out, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("output differs from %s at line %d:\n got %s\nwant %s\n(run go test -update if the change is intended)", golden, i+1, g, w)
			}
		}
	}
	if len(decodeEvents(t, out)) < 30 {
		t.Errorf("only %d events from the samples", len(decodeEvents(t, out)))
	}
}

// TestStableIDs codes the same document twice, alone and in a batch, and
// gets the same ids; ids are unique within a run.
func TestStableIDs(t *testing.T) {
	one, _, err := run(t, "", "code", "--workers", "1", "../../data/samples/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	two, _, err := run(t, "", "code", "--workers", "2", "../../data/samples/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if one != two {
		t.Fatal("coding the same documents twice gave different output")
	}
	seen := map[string]bool{}
	for _, e := range decodeEvents(t, one) {
		if seen[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		seen[e.ID] = true
	}
}

// TestRecordShape checks the fields FORMAT.md requires and the provenance
// of each record: the span locates the sentence text in the document.
func TestRecordShape(t *testing.T) {
	doc := `{"id":"d1","date":"2019-03-12","title":"Talks","text":"Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday. Police arrested dozens of protesters in Paris."}`
	out, stderr, err := run(t, doc, "code", "-")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	body := "Talks\nRussian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday. Police arrested dozens of protesters in Paris."
	var raw []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		raw = append(raw, m)
	}
	if len(raw) < 2 {
		t.Fatalf("want at least 2 events, got %d:\n%s", len(raw), out)
	}
	for _, m := range raw {
		for _, f := range []string{"id", "doc", "sentence", "text", "span", "source", "target", "cameo", "root", "quad_class", "goldstein", "plover", "negated", "date", "date_precision", "location", "confidence", "rule"} {
			if _, ok := m[f]; !ok {
				t.Errorf("record lacks %q: %v", f, m)
			}
		}
	}
	for _, e := range decodeEvents(t, out) {
		if body[e.Span[0]:e.Span[1]] != e.Text {
			t.Errorf("span %v is %q, text %q", e.Span, body[e.Span[0]:e.Span[1]], e.Text)
		}
		if e.Source == nil || e.Source.Span == nil || body[e.Source.Span[0]:e.Source.Span[1]] != e.Source.Text {
			t.Errorf("source span does not locate %+v", e.Source)
		}
		if e.Rule == "" || e.Sentence < 1 {
			t.Errorf("event %s: rule %q sentence %d", e.ID, e.Rule, e.Sentence)
		}
	}
	evs := decodeEvents(t, out)
	if e := evs[0]; e.Source.Code != "RUSGOV" || e.Target == nil || e.Target.Code != "CHNGOV" || e.Root != "04" || e.Date != "2019-03-11" || e.DatePrecision != "day" {
		t.Errorf("first event: %s %s→%v %s %s", e.CAMEO, e.Source.Code, e.Target, e.Date, e.DatePrecision)
	}
}

// TestBadInput feeds one batch with every kind of bad document: each is
// reported by name and line, the good ones are still coded, and the exit
// status says something failed.
func TestBadInput(t *testing.T) {
	big := strings.Repeat("The army attacked the town. ", parley.MaxDocumentBytes/28+10)
	bigLine, _ := json.Marshal(map[string]string{"id": "huge", "date": "2020-01-01", "text": big})
	lines := []string{
		`{"id":"good1","date":"2020-01-01","text":"Russian troops attacked Ukrainian positions near Kharkiv."}`,
		`{"id":"broken","date":"2020-01-01","text":"unterminated`,
		`{"id":"empty","date":"2020-01-01","text":""}`,
		"{\"id\":\"badutf8\",\"date\":\"2020-01-01\",\"text\":\"bad \xff\xfe bytes\"}",
		string(bigLine),
		`{"id":"nodate","text":"Police arrested protesters in Paris."}`,
		`{"id":"baddate","date":"12/03/2020","text":"Police arrested protesters in Paris."}`,
		`{"id":"good2","date":"2020-01-01","text":"French police arrested dozens of protesters in Paris."}`,
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "batch.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "", "code", path)
	if !errors.Is(err, errFailed) {
		t.Fatalf("err = %v, want errFailed", err)
	}
	for _, want := range []string{"batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5", "batch.jsonl:6", "batch.jsonl:7", "empty text", "UTF-8", "over the limit", "missing date", "baddate"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	docs := map[string]bool{}
	for _, e := range decodeEvents(t, out) {
		docs[e.Doc] = true
	}
	if !docs["good1"] || !docs["good2"] || len(docs) != 2 {
		t.Errorf("coded documents %v, want good1 and good2", docs)
	}
}

// TestTextInput reads a plain text file with --date.
func TestTextInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kabul-talks.txt"), []byte("The Taliban rejected the ceasefire on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := run(t, "", "code", "--date", "2019-06-15", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	evs := decodeEvents(t, out)
	if len(evs) == 0 || evs[0].Doc != "kabul-talks" || evs[0].Date != "2019-06-10" {
		t.Fatalf("events %+v", evs)
	}
}

// TestCaselessPlaces checks that places are found in text without capitals
// or in title case, where the gazetteer's capitals test cannot work alone.
func TestCaselessPlaces(t *testing.T) {
	for _, text := range []string{
		"a car bomb killed 12 people in kandahar on monday.",
		"SUICIDE BOMB KILLS 12 IN KANDAHAR",
		"Suicide Car Bomb in Kandahar Kills At Least 44",
	} {
		in := `{"id":"x","date":"2024-06-01","text":` + strconv.Quote(text) + "}\n"
		out, stderr, err := run(t, in, "code")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		if !strings.Contains(out, `"country":"AFG"`) || !strings.Contains(out, `"code":"AFGUAF"`) {
			t.Errorf("%q: want a location in Afghanistan and its UAF as source, got\n%s", text, out)
		}
	}
}
