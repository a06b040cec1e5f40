package eval_test

import (
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

func TestActorKey(t *testing.T) {
	tests := []struct{ code, want string }{
		{"USAGOV", "USA"},
		{"usa", "USA"},
		{"IGOUNOMIL", "IGOUNO"},
		{"IGOUNO", "IGOUNO"},
		{"NGOAMN", "NGOAMN"},
		{"IMGMUSISI", "IMGMUS"},
		{"MNCUSA", "MNCUSA"},
		{"IGO", "IGO"},
		{"REB", "REB"},
		{"AF", "AF"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := eval.ActorKey(tt.code); got != tt.want {
			t.Errorf("ActorKey(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestPLOVERType(t *testing.T) {
	tests := []struct{ name, want string }{
		{"DEMAND", "REQUEST"},
		{"DISAPPROVE", "ACCUSE"},
		{"FIGHT", "ASSAULT"},
		{"INVESTIGATE", "ACCUSE"},
		{"agree", "AGREE"},
		{"ASSAULT", "ASSAULT"},
	}
	for _, tt := range tests {
		if got := eval.PLOVERType(tt.name); got != tt.want {
			t.Errorf("PLOVERType(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

const ploverFile = `[
{
    "id": "PLOVER-GSR01-DOCUMENT-0001",
    "event": "DOCUMENT",
    "comment": "no text: skipped"
},
{
    "id": "R1",
    "date": "2000-01-01",
    "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
               {"actorText": "Romanian", "code": "ROU", "sector": "GOV"}],
    "event": "AGREE",
    "text": "Senior Hungarian and Romanian officials agreed {on} \"it\".",
    "comment": "Compound actor"
},
{
    "id": "R2",
    "source": [{"actorText": "United Nations", "code": "IGO"}],
    "target": "",
    "event": "DEMAND",
    "text": "The UN demanded\na ceasefire."
},
{
    "id": "R3",
    "date": "1999-12-31",
    "source": null,
    "target": "diplomatic",
    "event": "FIGHT",
    "text": "Shots were fired."
},
{
    "id": "R2",
    "source": [{"actorText": "Israel", "code": "ISR"}],
    "event": "COERCE",
    "text": "Israel reimposed blockades."
},
]`

func TestReadPLOVER(t *testing.T) {
	recs, err := eval.ReadPLOVER(strings.NewReader(ploverFile))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, strings.Join([]string{r.ID, r.Date, r.Type, r.Doc().Text}, "|"))
	}
	want := []string{
		`R1|2000-01-01|AGREE|Senior Hungarian and Romanian officials agreed {on} "it".`,
		"R2|2000-01-01|REQUEST|The UN demanded a ceasefire.",
		"R3|1999-12-31|ASSAULT|Shots were fired.",
		"R2/2|2000-01-01|COERCE|Israel reimposed blockades.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(recs) == 4 {
		if !recs[0].Compound || recs[1].Compound {
			t.Errorf("compound: R1 %v, R2 %v; want true, false", recs[0].Compound, recs[1].Compound)
		}
		if len(recs[0].Src) != 2 || len(recs[1].Tgt) != 0 || len(recs[2].Src) != 0 || len(recs[2].Tgt) != 0 {
			t.Errorf("actors read wrong: %+v", recs[:3])
		}
	}

	if _, err := eval.ReadPLOVER(strings.NewReader(`[{"id": "X", "event": "AGREE", "text": 3}, {"id": "Y"`)); err == nil {
		t.Error("a malformed and an unclosed record: no error")
	}
}

// ploverEvent is an event in document doc; an actor "" is none.
func ploverEvent(doc, typ, source, target string) parley.Event {
	ev := event("e", source, "040", target)
	ev.Doc = doc
	ev.PLOVER.Type = typ
	return ev
}

func TestScorePLOVER(t *testing.T) {
	actors := func(codes ...string) []eval.PLOVERActor {
		var as []eval.PLOVERActor
		for _, c := range codes {
			as = append(as, eval.PLOVERActor{Code: c})
		}
		return as
	}
	rec := func(typ string, src, tgt []eval.PLOVERActor, compound bool) eval.PLOVERRecord {
		return eval.PLOVERRecord{ID: "r", Event: typ, Type: eval.PLOVERType(typ), Src: src, Tgt: tgt, Compound: compound}
	}
	tests := []struct {
		name       string
		rec        eval.PLOVERRecord
		events     []parley.Event
		type_, all bool
	}{
		{"no event", rec("AGREE", actors("USA"), nil, false), nil, false, false},
		{"type and source; no target in the record",
			rec("AGREE", actors("USA", "JOR"), nil, false),
			[]parley.Event{ploverEvent("r", "AGREE", "JORGOV", "USA")}, true, true},
		{"type only: source not among the record's",
			rec("AGREE", actors("USA"), nil, false),
			[]parley.Event{ploverEvent("r", "AGREE", "GBR", "")}, true, false},
		{"actors right, type wrong",
			rec("AGREE", actors("USA"), nil, false),
			[]parley.Event{ploverEvent("r", "CONSULT", "USA", "")}, false, false},
		{"some event right is enough",
			rec("REJECT", actors("ISR"), actors("PSE"), false),
			[]parley.Event{ploverEvent("r", "CONSULT", "ISR", "PSE"), ploverEvent("r", "REJECT", "ISRGOV", "PSEREB")}, true, true},
		{"type and actors right in different events is not",
			rec("REJECT", actors("ISR"), actors("PSE"), false),
			[]parley.Event{ploverEvent("r", "REJECT", "USA", "PSE"), ploverEvent("r", "CONSULT", "ISR", "PSE")}, true, false},
		{"target required when the record has one",
			rec("REJECT", actors("ISR"), actors("PSE"), false),
			[]parley.Event{ploverEvent("r", "REJECT", "ISR", "")}, true, false},
		{"0.5b1 names: DEMAND is REQUEST",
			rec("DEMAND", actors("USA"), nil, false),
			[]parley.Event{ploverEvent("r", "REQUEST", "USA", "")}, true, true},
		{"0.5b1 names: DISAPPROVE is ACCUSE",
			rec("DISAPPROVE", actors("USA"), nil, false),
			[]parley.Event{ploverEvent("r", "ACCUSE", "USA", "")}, true, true},
		{"0.5b1 names: FIGHT is ASSAULT",
			rec("FIGHT", actors("ISR"), actors("PSE"), false),
			[]parley.Event{ploverEvent("r", "ASSAULT", "ISRMIL", "PSECVL")}, true, true},
		{"0.5b1 names: INVESTIGATE is ACCUSE",
			rec("INVESTIGATE", actors("IGO"), nil, false),
			[]parley.Event{ploverEvent("r", "ACCUSE", "IGOUNOIAE", "")}, true, true},
		{"swapped actors are wrong",
			rec("SANCTION", actors("USA"), actors("IRN"), false),
			[]parley.Event{ploverEvent("r", "SANCTION", "IRN", "USA")}, true, false},
		{"compound: swapped actors are right",
			rec("SANCTION", actors("USA"), actors("IRN", "LBY"), true),
			[]parley.Event{ploverEvent("r", "SANCTION", "LBY", "USAGOV")}, true, true},
		{"compound without target: swapped needs the target among the sources",
			rec("AGREE", actors("HUN", "ROU"), nil, true),
			[]parley.Event{ploverEvent("r", "AGREE", "", "ROUGOV")}, true, true},
		{"IGO keys are 6 letters: another organization is wrong",
			rec("AGREE", actors("IGOUNO"), nil, false),
			[]parley.Event{ploverEvent("r", "AGREE", "IGOEUREEC", "")}, true, false},
		{"IGO keys are 6 letters: the same organization is right",
			rec("AGREE", actors("IGOUNO"), nil, false),
			[]parley.Event{ploverEvent("r", "AGREE", "IGOUNOMIL", "")}, true, true},
		{"a bare IGO in the record accepts any IGO",
			rec("AGREE", actors("IGO"), actors("JAP"), false),
			[]parley.Event{ploverEvent("r", "AGREE", "IGOASAAPC", "JAPGOV")}, true, true},
		{"a bare IGO accepts no country",
			rec("AGREE", actors("IGO"), nil, false),
			[]parley.Event{ploverEvent("r", "AGREE", "IGB", "")}, true, false},
		{"NGO and IMG keys",
			rec("THREATEN", actors("IMG"), actors("NGO"), false),
			[]parley.Event{ploverEvent("r", "THREATEN", "IMGMUSALQ", "NGOHRIAMN")}, true, true},
		{"a record without source accepts any source",
			rec("FIGHT", nil, actors("IRQ"), false),
			[]parley.Event{ploverEvent("r", "ASSAULT", "", "IRQCVL")}, true, true},
		{"events of other documents do not count",
			rec("AGREE", actors("USA"), nil, false),
			[]parley.Event{ploverEvent("other", "AGREE", "USA", "")}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval.ScorePLOVER([]eval.PLOVERRecord{tt.rec}, tt.events)
			if got := r.Type.Hits == 1; got != tt.type_ {
				t.Errorf("type right %v, want %v", got, tt.type_)
			}
			if got := r.Full.Hits == 1; got != tt.all {
				t.Errorf("type+source+target right %v, want %v", got, tt.all)
			}
			if r.Type.Total != 1 || r.Full.Total != 1 || len(r.Wrong) != map[bool]int{true: 0, false: 1}[tt.all] {
				t.Errorf("totals %v %v, wrong %d", r.Type, r.Full, len(r.Wrong))
			}
		})
	}
}
