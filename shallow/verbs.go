package shallow

import (
	"strings"

	"parley/peerdict"
)

// bind records the actor units a pattern's slots matched.
type bind struct {
	src, tgt, comp int // unit indexes, -1 when unset
}

var noBind = bind{-1, -1, -1}

// isVerbAt reports whether token i can be a verb: a known form, not part of
// an actor, not made a noun by a determiner, an adjective or a capital.
func (s *sentence) verbsAt(i int) []*peerdict.Verb {
	t := s.toks[i]
	if t.punct || s.unitAt[i] >= 0 || (s.nouns != nil && s.nouns[i]) {
		return nil
	}
	vs := append([]*peerdict.Verb(nil), s.c.verbs[t.up]...)
	for n := len(t.up) - 1; n >= 2; n-- {
		for _, v := range s.c.stems[t.up[:n]] {
			if !containsVerb(vs, v) {
				vs = append(vs, v)
			}
		}
	}
	if len(vs) == 0 {
		return nil
	}
	if s.c.Dict.Nouns[t.up] {
		return nil
	}
	if i+1 < len(s.toks) && s.toks[i+1].up == "'S" {
		// a possessive is a noun ("donate's")
		return nil
	}
	if i > 0 {
		p := s.toks[i-1].up
		if isOneOf(p, "THE", "A", "AN") || s.c.Dict.Adjectives[p] {
			return nil
		}
	}
	if t.cap && i > 0 && !s.allCaps() {
		return nil
	}
	return vs
}

func (s *sentence) allCaps() bool {
	for _, t := range s.toks {
		if !t.punct && strings.ToUpper(t.text) != t.text {
			return false
		}
	}
	return true
}

// matchVerb checks a multi-word verb's other words and returns the token
// after the verb phrase, or -1.
func (s *sentence) matchVerb(v *peerdict.Verb, i int) int {
	end := i + 1
	if len(v.After) > 0 {
		end = s.matchFrom(v.After, 0, i+1, v.After[0].Adjacent, 8)
		if end < 0 {
			return -1
		}
	}
	if len(v.Before) > 0 {
		if _, ok := s.matchLeft(v.Before, len(v.Before)-1, i, true, noBind, 0); !ok {
			return -1
		}
	}
	return end
}

// matchPattern matches pattern p around the verb at tokens [v, vend) and
// returns the slots it bound.
func (s *sentence) matchPattern(p peerdict.Phrase, v, vend, lo, hi int) (bind, bool) {
	star := -1
	for k, w := range p {
		if w.Text == "*" && w.Alt == nil {
			star = k
		}
	}
	if star < 0 {
		return noBind, false
	}
	left, right := p[:star], p[star+1:]
	s.inPattern = true
	defer func() { s.inPattern = false }()
	// right side first, then left with the bindings so far
	var result bind
	ok := s.matchRight(right, 0, vend, true, noBind, hi, func(b bind) bool {
		adj := p[star].Adjacent
		if len(left) == 0 {
			result = b
			return true
		}
		if r, ok := s.matchLeft(left, len(left)-1, v, adj, b, lo); ok {
			result = r
			return true
		}
		return false
	})
	return result, ok
}

// matchRight matches p[k:] starting at token i; first says p[k] is the first
// element after the verb (adjacent only if marked). done is called with the
// bindings of each full match and stops the search when it returns true.
func (s *sentence) matchRight(p peerdict.Phrase, k, i int, first bool, b bind, hi int, done func(bind) bool) bool {
	if k == len(p) {
		return done(b)
	}
	w := p[k]
	limit := hi
	if w.Adjacent {
		limit = i + 1
	}
	for j := i; j < limit && j < len(s.toks); j++ {
		for _, m := range s.elemAt(w, j) {
			nb := b
			switch w.Text {
			case "$":
				nb.src = m.unit
			case "+":
				nb.tgt = m.unit
			case "%":
				nb.comp = m.unit
			}
			if s.matchRight(p, k+1, m.end, false, nb, hi, done) {
				return true
			}
		}
	}
	return false
}

// matchLeft matches p[k], p[k-1], ... ending before token i. adj says p[k]
// must end right at i.
func (s *sentence) matchLeft(p peerdict.Phrase, k, i int, adj bool, b bind, lo int) (bind, bool) {
	if k < 0 {
		return b, true
	}
	w := p[k]
	for e := i; e > lo; e-- { // e is an exclusive end
		if adj && e != i {
			break
		}
		for st := e - 1; st >= lo && st >= e-8; st-- {
			for _, m := range s.elemAt(w, st) {
				if m.end != e {
					continue
				}
				nb := b
				switch w.Text {
				case "$":
					nb.src = m.unit
				case "+":
					nb.tgt = m.unit
				case "%":
					nb.comp = m.unit
				}
				if r, ok := s.matchLeft(p, k-1, st, w.Adjacent, nb, lo); ok {
					return r, true
				}
			}
		}
	}
	return b, false
}

type elemMatch struct {
	end  int
	unit int
}

// elemAt returns the ways pattern element w matches starting at token j.
func (s *sentence) elemAt(w peerdict.Word, j int) []elemMatch {
	if j >= len(s.toks) {
		return nil
	}
	switch w.Text {
	case "$", "+", "%":
		if w.Alt != nil {
			break
		}
		k := s.unitAt[j]
		if k < 0 || s.units[k].start != j {
			return nil
		}
		return []elemMatch{{s.units[k].end, k}}
	case "^":
		// skip an actor phrase (the words before it are skipped as any
		// gap is)
		if k := s.unitAt[j]; k >= 0 && s.units[k].start == j {
			return []elemMatch{{s.units[k].end, -1}}
		}
		if s.c.Dict.Format == peerdict.PETRARCH {
			// PETRARCH skips a noun phrase, which need not be an actor
			// ("warned their populations about ..."): words that are
			// not punctuation, prepositions or verbs, up to the end of
			// an actor they run into ("at the Gondor of ...")
			for e := j; e < len(s.toks) && e < j+5; e++ {
				t := s.toks[e]
				if k := s.unitAt[e]; k >= 0 {
					return []elemMatch{{s.units[k].end, -1}}
				}
				if t.punct || len(s.verbsAt(e)) > 0 || isOneOf(t.up, prepositions...) {
					if e > j {
						return []elemMatch{{e, -1}}
					}
					break
				}
			}
		}
		return nil
	}
	var out []elemMatch
	for _, e := range s.matchWord(w, j) {
		out = append(out, elemMatch{e, -1})
	}
	return out
}

func containsVerb(vs []*peerdict.Verb, v *peerdict.Verb) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// prepositions end a noun phrase.
var prepositions = []string{"ABOUT", "ABOVE", "ACROSS", "AFTER", "AGAINST", "AMONG", "AT", "BEFORE", "BETWEEN",
	"BY", "DURING", "FOR", "FROM", "IN", "INTO", "OF", "ON", "OVER", "SINCE", "THROUGH", "TO", "TOWARD",
	"TOWARDS", "UNDER", "UNTIL", "UPON", "WITH", "WITHIN", "WITHOUT", "THAT", "AND", "OR", "BUT"}
