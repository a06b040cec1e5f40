// Package nlp turns text into sentences of tagged, lemmatized tokens.
//
// Sentences never cross a line break: news text puts headlines, datelines
// and paragraph breaks on lines of their own, often without a full stop.
// Within a line, sentences are split by prose's Punkt model. Tokens are
// tagged with prose's averaged-perceptron tagger (Penn Treebank tags) and
// lemmatized with golem's English dictionary.
//
// Every offset is a byte offset into the text passed to Parse.
package nlp

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
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
	seg   *segment.Segmenter
	tok   *tokenize.Tokenizer
	tag   *tag.Tagger
	lemma *golem.Lemmatizer
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
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	lm, err := golem.New(en.New())
	if err != nil {
		return nil, fmt.Errorf("load lemma dictionary: %w", err)
	}
	return &Parser{seg: seg, tok: tokenize.New(), tag: tg, lemma: lm}, nil
}

// Parse splits text into sentences and analyses each one.
func (p *Parser) Parse(text string) []Sentence {
	var out []Sentence
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		if strings.TrimSpace(line) != "" {
			for _, s := range p.seg.Segment(line) {
				start := lineStart + s.Start
				sent := Sentence{Index: len(out), Start: start, End: start + len(s.Text), Text: s.Text}
				sent.Tokens = p.Tokens(s.Text, start)
				out = append(out, sent)
			}
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	return out
}

// Tokens tokenizes, tags and lemmatizes one sentence whose first byte is at
// offset base of the document.
func (p *Parser) Tokens(sentence string, base int) []Token {
	raw := p.tok.Tokenize(sentence)
	raw = splitQuotes(raw)
	p.tag.TagTokens(raw)
	out := make([]Token, len(raw))
	for i, r := range raw {
		norm := Normalize(r.Text)
		t := Token{Text: r.Text, Norm: norm, Tag: r.Tag, Start: base + r.Start, End: base + r.Start + len(r.Text)}
		t.Lemma = p.lemmaOf(norm, r.Tag)
		out[i] = t
	}
	return out
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

// lemmaPick chooses among golem's candidate lemmas: for verbs the candidate
// that is a different word from the form (fled → flee), else the form.
func (p *Parser) lemmaPick(norm string, verb bool) string {
	if !isWord(norm) {
		return norm
	}
	ls := p.lemma.Lemmas(norm)
	if len(ls) == 0 {
		return norm
	}
	if len(ls) == 1 {
		return ls[0]
	}
	// Prefer a lemma ending as verbs' base forms do; golem lists noun
	// readings too ("talks" → talk, "talks").
	best := ls[0]
	for _, l := range ls {
		if l != norm && len(l) <= len(norm) {
			best = l
			break
		}
	}
	return best
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
		if p.lemma.InDict(c) {
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
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '‘', '’', '‛', '′':
			r = '\''
		case '“', '”', '„', '″':
			r = '"'
		case '–', '—':
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// splitQuotes separates curly quotes and apostrophes that prose's tokenizer
// leaves attached ("“foreign”", "Ghani’s"), keeping offsets exact.
func splitQuotes(in []token.Token) []token.Token {
	var out []token.Token
	changed := false
	for _, t := range in {
		parts := splitToken(t)
		if len(parts) != 1 {
			changed = true
		}
		out = append(out, parts...)
	}
	if !changed {
		return in
	}
	return out
}

func splitToken(t token.Token) []token.Token {
	s := t.Text
	if !strings.ContainsAny(s, "“”‘’") || len(s) <= 3 {
		return []token.Token{t}
	}
	var out []token.Token
	// leading opening quotes
	for {
		r, n := utf8.DecodeRuneInString(s)
		if (r == '“' || r == '‘' || r == '”') && n < len(s) {
			out = append(out, token.Token{Text: s[:n], Start: t.Start})
			t.Start += n
			s = s[n:]
			continue
		}
		break
	}
	var tail []token.Token
	for {
		r, n := utf8.DecodeLastRuneInString(s)
		if (r == '”' || r == '’' || r == '“') && n < len(s) {
			tail = append([]token.Token{{Text: s[len(s)-n:], Start: t.Start + len(s) - n}}, tail...)
			s = s[:len(s)-n]
			continue
		}
		break
	}
	// possessive ’s
	if i := strings.LastIndex(s, "’s"); i > 0 && i+len("’s") == len(s) {
		out = append(out, token.Token{Text: s[:i], Start: t.Start}, token.Token{Text: s[i:], Start: t.Start + i})
	} else if i := strings.LastIndex(s, "’t"); i > 1 && i+len("’t") == len(s) && strings.HasSuffix(s[:i], "n") {
		out = append(out, token.Token{Text: s[:i-1], Start: t.Start}, token.Token{Text: s[i-1:], Start: t.Start + i - 1})
	} else {
		out = append(out, token.Token{Text: s, Start: t.Start})
	}
	return append(out, tail...)
}
