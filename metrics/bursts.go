package metrics

import (
	"fmt"
	"math"
)

// BurstOptions are the parameters of Kleinberg's two-state automaton.
type BurstOptions struct {
	// S is the ratio of the burst rate to the baseline rate, p1 = S·p0
	// (CiteSpace's s, Sci2's "general ratio"); default 2.
	S float64
	// Gamma scales the cost γ·ln(n) of entering the burst state; default 1.
	Gamma float64
	// MinDuration drops bursts shorter than this many batches (CiteSpace's
	// minimum duration); 0 or 1 keeps all.
	MinDuration int
}

// DefaultBurstOptions are s = 2, γ = 1, minimum duration 1.
func DefaultBurstOptions() BurstOptions { return BurstOptions{S: 2, Gamma: 1, MinDuration: 1} }

// Burst is a maximal run of batches in the burst state.
type Burst struct {
	Begin, End int // first and last batch, inclusive (indices into the series)
	// Strength is the cost saved by being in the burst state over the
	// run: Σ_{t=Begin..End} [cost₀(t) − cost₁(t)] (Kleinberg's weight).
	Strength float64
}

// Bursts finds the bursts of a series of batches with Kleinberg's
// two-state automaton (Kleinberg 2002, "Bursty and hierarchical structure
// in streams", doi:10.1145/775047.775061), the model CiteSpace and Sci2 use
// for citation bursts: batch t has d[t] items of which r[t] are relevant —
// for a cited work, the citing records of year t and those citing it.
//
// The baseline rate is p0 = R/D (R = Σ r, D = Σ d) and the burst rate
// p1 = s·p0, capped at 0.9999 so that it stays a probability. The cost of
// batch t in state i is
//
//	cost_i(t) = −ln[ C(d_t, r_t) p_i^r_t (1 − p_i)^(d_t − r_t) ],
//
// entering state 1 costs γ·ln(n) (n batches; the automaton starts in state
// 0), leaving it is free. The Viterbi path of least total cost gives the
// bursts. A series without relevant items, or whose p0 is 0 or 1, has none.
// It returns an error if r and d differ in length or r[t] is outside
// [0, d[t]].
func Bursts(r, d []int, opts BurstOptions) ([]Burst, error) {
	n := len(r)
	if len(d) != n {
		return nil, fmt.Errorf("metrics: %d relevant counts for %d batches", n, len(d))
	}
	if !(opts.S > 1) || !(opts.Gamma >= 0) || math.IsInf(opts.S, 1) || math.IsInf(opts.Gamma, 1) {
		return nil, fmt.Errorf("metrics: burst ratio s = %v must exceed 1 and γ = %v be non-negative", opts.S, opts.Gamma)
	}
	var R, D float64
	for t := range r {
		if r[t] < 0 || r[t] > d[t] {
			return nil, fmt.Errorf("metrics: batch %d has %d relevant of %d items", t, r[t], d[t])
		}
		R += float64(r[t])
		D += float64(d[t])
	}
	if n == 0 || R == 0 || R == D {
		return nil, nil
	}
	p := [2]float64{R / D, min(opts.S*R/D, 0.9999)}
	cost := func(i, t int) float64 {
		rt, dt := float64(r[t]), float64(d[t])
		lc, _ := math.Lgamma(dt + 1)
		la, _ := math.Lgamma(rt + 1)
		lb, _ := math.Lgamma(dt - rt + 1)
		ll := lc - la - lb
		if rt > 0 {
			ll += rt * math.Log(p[i])
		}
		if dt > rt {
			ll += (dt - rt) * math.Log1p(-p[i])
		}
		return -ll
	}
	up := opts.Gamma * math.Log(float64(n))
	// Viterbi: best[i] is the least cost of batches 0..t ending in state i.
	from := make([][2]int8, n)
	best := [2]float64{cost(0, 0), up + cost(1, 0)}
	for t := 1; t < n; t++ {
		var next [2]float64
		// Into state 0: from 0, or down from 1 (free). Ties stay put.
		if best[0] <= best[1] {
			next[0], from[t][0] = best[0], 0
		} else {
			next[0], from[t][0] = best[1], 1
		}
		if best[1] <= best[0]+up {
			next[1], from[t][1] = best[1], 1
		} else {
			next[1], from[t][1] = best[0]+up, 0
		}
		next[0] += cost(0, t)
		next[1] += cost(1, t)
		best = next
	}
	state := make([]int8, n)
	if best[1] < best[0] {
		state[n-1] = 1
	}
	for t := n - 1; t > 0; t-- {
		state[t-1] = from[t][state[t]]
	}
	var bursts []Burst
	for t := 0; t < n; t++ {
		if state[t] != 1 || t > 0 && state[t-1] == 1 {
			continue
		}
		b := Burst{Begin: t}
		for u := t; u < n && state[u] == 1; u++ {
			b.End = u
			b.Strength += cost(0, u) - cost(1, u)
		}
		if b.End-b.Begin+1 >= max(1, opts.MinDuration) {
			bursts = append(bursts, b)
		}
	}
	return bursts, nil
}

// Sigma is CiteSpace's sigma (Chen, Chen, Horowitz, Hou, Liu & Pellegrino
// 2009, "Towards an explanatory and computational theory of scientific
// discovery", J. Informetrics 3(3):191–209): (centrality + 1)^burstness,
// centrality the node's normalised betweenness in the co-citation network
// and burstness the strength of its strongest burst (0 without one, giving
// sigma 1).
func Sigma(centrality, burstness float64) float64 {
	return math.Pow(centrality+1, burstness)
}
