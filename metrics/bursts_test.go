package metrics

import (
	"math"
	"math/rand/v2"
	"testing"
)

// burstCost is −ln[C(d,r) p^r (1−p)^(d−r)] with the binomial coefficient
// as a product, independently of Bursts' log-gamma form.
func burstCost(r, d int, p float64) float64 {
	c := 1.0
	for i := 1; i <= r; i++ {
		c *= float64(d-r+i) / float64(i)
	}
	return -math.Log(c * math.Pow(p, float64(r)) * math.Pow(1-p, float64(d-r)))
}

// bruteBursts tries every state sequence and returns the least cost and
// the sequence reaching it.
func bruteBursts(r, d []int, s, gamma float64) (float64, []int) {
	n := len(r)
	R, D := 0, 0
	for t := range r {
		R += r[t]
		D += d[t]
	}
	p := [2]float64{float64(R) / float64(D), min(s*float64(R)/float64(D), 0.9999)}
	up := gamma * math.Log(float64(n))
	best, bestSeq := math.Inf(1), []int(nil)
	for mask := 0; mask < 1<<n; mask++ {
		c, prev := 0.0, 0
		seq := make([]int, n)
		for t := 0; t < n; t++ {
			st := mask >> t & 1
			seq[t] = st
			if st == 1 && prev == 0 {
				c += up
			}
			c += burstCost(r[t], d[t], p[st])
			prev = st
		}
		if c < best-1e-9 {
			best, bestSeq = c, seq
		}
	}
	return best, bestSeq
}

func statesOf(n int, bs []Burst) []int {
	seq := make([]int, n)
	for _, b := range bs {
		for t := b.Begin; t <= b.End; t++ {
			seq[t] = 1
		}
	}
	return seq
}

// TestBurstsHandComputed: ten citing records a year for five years; the
// work is cited 1, 1, 8, 8, 1 times. p0 = 19/50, p1 = 38/50. Years 2 and 3
// burst; the strength is Σ cost₀ − cost₁ over them.
func TestBurstsHandComputed(t *testing.T) {
	r := []int{1, 1, 8, 8, 1}
	d := []int{10, 10, 10, 10, 10}
	bs, err := Bursts(r, d, DefaultBurstOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 || bs[0].Begin != 2 || bs[0].End != 3 {
		t.Fatalf("bursts %+v, want one over batches 2–3", bs)
	}
	p0, p1 := 19.0/50, 38.0/50
	want := 2 * (burstCost(8, 10, p0) - burstCost(8, 10, p1))
	if math.Abs(bs[0].Strength-want) > 1e-12 {
		t.Errorf("strength %v, want %v", bs[0].Strength, want)
	}
	// A high γ makes entering the burst state too dear.
	if bs, _ := Bursts(r, d, BurstOptions{S: 2, Gamma: 20}); len(bs) != 0 {
		t.Errorf("γ=20: %+v", bs)
	}
	// Minimum duration 3 drops the two-year burst.
	if bs, _ := Bursts(r, d, BurstOptions{S: 2, Gamma: 1, MinDuration: 3}); len(bs) != 0 {
		t.Errorf("min duration 3: %+v", bs)
	}
	if _, err := Bursts([]int{3}, []int{2}, DefaultBurstOptions()); err == nil {
		t.Error("r > d accepted")
	}
	if bs, _ := Bursts([]int{0, 0}, []int{4, 4}, DefaultBurstOptions()); bs != nil {
		t.Error("bursts without citations")
	}
}

// TestBurstsViterbiBruteForce: the Viterbi path has the least cost of all
// 2^n state sequences.
func TestBurstsViterbiBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(10)
		r, d := make([]int, n), make([]int, n)
		for i := range r {
			d[i] = rng.IntN(30)
			if d[i] > 0 {
				r[i] = rng.IntN(d[i] + 1)
			}
		}
		s := 1.5 + rng.Float64()*2
		gamma := rng.Float64() * 2
		R, D := 0, 0
		for i := range r {
			R += r[i]
			D += d[i]
		}
		if R == 0 || R == D {
			continue
		}
		bs, err := Bursts(r, d, BurstOptions{S: s, Gamma: gamma})
		if err != nil {
			t.Fatal(err)
		}
		wantCost, wantSeq := bruteBursts(r, d, s, gamma)
		seq := statesOf(n, bs)
		p := [2]float64{float64(R) / float64(D), min(s*float64(R)/float64(D), 0.9999)}
		c, prev := 0.0, 0
		for i, st := range seq {
			if st == 1 && prev == 0 {
				c += gamma * math.Log(float64(n))
			}
			c += burstCost(r[i], d[i], p[st])
			prev = st
		}
		if math.Abs(c-wantCost) > 1e-9*math.Max(1, wantCost) {
			t.Fatalf("r=%v d=%v s=%.3f γ=%.3f: Viterbi %v cost %v, brute force %v cost %v", r, d, s, gamma, seq, c, wantSeq, wantCost)
		}
	}
}

func TestSigma(t *testing.T) {
	if s := Sigma(0.5, 2); s != 2.25 {
		t.Errorf("sigma %v, want 2.25", s)
	}
	if s := Sigma(0.3, 0); s != 1 {
		t.Errorf("sigma %v, want 1", s)
	}
}
