package coding_test

import (
	"strings"
	"testing"

	"parley"
)

// TestCodeCaseless checks that text in lower case or in capitals codes as
// the same text written normally does, and that the events quote it as
// written.
func TestCodeCaseless(t *testing.T) {
	c := testCoder(t)
	for _, text := range []string{
		"The Taliban refused to sit at the same table with Afghan officials.",
		"In February, Taliban representatives and Afghan officials met in Moscow.",
		"The US-led coalition attacked the Taliban in 2001.",
		"Former president Hamid Karzai criticized the Taliban.",
	} {
		want := ""
		for _, variant := range []string{text, strings.ToLower(text), strings.ToUpper(text)} {
			doc := parley.Document{ID: "t", Date: "2019-06-15", Text: variant}
			r, err := c.Code(&doc)
			if err != nil {
				t.Fatal(err)
			}
			got := brief(r.Events)
			if variant == text {
				if want = got; want == "" {
					t.Fatalf("%s: no event", text)
				}
				continue
			}
			if got != want {
				t.Errorf("%s\n got %s\nwant %s (as written normally)", variant, got, want)
			}
			for _, ev := range r.Events {
				if ev.Text != variant[ev.Span[0]:ev.Span[1]] {
					t.Errorf("event text %q, want the text as written %q", ev.Text, variant[ev.Span[0]:ev.Span[1]])
				}
				for _, a := range []*parley.Actor{ev.Source, ev.Target} {
					if a != nil && a.Span != nil && a.Text != variant[a.Span[0]:a.Span[1]] {
						t.Errorf("actor text %q, want %q", a.Text, variant[a.Span[0]:a.Span[1]])
					}
				}
			}
		}
	}
}
