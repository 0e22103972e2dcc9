package train

import (
	"errors"
	"math"
)

// A limited-memory BFGS minimiser (Nocedal and Wright, Numerical
// Optimization, algorithms 7.4 and 7.5) with a backtracking line search
// under the Armijo condition, for the CRF's objective.
//
// gonum.org/v1/gonum/optimize has the same method, but importing it links
// gonum's stat/distmv and with it golang.org/x/tools, which this module
// does not require; the few lines below avoid the dependency.

// crfLBFGS are the settings of a minimisation.
type crfLBFGS struct {
	Memory     int     // correction pairs kept
	Iterations int     // most iterations
	RelTol     float64 // stop when the objective improved by less than RelTol·|f| over Window iterations
	Window     int
	// Progress, if set, is called after every iteration.
	Progress func(iter int, f float64, evals int)
}

// minimize minimises f from x (which it overwrites with the minimiser).
// eval returns f(x) and writes the gradient to grad.
func (o crfLBFGS) minimize(x []float64, eval func(x, grad []float64) float64) (float64, error) {
	n := len(x)
	m := o.Memory
	if m <= 0 {
		m = 10
	}
	s := make([][]float64, 0, m)
	y := make([][]float64, 0, m)
	rho := make([]float64, 0, m)
	alpha := make([]float64, m)
	g := make([]float64, n)
	d := make([]float64, n)
	xNew := make([]float64, n)
	gNew := make([]float64, n)
	f := eval(x, g)
	evals := 1
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return f, errors.New("lbfgs: objective is not finite at the start")
	}
	history := []float64{f}
	for iter := 1; iter <= o.Iterations; iter++ {
		// d = −H·g by the two-loop recursion.
		copy(d, g)
		for k := len(s) - 1; k >= 0; k-- {
			alpha[k] = rho[k] * crfDot(s[k], d)
			crfAxpy(-alpha[k], y[k], d)
		}
		if k := len(s) - 1; k >= 0 {
			gamma := crfDot(s[k], y[k]) / crfDot(y[k], y[k])
			for i := range d {
				d[i] *= gamma
			}
		}
		for k := 0; k < len(s); k++ {
			beta := rho[k] * crfDot(y[k], d)
			crfAxpy(alpha[k]-beta, s[k], d)
		}
		for i := range d {
			d[i] = -d[i]
		}
		slope := crfDot(g, d)
		if slope >= 0 {
			// Not a descent direction: start again from the gradient.
			s, y, rho = s[:0], y[:0], rho[:0]
			for i := range d {
				d[i] = -g[i]
			}
			slope = crfDot(g, d)
		}
		step := 1.0
		if len(s) == 0 {
			step = 1 / math.Sqrt(crfDot(g, g))
		}
		// Backtracking until f(x + step·d) ≤ f(x) + c·step·slope.
		var fNew float64
		ok := false
		for tries := 0; tries < 40; tries++ {
			for i := range x {
				xNew[i] = x[i] + step*d[i]
			}
			fNew = eval(xNew, gNew)
			evals++
			if !math.IsNaN(fNew) && fNew <= f+1e-4*step*slope {
				ok = true
				break
			}
			step *= 0.5
		}
		if !ok {
			return f, nil // no further progress along the best direction
		}
		// Keep the correction pair when the curvature is positive.
		var sk, yk []float64
		if len(s) == m {
			sk, yk = s[0], y[0]
			s, y, rho = s[1:], y[1:], rho[1:]
		} else {
			sk, yk = make([]float64, n), make([]float64, n)
		}
		for i := range x {
			sk[i] = xNew[i] - x[i]
			yk[i] = gNew[i] - g[i]
		}
		if sy := crfDot(sk, yk); sy > 1e-10 {
			s, y, rho = append(s, sk), append(y, yk), append(rho, 1/sy)
		}
		copy(x, xNew)
		copy(g, gNew)
		f = fNew
		if o.Progress != nil {
			o.Progress(iter, f, evals)
		}
		history = append(history, f)
		if w := o.Window; w > 0 && len(history) > w {
			old := history[len(history)-1-w]
			if old-f <= o.RelTol*math.Abs(f) {
				break
			}
		}
	}
	return f, nil
}

func crfDot(a, b []float64) float64 {
	sum := 0.0
	for i, v := range a {
		sum += v * b[i]
	}
	return sum
}

func crfAxpy(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}
