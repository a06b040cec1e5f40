// Package pipeline runs the coder over a stream of documents with a fixed
// number of workers, keeping the input order in its output and recording
// each document's error without stopping the batch.
package pipeline

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"

	"parley"
	"parley/coding"
)

// Coder codes one document.
type Coder interface {
	Code(doc *parley.Document) (coding.Result, error)
}

// Result is one document's outcome.
type Result struct {
	Doc       parley.Document
	Events    []parley.Event
	Sentences int
	Discarded int   // sentences left uncoded as sport, entertainment or business news
	Err       error // the document could not be coded; the batch goes on
}

// Run codes the documents read from in with workers goroutines and calls
// out with each result in input order. It returns when in is closed and
// every result has been delivered, or with the first error from out or ctx.
func Run(ctx context.Context, c Coder, workers int, in <-chan parley.Document, out func(Result) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		seq int
		doc parley.Document
	}
	type done struct {
		seq int
		res Result
	}
	g, ctx := errgroup.WithContext(ctx)
	jobs := make(chan job, workers)
	results := make(chan done, workers)

	g.Go(func() error {
		defer close(jobs)
		seq := 0
		for {
			select {
			case doc, ok := <-in:
				if !ok {
					return nil
				}
				select {
				case jobs <- job{seq, doc}:
					seq++
				case <-ctx.Done():
					return ctx.Err()
				}
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})
	wg := make(chan struct{}, workers)
	for w := 0; w < workers; w++ {
		g.Go(func() error {
			defer func() { wg <- struct{}{} }()
			for j := range jobs {
				r := codeOne(c, j.doc)
				select {
				case results <- done{j.seq, r}:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() {
		for w := 0; w < workers; w++ {
			<-wg
		}
		close(results)
	}()
	g.Go(func() error {
		pending := map[int]Result{}
		next := 0
		for d := range results {
			pending[d.seq] = d.res
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if err := out(r); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return g.Wait()
}

// codeOne codes a document, turning a panic in a stage into that
// document's error so one bad article cannot stop the batch.
func codeOne(c Coder, doc parley.Document) (r Result) {
	r.Doc = doc
	defer func() {
		if p := recover(); p != nil {
			r.Events, r.Err = nil, fmt.Errorf("document %q: internal error while coding: %v", doc.ID, p)
		}
	}()
	if err := doc.Validate(); err != nil {
		r.Err = err
		return r
	}
	res, err := c.Code(&doc)
	if err != nil {
		r.Err = fmt.Errorf("code document %q: %w", doc.ID, err)
		return r
	}
	r.Events, r.Sentences, r.Discarded = res.Events, res.Sentences, res.Discarded
	return r
}
