package shallow

import (
	"fmt"
	"sort"
	"strings"

	"parley/peerdict"
)

// Event is one coded event of a sentence.
type Event struct {
	Source, Target, Code string
	// SourceSpan, TargetSpan and VerbSpan are byte ranges in the sentence.
	SourceSpan, TargetSpan, VerbSpan [2]int
	// Rule is the verb or pattern that gave the code, with its file:line.
	Rule string
}

// Result is what coding one sentence gives.
type Result struct {
	Events []Event
	// Discard is set when a discard phrase or code was found; Complex
	// when the sentence was judged too complex to code.
	Discard, Complex bool
	// Note says why a sentence was discarded or judged complex.
	Note string
}

// Coder codes sentences with one set of peer dictionaries. Options may be
// changed between sentences; a Coder is not safe for concurrent use while
// they change, and is safe otherwise.
type Coder struct {
	Dict *peerdict.Dict
	Opts Options

	actors   map[string][]entry // first word (or stem) -> entries
	verbs    map[string][]*peerdict.Verb
	stems    map[string][]*peerdict.Verb
	discards []*peerdict.Discard
}

// entry is an actor or agent name.
type entry struct {
	words peerdict.Phrase
	actor *peerdict.Actor
	agent *peerdict.Agent
}

// New builds a coder over d.
func New(d *peerdict.Dict) *Coder {
	c := &Coder{Dict: d, Opts: DefaultOptions(d.Format), actors: map[string][]entry{}, verbs: map[string][]*peerdict.Verb{}, stems: map[string][]*peerdict.Verb{}}
	addName := func(p peerdict.Phrase, e entry) {
		if len(p) == 0 || p[0].Alt != nil {
			return
		}
		k := p[0].Text
		c.actors[k] = append(c.actors[k], e)
	}
	for _, a := range d.Actors {
		for _, n := range a.Names {
			addName(n, entry{words: n, actor: a})
		}
	}
	for _, a := range d.Agents {
		for _, n := range a.Names {
			addName(n, entry{words: n, agent: a})
		}
	}
	for _, v := range d.Verbs {
		if d.Format == peerdict.TABARI {
			// TABARI ranks each alternative of a { A | B } set as a
			// pattern of its own.
			var ps []peerdict.Pattern
			for _, p := range v.Patterns {
				for _, w := range expandAlts(p.Words) {
					ps = append(ps, peerdict.Pattern{Words: w, Code: p.Code, Pos: p.Pos})
				}
			}
			v = &peerdict.Verb{Head: v.Head, Before: v.Before, After: v.After, Forms: v.Forms, Stems: v.Stems, Code: v.Code, Patterns: ps, Pos: v.Pos}
			// TABARI tries a verb's longest patterns first.
			// Among patterns of one length, those naming no synset
			// come first.
			sort.SliceStable(v.Patterns, func(a, b int) bool {
				la, lb := patternLen(v.Patterns[a].Words), patternLen(v.Patterns[b].Words)
				if la != lb {
					return la > lb
				}
				sa, sb := hasSynset(v.Patterns[a].Words), hasSynset(v.Patterns[b].Words)
				if sa != sb {
					return sb
				}
				return patternChars(v.Patterns[a].Words) > patternChars(v.Patterns[b].Words)
			})
		}
		for _, f := range v.Forms {
			c.verbs[f] = append(c.verbs[f], v)
		}
		if !v.Head.Exact {
			c.stems[v.Head.Text] = append(c.stems[v.Head.Text], v)
		}
		for _, f := range v.Stems {
			c.stems[f] = append(c.stems[f], v)
			c.verbs[f] = append(c.verbs[f], v)
		}
	}
	c.discards = d.Discards
	c.Opts.TimeShift = len(d.Time) > 0
	return c
}

// patternLen is the length of a pattern as TABARI ranks them: the number
// of its words other than the verb's "*", an alternative set counting as
// its longest member.
func patternLen(p peerdict.Phrase) int {
	n := 0
	for _, w := range p {
		switch {
		case w.Alt != nil:
			// an alternative set counts as its longest member
			m := 0
			for _, a := range w.Alt {
				m = max(m, patternLen(a))
			}
			n += m
		case w.Text != "*":
			n++
		}
	}
	return n
}

// expandAlts writes out the alternatives of a phrase's { A | B } sets,
// one phrase for each choice (at most 64).
func expandAlts(p peerdict.Phrase) []peerdict.Phrase {
	out := []peerdict.Phrase{nil}
	for _, w := range p {
		if w.Alt == nil {
			for i := range out {
				out[i] = append(out[i], w)
			}
			continue
		}
		if len(out)*len(w.Alt) > 64 {
			for i := range out {
				out[i] = append(out[i], w)
			}
			continue
		}
		var next []peerdict.Phrase
		for _, o := range out {
			for _, a := range w.Alt {
				n := append(append(peerdict.Phrase(nil), o...), a...)
				if len(a) > 0 {
					n[len(o)].Adjacent = w.Adjacent
				}
				next = append(next, n)
			}
		}
		out = next
	}
	return out
}

// patternChars is the number of letters of a pattern's words.
func patternChars(p peerdict.Phrase) int {
	n := 0
	for _, w := range p {
		n += len(w.Text)
	}
	return n
}

// hasSynset reports whether a pattern names a synset.
func hasSynset(p peerdict.Phrase) bool {
	for _, w := range p {
		if strings.HasPrefix(w.Text, "&") {
			return true
		}
		for _, a := range w.Alt {
			if hasSynset(a) {
				return true
			}
		}
	}
	return false
}

// sentence is the working state of one sentence.
type sentence struct {
	c      *Coder
	toks   []token
	units  []*unit
	unitAt []int  // token -> index into units, -1
	nouns  []bool // tokens of null-coded TABARI actors
	date   int
	// nounEnds is set while TABARI actors are matched; inPattern while
	// verb patterns are.
	nounEnds, inPattern bool
	// forward is the actor a leading pronoun stands for (Options.Forward);
	// firstActor is the code of the sentence's first actor, without agents.
	forward, firstActor string
	// listCommas, when not nil, collects the commas that join an actor
	// list while actors are found.
	listCommas map[int]bool
}

// markListCommas marks the commas that join the members of an actor list
// in the whole sentence, before comma phrases are dropped: a list is one
// noun phrase to the peers' parsers, not a series of comma phrases.
func (s *sentence) markListCommas() {
	pre := &sentence{c: s.c, toks: s.toks, date: s.date, listCommas: map[int]bool{}}
	pre.findActors()
	for i := range pre.listCommas {
		s.toks[i].list = true
	}
}

// unit is an actor phrase: one actor, an actor with its agents, or a
// compound of several ("Arnor, Gondor and Bree").
type unit struct {
	start, end int // token range
	codes      []string
	pronoun    bool
	agents     []string // agent codes joined to the codes
	// bare are the actor codes without agents; kind says how the phrase
	// is built; members are the phrases of a compound.
	bare    []string
	kind    int
	members []*unit
}

// unit kinds
const (
	kindActor   = iota // actor [agents]
	kindAgentOf        // agent of/in actor
	kindLone           // an agent with no actor ("---GOV")
)

// Context carries what one sentence of a story passes to the next: with
// Options.Forward, a pronoun that no actor of its sentence precedes stands
// for the first actor (its code without agents) of the previous sentence.
type Context struct {
	Prev string
}

// Code codes one sentence on date (YYYYMMDD).
func (c *Coder) Code(text string, date int) Result {
	return c.CodeIn(text, date, nil)
}

// CodeIn codes one sentence of a story; ctx (nil for none) is read and
// updated.
func (c *Coder) CodeIn(text string, date int, ctx *Context) Result {
	s := &sentence{c: c, toks: tokenize(text, c.Dict.Format == peerdict.PETRARCH), date: date}
	if ctx != nil && c.Opts.Forward {
		s.forward = ctx.Prev
		defer func() {
			if s.firstActor != "" {
				ctx.Prev = s.firstActor
			}
		}()
	}
	// the words are counted before comma phrases are dropped
	words := 0
	for _, t := range s.toks {
		// a possessive "'s" is part of its word
		if !t.punct && t.up != "'S" {
			words++
		}
	}
	if c.Opts.MinWords > 0 && words < c.Opts.MinWords {
		return Result{Note: "too few words"}
	}
	// <TIME> phrases and discards are looked for in the whole sentence,
	// before comma phrases are dropped
	if c.Opts.TimeShift {
		for _, ts := range c.Dict.Time {
			if ts.Code != "###" && ts.Code != "+++" {
				continue
			}
			for i := range s.toks {
				if s.matchPhrase(ts.Words, i, 0) > i {
					note := ts.Code + " time " + ts.Words.String() + " " + ts.Pos.String()
					return Result{Discard: ts.Code == "###", Complex: ts.Code == "+++", Note: note}
				}
			}
		}
	}
	if d := s.findDiscard(); d != "" {
		return Result{Discard: true, Note: d}
	}
	if c.Opts.CommaOn {
		s.markListCommas()
		s.toks = dropCommaPhrases(s.toks, &c.Opts, c.keepVerb())
	}
	if note := s.findActors(); note != "" {
		if strings.HasPrefix(note, "###") {
			return Result{Discard: true, Note: note}
		}
		return Result{Complex: true, Note: note}
	}
	return s.code()
}

func (s *sentence) findDiscard() string {
	for _, d := range s.c.discards {
		for i := range s.toks {
			if e := s.matchPhrase(d.Words, i, 6); e > 0 {
				return "discard " + d.Words.String() + " " + d.Pos.String()
			}
		}
	}
	return ""
}

// wordMatches reports whether dictionary word w matches token t. While
// actors are matched (nounEnds), a TABARI whole word ("LIBYA_") also
// matches its plural endings ("LIBYAS"); "MOUSE=" does not.
func (s *sentence) wordMatches(w peerdict.Word, t token) bool {
	if w.Exact {
		if t.up == w.Text {
			return true
		}
		if s.nounEnds && !w.NoEndings && strings.HasPrefix(t.up, w.Text) {
			switch t.up[len(w.Text):] {
			case "S", "ES":
				return true
			}
		}
		return false
	}
	if s.inPattern && s.c.Dict.Format == peerdict.PETRARCH {
		return t.up == w.Text
	}
	return strings.HasPrefix(t.up, w.Text)
}

// matchPhrase matches p at token i and returns the end token (exclusive),
// or -1. Words joined by a space may have up to gap tokens between them.
func (s *sentence) matchPhrase(p peerdict.Phrase, i, gap int) int {
	return s.matchFrom(p, 0, i, true, gap)
}

func (s *sentence) matchFrom(p peerdict.Phrase, k, i int, anchored bool, gap int) int {
	if k == len(p) {
		return i
	}
	w := p[k]
	limit := i
	if !anchored && !w.Adjacent {
		limit = i + gap
	}
	for j := i; j <= limit && j < len(s.toks); j++ {
		if j > i && s.toks[j-1].punct && (s.toks[j-1].up == "," || s.toks[j-1].up == "." || s.toks[j-1].up == ";") {
			break
		}
		for _, e := range s.matchWord(w, j) {
			if r := s.matchFrom(p, k+1, e, false, gap); r >= 0 {
				return r
			}
		}
	}
	return -1
}

// matchWord returns the ends of the ways word w (a plain word, a synset or
// alternatives) matches at token j.
func (s *sentence) matchWord(w peerdict.Word, j int) []int {
	if j >= len(s.toks) {
		return nil
	}
	if w.Alt != nil {
		// inside a TABARI verb pattern the words of an alternative or a
		// synset member, like the pattern's, may have others between them
		gap := 0
		if s.inPattern && s.c.Dict.Format == peerdict.TABARI {
			gap = 4
		}
		var out []int
		for _, a := range w.Alt {
			if e := s.matchPhrase(a, j, gap); e >= 0 {
				out = append(out, e)
			}
		}
		return out
	}
	if strings.HasPrefix(w.Text, "&") && len(w.Text) > 1 {
		gap := 0
		if s.inPattern && s.c.Dict.Format == peerdict.TABARI {
			gap = 4
		}
		var out []int
		for _, m := range s.c.Dict.Synsets[w.Text] {
			if e := s.matchPhrase(m, j, gap); e >= 0 {
				out = append(out, e)
			}
		}
		return out
	}
	if s.wordMatches(w, s.toks[j]) {
		return []int{j + 1}
	}
	return nil
}

// hit is one actor or agent dictionary match.
type hit struct {
	start, end int
	e          entry
	// more are the codes of PETRARCH agents matched inside an agent
	// hit ("main opposition group": ~MOP, then ~OPP).
	more []string
}

// agentCodes are the agent codes of an agent hit, in order.
func (h hit) agentCodes() []string {
	return append([]string{h.e.agent.Code}, h.more...)
}

// findActors matches actors and agents and builds the sentence's units. It
// returns "###..." or "+++..." when a matched actor carries that code.
func (s *sentence) findActors() string {
	s.nounEnds = s.c.Dict.Format == peerdict.TABARI
	defer func() { s.nounEnds = false }()
	var hits []hit
	for i := 0; i < len(s.toks); {
		t := s.toks[i]
		if t.punct {
			i++
			continue
		}
		best := hit{end: -1}
		// candidates: entries keyed by every prefix of the word
		for n := len(t.up); n >= 1; n-- {
			for _, e := range s.c.actors[t.up[:n]] {
				end := s.matchPhrase(e.words, i, 4)
				if end > best.end || (end == best.end && end > 0 && e.actor != nil && best.e.actor == nil) {
					best = hit{start: i, end: end, e: e}
				}
			}
		}
		if best.end > i && best.e.agent != nil && s.c.Dict.Format == peerdict.PETRARCH {
			// PETRARCH stacks every agent named inside the phrase
			for j := i + 1; j < best.end; j++ {
				for _, e := range s.c.actors[s.toks[j].up] {
					if e.agent != nil && s.matchPhrase(e.words, j, 0) > j && s.matchPhrase(e.words, j, 0) <= best.end {
						// a code already given ("MINISTER" [~GOV] inside
						// "FOREIGN MINISTER" [~GOVFRM]) is not repeated
						if !strings.Contains(strings.Join(best.agentCodes(), ""), strings.Trim(e.agent.Code, "~")) {
							best.more = append(best.more, e.agent.Code)
						}
						break
					}
				}
			}
		}
		if best.end > i {
			hits = append(hits, best)
			i = best.end
			continue
		}
		i++
	}
	if s.c.Dict.Format == peerdict.TABARI {
		// TABARI: an agent after FORMER, or after an actor that FORMER
		// precedes, is a former elite (~ELI): "former Gondor prosecutors"
		for k, h := range hits {
			if h.e.agent == nil {
				continue
			}
			former := h.start > 0 && s.toks[h.start-1].up == "FORMER"
			if k > 0 && hits[k-1].e.actor != nil && hits[k-1].end == h.start && hits[k-1].start > 0 && s.toks[hits[k-1].start-1].up == "FORMER" {
				former = true
			}
			if former {
				a := *h.e.agent
				a.Code = "~ELI"
				hits[k].e.agent, hits[k].more = &a, nil
			}
		}
	}
	s.nouns = make([]bool, len(s.toks))
	// Build units: actor [agent...], actor 's agent, agent of actor.
	for _, h := range hits {
		if h.e.actor != nil {
			if cs := splitCodes(h.e.actor.CodeOn(s.date)); len(cs) > 0 {
				s.firstActor = cs[0]
			}
			break
		}
	}
	var units []*unit
	used := make([]bool, len(hits))
	codeOf := func(h hit) string { return h.e.actor.CodeOn(s.date) }
	for k := 0; k < len(hits); k++ {
		if used[k] {
			continue
		}
		h := hits[k]
		if h.e.actor != nil {
			code := codeOf(h)
			if s.tabariCode(code) == "---" {
				// TABARI: a null-coded actor is a noun, not an actor
				// ("ties with Boromir in Gondor")
				for i := h.start; i < h.end; i++ {
					s.nouns[i] = true
				}
				used[k] = true
				continue
			}
			switch s.tabariCode(code) {
			case "###":
				return "### actor " + h.e.words.String() + " " + h.e.actor.Pos.String()
			case "+++":
				return "+++ actor " + h.e.words.String() + " " + h.e.actor.Pos.String()
			}
			u := &unit{start: h.start, end: h.end, codes: splitCodes(code), bare: splitCodes(code)}
			used[k] = true
			// following agents and same-phrase actors
			for k+1 < len(hits) && !used[k+1] {
				n := hits[k+1]
				gap := n.start - u.end
				if gap == 1 && (s.toks[u.end].up == "'S" || (s.toks[u.end].up == "FORMER" && n.e.agent != nil && s.c.Dict.Format == peerdict.TABARI)) {
					gap = 0
				}
				if gap != 0 {
					break
				}
				if n.e.agent != nil {
					for _, ac := range n.agentCodes() {
						for ci := range u.codes {
							u.codes[ci] = withAgent(u.codes[ci], ac)
						}
						u.agents = append(u.agents, ac)
					}
				}
				u.end = n.end
				used[k+1] = true
				k++
			}
			units = append(units, u)
			continue
		}
		// agent: look for "of/in/from [the] ACTOR" after it
		if k+1 < len(hits) && hits[k+1].e.actor != nil && s.agentOf(h, hits[k+1]) {
			n := hits[k+1]
			j := h.end
			if j < n.start && isOneOf(s.toks[j].up, "OF", "IN", "FROM", "FOR") {
				j++
				for j < n.start && isOneOf(s.toks[j].up, "THE") {
					j++
				}
			}
			if j == n.start {
				code := codeOf(n)
				if c := s.tabariCode(code); c == "###" || c == "+++" {
					return code + " actor " + n.e.words.String() + " " + n.e.actor.Pos.String()
				}
				codes := splitCodes(code)
				for _, ac := range h.agentCodes() {
					for ci := range codes {
						codes[ci] = withAgent(codes[ci], ac)
					}
				}
				u := &unit{start: h.start, end: n.end, codes: codes, agents: h.agentCodes(), bare: splitCodes(code), kind: kindAgentOf}
				used[k], used[k+1] = true, true
				k++
				// agents right after the actor ("MSF Arnor diplomat")
				for k+1 < len(hits) && !used[k+1] && hits[k+1].e.agent != nil && hits[k+1].start == u.end {
					for _, ac := range hits[k+1].agentCodes() {
						for ci := range u.codes {
							u.codes[ci] = withAgent(u.codes[ci], ac)
						}
						u.agents = append(u.agents, ac)
					}
					u.end = hits[k+1].end
					used[k+1] = true
					k++
				}
				units = append(units, u)
				continue
			}
		}
		if s.c.Opts.ConvertAgent {
			code := s.convertAgent(h.e.agent.Code)
			for _, ac := range h.more {
				code = withAgent(code, ac)
			}
			units = append(units, &unit{start: h.start, end: h.end, codes: []string{code}, agents: h.agentCodes(), kind: kindLone})
			used[k] = true
		}
	}
	if s.c.Dict.Format == peerdict.PETRARCH {
		units = s.possessives(units)
	}
	// Compound units: A and B; A, B and C. A comma joins two actor phrases
	// only in a list that an "and" closes.
	links := make([]int, len(units)) // links[k]: how units[k-1] and units[k] are joined
	for k := 1; k < len(units); k++ {
		links[k] = s.connector(s.toks[units[k-1].end:units[k].start])
	}
	// a comma after an "and" starts a new list ("Arnor and Dagolath,
	// Mordor and Elrond";
	// "Calenardhon and Gondor, and Gondor and Dagolath")
	for k := 2; k < len(units); k++ {
		if links[k] != linkNone && links[k-1] == linkAnd && (links[k] == linkComma || hasComma(s.toks[units[k-1].end:units[k].start])) {
			links[k] = linkNone
		}
	}
	for k := len(units) - 1; k >= 1; k-- {
		if links[k] == linkComma && (k+1 >= len(units) || links[k+1] == linkNone) {
			links[k] = linkNone
		}
	}
	if s.listCommas != nil {
		for k := 1; k < len(units); k++ {
			if links[k] == linkNone {
				continue
			}
			for i := units[k-1].end; i < units[k].start; i++ {
				if s.toks[i].up == "," {
					s.listCommas[i] = true
				}
			}
		}
	}
	var merged []*unit
	for k, u := range units {
		if len(merged) > 0 && links[k] != linkNone {
			p := merged[len(merged)-1]
			p.members = append(p.members, u)
			p.end = u.end
			continue
		}
		c := *u
		c.members = []*unit{u}
		merged = append(merged, &c)
	}
	for _, u := range merged {
		if len(u.members) > 1 {
			u.codes, u.agents = s.compoundCodes(u.members), nil
			for _, m := range u.members {
				u.agents = append(u.agents, m.agents...)
			}
		}
	}
	// Pronouns stand for the sentence's first actor.
	var first *unit
	if len(merged) > 0 {
		first = merged[0]
	}
	s.units = nil
	mi := 0
	for i, t := range s.toks {
		for mi < len(merged) && merged[mi].start < i {
			s.units = append(s.units, merged[mi])
			mi++
		}
		if !isOneOf(t.up, "HE", "SHE", "IT", "THEY", "HIM", "HER", "THEM") || (mi < len(merged) && merged[mi].start == i) {
			continue
		}
		switch {
		case first != nil && i > first.end:
			s.units = append(s.units, &unit{start: i, end: i + 1, codes: first.codes, pronoun: true})
		case s.forward != "" && (first == nil || i < first.start):
			s.units = append(s.units, &unit{start: i, end: i + 1, codes: []string{s.forward}, pronoun: true})
		}
	}
	s.units = append(s.units, merged[mi:]...)
	sort.SliceStable(s.units, func(a, b int) bool { return s.units[a].start < s.units[b].start })
	s.unitAt = make([]int, len(s.toks)+1)
	for i := range s.unitAt {
		s.unitAt[i] = -1
	}
	for k, u := range s.units {
		for i := u.start; i < u.end; i++ {
			s.unitAt[i] = k
		}
	}
	return ""
}

// compoundCodes are the codes of a compound's members. TABARI leaves each
// member's agents with it. PETRARCH gives the agents of a first "agent of
// actor" member to the members without agents ("the ambassadors of Arnor,
// Osgiliath and Gondor"; agents with no actor may come first); an agent with no actor of its own takes the
// actors of the members after it ("lawmakers and officials in Fornost
// and Gondor"), or else the actor of the member before it with that
// member's modifiers, its agents but the last ("Danish Islamist media and
// government": DNKMOSGOV). PETRARCH does not give the agent of a later
// member to the others ("Ithilen and the government of Gondor").
func (s *sentence) compoundCodes(ms []*unit) []string {
	var out []string
	if s.c.Dict.Format != peerdict.PETRARCH {
		for _, m := range ms {
			out = append(out, m.codes...)
		}
		return out
	}
	var spread []string
	for _, m := range ms {
		if m.kind != kindLone {
			if m.kind == kindAgentOf {
				spread = m.agents
			}
			break
		}
	}
	join := func(actors, agents []string) []string {
		var cs []string
		for _, a := range actors {
			for _, g := range agents {
				a = withAgent(a, g)
			}
			cs = append(cs, a)
		}
		return cs
	}
	for k, m := range ms {
		switch {
		case m.kind == kindLone:
			var actors []string
			for _, n := range ms[k+1:] {
				if n.kind != kindLone {
					actors = append(actors, n.bare...)
				}
			}
			if len(actors) > 0 {
				out = append(out, join(actors, m.agents)...)
				continue
			}
			for j := k - 1; j >= 0; j-- {
				if p := ms[j]; p.kind != kindLone {
					mods := p.agents
					if len(mods) > 0 {
						mods = mods[:len(mods)-1]
					}
					out = append(out, join(p.bare, append(append([]string(nil), mods...), m.agents...))...)
					actors = p.bare
					break
				}
			}
			if len(actors) == 0 {
				out = append(out, m.codes...)
			}
		case len(m.agents) == 0 && len(spread) > 0:
			out = append(out, join(m.codes, spread)...)
		default:
			out = append(out, m.codes...)
		}
	}
	return out
}

// possessives joins PETRARCH's "X's [words] AGENT [name]" into one actor
// phrase: the possessor with the agents of the phrase it owns
// ("Dagolath's first Deputy Prime Minister Telemar" is DAGGOV). The words
// between may not be verbs or punctuation.
func (s *sentence) possessives(units []*unit) []*unit {
	var out []*unit
	for k := 0; k < len(units); k++ {
		u := units[k]
		if k+1 < len(units) && u.end < len(s.toks) && s.toks[u.end].up == "'S" && len(units[k+1].agents) > 0 {
			n := units[k+1]
			ok := n.start-(u.end+1) <= 5
			for j := u.end + 1; ok && j < n.start; j++ {
				t := s.toks[j]
				if t.punct || (s.c.isVerbWord(t.up) && !s.c.Dict.Nouns[t.up] && !s.c.Dict.Adjectives[t.up]) {
					ok = false
				}
			}
			if ok {
				codes := append([]string(nil), u.codes...)
				for _, a := range n.agents {
					for ci := range codes {
						codes[ci] = withAgent(codes[ci], a)
					}
				}
				out = append(out, &unit{start: u.start, end: n.end, codes: codes, agents: append(append([]string(nil), u.agents...), n.agents...), bare: u.bare})
				k++
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

const (
	linkNone = iota
	linkComma
	linkAnd
)

// connector says how the tokens between two actor phrases join them: by
// "and" (with commas) or by commas only, with determiners and other words
// that cannot be verbs ("Fornost and the evil awful Gondor"), or not.
func (s *sentence) connector(ts []token) int {
	if len(ts) == 0 || len(ts) > 5 {
		return linkNone
	}
	link := linkNone
	for k, t := range ts {
		switch {
		case t.up == "AND" || t.up == "NOR":
			// "neither Galadriel nor Gollum" is a compound too
			link = linkAnd
		case t.up == ",":
			if link == linkNone {
				link = linkComma
			}
		case t.punct, k == 0:
			return linkNone
		case s.c.isVerbWord(t.up) && !isOneOf(t.up, "THE", "A", "AN"):
			return linkNone
		}
	}
	return link
}

// keepVerb returns PETRARCH's test for final comma phrases with a verb.
func (c *Coder) keepVerb() func([]token) bool {
	if c.Dict.Format != peerdict.PETRARCH {
		return nil
	}
	return func(ts []token) bool {
		for i, t := range ts {
			if i > 0 && !t.punct && !t.cap && c.isVerbWord(t.up) && !c.Dict.Nouns[t.up] {
				return true
			}
		}
		return false
	}
}

// isVerbWord reports whether a word is a form of a dictionary verb.
func (c *Coder) isVerbWord(up string) bool {
	if len(c.verbs[up]) > 0 {
		return true
	}
	for n := len(up) - 1; n >= 2; n-- {
		if len(c.stems[up[:n]]) > 0 {
			return true
		}
	}
	return false
}

// tabariCode returns an actor code as TABARI reads it: "###" discards the
// sentence and "+++" makes it complex. PETRARCH writes them as codes.
func (s *sentence) tabariCode(code string) string {
	if s.c.Dict.Format == peerdict.TABARI {
		return code
	}
	return ""
}

// splitCodes splits a coded compound "FRO/BIL/SAM" into its codes.
func splitCodes(code string) []string {
	if !strings.Contains(code, "/") {
		return []string{code}
	}
	var out []string
	for _, c := range strings.Split(code, "/") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func isOneOf(s string, set ...string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// agentOf reports whether agent hit a is followed by "of/in/from [the]"
// and actor hit n.
func (s *sentence) agentOf(a, n hit) bool {
	j := a.end
	if j < n.start && isOneOf(s.toks[j].up, "OF", "IN", "FROM", "FOR") {
		j++
		for j < n.start && isOneOf(s.toks[j].up, "THE") {
			j++
		}
	}
	return j == n.start
}

// convertAgent is the code of an agent standing alone: TABARI writes it as
// it is ("~MIL"), PETRARCH after an unnamed actor "---" ("---MIL").
func (s *sentence) convertAgent(code string) string {
	if s.c.Dict.Format != peerdict.PETRARCH {
		return code
	}
	switch {
	case strings.HasPrefix(code, "~"):
		return "---" + code[1:]
	case strings.HasSuffix(code, "~"):
		return code[:len(code)-1] + "---"
	}
	return "---" + code
}

// withAgent joins an actor code and an agent code: "~GOV" goes after,
// "NGO~" before.
func withAgent(actor, agent string) string {
	switch {
	case strings.HasPrefix(agent, "~"):
		a := agent[1:]
		if strings.HasSuffix(actor, a) {
			return actor
		}
		return actor + a
	case strings.HasSuffix(agent, "~"):
		a := agent[:len(agent)-1]
		if strings.HasPrefix(actor, a) {
			return actor
		}
		return a + actor
	}
	return actor
}

func (s *sentence) String() string {
	var b strings.Builder
	for _, u := range s.units {
		fmt.Fprintf(&b, "[%d,%d)%v ", u.start, u.end, u.codes)
	}
	return b.String()
}

// dropCommaPhrases removes comma-delimited phrases whose length in words is
// within the options' bounds: first those between two commas (with both
// commas, left to right, leaving a mark that joins nothing), then, among what remains, the one from the last
// comma to the end and the one from the start to the first comma.
//
// keepVerb, when set, keeps a final phrase that it reports has a verb:
// PETRARCH removes phrases from the parse, and a final clause with its own
// verb ("..., a senior official said on Saturday") is not one of them.
func dropCommaPhrases(ts []token, o *Options, keepVerb func([]token) bool) []token {
	words := func(ts []token) int {
		n := 0
		for _, t := range ts {
			if !t.punct {
				n++
			}
		}
		return n
	}
	in := func(n, lo, hi int) bool { return hi > 0 && n >= lo && n <= hi }
	commas := func(ts []token) []int {
		var out []int
		for i, t := range ts {
			if t.up == "," && !t.list {
				out = append(out, i)
			}
		}
		return out
	}
	cs := commas(ts)
	if len(cs) == 0 {
		return ts
	}
	out := append([]token(nil), ts...)
	// internal phrases
	for k := 0; k+1 < len(cs); {
		a, b := cs[k], cs[k+1]
		if !in(words(out[a+1:b]), o.CommaMin, o.CommaMax) {
			k++
			continue
		}
		// a mark that is not a comma keeps the words around apart
		mark := token{text: "|", up: "|", start: out[a].start, end: out[b].end, punct: true}
		out = append(append(out[:a], mark), out[b+1:]...)
		cs = commas(out)
	}
	if cs = commas(out); len(cs) > 0 {
		last := cs[len(cs)-1]
		end := len(out)
		for end > last && out[end-1].punct {
			end--
		}
		if end > last+1 && in(words(out[last+1:end]), o.EMin, o.EMax) && !(keepVerb != nil && keepVerb(out[last+1:end])) {
			out = append(out[:last], out[end:]...)
		}
	}
	if cs = commas(out); len(cs) > 0 && in(words(out[:cs[0]]), o.BMin, o.BMax) {
		out = out[cs[0]+1:]
	}
	return out
}

// Debug codes a sentence and also describes its tokens and actor units.
func (c *Coder) Debug(text string, date int) (Result, string) {
	r := c.Code(text, date)
	s := &sentence{c: c, toks: tokenize(text, c.Dict.Format == peerdict.PETRARCH), date: date}
	if c.Opts.CommaOn {
		s.markListCommas()
		s.toks = dropCommaPhrases(s.toks, &c.Opts, c.keepVerb())
	}
	s.findActors()
	var b strings.Builder
	for i, t := range s.toks {
		fmt.Fprintf(&b, "%d:%s ", i, t.text)
	}
	return r, b.String() + "\n  units " + s.String() + fmt.Sprintf("\n  clauses %v", s.clauses())
}

func hasComma(ts []token) bool {
	for _, t := range ts {
		if t.up == "," {
			return true
		}
	}
	return false
}
