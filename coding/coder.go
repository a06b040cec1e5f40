// Package coding turns analysed sentences into coded events: it matches the
// verb and noun patterns of the event dictionary, finds each event's source
// (the subject, or the by-agent of a passive) and target (the object), reads
// negation and refusal, and dates the event from the sentence.
package coding

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"parley"
	"parley/actors"
	"parley/cameo"
	"parley/dates"
	"parley/nlp"
)

// Coder codes documents. Its fields are read-only; it is safe for
// concurrent use.
type Coder struct {
	Parser *nlp.Parser
	Actors *actors.Dictionary
	Verbs  *Verbs
	Codes  cameo.Table
	// Discards, when set, mark sentences and documents that are not
	// political news (sport, entertainment, business).
	Discards *Discards
	// Geo, when set, gives each event its location (geo.Gazetteer).
	Geo Geocoder
}

// Geocoder places events. Locator reads a document's body once and returns
// the function that gives the location of one of its events (from the
// event's sentence span, verb span and actors), or nil.
type Geocoder interface {
	Locator(body string) func(ev *parley.Event) *parley.Location
}

// PlaceCountries is a Geocoder that can tell the country a place name most
// likely means ("Chicago": USA), or "".
type PlaceCountries interface {
	CountryOfName(name string) string
}

// PlaceNames is a Geocoder that can tell place names in text without
// capitals: Names returns how many of words, from the first, make a
// place's name (0 if none).
type PlaceNames interface {
	Names(words []string) int
}

// Result is what coding one document gives.
type Result struct {
	Events    []parley.Event
	Sentences int
	Discarded int // sentences not coded as sport, entertainment or business news
}

// Code codes one document. The error is for documents that cannot be coded
// at all (an invalid date); a document without events gives none.
func (c *Coder) Code(doc *parley.Document) (Result, error) {
	ref, err := doc.Time()
	if err != nil {
		return Result{}, err
	}
	body := doc.Body()
	sents := c.Parser.Parse(body)
	// Lower-case and all-capitals sentences are parsed again with their
	// capitals restored (actors.Truecase); the events' texts are cut from
	// the body as written (restoreText).
	text, places := body, body // places: the text the gazetteer reads
	var acts []actors.Sentence
	if tc, ts, ok := c.Actors.Truecase(c.Parser, body, sents); ok {
		places = c.placeText(body, tc, ts)
		text, sents = tc, ts
		c.headlineVerbs(sents)
		c.datedVerbs(sents)
		acts = c.Actors.DocumentCase(sents, false)
	} else {
		c.headlineVerbs(sents)
		c.datedVerbs(sents)
		acts = c.Actors.Document(sents)
	}
	why, whole := c.discarded(doc.ID, sents, doc.Title != "")
	var out []parley.Event
	res := Result{Sentences: len(sents)}
	for i := range sents {
		if why[i] != "" {
			res.Discarded++
			if whole {
				continue
			}
			// One sentence of a political story that names a sport or a
			// business: its violence is still news.
			out = append(out, materialConflict(c.codeSentence(doc, ref, &sents[i], acts[i].Phrases))...)
			continue
		}
		out = append(out, c.codeSentence(doc, ref, &sents[i], acts[i].Phrases)...)
	}
	// geolocation (geo): one location an event, nil when none is found
	if c.Geo != nil && len(out) > 0 {
		locate := c.Geo.Locator(places)
		for i := range out {
			out[i].Location = locate(&out[i])
		}
	}
	labelledActs(out)
	referredActs(out)
	peacePartner(out)
	out = placeImplied(out, acts, c.Actors.IsCountry)
	placeAgents(out)
	if pc, ok := c.Geo.(PlaceCountries); ok {
		cityAgents(out, text, pc)
	}
	if text != body {
		restoreText(out, body)
	}
	res.Events = out
	return res, nil
}

// dayWords are the times news puts between a subject and its verb ("The
// United States on Thursday imposed").
var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"yesterday": true, "today": true, "overnight": true,
}

// datedVerbs retags the past tense of an event verb that the tagger read
// as an adjective or a noun after a day ("The United States on Thursday
// imposed/JJ sanctions"), or an irregular past after its subject ("Rebels
// fought/JJ government troops"), when an object follows it.
func (c *Coder) datedVerbs(sents []nlp.Sentence) {
	for si := range sents {
		toks := sents[si].Tokens
		for i := 1; i+1 < len(toks); i++ {
			t := &toks[i]
			if t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "NNP" {
				continue
			}
			dated := strings.HasSuffix(t.Norm, "ed") && dayWords[toks[i-1].Norm]
			irregular := irregularPast[t.Norm] != "" && (toks[i-1].IsNoun() || toks[i-1].Tag == "PRP" || toks[i-1].Norm == "and") // "Rebels fought/JJ government troops", "and fought/JJ police"
			if !dated && !irregular {
				continue
			}
			switch toks[i+1].Tag {
			case "DT", "NNS", "NN", "NNP", "NNPS", "CD", "PRP", "PRP$", "JJ", "IN", "RP":
			default:
				continue
			}
			if l := c.Verbs.sLemma(t.Norm); l != t.Norm {
				t.Tag, t.Lemma = "VBD", l
			}
		}
	}
}

// headlineVerbs retags the present-tense verb of each headline that the
// tagger read as something else ("Police Arrest/JJS Dozens", "Rebels
// Release/NN Hostages", "Militants Storm/JJ Hotel"), before the actors are
// found, so that no actor phrase runs through it ("Rebels attack army"):
// the first word after the noun phrase that opens the headline, in the
// form that agrees with it (plain after a plural, -s after a singular),
// when it heads a verb pattern and no verb follows at once.
func (c *Coder) headlineVerbs(sents []nlp.Sentence) {
	for si := range sents {
		toks := sents[si].Tokens
		if !isHeadline(toks) {
			continue
		}
		plural, headPl := false, false // a list of subjects; the head noun before "of" ("Leaders of Kenya and Japan Meet")
		for i := 1; i < len(toks); i++ {
			t, prev := &toks[i], &toks[i-1]
			switch {
			case t.Tag == "VBG" && prev.IsNoun() && i+2 < len(toks) && !toks[i+1].IsVerb() && strings.HasSuffix(toks[i+1].Norm, "s") && c.Verbs.sLemma(toks[i+1].Norm) != toks[i+1].Norm:
				t.Tag, t.Lemma = "NN", t.Norm // "Suicide Bombing Kills Dozens": the gerund is the noun
				plural = false
				continue
			case t.Tag == "VBZ" && prev.IsNoun() && c.Verbs.sLemma(t.Norm) == t.Norm && i+1 < len(toks) && !toks[i+1].IsVerb() && !sForm(toks[i+1].Norm) && (c.Verbs.verbs[toks[i+1].Norm] != nil || happenings[toks[i+1].Norm]):
				// "Japan Citizens/VBZ Express/JJ Support": an -s form of no
				// event verb is the plural noun before the verb
				t.Tag, t.Lemma = "NNS", strings.TrimSuffix(t.Norm, "s")
				plural = false
				continue
			case t.IsVerb() || t.Tag == "MD" || t.Tag == "IN" && t.Norm != "of" || t.Tag == "TO" || isBoundary(t) && t.Norm != ",":
				// the headline's verb is read as one, or the noun phrase ends
			case t.Norm == "and" || t.Norm == "," || t.Norm == "of" || t.Tag == "DT" || t.Tag == "CD":
				plural = plural || t.Norm == "and" || t.Norm == ","
				if t.Norm == "of" && !headPl {
					headPl = pluralNoun(prev)
				}
				continue
			case !prev.IsNoun() && !(prev.Norm == "," && plural && toks[i-2].IsNoun()): // "Brazil, Indonesia, Announce"
				if t.IsNoun() || t.Tag == "JJ" {
					plural = plural && (prev.Norm == "and" || prev.Norm == ",")
					continue
				}
			default:
				form, lemma := "", ""
				if pl := plural || headPl || pluralNoun(prev) || prev.Norm == ","; pl && (c.Verbs.verbs[t.Norm] != nil || happenings[t.Norm]) && !sForm(t.Norm) {
					form, lemma = "VBP", t.Norm
				} else if !pl && sForm(t.Norm) {
					if l := c.Verbs.sLemma(t.Norm); l != t.Norm {
						form, lemma = "VBZ", l
					}
				}
				next := i + 1
				if form != "" && (next == len(toks) || !toks[next].IsVerb() && toks[next].Tag != "MD" && (!t.IsNoun() || c.Verbs.verbs[toks[next].Norm] == nil && c.Verbs.sLemma(toks[next].Norm) == toks[next].Norm)) {
					// not "Police Raid/NN Leaves 3 Dead": a noun compound before the verb
					t.Tag, t.Lemma = form, lemma
					break
				}
				if t.IsNoun() || t.Tag == "JJ" {
					plural = false
					continue // the noun phrase goes on: "Army Base", "Human Rights"
				}
			}
			break
		}
	}
}

// sForm reports whether w ends in an -s that may be a third-person or
// plural ending ("calls", not "express").
func sForm(w string) bool { return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") }

// pluralNoun reports whether a headline's noun is plural: tagged so, an
// -s form ("Rebels/NNP", not "Gas", "Status"), or a plural of its own
// ("police", "people", "gunmen", "children").
func pluralNoun(t *nlp.Token) bool {
	if !t.IsNoun() {
		return false
	}
	switch w := t.Norm; {
	case t.Tag == "NNS" || t.Tag == "NNPS", w == "police" || w == "people" || w == "children" || strings.HasSuffix(w, "men"):
		return true
	case strings.HasSuffix(w, "s"):
		return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "as")
	}
	return false
}

// trigger is one pattern match in a sentence.
type trigger struct {
	pat    *Pattern
	head   int   // token of the head word
	anchor int   // token whose subject is the source: the head, or a noun's light verb
	last   int   // last matched token
	toks   []int // matched tokens
	// nominal marks an event noun whose doer is named around it, with no
	// light verb ("Russia's attack on Ukraine"): nominalAgent
	nominal bool
	// occurs marks an event noun that is the subject of a verb of
	// happening ("Riots broke out across Kenya"): its doers are the
	// crowds or armed men of the place (occurDoer)
	occurs bool
}

const gapMax = 4

// npGapMax is the longer gap allowed when only a noun phrase's words stand
// between two words of a pattern ("lifted the pre-existing trade and
// travel restrictions").
const npGapMax = 6

func (c *Coder) triggers(s *nlp.Sentence, ps []actors.Phrase) []trigger {
	toks := s.Tokens
	var out []trigger
	used := make([]bool, len(toks))
	var bitsBuf [128]uint64 // on the stack for most sentences
	ahead := newSentenceBits(toks, bitsBuf[:0])
	for i := range toks {
		t := &toks[i]
		if used[i] {
			continue // part of an earlier pattern ("decline to comment")
		}
		headline := !t.IsVerb() && headlineVerb(toks, ps, i)
		hyphen := hyphenVerb(toks, ps, i)
		if t.IsVerb() && i > 0 && (toks[i-1].Norm == "a" || toks[i-1].Norm == "an") {
			continue // "an offer the students rejected": a noun the tagger read as a verb
		}
		if !t.IsVerb() && !(t.Tag == "NN" && i > 0 && toks[i-1].Norm == "to") && !headline && !hyphen {
			continue
		}
		lemma := t.Lemma
		if (headline && (t.Tag == "JJ" || t.Tag == "NN" || t.Tag == "NNS") || t.IsVerb()) && c.Verbs.verbs[lemma] == nil { // "Japan lifts/JJ sanctions", "India condemns/NN Pakistan", "NATO imposed/JJ sanctions"; a verb the lemmatizer does not know ("unblocked")
			lemma = c.Verbs.sLemma(t.Norm)
		}
		cands := c.Verbs.verbs[lemma]
		if cands == nil || attributive(toks, i) && phraseEndingAt(ps, i-1) == nil || nominalGerund(toks, i) || crowdParticiple(toks, ps, i) || roleGerund(toks, i) || planContent(toks, i) {
			continue // no pattern has this head, or the word is no verb of the sentence
		}
		best, ok := bestMatch(cands, toks, i, ahead)
		if fr, fok := frontedMatch(cands, toks, ps, i); fok && (!ok || len(best.pat.Rest) == 0) {
			best, ok = fr, true // "a curfew was imposed": the object before the passive verb
		}
		if ok && (!headline || len(best.pat.Rest) > 0 || objectNext(toks, ps, i) || headlineForm(toks, i) || pastOnly[t.Norm] ||
			t.Tag == "NNS" && c.Verbs.nouns[t.Norm] == nil && subjectBefore(toks, ps, i)) { // "Brazil ratifies/NNS treaty": no noun reading ("sanctions", "talks" have one)

			out = append(out, best)
			for _, k := range best.toks {
				used[k] = true
			}
		}
	}
	for i := range toks {
		t := &toks[i]
		if used[i] || !t.IsNoun() && !(t.Tag == "VBZ" || t.Tag == "JJ") && !gerundNoun(toks, i) {
			continue
		}
		cands := c.Verbs.nouns[t.Norm]
		if cands == nil {
			continue
		}
		best, ok := bestMatch(cands, toks, i, ahead)
		if !ok {
			continue
		}
		lv := lightVerb(toks, i)
		if lv >= 0 && used[lv] && !bareStatement(out, lv) {
			continue // the governing verb coded an event of its own
		}
		ov := -1
		if lv < 0 && !inPhrase(ps, i) {
			ov = happens(toks, best)
			if ov < 0 && headlineHappening(toks, ps, best) && !slices.ContainsFunc(out, func(o trigger) bool { return o.anchor > i }) {
				// "Deadly Protests in Kenya Over Tax Bill": the noun that opens
				// a headline, with its place, and no event verb after it
				// ("Gas Attack in Jerusalem Kills Scores" is the killing)
				ov = best.head
			}
		}
		if lv < 0 && ov < 0 {
			lv = headlineOn(toks, ps, best)
		}
		head := i
		if n := len(best.toks); n > 1 && best.toks[n-1] == i+n-1 && violentRoots[cameo.Root(best.pat.Code)] &&
			!slices.ContainsFunc(best.toks, func(k int) bool { return !toks[k].IsNoun() }) {
			head = best.toks[n-1] // "an Israeli air strike": a compound's head is its last noun
		}
		if lv < 0 && ov < 0 && !(i+1 < len(toks) && toks[i+1].Norm == "between") && (inPhrase(ps, i) || !nominalAgent(toks, ps, head)) {
			continue
		}
		switch {
		case lv >= 0:
			best.anchor = lv
		case ov >= 0:
			best.anchor, best.occurs = ov, true
			used[ov] = true
		case !(i+1 < len(toks) && toks[i+1].Norm == "between"):
			best.nominal = true
		}
		if negatedNoun(toks, i) {
			best.anchor = i // "no talks": handled as negation at the noun
		}
		out = append(out, best)
		for _, k := range best.toks {
			used[k] = true
		}
	}
	// deverbal nouns with their doer named ("Russia's invasion of
	// Ukraine", "the arrest of Sonko by police"): the verb's patterns
	for i := range toks {
		t := &toks[i]
		if used[i] || !t.IsNoun() {
			continue
		}
		verb, ok := deverbal[t.Norm]
		if !ok || inPhrase(ps, i) {
			continue
		}
		// "announced the release of two Kuwaiti nationals", "ordered the
		// arrest of the editor": the governing verb's subject does it
		lv := lightVerb(toks, i)
		if lv >= 0 && (used[lv] && !bareStatement(out, lv) || !deverbalGovernors[toks[lv].Lemma] || ofPhrase(toks, ps, i, true) == nil) {
			lv = -1
		}
		if lv < 0 && !nominalAgent(toks, ps, i) {
			continue
		}
		cands := c.Verbs.verbs[verb]
		if cands == nil {
			continue
		}
		if best, ok := bestMatch(cands, toks, i, ahead); ok {
			if lv >= 0 {
				best.anchor = lv
			} else {
				best.nominal = true
			}
			out = append(out, best)
			for _, k := range best.toks {
				used[k] = true
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].anchor < out[j].anchor })
	return out
}

// happens returns the verb of happening whose subject is the protest or
// violence noun the trigger matched ("Riots broke out", "fighting erupted",
// "protests spread"), or -1. Only the noun's own sentence subject counts:
// the noun begins the clause (after a determiner or adjectives).
func happens(toks []nlp.Token, tr trigger) int {
	if r := cameo.Root(tr.pat.Code); r != "14" && r != "18" && r != "19" && r != "20" {
		return -1
	}
	for k := tr.head - 1; k >= 0; k-- {
		if clauseOpeners[toks[k].Norm] && isHeadline(toks) {
			break // "Demonstrators Unite across Mexico as Protests Spread": the noun opens its clause
		}
		if t := toks[k].Tag; t != "DT" && t != "JJ" && t != "NNP" && t != "NN" && t != "CD" && t != "," {
			return -1 // "police broke up protests": the noun is an object
		}
	}
	j := tr.last + 1
	if j < len(toks) && toks[j].Norm == "between" {
		// "Fighting between the two sides erupted": past whom it is between
		for j++; j < len(toks) && j < tr.last+14 && !toks[j].IsVerb() && toks[j].Norm != "," && toks[j].Norm != ";"; j++ {
		}
	}
	for j < len(toks) && (toks[j].Tag == "RB" || toks[j].Tag == "MD" || toks[j].Lemma == "have") {
		j++
	}
	if j >= len(toks) || !toks[j].IsVerb() && !(toks[j].Tag == "NNS" || toks[j].Tag == "NN") {
		return -1
	}
	next := ""
	if j+1 < len(toks) {
		next = toks[j+1].Norm
	}
	switch lemma := toks[j].Lemma; {
	case happenings[lemma] && lemma != "break" && lemma != "take":
		return j
	case lemma == "break" && next == "out", lemma == "take" && next == "place":
		return j
	case toks[j].Norm == "breaks" && next == "out", toks[j].Norm == "erupts" || toks[j].Norm == "spreads" || toks[j].Norm == "rages":
		return j // a headline's verb read as a noun
	}
	return -1
}

// clauseOpeners are the conjunctions after which a protest or violence
// noun may open a clause of its own ("as protests spread").
var clauseOpeners = map[string]bool{"as": true, "while": true, "when": true, "after": true, "and": true, "but": true}

// colonSpeaker returns the actor that opens a headline before a colon,
// before token k ("Zelensky: Russia Must Withdraw Troops"), or nil.
func colonSpeaker(toks []nlp.Token, ps []actors.Phrase, k int) *actors.Phrase {
	if k < 0 || !isHeadline(toks) {
		return nil
	}
	for c := k - 1; c > 0; c-- {
		if toks[c].Norm == ":" {
			if p := phraseEndingAt(ps, c-1); p != nil && p.Tok0 == 0 {
				return p
			}
			return nil
		}
	}
	return nil
}

// headlineOn returns the "on" that stands for a headline's dropped verb
// between an actor and a strike ("Jailed Activist on Hunger Strike in
// Kenya": is on hunger strike), or -1.
func headlineOn(toks []nlp.Token, ps []actors.Phrase, tr trigger) int {
	if cameo.Root(tr.pat.Code) != "14" || !isHeadline(toks) || slices.ContainsFunc(toks, func(t nlp.Token) bool { return t.IsVerb() && t.Tag != "VBN" }) {
		return -1
	}
	k := tr.toks[0] - 1
	for k > 0 && toks[k].Tag == "JJ" {
		k--
	}
	if k < 1 || toks[k].Norm != "on" || phraseEndingAt(ps, k-1) == nil {
		return -1
	}
	return k
}

// headlineHappening reports whether the protest or violence noun the
// trigger matched opens a headline and is placed at once ("Riots in
// Karachi After Election", "Kenya: Clashes in Lagos Leave 5 Dead"): the
// headline tells that it happened there.
func headlineHappening(toks []nlp.Token, ps []actors.Phrase, tr trigger) bool {
	if r := cameo.Root(tr.pat.Code); r != "14" && r != "18" && r != "19" && r != "20" || !isHeadline(toks) {
		return false
	}
	for k := tr.head - 1; k >= 0 && toks[k].Norm != ":"; k-- {
		if t := toks[k].Tag; t != "DT" && t != "JJ" && t != "NNP" && t != "NN" && t != "CD" {
			return false
		}
	}
	j := tr.last + 1
	if j+1 >= len(toks) || toks[j].Norm != "in" && toks[j].Norm != "across" {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+3; k++ {
		if p := phraseStartingAt(ps, k); p != nil {
			return p.Head != nil && (p.Head.Kind == actors.Country || p.Head.Kind == actors.Capital)
		}
		if toks[k].Tag == "NNP" {
			return true // a city the gazetteer places
		}
		if toks[k].Tag != "DT" && toks[k].Tag != "JJ" {
			return false
		}
	}
	return false
}

// happenings are the verbs of which a protest or violence is the subject
// when it happens ("broke out", "erupted", "took place").
var happenings = map[string]bool{
	"erupt": true, "spread": true, "rage": true, "flare": true, "rock": true, "grip": true, "sweep": true,
	"continue": true, "resume": true, "intensify": true, "escalate": true, "break": true, "take": true,
}

// deverbalGovernors are the verbs whose subject does the act a deverbal
// noun after them names ("announced the release of", "ordered the arrest
// of", "began the withdrawal of"); not "ended", "called" or "declared" ("ended
// the occupation", "called the arrest illegal").
var deverbalGovernors = map[string]bool{
	"announce": true, "order": true, "begin": true, "start": true, "launch": true, "conduct": true,
	"carry": true, "complete": true, "resume": true, "continue": true, "undertake": true, "mount": true,
	"unleash": true, "perform": true, "stage": true,
}

// ofPhrase returns the actor after "of" that the noun at i governs, past
// determiners, adjectives, numbers and, when possessives, possessive
// pronouns ("the release of two Kuwaiti nationals"), or nil ("the release
// of its annual report").
func ofPhrase(toks []nlp.Token, ps []actors.Phrase, i int, possessives bool) *actors.Phrase {
	if i+1 >= len(toks) || toks[i+1].Norm != "of" {
		return nil
	}
	for j := i + 2; j < len(toks) && j <= i+5; j++ {
		if p := phraseStartingAt(ps, j); p != nil {
			return p
		}
		if t := toks[j].Tag; t != "DT" && t != "JJ" && t != "CD" && !(possessives && t == "PRP$") {
			return nil
		}
	}
	return nil
}

// intransitiveNouns are event nouns whose "of" names their doer, not what
// is done to someone ("the withdrawal of Russian forces", "the visit of the
// Chinese president"; but "the arrest of the editor").
var intransitiveNouns = map[string]bool{
	"withdrawal": true, "pullout": true, "pull-out": true, "retreat": true, "visit": true, "arrival": true,
	"resignation": true, "departure": true,
}

// ofAgent returns the doer named after "of" by an intransitive event noun
// at i, or nil.
func ofAgent(toks []nlp.Token, ps []actors.Phrase, i int) *actors.Phrase {
	if !intransitiveNouns[toks[i].Norm] {
		return nil
	}
	return ofPhrase(toks, ps, i, false) // "the withdrawal of their forces" is not named
}

// nominalSource returns the actor named before the event noun at i, as a
// possessive or a modifier ("Russia's attack", "the Hamas attack", "a
// Russian missile attack"), or nil.
func nominalSource(toks []nlp.Token, ps []actors.Phrase, i int) *actors.Phrase {
	if p := ofAgent(toks, ps, i); p != nil {
		return p // "the withdrawal of Russian forces"
	}
	k := modifiersStart(toks, ps, i) - 1
	if k >= 1 && toks[k].Tag == "POS" {
		return phraseEndingAt(ps, k-1)
	}
	if k >= 0 {
		if p := phraseEndingAt(ps, k); p != nil && p.Head.Kind != actors.Capital {
			return p
		}
	}
	return nil
}

// modifiersStart returns the first of the adjectives and the one noun that
// modify the event noun at i ("latest" in "Russia's latest attack",
// "missile" in "a Russian missile attack"), i if none.
func modifiersStart(toks []nlp.Token, ps []actors.Phrase, i int) int {
	k := i - 1
	for k >= 0 && (toks[k].Tag == "JJ" || toks[k].Tag == "NN" && k == i-1 && !inPhrase(ps, k)) {
		k--
	}
	return k + 1
}

// deverbal maps event nouns to their verbs, for nominal events whose doer is
// named (nominalAgent).
var deverbal = map[string]string{
	"attack": "attack", "attacks": "attack", "invasion": "invade", "expulsion": "expel",
	"criticism": "criticize", "condemnation": "condemn", "killing": "kill", "killings": "kill",
	"arrest": "arrest", "arrests": "arrest", "detention": "detain", "abduction": "abduct",
	"kidnapping": "kidnap", "assassination": "assassinate", "execution": "execute",
	"deportation": "deport", "annexation": "annex", "occupation": "occupy", "seizure": "seize",
	"visit": "visit", "withdrawal": "withdraw", "bombing": "bomb", "shelling": "shell",
	"recognition": "recognize", "offensive": "attack", "counteroffensive": "attack",
	"raid": "raid", "raids": "raid", "blockade": "blockade", "crackdown": "crack",
	"rejection": "reject", "release": "release", "massacre": "massacre", "bombardment": "bombard",
}

// nominalAgent reports whether the event noun at i has its doer named, as a
// possessive ("Russia's attack on"), an actor before it ("the Hamas
// attack", "a Russian missile attack") or a by-agent after it ("the arrest
// of Sonko by police"), and is told as having happened: not the object of a
// demand, a plan, a fear or a refusal ("demanded Russia's withdrawal").
func nominalAgent(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	if stateNouns[toks[i].Norm] {
		return false // "the Vietnam War", "the Syria conflict": a state of affairs
	}
	if i+1 < len(toks) && toks[i+1].IsNoun() && !inPhrase(ps, i+1) {
		return false // "the UN's sanctions list": a modifier
	}
	named := false
	k := modifiersStart(toks, ps, i) - 1
	if ofAgent(toks, ps, i) != nil {
		named = true // "the withdrawal of Russian forces": the determiner and governor checks below
	} else if src := nominalSource(toks, ps, i); src != nil {
		named = true
		possessive := toks[src.Tok1].Tag == "POS"
		k = src.Tok0 - 1
		// a particular event: "the Hamas attack", not "extremist attacks"
		if !possessive && k >= 0 && toks[k].Tag != "DT" && toks[k].Tag != "PRP$" && toks[k].Norm != "," && toks[k].Norm != ":" {
			return false
		}
	} else if k >= 0 && toks[k].Tag == "DT" {
		k-- // "the arrest of ... by police"
	}
	if k >= 0 && toks[k].Tag == "DT" {
		k--
	}
	if k >= 0 {
		switch toks[k].Norm {
		case "in", "by", "during", "with", "amid", "of", "about":
			if !(toks[k].Norm == "in" && k > 0 && deaths[toks[k-1].Lemma]) {
				return false // "killed in an attack by rebels": the verb's event
			}
			// "died in a Saudi air strike": dying is no event, the strike is
		}
	}
	if !named {
		by := -1
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			if toks[j].IsVerb() || isBoundary(&toks[j]) {
				break // "the arrest has been condemned by the party": the verb's agent
			}
			if toks[j].Norm == "by" {
				by = j
				break
			}
		}
		if by < 0 || phraseStartingAt(ps, by+1) == nil && !(by+2 < len(toks) && toks[by+1].Tag == "DT" && phraseStartingAt(ps, by+2) != nil) {
			return false
		}
	}
	// the governing verb, if any, before the determiner
	for ; k >= 0 && k >= i-8; k-- {
		t := &toks[k]
		if t.IsVerb() {
			return !irrealisGovernors[t.Lemma]
		}
		if t.Norm == "," || t.Norm == ";" {
			return true
		}
	}
	return true
}

// stateNouns are event nouns that name a state of affairs, not an event.
var stateNouns = map[string]bool{
	"war": true, "wars": true, "conflict": true, "conflicts": true, "crisis": true, "dispute": true,
	"disputes": true, "tensions": true, "tension": true, "occupation": true, "relations": true,
}

// irrealisGovernors take a nominal event that has not happened ("demanded
// the withdrawal", "feared an attack", "rejected the release").
var irrealisGovernors = map[string]bool{
	"demand": true, "call": true, "urge": true, "seek": true, "want": true, "propose": true,
	"plan": true, "reject": true, "refuse": true, "oppose": true, "deny": true, "fear": true,
	"threaten": true, "warn": true, "prevent": true, "avert": true, "avoid": true, "block": true,
	"expect": true, "prepare": true, "consider": true, "discuss": true, "request": true,
	"push": true, "press": true, "insist": true, "ask": true, "vow": true, "pledge": true,
	"promise": true, "agree": true, "order": true, "authorize": true, "approve": true,
}

// isStatement reports whether a trigger is a bare statement verb ("said"),
// which codes a sentence only when nothing else in it does.
func isStatement(tr trigger) bool {
	return cameo.Root(tr.pat.Code) == "01" && len(tr.pat.Rest) == 0
}

// bareStatement reports whether the trigger headed at token k is a bare
// statement ("announced a suspension": the noun is the event).
func bareStatement(trs []trigger, k int) bool {
	for _, tr := range trs {
		if tr.head == k {
			return isStatement(tr)
		}
	}
	return false
}

// bestMatch returns the first of cands (sorted longest first, then in
// dictionary order) whose words follow token i.
func bestMatch(c *candidates, toks []nlp.Token, i int, bits sentenceBits) (trigger, bool) {
	if c == nil {
		return trigger{}, false
	}
	var win uint64 // the words after i, up to the next boundary
	if i+1 < len(bits.ahead) {
		win = bits.ahead[i+1]
	}
	near := bits.near(i) // the words where a pattern's next word may stand
	ps, first := c.pats, c.first
	if near&c.nextBits == 0 {
		// no pattern's second word is near: only the head-only patterns,
		// sorted last, can match
		ps, first = ps[c.bare:], first[c.bare:]
	}
	for j, p := range ps {
		if f := first[j]; f != 0 && near&f == 0 || !mayFollow(p, win) {
			continue
		}
		if m, ok := matchRest(p, toks, i); ok {
			return trigger{pat: p, head: i, anchor: i, toks: m, last: m[len(m)-1]}, true
		}
	}
	return trigger{}, false
}

// mayFollow reports whether the words of win (sentenceBits.ahead) may hold each
// word that p needs after its head.
func mayFollow(p *Pattern, win uint64) bool {
	for _, m := range p.need {
		if win&m == 0 {
			return false
		}
	}
	return true
}

// sentenceBits sums up a sentence's words for bestMatch's prefilters:
// tok[k] holds the wordBits of token k's norm and lemma (0 for a
// boundary, isBoundary), ahead[k] those of the tokens from k up to the next
// boundary, which is as far as matchRest looks.
type sentenceBits struct{ tok, ahead []uint64 }

func newSentenceBits(toks []nlp.Token, buf []uint64) sentenceBits {
	n := len(toks)
	buf = slices.Grow(buf[:0], 2*n)[:2*n]
	b := sentenceBits{tok: buf[:n], ahead: buf[n:]}
	var m uint64
	for k := n - 1; k >= 0; k-- {
		t := &toks[k]
		var w uint64
		if isBoundary(t) && !labelQuote(toks, k) {
			m = 0
		} else {
			w = wordBit(t.Norm)
			if t.Lemma != t.Norm {
				w |= wordBit(t.Lemma)
			}
			m |= w
		}
		b.tok[k], b.ahead[k] = w, m
	}
	return b
}

// near returns the wordBits of the tokens where matchRest looks for a
// pattern's word after the head at i: within gapMax+1 tokens, before a
// boundary.
func (b sentenceBits) near(i int) uint64 {
	var m uint64
	for k := i + 1; k <= i+npGapMax+1 && k < len(b.tok) && b.tok[k] != 0; k++ {
		m |= b.tok[k]
	}
	return m
}

// inPhrase reports whether token i is in an actor phrase.
func inPhrase(ps []actors.Phrase, i int) bool {
	for k := range ps {
		if ps[k].Tok0 <= i && i < ps[k].Tok1 {
			return true
		}
	}
	return false
}

// frontedMatch matches a verb-and-object pattern to a passive verb at i
// whose object is its subject, before the auxiliary ("a nationwide curfew
// was imposed", "new sanctions were imposed on Iran"): the object within a
// few words before "was", "were", "been" or "be".
func frontedMatch(c *candidates, toks []nlp.Token, ps []actors.Phrase, i int) (trigger, bool) {
	if c == nil || i < 1 || toks[i].Tag != "VBN" && !headlineParticiple(toks, ps, i) {
		return trigger{}, false
	}
	aux := i - 1
	if toks[aux].Tag == "RB" {
		aux--
	}
	if aux < 0 {
		return trigger{}, false
	}
	switch toks[aux].Norm {
	case "was", "were", "been", "be", "is", "are", "being":
	default:
		if !toks[aux].IsNoun() || !isHeadline(toks) {
			return trigger{}, false
		}
		aux = i // a headline drops the auxiliary: "Curfew Imposed in Kabul"
	}
	for _, p := range c.pats {
		if len(p.Rest) != 1 {
			continue
		}
		for k := aux - 1; k >= 0 && k >= aux-5; k-- {
			t := &toks[k]
			if isBoundary(t) || t.IsVerb() || t.Norm == "," {
				break
			}
			if t.IsNoun() && wordIs(t, p.Rest[0]) {
				return trigger{pat: p, head: i, anchor: i, toks: []int{k, i}, last: i}, true
			}
		}
	}
	return trigger{}, false
}

// headlineParticiple reports whether the past tense at i is a headline's
// passive participle with its auxiliary dropped ("Curfew Lifted in Manila",
// read as "curfew lifted/VBD"): the sentence's first verb, right after a
// noun that is no actor, with no object after it.
func headlineParticiple(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	return toks[i].Tag == "VBD" && toks[i-1].IsNoun() && !inPhrase(ps, i-1) && headlinePast(toks, i)
}

// headlinePast reports whether the past form at i is the first verb of a
// headline, with no object after it ("Prisoners Freed in Egypt", "Four
// Found Guilty"): a headline tells the past in the present tense, so its
// past form is a participle whose "was" or "were" is dropped.
func headlinePast(toks []nlp.Token, i int) bool {
	if !isHeadline(toks) || slices.ContainsFunc(toks[:i], func(t nlp.Token) bool { return t.IsVerb() || t.Tag == "MD" }) {
		return false
	}
	if i+1 == len(toks) {
		return true
	}
	switch toks[i+1].Norm {
	case "that", "whether", "if", "because", "as", "while", "after", "before", "when":
		return false // "The US claimed that ...": a clause, not a passive's place
	}
	switch toks[i+1].Tag {
	case "IN", "TO", "RB", ",", ":":
		return true
	}
	return toks[i+1].Norm == "guilty" || toks[i+1].Norm == "dead" // "Found Guilty", "Shot Dead"
}

// npWord reports whether t may stand inside a noun phrase before its head
// ("the pre-existing trade and travel").
func npWord(t *nlp.Token) bool {
	switch t.Tag {
	case "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CC", "CD", "HYPH", "POS", "PRP$":
		return true
	}
	return false
}

// matchRest finds the words of p after token i, each within gapMax tokens
// of the one before and not across a boundary, and returns their tokens.
func matchRest(p *Pattern, toks []nlp.Token, i int) ([]int, bool) {
	var buf [8]int
	m := append(buf[:0], i)
	pos := i
	for _, alts := range p.Rest {
		found := -1
		np := true // the tokens passed are a noun phrase's
		for k := pos + 1; k <= pos+npGapMax+1 && k < len(toks); k++ {
			if isBoundary(&toks[k]) && !labelQuote(toks, k) {
				break
			}
			if k > pos+1 {
				np = np && npWord(&toks[k-1])
			}
			if k > pos+gapMax+1 && !np {
				break // past gapMax, only through a noun phrase
			}
			if wordIs(&toks[k], alts) && !(k > i+1 && timeAfter(toks, k)) {
				found = k
				break
			}
			if toks[k].Tag == "PRP" && k+1 < len(toks) && finite(&toks[k+1]) && refusals[toks[i].Lemma] {
				break // what is denied is a clause, not an object: "denied they had used live ammunition" is no "deny ammunition"
			}
		}
		if found < 0 && orderVerbs[toks[i].Lemma] && toks[pos].IsNoun() {
			found = orderedInfinitive(toks, pos, alts)
		}
		if found < 0 {
			return nil, false
		}
		m = append(m, found)
		pos = found
	}
	return slices.Clone(m), true
}

// orderedInfinitive returns the infinitive among alts that the object of
// an order ending at pos is told to do, past what describes the object
// ("ordered the French soldiers still stationed in the country to
// leave"), with no boundary or finite verb between; or -1.
func orderedInfinitive(toks []nlp.Token, pos int, alts []string) int {
	for k := pos + 1; k+1 < len(toks) && k <= pos+10; k++ {
		if isBoundary(&toks[k]) || finite(&toks[k]) {
			return -1
		}
		if toks[k].Norm == "to" && wordIs(&toks[k+1], alts) {
			return k + 1
		}
	}
	return -1
}

// timeAfter reports whether the preposition at k begins a time ("on
// Friday", "in March", "on the weekend"): it dates the clause and is no
// pattern's word ("called a meeting on Friday" is no call on anyone).
func timeAfter(toks []nlp.Token, k int) bool {
	if toks[k].Tag != "IN" || k+1 >= len(toks) {
		return false
	}
	j := k + 1
	if toks[j].Norm == "the" || toks[j].Norm == "this" || toks[j].Norm == "last" || toks[j].Norm == "next" {
		j++
	}
	return j < len(toks) && timeNouns[toks[j].Norm]
}

// timeNouns are the nouns of times of day, days and months.
var timeNouns = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, // "may" is a verb too
	"weekend": true, "morning": true, "afternoon": true, "evening": true, "night": true, "midnight": true, "dawn": true,
}

// refusals are the verbs whose pattern words are their objects ("deny
// weapons", "refuse aid"), never words of a clause they govern.
var refusals = map[string]bool{"deny": true, "refuse": true, "reject": true}

// finite reports whether t is a finite verb or a modal.
func finite(t *nlp.Token) bool {
	switch t.Tag {
	case "VBD", "VBP", "VBZ", "MD":
		return true
	}
	return false
}

func wordIs(t *nlp.Token, alts []string) bool {
	for _, a := range alts {
		if t.Norm == a || t.Lemma == a {
			return true
		}
	}
	return false
}

// headlineVerb reports whether the noun- or adjective-tagged word at i may be a verb in
// the present tense that the tagger misread, as headlines and leads write
// it ("China and Russia call on US to lift sanctions"): right after an
// actor. Only a pattern of more than one word is matched there, or one
// with an actor right after it (objectNext), or in a headline
// (headlineForm).
func headlineVerb(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	switch t := &toks[i]; {
	case i == 0:
		return false
	case t.Tag == "JJ": // a third-person or past form read as an adjective ("lifts", "imposed")
		s, ed := strings.HasSuffix(t.Norm, "s"), strings.HasSuffix(t.Norm, "ed")
		if !s && !ed || strings.HasSuffix(t.Norm, "ss") || strings.HasSuffix(t.Norm, "us") {
			return false
		}
	case t.Tag == "POS": // "Kenya, Germany Sign/POS": a verb after a name read as its possessive
		if t.Norm == "'s" || t.Norm == "'" || t.Norm == "s" || !isHeadline(toks) {
			return false
		}
	case t.Tag != "NN" && t.Tag != "NNS":
		return false
	}
	for k := range ps {
		if ps[k].Tok1 == i || ps[k].Tok1 == i-1 && headTitles[toks[i-1].Norm] || listEnd(toks, ps, &ps[k], i) {
			return true // "UN chief urges ceasefire", "Kenya, Germany Sign"
		}
	}
	// a headline whose subject is no actor ("Car Bomb in Istanbul Kills 44")
	if i+1 < len(toks) && toks[i].Tag == "NNS" && headlineForm(toks, i) && toks[i-1].IsNoun() && !slices.ContainsFunc(toks[:i], func(t nlp.Token) bool { return t.IsVerb() }) {
		switch toks[i+1].Tag {
		case "CD", "DT", "JJ", "NNP", "NNPS", "NNS", "JJR", "RBR":
			return true
		}
		if toks[i+1].Norm == "at" && i+2 < len(toks) && toks[i+2].Norm == "least" {
			return true // "Car Bomb Kills At Least 44"
		}
	}
	return false
}

// listEnd reports whether the actor phrase p closes a headline's list of
// actors written with commas only, the last comma kept before the verb at
// i ("Japan, Kenya, Sign Ceasefire").
func listEnd(toks []nlp.Token, ps []actors.Phrase, p *actors.Phrase, i int) bool {
	if p.Tok1 != i-1 || toks[i-1].Norm != "," || p.Tok0 < 2 || toks[p.Tok0-1].Norm != "," || phraseEndingAt(ps, p.Tok0-2) == nil {
		return false
	}
	return isHeadline(toks)
}

// subjectBefore reports whether the actor phrase that ends right before
// token i reads as a subject: it opens the sentence or a clause, not the
// object of a preposition or a determiner ("a rise in Russian attacks").
func subjectBefore(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	p := phraseEndingAt(ps, i-1)
	if p == nil || isPrepObject(toks, p) {
		return false
	}
	k := p.Tok0 - 1
	return k < 0 || toks[k].Norm == "," || toks[k].Norm == "and" || toks[k].Norm == "that" || toks[k].Norm == ":" || toks[k].Norm == "the" && (k == 0 || toks[k-1].Norm == ",")
}

// headlineForm reports whether the noun-tagged word at i, right after its
// subject, is a headline's verb in the present tense: in a short sentence
// without a final stop ("Brazil Leader Condemns Rights Violations"), a
// third-person form ("condemns") or a plain one after a plural subject
// ("Protesters Block Border").
func headlineForm(toks []nlp.Token, i int) bool {
	if i == 0 || !isHeadline(toks) {
		return false
	}
	t := &toks[i]
	if t.Tag == "NNS" {
		return strings.HasSuffix(t.Norm, "s") && !strings.HasSuffix(t.Norm, "ss")
	}
	return t.Tag == "NN" && (toks[i-1].Tag == "NNS" || toks[i-1].Tag == "NNPS")
}

// isHeadline reports whether a sentence reads as a headline: short, with
// no final stop.
func isHeadline(toks []nlp.Token) bool {
	if len(toks) == 0 || len(toks) > 20 {
		return false
	}
	switch toks[len(toks)-1].Norm {
	case ".", "!", "?", "...", "…", "\"", "'", ")", ":", ";", ",":
		return false
	}
	return true
}

// objectNext reports whether an actor follows token i, perhaps after "the"
// ("India condemns Pakistan", "Rebels attack the army"): the object that
// makes a headline's misread noun a verb.
func objectNext(toks []nlp.Token, ps []actors.Phrase, i int) bool {
	j := i + 1
	if j < len(toks) && toks[j].Norm == "the" {
		j++
	}
	for k := range ps {
		if ps[k].Tok0 == j {
			return true
		}
	}
	return false
}

// nominalGerund reports whether the -ing form at i is a noun ("after the
// museum shooting", "a deadly bombing"): a determiner or possessive before
// it, perhaps through one modifier; or the subject that opens a sentence
// ("Fighting broke out").
func nominalGerund(toks []nlp.Token, i int) bool {
	if toks[i].Tag != "VBG" {
		return false
	}
	if (i == 0 || i == 1 && toks[0].Tag == "NNP") && i+1 < len(toks) && toks[i+1].IsVerb() && toks[i+1].Tag != "VBG" {
		return true // "Fighting broke out", "Heavy shelling killed": the subject
	}
	if i == 0 && i+1 < len(toks) && toks[i+1].Norm == "between" {
		return true // "Fighting between the two sides erupted"
	}
	if i == 0 {
		return false
	}
	if i+1 < len(toks) {
		// an object follows a verb: "with the government accusing the rebels"
		switch next := &toks[i+1]; next.Tag {
		case "DT", "NNP", "NNPS", "PRP", "PRP$", "CD", "NN", "NNS", "JJ":
			if next.Norm != "last" && next.Norm != "this" && next.Norm != "earlier" {
				return false
			}
		}
	}
	det := func(t *nlp.Token) bool { return t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "POS" }
	if det(&toks[i-1]) {
		return true
	}
	if i < 2 || !det(&toks[i-2]) {
		return false
	}
	switch toks[i-1].Tag {
	case "JJ": // "a deadly bombing"
		return true
	case "NN":
		// "after the museum shooting last week", not "a statement calling
		// for talks" or "a declaration demanding that"
		return i+1 == len(toks) || isBoundary(&toks[i+1]) || toks[i+1].Norm == "last" || toks[i+1].Norm == "this"
	}
	return false
}

// planContent reports whether the verb at i is what a plan or deal would
// have happen ("a plan under which Hezbollah fighters would withdraw", "a
// deal whereby the rebels would disarm"): a proposal's terms, no event.
func planContent(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch t := &toks[k]; {
		case t.Norm == "whereby" || t.Norm == "which" && k > 0 && (toks[k-1].Norm == "under" || toks[k-1].Norm == "by"):
			return true
		case isBoundary(t) || t.Norm == "but" || t.Norm == "and" && k+1 < len(toks) && toks[k+1].Tag == "DT":
			return false
		}
	}
	return false
}

// roleGerund reports whether the -ing form at i says what someone's part
// was ("over his alleged role in supporting the rebels", "responsibility
// for attacking"): the act of whoever had the role, not the sentence's
// subject, and often only alleged.
func roleGerund(toks []nlp.Token, i int) bool {
	if toks[i].Tag != "VBG" || i < 2 || toks[i-1].Norm != "in" && toks[i-1].Norm != "for" {
		return false
	}
	switch toks[i-2].Norm {
	case "role", "involvement", "complicity", "part", "responsibility", "hand":
		return true
	}
	return false
}

// labelQuote reports whether the token at k is a quotation mark that
// opens what a verb of naming calls its object ("called the expulsions
// \"baseless\"", "branded the vote a \"farce\""): the label is the
// verb's, no quoted speech apart.
func labelQuote(toks []nlp.Token, k int) bool {
	if n := toks[k].Norm; n != "\"" && n != "“" || k == 0 || k+1 >= len(toks) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		t := &toks[j]
		if labelVerbs[t.Lemma] && t.IsVerb() {
			return j < k-1 // an object stands between
		}
		if t.IsVerb() || isBoundary(t) {
			return false
		}
	}
	return false
}

// labelVerbs name what their object is ("call it a farce").
var labelVerbs = map[string]bool{"call": true, "brand": true, "label": true, "describe": true, "deem": true, "term": true, "dub": true}

func isBoundary(t *nlp.Token) bool {
	switch t.Norm {
	case ",", ";", ":", ".", "--", "—", "(", ")", "\"":
		return true
	}
	return false
}

// attributive reports whether the participle at i modifies a noun ("reject
// proposed changes", "the alleged crimes") rather than stating an event.
func attributive(toks []nlp.Token, i int) bool {
	t := toks[i]
	if t.Tag != "VBN" && t.Tag != "VBD" || i+1 >= len(toks) || i == 0 {
		return false
	}
	next, prev := toks[i+1], toks[i-1]
	if !strings.HasPrefix(next.Tag, "NN") && next.Tag != "JJ" {
		return false
	}
	switch {
	case (prev.Norm == "both" || prev.Norm == "all" || prev.Norm == "each") && i >= 2 && (toks[i-2].Lemma == "have" || toks[i-2].Lemma == "be"):
		return false // "have both condemned Iran": a floating quantifier, not "the condemned man"
	case prev.Tag == "DT" || prev.Tag == "JJ" || prev.Tag == "PRP$" || prev.Tag == "IN" || prev.Tag == "POS":
		return true
	case prev.Tag == "CC" && i >= 2 && toks[i-2].IsNoun() && !slices.ContainsFunc(toks[:i-1], func(t nlp.Token) bool { return t.IsVerb() }):
		return true // "the government and armed supporters ... held", not "stormed the campus and arrested dozens"
	case prev.IsVerb() && prev.Lemma != "be" && prev.Lemma != "have" && prev.Lemma != "get":
		return true
	}
	return false
}

// lightVerbs take a nominal event as object: "held talks", "launched an air
// strike".
var lightVerbs = map[string]bool{
	"hold": true, "have": true, "begin": true, "start": true, "open": true, "resume": true,
	"conduct": true, "launch": true, "stage": true, "carry": true, "attend": true, "join": true,
	"host": true, "organize": true, "organise": true, "convene": true, "continue": true,
	"enter": true, "restart": true, "mount": true, "order": true, "announce": true, "make": true,
	"reach": true, "sign": true, "impose": true, "declare": true, "call": true, "stage-manage": true,
	"lead": true, "kick": true, "wrap": true, "end": true, "conclude": true, "complete": true,
	"undertake": true, "perform": true, "unleash": true, "execute": true, "take": true,
}

// lightVerb returns the token of the verb that governs the noun at i
// ("began [direct] talks"), or -1.
func lightVerb(toks []nlp.Token, i int) int {
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		t := toks[k]
		if t.IsVerb() {
			if (t.Lemma == "call" || t.Lemma == "declare") && labelled(toks, i) {
				return -1 // "called the expulsions \"baseless\"": a label for the noun, no event of it
			}
			if lightVerbs[t.Lemma] && t.Tag != "VBG" || lightVerbs[t.Lemma] && k > 0 && toks[k-1].Tag != "IN" {
				return k
			}
			if t.Lemma == "part" || t.Lemma == "be" {
				continue
			}
			return -1
		}
		switch {
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "POS" || t.Tag == "NNP" || t.Tag == "NN" || t.Tag == "HYPH" || t.Tag == "$":
		case t.Norm == "in" && k > 0 && toks[k-1].Norm == "part":
		case t.Norm == "part" || t.Norm == "-" || t.Tag == "RP" || t.Norm == "out" || t.Norm == "up":
		default:
			return -1
		}
	}
	return -1
}

// labelled reports whether the noun at i is followed by what it is called
// ("called the offensive \"a declaration of war\"", "called the strike
// illegal"): an object complement, not the noun's own event.
func labelled(toks []nlp.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	switch n := toks[i+1]; {
	case n.Norm == "\"" || n.Norm == "“" || n.Norm == "'" || n.Norm == "‘":
		return true
	case n.Tag == "JJ" && !strings.HasSuffix(n.Norm, "ed"):
		return true
	case n.Norm == "a" || n.Norm == "an":
		return true
	}
	return false
}

func negatedNoun(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Norm {
		case "no":
			return true
		}
		if toks[k].Tag != "JJ" && toks[k].Tag != "DT" {
			return false
		}
	}
	return false
}

func (c *Coder) codeSentence(doc *parley.Document, ref time.Time, s *nlp.Sentence, ps []actors.Phrase) []parley.Event {
	if len(ps) == 0 && !slices.ContainsFunc(s.Tokens, func(t nlp.Token) bool {
		return weapons[t.Norm] || crowds[t.Norm] || happenings[t.Lemma] || t.Norm == "people"
	}) {
		return nil // no actor, so no source (but a weapon's, a crowd's or a place's): nothing to code
	}
	trs := c.triggers(s, ps)
	if len(trs) == 0 {
		return nil
	}
	trs = absorbGovernors(s.Tokens, trs)
	dexprs := dates.Find(s.Text, ref)
	var out []parley.Event
	seen := map[string]bool{}
	// Statements code only a sentence in which nothing else is coded: "the
	// minister said troops attacked" is the attack.
	var real, said []trigger
	for _, tr := range trs {
		if isStatement(tr) {
			said = append(said, tr)
		} else {
			real = append(real, tr)
		}
	}
	for _, group := range [][]trigger{real, said} {
		if len(out) > 0 {
			break
		}
		out = c.codeTriggers(doc, ref, s, ps, group, trs, dexprs, seen)
	}
	return out
}

func (c *Coder) codeTriggers(doc *parley.Document, ref time.Time, s *nlp.Sentence, ps []actors.Phrase, group, trs []trigger, dexprs []dates.Expr, seen map[string]bool) []parley.Event {
	var out []parley.Event
	var attacks []parley.Event // the violent events and sanctions coded so far, by verbs before a participle
	for _, tr := range group {
		evs := c.events(doc, ref, s, ps, tr, trs, dexprs)
		if consequence(s.Tokens, tr) {
			// "launched drones at Ukraine, damaging energy facilities",
			// "clashed with the rebels, killing two of them": what the
			// attack did is the attack, not another event of its doer
			evs = slices.DeleteFunc(evs, func(ev parley.Event) bool {
				return violentRoot(ev.CAMEO) && slices.ContainsFunc(attacks, func(a parley.Event) bool {
					return code(a.Source) == code(ev.Source) && (ev.Target == nil || code(a.Target) == code(ev.Target))
				})
			})
		}
		for _, ev := range evs {
			if ev.Target == nil && cameo.Root(ev.CAMEO) == "11" && labelVerbs[s.Tokens[tr.head].Lemma] && tr.head+1 < len(s.Tokens) && s.Tokens[tr.head+1].Norm == "the" {
				ev.Rule += labelNote // "called the expulsions baseless": whose, resolved in Code
			} else if n := relativeActNoun(s.Tokens, ps, tr.head); ev.Target == nil && n != "" {
				ev.Rule += actRefOpen + n + "]" // "an offer the students rejected": whose, resolved in Code
			} else if n, at := actNounAfter(s.Tokens, tr.last); ev.Target == nil && n != "" {
				ev.Rule += actRefOpen + n + "]" // "condemned the arrests": whose, resolved in Code
			} else if n != "" && ev.Target.Span != nil && ev.Target.Span[0] >= s.Tokens[at].End {
				// "Iran condemned the strikes as a violation of Yemen's
				// sovereignty": the act's doer, not the actor named after it
				ev.Rule += actRefOpen + n + actRefOver + "]"
			} else if releaseCodes[ev.CAMEO] {
				ev.Rule += actRefOpen + "release]" // "demanded the release of the men": asked of who holds them
			}
			key := ev.CAMEO + "|" + code(ev.Source) + "|" + code(ev.Target)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, ev)
			if r := cameo.Root(ev.CAMEO); (r == "16" || r >= "18" && r <= "20") && !ev.Negated {
				attacks = append(attacks, ev) // ("imposed sanctions on Niger, cutting off electricity")
			}
		}
	}
	sameTarget(out)
	return out
}

// labelNote marks a criticism that labels an act named by a noun ("called
// the expulsions \"baseless\"") and names no one.
const labelNote = " [labels the act before]"

// labelledActs aims each criticism that labels an act ("Pakistan called
// the expulsions baseless") at whoever did the last conflictual act
// before it by another country or group: the act it labels.
func labelledActs(evs []parley.Event) {
	for i := range evs {
		ev := &evs[i]
		if !strings.HasSuffix(ev.Rule, labelNote) {
			continue
		}
		ev.Rule = strings.TrimSuffix(ev.Rule, labelNote)
		if ev.Source == nil {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			e := &evs[j]
			if e.Doc != ev.Doc || e.Source == nil || e.Source.Code == ev.Source.Code || e.Source.Country != "" && e.Source.Country == ev.Source.Country && e.Source.Sector == ev.Source.Sector {
				continue
			}
			if q := cameo.QuadClass(e.CAMEO); q < 3 {
				continue
			}
			t := *e.Source
			ev.Target = &t
			ev.Rule += " [what it labels: " + e.Source.Text + "'s act before]"
			break
		}
	}
}

// actRefOpen marks an event that names no one but acts on an earlier act
// named by a definite plural noun ("Belgrade condemned the arrests",
// "Caracas rejected the measures") or demands a release: the noun's word
// follows, and referredActs resolves it.
const actRefOpen = " [refers to: "

// actKinds are the definite plural nouns that refer back to acts, with the
// words of the patterns that name such acts.
var actKinds = map[string][]string{
	"arrests": {"arrest", "detain"}, "detentions": {"arrest", "detain"},
	"strikes": {"strike", "attack", "bomb"}, "airstrikes": {"strike", "attack", "bomb"}, "attacks": {"attack", "strike", "bomb"},
	"raids": {"raid"}, "bombings": {"bomb"}, "killings": {"kill"},
	"sanctions": {"sanction"}, "measures": {"sanction", "embargo", "tariff", "restrict"}, "restrictions": {"restrict", "sanction"},
	"tariffs": {"tariff"}, "expulsions": {"expel", "expulsion"}, "deportations": {"deport"},
	"release": {"arrest", "detain", "abduct", "kidnap", "seize", "capture", "jail", "imprison"},
}

// releaseCodes are demands and appeals for a release, made of whoever
// holds the people to be released.
var releaseCodes = map[string]bool{"1053": true, "0253": true}

// actRefOver marks an act reference that overrides a target named after
// the act's noun.
const actRefOver = "!"

// singularActs are the singular nouns that, after "that" or "this", refer
// back to one earlier act ("Yerevan has rejected that demand"), with the
// words of the patterns that name such acts.
var singularActs = map[string][]string{"demand": {"demand"}, "ultimatum": {"ultimatum", "demand"}, "offer": {"offer"}, "proposal": {"propos", "offer"}}

// relativeActNoun returns the singular act noun that the verb at head
// takes as its object in a relative clause without a pronoun ("an offer the
// students rejected"), or "".
func relativeActNoun(toks []nlp.Token, ps []actors.Phrase, head int) string {
	p := phraseEndingAt(ps, head-1)
	if p == nil {
		return ""
	}
	j := p.Tok0 - 1
	if j >= 0 && toks[j].Tag == "DT" {
		j--
	}
	if j >= 1 && singularActs[toks[j].Norm] != nil && (toks[j-1].Tag == "DT" || toks[j-1].Norm == ",") {
		return toks[j].Norm
	}
	return ""
}

// actNounAfter returns the plural act noun that is the definite object after
// the word at last ("the arrests", "the new sanctions"), or the singular one
// that the pattern ends with after "that" or "this" ("rejected that
// demand"), and its token; or "".
func actNounAfter(toks []nlp.Token, last int) (string, int) {
	if last > 0 && singularActs[toks[last].Norm] != nil && (toks[last-1].Norm == "that" || toks[last-1].Norm == "this") {
		return toks[last].Norm, last
	}
	k := last + 1
	if k >= len(toks) || toks[k].Norm != "the" {
		return "", 0
	}
	for k++; k < len(toks) && (toks[k].Tag == "JJ" || toks[k].Norm == "air"); k++ {
	}
	if k < len(toks) && toks[k].Tag == "NNS" && toks[k].Norm != "release" && actKinds[toks[k].Norm] != nil {
		return toks[k].Norm, k
	}
	return "", 0
}

// referredActs aims each event marked by actRefOpen at the doer of the
// latest earlier act of the document whose pattern names that kind of act
// ("Kosovo police arrested three Serbs. Belgrade condemned the arrests":
// at Kosovo's police), a doer other than the event's own; a demand for the
// release of people arrested before, at whoever arrested them.
func referredActs(evs []parley.Event) {
	for i := range evs {
		ev := &evs[i]
		rule, kind, ok := strings.Cut(ev.Rule, actRefOpen)
		if !ok {
			continue
		}
		kind = strings.TrimSuffix(kind, "]")
		kind, over := strings.CutSuffix(kind, actRefOver)
		ev.Rule = rule
		if ev.Source == nil || ev.Target != nil && kind != "release" && !over {
			continue
		}
		words := actKinds[kind]
		if words == nil {
			words = singularActs[kind]
		}
		for j := i - 1; j >= 0; j-- {
			e := &evs[j]
			if e.Doc != ev.Doc || e.Source == nil || e.Negated || e.Source.Code == ev.Source.Code || e.Source.Country != "" && e.Source.Country == ev.Source.Country && singularActs[kind] == nil {
				continue // (one offer or demand may be rejected at home: "an offer the students rejected")
			}
			if ev.Target != nil && !over && (e.Target == nil || e.Target.Code != ev.Target.Code) {
				continue // "demanded the release of the men": of the men arrested
			}
			pat := patternText(e.Rule)
			if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(pat, w) }) {
				continue
			}
			t := *e.Source
			ev.Target = &t
			if kind == "release" {
				ev.Rule += " [release asked of who held them: " + e.Source.Text + "]"
			} else {
				ev.Rule += " [the " + kind + " = " + e.Source.Text + "'s " + e.CAMEO + " before]"
			}
			break
		}
	}
}

// peaceWords are the nouns after "peace" that name a settlement between
// two parties ("a peace treaty", "peace talks").
var peaceWords = []string{"peace treaty", "peace deal", "peace agreement", "peace accord", "peace talks", "peace negotiations", "peace pact"}

// peacePartner aims an intent, consultation or agreement about peace that
// names no one else ("Baku was ready to sign a peace treaty") at the
// country its source has dealt with most in the document's earlier events:
// a peace is made with the other side.
func peacePartner(evs []parley.Event) {
	for i := range evs {
		ev := &evs[i]
		if ev.Target != nil || ev.Source == nil || ev.Source.Country == "" {
			continue
		}
		if r := cameo.Root(ev.CAMEO); r != "03" && r != "04" && r != "05" {
			continue
		}
		low := strings.ToLower(ev.Text)
		if !slices.ContainsFunc(peaceWords, func(w string) bool { return strings.Contains(low, w) }) {
			continue
		}
		count := map[string]int{}
		best := ""
		for j := 0; j < i; j++ {
			e := &evs[j]
			if e.Doc != ev.Doc || e.Source == nil || e.Target == nil {
				continue
			}
			other := ""
			switch {
			case e.Source.Country == ev.Source.Country:
				other = e.Target.Country
			case e.Target.Country == ev.Source.Country:
				other = e.Source.Country
			}
			if other == "" || other == ev.Source.Country {
				continue
			}
			count[other]++
			if best == "" || count[other] >= count[best] {
				best = other
			}
		}
		if best != "" {
			ev.Target = &parley.Actor{Code: best, Country: best}
			ev.Rule += " [peace with the other side: " + best + "]"
		}
	}
}

// patternText returns the pattern of a rule text ("arrest" in
// "17-coerce.txt:14 173: arrest [note]").
func patternText(rule string) string {
	if _, p, ok := strings.Cut(rule, ": "); ok {
		p, _, _ = strings.Cut(p, " [")
		return p
	}
	return ""
}

// sameTarget gives a measure against relations that names no one the
// country that an earlier measure of its sentence by the same source is
// aimed at ("India expelled two Pakistani diplomats and suspended
// cross-border trade"): one sanction after another against one state.
func sameTarget(evs []parley.Event) {
	for i := range evs {
		ev := &evs[i]
		if ev.Target != nil || cameo.Root(ev.CAMEO) != "16" || ev.Source == nil {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if e := &evs[j]; cameo.Root(e.CAMEO) == "16" && e.Target != nil && e.Target.Country != "" && code(e.Source) == code(ev.Source) && e.Target.Country != ev.Source.Country {
				ev.Target = &parley.Actor{Text: e.Target.Text, Code: e.Target.Country, Country: e.Target.Country, Span: e.Target.Span}
				ev.Rule += " [target: " + e.Target.Text + "'s country, as the measure before]"
				break
			}
		}
	}
}

// consequence reports whether the trigger is a participle that follows a
// comma ("shelled the city, killing five"): what the clause before did.
func consequence(toks []nlp.Token, tr trigger) bool {
	return toks[tr.head].Tag == "VBG" && tr.head > 0 && toks[tr.head-1].Norm == ","
}

// violentRoot reports whether a CAMEO code is coercion or violence (17-20).
func violentRoot(code string) bool {
	r := cameo.Root(code)
	return r >= "17" && r <= "20"
}

// absorbGovernors drops the triggers that only govern another event:
// "refused to meet" is one rejection (125), "threatened to attack" one
// threat (1384), "agreed to meet" one intent (036).
func absorbGovernors(toks []nlp.Token, trs []trigger) []trigger {
	gov := map[int]bool{}
	for _, tr := range trs {
		m, g := modalityOf(toks, tr.anchor)
		if g < 0 || coordinatedInfinitive(toks, tr.anchor) >= 0 {
			continue // "agreed to free the hostages and to open talks": the first infinitive decides
		}
		code := tr.pat.Code
		switch {
		case m == refused && refusalCode(code) != "",
			m == threat && threatCode(code) != code,
			m == intent && intentCode(code) != code,
			m == realis, m == ordered:
			gov[g] = true
		}
	}
	if len(gov) == 0 {
		return trs
	}
	out := trs[:0:0]
	for _, tr := range trs {
		if !gov[tr.head] {
			out = append(out, tr)
		}
	}
	return out
}

func code(a *parley.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// events builds the events of one trigger: one per source and target pair.
func (c *Coder) events(doc *parley.Document, ref time.Time, s *nlp.Sentence, ps []actors.Phrase, tr trigger, all []trigger, dexprs []dates.Expr) []parley.Event {
	toks := s.Tokens
	evCode := tr.pat.Code
	rule := tr.pat.Rule()

	fronted := len(tr.toks) > 1 && tr.toks[0] < tr.head // frontedMatch: a passive
	passive := fronted || isPassive(toks, tr.anchor) || reducedPassive(toks, ps, tr.anchor, tr.last)
	if !passive && (toks[tr.anchor].Tag == "VBD" || toks[tr.anchor].Tag == "VBN") && tr.anchor == tr.head && tr.anchor > 0 && (toks[tr.anchor-1].IsNoun() || toks[tr.anchor-1].Tag == "CD") &&
		headlinePast(toks, tr.anchor) && byAgent(toks, ps, tr.last) == nil && stateDoer(toks, ps, tr, evCode) != nil {
		// "Egypt: Activists Detained Ahead of Vote", "Prisoners Freed in
		// Amnesty": a headline's participle with its "were" dropped, done
		// by the state, as the passive without an agent is
		passive = true
	}
	var srcs, tgts []*actors.Phrase
	var notes []string
	subj := subject(toks, ps, tr.anchor)
	if tr.occurs && tr.last+1 < len(toks) && toks[tr.last+1].Norm == "between" {
		subj = nil // "Fighting between X and Y broke out": X and Y, found below
	}
	if tr.occurs {
		// "police fired tear gas as protests spread": no actor before the
		// clause the event noun opens does it
		for k := tr.head - 1; k >= 0; k-- {
			if clauseOpeners[toks[k].Norm] {
				subj = slices.DeleteFunc(subj, func(p *actors.Phrase) bool { return p.Tok0 < k })
				break
			}
		}
	}
	if passive && toks[tr.anchor].Tag == "VBN" && tr.anchor > 0 {
		if p := phraseEndingAt(ps, tr.anchor-1); p != nil && (len(subj) == 0 || subj[len(subj)-1] != p) {
			// "called for the release of journalists detained by the
			// Taliban": the noun the participle follows is what it was
			// done to, even as the object of a preposition
			subj = []*actors.Phrase{p}
		}
	}
	by := byAgent(toks, ps, tr.head) // "attacked by X with machetes"
	if by == nil {
		by = byAgent(toks, ps, tr.last)
	}
	if tr.pat.Received {
		// "Kyiv received weapons from Washington"
		if from := fromAgent(toks, ps, tr.last); from != nil && !passive {
			srcs, tgts = []*actors.Phrase{from}, subj
			notes = append(notes, "received: source is the actor after from")
			if forceRoots[cameo.Root(evCode)] && from.Sector != "" && !armed[from.Sector] {
				// "the deal came under fire from rights groups": words
				evCode = "111"
				notes = append(notes, "figurative: criticism by an unarmed actor")
			}
		}
	} else if passive {
		if fronted && !inPhrase(ps, tr.toks[0]) {
			// "sanctions were imposed on Iran": the subject is the
			// pattern's object; the target follows the verb (but "soldiers
			// were killed": the soldiers are the target)
			subj = nil
			if t := object(toks, ps, tr, all, 0); t != nil && t != by {
				subj = []*actors.Phrase{t}
			}
		}
		if by != nil {
			srcs = []*actors.Phrase{by}
			tgts = subj
			notes = append(notes, "passive: source is the by-agent")
		} else if o := owner(toks, ps, tr); o != nil {
			// "UN sanctions against Iran were lifted": whose sanctions
			// they are lifts them, on whom they are aimed
			srcs = []*actors.Phrase{o}
			if t := aimOf(toks, ps, tr.toks[0]); t != nil {
				subj = []*actors.Phrase{t}
			}
			tgts = subj
			notes = append(notes, "passive: source is whose "+toks[tr.toks[0]].Norm+" they are")
		} else if r := cameo.Root(evCode); r == "16" || strings.HasPrefix(evCode, "174") {
			if f := agentAfter(toks, ps, tr.head, "from", 4, true); isIGO(f) {
				// "Guinea was suspended from the African Union", "Russia
				// was expelled from the Council of Europe": by the
				// organisation, which cuts its ties (160) with the member
				srcs, tgts = []*actors.Phrase{f}, subj
				if r != "16" && c.known("160") {
					evCode = "160"
				}
				notes = append(notes, "passive: suspended or expelled from "+f.Text)
			}
		}
	} else if nominal := tr.nominal; nominal && nominalSource(toks, ps, tr.head) != nil {
		// "Russia's attack on Ukraine", "the Hamas attack on Israel"
		src := nominalSource(toks, ps, tr.head)
		srcs = []*actors.Phrase{src}
		start := 0
		if src.Tok0 > tr.head {
			start = src.Tok1 // "the withdrawal of Russian forces from Kherson": after the doer
		}
		if t := object(toks, ps, tr, all, start); t != nil && t != src {
			tgts = []*actors.Phrase{t}
		}
	} else if nominal {
		// "the arrest of Sonko by police": found below from the by-agent
	} else {
		srcs = subj
		t := object(toks, ps, tr, all, 0)
		if t != nil && len(subj) > 0 && t.Tok1 <= tr.last && t.Tok1 < len(toks) && (toks[t.Tok1].IsVerb() || toks[t.Tok1].Tag == "MD") && toks[t.Tok0].Tag == "PRP" && t.Head == subj[0].Head && t.Country == subj[0].Country && t.Sector == subj[0].Sector {
			// "the US claimed that they had attacked Iraq": a pronoun inside
			// the pattern that is its clause's subject is the subject
			// again; the target comes after it
			t = object(toks, ps, tr, all, t.Tok1)
		}
		if t != nil && cameo.Root(tr.pat.Code) == "15" && len(subj) > 0 && t.Head.Kind == actors.Agent && (t.Country == "" || t.Country == subj[0].Country) {
			// "Britain mobilized army reservists for a war against Iraq":
			// the forces moved are the subject's own; the target is later.
			t = object(toks, ps, tr, all, t.Tok1)
		}
		if q := seller(toks, ps, t); q != nil {
			// "signed a deal to buy fighter jets from France": the
			// weapons are goods, not France's forces; France sells them
			t = q
		}
		if t != nil && cameo.Root(tr.pat.Code) == "11" && after(toks, t, "to") {
			// "complained to the United Nations over Israeli air raids":
			// whom the complaint is about, not whom it is made to
			if u := aboutActor(toks, ps, t.Tok1); u != nil {
				t = u
			}
		}
		if t != nil && cameo.Root(tr.pat.Code) == "14" && isLocative(toks, t) {
			// "rallied in Madrid against Maduro": the protest's place, then
			// whom it is against
			if u := object(toks, ps, tr, all, t.Tok1); u != nil && !isLocative(toks, u) && aimedAt(toks, u) {
				t = u
			}
		}
		if t != nil && t.Pair != nil {
			tgts = []*actors.Phrase{t, t.Pair}
		} else if t != nil {
			tgts = append([]*actors.Phrase{t}, conjoined(toks, ps, t)...)
		}
	}
	if tr.pat.Member && (len(srcs) == 0 || !isIGO(srcs[0]) || len(tgts) == 0 || possessed(toks, tgts[0])) {
		// an "igo:" pattern is an organisation acting on a member: a bare
		// "igo:suspend" is an organisation suspending a member
		// ("ECOWAS suspended Niger", "Mali was suspended from the African
		// Union"); what else is suspended (a law, a newspaper, flights)
		// is no reduction of relations, nor is suspending a member's
		// funds ("the EU suspended Hungary's funds")
		return nil
	}
	if len(srcs) == 0 && (toks[tr.head].IsNoun() || tr.occurs) {
		// "talks between X and Y", "clashes erupted between X and Y"
		after := tr.last
		if tr.occurs {
			after = tr.anchor
			if after+1 < len(toks) && (toks[after+1].Norm == "out" || toks[after+1].Norm == "place" || toks[after+1].Norm == "up") {
				after++
			}
		}
		a, b := between(toks, ps, after)
		if a == nil && after != tr.last {
			a, b = between(toks, ps, tr.last) // "fighting between X and Y erupted"
		}
		if a != nil {
			srcs, tgts = []*actors.Phrase{a}, []*actors.Phrase{b}
		} else if nb := agentAfter(toks, ps, tr.head, "by", 8, false); nb != nil && tr.nominal {
			// "the arrest of opposition leader Sonko by police": the
			// by-agent does it, to the object before it
			srcs = []*actors.Phrase{nb}
			if t := object(toks, ps, tr, all, 0); t != nil && t != nb {
				tgts = []*actors.Phrase{t}
			}
			notes = append(notes, "nominal: source is the by-agent")
		}
	}
	if len(srcs) == 0 && passive && cameo.Root(evCode) == "15" && len(subj) > 0 && armed[subj[0].Sector] {
		// "Troops deployed to southern Indonesia", "Kenyan police were sent
		// to the border": armed men deployed are their state's deployment
		srcs = subj[:1]
		if t := object(toks, ps, tr, all, 0); t != nil && t != subj[0] {
			tgts = []*actors.Phrase{t} // where they are sent
		}
		notes = append(notes, "armed men deployed: their own deployment")
	}
	if len(srcs) == 0 {
		// "a car bomb killed 12", "killed by a roadside bomb": the weapon's
		// unidentified users (UAF) of the place, filled in by Code
		w, weapon := fromPlaceDoer(toks, ps, tr, passive, evCode, by), []string(nil)
		if w == nil {
			w, weapon = weaponDoer(toks, ps, tr, passive, evCode)
		}
		if bc := bombingCode(weapon); bc != "" && bombable[evCode] && c.known(bc) {
			notes = append(notes, "a bombing: "+strings.Join(weapon, " "))
			evCode = bc
		}
		if w == nil && passive {
			w = stateDoer(toks, ps, tr, evCode)
		}
		if w == nil && !passive {
			w = crowdDoer(toks, ps, tr, evCode)
		}
		if w == nil && tr.occurs {
			w = occurDoer(toks, ps, tr, evCode)
		}
		if w == nil {
			return nil
		}
		srcs = []*actors.Phrase{w}
		if passive {
			tgts = slices.DeleteFunc(slices.Clone(subj), func(p *actors.Phrase) bool { return p == w }) // not the weapon's user found as the object
			if w.Head == nil && w.Sector != "UAF" && len(subj) > 0 && subj[len(subj)-1].Tok1 < tr.head-3 {
				tgts = nil // "police said 100 people were arrested": not the police
			}
			if len(tgts) == 0 && toks[tr.head].Lemma == "extradite" {
				// "was extradited to India from the UAE": to the state
				// that receives him
				if t := agentAfter(toks, ps, tr.head, "to", 6, true); t != nil && t.Country != w.Country {
					tgts = []*actors.Phrase{t}
				}
			}
			if w.Sector == "UAF" && w.Head == nil && w.Country != "" {
				// "rockets were fired at Israel from Lebanon", "Israel said a
				// mortar bomb was fired at it": what it was fired at
				if t := object(toks, ps, tr, all, 0); t != nil && t.Tok0 < w.Tok0 {
					tgts = []*actors.Phrase{t}
				}
				tgts = slices.DeleteFunc(slices.Clone(tgts), func(t *actors.Phrase) bool { return t.Tok0 == w.Tok0 }) // not the place it came from
			}
		}
		switch {
		case w.Sector == "UAF" && w.Head == nil && w.Country != "":
			notes = append(notes, "done from "+w.Text+": its unidentified armed force")
		case w.Sector == "UAF" && w.Head == nil:
			notes = append(notes, "done by "+w.Text+": an unidentified armed force")
		case w.Head == nil && (w.Sector == "COP" || w.Sector == "GOV"):
			notes = append(notes, "passive without an agent: done by the state ("+w.Sector+") of the place")
		case w.Head == nil && w.Sector == "CVL":
			notes = append(notes, "a crowd: civilians of the place")
		default:
			notes = append(notes, "the weapon's user: "+w.Text)
		}
	}

	if toks[tr.head].Lemma == "be" && cameo.Root(evCode) == "11" && slices.ContainsFunc(tr.toks, func(k int) bool { return toks[k].Norm == "behind" }) {
		// "the Kremlin said Ukraine was behind the attack": the speaker
		// accuses the clause's subject; told by no one, it is no
		// accusation
		sp := speaker(toks, tr.head)
		if sp < 0 {
			return nil
		}
		by := subject(toks, ps, sp)
		if len(by) == 0 && sp > tr.head {
			if p := phraseAt(ps, sp+1); p != nil {
				by = []*actors.Phrase{p}
			}
		}
		if len(by) == 0 {
			return nil
		}
		srcs, tgts = by, srcs
		notes = append(notes, fmt.Sprintf("%s %s it was behind: an accusation", by[0].Text, toks[sp].Text))
	}
	if evCode == "015" && len(tgts) > 0 && tgts[0].Tok0 > tr.head && tgts[0].Tok1 <= tr.last && toks[tr.last].IsVerb() && toks[tr.last-1].Lemma != "be" && toks[tr.last-1].Lemma != "get" && c.known("112") {
		// "The US claimed that ISIL had attacked Iraq": an attack claimed
		// of another is an accusation (112) of it, not a claim of
		// responsibility
		notes = append(notes, "an attack claimed of "+tgts[0].Text+": an accusation")
		evCode = "112"
	}
	for k, src := range srcs {
		if cp := ownForce(toks, ps, tr, evCode, src, tgts, ref.Format(parley.DateLayout)); cp != nil {
			srcs[k] = cp
		}
	}
	if passive && len(tgts) == 0 && forceRoots[cameo.Root(evCode)] {
		if v := victims(toks, ps, tr, srcs[0]); v != nil {
			// "Four children were killed in Israeli shelling in Gaza": the
			// civilians of the place
			tgts = []*actors.Phrase{v}
			notes = append(notes, "victims: civilians of the place")
		}
	}
	if !passive && len(tgts) == 0 && (forceRoots[cameo.Root(evCode)] || evCode == "173" && toks[tr.head].Lemma == "charge") && !consequence(toks, tr) {
		// ("Prosecutors have charged 13 people": the people charged are
		// the civilians of the place too)
		// (not "bombarded Aleppo, killing eight people": what the attack
		// did is the attack)
		if v := objectVictims(toks, ps, tr, srcs[0]); v != nil {
			// "A Myanmar military air strike on a village killed at least
			// 31 people": the civilians of the place, as in the passive
			tgts = []*actors.Phrase{v}
			notes = append(notes, "victims: civilians of the place")
		}
	}
	if bombable[evCode] && strings.Contains(strings.ToLower(srcs[0].Text), "suicide bomber") && c.known("1831") {
		notes = append(notes, "a bombing: "+srcs[0].Text)
		evCode = "1831" // "a suicide bomber killed 12"
	}
	if h := toks[tr.head].Lemma; strings.HasPrefix(evCode, "087") && (h == "withdraw" || h == "pull" || h == "leave" || h == "withdrawal" || h == "pullout") &&
		srcs[0].Head != nil && srcs[0].Head.Kind != actors.Country && srcs[0].Head.Kind != actors.Capital && unarmedSectors[srcs[0].Sector] && c.known("166") {
		// "Human Rights Watch has withdrawn from Georgia": an organisation
		// withdrawing reduces relations (166); only armed men retreat
		notes = append(notes, srcs[0].Text+" withdraws: no military retreat")
		evCode = "166"
	}
	if h := toks[tr.head].Lemma; evCode == "190" && (h == "overthrow" || h == "topple") && srcs[0].Sector == "MIL" && len(tgts) > 0 &&
		countryOf(tgts[0], ref) != "" && (srcs[0].Country == "" || srcs[0].Country == countryOf(tgts[0], ref)) && c.known("180") {
		// "a military junta overthrew the government of Mali": a country's
		// own army overthrowing its rulers is a coup (180), not war
		notes = append(notes, "a coup: overthrown by its own army")
		evCode = "180"
	}
	if h := toks[tr.head].Lemma; evCode == "180" && (h == "oust" || h == "depose") && len(tr.pat.Rest) == 0 && !armed[srcs[0].Sector] {
		return nil // "parliament ousted the prime minister": a vote, no force; "the army ousted Bashir" is a coup
	}
	if dc := deploymentCode(toks, srcs[0], evCode); dc != "" && c.known(dc) {
		notes = append(notes, "armed men arriving: a deployment")
		evCode = dc // "NATO peacekeeping troops arrived in Bosnia"
	}
	if ic, with := instrumentCode(toks, srcs[0], evCode); ic != "" && c.known(ic) {
		notes = append(notes, "done with "+with)
		evCode = ic // "Israeli warplanes struck": an air strike
	}
	if pc, _ := c.Geo.(PlaceCountries); (strings.HasPrefix(evCode, "171") || strings.HasPrefix(evCode, "173") || strings.HasPrefix(evCode, "181")) &&
		armed[srcs[0].Sector] && srcs[0].Sector != "COP" && c.known("192") {
		if h := toks[tr.head].Lemma; (h == "capture" || h == "seize" || h == "take" || h == "overrun") && tr.last == tr.head {
			if country, place := placeObject(toks, ps, tr.last, pc); country != "" {
				// "M23 rebels captured Goma": a town the gazetteer knows,
				// taken by armed men, is territory occupied (192), no arrest
				notes = append(notes, "a place taken: "+place)
				evCode = "192"
				tgts = []*actors.Phrase{{Tok0: tr.last + 1, Tok1: tr.last + 2, Start: toks[tr.last+1].Start, End: toks[tr.last+1].End, Text: place, Country: country}}
			}
		}
	}
	if sc, ok := actorSense(toks, tr, evCode, srcs[0]); ok {
		notes = append(notes, "done by "+srcs[0].Text+": "+sc)
		evCode = sc
	}

	if forceRoots[cameo.Root(evCode)] && accidental(toks, tr.last) {
		return nil // "killed in a plane crash", "killed by a landslide": no one's attack
	}
	if denied(toks, tr.anchor) || charged(toks, tr.anchor) || conditional(toks, tr.anchor) {
		return nil // "Iran denied that it had supplied drones", "accused it of killing": the denial or accusation is the event
	}
	g := mandativeThat(toks, tr.anchor)
	if _, gv := modalityOf(toks, tr.anchor); g < 0 && gv >= 0 {
		g = mandativeThat(toks, gv) // "demanded that Assad agree to let in aid": asked for, not intended
	}
	if g >= 0 {
		// "urged that Israel lift the blockade": asked for, not done; the
		// verb codes the appeal. "reiterated its demand that Israel ease
		// restrictions": the demand's owner demands it of the clause's
		// subject.
		if toks[g].IsVerb() || passive {
			return nil
		}
		by := subject(toks, ps, g)
		if len(by) == 0 || len(srcs) == 0 {
			return nil
		}
		srcs, tgts = by, srcs
		notes = append(notes, fmt.Sprintf("demand that %s (%s that)", evCode, toks[g].Text))
		evCode = demandCode(evCode)
	}
	negated := false
	mod, gov := modalityOf(toks, tr.anchor)
	neg := negation(toks, ps, tr.anchor, tr.head)
	if mod == wish && cameo.Root(evCode) == "14" && purposeProtest(toks, tr.anchor, all) {
		mod = realis
		notes = append(notes, "protest as the purpose of a gathering")
	}
	if mod == ordered && !passive {
		// "the court ordered police to return the cars": the one who
		// orders does it, to the infinitive's object
		if o := subject(toks, ps, gov); len(o) > 0 {
			srcs = o
			notes = append(notes, "ordered by "+o[0].Text)
		}
	}
	if mod == wish && neg == "" && srcs[0].Head != nil && possibleThreat(toks, gov, evCode) {
		mod = threat
		notes = append(notes, "a hostile act the doer could take: a threat")
	}
	switch {
	case mod == wish:
		// "X said Y must withdraw": X demands it of Y.
		if sp := speaker(toks, gov); sp >= 0 && (toks[gov].Norm == "must" || toks[gov].Norm == "should") {
			srcs, tgts = subject(toks, ps, sp), subj
			if len(srcs) == 0 && sp > gov {
				if p := phraseAt(ps, sp+1); p != nil {
					srcs = []*actors.Phrase{p} // "...,\" said the South African minister"
				}
			}
			if len(srcs) == 0 || passive {
				return nil
			}
			notes = append(notes, fmt.Sprintf("demand that %s (%s %s)", evCode, toks[sp].Text, toks[gov].Text))
			evCode = demandCode(evCode)
			break
		}
		if sp := colonSpeaker(toks, ps, gov); sp != nil && !passive && (toks[gov].Norm == "must" || toks[gov].Norm == "should") && len(subj) > 0 && subj[0] != sp {
			// "Zelensky: Russia Must Withdraw Troops": the headline's
			// speaker before the colon demands it
			srcs, tgts = []*actors.Phrase{sp}, subj
			notes = append(notes, fmt.Sprintf("demand that %s (%s: %s)", evCode, sp.Text, toks[gov].Text))
			evCode = demandCode(evCode)
			break
		}
		return nil
	case mod == refused || (mod == future || mod == intent) && neg != "" && cooperative(evCode):
		by := neg
		if gov >= 0 {
			by = toks[gov].Text
		}
		if rc := refusalCode(evCode); rc != "" {
			notes = append(notes, fmt.Sprintf("refusal of %s (%s)", evCode, by))
			evCode = rc
		} else {
			negated = true
			notes = append(notes, "refused: negated")
		}
	case neg != "":
		negated = true
		notes = append(notes, "negated by "+strconv.Quote(neg))
	case cameo.Root(evCode) == "01" && speechVerbs[toks[tr.head].Lemma]:
		// "X declared that China must drop barriers": X demands it of
		// China, whatever the dropping is.
		if m := mustAfter(toks, tr.last); m >= 0 {
			if t := subject(toks, ps, m); len(t) > 0 && !(len(srcs) > 0 && toks[t[0].Tok0].Tag == "PRP" && t[0].Tok0 > tr.last && t[0].Head == srcs[0].Head && t[0].Country == srcs[0].Country && t[0].Sector == srcs[0].Sector) {
				// (not "Kigali says it must protect its border": what the
				// speaker must do is no demand)
				tgts = t
				notes = append(notes, fmt.Sprintf("demand (%s ... %s)", toks[tr.head].Text, toks[m-1].Text))
				evCode = "100"
			}
		}
	case mod == future || mod == intent:
		if ic := intentCode(evCode); ic != evCode {
			notes = append(notes, fmt.Sprintf("intent to %s (%s)", evCode, toks[gov].Text))
			evCode = ic
		}
	case mod == threat:
		if tc := threatCode(evCode); tc != evCode {
			notes = append(notes, fmt.Sprintf("threat of %s (%s)", evCode, toks[gov].Text))
			evCode = tc
		} else {
			evCode = "130"
		}
	}
	if cameo.Root(evCode) == "13" && len(srcs) > 0 {
		// "Washington warned that it would seek sanctions if Iran failed":
		// the threatener's own pronoun is no target
		tgts = slices.DeleteFunc(slices.Clone(tgts), func(t *actors.Phrase) bool {
			return toks[t.Tok0].Tag == "PRP" && t.Head == srcs[0].Head && t.Country == srcs[0].Country && t.Sector == srcs[0].Sector
		})
	}
	if cameo.Root(evCode) == "13" && len(tgts) == 0 && len(srcs) > 0 {
		// "Russia threatened to stop talks if the United States deploys
		// missiles": the threat is aimed at whoever the condition names
		if t := conditionSubject(toks, ps, tr.last, srcs[0]); t != nil {
			tgts = []*actors.Phrase{t}
			notes = append(notes, "threat aimed at the condition's subject")
		}
	}
	cc, ok := c.Codes.Lookup(evCode)
	if !ok {
		return nil
	}

	date, prec := ref.Format(parley.DateLayout), parley.PrecisionDocument
	if d, ok := eventDate(toks, s, tr.anchor, dexprs); ok {
		date, prec = d.Date, d.Precision
	}
	actorDate := date
	if len(actorDate) == 4 {
		actorDate += "-07-01"
	}
	// a month as written: a role that ends within it is held in it ("ousted
	// Bashir in April 2019", who fell on April 11), one that begins within
	// it is not yet

	var out []parley.Event
	emit := func(src, tgt *actors.Phrase) {
		sa := src.Actor(actorDate)
		if sa.Code == "" {
			return
		}
		if cameo.Root(evCode) == "01" && sa.Sector == "MED" {
			return // "a Reuters report said": the press reports, it is not the actor
		}
		var ta *parley.Actor
		if ownCountryTarget(evCode, sa.Country, tgt) {
			tgt = nil // protesting in one's own country: its government is the target, set below
		}
		if tgt != nil {
			ta = tgt.Actor(actorDate)
			if tgt.Head != nil && tgt.Head.Kind == actors.Capital && ta.Country != "" && cameo.Root(evCode) != "04" && isLocative(toks, tgt) {
				// "killed 44 people in Kabul", "a curfew in Abidjan": the
				// place, not its government (but a visit is to the
				// government: "arrived in Tokyo for talks"); a protest in
				// it is aimed at the government (below)
				ta.Code, ta.Sector = ta.Country, ""
				if cameo.Root(evCode) == "14" {
					ta.Code = ""
					if sa.Country != "" && ta.Country != sa.Country {
						// "US activists staged a protest in Beijing": at the
						// government of the foreign place
						ta.Code, ta.Sector = ta.Country+"GOV", "GOV"
					}
				}
			}
			if ta.Code == "" || ta.Code == sa.Code {
				ta = nil
			}
		}
		if ta != nil {
			counterpart(toks, src, sa, tgt, ta) // "met his Kyrgyz counterpart"
			counterpart(toks, tgt, ta, src, sa) // "his Russian counterpart visited"
		}
		var implied string
		if ta == nil && cameo.Root(evCode) == "14" && sa.Country != "" && sa.Sector != "GOV" && (sa.Country == placeOf || c.Actors.IsCountry(sa.Country)) {
			// A protest with no stated target is aimed at the government
			// of the protesters' country, as CAMEO codes demonstrations.
			ta = &parley.Actor{Code: sa.Country + "GOV", Country: sa.Country, Sector: "GOV"}
			implied = "target implied: the government of " + sa.Country
			if sa.Country == placeOf {
				implied = "target implied: the government of the place"
			}
			if jc := jailer(toks, ps, src); jc != "" && jc != sa.Country {
				// "Palestinian prisoners in Israeli jails went on hunger
				// strike": against the state that holds them
				ta = &parley.Actor{Code: jc + "GOV", Country: jc, Sector: "GOV"}
				implied = "target implied: the government holding them, " + jc
			} else if fc := protestedCountry(toks, ps, tr.last); fc != nil && fc.Country != sa.Country {
				// "rallied in N'Djamena ..., some carrying signs hostile
				// to France": at the foreign country they protest against
				ta = &parley.Actor{Text: fc.Text, Code: fc.Country, Country: fc.Country, Span: &parley.Span{fc.Start, fc.End}}
				implied = "target: the country protested against, " + fc.Text
			}
		}
		ev := parley.Event{
			Doc: doc.ID, Sentence: s.Index, Text: s.Text, Span: parley.Span{s.Start, s.End},
			Source: sa, Target: ta, CAMEO: evCode, Root: cameo.Root(evCode),
			QuadClass: cc.QuadClass, Goldstein: cc.Goldstein, PLOVER: cc.PLOVER(),
			Negated: negated, Date: date, DatePrecision: prec,
			Rule: rule,
		}
		if negated {
			ev.PLOVER.Mode = "negated"
		}
		vs := parley.Span{toks[tr.head].Start, toks[tr.last].End}
		if tr.anchor < tr.head {
			vs[0] = toks[tr.anchor].Start
		}
		ev.VerbSpan = &vs
		n := append([]string{}, notes...)
		if implied != "" {
			n = append(n, implied)
		}
		for _, p := range []*actors.Phrase{src, tgt} {
			if p != nil && p.Note != "" {
				n = append(n, p.Note)
			}
		}
		if len(n) > 0 {
			ev.Rule += " [" + strings.Join(n, "; ") + "]"
		}
		ev.Confidence = confidence(src, tgt, tr, negated, passive)
		ev.ID = eventID(&ev, toks[tr.head].Start)
		out = append(out, ev)
	}
	mutual := len(srcs) > 1 && eachOther(toks, tr)
	if len(srcs) > 1 && swapped(tr.pat) || mutual {
		tgts = nil // "Moscow and Kyiv exchanged prisoners", "accused each other": each to the other
	}
	if len(srcs) > 1 && len(tgts) > 0 && reciprocal(tr.pat, evCode) && !slices.ContainsFunc(tgts, func(p *actors.Phrase) bool { return !isLocative(toks, p) }) {
		tgts = nil // "Ethiopia and Tigray forces sign truce in Pretoria": where, not with whom
	}
	switch {
	case len(tgts) > 0:
		for k, src := range srcs {
			for _, tgt := range tgts {
				if len(srcs) == 2 && reciprocal(tr.pat, evCode) && src.Actor(actorDate).Code == tgt.Actor(actorDate).Code {
					// "The two sides agreed to return the villages to
					// Azerbaijan": Azerbaijan agreed with the other side
					tgt = srcs[1-k]
				}
				emit(src, tgt)
			}
		}
	case len(srcs) > 1 && !reciprocal(tr.pat, evCode) && !mutual:
		// compound subject, no object and an event done together
		// ("American and South Korean jets dropped bombs"): each acts.
		for _, src := range srcs {
			emit(src, nil)
		}
	case len(srcs) > 1:
		// compound subject and no object: the members act on each other
		// ("X and Y met", "X and Y signed a deal", "X and Y clashed"):
		// one event a pair each way, since each side meets, signs or
		// fights the other.
		pairs := 0
		for i := 0; i < len(srcs); i++ {
			for j := i + 1; j < len(srcs); j++ {
				if srcs[i].Actor(actorDate).Code == srcs[j].Actor(actorDate).Code {
					continue // "the ELN commander, Antonio Garcia,": one actor named twice
				}
				pairs++
				emit(srcs[i], srcs[j])
				emit(srcs[j], srcs[i])
			}
		}
		if pairs == 0 {
			emit(srcs[0], nil) // "Bulgaria's foreign minister, Ekaterina Zaharieva, welcomed"
		}
	default:
		emit(srcs[0], nil)
	}
	return out
}

// aimedAt reports whether the phrase p is what a protest is aimed at: after
// "against", "in defiance of", or where a march goes ("to", "on",
// "outside", "at"), perhaps through determiners; not an actor inside an
// issue ("against the deportation of a journalist").
func aimedAt(toks []nlp.Token, p *actors.Phrase) bool {
	k := p.Tok0 - 1
	for k >= 0 && (toks[k].Tag == "DT" || toks[k].Tag == "JJ") {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Norm {
	case "against", "to", "on", "outside", "at":
		return true
	case "of":
		return k > 0 && toks[k-1].Norm == "defiance"
	}
	return false
}

// ownedNouns are the measures that belong to who imposes or gives them
// ("EU sanctions", "US aid", "Israeli restrictions").
var ownedNouns = map[string]bool{
	"sanctions": true, "embargo": true, "boycott": true, "tariffs": true, "aid": true, "assistance": true,
	"funding": true, "loans": true, "restrictions": true, "ban": true,
}

// owner returns the actor that modifies the fronted object of a passive
// pattern when the object is a measure someone owns ("UN sanctions ...
// were lifted", "new US aid was suspended"), or nil.
func owner(toks []nlp.Token, ps []actors.Phrase, tr trigger) *actors.Phrase {
	if len(tr.toks) < 2 || tr.toks[0] >= tr.head {
		return nil
	}
	n := tr.toks[0]
	if !ownedNouns[toks[n].Norm] {
		return nil
	}
	k := n - 1
	for k >= 0 && toks[k].Tag == "JJ" && phraseEndingAt(ps, k) == nil {
		k--
	}
	p := phraseEndingAt(ps, k)
	if p == nil || p.Head == nil || p.Head.Kind == actors.Capital {
		return nil
	}
	return p
}

// aimOf returns the actor a measure at n is aimed at or given to, after
// "against", "on" or "to" ("sanctions against Iran", "aid to Egypt"), or
// nil.
func aimOf(toks []nlp.Token, ps []actors.Phrase, n int) *actors.Phrase {
	if n+2 >= len(toks) || toks[n+1].Norm != "against" && toks[n+1].Norm != "on" && toks[n+1].Norm != "to" {
		return nil
	}
	j := n + 2
	if toks[j].Tag == "DT" {
		j++
	}
	return phraseStartingAt(ps, j)
}

// after reports whether the phrase p follows the word w, perhaps through
// determiners ("to the United Nations").
func after(toks []nlp.Token, p *actors.Phrase, w string) bool {
	k := p.Tok0 - 1
	for k >= 0 && toks[k].Tag == "DT" {
		k--
	}
	return k >= 0 && toks[k].Norm == w
}

// aboutActor returns the actor that a complaint's "over", "about" or
// "against" right after token i names, alone or as the modifier of what is
// complained about ("over two Israeli air raids"), or nil.
func aboutActor(toks []nlp.Token, ps []actors.Phrase, i int) *actors.Phrase {
	if i >= len(toks) {
		return nil
	}
	if toks[i].Tag == "IN" && timeAfter(toks, i) {
		i += 2 // "on Tuesday"
	}
	if i >= len(toks) || toks[i].Norm != "over" && toks[i].Norm != "about" && toks[i].Norm != "against" {
		return nil
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if p := phraseStartingAt(ps, k); p != nil {
			return p
		}
		if t := toks[k].Tag; t != "DT" && t != "CD" && t != "JJ" && t != "PRP$" {
			return nil
		}
	}
	return nil
}

// armed are the sectors that can fire on someone.
var armed = map[string]bool{"MIL": true, "REB": true, "INS": true, "UAF": true, "SEP": true, "COP": true, "SPY": true, "CRM": true}

// weapons are the nouns of weapons and blasts that news makes the doer of
// an attack ("a car bomb killed", "shelling killed", "killed by a mine").
var weapons = map[string]bool{
	"bomb": true, "bombs": true, "explosion": true, "explosions": true, "blast": true, "blasts": true,
	"explosive": true, "explosives": true, "ied": true, "ieds": true, "mine": true, "mines": true,
	"landmine": true, "landmines": true, "minefield": true, "grenade": true, "grenades": true,
	"rocket": true, "rockets": true, "missile": true, "missiles": true, "mortar": true, "mortars": true,
	"shell": true, "shells": true, "shelling": true, "shellfire": true, "gunfire": true,
	"bullet": true, "bullets": true, "airstrike": true, "airstrikes": true, "strike": true, "strikes": true,
	"drone": true, "drones": true, "bombing": true, "bombings": true, "artillery": true,
	"shrapnel": true, "gunshot": true, "gunshots": true, "ambush": true, "attack": true, "attacks": true,
	"device": true, "barrage": true, "salvo": true, "raid": true, "raids": true,
}

// forceRoots are the CAMEO roots of material force: assault, fight, mass
// violence.
var forceRoots = map[string]bool{"18": true, "19": true, "20": true}

// isIGO reports whether p names an intergovernmental organisation ("the
// African Union", "ECOWAS").
func isIGO(p *actors.Phrase) bool {
	return p != nil && p.Head != nil && p.Head.Kind == actors.Group && strings.HasPrefix(p.Head.Code, "IGO")
}

// expulsion reports whether code expels, deports or withdraws someone
// from a state (174x, 161, 166x): done by the state they leave.
func expulsion(code string) bool {
	return strings.HasPrefix(code, "174") || code == "161" || strings.HasPrefix(code, "166")
}

// violentRoots are the CAMEO roots of force and protest, whose nominal
// events with a named doer are acts ("an Israeli air strike", "a hunger
// strike by prisoners"), where other compounds name a standing state ("the
// EU-Canada trade deal").
var violentRoots = map[string]bool{"14": true, "17": true, "18": true, "19": true, "20": true}

// deaths are the verbs of dying, which code no event of their own: what
// killed is the event ("died in an Israeli air strike").
var deaths = map[string]bool{"die": true, "perish": true}

// fromPlaceDoer returns the doer of an attack in the passive with no agent
// that came from a place ("a mortar bomb was fired at Israel from the Gaza
// Strip", "rockets were launched from Lebanon"): the unidentified armed
// force of that place, named by it; or nil.
func fromPlaceDoer(toks []nlp.Token, ps []actors.Phrase, tr trigger, passive bool, code string, by *actors.Phrase) *actors.Phrase {
	if !passive || by != nil || !forceRoots[cameo.Root(code)] {
		return nil
	}
	f := agentAfter(toks, ps, tr.last, "from", 4, true)
	if f == nil || f.Head == nil || f.Head.Kind != actors.Country && f.Head.Kind != actors.Capital || f.Country == "" {
		return nil
	}
	return &actors.Phrase{Tok0: f.Tok0, Tok1: f.Tok1, Start: f.Start, End: f.End, Text: f.Text, Sector: "UAF", Country: f.Country}
}

// weaponDoer finds a weapon that does a violent event no actor does: in an
// active clause, a weapon noun before the verb and after the clause's start
// ("A car bomb in Kabul killed 12"); in a passive one, a weapon after "by",
// "in" or "when" close after the verb ("were killed by a roadside bomb",
// "killed in a car bomb explosion"). The weapon's user is the actor right
// before it ("an Israeli strike") or after "by" ("an air strike by
// government forces"); else it returns the weapon as a phrase of sector UAF,
// whose country Code fills in from the event's location.
func weaponDoer(toks []nlp.Token, ps []actors.Phrase, tr trigger, passive bool, code string) (*actors.Phrase, []string) {
	if !forceRoots[cameo.Root(code)] {
		return nil, nil
	}
	at := -1
	if passive || toks[tr.head].Tag == "VBN" { // "Four killed in air strike"
		for i := tr.last + 1; i < len(toks) && i <= tr.last+8 && at < 0; i++ {
			switch toks[i].Norm {
			case ",", ";", ".", "and", "but", "as", "after", "while":
				i = len(toks)
				continue
			case "by", "in", "when", "with":
				for k := i + 1; k < len(toks) && k <= i+5; k++ {
					if weapons[toks[k].Norm] && weaponNoun(toks, k) {
						at = k
					}
					if toks[k].IsVerb() || toks[k].Norm == "," {
						break
					}
				}
			}
		}
	}
	if at < 0 && !passive {
		for i := tr.anchor - 1; i >= 0; i-- {
			t := &toks[i]
			if t.Norm == "," && i == tr.anchor-1 && toks[tr.anchor].Tag == "VBG" {
				continue // "Blast rocks capital, killing 11": the participle's clause
			}
			if t.Norm == "," || t.Norm == ";" || t.Norm == ":" || t.Norm == "that" || t.Norm == "who" || t.Norm == "which" {
				break
			}
			if weapons[t.Norm] && weaponNoun(toks, i) && (i+1 >= len(toks) || !toks[i+1].IsNoun() || i+1 == tr.anchor) {
				at = i // the head of its noun group ("car bomb", not "bomb squad")
			}
		}
	}
	if at < 0 {
		return nil, nil
	}
	first := at
	for first > 0 && (toks[first-1].Tag == "NN" || toks[first-1].Tag == "JJ" || toks[first-1].Tag == "VBN") && first > at-3 {
		first-- // "car bomb", "improvised explosive device", "roadside bomb"
	}
	weapon := lowerWords(toks[first : at+1])
	for k := range ps {
		p := &ps[k]
		if p.Tok1 > first-1 && p.Tok1 <= at && p.Tok0 < at && (p.Head == nil || p.Head.Kind != actors.Capital) { // "an Israeli strike", "U.S. drones", not "the Brussels attacks"
			return p, weapon
		}
		if j := userBy(toks, at+1); j >= 0 {
			k := j + 1
			for k < p.Tok0 && (toks[k].Tag == "DT" || toks[k].Tag == "JJ") {
				k++ // "by the Syrian government", "by pro-Russian rebels"
			}
			if p.Tok0 == k {
				return p, weapon // "an air strike by the Syrian government"
			}
		}
	}
	return &actors.Phrase{Tok0: first, Tok1: at + 1, Start: toks[first].Start, End: toks[at].End,
		Text: strings.Join(words(toks[first:at+1]), " "), Sector: "UAF"}, weapon
}

// userBy returns the index of the "by" that names a weapon's user, where
// the weapon's words end before j: at once ("a strike by"), after a
// participle ("a roadside bomb planted by") or a chain of them ("a missile
// believed to have been fired by", "a rocket allegedly launched by"); else
// -1.
func userBy(toks []nlp.Token, j int) int {
	for k := j; k < len(toks) && k <= j+5; k++ {
		switch t := &toks[k]; {
		case t.Norm == "by":
			return k
		case t.Tag == "VBN" || t.Tag == "VBD" || t.Tag == "VB" || t.Tag == "TO" || t.Tag == "RB" || t.Norm == "that" || t.Norm == "which" || t.Lemma == "be" || t.Lemma == "have":
		default:
			return -1
		}
	}
	return -1
}

// deploymentCode returns the code of a visit (042) made by troops, police
// or peacekeepers ("NATO peacekeeping troops arrived in Bosnia"): armed men
// arriving are deployed, to keep the peace (074) or as a show of force
// (154); "" for any other visit (a military delegation visits).
func deploymentCode(toks []nlp.Token, src *actors.Phrase, code string) string {
	if code != "042" || src == nil || src.Tok1 < 1 || src.Tok1 > len(toks) {
		return ""
	}
	switch toks[src.Tok1-1].Norm {
	case "peacekeepers", "peacekeeping":
		return "074"
	case "troops", "soldiers", "forces", "marines", "paratroopers", "police", "policemen", "officers", "contingent", "battalion", "battalions", "units", "fighters":
		for k := src.Tok0; k < src.Tok1; k++ {
			if strings.HasPrefix(toks[k].Norm, "peacekeep") {
				return "074"
			}
		}
		return "154"
	}
	return ""
}

// instrumentCode returns the code a generic attack (190) gets from the
// arms or means its doer names, and that word: aircraft bomb from the air
// (195), artillery and tanks shell (194), hackers attack computers (176);
// "" for any other doer or code.
func instrumentCode(toks []nlp.Token, src *actors.Phrase, code string) (string, string) {
	if code != "190" && code != "19" || src == nil || src.Tok1 < 1 || src.Tok1 > len(toks) {
		return "", ""
	}
	head := toks[src.Tok1-1].Norm
	if src.Tok1 < len(toks) && toks[src.Tok1].IsNoun() {
		head = toks[src.Tok1].Norm // "Russian warplanes": the adjective is the actor
	}
	switch head {
	case "warplanes", "warplane", "jets", "jet", "bombers", "bomber", "aircraft", "helicopters", "helicopter", "gunships", "drones", "drone", "planes":
		return "195", head
	case "artillery", "tanks", "howitzers", "gunners", "batteries":
		return "194", head
	case "hackers", "hacker":
		return "176", head
	}
	return "", ""
}

// jails are the words of places people are held in.
var jails = map[string]bool{
	"jail": true, "jails": true, "prison": true, "prisons": true, "custody": true, "detention": true,
	"gaol": true, "gaols": true, "cells": true,
}

// jailer returns the country of the jails that the phrase p is said to be
// in ("Palestinian prisoners in Israeli jails", "inmates in Turkish
// prisons"), else "".
func jailer(toks []nlp.Token, ps []actors.Phrase, p *actors.Phrase) string {
	if p == nil || p.Tok1+1 >= len(toks) || toks[p.Tok1].Norm != "in" {
		return ""
	}
	j := p.Tok1 + 1
	for j < len(toks) && toks[j].Tag == "DT" {
		j++
	}
	q := phraseStartingAt(ps, j)
	if q == nil || q.Country == "" || q.Head == nil || q.Head.Kind != actors.Adjective && q.Head.Kind != actors.Country {
		return ""
	}
	for k := q.Tok1 - 1; k < len(toks) && k <= q.Tok1; k++ {
		if jails[toks[k].Norm] {
			return q.Country
		}
	}
	return ""
}

// armsGoods are the words of weapons that are bought and sold, which the
// actors read as armed forces ("fighter jets from France" is FRAMIL).
var armsGoods = map[string]bool{
	"warplanes": true, "warplane": true, "jets": true, "jet": true, "bombers": true, "aircraft": true, "helicopters": true,
	"gunships": true, "drones": true, "tanks": true, "howitzers": true, "warships": true, "warship": true, "frigates": true,
	"submarines": true, "gunboats": true, "missiles": true,
}

// purchases are the verbs of buying.
var purchases = map[string]bool{"buy": true, "purchase": true, "acquire": true, "order": true, "import": true, "procure": true}

// seller returns, for an object t that names weapons being bought ("to buy
// 26 Rafale fighter jets from France"), the actor they are bought from,
// else nil.
func seller(toks []nlp.Token, ps []actors.Phrase, t *actors.Phrase) *actors.Phrase {
	if t == nil || t.Head == nil || t.Head.Kind != actors.Agent || t.Tok1 < 1 || t.Tok1 > len(toks) || !armsGoods[toks[t.Tok1-1].Norm] {
		return nil
	}
	bought := false
	for k := t.Tok0 - 1; k >= 0 && k >= t.Tok0-4; k-- {
		if toks[k].IsVerb() {
			bought = purchases[toks[k].Lemma]
			break
		}
		if isBoundary(&toks[k]) {
			break
		}
	}
	if !bought {
		return nil
	}
	return agentAfter(toks, ps, t.Tok1-1, "from", 1, true)
}

// known reports whether the code table has code (a user's table may not).
func (c *Coder) known(code string) bool {
	_, ok := c.Codes.Lookup(code)
	return ok
}

// weaponNoun reports whether the weapon word at i is a noun: tagged one, or
// a gerund the tagger read as a verb where a noun stands ("Shelling in
// Jakarta kills six", "Heavy/NNP shelling/VBG killed", "the bombing of").
func weaponNoun(toks []nlp.Token, i int) bool {
	return toks[i].IsNoun() || gerundNoun(toks, i) ||
		toks[i].Tag == "VBG" && i > 0 && toks[i-1].Tag == "NN" && (weapons[toks[i-1].Norm] || toks[i-1].Norm == "tank") // "tank shelling", "artillery shelling"
}

// gerundNoun reports whether the gerund at i stands where a noun does: at
// the start of the sentence, or after a determiner, an adjective or a
// preposition ("Heavy/NNP fighting/VBG erupted", "the shelling of").
func gerundNoun(toks []nlp.Token, i int) bool {
	return toks[i].Tag == "VBG" && (i == 0 || toks[i-1].Tag == "DT" || toks[i-1].Tag == "JJ" || toks[i-1].Tag == "IN" || i == 1 && toks[0].Tag == "NNP")
}

// bombable are the codes of killing and attacking that a bomb's doing
// makes a bombing (183x): not aerial, artillery or small-arms codes.
var bombable = map[string]bool{"18": true, "180": true, "182": true, "19": true, "190": true}

// bombingCode returns the bombing code (CAMEO 183x) of a weapon's words: a
// suicide bombing, a car bombing, a roadside bombing or a location bombing; ""
// for a weapon that is no bomb (a missile, a drone, shelling).
func bombingCode(weapon []string) string {
	if len(weapon) == 0 {
		return ""
	}
	switch last := weapon[len(weapon)-1]; last {
	case "bomb", "bombs", "explosive", "explosives", "device", "devices", "blast", "blasts", "explosion",
		"explosions", "bombing", "bombings", "ied", "ieds":
	default:
		return ""
	}
	for _, w := range weapon {
		switch w {
		case "suicide":
			return "1831"
		case "car", "truck", "vehicle", "motorcycle", "car-bomb":
			return "1832"
		case "roadside", "ied", "ieds", "improvised":
			return "1833"
		}
	}
	return "1834" // a bomb left somewhere: 183 is mapped to the suicide-attack mode
}

// lowerWords returns the tokens' texts in lower case.
func lowerWords(toks []nlp.Token) []string {
	out := make([]string, len(toks))
	for i := range toks {
		out[i] = toks[i].Norm
	}
	return out
}

// countryOf returns the country of the phrase p, a person's by his role
// at the document's date ref ("President Alpha Conde": GIN).
func countryOf(p *actors.Phrase, ref time.Time) string {
	if p.Country != "" || p.Head == nil || p.Head.Kind != actors.Person {
		return p.Country
	}
	return p.Actor(ref.Format(parley.DateLayout)).Country
}

// ownForce returns the soldiers or police src with the country they act
// for, when no word gives them one (no "Guinean", no "in Niger"; at most
// the article's main country): the country of the event's target when that
// is its own people or rulers ("Mutinous officers overthrew President
// Alpha Conde of Guinea": GINMIL; "police arrested journalists"), else of
// the place the event is in ("troops seized power in Niger"). An armed
// target ("troops shelled Kenyan positions") or a country's refugees may
// be anyone's; nil when nothing changes.
func ownForce(toks []nlp.Token, ps []actors.Phrase, tr trigger, code string, src *actors.Phrase, tgts []*actors.Phrase, date string) *actors.Phrase {
	if src.Head == nil || src.Head.Kind != actors.Agent || src.Foreign || src.Sector != "MIL" && src.Sector != "COP" || src.Country != "" && !src.Article ||
		!forceRoots[cameo.Root(code)] && cameo.Root(code) != "17" || src.Tok0 > 0 && toks[src.Tok0-1].Tag == "PRP$" {
		return nil
	}
	country, why := "", ""
	if len(tgts) > 0 && tgts[0].Pair == nil && (tgts[0].Tok0 == 0 || toks[tgts[0].Tok0-1].Norm != "of") {
		if ta := tgts[0].Actor(date); ta.Country != "" && ta.Sector == "GOV" {
			country, why = ta.Country, "the target's"
		}
	}
	if country == "" && code == "180" {
		if pl := placeAfter(toks, ps, tr.last); pl != placeOf {
			country, why = pl, "the place's"
		}
	}
	if country == "" || country == src.Country {
		return nil
	}
	cp := *src
	cp.Country, cp.Context, cp.Article = country, true, false
	cp.Note = fmt.Sprintf("%s of no country named: %s, %s", src.Text, why, country)
	return &cp
}

// placeOf stands for the country of the event's place in a phrase that
// stateDoer makes; Code fills it in (placeImplied).
const placeOf = "*"

// placeOnly is placeOf for a phrase that takes the country of the event's
// place or none, never the article's.
const placeOnly = "**"

// stateDoer returns the implied doer of a coercive act in the passive with
// no agent ("a curfew was imposed in Kabul", "12 protesters were arrested in
// Tehran"), which only a state does: its courts for sentences and
// indictments, its police for arrests and repression, its government for
// restrictions and bans; of the country where it happened (for the courts,
// else of the person tried), and an event with no place is dropped
// (placeImplied).
func stateDoer(toks []nlp.Token, ps []actors.Phrase, tr trigger, code string) *actors.Phrase {
	sector := ""
	switch h := toks[tr.head].Lemma; {
	case h == "sentence" || h == "convict" || h == "indict" || h == "prosecute" || h == "try" || code == "116":
		sector = "JUD" // the courts
	case strings.HasPrefix(code, "173"), strings.HasPrefix(code, "175"):
		sector = "COP"
	case strings.HasPrefix(code, "172"), strings.HasPrefix(code, "081"):
		sector = "GOV" // restrictions imposed, or lifted ("the curfew was lifted in Manila")
	case code == "0841":
		sector = "GOV" // prisoners released or freed ("were released in Tripoli"): by the state holding them
	case expulsion(code), h == "extradite":
		sector = "GOV" // expelled, deported or extradited ("two diplomats were expelled from Mali"): by the state they leave
	case (strings.HasPrefix(code, "181") || strings.HasPrefix(code, "185") || strings.HasPrefix(code, "186")) && h != "hold" && !relativeBefore(toks, tr.head):
		sector = "UAF" // kidnapped or assassinated ("the president was assassinated at his home"): by unidentified armed men (not "soldiers who had been held captive": by whoever frees them)
	default:
		return nil
	}
	// a past act, told as such: "was arrested", "have been detained",
	// not "are arrested" or "could be arrested"
	aux := tr.head - 1
	if aux > 0 && toks[aux].Tag == "RB" {
		aux--
	}
	if aux < 0 || tr.head != tr.anchor {
		return nil
	}
	switch toks[aux].Norm {
	case "was", "were":
	case "been":
		if aux == 0 || toks[aux-1].Norm != "has" && toks[aux-1].Norm != "have" && toks[aux-1].Norm != "had" {
			return nil
		}
	default:
		if !isHeadline(toks) || !toks[aux].IsNoun() && toks[aux].Tag != "CD" {
			return nil // a headline drops "was": "Curfew Imposed in Kabul", "Four Found Guilty"
		}
	}
	h := &toks[tr.head]
	country := placeAfter(toks, ps, tr.head)
	if sector == "GOV" && (expulsion(code) || h.Lemma == "extradite") {
		country = placeFrom(toks, ps, tr.last)
		for k := tr.head + 1; country == placeOf && k < len(toks) && k <= tr.last+8 && !isBoundary(&toks[k]); k++ {
			if toks[k].Norm == "from" {
				// "was extradited from Spain to the US", "was extradited
				// to the US from Spain"
				country = placeFrom(toks, ps, k-1)
			}
		}
		if country == placeOf {
			return nil // "its diplomats were expelled": by another state, unnamed
		}
	}
	if country == placeOf && (sector == "JUD" || sector == "UAF") {
		// "Imran Khan was sentenced": by the courts of his country
		for k := range ps {
			if p := &ps[k]; p.Tok1 <= aux && p.Tok1 >= aux-2 && p.Country != "" {
				country = p.Country
			}
		}
	}
	return &actors.Phrase{Tok0: tr.head, Tok1: tr.head + 1, Start: h.Start, End: h.End, Text: h.Text, Sector: sector, Country: country}
}

// placeAfter returns the country of the first place the actors know after
// token i, when it is a locative ("in Kabul", "across Iran", "in the Indian
// city of Nuh"), else placeOf.
func placeAfter(toks []nlp.Token, ps []actors.Phrase, i int) string {
	for k := range ps {
		p := &ps[k]
		if p.Tok0 > i && p.Tok0 > 0 && p.Country != "" && p.Head != nil && (p.Head.Kind == actors.Country || p.Head.Kind == actors.Capital) {
			j := p.Tok0 - 1
			for j > i && (toks[j].Tag == "DT" || toks[j].Tag == "JJ" && j == p.Tok0-1) {
				j-- // "in the Indian city of Nuh", "in northern Nigeria"
			}
			switch toks[j].Norm {
			case "in", "across", "near", "outside", "throughout":
				return p.Country
			}
			break
		}
	}
	return placeOf
}

// placeFrom returns the country named right after "from" after token i
// ("were deported from Iran"), the state one is expelled by, else
// placeOf.
func placeFrom(toks []nlp.Token, ps []actors.Phrase, i int) string {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if toks[k].Norm != "from" {
			continue
		}
		j := k + 1
		for j < len(toks) && toks[j].Tag == "DT" {
			j++
		}
		if p := phraseStartingAt(ps, j); p != nil && p.Country != "" && p.Head != nil && (p.Head.Kind == actors.Country || p.Head.Kind == actors.Capital) {
			return p.Country
		}
		break
	}
	return placeOf
}

// crowds are the words for a crowd of no named kind ("thousands marched").
var crowds = map[string]bool{
	"thousands": true, "hundreds": true, "dozens": true, "scores": true, "crowds": true, "crowd": true,
	"millions": true, "tens": true, "throngs": true, "masses": true,
}

// crowdDoer returns the civilians of the place as the doer of a protest
// whose subject is a crowd with no actor ("Thousands marched in Tbilisi",
// "tens of thousands of people rallied in Belgrade").
func crowdDoer(toks []nlp.Token, ps []actors.Phrase, tr trigger, code string) *actors.Phrase {
	if cameo.Root(code) != "14" {
		return nil
	}
	for i := tr.anchor - 1; i >= 0 && i >= tr.anchor-8; i-- {
		t := &toks[i]
		if t.Norm == "," || t.Norm == ";" || t.IsVerb() {
			return nil
		}
		if crowds[t.Norm] || numberedCrowd(toks, i) {
			return &actors.Phrase{Tok0: i, Tok1: i + 1, Start: t.Start, End: t.End, Text: t.Text, Sector: "CVL", Country: placeAfter(toks, ps, tr.head)}
		}
	}
	return nil
}

// victimWords are the people an attack kills or wounds that name no actor
// ("four children and a man were killed").
var victimWords = map[string]bool{
	"people": true, "persons": true, "children": true, "child": true, "women": true, "woman": true, "men": true, "man": true,
	"boys": true, "boy": true, "girls": true, "girl": true, "villagers": true, "residents": true, "passengers": true,
	"worshippers": true, "worshipers": true, "pilgrims": true, "bystanders": true, "families": true, "family": true,
	"infants": true, "babies": true, "teenagers": true, "teenager": true, "shoppers": true, "passers-by": true,
}

// victims returns the civilians of the place as the target of a violent
// act in the passive whose subject is people no actor names ("eight people
// were killed in an air strike", "four children and a man were killed in
// Israeli shelling in the Gaza Strip"), as victimAt codes them.
func victims(toks []nlp.Token, ps []actors.Phrase, tr trigger, doer *actors.Phrase) *actors.Phrase {
	i := tr.anchor - 1
	if tr.toks[0] < tr.anchor {
		i = tr.toks[0] // "people were killed", matched as "kill people"
	}
	for i >= 0 && (toks[i].Tag == "RB" || toks[i].Lemma == "be" || toks[i].Lemma == "have") {
		i--
	}
	for k := i; k >= 0 && k >= i-4; k-- {
		t := &toks[k]
		if t.Norm == "," || t.Norm == ";" || t.IsVerb() || inPhrase(ps, k) {
			return nil
		}
		if victimWords[t.Norm] && t.IsNoun() {
			return victimAt(toks, ps, tr, doer, k)
		}
	}
	return nil
}

// victimAt returns the victims at token k as the civilians of the event's
// place, else of the article's country, unless the doer is named as of that
// country ("killed in a Russian air strike": not Russians); Code fills in
// the country.
func victimAt(toks []nlp.Token, ps []actors.Phrase, tr trigger, doer *actors.Phrase, k int) *actors.Phrase {
	place := placeAfter(toks, ps, tr.head)
	if place == placeOf && doer.Country != "" && !doer.Context {
		place = placeOnly
	}
	t := &toks[k]
	return &actors.Phrase{Tok0: k, Tok1: k + 1, Start: t.Start, End: t.End, Text: t.Text, Sector: "CVL", Country: place}
}

// objectVictims returns the civilians of the place as the target of a
// violent act whose object is people no actor names ("killed at least 31
// people, including children"), as victims does for the passive.
func objectVictims(toks []nlp.Token, ps []actors.Phrase, tr trigger, doer *actors.Phrase) *actors.Phrase {
	for k := tr.head + 1; k < len(toks) && k <= tr.last+6; k++ {
		t := &toks[k]
		if inPhrase(ps, k) || t.IsVerb() || isBoundary(t) {
			return nil
		}
		if victimWords[t.Norm] && t.IsNoun() {
			return victimAt(toks, ps, tr, doer, k)
		}
		if t.IsNoun() && t.Norm != "least" && t.Norm != "dozens" && t.Norm != "hundreds" && t.Norm != "scores" {
			return nil // "killed two soldiers": someone else's
		}
	}
	return nil
}

// numberedCrowd reports whether the word at i is "people" or "persons"
// counted by a number ("about 500 people", "up to 20,000 people"): a crowd.
func numberedCrowd(toks []nlp.Token, i int) bool {
	return (toks[i].Norm == "people" || toks[i].Norm == "persons") && i > 0 && toks[i-1].Tag == "CD"
}

// occurDoer returns the doers of a protest or of violence that the text
// says happened, naming no one ("Riots broke out across Kenya", "fighting
// erupted in Kharkiv"): the civilians of the place for a protest, its
// unidentified armed forces for violence.
func occurDoer(toks []nlp.Token, ps []actors.Phrase, tr trigger, code string) *actors.Phrase {
	h := &toks[tr.head]
	sector := "UAF"
	if cameo.Root(code) == "14" {
		sector = "CVL"
	}
	return &actors.Phrase{Tok0: tr.head, Tok1: tr.head + 1, Start: h.Start, End: h.End, Text: h.Text, Sector: sector, Country: placeAfter(toks, ps, tr.head)}
}

// words returns the tokens' texts.
func words(toks []nlp.Token) []string {
	out := make([]string, len(toks))
	for i := range toks {
		out[i] = toks[i].Text
	}
	return out
}

// eachOther reports whether "each other" or "one another" follows the
// trigger: its subjects act on one another ("accused each other").
func eachOther(toks []nlp.Token, tr trigger) bool {
	for k := tr.head + 1; k+1 < len(toks) && k <= tr.last+3; k++ {
		if toks[k].Norm == "each" && toks[k+1].Norm == "other" || toks[k].Norm == "one" && toks[k+1].Norm == "another" {
			return true
		}
	}
	return false
}

// swapped reports whether a pattern's head is an exchange ("exchange
// prisoners", "swap detainees"), whose object is what the parties give
// each other, not a party.
func swapped(p *Pattern) bool {
	for _, h := range p.Head {
		switch h {
		case "exchange", "swap", "trade":
			return true
		}
	}
	return false
}

// reciprocal reports whether a compound subject with no object does the
// event to each other ("X and Y met", "signed an accord", "clashed",
// "traded accusations") rather than together to someone unnamed.
func reciprocal(p *Pattern, code string) bool {
	for _, h := range p.Head {
		switch h {
		case "host", "mediate", "broker", "facilitate", "sponsor", "convene", "organize", "organise":
			return false // "Cuba and Norway hosted the talks": together, for others
		}
	}
	switch cameo.Root(code) {
	case "03", "04", "05", "06":
		return true
	}
	if code == "0871" || code == "1246" {
		return true // a ceasefire is declared, or refused, between the parties
	}
	for _, h := range p.Head {
		switch h {
		case "clash", "clashes", "fight", "fighting", "battle", "battles", "exchange", "trade", "skirmish", "skirmishes", "spar", "feud", "quarrel", "dispute":
			return true
		}
	}
	return false
}

func eventID(ev *parley.Event, at int) string {
	var buf [192]byte // the key, on the stack: "doc\x00sentence\x00at\x00cameo\x00source\x00target"
	b := append(buf[:0], ev.Doc...)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(ev.Sentence), 10)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(at), 10)
	b = append(b, 0)
	b = append(b, ev.CAMEO...)
	b = append(b, 0)
	b = append(b, code(ev.Source)...)
	b = append(b, 0)
	b = append(b, code(ev.Target)...)
	sum := sha1.Sum(b)
	var id [16]byte
	hex.Encode(id[:], sum[:8])
	return string(id[:])
}

func confidence(src, tgt *actors.Phrase, tr trigger, negated, passive bool) float64 {
	c := 0.5
	if tgt != nil {
		c += 0.2
	}
	if len(tr.pat.Rest) > 0 {
		c += 0.1
	}
	if src.Context {
		c -= 0.15
	}
	if src.Head == nil {
		c -= 0.15 // a doer the text does not name: a weapon's users, the state of a place, a crowd
	}
	if tgt != nil && tgt.Context {
		c -= 0.1
	}
	if passive {
		c -= 0.05
	}
	if cameo.Root(tr.pat.Code) == "01" {
		c -= 0.1
	}
	if c > 0.95 {
		c = 0.95
	}
	if c < 0.05 {
		c = 0.05
	}
	return float64(int(c*100+0.5)) / 100
}

// counterpart gives the actor a of phrase p, named as someone's
// counterpart ("his Kyrgyz counterpart", "their Pakistani counterparts"),
// the sector of the other actor b, whose counterpart it is: foreign
// ministers meet foreign ministers, army chiefs army chiefs.
func counterpart(toks []nlp.Token, p *actors.Phrase, a *parley.Actor, q *actors.Phrase, b *parley.Actor) {
	if p == nil || q == nil || a.Country == "" || a.Sector != "" || a.Code != a.Country || b.Sector == "" || b.Country == "" || b.Country == a.Country {
		return
	}
	j := p.Tok1
	if j < len(toks) && (toks[j].Norm == "counterpart" || toks[j].Norm == "counterparts") {
		a.Sector, a.Code = b.Sector, a.Country+b.Sector
	}
}

// placeAgents gives an agent that no country word names, in a document
// that names no country at all ("police in Lagos", "government forces
// bombed Idlib"), the country of the event's place.
func placeAgents(evs []parley.Event) {
	for i := range evs {
		l := evs[i].Location
		if l == nil || l.Country == "" {
			continue
		}
		for _, a := range []*parley.Actor{evs[i].Source, evs[i].Target} {
			if a != nil && a.Country == "" && a.Sector != "" && a.Code == a.Sector {
				a.Country, a.Code = l.Country, l.Country+a.Code
			}
		}
	}
}

// cityAgents gives an agent that no country word names the country of the
// place named right before it ("Chicago police", "Karachi authorities"),
// when the gazetteer knows the name well enough. text is the body the
// spans point into.
func cityAgents(evs []parley.Event, text string, pc PlaceCountries) {
	for i := range evs {
		for _, a := range []*parley.Actor{evs[i].Source, evs[i].Target} {
			if a == nil || a.Country != "" || a.Sector == "" || a.Code != a.Sector || a.Span == nil || a.Span[0] > len(text) {
				continue
			}
			if c := pc.CountryOfName(nameBefore(text[:a.Span[0]])); c != "" {
				a.Country, a.Code = c, c+a.Code
			}
		}
		// "Chicago police arrested 12 protesters": the protesters are
		// where the police are
		src, tgt := evs[i].Source, evs[i].Target
		for _, pair := range [][2]*parley.Actor{{src, tgt}, {tgt, src}} {
			a, b := pair[0], pair[1]
			if a != nil && b != nil && a.Country == "" && a.Code == a.Sector && homeSectors[a.Sector] && b.Country != "" && b.Code == b.Country+b.Sector {
				a.Country, a.Code = b.Country, b.Country+a.Code
			}
		}
	}
}

// homeSectors are the agents found where the state acts on them or they
// act on it: protesters, civilians, workers, students, the opposition.
var homeSectors = map[string]bool{"OPP": true, "CVL": true, "LAB": true, "EDU": true, "HRI": true, "AGR": true}

// nameBefore returns the capitalized words (at most three) that end text,
// "" when its last word is not capitalized.
func nameBefore(text string) string {
	end := len(strings.TrimRight(text, " "))
	start := end
	for n := 0; n < 3 && start > 0; n++ {
		j := strings.LastIndexByte(text[:start], ' ') + 1
		if j == start || text[j] < 'A' || text[j] > 'Z' {
			break
		}
		start = j
		for start > 0 && text[start-1] == ' ' {
			start--
		}
	}
	return strings.TrimSpace(text[start:end])
}

// placeImplied gives the doers the text implies (the unidentified armed
// forces of weaponDoer, the state of stateDoer, the crowd of crowdDoer) the
// country of their event's location, else, for the weapons, the article's
// main country, the country its actors name most. It drops the events of a
// state or a crowd of no known place.
func placeImplied(evs []parley.Event, acts []actors.Sentence, isCountry func(string) bool) []parley.Event {
	main, found := "", false
	article := func() string { // the article's main country, found once
		if !found {
			main, found = mainCountry(acts, isCountry), true
		}
		return main
	}
	out := evs[:0]
	for i := range evs {
		country := ""
		if l := evs[i].Location; l != nil {
			country = l.Country
		}
		a := evs[i].Source
		if a == nil || !(a.Sector == "UAF" && a.Country == "" || a.Country == placeOf) {
			if t := evs[i].Target; t != nil && (t.Country == placeOf || t.Country == placeOnly) {
				// the victims of victims: the civilians of the place, else
				// of the article's country, else no one's
				if country == "" && t.Country == placeOf {
					country = article()
				}
				if country == "" {
					evs[i].Target = nil
				} else {
					t.Country, t.Code = country, country+t.Sector
				}
			}
			out = append(out, evs[i])
			continue
		}
		if country == "" && a.Country == placeOf {
			if article() == "" || a.Sector == "UAF" {
				continue // the state or a crowd of no known place; armed men nowhere
			}
			// "The Georgian interior ministry said 50 protesters had been
			// detained": the state of the article's country; "Hundreds
			// demonstrated outside the court" in a story on Kenya: its people
		}
		if country == "" {
			country = article()
		}
		a.Country, a.Code = country, country+a.Sector
		if t := evs[i].Target; t != nil && t.Country == placeOf {
			t.Country, t.Code = country, country+t.Sector // the government of the place a crowd protests in
		}
		out = append(out, evs[i])
	}
	return out
}

// mainCountry returns the country the document's actors name most, the
// first named among equals.
func mainCountry(acts []actors.Sentence, isCountry func(string) bool) string {
	n := map[string]int{}
	main := ""
	for _, s := range acts {
		for _, p := range s.Phrases {
			if c := p.Country; c != "" && isCountry(c) {
				n[c]++
				if main == "" || n[c] > n[main] {
					main = c
				}
			}
		}
	}
	return main
}

// placeText is the text the gazetteer reads when the body was truecased
// into tc (parsed as sents): the gazetteer finds places by their capitals,
// which truecasing restores only for the actors' names, so in each
// sentence truecasing changed, a place name the gazetteer knows after a
// preposition of place gets its capitals back ("in istanbul", "IN
// KANDAHAR", "in Rio de Janeiro" of a title-case headline).
func (c *Coder) placeText(body, tc string, sents []nlp.Sentence) string {
	names, ok := c.Geo.(PlaceNames)
	if !ok {
		return tc
	}
	b := []byte(tc)
	var words []string
	for i := range sents {
		s := &sents[i]
		if tc[s.Start:s.End] == body[s.Start:s.End] {
			continue // as written
		}
		toks := s.Tokens
		for k := 1; k < len(toks); k++ {
			if !locatives[toks[k-1].Norm] || !toks[k].IsNoun() && toks[k].Tag != "JJ" {
				continue
			}
			words = words[:0]
			for j := k; j < len(toks) && j < k+4; j++ {
				words = append(words, toks[j].Text)
			}
			n := names.Names(words)
			for j := k; j < k+n; j++ {
				if !smallPlaceWords[toks[j].Norm] {
					capitalizeASCII(b[toks[j].Start:toks[j].End])
				}
			}
			k += max(n-1, 0)
		}
	}
	return string(b)
}

// smallPlaceWords stay in lower case inside a place name ("Rio de Janeiro").
var smallPlaceWords = map[string]bool{"de": true, "da": true, "do": true, "del": true, "la": true, "le": true, "al": true, "el": true, "of": true, "the": true}

// capitalizeASCII upper-cases the first letter of b when it is an ASCII
// lower-case letter.
func capitalizeASCII(b []byte) {
	if len(b) > 0 && 'a' <= b[0] && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
}

// restoreText cuts the texts of events coded from a truecased body (which
// has the body's offsets) from the body as written.
func restoreText(evs []parley.Event, body string) {
	cut := func(sp parley.Span) (string, bool) {
		if sp[0] < 0 || sp[0] > sp[1] || sp[1] > len(body) {
			return "", false
		}
		return body[sp[0]:sp[1]], true
	}
	for i := range evs {
		ev := &evs[i]
		if t, ok := cut(ev.Span); ok {
			ev.Text = t
		}
		for _, a := range []*parley.Actor{ev.Source, ev.Target} {
			if a != nil && a.Span != nil {
				if t, ok := cut(*a.Span); ok {
					a.Text = t
				}
			}
		}
	}
}

// accidental reports whether the violent verb ending at last is followed,
// within its clause, by "in" or "by" an accident or a natural disaster
// ("killed in a plane crash near Sao Paulo", "killed by a landslide",
// "killed by the Malaysia Airlines flight MH17 crash",
// "victims killed in the crash", "killed on Friday in the collapse of a
// building"): deaths no one inflicted. The disaster word heads its noun
// phrase ("a fire fight" is no fire), or names a storm ("Cyclone Freddy");
// a fire is one only as "in a/the fire" ("killed by fire from tanks" is
// gunfire).
func accidental(toks []nlp.Token, last int) bool {
	for k := last + 1; k < len(toks) && k <= last+6; k++ {
		t := &toks[k]
		if isBoundary(t) || t.IsVerb() {
			return false
		}
		if t.Norm != "in" && t.Norm != "by" {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+7; j++ {
			u := &toks[j]
			if disaster(u.Norm) {
				next := ""
				if j+1 < len(toks) {
					next = toks[j+1].Tag
				}
				if strings.HasPrefix(next, "NN") && (next != "NNP" || u.Tag != "NNP") {
					continue // "a crash site", "a fire fight"
				}
				if u.Norm == "fire" && (t.Norm != "in" || toks[j-1].Tag != "DT") {
					break
				}
				return true
			}
			if u.Tag != "DT" && u.Tag != "JJ" && u.Tag != "CD" && u.Tag != "POS" && !u.IsNoun() {
				break
			}
		}
	}
	return false
}

// disaster reports whether w names an accident or a natural disaster.
func disaster(w string) bool {
	switch w {
	case "crash", "accident", "collision", "earthquake", "quake", "flood", "floods", "flooding", "fire", "blaze",
		"storm", "landslide", "landslides", "mudslide", "avalanche", "cyclone", "hurricane", "typhoon", "tornado",
		"stampede", "collapse", "derailment", "tsunami", "wildfire", "wildfires", "shipwreck", "capsizing":
		return true
	}
	return false
}

// denied reports whether the verb at anchor is in a clause that its
// sentence denies: "denied that ...", "denied backing ...", "dismissed
// reports that ...", "rejected claims that ...", within the same clause
// chain.
func denied(toks []nlp.Token, anchor int) bool {
	if toks[anchor].Tag == "VBG" && anchor > 0 && (toks[anchor-1].Lemma == "deny" || toks[anchor-1].Norm == "denied" || toks[anchor-1].Norm == "denies") {
		return true // "Rwanda denied backing the M23 rebels"
	}
	if deniedBare(toks, anchor) {
		return true // "denied it had fired on protesters"
	}
	for k := anchor - 1; k >= 1 && k >= anchor-12; k-- {
		t := &toks[k]
		if t.Norm == ";" || t.Norm == "but" || t.Norm == "." {
			return false
		}
		if t.Norm != "that" {
			continue
		}
		p := &toks[k-1]
		if denials[p.Lemma] {
			return true
		}
		if (p.Norm == "claims" || p.Norm == "reports" || p.Norm == "allegations" || p.Norm == "accusations" || p.Norm == "suggestions") && k >= 2 && (denials[toks[k-2].Lemma] || toks[k-2].Norm == "dismissed" || toks[k-2].Norm == "rejected") {
			return true
		}
	}
	return false
}

// deniedBare reports whether the finite verb at anchor heads a clause
// without "that" right after a verb of denial: "denied it had fired on
// protesters", "denies its troops opened fire". The clause's subject is a
// short noun phrase and its verb finite (or a participle after an
// auxiliary), so "denied them access" or "denied entry and fired" are not
// such clauses.
func deniedBare(toks []nlp.Token, anchor int) bool {
	k := anchor - 1
	aux := false
	for k > 0 && anchor-k <= 3 && (toks[k].Tag == "MD" || toks[k].Tag == "RB" || toks[k].Lemma == "have" || toks[k].Lemma == "be" || toks[k].Lemma == "do") {
		k--
		aux = true
	}
	switch toks[anchor].Tag {
	case "VBD", "VBZ", "VBP":
	case "VBN", "VBG":
		if !aux {
			return false // "denied backing the rebels" is read by denied
		}
	default:
		return false
	}
	end := k
subject:
	for k > 0 && end-k < 5 {
		switch toks[k].Tag {
		case "PRP", "PRP$", "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS":
			k--
		default:
			break subject
		}
	}
	if k == end || k < 0 {
		return false
	}
	switch toks[k].Norm {
	case "denied", "denies", "deny", "denying":
		return true
	}
	return false
}

// denials are the verbs whose "that" clause did not happen.
var denials = map[string]bool{"deny": true, "refute": true, "dispute": true, "denial": true, "dismiss": true, "reject": true}

// charged reports whether the verb at anchor is a gerund that says what
// someone is accused of ("accuse the government of killing protesters",
// "arrested for spying"): the content of the accusation, not an event, when
// the accusation is itself coded (an accuser is named).
func charged(toks []nlp.Token, anchor int) bool {
	if toks[anchor].Tag != "VBG" {
		return false
	}
	k := anchor - 1
	for k >= 0 && toks[k].Tag == "RB" {
		k--
	}
	if k < 1 || toks[k].Norm != "of" && toks[k].Norm != "for" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if accusations[toks[j].Lemma] {
			// "police have been accused of abducting critics": no one
			// accuses, so the report of the act is the only event to code
			if toks[j].Tag == "VBN" && j > 0 && (toks[j-1].Lemma == "be") {
				return false
			}
			return true
		}
		if toks[j].Norm == ";" || toks[j].Norm == "." {
			return false
		}
	}
	return false
}

// accusations are the words whose "of" or "for" names what is alleged.
var accusations = map[string]bool{
	"accuse": true, "charge": true, "suspect": true, "blame": true, "convict": true, "indict": true,
	"arrest": true, "detain": true, "allege": true, "accusation": true, "accusations": true,
	"suspicion": true, "charges": true, "prosecute": true, "jail": true, "sentence": true,
	"condemn": true, "criticize": true, "criticise": true, "denounce": true,
	"acquit": true, "exonerate": true, "absolve": true, "clear": true,
}

// conditionSubject returns the subject of the "if" or "unless" clause
// that follows a threat ("threatened to strike unless Israel withdraws"),
// when it is an actor other than the source, or nil.
func conditionSubject(toks []nlp.Token, ps []actors.Phrase, last int, src *actors.Phrase) *actors.Phrase {
	for k := last + 1; k < len(toks) && k <= last+15; k++ {
		switch toks[k].Norm {
		case ";", ".":
			return nil
		case "if", "unless":
			j := k + 1
			for j < len(toks) && toks[j].Tag == "DT" {
				j++
			}
			p := phraseStartingAt(ps, j)
			if p == nil || p.Tok0 == src.Tok0 || p.Country != "" && p.Country == src.Country && p.Sector == src.Sector {
				return nil
			}
			return p
		}
	}
	return nil
}

// mandativeThat returns the word of demand or appeal whose "that" clause
// holds the verb at anchor ("urged that Israel lift", "its demand that
// Israel ease"), or -1.
func mandativeThat(toks []nlp.Token, anchor int) int {
	switch a := &toks[anchor]; {
	case a.Tag == "VBZ" || a.Tag == "VBN" || a.Tag == "VBG", a.Tag == "VBD" && a.Norm != a.Lemma:
		return -1 // "the findings suggest that many were opposed": told as a fact, not a base form
	}
	for k := anchor - 1; k >= 1 && k >= anchor-8; k-- {
		t := &toks[k]
		if t.Norm == "that" {
			j := k - 1
			if timeWords[toks[j].Norm] && j > 0 {
				j-- // "its demand today that"
			}
			p := &toks[j]
			if p.IsVerb() && mandativeVerbs[p.Lemma] || p.IsNoun() && mandativeNouns[p.Norm] {
				return j
			}
			return -1
		}
		if t.IsVerb() && t.Tag != "MD" || isBoundary(t) {
			return -1
		}
	}
	return -1
}

// mandativeVerbs and mandativeNouns take a "that" clause of what someone
// is asked to do ("demanded that", "a call that").
var (
	mandativeVerbs = map[string]bool{
		"demand": true, "urge": true, "insist": true, "ask": true, "request": true, "recommend": true,
		"propose": true, "require": true,
	}
	mandativeNouns = map[string]bool{
		"demand": true, "demands": true, "call": true, "calls": true, "request": true, "requests": true,
		"appeal": true, "insistence": true, "proposal": true, "recommendation": true, "ultimatum": true,
	}
)

// conditional reports whether the verb at anchor is in an "if" or "unless"
// clause ("If Iran attacks Israel, the US will respond"): a condition, not
// an event.
func conditional(toks []nlp.Token, anchor int) bool {
	for k := anchor - 1; k >= 0 && k >= anchor-10; k-- {
		switch toks[k].Norm {
		case "if", "unless":
			return true
		case ",", ";", ":", "and", "but", "that":
			return false
		}
	}
	return false
}

// possessed reports whether p is a possessor ("Hungary's funds"): what
// the clause acts on is then the thing it owns, not p.
func possessed(toks []nlp.Token, p *actors.Phrase) bool {
	return p.Tok1 < len(toks) && (toks[p.Tok1].Tag == "POS" || toks[p.Tok1].Norm == "'s" || toks[p.Tok1].Norm == "'")
}

// phraseAt returns the phrase that starts at token i or right after a
// determiner there, or nil.
func phraseAt(ps []actors.Phrase, i int) *actors.Phrase {
	for k := range ps {
		if ps[k].Tok0 == i || ps[k].Tok0 == i+1 {
			return &ps[k]
		}
	}
	return nil
}

// headTitles name the one who heads the organisation before them ("UN
// chief", "NATO boss").
var headTitles = map[string]bool{"chief": true, "boss": true, "head": true}

// relativeBefore reports whether the verb at i opens a relative clause
// with its auxiliaries ("who had been held", "which was seized").
func relativeBefore(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch t := &toks[k]; {
		case t.Norm == "who" || t.Norm == "which" || t.Norm == "that":
			return true
		case t.Lemma == "be" || t.Lemma == "have" || t.Tag == "RB" || t.Tag == "MD":
		default:
			return false
		}
	}
	return false
}

// placeObject returns the country and name of a place right after token
// i (past "the"): a place the actors know with no agent ("captured
// Ghazni"), or a name of at most three words, no actor's, that the
// gazetteer knows ("captured Goma", "capture goma" in a headline read in
// lower case); else "".
func placeObject(toks []nlp.Token, ps []actors.Phrase, i int, pc PlaceCountries) (string, string) {
	k := i + 1
	if k < len(toks) && toks[k].Norm == "the" {
		k++
	}
	if p := phraseStartingAt(ps, k); p != nil && p.Head != nil && (p.Head.Kind == actors.Country || p.Head.Kind == actors.Capital) && p.Sector == "" && p.Country != "" {
		if p.Tok1 >= len(toks) || !toks[p.Tok1].IsNoun() && toks[p.Tok1].Tag != "POS" {
			return p.Country, p.Text
		}
		return "", ""
	}
	var name []string
	for ; k < len(toks) && len(name) < 3; k++ {
		t := &toks[k]
		if inPhrase(ps, k) || t.Tag != "NN" && t.Tag != "NNP" || t.Text == "" {
			break
		}
		name = append(name, strings.ToUpper(t.Text[:1])+t.Text[1:])
	}
	if len(name) == 0 || k < len(toks) && (toks[k].Tag == "POS" || toks[k].IsNoun()) {
		return "", "" // "seized Goma's airport": not the town
	}
	n := strings.Join(name, " ")
	if pc == nil {
		return "", ""
	}
	return pc.CountryOfName(n), n
}

// protestedCountry returns the country named after a protest's words at
// last as what the protesters are against ("chanting slogans against
// France", "carrying signs hostile to France"), or nil.
func protestedCountry(toks []nlp.Token, ps []actors.Phrase, last int) *actors.Phrase {
	for k := range ps {
		p := &ps[k]
		if p.Tok0 <= last || p.Head == nil || p.Head.Kind != actors.Country && p.Head.Kind != actors.Capital || p.Sector != "" || p.Tok0 < 1 {
			continue
		}
		prev := toks[p.Tok0-1].Norm
		if prev == "against" || prev == "to" && p.Tok0 >= 2 && toks[p.Tok0-2].Norm == "hostile" {
			return p
		}
	}
	return nil
}
