// Package export writes citegraph's results in the formats scholars use:
// tidy CSV tables for pandas and R, DOT for Graphviz. Writers work over an
// io.Writer; OpenFolder writes a run's output folder, replacing the
// earlier output whole (a staging folder swapped in, under a lock).
//
// Out must be deterministic: rows and attributes are written in the order
// the caller gives them, which callers keep sorted.
//
// Stage: results → files, after metrics. It imports bib only (its
// writers take the tables and networks the caller builds), and nothing
// later in the flow: not analysis or cmd/citegraph.
package export
