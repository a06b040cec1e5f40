package ingest

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what scanPage reads from a parsed page's markup besides its
// main text: the metadata go-readability does not give, the publication
// date candidates, and the boilerplate to drop before readability runs.
type pageMeta struct {
	lang      string // <html lang>, else a content-language or og:locale meta tag
	canonical string // <link rel=canonical>, else og:url
	site      string // application-name
	byline    string // the first byline's text, in an <article> if any, else in the page outside boilerplate
	dates     []dateCandidate
	drop      []*html.Node // navigation, asides, footers, ads
}

// dateCandidate is a date string found in a page, with its rank: the lower
// the rank, the more a source of its kind is to be trusted.
type dateCandidate struct {
	rank  int
	value string
}

// Ranks of the date sources, most trusted first.
const (
	rankPublishedMeta = iota // <meta property="article:published_time"> and the like
	rankStructured           // JSON-LD or microdata datePublished
	rankPubdateTime          // <time pubdate> or a <time> marked as the publication time
	rankGenericMeta          // <meta name="date">, dc.date and the like
	rankURL                  // /2019/07/07/ in the page's address
	rankFirstTime            // the page's first <time>
	rankDateClass            // the first element with a class such as "date" or "published"
	rankNone
)

// maxDateText bounds the text of an element read as a date or a byline;
// maxJSONLD the JSON-LD script read for a date.
const (
	maxDateText = 100
	maxJSONLD   = 256 << 10
)

// publishedMeta and genericMeta rank the names of date meta tags (name,
// property or itemprop, lower-cased).
var (
	publishedMeta = map[string]bool{
		"article:published_time": true, "og:published_time": true, "og:article:published_time": true,
		"article:published": true, "article.published": true, "article_date_original": true,
		"datepublished": true, "date_published": true, "published_time": true, "published-date": true,
		"publish-date": true, "publish_date": true, "publishdate": true, "pubdate": true, "publication_date": true,
		"parsely-pub-date": true, "sailthru.date": true, "dc.date.issued": true, "dcterms.issued": true,
		"dc.date.created": true, "dcterms.created": true, "citation_publication_date": true,
		"citation_date": true, "og:pubdate": true, "originalpublicationdate": true, "cxenseparse:recs:publishtime": true,
	}
	genericMeta = map[string]bool{
		"date": true, "dc.date": true, "dcterms.date": true, "dc:date": true, "dcterms:date": true,
		"created": true, "creation_date": true, "displaydate": true, "dateline": true,
	}
)

// boilerClass holds the words of class and id attributes that mark short
// boilerplate blocks that readability would keep as the article's
// neighbours: ads, promotions, sharing buttons, cookie notices.
var boilerClass = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true, "advertising": true,
	"sponsored": true, "promo": true, "newsletter": true, "subscribe": true,
	"cookie": true, "cookies": true, "consent": true, "share": true, "sharing": true,
	"social": true, "popup": true,
}

// maxBoilerText bounds the text of a block dropped for its class: a longer
// one, or one with two paragraphs or more, may be the article in an oddly
// named wrapper.
const maxBoilerText = 500

// isBoilerplate reports whether an element is a short block whose class
// or id names it as boilerplate. Only containers are dropped: paragraphs
// and inline elements are kept whatever their class (some sites mark the
// article's own paragraphs "paywall", or its links "popup").
func isBoilerplate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Li, atom.Form, atom.Ins, atom.Figure, atom.Table, atom.Iframe:
	default:
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for _, w := range words {
		if boilerClass[w] {
			return len(textOf(n, maxBoilerText+1)) <= maxBoilerText && countParagraphs(n, 2) < 2
		}
	}
	return false
}

// countParagraphs counts the <p> elements inside n, up to max.
func countParagraphs(n *html.Node, max int) int {
	k := 0
	for c := n.FirstChild; c != nil && k < max; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.P {
			k++
		} else {
			k += countParagraphs(c, max-k)
		}
	}
	return k
}

// isByline reports whether an element is a byline ("By Jane Doe, July 7"):
// rel=author, an author itemprop, or a byline or author class or id, with
// at most 100 characters of text. A dateline ("CAIRO —") is not one: it
// names a place.
func isByline(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	mark := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if !(hasToken(attr(n, "rel"), "author") || strings.Contains(strings.ToLower(attr(n, "itemprop")), "author") ||
		strings.Contains(mark, "byline") ||
		strings.Contains(mark, "author") && !strings.Contains(mark, "authoriz") && !strings.Contains(mark, "authorit")) {
		return false
	}
	t := textOf(n, maxDateText+1)
	return len(t) > 0 && len(t) <= maxDateText
}

// dropBylines removes the bylines inside n: readability keeps them in the
// article when the metadata name the author.
func dropBylines(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if isByline(c) {
			n.RemoveChild(c)
		} else {
			dropBylines(c)
		}
		c = next
	}
}

// scanPage walks a parsed page once and collects its metadata and the
// nodes to drop. It does not change the tree.
func scanPage(doc *html.Node) pageMeta {
	var m pageMeta
	var ogURL, metaLang, ogLocale string
	var seenTime, seenClass bool // a first <time>, a first date class
	inBoiler := 0                // depth inside boilerplate
	inArticle := 0               // depth inside <article>
	bylineInArticle := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		boiler := false
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.lang == "" {
					m.lang = attr(n, "lang")
				}
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") && metaLang == "" {
					metaLang = content
				}
				for _, key := range []string{"property", "name", "itemprop"} {
					k := strings.ToLower(strings.TrimSpace(attr(n, key)))
					switch {
					case k == "":
					case publishedMeta[k]:
						m.dates = append(m.dates, dateCandidate{rankPublishedMeta, content})
					case genericMeta[k]:
						m.dates = append(m.dates, dateCandidate{rankGenericMeta, content})
					case k == "og:url" && ogURL == "":
						ogURL = content
					case k == "og:locale" && ogLocale == "":
						ogLocale = content
					case (k == "language" || k == "content-language") && metaLang == "":
						metaLang = content
					case k == "application-name" && m.site == "":
						m.site = content
					}
				}
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					if v := jsonLDDate(scriptText(n, maxJSONLD)); v != "" {
						m.dates = append(m.dates, dateCandidate{rankStructured, v})
					}
				}
				return
			case atom.Style:
				return
			case atom.Nav, atom.Footer:
				m.drop = append(m.drop, n) // their metadata is read all the same
				boiler = true
			case atom.Aside:
				m.drop = append(m.drop, n)
				boiler = inArticle == 0 // an article's own aside may hold its byline and date
			}
			if !boiler && n.DataAtom != atom.Html && n.DataAtom != atom.Body && n.DataAtom != atom.Head && n.DataAtom != atom.Aside && isBoilerplate(n) {
				m.drop, boiler = append(m.drop, n), true
			}
			if !boiler && inBoiler == 0 && (m.byline == "" || inArticle > 0 && !bylineInArticle) && isByline(n) {
				m.byline, bylineInArticle = textOf(n, maxDateText), inArticle > 0
			}
			if n.DataAtom != atom.Meta {
				m.elementDates(n, boiler || inBoiler > 0, &seenTime, &seenClass)
			}
		}
		if boiler {
			inBoiler++
			defer func() { inBoiler-- }()
		}
		if n.DataAtom == atom.Article {
			inArticle++
			defer func() { inArticle-- }()
		}

		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.canonical == "" {
		m.canonical = ogURL
	}
	if m.lang == "" {
		m.lang = metaLang
	}
	if m.lang == "" {
		m.lang = ogLocale
	}
	m.lang = primaryLanguage(m.lang)
	return m
}

// elementDates adds the date candidates an element carries: a
// datePublished itemprop, a <time> marked as the publication time or the
// page's first <time>, or the first element whose class names a date.
// Weak ones (the first <time>, a date class) are not taken from inside
// boilerplate (sidebars, footers).
func (m *pageMeta) elementDates(n *html.Node, boiler bool, seenTime, seenClass *bool) {
	rank := -1
	class := strings.ToLower(attr(n, "class"))
	switch {
	case strings.EqualFold(attr(n, "itemprop"), "datePublished"):
		rank = rankStructured
	case n.DataAtom == atom.Time && (hasAttr(n, "pubdate") || strings.Contains(class, "publish")):
		rank = rankPubdateTime
	case n.DataAtom == atom.Time:
		if !*seenTime && !boiler {
			rank = rankFirstTime
			*seenTime = true
		}
	case strings.Contains(class, "date") || strings.Contains(class, "time") || strings.Contains(class, "publish") || strings.Contains(class, "posted"):
		if !*seenClass && !boiler && !strings.Contains(class, "updat") && !strings.Contains(class, "modif") && hasDate(n) {
			*seenClass = true
			rank = rankDateClass
		}
	}
	if rank < 0 {
		return
	}
	for _, key := range []string{"datetime", "content", "title"} {
		if v := strings.TrimSpace(attr(n, key)); v != "" {
			m.dates = append(m.dates, dateCandidate{rank, v})
		}
	}
	if t := textOf(n, maxDateText+1); t != "" && len(t) <= maxDateText {
		m.dates = append(m.dates, dateCandidate{rank, t})
	}
}

// hasDate reports whether an element's datetime, content or title
// attribute or its short text holds something that reads as a date.
func hasDate(n *html.Node) bool {
	for _, v := range []string{attr(n, "datetime"), attr(n, "content"), attr(n, "title")} {
		if _, _, _, ok := isoDate(v); ok {
			return true
		}
	}
	t := textOf(n, maxDateText+1)
	if len(t) > maxDateText { // a block, not a date
		return false
	}
	if _, _, _, ok := isoDate(t); ok {
		return true
	}
	_, _, _, ok := namedMonthDate(t)
	return ok
}

// primaryLanguage returns a language tag's primary subtag, lower-cased:
// "en" for "en-US", "pt" for "pt_BR".
func primaryLanguage(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	for _, r := range tag {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return ""
		}
	}
	return strings.ToLower(tag)
}

// findDate returns the publication date of a parsed page: the best ranked
// candidate among its metadata that reads as a plausible date; a date in
// the path of pageURL or of the page's canonical URL ranks between the
// generic date meta tags and the page's first <time>. The date is the calendar day the page gives, at
// midnight UTC; ok is false when there is none.
func findDate(m pageMeta, pageURL string, now time.Time) (time.Time, bool) {
	best, bestRank := time.Time{}, rankNone
	for _, c := range m.dates {
		if c.rank >= bestRank {
			continue
		}
		if t, ok := parseDate(c.value, now); ok {
			best, bestRank = t, c.rank
		}
	}
	if bestRank <= rankGenericMeta {
		return best, true
	}
	for _, u := range []string{pageURL, m.canonical} {
		if t, ok := urlDate(u, now); ok {
			return t, true
		}
	}
	return best, !best.IsZero()
}

// jsonLDDate returns the datePublished of a JSON-LD script, preferring an
// article's to any other item's; "" when it has none.
func jsonLDDate(src string) string {
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return rawJSONField(src, "datePublished") // broken JSON is common: look for the field
	}
	var article, other string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 16 || article != "" {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && d != "" {
				if isArticleType(x["@type"]) {
					article = d
					return
				}
				if other == "" {
					other = d
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
				if e, ok := x[k]; ok {
					walk(e, depth+1)
				}
			}
		}
	}
	walk(v, 0)
	if article != "" {
		return article
	}
	return other
}

// isArticleType reports whether a JSON-LD @type (a string or a list of
// them) names a kind of article or post.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || strings.Contains(x, "Posting") || x == "Report"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// rawJSONField returns the string value of the first "name": "value" pair
// in text that is not valid JSON, or "".
func rawJSONField(src, name string) string {
	i := strings.Index(src, `"`+name+`"`)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(src[i+len(name)+2:], " \t\r\n")
	if !strings.HasPrefix(rest, ":") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if !strings.HasPrefix(rest, `"`) {
		return ""
	}
	rest = rest[1:]
	if j := strings.IndexByte(rest, '"'); j >= 0 && j <= 64 {
		return rest[:j]
	}
	return ""
}

// earliestDate is the earliest publication date taken as plausible: older
// ones are more likely a birth date or a copyright line than the page's.
var earliestDate = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// plausible returns the day y-m-d at midnight UTC when it is a real
// calendar day from earliestDate to a day after now.
func plausible(y, m, d int, now time.Time) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Before(earliestDate) || t.After(now.UTC().Add(48*time.Hour)) {
		return time.Time{}, false
	}
	return t, true
}

// parseDate reads the first date in s: an ISO 8601 date (2019-07-07,
// 2019-07-07T09:30:00+02:00, 2019/07/07, 20190707) or one with the month's
// English name (Sun, 07 Jul 2019 09:30:00 GMT; July 7, 2019; 7th July
// 2019). A time and a zone after the date are ignored: the date is the
// calendar day as written, at midnight UTC. Numeric day-month orders other
// than year first are ambiguous and not read.
func parseDate(s string, now time.Time) (time.Time, bool) {
	if len(s) > 200 {
		s = s[:200]
	}
	if y, m, d, ok := isoDate(s); ok {
		return plausible(y, m, d, now)
	}
	if y, m, d, ok := namedMonthDate(s); ok {
		return plausible(y, m, d, now)
	}
	return time.Time{}, false
}

// isoDate finds the first year-month-day date in s with '-', '/' or '.'
// between its parts, or eight digits YYYYMMDD at its start.
func isoDate(s string) (y, m, d int, ok bool) {
	s = strings.TrimSpace(s)
	if n := digitRun(s, 0); n == 8 {
		return atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8]), true
	}
	for i := 0; i+8 <= len(s); i++ {
		if i > 0 && isDigit(s[i-1]) || digitRun(s, i) != 4 {
			continue
		}
		j := i + 4
		sep := s[j]
		if sep != '-' && sep != '/' && sep != '.' {
			continue
		}
		mn := digitRun(s, j+1)
		if mn < 1 || mn > 2 {
			continue
		}
		k := j + 1 + mn
		if k >= len(s) || s[k] != sep {
			continue
		}
		dn := digitRun(s, k+1)
		if dn < 1 || dn > 2 {
			continue
		}
		return atoi(s[i:j]), atoi(s[j+1 : k]), atoi(s[k+1 : k+1+dn]), true
	}
	return 0, 0, 0, false
}

// months maps English month names and their abbreviations to numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// namedMonthDate finds the first "Month D, YYYY" or "D Month YYYY" in s.
func namedMonthDate(s string) (y, m, d int, ok bool) {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	day := func(w string) int {
		w = strings.ToLower(w)
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			w = strings.TrimSuffix(w, suf)
		}
		if n := len(w); n < 1 || n > 2 || digitRun(w, 0) != n {
			return 0
		}
		return atoi(w)
	}
	year := func(w string) int {
		if len(w) != 4 || digitRun(w, 0) != 4 {
			return 0
		}
		return atoi(w)
	}
	for i, w := range words {
		mo := months[strings.ToLower(w)]
		if mo == 0 {
			continue
		}
		if i+2 < len(words) {
			if dd, yy := day(words[i+1]), year(words[i+2]); dd > 0 && yy > 0 {
				return yy, mo, dd, true
			}
		}
		if i > 0 && i+1 < len(words) {
			if dd, yy := day(words[i-1]), year(words[i+1]); dd > 0 && yy > 0 {
				return yy, mo, dd, true
			}
		}
	}
	return 0, 0, 0, false
}

// urlDate finds a date in a URL's path: /2019/07/07/, /2019-07-07/ or
// /20190707/ as one or three path segments.
func urlDate(raw string, now time.Time) (time.Time, bool) {
	if raw == "" {
		return time.Time{}, false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return time.Time{}, false
	}
	segs := strings.Split(u.Path, "/")
	for i, seg := range segs {
		n := digitRun(seg, 0)
		if n == 4 && len(seg) == 4 && i+2 < len(segs) {
			m, d := segs[i+1], segs[i+2]
			if mn, dn := digitRun(m, 0), digitRun(d, 0); mn == len(m) && mn >= 1 && mn <= 2 && dn == len(d) && dn >= 1 && dn <= 2 {
				if t, ok := plausible(atoi(seg), atoi(m), atoi(d), now); ok {
					return t, true
				}
			}
		}
		if n == 8 && (len(seg) == 8 || !isDigit(seg[8])) {
			if t, ok := plausible(atoi(seg[:4]), atoi(seg[4:6]), atoi(seg[6:8]), now); ok {
				return t, true
			}
		}
		if n == 4 && len(seg) >= 10 && seg[4] == '-' && digitRun(seg, 5) == 2 && seg[7] == '-' && digitRun(seg, 8) == 2 && (len(seg) == 10 || !isDigit(seg[10])) {
			if t, ok := plausible(atoi(seg[:4]), atoi(seg[5:7]), atoi(seg[8:10]), now); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitRun returns the number of ASCII digits in s from i on.
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// atoi reads a short run of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasToken reports whether a space-separated attribute value holds tok,
// ignoring case.
func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(v) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf returns the text inside n with its white space runs folded into
// single spaces, stopping once it has about max bytes; the text of scripts
// and styles inside n is left out.
func textOf(n *html.Node, max int) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < max; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				for _, w := range strings.Fields(c.Data) {
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(w)
					if b.Len() >= max {
						break
					}
				}
			case c.DataAtom == atom.Script, c.DataAtom == atom.Style:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// scriptText returns a script element's source, at most max bytes of it.
func scriptText(n *html.Node, max int) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil && b.Len() < max; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data[:min(len(c.Data), max-b.Len())])
		}
	}
	return b.String()
}
