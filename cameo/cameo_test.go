package cameo_test

import (
	"errors"
	"reflect"
	"testing"
	"testing/fstest"

	"parley"
	"parley/cameo"
)

func TestRoot(t *testing.T) {
	tests := []struct {
		code, want string
	}{
		{"0256", "02"},
		{"010", "01"},
		{"19", "19"},
		{"1831", "18"},
		{"2", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cameo.Root(tt.code); got != tt.want {
			t.Errorf("Root(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestQuadClass(t *testing.T) {
	tests := []struct {
		root string
		want int
	}{
		{"01", 1}, {"05", 1},
		{"06", 2}, {"08", 2},
		{"09", 3}, {"13", 3},
		{"14", 4}, {"20", 4},
		{"0256", 1}, {"190", 4},
		{"00", 0}, {"21", 0}, {"1", 0}, {"ab", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := cameo.QuadClass(tt.root); got != tt.want {
			t.Errorf("QuadClass(%q) = %d, want %d", tt.root, got, tt.want)
		}
	}
}

const sample = `# comment line
02   | APPEAL | 3 | REQUEST |  |
0256 | Appeal for de-escalation of military engagement | -0.3 | REQUEST | yield | military  # trailing comment
19   | FIGHT | -10 | ASSAULT | |
091  | Investigate crime, corruption | -2 | ACCUSE | investigate | crime; corruption
010  | Make statement | 0 |  |  |

0256 | duplicate | 1 | REQUEST | |
123  | too few fields | 1
2x1  | bad code | 0 | | |
211  | root out of range | 0 | | |
040  | bad score | x | CONSULT | |
040  | score out of range | 11 | CONSULT | |
041  | unknown type | 1 | CHAT | |
042  |  | 1 | CONSULT | |
`

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"cameo/codes.txt": {Data: []byte(sample)}}
	table, errs := cameo.Load(fsys, "cameo/codes.txt")

	wantLines := []int{8, 9, 10, 11, 12, 13, 14, 15}
	var gotLines []int
	for _, err := range errs {
		var le *cameo.LineError
		if !errors.As(err, &le) {
			t.Errorf("error %v is not a *LineError", err)
			continue
		}
		if le.Path != "cameo/codes.txt" {
			t.Errorf("error %v: path %q, want cameo/codes.txt", err, le.Path)
		}
		if got := parley.ErrorCode(err); got != parley.EINVALID {
			t.Errorf("error %v: code %q, want %q", err, got, parley.EINVALID)
		}
		gotLines = append(gotLines, le.Line)
	}
	if !reflect.DeepEqual(gotLines, wantLines) {
		t.Errorf("error lines = %v, want %v (errors: %v)", gotLines, wantLines, errs)
	}

	tests := []struct {
		code string
		want cameo.Code
	}{
		{"02", cameo.Code{Code: "02", Name: "APPEAL", Goldstein: 3, QuadClass: 1, PLOVERType: "REQUEST"}},
		{"0256", cameo.Code{Code: "0256", Name: "Appeal for de-escalation of military engagement", Goldstein: -0.3, QuadClass: 1,
			PLOVERType: "REQUEST", PLOVERMode: "yield", PLOVERContext: []string{"military"}}},
		{"19", cameo.Code{Code: "19", Name: "FIGHT", Goldstein: -10, QuadClass: 4, PLOVERType: "ASSAULT"}},
		{"091", cameo.Code{Code: "091", Name: "Investigate crime, corruption", Goldstein: -2, QuadClass: 3,
			PLOVERType: "ACCUSE", PLOVERMode: "investigate", PLOVERContext: []string{"crime", "corruption"}}},
		{" 010 ", cameo.Code{Code: "010", Name: "Make statement", QuadClass: 1}},
	}
	for _, tt := range tests {
		got, ok := table.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.code)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Lookup(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
	for _, code := range []string{"123", "2x1", "211", "040", "041", "042", "256", "1"} {
		if got, ok := table.Lookup(code); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", code, got)
		}
	}
	if got, want := len(table), 5; got != want {
		t.Errorf("len(table) = %d, want %d", got, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	table, errs := cameo.Load(fstest.MapFS{}, "cameo/codes.txt")
	if table != nil || len(errs) != 1 {
		t.Errorf("Load(missing) = %v, %v; want nil table and one error", table, errs)
	}
}

func TestCodePLOVER(t *testing.T) {
	tests := []struct {
		code cameo.Code
		want parley.PLOVER
	}{
		{cameo.Code{PLOVERType: "CONSULT", PLOVERMode: "third-party"}, parley.PLOVER{Type: "CONSULT", Mode: "third-party", Context: []string{}}},
		{cameo.Code{PLOVERType: "ACCUSE", PLOVERContext: []string{"crime", "corruption"}}, parley.PLOVER{Type: "ACCUSE", Context: []string{"crime", "corruption"}}},
	}
	for _, tt := range tests {
		if got := tt.code.PLOVER(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v.PLOVER() = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}
