package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Counting says how much one item (a citing record, a shared reference, a
// co-authored paper) adds to the links among its n members.
type Counting int

const (
	// FullCounting adds 1 to each of the n(n−1)/2 links among the members.
	FullCounting Counting = iota
	// FractionalCounting adds 1/(n−1) to each, so that every member's links
	// from one item sum to 1 whatever n is (Perianes-Rodriguez, Waltman &
	// van Eck 2016, "Constructing bibliometric networks: a comparison between
	// full and fractional counting", J. Informetrics 10(4):1178–1195,
	// doi:10.1016/j.joi.2016.10.006; VOSviewer's fractional counting). Items
	// with a single member add nothing.
	FractionalCounting
)

func (c Counting) String() string {
	if c == FractionalCounting {
		return "fractional"
	}
	return "full"
}

// ParseCounting reads "full" or "fractional".
func ParseCounting(s string) (Counting, error) {
	switch s {
	case "full":
		return FullCounting, nil
	case "fractional":
		return FractionalCounting, nil
	}
	return 0, fmt.Errorf("unknown counting %q (full or fractional)", s)
}

// Normalization rescales link weights (see Network.Normalize).
type Normalization int

const (
	NoNormalization Normalization = iota
	// AssociationStrength: a_ij / (s_i s_j / 2m), observed over expected
	// link weight under the configuration model, s_i the node's total link
	// weight and 2m = Σ_i s_i (van Eck & Waltman 2009, "How to normalize
	// cooccurrence data? An analysis of some well-known similarity
	// measures", J. Am. Soc. Inf. Sci. Technol. 60(8):1635–1651,
	// doi:10.1002/asi.21075; CWTS networkanalysis; VOSviewer's default up to
	// a constant factor).
	AssociationStrength
	// Cosine (Salton's cosine): c_ij / √(c_i c_j), c_i the node's occurrences.
	Cosine
	// Jaccard: c_ij / (c_i + c_j − c_ij).
	Jaccard
	// Inclusion: c_ij / min(c_i, c_j).
	Inclusion
	// Equivalence: c_ij² / (c_i c_j), the cosine squared.
	Equivalence
)

// The occurrence-based indices (Cosine … Equivalence) are those of
// bibliometrix's normalizeSimilarity, computed with the occurrence counts c_i
// on the diagonal of the co-occurrence matrix (Aria & Cuccurullo 2017,
// doi:10.1016/j.joi.2017.08.007); van Eck & Waltman 2009 compare them.

var normalizationNames = []string{"none", "association", "cosine", "jaccard", "inclusion", "equivalence"}

func (n Normalization) String() string {
	if int(n) < len(normalizationNames) {
		return normalizationNames[n]
	}
	return fmt.Sprintf("Normalization(%d)", int(n))
}

// ParseNormalization reads none, association, cosine (or salton), jaccard,
// inclusion or equivalence.
func ParseNormalization(s string) (Normalization, error) {
	if s == "salton" {
		return Cosine, nil
	}
	for i, name := range normalizationNames {
		if s == name {
			return Normalization(i), nil
		}
	}
	return 0, fmt.Errorf("unknown normalization %q (none, association, cosine, jaccard, inclusion, equivalence)", s)
}

// Network is a projection whose nodes also carry their occurrences: the
// (weighted) number of items each node takes part in, the diagonal of the
// co-occurrence matrix whose off-diagonal entries are the link weights —
// citations of a co-cited work, references of a coupled record, papers of
// an author. Under fractional counting the diagonal is weighted as the
// links are, c_i = Σ_{items x ∋ i} 1/(n_x − 1), so that c_ij ≤ min(c_i, c_j)
// holds for either counting and the indices of Normalize stay in [0, 1].
type Network struct {
	*Projection
	Occurrences []float64
	Counting    Counting
}

// CoCitationCounted is the co-citation network of the works cited at least
// minCitations times (Small 1973, doi:10.1002/asi.4630240406): each citing
// record adds to the links among the works it cites, 1 or 1/(n−1) by
// counting, n its number of distinct references. Under full counting the
// links are those of CoCitation.
func CoCitationCounted(g *Directed, minCitations int, counting Counting) *Network {
	return projectCounted(g.Order(), g.In, g.Out, func(v int) bool { return g.InDegree(v) >= max(1, minCitations) }, counting)
}

// CouplingCounted is the bibliographic-coupling network of the records
// citing at least minReferences works (Kessler 1963,
// doi:10.1002/asi.5090140103): each cited work adds to the links among the
// records citing it, 1 or 1/(n−1) by counting, n its number of citing
// records. Under full counting the links are those of Coupling.
func CouplingCounted(g *Directed, minReferences int, counting Counting) *Network {
	return projectCounted(g.Order(), g.Out, g.In, func(v int) bool { return g.OutDegree(v) >= max(1, minReferences) }, counting)
}

// projectCounted is project with per-item weights: members u, v are linked
// through every item x ∈ via(u) with v ∈ back(x), x adding 1 (full) or
// 1/(|back(x)|−1) (fractional).
func projectCounted(n int, via, back func(int) []int32, keep func(int) bool, counting Counting) *Network {
	var weight func(x int32) float64
	if counting == FractionalCounting {
		weight = func(x int32) float64 {
			if k := len(back(int(x))); k > 1 {
				return 1 / float64(k-1)
			}
			return 0 // x links nothing: its only member is the row's own node
		}
	}
	p, occ := projectWeighted(n, via, back, keep, weight)
	return &Network{Projection: p, Occurrences: occ, Counting: counting}
}

// GroupCooccurrence links groups that share items: items[x] lists the groups
// of item x (the authors, countries or institutions of a record; repeats are
// ignored), and two groups are linked once (full) or 1/(n−1) (fractional)
// for every item naming both, n the item's number of distinct groups. Nodes
// are the groups of at least minItems items; Members are group ids
// (0..groups−1). This is co-authorship when items are papers and groups
// their authors.
func GroupCooccurrence(items [][]int32, groups, minItems int, counting Counting) *Network {
	n := len(items)
	var edges []Edge
	for x, gs := range items {
		for _, g := range gs {
			edges = append(edges, Edge{int32(x), int32(n) + g})
		}
	}
	bip := NewDirected(n+groups, edges)
	net := CoCitationCounted(bip, minItems, counting)
	for i := range net.Members {
		net.Members[i] -= int32(n)
	}
	return net
}

// GroupCoupling links groups by the works they cite: citing[u] lists the
// groups of citing work u (its authors, its source), a group cites every
// work one of its works cites, and two groups are linked once (full) or
// 1/(n−1) (fractional) for every work both cite, n the number of groups
// citing it. Nodes are the groups citing at least minReferences distinct
// works; Members are group ids. This is author or source bibliographic
// coupling.
func GroupCoupling(g *Directed, citing [][]int32, groups, minReferences int, counting Counting) *Network {
	n := g.Order()
	var edges []Edge
	for u, gs := range citing {
		for _, gr := range gs {
			for _, v := range g.Out(u) {
				edges = append(edges, Edge{int32(n) + gr, v})
			}
		}
	}
	reg := NewDirected(n+groups, edges)
	net := CouplingCounted(reg, minReferences, counting)
	for i := range net.Members {
		net.Members[i] -= int32(n)
	}
	return net
}

// Filter keeps the top nodes of largest total link weight (all when top ≤ 0;
// ties to the lower node), then drops the links lighter than minWeight, as
// VOSviewer's "number of items" and minimum link strength. Nodes left
// without links stay.
func (net *Network) Filter(top int, minWeight float64) *Network {
	n := net.Order()
	keep := make([]bool, n)
	if top > 0 && top < n {
		order := make([]int, n)
		strength := make([]float64, n)
		for i := range order {
			order[i] = i
			strength[i] = net.Strength(i)
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(strength[b], strength[a]) })
		for _, i := range order[:top] {
			keep[i] = true
		}
	} else {
		for i := range keep {
			keep[i] = true
		}
	}
	return net.induced(keep, func(w float64) bool { return w >= minWeight })
}

// induced is the subnetwork on the kept nodes with the links keepLink accepts.
func (net *Network) induced(keep []bool, keepLink func(float64) bool) *Network {
	idx := make([]int32, net.Order())
	out := &Network{Counting: net.Counting, Projection: &Projection{}}
	for i, k := range keep {
		idx[i] = -1
		if k {
			idx[i] = int32(len(out.Members))
			out.Members = append(out.Members, net.Members[i])
			out.Occurrences = append(out.Occurrences, net.Occurrences[i])
		}
	}
	var es []WeightedEdge
	for _, e := range net.Edges() {
		if idx[e.A] >= 0 && idx[e.B] >= 0 && keepLink(e.Weight) {
			es = append(es, WeightedEdge{idx[e.A], idx[e.B], e.Weight})
		}
	}
	out.Undirected = NewUndirected(len(out.Members), es)
	return out
}

// Normalize returns the network with every link weight a_ij (c_ij)
// rescaled by the method (see Normalization). A link whose index is
// undefined (a zero denominator) keeps weight 0.
func (net *Network) Normalize(method Normalization) *Network {
	if method == NoNormalization {
		return net
	}
	n := net.Order()
	s := make([]float64, n)
	m2 := 0.0
	for i := range s {
		s[i] = net.Strength(i)
		m2 += s[i]
	}
	c := net.Occurrences
	f := func(i, j int32, a float64) float64 {
		var num, den float64
		switch method {
		case AssociationStrength:
			num, den = a*m2, s[i]*s[j]
		case Cosine:
			num, den = a, math.Sqrt(c[i]*c[j])
		case Jaccard:
			num, den = a, c[i]+c[j]-a
		case Inclusion:
			num, den = a, min(c[i], c[j])
		case Equivalence:
			num, den = a*a, c[i]*c[j]
		default:
			panic(fmt.Sprintf("graph: unknown normalization %d", int(method)))
		}
		if den == 0 {
			return 0
		}
		return num / den
	}
	off, adj, w := net.CSR()
	nw := make([]float64, len(w))
	for i := 0; i < n; i++ {
		for e := off[i]; e < off[i+1]; e++ {
			a, b := int32(i), adj[e]
			nw[e] = f(min(a, b), max(a, b), w[e]) // the same operands both ways
		}
	}
	return &Network{
		Projection:  &Projection{Undirected: newUndirectedCSR(off, adj, nw), Members: net.Members},
		Occurrences: net.Occurrences,
		Counting:    net.Counting,
	}
}
