package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccuracyTargets asserts the accuracy parley must reach on the
// development gold sets (the accuracy issue's targets), so a dictionary or
// coder change that loses ground fails the suite. The figures are printed
// by the same commands README.md gives.
func TestAccuracyTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 1,700 sentences")
	}
	plover := func(t *testing.T, rep map[string]any) {
		typ, full := rate(rep["type"]), rate(rep["full"])
		t.Logf("PLOVER GSR: type %.3f, type+source+target %.3f", typ, full)
		if typ < 0.75 || full < 0.60 {
			t.Errorf("PLOVER GSR: type %.3f (want ≥ 0.75), type+source+target %.3f (want ≥ 0.60)", typ, full)
		}
	}
	confli := func(t *testing.T, rep map[string]any) {
		acc := rate(rep["accuracy"])
		t.Logf("ConfliBERT: class accuracy %.3f", acc)
		if acc < 0.70 {
			t.Errorf("ConfliBERT: class accuracy %.3f, want ≥ 0.70", acc)
		}
	}
	for _, tc := range []struct {
		name, format, gold string
		// recase rewrites the gold set's text in lower case or capitals:
		// the same targets hold for news written so (actors.Truecase).
		recase func(string) string
		check  func(t *testing.T, rep map[string]any)
	}{
		{"plover", "plover", ploverGold, nil, plover},
		{"plover-lower", "plover", ploverGold, strings.ToLower, plover},
		{"plover-upper", "plover", ploverGold, strings.ToUpper, plover},
		{"conflibert", "conflibert", confliGold, nil, confli},
		{"conflibert-lower", "conflibert", confliGold, strings.ToLower, confli},
		{"conflibert-upper", "conflibert", confliGold, strings.ToUpper, confli},
		{"petrarch", "petrarch", findPetrarch(petrarchSearch), nil, func(t *testing.T, rep map[string]any) {
			// The target is F1 ≥ 0.75, which parley does not reach
			// (README says why); this floor only keeps what was gained.
			f1, _ := rep["f1"].(float64)
			t.Logf("UniversalPetrarch: triple F1 %.3f", f1)
			if f1 < 0.17 {
				t.Errorf("UniversalPetrarch: triple F1 %.3f fell below 0.17", f1)
			}
		}},
		// NGEC's document-level stories and headlines are news parley was
		// not written for (only the even rows were read while developing):
		// regression floors on the check half (odd rows), a little under
		// what is reached.
		{"ngec-stories", "ngec", ngecStories, nil, ngecFloor(0.73, 0.65)},
		{"ngec-headlines", "ngec", ngecHeadlines, nil, ngecFloor(0.55, 0.55)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.gold); err != nil {
				t.Skipf("gold set not found: %v", err)
			}
			gold := tc.gold
			if tc.recase != nil {
				gold = recased(t, tc.format, gold, tc.recase)
			}
			out, stderr, err := run(t, "", "eval", "--gold-format", tc.format, "--gold", gold, "--json")
			if err != nil {
				t.Fatalf("eval: %v\n%s", err, stderr)
			}
			var rep map[string]any
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			tc.check(t, rep)
		})
	}
	for _, recase := range []struct {
		name string
		f    func(string) string
	}{{"seed", nil}, {"seed-lower", strings.ToLower}, {"seed-upper", strings.ToUpper}} {
		t.Run(recase.name, func(t *testing.T) { seedTargets(t, recase.f) })
	}
}

// seedTargets checks the seed's targets, on the article recased by recase
// when it is not nil.
func seedTargets(t *testing.T, recase func(string) string) {
	if _, err := os.Stat(seedGold); err != nil {
		t.Skip("../shared not present")
	}
	docs := seedDocs
	if recase != nil {
		b, err := os.ReadFile(seedDocs)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"title", "text"} {
			if s, ok := doc[k].(string); ok {
				doc[k] = recase(s)
			}
		}
		if b, err = json.Marshal(doc); err != nil {
			t.Fatal(err)
		}
		docs = filepath.Join(t.TempDir(), "seed.jsonl")
		if err := os.WriteFile(docs, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rec, prec := evalRates(t, seedGold, docs)
	t.Logf("seed: recall %.2f, precision %.2f", rec, prec)
	if rec < 1 || prec < 0.9 {
		t.Errorf("seed: recall %.2f (want 1.0), precision %.2f (want ≥ 0.9)", rec, prec)
	}
}

func rate(v any) float64 {
	m, _ := v.(map[string]any)
	f, _ := m["rate"].(float64)
	return f
}

// recased writes a copy of a gold set with its texts recased: PLOVER
// records' "text" fields, or the whole ConfliBERT file (whose labels are
// digits).
func recased(t *testing.T, format, path string, recase func(string) string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch format {
	case "plover":
		var recs []map[string]any
		if err := json.Unmarshal(b, &recs); err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if s, ok := r["text"].(string); ok {
				r["text"] = recase(s)
			}
		}
		if b, err = json.Marshal(recs); err != nil {
			t.Fatal(err)
		}
	case "conflibert":
		b = []byte(recase(string(b)))
	default:
		t.Fatalf("cannot recase %s", format)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// ngecFloor checks an NGEC report's check half (odd rows): the labelled
// type among the document's events at least anyFloor of the time, and as
// its first typed event at least firstFloor.
func ngecFloor(anyFloor, firstFloor float64) func(t *testing.T, rep map[string]any) {
	return func(t *testing.T, rep map[string]any) {
		anyRate, first := rate(rep["check_any"]), rate(rep["check_first"])
		t.Logf("NGEC (check half): type coded %.3f, as the first event %.3f", anyRate, first)
		if anyRate < anyFloor || first < firstFloor {
			t.Errorf("NGEC check half: %.3f / %.3f, want ≥ %.2f / %.2f", anyRate, first, anyFloor, firstFloor)
		}
	}
}

// TestHeldOutArticles scores whole articles written for parley, with their
// gold events written before parley was run on them: a held-out check of
// what sentence sets cannot see (pairs named in one sentence and meant in
// the next, "the bloc", "his forces", dates of past events, duplicate
// events of one clause). testdata/articles/heldout1 (four articles: a
// truce in Sudan, water cannon in the South China Sea, Niger's junta and
// ECOWAS, protests in Tbilisi; 29 required and 23 optional events) scored
// recall 0.59 (17/29) and precision 0.60 (27/45) at its first run, the
// held-out figure. The floors are what parley reaches now.
func TestHeldOutArticles(t *testing.T) { heldOut(t, "heldout1", 0.89, 0.73) }

// TestHeldOutArticles6 scores a sixth set of whole articles written for
// parley with their gold events, the gold written and committed before
// parley was run on them and left unchanged after:
// testdata/articles/heldout6 (five articles: Libya's rival authorities and
// the central bank governor with an oil shutdown, a Thailand-Cambodia
// border clash, Burkina Faso suspending the BBC and VOA over a Human
// Rights Watch report, Peru's state of emergency against protests, China's
// drills around Taiwan and a US air defence sale; 40 required and 39
// optional events). Scored once with no change to parley, at commit
// d9dd534: recall 0.45 (18/40), precision 0.42 (27/64), F1 0.44, full-code
// accuracy 0.70 (19/27), date accuracy 0.86 (6/7). No gold correction was
// needed. Of the 22 required misses, 9 had no pattern (an oil shutdown,
// "suspends BBC and VOA", "said in a report that troops executed", passive
// "was ousted and arrested", "would send a mission", "called on Beijing to
// act with restraint"), 8 had the target left unresolved or missing ("the
// decision", "all parties", "its neighbour", "both countries", "the
// drills", "the sale", "Boluarte's resignation", an opening of fire with
// its target in the next clause), 4 the wrong source ("The United States
// and four European countries", "it had responded with F-16 fighter jets",
// "the rights group" read as a local group, the State Department as
// China's) and 1 an unknown person (Boluarte). Of the 37 false alarms, 20
// were the right act with a missing or wrong actor, 5 reverse or duplicate
// codings of one fight or drill, 5 a bare "said" (010) and 7 other readings
// (a release in an "until" clause, the content of an appeal, "which
// backs", an analysts' "could", "help defend itself", "vowed to take
// countermeasures" as 030, and the title's "as protests spread", a fair
// event the gold left out). The floors are just under that first score.
func TestHeldOutArticles6(t *testing.T) { heldOut(t, "heldout6", 0.44, 0.41) }

// TestHeldOutArticles5 scores a fifth set of whole articles written for
// parley with their gold events, the gold written before parley was run on
// them: testdata/articles/heldout5 (five articles: Armenia handing border
// villages to Azerbaijan and the protests in Yerevan, US and British strikes
// on the Houthis in Yemen, the Serbian prime minister's resignation over the
// Novi Sad canopy protests, Chad ordering French troops out, Mozambique's
// post-election unrest; 48 required and 35 optional events). Scored once
// with no change to parley, at commit b87aad2: recall 0.62 (30/48),
// precision 0.65 (40/62), F1 0.63, full-code accuracy 0.68 (27/40), date
// accuracy 0.69 (9/13), the held-out figure. Corrections to the gold
// after the first run, for events it left out: R7 "offered to pardon
// demonstrators" also accepts 05 (056, forgive), as parley's dictionary
// codes a pardon offered; two optional events for the other two of the
// three juntas that "expelled French forces" (T7c, T7d) and one for
// Saudi Arabia's "expressed great concern" (Y7c, 012). With them the
// first run scores 0.62 (30/48), 0.68 (42/62). Since then a development
// set; the floors are what parley reaches now: 0.90 (43/48), 0.86 (55/64)
// after rules for acts referred to back ("rejected that demand", "an offer
// the students rejected", "condemned the strikes as a violation of Yemen's
// sovereignty"), troops ordered or given until a date to leave, agreements
// ended, faculties blockaded, villages handed over, people charged, dates
// after "until" as deadlines, a rally against a country, "all parties" in
// a one-country article, "his supporters", a name that is no actor before
// "that", a verb after "a" or "an" read as the noun it is, a pair agreeing
// to give one of them something (each with the other) and a peace treaty
// with no partner named (with the side dealt with before).
func TestHeldOutArticles5(t *testing.T) { heldOut(t, "heldout5", 0.89, 0.85) }

// TestHeldOutArticles4 scores a fourth set of whole articles written for
// parley with their gold events, the gold written before parley was run on
// them and left unchanged after: testdata/articles/heldout4 (six articles:
// an al-Shabaab attack on an African Union base in Somalia and a US air
// strike, a North Korean ICBM launch and the reactions of South Korea,
// Japan and the United States, Somalia recalling its envoy over Ethiopia's
// Somaliland port deal, Sheikh Hasina's fall in Bangladesh, Turkish strikes
// on Kurdish militants after the Ankara aerospace attack, Nicaragua freeing
// Bishop Alvarez and sending him to the Vatican; 51 required and 45
// optional events). Scored once with no change to parley, at commit
// 107e9df: recall 0.57 (29/51), precision 0.56 (42/75), F1 0.56, full-code
// accuracy 0.86 (36/42), date accuracy 0.64 (7/11). No gold correction was
// needed. Of the 22 required misses, 8 were targets left unresolved ("the
// two sides", "all parties", "condemn launch", "it", an unknown person), 6
// had no pattern ("repelled the assault", "staged a joint air drill", "the
// protests began ... as student demonstrations", "allowed Hasina to come",
// "shut down ... and seized its assets"), 5 took the wrong root (a missile
// test as 194, "storm" a residence as 190, "vowed that Turkey would
// pursue" as 030, intent to send troops to a peace force as 138) and 3 the
// wrong source ("the fighters", "the foreign ministers of the three
// countries"). The floors are just under that first score.
func TestHeldOutArticles4(t *testing.T) { heldOut(t, "heldout4", 0.56, 0.55) }

// TestHeldOutArticles3 scores a third set of whole articles written for
// parley with their gold events, the gold written before parley was run on
// them and left unchanged after: testdata/articles/heldout3 (six articles:
// Kosovo police arrests and Serbia's army alert with EU mediation, a
// Myanmar junta air strike and ASEAN, Iran and the IAEA on Fordow, Haitian
// gangs and the Kenyan-led police mission, US sanctions over Venezuela's
// election and Gonzalez's asylum in Spain, Imran Khan's supporters marching
// on Islamabad; 53 required and 34 optional events). Scored once with no
// change to parley, at commit f7f34e5: recall 0.53 (28/53), precision 0.52
// (40/77), F1 0.52, full-code accuracy 0.95 (38/40), date accuracy 0.88
// (7/8). No gold correction was needed. The required misses were mostly
// targets left unresolved (pronouns, "both sides", "the arrests", "the
// measures") and missing patterns (passive "were expelled", "pushed
// through a resolution censuring", "torched", "received", "would not lay
// down their weapons"). Since then a development set. The floors are
// what parley reaches now: 0.57, 0.57 after later rules for possessed
// agents, pairs and dated verbs; 0.77 (41/53), 0.71 (56/79) after the
// rules for references back (object pronouns, surnames alone, "the men",
// acts named by a plural noun, "both sides", people killed).
func TestHeldOutArticles3(t *testing.T) { heldOut(t, "heldout3", 0.77, 0.70) }

// TestHeldOutArticles2 scores a second set of whole articles written for
// parley, their gold events written before parley was run on them:
// testdata/articles/heldout2 (five articles: Hezbollah's rockets and a US
// envoy's talks, India and Pakistan expelling diplomats after an ambush in
// Kashmir, Colombia's ceasefire with the ELN, the M23 offensive in eastern
// Congo and the Security Council, a Russia-Ukraine prisoner swap brokered
// by the UAE and drone strikes; 46 required and 44 optional events) scored
// recall 0.70 (32/46) and precision 0.57 (42/74) at its first run, the
// held-out figure. The floors are what parley reaches now. One
// correction to the gold after the first run: the three optional denials
// (I3 "Pakistan denied any involvement", D3 "Kigali denies backing the
// group", D6 "rejected the accusations") required the accuser as target,
// which their sentences do not name; they now accept any target or none.
func TestHeldOutArticles2(t *testing.T) { heldOut(t, "heldout2", 0.95, 0.82) }

// heldOut scores testdata/articles/NAME.jsonl against NAME.gold.jsonl and
// fails below the floors.
func heldOut(t *testing.T, name string, minRecall, minPrecision float64) {
	t.Helper()
	rec, prec := evalRates(t, "testdata/articles/"+name+".gold.jsonl", "testdata/articles/"+name+".jsonl")
	t.Logf("%s: recall %.2f, precision %.2f", name, rec, prec)
	if rec < minRecall || prec < minPrecision {
		t.Errorf("%s: recall %.2f (want ≥ %.2f), precision %.2f (want ≥ %.2f)", name, rec, minRecall, prec, minPrecision)
	}
}

// evalRates runs parley eval on a parley-format gold file and its
// documents and returns the event recall and precision.
func evalRates(t *testing.T, gold, docs string) (recall, precision float64) {
	t.Helper()
	out, stderr, err := run(t, "", "eval", "--gold", gold, "--json", docs)
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	return rate(rep["recall"]), rate(rep["precision"])
}
