// Package nlp turns text into sentences of tagged, lemmatized tokens.
//
// Sentences never cross a line break: news text puts headlines, datelines
// and paragraph breaks on lines of their own, often without a full stop.
// Within a line, sentences are split by the Punkt model that prose uses.
// Tokens are tagged with prose's averaged-perceptron model (Penn Treebank
// tags) and lemmatized with golem's English dictionary.
//
// The splitting, tokenizing, tagging and dictionary lookups are this
// package's own code (punkt.go, tokenize.go, package tagger, lemmas.go),
// written for speed, and give exactly what prose's segment, tokenize and tag
// packages and golem give: the tests compare them on the corpora and by
// fuzzing.
//
// Every offset is a byte offset into the text passed to Parse.
package nlp

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"parley/nlp/tagger"
)

// Token is one word or punctuation mark.
type Token struct {
	Text  string // verbatim from the source
	Norm  string // lower case, curly quotes folded to straight ones
	Tag   string // Penn Treebank part-of-speech tag
	Lemma string // dictionary form, lower case
	Start int    // byte offset of Text
	End   int
}

// IsVerb reports whether the token is tagged as a verb.
func (t *Token) IsVerb() bool { return strings.HasPrefix(t.Tag, "VB") }

// IsNoun reports whether the token is tagged as a noun.
func (t *Token) IsNoun() bool { return strings.HasPrefix(t.Tag, "NN") }

// Sentence is a sentence with its tokens.
type Sentence struct {
	Index  int // position in the document, from 0
	Start  int // byte offsets of Text in the parsed text
	End    int
	Text   string
	Tokens []Token
}

// Parser holds the shared models. It is safe for concurrent use.
type Parser struct {
	seg   *punkt
	tag   *tagger.Model
	lemma *lemmaDict
	pool  sync.Pool

	// memo keeps lemmas by the tagger's word number.
	memo []atomic.Pointer[lemmaMemo]
}

// lemmaMemo holds the lemmas found for a normalized word as a verb and as a
// plural noun; "" stands for the word itself.
type lemmaMemo struct {
	verb, noun       string
	hasVerb, hasNoun bool
}

func (m *lemmaMemo) pick(l, norm string) string {
	if l == "" {
		return norm
	}
	return l
}

var (
	defaultOnce   sync.Once
	defaultParser *Parser
	defaultErr    error
)

// Default returns the shared parser, loading its models on first use.
func Default() (*Parser, error) {
	defaultOnce.Do(func() { defaultParser, defaultErr = New() })
	return defaultParser, defaultErr
}

// New loads the models.
func New() (*Parser, error) {
	seg, err := newPunkt()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	tg, err := tagger.English()
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	lm, err := newLemmaDict()
	if err != nil {
		return nil, fmt.Errorf("load lemma dictionary: %w", err)
	}
	p := &Parser{seg: seg, tag: tg, lemma: lm}
	p.memo = make([]atomic.Pointer[lemmaMemo], tg.NumWords()+1)
	p.pool.New = func() any { return new(scratch) }
	return p, nil
}

// Parse splits text into sentences and analyses each one.
func (p *Parser) Parse(text string) []Sentence {
	sc := p.pool.Get().(*scratch)
	sc.reset()
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		if strings.TrimSpace(line) != "" {
			if start, end, ok := oneSentence(line); ok {
				sc.add(text, lineStart+start, lineStart+end)
			} else {
				sc.spans = p.seg.split(sc.spans[:0], line, &sc.punkt)
				for _, s := range sc.spans {
					sc.add(text, lineStart+s.start, lineStart+s.end)
				}
			}
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	if len(sc.sents) == 0 {
		p.pool.Put(sc)
		return nil
	}
	out := make([]Sentence, len(sc.sents))
	toks := p.analyse(sc)
	for i, ss := range sc.sents {
		out[i] = Sentence{Index: i, Start: ss.start, End: ss.end, Text: text[ss.start:ss.end],
			Tokens: toks[ss.first:ss.last:ss.last]}
	}
	p.pool.Put(sc)
	return out
}

// Tokens tokenizes, tags and lemmatizes one sentence whose first byte is at
// offset base of the document.
func (p *Parser) Tokens(sentence string, base int) []Token {
	sc := p.pool.Get().(*scratch)
	sc.reset()
	sc.sents = append(sc.sents, sentSpan{start: base, end: base + len(sentence)})
	sc.pieces = tokenize(sc.pieces, sentence, base)
	sc.sents[0].last = len(sc.pieces)
	toks := p.analyse(sc)
	p.pool.Put(sc)
	return toks
}

// scratch is the working space of one Parse call.
type scratch struct {
	sents  []sentSpan
	pieces []piece
	words  []string
	tags   []string
	ids    []uint32
	spans  []span
	punkt  punktScratch
	norms  []byte  // normalized forms that differ from the text
	normAt []int32 // per piece: end of its form in norms, or -1
}

// sentSpan is a sentence's byte span and its pieces.
type sentSpan struct {
	start, end  int
	first, last int
}

func (sc *scratch) reset() {
	sc.sents = sc.sents[:0]
	sc.pieces = sc.pieces[:0]
	sc.norms = sc.norms[:0]
	sc.normAt = sc.normAt[:0]
}

// add tokenizes the sentence text[start:end].
func (sc *scratch) add(text string, start, end int) {
	first := len(sc.pieces)
	sc.pieces = tokenize(sc.pieces, text[start:end], start)
	sc.sents = append(sc.sents, sentSpan{start, end, first, len(sc.pieces)})
}

// analyse tags, normalizes and lemmatizes the pieces of the sentences in
// sc, and returns their tokens.
func (p *Parser) analyse(sc *scratch) []Token {
	n := len(sc.pieces)
	toks := make([]Token, n)
	if n == 0 {
		return toks
	}
	if cap(sc.words) < n {
		sc.words = make([]string, n, n+n/2)
		sc.tags = make([]string, n, n+n/2)
	}
	if cap(sc.ids) < n {
		sc.ids = make([]uint32, n, n+n/2)
	}
	words, tags, ids := sc.words[:n], sc.tags[:n], sc.ids[:n]
	for i, pc := range sc.pieces {
		words[i] = pc.text
	}
	for _, ss := range sc.sents {
		if ss.last > ss.first {
			p.tag.TagIDs(words[ss.first:ss.last], tags[ss.first:ss.last], ids[ss.first:ss.last])
		}
	}
	// Normalized forms that differ from the text go into one string.
	for _, pc := range sc.pieces {
		at := int32(-1)
		if needsNormalize(pc.text) {
			sc.norms = appendNormalized(sc.norms, pc.text)
			at = int32(len(sc.norms))
		}
		sc.normAt = append(sc.normAt, at)
	}
	norms := string(sc.norms)
	from := 0
	for i, pc := range sc.pieces {
		norm := pc.text
		if at := int(sc.normAt[i]); at >= 0 {
			norm, from = norms[from:at], at
		}
		toks[i] = Token{Text: pc.text, Norm: norm, Tag: tags[i], Lemma: p.lemmaFor(norm, tags[i], ids[i]),
			Start: pc.start, End: pc.start + len(pc.text)}
	}
	clear(words)
	clear(tags)
	return toks
}

// lemmaFor is lemmaOf, remembered by the tagger's number id of the word.
// The number stands for the word in lower case, which for an ASCII word is
// its normal form.
func (p *Parser) lemmaFor(norm, tag string, id uint32) string {
	verb := strings.HasPrefix(tag, "VB")
	if !verb && tag != "NNS" && tag != "NNPS" {
		return norm
	}
	if id == 0 || int(id) >= len(p.memo) || !isASCII(norm) {
		return p.lemmaOf(norm, tag)
	}
	slot := &p.memo[id]
	old := slot.Load()
	if old != nil {
		if verb && old.hasVerb {
			return old.pick(old.verb, norm)
		}
		if !verb && old.hasNoun {
			return old.pick(old.noun, norm)
		}
	}
	l := p.lemmaOf(norm, tag)
	if l == "" {
		return l // "" stands for norm in a lemmaMemo
	}
	// Copy what is kept: norm and lemmas cut from it belong to a document.
	keep := strings.Clone(l)
	if l == norm {
		keep = ""
	}
	m := &lemmaMemo{}
	if old != nil {
		*m = *old
	}
	if verb {
		m.verb, m.hasVerb = keep, true
	} else {
		m.noun, m.hasNoun = keep, true
	}
	slot.Store(m)
	return l
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (p *Parser) lemmaOf(norm, tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		if l, ok := irregular[norm]; ok {
			return l
		}
		l := p.lemmaPick(norm, true)
		if l == norm && (strings.HasSuffix(norm, "ing") || strings.HasSuffix(norm, "ed")) {
			// golem knows "calling" only as a noun: strip the suffix.
			return p.verbStem(norm)
		}
		return l
	case tag == "NNS" || tag == "NNPS":
		return p.lemmaPick(norm, false)
	}
	return norm
}

// lemmaPick chooses among golem's candidate lemmas: the first, in sorted
// order, that is a different word from the form and no longer (fled →
// flee), else the first.
func (p *Parser) lemmaPick(norm string, verb bool) string {
	if !isWord(norm) {
		return norm
	}
	return p.lemma.pick(norm)
}

// verbStem undoes -ing and -ed when golem has no verb reading: calling →
// call, taking → take, stopping → stop, inviting → invite.
func (p *Parser) verbStem(w string) string {
	base := strings.TrimSuffix(strings.TrimSuffix(w, "ing"), "ed")
	if len(base) < 2 {
		return w
	}
	n := len(base)
	cands := []string{base, base + "e"}
	if n >= 3 && base[n-1] == base[n-2] {
		cands = append(cands, base[:n-1])
	}
	if strings.HasSuffix(base, "i") {
		cands = append(cands, base[:n-1]+"y")
	}
	for _, c := range cands {
		if p.lemma.inDict(c) {
			return c
		}
	}
	return w
}

// irregular fixes lemmas that golem's dictionary gets wrong for verbs in news.
var irregular = map[string]string{
	"met": "meet", "left": "leave", "held": "hold", "began": "begin", "begun": "begin",
	"was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be", "'s": "be",
	"said": "say", "told": "tell", "fled": "flee", "fought": "fight", "sought": "seek",
	"led": "lead", "struck": "strike", "shot": "shoot", "seized": "seize", "spoke": "speak",
	"spoken": "speak", "threw": "throw", "thrown": "throw", "overthrew": "overthrow",
	"overthrown": "overthrow", "took": "take", "taken": "take", "gave": "give", "given": "give",
	"withdrew": "withdraw", "withdrawn": "withdraw", "broke": "break", "broken": "break",
	"did": "do", "done": "do", "had": "have", "has": "have", "made": "make", "sent": "send",
	"sold": "sell", "bought": "buy", "brought": "bring", "kept": "keep", "drove": "drive",
	"driven": "drive", "rose": "rise", "risen": "rise", "hit": "hit", "wounded": "wound",
	"killed": "kill", "found": "find", "lost": "lose", "won": "win", "stood": "stand",
	"forbade": "forbid", "forbidden": "forbid", "swore": "swear", "sworn": "swear",
	"undertook": "undertake", "undertaken": "undertake", "upheld": "uphold", "bore": "bear",
	"born": "bear", "fell": "fall", "fallen": "fall", "wrote": "write", "written": "write",
	"agreed": "agree", "freed": "free", "rebuffed": "rebuff", "shelled": "shell",
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return s != ""
}

// Normalize folds a token for matching: lower case, curly quotes and
// apostrophes made straight.
func Normalize(s string) string {
	if !needsNormalize(s) {
		return s
	}
	return string(appendNormalized(make([]byte, 0, len(s)), s))
}

// needsNormalize reports whether Normalize changes s, or may: s has a
// capital or a non-ASCII byte.
func needsNormalize(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return true
		}
	}
	return false
}

// appendNormalized appends the normal form of s to b.
func appendNormalized(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '‘', '’', '‛', '′':
			r = '\''
		case '“', '”', '„', '″':
			r = '"'
		case '–', '—':
			r = '-'
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size - 1
	}
	return b
}
