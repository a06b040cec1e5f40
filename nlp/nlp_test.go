package nlp_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"parley/nlp"
)

func TestParse(t *testing.T) {
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Afghan officials won’t attend the talks\nThe US, which holds a presence, began talks with the Taliban in February. Ghani’s calls were “foreign” puppets.\n\nThe Taliban was overthrown by the US-led coalition in 2001"
	sents := p.Parse(text)
	var got []string
	for _, s := range sents {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: span %d-%d is %q, text %q", s.Index, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		for _, tk := range s.Tokens {
			if text[tk.Start:tk.End] != tk.Text {
				t.Errorf("token %q at %d-%d is %q", tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
			}
		}
		got = append(got, s.Text)
	}
	want := []string{
		"Afghan officials won’t attend the talks",
		"The US, which holds a presence, began talks with the Taliban in February.",
		"Ghani’s calls were “foreign” puppets.",
		"The Taliban was overthrown by the US-led coalition in 2001",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sentences:\n got %q\nwant %q", got, want)
	}
	lemmas := map[string]string{}
	for _, s := range sents {
		for _, tk := range s.Tokens {
			lemmas[tk.Text] = tk.Lemma + "/" + tk.Tag
		}
	}
	for word, want := range map[string]string{"began": "begin/VBD", "overthrown": "overthrow/VBN", "Ghani": "ghani/NNP", "’s": "’s/POS", "foreign": "foreign/JJ"} {
		if got := lemmas[word]; got != want && !(word == "’s" && strings.HasPrefix(got, "'s")) {
			t.Errorf("%s: got %s, want %s", word, got, want)
		}
	}
}

// TestParseConcurrent parses the same texts from several goroutines and
// checks each gets what a lone call gets. Run it with -race.
func TestParseConcurrent(t *testing.T) {
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Afghan officials won’t attend the talks\nThe US, which holds a presence, began talks with the Taliban in February. Ghani’s calls were “foreign” puppets.",
		"Protesters were calling for the release. Police arrested 20 people and seized weapons on Monday.",
		"The ministers met in Geneva. They agreed to hold talks, stopping the fighting. Rebels fled.",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(p.Parse(s))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(texts)
				if got := fmt.Sprint(p.Parse(texts[i])); got != want[i] {
					t.Errorf("text %d: got %s, want %s", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
