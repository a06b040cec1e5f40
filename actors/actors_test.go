package actors_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"parley/actors"
	"parley/nlp"
)

var testFS = fstest.MapFS{
	"actors/countries.txt": {Data: []byte("# test\nUSA | United States; US; U.S. | American; Americans | Washington\nAFG | Afghanistan | Afghan; Afghans | Kabul\nTUR | Turkey; Türkiye | Turkish | Ankara\nBAD | only two | fields\n")},
	"actors/agents.txt":    {Data: []byte("GOV | government; officials; president\nMIL | troops; forces\nCOP | police\n")},
	"actors/groups.txt":    {Data: []byte("AFGINSTAL | Taliban\nIGOUNO | United Nations; UN\n")},
	"actors/people.txt":    {Data: []byte("Ashraf Ghani; Ghani | AFGGOV 2014-09-29..2021-08-15; AFGELI\nNobody | XXX 2020-13..2021\n")},
}

func load(t *testing.T) *actors.Dictionary {
	t.Helper()
	d, bad, err := actors.Load(testFS)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) != 2 {
		t.Fatalf("want 2 line errors (countries.txt:5, people.txt:2), got %v", bad)
	}
	for i, want := range []string{"actors/countries.txt:5", "actors/people.txt:2"} {
		if !strings.HasPrefix(bad[i].Error(), want) {
			t.Errorf("error %d = %q, want it to name %s", i, bad[i], want)
		}
	}
	return d
}

func TestCodeAt(t *testing.T) {
	d := load(t)
	p, _ := nlp.Default()
	sents := p.Parse("Ghani spoke.")
	ps := d.Document(sents)[0].Phrases
	if len(ps) != 1 {
		t.Fatalf("phrases %+v", ps)
	}
	for date, want := range map[string]string{"2019-06-15": "AFGGOV", "2021-08-15": "AFGELI", "2010-01-01": "AFGELI", "2014-09-29": "AFGGOV"} {
		if got := ps[0].Actor(date).Code; got != want {
			t.Errorf("Ghani on %s = %s, want %s", date, got, want)
		}
	}
}

func TestDocument(t *testing.T) {
	d := load(t)
	p, _ := nlp.Default()
	for _, tc := range []struct{ text, want string }{
		{"Afghan officials met US troops in Kabul.", "Afghan officials=AFGGOV US troops=USAMIL Kabul=AFGGOV"},
		{"The US-led coalition left.", "US=USA"},
		{"let us talk to the UN.", "UN=IGOUNO"},
		{"The Taliban spoke. The group refused.", "Taliban=AFGINSTAL The group=AFGINSTAL"},
		{"Afghanistan's police arrested people. Then police left.", "Afghanistan's police=AFGCOP police=AFGCOP"},
		{"Foreign forces and the government of Afghanistan.", "forces= government=AFGGOV Afghanistan=AFG"},
		{"A turkey was eaten in Turkey.", "Turkey=TUR"},
		{"Former president Ashraf Ghani spoke. He left.", "president Ashraf Ghani=AFGELI He=AFGELI"},
	} {
		sents := p.Parse(tc.text)
		var got []string
		for _, s := range d.Document(sents) {
			for _, ph := range s.Phrases {
				got = append(got, ph.Text+"="+ph.Actor("2019-06-15").Code)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.text, g, tc.want)
		}
	}
}
