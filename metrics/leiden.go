package metrics

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/citegraph/citegraph/graph"
)

// Objective is the quality function the Leiden algorithm maximises.
type Objective int

const (
	// ModularityObjective is modularity with resolution γ (Reichardt &
	// Bornholdt 2006, doi:10.1103/PhysRevE.74.016110), see Modularity.
	ModularityObjective Objective = iota
	// CPMObjective is the constant Potts model (Traag, Van Dooren & Nesterov
	// 2011, doi:10.1103/PhysRevE.84.016114):
	//
	//	H = Σ_c [ e_c − γ Σ_{i<j ∈ c} n_i n_j ],
	//
	// e_c the weight of the edges inside cluster c and n_i the node weights
	// (1 by default, so the penalty is γ n_c(n_c−1)/2). γ is a density
	// threshold: clusters are denser than γ inside and sparser between.
	CPMObjective
)

func (o Objective) String() string {
	switch o {
	case ModularityObjective:
		return "modularity"
	case CPMObjective:
		return "cpm"
	}
	return fmt.Sprintf("Objective(%d)", int(o))
}

// SmallClusters says what LeidenOptions.MinClusterSize does to smaller
// clusters.
type SmallClusters int

const (
	// MergeSmallClusters merges each small cluster, smallest first, into the
	// cluster it is most strongly linked to relative to that cluster's size,
	// as VOSviewer and CWTS networkanalysis do (removeSmallClustersBasedOnNNodes);
	// a small cluster linked to no other stays.
	MergeSmallClusters SmallClusters = iota
	// DropSmallClusters leaves the nodes of small clusters unclustered
	// (membership −1).
	DropSmallClusters
)

// LeidenOptions tune Leiden. The zero value is not valid: start from
// DefaultLeidenOptions.
type LeidenOptions struct {
	Objective  Objective
	Resolution float64 // γ: for modularity 1 is Newman–Girvan's; for CPM a density
	Seed       uint64
	// RandomStarts runs the algorithm from this many random node orders
	// (PCG streams derived from Seed) and keeps the partition of highest
	// quality, the first on ties. At least 1.
	RandomStarts int
	// Iterations bounds the iterations of the algorithm, each starting from
	// the partition the previous one ended with; 0 iterates until an
	// iteration no longer improves the quality (at most 100).
	Iterations int
	// Randomness θ of the refinement phase (default 0.01, as CWTS): a node
	// joins a refined cluster with probability ∝ exp(ΔH/θ).
	Randomness float64
	// NodeWeights are CPM's n_i, one per node; nil means 1 for every node.
	// Modularity ignores them (its node weights are the degrees).
	NodeWeights []float64
	// MinClusterSize: clusters with fewer nodes are merged or dropped, as
	// SmallClusters says. 0 or 1 keeps every cluster.
	MinClusterSize int
	SmallClusters  SmallClusters
}

// DefaultLeidenOptions are modularity at γ = 1, seed 1, one random start,
// iteration until stable, randomness 0.01 and no minimum cluster size.
func DefaultLeidenOptions() LeidenOptions {
	return LeidenOptions{Objective: ModularityObjective, Resolution: 1, Seed: 1, RandomStarts: 1, Randomness: 0.01}
}

// LeidenResult is a Leiden clustering.
type LeidenResult struct {
	// Clustering's Membership numbers clusters by decreasing size (ties by
	// smallest member); nodes of dropped small clusters have −1. Q is the
	// modularity at the options' resolution for the modularity objective,
	// at γ = 1 for CPM (unclustered nodes counted as singletons).
	Clustering
	// Quality is the maximised objective: modularity, or CPM's H.
	Quality float64
	// Iterations is how many iterations the best start ran.
	Iterations int
}

// leidenStream is the PCG stream of the first random start.
const leidenStream = 0x4c656964_656e2131

// leidenMaxIterations bounds iteration until stable.
const leidenMaxIterations = 100

// Leiden clusters the weighted undirected graph g by the Leiden algorithm
// (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing
// well-connected communities", doi:10.1038/s41598-019-41695-z), maximising
// modularity or CPM at resolution γ.
//
// Both objectives are written as CPM with node weights n_i and a scaled
// resolution ρ, H = Σ_c [ I_c − ρ N_c²/2 ] (I_c the weight inside c, N_c the
// total node weight of c), so that moving node i into cluster D gains
// w_{i,D} − ρ n_i N_D: modularity takes n_i = k_i (the degree) and
// ρ = γ/2m, CPM the given node weights and ρ = γ. Each iteration repeats
// three phases until a level moves nothing:
//
//  1. fast local moving: nodes visited from a queue (all nodes in random
//     order, then the neighbours of each node that moves) go to the
//     neighbouring or empty cluster of largest gain;
//  2. refinement: inside each cluster C, starting from singletons, each node
//     still alone and well connected to C (w(v, C−v) ≥ ρ n_v (N_C − n_v)) joins
//     a well-connected refined cluster T of C with non-negative gain, chosen
//     with probability ∝ exp(gain/θ); refined clusters are therefore
//     connected, which Louvain does not guarantee;
//  3. aggregation of the refined clusters into nodes, each starting in the
//     cluster of phase 1 it lies in.
//
// This follows the reference implementation of CWTS networkanalysis
// (LeidenAlgorithm, FastLocalMovingAlgorithm, LocalMergingAlgorithm). Edge
// weights must be non-negative; nodes without edges stay singletons. The
// result is deterministic for given options; random starts run in parallel.
func Leiden(g *graph.Undirected, opts LeidenOptions) (LeidenResult, error) {
	n := g.Order()
	if err := opts.check(n); err != nil {
		return LeidenResult{}, err
	}
	base, rho, err := newLeidenGraph(g, opts)
	if err != nil {
		return LeidenResult{}, err
	}
	type run struct {
		part  []int32
		h     float64
		iters int
	}
	runs := make([]run, opts.RandomStarts)
	work := func(s int) {
		rng := rand.New(rand.NewPCG(opts.Seed, leidenStream+uint64(s)))
		ld := &leiden{rho: rho, theta: opts.Randomness, rng: rng}
		part := make([]int32, n)
		for i := range part {
			part[i] = int32(i)
		}
		h := base.quality(part, rho)
		iters := 0
		for it := 0; opts.Iterations == 0 && it < leidenMaxIterations || it < opts.Iterations; it++ {
			next := ld.iterate(base, part)
			nh := base.quality(next, rho)
			iters++
			if opts.Iterations == 0 && !(nh > h+1e-12*math.Abs(h)+1e-300) {
				if nh >= h {
					part, h = next, nh
				}
				break
			}
			part, h = next, nh
		}
		runs[s] = run{part, h, iters}
	}
	workers := min(opts.RandomStarts, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for s := range runs {
			work(s)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for s := range next {
					work(s)
				}
			})
		}
		for s := range runs {
			next <- s
		}
		close(next)
		wg.Wait()
	}
	best := 0
	for s := range runs {
		if runs[s].h > runs[best].h {
			best = s
		}
	}
	part := runs[best].part
	if opts.MinClusterSize > 1 {
		part = base.removeSmallClusters(part, opts.MinClusterSize, opts.SmallClusters == DropSmallClusters)
	}
	membership := leidenCanonical(part)
	res := LeidenResult{Iterations: runs[best].iters}
	res.Membership = membership
	gammaQ := opts.Resolution
	if opts.Objective == CPMObjective {
		gammaQ = 1
	}
	res.Q = Modularity(g, singletonsForDropped(membership), gammaQ)
	if opts.Objective == ModularityObjective {
		res.Quality = res.Q
	} else {
		res.Quality = CPMQuality(g, membership, opts.Resolution, opts.NodeWeights)
	}
	return res, nil
}

func (o *LeidenOptions) check(n int) error {
	switch {
	case o.Objective != ModularityObjective && o.Objective != CPMObjective:
		return fmt.Errorf("metrics: unknown Leiden objective %d", int(o.Objective))
	case !(o.Resolution >= 0) || math.IsInf(o.Resolution, 1):
		return fmt.Errorf("metrics: Leiden resolution %v must be a non-negative number", o.Resolution)
	case o.RandomStarts < 1:
		return fmt.Errorf("metrics: Leiden needs at least one random start, not %d", o.RandomStarts)
	case o.Iterations < 0:
		return fmt.Errorf("metrics: Leiden iterations %d < 0", o.Iterations)
	case !(o.Randomness > 0) || math.IsInf(o.Randomness, 1):
		return fmt.Errorf("metrics: Leiden randomness %v must be positive", o.Randomness)
	case o.NodeWeights != nil && len(o.NodeWeights) != n:
		return fmt.Errorf("metrics: %d node weights for %d nodes", len(o.NodeWeights), n)
	case o.MinClusterSize < 0:
		return fmt.Errorf("metrics: minimum cluster size %d < 0", o.MinClusterSize)
	case o.SmallClusters != MergeSmallClusters && o.SmallClusters != DropSmallClusters:
		return fmt.Errorf("metrics: unknown small-cluster policy %d", int(o.SmallClusters))
	}
	for _, w := range o.NodeWeights {
		if !(w >= 0) || math.IsInf(w, 1) {
			return fmt.Errorf("metrics: node weight %v must be a non-negative number", w)
		}
	}
	return nil
}

// CPMQuality is the constant Potts model's H = Σ_c [ e_c − γ Σ_{i<j∈c} n_i n_j ]
// of the partition membership of g (see CPMObjective); nodeWeights nil means
// n_i = 1. Nodes labelled −1 count as singletons.
func CPMQuality(g *graph.Undirected, membership []int, resolution float64, nodeWeights []float64) float64 {
	n := g.Order()
	if len(membership) != n {
		panic(fmt.Sprintf("metrics: membership has %d labels for %d nodes", len(membership), n))
	}
	m := singletonsForDropped(membership)
	k := 0
	for _, c := range m {
		k = max(k, c+1)
	}
	tot := make([]float64, k)
	sq := make([]float64, k)
	inner := 0.0
	off, adj, w := g.CSR()
	for u := 0; u < n; u++ {
		nu := 1.0
		if nodeWeights != nil {
			nu = nodeWeights[u]
		}
		tot[m[u]] += nu
		sq[m[u]] += nu * nu
		for e := off[u]; e < off[u+1]; e++ {
			if int(adj[e]) > u && m[adj[e]] == m[u] {
				inner += w[e]
			}
		}
	}
	h := inner
	for c := range k {
		h -= resolution * (tot[c]*tot[c] - sq[c]) / 2
	}
	return h
}

// singletonsForDropped gives each node labelled −1 a cluster of its own.
func singletonsForDropped(membership []int) []int {
	k := 0
	dropped := false
	for _, c := range membership {
		k = max(k, c+1)
		dropped = dropped || c < 0
	}
	if !dropped {
		return membership
	}
	out := slices.Clone(membership)
	for i, c := range out {
		if c < 0 {
			out[i] = k
			k++
		}
	}
	return out
}

// leidenCanonical numbers clusters by decreasing size, ties by smallest
// member, keeping −1 for unclustered nodes.
func leidenCanonical(part []int32) []int {
	k := int32(0)
	for _, c := range part {
		k = max(k, c+1)
	}
	size := make([]int, k)
	first := make([]int, k)
	for i := range first {
		first[i] = -1
	}
	for v, c := range part {
		if c < 0 {
			continue
		}
		size[c]++
		if first[c] < 0 {
			first[c] = v
		}
	}
	var labels []int32
	for c := range k {
		if size[c] > 0 {
			labels = append(labels, c)
		}
	}
	slices.SortFunc(labels, func(a, b int32) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(first[a], first[b]))
	})
	relabel := make([]int, k)
	for i, c := range labels {
		relabel[c] = i
	}
	out := make([]int, len(part))
	for v, c := range part {
		out[v] = -1
		if c >= 0 {
			out[v] = relabel[c]
		}
	}
	return out
}

// newLeidenGraph wraps g's CSR arrays and picks the node weights and scaled
// resolution ρ of the objective.
func newLeidenGraph(g *graph.Undirected, opts LeidenOptions) (*levelGraph, float64, error) {
	n := g.Order()
	off, adj, w := g.CSR()
	lg := &levelGraph{off: off, adj: adj, w: w, self: make([]float64, n), nw: make([]float64, n)}
	m2 := 0.0
	for u := 0; u < n; u++ {
		s := 0.0
		for _, x := range w[off[u]:off[u+1]] {
			if !(x >= 0) || math.IsInf(x, 1) {
				return nil, 0, fmt.Errorf("metrics: Leiden needs non-negative finite edge weights, found %v", x)
			}
			s += x
		}
		m2 += s
		switch {
		case opts.Objective == ModularityObjective:
			lg.nw[u] = s
		case opts.NodeWeights != nil:
			lg.nw[u] = opts.NodeWeights[u]
		default:
			lg.nw[u] = 1
		}
	}
	rho := opts.Resolution
	if opts.Objective == ModularityObjective {
		if m2 == 0 {
			rho = 0
		} else {
			rho = opts.Resolution / m2
		}
	}
	return lg, rho, nil
}

// quality is H = Σ_c [ I_c − ρ N_c²/2 ] of part (labels < order).
func (lg *levelGraph) quality(part []int32, rho float64) float64 {
	n := lg.order()
	tot := make([]float64, n)
	h := 0.0
	for u := 0; u < n; u++ {
		c := part[u]
		tot[c] += lg.nw[u]
		h += lg.self[u]
		for e := lg.off[u]; e < lg.off[u+1]; e++ {
			if part[lg.adj[e]] == c {
				h += lg.w[e] / 2
			}
		}
	}
	for _, t := range tot {
		h -= rho * t * t / 2
	}
	return h
}

// leiden holds one random start's state and scratch space.
type leiden struct {
	rho, theta float64
	rng        *rand.Rand
	clusterScratch
	cum, gains []float64
	cand       []int32
}

// iterate runs one iteration of the Leiden algorithm on base starting from
// the partition init and returns the partition it ends with.
func (ld *leiden) iterate(base *levelGraph, init []int32) []int32 {
	lg := base
	part := slices.Clone(init)
	var maps [][]int32 // maps[l]: nodes of level l → nodes of level l+1
	for {
		nc := ld.moveNodes(lg, part)
		if nc == lg.order() {
			break
		}
		refined, nr := ld.refine(lg, part, nc)
		var next *levelGraph
		var nextPart []int32
		if nr < lg.order() {
			next = lg.aggregate(refined, nr, &ld.clusterScratch, 0.5)
			nextPart = make([]int32, nr)
			for i, r := range refined {
				nextPart[r] = part[i]
			}
			maps = append(maps, refined)
		} else {
			// Refinement merged nothing: aggregate the clusters themselves.
			next = lg.aggregate(part, nc, &ld.clusterScratch, 0.5)
			nextPart = make([]int32, nc)
			for i := range nextPart {
				nextPart[i] = int32(i)
			}
			maps = append(maps, part)
		}
		lg, part = next, nextPart
	}
	for l := len(maps) - 1; l >= 0; l-- {
		finer := make([]int32, len(maps[l]))
		for i, c := range maps[l] {
			finer[i] = part[c]
		}
		part = finer
	}
	return part
}

// moveNodes is the fast local moving phase: it improves part in place and
// renumbers its clusters 0..nc−1 in order of their smallest node.
func (ld *leiden) moveNodes(lg *levelGraph, part []int32) int {
	n := lg.order()
	ld.grow(n)
	off, adj, w, nw := lg.off, lg.adj, lg.w, lg.nw
	tot := make([]float64, n)
	count := make([]int32, n)
	for i, c := range part {
		tot[c] += nw[i]
		count[c]++
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if count[c] == 0 {
			empty = append(empty, int32(c))
		}
	}
	queue := make([]int32, n)
	for i := range queue {
		queue[i] = int32(i)
	}
	ld.rng.Shuffle(n, func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	inQueue := make([]bool, n)
	for i := range inQueue {
		inQueue[i] = true
	}
	head, pending := 0, n
	weightTo, mark := ld.weightTo, ld.mark
	for pending > 0 {
		i := queue[head]
		head++
		if head == n {
			head = 0
		}
		pending--
		inQueue[i] = false
		ci := part[i]
		ni := nw[i]
		tot[ci] -= ni
		count[ci]--
		if count[ci] == 0 {
			empty = append(empty, ci)
		}
		touched := ld.touched[:0]
		strength := 0.0
		for e := off[i]; e < off[i+1]; e++ {
			c := part[adj[e]]
			if !mark[c] {
				mark[c] = true
				touched = append(touched, c)
			}
			weightTo[c] += w[e]
			strength += w[e]
		}
		f := ld.rho * ni
		best, bestGain := ci, weightTo[ci]-f*tot[ci]
		stay := bestGain
		// An empty cluster gains 0: it is where a node goes whose links no
		// longer pay for its weight in its cluster.
		if e := empty[len(empty)-1]; e != ci && 0 > bestGain {
			best, bestGain = e, 0
		}
		for _, c := range touched {
			if c == ci {
				continue
			}
			if g := weightTo[c] - f*tot[c]; g > bestGain {
				best, bestGain = c, g
			}
		}
		// Ignore gains at the level of round-off, which could cycle.
		if bestGain-stay <= 1e-13*(strength+math.Abs(f*tot[ci])) {
			best = ci
		}
		for _, c := range touched {
			weightTo[c] = 0
			mark[c] = false
		}
		ld.touched = touched
		tot[best] += ni
		if count[best] == 0 {
			empty = empty[:len(empty)-1] // best is the top empty cluster
		}
		count[best]++
		if best == ci {
			continue
		}
		part[i] = best
		for _, j := range adj[off[i]:off[i+1]] {
			if !inQueue[j] && part[j] != best {
				inQueue[j] = true
				tail := head + pending
				if tail >= n {
					tail -= n
				}
				queue[tail] = j
				pending++
			}
		}
	}
	return renumber(part)
}

// renumber relabels part densely in order of first appearance and returns
// the number of clusters.
func renumber(part []int32) int {
	relabel := make([]int32, len(part))
	for i := range relabel {
		relabel[i] = -1
	}
	nc := int32(0)
	for i, c := range part {
		if relabel[c] < 0 {
			relabel[c] = nc
			nc++
		}
		part[i] = relabel[c]
	}
	return int(nc)
}

// refine is the refinement phase: inside every cluster of part (nc
// clusters) it merges nodes, starting from singletons, into refined clusters
// (LocalMergingAlgorithm), and returns each node's refined cluster numbered
// 0..nr−1.
func (ld *leiden) refine(lg *levelGraph, part []int32, nc int) ([]int32, int) {
	n := lg.order()
	off, adj, w, nw := lg.off, lg.adj, lg.w, lg.nw
	totC := make([]float64, nc) // N_C of each cluster of part
	for i, c := range part {
		totC[c] += nw[i]
	}
	refined := make([]int32, n) // refined cluster ids are node ids
	weight := make([]float64, n)
	ext := make([]float64, n) // w(T, C−T) of each refined cluster T
	nonSingleton := make([]bool, n)
	for i := 0; i < n; i++ {
		refined[i] = int32(i)
		weight[i] = nw[i]
		for e := off[i]; e < off[i+1]; e++ {
			if part[adj[e]] == part[i] {
				ext[i] += w[e]
			}
		}
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	ld.rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	weightTo, mark := ld.weightTo, ld.mark
	rho := ld.rho
	for _, i := range order {
		c := part[i]
		total := totC[c]
		ni := nw[i]
		if nonSingleton[i] || ext[i] < rho*ni*(total-ni) {
			continue
		}
		extI := ext[i]
		weight[i], ext[i] = 0, 0
		touched := append(ld.touched[:0], i)
		mark[i] = true
		for e := off[i]; e < off[i+1]; e++ {
			j := adj[e]
			if part[j] != c {
				continue
			}
			r := refined[j]
			if !mark[r] {
				mark[r] = true
				touched = append(touched, r)
			}
			weightTo[r] += w[e]
		}
		// Candidates: i's own (now empty) cluster with gain 0, and every
		// well-connected refined cluster with a non-negative gain.
		best, bestGain := i, 0.0
		cand, gains := ld.cand[:0], ld.gains[:0]
		for _, r := range touched {
			if ext[r] < rho*weight[r]*(total-weight[r]) {
				continue
			}
			g := weightTo[r] - rho*ni*weight[r]
			if g < 0 {
				continue
			}
			if g > bestGain {
				best, bestGain = r, g
			}
			cand = append(cand, r)
			gains = append(gains, g)
		}
		chosen := best
		if len(cand) > 1 {
			cum := ld.cum[:0]
			sum := 0.0
			for _, g := range gains {
				sum += math.Exp((g - bestGain) / ld.theta)
				cum = append(cum, sum)
			}
			ld.cum = cum
			x := ld.rng.Float64() * sum
			k, _ := slices.BinarySearch(cum, x)
			chosen = cand[min(k, len(cand)-1)]
		}
		ld.cand, ld.gains = cand, gains
		wChosen := weightTo[chosen]
		for _, r := range touched {
			weightTo[r] = 0
			mark[r] = false
		}
		ld.touched = touched
		weight[chosen] += ni
		ext[chosen] += extI - 2*wChosen
		if chosen != i {
			refined[i] = chosen
			nonSingleton[chosen] = true
		}
	}
	return refined, renumber(refined)
}

// removeSmallClusters merges (or, with drop, unclusters) the clusters of
// part with fewer than minSize nodes. Merging repeatedly takes the smallest
// such cluster (lowest label on ties) and joins it to the cluster D
// maximising w(C, D)/N_D, its link weight to D over D's node weight, as CWTS
// networkanalysis's removeSmallClustersBasedOnNNodes; a small cluster without
// links to another stays as it is.
func (lg *levelGraph) removeSmallClusters(part []int32, minSize int, drop bool) []int32 {
	part = slices.Clone(part)
	k := 0
	for _, c := range part {
		k = max(k, int(c)+1)
	}
	size := make([]int, k)
	for _, c := range part {
		size[c]++
	}
	if drop {
		for i, c := range part {
			if size[c] < minSize {
				part[i] = -1
			}
		}
		return part
	}
	nwc := make([]float64, k)
	links := make([]map[int32]float64, k)
	for c := range links {
		links[c] = map[int32]float64{}
	}
	for u := 0; u < lg.order(); u++ {
		cu := part[u]
		nwc[cu] += lg.nw[u]
		for e := lg.off[u]; e < lg.off[u+1]; e++ {
			if cv := part[lg.adj[e]]; cv != cu {
				links[cu][cv] += lg.w[e]
			}
		}
	}
	into := make([]int32, k) // union-find parent: where a merged cluster went
	for c := range into {
		into[c] = int32(c)
	}
	done := make([]bool, k)
	// A min-heap of (size, label) of the small clusters; entries whose size
	// has changed since they were pushed are skipped when popped.
	var heap sizeHeap
	for c := range k {
		if size[c] > 0 && size[c] < minSize {
			heap.push(sizeEntry{size[c], int32(c)})
		}
	}
	for len(heap) > 0 {
		top := heap.pop()
		small := top.label
		if done[small] || into[small] != small || size[small] != top.size {
			continue
		}
		done[small] = true
		best, bestScore := int32(-1), 0.0
		for d, wt := range links[small] {
			score := wt
			if nwc[d] > 0 {
				score = wt / nwc[d]
			}
			if score > bestScore || score == bestScore && best >= 0 && d < best {
				best, bestScore = d, score
			}
		}
		if best < 0 {
			continue
		}
		into[small] = best
		size[best] += size[small]
		nwc[best] += nwc[small]
		for d, wt := range links[small] {
			delete(links[d], small)
			if d != best {
				links[d][best] += wt
				links[best][d] += wt
			}
		}
		links[small] = nil
		if !done[best] && size[best] < minSize {
			heap.push(sizeEntry{size[best], best})
		}
	}
	find := func(c int32) int32 {
		for into[c] != c {
			c = into[c]
		}
		return c
	}
	for i, c := range part {
		part[i] = find(c)
	}
	return part
}

type sizeEntry struct {
	size  int
	label int32
}

// sizeHeap is a binary min-heap of clusters by size, then label.
type sizeHeap []sizeEntry

func (h sizeEntry) less(o sizeEntry) bool {
	return h.size < o.size || h.size == o.size && h.label < o.label
}

func (h *sizeHeap) push(e sizeEntry) {
	*h = append(*h, e)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if !a[i].less(a[p]) {
			break
		}
		a[i], a[p] = a[p], a[i]
		i = p
	}
}

func (h *sizeHeap) pop() sizeEntry {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(a) && a[l].less(a[m]) {
			m = l
		}
		if r < len(a) && a[r].less(a[m]) {
			m = r
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
	return top
}
