package export

import (
	"math"
	"slices"
	"strconv"
	"testing"
)

// twoCommunities is two cliques of size k joined by one link.
func twoCommunities(k int) *Network {
	n := &Network{Name: "two"}
	for i := 0; i < 2*k; i++ {
		n.Nodes = append(n.Nodes, Node{ID: strconv.Itoa(i), Cluster: i/k + 1})
	}
	for c := 0; c < 2; c++ {
		for i := 0; i < k; i++ {
			for j := i + 1; j < k; j++ {
				n.Links = append(n.Links, Link{c*k + i, c*k + j, 1})
			}
		}
	}
	n.Links = append(n.Links, Link{0, k, 1})
	return n
}

func TestForceAtlas2SeparatesCommunities(t *testing.T) {
	n := twoCommunities(12)
	ForceAtlas2(n, DefaultLayout(1))
	if !n.Layout {
		t.Fatal("Layout not set")
	}
	var within, between float64
	var nw, nb int
	for i := range n.Nodes {
		for j := i + 1; j < len(n.Nodes); j++ {
			d := math.Hypot(n.Nodes[i].X-n.Nodes[j].X, n.Nodes[i].Y-n.Nodes[j].Y)
			if n.Nodes[i].Cluster == n.Nodes[j].Cluster {
				within += d
				nw++
			} else {
				between += d
				nb++
			}
		}
	}
	within /= float64(nw)
	between /= float64(nb)
	if !(between > 2*within) {
		t.Errorf("mean distance within communities %.3g, between %.3g: not separated", within, between)
	}
	for _, nd := range n.Nodes {
		if math.IsNaN(nd.X) || math.IsNaN(nd.Y) {
			t.Fatal("NaN position")
		}
	}
}

func TestForceAtlas2IsDeterministic(t *testing.T) {
	a, b, c := twoCommunities(8), twoCommunities(8), twoCommunities(8)
	ForceAtlas2(a, DefaultLayout(5))
	ForceAtlas2(b, DefaultLayout(5))
	ForceAtlas2(c, DefaultLayout(6))
	same, differ := true, false
	for i := range a.Nodes {
		same = same && a.Nodes[i].X == b.Nodes[i].X && a.Nodes[i].Y == b.Nodes[i].Y
		differ = differ || a.Nodes[i].X != c.Nodes[i].X
	}
	if !same {
		t.Error("the same seed gave two layouts")
	}
	if !differ {
		t.Error("another seed gave the same layout")
	}
}

func TestForceAtlas2EdgeCases(t *testing.T) {
	for _, n := range []*Network{
		{},
		{Nodes: []Node{{ID: "a"}}},
		{Nodes: []Node{{ID: "a"}, {ID: "b"}}}, // no links
		{Nodes: []Node{{ID: "a"}, {ID: "b"}}, Links: []Link{{0, 1, 1}, {0, 0, 1}}}, // a self-loop
	} {
		ForceAtlas2(n, DefaultLayout(1))
		for _, nd := range n.Nodes {
			if math.IsNaN(nd.X) || math.IsInf(nd.X, 0) || math.IsNaN(nd.Y) {
				t.Errorf("%d nodes: position %v, %v", len(n.Nodes), nd.X, nd.Y)
			}
		}
	}
}

// BenchmarkForceAtlas2 lays out 5,000 nodes in 25 clusters with 100,000
// links, the size of a Web of Science field (seconds, not minutes).
func BenchmarkForceAtlas2(b *testing.B) {
	n := &Network{}
	const k, clusters = 5000, 25
	for i := 0; i < k; i++ {
		n.Nodes = append(n.Nodes, Node{ID: strconv.Itoa(i)})
	}
	// A deterministic pseudo-random pairing, mostly within clusters.
	s := uint64(1)
	next := func() int { s = s*6364136223846793005 + 1442695040888963407; return int(s >> 33) }
	for len(n.Links) < 100000 {
		a := next() % k
		c := (a/(k/clusters))*(k/clusters) + next()%(k/clusters)
		if next()%10 == 0 {
			c = next() % k
		}
		if a != c {
			n.Links = append(n.Links, Link{a, c, 1})
		}
	}
	for b.Loop() {
		ForceAtlas2(n, DefaultLayout(1))
	}
}

// TestBackbone: a–b 5, b–c 4, a–c 1, c–d 2. The strongest link and each
// node's strongest are a–b, b–c and c–d; a–c, nobody's strongest, goes.
func TestBackbone(t *testing.T) {
	n := &Network{Nodes: make([]Node, 4), Links: []Link{{0, 1, 5}, {0, 2, 1}, {1, 2, 4}, {2, 3, 2}}}
	got := Backbone(n, 1)
	want := []Link{{0, 1, 5}, {1, 2, 4}, {2, 3, 2}}
	if !slices.Equal(got, want) {
		t.Errorf("Backbone(1) = %v, want %v", got, want)
	}
	if got := Backbone(n, 4); !slices.Equal(got, n.Links) {
		t.Errorf("Backbone(4) = %v, want every link", got)
	}
	if got := Backbone(n, 0); !slices.Equal(got, n.Links) {
		t.Errorf("Backbone(0) = %v, want every link", got)
	}
}
