package ingest

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"parley"
)

// ErrNotEnglish is in the chain of the error reported for a document that
// is not in English; parley.ErrorCode gives EINVALID for it too. Callers
// count these apart from failures: skipping them is the gate working.
var ErrNotEnglish = errors.New("not English")

// MinLanguageConfidence is the confidence whatlanggo must give a language
// other than English for a document to be refused.
const MinLanguageConfidence = 0.5

// minJudgedLetters is the fewest letters a text needs before its language
// is judged: a headline of a few words is given the benefit of the doubt.
// A text in the Latin script needs minLatinLetters, since short English
// sentences with few function words are easily taken for other European
// languages.
const (
	minJudgedLetters = 20
	minLatinLetters  = 80
)

// langSample is how much of a text is judged: its start, which is plenty
// and keeps the gate cheap on long documents.
const langSample = 2000

// isEnglishWord reports whether w (lower case) is one of the frequent
// English function words; a text where they are common is English
// without asking the detector, which is both faster and safer for news
// full of foreign names. (A switch: a map lookup cost twice as much.)
func isEnglishWord(w string) bool {
	switch w {
	case "the", "of", "and", "to", "in", "is", "was", "were", "said", "for", "on", "that", "with", "by", "as", "at",
		"from", "has", "have", "will", "it", "its", "are", "be", "an", "this", "which", "their", "after", "but", "not":
		return true
	}
	return false
}

// langQuick is how much of a text is read first: when those bytes are
// plainly English (ASCII, and a quarter of their words or more are common
// English words), the rest of the sample need not be read.
const langQuick = 600

// DocumentLanguage is Language of the document's title and text, one
// line apart, reading no more of them than Language does.
func DocumentLanguage(doc *parley.Document) (code, name string, english bool) {
	text := doc.Text
	if len(text) > langSample {
		text = text[:langSample] // Language cuts the joined text shorter still
	}
	return Language(doc.Title + "\n" + text)
}

// Language judges the language of text. It returns the language's ISO
// 639-3 code ("eng", "fra", "" when too short to tell), its English name,
// and whether the text is to be read as English: true for English, for
// texts too short to judge, and when the detector is not confident.
func Language(text string) (code, name string, english bool) {
	if len(text) > langSample {
		text = text[:langSample]
		for len(text) > 0 && !isRuneStart(text[len(text)-1]) {
			text = text[:len(text)-1]
		}
	}
	if len(text) > langQuick && plainlyEnglish(text[:langQuick]) {
		return "eng", "English", true
	}
	letters, latin := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				letters++
				latin++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
		i += size
	}
	if letters < minJudgedLetters {
		return "", "", true
	}
	if latin*10 >= letters*9 {
		if letters < minLatinLetters {
			return "", "", true
		}
		words, hits := countWords(text)
		if words > 0 && hits*100 >= words*12 {
			return "eng", "English", true
		}
	}
	info := whatlanggo.Detect(text)
	if info.Lang == whatlanggo.Eng {
		return "eng", "English", true
	}
	code, name = info.Lang.Iso6393(), info.Lang.String()
	nonLatin := latin*2 < letters
	return code, name, !(nonLatin || info.Confidence >= MinLanguageConfidence)
}

// plainlyEnglish reports whether s is ASCII with many words, a quarter
// of them or more common English words.
func plainlyEnglish(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	words, hits := countWords(s)
	return words >= 40 && hits*4 >= words
}

// countWords counts the words (runs of letters) of text and those that
// are common English words, in lower case.
func countWords(text string) (words, hits int) {
	var buf []byte
	inWord := false
	end := func() {
		if inWord {
			words++
			if isEnglishWord(string(buf)) {
				hits++
			}
		}
		buf, inWord = buf[:0], false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				buf, inWord = append(buf, c), true
			case 'A' <= c && c <= 'Z':
				buf, inWord = append(buf, c+'a'-'A'), true
			default:
				end()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			buf, inWord = utf8.AppendRune(buf, unicode.ToLower(r)), true
		} else {
			end()
		}
		i += size
	}
	end()
	return words, hits
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// languageError is the error for a document not in English.
func languageError(doc *parley.Document, code, name string) error {
	return fmt.Errorf("%w (%w)", parley.Errorf(parley.EINVALID, "document %q: language %s (%s), not English; skipped", doc.ID, code, name), ErrNotEnglish)
}
