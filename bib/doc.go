// Package bib is citegraph's bibliographic model: the works, references and
// records read from input, one reader per input format, the free-text
// reference parser, and the name and title normalisation that match keys are
// built from.
//
// Data flows one way through citegraph: input → records → resolved works →
// graph → metrics → export. Package bib is the first two steps and imports
// none of the later ones.
package bib
