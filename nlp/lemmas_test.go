package nlp

import (
	"strings"
	"testing"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"

	"parley/nlp/internal/corpus"
)

// goldenPick is lemmaPick as it was written against golem, the reference
// for lemmaDict.pick.
func goldenPick(lm *golem.Lemmatizer, norm string) string {
	if !isWord(norm) {
		return norm
	}
	ls := lm.Lemmas(norm)
	if len(ls) == 0 {
		return norm
	}
	if len(ls) == 1 {
		return ls[0]
	}
	best := ls[0]
	for _, l := range ls {
		if l != norm && len(l) <= len(norm) {
			best = l
			break
		}
	}
	return best
}

// TestLemmaDict compares lemmaDict with golem on every string of the
// dictionary, in lower and upper case, and on the words of the corpora.
func TestLemmaDict(t *testing.T) {
	lm, err := golem.New(en.New())
	if err != nil {
		t.Fatal(err)
	}
	d, err := newLemmaDict()
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{"": true, "x": true, "zzzzzzzzzzzzzzzzzzzzzz": true, "talks": true, "fled": true}
	for _, line := range strings.Split(d.data, "\n") {
		for _, w := range strings.Split(line, "\t") {
			words[w] = true
			words[strings.ToUpper(w)] = true
			words[w+"s"] = true
			words[w+"ed"] = true
		}
	}
	for _, text := range corpus.All(true) {
		for _, w := range strings.Fields(text) {
			words[Normalize(w)] = true
		}
	}
	bad := 0
	for w := range words {
		if got, want := d.pick(w), goldenPick(lm, w); isWord(w) && got != want {
			t.Errorf("pick(%q) = %q, golem gives %q", w, got, want)
			bad++
		}
		if got, want := d.inDict(w), lm.InDict(w); got != want {
			t.Errorf("inDict(%q) = %v, golem gives %v", w, got, want)
			bad++
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
	t.Logf("%d words", len(words))
}

func BenchmarkLemmaDictLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newLemmaDict(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGolemLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := golem.New(en.New()); err != nil {
			b.Fatal(err)
		}
	}
}
