// Package validate runs the TABARI and PETRARCH validation suites against
// the shallow coder: it reads the suites' record files, applies their
// option changes in order, codes every record and compares the coded events
// with the expected ones.
package validate

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"parley/shallow"
)

// Expect is what a record says should be coded.
type Expect int

const (
	ExpectEvents  Expect = iota // the listed events
	ExpectNone                  // {---}: no event
	ExpectDiscard               // {###}: the sentence is discarded
	ExpectComplex               // {+++}: the sentence is too complex to code
	ExpectError                 // PETRARCH error records: no event
)

// Triple is one event as the suites write it.
type Triple struct{ Source, Target, Code string }

func (t Triple) String() string { return t.Source + "/" + t.Target + "/" + t.Code }

// Record is one validation record.
type Record struct {
	ID string
	// Header is the TABARI header line after the date, as written.
	Header  string
	Date    int // YYYYMMDD
	Text    string
	Line    int
	Options []string // option commands applied before coding this record
	Expect  Expect
	Events  []Triple
	// Checked is false for records without an expectation (comments,
	// option changes, records marked unchecked).
	Checked bool
	// Partial records list only some of the events coded: every listed
	// event must be coded, and other events are allowed.
	Partial bool
}

// Outcome is the result of one checked record.
type Outcome struct {
	Record *Record
	Coded  shallow.Result
	Pass   bool
	Why    string
}

// Report is the result of a suite.
type Report struct {
	Records  int // records read
	Outcomes []Outcome
	Passed   int
	Failed   int
	// OptionErrors are option commands the coder could not apply.
	OptionErrors []error
}

// Trace names records whose coding is described on TraceTo while a suite
// runs (tokens, actor units, clauses and rules), for debugging.
var (
	Trace   map[string]bool
	TraceTo io.Writer = io.Discard
)

// Run codes the records in order with c, applying each record's options
// first through apply, and compares the results.
func Run(c *shallow.Coder, recs []*Record, apply func(*shallow.Options, string) error) *Report {
	r := &Report{Records: len(recs)}
	ctx, story := &shallow.Context{}, ""
	for _, rec := range recs {
		for _, o := range rec.Options {
			if err := apply(&c.Opts, o); err != nil {
				r.OptionErrors = append(r.OptionErrors, fmt.Errorf("record %s: %w", rec.ID, err))
			}
		}
		if !rec.Checked {
			continue
		}
		// A story's sentences share a context (TABARI FORWARD:).
		if st := c.Opts.Story(rec.Header); st == "" || st != story {
			ctx, story = &shallow.Context{}, st
		}
		res := c.CodeIn(rec.Text, rec.Date, ctx)
		if Trace != nil && Trace[rec.ID] {
			_, d := c.Debug(rec.Text, rec.Date)
			fmt.Fprintf(TraceTo, "%s: %s\n  %s\n  expected %s; coded %s\n", rec.ID, rec.Text, d, rec.Expected(), CodedString(res))
			for _, e := range res.Events {
				fmt.Fprintf(TraceTo, "  rule %s\n", e.Rule)
			}
		}
		pass, why := compare(rec, res)
		r.Outcomes = append(r.Outcomes, Outcome{Record: rec, Coded: res, Pass: pass, Why: why})
		if pass {
			r.Passed++
		} else {
			r.Failed++
		}
	}
	return r
}

// compare checks a result against a record. Every expected event must be
// coded; events beyond those listed fail the record too, except that
// duplicates of one event count once.
func compare(rec *Record, res shallow.Result) (bool, string) {
	switch rec.Expect {
	case ExpectDiscard:
		if res.Discard {
			return true, ""
		}
		return false, "expected a discard"
	case ExpectComplex:
		if res.Complex {
			return true, ""
		}
		return false, "expected complex"
	case ExpectError:
		// PETRARCH error and discard records: nothing may be coded.
		if len(res.Events) == 0 {
			return true, ""
		}
		return false, "expected no event"
	case ExpectNone:
		if res.Discard || res.Complex {
			return false, "expected no event, got " + kind(res)
		}
		if len(res.Events) == 0 {
			return true, ""
		}
		return false, "expected no event"
	}
	if res.Discard || res.Complex {
		return false, "got " + kind(res) + " (" + res.Note + ")"
	}
	got := map[Triple]bool{}
	for _, e := range res.Events {
		got[Triple{e.Source, e.Target, e.Code}] = true
	}
	want := map[Triple]bool{}
	var missing, extra []string
	for _, t := range rec.Events {
		want[t] = true
		if !got[t] {
			missing = append(missing, t.String())
		}
	}
	for t := range got {
		if !want[t] && !rec.Partial {
			extra = append(extra, t.String())
		}
	}
	sort.Strings(extra)
	switch {
	case len(missing) > 0 && len(extra) > 0:
		return false, "missing " + strings.Join(missing, ", ") + "; extra " + strings.Join(extra, ", ")
	case len(missing) > 0:
		return false, "missing " + strings.Join(missing, ", ")
	case len(extra) > 0:
		return false, "extra " + strings.Join(extra, ", ")
	}
	return true, ""
}

func kind(res shallow.Result) string {
	switch {
	case res.Discard:
		return "discard"
	case res.Complex:
		return "complex"
	}
	return "events"
}

// Expected writes a record's expectation.
func (r *Record) Expected() string {
	switch r.Expect {
	case ExpectNone:
		return "{---}"
	case ExpectDiscard:
		return "{###}"
	case ExpectComplex:
		return "{+++}"
	case ExpectError:
		return "error (no event)"
	}
	var s []string
	for _, t := range r.Events {
		s = append(s, t.String())
	}
	return strings.Join(s, " ")
}

// CodedString writes what was coded.
func CodedString(res shallow.Result) string {
	switch {
	case res.Discard:
		return "{###} " + res.Note
	case res.Complex:
		return "{+++} " + res.Note
	case len(res.Events) == 0:
		return "{---}"
	}
	var s []string
	for _, e := range res.Events {
		s = append(s, Triple{e.Source, e.Target, e.Code}.String())
	}
	return strings.Join(s, " ")
}

// Write prints every failure (and with verbose every pass) and the closing
// line "N passed, M failed".
func (r *Report) Write(w io.Writer, verbose bool) error {
	for _, o := range r.Outcomes {
		if o.Pass && !verbose {
			continue
		}
		status := "FAIL"
		if o.Pass {
			status = "ok"
		}
		if _, err := fmt.Fprintf(w, "%s %s (line %d): expected %s; coded %s", status, o.Record.ID, o.Record.Line, o.Record.Expected(), CodedString(o.Coded)); err != nil {
			return err
		}
		if o.Why != "" {
			fmt.Fprintf(w, " [%s]", o.Why)
		}
		if verbose && len(o.Coded.Events) > 0 {
			fmt.Fprintf(w, " rule %s", o.Coded.Events[0].Rule)
		}
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintf(w, "%d passed, %d failed\n", r.Passed, r.Failed)
	return err
}
