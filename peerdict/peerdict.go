// Package peerdict reads the dictionaries of the TABARI and PETRARCH event
// coders unchanged: actors (with synonyms and date-restricted codes), agents,
// verbs with their patterns and synsets, discards, and TABARI .project files.
//
// Every reader goes on after an entry it cannot read and returns one *Error
// per bad entry, naming the file and line. The parsers are written for parley
// from the published file formats; no code of the peers is used.
package peerdict

import (
	"fmt"
	"strconv"
	"strings"
)

// Format is the dictionary dialect.
type Format int

const (
	TABARI Format = iota
	PETRARCH
)

// ParseFormat reads "tabari" or "petrarch".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "tabari":
		return TABARI, nil
	case "petrarch", "phoenix":
		return PETRARCH, nil
	}
	return 0, fmt.Errorf("dictionary format %q: want tabari or petrarch", s)
}

// Error is one entry that could not be read.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Pos is where an entry was read.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Word is one element of a phrase or pattern.
type Word struct {
	// Text is upper case. Special elements keep their marker: "*" (verb),
	// "$" (source), "+" (target), "%" (compound), "^" (skip a phrase), and
	// "&NAME" (a synset). Alternatives are in Alt.
	Text string
	// Alt holds the alternatives of a TABARI { A | B } group.
	Alt []Phrase
	// Exact is set by a trailing underscore: the word must match whole.
	// Otherwise a dictionary word matches any word that begins with it.
	Exact bool
	// NoEndings is set by a trailing "=" (TABARI "MOUSE="): the word
	// matches whole, without the noun endings an underscore allows.
	NoEndings bool
	// Stem is set by a trailing "~" ("REAL~_PLEASANT"): the word matches
	// any word that begins with it even when an underscore joins it to the
	// next one.
	Stem bool
	// Adjacent is set when the word was joined to the previous one by an
	// underscore: no word may come between them.
	Adjacent bool
}

// Phrase is a sequence of words.
type Phrase []Word

// String writes the phrase back in dictionary form.
func (p Phrase) String() string {
	var b strings.Builder
	for i, w := range p {
		if i > 0 {
			if w.Adjacent {
				b.WriteByte('_')
			} else {
				b.WriteByte(' ')
			}
		}
		if w.Alt != nil {
			b.WriteString("{ ")
			for j, a := range w.Alt {
				if j > 0 {
					b.WriteString(" | ")
				}
				b.WriteString(a.String())
			}
			b.WriteString(" }")
			continue
		}
		b.WriteString(w.Text)
		if w.Stem {
			b.WriteByte('~')
		}
		if w.NoEndings {
			b.WriteByte('=')
		}
		nextAdj := i+1 < len(p) && p[i+1].Adjacent
		if w.Exact && !w.NoEndings && !isMarker(w.Text) && !nextAdj {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func isMarker(s string) bool {
	switch s {
	case "*", "$", "+", "%", "^":
		return true
	}
	return false
}

// DatedCode is an actor code with an optional date restriction. Dates are
// YYYYMMDD numbers; zero means no bound.
type DatedCode struct {
	Code string
	// From and To bound the dates the code applies on, inclusive.
	From, To int
}

// Applies reports whether the code holds on date (YYYYMMDD; 0 = unknown).
func (c DatedCode) Applies(date int) bool {
	if date == 0 {
		return c.From == 0 && c.To == 0
	}
	if c.From != 0 && date < c.From {
		return false
	}
	if c.To != 0 && date > c.To {
		return false
	}
	return true
}

// Actor is an actor entry: a name, its synonyms and its codes.
type Actor struct {
	Names []Phrase
	Codes []DatedCode
	Pos   Pos
}

// CodeOn returns the code of the actor on date: a restricted code that
// applies wins over an unrestricted one.
func (a *Actor) CodeOn(date int) string {
	def := ""
	for _, c := range a.Codes {
		if c.From == 0 && c.To == 0 {
			if def == "" {
				def = c.Code
			}
			continue
		}
		if date != 0 && c.Applies(date) {
			return c.Code
		}
	}
	if def == "" && len(a.Codes) > 0 && date == 0 {
		return a.Codes[0].Code
	}
	return def
}

// Agent is an agent entry: a role such as PRESIDENT_ [~GOVPRS]. Code keeps
// the tilde: "~GOV" is appended to an actor's code, "NGO~" put before it.
type Agent struct {
	Names []Phrase
	Code  string
	Pos   Pos
}

// Pattern is one verb pattern: "- SAID * TO ATTEND [082]".
type Pattern struct {
	Words Phrase // includes the "*" element
	Code  string
	Pos   Pos
}

// Verb is a verb entry with the patterns that refine it.
type Verb struct {
	// Head is the verb word; Before and After are other words of a
	// multi-word verb ("BURN DOWN", "KLM_NOP_+RST"), required around it.
	Head   Word
	Before Phrase
	After  Phrase
	// Forms are the inflected forms: given ({ BROKE BROKEN }) or made
	// from the head by the usual English rules.
	Forms []string
	// Stems are given forms written without a trailing underscore
	// (TABARI "{ ACTING_ ACTUALITY }"): they match as word beginnings.
	Stems []string
	// Code is the verb's own code, "" when it has none.
	Code     string
	Patterns []Pattern
	Pos      Pos
}

// Discard is a phrase whose presence discards the sentence (or, with Story,
// the whole story).
type Discard struct {
	Words Phrase
	Story bool
	Pos   Pos
}

// Dict is a set of dictionaries read into one place.
type Dict struct {
	Format   Format
	Actors   []*Actor
	Agents   []*Agent
	Verbs    []*Verb
	Discards []*Discard
	// Synsets maps "&NAME" to its members.
	Synsets map[string][]Phrase
	// Nouns and Adjectives are TABARI's <NOUN> and <ADJECTIVE> lists:
	// words that are never verbs, and words that keep a following word
	// from being one.
	Nouns      map[string]bool
	Adjectives map[string]bool
	// Time holds TABARI <TIME> phrases with their day shifts.
	Time []TimeShift
}

// TimeShift is a TABARI <TIME> entry: a phrase that moves an event's date by
// Days, or discards it ("###") or marks it complex ("+++").
type TimeShift struct {
	Words Phrase
	Days  int
	Code  string
	Pos   Pos
}

// NewDict returns an empty dictionary set.
func NewDict(f Format) *Dict {
	return &Dict{Format: f, Synsets: map[string][]Phrase{}, Nouns: map[string]bool{}, Adjectives: map[string]bool{}}
}

// ParsePhrase reads a dictionary phrase: words separated by spaces (others
// may come between) or underscores (adjacent), a trailing underscore for a
// whole-word match, { A | B } alternatives.
func ParsePhrase(s string) (Phrase, error) {
	s = strings.TrimSpace(s)
	var out Phrase
	adj := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			// "IN_ *": the underscore makes IN exact; the space lets
			// words come between.
			adj = false
			i++
			continue
		case c == '_':
			if len(out) > 0 && !out[len(out)-1].Stem {
				out[len(out)-1].Exact = true
			}
			adj = true
			i++
			continue
		case c == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed { in %q", s)
			}
			inner := s[i+1 : i+end]
			var alts []Phrase
			for _, a := range strings.Split(inner, "|") {
				p, err := ParsePhrase(a)
				if err != nil {
					return nil, err
				}
				if len(p) > 0 {
					alts = append(alts, p)
				}
			}
			if len(alts) == 0 {
				return nil, fmt.Errorf("empty { } in %q", s)
			}
			if len(alts) == 1 && !strings.Contains(inner, "|") {
				// PETRARCH 2 groups a noun phrase in braces: keep the words.
				for k, w := range alts[0] {
					if k == 0 {
						w.Adjacent = adj && len(out) > 0
					}
					out = append(out, w)
				}
			} else {
				out = append(out, Word{Alt: alts, Adjacent: adj && len(out) > 0})
			}
			adj = false
			i += end + 1
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '_' && s[j] != '{' && s[j] != '}' {
			j++
		}
		if j == i {
			return nil, fmt.Errorf("stray %q in %q", s[i], s)
		}
		tok := s[i:j]
		if strings.Contains(tok, "|") {
			return nil, fmt.Errorf("stray | in %q", s)
		}
		w := Word{Text: strings.ToUpper(tok), Adjacent: adj && len(out) > 0}
		if len(tok) > 1 && strings.HasSuffix(tok, "~") {
			w.Text, w.Stem = w.Text[:len(w.Text)-1], true
		}
		if len(tok) > 1 && strings.HasSuffix(tok, "=") {
			w.Text, w.Exact, w.NoEndings = w.Text[:len(w.Text)-1], true, true
		}
		if isMarker(w.Text) {
			w.Exact = true
		}
		out = append(out, w)
		adj = false
		i = j
	}
	return out, nil
}

// ParseCodes reads the bracketed codes of an actor entry:
// "[AFG] [AFGGOV >090120] [HOBGOV 950601 - 990815]". yyyy says that dates
// have four-digit years; otherwise six-digit dates are taken as YYMMDD.
func ParseCodes(s string) ([]DatedCode, error) {
	var out []DatedCode
	s = strings.TrimSpace(s)
	for s != "" {
		if s[0] != '[' {
			return out, fmt.Errorf("unexpected %q outside [ ]", s)
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return out, fmt.Errorf("unclosed [ in %q", s)
		}
		c, err := parseCode(s[1:end])
		if err != nil {
			return out, err
		}
		out = append(out, c)
		s = strings.TrimSpace(s[end+1:])
	}
	return out, nil
}

func parseCode(s string) (DatedCode, error) {
	f := strings.Fields(strings.TrimSpace(s))
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code [ ]")
	}
	var c DatedCode
	code := f[0]
	rest := strings.Join(f[1:], "")
	if i := strings.IndexAny(code, "<>0123456789"); i >= 0 && code[0] != '<' && code[0] != '>' && looksLikeDate(code[i:]) {
		// "[AR1<911226]" written without a space
		rest = code[i:] + rest
		code = code[:i]
	}
	if code == "" || code[0] == '<' || code[0] == '>' || (code[0] >= '0' && code[0] <= '9' && len(code) >= 6) {
		return DatedCode{}, fmt.Errorf("code missing before date restriction [%s]", s)
	}
	if strings.ContainsAny(code, "[]") {
		return DatedCode{}, fmt.Errorf("bad code %q", code)
	}
	c.Code = strings.ToUpper(code)
	if rest == "" {
		return c, nil
	}
	var err error
	switch {
	case rest[0] == '<':
		c.To, err = parseDate(rest[1:])
		if err == nil {
			c.To-- // strictly before
		}
	case rest[0] == '>':
		c.From, err = parseDate(rest[1:])
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return c, fmt.Errorf("bad date restriction %q", rest)
		}
		if c.From, err = parseDate(a); err == nil {
			c.To, err = parseDate(b)
		}
	}
	return c, err
}

func looksLikeDate(s string) bool {
	s = strings.TrimLeft(s, "<>")
	if len(s) < 6 {
		return false
	}
	for _, r := range s[:6] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// parseDate reads YYMMDD or YYYYMMDD into YYYYMMDD. Two-digit years below
// 50 are taken as 20YY, others as 19YY.
func parseDate(s string) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || (len(s) != 6 && len(s) != 8) {
		return 0, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
	}
	if len(s) == 6 {
		n = ExpandYY(n)
	}
	if m := n / 100 % 100; m < 1 || m > 12 {
		return 0, fmt.Errorf("bad date %q: month %d", s, m)
	}
	return n, nil
}

// ExpandYY turns a YYMMDD number into YYYYMMDD.
func ExpandYY(n int) int {
	if n >= 1000000 {
		return n
	}
	if n/10000 < 50 {
		return 20000000 + n
	}
	return 19000000 + n
}

// ParseDate reads a record date, YYMMDD or YYYYMMDD, into YYYYMMDD.
func ParseDate(s string) (int, error) { return parseDate(s) }
