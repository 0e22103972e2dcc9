// Package reader reads citegraph's inputs into records: it detects the
// format and the encoding of a file, and has one reader per format (Web
// of Science plain text and tab-delimited, Scopus CSV and RIS, RIS,
// BibTeX, CSL-JSON, Crossref and OpenAlex JSON, Lens, PubMed, edge lists,
// and reference lists copied from a paper). NewReader opens an input,
// ReadAll reads every record, and WithReferenceParser says who reads the
// free-text references the inputs carry (refparse.ParseReference by
// default).
//
// Stage: input → records, the pipeline's first. It imports bib (the
// model) and bib/refparse (the reference parser) and nothing later in the
// flow: not resolve, graph, metrics, export or analysis.
package reader
