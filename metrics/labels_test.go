package metrics

import (
	"math"
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	got := Terms([]string{"Bit-patterned media: the magnetic recording of 2012."}, []string{"Block Copolymers"})
	want := []string{"bit-patterned", "media", "bit-patterned media", "magnetic", "recording", "magnetic recording", "block copolymers"}
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestClusterLabelsLLR: four documents, two per cluster. "media" is in both
// of cluster 0's documents and in neither of cluster 1's: in the table
// [[2, 0], [0, 2]] each non-empty cell has O = 2 and E = 1, so
// G² = 2·(2 ln 2 + 2 ln 2) = 8 ln 2.
func TestClusterLabelsLLR(t *testing.T) {
	docs := [][]string{{"media", "film"}, {"media"}, {"film", "lens"}, {"lens"}}
	member := [][]int{{0}, {0}, {1}, {1}}
	got := ClusterLabelsLLR(docs, member, 2, 0)
	if len(got[0]) != 1 || got[0][0].Term != "media" || math.Abs(got[0][0].Score-8*math.Ln2) > 1e-12 {
		t.Errorf("cluster 0: %v, want media with 8 ln 2", got[0])
	}
	// "film" is in one document of each cluster: not over-represented.
	if len(got[1]) != 1 || got[1][0].Term != "lens" {
		t.Errorf("cluster 1: %v", got[1])
	}
	// G² of a table agrees with the textbook form 2 Σ O ln(O/E).
	a, b, c, d := 10.0, 5.0, 20.0, 65.0
	n := a + b + c + d
	want := 0.0
	for _, cell := range [][3]float64{{a, a + b, a + c}, {b, a + b, b + d}, {c, c + d, a + c}, {d, c + d, b + d}} {
		e := cell[1] * cell[2] / n
		want += 2 * cell[0] * math.Log(cell[0]/e)
	}
	if g := gSquared(a, b, c, d); math.Abs(g-want) > 1e-12 {
		t.Errorf("G² %v, want %v", g, want)
	}
}

func TestClusterLabelsTFIDF(t *testing.T) {
	docs := [][]string{{"media", "media", "film"}, {"media"}, {"film", "lens"}, {"lens"}}
	member := [][]int{{0}, {0}, {1}, {1}}
	got := ClusterLabelsTFIDF(docs, member, 2, 0)
	// media: in both documents of cluster 0 (the repeat in one abstract
	// counts once), in 1 of 2 clusters: 2 ln 2; film is in both clusters.
	if len(got[0]) != 1 || got[0][0].Term != "media" || math.Abs(got[0][0].Score-2*math.Ln2) > 1e-12 {
		t.Errorf("cluster 0: %v", got[0])
	}
	if len(got[1]) != 1 || got[1][0].Term != "lens" || math.Abs(got[1][0].Score-2*math.Ln2) > 1e-12 {
		t.Errorf("cluster 1: %v", got[1])
	}
}
