// Package actors loads parley's actor dictionaries and finds the actors
// mentioned in a document's sentences.
//
// Four kinds of entry are read from an fs.FS laid out as docs/dictionaries.md
// describes: countries (names, adjectives, capitals), generic agents by
// sector, named groups, and people with dated roles. Find matches them in a
// sentence's tokens (longest match first), joins neighbouring matches into
// actor phrases ("Afghan President Ashraf Ghani"), and resolves the few
// references a reader resolves from context: "the group", "he", and agents
// without a country ("the government" in an article about Afghanistan).
package actors

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
	"unicode"

	"parley/internal/dictfile"
	"parley/internal/wordset"
)

// Kind is what a dictionary entry names.
type Kind int

// Entry kinds.
const (
	Country Kind = iota + 1
	Adjective
	Capital
	Agent
	Group
	Person
)

func (k Kind) String() string {
	return [...]string{"", "country", "adjective", "capital", "agent", "group", "person"}[k]
}

// Role is a code a person holds between two dates (YYYY-MM-DD, either may be
// empty for an open end).
type Role struct {
	Code     string
	From, To string
}

// Entry is one name of one dictionary entry.
type Entry struct {
	Kind    Kind
	Name    string // as written in the dictionary
	Code    string // full code (countries: ISO3; agents: sector)
	Country string
	Sector  string
	Roles   []Role // people only
	Where   string // file:line
}

// CodeAt returns a person's code on date (YYYY-MM-DD), else e.Code.
func (e *Entry) CodeAt(date string) string {
	if e.Kind != Person {
		return e.Code
	}
	def := ""
	for _, r := range e.Roles {
		if r.From == "" && r.To == "" {
			if def == "" {
				def = r.Code
			}
			continue
		}
		if (r.From == "" || r.From <= date) && (r.To == "" || date < r.To) {
			return r.Code
		}
	}
	if def != "" {
		return def
	}
	if len(e.Roles) > 0 {
		return e.Roles[len(e.Roles)-1].Code
	}
	return e.Code
}

type phrase struct {
	words []string // normalized units
	exact []bool   // word must match case-sensitively (short all-caps abbreviations)
	entry *Entry
}

// Dictionary is a loaded set of actor dictionaries. It is read-only after
// Load and safe for concurrent use.
type Dictionary struct {
	first     map[string][]*phrase
	trie      map[string]*node  // the phrases by their words, for matching
	starts    wordset.Filter    // the trie's first words
	countries map[string]*Entry // ISO3 → the country's first name entry
	entries   int
}

// Files are the files Load reads, relative to the root of its fs.FS.
var Files = []string{"actors/countries.txt", "actors/agents.txt", "actors/groups.txt", "actors/people.txt"}

// Load reads the actor dictionaries from fsys. Lines that cannot be read are
// returned as errors naming file and line; the rest are loaded. The error
// return is for files that cannot be read at all.
func Load(fsys fs.FS) (*Dictionary, []error, error) {
	d := &Dictionary{first: map[string][]*phrase{}, countries: map[string]*Entry{}}
	var bad []error
	for _, name := range Files {
		lines, err := dictfile.Read(fsys, name)
		if err != nil {
			return nil, bad, err
		}
		for _, l := range lines {
			if err := d.addLine(name, l); err != nil {
				bad = append(bad, err)
			}
		}
	}
	for _, list := range d.first {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	d.trie = map[string]*node{}
	for _, list := range d.first {
		for _, p := range list {
			d.trie = p.insert(d.trie)
		}
	}
	for w := range d.trie {
		d.starts.Add(w)
	}
	return d, bad, nil
}

// node is a word of the phrase trie: the phrases that end at it, in the
// dictionary's order, and the words that may follow.
type node struct {
	ends []*phrase
	next map[string]*node
}

// insert adds p to the trie under root and returns root.
func (p *phrase) insert(root map[string]*node) map[string]*node {
	level := root
	var n *node
	for j, w := range p.words {
		n = level[w]
		if n == nil {
			n = &node{}
			level[w] = n
		}
		if j+1 < len(p.words) {
			if n.next == nil {
				n.next = map[string]*node{}
			}
			level = n.next
		}
	}
	n.ends = append(n.ends, p)
	return root
}

// longest returns the first phrase, longest first and then in the
// dictionary's order, whose words are the norms of the units at the start
// of us and which ok accepts, or nil.
func (d *Dictionary) longest(us []unit, ok func(p *phrase) bool) *phrase {
	if !d.starts.May(us[0].norm) {
		return nil
	}
	n := d.trie[us[0].norm]
	if n == nil {
		return nil
	}
	var buf [16]*node
	path := append(buf[:0], n)
	for j := 1; j < len(us) && n.next != nil; j++ {
		if n = n.next[us[j].norm]; n == nil {
			break
		}
		path = append(path, n)
	}
	for k := len(path) - 1; k >= 0; k-- {
		for _, p := range path[k].ends {
			if ok(p) {
				return p
			}
		}
	}
	return nil
}

// Len returns the number of names loaded.
func (d *Dictionary) Len() int { return d.entries }

// IsCountry reports whether code is a country code of the dictionary.
func (d *Dictionary) IsCountry(code string) bool { return d.countries[code] != nil }

func (d *Dictionary) addLine(file string, l dictfile.Line) error {
	where := fmt.Sprintf("%s:%d", l.File, l.Number)
	switch file {
	case "actors/countries.txt":
		if len(l.Fields) != 4 {
			return l.Errorf("want 4 fields (ISO3 | names | adjectives | capitals), have %d", len(l.Fields))
		}
		iso := l.Fields[0]
		if !isCode(iso) || len(iso) != 3 {
			return l.Errorf("bad country code %q", iso)
		}
		for i, kind := range []Kind{Country, Adjective, Capital} {
			for _, name := range l.Items(i + 1) {
				e := &Entry{Kind: kind, Name: name, Code: iso, Country: iso, Where: where}
				if kind == Capital {
					e.Code, e.Sector = iso+"GOV", "GOV"
				}
				if kind == Country && d.countries[iso] == nil {
					d.countries[iso] = e
				}
				d.add(e)
			}
		}
	case "actors/agents.txt":
		if len(l.Fields) != 2 || !isCode(l.Fields[0]) {
			return l.Errorf("want SECTOR | phrases")
		}
		for _, name := range l.Items(1) {
			d.add(&Entry{Kind: Agent, Name: name, Code: l.Fields[0], Sector: l.Fields[0], Where: where})
		}
	case "actors/groups.txt":
		if len(l.Fields) != 2 || !isCode(l.Fields[0]) {
			return l.Errorf("want CODE | names")
		}
		code := l.Fields[0]
		for _, name := range l.Items(1) {
			d.add(&Entry{Kind: Group, Name: name, Code: code, Where: where})
		}
	case "actors/people.txt":
		if len(l.Fields) != 2 {
			return l.Errorf("want names | roles")
		}
		var roles []Role
		for _, it := range l.Items(1) {
			r, err := parseRole(it)
			if err != nil {
				return l.Errorf("%v", err)
			}
			roles = append(roles, r)
		}
		if len(roles) == 0 {
			return l.Errorf("no roles")
		}
		for _, name := range l.Items(0) {
			d.add(&Entry{Kind: Person, Name: name, Code: roles[0].Code, Roles: roles, Where: where})
		}
	}
	return nil
}

// finish fills in country and sector of group codes once countries are known.
func (d *Dictionary) splitCode(e *Entry) {
	code := e.Code
	if e.Kind == Person {
		return
	}
	if e.Kind == Group && len(code) >= 3 {
		if nonState[code[:3]] {
			e.Sector = code[:3]
			return
		}
		e.Country = code[:3]
		if len(code) >= 6 {
			e.Sector = code[3:6]
		}
	}
}

func (d *Dictionary) add(e *Entry) {
	d.splitCode(e)
	words, exact := phraseUnits(e.Name)
	if len(words) == 0 {
		return
	}
	d.entries++
	d.first[words[0]] = append(d.first[words[0]], &phrase{words: words, exact: exact, entry: e})
}

// Country returns the country and sector parts of a code such as AFGGOV.
func (d *Dictionary) Split(code string) (country, sector string) {
	if len(code) >= 3 && d.countries[code[:3]] != nil {
		country = code[:3]
		if len(code) >= 6 {
			sector = code[3:6]
		}
		return country, sector
	}
	if len(code) >= 3 {
		return "", code[:3]
	}
	return "", code
}

func parseRole(s string) (Role, error) {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 2 || !isCode(f[0]) {
		return Role{}, fmt.Errorf("bad role %q: want CODE or CODE FROM..TO", s)
	}
	r := Role{Code: f[0]}
	if len(f) == 1 {
		return r, nil
	}
	from, to, ok := strings.Cut(f[1], "..")
	if !ok {
		return Role{}, fmt.Errorf("bad role dates %q: want FROM..TO", f[1])
	}
	var err error
	if r.From, err = fullDate(from, false); err != nil {
		return Role{}, err
	}
	if r.To, err = fullDate(to, true); err != nil {
		return Role{}, err
	}
	return r, nil
}

// fullDate expands YYYY or YYYY-MM to a day; an end date of a year or month
// means its last day, as an exclusive bound the day after.
func fullDate(s string, end bool) (string, error) {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if s != "" {
		if _, err := time.Parse(layout, s); layout == "" || err != nil {
			return "", fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
	}
	switch len(s) {
	case 0:
		return "", nil
	case 4:
		if end {
			return fmt.Sprintf("%04d-01-01", atoi(s)+1), nil
		}
		return s + "-01-01", nil
	case 7:
		if end {
			y, m := atoi(s[:4]), atoi(s[5:7])+1
			if m > 12 {
				y, m = y+1, 1
			}
			return fmt.Sprintf("%04d-%02d-01", y, m), nil
		}
		return s + "-01", nil
	case 10:
		return s, nil
	}
	return "", fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func isCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// phraseUnits splits a dictionary name into matching units the way unitsOf
// splits text: on spaces and hyphens, dots and apostrophes dropped.
func phraseUnits(name string) (words []string, exact []bool) {
	for _, w := range casedUnits(name) {
		words = append(words, strings.ToLower(w))
		exact = append(exact, isAbbrev(w))
	}
	return words, exact
}

// casedUnits splits a dictionary name into its matching units, keeping
// their case: "U.S.-backed" gives "US" and "backed", "People's" gives
// "People" and "'s". phraseUnits lowers them; Truecase copies their case.
func casedUnits(name string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' }) {
		if base, ok := strings.CutSuffix(strings.ReplaceAll(f, "’", "'"), "'s"); ok && base != "" {
			out = append(out, stripUnit(base), "'s")
			continue
		}
		if w := stripUnit(f); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// stripUnit drops dots and apostrophes (U.S. → US, Workers' → Workers) and
// folds curly apostrophes.
func stripUnit(s string) string {
	if !strings.ContainsAny(s, ".'’") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '.' || r == '\'' || r == '’' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isAbbrev reports whether w is a short all-capitals abbreviation (US, UN,
// EU), which must match case-sensitively so "us" and "is" don't.
func isAbbrev(w string) bool {
	if len(w) > 5 || len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
