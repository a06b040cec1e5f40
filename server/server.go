// Package server serves parley's JSON API and dashboard over net/http.
//
// The API is read-only unless a bearer token is configured: POST
// /api/documents (documents as JSON lines, coded and stored) answers 401
// without it. Every query is parameterized; filters, page sizes and request
// bodies are bounded. The dashboard is static files embedded in the
// binary; it renders article text as text, never as HTML.
package server

import (
	"crypto/subtle"
	"embed"
	"encoding/json"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"

	"parley"
	"parley/pipeline"
)

//go:embed web/static web/index.html openapi.json
var webFS embed.FS

// Limits of the write endpoint.
const (
	MaxBodyBytes    = 32 << 20 // bytes of one POST /api/documents body
	MaxPostDocs     = 1000     // documents in one POST /api/documents
	MaxQueryLength  = 200      // characters of the text filter
	DefaultWorkers  = 2
	defaultPageSize = 100
)

// Server is the HTTP handler for the API and the dashboard.
type Server struct {
	Store parley.EventStore
	// Coder codes documents posted to /api/documents; nil disables writes.
	Coder pipeline.Coder
	// Token is the bearer token POST /api/documents requires; "" disables
	// writes.
	Token   string
	Workers int
	// MaxBody bounds the bytes of a POST /api/documents body.
	MaxBody int64
	Log     *slog.Logger

	mux *http.ServeMux
}

// New returns a Server over the store.
func New(store parley.EventStore, coder pipeline.Coder, token string, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{Store: store, Coder: coder, Token: token, Workers: DefaultWorkers, MaxBody: MaxBodyBytes, Log: log, mux: http.NewServeMux()}
	s.routes()
	return s
}

// ServeHTTP sets the security headers every answer carries and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	s.mux.ServeHTTP(w, r)
}

func staticFS() fs.FS {
	sub, err := fs.Sub(webFS, "web/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

// authorized checks the bearer token in constant time.
func (s *Server) authorized(r *http.Request) bool {
	if s.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.Token)) == 1
}

// Error writes err as a JSON error with the status its code maps to. It is
// the one place where application error codes become HTTP statuses.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := parley.ErrorCode(err), parley.ErrorMessage(err)
	status := http.StatusInternalServerError
	switch code {
	case parley.EINVALID:
		status = http.StatusBadRequest
	case parley.ENOTFOUND:
		status = http.StatusNotFound
	case parley.ECONFLICT:
		status = http.StatusConflict
	case EUNAUTHORIZED:
		status = http.StatusUnauthorized
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
	case ETOOLARGE:
		status = http.StatusRequestEntityTooLarge
	default:
		s.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
	}
	writeJSON(w, status, map[string]string{"error": msg, "code": code})
}

// Codes of errors only the server raises.
const (
	EUNAUTHORIZED = "unauthorized"
	ETOOLARGE     = "too_large"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
