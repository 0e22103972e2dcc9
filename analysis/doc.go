// Package analysis runs citegraph's pipeline end to end: records →
// resolved works → citation graph → centrality, co-citation and clusters →
// the output tables and DOT files. It is the one place where bib, graph,
// metrics and export meet, so the command line stays thin and a Go program
// can run the same analysis in a few lines:
//
//	recs, _ := bib.ReadAll(reader, nil)
//	res, _ := analysis.Run(recs, nil, analysis.DefaultOptions())
//	res.WriteDir("citegraph-out", false)
package analysis
