// Package graph resolves references to works and holds the citation graph
// and its projections (co-citation, bibliographic coupling, author and
// source co-citation).
//
// Graphs here are compact and immutable: dense int64 node ids 0..n-1 and
// adjacency in compressed sparse row (CSR) form. They implement gonum's
// graph interfaces with slice-backed iterators, so gonum algorithms run on
// them directly, without a map lookup per edge visit.
package graph
