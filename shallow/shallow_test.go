package shallow_test

import (
	"strings"
	"testing"

	"parley/peerdict"
	"parley/shallow"
)

func TestCode(t *testing.T) {
	d := peerdict.NewDict(peerdict.TABARI)
	peerdict.ReadActors(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nGOLLUM [HOB <950601] [HOBGOV]\nNASGUL [###]\nGOVERNMENT_ [~GOV]\n"), "a", d)
	peerdict.ReadVerbs(strings.NewReader("RESTOR [064]\n- SAID $ * [113]\nMEET [031:031]\nCONDEMN [122]\n"), "v", d)
	c := shallow.New(d)
	if c.Opts.MinWords != 8 {
		t.Errorf("TABARI's default minimum is 8 words, got %d", c.Opts.MinWords)
	}
	if r := c.Code("Arnor restored ties with Gondor.", 19950101); len(r.Events) > 0 {
		t.Errorf("a 5-word sentence was coded under the 8-word minimum: %v", r.Events)
	}
	c.Opts.MinWords = 0
	for _, tc := range []struct {
		text string
		date int
		want string
	}{
		{"Arnor is about to restore ties with Gondor.", 19950101, "ARN/GON/064"},
		{"Arnor restored ties with Gondor and Bree.", 19950101, "ARN/GON/064 ARN/BRE/064"},
		{"Gollum restored ties with Gondor.", 19950101, "HOB/GON/064"},
		{"Gollum restored ties with Gondor.", 19960101, "HOBGOV/GON/064"},
		{"The Gondor government will meet Bree.", 19950101, "GONGOV/BRE/031 BRE/GONGOV/031"},
		{"Nasgul restored ties with Gondor.", 19950101, "###"},
		{"Nothing happened here at all today.", 19950101, ""},
	} {
		r := c.Code(tc.text, tc.date)
		var got []string
		if r.Discard {
			got = append(got, "###")
		}
		for _, e := range r.Events {
			got = append(got, e.Source+"/"+e.Target+"/"+e.Code)
			if e.Rule == "" {
				t.Errorf("%q: event without rule", tc.text)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q on %d = %q, want %q", tc.text, tc.date, g, tc.want)
		}
	}
}

func FuzzCode(f *testing.F) {
	d := peerdict.NewDict(peerdict.TABARI)
	peerdict.ReadActors(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\nAL GORE [AGR]\n"), "a", d)
	peerdict.ReadVerbs(strings.NewReader("RESTOR [064]\n- ^ $ * &X { A | B_C } + [1]\n"), "v", d)
	c := shallow.New(d)
	f.Add("Arnor restored ties with Gondor, a senior official said.")
	f.Add("U.S. and Al \"The\" Gore's didn't, , ,")
	f.Fuzz(func(t *testing.T, s string) {
		c.Code(s, 19950101)
	})
}

// TestPETRARCHCompounds checks PETRARCH's compound and pattern rules: list
// commas delimit no comma phrase, "neither ... nor" joins, agents with no
// actor join the actors of their compound, a later member's agent stays
// with it, an actor is not coded with itself, and pattern words match whole
// words (PETRARCH does not stem).
func TestPETRARCHCompounds(t *testing.T) {
	d := peerdict.NewDict(peerdict.PETRARCH)
	peerdict.ReadActors(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nMORDOR [MOR]\nTHE_SHIRE [SHI]\nDANISH [DNK]\n"), "a", d)
	peerdict.ReadAgents(strings.NewReader("GOVERNMENT [~GOV]\nMEDIA [~MED]\nLAWMAKER [~LEG]\nOFFICIAL [~GOV]\n"), "g", d)
	peerdict.ReadVerbs(strings.NewReader("--- WELCOME [041] ---\nWELCOME\n\n--- ADOPT [081] ---\nADOPT\n- * RESOLUTION [102]\n\n--- WARN [160] ---\nWARN\n"), "v", d)
	c := shallow.New(d)
	for _, tc := range []struct{ text, want string }{
		{"Arnor welcomed ties with Mordor, the Shire, Bree and Gondor after a long rift.", "ARN/MOR/041 ARN/SHI/041 ARN/BRE/041 ARN/GON/041"},
		{"Neither Arnor nor Bree welcomed Gondor.", "ARN/GON/041 BRE/GON/041"},
		{"Lawmakers and officials in Arnor and Bree welcomed Gondor.", "ARNLEG/GON/041 BRELEG/GON/041 ARNGOV/GON/041 BREGOV/GON/041"},
		{"Danish media and government warned Gondor.", "DNKMED/GON/160 DNKGOV/GON/160"},
		{"Arnor and the government of Bree warned Gondor.", "ARN/GON/160 BREGOV/GON/160"},
		{"Arnor and Gondor welcomed Gondor.", "ARN/GON/041"},
		{"Arnor will adopt resolutions with Gondor.", "ARN/GON/081"},
		{"Arnor will adopt a resolution with Gondor.", "ARN/GON/102"},
	} {
		var got []string
		for _, e := range c.Code(tc.text, 19950101).Events {
			got = append(got, e.Source+"/"+e.Target+"/"+e.Code)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q = %q, want %q", tc.text, g, tc.want)
		}
	}
}
