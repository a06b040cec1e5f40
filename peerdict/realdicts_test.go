package peerdict_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parley/peerdict"
)

// TestRealDictionaries loads the third-party dictionaries users have — the
// 2012 TABARI CAMEO files and the Phoenix (PETRARCH) files — from ../shared:
// every file loads, every entry parley cannot read is reported with its file
// and line, and the actor names with "&" that TABARI itself stops on are
// read.
func TestRealDictionaries(t *testing.T) {
	for _, set := range []struct {
		name   string
		format peerdict.Format
		dir    string
		// minActors etc. are floors on what must be read.
		minActors, minAgents, minVerbs int
		minAmp                         int // actor names containing "&"
	}{
		{"TABARI 2012", peerdict.TABARI, "../../shared/data/tabari-cameo-dictionaries/TABARI-Dictionaries", 15000, 2000, 1000, 128},
		{"Phoenix", peerdict.PETRARCH, "../../shared/data/phoenix-dictionaries", 28000, 2000, 1900, 10},
	} {
		t.Run(set.name, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(set.dir, "*"))
			if len(files) == 0 {
				t.Skipf("%s not present", set.dir)
			}
			d := peerdict.NewDict(set.format)
			where := regexp.MustCompile(`^[^:]+:\d+`)
			bad := 0
			for _, f := range files {
				kind, ok := peerdict.GuessKind(f)
				if !ok || strings.HasSuffix(f, ".zip") || strings.Contains(f, "IssueCoding") {
					continue
				}
				errs, err := peerdict.ReadFile(f, kind, d)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				for _, e := range errs {
					if !where.MatchString(e.Error()) {
						t.Errorf("error does not name file and line: %v", e)
					}
				}
				bad += len(errs)
			}
			amp := 0
			for _, a := range d.Actors {
				for _, n := range a.Names {
					if strings.Contains(n.String(), "&") {
						amp++
						break
					}
				}
			}
			t.Logf("%s: %d actors (%d with &), %d agents, %d verbs, %d entries reported", set.name, len(d.Actors), amp, len(d.Agents), len(d.Verbs), bad)
			if len(d.Actors) < set.minActors || len(d.Agents) < set.minAgents || len(d.Verbs) < set.minVerbs || amp < set.minAmp {
				t.Errorf("read %d actors (%d with &), %d agents, %d verbs: want at least %d, %d, %d, %d",
					len(d.Actors), amp, len(d.Agents), len(d.Verbs), set.minActors, set.minAmp, set.minAgents, set.minVerbs)
			}
		})
	}
}
