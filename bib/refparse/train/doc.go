// Package train trains and scores the reference parser's conditional
// random field (package refparse): the labelled references (AnyStyle,
// GROBID and the seed list, under testdata/refparse), their records
// rendered again in GB/T 7714 and six common styles, training by L-BFGS
// (likelihood, softmax-margin, L2), the average of the ensemble, the bias
// of other, and the scores per field. TrainRefParser returns the model file
// that package refparse embeds; EvaluateRefParser scores a model.
//
// Stage: beside the pipeline, not in it. Only cmd/citegraph (its
// train-parser command) imports this package; it imports bib and
// bib/refparse and nothing else of citegraph's.
package train
