package nlp

import (
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/segment"

	"parley/nlp/internal/corpus"
)

// sameSegment checks oneSentence against prose's segmenter on a line.
func sameSegment(t *testing.T, seg *segment.Segmenter, line string) bool {
	t.Helper()
	if strings.TrimSpace(line) == "" {
		return true
	}
	start, end, ok := oneSentence(line)
	if !ok {
		return true
	}
	want := seg.Segment(line)
	if len(want) != 1 || want[0].Start != start || want[0].End() != end {
		t.Errorf("oneSentence(%q) = %d-%d, prose gives %v", line, start, end, want)
		return false
	}
	return true
}

var segEdge = []string{
	"no stop at all", "  padded line.  ", "Ends with a question?", "U.S. talks begin", "talks with the U.S.",
	"Mr. Smith", "\u00a0nbsp.\u00a0", "a\u00a0b.", "a.\u00a0b", "wow!!! ", "last ’", "x.’", "…", "a .", ". a",
	"Yahoo!", "(a.)", "\ta\t.\t", "é.", "a\u0085b.", "\xff.", ".\xe2\x80\x99",
}

func TestOneSentence(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range segEdge {
		sameSegment(t, seg, s)
	}
	n, fast := 0, 0
	for _, text := range corpus.All(testing.Short()) {
		for _, line := range strings.Split(text, "\n") {
			n++
			if _, _, ok := oneSentence(line); ok {
				fast++
			}
			if !sameSegment(t, seg, line) {
				t.FailNow()
			}
		}
	}
	t.Logf("%d of %d lines are one sentence", fast, n)
}

// samePunkt checks punkt against prose's segmenter on a line.
func samePunkt(t *testing.T, pk *punkt, seg *segment.Segmenter, line string) bool {
	t.Helper()
	var sc punktScratch
	got := pk.split(nil, line, &sc)
	var want []span
	for _, s := range seg.Segment(line) {
		want = append(want, span{s.Start, s.End()})
	}
	if !slices.Equal(got, want) {
		t.Errorf("punkt(%q):\n got %v\nwant %v", line, got, want)
		return false
	}
	return true
}

var punktEdge = []string{
	"", " ", "One. Two.", "Mr. Smith went to Washington. He said so.", "The U.S. Army said. Then it left.",
	"It rose 3.5 percent. Then 4. Then 5,000.", "J. S. Bach wrote. A. B.", "Wait... What? No! Yes.",
	"He said \"go.\" Then he left.", "He said “go.” Then he left.", "(See p. 5.) Next.", "Yahoo! Inc. rose.",
	"a.m. meeting. p.m. Meeting.", "the F.B.I. said. The F.B.I. Agents.", ". . . and then. .", "end.\u00a0Start",
	"No. 5 is here. Gov. Smith. Sgt. Pepper. Mt. Everest.", "caf\u00e9. Bar. ÉCOLE. école.", "x.\xff y. Z",
	"Wow!Great. ok?yes. 1.2.3. -1.5. ,5. a-1. Jan.-Feb. rose.", "last word é. ", "trail’", "end.’ Next", "a. b",
	"U.S.-led talks. Then.", "e.g. this. i.e. That.", "He left.\tShe came.\rThey went.\vX.\fY.",
}

func TestPunkt(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	pk, err := newPunkt()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range punktEdge {
		samePunkt(t, pk, seg, s)
	}
	bad := 0
	for _, text := range corpus.All(testing.Short()) {
		for _, line := range strings.Split(text, "\n") {
			if !samePunkt(t, pk, seg, line) {
				bad++
			}
			if bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

func FuzzPunkt(f *testing.F) {
	for _, s := range punktEdge {
		f.Add(s)
	}
	seg, err := segment.New()
	if err != nil {
		f.Fatal(err)
	}
	pk, err := newPunkt()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		samePunkt(t, pk, seg, s)
	})
}

func FuzzOneSentence(f *testing.F) {
	for _, s := range segEdge {
		f.Add(s)
	}
	seg, err := segment.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.IndexByte(s, '\n') < 0 {
			sameSegment(t, seg, s)
		}
	})
}
