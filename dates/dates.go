package dates

import "time"

// Expr is one date expression found in a text.
type Expr struct {
	// Start and End are the byte offsets of the expression in the text passed
	// to Find: text[Start:End] is the expression, without a leading
	// preposition (see the package doc).
	Start, End int
	// Date is the resolved date: "2019", "2019-02" or "2019-02-11".
	Date string
	// Precision is "year", "month" or "day", matching the layout of Date.
	Precision string
	// Since is true when the expression starts a period: "since 2017".
	Since bool
}

// Precisions of Expr.Precision, the same words as parley's event precisions.
const (
	precYear  = "year"
	precMonth = "month"
	precDay   = "day"
)

// Find returns the date expressions in text, in order, resolved against ref
// (the article date; only its year, month and day are used). The expressions
// do not overlap. Find returns nil when there are none.
func Find(text string, ref time.Time) []Expr {
	f := finder{
		text:    text,
		ref:     time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC),
		ry:      ref.Year(),
		rm:      int(ref.Month()),
		lastEnd: -1,
	}
	var out []Expr
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case isLetter(c):
			j := i + 1
			for j < n && isLetter(text[j]) {
				j++
			}
			if j-i >= 3 && j-i <= 9 {
				t := tok{i, j}
				if w := f.look(t); w.trig != tNone {
					if e, ok := f.word(t, w); ok {
						out = append(out, e)
						f.lastEnd = e.End
						i = e.End
						continue
					}
				}
			}
			i = j
		case isDigit(c):
			j := i + 1
			for j < n && isDigit(text[j]) {
				j++
			}
			if j-i <= 4 {
				if e, ok := f.number(tok{i, j}); ok {
					out = append(out, e)
					f.lastEnd = e.End
					i = e.End
					continue
				}
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// finder holds the state of one Find call.
type finder struct {
	text    string
	ref     time.Time // the reference date at UTC midnight
	ry, rm  int       // its year and month
	lastEnd int       // End of the last expression found, -1 before the first
}

// tok is a token of the text: a run of ASCII letters, a run of digits, one
// UTF-8 character or one ASCII punctuation byte. s == e means no token.
type tok struct{ s, e int }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }

// next returns the token at or after i, skipping white space (including
// no-break spaces).
func (f *finder) next(i int) tok {
	t := f.text
	n := len(t)
	for i < n {
		c := t[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if c == 0xC2 && i+1 < n && t[i+1] == 0xA0 {
			i += 2
			continue
		}
		break
	}
	if i >= n {
		return tok{n, n}
	}
	j := i + 1
	c := t[i]
	switch {
	case isLetter(c):
		for j < n && isLetter(t[j]) {
			j++
		}
	case isDigit(c):
		for j < n && isDigit(t[j]) {
			j++
		}
	case c >= 0xC0:
		for j < n && j-i < 4 && t[j]&0xC0 == 0x80 {
			j++
		}
	}
	return tok{i, j}
}

// prev returns the token ending at or before i, skipping white space.
func (f *finder) prev(i int) tok {
	t := f.text
	for i > 0 {
		c := t[i-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i--
			continue
		}
		if c == 0xA0 && i >= 2 && t[i-2] == 0xC2 {
			i -= 2
			continue
		}
		break
	}
	if i == 0 {
		return tok{0, 0}
	}
	e := i
	c := t[i-1]
	i--
	switch {
	case isLetter(c):
		for i > 0 && isLetter(t[i-1]) {
			i--
		}
	case isDigit(c):
		for i > 0 && isDigit(t[i-1]) {
			i--
		}
	case c&0xC0 == 0x80:
		for i > 0 && e-i < 4 && t[i-1]&0xC0 == 0x80 {
			i--
		}
		if i > 0 && t[i-1] >= 0xC0 {
			i--
		}
	}
	return tok{i, e}
}

func (f *finder) isWord(t tok) bool { return t.e > t.s && isLetter(f.text[t.s]) }
func (f *finder) isNum(t tok) bool  { return t.e > t.s && isDigit(f.text[t.s]) }
func (f *finder) isCap(t tok) bool  { return t.e > t.s && isUpper(f.text[t.s]) }

// is reports whether t is the one byte c.
func (f *finder) is(t tok, c byte) bool { return t.e == t.s+1 && f.text[t.s] == c }

// isDash reports whether t is a hyphen or an en dash.
func (f *finder) isDash(t tok) bool {
	return f.is(t, '-') || (t.e == t.s+3 && f.text[t.s:t.e] == "\u2013")
}

// look returns the lexicon entry of a word token.
func (f *finder) look(t tok) entry {
	n := t.e - t.s
	if n < 1 || n > maxWord || !isLetter(f.text[t.s]) {
		return entry{}
	}
	var buf [maxWord]byte
	for k := 0; k < n; k++ {
		buf[k] = f.text[t.s+k] | 0x20 // letters only: ASCII lowercase
	}
	if !lexWords.May(string(buf[:n])) {
		return entry{} // most words: no map lookup
	}
	return lex[string(buf[:n])]
}

// has reports whether word token t has all of flags.
func (f *finder) has(t tok, flags uint32) bool {
	return f.isWord(t) && f.look(t).flags&flags == flags
}

// num returns the value of a digit token of at most 4 digits.
func (f *finder) num(t tok) int {
	v := 0
	for k := t.s; k < t.e; k++ {
		v = v*10 + int(f.text[k]-'0')
	}
	return v
}

// word handles a word that may start (or, for "ago", end) an expression.
func (f *finder) word(t tok, w entry) (Expr, bool) {
	switch w.trig {
	case tMonth:
		return f.month(t, w)
	case tWeekday:
		return f.weekday(t, w)
	case tDayRel:
		if f.text[t.s] == 'T' { // "USA Today", "China Today"
			if p := f.prev(t.s); f.isWord(p) && f.isCap(p) && !f.has(p, fPrepMonth) {
				return Expr{}, false
			}
		}
		return f.day(t.s, t.e, f.ref.AddDate(0, 0, int(w.val)))
	case tLast, tThis, tNext:
		return f.relative(t, w.trig)
	case tEarlier:
		n := f.next(t.e)
		if f.isWord(n) && f.look(n).trig == tThis {
			if e, ok := f.relative(n, tThis); ok && f.look(f.next(n.e)).flags&(fWeek|fMonthUnit|fYear) != 0 {
				e.Start = t.s
				e.Since = f.since(t.s)
				return e, true
			}
		}
	case tAgo:
		return f.ago(t)
	}
	return Expr{}, false
}

// month handles a month name at t: "February", "February 2018", "March 12",
// "March 12, 2019", "February of this year".
func (f *finder) month(t tok, w entry) (Expr, bool) {
	capital := isUpper(f.text[t.s])
	if !capital && w.flags&(fWeak|fAbbrev) != 0 {
		return Expr{}, false
	}
	end := f.monthEnd(t, w)
	m := int(w.val)
	if d, e, ok := f.dayNumAfter(end); ok && !f.has(f.next(e), fCountNoun) {
		if y, ye, ok := f.yearAt(e, true); ok {
			return f.dayYMD(t.s, ye, y, m, d)
		}
		return f.dayYMD(t.s, e, f.dayYear(m, d), m, d)
	}
	if y, e, ok := f.monthYear(end); ok {
		return f.emit(t.s, e, y, m, 0, precMonth)
	}
	if w.flags&fAbbrev != 0 {
		return Expr{}, false
	}
	if !capital || w.flags&fWeak != 0 {
		if !f.monthContext(t.s) {
			return Expr{}, false
		}
	}
	if m == 5 && f.has(f.next(end), fMayVerb) {
		return Expr{}, false
	}
	y := f.ry
	if m > f.rm {
		y--
	}
	return f.emit(t.s, end, y, m, 0, precMonth)
}

// monthEnd returns the end of a month name, with an abbreviation's period.
func (f *finder) monthEnd(t tok, w entry) int {
	if w.flags&fAbbrev != 0 && t.e < len(f.text) && f.text[t.e] == '.' {
		return t.e + 1
	}
	return t.e
}

// monthYear parses the year after a month name ending at i: " 2018",
// " of 2018", " this year", " of last year".
func (f *finder) monthYear(i int) (y, end int, ok bool) {
	if y, e, ok := f.yearAt(i, false); ok {
		return y, e, true
	}
	n := f.next(i)
	if !f.isWord(n) || n.s == i {
		return 0, 0, false
	}
	w := f.look(n)
	if w.flags&fOf != 0 {
		if y, e, ok := f.yearAt(n.e, false); ok {
			return y, e, true
		}
		n = f.next(n.e)
		w = f.look(n)
	}
	var dy int
	switch w.trig {
	case tThis:
	case tLast:
		dy = -1
	case tNext:
		dy = 1
	default:
		return 0, 0, false
	}
	u := f.next(n.e)
	if !f.isWord(u) || u.e-u.s != 4 || f.look(u).flags&fYear == 0 {
		return 0, 0, false
	}
	return f.ry + dy, u.e, true
}

// monthContext reports whether the words before a month name at s make it a
// date: a preposition, "mid-", "the end of", or a list of dates.
func (f *finder) monthContext(s int) bool {
	p := f.prev(s)
	if f.is(p, '-') && p.e == s {
		return f.has(f.prev(p.s), fMid)
	}
	if f.isWord(p) {
		w := f.look(p)
		if w.flags&fPrepMonth != 0 {
			return true
		}
		if w.flags&fOf != 0 {
			return f.has(f.prev(p.s), fOfHead)
		}
	}
	return f.continues(p)
}

// continues reports whether p joins a date expression that ends just before
// it to one that starts just after it: "March and May", "2001-2005".
func (f *finder) continues(p tok) bool {
	if p.e <= p.s || f.lastEnd < 0 {
		return false
	}
	if !(f.is(p, ',') || f.is(p, '/') || f.isDash(p) || f.has(p, fConn)) {
		return false
	}
	return f.prev(p.s).e == f.lastEnd
}

// dayNumAfter parses a day of the month after white space at i: "12", "12th".
func (f *finder) dayNumAfter(i int) (d, end int, ok bool) {
	n := f.next(i)
	if n.s == i || !f.isNum(n) {
		return 0, 0, false
	}
	return f.dayNum(n)
}

// dayNum parses a day of the month at digit token t: "12", "12th", "1st".
func (f *finder) dayNum(t tok) (d, end int, ok bool) {
	if t.e-t.s > 2 {
		return 0, 0, false
	}
	d = f.num(t)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	e := t.e
	txt := f.text
	if e < len(txt) {
		c := txt[e]
		switch {
		case isLetter(c):
			if e+2 > len(txt) || (e+2 < len(txt) && isLetter(txt[e+2])) {
				return 0, 0, false
			}
			switch txt[e : e+2] {
			case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
				e += 2
			default:
				return 0, 0, false
			}
		case (c == ',' || c == '.' || c == ':') && e+1 < len(txt) && isDigit(txt[e+1]):
			return 0, 0, false
		case c == '%' || c == '/':
			return 0, 0, false
		}
	}
	return d, e, true
}

// yearAt parses a year after white space at i (after a comma too, when comma
// is true): " 2019", ", 2019".
func (f *finder) yearAt(i int, comma bool) (y, end int, ok bool) {
	n := f.next(i)
	if comma && f.is(n, ',') {
		n = f.next(n.e)
	} else if n.s == i {
		return 0, 0, false
	}
	if !f.isNum(n) || n.e-n.s != 4 {
		return 0, 0, false
	}
	y = f.num(n)
	if !f.yearOK(y) || !f.yearEndOK(n.e) {
		return 0, 0, false
	}
	return y, n.e, true
}

// yearOK reports whether y can be a year in a text written in the reference year.
func (f *finder) yearOK(y int) bool { return y >= 1800 && y <= f.ry+5 }

// yearEndOK reports whether the four digits ending at e can be a year: not a
// decade ("1990s"), a percentage, part of a larger number or a count ("2001
// people").
func (f *finder) yearEndOK(e int) bool {
	txt := f.text
	if e < len(txt) {
		c := txt[e]
		switch {
		case isLetter(c), c == '%':
			return false
		case (c == ',' || c == '.') && e+1 < len(txt) && isDigit(txt[e+1]):
			return false
		}
	}
	n := f.next(e)
	return !(f.isWord(n) && n.s > e && f.look(n).flags&fCountNoun != 0)
}

// number handles a digit token: an ISO date, a year, or a day before a month.
func (f *finder) number(t tok) (Expr, bool) {
	txt := f.text
	if t.s > 0 {
		switch c := txt[t.s-1]; {
		case isLetter(c), c == '$', c == '#', c == '@', c == '/', c == ':', c == '.',
			c == '\'', c == '+', c == '_', c == '&':
			return Expr{}, false
		case c == ',' && t.s >= 2 && isDigit(txt[t.s-2]):
			return Expr{}, false
		case c == '-':
			if !f.has(f.prev(t.s-1), fMid) && !f.continues(tok{t.s - 1, t.s}) {
				return Expr{}, false
			}
		case c == 0xA3 && t.s >= 2 && txt[t.s-2] == 0xC2: // £
			return Expr{}, false
		case c == 0xAC && t.s >= 3 && txt[t.s-3:t.s] == "\u20ac": // €
			return Expr{}, false
		}
	}
	switch t.e - t.s {
	case 4:
		if e, ok := f.iso(t); ok {
			return e, true
		}
		y := f.num(t)
		if !f.yearOK(y) || !f.yearEndOK(t.e) || !f.yearContext(t.s) {
			return Expr{}, false
		}
		return f.emit(t.s, t.e, y, 0, 0, precYear)
	case 1, 2:
		return f.dayFirst(t, t.s)
	}
	return Expr{}, false
}

// iso parses "2019-03-12" at the four-digit token t.
func (f *finder) iso(t tok) (Expr, bool) {
	txt := f.text
	e := t.e + 6
	if e > len(txt) || txt[t.e] != '-' || txt[t.e+3] != '-' ||
		!isDigit(txt[t.e+1]) || !isDigit(txt[t.e+2]) || !isDigit(txt[t.e+4]) || !isDigit(txt[t.e+5]) {
		return Expr{}, false
	}
	if e < len(txt) {
		c := txt[e]
		if isDigit(c) || (isLetter(c) && !(c == 'T' && e+1 < len(txt) && isDigit(txt[e+1]))) {
			return Expr{}, false
		}
	}
	y := f.num(t)
	m := int(txt[t.e+1]-'0')*10 + int(txt[t.e+2]-'0')
	d := int(txt[t.e+4]-'0')*10 + int(txt[t.e+5]-'0')
	if !f.yearOK(y) {
		return Expr{}, false
	}
	return f.dayYMD(t.s, e, y, m, d)
}

// yearContext reports whether the words before a four-digit number at s make
// it a year.
func (f *finder) yearContext(s int) bool {
	p := f.prev(s)
	if f.isDash(p) && p.e == s && f.has(f.prev(p.s), fMid) {
		return true
	}
	if f.isWord(p) {
		w := f.look(p)
		if w.flags&fPrepYear != 0 {
			return true
		}
		if w.flags&fOf != 0 {
			pp := f.prev(p.s)
			return f.isWord(pp) && !f.has(pp, fQtyHead)
		}
	}
	return f.continues(p)
}

// dayFirst parses "12 March", "12th of March 2019", "12-14 March" at the
// day token t; the expression starts at start.
func (f *finder) dayFirst(t tok, start int) (Expr, bool) {
	d, e, ok := f.dayNum(t)
	if !ok {
		return Expr{}, false
	}
	n := f.next(e)
	if f.isDash(n) && n.s == e { // "12-14 March": the first day
		if d2 := f.next(n.e); d2.s == n.e && f.isNum(d2) {
			if _, e2, ok := f.dayNum(d2); ok {
				n = f.next(e2)
			}
		}
	}
	if f.has(n, fOf) {
		n = f.next(n.e)
	}
	if n.s == e || !f.isCap(n) {
		return Expr{}, false
	}
	w := f.look(n)
	if w.trig != tMonth {
		return Expr{}, false
	}
	m := int(w.val)
	end := f.monthEnd(n, w)
	if y, ye, ok := f.yearAt(end, false); ok {
		return f.dayYMD(start, ye, y, m, d)
	}
	return f.dayYMD(start, end, f.dayYear(m, d), m, d)
}

// weekday handles a weekday name: "Monday", "Tuesday, March 12, 2019".
func (f *finder) weekday(t tok, w entry) (Expr, bool) {
	if p := f.prev(t.s); f.isCap(p) && f.has(p, fHoliday) {
		return Expr{}, false
	}
	n := f.next(t.e)
	if f.isCap(n) && f.has(n, fPaper) {
		return Expr{}, false
	}
	// A full date after the weekday gives the value.
	if f.is(n, ',') {
		n = f.next(n.e)
	}
	if n.s > t.e {
		if f.isNum(n) {
			if e, ok := f.dayFirst(n, t.s); ok {
				return e, true
			}
		} else if f.isCap(n) {
			if mw := f.look(n); mw.trig == tMonth {
				if d, e, ok := f.dayNumAfter(f.monthEnd(n, mw)); ok {
					m := int(mw.val)
					if y, ye, ok := f.yearAt(e, true); ok {
						return f.dayYMD(t.s, ye, y, m, d)
					}
					return f.dayYMD(t.s, e, f.dayYear(m, d), m, d)
				}
			}
		}
	}
	return f.weekdayRel(t.s, t.e, int(w.val), tNone)
}

// weekdayRel resolves weekday wd: the most recent on or before the reference
// date (how tNone), strictly before (tLast) or strictly after (tNext).
func (f *finder) weekdayRel(s, e, wd int, how trig) (Expr, bool) {
	back := (int(f.ref.Weekday()) - wd + 7) % 7
	switch how {
	case tLast:
		if back == 0 {
			back = 7
		}
	case tNext:
		fwd := (wd - int(f.ref.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		back = -fwd
	}
	return f.day(s, e, f.ref.AddDate(0, 0, -back))
}

// relative handles "last", "this" or "next" at t followed by a month,
// weekday, week, month, year or part of the day.
func (f *finder) relative(t tok, how trig) (Expr, bool) {
	if how != tThis && f.has(f.prev(t.s), fThe) { // "the last year": a period
		return Expr{}, false
	}
	n := f.next(t.e)
	if !f.isWord(n) {
		return Expr{}, false
	}
	w := f.look(n)
	switch {
	case w.trig == tMonth:
		if w.flags&fAbbrev != 0 || (w.flags&fWeak != 0 && !f.isCap(n)) {
			return Expr{}, false
		}
		m, y := int(w.val), f.ry
		switch how {
		case tLast:
			if m >= f.rm {
				y--
			}
		case tNext:
			if m <= f.rm {
				y++
			}
		}
		return f.emit(t.s, n.e, y, m, 0, precMonth)
	case w.trig == tWeekday:
		if how == tThis {
			how = tNone
		}
		return f.weekdayRel(t.s, n.e, int(w.val), how)
	}
	if f.text[n.e-1]|0x20 == 's' { // plurals: "last weeks"
		return Expr{}, false
	}
	d := 0
	switch how {
	case tLast:
		d = -1
	case tNext:
		d = 1
	}
	switch {
	case w.flags&fWeek != 0:
		// The month holding most of the week's days: its Thursday's for a
		// whole Monday-Sunday week, the middle day's for this week so far.
		mon := (int(f.ref.Weekday()) + 6) % 7
		var day time.Time
		if d == 0 {
			day = f.ref.AddDate(0, 0, -mon+(mon+1)/2)
		} else {
			day = f.ref.AddDate(0, 0, -mon+3+7*d)
		}
		return f.emit(t.s, n.e, day.Year(), int(day.Month()), 0, precMonth)
	case w.flags&fMonthUnit != 0:
		first := time.Date(f.ry, time.Month(f.rm)+time.Month(d), 1, 0, 0, 0, 0, time.UTC)
		return f.emit(t.s, n.e, first.Year(), int(first.Month()), 0, precMonth)
	case w.flags&fYear != 0:
		return f.emit(t.s, n.e, f.ry+d, 0, 0, precYear)
	case w.flags&fPartOfDay != 0:
		switch {
		case how == tLast && n.e-n.s == 5: // last night
			return f.day(t.s, n.e, f.ref.AddDate(0, 0, -1))
		case how == tThis && n.e-n.s != 5: // this morning, afternoon, evening
			return f.day(t.s, n.e, f.ref)
		}
	}
	return Expr{}, false
}

// ago handles "two days ago", "a week ago", "3 months ago", "five years ago"
// at the word "ago" t.
func (f *finder) ago(t tok) (Expr, bool) {
	u := f.prev(t.s)
	uw := f.look(u)
	if uw.flags&(fDay|fWeek|fMonthUnit|fYear) == 0 {
		return Expr{}, false
	}
	c := f.prev(u.s)
	if c.s < f.lastEnd || c.e == c.s {
		return Expr{}, false
	}
	var k int
	switch {
	case f.isNum(c) && c.e-c.s <= 3:
		if c.s > 0 && !(f.text[c.s-1] == ' ' || f.text[c.s-1] == '\n' || f.text[c.s-1] == '\t') {
			return Expr{}, false
		}
		k = f.num(c)
	case f.isWord(c):
		cw := f.look(c)
		if cw.flags&fNumber == 0 {
			return Expr{}, false
		}
		k = int(cw.val)
	default:
		return Expr{}, false
	}
	switch {
	case uw.flags&fDay != 0:
		return f.day(c.s, t.e, f.ref.AddDate(0, 0, -k))
	case uw.flags&fWeek != 0:
		return f.day(c.s, t.e, f.ref.AddDate(0, 0, -7*k))
	case uw.flags&fMonthUnit != 0:
		first := time.Date(f.ry, time.Month(f.rm-k), 1, 0, 0, 0, 0, time.UTC)
		return f.emit(c.s, t.e, first.Year(), int(first.Month()), 0, precMonth)
	default:
		return f.emit(c.s, t.e, f.ry-k, 0, 0, precYear)
	}
}

// dayYear returns the year of the most recent month m, day d not after the
// reference date.
func (f *finder) dayYear(m, d int) int {
	rd := f.ref.Day()
	if m > f.rm || (m == f.rm && d > rd) {
		return f.ry - 1
	}
	return f.ry
}

// day emits the calendar day of t.
func (f *finder) day(s, e int, t time.Time) (Expr, bool) {
	return f.emit(s, e, t.Year(), int(t.Month()), t.Day(), precDay)
}

// dayYMD emits a day after checking that it exists.
func (f *finder) dayYMD(s, e, y, m, d int) (Expr, bool) {
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Expr{}, false
	}
	return f.emit(s, e, y, m, d, precDay)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// emit builds the Expr for text[s:e] with the given date and precision.
func (f *finder) emit(s, e, y, m, d int, prec string) (Expr, bool) {
	if y < 1 || y > 9999 || s < f.lastEnd {
		return Expr{}, false
	}
	var b [10]byte
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	n := 4
	if prec != precYear {
		b[4], b[5], b[6] = '-', byte('0'+m/10), byte('0'+m%10)
		n = 7
	}
	if prec == precDay {
		b[7], b[8], b[9] = '-', byte('0'+d/10), byte('0'+d%10)
		n = 10
	}
	return Expr{Start: s, End: e, Date: string(b[:n]), Precision: prec, Since: f.since(s)}, true
}

// since reports whether "since" comes before an expression at s, possibly
// with a modifier between: "since early 2017", "since mid-May".
func (f *finder) since(s int) bool {
	p := f.prev(s)
	if f.isDash(p) && p.e == s {
		q := f.prev(p.s)
		if !f.has(q, fMid) {
			return false
		}
		p = f.prev(q.s)
	} else if f.has(p, fModifier) {
		p = f.prev(p.s)
	}
	return f.has(p, fSince)
}
