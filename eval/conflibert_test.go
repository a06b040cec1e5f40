package eval_test

import (
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

func TestRootClass(t *testing.T) {
	want := map[string]int{
		"01": 0, "02": 0,
		"03": 1, "04": 1, "05": 1,
		"06": 2, "07": 2, "08": 2,
		"09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3,
		"14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
		"00": -1, "21": -1, "": -1, "1": -1, "042": -1, "x1": -1,
	}
	for root, w := range want {
		if got := eval.RootClass(root); got != w {
			t.Errorf("RootClass(%q) = %d, want %d", root, got, w)
		}
	}
}

func TestReadConfliBERT(t *testing.T) {
	in := "A car bomb killed him.\t4\nThe court rejected the request.\t3\r\n\nNo tab here\nBad class.\t7\nLast.\t0\n"
	recs, err := eval.ReadConfliBERT(strings.NewReader(in), "confli-train")
	if err == nil {
		t.Error("a line without a tab and a class 7: no error")
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.ID+"|"+r.Text+"|"+string(rune('0'+r.Class))+"|"+r.Doc().Date)
	}
	want := "confli-train-0000|A car bomb killed him.|4|2015-01-01 confli-train-0001|The court rejected the request.|3|2015-01-01 confli-train-0005|Last.|0|2015-01-01"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestScoreConfliBERT(t *testing.T) {
	// at builds an event in document "s" at a sentence and offset.
	at := func(cameo string, sentence, start int) parley.Event {
		ev := event("e", "USA", cameo, "")
		ev.Doc, ev.Sentence, ev.Span = "s", sentence, parley.Span{start, start + 10}
		ev.VerbSpan = &parley.Span{start + 2, start + 5}
		return ev
	}
	tests := []struct {
		name   string
		class  int
		events []parley.Event
		want   int // the coded class, -1 none
	}{
		{"no event is wrong", 0, nil, -1},
		{"statement 010 is class 0", 0, []parley.Event{at("010", 0, 0)}, 0},
		{"appeal 020 is class 0", 0, []parley.Event{at("020", 0, 0)}, 0},
		{"consult 040 is class 1", 1, []parley.Event{at("040", 0, 0)}, 1},
		{"aid 070 is class 2", 2, []parley.Event{at("070", 0, 0)}, 2},
		{"reduce relations 160 is class 3", 3, []parley.Event{at("160", 0, 0)}, 3},
		{"demand 100 is class 3", 3, []parley.Event{at("100", 0, 0)}, 3},
		{"protest 140 is class 4", 4, []parley.Event{at("140", 0, 0)}, 4},
		{"coerce 170 is class 4", 4, []parley.Event{at("170", 0, 0)}, 4},
		{"the first sentence's event counts, not the first listed", 4,
			[]parley.Event{at("040", 1, 30), at("190", 0, 0)}, 4},
		{"within a sentence, the first span", 1,
			[]parley.Event{at("190", 0, 40), at("043", 0, 10)}, 1},
		{"within a span, the first words", 3,
			[]parley.Event{func() parley.Event { e := at("190", 0, 0); e.VerbSpan = &parley.Span{8, 9}; return e }(), at("111", 0, 0)}, 3},
		{"a later event of the right class does not help", 2,
			[]parley.Event{at("010", 0, 0), at("070", 1, 20)}, 0},
		{"the root field is used", 4,
			[]parley.Event{func() parley.Event { e := at("190", 0, 0); e.Root = "19"; return e }()}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := eval.ConfliBERTRecord{ID: "s", Text: "t", Class: tt.class}
			r := eval.ScoreConfliBERT([]eval.ConfliBERTRecord{rec}, tt.events)
			right := tt.want == tt.class
			if got := r.Accuracy.Hits == 1; got != right || r.Accuracy.Total != 1 {
				t.Errorf("accuracy %v, want right=%v", r.Accuracy, right)
			}
			col := tt.want
			if col < 0 {
				col = eval.ConfliBERTClasses
			}
			if r.Confusion[tt.class][col] != 1 {
				t.Errorf("confusion %v, want a 1 at [%d][%d]", r.Confusion, tt.class, col)
			}
			if !right && (len(r.Wrong) != 1 || r.Wrong[0].Class != tt.want) {
				t.Errorf("wrong %+v, want the sentence with class %d", r.Wrong, tt.want)
			}
		})
	}
}
