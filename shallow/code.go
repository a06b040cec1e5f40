package shallow

import (
	"strings"

	"parley/peerdict"
)

// verbHit is one verb found in a clause.
type verbHit struct {
	tok, end int
	verb     *peerdict.Verb
	code     string
	rule     string
	b        bind
}

// code codes the sentence's clauses.
func (s *sentence) code() Result {
	var res Result
	// verb candidates and complexity
	nverbs := 0
	for i := range s.toks {
		if len(s.verbsAt(i)) > 0 {
			nverbs++
		}
	}
	if s.c.Opts.MaxVerbs > 0 && nverbs >= s.c.Opts.MaxVerbs {
		return Result{Complex: true, Note: "too many verbs"}
	}
	clauses := s.clauses()
	if s.c.Opts.MaxConj > 0 && len(clauses)-1 > s.c.Opts.MaxConj {
		return Result{Complex: true, Note: "too many conjunctions"}
	}
	prevSrc := -1
	for ci, cl := range clauses {
		if s.c.Opts.CodeBy == "sentence" && len(res.Events) > 0 {
			break
		}
		vh, stop := s.firstVerb(cl[0], cl[0], cl[1])
		if stop != "" {
			if strings.HasPrefix(stop, "###") {
				return Result{Discard: true, Note: stop}
			}
			return Result{Complex: true, Note: stop}
		}
		if vh == nil {
			if u := s.firstUnit(cl[0], cl[1]); u >= 0 {
				prevSrc = u
			}
			continue
		}
		src := vh.b.src
		if src < 0 && vh.b.comp < 0 {
			src = s.unitBefore(cl[0], vh.tok, vh.b.tgt)
			if src < 0 && ci > 0 && prevSrc >= 0 {
				src = prevSrc
			}
		}
		tgt := vh.b.tgt
		if tgt < 0 && vh.b.comp < 0 {
			tgt = s.unitAfter(vh.end, cl[1], src)
		}
		passiveBy := s.passiveBy(vh, tgt)
		if passiveBy && vh.b.src < 0 && vh.b.tgt < 0 && src >= 0 {
			// "Eriador was opposed by Osgiliath": the actor after BY is
			// the source.
			src, tgt = tgt, src
		}
		var srcCodes, tgtCodes []string
		var srcSpan, tgtSpan [2]int
		if vh.b.comp >= 0 {
			u := s.units[vh.b.comp]
			prevSrc = vh.b.comp
			if s.c.Dict.Format == peerdict.PETRARCH {
				// PETRARCH: a compound "%" that is the source codes
				// its members with the target after the verb, if any
				if t := s.unitAfter(vh.end, cl[1], vh.b.comp); t >= 0 && u.end <= vh.tok {
					for _, a := range u.codes {
						for _, b := range s.units[t].codes {
							res.Events = append(res.Events, s.events(a, b, s.span(u), s.span(s.units[t]), vh)...)
						}
					}
					continue
				}
			}
			res.Events = append(res.Events, s.symmetric(u, vh)...)
			continue
		}
		if src >= 0 {
			srcCodes, srcSpan = s.units[src].codes, s.span(s.units[src])
		}
		if tgt >= 0 {
			tgtCodes, tgtSpan = s.units[tgt].codes, s.span(s.units[tgt])
		}
		o := &s.c.Opts
		if src < 0 {
			switch {
			case o.DefaultSource != "" && o.DefaultPrior:
				srcCodes = []string{o.DefaultSource}
			case o.NoActPrior && s.unitBefore(cl[0], vh.tok, -1) < 0:
				// TABARI: a verb with no actor before it makes the
				// sentence complex.
				return Result{Complex: true, Note: "no actor before the verb " + vh.rule}
			default:
				// take the source from after the verb, unless the verb
				// is a participle whose agent follows ("Rebuked by
				// Eriador, ...")
				if vh.b.tgt >= 0 {
					// the pattern set the target: the source is the
					// next actor after the verb
					if src = s.unitAfter(vh.end, cl[1], tgt); src >= 0 {
						srcCodes, srcSpan = s.units[src].codes, s.span(s.units[src])
					}
				} else if tgt >= 0 && !s.followedByBy(vh) {
					src = tgt
					srcCodes, srcSpan = tgtCodes, tgtSpan
					tgt = s.unitAfter(s.units[src].end, cl[1], src)
					tgtCodes = nil
					if tgt >= 0 {
						tgtCodes, tgtSpan = s.units[tgt].codes, s.span(s.units[tgt])
					}
				}
			}
		}
		if len(srcCodes) == 0 {
			continue
		}
		if src >= 0 {
			prevSrc = src
		}
		if len(tgtCodes) == 0 && src >= 0 && s.units[src].end <= vh.tok && vh.b.comp < 0 && s.c.Dict.Format == peerdict.TABARI {
			// TABARI: with no actor after the verb, the target is the
			// nearest actor between the source and the verb ("$ ^ FOR
			// *": "for Eriador warning"; "it requested that Elrond
			// assist")
			if k := s.unitBetween(max(s.units[src].end, cl[0]), vh.tok); k >= 0 {
				tgt, tgtCodes, tgtSpan = k, s.units[k].codes, s.span(s.units[k])
			}
		}
		if len(tgtCodes) == 0 {
			// TABARI DEFAULT: TARGET: a single source takes the default
			// target; a compound one only with AFTER and when it comes
			// before the verb. Otherwise a compound source with no
			// target codes its members with each other: its first with
			// the others while a default target is set, all pairs when
			// none is.
			// PETRARCH codes a compound's members with each other only
			// through a "%" pattern or a paired code ("[064:064]",
			// "Gondor and Osgiliath renewed diplomatic ties").
			compound := src >= 0 && len(s.units[src].codes) > 1 && vh.b.src < 0 &&
				(s.c.Dict.Format == peerdict.TABARI || strings.Contains(vh.code, ":"))
			switch {
			case o.DefaultTarget != "" && (len(srcCodes) == 1 || (o.DefaultAfter && (src < 0 || s.units[src].end <= vh.tok))):
				tgtCodes = []string{o.DefaultTarget}
			case compound && o.DefaultTarget != "":
				u := s.units[src]
				for _, b := range u.codes[1:] {
					if b != u.codes[0] {
						res.Events = append(res.Events, s.events(u.codes[0], b, s.span(u), s.span(u), vh)...)
					}
				}
				continue
			case compound:
				res.Events = append(res.Events, s.symmetric(s.units[src], vh)...)
				continue
			case !o.RequireDyad:
				tgtCodes = []string{s.noActor()}
			default:
				continue
			}
		}
		hits := []*verbHit{vh}
		if o.CodeBy == "all" {
			// SET: CODE ALL: every coded verb of the clause gives events
			// between the clause's source and target; a dominant code
			// ("031!") suppresses the others.
			for from := vh.end; ; {
				v2, stop := s.firstVerb(cl[0], from, cl[1])
				if v2 == nil || stop != "" {
					break
				}
				hits = append(hits, v2)
				from = v2.end
			}
			var dom []*verbHit
			for _, h := range hits {
				if strings.HasSuffix(h.code, "!") {
					dom = append(dom, h)
				}
			}
			if len(dom) > 0 {
				hits = dom
			}
		}
		for _, h := range hits {
			sc, tc, ssp, tsp := srcCodes, tgtCodes, srcSpan, tgtSpan
			if h != vh {
				// a later verb of the clause codes from the clause's
				// subject (its first actor, whatever the first verb's
				// voice) to the first actor after it, or the clause's
				// target
				hs := h.b.src
				if hs < 0 {
					hs = s.unitBefore(cl[0], vh.tok, -1)
				}
				if hs >= 0 {
					sc, ssp = s.units[hs].codes, s.span(s.units[hs])
				}
				ht := h.b.tgt
				if ht < 0 {
					ht = s.unitAfter(h.end, cl[1], hs)
				}
				if ht >= 0 {
					tc, tsp = s.units[ht].codes, s.span(s.units[ht])
				}
			}
			for _, a := range sc {
				for _, b := range tc {
					res.Events = append(res.Events, s.events(a, b, ssp, tsp, h)...)
				}
			}
		}
	}
	return res
}

// beForms are the forms of BE that make a following participle passive.
var beForms = []string{"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"}

// passiveBy reports whether the verb is passive ("was opposed", "was
// fiercely opposed") and its target unit tgt follows BY ("by Osgiliath",
// "opposed earlier by Osgiliath").
func (s *sentence) passiveBy(vh *verbHit, tgt int) bool {
	if tgt < 0 {
		return false
	}
	j := vh.tok - 1
	if j >= 0 && strings.HasSuffix(s.toks[j].up, "LY") {
		j--
	}
	if j < 0 || !isOneOf(s.toks[j].up, beForms...) {
		return false
	}
	u := s.units[tgt]
	if u.start < 1 || s.toks[u.start-1].up != "BY" {
		return false
	}
	return u.start-1-vh.end <= 2
}

// followedByBy reports whether BY follows the verb, within two words.
func (s *sentence) followedByBy(vh *verbHit) bool {
	for j := vh.end; j < len(s.toks) && j <= vh.end+2; j++ {
		if s.toks[j].up == "BY" {
			return true
		}
		if s.toks[j].punct {
			return false
		}
	}
	return false
}

// noActor is the code of a missing actor: PETRARCH writes "---".
func (s *sentence) noActor() string {
	if s.c.Dict.Format == peerdict.PETRARCH {
		return "---"
	}
	return ""
}

func (s *sentence) span(u *unit) [2]int {
	return [2]int{s.toks[u.start].start, s.toks[u.end-1].end}
}

// symmetric codes the members of a compound with each other.
func (s *sentence) symmetric(u *unit, vh *verbHit) []Event {
	var out []Event
	sp := s.span(u)
	for i, a := range u.codes {
		for j, b := range u.codes {
			if i != j && a != b {
				out = append(out, s.events(a, b, sp, sp, vh)...)
			}
		}
	}
	return out
}

// events makes the events of one dyad; a paired code "032:033" gives the
// reverse event too.
//
// An actor is not coded with itself ("between Arnor and Gondor ... between
// Calenardhon and Gondor" gives no GON/GON); the peers code no such event.
func (s *sentence) events(src, tgt string, ss, ts [2]int, vh *verbHit) []Event {
	if src == tgt && src != "" && src != "---" {
		return nil
	}
	code := strings.TrimRight(vh.code, "!?")
	vs := [2]int{s.toks[vh.tok].start, s.toks[vh.end-1].end}
	first, second, paired := strings.Cut(code, ":")
	out := []Event{{Source: src, Target: tgt, Code: first, SourceSpan: ss, TargetSpan: ts, VerbSpan: vs, Rule: vh.rule}}
	if paired && second != "" && second != "---" {
		out = append(out, Event{Source: tgt, Target: src, Code: second, SourceSpan: ts, TargetSpan: ss, VerbSpan: vs, Rule: vh.rule})
	}
	return out
}

// clauseConj are the words that may start a new clause.
var clauseConj = []string{"AND", "BUT", "OR", ";"}

// clauses splits the sentence at conjunctions that start a new verb phrase.
func (s *sentence) clauses() [][2]int {
	var out [][2]int
	start := 0
	for i, t := range s.toks {
		if t.up == "," && s.c.Dict.Format == peerdict.PETRARCH && i > start && s.subjectClause(i+1) {
			// PETRARCH: ", a senior official said" is a clause of its own
			out = append(out, [2]int{start, i})
			start = i + 1
			continue
		}
		if !(isOneOf(t.up, clauseConj...) && s.unitAt[i] < 0) || i == start {
			continue
		}
		// next conjunction or end
		next := len(s.toks)
		for j := i + 1; j < len(s.toks); j++ {
			if isOneOf(s.toks[j].up, clauseConj...) && s.unitAt[j] < 0 {
				next = j
				break
			}
		}
		hasVerb := func(a, b int) bool {
			for j := a; j < b; j++ {
				if len(s.verbsAt(j)) > 0 {
					return true
				}
			}
			return false
		}
		// TABARI: "adjective and adjective", "noun and noun" join words,
		// not clauses ("Ithilen's awful and evil minister Calimehtar
		// warned" is one clause)
		if i > 0 && i+1 < len(s.toks) {
			a, b := s.toks[i-1].up, s.toks[i+1].up
			d := s.c.Dict
			if (d.Adjectives[a] && d.Adjectives[b]) || (d.Nouns[a] && d.Nouns[b]) {
				continue
			}
		}
		// PETRARCH's parse makes a conjunction join clauses only when
		// each side has a verb
		if hasVerb(i+1, next) && (s.c.Dict.Format != peerdict.PETRARCH || hasVerb(start, i)) {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return append(out, [2]int{start, len(s.toks)})
}

// subjectClause reports whether the words from i start a clause: an actor
// phrase within its first words ("a senior official") right followed by a
// verb.
func (s *sentence) subjectClause(i int) bool {
	for j := i; j < len(s.toks) && j <= i+4; j++ {
		if s.toks[j].punct {
			return false
		}
		k := s.unitAt[j]
		if k < 0 {
			continue
		}
		for v := s.units[k].end; v < len(s.toks) && v <= s.units[k].end+3; v++ {
			if len(s.verbsAt(v)) > 0 {
				return true
			}
		}
		return false
	}
	return false
}

func (s *sentence) firstUnit(lo, hi int) int {
	for k, u := range s.units {
		if u.start >= lo && u.start < hi {
			return k
		}
	}
	return -1
}

func (s *sentence) unitBefore(lo, v, not int) int {
	for k, u := range s.units {
		if u.start >= lo && u.end <= v && k != not {
			return k
		}
	}
	return -1
}

// unitBetween is the last unit in [lo, hi), -1 when there is none.
func (s *sentence) unitBetween(lo, hi int) int {
	k := -1
	for i, u := range s.units {
		if u.start >= lo && u.end <= hi {
			k = i
		}
	}
	return k
}

func (s *sentence) unitAfter(from, hi, not int) int {
	for k, u := range s.units {
		if u.start >= from && u.start < hi && k != not && !(not >= 0 && u.pronoun && sameCodes(u.codes, s.units[not].codes)) {
			return k
		}
	}
	return -1
}

// firstVerb finds the clause's first verb that gives a code, trying its
// patterns in dictionary order. A code ending in "?" (TABARI's SAID) is used
// only when no later verb codes. stop is set for discard and complex codes.
func (s *sentence) firstVerb(lo, from, hi int) (*verbHit, string) {
	var weak *verbHit
	for i := from; i < hi; i++ {
		for _, v := range s.verbsAt(i) {
			vend := s.matchVerb(v, i)
			if vend < 0 {
				continue
			}
			vh := &verbHit{tok: i, end: vend, verb: v, b: noBind}
			matched := false
			for _, p := range v.Patterns {
				if b, ok := s.matchPattern(p.Words, i, vend, lo, hi); ok {
					vh.code, vh.b, vh.rule = p.Code, b, "- "+p.Words.String()+" ["+p.Code+"] "+p.Pos.String()
					matched = true
					break
				}
			}
			if !matched {
				vh.code, vh.rule = v.Code, v.Head.Text+" ["+v.Code+"] "+v.Pos.String()
			}
			switch {
			case vh.code == "###":
				return nil, "### verb " + vh.rule
			case vh.code == "+++":
				return nil, "+++ verb " + vh.rule
			case vh.code == "" || vh.code == "---":
				if matched {
					return nil, ""
				}
				continue
			case strings.HasSuffix(vh.code, "?"):
				if weak == nil {
					weak = vh
				}
				continue
			}
			return vh, ""
		}
	}
	return weak, ""
}

// sameCodes reports whether two units stand for the same actors: a pronoun
// that stands for the source is not its target ("they ... assist them").
func sameCodes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
