package server

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"parley"
	"parley/export"
	"parley/ingest"
	"parley/pipeline"
)

var (
	reActor   = regexp.MustCompile(`^[A-Za-z0-9]{1,32}$`)
	reCountry = regexp.MustCompile(`^[A-Za-z]{3}$`)
	reCAMEO   = regexp.MustCompile(`^[0-9]{1,4}$`)
	reRoot    = regexp.MustCompile(`^[0-9]{2}$`)
	rePLOVER  = regexp.MustCompile(`^[A-Za-z_]{1,32}$`)
)

// parseFilter reads the event filter from the query string. Unknown
// parameters are ignored; malformed ones are EINVALID.
func parseFilter(q url.Values) (parley.EventFilter, error) {
	var f parley.EventFilter
	check := func(name string, re *regexp.Regexp, dst *string) error {
		v := strings.TrimSpace(q.Get(name))
		if v == "" {
			return nil
		}
		if !re.MatchString(v) {
			return parley.Errorf(parley.EINVALID, "%s: %q is not valid", name, clip(v, 40))
		}
		*dst = v
		return nil
	}
	for _, c := range []struct {
		name string
		re   *regexp.Regexp
		dst  *string
	}{
		{"actor", reActor, &f.Actor}, {"country", reCountry, &f.Country}, {"cameo", reCAMEO, &f.CAMEO},
		{"root", reRoot, &f.Root}, {"plover", rePLOVER, &f.PLOVER},
	} {
		if err := check(c.name, c.re, c.dst); err != nil {
			return f, err
		}
	}
	f.From, f.To = q.Get("from"), q.Get("to")
	if len(f.From) > 10 || len(f.To) > 10 {
		return f, parley.Errorf(parley.EINVALID, "from, to: want YYYY-MM-DD")
	}
	if v := q.Get("bbox"); v != "" {
		parts := strings.Split(v, ",")
		if len(parts) != 4 {
			return f, parley.Errorf(parley.EINVALID, "bbox: want min_lon,min_lat,max_lon,max_lat")
		}
		var b [4]float64
		for i, p := range parts {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			lim := 180.0
			if i%2 == 1 {
				lim = 90
			}
			if err != nil || x < -lim || x > lim {
				return f, parley.Errorf(parley.EINVALID, "bbox: %q is not a coordinate", clip(p, 20))
			}
			b[i] = x
		}
		f.Box = &b
	}
	f.Located = q.Get("located") == "1" || q.Get("located") == "true"
	f.Text = strings.TrimSpace(q.Get("q"))
	if len([]rune(f.Text)) > MaxQueryLength {
		return f, parley.Errorf(parley.EINVALID, "q: longer than %d characters", MaxQueryLength)
	}
	f.Cursor = q.Get("cursor")
	if len(f.Cursor) > 512 {
		return f, parley.Errorf(parley.EINVALID, "malformed cursor")
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return f, parley.Errorf(parley.EINVALID, "limit: want a positive number")
		}
		f.Limit = min(n, parley.MaxLimit)
	}
	return f, nil
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Response formats.
const (
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

// negotiate picks the format: the format parameter, else the Accept header
// (text/csv; application/x-ndjson, application/jsonl), else JSON.
func negotiate(r *http.Request) string {
	switch r.URL.Query().Get("format") {
	case formatCSV:
		return formatCSV
	case formatJSONL:
		return formatJSONL
	case formatJSON:
		return formatJSON
	}
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "text/csv":
			return formatCSV
		case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
			return formatJSONL
		case "application/json":
			return formatJSON
		}
	}
	return formatJSON
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	evs, next, err := s.Store.FindEvents(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if next != "" {
		q := r.URL.Query()
		q.Set("cursor", next)
		w.Header().Set("Link", fmt.Sprintf("<%s?%s>; rel=\"next\"", r.URL.Path, q.Encode()))
		w.Header().Set("X-Next-Cursor", next)
	}
	switch negotiate(r) {
	case formatCSV:
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		cw := export.NewCSV(w)
		for _, e := range evs {
			if err := cw.Write(e); err != nil {
				return
			}
		}
		cw.Flush()
	case formatJSONL:
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		jw := export.NewJSONL(w)
		for _, e := range evs {
			if err := jw.Write(e); err != nil {
				return
			}
		}
		jw.Flush()
	default:
		if evs == nil {
			evs = []*parley.StoredEvent{}
		}
		writeJSON(w, http.StatusOK, struct {
			Events []*parley.StoredEvent `json:"events"`
			Next   string                `json:"next"`
		}{evs, next})
	}
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > 128 {
		s.Error(w, r, parley.Errorf(parley.EINVALID, "id too long"))
		return
	}
	ev, err := s.Store.FindEvent(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ev)
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > 512 {
		s.Error(w, r, parley.Errorf(parley.EINVALID, "id too long"))
		return
	}
	d, err := s.Store.Document(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// writeTable writes aggregate rows as JSON, JSON lines or CSV.
func writeTable[T any](s *Server, w http.ResponseWriter, r *http.Request, key string, rows []T, header []string, row func(T) []string) {
	switch negotiate(r) {
	case formatCSV:
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		cw := csv.NewWriter(w)
		cw.Write(header)
		for _, x := range rows {
			cw.Write(row(x))
		}
		cw.Flush()
	case formatJSONL:
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		enc := json.NewEncoder(w)
		for _, x := range rows {
			enc.Encode(x)
		}
	default:
		if rows == nil {
			rows = []T{}
		}
		writeJSON(w, http.StatusOK, map[string]any{key: rows})
	}
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (s *Server) handleDyads(w http.ResponseWriter, r *http.Request) {
	// limit here counts dyads, busiest first: the events' page bound does
	// not apply, and "all" asks for every one.
	q := r.URL.Query()
	limit := q.Get("limit")
	q.Del("limit")
	f, err := parseFilter(q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	switch limit {
	case "":
		f.Limit = parley.DefaultDyads
	case "all":
		f.Limit = -1
	default:
		n, err := strconv.Atoi(limit)
		if err != nil || n < 1 {
			s.Error(w, r, parley.Errorf(parley.EINVALID, "limit: want a positive number or all"))
			return
		}
		f.Limit = n
	}
	ds, err := s.Store.Dyads(r.Context(), f, q.Get("interval"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeTable(s, w, r, "dyads", ds, []string{"source", "target", "period", "count", "mentions", "mean_goldstein"}, func(d parley.DyadStat) []string {
		return []string{d.Source, d.Target, d.Period, strconv.Itoa(d.Count), strconv.Itoa(d.Mentions), ftoa(d.MeanGoldstein)}
	})
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	interval := r.URL.Query().Get("interval")
	if interval == "" {
		interval = parley.IntervalDay
	}
	ts, err := s.Store.Timeline(r.Context(), f, interval)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeTable(s, w, r, "timeline", ts, []string{"period", "quad_class", "count", "mean_goldstein"}, func(t parley.TimelineStat) []string {
		return []string{t.Period, strconv.Itoa(t.QuadClass), strconv.Itoa(t.Count), ftoa(t.MeanGoldstein)}
	})
}

// addResult is the answer to POST /api/documents.
type addResult struct {
	Added      int      `json:"added"`
	Duplicates []string `json:"duplicates"`
	Mentions   int      `json:"mentions"`
	Failed     int      `json:"failed"`
	Errors     []string `json:"errors"`
}

func (s *Server) handleAddDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) || s.Coder == nil {
		msg := "a bearer token is required"
		if s.Token == "" || s.Coder == nil {
			msg = "writes are disabled: the server has no token configured"
		}
		s.Error(w, r, parley.Errorf(EUNAUTHORIZED, "%s", msg))
		return
	}
	body := http.MaxBytesReader(w, r.Body, s.MaxBody)
	var res addResult
	var docs []parley.Document
	tooMany := errors.New("too many documents")
	tooLarge := false
	err := ingest.ReadJSONLines(r.Context(), body, "request", ingest.Options{}, func(d parley.Document) error {
		if len(docs) >= MaxPostDocs {
			return tooMany
		}
		docs = append(docs, d)
		return nil
	}, func(err error) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge = true
			return
		}
		res.Failed++
		if len(res.Errors) < 100 {
			res.Errors = append(res.Errors, err.Error())
		}
	})
	var mbe *http.MaxBytesError
	switch {
	case tooLarge || errors.As(err, &mbe):
		s.Error(w, r, parley.Errorf(ETOOLARGE, "request body over %d bytes", s.MaxBody))
		return
	case errors.Is(err, tooMany):
		s.Error(w, r, parley.Errorf(ETOOLARGE, "more than %d documents in one request", MaxPostDocs))
		return
	case err != nil:
		s.Error(w, r, parley.Errorf(parley.EINVALID, "read documents: %v", err))
		return
	}
	in := make(chan parley.Document, len(docs))
	for _, d := range docs {
		in <- d
	}
	close(in)
	var coded []parley.CodedDocument
	err = pipeline.Run(r.Context(), s.Coder, s.Workers, in, func(pr pipeline.Result) error {
		if pr.Err != nil {
			res.Failed++
			if len(res.Errors) < 100 {
				res.Errors = append(res.Errors, pr.Err.Error())
			}
			return nil
		}
		coded = append(coded, parley.CodedDocument{Doc: pr.Doc, Events: pr.Events, Sentences: pr.Sentences})
		return nil
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if len(coded) > 0 {
		ar, err := s.Store.AddDocuments(r.Context(), coded)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		res.Added, res.Duplicates, res.Mentions = ar.Added, ar.Duplicates, ar.Mentions
	}
	if res.Duplicates == nil {
		res.Duplicates = []string{}
	}
	if res.Errors == nil {
		res.Errors = []string{}
	}
	s.Log.Info("documents posted", "added", res.Added, "duplicates", len(res.Duplicates), "failed", res.Failed)
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := webFS.ReadFile("openapi.json")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	b, err := webFS.ReadFile("web/index.html")
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}
