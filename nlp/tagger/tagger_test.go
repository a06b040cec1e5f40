package tagger_test

import (
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"parley/nlp/internal/corpus"
	"parley/nlp/internal/cputime"
	"parley/nlp/tagger"
)

func models(tb testing.TB) (*tagger.Model, *tag.Tagger) {
	tb.Helper()
	m, err := tagger.English()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := tag.New()
	if err != nil {
		tb.Fatal(err)
	}
	return m, p
}

// same tags words with both taggers and reports a difference.
func same(tb testing.TB, m *tagger.Model, p *tag.Tagger, words []string) bool {
	tb.Helper()
	if corpus.HasOddEmoticon(strings.Join(words, " ")) {
		return true // parley's emoticons are its own
	}
	want := p.Tag(words)
	got := make([]string, len(words))
	m.Tag(words, got)
	for i := range words {
		if got[i] != want[i].Tag {
			tb.Errorf("%q: word %d %q: got %s, want %s", strings.Join(words, " "), i, words[i], got[i], want[i].Tag)
			return false
		}
	}
	return true
}

var edge = [][]string{
	{},
	{""},
	{"-"},
	{"-", "-", "-"},
	{"@user", "said", "@", "hi"},
	{"0", "*", "*T*-1", "*-12", "*?*", "*U*", "*EXP*-123", "*EXP*-1234", "**", "*-", "*a*"},
	{"-LRB-", "Hello", "-RRB-", "-ABC-", "-abc-", "-ABCD-"},
	{"In", "2001", ",", "+123", "-123", "12-3", "1-23", "2001s", "3.5", "-5", "--", "---"},
	{"ÉCOLE", "İstanbul", "Straße", "ΣΊΣΥΦΟΣ", "\xff\xfe", "a\xffB", "ǅ"},
	{":-)", "xD", "8D", "XDD", "¯\\(ツ)/¯", "(╯°□°）╯︵┻━┻", ":)", "o_O"},
	{"The", "US-led", "coalition", "'s", "n't", "won", "’s", "“", "”"},
	{"a"}, {"A"}, {"I"}, {"."}, {"The", "."},
	{"the", "the", "the", "the", "the", "the"},
	{"x y", "a b c", " "},
}

func TestEdgeCases(t *testing.T) {
	m, p := models(t)
	for _, words := range edge {
		same(t, m, p, words)
	}
	for _, e := range corpus.SharedEmoticons() {
		same(t, m, p, []string{"he", e, "said"})
	}
}

// TestEmoticons tags each of parley's emoticons SYM, whatever prose does
// with those it does not know.
func TestEmoticons(t *testing.T) {
	m, _ := models(t)
	for _, e := range tagger.Emoticons() {
		got := make([]string, 3)
		m.Tag([]string{"he", e, "said"}, got)
		if got[1] != "SYM" {
			t.Errorf("%q: tagged %s, want SYM", e, got[1])
		}
	}
}

// TestCorpus tags every sentence of the corpora, as prose splits and
// tokenizes it, and also its whitespace-separated words as they are.
func TestCorpus(t *testing.T) {
	m, p := models(t)
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	tok := tokenize.New()
	texts := corpus.All(testing.Short())
	if len(texts) == 0 {
		t.Skip("no corpus")
	}
	sents, bad := 0, 0
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			for _, s := range seg.Segment(line) {
				var words []string
				for _, tk := range tok.Tokenize(s.Text) {
					words = append(words, tk.Text)
				}
				sents++
				if !same(t, m, p, words) {
					bad++
				}
			}
			if !same(t, m, p, strings.Fields(line)) {
				bad++
			}
			if bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d texts, %d sentences", len(texts), sents)
}

func FuzzTag(f *testing.F) {
	for _, words := range edge {
		f.Add(strings.Join(words, " "))
	}
	f.Add("The Taliban was overthrown by the US-led coalition in 2001 .")
	m, p := models(f)
	f.Fuzz(func(t *testing.T, s string) {
		same(t, m, p, strings.Split(s, " "))
	})
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tagger.Load(modelBytes()); err != nil {
			b.Fatal(err)
		}
	}
}

func sentences(b *testing.B) [][]string {
	texts := corpus.JSONL(corpus.Devbench())
	if len(texts) == 0 {
		b.Skip("devbench not present")
	}
	if len(texts) > 1000 {
		texts = texts[:1000]
	}
	seg, _ := segment.New()
	tok := tokenize.New()
	var out [][]string
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			for _, s := range seg.Segment(line) {
				var words []string
				for _, tk := range tok.Tokenize(s.Text) {
					words = append(words, tk.Text)
				}
				out = append(out, words)
			}
		}
	}
	return out
}

func BenchmarkTag(b *testing.B) {
	m, _ := models(b)
	sents := sentences(b)
	tags := make([]string, 512)
	n := 0
	b.ResetTimer()
	b.ReportAllocs()
	stop := cputime.Start()
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s, tags)
			n += len(s)
		}
	}
	b.ReportMetric(float64(stop().Nanoseconds())/float64(n), "cpu-ns/token")
}

func BenchmarkProseTag(b *testing.B) {
	_, p := models(b)
	sents := sentences(b)
	var toks [][]tag.Token
	for _, s := range sents {
		ts := make([]tag.Token, len(s))
		for i, w := range s {
			ts[i].Text = w
		}
		toks = append(toks, ts)
	}
	n := 0
	b.ResetTimer()
	b.ReportAllocs()
	stop := cputime.Start()
	for b.Loop() {
		for _, ts := range toks {
			p.TagTokens(ts)
			n += len(ts)
		}
	}
	b.ReportMetric(float64(stop().Nanoseconds())/float64(n), "cpu-ns/token")
}
