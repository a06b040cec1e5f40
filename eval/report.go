package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"parley"
)

// maxTextRunes bounds the sentence text quoted in WriteText; WriteJSON gives
// it whole.
const maxTextRunes = 200

// WriteText writes a summary for a person: the figures first, then one line
// per missed required gold event, missed optional one, imperfect match and
// false alarm:
//
//	recall 0.88 (7/8)  precision 0.78 (7/9)  F1 0.82
//	full-code 0.71 (5/7)  date 0.50 (1/2)  location 1.00 (1/1)  optional 0.20 (3/15)
//	MISSED E03 [required] "The Taliban was overthrown ..." want USA|NAT/19|17/TAL|AFGGOV
//	  got doc#2 190 USA→AFGGOV rule: ...
//	WRONG E12 date: got 2019-06-15 (document) want 2019-02 (month)
//	FALSE ALARM doc#3 042 AFGGOV→TAL rule: ... text: ...
//
// In a "want", "*" is an actor list that accepts any actor, and "⇄" marks a
// symmetric event. Gold events are named by id, prefixed by "doc/" when the
// gold spans more than one document.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)

	docs := make(map[string]bool)
	for _, list := range [][]Miss{r.Missed, r.MissedOptional} {
		for _, m := range list {
			docs[m.Gold.Doc] = true
		}
	}
	for _, m := range r.Matches {
		docs[m.Gold.Doc] = true
	}
	name := func(g Gold) string {
		if len(docs) > 1 {
			return g.Doc + "/" + g.ID
		}
		return g.ID
	}

	for _, list := range [][]Miss{r.Missed, r.MissedOptional} {
		for _, m := range list {
			g := m.Gold
			kind := "optional"
			if g.Required {
				kind = "required"
			}
			fmt.Fprintf(bw, "MISSED %s [%s] %q want %s\n", name(g), kind, clip(g.Sentence), want(g))
			if m.Text != "" && m.Text != normalize(g.Sentence) {
				fmt.Fprintf(bw, "  sentence: %s\n", clip(m.Text))
			}
			for _, ev := range m.Near {
				fmt.Fprintf(bw, "  got %s rule: %s\n", eventLine(ev), ev.Rule)
			}
			if len(m.Near) == 0 {
				fmt.Fprintln(bw, "  got nothing in this sentence")
			}
		}
	}
	for _, m := range r.Matches {
		g, ev := m.Gold, m.Event
		if !m.CAMEO {
			fmt.Fprintf(bw, "WRONG %s code: got %s want %s\n", name(g), ev.CAMEO, strings.Join(g.CAMEO, "|"))
		}
		if m.Date != nil && !*m.Date {
			fmt.Fprintf(bw, "WRONG %s date: got %s (%s) want %s (%s)\n", name(g), ev.Date, ev.DatePrecision, g.Date, g.DatePrecision)
		}
		if m.Location != nil && !*m.Location {
			got := "none"
			if l := ev.Location; l != nil {
				got = fmt.Sprintf("%s %s (%.0f km away)", l.Name, l.Country, DistanceKm(*g.Location, *l))
			}
			fmt.Fprintf(bw, "WRONG %s location: got %s want %s %s\n", name(g), got, g.Location.Name, g.Location.Country)
		}
	}
	for _, ev := range r.FalseAlarms {
		fmt.Fprintf(bw, "FALSE ALARM %s rule: %s text: %s\n", eventLine(ev), ev.Rule, clip(ev.Text))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// WriteSummary writes the figures only: the first two lines of WriteText,
// and the gold documents not coded.
func (r Report) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.summary(bw)
	return flush(bw)
}

func (r Report) summary(w io.Writer) {
	fmt.Fprintf(w, "recall %s  precision %s  F1 %.2f\n", r.Recall, r.Precision, r.F1)
	fmt.Fprintf(w, "full-code %s  date %s  location %s  optional %s\n", r.CAMEO, r.Date, r.Location, r.Optional)
	if len(r.Uncoded) > 0 {
		fmt.Fprintf(w, "UNCODED documents with gold events: %s\n", strings.Join(r.Uncoded, ", "))
	}
}

// WriteJSON writes the report as one indented JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// String formats a ratio as "0.88 (7/8)".
func (q Ratio) String() string {
	return fmt.Sprintf("%.2f (%d/%d)", q.Rate, q.Hits, q.Total)
}

// want formats a gold event's accepted source/root/target.
func want(g Gold) string {
	list := func(codes []string) string {
		if len(codes) == 0 {
			return "*"
		}
		return strings.Join(codes, "|")
	}
	s := list(g.Source) + "/" + list(g.Root) + "/" + list(g.Target)
	if g.Symmetric {
		s += " ⇄"
	}
	return s
}

// eventLine formats a prediction as "doc#sentence code source→target", each
// actor its code and, when known, its words: TAL "the Taliban"→-.
func eventLine(ev parley.Event) string {
	return fmt.Sprintf("%s#%d %s %s→%s", ev.Doc, ev.Sentence, ev.CAMEO, actorText(ev.Source), actorText(ev.Target))
}

// clip shortens text for a one-line summary.
func clip(s string) string {
	s = normalize(s)
	if utf8.RuneCountInString(s) <= maxTextRunes {
		return s
	}
	return string([]rune(s)[:maxTextRunes]) + "…"
}
