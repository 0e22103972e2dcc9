// Package refparse reads one reference string into a bib.Work: the
// hand-written rules (ParseReference, the default), the fixed shape of Web
// of Science cited references (ParseWoSCitedReference, ParseCRName) and the
// learnt parser, a linear-chain conditional random field whose trained
// model is embedded in the binary (CRFReferenceParser). Names are read here
// too: one personal name (ParseName) and the author list of a reference.
//
// Stage: records → parsed references. It imports bib only; the readers
// (bib/reader) call it, and nothing of resolve, graph, metrics, export or
// analysis may be imported here.
//
// The seam to training. Package bib/refparse/train learns the CRF's
// weights and may use, besides the parsers: the labels, tokens and tags
// (CRFLabel and its constants, CRFTok, CRFTokenize, CRFTokText, CRFIsMark,
// CRFIsLocatorKeyword, CRFIsIssueKeyword, CRFTagLabel, CRFOwnOther,
// CRFAllowed, CRFTags); the featuriser (CRFTokenFeatures); the weights and
// the model file (CRFWeights, NewCRFModel, CRFModel.Label, ReadCRFModel,
// WriteCRFModel, CRFWeightStep, CRFEmbeddedModel); how labels become a
// Work (CRFWork, CRFFieldSpan, CRFSpanText); and the rule parser's word
// tests that the labelled data's normalisation and the renderings share
// (IsYear, IsRoman, IsConnector, IsEditorWord, IsCJKName, IsConference,
// ThesisWords, ReportWords). Everything else stays unexported.
package refparse
