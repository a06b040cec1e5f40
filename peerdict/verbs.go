package peerdict

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadVerbs reads a verbs file into d.
//
// TABARI: <SYNSETS> (&NAME then +MEMBER lines), <TIME> shifts, verb lines
// "VERB [code]" with an optional "{ FORM FORM }" line, and pattern lines
// "- WORDS * WORDS [code]".
//
// PETRARCH: "&NAME"/"+MEMBER" synsets, "--- NAME [code] ---" groups whose
// verb lines ("VERB", "+VERB", "WORD_+VERB [code]", "VERB {FORMS}") share the
// group's patterns.
func ReadVerbs(r io.Reader, file string, d *Dict) []error {
	ls, err := lines(r, file)
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	section := ""
	synset := ""      // synset being read
	var group []*Verb // PETRARCH: verbs sharing the patterns that follow
	groupCode := ""   // PETRARCH: the group's code
	var last *Verb    // TABARI: the verb patterns attach to
	var lastTime *TimeShift
	addPattern := func(p Pattern) {
		if d.Format == PETRARCH {
			for _, v := range group {
				v.Patterns = append(v.Patterns, p)
			}
			return
		}
		last.Patterns = append(last.Patterns, p)
	}
	for _, l := range ls {
		t := l.text
		if t == "" {
			synset = ""
			continue
		}
		up := strings.ToUpper(t)
		switch up {
		case "<SYNSETS>", "<TIME>":
			section = up
			continue
		case "</SYNSETS>", "</TIME>":
			section, synset = "", ""
			continue
		}
		switch {
		case t[0] == '&':
			name := strings.ToUpper(strings.Fields(t)[0])
			if len(name) < 2 {
				errs = append(errs, bad(l.pos, "synset without a name"))
				continue
			}
			synset = name
			if _, ok := d.Synsets[name]; !ok {
				d.Synsets[name] = nil
			}
			continue
		case t[0] == '+' && synset != "":
			p, err := ParsePhrase(strings.TrimSpace(t[1:]))
			if err != nil || len(p) == 0 {
				errs = append(errs, bad(l.pos, "bad synset member %q", t))
				continue
			}
			d.Synsets[synset] = append(d.Synsets[synset], p)
			continue
		}
		synset = ""
		if section == "<SYNSETS>" {
			errs = append(errs, bad(l.pos, "line %q in <SYNSETS> is neither &NAME nor +MEMBER", t))
			continue
		}
		if section == "<TIME>" {
			ts, err := parseTime(t, l.pos)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if strings.HasPrefix(t, "-") {
				if lastTime == nil {
					errs = append(errs, bad(l.pos, "time pattern before any time phrase"))
					continue
				}
				// "- * AND TOMORROW": * stands for the phrase above.
				var w Phrase
				for _, x := range ts.Words {
					if x.Text == "*" {
						w = append(w, lastTime.Words...)
					} else {
						w = append(w, x)
					}
				}
				ts.Words = w
				d.Time = append(d.Time, ts)
				continue
			}
			d.Time = append(d.Time, ts)
			lastTime = &d.Time[len(d.Time)-1]
			continue
		}
		switch {
		case strings.HasPrefix(t, "---") && d.Format == PETRARCH:
			inner := strings.Trim(t, "- ")
			_, codes, err := splitVerbCode(inner)
			if err != nil {
				errs = append(errs, bad(l.pos, "%v", err))
				group, groupCode = nil, ""
				continue
			}
			group, groupCode = nil, codes
		case t[0] == '-':
			if (d.Format == PETRARCH && len(group) == 0) || (d.Format == TABARI && last == nil) {
				errs = append(errs, bad(l.pos, "pattern before any verb"))
				continue
			}
			words, code, err := splitVerbCode(strings.TrimSpace(t[1:]))
			if err != nil {
				errs = append(errs, bad(l.pos, "%v", err))
				continue
			}
			if code == "" {
				errs = append(errs, bad(l.pos, "pattern %q has no [code]", t))
				continue
			}
			p, err := ParsePhrase(words)
			if err != nil {
				errs = append(errs, bad(l.pos, "%v", err))
				continue
			}
			if err := checkPattern(p, d); err != nil {
				errs = append(errs, bad(l.pos, "pattern %q: %v", words, err))
				continue
			}
			addPattern(Pattern{Words: p, Code: code, Pos: l.pos})
		case t[0] == '{' && d.Format == TABARI:
			if last == nil {
				errs = append(errs, bad(l.pos, "verb forms before any verb"))
				continue
			}
			end := strings.IndexByte(t, '}')
			if end < 0 {
				errs = append(errs, bad(l.pos, "unclosed { in verb forms"))
				continue
			}
			for _, f := range strings.Fields(t[1:end]) {
				f = strings.ToUpper(f)
				if !strings.HasSuffix(f, "_") && !strings.HasSuffix(f, "=") {
					last.Stems = appendForm(last.Stems, f)
					continue
				}
				last.Forms = appendForm(last.Forms, strings.Trim(f, "_="))
			}
		default:
			if t[0] == '+' {
				t = t[1:]
			}
			v, err := parseVerbLine(t, l.pos)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if d.Format == TABARI && v.Head.Exact && !v.Head.NoEndings && len(v.Forms) > 0 && v.Forms[0] == v.Head.Text {
				// TABARI's regular verb endings also include -ES and -EN
				// (DEPART_: DEPARTES, DEPARTEN)
				v.Forms = appendForm(appendForm(v.Forms, v.Head.Text+"ES"), v.Head.Text+"EN")
			}
			if d.Format == PETRARCH && !v.Head.Exact {
				// PETRARCH matches whole words: a verb and its regular forms.
				v.Head.Exact = true
				if len(v.Forms) == 1 {
					for _, f := range Inflect(v.Head.Text) {
						v.Forms = appendForm(v.Forms, f)
					}
				}
			}
			if d.Format == PETRARCH {
				if v.Code == "" {
					v.Code = groupCode
				}
				if len(group) > 0 {
					// Synonyms share the patterns read so far too.
					v.Patterns = append(v.Patterns, group[0].Patterns...)
				}
				group = append(group, v)
			}
			last = v
			d.Verbs = append(d.Verbs, v)
		}
	}
	return errs
}

// splitVerbCode splits "WORDS [code]" into words and code.
func splitVerbCode(t string) (string, string, error) {
	i := strings.LastIndexByte(t, '[')
	if i < 0 {
		return strings.TrimSpace(t), "", nil
	}
	j := strings.IndexByte(t[i:], ']')
	if j < 0 {
		return "", "", fmt.Errorf("unclosed [ in %q", t)
	}
	code := strings.ToUpper(strings.TrimSpace(t[i+1 : i+j]))
	if code == "" {
		return "", "", fmt.Errorf("empty code in %q", t)
	}
	return strings.TrimSpace(t[:i]), code, nil
}

func checkPattern(p Phrase, d *Dict) error {
	stars := 0
	var walk func(Phrase) error
	walk = func(p Phrase) error {
		for _, w := range p {
			if w.Alt != nil {
				for _, a := range w.Alt {
					if err := walk(a); err != nil {
						return err
					}
				}
				continue
			}
			if w.Text == "*" {
				stars++
			}
		}
		return nil
	}
	if err := walk(p); err != nil {
		return err
	}
	if stars > 1 {
		return fmt.Errorf("more than one *")
	}
	return nil
}

// parseVerbLine reads "VERB [code]", "BURN DOWN [222]", "KLM_NOP_+RST [002]",
// "HURRY {HURRIES HURRIED} [code]".
func parseVerbLine(t string, pos Pos) (*Verb, error) {
	words, code, err := splitVerbCode(t)
	if err != nil {
		return nil, bad(pos, "%v", err)
	}
	var given []string
	if i := strings.IndexByte(words, '{'); i >= 0 {
		j := strings.IndexByte(words, '}')
		if j < i {
			return nil, bad(pos, "unclosed { in %q", t)
		}
		given = strings.Fields(strings.ToUpper(words[i+1 : j]))
		words = strings.TrimSpace(words[:i] + " " + words[j+1:])
	}
	// "BAN=" is a whole word with its regular forms, as "BAN_".
	words = strings.TrimSpace(strings.ReplaceAll(words, "=", "_"))
	p, err := ParsePhrase(words)
	if err != nil {
		return nil, bad(pos, "%v", err)
	}
	if len(p) == 0 {
		return nil, bad(pos, "verb line %q has no verb", t)
	}
	head := 0
	for i, w := range p {
		if strings.HasPrefix(w.Text, "+") && len(w.Text) > 1 {
			head = i
			p[i].Text = w.Text[1:]
		}
	}
	for _, w := range p {
		if w.Alt != nil || isMarker(w.Text) {
			return nil, bad(pos, "verb %q: markers belong in patterns (- ... [code])", t)
		}
	}
	v := &Verb{Head: p[head], Before: append(Phrase(nil), p[:head]...), After: append(Phrase(nil), p[head+1:]...), Code: code, Pos: pos}
	v.Head.Adjacent = false
	if len(v.After) > 0 && p[head+1].Adjacent {
		v.After[0].Adjacent = true
	}
	// A verb word without a trailing underscore is a stem (RESTOR matches
	// RESTORES, RESTORED); with one it matches its regular forms, or the
	// forms given in braces instead.
	v.Forms = appendForm(v.Forms, v.Head.Text)
	if v.Head.Exact && len(given) == 0 {
		for _, f := range Inflect(v.Head.Text) {
			v.Forms = appendForm(v.Forms, f)
		}
	}
	for _, g := range given {
		v.Forms = appendForm(v.Forms, headForm(g, head))
	}
	return v, nil
}

// headForm is the head verb's word in a given form: a multi-word form
// ("+CORDONED_OFF", "WIRE_+TAPPED") names it with "+", or by its place.
func headForm(g string, head int) string {
	g = strings.Trim(g, "_")
	if !strings.Contains(g, "_") {
		return strings.TrimPrefix(g, "+")
	}
	ws := strings.Split(g, "_")
	for _, w := range ws {
		if strings.HasPrefix(w, "+") && len(w) > 1 {
			return w[1:]
		}
	}
	if head < len(ws) {
		return ws[head]
	}
	return ws[0]
}

func appendForm(fs []string, f string) []string {
	for _, x := range fs {
		if x == f {
			return fs
		}
	}
	return append(fs, f)
}

// Inflect makes the regular forms of an English verb: -S, -ED, -ING, with
// the usual spelling changes (RELEASE/RELEASING, CARRY/CARRIED, STOP/STOPPED).
func Inflect(v string) []string {
	if len(v) < 2 {
		return nil
	}
	last := v[len(v)-1]
	prev := v[len(v)-2]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	var out []string
	switch {
	case last == 'E':
		out = append(out, v+"S", v+"D", v[:len(v)-1]+"ING")
	case last == 'Y' && !vowel(prev):
		out = append(out, v[:len(v)-1]+"IES", v[:len(v)-1]+"IED", v+"ING")
	case last == 'S' || last == 'X' || last == 'Z' || strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "SH"):
		out = append(out, v+"ES", v+"ED", v+"ING")
	case !vowel(last) && last != 'W' && last != 'Y' && last != 'X' && vowel(prev) && len(v) >= 3 && !vowel(v[len(v)-3]) && syllables(v) == 1:
		// one syllable ending consonant-vowel-consonant: BAN, BANNED
		out = append(out, v+"S", v+string(last)+"ED", v+string(last)+"ING")
	default:
		out = append(out, v+"S", v+"ED", v+"ING")
	}
	return out
}

// syllables counts a word's groups of vowels.
func syllables(w string) int {
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := strings.IndexByte("AEIOUY", w[i]) >= 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

func parseTime(t string, pos Pos) (TimeShift, error) {
	body := strings.TrimSpace(strings.TrimPrefix(t, "-"))
	words, code, err := splitVerbCode(body)
	if err != nil || code == "" {
		return TimeShift{}, bad(pos, "time entry %q needs [shift]", t)
	}
	p, err := ParsePhrase(words)
	if err != nil || len(p) == 0 {
		return TimeShift{}, bad(pos, "bad time phrase %q", t)
	}
	ts := TimeShift{Words: p, Pos: pos}
	c := strings.ReplaceAll(code, " ", "")
	switch c {
	case "###", "+++", "---":
		ts.Code = c
	default:
		n, err := strconv.Atoi(strings.TrimPrefix(c, "+"))
		if err != nil {
			return TimeShift{}, bad(pos, "time shift %q is not a number of days", code)
		}
		ts.Days = n
	}
	return ts, nil
}
