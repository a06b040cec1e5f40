package nlp

import (
	"strings"
	"testing"
	"unicode"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	prosetok "github.com/jdkato/prose/v3/tokenize"

	"parley/nlp/internal/corpus"
)

// refParser is this package as it was before it had its own tokenizer,
// tagger, sentence splitter and dictionary: prose and golem throughout. Parse
// must give exactly what it gives.
type refParser struct {
	seg   *segment.Segmenter
	tok   *prosetok.Tokenizer
	tag   *tag.Tagger
	lemma *golem.Lemmatizer
}

func newRefParser(tb testing.TB) *refParser {
	seg, err := segment.New()
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := tag.New()
	if err != nil {
		tb.Fatal(err)
	}
	lm, err := golem.New(en.New())
	if err != nil {
		tb.Fatal(err)
	}
	return &refParser{seg: seg, tok: prosetok.New(), tag: tg, lemma: lm}
}

func (p *refParser) Parse(text string) []Sentence {
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

func (p *refParser) Tokens(sentence string, base int) []Token {
	raw := splitQuotes(p.tok.Tokenize(sentence))
	p.tag.TagTokens(raw)
	out := make([]Token, len(raw))
	for i, r := range raw {
		norm := refNormalize(r.Text)
		t := Token{Text: r.Text, Norm: norm, Tag: r.Tag, Start: base + r.Start, End: base + r.Start + len(r.Text)}
		t.Lemma = p.lemmaOf(norm, r.Tag)
		out[i] = t
	}
	return out
}

func refNormalize(s string) string {
	var b strings.Builder
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

func (p *refParser) lemmaOf(norm, tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		if l, ok := irregular[norm]; ok {
			return l
		}
		l := goldenPick(p.lemma, norm)
		if l == norm && (strings.HasSuffix(norm, "ing") || strings.HasSuffix(norm, "ed")) {
			return p.verbStem(norm)
		}
		return l
	case tag == "NNS" || tag == "NNPS":
		return goldenPick(p.lemma, norm)
	}
	return norm
}

func (p *refParser) verbStem(w string) string {
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

func sameSentences(t *testing.T, text string, got, want []Sentence) bool {
	t.Helper()
	if corpus.HasOddEmoticon(text) {
		return true // parley's emoticons are its own
	}
	if (got == nil) != (want == nil) || len(got) != len(want) {
		t.Errorf("%q: %d sentences (nil %v), want %d (nil %v)", text, len(got), got == nil, len(want), want == nil)
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Index != w.Index || g.Start != w.Start || g.End != w.End || g.Text != w.Text || len(g.Tokens) != len(w.Tokens) {
			t.Errorf("%q: sentence %d: got %+v, want %+v", text, i, g, w)
			return false
		}
		for j := range g.Tokens {
			if g.Tokens[j] != w.Tokens[j] {
				t.Errorf("%q: sentence %d token %d: got %+v, want %+v", text, i, j, g.Tokens[j], w.Tokens[j])
				return false
			}
		}
	}
	return true
}

// TestParseMatchesReference parses every text of the corpora with Parse and
// with the reference and requires the same sentences and tokens, field by
// field.
func TestParseMatchesReference(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := newRefParser(t)
	texts := corpus.All(testing.Short())
	texts = append(texts, "", "\n\n", "  \n x", "Ghani’s “foreign” won’t. U.S.-led talks began Monday... Then 3.5 %.")
	bad := 0
	for _, text := range texts {
		if !sameSentences(t, text, p.Parse(text), ref.Parse(text)) {
			bad++
		}
		if bad > 10 {
			t.Fatal("too many differences")
		}
	}
	t.Logf("%d texts", len(texts))
}

func FuzzParse(f *testing.F) {
	f.Add("Afghan officials won’t attend the talks\nThe US began talks with the Taliban in February. Ghani’s calls were “foreign” puppets.")
	f.Add("Mr. Smith met the F.B.I. agents... Calling, stopping, fled. 2001 US-led :-) @user *T*-1 -LRB-")
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	ref := newRefParser(f)
	f.Fuzz(func(t *testing.T, text string) {
		sameSentences(t, text, p.Parse(text), ref.Parse(text))
	})
}
