package dates

import "parley/internal/wordset"

// trig says what a word starts, when it starts a date expression.
type trig uint8

const (
	tNone    trig = iota
	tMonth        // val: 1-12
	tWeekday      // val: time.Weekday
	tDayRel       // yesterday, today, tonight, tomorrow; val: days from ref
	tLast         // last
	tThis         // this
	tNext         // next
	tEarlier      // earlier, later (followed by "this")
	tAgo          // ago: the expression is the words before it
)

// Word flags: what a word means as context of a date expression.
const (
	fWeak      uint32 = 1 << iota // month name that is also a common word or a name
	fAbbrev                       // month abbreviation
	fPrepMonth                    // word before a month name that makes it a date
	fPrepYear                     // word before a number that makes it a year
	fOfHead                       // "end" in "the end of May"
	fQtyHead                      // "total" in "a total of 2001": not a year
	fConn                         // joins two dates: "and", "to"
	fModifier                     // early, late, mid: skipped for Since
	fHoliday                      // "Good" in "Good Friday"
	fPaper                        // "Times" in "Sunday Times"
	fCountNoun                    // "people" in "2001 people"
	fMayVerb                      // "said" in "May said": Theresa May, not the month
	fNumber                       // number word; val: its value
	fDay                          // unit: day(s)
	fWeek                         // unit: week(s)
	fMonthUnit                    // unit: month(s)
	fYear                         // unit: year(s)
	fPartOfDay                    // morning, afternoon, evening, night
	fThe                          // the
	fOf                           // of
	fSince                        // since
	fMid                          // mid
)

// entry is what the lexicon knows about a lowercase word.
type entry struct {
	trig  trig
	val   int8
	flags uint32
}

// maxWord is the longest word in the lexicon; longer words are never looked up.
const maxWord = 12

// lex maps lowercase words to what they mean for dates.
var lex = buildLex()

// lexWords are the words of lex.
var lexWords = func() *wordset.Filter {
	f := new(wordset.Filter)
	for w := range lex {
		f.Add(w)
	}
	return f
}()

func buildLex() map[string]entry {
	m := make(map[string]entry, 400)
	add := func(flags uint32, words ...string) {
		for _, w := range words {
			e := m[w]
			e.flags |= flags
			m[w] = e
		}
	}
	set := func(w string, t trig, val int8) {
		e := m[w]
		e.trig, e.val = t, val
		m[w] = e
	}
	for i, w := range []string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"} {
		set(w, tMonth, int8(i+1))
	}
	add(fWeak, "march", "april", "may", "june", "august")
	for w, v := range map[string]int8{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		set(w, tMonth, v)
		add(fAbbrev, w)
	}
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday"} {
		set(w, tWeekday, int8(i))
	}
	set("yesterday", tDayRel, -1)
	set("today", tDayRel, 0)
	set("tonight", tDayRel, 0)
	set("tomorrow", tDayRel, 1)
	set("last", tLast, 0)
	set("this", tThis, 0)
	set("next", tNext, 0)
	set("earlier", tEarlier, 0)
	set("later", tEarlier, 0)
	set("ago", tAgo, 0)

	add(fPrepMonth|fPrepYear, "in", "since", "by", "until", "till", "from", "during",
		"before", "after", "through", "throughout", "between", "early", "late", "mid")
	add(fPrepMonth, "around")
	add(fPrepYear, "year", "spring", "summer", "autumn", "fall", "winter")
	add(fOfHead, "end", "beginning", "start", "middle", "rest", "half", "part", "course",
		"spring", "summer", "autumn", "fall", "winter", "as")
	add(fQtyHead, "total", "number", "sum", "estimate", "estimated", "figure", "toll",
		"tally", "population", "force", "crowd", "group", "army", "budget", "maximum",
		"minimum", "average", "score", "height", "depth", "length", "distance", "rate",
		"value", "price", "cost", "capacity", "fleet", "salary", "fine", "ransom",
		"turnout", "majority", "out", "one", "some", "all", "each", "least", "most")
	add(fConn, "and", "or", "to", "through", "until", "till")
	add(fModifier, "early", "late", "mid")
	add(fHoliday, "bloody", "good", "super", "black", "cyber", "ash", "palm", "easter",
		"holy", "maundy", "fat", "shrove", "great", "giving")
	add(fPaper, "times", "telegraph", "express", "mirror", "post", "herald", "mail",
		"tribune", "independent", "star", "observer", "sport", "school")
	add(fCountNoun, "people", "persons", "soldiers", "troops", "civilians", "men", "women",
		"children", "votes", "voters", "residents", "refugees", "migrants", "fighters",
		"militants", "police", "policemen", "officers", "workers", "students", "prisoners",
		"detainees", "families", "homes", "houses", "buildings", "units", "dollars",
		"euros", "pounds", "rupees", "afghanis", "tons", "tonnes", "km", "kilometres",
		"kilometers", "miles", "metres", "meters", "feet", "members", "delegates",
		"participants", "protesters", "demonstrators", "casualties", "deaths", "dead",
		"cases")
	add(fMayVerb, "said", "says", "has", "had", "is", "was", "will", "would", "could",
		"should", "told", "wants", "wanted", "insisted", "resigned", "announced", "met",
		"won", "lost", "took", "became", "faces", "faced", "and", "herself", "who")
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen", "twenty"} {
		add(fNumber, w)
		e := m[w]
		e.val = int8(i + 1)
		m[w] = e
	}
	for w, v := range map[string]int8{"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50} {
		add(fNumber, w)
		e := m[w]
		e.val = v
		m[w] = e
	}
	add(fDay, "day", "days")
	add(fWeek, "week", "weeks")
	add(fMonthUnit, "month", "months")
	add(fYear, "year", "years")
	add(fPartOfDay, "morning", "afternoon", "evening", "night")
	add(fThe, "the")
	add(fOf, "of")
	add(fSince, "since")
	add(fMid, "mid")
	return m
}
