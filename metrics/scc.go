package metrics

import "github.com/citegraph/citegraph/graph"

// sccTopo labels the strongly connected components of g (Tarjan's
// algorithm, iterative) so that for every edge u → v (u cites v) the
// component of v comes before that of u: the labels are a topological order
// of the cited → citing condensation.
func sccTopo(g *graph.Directed) ([]int32, int) {
	n := g.Order()
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	comp := make([]int32, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int32
	type frame struct {
		v    int32
		next int
	}
	var call []frame
	next, nc := int32(0), int32(0)
	for s := 0; s < n; s++ {
		if index[s] >= 0 {
			continue
		}
		call = append(call, frame{int32(s), 0})
		index[s], low[s] = next, next
		next++
		stack = append(stack, int32(s))
		onStack[s] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			out := g.Out(int(f.v))
			if f.next < len(out) {
				w := out[f.next]
				f.next++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				// Tarjan emits a component after every component it reaches
				// (the works it cites): emission order is cited before citing.
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = nc
					if w == v {
						break
					}
				}
				nc++
			}
		}
	}
	return comp, int(nc)
}

// Cycles counts the groups of works that cite each other in a cycle: the
// strongly connected components of g with more than one node (a
// self-citation alone is not one).
func Cycles(g *graph.Directed) int {
	comp, nc := sccTopo(g)
	size := make([]int32, nc)
	for _, c := range comp {
		size[c]++
	}
	cycles := 0
	for _, s := range size {
		if s > 1 {
			cycles++
		}
	}
	return cycles
}
