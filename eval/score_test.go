package eval_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

var update = flag.Bool("update", false, "update golden files")

// gold builds a required gold event in document "d" with the sentence "s".
func gold(id, source, root, target string) eval.Gold {
	return eval.Gold{Doc: "d", ID: id, Required: true, Sentence: "s", Source: codes(source), Target: codes(target), Root: []string{root}, CAMEO: []string{root + "0"}}
}

// codes splits "A|B" into a list; "" is nil, any actor.
func codes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// event builds a prediction in document "d" with the sentence "s"; an actor
// "" is none.
func event(id, source, cameo, target string) parley.Event {
	actor := func(code string) *parley.Actor {
		if code == "" {
			return nil
		}
		return &parley.Actor{Code: code}
	}
	return parley.Event{ID: id, Doc: "d", Text: "s", Source: actor(source), Target: actor(target), CAMEO: cameo, Root: cameo[:2], Date: "2019-06-15", DatePrecision: parley.PrecisionDocument}
}

// summary formats what a test checks of a report.
func summary(r eval.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "recall %d/%d precision %d/%d code %d/%d date %d/%d loc %d/%d",
		r.Recall.Hits, r.Recall.Total, r.Precision.Hits, r.Precision.Total,
		r.CAMEO.Hits, r.CAMEO.Total, r.Date.Hits, r.Date.Total, r.Location.Hits, r.Location.Total)
	for _, m := range r.Matches {
		fmt.Fprintf(&b, " %s=%s", m.Gold.ID, m.Event.ID)
	}
	for _, ev := range r.FalseAlarms {
		fmt.Fprintf(&b, " !%s", ev.ID)
	}
	return b.String()
}

func TestScore(t *testing.T) {
	withSentence := func(g eval.Gold, s string) eval.Gold { g.Sentence = s; return g }
	withText := func(ev parley.Event, s string) parley.Event { ev.Text = s; return ev }
	optional := func(g eval.Gold) eval.Gold { g.Required = false; return g }
	symmetric := func(g eval.Gold) eval.Gold { g.Symmetric = true; return g }
	inDoc := func(ev parley.Event, doc string) parley.Event { ev.Doc = doc; return ev }
	noRoot := func(ev parley.Event) parley.Event { ev.Root = ""; return ev }

	tests := []struct {
		name   string
		gold   []eval.Gold
		events []parley.Event
		want   string
	}{
		{
			name:   "actor codes match as prefixes",
			gold:   []eval.Gold{gold("G1", "AFG", "04", "TAL")},
			events: []parley.Event{event("p1", "AFGGOV", "040", "TALREB")},
			want:   "recall 1/1 precision 1/1 code 1/1 date 0/0 loc 0/0 G1=p1",
		},
		{
			name: "a longer gold code does not accept a shorter one, nor another country",
			gold: []eval.Gold{gold("G1", "AFGGOV", "04", "TAL")},
			events: []parley.Event{
				event("p1", "AFG", "040", "TAL"),
				event("p2", "USAGOV", "040", "TAL"),
			},
			want: "recall 0/1 precision 0/2 code 0/0 date 0/0 loc 0/0 !p1 !p2",
		},
		{
			name: "a null gold actor accepts any actor or none",
			gold: []eval.Gold{gold("G1", "AFG", "04", ""), gold("G2", "AFG", "04", "")},
			events: []parley.Event{
				event("p1", "AFGGOV", "040", ""),
				event("p2", "AFGGOV", "040", "USA"),
			},
			want: "recall 2/2 precision 2/2 code 2/2 date 0/0 loc 0/0 G1=p1 G2=p2",
		},
		{
			name:   "a missing predicted actor matches only a null gold list",
			gold:   []eval.Gold{gold("G1", "AFG", "04", "TAL")},
			events: []parley.Event{event("p1", "AFGGOV", "040", "")},
			want:   "recall 0/1 precision 0/1 code 0/0 date 0/0 loc 0/0 !p1",
		},
		{
			name:   "swapped actors do not match an asymmetric event",
			gold:   []eval.Gold{gold("G1", "AFG", "04", "TAL")},
			events: []parley.Event{event("p1", "TAL", "040", "AFGGOV")},
			want:   "recall 0/1 precision 0/1 code 0/0 date 0/0 loc 0/0 !p1",
		},
		{
			name:   "swapped actors match a symmetric event",
			gold:   []eval.Gold{symmetric(gold("G1", "AFG", "04", "TAL"))},
			events: []parley.Event{event("p1", "TAL", "040", "AFGGOV")},
			want:   "recall 1/1 precision 1/1 code 1/1 date 0/0 loc 0/0 G1=p1",
		},
		{
			name:   "root must be accepted; a missing root is read from the code",
			gold:   []eval.Gold{gold("G1", "AFG", "04", ""), gold("G2", "AFG", "12", "")},
			events: []parley.Event{event("p1", "AFGGOV", "120", ""), noRoot(event("p2", "AFGGOV", "043", ""))},
			want:   "recall 2/2 precision 2/2 code 1/2 date 0/0 loc 0/0 G1=p2 G2=p1",
		},
		{
			name: "one gold event takes one prediction",
			gold: []eval.Gold{gold("G1", "AFG", "04", "")},
			events: []parley.Event{
				event("p1", "AFGGOV", "040", ""),
				event("p2", "AFGGOV", "040", ""),
			},
			want: "recall 1/1 precision 1/2 code 1/1 date 0/0 loc 0/0 G1=p1 !p2",
		},
		{
			name: "one prediction takes one gold event",
			gold: []eval.Gold{gold("G1", "AFG", "04", ""), gold("G2", "AFG", "04", "")},
			events: []parley.Event{
				event("p1", "AFGGOV", "040", ""),
			},
			want: "recall 1/2 precision 1/1 code 1/1 date 0/0 loc 0/0 G1=p1",
		},
		{
			name: "the assignment maximizes matches, not first come first served",
			gold: []eval.Gold{gold("G1", "AFG", "04", ""), gold("G2", "AFG", "04", "USA")},
			events: []parley.Event{
				event("p1", "AFGGOV", "040", "USA"), // fits G1 and G2
				event("p2", "AFGGOV", "040", ""),    // fits G1 only
			},
			want: "recall 2/2 precision 2/2 code 2/2 date 0/0 loc 0/0 G1=p2 G2=p1",
		},
		{
			name:   "a required gold event is preferred to an optional one",
			gold:   []eval.Gold{optional(gold("G1", "AFG", "04", "")), gold("G2", "AFG", "04", "")},
			events: []parley.Event{event("p1", "AFGGOV", "040", "")},
			want:   "recall 1/1 precision 1/1 code 1/1 date 0/0 loc 0/0 G2=p1",
		},
		{
			name: "the prediction with the right full code is preferred",
			gold: []eval.Gold{gold("G1", "AFG", "04", "")},
			events: []parley.Event{
				event("p1", "AFGGOV", "043", ""),
				event("p2", "AFGGOV", "040", ""),
			},
			want: "recall 1/1 precision 1/2 code 1/1 date 0/0 loc 0/0 G1=p2 !p1",
		},
		{
			name:   "an optional gold event matched counts for precision only",
			gold:   []eval.Gold{optional(gold("G1", "AFG", "04", ""))},
			events: []parley.Event{event("p1", "AFGGOV", "040", "")},
			want:   "recall 0/0 precision 1/1 code 1/1 date 0/0 loc 0/0 G1=p1",
		},
		{
			name: "curly quotes and line breaks are folded on both sides",
			gold: []eval.Gold{
				withSentence(gold("G1", "AFG", "04", ""), `Ghani's "foreign" puppet`),
				withSentence(gold("G2", "AFG", "04", ""), "Ghani’s “foreign”\npuppet"),
			},
			events: []parley.Event{
				withText(event("p1", "AFGGOV", "040", ""), "He called Ghani’s “foreign” puppet weak."),
				withText(event("p2", "AFGGOV", "040", ""), "He called Ghani's \"foreign\"  puppet weak."),
			},
			want: "recall 2/2 precision 2/2 code 2/2 date 0/0 loc 0/0 G1=p1 G2=p2",
		},
		{
			name:   "the sentence must contain the gold text",
			gold:   []eval.Gold{withSentence(gold("G1", "AFG", "04", ""), "met in Moscow")},
			events: []parley.Event{withText(event("p1", "AFGGOV", "040", ""), "They met in Doha.")},
			want:   "recall 0/1 precision 0/1 code 0/0 date 0/0 loc 0/0 !p1",
		},
		{
			name:   "predictions in documents without gold events are not scored",
			gold:   []eval.Gold{gold("G1", "AFG", "04", "")},
			events: []parley.Event{inDoc(event("p1", "AFGGOV", "040", ""), "other")},
			want:   "recall 0/1 precision 0/0 code 0/0 date 0/0 loc 0/0",
		},
		{
			name:   "the same sentence in another document does not match",
			gold:   []eval.Gold{gold("G1", "AFG", "04", ""), func() eval.Gold { g := gold("G2", "USA", "04", ""); g.Doc = "e"; return g }()},
			events: []parley.Event{inDoc(event("p1", "AFGGOV", "040", ""), "e")},
			want:   "recall 0/2 precision 0/1 code 0/0 date 0/0 loc 0/0 !p1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(eval.Score(tt.gold, nil, tt.events)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestScoreDate(t *testing.T) {
	tests := []struct {
		goldDate, goldPrec string
		date, prec         string
		want               bool
	}{
		{"2019-02", "month", "2019-02-15", "day", true},
		{"2019-02", "month", "2019-02-01", "month", true},
		{"2019-02", "month", "2019-02-01", "year", false}, // known to the year only
		{"2019-02", "month", "2019-06-15", "document", false},
		{"2019-06", "month", "2019-06-15", "document", true},
		{"2001", "year", "2001-01-01", "year", true},
		{"2001", "year", "2002-01-01", "year", false},
		{"2019-02-03", "day", "2019-02-03", "day", true},
		{"2019-02-03", "day", "2019-02-04", "day", false},
		{"2019-02", "month", "", "", false},
	}
	for _, tt := range tests {
		g := gold("G1", "AFG", "04", "")
		g.Date, g.DatePrecision = tt.goldDate, tt.goldPrec
		ev := event("p1", "AFGGOV", "040", "")
		ev.Date, ev.DatePrecision = tt.date, tt.prec
		r := eval.Score([]eval.Gold{g}, nil, []parley.Event{ev})
		want := eval.Ratio{Hits: 0, Total: 1}
		if tt.want {
			want = eval.Ratio{Hits: 1, Total: 1, Rate: 1}
		}
		if r.Date != want {
			t.Errorf("gold %s (%s), event %s (%s): date %v, want %v", tt.goldDate, tt.goldPrec, tt.date, tt.prec, r.Date, want)
		}
		if r.Recall.Hits != 1 {
			t.Errorf("gold %s, event %s: a wrong date must not prevent the match", tt.goldDate, tt.date)
		}
	}
}

func TestScoreLocation(t *testing.T) {
	moscow := parley.Location{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62}
	tests := []struct {
		name string
		loc  *parley.Location
		want bool
	}{
		{"same place", &moscow, true},
		{"a suburb", &parley.Location{Name: "Khimki", Country: "RUS", Lat: 55.89, Lon: 37.44}, true},
		{"49 km north", &parley.Location{Country: "rus", Lat: 55.75 + 49/111.2, Lon: 37.62}, true},
		{"51 km north", &parley.Location{Country: "RUS", Lat: 55.75 + 51/111.2, Lon: 37.62}, false},
		{"another city", &parley.Location{Name: "Saint Petersburg", Country: "RUS", Lat: 59.94, Lon: 30.31}, false},
		{"another country", &parley.Location{Name: "Moscow", Country: "USA", Lat: 55.75, Lon: 37.62}, false},
		{"none", nil, false},
	}
	for _, tt := range tests {
		g := gold("G1", "AFG", "04", "")
		g.Location = &moscow
		ev := event("p1", "AFGGOV", "040", "")
		ev.Location = tt.loc
		r := eval.Score([]eval.Gold{g}, nil, []parley.Event{ev})
		if got := r.Location.Hits == 1 && r.Location.Total == 1; got != tt.want {
			t.Errorf("%s: location %v, want right=%v", tt.name, r.Location, tt.want)
		}
	}
}

func TestDistanceKm(t *testing.T) {
	moscow := parley.Location{Lat: 55.7558, Lon: 37.6173}
	petersburg := parley.Location{Lat: 59.9343, Lon: 30.3351}
	if got := eval.DistanceKm(moscow, petersburg); math.Abs(got-634) > 3 {
		t.Errorf("Moscow to Saint Petersburg: got %.1f km, want about 634", got)
	}
	if got := eval.DistanceKm(moscow, moscow); got != 0 {
		t.Errorf("Moscow to Moscow: got %v km, want 0", got)
	}
}

func TestScoreUncoded(t *testing.T) {
	g := []eval.Gold{gold("G1", "AFG", "04", "")}
	r := eval.Score(g, []parley.Document{{ID: "other"}}, nil)
	if len(r.Uncoded) != 1 || r.Uncoded[0] != "d" || len(r.Missed) != 1 {
		t.Errorf("uncoded %q, missed %d; want [d] and 1", r.Uncoded, len(r.Missed))
	}
	if r := eval.Score(g, nil, nil); r.Uncoded != nil {
		t.Errorf("no documents given: uncoded %q, want none", r.Uncoded)
	}
}

// TestWriteText checks the text report against testdata/report.golden;
// run with -update to rewrite it.
func TestWriteText(t *testing.T) {
	f, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	golds, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	actor := func(code string) *parley.Actor { return &parley.Actor{Code: code} }
	events := []parley.Event{
		{ID: "1", Doc: "d1", Sentence: 1, Text: "Afghan officials were left out and the group has refused to sit at the same table with them.", Source: actor("TAL"), Target: actor("AFGGOV"), CAMEO: "120", Root: "12", Rule: "refuse to sit"},
		{ID: "2", Doc: "d1", Sentence: 2, Text: "Taliban and Afghan officials met in Moscow, Russia.", Source: actor("AFGGOV"), Target: actor("TAL"), CAMEO: "040", Root: "04", Date: "2019-06-15", DatePrecision: "document", Location: &parley.Location{Name: "Kabul", Country: "AFG", Lat: 34.53, Lon: 69.17}, Rule: "meet in"},
		{ID: "3", Doc: "d2", Sentence: 0, Text: "The Taliban was overthrown by the US-led coalition in 2001.", Source: actor("TAL"), CAMEO: "190", Root: "19", Date: "2001-01-01", DatePrecision: "year", Rule: "overthrow (passive)"},
		{ID: "4", Doc: "d2", Sentence: 1, Text: "The US began talks with the Taliban.", Source: actor("USA"), Target: actor("TAL"), CAMEO: "040", Root: "04", Rule: "begin talks"},
	}
	docs := []parley.Document{{ID: "d1"}, {ID: "d2"}}
	r := eval.Score(golds, docs, events)
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/report.golden"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	buf.Reset()
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back eval.Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("WriteJSON wrote what does not read back: %v", err)
	}
	if back.Recall != r.Recall || back.Precision != r.Precision || len(back.FalseAlarms) != len(r.FalseAlarms) {
		t.Errorf("JSON read back as %+v, want %+v", back, r)
	}
}
