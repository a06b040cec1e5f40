package server_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"parley"
	"parley/actors"
	"parley/cameo"
	"parley/coding"
	"parley/data"
	"parley/geo"
	"parley/ingest"
	"parley/nlp"
	"parley/server"
	"parley/store/sqlite"
)

var (
	coderOnce sync.Once
	coder     *coding.Coder
	coderErr  error
)

func newCoder(t *testing.T) *coding.Coder {
	t.Helper()
	coderOnce.Do(func() {
		parser, err := nlp.Default()
		if err != nil {
			coderErr = err
			return
		}
		codes, _ := cameo.Load(data.FS, "cameo/codes.txt")
		acts, _, err := actors.Load(data.FS)
		if err != nil {
			coderErr = err
			return
		}
		verbs, _, err := coding.LoadVerbs(data.FS, codes)
		if err != nil {
			coderErr = err
			return
		}
		coder = &coding.Coder{Parser: parser, Actors: acts, Verbs: verbs, Codes: codes}
		if g, err := geo.Default(); err == nil {
			coder.Geo = g // events get locations, for the map
		}
	})
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return coder
}

// inputs are the articles the tests store: the seed (when ../shared is
// present), the reworded test articles of package dedup and the samples.
var inputs = []string{"../../shared/seed/afghan-peace-talks.jsonl", "../dedup/testdata/reworded.jsonl", "../data/samples/articles.jsonl"}

// newStore returns a store holding the coded input articles.
func newStore(t *testing.T) parley.EventStore {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := newCoder(t)
	for _, path := range inputs {
		f, err := os.Open(path)
		if os.IsNotExist(err) && strings.Contains(path, "shared") {
			t.Logf("%s absent: the seed is not stored", path)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var docs []parley.CodedDocument
		err = ingest.ReadJSONLines(ctx, f, path, ingest.Options{}, func(d parley.Document) error {
			res, err := c.Code(&d)
			if err != nil {
				return err
			}
			docs = append(docs, parley.CodedDocument{Doc: d, Events: res.Events, Sentences: res.Sentences})
			return nil
		}, func(err error) { t.Error(err) })
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddDocuments(ctx, docs); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

const token = "test-token-0123456789"

func newServer(t *testing.T) (*httptest.Server, parley.EventStore) {
	t.Helper()
	st := newStore(t)
	srv := server.New(st, newCoder(t), token, nil)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, st
}

func get(t *testing.T, url string, accept string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

type page struct {
	Events []parley.StoredEvent `json:"events"`
	Next   string               `json:"next"`
}

func getPage(t *testing.T, url string) page {
	t.Helper()
	resp, body := get(t, url, "")
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	var p page
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return p
}

func TestEvents(t *testing.T) {
	ts, st := newServer(t)
	stats, _ := st.Stats(context.Background())
	all := getPage(t, ts.URL+"/api/events?limit=1000")
	if len(all.Events) != stats.Events || all.Next != "" {
		t.Fatalf("all events: %d (next %q), store has %d", len(all.Events), all.Next, stats.Events)
	}
	// Paging by 7 gives the same events in the same order.
	var paged []parley.StoredEvent
	url := ts.URL + "/api/events?limit=7"
	for {
		p := getPage(t, url)
		paged = append(paged, p.Events...)
		if p.Next == "" {
			break
		}
		url = ts.URL + "/api/events?limit=7&cursor=" + p.Next
	}
	if len(paged) != len(all.Events) {
		t.Fatalf("paged: %d events, want %d", len(paged), len(all.Events))
	}
	for i := range paged {
		if paged[i].ID != all.Events[i].ID {
			t.Fatalf("paged order differs at %d", i)
		}
	}
	for _, tt := range []struct {
		query string
		check func(e parley.StoredEvent) bool
	}{
		{"actor=AFGINSTAL", func(e parley.StoredEvent) bool {
			return strings.HasPrefix(code(e.Source), "AFGINSTAL") || strings.HasPrefix(code(e.Target), "AFGINSTAL")
		}},
		{"root=04", func(e parley.StoredEvent) bool { return e.Root == "04" }},
		{"cameo=112", func(e parley.StoredEvent) bool { return strings.HasPrefix(e.CAMEO, "112") }},
		{"plover=ACCUSE", func(e parley.StoredEvent) bool { return e.PLOVER.Type == "ACCUSE" }},
		{"country=RUS", func(e parley.StoredEvent) bool {
			return actorCountry(e.Source) == "RUS" || actorCountry(e.Target) == "RUS" || (e.Location != nil && e.Location.Country == "RUS")
		}},
		{"from=2019-02-01&to=2019-02-28", func(e parley.StoredEvent) bool { return e.Date >= "2019-02" && e.Date < "2019-03" }},
		{"q=moscow", func(e parley.StoredEvent) bool { return true }},
	} {
		p := getPage(t, ts.URL+"/api/events?limit=1000&"+tt.query)
		if len(p.Events) == 0 {
			t.Errorf("%s: no events", tt.query)
		}
		for _, e := range p.Events {
			if !tt.check(e) {
				t.Errorf("%s: event %s %s %s %s does not match", tt.query, e.ID, code(e.Source), e.CAMEO, code(e.Target))
			}
		}
	}
}

func code(a *parley.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

func actorCountry(a *parley.Actor) string {
	if a == nil {
		return ""
	}
	return a.Country
}

func TestFormats(t *testing.T) {
	ts, _ := newServer(t)
	resp, body := get(t, ts.URL+"/api/events?limit=5", "text/csv")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Accept text/csv: Content-Type %q", ct)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(rows) != 6 || rows[0][0] != "id" {
		t.Errorf("CSV: %d rows, %v", len(rows), err)
	}
	if resp.Header.Get("X-Next-Cursor") == "" || !strings.Contains(resp.Header.Get("Link"), `rel="next"`) {
		t.Errorf("CSV page without next cursor headers")
	}
	resp, body = get(t, ts.URL+"/api/events?limit=5", "application/x-ndjson")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
		t.Errorf("Accept ndjson: Content-Type %q", ct)
	}
	n := 0
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		var e parley.StoredEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.ID == "" {
			t.Errorf("JSON line %q: %v", sc.Text(), err)
		}
		n++
	}
	if n != 5 {
		t.Errorf("JSON lines: %d lines, want 5", n)
	}
	_, body = get(t, ts.URL+"/api/dyads?interval=month&format=csv", "")
	if !strings.HasPrefix(body, "source,target,period,count,mentions,mean_goldstein\n") {
		t.Errorf("dyads CSV starts %q", clip(body, 80))
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func TestEvent(t *testing.T) {
	ts, _ := newServer(t)
	p := getPage(t, ts.URL+"/api/events?limit=1000&actor=AFGINSTAL&root=04")
	var multi *parley.StoredEvent
	for i := range p.Events {
		if p.Events[i].NumArticles >= 3 {
			multi = &p.Events[i]
		}
	}
	if multi == nil {
		t.Fatalf("no Taliban meeting reported by 3 articles among %d events", len(p.Events))
	}
	resp, body := get(t, ts.URL+"/api/events/"+multi.ID, "")
	if resp.StatusCode != 200 {
		t.Fatalf("GET event: %d %s", resp.StatusCode, body)
	}
	var ev parley.StoredEvent
	if err := json.Unmarshal([]byte(body), &ev); err != nil {
		t.Fatal(err)
	}
	if len(ev.Mentions) != ev.NumMentions {
		t.Errorf("%d mentions, num_mentions %d", len(ev.Mentions), ev.NumMentions)
	}
	for _, m := range ev.Mentions {
		marks := map[string]bool{}
		var text strings.Builder
		for _, r := range m.Evidence {
			marks[r.Mark] = true
			text.WriteString(r.Text)
		}
		if !marks["source"] || !marks["verb"] {
			t.Errorf("mention %s: evidence marks %v, want source and verb", m.ID, marks)
		}
		if text.String() != m.Text {
			t.Errorf("mention %s: evidence %q is not the sentence %q", m.ID, text.String(), m.Text)
		}
		if m.DedupReason == "" || m.DocDate == "" {
			t.Errorf("mention %s without reason or date", m.ID)
		}
	}
	if resp, _ := get(t, ts.URL+"/api/events/nope", ""); resp.StatusCode != 404 {
		t.Errorf("unknown event: %d, want 404", resp.StatusCode)
	}
	if resp, body := get(t, ts.URL+"/api/documents/moscow-gulf-wire", ""); resp.StatusCode != 200 || !strings.Contains(body, "Hamid Karzai") {
		t.Errorf("document: %d %s", resp.StatusCode, clip(body, 100))
	}
}

func TestAggregates(t *testing.T) {
	ts, _ := newServer(t)
	var d struct {
		Dyads []parley.DyadStat `json:"dyads"`
	}
	_, body := get(t, ts.URL+"/api/dyads?actor=AFGINSTAL", "")
	json.Unmarshal([]byte(body), &d)
	found := false
	for _, x := range d.Dyads {
		if (x.Source == "AFGINSTAL" && x.Target == "AFGGOV") || (x.Source == "AFGGOV" && x.Target == "AFGINSTAL") {
			found = true
		}
	}
	if !found {
		t.Errorf("no Taliban–Afghan government dyad in %s", clip(body, 300))
	}
	// limit counts dyads, busiest first, beyond the events' page bound;
	// all gives every one.
	dyads := func(query string) []parley.DyadStat {
		t.Helper()
		var d struct {
			Dyads []parley.DyadStat `json:"dyads"`
		}
		resp, body := get(t, ts.URL+"/api/dyads"+query, "")
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &d) != nil {
			t.Fatalf("GET /api/dyads%s: %d %s", query, resp.StatusCode, clip(body, 200))
		}
		return d.Dyads
	}
	all := dyads("?limit=all")
	if len(all) < 2 || !slices.Equal(dyads(""), all) || !slices.Equal(dyads("?limit=100000"), all) {
		t.Errorf("dyads: limit=all gives %d, the default %d, limit=100000 %d", len(all), len(dyads("")), len(dyads("?limit=100000")))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Count < all[i].Count {
			t.Errorf("dyads not busiest first: %+v before %+v", all[i-1], all[i])
		}
	}
	if top := dyads("?limit=1"); len(top) != 1 || top[0] != all[0] {
		t.Errorf("dyads?limit=1 = %+v, want %+v", top, all[0])
	}
	var tl struct {
		Timeline []parley.TimelineStat `json:"timeline"`
	}
	resp, body := get(t, ts.URL+"/api/timeline?interval=week", "")
	if resp.StatusCode != 200 {
		t.Fatalf("timeline: %d %s", resp.StatusCode, body)
	}
	json.Unmarshal([]byte(body), &tl)
	if len(tl.Timeline) == 0 {
		t.Errorf("empty timeline")
	}
	for _, x := range tl.Timeline {
		if x.QuadClass < 1 || x.QuadClass > 4 || x.Count < 1 {
			t.Errorf("timeline row %+v", x)
		}
	}
}

func TestBadRequests(t *testing.T) {
	ts, _ := newServer(t)
	for _, q := range []string{
		"/api/events?limit=abc", "/api/events?limit=-1", "/api/events?bbox=1,2,3", "/api/events?bbox=0,0,500,10",
		"/api/events?root=1%27%3B%20DROP%20TABLE%20events", "/api/events?actor=AFG%25", "/api/events?from=yesterday",
		"/api/events?cursor=%21%21", "/api/events?q=" + strings.Repeat("x", 201), "/api/timeline?interval=year",
		"/api/dyads?interval=decade", "/api/dyads?limit=0", "/api/dyads?limit=some",
	} {
		resp, body := get(t, ts.URL+q, "")
		if resp.StatusCode != 400 {
			t.Errorf("GET %s: %d, want 400", q, resp.StatusCode)
		}
		var e struct{ Error, Code string }
		if json.Unmarshal([]byte(body), &e); e.Code != "invalid" {
			t.Errorf("GET %s: body %s", q, clip(body, 100))
		}
	}
	p := getPage(t, ts.URL+"/api/events?limit=100000")
	if len(p.Events) > parley.MaxLimit {
		t.Errorf("limit not bounded: %d events", len(p.Events))
	}
	// Still there after the injection attempts.
	if resp, _ := get(t, ts.URL+"/api/stats", ""); resp.StatusCode != 200 {
		t.Errorf("stats: %d", resp.StatusCode)
	}
}

func post(t *testing.T, url, auth, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestPostDocuments(t *testing.T) {
	ts, st := newServer(t)
	doc := `{"id": "posted-1", "date": "2020-03-01", "title": "<script>alert(1)</script>", "text": "Russia condemned new US sanctions on Sunday. <img src=x onerror=alert(1)>"}` + "\n"
	for _, auth := range []string{"", "Bearer wrong-token-0123456789", "Basic " + token, token} {
		if code, body := post(t, ts.URL+"/api/documents", auth, doc); code != 401 {
			t.Errorf("POST with %q: %d %s, want 401", auth, code, body)
		}
	}
	if ok, _ := st.HasDocument(context.Background(), "posted-1"); ok {
		t.Fatalf("stored without authorization")
	}
	code, body := post(t, ts.URL+"/api/documents", "Bearer "+token, doc+"{bad json\n")
	if code != 200 {
		t.Fatalf("POST: %d %s", code, body)
	}
	var res struct {
		Added, Mentions, Failed int
		Duplicates              []string
	}
	json.Unmarshal([]byte(body), &res)
	if res.Added != 1 || res.Mentions == 0 || res.Failed != 1 {
		t.Errorf("POST result %s", body)
	}
	_, body = post(t, ts.URL+"/api/documents", "Bearer "+token, doc)
	if !strings.Contains(body, `"duplicates":["posted-1"]`) {
		t.Errorf("re-POST: %s", body)
	}
	// Article text comes back as data, with HTML escaped in JSON.
	_, body = get(t, ts.URL+"/api/documents/posted-1", "")
	if strings.Contains(body, "<img") || !strings.Contains(body, `\u003cimg`) {
		t.Errorf("events JSON does not escape markup: %s", clip(body, 400))
	}
	// A body over the bound is refused.
	srv := server.New(st, newCoder(t), token, nil)
	srv.MaxBody = 100
	small := httptest.NewServer(srv)
	defer small.Close()
	if code, body := post(t, small.URL+"/api/documents", "Bearer "+token, doc); code != 413 {
		t.Errorf("oversized POST: %d %s, want 413", code, body)
	}
	// Read-only server: no token configured.
	ro := httptest.NewServer(server.New(st, nil, "", nil))
	defer ro.Close()
	if code, _ := post(t, ro.URL+"/api/documents", "Bearer ", doc); code != 401 {
		t.Errorf("read-only server POST: %d, want 401", code)
	}
}

func TestOpenAPIAndDashboard(t *testing.T) {
	ts, _ := newServer(t)
	resp, body := get(t, ts.URL+"/api/openapi.json", "")
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &spec); err != nil || resp.StatusCode != 200 {
		t.Fatalf("openapi: %d %v", resp.StatusCode, err)
	}
	for path, method := range map[string]string{"/api/events": "get", "/api/events/{id}": "get", "/api/dyads": "get",
		"/api/timeline": "get", "/api/documents": "post", "/api/documents/{id}": "get", "/api/stats": "get"} {
		if _, ok := spec.Paths[path][method]; !ok {
			t.Errorf("openapi lacks %s %s", method, path)
		}
	}
	resp, body = get(t, ts.URL+"/", "")
	if resp.StatusCode != 200 || !strings.Contains(body, "/static/vendor.js") {
		t.Errorf("dashboard: %d", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Errorf("the dashboard page loads something from the internet")
	}
	for _, f := range []string{"app.js", "vendor.js", "vendor.css", "countries-110m.json", "NOTICE"} {
		if resp, _ := get(t, ts.URL+"/static/"+f, ""); resp.StatusCode != 200 {
			t.Errorf("/static/%s: %d", f, resp.StatusCode)
		}
	}
	_, app := get(t, ts.URL+"/static/app.js", "")
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
		if strings.Contains(app, bad) {
			t.Errorf("app.js uses %s", bad)
		}
	}
}
