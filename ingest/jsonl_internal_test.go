package ingest

import (
	"encoding/json"
	"testing"
)

// FuzzFlatDoc checks flatDoc against encoding/json: where flatDoc decodes
// a line, json.Unmarshal must decode it without error to the same fields.
func FuzzFlatDoc(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "date": "2024-03-05", "text": "Kabul said \"no\".\nThen\tmore \\ and \/"}`,
		`{}`, ` { "title" : "x" , "other": "y" } `, `{"Text": "case"}`, `{"text": "a", "text": "b"}`,
		`{"text": "\u00e9"}`, `{"n": 5, "text": "x"}`, `{"text": null}`, `{"text": "a"} x`, `{"text": "a",}`,
		`{"ſource": "s"}`, `{"te\u0078t": "k"}`, `{"te\/xt": "k\/", "id": "x"}`, "{\"text\": \"bad\x01\"}", `{"text": "a"`, `[1]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var fast jsonDoc
		if !flatDoc(line, &fast) {
			return
		}
		var slow jsonDoc
		if err := json.Unmarshal(line, &slow); err != nil {
			t.Fatalf("flatDoc decoded %q, json.Unmarshal fails: %v", line, err)
		}
		if fast != slow {
			t.Fatalf("flatDoc %+v, json.Unmarshal %+v for %q", fast, slow, line)
		}
	})
}

// TestFlatDocDecodes checks that the common lines take the fast path.
func TestFlatDocDecodes(t *testing.T) {
	for _, s := range []string{
		`{"id": "a", "date": "2024-03-05", "text": "Kabul said \"no\".\nThen"}`,
		`{"id":"b","title":"T","text":"x","url":"https://example.org/a","source":"AFP","lang":"en"}`,
	} {
		var j jsonDoc
		if !flatDoc([]byte(s), &j) || j.ID == "" || j.Text == "" {
			t.Errorf("flatDoc(%s) = %+v, not decoded", s, j)
		}
	}
}
