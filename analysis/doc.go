// Package analysis runs citegraph's pipeline end to end: records →
// resolved works → citation graph → centrality, co-citation and clusters →
// the output tables and DOT files. It is the one place where resolve,
// graph, metrics and export meet, so the command line stays thin and a Go
// program can run the same analysis in a few lines:
//
//	recs, _ := reader.ReadAll(rr, nil)
//	res, _ := analysis.Run(recs, nil, analysis.DefaultOptions())
//	res.WriteDir("citegraph-out", false)
//
// Stage: the whole pipeline, the last layer below the programs. It may
// import every stage before it (bib and its subpackages, graph, metrics,
// export), never the parser's training (bib/refparse/train) nor
// cmd/citegraph.
package analysis
