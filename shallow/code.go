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
			src = s.unitBefore(cl[0], vh.tok)
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
			res.Events = append(res.Events, s.symmetric(u, vh)...)
			prevSrc = vh.b.comp
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
			case o.NoActPrior:
				// TABARI: a verb with no actor before it makes the
				// sentence complex.
				return Result{Complex: true, Note: "no actor before the verb " + vh.rule}
			default:
				// take the source from after the verb, unless the verb
				// is a participle whose agent follows ("Rebuked by
				// Eriador, ...")
				if tgt >= 0 && !s.followedByBy(vh) {
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
		if len(tgtCodes) == 0 {
			switch {
			case o.DefaultTarget != "" && o.DefaultAfter:
				tgtCodes = []string{o.DefaultTarget}
			case src >= 0 && len(s.units[src].codes) > 1 && vh.b.src < 0:
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
				if h.b.src >= 0 {
					sc, ssp = s.units[h.b.src].codes, s.span(s.units[h.b.src])
				}
				if h.b.tgt >= 0 {
					tc, tsp = s.units[h.b.tgt].codes, s.span(s.units[h.b.tgt])
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
func (s *sentence) events(src, tgt string, ss, ts [2]int, vh *verbHit) []Event {
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
		hasVerb := false
		for j := i + 1; j < next; j++ {
			if len(s.verbsAt(j)) > 0 {
				hasVerb = true
				break
			}
		}
		if hasVerb {
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

func (s *sentence) unitBefore(lo, v int) int {
	for k, u := range s.units {
		if u.start >= lo && u.end <= v {
			return k
		}
	}
	return -1
}

func (s *sentence) unitAfter(from, hi, not int) int {
	for k, u := range s.units {
		if u.start >= from && u.start < hi && k != not {
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
