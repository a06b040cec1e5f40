package main

import (
	"fmt"
	"io/fs"
	"log/slog"
	"os"

	"parley/actors"
	"parley/cameo"
	"parley/coding"
	"parley/data"
	"parley/nlp"
)

// loadCoder builds a coder from the built-in dictionaries, or from dir when
// it is not empty. Lines it cannot read are logged and skipped.
func loadCoder(dir string, log *slog.Logger) (*coding.Coder, error) {
	var fsys fs.FS = data.FS
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--dict %s: not a directory", dir)
		}
		fsys = os.DirFS(dir)
	}
	parser, err := nlp.Default()
	if err != nil {
		return nil, err
	}
	codes, bad := cameo.Load(fsys, "cameo/codes.txt")
	for _, e := range bad {
		log.Warn("dictionary", "error", e)
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("load cameo/codes.txt: no codes")
	}
	acts, bad, err := actors.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("load actors: %w", err)
	}
	for _, e := range bad {
		log.Warn("dictionary", "error", e)
	}
	verbs, bad, err := coding.LoadVerbs(fsys, codes)
	if err != nil {
		return nil, fmt.Errorf("load verbs: %w", err)
	}
	for _, e := range bad {
		log.Warn("dictionary", "error", e)
	}
	discards, bad, err := coding.LoadDiscards(fsys)
	if err != nil {
		return nil, fmt.Errorf("load discards: %w", err)
	}
	for _, e := range bad {
		log.Warn("dictionary", "error", e)
	}
	return &coding.Coder{Parser: parser, Actors: acts, Verbs: verbs, Codes: codes, Discards: discards, Geo: gazetteer(log)}, nil
}
