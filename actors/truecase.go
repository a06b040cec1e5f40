package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/nlp"
)

// Truecasing. Some feeds deliver text in lower case ("the us congress agreed
// to lift embargoes on iran") or, in headlines and wire alerts, in capitals.
// The tagger reads capitals (a proper noun is capitalized), and so does the
// actor matcher ("Turkey" the country, "US" the country and "us" the
// pronoun). Truecase restores the capitals such a sentence would have: the
// first word, the names this dictionary knows (written as the dictionary
// writes them: "U.S.", "al-Qaeda", "Kofi Annan"), days and months, and "I".
// Everything else stays in lower case. The result has the same length in
// bytes as the input, so every offset into it is an offset into the
// original text too.

// Case is how a sentence is written.
type Case int

// Sentence cases.
const (
	Mixed Case = iota // ordinary text: leave it alone
	Lower             // no capitals at all
	Upper             // all capitals
	Title             // every word capitalized but the small ones, as headlines are
)

// SentenceCase tells lower-case, all-capitals and title-case sentences (at
// least three words) from ordinary ones.
func SentenceCase(s *nlp.Sentence) Case {
	words, upper, lower := 0, 0, 0
	initials, plain := 0, 0 // words starting with a capital; other words but small ones
	for i := range s.Tokens {
		w := s.Tokens[i].Text
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			initials++
		} else if !smallWords[s.Tokens[i].Norm] {
			plain++
		}
		for j := 0; j < len(w); j++ {
			switch c := w[j]; {
			case 'A' <= c && c <= 'Z':
				upper++
			case 'a' <= c && c <= 'z':
				lower++
			case c >= utf8.RuneSelf:
				r, n := utf8.DecodeRuneInString(w[j:])
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLower(r) {
					lower++
				}
				j += n - 1
			}
		}
	}
	switch {
	case words < 3:
		return Mixed
	case upper == 0:
		return Lower
	case upper >= 8 && lower*20 <= upper: // a stray lower-case letter ("ô") or "McCAIN"
		return Upper
	case plain == 0 && initials >= 3:
		return Title
	case plain == 1 && initials >= 6 && !finalStop(s):
		// "Thousands of Troops Deployed to southern Indonesia Amid
		// Simmering Tensions": one word left in lower case by a headline
		return Title
	}
	return Mixed
}

// finalStop reports whether a sentence ends with a full stop, a question
// or an exclamation mark, as prose does and headlines do not.
func finalStop(s *nlp.Sentence) bool {
	if len(s.Tokens) == 0 {
		return false
	}
	switch s.Tokens[len(s.Tokens)-1].Norm {
	case ".", "!", "?", "...", "…", "\"", "'", ")":
		return true
	}
	return false
}

// smallWords are the words a title-case headline leaves in lower case.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true, "for": true,
	"so": true, "yet": true, "as": true, "at": true, "by": true, "in": true, "of": true, "off": true,
	"on": true, "per": true, "to": true, "up": true, "via": true, "vs": true, "with": true, "from": true,
	"into": true, "over": true, "after": true, "amid": true, "than": true, "onto": true, "upon": true,
	"near": true, "out": true, "is": true, "are": true, "be": true, "'s": true, "s": true, "n't": true,
	// longer prepositions and subordinators some styles leave in lower case
	// ("Demonstrators Unite across Mexico", "Threaten Strike if Deal Fails")
	"if": true, "across": true, "under": true, "against": true, "about": true, "between": true,
	"during": true, "without": true, "within": true, "through": true, "toward": true, "towards": true,
	"despite": true, "among": true, "around": true, "along": true, "since": true, "until": true,
	"behind": true, "beyond": true, "following": true, "ahead": true, "while": true, "when": true,
	// particles of names ("Rio de Janeiro", "Ibn Khaldun")
	"de": true, "da": true, "del": true, "della": true, "di": true, "do": true, "dos": true, "das": true,
	"du": true, "des": true, "la": true, "le": true, "van": true, "von": true, "der": true, "den": true,
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "ben": true, "y": true,
}

// lowerTitle lower-cases the capitalized words of a title-case sentence
// ("Denounces", "Iran"), not its abbreviations ("NATO", "US").
func lowerTitle(b []byte, s *nlp.Sentence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		w := t.Text
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		upperRest := false
		for _, r := range w[n:] {
			if unicode.IsUpper(r) {
				upperRest = true
				break
			}
		}
		if !upperRest || len(w) == n && w != "I" && w != "A" && w != "O" {
			lowerBytes(b[t.Start:t.End])
		}
	}
}

// Truecase returns text with the capitals restored in its lower-case,
// all-capitals and title-case sentences, its sentences, and whether there
// were any such; sents is the parse of text by p. Only the sentences that
// change are parsed again (twice: in lower case to read their words, then
// truecased for their final tags); the others are kept.
func (d *Dictionary) Truecase(p *nlp.Parser, text string, sents []nlp.Sentence) (string, []nlp.Sentence, bool) {
	var b []byte
	var out []nlp.Sentence
	var cases []Case
	changed := false
	for i := range sents {
		s := &sents[i]
		c := SentenceCase(s)
		if c == Mixed && !changed {
			continue
		}
		if !changed { // the first sentence to change: keep those before it
			changed = true
			b = []byte(text)
			out = append(make([]nlp.Sentence, 0, len(sents)+2), sents[:i]...)
			cases = make([]Case, i, len(sents)+2)
		}
		switch c {
		case Upper, Title:
			if c == Upper {
				lowerBytes(b[s.Start:s.End])
			} else {
				lowerTitle(b, s)
			}
			for _, r := range reparse(p, b, s.Start, s.End) {
				out, cases = append(out, r), append(cases, Lower)
			}
		default:
			out, cases = append(out, *s), append(cases, c)
		}
	}
	if !changed {
		return text, sents, false
	}
	// the people named in full or in capitals, by entry; read from the
	// ordinary sentences only when a caseless one holds a bare surname
	nm := &namedPeople{d: d, sents: out, cases: cases}
	final := make([]nlp.Sentence, 0, len(out))
	for i := range out {
		s := &out[i]
		if cases[i] != Lower {
			final = append(final, *s)
			continue
		}
		d.truecase(b, s, nm)
		final = append(final, reparse(p, b, s.Start, s.End)...)
	}
	for i := range final {
		final[i].Index = i
	}
	return string(b), final, true
}

// reparse parses b[start:end] on its own, with offsets into b.
func reparse(p *nlp.Parser, b []byte, start, end int) []nlp.Sentence {
	sub := p.Parse(string(b[start:end]))
	for i := range sub {
		s := &sub[i]
		s.Start += start
		s.End += start
		for k := range s.Tokens {
			s.Tokens[k].Start += start
			s.Tokens[k].End += start
		}
	}
	return sub
}

// namedPeople are the people a document names in full or in capitals, by
// dictionary entry: those of its ordinary sentences, matched on the first
// question, and the full names truecasing finds.
type namedPeople struct {
	d     *Dictionary
	sents []nlp.Sentence
	cases []Case
	set   map[string]bool // from the ordinary sentences, once asked
	found map[string]bool // full names truecasing found
}

func (n *namedPeople) load() {
	if n.set != nil {
		return
	}
	n.set = map[string]bool{}
	for i := range n.sents {
		if n.cases[i] == Mixed {
			for _, m := range n.d.match(n.sents[i].Tokens, false, nil) {
				if m.Entry.Kind == Person {
					n.set[m.Entry.Where] = true
				}
			}
		}
	}
}

func (n *namedPeople) has(where string) bool {
	if n.found[where] {
		return true
	}
	n.load()
	return n.set[where]
}

func (n *namedPeople) add(where string) {
	if n.found == nil {
		n.found = map[string]bool{}
	}
	n.found[where] = true
}

// lowerBytes lower-cases b in place, rune by rune where the lower-case rune
// is as long as the upper-case one.
func lowerBytes(b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
}

// setCase writes the case of each letter of model onto the letters of
// b[start:end] in order, skipping dots and apostrophes on both sides.
func setCase(b []byte, start, end int, model string) {
	rest := model
	for i := start; i < end; {
		r, n := utf8.DecodeRune(b[i:end])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		var m rune
		for {
			var k int
			m, k = utf8.DecodeRuneInString(rest)
			if k == 0 {
				return
			}
			rest = rest[k:]
			if unicode.IsLetter(m) || unicode.IsDigit(m) {
				break
			}
		}
		if unicode.IsUpper(m) {
			if u := unicode.ToUpper(r); u != r && utf8.RuneLen(u) == n {
				utf8.EncodeRune(b[i:], u)
			}
		}
		i += n
	}
}

// capitalize upper-cases the first letter of b[start:end].
func capitalize(b []byte, start, end int) {
	for i := start; i < end; {
		r, n := utf8.DecodeRune(b[i:end])
		if unicode.IsLetter(r) {
			if u := unicode.ToUpper(r); u != r && utf8.RuneLen(u) == n {
				utf8.EncodeRune(b[i:], u)
			}
			return
		}
		i += n
	}
}

// truecase restores the capitals of one caseless sentence in b.
func (d *Dictionary) truecase(b []byte, s *nlp.Sentence, named *namedPeople) {
	toks := s.Tokens
	us := unitsOf(toks, make([]unit, 0, len(toks)+4))
	for i := 0; i < len(us); {
		p := d.caselessMatch(b, us, i, toks, named)
		if p == nil {
			i++
			continue
		}
		if p.entry.Kind == Person && len(p.words) > 1 {
			named.add(p.entry.Where)
		}
		for j, w := range casedUnits(p.entry.Name) {
			if j < len(p.words) {
				setCase(b, us[i+j].start, us[i+j].end, w)
			}
		}
		i += len(p.words)
	}
	for i := range toks {
		t := &toks[i]
		switch n := t.Norm; {
		case i == firstWord(toks):
			capitalize(b, t.Start, t.End)
		case n == "i" || weekdays[n] || months[n] && !ambiguousMonth[n]:
			capitalize(b, t.Start, t.End)
		case ambiguousMonth[n] && monthContext(toks, i):
			capitalize(b, t.Start, t.End)
		case n == "us" && countryUS(toks, i), strings.HasPrefix(n, "us-"):
			setCase(b, t.Start, t.Start+2, "US") // "us-led" too
		}
	}
}

// firstWord returns the index of the sentence's first word, -1 if none.
func firstWord(toks []nlp.Token) int {
	for i := range toks {
		r, _ := utf8.DecodeRuneInString(toks[i].Text)
		if unicode.IsLetter(r) {
			return i
		}
	}
	return -1
}

// caselessMatch returns the longest dictionary name starting at us[i] that
// a caseless text can be trusted to mean: no generic agents ("police" is
// not a name), no abbreviation that is also an English word ("who", "is",
// "car") unless written with dots ("u.s."), and a person's single name
// ("bush", "rice") only where a name is read (personContext) or when the
// text names the person so elsewhere (named: "ghani" after "Ashraf Ghani").
func (d *Dictionary) caselessMatch(b []byte, us []unit, i int, toks []nlp.Token, named *namedPeople) *phrase {
	return d.longest(us[i:], func(p *phrase) bool {
		if p.entry.Kind == Agent {
			return false
		}
		for j, w := range p.words {
			u := &us[i+j]
			if p.exact[j] && !caselessAbbrev(w) && !strings.Contains(string(b[u.start:u.end]), ".") {
				return false
			}
		}
		return !(len(p.words) == 1 && p.entry.Kind == Person && !personContext(toks, us[i].tok) && !named.has(p.entry.Where))
	})
}

// caselessAbbrev reports whether an abbreviation found in lower case can be
// taken for the name: two letters only for the few that are no English
// word, longer ones unless they are words too.
func caselessAbbrev(w string) bool {
	if len(w) == 2 {
		return w == "un" || w == "eu" || w == "uk"
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return !abbrevWords[w]
		}
	}
	return false // digits only
}

// abbrevWords are abbreviations of the dictionary that are English words
// or numerals in lower case.
var abbrevWords = map[string]bool{
	"car": true, "care": true, "dem": true, "eta": true, "ice": true, "iii": true, "nam": true,
	"pace": true, "pan": true, "spa": true, "sar": true, "who": true, "xiv": true, "xvi": true,
	"ira": false, "sna": false,
}

// titles precede a person's name ("president bush").
var titles = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "king": true, "queen": true,
	"prince": true, "emir": true, "sheikh": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"gen": true, "general": true, "secretary": true, "senator": true, "sen": true, "rep": true,
	"ambassador": true, "envoy": true, "leader": true, "chairman": true, "spokesman": true,
	"spokeswoman": true, "commander": true, "governor": true, "mayor": true, "pope": true,
	"ayatollah": true, "colonel": true, "col": true, "lt": true, "judge": true, "justice": true,
	"director": true, "chief": true, "counterpart": true,
}

// personNext are words that follow a leader's name ("the bush
// administration", "putin's").
var personNext = map[string]bool{
	"administration": true, "government": true, "cabinet": true, "aides": true, "aide": true,
	"camp": true, "'s": true, "spokesman": true, "spokeswoman": true, "loyalists": true,
	"supporters": true, "regime": true,
}

// personContext reports whether a person's single name at token i reads as
// the name: after a title ("president bush"), before a word that follows
// leaders' names ("bush administration"), or as the subject of a verb in the
// past or third person ("putin offered", not "the bush burned").
func personContext(toks []nlp.Token, i int) bool {
	if i > 0 && titles[strings.TrimSuffix(toks[i-1].Norm, ".")] {
		return true
	}
	if i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	if personNext[n.Norm] {
		return true
	}
	if i > 0 && (toks[i-1].Tag == "DT" || toks[i-1].Tag == "JJ" || toks[i-1].Tag == "PRP$") {
		return false
	}
	return n.Tag == "VBD" || n.Tag == "VBZ" || n.Tag == "MD"
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true,
}

// ambiguousMonth are months that are also common words ("may", "march").
var ambiguousMonth = map[string]bool{"may": true, "march": true}

// monthContext reports whether "may" or "march" at i is the month: next to
// a number, or after a preposition of time ("in may", "since march").
func monthContext(toks []nlp.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Tag == "CD" || i > 0 && toks[i-1].Tag == "CD" {
		return true
	}
	if i == 0 {
		return false
	}
	switch toks[i-1].Norm {
	case "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of", "from", "between", "before", "after", "during", "end":
		return true
	}
	return false
}

// usNext are the words that follow "US" the country and not "us" the
// pronoun ("us officials", "us-led", "the us and britain").
var usNext = map[string]bool{
	"officials": true, "official": true, "forces": true, "force": true, "troops": true, "military": true,
	"army": true, "navy": true, "marines": true, "air": true, "government": true, "administration": true,
	"president": true, "congress": true, "senate": true, "senator": true, "senators": true, "lawmakers": true,
	"envoy": true, "ambassador": true, "embassy": true, "diplomat": true, "diplomats": true, "diplomacy": true,
	"secretary": true, "state": true, "defense": true, "defence": true, "treasury": true, "intelligence": true,
	"authorities": true, "commander": true, "commanders": true, "soldiers": true, "soldier": true,
	"special": true, "counterpart": true, "ally": true, "allies": true, "side": true, "delegation": true,
	"negotiators": true, "'s": true, "drone": true, "drones": true, "warplanes": true, "jets": true,
	"aircraft": true, "planes": true, "helicopter": true, "helicopters": true, "sanctions": true,
	"dollar": true, "economy": true, "policy": true, "spokesman": true, "spokeswoman": true, "vice": true,
	"deputy": true, "attorney": true, "justice": true, "department": true, "federal": true,
	"central": true, "command": true, "election": true, "elections": true, "citizens": true,
	"citizen": true, "nationals": true, "national": true, "companies": true, "company": true, "firms": true,
	"navy's": true, "-": true, "mediation": true, "proposal": true, "plan": true, "offer": true,
	"request": true, "demand": true, "demands": true, "pressure": true, "support": true, "aid": true,
	"assistance": true, "strikes": true, "strike": true, "attack": true, "attacks": true, "raid": true,
	"raids": true, "bombing": true, "invasion": true, "occupation": true, "presence": true,
	"withdrawal": true, "envoys": true, "representative": true, "representatives": true, "leaders": true,
	"leader": true, "agency": true, "agencies": true, "border": true, "coast": true, "house": true,
	"supreme": true, "court": true, "district": true, "intervention": true, "predator": true,
	"warship": true, "warships": true, "carrier": true, "base": true, "bases": true, "general": true,
	"relations": true, "ties": true, "talks": true, "team": true, "trade": true, "tariffs": true,
}

// countryUS reports whether "us" at i is the United States: after "the",
// an adjective, a determiner or a number ("the us", "recent us strikes", "two
// us soldiers"), before a word that follows the country, or opening a
// sentence before a verb ("us says").
func countryUS(toks []nlp.Token, i int) bool {
	if i > 0 {
		switch p := &toks[i-1]; {
		case p.Norm == "the", p.Tag == "JJ", p.Tag == "CD", p.Tag == "DT" && p.Norm != "all" && p.Norm != "both":
			return true
		}
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		if usNext[n.Norm] {
			return true
		}
		if i == firstWord(toks) && (strings.HasPrefix(n.Tag, "VB") || n.Tag == "MD") {
			return true
		}
	}
	return false
}
