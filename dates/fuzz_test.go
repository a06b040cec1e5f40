package dates_test

import (
	"testing"
	"time"

	"parley/dates"
)

// layouts maps each precision to the layout its dates parse with.
var layouts = map[string]string{
	"year":  "2006",
	"month": "2006-01",
	"day":   "2006-01-02",
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"In February, Taliban representatives met in Moscow.",
		"since 2017", "on March 12, 2019", "12th of March 2019", "2019-03-12T10:00",
		"last Tuesday", "two days ago", "earlier this month", "Tuesday, March 12",
		"mid-2018", "between 2001 and 2005", "12-14 March", "Feb. 11", "in May 2,000 people",
		"the Sunday Times", "USA Today", "a week ago", "\u00a0June\u00a012", "2001\u20132005",
	} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		// References from 1800 to 2200: every date Find returns must be a
		// well-formed year, so include references near the edges of what it accepts.
		r := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%146000))
		prev := 0
		for _, e := range dates.Find(text, r) {
			if e.Start < prev || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("Find(%q): bad offsets [%d,%d) after %d", text, e.Start, e.End, prev)
			}
			prev = e.End
			layout, ok := layouts[e.Precision]
			if !ok {
				t.Fatalf("Find(%q): bad precision %q", text, e.Precision)
			}
			if _, err := time.Parse(layout, e.Date); err != nil {
				t.Fatalf("Find(%q): date %q does not parse as %s: %v", text, e.Date, e.Precision, err)
			}
		}
	})
}
