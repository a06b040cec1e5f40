package eval

import (
	"cmp"
	"math"
	"slices"
)

// pair is a gold event (row) and a prediction (column) that may be matched.
type pair struct{ gold, pred int }

// weight is what makes one match better than another, most important first.
type weight struct {
	required  bool // the gold event counts toward recall
	code      bool // the full code is right
	date, loc bool // the date and location are right
}

// maxExact bounds the rows or columns of a component solved exactly; the
// weights of a larger one could overflow int64, and it is solved greedily.
// No real document comes near it.
const maxExact = 2000

// assignPairs chooses at most one pair per gold event and per prediction,
// maximizing lexicographically: required gold events matched, pairs matched,
// right codes, right dates and locations. It returns, for each gold event,
// the prediction assigned or -1.
//
// The candidate graph is split into connected components, each solved by
// the Hungarian algorithm with weights scaled so that no number of
// lesser gains outweighs one greater.
func assignPairs(pairs []pair, nGold, nPred int, weigh func(pair) weight) []int {
	match := make([]int, nGold)
	for i := range match {
		match[i] = -1
	}
	if len(pairs) == 0 {
		return match
	}

	// Union-find over gold events 0..nGold-1 and predictions nGold.. .
	parent := make([]int, nGold+nPred)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, p := range pairs {
		parent[find(p.gold)] = find(nGold + p.pred)
	}
	comps := make(map[int][]pair)
	var roots []int
	for _, p := range pairs {
		root := find(p.gold)
		if _, ok := comps[root]; !ok {
			roots = append(roots, root)
		}
		comps[root] = append(comps[root], p)
	}
	for _, root := range roots {
		solve(comps[root], weigh, match)
	}
	return match
}

// solve assigns the pairs of one connected component into match.
func solve(pairs []pair, weigh func(pair) weight, match []int) {
	rowIndex, colIndex := make(map[int]int), make(map[int]int)
	var rows, cols []int
	for _, p := range pairs {
		if _, ok := rowIndex[p.gold]; !ok {
			rowIndex[p.gold] = len(rows)
			rows = append(rows, p.gold)
		}
		if _, ok := colIndex[p.pred]; !ok {
			colIndex[p.pred] = len(cols)
			cols = append(cols, p.pred)
		}
	}
	n := min(len(rows), len(cols))
	if n > maxExact {
		greedy(pairs, weigh, match)
		return
	}
	// With base b > 2n, the lesser terms of at most n pairs sum to less than
	// one unit of the next greater term.
	b := int64(2*n + 2)
	scalar := func(w weight) int64 {
		s := b * b // one more match
		if w.required {
			s += b * b * b
		}
		if w.code {
			s += b
		}
		if w.date {
			s++
		}
		if w.loc {
			s++
		}
		return s
	}
	w := make([][]int64, len(rows))
	for i := range w {
		w[i] = make([]int64, len(cols))
	}
	for _, p := range pairs {
		w[rowIndex[p.gold]][colIndex[p.pred]] = scalar(weigh(p))
	}
	for i, j := range maxWeight(w) {
		if j >= 0 && w[i][j] > 0 {
			match[rows[i]] = cols[j]
		}
	}
}

// greedy assigns pairs best first; a fallback for huge components.
func greedy(pairs []pair, weigh func(pair) weight, match []int) {
	rank := func(w weight) int {
		r := 0
		for _, b := range []bool{w.required, w.code, w.date || w.loc, w.date && w.loc} {
			r <<= 1
			if b {
				r |= 1
			}
		}
		return r
	}
	sorted := slices.Clone(pairs)
	slices.SortStableFunc(sorted, func(a, b pair) int { return cmp.Compare(rank(weigh(b)), rank(weigh(a))) })
	used := make(map[int]bool)
	for _, p := range sorted {
		if match[p.gold] < 0 && !used[p.pred] {
			match[p.gold] = p.pred
			used[p.pred] = true
		}
	}
}

// maxWeight returns a maximum-weight assignment of rows to columns of a
// non-negative weight matrix: for each row its column, or -1 when there are
// more rows than columns and the row is left out.
func maxWeight(w [][]int64) []int {
	n, m := len(w), len(w[0])
	if n > m {
		// Solve the transpose, which has no more rows than columns.
		t := make([][]int64, m)
		for j := range t {
			t[j] = make([]int64, n)
			for i := range n {
				t[j][i] = w[i][j]
			}
		}
		res := make([]int, n)
		for i := range res {
			res[i] = -1
		}
		for j, i := range hungarian(t) {
			res[i] = j
		}
		return res
	}
	return hungarian(w)
}

// hungarian solves the assignment problem for n ≤ m, maximizing total
// weight, by the O(n²m) shortest augmenting path method with potentials.
// It returns each row's column.
func hungarian(w [][]int64) []int {
	n, m := len(w), len(w[0])
	const inf = math.MaxInt64 / 4
	cost := func(i, j int) int64 { return -w[i-1][j-1] } // 1-based
	u := make([]int64, n+1)
	v := make([]int64, m+1)
	p := make([]int, m+1) // p[j]: row assigned to column j, 0 for none
	way := make([]int, m+1)
	minv := make([]int64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], int64(inf), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0, j) - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	res := make([]int, n)
	for j := 1; j <= m; j++ {
		if p[j] > 0 {
			res[p[j]-1] = j - 1
		}
	}
	return res
}
