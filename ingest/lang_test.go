package ingest_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"parley"
	"parley/ingest"
)

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		text    string
		english bool
	}{
		{"Taliban, US resume talks", true},
		{"Russia expels diplomats", true},
		{"Afghan officials have been left out of talks with the Taliban and the group has refused to sit at the same table with the government.", true},
		{"Le président de la République a rencontré mardi à Paris les représentants des syndicats pour discuter de la réforme des retraites.", false},
		{"Der Bundeskanzler hat am Dienstag in Berlin mit Vertretern der Gewerkschaften über die Reform der Renten gesprochen.", false},
		{"El presidente del Gobierno se reunió el martes en Madrid con los representantes de los sindicatos para hablar de la reforma.", false},
		{"Президент России во вторник встретился в Москве с представителями профсоюзов, чтобы обсудить пенсионную реформу.", false},
		{"وزير الخارجية يلتقي نظيره في القاهرة لبحث الأوضاع في المنطقة والعلاقات الثنائية بين البلدين", false},
		{"Kabul", true},
		{"", true},
	} {
		code, name, ok := ingest.Language(tc.text)
		if ok != tc.english {
			t.Errorf("%q: got %s (%s) english=%v, want %v", tc.text, code, name, ok, tc.english)
		}
	}
}

// TestLanguageCorpora checks that the built-in samples and the seed article
// all pass the gate.
func TestLanguageCorpora(t *testing.T) {
	for _, path := range []string{"../data/samples/articles.jsonl", "../../shared/seed/afghan-peace-talks.jsonl", "../../shared/bench/devbench.jsonl"} {
		f, err := os.Open(path)
		if err != nil {
			t.Logf("skip %s: %v", path, err)
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		n, bad := 0, 0
		for sc.Scan() {
			var d parley.Document
			if json.Unmarshal(sc.Bytes(), &d) != nil {
				continue
			}
			n++
			if code, name, ok := ingest.Language(d.Title + "\n" + d.Text); !ok {
				bad++
				if bad <= 5 {
					t.Errorf("%s %s: judged %s (%s): %.80q", path, d.ID, code, name, d.Text)
				}
			}
		}
		f.Close()
		t.Logf("%s: %d documents, %d refused", path, n, bad)
	}
}
