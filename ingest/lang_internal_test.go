package ingest

import (
	"strings"
	"testing"
	"unicode"
)

// TestCountWords checks countWords against splitting the lower-cased text
// at every non-letter.
func TestCountWords(t *testing.T) {
	for _, text := range []string{
		"", "The talks in Doha, and the ceasefire.", "  Élysée said: «non» to the 2019 plan ", "Москва и Киев the",
		"don't-stop THE and", "ÀÉÎ the ÖÜ of ß in",
	} {
		words, hits := 0, 0
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words++
			if isEnglishWord(w) {
				hits++
			}
		}
		if gw, gh := countWords(text); gw != words || gh != hits {
			t.Errorf("countWords(%q) = %d, %d; want %d, %d", text, gw, gh, words, hits)
		}
	}
}
