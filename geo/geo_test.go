package geo_test

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"parley"
	"parley/geo"
)

func gaz(t testing.TB) *geo.Gazetteer {
	t.Helper()
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoadFast(t *testing.T) {
	b, err := os.ReadFile("data/gazetteer.tsv")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	g, err := geo.Load(fstest.MapFS{"g.tsv": {Data: b}}, "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	t.Logf("loaded %d places from %d bytes in %v", g.Len(), len(b), el)
	if g.Len() < 20000 {
		t.Errorf("only %d places", g.Len())
	}
	if el > 2*time.Second { // generous: race detector and slow machines
		t.Errorf("load took %v", el)
	}
}

func TestLoadBad(t *testing.T) {
	for _, data := range []string{"P\tX\n", "Q\tX\t\tRUS\t1\t2\t3\n", "P\tX\t\tRUS\tmany\t2\t3\n"} {
		if _, err := geo.Read(strings.NewReader(data), "bad"); err == nil {
			t.Errorf("%q: no error", data)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Goražde": "gorazde", "N'Djamena": "n djamena", "Washington, D.C.": "washington d c", "HERĀT": "herat", "Łódź": "lodz"} {
		if got := geo.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func sentence(text string) *parley.Event {
	return &parley.Event{Span: parley.Span{0, len(text)}}
}

func TestLocate(t *testing.T) {
	g := gaz(t)
	for _, tc := range []struct {
		text, name, country, precision string
	}{
		{"Taliban representatives and Afghan officials met in Moscow, Russia, for a two-day conference.", "Moscow", "RUS", "city"},
		{"Officials met in Moscow on Tuesday.", "Moscow", "RUS", "city"},
		{"Students rallied in Moscow, Idaho.", "Moscow", "USA", "city"},
		{"Syrian officers ended mediation between rival militias in Tripoli as shells hit the north Lebanese port.", "Tripoli", "LBN", "city"},
		{"Gunmen attacked a convoy in Tripoli on Friday.", "Tripoli", "LBY", "city"},
		{"Zambia extradited a suspect to Britain on Sunday.", "United Kingdom", "GBR", "country"},
		{"Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.", "Kirkuk", "IRQ", "city"},
		{"A US national was put under investigation in Italy for rioting during a G8 summit in Genoa.", "Genoa", "ITA", "city"},
		{"Prisoners rioted at a jail in East Timor's capital Dili on Monday.", "Dili", "TLS", "city"},
		{"Aircraft killed 46 civilians in an attack on a village in the western province of Herat.", "Herāt", "AFG", "region"},
		{"The governor met farmers in California.", "California", "USA", "region"},
		{"Protesters marched in Georgia's capital.", "Georgia", "GEO", "country"},
	} {
		loc := g.Locate(tc.text, sentence(tc.text))
		if loc == nil {
			t.Errorf("%q: no location", tc.text)
			continue
		}
		if loc.Name != tc.name || loc.Country != tc.country || loc.Precision != tc.precision {
			t.Errorf("%q: got %s %s %s, want %s %s %s", tc.text, loc.Name, loc.Country, loc.Precision, tc.name, tc.country, tc.precision)
		}
	}
	loc := g.Locate("met in Moscow, Russia", sentence("met in Moscow, Russia"))
	if loc == nil || math.Abs(loc.Lat-55.75) > 0.05 || math.Abs(loc.Lon-37.62) > 0.05 {
		t.Errorf("Moscow at %+v, want 55.75, 37.62", loc)
	}
	for _, text := range []string{
		"The Moscow State University said it would open.",
		"Russia said it would reply in March.",
		"President Putin said Washington Post reporters lied.",
		"Nice weather was reported by Reading officials.",
		"",
	} {
		if loc := g.Locate(text, sentence(text)); loc != nil {
			t.Errorf("%q: got %+v, want none", text, loc)
		}
	}
}

func TestDateline(t *testing.T) {
	g := gaz(t)
	body := "Talks resume\nKABUL, June 15 (Reuters) - The two sides agreed to meet again."
	i := strings.Index(body, "The two")
	ev := &parley.Event{Span: parley.Span{i, len(body)}}
	loc := g.Locate(body, ev)
	if loc == nil || loc.Name != "Kabul" || loc.Country != "AFG" {
		t.Fatalf("dateline: got %+v, want Kabul AFG", loc)
	}
}

// ploverRecord is the part of a PLOVER gold-standard record read here.
type ploverRecord struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	EventLoc *struct {
		Name    string `json:"name"`
		Country string `json:"country code"`
	} `json:"eventLoc"`
}

// TestPLOVERLocations measures the resolver on the PLOVER gold-standard
// records that give an event location: the sentence is located as a whole
// (no coded event needed) and counts as right when the place found is the
// gold place's country and within 50 km of it, or, for a gold country, the
// same country; a gold name the gazetteer does not know ("Europe Bridge")
// counts as right only when the name found is part of it.
func TestPLOVERLocations(t *testing.T) {
	b, err := os.ReadFile("../../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt")
	if err != nil {
		t.Skip("PLOVER gold standard not present:", err)
	}
	var recs []ploverRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	g := gaz(t)
	iso2 := map[string]string{"CH": "CHE", "IR": "IRN", "TL": "TLS", "LB": "LBN"}
	right, total := 0, 0
	for _, r := range recs {
		if r.EventLoc == nil || r.Text == "" {
			continue
		}
		total++
		want := goldPlace(g, r.EventLoc.Name, iso2[r.EventLoc.Country])
		got := g.Locate(r.Text, sentence(r.Text))
		ok := false
		switch {
		case got == nil:
		case want == nil:
			ok = strings.Contains(geo.Fold(r.EventLoc.Name), geo.Fold(got.Name))
		case want.Kind == geo.Country:
			ok = got.Country == want.Country
		default:
			ok = got.Country == want.Country && km(got.Lat, got.Lon, want.Lat, want.Lon) <= 50
		}
		if ok {
			right++
		} else {
			t.Logf("%s: want %q, got %+v", r.ID, r.EventLoc.Name, got)
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("PLOVER eventLoc accuracy: %d/%d = %.2f", right, total, acc)
	if total != 48 {
		t.Errorf("%d records with eventLoc, want 48", total)
	}
	if acc < 0.75 {
		t.Errorf("accuracy %.2f below 0.75", acc)
	}
}

// goldPlace looks a gold location name up, less "town of" and the like, and
// in the gold's country when it gives one; nil when unknown.
func goldPlace(g *geo.Gazetteer, name, cc string) *geo.Place {
	for _, p := range []string{"town of ", "province of ", "city of "} {
		name = strings.TrimPrefix(name, p)
	}
	aliases := map[string]string{"Khatmandu": "Kathmandu", "Algers": "Algiers"}
	if a, ok := aliases[name]; ok {
		name = a
	}
	for _, p := range g.Lookup(name) {
		if cc == "" || p.Country == cc {
			return &p
		}
	}
	return nil
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func BenchmarkLocator(b *testing.B) {
	g := gaz(b)
	text := strings.Repeat("Taliban representatives and Afghan officials met in Moscow, Russia, for a two-day conference. ", 50)
	for b.Loop() {
		g.Locate(text, sentence(text))
	}
}

// TestNames checks the count of words that make a place's name, whatever
// their case (for truecased text, coding.Coder.placeText).
func TestNames(t *testing.T) {
	g := gaz(t)
	for _, tc := range []struct {
		words []string
		want  int
	}{
		{[]string{"rio", "de", "janeiro", "kills"}, 3},
		{[]string{"KANDAHAR"}, 1},
		{[]string{"istanbul", "kills"}, 1},
		{[]string{"the", "capital"}, 0},
		{nil, 0},
	} {
		if got := g.Names(tc.words); got != tc.want {
			t.Errorf("Names(%q) = %d, want %d", tc.words, got, tc.want)
		}
	}
}

func TestCountryOfName(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"Chicago": "USA", "Karachi": "PAK", "Kharkiv": "UKR", "Paris": "FRA",
		"Tripoli":    "", // Libya's and Lebanon's
		"Hyderabad":  "", // India's and Pakistan's
		"Smallville": "",
	} {
		if got := g.CountryOfName(name); got != want {
			t.Errorf("CountryOfName(%q) = %q, want %q", name, got, want)
		}
	}
}
