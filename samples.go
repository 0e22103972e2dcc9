// Package citegraph holds the samples that the citegraph command runs on
// when it is given no input. The toolkit itself is in the packages below,
// one per stage of the pipeline: bib (the model), bib/reader (input),
// bib/refparse (reference parsing), bib/resolve (resolution), graph
// (citation graph and networks), metrics (centrality and clustering),
// export (output formats) and analysis (the pipeline). layers_test.go
// fails when a package imports against that flow.
package citegraph

import _ "embed"

// SeedReferences is the science-diplomacy reference list citegraph began
// from: 17 references of an article in the Bulletin of Chinese Academy of
// Sciences (see testdata/README.md).
//
//go:embed testdata/seed/seed-references.txt
var SeedReferences []byte

// WoSSample is a Web of Science plain-text export of 500 records on
// bit-patterned media (see testdata/README.md).
//
//go:embed testdata/exports/wos-bit-pattern-savedrecs.txt
var WoSSample []byte
