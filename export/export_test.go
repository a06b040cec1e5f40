package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"parley"
	"parley/export"
)

func sample() *parley.StoredEvent {
	return &parley.StoredEvent{
		ID:     "9f443234c5d88486",
		Source: &parley.Actor{Text: "Taliban representatives", Code: "AFGINSTAL", Country: "AFG", Sector: "INS"},
		Target: &parley.Actor{Text: "Afghan officials", Code: "AFGGOV", Country: "AFG", Sector: "GOV"},
		CAMEO:  "040", Root: "04", QuadClass: 1, Goldstein: 1,
		PLOVER: parley.PLOVER{Type: "CONSULT", Mode: "third-party", Context: []string{"diplomatic"}},
		Date:   "2019-02", DatePrecision: "month",
		Location: &parley.Location{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62},
		Text:     "=HYPERLINK(\"x\") Taliban representatives met Afghan officials\tin Moscow.", Doc: "d1", URL: "https://example.org/a",
		NumMentions: 3, NumSources: 2, NumArticles: 3, FirstSeen: "2019-02-05", LastSeen: "2019-02-07", DedupReason: "3 mentions",
	}
}

func TestGDELT(t *testing.T) {
	var b bytes.Buffer
	w := export.NewGDELT(&b)
	if err := w.Write(sample()); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	cols := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
	if len(cols) != 61 || len(export.GDELTColumns) != 61 {
		t.Fatalf("%d columns (%d names), want 61", len(cols), len(export.GDELTColumns))
	}
	got := map[string]string{}
	for i, c := range cols {
		got[export.GDELTColumns[i]] = c
	}
	for k, v := range map[string]string{
		"SQLDATE": "20190201", "MonthYear": "201902", "Year": "2019", "Actor1Code": "AFGINSTAL", "Actor1Name": "TALIBAN REPRESENTATIVES",
		"Actor1CountryCode": "AFG", "Actor1KnownGroupCode": "TAL", "Actor1Type1Code": "INS", "Actor2Code": "AFGGOV", "Actor2Type1Code": "GOV",
		"EventCode": "040", "EventBaseCode": "040", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1",
		"NumMentions": "3", "NumSources": "2", "NumArticles": "3", "ActionGeo_Type": "4", "ActionGeo_FullName": "Moscow",
		"ActionGeo_CountryCode": "RUS", "ActionGeo_Lat": "55.75", "ActionGeo_Long": "37.62", "DATEADDED": "20190205000000",
		"SOURCEURL": "https://example.org/a", "IsRootEvent": "1",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if got["GLOBALEVENTID"] == "" || got["GLOBALEVENTID"] != strings.Split(b.String(), "\t")[0] {
		t.Errorf("GLOBALEVENTID %q", got["GLOBALEVENTID"])
	}
}

func TestPLOVER(t *testing.T) {
	var b bytes.Buffer
	w := export.NewPLOVER(&b)
	if err := w.Write(sample()); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	var rec map[string]any
	if err := json.Unmarshal(b.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "date", "actor", "event"} { // required by the manual
		if rec[k] == nil {
			t.Errorf("missing required field %s", k)
		}
	}
	if rec["date"] != "2019-02-01" || rec["enddate"] != "2019-02-28" {
		t.Errorf("date %v .. %v, want the month", rec["date"], rec["enddate"])
	}
	actor := rec["actor"].([]any)[0].(map[string]any)
	if actor["code"] != "AFG" || actor["sector"] != "INS" || actor["entity_text"] != "Taliban representatives" {
		t.Errorf("actor = %v", actor)
	}
	if ev := rec["event"].([]any); ev[0] != "CONSULT" {
		t.Errorf("event = %v", ev)
	}
	if m := rec["mode"].([]any); m[0] != "third-party" {
		t.Errorf("mode = %v", m)
	}
	if loc := rec["event_loc"].(map[string]any); loc["country_code"] != "RUS" || loc["lat"] != 55.75 {
		t.Errorf("event_loc = %v", loc)
	}
	if rec["quad_code"] != 1.0 {
		t.Errorf("quad_code = %v", rec["quad_code"])
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	w := export.NewCSV(&b)
	w.Write(sample())
	w.Flush()
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 || len(rows[0]) != len(export.CSVHeader) {
		t.Fatalf("rows %v, %v", rows, err)
	}
	text := rows[1][len(rows[1])-3]
	if !strings.HasPrefix(text, "'=HYPERLINK") {
		t.Errorf("formula not neutralised: %q", text)
	}
	var empty bytes.Buffer
	w = export.NewCSV(&empty)
	w.Flush()
	if empty.String() != strings.Join(export.CSVHeader, ",")+"\n" {
		t.Errorf("no events: %q, want the header", empty.String())
	}
	if _, err := export.New("xml", &b); parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("New(xml) = %v", err)
	}
}
