package eval

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"parley"
)

// MaxLocationKm is how far a predicted location may be from the gold one
// and still count as right.
const MaxLocationKm = 50

// Ratio is a count of hits out of a total, with their quotient (0 when the
// total is 0).
type Ratio struct {
	Hits  int     `json:"hits"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

func ratio(hits, total int) Ratio {
	r := Ratio{Hits: hits, Total: total}
	if total > 0 {
		r.Rate = float64(hits) / float64(total)
	}
	return r
}

// Report is the outcome of scoring predictions against gold events.
type Report struct {
	// Recall is matched required gold events over required gold events.
	Recall Ratio `json:"recall"`
	// Precision is predictions that match a gold event, required or
	// optional, over all predictions in the scored documents (those that
	// have gold events).
	Precision Ratio   `json:"precision"`
	F1        float64 `json:"f1"`
	// CAMEO is matches whose full code is among the gold's accepted codes,
	// over matches.
	CAMEO Ratio `json:"cameo"`
	// Date is matches with the gold's date at the gold's precision, over
	// matches whose gold gives a date.
	Date Ratio `json:"date"`
	// Location is matches in the gold's country within MaxLocationKm of
	// it, over matches whose gold gives a location.
	Location Ratio `json:"location"`
	// Optional is matched optional gold events over optional ones; it
	// counts toward neither recall nor precision's denominator.
	Optional Ratio `json:"optional"`

	Matches        []Match        `json:"matches"`
	Missed         []Miss         `json:"missed"`          // required gold events with no match, in gold order
	MissedOptional []Miss         `json:"missed_optional"` // optional ones, in gold order
	FalseAlarms    []parley.Event `json:"false_alarms"`    // predictions in scored documents that matched nothing
	// Uncoded lists gold documents absent from the documents given to
	// Score (when any were given): all their events are missed.
	Uncoded []string `json:"uncoded,omitempty"`
}

// Match is a gold event and the prediction assigned to it.
type Match struct {
	Gold  Gold         `json:"gold"`
	Event parley.Event `json:"event"`
	// CAMEO is whether the event's full code is among the gold's.
	CAMEO bool `json:"cameo"`
	// Date and Location are nil when the gold gives none.
	Date     *bool `json:"date,omitempty"`
	Location *bool `json:"location,omitempty"`
}

// Miss is a gold event no prediction was assigned to, with the predictions
// whose sentence holds the gold sentence (assigned elsewhere or rejected for
// their root or actors), to show what the coder did instead.
type Miss struct {
	Gold Gold           `json:"gold"`
	Near []parley.Event `json:"near,omitempty"`
	// Text is the whole sentence that holds the gold sentence, when the
	// document was given to Score and holds it.
	Text string `json:"text,omitempty"`
}

// Score matches predictions to gold events and computes the figures of the
// gold format's scoring rules.
//
// A prediction can match a gold event when it is in the same document, its
// sentence text contains the gold sentence (both with curly quotes folded to
// straight ones and runs of white space to one space), its root (or, if it
// has none, its code's first two digits) is among the gold's, and its
// actors match: each gold actor list accepts a code that begins with one of
// its entries, a nil list accepts any actor or none, and a missing predicted
// actor matches only a nil list; symmetric gold events accept source and
// target swapped.
//
// Each gold event is assigned at most one prediction and each prediction at
// most one gold event, by a maximum-weight bipartite matching per document
// that prefers, in this order: more required gold events matched, more
// matches, more matches with the right full code, more with the right date
// and location. So a prediction that could match two gold events never
// costs a match that another assignment would have made.
//
// Only documents with gold events are scored; predictions for other
// documents are ignored. docs, when given, is used to list gold documents
// that were not coded and to order false alarms; it may be nil.
func Score(gold []Gold, docs []parley.Document, events []parley.Event) Report {
	var r Report

	// Gold documents in order: the order of docs, then of the gold file.
	order := make(map[string]int)
	bodies := make(map[string]string)
	for _, d := range docs {
		if _, ok := order[d.ID]; !ok {
			order[d.ID] = len(order)
			bodies[d.ID] = d.Body()
		}
	}
	goldDocs := make(map[string][]int) // doc → indexes into gold
	var docIDs []string
	for i, g := range gold {
		if _, ok := goldDocs[g.Doc]; !ok {
			docIDs = append(docIDs, g.Doc)
			if docs != nil {
				if _, ok := order[g.Doc]; !ok {
					r.Uncoded = append(r.Uncoded, g.Doc)
				}
			}
		}
		goldDocs[g.Doc] = append(goldDocs[g.Doc], i)
	}
	for _, id := range docIDs {
		if _, ok := order[id]; !ok {
			order[id] = len(order)
		}
	}
	predDocs := make(map[string][]int) // doc → indexes into events
	for i, ev := range events {
		if _, ok := goldDocs[ev.Doc]; ok {
			predDocs[ev.Doc] = append(predDocs[ev.Doc], i)
		}
	}

	goldMatch := make([]int, len(gold)) // gold → event index, or -1
	for i := range goldMatch {
		goldMatch[i] = -1
	}
	predMatched := make([]bool, len(events))
	near := make(map[int][]int) // gold → events whose sentence holds it
	for _, doc := range docIDs {
		gs, ps := goldDocs[doc], predDocs[doc]
		texts := make([]string, len(ps))
		for j, p := range ps {
			texts[j] = strings.ToLower(normalize(events[p].Text))
		}
		var pairs []pair
		for i, gi := range gs {
			g := &gold[gi]
			sent := strings.ToLower(normalize(g.Sentence)) // a gold set's text may be recased
			for j, p := range ps {
				if !strings.Contains(texts[j], sent) {
					continue
				}
				near[gi] = append(near[gi], p)
				if ev := &events[p]; rootOf(ev) != "" && slices.Contains(g.Root, rootOf(ev)) && actorsMatch(g, ev) {
					pairs = append(pairs, pair{i, j})
				}
			}
		}
		for i, j := range assignPairs(pairs, len(gs), len(ps), func(p pair) weight {
			g, ev := &gold[gs[p.gold]], &events[ps[p.pred]]
			return weight{required: g.Required, code: codeRight(g, ev), date: dateRight(g, ev), loc: locationRight(g, ev)}
		}) {
			if j >= 0 {
				goldMatch[gs[i]] = ps[j]
				predMatched[ps[j]] = true
			}
		}
	}

	var required, matchedRequired, optional, matchedOptional int
	var code, date, loc [2]int // hits, total
	for gi, g := range gold {
		if g.Required {
			required++
		} else {
			optional++
		}
		p := goldMatch[gi]
		if p < 0 {
			m := Miss{Gold: g, Text: sentenceAround(bodies[g.Doc], g.Sentence)}
			for _, e := range near[gi] {
				m.Near = append(m.Near, events[e])
			}
			if g.Required {
				r.Missed = append(r.Missed, m)
			} else {
				r.MissedOptional = append(r.MissedOptional, m)
			}
			continue
		}
		if g.Required {
			matchedRequired++
		} else {
			matchedOptional++
		}
		ev := &events[p]
		m := Match{Gold: g, Event: *ev, CAMEO: codeRight(&g, ev)}
		code[1]++
		if m.CAMEO {
			code[0]++
		}
		if g.Date != "" {
			ok := dateRight(&g, ev)
			m.Date = &ok
			date[1]++
			if ok {
				date[0]++
			}
		}
		if g.Location != nil {
			ok := locationRight(&g, ev)
			m.Location = &ok
			loc[1]++
			if ok {
				loc[0]++
			}
		}
		r.Matches = append(r.Matches, m)
	}

	var predictions, matchedPredictions int
	var alarms []int
	for _, ps := range predDocs {
		for _, p := range ps {
			predictions++
			if predMatched[p] {
				matchedPredictions++
			} else {
				alarms = append(alarms, p)
			}
		}
	}
	slices.SortFunc(alarms, func(a, b int) int {
		ea, eb := &events[a], &events[b]
		return cmp.Or(
			cmp.Compare(order[ea.Doc], order[eb.Doc]),
			cmp.Compare(ea.Sentence, eb.Sentence),
			cmp.Compare(ea.Span[0], eb.Span[0]),
			cmp.Compare(a, b),
		)
	})
	for _, p := range alarms {
		r.FalseAlarms = append(r.FalseAlarms, events[p])
	}

	r.Recall = ratio(matchedRequired, required)
	r.Precision = ratio(matchedPredictions, predictions)
	if sum := r.Recall.Rate + r.Precision.Rate; sum > 0 {
		r.F1 = 2 * r.Recall.Rate * r.Precision.Rate / sum
	}
	r.CAMEO = ratio(code[0], code[1])
	r.Date = ratio(date[0], date[1])
	r.Location = ratio(loc[0], loc[1])
	r.Optional = ratio(matchedOptional, optional)
	return r
}

// normalize folds curly quotes to straight ones and runs of white space to
// one space, so that a gold sentence copied from an article matches however
// the coder's sentence text was quoted or wrapped.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range s {
		switch c {
		case '‘', '’':
			c = '\''
		case '“', '”':
			c = '"'
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
}

// sentenceAround returns the sentence of body that holds sub, both
// normalized, cut at the nearest sentence end (". ", "! ", "? ") or line
// break on each side; "" when body does not hold sub. It is for people to
// read, not for scoring.
func sentenceAround(body, sub string) string {
	sub = normalize(sub)
	if sub == "" {
		return ""
	}
	for line := range strings.SplitSeq(body, "\n") {
		line = normalize(line)
		i := strings.Index(line, sub)
		if l := strings.ToLower(line); i < 0 && len(l) == len(line) {
			i = strings.Index(l, strings.ToLower(sub))
		}
		if i < 0 {
			continue
		}
		start, stop := 0, len(line)
		for _, end := range []string{". ", "! ", "? "} {
			if j := strings.LastIndex(line[:i], end); j >= 0 {
				start = max(start, j+2)
			}
			if j := strings.Index(line[i+len(sub):], end); j >= 0 {
				stop = min(stop, i+len(sub)+j+1)
			}
		}
		return line[start:stop]
	}
	return ""
}

// rootOf is the event's root code, taken from its full code when the root is
// not set.
func rootOf(ev *parley.Event) string {
	if ev.Root != "" {
		return ev.Root
	}
	if len(ev.CAMEO) >= 2 {
		return ev.CAMEO[:2]
	}
	return ""
}

func actorsMatch(g *Gold, ev *parley.Event) bool {
	if actorMatch(g.Source, ev.Source) && actorMatch(g.Target, ev.Target) {
		return true
	}
	return g.Symmetric && actorMatch(g.Source, ev.Target) && actorMatch(g.Target, ev.Source)
}

// actorMatch reports whether a predicted actor fits a gold list: nil
// accepts anything, including no actor; otherwise the actor's code must
// begin with one of the list's codes.
func actorMatch(want []string, got *parley.Actor) bool {
	if len(want) == 0 {
		return true
	}
	if got == nil || got.Code == "" {
		return false
	}
	code := strings.ToUpper(got.Code)
	for _, w := range want {
		if strings.HasPrefix(code, strings.ToUpper(w)) {
			return true
		}
	}
	return false
}

func codeRight(g *Gold, ev *parley.Event) bool {
	return slices.Contains(g.CAMEO, ev.CAMEO)
}

// precisionRank orders date precisions from coarse to fine; a document date
// counts as a day.
func precisionRank(p string) int {
	switch p {
	case parley.PrecisionYear:
		return 1
	case parley.PrecisionMonth:
		return 2
	}
	return 3
}

// dateRight reports whether the event's date, cut to the gold's precision,
// is the gold's date, and the event claims at least that precision (a date
// known to the year only cannot be right to the month). It is false when the
// gold gives no date.
func dateRight(g *Gold, ev *parley.Event) bool {
	if g.Date == "" {
		return false
	}
	return strings.HasPrefix(ev.Date, g.Date) &&
		precisionRank(ev.DatePrecision) >= precisionRank(g.DatePrecision)
}

// locationRight reports whether the event's location is in the gold's
// country and within MaxLocationKm of it. It is false when the gold gives no
// location.
func locationRight(g *Gold, ev *parley.Event) bool {
	if g.Location == nil || ev.Location == nil {
		return false
	}
	return strings.EqualFold(g.Location.Country, ev.Location.Country) &&
		DistanceKm(*g.Location, *ev.Location) <= MaxLocationKm
}

// DistanceKm is the great-circle distance between two locations, by the
// haversine formula on a sphere of the Earth's mean radius.
func DistanceKm(a, b parley.Location) float64 {
	const earthKm = 6371.0088
	rad := func(deg float64) float64 { return deg * math.Pi / 180 }
	dLat := rad(b.Lat - a.Lat)
	dLon := rad(b.Lon - a.Lon)
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(rad(a.Lat))*math.Cos(rad(b.Lat))*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Sqrt(math.Min(1, h)))
}
