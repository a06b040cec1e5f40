package shallow

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"

	"parley"
	"parley/cameo"
	"parley/coding"
	"parley/nlp"
)

// DocCoder codes whole documents with a Coder: it splits them into
// sentences with parley's nlp parser and writes parley.Event records, with
// the dictionary pattern and its file:line as the rule.
type DocCoder struct {
	Coder  *Coder
	Parser *nlp.Parser
	Codes  cameo.Table // names, Goldstein scores and PLOVER for known codes
}

// Code codes one document. It is not safe to change c.Coder.Opts while
// documents are being coded.
func (c *DocCoder) Code(doc *parley.Document) (coding.Result, error) {
	t, err := doc.Time()
	if err != nil {
		return coding.Result{}, err
	}
	date := t.Year()*10000 + int(t.Month())*100 + t.Day()
	sents := c.Parser.Parse(doc.Body())
	var out []parley.Event
	ctx := &Context{} // a document is one story
	for _, s := range sents {
		res := c.Coder.CodeIn(s.Text, date, ctx)
		for _, e := range res.Events {
			ev := parley.Event{
				Doc: doc.ID, Sentence: s.Index, Text: s.Text,
				Span:   parley.Span{s.Start, s.End},
				Source: actor(e.Source, e.SourceSpan, s.Start, s.Text),
				Target: actor(e.Target, e.TargetSpan, s.Start, s.Text),
				CAMEO:  e.Code, Root: cameo.Root(e.Code),
				Date: doc.Date, DatePrecision: parley.PrecisionDocument,
				Confidence: 0.5, Rule: "peer " + e.Rule,
				PLOVER: parley.PLOVER{Context: []string{}},
			}
			if code, ok := c.Codes.Lookup(e.Code); ok {
				ev.QuadClass, ev.Goldstein, ev.PLOVER = code.QuadClass, code.Goldstein, code.PLOVER()
			} else {
				ev.QuadClass = cameo.QuadClass(ev.Root)
			}
			vs := parley.Span{s.Start + e.VerbSpan[0], s.Start + e.VerbSpan[1]}
			ev.VerbSpan = &vs
			h := sha1.New()
			fmt.Fprintf(h, "peer\x00%s\x00%d\x00%d\x00%s\x00%s\x00%s", ev.Doc, ev.Sentence, vs[0], ev.CAMEO, e.Source, e.Target)
			ev.ID = hex.EncodeToString(h.Sum(nil))[:16]
			out = append(out, ev)
		}
	}
	return coding.Result{Events: out, Sentences: len(sents)}, nil
}

func actor(code string, span [2]int, base int, text string) *parley.Actor {
	if code == "" {
		return nil
	}
	a := &parley.Actor{Code: code}
	if span[1] > span[0] && span[1] <= len(text) {
		a.Text = text[span[0]:span[1]]
		a.Span = &parley.Span{base + span[0], base + span[1]}
	}
	if len(code) >= 3 && strings.ToUpper(code[:3]) == code[:3] {
		a.Country = code[:3]
		if len(code) >= 6 {
			a.Sector = code[3:6]
		}
	}
	return a
}
