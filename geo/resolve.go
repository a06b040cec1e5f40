package geo

import (
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parley"
)

// Locative strengths of a mention: how surely the words before it make it
// the place where something happened.
const (
	notLocative    = 0
	weakLocative   = 1 // to, into, from: "extradited to Britain"
	strongLocative = 2 // in, at, near, "the town of", "the capital": "met in Moscow"
)

// Mention is a place name found in a text.
type Mention struct {
	Start, End int    // byte offsets in the text
	Text       string // the words as written
	Locative   int    // 0, 1 (weak: to, from) or 2 (strong: in, at, near, "town of")
	Appos      string // ISO3 of the country or region named right after ("Moscow, Russia"), if any
	Inner      bool   // the apposition of the mention before it; context only
	hint       Kind   // City or Region when a place noun comes before ("the city of"), else 0
	ids        []int32
}

// Demonym reports whether the mention is only an adjective or demonym
// ("Lebanese"), which gives context but is never a location.
func (m *Mention) demonymOnly(g *Gazetteer) bool {
	for _, id := range m.ids {
		if g.places[id].Kind != Demonym {
			return false
		}
	}
	return true
}

type token struct {
	start, end int
	key        string // folded
	upper      bool   // begins with an upper-case letter or a digit
}

// wordByte says which ASCII bytes are letters or digits.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// tokenPool holds token slices between calls to Find.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// tokenize appends the words of text (runs of letters, digits and marks)
// to out.
func tokenize(text string, out []token) []token {
	var lower string // text with its ASCII capitals lowered, made at the first word that has one
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = wordByte[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, mkToken(text, &lower, start, i))
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, mkToken(text, &lower, start, len(text)))
	}
	return out
}

// mkToken makes the token text[s:e]. An ASCII word's key is cut from
// *lower, the text with its ASCII capitals lowered (made when first
// needed), so that no word allocates a key of its own.
func mkToken(text string, lower *string, s, e int) token {
	w := text[s:e]
	if c := w[0]; c < utf8.RuneSelf {
		upper := 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if plain, caps := asciiWord(w); plain {
			if !caps {
				return token{start: s, end: e, key: w, upper: upper}
			}
			if *lower == "" {
				*lower = asciiLowerText(text)
			}
			return token{start: s, end: e, key: (*lower)[s:e], upper: upper}
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	return token{start: s, end: e, key: Fold(w), upper: unicode.IsUpper(r) || unicode.IsDigit(r)}
}

// asciiWord reports whether w is made of ASCII letters and digits only
// (plain), and whether it has a capital.
func asciiWord(w string) (plain, caps bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			caps = true
		default:
			return false, false
		}
	}
	return true, caps
}

// asciiLowerText returns text with its ASCII capitals lowered; every
// other byte is kept, so offsets into text hold in it.
func asciiLowerText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(text[start:i])
			b.WriteByte(c + 'a' - 'A')
			start = i + 1
		}
	}
	b.WriteString(text[start:])
	return b.String()
}

// stopNames are single words that are places in the gazetteer but far more
// often something else when capitalized.
var stopNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`january february march april may june july august september october
		november december monday tuesday wednesday thursday friday saturday sunday mobile reading split
		nice independence union liberty police same enterprise deal bell sale best most of coast mission
		orange hope gold wall center centre commerce president general university army state city
		republic kingdom national central north south east west ministry council court church
		western eastern northern southern upper lower greater
		victoria florence marion concord lincoln nelson hamilton laval mercedes bath kent cork
		the a an in at on it no as is be by or and`) {
		stopNames[w] = true
	}
}

var (
	strongPreps = setOf("in", "at", "near", "outside", "around", "inside", "across", "throughout", "within", "outskirts", "nearby")
	weakPreps   = setOf("to", "into", "from", "toward", "towards", "via", "through")
	placeWords  = setOf("town", "city", "village", "province", "region", "district", "enclave", "capital",
		"state", "port", "suburb", "suburbs", "outskirts", "area", "county", "island", "peninsula",
		"governorate", "camp", "prefecture", "municipality", "neighbourhood", "neighborhood", "valley",
		"sector", "part", "parts", "heart", "centre", "center", "streets")
	fillers = setOf("the", "a", "an", "its", "their", "his", "her", "north", "south", "east", "west",
		"northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast",
		"southwest", "northeastern", "northwestern", "southeastern", "southwestern", "besieged", "beseiged",
		"neighboring", "neighbouring", "nearby", "occupied", "embattled", "restive", "remote", "border",
		"mostly", "upper", "lower", "greater", "downtown", "port", "coastal", "rebel", "held", "s")
	functionWords = setOf("in", "at", "on", "the", "a", "an", "to", "from", "for", "of", "and", "but",
		"near", "into", "when", "while", "after", "before", "since", "with", "by", "as", "both", "across")
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Find returns the place names in text, in order: the longest gazetteer
// name starting at each capitalized word, less common words and names that
// are part of a longer proper name ("Moscow State University").
func (g *Gazetteer) Find(text string) []Mention {
	buf := tokenPool.Get().(*[]token)
	toks := tokenize(text, (*buf)[:0])
	defer func() {
		clear(toks[:cap(toks)]) // drop the keys' references to text
		*buf = toks[:0]
		tokenPool.Put(buf)
	}()
	var out []Mention
	for i := 0; i < len(toks); {
		if !toks[i].upper {
			i++
			continue
		}
		n, ids := g.longest(text, toks, i)
		if n == 0 {
			i++
			continue
		}
		first, last := toks[i], toks[i+n-1]
		m := Mention{Start: first.start, End: last.end, Text: text[first.start:last.end], ids: ids}
		demonym := m.demonymOnly(g)
		if !demonym && !g.standalone(text, toks, i, n) {
			i += n
			continue
		}
		if !demonym {
			m.Locative, m.hint = locative(text, toks, i)
		}
		out = append(out, m)
		i += n
	}
	// appositions: "Moscow, Russia", "Bam, Iran"
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], &out[k+1]
		if strings.TrimSpace(text[a.End:b.Start]) != "," || b.demonymOnly(g) || a.demonymOnly(g) {
			continue
		}
		for _, id := range b.ids {
			p := g.places[id]
			if (p.Kind == Country || p.Kind == Region) && a.has(g, p.Country) {
				a.Appos, b.Inner = p.Country, true
				break
			}
		}
	}
	return out
}

func (m *Mention) has(g *Gazetteer, cc string) bool {
	for _, id := range m.ids {
		if p := g.places[id]; p.Country == cc && p.Kind != Country && p.Kind != Demonym {
			return true
		}
	}
	return false
}

// longest returns how many tokens from i make the longest gazetteer name,
// and its places.
func (g *Gazetteer) longest(text string, toks []token, i int) (int, []int32) {
	if !g.starts.May(toks[i].key) {
		return 0, nil
	}
	max := int(g.first[toks[i].key]) // no name starts with this word: 0
	if i+max > len(toks) {
		max = len(toks) - i
	}
	var buf [128]byte
	for n := max; n >= 1; n-- {
		last := toks[i+n-1]
		if !last.upper {
			continue
		}
		ok := true
		b := buf[:0]
		for k := i; k < i+n; k++ {
			if k > i {
				gap := text[toks[k-1].end:toks[k].start]
				if len(gap) > 3 || strings.ContainsAny(gap, "\n;:()\"") {
					ok = false
					break
				}
				b = append(b, ' ')
			}
			b = append(b, toks[k].key...)
		}
		if !ok {
			continue
		}
		if n == 1 && (stopNames[string(b)] || len(b) < 3 && !isAllUpper(text[toks[i].start:toks[i].end])) {
			return 0, nil
		}
		if ids := g.index[string(b)]; len(ids) > 0 {
			return n, ids
		}
	}
	return 0, nil
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// standalone reports whether tokens i..i+n are a name of their own rather
// than part of a longer proper name: no capitalized word right after, and
// none right before unless it starts a sentence or is a function word.
func (g *Gazetteer) standalone(text string, toks []token, i, n int) bool {
	if j := i + n; j < len(toks) && toks[j].upper && !stopNames[toks[j].key] && strings.TrimSpace(text[toks[j-1].end:toks[j].start]) == "" {
		if _, ids := g.longest(text, toks, j); ids == nil {
			return false
		}
	}
	if i > 0 && toks[i-1].upper && strings.TrimSpace(text[toks[i-1].end:toks[i].start]) == "" {
		prev := toks[i-1]
		initial := i-1 == 0 || strings.ContainsAny(text[toks[i-2].end:prev.start], ".!?\n\"")
		if !initial && !functionWords[prev.key] && !fillers[prev.key] {
			return false
		}
	}
	return true
}

// locative reads the words before token i: a preposition of place, maybe
// after a few determiners and adjectives ("in the northern city of"), or a
// place noun ("the capital Kabul", "the town of Rafah").
func locative(text string, toks []token, i int) (int, Kind) {
	var hint Kind
	for k, steps := i-1, 0; k >= 0 && steps < 5; k, steps = k-1, steps+1 {
		gap := text[toks[k].end:toks[k+1].start]
		if strings.ContainsAny(gap, ".,;:!?()\n\"") && !(gap == "'" || gap == "’") {
			return notLocative, 0
		}
		w := toks[k].key
		if placeWords[w] && hint == 0 && k >= i-2 {
			hint = placeKind(w)
		}
		switch {
		case strongPreps[w]:
			return strongLocative, hint
		case weakPreps[w]:
			return weakLocative, hint
		case w == "of" && k > 0 && placeWords[toks[k-1].key]:
			return strongLocative, placeKind(toks[k-1].key)
		case placeWords[w] && k == i-1:
			return strongLocative, hint
		case fillers[w] || placeWords[w]:
			continue
		case toks[k].upper && k < i-1:
			// a place or proper name in between: "in East Timor's capital"
			continue
		}
		return notLocative, 0
	}
	return notLocative, 0
}

func placeKind(w string) Kind {
	switch w {
	case "town", "city", "village", "capital", "port", "suburb", "suburbs", "outskirts", "camp", "neighbourhood", "neighborhood":
		return City
	case "province", "region", "state", "governorate", "district", "county", "prefecture", "valley", "peninsula":
		return Region
	}
	return 0
}

// Locate returns the place of the event reported by the sentence at span of
// text, or nil. It is Locator(text) called once.
func (g *Gazetteer) Locate(text string, ev *parley.Event) *parley.Location {
	return g.Locator(text)(ev)
}

// Locator reads a document's body (parley.Document.Body) once and returns
// the function that places an event of it: the place named after a
// preposition of place in the event's sentence ("met in Moscow, Russia"),
// the strongest and nearest to the verb, a city rather than its own country
// when both are named; else the dateline's place ("KABUL, June 15 -"); else
// nil. Ambiguous names are resolved by the country named right after them,
// the countries the sentence and the article name (also by adjective), the
// event's actors, population and the kind of place.
func (g *Gazetteer) Locator(body string) func(ev *parley.Event) *parley.Location {
	ms := g.Find(body)
	doc := map[string]int{}
	for i := range ms {
		if cc := g.sole(&ms[i]); cc != "" {
			doc[cc]++
		}
	}
	dateline := g.dateline(body, doc)
	return func(ev *parley.Event) *parley.Location {
		if ev == nil {
			return nil
		}
		s, e := ev.Span[0], ev.Span[1]
		sent := map[string]int{}
		var in []*Mention
		for i := range ms {
			m := &ms[i]
			if m.Start < s || m.End > e {
				continue
			}
			if cc := g.sole(m); cc != "" {
				sent[cc]++
			}
			if m.Locative > 0 && !m.Inner && !m.demonymOnly(g) {
				in = append(in, m)
			}
		}
		actors := map[string]bool{}
		for _, a := range []*parley.Actor{ev.Source, ev.Target} {
			if a != nil && a.Country != "" {
				actors[a.Country] = true
			}
		}
		verb := (s + e) / 2
		if ev.VerbSpan != nil {
			verb = ev.VerbSpan[0]
		}
		var best *Mention
		var bestP Place
		for _, m := range in {
			p := g.pick(m, sent, doc, actors)
			if best == nil || m.Locative > best.Locative ||
				m.Locative == best.Locative && dist(m, verb) < dist(best, verb) {
				best, bestP = m, p
			}
		}
		if best == nil {
			return dateline
		}
		if bestP.Kind == Country {
			// a city in that country named as a place too is more precise:
			// "in Italy ... during a summit in Genoa"
			for _, m := range in {
				if p := g.pick(m, sent, doc, actors); m != best && p.Kind != Country && p.Country == bestP.Country {
					bestP = p
					break
				}
			}
		}
		return location(bestP)
	}
}

func dist(m *Mention, at int) int {
	if m.Start >= at {
		return m.Start - at
	}
	return at - m.End
}

func location(p Place) *parley.Location {
	return &parley.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Precision: p.Kind.Precision()}
}

// sole returns the country of a mention whose every reading is in one
// country ("Lebanese", "Kabul"), else "".
func (g *Gazetteer) sole(m *Mention) string {
	cc := ""
	for _, id := range m.ids {
		p := g.places[id]
		if cc != "" && p.Country != cc {
			return ""
		}
		cc = p.Country
	}
	return cc
}

// pick chooses a mention's reading.
func (g *Gazetteer) pick(m *Mention, sent, doc map[string]int, actors map[string]bool) Place {
	var best Place
	bestScore := math.Inf(-1)
	for _, id := range m.ids {
		p := g.places[id]
		if p.Kind == Demonym {
			continue
		}
		sc := math.Log10(float64(p.Population) + 1)
		switch p.Kind {
		case Country:
			sc += 3
		case Capital:
			sc += 1
		case Region:
			sc -= 0.5 // "Kirkuk" is the city more often than the governorate
		}
		switch {
		case m.hint == Region && p.Kind == Region, m.hint == City && (p.Kind == City || p.Kind == Capital):
			sc += 2
		}
		if m.Appos == p.Country {
			sc += 20
		}
		sc += 3*float64(min(sent[p.Country], 2)) + 1.5*float64(min(doc[p.Country], 3))
		if actors[p.Country] {
			sc += 1
		}
		if sc > bestScore {
			best, bestScore = p, sc
		}
	}
	return best
}

var datelineRE = regexp.MustCompile(`^\s*([A-Z][A-Z.'\- ]{2,40}?)\s*(,|\(|—|–| - )`)

// dateline returns the place of a dateline at the start of the body or of
// its second line (after a title): "KABUL, June 15 (Reuters) -".
func (g *Gazetteer) dateline(body string, doc map[string]int) *parley.Location {
	starts := []string{body}
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		starts = append(starts, body[i+1:])
	}
	for _, s := range starts {
		if len(s) > 200 {
			s = s[:200]
		}
		sm := datelineRE.FindStringSubmatch(s)
		if sm == nil {
			continue
		}
		m := Mention{ids: g.index[Fold(sm[1])]}
		if len(m.ids) == 0 || m.demonymOnly(g) {
			continue
		}
		p := g.pick(&m, nil, doc, nil)
		return location(p)
	}
	return nil
}
