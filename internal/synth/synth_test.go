package synth_test

import (
	"reflect"
	"testing"

	"parley/dedup"
	"parley/internal/synth"
)

func TestDocuments(t *testing.T) {
	g1, err := synth.New(synth.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := synth.New(synth.Options{Seed: 1})
	a, b := g1.Documents(0, 50), g2.Documents(0, 50)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different documents")
	}
	hashes := map[string]bool{}
	blocks := map[string]bool{}
	for _, d := range a {
		if err := d.Doc.Validate(); err != nil {
			t.Fatal(err)
		}
		if h := dedup.TextHash(&d.Doc); hashes[h] {
			t.Fatalf("%s: text not unique", d.Doc.ID)
		} else {
			hashes[h] = true
		}
		if len(d.Events) != 10 {
			t.Fatalf("%s: %d events", d.Doc.ID, len(d.Events))
		}
		body := d.Doc.Body()
		for _, e := range d.Events {
			blocks[dedup.Key(&e)] = true
			if got := body[e.Source.Span[0]:e.Source.Span[1]]; got != e.Source.Text {
				t.Fatalf("%s: source span %q, want %q", e.ID, got, e.Source.Text)
			}
			if e.Target != nil {
				if got := body[e.Target.Span[0]:e.Target.Span[1]]; got != e.Target.Text {
					t.Fatalf("%s: target span %q, want %q", e.ID, got, e.Target.Text)
				}
			}
		}
	}
	t.Logf("500 events in %d blocks", len(blocks))
}
