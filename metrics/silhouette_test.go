package metrics

import (
	"math"
	"math/rand/v2"
	"testing"
)

// bruteSilhouette computes silhouettes from the dense distance matrix.
func bruteSilhouette(n int, a [][]float64, membership []int) []float64 {
	cos := func(i, j int) float64 {
		dot, ni, nj := 0.0, 0.0, 0.0
		for k := 0; k < n; k++ {
			dot += a[i][k] * a[j][k]
			ni += a[i][k] * a[i][k]
			nj += a[j][k] * a[j][k]
		}
		if ni == 0 || nj == 0 {
			return 0
		}
		return dot / math.Sqrt(ni*nj)
	}
	k := 0
	for _, c := range membership {
		k = max(k, c+1)
	}
	s := make([]float64, n)
	for i := 0; i < n; i++ {
		ci := membership[i]
		if ci < 0 {
			continue
		}
		sum := make([]float64, k)
		cnt := make([]int, k)
		for j := 0; j < n; j++ {
			if j != i && membership[j] >= 0 {
				sum[membership[j]] += 1 - cos(i, j)
				cnt[membership[j]]++
			}
		}
		if cnt[ci] == 0 {
			continue
		}
		ai := sum[ci] / float64(cnt[ci])
		bi := math.Inf(1)
		for c := 0; c < k; c++ {
			if c != ci && cnt[c] > 0 {
				bi = min(bi, sum[c]/float64(cnt[c]))
			}
		}
		if math.IsInf(bi, 1) {
			continue
		}
		if m := max(ai, bi); m > 0 {
			s[i] = (bi - ai) / m
		}
	}
	return s
}

// TestSilhouetteHandComputed: two disjoint unit edges 0–1 and 2–3 with
// their weight on the diagonal: profiles (1,1,0,0) twice and (0,0,1,1) twice.
// Within a pair the distance is 0, across 1: every s(i) = 1. Clustering
// {0,2} and {1,3} gives node 0 a = d(0,2) = 1 and b = (d(0,1)+d(0,3))/2 =
// 0.5: s = −0.5, and likewise for every node.
func TestSilhouetteHandComputed(t *testing.T) {
	g := ldGraph(4, [3]float64{0, 1, 1}, [3]float64{2, 3, 1})
	r := Silhouette(g, []int{0, 0, 1, 1}, nil)
	for i, s := range r.Node {
		if math.Abs(s-1) > 1e-14 {
			t.Errorf("s(%d) = %v, want 1", i, s)
		}
	}
	if math.Abs(r.Mean-1) > 1e-14 || math.Abs(r.Cluster[0]-1) > 1e-14 {
		t.Errorf("mean %v clusters %v", r.Mean, r.Cluster)
	}
	r = Silhouette(g, []int{0, 1, 0, 1}, nil)
	if math.Abs(r.Mean+0.5) > 1e-14 {
		t.Errorf("mean %v, want −0.5", r.Mean)
	}
	// One cluster, or singletons: 0.
	if r := Silhouette(g, []int{0, 0, 0, 0}, nil); r.Mean != 0 {
		t.Errorf("one cluster: %v", r.Mean)
	}
	if r := Silhouette(g, []int{0, 1, 2, 3}, nil); r.Mean != 0 {
		t.Errorf("singletons: %v", r.Mean)
	}
}

func TestSilhouetteBruteForce(t *testing.T) {
	for seed := range uint64(4) {
		g := ldPlanted([]int{12, 20, 7, 1, 15}, 0.3, 0.05, 4, seed)
		n := g.Order()
		r := rand.New(rand.NewPCG(seed, 1))
		membership := make([]int, n)
		for i := range membership {
			membership[i] = r.IntN(5) - 1 // some unclustered
		}
		var diag []float64
		if seed%2 == 1 {
			diag = make([]float64, n)
			for i := range diag {
				diag[i] = float64(r.IntN(6))
			}
		}
		dense := make([][]float64, n)
		for i := range dense {
			dense[i] = make([]float64, n)
			vs, ws := g.Neighbors(i)
			for k, v := range vs {
				dense[i][v] = ws[k]
			}
			if diag != nil {
				dense[i][i] = diag[i]
			} else {
				for _, x := range ws {
					dense[i][i] = max(dense[i][i], x)
				}
			}
		}
		want := bruteSilhouette(n, dense, membership)
		got := Silhouette(g, membership, diag)
		for i := range want {
			if math.Abs(got.Node[i]-want[i]) > 1e-12 {
				t.Fatalf("seed %d: s(%d) = %v, brute force %v", seed, i, got.Node[i], want[i])
			}
		}
	}
}

// TestSilhouetteLarge runs the parallel path (n ≥ 4096): the planted blocks
// of 20 nodes score far better than a random partition with as many clusters.
func TestSilhouetteLarge(t *testing.T) {
	g := ldLarge(20_000, 20, 2)
	planted := make([]int, g.Order())
	random := make([]int, g.Order())
	r := rand.New(rand.NewPCG(3, 3))
	for i := range planted {
		planted[i] = i / 20
		random[i] = r.IntN(1000)
	}
	sp, sr := Silhouette(g, planted, nil), Silhouette(g, random, nil)
	t.Logf("20k nodes: mean silhouette planted %.4f, random %.4f", sp.Mean, sr.Mean)
	if !(sp.Mean > 0.3) || !(sr.Mean < 0.05) {
		t.Errorf("mean silhouette planted %v, random %v", sp.Mean, sr.Mean)
	}
}
