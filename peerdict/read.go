package peerdict

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// line is one meaningful line of a dictionary file, comments removed.
type line struct {
	text string
	pos  Pos
}

// lines reads r into lines without comments: "; ..." and "# ..." to the end
// of the line, lines opening with "<!" (PETRARCH's XML-style comments) and
// TABARI's "~~FINISH" trailer. Blank lines are kept as "" so that entries
// can end on them.
func lines(r io.Reader, file string) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	var out []line
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "<!") || strings.HasPrefix(t, "~~") {
			out = append(out, line{"", Pos{file, n}})
			continue
		}
		t = stripComment(t)
		// Spreadsheet exports quote whole lines.
		if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
			t = strings.TrimSpace(t[1 : len(t)-1])
		} else if strings.Count(t, `"`) == 2 && strings.HasPrefix(strings.TrimSpace(t[strings.IndexByte(t, '"'):]), `"[`) {
			t = strings.ReplaceAll(t, `"`, " ")
			t = stripComment(strings.TrimSpace(t))
		}
		out = append(out, line{t, Pos{file, n}})
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read %s: %w", file, err)
	}
	return out, nil
}

func stripComment(t string) string {
	if strings.HasPrefix(t, "#") {
		return ""
	}
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = t[:i]
	}
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#':
			if depth <= 0 {
				return strings.TrimSpace(t[:i])
			}
		}
	}
	return strings.TrimSpace(t)
}

func bad(p Pos, format string, args ...any) error {
	return &Error{File: p.File, Line: p.Line, Msg: fmt.Sprintf(format, args...)}
}

// ReadActors reads an actors file into d. Entries are
//
//	NAME [CODE] [CODE >YYMMDD] ...
//	NAME
//	+SYNONYM
//	    [CODE <YYMMDD]
//	    [CODE]
//
// plus TABARI's <NOUN> and <ADJECTIVE> sections. Codes with a tilde are
// agents. It returns one error per entry it could not read.
func ReadActors(r io.Reader, file string, d *Dict) []error {
	ls, err := lines(r, file)
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	var cur *Actor
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			errs = append(errs, bad(cur.Pos, "actor %s has no code", cur.Names[0]))
		} else if isAgentCode(cur.Codes[0].Code) {
			d.Agents = append(d.Agents, &Agent{Names: cur.Names, Code: cur.Codes[0].Code, Pos: cur.Pos})
		} else {
			d.Actors = append(d.Actors, cur)
		}
		cur = nil
	}
	section := ""
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		switch strings.ToUpper(t) {
		case "<NOUN>", "<ADJECTIVE>":
			flush()
			section = strings.ToUpper(t)
			continue
		case "</NOUN>", "</ADJECTIVE>":
			section = ""
			continue
		}
		if section != "" {
			w := strings.ToUpper(strings.Fields(t)[0])
			if section == "<NOUN>" {
				d.Nouns[w] = true
			} else {
				d.Adjectives[w] = true
			}
			continue
		}
		switch t[0] {
		case '+':
			if cur == nil {
				errs = append(errs, bad(l.pos, "synonym %q outside an actor entry", t))
				continue
			}
			name, codes, err := splitEntry(t[1:])
			if err != nil {
				errs = append(errs, bad(l.pos, "%v", err))
				continue
			}
			p, err := ParsePhrase(name)
			if err != nil || len(p) == 0 {
				errs = append(errs, bad(l.pos, "bad synonym %q", t))
				continue
			}
			cur.Names = append(cur.Names, wholeWords(p, d.Format))
			cur.Codes = append(cur.Codes, codes...)
		case '[':
			if cur == nil {
				errs = append(errs, bad(l.pos, "code %q outside an actor entry", t))
				continue
			}
			codes, err := ParseCodes(t)
			if err != nil {
				errs = append(errs, bad(l.pos, "%v", err))
				continue
			}
			cur.Codes = append(cur.Codes, codes...)
		default:
			flush()
			name, codes, err := splitEntry(t)
			if err != nil {
				errs = append(errs, bad(l.pos, "%v", err))
				continue
			}
			p, err := ParsePhrase(name)
			if err != nil || len(p) == 0 {
				errs = append(errs, bad(l.pos, "bad actor name %q", name))
				continue
			}
			cur = &Actor{Names: []Phrase{wholeWords(p, d.Format)}, Codes: codes, Pos: l.pos}
		}
	}
	flush()
	return errs
}

func isAgentCode(c string) bool { return strings.Contains(c, "~") }

// splitEntry splits "NAME [codes]" at the first bracket.
func splitEntry(t string) (string, []DatedCode, error) {
	i := strings.IndexByte(t, '[')
	if i < 0 {
		return strings.TrimSpace(t), nil, nil
	}
	codes, err := ParseCodes(t[i:])
	if err != nil {
		return "", nil, fmt.Errorf("%q: %w", t, err)
	}
	return strings.TrimSpace(t[:i]), codes, nil
}

// ReadAgents reads an agents file into d: TABARI's "NAME_ [~GOV]" and
// PETRARCH's "NAME {PLURALS} [~GOV]" with "!SUB! = A, B" substitutions.
// Without braces a PETRARCH agent also matches its regular plural.
func ReadAgents(r io.Reader, file string, d *Dict) []error {
	ls, err := lines(r, file)
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	subs := map[string][]string{}
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		if eq := strings.IndexByte(t, '='); t[0] == '!' && eq > 0 && !strings.Contains(t[:eq], "[") {
			name, vals, ok := strings.Cut(t, "=")
			name = strings.TrimSpace(name)
			if !ok || len(name) < 3 || !strings.HasSuffix(name, "!") {
				errs = append(errs, bad(l.pos, "bad substitution %q", t))
				continue
			}
			for _, v := range strings.Split(vals, ",") {
				if v = strings.TrimSpace(v); v != "" {
					subs[strings.ToUpper(name)] = append(subs[strings.ToUpper(name)], strings.ToUpper(v))
				}
			}
			continue
		}
		i := strings.IndexByte(t, '[')
		if i < 0 {
			errs = append(errs, bad(l.pos, "agent %q has no code", t))
			continue
		}
		codes, err := ParseCodes(t[i:])
		if err != nil || len(codes) == 0 {
			errs = append(errs, bad(l.pos, "agent %q: bad code", t))
			continue
		}
		if !isAgentCode(codes[0].Code) {
			errs = append(errs, bad(l.pos, "agent code %q has no ~", codes[0].Code))
			continue
		}
		head := strings.TrimSpace(t[:i])
		var plurals []string
		explicit := false
		if j := strings.IndexByte(head, '{'); j >= 0 {
			k := strings.IndexByte(head, '}')
			if k < j {
				errs = append(errs, bad(l.pos, "unclosed { in %q", t))
				continue
			}
			explicit = true
			plurals = strings.Fields(head[j+1 : k])
			head = strings.TrimSpace(head[:j])
		}
		names := expandSubs(strings.ToUpper(head), subs)
		if !explicit && d.Format == PETRARCH {
			for _, n := range names {
				plurals = append(plurals, plural(n))
			}
		}
		names = append(names, plurals...)
		a := &Agent{Code: strings.ToUpper(codes[0].Code), Pos: l.pos}
		for _, n := range names {
			p, err := ParsePhrase(n)
			if err != nil || len(p) == 0 {
				errs = append(errs, bad(l.pos, "bad agent name %q", n))
				continue
			}
			if d.Format == PETRARCH {
				p[len(p)-1].Exact = true
			}
			a.Names = append(a.Names, p)
		}
		if len(a.Names) > 0 {
			d.Agents = append(d.Agents, a)
		}
	}
	return errs
}

func expandSubs(s string, subs map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	vals, ok := subs[key]
	if !ok {
		return []string{s}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandSubs(s[:i]+v+s[i+j+2:], subs)...)
	}
	return out
}

// plural makes the regular English plural of the last word of a phrase.
func plural(s string) string {
	s = strings.TrimRight(s, "_")
	switch {
	case strings.HasSuffix(s, "Y") && len(s) > 1 && !strings.ContainsRune("AEIOU", rune(s[len(s)-2])):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(s, "S"), strings.HasSuffix(s, "X"), strings.HasSuffix(s, "CH"), strings.HasSuffix(s, "SH"):
		return s + "ES"
	case strings.HasSuffix(s, "MAN"):
		return s[:len(s)-3] + "MEN"
	}
	return s + "S"
}

// ReadDiscards reads a PETRARCH discards file: one phrase a line, "+" for
// phrases that discard the whole story.
func ReadDiscards(r io.Reader, file string, d *Dict) []error {
	ls, err := lines(r, file)
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	for _, l := range ls {
		t := l.text
		if t == "" {
			continue
		}
		story := false
		if t[0] == '+' {
			story, t = true, strings.TrimSpace(t[1:])
		}
		if i := strings.IndexByte(t, '['); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		p, err := ParsePhrase(t)
		if err != nil || len(p) == 0 {
			errs = append(errs, bad(l.pos, "bad discard %q", l.text))
			continue
		}
		d.Discards = append(d.Discards, &Discard{Words: p, Story: story, Pos: l.pos})
	}
	return errs
}

// Kind names a dictionary file's role.
type Kind string

const (
	KindActors   Kind = "actors"
	KindAgents   Kind = "agents"
	KindVerbs    Kind = "verbs"
	KindDiscards Kind = "discards"
)

// ReadFile reads one dictionary file of the given kind into d.
func ReadFile(path string, kind Kind, d *Dict) ([]error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s dictionary: %w", kind, err)
	}
	defer f.Close()
	switch kind {
	case KindActors:
		return ReadActors(f, path, d), nil
	case KindAgents:
		return ReadAgents(f, path, d), nil
	case KindVerbs:
		return ReadVerbs(f, path, d), nil
	case KindDiscards:
		return ReadDiscards(f, path, d), nil
	}
	return nil, fmt.Errorf("unknown dictionary kind %q", kind)
}

// GuessKind names a file's kind from its name: "...actors...", "...verbs...".
func GuessKind(path string) (Kind, bool) {
	low := strings.ToLower(path)
	if i := strings.LastIndexByte(low, '/'); i >= 0 {
		low = low[i+1:]
	}
	for _, k := range []Kind{KindAgents, KindActors, KindDiscards, KindVerbs} {
		if strings.Contains(low, string(k)) || strings.Contains(low, strings.TrimSuffix(string(k), "s")) {
			return k, true
		}
	}
	if strings.Contains(low, "verbpattern") || strings.Contains(low, "cameo.2.0") {
		return KindVerbs, true
	}
	return "", false
}

// wholeWords makes a PETRARCH phrase match whole, adjacent words: PETRARCH
// neither stems actor names nor lets words come between theirs.
func wholeWords(p Phrase, f Format) Phrase {
	if f != PETRARCH {
		return p
	}
	for i := range p {
		p[i].Exact = true
		if i > 0 {
			p[i].Adjacent = true
		}
	}
	return p
}
