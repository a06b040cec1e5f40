package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// oneSentence reports whether prose's segmenter would return the line as
// one sentence, and if so where it starts and ends, white space trimmed.
//
// Punkt only breaks after a word holding a full stop, question mark or
// exclamation mark, and only looks at such words and the word after each. So
// when the only such marks are in the line's last word, there is at most one
// candidate, at the line's end, and whichever way it is decided the line is
// one sentence. Most headlines and short lines are like that.
func oneSentence(line string) (start, end int, ok bool) {
	start, end = trimSpace(line)
	body := line[start:end]
	p := strings.IndexAny(body, ".!?")
	if p < 0 {
		return start, end, true
	}
	// The last word starts after the last white space.
	for i := p; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return 0, 0, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		if unicode.IsSpace(r) {
			return 0, 0, false
		}
		i += size
	}
	return start, end, true
}

// trimSpace returns the span of s without leading and trailing white space.
func trimSpace(s string) (start, end int) {
	end = len(s)
	for start < end {
		c := s[start]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			start++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		c := s[end-1]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			end--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}
