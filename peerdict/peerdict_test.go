package peerdict_test

import (
	"strings"
	"testing"

	"parley/peerdict"
)

func TestReadActors(t *testing.T) {
	in := `GOLLUM ; comment
+SMEAGOL
	[HOB <950601]
	[HOBGOV 950601 - 990815]
	[HOBREB > 990816]
ADVENTIST_DEVELOPMENT_&_RELIEF_AGENCY_	[NGOCHR]
BAD [AFG
AL GORE [TEN]
PRESIDENT_ [~GOVPRS]
`
	d := peerdict.NewDict(peerdict.TABARI)
	errs := peerdict.ReadActors(strings.NewReader(in), "t.actors", d)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "t.actors:7:") {
		t.Errorf("errors = %v, want one at t.actors:7", errs)
	}
	if len(d.Actors) != 3 || len(d.Agents) != 1 {
		t.Fatalf("got %d actors, %d agents", len(d.Actors), len(d.Agents))
	}
	g := d.Actors[0]
	for _, c := range []struct {
		date int
		want string
	}{{19950101, "HOB"}, {19960101, "HOBGOV"}, {20000101, "HOBREB"}} {
		if got := g.CodeOn(c.date); got != c.want {
			t.Errorf("GOLLUM on %d = %q, want %q", c.date, got, c.want)
		}
	}
	if got := g.Names[1].String(); got != "SMEAGOL" {
		t.Errorf("synonym = %q", got)
	}
	if got := d.Actors[1].Names[0].String(); got != "ADVENTIST_DEVELOPMENT_&_RELIEF_AGENCY_" {
		t.Errorf("& name = %q", got)
	}
	if w := d.Actors[2].Names[0]; w[1].Adjacent || w[0].Exact {
		t.Errorf("AL GORE words = %+v, want spaced stems", w)
	}
}

func TestReadVerbs(t *testing.T) {
	in := `<SYNSETS>
&TIETYPES
+MILITARY
+ECONOMIC
</SYNSETS>
RESTOR  [064]
- * &TIETYPES TIES [902]
- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]
- * BAD * [000]
ACT_ [100]
{ ACTING_ ACTXD_ ACTUALITY }
`
	d := peerdict.NewDict(peerdict.TABARI)
	errs := peerdict.ReadVerbs(strings.NewReader(in), "t.verbs", d)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "t.verbs:9:") {
		t.Errorf("errors = %v, want one at t.verbs:9", errs)
	}
	if len(d.Verbs) != 2 || len(d.Verbs[0].Patterns) != 2 {
		t.Fatalf("verbs = %+v", d.Verbs)
	}
	if got := len(d.Synsets["&TIETYPES"]); got != 2 {
		t.Errorf("synset members = %d", got)
	}
	// TABARI's regular endings include -ES and -EN; a given form without
	// an underscore is a stem
	if got, want := strings.Join(d.Verbs[1].Forms, " "), "ACT ACTS ACTED ACTING ACTES ACTEN ACTXD"; got != want {
		t.Errorf("ACT_ forms = %q, want %q", got, want)
	}
	if got := strings.Join(d.Verbs[1].Stems, " "); got != "ACTUALITY" {
		t.Errorf("ACT_ stems = %q, want ACTUALITY", got)
	}
	if got := d.Verbs[0].Patterns[1].Words.String(); !strings.Contains(got, "{ GENEVA_ | INTERNATIONAL }") {
		t.Errorf("pattern = %q", got)
	}
}

func TestReadPETRARCH(t *testing.T) {
	verbs := `&CURRENCY
+DOLLARS

--- ABANDON  [345]  ---
ABANDON    # comment
KLM_NOP_+RST [002]
- * EFFORT  [987]
`
	d := peerdict.NewDict(peerdict.PETRARCH)
	if errs := peerdict.ReadVerbs(strings.NewReader(verbs), "v.txt", d); len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(d.Verbs) != 2 || d.Verbs[1].Head.Text != "RST" || d.Verbs[1].Code != "002" || len(d.Verbs[0].Patterns) != 1 || len(d.Verbs[1].Patterns) != 1 {
		t.Errorf("verbs = %+v %+v", d.Verbs[0], d.Verbs[1])
	}
	agents := `!PERSON! = MAN, WOMAN
CONGRESS!PERSON! [~LEG]
PRESS {} [~MED]
`
	if errs := peerdict.ReadAgents(strings.NewReader(agents), "a.txt", d); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := len(d.Agents[0].Names); got != 4 {
		t.Errorf("CONGRESS!PERSON! names = %d, want 4 (2 + plurals)", got)
	}
	if got := len(d.Agents[1].Names); got != 1 {
		t.Errorf("PRESS {} names = %d, want 1", got)
	}
}

func FuzzReadActors(f *testing.F) {
	f.Add("GONDOR\n+MINAS_TIRITH\n\t[GON <950101] [GONGOV]\n")
	f.Add("X [A 950601 - 990815] ; c\n<NOUN>\nBEES\n</NOUN>\n")
	f.Fuzz(func(t *testing.T, s string) {
		d := peerdict.NewDict(peerdict.TABARI)
		peerdict.ReadActors(strings.NewReader(s), "f", d)
		peerdict.ReadAgents(strings.NewReader(s), "f", d)
	})
}

func FuzzReadVerbs(f *testing.F) {
	f.Add("<SYNSETS>\n&A\n+B_C\n</SYNSETS>\nV [010]\n- $ * { X | Y_ } + [020]\n")
	f.Add("--- G [1] ---\nV {VS VED}\n+W\n- * &A [2]\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fm := range []peerdict.Format{peerdict.TABARI, peerdict.PETRARCH} {
			d := peerdict.NewDict(fm)
			peerdict.ReadVerbs(strings.NewReader(s), "f", d)
			for _, v := range d.Verbs {
				for _, p := range v.Patterns {
					_ = p.Words.String()
				}
			}
		}
	})
}

func TestPhraseMarkers(t *testing.T) {
	p, err := peerdict.ParsePhrase("IN_ * REAL~_PLEASANT MOUSE=")
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 5 {
		t.Fatalf("got %d words: %v", len(p), p)
	}
	if !p[0].Exact || p[1].Adjacent {
		t.Errorf("IN_ *: IN exact %v, * adjacent %v", p[0].Exact, p[1].Adjacent)
	}
	if p[2].Text != "REAL" || !p[2].Stem || p[2].Exact || !p[3].Adjacent {
		t.Errorf("REAL~_PLEASANT = %+v %+v", p[2], p[3])
	}
	if p[4].Text != "MOUSE" || !p[4].Exact || !p[4].NoEndings {
		t.Errorf("MOUSE= = %+v", p[4])
	}
	if got := p.String(); got != "IN_ * REAL~_PLEASANT MOUSE=" {
		t.Errorf("String() = %q", got)
	}
}
