package eval_test

import (
	"fmt"
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

func TestReadNGEC(t *testing.T) {
	t.Run("stories", func(t *testing.T) {
		in := "disclaimer,text,title,source,prompt,label,mode\n" +
			"x,\"Police arrested 40 protesters in Lima.\",{country_1} Police Arrest Protesters,Reuters,\"Peru Police Arrest Protesters\n\n(Reuters) --\",COERCE,ARREST\n" +
			"x,,Empty,Reuters,,PROTEST,\n" +
			"x,\"No label here.\",T,Reuters,,,\n" +
			"x,\"Troops fired on a crowd.\",T,AP,,FIGHT,\n"
		recs, err := eval.ReadNGEC(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), "row 3") {
			t.Errorf("a row without a type: err = %v, want one naming row 3", err)
		}
		var got []string
		for _, r := range recs {
			d := r.Doc()
			got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s|%v", r.ID, r.Type, r.Mode, d.Title, d.Text, r.Check()))
		}
		want := []string{
			"ngec-0000|COERCE|ARREST|Peru Police Arrest Protesters|Police arrested 40 protesters in Lima.|false",
			"ngec-0001|PROTEST|||Empty|true",                     // a headline with no story is coded as its text
			"ngec-0003|ASSAULT||T|Troops fired on a crowd.|true", // PLOVER 0.5b1 FIGHT is ASSAULT
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if d := recs[1].Doc(); d.Text != "Empty" || d.Title != "" {
			t.Errorf("headline only: Doc = %q / %q, want the headline as the text", d.Title, d.Text)
		}
	})
	t.Run("headlines", func(t *testing.T) {
		in := "event,mode,title\nACCUSE,,{country_1} condemns {country_2} over {city} raid\n"
		recs, err := eval.ReadNGEC(strings.NewReader(in))
		if err != nil || len(recs) != 1 {
			t.Fatalf("ReadNGEC: %d records, %v", len(recs), err)
		}
		title := recs[0].Title
		if strings.Contains(title, "{") {
			t.Fatalf("placeholders left in %q", title)
		}
		parts := strings.Fields(title)
		if parts[0] == parts[2] {
			t.Errorf("%q: both countries are the same", title)
		}
	})
	t.Run("no label column", func(t *testing.T) {
		if _, err := eval.ReadNGEC(strings.NewReader("text,title\na,b\n")); err == nil {
			t.Error("no error for a header without a label")
		}
	})
}

func TestScoreNGEC(t *testing.T) {
	rec := func(id, typ string) eval.NGECRecord { return eval.NGECRecord{ID: id, Type: typ, Text: "t"} }
	ev := func(doc, cameo, typ string, sentence int) parley.Event {
		e := event(doc+cameo, "USA", cameo, "")
		e.Doc, e.Sentence, e.PLOVER.Type = doc, sentence, typ
		return e
	}
	recs := []eval.NGECRecord{rec("ngec-0000", "PROTEST"), rec("ngec-0001", "PROTEST"), rec("ngec-0002", "COERCE"), rec("ngec-0003", "AID")}
	events := []parley.Event{
		ev("ngec-0000", "010", "", 0),        // a statement has no type and is not the first typed event
		ev("ngec-0000", "141", "PROTEST", 1), // first typed: hit
		ev("ngec-0001", "173", "COERCE", 0),  // first typed is wrong ...
		ev("ngec-0001", "141", "PROTEST", 2), // ... but the type is in the document
		ev("ngec-0002", "190", "ASSAULT", 0), // miss
	}
	rep := eval.ScoreNGEC(recs, events)
	if rep.Any != (eval.Ratio{Hits: 2, Total: 4, Rate: 0.5}) || rep.First.Hits != 1 {
		t.Errorf("Any %+v First %+v, want 2/4 and 1", rep.Any, rep.First)
	}
	if rep.DevAny.Hits != 1 || rep.DevAny.Total != 2 || rep.CheckAny.Hits != 1 || rep.CheckFirst.Hits != 0 {
		t.Errorf("halves: dev %+v check %+v / %+v", rep.DevAny, rep.CheckAny, rep.CheckFirst)
	}
	if rep.NoEvent != 1 || len(rep.Wrong) != 2 {
		t.Errorf("NoEvent %d, Wrong %d: want 1 and 2", rep.NoEvent, len(rep.Wrong))
	}
	if rep.ByType[0].Type != "PROTEST" || rep.ByType[0].Any.Hits != 2 {
		t.Errorf("ByType[0] = %+v, want PROTEST with 2 hits", rep.ByType[0])
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "WRONG ngec-0002") || strings.Contains(out, "WRONG ngec-0003") {
		t.Errorf("WriteText lists the dev misses only:\n%s", out)
	}
}
