package coding

import (
	"fmt"
	"io/fs"
	"strings"

	"parley"
	"parley/internal/dictfile"
	"parley/internal/wordset"
	"parley/nlp"
)

// DiscardFile is where LoadDiscards reads discard phrases in its fs.FS.
const DiscardFile = "discards.txt"

// Discards are phrases that mark sport, entertainment and business news.
type Discards struct {
	first  map[string][]discard
	starts wordset.Filter // the words of first
}

type discard struct {
	words    []string
	category string
}

// LoadDiscards reads the discard phrases. A missing file gives no discards.
func LoadDiscards(fsys fs.FS) (*Discards, []error, error) {
	d := &Discards{first: map[string][]discard{}}
	if _, err := fs.Stat(fsys, DiscardFile); err != nil {
		return d, nil, nil
	}
	lines, err := dictfile.Read(fsys, DiscardFile)
	if err != nil {
		return nil, nil, err
	}
	var bad []error
	for _, l := range lines {
		if len(l.Fields) != 2 || l.Fields[0] == "" {
			bad = append(bad, l.Errorf("want CATEGORY | phrases"))
			continue
		}
		for _, ph := range l.Items(1) {
			words := strings.Fields(strings.ToLower(strings.ReplaceAll(ph, "-", " ")))
			if len(words) == 0 {
				continue
			}
			d.first[words[0]] = append(d.first[words[0]], discard{words: words, category: l.Fields[0]})
			d.starts.Add(words[0])
		}
	}
	return d, bad, nil
}

// Match returns the category and phrase of the first discard phrase in the
// tokens, or "".
func (d *Discards) Match(toks []nlp.Token) (category, phrase string) {
	if d == nil {
		return "", ""
	}
	var words []string // the norms, hyphenated ones split, when there are such
	for i := range toks {
		if strings.IndexByte(toks[i].Norm, '-') >= 0 {
			words = make([]string, 0, len(toks)+4)
			for i := range toks {
				if n := toks[i].Norm; strings.IndexByte(n, '-') < 0 {
					words = append(words, n)
				} else {
					words = append(words, strings.FieldsFunc(n, func(r rune) bool { return r == '-' })...)
				}
			}
			break
		}
	}
	if words == nil {
		return d.match(len(toks), func(i int) string { return toks[i].Norm })
	}
	return d.match(len(words), func(i int) string { return words[i] })
}

// match is Match over n words, the ith given by word.
func (d *Discards) match(n int, word func(int) string) (category, phrase string) {
	for i := range n {
		w := word(i)
		if !d.starts.May(w) {
			continue
		}
		for _, c := range d.first[w] {
			if i+len(c.words) > n {
				continue
			}
			ok := true
			for j, cw := range c.words {
				if word(i+j) != cw {
					ok = false
					break
				}
			}
			if ok {
				return c.category, strings.Join(c.words, " ")
			}
		}
	}
	return "", ""
}

// discarded returns, for each sentence, why it is not coded ("" if it is),
// and whether the whole document is discarded (its headline, or at least two
// sentences and a third of them, are sport, entertainment or business news).
func (c *Coder) discarded(doc string, sents []nlp.Sentence, hasTitle bool) (why []string, whole bool) {
	why = make([]string, len(sents))
	n := 0
	for i := range sents {
		if cat, ph := c.Discards.Match(sents[i].Tokens); cat != "" {
			why[i] = fmt.Sprintf("%s story (%q)", cat, ph)
			n++
		}
	}
	all := ""
	if hasTitle && len(sents) > 0 && why[0] != "" {
		all = why[0]
	} else if n >= 2 && n*3 >= len(sents) {
		all = fmt.Sprintf("%d of %d sentences are sport, entertainment or business news", n, len(sents))
	}
	if all != "" {
		for i := range why {
			why[i] = all
		}
	}
	return why, all != ""
}

// materialConflict keeps the events of quad class 4 (protest, force
// posture, coercion, assault, fight, mass violence): what a sentence of a
// political story still reports when it names a sport, a film or a
// business ("shot dead after a soccer match", "armed with baseball bats").
func materialConflict(evs []parley.Event) []parley.Event {
	out := evs[:0]
	for _, ev := range evs {
		if ev.QuadClass == 4 {
			out = append(out, ev)
		}
	}
	return out
}
