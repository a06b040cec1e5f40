package actors_test

import (
	"testing"

	"parley/actors"
	"parley/data"
	"parley/nlp"
)

// TestMinistersByDate codes defence and foreign ministers of the built-in
// people.txt by the event's date: the government during the ministry, the
// military before it for generals, the elite (former officials) otherwise.
func TestMinistersByDate(t *testing.T) {
	first := builtinFirstActor(t)
	for _, tc := range []struct {
		text string
		want map[string]string // date → code of the sentence's first actor
	}{
		{"Robert Gates spoke.", map[string]string{"2008-05-01": "USAGOV", "2015-03-01": "USAELI", "1992-06-01": "USASPYCIA"}},
		{"Jim Mattis spoke.", map[string]string{"2012-01-10": "USAMIL", "2018-04-01": "USAGOV", "2020-01-01": "USAELI"}},
		{"Mattis spoke.", map[string]string{"2018-04-01": "USAGOV"}},
		{"Anatoly Serdyukov spoke.", map[string]string{"2010-01-01": "RUSGOV", "2014-01-01": "RUSELI"}},
		{"Hulusi Akar spoke.", map[string]string{"2016-07-15": "TURMIL", "2020-01-01": "TURGOV"}},
		{"Oleksii Reznikov spoke.", map[string]string{"2022-03-01": "UKRGOV", "2024-01-01": "UKRELI"}},
		{"Wei Fenghe spoke.", map[string]string{"2015-01-01": "CHNMIL", "2019-01-01": "CHNGOV", "2024-01-01": "CHNELI"}},
		// a role added to an existing line: Ishiba headed the Defense
		// Agency and ministry before he was prime minister
		{"Shigeru Ishiba spoke.", map[string]string{"2003-06-01": "JPNGOV", "2012-01-01": "JPNELI", "2025-01-01": "JPNGOV"}},
	} {
		checkDated(t, first, tc.text, tc.want)
	}
}

// TestOppositionAndArmedLeadersByDate codes opposition and armed-group
// leaders of the built-in people.txt by the event's date: the group while
// leading it, the government while in office, the opposition or the party
// otherwise.
func TestOppositionAndArmedLeadersByDate(t *testing.T) {
	first := builtinFirstActor(t)
	for _, tc := range []struct {
		text string
		want map[string]string // date → code of the sentence's first actor
	}{
		// HTS's leader became Syria's president
		{"Abu Mohammed al-Jolani spoke.", map[string]string{"2014-01-01": "SYRINSNUS", "2020-06-01": "SYRINSHTS", "2025-03-01": "SYRGOV"}},
		{"Ahmed al-Sharaa spoke.", map[string]string{"2020-06-01": "SYRINSHTS", "2025-03-01": "SYRGOV"}},
		{"Morgan Tsvangirai spoke.", map[string]string{"2005-01-01": "ZWEOPP", "2010-01-01": "ZWEGOV", "2015-01-01": "ZWEOPP"}},
		{"Aung San Suu Kyi spoke.", map[string]string{"2000-01-01": "MMROPP", "2018-01-01": "MMRGOV", "2023-01-01": "MMRPTYNLD"}},
		{"Imran Khan spoke.", map[string]string{"2020-01-01": "PAKGOV", "2023-06-01": "PAKOPP"}},
		{"Özgür Özel spoke.", map[string]string{"2020-01-01": "TURPTYCHP", "2024-06-01": "TUROPP"}},
		{"Gibril Ibrahim spoke.", map[string]string{"2015-01-01": "SDNREBJEM", "2022-01-01": "SDNGOV"}},
		{"Sam Rainsy spoke.", map[string]string{"2015-01-01": "KHMOPPCNR", "2020-01-01": "KHMOPP"}},
		{"Abu Ayyub al-Masri spoke.", map[string]string{"2006-06-01": "IMGMUSAQI", "2008-01-01": "IMGMUSISI"}},
		{"Abhisit spoke.", map[string]string{"2007-01-01": "THAOPP", "2010-01-01": "THAGOV"}},
		{"Kemi Badenoch spoke.", map[string]string{"2023-01-01": "GBRGOV", "2025-03-01": "GBROPP"}},
	} {
		checkDated(t, first, tc.text, tc.want)
	}
}

// TestPersonOfNoCountry: a person whose role is an international
// organisation's or a transnational group's has no country, as those
// organisations have none (the code's first letters are no ISO3).
func TestPersonOfNoCountry(t *testing.T) {
	first := builtinFirstActor(t)
	for _, tc := range []struct{ text, date, code, country, sector string }{
		{"Ban Ki-moon spoke.", "2010-01-01", "IGOUNO", "", "IGO"},
		{"Ban Ki-moon spoke.", "2005-01-01", "KORGOV", "KOR", "GOV"},
		{"Abu Musab al-Zarqawi spoke.", "2005-01-01", "IMGMUSAQI", "", "IMG"},
	} {
		ps := first(tc.text)
		if ps == nil {
			t.Fatalf("%q: no actor", tc.text)
		}
		a := ps.Actor(tc.date)
		if a.Code != tc.code || a.Country != tc.country || a.Sector != tc.sector {
			t.Errorf("%q on %s: %s country %q sector %q; want %s %q %q", tc.text, tc.date, a.Code, a.Country, a.Sector, tc.code, tc.country, tc.sector)
		}
	}
}

// builtinFirstActor loads the built-in actor dictionary and returns a
// function giving the first actor phrase of a text, or nil.
func builtinFirstActor(t *testing.T) func(text string) *actors.Phrase {
	t.Helper()
	d, bad, err := actors.Load(data.FS)
	if err != nil || len(bad) > 0 {
		t.Fatalf("load: %v %v", err, bad)
	}
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	return func(text string) *actors.Phrase {
		if ps := d.Document(p.Parse(text))[0].Phrases; len(ps) > 0 {
			return &ps[0]
		}
		return nil
	}
}

// checkDated checks the code of text's first actor on each date of want.
func checkDated(t *testing.T, first func(string) *actors.Phrase, text string, want map[string]string) {
	t.Helper()
	ph := first(text)
	if ph == nil {
		t.Errorf("%q: no actor", text)
		return
	}
	for date, code := range want {
		if got := ph.Actor(date).Code; got != code {
			t.Errorf("%q on %s = %s, want %s", text, date, got, code)
		}
	}
}
