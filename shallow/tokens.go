// Package shallow is a TABARI-style shallow pattern coder: it codes events
// from a sentence's words with TABARI or PETRARCH dictionaries (read by
// package peerdict), without a syntactic parse. Actors and agents are
// matched longest first with their date restrictions and joined into
// compound actors; the first coded verb of each clause is refined by its
// patterns, whose $ and + slots name the source and target; otherwise the
// source is the clause's first actor and the target the first actor after
// the verb. Discards, complex sentences and TABARI's options (COMPLEX,
// DEFAULT, COMMA, ...) follow the peers' documented behaviour.
package shallow

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	text       string // as written
	up         string // upper case
	start, end int    // byte offsets in the sentence
	cap        bool   // begins with an upper-case letter
	punct      bool
	// list marks a comma that joins the members of an actor list
	// ("Mordor, the Shire, Fornost and Bree"): it delimits no comma phrase.
	list bool
}

// tokenize splits s into words and punctuation. Abbreviations with inner
// periods (U.S.) stay whole; possessive 's and TreeBank's n't are split off
// when treebank is set.
func tokenize(s string, treebank bool) []token {
	var out []token
	i := 0
	add := func(a, b int, punct bool) {
		t := s[a:b]
		r, _ := utf8.DecodeRuneInString(t)
		out = append(out, token{text: t, up: strings.ToUpper(t), start: a, end: b, cap: unicode.IsUpper(r), punct: punct})
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == '_' {
			// an underscore in a text joins words as a space does
			i += n
			continue
		}
		if !isWordRune(r) {
			add(i, i+n, true)
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			// keep inner periods, hyphens and apostrophes when a letter follows
			if (r == '.' || r == '-' || r == '\'' || r == '’' || r == '&') && j+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				if isWordRune(r2) {
					j += n
					continue
				}
			}
			// a prefix written apart ("anti- Gondor") keeps its hyphen
			if r == '-' && !treebank {
				r2, _ := utf8.DecodeRuneInString(s[j+n:] + " ")
				if j+n == len(s) || unicode.IsSpace(r2) {
					j += n
				}
			}
			break
		}
		// U.S. keeps its final period when it has an inner one
		if j < len(s) && s[j] == '.' && strings.Contains(s[i:j], ".") {
			j++
		}
		w := s[i:j]
		up := strings.ToUpper(w)
		switch {
		case strings.HasSuffix(up, "'S") && len(w) > 2:
			add(i, j-2, false)
			add(j-2, j, false)
		case treebank && strings.HasSuffix(up, "N'T") && len(w) > 3:
			add(i, j-3, false)
			add(j-3, j, false)
		default:
			add(i, j, false)
		}
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
