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
	d, bad, err := actors.Load(data.FS)
	if err != nil || len(bad) > 0 {
		t.Fatalf("load: %v %v", err, bad)
	}
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
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
		ps := d.Document(p.Parse(tc.text))[0].Phrases
		if len(ps) == 0 {
			t.Errorf("%q: no actor", tc.text)
			continue
		}
		for date, want := range tc.want {
			if got := ps[0].Actor(date).Code; got != want {
				t.Errorf("%q on %s = %s, want %s", tc.text, date, got, want)
			}
		}
	}
}
