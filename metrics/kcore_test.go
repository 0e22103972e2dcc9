package metrics

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestCoreNumbersHandComputed: a 4-clique {0,1,2,3} with a tail 3–4–5 and
// an isolated node 6: cores 3,3,3,3,1,1,0.
func TestCoreNumbersHandComputed(t *testing.T) {
	g := ldGraph(7, [3]float64{0, 1, 1}, [3]float64{0, 2, 1}, [3]float64{0, 3, 1}, [3]float64{1, 2, 1},
		[3]float64{1, 3, 1}, [3]float64{2, 3, 1}, [3]float64{3, 4, 1}, [3]float64{4, 5, 1})
	if got, want := CoreNumbers(g), []int{3, 3, 3, 3, 1, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("cores %v, want %v", got, want)
	}
	if got := KCore(g, 2); !slices.Equal(got, []int32{0, 1, 2, 3}) {
		t.Errorf("2-core %v", got)
	}
}

// bruteCores peels nodes of degree < k for k = 1, 2, … .
func bruteCores(g *graph.Undirected) []int {
	n := g.Order()
	core := make([]int, n)
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	for k := 1; ; k++ {
		changed := true
		for changed {
			changed = false
			for u := 0; u < n; u++ {
				if !alive[u] {
					continue
				}
				d := 0
				vs, _ := g.Neighbors(u)
				for _, v := range vs {
					if alive[v] {
						d++
					}
				}
				if d < k {
					alive[u] = false
					changed = true
				}
			}
		}
		any := false
		for u := 0; u < n; u++ {
			if alive[u] {
				core[u] = k
				any = true
			}
		}
		if !any {
			return core
		}
	}
}

func TestCoreNumbersBruteForce(t *testing.T) {
	for seed := range uint64(10) {
		r := rand.New(rand.NewPCG(seed, 8))
		n := 10 + r.IntN(60)
		var es [][3]float64
		for range n * (1 + r.IntN(5)) {
			es = append(es, [3]float64{float64(r.IntN(n)), float64(r.IntN(n)), 1})
		}
		g := ldGraph(n, es...)
		if got, want := CoreNumbers(g), bruteCores(g); !slices.Equal(got, want) {
			t.Fatalf("seed %d: cores %v, brute force %v", seed, got, want)
		}
	}
}

func TestDistribution(t *testing.T) {
	got := Distribution([]float64{3, 1, 1, 2, 1})
	want := []Bin{{1, 3, 1}, {2, 1, 0.4}, {3, 1, 0.2}}
	if !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	g := ldGraph(3, [3]float64{0, 1, 2}, [3]float64{1, 2, 3})
	if got := StrengthDistribution(g); !slices.Equal(got, []Bin{{2, 1, 1}, {3, 1, 2.0 / 3}, {5, 1, 1.0 / 3}}) {
		t.Errorf("strengths %v", got)
	}
	if got := DegreeDistribution(g); !slices.Equal(got, []Bin{{1, 2, 1}, {2, 1, 1.0 / 3}}) {
		t.Errorf("degrees %v", got)
	}
}

// TestRPYSHandComputed: references from 1990 (×1), 1991 (×6), 1993 (×2).
// 1991's window 1989..1993 holds 0,1,6,0,2: median 1, deviation 5.
func TestRPYSHandComputed(t *testing.T) {
	years := []int{1990, 1991, 1991, 1991, 1991, 1991, 1991, 1993, 1993, 0}
	got := RPYS(years, 0, 0)
	want := []RPYSYear{
		{1990, 1, 0, 1},  // 0,0,1,6,0 → 0
		{1991, 6, 1, 5},  // 0,1,6,0,2 → 1
		{1992, 0, 1, -1}, // 1,6,0,2,0 → 1
		{1993, 2, 0, 2},  // 6,0,2,0,0 → 0
	}
	if !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	if got := RPYS(years, 1991, 1992); len(got) != 1 || got[0].Year != 1991 {
		t.Errorf("bounded: %v", got)
	}
}
