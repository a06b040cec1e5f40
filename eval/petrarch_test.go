package eval_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

// petrarchFile is not well-formed XML, like the real files: a self-closed
// <Sentence/> closed again, comments holding tags, an empty <Text>.
var petrarchFile = strings.ReplaceAll(`<?xml version='1.0' encoding='utf-8'?>
<Validation>
#   then the addition of <EventCoding...> records based on the PETR-2 output
<Sentences>
<Sentence category="AFP" date="20080806" id="A_1" evaluate="true"/>
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
<EventCoding eventcode="031" sourcecode="USA" targetcode="BRA" />
<EventCoding eventcode="031" sourcecode="USA" targetcode="BRA" />
<Text>
Brazil and the United States are seeking to deepen a partnership,
US Deputy Secretary said &amp; ''smiled@@.
</Text>
<Parse>
1	Brazil	Brazil	PROPN	NNP	_	7	nsubj	_	_
</Parse></Sentence>

<Sentence category="AFP" date="121108" id="A_2" evaluate="true">
<!-- <EventCoding eventcode="999" sourcecode="XXX" targetcode="YYY" /> -->
<EventCoding noevents="True" />
<Text>
Nothing happened.
</Text>
</Sentence>
<Sentence category="TEST" date="20150609" id="T_8" evaluate="true"/>
<EventCoding eventcode="036" sourcecode="---REB" targetcode="---" />
<Text>
</Text>
<Parse>
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	want	want	VERB	VBP	_	0	root	_	SpaceAfter=No
3	,	,	PUNCT	,	_	2	punct	_	_
4	talks	talk	NOUN	NNS	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_
</Parse>-->
</Sentence>
<Sentence category="TEST" date="20150609" id="T_9" evaluate="false"/>
<EventCoding eventcode="036" sourcecode="USA" targetcode="RUS" />
<Text>Skipped.</Text>
</Sentences>
</Validation>
`, "@@", "`"+"`")

func TestReadPetrarch(t *testing.T) {
	recs, err := eval.ReadPetrarch(strings.NewReader(petrarchFile))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprintf("%s|%s|%s|%v", r.ID, r.Doc().Date, r.Doc().Text, r.Triples))
	}
	want := []string{
		`A_1|2008-08-06|Brazil and the United States are seeking to deepen a partnership, US Deputy Secretary said & "smiled".|[BRA→USA 031 USA→BRA 031]`,
		`A_2|2015-01-01|Nothing happened.|[]`,
		`T_8|2015-06-09|Rebels want, talks.|[REB→- 036]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestScorePetrarch(t *testing.T) {
	tr := func(s string) []eval.Triple { // "SRC>TGT:CODE SRC>:CODE"
		var ts []eval.Triple
		for _, f := range strings.Fields(s) {
			st, code, _ := strings.Cut(f, ":")
			src, tgt, _ := strings.Cut(st, ">")
			ts = append(ts, eval.Triple{Source: src, Target: tgt, Code: code})
		}
		return ts
	}
	ev := func(doc, src, code, tgt string) parley.Event {
		e := event("e", src, code, tgt)
		e.Doc = doc
		return e
	}
	recs := []eval.PetrarchRecord{
		{ID: "a", Triples: tr("BRA>USA:031 USA>BRA:031")},
		{ID: "b", Triples: tr("REB>:036")},
		{ID: "c"}, // noevents
		{ID: "d", Triples: tr("ISR>PSE:0352")},
	}
	events := []parley.Event{
		ev("a", "USA", "031", "BRA"),
		ev("a", "USA", "031", "BRA"), // a set: counted once
		ev("b", "---REB", "036", ""), // "---" dropped, no target is "---"
		ev("c", "USA", "010", ""),    // an extra triple
		ev("d", "ISR", "035", "PSE"), // codes must be equal
		ev("z", "USA", "010", ""),    // not a record: ignored
	}
	r := eval.ScorePetrarch(recs, events)
	got := fmt.Sprintf("P %d/%d R %d/%d exact %d/%d loose P %d/%d R %d/%d", r.Precision.Hits, r.Precision.Total, r.Recall.Hits, r.Recall.Total,
		r.Exact.Hits, r.Exact.Total, r.Loose.Precision.Hits, r.Loose.Precision.Total, r.Loose.Recall.Hits, r.Loose.Recall.Total)
	want := "P 2/4 R 2/4 exact 1/4 loose P 3/4 R 3/4"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if f1 := 2 * 0.5 * 0.5 / (0.5 + 0.5); r.F1 != f1 {
		t.Errorf("F1 %v, want %v", r.F1, f1)
	}
	var wrong []string
	for _, w := range r.Wrong {
		wrong = append(wrong, fmt.Sprintf("%s missed %v extra %v", w.Record.ID, w.Missed, w.Extra))
	}
	wantWrong := "a missed [BRA→USA 031] extra [] | c missed [] extra [USA→- 010] | d missed [ISR→PSE 0352] extra [ISR→PSE 035]"
	if strings.Join(wrong, " | ") != wantWrong {
		t.Errorf("wrong\n%s\nwant\n%s", strings.Join(wrong, " | "), wantWrong)
	}
}

// TestWriteSets checks that every report writes its figures, and with
// WriteText the wrong documents with what was coded in them.
func TestWriteSets(t *testing.T) {
	ev := event("e", "USA", "040", "")
	ev.Doc, ev.Rule = "r", "meet"
	ev.Source.Text = "Washington"
	events := []parley.Event{ev}
	type report interface {
		WriteSummary(io.Writer) error
		WriteText(io.Writer) error
		WriteJSON(io.Writer) error
	}
	tests := []struct {
		name               string
		rep                report
		summary, explained string
	}{
		{"plover", eval.ScorePLOVER([]eval.PLOVERRecord{{ID: "r", Event: "DEMAND", Type: "REQUEST", Text: "The US met."}}, events),
			"type right 0.0% (0/1)", `coded: #0 040 - USA "Washington" → -  rule: meet`},
		{"conflibert", eval.ScoreConfliBERT([]eval.ConfliBERTRecord{{ID: "r", Text: "The US met.", Class: 0}}, events),
			"accuracy 0.0% (0/1)", "WRONG r gold 0 (01-02) coded 1 (03-05)"},
		{"petrarch", eval.ScorePetrarch([]eval.PetrarchRecord{{ID: "r", Text: "The US met."}}, events),
			"precision 0.00 (0/1)", "extra: USA→- 040"},
	}
	for _, tt := range tests {
		var s, x, j bytes.Buffer
		if err := tt.rep.WriteSummary(&s); err != nil {
			t.Fatal(err)
		}
		if err := tt.rep.WriteText(&x); err != nil {
			t.Fatal(err)
		}
		if err := tt.rep.WriteJSON(&j); err != nil || !json.Valid(j.Bytes()) {
			t.Errorf("%s: WriteJSON: %v, valid %v", tt.name, err, json.Valid(j.Bytes()))
		}
		if !strings.Contains(s.String(), tt.summary) || strings.Contains(s.String(), "WRONG") {
			t.Errorf("%s summary:\n%s\nwant it to hold %q and no WRONG", tt.name, s.String(), tt.summary)
		}
		if !strings.Contains(x.String(), tt.explained) || !strings.Contains(x.String(), "text: The US met.") {
			t.Errorf("%s text:\n%s\nwant it to hold %q and the text", tt.name, x.String(), tt.explained)
		}
	}
}
