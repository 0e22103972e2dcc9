package metrics

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// citing builds a citation graph (citing → cited) from flow arcs
// (cited → citing), the direction main-path figures draw.
func citing(n int, flow ...[2]int32) *graph.Directed {
	var es []graph.Edge
	for _, a := range flow {
		es = append(es, graph.Edge{From: a[1], To: a[0]})
	}
	return graph.NewDirected(n, es)
}

// spcOf maps flow arcs between original nodes (singleton components) to SPC.
func spcOf(r *SPCResult) map[[2]int32]float64 {
	out := map[[2]int32]float64{}
	for _, a := range r.Arcs() {
		out[[2]int32{r.Members[a.From][0], r.Members[a.To][0]}] = a.SPC
	}
	return out
}

// TestSPCHandComputed: flow arcs 0→2, 1→2, 2→3, 2→4, 3→5, 4→5, 1→4.
// Sources 0, 1; sink 5. N⁻: 0:1 1:1 2:2 3:2 4:3 5:5. N⁺: 5:1 4:1 3:1
// 2:2 1:3 0:2. Paths = N⁺(0)+N⁺(1) = 5.
func TestSPCHandComputed(t *testing.T) {
	g := citing(6, [2]int32{0, 2}, [2]int32{1, 2}, [2]int32{2, 3}, [2]int32{2, 4}, [2]int32{3, 5}, [2]int32{4, 5}, [2]int32{1, 4})
	r := SPC(g)
	want := map[[2]int32]float64{
		{0, 2}: 1 * 2, {1, 2}: 1 * 2, {1, 4}: 1 * 1, {2, 3}: 2 * 1, {2, 4}: 2 * 1, {3, 5}: 2 * 1, {4, 5}: 3 * 1,
	}
	got := spcOf(r)
	if len(got) != len(want) {
		t.Fatalf("SPC %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("SPC%v = %v, want %v", k, got[k], w)
		}
	}
	if r.Paths != 5 {
		t.Errorf("%v paths, want 5", r.Paths)
	}
	names := func(arcs []Arc) [][2]int32 {
		var out [][2]int32
		for _, a := range arcs {
			out = append(out, [2]int32{r.Members[a.From][0], r.Members[a.To][0]})
		}
		slices.SortFunc(out, func(a, b [2]int32) int { return int(a[0]-b[0])*16 + int(a[1]-b[1]) })
		return out
	}
	// Local: the source arcs of SPC 2 are 0→2 and 1→2; from 2 both arcs tie
	// at 2, then 3→5 and 4→5.
	if got, want := names(r.LocalMainPath()), [][2]int32{{0, 2}, {1, 2}, {2, 3}, {2, 4}, {3, 5}, {4, 5}}; !slices.Equal(got, want) {
		t.Errorf("local main path %v, want %v", got, want)
	}
	// Global: 0→2→4→5 and 1→2→4→5 sum 2+2+3 = 7; via 3: 2+2+2 = 6; 1→4→5: 4.
	if got, want := names(r.GlobalMainPath()), [][2]int32{{0, 2}, {1, 2}, {2, 4}, {4, 5}}; !slices.Equal(got, want) {
		t.Errorf("global main path %v, want %v", got, want)
	}
	// Key route k=1: arc 4→5 (3), extended back by the largest arcs into
	// 4 (2→4 = 2 over 1→4 = 1), then into 2 (0→2, 1→2 tie).
	if got, want := names(r.KeyRouteMainPath(1, false)), [][2]int32{{0, 2}, {1, 2}, {2, 4}, {4, 5}}; !slices.Equal(got, want) {
		t.Errorf("key-route main path %v, want %v", got, want)
	}
	if got, want := names(r.KeyRouteMainPath(1, true)), [][2]int32{{0, 2}, {1, 2}, {2, 4}, {4, 5}}; !slices.Equal(got, want) {
		t.Errorf("global key-route main path %v, want %v", got, want)
	}
}

// bruteSPC enumerates every source-to-sink path of a DAG by depth-first
// search and counts the arcs' traversals.
func bruteSPC(n int, flow map[int32][]int32, indeg []int) (map[[2]int32]float64, float64) {
	count := map[[2]int32]float64{}
	paths := 0.0
	var path []int32
	var dfs func(u int32)
	dfs = func(u int32) {
		path = append(path, u)
		if len(flow[u]) == 0 {
			if len(path) > 1 {
				paths++
				for i := 1; i < len(path); i++ {
					count[[2]int32{path[i-1], path[i]}]++
				}
			}
		}
		for _, v := range flow[u] {
			dfs(v)
		}
		path = path[:len(path)-1]
	}
	for u := 0; u < n; u++ {
		if indeg[u] == 0 {
			dfs(int32(u))
		}
	}
	return count, paths
}

func TestSPCBruteForce(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 5))
		n := 5 + r.IntN(25)
		var arcs [][2]int32
		flow := map[int32][]int32{}
		indeg := make([]int, n)
		seen := map[[2]int32]bool{}
		for range 2 * n {
			a, b := int32(r.IntN(n)), int32(r.IntN(n))
			if a == b {
				continue
			}
			a, b = min(a, b), max(a, b) // earlier → later: acyclic
			if seen[[2]int32{a, b}] {
				continue
			}
			seen[[2]int32{a, b}] = true
			arcs = append(arcs, [2]int32{a, b})
			flow[a] = append(flow[a], b)
			indeg[b]++
		}
		res := SPC(citing(n, arcs...))
		want, paths := bruteSPC(n, flow, indeg)
		got := spcOf(res)
		if len(got) != len(want) || res.Paths != paths {
			t.Fatalf("seed %d: %d arcs, %v paths; brute force %d, %v", seed, len(got), res.Paths, len(want), paths)
		}
		for k, w := range want {
			if got[k] != w {
				t.Fatalf("seed %d: SPC%v = %v, brute force %v", seed, k, got[k], w)
			}
		}
		// Kirchhoff's law (Batagelj 2003): at every inner node the SPC
		// flowing in equals the SPC flowing out.
		in, out := make([]float64, n), make([]float64, n)
		for k, w := range got {
			out[k[0]] += w
			in[k[1]] += w
		}
		for v := 0; v < n; v++ {
			if in[v] > 0 && out[v] > 0 && in[v] != out[v] {
				t.Fatalf("seed %d: node %d in %v out %v", seed, v, in[v], out[v])
			}
		}
	}
}

// TestSPCCondensesCycles: works 1 and 2 cite each other; they become one
// node between 0 and 3.
func TestSPCCondensesCycles(t *testing.T) {
	g := citing(4, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{2, 1}, [2]int32{2, 3})
	r := SPC(g)
	if r.DAG.Order() != 3 || r.Component[1] != r.Component[2] {
		t.Fatalf("components %v", r.Component)
	}
	for _, a := range r.Arcs() {
		if a.SPC != 1 || a.From >= a.To {
			t.Errorf("arc %+v", a)
		}
	}
	if m := r.Members[r.Component[1]]; !slices.Equal(m, []int32{1, 2}) {
		t.Errorf("members %v", m)
	}
}
