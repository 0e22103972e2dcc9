package metrics

import (
	"math"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// Bin is one row of a distribution: how many nodes take the value, and the
// share of nodes taking at least it (the complementary cumulative
// distribution, which plots heavy tails as straight lines on log-log axes).
type Bin struct {
	Value float64
	Count int
	CCDF  float64 // P(X ≥ Value)
}

// Distribution tabulates values: one Bin per distinct value, ascending.
// NaNs are ignored.
func Distribution(values []float64) []Bin {
	xs := slices.DeleteFunc(slices.Clone(values), math.IsNaN)
	slices.Sort(xs)
	var bins []Bin
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j] == xs[i] {
			j++
		}
		bins = append(bins, Bin{Value: xs[i], Count: j - i, CCDF: float64(len(xs)-i) / float64(len(xs))})
		i = j
	}
	return bins
}

// DegreeDistribution is the distribution of the number of neighbours.
func DegreeDistribution(g *graph.Undirected) []Bin {
	xs := make([]float64, g.Order())
	for u := range xs {
		vs, _ := g.Neighbors(u)
		xs[u] = float64(len(vs))
	}
	return Distribution(xs)
}

// StrengthDistribution is the distribution of total link weight.
func StrengthDistribution(g *graph.Undirected) []Bin {
	xs := make([]float64, g.Order())
	for u := range xs {
		xs[u] = g.Strength(u)
	}
	return Distribution(xs)
}

// InDegreeDistribution is the distribution of citations received.
func InDegreeDistribution(g *graph.Directed) []Bin {
	xs := make([]float64, g.Order())
	for u := range xs {
		xs[u] = float64(g.InDegree(u))
	}
	return Distribution(xs)
}

// OutDegreeDistribution is the distribution of references made.
func OutDegreeDistribution(g *graph.Directed) []Bin {
	xs := make([]float64, g.Order())
	for u := range xs {
		xs[u] = float64(g.OutDegree(u))
	}
	return Distribution(xs)
}
