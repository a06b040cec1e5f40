package actors

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parley"
	"parley/nlp"
)

// unit is a matching unit: a token, or a part of a hyphenated token
// ("US-led" gives "US" and "led").
type unit struct {
	norm  string // lower case, dots and apostrophes dropped
	orig  string // dots and apostrophes dropped, case kept
	tok   int
	start int
	end   int
	// against marks the word after "pro-", "anti-" or "non-" ("pro-Russia
	// rebels", "non-Muslims"): it names whom they are for or against, not
	// who they are, so no match starts there ("anti-balaka" still matches).
	against bool
}

// unitPool holds unit buffers between documents.
var unitPool = sync.Pool{New: func() any { return new([]unit) }}

func unitsOf(toks []nlp.Token, us []unit) []unit {
	us = us[:0]
	for i, t := range toks {
		plain, dash := scanUnit(t.Text)
		if plain {
			// the common case: an ASCII word with no dot, apostrophe or dash
			us = append(us, unit{norm: lowerASCII(t.Text, t.Norm), orig: t.Text, tok: i, start: t.Start, end: t.End})
			continue
		}
		if dash && len(t.Text) > 1 {
			off := 0
			against := false // the part follows "pro-", "anti-" or "non-"
			for _, part := range strings.FieldsFunc(t.Text, func(r rune) bool { return r == '-' || r == '–' }) {
				j := strings.Index(t.Text[off:], part) + off
				w := stripUnit(part)
				if w != "" {
					norm := strings.ToLower(w)
					us = append(us, unit{norm: norm, orig: w, tok: i, start: t.Start + j, end: t.Start + j + len(part), against: against})
					against = norm == "pro" || norm == "anti" || norm == "non"
				}
				off = j + len(part)
			}
			continue
		}
		w := stripUnit(t.Text)
		if w == "" {
			if t.Norm == "'s" || t.Norm == "'" {
				us = append(us, unit{norm: "'s", orig: "'s", tok: i, start: t.Start, end: t.End})
			}
			continue
		}
		if t.Norm == "'s" {
			w = "'s"
		}
		us = append(us, unit{norm: strings.ToLower(w), orig: w, tok: i, start: t.Start, end: t.End})
	}
	return us
}

// scanUnit reports whether w is plain (ASCII, no dot, apostrophe or
// hyphen, so its unit is the word itself) and whether it has a dash.
func scanUnit(w string) (plain, dash bool) {
	plain = true
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '-':
			return false, true
		case c == '.' || c == '\'' || c >= utf8.RuneSelf:
			plain = false
		}
	}
	if !plain {
		dash = strings.ContainsRune(w, '–')
	}
	return plain, dash
}

// lowerASCII lower-cases an ASCII word, reusing norm (the token's
// lower-case form) when it is the same.
func lowerASCII(w, norm string) string {
	if len(norm) == len(w) && strings.EqualFold(w, norm) {
		return norm
	}
	return strings.ToLower(w)
}

// Mention is one dictionary match in a sentence.
type Mention struct {
	Entry      *Entry
	Tok0, Tok1 int // token range [Tok0, Tok1)
	Start, End int // byte span in the document
}

// Match returns the dictionary matches in a sentence's tokens, longest first,
// left to right, not overlapping. lower says the text is in lower case, so
// proper names need not be capitalized.
func (d *Dictionary) Match(toks []nlp.Token, lower bool) []Mention {
	return d.match(toks, lower, nil)
}

// match is Match with a buffer for the units, reused across sentences.
func (d *Dictionary) match(toks []nlp.Token, lower bool, buf *[]unit) []Mention {
	var us []unit
	if buf != nil {
		us = unitsOf(toks, *buf)
		*buf = us
	} else {
		us = unitsOf(toks, make([]unit, 0, len(toks)+4))
	}
	var out []Mention
	for i := 0; i < len(us); {
		if us[i].against {
			i++
			continue
		}
		best := d.longest(us[i:], func(p *phrase) bool { return matchAt(p, us[i:], lower) })
		if best == nil {
			i++
			continue
		}
		last := us[i+len(best.words)-1]
		if j := i + len(best.words); j < len(us) && waters[us[j].norm] && (best.entry.Kind == Country || best.entry.Kind == Adjective) {
			i = j + 1 // "the South China Sea", "the Gulf of Mexico" is a place, not the country
			continue
		}
		if i >= 2 && us[i-1].norm == "of" && waters[us[i-2].norm] {
			i += len(best.words)
			continue
		}
		if j := i + len(best.words); j < len(us) && (best.entry.Kind == Adjective || best.entry.Kind == Country) && symbols[us[j].norm] {
			i = j + 1 // "waving Russian flags": a symbol, not the country
			continue
		}
		if j := i + len(best.words); j < len(us) && best.entry.Kind == Group && strings.Contains(best.entry.Sector, "BUS") && modelNumber(us[j].orig) {
			i = j + 1 // "a Boeing 777", "an Airbus A320": an aircraft, not its maker
			continue
		}
		out = append(out, Mention{Entry: best.entry, Tok0: us[i].tok, Tok1: last.tok + 1, Start: us[i].start, End: last.end})
		i += len(best.words)
	}
	return out
}

// symbols are the things a country's name or adjective marks without
// naming an actor ("Russian flags", "the Ukrainian anthem").
var symbols = map[string]bool{"flag": true, "flags": true, "banner": true, "banners": true, "anthem": true, "colours": true, "colors": true, "emblem": true}

// modelNumber reports whether w names a product's model after its maker's
// name: digits, perhaps after one capital letter ("777", "A320", "F-16").
func modelNumber(w string) bool {
	if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' {
		w = strings.TrimPrefix(w[1:], "-")
	}
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// matchAt reports whether p, whose words are the norms of the units at the
// start of us, matches them as written: exact words in capitals, proper
// names capitalized.
func matchAt(p *phrase, us []unit, lower bool) bool {
	for j, w := range p.words {
		if p.exact[j] && us[j].orig != strings.ToUpper(w) {
			return false
		}
	}
	if lower || p.entry.Kind == Agent {
		return true
	}
	// Proper names are capitalized: "Turkey" the country, not "turkey".
	r, _ := utf8.DecodeRuneInString(us[0].orig)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// placedIn are the prepositions that place an agent in a country.
var placedIn = map[string]bool{"in": true, "inside": true, "across": true, "throughout": true}

// localSector holds the sectors of agents that act where they live: the
// police, protesters and crowds, workers, students, farmers.
var localSector = map[string]bool{"COP": true, "OPP": true, "CVL": true, "LAB": true, "EDU": true, "AGR": true}

// sentencePlace returns the first country or capital that the sentence
// names as a place ("in Baghdad", "at the border of Iran" is not one) for
// the agent p, not in an earlier clause than p's, or nil.
func sentencePlace(toks []nlp.Token, ps []Phrase, p *Phrase) *Phrase {
	for i := range ps {
		q := &ps[i]
		if q.Head == nil || q.Head.Kind != Country && q.Head.Kind != Capital || q.Country == "" {
			continue
		}
		if q.Tok1 <= p.Tok0 && slices.ContainsFunc(toks[q.Tok1:p.Tok0], func(t nlp.Token) bool { return t.Norm == "but" || t.Norm == ";" || t.Norm == "while" }) {
			continue // "He met Houthi negotiators in Muscat, but the rebels refused": another clause's place
		}
		k := q.Tok0 - 1
		for k >= 0 && toks[k].Tag == "DT" {
			k--
		}
		if k >= 0 && (placedIn[toks[k].Norm] || toks[k].Norm == "at" || toks[k].Norm == "outside" || toks[k].Norm == "near") &&
			!(q.Tok1 < len(toks) && waters[toks[q.Tok1].Norm]) {
			return q
		}
	}
	return nil
}

// waters are the words that make a country's name a sea's ("South China
// Sea", "Sea of Japan", "Gulf of Mexico").
var waters = map[string]bool{"sea": true, "gulf": true, "ocean": true, "strait": true, "straits": true, "bay": true}

// Phrase is an actor phrase: neighbouring mentions read as one actor
// ("Afghan President Ashraf Ghani", "Taliban representatives").
type Phrase struct {
	Tok0, Tok1 int
	Start, End int
	Text       string
	Head       *Entry // person > group > capital > country or adjective > agent
	Country    string
	Sector     string
	Former     bool   // "former president"
	Note       string // how context resolved it, e.g. "the group = Taliban"
	Context    bool   // country or identity taken from the article, not the phrase
	Foreign    bool   // "foreign forces": an agent of no country named, not the article's
	Article    bool   // country taken from the article's main country only
	// Pair is the second actor of a pair that the phrase refers to ("the
	// two sides" after "Armenia and Azerbaijan"); the phrase is the first.
	Pair *Phrase
}

// newsAgency reports whether p names a news organisation ("an AFP
// correspondent said", "Reuters reported"): its country says where the
// news comes from, not what the article is about.
func newsAgency(p *Phrase) bool {
	return p.Head != nil && p.Head.Kind == Group && strings.HasPrefix(p.Sector, "MED")
}

// nonState are the code prefixes of actors of no country: international
// governmental and non-governmental organisations, international militant
// groups, multinational companies.
var nonState = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true}

// Actor returns the coded actor for an event on date (YYYY-MM-DD).
func (p *Phrase) Actor(date string) *parley.Actor {
	a := &parley.Actor{Text: p.Text, Country: p.Country, Sector: p.Sector, Span: &parley.Span{p.Start, p.End}}
	switch {
	case p.Head != nil && p.Head.Kind == Person:
		a.Code = p.Head.CodeAt(date)
		switch {
		case len(a.Code) >= 3 && nonState[a.Code[:3]]:
			a.Country, a.Sector = "", a.Code[:3] // "IGOUNO", "IMGMUSISI": no country, as for groups
		case len(a.Code) >= 6:
			a.Country, a.Sector = a.Code[:3], a.Code[3:6]
		}
		if p.Former && a.Sector == "GOV" {
			a.Code, a.Sector = a.Code[:3]+"ELI"+a.Code[6:], "ELI"
		}
		if !p.Former && a.Sector == "ELI" && p.Sector != "" && p.Sector != "ELI" && (p.Country == "" || p.Country == a.Country) {
			// "Russian President Boris Yeltsin" in a story whose date is
			// outside his dictionary terms: the title in the text says
			// what he was
			a.Code, a.Sector = a.Country+p.Sector, p.Sector
		}
	case p.Head != nil && (p.Head.Kind == Group || p.Head.Kind == Capital):
		a.Code = p.Head.Code
		a.Country, a.Sector = p.Head.Country, p.Head.Sector
	case p.Foreign && p.Country == "":
		return a // "foreign forces": no code
	default:
		sector := p.Sector
		if p.Former && sector == "GOV" {
			sector = "ELI"
		}
		a.Sector = sector
		a.Code = p.Country + sector
	}
	return a
}

// joiners may stand between the parts of one actor phrase.
var joiners = map[string]bool{"'s": true, "the": true, "of": false, "senior": true, "top": true, "former": true,
	"acting": true, "interim": true, "new": true, "then": true, "deputy": true, "chief": true, "foreign": false,
	"local": true, "provincial": true, "regional": true, "national": true, "federal": true, "state": true,
	"ruling": true, "exiled": true, "elected": true, "outgoing": true, "incoming": true, "late": true, "-": true}

// Phrases joins a sentence's mentions into actor phrases.
func (d *Dictionary) Phrases(toks []nlp.Token, ms []Mention) []Phrase {
	var out []Phrase
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && gapJoins(toks, ms[j-1].Tok1, ms[j].Tok0) && compatible(ms[i:j], ms[j]) {
			j++
		}
		p := Phrase{Tok0: ms[i].Tok0, Tok1: ms[j-1].Tok1, Start: ms[i].Start, End: ms[j-1].End}
		// "former" just before the phrase, or inside it
		unnamed := false // foreign only as "unidentified" or "unknown"
		for k := max(p.Tok0-2, 0); k < p.Tok1; k++ {
			switch toks[k].Norm {
			case "former", "ex", "ex-":
				p.Former = true
			case "foreign", "international", "western", "allied", "multinational", "coalition", "unidentified", "unknown",
				"regional", "european", "african", "arab", "asian", "gulf", "nordic", "baltic", "balkan", "caribbean", "latin":
				if k+1 >= len(toks) || !ownOffice[toks[k+1].Norm] {
					unnamed = !p.Foreign && (toks[k].Norm == "unidentified" || toks[k].Norm == "unknown")
					p.Foreign = true
				}
			}
		}
		for _, m := range ms[i:j] {
			e := m.Entry
			switch e.Kind {
			case Country, Adjective:
				if p.Country == "" {
					p.Country = e.Country
				}
			case Agent:
				if p.Sector == "" || p.Sector == "GOV" && e.Sector != "GOV" {
					p.Sector = e.Sector
				}
			}
			if p.Head == nil || rank(e.Kind) > rank(p.Head.Kind) {
				p.Head = e
			}
		}
		if p.Head.Kind == Agent && j == i+1 && p.Tok1-p.Tok0 == 1 && toks[p.Tok0].Tag == "JJ" && p.Tok1 < len(toks) && strings.HasPrefix(toks[p.Tok1].Tag, "NN") {
			// "official contact", "military aid", "terrorist activities":
			// an agent word used as an adjective names no actor.
			i = j
			continue
		}
		if p.Head.Kind == Capital {
			p.Country = p.Head.Country
		}
		if p.Head.Kind == Capital && len(ms[i:j]) > 1 {
			// "Kabul police": the capital locates an agent.
			p.Country = p.Head.Country
			for _, m := range ms[i:j] {
				if m.Entry.Kind != Capital {
					p.Head = m.Entry
				}
			}
		}
		if p.Head.Kind == Group && p.Head.Country != "" {
			p.Country, p.Sector = p.Head.Country, p.Head.Sector
		}
		if p.Head.Kind == Group && p.Head.Country == "" {
			p.Sector = p.Head.Sector
		}
		if unnamed && p.Sector == "UAF" && p.Country == "" {
			// "unidentified gunmen", "unknown attackers": an unidentified
			// armed force is of the place where it acts, not foreign
			p.Foreign = false
		}
		out = append(out, p)
		i = j
	}
	// "US and British activists", "Afghan, US and NATO officials": the
	// agent belongs to each of the coordinated countries.
	for k := len(out) - 2; k >= 0; k-- {
		p, q := &out[k], &out[k+1]
		if q.Tok0 != p.Tok1+1 || toks[p.Tok1].Norm != "and" && toks[p.Tok1].Norm != "," {
			continue
		}
		// an adjective, or an abbreviation used as one ("US and British"),
		// not a country's name ("Israel and Palestinian militants")
		attributive := p.Head.Kind == Adjective || p.Head.Kind == Country && p.Tok1-p.Tok0 == 1 && isAbbrev(stripUnit(toks[p.Tok0].Text))
		if p.Sector != "" || !attributive {
			continue
		}
		if q.Sector == "" || q.Country == "" || q.Head.Kind != Agent && q.Head.Kind != Country && q.Head.Kind != Adjective || q.Tok1-q.Tok0 < 2 {
			continue
		}
		p.Sector = q.Sector
	}
	// "fighters from the Allied Democratic Forces", "members of the
	// Taliban": the armed group's men are the group
	for k := len(out) - 1; k >= 0; k-- {
		q := &out[k]
		if q.Head.Kind != Group || !armedGroup[q.Sector] {
			continue
		}
		j := q.Tok0 - 1
		if j >= 0 && toks[j].Norm == "the" {
			j--
		}
		if j < 1 || toks[j].Norm != "from" && toks[j].Norm != "of" || !memberNouns[toks[j-1].Norm] {
			continue
		}
		m := j - 1
		if k > 0 && out[k-1].Tok1 == j && out[k-1].Tok0 == m && out[k-1].Head.Kind == Agent {
			out = append(out[:k-1], out[k:]...) // "rebels" of "rebels from the M23"
			k--
			q = &out[k]
		} else if inPhrase(out, m) {
			continue
		}
		q.Tok0, q.Start = m, toks[m].Start
	}
	// "protesters in Baghdad", "police in Afghanistan": an agent without a
	// country takes the country of the place it is in.
	for k := range out {
		p := &out[k]
		ethnic := p.Head.Kind == Adjective && p.Tok0 > 0 && toks[p.Tok0-1].Norm == "ethnic"
		if p.Head.Kind == Adjective && p.Sector == "" && p.Tok1-p.Tok0 == 1 && p.Tok0 > 0 && toks[p.Tok0-1].Norm == "the" &&
			strings.HasSuffix(toks[p.Tok0].Norm, "s") && p.Tok1 < len(toks) && toks[p.Tok1].Norm == "of" {
			ethnic = true // "the Albanians of southern Serbia", "the Serbs of Bosnia"
		}
		if k+1 >= len(out) || !ethnic && (p.Country != "" || p.Head.Kind != Agent) {
			continue
		}
		q := out[k+1]
		// allow an unknown name between: "King Hassan of Morocco"
		at := p.Tok1
		for at < q.Tok0 && at < p.Tok1+2 && toks[at].Tag == "NNP" {
			at++
		}
		if at >= q.Tok0 || toks[at].Norm != "in" && toks[at].Norm != "from" && toks[at].Norm != "of" {
			continue
		}
		// "in south Serbia", "of the eastern Congo"
		at++
		for at < q.Tok0 && (toks[at].Tag == "DT" || directions[toks[at].Norm]) {
			at++
		}
		if q.Tok0 == at && q.Country != "" && (q.Head.Kind == Country || q.Head.Kind == Capital) {
			// "ethnic Albanians in south Serbia" are Serbia's
			p.Country = q.Country
			if ethnic {
				p.Head = &Entry{Kind: Country, Name: p.Head.Name, Code: q.Country, Country: q.Country, Where: p.Head.Where}
			}
		}
	}
	return out
}

// personCountry returns the country of a person named without one (his
// first role's), or "".
func personCountry(p *Phrase) string {
	if p.Country != "" || p.Head == nil || p.Head.Kind != Person || len(p.Head.Code) < 3 {
		return ""
	}
	if c := p.Head.Code[:3]; !nonState[c] {
		return c
	}
	return ""
}

// refPair returns the pair the pair words at t refer to: the sentence's
// own (cur), else the last one named (last), if the words may name it
// ("the two countries" are no pair of agents, "the army and the police");
// none otherwise.
func refPair(cur, last, far, art, sides [2]*Phrase, toks []nlp.Token, t int) [2]*Phrase {
	ok := func(p [2]*Phrase) bool {
		return p[0] != nil && (!agentish(p[0]) && !agentish(p[1]) || !statePair[toks[t+pairWords(toks, t)-1].Norm])
	}
	if w := toks[t+pairWords(toks, t)-1].Norm; art[0] == nil && (w == "sides" || w == "parties") {
		art = sides // "both sides": the article's two countries, named less evenly
	}
	if t > 0 && toks[t-1].IsVerb() && toks[t-1].Lemma != "be" && cur[0] != nil && cur[1].Tok1 < t {
		// "The United States and China urged both sides to exercise
		// restraint": the pair that acts is not the pair it acts on, the
		// one named before is
		if ok(last) && last != cur {
			return last
		}
		if ok(far) && far != cur {
			// "The United Nations urged both parties to allow aid": an
			// outsider addressing the sides means the pair of the
			// conflict, however long ago it was named
			return far
		}
		return art
	}
	switch {
	case ok(cur) && !pairActs(cur, toks, t):
		return cur
	case ok(last):
		return last
	case t > 0 && toks[t-1].IsVerb() && toks[t-1].Lemma != "be" && ok(far):
		return far // "The United Nations urged both parties": the conflict's pair
	case statePair[toks[t+pairWords(toks, t)-1].Norm]:
		return art // "the two countries": states, not the sides of a civil war
	case art == sides && t > 0 && toks[t-1].Norm == "from":
		return sides // "negotiators from both sides"
	}
	return [2]*Phrase{}
}

// pairActs reports whether the pair p is the subject of a verb between it
// and the pair words at t, in one clause ("Brazil and Colombia urged both
// sides to talk"): the words then name another pair, not the subject.
func pairActs(p [2]*Phrase, toks []nlp.Token, t int) bool {
	verb := false
	for k := p[1].Tok1; k < t; k++ {
		switch tk := &toks[k]; {
		case tk.Norm == ";" || tk.Norm == "and" && k > 0 && toks[k-1].Norm == "," || tk.Norm == "but":
			return false // "met Tusk, and the two leaders signed": a new clause
		case tk.Norm == "who" || tk.Norm == "which" || tk.Norm == "that":
			verb = false // a relative clause's verb is not the pair's
			for k < t && toks[k].Norm != "," {
				k++
			}
		case tk.Tag == "VBD" || tk.Tag == "VBZ" || tk.Tag == "VBP":
			verb = true
		}
	}
	return verb
}

// meetings are the verbs whose subject and object make a pair ("Zelensky
// met Tusk").
var meetings = map[string]bool{"meet": true, "host": true, "receive": true}

// ownOffice are the words after "foreign" or "coalition" that make a
// country's own office, not someone else's agents ("the foreign minister",
// "the Foreign Office", "the coalition government"; but "foreign forces").
var ownOffice = map[string]bool{
	"minister": true, "ministers": true, "ministry": true, "ministries": true, "office": true, "affairs": true,
	"secretary": true, "policy": true, "service": true, "government": true, "partners": true, "partner": true,
}

func rank(k Kind) int {
	return [...]int{0, 2, 1, 3, 0, 4, 5}[k]
}

// gapJoins reports whether the tokens between two mentions let them read as
// one phrase.
func gapJoins(toks []nlp.Token, from, to int) bool {
	if to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		t := toks[k]
		if !joiners[t.Norm] && t.Tag != "JJ" && t.Tag != "NNP" && t.Tag != "NN" || t.Norm == "and" {
			return false
		}
		if k == from && k > 0 && strings.HasPrefix(toks[k-1].Tag, "NN") && t.Tag == "JJ" && strings.Contains(t.Norm, "-") && strings.HasSuffix(t.Norm, "ed") {
			return false // "police tear-gassed protesters": a verb the tagger read as an adjective
		}
		if k == from && k > 0 && toks[k-1].Tag == "NNP" && t.Tag == "JJ" && strings.HasSuffix(t.Norm, "ed") && !strings.Contains(t.Norm, "-") && !edModifiers[t.Norm] {
			return false // "Syria attacked/JJ government forces": a past verb after a name
		}
	}
	return true
}

// edModifiers are the -ed adjectives that stand between a name and its
// agents ("US armed forces", "Afghan elected officials").
var edModifiers = map[string]bool{
	"armed": true, "elected": true, "unidentified": true, "unnamed": true, "detained": true,
	"jailed": true, "exiled": true, "retired": true, "organized": true, "organised": true,
	"trained": true, "displaced": true, "wounded": true, "injured": true, "disputed": true,
	"allied": true, "united": true, "masked": true, "suspected": true, "alleged": true,
}

// compatible reports whether m can join the phrase made of ms: at most one
// person or group, and no second country unless it modifies an agent.
func compatible(ms []Mention, m Mention) bool {
	for _, o := range ms {
		a, b := o.Entry.Kind, m.Entry.Kind
		if (a == Person || a == Group) && (b == Person || b == Group) {
			return false
		}
		if (a == Country || a == Capital) && (b == Country || b == Capital) {
			return false
		}
		if a == Adjective && b == Adjective && m.Tok0 == o.Tok1 && strings.HasSuffix(m.Entry.Name, "s") && !strings.HasSuffix(o.Entry.Name, "s") {
			continue // "Bosnian Serbs", "Iraqi Kurds": a people living in the first adjective's country
		}
		if a == Country && b == Adjective || a == Adjective && b == Adjective {
			return false
		}
		if (a == Person || a == Group) && (b == Country || b == Adjective) {
			return false
		}
		if a == Agent && b == Country {
			return false
		}
	}
	return true
}

// Sentence is the actors of one sentence.
type Sentence struct {
	Phrases []Phrase
}

// corefGroup lists the definite descriptions that refer back to the last
// named group ("the group has refused ...").
// corefBloc are the nouns that name an organisation of states already
// named ("the bloc", "the alliance").
var corefBloc = map[string]bool{"bloc": true, "alliance": true, "union": true, "organisation": true, "organization": true, "body": true, "council": true}

// memberQuantifiers may stand before "members" that refer to the
// organisation named before ("Several members condemned").
var memberQuantifiers = map[string]bool{"several": true, "some": true, "many": true, "most": true, "other": true, "all": true, "both": true, "its": true}

// followerNouns after "his" or "her" name a person's followers ("his
// supporters"), coded as the civilians of the person's country.
var followerNouns = map[string]bool{"supporters": true, "followers": true, "loyalists": true, "backers": true}

var corefGroup = map[string]bool{"group": true, "movement": true, "organisation": true, "organization": true, "militia": true, "insurgency": true, "outfit": true, "faction": true, "bloc": true, "alliance": true}

// Document finds the actors of every sentence of a document, resolving
// agents without a country to the article's main country and "the group",
// "he" and "she" to the last group or person named before them.
func (d *Dictionary) Document(sents []nlp.Sentence) []Sentence {
	return d.DocumentCase(sents, isLowerText(sents))
}

// DocumentCase is Document for a text whose case is known: lower says
// proper names need not be capitalized (false for a text that Truecase
// gave, whose names it capitalized).
func (d *Dictionary) DocumentCase(sents []nlp.Sentence, lower bool) []Sentence {
	out := make([]Sentence, len(sents))
	counts := map[string]int{}
	first := map[string]int{}
	order := 0
	units := unitPool.Get().(*[]unit)
	defer func() {
		clear((*units)[:cap(*units)]) // drop references to the text
		unitPool.Put(units)
	}()
	for i, s := range sents {
		ms := d.match(s.Tokens, lower, units)
		ps := d.Phrases(s.Tokens, ms)
		for k := range ps {
			ps[k].Text = textOf(s, ps[k].Start, ps[k].End)
			if c := personCountry(&ps[k]); c != "" {
				counts[c]++ // "Andrew Cuomo criticized the federal government": his country
				if _, ok := first[c]; !ok {
					first[c] = order
					order++
				}
			}
			if c := ps[k].Country; c != "" && !newsAgency(&ps[k]) && d.IsCountry(c) {
				counts[c]++
				if _, ok := first[c]; !ok {
					first[c] = order
					order++
				}
			}
		}
		out[i].Phrases = ps
	}
	main := ""
	for c, n := range counts {
		if main == "" || n > counts[main] || n == counts[main] && first[c] < first[main] {
			main = c
		}
	}
	// "India expelled Pakistani diplomats ... The two countries have
	// fought three wars": with no pair named, the article's two countries,
	// when it is about two that are named about as often
	var artPair [2]*Phrase
	// "Kosovo police arrested three Serbs ... met negotiators from both
	// sides": with no pair named, the sides are the article's two
	// countries, when the second is named at least half as often
	var sidesPair [2]*Phrase
	if second := secondCountry(counts, first, main); second != "" && counts[second] >= 3 && 2*counts[second] >= counts[main] {
		for k, c := range [2]string{main, second} {
			if first[second] < first[main] {
				c = [2]string{second, main}[k]
			}
			e := &Entry{Kind: Country, Name: c, Code: c, Country: c}
			sidesPair[k] = &Phrase{Head: e, Text: c, Country: c, Context: true, Note: "the article's two countries"}
		}
		if 5*counts[second] >= 3*counts[main] {
			artPair = sidesPair
		}
	}
	// "ethnic Albanians demonstrated in Serbia": an ethnic group not placed
	// in its sentence lives in the article's country, when that is another
	for i := range out {
		for k := range out[i].Phrases {
			p := &out[i].Phrases[k]
			ethnic := p.Head.Kind == Adjective && p.Tok0 > 0 && sents[i].Tokens[p.Tok0-1].Norm == "ethnic"
			if !ethnic || p.Sector != "" || main == "" || p.Country != p.Head.Country || main == p.Country {
				continue
			}
			p.Note = fmt.Sprintf("ethnic %s in the article's country: %s", p.Text, main)
			p.Country, p.Context = main, true
			p.Head = &Entry{Kind: Country, Name: p.Head.Name, Code: main, Country: main, Where: p.Head.Where}
		}
	}
	var lastGroup, lastPerson *Phrase
	var lastBloc *Phrase // the last organisation of states (IGO) named
	personAt := -1       // sentence of lastPerson
	// the previous sentence's first plural actor and first country or
	// group, for a "they" or "it" that opens a sentence
	var prevPlural, prevThing *Phrase
	var prevSpeaker *Phrase            // the previous sentence's subject, a person or an office one holds
	prevOffice := map[string]*Phrase{} // the last office named with a country, by its head word
	var pair [2]*Phrase                // the last two actors joined by "and"
	pairAt := -1                       // its sentence
	var farPair [2]*Phrase             // the last pair named, however long ago
	var persons []*Phrase              // the persons named, in order
	var lastPeople *Phrase             // the last plural agents acted on
	peopleAt := -1                     // its sentence
	surnames := map[string]*Phrase{}   // the last name that ends a person's or an agent's name
	var personSent []int               // the sentence of each
	for i, s := range sents {
		if pairAt >= 0 && i-pairAt > 2 {
			pair, pairAt = [2]*Phrase{}, -1 // "the two sides" reaches back two sentences at most
		}
		if personAt >= 0 && i-personAt > 1 {
			lastPerson = nil // a pronoun reaches back one sentence at most
		}
		ps := out[i].Phrases
		for k := range ps {
			if p := &ps[k]; p.Country == "" && p.Head.Kind == Agent && !p.Foreign && p.Tok1-p.Tok0 == 1 && p.Tok0 > 0 && s.Tokens[p.Tok0-1].Norm == "the" &&
				officeRef(s.Tokens, p.Tok0) && prevOffice[s.Tokens[p.Tok0].Norm] != nil && prevOffice[s.Tokens[p.Tok0].Norm].Sector == p.Sector {
				// "Germany's foreign ministry summoned ... The ministry
				// said": the office last named with that word
				q := prevOffice[s.Tokens[p.Tok0].Norm]
				p.Country, p.Context = q.Country, true
				p.Note = "the " + s.Tokens[p.Tok0].Norm + " = " + q.Text
			}
		}
		// "Opposition candidate Edmundo Gonzalez ... Sanchez received
		// Gonzalez": a surname alone is the named actor it ended before
		var named []Phrase
		for t := range s.Tokens {
			if q := surnames[s.Tokens[t].Text]; q != nil && surnameAlone(s.Tokens, ps, t) {
				p := *q
				p.Tok0, p.Tok1, p.Start, p.End, p.Text, p.Pair = t, t+1, s.Tokens[t].Start, s.Tokens[t].End, s.Tokens[t].Text, nil
				p.Note, p.Context = fmt.Sprintf("%s = %s", p.Text, q.Text), true
				named = append(named, p)
			}
		}
		if len(named) > 0 {
			ps = mergeSorted(ps, named)
		}
		for k := range ps {
			if p := &ps[k]; p.Head.Kind == Person && !p.Context && p.Tok1-p.Tok0 >= 2 && s.Tokens[p.Tok1-1].Tag == "NNP" && s.Tokens[p.Tok1-2].Tag == "NNP" && len(s.Tokens[p.Tok1-1].Text) > 2 {
				surnames[s.Tokens[p.Tok1-1].Text] = p
			} else if e := surnameOf(s.Tokens, p); e >= 0 {
				surnames[s.Tokens[e].Text] = p
			}
		}
		var added []Phrase
		var countryLater []objectRef // pronouns for an agent of this sentence, that take its country once known
		var later []objectRef        // object pronouns that take a phrase of this sentence, copied once its country is known
		// pronouns and definite descriptions, in token order with the phrases
		k := 0
		for t := 0; t < len(s.Tokens); t++ {
			for k < len(ps) && ps[k].Tok0 <= t {
				remember(&ps[k], &lastGroup, &lastPerson)
				if ps[k].Head.Kind == Group && strings.HasPrefix(ps[k].Head.Code, "IGO") {
					lastBloc = &ps[k]
				}
				if ps[k].Head.Kind == Agent && (namedAgent(s.Tokens, &ps[k]) || ps[k].Tok1-ps[k].Tok0 == 1 && surnames[s.Tokens[ps[k].Tok0].Text] != nil && ps[k].Context) {
					// "Interior Minister Mohsin Naqvi said ... he called": a
					// named agent is a person
					lastPerson = &ps[k]
				}
				if ps[k].Head.Kind == Person || ps[k].Head.Kind == Agent && lastPerson == &ps[k] {
					personAt = i
					persons, personSent = append(persons, &ps[k]), append(personSent, i)
				}
				if t < ps[k].Tok1 {
					t = ps[k].Tok1
				}
				k++
			}
			if t >= len(s.Tokens) {
				break
			}
			tok := s.Tokens[t]
			switch {
			case (tok.Norm == "we" || tok.Norm == "i") && quoteSpeaker(s.Tokens, ps, t) != nil:
				// "\"We will not negotiate,\" the minister said": the speaker
				sp := quoteSpeaker(s.Tokens, ps, t)
				p := *sp
				p.Tok0, p.Tok1, p.Start, p.End, p.Text = t, t+1, tok.Start, tok.End, tok.Text
				p.Note, p.Context = fmt.Sprintf("%s = %s, who is quoted", tok.Text, sp.Text), true
				added = append(added, p)
			case (tok.Norm == "he" || tok.Norm == "she") && prevSpeaker != nil && t == 0 && (lastPerson == nil || personAt != i-1 || lastPerson.Tok0 > prevSpeaker.Tok0):
				// "Mexico's president met Joe Biden. He asked ...": a
				// pronoun opening a sentence is the last one's subject,
				// when that is a person or an office held by one
				p := *prevSpeaker
				p.Tok0, p.Tok1, p.Start, p.End, p.Text = t, t+1, tok.Start, tok.End, tok.Text
				p.Note, p.Context = fmt.Sprintf("%s = %s, the last sentence's subject", tok.Text, prevSpeaker.Text), true
				added = append(added, p)
			case (tok.Norm == "he" || tok.Norm == "she") && lastPerson != nil:
				p := *lastPerson
				p.Tok0, p.Tok1, p.Start, p.End, p.Text = t, t+1, tok.Start, tok.End, tok.Text
				p.Note, p.Context = fmt.Sprintf("%s = %s", tok.Text, lastPerson.Text), true
				added = append(added, p)
				countryLater = append(countryLater, objectRef{len(added) - 1, indexIn(ps, lastPerson)})
			case tok.Norm == "they" || tok.Norm == "it":
				// "Japan said it had halted aid", "the Houthis claimed they
				// had attacked": the sentence's first actor before it.
				found := false
				for q := range ps {
					if ps[q].Tok1 <= t && ps[q].Head.Kind != Person && (tok.Norm == "they" || ps[q].Head.Kind != Person && !isPlural(s.Tokens, ps[q])) {
						p := ps[q]
						p.Tok0, p.Tok1, p.Start, p.End, p.Text = t, t+1, tok.Start, tok.End, tok.Text
						p.Note, p.Context = fmt.Sprintf("%s = %s", tok.Text, ps[q].Text), true
						added = append(added, p)
						found = true
						break
					}
				}
				// "Protesters marched on Friday. They accuse the
				// government ...": the previous sentence's actor, for a
				// pronoun that opens its clause and does something ("it
				// said", not "it was unclear")
				prev := prevPlural
				if tok.Norm == "it" {
					prev = prevThing
				}
				if !found && prev != nil && opensClause(s.Tokens, t) && t+1 < len(s.Tokens) && s.Tokens[t+1].IsVerb() && s.Tokens[t+1].Lemma != "be" {
					p := *prev
					p.Tok0, p.Tok1, p.Start, p.End, p.Text = t, t+1, tok.Start, tok.End, tok.Text
					p.Note, p.Context = fmt.Sprintf("%s = %s", tok.Text, prev.Text), true
					added = append(added, p)
				}
			case (tok.Norm == "him" || tok.Norm == "her" && (t+1 >= len(s.Tokens) || !s.Tokens[t+1].IsNoun() && s.Tokens[t+1].Tag != "JJ")) && tok.Tag == "PRP" && objectPerson(s.Tokens, persons, personSent, i, t) != nil:
				// "Sanchez received Gonzalez and said Spain would grant him
				// asylum": the last person named, unless that is the subject
				// of the verb before it ("Biden said Putin insulted him")
				q := objectPerson(s.Tokens, persons, personSent, i, t)
				p := *q
				p.Tok0, p.Tok1, p.Start, p.End, p.Text, p.Pair = t, t+1, tok.Start, tok.End, tok.Text, nil
				p.Note, p.Context = fmt.Sprintf("%s = %s", tok.Text, q.Text), true
				added = append(added, p)
				countryLater = append(countryLater, objectRef{len(added) - 1, indexIn(ps, q)})
			case (tok.Norm == "his" || tok.Norm == "her") && tok.Tag == "PRP$" && t+1 < len(s.Tokens) && followerNouns[s.Tokens[t+1].Norm] && lastPerson != nil && !inPhrase(ps, t+1):
				// "Mondlane called on his supporters to continue": his
				// followers, the civilians of his country
				c := lastPerson.Country
				if c == "" {
					c = personCountry(lastPerson)
				}
				if c != "" {
					e := &Entry{Kind: Agent, Name: s.Tokens[t+1].Norm, Sector: "CVL"}
					p := Phrase{Head: e, Country: c, Sector: "CVL", Context: true, Tok0: t, Tok1: t + 2, Start: tok.Start, End: s.Tokens[t+1].End}
					p.Text = textOf(s, p.Start, p.End)
					p.Note = fmt.Sprintf("%s = %s's, civilians of %s", p.Text, lastPerson.Text, c)
					added = append(added, p)
					t++
				}
			case tok.Norm == "all" && t > 0 && s.Tokens[t-1].IsVerb() && t+1 < len(s.Tokens) && (s.Tokens[t+1].Norm == "parties" || s.Tokens[t+1].Norm == "sides") &&
				!inPhrase(ps, t+1) && main != "" && sidesPair[0] == nil && (pair[0] == nil || pairAt < i-2):
				// "SADC urged all parties to exercise restraint", in an
				// article about one country with no pair named: that
				// country's sides
				e := &Entry{Kind: Country, Name: main, Code: main, Country: main}
				p := Phrase{Head: e, Country: main, Context: true, Tok0: t, Tok1: t + 2, Start: tok.Start, End: s.Tokens[t+1].End}
				p.Text = textOf(s, p.Start, p.End)
				p.Note = p.Text + " = the article's country: " + main
				added = append(added, p)
				t++
			case (tok.Norm == "his" || tok.Norm == "her") && tok.Tag == "PRP$" && t+1 < len(s.Tokens) && patientNouns[s.Tokens[t+1].Norm] && lastPerson != nil && !inPhrase(ps, t+1):
				// "a court issued a warrant for his arrest": what is done
				// to him is done to the person last named
				p := *lastPerson
				p.Tok0, p.Tok1, p.Start, p.End, p.Text, p.Pair = t, t+1, tok.Start, tok.End, tok.Text, nil
				p.Note, p.Context = fmt.Sprintf("%s = %s", tok.Text, lastPerson.Text), true
				added = append(added, p)
				countryLater = append(countryLater, objectRef{len(added) - 1, indexIn(ps, lastPerson)})
			case tok.Norm == "them" && objectPlural(s.Tokens, ps, added, t) >= 0:
				// "arrested three Serbian nationals, accusing them",
				// "met negotiators from both sides and urged them": the
				// last plural actor named before it in the sentence, not
				// the subject of the verb before it
				later = append(later, objectRef{len(added), objectPlural(s.Tokens, ps, added, t)})
				added = append(added, Phrase{Tok0: t, Tok1: t + 1, Start: tok.Start, End: tok.End, Text: tok.Text})
			case pairWords(s.Tokens, t) > 0 && !inPhrase(ps, t) && refPair(pairIn(s.Tokens, ps, t), pair, farPair, artPair, sidesPair, s.Tokens, t)[0] != nil:
				// "the two sides", "both parties", "Zelensky met Tusk, and the
				// two leaders signed": the pair of this sentence, else the
				// last pair named ("the two countries" are no pair of agents)
				sp := refPair(pairIn(s.Tokens, ps, t), pair, farPair, artPair, sidesPair, s.Tokens, t)
				if sp[0] == pair[0] {
					pairAt = i // named again, the pair reaches on
				}
				n := pairWords(s.Tokens, t)
				p, q := *sp[0], *sp[1]
				p.Tok0, p.Tok1, p.Start, p.End = t, t+n, tok.Start, s.Tokens[t+n-1].End
				p.Text = textOf(s, p.Start, p.End)
				p.Note, p.Context = fmt.Sprintf("%s = %s and %s", p.Text, sp[0].Text, sp[1].Text), true
				q.Tok0, q.Tok1, q.Start, q.End, q.Text, q.Context = p.Tok0, p.Tok1, p.Start, p.End, p.Text, true
				p.Pair = &q
				added = append(added, p)
				t += n - 1
			case tok.Norm == "the" && t+1 < len(s.Tokens) && corefBloc[s.Tokens[t+1].Norm] && lastBloc != nil && !inPhrase(ps, t+1):
				// "ECOWAS ... The bloc imposed sanctions": the last
				// organisation of states named
				p := *lastBloc
				p.Tok0, p.Tok1, p.Start, p.End = t, t+2, tok.Start, s.Tokens[t+1].End
				p.Text = textOf(s, p.Start, p.End)
				p.Note, p.Context = fmt.Sprintf("%s = %s", p.Text, lastBloc.Text), true
				added = append(added, p)
			case tok.Norm == "the" && t+1 < len(s.Tokens) && peopleRef(s.Tokens, t) > 0 && lastPeople != nil && peopleAt >= i-1 && !inPhrase(ps, t+1):
				// "Kosovo police arrested three Serbian nationals ... demanded
				// the release of the men": the people last acted on
				n := peopleRef(s.Tokens, t)
				p := *lastPeople
				p.Tok0, p.Tok1, p.Start, p.End, p.Pair = t, t+n, tok.Start, s.Tokens[t+n-1].End, nil
				p.Text = textOf(s, p.Start, p.End)
				p.Note, p.Context = fmt.Sprintf("%s = %s", p.Text, lastPeople.Text), true
				added = append(added, p)
				t += n - 1
			case tok.Norm == "members" && prevThing != nil && strings.HasPrefix(prevThing.Head.Code, "IGO") &&
				(t == 0 || memberQuantifiers[s.Tokens[t-1].Norm]) && (t+1 >= len(s.Tokens) || s.Tokens[t+1].Norm != "of"):
				// "The UN Security Council met on Saturday. Several members
				// condemned ...": the members of the organisation just named
				p := *prevThing
				p.Tok0, p.Tok1, p.Start, p.End, p.Text = t, t+1, tok.Start, tok.End, tok.Text
				p.Note, p.Context = fmt.Sprintf("members of %s", prevThing.Text), true
				added = append(added, p)
			case (tok.Norm == "the" || tok.Norm == "that") && t+1 < len(s.Tokens) && corefGroup[s.Tokens[t+1].Norm] && lastGroup != nil && !inPhrase(ps, t+1):
				// "the group", "that faction": the last group named
				p := *lastGroup
				p.Tok0, p.Tok1, p.Start, p.End = t, t+2, tok.Start, s.Tokens[t+1].End
				p.Text = textOf(s, p.Start, p.End)
				p.Note, p.Context = fmt.Sprintf("%s = %s", p.Text, lastGroup.Text), true
				added = append(added, p)
			}
		}
		for k := range ps {
			if p := &ps[k]; p.Country == "" && p.Head.Kind == Agent && !p.Foreign && p.Tok0 > 0 {
				// "Dagalo said his forces would respect the truce",
				// "Malaysia said its envoy": the men of the person or group
				// last named
				ref := possessor(ps, k, s.Tokens[p.Tok0-1].Norm, lastPerson, lastGroup)
				if ref != nil {
					if c := ref.Head.CodeAt("9999-12-31"); len(c) >= 6 && (nonState[c[:3]] || armedGroup[c[3:6]]) {
						q := *ref // a leader of an armed group, or the group: the group's men
						q.Tok0, q.Tok1, q.Start, q.End, q.Text, q.Pair = p.Tok0, p.Tok1, p.Start, p.End, p.Text, nil
						*p = q
					} else if c := personCountry(ref); c != "" {
						p.Country = c
					} else if ref.Country != "" {
						p.Country = ref.Country
					}
					p.Context, p.Note = true, s.Tokens[p.Tok0-1].Norm+" = "+ref.Text
				}
			}
			// "rebels in Syria", "militant hideouts inside Iran": an agent
			// placed in a country belongs to it
			if p := &ps[k]; p.Country == "" && p.Head.Kind == Agent && !p.Foreign && k+1 < len(ps) {
				q := &ps[k+1]
				j := p.Tok1
				if j < len(s.Tokens) && s.Tokens[j].IsNoun() && j+1 < q.Tok0 {
					j++ // "militant hideouts inside Iran"
				}
				if j+1 == q.Tok0 && placedIn[s.Tokens[j].Norm] && q.Country != "" && (q.Head.Kind == Country || q.Head.Kind == Capital) {
					p.Country = q.Country
					p.Note = "placed in " + q.Text
				}
			}
			if p := &ps[k]; p.Country == "" && p.Head.Kind == Agent && !p.Foreign && (localSector[p.Sector] || placedSector[p.Sector] && !possessed(s.Tokens, p)) {
				// "Protesters set fire to the Swedish embassy in Baghdad":
				// police, protesters, workers and students act where they
				// are, whatever country the sentence names first
				if q := sentencePlace(s.Tokens, ps, p); q != nil && (localSector[p.Sector] || q.Tok0 >= p.Tok1 && q.Head.Kind == Country) {
					// (troops and rebels where a country or region is
					// named; a capital is where they may only meet: "the
					// rebel group resumed peace talks in Havana")
					p.Country, p.Context = q.Country, true
					p.Note = "acting in " + q.Text
				}
			}
			if p := &ps[k]; p.Country == "" && p.Head.Kind == Agent && !p.Foreign && p.Tok0 > 0 && (s.Tokens[p.Tok0-1].Norm == "its" || s.Tokens[p.Tok0-1].Norm == "their") {
				// "Russia's defence ministry said its forces had destroyed":
				// the forces of the actor named before, a state's or a group's
				for q := k - 1; q >= 0; q-- {
					if o := &ps[q]; o.Country != "" && o.Head.Kind != Person && o.Pair == nil {
						if q > 0 && ps[q-1].Tok1 == o.Tok0 {
							break // "Bosnian Serbs said their forces": two names for one actor, not this rule's
						}
						p.Country, p.Context = o.Country, true
						p.Note = s.Tokens[p.Tok0-1].Norm + " = " + o.Text
						break
					}
				}
			}
			if p := &ps[k]; p.Country == "" && p.Head.Kind == Agent && !p.Foreign && p.Tok1+1 < len(s.Tokens) && s.Tokens[p.Tok1].Norm == "from" {
				// "negotiators from both sides": the men of each side
				for _, q := range added {
					if q.Tok0 == p.Tok1+1 && q.Pair != nil {
						a, b := q, *q.Pair
						a.Tok0, a.Tok1, a.Start, a.End, a.Text = p.Tok0, p.Tok1, p.Start, p.End, p.Text
						b.Tok0, b.Tok1, b.Start, b.End, b.Text = p.Tok0, p.Tok1, p.Start, p.End, p.Text
						a.Sector, b.Sector = p.Sector, p.Sector
						a.Note = fmt.Sprintf("%s from %s", p.Text, q.Note)
						b.Note = a.Note
						a.Pair = &b
						*p = a
						break
					}
				}
			}
			if ps[k].Country == "" && ps[k].Head.Kind == Agent && main != "" && !ps[k].Foreign {
				ps[k].Country, ps[k].Context, ps[k].Article = main, true, true
				ps[k].Note = "country from the article: " + main
			}
		}
		for _, r := range countryLater {
			if a := &added[r.added]; r.of >= 0 && a.Country == "" && ps[r.of].Country != "" {
				// "Interior Minister Mohsin Naqvi said ... what he called":
				// the country the agent was given
				a.Country, a.Article = ps[r.of].Country, ps[r.of].Article
			}
		}
		for _, r := range later {
			a := &added[r.added]
			ref := ps0(ps, added, r.of)
			q := *ref
			q.Tok0, q.Tok1, q.Start, q.End, q.Text = a.Tok0, a.Tok1, a.Start, a.End, a.Text
			q.Note, q.Context = fmt.Sprintf("%s = %s", a.Text, ref.Text), true
			if ref.Note != "" && ref.Context {
				q.Note += " (" + ref.Note + ")"
			}
			if q.Pair != nil {
				pq := *q.Pair
				pq.Tok0, pq.Tok1, pq.Start, pq.End, pq.Text, pq.Note = a.Tok0, a.Tok1, a.Start, a.End, a.Text, q.Note
				q.Pair = &pq
			}
			*a = q
		}
		if sp := pairIn(s.Tokens, ps, len(s.Tokens)); sp[0] != nil {
			pair, pairAt = sp, i
			farPair = sp
		}
		for k := range ps {
			// plural agents acted on, for "the men" after them
			if p := &ps[k]; (p.Head.Kind == Agent || p.Head.Kind == Adjective) && p.Sector != "" && p.Country != "" && isPlural(s.Tokens, *p) && !(k == 0 && subjectFirst(s.Tokens, *p)) {
				lastPeople, peopleAt = p, i
			}
		}
		prevPlural, prevThing, prevSpeaker = nil, nil, nil
		if len(ps) > 0 && subjectFirst(s.Tokens, ps[0]) && (ps[0].Head.Kind == Person || ps[0].Sector != "" && ps[0].Country != "" && personalOffice(s.Tokens, ps[0])) {
			prevSpeaker = &ps[0]
		}
		for k := range ps {
			// offices named with a country, for "the ministry" after them
			if p := &ps[k]; p.Sector != "" && p.Country != "" && !p.Context && p.Tok1 > 0 && officeWords[s.Tokens[p.Tok1-1].Norm] {
				prevOffice[s.Tokens[p.Tok1-1].Norm] = p
			}
		}
		for k := range ps {
			p := &ps[k]
			if prevPlural == nil && p.Head.Kind != Person && (p.Head.Kind == Group || isPlural(s.Tokens, *p)) {
				prevPlural = p
			}
			if prevThing == nil && (p.Head.Kind == Country || p.Head.Kind == Group || p.Head.Kind == Capital) && !isPlural(s.Tokens, *p) {
				prevThing = p
			}
		}
		if len(added) > 0 {
			ps = mergeSorted(ps, added)
		}
		out[i].Phrases = ps
	}
	return out
}

// namedAgent reports whether the agent phrase p ends in a person's first
// and last names ("Interior Minister Mohsin Naqvi", "Opposition candidate
// Edmundo Gonzalez").
func namedAgent(toks []nlp.Token, p *Phrase) bool {
	return surnameOf(toks, p) >= 0
}

// surnameOf returns the token of the last name of a named agent, at the
// end of its phrase or right after it ("Interior Minister Mohsin Naqvi"),
// or -1.
func surnameOf(toks []nlp.Token, p *Phrase) int {
	if p.Head.Kind != Agent || p.Sector == "" || p.Context || p.Tok1-p.Tok0 < 2 {
		return -1
	}
	e := p.Tok1
	if e+1 < len(toks) && toks[e].Tag == "NNP" && toks[e+1].Tag == "NNP" && (e+2 >= len(toks) || toks[e+2].Tag != "NNP" && toks[e+2].Tag != "POS") {
		e += 2
	}
	if toks[e-1].Tag == "NNP" && toks[e-2].Tag == "NNP" && len(toks[e-1].Text) > 2 && (e > p.Tok1 || p.Tok1-p.Tok0 >= 3) {
		return e - 1
	}
	return -1
}

// surnameAlone reports whether the proper noun at t stands alone, in no
// phrase and beside no other proper noun ("received Gonzalez in Madrid").
func surnameAlone(toks []nlp.Token, ps []Phrase, t int) bool {
	if toks[t].Tag != "NNP" || inPhrase(ps, t) {
		return false
	}
	if t > 0 && (toks[t-1].Tag == "NNP" || toks[t-1].Tag == "NNPS") || t+1 < len(toks) && (toks[t+1].Tag == "NNP" || toks[t+1].Tag == "NNPS") {
		return false
	}
	return true
}

// peopleWords are the people a definite description refers back to
// ("the men", "the detainees").
var peopleWords = map[string]bool{
	"men": true, "women": true, "detainees": true, "suspects": true, "prisoners": true, "hostages": true, "captives": true,
}

// peopleRef returns the length of a definite description of people at t
// ("the men", "the three detainees"), 0 if none or if a clause or an of
// restricts it ("the men who attacked").
func peopleRef(toks []nlp.Token, t int) int {
	n := 1
	if t+n < len(toks) && toks[t+n].Tag == "CD" {
		n++
	}
	if t+n >= len(toks) || !peopleWords[toks[t+n].Norm] {
		return 0
	}
	if k := t + n + 1; k < len(toks) && (toks[k].Norm == "who" || toks[k].Norm == "of" || toks[k].Norm == "that" || toks[k].Norm == "whom" || toks[k].IsVerb() && toks[k].Tag == "VBN") {
		return 0
	}
	return n + 1
}

// indexIn returns the index of the phrase p in ps, or -1.
func indexIn(ps []Phrase, p *Phrase) int {
	for k := range ps {
		if &ps[k] == p {
			return k
		}
	}
	return -1
}

// objectRef is an object pronoun (added) that refers to the phrase of its
// sentence at of (an index of the phrases, then of those added).
type objectRef struct{ added, of int }

func ps0(ps, added []Phrase, k int) *Phrase {
	if k < len(ps) {
		return &ps[k]
	}
	return &added[k-len(ps)]
}

// patientNouns are acts done to a person that a possessive pronoun names
// ("his arrest", "her release").
var patientNouns = map[string]bool{
	"arrest": true, "detention": true, "release": true, "extradition": true, "deportation": true,
	"assassination": true, "killing": true, "murder": true, "execution": true, "trial": true,
	"prosecution": true, "abduction": true, "kidnapping": true, "capture": true, "imprisonment": true,
	"ouster": true, "removal": true, "expulsion": true,
}

// subjectOf reports whether the phrase p is the subject of the verb right
// before token t: only verbs, auxiliaries, adverbs and "to" stand between
// them ("Putin had insulted him", "Iran failed to honour them").
func subjectOf(toks []nlp.Token, p *Phrase, t int) bool {
	if p.Tok1 >= t {
		return false
	}
	verb := false
	for k := p.Tok1; k < t; k++ {
		switch w := &toks[k]; {
		case w.IsVerb():
			verb = true
		case w.Tag == "MD" || w.Tag == "RB" || w.Norm == "to" || w.Norm == "not":
		default:
			return false
		}
	}
	return verb
}

// objectPerson returns the person an object "him" or "her" at token t of
// sentence i refers to: the last person named, in this sentence or the one
// before, that is not the subject of the verb before it; nil if none.
func objectPerson(toks []nlp.Token, persons []*Phrase, sent []int, i, t int) *Phrase {
	for k := len(persons) - 1; k >= 0 && k >= len(persons)-2; k-- {
		if sent[k] < i-1 {
			return nil
		}
		if sent[k] == i && persons[k].Tok1 > t {
			continue
		}
		if sent[k] == i && subjectOf(toks, persons[k], t) {
			continue
		}
		return persons[k]
	}
	return nil
}

// objectPlural returns the index (in ps, then in added) of the plural actor
// an object "them" at token t refers to: the last one before it in its
// sentence, a pair or a plural noun, that is not the subject of the verb
// before it ("the rebels said troops attacked them": the rebels); -1 if
// none.
func objectPlural(toks []nlp.Token, ps, added []Phrase, t int) int {
	var cands []int // in token order
	for k := range len(ps) + len(added) {
		p := ps0(ps, added, k)
		if p.Tok1 > t || p.Head == nil || p.Head.Kind == Person || p.Pair == nil && !isPlural(toks, *p) {
			continue
		}
		if n := len(cands); n > 0 && ps0(ps, added, cands[n-1]).Tok1 >= p.Tok1 {
			continue
		}
		cands = append(cands, k)
	}
	for n := len(cands) - 1; n >= 0; n-- {
		if !subjectOf(toks, ps0(ps, added, cands[n]), t) {
			return cands[n]
		}
	}
	return -1
}

// mediated reports whether the phrase at t is the object of a preposition
// other than "between" ("mediated by Saudi Arabia and the US", "aid to X
// and Y"): not a pair of parties.
func mediated(toks []nlp.Token, t int) bool {
	k := t - 1
	for k >= 0 && (toks[k].Norm == "the" || toks[k].Tag == "JJ" || toks[k].Tag == "NNP") {
		k-- // "by Caribbean leaders and Brazil"
	}
	if k < 0 {
		return false
	}
	return toks[k].Tag == "IN" && toks[k].Norm != "between"
}

// pairWords returns how many tokens from t name a pair of actors
// mentioned before ("the two sides", "both parties", "the two countries"),
// 0 if none.
// pairIn returns the last two actors of the sentence joined by "and"
// before token end ("Armenia and Azerbaijan", "Israel and the Hamas
// movement", "and the paramilitary RSF"), or none.
func pairIn(toks []nlp.Token, ps []Phrase, end int) [2]*Phrase {
	var pair [2]*Phrase
	for k := 0; k+1 < len(ps) && ps[k+1].Tok1 <= end; k++ {
		a, b := &ps[k], &ps[k+1]
		j := a.Tok1
		m := j + 1 // after "and", past "the" and adjectives
		for m < b.Tok0 && (toks[m].Tag == "DT" || toks[m].Tag == "JJ") {
			m++
		}
		if j < len(toks) && toks[j].Norm == "and" && b.Tok0 == m &&
			(a.Head.Kind != Agent || a.Country != "") && (b.Head.Kind != Agent || b.Country != "") && a.Pair == nil && !mediated(toks, a.Tok0) &&
			(pair[0] == nil || !attribution(toks, a, b)) {
			pair = [2]*Phrase{a, b}
		}
		// "Zelensky met Tusk in Warsaw, and the two leaders signed": the
		// two who met
		if j < len(toks) && meetings[toks[j].Lemma] && toks[j].IsVerb() && a.Head.Kind != Agent && b.Head.Kind != Agent && a.Pair == nil &&
			(b.Tok0 == j+1 || b.Tok0 == j+2 && toks[j+1].Norm == "with") {
			pair = [2]*Phrase{a, b}
		}
	}
	return pair
}

// attribution reports whether the pair a and b say what their sentence
// reports, after it (", Saudi Arabia and the United States said in a
// statement"): they are not the pair the sentence is about.
func attribution(toks []nlp.Token, a, b *Phrase) bool {
	k := a.Tok0 - 1
	for k >= 0 && toks[k].Tag == "DT" {
		k--
	}
	if k < 0 || toks[k].Norm != "," || b.Tok1 >= len(toks) {
		return false
	}
	return Reports(toks[b.Tok1].Lemma)
}

// Reports reports whether lemma is a verb that attributes what a sentence
// reports to its subject after it (", Saudi Arabia and the United States
// said").
func Reports(lemma string) bool {
	switch lemma {
	case "say", "announce", "add", "report", "tell", "state", "confirm":
		return true
	}
	return false
}

func pairWords(toks []nlp.Token, t int) int {
	w := func(k int) string {
		if k < len(toks) {
			return toks[k].Norm
		}
		return ""
	}
	switch {
	case w(t) == "the" && (w(t+1) == "two" || w(t+1) == "both") && pairNouns[w(t+2)]:
		return 3
	case w(t) == "both" && pairNouns[w(t+1)]:
		return 2
	case w(t) == "the" && (w(t+1) == "parties" || w(t+1) == "sides") && w(t+2) != "of":
		return 2
	case w(t) == "both" && t+1 < len(toks) && (toks[t+1].IsVerb() || toks[t+1].Tag == "MD") && toks[t+1].Tag != "VBG" && (t == 0 || w(t-1) == "and" || w(t-1) == "," || w(t-1) == "but"):
		return 1 // "and both promised not to use force"
	}
	return 0
}

// agentish reports whether a phrase names agents other than a government
// ("Afghan troops", "the police"), not a state, its government or a
// person.
func agentish(p *Phrase) bool {
	return p.Head.Kind == Agent || p.Head.Kind == Adjective && p.Sector != "" && p.Sector != "GOV"
}

// statePair are the pair nouns that name states or their leaders, which a
// pair of agents ("the army and the police") is not.
var statePair = map[string]bool{
	"countries": true, "nations": true, "states": true, "governments": true, "leaders": true,
	"neighbours": true, "neighbors": true,
}

// pairNouns name the two parties of a pair.
var pairNouns = map[string]bool{
	"sides": true, "parties": true, "countries": true, "nations": true, "governments": true,
	"leaders": true, "states": true, "neighbours": true, "neighbors": true, "rivals": true,
	"delegations": true, "camps": true,
}

// opensClause reports whether token t starts its sentence or follows a
// comma, semicolon or conjunction.
func opensClause(toks []nlp.Token, t int) bool {
	if t == 0 {
		return true
	}
	switch toks[t-1].Norm {
	case ",", ";", "and", "but", "\"", "“":
		return true
	}
	return false
}

func remember(p *Phrase, lastGroup, lastPerson **Phrase) {
	switch p.Head.Kind {
	case Group:
		*lastGroup = p
	case Person:
		*lastPerson = p
	}
}

func inPhrase(ps []Phrase, t int) bool {
	for _, p := range ps {
		if p.Tok0 <= t && t < p.Tok1 {
			return true
		}
	}
	return false
}

func mergeSorted(a, b []Phrase) []Phrase {
	out := make([]Phrase, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i].Tok0 <= b[j].Tok0 {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

func textOf(s nlp.Sentence, start, end int) string {
	return s.Text[start-s.Start : end-s.Start]
}

// isLowerText reports whether a document is written in lower case, so names
// cannot be told by their capitals.
func isLowerText(sents []nlp.Sentence) bool {
	upper, words := 0, 0
	for _, s := range sents {
		for _, t := range s.Tokens {
			r, _ := utf8.DecodeRuneInString(t.Text)
			if unicode.IsLetter(r) {
				words++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	return words >= 8 && upper*50 < words
}

// isPlural reports whether a phrase ends in a plural noun ("officials").
func isPlural(toks []nlp.Token, p Phrase) bool {
	return p.Tok1 > 0 && p.Tok1 <= len(toks) && (toks[p.Tok1-1].Tag == "NNS" || toks[p.Tok1-1].Tag == "NNPS")
}

var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "north-east": true, "south-east": true,
	"north-west": true, "south-west": true,
}

// quoteSpeaker returns the actor who speaks the quotation that holds token
// t: the phrase next to a speech verb after its closing quote ("\"We will
// not negotiate,\" the minister said", "... ,\" said the minister") or
// before its opening one ("the minister said: \"We ...\""); else nil.
func quoteSpeaker(toks []nlp.Token, ps []Phrase, t int) *Phrase {
	open, n := -1, 0
	for k := 0; k < t; k++ {
		if toks[k].Norm == "\"" {
			n++
			open = k
		}
	}
	if n%2 == 0 {
		return nil
	}
	for k := t + 1; k < len(toks); k++ {
		if toks[k].Norm != "\"" {
			continue
		}
		j := k + 1
		if j < len(toks) && speechVerb(&toks[j]) {
			for q := range ps {
				if ps[q].Tok0 > j && ps[q].Tok0 <= j+2 && (ps[q].Head.Kind != Country || ps[q].Sector != "") {
					return &ps[q]
				}
			}
			return nil
		}
		for q := range ps {
			if ps[q].Tok0 >= j && ps[q].Tok0 <= j+1 && ps[q].Tok1 < len(toks) && speechVerb(&toks[ps[q].Tok1]) {
				return &ps[q]
			}
		}
		break
	}
	k := open - 1
	if k >= 0 && (toks[k].Norm == ":" || toks[k].Norm == ",") {
		k--
	}
	if k >= 0 && speechVerb(&toks[k]) {
		for q := range ps {
			if ps[q].Tok1 == k {
				return &ps[q]
			}
		}
	}
	return nil
}

var speechLemmas = map[string]bool{"say": true, "tell": true, "add": true, "declare": true, "write": true, "insist": true, "state": true, "announce": true, "warn": true}

func speechVerb(t *nlp.Token) bool {
	return speechLemmas[t.Lemma] && t.Tag != "NN" && t.Tag != "NNS"
}

// subjectFirst reports whether the phrase opens its sentence, past a
// determiner ("The Kenyan president", "Mexico's president").
func subjectFirst(toks []nlp.Token, p Phrase) bool {
	return p.Tok0 == 0 || p.Tok0 == 1 && toks[0].Tag == "DT"
}

// personalWords are the agent words for one person in an office.
var personalWords = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "king": true, "queen": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "leader": true, "ambassador": true,
	"envoy": true, "secretary": true, "governor": true, "mayor": true, "commander": true, "chief": true,
	"general": true, "emir": true, "prince": true, "sultan": true, "monarch": true,
}

// personalOffice reports whether an agent phrase names one person by
// office ("Mexico's president", "the foreign minister").
func personalOffice(toks []nlp.Token, p Phrase) bool {
	return p.Tok1 > 0 && personalWords[toks[p.Tok1-1].Norm]
}

// officeWords are the offices that "the ministry" or "the government"
// refers back to.
var officeWords = map[string]bool{"ministry": true, "government": true, "embassy": true, "army": true, "military": true, "police": true, "parliament": true, "junta": true}

// officeRef reports whether the word at t is such an office word closing
// its noun group ("the ministry said", not "the ministry of defence").
func officeRef(toks []nlp.Token, t int) bool {
	if !officeWords[toks[t].Norm] {
		return false
	}
	return t+1 >= len(toks) || toks[t+1].Norm != "of" && !toks[t+1].IsNoun()
}

// memberNouns name the men of an armed group ("fighters from the ADF").
var memberNouns = map[string]bool{
	"fighters": true, "fighter": true, "members": true, "member": true, "militants": true, "gunmen": true,
	"rebels": true, "commanders": true, "commander": true, "combatants": true, "insurgents": true, "militiamen": true,
}

// possessor returns whose an agent phrase ps[k] is by its possessive
// pronoun pro ("his forces", "their fighters"): the nearest person before
// it in the sentence for "his" or "her", the nearest other actor for "its"
// or "their"; else the last person or group of an earlier sentence.
func possessor(ps []Phrase, k int, pro string, lastPerson, lastGroup *Phrase) *Phrase {
	person := pro == "his" || pro == "her"
	if !person && pro != "its" && pro != "their" {
		return nil
	}
	for j := k - 1; j >= 0; j-- {
		switch q := &ps[j]; {
		case person && q.Head.Kind == Person:
			return q
		case !person && q.Head.Kind == Adjective:
			return nil // "Bosnian Serbs said their forces": a people, not a state
		case !person && q.Head.Kind != Person:
			return q // "the Congolese army said its soldiers"
		}
	}
	last := lastGroup
	if person {
		last = lastPerson
	}
	for j := range ps {
		if &ps[j] == last {
			return nil // named later in this sentence
		}
	}
	return last
}

// armedGroup are the sectors of armed groups.
var armedGroup = map[string]bool{"REB": true, "INS": true, "MUS": true, "CRM": true, "SEP": true, "UAF": true, "MIL": true}

// secondCountry returns the country named most often in an article after
// main, the first named of equals, or "" if none.
func secondCountry(counts, first map[string]int, main string) string {
	second := ""
	for c, n := range counts {
		if c == main {
			continue
		}
		if second == "" || n > counts[second] || n == counts[second] && first[c] < first[second] {
			second = c
		}
	}
	return second
}

// placedSector are the sectors of the agents that, like localSector's, act
// where their sentence places them ("militants killed 11 soldiers in an
// ambush in Jammu and Kashmir"), before the article's main country.
var placedSector = map[string]bool{"MIL": true, "INS": true, "REB": true, "UAF": true}

// possessed reports whether the phrase owns what follows it ("the
// military's conduct in Gaza"): what is placed is that, not the phrase.
func possessed(toks []nlp.Token, p *Phrase) bool {
	return p.Tok1 < len(toks) && toks[p.Tok1].Tag == "POS"
}
