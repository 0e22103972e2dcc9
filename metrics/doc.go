// Package metrics computes node-level indicators and clusterings of the
// citation graph and its projections: PageRank, HITS hubs and authorities,
// shortest-path betweenness (exact and sampled) and Louvain modularity
// clustering.
//
// Every function takes a graph from package graph, whose node ids are dense
// (0..n-1), and returns a slice indexed by node id. The algorithms work on the
// graphs' CSR arrays directly; none allocates per edge visit.
//
// Conventions follow NetworkX (and so, where it has the same measure, gonum),
// which the tests use as the oracle:
//
//   - PageRank: damping 0.85, the mass of dangling nodes (no out-links) spread
//     uniformly over all nodes, uniform teleport, scores summing to 1;
//     self-loops are ordinary out-links.
//   - HITS: hub and authority vectors each scaled to sum to 1.
//   - Betweenness: raw (unnormalised) Brandes counts over ordered pairs of a
//     directed graph, as networkx.betweenness_centrality(G, normalized=False)
//     on a DiGraph; self-loops take no part in shortest paths.
//   - Modularity: the Reichardt–Bornholdt form with resolution γ, equal to
//     gonum's community.Q and networkx's community.modularity.
//
// Louvain is this package's own implementation on the CSR arrays;
// LouvainGonum wraps gonum's community.Modularize and serves as the
// reference it is tested against.
//
// Results are deterministic: parallel loops reduce partial sums in a fixed
// order, and every randomised method takes an explicit seed.
//
// Stage: graph → metrics. It imports graph (and bib below it), and nothing
// later in the flow: not export, analysis or cmd/citegraph.
package metrics
