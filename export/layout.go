package export

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// LayoutOptions tune ForceAtlas2.
type LayoutOptions struct {
	Seed       uint64 // seeds the initial positions
	Iterations int    // 0 picks a number from the size of the network
	Gravity    float64
	Scaling    float64 // repulsion strength
	Theta      float64 // Barnes–Hut accuracy: smaller is more exact
	// MaxLinks lays out the Backbone of the network, its MaxLinks
	// strongest links and each node's strongest, as a map draws it; 0
	// lays out every link.
	MaxLinks int
}

// DefaultLayout is the layout of citegraph's maps: Gephi's Barnes–Hut
// accuracy (θ = 1.2), 300 iterations up to 500 nodes and 150 above.
func DefaultLayout(seed uint64) LayoutOptions {
	return LayoutOptions{Seed: seed, Gravity: 1, Scaling: 2, Theta: 1.2}
}

// ForceAtlas2 lays n out with ForceAtlas2 (Jacomy et al. 2014,
// doi:10.1371/journal.pone.0098679): nodes repel each other in proportion
// to their degrees (approximated by Barnes–Hut), links pull with their
// weight, and gravity keeps components together, each node moving at its
// own adaptive speed. Only the links of the network's Backbone pull when
// opt.MaxLinks is set. It is deterministic: the same network and options
// give the same coordinates on the same platform. It sets n.Layout; the
// coordinates are centred on the origin and rounded to 4 decimals.
func ForceAtlas2(n *Network, opt LayoutOptions) {
	k := len(n.Nodes)
	links := Backbone(n, opt.MaxLinks)
	n.Layout = true
	if k == 0 {
		return
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = 300
		if k > 500 {
			iters = 150
		}
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	x, y := make([]float64, k), make([]float64, k)
	spread := 10 * math.Sqrt(float64(k))
	for i := range x {
		x[i] = (rng.Float64()*2 - 1) * spread
		y[i] = (rng.Float64()*2 - 1) * spread
	}
	mass := make([]float64, k)
	for i := range mass {
		mass[i] = 1
	}
	for _, l := range links {
		if l.Source != l.Target {
			mass[l.Source]++
			mass[l.Target]++
		}
	}
	dx, dy := make([]float64, k), make([]float64, k)
	odx, ody := make([]float64, k), make([]float64, k)
	var qt quadTree
	for it := 0; it < iters; it++ {
		copy(odx, dx)
		copy(ody, dy)
		clear(dx)
		clear(dy)
		// Repulsion, by Barnes–Hut, the nodes shared out over the cores:
		// each node's force is its own, so the result does not depend on
		// how they are shared.
		qt.build(x, y, mass)
		forNodes(k, func(lo, hi int) {
			var stack []int32
			for i := lo; i < hi; i++ {
				dx[i], dy[i] = qt.repulse(i, x[i], y[i], mass[i], opt.Scaling, opt.Theta, &stack)
			}
		})
		// Gravity towards the origin.
		for i := 0; i < k; i++ {
			d := math.Hypot(x[i], y[i])
			if d > 0 {
				f := opt.Gravity * mass[i] / d
				dx[i] -= x[i] * f
				dy[i] -= y[i] * f
			}
		}
		// Attraction along links.
		for _, l := range links {
			a, b := l.Source, l.Target
			if a == b {
				continue
			}
			fx, fy := (x[a]-x[b])*l.Weight, (y[a]-y[b])*l.Weight
			dx[a] -= fx
			dy[a] -= fy
			dx[b] += fx
			dy[b] += fy
		}
		// Move, each node at its adaptive speed.
		for i := 0; i < k; i++ {
			swing := mass[i] * math.Hypot(odx[i]-dx[i], ody[i]-dy[i])
			traction := math.Hypot(odx[i]+dx[i], ody[i]+dy[i]) / 2
			speed := 0.1 * math.Log1p(traction) / (1 + math.Sqrt(swing))
			x[i] += dx[i] * speed
			y[i] += dy[i] * speed
		}
	}
	var cx, cy float64
	for i := range x {
		cx += x[i]
		cy += y[i]
	}
	cx /= float64(k)
	cy /= float64(k)
	for i := range n.Nodes {
		n.Nodes[i].X = math.Round((x[i]-cx)*1e4) / 1e4
		n.Nodes[i].Y = math.Round((y[i]-cy)*1e4) / 1e4
	}
}

// forNodes calls f on consecutive ranges covering 0..k-1, one per core
// when k is large enough for that to pay.
func forNodes(k int, f func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), k/500)
	if workers <= 1 {
		f(0, k)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { f(w*k/workers, (w+1)*k/workers) })
	}
	wg.Wait()
}

// quadTree is a Barnes–Hut tree over the nodes' positions.
type quadTree struct {
	cells []qcell
}

type qcell struct {
	cx, cy, half float64 // square: centre and half side
	mass         float64
	mx, my       float64 // mass-weighted position sums, then centre of mass
	body         int     // the single node of a leaf, -1 for none, -2 for an inner cell
	child        [4]int32
}

func (q *quadTree) build(x, y, mass []float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range x {
		minX, maxX = math.Min(minX, x[i]), math.Max(maxX, x[i])
		minY, maxY = math.Min(minY, y[i]), math.Max(maxY, y[i])
	}
	half := math.Max(maxX-minX, maxY-minY)/2 + 1e-9
	q.cells = append(q.cells[:0], qcell{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, body: -1})
	for i := range x {
		q.insert(0, i, x, y, mass, 0)
	}
	for c := range q.cells {
		if q.cells[c].mass > 0 {
			q.cells[c].mx /= q.cells[c].mass
			q.cells[c].my /= q.cells[c].mass
		}
	}
}

// insert puts node i below cell c. Nodes at one spot (or past a depth of
// 40) share a leaf.
func (q *quadTree) insert(c, i int, x, y, mass []float64, depth int) {
	for {
		cell := &q.cells[c]
		cell.mass += mass[i]
		cell.mx += x[i] * mass[i]
		cell.my += y[i] * mass[i]
		switch {
		case cell.body == -1 && cell.mass == mass[i]:
			cell.body = i
			return
		case cell.body >= 0:
			old := cell.body
			if depth >= 40 || (x[old] == x[i] && y[old] == y[i]) {
				return // merged into the leaf: its mass and centre hold both
			}
			cell.body = -2
			q.split(c)
			oc := q.quadrant(c, x[old], y[old])
			o := &q.cells[oc]
			o.mass, o.mx, o.my, o.body = mass[old], x[old]*mass[old], y[old]*mass[old], old
		}
		c = q.quadrant(c, x[i], y[i])
		depth++
	}
}

func (q *quadTree) split(c int) {
	h := q.cells[c].half / 2
	for j := 0; j < 4; j++ {
		sx, sy := -1.0, -1.0
		if j&1 != 0 {
			sx = 1
		}
		if j&2 != 0 {
			sy = 1
		}
		q.cells[c].child[j] = int32(len(q.cells))
		q.cells = append(q.cells, qcell{cx: q.cells[c].cx + sx*h, cy: q.cells[c].cy + sy*h, half: h, body: -1})
	}
}

func (q *quadTree) quadrant(c int, x, y float64) int {
	j := 0
	if x >= q.cells[c].cx {
		j |= 1
	}
	if y >= q.cells[c].cy {
		j |= 2
	}
	return int(q.cells[c].child[j])
}

// repulse is the ForceAtlas2 repulsion on node i: kr·m_i·m_j/d from each
// other node j, taking far cells as one body. stack is the caller's
// scratch.
func (q *quadTree) repulse(i int, x, y, m, kr, theta float64, scratch *[]int32) (fx, fy float64) {
	stack := append((*scratch)[:0], 0)
	defer func() { *scratch = stack }()
	for len(stack) > 0 {
		c := &q.cells[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if c.mass == 0 || c.body == i {
			continue
		}
		ddx, ddy := x-c.mx, y-c.my
		d2 := ddx*ddx + ddy*ddy
		if c.body >= 0 || 4*c.half*c.half < theta*theta*d2 {
			if d2 < 1e-12 {
				continue
			}
			f := kr * m * c.mass / d2
			fx += ddx * f
			fy += ddy * f
			continue
		}
		stack = append(stack, c.child[:]...)
	}
	return fx, fy
}
