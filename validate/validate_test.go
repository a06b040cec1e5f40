package validate_test

import (
	"os"
	"strings"
	"testing"

	"parley/validate"
)

const (
	tabariProject   = "../../shared/data/tabari-validation/Validate.project"
	petrarchRecords = "../../shared/data/petrarch1-classic-validation/petrarch/data/text/PETR.UnitTest.records.xml"
)

// The targets are 95% of TABARI's checked records and 90% of
// PETRARCH's valid ones. Both are met (TABARI 426 of 444, PETRARCH 252 of
// 276); the floors are the targets, PETRARCH's raised to what the coder
// reaches (91.3%).
const (
	tabariFloor   = 0.95
	petrarchFloor = 0.91
)

func TestTABARISuite(t *testing.T) {
	if _, err := os.Stat(tabariProject); err != nil {
		t.Skip("../shared TABARI validation suite not present")
	}
	s, err := validate.LoadTABARI(tabariProject)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.DictErrors) > 0 {
		t.Errorf("dictionary errors: %v", s.DictErrors)
	}
	r := s.Run()
	n := r.Passed + r.Failed
	if n < 440 {
		t.Errorf("checked %d records, want about 445", n)
	}
	rate := float64(r.Passed) / float64(n)
	t.Logf("TABARI: %d passed, %d failed (%.1f%%)", r.Passed, r.Failed, 100*rate)
	if rate < tabariFloor {
		var b strings.Builder
		r.Write(&b, false)
		t.Errorf("TABARI pass rate %.3f below floor %.2f\n%s", rate, tabariFloor, b.String())
	}
}

func TestPETRARCHSuite(t *testing.T) {
	if _, err := os.Stat(petrarchRecords); err != nil {
		t.Skip("../shared PETRARCH unit-test records not present")
	}
	s, err := validate.LoadPETRARCH(petrarchRecords)
	if err != nil {
		t.Fatal(err)
	}
	r := s.Run()
	n := r.Passed + r.Failed
	if n != 276 {
		t.Errorf("checked %d records, want 276 (the valid ones)", n)
	}
	rate := float64(r.Passed) / float64(n)
	t.Logf("PETRARCH: %d passed, %d failed (%.1f%%)", r.Passed, r.Failed, 100*rate)
	if rate < petrarchFloor {
		var b strings.Builder
		r.Write(&b, false)
		t.Errorf("PETRARCH pass rate %.3f below floor %.2f\n%s", rate, petrarchFloor, b.String())
	}
}

func TestReadTABARIRecords(t *testing.T) {
	in := `950101  REC-01
Arnor restored ties with Gondor. /*
\n{ ARN / GON / 064 }
\n-{ ARN / GON / 999 } */

950101  REC-02
Nothing here.
/*\n{---} */

950101  OPT-01
Switch options.
/*\n{ OPTION: COMMA: OFF } */
`
	recs, err := validate.ReadTABARI(strings.NewReader(in), "test.text")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	if got, want := recs[0].Expected(), "ARN/GON/064"; got != want {
		t.Errorf("REC-01 expected %q, want %q", got, want)
	}
	if recs[0].Date != 19950101 || !recs[0].Checked {
		t.Errorf("REC-01 date %d checked %v", recs[0].Date, recs[0].Checked)
	}
	if recs[1].Expect != validate.ExpectNone {
		t.Errorf("REC-02 expect %v, want none", recs[1].Expect)
	}
	if recs[2].Checked || len(recs[2].Options) != 1 || recs[2].Options[0] != "COMMA: OFF" {
		t.Errorf("OPT-01 = %+v", recs[2])
	}
}

// A record whose comment is not closed ends at the blank line, as TABARI
// reads it; a comment that says its list is incomplete makes a partial
// check.
func TestReadTABARIParagraphs(t *testing.T) {
	in := `950101  REC-01
Arnor restored ties with Gondor.
/*\n{ ARN / GON / 064 }

950101  REC-02
Gondor praised Arnor.
/*\n[These events aren't complete]
\n{ GON / ARN / 041 } */
`
	recs, err := validate.ReadTABARI(strings.NewReader(in), "test.text")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if got := recs[0].Expected(); got != "ARN/GON/064" {
		t.Errorf("REC-01 expected %q", got)
	}
	if recs[0].Partial || !recs[1].Partial {
		t.Errorf("partial: REC-01 %v, REC-02 %v", recs[0].Partial, recs[1].Partial)
	}
}
