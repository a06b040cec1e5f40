package actors_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"parley/actors"
	"parley/data"
	"parley/nlp"
)

var builtin = sync.OnceValues(func() (*actors.Dictionary, error) {
	d, _, err := actors.Load(data.FS)
	return d, err
})

func truecase(t testing.TB, text string) (string, bool) {
	t.Helper()
	d, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	tc, _, ok := d.Truecase(p, text, p.Parse(text))
	return tc, ok
}

func TestTruecase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// names as the dictionary writes them, the first word, days
		{"the us on thursday rejected calls by kofi annan, un secretary-general, to adopt reforms.",
			"The US on Thursday rejected calls by Kofi Annan, UN Secretary-General, to adopt reforms."},
		// "us" the pronoun stays; dotted abbreviations are names
		{"they told us that u.s. and british forces had left kabul.",
			"They told us that U.S. and British forces had left Kabul."},
		{"recent us predator attacks killed two al-qaeda leaders in the us-led campaign.",
			"Recent US predator attacks killed two al-Qaeda leaders in the US-led campaign."},
		// an abbreviation that is a word is not a name; agents are not names
		{"officials said who was behind it was unclear, police added.",
			"Officials said who was behind it was unclear, police added."},
		// a person's single name where a name is read, not elsewhere
		{"putin offered to negotiate, and the bush administration agreed.",
			"Putin offered to negotiate, and the Bush administration agreed."},
		{"the bush burned near the road in may, but they may return.",
			"The bush burned near the road in May, but they may return."},
		// capitals: lowered, then as above
		{"TALIBAN REJECT CEASEFIRE CALL BY AFGHAN PRESIDENT ASHRAF GHANI IN FEBRUARY",
			"Taliban reject ceasefire call by Afghan president Ashraf Ghani in February"},
		// title case: capitalized words lowered, abbreviations kept, names restored
		// (places the actor dictionary does not know stay in lower case)
		{"Brazil Denounces Actions by Iran After NATO Summit in Rio de Janeiro",
			"Brazil denounces actions by Iran after NATO summit in rio de janeiro"},
		{"i said the eu and nato would meet on 5 march.",
			"I said the EU and NATO would meet on 5 March."},
	} {
		got, ok := truecase(t, tc.in)
		if !ok || got != tc.want {
			t.Errorf("Truecase(%q)\n got %q (%v)\nwant %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestTruecaseLeavesMixedCase(t *testing.T) {
	for _, in := range []string{
		"The Taliban refused to meet the Afghan government.",
		"NATO and the EU met in Brussels.",
		"Afghan President Ashraf Ghani met Taliban leaders.", // a verb in lower case: not a title
		"ok", // too short to tell
	} {
		if got, ok := truecase(t, in); ok || got != in {
			t.Errorf("Truecase(%q) = %q, %v; want it unchanged", in, got, ok)
		}
	}
	// a capitals headline over a cased story: only the headline changes
	in := "TALIBAN REJECT GHANI CALL\nThe Taliban on Sunday rejected a call by President Ghani."
	want := "Taliban reject Ghani call\nThe Taliban on Sunday rejected a call by President Ghani."
	if got, _ := truecase(t, in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzTruecase checks that truecasing only changes case and keeps every
// byte offset.
func FuzzTruecase(f *testing.F) {
	for _, s := range []string{"the us and the un met in kabul.", "ÇA VA? THE ÉLYSÉE SAID. İSTANBUL", "i told us-led forces", "u.s.-backed", "", "Kenya Accuses Sudan Of Aggression\nThe story. the rest is lower. AND THIS IS LOUD."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		d, _ := builtin()
		p, _ := nlp.Default()
		got, sents, _ := d.Truecase(p, in, p.Parse(in))
		if len(got) != len(in) || !strings.EqualFold(got, in) {
			t.Errorf("Truecase(%q) = %q: want the same text in another case, as long", in, got)
		}
		for i, s := range sents {
			if s.Index != i || s.Start < 0 || s.End > len(got) || s.Start > s.End || got[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d (%d %d..%d %q) is not the text's %q", i, s.Index, s.Start, s.End, s.Text, got)
			}
			for _, tk := range s.Tokens {
				if tk.Start < s.Start || tk.End > s.End || got[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %q at %d..%d is not the text's", tk.Text, tk.Start, tk.End)
				}
			}
		}
	})
}
