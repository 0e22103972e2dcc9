// Package bib is citegraph's bibliographic model: the records read from
// input (Record), the references in their lists (Reference), the works
// they describe (Work) and the names of their authors (Name); the errors
// every stage shares (ParseError, ErrSyntax, ErrUnknownFormat); the
// comparison forms of names, titles and DOIs (Fold, FamilyKey,
// NormalizeDOI …) and the exact match keys built from them (MatchKeys).
//
// Data flows one way through citegraph, a package per stage:
//
//	input → records → parsed references → resolved works → graph → metrics → export
//	        bib/reader  bib/refparse        bib/resolve     graph   metrics   export
//
// with analysis running the whole and cmd/citegraph on top. Package bib is
// the model every stage speaks; it imports no other package of citegraph's.
package bib
