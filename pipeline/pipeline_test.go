package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"parley"
	"parley/coding"
	"parley/pipeline"
)

// fakeCoder codes a document into one event per word of its text, fails on
// text "fail" and panics on text "panic".
type fakeCoder struct{}

func (fakeCoder) Code(doc *parley.Document) (coding.Result, error) {
	switch doc.Text {
	case "fail":
		return coding.Result{}, errors.New("boom")
	case "panic":
		panic("stage bug")
	}
	var evs []parley.Event
	for _, w := range strings.Fields(doc.Text) {
		evs = append(evs, parley.Event{Doc: doc.ID, Text: w})
	}
	return coding.Result{Events: evs, Sentences: 1}, nil
}

func TestRunKeepsOrderAndGoesOn(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		in := make(chan parley.Document)
		texts := []string{"a b", "fail", "c", "panic", "", "d e f"}
		go func() {
			defer close(in)
			for i, text := range texts {
				in <- parley.Document{ID: fmt.Sprint(i), Date: "2020-01-01", Text: text}
			}
		}()
		var got []string
		err := pipeline.Run(context.Background(), fakeCoder{}, workers, in, func(r pipeline.Result) error {
			if r.Err != nil {
				got = append(got, r.Doc.ID+":error")
				return nil
			}
			got = append(got, fmt.Sprintf("%s:%d", r.Doc.ID, len(r.Events)))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := "0:2 1:error 2:1 3:error 4:error 5:3"
		if g := strings.Join(got, " "); g != want {
			t.Errorf("workers %d: got %s, want %s", workers, g, want)
		}
	}
}

func TestRunStopsOnOutputError(t *testing.T) {
	in := make(chan parley.Document, 10)
	for i := 0; i < 10; i++ {
		in <- parley.Document{ID: fmt.Sprint(i), Date: "2020-01-01", Text: "x"}
	}
	close(in)
	stop := errors.New("disk full")
	n := 0
	err := pipeline.Run(context.Background(), fakeCoder{}, 2, in, func(pipeline.Result) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
}
