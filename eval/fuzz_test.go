package eval_test

import (
	"strings"
	"testing"

	"parley/eval"
)

// The gold readers take files from outside; whatever the bytes, they
// return records and errors and never panic, and every record they return
// has what scoring needs.

func FuzzReadNGEC(f *testing.F) {
	f.Add("disclaimer,text,title,source,prompt,label,mode\nx,\"Police arrested 40.\",T,R,\"Peru Police\n\",COERCE,ARREST\n")
	f.Add("event,mode,title\nACCUSE,,{country_1} condemns {country_2} over {city_9} raid {x\n")
	f.Add("label\n\"unterminated\n")
	f.Add("\ufefflabel,text\nPROTEST,a,b,c\n,\n")
	f.Fuzz(func(t *testing.T, in string) {
		recs, _ := eval.ReadNGEC(strings.NewReader(in))
		for _, r := range recs {
			if r.Type == "" || r.Doc().Text == "" || !strings.HasPrefix(r.ID, "ngec-") {
				t.Fatalf("record without type, text or id: %+v", r)
			}
		}
	})
}

func FuzzReadConfliBERT(f *testing.F) {
	f.Add("A car bomb killed him.\t4\nNo tab\nBad.\t9\n")
	f.Fuzz(func(t *testing.T, in string) {
		recs, _ := eval.ReadConfliBERT(strings.NewReader(in), "x")
		for _, r := range recs {
			if r.Class < 0 || r.Class >= eval.ConfliBERTClasses {
				t.Fatalf("class out of range: %+v", r)
			}
		}
	})
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add(`<Sentence date="20080804" id="A_1" category="AFP" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>The US leader visited Beijing.</Text>`)
	f.Add(`<Sentence id="B" date="2008"><EventCoding noevents="True" /><Text></Text>`)
	f.Fuzz(func(t *testing.T, in string) {
		eval.ReadPetrarch(strings.NewReader(in))
	})
}

func FuzzReadGold(f *testing.F) {
	f.Add(`{"id":"E1","doc":"d","source":{"code":"USA"},"cameo":"040","date":"2019-02"}` + "\n{bad\n")
	f.Fuzz(func(t *testing.T, in string) {
		eval.ReadGold(strings.NewReader(in))
	})
}

func FuzzReadPLOVER(f *testing.F) {
	f.Add(`[{"id":"PLOVER-GSR01-AGREE-0001","date":"2019-01-01","event":"AGREE","text":"Iran agreed to talks.","source":[{"actorText":"Iran","code":"IRN"}],"target":[]},{"id":"x","event":"FIGHT"}]`)
	f.Add(`[{"id":"A","event":"DEMAND","text":"t","source":"bad"}`)
	f.Fuzz(func(t *testing.T, in string) {
		recs, _ := eval.ReadPLOVER(strings.NewReader(in))
		for _, r := range recs {
			if r.ID == "" {
				t.Fatalf("record without an id: %+v", r)
			}
		}
	})
}
