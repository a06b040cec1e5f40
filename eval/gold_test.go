package eval_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"parley"
	"parley/eval"
)

func TestReadGold(t *testing.T) {
	f, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Gold{
		{Doc: "d1", ID: "E1", Required: true, Sentence: "the group has refused to sit at the same table", Source: []string{"TAL"}, Target: []string{"AFGGOV"}, Root: []string{"12"}, CAMEO: []string{"125", "120"}, PLOVER: "REJECT"},
		{Doc: "d1", ID: "E2", Sentence: "met in Moscow", Source: []string{"AFGGOV", "TAL"}, Target: []string{"TAL", "AFG"}, Root: []string{"04"}, CAMEO: []string{"043"}, PLOVER: "CONSULT", Symmetric: true, Date: "2019-02", DatePrecision: "month", Location: &parley.Location{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62}, Note: "a meeting"},
		{Doc: "d2", ID: "E1", Required: true, Sentence: "overthrown", Source: []string{"USA"}, Root: []string{"19"}, CAMEO: []string{"190"}, Date: "2001", DatePrecision: "year"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadGoldErrors(t *testing.T) {
	f, err := os.Open("testdata/badgold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := eval.ReadGold(f)
	if got != nil || err == nil {
		t.Fatalf("got %d events and error %v, want none and an error", len(got), err)
	}
	want := []string{
		`line 2: document "d1": id "E1" already used on line 1`,
		`line 3: E3: missing required (true or false)`,
		`line 4: E4: empty source list; write null to accept any actor`,
		`line 5: E5: root "1" is not two digits`,
		`line 6: E6: date "2019-02" does not have precision "day"`,
		`line 7: malformed JSON: json: unknown field "symetric"`,
		`line 8: malformed JSON: unexpected EOF`,
		`line 9: E9: missing sentence`,
		`line 10: E10: date "Feb 2019" is not YYYY, YYYY-MM or YYYY-MM-DD`,
	}
	if lines := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(lines, want) {
		t.Errorf("errors:\n got %q\nwant %q", lines, want)
	}
	if code := parley.ErrorCode(err); code != parley.EINVALID {
		t.Errorf("code %q, want %q", code, parley.EINVALID)
	}
}

// TestReadSeedGold reads the project's shared gold file, when it is at hand,
// to keep ReadGold's strictness in step with it.
func TestReadSeedGold(t *testing.T) {
	f, err := os.Open("../../shared/gold/seed.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	golds, err := eval.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) == 0 {
		t.Error("no gold events read")
	}
}
