package main

import (
	"log/slog"

	"parley/coding"
	"parley/geo"
)

// gazetteer returns the embedded gazetteer as the coder's geocoder, or nil
// (events without locations) when it cannot be loaded.
func gazetteer(log *slog.Logger) coding.Geocoder {
	g, err := geo.Default()
	if err != nil {
		log.Warn("gazetteer not loaded; events get no location", "error", err)
		return nil
	}
	return g
}
