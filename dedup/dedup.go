// Package dedup finds the reports of one real event across articles,
// sources and days, and gives exact keys for duplicate documents. It is a
// set of pure functions: no I/O, no clock, no randomness, so the same
// mentions always give the same clusters, whatever order they come in.
//
// Two mentions are linked when
//   - they have the same block key (Key): the same CAMEO root, the same
//     negation, and the same dyad (source and target actor codes, where a
//     bare country code counts as its government, RUS as RUSGOV; for
//     consultations, root 04, in either order, since "A met B" and "B met
//     A" report one meeting);
//   - their dates are within Options.WindowDays of each other, where a date
//     of month or year precision covers its whole month or year;
//   - a weak mention (no target, or a public statement, root 01) is linked
//     only to one with the same full CAMEO code and similar wording
//     (Jaccard similarity of content words at least
//     Options.MinWordOverlap);
//   - their locations are compatible: either is unknown, or both are in the
//     same country and, unless one of them is only a country or region,
//     within Options.MaxKm of each other.
//
// A cluster is a connected component of these links (single linkage). Every
// mention records the link that brought it into its cluster, so the merge
// can be explained: which mention it was linked to and why.
package dedup

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parley"
)

// Options tune what counts as the same event.
type Options struct {
	WindowDays int     // largest gap between two mentions' dates, in days
	MaxKm      float64 // largest distance between two mentions' locations
	// MinWordOverlap is the least Jaccard similarity of the content words
	// of two sentences for linking weak mentions (see weak).
	MinWordOverlap float64
}

// DefaultOptions are the options the stores use: three days (an event is
// reported the day it happens and for a day or two after) and 100 km (the
// same city, or a city and its airport or suburbs).
var DefaultOptions = Options{WindowDays: 3, MaxKm: 100, MinWordOverlap: 0.3}

// Key returns the block key of an event: mentions with different keys are
// never merged. It is root|negation|source|target, and |code for weak
// events (see weak).
func Key(e *parley.Event) string {
	src, tgt := actorCode(e.Source), actorCode(e.Target)
	if Symmetric(e.Root) && tgt != "-" && tgt < src {
		src, tgt = tgt, src
	}
	neg := "+"
	if e.Negated {
		neg = "-"
	}
	key := e.Root + "|" + neg + "|" + src + "|" + tgt
	if weak(e) {
		key += "|" + e.CAMEO // weak mentions link only with the same code
	}
	return key
}

// Symmetric reports whether events of this root are the same event with
// source and target swapped (consultations: meetings and talks).
func Symmetric(root string) bool { return root == "04" }

// actorCode is the code an actor has in a block key. A bare country code
// stands for the country's state, as its government does: "Russia
// condemned" (RUS) and "the Russian government denounced" (RUSGOV) are one
// actor, RUSGOV.
func actorCode(a *parley.Actor) string {
	if a == nil || a.Code == "" {
		return "-"
	}
	if len(a.Code) == 3 && a.Country == a.Code {
		return a.Code + "GOV"
	}
	return a.Code
}

// Outlet names a mention's information source for counting sources: the
// document's source, else its URL's host, else the document itself.
func Outlet(m *parley.Mention) string {
	if s := strings.TrimSpace(m.DocSource); s != "" {
		return strings.ToLower(s)
	}
	if u, err := url.Parse(m.DocURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "doc:" + m.Doc
}

// TextHash returns the exact duplicate key of a document's text: the
// SHA-256 of its title and text, lower-cased, with curly quotes folded to
// straight ones and every run of white space made one space.
func TextHash(d *parley.Document) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(d.Title + "\n" + d.Text) {
		switch r {
		case '\u2018', '\u2019', '\u201b':
			r = '\''
		case '\u201c', '\u201d', '\u201f':
			r = '"'
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\f' || r == '\v' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// Interval returns the days an event's date covers: one day for a day (or
// document) date, the whole month or year for coarser ones. A date that
// cannot be read falls back to the document's date; ok is false when
// neither can be read.
func Interval(m *parley.Mention) (first, last time.Time, ok bool) {
	d := m.Date
	for _, try := range []struct {
		layout string
		add    func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(try.layout, d); err == nil {
			return t, try.add(t), true
		}
	}
	if t, err := time.Parse("2006-01-02", m.DocDate); err == nil {
		return t, t, true
	}
	return time.Time{}, time.Time{}, false
}

// Cluster is one group of mentions that report the same event.
type Cluster struct {
	Key     string   // the block key shared by the members
	Members []int    // indexes into the mentions given to Group, anchor first
	Reasons []string // why each member joined, parallel to Members
	Rep     int      // index (into the mentions) of the representative mention
}

// ID returns the cluster's id: the id of its anchor mention, the earliest
// (by date, then id) in the cluster.
func (c *Cluster) ID(ms []parley.Mention) string { return ms[c.Members[0]].ID }

type item struct {
	i           int
	first, last time.Time
	words       []uint64 // sorted hashes of the content words, for weak mentions
}

// Group clusters the mentions. The result is ordered by block key, then
// anchor date and id, and does not depend on the order of ms.
func Group(ms []parley.Mention, opt Options) []Cluster {
	if opt.WindowDays < 0 {
		opt.WindowDays = 0
	}
	window := time.Duration(opt.WindowDays) * 24 * time.Hour
	items := make([]item, len(ms))
	keys := make([]string, len(ms))
	for i := range ms {
		keys[i] = Key(&ms[i].Event)
		f, l, ok := Interval(&ms[i])
		if !ok {
			f, l = time.Time{}, time.Time{}
		}
		items[i] = item{i: i, first: f, last: l}
		if weak(&ms[i].Event) {
			items[i].words = wordHashes(ms[i].Text)
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(strings.Compare(keys[a.i], keys[b.i]), a.first.Compare(b.first), a.last.Compare(b.last), strings.Compare(ms[a.i].ID, ms[b.i].ID))
	})
	var out []Cluster
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && keys[items[hi].i] == keys[items[lo].i] {
			hi++
		}
		out = append(out, block(ms, items[lo:hi], keys[items[lo].i], window, opt)...)
		lo = hi
	}
	return out
}

// block clusters the mentions of one block, which are sorted by date.
func block(ms []parley.Mention, items []item, key string, window time.Duration, opt Options) []Cluster {
	n := len(items)
	adj := make([][]int, n)
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if items[b].first.Sub(items[a].last) > window {
				break // sorted by first day: no later b is close enough to a
			}
			if _, ok := linked(ms, items[a], items[b], window, opt); ok {
				adj[a] = append(adj[a], b)
				adj[b] = append(adj[b], a)
			}
		}
	}
	seen := make([]bool, n)
	var out []Cluster
	for start := 0; start < n; start++ {
		if seen[start] {
			continue
		}
		// Breadth-first from the earliest unclustered mention; each member
		// is explained by the link that reached it first.
		c := Cluster{Key: key}
		seen[start] = true
		queue := []int{start}
		c.Members = append(c.Members, items[start].i)
		c.Reasons = append(c.Reasons, "first report")
		for len(queue) > 0 {
			a := queue[0]
			queue = queue[1:]
			for _, b := range adj[a] {
				if seen[b] {
					continue
				}
				seen[b] = true
				queue = append(queue, b)
				why, _ := linked(ms, items[a], items[b], window, opt)
				c.Members = append(c.Members, items[b].i)
				c.Reasons = append(c.Reasons, why)
			}
		}
		c.Rep = representative(ms, c.Members)
		out = append(out, c)
	}
	return out
}

// linked says whether two mentions of one block report the same event, and
// why.
func linked(ms []parley.Mention, a, b item, window time.Duration, opt Options) (string, bool) {
	ma, mb := &ms[a.i], &ms[b.i]
	gap := max(b.first.Sub(a.last), a.first.Sub(b.last), 0)
	if gap > window {
		return "", false
	}
	var loc string
	la, lb := ma.Location, mb.Location
	switch {
	case la == nil || lb == nil:
		loc = "location unknown in one report"
	case la.Country != "" && lb.Country != "" && la.Country != lb.Country:
		return "", false
	case coarse(la) || coarse(lb):
		// "in Afghanistan" and "in Kabul" can be the same place.
		loc = fmt.Sprintf("locations %s and %s in the same country", la.Name, lb.Name)
	default:
		km := Distance(la.Lat, la.Lon, lb.Lat, lb.Lon)
		if km > opt.MaxKm {
			return "", false
		}
		loc = fmt.Sprintf("locations %s and %s %.0f km apart", la.Name, lb.Name, km)
	}
	var words string
	if weak(&ma.Event) || weak(&mb.Event) {
		if ma.CAMEO != mb.CAMEO {
			return "", false
		}
		j := jaccard(a.words, b.words)
		if j < opt.MinWordOverlap {
			return "", false
		}
		words = fmt.Sprintf("; one-sided or general statement: same code %s and similar words (Jaccard %.2f)", ma.CAMEO, j)
	}
	days := int(gap / (24 * time.Hour))
	dyad := actorCode(ma.Source) + "→" + actorCode(ma.Target)
	if Symmetric(ma.Root) {
		dyad = actorCode(ma.Source) + "↔" + actorCode(ma.Target)
	}
	return fmt.Sprintf("linked to %s (doc %s): same dyad %s, root %s; dates %s and %s %d days apart (window %d); %s%s",
		ma.ID, ma.Doc, dyad, ma.Root, ma.Date, mb.Date, days, opt.WindowDays, loc, words), true
}

// weak reports whether a mention says too little to identify an event by
// dyad and root alone: it has no target, or it is a public statement (root
// 01), which a government makes many of a day. Weak mentions are linked
// only with the same full CAMEO code and similar wording.
func weak(e *parley.Event) bool {
	return e.Target == nil || e.Target.Code == "" || e.Root == "01"
}

// Jaccard is the Jaccard similarity of the sets of content words (letters
// and digits, four or more characters, lower-cased) of two texts.
func Jaccard(a, b string) float64 { return jaccard(wordHashes(a), wordHashes(b)) }

// jaccard compares two sorted, duplicate-free sets of word hashes.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func wordHashes(s string) []uint64 {
	var out []uint64
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if utf8.RuneCountInString(w) >= 4 && !stopwords[w] {
			h := fnv.New64a()
			h.Write([]byte(w))
			out = append(out, h.Sum64())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

var stopwords = map[string]bool{"that": true, "this": true, "with": true, "from": true, "have": true, "were": true,
	"said": true, "their": true, "would": true, "will": true, "which": true, "there": true, "been": true,
	"also": true, "they": true, "about": true, "after": true, "what": true, "when": true, "into": true}

// coarse reports whether a location names a country or region rather than
// a place, so that distances from its centre mean nothing.
func coarse(l *parley.Location) bool {
	return l.Precision == "country" || l.Precision == "region"
}

// Distance is the great-circle distance in km.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

func precisionRank(p string) int {
	switch p {
	case parley.PrecisionDay:
		return 0
	case parley.PrecisionDocument:
		return 1
	case parley.PrecisionMonth:
		return 2
	case parley.PrecisionYear:
		return 3
	}
	return 4
}

// representative picks the most precisely dated member, then the most
// confident, then the one with a location, then the earliest id.
func representative(ms []parley.Mention, members []int) int {
	best := members[0]
	for _, i := range members[1:] {
		a, b := &ms[i], &ms[best]
		c := cmp.Or(
			cmp.Compare(precisionRank(a.DatePrecision), precisionRank(b.DatePrecision)),
			-cmp.Compare(a.Confidence, b.Confidence),
			-cmp.Compare(boolInt(a.Location != nil), boolInt(b.Location != nil)),
			strings.Compare(a.ID, b.ID),
		)
		if c < 0 {
			best = i
		}
	}
	return best
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Build makes the deduplicated event of a cluster: the representative's
// coded fields, the counts, the first and last publication dates, and the
// reason. It also sets Cluster and DedupReason on the members.
func Build(ms []parley.Mention, c Cluster) parley.StoredEvent {
	rep := &ms[c.Rep]
	ev := parley.StoredEvent{
		ID:            c.ID(ms),
		Source:        rep.Source,
		Target:        rep.Target,
		CAMEO:         rep.CAMEO,
		Root:          rep.Root,
		QuadClass:     rep.QuadClass,
		Goldstein:     rep.Goldstein,
		PLOVER:        rep.PLOVER,
		Negated:       rep.Negated,
		Date:          rep.Date,
		DatePrecision: rep.DatePrecision,
		Location:      rep.Location,
		Confidence:    rep.Confidence,
		Text:          rep.Text,
		Doc:           rep.Doc,
		Sentence:      rep.Sentence,
		URL:           rep.DocURL,
		Rule:          rep.Rule,
	}
	outlets := map[string]bool{}
	docs := map[string]bool{}
	for k, i := range c.Members {
		m := &ms[i]
		m.Cluster = ev.ID
		m.DedupReason = c.Reasons[k]
		ev.MentionIDs = append(ev.MentionIDs, m.ID)
		outlets[Outlet(m)] = true
		docs[m.Doc] = true
		if ev.Location == nil && m.Location != nil {
			ev.Location = m.Location
		}
		if m.DocDate != "" && (ev.FirstSeen == "" || m.DocDate < ev.FirstSeen) {
			ev.FirstSeen = m.DocDate
		}
		if m.DocDate > ev.LastSeen {
			ev.LastSeen = m.DocDate
		}
	}
	ev.NumMentions, ev.NumSources, ev.NumArticles = len(c.Members), len(outlets), len(docs)
	if ev.NumMentions == 1 {
		ev.DedupReason = "single report"
	} else {
		ev.DedupReason = fmt.Sprintf("%d mentions in %d articles from %d sources with key %s (root|negation|source|target), dates within %d days of a linked mention, compatible locations; representative %s",
			ev.NumMentions, ev.NumArticles, ev.NumSources, c.Key, DefaultOptions.WindowDays, rep.ID)
	}
	return ev
}

// StartDate returns the first day an event's date covers as YYYY-MM-DD,
// for sorting and filtering ("2019-02" gives "2019-02-01").
func StartDate(date, docDate string) string {
	m := parley.Mention{Event: parley.Event{Date: date}, DocDate: docDate}
	f, _, ok := Interval(&m)
	if !ok {
		return ""
	}
	return f.Format(parley.DateLayout)
}

// Week names the week (starting Monday) of a YYYY-MM-DD date by its Monday.
func Week(day string) string {
	t, err := time.Parse(parley.DateLayout, day)
	if err != nil {
		return ""
	}
	off := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -off).Format(parley.DateLayout)
}

// Days returns the first and last day a mention's date covers (Interval)
// as YYYY-MM-DD, or "", "" when neither its date nor its document's can be
// read. Stores keep them to find the stored mentions a new one may link to.
func Days(m *parley.Mention) (first, last string) {
	f, l, ok := Interval(m)
	if !ok {
		return "", ""
	}
	return f.Format(parley.DateLayout), l.Format(parley.DateLayout)
}

// Range is an inclusive range of days, YYYY-MM-DD. From is "" when the
// range reaches back to the undated mentions (whose Days are "").
type Range struct{ From, To string }

// MaxSpanDays bounds the days an Interval covers minus one: a year.
const MaxSpanDays = 365

// Reach returns, for each block key of the mentions ms, the sorted,
// disjoint day ranges that another mention of the block must overlap with
// (its Days) to be linked to one of ms: each mention's interval widened by
// the window on both sides. A mention overlapping none of them cannot be
// linked to any of ms, so the clusters that no such mention belongs to are
// unchanged by adding ms: a store reclusters only the mentions in reach,
// with the whole clusters they belong to, and gets what Group over every
// mention would give for the clusters that change.
func Reach(ms []parley.Mention, opt Options) map[string][]Range {
	if opt.WindowDays < 0 {
		opt.WindowDays = 0
	}
	type span struct{ from, to time.Time }
	byKey := map[string][]span{}
	for i := range ms {
		f, l, _ := Interval(&ms[i]) // undated: the zero time, as in Group
		k := Key(&ms[i].Event)
		byKey[k] = append(byKey[k], span{f.AddDate(0, 0, -opt.WindowDays), l.AddDate(0, 0, opt.WindowDays)})
	}
	out := make(map[string][]Range, len(byKey))
	// Dates before this one are the undated mentions' (the zero time).
	undated := time.Time{}.AddDate(0, 0, opt.WindowDays+1)
	for k, spans := range byKey {
		slices.SortFunc(spans, func(a, b span) int { return a.from.Compare(b.from) })
		var rs []Range
		cur := spans[0]
		flush := func() {
			r := Range{From: cur.from.Format(parley.DateLayout), To: cur.to.Format(parley.DateLayout)}
			if cur.from.Before(undated) {
				r.From = ""
			}
			rs = append(rs, r)
		}
		for _, s := range spans[1:] {
			if !s.from.After(cur.to.AddDate(0, 0, 1)) {
				if s.to.After(cur.to) {
					cur.to = s.to
				}
				continue
			}
			flush()
			cur = s
		}
		flush()
		out[k] = rs
	}
	return out
}
