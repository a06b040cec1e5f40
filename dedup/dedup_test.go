package dedup_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"parley"
	"parley/actors"
	"parley/cameo"
	"parley/coding"
	"parley/data"
	"parley/dedup"
	"parley/ingest"
	"parley/nlp"
)

func act(code string) *parley.Actor {
	return &parley.Actor{Text: code, Code: code, Country: code[:3]}
}

func mention(id, doc, docDate, date, prec, src, tgt, cameo string, loc *parley.Location) parley.Mention {
	var t *parley.Actor
	if tgt != "" {
		t = act(tgt)
	}
	return parley.Mention{
		Event:   parley.Event{ID: id, Doc: doc, Source: act(src), Target: t, CAMEO: cameo, Root: cameo[:2], Date: date, DatePrecision: prec, Location: loc, Confidence: 0.7},
		DocDate: docDate, DocSource: "src-" + doc,
	}
}

var (
	moscow = &parley.Location{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62}
	tver   = &parley.Location{Name: "Tver", Country: "RUS", Lat: 56.86, Lon: 35.9} // 160 km from Moscow
	doha   = &parley.Location{Name: "Doha", Country: "QAT", Lat: 25.29, Lon: 51.53}
)

// groups returns the clusters as sorted lists of mention ids.
func groups(ms []parley.Mention, opt dedup.Options) []string {
	var out []string
	for _, c := range dedup.Group(ms, opt) {
		var ids []string
		for _, i := range c.Members {
			ids = append(ids, ms[i].ID)
		}
		slices.Sort(ids)
		out = append(out, strings.Join(ids, "+"))
	}
	slices.Sort(out)
	return out
}

func TestGroup(t *testing.T) {
	day := parley.PrecisionDay
	for _, tt := range []struct {
		name string
		ms   []parley.Mention
		want []string
	}{
		{"same day merges", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", nil),
			mention("b", "d2", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "043", nil),
		}, []string{"a+b"}},
		{"three days apart merge, four do not", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "RUS", "USA", "111", nil),
			mention("b", "d2", "2019-02-08", "2019-02-08", day, "RUS", "USA", "112", nil),
			mention("c", "d3", "2019-02-12", "2019-02-12", day, "RUS", "USA", "111", nil),
		}, []string{"a+b", "c"}},
		{"chains join", []parley.Mention{
			mention("a", "d1", "2019-02-01", "2019-02-01", day, "RUS", "USA", "111", nil),
			mention("b", "d2", "2019-02-04", "2019-02-04", day, "RUS", "USA", "111", nil),
			mention("c", "d3", "2019-02-07", "2019-02-07", day, "RUS", "USA", "111", nil),
		}, []string{"a+b+c"}},
		{"other root stays apart", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", nil),
			mention("b", "d2", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "190", nil),
		}, []string{"a", "b"}},
		{"meetings are symmetric", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", nil),
			mention("b", "d2", "2019-02-06", "2019-02-06", day, "AFGGOV", "AFGINSTAL", "046", nil),
		}, []string{"a+b"}},
		{"attacks are not", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "190", nil),
			mention("b", "d2", "2019-02-05", "2019-02-05", day, "AFGGOV", "AFGINSTAL", "190", nil),
		}, []string{"a", "b"}},
		{"a country is its government", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "RUS", "USA", "111", nil),
			mention("b", "d2", "2019-02-05", "2019-02-05", day, "RUSGOV", "USAGOV", "111", nil),
			mention("c", "d2", "2019-02-05", "2019-02-05", day, "RUSMIL", "USAGOV", "111", nil),
		}, []string{"a+b", "c"}},
		{"locations", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", moscow),
			mention("b", "d2", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", nil),
			mention("c", "d3", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", doha),
			mention("d", "d4", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", tver),
		}, []string{"a+b+c+d"}}, // b, with no location, links all of them
		{"locations without a bridge", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", moscow),
			mention("c", "d3", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", doha),
			mention("d", "d4", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGGOV", "040", tver),
		}, []string{"a", "c", "d"}},
		{"a country holds its cities", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGCOP", "190", &parley.Location{Name: "Kabul", Country: "AFG", Lat: 34.53, Lon: 69.17, Precision: "city"}),
			mention("b", "d2", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGCOP", "190", &parley.Location{Name: "Afghanistan", Country: "AFG", Lat: 33.9, Lon: 67.7, Precision: "country"}),
			mention("c", "d3", "2019-02-05", "2019-02-05", day, "AFGINSTAL", "AFGCOP", "190", &parley.Location{Name: "Pakistan", Country: "PAK", Lat: 30, Lon: 70, Precision: "country"}),
		}, []string{"a+b", "c"}},
		{"one-sided statements need similar words", func() []parley.Mention {
			ms := []parley.Mention{
				mention("a", "d1", "2023-10-19", "2023-10-19", day, "USAGOV", "", "010", nil),
				mention("b", "d2", "2023-10-19", "2023-10-19", day, "USAGOV", "", "010", nil),
				mention("c", "d3", "2023-10-19", "2023-10-19", day, "USAGOV", "", "010", nil),
				mention("d", "d4", "2023-10-19", "2023-10-19", day, "USAGOV", "", "012", nil),
			}
			ms[0].Text = "The State Department said the embassy in Niamey would reduce its staff."
			ms[1].Text = "US officials said the Niamey embassy would cut staff numbers."
			ms[2].Text = "The White House said the president would travel to Israel on Wednesday."
			ms[3].Text = "The State Department said the embassy in Niamey would reduce its staff."
			return ms
		}(), []string{"a+b", "c", "d"}},
		{"a month covers its days", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-20", day, "RUS", "USA", "111", nil),
			mention("b", "d2", "2019-03-02", "2019-02", parley.PrecisionMonth, "RUS", "USA", "111", nil),
			mention("c", "d3", "2019-04-09", "2019-04-09", day, "RUS", "USA", "111", nil),
		}, []string{"a+b", "c"}},
		{"negated stays apart", []parley.Mention{
			mention("a", "d1", "2019-02-05", "2019-02-05", day, "RUS", "USA", "111", nil),
			func() parley.Mention {
				m := mention("b", "d2", "2019-02-05", "2019-02-05", day, "RUS", "USA", "111", nil)
				m.Negated = true
				return m
			}(),
		}, []string{"a", "b"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := groups(tt.ms, dedup.DefaultOptions); !slices.Equal(got, tt.want) {
				t.Errorf("groups = %v, want %v", got, tt.want)
			}
			// Every order of the input gives the same clusters.
			rev := slices.Clone(tt.ms)
			slices.Reverse(rev)
			if got := groups(rev, dedup.DefaultOptions); !slices.Equal(got, tt.want) {
				t.Errorf("reversed input: groups = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBuildExplains(t *testing.T) {
	ms := []parley.Mention{
		mention("late", "d2", "2019-02-07", "2019-02", parley.PrecisionMonth, "AFGGOV", "AFGINSTAL", "046", nil),
		mention("early", "d1", "2019-02-05", "2019-02-05", parley.PrecisionDay, "AFGINSTAL", "AFGGOV", "040", moscow),
		mention("again", "d1", "2019-02-05", "2019-02-05", parley.PrecisionDay, "AFGINSTAL", "AFGGOV", "040", nil),
	}
	ms[0].DocSource = "Wire"
	ms[1].DocSource = "wire"
	ms[2].DocSource = ""
	cs := dedup.Group(ms, dedup.DefaultOptions)
	if len(cs) != 1 {
		t.Fatalf("%d clusters, want 1", len(cs))
	}
	ev := dedup.Build(ms, cs[0])
	// The anchor is the earliest; "late" (a month) starts on 2019-02-01.
	if ev.ID != "late" || ev.MentionIDs[0] != "late" {
		t.Errorf("id %s, mentions %v; want the anchor 'late' (its month starts first)", ev.ID, ev.MentionIDs)
	}
	if ev.Date != "2019-02-05" || ev.DatePrecision != parley.PrecisionDay || ev.Location != moscow {
		t.Errorf("representative fields: date %s %s, location %v", ev.Date, ev.DatePrecision, ev.Location)
	}
	if ev.NumMentions != 3 || ev.NumArticles != 2 || ev.NumSources != 2 || ev.FirstSeen != "2019-02-05" || ev.LastSeen != "2019-02-07" {
		t.Errorf("counts %d/%d/%d seen %s..%s", ev.NumMentions, ev.NumArticles, ev.NumSources, ev.FirstSeen, ev.LastSeen)
	}
	if ms[0].DedupReason != "first report" {
		t.Errorf("anchor reason = %q", ms[0].DedupReason)
	}
	for _, m := range ms[1:] {
		for _, want := range []string{"linked to ", "same dyad AFGGOV↔AFGINSTAL", "root 04", "days apart (window 3)"} {
			if !strings.Contains(m.DedupReason, want) {
				t.Errorf("reason of %s = %q, missing %q", m.ID, m.DedupReason, want)
			}
		}
		if m.Cluster != "late" {
			t.Errorf("cluster of %s = %q", m.ID, m.Cluster)
		}
	}
	if !strings.Contains(ev.DedupReason, "3 mentions in 2 articles from 2 sources") {
		t.Errorf("summary = %q", ev.DedupReason)
	}
}

func TestTextHash(t *testing.T) {
	a := parley.Document{Title: "Talks", Text: "Afghan officials won’t attend\n\nthe talks."}
	b := parley.Document{Title: "talks", Text: "  Afghan officials won't attend the talks. "}
	c := parley.Document{Title: "Talks", Text: "Afghan officials will attend the talks."}
	if dedup.TextHash(&a) != dedup.TextHash(&b) {
		t.Errorf("case, quotes and spaces change the hash")
	}
	if dedup.TextHash(&a) == dedup.TextHash(&c) {
		t.Errorf("different texts share a hash")
	}
}

func TestWeekAndStart(t *testing.T) {
	for _, tt := range [][2]string{{"2019-02-05", "2019-02-04"}, {"2019-02-04", "2019-02-04"}, {"2019-02-10", "2019-02-04"}, {"bad", ""}} {
		if got := dedup.Week(tt[0]); got != tt[1] {
			t.Errorf("Week(%s) = %s, want %s", tt[0], got, tt[1])
		}
	}
	for _, tt := range [][3]string{{"2019-02", "", "2019-02-01"}, {"2001", "", "2001-01-01"}, {"2019-02-05", "", "2019-02-05"}, {"", "2019-06-15", "2019-06-15"}} {
		if got := dedup.StartDate(tt[0], tt[1]); got != tt[2] {
			t.Errorf("StartDate(%s, %s) = %s, want %s", tt[0], tt[1], got, tt[2])
		}
	}
}

func newCoder(t *testing.T) *coding.Coder {
	t.Helper()
	parser, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	codes, _ := cameo.Load(data.FS, "cameo/codes.txt")
	acts, _, err := actors.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	verbs, _, err := coding.LoadVerbs(data.FS, codes)
	if err != nil {
		t.Fatal(err)
	}
	return &coding.Coder{Parser: parser, Actors: acts, Verbs: verbs, Codes: codes}
}

// TestRewordedArticles codes articles written for this test, in which
// three outlets report the Moscow meeting of February 2019 in their own
// words on three days, two report a Russian condemnation of US sanctions,
// and other articles report a meeting in Doha months later and an attack
// on the same days. The reports of each event merge; the events stay
// apart.
func TestRewordedArticles(t *testing.T) {
	f, err := os.Open("testdata/reworded.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	coder := newCoder(t)
	var ms []parley.Mention
	err = ingest.ReadJSONLines(context.Background(), f, "reworded.jsonl", ingest.Options{}, func(d parley.Document) error {
		res, err := coder.Code(&d)
		if err != nil {
			return err
		}
		for _, e := range res.Events {
			ms = append(ms, parley.Mention{Event: e, DocDate: d.Date, DocSource: d.Source})
		}
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	clusterOf := map[string]int{} // "doc: sentence start" → cluster
	var evs []parley.StoredEvent
	for k, c := range dedup.Group(ms, dedup.DefaultOptions) {
		evs = append(evs, dedup.Build(ms, c))
		for _, i := range c.Members {
			clusterOf[fmt.Sprintf("%s: %.30s", ms[i].Doc, ms[i].Text)] = k
		}
	}
	find := func(key string) int {
		t.Helper()
		k, ok := clusterOf[key]
		if !ok {
			t.Fatalf("no event coded for %q; coded: %v", key, clusterOf)
		}
		return k
	}
	same := func(a, b string) {
		t.Helper()
		if find(a) != find(b) {
			t.Errorf("not merged:\n  %s\n  %s", a, b)
		}
	}
	apart := func(a, b string) {
		t.Helper()
		if find(a) == find(b) {
			t.Errorf("merged, but different events:\n  %s\n  %s", a, b)
		}
	}
	const (
		moscow1   = "moscow-kabul-times: Taliban representatives met Af"
		moscow2   = "moscow-gulf-wire: Former Afghan president Hamid "
		moscow3   = "moscow-eurasia-daily: The Taliban met Afghan officia"
		doha      = "doha-gulf-wire: Taliban representatives met Af"
		attack    = "kabul-attack-wire: Taliban fighters attacked Afgh"
		sanction1 = "sanctions-eurasia-daily: Russia condemned new US sancti"
		sanction2 = "sanctions-kabul-times: Moscow hits out at US"
	)
	same(moscow1, moscow2)
	same(moscow1, moscow3)
	same(sanction1, sanction2)
	apart(moscow1, doha)
	apart(moscow1, attack)
	apart(moscow1, sanction1)
	ev := evs[find(moscow1)]
	if ev.NumArticles != 3 || ev.NumSources != 3 || ev.FirstSeen != "2019-02-05" || ev.LastSeen != "2019-02-07" {
		t.Errorf("Moscow meeting: %d articles, %d sources, seen %s..%s; want 3, 3, 2019-02-05..2019-02-07", ev.NumArticles, ev.NumSources, ev.FirstSeen, ev.LastSeen)
	}
	if t.Failed() {
		for _, m := range ms {
			t.Logf("%s %s %s %s %s: %.60s — %s", m.Doc, dedup.Key(&m.Event), m.Date, m.Cluster, m.ID, m.Text, m.DedupReason)
		}
	}
}

func TestReach(t *testing.T) {
	day := parley.PrecisionDay
	ms := []parley.Mention{
		mention("a", "d1", "2019-02-10", "2019-02-10", day, "RUS", "UKR", "190", nil),
		mention("b", "d2", "2019-02-14", "2019-02-14", day, "RUS", "UKR", "190", nil), // overlaps a's reach
		mention("c", "d3", "2019-03-01", "2019-03-01", day, "RUS", "UKR", "190", nil),
		mention("d", "d4", "2019-05-01", "2019-05", parley.PrecisionMonth, "CHN", "JPN", "112", nil),
		mention("e", "d5", "", "", "", "CHN", "JPN", "112", nil), // undated
	}
	got := dedup.Reach(ms, dedup.Options{WindowDays: 3})
	want := map[string][]dedup.Range{
		dedup.Key(&ms[0].Event): {{"2019-02-07", "2019-02-17"}, {"2019-02-26", "2019-03-04"}},
		dedup.Key(&ms[3].Event): {{"", "0001-01-04"}, {"2019-04-28", "2019-06-03"}},
	}
	if len(got) != len(want) {
		t.Fatalf("Reach = %v, want %v", got, want)
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("Reach[%s] = %v, want %v", k, got[k], w)
		}
	}
	if f, l := dedup.Days(&ms[3]); f != "2019-05-01" || l != "2019-05-31" {
		t.Errorf("Days(month) = %s, %s", f, l)
	}
}
