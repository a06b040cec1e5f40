package coding

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"parley/cameo"
	"parley/internal/dictfile"
	"parley/internal/wordset"
)

// Pattern is one verb or noun pattern of the event dictionary.
type Pattern struct {
	Code string
	Head []string // alternatives for the head word (verb lemmas, or nouns)
	Noun bool     // a nominal event ("n:talks")
	// Received marks a pattern written "<receive weapons": the event is
	// done by the actor after "from" to the subject.
	Received bool
	// Member marks a pattern written "igo:suspend": only an organisation
	// (IGO) acting on a member; anyone else's act, or one on what a member
	// owns, codes nothing.
	Member bool
	Rest   [][]string // the following words, each a set of alternatives
	Text   string     // the pattern as written
	Where  string     // file:line
	order  int
	rule   string // Rule, made once
	// need holds, for each word of Rest, the wordBits of its
	// alternatives: a pattern can match only where the words up to the
	// next boundary have some bit of each (bestMatch's prefilter).
	need []uint64
}

// Rule returns the pattern as a rule name for event records.
func (p *Pattern) Rule() string {
	if p.rule != "" {
		return p.rule
	}
	return fmt.Sprintf("%s %s: %s", p.Where, p.Code, p.Text)
}

// Verbs is a loaded event pattern dictionary, indexed by head word.
type Verbs struct {
	verbs map[string]*candidates
	nouns map[string]*candidates
	n     int
}

// candidates are the patterns of one head word, longest first, then in
// dictionary order, so that the first that matches is the best.
type candidates struct {
	pats []*Pattern
	// first holds the wordBits of each pattern's first word after the
	// head (its need[0]; 0 for a head-only pattern), side by side so that
	// bestMatch passes over patterns without reading them
	first []uint64
	// bare is where the head-only patterns start: they are sorted last
	bare int
	// nextBits are the wordBits of every word a pattern may have right
	// after the head
	nextBits uint64
}

// Len returns the number of patterns.
func (v *Verbs) Len() int { return v.n }

// VerbFiles is where LoadVerbs looks for pattern files in its fs.FS.
const VerbFiles = "verbs/*.txt"

// LoadVerbs reads every pattern file of fsys. Codes must exist in codes.
// Lines that cannot be read are returned as errors naming file and line.
func LoadVerbs(fsys fs.FS, codes cameo.Table) (*Verbs, []error, error) {
	names, err := dictfile.Glob(fsys, VerbFiles)
	if err != nil {
		return nil, nil, err
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("load verbs: no files match %s", VerbFiles)
	}
	v := &Verbs{}
	verbs, nouns := map[string][]*Pattern{}, map[string][]*Pattern{}
	var bad []error
	for _, name := range names {
		lines, err := dictfile.Read(fsys, name)
		if err != nil {
			return nil, bad, err
		}
		for _, l := range lines {
			if len(l.Fields) != 2 {
				bad = append(bad, l.Errorf("want CODE | patterns"))
				continue
			}
			code := l.Fields[0]
			if _, ok := codes.Lookup(code); !ok {
				bad = append(bad, l.Errorf("unknown CAMEO code %q", code))
				continue
			}
			for _, text := range l.Items(1) {
				p, err := parsePattern(text)
				if err != nil {
					bad = append(bad, l.Errorf("%v", err))
					continue
				}
				p.Code, p.Where, p.order = code, fmt.Sprintf("%s:%d", strings.TrimPrefix(l.File, "verbs/"), l.Number), v.n
				p.rule = p.Rule()
				v.n++
				index := verbs
				if p.Noun {
					index = nouns
				}
				for _, h := range p.Head {
					index[h] = append(index[h], p)
				}
			}
		}
	}
	v.verbs, v.nouns = indexCandidates(verbs), indexCandidates(nouns)
	return v, bad, nil
}

func indexCandidates(index map[string][]*Pattern) map[string]*candidates {
	out := make(map[string]*candidates, len(index))
	for h, ps := range index {
		slices.SortStableFunc(ps, func(a, b *Pattern) int {
			return cmp.Or(cmp.Compare(len(b.Rest), len(a.Rest)), cmp.Compare(a.order, b.order))
		})
		c := &candidates{pats: ps, first: make([]uint64, len(ps)), bare: len(ps)}
		for j, p := range ps {
			if len(p.need) > 0 {
				c.first[j] = p.need[0]
				c.nextBits |= p.need[0]
			} else if c.bare == len(ps) {
				c.bare = j
			}
		}
		out[h] = c
	}
	return out
}

func parsePattern(text string) (*Pattern, error) {
	words := strings.Fields(strings.ToLower(text))
	if len(words) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	p := &Pattern{Text: text}
	if rest, ok := strings.CutPrefix(words[0], "<"); ok {
		p.Received, words[0] = true, rest
	}
	if rest, ok := strings.CutPrefix(words[0], "igo:"); ok {
		p.Member, words[0] = true, rest
	}
	head := words[0]
	if rest, ok := strings.CutPrefix(head, "n:"); ok {
		p.Noun, head = true, rest
	}
	p.Head = alternatives(head)
	if len(p.Head) == 0 {
		return nil, fmt.Errorf("pattern %q: empty head", text)
	}
	for _, w := range words[1:] {
		alts := alternatives(w)
		if len(alts) == 0 {
			return nil, fmt.Errorf("pattern %q: empty word", text)
		}
		p.Rest = append(p.Rest, alts)
		var m uint64
		for _, a := range alts {
			m |= wordBit(a)
		}
		p.need = append(p.need, m)
	}
	return p, nil
}

// wordBit is a word's bit of 64: a sentence's words up to a boundary are
// summed up in one uint64 (sentenceBits), against which a pattern's words
// are checked before they are looked for.
func wordBit(w string) uint64 { return wordset.Bit(w) }

func alternatives(w string) []string {
	var out []string
	for _, a := range strings.Split(w, "/") {
		a = strings.TrimSpace(strings.ReplaceAll(a, "’", "'"))
		if a != "" {
			out = append(out, a)
		}
	}
	return out
}

// sLemma returns the verb whose third-person or past form w is ("lifts" →
// "lift", "pushes" → "push", "denies" → "deny", "imposed" → "impose",
// "banned" → "ban"), if the dictionary has it, else w.
func (v *Verbs) sLemma(w string) string {
	if rest, ok := strings.CutPrefix(w, "re-"); ok && rest != "" {
		if b := v.sLemma("re" + rest); v.verbs[b] != nil {
			return b // "re-open", "re-imposed": as written without the hyphen
		}
	}
	if b, ok := irregularPast[w]; ok && v.verbs[b] != nil {
		return b // "Putin spoke/NN by phone with Erdogan"
	}
	for _, c := range []struct{ cut, add string }{{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"d", ""}, {"ed", ""}} {
		if b, ok := strings.CutSuffix(w, c.cut); ok && v.verbs[b+c.add] != nil {
			return b + c.add
		}
	}
	if b, ok := strings.CutSuffix(w, "ed"); ok && len(b) > 2 && b[len(b)-1] == b[len(b)-2] && v.verbs[b[:len(b)-1]] != nil {
		return b[:len(b)-1] // "banned"
	}
	return w
}

// irregularPast maps the irregular past forms of event verbs to their
// lemmas, for a verb the tagger reads as a noun or an adjective.
var irregularPast = map[string]string{
	"spoke": "speak", "met": "meet", "fought": "fight", "struck": "strike", "held": "hold", "sent": "send",
	"took": "take", "gave": "give", "shot": "shoot", "began": "begin", "threw": "throw", "led": "lead",
	"sought": "seek", "won": "win", "broke": "break", "swore": "swear", "withdrew": "withdraw",
	"froze": "freeze", "beat": "beat", "hit": "hit", "cut": "cut", "bound": "bind", "fled": "flee",
	"stole": "steal", "drove": "drive", "forgave": "forgive", "overthrew": "overthrow", "undertook": "undertake",
	"oversaw": "oversee", "overran": "overrun", "told": "tell", "said": "say", "made": "make", "rode": "ride",
}

// pastOnly are the irregular past forms that are no noun or adjective,
// so that one the tagger misreads right after its subject is the verb
// whatever follows it ("The Russian army withdrew/NN from Kherson").
var pastOnly = map[string]bool{
	"withdrew": true, "fought": true, "met": true, "sent": true, "took": true, "gave": true, "began": true,
	"threw": true, "sought": true, "broke": true, "swore": true, "froze": true, "fled": true, "stole": true,
	"forgave": true, "overthrew": true, "undertook": true, "oversaw": true, "overran": true, "told": true,
	"said": true, "led": true, "held": true, "won": true, "spoke": true, "struck": true,
}
