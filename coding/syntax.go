package coding

import (
	"slices"
	"strings"

	"parley/actors"
	"parley/cameo"
	"parley/dates"
	"parley/nlp"
)

// isPassive reports whether the verb at i is a passive participle: "was
// overthrown", "have been held", "were not attacked", "were killed or
// wounded".
func isPassive(toks []nlp.Token, i int) bool {
	if toks[i].Tag != "VBN" && toks[i].Tag != "VBD" && !hyphenParticiple(&toks[i]) {
		return false
	}
	if adjectival[toks[i].Norm] && i+1 < len(toks) && (toks[i+1].Norm == "in" || toks[i+1].Norm == "to") {
		return false // "were engaged in ethnic cleansing", "is committed to"
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := toks[k]
		if t.Lemma == "be" || t.Lemma == "get" {
			return true
		}
		if (t.Norm == "or" || t.Norm == "and") && k == i-1 && k > 0 && toks[k-1].Tag == "VBN" {
			return isPassive(toks, k-1) // "were killed or wounded"
		}
		if t.Tag != "RB" && t.Norm != "not" && t.Norm != "n't" {
			return false
		}
	}
	return false
}

// reducedPassive reports whether the participle at i follows an actor as a
// passive without its auxiliary ("forces backed by Russia", "10 soldiers
// killed in the attack were buried", "there were soldiers killed in"): the
// actor is what was done to, not the doer. The tagger often reads a plain
// past tense as a participle ("soldiers clashed with", "forces arrested at
// least 40"), so without a by-agent the participle must be followed by a
// place, time or pause and the clause's own verb must come after it, in
// the same clause unless the actor is an apposition ("Suu Kyi, the leader
// detained since the coup, remains").
func reducedPassive(toks []nlp.Token, ps []actors.Phrase, i, last int) bool {
	if toks[i].Tag != "VBN" && toks[i].Tag != "VBD" || i == 0 {
		return false
	}
	if intransitive[toks[i].Lemma] {
		return false // "Canada's prime minister apologised after ...": no one is apologised
	}
	if toks[i].Tag == "VBN" && toks[i-1].IsNoun() && i+1 < len(toks) && toks[i+1].Norm == "by" && (brokers[toks[i].Norm] || phraseStartingAt(ps, i+2) != nil || i+2 < len(toks) && toks[i+2].Tag == "DT" && phraseStartingAt(ps, i+3) != nil) {
		return true // "talks mediated by Qatar", "administrators beheaded by insurgents"
	}
	if i+1 < len(toks) && toks[i+1].Norm == "of" && (toks[i].Lemma == "accuse" || toks[i].Lemma == "suspect" || toks[i].Lemma == "convict") && phraseEndingAt(ps, i-1) != nil {
		return true // "expelled a diplomat accused of spying": accused, with no object, is a participle
	}
	var p *actors.Phrase
	commaBefore := false
	loose := false
	if toks[i].Tag == "VBN" {
		p = phraseEndingAt(ps, i-1)
	} else if q := phraseEndingAt(ps, i-1); q != nil && q.Tok0 <= 2 && (q.Tok0 == 0 || toks[0].Tag == "DT" || toks[0].Tag == "CD") {
		// "Activists detained last week in Minsk were freed": the tagger's
		// past tense after the sentence's first phrase is a participle
		// when the clause's own verb is a passive that follows (checked
		// below)
		p, loose = q, true
	}
	if p == nil && i >= 2 && toks[i-1].Norm == "," {
		// "Italian fishermen, held captive in Libya, have been freed" (the
		// tagger reads such participles as past tenses too)
		p, commaBefore = phraseEndingAt(ps, i-2), true
	}
	if p == nil && i >= 2 {
		// "a member of the Hamas movement jailed a year ago": in an
		// apposition, a past form after the phrase or its head noun (the
		// tagger reads such participles as past tenses too)
		if q := phraseEndingAt(ps, i-1); q != nil && inAppositive(toks, q) {
			p = q
		} else if q := phraseEndingAt(ps, i-2); q != nil && toks[i-1].IsNoun() && inAppositive(toks, q) {
			p = q
		}
	}
	if p == nil || last+1 >= len(toks) {
		return false
	}
	if commaBefore {
		// the participle clause closes with a comma and the subject's own
		// verb follows it at once: ", were buried", ", have been freed"
		// (not "X, Y's activist, staged a strike, his lawyer said")
		for k := last + 1; k+1 < len(toks); k++ {
			if toks[k].Norm == "," {
				switch toks[k+1].Tag {
				case "VBD", "VBZ", "VBP", "MD":
					return true
				}
				return false
			}
		}
		return false
	}
	for loose && placePreps[toks[i+1].Norm] && last+2 < len(toks) && toks[last+1].IsNoun() && toks[last].IsNoun() {
		last++ // "detained in a detention centre in Libya": the pattern's noun heads a compound
	}
	switch toks[last+1].Norm {
	case "by":
		if !loose {
			return true
		}
	case "in", "on", "during", "since", "after", "near", "over", "for", "last", "overnight", "earlier", "yesterday", "today", ",":
	default:
		return false
	}
	if p.Tok0 >= 2 && toks[p.Tok0-2].Norm == "there" && toks[p.Tok0-1].Lemma == "be" ||
		p.Tok0 >= 3 && toks[p.Tok0-3].Norm == "there" && toks[p.Tok0-2].Lemma == "be" {
		return true // "there were (10) Russian soldiers killed"
	}
	b := p.Tok0 - 1
	for b >= 0 && toks[b].Tag == "DT" {
		b--
	}
	apposition := commaBefore || b >= 0 && toks[b].Norm == ","
	inside := !apposition && inAppositive(toks, p)
	closed := false
	for k := last + 1; k < len(toks); k++ {
		if loose && toks[k].Tag == "CC" {
			return false // "clashed in Goma and civilians were killed"
		}
		switch toks[k].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			if loose {
				// "were freed", "have been released"
				j := k + 1
				for j < len(toks) && (toks[j].Tag == "RB" || toks[j].Norm == "been") {
					j++
				}
				if (toks[k].Lemma == "be" || toks[k].Lemma == "have") && j < len(toks) && toks[j].Tag == "VBN" && !apposition {
					return true
				}
				// "Migrants held in a camp in Libya refused food": the
				// subject's own past-tense verb follows the participle's
				// place at once, with no clause or comma between
				return toks[k].Tag == "VBD" && toks[k].Lemma != "be" && toks[k].Lemma != "have" && !apposition && placePreps[toks[i+1].Norm] && plainPlace(toks, i+1, k)
			}
			return !inside || closed
		}
		if toks[k].Norm == "," {
			if !apposition && !inside {
				// ", a local official said": another clause's verb
				return false
			}
			closed = true
		}
	}
	return false
}

// placePreps are the prepositions of a participle's place or time.
var placePreps = map[string]bool{
	"in": true, "at": true, "on": true, "near": true, "outside": true, "inside": true, "across": true,
	"throughout": true, "of": true, "for": true, "during": true,
}

// plainPlace reports whether the tokens from i up to k hold only
// prepositional phrases of place or time (nouns, adjectives, numbers,
// determiners, placePreps), no comma, conjunction, subordinator or
// relative word: a participle with no object ("held in a camp in Libya").
func plainPlace(toks []nlp.Token, i, k int) bool {
	for ; i < k; i++ {
		t := &toks[i]
		switch {
		case t.IsNoun(), t.Tag == "JJ", t.Tag == "CD", t.Tag == "DT", t.Tag == "POS", placePreps[t.Norm]:
		default:
			return false
		}
	}
	return true
}

// inAppositive reports whether the phrase p ends a noun phrase in
// apposition to the noun before a comma ("the mayor, a member of the Hamas
// movement jailed a year ago, was freed"): a past form after it, before the
// comma that closes the apposition, is a participle modifying it, not its
// verb.
func inAppositive(toks []nlp.Token, p *actors.Phrase) bool {
	k := p.Tok0 - 1
	for k >= 0 && (toks[k].IsNoun() || toks[k].Tag == "JJ" || toks[k].Tag == "CD" || toks[k].Tag == "POS" || toks[k].Norm == "of" || toks[k].Norm == "the") {
		k--
	}
	if k < 2 || toks[k].Norm != "a" && toks[k].Norm != "an" || toks[k-1].Norm != "," {
		return false
	}
	return toks[k-2].IsNoun() && !timeNouns[toks[k-2].Norm]
}

// phraseEndingAt returns the phrase whose last token is k.
func phraseEndingAt(ps []actors.Phrase, k int) *actors.Phrase {
	for i := range ps {
		if ps[i].Tok1-1 == k {
			return &ps[i]
		}
	}
	return nil
}

func phraseStartingAt(ps []actors.Phrase, k int) *actors.Phrase {
	for i := range ps {
		if ps[i].Tok0 == k {
			return &ps[i]
		}
	}
	return nil
}

// prepositions whose object is not a subject.
var prepositions = map[string]bool{
	"in": true, "of": true, "from": true, "at": true, "with": true, "to": true, "for": true,
	"on": true, "by": true, "against": true, "into": true, "within": true, "near": true,
	"after": true, "before": true, "during": true, "despite": true, "about": true, "over": true,
	"under": true, "between": true, "among": true, "across": true, "through": true, "toward": true,
	"towards": true, "including": true, "like": true, "than": true, "via": true, "behind": true,
	"outside": true, "inside": true, "around": true, "upon": true, "onto": true, "amid": true,
	"without": true, "per": true, "along": true, "beside": true, "besides": true, "unlike": true,
}

// isPrepObject reports whether the phrase is governed by a preposition or is
// a possessor ("Afghanistan's police" is handled as one phrase already).
func isPrepObject(toks []nlp.Token, p *actors.Phrase) bool {
	for k := p.Tok0 - 1; k >= 0; k-- {
		t := toks[k]
		if t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$" || t.Tag == "CD" || t.Norm == "former" {
			continue
		}
		if (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "NNP") && k+1 == p.Tok0 && k > 0 && nounModifier(toks, k) {
			continue // "by the U.N. war crimes court": nouns modifying the phrase's head
		}
		if k > 0 && partOf(toks[k-1].Lemma, t.Norm) {
			return false // "thousands of Nigerians", "leaders of the coalition", "a spokesman for the Taliban"
		}
		if k > 0 && (t.Norm == "to" || t.Norm == "with") && allegiance[toks[k-1].Norm] && p.Head != nil && p.Head.Kind == actors.Group && k >= 2 && armedMen[toks[k-2].Norm] {
			return false // "gangs belonging to the Viv Ansanm coalition torched": the coalition's men
		}
		if k > 0 && t.Norm == "from" && sentFrom[toks[k-1].Lemma] {
			return false // "observers from the OAS criticised": the OAS's observers
		}
		if quantifiers[t.Norm] && toks[k+1].Tag == "CD" {
			continue // "up to 100 Albanians", "more than 50 soldiers", "about 200 protesters"
		}
		if subordinators[t.Norm] && clauseVerbAt(toks, p.Tok1) {
			return false // "protested after Chinese troops attacked": the clause's subject
		}
		return prepositions[t.Norm]
	}
	return false
}

// subordinators are the prepositions that also open a clause ("after
// Chinese troops attacked fishermen").
var subordinators = map[string]bool{"after": true, "before": true, "since": true, "until": true, "till": true}

// clauseVerbAt reports whether a finite verb stands at k, past the nouns
// that end the phrase's noun phrase and adverbs ("after Chinese coast
// guard vessels attacked", "after Russian troops again shelled").
func clauseVerbAt(toks []nlp.Token, k int) bool {
	for n := 0; k < len(toks) && n < 2 && (toks[k].Tag == "NN" || toks[k].Tag == "NNS"); n++ {
		k++
	}
	for k < len(toks) && toks[k].Tag == "RB" {
		k++
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "VBN":
		// the tagger's participle for a past tense with its object after
		// it ("after Chinese coast guard vessels attacked/VBN Vietnamese
		// fishermen")
		if k+1 < len(toks) {
			switch n := &toks[k+1]; {
			case n.Tag == "DT", n.Tag == "JJ", n.Tag == "CD", n.Tag == "PRP$", n.IsNoun():
				return true
			}
		}
	}
	return false
}

// allegiance are the words that tie armed men to a group before "to" or
// "with" ("gunmen loyal to X", "fighters linked to X", "militias allied
// with X"): a named group acts through them (men linked to a country are
// still the men: "hackers linked to Russia").
var allegiance = map[string]bool{
	"belonging": true, "loyal": true, "linked": true, "allied": true, "affiliated": true, "aligned": true, "tied": true,
}

// armedMen are the men a group acts through ("gangs belonging to").
var armedMen = map[string]bool{
	"gangs": true, "gang": true, "fighters": true, "gunmen": true, "militants": true, "militiamen": true, "militias": true,
	"rebels": true, "insurgents": true, "troops": true, "forces": true, "soldiers": true, "members": true, "units": true,
}

// nounModifier reports whether the noun at k and the nouns before it are
// modifiers in a noun phrase that a determiner or a preposition opens
// ("the U.N. war crimes court", "by the war crimes"), as opposed to a
// subject noun that ends its own phrase.
func nounModifier(toks []nlp.Token, k int) bool {
	j := k
	for j >= 0 && (toks[j].Tag == "NN" || toks[j].Tag == "NNS" || toks[j].Tag == "NNP" || toks[j].Tag == "JJ") {
		j--
	}
	return j >= 0 && (toks[j].Tag == "DT" || prepositions[toks[j].Norm])
}

// quantifiers are the prepositions of "up to 100", "more than 50", "at least
// 20", "about 200": with a number after them they govern nothing.
var quantifiers = map[string]bool{"to": true, "than": true, "least": true, "about": true, "around": true, "over": true, "under": true, "nearly": true, "almost": true, "some": true}

// sentFrom are the people an actor sends, named as "N from ACTOR"
// ("observers from the European Union", "a delegation from Hamas").
var sentFrom = map[string]bool{
	"observer": true, "monitor": true, "delegate": true, "representative": true, "envoy": true,
	"expert": true, "official": true, "diplomat": true, "inspector": true, "investigator": true,
	"lawmaker": true, "delegation": true, "mission": true, "negotiator": true,
}

// partitive nouns head a phrase whose actor is the object of "of".
var partitive = map[string]bool{
	"thousand": true, "thousands": true, "hundred": true, "hundreds": true, "dozen": true, "dozens": true,
	"million": true, "millions": true, "score": true, "scores": true, "group": true, "member": true,
	"leader": true, "representative": true, "delegation": true, "team": true, "band": true,
	"crowd": true, "number": true, "some": true, "many": true, "most": true, "all": true, "one": true,
	"two": true, "three": true, "several": true, "unit": true, "contingent": true, "batch": true,
	"patch": true, "spokesman": true, "spokeswoman": true, "official": true, "head": true, "chief": true,
	"supporter": true, "activist": true, "fighter": true, "militant": true, "soldier": true,
	"deployment": true, "convoy": true, "wave": true, "detachment": true, "battalion": true, "brigade": true,
	"column": true, "squad": true, "platoon": true,
}

// speakers are the partitive nouns that take "for" too ("a spokesman for
// the Taliban").
var speakers = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "representative": true}

// partOf reports whether the preposition prep after a noun of lemma noun
// names what the noun is part of or speaks for ("leaders of the
// coalition", "a spokesman for the Taliban").
func partOf(noun, prep string) bool {
	return partitive[noun] && (prep == "of" || prep == "for" && speakers[noun])
}

// members returns the organisation whose members or leaders the bare
// agent p names ("arrested leaders of the Muslim Brotherhood", "met a
// spokesman for the Taliban"), or p: they act for it, not for the
// article's state.
func members(toks []nlp.Token, ps []actors.Phrase, p *actors.Phrase) *actors.Phrase {
	if p.Head == nil || p.Head.Kind != actors.Agent || !p.Context || p.Tok1 >= len(toks) || !partOf(toks[p.Tok1-1].Lemma, toks[p.Tok1].Norm) {
		return p
	}
	k := p.Tok1 + 1
	for k < len(toks) && toks[k].Tag == "DT" {
		k++
	}
	if q := phraseStartingAt(ps, k); q != nil && q.Head != nil && q.Head.Kind == actors.Group {
		return q
	}
	return p
}

// skipRanges marks tokens a subject search must step over when looking left
// from anchor: relative clauses (", which ... ,"), "including ..." lists and
// parentheses that close before the anchor.
func skipRanges(toks []nlp.Token, anchor int) []bool {
	skip := make([]bool, len(toks))
	lastComma := -1
	for k := anchor - 1; k >= 0; k-- {
		if toks[k].Norm == "," {
			lastComma = k
			break
		}
	}
	for k := 0; k < anchor; k++ {
		switch toks[k].Norm {
		case "which", "who", "whom", "whose", "where":
			if k > 0 && toks[k-1].Norm == "," && lastComma > k {
				for j := k - 1; j <= lastComma; j++ {
					skip[j] = true
				}
			}
		case "a", "an":
			// an appositive: "Pakistan, a key U.S. ally in the war, has
			// refused"
			if k > 0 && toks[k-1].Norm == "," && lastComma > k && !hasFiniteVerb(toks[k:lastComma]) {
				for j := k - 1; j <= lastComma; j++ {
					skip[j] = true
				}
			}
		case "including", "such":
			end := anchor
			for j := k + 1; j < anchor; j++ {
				if toks[j].Norm == "," || toks[j].IsVerb() && toks[j].Tag != "VBG" && toks[j].Tag != "VBN" {
					end = j
					break
				}
			}
			for j := k; j < end; j++ {
				skip[j] = true
			}
		case "(":
			for j := k; j < anchor; j++ {
				skip[j] = true
				if toks[j].Norm == ")" {
					break
				}
			}
		}
	}
	return skip
}

// subject finds the source phrases of the verb at anchor: the nearest actor
// phrase to its left that is not the object of a preposition, with the
// phrases joined to it by "and" (a compound subject).
func subject(toks []nlp.Token, ps []actors.Phrase, anchor int) []*actors.Phrase {
	if v := coordinatedVerb(toks, anchor); v >= 0 {
		// "Orbán, who visited Moscow and met Putin": met shares the
		// subject of visited.
		return subject(toks, ps, v)
	}
	if v := coordinatedInfinitive(toks, anchor); v >= 0 {
		// "agreed to free the hostages and to open talks", "commits Poland
		// to train soldiers and to keep sending aid": the doer of the first
		return subject(toks, ps, v)
	}
	if g := controlledSubject(toks, anchor); g >= 0 {
		// "commits Poland to train soldiers and to keep sending aid": the
		// object of the control verb does it, whatever stands between
		if p := phraseEndingAt(ps, g); p != nil {
			return []*actors.Phrase{p}
		}
		return nil // "force the Islanders to negotiate": no actor does it
	}
	skip := skipRanges(toks, anchor)
	var found *actors.Phrase
	k := anchor - 1
	if toks[anchor].Tag == "VBG" && k >= 1 && gerundSubordinators[toks[k].Norm] {
		// "kidnapped the father and held him for 12 days before releasing
		// him": a participle after before or after is the clause subject's
		if p := clauseSubject(toks, ps, k); p != nil {
			return []*actors.Phrase{p}
		}
		return nil
	}
	if toks[anchor].Tag == "VBG" {
		j := k
		for j >= 0 && toks[j].Tag == "RB" {
			j--
		}
		if p := phraseEndingAt(ps, j); p != nil {
			// "with the Taliban rejecting the ceasefire": the phrase just
			// before a participle is its subject, whatever governs it,
			// unless it is where the clause happens ("marched through
			// Kabul demanding"): then the clause's subject is.
			if !isLocative(toks, p) {
				return []*actors.Phrase{p}
			}
			if q := clauseSubject(toks, ps, j); q != nil {
				return []*actors.Phrase{q}
			}
			return nil
		}
		if j >= 0 && toks[j].Norm == "," {
			// ", deeming the government illegitimate": a participle after a
			// comma shares the subject of its clause.
			if p := clauseSubject(toks, ps, j); p != nil {
				return []*actors.Phrase{p}
			}
			return nil
		}
	}
	if j := anchor - 1; j >= 0 && (toks[j].Norm == "both" || toks[j].Norm == "each") && phraseEndingAt(ps, j) == nil && (j == 0 || toks[j-1].Norm == "and" || toks[j-1].Norm == "," || toks[j-1].Norm == "but") {
		return nil // "and both promised": a pair not named as actors, not the last actor named
	}
	for ; k >= 0; k-- {
		if skip[k] {
			continue
		}
		t := toks[k]
		if t.Norm == ";" || t.Norm == ":" || t.Norm == "\"" || t.Norm == "“" || t.Norm == "”" {
			return nil
		}
		if isRelativeStop(toks, k, anchor) {
			return nil
		}
		if (t.Norm == "that" || t.Norm == "which") && k > 0 && (toks[k-1].Tag == "NNP" || toks[k-1].Tag == "NNPS") && phraseEndingAt(ps, k-1) == nil && k == anchor-1 {
			// "the collapse of a canopy at the station in Novi Sad that
			// killed 15 people": a name that is no actor is what did it
			return nil
		}
		if toks[k].Norm == "who" && k > 1 && toks[k-1].Norm == "," {
			if p := phraseEndingAt(ps, k-2); p != nil {
				// "a statement by Antony Blinken, who called the launch
				// reckless": who is the one just named, even after by
				found = p
				break
			}
		}
		if p := phraseEndingAt(ps, k); p != nil && (!isPrepObject(toks, p) || sidesOf(toks, ps, p)) {
			found = p
			break
		}
	}
	if found == nil {
		return nil
	}
	if j := found.Tok0 - 1; j >= 1 {
		for j >= 1 && toks[j].Tag == "DT" {
			j--
		}
		if toks[j].Norm == "of" {
			if q := phraseEndingAt(ps, j-1); q != nil && q.Head != nil && q.Head.Kind == actors.Agent && found.Head != nil && (found.Head.Kind == actors.Country || found.Head.Kind == actors.Capital) && q.Country == found.Country {
				found = q // "The Supreme Leader of Iran rejected": the leader, placed in Iran
			}
		}
	}
	if found.Pair != nil {
		return []*actors.Phrase{found, found.Pair} // "the two sides"
	}
	out := []*actors.Phrase{found}
	k = found.Tok0 - 1
	for k >= 1 {
		for k >= 0 && (skip[k] || toks[k].Tag == "DT" && toks[k].Norm != "both" && toks[k].Norm != "all" || toks[k].Tag == "JJ" && k > 0 && toks[k-1].Tag == "DT") {
			k-- // and the determiner of the phrase found: "India and the US", "the army and the paramilitary RSF"
		}
		if k < 1 || toks[k].Norm != "and" && toks[k].Norm != "," {
			break
		}
		j := k - 1
		if toks[k].Norm == "and" && j >= 0 && toks[j].Norm == "," {
			j-- // "the US, Russia, and Switzerland"
		}
		for j >= 0 && toks[j].Tag == "DT" {
			j--
		}
		p := phraseEndingAt(ps, j)
		// "Taliban representatives and ...": the phrase may modify a head noun
		for h := j; p == nil && h >= 0 && h >= j-1 && (toks[h].Tag == "NNS" || toks[h].Tag == "NN"); h-- {
			p = phraseEndingAt(ps, h-1)
		}
		if p == nil || isPrepObject(toks, p) {
			break
		}
		out = append([]*actors.Phrase{p}, out...)
		k = p.Tok0 - 1
	}
	return out
}

// sidesOf reports whether the country phrase p names where the sides of a
// conflict are, with no pair named before ("Both sides in Yemen's conflict
// agreed", "the warring parties in Sudan"): the sides are the country's.
func sidesOf(toks []nlp.Token, ps []actors.Phrase, p *actors.Phrase) bool {
	if p.Head == nil || p.Head.Kind != actors.Country {
		return false
	}
	k := p.Tok0 - 1
	for k >= 0 && (toks[k].Tag == "DT" || toks[k].Tag == "JJ") {
		k--
	}
	if k < 2 || toks[k].Norm != "in" && toks[k].Norm != "of" || phraseEndingAt(ps, k-1) != nil {
		return false // "Both sides in Yemen" that refer to a pair named before
	}
	switch toks[k-1].Norm {
	case "sides", "parties", "factions":
	default:
		return false
	}
	switch toks[k-2].Norm {
	case "both", "two", "warring", "rival", "opposing":
		return true
	}
	return false
}

// coordinatedVerb returns the verb whose subject the verb at anchor shares
// ("visited Moscow and met Putin"), or -1 when the verb follows no "and".
func coordinatedVerb(toks []nlp.Token, anchor int) int {
	if !toks[anchor].IsVerb() {
		return -1
	}
	if toks[anchor].Tag == "VBG" {
		// "killing one person and arresting 12": the participles share
		// their subject.
		if anchor < 2 || toks[anchor-1].Norm != "and" {
			return -1
		}
		for j := anchor - 2; j >= 0 && j >= anchor-10; j-- {
			if toks[j].Norm == ";" {
				return -1
			}
			if toks[j].Tag == "VBG" {
				return j
			}
		}
		return -1
	}
	k := anchor - 1
	for k >= 0 && (toks[k].Tag == "RB" || toks[k].Tag == "MD" || toks[k].Lemma == "have" || toks[k].Lemma == "be") {
		k--
	}
	if k < 1 || toks[k].Norm != "and" && toks[k].Norm != "but" && toks[k].Norm != "then" {
		return -1
	}
	if k+1 < len(toks) && phraseLike(toks[k+1]) {
		return -1 // "and the group has refused": a new subject
	}
	bare := k == anchor-1 && (toks[anchor].Tag == "VBD" || toks[anchor].Tag == "VBZ" || toks[anchor].Tag == "VBP")
	inf := -1 // an infinitive passed over, for want of a finite verb
	for j := k - 1; j >= 0 && j >= k-15; j-- {
		t := toks[j]
		if t.Norm == ";" || t.Norm == ":" {
			return -1
		}
		if t.IsVerb() && t.Tag != "VBG" && (t.Tag != "VBN" || j > 0 && (toks[j-1].Lemma == "be" || toks[j-1].Lemma == "have")) {
			if bare && t.Tag == "VB" && j > 0 && toks[j-1].Norm == "to" {
				if inf < 0 {
					inf = j
				}
				continue // "ordered a diplomat to leave and closed its airspace": closed is no infinitive
			}
			if bare && reportedAct[toks[anchor].Lemma] {
				// "said its forces had destroyed drones and accused Kyiv":
				// an act of speech after and goes with the verb of saying
				// that the clause before reports to
				for i := j - 1; i >= 0 && i >= k-25; i-- {
					if toks[i].Norm == ";" || toks[i].Norm == ":" {
						break
					}
					if toks[i].Tag == toks[anchor].Tag && sayings[toks[i].Lemma] {
						return i
					}
				}
			}
			return j
		}
	}
	return inf
}

// sayings are the verbs that report a clause ("said its forces had
// destroyed"); reportedAct are the acts of speech that, after and, are
// the speaker's, not the reported clause's ("and accused Kyiv").
var (
	sayings     = map[string]bool{"say": true, "announce": true, "report": true, "claim": true, "state": true, "insist": true}
	reportedAct = map[string]bool{
		"accuse": true, "blame": true, "deny": true, "warn": true, "urge": true, "call": true, "add": true, "condemn": true,
		"vow": true, "threaten": true, "demand": true, "reject": true, "criticize": true, "criticise": true, "dismiss": true, "pledge": true,
	}
)

// clauseSubject returns the first actor phrase of the clause that ends at
// token end, not the object of a preposition.
func clauseSubject(toks []nlp.Token, ps []actors.Phrase, end int) *actors.Phrase {
	start := 0
	for k := end - 1; k > 0; k-- {
		if toks[k].Norm == ";" || toks[k].Norm == ":" || toks[k].Norm == "," && (toks[k+1].Norm == "and" || toks[k+1].Norm == "but") {
			start = k + 1 // "Ukraine: Russian forces shelled Kharkiv, killing": not Ukraine
			break
		}
	}
	for k := end - 1; k >= start; k-- {
		if toks[k].Norm == "\"" {
			start = k + 1 // "\"India stands with Nepal,\" Modi said, offering": not the quote's
			break
		}
	}
	for i := range ps {
		p := &ps[i]
		if p.Tok0 >= start && p.Tok1 <= end && !isPrepObject(toks, p) {
			return p
		}
	}
	return nil
}

// isRelativeStop reports whether the token at k starts a relative clause
// whose verb is the anchor ("those who attended"): its subject is outside
// the dictionary's reach, so the search stops.
func isRelativeStop(toks []nlp.Token, k, anchor int) bool {
	switch toks[k].Norm {
	case "who", "that", "which":
		// "X, who met Y": the relative pronoun's antecedent is the phrase
		// before it; keep looking left only if a comma introduces it.
		return !(k > 0 && (toks[k-1].Norm == "," || toks[k-1].Tag == "NNP" || toks[k-1].Tag == "NNPS"))
	}
	return false
}

// byAgent returns the phrase after "by" that follows the verb: the agent of
// a passive.
func byAgent(toks []nlp.Token, ps []actors.Phrase, last int) *actors.Phrase {
	if p := agentAfter(toks, ps, last, "by", 3, false); p != nil {
		return p
	}
	// "were abducted from a school in Dhaka by insurgents": past the
	// places the participle tells, with no verb or clause between
	for k := last + 1; k < len(toks) && k <= last+9; k++ {
		switch t := &toks[k]; {
		case t.Norm == "by":
			if k <= last+3 {
				return nil // the near one has no actor after it
			}
			return agentAfter(toks, ps, k-1, "by", 1, false)
		case t.Norm == "from" || t.Norm == "in" || t.Norm == "at" || t.Norm == "near" || t.Norm == "outside" || t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "NNP":
		default:
			return nil
		}
	}
	return nil
}

// fromAgent returns the actor after "from" following a received event
// ("received weapons from the government", "came under fire from rebels").
func fromAgent(toks []nlp.Token, ps []actors.Phrase, last int) *actors.Phrase {
	return agentAfter(toks, ps, last, "from", 4, true)
}

// agentAfter returns the first actor within four tokens after the
// preposition prep, itself within reach tokens after last; a boundary
// before the actor ends the search, and before prep too when bounded.
func agentAfter(toks []nlp.Token, ps []actors.Phrase, last int, prep string, reach int, bounded bool) *actors.Phrase {
	for k := last + 1; k < len(toks) && k <= last+reach; k++ {
		if bounded && isBoundary(&toks[k]) {
			return nil
		}
		if toks[k].Norm != prep {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			if p := phraseStartingAt(ps, j); p != nil {
				return p
			}
			if isBoundary(&toks[j]) {
				return nil
			}
		}
		if bounded {
			return nil
		}
	}
	return nil
}

// object returns the target: the first actor phrase after the trigger, in
// the same clause, not a by-agent.
func object(toks []nlp.Token, ps []actors.Phrase, tr trigger, all []trigger, start int) *actors.Phrase {
	next := len(toks)
	for _, o := range all {
		// another event's verb ends this one's object, unless it is an
		// infinitive of purpose ("opened fire to disperse protesters")
		if o.head > tr.last && o.anchor < next && !(o.anchor > 0 && toks[o.anchor-1].Norm == "to") {
			next = o.anchor
		}
	}
	passive := false
	// Places are where a meeting or a cooperation happens ("met in
	// Moscow"), but what an attack or a threat is aimed at ("shelled
	// positions in Jericho").
	// Places are where talks happen ("met in Moscow"), but what a visit,
	// an attack, a withdrawal or a promise is about ("arrived in Amman",
	// "evacuate settlements in the Gaza Strip").
	// Agreements and cooperation happen somewhere too ("signed a deal in
	// Tokyo").
	placeIsTarget := tr.pat.Code == "042"
	switch cameo.Root(tr.pat.Code) {
	case "03", "04", "05", "06":
	default:
		placeIsTarget = true
	}
	skip := func(p *actors.Phrase) bool {
		if !placeIsTarget && isLocative(toks, p) {
			return true
		}
		if p.Pair == nil && p.Tok0 > tr.head && p.Tok1 <= tr.last && (toks[tr.last].Tag == "IN" || toks[tr.last].Norm == "to") && conveys[toks[tr.head].Lemma] {
			// "sent a delegation to Ankara", "extradited cartel members
			// to the US": what is sent, before the pattern's preposition;
			// the target follows it
			return true
		}
		if p.Tok1 == p.Tok0+1 && p.Tok0 == tr.head+1 && toks[p.Tok0].Norm == "forces" && p.Context && slices.Contains(tr.toks, p.Tok0) {
			return true // "joined forces": the idiom's word, no one's troops
		}
		// "offered its troops": the subject's own agents, not a target
		return p.Tok0 > 0 && toks[p.Tok0-1].Tag == "PRP$" && p.Head.Kind == actors.Agent
	}
	// The object may stand inside the pattern ("deem the government
	// illegitimate") or after it ("met with the Taliban").
	for k := max(tr.head+1, start); k < next && k < len(toks); k++ {
		t := toks[k]
		if k <= tr.last {
			if p := phraseStartingAt(ps, k); p != nil && !skip(p) {
				if q := recipient(toks, ps, tr, p, next); q != nil {
					return q // "send police officers to Haiti"
				}
				if q := holder(toks, ps, tr, p); q != nil {
					return q // "demanded the release of hostages held by Hamas"
				}
				return members(toks, ps, p)
			}
			continue
		}
		if t.Norm == "that" && reportsOn(tr.pat.Code) {
			continue // "demanded that the United States ...": its subject is the target
		}
		if isBoundary(&t) || t.Norm == "who" || t.Norm == "which" || t.Norm == "that" && k > tr.last+1 && phraseStartingAt(ps, k) == nil || clauseStart(toks, k) {
			return nil // (a phrase that starts with that: "talks with that faction")
		}
		// ("a sit-in by workers": the tagger reads hyphenated nouns as adjectives)
		byNoun := toks[k-1].IsNoun() || toks[k-1].Tag == "JJ" && strings.Contains(toks[k-1].Norm, "-") && k-1 > tr.head
		if t.Norm == "by" && (passive || !byNoun && !(toks[k-1].Tag == "VBN" && k > 1 && toks[k-2].IsNoun()) || brokers[toks[k-1].Norm]) {
			return nil // a by-agent, not an object ("calls by Belarus", "crimes committed by X" are), or a broker ("a deal brokered by China")
		}
		if p := phraseStartingAt(ps, k); p != nil {
			if skip(p) {
				// a place, or the subject's own agents ("offered its troops")
				k = p.Tok1 - 1
				continue
			}
			if q := recipient(toks, ps, tr, p, next); q != nil {
				return q
			}
			if q := holder(toks, ps, tr, p); q != nil {
				return q
			}
			return members(toks, ps, p)
		}
		// Finite verbs start another clause; infinitives continue this one
		// ("threatened to cut off electricity to Nakhichevan").
		if t.IsVerb() && t.Tag != "VBG" && t.Tag != "VBN" && t.Tag != "VB" && k > tr.last+1 {
			return nil
		}
	}
	return nil
}

// between reads "talks between X and Y".
func between(toks []nlp.Token, ps []actors.Phrase, last int) (*actors.Phrase, *actors.Phrase) {
	if last+1 >= len(toks) || toks[last+1].Norm != "between" {
		return nil, nil
	}
	var a, b *actors.Phrase
	for k := last + 2; k < len(toks) && k < last+14; k++ {
		if isBoundary(&toks[k]) {
			break
		}
		if p := phraseStartingAt(ps, k); p != nil {
			if a == nil && p.Pair != nil {
				return p, p.Pair // "between the two sides"
			}
			if a == nil {
				a = p
			} else {
				b = p
				break
			}
			k = p.Tok1 - 1
		}
	}
	if b == nil {
		return nil, nil
	}
	return a, b
}

// refusalCode maps a refused cooperative event to CAMEO's rejection codes.
func refusalCode(code string) string {
	switch cameo.Root(code) {
	case "03", "05":
		return "120"
	case "04":
		return "125"
	case "06":
		return "121"
	case "07":
		return "122"
	case "08":
		if code == "087" || len(code) == 4 && code[:3] == "087" {
			return "1246"
		}
		return "124"
	}
	return ""
}

// negation returns the word that negates the verb at anchor ("did not
// attend", "won't meet", "were left out of talks"), or "".
func negation(toks []nlp.Token, ps []actors.Phrase, anchor, head int) string {
	for k := anchor - 1; k >= 0 && k >= anchor-4; k-- {
		t := toks[k]
		if inPhrase(ps, k) {
			continue // "Doctors Without Borders pulled out": a name's word
		}
		switch t.Norm {
		case "not", "n't", "never", "no", "neither", "nor", "without":
			return t.Text
		case ",", ";", ":", "but":
			return ""
		case "and", "or":
			if k+1 < anchor {
				return "" // "will not resign and has called for talks": a new verb phrase
			}
		}
		if t.Lemma == "fail" && k+1 < len(toks) && toks[k+1].Norm == "to" {
			return t.Text
		}
	}
	if head > anchor {
		for k := anchor + 1; k < head; k++ {
			if toks[k].Norm == "no" {
				return toks[k].Text
			}
		}
	}
	// "left out of talks", "excluded from the meeting"
	for k := head - 1; k >= 1 && k >= head-5; k-- {
		if (toks[k].Norm == "of" && toks[k-1].Norm == "out" && k >= 2 && (toks[k-2].Lemma == "leave" || toks[k-2].Lemma == "shut")) ||
			(toks[k].Norm == "from" && (toks[k-1].Lemma == "exclude" || toks[k-1].Lemma == "bar" || toks[k-1].Lemma == "absent")) {
			return toks[k-1].Text
		}
	}
	return ""
}

// eventDate picks the date expression of the trigger's clause nearest to it.
func eventDate(toks []nlp.Token, s *nlp.Sentence, anchor int, exprs []dates.Expr) (dates.Expr, bool) {
	best, bestDist := dates.Expr{}, -1
	at := toks[anchor].Start - s.Start
	for _, e := range exprs {
		if e.Since || deadline(toks, s.Start+e.Start, e.Start > at) {
			continue
		}
		lo, hi := e.Start, at
		if lo > hi {
			lo, hi = at, e.End
		}
		if crossesClause(toks, s.Start+lo, s.Start+hi) {
			continue
		}
		d := hi - lo
		if bestDist < 0 || d < bestDist {
			best, bestDist = e, d
		}
	}
	return best, bestDist >= 0
}

// deadline reports whether the date expression at byte offset start is a
// deadline, not when the event happened: after "until" or "till" ("gives
// French troops until January 31 to leave"), or after "by" when it follows
// the event ("to leave by January 31").
func deadline(toks []nlp.Token, start int, after bool) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].End <= start {
			n := toks[k].Norm
			return n == "until" || n == "till" || after && n == "by"
		}
	}
	return false
}

// crossesClause reports whether a clause boundary lies between two byte
// offsets: a semicolon, or a comma before a conjunction, a relative pronoun
// or a participle.
func crossesClause(toks []nlp.Token, from, to int) bool {
	for k, t := range toks {
		if t.Start < from || t.End > to {
			continue
		}
		if t.Norm == ";" {
			return true
		}
		if t.Norm == "," && k+1 < len(toks) {
			n := toks[k+1]
			switch n.Norm {
			case "and", "but", "while", "whereas", "although", "though", "which", "who", "as":
				return true
			}
			if n.Tag == "VBG" {
				return true
			}
		}
	}
	return false
}

// locatives are prepositions whose object is where an event happens, not
// whom it is done to ("met in Moscow").
var locatives = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "outside": true,
	"across": true, "throughout": true, "around": true, "from": true, "via": true, "through": true}

// isLocative reports whether a phrase names a place governed by a locative
// preposition. Agents and groups ("in the government") are not places.
func isLocative(toks []nlp.Token, p *actors.Phrase) bool {
	if p.Head == nil {
		return false
	}
	if p.Head.Kind == actors.Adjective && p.Tok1 < len(toks) && placeNouns[toks[p.Tok1].Norm] {
		// "in the Saudi city of Jeddah", "off the Libyan coast"
	} else if p.Head.Kind != actors.Country && p.Head.Kind != actors.Capital {
		return false
	}
	for k := p.Tok0 - 1; k >= 0; k-- {
		t := toks[k]
		if t.Tag == "DT" || t.Tag == "JJ" { // "in central Santiago"
			continue
		}
		return locatives[t.Norm]
	}
	return false
}

// placeNouns are the nouns of a place that a country's adjective names
// ("the Saudi city of Jeddah", "the Libyan coast").
var placeNouns = map[string]bool{
	"city": true, "town": true, "capital": true, "port": true, "province": true, "region": true, "village": true,
	"coast": true, "island": true, "islands": true, "waters": true, "territory": true, "border": true, "side": true,
	"state": true, "district": true, "resort": true, "enclave": true, "desert": true, "mountains": true,
}

// saysAfter reports whether the phrases joined to q by "and" or commas
// are followed by a verb of saying: they are the subject of an
// attribution, not members of a list before them.
func saysAfter(toks []nlp.Token, ps []actors.Phrase, q *actors.Phrase) bool {
	for {
		k := q.Tok1
		if k >= len(toks) {
			return false
		}
		if actors.Reports(toks[k].Lemma) {
			return toks[k].IsVerb()
		}
		if toks[k].Norm != "and" && toks[k].Norm != "," {
			return false
		}
		k++
		for k < len(toks) && (toks[k].Norm == "and" || toks[k].Tag == "DT") {
			k++
		}
		if q = phraseStartingAt(ps, k); q == nil {
			return false
		}
	}
}

// conjoined returns the phrases joined to p by "and" or commas after it
// ("aid for Romania and Poland").
func conjoined(toks []nlp.Token, ps []actors.Phrase, p *actors.Phrase) []*actors.Phrase {
	var out []*actors.Phrase
	for {
		k := p.Tok1
		if k >= len(toks) || toks[k].Norm != "and" && toks[k].Norm != "," {
			return out
		}
		k++
		if k < len(toks) && toks[k].Norm == "and" {
			k++
		}
		for k < len(toks) && toks[k].Tag == "DT" {
			k++
		}
		q := phraseStartingAt(ps, k)
		if q == nil {
			return out
		}
		// "X, Y and Z" is a list; "X, a Reuters report said" is not.
		if toks[p.Tok1].Norm == "," && toks[k-1].Norm != "and" && (q.Tok1 >= len(toks) || toks[q.Tok1].Norm != "," && toks[q.Tok1].Norm != "and") {
			return out
		}
		if toks[p.Tok1].Norm == "," && saysAfter(toks, ps, q) {
			return out // "a truce in Sudan, Saudi Arabia and the United States said": who says it
		}
		out = append(out, q)
		p = q
	}
}

func hasFiniteVerb(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.IsVerb() && t.Tag != "VBG" && t.Tag != "VBN" {
			return true
		}
	}
	return false
}

// clauseStart reports whether the token at k opens a new clause: a
// subordinating or adversative conjunction ("but media reports said", "as
// the opposition threatened").
func clauseStart(toks []nlp.Token, k int) bool {
	switch toks[k].Norm {
	case "but", "while", "whereas", "although", "though", "because", "unless", "if", "when", "after", "before", "until":
		return !(toks[k].Norm == "after" || toks[k].Norm == "before" || toks[k].Norm == "until") || hasFiniteVerb(toks[k+1:min(len(toks), k+7)])
	case "as":
		return k+1 < len(toks) && (toks[k+1].Tag == "DT" || toks[k+1].Tag == "NNP" || toks[k+1].Tag == "PRP") && hasFiniteVerb(toks[k+1:min(len(toks), k+7)])
	}
	return false
}

func phraseLike(t nlp.Token) bool {
	return t.Tag == "DT" || t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "PRP" || strings.HasPrefix(t.Tag, "NN")
}

// reportsOn reports whether events of code take a that-clause whose subject
// is their target: appeals, demands, accusations, threats.
func reportsOn(code string) bool {
	switch cameo.Root(code) {
	case "02", "10", "11", "13":
		return true
	}
	return false
}

// adjectival participles describe their subject's state when a preposition
// follows them; the subject is the actor.
var adjectival = map[string]bool{
	"engaged": true, "involved": true, "committed": true, "determined": true, "prepared": true,
	"interested": true, "opposed": true, "dedicated": true, "entitled": true, "obliged": true,
	"willing": true, "poised": true, "set": true, "scheduled": true, "expected": true,
}

// brokers are the participles whose by-agent arranged an event between
// others ("a deal brokered by China") and is not its target.
var brokers = map[string]bool{
	"brokered": true, "mediated": true, "hosted": true, "sponsored": true, "facilitated": true,
	"organized": true, "organised": true, "arranged": true, "convened": true,
}

// conveys are the verbs whose object is what goes to the target after
// their preposition ("sent a delegation to Ankara", "extradited cartel
// members to the US"), unlike "accused X of" or "urged X to".
// recipient returns, for an event that conveys something or someone
// (conveying), the actor after "to" or "from" past the object p: the
// receiving state, not what it receives ("handed over a drug trafficker
// to US authorities", "the extradition of a militant from Sweden", "the
// sale of F-16 jets to Turkey"), or nil.
func recipient(toks []nlp.Token, ps []actors.Phrase, tr trigger, p *actors.Phrase, next int) *actors.Phrase {
	if !conveying(toks, tr) {
		return nil
	}
	for k := p.Tok1; k < next && k < len(toks) && k <= p.Tok1+6; k++ {
		t := &toks[k]
		if isBoundary(t) || t.IsVerb() && t.Tag != "VBN" || t.Norm == "," {
			return nil
		}
		if t.Norm != "to" && t.Norm != "from" {
			continue
		}
		j := k + 1
		for j < len(toks) && toks[j].Tag == "DT" {
			j++
		}
		if q := phraseStartingAt(ps, j); q != nil && q != p {
			return q
		}
		return nil
	}
	return nil
}

// holder returns, for an appeal or a demand (CAMEO 02, 10) about people
// someone holds, the holder named by "held by", "detained by" and the like
// after them: whom the demand is made of ("demanded the release of all
// hostages held by Hamas"), or nil.
func holder(toks []nlp.Token, ps []actors.Phrase, tr trigger, p *actors.Phrase) *actors.Phrase {
	if r := cameo.Root(tr.pat.Code); r != "02" && r != "10" {
		return nil
	}
	k := p.Tok1
	if k+2 >= len(toks) || !holding[toks[k].Norm] || toks[k+1].Norm != "by" {
		return nil
	}
	j := k + 2
	for j < len(toks) && toks[j].Tag == "DT" {
		j++
	}
	return phraseStartingAt(ps, j)
}

// holding are the participles of holding people.
var holding = map[string]bool{
	"held": true, "detained": true, "kidnapped": true, "abducted": true, "captured": true, "jailed": true,
	"imprisoned": true, "seized": true, "taken": true,
}

// conveying reports whether the trigger's words send, hand, sell or
// extradite something or someone.
func conveying(toks []nlp.Token, tr trigger) bool {
	for _, k := range tr.toks {
		if conveys[toks[k].Lemma] || conveyNouns[toks[k].Norm] {
			return true
		}
	}
	return false
}

// conveyNouns are the nouns of conveying ("the extradition of", "the sale
// of").
var conveyNouns = map[string]bool{
	"extradition": true, "handover": true, "sale": true, "sales": true, "transfer": true, "delivery": true,
	"deliveries": true, "shipment": true, "shipments": true, "return": true, "repatriation": true,
	"deportation": true, "sell": true, "sold": true, "supply": true, "supplied": true,
}

var conveys = map[string]bool{
	"send": true, "extradite": true, "hand": true, "deliver": true, "transfer": true, "dispatch": true,
	"deploy": true, "return": true, "ship": true, "repatriate": true, "lead": true,
}

// intransitive verbs have no passive, so no passive participle: after a
// noun they are its past tense, whatever the tagger says.
var intransitive = map[string]bool{"apologize": true, "apologise": true, "arrive": true, "resign": true, "abstain": true}

// gerundSubordinators are the prepositions that make a participle an
// adverbial clause of its sentence's subject ("before releasing him").
var gerundSubordinators = map[string]bool{"before": true, "after": true, "without": true, "while": true, "upon": true}
