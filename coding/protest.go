package coding

import (
	"strings"

	"parley/actors"
	"parley/cameo"
	"parley/nlp"
)

// Rules for protest and police reports: which sense of "strike" is meant,
// participles that only describe a crowd, protests stated as a purpose, and
// protest verbs the tagger reads as adjectives.

// unarmedSectors are the people who strike from work or protest rather than
// fight: a strike they launch is a walkout, not an attack.
var unarmedSectors = map[string]bool{
	"LAB": true, "EDU": true, "HLH": true, "CVL": true, "OPP": true, "AGR": true, "REF": true,
	"MED": true, "ENV": true, "HRI": true, "BUS": true, "REL": true, "NGO": true,
}

// actorSense returns the code of an event read by who does it. When the
// matched words include "strike", workers, students or doctors who
// "launched a strike" stop work (143), and an army, a government or a state
// that "began a strike" attacks (190). Buildings burnt by protesters are a
// violent protest (145). Other events keep their code.
func actorSense(toks []nlp.Token, tr trigger, code string, src *actors.Phrase) (string, bool) {
	hit := false
	for _, k := range tr.toks {
		if toks[k].Lemma == "strike" || toks[k].Norm == "strikes" || toks[k].Norm == "strike" {
			hit = true
			break
		}
	}
	if code == "145" && src != nil && armed[src.Sector] && src.Sector != "COP" {
		// "gunmen attacked a police station": an armed attack, not a riot
		return "190", true
	}
	if strings.HasPrefix(code, "144") && src != nil && (src.Sector == "MIL" || src.Sector == "GOV" || src.Sector == "" && src.Head != nil && (src.Head.Kind == actors.Country || src.Head.Kind == actors.Capital || src.Head.Kind == actors.Adjective && src.Tok1 < len(toks) && toks[src.Tok1].IsNoun())) {
		// "aid trucks were blocked by Israeli forces", "Israel blocked an
		// aid convoy", "Chinese vessels blocked a resupply mission": a
		// state, its forces or its ships restrict movement (191);
		// obstruction (144) is a protest's, and rebels blocking roads to
		// topple a government protest too (as PLOVER's gold codes them)
		return "191", true
	}
	if code == "1712" && src != nil && src.Sector == "OPP" {
		// "stations were set on fire by protesters": destruction done by
		// protesters is a violent protest (145), not state coercion
		return "145", true
	}
	if code == "141" && src != nil && len(tr.pat.Head) > 0 && tr.pat.Head[0] == "protest" && !tr.pat.Noun && len(tr.pat.Rest) == 0 &&
		(src.Sector == "GOV" || src.Sector == "" && src.Head != nil && (src.Head.Kind == actors.Country || src.Head.Kind == actors.Capital) || isIGO(src)) {
		// "Japan protested Chinese ships in its waters": a state's protest is
		// words, not a demonstration
		return "111", true
	}
	if code == "195" && src != nil && (src.Sector == "UAF" || src.Sector == "INS" || src.Sector == "CRM") && toks[tr.head].Lemma == "bomb" && toks[tr.head].IsVerb() {
		// "unidentified attackers bombed a market": men without aircraft
		// plant bombs (183), they do not bomb from the air (195)
		return "183", true
	}
	if !hit || src == nil {
		return code, false
	}
	switch {
	case code == "190" && unarmedSectors[src.Sector]:
		return "143", true
	case code == "143" && tr.pat.Noun && len(tr.pat.Rest) == 0 &&
		(armed[src.Sector] && src.Sector != "COP" || src.Sector == "GOV" || src.Sector == "" && src.Head != nil && src.Head.Kind == actors.Country):
		return "190", true
	}
	return code, false
}

// crowdParticiples describe the people they stand before ("striking
// workers", "by protesting students") rather than state an event.
var crowdParticiples = map[string]bool{
	"striking": true, "protesting": true, "demonstrating": true, "rioting": true, "marching": true,
	"fasting": true, "rampaging": true, "picketing": true, "chanting": true,
}

// crowdParticiple reports whether the -ing form at i modifies the actor
// that follows it: at the start of the sentence or after a determiner,
// adjective, number or preposition.
func crowdParticiple(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	if toks[i].Tag != "VBG" || !crowdParticiples[toks[i].Norm] || phraseStartingAt(ps, i+1) == nil {
		return false
	}
	if i == 0 {
		return true
	}
	switch prev := &toks[i-1]; {
	case prev.Tag == "DT" || prev.Tag == "JJ" || prev.Tag == "CD" || prev.Tag == "IN" || prev.Tag == "PRP$" || prev.Tag == "POS" || prev.Tag == "CC" || prev.Norm == ",":
		return true
	case prev.IsVerb():
		// "dispersed striking workers", not "began protesting government
		// plans" or "are striking"
		return !aspectVerbs[prev.Lemma]
	}
	return false
}

// aspectVerbs take an -ing form as their own action ("kept striking").
var aspectVerbs = map[string]bool{
	"be": true, "begin": true, "start": true, "continue": true, "keep": true, "stop": true,
	"resume": true, "go": true, "end": true, "quit": true, "finish": true, "avoid": true, "consider": true,
}

// gatherVerbs bring people somewhere or keep them there; with "to protest"
// after them ("gathered outside the ministry to protest against") the
// gathering is the protest.
var gatherVerbs = map[string]bool{
	"gather": true, "assemble": true, "camp": true, "converge": true, "come": true, "travel": true,
	"go": true, "take": true, "pour": true, "flock": true, "throng": true, "mass": true, "stay": true,
	"remain": true, "turn": true, "show": true, "arrive": true, "line": true, "walk": true,
	"stand": true, "sit": true, "kneel": true, "congregate": true, "descend": true, "head": true,
	"drive": true, "ride": true, "cycle": true, "parade": true, "wear": true, "dress": true,
	"close": true, "shut": true, "join": true, "meet": true, "spill": true, "fill": true,
	"flood": true, "crowd": true, "surround": true, "sleep": true, "strip": true,
}

// purposeProtest reports whether the protest verb at anchor is the purpose
// of a gathering ("camped outside Delhi for months to protest"): "to"
// stands before it, a noun or adverb before "to" (so no verb governs the
// infinitive, as in "plans to protest"), and the first verb to the left is a
// verb of gathering that codes no event of its own.
func purposeProtest(toks []nlp.Token, anchor int, all []trigger) bool {
	if anchor < 2 || toks[anchor-1].Norm != "to" || toks[anchor].Tag != "VB" || toks[anchor-2].IsVerb() {
		return false
	}
	for k := anchor - 2; k >= 0; k-- {
		t := &toks[k]
		switch t.Norm {
		case ";", ":", "\"", "who", "which", "that":
			return false
		}
		if !t.IsVerb() {
			continue
		}
		if !gatherVerbs[t.Lemma] {
			return false
		}
		for _, tr := range all {
			if tr.anchor == k || tr.head == k {
				return false // "blocked the road to protest": the blockade is the protest
			}
		}
		return true
	}
	return false
}

// hyphenVerb reports whether the hyphenated "-ed" word at i, which the
// tagger reads as an adjective, is a verb right after its subject ("police
// tear-gassed pensioners").
func hyphenVerb(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	if !hyphenParticiple(&toks[i]) || i == 0 || i+1 >= len(toks) {
		return false
	}
	if toks[i-1].Lemma == "be" || toks[i-1].Lemma == "get" {
		return toks[i+1].Norm == "by" // "were tear-gassed by police"
	}
	return phraseEndingAt(ps, i-1) != nil && phraseStartingAt(ps, i+1) != nil
}

// hyphenParticiple reports whether t is a hyphenated "-ed" word tagged as an
// adjective ("tear-gassed", "baton-charged").
func hyphenParticiple(t *nlp.Token) bool {
	return t.Tag == "JJ" && strings.Contains(t.Norm, "-") && strings.HasSuffix(t.Norm, "ed")
}

// ownCountryTarget is the government a protest aimed at the protesters'
// own country is aimed at: "workers went on strike in South Africa" is
// against South Africa's government, not against the country as a place.
func ownCountryTarget(code, srcCountry string, tgt *actors.Phrase) bool {
	return cameo.Root(code) == "14" && tgt != nil && tgt.Sector == "" && tgt.Country == srcCountry &&
		srcCountry != "" && tgt.Head != nil && tgt.Head.Kind == actors.Country
}
