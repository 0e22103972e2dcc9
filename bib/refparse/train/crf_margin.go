package train

import "github.com/citegraph/citegraph/bib/refparse"

// Softmax-margin training (Gimpel and Smith, "Softmax-margin CRFs:
// training log-linear models with cost functions", NAACL-HLT 2010,
// 733–736, https://aclanthology.org/N10-1112). The likelihood of the gold
// labels y* of a reference x is taken against a partition function in
// which every labelling is raised by its cost:
//
//	−log p(y*|x) = −s(x, y*) + log Σ_y exp(s(x, y) + cost(y, y*))
//
// The cost is a sum over tokens, so it adds to each token's emission
// scores and the forward-backward passes are unchanged. Plain likelihood
// weighs every wrong labelling by its probability alone; with the cost, a
// labelling weighs more the more mistakes it makes, and training pushes
// hardest against those the F1 counts, as a structured SVM does with its
// margin, while the objective stays smooth and convex for L-BFGS.
//
// The cost of a token follows the micro F1 over the fields: a field read
// as other, or other as a field, costs Margin (a false negative or a
// false positive); a field read as another field costs twice that (one of
// each).

// crfCost is the cost of each label against each gold label.
type crfCost [refparse.CRFNumLabels][refparse.CRFNumLabels]float64

// crfMarginCost returns the costs for a margin.
func crfMarginCost(margin float64) (c crfCost) {
	for g := range c {
		for y := range c[g] {
			switch {
			case g == y:
			case g == int(refparse.CRFOther) || y == int(refparse.CRFOther):
				c[g][y] = margin
			default:
				c[g][y] = 2 * margin
			}
		}
	}
	return c
}
