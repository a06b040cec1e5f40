package eval_test

import (
	"math/rand/v2"
	"testing"

	"parley"
	"parley/eval"
)

// TestScoreOptimal compares Score's assignment on small random cases with
// the best one found by trying every assignment: most required gold events
// matched, then most matches, then most right codes.
func TestScoreOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	actors := []string{"AFG", "TAL", "USA"}
	for trial := range 3000 {
		var golds []eval.Gold
		for i := range 1 + rng.IntN(5) {
			g := gold(string(rune('A'+i)), actors[rng.IntN(3)], "04", "")
			if rng.IntN(2) == 0 {
				g.Target = []string{actors[rng.IntN(3)]}
			}
			g.Required = rng.IntN(3) > 0
			g.CAMEO = []string{[]string{"040", "043"}[rng.IntN(2)]}
			golds = append(golds, g)
		}
		var events []parley.Event
		for j := range 1 + rng.IntN(5) {
			tgt := ""
			if rng.IntN(2) == 0 {
				tgt = actors[rng.IntN(3)]
			}
			events = append(events, event(string(rune('a'+j)), actors[rng.IntN(3)], []string{"040", "043"}[rng.IntN(2)], tgt))
		}

		fits := func(g eval.Gold, ev parley.Event) bool {
			if ev.Source.Code != g.Source[0] {
				return false
			}
			return g.Target == nil || ev.Target != nil && ev.Target.Code == g.Target[0]
		}
		var best [3]int
		used := make([]bool, len(events))
		var try func(i int, score [3]int)
		try = func(i int, score [3]int) {
			if i == len(golds) {
				for k := range score {
					if score[k] != best[k] {
						if score[k] > best[k] {
							best = score
						}
						break
					}
				}
				return
			}
			try(i+1, score)
			for j, ev := range events {
				if used[j] || !fits(golds[i], ev) {
					continue
				}
				s := score
				if golds[i].Required {
					s[0]++
				}
				s[1]++
				if ev.CAMEO == golds[i].CAMEO[0] {
					s[2]++
				}
				used[j] = true
				try(i+1, s)
				used[j] = false
			}
		}
		try(0, [3]int{})

		r := eval.Score(golds, nil, events)
		got := [3]int{r.Recall.Hits, r.Precision.Hits, r.CAMEO.Hits}
		if got != best {
			t.Fatalf("trial %d: got (required, matches, codes) %v, best %v\ngold %+v\nevents %+v", trial, got, best, golds, events)
		}
	}
}
