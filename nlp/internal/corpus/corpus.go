// Package corpus gathers texts for the nlp tests that compare this package's
// tokenizer and tagger with prose's: the development benchmark, the samples
// and gold sentences in the repository, and a few odd-looking text files of
// the shared data. Files that are absent are skipped.
package corpus

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// root is the repository root, found from this file's location.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Devbench is the path of the development benchmark corpus.
func Devbench() string { return filepath.Join(root(), "..", "shared", "bench", "devbench.jsonl") }

// JSONL reads the documents of a JSON-lines file, each as its title and text
// joined by a line break (as parley.Document.Body does), or its "sentence".
// It returns nil when the file cannot be read.
func JSONL(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var d struct{ Title, Text, Sentence string }
		if json.Unmarshal(sc.Bytes(), &d) != nil {
			continue
		}
		body := d.Text
		if d.Title != "" {
			body = d.Title + "\n" + d.Text
		}
		if body != "" {
			out = append(out, body)
		}
		if d.Sentence != "" {
			out = append(out, d.Sentence)
		}
	}
	return out
}

// Lines reads a text file's lines, nil when it cannot be read.
func Lines(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Split(string(b), "\n")
}

// All returns every text: the devbench documents (unless short), then the
// smaller corpora.
func All(short bool) []string {
	var out []string
	if !short {
		out = append(out, JSONL(Devbench())...)
	}
	r := root()
	shared := filepath.Join(r, "..", "shared")
	for _, p := range []string{
		filepath.Join(r, "data", "samples", "articles.jsonl"),
		filepath.Join(r, "eval", "testdata", "gold.jsonl"),
		filepath.Join(r, "dedup", "testdata", "reworded.jsonl"),
		filepath.Join(shared, "gold", "seed.jsonl"),
	} {
		out = append(out, JSONL(p)...)
	}
	for _, p := range []string{
		filepath.Join(shared, "data", "tabari-validation", "TABARI.Demo.text"),
		filepath.Join(shared, "data", "phoenix-dictionaries", "CAMEO.verbpatterns.txt"),
		filepath.Join(shared, "data", "phoenix-dictionaries", "CAMEO.Manual.1.1b3.tex"),
	} {
		out = append(out, Lines(p)...)
	}
	return out
}
