package ingest_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"parley"
	"parley/ingest"
)

const paragraphs = `<p>Taliban representatives and Afghan officials met in Doha, Qatar, on Sunday for a two-day conference aimed at ending the war, officials said.</p>
<p>The United States has held several rounds of talks with the Taliban since last year. The group had refused to meet the Afghan government.</p>
<p>German and Qatari diplomats organised the meeting, which was attended by about sixty delegates, including members of parliament.</p>`

func TestExtractHTMLFixture(t *testing.T) {
	f, err := os.Open("testdata/web/article.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := ingest.ExtractHTML(f, "text/html; charset=utf-8", "https://news.example/world/doha-talks?x=1")
	if err != nil {
		t.Fatal(err)
	}
	want := ingest.Page{
		Title:    "Envoys meet in Doha as talks resume",
		Author:   "Jane Fieldwriter",
		Language: "en",
		Site:     "The Parley Times",
		URL:      "https://news.example/world/doha-talks",
		Date:     time.Date(2019, 7, 7, 0, 0, 0, 0, time.UTC),
	}
	text := p.Text
	p.Text = ""
	if p != want {
		t.Errorf("got  %+v\nwant %+v", p, want)
	}
	lines := strings.Split(text, "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "Taliban representatives") || !strings.HasPrefix(lines[3], "The delegates are expected") {
		t.Errorf("want the four paragraphs, one a line, without headline or byline; got %q", text)
	}
}

func TestExtractHTMLFallbacks(t *testing.T) {
	// no metadata but the address's date, a byline, a relative canonical
	// link and a content-language meta tag
	src := `<html><head><meta http-equiv="content-language" content="en-US"><title>Talks resume in Doha</title>
<link rel="canonical" href="/2019/07/07/talks"></head><body>
<div class="promo">Subscribe to our newsletter for only $1.</div>
<article><h1>Talks resume in Doha</h1><div class="byline">By Jane Fieldwriter, July 7, 2019</div>` + paragraphs + `</article>
</body></html>`
	p, err := ingest.ExtractHTML(strings.NewReader(src), "", "https://www.news.example/world/talks")
	if err != nil {
		t.Fatal(err)
	}
	if p.URL != "https://www.news.example/2019/07/07/talks" || p.Date.Format("2006-01-02") != "2019-07-07" {
		t.Errorf("URL %q, date %v", p.URL, p.Date)
	}
	if p.Author != "Jane Fieldwriter" || p.Language != "en" || p.Site != "news.example" || p.Title != "Talks resume in Doha" {
		t.Errorf("author %q, language %q, site %q, title %q", p.Author, p.Language, p.Site, p.Title)
	}
	for _, junk := range []string{"Subscribe", "By Jane", "July 7"} {
		if strings.Contains(p.Text, junk) {
			t.Errorf("%q kept in text %q", junk, p.Text)
		}
	}
	if strings.Count(p.Text, "\n") != 2 {
		t.Errorf("want three lines: %q", p.Text)
	}

	// a date in JSON-LD only, a page without an address
	src = `<html><head><title>Talks</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks resume","datePublished":"2019-07-07T23:30:00-05:00","author":{"@type":"Person","name":"Jane Fieldwriter"}}</script></head>
<body><article>` + paragraphs + `</article></body></html>`
	p, err = ingest.ExtractHTML(strings.NewReader(src), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Date.Format("2006-01-02") != "2019-07-07" || p.Author != "Jane Fieldwriter" || p.Site != "" || p.URL != "" {
		t.Errorf("JSON-LD page: %+v", p)
	}

	// a relative canonical link without the page's address is no URL
	src = `<html><head><link rel="canonical" href="/2019/07/07/talks"></head><body><article>` + paragraphs + `</article></body></html>`
	if p, err := ingest.ExtractHTML(strings.NewReader(src), "", ""); err != nil || p.URL != "" || p.Site != "" {
		t.Errorf("relative canonical link: URL %q, site %q, %v", p.URL, p.Site, err)
	}

	// a date in a <time> element; none at all
	for src, want := range map[string]string{
		`<html><body><article><time datetime="2019-07-07T09:30">Sunday</time>` + paragraphs + `</article></body></html>`: "2019-07-07",
		`<html><body><article>` + paragraphs + `</article></body></html>`:                                                "0001-01-01",
	} {
		p, err := ingest.ExtractHTML(strings.NewReader(src), "", "")
		if err != nil || p.Date.Format("2006-01-02") != want {
			t.Errorf("date %v, want %s (%v)", p.Date, want, err)
		}
	}
}

func TestExtractHTMLNoText(t *testing.T) {
	if _, err := ingest.ExtractHTML(strings.NewReader(""), "", ""); err == nil {
		t.Error("empty page: no error")
	}
	for _, src := range []string{"<html><head><title>x</title></head><body></body></html>", "<html><body><script>var x = 1;</script><nav>Home</nav></body></html>"} {
		_, err := ingest.ExtractHTML(strings.NewReader(src), "", "")
		if err == nil || parley.ErrorCode(err) != parley.EINVALID {
			t.Errorf("%q: got %v, want EINVALID", src, err)
		}
	}
}

// FuzzExtractHTML checks that no page makes ExtractHTML panic or return a
// page that breaks its contract: valid UTF-8, one-line metadata, text
// whenever there is no error, a date at midnight UTC and an absolute URL.
func FuzzExtractHTML(f *testing.F) {
	for _, name := range []string{"testdata/web/article.html", "testdata/web/latin1.html", "testdata/web/second.html"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "https://news.example/2019/07/07/x")
	}
	f.Add([]byte(`<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2019-07-07"}]}</script></head><body><article><p class="byline">By J</p><time pubdate>July 7, 2019</time><p>Officials met in Kabul.</p></article></body></html>`), "")
	f.Fuzz(func(t *testing.T, data []byte, pageURL string) {
		p, err := ingest.ExtractHTML(bytes.NewReader(data), "", pageURL)
		if err != nil {
			return
		}
		if strings.TrimSpace(p.Text) == "" {
			t.Fatal("no error and no text")
		}
		for _, s := range []string{p.Title, p.Author, p.Site, p.Language, p.URL} {
			if strings.ContainsAny(s, "\n\r") {
				t.Fatalf("metadata on more than one line: %q", s)
			}
		}
		if !utf8.ValidString(p.Text + p.Title + p.Author + p.Site + p.URL) {
			t.Fatalf("invalid UTF-8: %+v", p)
		}
		if !p.Date.IsZero() && (p.Date.Location() != time.UTC || p.Date.Hour() != 0 || p.Date.Year() < 1990) {
			t.Fatalf("date %v", p.Date)
		}
		if p.URL != "" && !strings.HasPrefix(p.URL, "http://") && !strings.HasPrefix(p.URL, "https://") {
			t.Fatalf("URL %q", p.URL)
		}
	})
}
