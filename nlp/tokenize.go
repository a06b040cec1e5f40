package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/nlp/tagger"
)

// piece is a token before tagging: its text and byte offset.
type piece struct {
	text  string
	start int
}

// tokenize appends the tokens of sentence to dst, with offsets from base.
//
// It gives the tokens prose's tokenize.Tokenizer (default options) gives,
// with curly quotes then split off as splitQuotes did: a span of text
// between white space is cut into a token per leading "$", "(", '"', "[",
// "“" or "‘", per contraction ("do|n't", "they|'ll", "Ghani|’s"), and per
// trailing punctuation mark or closing quote, unless it is an emoticon or an
// abbreviation ("U.S.", "Jan."), which stays whole.
func tokenize(dst []piece, sentence string, base int) []piece {
	i, n := 0, len(sentence)
	for i < n {
		// Skip white space.
		for i < n {
			c := sentence[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(sentence[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if i >= n {
			break
		}
		j := i
		quotes := false // whether the span has an apostrophe or a non-ASCII byte
		for j < n {
			c := sentence[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				quotes = quotes || c == '\''
				j++
				continue
			}
			quotes = true
			r, size := utf8.DecodeRuneInString(sentence[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		dst = splitSpan(dst, sentence[i:j], base+i, quotes)
		i = j
	}
	return dst
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Curly quotes, as UTF-8: all are E2 80 xx.
const (
	lsquo = 0x98 // ‘
	rsquo = 0x99 // ’
	ldquo = 0x9c // “
	rdquo = 0x9d // ”
)

// splitSpan cuts one white-space-delimited span into tokens.
// Only a span with quotes (an apostrophe or a non-ASCII byte) can hold a
// contraction or a curly quote.
func splitSpan(dst []piece, s string, base int, quotes bool) []piece {
	// Trailing marks come off the end first but go out last; they are
	// kept here in reverse order.
	var tailArr [8]piece
	tail := tailArr[:0]
	for s != "" {
		if isKept(s) {
			dst = emit(dst, s, base, quotes)
			break
		}
		if p := prefixLen(s); p > 0 {
			dst = emit(dst, s[:p], base, quotes)
			s, base = s[p:], base+p
			continue
		}
		if quotes {
			if k := contraction(s); k > 0 {
				dst = emit(dst, s[:k], base, quotes)
				s, base = s[k:], base+k
				continue
			}
		}
		if k := suffixLen(s); k > 0 {
			cut := len(s) - k
			tail = append(tail, piece{s[cut:], base + cut})
			s = s[:cut]
			continue
		}
		dst = emit(dst, s, base, quotes)
		break
	}
	for i := len(tail) - 1; i >= 0; i-- {
		dst = emit(dst, tail[i].text, tail[i].start, quotes)
	}
	return dst
}

// isKept reports whether a span is a token as it is: an emoticon, letters
// each followed by a full stop ("U.S."), or a capital, one or two small
// letters and a full stop ("Mr.").
func isKept(s string) bool {
	n := len(s)
	if n >= 4 && n%2 == 0 && s[n-1] == '.' {
		ok := true
		for i := 0; i < n; i += 2 {
			if !isASCIILetter(s[i]) || s[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (n == 3 || n == 4) && s[n-1] == '.' && 'A' <= s[0] && s[0] <= 'Z' {
		ok := true
		for i := 1; i < n-1; i++ {
			if s[i] < 'a' || s[i] > 'z' {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return tagger.IsEmoticon(s)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// prefixLen is the length of a leading "$", "(", '"', "[", "“" or "‘" that is
// not the whole span, or 0.
func prefixLen(s string) int {
	switch s[0] {
	case '$', '(', '"', '[':
		if len(s) > 1 {
			return 1
		}
	case 0xe2:
		if len(s) > 3 && s[1] == 0x80 && (s[2] == ldquo || s[2] == lsquo) {
			return 3
		}
	}
	return 0
}

// suffixLen is the length of a trailing punctuation mark or closing quote
// that is not the whole span, or 0.
func suffixLen(s string) int {
	n := len(s)
	switch s[n-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		if n > 1 {
			return 1
		}
	case rdquo, rsquo:
		if n > 3 && s[n-3] == 0xe2 && s[n-2] == 0x80 {
			return 3
		}
	}
	return 0
}

// The contraction endings, in the order prose lists them.
const (
	cLL  = 1 << iota // 'll
	cS               // 's
	cRE              // 're
	cM               // 'm
	cNT              // n't
	cCLL             // ’ll
	cCS              // ’s
	cCRE             // ’re
	cCM              // ’m
	cCNT             // n’t
)

// contractionsAt reports, as a bit set, which contraction endings occur at
// s[i:], ignoring ASCII case.
func contractionsAt(s string, i int) int {
	c := s[i]
	switch {
	case c == '\'':
		return apostropheEndings(s[i+1:], cLL, cS, cRE, cM)
	case c == 0xe2:
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == rsquo {
			return apostropheEndings(s[i+3:], cCLL, cCS, cCRE, cCM)
		}
	case c|0x20 == 'n':
		r := s[i+1:]
		if len(r) >= 2 && r[0] == '\'' && r[1]|0x20 == 't' {
			return cNT
		}
		if len(r) >= 4 && r[0] == 0xe2 && r[1] == 0x80 && r[2] == rsquo && r[3]|0x20 == 't' {
			return cCNT
		}
	}
	return 0
}

// apostropheEndings matches "ll", "s", "re" and "m" after an apostrophe.
func apostropheEndings(r string, ll, s, re, m int) int {
	if r == "" {
		return 0
	}
	switch r[0] | 0x20 {
	case 'l':
		if len(r) >= 2 && r[1]|0x20 == 'l' {
			return ll
		}
	case 's':
		return s
	case 'r':
		if len(r) >= 2 && r[1]|0x20 == 'e' {
			return re
		}
	case 'm':
		return m
	}
	return 0
}

// contraction returns where a contraction ending starts, or 0. As prose
// does, it takes each ending's first occurrence only, and ignores an ending
// whose first occurrence starts the span: the earliest of the others wins.
func contraction(s string) int {
	seen := contractionsAt(s, 0)
	for i := 1; i < len(s); i++ {
		if m := contractionsAt(s, i); m&^seen != 0 {
			return i
		}
	}
	return 0
}

// emit appends a token, splitting off curly quotes and apostrophes that
// prose's tokenizer leaves attached ("”foreign", "Ghani’s" after a closing
// quote), keeping offsets exact.
func emit(dst []piece, s string, start int, quotes bool) []piece {
	if !quotes || len(s) <= 3 || !hasCurly(s) {
		return append(dst, piece{s, start})
	}
	// Leading quotes: “ ‘ ”.
	for len(s) > 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == ldquo || s[2] == lsquo || s[2] == rdquo) {
		dst = append(dst, piece{s[:3], start})
		s, start = s[3:], start+3
	}
	// Trailing quotes: ” ’ “.
	end := len(s)
	for end > 3 && s[end-3] == 0xe2 && s[end-2] == 0x80 && (s[end-1] == rdquo || s[end-1] == rsquo || s[end-1] == ldquo) {
		end -= 3
	}
	tail, ts := s[end:], start+end
	s = s[:end]
	n := len(s)
	switch {
	case n > 4 && s[n-4:] == "’s":
		dst = append(dst, piece{s[:n-4], start}, piece{s[n-4:], start + n - 4})
	case n > 5 && s[n-5:] == "n’t":
		dst = append(dst, piece{s[:n-5], start}, piece{s[n-5:], start + n - 5})
	default:
		dst = append(dst, piece{s, start})
	}
	for tail != "" {
		dst = append(dst, piece{tail[:3], ts})
		tail, ts = tail[3:], ts+3
	}
	return dst
}

// hasCurly reports whether s holds one of “ ” ‘ ’.
func hasCurly(s string) bool {
	for {
		i := strings.IndexByte(s, 0xe2)
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if s[i+1] == 0x80 && (s[i+2] == lsquo || s[i+2] == rsquo || s[i+2] == ldquo || s[i+2] == rdquo) {
			return true
		}
		s = s[i+1:]
	}
}
