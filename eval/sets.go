package eval

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"parley"
)

// This file holds what the scorers of the other gold sets (PLOVER GSR,
// ConfliBERT, UniversalPetrarch) share: grouping events by document, and
// the lines --explain prints. Each of these sets holds one document per
// record or sentence, and a document is scored as a whole.

// maxDocRunes bounds the document text quoted when a wrong document is
// explained.
const maxDocRunes = 300

// byDoc groups events by document, each group in coding order: sentence,
// then the sentence's span, then the triggering words, then input order.
func byDoc(events []parley.Event) map[string][]parley.Event {
	m := make(map[string][]parley.Event)
	for _, ev := range events {
		m[ev.Doc] = append(m[ev.Doc], ev)
	}
	for _, evs := range m {
		slices.SortStableFunc(evs, func(a, b parley.Event) int {
			return cmp.Or(
				cmp.Compare(a.Sentence, b.Sentence),
				cmp.Compare(a.Span[0], b.Span[0]),
				cmp.Compare(verbStart(a), verbStart(b)),
			)
		})
	}
	return m
}

// verbStart is where the words that triggered the event begin, or -1.
func verbStart(ev parley.Event) int {
	if ev.VerbSpan == nil {
		return -1
	}
	return ev.VerbSpan[0]
}

// explainEvent formats a coded event with everything a dictionary editor
// needs: sentence, code, PLOVER type, actors with their words, and rule:
//
//	#0 043 CONSULT USAGOV "US officials" → CHN "China"  rule: meet (040)
func explainEvent(ev parley.Event) string {
	typ := ev.PLOVER.Type
	if typ == "" {
		typ = "-"
	}
	neg := ""
	if ev.Negated {
		neg = " (negated)"
	}
	return fmt.Sprintf("#%d %s %s%s %s → %s  rule: %s", ev.Sentence, ev.CAMEO, typ, neg, actorText(ev.Source), actorText(ev.Target), ev.Rule)
}

// actorText formats an actor as its code and words, "-" when there is none.
func actorText(a *parley.Actor) string {
	switch {
	case a == nil:
		return "-"
	case a.Code == "" && a.Text == "":
		return "?"
	case a.Code == "":
		return fmt.Sprintf("? %q", a.Text)
	case a.Text == "":
		return a.Code
	}
	return fmt.Sprintf("%s %q", a.Code, a.Text)
}

// clipDoc shortens a document's text for an explanation.
func clipDoc(s string) string {
	s = normalize(s)
	if utf8.RuneCountInString(s) <= maxDocRunes {
		return s
	}
	return string([]rune(s)[:maxDocRunes]) + "…"
}

// writeEvents writes one explained event a line, or says there is none.
func writeEvents(w io.Writer, evs []parley.Event) {
	if len(evs) == 0 {
		fmt.Fprintln(w, "  coded: no event")
		return
	}
	for _, ev := range evs {
		fmt.Fprintf(w, "  coded: %s\n", explainEvent(ev))
	}
}

// pct formats a ratio as a percentage with its counts: "45.3% (146/322)".
func pct(q Ratio) string {
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*q.Rate, q.Hits, q.Total)
}

// writeJSON writes v as one indented JSON object.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// oneLine joins a text's lines with single spaces; the records of the gold
// sets wrap sentences, and the sentence splitter never joins across a line
// break.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
