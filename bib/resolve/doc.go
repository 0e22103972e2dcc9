// Package resolve recognises when references denote the same work:
// Resolve turns records and their references into works, each reference
// joined to its work by a rule (id, record, DOI, key or fuzzy score) with
// the fields that agreed. Candidate pairs come from blocking keys
// (block.go), each pair is scored field by field (match.go, with the
// title, source and name similarities of similarity.go and the pinyin of
// Chinese names), a pair of noisy texts (from PDFs or OCR) the fields
// turn down is scored again on its whole texts and numbers
// (textscore.go), and matched pairs are clustered into works
// (match_cluster.go); label.go names the works ("Ruffini 2020a").
//
// Stage: parsed references → resolved works. It imports bib only, and
// nothing later in the flow: the citation graph over the works is package
// graph's (graph.NewCorpus).
package resolve
