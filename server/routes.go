package server

import "net/http"

// routes lists every endpoint. Keep docs/openapi in step (openapi.json).
func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.handleDashboard)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(staticFS())))
	s.mux.HandleFunc("GET /api/openapi.json", s.handleOpenAPI)
	s.mux.HandleFunc("GET /api/stats", s.handleStats)
	s.mux.HandleFunc("GET /api/events", s.handleEvents)
	s.mux.HandleFunc("GET /api/events/{id}", s.handleEvent)
	s.mux.HandleFunc("GET /api/dyads", s.handleDyads)
	s.mux.HandleFunc("GET /api/timeline", s.handleTimeline)
	s.mux.HandleFunc("GET /api/documents/{id}", s.handleDocument)
	s.mux.HandleFunc("POST /api/documents", s.handleAddDocuments)
}
