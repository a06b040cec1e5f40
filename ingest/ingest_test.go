package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley"
	"parley/ingest"
)

// result is what one Read call handed out: documents as "id@origin" and
// problems as their messages.
type result struct {
	docs []string
	errs []string
}

func read(t *testing.T, inputs []string, opt ingest.Options) (result, []parley.Document) {
	t.Helper()
	var (
		res  result
		docs []parley.Document
	)
	emit := func(d parley.Document) error {
		docs = append(docs, d)
		res.docs = append(res.docs, d.ID+"@"+d.Origin)
		return nil
	}
	report := func(err error) {
		var ie *ingest.Error
		if !errors.As(err, &ie) {
			t.Errorf("reported %T %v, want *ingest.Error", err, err)
		}
		res.errs = append(res.errs, err.Error())
	}
	if err := ingest.Read(context.Background(), inputs, opt, emit, report); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res, docs
}

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		inputs []string
		opt    ingest.Options
		want   result
	}{
		{
			name:   "good JSON lines",
			inputs: []string{"testdata/good.jsonl"},
			want: result{docs: []string{
				"a1@testdata/good.jsonl:1",
				"a2@testdata/good.jsonl:3",
				"a3@testdata/good.jsonl:4",
			}},
		},
		{
			name:   "one bad document does not stop the file",
			inputs: []string{"testdata/bad.jsonl"},
			want: result{
				docs: []string{"b1@testdata/bad.jsonl:1", "b12@testdata/bad.jsonl:12"},
				errs: []string{
					"testdata/bad.jsonl:2: malformed JSON at byte 52: unexpected end of JSON input",
					`testdata/bad.jsonl:3: document "b3": empty text`,
					"testdata/bad.jsonl:4: invalid UTF-8 at byte 42",
					`testdata/bad.jsonl:5: document "b5": missing date`,
					`testdata/bad.jsonl:6: document "b6": date "15/06/2019" is not YYYY-MM-DD`,
					`testdata/bad.jsonl:7: document "b1": duplicate id, first read at testdata/bad.jsonl:1; skipped`,
					"testdata/bad.jsonl:8: document: missing id",
					"testdata/bad.jsonl:9: malformed JSON: a line must hold one JSON object",
					`testdata/bad.jsonl:10: document "b10": empty text`,
					"testdata/bad.jsonl:11: malformed JSON: field \"id\" holds a number, not a string",
				},
			},
		},
		{
			name:   "default date fills a JSON document without one",
			inputs: []string{"testdata/bad.jsonl"},
			opt:    ingest.Options{DefaultDate: "2019-06-15"},
			want: result{
				docs: []string{"b1@testdata/bad.jsonl:1", "b5@testdata/bad.jsonl:5", "b12@testdata/bad.jsonl:12"},
				errs: []string{
					"testdata/bad.jsonl:2: malformed JSON at byte 52: unexpected end of JSON input",
					`testdata/bad.jsonl:3: document "b3": empty text`,
					"testdata/bad.jsonl:4: invalid UTF-8 at byte 42",
					`testdata/bad.jsonl:6: document "b6": date "15/06/2019" is not YYYY-MM-DD`,
					`testdata/bad.jsonl:7: document "b1": duplicate id, first read at testdata/bad.jsonl:1; skipped`,
					"testdata/bad.jsonl:8: document: missing id",
					"testdata/bad.jsonl:9: malformed JSON: a line must hold one JSON object",
					`testdata/bad.jsonl:10: document "b10": empty text`,
					"testdata/bad.jsonl:11: malformed JSON: field \"id\" holds a number, not a string",
				},
			},
		},
		{
			name:   "byte order mark",
			inputs: []string{"testdata/bom.jsonl"},
			want:   result{docs: []string{"bom1@testdata/bom.jsonl:1"}},
		},
		{
			name:   "JSON array is refused once, not line by line",
			inputs: []string{"testdata/array.json"},
			want: result{errs: []string{
				"testdata/array.json:1: a JSON array, not JSON lines (one object a line); input skipped",
			}},
		},
		{
			name:   "text file",
			inputs: []string{"testdata/notes.txt"},
			opt:    ingest.Options{DefaultDate: "2019-06-15"},
			want:   result{docs: []string{"notes@testdata/notes.txt"}},
		},
		{
			name:   "text file without a default date",
			inputs: []string{"testdata/notes.txt"},
			want: result{errs: []string{
				`testdata/notes.txt: document "notes": missing date: plain text carries none and no default date was given`,
			}},
		},
		{
			name:   "text file in Latin-1",
			inputs: []string{"testdata/latin1.txt"},
			opt:    ingest.Options{DefaultDate: "2019-06-15"},
			want:   result{errs: []string{`testdata/latin1.txt: document "latin1": invalid UTF-8 at byte 3`}},
		},
		{
			name:   "empty text file",
			inputs: []string{"testdata/empty.txt"},
			opt:    ingest.Options{DefaultDate: "2019-06-15"},
			want:   result{errs: []string{`testdata/empty.txt: document "empty": empty text`}},
		},
		{
			name:   "unknown extension is sniffed when named",
			inputs: []string{"testdata/sniff.data"},
			want:   result{docs: []string{"sniffed@testdata/sniff.data:1"}},
		},
		{
			name:   "directory in lexical order, skipping other extensions and dot names",
			inputs: []string{"testdata/dir"},
			opt:    ingest.Options{DefaultDate: "2019-06-15"},
			want: result{docs: []string{
				"a@testdata/dir/a.txt",
				"dir-b1@testdata/dir/b.jsonl:1",
				"dir-b2@testdata/dir/b.jsonl:2",
				"d@testdata/dir/sub/d.TXT",
			}},
		},
		{
			name:   "missing input is reported and the rest read",
			inputs: []string{"testdata/nope.jsonl", "testdata/bom.jsonl"},
			want: result{
				docs: []string{"bom1@testdata/bom.jsonl:1"},
				errs: []string{"testdata/nope.jsonl: stat: no such file or directory"},
			},
		},
		{
			name:   "duplicates across inputs",
			inputs: []string{"testdata/bom.jsonl", "testdata/bom.jsonl"},
			want: result{
				docs: []string{"bom1@testdata/bom.jsonl:1"},
				errs: []string{`testdata/bom.jsonl:1: document "bom1": duplicate id, first read at testdata/bom.jsonl:1; skipped`},
			},
		},
		{
			name:   "stdin as JSON lines",
			inputs: []string{"-"},
			opt:    ingest.Options{Stdin: strings.NewReader("\n  {\"id\":\"s1\",\"date\":\"2019-06-15\",\"text\":\"From a pipe.\"}\n")},
			want:   result{docs: []string{"s1@stdin:2"}},
		},
		{
			name:   "stdin as text",
			inputs: []string{"-"},
			opt:    ingest.Options{DefaultDate: "2019-06-15", Stdin: strings.NewReader("The Taliban met US envoys in Doha.\n")},
			want:   result{docs: []string{"stdin@stdin"}},
		},
		{
			name:   "stdin named twice",
			inputs: []string{"-", "-"},
			opt:    ingest.Options{DefaultDate: "2019-06-15", Stdin: strings.NewReader("Some text.")},
			want: result{
				docs: []string{"stdin@stdin"},
				errs: []string{"stdin: standard input named more than once; read once"},
			},
		},
		{
			name:   "no stdin given",
			inputs: []string{"-"},
			want:   result{errs: []string{"stdin: no standard input to read"}},
		},
		{
			name:   "line over the limit is skipped and reading goes on",
			inputs: []string{"testdata/good.jsonl"},
			opt:    ingest.Options{MaxLineBytes: 150},
			want: result{
				docs: []string{"a2@testdata/good.jsonl:3", "a3@testdata/good.jsonl:4"},
				errs: []string{"testdata/good.jsonl:1: line longer than 150 bytes; skipped"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := read(t, tt.inputs, tt.opt)
			if !slices.Equal(got.docs, tt.want.docs) {
				t.Errorf("documents:\n got %q\nwant %q", got.docs, tt.want.docs)
			}
			if !slices.Equal(got.errs, tt.want.errs) {
				t.Errorf("errors:\n got %q\nwant %q", strings.Join(got.errs, "\n     "), strings.Join(tt.want.errs, "\n     "))
			}
		})
	}
}

func TestReadFields(t *testing.T) {
	_, docs := read(t, []string{"testdata/good.jsonl", "testdata/notes.txt"}, ingest.Options{DefaultDate: "2000-01-01"})
	want := []parley.Document{
		{ID: "a1", Date: "2019-06-15", Title: "Afghan officials won’t attend", Text: "Afghan officials have been left out of talks with the Taliban.", URL: "https://example.org/a1", Source: "example", Origin: "testdata/good.jsonl:1"},
		{ID: "a2", Date: "2019-06-16", Text: "The US began talks with the Taliban in February.", Origin: "testdata/good.jsonl:3"},
		{ID: "a3", Date: "2019-06-17", Title: "Only a title", Origin: "testdata/good.jsonl:4"},
		{ID: "notes", Date: "2000-01-01", Text: "Afghan officials won’t attend the peace talks in Taliban\n\nAfghan officials have been left out of talks with the Taliban.\n", Origin: "testdata/notes.txt"},
	}
	if !slices.Equal(docs, want) {
		t.Errorf("got\n%+v\nwant\n%+v", docs, want)
	}
}

func TestReadErrorCodes(t *testing.T) {
	var errs []error
	report := func(err error) { errs = append(errs, err) }
	emit := func(parley.Document) error { return nil }
	inputs := []string{"testdata/bad.jsonl", "testdata/nope.txt"}
	if err := ingest.Read(context.Background(), inputs, ingest.Options{}, emit, report); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, err := range errs {
		got = append(got, parley.ErrorCode(err))
	}
	want := []string{
		parley.EINVALID, parley.EINVALID, parley.EINVALID, parley.EINVALID, parley.EINVALID,
		parley.ECONFLICT, parley.EINVALID, parley.EINVALID, parley.EINVALID, parley.EINVALID,
		parley.EINTERNAL,
	}
	if !slices.Equal(got, want) {
		t.Errorf("codes: got %q, want %q", got, want)
	}
	if last := errs[len(errs)-1]; !errors.Is(last, fs.ErrNotExist) {
		t.Errorf("missing file: errors.Is(%v, fs.ErrNotExist) is false", last)
	}
	var ie *ingest.Error
	if !errors.As(errs[0], &ie) || ie.Input != "testdata/bad.jsonl" || ie.Line != 2 {
		t.Errorf("first error %#v, want input testdata/bad.jsonl line 2", ie)
	}
}

// TestReadLarge reads documents at and over parley.MaxDocumentBytes. They
// are generated here rather than kept in testdata.
func TestReadLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 40 MB of test files")
	}
	dir := t.TempDir()
	body := func(n int) string { return strings.Repeat("Talks went on. ", n/15+1)[:n] }
	line := func(id string, n int) string {
		return fmt.Sprintf(`{"id":%q,"date":"2019-06-15","text":%q}`+"\n", id, body(n))
	}
	jsonl := filepath.Join(dir, "large.jsonl")
	content := line("at-limit", parley.MaxDocumentBytes) +
		line("over-limit", parley.MaxDocumentBytes+1) +
		line("over-line-limit", ingest.DefaultMaxLineBytes+1) +
		line("small", 10)
	if err := os.WriteFile(jsonl, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(dir, "large.txt")
	if err := os.WriteFile(txt, []byte(body(parley.MaxDocumentBytes+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, docs := read(t, []string{jsonl, txt}, ingest.Options{DefaultDate: "2019-06-15"})
	wantDocs := []string{"at-limit@" + jsonl + ":1", "small@" + jsonl + ":4"}
	wantErrs := []string{
		fmt.Sprintf(`%s:2: document "over-limit": 10485761 bytes is over the limit of 10485760`, jsonl),
		fmt.Sprintf(`%s:3: line longer than %d bytes; skipped`, jsonl, ingest.DefaultMaxLineBytes),
		fmt.Sprintf(`%s: document "large": over the limit of 10485760 bytes`, txt),
	}
	if !slices.Equal(got.docs, wantDocs) {
		t.Errorf("documents: got %q, want %q", got.docs, wantDocs)
	}
	if !slices.Equal(got.errs, wantErrs) {
		t.Errorf("errors:\n got %q\nwant %q", got.errs, wantErrs)
	}
	if len(docs) > 0 && len(docs[0].Text) != parley.MaxDocumentBytes {
		t.Errorf("document at the limit has %d bytes, want %d", len(docs[0].Text), parley.MaxDocumentBytes)
	}
}

func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	emit := func(parley.Document) error {
		n++
		return stop
	}
	err := ingest.Read(context.Background(), []string{"testdata/good.jsonl"}, ingest.Options{}, emit, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: got %v after %d documents, want %v after 1", err, n, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n = 0
	emit = func(parley.Document) error { n++; return nil }
	err = ingest.Read(ctx, []string{"testdata/good.jsonl", "testdata/dir"}, ingest.Options{}, emit, nil)
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("cancelled: got %v after %d documents, want %v after 0", err, n, context.Canceled)
	}

	err = ingest.Read(context.Background(), nil, ingest.Options{DefaultDate: "June 15"}, emit, nil)
	if parley.ErrorCode(err) != parley.EINVALID {
		t.Errorf("bad default date: got %v, want an EINVALID error", err)
	}
}

func TestReadJSONLines(t *testing.T) {
	in := "{\"id\":\"r1\",\"date\":\"2019-06-15\",\"text\":\"One.\"}\n{\"id\":\"r1\",\"date\":\"2019-06-15\",\"text\":\"Again.\"}\n"
	var ids, errs []string
	emit := func(d parley.Document) error { ids = append(ids, d.ID+"@"+d.Origin); return nil }
	report := func(err error) { errs = append(errs, err.Error()) }
	if err := ingest.ReadJSONLines(context.Background(), strings.NewReader(in), "body", ingest.Options{}, emit, report); err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{"r1@body:1"}
	wantErrs := []string{`body:2: document "r1": duplicate id, first read at body:1; skipped`}
	if !slices.Equal(ids, wantIDs) || !slices.Equal(errs, wantErrs) {
		t.Errorf("got %q %q, want %q %q", ids, errs, wantIDs, wantErrs)
	}
}
