package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// testNow is the "now" of the date tests: dates after it are implausible.
var testNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2019-07-07":                        "2019-07-07",
		"2019-07-07T09:30:00Z":              "2019-07-07",
		"2019-07-07T23:30:00-05:00":         "2019-07-07", // the day as written, not as in UTC
		"2019-07-08T00:30:00+02:00":         "2019-07-08",
		"2019-07-07 09:30:00.000":           "2019-07-07",
		"2019/7/7":                          "2019-07-07",
		"2019.07.07":                        "2019-07-07",
		"20190707":                          "2019-07-07",
		"20190707T093000Z":                  "2019-07-07",
		"Sun, 07 Jul 2019 09:30:00 GMT":     "2019-07-07",
		"July 7, 2019":                      "2019-07-07",
		"Jul. 7, 2019, 9:30 a.m. EDT":       "2019-07-07",
		"7 July 2019":                       "2019-07-07",
		"7th July 2019":                     "2019-07-07",
		"Sept 21st, 2017":                   "2017-09-21",
		"Posted on Sunday, July 7, 2019":    "2019-07-07",
		"  published: 2019-07-07 by Jane  ": "2019-07-07",
		"2024-06-02":                        "2024-06-02", // a day ahead of now: time zones
		"2019-02-29":                        "",           // no such day
		"2019-13-01":                        "",
		"1985-07-07":                        "", // before 1990: a birth date, not the page's
		"2999-01-01":                        "", // the future
		"07/07/2019":                        "", // month or day first: ambiguous
		"12345678901":                       "",
		"1562491800":                        "", // a Unix time is not read
		"yesterday":                         "",
		"May":                               "",
		"":                                  "",
		"Room 2019-7":                       "",
	} {
		got, ok := parseDate(in, testNow)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
			if got.Location() != time.UTC || got.Hour() != 0 || got.Minute() != 0 {
				t.Errorf("parseDate(%q) = %v, want midnight UTC", in, got)
			}
		}
		if s != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, s, want)
		}
	}
}

func TestURLDate(t *testing.T) {
	for in, want := range map[string]string{
		"https://news.example/2019/07/07/talks-resume":      "2019-07-07",
		"https://news.example/world/2019/7/7/talks.html":    "2019-07-07",
		"https://news.example/2019-07-07/talks":             "2019-07-07",
		"https://news.example/news/2019-07-07-talks-resume": "2019-07-07",
		"https://news.example/20190707/talks":               "2019-07-07",
		"/2019/07/07/":                                      "2019-07-07",
		"https://news.example/2019/07/talks":                "", // no day
		"https://news.example/2019/13/40/x":                 "",
		"https://news.example/story/123456789/x":            "",
		"https://news.example/x?date=2019-07-07":            "", // the query is not the path
		"https://news.example/1066/10/14/hastings":          "",
		"":            "",
		"::not a url": "",
	} {
		got, ok := urlDate(in, testNow)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != want {
			t.Errorf("urlDate(%q) = %q, want %q", in, s, want)
		}
	}
}

// page parses an HTML page for the tests.
func page(t *testing.T, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestFindDate(t *testing.T) {
	const body = `<body><article><h1>Talks</h1><p>Officials met in Doha.</p></article></body>`
	for _, c := range []struct {
		name, head, body, url, want string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2019-07-07T09:30:00Z">`, body, "", "2019-07-07"},
		{"og:published_time", `<meta property="og:published_time" content="2019-07-07">`, body, "", "2019-07-07"},
		{"name date", `<meta name="date" content="2019-07-07">`, body, "", "2019-07-07"},
		{"dc.date", `<meta name="DC.date" content="2019-07-07">`, body, "", "2019-07-07"},
		{"dc.date.issued", `<meta name="dc.date.issued" content="2019-07-07">`, body, "", "2019-07-07"},
		{"sailthru.date", `<meta name="sailthru.date" content="2019-07-07 09:30:00">`, body, "", "2019-07-07"},
		{"parsely-pub-date", `<meta name="parsely-pub-date" content="2019-07-07T09:30:00Z">`, body, "", "2019-07-07"},
		{"meta itemprop", `<meta itemprop="datePublished" content="2019-07-07">`, body, "", "2019-07-07"},
		{"RFC 1123 in a meta tag", `<meta name="pubdate" content="Sun, 07 Jul 2019 09:30:00 GMT">`, body, "", "2019-07-07"},
		{"JSON-LD", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2019-07-07T09:30:00+02:00","dateModified":"2019-08-01"}</script>`, body, "", "2019-07-07"},
		{"JSON-LD list, the article's date", `<script type="application/ld+json">[{"@type":"WebSite","datePublished":"2001-01-01"},{"@type":["NewsArticle"],"datePublished":"2019-07-07"}]</script>`, body, "", "2019-07-07"},
		{"JSON-LD graph", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"X"},{"@type":"BlogPosting","datePublished":"2019-07-07"}]}</script>`, body, "", "2019-07-07"},
		{"JSON-LD broken", `<script type="application/ld+json">{"@type":"NewsArticle", "datePublished" : "2019-07-07",}</script>`, body, "", "2019-07-07"},
		{"JSON-LD in CDATA", `<script type="application/ld+json"><![CDATA[{"@type":"Article","datePublished":"2019-07-07"}]]></script>`, body, "", "2019-07-07"},
		{"itemprop on a span", "", `<body><article><span itemprop="datePublished" content="2019-07-07">Sunday</span><p>Text.</p></article></body>`, "", "2019-07-07"},
		{"itemprop on abbr title", "", `<body><abbr class="published" itemprop="datePublished" title="2019-07-07T09:30:00-07:00">9:30 AM</abbr></body>`, "", "2019-07-07"},
		{"time pubdate", "", `<body><time datetime="2001-01-01">old</time><article><time pubdate datetime="2019-07-07T09:30">Sunday</time></article></body>`, "", "2019-07-07"},
		{"time class published", "", `<body><time class="published" datetime="2019-07-07">Sunday</time></body>`, "", "2019-07-07"},
		{"time text", "", `<body><article><time>July 7, 2019</time><p>x</p></article></body>`, "", "2019-07-07"},
		{"first time only", "", `<body><article><time datetime="2019-07-07">x</time><time datetime="2019-07-09">y</time></article></body>`, "", "2019-07-07"},
		{"first time not in a sidebar", "", `<body><aside><time datetime="2018-01-01">old story</time></aside><article><time datetime="2019-07-07">x</time></article></body>`, "", "2019-07-07"},
		{"date class", "", `<body><article><div class="entry-date">Posted on July 7, 2019</div><p>x</p></article></body>`, "", "2019-07-07"},
		{"date class in a byline", "", `<body><article><p class="byline">By Jane Doe, <span class="date">7 July 2019</span></p></article></body>`, "", "2019-07-07"},
		{"updated class ignored", "", `<body><article><div class="updated-date">July 9, 2019</div></article></body>`, "", ""},
		{"URL", "", body, "https://news.example/2019/07/07/talks", "2019-07-07"},
		{"canonical URL", `<link rel="canonical" href="https://news.example/2019/07/07/talks">`, body, "", "2019-07-07"},
		{"none", `<meta property="article:modified_time" content="2019-07-09">`, body, "https://news.example/talks", ""},
		// precedence
		{"published meta before JSON-LD", `<meta property="article:published_time" content="2019-07-07"><script type="application/ld+json">{"@type":"Article","datePublished":"2019-07-08"}</script>`, body, "", "2019-07-07"},
		{"JSON-LD before <time pubdate>", `<script type="application/ld+json">{"@type":"Article","datePublished":"2019-07-07"}</script>`, `<body><time pubdate datetime="2019-07-08">x</time></body>`, "", "2019-07-07"},
		{"<time pubdate> before meta date", `<meta name="date" content="2019-07-08">`, `<body><time pubdate datetime="2019-07-07">x</time></body>`, "", "2019-07-07"},
		{"meta date before URL", `<meta name="date" content="2019-07-07">`, body, "https://news.example/2019/07/08/x", "2019-07-07"},
		{"URL before first time", "", `<body><time datetime="2019-07-08">x</time></body>`, "https://news.example/2019/07/07/x", "2019-07-07"},
		{"first time before date class", "", `<body><div class="date">July 8, 2019</div><time datetime="2019-07-07">x</time></body>`, "", "2019-07-07"},
		{"unreadable best falls through", `<meta property="article:published_time" content="soon"><meta name="date" content="2019-07-07">`, body, "", "2019-07-07"},
		{"implausible best falls through", `<meta property="article:published_time" content="2999-07-07">`, body, "https://news.example/2019/07/07/x", "2019-07-07"},
	} {
		doc := page(t, "<!DOCTYPE html><html><head>"+c.head+"</head>"+c.body+"</html>")
		got, ok := findDate(scanPage(doc), c.url, testNow)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != c.want {
			t.Errorf("%s: findDate = %q, want %q", c.name, s, c.want)
		}
	}
}

func TestScanPageMetadata(t *testing.T) {
	doc := page(t, `<!DOCTYPE html><html lang="en-GB"><head>
<meta property="og:url" content="https://news.example/og">
<link rel="Canonical" href="https://news.example/canonical">
<meta name="application-name" content="The Parley Times">
</head><body>
<nav>Home</nav>
<div class="ad-slot">Buy now!</div>
<div class="article-ads-free"><p>Kept: two paragraphs</p><p>make an article.</p></div>
<p class="paywall">Kept: paragraphs are never dropped for their class.</p>
<article><p class="byline">By Jane Doe, July 7, 2019</p><p>Officials met.</p><aside>Pull quote</aside></article>
<footer>Copyright</footer></body></html>`)
	m := scanPage(doc)
	if m.lang != "en" || m.canonical != "https://news.example/canonical" || m.site != "The Parley Times" {
		t.Errorf("metadata: %+v", m)
	}
	var dropped []string
	for _, n := range m.drop {
		dropped = append(dropped, textOf(n, 1000))
	}
	if got, want := strings.Join(dropped, "|"), "Home|Buy now!|Pull quote|Copyright"; got != want {
		t.Errorf("dropped %q, want %q", got, want)
	}
	m = scanPage(page(t, `<html><head><meta http-equiv="Content-Language" content="pt-BR"><meta property="og:url" content="/og"></head></html>`))
	if m.lang != "pt" || m.canonical != "/og" {
		t.Errorf("fallbacks: %+v", m)
	}
	m = scanPage(page(t, `<html><head><meta property="og:locale" content="fr_FR"></head></html>`))
	if m.lang != "fr" {
		t.Errorf("og:locale: %+v", m)
	}
	// bylines and dates in indented markup
	m = scanPage(page(t, `<html><body><article><div class="byline">`+strings.Repeat("\n    ", 40)+`By Jane Doe`+strings.Repeat("\n    ", 40)+`</div>
<div class="entry-date">`+strings.Repeat("\n\t\t", 60)+`July 7, 2019`+strings.Repeat("\n\t\t", 60)+`</div><p>Text.</p></article></body></html>`))
	if d, ok := findDate(m, "", testNow); !ok || d.Format("2006-01-02") != "2019-07-07" {
		t.Errorf("indented markup: date %v", d)
	}
	// the byline in the article, not one in a sidebar or a list before it
	m = scanPage(page(t, `<html><body><aside><div class="author">Sidebar Writer</div></aside>
<ul><li class="author-follow">Other Writer: other story</li></ul>
<article><div class="byline">By Jane Doe</div><p>Text.</p></article></body></html>`))
	if m.byline != "By Jane Doe" {
		t.Errorf("byline %q", m.byline)
	}
	m = scanPage(page(t, `<html><body><aside><div class="author">Sidebar Writer</div></aside><div class="post-footer"><span rel="author">Jane Doe</span></div></body></html>`))
	if m.byline != "Jane Doe" {
		t.Errorf("byline %q", m.byline)
	}
	m = scanPage(page(t, `<html><body><article><aside><span itemprop="author">Jane Doe</span><time datetime="2019-07-07">Sunday</time></aside><p>Text.</p></article></body></html>`))
	if d, _ := findDate(m, "", testNow); m.byline != "Jane Doe" || d.Format("2006-01-02") != "2019-07-07" || len(m.drop) != 1 {
		t.Errorf("an article's aside: byline %q, date %v, %d dropped", m.byline, d, len(m.drop))
	}
	// a long block whose class names an ad is kept: it may be the article
	long := strings.Repeat("Officials met in Doha on Sunday. ", 30)
	m = scanPage(page(t, `<html><body><div class="ad">`+long+`</div></body></html>`))
	if len(m.drop) != 0 {
		t.Errorf("dropped a long block: %d nodes", len(m.drop))
	}
}

func TestDropBylines(t *testing.T) {
	doc := page(t, `<html><body><article><div class="byline">

	By Jane Doe, July 7, 2019
	</div><p>By the river, officials met.</p><span rel="author">Jane</span><div id="authorization">Sign in</div>
<div class="author-bio">`+strings.Repeat("Jane Doe has written about the region for twenty years. ", 3)+`</div><p class="dateline">CAIRO —</p></article></body></html>`)
	dropBylines(doc)
	if got, want := textOf(doc, 1000), "By the river, officials met. Sign in Jane Doe has written"; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "CAIRO —") {
		t.Errorf("got %q, want it to start with %q and end with the dateline", got, want)
	}
}

func TestCleanAuthor(t *testing.T) {
	for in, want := range map[string]string{
		"Jane Fieldwriter":                        "Jane Fieldwriter",
		"By Jane Fieldwriter, July 7, 2019":       "Jane Fieldwriter",
		"BY  JANE\nFIELDWRITER":                   "JANE FIELDWRITER",
		"Posted by Android Developers":            "Android Developers",
		"Dan Goodin - Apr 16, 2015 8:02 pm UTC":   "Dan Goodin",
		"Sarah Archer 1:39 PM ET":                 "Sarah Archer",
		"Joe Wee Monday, February 29, 2016":       "Joe Wee",
		"Last Updated: January 7, 2025":           "",
		"May 20, 2019":                            "",
		"Jane Doe and John Roe":                   "Jane Doe and John Roe",
		"":                                        "",
		strings.Repeat("Very Long Name ", 20):     "",
		"Stella Kim, Jennifer Jett":               "Stella Kim, Jennifer Jett",
		"Bradley M. Kuhn (http://ebb.org/bkuhn/)": "Bradley M. Kuhn (http://ebb.org/bkuhn/)",
		"Jane Doe (@jane2019)":                    "Jane Doe (@jane2019)",
		"Jane Doe, 2019-07-07":                    "Jane Doe",
		"Lucas Nolan22 Dec 2016651":               "Lucas Nolan",
	} {
		if got := cleanAuthor(in); got != want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseDate checks that parseDate never panics and gives only
// plausible days at midnight UTC.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019-07-07T09:30:00Z", "Sun, 07 Jul 2019 09:30:00 GMT", "7th July 2019", "20190707", "2019/7/", "July 7,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDate(s, testNow)
		if !ok {
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Before(earliestDate) || d.After(testNow.Add(48*time.Hour)) {
			t.Fatalf("parseDate(%q) = %v", s, d)
		}
	})
}
