package cameo_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"parley/cameo"
)

// These tests check parley's built-in dictionaries in ../data.

func loadBuiltin(t *testing.T) cameo.Table {
	t.Helper()
	table, errs := cameo.Load(os.DirFS("../data"), "cameo/codes.txt")
	for _, err := range errs {
		t.Errorf("codes.txt: %v", err)
	}
	if table == nil {
		t.Fatal("codes.txt: no table")
	}
	return table
}

func TestBuiltinCodes(t *testing.T) {
	table := loadBuiltin(t)
	if got, min := len(table), 290; got < min {
		t.Errorf("codes.txt has %d codes, want at least %d", got, min)
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		if _, ok := table.Lookup(root); !ok {
			t.Errorf("root %s missing", root)
		}
	}
	for code, c := range table {
		if _, ok := table.Lookup(c.Root()); !ok {
			t.Errorf("code %s: root %s missing", code, c.Root())
		}
		// A four-digit code refines a three-digit one.
		if len(code) == 4 {
			if _, ok := table.Lookup(code[:3]); !ok {
				t.Errorf("code %s: parent %s missing", code, code[:3])
			}
		}
		// PLOVER drops CAMEO's statements; every other code maps to a type.
		if (c.Root() == "01") != (c.PLOVERType == "") {
			t.Errorf("code %s: PLOVER type %q", code, c.PLOVERType)
		}
	}
	tests := []struct {
		code, plover string
		goldstein    float64
	}{
		{"0256", "REQUEST", -0.3},
		{"044", "CONSULT", 2.5},
		{"0871", "RETREAT", 9},
		{"0831", "RETREAT", 5}, // a resignation: PLOVER's RETREAT (resign)
		{"1246", "REJECT", -4},
		{"190", "ASSAULT", -10},
	}
	for _, tt := range tests {
		c, ok := table.Lookup(tt.code)
		if !ok {
			t.Errorf("code %s missing", tt.code)
			continue
		}
		if c.PLOVERType != tt.plover || c.Goldstein != tt.goldstein {
			t.Errorf("code %s = %s %g, want %s %g", tt.code, c.PLOVERType, c.Goldstein, tt.plover, tt.goldstein)
		}
	}
}

// TestBuiltinVerbs reads data/verbs/*.txt minimally: every record names a code
// in codes.txt and has at least one pattern, and no word sequence (a pattern
// with its a/b/c alternatives expanded) is given two codes, since the coder
// would silently take the first.
func TestBuiltinVerbs(t *testing.T) {
	table := loadBuiltin(t)
	fsys := os.DirFS("../data")
	files, err := fs.Glob(fsys, "verbs/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Errorf("found %d verb files, want one per root (20)", len(files))
	}
	type use struct{ code, where string }
	seen := map[string]use{} // expanded word sequence -> first use
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line, _, _ := strings.Cut(sc.Text(), "#")
			if strings.TrimSpace(line) == "" {
				continue
			}
			where := fmt.Sprintf("%s:%d", name, n)
			code, pats, ok := strings.Cut(line, "|")
			code = strings.TrimSpace(code)
			if !ok {
				t.Errorf("%s: no | in %q", where, line)
				continue
			}
			if _, ok := table.Lookup(code); !ok {
				t.Errorf("%s: code %q not in codes.txt", where, code)
			}
			count := 0
			for p := range strings.SplitSeq(pats, ";") {
				p = strings.Join(strings.Fields(strings.ToLower(p)), " ")
				if p == "" {
					t.Errorf("%s: empty pattern", where)
					continue
				}
				count++
				for _, seq := range expand(strings.Fields(p)) {
					if prev, dup := seen[seq]; dup && prev.code != code {
						t.Errorf("%s: %q coded %s here and %s at %s", where, seq, code, prev.code, prev.where)
					}
					if _, dup := seen[seq]; !dup {
						seen[seq] = use{code, where}
					}
				}
			}
			if count == 0 {
				t.Errorf("%s: no patterns", where)
			}
		}
		if err := sc.Err(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		f.Close()
	}
}

// expand returns every word sequence a pattern's a/b/c alternatives allow.
func expand(words []string) []string {
	seqs := []string{""}
	for _, w := range words {
		var next []string
		for _, seq := range seqs {
			for alt := range strings.SplitSeq(w, "/") {
				next = append(next, strings.TrimSpace(seq+" "+alt))
			}
		}
		seqs = next
	}
	return seqs
}
