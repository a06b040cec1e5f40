package nlp

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/token"
	prosetok "github.com/jdkato/prose/v3/tokenize"

	"parley/nlp/internal/corpus"
)

// proseTokens is the tokenization this package used to do: prose's
// tokenizer, then splitQuotes. tokenize must give exactly the same.
func proseTokens(tok *prosetok.Tokenizer, s string, base int) []piece {
	var out []piece
	for _, t := range splitQuotes(tok.Tokenize(s)) {
		out = append(out, piece{t.Text, base + t.Start})
	}
	return out
}

func splitQuotes(in []token.Token) []token.Token {
	var out []token.Token
	for _, t := range in {
		out = append(out, splitToken(t)...)
	}
	return out
}

// splitToken is the former splitQuotes step, kept as the reference.
func splitToken(t token.Token) []token.Token {
	s := t.Text
	if !strings.ContainsAny(s, "“”‘’") || len(s) <= 3 {
		return []token.Token{t}
	}
	var out []token.Token
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
	if i := strings.LastIndex(s, "’s"); i > 0 && i+len("’s") == len(s) {
		out = append(out, token.Token{Text: s[:i], Start: t.Start}, token.Token{Text: s[i:], Start: t.Start + i})
	} else if i := strings.LastIndex(s, "’t"); i > 1 && i+len("’t") == len(s) && strings.HasSuffix(s[:i], "n") {
		out = append(out, token.Token{Text: s[:i-1], Start: t.Start}, token.Token{Text: s[i-1:], Start: t.Start + i - 1})
	} else {
		out = append(out, token.Token{Text: s, Start: t.Start})
	}
	return append(out, tail...)
}

func sameTokens(t *testing.T, tok *prosetok.Tokenizer, s string) bool {
	t.Helper()
	if corpus.HasOddEmoticon(s) {
		return true // parley's emoticons are its own
	}
	want := proseTokens(tok, s, 7)
	got := tokenize(nil, s, 7)
	if !slices.Equal(got, want) {
		t.Errorf("tokenize(%q):\n got %v\nwant %v", s, got, want)
		return false
	}
	return true
}

var tokenEdge = []string{
	"", " ", "  a  b  ", "\ta\u00a0b\u0085c\u2003d\n", "U.S. U.S Jan. Gen. Mr. A.B. a.b.c.",
	"don't DON'T they'll They'LL it's IT’S won’t WON’T Ghani’s Ghani’S o'clock O'Sullivan 's's n't 'll",
	"“foreign” ‘quoted’ ”odd“ “”“” ’’ ‘a’s” ’s n’t “Ghani’s” “don’t”",
	`$5 (a) "b" [c] ([{x}]) "a," ?! .... ... 'a' a' 'a`,
	":-) xD 8D (:) :( :((( ¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ -__- o_O.",
	"\xff\xfe a\xffb \xe2\x80 \xe2\x80\x9c\xe2 \xe2\xe2\x80\x9cx\xe2\x80\x9d",
	"US-led 2001 3.5% $1.2bn e-mail a--b -- ... ?\" !' .’ .” ’” n'T N’t",
}

func TestTokenizeEdgeCases(t *testing.T) {
	tok := prosetok.New()
	for _, s := range tokenEdge {
		sameTokens(t, tok, s)
	}
	for _, e := range corpus.SharedEmoticons() {
		for _, s := range []string{e, "(" + e, e + ".", "\"" + e + "\"", "’" + e + "’s"} {
			sameTokens(t, tok, s)
		}
	}
}

// TestTokenizeCorpus compares the tokens of every sentence of the corpora,
// and of every line as a whole, with prose's.
func TestTokenizeCorpus(t *testing.T) {
	tok := prosetok.New()
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	texts := corpus.All(testing.Short())
	if len(texts) == 0 {
		t.Skip("no corpus")
	}
	bad := 0
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			if !sameTokens(t, tok, line) {
				bad++
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			for _, s := range seg.Segment(line) {
				if !sameTokens(t, tok, s.Text) {
					bad++
				}
			}
			if bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range tokenEdge {
		f.Add(s)
	}
	tok := prosetok.New()
	f.Fuzz(func(t *testing.T, s string) {
		sameTokens(t, tok, s)
	})
}
