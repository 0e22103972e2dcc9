// Package graph holds the citation graph and its projections: Corpus (the
// resolved works with their citation graph, NewCorpus), the co-citation
// and bibliographic-coupling networks of documents, authors and sources
// with their counting and normalisation, co-authorship, the historiograph
// of the corpus records, and LoadEdgeList for edge lists too large for
// records.
//
// Graphs here are compact and immutable: dense int64 node ids 0..n-1 and
// adjacency in compressed sparse row (CSR) form. They implement gonum's
// graph interfaces with slice-backed iterators, so gonum algorithms run on
// them directly, without a map lookup per edge visit.
//
// Stage: resolved works → graph. It imports bib and bib/resolve (and the
// readers' and parser's packages below them, never directly needed), and
// nothing later in the flow: not metrics, export or analysis.
package graph
