package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// punkt splits a line into sentences as prose's segment.Segmenter does: the
// Punkt algorithm of gopkg.in/neurosnap/sentences with its English model,
// with prose's extra sentence enders, abbreviations and its rules for
// abbreviations like "F.B.I." and for ellipses.
//
// Only words holding ".", "?" or "!" can end a sentence, and whether one does
// depends on the word and the one after it, so punkt looks at those pairs
// only and does without the library's per-word objects and regular
// expressions. TestPunkt compares it with prose on the corpora.
type punkt struct {
	abbrevs  map[string]int // abbreviations, without their full stop
	colloc   map[string]int // "word,next word" pairs that do not end a sentence
	starters map[string]int // frequent sentence starters
	ortho    map[string]int // orthographic context flags of word types
}

// Orthographic context flags, as the model stores them.
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc + orthoMidUc + orthoUnkUc
	orthoLc    = orthoBegLc + orthoMidLc + orthoUnkLc
)

func newPunkt() (*punkt, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	// prose adds these.
	for _, a := range []string{"sgt", "gov", "no", "mt"} {
		st.AbbrevTypes.Add(a)
	}
	return &punkt{abbrevs: st.AbbrevTypes, colloc: st.Collocations, starters: st.SentStarters, ortho: st.OrthoContext}, nil
}

// ptok is a word that may end a sentence, or the word after one.
type ptok struct {
	tok       string
	pos       int // where the word ends; a sentence ending with it ends here
	sentBreak bool
	abbr      bool
}

// punktScratch is the working space of one split.
type punktScratch struct {
	toks []ptok
	buf  []byte
	buf2 []byte
}

// split appends the spans of the sentences of line to dst, white space
// trimmed, empty ones left out.
func (p *punkt) split(dst []span, line string, sc *punktScratch) []span {
	toks := p.words(sc.toks[:0], line)
	sc.toks = toks
	for i := range toks {
		p.typeAnnotation(&toks[i])
	}
	for i := 0; i+1 < len(toks); i++ {
		p.tokenAnnotation(&toks[i], &toks[i+1], sc)
	}
	for i := range toks {
		if i+1 == len(toks) {
			t := &toks[i]
			if strings.Contains(t.tok, "\n") && strings.Contains(t.tok, " ") {
				t.sentBreak = false
			}
			continue
		}
		p.multiPunct(&toks[i], &toks[i+1], sc)
	}
	last := 0
	for _, t := range toks {
		if t.sentBreak {
			dst = appendTrimmed(dst, line, last, t.pos)
			last = t.pos
		}
	}
	if last != len(line) {
		dst = appendTrimmed(dst, line, last, len(line))
	}
	return dst
}

// span is a byte range.
type span struct{ start, end int }

func appendTrimmed(dst []span, line string, start, end int) []span {
	s, e := trimSpace(line[start:end])
	if s < e {
		dst = append(dst, span{start + s, start + e})
	}
	return dst
}

// words finds the words that hold ".", "?" or "!" and the word after each,
// as the library's word tokenizer does, quirks included: a word is only
// seen at the white space after it or at the text's last byte, so a last
// word ending in a multi-byte character is not seen at all.
func (p *punkt) words(dst []ptok, text string) []ptok {
	n := len(text)
	if n == 0 {
		return dst
	}
	first := len(dst)
	lastSpace := 0
	next := false
	for i, r := range text {
		if i != n-1 && !isSpace(r) {
			continue
		}
		cursor := i
		if i == n-1 {
			cursor = n
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		punct := strings.ContainsAny(word, ".!?")
		if !punct && !next {
			lastSpace = cursor
			continue
		}
		dst = append(dst, ptok{tok: word, pos: cursor})
		lastSpace = cursor
		next = punct
	}
	if len(dst) == first {
		dst = append(dst, ptok{tok: text, pos: n})
	}
	return dst
}

// hasSentEnd reports whether a word ends with one of prose's sentence
// enders, or holds a stop before a bracket or quote.
func hasSentEnd(w string) bool {
	if !strings.Contains(w, "Yahoo!") {
		for _, e := range [...]string{`."`, `.)`, `.’`, `.”`, `?`, `?"`, `?'`, `?)`, `?’`, `?”`, `!`, `!"`, `!'`, `!)`, `!’`, `!”`} {
			if strings.HasSuffix(w, e) {
				return true
			}
		}
	}
	for _, e := range [...]string{`.[`, `.(`, `."`, `?[`, `?(`, `![`, `!(`} {
		if strings.Contains(w, e) {
			return true
		}
	}
	return false
}

// typeAnnotation marks sentence ends and abbreviations by the word alone.
func (p *punkt) typeAnnotation(t *ptok) {
	if hasSentEnd(t.tok) {
		t.sentBreak = true
		return
	}
	if !strings.HasSuffix(t.tok, ".") || strings.HasSuffix(t.tok, "..") {
		return
	}
	// The library cuts the stop off at the rune count, in bytes.
	bare := strings.ToLower(t.tok[:utf8.RuneCountInString(t.tok)-1])
	lastPart := bare
	if i := strings.LastIndexByte(bare, '-'); i >= 0 {
		lastPart = bare[i+1:]
	}
	if p.abbrevs[bare] != 0 || p.abbrevs[lastPart] != 0 {
		t.abbr = true
	} else {
		t.sentBreak = true
	}
}

// tokenAnnotation is Punkt's second pass over a word ending in a full stop
// and the word after it.
func (p *punkt) tokenAnnotation(one, two *ptok, sc *punktScratch) {
	if !strings.HasSuffix(one.tok, ".") {
		return
	}
	sc.buf = appendTypeNoPeriod(sc.buf[:0], one.tok)
	typLen := len(sc.buf)
	sc.buf = append(sc.buf, ',')
	sc.buf = appendTypeNoSentPeriod(sc.buf, two)
	typ, nextTyp := sc.buf[:typLen], sc.buf[typLen+1:]
	initial := isInitial(one.tok)
	if p.colloc[string(sc.buf)] != 0 {
		one.sentBreak, one.abbr = false, true
		return
	}
	if (one.abbr || isEllipsisEnd(one.tok)) && !initial {
		if p.orthoHeuristic(two, sc) == 1 {
			one.sentBreak = true
			return
		}
		if firstUpper(two.tok) && p.starters[string(nextTyp)] != 0 {
			one.sentBreak = true
			return
		}
	}
	if one.tok == "." && two.tok == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	if initial || string(typ) == "##number##" {
		h := p.orthoHeuristic(two, sc)
		if h == 0 {
			one.sentBreak, one.abbr = false, true
			return
		}
		if h == -1 && initial && firstUpper(two.tok) && p.ortho[string(nextTyp)]&orthoLc == 0 {
			one.sentBreak, one.abbr = false, true
		}
	}
}

// multiPunct is prose's pass for abbreviations like "F.B.I.", ellipses and
// stops before closing quotes.
func (p *punkt) multiPunct(one, two *ptok, sc *punktScratch) {
	if strings.HasSuffix(one.tok, ".") && two.tok == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	var nextTyp []byte
	haveNext := false
	nonBreak := strings.HasSuffix(one.tok, ".") && !one.sentBreak
	ellipsis := strings.Contains(one.tok, "...")
	internal := one.sentBreak && looksInternal(one.tok)
	if nonBreak || ellipsis || internal {
		sc.buf2 = appendTypeNoSentPeriod(sc.buf2[:0], two)
		nextTyp, haveNext = sc.buf2, true
		starter := p.starters[string(nextTyp)]
		if ellipsis && (firstUpper(two.tok) || starter != 0) {
			one.sentBreak = true
			return
		}
		if internal && firstLower(two.tok) && starter == 0 {
			one.sentBreak = false
			return
		}
		if nonBreak && firstUpper(two.tok) && p.ortho[string(nextTyp)]&orthoLc != 0 {
			one.sentBreak = true
		}
	}
	if !hasDottedAbbrev(one.tok) || isInitial(one.tok) {
		return
	}
	one.abbr, one.sentBreak = true, false
	if p.orthoHeuristic(two, sc) == 1 {
		one.sentBreak = true
		return
	}
	if !haveNext || len(nextTyp) == 0 {
		sc.buf2 = appendTypeNoSentPeriod(sc.buf2[:0], two)
		nextTyp = sc.buf2
	}
	if firstUpper(two.tok) && p.starters[string(nextTyp)] != 0 {
		one.sentBreak = true
	}
}

func looksInternal(w string) bool {
	for _, e := range [...]string{")", "’", "”", `"`, "'"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// hasDottedAbbrev reports whether w holds a word character and a stop, then
// word characters and a stop ("U.S.", "a.m.").
func hasDottedAbbrev(w string) bool {
	for i := 0; i+2 < len(w); i++ {
		if !isWordByte(w[i]) || w[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(w) && isWordByte(w[j]) {
			j++
		}
		if j < len(w) && w[j] == '.' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isInitial reports whether w is a letter and a full stop.
func isInitial(w string) bool { return len(w) == 2 && isASCIILetter(w[0]) && w[1] == '.' }

// isEllipsisEnd reports whether w ends with two or more full stops.
func isEllipsisEnd(w string) bool { return strings.HasSuffix(w, "..") }

func firstUpper(w string) bool {
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func firstLower(w string) bool {
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// orthoHeuristic says whether t starts a sentence: 1 yes, 0 no, -1 unknown.
func (p *punkt) orthoHeuristic(t *ptok, sc *punktScratch) int {
	if len(t.tok) == 1 && strings.IndexByte(";:,.!?", t.tok[0]) >= 0 {
		return 0
	}
	var arr [64]byte
	ctx := p.ortho[string(appendTypeNoSentPeriod(arr[:0], t))]
	if firstUpper(t.tok) && ctx&orthoLc != 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(t.tok) && (ctx&orthoUc != 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// appendType appends the type of a word: lower case, a number at its end
// replaced by ##number##, commas dropped (unless the type is one byte).
func appendType(b []byte, w string) []byte {
	start := len(b)
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	} else {
		b = append(b, strings.ToLower(w)...)
	}
	if p := numberAt(b[start:]); p >= 0 {
		b = append(b[:start+p], "##number##"...)
	}
	if len(b)-start == 1 {
		return b
	}
	out := start
	for i := start; i < len(b); i++ {
		if b[i] != ',' {
			b[out] = b[i]
			out++
		}
	}
	return b[:out]
}

// numberAt returns where the leftmost match of -?[.,]?\d[\d,.-]*\.?$ in s
// starts, or -1.
func numberAt(s []byte) int {
	q := len(s)
	for q > 0 && isNumberByte(s[q-1]) {
		q--
	}
	d := q
	for d < len(s) && (s[d] < '0' || s[d] > '9') {
		d++
	}
	if d == len(s) {
		return -1
	}
	switch {
	case d-2 >= q && s[d-2] == '-' && (s[d-1] == '.' || s[d-1] == ','):
		return d - 2
	case d-1 >= q && (s[d-1] == '-' || s[d-1] == '.' || s[d-1] == ','):
		return d - 1
	}
	return d
}

func isNumberByte(c byte) bool { return '0' <= c && c <= '9' || c == ',' || c == '.' || c == '-' }

// appendTypeNoPeriod appends the type without a final full stop.
func appendTypeNoPeriod(b []byte, w string) []byte {
	start := len(b)
	b = appendType(b, w)
	if len(b)-start > 1 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

// appendTypeNoSentPeriod appends the type, without its final full stop if
// the word ends a sentence.
func appendTypeNoSentPeriod(b []byte, t *ptok) []byte {
	if t.sentBreak {
		return appendTypeNoPeriod(b, t.tok)
	}
	return appendType(b, t.tok)
}

// isSpace is unicode.IsSpace, quicker for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}
